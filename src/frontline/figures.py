"""Figures: one shared style, PNG and SVG, reproducible bytes (no dates in metadata).

Reproducibility of the files: the PNG carries no date (matplotlib's Agg writer adds none) and no
``Software`` entry; the SVG's ``Date`` and ``Creator`` are removed and its element ids (clip paths)
are derived from ``svg.hashsalt`` instead of random UUIDs, so reruns give byte-identical files.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker  # noqa: E402
import pandas as pd  # noqa: E402

from .io import atomic_path  # noqa: E402

#: Okabe-Ito colour-blind-safe palette.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

#: Roles for colours, so every figure uses the same colour for the same thing.
FOCUS, OTHER, NEUTRAL = PALETTE[3], PALETTE[0], "#595959"

#: Sized for a figure printed at about 15 cm wide: text stays at least 8 pt on paper.
STYLE = {
    "font.size": 9, "axes.titlesize": 10, "axes.titleweight": "bold", "axes.titlelocation": "left",
    "axes.labelsize": 9, "xtick.labelsize": 8.5, "ytick.labelsize": 8.5, "legend.fontsize": 8.5,
    "axes.spines.top": False, "axes.spines.right": False, "axes.linewidth": 0.8, "axes.grid": False,
    "axes.edgecolor": "#333333", "xtick.color": "#333333", "ytick.color": "#333333",
    "legend.frameon": False, "figure.dpi": 100, "savefig.dpi": 200, "figure.figsize": (6.0, 3.2),
    "svg.hashsalt": "frontline", "svg.fonttype": "path", "font.family": "DejaVu Sans",
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
}


def save(fig, png: str | os.PathLike, svg: str | os.PathLike | None = None) -> None:
    """Save a figure as PNG (and SVG) with fixed metadata, so reruns give identical bytes."""
    # The style must be active while saving too: svg.hashsalt is read when the SVG is written.
    with plt.rc_context(STYLE):
        with atomic_path(png) as tmp:
            fig.savefig(tmp, format="png", metadata={"Software": None}, bbox_inches="tight")
        if svg is not None:
            with atomic_path(svg) as tmp:
                fig.savefig(tmp, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)


def plot_brand_shares(shares: pd.DataFrame, baselines: pd.DataFrame, focus: str, region_label: str,
                      confidence: float = 0.95):
    """Observed share of unique numbers per brand (Wilson interval) beside each baseline share."""
    with plt.rc_context(STYLE):
        df = shares.sort_values("share", ascending=True).reset_index(drop=True)
        fig, ax = plt.subplots(figsize=(6.0, 0.32 * len(df) + 1.3))
        y = list(range(len(df)))
        pos = {b: j for j, b in enumerate(df["brand"])}
        err = [df["share"] - df["wilson_low"], df["wilson_high"] - df["share"]]
        colors = [FOCUS if b == focus else OTHER for b in df["brand"]]
        ax.barh(y, df["share"], color=colors, height=0.62, label=f"observed share, {confidence:.0%} interval")
        ax.errorbar(df["share"], y, xerr=err, fmt="none", ecolor="black", elinewidth=0.9, capsize=2.5)
        markers = ["D", "s", "^", "v", "o"]
        colours = [PALETTE[1], PALETTE[2], PALETTE[4], PALETTE[5], PALETTE[7]]
        for i, (name, grp) in enumerate(baselines.groupby("baseline", sort=True)):
            pts = [(r.share, pos[r.brand]) for r in grp.itertuples() if r.brand in pos]
            if pts:
                xs, ys = zip(*pts)
                ax.scatter(xs, ys, marker=markers[i % len(markers)], color=colours[i % len(colours)], zorder=3,
                           edgecolor="black", linewidth=0.5, s=30, label=f"baseline: {name.replace('_', ' ')}")
        ax.set_yticks(y, df["brand"])
        for tick in ax.get_yticklabels():
            if tick.get_text() == focus:
                tick.set_fontweight("bold")
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        ax.set_xlabel("share of unique phone numbers")
        ax.set_xlim(0, None)
        ax.set_title(f"{region_label}: carrier brands of advertised numbers")
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0, decimals=0))
        ax.legend(loc="lower right")
        fig.tight_layout()
        return fig


def plot_ads_per_number(attributed: pd.DataFrame, focus: str, region_label: str):
    """How many ads each unique number appears in (log scale), the focus brand against all others.

    A few numbers in very many ads is why the unit of analysis (numbers or ads) matters.
    """
    import numpy as np

    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(6.0, 3.0))
        n_ads = attributed["n_ads"].astype(int)
        top = max(int(n_ads.max()), 2)
        bins = np.unique(np.round(np.geomspace(1, top + 1, min(24, top + 1))).astype(int))
        if len(bins) < 2:
            bins = np.array([1, 2])
        other = attributed["brand"] != focus
        groups = [(f"other brands ({int(other.sum()):,} numbers)", n_ads[other], OTHER, True),
                  (f"{focus} ({int((~other).sum()):,} numbers)", n_ads[~other], FOCUS, False)]
        for label, values, colour, filled in groups:
            if len(values):
                weights = np.full(len(values), 1 / len(values))
                if filled:
                    ax.hist(values, bins=bins, weights=weights, histtype="stepfilled", alpha=0.25, color=colour)
                ax.hist(values, bins=bins, weights=weights, histtype="step", linewidth=1.6, color=colour,
                        label=label)
        ax.set_xscale("log")
        ax.xaxis.set_major_locator(matplotlib.ticker.LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        ax.set_xlim(1, bins[-1])
        ax.set_xlabel("ads per unique number (log scale)")
        ax.set_ylabel("share of the group's numbers")
        ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0, decimals=0))
        ax.set_title(f"{region_label}: ads per advertised number")
        ax.legend(loc="upper right")
        fig.tight_layout()
        return fig


def weekly_ads(ad_numbers: pd.DataFrame, attributed: pd.DataFrame, focus: str) -> pd.DataFrame:
    """Ads per week (weeks start on Monday): all ads with a number, ads with a number of ``focus``, and
    ``days``, the days of the week inside the observed period (the first and last weeks may be partial)."""
    brands = attributed.set_index("number_hash")["brand"]
    df = ad_numbers[["ad_id", "posted_at", "number_hash"]].copy()
    df["is_focus"] = df["number_hash"].map(brands).eq(focus)
    per_ad = df.groupby("ad_id", sort=True).agg(posted_at=("posted_at", "min"), is_focus=("is_focus", "any"))
    when = pd.to_datetime(per_ad["posted_at"], utc=False)
    per_ad["week"] = when.dt.to_period("W-SUN").dt.start_time  # weeks ending Sunday start on Monday
    out = per_ad.groupby("week", sort=True).agg(ads=("is_focus", "size"), focus_ads=("is_focus", "sum"))
    out = out.reset_index()
    if len(out):
        first, last = when.min().normalize(), when.max().normalize()
        start = out["week"].clip(lower=first)
        end = (out["week"] + pd.Timedelta(days=6)).clip(upper=last)
        out["days"] = (end - start).dt.days + 1
    else:
        out["days"] = pd.Series(dtype="int64")
    return out


def plot_posting_over_time(ad_numbers: pd.DataFrame, attributed: pd.DataFrame, focus: str, region_label: str):
    """Ads with a phone number per day (mean over each week, so partial weeks at the ends are not
    mistaken for a fall), and the share of them carrying a number of the focus brand."""
    with plt.rc_context(STYLE):
        weeks = weekly_ads(ad_numbers, attributed, focus)
        if len(weeks):  # close the last step at the end of its week
            last = weeks.iloc[[-1]].assign(week=weeks["week"].iloc[-1] + pd.Timedelta(days=7))
            weeks = pd.concat([weeks, last], ignore_index=True)
        fig, (top, bottom) = plt.subplots(2, 1, figsize=(6.0, 3.4), sharex=True,
                                          gridspec_kw={"height_ratios": [2, 1.3]})
        top.step(weeks["week"], weeks["ads"] / weeks["days"], where="post", color=OTHER, linewidth=1.4,
                 label="all ads")
        top.step(weeks["week"], weeks["focus_ads"] / weeks["days"], where="post", color=FOCUS, linewidth=1.4,
                 label=f"ads with a {focus} number")
        top.set_ylabel("ads per day\n(weekly mean)")
        top.set_ylim(0, None)
        top.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2, borderaxespad=0.2)
        top.set_title(f"{region_label}: ads over time", pad=18)
        share = weeks["focus_ads"] / weeks["ads"]
        bottom.step(weeks["week"], share, where="post", color=FOCUS, linewidth=1.4)
        bottom.set_ylabel(f"{focus} share\nof ads")
        bottom.set_ylim(0, max(0.05, float(share.max()) * 1.15) if len(share) else 1)
        bottom.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0, decimals=0))
        locator = matplotlib.dates.AutoDateLocator(minticks=3, maxticks=8)
        bottom.xaxis.set_major_locator(locator)
        bottom.xaxis.set_major_formatter(matplotlib.dates.ConciseDateFormatter(locator))
        bottom.set_xlabel("week starting")
        fig.align_ylabels()
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
