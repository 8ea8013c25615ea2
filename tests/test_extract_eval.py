"""Scoring extraction against truth, and the `frontline extract` command."""
import json

import pandas as pd
import pytest

from frontline import cli, extract, privacy
from frontline.extract import evaluate

KEY = b"test-key-0123456789abcdef"


def _truth_fixture():
    """Three ads with planted truth and distractors, rendered the way the simulator's contract says."""
    ads = pd.DataFrame({
        "ad_id": ["a1", "a2", "a3"],
        "title": ["", "", ""],
        "body": ["Call 213-555-0147 now. 36D-24-36",
                 "two one three five five five zero one nine nine",
                 "Open 24/7, rates 150/250/400"],
        "url": ["", "", ""],
    })
    truth = pd.DataFrame({
        "ad_id": ["a1", "a2"], "poster_id": ["P1", "P2"], "number": ["+12135550147", "+12135550199"],
        "brand": ["MetroPCS", "Sprint"], "in_region": [True, True], "target": [True, True],
        "field": ["body", "body"], "start": [5, 0], "end": [17, 48], "pattern": ["plain", "spelled"],
        "tags": ["plain", "spelled"],
    })
    distractors = pd.DataFrame({"ad_id": ["a1", "a3", "a3"], "field": ["body"] * 3, "start": [23, 5, 17],
                                "end": [32, 9, 28], "kind": ["measurement", "slogan", "price"]})
    return ads, truth, distractors


def _hashed(found):
    found = found.copy()
    found["number_hash"] = found.pop("number").map(lambda n: privacy.hash_number(n, KEY))
    return found


def test_score_counts_hits_per_pattern_and_false_positives_per_distractor():
    ads, truth, distractors = _truth_fixture()
    t = evaluate.hash_truth(truth, KEY)
    found = _hashed(pd.DataFrame({"ad_id": ["a1", "a3"], "number": ["+12135550147", "+13105550100"],
                                  "field": ["body", "body"], "start": [5, 17], "end": [17, 28]}))
    s = evaluate.score(found, t, distractors)
    assert (s["true_positives"], s["false_positives"], s["false_negatives"]) == (1, 1, 1)
    assert s["precision"] == 0.5 and s["recall"] == 0.5
    assert s["patterns"]["plain"] == {"n": 1, "found": 1, "recall": 1.0}
    assert s["patterns"]["spelled"]["recall"] == 0.0
    assert s["distractor_fp"]["price"] == 1
    assert s["distractor_fp"]["unexplained"] == 0
    assert s["distractors_planted"] == 3 and s["distractor_false_positives"] == 1


def test_occurrence_found_elsewhere_does_not_count_for_its_pattern():
    _, truth, _ = _truth_fixture()
    t = evaluate.hash_truth(truth, KEY)
    found = _hashed(pd.DataFrame({"ad_id": ["a1"], "number": ["+12135550147"], "field": ["title"],
                                  "start": [0], "end": [12]}))
    s = evaluate.score(found, t)
    assert s["true_positives"] == 1  # right number in the right ad ...
    assert s["patterns"]["plain"]["found"] == 0  # ... but not where it was planted


def test_evaluate_scores_ours_and_the_baseline_without_raw_numbers():
    ads, truth, distractors = _truth_fixture()
    found = _hashed(extract.extract_ads(ads))
    table, summary = evaluate.evaluate(ads, found, truth, KEY, distractors, baseline_sample=2, seed=1)
    assert summary["ours"]["precision"] == 1.0 and summary["ours"]["recall"] == 1.0
    assert summary["sample_ads"] == 2
    assert set(table["extractor"]) == {"ours", "phonenumbers"}
    assert list(table.columns) == evaluate.TABLE_COLUMNS
    text = table.to_csv() + json.dumps(summary)
    assert "555" not in text and "0147" not in text


def test_evaluate_on_the_full_sample_shows_the_baseline_missing_spelled_numbers():
    ads, truth, distractors = _truth_fixture()
    found = _hashed(extract.extract_ads(ads))
    _, summary = evaluate.evaluate(ads, found, truth, KEY, distractors, baseline_sample=10, seed=1)
    assert summary["baseline"]["patterns"]["spelled"]["recall"] == 0.0
    assert summary["ours_sample"]["patterns"]["spelled"]["recall"] == 1.0
    assert summary["recall_gain"] == pytest.approx(0.5)


def test_truth_without_tags_or_target_columns_is_accepted():
    _, truth, _ = _truth_fixture()
    t = evaluate.hash_truth(truth.drop(columns=["tags", "target"]), KEY)
    assert t["tags"].tolist() == ["plain", "spelled"] and t["target"].all()


def test_labelled_loader_names_the_bad_line(tmp_path):
    p = tmp_path / "l.jsonl"
    p.write_text('{"ad_id": "x", "body": "", "numbers": []}\n{"ad_id": "y"}\n')
    with pytest.raises(ValueError, match=r"line 2: missing field\(s\) \['body', 'numbers'\]"):
        evaluate.load_labelled(p)


def test_cli_writes_one_row_per_ad_and_number(tmp_path):
    ads = tmp_path / "ads.csv"
    pd.DataFrame({"ad_id": ["a", "b"], "title": ["213-555-0147", ""],
                  "body": ["again 213.555.0147 or 1-800-555-0199", "two one three 555 zero one nine nine"]}
                 ).to_csv(ads, index=False)
    out = tmp_path / "out.parquet"
    assert cli.main(["extract", str(ads), str(out)]) == 0
    df = pd.read_parquet(out)
    assert df[["ad_id", "number"]].values.tolist() == [["a", "+12135550147"], ["b", "+12135550199"]]
    assert df.loc[0, "fields"] == "body,title" and df.loc[0, "occurrences"] == 2
    csv = tmp_path / "out.csv"  # CSV is formula-safe: a leading "+" is escaped for spreadsheets
    assert cli.main(["extract", str(ads), str(csv)]) == 0
    assert pd.read_csv(csv, dtype=str)["number"].str.lstrip("'").tolist() == df["number"].tolist()
    out2 = tmp_path / "all.jsonl"
    assert cli.main(["extract", str(ads), str(out2), "--include-nontargets"]) == 0
    assert "+18005550199" in out2.read_text()


def test_cli_rejects_a_file_without_body_naming_it(tmp_path, capsys):
    ads = tmp_path / "ads.csv"
    pd.DataFrame({"ad_id": ["a"], "text": ["x"]}).to_csv(ads, index=False)
    assert cli.main(["extract", str(ads), str(tmp_path / "o.csv")]) == 2
    assert "missing required column(s) ['body']" in capsys.readouterr().err


def test_cli_rejects_an_empty_ad_id_naming_the_row(tmp_path, capsys):
    ads = tmp_path / "ads.jsonl"
    ads.write_text('{"ad_id": "a", "body": "x"}\n{"ad_id": "", "body": "y"}\n')
    assert cli.main(["extract", str(ads), str(tmp_path / "o.parquet")]) == 2
    assert "row 2: field ad_id is empty" in capsys.readouterr().err


def test_labelled_scores_count_false_positives_per_distractor_kind():
    """A false number counts against every distractor kind its ad is labelled with; both extractors are scored."""
    records = [
        {"ad_id": "x1", "body": "Call 213-555-0147 now", "numbers": ["+12135550147"], "patterns": ["plain"],
         "distractors": []},
        {"ad_id": "x2", "body": "Rates 150/250, 5 ft 6, 125 lbs", "numbers": [], "patterns": [],
         "distractors": ["price", "height_weight"]},
        {"ad_id": "x3", "body": "two one three 555 0199 or 310-555-0100", "numbers": ["+12135550199", "+13105550100"],
         "patterns": ["spelled_mixed", "plain"], "distractors": []},
    ]

    def finder(text):  # finds every true number, and a false one in the no-number ad
        found = extract.find_numbers(text)
        return found + [extract.Found("+18185550123", 0, 4)] if text.startswith("Rates") else found

    s = evaluate.score_labelled(records, finder=finder)
    assert (s["true_positives"], s["false_positives"], s["false_negatives"]) == (3, 1, 0)
    assert s["no_number_ads"] == 1 and s["two_number_ads"] == 1
    assert s["distractors"]["price"] == {"ads": 1, "false_positives": 1}
    assert s["distractors"]["height_weight"] == {"ads": 1, "false_positives": 1}
    assert s["distractors"]["unlabelled"] == {"ads": 2, "false_positives": 0}
    both = evaluate.evaluate_labelled(records)
    assert both["ours"]["recall"] == 1.0 and both["ours"]["false_positives"] == 0
    assert both["baseline"]["recall"] < 1.0  # the matcher does not read "two one three"
    assert both["recall_gain"] == both["ours"]["recall"] - both["baseline"]["recall"]


@pytest.mark.parametrize("n", [3, 7, 50])
def test_sampled_ads_read_in_batches_are_the_rows_sample_ads_draws(tmp_path, n):
    ads = pd.DataFrame({"ad_id": [f"a{i}" for i in range(23)], "title": [f"t{i}" for i in range(23)],
                        "body": [f"Call 213-555-01{i:02d}" for i in range(23)], "url": [""] * 23})
    path = tmp_path / "ads.parquet"
    ads.to_parquet(path, index=False, row_group_size=5)
    ids, sample = evaluate.read_sampled_ads(path, n, seed=3, batch_rows=4)
    assert ids["ad_id"].tolist() == ads["ad_id"].tolist()
    expected = evaluate.sample_ads(ads, n, seed=3).reset_index(drop=True)
    pd.testing.assert_frame_equal(sample.reset_index(drop=True), expected)
    assert len(sample) == min(n, len(ads))
