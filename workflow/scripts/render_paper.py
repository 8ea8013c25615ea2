"""Adapter: fill the paper template from the workflow's JSON files, check the title, render HTML and PDF."""
from pathlib import Path

from frontline import io, paper, runlog

log = runlog.to_file(snakemake.log[0], "frontline.paper")
p = snakemake.params
facts = {r: {name: io.read_json(path) for name, path in p.facts[r].items()} for r in p.regions}
context = paper.context(facts, p.figures, primary=p.primary, out_dir=Path(snakemake.output.markdown).parent)
text = paper.fill(snakemake.input.template, context)
focus = context["primary"]["numbers"]["focus"]
checked = paper.check_title(paper.front_matter(text).get("title", ""), focus["share"], focus["focus_brand"],
                            interval=(focus["wilson_low"], focus["wilson_high"]))
log.info("title checked against the results: %s", checked or "nothing to check")
cited = paper.check_citations(text, snakemake.input.bibliography)
log.info("%d works cited, all in %s", len(cited), snakemake.input.bibliography)
paper.write_filled(text, snakemake.output.markdown)
paper.render_html(snakemake.output.markdown, snakemake.output.html, snakemake.input.bibliography,
                  resource_path=Path(snakemake.output.markdown).parent, css=snakemake.input.css)
paper.render_pdf(snakemake.output.markdown, snakemake.output.pdf, snakemake.input.bibliography,
                 root=Path(snakemake.output.pdf).parent.parent, header=snakemake.input.typst_header)
log.info("rendered %s and %s", snakemake.output.html, snakemake.output.pdf)
