"""Adapter: power curve of the exact binomial test against N, per baseline."""
import pandas as pd

from frontline import figures, figures_stats, io, runlog

log = runlog.to_file(snakemake.log[0], "frontline.figures")
facts = io.read_json(snakemake.input.json)
fig = figures_stats.plot_power(pd.read_csv(snakemake.input.csv), facts["observed_n"], facts["target_power"],
                               snakemake.params.label)
figures.save(fig, snakemake.output.png, snakemake.output.svg)
log.info("wrote %s", snakemake.output.png)
