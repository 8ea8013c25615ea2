"""Power and sample size: how many unique numbers does it take to tell the claimed share from a baseline?

The report never gave its number of unique numbers. For each baseline share p0 and the claimed share
p1 (19%), two hypotheses:

- ``differs``: two-sided test of H0: p = p0 (is the brand over-represented at all?);
- ``exceeds_multiple``: one-sided test of H0: p <= m * p0 (is it "more than m times" the baseline?).

Power of the exact binomial test uses statsmodels' rejection region
(``binom_test_reject_interval``, equal tails); the normal approximation uses Cohen's h
(``proportion_effectsize``) with ``NormalIndPower`` (ratio = 0: one sample). Exact power is a saw-tooth
in N, so the smallest N reached is reported as the first N with power >= target.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import binom_test_reject_interval, proportion_effectsize

HYPOTHESES = {"differs": "two-sided", "exceeds_multiple": "larger"}


def exact_power(p1: float, p0: float, n: int, alpha: float, alternative: str = "two-sided") -> float:
    """Power of the exact binomial test of H0: p = p0 (or p <= p0 with 'larger') when the truth is p1."""
    x_low, x_upp = binom_test_reject_interval(p0, int(n), alpha=alpha, alternative=alternative)
    power = stats.binom.sf(x_upp - 1, int(n), p1)
    if alternative == "two-sided":
        power += stats.binom.cdf(x_low, int(n), p1)
    return float(power)


def normal_power(p1: float, p0: float, n, alpha: float, alternative: str = "two-sided"):
    h = proportion_effectsize(p1, p0)
    return NormalIndPower().power(h, nobs1=n, alpha=alpha, ratio=0, alternative=alternative)


def normal_n(p1: float, p0: float, alpha: float, power: float, alternative: str = "two-sided") -> float:
    h = proportion_effectsize(p1, p0)
    return float(NormalIndPower().solve_power(h, nobs1=None, alpha=alpha, power=power, ratio=0,
                                              alternative=alternative))


def exact_n(p1: float, p0: float, alpha: float, power: float, alternative: str = "two-sided",
            n_max: int = 20000) -> int | None:
    """First N (1..n_max) at which the exact test reaches ``power``; None if it never does."""
    for n in range(1, n_max + 1):
        if exact_power(p1, p0, n, alpha, alternative) >= power:
            return n
    return None


def null_value(hypothesis: str, p0: float, multiple: float) -> float:
    return min(1.0, p0 * multiple) if hypothesis == "exceeds_multiple" else p0


def power_curve(p1: float, baselines: dict[str, float], n_grid, alpha: float, multiple: float) -> pd.DataFrame:
    """power.csv: power at each N of the grid, per baseline and hypothesis (exact and normal)."""
    rows = []
    for name, p0 in sorted(baselines.items()):
        for hyp, alt in HYPOTHESES.items():
            null = null_value(hyp, p0, multiple)
            for n in n_grid:
                rows.append({"baseline": name, "hypothesis": hyp, "null_share": null, "true_share": p1,
                             "n": int(n), "power_exact": exact_power(p1, null, n, alpha, alt),
                             "power_normal": float(normal_power(p1, null, n, alpha, alt))})
    return pd.DataFrame(rows)


def sample_sizes(p1: float, baselines: dict[str, float], alpha: float, power: float, multiple: float,
                 n_max: int, observed_n: int | None = None) -> dict:
    """Smallest N per baseline and hypothesis (exact and normal), and the power at the observed N."""
    out = {}
    for name, p0 in sorted(baselines.items()):
        out[name] = {}
        for hyp, alt in HYPOTHESES.items():
            null = null_value(hyp, p0, multiple)
            entry = {"null_share": null, "n_exact": None, "n_normal": None}
            if p1 > null or (alt == "two-sided" and p1 != null):
                entry["n_exact"] = exact_n(p1, null, alpha, power, alt, n_max)
                entry["n_normal"] = int(np.ceil(normal_n(p1, null, alpha, power, alt)))
            if observed_n:
                entry["power_at_observed"] = exact_power(p1, null, observed_n, alpha, alt)
            out[name][hyp] = entry
    return out


def n_grid(n_max: int, points: int, observed_n: int | None = None) -> list[int]:
    """A log-spaced grid of N from 10 to n_max (plus the observed N)."""
    grid = set(np.unique(np.round(np.geomspace(10, n_max, points)).astype(int)).tolist())
    if observed_n:
        grid.add(int(observed_n))
    return sorted(grid)
