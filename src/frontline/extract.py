"""Phone-number extraction from ad text.

Foundation version: ``phonenumbers.PhoneNumberMatcher`` (leniency VALID) over title, body and url.
It is the baseline that the obfuscation-aware extractor is measured against.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import phonenumbers

FIELDS = ("title", "body", "url")
EXTRACT_COLUMNS = ["ad_id", "number", "field", "start", "end", "kinds"]


@dataclass(frozen=True)
class Found:
    """A number found in a text: E.164, offsets into the original text, and obfuscation kinds."""

    number: str
    start: int
    end: int
    kinds: tuple[str, ...] = ()


def matcher_numbers(text: str) -> list[Found]:
    """Numbers found by phonenumbers' matcher (leniency VALID), US numbers only."""
    out = []
    for m in phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.VALID):
        if m.number.country_code != 1 or len(str(m.number.national_number)) != 10:
            continue  # not a NANP number (the matcher also accepts seven-digit local forms)
        e164 = phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
        out.append(Found(e164, m.start, m.end))
    return out


def find_numbers(text: str) -> list[Found]:
    """Find US phone numbers in ``text``."""
    return matcher_numbers(text)


def extract_ads(ads: pd.DataFrame, fields: tuple[str, ...] = FIELDS) -> pd.DataFrame:
    """One row per (ad, number, field occurrence) with E.164 numbers and offsets."""
    rows = []
    present = [f for f in fields if f in ads.columns]
    for rec in ads[["ad_id", *present]].itertuples(index=False):
        for fname, text in zip(present, rec[1:]):
            if not isinstance(text, str) or not text:
                continue
            for f in find_numbers(text):
                rows.append((rec[0], f.number, fname, f.start, f.end, ",".join(f.kinds)))
    return pd.DataFrame(rows, columns=EXTRACT_COLUMNS)
