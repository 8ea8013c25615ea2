"""Ingest raw ads (simulated or a user's files): validate, quarantine bad rows, never drop silently.

The raw-ad schema (``data/README.md``): ``ad_id`` and ``body`` are required columns; ``site``,
``region``, ``posted_at``, ``title`` and ``url`` are optional. Every value is text; numbers in JSONL or
Parquet are taken as their text, date-times as ISO 8601. Unknown extra columns are ignored (not carried
into the validated ads, so nothing unvetted travels on) and listed in the summary as ``ignored_columns``.

A source is one CSV (UTF-8, with a header), JSON Lines or Parquet file, or a folder of them (read in
sorted order). Files are read in chunks - Arrow record batches for CSV and Parquet, groups of lines for
JSONL - so an oversized input never sits in memory whole; only validated ads are kept.

Row-level problems quarantine the row (see :data:`REASONS`); each rejected row is reported with its file,
row and column, and a reason - never its text, which may hold phone numbers. Exact duplicate ads (every
field equal) are counted and dropped. Ads sharing an ``ad_id`` with different content are all rejected:
the data cannot say which is right. Only a file that is unusable as a whole (missing, empty, unreadable,
lacking a required column) - or a source left with no valid ad - raises :class:`AdFileError`, with a
one-line explanation.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io as _io
import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

REQUIRED = ["ad_id", "body"]
OPTIONAL = ["site", "region", "posted_at", "title", "url"]
AD_COLUMNS = ["ad_id", "site", "region", "posted_at", "title", "body", "url"]
TEXT_COLUMNS = ["title", "body", "url"]
REJECT_COLUMNS = ["source", "row", "ad_id", "field", "reason"]
SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}

#: Longest text accepted in ``title``, ``body`` or ``url`` (characters). Real ads are a few thousand.
MAX_TEXT_CHARS = 100_000
#: Longest ``ad_id`` accepted (characters).
MAX_ID_CHARS = 256
#: Rows per chunk for JSONL and Parquet; bytes per block for CSV (a single CSV record must fit in one).
CHUNK_ROWS = 50_000
CSV_BLOCK_BYTES = 64 << 20
#: Date-times are normalised to this form; offsets are converted to UTC first.
POSTED_AT_FORMAT = "%Y-%m-%dT%H:%M:%S"

#: Every reason a row can be rejected for (the ``reason`` column of rejected.csv starts with one).
REASONS = (
    "malformed record",
    "wrong type",
    "non-UTF-8 bytes",
    "NUL byte",
    "missing ad_id",
    "ad_id too long",
    "empty text",
    "text too long",
    "unparsable date",
    "duplicate ad_id with different content",
)


class AdFileError(ValueError):
    """The ad source itself is unusable (missing, empty, unreadable, or lacks a required column)."""


@dataclass
class _Chunk:
    """Some records of one file: their row numbers and raw values by column."""

    rows: list[int]
    values: dict[str, list[Any]]
    malformed: list[tuple[int, str]] = field(default_factory=list)  # (row, reason) of unparsable records


# --------------------------------------------------------------------------------------------- reading


def ad_files(source: str | os.PathLike) -> list[Path]:
    """The ad files of a source: the file itself, or the CSV/JSONL/Parquet files in a folder (sorted)."""
    source = Path(source)
    if source.is_dir():
        files = sorted(p for p in source.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(source).parts))
        if not files:
            raise AdFileError(f"{source}: folder holds no ad files (.csv, .jsonl, .ndjson or .parquet)")
        return files
    if not source.exists():
        raise AdFileError(f"{source}: ad file does not exist")
    if source.suffix.lower() not in SUFFIXES:
        raise AdFileError(f"{source}: unknown ad file type '{source.suffix}' (use .csv, .jsonl or .parquet)")
    return [source]


def _check_columns(path: Path, columns: list[str]) -> None:
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise AdFileError(f"{path}: missing required column(s) {missing}; found {columns}")
    dupes = sorted({c for c in columns if columns.count(c) > 1})
    if dupes:
        raise AdFileError(f"{path}: column(s) {dupes} appear more than once in the header")


def _csv_header(path: Path) -> list[str]:
    with open(path, "rb") as fh:
        head = fh.read(1 << 20)
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        # the cut may split a character: decode up to the first line break only
        try:
            text = head.split(b"\n", 1)[0].decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise AdFileError(f"{path}: header line is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    try:
        header = next(csv.reader(_io.StringIO(text)))
    except (StopIteration, csv.Error) as exc:
        raise AdFileError(f"{path}: no CSV header line") from exc
    return [h.strip() for h in header]


def _iter_csv(path: Path) -> Iterator[_Chunk]:
    header = _csv_header(path)
    _check_columns(path, header)
    malformed: list[tuple[int, str]] = []

    def on_invalid(row) -> str:  # a record with the wrong number of fields: quarantine, go on
        # row.number counts records, the header being record 1, as our rows do
        malformed.append((int(row.number), f"malformed record: {row.actual_columns} fields, "
                                               f"header has {row.expected_columns}"))
        return "skip"

    try:
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1, block_size=CSV_BLOCK_BYTES,
                                           use_threads=False),
            parse_options=pacsv.ParseOptions(newlines_in_values=True, invalid_row_handler=on_invalid),
            # binary: bytes are decoded cell by cell, so one bad byte rejects one row, not the file
            convert_options=pacsv.ConvertOptions(column_types={c: pa.binary() for c in header},
                                                  strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except pa.ArrowInvalid as exc:
        if "Empty CSV file" in str(exc):  # header only
            return
        raise AdFileError(f"{path}: cannot be read as CSV: {_one_line(exc)}") from exc
    record = 0  # records seen, valid or not; the header is row 1
    bad_rows: set[int] = set()
    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            break
        except (pa.ArrowInvalid, OSError) as exc:
            raise AdFileError(f"{path}: cannot be read as CSV after row {record + 1}: {_one_line(exc)}") from exc
        bad_rows.update(r for r, _ in malformed)
        rows = []
        for _ in range(batch.num_rows):
            record += 1
            while record + 1 in bad_rows:
                record += 1
            rows.append(record + 1)
        yield _Chunk(rows, {name: _texts(batch.column(name)) for name in batch.schema.names}, malformed)
        malformed = []
    if malformed:
        yield _Chunk([], {c: [] for c in header}, malformed)


def _texts(column: pa.Array) -> list:
    """A binary column as Python strings when it is all valid UTF-8 (one fast check), else as bytes."""
    try:
        return column.cast(pa.string()).to_pylist()
    except pa.ArrowInvalid:
        return column.to_pylist()


def _iter_jsonl(path: Path) -> Iterator[_Chunk]:
    rows: list[int] = []
    records: list[dict] = []
    malformed: list[tuple[int, str]] = []
    columns: set[str] = set()
    seen_any = False
    with open(path, "rb") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            seen_any = True
            try:
                obj = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError:
                malformed.append((lineno, "non-UTF-8 bytes in the line"))
                continue
            except ValueError as exc:
                malformed.append((lineno, f"malformed record: not valid JSON ({type(exc).__name__})"))
                continue
            if not isinstance(obj, dict):
                malformed.append((lineno, f"malformed record: a JSON {type(obj).__name__}, not an object"))
                continue
            columns.update(obj)
            rows.append(lineno)
            records.append(obj)
            if len(records) >= CHUNK_ROWS:
                yield _jsonl_chunk(rows, records, malformed)
                rows, records, malformed = [], [], []
    if not seen_any:
        raise AdFileError(f"{path}: file holds no JSON records")
    if records or malformed:
        yield _jsonl_chunk(rows, records, malformed)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise AdFileError(f"{path}: missing required column(s) {missing}: no record has them")


def _jsonl_chunk(rows: list[int], records: list[dict], malformed: list[tuple[int, str]]) -> _Chunk:
    names = sorted({k for rec in records for k in rec})
    return _Chunk(rows, {k: [rec.get(k) for rec in records] for k in names}, malformed)


def _iter_parquet(path: Path) -> Iterator[_Chunk]:
    try:
        pf = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise AdFileError(f"{path}: cannot be read as Parquet: {_one_line(exc)}") from exc
    _check_columns(path, pf.schema_arrow.names)
    done = 0
    try:
        for batch in pf.iter_batches(batch_size=CHUNK_ROWS, use_threads=False):
            rows = list(range(done + 1, done + batch.num_rows + 1))
            done += batch.num_rows
            yield _Chunk(rows, {name: batch.column(name).to_pylist() for name in batch.schema.names})
    except (pa.ArrowException, OSError) as exc:
        raise AdFileError(f"{path}: cannot be read as Parquet after row {done}: {_one_line(exc)}") from exc


def iter_chunks(path: str | os.PathLike) -> Iterator[_Chunk]:
    """Chunks of one ad file. Rows are numbered from 1 as a user would count them: for CSV the header
    is row 1 (so a row is its line number unless a quoted field spans lines), for JSONL the line number,
    for Parquet the record number."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise AdFileError(f"{path}: cannot be read: {_one_line(exc)}") from exc
    if size == 0:
        raise AdFileError(f"{path}: file is empty (not even a header)")
    kind = SUFFIXES.get(path.suffix.lower())
    reader = {"csv": _iter_csv, "jsonl": _iter_jsonl, "parquet": _iter_parquet}.get(kind)
    if reader is None:
        raise AdFileError(f"{path}: unknown ad file type '{path.suffix}' (use .csv, .jsonl or .parquet)")
    try:
        yield from reader(path)
    except OSError as exc:
        raise AdFileError(f"{path}: cannot be read: {_one_line(exc)}") from exc


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]


# ------------------------------------------------------------------------------------------- validation


def as_text(value: Any) -> tuple[str, str | None]:
    """One raw value as text, or ``("", reason)`` when it cannot be text."""
    if value is None:
        return "", None
    if isinstance(value, str):
        return value, None
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("utf-8"), None
        except UnicodeDecodeError as exc:
            return "", f"non-UTF-8 bytes (byte {exc.start})"
    if isinstance(value, bool):
        return "", "wrong type: true/false, expected text"
    if isinstance(value, int):
        return str(value), None
    if isinstance(value, float):
        if math.isnan(value):
            return "", None
        return (str(int(value)) if value.is_integer() else repr(value)), None
    if isinstance(value, dt.datetime):
        return value.isoformat(), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    kind = {dict: "an object", list: "a list"}.get(type(value), type(value).__name__)
    return "", f"wrong type: {kind}, expected text"


def _content_key(values: tuple[str, ...]) -> bytes:
    """A digest of an ad's fields; lengths are included, so no two different ads can join to one string."""
    joined = "\x1f".join(f"{len(v)}:{v}" for v in values)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).digest()


#: A run of ten or more digits, separators allowed between them: could be a phone number.
_NUMBER_LIKE = re.compile(r"\d(?:[\s().+-]*\d){9,}")


def _safe_id(ad_id: str) -> str:
    """The ad_id as rejected.csv may show it: cut short, and withheld if it could hold a phone number."""
    if _NUMBER_LIKE.search(ad_id):
        return "(withheld: looks like a phone number)"
    return ad_id if len(ad_id) <= 64 else ad_id[:64] + "..."


def ingest_ads(source: str | os.PathLike, region: str, max_text_chars: int = MAX_TEXT_CHARS
               ) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Validate a region's ads. Returns (valid ads, rejected rows with reasons, summary counts).

    Valid ads have the columns :data:`AD_COLUMNS` (strings); ``region`` is filled with ``region`` where
    the file leaves it empty, and ``posted_at`` is normalised to :data:`POSTED_AT_FORMAT`.
    """
    files = ad_files(source)
    rejects: list[tuple[str, int, str, str, str]] = []
    kept: list[pd.DataFrame] = []
    first_seen: dict[str, tuple[bytes, str, int]] = {}  # ad_id -> (content key, file, row) of the kept ad
    conflicted: set[str] = set()
    ignored: set[str] = set()
    n_rows = n_exact = 0
    for path in files:
        src = str(path)
        for chunk in iter_chunks(path):
            n_rows += len(chunk.rows) + len(chunk.malformed)
            for row, reason in chunk.malformed:
                rejects.append((src, row, "", "", reason))
            if not chunk.rows:
                continue
            ignored.update(set(chunk.values) - set(AD_COLUMNS))
            n = len(chunk.rows)
            text = {c: [""] * n for c in AD_COLUMNS}
            problem: list[tuple[str, str] | None] = [None] * n
            for col in AD_COLUMNS:
                for i, value in enumerate(chunk.values.get(col, [None] * n)):
                    s, err = (value, None) if type(value) is str else as_text(value)
                    if err is not None and problem[i] is None:
                        problem[i] = (col, err)
                    elif "\x00" in s and problem[i] is None:
                        problem[i] = (col, "NUL byte")
                    text[col][i] = s
            # plain Python lists row by row (pandas element access is far slower); dates vectorised
            text["region"] = [r if r.strip() else region for r in text["region"]]
            ad_id = [a.strip() for a in text["ad_id"]]
            given = pd.Series(text["posted_at"], dtype=object).str.strip().replace("", None)
            dates = pd.to_datetime(given, format="ISO8601", utc=True, errors="coerce")
            bad_date = (given.notna() & dates.isna()).tolist()
            text["posted_at"] = dates.dt.strftime(POSTED_AT_FORMAT).fillna("").tolist()
            for i in range(n):
                if problem[i] is not None:
                    continue
                if ad_id[i] == "":
                    problem[i] = ("ad_id", "missing ad_id")
                elif len(ad_id[i]) > MAX_ID_CHARS:
                    problem[i] = ("ad_id", f"ad_id too long (over {MAX_ID_CHARS} characters)")
                elif not text["title"][i].strip() and not text["body"][i].strip():
                    problem[i] = ("body", "empty text (no title and no body)")
                elif any(len(text[c][i]) > max_text_chars for c in TEXT_COLUMNS):
                    col = next(c for c in TEXT_COLUMNS if len(text[c][i]) > max_text_chars)
                    problem[i] = (col, f"text too long (over {max_text_chars} characters)")
                elif bad_date[i]:
                    problem[i] = ("posted_at", "unparsable date (expected ISO 8601)")
            text["ad_id"] = ad_id
            keep = []
            for i in range(n):
                if problem[i] is not None:
                    col, reason = problem[i]
                    shown = _safe_id(ad_id[i]) if col != "ad_id" else ""
                    rejects.append((src, chunk.rows[i], shown, col, reason))
                    continue
                key = _content_key(tuple(text[c][i] for c in AD_COLUMNS))
                aid = ad_id[i]
                prev = first_seen.get(aid)
                if prev is None:
                    first_seen[aid] = (key, src, chunk.rows[i])
                    keep.append(i)
                elif prev[0] == key:
                    n_exact += 1
                else:
                    conflicted.add(aid)
                    rejects.append((src, chunk.rows[i], _safe_id(aid), "ad_id",
                                    "duplicate ad_id with different content"))
            kept.append(pd.DataFrame({c: [text[c][i] for i in keep] for c in AD_COLUMNS}, dtype=object))
    for aid in sorted(conflicted):  # the first-kept ad of a conflicting id goes too
        _, src, row = first_seen[aid]
        rejects.append((src, row, _safe_id(aid), "ad_id", "duplicate ad_id with different content"))
    ads = pd.concat(kept, ignore_index=True) if kept else pd.DataFrame({c: [] for c in AD_COLUMNS}, dtype=object)
    ads = ads[~ads["ad_id"].isin(conflicted)][AD_COLUMNS].astype("string").reset_index(drop=True)
    rejected = pd.DataFrame(rejects, columns=REJECT_COLUMNS)
    order = {str(p): k for k, p in enumerate(files)}
    rejected = (rejected.assign(_f=rejected["source"].map(order)).sort_values(["_f", "row"], kind="stable")
                .drop(columns="_f").reset_index(drop=True))
    rejected["row"] = rejected["row"].astype("int64")
    reasons = rejected["reason"].map(lambda r: next((k for k in REASONS if r.startswith(k)), r))
    summary = {
        "region": region,
        "files": len(files),
        "source_rows": int(n_rows),
        "ads": int(len(ads)),
        "rejected": int(len(rejected)),
        "exact_duplicates": int(n_exact),
        "rejected_share": float(len(rejected) / n_rows) if n_rows else 0.0,
        "ignored_columns": sorted(ignored),
        "reject_reasons": {k: int(v) for k, v in reasons.value_counts().sort_index().items()},
        "max_text_chars": int(max_text_chars),
    }
    if ads.empty:
        detail = ", ".join(f"{k}: {v}" for k, v in summary["reject_reasons"].items()) or "no data rows"
        raise AdFileError(f"{source}: no valid ad for region '{region}' out of {n_rows} rows ({detail})")
    return ads, rejected, summary
