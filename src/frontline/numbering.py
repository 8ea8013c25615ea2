"""NANP numbering data: who holds each NPA-NXX code and NPA-NXX-X thousands-block.

The default source is the SQLite database shipped by the PyPI package ``nanpa-lookup`` (a 2022
snapshot of NANPA's assignments). Its table ``numbers(npanxxy, company, type, email, ocn)`` holds
6-digit keys for code holders and 7-digit keys for block holders. We read it with SQL into pandas
and never use the package's ``lookup_number``, which answers with the code holder for pooled codes.
"""

from __future__ import annotations

import os
import sqlite3
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

HOLDER_COLUMNS = ["prefix", "level", "ocn", "company", "ocn_type"]


class NumberingError(RuntimeError):
    """The numbering database is missing, unreadable or not of the expected form."""


def default_database() -> Path:
    """Path of the SQLite database inside the installed ``nanpa-lookup`` package."""
    try:
        return Path(str(resources.files("nanpa_lookup") / "database.sqlite"))
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the environment
        raise NumberingError("the nanpa-lookup package is not installed; run `make reproduce` to set up") from exc


def database_version(path: str | os.PathLike) -> dict:
    """Identify the numbering database (package version, file size, row count) for the manifest."""
    from importlib.metadata import PackageNotFoundError, version

    path = Path(path)
    try:
        pkg = version("nanpa-lookup")
    except PackageNotFoundError:  # pragma: no cover
        pkg = "unknown"
    with _connect(path) as con:
        rows = con.execute("SELECT COUNT(*) FROM numbers").fetchone()[0]
    return {"source": "nanpa-lookup", "package_version": pkg, "file": path.name, "bytes": path.stat().st_size,
            "rows": int(rows)}


def _connect(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise NumberingError(f"numbering database {path} does not exist")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        cols = [r[1] for r in con.execute("PRAGMA table_info(numbers)")]
    except sqlite3.DatabaseError as exc:
        raise NumberingError(f"numbering database {path} is not a readable SQLite file: {exc}") from exc
    missing = {"npanxxy", "company", "type", "ocn"} - set(cols)
    if missing:
        con.close()
        raise NumberingError(f"numbering database {path}: table 'numbers' lacks column(s) {sorted(missing)}")
    return con


def load_holders(path: str | os.PathLike, area_codes: list[int] | None = None) -> pd.DataFrame:
    """Load code (6-digit) and block (7-digit) holder rows, optionally for some area codes only.

    Returns columns ``prefix`` (int), ``level`` ('code' or 'block'), ``ocn``, ``company``, ``ocn_type``,
    sorted by level then prefix.
    """
    path = Path(path)
    sql = "SELECT npanxxy, company, type, ocn FROM numbers"
    params: list[int] = []
    if area_codes:
        ranges = []
        for npa in sorted(set(int(a) for a in area_codes)):
            ranges.append("(npanxxy BETWEEN ? AND ?) OR (npanxxy BETWEEN ? AND ?)")
            params += [npa * 1000, npa * 1000 + 999, npa * 10000, npa * 10000 + 9999]
        sql += " WHERE " + " OR ".join(ranges)
    with _connect(path) as con:
        try:
            df = pd.read_sql_query(sql, con, params=params)
        except (sqlite3.DatabaseError, pd.errors.DatabaseError) as exc:
            raise NumberingError(f"numbering database {path} could not be read: {exc}") from exc
    df = df.rename(columns={"npanxxy": "prefix", "type": "ocn_type"})
    df["prefix"] = df["prefix"].astype("int64")
    df["level"] = np.where(df["prefix"] >= 1_000_000, "block", "code")
    for col in ("ocn", "company", "ocn_type"):
        df[col] = df[col].fillna("").astype(str).str.strip()
    return df[HOLDER_COLUMNS].sort_values(["level", "prefix"], kind="stable").reset_index(drop=True)


def holders_from_frames(codes: pd.DataFrame, blocks: pd.DataFrame) -> pd.DataFrame:
    """Combine code rows (6-digit prefix) and block rows (7-digit prefix) into the holder table."""
    parts = []
    for frame, level in ((codes, "code"), (blocks, "block")):
        if len(frame):
            part = frame[["prefix", "ocn", "company", "ocn_type"]].copy()
            part["level"] = level
            parts.append(part)
    if not parts:
        return pd.DataFrame(columns=HOLDER_COLUMNS)
    df = pd.concat(parts, ignore_index=True)
    df["prefix"] = df["prefix"].astype("int64")
    return df[HOLDER_COLUMNS].sort_values(["level", "prefix"], kind="stable").reset_index(drop=True)


def effective_blocks(holders: pd.DataFrame) -> pd.DataFrame:
    """One row per 7-digit prefix that has a holder: assigned blocks, plus all ten blocks of codes
    that have no block rows at all (non-pooled codes, held whole by the code holder).

    Pooled codes' unassigned blocks are left out: no number in them is in service.
    """
    blocks = holders[holders["level"] == "block"]
    codes = holders[holders["level"] == "code"]
    pooled = set((blocks["prefix"] // 10).tolist())
    whole = codes[~codes["prefix"].isin(pooled)]
    expanded = whole.loc[whole.index.repeat(10)].copy()
    expanded["prefix"] = expanded["prefix"].to_numpy() * 10 + np.tile(np.arange(10), len(whole))
    expanded["level"] = "code"
    out = pd.concat([blocks, expanded], ignore_index=True)
    return out.sort_values("prefix", kind="stable").reset_index(drop=True)
