"""Reproducibility: a second run of the test configuration, killed part-way and resumed, gives the same bytes.

Run A is the session's ``workflow_run``. Run B starts in a fresh directory, is killed with SIGKILL (the
whole process group: Snakemake and its running job) while ``render_paper`` runs - its first output,
the filled Markdown, is written; the HTML and PDF are being rendered - then resumed
with ``snakemake --unlock`` and ``snakemake --rerun-incomplete`` (a plain ``snakemake`` refuses, naming the
incomplete files). Checks:

* right after the kill, every file present is byte-identical to run A's (outputs are written atomically:
  a killed write leaves only a hidden ``.NAME.*.tmp`` file, never a half-written output);
* after resuming, every file under ``results/`` and the generated ``data/`` folders is byte-identical to
  run A's - tables, numbers.json, figures (PNG and SVG), the paper (Markdown, Typst, HTML, PDF) and the
  manifest. Not compared: ``logs/`` (re-written by resumed jobs), ``benchmarks/out/`` (timings) and
  Snakemake's own ``.snakemake/`` metadata.
"""
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import TEST_KEY, copy_workflow, run_workflow, snakemake_cmd

COMPARED = ("results", "data/simulated", "data/interim")
TRIGGER = "results/paper/paper.md"


def generated_files(root: Path) -> dict[str, Path]:
    """Non-hidden files under the compared folders, by path relative to ``root``."""
    out = {}
    for folder in COMPARED:
        for p in sorted((root / folder).rglob("*")):
            rel = p.relative_to(root)
            if p.is_file() and not any(part.startswith(".") for part in rel.parts):
                out[rel.as_posix()] = p
    return out


def hidden_temp_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for folder in COMPARED for p in (root / folder).rglob(".*.tmp"))


@pytest.fixture(scope="module")
def resumed_run(tmp_path_factory):
    workdir = copy_workflow(tmp_path_factory.mktemp("resumed"))
    env = {**os.environ, "FRONTLINE_HMAC_KEY": TEST_KEY}
    cmd = snakemake_cmd("--cores", "2", "--configfile", "config/test.yaml", "--replace-workflow-config")
    with open(workdir / "killed_run.txt", "w") as out:
        proc = subprocess.Popen(cmd, cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        deadline = time.monotonic() + 900
        while proc.poll() is None and not (workdir / TRIGGER).exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        running = proc.poll() is None
        if running:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert running, "the run ended before it could be interrupted:\n" + (workdir / "killed_run.txt").read_text()[-3000:]
    after_kill = {rel: p.read_bytes() for rel, p in generated_files(workdir).items()}
    temps = hidden_temp_files(workdir)
    run_workflow(workdir, "--unlock")
    # Snakemake refuses to reuse the killed job's outputs...
    plain = run_workflow(workdir, check=False)
    assert plain.returncode != 0 and "IncompleteFilesException" in plain.stdout + plain.stderr, plain.stderr[-3000:]
    # ...and --rerun-incomplete redoes that job and finishes the run.
    run_workflow(workdir, "--rerun-incomplete")
    return {"workdir": workdir, "after_kill": after_kill, "temps": temps}


@pytest.mark.workflow
def test_the_kill_left_no_half_written_output(workflow_run, resumed_run):
    reference = generated_files(workflow_run)
    after_kill = resumed_run["after_kill"]
    assert "results/paper/paper.pdf" not in after_kill or after_kill["results/paper/paper.pdf"] == \
        reference["results/paper/paper.pdf"].read_bytes()
    assert "results/manifest.json" not in after_kill  # the run really was cut short
    broken = [rel for rel, data in after_kill.items() if data != reference[rel].read_bytes()]
    assert broken == [], f"files that differ from a complete run right after the kill: {broken}"


@pytest.mark.workflow
def test_resumed_run_is_byte_identical_to_an_uninterrupted_run(workflow_run, resumed_run):
    reference = generated_files(workflow_run)
    resumed = generated_files(resumed_run["workdir"])
    assert sorted(resumed) == sorted(reference)
    different = [rel for rel in reference if reference[rel].read_bytes() != resumed[rel].read_bytes()]
    assert different == [], f"not byte-identical between two runs: {different}"


@pytest.mark.workflow
@pytest.mark.parametrize("path", ["results/los_angeles/numbers.json", "results/los_angeles/tests.csv",
                                  "results/los_angeles/figures/brand_shares.png",
                                  "results/los_angeles/figures/brand_shares.svg",
                                  "results/paper/paper.html", "results/paper/paper.pdf", "results/manifest.json"])
def test_key_outputs_are_compared(workflow_run, path):
    """The comparison above covers the outputs the guarantee is about (guards against an empty comparison)."""
    assert path in generated_files(workflow_run)


@pytest.mark.workflow
def test_pdf_creation_date_is_fixed(workflow_run):
    pdf = (workflow_run / "results/paper/paper.pdf").read_bytes()
    assert b"/CreationDate(D:19700101000000Z)" in pdf  # SOURCE_DATE_EPOCH unset: the epoch


def test_pdf_timestamp_follows_source_date_epoch(monkeypatch):
    from frontline.paper import pdf_timestamp

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert pdf_timestamp() == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1351728000")
    assert pdf_timestamp() == 1351728000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        pdf_timestamp()


def test_svg_ids_do_not_depend_on_the_process(tmp_path):
    """Two processes saving the same figure write the same SVG (ids come from svg.hashsalt, not uuid4)."""
    import sys

    code = ("import matplotlib.pyplot as plt, sys; from frontline import figures\n"
            "with plt.rc_context(figures.STYLE):\n"
            "    fig, ax = plt.subplots(); ax.bar([0, 1], [1, 2])\n"
            "figures.save(fig, sys.argv[1] + '.png', sys.argv[1] + '.svg')\n")
    for name in ("a", "b"):
        subprocess.run([sys.executable, "-c", code, str(tmp_path / name)], check=True, timeout=120)
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


def test_atomic_outputs_get_ordinary_permissions(tmp_path):
    from frontline import io as fio

    fio.write_json({"a": 1}, tmp_path / "x.json")
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "x.json").stat().st_mode & 0o777 == 0o666 & ~mask


def test_atomic_write_leaves_the_old_file_when_the_writer_fails(tmp_path):
    from frontline import io as fio

    target = tmp_path / "t.csv"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        with fio.atomic_path(target) as tmp:
            tmp.write_text("half a ta")
            raise RuntimeError("killed")
    assert target.read_text() == "old\n"
    assert list(tmp_path.iterdir()) == [target]
