import math

import pandas as pd
import pytest
from scipy import stats

from frontline import compare


def _attributed(counts):
    rows = [b for b, k in counts.items() for _ in range(k)]
    return pd.DataFrame({"number_hash": [str(i) for i in range(len(rows))], "brand": rows})


def test_wilson_interval_matches_textbook():
    # Wilson (1927) interval for 19 of 100 at 95%: Newcombe (1998) gives 0.1254 to 0.2776.
    shares = compare.brand_shares(_attributed({"MetroPCS": 19, "Other": 81})).set_index("brand")
    assert shares.loc["MetroPCS", "share"] == pytest.approx(0.19)
    assert shares.loc["MetroPCS", "wilson_low"] == pytest.approx(0.1254, abs=5e-4)
    assert shares.loc["MetroPCS", "wilson_high"] == pytest.approx(0.2776, abs=5e-4)
    assert shares.loc["MetroPCS", "cp_low"] < shares.loc["MetroPCS", "wilson_low"]


def test_unattributed_numbers_are_not_in_the_denominator():
    shares = compare.brand_shares(_attributed({"MetroPCS": 1, "Other": 3, "Unattributed": 6}))
    assert shares["total"].unique().tolist() == [4]


def test_subscriber_counts_become_shares():
    table = pd.DataFrame({"baseline": ["b", "b"], "brand": ["A", "B"], "share": [None, None],
                          "subscribers_millions": [1.0, 3.0]})
    out = compare.baseline_shares(table).set_index("brand")
    assert out.loc["A", "share"] == pytest.approx(0.25)


def test_binomial_test_against_scipy_reference():
    shares = compare.brand_shares(_attributed({"MetroPCS": 19, "Other": 81}))
    base = pd.DataFrame({"baseline": ["published"], "brand": ["MetroPCS"], "share": [0.034]})
    t = compare.binomial_tests(shares, base).iloc[0]
    assert t["p_value"] == pytest.approx(stats.binomtest(19, 100, 0.034).pvalue)
    assert t["ratio"] == pytest.approx(0.19 / 0.034)
    assert t["ratio_low"] < t["ratio"] < t["ratio_high"]


def test_shipped_baselines_give_metropcs_near_2_8_percent():
    from pathlib import Path
    table = pd.read_csv(Path(__file__).resolve().parents[1] / "data/reference/baselines.csv")
    b = compare.baseline_shares(table).set_index(["baseline", "brand"])["share"]
    assert b[("published", "MetroPCS")] == pytest.approx(0.034)
    assert b[("national_subscribers", "MetroPCS")] == pytest.approx(9.292 / 337.656)
    assert table["source"].notna().all()


def test_round_floats_is_stable():
    assert compare.round_floats({"a": [1 / 3]}) == {"a": [round(1 / 3, 10)]}
    assert math.isclose(compare.round_floats(0.1 + 0.2), 0.3)


# --- the family of tests, goodness of fit and the claims table -------------------------------------

def _units(counts, n_ads_each=1):
    att = _attributed(counts)
    ads = pd.DataFrame({"ad_id": [f"a{i}-{j}" for i in range(len(att)) for j in range(n_ads_each)],
                        "number_hash": [h for h in att["number_hash"] for _ in range(n_ads_each)]})
    return att, ads


def test_family_tests_holm_and_bh_follow_the_textbook_step_down():
    att, ads = _units({"MetroPCS": 19, "T-Mobile": 30, "AT&T": 51})
    table, rows = compare.unit_shares(att, ads, 0.95, replicates=50, seed=1)
    base = pd.DataFrame({"baseline": ["b"] * 3, "brand": ["MetroPCS", "T-Mobile", "AT&T"],
                         "share": [0.034, 0.25, 0.6]})
    tests = compare.family_tests(table, rows, base, {"MetroPCS", "T-Mobile", "AT&T"}, 0.95, 0.05)
    num = tests[tests["unit"] == "numbers"].set_index("brand")
    ref = {b: stats.binomtest(k, 100, p).pvalue for b, k, p in (("MetroPCS", 19, 0.034), ("T-Mobile", 30, 0.25),
                                                                 ("AT&T", 51, 0.6))}
    assert num["p_value"].to_dict() == pytest.approx(ref)
    # Holm (1979): sort p ascending, multiply the i-th smallest by (m - i + 1), take running maxima.
    order = sorted(ref, key=ref.get)
    running, holm = 0.0, {}
    for i, b in enumerate(order):
        running = max(running, min(1.0, (3 - i) * ref[b]))
        holm[b] = running
    assert num["p_holm"].to_dict() == pytest.approx(holm)
    assert (num["p_bh"] <= num["p_holm"] + 1e-15).all()
    assert set(tests["unit"]) == {"numbers", "ads", "posters"}


def test_cluster_tests_against_several_baselines_are_the_tests_one_by_one():
    """One fit per unit and brand serves every baseline that lists the brand: the statistics are those of
    a separate cluster-robust test per row."""
    from frontline import units

    att, ads = _units({"MetroPCS": 19, "T-Mobile": 30, "AT&T": 51}, n_ads_each=3)
    ads = pd.concat([ads, pd.DataFrame({"ad_id": ["x1", "x1", "x2", "x2"], "number_hash": ["0", "40", "40", "90"]})],
                    ignore_index=True)
    table, rows = compare.unit_shares(att, ads, 0.95, replicates=50, seed=1)
    base = pd.DataFrame({"baseline": ["b1", "b1", "b2", "b2", "b3"],
                         "brand": ["MetroPCS", "AT&T", "MetroPCS", "AT&T", "MetroPCS"],
                         "share": [0.034, 0.6, 0.05, 0.4, 0.034]})
    tests = compare.family_tests(table, rows, base, {"MetroPCS", "T-Mobile", "AT&T"}, 0.95, 0.05)
    wald = tests[tests["test"] == "cluster-robust Wald"]
    assert len(wald) == 10  # ads and posters x five baseline rows
    for r in wald.itertuples():
        assert (r.statistic, r.p_value) == units.cluster_wald_test(rows[r.unit], r.brand, r.baseline_share)


def test_brand_the_numbering_cannot_identify_is_left_out_of_the_family():
    att, ads = _units({"MetroPCS": 19, "Other wireless": 81})
    table, rows = compare.unit_shares(att, ads, 0.95, replicates=50, seed=1)
    base = pd.DataFrame({"baseline": ["b", "b"], "brand": ["MetroPCS", "Cricket"], "share": [0.03, 0.02]})
    tests = compare.family_tests(table, rows, base, {"MetroPCS", "Other wireless"}, 0.95, 0.05)
    cricket = tests[tests["brand"] == "Cricket"]
    assert not cricket["identifiable"].any() and cricket["p_value"].isna().all()
    assert not cricket["in_family"].any()


def test_ratio_interval_is_the_exact_interval_over_the_baseline():
    att, ads = _units({"MetroPCS": 19, "Other": 81})
    table, rows = compare.unit_shares(att, ads, 0.95, replicates=50, seed=1)
    base = pd.DataFrame({"baseline": ["published"], "brand": ["MetroPCS"], "share": [0.034]})
    t = compare.family_tests(table, rows, base, {"MetroPCS", "Other"}, 0.95, 0.05)
    t = t[t["unit"] == "numbers"].iloc[0]
    ci = stats.binomtest(19, 100, 0.034).proportion_ci(0.95, method="exact")
    assert t["ratio_low"] == pytest.approx(ci.low / 0.034)
    assert t["ratio_high"] == pytest.approx(ci.high / 0.034)


def test_goodness_of_fit_reproduces_mendels_peas():
    # Mendel's dihybrid cross, 315:108:101:32 against 9:3:3:1 - chi-square 0.470 on 3 df, p = 0.925.
    counts = pd.Series({"A": 315, "B": 108, "C": 101, "D": 32})
    base = pd.DataFrame({"brand": list("ABCD"), "share": [9 / 16, 3 / 16, 3 / 16, 1 / 16]})
    res = compare.goodness_of_fit(counts, base, set("ABCD"))
    assert res["chi2"] == pytest.approx(0.470, abs=1e-3)
    assert res["df"] == 3
    assert res["p_value"] == pytest.approx(0.925, abs=1e-3)
    assert res["conditional"] is True and res["pooled"] == []


def test_goodness_of_fit_pools_sparse_cells_into_the_rest():
    counts = pd.Series({"A": 60, "B": 5, "Z": 35})  # Z is not in the baseline: it goes to the rest cell
    base = pd.DataFrame({"brand": ["A", "B"], "share": [0.5, 0.02]})  # B expects 2 < 5
    res = compare.goodness_of_fit(counts, base, {"A", "B", "Z"}, min_expected=5)
    assert res["pooled"] == ["B"] and res["cells"] == 2 and res["df"] == 1
    ref = stats.chisquare([60, 40], [50, 50])
    assert res["chi2"] == pytest.approx(ref.statistic)
    assert res["p_value"] == pytest.approx(ref.pvalue)


def _claims():
    return pd.DataFrame({"claim_id": ["s", "b", "r"], "claim": ["share", "baseline", "five times"],
                         "quantity": ["share", "baseline_share", "ratio_min"], "brand": ["MetroPCS"] * 3,
                         "value": [0.19, 0.034, 5.0], "source": ["x"] * 3, "quote": [""] * 3})


@pytest.mark.parametrize("baseline, verdict", [(0.034, "not established"), (0.0275, "supported"),
                                               (0.087, "contradicted")])
def test_claims_verdicts_on_a_known_case(baseline, verdict):
    # 190 of 1000: Clopper-Pearson 95% interval 0.166 to 0.216.
    shares = compare.brand_shares(_attributed({"MetroPCS": 190, "Other": 810}))
    base = pd.DataFrame({"baseline": ["x"], "brand": ["MetroPCS"], "share": [baseline], "kind": ["subscribers"],
                         "source": ["s"]})
    table = compare.claims_table(_claims(), shares, base, 0.95).set_index("quantity")
    assert table.at["ratio_min", "verdict"].startswith(verdict)
    assert table.at["ratio_min", "p_value"] == pytest.approx(
        stats.binomtest(190, 1000, 5 * baseline, alternative="greater").pvalue)
    assert table.at["share", "verdict"].startswith("consistent")
    assert table.at["baseline_share", "verdict"].startswith("as published" if baseline == 0.034 else "differs")


def test_claims_file_is_checked_with_row_and_field(tmp_path):
    bad = _claims()
    bad.loc[1, "quantity"] = "percent"
    bad.to_csv(tmp_path / "c.csv", index=False)
    with pytest.raises(ValueError, match=r"row 3, field 'quantity'"):
        compare.read_claims(tmp_path / "c.csv")


def test_shipped_claims_have_sources_and_the_published_values():
    from pathlib import Path
    claims = compare.read_claims(Path(__file__).resolve().parents[1] / "data/reference/claims.csv")
    by = claims.set_index("quantity")["value"]
    assert by["share"] == pytest.approx(0.19) and by["baseline_share"] == pytest.approx(0.034)
    assert by["ratio_min"] == pytest.approx(5)
    assert claims["source"].str.len().gt(10).all()


def test_region_numbers_keeps_the_paper_keys_and_adds_units():
    att, ads = _units({"MetroPCS": 19, "Other": 81}, n_ads_each=2)
    shares = compare.brand_shares(att)
    table, rows = compare.unit_shares(att, ads, 0.95, replicates=50, seed=1)
    base = pd.DataFrame({"baseline": ["published"], "brand": ["MetroPCS"], "share": [0.034], "kind": ["published"],
                         "source": ["s"]})
    tests = compare.family_tests(table, rows, base, {"MetroPCS", "Other"}, 0.95, 0.05)
    cov = pd.DataFrame({"measure": ["method:block"], "numbers": [100], "share": [1.0]})
    out = compare.region_numbers("r", "R", shares, tests, "MetroPCS", cov, None, 0.95, unit_table=table,
                                 claims=compare.claims_table(_claims(), shares, base, 0.95), baselines=base)
    assert {"region", "label", "confidence", "focus", "brands", "coverage"} <= set(out)
    assert out["focus"]["against"]["published"]["ratio"] == pytest.approx(0.19 / 0.034)
    assert set(out["units"]) == {"numbers", "ads", "posters"}
    assert out["units"]["ads"]["total"] == pytest.approx(200)
    assert out["published_ratio"] == pytest.approx(0.19 / 0.034)


def test_wireless_unit_drops_landline_and_voip_from_the_denominator():
    att, ads = _units({"MetroPCS": 20, "T-Mobile": 60, "Landline": 10, "CLEC/VoIP": 10})
    table, _ = compare.unit_shares(att, ads, 0.95, replicates=50, seed=1, wireless={"MetroPCS", "T-Mobile"})
    w = table[table["unit"] == "wireless_numbers"].set_index("brand")
    assert w.at["MetroPCS", "share"] == pytest.approx(0.25) and w.at["MetroPCS", "total"] == 80
    ci = stats.binomtest(20, 80).proportion_ci(0.95, method="exact")
    assert (w.at["MetroPCS", "low"], w.at["MetroPCS", "high"]) == pytest.approx((ci.low, ci.high))


def test_wireless_groups_come_from_the_carriers_table():
    from pathlib import Path
    from frontline import carriers
    table = carriers.load_carriers(Path(__file__).resolve().parents[1] / "data/reference/carriers.csv")
    groups = compare.wireless_groups(table)
    assert {"MetroPCS", "Verizon", "Other wireless"} <= groups
    assert "Landline" not in groups and "CLEC/VoIP" not in groups
