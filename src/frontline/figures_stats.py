"""Figures of the statistical comparison: over-representation forest plot, power curve, porting
sensitivity and calibration. All use frontline.figures' STYLE, PALETTE and save."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .figures import PALETTE, STYLE

MARKERS = ["o", "s", "D", "^", "v", "P"]


def _label(name: str) -> str:
    return name.replace("_", " ")


def plot_forest(tests: pd.DataFrame, focus: str, multiple: float, region_label: str, unit: str = "numbers",
                published_ratio: float | None = None):
    """Over-representation ratio (observed / baseline, log scale) of every brand against each baseline,
    with intervals; parity, the report's claimed multiple and (optionally) the report's own ratio marked."""
    df = tests[(tests["unit"] == unit) & tests["identifiable"] & (tests["ratio"] > 0)].copy()
    names = sorted(df["baseline"].unique())
    brands = sorted(df["brand"].unique(), key=lambda b: (b != focus, b))
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(6.2, 0.45 * len(brands) * max(1, len(names)) ** 0.5 + 1.6))
        step = 0.8 / max(1, len(names))
        for i, name in enumerate(names):
            g = df[df["baseline"] == name].set_index("brand")
            for j, brand in enumerate(brands):
                if brand not in g.index:
                    continue
                r = g.loc[brand]
                y = j + (i - (len(names) - 1) / 2) * step
                ax.errorbar(r["ratio"], y, xerr=[[r["ratio"] - r["ratio_low"]], [r["ratio_high"] - r["ratio"]]],
                            fmt=MARKERS[i % len(MARKERS)], color=PALETTE[i % len(PALETTE)], ms=4, elinewidth=1,
                            capsize=2, label=f"against {_label(name)}" if j == next(
                                k for k, b in enumerate(brands) if b in g.index) else None)
        ax.axvline(1.0, color="black", lw=0.8)
        ax.axvline(multiple, color=PALETTE[3], lw=1.0, ls="--")
        ax.text(multiple, 0.995, f"report: more than {multiple:g}× ", color=PALETTE[3], fontsize=7, va="top", ha="right",
                transform=matplotlib.transforms.blended_transform_factory(ax.transData, ax.transAxes))
        if published_ratio is not None and focus in brands:
            ax.scatter([published_ratio], [brands.index(focus)], marker="*", s=70, color=PALETTE[3], zorder=4,
                       edgecolor="black", linewidth=0.4, label="report's own ratio (published share / published baseline)")
        ax.set_xscale("log")
        lo = min(df["ratio_low"][df["ratio_low"] > 0].min(), 1.0) if len(df) else 0.5
        hi = max(df["ratio_high"].max(), multiple) if len(df) else multiple
        ticks = [t for t in (0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 50) if lo / 1.5 <= t <= hi * 1.5]
        ax.xaxis.set_major_locator(matplotlib.ticker.FixedLocator(ticks))
        ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}×"))
        ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        ax.set_yticks(range(len(brands)), brands)
        ax.invert_yaxis()
        ax.set_xlabel("over-representation ratio: observed share / baseline share (log scale)")
        ax.set_title(f"{region_label}: brands of unique numbers against each baseline")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False)
        fig.tight_layout()
        return fig


def plot_power(curve: pd.DataFrame, observed_n: int | None, target: float, region_label: str):
    """Power of the exact binomial test against N, per baseline; solid: 'differs', dashed: 'exceeds
    the claimed multiple'."""
    styles = {"differs": "-", "exceeds_multiple": "--"}
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(6.2, 3.6))
        for i, (name, g) in enumerate(curve.groupby("baseline", sort=True)):
            for hyp, h in g.groupby("hypothesis", sort=True):
                h = h.sort_values("n")
                ax.plot(h["n"], h["power_exact"], ls=styles.get(hyp, ":"), color=PALETTE[i % len(PALETTE)],
                        lw=1.2, label=f"{_label(name)}: {_label(hyp)}")
        ax.axhline(target, color="grey", lw=0.8, ls=":")
        if observed_n:
            ax.axvline(observed_n, color="black", lw=0.8)
            ax.text(observed_n, 0.02, " observed N", fontsize=7)
        ax.set_xscale("log")
        ax.set_ylim(0, 1.02)
        ax.set_xlabel("unique numbers (N)")
        ax.set_ylabel("power (exact binomial test)")
        ax.set_title(f"{region_label}: power to detect the claimed share")
        ax.legend(frameon=False, fontsize=7, ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.2))
        fig.tight_layout()
        return fig


def plot_porting(table: pd.DataFrame, multiple: float, region_label: str):
    """Lower bound of the ratio of the served share to each baseline over the porting grid; contours
    where over-representation (ratio 1) and the claimed multiple are lost."""
    names = sorted(table["baseline"].unique())
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(1, len(names), figsize=(2.4 * len(names) + 0.8, 2.9), squeeze=False,
                                 sharey=True)
        for ax, name in zip(axes[0], names):
            g = table[table["baseline"] == name]
            grid = g.pivot_table(index="porting_in", columns="porting_out", values="ratio_low")
            x, y = grid.columns.to_numpy(), grid.index.to_numpy()
            z = grid.to_numpy()
            mesh = ax.pcolormesh(x, y, z, shading="nearest", cmap="viridis")
            levels = [v for v in sorted({1.0, multiple}) if np.nanmin(z) < v < np.nanmax(z)]
            if levels and len(x) > 1 and len(y) > 1:
                cs = ax.contour(x, y, z, levels=levels, colors="white", linewidths=1.0)
                ax.clabel(cs, fmt=lambda v: f"{v:g}×", fontsize=6)
            ax.set_title(_label(name), fontsize=8)
            ax.set_xlabel("porting out of the brand")
            fig.colorbar(mesh, ax=ax, shrink=0.8).ax.tick_params(labelsize=6)
        axes[0][0].set_ylabel("porting into the brand")
        fig.suptitle(f"{region_label}: lower bound of the ratio under porting", fontsize=9)
        fig.tight_layout()
        return fig


def plot_calibration(cov: pd.DataFrame, confidence: float, region_label: str):
    """Coverage of the Wilson and Clopper-Pearson intervals per brand (with Monte-Carlo error bars)
    against the nominal level."""
    methods = sorted(cov["method"].unique())
    brands = sorted(cov["brand"].unique())
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(6.2, 0.32 * len(brands) + 1.5))
        step = 0.3
        for i, m in enumerate(methods):
            g = cov[cov["method"] == m].set_index("brand").reindex(brands)
            y = np.arange(len(brands)) + (i - (len(methods) - 1) / 2) * step
            err = [np.minimum(1.96 * g["coverage_mcse"], g["coverage"]),
                   np.minimum(1.96 * g["coverage_mcse"], 1 - g["coverage"])]
            ax.errorbar(g["coverage"], y, xerr=err, fmt=MARKERS[i], color=PALETTE[i],
                        ms=4, capsize=2, elinewidth=0.8, label=m)
        ax.axvline(confidence, color="black", lw=0.8, ls="--")
        ax.set_yticks(range(len(brands)), brands)
        ax.invert_yaxis()
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0, decimals=0))
        ax.set_xlabel("coverage of the planted share over replicates (nominal level dashed)")
        ax.set_title(f"{region_label}: interval coverage in repeated draws")
        ax.legend(frameon=False, loc="lower left")
        fig.tight_layout()
        return fig
