"""Benchmark: this extractor beside phonenumbers' PhoneNumberMatcher (leniency VALID), on the same ads.

    PYTHONPATH=src python benchmarks/bench_extract.py [--repeat 3] [--matcher-ads 300] [--json out.json]
                                                     [--profile 20]

Ads: the hand-labelled set (tests/data/labelled_ads.jsonl), each ad body embedded in about a kilobyte of
number-free ad prose (full of distractors), so throughput is measured on ~1 KB ads whose truth is known.
Reports ads per second per core (CPU time of this single-threaded process, and wall time), precision and
recall for both extractors (ours twice: the Cython-compiled core the package runs, and its Python
source), each the best of ``--repeat`` passes over the same ads; the compiled core again with all its
memos emptied before each pass (``core.clear_memos``: exchange verdicts, the tokens of each chunk, leet
words, kind names, '+' numbers), as for ads never seen; the rate of bare C-level passes over the same
ads (lower-casing, one regex scan for digit runs, a split into words), a ceiling for an extractor that
finds its windows with Python's own string and regex functions, as the Python source does (the compiled
core loops over the characters instead); then the time to scan adversarial megabytes (digits,
separators, number words, lookalikes) with this extractor, the first time in the process and again with
its memos emptied.
Nothing here is asserted: speed depends on the machine.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from frontline import extract  # noqa: E402
from frontline.extract import _build, evaluate  # noqa: E402

FILLER = [
    "Hey there gentlemen, thanks for stopping by my page. I am a sweet, classy and very discreet companion "
    "who loves good conversation, fine dining and making new friends. ",
    "Rates: $150 hh / $250 hr / $400 2hrs, 2 for 1 specials on weekdays, no negotiating please. ",
    "Stats: 5'6\", 125 lbs, 34C-24-36, 24 years young, 100% real and recent photos taken 05/04/2012. ",
    "Available 24/7 for incall near the airport and outcall to upscale hotels, 10am-2am most days. ",
    "Located near 1200 W Sunset Blvd, Los Angeles CA 90026, safe parking, clean and private. ",
    "Please be respectful and on time; no rush, no games, no drama, no law enforcement. Post ID 77120093. ",
    "I love meeting new people, dinner dates, long walks, and relaxing together after a long day at work. ",
    "Serious gentlemen only; tell me which ad you saw and what time works best for you, 420 friendly. ",
]


def padded_ads(records: list[dict], size: int, seed: int = 1) -> list[dict]:
    """Each labelled ad with its body placed inside number-free filler, to about ``size`` characters."""
    rng = random.Random(seed)
    out = []
    for rec in records:
        before, after = [], []
        while sum(map(len, before + after)) + len(rec["body"]) < size:
            (before if rng.random() < 0.5 else after).append(rng.choice(FILLER))
        out.append({**rec, "body": "".join(before) + rec["body"] + " " + "".join(after)})
    return out


def best_time(fn, repeat: int, clock=time.process_time) -> float:
    """The shortest of ``repeat`` timings of ``fn()`` by ``clock`` (CPU time unless told)."""
    best = float("inf")
    for _ in range(repeat):
        c0 = clock()
        fn()
        best = min(best, clock() - c0)
    return best


def throughput(records: list[dict], finder, repeat: int, before_pass=None) -> dict:
    texts = [(r.get("title") or "", r["body"], r.get("url") or "") for r in records]
    best_cpu, best_wall = float("inf"), float("inf")
    for _ in range(repeat):
        if before_pass is not None:
            before_pass()
        c0, w0 = time.process_time(), time.perf_counter()
        for fields in texts:
            for text in fields:
                if text:
                    finder(text)
        best_cpu = min(best_cpu, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - w0)
    return {"ads": len(texts), "ads_per_cpu_second": len(texts) / best_cpu, "ads_per_wall_second": len(texts) / best_wall}


#: C-level passes any extractor written in Python makes over an ad before it reads a single number.
FLOOR_PASSES = {
    "str.lower": lambda t: t.lower(),
    "one regex pass for digit runs": re.compile(r"[0-9]+").findall,
    "splitting into words": str.split,
    "lower + digit pass + word split": lambda t: (re.findall(r"[0-9]+", t.lower()), t.split()),
}


def floor(records: list[dict], repeat: int) -> dict:
    """Ads per CPU second of bare C-level passes over the same ads: the ceiling for any extractor whose
    per-ad work includes them (a regex scan for digits and a split into words)."""
    texts = [r["body"] for r in records]
    out = {}
    for name, fn in FLOOR_PASSES.items():
        best = float("inf")
        for _ in range(repeat):
            c0 = time.process_time()
            for text in texts:
                fn(text)
            best = min(best, time.process_time() - c0)
        out[name] = len(texts) / best
    return out


def adversarial(n_bytes: int, seed: int = 7) -> dict[str, str]:
    rng = random.Random(seed)
    atoms = list("0123456789") * 6 + list(" -.()*~_/|:+") * 2 + ["one ", "two ", "five ", "oh ", "for ", "zer0",
                                                                "l", "O", "!", "\n", "twenty ", "$", "%", "'"]
    mixed = []
    size = 0
    while size < n_bytes:
        a = rng.choice(atoms)
        mixed.append(a)
        size += len(a)
    return {
        "mixed digits, separators, number words, lookalikes": "".join(mixed)[:n_bytes],
        "digits only": "".join(rng.choice("0123456789") for _ in range(n_bytes)),
        "spaced digits": " ".join(rng.choice("23456789") for _ in range(n_bytes // 2)),
        "number words": " ".join(rng.choice(["one", "two", "three", "five", "zero", "oh", "for"])
                                 for _ in range(n_bytes // 4)),
        "one long word": "l" * n_bytes,
        "phone-context": ("tel:" + ";phone-context=" + "a." * 40 + "213-555-0147 ") * (n_bytes // 110),
    }


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--labelled", default=str(ROOT / "tests/data/labelled_ads.jsonl"))
    p.add_argument("--size", type=int, default=1000, help="characters per padded ad")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--matcher-ads", type=int, default=257, help="ads timed for the (slow) matcher")
    p.add_argument("--adversarial-bytes", type=int, default=1_000_000)
    p.add_argument("--json", help="also write the figures here")
    p.add_argument("--profile", type=int, default=0, metavar="N",
                   help="also profile one pass of this extractor over the ads and print its N costliest functions")
    args = p.parse_args(argv)

    records = evaluate.load_labelled(args.labelled)
    ads = padded_ads(records, args.size)
    mean_len = sum(len(a["body"]) for a in ads) / len(ads)
    report: dict = {"ads": len(ads), "mean_body_chars": mean_len, "core_build": _build.build_status(),
                    "core": Path(extract.core.__file__).name}
    source = _build.source_module()

    def ours_source(text: str) -> list:
        return [f for f in source.find_all(text) if f.target]

    finders = (("ours", extract.find_numbers), ("ours, Python source", ours_source),
               ("phonenumbers", extract.matcher_numbers))
    for name, finder in finders:
        quality = evaluate.score_labelled(ads, finder=finder)
        timed = ads if name != "phonenumbers" else ads[:args.matcher_ads]
        speed = throughput(timed, finder, args.repeat if name != "phonenumbers" else 1)
        report[name] = {**speed, **{k: quality[k] for k in ("precision", "recall", "f1", "true_positives",
                                                            "false_positives", "false_negatives")}}
    # the same passes with the extractor's memos emptied before each: every ad as if never seen
    report["ours, memos emptied"] = throughput(ads, extract.find_numbers, args.repeat,
                                               before_pass=extract.core.clear_memos)
    report["speedup_cpu"] = report["ours"]["ads_per_cpu_second"] / report["phonenumbers"]["ads_per_cpu_second"]
    report["floor"] = floor(ads, args.repeat)
    adv = {}
    for name, text in adversarial(args.adversarial_bytes).items():
        c0, w0 = time.process_time(), time.perf_counter()
        found = extract.find_numbers(text, include_nontargets=True)
        adv[name] = {"chars": len(text), "cpu_seconds": time.process_time() - c0,
                     "wall_seconds": time.perf_counter() - w0, "numbers": len(found)}
        # again with the extractor's memos emptied: the same work without what happens once per process
        # (phonenumbers loads a region's metadata and compiles its patterns the first time one is asked for)
        extract.core.clear_memos()
        c0 = time.process_time()
        extract.find_numbers(text, include_nontargets=True)
        adv[name]["cpu_seconds_again"] = time.process_time() - c0
    report["adversarial"] = adv

    print(f"{len(ads)} ads of ~{mean_len:.0f} characters (hand-labelled set, padded with number-free prose)")
    print(f"extractor core in use: {report['core']} (build {report['core_build']})")
    print(f"{'extractor':<22}{'ads/s (CPU)':>13}{'ads/s (wall)':>14}{'precision':>11}{'recall':>9}{'F1':>8}")
    for name, _ in finders:
        r = report[name]
        print(f"{name:<22}{r['ads_per_cpu_second']:>13,.0f}{r['ads_per_wall_second']:>14,.0f}"
              f"{r['precision']:>11.4f}{r['recall']:>9.4f}{r['f1']:>8.4f}")
    cold = report["ours, memos emptied"]
    print(f"ours, all its memos emptied before each pass (clear_memos): "
          f"{cold['ads_per_cpu_second']:,.0f} ads/s (CPU), {cold['ads_per_wall_second']:,.0f} (wall)")
    print(f"speed-up (CPU time): {report['speedup_cpu']:.1f}x")
    print("bare C-level passes of Python's string and regex functions over the same ads (no extraction at all):")
    for name, rate in report["floor"].items():
        print(f"  {name:<52} {rate:>11,.0f} ads/s (CPU)")
    print("adversarial inputs (this extractor; CPU seconds of the first pass in this process, its wall seconds, and"
          " CPU seconds again with the memos emptied):")
    for name, r in adv.items():
        print(f"  {name:<52} {r['chars']:>9,} chars  {r['cpu_seconds']:.3f} s CPU  {r['wall_seconds']:.3f} s wall"
              f"  again {r['cpu_seconds_again']:.3f} s CPU")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(throughput, ads, extract.find_numbers, 1)
        print(f"profile of one pass over the ads (cProfile, by own time, top {args.profile}):")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(args.profile)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
