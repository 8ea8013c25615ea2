"""Benchmark: the extractor's time on adversarial text of growing size (linear time check, reported).

    PYTHONPATH=src .venv/bin/python benchmarks/adversarial_extract.py [--sizes 250000 500000 1000000]

Prints seconds (CPU and wall) and seconds per MB for each size; roughly constant seconds per MB means
linear time. Nothing is asserted here: tests/test_adversarial.py only checks completion under a generous
CPU-time bound.
"""
import argparse
import time

from frontline.adversarial import adversarial_text
from frontline.extract import find_numbers


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[250_000, 500_000, 1_000_000])
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    print("chars\tfound\tcpu_s\twall_s\tcpu_s_per_MB")
    for n in args.sizes:
        text = adversarial_text(n, seed=args.seed)
        c0, w0 = time.process_time(), time.perf_counter()
        found = find_numbers(text)
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        print(f"{n}\t{len(found)}\t{cpu:.2f}\t{wall:.2f}\t{cpu / (n / 1e6):.2f}")


if __name__ == "__main__":
    main()
