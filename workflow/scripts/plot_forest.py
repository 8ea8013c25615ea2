"""Adapter: over-representation forest plot (every brand against each baseline, the claimed multiple marked)."""
import pandas as pd

from frontline import compare, figures, figures_stats, runlog

log = runlog.to_file(snakemake.log[0], "frontline.figures")
claims = compare.read_claims(snakemake.input.claims).set_index("quantity")["value"]
fig = figures_stats.plot_forest(pd.read_csv(snakemake.input.tests), snakemake.params.focus, float(claims["ratio_min"]),
                                snakemake.params.label,
                                published_ratio=float(claims["share"]) / float(claims["baseline_share"]))
figures.save(fig, snakemake.output.png, snakemake.output.svg)
log.info("wrote %s", snakemake.output.png)
