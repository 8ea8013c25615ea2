"""The rendered paper and the Snakemake report, from one workflow run on the test configuration."""
import json
import re

import pytest
from pypdf import PdfReader

from frontline import paper

from .conftest import run_workflow

pytestmark = pytest.mark.workflow


def _filled(run):
    return (run / "results/paper/paper.md").read_text(encoding="utf-8")


def _figures_in(markdown):
    """Image paths of every figure in the filled Markdown (labelled or not)."""
    return re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", markdown)


def _tables_in(markdown):
    """Labels of the tables in the filled Markdown (``{#tbl:name}`` after a table caption)."""
    return re.findall(r"\{#(tbl:[\w-]+)\}", markdown)


def _pdf_text(run):
    text = "\n".join(page.extract_text() for page in PdfReader(run / "results/paper/paper.pdf").pages)
    return text.replace("\xa0", " ")


def test_no_placeholder_is_left_in_any_rendering(workflow_run):
    for name in ["paper.md", "paper.html", "paper.typ"]:
        text = (workflow_run / "results/paper" / name).read_text(encoding="utf-8")
        assert not re.search(r"\{\{|\{%|<!--#", text), name
    assert not re.search(r"\{\{|\{%", _pdf_text(workflow_run))


def test_the_paper_shows_every_declared_figure(workflow_run):
    figures = _figures_in(_filled(workflow_run))
    for name in ["brand_shares.png", "ads_per_number.png", "posting_over_time.png"]:
        assert any(path.endswith(name) for path in figures), name
    for path in figures:
        assert (workflow_run / "results/paper" / path).is_file(), path


def test_html_has_figures_tables_and_references(workflow_run):
    markdown = _filled(workflow_run)
    html = (workflow_run / "results/paper/paper.html").read_text(encoding="utf-8")
    figures = re.findall(r'<figure[^>]*>\s*<img [^>]*src="data:image/png;base64,', html)
    assert len(figures) == len(_figures_in(markdown)) > 0
    assert len(re.findall(r"<figcaption", html)) == len(figures)
    tables = _tables_in(markdown)
    assert tables
    for label in tables:
        assert re.search(rf'<table id="{label}"[^>]*>\s*<caption>', html), label
    entries = re.findall(r'<div id="ref-([^"]+)" class="csl-entry"', html)
    assert sorted(entries) == sorted(paper.cited_keys(markdown))


def test_pdf_has_figures_tables_and_references(workflow_run):
    markdown = _filled(workflow_run)
    reader = PdfReader(workflow_run / "results/paper/paper.pdf")
    images = sum(len(page.images) for page in reader.pages)
    assert images == len(_figures_in(markdown)) > 0
    text = _pdf_text(workflow_run)
    for i in range(1, len(_figures_in(markdown)) + 1):
        assert f"Figure {i}:" in text
    for i in range(1, len(_tables_in(markdown)) + 1):
        assert f"Table {i}:" in text
    references = text[text.rindex("References"):]
    html = (workflow_run / "results/paper/paper.html").read_text(encoding="utf-8")
    first_words = re.findall(r'class="csl-entry"[^>]*>\s*(?:<[^>]+>)*\s*([^\s<,.]+)', html)
    assert len(first_words) == len(paper.cited_keys(markdown))
    for word in first_words:
        assert word in references, word


def test_title_is_checked_against_the_results(workflow_run):
    log = (workflow_run / "logs/paper/render_paper.log").read_text(encoding="utf-8")
    assert "title checked against the results: ['one in five']" in log
    numbers = json.loads((workflow_run / "results/los_angeles/numbers.json").read_text())
    title = paper.front_matter(_filled(workflow_run))["title"]
    assert paper.check_title(title, numbers["focus"]["share"], "MetroPCS") == ["one in five"]


def test_report_shows_every_figure_with_its_caption(workflow_run):
    # Written beside results/, not into it: the shared run's results/ is compared byte for byte elsewhere.
    (workflow_run / "report").mkdir(exist_ok=True)
    run_workflow(workflow_run, "--report", "report/report.html")
    html = (workflow_run / "report/report.html").read_text(encoding="utf-8")
    results = json.loads(re.search(r"var results = (\{.*?\});\s*</script>", html, flags=re.S).group(1))
    pngs = sorted(p.relative_to(workflow_run).as_posix() for p in (workflow_run / "results").rglob("figures/*.png"))
    assert pngs and sorted(k for k in results if k.endswith(".png")) == pngs
    for path in pngs:
        entry = results[path]
        assert entry["data_uri"].startswith("data:image/png"), path
        caption = re.sub(r"<[^>]+>", "", entry["caption"]).strip()
        assert len(caption.split()) >= 12, f"{path}: caption too short: {caption!r}"
        assert "{{" not in caption and "snakemake." not in caption, path
