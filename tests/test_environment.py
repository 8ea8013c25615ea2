"""The lock file, pyproject.toml and environment.yml agree on names and versions."""
import re
import tomllib

import yaml
from packaging.requirements import Requirement

from .conftest import ROOT


def _norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock():
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line)
        if m:
            pins[_norm(m.group(1))] = m.group(2)
    return pins


def _env():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for p in dep["pip"]:
                name, version = p.split("==")
                pins[_norm(name)] = version
        elif "=" in dep and not dep.startswith("python="):
            name, version = dep.split("=")[:2]
            pins[_norm(name)] = version
    return pins


def _pyproject():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    reqs = list(data["project"]["dependencies"])
    for extra in data["project"]["optional-dependencies"].values():
        reqs += extra
    return [Requirement(r) for r in reqs]


def test_every_declared_dependency_is_locked_within_its_range():
    lock = _lock()
    for req in _pyproject():
        assert _norm(req.name) in lock, f"{req.name} is not in requirements.lock"
        assert req.specifier.contains(lock[_norm(req.name)]), f"{req.name}=={lock[_norm(req.name)]} violates {req}"


def test_environment_yml_pins_the_locked_versions():
    lock, env = _lock(), _env()
    declared = {_norm(r.name) for r in _pyproject()}
    assert declared == set(env), f"differs: {sorted(declared ^ set(env))}"
    for name, version in env.items():
        assert lock[name] == version, f"{name}: environment.yml {version} != lock {lock[name]}"
