"""Adapter: porting sensitivity of the ratio's lower bound."""
import pandas as pd

from frontline import figures, figures_stats, io, runlog

log = runlog.to_file(snakemake.log[0], "frontline.figures")
fig = figures_stats.plot_porting(pd.read_csv(snakemake.input.csv), io.read_json(snakemake.input.json)["multiple"],
                                 snakemake.params.label)
figures.save(fig, snakemake.output.png, snakemake.output.svg)
log.info("wrote %s", snakemake.output.png)
