"""The table of every area code and exchange's verdict (frontline.extract.exchanges) is phonenumbers'.

The table is written once at install from the core's own ``_classify_number``; the core looks verdicts up
in it instead of memoising them. These tests check the premise (the four line digits change phonenumbers'
verdict on a NANP number only in the exchanges ``line_dependent_keys`` finds), that a generated table holds
the classifier's verdict for every key tried, that a stale or damaged table is refused, and that the
extractor - compiled and plain source - answers the same with the table and without it.
"""
import random

import phonenumbers
import pytest

from frontline.adversarial import adversarial_text
from frontline.extract import _build, core, exchanges

SOURCE = _build.source_module()
#: The compiled module when the build is current (else the source, twice) and the plain source.
MODULES = {"loaded": core, "source": SOURCE}
#: Area codes whose every exchange is checked: US (Los Angeles), Canada (Toronto), Jamaica (Caribbean),
#: toll-free 800, premium rate 900, personal 500, and unassigned codes (N9X expansion, 37X reserved, 555).
AREA_CODES = (213, 416, 876, 800, 900, 500, 299, 371, 555)
#: Line numbers: none of one repeated digit, each of the ten digits first once, spread over the range.
LINES = ("0001", "1234", "2468", "3579", "4821", "5550", "6012", "7076", "8642", "9998")


def _keys_checked(n_random: int, seed: int) -> list[int]:
    """Every exchange of AREA_CODES and ``n_random`` random keys, structure-rejected ones left out (the
    core rejects them before it asks for a verdict)."""
    rng = random.Random(seed)
    keys = [npa * 1000 + nxx for npa in AREA_CODES for nxx in range(1000)]
    keys += [rng.randrange(exchanges.KEYS) for _ in range(n_random)]
    return [k for k in keys if not exchanges.structure_rejected(k)]


@pytest.fixture(scope="module")
def table_file(tmp_path_factory):
    """A whole table generated with the loaded core's classifier (a few seconds)."""
    path = tmp_path_factory.mktemp("exchanges") / exchanges.FILENAME
    return exchanges.write(path, core._classify_number, core.VERDICT_SIGNATURE)


@pytest.fixture(scope="module")
def table(table_file):
    body = exchanges.read(table_file, core.VERDICT_SIGNATURE)
    assert body is not None
    return body


@pytest.fixture()
def restore_tables():
    """Give both modules back the exchange table they had (the one written at install, if any)."""
    before = {name: m.exchange_table() for name, m in MODULES.items()}
    yield
    for name, m in MODULES.items():
        m.use_exchange_table(before[name])


@pytest.fixture(scope="module")
def by_line():
    return exchanges.line_dependent_keys()


def test_line_digits_change_the_verdict_only_where_found(by_line):
    """phonenumbers' NANP patterns constrain the first six digits and, but for the exchanges
    line_dependent_keys finds, not the line: for every other key, every line number gets the same verdict
    from the classifier and from phonenumbers itself."""
    differ = []
    for key in _keys_checked(6_000, seed=11):
        verdicts = {SOURCE._classify_number(f"{key:06d}{line}") for line in LINES}
        if len(verdicts) != 1:
            differ.append(key)
    assert differ and set(differ) <= by_line  # 876-606 is among AREA_CODES' exchanges
    rng = random.Random(12)
    keys = [k for k in _keys_checked(3_000, seed=13) if k not in by_line]
    for key in rng.sample(keys, 600):
        valid = {phonenumbers.is_valid_number(phonenumbers.parse(f"+1{key:06d}{line}")) for line in LINES[::3]}
        assert len(valid) == 1, key


def test_line_dependent_keys_hold_line_dependent_verdicts(by_line):
    """Each exchange found really has numbers of different verdicts (phonenumbers' own), and no key of
    structure the core rejects is among them."""
    assert by_line
    for key in by_line:
        assert not exchanges.structure_rejected(key)
        valid = {phonenumbers.is_valid_number(phonenumbers.parse(f"+1{key:06d}{line:04d}"))
                 for line in range(0, 10_000, 7)}
        assert valid == {True, False}, key


def test_line_dependent_keys_from_patterns(monkeypatch):
    """The expansion of patterns into digit sets finds an exchange whose line digits a pattern restricts,
    and only that one."""
    from re import _parser

    seqs = exchanges._sequences(_parser.parse(r"2135551\d{3}|213(?:[2-9]\d\d)\d{4}|(?:8[0-5]|9)\d{2}"))
    restricted = [s for s in seqs if len(s) == 10 and any(x != frozenset("0123456789") for x in s[6:])]
    assert [["".join(sorted(x)) for x in s[:7]] for s in restricted] == [["2", "1", "3", "5", "5", "5", "1"]]
    with pytest.raises(ValueError):
        exchanges._sequences(_parser.parse(r"(2)\1"))


def test_table_holds_the_classifiers_verdict(table, by_line):
    assert len(table) == exchanges.KEYS
    rng = random.Random(21)
    wrong = []
    for key in _keys_checked(40_000, seed=22):
        verdict = SOURCE._classify_number(f"{key:06d}{rng.randrange(10_000):04d}")
        expected = exchanges.INVALID if verdict is None else exchanges.TARGET if verdict[1] else exchanges.OTHER
        if table[key] != (exchanges.BY_LINE if key in by_line else expected):
            wrong.append(key)
    assert wrong == []
    assert {k for k in range(exchanges.KEYS) if table[k] == exchanges.BY_LINE} == by_line


@pytest.mark.parametrize("name", ["loaded", "source"])
def test_line_dependent_exchanges_classified_number_by_number(name, table, by_line, restore_tables):
    """Every number of the exchanges whose line digits matter gets its own verdict, with the table and
    without it (the memo must not keep the verdict of the first number it saw)."""
    m = MODULES[name]
    for t in (table, None):
        m.use_exchange_table(t)
        m.clear_memos()
        for key in sorted(by_line):
            digits = [f"{key:06d}{line:04d}" for line in range(10_000)]
            assert [m.classify_digits(d) for d in digits] == [SOURCE._classify_number(d) for d in digits]


def test_table_by_area_code(table):
    """The verdicts a reader of the numbering plan expects, from the table."""
    def exchange_bytes(npa):
        return {table[npa * 1000 + nxx] for nxx in range(200, 1000)}

    assert exchange_bytes(213) == {exchanges.TARGET}  # Los Angeles: US, every exchange 200-999
    assert exchange_bytes(416) == {exchanges.OTHER}   # Toronto: valid, not a US number
    assert exchange_bytes(800) == {exchanges.OTHER}   # toll-free: valid, not a target
    assert exchange_bytes(876) == {exchanges.OTHER, exchanges.INVALID, exchanges.BY_LINE}  # Jamaica, 876-606
    for npa in (299, 371):  # unassigned area codes
        assert exchange_bytes(npa) == {exchanges.INVALID}
    for key in (1_000, 199_999, 213_100, 411_555, 911_555):  # structure the core rejects first
        assert exchanges.structure_rejected(key) and table[key] == exchanges.INVALID
    assert set(table) == {exchanges.INVALID, exchanges.TARGET, exchanges.OTHER, exchanges.BY_LINE}


def test_table_agrees_with_phonenumbers(table):
    rng = random.Random(31)
    for key in rng.sample(_keys_checked(20_000, seed=32), 1_500):
        if table[key] == exchanges.BY_LINE:
            continue
        number = phonenumbers.parse(f"+1{key:06d}{rng.randrange(10_000):04d}")
        assert phonenumbers.is_valid_number(number) == (table[key] != exchanges.INVALID), key
        if table[key] != exchanges.INVALID:
            us = phonenumbers.region_code_for_number(number) == "US"
            kind = phonenumbers.number_type(number)
            target = us and kind not in (phonenumbers.PhoneNumberType.TOLL_FREE,
                                         phonenumbers.PhoneNumberType.PREMIUM_RATE,
                                         phonenumbers.PhoneNumberType.SHARED_COST)
            assert target == (table[key] == exchanges.TARGET), key


def _stale_variants(good: bytes) -> dict:
    head_end = good.index(b"\n\n") + 2
    version = f"phonenumbers {phonenumbers.__version__}\n".encode()
    assert version in good[:head_end]
    flipped = bytearray(good)
    flipped[head_end + 213_555] ^= 3  # TARGET -> OTHER: the checksum no longer matches
    return {
        "other phonenumbers": good.replace(version, b"phonenumbers 8.13.0\n", 1),
        "other format": good.replace(f"format {exchanges.FORMAT}\n".encode(), b"format 0\n", 1),
        "other metadata": good.replace(b"\nmetadata ", b"\nmetadata 0", 1),
        "truncated": good[:-1],
        "truncated header": good[:head_end - 30],
        "one byte more": good + b"\0",
        "damaged": bytes(flipped),
        "no header": good[head_end:],
        "empty": b"",
    }


def test_stale_or_damaged_tables_are_refused(table_file, tmp_path):
    good = table_file.read_bytes()
    assert exchanges.read(table_file, core.VERDICT_SIGNATURE) is not None
    assert exchanges.read(table_file, core.VERDICT_SIGNATURE + "x") is None  # another classifier
    assert exchanges.read(tmp_path / "missing.bin", core.VERDICT_SIGNATURE) is None
    for name, data in _stale_variants(good).items():
        path = tmp_path / f"{name}.bin"
        path.write_bytes(data)
        assert exchanges.read(path, core.VERDICT_SIGNATURE) is None, name


def _digit_strings(n: int, seed: int) -> list[str]:
    """Random ten-character strings of digits, most of NANP structure, with Unicode digits, one repeated
    digit, and the odd wrong length."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        d = [rng.choice("23456789"), rng.choice("0123456789"), rng.choice("0123456789"),
             rng.choice("23456789")] + [rng.choice("0123456789") for _ in range(6)]
        if i % 7 == 0:
            d = [rng.choice("0123456789") for _ in range(10)]
        if i % 11 == 0:
            d[rng.randrange(10)] = rng.choice("٣५８")  # Arabic-Indic, Devanagari, fullwidth
        out.append("".join(d))
    out += [c * 10 for c in "0123456789"] + ["213555123", "21355512345", "8005551234", "4165550123"]
    return out


@pytest.mark.parametrize("name", sorted(MODULES))
def test_classify_digits_same_with_and_without_table(name, table, restore_tables):
    m = MODULES[name]
    texts = _digit_strings(60_000, seed=41)
    m.use_exchange_table(None)
    m.clear_memos()
    without = [m.classify_digits(d) for d in texts]
    m.use_exchange_table(table)
    assert m.exchange_table() is table
    with_table = [m.classify_digits(d) for d in texts]
    assert with_table == without
    assert without == [SOURCE._classify_number(d) if SOURCE.classify_digits(d) is not None else None
                       for d in texts]
    m.clear_memos()
    assert m.exchange_table() is table  # not a memo: clear_memos keeps it
    assert sum(v is not None for v in with_table) > 10_000


@pytest.mark.parametrize("name", sorted(MODULES))
def test_find_all_same_with_and_without_table(name, table, restore_tables):
    m = MODULES[name]
    rng = random.Random(51)
    texts = [adversarial_text(30_000, seed=s) for s in range(2)]
    texts.append(" ".join(rng.choice("0123456789") for _ in range(30_000)))  # spaced digits
    m.use_exchange_table(None)
    m.clear_memos()
    without = [m.find_all(t) for t in texts]
    m.use_exchange_table(table)
    m.clear_memos()
    assert [m.find_all(t) for t in texts] == without
    assert sum(map(len, without)) > 100


@pytest.mark.parametrize("name", sorted(MODULES))
def test_core_reads_only_a_current_table(name, table, table_file, tmp_path, monkeypatch, restore_tables):
    """The core takes the table beside it only when the header matches; else it keeps the memo path,
    with the same answers."""
    m = MODULES[name]
    texts = _digit_strings(5_000, seed=61)
    m.use_exchange_table(None)
    expected = [m.classify_digits(d) for d in texts]
    monkeypatch.setattr(exchanges, "DEFAULT_PATH", table_file)
    m._read_exchange_table()
    assert m.exchange_table() == table
    assert [m.classify_digits(d) for d in texts] == expected
    for variant, data in _stale_variants(table_file.read_bytes()).items():
        path = tmp_path / f"{variant}.bin"
        path.write_bytes(data)
        monkeypatch.setattr(exchanges, "DEFAULT_PATH", path)
        m._read_exchange_table()
        assert m.exchange_table() is None, variant
        m.clear_memos()
        assert [m.classify_digits(d) for d in texts] == expected, variant


def test_use_exchange_table_refuses_what_is_not_a_table(table, restore_tables):
    for bad in (table[:-1], table + b"\0", b"\4" + table[1:], bytearray(table)):
        with pytest.raises(ValueError):
            core.use_exchange_table(bad)


def test_generating_part_of_the_table():
    """build() over a range of keys gives the bytes of the whole table's range (the entry point's work)."""
    keys = range(213_000, 213_400)
    part = exchanges.build(core._classify_number, keys)
    assert list(part[:200]) == [exchanges.INVALID] * 200
    assert set(part[200:]) == {exchanges.TARGET}
