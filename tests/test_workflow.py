"""The workflow end to end on the test configuration."""
import json
import re
import subprocess

import pandas as pd
import pytest

from .conftest import ROOT, snakemake_cmd

pytestmark = pytest.mark.workflow


def test_paper_is_rendered_with_the_generated_share(workflow_run):
    numbers = json.loads((workflow_run / "results/los_angeles/numbers.json").read_text())
    share = f"{100 * numbers['focus']['share']:.1f}%"
    html = (workflow_run / "results/paper/paper.html").read_text()
    assert share in html
    pdf = workflow_run / "results/paper/paper.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    from pypdf import PdfReader  # noqa: PLC0415 - optional heavy import
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert share in text


def test_recovered_share_is_within_interval_of_planted(workflow_run):
    numbers = json.loads((workflow_run / "results/los_angeles/numbers.json").read_text())
    assert numbers["recovery"]["within_interval"] is True


def test_html_is_self_contained(workflow_run):
    html = (workflow_run / "results/paper/paper.html").read_text()
    assert "data:image/png;base64," in html
    assert not re.search(r'<img[^>]+src="(?!data:)', html)


def test_lint_is_clean():
    proc = subprocess.run(snakemake_cmd("--lint", "--configfile", "config/test.yaml", "--replace-workflow-config"),
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Lints for" not in proc.stdout + proc.stderr


def test_planted_target_numbers_are_us_numbers(workflow_run):
    import phonenumbers
    for truth_file in sorted((workflow_run / "data" / "simulated").glob("*/truth.parquet")):
        truth = pd.read_parquet(truth_file, columns=["number", "target"])
        targets = truth.loc[truth["target"], "number"].unique()
        assert len(targets) > 100
        regions = {phonenumbers.region_code_for_number(phonenumbers.parse(n)) for n in targets}
        assert regions == {"US"}, (truth_file, regions)
