"""Official NANPA / National Pooling Administrator report files as a numbering backend.

A user who wants the holders *as of* a date (say 2012-06-30, in the report's window) downloads two
public reports and points the config at them:

* the **central office code report** (one row per NPA-NXX code): columns ``State, NPA_NXX, OCN, Company,
  RateCenter, EffectiveDate, Use, AssignDate, Initial_Growth, Pooled_Code``;
* the **thousands-block report** (one row per NPA-NXX-X block): columns ``Region, State, NPA, NXX, X,
  STATUS, Code_Holder, Contaminated, Contaminated TNs not Available, Rate_Center, Block_Effective_Date,
  Block_Available_Date, Assigned_To, OCN, Date_Assigned``.

A code or block counts only if it has an OCN and was assigned on or before ``as_of`` (the assignment
date, else the effective date when the assignment date is blank). Rows that cannot be read (a malformed
prefix, an unreadable date, no date at all when ``as_of`` is set) are quarantined with the file, row,
field and reason; they are never dropped silently. The result has the holder-table form of
:mod:`frontline.numbering` so that attribution treats every numbering backend alike.

The reports carry no OCN category (PCS, CLEC, ...); it is taken from another holder table (the
``nanpa-lookup`` database) by OCN, else left empty, which puts an unmapped OCN in "Unknown type".
A report published long after ``as_of`` cannot show blocks that were assigned before ``as_of`` and
returned since; use a report published close to ``as_of`` where one is available.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .numbering import HOLDER_COLUMNS, NumberingError

CODE_COLUMNS = ["NPA_NXX", "OCN", "Company", "EffectiveDate", "AssignDate"]
BLOCK_COLUMNS = ["NPA", "NXX", "X", "OCN", "Assigned_To", "Block_Effective_Date", "Date_Assigned"]
REJECTED_COLUMNS = ["file", "row", "field", "value", "reason"]


class ReportError(NumberingError):
    """A NANPA report file is missing or lacks required columns."""


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


def read_report(path: str | os.PathLike, required: list[str]) -> pd.DataFrame:
    """Read a report (comma-separated, or tab-separated for .txt/.tsv) as strings, with the required
    columns renamed to their canonical spelling (matching ignores case, spaces and underscores)."""
    path = Path(path)
    if not path.exists():
        raise ReportError(f"NANPA report {path} does not exist")
    sep = "\t" if path.suffix.lower() in (".txt", ".tsv") else ","
    try:
        df = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise ReportError(f"NANPA report {path} could not be read as {'tab' if sep == chr(9) else 'comma'}-"
                          f"separated text: {exc}") from exc
    by_norm = {_norm(c): c for c in df.columns}
    missing = [c for c in required if _norm(c) not in by_norm]
    if missing:
        raise ReportError(f"NANPA report {path}: missing column(s) {missing}; found {list(df.columns)}")
    df = df.rename(columns={by_norm[_norm(c)]: c for c in required})
    for col in required:
        df[col] = df[col].astype(str).str.strip()
    df["_row"] = np.arange(len(df)) + 2  # file line: header is line 1
    return df


def _dates(df: pd.DataFrame, primary: str, fallback: str) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Assignment date (primary column, else fallback), the column it came from, and its raw text."""
    value = df[primary].where(df[primary] != "", df[fallback])
    field = pd.Series(np.where(df[primary] != "", primary, fallback), index=df.index)
    parsed = pd.to_datetime(value, errors="coerce", format="mixed")
    return parsed, field.where(value != "", primary), value


def _select(df: pd.DataFrame, prefix: pd.Series, digits: int, date_cols: tuple[str, str],
            as_of: pd.Timestamp | None, path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Keep rows with a valid prefix, an OCN and an assignment on or before ``as_of``."""
    rejected = []
    bad_prefix = ~prefix.str.fullmatch(rf"\d{{{digits}}}")
    for i in df.index[bad_prefix]:
        rejected.append((str(path), int(df.at[i, "_row"]), "prefix", prefix[i], f"not a {digits}-digit prefix"))
    date, field, raw = _dates(df, *date_cols)
    undated = date.isna() & (raw != "")
    no_date = raw == ""
    ok = ~bad_prefix & (df["OCN"] != "")
    for i in df.index[ok & undated]:
        rejected.append((str(path), int(df.at[i, "_row"]), field[i], raw[i], "unreadable date"))
    if as_of is not None:
        for i in df.index[ok & no_date]:
            rejected.append((str(path), int(df.at[i, "_row"]), date_cols[0], "",
                             f"no {date_cols[0]} or {date_cols[1]}: cannot tell whether assigned by the as_of date"))
        keep = ok & date.notna() & (date <= as_of)
    else:
        keep = ok & ~undated
    out = df[keep].copy()
    out["prefix"] = prefix[keep].astype("int64")
    out["assigned"] = date[keep]
    rej = pd.DataFrame(rejected, columns=REJECTED_COLUMNS)
    return out, rej


def load_reports(code_report: str | os.PathLike | None, block_report: str | os.PathLike | None,
                 as_of: str | None = None, ocn_types: pd.Series | None = None,
                 area_codes: list[int] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Holder table (``numbering.HOLDER_COLUMNS`` + ``assigned``) from the official reports, as of a date.

    ``ocn_types`` maps OCN → OCN category. Returns ``(holders, rejected)``; ``rejected`` has the file,
    row, field, value and reason of every quarantined row.
    """
    if code_report is None and block_report is None:
        raise ReportError("the nanpa_reports backend needs a code report, a block report or both")
    cutoff = pd.Timestamp(as_of) if as_of else None
    parts, rejects = [], []
    if code_report is not None:
        df = read_report(code_report, CODE_COLUMNS)
        prefix = df["NPA_NXX"].str.replace(r"[\s-]", "", regex=True)
        rows, rej = _select(df, prefix, 6, ("AssignDate", "EffectiveDate"), cutoff, Path(code_report))
        rows["company"] = rows["Company"]
        rows["level"] = "code"
        parts.append(rows)
        rejects.append(rej)
    if block_report is not None:
        df = read_report(block_report, BLOCK_COLUMNS)
        prefix = df["NPA"] + df["NXX"] + df["X"]
        rows, rej = _select(df, prefix, 7, ("Date_Assigned", "Block_Effective_Date"), cutoff, Path(block_report))
        rows["company"] = rows["Assigned_To"]
        rows["level"] = "block"
        parts.append(rows)
        rejects.append(rej)
    holders = pd.concat([p[["prefix", "level", "OCN", "company", "assigned"]] for p in parts], ignore_index=True)
    holders = holders.rename(columns={"OCN": "ocn"})
    if area_codes:
        npa = np.where(holders["level"] == "block", holders["prefix"] // 10_000, holders["prefix"] // 1_000)
        holders = holders[np.isin(npa, [int(a) for a in area_codes])]
    # A prefix listed twice (reassigned): the latest assignment on or before as_of holds it.
    holders = holders.sort_values(["level", "prefix", "assigned"], kind="stable")
    holders = holders.drop_duplicates(["level", "prefix"], keep="last")
    types = ocn_types if ocn_types is not None else pd.Series(dtype=str)
    holders["ocn_type"] = holders["ocn"].map(types).astype(object).fillna("")
    holders = holders[HOLDER_COLUMNS + ["assigned"]].sort_values(["level", "prefix"], kind="stable")
    rejected = pd.concat(rejects, ignore_index=True) if rejects else pd.DataFrame(columns=REJECTED_COLUMNS)
    return holders.reset_index(drop=True), rejected.sort_values(["file", "row"], kind="stable").reset_index(drop=True)
