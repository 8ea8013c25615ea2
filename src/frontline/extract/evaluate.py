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
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .. import privacy
from . import FIELDS, extract_ads, find_numbers, matcher_numbers

OCCURRENCE_COLUMNS = ["ad_id", "number_hash", "field", "start", "end"]
#: The columns of the planted truth and distractors that scoring reads (``tags``/``target`` optional).
TRUTH_COLUMNS = ["ad_id", "number", "field", "start", "end", "target", "tags", "pattern"]
DISTRACTOR_COLUMNS = ["ad_id", "field", "start", "end", "kind"]
TABLE_COLUMNS = ["extractor", "scope", "level", "name", "total", "hits", "value"]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def hash_truth(truth: pd.DataFrame, key: bytes) -> pd.DataFrame:
    """Truth occurrences with ``number_hash`` (categorical) instead of ``number``; ``tags`` and ``target``
    filled in."""
    out = truth.copy()
    out["number_hash"] = _hashed_numbers(out.pop("number"), key)
    if "target" not in out.columns:
        out["target"] = True
    if "tags" not in out.columns:
        out["tags"] = out["pattern"] if "pattern" in out.columns else "plain"
    out["tags"] = out["tags"].fillna("").astype(str)
    return out


def read_columns(path: str | Path, columns: list[str], categorical: tuple[str, ...] = ()) -> pd.DataFrame:
    """The ``columns`` a Parquet file has (of those asked for), the ``categorical`` ones read as pandas
    categoricals (Arrow dictionaries): a few bytes a row for a column of few distinct values."""
    names = set(pq.read_schema(path).names)
    columns = [c for c in columns if c in names]
    frame = pq.read_table(path, columns=columns, read_dictionary=[c for c in categorical if c in columns]).to_pandas()
    # hand the reader's buffers back to the system: the scoring that follows allocates outside Arrow's pool
    pa.default_memory_pool().release_unused()
    return frame


def read_truth(path: str | Path) -> pd.DataFrame:
    """The planted truth's columns that scoring uses, numbers and fields as categoricals."""
    return read_columns(path, TRUTH_COLUMNS, categorical=("number", "field"))


def read_found(path: str | Path) -> pd.DataFrame:
    """Extracted occurrences (``ad_numbers.parquet``) as scoring reads them, hashes and fields as categoricals."""
    return read_columns(path, OCCURRENCE_COLUMNS, categorical=("number_hash", "field"))


def read_distractors(path: str | Path) -> pd.DataFrame:
    """Planted distractors as scoring reads them, fields and kinds as categoricals."""
    return read_columns(path, DISTRACTOR_COLUMNS, categorical=("field", "kind"))


def _hashed_numbers(numbers: pd.Series, key: bytes) -> pd.Series:
    """Keyed hashes of a column of numbers, each distinct number hashed once, as a categorical (a code per
    row instead of a 64-character string)."""
    codes, uniques = pd.factorize(numbers)
    hashes = pd.Index([privacy.hash_number(str(n), key) for n in uniques], dtype="str")
    return pd.Series(pd.Categorical.from_codes(codes, categories=hashes), index=numbers.index, name="number_hash")


def _codes(*columns) -> list[np.ndarray]:
    """Integer codes of several columns over one shared dictionary: equal values get equal codes (missing
    values too), so joins and set operations run on int64 arrays instead of Python strings.

    Text columns are factorised together (Arrow concatenates them without copying); with a categorical
    among them each column is factorised on its own (cheap for a categorical) and only the distinct
    values are matched up, as concatenating categoricals of different categories would make Python objects.
    """
    if not any(isinstance(c.dtype, pd.CategoricalDtype) for c in columns):
        codes, _ = pd.factorize(pd.concat([pd.Series(c).reset_index(drop=True) for c in columns],
                                          ignore_index=True), use_na_sentinel=False)
        return np.split(codes.astype(np.int64, copy=False), np.cumsum([len(c) for c in columns])[:-1])
    parts = [pd.factorize(c, use_na_sentinel=False) for c in columns]
    uniques = [pd.Series(u.astype(u.categories.dtype) if isinstance(u.dtype, pd.CategoricalDtype) else u)
               for _, u in parts]
    shared, _ = pd.factorize(pd.concat(uniques, ignore_index=True), use_na_sentinel=False)
    bounds = np.cumsum([0] + [len(u) for u in uniques])
    return [shared[lo:hi].astype(np.int64)[codes] for (codes, _), lo, hi in zip(parts, bounds[:-1], bounds[1:])]


def _sorted_codes(column: pd.Series) -> tuple[np.ndarray, list]:
    """Codes of a text column and its distinct values in sorted order (code i is the i-th), missing values -1."""
    codes, uniques = pd.factorize(column)
    values = list(uniques)
    order = sorted(range(len(values)), key=values.__getitem__)
    rank = np.empty(len(values) + 1, dtype=np.int64)
    rank[order] = np.arange(len(values))
    rank[-1] = -1  # code -1 (missing) stays -1
    return rank[codes], [values[i] for i in order]


def _in_scope(column: pd.Series, ads: pd.Index) -> np.ndarray:
    """``column.isin(ads)`` as a boolean array; for text, hashed in Arrow (``pyarrow.compute.is_in``) without
    the Python list of the ads that pandas' ``isin`` builds for Arrow-backed strings."""
    values, scope = pa.array(column, from_pandas=True), pa.array(ads, from_pandas=True)
    if isinstance(scope, pa.ChunkedArray):
        scope = scope.combine_chunks()
    text = (pa.types.is_string, pa.types.is_large_string)
    if any(t(values.type) for t in text) and any(t(scope.type) for t in text):
        return pc.is_in(values, value_set=scope).to_numpy(zero_copy_only=False)
    return column.isin(ads).to_numpy()


def _within(frame: pd.DataFrame, ads: pd.Index) -> pd.DataFrame:
    """The rows of ``frame`` whose ``ad_id`` is among ``ads`` (``frame`` itself, not a copy, when all are)."""
    keep = _in_scope(frame["ad_id"], ads)
    return frame if keep.all() else frame[keep]


def _key(*parts: tuple[np.ndarray, int]) -> np.ndarray:
    """One int64 key per row from (codes, number of codes) parts (a mixed-radix number; raises if the
    product of the sizes does not fit)."""
    codes = [c for c, _ in parts]
    dims = tuple(max(int(n), 1) for _, n in parts)
    if not len(codes[0]):
        return np.zeros(0, dtype=np.int64)
    return np.ravel_multi_index(codes, dims).astype(np.int64)


def _member(values: np.ndarray, sorted_unique: np.ndarray) -> np.ndarray:
    """Which ``values`` are in ``sorted_unique`` (sorted, distinct), by binary search (no sorted copy of
    both, as ``np.isin`` makes)."""
    if not len(sorted_unique):
        return np.zeros(len(values), dtype=bool)
    pos = np.minimum(np.searchsorted(sorted_unique, values), len(sorted_unique) - 1)
    return sorted_unique[pos] == values


def _overlapping(left_key, left_start, left_end, right_key, right_start, right_end) -> tuple[np.ndarray, np.ndarray]:
    """Positions (i, j) of the pairs with ``left_key[i] == right_key[j]`` whose [start, end) spans overlap
    (a sort-merge join on int64 keys: every left row against the run of equal right keys)."""
    order = np.argsort(right_key, kind="stable")
    keys = right_key[order]
    lo = np.searchsorted(keys, left_key, side="left")
    runs = np.searchsorted(keys, left_key, side="right") - lo
    i = np.repeat(np.arange(len(left_key)), runs)
    # the k-th pair of left row i is right row order[lo[i] + k]
    j = order[np.repeat(lo - (np.cumsum(runs) - runs), runs) + np.arange(len(i))]
    keep = (left_start[i] < right_end[j]) & (right_start[j] < left_end[i])
    return i[keep], j[keep]


def _per_tag(tags: pd.Series, rows: np.ndarray, found: np.ndarray) -> dict:
    """Recall per tag over the occurrences ``tags[rows]`` (``found``: whether each was found): an
    occurrence counts once for every (non-empty) tag of its comma-separated tags. Counted per distinct
    tags string, then split (there are few distinct strings)."""
    codes, uniques = pd.factorize(tags)
    codes = codes[rows]
    n = np.bincount(codes[codes >= 0], minlength=len(uniques))
    k = np.bincount(codes[(codes >= 0) & found], minlength=len(uniques))
    totals: dict[str, list[int]] = {}
    for value, n_i, k_i in zip(uniques, n, k):
        if not n_i:  # a tags string of rows outside ``rows`` only
            continue
        for tag in str(value).split(","):
            if tag != "":
                t = totals.setdefault(tag, [0, 0])
                t[0] += int(n_i)
                t[1] += int(k_i)
    return {t: {"n": n_t, "found": k_t, "recall": k_t / n_t} for t, (n_t, k_t) in sorted(totals.items())}


def score(found: pd.DataFrame, truth: pd.DataFrame, distractors: pd.DataFrame | None = None,
          ads: pd.Index | None = None) -> dict:
    """Precision, recall, F1, recall per pattern and false positives per distractor kind.

    ``found``: ad_id, number_hash, field, start, end. ``truth``: the same plus target (bool) and tags
    (comma-separated). ``distractors``: ad_id, field, start, end, kind. ``ads`` restricts the scope.

    Ads, numbers and fields are scored as shared integer codes (pairs and occurrences as int64 keys), so a
    million ads take seconds and no per-row Python objects.
    """
    if ads is not None:
        found, truth = _within(found, ads), _within(truth, ads)
        if distractors is not None:
            distractors = _within(distractors, ads)
    has_distractors = distractors is not None and len(distractors) > 0
    d = distractors if has_distractors else pd.DataFrame({"ad_id": [], "field": [], "start": [], "end": []})
    f_ad, t_ad, d_ad = _codes(found["ad_id"], truth["ad_id"], d["ad_id"])
    f_num, t_num = _codes(found["number_hash"], truth["number_hash"])
    f_field, t_field, d_field = _codes(found["field"], truth["field"], d["field"])
    n_ad = int(max(f_ad.max(initial=-1), t_ad.max(initial=-1), d_ad.max(initial=-1))) + 1
    n_num = int(max(f_num.max(initial=-1), t_num.max(initial=-1))) + 1
    n_field = int(max(f_field.max(initial=-1), t_field.max(initial=-1), d_field.max(initial=-1))) + 1
    # (ad, number) pairs and (ad, number, field) occurrences as int64 keys
    f_pair, t_pair = _key((f_ad, n_ad), (f_num, n_num)), _key((t_ad, n_ad), (t_num, n_num))
    is_target = truth["target"].astype(bool).to_numpy()
    truth_pairs = np.unique(t_pair[is_target])
    found_pairs = np.unique(f_pair)
    tp = int(_member(found_pairs, truth_pairs).sum())
    fp = len(found_pairs) - tp
    fn = len(truth_pairs) - tp
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    # occurrences: which planted occurrences were found where they were planted
    f_start, f_end = found["start"].to_numpy(), found["end"].to_numpy()
    n_targets = int(is_target.sum())
    _, hit = _overlapping(_key((f_pair, n_ad * n_num), (f_field, n_field)), f_start, f_end,
                          _key((t_pair[is_target], n_ad * n_num), (t_field[is_target], n_field)),
                          truth["start"].to_numpy()[is_target], truth["end"].to_numpy()[is_target])
    occurrence_found = np.zeros(n_targets, dtype=bool)
    occurrence_found[hit] = True
    per_pattern = _per_tag(truth["tags"], is_target, occurrence_found)
    # false positives (occurrences of pairs not in the truth), by the distractor they overlap
    fp_rows = np.flatnonzero(~_member(f_pair, truth_pairs))
    fp_kinds: dict[str, int] = {}
    n_distractors: dict[str, int] = {}
    explained = np.zeros(len(fp_rows), dtype=bool)
    if has_distractors:
        kind_codes, kinds = _sorted_codes(distractors["kind"])
        n_distractors = {kind: int(c) for kind, c in
                         zip(kinds, np.bincount(kind_codes[kind_codes >= 0], minlength=len(kinds))) if c}
        i, j = _overlapping(_key((f_ad[fp_rows], n_ad), (f_field[fp_rows], n_field)), f_start[fp_rows],
                            f_end[fp_rows], _key((d_ad, n_ad), (d_field, n_field)),
                            distractors["start"].to_numpy(), distractors["end"].to_numpy())
        explained[i] = True
        # false positives per kind: distinct (false positive, kind) pairs
        k = kind_codes[j]
        pairs = np.unique(_key((i[k >= 0], len(fp_rows)), (k[k >= 0], len(kinds))))
        per_kind = np.bincount(pairs % max(len(kinds), 1), minlength=len(kinds))
        fp_kinds = {kind: int(c) for kind, c in zip(kinds, per_kind) if c}
    nontarget_pairs = np.unique(t_pair[~is_target])
    rest = fp_rows[~explained]
    fp_kinds["nontarget"] = int(_member(f_pair[rest], nontarget_pairs).sum())
    fp_kinds["unexplained"] = len(rest) - fp_kinds["nontarget"]
    return {
        "ads": int(len(ads)) if ads is not None else int(truth["ad_id"].nunique()),
        "true_positives": tp, "false_positives": fp, "false_negatives": fn,
        "precision": precision, "recall": recall, "f1": _f1(precision, recall),
        "occurrences": n_targets, "occurrence_recall": _ratio(int(occurrence_found.sum()), n_targets),
        "patterns": per_pattern, "distractor_fp": fp_kinds, "distractors": n_distractors,
        "distractors_planted": sum(n_distractors.values()),
        "distractor_false_positives": sum(v for k, v in fp_kinds.items() if k not in ("nontarget", "unexplained")),
    }


def hashed_extraction(ads: pd.DataFrame, key: bytes, finder=None) -> pd.DataFrame:
    """Run an extractor over ads and hash its numbers at once (the baseline's path to a score)."""
    found = extract_ads(ads, finder=finder)
    found["number_hash"] = _hashed_numbers(found.pop("number"), key)
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


def read_sampled_ads(path: str | Path, n: int, seed: int, batch_rows: int = 16_384) -> tuple[pd.DataFrame, pd.DataFrame]:
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
    # hand the scan's buffers back to the system: the scoring that follows allocates outside Arrow's pool
    pa.default_memory_pool().release_unused()
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
