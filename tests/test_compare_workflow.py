"""The comparison stage's outputs in the end-to-end test run."""
import html
import json
import re

import pandas as pd
import pytest

pytestmark = pytest.mark.workflow


def test_tests_table_has_one_row_per_brand_baseline_and_unit(workflow_run):
    out = workflow_run / "results/los_angeles"
    tests = pd.read_csv(out / "tests.csv")
    assert {"numbers", "ads", "posters"} <= set(tests["unit"])
    assert not tests.duplicated(["unit", "baseline", "brand"]).any()
    per_unit = tests.groupby("unit").size()
    assert per_unit.nunique() == 1
    fam = tests[tests["in_family"]]
    assert (fam["p_holm"] >= fam["p_value"] - 1e-12).all()
    assert {"published", "national_subscribers", "regional_numbering"} == set(tests["baseline"])


def test_claims_table_and_facts_are_written(workflow_run):
    out = workflow_run / "results/los_angeles"
    claims = pd.read_csv(out / "claims.csv")
    assert set(claims["quantity"]) == {"share", "baseline_share", "ratio_min"}
    assert claims["verdict"].str.match(r"^(consistent|not reproduced|as published|differs|supported|"
                                       r"not established|contradicted):").all()
    numbers = json.loads((out / "numbers.json").read_text())
    assert {"units", "family", "gof", "claims", "baselines", "posters"} <= set(numbers)
    for name in ("power", "porting", "calibration"):
        assert json.loads((out / f"{name}.json").read_text())
    for name in ("forest", "power", "porting", "calibration"):
        assert (out / "figures" / f"{name}.png").stat().st_size > 0


def test_claims_table_is_in_the_paper(workflow_run):
    text = html.unescape((workflow_run / "results/paper/paper.html").read_text()).replace("\u2019", "'")
    text = re.sub(r"\s+", " ", text)
    claims = pd.read_csv(workflow_run / "results/los_angeles/claims.csv")
    for verdict in claims["verdict"]:
        assert verdict in text


def test_comparison_outputs_hold_no_raw_numbers(workflow_run):
    out = workflow_run / "results/los_angeles"
    for name in ("shares.csv", "shares_units.csv", "tests.csv", "gof.csv", "claims.csv", "power.csv",
                 "porting.csv", "calibration.csv", "numbers.json", "baseline_numbering.csv"):
        assert not re.search(r"(?<![\d.])\+?1?\d{10}(?!\d)", (out / name).read_text()), name
