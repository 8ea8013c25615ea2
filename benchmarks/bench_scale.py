"""Scale benchmark: one million simulated Los Angeles ads, raw ads -> results, on this machine.

    .venv/bin/python benchmarks/bench_scale.py            # 1 M ads, 2 cores, 4 shards
    .venv/bin/python benchmarks/bench_scale.py --n-ads 100000 --shards 2

Steps, in a scratch working directory (default /tmp/frontline-bench-scale, outside the repository):

1. copy the workflow there and write ``config/bench.yaml``: the default configuration with one region
   (Los Angeles) of ``--n-ads`` simulated ads and ``scale.shards = --shards``;
2. untimed preparation: run Snakemake up to the simulated raw ads (``load_numbering``, ``simulate_ads``)
   and the planted-truth summary, which are not part of "raw ads -> results";
3. timed: the rest of the workflow (ingest, split, extract shards, gather, attribute, compare,
   figures, paper), wall time measured around the Snakemake process;
4. timed: a no-op rerun (everything up to date).

Reports wall time per stage (from the ``benchmark:`` files Snakemake writes: per rule, the number of
jobs, the longest job, the sum of jobs and their CPU time), the total wall and CPU time, the peak
resident memory of any single job (``max_rss`` in the benchmark files) and of any process of the timed
run (``getrusage``), and writes them to ``benchmarks/out/scale.json`` in the repository. The targets (issue 10, a 2-core machine) are printed
beside the figures; they are measured and reported, not asserted.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

from frontline import project

ROOT = Path(__file__).resolve().parents[1]
REGION = "los_angeles"
TARGETS = {"raw_to_results_s": 180, "peak_rss_mib": 2048, "noop_rerun_s": 5}
PREPARATION_RULES = {"load_numbering", "simulate_ads", "summarise_planted_truth"}


def snakemake_exe() -> str:
    return str(Path(sys.executable).with_name("snakemake"))


def prepare_workdir(workdir: Path, n_ads: int, shards: int) -> Path:
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    project.copy_workflow(ROOT, workdir)
    config = yaml.safe_load((ROOT / "config/config.yaml").read_text())
    config["regions"] = {REGION: config["regions"][REGION]}
    config["regions"][REGION]["ads"]["simulate"]["n_ads"] = n_ads
    config["paper"]["primary_region"] = REGION
    config.setdefault("scale", {})["shards"] = shards
    (workdir / "config/bench.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    return workdir


RSS_WRAPPER = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
               "print(f'PEAK_RSS_KIB {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}', file=sys.stderr); "
               "sys.exit(code)")


def peak_rss_mib(proc: subprocess.CompletedProcess) -> float:
    for line in proc.stderr.splitlines()[::-1]:
        if line.startswith("PEAK_RSS_KIB "):
            return int(line.split()[1]) / 1024
    return float("nan")


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(workdir: Path, cores: int, *targets: str, env: dict) -> tuple[float, float, subprocess.CompletedProcess]:
    """Run Snakemake; return (wall seconds, CPU seconds of all its processes, the process)."""
    cmd = [snakemake_exe(), "--cores", str(cores), "--configfile", "config/bench.yaml",
           "--replace-workflow-config", *targets]
    t0, c0 = time.perf_counter(), _children_cpu_s()
    # a small wrapper reports the largest resident set of any process of this run alone
    proc = subprocess.run([sys.executable, "-c", RSS_WRAPPER, *cmd], cwd=workdir, env=env, capture_output=True,
                          text=True)
    wall, cpu = time.perf_counter() - t0, _children_cpu_s() - c0
    if proc.returncode != 0:
        sys.exit(f"snakemake failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}")
    return wall, cpu, proc


def _number(value: str | None) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def read_benchmarks(workdir: Path) -> dict[str, dict]:
    """Per rule: jobs, longest job (s), sum over jobs (s), CPU time (s), largest max_rss (MiB), from the
    benchmark files (CPU time is what a busy machine does not inflate)."""
    stages: dict[str, dict] = {}
    for tsv in sorted((workdir / "benchmarks/out").rglob("*.tsv")):
        rel = tsv.relative_to(workdir / "benchmarks/out")
        # benchmarks/out/{region}/{rule}.tsv, .../{region}/{rule}/{shard}.tsv, .../{stage}/{rule}.tsv
        parts = rel.with_suffix("").parts
        rule = parts[1] if len(parts) == 3 else parts[-1]
        with tsv.open() as fh:
            row = next(csv.DictReader(fh, delimiter="\t"))
        s = float(row["s"])
        rss = _number(row.get("max_rss"))
        st = stages.setdefault(rule, {"jobs": 0, "longest_s": 0.0, "sum_s": 0.0, "cpu_s": 0.0, "max_rss_mib": 0.0})
        st["jobs"] += 1
        st["cpu_s"] += _number(row.get("cpu_time"))
        st["longest_s"] = max(st["longest_s"], s)
        st["sum_s"] += s
        st["max_rss_mib"] = max(st["max_rss_mib"], rss)
    return stages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n-ads", type=int, default=1_000_000)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/frontline-bench-scale"))
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/out/scale.json")
    parser.add_argument("--keep", action="store_true", help="keep the scratch working directory")
    args = parser.parse_args(argv)

    env = {**os.environ}
    env.setdefault("FRONTLINE_HMAC_KEY", "frontline-benchmark-key-not-secret-0123")
    workdir = prepare_workdir(args.workdir, args.n_ads, args.shards)
    print(f"scratch working directory: {workdir}", flush=True)

    prep_s, _, _ = run(workdir, args.cores, f"data/simulated/{REGION}/ads.parquet",
                    f"results/{REGION}/planted.json", env=env)
    ads_file = workdir / f"data/simulated/{REGION}/ads.parquet"
    import pyarrow.parquet as pq  # noqa: PLC0415
    n_raw = pq.ParquetFile(ads_file).metadata.num_rows
    print(f"untimed preparation (numbering data, simulation of {n_raw} ads): {prep_s:.1f} s", flush=True)

    load_before = os.getloadavg()[0]
    results_s, results_cpu, results = run(workdir, args.cores, env=env)
    noop_s, noop_cpu, noop = run(workdir, args.cores, env=env)
    load_after = os.getloadavg()[0]
    nothing = "Nothing to be done" in noop.stdout + noop.stderr

    stages = read_benchmarks(workdir)
    timed = {r: s for r, s in stages.items() if r not in PREPARATION_RULES}
    peak_job_rss = max(s["max_rss_mib"] for s in timed.values())
    ingest = json.loads((workdir / f"results/{REGION}/ingest.json").read_text())
    numbers = json.loads((workdir / f"results/{REGION}/numbers.json").read_text())
    report = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "n_ads_simulated": n_raw, "n_ads_ingested": ingest["ads"], "shards": args.shards, "cores": args.cores,
        "preparation_s": round(prep_s, 2),
        "raw_to_results_s": round(results_s, 2), "raw_to_results_cpu_s": round(results_cpu, 2),
        "noop_rerun_s": round(noop_s, 2), "noop_rerun_cpu_s": round(noop_cpu, 2),
        "noop_nothing_to_be_done": nothing,
        "load_average_1min": {"before": round(load_before, 2), "after": round(load_after, 2)},
        "peak_job_rss_mib": round(peak_job_rss, 1),
        "peak_process_rss_mib": round(peak_rss_mib(results), 1),
        "stages": {r: {k: round(v, 2) if isinstance(v, float) else v for k, v in s.items()}
                   for r, s in stages.items()},
        "focus_share": numbers["focus"]["share"],
        "targets": TARGETS,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n")

    print(f"\n{'stage (rule)':26} {'jobs':>4} {'longest s':>10} {'sum s':>9} {'CPU s':>8} {'max RSS MiB':>12}")
    for rule, s in sorted(stages.items(), key=lambda kv: -kv[1]["sum_s"]):
        mark = "  (untimed preparation)" if rule in PREPARATION_RULES else ""
        print(f"{rule:26} {s['jobs']:>4} {s['longest_s']:>10.1f} {s['sum_s']:>9.1f} {s['cpu_s']:>8.1f}"
              f" {s['max_rss_mib']:>12.0f}{mark}")
    print(f"\nads: {n_raw} simulated, {ingest['ads']} ingested; {args.shards} shards on {args.cores} cores")
    print(f"raw ads -> results (wall, whole Snakemake run): {results_s:.1f} s, CPU {results_cpu:.1f} s"
          f"   (target <= {TARGETS['raw_to_results_s']} s)")
    print(f"peak RSS of one job (benchmark max_rss): {peak_job_rss:.0f} MiB   (target <= {TARGETS['peak_rss_mib']} MiB)")
    print(f"peak RSS of any process of the timed run (getrusage): {report['peak_process_rss_mib']:.0f} MiB")
    print(f"no-op rerun: {noop_s:.2f} s, CPU {noop_cpu:.2f} s, nothing to be done: {nothing}"
          f"   (target <= {TARGETS['noop_rerun_s']} s)")
    print(f"1-minute load average before / after: {load_before:.1f} / {load_after:.1f} on {os.cpu_count()} CPUs"
          " (wall times are inflated by other work on a busy machine; CPU times are not)")
    print(f"report: {args.out}")
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
