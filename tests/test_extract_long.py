"""Long inputs: the extractor reads to the end of the text.

phonenumbers' PhoneNumberMatcher gives up after a fixed number of failed tries (``max_tries``), so a
number placed after a long hostile prefix is silently lost. ``find_numbers`` has no such limit: these tests
put real numbers after about a megabyte of adversarial text and require them to be found, with offsets
that point at them.
"""
import pytest

from frontline.adversarial import adversarial_text
from frontline.extract import find_numbers

TAILS = [
    ("Call me at (213) 555-0147 anytime", "+12135550147", "(213) 555-0147"),
    ("Text two one three, five five five, zero one four seven xoxo", "+12135550147",
     "two one three, five five five, zero one four seven"),
    ("Text 3l0 five5five O1O8 xoxo", "+13105550108", "3l0 five5five O1O8"),
]


@pytest.fixture(scope="module")
def megabyte():
    text = adversarial_text(1_000_000, seed=5)
    assert len(text) == 1_000_000
    return text


@pytest.mark.parametrize("tail, number, shown", TAILS)
def test_number_after_a_megabyte_of_adversarial_text_is_found(megabyte, tail, number, shown):
    text = megabyte + "\n\nThanks.\n\n" + tail
    found = [f for f in find_numbers(text) if f.start >= len(megabyte)]
    assert [f.number for f in found] == [number]
    f = found[0]
    assert text[f.start:f.end] == shown


def test_numbers_on_both_sides_of_the_megabyte(megabyte):
    head = "Call me at (213) 555-0147 anytime\n\nThanks.\n\n"
    text = head + megabyte + "\n\nThanks.\n\nText 3l0 five5five O1O8 xoxo"
    found = find_numbers(text)
    first = [f for f in found if f.end <= len(head)]
    last = [f for f in found if f.start >= len(head) + len(megabyte)]
    assert [f.number for f in first] == ["+12135550147"]
    assert [f.number for f in last] == ["+13105550108"]
    assert text[first[0].start:first[0].end] == "(213) 555-0147"
