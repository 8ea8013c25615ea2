import copy

import pytest
import yaml
from snakemake.exceptions import WorkflowError
from snakemake.utils import validate

from .conftest import ROOT

SCHEMA = str(ROOT / "workflow/schemas/config.schema.yaml")


def _load(name):
    return yaml.safe_load((ROOT / "config" / name).read_text())


@pytest.mark.parametrize("name", ["config.yaml", "test.yaml"])
def test_shipped_configs_are_valid(name):
    validate(_load(name), SCHEMA)


def test_unknown_key_is_rejected_with_its_name():
    cfg = _load("test.yaml")
    cfg["compare"]["focus_brnad"] = "MetroPCS"
    with pytest.raises(WorkflowError, match="focus_brnad"):
        validate(cfg, SCHEMA)


def test_wrong_type_is_rejected():
    cfg = copy.deepcopy(_load("test.yaml"))
    cfg["regions"]["los_angeles"]["area_codes"] = "213"
    with pytest.raises(WorkflowError, match="'213' is not of type 'array'"):
        validate(cfg, SCHEMA)


def test_every_schema_key_has_a_description():
    schema = yaml.safe_load(open(SCHEMA))

    def walk(node, path):
        if isinstance(node, dict):
            for key, sub in node.get("properties", {}).items():
                assert "description" in sub, f"{path}.{key} lacks a description"
                walk(sub, f"{path}.{key}")
            if isinstance(node.get("additionalProperties"), dict):
                walk(node["additionalProperties"], f"{path}.*")
    walk(schema, "config")


def test_every_object_forbids_unknown_keys():
    schema = yaml.safe_load(open(SCHEMA))

    def walk(node, path):
        if isinstance(node, dict) and node.get("type") == "object" and "properties" in node:
            assert node.get("additionalProperties") is False, f"{path} allows unknown keys"
        if isinstance(node, dict):
            for key, sub in node.get("properties", {}).items():
                walk(sub, f"{path}.{key}")
            if isinstance(node.get("additionalProperties"), dict):
                walk(node["additionalProperties"], f"{path}.*")
    walk(schema, "config")
