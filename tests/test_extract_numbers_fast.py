"""The per-number work of the extractor (validation of the ten digits, the number's kinds, '+' numbers)
gives the answers of the straightforward code it replaces: the compiled module and the Python source,
each against a plain reference (phonenumbers itself for '+' numbers), on many inputs."""
import random
import re

import phonenumbers
import pytest

from frontline.adversarial import adversarial_text
from frontline.extract import _build, core, evaluate
from frontline.extract import lexicon as L
from tests.test_extract_fastpaths import ROOT, _hostile_texts, _labelled_and_padded

SOURCE = _build.source_module()
MODULES = pytest.mark.parametrize("module", [core, SOURCE], ids=["compiled", "source"])


def test_the_compiled_module_is_in_use():
    assert core.COMPILED and not SOURCE.COMPILED, "run `make` (or `pip install -e .`) to compile the extractor"


# --- '+' numbers: phonenumbers' verdict, without parsing what its metadata rules out ------------------

def _phonenumbers_international(digits):
    """What _international gave before any shortcut: parse "+" + digits and validate."""
    if not (8 <= len(digits) <= 15) or digits.startswith("1"):
        return None
    try:
        num = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return None
    if num.country_code != 1 and phonenumbers.is_valid_number(num):
        return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    return None


def _plus_digits():
    """Random digit strings of every length from 1 to 15, and real numbers of every region and number type
    (as written after a '+', with the national prefix kept, with digits changed, dropped or added)."""
    rng = random.Random(11)
    out = ["".join(rng.choice("0123456789") for _ in range(rng.randint(1, 15))) for _ in range(15_000)]
    types = [getattr(phonenumbers.PhoneNumberType, name) for name in (
        "FIXED_LINE", "MOBILE", "TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER", "PAGER",
        "UAN", "VOICEMAIL")]
    examples = [(phonenumbers.example_number_for_non_geo_entity(cc), "")
                for cc in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS)]
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        national_prefix = phonenumbers.PhoneMetadata.metadata_for_region(region).national_prefix or ""
        examples += [(phonenumbers.example_number_for_type(region, kind), national_prefix) for kind in types]
    for example, national_prefix in examples:
        if example is None:
            continue
        cc, nsn = str(example.country_code), phonenumbers.national_significant_number(example)
        out.append(cc + nsn)
        if national_prefix:
            out.append(cc + national_prefix + nsn)  # "+44 0 20 ...": parse strips the national prefix
        for _ in range(6):
            cut = rng.randint(0, 4)
            out.append(cc + nsn[:len(nsn) - cut] + "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 3))))
            k = rng.randrange(len(nsn))
            out.append(cc + nsn[:k] + rng.choice("0123456789") + nsn[k + 1:])
    out += ["\uff14\uff14" + "2079460958", "\u0664\u0664" + "2079460958", "4420794609\u0665\u0668"]  # other digits
    return out


@MODULES
def test_international_gives_the_verdict_of_phonenumbers(module):
    digits = _plus_digits()
    expected = [_phonenumbers_international(d) for d in digits]
    module.clear_memos()
    assert [module._international(d) for d in digits] == expected
    assert [module._international(d) for d in digits] == expected  # again, from the memo
    assert len(module._INTL_MEMO) <= module._INTL_MEMO_MAX
    valid = sum(map(bool, expected))
    assert valid > 1_000 and len(digits) - valid > 10_000


def test_numbers_ruled_out_are_never_valid():
    digits = [d for d in _plus_digits() if 8 <= len(d) <= 15 and d[0] != "1" and d.isascii()]
    ruled_out = [d for d in digits if core._intl_ruled_out(d)]
    assert ruled_out == [d for d in digits if SOURCE._intl_ruled_out(d)]
    assert not [d for d in ruled_out if _phonenumbers_international(d)]
    randoms = [d for d in _plus_digits()[:15_000] if 8 <= len(d) <= 15 and d[0] != "1"]
    assert len(set(ruled_out) & set(randoms)) > len(randoms) * 3 // 4  # most random digits are spared a parse
    # and every way of ruling out is met: no country calling code, a national number of impossible length,
    # one that no region's general pattern takes; a national prefix (parse may strip it) rules out nothing
    codes = phonenumbers.COUNTRY_CODE_TO_REGION_CODE
    plans = [(d, next((d[:k] for k in (1, 2, 3) if int(d[:k]) in codes), None)) for d in digits if d[0] != "0"]
    assert any(cc is None and d in ruled_out for d, cc in plans)
    with_code = [(d[len(cc):], core._intl_plan(int(cc))) for d, cc in plans if cc is not None]
    assert any(plan and (plan[0] is None or not plan[0].match(rest)) and len(rest) not in plan[1]
               for rest, plan in with_code)
    assert any(plan and (plan[0] is None or not plan[0].match(rest)) and len(rest) in plan[1]
               and not any(re.fullmatch(general, rest) for general in plan[2]) for rest, plan in with_code)
    assert any(plan and plan[0] is not None and plan[0].match(rest) for rest, plan in with_code)


def test_international_memo_is_bounded_and_emptied(monkeypatch):
    for module in (core, SOURCE):
        monkeypatch.setattr(module, "_INTL_MEMO_MAX", 5)
        module.clear_memos()
        for d in ["442079460958", "33123456789", "4915123456789", "81312345678", "61212345678", "5511912345678",
                  "34912345678", "390612345678"]:
            assert module._international(d) == _phonenumbers_international(d)
            assert len(module._INTL_MEMO) <= 5
        module.clear_memos()
        assert not module._INTL_MEMO


# --- the ten NANP digits ----------------------------------------------------------------------------

def _reference_classify(d):
    """classify_digits as the straightforward code: the structure, then the verdict of the metadata."""
    if len(d) != 10 or d[0] < "2" or d[3] < "2" or d[1:3] == "11" or d.count(d[0]) == 10 or not d.isdigit():
        return None
    return SOURCE._classify_number(d)


def _ten_digits():
    rng = random.Random(5)
    out = ["".join(rng.choice("0123456789") for _ in range(10)) for _ in range(20_000)]
    out += ["".join(rng.choice("23456789") for _ in range(10)) for _ in range(5_000)]
    for d in list(out[:3_000]):
        out += [d[:1] + "11" + d[3:], d[:3] + rng.choice("01") + d[4:], rng.choice("01") + d[1:], d[0] * 10,
                d[:9], d + "5", d[:5] + rng.choice("a \u0663\uff15\u00b2") + d[6:]]
    out += ["2135550147", "8005550199", "4165550123", "8765550123", "2112345678", "", "\u0662" * 10,
            "\u0662\u0661\u0663\u0665\u0665\u0665\u0660\u0661\u0664\u0667", "\uff12135550147"]
    return out


@pytest.fixture()
def memo_path(request):
    """The module's verdicts of area codes and exchanges computed and memoised (no exchange table) for the
    test, then the table the module had (the one written at install, if any) given back."""
    module = request.getfixturevalue("module") if "module" in request.fixturenames else None
    modules = [module] if module is not None else [core, SOURCE]
    tables = [m.exchange_table() for m in modules]
    for m in modules:
        m.use_exchange_table(None)
    yield
    for m, table in zip(modules, tables):
        m.use_exchange_table(table)


@MODULES
def test_classify_digits_equals_the_structure_and_the_metadata(module, memo_path):
    """Without an exchange table (tests/test_extract_exchanges.py: the same answers with one)."""
    numbers = _ten_digits()
    expected = [_reference_classify(d) for d in numbers]
    module.clear_memos()
    assert [module.classify_digits(d) for d in numbers] == expected  # memo filled on the way
    assert [module.classify_digits(d) for d in numbers] == expected  # from the memo
    assert {None, (True, True), (True, False)} == set(expected)
    assert 0 < len(module._EXCHANGE_VERDICT) <= 200_001
    module.clear_memos()
    assert not module._EXCHANGE_VERDICT


# --- the kinds of a number --------------------------------------------------------------------------

def _reference_kinds(text, t, toks, links, i, j, prefix, extra):
    """_kinds as a set of names, slices of the text and str's own tests."""
    kinds = set(extra)
    if prefix:
        kinds.add("plus1_prefix")
    wordish, all_wordish, digit_token, singles = False, True, False, 0
    for tk in toks[i:j + 1]:
        if tk.kind in ("word", "tens"):
            wordish = True
            orig = text[tk.start:tk.end]
            if tk.single or not (orig.islower() or orig.isupper() or orig.istitle()):
                kinds.add("case_spacing")
            base = tk.word
            if base and base not in L.CANONICAL and not all(p in L.CANONICAL for p in SOURCE._split_words(base)):
                kinds.add("leet")
            continue
        all_wordish = False
        if tk.kind == "digit":
            digit_token |= len(tk.digits) > 0
            singles += len(tk.digits) == 1
        elif tk.kind == "homophone":
            kinds.add("lookalike" if len(tk.word) == 1 else "homophone")
        elif tk.kind == "lookalike":
            kinds.add("lookalike")
    if wordish:
        kinds.add("spelled" if all_wordish or not digit_token else "spelled_mixed")
    if singles >= 7:
        kinds.add("spaced_digits")
    for k in range(i, j):
        if links[k] == SOURCE.WORDGAP:
            kinds.add("split_words")
        kinds |= _reference_gap(t[toks[k].end:toks[k + 1].start])
    seg = text[toks[i].start:toks[j].end]
    for ch in set(seg):
        if ord(ch) > 127 and SOURCE._char_kind(ch):
            kinds.add(SOURCE._char_kind(ch))
    if "keycap" in kinds and not any(SOURCE._char_kind(ch) == "emoji_separator" and ch != "\u20e3" for ch in seg):
        kinds.discard("emoji_separator")
    if kinds <= {"plus1_prefix", "star82_prefix", "appended_age"}:
        kinds.add("plain")
    return tuple(sorted(kinds))


def _reference_gap(gap):
    kinds = set()
    if "\n" in gap:
        kinds.add("line_break")
    if SOURCE.SEP_WORDS_RE.search(gap):
        kinds.add("word_separator")
    if any(ch in SOURCE.ODD_SEP_CHARS for ch in gap) or ".." in gap or "--" in gap:
        kinds.add("odd_separator")
    return kinds


def _kinds_calls(monkeypatch):
    """The arguments of every _kinds call the source makes on the ads, hostile and obfuscated texts."""
    calls = []
    original = SOURCE._kinds

    def spy(*args):
        calls.append(args[:3] + (list(args[3]),) + args[4:])
        return original(*args)

    monkeypatch.setattr(SOURCE, "_kinds", spy)
    records, padded = _labelled_and_padded()
    texts = [rec.get(f) or "" for rec in records + padded for f in ("title", "body", "url")]
    texts += _hostile_texts()[:4] + [adversarial_text(5_000, seed=s) for s in range(20)]
    for text in texts:
        SOURCE.find_all(text)
    return calls


def _compiled_toks(toks):
    out = []
    for tk in toks:
        new = core._new_tok(tk.start, tk.end, tk.digits, tk.kind, tk.word, tk.wb)
        new.blocked, new.single = tk.blocked, tk.single
        out.append(new)
    return out


def test_kinds_equal_the_reference_on_every_number_found(monkeypatch):
    calls = _kinds_calls(monkeypatch)
    seen = set()
    for text, t, toks, links, i, j, prefix, extra in calls:
        expected = _reference_kinds(text, t, toks, links, i, j, prefix, extra)
        assert core._kinds(text, t, _compiled_toks(toks), links, i, j, prefix, extra) == expected, text[:200]
        seen.update(expected)
    assert len(calls) > 1_000
    # the kinds of the ads and hostile texts, every one met
    assert {"plain", "spelled", "spelled_mixed", "leet", "case_spacing", "homophone", "lookalike", "line_break",
            "odd_separator", "word_separator", "split_words", "spaced_digits", "plus1_prefix"} <= seen, seen


def test_source_kinds_equal_the_reference(monkeypatch):
    calls = _kinds_calls(monkeypatch)
    monkeypatch.undo()
    for text, t, toks, links, i, j, prefix, extra in calls:
        assert SOURCE._kinds(text, t, toks, links, i, j, prefix, extra) == _reference_kinds(
            text, t, toks, links, i, j, prefix, extra), text[:200]


def _gap_texts():
    rng = random.Random(9)
    atoms = list(" -.\n*~_/|:()[],+=>#'\"\u00a0\u3000\u2022\x1aé") + ["dot", "dash", "punto", "guion", "hyphen",
                                                                         "period", "do", "xdot", "dotx", "a", "..",
                                                                         "--", "call", "to"]
    return ["".join(rng.choice(atoms) for _ in range(rng.randint(1, 8))) for _ in range(20_000)]


@MODULES
def test_gap_kinds_equal_the_reference(module):
    seen = set()
    for gap in _gap_texts():
        t = "5" + gap + "5"
        mask = module._gap_kinds(t, 1, len(t) - 1)
        names = {name for name, bit in module._KIND_BIT.items() if mask & bit}
        assert names == _reference_gap(gap), gap
        seen |= names
    assert seen == {"line_break", "odd_separator", "word_separator"}


@MODULES
def test_case_test_equals_str_methods(module):
    rng = random.Random(3)
    alphabet = "aAbBzZ09 -'!\u00e9\u00c9\u01c5\u00df\u0130\u2160"
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 7))) for _ in range(20_000)]
    words += ["Five", "FIVE", "five", "fIVE", "FiVe", "O'Neil", "Two-Three", "x", "X", "5", "", "Fünf", "ǅwa"]
    for w in words:
        text = "#" + w + "#"
        assert module._case_kept(text, 1, len(text) - 1) == (w.islower() or w.isupper() or w.istitle()), w


@MODULES
def test_mask_kinds_are_the_sorted_names(module):
    rng = random.Random(2)
    names = sorted(module._KIND_NAMES)
    for _ in range(2_000):
        chosen = {name for name in names if rng.random() < 0.2}
        mask = sum(module._KIND_BIT[name] for name in chosen)
        assert module._mask_kinds(mask) == tuple(sorted(chosen))


def test_emptied_memos_give_the_same_kinds_and_verdicts(memo_path):
    texts = [r["body"] for r in evaluate.load_labelled(ROOT / "tests" / "data" / "labelled_ads.jsonl")]
    texts += ["call +44 20 7946 0958 or +33 1 23 45 67 89, +49 151 23456789", "tw0 1 3 fivefive5 0 1 4 7"]
    for module in (core, SOURCE):
        module.clear_memos()
        before = [[(f.number, f.start, f.end, f.kinds, f.target) for f in module.find_all(x)] for x in texts]
        assert module._LEET_MEMO and module._MASK_KINDS and module._INTL_MEMO and module._EXCHANGE_VERDICT
        module.clear_memos()
        assert not (module._LEET_MEMO or module._MASK_KINDS or module._INTL_MEMO or module._EXCHANGE_VERDICT)
        assert [[(f.number, f.start, f.end, f.kinds, f.target) for f in module.find_all(x)] for x in texts] == before


def _reference_unicode_kinds(seg):
    kinds = {SOURCE._char_kind(ch) for ch in seg if ord(ch) > 127} - {None}
    if "keycap" in kinds and not any(SOURCE._char_kind(ch) == "emoji_separator" and ch != "\u20e3" for ch in seg):
        kinds.discard("emoji_separator")
    return kinds


@MODULES
def test_unicode_kinds_equal_the_reference(module):
    rng = random.Random(6)
    pool = list("0123456789 -.\x1a") + ["\uff15", "\U0001d7d0", "\u20e3", "\ufe0f", "\u200d", "\u2463", "\u2778",
                                       "\U0001f101", "\u00b2", "\u2075", "\u041e", "\u0663", "\U0001f525", "\u2764",
                                       "\U000e0041", "\u2b50", "\u00e9", "\u00a0", "\u3000", "\U0001f4de", "\u2022"]
    pool += [chr(c) for c in range(0x2000, 0x2100, 7)] + [chr(c) for c in range(0x1f300, 0x1f700, 37)]
    seen = set()
    for _ in range(20_000):
        seg = "".join(rng.choice(pool) for _ in range(rng.randint(1, 12)))
        mask = module._unicode_kinds(seg, 0)
        names = {name for name, bit in module._KIND_BIT.items() if mask & bit}
        assert names == _reference_unicode_kinds(seg), seg
        seen |= names
    assert {"unicode_fullwidth", "unicode_math", "keycap", "unicode_circled", "superscript", "unicode_other",
            "emoji_separator"} <= seen
