"""Market-share comparison: observed brand shares of unique numbers against baselines.

Foundation: for each brand, the share of unique attributed numbers with Wilson and Clopper-Pearson
intervals (statsmodels); for each brand with a baseline share, an exact one-sample binomial test
(scipy) and the over-representation ratio observed / baseline.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from .carriers import UNATTRIBUTED


def brand_shares(attributed: pd.DataFrame, confidence: float = 0.95) -> pd.DataFrame:
    """Share of unique attributed numbers per brand, with Wilson and Clopper-Pearson intervals."""
    pool = attributed[attributed["brand"] != UNATTRIBUTED]
    n = len(pool)
    counts = pool["brand"].value_counts().sort_index()
    alpha = 1 - confidence
    rows = []
    for brand, k in counts.items():
        wl, wh = proportion_confint(k, n, alpha=alpha, method="wilson")
        cl, ch = proportion_confint(k, n, alpha=alpha, method="beta")
        rows.append({"brand": brand, "numbers": int(k), "total": n, "share": k / n,
                     "wilson_low": wl, "wilson_high": wh, "cp_low": cl, "cp_high": ch})
    return pd.DataFrame(rows)


def baseline_shares(table: pd.DataFrame) -> pd.DataFrame:
    """Turn the baselines table into (baseline, brand, share): explicit shares are kept, subscriber
    counts become shares of the listed carriers' total."""
    rows = []
    for name, grp in table.groupby("baseline", sort=True):
        if grp["share"].notna().all():
            for r in grp.itertuples():
                rows.append((name, r.brand, float(r.share)))
        else:
            subs = grp["subscribers_millions"].astype(float)
            if subs.isna().any():
                raise ValueError(f"baseline {name!r}: every row needs a share or a subscriber count")
            for brand, s in zip(grp["brand"], subs):
                rows.append((name, brand, float(s / subs.sum())))
    return pd.DataFrame(rows, columns=["baseline", "brand", "share"])


def binomial_tests(shares: pd.DataFrame, baselines: pd.DataFrame, confidence: float = 0.95) -> pd.DataFrame:
    """Exact two-sided binomial test of each observed brand share against each baseline share."""
    rows = []
    by_brand = shares.set_index("brand")
    for r in baselines.itertuples():
        if r.brand in by_brand.index:
            k, n = int(by_brand.at[r.brand, "numbers"]), int(by_brand.at[r.brand, "total"])
        else:
            k, n = 0, int(shares["total"].iloc[0]) if len(shares) else 0
        if n == 0:
            continue
        test = stats.binomtest(k, n, r.share, alternative="two-sided")
        ci = test.proportion_ci(confidence_level=confidence, method="exact")
        rows.append({"baseline": r.baseline, "brand": r.brand, "unit": "numbers", "numbers": k, "total": n,
                     "observed": k / n, "baseline_share": r.share, "ratio": (k / n) / r.share,
                     "ratio_low": ci.low / r.share, "ratio_high": ci.high / r.share,
                     "p_value": test.pvalue})
    return pd.DataFrame(rows)


def headline(shares: pd.DataFrame, tests: pd.DataFrame, focus: str) -> dict:
    """The numbers the paper quotes about the focus brand."""
    row = shares.set_index("brand").loc[focus] if focus in set(shares["brand"]) else None
    out = {"focus_brand": focus, "unique_numbers": int(shares["total"].iloc[0]) if len(shares) else 0}
    if row is not None:
        out.update({"numbers": int(row["numbers"]), "share": float(row["share"]),
                    "wilson_low": float(row["wilson_low"]), "wilson_high": float(row["wilson_high"])})
    focus_tests = tests[tests["brand"] == focus]
    out["against"] = {t.baseline: {"baseline_share": float(t.baseline_share), "ratio": float(t.ratio),
                                   "ratio_low": float(t.ratio_low), "ratio_high": float(t.ratio_high),
                                   "p_value": float(t.p_value)}
                      for t in focus_tests.itertuples()}
    return out


def round_floats(obj, digits: int = 10):
    """Round floats in a nested structure so JSON output is stable across platforms."""
    if isinstance(obj, float):
        return float(np.round(obj, digits))
    if isinstance(obj, dict):
        return {k: round_floats(v, digits) for k, v in obj.items()}
    if isinstance(obj, list):
        return [round_floats(v, digits) for v in obj]
    return obj


def region_numbers(region: str, label: str, shares: pd.DataFrame, tests: pd.DataFrame, focus: str,
                   coverage: pd.DataFrame, planted: dict | None, confidence: float) -> dict:
    """Everything the paper quotes about one region, in one JSON-ready dict."""
    focus_numbers = headline(shares, tests, focus)
    out = {
        "region": region,
        "label": label,
        "confidence": confidence,
        "focus": focus_numbers,
        "brands": {r.brand: {"numbers": int(r.numbers), "share": float(r.share), "wilson_low": float(r.wilson_low),
                             "wilson_high": float(r.wilson_high)} for r in shares.itertuples()},
        "coverage": {r.measure: {"numbers": int(r.numbers), "share": float(r.share)} for r in coverage.itertuples()},
    }
    if planted is not None and "share" in focus_numbers:
        truth = planted["brand_shares"].get(focus, 0.0)
        out["recovery"] = {
            "planted_share": truth,
            "recovered_share": focus_numbers["share"],
            "within_interval": bool(focus_numbers["wilson_low"] <= truth <= focus_numbers["wilson_high"]),
        }
    return round_floats(out)
