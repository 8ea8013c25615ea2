"""The SLURM harness's decisions that do not need a cluster: when to install, when to skip, and why."""
import pytest
import yaml

from . import slurm_cluster
from .conftest import ROOT


def test_nothing_is_installed_when_every_program_is_present(monkeypatch):
    monkeypatch.setattr(slurm_cluster, "missing_programs", lambda: [])
    monkeypatch.setattr(slurm_cluster.subprocess, "run", lambda *a, **k: pytest.fail("apt-get was called"))
    slurm_cluster.ensure_installed()


def test_missing_slurm_without_root_is_unavailable_with_the_reason(monkeypatch):
    monkeypatch.setattr(slurm_cluster, "missing_programs", lambda: ["slurmctld"])
    monkeypatch.setattr(slurm_cluster.sys, "platform", "linux")
    monkeypatch.setattr(slurm_cluster.shutil, "which", lambda name: "/usr/bin/apt-get")
    monkeypatch.setattr(slurm_cluster.os, "geteuid", lambda: 1000)
    with pytest.raises(slurm_cluster.SlurmUnavailable, match="slurmctld missing; installing .* needs root"):
        slurm_cluster.ensure_installed()


def test_missing_slurm_without_apt_is_unavailable_with_the_reason(monkeypatch):
    monkeypatch.setattr(slurm_cluster, "missing_programs", lambda: ["munged"])
    monkeypatch.setattr(slurm_cluster.sys, "platform", "linux")
    monkeypatch.setattr(slurm_cluster.shutil, "which", lambda name: None)
    with pytest.raises(slurm_cluster.SlurmUnavailable, match="no apt-get"):
        slurm_cluster.ensure_installed()


def test_a_failing_apt_get_is_an_error_not_a_skip(monkeypatch):
    monkeypatch.setattr(slurm_cluster, "missing_programs", lambda: ["slurmd"])
    monkeypatch.setattr(slurm_cluster.sys, "platform", "linux")
    monkeypatch.setattr(slurm_cluster.shutil, "which", lambda name: "/usr/bin/apt-get")
    monkeypatch.setattr(slurm_cluster.os, "geteuid", lambda: 0)

    class Failed:
        returncode, stdout, stderr = 100, "", "E: Unable to locate package slurm-wlm"

    monkeypatch.setattr(slurm_cluster.subprocess, "run", lambda *a, **k: Failed())
    with pytest.raises(RuntimeError, match="Unable to locate package") as info:
        slurm_cluster.ensure_installed()
    assert not isinstance(info.value, slurm_cluster.SlurmUnavailable)


def test_slurm_conf_has_the_settings_the_executor_needs(tmp_path):
    text = slurm_cluster.SLURM_CONF.format(host="node1", root=tmp_path, cpus=2, memory_mb=4000,
                                           ctld_port=7001, slurmd_port=7002)
    conf = dict(line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith("#")
                and " " not in line)
    assert conf["AccountingStorageType"] == "accounting_storage/none"
    profile = yaml.safe_load((ROOT / "profiles/slurm/config.yaml").read_text())
    assert profile["executor"] == "slurm" and profile["slurm-status-command"] == "squeue"
    # squeue status needs MinJobAge >= 3 x the initial wait, else the plugin silently switches to sacct
    assert int(conf["MinJobAge"]) >= 3 * profile["slurm-init-seconds-before-status-checks"]
    assert conf["SelectTypeParameters"] == "CR_Core_Memory"
    assert "NodeName=node1 NodeAddr=127.0.0.1 CPUs=2 RealMemory=4000" in text
