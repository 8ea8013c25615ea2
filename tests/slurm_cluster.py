"""A real single-node SLURM cluster for the tests, brought up and torn down by the harness.

Debian's ``slurm-wlm`` and ``munge`` packages (installed with apt-get when missing and running as root):
``munged`` authenticates, ``slurmctld`` schedules and ``slurmd`` runs jobs on this machine. Every state,
spool, log and pid file lives in a private temporary folder; the daemons get free ports, so the cluster
does not clash with another one on the machine; Snakemake and the SLURM commands find it through the
``SLURM_CONF`` environment variable (:meth:`SlurmCluster.env`). Inside a job, Snakemake's jobstep plugin
calls ``srun`` with every ``SLURM_*`` variable but a few removed, ``SLURM_CONF`` included, so a small
``srun`` wrapper first on ``PATH`` restores it (a real cluster has /etc/slurm/slurm.conf). The harness
stops exactly the daemons it started, by their pids. What this takes on Debian 12 with Slurm 22.05 is recorded in the README
("Running on a SLURM cluster").
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PACKAGES = ["slurm-wlm", "munge"]
DAEMONS = ["munged", "slurmctld", "slurmd"]
CLIENTS = ["sinfo", "squeue", "sbatch", "srun", "scontrol", "scancel", "munge", "unmunge"]
MUNGE_SOCKET_DIR = Path("/run/munge")


class SlurmUnavailable(RuntimeError):
    """This platform cannot run SLURM (the reason is the message)."""


def _which(name: str) -> str | None:
    return shutil.which(name) or next((str(p) for d in ("/usr/sbin", "/sbin") if (p := Path(d, name)).exists()),
                                      None)


def missing_programs() -> list[str]:
    return [p for p in DAEMONS + CLIENTS if _which(p) is None]


def ensure_installed(timeout: float = 600) -> None:
    """Install slurm-wlm and munge with apt-get if missing. Raises :class:`SlurmUnavailable` when the
    platform cannot (not Linux, no apt-get, not root); an apt-get failure is an error, not a skip."""
    if not missing_programs():
        return
    if not sys.platform.startswith("linux"):
        raise SlurmUnavailable(f"SLURM daemons need Linux; this is {sys.platform}")
    if shutil.which("apt-get") is None:
        raise SlurmUnavailable(f"{', '.join(missing_programs())} missing and no apt-get to install {PACKAGES}")
    if os.geteuid() != 0:
        raise SlurmUnavailable(f"{', '.join(missing_programs())} missing; installing {PACKAGES} needs root")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *PACKAGES]):
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    if missing_programs():
        raise RuntimeError(f"after installing {PACKAGES}, still missing: {missing_programs()}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _memory_mb() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) // 1024
    raise RuntimeError("no MemTotal in /proc/meminfo")


SLURM_CONF = """\
# Written by tests/slurm_cluster.py: a private single-node cluster.
ClusterName=frontline-test
SlurmctldHost={host}(127.0.0.1)
SlurmctldPort={ctld_port}
SlurmdPort={slurmd_port}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation={root}/state
SlurmdSpoolDir={root}/spool
SlurmctldPidFile={root}/slurmctld.pid
SlurmdPidFile={root}/slurmd.pid
SlurmctldLogFile={root}/log/slurmctld.log
SlurmdLogFile={root}/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MinJobAge=300
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName={host} NodeAddr=127.0.0.1 CPUs={cpus} RealMemory={memory_mb} State=UNKNOWN
PartitionName=main Nodes={host} Default=YES MaxTime=INFINITE State=UP
"""


class SlurmCluster:
    """Context manager: a running single-node SLURM cluster under a private temporary folder."""

    def __init__(self, cpus: int | None = None, memory_mb: int | None = None, start_timeout: float = 60):
        self.cpus = cpus or os.cpu_count() or 1
        self.memory_mb = memory_mb or max(1000, _memory_mb() // 2)
        self.start_timeout = start_timeout
        self.host = socket.gethostname().split(".")[0]
        self.root: Path | None = None
        self.procs: dict[str, subprocess.Popen] = {}

    # -- environment for clients (sinfo, sbatch, snakemake's SLURM executor) --
    def env(self) -> dict[str, str]:
        assert self.root is not None, "cluster not started"
        return {**os.environ, "SLURM_CONF": str(self.root / "slurm.conf"),
                "PATH": f"{self.root / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"}

    def run(self, *cmd: str, timeout: float = 30, check: bool = True) -> subprocess.CompletedProcess:
        proc = subprocess.run(list(cmd), env=self.env(), capture_output=True, text=True, timeout=timeout)
        if check and proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()}\n{self.logs()}")
        return proc

    def logs(self, chars: int = 3000) -> str:
        if self.root is None:
            return ""
        out = []
        for f in sorted((self.root / "log").glob("*.log")):
            out.append(f"--- {f.name}\n{f.read_text(errors='replace')[-chars:]}")
        return "\n".join(out)

    # -- lifecycle --
    def __enter__(self) -> "SlurmCluster":
        ensure_installed()
        self.root = Path(tempfile.mkdtemp(prefix="frontline-slurm-"))
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _start(self) -> None:
        root = self.root
        root.chmod(0o755)  # munged runs as the munge user and must reach its files here
        for sub in ("state", "spool", "log", "bin"):
            (root / sub).mkdir()
        srun = root / "bin" / "srun"
        srun.write_text(f'#!/bin/sh\nSLURM_CONF="{root}/slurm.conf" exec "{_which("srun")}" "$@"\n')
        srun.chmod(0o755)
        self._start_munge()
        (root / "slurm.conf").write_text(SLURM_CONF.format(
            host=self.host, root=root, cpus=self.cpus, memory_mb=self.memory_mb,
            ctld_port=_free_port(), slurmd_port=_free_port()))
        conf = str(root / "slurm.conf")
        self._spawn("slurmctld", [_which("slurmctld"), "-D", "-i", "-f", conf])
        self._spawn("slurmd", [_which("slurmd"), "-D", "-f", conf])
        self._wait_idle()

    def _munge_works(self) -> bool:
        try:
            cred = subprocess.run([_which("munge"), "-n"], capture_output=True, timeout=10)
            if cred.returncode != 0:
                return False
            check = subprocess.run([_which("unmunge")], input=cred.stdout, capture_output=True, timeout=10)
            return check.returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            return False

    def _start_munge(self) -> None:
        """Use a working munged if the machine has one; else start ours (as the munge user)."""
        if self._munge_works():
            return
        import grp  # noqa: PLC0415 - POSIX only
        import pwd  # noqa: PLC0415
        user = pwd.getpwnam("munge")
        MUNGE_SOCKET_DIR.mkdir(parents=True, exist_ok=True)
        os.chown(MUNGE_SOCKET_DIR, user.pw_uid, user.pw_gid)
        MUNGE_SOCKET_DIR.chmod(0o755)
        mdir = self.root / "munge"
        mdir.mkdir()
        mdir.chmod(0o1777)
        self._spawn("munged", [_which("munged"), "--foreground", "--force",
                               f"--log-file={mdir}/munged.log", f"--pid-file={mdir}/munged.pid",
                               f"--seed-file={mdir}/munged.seed"],
                    user=user.pw_uid, group=grp.getgrgid(user.pw_gid).gr_gid)
        deadline = time.monotonic() + 20
        while not self._munge_works():
            if self.procs["munged"].poll() is not None or time.monotonic() > deadline:
                log = (mdir / "munged.log").read_text(errors="replace") if (mdir / "munged.log").exists() else ""
                raise RuntimeError(f"munged did not start:\n{log[-3000:]}\n{self._output('munged')}")
            time.sleep(0.2)

    def _spawn(self, name: str, cmd: list[str], **kwargs) -> None:
        out = open(self.root / "log" / f"{name}.out", "wb")  # noqa: SIM115 - closed with the process
        self.procs[name] = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                            env=self.env(), start_new_session=True, **kwargs)
        out.close()

    def _output(self, name: str) -> str:
        path = self.root / "log" / f"{name}.out"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def _wait_idle(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        state = ""
        while time.monotonic() < deadline:
            for name in ("slurmctld", "slurmd"):
                if self.procs[name].poll() is not None:
                    raise RuntimeError(f"{name} exited ({self.procs[name].returncode}):\n{self._output(name)}\n"
                                       f"{self.logs()}")
            proc = self.run("sinfo", "-h", "-N", "-o", "%T", check=False, timeout=10)
            state = proc.stdout.strip()
            if proc.returncode == 0 and state.rstrip("*") == "idle":
                return
            time.sleep(0.5)
        raise RuntimeError(f"the node did not become idle in {self.start_timeout} s (state {state!r}):\n{self.logs()}")

    def stop(self) -> None:
        """Cancel leftover jobs, stop the daemons this harness started (by pid), remove the folder."""
        if self.procs.get("slurmctld") and self.procs["slurmctld"].poll() is None:
            try:
                self.run("scancel", "--user", str(os.getuid()), check=False, timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                pass
        for name in ("slurmd", "slurmctld", "munged"):
            proc = self.procs.pop(name, None)
            if proc is None or proc.poll() is not None:
                continue
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None
