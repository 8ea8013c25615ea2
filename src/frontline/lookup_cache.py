"""A lookup cache from a porting-aware carrier service, as the first attribution backend.

Numbering blocks tell who a number was *assigned* to; a number ported since keeps its block. A
porting-aware lookup (a commercial LNP query such as a carrier-lookup API) tells who serves it *now*.
Users who have such results export them to a CSV (format in ``data/README.md``):

    number,carrier,line_type,looked_up_at[,ocn]

* ``number``: the E.164 number (``+1`` and ten digits) **or** its keyed hash (64 hex digits: the
  HMAC-SHA256 that :func:`frontline.privacy.hash_number` gives under the run's key). Raw numbers are
  hashed on read with the same key and never written anywhere.
* ``carrier``: the carrier name as the service returned it.
* ``line_type``: ``mobile``, ``landline`` or ``voip`` (``fixedVoip``/``nonFixedVoip`` read as ``voip``).
* ``looked_up_at``: ISO 8601 date or date-time of the lookup.
* ``ocn`` (optional): the serving carrier's OCN/SPID when the service gives one.

Malformed rows are quarantined with their line number, field and reason (never their values, which
may hold a raw number); when a number appears more than once the latest lookup wins.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pandas as pd

from .privacy import hash_number

REQUIRED = ["number", "carrier", "line_type", "looked_up_at"]
OPTIONAL = ["ocn"]
LINE_TYPES = ("mobile", "landline", "voip")
LINE_TYPE_SYNONYMS = {"mobile": "mobile", "landline": "landline", "voip": "voip", "fixedvoip": "voip",
                      "nonfixedvoip": "voip"}
CACHE_COLUMNS = ["number_hash", "carrier", "line_type", "looked_up_at", "cache_ocn"]
REJECTED_COLUMNS = ["file", "row", "field", "reason", "number_hash"]

E164 = re.compile(r"\+1[2-9]\d{2}[2-9]\d{6}")
HASH = re.compile(r"[0-9a-fA-F]{64}")


class CacheError(ValueError):
    """The lookup cache file is missing or lacks required columns."""


def read_cache(path: str | os.PathLike, key: bytes) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Read, check and pseudonymise a lookup cache.

    Returns ``(cache, rejected, stats)``: ``cache`` has ``CACHE_COLUMNS`` (one row per number hash,
    latest lookup), ``rejected`` has ``REJECTED_COLUMNS`` and ``stats`` counts rows read, kept,
    quarantined, superseded and given as raw numbers vs hashes.
    """
    path = Path(path)
    if not path.exists():
        raise CacheError(f"lookup cache {path} does not exist")
    rejected: list[tuple] = []
    rows: list[list[str]] = []
    lines: list[int] = []
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            raise CacheError(f"lookup cache {path} is empty (no header row)") from None
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise CacheError(f"lookup cache {path}: missing column(s) {missing}; found {header}. "
                             f"Required: {REQUIRED} (optional: {OPTIONAL})")
        width = len(header)
        for record in reader:
            if not record or all(not f.strip() for f in record):
                continue
            if len(record) != width:
                rejected.append((str(path), reader.line_num, "", f"expected {width} fields, found {len(record)}", ""))
                continue
            rows.append(record)
            lines.append(reader.line_num)
    df = pd.DataFrame(rows, columns=header, dtype=str)
    df = df.apply(lambda c: c.str.strip()) if len(df) else df
    df["_row"] = lines
    if "ocn" not in df.columns:
        df["ocn"] = ""

    is_hash = df["number"].str.fullmatch(HASH.pattern)
    is_e164 = df["number"].str.fullmatch(E164.pattern)
    hashes = pd.Series("", index=df.index, dtype=object)
    hashes[is_hash] = df.loc[is_hash, "number"].str.lower()
    raw = df.loc[is_e164, "number"]
    memo = {n: hash_number(n, key) for n in pd.unique(raw)}
    hashes[is_e164] = raw.map(memo)
    df["number_hash"] = hashes
    df["line_type_norm"] = df["line_type"].str.lower().str.replace(r"[\s_-]", "", regex=True).map(LINE_TYPE_SYNONYMS)
    looked = pd.to_datetime(df["looked_up_at"], errors="coerce", format="ISO8601", utc=True)

    checks = [
        (~(is_hash | is_e164), "number", "not an E.164 NANP number (+1 and ten digits) nor a 64-hex keyed hash"),
        (df["carrier"] == "", "carrier", "empty carrier name"),
        (df["line_type_norm"].isna(), "line_type", f"line type must be one of {', '.join(LINE_TYPES)}"),
        (looked.isna(), "looked_up_at", "not an ISO 8601 date or date-time"),
    ]
    bad = pd.Series(False, index=df.index)
    for mask, field, reason in checks:
        for i in df.index[mask]:
            rejected.append((str(path), int(df.at[i, "_row"]), field, reason, hashes[i]))
        bad |= mask
    good = df[~bad].copy()
    good["looked_up_at"] = looked[~bad]
    good = good.sort_values(["number_hash", "looked_up_at", "_row"], kind="stable")
    latest = good.drop_duplicates("number_hash", keep="last")
    cache = pd.DataFrame({
        "number_hash": latest["number_hash"],
        "carrier": latest["carrier"],
        "line_type": latest["line_type_norm"],
        "looked_up_at": latest["looked_up_at"].dt.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "cache_ocn": latest["ocn"],
    }).sort_values("number_hash").reset_index(drop=True)
    rej = pd.DataFrame(rejected, columns=REJECTED_COLUMNS).sort_values(["row", "field"], kind="stable")
    stats = {
        "rows": int(len(df) + sum(1 for r in rejected if r[2] == "")),
        "kept": int(len(cache)),
        "quarantined_rows": int(rej["row"].nunique()),
        "superseded": int(len(good) - len(latest)),
        "raw_numbers_hashed": int((is_e164 & ~bad).sum()),
        "given_as_hash": int((is_hash & ~bad).sum()),
    }
    if len(cache):
        stats["looked_up_from"] = str(cache["looked_up_at"].min())
        stats["looked_up_to"] = str(cache["looked_up_at"].max())
    return cache, rej.reset_index(drop=True), stats
