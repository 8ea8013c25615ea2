"""Calibration study: coverage, bias and the tests' size."""
import pandas as pd
import pytest

from frontline import calibration

SHARES = {"MetroPCS": 0.19, "T-Mobile": 0.3, "AT&T": 0.51}


def test_draws_are_seeded_and_sum_to_n():
    b1, c1 = calibration.draws(SHARES, 200, 20, seed=1)
    b2, c2 = calibration.draws(SHARES, 200, 20, seed=1)
    assert b1 == b2 and (c1 == c2).all()
    assert (c1.sum(axis=1) == 200).all()


def test_coverage_is_near_nominal_and_estimates_unbiased():
    cov = calibration.coverage(SHARES, 400, 400, seed=2, confidence=0.95)
    for r in cov.itertuples():
        assert abs(r.coverage - 0.95) < 4 * max(r.coverage_mcse, 0.011)
        assert abs(r.bias) < 0.01
    cp = cov[cov["method"] == "clopper-pearson"]["mean_width"].to_numpy()
    wilson = cov[cov["method"] == "wilson"]["mean_width"].to_numpy()
    assert (cp >= wilson).all()  # the exact interval is the wider one


def test_binomial_test_holds_its_size_and_has_power():
    rej = calibration.rejection_rates(SHARES, "MetroPCS", {"published": 0.034}, 150, 300, seed=3, alpha=0.05)
    rej = rej.set_index("scenario")["rejection_rate"]
    assert rej["null"] <= 0.05 + 3 * (0.05 * 0.95 / 300) ** 0.5
    assert rej["planted"] > 0.99


def test_summary_names_methods_and_tests():
    cov = calibration.coverage(SHARES, 100, 30, seed=4, confidence=0.95)
    rej = calibration.rejection_rates(SHARES, "MetroPCS", {"p": 0.034}, 100, 30, seed=4, alpha=0.05)
    s = calibration.summary(cov, rej, "MetroPCS")
    assert set(s["methods"]) == {"wilson", "clopper-pearson"}
    assert set(s["tests"]["p"]) == {"null", "planted"}
    assert isinstance(pd.DataFrame(cov), pd.DataFrame)
