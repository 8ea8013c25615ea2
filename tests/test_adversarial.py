"""Adversarial text: the extractor finishes on a megabyte of hostile input; properties that always hold.

Written against the public contract only: ``find_numbers(text) -> list[Found(number, start, end, kinds)]``.
"""
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontline.adversarial import NUMBER_WORDS, SEPARATORS, adversarial_text
from frontline.extract import Found, find_numbers

from .conftest import ROOT

E164_NANP = re.compile(r"^\+1[2-9]\d{2}[2-9]\d{6}$")

#: Generous CPU-time bound (seconds) for one megabyte: a linear-time extractor needs a few seconds;
#: catastrophic backtracking needs hours. CPU time, not wall time, so a busy machine cannot fail it.
CPU_SECONDS = 120

CHILD = f"""
import resource, sys
resource.setrlimit(resource.RLIMIT_CPU, ({CPU_SECONDS}, {CPU_SECONDS} + 5))
from frontline.adversarial import adversarial_text
from frontline.extract import find_numbers
text = adversarial_text(1_000_000, seed=11)
assert len(text) == 1_000_000
found = find_numbers(text)
for f in found:
    assert 0 <= f.start < f.end <= len(text), f
print("completed", len(found))
"""


def test_one_megabyte_of_adversarial_text_completes():
    proc = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=900, cwd=ROOT)
    # Killed by SIGXCPU (returncode -24) when the CPU bound is exceeded.
    assert proc.returncode == 0, f"returncode {proc.returncode}: {proc.stderr[-3000:]}"
    assert proc.stdout.startswith("completed")


def test_adversarial_text_has_the_hostile_pieces():
    text = adversarial_text(200_000, seed=3)
    assert len(text) == 200_000
    assert ";phone-context=" in text and "tel:" in text
    assert re.search(r"\d{100}", text)
    assert any(w in text for w in ("five", "nine", "seven"))


tokens = st.sampled_from([*NUMBER_WORDS, *SEPARATORS, "tel:", ";phone-context=", "+1", "1", "(", ")", "ext",
                          "213", "555", "0100", "310", "867", "5309", "818", "@", "call me",
                          # numbers phonenumbers accepts, so the properties are exercised on real finds
                          "2136241234", "(213) 624-1234", "310.208.4567", "+1 818 240 3344"])
hostile = st.lists(st.one_of(tokens, st.text(max_size=12), st.from_regex(r"\d{1,15}", fullmatch=True)),
                   max_size=60).map("".join)


def _check(text: str) -> list[Found]:
    found = find_numbers(text)
    assert isinstance(found, list)
    for f in found:
        assert isinstance(f, Found)
        assert 0 <= f.start < f.end <= len(text), (f, len(text))
        assert E164_NANP.match(f.number), f
        assert isinstance(f.kinds, tuple)
        # The span indexes the original text: it holds at least one digit or number word.
        span = text[f.start:f.end]
        assert re.search(r"\d", span) or any(w.lower() in span.lower() for w in NUMBER_WORDS), (f, span)
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile)
def test_find_numbers_never_raises_and_offsets_index_the_text(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_find_numbers_on_arbitrary_unicode(text):
    _check(text)


@settings(max_examples=150, deadline=None)
@given(hostile, hostile)
def test_normalisation_is_idempotent(prefix, suffix):
    """Every number found, written out in E.164, is found again as itself (normalising twice changes nothing)."""
    for f in _check(prefix + " " + suffix):
        again = _check(f" {f.number} ")
        assert [g.number for g in again] == [f.number]
        assert (again[0].start, again[0].end) == (1, 1 + len(f.number))


@pytest.mark.parametrize("text", ["", " ", "\x00" * 50, "tel:" + ";phone-context=" * 5000, "9" * 100_000])
def test_edge_inputs(text):
    _check(text)


#: Runs that a backtracking regular expression would explore in exponentially many ways: ambiguous
#: word splits ("too" = "to" + "o"), long digit runs glued to letters, repeated glued separators.
AMBIGUOUS_RUNS = ["call " + "1" * 40 + "qz", "too" * 1000 + "x", "zeroo" * 1000 + "q", "onetwo" * 1000 + "x",
                  "9" * 5000 + "x", "b!" * 2000, "2l" * 3000, "dash1" * 2000 + "x", "12/" * 3000, "*82" * 2000,
                  "+1" * 3000, "eightoneeight" * 500 + "x", "3b" * 3000, "20s " * 2000, "T H R E E " * 500,
                  "seven" * 400 + "dash" + "x"]

AMBIGUOUS_CHILD = f"""
import resource
resource.setrlimit(resource.RLIMIT_CPU, ({CPU_SECONDS}, {CPU_SECONDS} + 5))
from frontline.extract import find_numbers
for text in {AMBIGUOUS_RUNS!r}:
    for f in find_numbers(text, include_nontargets=True):
        assert 0 <= f.start < f.end <= len(text), f
print("completed")
"""


def test_ambiguous_runs_complete():
    proc = subprocess.run([sys.executable, "-c", AMBIGUOUS_CHILD], capture_output=True, text=True, timeout=900,
                          cwd=ROOT)
    assert proc.returncode == 0, f"returncode {proc.returncode}: {proc.stderr[-3000:]}"
    assert proc.stdout.startswith("completed")
