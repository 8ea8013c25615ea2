"""Calibration: do the intervals cover the truth as often as they claim, and are the estimates unbiased?

At the level of unique numbers: brands are drawn from a multinomial with planted shares at the
observed number of unique numbers, many times (one seeded generator per replicate). For each brand and
interval method (Wilson, Clopper-Pearson; statsmodels ``proportion_confint``) we report coverage (with
its Monte-Carlo standard error), bias, RMSE and mean width; for the focus brand, the rejection rate of
the exact binomial test against each baseline (power at the observed N) and, with the focus brand
planted at the baseline share, the test's size.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

METHODS = {"wilson": "wilson", "clopper-pearson": "beta"}


def draws(shares: dict[str, float], n: int, replicates: int, seed: int) -> tuple[list[str], np.ndarray]:
    """replicates x brands matrix of multinomial counts, one generator per replicate ([seed, r])."""
    brands = sorted(shares)
    p = np.array([shares[b] for b in brands], dtype=float)
    p = p / p.sum()
    counts = np.vstack([np.random.default_rng([seed, r]).multinomial(n, p) for r in range(replicates)])
    return brands, counts


def coverage(shares: dict[str, float], n: int, replicates: int, seed: int, confidence: float) -> pd.DataFrame:
    """Coverage and bias of the share estimates per brand and interval method."""
    brands, counts = draws(shares, n, replicates, seed)
    total = sum(shares.values())
    rows = []
    for j, brand in enumerate(brands):
        truth = shares[brand] / total
        est = counts[:, j] / n
        for label, method in METHODS.items():
            lo, hi = proportion_confint(counts[:, j], n, alpha=1 - confidence, method=method)
            cov = np.mean((lo <= truth) & (truth <= hi))
            rows.append({"brand": brand, "method": label, "planted": truth, "n": n, "replicates": replicates,
                         "coverage": float(cov), "coverage_mcse": float(np.sqrt(cov * (1 - cov) / replicates)),
                         "mean_estimate": float(est.mean()), "bias": float(est.mean() - truth),
                         "rmse": float(np.sqrt(np.mean((est - truth) ** 2))), "mean_width": float(np.mean(hi - lo))})
    return pd.DataFrame(rows)


def _with_focus_at(shares: dict[str, float], focus: str, value: float) -> dict[str, float]:
    total = sum(v for b, v in shares.items() if b != focus)
    out = {b: (v / total) * (1 - value) for b, v in shares.items() if b != focus}
    out[focus] = value
    return out


def rejection_rates(shares: dict[str, float], focus: str, baselines: dict[str, float], n: int, replicates: int,
                    seed: int, alpha: float) -> pd.DataFrame:
    """Rejection rate of the exact binomial test of the focus brand against each baseline, with the
    planted shares (power) and with the focus planted at the baseline share (size)."""
    rows = []
    for name, p0 in sorted(baselines.items()):
        for scenario, planted in (("planted", shares), ("null", _with_focus_at(shares, focus, p0))):
            brands, counts = draws(planted, n, replicates, seed)
            k = counts[:, brands.index(focus)]
            p = np.array([stats.binomtest(int(x), n, p0).pvalue for x in k])
            rate = float(np.mean(p < alpha))
            rows.append({"baseline": name, "scenario": scenario, "planted": planted[focus] / sum(planted.values()),
                         "baseline_share": p0, "n": n, "replicates": replicates, "rejection_rate": rate,
                         "rejection_mcse": float(np.sqrt(rate * (1 - rate) / replicates))})
    return pd.DataFrame(rows)


def summary(cov: pd.DataFrame, rej: pd.DataFrame, focus: str) -> dict:
    """calibration.json: the figures the paper quotes."""
    out = {"replicates": int(cov["replicates"].iloc[0]), "n": int(cov["n"].iloc[0]), "methods": {}}
    for method, g in cov.groupby("method"):
        f = g[g["brand"] == focus]
        out["methods"][method] = {
            "coverage_min": float(g["coverage"].min()), "coverage_max": float(g["coverage"].max()),
            "coverage_mean": float(g["coverage"].mean()), "max_abs_bias": float(g["bias"].abs().max()),
            "focus_coverage": float(f["coverage"].iloc[0]) if len(f) else None,
            "focus_bias": float(f["bias"].iloc[0]) if len(f) else None,
        }
    out["tests"] = {name: {r.scenario: {"rejection_rate": float(r.rejection_rate), "planted": float(r.planted)}
                           for r in g.itertuples()} for name, g in rej.groupby("baseline")}
    return out
