"""Command line: ``frontline extract ADS OUT``.

Reads ads from CSV, JSON lines or Parquet (columns ``ad_id`` and ``body``, optionally ``title`` and
``url``) and writes one row per (ad, number) with the E.164 number. Its purpose is evaluation and
debugging: the output holds raw phone numbers, so keep it out of ``results/`` (the workflow pseudonymises
numbers right after extraction instead).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from . import extract, io

PAIR_COLUMNS = ["ad_id", "number", "target", "fields", "occurrences", "kinds"]


class InputError(ValueError):
    """The ad file cannot be used."""


def read_ads(path: str | Path) -> pd.DataFrame:
    """Ads from CSV, JSONL or Parquet with at least ``ad_id`` and ``body`` (text columns as strings)."""
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
            raise InputError(f"{path}: unknown file type '{suffix}' (use .csv, .jsonl or .parquet)")
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - any reader failure makes the file unusable
        raise InputError(f"{path}: cannot be read as {suffix[1:]}: {exc}") from exc
    missing = [c for c in ("ad_id", "body") if c not in df.columns]
    if missing:
        raise InputError(f"{path}: missing required column(s) {missing}; found {list(df.columns)}")
    bad = df["ad_id"].isna() | (df["ad_id"].astype(str).str.strip() == "")
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0])
        raise InputError(f"{path}: row {row + 1}: field ad_id is empty")
    df["ad_id"] = df["ad_id"].astype(str)
    for col in extract.FIELDS:
        if col in df.columns:
            df[col] = df[col].where(df[col].map(lambda v: isinstance(v, str)), "")
    return df


def pairs(found: pd.DataFrame) -> pd.DataFrame:
    """One row per (ad, number): fields it was seen in, occurrences, union of kinds."""
    if found.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    g = found.groupby(["ad_id", "number"], sort=True)
    out = g.agg(target=("target", "first"), fields=("field", lambda s: ",".join(sorted(set(s)))),
                occurrences=("field", "size"),
                kinds=("kinds", lambda s: ",".join(sorted({k for v in s for k in v.split(",") if k}))))
    return out.reset_index()[PAIR_COLUMNS]


def write_table(df: pd.DataFrame, path: str | Path) -> None:
    suffix = Path(path).suffix.lower()
    if suffix == ".parquet":
        io.write_parquet(df, path)
    elif suffix == ".csv":
        io.write_csv(df, path)
    elif suffix in (".jsonl", ".ndjson"):
        io.write_text(df.to_json(orient="records", lines=True, force_ascii=False), path)
    else:
        raise InputError(f"{path}: unknown output type '{suffix}' (use .csv, .jsonl or .parquet)")


def cmd_extract(args: argparse.Namespace) -> int:
    ads = read_ads(args.ads)
    finder = extract.matcher_numbers if args.baseline else None
    found = extract.extract_ads(ads, finder=finder, include_nontargets=True)
    if not args.include_nontargets:
        found = found[found["target"]]
    table = found.reset_index(drop=True) if args.occurrences else pairs(found)
    write_table(table, args.out)
    print(f"{len(ads)} ads, {len(found)} number occurrences, {found[['ad_id', 'number']].drop_duplicates().shape[0]} "
          f"(ad, number) pairs -> {args.out}", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="frontline", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="find phone numbers in ads (for evaluation and debugging)",
                        description="Find phone numbers in ads; one row per (ad, number) with E.164 numbers. "
                                    "The output holds raw numbers: keep it out of results/.")
    ex.add_argument("ads", help="CSV, JSONL or Parquet with columns ad_id, body (optional title, url)")
    ex.add_argument("out", help="output .csv (formula-safe: a leading + is escaped), .jsonl or .parquet")
    ex.add_argument("--include-nontargets", action="store_true",
                    help="also write toll-free and non-US numbers (target column False)")
    ex.add_argument("--occurrences", action="store_true",
                    help="one row per occurrence (field, start, end, kinds) instead of per (ad, number)")
    ex.add_argument("--baseline", action="store_true",
                    help="use phonenumbers' PhoneNumberMatcher (leniency VALID) instead, for comparison")
    ex.set_defaults(func=cmd_extract)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except InputError as exc:
        print(f"frontline: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
