"""Phone-number extraction from ad text.

``find_numbers`` is the obfuscation-aware extractor (see :mod:`frontline.extract.core`): spelled,
leet, homophone and lookalike digits, Unicode digits, odd separators and split numbers, with offsets
into the original text. ``matcher_numbers`` is the baseline it is measured against:
``phonenumbers.PhoneNumberMatcher`` with leniency VALID.

The core is compiled with Cython when the package is built (see ``_build``); the Python source gives the
same results and runs wherever the build is missing or out of date.
"""

from __future__ import annotations

import pandas as pd
import phonenumbers

from ._build import load_core

core = load_core()
from .core import Found, find_all  # noqa: E402  (the module load_core put in sys.modules)

FIELDS = ("title", "body", "url")
EXTRACT_COLUMNS = ["ad_id", "number", "field", "start", "end", "kinds"]

__all__ = ["FIELDS", "EXTRACT_COLUMNS", "Found", "find_all", "find_numbers", "matcher_numbers", "extract_ads"]


def matcher_numbers(text: str) -> list[Found]:
    """Numbers found by phonenumbers' matcher (leniency VALID), US numbers only (the baseline)."""
    out = []
    for m in phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.VALID):
        if m.number.country_code != 1:
            continue
        e164 = phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
        out.append(Found(e164, m.start, m.end))
    return out


def find_numbers(text: str, include_nontargets: bool = False) -> list[Found]:
    """US phone numbers in ``text`` (E.164, offsets into ``text``, obfuscation kinds).

    Toll-free and non-US numbers are found too but returned only with ``include_nontargets``
    (their ``target`` is False).
    """
    found = find_all(text)
    return found if include_nontargets else [f for f in found if f.target]


#: Distinct texts remembered by ``extract_ads`` before its memo is emptied.
_MEMO_TEXTS = 50_000


def extract_ads(ads: pd.DataFrame, fields: tuple[str, ...] = FIELDS, finder=None,
                include_nontargets: bool = False) -> pd.DataFrame:
    """One row per (ad, number, field occurrence) with E.164 numbers and offsets.

    ``finder`` replaces the extractor (e.g. ``matcher_numbers`` for the baseline). With
    ``include_nontargets`` a ``target`` column is added and toll-free / non-US numbers are kept.
    """
    rows = []
    present = [f for f in fields if f in ads.columns]
    find = finder if finder is not None else find_all
    # reposted ads repeat their text (titles especially), and both finders are pure functions of the
    # text: each distinct text is scanned once (the memo is bounded, so memory stays flat)
    memo: dict[str, list] = {}
    # the columns as lists: iterating rows of pandas' Arrow-backed string columns converts one value at a
    # time, which cost about a sixth of the extraction stage
    columns = [ads[c].tolist() for c in ("ad_id", *present)]
    for rec in zip(*columns):
        for fname, text in zip(present, rec[1:]):
            if not isinstance(text, str) or not text:
                continue
            hits = memo.get(text)
            if hits is None:
                hits = find(text)
                if len(memo) >= _MEMO_TEXTS:
                    memo.clear()
                memo[text] = hits
            for f in hits:
                if not f.target and not include_nontargets:
                    continue
                kinds = f.kinds + (("url_slug",) if fname == "url" and f.kinds else ())
                rows.append((rec[0], f.number, fname, f.start, f.end, ",".join(kinds), f.target))
    out = pd.DataFrame(rows, columns=[*EXTRACT_COLUMNS, "target"])
    out["start"] = out["start"].astype("int64")
    out["end"] = out["end"].astype("int64")
    return out if include_nontargets else out.drop(columns="target")
