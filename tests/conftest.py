"""Shared fixtures: a tiny numbering database, and one workflow run on the test configuration."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from frontline import project

ROOT = Path(__file__).resolve().parents[1]
TEST_KEY = "frontline-test-key-not-secret-0123456789"


def snakemake_cmd(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("snakemake")), *args]


def copy_workflow(dest: Path) -> Path:
    """Copy what a workflow run needs into ``dest`` (a fresh working directory)."""
    return project.copy_workflow(ROOT, dest)


def run_workflow(workdir: Path, *extra: str, config: str = "config/test.yaml", env: dict | None = None,
                 check: bool = True) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "FRONTLINE_HMAC_KEY": TEST_KEY, **(env or {})}
    cmd = snakemake_cmd("--cores", "2", "--configfile", config, "--replace-workflow-config", *extra)
    proc = subprocess.run(cmd, cwd=workdir, env=full_env, capture_output=True, text=True, timeout=900)
    if check and proc.returncode != 0:
        raise AssertionError(f"snakemake failed ({proc.returncode}):\n{proc.stdout[-4000:]}\n{proc.stderr[-6000:]}")
    return proc


@pytest.fixture(scope="session")
def workflow_run(tmp_path_factory) -> Path:
    """The test configuration run once end to end; tests read its outputs."""
    workdir = copy_workflow(tmp_path_factory.mktemp("run"))
    run_workflow(workdir)
    return workdir


@pytest.fixture()
def tiny_database(tmp_path) -> Path:
    """A numbering database in nanpa-lookup's format with one pooled and one whole code."""
    path = tmp_path / "numbers.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE numbers (npanxxy int PRIMARY KEY, company text, type text, email text, ocn text)")
    rows = [
        (213555, "PACIFIC BELL", "RBOC", "", "9740"),            # pooled code, holder of the code
        (2135551, "METROPCS, INC.", "PCS", "", "5562"),          # a block held by MetroPCS
        (2135552, "T-MOBILE USA, INC.", "PCS", "", "6529"),
        (2135553, "BANDWIDTH.COM CLEC, LLC - CA", "CLEC", "", "981E"),
        (310444, "CELLCO PARTNERSHIP DBA VERIZON", "WIRELESS", "", "6006"),  # whole code, no blocks
        (8185550, "SOME NEW OCN", "NEWTYPE", "", "ZZZZ"),
    ]
    con.executemany("INSERT INTO numbers VALUES (?,?,?,?,?)", rows)
    con.commit()
    con.close()
    return path


@pytest.fixture(scope="module")
def table():
    """The shipped OCN → brand table."""
    from frontline import carriers

    return carriers.load_carriers(ROOT / "data/reference/carriers.csv")


@pytest.fixture(scope="module")
def names():
    """The shipped carrier-name → brand patterns for lookup caches."""
    from frontline import carriers

    return carriers.load_carrier_names(ROOT / "data/reference/carrier_names.csv")
