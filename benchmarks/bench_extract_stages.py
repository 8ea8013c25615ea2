"""Time the extractor's stages on the benchmark's padded ads: where the time of ``find_all`` goes.

    .venv/bin/python benchmarks/bench_extract_stages.py [--repeat 9]

The ads are those of ``bench_extract.py`` (the hand-labelled set, each padded to about 1 KB). Each line
is the best of ``--repeat`` passes, in µs of CPU per ad: ``find_all`` whole; normalisation; the window
search; then the windows it finds, split into those that give no number (most of them hold only
distractors and are dropped early) and those that give one or more, each stage called alone on the
windows the whole extractor sees. Nothing here is asserted: speed depends on the machine.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_extract import best_time, padded_ads  # noqa: E402
from frontline.extract import core, evaluate  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--labelled", default=str(ROOT / "tests" / "data" / "labelled_ads.jsonl"))
    args = parser.parse_args(argv)
    ads = padded_ads(evaluate.load_labelled(Path(args.labelled)), 1000)
    texts = [x for r in ads for x in (r.get("title") or "", r["body"], r.get("url") or "") if x]
    n = len(ads)
    normalised = [(x, core._normalise(x)) for x in texts]
    windows = [(x, t, a, b, m) for x, t in normalised for a, b, m in core._windows(t)]
    empty = [w for w in windows if not core._scan_window(*w)]
    full = [w for w in windows if w not in empty]

    def per_ad(fn) -> float:
        return best_time(fn, args.repeat) / n * 1e6

    print(f"core in use: {Path(core.__file__).name}; {n} ads, {len(windows)} windows: {len(empty)} give no "
          f"number, {len(full)} give one or more (µs of CPU per ad, best of {args.repeat} passes)")
    print(f"find_all                     {per_ad(lambda: [core.find_all(x) for x in texts]):6.1f}")
    print(f"  normalisation              {per_ad(lambda: [core._normalise(x) for x in texts]):6.1f}")
    print(f"  window search              {per_ad(lambda: [core._windows(t) for _, t in normalised]):6.1f}")
    for name, group in (("windows giving no number", empty), ("windows giving a number", full)):
        t = per_ad(lambda: [core._scan_window(*w) for w in group])
        print(f"  {name:<27}{t:6.1f}  ({t * n / max(len(group), 1):.2f} each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
