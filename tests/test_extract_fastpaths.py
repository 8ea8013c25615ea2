"""The extractor's fast paths give the same answers as the straightforward code they replace.

Each fast path (array candidates for long token runs, one alternation for phonenumbers' number types and
NANP regions, digit counting in C, the tokeniser's loop without letter-spaced words) is compared with a
plain reference implementation on inputs that exercise it.
"""
import random
import re
import sys
from pathlib import Path

import pandas as pd
import phonenumbers
import pytest

from frontline import carriers, numbering, simulate
from frontline.adversarial import adversarial_text
from frontline.extract import _build, core, evaluate

ROOT = Path(__file__).resolve().parents[1]


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
    original = core._ranked_candidates

    def spy(t, nums, links, taken):
        if len(nums) >= core._VECTOR_MIN_TOKENS:
            runs.append((t, list(nums), list(links)))
        return original(t, nums, links, taken)

    monkeypatch.setattr(core, "_ranked_candidates", spy)
    for text in _hostile_texts():
        core.find_all(text)
    monkeypatch.setattr(core, "_ranked_candidates", original)
    return runs


def _loop_candidates(monkeypatch, t, nums, links):
    with monkeypatch.context() as m:
        m.setattr(core, "_VECTOR_MIN_TOKENS", 10**9)
        return core._candidates(t, nums, links)


def test_array_candidates_equal_the_loop(monkeypatch):
    runs = _token_runs(monkeypatch)
    assert len(runs) >= 5
    assert sum(len(nums) for _, nums, _ in runs) > 10_000
    for t, nums, links in runs:
        loop = _loop_candidates(monkeypatch, t, nums, links)
        assert loop, "a long run of digits has candidates"
        assert core._candidates_vector(t, nums, links) == loop


def test_array_ranking_equals_sorting_the_loop(monkeypatch):
    runs = _token_runs(monkeypatch)
    for t, nums, links in runs:
        loop = sorted(_loop_candidates(monkeypatch, t, nums, links), key=lambda c: (-c[0], c[1]))
        assert list(core._ranked_candidates(t, nums, links, bytearray(len(nums)))) == loop


def test_ranking_skips_taken_ranges(monkeypatch):
    t, nums, links = max(_token_runs(monkeypatch), key=lambda r: len(r[1]))
    taken = bytearray(len(nums))
    taken[: len(nums) // 2] = b"\x01" * (len(nums) // 2)
    ranked = list(core._ranked_candidates(t, nums, links, taken))
    assert ranked
    assert all(i >= len(nums) // 2 for _, i, _, _, _ in ranked)


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
    from itertools import accumulate
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
        assert core._chunk_spans(t, 0, len(t)) == list(accumulate(map(len, core.CHUNK_SPLIT_RE.split(t)),
                                                                  initial=0))[1:-1], t
        assert core._spaced_hint(t) == hint, t
        assert core._glued(t) == len(_GLUE_RE.findall(t)), t
        for ws, we in [(0, len(t)), (len(t) // 3, len(t) - 5), (7, 30)]:
            expected = len([w for w in t[ws:we].translate(core.WORD_VIEW).split() if w in core._HOMOPHONE_WORDS])
            assert core._homophones(t, ws, we) == expected, (t, ws, we)
            assert core._has_spaced_hint(t, ws, we) == (core._SPACED_HINT_RE.search(t, ws, we) is not None)
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
        assert _anchor_hits(f"x {word}, y") == {word}
        assert _anchor_hits(f"{word}") == {word}
        assert _anchor_hits(f"x{word}y") == set()
        assert _anchor_hits(f"x {word}\u00e9 y") == set()


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
    for t in _glued_texts():
        for start in range(0, len(t), 7):
            for end in (start + 20, start + 61, len(t)):
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
    root = ROOT
    records = evaluate.load_labelled(root / "tests" / "data" / "labelled_ads.jsonl")
    texts = [r.get(k) or "" for r in records for k in ("title", "body", "url")]
    sys.path.insert(0, str(root / "benchmarks"))
    try:
        import bench_extract
        texts += [r["body"] for r in bench_extract.padded_ads(records, 1000)]
        texts += list(bench_extract.adversarial(60_000).values())
    finally:
        sys.path.remove(str(root / "benchmarks"))
    holders = numbering.load_holders(numbering.default_database(), area_codes=[213, 310, 323, 818, 415])
    blocks = simulate.candidate_blocks(numbering.effective_blocks(holders),
                                       carriers.load_carriers(root / "data/reference/carriers.csv"))
    in_region = (blocks["prefix"] // 10_000).isin([213, 310, 323, 818])
    spec = simulate.SimulationSpec(region="la", n_ads=1_500, start="2012-05-01", end="2012-06-30",
                                   sites=["a.example"], seed=17,
                                   carrier_mix={"MetroPCS": 0.2, "T-Mobile": 0.4, "CLEC/VoIP": 0.4})
    simulated = [simulate.simulate_corpus(spec, blocks[in_region], blocks[~in_region])[0]]
    simulated += [pd.read_parquet(p, columns=["title", "body", "url"]).head(3_000)
                  for p in sorted((root / "data" / "simulated").glob("*/ads.parquet"))]
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


def test_normalising_equals_translating_through_the_table():
    from frontline.extract import lexicon as L
    # the shortcut relies on this: the table maps ASCII as str.lower does
    assert all(L.TABLE.get(c, chr(c)) == chr(c).lower() for c in range(128))
    rng = random.Random(11)
    others = [chr(c) for c in sorted(L.TABLE) if c > 127][::7] + list("\u0130\u00c9\u00df\u1e9e\u03a3\ufb03\u2126")
    atoms = list("AbZ09 -.\n$") + others + ["\U0001f525", "3\ufe0f\u20e3", "\u2460", "\uff12", "\u0130stanbul"]
    texts = ["".join(rng.choice(atoms) for _ in range(rng.randint(0, 80))) for _ in range(3_000)]
    changed = 0
    for text in texts:
        t = core._normalise(text)
        assert t == text.translate(L.TABLE), text
        assert len(t) == len(text)
        changed += t != text.lower()
    assert changed > 1_000  # many texts hold characters that lower-casing alone would get wrong
