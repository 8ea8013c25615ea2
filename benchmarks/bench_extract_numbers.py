"""Time the extractor's per-number work: the kinds of each number found and the validation of its ten
digits on the benchmark's padded ads, and the '+' numbers of the adversarial "mixed" megabyte.

usage: PYTHONPATH=src .venv/bin/python benchmarks/bench_extract_numbers.py [--repeat 30]

_kinds and classify_digits are timed on the arguments the extractor passes them over the padded ads
(recorded from the Python source, replayed on the module in use: compiled when built), in µs per call,
best of --repeat passes; classify_digits with its memo filled. _international is timed inside find_all
over the mixed megabyte, after two passes over the ads as in bench_extract.py: the first pass in the
process (phonenumbers' metadata imported and its patterns compiled on the way), then the same calls with
the memos emptied.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from frontline.extract import _build, core, evaluate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_extract  # noqa: E402


def _recorded_calls(texts: list[str]) -> tuple[list, list]:
    """The arguments of every _kinds and classify_digits call of the Python source over ``texts``."""
    source = _build.source_module()
    kinds_calls, digits_calls = [], []
    kinds, classify = source._kinds, source.classify_digits

    def kinds_spy(text, t, toks, links, i, j, prefix, extra):
        kinds_calls.append((text, t, [(tk.start, tk.end, tk.digits, tk.kind, tk.word, tk.wb, tk.blocked, tk.single)
                                      for tk in toks], list(links), i, j, prefix, extra))
        return kinds(text, t, toks, links, i, j, prefix, extra)

    def classify_spy(d):
        digits_calls.append(d)
        return classify(d)

    source._kinds, source.classify_digits = kinds_spy, classify_spy
    try:
        for text in texts:
            source.find_all(text)
    finally:
        source._kinds, source.classify_digits = kinds, classify
    return kinds_calls, digits_calls


def _toks(rows: list) -> list:
    out = []
    for start, end, digits, kind, word, wb, blocked, single in rows:
        tk = core._new_tok(start, end, digits, kind, word, wb)
        tk.blocked, tk.single = blocked, single
        out.append(tk)
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=30)
    args = p.parse_args(argv)
    records = evaluate.load_labelled(ROOT / "tests/data/labelled_ads.jsonl")
    ads = bench_extract.padded_ads(records, 1000)
    texts = [x for r in ads for x in (r.get("title") or "", r["body"], r.get("url") or "") if x]
    print(f"extractor core in use: {Path(core.__file__).name}")

    kinds_calls, digits_calls = _recorded_calls(texts)
    calls = [(text, t, _toks(rows), links, i, j, prefix, extra)
             for text, t, rows, links, i, j, prefix, extra in kinds_calls]
    kinds, classify = core._kinds, core.classify_digits
    t_kinds = bench_extract.best_time(lambda: [kinds(*c) for c in calls], args.repeat,
                                      time.perf_counter) / len(calls) * 1e6
    [classify(d) for d in digits_calls]
    t_digits = bench_extract.best_time(lambda: [classify(d) for d in digits_calls], args.repeat,
                                       time.perf_counter) / len(digits_calls) * 1e6
    print(f"_kinds           {t_kinds:6.2f} µs per call ({len(calls)} calls over {len(ads)} padded ads)")
    print(f"classify_digits  {t_digits:6.2f} µs per call ({len(digits_calls)} calls)")

    for _ in range(2):
        [core.find_all(x) for x in texts]
    text = bench_extract.adversarial(1_000_000)["mixed digits, separators, number words, lookalikes"]
    international = core._international  # a plain function: find_all calls it through the module
    spent, plus = [0.0], []

    def spy(digits):
        c0 = time.process_time()
        out = international(digits)
        spent[0] += time.process_time() - c0
        plus.append(digits)
        return out

    core._international = spy
    try:
        c0 = time.process_time()
        core.find_all(text)
        total = time.process_time() - c0
    finally:
        core._international = international
    core.clear_memos()
    c0 = time.process_time()
    for digits in plus:
        international(digits)
    again = time.process_time() - c0
    print(f"mixed megabyte: find_all {total:.3f} s CPU; _international {spent[0]:.3f} s over {len(plus)} calls "
          f"(first pass in the process), {again:.3f} s for the same calls with the memos emptied")
    return 0


if __name__ == "__main__":
    sys.exit(main())
