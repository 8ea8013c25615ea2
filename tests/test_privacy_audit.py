"""Privacy audit: no input phone number and no HMAC key anywhere the workflow writes for others.

Scans every file under ``results/`` (tables, JSON, figures, the rendered paper: Markdown, Typst
source, HTML, and the PDF's text via pypdf), ``logs/`` and ``benchmarks/`` of the session's
workflow run for every number planted in the simulated truth, in every common format: E.164
(+12135551234), 11 and 10 digits, dashed, dotted, spaced and parenthesised ((213) 555-1234). Parquet
files are decoded (their pages are compressed, so a raw byte scan would see nothing). Raw data lives in
``data/`` and is not scanned. The scanner itself is tested on planted numbers so the audit can fail.
"""
import base64
import io
import re
from pathlib import Path

import pandas as pd
import pytest

from .conftest import TEST_KEY

SCANNED = ("results", "logs", "benchmarks")

#: A NANP number in any common format; the last ten digits identify it.
CANDIDATE = re.compile(r"(?<![\d+])(?:\+?1[\s.\-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.\-]?)\d{3}[\s.\-]?\d{4}(?!\d)")


def formats(e164: str) -> list[str]:
    """The common ways of writing an E.164 number (NANP numbers get every local format)."""
    digits = e164.lstrip("+")
    if not digits.startswith("1") or len(digits) != 11:
        return [e164, digits]
    n = digits[1:]
    a, b, c = n[:3], n[3:6], n[6:]
    return [e164, digits, n, f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"{a} {b} {c}", f"({a}) {b}-{c}", f"({a}){b}-{c}",
            f"+1 {a} {b} {c}", f"1-{a}-{b}-{c}"]


def texts_of(path: Path) -> list[str]:
    """The file's bytes as text, plus decoded content where the bytes are compressed."""
    raw = path.read_bytes()
    out = [raw.decode("latin-1")]
    if path.suffix == ".parquet":
        df = pd.read_parquet(path)
        # Each column's distinct values as text (a cell holding a number is found like a line of a log);
        # integer columns become digit strings, so a number stored as an integer is found as 10/11 digits.
        for col in df.columns:
            values = pd.unique(df[col].dropna().astype(str))
            out.append("\n".join(values))
    elif path.suffix == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(raw))
        out.append("\n".join(page.extract_text() or "" for page in reader.pages))
        out.append(str(reader.metadata))
    return out


def leaks(path: Path, numbers: set[str], secrets: tuple[str, ...] = ()) -> list[str]:
    """Numbers (E.164) and secrets found in ``path``."""
    national = {n[2:]: n for n in numbers if n.startswith("+1") and len(n) == 12}
    other = [n for n in numbers if n not in national.values()]
    found = set()
    for text in texts_of(path):
        for m in CANDIDATE.finditer(text):
            tail = re.sub(r"\D", "", m.group())[-10:]
            if tail in national:
                found.add(national[tail])
        found.update(n for n in other if n in text or n.lstrip("+") in text)
        found.update(f"secret:{i}" for i, s in enumerate(secrets) if s in text)
    return sorted(found)


def masked(hit: str) -> str:
    """A leaked number as the failure message shows it (the test's own output must not repeat it)."""
    return hit if hit.startswith("secret:") else hit[:5] + "*****" + hit[-2:]


def key_forms(key: str) -> tuple[str, ...]:
    raw = key.encode()
    return key, raw.hex(), base64.b64encode(raw).decode()


@pytest.fixture(scope="module")
def planted_numbers(workflow_run) -> set[str]:
    truth = pd.read_parquet(workflow_run / "data/simulated/los_angeles/truth.parquet")
    numbers = set(truth["number"])
    assert len(numbers) > 50  # the audit looks for a real set of numbers
    return numbers


def audited_files(run: Path) -> list[Path]:
    files = sorted(p for folder in SCANNED for p in (run / folder).rglob("*") if p.is_file())
    return files


@pytest.mark.workflow
def test_no_phone_number_or_key_in_results_logs_or_paper(workflow_run, planted_numbers):
    files = audited_files(workflow_run)
    names = {p.relative_to(workflow_run).as_posix() for p in files}
    assert {"results/paper/paper.html", "results/paper/paper.pdf", "results/paper/paper.typ",
            "results/los_angeles/ad_numbers.parquet", "logs/los_angeles/split_ads.log",
            "logs/los_angeles/extract_numbers/000.log"} <= names
    found = {p.relative_to(workflow_run).as_posix(): [masked(h) for h in hits] for p in files
             if (hits := leaks(p, planted_numbers, key_forms(TEST_KEY)))}
    assert found == {}, f"raw numbers or the key leaked: {found}"


@pytest.mark.workflow
def test_raw_data_does_contain_the_numbers(workflow_run, planted_numbers):
    """Positive control on real files: the scanner finds the numbers where they are allowed to be."""
    hits = leaks(workflow_run / "data/simulated/los_angeles/truth.parquet", planted_numbers)
    assert set(hits) == planted_numbers


@pytest.mark.parametrize("fmt", range(10))
def test_scanner_finds_each_format_in_text(tmp_path, fmt):
    number = "+12136241234"
    written = formats(number)[fmt]
    path = tmp_path / "app.log"
    path.write_text(f"INFO frontline: found {written} in ad 17\n")
    assert leaks(path, {number, "+13105550000"}) == [number]


def test_scanner_finds_numbers_inside_compressed_parquet(tmp_path):
    from frontline import io as fio

    path = tmp_path / "t.parquet"
    fio.write_parquet(pd.DataFrame({"note": ["call (213) 624-1234 now"] * 50}), path)
    assert leaks(path, {"+12136241234"}) == ["+12136241234"]


def test_scanner_finds_numbers_inside_a_pdf(tmp_path):
    import typst

    path = tmp_path / "t.pdf"
    path.write_bytes(typst.compile(b"Call 213.624.1234 today."))
    assert leaks(path, {"+12136241234"}) == ["+12136241234"]


def test_scanner_finds_numbers_stored_as_integers_in_parquet(tmp_path):
    from frontline import io as fio

    path = tmp_path / "t.parquet"
    fio.write_parquet(pd.DataFrame({"block": [2136241, 3102084], "n": [12136241234, 5]}), path)
    assert leaks(path, {"+12136241234", "+13102084567"}) == ["+12136241234"]


def test_scanner_finds_the_key(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"key": "%s"}' % TEST_KEY.encode().hex())
    assert leaks(path, set(), key_forms(TEST_KEY)) == ["secret:1"]


def test_scanner_ignores_hashes_and_block_prefixes(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text("number_hash,block\n9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08,2136241\n")
    assert leaks(path, {"+12136241234"}) == []
