"""The obfuscation-aware extractor.

1. Normalise with a length-preserving character table (offsets stay those of the original text).
2. Find anchors - digit runs and number words - and group them into windows that hold enough digits.
3. Inside a window only, tokenise: digits, number words (with leet, misspellings, compounds), lookalike
   letters glued to digits ("2l3", "O1O3") and homophones (for, to, oh); everything else is a word.
4. Mark distractors (prices, ages, units, dates, times, measurements, zip codes, post IDs, addresses).
5. Link neighbouring tokens through bounded gaps (separators, a few words) and enumerate 10-digit (or
   +1 / *82 prefixed) candidates that start and end on token boundaries; score their layout.
6. Validate NANP structure, then phonenumbers on a number built from the ten digits; keep the best
   non-overlapping candidates.

Every regular expression has bounded repetition or runs over bounded text; the work is linear in the
length of the input.
"""

from __future__ import annotations

import bisect
from itertools import accumulate, product
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, itemgetter

import numpy as np
import phonenumbers
from phonenumbers.phonemetadata import PhoneMetadata

from . import lexicon as L

try:  # True in the module Cython compiles from this file (setup.py), False when it runs as plain Python
    import cython
    COMPILED = bool(cython.compiled)
except ImportError:
    COMPILED = False

if not COMPILED:
    # t[i]: the character loops read characters through ``_read``, which the compiled module defines in
    # core.pxd as a direct read of the string's buffer (no bounds check, no call); the loops keep i in range
    globals()["_read"] = str.__getitem__
    # _untracked(o): the compiled module (core.pxd) takes an object that can hold no reference cycle out of
    # the garbage collector's lists; plain Python leaves it as it is
    globals()["_untracked"] = lambda o: o

# --------------------------------------------------------------------------------------------------
# Regular expressions


def _trie_regex(words: list[str], sep: str = "") -> str:
    """A regex alternation of ``words`` factored as a trie (fast in sre; longest match preferred)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            rest = build(node[ch])
            if sep and rest and not (len(node[ch]) == 1 and "" in node[ch]):
                rest = sep + rest if "" not in node[ch] else f"(?:{sep}{build_nonempty(node[ch])})?"
            alts.append(re.escape(ch) + rest)
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    def build_nonempty(node: dict) -> str:
        return build({k: v for k, v in node.items() if k})

    return build(trie)


WORDS = L.word_values()
HOMOPHONES = L.homophone_values()
ALL_WORDS = {**HOMOPHONES, **WORDS}
_SPACEABLE = sorted(w for w in L.CANONICAL if len(w) >= 3 and w.isalpha())
#: A number word with a space between every letter: "T H R E E".
SPACED_RE = re.compile(r"[a-z](?<![a-z][a-z])(?=[ ]{1,2}[a-z](?![a-z]))(?<=" + "|".join(sorted({w[0] for w in _SPACEABLE}))
                       + r")(?:" + "|".join(f"(?<={c}){_trie_regex([w[1:] for w in _SPACEABLE if w[0] == c], '[ ]{1,2}')}"
                                            .replace(f"(?<={c})", f"(?<={c})[ ]{{1,2}}", 1)
                                            for c in sorted({w[0] for w in _SPACEABLE})) + r")(?![a-z])")
_WORD_TRIE = _trie_regex(sorted(WORDS))
#: A run of letters/digits, possibly with "!" inside ("2!3").
CHUNK_RE = re.compile(r"[a-z0-9\u00c0-\u024f]++(?:![a-z0-9]++)*+")
#: CHUNK_RE as the one capturing group of a split: chunks at odd positions, the text between at even.
CHUNK_SPLIT_RE = re.compile(f"({CHUNK_RE.pattern})")
#: Splits a chunk that mixes digits and number words ("3one0", "zer0one", "twentyone").
SPLIT_RE = re.compile(r"[0-9]+|" + _trie_regex(sorted(ALL_WORDS)))
LOOKALIKE = {"l": "1", "i": "1", "!": "1", "o": "0", "s": "5", "b": "8"}
LOOKALIKE_CHUNK_RE = re.compile(r"[0-9lio!sb]+")
#: The separator words as one alternation ("dot|dash|...").
_SEP_WORDS_ALT = "|".join(L.SEPARATOR_WORDS)
SEP_WORDS_RE = re.compile(r"(?<![a-z])(?:" + _SEP_WORDS_ALT + r")(?![a-z])")
SEP_CHARS = set(" \t\r\n-.*~_/|:()[],+=>#'\"" + L.NEUTRAL + "\u00a0\u3000")
ODD_SEP_CHARS = set("*~_/|:" + "\u2022")
MAX_TIGHT_GAP = 12
MAX_WORD_GAP = 40
MAX_GAP_WORDS = 4
WINDOW_GAP = 40
MIN_WINDOW_DIGITS = 5

_UNITS = (r"y/?o|y\.o\.?|yrs?|years?|anos|a\u00f1os|lbs?|pounds|kgs?|hrs?|hh|hours?|mins?|minutes|am|pm|"
          r"%|'|\"|cm|inches|inch|ft|feet|bucks|dollars|usd|roses|friendly|percent|dd|min|sec|secs|gb|mb|"
          r"st|nd|rd|th")
_STREET = r"st|street|ave|avenue|blvd|boulevard|rd|road|dr|drive|way|ln|lane|pl|place|ct|court|hwy|pkwy"
#: After a group's first digit: the group does not follow another digit group across one or two
#: separators (so it is not the last group of a phone number, as in "424 366 4445 hours").
_NOT_LAST_GROUP = r"(?<![0-9][^a-z0-9][0-9])(?<![0-9][^a-z0-9]{2}[0-9])"
#: Distractor spans; a token overlapping one is not part of any number. Every branch starts with a
#: character class (so the scan skips ahead in C) and checks what precedes it with a lookbehind after it.
BLOCK_RE = re.compile(
    r"[0-9](?<![0-9][0-9])(?:"
    r"(?<![0-9][ .-][0-9])[0-9]{1,2}+(?:/[0-9]{2,3}+){1,5}+(?![0-9/])(?![ .-]?[0-9])"  # price list 80/220/370
    r"|(?<=2)(?<![0-9][^a-z0-9]2)(?<![0-9][^a-z0-9]{2}2)[ ]for[ ]1(?![0-9])(?=[ .,!;)]{0,3}+(?:$|[a-z\n]))"  # 2 for 1
    r"|[0-9]?[/.-][0-9]{1,2}[/.-](?:19|20)?[0-9]{2}(?![0-9])"         # date 05/04/2012
    r"|[0-9]{3}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?![0-9])"                # date 2012-05-04
    r"|[0-9]?/[0-9]{1,2}(?![0-9/])"                                    # date 7/15, review 10/10
    r"|[0-9]?:[0-9]{2}(?::[0-9]{2})?(?![0-9])"                         # time 10:30
    r"|[0-9][a-z]{0,3}[ ]?-[ ]?[0-9]{2}[ ]?-[ ]?[0-9]{2}(?![0-9])"     # measurement 36D-24-36
    r"|[0-9]{4}-[0-9]{4}(?![0-9])"                                     # ZIP+4
    r"|[0-9]{0,2}(?=[ ]?(?:" + _UNITS + r")(?![a-z0-9]))"                 # 23yo, 120 lbs, 10pm, 100%
    r"|" + _NOT_LAST_GROUP + r"[0-9]{3,5}(?=[ ]?(?:" + _UNITS + r")(?![a-z0-9]))"  # 1030pm, 1000 roses
    r"|[0-9]{0,5}(?=[ ]?\$)"                                           # 150$
    r"|" + _NOT_LAST_GROUP + r"[0-9]{0,4}(?=[ ](?:[nsew]\.?[ ])?(?:[a-z]{2,12}[ ]){1,3}(?:" + _STREET
    + r")(?![a-z]))"  # 1234 Main St
    r")"
    r"|2(?<![0-9]2)4[ ]?[/-][ ]?7(?![0-9])"                            # 24/7
    r"|\$[ ]?[0-9]{1,6}"                                               # $150
    r"|\([0-9]{2}\)"                                                   # (33): an age, no digit group has two
)
#: Distractors announced by a word (post IDs, a state before a zip code); run only when a keyword occurs.
BLOCK_WORD_RE = re.compile(
    r"(?:id(?<![a-z]id)|ref(?<![a-z]ref)|post(?<![a-z]post)|listing(?<![a-z]listing)|ad(?<![a-z]ad)[ ]?(?:id|#))"
    r"[ ]?[:#]?[ ]?#?[0-9]{1,20}"                                      # post id: 123456
    r"|(?:california(?<![a-z]california)|ca(?<![a-z]ca))\.?,?[ ]{1,2}[0-9]{5}(?![0-9])"  # CA 90028
)
_BLOCK_WORDS = ("id", "ref", "post", "listing", "ad", "ca")
_BLOCK_WORDS_RE = re.compile("|".join(_BLOCK_WORDS))  # does a window hold any of them (as a substring)?
DIGITS_RE = re.compile(r"[0-9]++")
#: Bytes of UTF-8 text mapped to classes: ASCII digits to "0", ASCII lower-case letters to "a", others to " ".
_GLUE_CLASSES = bytes(48 if 48 <= c <= 57 else 97 if 97 <= c <= 122 else 32 for c in range(256))


def _glued(s: str) -> int:
    """Places where an ASCII letter and digit touch, either way round ("three1two" has two), counted in C:
    by one pass over the characters when compiled, else through a bytes translation."""
    if COMPILED:
        n = 0
        prev = 0  # class of the previous character: 1 digit, 2 letter, 0 other
        for ch in s:
            cls = 1 if "0" <= ch <= "9" else (2 if "a" <= ch <= "z" else 0)
            if cls and prev and cls != prev:
                n += 1
            prev = cls
        return n
    b = s.encode("utf-8", "surrogatepass").translate(_GLUE_CLASSES)
    return b.count(b"0a") + b.count(b"a0")
#: Punctuation to spaces, to split the text into words cheaply.
WORD_VIEW = {c: " " for c in range(128) if not chr(c).isalnum()}
ANCHOR_WORDS = frozenset(WORDS) | frozenset(w for w in L.CANONICAL if w.isalpha())
ANCHOR_WORDS_ASCII = frozenset(w.encode() for w in ANCHOR_WORDS if w.isascii())
#: WORD_VIEW for ASCII text as bytes: letters and digits kept, everything else a space.
WORD_VIEW_BYTES = bytes(c if c < 128 and chr(c).isalnum() else 32 for c in range(256))
PLUS_RE = re.compile(r"\+[ ]?([0-9]{1,3})")


@dataclass(frozen=True, slots=True)
class Found:
    """A number found in a text: E.164, offsets into the original text, and obfuscation kinds.

    ``target`` is False for toll-free and non-US numbers, which are reported but are not what the study
    counts. Slots, not a ``__dict__``: one object per number for the garbage collector to follow, not two.
    """

    number: str
    start: int
    end: int
    kinds: tuple[str, ...] = ()
    target: bool = True


_NEW = object.__new__
#: The slots' own setters: they write a frozen instance's fields without its ``__setattr__``, which refuses.
_SET_NUMBER, _SET_START, _SET_END, _SET_KINDS, _SET_TARGET = [
    getattr(Found, name).__set__ for name in ("number", "start", "end", "kinds", "target")]


def _found(number: str, start: int, end: int, kinds: tuple[str, ...], target: bool) -> Found:
    """``Found(number, start, end, kinds, target)``, its slots written through their setters: the frozen
    dataclass's ``__init__`` sets them one by one through ``object.__setattr__``, which costs about twice as
    much. The object is the same (equal, same hash, still frozen)."""
    f = _NEW(Found)
    _SET_NUMBER(f, number)
    _SET_START(f, start)
    _SET_END(f, end)
    _SET_KINDS(f, kinds)
    _SET_TARGET(f, target)
    return _untracked(f)


def classify_digits(d: str) -> tuple[bool, bool] | None:
    """(valid, target) for ten NANP digits, or None if not a valid number.

    Structure first (area code and exchange start 2-9, no N11 area code, not one repeated digit), then
    phonenumbers on a number built from the digits - never ``parse()`` on raw text. phonenumbers'
    NANP patterns constrain the first six digits and, but for a few exchanges
    (exchanges.line_dependent_keys; with phonenumbers 9.0.43 246-521, 246-522, 876-606), not the line number, so the
    verdict is one per area code and exchange (_exchange_verdict): looked up in the table of all of them written at
    install (:mod:`frontline.extract.exchanges`), or else computed and memoised. Compiled: ten ASCII digits are
    checked by one pass over the characters, which also reads the first six as a number.
    """
    if COMPILED and len(d) == 10:
        key = 0
        same = True
        for k in range(10):
            ch = d[k]
            if not "0" <= ch <= "9":
                break  # the general checks below decide
            if k < 6:
                key = key * 10 + (ord(ch) - 48)
            if ch != d[0]:
                same = False
        else:
            if d[0] < "2" or d[3] < "2" or (d[1] == "1" and d[2] == "1") or same:
                return None
            return _exchange_verdict(d, key)
    if len(d) != 10 or d[0] < "2" or d[3] < "2" or d[1:3] == "11" or d.count(d[0]) == 10 or not d.isdigit():
        return None
    if not d.isascii():
        return _classify_number(d)  # other Unicode digits: not memoised
    return _exchange_verdict(d, int(d[:6]))


#: The verdict of each area code and exchange, by its six digits read as a number (memoised by
#: _exchange_verdict when there is no exchange table; clear_memos() empties it; at most about 200,000).
#: Never for the keys of _LINE_DEPENDENT_KEYS, whose numbers can differ in verdict.
_EXCHANGE_VERDICT: dict = {}
#: exchanges.line_dependent_keys(), found at the first verdict _EXCHANGE_VERDICT misses.
_LINE_DEPENDENT_KEYS = None
#: phonenumbers' verdict of every area code and exchange, precomputed at install: exchanges.KEYS bytes,
#: one per six-digit key (exchanges.INVALID, TARGET, OTHER or BY_LINE: classify the whole number, for the
#: keys of exchanges.line_dependent_keys()), read from exchanges.DEFAULT_PATH at the first
#: number (_EXCHANGE_TABLE_READ) when its header matches the installed phonenumbers and VERDICT_SIGNATURE;
#: else None, and _EXCHANGE_VERDICT memoises. Not a memo: clear_memos() keeps it.
_EXCHANGE_TABLE = None
_EXCHANGE_TABLE_READ = False


def _exchange_verdict(d: str, key: int) -> tuple[bool, bool] | None:
    """_classify_number(d) for ten ASCII digits whose first six, read as a number, are ``key``: the
    exchange table's byte for ``key`` (compiled: a C-level read of the byte), or without a table the memo
    of the exchange's verdict, computed once; for the few exchanges whose line digits matter, the
    verdict on ``d`` itself."""
    if not _EXCHANGE_TABLE_READ:
        _read_exchange_table()
    if _EXCHANGE_TABLE is not None:
        v = _EXCHANGE_TABLE[key]
        if v == 0:  # exchanges.INVALID
            return None
        if v == 1:  # exchanges.TARGET
            return _VALID_TARGET
        if v == 2:  # exchanges.OTHER
            return _VALID_OTHER
        return _classify_number(d)  # exchanges.BY_LINE
    verdict = _EXCHANGE_VERDICT.get(key, _MISSING)
    if verdict is _MISSING:
        verdict = _classify_number(d)
        dependent = _LINE_DEPENDENT_KEYS if _LINE_DEPENDENT_KEYS is not None else _line_dependent_keys()
        if key in dependent:
            return verdict
        if len(_EXCHANGE_VERDICT) > 200_000:
            _EXCHANGE_VERDICT.clear()
        _EXCHANGE_VERDICT[key] = verdict
    return verdict


def use_exchange_table(table: bytes | None) -> None:
    """Look verdicts up in ``table`` (the body of an exchange table: exchanges.KEYS bytes, each
    exchanges.INVALID, TARGET, OTHER or BY_LINE, as ``exchanges.read`` returns it) from now on, or, given None,
    compute and memoise them. The core calls it once with the table written at install (or None);
    answers are the same either way."""
    global _EXCHANGE_TABLE, _EXCHANGE_TABLE_READ
    from . import exchanges

    if table is not None and (type(table) is not bytes or len(table) != exchanges.KEYS or table.translate(
            None, bytes((exchanges.INVALID, exchanges.TARGET, exchanges.OTHER, exchanges.BY_LINE)))):
        raise ValueError(f"an exchange table is {exchanges.KEYS} bytes, each 0, 1, 2 or 3")
    _EXCHANGE_TABLE = table
    _EXCHANGE_TABLE_READ = True


def exchange_table() -> bytes | None:
    """The exchange table the core looks verdicts up in (read from the file written at install if it has
    not been yet), or None when it computes and memoises them."""
    if not _EXCHANGE_TABLE_READ:
        _read_exchange_table()
    return _EXCHANGE_TABLE


def _read_exchange_table() -> None:
    """Take the table written at install beside the core if it is current (its header, length and checksum
    match the installed phonenumbers and VERDICT_SIGNATURE), else None: the memo path."""
    global _EXCHANGE_TABLE, _EXCHANGE_TABLE_READ
    from . import exchanges  # imported here: ``python -m frontline.extract.exchanges`` imports the core

    _EXCHANGE_TABLE = exchanges.read(exchanges.DEFAULT_PATH, VERDICT_SIGNATURE)  # checked: header, length, CRC
    _EXCHANGE_TABLE_READ = True


def _line_dependent_keys():
    """_LINE_DEPENDENT_KEYS, found once (every key if the metadata's patterns cannot be expanded: then no
    verdict is memoised)."""
    global _LINE_DEPENDENT_KEYS
    from . import exchanges

    try:
        _LINE_DEPENDENT_KEYS = exchanges.line_dependent_keys()
    except ValueError:
        _LINE_DEPENDENT_KEYS = range(exchanges.KEYS)
    return _LINE_DEPENDENT_KEYS


def clear_memos() -> None:
    """Empty the extractor's memos (the verdict of each area code and exchange and of each '+' number,
    the tokens of each chunk, the leet verdict of each word, the kinds of each set of kind bits): answers
    do not change, only the time the next texts take (``benchmarks/bench_extract.py`` times passes over
    ads never seen with them). The exchange table stays: it is not a memo but phonenumbers' verdict on
    every area code and exchange, precomputed at install."""
    _EXCHANGE_VERDICT.clear()
    _INTL_MEMO.clear()
    _LEET_MEMO.clear()
    _MASK_KINDS.clear()
    _CHUNK_MEMO.clear()


_MISSING = object()


_TYPES = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail",
          "fixed_line", "mobile")
_NOT_TARGET_TYPES = {"premium_rate", "toll_free", "shared_cost"}
#: What an exchange table's verdicts depend on besides phonenumbers' metadata (exchanges.header): the
#: number types in the order _classify_number tries them and those that are not targets. A change to how
#: _classify_number decides must change this (or exchanges.FORMAT), so that tables written before are refused.
VERDICT_SIGNATURE = repr((_TYPES, sorted(_NOT_TARGET_TYPES)))


@lru_cache(maxsize=None)
def _region_patterns(region: str):
    """phonenumbers' own metadata for a NANP region, compiled once: general pattern, leading digits,
    and the pattern of every number type."""
    m = PhoneMetadata.metadata_for_region(region)
    general = re.compile(m.general_desc.national_number_pattern)
    leading = re.compile(m.leading_digits) if m.leading_digits else None
    types = []
    for name in _TYPES:
        desc = getattr(m, name, None)
        if desc is not None and desc.national_number_pattern:
            types.append((name, re.compile(desc.national_number_pattern)))
    return general, leading, types


@lru_cache(maxsize=None)
def _type_alternation(region: str):
    """The region's number-type patterns as one alternation in _TYPES order: with ``fullmatch`` the
    first type whose pattern matches the whole number wins, as in a loop over the types."""
    _, _, types = _region_patterns(region)
    if not types:
        return None
    return re.compile("|".join(f"(?P<{name}>{pattern.pattern})" for name, pattern in types))


def _number_type(d: str, region: str) -> str | None:
    general, _, _ = _region_patterns(region)
    if general.fullmatch(d) is None:
        return None
    alternation = _type_alternation(region)
    m = alternation.fullmatch(d) if alternation is not None else None
    if m is None:
        return None
    return m.lastgroup  # the type's group encloses any group of its pattern, so it closes last


def _classify_number(d: str) -> tuple[bool, bool] | None:
    """phonenumbers' validity for a +1 number, from its metadata patterns (same verdict as
    ``is_valid_number``, which spends most of its time finding the region again)."""
    kind = _number_type(d, "US")
    if kind is not None:
        return _VALID_TARGET if kind not in _NOT_TARGET_TYPES else _VALID_OTHER
    # phonenumbers' own order for finding a +1 number's region: the first region whose leading digits
    # match claims the number (one alternation per run of such regions), a region without leading
    # digits claims it if one of its number types matches
    for group, region in _region_steps():
        if group is not None:
            m = group.match(d)
            if m is not None:
                claimed = m.lastgroup
                return _VALID_OTHER if _number_type(d, claimed) else None
        elif _number_type(d, region):
            return _VALID_OTHER
    return None


#: The two verdicts, shared: a new tuple per verdict would be one more object for the garbage collector to
#: follow in the memo (random digits fill it with hundreds of thousands).
_VALID_TARGET, _VALID_OTHER = (True, True), (True, False)


_NANP_REGIONS = [r for r in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[1] if r != "US"]


@lru_cache(maxsize=None)
def _region_steps() -> list:
    """_NANP_REGIONS in order as steps: (alternation of leading-digit patterns, None) for each run of
    regions with leading digits (alternatives tried in order, so the first region that matches wins),
    and (None, region) for a region without."""
    steps: list = []
    run: list = []
    for region in _NANP_REGIONS:
        _, leading, _ = _region_patterns(region)
        if leading is not None:
            run.append(f"(?P<{region}>{leading.pattern})")
            continue
        if run:
            steps.append((re.compile("|".join(run)), None))
            run = []
        steps.append((None, region))
    if run:
        steps.append((re.compile("|".join(run)), None))
    return steps


#: Verdicts of _international that phonenumbers gave (digits -> E.164 or None); clear_memos() empties it.
_INTL_MEMO: dict = {}
_INTL_MEMO_MAX = 10_000


@lru_cache(maxsize=None)
def _intl_plan(cc: int):
    """What phonenumbers' metadata says of every valid number of country calling code ``cc``, to rule out
    a '+' number without parsing it: (the main region's national prefix for parsing, compiled, or None;
    the lengths a valid national number can have: the general descriptions' possible lengths of the
    code's regions; their general patterns, as strings). None where the metadata leaves that open (no
    metadata, a region without possible lengths): parse decides."""
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(cc)
    if not regions:
        return None
    main = PhoneMetadata.metadata_for_region_or_calling_code(cc, regions[0])
    if main is None:
        return None
    lengths: set = set()
    patterns = []
    for region in regions:
        m = PhoneMetadata.metadata_for_region_or_calling_code(cc, region)
        general = m.general_desc if m is not None else None
        if general is None or not general.national_number_pattern:
            continue  # is_valid_number finds no number of this region valid
        if not general.possible_length:
            return None  # any length
        lengths.update(general.possible_length)
        patterns.append(general.national_number_pattern)
    prefix = main.national_prefix_for_parsing
    try:
        return (re.compile(prefix) if prefix else None, frozenset(lengths), tuple(patterns))
    except re.error:
        return None


@lru_cache(maxsize=None)
def _intl_generals(patterns: tuple) -> tuple:
    """The general patterns of _intl_plan, compiled (only for the codes whose numbers get that far) from
    the very strings phonenumbers compiles, so that re's cache holds one copy."""
    return tuple([re.compile(p) for p in patterns])


def _intl_ruled_out(digits: str) -> bool:
    """True only where ``phonenumbers.parse("+" + digits)`` followed by ``is_valid_number`` cannot give a
    valid number, for ASCII digits: parse takes the country calling code as the shortest prefix of one
    to three digits that is one (none: it raises); unless the main region's national prefix for parsing
    matches the rest, the rest is the national number unchanged, and is_valid_number then needs it to
    have a possible length of, and to match the general pattern of, one of the code's regions."""
    if digits[0] == "0":
        return True  # no country calling code starts with 0
    codes = phonenumbers.COUNTRY_CODE_TO_REGION_CODE
    for size in range(1, 4):
        cc = int(digits[:size])
        if cc in codes:
            break
    else:
        return True
    plan = _intl_plan(cc)
    if plan is None:
        return False
    prefix, lengths, patterns = plan
    rest = digits[size:]
    if prefix is not None and prefix.match(rest) is not None:
        return False  # parse may strip a national prefix (or transform the number): it decides
    if len(rest) not in lengths:
        return True
    for general in _intl_generals(patterns):
        if general.fullmatch(rest) is not None:
            return False
    return True


def _international(digits: str) -> str | None:
    """E.164 of a '+'-prefixed non-NANP number built from clean digits, if valid: phonenumbers' verdict,
    without parsing the numbers its metadata rules out (_intl_ruled_out) and parsing each other number
    once (_INTL_MEMO)."""
    if not (8 <= len(digits) <= 15) or digits.startswith("1"):
        return None
    if digits.isascii() and digits.isdigit() and _intl_ruled_out(digits):
        return None
    e164 = _INTL_MEMO.get(digits, _MISSING)
    if e164 is not _MISSING:
        return e164
    e164 = _international_parsed(digits)
    if len(_INTL_MEMO) >= _INTL_MEMO_MAX:
        _INTL_MEMO.clear()
    _INTL_MEMO[digits] = e164
    return e164


def _international_parsed(digits: str) -> str | None:
    """E.164 of "+" + digits if phonenumbers parses it as a valid number outside +1, else None."""
    try:
        num = phonenumbers.parse("+" + digits, None)  # clean digits only: no backtracking risk
    except phonenumbers.NumberParseException:
        return None
    if num.country_code != 1 and phonenumbers.is_valid_number(num):
        return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    return None


# --------------------------------------------------------------------------------------------------
# Tokens


class Tok:
    __slots__ = ("start", "end", "digits", "kind", "word", "blocked", "single", "wb")

    def __init__(self, start, end, digits, kind, word=""):
        self.start, self.end, self.digits, self.kind, self.word = start, end, digits, kind, word
        self.blocked = False
        self.single = False
        self.wb = 0  # other words between the previous token and this one

    def __repr__(self):  # pragma: no cover - debugging aid
        return f"Tok({self.start},{self.end},{self.digits!r},{self.kind})"


#: Digits followed by s or b that are plurals, cup sizes and weights ("20s", "36b", "5lb"), not lookalikes.
_PLURAL_RE = re.compile(r"[0-9]{1,3}(?:s|lbs?)|[0-9]{1,2}b")
_LETTER_RUN_RE = re.compile(r"[a-z!]{3}")


def _plurals_stay_words(text: str, toks: list[Tok]) -> None:
    """A plural, weight or cup size written in lower case ("20s", "105lbs", "36b") is a word, even in a
    run of digit groups shaped like a phone number ("in my 20s 555-0147" is not 205-555-0147): posters
    write the lookalike digits 5 and 8 as capital S and B, which is what they resemble."""
    for tk in toks:
        if tk.kind == "weak_lookalike" and text[tk.end - 1].islower() and _PLURAL_RE.fullmatch(tk.word):
            tk.kind = "block"


def _lookalike_ok(c: str) -> bool:
    """Whether a chunk of digits and lookalike letters (``LOOKALIKE_CHUNK_RE``) reads as digits.

    l, i, o and "!" (never first or last in a chunk) may stand anywhere. s and b also end plurals, cup
    sizes and weights, so a chunk holding them needs three characters, two real digits, no run of three
    letters (a word such as "lbs") and must not be a plural or cup size.
    """
    if "s" not in c and "b" not in c:
        return True
    return (len(c) >= 3 and len(c) - len(c.translate(_NO_DIGITS)) >= 2 and _LETTER_RUN_RE.search(c) is None
            and _PLURAL_RE.fullmatch(c) is None)


_NO_DIGITS = {ord(d): None for d in "0123456789"}
#: A letters-only chunk made of two or more number words, possibly joined by separator words
#: ("sevenzerosix", "threedashtwo"); homophones are left out (no "fortwo").
_COMPOUND_WORDS = sorted(w for w in WORDS if w.isalpha())
_COMPOUND_TRIE = _trie_regex(_COMPOUND_WORDS)
_COMPOUND_RE = re.compile("(?:" + _COMPOUND_TRIE + ")(?:(?:" + _SEP_WORDS_ALT + ")?(?:" + _COMPOUND_TRIE + "))+")


#: The first three letters of every number word a compound can start with (a cheap test before the regex).
_COMPOUND_HEADS = frozenset(w[:3] for w in _COMPOUND_WORDS)


def _is_compound(c: str) -> bool:
    """Whether a letters-only chunk is number words glued together (``_COMPOUND_RE``)."""
    return 6 <= len(c) <= _SPLIT_MAX_CHUNK and _COMPOUND_RE.fullmatch(c) is not None


#: A separator word glued inside a chunk ("626dash652dash9972").
_SEP_SPLIT_RE = re.compile("(" + _SEP_WORDS_ALT + ")")


def _split_on_separator_words(t: str, s: int, e: int, toks: list) -> bool:
    """Tokens of a chunk made of number parts joined by separator words ("626dash652", "threedashtwo",
    "dash7" after a keycap digit); False (nothing added) unless every part reads as a number."""
    c = t[s:e]
    parts = _SEP_SPLIT_RE.split(c)
    pieces = [(p, off) for p, off in zip(parts[0::2], list(accumulate([0] + [len(x) for x in parts[:-1]]))[0::2])]
    if sum(1 for p, _ in pieces if p) < 1 or any(not p for p, _ in pieces[1:-1]):
        return False
    new: list = []
    for p, off in pieces:
        if not p:
            continue
        k = len(new)
        _classify_chunk(t, s + off, s + off + len(p), new)
        if len(new) == k or any(tk.kind in ("text", "block", "hundred") for tk in new[k:]):
            return False
    toks.extend(new)
    return True


class _Part:
    """A piece of a chunk (digits or a number word), with the accessors of a regex match."""

    __slots__ = ("_s", "_e", "_g")

    def __init__(self, s: int, e: int, g: str):
        self._s, self._e, self._g = s, e, g

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self) -> str:
        return self._g


_MAX_WORD = max(map(len, ALL_WORDS))
_SPLIT_MAX_CHUNK = 80


def _split_parts(c: str) -> list[_Part] | None:
    """``c`` cut exactly into digit runs and number words (fewest pieces), or None. For chunks where
    SPLIT_RE's longest-first scan fails: "9zeroone" (not "zeroo" + "ne"), "threeeight".

    Dynamic programming over the chunk's positions, so linear in its length: a regular expression that
    tries every cut backtracks exponentially on ambiguous runs ("tootootoo...", digit runs)."""
    n = len(c)
    if n > _SPLIT_MAX_CHUNK or not any([ch.isalpha() for ch in c]):
        return None
    best: list = [None] * (n + 1)  # best[i]: pieces of c[:i]
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        ends = []
        if c[i].isdigit():
            k = i
            while k < n and c[k].isdigit():
                k += 1
            ends.append(k)
        else:
            ends.extend([k for k in range(i + 1, min(n, i + _MAX_WORD) + 1) if c[i:k] in ALL_WORDS])
        for k in ends:
            if best[k] is None or len(best[k]) > len(best[i]) + 1:
                best[k] = best[i] + [_Part(i, k, c[i:k])]
    return best[n] or None


def _classify_chunk(t: str, s: int, e: int, toks: list) -> None:
    """Turn one chunk of letters/digits into number tokens, or a word / blocked token."""
    c = t[s:e]
    if c.isdigit():
        toks.append(Tok(s, e, c, "digit"))
        return
    w = ALL_WORDS.get(c)
    if w is not None:
        kind, val = w
        if kind == "hundred":
            toks.append(Tok(s, e, "", "hundred", c))
        elif kind == "homophone":
            toks.append(Tok(s, e, val, "homophone", c))
        else:
            toks.append(Tok(s, e, val if kind != "tens" else val + "0", "word" if kind != "tens" else "tens", c))
        return
    # digits mixed with number words: "3one0", "zer0one", "twentyone"
    pos = 0
    parts = []
    for m in SPLIT_RE.finditer(c):
        if m.start() != pos or m.end() == m.start():
            parts = None
            break
        parts.append(m)
        pos = m.end()
    if not parts or pos != len(c):
        exact = _split_parts(c)  # the greedy scan took a long spelling ("zeroo|ne"): split exactly
        if exact is not None:
            parts, pos = exact, len(c)
    if parts and pos == len(c):
        wordish = [p for p in parts if not p.group().isdigit()]
        if wordish and all([ALL_WORDS[p.group()][0] != "homophone" or len(p.group()) > 2 for p in wordish]):
            for m in parts:
                g = m.group()
                if g.isdigit():
                    toks.append(Tok(s + m.start(), s + m.end(), g, "digit"))
                else:
                    kind, val = ALL_WORDS[g]
                    if kind == "hundred":
                        toks.append(Tok(s + m.start(), s + m.end(), "", "hundred", g))
                    else:
                        toks.append(Tok(s + m.start(), s + m.end(), val if kind != "tens" else val + "0",
                                        "homophone" if kind == "homophone" else ("tens" if kind == "tens" else "word"), g))
            return
    # lookalike letters glued to digits: "2l3", "o1o3", "2!3"
    if c.startswith("82") and len(c) > 2 and s > 0 and t[s - 1] == "*" and not c[2:].isdigit():
        toks.append(Tok(s, s + 2, "82", "digit"))  # a *82 prefix glued to lookalikes: "*82B1B"
        _classify_chunk(t, s + 2, e, toks)
        return
    if LOOKALIKE_CHUNK_RE.fullmatch(c) and any([ch.isdigit() for ch in c]) and len(c) >= 2:
        if _lookalike_ok(c):
            toks.append(Tok(s, e, "".join([LOOKALIKE.get(ch, ch) for ch in c]), "lookalike", c))
        else:  # "29s", "b1b": digits only where the text around is shaped like a number (_shaped_lookalikes)
            toks.append(Tok(s, e, "", "weak_lookalike", c))
        return
    if "!" in c and LOOKALIKE_CHUNK_RE.fullmatch(c):  # "b!b": lookalikes only, read in a number-shaped run
        toks.append(Tok(s, e, "", "weak_lookalike", c))
        return
    # separator words glued between number parts: "626dash652dash9972", "threedashtwo"
    if _SEP_SPLIT_RE.search(c) is not None and _split_on_separator_words(t, s, e, toks):
        return
    if any([ch.isdigit() for ch in c]):
        tok = Tok(s, e, "", "block", c)  # digits glued to other letters: 23yo, 36d, a8f93k2
        toks.append(tok)
        return
    toks.append(Tok(s, e, "", "text", c))


_SEP_WORDS = frozenset(L.SEPARATOR_WORDS)


def _word_token(kind: str, val: str) -> tuple[str, str]:
    """(digits, token kind) of a whole number word, as ``_classify_chunk`` makes it."""
    if kind == "hundred":
        return "", "hundred"
    if kind == "homophone":
        return val, "homophone"
    return (val + "0", "tens") if kind == "tens" else (val, "word")


_WORD_TOKENS = {w: _word_token(*v) for w, v in ALL_WORDS.items()}


def _tokenise(t: str, ws: int, we: int) -> list[Tok]:
    if COMPILED:  # one pass over the characters, which also looks for the hint of letter-spaced words
        toks = _tokenise_chars(t, ws, we, True)
        if toks is not None:
            return toks
        spaced = [(m.start(), m.end(), m.group()) for m in SPACED_RE.finditer(t, ws, we)]
        return _tokenise_spaced(t, ws, we, spaced) if spaced else _tokenise_chars(t, ws, we, False)
    if _has_spaced_hint(t, ws, we):  # every letter-spaced word shows the hint
        spaced = [(m.start(), m.end(), m.group()) for m in SPACED_RE.finditer(t, ws, we)]
        if spaced:
            return _tokenise_spaced(t, ws, we, spaced)
    # the common case, no letter-spaced words: the same loop without their bookkeeping. As plain Python
    # the window is split into gaps and chunks in C (parts[1::2] are exactly CHUNK_RE's matches) and the
    # chunks' offsets come from the running sum of the parts' lengths (compiled, _tokenise_chars).
    spans = list(accumulate(map(len, CHUNK_SPLIT_RE.split(t[ws:we])), initial=ws))[1:-1]
    toks: list[Tok] = []
    words = 0
    for k in range(0, len(spans), 2):
        s, e = spans[k], spans[k + 1]
        c = t[s:e]
        if c.isdigit():
            toks.append(_new_tok(s, e, c, "digit", "", words))
            words = 0
            continue
        out = _chunk_outcome(t, s, e)
        if out is None:
            words += 1
        elif out:
            for part in out:
                toks.append(_new_tok(s + part[0], s + part[1], part[2], part[3], part[4], words))
                words = 0
    return toks


#: Longest ASCII word the loop of ``_tokenise_chars`` looks up; longer runs of letters share the last length.
_KEY_LONG = max(len(w) for w in (*ALL_WORDS, *_SEP_WORDS)) + 1


def _word_key(c0: int, c1: int, length: int) -> int:
    """Index into ``_WORD_KEYS`` of a run of ``length`` lower-case ASCII letters starting with code points c0,
    c1 (c1 is 0 for a single letter)."""
    return ((c0 - 97) * 27 + (c1 - 97 if c1 else 26)) * (_KEY_LONG + 1) + min(length, _KEY_LONG)


def _word_keys() -> bytes:
    """1 at the key of every run of ASCII letters the tokeniser cannot count as a plain word without
    looking at it: a number word, a separator word, or six letters or more that start like a compound."""
    keys = bytearray(26 * 27 * (_KEY_LONG + 1))
    for w in (*ALL_WORDS, *_SEP_WORDS):
        if w.isascii() and w.isalpha():
            keys[_word_key(ord(w[0]), ord(w[1]) if len(w) > 1 else 0, len(w))] = 1
    for h in _COMPOUND_HEADS:
        if h.isascii():
            for length in range(6, _KEY_LONG + 1):
                keys[_word_key(ord(h[0]), ord(h[1]), length)] = 1
    return bytes(keys)


_WORD_KEYS = _word_keys()
#: What ``_tokenise`` makes of a chunk that is neither digits only nor a plain word, by chunk text: the
#: tokens as (start, end, digits, kind, word) relative to the chunk, or None for a word counted between
#: tokens, or () for a separator word. Valid for chunks not after a "*" (``_classify_chunk`` reads a
#: "*82" prefix there); cleared when full.
_CHUNK_MEMO: dict = {}
_CHUNK_MEMO_MAX = 50_000


def _chunk_outcome(t: str, s: int, e: int):
    """What ``_tokenise`` makes of the chunk t[s:e] (not digits only), as ``_CHUNK_MEMO`` holds it: the
    tokens as (start, end, digits, kind, word) relative to the chunk, None for a word counted between
    tokens, () for a separator word."""
    c = t[s:e]
    wt = _WORD_TOKENS.get(c)
    if wt is not None:
        return ((0, e - s, wt[0], wt[1], c),)
    if c.isalpha() and (len(c) < 6 or c[:3] not in _COMPOUND_HEADS or not _is_compound(c)):
        return () if c in _SEP_WORDS else None
    new: list = []
    _classify_chunk(t, s, e, new)
    return tuple([(tk.start - s, tk.end - s, tk.digits, tk.kind, tk.word) for tk in new])


def _chunk_trie() -> tuple[bytes, bytes, bytes, tuple]:
    """ALL_WORDS (all made of a-z and 0-9) as a trie over character codes (a-z 0-25, 0-9 26-35, 36 for any
    other character, which no word holds): (children, accept, lengths, words). The child of node ``k`` by
    code ``x`` is the big-endian pair of bytes at ``2 * (k * 37 + x)`` of children (0: none; node 0 is the
    root), ``accept[k]`` is 1 + the index in ``words`` of the word that ends at node k (0: none),
    ``lengths[j]`` the length of word j and ``words[j]`` its (word, digits, token kind, short): the digits
    and kind of ``_WORD_TOKENS``, and whether it is a homophone of two letters at most."""
    words = sorted(ALL_WORDS)
    assert all([re.fullmatch("[a-z0-9]+", w) is not None for w in words]) and len(words) < 255
    children: list = [[0] * 37]
    accept = [0]
    for j, w in enumerate(words):
        node = 0
        for ch in w:
            code = ord(ch) - 97 if "a" <= ch <= "z" else ord(ch) - 22  # as _char_code
            if not children[node][code]:
                children.append([0] * 37)
                accept.append(0)
                children[node][code] = len(children) - 1
            node = children[node][code]
        accept[node] = j + 1
    assert len(children) < 1 << 16
    info = tuple([(w, *_WORD_TOKENS[w], ALL_WORDS[w][0] == "homophone" and len(w) <= 2) for w in words])
    return (b"".join([x.to_bytes(2, "big") for row in children for x in row]), bytes(accept),
            bytes([len(w) for w in words]), info)


_CHUNK_CHILDREN, _CHUNK_ACCEPT, _CHUNK_LENGTHS, _CHUNK_WORDS = _chunk_trie()
#: Classes of the ASCII characters a chunk read by ``_chunk_tokens`` may hold, as bits: 1 a digit, 2 a
#: letter a-z, 4 a character of LOOKALIKE_CHUNK_RE other than a digit (l i o s b !), 8 a character that is
#: neither a digit nor in any number word (no exact split, ``_split_parts``, can hold it), 16 the first
#: letter of a separator word, 32 s or b (``_lookalike_ok``); 0 for the others.
_CHUNK_CLASSES = bytes((1 if 48 <= c <= 57 else 0) | (2 if 97 <= c <= 122 else 0) | (4 if chr(c) in "lios!b" else 0)
                       | (8 if (97 <= c <= 122 or c == 33) and chr(c) not in "".join(ALL_WORDS) else 0)
                       | (16 if chr(c) in {w[0] for w in L.SEPARATOR_WORDS} else 0) | (32 if chr(c) in "sb" else 0)
                       for c in range(128))
#: LOOKALIKE as a translation table (the digits a lookalike chunk reads as), and as the ASCII code each
#: character of a lookalike chunk becomes (compiled).
_LOOKALIKE_TABLE = str.maketrans(LOOKALIKE)
_LOOKALIKE_CODES = bytes(ord(LOOKALIKE.get(chr(c), chr(c))) for c in range(128))
_SEP_WORDS_TUPLE = tuple(L.SEPARATOR_WORDS)
#: Where ``_fewest_pieces`` writes its plan (three rows of at most _SPLIT_MAX_CHUNK + 1 bytes), read at once.
_PLAN = bytearray(3 * (_SPLIT_MAX_CHUNK + 1))


def _trie_next(children, node: int, o: int) -> int:
    """The node of ``_chunk_trie`` after ``node`` on the character of code ``o``; 0 (the root, never a
    child) where there is none: a number word holds only a-z and 0-9."""
    if 97 <= o <= 122:
        x = o - 97
    elif 48 <= o <= 57:
        x = o - 22
    else:
        return 0
    q = 2 * (node * 37 + x)
    return children[q] * 256 + children[q + 1]


def _digits_end(t: str, i: int, e: int) -> int:
    """The end of the run of ASCII digits that starts at i (at most e)."""
    while i < e and "0" <= _read(t, i) <= "9":
        i += 1
    return i


def _trie_longest(t: str, i: int, e: int, children, accept) -> int:
    """1 + the index in ``_CHUNK_WORDS`` (``_chunk_trie``) of the longest number word that t[i:e] starts
    with, 0 if none (what SPLIT_RE's trie alternative matches at i)."""
    node = 0
    found = 0
    while i < e:
        node = _trie_next(children, node, ord(_read(t, i)))
        if not node:
            break
        if accept[node]:
            found = accept[node]
        i += 1
    return found


def _fewest_pieces(t: str, s: int, e: int, children, accept):
    """``_split_parts``'s cut of the chunk t[s:e] (at most _SPLIT_MAX_CHUNK characters of a-z, 0-9 and "!",
    one letter at least) by the same dynamic programming over its positions, with the words found by
    walking the trie of ``_chunk_trie``: None if there is none, else a bytearray of three rows of n + 1
    bytes (n = e - s) where row 1 holds, at the end k of the cut of t[s:s + k], the start of its last
    piece and row 2 that piece's word (1 + its index in the trie's words; 0 for a run of digits); row 0
    counts the pieces (255: no cut). The bytearray is ``_PLAN``, rewritten by the next call."""
    n = e - s
    m = n + 1
    plan = _PLAN
    plan[0] = 0
    for k in range(1, m):
        plan[k] = 255
    for i in range(n):
        if plan[i] == 255:
            continue
        count = plan[i] + 1
        if "0" <= _read(t, s + i) <= "9":
            k = _digits_end(t, s + i, e) - s
            if plan[k] > count:  # (255 > count: no cut yet)
                plan[k], plan[m + k], plan[2 * m + k] = count, i, 0
            continue
        node = 0
        j = s + i
        while j < e:  # every number word t[s + i:j] (the trie's walk)
            node = _trie_next(children, node, ord(_read(t, j)))
            if not node:
                break
            j += 1
            if accept[node]:
                k = j - s
                if plan[k] > count:
                    plan[k], plan[m + k], plan[2 * m + k] = count, i, accept[node]
    return plan if plan[n] != 255 else None


def _chunk_tokens(t: str, s: int, e: int, toks: list, wb: int) -> bool:
    """The tokens ``_classify_chunk`` makes of the chunk t[s:e], appended to ``toks`` (the first with ``wb``
    words before it: ``_tokenise_chars``'s way) by passes over the chunk's characters, walking a trie of the
    number words (``_chunk_trie``) for SPLIT_RE's scan (the digit run at a digit, the longest number word at
    a letter) and for ``_split_parts``'s cut (``_fewest_pieces``). False, with nothing appended, for chunks
    left to ``_classify_chunk``: one holding a character outside a-z, 0-9 and "!", one after "*" read as a
    "*82" prefix and the rest, one split on a separator word. The compiled tokeniser reads its chunks with
    digits this way (tests hold it to ``_classify_chunk``)."""
    class_table, child_table = _CHUNK_CLASSES, _CHUNK_CHILDREN
    accept_table, length_table = _CHUNK_ACCEPT, _CHUNK_LENGTHS
    classes = class_table  # compiled: pointers to the tables' bytes
    children = child_table
    accept = accept_table
    lengths = length_table
    n = e - s
    digits = letters = looks = 0
    marks = 0  # the classes met
    for i in range(s, e):
        o = ord(_read(t, i))
        if o >= 128 or not classes[o]:
            return False
        cls = classes[o]
        marks |= cls
        if cls & 1:
            digits += 1
        elif cls & 2:
            letters += 1
        if cls & 4:
            looks += 1
    if digits == n:
        toks.append(_new_tok(s, e, t[s:e], "digit", "", wb))
        return True
    info = _CHUNK_WORDS
    k = _trie_longest(t, s, e, children, accept)
    if k and lengths[k - 1] == n:  # a number word
        w = info[k - 1]
        toks.append(_new_tok(s, e, w[1], w[2], w[0], wb))
        return True
    # SPLIT_RE's scan: digit runs and number words from the start to the end, no short homophone among them
    cut = True
    short = False
    i = s
    while i < e:
        if "0" <= _read(t, i) <= "9":
            i = _digits_end(t, i, e)
            continue
        k = _trie_longest(t, i, e, children, accept)
        if not k:
            cut = False
            break
        if info[k - 1][3]:
            short = True
        i += lengths[k - 1]
    if cut and not short:
        i = s
        while i < e:
            p = i
            if "0" <= _read(t, i) <= "9":
                i = _digits_end(t, i, e)
                toks.append(_new_tok(p, i, t[p:i], "digit", "", wb))
            else:
                k = _trie_longest(t, i, e, children, accept) - 1
                w = info[k]
                i += lengths[k]
                toks.append(_new_tok(p, i, w[1], w[2], w[0], wb))
            wb = 0
        return True
    if not cut and not marks & 8 and letters and n <= _SPLIT_MAX_CHUNK:
        plan = _fewest_pieces(t, s, e, children, accept)  # _split_parts
        if plan is not None:
            m = n + 1
            ends = []  # the pieces, last first: (end, start, word) each, read out of _PLAN before anything else
            short = False
            k = n
            while k:
                ends.append(k)
                ends.append(plan[m + k])
                ends.append(plan[2 * m + k])
                if plan[2 * m + k] and info[plan[2 * m + k] - 1][3]:
                    short = True
                k = plan[m + k]
            if not short:
                for j in range(len(ends) - 3, -1, -3):
                    k = s + ends[j]
                    p = s + ends[j + 1]
                    if ends[j + 2]:
                        w = info[ends[j + 2] - 1]
                        toks.append(_new_tok(p, k, w[1], w[2], w[0], wb))
                    else:
                        toks.append(_new_tok(p, k, t[p:k], "digit", "", wb))
                    wb = 0
                return True
    if n > 2 and s > 0 and _read(t, s - 1) == "*" and _read(t, s) == "8" and _read(t, s + 1) == "2":
        for i in range(s + 2, e):
            if not "0" <= _read(t, i) <= "9":
                return False  # a "*82" prefix glued to lookalikes
    c = t[s:e]
    if looks + digits == n:  # LOOKALIKE_CHUNK_RE matches
        if digits and n >= 2:
            if not marks & 32 or _lookalike_ok(c):  # (no s or b: ok)
                if COMPILED and n <= 64:  # the digits by code, from a buffer
                    code_table = _LOOKALIKE_CODES
                    codes = code_table
                    for i in range(n):
                        buf[i] = codes[ord(_read(t, s + i))]
                    read = PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, buf, n)
                else:
                    read = c.translate(_LOOKALIKE_TABLE)
                toks.append(_new_tok(s, e, read, "lookalike", c, wb))
            else:
                toks.append(_new_tok(s, e, "", "weak_lookalike", c, wb))
            return True
        if n > digits + letters:  # a "!"
            toks.append(_new_tok(s, e, "", "weak_lookalike", c, wb))
            return True
    if letters >= 3 and marks & 16:  # a separator word (_SEP_SPLIT_RE) may split it: _classify_chunk
        for i in range(s, e - 2):
            if classes[ord(_read(t, i))] & 16 and t.startswith(_SEP_WORDS_TUPLE, i, e):
                return False
    toks.append(_new_tok(s, e, "", "block" if digits else "text", c, wb))
    return True


def _new_tok(s: int, e: int, digits: str, kind: str, word: str, wb: int) -> Tok:
    """Tok(s, e, digits, kind, word) with ``wb`` set, made without calling ``__init__`` (compiled, a C call)."""
    tok = Tok.__new__(Tok)
    tok.start, tok.end, tok.digits, tok.kind, tok.word = s, e, digits, kind, word
    tok.blocked = False
    tok.single = False
    tok.wb = wb
    return tok


def _tokenise_chars(t: str, ws: int, we: int, hint: bool) -> list[Tok] | None:
    """The tokens of ``_tokenise``'s loop for windows without letter-spaced words, by one pass over the
    characters (what the compiled module runs): the chunks CHUNK_RE matches, with digit runs turned into
    tokens and plain words counted in the loop (a word whose first two letters and length match no number
    word, separator word or compound head is not sliced out), chunks with digits or a "!" read by
    ``_chunk_tokens`` (no memo: reading one costs about what a look-up does) and the other chunks read
    through ``_CHUNK_MEMO``. With ``hint``, None as soon as ``_SPACED_HINT_RE`` would match in t[ws:we] (a single
    letter after a space, then one or two spaces and a letter that no letter follows)."""
    toks: list[Tok] = []
    words = 0
    keys = _WORD_KEYS
    longest = _KEY_LONG
    stride = longest + 1
    memo = _CHUNK_MEMO
    i = ws
    while i < we:
        s = i
        letters = 0
        digits = 0
        other = False  # a letter outside a-z, or a "!" inside the chunk
        while i < we:
            ch = _read(t, i)
            if "a" <= ch <= "z":
                letters += 1
            elif "0" <= ch <= "9":
                digits += 1
            elif "\u00c0" <= ch <= "\u024f":
                other = True
            else:
                break
            i += 1
        if i == s:
            i += 1
            continue
        while i + 1 < we and _read(t, i) == "!" and ("a" <= _read(t, i + 1) <= "z" or "0" <= _read(t, i + 1) <= "9"):
            other = True
            i += 2
            while i < we and ("a" <= _read(t, i) <= "z" or "0" <= _read(t, i) <= "9"):
                i += 1
        e = i
        if hint and e == s + 1 and letters and s > ws and _read(t, s - 1) == " " and e < we and _read(t, e) == " ":
            p = e + 1
            if p < we and _read(t, p) == " ":
                p += 1
            if p < we and "a" <= _read(t, p) <= "z" and not (p + 1 < we and "a" <= _read(t, p + 1) <= "z"):
                return None
        if not other and not letters:
            toks.append(_new_tok(s, e, t[s:e], "digit", "", words))
            words = 0
            continue
        if not other and not digits:
            n = e - s  # _word_key, inlined
            c0 = ord(_read(t, s)) - 97
            if not keys[(c0 * 27 + (ord(_read(t, s + 1)) - 97 if n > 1 else 26)) * stride + min(n, longest)]:
                words += 1
                continue
        if (digits or other) and _chunk_tokens(t, s, e, toks, words):  # most chunks with digits: no memo
            words = 0
            continue
        if s > 0 and _read(t, s - 1) == "*":  # a "*82" prefix may be read: no memo
            out = _chunk_outcome(t, s, e)
        else:
            c = t[s:e]
            out = memo.get(c, _MISSING)
            if out is _MISSING:
                out = _chunk_outcome(t, s, e)
                if len(memo) >= _CHUNK_MEMO_MAX:
                    memo.clear()
                memo[c] = out
        if out is None:
            words += 1
        elif out:
            for part in out:
                toks.append(_new_tok(s + part[0], s + part[1], part[2], part[3], part[4], words))
                words = 0
    return toks


def _tokenise_spaced(t: str, ws: int, we: int, spaced: list) -> list[Tok]:
    toks: list[Tok] = []
    si = 0
    words = 0
    for m in CHUNK_RE.finditer(t, ws, we):
        s, e = m.span()
        while si < len(spaced) and spaced[si][1] <= s:
            si += 1
        if si < len(spaced) and spaced[si][0] <= s < spaced[si][1]:
            ss, se, g = spaced[si]
            if s == ss:
                kind, val = ALL_WORDS[g.replace(" ", "")]
                tok = Tok(ss, se, val if kind != "tens" else val + "0", "tens" if kind == "tens" else "word",
                          g.replace(" ", ""))
                tok.single = True  # spelled with spaces between letters
                tok.wb, words = words, 0
                toks.append(tok)
            continue
        c = m.group()
        if c.isalpha() and c not in ALL_WORDS and (len(c) < 6 or c[:3] not in _COMPOUND_HEADS or not _is_compound(c)):
            if c not in _SEP_WORDS:
                words += 1
            continue
        k = len(toks)
        if c.isdigit():
            toks.append(Tok(s, e, c, "digit"))
        else:
            _classify_chunk(t, s, e, toks)
        if len(toks) > k:
            toks[k].wb = words
            words = 0
    return toks


#: The usual digit-group layouts of a phone number, scored above others by ``_candidates``.
_LAYOUTS = {(3, 3, 4), (10,), (3, 7), (6, 4), (3, 3, 2, 2), (1, 3, 3, 4), (11,), (1, 10), (4, 3, 4)}
#: Group lengths (in characters) of a run of digit groups shaped like a phone number, the layouts that
#: make weak lookalikes read as digits: not 6-4 or 3-3-2-2, too loose for that.
_SHAPES = _LAYOUTS - {(6, 4), (3, 3, 2, 2)}
_SHAPE_GAP = frozenset(" -.()/+\n*~_|:" + L.NEUTRAL)
_SHAPE_KINDS = ("digit", "lookalike", "weak_lookalike")


def _bang_edges(tk: Tok, t: str) -> tuple[int, int]:
    """A token's span widened by a "!" (a lookalike 1) glued to either end ("66!", "!261")."""
    s, e = tk.start, tk.end
    n = len(t)
    if s > 0 and _read(t, s - 1) == "!" and (s < 2 or not _read(t, s - 2).isalnum()):
        s -= 1
    if e < n and _read(t, e) == "!" and (e + 1 >= n or not _read(t, e + 1).isalnum()):
        e += 1
    return s, e


def _star82_glued(tk: Tok, t: str) -> bool:
    """Whether a digit token starts with the digits of a *82 prefix (set apart by ``_split_prefixes``)."""
    return (tk.start > 0 and _read(t, tk.start - 1) == "*" and tk.kind == "digit" and tk.digits.startswith("82")
            and not (tk.start > 1 and t[tk.start - 2].isdigit()))


def _shape_gap_ok(gap: str) -> bool:
    """A gap between digit groups of a number shape: up to three separators, or a separator word."""
    if len(gap) <= 3:
        return all([ch in _SHAPE_GAP for ch in gap])
    if len(gap) > 12 or SEP_WORDS_RE.search(gap) is None:
        return False
    rest = SEP_WORDS_RE.sub("", gap)
    return len(rest) <= 3 and all([ch in _SHAPE_GAP for ch in rest])


#: For each ASCII character, whether it is in _SHAPE_GAP.
_SHAPE_GAP_ASCII = bytes(chr(c) in _SHAPE_GAP for c in range(128))


def _shape_gap_at(t: str, lo: int, hi: int) -> bool:
    """``_shape_gap_ok(t[lo:hi])`` (an empty gap where hi <= lo); compiled, a gap of up to three characters
    is read in place, without the slice."""
    if COMPILED and hi - lo <= 3:
        table = _SHAPE_GAP_ASCII
        gaps = table  # compiled: a pointer to the table's bytes
        for k in range(lo, hi):
            ch = _read(t, k)
            if not (gaps[ch] if ch < 128 else chr(ch) in _SHAPE_GAP):
                return False
        return True
    return _shape_gap_ok(t[lo:hi])


def _shaped_lookalikes(toks: list[Tok], t: str) -> None:
    """Read weak lookalikes ("29s", "b1b", "b!b", a "!" glued to a group's end) as digits when they sit
    in digit groups shaped like a phone number ("424 29S-79S2", "(B1B) 940-7S09", "66! 4lB 13S8");
    otherwise they stay blocked, so "in my 20s", a 36B cup size or "call me!" give no digits."""
    n = len(toks)
    marks = []
    for i in range(n):
        x = toks[i]
        if x.kind == "weak_lookalike" or (
                x.kind != "text" and ((x.end < len(t) and t[x.end] == "!") or (x.start > 0 and t[x.start - 1] == "!"))):
            marks.append(i)
    if not marks:
        return
    k = 0
    for m in marks:  # the run around each marked token starts at the first group joined to it
        if m < k:
            continue
        k = m
        while k > 0 and not _star82_glued(toks[k], t) and toks[k - 1].kind in _SHAPE_KINDS and not toks[k - 1].blocked \
                and not (_star82_glued(toks[k - 1], t) and len(toks[k - 1].digits) == 2) \
                and _shape_gap_at(t, max(_bang_edges(toks[k - 1], t)[1], toks[k - 1].end),
                                  min(_bang_edges(toks[k], t)[0], toks[k].start)):
            k -= 1
        tk = toks[k]
        if tk.kind not in _SHAPE_KINDS or tk.blocked or (_star82_glued(tk, t) and len(tk.digits) == 2):
            k += 1
            continue
        # a run of groups joined by separators; spans are (start, end) without a *82 before and with
        # a glued "!" (_bang_edges) at either end
        spans, wides = [], []
        j = k
        while True:
            cur = toks[j]
            s0 = cur.start + 2 if _star82_glued(cur, t) else cur.start
            ws, we = _bang_edges(cur, t)
            spans.append((s0, cur.end))
            wides.append((s0 if s0 != cur.start else ws, we))
            if j + 1 >= n:
                break
            nxt = toks[j + 1]
            if nxt.kind not in _SHAPE_KINDS or nxt.blocked or _star82_glued(nxt, t):
                break
            lo, hi = max(wides[-1][1], cur.end), min(_bang_edges(nxt, t)[0], nxt.start)
            if hi < lo or not _shape_gap_at(t, lo, hi):
                break
            j += 1
        run = toks[k:j + 1]
        k = j + 1
        if wides == spans and all([x.kind != "weak_lookalike" for x in run]):
            continue  # nothing weak and no "!" glued on: ordinary groups
        a = 0
        while a < len(run):
            for size in range(min(4, len(run) - a), 0, -1):
                sub = run[a:a + size]
                weak = any([x.kind == "weak_lookalike" for x in sub])
                plain = tuple([e - s for s, e in spans[a:a + size]])
                if plain in _SHAPES:
                    edges = spans[a:a + size]
                    if not weak:
                        break  # an ordinary number: leave it
                else:
                    edges = wides[a:a + size]
                    if tuple([e - s for s, e in edges]) not in _SHAPES:
                        continue
                for x, (s, e), (ps, _) in zip(sub, edges, spans[a:a + size]):
                    if x.kind == "weak_lookalike" or (s, e) != (ps, x.end):
                        s = min(s, x.start) if s < ps else x.start  # keep a *82 inside the token
                        word = t[s:e]
                        x.start, x.end, x.word = s, e, word
                        x.kind, x.digits = "lookalike", "".join([LOOKALIKE.get(ch, ch) for ch in word])
                break
            else:
                a += 1
                continue
            a += size


#: The token kinds ``_merge_words`` combines or looks at; a window without them needs none of its loop.
_MERGE_KINDS = frozenset(("weak_lookalike", "tens", "hundred"))


def _merge_words(toks: list[Tok], t: str) -> list[Tok]:
    """Combine tens + unit ("twenty one", "treinta y uno") and hundreds into one token; read lookalikes
    in number-shaped runs (``_shaped_lookalikes``)."""
    for tok in toks:
        if tok.kind in _MERGE_KINDS:
            break
    else:  # nothing to combine (most windows): the tokens as they are, without the copy the loop makes
        if toks and t.find("!", max(0, toks[0].start - 1), toks[-1].end + 1) >= 0:
            _shaped_lookalikes(toks, t)
        return toks
    out: list[Tok] = []
    i = 0
    n = len(toks)
    weak = False
    while i < n:
        tok = toks[i]
        if tok.kind == "weak_lookalike":
            weak = True
        elif tok.kind == "tens" and i + 1 < n:
            nxt = toks[i + 1]
            gap = t[tok.end:nxt.start]
            if nxt.kind == "word" and len(nxt.digits) == 1 and nxt.digits != "0" and gap.strip(" -") in ("", "y", "and"):
                merged = Tok(tok.start, nxt.end, tok.digits[0] + nxt.digits, "word", tok.word + nxt.word)
                out.append(merged)
                i += 2
                continue
        if tok.kind == "hundred":
            if out and out[-1].kind == "word" and len(out[-1].digits) == 1:
                prev = out.pop()
                j = i + 1
                tail = "00"
                if j < n and toks[j].kind in ("word", "tens") and t[tok.end:toks[j].start].strip(" -") in ("", "and", "y"):
                    if len(toks[j].digits) == 2:
                        tail = toks[j].digits
                        j += 1
                    elif toks[j].digits != "0":
                        tail = "0" + toks[j].digits
                        j += 1
                end = toks[j - 1].end if j > i + 1 else tok.end
                out.append(Tok(prev.start, end, prev.digits + tail, "word", prev.word + "hundred"))
                i = j
                continue
            tok.kind = "text"
        out.append(tok)
        i += 1
    if out and (weak or t.find("!", max(0, out[0].start - 1), out[-1].end + 1) >= 0):
        _shaped_lookalikes(out, t)
    return out


# --------------------------------------------------------------------------------------------------
# Links and candidates

TIGHT, WORDGAP, BREAK = 0, 1, 2


#: For each ASCII character, in a gap between two tokens: 1 a separator (SEP_CHARS), 2 a letter a-z (a
#: separator word may hold it), 0 anything else.
_GAP_CHARS = bytes(1 if chr(c) in SEP_CHARS else 2 if 97 <= c <= 122 else 0 for c in range(128))


def _link(t: str, a: Tok, b: Tok, words_between: int) -> int:
    if b.start <= a.end:
        return TIGHT
    if words_between == 0 and b.start == a.end + 1:  # one character: what _separator_link says of it
        return TIGHT if _read(t, a.end) in SEP_CHARS else BREAK
    if COMPILED:
        # the gap read in place (compiled): a gap of separators alone, or one with a character that is
        # neither a separator nor a letter, is decided here as _separator_link and the word-gap test
        # below decide it; a gap with letters (separator words?) goes on to them
        if words_between == 0:
            gap_table = _GAP_CHARS
            gaps = gap_table  # compiled: a pointer to the table's bytes
            letters = newlines = 0
            for k in range(a.end, b.start):
                ch = _read(t, k)
                cls = gaps[ch] if ch < 128 else (1 if chr(ch) in SEP_CHARS else 0)
                if cls == 0:
                    return BREAK
                if cls == 2:
                    letters += 1
                elif ch == 10:
                    newlines += 1
            if not letters:
                return TIGHT if b.start - a.end <= MAX_TIGHT_GAP and newlines <= 2 else BREAK
        elif words_between <= MAX_GAP_WORDS and b.start - a.end <= MAX_WORD_GAP:
            prev = 0
            for k in range(a.end, b.start):
                ch = _read(t, k)
                if ch == 36 or ch == 37 or ch == 64 or (ch == 10 and prev == 10):  # $ % @ and a blank line
                    return BREAK
                prev = ch
            return WORDGAP
        else:
            return BREAK
    gap = t[a.end:b.start]
    if words_between == 0:
        return _separator_link(gap)
    if words_between <= MAX_GAP_WORDS and len(gap) <= MAX_WORD_GAP and "$" not in gap and "%" not in gap \
            and "\n\n" not in gap and "@" not in gap:
        return WORDGAP
    return BREAK


@lru_cache(maxsize=4096)
def _separator_link(gap: str) -> int:
    """TIGHT if a gap without words holds only a bounded run of separators (or separator words)."""
    stripped = SEP_WORDS_RE.sub("", gap) if len(gap) > 2 else gap
    if len(stripped) <= MAX_TIGHT_GAP and len(gap) <= MAX_TIGHT_GAP + 20 and all(ch in SEP_CHARS for ch in stripped) \
            and stripped.count("\n") <= 2:
        return TIGHT
    return BREAK




def _split_prefixes(t: str, toks: list[Tok]) -> list[Tok]:
    """``toks`` with a prefix glued to the digits set apart as a token of its own: the country code of
    "+1..." ("+12 1 3, 5 8 5" is +1 213 585 ...; "+15" of keycap digits is +1 5...) and the *82 of
    "*826..." (``_star82_glued``), which ``_scan_tokens`` then treats like a *82 standing alone."""
    out = None
    for k, tk in enumerate(toks):
        cut = 0
        if tk.kind == "digit" and len(tk.digits) > 1 and not tk.blocked:
            if tk.digits[0] == "1" and tk.start > 0 and t[tk.start - 1] == "+":
                cut = 1
            elif len(tk.digits) > 2 and _star82_glued(tk, t):
                cut = 2
        if cut:
            if out is None:
                out = toks[:k]
            prefix = Tok(tk.start, tk.start + cut, tk.digits[:cut], "digit")
            prefix.wb = tk.wb
            out.append(prefix)
            out.append(Tok(tk.start + cut, tk.end, tk.digits[cut:], "digit"))
        elif out is not None:
            out.append(tk)
    return toks if out is None else out


def _homophone_kept(nums: list[Tok], links: list[int], k: int) -> bool:
    """Whether nums[k] stays a digit: a homophone only when glued to other digits by separators (else it
    is a word), a lone letter ("i", "l", "o") only between two such neighbours ("580 I can" is not 5801)."""
    tk = nums[k]
    if tk.kind != "homophone":
        return True
    left = k > 0 and links[k - 1] == TIGHT
    right = k < len(nums) - 1 and links[k] == TIGHT
    return (left and right) if len(tk.word) == 1 else (left or right)


def _junk_run(digits: str) -> bool:
    """Seven or more of one digit ("77777777"): filler, never a number's digit group."""
    return len(digits) >= 7 and digits.count(digits[0]) == len(digits)


def _lone_one(nums: list[Tok], links: list[int], i: int) -> bool:
    """Whether nums[i - 1] is a lone "1" (a country code) glued to nums[i] and standing apart before it."""
    if i == 0:
        return False
    one = nums[i - 1]
    return (one.digits == "1" and one.kind == "digit" and links[i - 1] == TIGHT
            and (i == 1 or links[i - 2] != TIGHT))


def _ranges(nums: list[Tok], links: list[int]) -> list:
    """The token ranges nums[i..j] that can give a NANP number, in order of start, as one flat list: start,
    end, score and eleven-digit flag of each range.

    A range starts and ends on token boundaries, is joined only by usable links (a word gap only
    between groups of at least three digits), and holds ten digits, or eleven (with a leading 1, which
    ``_range_candidate`` checks): from each start, the shortest range reaching ten digits (every token
    holds a digit, so at most ten tokens). Linear in the number of tokens.
    """
    n = len(nums)
    tight, wordgap = TIGHT, WORDGAP  # local copies: C integers when compiled
    high, low = _HIGH_BITS, _LOW_BITS
    # digits of the run of tightly linked tokens each token belongs to (word gaps need three on each side)
    segd = None
    if wordgap in links:
        segd = [0] * n
        start = run = 0
        for k in range(n):
            if k and links[k - 1] != tight:
                for q in range(start, k):
                    segd[q] = run
                start, run = k, 0
            run += len(nums[k].digits)
        for q in range(start, n):
            segd[q] = run
    out: list = []
    # a window nums[i..j] slides along the run: the shortest range from i reaching ten digits ends at or
    # after the one from i - 1, so j only moves forward. The window keeps its digits, its homophones, its
    # word gaps and its layout (the digits of each group, four bits each: a group holds at most eleven)
    j = -1
    total = code = hom = gaps = 0
    for i in range(n):
        if j < i:  # an empty window: start afresh at i
            tk = nums[i]
            j = i
            total = code = len(tk.digits)
            hom = tk.kind == "homophone"
            gaps = 0
        while total < 10 and j + 1 < n:
            lk = links[j]
            if lk == wordgap and segd[j] >= 3 and segd[j + 1] >= 3:
                gaps += 1
            elif lk != tight:
                break
            j += 1
            tk = nums[j]
            size = len(tk.digits)
            total += size
            code |= size << (4 * (j - i))
            hom += tk.kind == "homophone"
        if 10 <= total <= 11:
            if code in _LAYOUT_CODES:
                score = 2.0
            elif not code & high and not code & (code >> 1) & low:  # every group of one or two digits
                score = 1.5
            else:
                score = 0.0
            score -= gaps * 0.5
            score -= hom * 0.6
            if i == 0 or links[i - 1] != tight or _lone_one(nums, links, i):
                score += 1
            if j == n - 1 or links[j] != tight:
                score += 1
            out.append(i)
            out.append(j)
            out.append(score)
            out.append(total == 11)
        if j > i:  # nums[i] leaves the window
            tk = nums[i]
            total -= len(tk.digits)
            code >>= 4
            hom -= tk.kind == "homophone"
            if links[i] == wordgap:
                gaps -= 1
    return out


#: The usual layouts packed as ``_ranges`` packs a range's groups.
_LAYOUT_CODES = frozenset(sum(v << (4 * k) for k, v in enumerate(lay)) for lay in _LAYOUTS)
#: Masks over packed groups: a group of 0, 1 or 2 digits has neither of its two high bits set, nor both
#: of its two low bits.
_HIGH_BITS = int("1100" * 12, 2)
_LOW_BITS = int("0001" * 12, 2)


def _range_candidate(t: str, nums: list[Tok], links: list[int], i: int, j: int, score: float, eleven: bool):
    """The candidate (score, i, j, digits, prefix) for nums[i..j], or None if an eleven-digit range does
    not start with a country code 1 (``_country_code``)."""
    digits = "".join([tk.digits for tk in nums[i:j + 1]])
    prefix = ""
    if eleven:
        if not _country_code(t, nums, links, i, j):
            return None
        digits = digits[1:]
        prefix = "+1"
    return score, i, j, digits, prefix


def _country_code(t: str, nums: list[Tok], links: list[int], i: int, j: int) -> bool:
    """Whether the eleven digits of nums[i..j] start with a country code 1 ("1 213...", "+1213...",
    "12135550147")."""
    first = nums[i]
    if first.digits[0] != "1":
        return False
    plus = first.start > 0 and t[first.start - 1] == "+" or (first.start > 1 and t[first.start - 2:first.start] == "+ ")
    return bool((first.digits == "1" and first.kind == "digit" and (i == j or links[i] == TIGHT))
                or (first.kind == "digit" and len(first.digits) >= 4) or plus)


def _candidates(t: str, nums: list[Tok], links: list[int]) -> list:
    """(score, i, j, digits, prefix) for token ranges nums[i..j] giving a NANP number, in order of i."""
    ranges = _ranges(nums, links)
    out = []
    for k in range(0, len(ranges), 4):
        cand = _range_candidate(t, nums, links, ranges[k], ranges[k + 1], ranges[k + 2], ranges[k + 3])
        if cand is not None:
            out.append(cand)
    return out


#: Runs of at least this many number tokens (long runs of digits and words, as in adversarial text) are
#: ranked on arrays, and each candidate is built only when reached.
_VECTOR_MIN_TOKENS = 128
_SCORE = itemgetter(0)


def _free(taken: bytearray, i: int, j: int) -> bool:
    """Whether no token of nums[i..j] is ``taken`` (a loop of C reads when compiled, no method call)."""
    for k in range(i, j + 1):
        if taken[k]:
            return False
    return True


def _ranked_candidates(t: str, nums: list[Tok], links: list[int], taken: bytearray):
    """``_candidates`` best first (score down, then start). Long token runs are ranked on arrays and each
    candidate is built only when reached, skipping ranges that overlap a token already ``taken`` by then;
    the caller skips those of a short run itself."""
    if len(nums) < _VECTOR_MIN_TOKENS:
        # _candidates gives at most one candidate per start, in order of start: a stable sort on the
        # score alone, descending, keeps equal scores in that order
        ranked = _candidates(t, nums, links)
        if len(ranked) > 1:
            ranked.sort(key=_SCORE, reverse=True)
        return ranked
    return _ranked_long_run(t, nums, links, taken)


def _ranked_long_run(t: str, nums: list[Tok], links: list[int], taken: bytearray):
    ranges = _ranges(nums, links)
    if not ranges:
        return
    order = np.argsort(-np.array(ranges[2::4]), kind="stable").tolist()  # by score descending, then by start
    for k in order:
        k *= 4
        i, j = ranges[k], ranges[k + 1]
        if taken[i] or taken[j] or not _free(taken, i, j):  # the ends first: most overlaps show there
            continue
        cand = _range_candidate(t, nums, links, i, j, ranges[k + 2], ranges[k + 3])
        if cand is not None:
            yield cand



def _chosen(t: str, nums: list[Tok], links: list[int], taken: bytearray) -> list:
    """The numbers of a token run, as (i, j, digits, prefix, target) in the order picked: the candidates
    best first (``_ranked_candidates``), each kept if it overlaps no token ``taken`` by one kept before and
    ``classify_digits`` takes its digits. Compiled: ``_chosen_arrays``, the same on C arrays."""
    if COMPILED:
        return _chosen_arrays(t, nums, links, taken)
    chosen = []
    for score, i, j, digits, prefix in _ranked_candidates(t, nums, links, taken):
        if not _free(taken, i, j):
            continue
        res = classify_digits(digits)
        if res is None:
            continue
        for k in range(i, j + 1):
            taken[k] = 1
        chosen.append((i, j, digits, prefix, res[1]))
    return chosen


#: ``_LAYOUT_CODES`` as a table: 1 at each code up to the largest (a larger code is no usual layout).
_LAYOUT_MAX = max(_LAYOUT_CODES)
_LAYOUT_TABLE = bytes(1 if code in _LAYOUT_CODES else 0 for code in range(_LAYOUT_MAX + 1))


def _better(a, b) -> int:
    """libc's qsort order of two ranges (compiled only: each a ``_Ranked``, core.pxd): the higher score
    first, equal scores in the order the ranges were found (by start), as a stable sort by score gives."""
    x = cython.cast(_RankedPointer, a)
    y = cython.cast(_RankedPointer, b)
    if x.score != y.score:
        return -1 if x.score > y.score else 1
    return x.index - y.index


def _chosen_arrays(t: str, nums: list, links: list, taken: bytearray) -> list:
    """``_chosen`` with the ranges in C arrays (compiled only): ``_ranges``' sliding window over the sizes,
    homophones and links of the tokens read once, the ranges ordered by score (descending, equal scores in
    order of start: counted out by score when there are at most sixteen scores, else libc's qsort),
    and Python objects (the digits, the chosen tuple) made only for a range that is tried: one that
    overlaps no token taken by then. tests/test_extract_fastpaths.py holds it to the source's ``_chosen``."""
    n = len(nums)
    chosen: list = []
    tight, wordgap = TIGHT, WORDGAP
    high, low = _HIGH_BITS, _LOW_BITS
    layout_table = _LAYOUT_TABLE
    layouts = layout_table
    layout_max = _LAYOUT_MAX
    tp = taken
    # per token: digits (sizes: at most eleven, see _scan_tokens), 1 for a homophone and 2 for a lone digit
    # "1" (flags), link to the next (lks), digits of its run of tight links (segd); per range: start, end,
    # eleven digits or ten, score, order
    ints = cython.cast(cython.p_int, PyMem_Malloc(5 * (n + 1) * cython.sizeof(cython.int)))
    chars = cython.cast(cython.p_uchar, PyMem_Malloc(4 * (n + 1)))
    scores = cython.cast(cython.p_double, PyMem_Malloc((n + 1) * cython.sizeof(cython.double)))
    try:
        if not ints or not chars or not scores:
            raise MemoryError()
        segd, ri, rj, order, spare = ints, ints + (n + 1), ints + 2 * (n + 1), ints + 3 * (n + 1), ints + 4 * (n + 1)
        sizes, flags, lks, eleven = chars, chars + (n + 1), chars + 2 * (n + 1), chars + 3 * (n + 1)
        for k in range(n):
            tk = nums[k]
            sizes[k] = len(tk.digits)
            flags[k] = 0
            if tk.kind == "homophone":
                flags[k] = 1
            elif sizes[k] == 1 and _read(tk.digits, 0) == "1" and tk.kind == "digit":
                flags[k] = 2
            lks[k] = links[k] if k < n - 1 else tight
        start = run = 0
        for k in range(n):
            if k and lks[k - 1] != tight:
                for q in range(start, k):
                    segd[q] = run
                start, run = k, 0
            run += sizes[k]
        for q in range(start, n):
            segd[q] = run
        # the ranges, as _ranges finds and scores them
        m = 0
        j = -1
        total = code = hom = gaps = 0
        for i in range(n):
            if j < i:
                j = i
                total = code = sizes[i]
                hom = flags[i] & 1
                gaps = 0
            while total < 10 and j + 1 < n:
                lk = lks[j]
                if lk == wordgap and segd[j] >= 3 and segd[j + 1] >= 3:
                    gaps += 1
                elif lk != tight:
                    break
                j += 1
                size = sizes[j]
                total += size
                code |= size << (4 * (j - i))
                hom += flags[j] & 1
            if 10 <= total <= 11:
                if code <= layout_max and layouts[code]:
                    score = 2.0
                elif not code & high and not code & (code >> 1) & low:
                    score = 1.5
                else:
                    score = 0.0
                score -= gaps * 0.5
                score -= hom * 0.6
                # _lone_one(nums, links, i) from the flags and links
                if i == 0 or lks[i - 1] != tight or (flags[i - 1] & 2 and (i == 1 or lks[i - 2] != tight)):
                    score += 1
                if j == n - 1 or lks[j] != tight:
                    score += 1
                ri[m] = i
                rj[m] = j
                eleven[m] = total == 11
                scores[m] = score
                order[m] = m
                m += 1
            if j > i:
                total -= sizes[i]
                code >>= 4
                hom -= flags[i] & 1
                if lks[i] == wordgap:
                    gaps -= 1
        # order[:m]: the ranges by score, descending, equal scores in order of start. A few scores (as a
        # long run of digits has) are counted out: the ranges of the best score, then of the next...
        nd = 0
        last = -1
        for q in range(m):
            if last >= 0 and values[last] == scores[q]:
                spare[q] = last
                continue
            last = -1
            for d in range(nd):
                if values[d] == scores[q]:
                    last = d
                    break
            if last < 0:
                if nd == 16:
                    break
                values[nd] = scores[q]
                last = nd
                nd += 1
            spare[q] = last
        if last >= 0:
            for d in range(nd):  # the first slot of each score's ranges: after those of all better scores
                counts[d] = 0
            for q in range(m):
                counts[spare[q]] += 1
            for d in range(nd):
                slots[d] = 0
                for e in range(nd):
                    if values[e] > values[d]:
                        slots[d] += counts[e]
            for q in range(m):
                d = spare[q]
                order[slots[d]] = q
                slots[d] += 1
        else:  # too many scores: libc's qsort of (score, range) pairs, the better score first, then the earlier range
            ranked = cython.cast(_RankedPointer, PyMem_Malloc(max(m, 1) * cython.sizeof(_Ranked)))
            if not ranked:
                raise MemoryError()
            for q in range(m):
                ranked[q].score = scores[q]
                ranked[q].index = q
            qsort(ranked, m, cython.sizeof(_Ranked), _better)
            for q in range(m):
                order[q] = ranked[q].index
            PyMem_Free(ranked)
        # the ranges best first, each tried if it overlaps no token taken by then
        for r in range(m):
            q = order[r]
            i, j = ri[q], rj[q]
            if tp[i] or tp[j]:
                continue
            free = True
            for k in range(i + 1, j):
                if tp[k]:
                    free = False
                    break
            if not free:
                continue
            if eleven[q]:
                if not _country_code(t, nums, links, i, j):
                    continue
                digits = _range_digits(nums, i, j, 1)
                prefix = "+1"
            else:
                digits = _range_digits(nums, i, j, 0)
                prefix = ""
            if digits is None:
                continue
            res = classify_digits(digits)
            if res is None:
                continue
            for k in range(i, j + 1):
                tp[k] = 1
            chosen.append(_untracked((i, j, digits, prefix, res[1])))  # numbers and strings: no cycle
    finally:
        PyMem_Free(ints)
        PyMem_Free(chars)
        PyMem_Free(scores)
    return chosen


def _range_digits(nums: list, i: int, j: int, skip: int):
    """The ten digits of nums[i..j] after the first ``skip`` (compiled only: joined in a C buffer), or None
    if their area code or exchange starts with a character below "2": ``classify_digits`` takes no such
    digits, and no string is made for them."""
    size = 0
    for k in range(i, j + 1):
        tk = nums[k]
        d = tk.digits
        for c in range(len(d)):
            if size < 16:
                buf[size] = _read(d, c)
            size += 1
    if size - skip != 10 or size > 16:  # never (a range holds ten digits after a country code)
        return "".join([x.digits for x in nums[i:j + 1]])[skip:]
    if buf[skip] < 50 or buf[skip + 3] < 50:  # "2"
        return None
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf + skip, 10)


_ANCHOR_LENGTHS = (min(map(len, ANCHOR_WORDS_ASCII)), max(map(len, ANCHOR_WORDS_ASCII)))
#: The longest anchor word: a word holding characters other than a-z and 0-9 is looked up if no longer.
_ANCHOR_MAX = max(map(len, ANCHOR_WORDS))


def _char_code(ch: str) -> int:
    """The code of a character in the keys of ``_ANCHOR_KEYS`` and ``_glue_ends``: a-z 0-25, 0-9 26-35,
    anything else 36."""
    return ord(ch) - 97 if "a" <= ch <= "z" else (ord(ch) - 22 if "0" <= ch <= "9" else 36)


def _anchor_keys() -> bytes:
    stride = _ANCHOR_LENGTHS[1] + 1
    keys = {(_char_code(w[0]) * 37 + _char_code(w[1])) * stride + len(w) for w in ANCHOR_WORDS if w.isascii()}
    return bytes(1 if k in keys else 0 for k in range(37 * 37 * stride))


#: 1 at the key of every ASCII anchor word: a run of text whose first two characters and length match
#: no anchor word is not looked up (most words of an ad).
_ANCHOR_KEYS = _anchor_keys()


def _hint_pattern(classes: str) -> tuple[int, int]:
    """(value, mask) of a run of characters, oldest first, in the history ``_scan_anchors`` keeps of the
    last six characters' classes: two bits each, 1 for a letter a-z ("a"), 2 for a
    space (" "), 0 for anything else; "?" stands for any character (not compared)."""
    value = mask = 0
    for c in classes:
        value = (value << 2) | (1 if c == "a" else 2 if c == " " else 0)
        mask = (mask << 2) | (0 if c == "?" else 3)
    return value, mask


#: _SPACED_HINT_RE by character classes, as the history shows it at the character after its match (that
#: character is not a letter, or the text ends there): " x y" or " x  y".
_HINT_ONE = _hint_pattern(" a a?")
_HINT_TWO = _hint_pattern(" a  a?")


# The one-byte loops: most texts the extractor reads (normalised ads) hold only characters of Latin-1, which
# Python stores one byte each. The compiled module reads those bytes through a pointer and classifies them
# by tables, with no call per character; texts of other kinds take the general loops beside them.

#: The class of every Latin-1 character in the one-byte loops: 1 for a-z, 2 for 0-9, 3 for any other
#: character of a word (A-Z, or outside ASCII and not white space: what ``WORD_VIEW`` and ``split`` keep
#: besides a-z and 0-9), 0 for a character between words.
_WORD_CLASSES = bytes(1 if 97 <= c <= 122 else 2 if 48 <= c <= 57 else
                      3 if 65 <= c <= 90 or (c >= 128 and not chr(c).isspace()) else 0 for c in range(256))
#: Bits of every Latin-1 character: 1 if ``str.isalnum``, 2 if ``str.isalpha``.
_ALNUM_BITS = bytes((1 if chr(c).isalnum() else 0) | (2 if chr(c).isalpha() else 0) for c in range(256))
#: ``_char_code`` of every Latin-1 character.
_CHAR_CODES = bytes(_char_code(chr(c)) for c in range(256))
#: Bytes a word takes in the blob of a word table: more than the longest word a table holds.
_TABLE_WIDTH = 16


def _word_table(words) -> tuple:
    """A table that tells, from the characters alone, which of ``words`` a run of a-z and 0-9 is (the words
    made of a-z and 0-9 only; a run with other characters is looked up as a string):
    (slots, ends, blob, ordered, lo, hi, lengths, tails). The words are ``ordered`` by key, ``pair * (hi + 1) +
    length`` where pair is _char_code of their first character * 37 + that of their second (36 if none);
    ``slots[key]`` is 1 + the index of the first word with that key (0: none), ``ends[index]`` the index after
    the last word with the key of the word at ``index``, and ``blob[index * _TABLE_WIDTH:]`` the characters of
    that word. ``lengths[2 * pair]`` and the byte after it hold the lengths of the words that begin with the
    pair, as the bits of a 16-bit number, and ``tails[2 * code]`` and the byte after it those of the words that
    end with the character of that _char_code: cheap first tests, with tables small enough to stay in a
    cache near the processor."""
    plain = [w for w in words if re.fullmatch("[a-z0-9]+", w)]
    assert max(map(len, plain)) < _TABLE_WIDTH
    lo, hi = min(map(len, plain)), max(map(len, plain))

    def pair(w):
        return _char_code(w[0]) * 37 + (_char_code(w[1]) if len(w) > 1 else 36)

    def key(w):
        return pair(w) * (hi + 1) + len(w)

    ordered = tuple(sorted(plain, key=lambda w: (key(w), w)))
    assert len(ordered) < 255
    slots, ends = bytearray(37 * 37 * (hi + 1)), bytearray(len(ordered))
    for k in range(len(ordered) - 1, -1, -1):
        slots[key(ordered[k])] = k + 1
    for k in range(len(ordered)):
        ends[k] = max(j for j in range(len(ordered)) if key(ordered[j]) == key(ordered[k])) + 1
    blob = b"".join(w.encode().ljust(_TABLE_WIDTH, b"\0") for w in ordered)
    lengths, tails = bytearray(37 * 37 * 2), bytearray(37 * 2)
    for w in ordered:
        lengths[2 * pair(w) + len(w) // 8] |= 1 << (len(w) % 8)
        tails[2 * _char_code(w[-1]) + len(w) // 8] |= 1 << (len(w) % 8)
    return bytes(slots), bytes(ends), blob, ordered, lo, hi, bytes(lengths), bytes(tails)


def _table_index(b, s: int, length: int, slots, ends, blob, stride: int, codes) -> int:
    """The index in a word table (``_word_table``: its slots, ends, blob and hi + 1 as stride) of the
    word b[s:s + length], a run of a-z and 0-9 of ``lo`` to ``hi`` characters; -1 if it holds none."""
    k = slots[(codes[b[s]] * 37 + (codes[b[s + 1]] if length > 1 else 36)) * stride + length]
    if not k:
        return -1
    end = ends[k - 1]
    k -= 1
    while k < end:
        q = 0
        while q < length and blob[k * 16 + q] == b[s + q]:  # 16: _TABLE_WIDTH
            q += 1
        if q == length:
            return k
        k += 1
    return -1


_ANCHOR_TABLE = _word_table(ANCHOR_WORDS)


def _scan_anchors(t: str, zones: list, hits: set) -> bool:
    """What ``_windows`` starts from, found by one pass over the characters (the compiled module's way):
    DIGIT_ZONE_RE's zones, appended to ``zones`` as start, end, ASCII digits inside (three numbers a zone);
    the anchor words that stand as words of ``t`` (the words of ``t.translate(WORD_VIEW).split()``: runs of
    ASCII letters and digits and of characters outside ASCII other than white space), added to ``hits``;
    and, returned, whether _SPACED_HINT_RE matches in ``t``. Compiled, a text of one byte per character
    takes ``_scan_latin1``."""
    if COMPILED and PyUnicode_KIND(t) == 1:
        return _scan_latin1(t, PyUnicode_1BYTE_DATA(t), len(t), zones, hits)
    anchors = ANCHOR_WORDS
    table = _ANCHOR_KEYS
    keys = table  # compiled: a pointer to the table's bytes
    lo, hi = _ANCHOR_LENGTHS
    longest = _ANCHOR_MAX
    stride = hi + 1
    one, one_mask = _HINT_ONE
    two, two_mask = _HINT_TWO
    gap = WINDOW_GAP + 1  # the most a digit may follow the last one and stay in its zone
    zs = -1  # start of the current digit zone
    last = -gap - 1  # the last digit
    count = 0  # digits in the zone
    s = -1  # start of the current word, -1 outside one
    key = 0  # _char_code of the word's first character * 37 + that of its second
    odd = False  # the word holds characters other than a-z and 0-9, which no _ANCHOR_KEYS entry covers
    hist = 0  # the classes of the last six characters (_hint_pattern)
    hint = False
    i = -1
    for ch in t:
        i += 1  # the index of ch
        if "a" <= ch <= "z":
            if s < 0:
                s = i
                key = (ord(ch) - 97) * 37 + 36
            elif i == s + 1:
                key += ord(ch) - 97 - 36
            hist = ((hist << 2) | 1) & 0xFFF
            continue
        hist = ((hist << 2) | (2 if ch == " " else 0)) & 0xFFF
        if (hist & one_mask) == one or (hist & two_mask) == two:
            hint = True
        if "0" <= ch <= "9":
            if s < 0:
                s = i
                key = (ord(ch) - 22) * 37 + 36
            elif i == s + 1:
                key += ord(ch) - 22 - 36
            if i - last <= gap:
                count += 1
            else:
                if zs >= 0:
                    zones.append(zs)
                    zones.append(last + 1)
                    zones.append(count)
                zs = i
                count = 1
            last = i
        elif "A" <= ch <= "Z" or (ch >= "\x80" and not ch.isspace()):  # in a word, in no anchor word's keys
            if s < 0:
                s = i
            odd = True
        elif s >= 0:  # the end of a word
            if odd:
                if i - s <= longest:
                    w = t[s:i]
                    if w in anchors:
                        hits.add(w)
                odd = False
            elif lo <= i - s <= hi and keys[key * stride + i - s]:
                w = t[s:i]
                if w in anchors:
                    hits.add(w)
            s = -1
    if s >= 0:
        w = t[s:]
        if w in anchors:
            hits.add(w)
    hist = (hist << 2) & 0xFFF  # nothing after the text: not a letter
    if (hist & one_mask) == one or (hist & two_mask) == two:
        hint = True
    if zs >= 0:
        zones.append(zs)
        zones.append(last + 1)
        zones.append(count)
    return hint


def _scan_latin1(t: str, b, n: int, zones: list, hits: set) -> bool:
    """``_scan_anchors`` on a text of one byte per character, read through ``b``, a pointer to its ``n``
    characters (compiled only): the same zones, anchor words and hint, by ``_scan_run`` and
    ``_look_up_latin1``."""
    class_table, code_table = _WORD_CLASSES, _CHAR_CODES
    length_table, tail_table = _ANCHOR_TABLE[6], _ANCHOR_TABLE[7]
    cls = class_table  # compiled: pointers to the tables' bytes
    codes = code_table
    lengths = length_table
    tails = tail_table
    gap = WINDOW_GAP + 1
    state[0], state[1], state[2], state[3], state[4], state[5], state[6] = 0, -1, 0, -1, -gap - 1, 0, 0
    while state[0] <= n:
        _scan_run(b, n, gap, cls, codes, lengths, tails, _ANCHOR_TABLE[5], _ANCHOR_MAX, state, zone_buffer, 96,
                  word_buffer, 64)
        for k in range(state[7]):
            zones.append(zone_buffer[k])
        if state[8]:
            _look_up_latin1(t, b, word_buffer, state[8], hits)
    if state[3] >= 0:
        zones.append(state[3])
        zones.append(state[4] + 1)
        zones.append(state[5])
    return state[6] != 0


def _look_up_latin1(t: str, b, words, count: int, hits: set) -> None:
    """Adds to ``hits`` the anchor words among the ``count`` numbers of ``words`` that ``_scan_run`` put
    there (compiled only): words of a-z and 0-9 are looked up in ``_ANCHOR_TABLE``, the others as strings."""
    table = _ANCHOR_TABLE
    slot_table, end_table, blob_table, ordered, hi = table[0], table[1], table[2], table[3], table[5]
    code_table = _CHAR_CODES
    codes = code_table  # compiled: pointers to the tables' bytes
    slots = slot_table
    ends = end_table
    blob = blob_table
    anchors = ANCHOR_WORDS
    for k in range(0, count, 2):
        s, e = words[k], words[k + 1]
        if e < 0:  # a word with other characters than a-z and 0-9
            w = t[s:-e]
            if w in anchors:
                hits.add(w)
        else:
            j = _table_index(b, s, e - s, slots, ends, blob, hi + 1, codes)
            if j >= 0:
                hits.add(ordered[j])


def _windows_latin1(t: str, b, n: int) -> list:
    """``_windows`` on a text of one byte per character, read through ``b``, a pointer to its ``n``
    characters (compiled only). The digit zones stay C integers from the scan (``_scan_run``) through
    their merge with the anchor words (``_merge_latin1``) to the growth of the windows (``_grow_latin1``):
    the steps of ``_scan_anchors``, ``_merged_zones`` and ``_grown_windows``."""
    class_table, code_table = _WORD_CLASSES, _CHAR_CODES
    length_table, tail_table = _ANCHOR_TABLE[6], _ANCHOR_TABLE[7]
    cls = class_table  # compiled: pointers to the tables' bytes
    codes = code_table
    lengths = length_table
    tails = tail_table
    gap = WINDOW_GAP + 1
    # a zone starts more than WINDOW_GAP characters after the start of the one before: room for all
    room = 3 * (n // gap + 2)
    zones = zone_stack
    merged = merge_stack
    if room > 96:
        zones = cython.cast(cython.p_Py_ssize_t, PyMem_Malloc(room * cython.sizeof(cython.Py_ssize_t)))
        if not zones:
            raise MemoryError()
    try:
        state[0], state[1], state[2], state[3], state[4], state[5], state[6] = 0, -1, 0, -1, -gap - 1, 0, 0
        count = 0  # numbers in zones
        hits = None
        while state[0] <= n:
            _scan_run(b, n, gap, cls, codes, lengths, tails, _ANCHOR_TABLE[5], _ANCHOR_MAX, state, zones + count,
                      room - count, word_buffer, 64)
            count += state[7]
            if state[8]:
                if hits is None:
                    hits = set()
                _look_up_latin1(t, b, word_buffer, state[8], hits)
        if state[3] >= 0:
            zones[count] = state[3]
            zones[count + 1] = state[4] + 1
            zones[count + 2] = state[5]
            count += 3
        words = _anchor_places(t, hits) if hits else []
        if state[6]:
            words += _spaced_latin1(t, b, n)
        if not words:
            return _grow_latin1(t, b, n, zones, count)
        extra = _word_masses(words)
        if count + 3 * len(extra) > 96:
            merged = cython.cast(cython.p_Py_ssize_t,
                                 PyMem_Malloc((count + 3 * len(extra)) * cython.sizeof(cython.Py_ssize_t)))
            if not merged:
                raise MemoryError()
        return _grow_latin1(t, b, n, merged, _merge_latin1(zones, count, extra, merged))
    finally:
        if zones != zone_stack:
            PyMem_Free(zones)
        if merged != merge_stack:
            PyMem_Free(merged)


def _merge_latin1(zones, count: int, extra: list, merged) -> int:
    """``_merged_zones`` from C arrays (compiled only): the ``count`` numbers of ``zones`` (start, end, mass)
    and the anchor words ``extra`` as ``_word_masses`` gives them, joined into ``merged``; how many numbers
    it holds."""
    gap = WINDOW_GAP
    out = 0
    gs = ge = gm = -1  # the start, end and mass of the zone being joined (gs < 0: none yet), not yet in merged
    j = k = 0  # the next zone (the index of its start), the next word
    x = len(extra)
    while j < count or k < x:
        if k < x:
            key = extra[k]
            s, e, m = key >> 12, (key >> 12) + (key >> 2 & 1023), key & 3
        if k == x or (j < count and zones[j] <= s):
            s, e, m = zones[j], zones[j + 1], zones[j + 2]
            j += 3
        else:
            k += 1
        if gs >= 0 and s - ge <= gap:
            ge = max(ge, e)
            gm += m
        else:
            if gs >= 0:
                merged[out], merged[out + 1], merged[out + 2] = gs, ge, gm
                out += 3
            gs, ge, gm = s, e, m
    if gs >= 0:
        merged[out], merged[out + 1], merged[out + 2] = gs, ge, gm
        out += 3
    return out


def _grow_latin1(t: str, b, n: int, zones, count: int) -> list:
    """``_grown_windows`` from the ``count`` numbers of the C array ``zones`` on a text of one byte per
    character read through ``b`` (compiled only), its characters classified by ``_ALNUM_BITS``."""
    need = MIN_WINDOW_DIGITS
    alnum_table = _ALNUM_BITS
    alnum = alnum_table  # compiled: a pointer to the table's bytes
    out = []
    wa = wb = wm = -1  # the window being extended (wm < 0: none yet), not yet in out
    for j in range(0, count, 3):
        ws, we, mass = zones[j], zones[j + 1], zones[j + 2]
        if 2 <= mass < need:
            mass += _homophones_latin1(t, b, ws, we)
        if mass < need:
            mass += _glued_mass_latin1(t, b, n, ws, we)
            if mass < need:
                continue
        a = max(0, ws - 24)
        while a > 0 and a > ws - 60 and alnum[b[a - 1]] & 1:
            a -= 1
        e = min(n, we + 24)
        while e < n and e < we + 60 and alnum[b[e]] & 1:
            e += 1
        wa, wb, wm = _joined(out, wa, wb, wm, a, e, mass)
    if wm >= 0:
        out.append((wa, wb, wm))
    return out


def _scan_run(b, n: int, gap: int, cls, codes, lengths, tails, hi: int, longest: int, state, zone_buffer,
              zone_room: int, word_buffer, word_room: int) -> None:
    """The loop of ``_scan_latin1`` (compiled only) from ``state`` on, until past the end of the text (its
    terminating NUL, which ``cls`` puts between words, ends the last run) or until a buffer is full: the
    digit zones that end go to ``zone_buffer`` (start, end, digits), the words that may be anchor words to
    ``word_buffer`` (start, end; minus the end for a word with characters other than a-z and 0-9; a word of
    a-z and 0-9 only if ``lengths`` and ``tails`` (of ``_ANCHOR_TABLE``, whose longest word has ``hi``
    characters) hold its first two characters and length, and its last character and length), and the state
    back to ``state`` with, after it, how many numbers each buffer holds. Characters are read a run of a-z or
    of 0-9 at a time and classified by ``_WORD_CLASSES``."""
    i, s, odd, zs, last, count, hint = state[0], state[1], state[2], state[3], state[4], state[5], state[6]
    zones = words = 0
    # the lengths of the anchor words that begin as the current word does, read where it starts (its second
    # character, or what follows a word of one character, which has code 36, is there to read: the text ends
    # with a NUL)
    key = 2 * (codes[b[s]] * 37 + codes[b[s + 1]]) if s >= 0 else 0
    fits = lengths[key] | (lengths[key + 1] << 8)
    while i <= n:
        c = cls[b[i]]
        if c == 0:  # between words
            if s >= 0:  # the word b[s:i] ends
                if words == word_room:
                    break
                if odd:
                    if i - s <= longest:
                        word_buffer[words] = s
                        word_buffer[words + 1] = -i
                        words += 2
                elif i - s <= hi and (fits >> (i - s)) & 1 and (
                        (tails[2 * codes[b[i - 1]]] | (tails[2 * codes[b[i - 1]] + 1] << 8)) >> (i - s)) & 1:
                    word_buffer[words] = s
                    word_buffer[words + 1] = i
                    words += 2
                s = -1
            i += 1
        elif c == 1:  # a-z
            if s < 0:
                s = i
                odd = False
                key = 2 * (codes[b[i]] * 37 + codes[b[i + 1]])
                fits = lengths[key] | (lengths[key + 1] << 8)
            r = i
            i += 1
            while cls[b[i]] == 1:
                i += 1
            # _SPACED_HINT_RE, " [a-z] {1,2}[a-z](?![a-z])": this run is its last letter, one letter after a
            # space, and one letter between spaces comes one or two spaces before it
            if i == r + 1 and r == s and s >= 3 and b[s - 1] == 32 and (
                    (cls[b[s - 2]] == 1 and b[s - 3] == 32) or
                    (s >= 4 and b[s - 2] == 32 and cls[b[s - 3]] == 1 and b[s - 4] == 32)):
                hint = True
        elif c == 2:  # 0-9
            if s < 0:
                s = i
                odd = False
                key = 2 * (codes[b[i]] * 37 + codes[b[i + 1]])
                fits = lengths[key] | (lengths[key + 1] << 8)
            if i - last <= gap:
                count += 1
            else:
                if zs >= 0:
                    if zones == zone_room:
                        break
                    zone_buffer[zones] = zs
                    zone_buffer[zones + 1] = last + 1
                    zone_buffer[zones + 2] = count
                    zones += 3
                zs = i
                count = 1
            r = i
            i += 1
            while cls[b[i]] == 2:
                i += 1
            count += i - r - 1
            last = i - 1
        else:  # another character of a word
            if s < 0:
                s = i
            odd = True
            i += 1
    state[0], state[1], state[2], state[3], state[4], state[5], state[6] = i, s, odd, zs, last, count, hint
    state[7], state[8] = zones, words


def _anchor_places(t: str, hits) -> list[tuple[int, int, str]]:
    """Every place of the anchor words ``hits`` in ``t`` where they stand apart from other letters.
    Compiled, where ``t`` and a word are of one byte per character, ``_places_latin1`` finds its places."""
    out = []
    n = len(t)
    latin1 = COMPILED and PyUnicode_KIND(t) == 1
    for w in hits:
        k = len(w)
        if latin1 and k and PyUnicode_KIND(w) == 1:
            _places_latin1(PyUnicode_1BYTE_DATA(t), n, w, PyUnicode_1BYTE_DATA(w), k, out)
            continue
        pos = t.find(w)
        while pos >= 0:
            before = t[pos - 1] if pos else " "
            after = t[pos + k] if pos + k < n else " "
            if not ("a" <= before <= "z" or "a" <= after <= "z"):
                out.append((pos, pos + k, w))
            pos = t.find(w, pos + k)
    return out


#: How rare a character is in English text (higher, rarer): ``_places_latin1`` looks for a word's rarest one.
_RARITY = bytes(1 + "etaoinshrdlcumwfgypbvkjxqz".index(chr(c)) if 97 <= c <= 122 else 14 for c in range(256))


def _places_latin1(b, n: int, w: str, wb, k: int, out: list) -> None:
    """The loop of ``_anchor_places`` for one word ``w`` (its characters ``wb``, ``k`` of them) in a text
    ``b`` of ``n`` characters, both of one byte per character (compiled only): the places of
    ``t.find(w, pos)`` (the first, then each from the end of the last), those without a-z on either side
    appended to ``out``. The rarest character of the word is looked for by ``memchr``."""
    rarity_table = _RARITY
    rarity = rarity_table  # compiled: a pointer to the table's bytes
    off = 0  # the offset of the rarest character in the word
    for q in range(1, k):
        if rarity[wb[q]] > rarity[wb[off]]:
            off = q
    c = wb[off]
    p = 0  # where the next place may start
    while p <= n - k:
        found = cython.cast(cython.Py_ssize_t, memchr(b + p + off, c, n - k + 1 - p))
        if not found:
            break
        p = found - cython.cast(cython.Py_ssize_t, b) - off
        q = 0
        while q < k and b[p + q] == wb[q]:
            q += 1
        if q < k:
            p += 1
            continue
        if not ((p > 0 and 97 <= b[p - 1] <= 122) or (p + k < n and 97 <= b[p + k] <= 122)):
            out.append(_untracked((p, p + k, w)))  # numbers and a string: no cycle to look for
        p += k


def _word_anchors(t: str) -> list[tuple[int, int, str]]:
    """Positions of number words standing alone (not inside other words), found without a regex scan."""
    if t.isascii():  # bytes translate with a 256-byte table is several times faster than a str dict
        hits = [w.decode() for w in ANCHOR_WORDS_ASCII.intersection(t.encode().translate(WORD_VIEW_BYTES).split())]
    else:
        hits = ANCHOR_WORDS.intersection(t.translate(WORD_VIEW).split())
    return _anchor_places(t, hits)


#: Cheap test for letter-spaced words ("t h r e e"): a single letter between spaces, then another letter.
_SPACED_HINT_RE = re.compile(r" [a-z] {1,2}[a-z](?![a-z])")


def _spaced_words(t: str) -> list[tuple[int, int, str]]:
    """The matches of SPACED_RE in ``t`` as (start, end, word without its spaces). Compiled, in a text of one
    byte per character, the expression is tried only where a match can start (``_spaced_latin1``)."""
    if COMPILED and PyUnicode_KIND(t) == 1:
        return _spaced_latin1(t, PyUnicode_1BYTE_DATA(t), len(t))
    return [(m.start(), m.end(), m.group().replace(" ", "")) for m in SPACED_RE.finditer(t)]


def _spaced_latin1(t: str, b, n: int) -> list[tuple[int, int, str]]:
    """``_spaced_words`` on a text of one byte per character, read through ``b`` (compiled only; its
    terminating NUL stands for the end): SPACED_RE is matched at each place where its head,
    ``[a-z](?<![a-z][a-z])(?=[ ]{1,2}[a-z](?![a-z]))``, holds, from the end of the last match on, as
    ``finditer`` finds its matches."""
    out = []
    spaced = SPACED_RE
    p = 0
    while p + 2 < n:
        if 97 <= b[p] <= 122 and b[p + 1] == 32 and not (p > 0 and 97 <= b[p - 1] <= 122) and (
                (97 <= b[p + 2] <= 122 and not 97 <= b[p + 3] <= 122) or
                (b[p + 2] == 32 and 97 <= b[p + 3] <= 122 and not 97 <= b[p + 4] <= 122)):
            m = spaced.match(t, p)
            if m is not None:
                out.append(_untracked((p, m.end(), m.group().replace(" ", ""))))
                p = m.end()
                continue
        p += 1
    return out


def _spaced_anchors(t: str) -> list[tuple[int, int, str]]:
    """Number words spelled with spaces between their letters ("T H R E E"), as window anchors
    (start, end, word), like ``_word_anchors`` gives for words standing alone."""
    if not _has_spaced_hint(t, 0, len(t)):
        return []
    return _spaced_words(t)


def _has_spaced_hint(t: str, ws: int, we: int) -> bool:
    """Whether ``_SPACED_HINT_RE`` matches in t[ws:we] (the Python source's way; compiled, ``_scan_anchors``
    and ``_tokenise_chars`` watch for it in their own passes)."""
    return _SPACED_HINT_RE.search(t, ws, we) is not None


#: Chunks around a digit zone: how far to look on each side for number words glued to its digits.
_GLUED_REACH = 30
_WORD_IN_CHUNK_RE = re.compile(_COMPOUND_TRIE)
_PIECE = r"(?:[0-9]++|" + _COMPOUND_TRIE + r")"
#: A chunk of two or more digit runs and number words glued together ("3twoseven", "sevenzerosix",
#: "threedashtwo"), found in one scan.
_GLUED_CHUNK_RE = re.compile(r"(?<![a-z0-9])" + _PIECE + r"(?:(?:" + _SEP_WORDS_ALT + r")?" + _PIECE
                             + r")+(?![a-z0-9])")


def _glue_ends() -> tuple[bytes, bytes]:
    """Which three characters (by _char_code, at ``(c0 * 37 + c1) * 37 + c2``) a chunk can begin and end with
    when a number word of _COMPOUND_WORDS begins or ends it (a shorter word, then or after any characters)."""
    heads, tails = bytearray(37 ** 3), bytearray(37 ** 3)
    for w in _COMPOUND_WORDS:
        codes = [_char_code(c) for c in w]
        for pad in product(range(37), repeat=max(0, 3 - len(codes))):
            head, tail = (codes + list(pad))[:3], (list(pad) + codes)[-3:]
            heads[(head[0] * 37 + head[1]) * 37 + head[2]] = 1
            tails[(tail[0] * 37 + tail[1]) * 37 + tail[2]] = 1
    return bytes(heads), bytes(tails)


_GLUE_HEADS, _GLUE_TAILS = _glue_ends()


def _glued_candidates(t: str, start: int, end: int) -> bool:
    """Whether t[start:end] holds a run of a-z and 0-9 that _GLUED_CHUNK_RE might match with a number word
    in it: a run with a letter, and a digit or four characters at least (two pieces), that begins and ends
    with a digit or the way a number word does. A necessary condition only, checked by one pass over the
    characters so that the regex runs where it can find something (compiled, through a pointer to the
    characters of a text of one byte each: ``_glued_candidates_latin1``)."""
    if COMPILED and PyUnicode_KIND(t) == 1:
        n = len(t)
        start, end = _slice_bounds(start, n), _slice_bounds(end, n)
        return start < end and _glued_candidates_latin1(PyUnicode_1BYTE_DATA(t), start, end)
    head_table, tail_table = _GLUE_HEADS, _GLUE_TAILS
    heads = head_table  # compiled: pointers to the tables' bytes
    tails = tail_table
    s = -1  # start of the current run, -1 outside one
    letter = digit = False
    i = start - 1
    for ch in t[start:end] + " ":  # a space ends the last run
        i += 1  # the index of ch in t
        if "a" <= ch <= "z":
            if s < 0:
                s = i
            letter = True
        elif "0" <= ch <= "9":
            if s < 0:
                s = i
            digit = True
        elif s >= 0:
            if letter and (digit or i - s >= 4) and i - s >= 3:
                c0, c1, c2 = t[s], t[s + 1], t[s + 2]
                d0, d1, d2 = t[i - 3], t[i - 2], t[i - 1]
                if ("0" <= c0 <= "9" or heads[(_char_code(c0) * 37 + _char_code(c1)) * 37 + _char_code(c2)]) and (
                        "0" <= d2 <= "9" or tails[(_char_code(d0) * 37 + _char_code(d1)) * 37 + _char_code(d2)]):
                    return True
            s = -1
            letter = digit = False
    return False


def _glued_candidates_latin1(b, start: int, end: int) -> bool:
    """``_glued_candidates`` on the characters b[start:end] of a text of one byte per character
    (0 <= start < end <= its length)."""
    head_table, tail_table, class_table, code_table = _GLUE_HEADS, _GLUE_TAILS, _WORD_CLASSES, _CHAR_CODES
    heads = head_table  # compiled: pointers to the tables' bytes
    tails = tail_table
    cls = class_table
    codes = code_table
    i = start
    while i < end:
        c = cls[b[i]]
        if c != 1 and c != 2:
            i += 1
            continue
        s = i  # a run of a-z and 0-9
        letter = digit = False
        while i < end:
            c = cls[b[i]]
            if c == 1:
                letter = True
            elif c == 2:
                digit = True
            else:
                break
            i += 1
        if letter and (digit or i - s >= 4) and i - s >= 3:
            if (cls[b[s]] == 2 or heads[(codes[b[s]] * 37 + codes[b[s + 1]]) * 37 + codes[b[s + 2]]]) and (
                    cls[b[i - 1]] == 2 or tails[(codes[b[i - 3]] * 37 + codes[b[i - 2]]) * 37 + codes[b[i - 1]]]):
                return True
    return False


def _glued_mass(t: str, ws: int, we: int) -> int:
    """Number words glued to digits or to each other ("3twoseven", "sevenzerosix") in the chunks around
    a digit zone: they are not anchors (not words standing alone), but count towards a window's mass."""
    n = len(t)
    if not _glued(t[max(0, ws - 1):we + 1]) and not (
            ws > 1 and t[ws - 1] in "-._" and t[ws - 2].isalpha()) and not (
            we + 1 < n and t[we] in "-._" and t[we + 1].isalpha()):
        return 0  # no digit glued to a letter in the zone: "$150", "420 friendly", "5'6\", 120 lbs"
    start, end = max(0, ws - _GLUED_REACH), min(n, we + _GLUED_REACH)
    if COMPILED and not _glued_candidates(t, start, end):
        return 0  # no chunk to look at: "10am-2am", "2hrs"
    mass = 0
    for c in _GLUED_CHUNK_RE.findall(t, start, end):
        for w in _WORD_IN_CHUNK_RE.findall(c):
            mass += 2 if WORDS[w][0] in ("teen", "tens") else 1
    return mass


def _glued_mass_latin1(t: str, b, n: int, ws: int, we: int) -> int:
    """``_glued_mass`` on a text of one byte per character, read through ``b`` (compiled only; 0 <= ws < we
    <= n): its tests by ``_touch_latin1``, ``_ALNUM_BITS`` and ``_glued_candidates_latin1``."""
    alpha_table = _ALNUM_BITS
    alpha = alpha_table  # compiled: a pointer to the table's bytes
    if not _touch_latin1(b, max(0, ws - 1), min(n, we + 1)) and not (
            ws > 1 and (b[ws - 1] == 45 or b[ws - 1] == 46 or b[ws - 1] == 95) and alpha[b[ws - 2]] & 2) and not (
            we + 1 < n and (b[we] == 45 or b[we] == 46 or b[we] == 95) and alpha[b[we + 1]] & 2):
        return 0  # "-", ".", "_"
    start, end = max(0, ws - _GLUED_REACH), min(n, we + _GLUED_REACH)
    if not _glued_candidates_latin1(b, start, end):
        return 0
    mass = 0
    for c in _GLUED_CHUNK_RE.findall(t, start, end):
        for w in _WORD_IN_CHUNK_RE.findall(c):
            mass += 2 if WORDS[w][0] in ("teen", "tens") else 1
    return mass


def _touch_latin1(b, start: int, end: int) -> bool:
    """Whether an ASCII letter and digit touch in b[start:end], characters of one byte each (``_glued`` of
    them is not 0; compiled only)."""
    class_table = _WORD_CLASSES
    cls = class_table  # compiled: a pointer to the table's bytes
    prev = 0  # the class of the character before
    for i in range(start, end):
        c = cls[b[i]]
        if (c == 1 and prev == 2) or (c == 2 and prev == 1):
            return True
        prev = c
    return False


#: A stretch of text where digit runs follow each other with at most WINDOW_GAP other characters between.
DIGIT_ZONE_RE = re.compile(r"[0-9](?:[^0-9]{0,%d}+[0-9])*+" % WINDOW_GAP)


_ASCII_DIGITS = b"0123456789"


def _digit_count(s: str) -> int:
    """ASCII digits in ``s``. In UTF-8 every other character is encoded without bytes 0x30-0x39, so
    deleting the digit bytes in C counts them."""
    b = s.encode("utf-8", "surrogatepass")
    return len(b) - len(b.translate(None, _ASCII_DIGITS))


#: Homophones of two letters or more ("won", "for", "oh"); lone letters are too common to count.
_HOMOPHONE_WORDS = frozenset(w for w in HOMOPHONES if len(w) >= 2)
_HOMOPHONE_LENGTHS = (min(map(len, _HOMOPHONE_WORDS)), max(map(len, _HOMOPHONE_WORDS)))


def _homophones(t: str, ws: int, we: int) -> int:
    """How many of the words of t[ws:we] (``t[ws:we].translate(WORD_VIEW).split()``) are homophones:
    by one pass over the characters when compiled (``_homophones_latin1`` for a text of one byte per
    character), else by that split."""
    if not COMPILED:
        return len([w for w in t[ws:we].translate(WORD_VIEW).split() if w in _HOMOPHONE_WORDS])
    if PyUnicode_KIND(t) == 1:
        n = len(t)
        ws, we = _slice_bounds(ws, n), _slice_bounds(we, n)
        return _homophones_latin1(t, PyUnicode_1BYTE_DATA(t), ws, we) if ws < we else 0
    words = _HOMOPHONE_WORDS
    lo, hi = _HOMOPHONE_LENGTHS
    count = 0
    s = -1  # start of the current word, -1 outside one
    i = ws - 1
    for ch in t[ws:we]:
        i += 1  # the index of ch in t
        if ("a" <= ch <= "z" or "0" <= ch <= "9" or "A" <= ch <= "Z") or (ch >= "\x80" and not ch.isspace()):
            if s < 0:
                s = i
        elif s >= 0:
            if lo <= i - s <= hi and t[s:i] in words:
                count += 1
            s = -1
    if s >= 0 and lo <= i + 1 - s <= hi and t[s:i + 1] in words:
        count += 1
    return count


_HOMOPHONE_TABLE = _word_table(_HOMOPHONE_WORDS)


def _slice_bounds(i: int, n: int) -> int:
    """Where an index i of a slice of a sequence of length n falls, as ``slice(i, i).indices(n)`` puts it."""
    if i < 0:
        i += n
        return i if i > 0 else 0
    return i if i < n else n


def _homophones_latin1(t: str, b, ws: int, we: int) -> int:
    """``_homophones`` on a text of one byte per character, read through ``b`` (0 <= ws < we <= len(t)):
    words (runs of ``_WORD_CLASSES`` other than 0) of a-z and 0-9 looked up in ``_HOMOPHONE_TABLE``,
    others as strings."""
    table = _HOMOPHONE_TABLE
    slot_table, end_table, blob_table, ordered = table[0], table[1], table[2], table[3]
    class_table, code_table = _WORD_CLASSES, _CHAR_CODES
    cls = class_table  # compiled: pointers to the tables' bytes
    codes = code_table
    slots = slot_table
    ends = end_table
    blob = blob_table
    words = _HOMOPHONE_WORDS
    lo, hi = _HOMOPHONE_LENGTHS  # of the words
    plain_lo, plain_hi = table[4], table[5]  # of the words in the table
    count = 0
    i = ws
    while i < we:
        if not cls[b[i]]:
            i += 1
            continue
        s = i
        odd = False
        while i < we:
            c = cls[b[i]]
            if not c:
                break
            if c == 3:
                odd = True
            i += 1
        if odd:
            if lo <= i - s <= hi and t[s:i] in words:
                count += 1
        elif plain_lo <= i - s <= plain_hi and _table_index(b, s, i - s, slots, ends, blob, plain_hi + 1, codes) >= 0:
            count += 1
    return count


def _windows(t: str):
    """Spans of text around anchors (digit runs, number words) that hold enough digits to be a number.

    Returns (start, end, mass): mass counts the digits and number words inside. The digit zones and
    anchor words come from one pass over the characters when compiled (``_scan_anchors``; a text of one byte
    per character takes ``_windows_latin1``), else from regular expressions and a split into words.
    """
    if COMPILED:
        if PyUnicode_KIND(t) == 1:
            return _windows_latin1(t, PyUnicode_1BYTE_DATA(t), len(t))
        zones: list = []
        hits: set = set()
        hint = _scan_anchors(t, zones, hits)
        words = _anchor_places(t, hits) if hits else []
        if hint:
            words += _spaced_words(t)
    else:
        zones = [x for m in DIGIT_ZONE_RE.finditer(t) for x in (m.start(), m.end(), _digit_count(m.group()))]
        words = _word_anchors(t) + _spaced_anchors(t)
    return _grown_windows(t, _merged_zones(zones, words) if words else zones)


def _word_masses(words: list) -> list:
    """The anchor words (start, end, word) as zones to merge, in order of start (then end, then mass): each
    one int, ``start << 12 | (end - start) << 2 | mass``, a teen or a tens word of mass two, any other of
    one. An anchor word spans fewer than 1,024 characters (``_WORD_SPAN``), so the ints sort as the tuples
    (start, end, mass) would; being ints, they cost the garbage collector nothing (a number-words
    megabyte has hundreds of thousands)."""
    return sorted([s << 12 | (e - s) << 2 | (2 if WORDS[g][0] in ("teen", "tens") else 1) for s, e, g in words])


#: The longest span of an anchor word: a word standing alone, or one spelled with up to two spaces between its
#: letters; under 1,024 characters, the room ``_word_masses`` leaves for it.
_WORD_SPAN = max(_ANCHOR_MAX, 3 * max(map(len, _SPACEABLE)))
if _WORD_SPAN >= 1024:  # pragma: no cover - a lexicon with longer words needs more room in _word_masses
    raise ImportError(f"an anchor word may span {_WORD_SPAN} characters: _word_masses leaves room for 1,023")


def _merged_zones(zones: list, words: list) -> list:
    """The digit zones (flat: start, end, mass, ...) and the anchor words (start, end, word) in order of
    their starts, joined where WINDOW_GAP apart at most; flat as the zones."""
    gap = WINDOW_GAP
    extra = _word_masses(words)
    merged: list = []
    gs = ge = gm = -1  # the start, end and mass of the zone being joined (gs < 0: none yet), not yet in merged
    j = k = 0  # the next zone (the index of its start), the next word
    n, x = len(zones), len(extra)
    while j < n or k < x:
        if k < x:
            key = extra[k]
            s, e, m = key >> 12, (key >> 12) + (key >> 2 & 1023), key & 3
        if j < n:
            z = zones[j]
        if k == x or (j < n and z <= s):
            s, e, m = z, zones[j + 1], zones[j + 2]
            j += 3
        else:
            k += 1
        if gs >= 0 and s - ge <= gap:
            ge = max(ge, e)
            gm += m
        else:
            if gs >= 0:
                merged.append(gs)
                merged.append(ge)
                merged.append(gm)
            gs, ge, gm = s, e, m
    if gs >= 0:
        merged.append(gs)
        merged.append(ge)
        merged.append(gm)
    return merged


def _joined(out: list, wa: int, wb: int, wm: int, a: int, e: int, mass: int) -> tuple[int, int, int]:
    """The window being extended (start, end, mass; mass < 0: none yet) once the window a..e of ``mass``
    digits comes: the two joined if they touch, else the one being extended goes to ``out`` and a..e is
    extended instead."""
    if wm >= 0 and a <= wb:
        return wa, e, wm + mass
    if wm >= 0:
        out.append((wa, wb, wm))
    return a, e, mass


def _grown_windows(t: str, zones: list) -> list:
    """The windows of the zones (flat: start, end, mass, ...) that hold enough digits: homophones (between a
    few digits) and words glued to digits count too; each window reaches 24 characters past its zone, and on
    to the end of a word (60 at most); windows that touch are joined. (Compiled, a text of one byte per
    character takes ``_grow_latin1``.)"""
    need = MIN_WINDOW_DIGITS
    n = len(t)
    out: list = []
    wa = wb = wm = -1  # the window being extended (wm < 0: none yet), not yet in out
    for j in range(0, len(zones), 3):
        ws, we, mass = zones[j], zones[j + 1], zones[j + 2]
        if 2 <= mass < need:
            # digits mixed with homophones ("3 won oh-ate 6 for-to 3 fore oh"): homophones are too common
            # to be anchors, but between a few digits they count
            mass += _homophones(t, ws, we)
        if mass < need:  # words glued to digits count too ("3twoseven")
            mass += _glued_mass(t, ws, we)
            if mass < need:
                continue
        a = max(0, ws - 24)
        while a > 0 and a > ws - 60:
            ch = t[a - 1]
            if not ch.isalnum():
                break
            a -= 1
        b = min(n, we + 24)
        while b < n and b < we + 60:
            ch = t[b]
            if not ch.isalnum():
                break
            b += 1
        wa, wb, wm = _joined(out, wa, wb, wm, a, b, mass)
    if wm >= 0:
        out.append((wa, wb, wm))
    return out


@lru_cache(maxsize=4096)
def _char_kind(ch: str) -> str | None:
    """The obfuscation kind a non-ASCII character shows, if any."""
    cp = ord(ch)
    if 0xFF10 <= cp <= 0xFF19:
        return "unicode_fullwidth"
    if 0x1D7CE <= cp <= 0x1D7FF:
        return "unicode_math"
    if cp == 0x20E3:
        return "keycap"
    if 0x2460 <= cp <= 0x24FF or 0x2776 <= cp <= 0x2793 or 0x1F100 <= cp <= 0x1F10C:
        return "unicode_circled"
    if cp in (0xB2, 0xB3, 0xB9) or 0x2070 <= cp <= 0x2089:
        return "superscript"
    if ch in L.LOOKALIKE_LETTERS or (cp > 127 and unicodedata.category(ch) == "Nd"):
        return "unicode_other"
    if L.TABLE.get(cp) == L.NEUTRAL and cp not in (0xFE0F, 0x200D) and not 0xE0020 <= cp <= 0xE007F:
        return "emoji_separator"
    return None


#: Every kind _kinds can report. Kind k of the sorted names is the bit 1 << k of a mask: a mask's bits from
#: the lowest up give its kinds in sorted order (_mask_kinds).
_KIND_NAMES = ("plus1_prefix", "star82_prefix", "appended_age", "toll_free", "non_us", "case_spacing", "leet",
               "homophone", "lookalike", "spelled", "spelled_mixed", "spaced_digits", "split_words", "line_break",
               "word_separator", "odd_separator", "unicode_fullwidth", "unicode_math", "keycap", "unicode_circled",
               "superscript", "unicode_other", "emoji_separator", "plain")
_KIND_SORTED = tuple(sorted(_KIND_NAMES))
_KIND_BIT = {name: 1 << k for k, name in enumerate(_KIND_SORTED)}
_K_PLUS1_PREFIX = _KIND_BIT["plus1_prefix"]
_K_CASE_SPACING = _KIND_BIT["case_spacing"]
_K_LEET = _KIND_BIT["leet"]
_K_HOMOPHONE = _KIND_BIT["homophone"]
_K_LOOKALIKE = _KIND_BIT["lookalike"]
_K_SPELLED = _KIND_BIT["spelled"]
_K_SPELLED_MIXED = _KIND_BIT["spelled_mixed"]
_K_SPACED_DIGITS = _KIND_BIT["spaced_digits"]
_K_SPLIT_WORDS = _KIND_BIT["split_words"]
_K_LINE_BREAK = _KIND_BIT["line_break"]
_K_WORD_SEPARATOR = _KIND_BIT["word_separator"]
_K_ODD_SEPARATOR = _KIND_BIT["odd_separator"]
_K_KEYCAP = _KIND_BIT["keycap"]
_K_UNICODE_FULLWIDTH = _KIND_BIT["unicode_fullwidth"]
_K_UNICODE_MATH = _KIND_BIT["unicode_math"]
_K_UNICODE_CIRCLED = _KIND_BIT["unicode_circled"]
_K_SUPERSCRIPT = _KIND_BIT["superscript"]
_K_EMOJI_SEPARATOR = _KIND_BIT["emoji_separator"]
_K_PLAIN = _KIND_BIT["plain"]
#: Kinds that say how a number is written around its digits, not how its digits are disguised.
_PREFIX_KINDS = frozenset({"plus1_prefix", "star82_prefix", "appended_age"})
_PREFIX_MASK = sum([_KIND_BIT[name] for name in _PREFIX_KINDS])
_PLAIN = ("plain",)
#: The kinds of each mask met so far (clear_memos() empties it; at most 4096).
_MASK_KINDS: dict = {}


def _mask_kinds(mask: int) -> tuple[str, ...]:
    """The sorted tuple of the kinds whose bits ``mask`` holds."""
    kinds = _MASK_KINDS.get(mask)
    if kinds is None:
        kinds = tuple([name for k, name in enumerate(_KIND_SORTED) if mask >> k & 1])
        if len(_MASK_KINDS) >= 4096:
            _MASK_KINDS.clear()
        _MASK_KINDS[mask] = kinds
    return kinds


def _kinds(text: str, t: str, toks: list[Tok], links: list[int], i: int, j: int, prefix: str,
           extra: tuple[str, ...]) -> tuple[str, ...]:
    """The obfuscation kinds of the number written by toks[i..j], sorted, gathered as bits of a mask
    ("plain" joins the prefix kinds when no other kind applies)."""
    mask = 0
    for name in extra:
        mask |= _KIND_BIT[name]
    if prefix:
        mask |= _K_PLUS1_PREFIX
    wordish = False  # a word or tens token in the span
    all_wordish = True  # only those
    digit_token = False  # a digit token (with digits) in the span
    singles = 0  # digit tokens of one digit
    for k in range(i, j + 1):
        tk = toks[k]
        kind = tk.kind
        if kind == "word" or kind == "tens":
            wordish = True
            if tk.single or not _case_kept(text, tk.start, tk.end):
                mask |= _K_CASE_SPACING
            if tk.word and _leet(tk.word):
                mask |= _K_LEET
            continue
        all_wordish = False
        if kind == "digit":
            n = len(tk.digits)
            if n > 0:
                digit_token = True
            if n == 1:
                singles += 1
        elif kind == "homophone":
            mask |= _K_LOOKALIKE if len(tk.word) == 1 else _K_HOMOPHONE
        elif kind == "lookalike":
            mask |= _K_LOOKALIKE
    if wordish:
        mask |= _K_SPELLED if all_wordish or not digit_token else _K_SPELLED_MIXED
    if singles >= 7:
        mask |= _K_SPACED_DIGITS
    for k in range(i, j):
        if links[k] == WORDGAP:
            mask |= _K_SPLIT_WORDS
        tk = toks[k]
        a = tk.end
        tk = toks[k + 1]
        b = tk.start
        if b > a:
            mask |= _gap_kinds(t, a, b)
    if not text.isascii():
        tk = toks[i]
        a = tk.start
        tk = toks[j]
        mask = _unicode_kinds(text[a:tk.end], mask)
    if mask == 0:
        return _PLAIN
    if mask & ~_PREFIX_MASK == 0:
        mask |= _K_PLAIN
    return _mask_kinds(mask)


def _case_kept(text: str, s: int, e: int) -> bool:
    """``text[s:e]`` is all lower case, all upper case or title case (compiled: one pass over its
    characters when they are ASCII, where A-Z are the upper-case, a-z the lower-case characters and
    none is title case; else, as in the source, str's own tests)."""
    if COMPILED:
        up = low = 0
        title = True  # upper case only after an uncased character, lower case only after a cased one
        cased = False  # the character before is cased
        for k in range(s, min(e, len(text))):
            ch = text[k]
            if "A" <= ch <= "Z":
                up += 1
                if cased:
                    title = False
                cased = True
            elif "a" <= ch <= "z":
                low += 1
                if not cased:
                    title = False
                cased = True
            elif ch >= "\x80":
                break
            else:
                cased = False
        else:
            return up + low > 0 and (up == 0 or low == 0 or title)
    orig = text[s:e]
    return orig.islower() or orig.isupper() or orig.istitle()


#: Per ASCII character, what it can show in a gap between two tokens: 1 an odd separator (ODD_SEP_CHARS),
#: 2 a letter of a separator word (SEP_WORDS_RE matches only where some are), 4 a line break, 8 "." or "-"
#: (odd when doubled).
_GAP_CLASSES = bytes((1 if chr(c) in ODD_SEP_CHARS else 0) | (2 if any([chr(c) in w for w in L.SEPARATOR_WORDS]) else 0)
                     | (4 if chr(c) == "\n" else 0) | (8 if chr(c) in ".-" else 0) for c in range(128))


def _gap_kinds(t: str, a: int, b: int) -> int:
    """The kind bits the gap t[a:b] (b > a) between two tokens shows: line_break, word_separator (a
    separator word), odd_separator (an odd separator character, "..", "--"). Compiled: by one pass over
    its characters, the regular expression only where the gap holds letters of separator words."""
    if COMPILED:
        table = _GAP_CLASSES
        classes = table  # compiled: a pointer to its bytes
        mask = 0
        letters = False
        prev = "\x00"
        for i in range(a, min(b, len(t))):
            ch = t[i]
            if ch < "\x80":
                cls = classes[ord(ch)]
                if cls & 1:
                    mask |= _K_ODD_SEPARATOR
                if cls & 2:
                    letters = True
                if cls & 4:
                    mask |= _K_LINE_BREAK
                if cls & 8 and ch == prev:
                    mask |= _K_ODD_SEPARATOR
            elif ch in ODD_SEP_CHARS:
                mask |= _K_ODD_SEPARATOR
            prev = ch
        if letters and b - a > 2 and SEP_WORDS_RE.search(t[a:b]) is not None:
            mask |= _K_WORD_SEPARATOR
        return mask
    mask = 0
    if b == a + 1:  # one character: what the general checks below say of it
        if t[a] == "\n":
            mask |= _K_LINE_BREAK
        elif t[a] in ODD_SEP_CHARS:
            mask |= _K_ODD_SEPARATOR
        return mask
    gap = t[a:b]
    if "\n" in gap:
        mask |= _K_LINE_BREAK
    if len(gap) > 2 and SEP_WORDS_RE.search(gap):  # the shortest separator word has three letters
        mask |= _K_WORD_SEPARATOR
    if any([ch in ODD_SEP_CHARS for ch in gap]) or ".." in gap or "--" in gap:
        mask |= _K_ODD_SEPARATOR
    return mask


#: ASCII characters that _char_kind calls emoji separators (none today; _unicode_kinds' loop reads this).
_ASCII_EMOJI_SEPARATORS = bytes(_char_kind(chr(c)) == "emoji_separator" for c in range(128))


def _unicode_kinds(seg: str, mask: int) -> int:
    """``mask`` with the kind bits of the characters beyond ASCII in ``seg`` (the number's text); a keycap
    takes back emoji_separator unless some other character of ``seg`` is one. Compiled: one pass over the
    characters, the code-point ranges of _char_kind tested in C, _char_kind itself for the other ones."""
    if seg.isascii():
        return mask
    if COMPILED:
        table = _ASCII_EMOJI_SEPARATORS
        ascii_seps = table  # compiled: a pointer to its bytes
        separator = False  # an emoji separator other than the keycap mark
        for ch in seg:
            if ch < "\x80":
                if ascii_seps[ord(ch)]:
                    separator = True
                continue
            cp = ord(ch)
            if 0xFF10 <= cp <= 0xFF19:
                mask |= _K_UNICODE_FULLWIDTH
            elif 0x1D7CE <= cp <= 0x1D7FF:
                mask |= _K_UNICODE_MATH
            elif cp == 0x20E3:
                mask |= _K_KEYCAP
            elif 0x2460 <= cp <= 0x24FF or 0x2776 <= cp <= 0x2793 or 0x1F100 <= cp <= 0x1F10C:
                mask |= _K_UNICODE_CIRCLED
            elif cp == 0xB2 or cp == 0xB3 or cp == 0xB9 or 0x2070 <= cp <= 0x2089:
                mask |= _K_SUPERSCRIPT
            else:
                ck = _char_kind(ch)
                if ck:
                    mask |= _KIND_BIT[ck]
                    if ck == "emoji_separator":
                        separator = True
        if mask & _K_KEYCAP and not separator:
            mask &= ~_K_EMOJI_SEPARATOR
        return mask
    for ch in set(seg):
        if ord(ch) > 127:
            ck = _char_kind(ch)
            if ck:
                mask |= _KIND_BIT[ck]
    if mask & _K_KEYCAP and not any([_char_kind(ch) == "emoji_separator" and ch != "\u20e3" for ch in seg]):
        mask &= ~_K_EMOJI_SEPARATOR
    return mask


#: The leet verdict of each word met in a number (clear_memos() empties it; at most 10,000 words).
_LEET_MEMO: dict = {}


def _leet(word: str) -> bool:
    """``word`` is no canonical number word, nor made of canonical words and digits only: leet."""
    leet = _LEET_MEMO.get(word)
    if leet is None:
        leet = word not in L.CANONICAL and not all([p in L.CANONICAL for p in _split_words(word)])
        if len(_LEET_MEMO) >= 10_000:
            _LEET_MEMO.clear()
        _LEET_MEMO[word] = leet
    return leet


def _split_words(word: str) -> list[str]:
    return [m.group() for m in SPLIT_RE.finditer(word)]


#: L.TABLE by code point: the code point each character becomes (compiled ``_translated``).
_TABLE_CODES = {k: ord(v) for k, v in L.TABLE.items()}


def _translated(text: str) -> str:
    """``text.translate(L.TABLE)`` by one pass over the characters, compiled only: ASCII capitals lowered
    by arithmetic (L.TABLE maps ASCII as ``str.lower`` does), other characters looked up by code point,
    the result made from a buffer of code points."""
    n = len(text)
    buf = cython.cast(cython.p_Py_UCS4, PyMem_Malloc((n + 1) * cython.sizeof(cython.Py_UCS4)))
    if not buf:
        raise MemoryError()
    table = _TABLE_CODES
    try:
        for i in range(n):
            c = _read(text, i)  # the code point
            if c < 128:
                if 65 <= c <= 90:
                    c += 32
            else:
                code = table.get(c)
                if code is not None:
                    c = code
            buf[i] = c
        return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, n)
    finally:
        PyMem_Free(buf)


#: Runs of characters outside ASCII (split keeps them, at the odd indices).
_NON_ASCII_RE = re.compile(r"([^\x00-\x7f]+)")


def _normalise(text: str) -> str:
    """``text.translate(L.TABLE)``, the same length as ``text``. The table maps ASCII as ``str.lower``
    does, so only the runs of other characters go through it: translating through a dict costs a lookup
    per character, about 160 µs on a 1 KB ad, against about 1 µs this way."""
    if text.isascii():
        return text.lower()
    if COMPILED:
        return _translated(text)
    parts = _NON_ASCII_RE.split(text)
    return "".join([p.translate(L.TABLE) if k % 2 else p.lower() for k, p in enumerate(parts)])

# --------------------------------------------------------------------------------------------------
# Distractors by a character scanner: what the compiled module runs instead of BLOCK_RE and BLOCK_WORD_RE
# (the regexes stay the reference and the source's path; tests/test_extract_fastpaths.py holds the two
# equal). Each branch of the regexes is one block below, in the regexes' order, with the branch quoted.
#
# The scanner keeps the regex engine's semantics: finditer's matches do not overlap; the leftmost wins
# and, at one position, the first alternative that matches (not the longest); lookbehinds see the text
# before the window, lookaheads and `$` see the window's end as the end of the text. Where a repetition
# could give characters back, what follows it cannot start with them (a run of digits before a
# separator, a run of letters before a space), so backtracking finds no second way to match, except
# where a block says so (the time's seconds): each branch is one forward pass.
#
# It reads the window as Latin-1 bytes (compiled: through a C pointer, no Python object per character;
# a string of one byte a character is read in place, without a copy): a character beyond Latin-1 becomes
# "?", which, like the character it replaces, is neither an ASCII letter or digit nor any character the
# regexes name ("?" is not one of them either). The same pass counts what _scan_window's test needs (the
# digits and glued places inside the spans and in the window), so that a window which holds no number
# is dropped without a Python object made for its spans.


def _literal_words(alternation: str) -> list[str]:
    """The strings an alternation of literals matches, where a character may be optional ("yrs?", "y/?o",
    "y\\.o\\.?"); anything else of regex syntax is refused."""
    words = []
    for alt in alternation.split("|"):
        forms = [""]
        i = 0
        while i < len(alt):
            if alt[i] == "\\":
                ch = chr(int(alt[i + 2:i + 6], 16)) if alt[i + 1] == "u" else alt[i + 1]
                i += 6 if alt[i + 1] == "u" else 2
            elif alt[i] in "[](){}*+?^$.":
                raise ValueError(f"not a literal alternation: {alternation!r}")
            else:
                ch = alt[i]
                i += 1
            if alt[i:i + 1] == "?":
                forms = [f + c for f in forms for c in ("", ch)]
                i += 1
            else:
                forms = [f + ch for f in forms]
        words += forms
    if not all([re.fullmatch(f"(?:{alternation})", w) for w in words]):
        raise ValueError(f"expansion of {alternation!r} does not match it")
    return words


def _word_trie(groups: list) -> tuple:
    """A trie of the (Latin-1) words of ``groups`` as byte tables: (symbols: byte -> symbol, 0 outside the
    alphabet; next: state * stride + symbol -> next state, 0 dead, 1 the root; accept: bit g set on the
    states that end a word of groups[g]; stride)."""
    alphabet = sorted({c for words in groups for w in words for c in w})
    if max(map(ord, alphabet)) >= 256:
        raise ValueError("trie words must be Latin-1")
    symbols = bytes(alphabet.index(chr(c)) + 1 if chr(c) in alphabet else 0 for c in range(256))
    stride = len(alphabet) + 1
    nxt = [[0] * stride, [0] * stride]
    accept = [0, 0]
    for g, words in enumerate(groups):
        for w in words:
            s = 1
            for c in w:
                k = symbols[ord(c)]
                if not nxt[s][k]:
                    nxt.append([0] * stride)
                    accept.append(0)
                    nxt[s][k] = len(nxt) - 1
                s = nxt[s][k]
            accept[s] |= 1 << g
    if len(nxt) >= 256:
        raise ValueError("trie too large for byte states")
    return symbols, bytes([x for row in nxt for x in row]), bytes(accept), stride


_UNIT_WORD, _STREET_WORD = 1, 2  # accept bits: a unit of _UNITS, a street word of _STREET
_TRIE_SYMBOLS, _TRIE_NEXT, _TRIE_ACCEPT, _TRIE_STRIDE = _word_trie([_literal_words(_UNITS),
                                                                    _literal_words(_STREET)])

# The helpers below read b[i], the window as bytes; n = len(b) is the window's end: nothing is seen at or
# after it, nor before the text (i < 0).


def _digit(b: bytes, i: int, n: int) -> bool:
    """b[i] is an ASCII digit ([0-9])."""
    return 0 <= i < n and ord("0") <= b[i] <= ord("9")


def _letter(b: bytes, i: int, n: int) -> bool:
    """b[i] is an ASCII lower-case letter ([a-z])."""
    return 0 <= i < n and ord("a") <= b[i] <= ord("z")


def _other(b: bytes, i: int, n: int) -> bool:
    """There is a character b[i] and it is neither an ASCII letter nor digit ([^a-z0-9])."""
    return 0 <= i < n and not (ord("0") <= b[i] <= ord("9") or ord("a") <= b[i] <= ord("z"))


def _is(b: bytes, i: int, n: int, c: int) -> bool:
    """b[i] is the character c."""
    return 0 <= i < n and b[i] == c


def _has(b: bytes, i: int, n: int, s: bytes) -> bool:
    """b[i:] starts with ``s``."""
    if i < 0 or i + len(s) > n:
        return False
    for k in range(len(s)):
        if b[i + k] != s[k]:
            return False
    return True


def _digits(b: bytes, i: int, n: int, cap: int) -> int:
    """How many ASCII digits follow from b[i] on, counting up to ``cap``."""
    k = 0
    while k < cap and i + k < n and ord("0") <= b[i + k] <= ord("9"):
        k += 1
    return k


def _letters(b: bytes, i: int, n: int, cap: int) -> int:
    """How many ASCII letters follow from b[i] on, counting up to ``cap``."""
    k = 0
    while k < cap and i + k < n and ord("a") <= b[i + k] <= ord("z"):
        k += 1
    return k


def _trie_word(b: bytes, i: int, n: int, bit: int, digit_ends: bool) -> bool:
    """A word of the trie's group ``bit`` starts at b[i] and ends before a character that is no ASCII
    letter (nor, unless ``digit_ends``, an ASCII digit): "(?:w1|w2|...)(?![a-z])" (or "(?![a-z0-9])")
    inside a lookahead, where any alternative that fits will do."""
    symbols, nxt, accept = _TRIE_SYMBOLS, _TRIE_NEXT, _TRIE_ACCEPT  # compiled: pointers to their bytes
    s = 1  # the root
    while i < n:
        c = b[i]
        if accept[s] & bit and not ord("a") <= c <= ord("z") and (digit_ends or not ord("0") <= c <= ord("9")):
            return True
        s = nxt[s * _TRIE_STRIDE + symbols[c]]
        if s == 0:
            return False
        i += 1
    return accept[s] & bit != 0  # the window's end, where lookaheads see the end of the text


def _unit_at(b: bytes, i: int, n: int) -> bool:
    """The lookahead (?=[ ]?(?:UNITS)(?![a-z0-9])) at b[i] (no unit starts with a space: the optional
    space is taken when there is one)."""
    return _trie_word(b, i + 1 if _is(b, i, n, ord(" ")) else i, n, _UNIT_WORD, False)


def _street_at(b: bytes, i: int, n: int) -> bool:
    """The lookahead (?=[ ](?:[nsew]\\.?[ ])?(?:[a-z]{2,12}[ ]){1,3}(?:STREET)(?![a-z])) at b[i]."""
    if not _is(b, i, n, ord(" ")):
        return False
    j = i + 1
    if _is(b, j, n, ord("n")) or _is(b, j, n, ord("s")) or _is(b, j, n, ord("e")) or _is(b, j, n, ord("w")):
        # a compass point (without it, its single letter is no [a-z]{2,12} word: no second way)
        if _is(b, j + 1, n, ord(" ")):
            j += 2
        elif _is(b, j + 1, n, ord(".")) and _is(b, j + 2, n, ord(" ")):
            j += 3
    for w in range(3):  # one to three words, each a whole run of letters and one space; any count will do
        k = _letters(b, j, n, 13)
        if not (2 <= k <= 12 and _is(b, j + k, n, ord(" "))):
            return False
        j += k + 1
        if _trie_word(b, j, n, _STREET_WORD, True):
            return True
    return False


def _measurement_end(b: bytes, i: int, n: int) -> int:
    """End of [0-9][a-z]{0,3}[ ]?-[ ]?[0-9]{2}[ ]?-[ ]?[0-9]{2}(?![0-9]) matched at b[i], or -1."""
    if not _digit(b, i, n):
        return -1
    i += 1
    k = _letters(b, i, n, 4)
    if k > 3:  # a longer run of letters is not followed by " " or "-"
        return -1
    i += k
    for w in range(2):  # [ ]?-[ ]?[0-9]{2}, twice
        if _is(b, i, n, ord(" ")):
            i += 1
        if not _is(b, i, n, ord("-")):
            return -1
        i += 1
        if _is(b, i, n, ord(" ")):
            i += 1
        if not (_digit(b, i, n) and _digit(b, i + 1, n)):
            return -1
        i += 2
    return -1 if _digit(b, i, n) else i


def _not_last_group(b: bytes, p: int, n: int) -> bool:
    """(?<![0-9][^a-z0-9][0-9])(?<![0-9][^a-z0-9]{2}[0-9]) after the digit b[p] (_NOT_LAST_GROUP; the
    lookbehinds of "2 for 1" when b[p] is "2"): no digit one or two other characters before it."""
    return not (_digit(b, p - 2, n) and _other(b, p - 1, n)) and not (
        _digit(b, p - 3, n) and _other(b, p - 2, n) and _other(b, p - 1, n))


def _block_at_digit(b: bytes, p: int, n: int) -> int:
    """End of BLOCK_RE's match at the ASCII digit b[p], which follows no digit, or -1: the branches of its
    first alternative "[0-9](?<![0-9][0-9])(?:...)" in order, then its second, "24/7". Each branch needs
    a number of digits after the first one and a character after them: these guard every block."""
    q = p + 1  # after the first digit
    r = _digits(b, q, n, 6)  # how many digits follow it (6: more than five)
    i = q + r
    # the character after the digits, NUL at the window's end (c is only compared with characters a
    # branch needs: a NUL in the text is none of them either)
    c = b[i] if i < n else 0
    # price list 80/220/370: (?<![0-9][ .-][0-9])[0-9]{1,2}+(?:/[0-9]{2,3}+){1,5}+(?![0-9/])(?![ .-]?[0-9])
    if c == ord("/") and 1 <= r <= 2 and not (_digit(b, p - 2, n) and (
            _is(b, p - 1, n, ord(" ")) or _is(b, p - 1, n, ord(".")) or _is(b, p - 1, n, ord("-")))):
        j = i
        k = 0
        while k < 5 and _is(b, j, n, ord("/")):
            m = _digits(b, j + 1, n, 3)
            if m < 2:
                break
            j += 1 + m
            k += 1
        if k >= 1 and not _digit(b, j, n) and not _is(b, j, n, ord("/")) and not (
                (_is(b, j, n, ord(" ")) or _is(b, j, n, ord(".")) or _is(b, j, n, ord("-"))) and _digit(b, j + 1, n)):
            return j
    # 2 for 1: (?<=2)(?<![0-9][^a-z0-9]2)(?<![0-9][^a-z0-9]{2}2)[ ]for[ ]1(?![0-9])
    #          (?=[ .,!;)]{0,3}+(?:$|[a-z\n]))
    if c == ord(" ") and r == 0 and b[p] == ord("2") and _has(b, q, n, b" for 1") and not _digit(b, q + 6, n) \
            and _not_last_group(b, p, n):
        j = q + 6
        while j < q + 9 and j < n and b[j] in b" .,!;)":
            j += 1
        if j == n or _letter(b, j, n) or _is(b, j, n, ord("\n")):  # `$` before a final "\n" is [\n] too
            return q + 6
    # "[0-9]?" then a separator: the digit is taken when there is one, so at most one digit follows the first
    # date 05/04/2012: [0-9]?[/.-][0-9]{1,2}[/.-](?:19|20)?[0-9]{2}(?![0-9])
    if r <= 1 and (c == ord("/") or c == ord(".") or c == ord("-")):
        m = _digits(b, i + 1, n, 3)
        j = i + 1 + m
        if 1 <= m <= 2 and (_is(b, j, n, ord("/")) or _is(b, j, n, ord(".")) or _is(b, j, n, ord("-"))):
            y = _digits(b, j + 1, n, 5)
            if y == 4 and (_has(b, j + 1, n, b"19") or _has(b, j + 1, n, b"20")):
                return j + 5
            if y == 2:
                return j + 3
    # date 2012-05-04: [0-9]{3}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?![0-9])
    if r == 3 and (c == ord("-") or c == ord("/") or c == ord(".")):
        m = _digits(b, i + 1, n, 3)
        j = i + 1 + m
        if 1 <= m <= 2 and (_is(b, j, n, ord("-")) or _is(b, j, n, ord("/")) or _is(b, j, n, ord("."))):
            k = _digits(b, j + 1, n, 3)
            if 1 <= k <= 2:
                return j + 1 + k
    # date 7/15, review 10/10: [0-9]?/[0-9]{1,2}(?![0-9/])
    if r <= 1 and c == ord("/"):
        m = _digits(b, i + 1, n, 3)
        if 1 <= m <= 2 and not _is(b, i + 1 + m, n, ord("/")):
            return i + 1 + m
    # time 10:30: [0-9]?:[0-9]{2}(?::[0-9]{2})?(?![0-9])  (backtracking: without the seconds when a
    # digit follows them)
    if r <= 1 and c == ord(":") and _digit(b, i + 1, n) and _digit(b, i + 2, n):
        if _is(b, i + 3, n, ord(":")) and _digit(b, i + 4, n) and _digit(b, i + 5, n) and not _digit(b, i + 6, n):
            return i + 6
        if not _digit(b, i + 3, n):
            return i + 3
    # measurement 36D-24-36: [0-9][a-z]{0,3}[ ]?-[ ]?[0-9]{2}[ ]?-[ ]?[0-9]{2}(?![0-9])
    if r == 1 and (ord("a") <= c <= ord("z") or c == ord(" ") or c == ord("-")):
        j = _measurement_end(b, q, n)
        if j >= 0:
            return j
    # ZIP+4: [0-9]{4}-[0-9]{4}(?![0-9])
    if r == 4 and c == ord("-") and _digits(b, i + 1, n, 5) == 4:
        return i + 5
    # the four branches left take all the digits after the first one (what follows them cannot be a
    # digit), at most five, and end there
    if r <= 5:
        # 23yo, 120 lbs, 10pm, 100%: [0-9]{0,2}(?=[ ]?(?:UNITS)(?![a-z0-9]))
        # 1030pm, 1000 roses: _NOT_LAST_GROUP [0-9]{3,5}(?=[ ]?(?:UNITS)(?![a-z0-9]))
        if _unit_at(b, i, n) and (r <= 2 or _not_last_group(b, p, n)):
            return i
        # 150$: [0-9]{0,5}(?=[ ]?\$)
        if c == ord("$") or (c == ord(" ") and _is(b, i + 1, n, ord("$"))):
            return i
        # 1234 Main St: _NOT_LAST_GROUP [0-9]{0,4}(?=[ ](?:[nsew]\.?[ ])?(?:[a-z]{2,12}[ ]){1,3}(?:STREET)(?![a-z]))
        if c == ord(" ") and r <= 4 and _street_at(b, i, n) and _not_last_group(b, p, n):
            return i
    # 24/7: 2(?<![0-9]2)4[ ]?[/-][ ]?7(?![0-9])
    if r == 1 and (c == ord(" ") or c == ord("/") or c == ord("-")) and b[p] == ord("2") and b[q] == ord("4"):
        j = i + 1 if c == ord(" ") else i
        if _is(b, j, n, ord("/")) or _is(b, j, n, ord("-")):
            j += 1
            if _is(b, j, n, ord(" ")):
                j += 1
            if _is(b, j, n, ord("7")) and not _digit(b, j + 1, n):
                return j + 1
    return -1


def _block_word_at(b: bytes, p: int, n: int) -> int:
    """End of BLOCK_WORD_RE's match at b[p], a letter that follows no ASCII letter (the lookbehind of
    every keyword), or -1."""
    c = b[p]
    # post id: (?:id|ref|post|listing|ad[ ]?(?:id|#))[ ]?[:#]?[ ]?#?[0-9]{1,20}
    k = -1
    if c == ord("i") and _is(b, p + 1, n, ord("d")):  # id
        k = p + 2
    elif c == ord("r") and _has(b, p, n, b"ref"):
        k = p + 3
    elif c == ord("p") and _has(b, p, n, b"post"):
        k = p + 4
    elif c == ord("l") and _has(b, p, n, b"listing"):
        k = p + 7
    elif c == ord("a") and _is(b, p + 1, n, ord("d")):  # ad
        i = p + 2
        if _is(b, i, n, ord(" ")):
            i += 1
        if _has(b, i, n, b"id"):
            k = i + 2
        elif _is(b, i, n, ord("#")):
            k = i + 1
    if k >= 0:
        # the digits start at the first digit: the optional characters before it are taken greedily
        if _is(b, k, n, ord(" ")):
            k += 1
        if _is(b, k, n, ord(":")) or _is(b, k, n, ord("#")):
            k += 1
        if _is(b, k, n, ord(" ")):
            k += 1
        if _is(b, k, n, ord("#")):
            k += 1
        m = _digits(b, k, n, 20)
        return k + m if m >= 1 else -1
    # CA 90028: (?:california|ca)\.?,?[ ]{1,2}[0-9]{5}(?![0-9])  (no second way: "ca" before "lifornia"
    # is followed by no separator)
    if c == ord("c") and _is(b, p + 1, n, ord("a")):  # ca
        i = p + 10 if _has(b, p, n, b"california") else p + 2
        if _is(b, i, n, ord(".")):
            i += 1
        if _is(b, i, n, ord(",")):
            i += 1
        if _is(b, i, n, ord(" ")):
            i += 1
            if _is(b, i, n, ord(" ")):
                i += 1
            if _digits(b, i, n, 6) == 5:
                return i + 5
    return -1


def _keyword_run(b: bytes, s: int, m: int) -> bool:
    """The run of m letters at b[s] is a keyword of BLOCK_WORD_RE or "adid" (ad id): the only runs where
    _block_word_at finds a match, since a letter after a keyword fits none of what may follow it."""
    c = b[s]
    if m == 2:  # id, ad, ca
        return ((c == ord("i") or c == ord("a")) and b[s + 1] == ord("d")) or (c == ord("c") and b[s + 1] == ord("a"))
    if m == 3:
        return c == ord("r") and b[s + 1] == ord("e") and b[s + 2] == ord("f")
    if m == 4:
        return (c == ord("p") and b[s + 1] == ord("o") and b[s + 2] == ord("s") and b[s + 3] == ord("t")) or (
            c == ord("a") and b[s + 1] == ord("d") and b[s + 2] == ord("i") and b[s + 3] == ord("d"))
    if m == 7:
        return c == ord("l") and _has(b, s, s + 7, b"listing")
    return m == 10 and c == ord("c") and _has(b, s, s + 10, b"california")


def _distractor_pass(b: bytes, n: int, ws: int, buf, room: int, out: list) -> tuple:
    """One pass over the window b[ws:n] (b: its bytes, from up to three characters before it, which the
    lookbehinds see), with one cursor per expression: BLOCK_RE's matches and BLOCK_WORD_RE's (every match
    of the latter holds one of _BLOCK_WORDS, so no keyword check is needed), in order, as start, end
    offsets from ws written to ``buf`` (compiled: a C array of ``room`` places; no Python integer is made
    for a window that turns out to hold no number); a full ``buf`` is moved to ``out`` first. Returns
    (places of ``buf`` in use; ASCII digits inside the spans; places inside the spans where an ASCII letter
    and digit touch, each span on its own; such places in the whole window): what ``_digit_count`` and
    ``_glued`` give for "".join(spans), "|".join(spans) and the window's text."""
    k = 0  # places of buf in use
    digits = glued = window_glued = 0
    block_from = word_from = ws  # where each expression may match next (its matches do not overlap)
    p = ws
    while p < n:  # one step per run of letters, run of digits or other character; a span starts at each
        c = b[p]  # step at most
        s = p
        e = -1
        if ord("a") <= c <= ord("z"):  # no BLOCK_RE match starts at a letter, a keyword at its first only
            p += 1
            while p < n and ord("a") <= b[p] <= ord("z"):
                p += 1
            if (c == ord("i") or c == ord("a") or c == ord("c") or c == ord("p") or c == ord("r") or c == ord("l")) \
                    and _keyword_run(b, s, p - s) and s >= word_from and not _letter(b, s - 1, n):
                e = _block_word_at(b, s, n)
                if e >= 0:
                    word_from = e
            if p < n and ord("0") <= b[p] <= ord("9"):  # letters glued to digits
                window_glued += 1
            elif p < n and b[p] == ord(" "):  # the space after a word (no span starts there): one step less
                p += 1
        elif ord("0") <= c <= ord("9"):
            # [0-9](?<![0-9][0-9]), 2(?<![0-9]2): a match starts at the first digit of a run only
            if p >= block_from and not _digit(b, p - 1, n):
                e = _block_at_digit(b, p, n)
                if e >= 0:
                    block_from = e
            p += 1
            while p < n and ord("0") <= b[p] <= ord("9"):
                p += 1
            if p < n and ord("a") <= b[p] <= ord("z"):  # digits glued to letters
                window_glued += 1
        else:
            if p >= block_from:
                if c == ord("$"):  # $150: \$[ ]?[0-9]{1,6}
                    i = p + 2 if _is(b, p + 1, n, ord(" ")) else p + 1
                    m = _digits(b, i, n, 6)
                    if m >= 1:
                        e = i + m
                elif c == ord("("):  # (33): \([0-9]{2}\)
                    if _digit(b, p + 1, n) and _digit(b, p + 2, n) and _is(b, p + 3, n, ord(")")):
                        e = p + 4
                if e >= 0:
                    block_from = e
            p += 1
        if e >= 0:
            if k + 2 > room:
                for i in range(k):
                    out.append(buf[i])
                k = 0
            buf[k] = s - ws
            buf[k + 1] = e - ws
            k += 2
            prev = 0  # the class of the character before, inside the span: 1 a digit, 2 a letter, 0 other
            for i in range(s, e):
                c = b[i]
                if ord("0") <= c <= ord("9"):
                    digits += 1
                    cls = 1
                else:
                    cls = 2 if ord("a") <= c <= ord("z") else 0
                if cls | prev == 3:  # a digit and a letter, either way round
                    glued += 1
                prev = cls
    return k, digits, glued, window_glued


def _distractors(t: str, ws: int, we: int, mass: int, reject: bool) -> list | None:
    """The distractors in t[ws:we], sorted, as a flat list start, end, start, end... of offsets from ws (no
    tuple per span); with ``reject``, None instead when, once the distractors are set aside, the window
    cannot hold a number any more (what _scan_window's source path decides from the regexes' matches).
    The compiled module reads a string of one byte a character in place, others as Latin-1 bytes."""
    we = min(we, len(t))
    ws = max(ws, 0)
    if ws >= we:
        return []
    lo = max(ws - 3, 0)  # lookbehinds see up to three characters before a match
    if COMPILED and PyUnicode_KIND(t) == PyUnicode_1BYTE_KIND:
        b = cython.cast(cython.p_uchar, PyUnicode_DATA(t)) + lo
    else:
        window = t[lo:we].encode("latin-1", "replace")
        b = window  # compiled: a pointer to its bytes
    buf = [0] * 32  # compiled: a C array (core.pxd declares its size; the 32 passed below is that size)
    out = []
    k, digits, glued, window_glued = _distractor_pass(b, we - lo, ws - lo, buf, 32, out)
    if reject and (k or out):
        # enough digits left once the distractors are set aside? (number words glued to digits, as in
        # "three1two", are not in the window's mass: each glued place outside the spans counts for one)
        need = MIN_WINDOW_DIGITS
        left = mass - digits
        if left < need and left + window_glued - glued < need:
            return None
    for i in range(k):
        out.append(buf[i])
    return out


def _distractor_spans(t: str, ws: int, we: int) -> list:
    """The distractors in t[ws:we] as _distractors lists them (BLOCK_RE's and BLOCK_WORD_RE's matches)."""
    return _distractors(t, ws, we, 0, False)


def find_all(text: str) -> list[Found]:
    """Every number found in ``text``: US targets and the toll-free / non-US ones (``target=False``)."""
    if not isinstance(text, str) or not text:
        return []
    t = _normalise(text)
    found: list[Found] = []
    for ws, we, mass in _windows(t):
        found.extend(_scan_window(text, t, ws, we, mass))
    return found


def _scan_window(text: str, t: str, ws: int, we: int, mass: int) -> list[Found]:
    # distractors first: one pass of each expression (compiled: of the character scanner that finds the
    # same spans); their texts decide whether the window can still hold a number, their spans (sorted, as
    # a flat list start, end, start, end... of offsets from ws) then block the tokens they cover. Enough
    # digits left once the distractors are set aside? (number words glued to digits, as in "three1two",
    # are not in the window's mass: each glued boundary outside them counts for one)
    if COMPILED:
        blocks = _distractors(t, ws, we, mass, True)
        if blocks is None:
            return []
    else:
        by_word = _BLOCK_WORDS_RE.search(t, ws, we) is not None
        matches = list(BLOCK_RE.finditer(t, ws, we))
        if by_word:
            matches += BLOCK_WORD_RE.finditer(t, ws, we)
        blocks = []
        if matches:
            blocked = [m.group() for m in matches]
            left = mass - _digit_count("".join(blocked))
            if left < MIN_WINDOW_DIGITS and left + _glued(t[ws:we]) - _glued("|".join(blocked)) < MIN_WINDOW_DIGITS:
                return []
            spans = [m.span() for m in matches]
            if by_word:
                spans.sort()
            blocks = [x - ws for span in spans for x in span]
    toks = _tokenise(t, ws, we)
    _plurals_stay_words(text, toks)
    toks = _untracked(_merge_words(toks, t))
    if blocks:
        nb = len(blocks)
        bi = 0
        for tk in toks:
            if not tk.digits:
                continue
            ts, te = tk.start - ws, tk.end - ws  # the token as offsets from ws, like the spans
            while bi < nb:
                hi = blocks[bi + 1]
                if hi > ts:
                    break
                bi += 2
            k = bi
            while k < nb:
                lo = blocks[k]
                if lo >= te:
                    break
                hi = blocks[k + 1]
                if hi > ts:
                    tk.blocked = True
                    break
                k += 2
    out: list[Found] = []
    # international numbers after '+': reported, not targets; their digits are not NANP candidates
    if t.find("+", ws, we) >= 0:
        starts = [tk.start for tk in toks]
        for m in PLUS_RE.finditer(t, ws, we):
            if m.group(1).startswith("1"):
                continue
            k0 = bisect.bisect_left(starts, m.start(1))
            run = [tk for tk in toks[k0:k0 + 6] if tk.kind == "digit"]
            digits, end, prev = "", m.start(1), m.start()
            for tk in run:
                if tk.start - end > 2 or len(digits) + len(tk.digits) > 15:
                    break
                digits += tk.digits
                end = tk.end
            e164 = _international(digits)
            if e164:
                out.append(Found(e164, m.start(), end, ("international",), False))
                for tk in run:
                    if tk.end <= end:
                        tk.blocked = True
    return out + _scan_tokens(text, t, toks)


_START = attrgetter("start")


def _homophones_apart(toks: list[Tok]) -> None:
    """Turn into words the homophones that ``_scan_tokens`` would drop whatever the other homophones do,
    so that it does not have to scan the window twice (prose holds "for" and "to" in most windows).

    A word between a homophone and its neighbour (``wb``) makes that link a word gap or a break, never
    tight; a homophone of two letters or more stays a digit only with one tight link, a lone letter only
    with two (``_homophone_kept``). Dropping homophones only ever loosens links, so the homophones that
    ``_scan_tokens`` keeps in the end are the same with or without these dropped first.
    """
    n = len(toks)
    for k in range(n):
        tk = toks[k]
        if tk.kind == "homophone" and not tk.blocked:
            left_apart = k == 0 or tk.wb > 0
            right_apart = k == n - 1 or toks[k + 1].wb > 0
            if (left_apart or right_apart) if len(tk.word) == 1 else (left_apart and right_apart):
                tk.kind, tk.digits = "text", ""


def _number_tokens(t: str, toks: list[Tok]) -> tuple[list[Tok], list[int], dict]:
    """The number tokens of a window (``toks``, its prefixes set apart by ``_split_prefixes``), the links
    between them, and the *82 prefix glued before each that has one (index in the number tokens -> the
    prefix's token)."""
    nums: list[Tok] = _untracked([])
    links: list[int] = _untracked([])
    words_between = 0
    broken = False
    star = None  # a *82 (caller-ID unblocking) prefix waiting for the number it precedes
    star_before: dict[int, Tok] = {}  # index in nums -> the *82 prefix glued before that token
    for tk in toks:
        words_between += tk.wb
        if _star82_glued(tk, t) and not tk.blocked:
            # *82 is a dialling code, never part of the number: set it aside (_split_prefixes split
            # "*826..." so that here it always stands alone)
            star = tk
            broken = True
            continue
        if tk.digits and not tk.blocked and len(tk.digits) <= 11 and not _junk_run(tk.digits):
            if star is not None and (star.end == tk.start or _link(t, star, tk, 0) == TIGHT):
                star_before[len(nums)] = star
            star = None
            if nums:
                links.append(BREAK if broken else _link(t, nums[-1], tk, words_between))
            nums.append(tk)
            words_between = 0
            broken = False
        elif tk.kind == "text" or tk.kind == "hundred":
            words_between += 1
            star = None
        else:
            broken = True  # blocked token, an over-long digit run or a junk run of one digit
            star = None
    return nums, links, star_before


def _homophones_dropped(nums: list[Tok], links: list[int]) -> bool:
    """Turn into words the homophones among the number tokens that ``_homophone_kept`` does not keep;
    whether there were any."""
    homophones = False
    for tk in nums:
        if tk.kind == "homophone":
            homophones = True
            break
    if not homophones:
        return False
    keep = [_homophone_kept(nums, links, k) for k in range(len(nums))]
    if all(keep):
        return False
    for tk, kp in zip(nums, keep):
        if not kp:
            tk.kind, tk.digits = "text", ""
    return True


def _scan_tokens(text: str, t: str, toks: list[Tok]) -> list[Found]:
    _homophones_apart(toks)
    out: list[Found] = []
    # the prefixes are set apart once: they are cut from digit tokens, which the homophones dropped below
    # never are, and the homophones set apart by _homophones_apart stay so
    toks = _split_prefixes(t, toks)
    # number tokens and the links between them, again each time homophones are dropped (dropping one only
    # loosens links: the homophones kept in the end are those no loosening drops)
    nums, links, star_before = _number_tokens(t, toks)
    while _homophones_dropped(nums, links):
        nums, links, star_before = _number_tokens(t, toks)
    if len(nums) < 1:
        return out
    taken = bytearray(len(nums))  # 1 where a chosen number uses the token
    chosen = _chosen(t, nums, links, taken)
    if len(chosen) > 1:
        chosen.sort()
    for i, j, digits, prefix, target in chosen:
        start, end = nums[i].start, nums[j].end
        extra = []
        if prefix and start > 0 and t[start - 1] == "+":
            start -= 1
        if start > 0 and t[start - 1] == "(" and t[end:end + 1] != ")":
            start -= 1
        while end < len(t) and t[end] == L.NEUTRAL and end - nums[j].end < 3:
            end += 1
        if not prefix and i > 0 and _lone_one(nums, links, i) and not taken[i - 1]:
            # a country code standing apart from the ten digits ("1 six two six ...", "+1.4 2 4 ...")
            start = nums[i - 1].start - (nums[i - 1].start > 0 and t[nums[i - 1].start - 1] == "+")
            prefix = "+1"
        star = star_before.get(i) or (star_before.get(i - 1) if prefix and i > 0 and nums[i - 1].digits == "1"
                                      else None)
        if star is not None:
            start = star.start - 1
            extra.append("star82_prefix")
        if j + 1 < len(nums) and links[j] == TIGHT and len(nums[j + 1].digits) == 2 and not taken[j + 1] \
                and nums[j + 1].kind == "digit" and 18 <= int(nums[j + 1].digits) <= 69 \
                and t[nums[j].end:nums[j + 1].start].strip() in ("-", ".", "/", "", "*", "~", "_"):
            end = nums[j + 1].end
            extra.append("appended_age")
        if not target:
            extra.append("toll_free" if digits[0] == "8" else "non_us")
        kinds = _kinds(text, t, nums, links, i, j, prefix, tuple(extra))
        out.append(_found("+1" + digits, start, end, kinds, target))
    if len(out) > 1:
        out.sort(key=_START)
    return out
