"""Ingest raw ads (simulated or a user's file): validate, quarantine bad rows, never drop silently.

The raw-ad schema: ``ad_id`` and ``body`` are required; ``site``, ``region``, ``posted_at``, ``title``
and ``url`` are optional. Unknown extra columns are ignored and listed in the summary.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

REQUIRED = ["ad_id", "body"]
OPTIONAL = ["site", "region", "posted_at", "title", "url"]
AD_COLUMNS = ["ad_id", "site", "region", "posted_at", "title", "body", "url"]
REJECT_COLUMNS = ["source", "row", "ad_id", "field", "reason"]
MAX_TEXT_CHARS = 100_000


class AdFileError(ValueError):
    """The ad file itself is unusable (unreadable, or lacks a required column)."""


def read_raw(path: str | os.PathLike) -> pd.DataFrame:
    """Read CSV, JSONL or Parquet ads as strings."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            df = pd.read_parquet(path)
        elif suffix in (".jsonl", ".ndjson"):
            df = pd.read_json(path, lines=True, dtype=False)
        elif suffix == ".csv":
            df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        else:
            raise AdFileError(f"{path}: unknown ad file type '{suffix}' (use .csv, .jsonl or .parquet)")
    except AdFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - any reader failure makes the file unusable
        raise AdFileError(f"{path}: cannot be read as {suffix[1:]}: {exc}") from exc
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise AdFileError(f"{path}: missing required column(s) {missing}; found {list(df.columns)}")
    return df


def ingest_ads(path: str | os.PathLike, region: str) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Return (valid ads, rejected rows with reasons, summary counts)."""
    raw = read_raw(path)
    extra = sorted(set(raw.columns) - set(AD_COLUMNS))
    df = raw.reindex(columns=AD_COLUMNS)
    for col in AD_COLUMNS:
        df[col] = df[col].astype("string").fillna("")
    df.loc[df["region"] == "", "region"] = region
    rows = pd.Series(range(2, len(df) + 2), index=df.index)  # 1-based, after the header line
    rejects = []

    def reject(mask: pd.Series, field: str, reason: str) -> None:
        for i in df.index[mask]:
            rejects.append((str(path), int(rows[i]), str(df.at[i, "ad_id"]), field, reason))

    bad = df["ad_id"].str.strip() == ""
    reject(bad, "ad_id", "missing ad_id")
    ok = ~bad
    empty = ok & (df["title"].str.strip() == "") & (df["body"].str.strip() == "")
    reject(empty, "body", "empty text")
    ok &= ~empty
    for col in ("title", "body", "url"):
        long = ok & (df[col].str.len() > MAX_TEXT_CHARS)
        reject(long, col, f"text over {MAX_TEXT_CHARS} characters")
        ok &= ~long
    dates = pd.to_datetime(df["posted_at"].where(df["posted_at"] != ""), errors="coerce", utc=True)
    baddate = ok & (df["posted_at"] != "") & dates.isna()
    reject(baddate, "posted_at", "unparsable date")
    ok &= ~baddate
    valid = df[ok]
    exact = valid.duplicated(keep="first")
    n_exact = int(exact.sum())
    valid = valid[~exact]
    conflict = valid["ad_id"].duplicated(keep=False)
    reject(ok & df.index.isin(valid.index[conflict]), "ad_id", "duplicate ad_id with different content")
    valid = valid[~conflict]
    rejected = pd.DataFrame(rejects, columns=REJECT_COLUMNS).sort_values("row", kind="stable")
    summary = {"source_rows": int(len(df)), "ads": int(len(valid)), "rejected": int(len(rejected)),
               "exact_duplicates": n_exact, "ignored_columns": extra,
               "reject_reasons": {k: int(v) for k, v in rejected["reason"].value_counts().sort_index().items()}}
    return valid.reset_index(drop=True), rejected.reset_index(drop=True), summary
