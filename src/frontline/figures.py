"""Figures: one shared style, PNG and SVG, reproducible bytes (no dates in metadata)."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from .io import atomic_path  # noqa: E402

#: Okabe-Ito colour-blind-safe palette.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

STYLE = {
    "font.size": 9, "axes.titlesize": 10, "axes.labelsize": 9, "xtick.labelsize": 8, "ytick.labelsize": 8,
    "legend.fontsize": 8, "axes.spines.top": False, "axes.spines.right": False, "figure.dpi": 100,
    "savefig.dpi": 200, "svg.hashsalt": "frontline", "svg.fonttype": "path",
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
}


def save(fig, png: str | os.PathLike, svg: str | os.PathLike | None = None) -> None:
    """Save a figure as PNG (and SVG) with fixed metadata, so reruns give identical bytes."""
    with atomic_path(png) as tmp:
        fig.savefig(tmp, format="png", metadata={"Software": None}, bbox_inches="tight")
    if svg is not None:
        with atomic_path(svg) as tmp:
            fig.savefig(tmp, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)


def plot_brand_shares(shares: pd.DataFrame, baselines: pd.DataFrame, focus: str, region_label: str):
    """Observed share of unique numbers per brand (Wilson 95% interval) beside each baseline share."""
    with plt.rc_context(STYLE):
        df = shares.sort_values("share", ascending=True).reset_index(drop=True)
        fig, ax = plt.subplots(figsize=(6.0, 0.35 * len(df) + 1.4))
        y = range(len(df))
        err = [df["share"] - df["wilson_low"], df["wilson_high"] - df["share"]]
        colors = [PALETTE[3] if b == focus else PALETTE[0] for b in df["brand"]]
        ax.barh(list(y), df["share"], color=colors, alpha=0.85, height=0.6, label="observed (95% Wilson CI)")
        ax.errorbar(df["share"], list(y), xerr=err, fmt="none", ecolor="black", elinewidth=0.8, capsize=2)
        markers = ["D", "s", "^", "v", "o"]
        for i, (name, grp) in enumerate(baselines.groupby("baseline", sort=True)):
            pos = {b: j for j, b in enumerate(df["brand"])}
            pts = [(r.share, pos[r.brand]) for r in grp.itertuples() if r.brand in pos]
            if pts:
                xs, ys = zip(*pts)
                ax.scatter(xs, ys, marker=markers[i % len(markers)], color=PALETTE[1 + i % 6], zorder=3,
                           edgecolor="black", linewidth=0.4, s=22, label=f"baseline: {name.replace('_', ' ')}")
        ax.set_yticks(list(y), df["brand"])
        ax.set_xlabel("share of unique phone numbers")
        ax.set_title(f"{region_label}: carrier brands of advertised numbers")
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0, decimals=0))
        ax.legend(loc="lower right", frameon=False)
        fig.tight_layout()
        return fig


def ensure_parent(path: str | os.PathLike) -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    return p


REGION_TABLE_COLUMNS = ["region", "label", "ads", "rejected", "unique_numbers", "focus_brand", "focus_numbers",
                        "share", "wilson_low", "wilson_high", "planted_share"]


def region_table(numbers: list[dict], ingest: list[dict]) -> pd.DataFrame:
    """One row per region: ads kept and rejected, unique numbers, the focus brand's share with its interval,
    the planted share where the corpus is simulated, and a ``ratio_<baseline>`` column per baseline.

    ``numbers`` and ``ingest`` are the regions' numbers.json and ingest.json, in the same order.
    A region where the focus brand has no number gets a share of 0 with an empty interval.
    """
    rows = []
    for num, ing in zip(numbers, ingest, strict=True):
        focus = num["focus"]
        row = {"region": num["region"], "label": num["label"], "ads": int(ing["ads"]),
               "rejected": int(ing["rejected"]), "unique_numbers": int(focus["unique_numbers"]),
               "focus_brand": focus["focus_brand"], "focus_numbers": int(focus.get("numbers", 0)),
               "share": float(focus.get("share", 0.0)), "wilson_low": focus.get("wilson_low", float("nan")),
               "wilson_high": focus.get("wilson_high", float("nan")),
               "planted_share": num.get("recovery", {}).get("planted_share", float("nan"))}
        for name, test in sorted(focus.get("against", {}).items()):
            row[f"ratio_{name}"] = test["ratio"]
        rows.append(row)
    df = pd.DataFrame(rows)
    ratios = sorted(c for c in df.columns if c.startswith("ratio_"))
    return df[REGION_TABLE_COLUMNS + ratios]


def plot_region_comparison(table: pd.DataFrame, baselines: pd.DataFrame, focus: str):
    """The focus brand's share of unique numbers per region (with its interval, and the planted share
    where simulated) against each baseline share, drawn as a vertical line."""
    with plt.rc_context(STYLE):
        df = table.reset_index(drop=True)
        fig, ax = plt.subplots(figsize=(6.0, 0.5 * len(df) + 1.8))
        y = list(range(len(df)))[::-1]
        low = (df["share"] - df["wilson_low"]).fillna(0).clip(lower=0)
        high = (df["wilson_high"] - df["share"]).fillna(0).clip(lower=0)
        ax.errorbar(df["share"], y, xerr=[low, high], fmt="o", color=PALETTE[3], ecolor="black", elinewidth=0.8,
                    capsize=3, label=f"observed {focus} share (interval)")
        planted = df["planted_share"].notna()
        if planted.any():
            ax.scatter(df.loc[planted, "planted_share"], [y[i] for i in df.index[planted]], marker="x",
                       color=PALETTE[0], zorder=3, label="planted share (simulation)")
        styles = ["--", ":", "-.", (0, (5, 1))]
        for i, (name, grp) in enumerate(baselines[baselines["brand"] == focus].groupby("baseline", sort=True)):
            ax.axvline(float(grp["share"].iloc[0]), color=PALETTE[1 + i % 6], linestyle=styles[i % len(styles)],
                       linewidth=1.0, label=f"baseline: {name.replace('_', ' ')}")
        ax.set_yticks(y, df["label"])
        ax.set_ylim(-0.7, len(df) - 0.3)
        ax.set_xlim(left=0)
        ax.set_xlabel(f"{focus} share of unique phone numbers")
        ax.set_title(f"{focus} share by region")
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0, decimals=0))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.32), ncol=2, frameon=False)
        fig.tight_layout()
        return fig
