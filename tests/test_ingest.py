import pytest

from frontline import ingest


def test_bad_rows_are_quarantined_with_reasons(tmp_path):
    path = tmp_path / "ads.csv"
    path.write_text(
        "ad_id,posted_at,title,body\n"
        "a1,2012-05-01,t,call 213-555-0147\n"
        ",2012-05-01,t,no id\n"
        "a3,not a date,t,x\n"
        "a4,2012-05-01,,\n"
        "a1,2012-05-01,t,call 213-555-0147\n"
        "a5,2012-05-01,t,one\n"
        "a5,2012-05-02,t,two\n"
    )
    ads, rejected, summary = ingest.ingest_ads(path, region="la")
    assert ads["ad_id"].tolist() == ["a1"]
    reasons = dict(zip(rejected["row"], rejected["reason"]))
    assert reasons == {3: "missing ad_id", 4: "unparsable date", 5: "empty text",
                       7: "duplicate ad_id with different content", 8: "duplicate ad_id with different content"}
    assert summary["exact_duplicates"] == 1
    assert summary["source_rows"] == summary["ads"] + summary["rejected"] + summary["exact_duplicates"]


def test_missing_required_column_names_the_file(tmp_path):
    path = tmp_path / "ads.csv"
    path.write_text("id,text\n1,hello\n")
    with pytest.raises(ingest.AdFileError, match=r"ads\.csv: missing required column"):
        ingest.ingest_ads(path, region="la")
