"""Power and sample size against textbook formulas and brute-force binomial sums."""
import numpy as np
import pytest
from scipy import stats

from frontline import power


def test_normal_sample_size_is_cohens_formula():
    # One-sample test with Cohen's h: n = ((z_{1-a/2} + z_{power}) / h)^2.
    h = 2 * np.arcsin(np.sqrt(0.19)) - 2 * np.arcsin(np.sqrt(0.034))
    n = ((stats.norm.ppf(0.975) + stats.norm.ppf(0.8)) / h) ** 2
    assert power.normal_n(0.19, 0.034, 0.05, 0.8) == pytest.approx(n, rel=1e-4)


def _brute_force_power(p1, p0, n, alpha):
    x = np.arange(n + 1)
    reject = (stats.binom.cdf(x, n, p0) <= alpha / 2) | (stats.binom.sf(x - 1, n, p0) <= alpha / 2)
    return stats.binom.pmf(x[reject], n, p1).sum()


@pytest.mark.parametrize("n", [20, 50, 137])
def test_exact_power_sums_the_equal_tailed_rejection_region(n):
    assert power.exact_power(0.19, 0.034, n, 0.05) == pytest.approx(_brute_force_power(0.19, 0.034, n, 0.05))


def test_exact_power_under_the_null_is_at_most_alpha():
    for n in (30, 100, 400):
        assert power.exact_power(0.034, 0.034, n, 0.05) <= 0.05


def test_exact_n_is_the_first_n_reaching_the_target():
    n = power.exact_n(0.19, 0.034, 0.05, 0.8)
    assert power.exact_power(0.19, 0.034, n, 0.05) >= 0.8
    assert all(power.exact_power(0.19, 0.034, m, 0.05) < 0.8 for m in range(1, n))


def test_more_than_five_times_needs_far_more_numbers():
    sizes = power.sample_sizes(0.19, {"published": 0.034}, 0.05, 0.8, 5.0, n_max=5000, observed_n=100)
    differs, five = sizes["published"]["differs"], sizes["published"]["exceeds_multiple"]
    assert five["null_share"] == pytest.approx(0.17)
    assert five["n_exact"] > 20 * differs["n_exact"]
    assert 0 <= five["power_at_observed"] < 0.5


def test_unreachable_multiple_gives_no_sample_size():
    sizes = power.sample_sizes(0.19, {"regional": 0.09}, 0.05, 0.8, 5.0, n_max=500)
    assert sizes["regional"]["exceeds_multiple"]["n_exact"] is None


def test_grid_is_log_spaced_and_holds_the_observed_n():
    grid = power.n_grid(1000, 10, observed_n=333)
    assert grid[0] == 10 and grid[-1] == 1000 and 333 in grid
    assert grid == sorted(set(grid))
