"""Sensitivity to number porting.

Block attribution gives the carrier a number's block was assigned to, not the carrier serving it after
porting. Let s be the block-attributed share of the focus brand, ``out`` the share of the brand's
numbers ported away to other carriers, ``in_`` the share of other carriers' numbers ported to the
brand. The share of numbers the brand actually serves is

    t = s * (1 - out) + (1 - s) * in_,

increasing in s whenever out + in_ < 1, so an interval for s maps to an interval for t. Over a grid of
stated rates this bounds the true share and shows where each conclusion flips (over-representation:
lower bound > baseline; "more than m times": lower ratio bound > m).
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def served_share(s, out: float, in_: float):
    """Share served by the brand given the block-attributed share and the porting rates."""
    if not (0 <= out <= 1 and 0 <= in_ <= 1) or out + in_ >= 1:
        raise ValueError(f"porting rates out={out}, in={in_} must lie in [0, 1] with out + in < 1")
    return np.asarray(s) * (1 - out) + (1 - np.asarray(s)) * in_


def porting_grid(share: float, low: float, high: float, baselines: dict[str, float], rates: list[float],
                 multiple: float) -> pd.DataFrame:
    """porting.csv: the served share and its interval, ratio to each baseline and both verdicts, for
    every (porting_in, porting_out) in the grid."""
    rows = []
    for in_ in rates:
        for out in rates:
            if out + in_ >= 1:
                continue
            t, tl, th = (float(served_share(x, out, in_)) for x in (share, low, high))
            for name, p0 in sorted(baselines.items()):
                rows.append({"porting_in": in_, "porting_out": out, "baseline": name, "baseline_share": p0,
                             "block_share": share, "served_share": t, "served_low": tl, "served_high": th,
                             "ratio": t / p0, "ratio_low": tl / p0, "ratio_high": th / p0,
                             "over_represented": tl > p0, "exceeds_multiple": tl / p0 > multiple})
    return pd.DataFrame(rows)


def break_even_out(low: float, p0: float, multiple: float, in_: float = 0.0) -> float:
    """Porting-out rate at which the interval's lower bound of the served share falls to multiple * p0
    (for the given porting-in rate); 0 when it is already below, 1 when no rate makes it so."""
    target = multiple * p0
    # t_low(out) = low - out*low + (1-low)*in_ = target  ->  out = (low + (1-low)*in_ - target) / low
    if low <= 0:
        return 0.0
    out = (low + (1 - low) * in_ - target) / low
    return float(min(1.0, max(0.0, out)))


def flips(table: pd.DataFrame) -> pd.DataFrame:
    """Per baseline and porting-in rate: the smallest porting-out rate in the grid at which each
    conclusion no longer holds (NaN when it holds over the whole grid)."""
    rows = []
    for (name, in_), g in table.groupby(["baseline", "porting_in"], sort=True):
        g = g.sort_values("porting_out")
        row = {"baseline": name, "porting_in": in_}
        for col in ("over_represented", "exceeds_multiple"):
            lost = g.loc[~g[col], "porting_out"]
            row[f"{col}_lost_at_out"] = float(lost.iloc[0]) if len(lost) else np.nan
        rows.append(row)
    return pd.DataFrame(rows)
