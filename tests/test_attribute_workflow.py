"""The attribution stage in the workflow with all three backends, and no raw number in what it writes."""
import shutil

import pandas as pd
import pytest
import yaml

from .conftest import copy_workflow, run_workflow

pytestmark = pytest.mark.workflow

TARGET = "results/los_angeles/coverage.json"


def _formats(e164: str) -> list[str]:
    d = e164[2:]
    return [e164, d, "1" + d, f"({d[:3]}) {d[3:6]}-{d[6:]}", f"{d[:3]}-{d[3:6]}-{d[6:]}", f"{d[:3]}.{d[3:6]}.{d[6:]}",
            f"{d[:3]} {d[3:6]} {d[6:]}"]


def _text(path) -> str:
    if path.suffix == ".parquet":
        return pd.read_parquet(path).to_csv(index=False)
    return path.read_bytes().decode("latin-1")


@pytest.fixture(scope="module")
def cache_run(tmp_path_factory):
    """The test configuration with a lookup cache for half the planted numbers and the report fixtures."""
    from pathlib import Path

    work = copy_workflow(tmp_path_factory.mktemp("attribution"))
    fixtures = Path(__file__).resolve().parent / "data" / "nanpa"
    (work / "data/nanpa").mkdir(parents=True)
    for name in ("code_report.csv", "block_report.txt"):
        shutil.copy2(fixtures / name, work / "data/nanpa" / name)
    cfg = yaml.safe_load((work / "config/test.yaml").read_text())
    cfg["attribution"]["backends"] = ["cache", "nanpa_reports", "nanpa_lookup"]
    cfg["attribution"]["cache"] = "data/cache/lookup_cache.csv"
    cfg["attribution"]["nanpa_reports"] = {"code_report": "data/nanpa/code_report.csv",
                                           "block_report": "data/nanpa/block_report.txt", "as_of": "2012-06-30"}
    (work / "config/attribution.yaml").write_text(yaml.safe_dump(cfg))
    run_workflow(work, "data/simulated/los_angeles/truth.parquet", config="config/attribution.yaml")
    truth = pd.read_parquet(work / "data/simulated/los_angeles/truth.parquet")
    numbers = sorted(truth.loc[truth["target"], "number"].unique())  # not the toll-free/international noise
    cached = numbers[::2]
    rows = [f"{n},Verizon Wireless,mobile,2012-07-01T12:00:00Z" for n in cached]
    (work / "data/cache").mkdir(parents=True)
    (work / "data/cache/lookup_cache.csv").write_text(
        "number,carrier,line_type,looked_up_at\n" + "\n".join(rows) + "\n+1213555,broken,mobile,2012-07-01\n")
    run_workflow(work, TARGET, config="config/attribution.yaml")
    return work, numbers, cached


def test_cache_decides_the_numbers_it_knows(cache_run):
    work, numbers, cached = cache_run
    attributed = pd.read_parquet(work / "results/los_angeles/numbers_attributed.parquet")
    cov = pd.read_csv(work / "results/los_angeles/coverage.csv").set_index("measure")
    by_cache = attributed[attributed["method"] == "cache"]
    assert len(by_cache) == cov.loc["method:cache", "numbers"] > 0
    assert set(by_cache["brand"]) == {"Verizon"} and set(by_cache["line_type"]) == {"mobile"}
    assert (attributed.loc[attributed["method"] != "cache", "source"] != "cache").all()
    assert cov.loc["method:cache", "numbers"] <= len(cached)
    rejected = pd.read_csv(work / "results/los_angeles/cache_rejected.csv")
    assert rejected["field"].tolist() == ["number"]


def test_every_backend_is_reported(cache_run):
    import json

    work, _, _ = cache_run
    facts = json.loads((work / TARGET).read_text())
    assert facts["backends"] == ["cache", "nanpa_reports", "nanpa_lookup"]
    assert facts["nanpa_reports"]["as_of"] == "2012-06-30"
    assert facts["cache"]["quarantined_rows"] == 1
    assert sum(v["numbers"] for v in facts["method"].values()) == facts["unique_numbers"]
    assert facts["cache_vs_block"]["compared"]["numbers"] == facts["method"]["cache"]["numbers"]


def test_no_raw_number_in_results_or_logs(cache_run):
    work, numbers, _ = cache_run
    needles = [f for n in numbers for f in _formats(n)]
    files = [p for folder in ("results", "logs") for p in (work / folder).rglob("*") if p.is_file()]
    assert any(p.name == "lookup_cache.parquet" for p in files)
    texts = {str(p.relative_to(work)): _text(p) for p in files}
    leaks = [(name, n) for name, text in texts.items() for n in needles if n in text]
    assert leaks == []
