"""The test configuration through Snakemake's SLURM executor on a real single-node SLURM cluster.

The harness (tests/slurm_cluster.py) installs Debian's slurm-wlm and munge when missing (as root),
starts munged, slurmctld and slurmd under a temporary folder, and stops them by pid afterwards. The
run uses the shipped profile (profiles/slurm) and must give the same results as a local run. The test
is skipped only where the platform cannot install SLURM (not Linux, no apt-get, not root), and the
reason is printed.
"""
import json
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from .conftest import ROOT, TEST_KEY, copy_workflow, snakemake_cmd
from .slurm_cluster import SlurmCluster, SlurmUnavailable, ensure_installed

pytestmark = [pytest.mark.slurm, pytest.mark.workflow]

#: Hard limit on the whole SLURM run: ~13 jobs of ~10-15 s each on an idle 2-core machine, minutes when it is busy.
RUN_TIMEOUT_S = 1200
REGION = "los_angeles"


@pytest.fixture(scope="module")
def cluster():
    try:
        ensure_installed()
    except SlurmUnavailable as exc:
        print(f"\nSKIPPING the SLURM test: this platform cannot install SLURM: {exc}", file=sys.stderr)
        pytest.skip(f"this platform cannot install SLURM: {exc}")
    with SlurmCluster() as running:
        yield running


@pytest.fixture(scope="module")
def slurm_run(cluster, tmp_path_factory):
    workdir = copy_workflow(tmp_path_factory.mktemp("slurm_run"))
    shutil.copytree(ROOT / "profiles", workdir / "profiles")
    cmd = ["timeout", "-s", "KILL", str(RUN_TIMEOUT_S),
           *snakemake_cmd("--profile", "profiles/slurm", "--configfile", "config/test.yaml",
                          "--replace-workflow-config")]
    env = {**cluster.env(), "FRONTLINE_HMAC_KEY": TEST_KEY}
    proc = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S + 30)
    if proc.returncode != 0:
        slurm_logs = "\n".join(f"--- {p}\n{p.read_text(errors='replace')[-2000:]}"
                               for p in sorted((workdir / ".snakemake/slurm_logs").rglob("*.log")))
        raise AssertionError(f"snakemake --profile profiles/slurm failed ({proc.returncode}):\n"
                             f"{proc.stdout[-4000:]}\n{proc.stderr[-6000:]}\n{slurm_logs}\n{cluster.logs()}")
    return workdir, proc.stdout + proc.stderr


def test_every_job_but_the_target_ran_as_a_slurm_job(slurm_run):
    workdir, output = slurm_run
    import re  # noqa: PLC0415
    submitted = re.findall(r"has been submitted with SLURM jobid (\d+) \(log: \S*/slurm_logs/rule_(\w+)/", output)
    rules = {rule for _, rule in submitted}
    assert {"simulate_ads", "ingest_ads", "split_ads", "extract_numbers", "gather_numbers",
            "attribute_carriers", "compare_shares", "render_paper"} <= rules
    assert sum(rule == "extract_numbers" for _, rule in submitted) == 2  # one job per shard (test.yaml)
    assert len({jobid for jobid, _ in submitted}) == len(submitted)
    assert not rules & {"plot_brand_shares", "write_manifest", "power_analysis"}  # localrules stay local


def test_slurm_run_renders_the_paper(slurm_run):
    workdir, _ = slurm_run
    assert (workdir / "results/paper/paper.pdf").read_bytes()[:5] == b"%PDF-"
    numbers = json.loads((workdir / f"results/{REGION}/numbers.json").read_text())
    assert f"{100 * numbers['focus']['share']:.1f}%" in (workdir / "results/paper/paper.html").read_text()


@pytest.mark.parametrize("name", ["numbers.json", "planted.json", "ingest.json", "shares.csv", "tests.csv",
                                  "coverage.csv"])
def test_slurm_results_equal_a_local_run(slurm_run, workflow_run, name):
    workdir, _ = slurm_run
    slurm = (workdir / "results" / REGION / name).read_text()
    local = (workflow_run / "results" / REGION / name).read_text()
    if name.endswith(".json"):
        assert json.loads(slurm) == json.loads(local)
    else:
        assert slurm == local


@pytest.mark.parametrize("name", ["ad_numbers.parquet", "numbers_attributed.parquet"])
def test_slurm_tables_equal_a_local_run(slurm_run, workflow_run, name):
    workdir, _ = slurm_run
    pd.testing.assert_frame_equal(pd.read_parquet(workdir / "results" / REGION / name),
                                  pd.read_parquet(workflow_run / "results" / REGION / name))


def test_slurm_paper_text_equals_a_local_run(slurm_run, workflow_run):
    workdir, _ = slurm_run
    assert (workdir / "results/paper/paper.md").read_text() == (workflow_run / "results/paper/paper.md").read_text()
