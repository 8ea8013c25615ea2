"""Adapter: ads per week and the focus brand's share of them."""
import pandas as pd

from frontline import figures, runlog

log = runlog.to_file(snakemake.log[0], "frontline.figures")
p = snakemake.params
ad_numbers = pd.read_parquet(snakemake.input.ad_numbers)
attributed = pd.read_parquet(snakemake.input.attributed)
fig = figures.plot_posting_over_time(ad_numbers, attributed, p.focus, p.label)
figures.save(fig, snakemake.output.png, snakemake.output.svg)
log.info("wrote %s from %d ad-number rows", snakemake.output.png, len(ad_numbers))
