"""Regions come from config alone: a user's region with a small CSV/JSONL of ads runs end to end."""
import copy
import json
import re

import pandas as pd
import pytest
import yaml
from snakemake.exceptions import WorkflowError
from snakemake.utils import validate

from frontline import figures

from .conftest import ROOT, copy_workflow, run_workflow

SCHEMA = str(ROOT / "workflow/schemas/config.schema.yaml")
USER_ADS = ROOT / "tests/data/user_ads"


def _load(path):
    return yaml.safe_load((ROOT / path).read_text())


def _user_region(path=USER_ADS):
    return {"label": "User City", "area_codes": [214, 469, 972], "baselines": ["published"],
            "ads": {"path": str(path)}}


@pytest.mark.parametrize("name", ["config/test_two_regions.yaml", "config/examples/own_ads.yaml"])
def test_region_configs_are_valid(name):
    validate(_load(name), SCHEMA)


def test_default_config_has_two_regions_with_different_mixes():
    regions = _load("config/config.yaml")["regions"]
    assert len(regions) >= 2
    mixes = [r["ads"]["simulate"]["carrier_mix"] for r in regions.values()]
    assert mixes[0] != mixes[1]
    codes = [set(r["area_codes"]) for r in regions.values()]
    assert not codes[0] & codes[1]


def test_region_with_no_area_codes_is_rejected_by_name():
    cfg = copy.deepcopy(_load("config/test.yaml"))
    cfg["regions"]["user_city"] = {**_user_region(), "area_codes": []}
    with pytest.raises(WorkflowError, match=r"(?s)should be non-empty.*\['regions'\]\['user_city'\]\['area_codes'\]"):
        validate(cfg, SCHEMA)
    del cfg["regions"]["user_city"]["area_codes"]
    with pytest.raises(WorkflowError, match="'area_codes' is a required property"):
        validate(cfg, SCHEMA)


def test_a_region_takes_exactly_one_ad_source():
    cfg = copy.deepcopy(_load("config/test.yaml"))
    region = _user_region()
    region["ads"]["simulate"] = cfg["regions"]["los_angeles"]["ads"]["simulate"]
    cfg["regions"]["user_city"] = region
    with pytest.raises(WorkflowError, match="too many properties"):
        validate(cfg, SCHEMA)


def test_region_table_handles_a_region_without_the_focus_brand():
    numbers = [{"region": "a", "label": "A", "focus": {"focus_brand": "MetroPCS", "unique_numbers": 10, "numbers": 2,
                                                       "share": 0.2, "wilson_low": 0.05, "wilson_high": 0.5,
                                                       "against": {"published": {"ratio": 5.9}}},
                "recovery": {"planted_share": 0.19}},
               {"region": "b", "label": "B", "focus": {"focus_brand": "MetroPCS", "unique_numbers": 4,
                                                       "against": {}}}]
    ingest = [{"ads": 30, "rejected": 1}, {"ads": 5, "rejected": 0}]
    table = figures.region_table(numbers, ingest)
    assert table["share"].tolist() == [0.2, 0.0]
    assert table["planted_share"].isna().tolist() == [False, True]
    assert table["ratio_published"].iloc[0] == 5.9
    baselines = pd.DataFrame({"baseline": ["published"], "brand": ["MetroPCS"], "share": [0.034]})
    fig = figures.plot_region_comparison(table, baselines, "MetroPCS")
    ax = fig.axes[0]
    at = dict(zip(ax.get_yticks(), [t.get_text() for t in ax.get_yticklabels()]))
    assert [at[k] for k in sorted(at, reverse=True)] == ["A", "B"]  # config order, top down


#: The fixture's phone numbers in the formats a leak would take (E.164, 10 digits, dashed, dotted).
def _number_formats():
    text = (USER_ADS / "ads.csv").read_text() + (USER_ADS / "more.jsonl").read_text()
    found = set()
    for m in re.finditer(r"\(?(\d{3})\)?[ .-]?(\d{3})[ .-](\d{4})", text):
        a, b, c = m.groups()
        found |= {f"+1{a}{b}{c}", f"{a}{b}{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}"}
    return found


@pytest.mark.workflow
def test_user_region_added_by_config_alone_runs_end_to_end(tmp_path):
    workdir = copy_workflow(tmp_path / "run")
    cfg = _load("config/test.yaml")
    cfg["regions"]["user_city"] = _user_region()
    (workdir / "config/user.yaml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    run_workflow(workdir, config="config/user.yaml")

    summary = json.loads((workdir / "results/user_city/ingest.json").read_text())
    assert summary["files"] == 2 and summary["ignored_columns"] == ["city"]
    assert summary["source_rows"] == summary["ads"] + summary["rejected"] + summary["exact_duplicates"]
    rejected = pd.read_csv(workdir / "results/user_city/rejected.csv", keep_default_na=False)
    assert len(rejected) == summary["rejected"] > 0
    assert set(rejected.columns) == {"source", "row", "ad_id", "field", "reason"}
    numbers = json.loads((workdir / "results/user_city/numbers.json").read_text())
    assert numbers["label"] == "User City" and numbers["focus"]["unique_numbers"] > 0
    assert not (workdir / "results/user_city/planted.json").exists()

    table = pd.read_csv(workdir / "results/regions/region_comparison.csv")
    assert table["region"].tolist() == ["los_angeles", "user_city"]  # the primary region first
    assert table.set_index("region").loc["user_city", "rejected"] == summary["rejected"]
    assert (workdir / "results/regions/figures/region_comparison.png").stat().st_size > 0
    html = (workdir / "results/paper/paper.html").read_text()
    assert "Across regions" in html and "User City" in html
    assert html.count("data:image/png;base64,") >= 2

    leaks = _number_formats()
    assert leaks
    for path in [*(workdir / "results").rglob("*"), *(workdir / "logs").rglob("*")]:
        if path.is_file():
            data = path.read_bytes().decode("utf-8", "ignore")
            hits = [n for n in leaks if n in data]
            assert not hits, f"{path} holds raw numbers {hits}"


@pytest.mark.workflow
def test_an_unusable_ad_file_stops_the_run_with_one_line(tmp_path):
    workdir = copy_workflow(tmp_path / "run")
    bad = tmp_path / "ads.csv"
    bad.write_text("id,text\n1,hello\n")
    cfg = _load("config/test.yaml")
    cfg["regions"]["user_city"] = _user_region(bad)
    (workdir / "config/user.yaml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    proc = run_workflow(workdir, "results/user_city/ingest.json", config="config/user.yaml", check=False)
    assert proc.returncode != 0
    line = f"ingest_ads: {bad}: missing required column(s) ['ad_id', 'body']; found ['id', 'text']"
    assert line in proc.stderr
    log = (workdir / "logs/user_city/ingest_ads.log").read_text()
    assert log.strip().endswith(line.removeprefix("ingest_ads: "))
