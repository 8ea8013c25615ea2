"""Carrier attribution: which carrier (and brand) each unique number belongs to, and how we know.

Backends, tried in the configured precedence order for every number; the first that has an answer
decides it:

* ``cache``: a porting-aware lookup cache (:mod:`frontline.lookup_cache`): the carrier serving the
  number when it was looked up (method ``cache``);
* ``nanpa_reports``: the official NANPA / Pooling Administrator reports as of a date
  (:mod:`frontline.nanpa_reports`);
* ``nanpa_lookup``: the ``nanpa-lookup`` database (:mod:`frontline.numbering`), a 2022 snapshot.

A numbering backend answers with the holder of the number's thousands-block (NPA-NXX-X; method
``block``), else of its code (NPA-NXX; method ``code``). A number no backend knows is ``unattributed``.
Holders' OCNs become brands through ``data/reference/carriers.csv``; unmapped OCNs fall into groups by
OCN type. Lookups are vectorised (sorted prefixes and ``numpy.searchsorted``), never row by row.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .carriers import UNATTRIBUTED, UNKNOWN_LINE_TYPE, brand_for, brand_for_carrier_name, line_type_for

ATTRIBUTED_COLUMNS = ["number_hash", "block", "npa", "in_region", "ocn", "company", "ocn_type", "brand",
                      "method", "n_ads", "first_seen", "last_seen"]
EXTRA_COLUMNS = ["line_type", "source", "looked_up_at", "block_brand", "block_method", "block_source"]
METHODS = ("cache", "block", "code", "unattributed")
BACKENDS = ("cache", "nanpa_reports", "nanpa_lookup")
NUMBERING_BACKENDS = ("nanpa_reports", "nanpa_lookup")


def summarise_numbers(ad_numbers: pd.DataFrame) -> pd.DataFrame:
    """One row per unique number hash: block, ad count, first and last seen."""
    df = ad_numbers.drop_duplicates(["ad_id", "number_hash"])
    g = df.groupby("number_hash", sort=True)
    out = g.agg(block=("block", "first"), n_ads=("ad_id", "nunique"),
                first_seen=("posted_at", "min"), last_seen=("posted_at", "max")).reset_index()
    return out


#: Columns of an answer (one row per distinct holder or cache entry a backend answered with).
ANSWER_COLUMNS = ["ocn", "company", "ocn_type", "brand", "method", "line_type", "source", "looked_up_at"]
_NO_ANSWER = {"ocn": "", "company": "", "ocn_type": "", "brand": UNATTRIBUTED, "method": "unattributed",
              "line_type": UNKNOWN_LINE_TYPE, "source": "", "looked_up_at": ""}


def _find(keys: np.ndarray, prefixes: np.ndarray) -> np.ndarray:
    """Position of each key in the sorted, unique ``prefixes``, or -1."""
    if len(prefixes) == 0:
        return np.full(len(keys), -1, dtype=np.int64)
    pos = np.searchsorted(prefixes, keys)
    pos = np.minimum(pos, len(prefixes) - 1)
    return np.where(prefixes[pos] == keys, pos, -1)


def resolve_holders(block_int: np.ndarray, holders: pd.DataFrame) -> pd.DataFrame:
    """Block holder of each 7-digit block, else code holder of its 6-digit code.

    Returns ``ocn``, ``company``, ``ocn_type`` (empty when no holder) and ``method`` (``block``,
    ``code`` or ``unattributed``), one row per input block, in input order.
    """
    rows, idx = _numbering_answers(np.asarray(block_int, dtype=np.int64), holders, None, "")
    rows = pd.concat([pd.DataFrame([_NO_ANSWER]), rows], ignore_index=True)
    return rows[["ocn", "company", "ocn_type", "method"]].take(idx + 1).reset_index(drop=True)


def attribute(numbers: pd.DataFrame, backends: list[str], carriers: pd.DataFrame, area_codes: list[int],
              holders: dict[str, pd.DataFrame] | None = None, cache: pd.DataFrame | None = None,
              carrier_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Attribute each unique number with the backends in precedence order.

    ``numbers`` needs ``number_hash`` and ``block`` (7-digit string); ``holders`` maps a numbering
    backend name to its holder table; ``cache`` is a read lookup cache. Returns ``ATTRIBUTED_COLUMNS``
    (those present) plus ``EXTRA_COLUMNS``: the line type, the backend that decided (``source``), the
    lookup time of cache answers, and the first numbering backend's answer (``block_brand``,
    ``block_method``, ``block_source``) so that cache and block answers can be compared.

    Each backend yields a small table of distinct answers and, per number, the row of its answer;
    brands are mapped once per distinct answer and the result columns are gathered with one ``take``.
    """
    holders = holders or {}
    unknown = [b for b in backends if b not in BACKENDS]
    if unknown:
        raise ValueError(f"unknown attribution backend(s) {unknown}; choose from {list(BACKENDS)}")
    for b in backends:
        if b == "cache" and cache is None:
            raise ValueError("backend 'cache' is listed but no lookup cache was given")
        if b in NUMBERING_BACKENDS and b not in holders:
            raise ValueError(f"backend '{b}' is listed but its holder table was not given")
    df = numbers.reset_index(drop=True)
    block_int = df["block"].astype("int64").to_numpy()
    n = len(df)
    npa = block_int // 10_000

    answers = [pd.DataFrame([_NO_ANSWER])]       # row 0: no answer
    offset = 1
    chosen = np.zeros(n, dtype=np.int64)          # answer row deciding each number
    first_numbering = np.zeros(n, dtype=np.int64)  # answer row of the first numbering backend
    decided = np.zeros(n, dtype=bool)
    for backend in backends:
        if backend == "cache":
            rows, idx = _cache_answers(df["number_hash"], cache, carriers, carrier_names, holders)
        else:
            rows, idx = _numbering_answers(block_int, holders[backend], carriers, backend)
            first = (idx >= 0) & (first_numbering == 0)
            first_numbering[first] = idx[first] + offset
        hit = idx >= 0
        take = hit & ~decided
        chosen[take] = idx[take] + offset
        decided |= hit
        answers.append(rows[ANSWER_COLUMNS])
        offset += len(rows)
    table = pd.concat(answers, ignore_index=True)
    for col in ANSWER_COLUMNS:
        table[col] = table[col].fillna("").astype(str)

    out = pd.DataFrame({"number_hash": df["number_hash"].to_numpy(), "block": df["block"].to_numpy(),
                        "npa": npa.astype("int64"), "in_region": np.isin(npa, [int(a) for a in area_codes])})
    for col in ATTRIBUTED_COLUMNS[4:] + EXTRA_COLUMNS:
        if col in ANSWER_COLUMNS:
            out[col] = table[col].array.take(chosen)
        elif col.startswith("block_"):
            out[col] = table[{"block_brand": "brand", "block_method": "method",
                              "block_source": "source"}[col]].array.take(first_numbering)
        elif col in df.columns:
            out[col] = df[col].to_numpy()
    columns = [c for c in ATTRIBUTED_COLUMNS if c in out.columns] + EXTRA_COLUMNS
    out = out[columns]
    if not out["number_hash"].is_monotonic_increasing:
        out = out.sort_values("number_hash", kind="stable")
    return out.reset_index(drop=True)


def _numbering_answers(block_int: np.ndarray, holders: pd.DataFrame, carriers: pd.DataFrame,
                       backend: str) -> tuple[pd.DataFrame, np.ndarray]:
    """Distinct holder rows hit (block holders win over code holders) and each number's row, or -1."""
    idx = np.full(len(block_int), -1, dtype=np.int64)
    level = holders["level"].to_numpy()
    parts, offset = [], 0
    for name, keys in (("code", block_int // 10), ("block", block_int)):  # block last: it wins
        table = holders[level == name].drop_duplicates("prefix", keep="last").sort_values("prefix")
        pos = _find(keys, table["prefix"].to_numpy(dtype=np.int64))
        hit = pos >= 0
        used, inverse = np.unique(pos[hit], return_inverse=True)
        rows = table.iloc[used][["ocn", "company", "ocn_type"]].reset_index(drop=True)
        rows["method"] = name
        idx[hit] = inverse.reshape(-1) + offset
        parts.append(rows)
        offset += len(rows)
    rows = pd.concat(parts, ignore_index=True)
    for col in ("ocn", "company", "ocn_type"):
        rows[col] = rows[col].fillna("").astype(str)
    rows["brand"] = brand_for(rows["ocn"], rows["ocn_type"], carriers) if carriers is not None else ""
    rows["line_type"] = line_type_for(rows["ocn_type"])
    rows["source"] = backend
    rows["looked_up_at"] = ""
    return rows, idx


def _cache_answers(number_hash: pd.Series, cache: pd.DataFrame, carriers: pd.DataFrame,
                   carrier_names: pd.DataFrame | None,
                   holders: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, np.ndarray]:
    """Cache entries as answers, and each number's entry, or -1."""
    names = carrier_names if carrier_names is not None else pd.DataFrame(columns=["pattern", "brand", "source"])
    c = cache.drop_duplicates("number_hash", keep="last").reset_index(drop=True)
    idx = pd.Index(c["number_hash"]).get_indexer(number_hash.to_numpy()).astype(np.int64)
    ocn = c["cache_ocn"].fillna("").astype(str) if "cache_ocn" in c else pd.Series("", index=c.index)
    rows = pd.DataFrame({
        "ocn": ocn,
        "company": c["carrier"].astype(str),
        "ocn_type": ocn.map(_ocn_types(holders, set(ocn) - {""})).astype(object).fillna(""),
        "brand": brand_for_carrier_name(c["carrier"].astype(str), c["line_type"].astype(str), ocn, carriers,
                                        names),
        "method": "cache",
        "line_type": c["line_type"].astype(str),
        "source": "cache",
        "looked_up_at": c["looked_up_at"].astype(str),
    })
    return rows, idx


def _ocn_types(holders: dict[str, pd.DataFrame], only: set[str]) -> pd.Series:
    """OCN → OCN category for the OCNs in ``only``, from whichever holder tables are loaded."""
    frames = [h.loc[h["ocn"].isin(only), ["ocn", "ocn_type"]] for h in holders.values() if len(h) and only]
    if not frames:
        return pd.Series(dtype=str)
    return ocn_types(pd.concat(frames, ignore_index=True))


def ocn_types(holders: pd.DataFrame) -> pd.Series:
    """OCN → its most frequent non-empty OCN category in a holder table."""
    h = holders[(holders["ocn"] != "") & (holders["ocn_type"] != "")]
    if h.empty:
        return pd.Series(dtype=str)
    counts = h.groupby(["ocn", "ocn_type"]).size().reset_index(name="n")
    counts = counts.sort_values(["ocn", "n", "ocn_type"], ascending=[True, False, True], kind="stable")
    return counts.drop_duplicates("ocn").set_index("ocn")["ocn_type"]


def attribute_blocks(numbers: pd.DataFrame, holders: pd.DataFrame, carriers: pd.DataFrame,
                     area_codes: list[int]) -> pd.DataFrame:
    """Attribute with one numbering holder table only (block holder first, else code holder)."""
    return attribute(numbers, ["nanpa_lookup"], carriers, area_codes, holders={"nanpa_lookup": holders})


def coverage(attributed: pd.DataFrame, backends: list[str] | None = None) -> pd.DataFrame:
    """Share of unique numbers decided by each method and backend, unattributed and out of region,
    and how often a cache answer names another brand than the numbering data (porting, resellers).

    Columns: ``measure``, ``numbers``, ``share`` and ``denominator`` (what the share is of).
    """
    n = len(attributed)
    rows = []

    def add(measure, k, denom=n, of="unique numbers"):
        rows.append({"measure": measure, "numbers": int(k), "share": k / denom if denom else 0.0,
                     "denominator": of})

    for method in METHODS:
        add(f"method:{method}", (attributed["method"] == method).sum())
    add("attributed", (attributed["method"] != "unattributed").sum())
    for backend in backends if backends is not None else BACKENDS:
        add(f"source:{backend}", (attributed.get("source", pd.Series(dtype=str)) == backend).sum())
    add("in_region", attributed["in_region"].sum())
    add("out_of_region", (~attributed["in_region"].astype(bool)).sum())
    if "block_method" in attributed:
        both = (attributed["method"] == "cache") & (attributed["block_method"] != "unattributed")
        differs = both & (attributed["brand"] != attributed["block_brand"])
        add("cache_vs_block:compared", both.sum())
        add("cache_vs_block:brand_differs", differs.sum(), int(both.sum()),
            "numbers with both a cache and a numbering answer")
    return pd.DataFrame(rows)


def coverage_facts(cov: pd.DataFrame, backends: list[str], details: dict | None = None) -> dict:
    """The coverage table as nested facts the paper quotes (``coverage.method.block.share``, ...)."""
    by = {r.measure: {"numbers": int(r.numbers), "share": float(r.share)} for r in cov.itertuples()}
    facts: dict = {"backends": list(backends), "method": {}, "source": {}, "cache_vs_block": {}}
    for measure, value in by.items():
        if ":" in measure:
            group, name = measure.split(":", 1)
            facts[group][name] = value
        else:
            facts[measure] = value
    facts["unique_numbers"] = int(sum(v["numbers"] for k, v in facts["method"].items()))
    facts["unattributed"] = facts["method"].get("unattributed", {"numbers": 0, "share": 0.0})
    facts.update(details or {})
    return facts
