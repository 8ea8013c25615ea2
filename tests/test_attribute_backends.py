"""The three attribution backends (nanpa-lookup database, official NANPA reports, lookup cache) and
their precedence."""
from pathlib import Path

import pandas as pd
import pytest

from frontline import attribute, carriers, lookup_cache, nanpa_reports, numbering, privacy

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
CODE_REPORT = DATA / "nanpa/code_report.csv"
BLOCK_REPORT = DATA / "nanpa/block_report.txt"
CACHE = DATA / "cache/lookup_cache.csv"
KEY = b"backend-test-key-0123456789abcdef"




def _numbers(*e164):
    return pd.DataFrame({"number_hash": [privacy.hash_number(n, KEY) for n in e164],
                         "block": [privacy.block_of(n) for n in e164]})


def _by_number(out, *e164):
    return out.set_index("number_hash").loc[[privacy.hash_number(n, KEY) for n in e164]]


# --- official NANPA reports -------------------------------------------------------------------------

def test_reports_as_of_excludes_a_later_block_and_code():
    holders, _ = nanpa_reports.load_reports(CODE_REPORT, BLOCK_REPORT, as_of="2012-06-30")
    blocks = set(holders.loc[holders.level == "block", "prefix"])
    codes = set(holders.loc[holders.level == "code", "prefix"])
    assert 2135551 in blocks and 2135553 in blocks
    assert 2135552 not in blocks          # assigned to T-Mobile in 2013, after the as_of date
    assert 323777 not in codes            # code assigned in 2014
    assert {213555, 310444} <= codes      # 213-555 has no AssignDate: its EffectiveDate counts
    assert 2135555 not in blocks and 626888 not in codes   # available / unassigned rows carry no OCN


def test_reports_without_as_of_keep_the_later_block():
    holders, _ = nanpa_reports.load_reports(CODE_REPORT, BLOCK_REPORT, as_of=None)
    row = holders[(holders.level == "block") & (holders.prefix == 2135552)]
    assert row["ocn"].item() == "6529"


def test_report_rows_that_cannot_be_read_are_quarantined_with_reasons():
    _, rejected = nanpa_reports.load_reports(CODE_REPORT, BLOCK_REPORT, as_of="2012-06-30")
    got = {(Path(r.file).name, r.row, r.field) for r in rejected.itertuples()}
    assert ("code_report.csv", 5, "prefix") in got                # 818-12X
    assert ("code_report.csv", 7, "AssignDate") in got            # no date at all, as_of set
    assert ("block_report.txt", 5, "Date_Assigned") in got        # 'not a date'
    assert ("block_report.txt", 6, "prefix") in got               # X = 'A'
    reasons = " ".join(rejected["reason"])
    assert "unreadable date" in reasons and "7-digit prefix" in reasons and "as_of" in reasons


def test_report_backend_attributes_as_of_the_date(table):
    types = pd.Series({"9740": "RBOC", "5562": "PCS", "6529": "PCS", "6006": "WIRELESS"})
    nums = _numbers("+12135552000", "+12135551000", "+13104447000")
    for as_of, expected in (("2012-06-30", ("code", "Landline")), (None, ("block", "T-Mobile"))):
        holders, _ = nanpa_reports.load_reports(CODE_REPORT, BLOCK_REPORT, as_of=as_of, ocn_types=types)
        out = attribute.attribute(nums, ["nanpa_reports"], table, [213, 310], holders={"nanpa_reports": holders})
        rows = _by_number(out, "+12135552000", "+12135551000", "+13104447000")
        assert tuple(rows.iloc[0][["method", "brand"]]) == expected
        assert tuple(rows.iloc[1][["method", "brand", "line_type"]]) == ("block", "MetroPCS", "mobile")
        assert tuple(rows.iloc[2][["method", "brand"]]) == ("code", "Verizon")
        assert set(rows["source"]) == {"nanpa_reports"}


def test_report_missing_column_is_a_clear_error(tmp_path):
    bad = tmp_path / "codes.csv"
    bad.write_text("State,NPA_NXX,OCN,Company\nCA,213-555,9740,PACIFIC BELL\n")
    with pytest.raises(nanpa_reports.ReportError, match=r"codes.csv: missing column\(s\) \['EffectiveDate'"):
        nanpa_reports.load_reports(bad, None)


def test_report_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(nanpa_reports.ReportError, match="does not exist"):
        nanpa_reports.load_reports(None, tmp_path / "blocks.txt")


def test_reports_fall_back_to_the_database_in_precedence_order(tiny_database, table):
    holders, _ = nanpa_reports.load_reports(CODE_REPORT, BLOCK_REPORT, as_of="2012-06-30")
    db = numbering.load_holders(tiny_database)
    nums = _numbers("+12135551000", "+18185550000")   # 818-555-0 is only in the database
    out = attribute.attribute(nums, ["nanpa_reports", "nanpa_lookup"], table, [213, 818],
                              holders={"nanpa_reports": holders, "nanpa_lookup": db})
    rows = _by_number(out, "+12135551000", "+18185550000")
    assert rows["source"].tolist() == ["nanpa_reports", "nanpa_lookup"]
    assert rows["brand"].tolist() == ["MetroPCS", carriers.UNKNOWN_TYPE_GROUP]


# --- lookup cache -----------------------------------------------------------------------------------

def test_cache_hashes_raw_numbers_on_read_and_keeps_no_raw_number():
    cache, rejected, stats = lookup_cache.read_cache(CACHE, KEY)
    assert privacy.hash_number("+12135551001", KEY) in set(cache["number_hash"])
    for frame in (cache, rejected):
        text = frame.to_csv()
        assert "2135551001" not in text and "2135551008" not in text and "2135551012" not in text
    assert stats["raw_numbers_hashed"] == 8 and stats["given_as_hash"] == 0


def test_cache_accepts_numbers_given_as_their_keyed_hash(tmp_path):
    h = privacy.hash_number("+12135551001", KEY)
    path = tmp_path / "hashed.csv"
    path.write_text(f"number,carrier,line_type,looked_up_at\n{h.upper()},Verizon Wireless,mobile,2012-07-01\n")
    cache, rejected, stats = lookup_cache.read_cache(path, KEY)
    assert cache["number_hash"].tolist() == [h] and rejected.empty and stats["given_as_hash"] == 1


def test_malformed_cache_rows_are_quarantined_with_reasons():
    _, rejected, stats = lookup_cache.read_cache(CACHE, KEY)
    got = {(r.row, r.field) for r in rejected.itertuples()}
    assert got == {(10, "number"), (11, "carrier"), (12, "line_type"), (13, "looked_up_at"), (14, "")}
    assert stats["quarantined_rows"] == 5
    reason = rejected.set_index("row").loc[14, "reason"]
    assert reason == "expected 5 fields, found 3"
    assert rejected.set_index("row").loc[11, "number_hash"] == privacy.hash_number("+12135551009", KEY)


def test_cache_missing_columns_is_a_clear_error(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("number,carrier\n+12135551001,Verizon\n")
    with pytest.raises(lookup_cache.CacheError, match=r"missing column\(s\) \['line_type', 'looked_up_at'\]"):
        lookup_cache.read_cache(path, KEY)


def test_latest_lookup_wins():
    cache, _, stats = lookup_cache.read_cache(CACHE, KEY)
    row = cache.set_index("number_hash").loc[privacy.hash_number("+12135551005", KEY)]
    assert row["carrier"] == "T-Mobile USA" and row["looked_up_at"].startswith("2013-01-01")
    assert stats["superseded"] == 1


def test_cache_takes_precedence_over_blocks(tiny_database, table, names):
    cache, _, _ = lookup_cache.read_cache(CACHE, KEY)
    db = numbering.load_holders(tiny_database)
    nums = _numbers("+12135551001", "+12135551002", "+12135553004", "+12135551006", "+12135551007",
                    "+12135551013")
    out = attribute.attribute(nums, ["cache", "nanpa_lookup"], table, [213], holders={"nanpa_lookup": db},
                              cache=cache, carrier_names=names)
    rows = _by_number(out, *["+12135551001", "+12135551002", "+12135553004", "+12135551006", "+12135551007",
                             "+12135551013"])
    # A MetroPCS block, looked up as T-Mobile: the cache decides (a port), the block answer is kept.
    assert tuple(rows.iloc[0][["method", "brand", "block_brand", "block_method"]]) == \
        ("cache", "T-Mobile", "MetroPCS", "block")
    assert tuple(rows.iloc[1][["method", "brand", "source"]]) == ("block", "MetroPCS", "nanpa_lookup")
    assert tuple(rows.iloc[2][["brand", "line_type"]]) == ("CLEC/VoIP", "voip")      # by line type
    assert tuple(rows.iloc[3][["brand", "ocn", "ocn_type"]]) == ("AT&T", "6010", "")  # by the OCN given
    assert tuple(rows.iloc[4][["brand", "line_type"]]) == ("Cricket", "voip")
    assert rows.iloc[5]["brand"] == "Landline"
    cov = attribute.coverage(out, ["cache", "nanpa_lookup"]).set_index("measure")
    assert cov.loc["method:cache", "numbers"] == 5 and cov.loc["method:block", "numbers"] == 1
    assert cov.loc["cache_vs_block:compared", "numbers"] == 5
    # Block 213-555-3 is a CLEC's, and the cache says VoIP: the same group. The other four differ.
    assert cov.loc["cache_vs_block:brand_differs", "numbers"] == 4
    assert cov.loc["cache_vs_block:brand_differs", "share"] == pytest.approx(4 / 5)


def test_blocks_listed_first_win_over_the_cache(tiny_database, table, names):
    cache, _, _ = lookup_cache.read_cache(CACHE, KEY)
    out = attribute.attribute(_numbers("+12135551001"), ["nanpa_lookup", "cache"], table, [213],
                              holders={"nanpa_lookup": numbering.load_holders(tiny_database)}, cache=cache,
                              carrier_names=names)
    assert tuple(out.iloc[0][["method", "brand"]]) == ("block", "MetroPCS")


def test_listed_backend_without_its_input_is_an_error(table):
    with pytest.raises(ValueError, match="no lookup cache"):
        attribute.attribute(_numbers("+12135551001"), ["cache"], table, [213])
    with pytest.raises(ValueError, match="unknown attribution backend"):
        attribute.attribute(_numbers("+12135551001"), ["twilio"], table, [213])


# --- nanpa-lookup database ----------------------------------------------------------------------------

def test_database_backend_records_method_type_and_line_type(tiny_database, table):
    out = attribute.attribute(_numbers("+12135551000", "+13104447000", "+19999999000"), ["nanpa_lookup"], table,
                              [213, 310], holders={"nanpa_lookup": numbering.load_holders(tiny_database)})
    rows = _by_number(out, "+12135551000", "+13104447000", "+19999999000")
    assert rows[["method", "ocn_type", "line_type"]].values.tolist() == [
        ["block", "PCS", "mobile"], ["code", "WIRELESS", "mobile"], ["unattributed", "", "unknown"]]
    assert rows.iloc[2]["brand"] == carriers.UNATTRIBUTED and not rows.iloc[2]["in_region"]


def test_coverage_facts_nest_measures_for_the_paper(tiny_database, table):
    out = attribute.attribute(_numbers("+12135551000", "+19999999000"), ["nanpa_lookup"], table, [213],
                              holders={"nanpa_lookup": numbering.load_holders(tiny_database)})
    facts = attribute.coverage_facts(attribute.coverage(out, ["nanpa_lookup"]), ["nanpa_lookup"], {"x": 1})
    assert facts["unique_numbers"] == 2
    assert facts["method"]["block"] == {"numbers": 1, "share": 0.5}
    assert facts["method"]["cache"]["numbers"] == 0
    assert facts["out_of_region"]["numbers"] == 1 and facts["x"] == 1
    assert facts["cache_vs_block"]["compared"]["numbers"] == 0
