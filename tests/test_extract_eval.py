"""Scoring extraction against truth, and the `frontline extract` command."""
import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# Scoring on integer codes: the same scores as the row-by-row definition ----------------------------

def _reference_score(found, truth, distractors=None, ads=None):
    """The definition of ``evaluate.score`` row by row (Python sets of pairs, a pandas merge for the
    overlaps): the oracle the vectorised scoring must agree with exactly."""
    def overlaps(a, b, on):
        j = a.reset_index(names="_f").merge(b.reset_index(names="_o"), on=on, suffixes=("", "_o"))
        return j[(j["start"] < j["end_o"]) & (j["start_o"] < j["end"])]

    if ads is not None:
        found, truth = found[found["ad_id"].isin(ads)], truth[truth["ad_id"].isin(ads)]
        if distractors is not None:
            distractors = distractors[distractors["ad_id"].isin(ads)]
    found = found[evaluate.OCCURRENCE_COLUMNS].reset_index(drop=True)
    targets = truth[truth["target"].astype(bool)].reset_index(drop=True)
    truth_pairs = set(zip(targets["ad_id"], targets["number_hash"]))
    found_pairs = set(zip(found["ad_id"], found["number_hash"]))
    tp, fp, fn = len(found_pairs & truth_pairs), len(found_pairs - truth_pairs), len(truth_pairs - found_pairs)
    precision, recall = evaluate._ratio(tp, tp + fp), evaluate._ratio(tp, tp + fn)
    hit = overlaps(found, targets[evaluate.OCCURRENCE_COLUMNS], ["ad_id", "number_hash", "field"])
    targets["found"] = targets.index.isin(hit["_o"])
    tags = targets.assign(tag=targets["tags"].str.split(",")).explode("tag")
    tags = tags[tags["tag"].fillna("") != ""]
    per_pattern = {t: {"n": int(len(g)), "found": int(g["found"].sum()), "recall": float(g["found"].mean())}
                   for t, g in tags.groupby("tag", sort=True)}
    fp_rows = found[np.array([p not in truth_pairs for p in zip(found["ad_id"], found["number_hash"])], dtype=bool)]
    fp_kinds, n_distractors, explained = {}, {}, set()
    if distractors is not None and len(distractors):
        n_distractors = {k: int(v) for k, v in distractors["kind"].value_counts().sort_index().items()}
        ov = overlaps(fp_rows, distractors[["ad_id", "field", "start", "end", "kind"]], ["ad_id", "field"])
        fp_kinds = {kind: int(g["_f"].nunique()) for kind, g in ov.groupby("kind", sort=True)}
        explained = set(ov["_f"])
    nontarget = truth[~truth["target"].astype(bool)]
    nt_pairs = set(zip(nontarget["ad_id"], nontarget["number_hash"]))
    rest = [i for i in fp_rows.index if i not in explained]
    fp_kinds["nontarget"] = sum(1 for i in rest if (found.at[i, "ad_id"], found.at[i, "number_hash"]) in nt_pairs)
    fp_kinds["unexplained"] = len(rest) - fp_kinds["nontarget"]
    return {
        "ads": int(len(ads)) if ads is not None else int(truth["ad_id"].nunique()),
        "true_positives": tp, "false_positives": fp, "false_negatives": fn,
        "precision": precision, "recall": recall, "f1": evaluate._f1(precision, recall),
        "occurrences": int(len(targets)), "occurrence_recall": evaluate._ratio(int(targets["found"].sum()), len(targets)),
        "patterns": per_pattern, "distractor_fp": fp_kinds, "distractors": n_distractors,
        "distractors_planted": sum(n_distractors.values()),
        "distractor_false_positives": sum(v for k, v in fp_kinds.items() if k not in ("nontarget", "unexplained")),
    }


_ADS = [f"a{i}" for i in range(5)]
_span = st.tuples(st.sampled_from(_ADS), st.sampled_from(["n0", "n1", "n2", "n3"]), st.sampled_from(["title", "body"]),
                  st.integers(0, 30), st.integers(1, 12))


@st.composite
def _scoring_case(draw):
    def frame(rows, extra=None):
        df = pd.DataFrame(rows, columns=["ad_id", "number_hash", "field", "start", "length"])
        df["end"] = df["start"] + df.pop("length")
        for name, values in (extra or {}).items():
            df[name] = values
        # typed as the Parquet files read them, empty or not
        return df.astype({c: "str" for c in ("ad_id", "number_hash", "field", "tags", "kind") if c in df}
                         | {"start": "int64", "end": "int64"})

    found = frame(draw(st.lists(_span, max_size=25)))
    truth_rows = draw(st.lists(_span, max_size=20))
    truth = frame(truth_rows, {
        "target": draw(st.lists(st.booleans(), min_size=len(truth_rows), max_size=len(truth_rows))),
        "tags": draw(st.lists(st.sampled_from(["plain", "spelled", "plain,unicode", "unicode,plain,plain", ""]),
                              min_size=len(truth_rows), max_size=len(truth_rows)))})
    d_rows = draw(st.lists(_span, max_size=15))
    distractors = frame(d_rows, {"kind": draw(st.lists(st.sampled_from(["price", "measurement", "slogan"]),
                                                       min_size=len(d_rows), max_size=len(d_rows)))}
                        ).drop(columns="number_hash")
    ads = draw(st.one_of(st.none(), st.lists(st.sampled_from(_ADS + ["z9"]), unique=True).map(pd.Index)))
    return found, truth, (distractors if draw(st.booleans()) else None), ads


def _same(a, b):
    return json.dumps(a, sort_keys=False) == json.dumps(b, sort_keys=False)  # NaN-safe, and key order counts


@settings(max_examples=100, deadline=None)
@given(_scoring_case())
def test_scores_on_integer_codes_equal_the_row_by_row_definition(case):
    found, truth, distractors, ads = case
    expected = _reference_score(found, truth, distractors, ads)
    assert _same(evaluate.score(found, truth, distractors, ads), expected)
    # categorical columns (as read_found / read_truth / read_distractors give them) score the same
    cat = {"number_hash": "category", "field": "category"}
    assert _same(evaluate.score(found.astype(cat), truth.astype(cat),
                                None if distractors is None else distractors.astype({"field": "category",
                                                                                     "kind": "category"}),
                                ads), expected)


def test_false_positives_count_once_per_distractor_kind_and_nontargets_apart():
    found = pd.DataFrame({"ad_id": ["a", "a", "b"], "number_hash": ["x", "y", "z"], "field": ["body"] * 3,
                          "start": [0, 20, 0], "end": [10, 30, 10]})
    truth = pd.DataFrame({"ad_id": ["b"], "number_hash": ["z"], "field": ["body"], "start": [40], "end": [50],
                          "target": [False], "tags": [""]})
    # the first false positive overlaps two price distractors and a slogan; the second overlaps nothing
    distractors = pd.DataFrame({"ad_id": ["a"] * 3, "field": ["body"] * 3, "start": [0, 5, 2], "end": [3, 8, 4],
                                "kind": ["price", "price", "slogan"]})
    s = evaluate.score(found, truth, distractors)
    assert s["distractor_fp"] == {"price": 1, "slogan": 1, "nontarget": 1, "unexplained": 1}
    assert s["distractors"] == {"price": 2, "slogan": 1} and s["distractor_false_positives"] == 2
    # a scope without distractors of some kind does not list that kind
    assert evaluate.score(found, truth, distractors, pd.Index(["b"]))["distractors"] == {}


def test_shared_codes_are_equal_exactly_for_equal_values_across_columns():
    a = pd.Series(["x", "y", None, "x"])
    b = pd.Series(["y", "w", None], dtype="category")
    c = pd.Index(["w", "x"])
    ca, cb, cc = evaluate._codes(a, b, c)
    values = list(a) + list(b) + list(c)
    codes = list(ca) + list(cb) + list(cc)
    for v, k in zip(values, codes):
        assert all((k == k2) == (v == v2 or (v is None and v2 is None) or (pd.isna(v) and pd.isna(v2)))
                   for v2, k2 in zip(values, codes))


def test_overlapping_pairs_need_equal_keys_and_overlapping_spans():
    i, j = evaluate._overlapping(np.array([1, 1, 2]), np.array([0, 10, 0]), np.array([5, 12, 5]),
                                 np.array([1, 2, 1, 3]), np.array([4, 5, 12, 0]), np.array([6, 9, 20, 5]))
    # left 0 [0,5) meets right 0 [4,6) (key 1); left 1 [10,12) touches right 2 [12,20) only at its end;
    # left 2 [0,5) and right 1 [5,9) share key 2 but not a character; right 3 has no partner key
    assert sorted(zip(i.tolist(), j.tolist())) == [(0, 0)]
    assert evaluate._member(np.array([3, 5, 9]), np.array([1, 5, 8])).tolist() == [False, True, False]
    assert evaluate._member(np.array([3]), np.array([], dtype=np.int64)).tolist() == [False]


def test_scoring_tables_are_read_with_their_text_columns_as_categoricals(tmp_path):
    _, truth, distractors = _truth_fixture()
    truth.to_parquet(tmp_path / "truth.parquet", index=False)
    distractors.to_parquet(tmp_path / "distractors.parquet", index=False)
    found = _hashed(pd.DataFrame({"ad_id": ["a1"], "number": ["+12135550147"], "field": ["body"],
                                  "start": [5], "end": [17], "site": ["s"]}))
    found.to_parquet(tmp_path / "found.parquet", index=False)
    t = evaluate.read_truth(tmp_path / "truth.parquet")
    assert set(t.columns) == set(evaluate.TRUTH_COLUMNS) and isinstance(t["number"].dtype, pd.CategoricalDtype)
    f = evaluate.read_found(tmp_path / "found.parquet")
    assert list(f.columns) == evaluate.OCCURRENCE_COLUMNS and isinstance(f["number_hash"].dtype, pd.CategoricalDtype)
    d = evaluate.read_distractors(tmp_path / "distractors.parquet")
    assert d["kind"].astype(str).tolist() == ["measurement", "slogan", "price"]
    # a truth file without the optional columns is read with those it has
    truth.drop(columns=["tags", "target"]).to_parquet(tmp_path / "bare.parquet", index=False)
    assert "tags" not in evaluate.read_truth(tmp_path / "bare.parquet").columns
    s = evaluate.score(f, evaluate.hash_truth(t, KEY), d)
    assert _same(s, evaluate.score(found, evaluate.hash_truth(truth, KEY), distractors))
    assert s["true_positives"] == 1 and s["patterns"]["plain"]["found"] == 1
