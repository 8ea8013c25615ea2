"""Benchmark: attribute one million unique numbers against the full nanpa-lookup database.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_attribute.py [--numbers 1000000] [--cache 100000]

Prints the seconds (wall clock, and CPU time of the process) taken to load the holder table (all 1.29 M rows, once per workflow run), to
attribute the numbers with the database alone and with a lookup cache in front of it, and the peak
resident memory of the process. Numbers are drawn from real block and code prefixes (nine in ten) and
from random prefixes that no one holds (one in ten). Nothing is asserted: the figures are reported.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from frontline import attribute, carriers, numbering

ROOT = Path(__file__).resolve().parents[1]


def peak_mib() -> float:
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib / 1024 if sys.platform != "darwin" else kib / 2**20


def synthetic_numbers(holders: pd.DataFrame, n: int, rng: np.random.Generator) -> pd.DataFrame:
    blocks = numbering.effective_blocks(holders)["prefix"].to_numpy()
    known = blocks[rng.integers(len(blocks), size=n - n // 10)]
    unknown = rng.integers(2_000_000, 9_999_999, size=n // 10)
    prefixes = np.concatenate([known, unknown])
    return pd.DataFrame({"number_hash": [f"{i:064x}" for i in range(n)],
                         "block": pd.Series(prefixes).map("{:07d}".format)})


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--numbers", type=int, default=1_000_000)
    ap.add_argument("--cache", type=int, default=100_000, help="numbers also answered by a lookup cache")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    table = carriers.load_carriers(ROOT / "data/reference/carriers.csv")
    names = carriers.load_carrier_names(ROOT / "data/reference/carrier_names.csv")

    t0 = time.perf_counter()
    holders = numbering.load_holders(numbering.default_database())
    t_load = time.perf_counter() - t0
    numbers = synthetic_numbers(holders, args.numbers, rng)
    cache = pd.DataFrame({"number_hash": numbers["number_hash"].sample(args.cache, random_state=args.seed),
                          "carrier": "T-Mobile USA, Inc.", "line_type": "mobile",
                          "looked_up_at": "2012-07-01T00:00:00Z", "cache_ocn": ""})
    mem_before = peak_mib()

    t0, c0 = time.perf_counter(), time.process_time()
    out = attribute.attribute(numbers, ["nanpa_lookup"], table, [213, 310, 323, 818],
                              holders={"nanpa_lookup": holders})
    t_db, c_db = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    out_cache = attribute.attribute(numbers, ["cache", "nanpa_lookup"], table, [213, 310, 323, 818],
                                    holders={"nanpa_lookup": holders}, cache=cache, carrier_names=names)
    t_cache, c_cache = time.perf_counter() - t0, time.process_time() - c0
    cov = attribute.coverage(out_cache, ["cache", "nanpa_lookup"]).set_index("measure")

    print(f"holder rows loaded:           {len(holders):,} in {t_load:.2f} s")
    print(f"numbers attributed:           {len(out):,}")
    print(f"database backend:             {t_db:.2f} s wall, {c_db:.2f} s CPU")
    print(f"cache ({args.cache:,}) + database:   {t_cache:.2f} s wall, {c_cache:.2f} s CPU")
    print(f"methods (cache + database):   " + ", ".join(
        f"{m} {int(cov.loc['method:' + m, 'numbers']):,}" for m in attribute.METHODS))
    print(f"peak resident memory:         {peak_mib():.0f} MiB (after loading and drawing: {mem_before:.0f} MiB)")


if __name__ == "__main__":
    main()
