"""Adapter: ads per unique number (log scale), the focus brand against all others."""
import pandas as pd

from frontline import figures, runlog

log = runlog.to_file(snakemake.log[0], "frontline.figures")
p = snakemake.params
attributed = pd.read_parquet(snakemake.input.attributed)
fig = figures.plot_ads_per_number(attributed, p.focus, p.label)
figures.save(fig, snakemake.output.png, snakemake.output.svg)
log.info("wrote %s from %d numbers", snakemake.output.png, len(attributed))
