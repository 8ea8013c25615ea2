"""Measure the simulator's speed: ads per second and wall time for a corpus of N ads.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_simulate.py --ads 1000000

Uses the default config's first region (its carrier mix, rates and area codes) with ``n_ads``
replaced. Loading the numbering database is timed separately. Writes to a temporary folder
(deleted afterwards) unless ``--out`` is given. Prints one line per step, then a summary line.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import yaml

from frontline import carriers, io, numbering, simulate

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ads", type=int, default=1_000_000, help="number of ads to simulate (default 1,000,000)")
    ap.add_argument("--config", default=str(ROOT / "config/config.yaml"), help="config whose region to use")
    ap.add_argument("--region", default=None, help="region name (default: the config's primary region)")
    ap.add_argument("--out", default=None, help="folder to write the Parquet files to (default: a temporary one)")
    args = ap.parse_args()

    cfg = yaml.safe_load(Path(args.config).read_text())
    region = args.region or cfg["paper"]["primary_region"]
    rcfg = cfg["regions"][region]
    sim_cfg = {**rcfg["ads"]["simulate"], "n_ads": args.ads}

    t0 = time.perf_counter()
    holders = numbering.load_holders(numbering.default_database())
    table = carriers.load_carriers(ROOT / cfg["reference"]["carriers"])
    blocks = simulate.candidate_blocks(numbering.effective_blocks(holders), table)
    region_blocks, elsewhere = simulate.split_blocks(blocks, rcfg["area_codes"])
    print(f"load numbering blocks: {time.perf_counter() - t0:.1f} s wall")

    spec = simulate.spec_from_config(region, sim_cfg, seed=cfg["seed"])
    w0, c0 = time.perf_counter(), time.process_time()
    ads, truth, distractors = simulate.simulate_corpus(spec, region_blocks, elsewhere)
    w1, c1 = time.perf_counter(), time.process_time()
    print(f"simulate: {len(ads):,} ads, {len(truth):,} occurrences, {len(distractors):,} distractors in "
          f"{w1 - w0:.1f} s wall ({c1 - c0:.1f} s CPU)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.out or tmp)
        io.write_parquet(ads, out / "ads.parquet")
        io.write_parquet(truth, out / "truth.parquet")
        io.write_parquet(distractors, out / "distractors.parquet")
        size = sum((out / f).stat().st_size for f in ("ads.parquet", "truth.parquet", "distractors.parquet"))
    w2, c2 = time.perf_counter(), time.process_time()
    print(f"write Parquet: {size / 1e6:.1f} MB in {w2 - w1:.1f} s wall ({c2 - c1:.1f} s CPU)")
    wall, cpu = w2 - w0, c2 - c0
    print(f"total: {len(ads):,} ads in {wall:.1f} s wall, {cpu:.1f} s CPU -> {len(ads) / wall:,.0f} ads/s wall, "
          f"{len(ads) / cpu:,.0f} ads/s CPU (one core)")


if __name__ == "__main__":
    main()
