"""Adapter: brand shares with intervals beside the baselines."""
import pandas as pd

from frontline import compare, figures, runlog

log = runlog.to_file(snakemake.log[0], "frontline.figures")
p = snakemake.params
shares = pd.read_csv(snakemake.input.shares)
baselines = compare.baseline_shares(pd.read_csv(snakemake.input.baselines))
baselines = baselines[baselines["baseline"].isin(p.baselines)]
fig = figures.plot_brand_shares(shares, baselines, p.focus, p.label, confidence=p.confidence)
figures.save(fig, snakemake.output.png, snakemake.output.svg)
log.info("wrote %s", snakemake.output.png)
