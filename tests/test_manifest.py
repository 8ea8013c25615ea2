"""results/manifest.json: hashes of every input and output, the config and its hash, versions."""
import json

import pytest
import yaml

from frontline import manifest, numbering

from .conftest import ROOT


def _manifest(run):
    return json.loads((run / "results/manifest.json").read_text())


@pytest.mark.workflow
def test_manifest_hashes_every_output(workflow_run):
    doc = _manifest(workflow_run)
    files = sorted(p.relative_to(workflow_run).as_posix()
                   for folder in ("results", "data/simulated", "data/interim")
                   for p in (workflow_run / folder).rglob("*") if p.is_file() and not p.name.startswith("."))
    files.remove("results/manifest.json")
    assert sorted(doc["outputs"]) == files
    assert {"results/paper/paper.pdf", "results/los_angeles/numbers.json",
            "results/los_angeles/figures/brand_shares.png"} <= set(doc["outputs"])


@pytest.mark.workflow
def test_manifest_hashes_match_the_files(workflow_run):
    doc = _manifest(workflow_run)
    assert manifest.verify(doc, workflow_run) == []
    for rel, entry in doc["outputs"].items():
        assert entry["sha256"] == manifest.sha256_file(workflow_run / rel)


@pytest.mark.workflow
def test_manifest_records_inputs_config_versions_and_database(workflow_run):
    doc = _manifest(workflow_run)
    config = yaml.safe_load((ROOT / "config/test.yaml").read_text())
    assert doc["config"] == config
    assert doc["config_sha256"] == manifest.config_hash(config)
    assert {"data/reference/carriers.csv", "data/reference/baselines.csv", "paper/paper.md",
            "Snakefile", "workflow/rules/manifest.smk"} <= set(doc["inputs"])
    assert "frontline/extract/__init__.py" in doc["code"]
    db = numbering.default_database()
    assert doc["numbering_database"] == {**numbering.database_version(db), "sha256": manifest.sha256_file(db)}
    assert doc["packages"]["snakemake"] and doc["packages"]["phonenumbers"] and doc["packages"]["nanpa-lookup"]


@pytest.mark.workflow
def test_paper_quotes_the_manifest_summary(workflow_run):
    summary = json.loads((workflow_run / "results/manifest_summary.json").read_text())
    doc = _manifest(workflow_run)
    assert summary["config_sha256"] == doc["config_sha256"]
    assert summary["numbering_database"] == doc["numbering_database"]
    html = (workflow_run / "results/paper/paper.html").read_text()
    assert summary["config_sha256"] in html
    assert summary["numbering_database"]["sha256"] in html
    assert "results/manifest.json" in html


def test_config_hash_ignores_key_order_but_not_values():
    a = {"seed": 7, "compare": {"focus_brand": "MetroPCS", "confidence": 0.95}}
    b = {"compare": {"confidence": 0.95, "focus_brand": "MetroPCS"}, "seed": 7}
    assert manifest.config_hash(a) == manifest.config_hash(b)
    assert manifest.config_hash(a) != manifest.config_hash({**a, "seed": 8})


def test_verify_reports_a_changed_file(tmp_path):
    (tmp_path / "results").mkdir()
    out = tmp_path / "results/t.csv"
    out.write_text("a\n1\n")
    doc = {"inputs": {}, "outputs": manifest.hash_files([out], relative_to=tmp_path)}
    assert list(doc["outputs"]) == ["results/t.csv"]
    assert manifest.verify(doc, tmp_path) == []
    out.write_text("a\n2\n")
    assert manifest.verify(doc, tmp_path) == ["results/t.csv"]


def test_scan_skips_hidden_temporary_files_and_the_excluded(tmp_path):
    (tmp_path / "r/sub").mkdir(parents=True)
    for name in ("r/a.json", "r/sub/b.csv", "r/.a.json.x1.tmp", "r/manifest.json"):
        (tmp_path / name).write_text("x")
    found = manifest.scan([tmp_path / "r", tmp_path / "missing"], exclude=[tmp_path / "r/manifest.json"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["r/a.json", "r/sub/b.csv"]


def test_a_folder_input_stands_for_its_files(tmp_path):
    from frontline import manifest

    folder = tmp_path / "ads"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.csv").write_text("ad_id,body\n1,x\n")
    (folder / "sub" / "b.jsonl").write_text("{}\n")
    (folder / ".hidden").write_text("skip")
    out = manifest.hash_files([folder], relative_to=tmp_path)
    assert list(out) == ["ads/a.csv", "ads/sub/b.jsonl"]
