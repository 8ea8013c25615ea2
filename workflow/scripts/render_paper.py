"""Adapter: fill the paper template from numbers.json files, render HTML and PDF."""
from pathlib import Path

from frontline import io, paper, runlog

log = runlog.to_file(snakemake.log[0], "frontline.paper")
p = snakemake.params
facts = {r: {name: io.read_json(path) for name, path in p.facts[r].items()} for r in p.regions}
context = paper.context(facts, p.figures, primary=p.primary, out_dir=Path(snakemake.output.markdown).parent)
text = paper.fill(snakemake.input.template, context)
paper.write_filled(text, snakemake.output.markdown)
paper.render_html(snakemake.output.markdown, snakemake.output.html, snakemake.input.bibliography,
                  resource_path=Path(snakemake.output.markdown).parent, css=snakemake.input.css)
paper.render_pdf(snakemake.output.markdown, snakemake.output.pdf, snakemake.input.bibliography,
                 root=Path(snakemake.output.pdf).parent.parent)
log.info("rendered %s and %s", snakemake.output.html, snakemake.output.pdf)
