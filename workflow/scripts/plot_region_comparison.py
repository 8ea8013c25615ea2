"""Adapter: the focus brand's share in every configured region, as a table and a figure."""
import pandas as pd

from frontline import compare, figures, io, runlog

log = runlog.to_file(snakemake.log[0], "frontline.figures")
p = snakemake.params
table = figures.region_table([io.read_json(f) for f in snakemake.input.numbers],
                             [io.read_json(f) for f in snakemake.input.ingest])
baselines = compare.baseline_shares(pd.read_csv(snakemake.input.baselines))
baselines = baselines[baselines["baseline"].isin(p.baselines)]
io.write_csv(table, snakemake.output.table)
fig = figures.plot_region_comparison(table, baselines, p.focus)
figures.save(fig, snakemake.output.png, snakemake.output.svg)
log.info("compared %d regions: wrote %s and %s", len(table), snakemake.output.table, snakemake.output.png)
