"""Scoring extraction against planted or hand-labelled truth.

Ad level: an (ad, number) pair is a true positive when the ad's truth holds that number as a target.
Occurrence level (for recall per obfuscation pattern): a planted occurrence is found when an extracted
occurrence of the same number lies in the same ad and field and overlaps its span. False positives are
attributed to the planted distractors their span overlaps (else "unexplained").

Numbers are compared as keyed hashes (frontline.privacy), so nothing here needs or writes a raw number.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .. import privacy
from . import FIELDS, extract_ads, find_numbers, matcher_numbers

OCCURRENCE_COLUMNS = ["ad_id", "number_hash", "field", "start", "end"]
TABLE_COLUMNS = ["extractor", "scope", "level", "name", "total", "hits", "value"]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def hash_truth(truth: pd.DataFrame, key: bytes) -> pd.DataFrame:
    """Truth occurrences with ``number_hash`` instead of ``number``; ``tags`` and ``target`` filled in."""
    out = truth.copy()
    numbers = out.pop("number").astype(str)
    out["number_hash"] = numbers.map({n: privacy.hash_number(n, key) for n in pd.unique(numbers)})
    if "target" not in out.columns:
        out["target"] = True
    if "tags" not in out.columns:
        out["tags"] = out["pattern"] if "pattern" in out.columns else "plain"
    out["tags"] = out["tags"].fillna("").astype(str)
    return out


def _overlaps(found: pd.DataFrame, other: pd.DataFrame, on: list[str]) -> pd.DataFrame:
    """Rows of the join of ``found`` and ``other`` on ``on`` whose [start, end) spans overlap."""
    j = found.reset_index(names="_f").merge(other.reset_index(names="_o"), on=on, suffixes=("", "_o"))
    return j[(j["start"] < j["end_o"]) & (j["start_o"] < j["end"])]


def score(found: pd.DataFrame, truth: pd.DataFrame, distractors: pd.DataFrame | None = None,
          ads: pd.Index | None = None) -> dict:
    """Precision, recall, F1, recall per pattern and false positives per distractor kind.

    ``found``: ad_id, number_hash, field, start, end. ``truth``: the same plus target (bool) and tags
    (comma-separated). ``distractors``: ad_id, field, start, end, kind. ``ads`` restricts the scope.
    """
    if ads is not None:
        found = found[found["ad_id"].isin(ads)]
        truth = truth[truth["ad_id"].isin(ads)]
        if distractors is not None:
            distractors = distractors[distractors["ad_id"].isin(ads)]
    found = found[OCCURRENCE_COLUMNS].reset_index(drop=True)
    targets = truth[truth["target"].astype(bool)].reset_index(drop=True)
    truth_pairs = set(zip(targets["ad_id"], targets["number_hash"]))
    found_pairs = set(zip(found["ad_id"], found["number_hash"]))
    tp = len(found_pairs & truth_pairs)
    fp = len(found_pairs - truth_pairs)
    fn = len(truth_pairs - found_pairs)
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    # occurrences: which planted occurrences were found where they were planted
    hit = _overlaps(found, targets[OCCURRENCE_COLUMNS], ["ad_id", "number_hash", "field"])
    targets["found"] = targets.index.isin(hit["_o"])
    tags = targets.assign(tag=targets["tags"].str.split(",")).explode("tag")
    tags = tags[tags["tag"].fillna("") != ""]
    per_pattern = {t: {"n": int(len(g)), "found": int(g["found"].sum()), "recall": float(g["found"].mean())}
                   for t, g in tags.groupby("tag", sort=True)}
    # false positives, by the distractor they overlap
    pair = list(zip(found["ad_id"], found["number_hash"]))
    fp_rows = found[[p not in truth_pairs for p in pair]]
    fp_kinds: dict[str, int] = {}
    n_distractors: dict[str, int] = {}
    explained: set = set()
    if distractors is not None and len(distractors):
        n_distractors = {k: int(v) for k, v in distractors["kind"].value_counts().sort_index().items()}
        ov = _overlaps(fp_rows, distractors[["ad_id", "field", "start", "end", "kind"]], ["ad_id", "field"])
        for kind, g in ov.groupby("kind", sort=True):
            fp_kinds[kind] = int(g["_f"].nunique())
        explained = set(ov["_f"])
    nontarget = truth[~truth["target"].astype(bool)]
    nt_pairs = set(zip(nontarget["ad_id"], nontarget["number_hash"]))
    rest = [i for i, p in zip(fp_rows.index, zip(fp_rows["ad_id"], fp_rows["number_hash"])) if i not in explained]
    fp_kinds["nontarget"] = sum(1 for i in rest if (found.at[i, "ad_id"], found.at[i, "number_hash"]) in nt_pairs)
    fp_kinds["unexplained"] = len(rest) - fp_kinds["nontarget"]
    return {
        "ads": int(len(ads)) if ads is not None else int(truth["ad_id"].nunique()),
        "true_positives": tp, "false_positives": fp, "false_negatives": fn,
        "precision": precision, "recall": recall, "f1": _f1(precision, recall),
        "occurrences": int(len(targets)), "occurrence_recall": _ratio(int(targets["found"].sum()), len(targets)),
        "patterns": per_pattern, "distractor_fp": fp_kinds, "distractors": n_distractors,
        "distractors_planted": sum(n_distractors.values()),
        "distractor_false_positives": sum(v for k, v in fp_kinds.items() if k not in ("nontarget", "unexplained")),
    }


def hashed_extraction(ads: pd.DataFrame, key: bytes, finder=None) -> pd.DataFrame:
    """Run an extractor over ads and hash its numbers at once (the baseline's path to a score)."""
    found = extract_ads(ads, finder=finder)
    numbers = found.pop("number").astype(str)
    found["number_hash"] = numbers.map({n: privacy.hash_number(n, key) for n in pd.unique(numbers)})
    return found


def sample_index(n_rows: int, n: int, seed: int) -> np.ndarray | None:
    """Sorted positions of a reproducible sample of ``n`` of ``n_rows`` rows; None for all of them."""
    if n >= n_rows:
        return None
    return np.sort(np.random.default_rng(seed).choice(n_rows, size=n, replace=False))


def sample_ads(ads: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    """A reproducible sample of ``n`` ads (all of them if there are fewer)."""
    idx = sample_index(len(ads), n, seed)
    return ads if idx is None else ads.iloc[idx]


def read_sampled_ads(path: str | Path, n: int, seed: int, batch_rows: int = 65_536) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every ad's ``ad_id``, and the rows ``sample_ads`` would draw, read from a Parquet file in record
    batches: only the sample's text is kept, so memory does not grow with the corpus."""
    pf = pq.ParquetFile(path)
    idx = sample_index(pf.metadata.num_rows, n, seed)
    if idx is None:
        ads = pf.read().to_pandas()
        return ads[["ad_id"]], ads
    ids, rows = [], []
    offset = 0
    for batch in pf.iter_batches(batch_size=batch_rows):
        ids.append(batch.column("ad_id").to_pandas())
        lo, hi = np.searchsorted(idx, [offset, offset + batch.num_rows])
        if hi > lo:
            rows.append(batch.take(pa.array(idx[lo:hi] - offset)).to_pandas())
        offset += batch.num_rows
    return pd.DataFrame({"ad_id": pd.concat(ids, ignore_index=True)}), pd.concat(rows, ignore_index=True)


def evaluate(ads: pd.DataFrame, found: pd.DataFrame, truth: pd.DataFrame, key: bytes,
             distractors: pd.DataFrame | None = None, baseline_sample: int = 2000,
             seed: int = 0, sample: pd.DataFrame | None = None) -> tuple[pd.DataFrame, dict]:
    """Score our extraction (``found``, already hashed) on every ad, and both extractors on a sample.

    ``ads`` needs only ``ad_id`` when ``sample`` (the baseline's ads, from ``read_sampled_ads``) is given;
    otherwise the sample is drawn from ``ads`` with ``sample_ads``.
    Returns a long table (extractor, scope, level, name, total, hits, value) and a summary dict.
    """
    truth = hash_truth(truth, key)
    all_ads = pd.Index(ads["ad_id"])
    if sample is None:
        sample = sample_ads(ads, baseline_sample, seed)
    sample_ids = pd.Index(sample["ad_id"])
    baseline = hashed_extraction(sample, key, finder=matcher_numbers)
    summary = {
        "ours": score(found, truth, distractors, all_ads),
        "ours_sample": score(found, truth, distractors, sample_ids),
        "baseline": score(baseline, truth, distractors, sample_ids),
        "sample_ads": int(len(sample_ids)),
        "ads": int(len(all_ads)),
        "baseline_name": "phonenumbers.PhoneNumberMatcher (leniency VALID)",
    }
    summary["recall_gain"] = summary["ours_sample"]["recall"] - summary["baseline"]["recall"]
    return summary_table(summary), summary


def summary_table(summary: dict) -> pd.DataFrame:
    rows = []
    for extractor, scope, s in (("ours", "all", summary["ours"]), ("ours", "sample", summary["ours_sample"]),
                                ("phonenumbers", "sample", summary["baseline"])):
        tp, fp, fn = s["true_positives"], s["false_positives"], s["false_negatives"]
        rows += [(extractor, scope, "overall", "precision", tp + fp, tp, s["precision"]),
                 (extractor, scope, "overall", "recall", tp + fn, tp, s["recall"]),
                 (extractor, scope, "overall", "f1", tp + fp + fn, tp, s["f1"])]
        for tag, p in s["patterns"].items():
            rows.append((extractor, scope, "pattern", tag, p["n"], p["found"], p["recall"]))
        for kind, k in s["distractor_fp"].items():
            total = s["distractors"].get(kind, 0)
            rows.append((extractor, scope, "distractor", kind, total, k, _ratio(k, total)))
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


# Hand-labelled set ----------------------------------------------------------------------------------

def load_labelled(path: str | Path) -> list[dict]:
    """The hand-labelled ads (JSON lines: ad_id, title, body, url, numbers, patterns, distractors)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}: line {i}: not JSON ({exc})") from exc
            missing = {"ad_id", "body", "numbers"} - set(rec)
            if missing:
                raise ValueError(f"{path}: line {i}: missing field(s) {sorted(missing)}")
            out.append(rec)
    return out


def score_labelled(records: list[dict], finder=find_numbers) -> dict:
    """Ad-level precision and recall of ``finder`` on labelled records, recall per labelled pattern, and
    false positives per labelled distractor kind (a false positive counts for every distractor kind the
    ad is labelled with, or as "unlabelled" in an ad labelled with none)."""
    tp = fp = fn = 0
    per: dict[str, list[int]] = {}
    fp_kinds: dict[str, int] = {}
    ads_kinds: dict[str, int] = {}
    for rec in records:
        got: set[str] = set()
        for f in FIELDS:
            text = rec.get(f) or ""
            got |= {x.number for x in finder(text)}
        truth = set(rec["numbers"])
        tp += len(got & truth)
        fp += len(got - truth)
        fn += len(truth - got)
        for tag in rec.get("patterns", []):
            k = per.setdefault(tag, [0, 0])
            k[0] += len(truth)
            k[1] += len(got & truth)
        kinds = sorted(set(rec.get("distractors", []))) or ["unlabelled"]
        for kind in kinds:
            ads_kinds[kind] = ads_kinds.get(kind, 0) + 1
            fp_kinds[kind] = fp_kinds.get(kind, 0) + len(got - truth)
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {"ads": len(records), "true_positives": tp, "false_positives": fp, "false_negatives": fn,
            "precision": p, "recall": r, "f1": _f1(p, r),
            "no_number_ads": sum(1 for rec in records if not rec["numbers"]),
            "two_number_ads": sum(1 for rec in records if len(set(rec["numbers"])) >= 2),
            "patterns": {t: {"n": n, "recall": _ratio(k, n)} for t, (n, k) in sorted(per.items())},
            "distractors": {k: {"ads": ads_kinds[k], "false_positives": fp_kinds[k]} for k in sorted(ads_kinds)}}


def evaluate_labelled(records: list[dict]) -> dict:
    """This extractor and phonenumbers' matcher (the baseline) scored on the same hand-labelled ads."""
    ours = score_labelled(records)
    baseline = score_labelled(records, finder=matcher_numbers)
    return {"ours": ours, "baseline": baseline, "ads": ours["ads"], "no_number_ads": ours["no_number_ads"],
            "two_number_ads": ours["two_number_ads"], "recall_gain": ours["recall"] - baseline["recall"],
            "baseline_name": "phonenumbers.PhoneNumberMatcher (leniency VALID)"}
