"""The attribution config keys: per-region overrides validate, unknown backends and keys are refused."""
import copy

import pytest
import yaml
from snakemake.exceptions import WorkflowError
from snakemake.utils import validate

from .conftest import ROOT

SCHEMA = str(ROOT / "workflow/schemas/config.schema.yaml")


def _test_config():
    return copy.deepcopy(yaml.safe_load((ROOT / "config/test.yaml").read_text()))


def test_default_is_the_offline_database():
    for name in ("config.yaml", "test.yaml"):
        cfg = yaml.safe_load((ROOT / "config" / name).read_text())
        assert cfg["attribution"]["backends"] == ["nanpa_lookup"] and cfg["attribution"]["cache"] is None


def test_per_region_override_is_valid():
    cfg = _test_config()
    cfg["attribution"]["regions"] = {"los_angeles": {
        "backends": ["cache", "nanpa_reports", "nanpa_lookup"], "cache": "data/private/lookups.csv",
        "nanpa_reports": {"code_report": "data/nanpa/codes.txt", "block_report": None, "as_of": "2012-06-30"}}}
    validate(cfg, SCHEMA)


@pytest.mark.parametrize("change, message", [
    (lambda a: a.update(backends=["twilio"]), "twilio"),
    (lambda a: a.update(backends=[]), "backends"),
    (lambda a: a["nanpa_reports"].update(asof="2012-06-30"), "asof"),
    (lambda a: a.update(regions={"los_angeles": {"cahce": "x.csv"}}), "cahce"),
])
def test_bad_attribution_config_is_refused_with_its_name(change, message):
    cfg = _test_config()
    change(cfg["attribution"])
    with pytest.raises(WorkflowError, match=message):
        validate(cfg, SCHEMA)
