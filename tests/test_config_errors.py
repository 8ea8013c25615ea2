"""Config typos, wrong types and inconsistent values stop the workflow with an error naming the key."""
import copy

import pytest
import yaml
from snakemake.exceptions import WorkflowError
from snakemake.utils import validate

from frontline import configcheck

from .conftest import ROOT, copy_workflow, run_workflow

SCHEMA = str(ROOT / "workflow/schemas/config.schema.yaml")


@pytest.fixture()
def cfg():
    return copy.deepcopy(yaml.safe_load((ROOT / "config/test.yaml").read_text()))


def test_typo_in_a_region_key_is_named(cfg):
    cfg["regions"]["los_angeles"]["area_code"] = cfg["regions"]["los_angeles"].pop("area_codes")
    with pytest.raises(WorkflowError, match="area_code"):
        validate(cfg, SCHEMA)


def test_typo_at_top_level_is_named(cfg):
    cfg["seeed"] = 1
    with pytest.raises(WorkflowError, match="seeed"):
        validate(cfg, SCHEMA)


@pytest.mark.parametrize("path, value, message", [
    (("seed",), "seven", "'seven' is not of type 'integer'"),
    (("compare", "confidence"), 95, "95 is"),
    (("regions", "los_angeles", "ads", "simulate", "n_ads"), 1.5, "1.5 is not of type 'integer'"),
    (("regions", "los_angeles", "area_codes"), [213, "310"], "'310' is not of type 'integer'"),
    (("regions", "los_angeles", "area_codes"), [21], "21 is less than the minimum"),
])
def test_wrong_types_and_ranges_are_rejected(cfg, path, value, message):
    node = cfg
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(WorkflowError, match=message):
        validate(cfg, SCHEMA)


def test_region_without_area_codes_is_rejected_by_schema(cfg):
    cfg["regions"]["los_angeles"]["area_codes"] = []
    with pytest.raises(WorkflowError, match=r"\[\] should be non-empty"):
        validate(cfg, SCHEMA)


def test_region_without_area_codes_is_rejected_by_check(cfg):
    cfg["regions"]["los_angeles"]["area_codes"] = []
    with pytest.raises(configcheck.ConfigError, match="regions.los_angeles.area_codes is empty"):
        configcheck.check(cfg)


def test_primary_region_must_be_configured(cfg):
    cfg["paper"]["primary_region"] = "los_angles"
    validate(cfg, SCHEMA)  # the schema cannot see it...
    with pytest.raises(configcheck.ConfigError, match="paper.primary_region 'los_angles' is not a configured region"):
        configcheck.check(cfg)  # ...the check does


def test_simulation_dates_in_order(cfg):
    cfg["regions"]["los_angeles"]["ads"]["simulate"]["start"] = "2012-07-01"
    with pytest.raises(configcheck.ConfigError, match="start .* is after end"):
        configcheck.check(cfg)


def test_shipped_configs_pass_the_check():
    for name in ("config.yaml", "test.yaml"):
        configcheck.check(yaml.safe_load((ROOT / "config" / name).read_text()))


@pytest.mark.parametrize("mutate, message", [
    (lambda c: c["compare"].__setitem__("focus_brnad", "MetroPCS"), "focus_brnad"),
    (lambda c: c["paper"].__setitem__("primary_region", "nowhere"), "paper.primary_region 'nowhere' is not a configured region"),
], ids=["typo", "primary_region"])
def test_snakemake_stops_before_any_job(tmp_path, cfg, mutate, message):
    workdir = copy_workflow(tmp_path)
    mutate(cfg)
    (workdir / "config/bad.yaml").write_text(yaml.safe_dump(cfg))
    proc = run_workflow(workdir, "--dry-run", config="config/bad.yaml", check=False)
    assert proc.returncode != 0
    assert message in proc.stdout + proc.stderr
    assert not (workdir / "results").exists()
