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


def plot_extraction_recall(table: pd.DataFrame, region_label: str, scope: str = "sample"):
    """Recall per obfuscation pattern: our extractor beside phonenumbers' matcher, on the same ads.

    ``table`` is ``extraction_eval.csv`` (columns extractor, scope, level, name, total, hits, value).
    """
    pat = table[(table["level"] == "pattern") & (table["scope"] == scope)]
    wide = pat.pivot_table(index="name", columns="extractor", values="value", aggfunc="first")
    n = pat[pat["extractor"] == "ours"].set_index("name")["total"]
    for col in ("ours", "phonenumbers"):
        if col not in wide.columns:
            wide[col] = float("nan")
    wide = wide.sort_values(["phonenumbers", "ours"], ascending=True, na_position="first")
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(6.0, 0.28 * max(len(wide), 1) + 1.4))
        y = list(range(len(wide)))
        h = 0.38
        ax.barh([v + h / 2 for v in y], wide["ours"].fillna(0), height=h, color=PALETTE[0], label="this extractor")
        ax.barh([v - h / 2 for v in y], wide["phonenumbers"].fillna(0), height=h, color=PALETTE[1],
                label="phonenumbers matcher (VALID)")
        labels = [f"{name.replace('_', ' ')} (n={int(n.get(name, 0))})" for name in wide.index]
        ax.set_yticks(y, labels)
        ax.set_xlim(0, 1.02)
        ax.set_xlabel("recall of planted number occurrences")
        ax.set_title(f"{region_label}: recall per obfuscation pattern, same ads")
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0, decimals=0))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 1.2 / (0.28 * max(len(wide), 1) + 1.4)), ncol=2, frameon=False)
        fig.tight_layout()
        return fig
