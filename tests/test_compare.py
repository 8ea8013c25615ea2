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
