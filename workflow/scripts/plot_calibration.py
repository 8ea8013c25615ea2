"""Adapter: interval coverage in the calibration study."""
import pandas as pd

from frontline import figures, figures_stats, runlog

log = runlog.to_file(snakemake.log[0], "frontline.figures")
fig = figures_stats.plot_calibration(pd.read_csv(snakemake.input.csv), snakemake.params.confidence,
                                     snakemake.params.label)
figures.save(fig, snakemake.output.png, snakemake.output.svg)
log.info("wrote %s", snakemake.output.png)
