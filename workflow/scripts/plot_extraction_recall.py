"""Adapter: recall per obfuscation pattern, our extractor beside phonenumbers' matcher."""
import pandas as pd

from frontline import figures, runlog

log = runlog.to_file(snakemake.log[0], "frontline.figures")
table = pd.read_csv(snakemake.input.table)
fig = figures.plot_extraction_recall(table, snakemake.params.label)
figures.save(fig, snakemake.output.png, snakemake.output.svg)
log.info("wrote %s", snakemake.output.png)
