"""Ingesting a user's ads: every bad input is a clear file-level error or a quarantined row."""
import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from frontline import ingest, io

from .conftest import ROOT

USER_ADS = ROOT / "tests/data/user_ads"
HEADER = "ad_id,posted_at,title,body\n"


def _csv(tmp_path, data: bytes | str, name="ads.csv"):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _reasons(rejected):
    return {int(r.row): (r.field, r.reason) for r in rejected.itertuples()}


def test_bad_rows_are_quarantined_with_reasons(tmp_path):
    path = _csv(tmp_path,
                HEADER
                + "a1,2012-05-01,t,call 213-555-0147\n"
                + ",2012-05-01,t,no id\n"
                + "a3,not a date,t,x\n"
                + "a4,2012-05-01,,\n"
                + "a1,2012-05-01,t,call 213-555-0147\n"
                + "a5,2012-05-01,t,one\n"
                + "a5,2012-05-02,t,two\n")
    ads, rejected, summary = ingest.ingest_ads(path, region="la")
    assert ads["ad_id"].tolist() == ["a1"]
    assert {row: reason for row, (_, reason) in _reasons(rejected).items()} == {
        3: "missing ad_id", 4: "unparsable date (expected ISO 8601)", 5: "empty text (no title and no body)",
        7: "duplicate ad_id with different content", 8: "duplicate ad_id with different content"}
    assert set(rejected["source"]) == {str(path)}
    assert summary["exact_duplicates"] == 1
    assert summary["source_rows"] == summary["ads"] + summary["rejected"] + summary["exact_duplicates"]
    assert summary["reject_reasons"] == {"duplicate ad_id with different content": 2, "empty text": 1,
                                         "missing ad_id": 1, "unparsable date": 1}


def test_rejected_rows_never_carry_ad_text_or_numbers(tmp_path):
    path = _csv(tmp_path, HEADER + "a1,2012-05-01,t,\x00call 213-555-0147\n"
                + "(213) 555-0147,2012-05-01,t,\x00call\n" + "ok,2012-05-01,t,fine\n")
    _, rejected, _ = ingest.ingest_ads(path, region="la")
    out = tmp_path / "rejected.csv"
    io.write_csv(rejected, out)
    text = out.read_text()
    assert "555" not in text and "call" not in text
    assert "(withheld: looks like a phone number)" in text


def test_empty_file_is_unusable(tmp_path):
    with pytest.raises(ingest.AdFileError, match=r"ads\.csv: file is empty"):
        ingest.ingest_ads(_csv(tmp_path, b""), region="la")


def test_header_only_file_has_no_ads(tmp_path):
    with pytest.raises(ingest.AdFileError, match=r"ads\.csv: no valid ad for region 'la' out of 0 rows"):
        ingest.ingest_ads(_csv(tmp_path, HEADER), region="la")


def test_header_only_file_in_a_folder_contributes_nothing(tmp_path):
    _csv(tmp_path, HEADER, name="a.csv")
    _csv(tmp_path, HEADER + "x1,2012-05-01,t,b\n", name="b.csv")
    ads, rejected, summary = ingest.ingest_ads(tmp_path, region="la")
    assert ads["ad_id"].tolist() == ["x1"] and rejected.empty and summary["files"] == 2


def test_missing_required_column_names_the_file(tmp_path):
    with pytest.raises(ingest.AdFileError, match=r"ads\.csv: missing required column\(s\) \['ad_id', 'body'\]"):
        ingest.ingest_ads(_csv(tmp_path, "id,text\n1,hello\n"), region="la")


def test_unknown_extra_columns_are_ignored_and_listed(tmp_path):
    path = _csv(tmp_path, "ad_id,body,phone,city\na1,hi,2135550147,LA\n")
    ads, _, summary = ingest.ingest_ads(path, region="la")
    assert list(ads.columns) == ingest.AD_COLUMNS
    assert summary["ignored_columns"] == ["city", "phone"]


def test_wrong_types_in_jsonl_are_rejected_or_taken_as_text(tmp_path):
    lines = [
        {"ad_id": 17, "body": "numeric id is text"},
        {"ad_id": "a2", "body": {"nested": "object"}},
        {"ad_id": "a3", "body": ["a", "list"]},
        {"ad_id": "a4", "body": True},
        {"ad_id": "a5", "body": "ok", "posted_at": "yesterday"},
        "not an object",
    ]
    path = tmp_path / "ads.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken json\n")
    ads, rejected, _ = ingest.ingest_ads(path, region="la")
    assert ads["ad_id"].tolist() == ["17"]
    reasons = _reasons(rejected)
    assert reasons[2] == ("body", "wrong type: an object, expected text")
    assert reasons[3] == ("body", "wrong type: a list, expected text")
    assert reasons[4] == ("body", "wrong type: true/false, expected text")
    assert reasons[5] == ("posted_at", "unparsable date (expected ISO 8601)")
    assert reasons[6][1] == "malformed record: a JSON str, not an object"
    assert reasons[7][1].startswith("malformed record: not valid JSON")


def test_wrong_types_in_parquet(tmp_path):
    table = pa.table({"ad_id": pa.array([1, 2], pa.int64()), "body": ["x", "y"],
                      "posted_at": pa.array([pd.Timestamp("2012-05-01 10:00"), None], pa.timestamp("us"))})
    pq.write_table(table, tmp_path / "ads.parquet")
    ads, rejected, _ = ingest.ingest_ads(tmp_path / "ads.parquet", region="la")
    assert ads["ad_id"].tolist() == ["1", "2"]
    assert ads["posted_at"].tolist() == ["2012-05-01T10:00:00", ""]
    assert rejected.empty


def test_dates_are_normalised_and_unparsable_ones_rejected(tmp_path):
    path = _csv(tmp_path, HEADER + "a1,2012-05-01,t,b\na2,2012-05-01T10:00:00-07:00,t,b\n"
                + "a3,05/01/2012,t,b\na4,2012-13-01,t,b\na5,,t,b\n")
    ads, rejected, _ = ingest.ingest_ads(path, region="la")
    assert ads["posted_at"].tolist() == ["2012-05-01T00:00:00", "2012-05-01T17:00:00", ""]
    assert sorted(_reasons(rejected)) == [4, 5]


def test_non_utf8_and_nul_bytes_reject_only_their_row(tmp_path):
    path = _csv(tmp_path, HEADER.encode() + b"a1,2012-05-01,t,caf\xe9\n" + b"a2,2012-05-01,t\x00x,b\n"
                + b"a3,2012-05-01,t,fine\n")
    ads, rejected, _ = ingest.ingest_ads(path, region="la")
    assert ads["ad_id"].tolist() == ["a3"]
    assert _reasons(rejected) == {2: ("body", "non-UTF-8 bytes (byte 3)"), 3: ("title", "NUL byte")}


def test_non_utf8_line_in_jsonl_is_rejected(tmp_path):
    path = tmp_path / "ads.jsonl"
    path.write_bytes(b'{"ad_id": "a1", "body": "caf\xe9"}\n{"ad_id": "a2", "body": "ok"}\n')
    ads, rejected, _ = ingest.ingest_ads(path, region="la")
    assert ads["ad_id"].tolist() == ["a2"]
    assert _reasons(rejected) == {1: ("", "non-UTF-8 bytes in the line")}


def test_a_ten_megabyte_ad_and_a_million_digit_run_are_quarantined(tmp_path):
    big = "x" * (10 << 20)
    digits = "7" * 1_000_000
    path = _csv(tmp_path, HEADER + f"a1,2012-05-01,t,{big}\na2,2012-05-01,{digits},b\na3,2012-05-01,t,ok\n")
    ads, rejected, summary = ingest.ingest_ads(path, region="la")
    assert ads["ad_id"].tolist() == ["a3"]
    assert _reasons(rejected) == {2: ("body", "text too long (over 100000 characters)"),
                                  3: ("title", "text too long (over 100000 characters)")}
    assert summary["reject_reasons"] == {"text too long": 2}


def test_ragged_csv_rows_are_quarantined_with_their_row(tmp_path):
    path = _csv(tmp_path, HEADER + "a1,2012-05-01,t,b\na2,2012-05-01,t,b,extra\na3,2012-05-01,t,b\n")
    ads, rejected, _ = ingest.ingest_ads(path, region="la")
    assert ads["ad_id"].tolist() == ["a1", "a3"]
    assert _reasons(rejected) == {3: ("", "malformed record: 5 fields, header has 4")}


def test_formula_text_is_kept_in_ads_and_escaped_in_rejected_csv(tmp_path):
    path = _csv(tmp_path, HEADER + '=HYPERLINK("x"),yesterday,t,b\n' + 'a2,2012-05-01,@SUM(A1),=1+1\n')
    ads, rejected, _ = ingest.ingest_ads(path, region="la")
    assert ads.loc[0, "body"] == "=1+1" and ads.loc[0, "title"] == "@SUM(A1)"
    out = tmp_path / "rejected.csv"
    io.write_csv(rejected, out)
    assert "'=HYPERLINK" in out.read_text()
    assert pd.read_csv(out)["ad_id"].tolist() == ["'=HYPERLINK(\"x\")"]


def test_unreadable_parquet_is_a_one_line_error(tmp_path):
    (tmp_path / "ads.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(ingest.AdFileError, match=r"ads\.parquet: cannot be read as Parquet") as err:
        ingest.ingest_ads(tmp_path / "ads.parquet", region="la")
    assert "\n" not in str(err.value)


def test_missing_source_and_empty_folder(tmp_path):
    with pytest.raises(ingest.AdFileError, match="does not exist"):
        ingest.ingest_ads(tmp_path / "nope.csv", region="la")
    with pytest.raises(ingest.AdFileError, match="folder holds no ad files"):
        ingest.ingest_ads(tmp_path, region="la")


def test_large_csv_is_read_in_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "CSV_BLOCK_BYTES", 1 << 12)
    n = 2000
    path = _csv(tmp_path, HEADER + "".join(f"a{i},2012-05-01,t,body {i}\n" for i in range(n)))
    chunks = list(ingest.iter_chunks(path))
    assert len(chunks) > 1
    assert [r for c in chunks for r in c.rows] == list(range(2, n + 2))
    ads, _, _ = ingest.ingest_ads(path, region="la")
    assert len(ads) == n


def test_the_shipped_user_ads_folder_mixes_formats(tmp_path):
    ads, rejected, summary = ingest.ingest_ads(USER_ADS, region="user_city")
    assert summary["files"] == 2
    assert summary["source_rows"] == summary["ads"] + summary["rejected"] + summary["exact_duplicates"]
    assert summary["ads"] > 0 and summary["rejected"] > 0 and summary["exact_duplicates"] > 0
    assert (ads["region"] != "").all()


def test_conflicting_ad_id_across_files_rejects_both_with_their_file(tmp_path):
    _csv(tmp_path, HEADER + "a1,2012-05-01,t,one\na2,2012-05-01,t,two\n", name="a.csv")
    (tmp_path / "b.jsonl").write_text('{"ad_id": "a1", "body": "other"}\n{"ad_id": "a2", "title": "t", '
                                      '"body": "two", "posted_at": "2012-05-01"}\n')
    ads, rejected, summary = ingest.ingest_ads(tmp_path, region="la")
    assert ads["ad_id"].tolist() == ["a2"] and summary["exact_duplicates"] == 1
    assert [(r.source.rsplit("/", 1)[-1], r.row) for r in rejected.itertuples()] == [("a.csv", 2), ("b.jsonl", 1)]
