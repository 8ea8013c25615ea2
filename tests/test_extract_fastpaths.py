"""The extractor's fast paths give the same answers as the straightforward code they replace.

Each fast path (candidates found by extending each start, ranked lazily on long token runs, and ranked
on C arrays in the compiled module; one
alternation for phonenumbers' number types and NANP regions; digit counting in C; the tokeniser's loop
without letter-spaced words; the character loops of the compiled module, among them the scanner that
finds the distractors BLOCK_RE and BLOCK_WORD_RE find and decides, in the same pass, whether the window
can still hold a number, and the window search's loops over texts of one byte per character) is compared
with a plain reference implementation on inputs that exercise it.
"""
import pickle
import random
import re
import sys
from pathlib import Path

import pandas as pd
import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontline import carriers, numbering, simulate
from frontline.adversarial import adversarial_text
from frontline.extract import _build, core, evaluate
from frontline.extract import lexicon as L

ROOT = Path(__file__).resolve().parents[1]


def _labelled_and_padded():
    """The hand-labelled ads, and the same ads padded to about 1 KB as ``benchmarks/bench_extract.py``
    times them."""
    records = evaluate.load_labelled(ROOT / "tests" / "data" / "labelled_ads.jsonl")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench_extract
        return records, bench_extract.padded_ads(records, 1000)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def _hostile_texts():
    rng = random.Random(4)
    texts = [adversarial_text(20_000, seed=s) for s in range(4)]
    texts.append(" ".join(rng.choice("23456789") for _ in range(5_000)))  # spaced digits
    texts.append(" ".join(rng.choice(["one", "two", "three", "five", "zero", "oh", "for"]) for _ in range(3_000)))
    atoms = list("0123456789") * 6 + list(" -.()*~_/|:+") * 2 + ["one ", "two ", "oh ", "for ", "zer0", "l", "O",
                                                               "!", "\n", "twenty ", "$", "%", "+1 ", "1-"]
    texts.append("".join(rng.choice(atoms) for _ in range(15_000)))
    return texts


def _token_runs(monkeypatch):
    """(t, nums, links) of every long token run the extractor ranks in the hostile texts."""
    runs = []
    original = core._chosen

    def spy(t, nums, links, taken):
        if len(nums) >= core._VECTOR_MIN_TOKENS:
            runs.append((t, list(nums), list(links)))
        return original(t, nums, links, taken)

    monkeypatch.setattr(core, "_chosen", spy)
    for text in _hostile_texts():
        core.find_all(text)
    monkeypatch.setattr(core, "_chosen", original)
    return runs


def test_long_runs_have_the_reference_candidates(monkeypatch):
    runs = _token_runs(monkeypatch)
    assert len(runs) >= 5
    assert sum(len(nums) for _, nums, _ in runs) > 10_000
    for t, nums, links in runs:
        cands = core._candidates(t, nums, links)
        assert cands, "a long run of digits has candidates"
        assert cands == _reference_candidates(t, nums, links)


def test_long_runs_are_ranked_by_score_then_start(monkeypatch):
    runs = _token_runs(monkeypatch)
    for t, nums, links in runs:
        expected = sorted(_reference_candidates(t, nums, links), key=lambda c: (-c[0], c[1]))
        assert list(core._ranked_candidates(t, nums, links, bytearray(len(nums)))) == expected


def _short_runs(monkeypatch):
    """(t, nums, links) of the token runs shorter than ``_VECTOR_MIN_TOKENS`` that the extractor ranks in
    the labelled ads and in 300-character slices of the hostile texts."""
    from frontline.extract import evaluate
    runs = []
    original = core._chosen

    def spy(t, nums, links, taken):
        if len(nums) < core._VECTOR_MIN_TOKENS:
            runs.append((t, list(nums), list(links)))
        return original(t, nums, links, taken)

    monkeypatch.setattr(core, "_chosen", spy)
    for rec in evaluate.load_labelled(Path(__file__).parent / "data" / "labelled_ads.jsonl"):
        core.find_all(rec["body"])
    for text in _hostile_texts():
        for k in range(0, len(text), 300):
            core.find_all(text[k:k + 300])
    monkeypatch.setattr(core, "_chosen", original)
    return runs


def test_short_runs_are_ranked_by_score_then_start(monkeypatch):
    runs = _short_runs(monkeypatch)
    assert len(runs) > 500
    ties = 0
    for t, nums, links in runs:
        cands = core._candidates(t, nums, links)
        starts = [c[1] for c in cands]
        assert starts == sorted(set(starts))  # one candidate per start, in order: what the ranking relies on
        ranked = list(core._ranked_candidates(t, nums, links, bytearray(len(nums))))
        assert ranked == sorted(cands, key=lambda c: (-c[0], c[1]))
        ties += len({c[0] for c in cands}) < len(cands)
    assert ties > 50  # equal scores, ordered by start, occur often


def _reference_candidates(t, nums, links):
    """The extractor's candidates as it first found them, with prefix sums and a bisection per start: the
    reference for ``core._candidates``. (score, i, j, digits, prefix) for token ranges nums[i..j] giving a
    NANP number.

    A range starts and ends on token boundaries, is joined only by usable links (a word gap only
    between groups of at least three digits), and holds ten digits, or eleven with a leading 1.
    Found with prefix sums and a bisection per start: linear in the number of tokens.
    """
    from bisect import bisect_left
    from itertools import accumulate
    TIGHT, WORDGAP = core.TIGHT, core.WORDGAP
    n = len(nums)
    lens = [len(tk.digits) for tk in nums]
    # segments of tightly linked tokens, to allow word gaps only between substantial groups
    seg_id = [0] * n
    seg_digits: list[int] = [0]
    for k in range(n):
        if k and links[k - 1] != TIGHT:
            seg_digits.append(0)
        seg_id[k] = len(seg_digits) - 1
        seg_digits[-1] += lens[k]
    usable = [lk == TIGHT or (lk == WORDGAP and seg_digits[seg_id[k]] >= 3 and seg_digits[seg_id[k + 1]] >= 3)
              for k, lk in enumerate(links)]
    next_break = [n] * (n + 1)  # first k >= i whose link to k+1 is unusable
    for k in range(n - 2, -1, -1):
        next_break[k] = k if not usable[k] else next_break[k + 1]
    next_break[n - 1] = n - 1
    cum = list(accumulate(lens, initial=0))
    hom = list(accumulate([tk.kind == "homophone" for tk in nums], initial=0))
    wg = list(accumulate([lk == WORDGAP for lk in links], initial=0))
    wg.append(wg[-1])
    all_digits = "".join([tk.digits for tk in nums])  # nums[i:m] spell all_digits[cum[i]:cum[m]]
    out = []
    for i in range(n):
        if not lens[i]:
            continue
        hi = min(n, i + 16)
        m = bisect_left(cum, cum[i] + 10, i + 1, hi + 1)
        if m > hi:
            continue
        j = m - 1
        if next_break[i] < j:
            continue
        total = cum[m] - cum[i]
        if total > 11:
            continue
        digits = all_digits[cum[i]:cum[m]]
        prefix = ""
        if total == 11:
            if digits[0] != "1":
                continue
            first = nums[i]
            plus = first.start > 0 and t[first.start - 1] == "+" or (first.start > 1 and t[first.start - 2:first.start] == "+ ")
            if not ((first.digits == "1" and first.kind == "digit" and (i == j or links[i] == TIGHT))
                    or (first.kind == "digit" and lens[i] >= 4) or plus):
                continue
            digits = digits[1:]
            prefix = "+1"
        layout = tuple(lens[i:m])
        score = 0.0
        if layout in core._LAYOUTS:
            score += 2
        elif max(layout) <= 2:
            score += 1.5
        score -= (wg[j] - wg[i]) * 0.5
        score -= (hom[m] - hom[i]) * 0.6
        if i == 0 or links[i - 1] != TIGHT or core._lone_one(nums, links, i):
            score += 1
        if j == n - 1 or links[j] != TIGHT:
            score += 1
        out.append((score, i, j, digits, prefix))
    return out


def _random_runs(n_runs=4_000, seed=5, longest=24):
    """Random runs of number tokens and links: digit groups of one to eleven digits, number words,
    homophones, tight links, word gaps and breaks, with "+" and "+ " before some tokens."""
    rng = random.Random(seed)
    runs = []
    for _ in range(n_runs):
        n = rng.randint(1, longest)
        nums, links, pos, chars = [], [], 0, []
        for k in range(n):
            kind = rng.choice(["digit"] * 6 + ["word", "homophone", "tens", "lookalike"])
            size = rng.choice([1, 1, 1, 2, 3, 3, 3, 4, 4, 6, 7, 10, 11]) if kind in ("digit", "lookalike") else (
                2 if kind == "tens" else 1)
            digits = "".join(rng.choice("0123456789") for _ in range(size))
            if rng.random() < 0.3:
                digits = "1" + digits[1:]
            lead = rng.choice(["", " ", "+", "+ ", "-", "  "])
            chars.append(lead)
            pos += len(lead)
            nums.append(core.Tok(pos, pos + size, digits, kind, "x" * size))
            chars.append("9" * size)
            pos += size
            if k < n - 1:
                links.append(rng.choice([core.TIGHT] * 4 + [core.WORDGAP, core.WORDGAP, core.BREAK]))
        runs.append(("".join(chars), nums, links))
    return runs


def test_candidates_equal_the_prefix_sum_reference(monkeypatch):
    runs = _short_runs(monkeypatch) + _random_runs()
    counts = {"10": 0, "11": 0, "gap": 0}
    for t, nums, links in runs:
        cands = core._candidates(t, nums, links)
        assert cands == _reference_candidates(t, nums, links), (t, [(tk.digits, tk.kind) for tk in nums], links)
        for score, i, j, digits, prefix in cands:
            counts["11" if prefix else "10"] += 1
            counts["gap"] += core.WORDGAP in links[i:j]
    assert min(counts.values()) > 200  # ten and eleven digits, and ranges across word gaps, all met


def test_ranking_skips_taken_ranges(monkeypatch):
    t, nums, links = max(_token_runs(monkeypatch), key=lambda r: len(r[1]))
    taken = bytearray(len(nums))
    taken[: len(nums) // 2] = b"\x01" * (len(nums) // 2)
    ranked = list(core._ranked_candidates(t, nums, links, taken))
    assert ranked
    assert all(i >= len(nums) // 2 for _, i, _, _, _ in ranked)


_TOK_FIELDS = ("start", "end", "digits", "kind", "word", "blocked", "single", "wb")


def _tokens_of(module, fields):
    """Tokens of ``module`` (the compiled core's Tok is its own class) from their fields."""
    out = []
    for start, end, digits, kind, word, blocked, single, wb in fields:
        tk = module.Tok(start, end, digits, kind, word)
        tk.blocked, tk.single, tk.wb = blocked, single, wb
        out.append(tk)
    return out


def _source_chosen_runs(monkeypatch, source):
    """(t, token fields, links, chosen) of every token run the source extractor picks numbers from in the
    hostile texts (whole and in 300-character slices) and the labelled ads, with what its ``_chosen`` (the
    plain Python ranking and selection) picked."""
    from frontline.extract import evaluate
    runs = []
    original = source._chosen

    def spy(t, nums, links, taken):
        fields = [tuple(getattr(tk, f) for f in _TOK_FIELDS) for tk in nums]
        chosen = original(t, nums, links, taken)
        runs.append((t, fields, list(links), list(chosen)))  # a copy: _scan_tokens sorts the list it gets
        return chosen

    monkeypatch.setattr(source, "_chosen", spy)
    for rec in evaluate.load_labelled(Path(__file__).parent / "data" / "labelled_ads.jsonl"):
        source.find_all(rec["body"])
    for text in _hostile_texts():
        source.find_all(text)
        for k in range(0, len(text), 300):
            source.find_all(text[k:k + 300])
    monkeypatch.setattr(source, "_chosen", original)
    return runs


def test_compiled_ranking_picks_what_the_source_picks(monkeypatch):
    """The compiled ranking (``_chosen_arrays``: ranges, scores and their order in C arrays, the digits made
    only for a range that is tried, the ranges counted out by score when there are few scores, else sorted
    by libc's qsort) picks the numbers the source's ``_chosen`` picks (``_ranked_candidates`` and classify_digits), in
    the same order, on the token runs of real and hostile texts and on random runs short and long."""
    source = _build.source_module()
    assert core.COMPILED and not source.COMPILED, "build the extractor (make) to test the compiled module"
    runs = _source_chosen_runs(monkeypatch, source)
    for n_runs, seed, longest in ((3_000, 11, 24), (300, 12, 400)):
        for t, nums, links in _random_runs(n_runs, seed, longest):
            fields = [tuple(getattr(tk, f) for f in _TOK_FIELDS) for tk in nums]
            mine = _tokens_of(source, fields)
            runs.append((t, fields, links, source._chosen(t, mine, links, bytearray(len(mine)))))
    seen = {"long": 0, "many scores": 0, "picked": 0, "eleven": 0}
    for t, fields, links, expected in runs:
        nums = _tokens_of(core, fields)
        assert core._chosen_arrays(t, nums, links, bytearray(len(nums))) == expected, (t, fields, links)
        scores = {c[0] for c in source._candidates(t, _tokens_of(source, fields), links)}
        seen["long"] += len(nums) >= core._VECTOR_MIN_TOKENS
        seen["many scores"] += len(scores) > 16
        seen["picked"] += len(expected)
        seen["eleven"] += sum(prefix == "+1" for _, _, _, prefix, _ in expected)
    assert min(seen.values()) >= 5, seen  # long runs, runs of many scores, eleven digits: all met


def test_ranges_skipped_unjoined_are_refused_by_classify_digits():
    """The compiled ranking makes no string for ten digits whose area code or exchange starts below "2":
    ``classify_digits`` refuses all of those, ASCII digits or not."""
    rng = random.Random(13)
    alphabet = "0123456789" + "\uff10\uff11\uff12\u0661\u0669" + "/ -"
    for _ in range(20_000):
        d = "".join(rng.choice(alphabet) for _ in range(10))
        if rng.random() < 0.5:
            d = rng.choice("01/ -") + d[1:]
        else:
            d = d[:3] + rng.choice("01/ -") + d[4:]
        assert core.classify_digits(d) is None, d


def _numbers_to_classify():
    rng = random.Random(9)
    regions = ["US", *core._NANP_REGIONS]
    out = [f"{npa}{rng.randrange(200, 1000)}{rng.randrange(10_000):04d}" for npa in range(200, 1000)
           for _ in range(3)]
    for region in regions:  # around every example number, so that every type and region is hit
        for kind in range(12):
            ex = phonenumbers.example_number_for_type(region, kind)
            if ex is not None:
                base = str(ex.national_number)
                for keep in (3, 4, 6, 7):
                    out += [base[:keep] + "".join(rng.choice("0123456789") for _ in range(10 - keep))
                            for _ in range(3)]
    return regions, out


def test_number_type_alternation_equals_the_loop_over_types():
    regions, numbers = _numbers_to_classify()
    seen = set()
    for d in numbers:
        for region in regions:
            general, _, types = core._region_patterns(region)
            expected = None
            if general.fullmatch(d):
                expected = next((name for name, pattern in types if pattern.fullmatch(d)), None)
            assert core._number_type(d, region) == expected, (d, region)
            seen.add(expected)
    assert {"fixed_line", "toll_free", "premium_rate", None} <= seen


def test_region_alternation_equals_the_loop_over_regions():
    _, numbers = _numbers_to_classify()
    verdicts = set()
    for d in numbers:
        kind = core._number_type(d, "US")
        if kind is not None:
            expected = (True, kind not in core._NOT_TARGET_TYPES)
        else:
            expected = None
            for region in core._NANP_REGIONS:
                _, leading, _ = core._region_patterns(region)
                if leading is not None:
                    if leading.match(d):
                        expected = (True, False) if core._number_type(d, region) else None
                        break
                elif core._number_type(d, region):
                    expected = (True, False)
                    break
        assert core._classify_number(d) == expected, d
        verdicts.add(expected)
    assert verdicts == {None, (True, True), (True, False)}


@pytest.mark.parametrize("s", ["", "abc", "0123456789", "a1b22c333", "\uff11\uff12 12 \u0663", "\U0001d7ce9\u20e3",
                               "\ud800x1", "10:30 $150 " * 50])
def test_digit_count_counts_ascii_digits(s):
    assert core._digit_count(s) == sum(s.count(d) for d in "0123456789")


def test_tokeniser_fast_loop_equals_the_general_loop():
    rng = random.Random(6)
    pieces = ["call", "me", "at", "213", "555", "0147", "two", "one", "three", "twenty", "hundred", "for", "to",
              "oh", "o", "l", "2l3", "o1o3", "3one0", "zer0", "dot", "dash", "23yo", "36d", "$150", "!", "2!3",
              "caf\u00e9", "\u00e9t\u00e9", "once", "ate", "-", ".", "(", ")", " ", "  ", "\n"]
    texts = ["".join(rng.choice(pieces) + rng.choice(["", " ", "-", "."]) for _ in range(rng.randint(1, 80)))
             for _ in range(400)]
    fields = ("start", "end", "digits", "kind", "word", "wb")
    compared = 0
    for text in texts:
        t = text.lower()
        if core.SPACED_RE.search(t):
            continue
        fast = core._tokenise(t, 0, len(t))
        general = core._tokenise_spaced(t, 0, len(t), [])
        assert [[getattr(tk, f) for f in fields] for tk in fast] == \
            [[getattr(tk, f) for f in fields] for tk in general], text
        compared += 1
    assert compared > 300


def test_tokeniser_offsets_hold_inside_a_window():
    """The split-based loop gives offsets into the whole text, not into the window's slice."""
    t = "rates $150 hh. call two one three 555 o1o3 or 2l3-555-0147 after 10pm, ok"
    for ws in range(0, 20):
        for we in range(len(t) - 10, len(t) + 1):
            fast = core._tokenise(t, ws, we)
            general = core._tokenise_spaced(t, ws, we, [])
            assert [(tk.start, tk.end, tk.digits, tk.kind, tk.wb) for tk in fast] == \
                [(tk.start, tk.end, tk.digits, tk.kind, tk.wb) for tk in general]
            assert all(t[tk.start:tk.end] == (tk.word or tk.digits) for tk in fast if tk.kind in ("digit", "word"))


def _anchor_positions(t, hits):
    out = []
    for w in hits:
        pos = t.find(w)
        while pos >= 0:
            before = t[pos - 1] if pos else " "
            after = t[pos + len(w)] if pos + len(w) < len(t) else " "
            if not ("a" <= before <= "z" or "a" <= after <= "z"):
                out.append((pos, pos + len(w), w))
            pos = t.find(w, pos + len(w))
    return out


def test_word_anchors_on_ascii_bytes_equal_the_str_path():
    rng = random.Random(9)
    words = ["one", "two", "tw0", "three", "for", "oh", "zero", "someone", "often", "seven-eleven", "nine!",
             "cero", "uno", "dos", "ocho", "x", "213", "(five)", "eight.", "ninety", "twentyone", "\t", "\n"]
    for _ in range(300):
        t = " ".join(rng.choice(words) for _ in range(rng.randint(0, 40)))
        assert t.isascii()
        assert sorted(core._word_anchors(t)) == sorted(_anchor_positions(t, core.ANCHOR_WORDS.intersection(
            t.translate(core.WORD_VIEW).split())))
    # the same words in a non-ASCII text take the str path and are found at the same places
    t = "call one two three \u00e9 five"
    assert sorted(w for _, _, w in core._word_anchors(t)) == ["five", "one", "three", "two"]


#: Places where an ASCII letter and digit touch: what ``_glued`` counts.
_GLUE_RE = re.compile(r"[0-9](?=[a-z])|[a-z](?=[0-9])")


@pytest.mark.parametrize("s", ["", "three1two", "2l3-555-o147", "0a0a", "a0a0", "abc 123", "caf\u00e91",
                               "\uff11a1\U0001d7ce9", "36d-24-36 10am 2hrs", "x" * 50 + "1"])
def test_glued_counts_letter_digit_contacts(s):
    assert core._glued(s) == len(_GLUE_RE.findall(s))


def _loop_texts(n=4_000, seed=12):
    rng = random.Random(seed)
    atoms = list("0123456789 !abz\u00c0\u024f\u0250\u00e9\x00 -.") + [
        "  ", " a b", " t h r e e ", "s e v e n", "l!l", "1!", "!1", " one ", "three", "tw", "f1ve", "zer0", "0ne",
        " seven", "nueve ", "tw0", "s1x", "twenty", " x  y", "2 for 1", "for", "to", "oh", "won", "fore", "once",
        "4or", "\u00a0", "\u3000", "\x85", "\x1c", "ONE", "Tw0"]
    texts = ("".join(rng.choice(atoms) for _ in range(rng.randint(0, 120))) for _ in range(n))
    # lower-case as the extractor sees its texts, and some left as they are (upper case is in no anchor word)
    return [t if k % 5 == 0 else t.lower() for k, t in enumerate(texts)]


def _zones_by_regex(t):
    return [(m.start(), m.end(), core._digit_count(m.group())) for m in core.DIGIT_ZONE_RE.finditer(t)]


def test_character_loops_equal_the_regular_expressions_they_replace():
    # the compiled module runs these loops instead of the regexes; both must find the same things
    texts = _loop_texts()
    hits = zones = spaced = homophones = 0
    for t in texts:
        found_zones, found_hits = [], set()
        hint = core._scan_anchors(t, found_zones, found_hits)
        assert found_zones == [x for zone in _zones_by_regex(t) for x in zone], t
        words = core.ANCHOR_WORDS.intersection(t.translate(core.WORD_VIEW).split())
        assert found_hits == words, t
        if t.isascii():  # the bytes split of the Python source finds the same words
            assert {w.decode() for w in core.ANCHOR_WORDS_ASCII.intersection(
                t.encode().translate(core.WORD_VIEW_BYTES).split())} == words, t
        assert hint == (core._SPACED_HINT_RE.search(t) is not None), t
        assert core._glued(t) == len(_GLUE_RE.findall(t)), t
        for ws, we in [(0, len(t)), (len(t) // 3, len(t) - 5), (7, 30)]:
            expected = len([w for w in t[ws:we].translate(core.WORD_VIEW).split() if w in core._HOMOPHONE_WORDS])
            assert core._homophones(t, ws, we) == expected, (t, ws, we)
            homophones += expected > 0
        hits += bool(words)
        zones += bool(found_zones)
        spaced += hint
    assert min(hits, zones, spaced, homophones) > 100  # every loop met what it looks for, many times


def _anchor_hits(t):
    hits = set()
    core._scan_anchors(t, [], hits)
    return hits


def test_every_anchor_word_is_found_by_the_character_loop():
    for word in sorted(core.ANCHOR_WORDS):
        for wide in ("", " \u0100"):  # the one-byte loop and the general one
            assert _anchor_hits(f"x {word}, y{wide}") == {word}
            assert _anchor_hits(f"{word}{wide}") == {word}
            assert _anchor_hits(f"x{word}y{wide}") == set()
            assert _anchor_hits(f"x {word}\u00e9 y{wide}") == set()
            t = f"x {word[:-1]} {word}x {word[1:]}{wide}"
            assert _anchor_hits(t) == core.ANCHOR_WORDS.intersection(t.translate(core.WORD_VIEW).split())


#: Texts with number words glued to digits, to each other, or across separator words, and their near misses.
_GLUED_PIECES = ["3", "42", "0", "two", "seven", "tw", "zero", "six", "sixteen", "twenty", "veinte", "dash", "dot",
                 "a", "am", "pm", "hrs", "x", "yo", "lbs", "sevenish", "tens", "one", "ten", "eight", "teen"]


def _glued_texts(n=6_000, seed=21):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 12)):
            parts.append("".join(rng.choice(_GLUED_PIECES) for _ in range(rng.randint(1, 4))))
            parts.append(rng.choice([" ", " ", "-", ".", "_", ", ", "/", "  "]))
        out.append("".join(parts))
    return out


def test_glued_chunks_are_never_missed_by_the_cheap_test():
    """``_glued_candidates`` is a necessary condition: where it says no, _GLUED_CHUNK_RE finds no chunk
    with a number word in it."""
    caught = 0
    for k, text in enumerate(_glued_texts()):
        t = text if k % 2 else text + " \u0100"  # the one-byte loop and the general one
        for start in range(0, len(text), 7):
            for end in (start + 20, start + 61, len(text)):
                words = [w for c in core._GLUED_CHUNK_RE.findall(t, start, end)
                         for w in core._WORD_IN_CHUNK_RE.findall(c)]
                if words:
                    assert core._glued_candidates(t, start, end), (t, start, end)
                    caught += 1
    assert caught > 5_000


def _obfuscated_texts(n=6_000, seed=31):
    """Random strings from an obfuscation-rich alphabet: digits, number words (English, Spanish, misspelt,
    leet), homophones, letter-spaced and glued words, separators and characters outside ASCII."""
    rng = random.Random(seed)
    atoms = (list("0123456789") * 3 + list(" -.()/+*!~_|:#$%'\"\n\t,") +
             ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "zero", "ten", "twenty", "fifteen",
              "hundred", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "cero", "veinte",
              "thre", "fiv", "sevn", "zer0", "f1ve", "tw0", "s1x", "0ne", "n1ne", "thr33", "for", "to", "too", "oh",
              "won", "ate", "fore", "tu", "4or", "once", "free", "tree", "o", "l", "I", "O", "S", "B", "t h r e e",
              "s e v e n", "f  i  v  e", "n i n e", " a ", " x y", "3twoseven", "sevenzerosix", "threedashtwo",
              "1one2", "dash", "dot", "punto", "\u00e9", "\u00a0", "\u3000", "\u2460", "\uff12", "\U0001d7d0", "\u20e3",
              "\U0001f525", "\u00b2", "\u0663", "\u00c9T\u00c9", "ONE", "Two", "caf\u00e9", "\u2028", "\x85", "\x1c", "\u0417"])
    return ["".join(rng.choice(atoms) + rng.choice(["", "", " ", "-", "."]) for _ in range(rng.randint(1, 70)))
            for _ in range(n)]


def _corpus_texts():
    """The ads of the benchmark, simulated ads (a small corpus simulated here, and the workflow's corpora when
    present), adversarial text and obfuscated random strings."""
    records, padded = _labelled_and_padded()
    texts = [r.get(k) or "" for r in records for k in ("title", "body", "url")]
    texts += [r["body"] for r in padded]
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench_extract
        texts += list(bench_extract.adversarial(60_000).values())
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    holders = numbering.load_holders(numbering.default_database(), area_codes=[213, 310, 323, 818, 415])
    blocks = simulate.candidate_blocks(numbering.effective_blocks(holders),
                                       carriers.load_carriers(ROOT / "data/reference/carriers.csv"))
    in_region = (blocks["prefix"] // 10_000).isin([213, 310, 323, 818])
    spec = simulate.SimulationSpec(region="la", n_ads=1_500, start="2012-05-01", end="2012-06-30",
                                   sites=["a.example"], seed=17,
                                   carrier_mix={"MetroPCS": 0.2, "T-Mobile": 0.4, "CLEC/VoIP": 0.4})
    simulated = [simulate.simulate_corpus(spec, blocks[in_region], blocks[~in_region])[0]]
    simulated += [pd.read_parquet(p, columns=["title", "body", "url"]).head(3_000)
                  for p in sorted((ROOT / "data" / "simulated").glob("*/ads.parquet"))]
    for ads in simulated:
        texts += [x for col in ("title", "body", "url") for x in ads[col].tolist() if isinstance(x, str)]
    texts += [adversarial_text(20_000, seed=s) for s in range(3)]
    texts += _obfuscated_texts() + _glued_texts(2_000)
    return [t for t in texts if t]


def test_compiled_windows_equal_the_source_windows():
    """The compiled window search (one pass over the characters, cheap tests before the regexes) finds the
    windows of the Python source (regexes, splits and translations), on ads and on hostile text."""
    source = _build.source_module()
    assert core.COMPILED and not source.COMPILED, "run `make` (or `pip install -e .`) to compile the extractor"
    seen = {"windows": 0, "spaced": 0, "glued": 0, "homophones": 0, "words": 0}
    texts = _corpus_texts()
    for text in texts:
        for t in {source._normalise(text), text}:  # the raw text too: other characters, upper case
            windows = source._windows(t)
            assert core._windows(t) == windows, t[:300]
            seen["windows"] += bool(windows)
            if len(t) > 5_000:
                continue
            zones = [(m.start(), m.end()) for m in source.DIGIT_ZONE_RE.finditer(t)]
            seen["spaced"] += bool(source._spaced_anchors(t))
            seen["words"] += bool(source._word_anchors(t))
            seen["glued"] += any(source._glued_mass(t, ws, we) for ws, we in zones)
            seen["homophones"] += any(source._homophones(t, ws, we) for ws, we in zones)
    assert len(texts) > 10_000
    assert min(seen.values()) > 200, seen  # every path of the search met what it looks for


#: Characters beyond ASCII that Python still stores in one byte each (Latin-1): spaces (NEL, no-break space),
#: letters and digits by ``isalnum`` (superscripts, fractions, ordinal marks, accented letters) and others.
_LATIN1_ATOMS = ["\x85", "\xa0", "\xaa", "\xb2", "\xb5", "\xbd", "\xc0", "\xd7", "\xe9", "\xf7", "\xff", "\x80",
                 "\x9f", "\xa7", "caf\xe9", "\xe9one", "one\xe9", "f\xedve"]
#: One character of each wider kind, to make a text that holds it take the compiled module's general loops.
_WIDE = ["\u0100", "\u2028", "\U0001f525"]


def _kind_variants(t, k):
    """``t`` as it is, and with a character of a wider kind appended (apart, by a space) or put first."""
    wide = _WIDE[k % len(_WIDE)]
    return [t, t + " " + wide, wide + t]


def _long_texts():
    """Long texts: more digit zones and candidate words than the compiled loops keep in C arrays at once."""
    rng = random.Random(41)
    _, padded = _labelled_and_padded()
    bodies = [r["body"] for r in padded]
    texts = [" ".join(rng.sample(bodies, 12)) for _ in range(6)]
    texts += [" ".join(rng.choice(["1", "22", "one", "five", "for", "to", "x" * 45, "f1ve", "2one3", "o n e",
                                   "t h r e e", "\xe9", "zero"]) for _ in range(6_000)) for _ in range(3)]
    return texts + [t.lower() for t in texts]


def _latin1_texts(n=3_000, seed=43):
    rng = random.Random(seed)
    atoms = _LATIN1_ATOMS + ["one", "two", "f1ve", "zer0", "ocho", "ochocho", "1", "23", "456", " ", "  ", "-", ".",
                             "_", "t h r e e", "s  e  v  e  n", " a b", "for", "to", "oh", "won", "3two", "sevenzero"]
    return ["".join(rng.choice(atoms) for _ in range(rng.randint(0, 60))) for _ in range(n)]


def test_windows_of_one_byte_and_wider_texts_equal_the_source_windows():
    """The compiled window search has a loop for texts of one byte per character and the general one: both
    find the windows of the Python source, on Latin-1 text, long text and text of other kinds."""
    source = _build.source_module()
    kinds = {1: 0, 2: 0, 4: 0}
    windows = 0
    texts = _long_texts() + _latin1_texts() + _obfuscated_texts(1_500, seed=44) + _loop_texts(1_500, seed=45)
    for k, text in enumerate(texts):
        for t in _kind_variants(text, k):
            top = max(map(ord, t), default=0)
            kinds[1 if top < 0x100 else 2 if top < 0x10000 else 4] += 1  # bytes per character
            found = core._windows(t)
            assert found == source._windows(t), t[:300]
            windows += len(found)
    assert min(kinds.values()) > 1_000 and windows > 10_000


def test_anchor_scan_of_long_texts_equals_the_regular_expressions():
    # more zones and words than the one-byte loop keeps in its C arrays between two passes
    for t in _long_texts():
        zones, hits = [], set()
        hint = core._scan_anchors(t, zones, hits)
        assert zones == [x for zone in _zones_by_regex(t) for x in zone]
        assert hits == core.ANCHOR_WORDS.intersection(t.translate(core.WORD_VIEW).split())
        assert hint == (core._SPACED_HINT_RE.search(t) is not None)
        assert len(zones) // 3 > 32  # the one-byte loop keeps 32 zones between two passes


def test_anchor_places_and_spaced_words_equal_find_and_the_regex():
    """The one-byte loops of ``_anchor_places`` (memchr on the rarest character) and ``_spaced_words`` (the
    expression tried where its head holds) give what ``str.find`` and ``SPACED_RE.finditer`` give."""
    placed = spaced = 0
    for k, text in enumerate(_latin1_texts(3_000, seed=47) + _loop_texts(2_000, seed=48)):
        for t in _kind_variants(text, k):
            hits = core.ANCHOR_WORDS.intersection(t.translate(core.WORD_VIEW).split())
            places = core._anchor_places(t, hits)
            assert sorted(places) == sorted(_anchor_positions(t, hits)), t
            expected = [(m.start(), m.end(), m.group().replace(" ", "")) for m in core.SPACED_RE.finditer(t)]
            assert core._spaced_words(t) == expected, t
            placed += len(places)
            spaced += len(expected)
    assert placed > 2_000 and spaced > 500
    # places inside words, next to characters other than letters, and a word that repeats its beginning
    for t in ["1five2 five", "FIVEfive", "ochocho ocho", "\xe9one1one", "zer0zer0", "x0ne 0ne0ne", "tw0tw0"]:
        hits = core.ANCHOR_WORDS.intersection(t.translate(core.WORD_VIEW).split()) | {"one", "ocho", "0ne", "tw0"}
        assert sorted(core._anchor_places(t, hits)) == sorted(_anchor_positions(t, hits)), t


def test_windows_find_anchor_places_inside_words():
    # anchor words inside words of letters and other characters, next to characters other than a-z, and a
    # word that repeats its beginning: what _anchor_places adds to the window search
    source = _build.source_module()
    for t in ["call 1five2 or five 5 5 5", "x FIVEfive 2 3 4", "ochocho ocho 1 2", "\xe9one1one 2 3 4 5",
              "zer0zer0 3 4 5 6", "2 x0ne 0ne0ne 3 4", "tw0tw0 tw0 1 2 3", "one two 3 4 f1ve5six 7"]:
        assert core._windows(t) == source._windows(t), t


def test_normalising_equals_translating_through_the_table():
    from frontline.extract import lexicon as L
    # the shortcut relies on this: the table maps ASCII as str.lower does
    assert all(L.TABLE.get(c, chr(c)) == chr(c).lower() for c in range(128))
    rng = random.Random(11)
    others = [chr(c) for c in sorted(L.TABLE) if c > 127][::7] + list("\u0130\u00c9\u00df\u1e9e\u03a3\ufb03\u2126")
    atoms = list("AbZ09 -.\n$") + others + ["\U0001f525", "3\ufe0f\u20e3", "\u2460", "\uff12", "\u0130stanbul"]
    texts = ["".join(rng.choice(atoms) for _ in range(rng.randint(0, 80))) for _ in range(3_000)]
    # every character of the table, and any code point at all (astral, surrogates, NUL)
    texts.append("".join(chr(c) for c in sorted(L.TABLE)))
    texts += ["".join(chr(rng.randint(0, 0x10FFFF)) if rng.random() < 0.3 else rng.choice(atoms)
                      for _ in range(rng.randint(1, 60))) for _ in range(1_000)]
    changed = 0
    for text in texts:
        for module in (core, SOURCE):  # compiled: one pass over the characters; source: split into runs
            t = module._normalise(text)
            assert t == text.translate(L.TABLE), text
            assert len(t) == len(text)
        changed += t != text.lower()
    assert changed > 1_000  # many texts hold characters that lower-casing alone would get wrong


def test_homophones_set_apart_first_change_no_answer(monkeypatch):
    # _scan_tokens drops up front the homophones no other homophone can save; the answers are those of
    # scanning with every homophone and dropping them pass by pass (the source module, without the step)
    from frontline.extract import _build
    plain = _build.source_module("frontline.extract._core_no_shortcut")
    monkeypatch.setattr(plain, "_homophones_apart", lambda toks: None)
    rng = random.Random(21)
    atoms = ["for ", "to ", "oh ", "won ", "o ", "i ", "l ", "four ", "too ", "-", " ", ", ", "call ", "me ",
             "2", "13", "555", "0147", "310", "8", "42", "(", ")", ".", "\n", "$40 ", "24/7 "]
    texts = ["".join(rng.choice(atoms) for _ in range(rng.randint(5, 40))) for _ in range(3_000)]
    texts += ["call me for a good time 213 555 0147 or text to 2l3-555-o147",
              "3 won oh-ate 6 for-to 3 fore oh", "two one three, five five five, oh one four seven"]
    def answers(module, text):
        return [(f.number, f.start, f.end, f.kinds, f.target) for f in module.find_all(text)]

    dropped = found = 0
    for text in texts:
        assert answers(core, text) == answers(plain, text), text
        found += bool(core.find_all(text))
        t = core._normalise(text)
        for ws, we, _ in core._windows(t):
            toks = core._tokenise(t, ws, we)
            before = sum(tk.kind == "homophone" for tk in toks)
            core._homophones_apart(toks)
            dropped += before - sum(tk.kind == "homophone" for tk in toks)
    assert found > 300 and dropped > 1_000  # numbers were found and the shortcut did its work


def test_found_built_directly_is_the_dataclass_instance():
    import dataclasses
    for args in [("+12135550147", 0, 12, ("plain",), True), ("+18005550147", 3, 20, ("toll_free", "spelled"), False)]:
        fast, slow = core._found(*args), core.Found(*args)
        assert type(fast) is core.Found
        assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
        assert dataclasses.asdict(fast) == dataclasses.asdict(slow) and dataclasses.astuple(fast) == args
        assert not hasattr(fast, "__dict__") and pickle.loads(pickle.dumps(fast)) == slow
        with pytest.raises(dataclasses.FrozenInstanceError):
            fast.start = 1

# --- the distractor scanner (compiled path of _scan_window) against BLOCK_RE and BLOCK_WORD_RE ---------

SOURCE = _build.source_module()


def _regex_distractors(t, ws, we):
    """What _scan_window's source path blocks: BLOCK_RE's matches in t[ws:we] and, when the window holds a
    keyword, BLOCK_WORD_RE's, sorted, as the scanner returns them (flat: start, end, start, end... of
    offsets from ws)."""
    spans = [m.span() for m in core.BLOCK_RE.finditer(t, ws, we)]
    if core._BLOCK_WORDS_RE.search(t, ws, we) is not None:
        spans += [m.span() for m in core.BLOCK_WORD_RE.finditer(t, ws, we)]
    return [x - ws for span in sorted(spans) for x in span]


def _ad_windows(with_mass=False):
    """(t, ws, we) of every window of the labelled ads and of the benchmark's padded ads (and its mass)."""
    records, padded = _labelled_and_padded()
    out = []
    for rec in records + padded:
        for field in ("title", "body", "url"):
            text = rec.get(field) or ""
            t = core._normalise(text)  # as find_all normalises
            out += [(t, ws, we, mass) if with_mass else (t, ws, we) for ws, we, mass in core._windows(t)]
    return out


def test_distractor_scanner_equals_the_regexes_on_the_ads_windows():
    windows = _ad_windows()
    blocked = 0
    for t, ws, we in windows:
        spans = core._distractor_spans(t, ws, we)
        assert spans == _regex_distractors(t, ws, we), t[ws:we]
        blocked += len(spans) // 2
    assert len(windows) > 1_000 and blocked > 3_000


#: Pieces of distractors and near misses: digits, separators, units, street words, post-ID and state keywords.
_DISTRACTOR_ATOMS = (list("0123456789") * 6 + list(" -./:$()%'\"\n,!;#?") * 2 + [
    "yo", "y/o", "y.o", "y.o.", "yr", "yrs", "years", "anos", "a\u00f1os", "lbs", "kg", "hr", "hrs", "hh", "hour",
    "min", "mins", "minutes", "am", "pm", "cm", "inch", "ft", "feet", "bucks", "usd", "roses", "friendly",
    "percent", "dd", "sec", "gb", "st", "nd", "rd", "th", "ave", "avenue", "blvd", "way", "pkwy", "main",
    "sunset", "n ", "n. ", "e ", "w ", "id", "id:", "post", "post id", "ref", "ad #", "ad id", "ad#", "listing",
    "ca", "ca.", "ca.,", "california", "for", " for ", "2 for 1", "24/7", "24 / 7", "10:30", "10:30:45",
    "05/04/2012", "2012-05-04", "12345-6789", "34c-24-36", "36dd - 24 - 36", "80/220/370", "(33)", "$ ", "  ",
    "x", "ab", "abcdefghijklm", "\u00e9", "\u00f1", "\u2603", "\ud800", "\uff11", "\x00", "1999", "20", "19",
    "12", "123", "1234", "90028", "123456", "12345678901234567890123", "main ", "big ", "w ", "   ", " .,", "!;)"])


def _distractor_texts(n, seed):
    rng = random.Random(seed)
    return ["".join(rng.choice(_DISTRACTOR_ATOMS) for _ in range(rng.randint(0, 30))) for _ in range(n)]


@pytest.mark.parametrize("module", [core, SOURCE], ids=["core", "source"])
def test_distractor_scanner_equals_the_regexes_on_random_text(module):
    rng = random.Random(21)
    matched = 0
    for t in _distractor_texts(12_000, seed=22):
        ws, we = (0, len(t)) if rng.random() < 0.3 else sorted((rng.randint(0, len(t)), rng.randint(0, len(t))))
        spans = module._distractor_spans(t, ws, we)
        assert spans == _regex_distractors(t, ws, we), (t, ws, we)
        matched += bool(spans)
    assert matched > 4_000


def test_distractor_scanner_finds_every_unit_and_street_word():
    # each word the scanner's trie holds, in the places where the regexes look for it, and near misses
    for word in core._literal_words(core._UNITS) + core._literal_words(core._STREET):
        for t in (f"x 12 {word} x", f"x 12{word}!", f"x 1234 {word}", f"x 12{word}s x", f"x 12 {word[:-1]} x",
                  f"x 1234 main {word} x", f"x 1234 n. main {word}1", f"x 1234 main {word}s", f"5 lake {word[:-1]}",
                  f"x 12 ab cd ef {word}", f"x 12 ab cd ef gh {word}", f"x 12 abcdefghijklm {word}"):
            assert core._distractor_spans(t, 0, len(t)) == _regex_distractors(t, 0, len(t)), t


def test_distractor_scanner_on_keyword_and_separator_variants():
    # every way of writing the characters between a keyword or a first number and the digits or words that
    # make a distractor of it, with what may follow
    heads = ["id", "ref", "post", "listing", "ad", "ad ", "california", "ca", "xid", "pca", "2", "1", "12", "123",
             "1234", "$"]
    seps = ["", " ", "  ", "   ", ":", "#", " #", ": #", "# #", "##", " : ", ".", ",", ".,", ". ,", "id", " id",
            " for 1", "/", " / ", "-", " - ", "c-", "(", "y", " y/"]
    digits = ["", "1", "12", "123", "1234", "12345", "123456", "1234567890123456789", "12345678901234567890",
              "123456789012345678901"]
    ends = ["", "x", "1", " x", "...x", "....x", " .,!x", ")\n", "/12", ":30", "-24-36", " lbs", "yrs"]
    compared = blocked = 0
    for head in heads:
        for sep in seps:
            for d in digits:
                for end in ends:
                    t = f"q {head}{sep}{d}{end}"
                    spans = core._distractor_spans(t, 2, len(t))
                    assert spans == _regex_distractors(t, 2, len(t)), t
                    compared += 1
                    blocked += bool(spans)
    assert compared > 50_000 and blocked > 10_000


_WINDOW_TEXTS = st.lists(st.sampled_from(_DISTRACTOR_ATOMS), max_size=40).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_WINDOW_TEXTS, st.integers(0, 200), st.integers(0, 200))
def test_distractor_scanner_equals_the_regexes_on_hypothesis_text(t, a, b):
    ws, we = min(a, b, len(t)), min(max(a, b), len(t))
    assert core._distractor_spans(t, ws, we) == _regex_distractors(t, ws, we)


def _regex_window(t, ws, we, mass):
    """What _scan_window's source path decides from the regexes before it tokenises: None when the
    window, its distractors set aside, cannot hold a number; else the spans that block its tokens."""
    matches = list(core.BLOCK_RE.finditer(t, ws, we))
    if core._BLOCK_WORDS_RE.search(t, ws, we) is not None:
        matches += core.BLOCK_WORD_RE.finditer(t, ws, we)
    if matches:
        blocked = [m.group() for m in matches]
        left = mass - core._digit_count("".join(blocked))
        if left < core.MIN_WINDOW_DIGITS and \
                left + core._glued(t[ws:we]) - core._glued("|".join(blocked)) < core.MIN_WINDOW_DIGITS:
            return None
    return _regex_distractors(t, ws, we)


def _many_spans_texts(n, seed):
    """Windows with dozens of distractors (more than the compiled scan keeps in its C array), some with
    enough other digits to stay, some (in 1-byte, 2-byte and 4-byte strings) without."""
    rng = random.Random(seed)
    pieces = ["$1 ", "$150 ", "(33) ", "5'6\" ", "23yo ", "10:30 ", "7/15 ", "id 12 ", "ca 90028 ", "24/7 ",
              "34c-24-36 ", "2 for 1 ", "1200 w sunset blvd ", "x ", "a1b ", "12 ", "\u00e9 ", "one "]
    out = []
    for k in range(n):
        extra = ("", "\u2603 ", "\U0001f600 ")[k % 3]  # one piece that makes a string of 1, 2 or 4 bytes a character
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 120)))
        out.append(text + extra + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))))
    return out


@pytest.mark.parametrize("module", [core, SOURCE], ids=["core", "source"])
def test_window_rejection_equals_the_regex_way(module):
    # _distractors decides, from one pass, what _scan_window's source path decides from the regexes'
    # matches: whether the window is dropped, and else which spans block its tokens
    rng = random.Random(24)
    cases = [(t, ws, we, mass) for t, ws, we, mass in _ad_windows(with_mass=True)]
    for t in _distractor_texts(6_000, seed=25) + _many_spans_texts(1_500, seed=26):
        ws, we = (0, len(t)) if rng.random() < 0.3 else sorted((rng.randint(0, len(t)), rng.randint(0, len(t))))
        cases.append((t, ws, we, rng.randint(0, 3 * core._digit_count(t[ws:we]) + 6)))
    outcomes = {"dropped": 0, "kept": 0, "many": 0}
    for t, ws, we, mass in cases:
        want = _regex_window(t, ws, we, mass)
        assert module._distractors(t, ws, we, mass, True) == want, (t, ws, we, mass)
        assert module._distractors(t, ws, we, mass, False) == _regex_distractors(t, ws, we), (t, ws, we)
        outcomes["dropped" if want is None else "kept"] += 1
        outcomes["many"] += want is not None and len(want) > 32
    assert min(outcomes.values()) > 200, outcomes


# --------------------------------------------------------------------------------------------------
# The compiled tokeniser (_tokenise_chars, the chunk memo, _merge_words' early return) gives the tokens of
# the plain source, field by field, on every window of realistic, simulated and hostile text.

_TOKEN_FIELDS = ("start", "end", "digits", "kind", "word", "single", "wb", "blocked")


def _token_rows(module, text, t, ws, we):
    """The tokens of one window after each step of the tokenisation stage, as tuples of every field."""
    toks = module._tokenise(t, ws, we)
    first = [tuple([getattr(tk, f) for f in _TOKEN_FIELDS]) for tk in toks]
    module._plurals_stay_words(text, toks)
    merged = module._merge_words(toks, t)
    return first, [tuple([getattr(tk, f) for f in _TOKEN_FIELDS]) for tk in merged]


def _simulated_texts(n_ads=2_000):
    """Ads of both configured regions simulated as the workflow does (fewer of them), and the simulated
    corpora on disk when the workflow has made them."""
    import yaml

    from frontline import carriers, numbering, simulate

    cfg = yaml.safe_load((ROOT / "config" / "config.yaml").read_text())
    table = carriers.load_carriers(ROOT / "data/reference/carriers.csv")
    texts = []
    for region, rcfg in cfg["regions"].items():
        holders = numbering.load_holders(numbering.default_database(), area_codes=rcfg["area_codes"] + [212, 312])
        blocks = simulate.candidate_blocks(numbering.effective_blocks(holders), table)
        spec = simulate.spec_from_config(region, {**rcfg["ads"]["simulate"], "n_ads": n_ads}, seed=17)
        ads, _, _ = simulate.simulate_corpus(spec, *simulate.split_blocks(blocks, rcfg["area_codes"]))
        texts += [x for f in ("title", "body", "url") for x in ads[f].fillna("")]
    for path in sorted((ROOT / "data" / "simulated").glob("*/ads.parquet")):
        ads = pd.read_parquet(path, columns=["title", "body", "url"])
        texts += [x for f in ("title", "body", "url") for x in ads[f].fillna("")]
    return texts


#: An alphabet rich in obfuscations: digits, number words (English, Spanish, misspelled, leet), lookalike
#: letters, letter-spaced words, separators and separator words, emoji, fullwidth and keycap digits.
_OBFUSCATION_ATOMS = (list("0123456789") * 3 + list(" -.()/+*!~_|:#$%,'\"\n") + list("lIoOsSbBzZ") + [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "zero", "ten", "twenty", "thirty",
    "ninety", "hundred", "oh", "for", "to", "too", "won", "ate", "uno", "dos", "tres", "cuatro", "cinco", "seis",
    "siete", "ocho", "nueve", "cero", "veinte", "treinta y", "zer0", "z3ro", "0ne", "tw0", "thr33", "f0ur", "f1ve",
    "s1x", "s3v3n", "e1ght", "n1ne", "4our", "7even", "fiv", "sevn", "nien", "t h r e e", "s e v e n", "n i n e",
    "f  o  u  r", "o n e", " a b", "i  m", "dash", "dot", "hyphen", "punto", "guion", "period", "threedashtwo",
    "sevenzerosix", "twentyone", "3one0", "2l3", "o1o3", "b1b", "29s", "20s", "36b", "5lbs", "105lbs", "2!3", "!1",
    "*82", "*82b1b", "+1 ", "+44 ", "23yo", "10am", "2hrs", "34c", "\u2460", "\uff12", "\uff10\uff19",
    "3\ufe0f\u20e3", "\U0001f525", "\U0001f4de", "\u00e9", "caf\u00e9", "\u00c0\u024f", "\u00d7", "\u0130",
    "id ", "ca ", "call ", "text me ", "at ", "my ", "number ", "is "])


def _obfuscation_texts(n=4_000, seed=23):
    rng = random.Random(seed)
    return ["".join(rng.choice(_OBFUSCATION_ATOMS) + rng.choice(["", "", " ", "  ", "-", "."])
                    for _ in range(rng.randint(1, 70))) for _ in range(n)]


def _tokeniser_texts():
    records, padded = _labelled_and_padded()
    texts = [r.get(f) or "" for r in records + padded for f in ("title", "body", "url")]
    texts += _simulated_texts()
    texts += [adversarial_text(20_000, seed=s) for s in range(4)] + _hostile_texts()
    texts += _obfuscation_texts()
    return [x for x in dict.fromkeys(texts) if x]


def test_compiled_tokeniser_gives_the_tokens_of_the_source():
    from frontline import extract as fx
    from frontline.extract import _build

    source = _build.source_module()
    assert fx.core.COMPILED and not source.COMPILED, "build the extractor (make) to test the compiled module"
    rng = random.Random(5)
    windows = differ = spaced = merged = worded = 0
    for text in _tokeniser_texts():
        t = source._normalise(text)
        spans = [(ws, we) for ws, we, _ in source._windows(t)]
        if len(t) < 400:  # windows that start and end anywhere, not only where _windows puts them
            spans += [tuple(sorted((rng.randint(0, len(t)), rng.randint(0, len(t))))) for _ in range(4)]
        for ws, we in spans:
            expected = _token_rows(source, text, t, ws, we)
            if _token_rows(fx.core, text, t, ws, we) != expected:
                differ += 1
                assert differ < 5, (text[max(0, ws - 20):we + 20], _token_rows(fx.core, text, t, ws, we), expected)
            windows += 1
            spaced += any(row[5] for row in expected[0])
            merged += expected[0] != expected[1]
            worded += any(row[3] != "digit" for row in expected[0])
    assert differ == 0
    # the corpus reached every path: many windows, letter-spaced words, merged words and lookalikes
    assert windows > 30_000 and spaced > 2_000 and merged > 3_000 and worded > 15_000


def test_word_keys_flag_every_word_the_loop_must_look_up():
    # a run of ASCII letters whose key is 0 is counted as a plain word unseen: no number word, separator
    # word or compound may have such a key
    src = _ascii_letter_words()
    for w in src:
        assert core._WORD_KEYS[core._word_key(ord(w[0]), ord(w[1]) if len(w) > 1 else 0, len(w))], w
    for head in core._COMPOUND_HEADS:
        for length in (6, 9, core._KEY_LONG, core._KEY_LONG + 30):
            assert core._WORD_KEYS[core._word_key(ord(head[0]), ord(head[1]), length)], head
    assert sum(core._WORD_KEYS) < len(core._WORD_KEYS) // 4  # and most keys let a word pass unseen


def _ascii_letter_words():
    return [w for w in (*core.ALL_WORDS, *core._SEP_WORDS) if w.isascii() and w.isalpha()]


def test_unflagged_runs_of_letters_are_plain_words_for_the_general_loop():
    rng = random.Random(8)
    words = _ascii_letter_words()
    runs = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 20))) for _ in range(20_000)]
    runs += [w[:k] + rng.choice("aeioustz") + w[k:] for w in words for k in range(len(w) + 1)]  # near misses
    passed = 0
    for c in runs:
        key = core._word_key(ord(c[0]), ord(c[1]) if len(c) > 1 else 0, len(c))
        if not core._WORD_KEYS[key]:
            passed += 1
            assert c not in core._WORD_TOKENS and c not in core._SEP_WORDS, c
            assert len(c) < 6 or c[:3] not in core._COMPOUND_HEADS or not core._is_compound(c), c
    assert passed > 10_000


def test_character_loop_tokeniser_equals_the_general_loop_as_python():
    """The compiled module's loop, run as plain Python: same tokens as the reference loop, and None exactly
    where _SPACED_HINT_RE would send the window to the letter-spaced path."""
    from frontline.extract import _build

    source = _build.source_module()
    rng = random.Random(3)
    hinted = compared = 0
    for t in _loop_texts(2_000) + [x.lower() for x in _obfuscation_texts(2_000, seed=4)]:
        for ws, we in [(0, len(t))] + [tuple(sorted((rng.randint(0, len(t)), rng.randint(0, len(t)))))]:
            hint = source._SPACED_HINT_RE.search(t, ws, we) is not None
            assert (source._tokenise_chars(t, ws, we, True) is None) == hint, (t, ws, we)
            hinted += hint
            fast = source._tokenise_chars(t, ws, we, False)
            general = source._tokenise_spaced(t, ws, we, [])
            assert [[getattr(tk, f) for f in _TOKEN_FIELDS] for tk in fast] == \
                [[getattr(tk, f) for f in _TOKEN_FIELDS] for tk in general], (t, ws, we)
            compared += 1
    assert hinted > 500 and compared > 7_000


def test_chunk_memo_is_bounded_and_skips_chunks_after_a_star(monkeypatch):
    from frontline.extract import _build

    source = _build.source_module()
    t = "x82b1b 213 2l3 zer0one one two twenty dot caf\u00e9 10am 2hrs *82b1b 555 0147"  # (chunks with digits: no memo)
    star = t.index("*") + 1
    for module in (core, source):  # the compiled loop, and the same loop as Python
        monkeypatch.setattr(module, "_CHUNK_MEMO_MAX", 3)
        module._CHUNK_MEMO.clear()
        toks = [(tk.start, tk.end, tk.digits, tk.kind) for tk in module._tokenise_chars(t, 0, len(t), True)]
        assert 0 < len(module._CHUNK_MEMO) <= 3
        assert "82b1b" not in module._CHUNK_MEMO  # read after a "*": "*82" + lookalikes, never memoised
        assert (star, star + 2, "82", "digit") in toks and toks[0][3] == "block"
        again = [(tk.start, tk.end, tk.digits, tk.kind) for tk in module._tokenise_chars(t, 0, len(t), True)]
        assert again == toks


def test_emptied_memos_give_the_same_answers():
    texts = [r["body"] for r in evaluate.load_labelled(ROOT / "tests" / "data" / "labelled_ads.jsonl")]
    table = core.exchange_table()  # the table written at install, if any: not a memo
    core.use_exchange_table(None)  # the verdicts of area codes and exchanges memoised
    try:
        before = [[(f.number, f.start, f.end, f.kinds, f.target) for f in core.find_all(x)] for x in texts]
        assert core._CHUNK_MEMO and core._EXCHANGE_VERDICT  # the pass filled both
        core.clear_memos()
        assert not core._CHUNK_MEMO and not core._EXCHANGE_VERDICT
        assert [[(f.number, f.start, f.end, f.kinds, f.target) for f in core.find_all(x)] for x in texts] == before
    finally:
        core.use_exchange_table(table)
    core.clear_memos()
    assert core.exchange_table() is table
    assert [[(f.number, f.start, f.end, f.kinds, f.target) for f in core.find_all(x)] for x in texts] == before


def test_word_masses_sort_as_the_tuples_they_stand_for():
    """``_word_masses`` packs each anchor word into one int; unpacked, the ints give the (start, end, mass)
    of every word in the order the tuples sort in, also where words share a start."""
    rng = random.Random(53)
    words = sorted(core.WORDS)
    for _ in range(300):
        places = []
        for _ in range(rng.randint(1, 40)):
            w = rng.choice(words)
            s = rng.choice([rng.randint(0, 60), rng.randint(0, 10**9)])
            span = rng.choice([len(w), core._WORD_SPAN, rng.randint(1, core._WORD_SPAN)])
            places.append((s, s + span, w))
        expected = sorted((s, e, 2 if core.WORDS[w][0] in ("teen", "tens") else 1) for s, e, w in places)
        keys = core._word_masses(places)
        assert [(k >> 12, (k >> 12) + (k >> 2 & 1023), k & 3) for k in keys] == expected
        assert keys == sorted(keys)
    # the longest anchor word, spelled with two spaces between its letters, fits the room left for it
    longest = max(core._SPACEABLE, key=len)
    assert len("  ".join(longest)) <= core._WORD_SPAN < 1024


def test_compiled_found_numbers_and_anchor_tuples_stay_out_of_the_collector():
    """Compiled, what holds only numbers and strings is taken out of the garbage collector's lists (it can
    hold no reference cycle): each Found, the places of anchor words and the chosen candidates. The answers
    are those of the source, whose Found numbers stay tracked (a tuple of numbers and strings is untracked
    by CPython itself, at the first collection it meets)."""
    import dataclasses
    import gc
    source = _build.source_module()
    assert core.COMPILED and not source.COMPILED, "build the extractor (make) to test the compiled module"
    text = "call two one three 555 0123 or 3 1 0 5 5 5 0 1 9 8, f i v e 5 5 0 1 2 3 " * 3
    found = core.find_all(text)
    expected = source.find_all(text)
    assert [dataclasses.astuple(f) for f in found] == [dataclasses.astuple(f) for f in expected]
    assert len(found) >= 3
    assert all(gc.is_tracked(f) for f in expected)
    assert not any(gc.is_tracked(f) for f in found)
    t = core._normalise(text)
    places = core._anchor_places(t, {"two", "one", "three"})
    assert sorted(places) == sorted(source._anchor_places(t, {"two", "one", "three"})) and places
    assert not any(gc.is_tracked(p) for p in places)
    spaced = core._spaced_words(t)
    assert spaced and not any(gc.is_tracked(p) for p in spaced)
    # untracked objects are still freed, and collections still run
    del found, places, spaced
    gc.collect()
    assert [dataclasses.astuple(f) for f in core.find_all(text)] == [dataclasses.astuple(f) for f in expected]


def test_compiled_link_reads_the_gap_as_the_source_slices_it():
    """Compiled, ``_link`` reads the gap between two tokens in place and decides a gap of separators alone,
    or one with a character that is neither a separator nor a letter, without slicing it; the source
    slices it and asks ``_separator_link``. The two agree on gaps of every sort, with and without words
    counted between the tokens."""
    source = _build.source_module()
    assert core.COMPILED and not source.COMPILED, "build the extractor (make) to test the compiled module"
    rng = random.Random(59)
    atoms = [" ", "  ", "-", ".", "\n", "\n\n", "(", ")", "*", "~", "_", "/", "|", ":", "+", "=", "#", "'", "\t",
             "\u00a0", "\u3000", L.NEUTRAL, "\u2022", "$", "%", "@", "x", "A", "\u00e9", "\u2013", "dot", "dash",
             "punto", "guion", "hyphen", "period", "dots", "or", ",", ">", "[", "]", "\r"]
    decided = {0: 0, 1: 0, 2: 0}
    for _ in range(20_000):
        gap = "".join(rng.choice(atoms) for _ in range(rng.choice([1, 2, 3, 5, 8, 14, 25])))
        left = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 3)))
        t = left + gap + "42"
        words = rng.choice([0, 0, 0, 1, 2, 4, 5])
        got = core._link(t, core.Tok(0, len(left), left, "digit"), core.Tok(len(left) + len(gap), len(t), "42", "digit"),
                         words)
        expected = source._link(t, source.Tok(0, len(left), left, "digit"),
                                source.Tok(len(left) + len(gap), len(t), "42", "digit"), words)
        assert got == expected, (gap, words)
        decided[got] += 1
    assert min(decided.values()) > 1_000  # tight, word gap and break all met


def test_shape_gap_read_in_place_equals_the_gap_sliced():
    """``_shape_gap_at(t, lo, hi)`` (compiled: a gap of up to three characters read in place) says what
    ``_shape_gap_ok`` says of the slice, for gaps of every length, empty and reversed ones included."""
    assert core.COMPILED, "build the extractor (make) to test the compiled module"
    rng = random.Random(61)
    atoms = list(" -.()/+\n*~_|:") + [L.NEUTRAL, "\u2022", "\u00a0", "x", "!", "$", "1", "\u00e9", "dot", "dash"]
    said = {True: 0, False: 0}
    for _ in range(20_000):
        t = "".join(rng.choice(atoms) for _ in range(rng.randint(0, 8)))
        lo = rng.randint(0, len(t))
        hi = rng.randint(max(0, lo - 2), len(t))
        expected = core._shape_gap_ok(t[lo:hi])
        assert core._shape_gap_at(t, lo, hi) == expected, (t, lo, hi)
        said[expected] += 1
    assert min(said.values()) > 2_000


def _classified(module, t, s, e, wb):
    """The tokens ``_classify_chunk`` makes of the chunk t[s:e], the first with ``wb`` words before it."""
    toks = []
    module._classify_chunk(t, s, e, toks)
    return [(tk.start, tk.end, tk.digits, tk.kind, tk.word, wb if k == 0 else 0) for k, tk in enumerate(toks)]


#: Pieces of chunks: digit runs, lookalike letters, "!", number words of every kind (homophones, leet,
#: words that begin with a digit), separator words, other letters, a "*82" prefix's digits, accents, and
#: runs that SPLIT_RE's scan cuts wrong ("zeroone" after "9": "zeroo" + "ne").
_CHUNK_PIECES = (["0", "1", "2", "7", "82", "213", "5550147", "9" * 12, "l", "i", "o", "s", "b", "!", "!", "d", "h",
                  "j", "m", "p", "x", "e", "y", "\u00e9", "\u00d7"] + sorted(core.ALL_WORDS)[::3] + list(core._SEP_WORDS)
                 + ["zeroo", "ne", "tootoo", "s3is", "lbs", "lb", "oh", "o1o3", "2l3", "zer0", "thr33", "0ne", "fith",
                    "9zeroone", "threeeight", "3tree", "yo", "hrs"])


def _chunk_texts(rng, count):
    """Texts of chunks made of ``_CHUNK_PIECES``, each after a space, a "*" or a letter-less gap."""
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 6)):
            parts.append(rng.choice([" ", "*", "-", " *", "."]))
            parts.append("".join(rng.choice(_CHUNK_PIECES) for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 6, 12, 30]))))
        texts.append("".join(parts) + " ")
    return texts


def _compare_chunk_tokens(module, texts):
    """(chunks compared, chunks the fast way read, chunks with a digit or "!" it left to ``_classify_chunk``)
    over the chunks CHUNK_RE finds in ``texts``."""
    compared = fast = left = 0
    for t in texts:
        for m in module.CHUNK_RE.finditer(t):
            s, e = m.span()
            toks = []
            if module._chunk_tokens(t, s, e, toks, 7):
                assert [(tk.start, tk.end, tk.digits, tk.kind, tk.word, tk.wb) for tk in toks] == \
                    _classified(module, t, s, e, 7), (t, s, e)
                fast += 1
            else:
                assert toks == []
                left += not m.group().isalpha()  # (runs of letters are not sent to it: _tokenise_chars)
            compared += 1
    return compared, fast, left


@pytest.mark.parametrize("module", [core, SOURCE], ids=["core", "source"])
def test_chunk_fast_way_gives_the_tokens_of_classify_chunk(module):
    """The compiled tokeniser reads most chunks with digits by ``_chunk_tokens``: on random chunks of digits,
    lookalikes, number words and separator words, the same tokens as ``_classify_chunk``."""
    compared, fast, _ = _compare_chunk_tokens(module, _chunk_texts(random.Random(31), 12_000))
    assert compared > 30_000 and fast > compared * 0.6
    # the hostile texts (the benchmark's mixed adversarial text among them): nearly every chunk with a digit
    # or a "!" read the fast way
    texts = [module._normalise(x) for x in _hostile_texts()[:4] + _hostile_texts()[-1:]]
    compared, fast, left = _compare_chunk_tokens(module, texts)
    assert compared > 10_000 and fast > compared * 0.8 and left < compared * 0.001


def test_fewest_pieces_cut_chunks_as_split_parts_does():
    rng = random.Random(32)
    children, accept = SOURCE._CHUNK_CHILDREN, SOURCE._CHUNK_ACCEPT
    words = sorted(SOURCE.ALL_WORDS)
    cut = 0
    for _ in range(20_000):
        c = "".join(rng.choice(words + ["1", "23", "x", "e", "0"]) for _ in range(rng.randint(1, 8)))
        c = c[rng.randint(0, 2):][:SOURCE._SPLIT_MAX_CHUNK]
        if not c or c.isdigit():
            continue
        t = "*" + c + " "
        plan = SOURCE._fewest_pieces(t, 1, len(t) - 1, children, accept)
        parts = SOURCE._split_parts(c)
        if parts is None:
            assert plan is None, c
            continue
        m, k, ends = len(c) + 1, len(c), []
        while k:
            ends.append((plan[m + k], k, words[plan[2 * m + k] - 1] if plan[2 * m + k] else c[plan[m + k]:k]))
            k = plan[m + k]
        assert ends[::-1] == [(p.start(), p.end(), p.group()) for p in parts], c
        assert all((g in SOURCE.ALL_WORDS) == (not g.isdigit()) for _, _, g in ends)
        cut += 1
    assert cut > 5_000


@pytest.mark.parametrize("module", [core, SOURCE], ids=["core", "source"])
def test_chunk_fast_way_reads_every_number_word_and_its_neighbours(module):
    compared = 0
    for w in module.ALL_WORDS:
        for t in (f" {w} ", f" 3{w} ", f" {w}4 ", f" {w}{w} ", f" l{w}o ", f" {w}dot{w} ", f"*82{w} ", f" {w}!1 ",
                  f" {w[:-1]} ", f" {w}s ", f" o{w} ", f" 9{w}{w[1:]} ", f" {w}{w}x "):
            compared += _compare_chunk_tokens(module, [t])[0]
    assert compared > 1_500


_CHUNK_CHARS = st.lists(st.sampled_from(["0", "1", "5", "8", "2", "l", "i", "o", "s", "b", "!", "e", "r", "z", "t",
                                         "w", "n", "h", "f", "u", "d", "a", "x", "p", "y", "*", " "]),
                        max_size=30).map("".join)


@settings(max_examples=1_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CHUNK_CHARS)
def test_chunk_fast_way_on_hypothesis_chunks(t):
    for module in (core, SOURCE):
        _compare_chunk_tokens(module, [t])
