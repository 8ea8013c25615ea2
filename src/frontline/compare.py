"""Market-share comparison: observed brand shares against baselines, made rigorous.

- Shares of unique numbers with Wilson and Clopper-Pearson intervals (statsmodels), and of ads and
  posters with cluster-bootstrap intervals (:mod:`frontline.units`).
- For every brand x baseline x unit: the over-representation ratio observed / baseline with an
  interval, an exact one-sample binomial test (numbers; scipy) or a cluster-robust Wald test (ads,
  posters; statsmodels), Holm and Benjamini-Hochberg adjustment across the family (statsmodels).
- A chi-square goodness-of-fit test of the whole brand distribution against each baseline (scipy),
  sparse cells pooled.
- The claims table: each published claim beside the reproduced value, interval and a verdict.

Baselines are treated as known constants (census-like counts): their own uncertainty is not modelled.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

from . import units as units_mod
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
    """Turn a baselines table into (baseline, brand, share, kind, source): explicit shares are kept,
    subscriber counts become shares of the listed carriers' total."""
    rows = []
    for name, grp in table.groupby("baseline", sort=True):
        kinds = grp["kind"] if "kind" in grp else pd.Series([None] * len(grp), index=grp.index)
        sources = grp["source"] if "source" in grp else pd.Series([None] * len(grp), index=grp.index)
        if grp["share"].notna().all():
            for r, kind, source in zip(grp.itertuples(), kinds, sources):
                rows.append((name, r.brand, float(r.share), kind, source))
        else:
            subs = grp["subscribers_millions"].astype(float)
            if subs.isna().any():
                raise ValueError(f"baseline {name!r}: every row needs a share or a subscriber count")
            for brand, s, kind, source in zip(grp["brand"], subs, kinds, sources):
                rows.append((name, brand, float(s / subs.sum()), kind, source))
    return pd.DataFrame(rows, columns=["baseline", "brand", "share", "kind", "source"])


def binomial_tests(shares: pd.DataFrame, baselines: pd.DataFrame, confidence: float = 0.95) -> pd.DataFrame:
    """Exact two-sided binomial test of each observed brand share of unique numbers against each
    baseline share; ratio interval = Clopper-Pearson interval / baseline share."""
    rows = []
    by_brand = shares.set_index("brand")
    n_all = int(shares["total"].iloc[0]) if len(shares) else 0
    for r in baselines.itertuples():
        if r.brand in by_brand.index:
            k, n = int(by_brand.at[r.brand, "numbers"]), int(by_brand.at[r.brand, "total"])
        else:
            k, n = 0, n_all
        if n == 0:
            continue
        test = stats.binomtest(k, n, r.share, alternative="two-sided")
        ci = test.proportion_ci(confidence_level=confidence, method="exact")
        rows.append({"baseline": r.baseline, "brand": r.brand, "unit": "numbers", "numbers": k, "total": n,
                     "observed": k / n, "baseline_share": r.share, "ratio": (k / n) / r.share,
                     "ratio_low": ci.low / r.share, "ratio_high": ci.high / r.share,
                     "p_value": test.pvalue})
    return pd.DataFrame(rows)


#: Units whose shares are binomial proportions of independent unique numbers (exact methods apply).
EXACT_UNITS = ("numbers", "wireless_numbers")


def wireless_groups(carriers: pd.DataFrame) -> set[str]:
    """Brands and groups that are wireless: the named brands of the carriers table and "Other wireless"."""
    from .carriers import TYPE_GROUPS, wireless_brands

    return set(wireless_brands(carriers)) | {g for t, g in TYPE_GROUPS.items() if t in ("PCS", "WIRELESS")}


def unit_shares(attributed: pd.DataFrame, ad_numbers: pd.DataFrame, confidence: float, replicates: int,
                seed: int, method: str = "percentile", wireless: set[str] | None = None,
                posters: pd.DataFrame | None = None) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """Brand shares for every unit of analysis (long table: unit, brand, count, total, clusters, share,
    low, high, ci_method) and the rows behind each unit (for the tests).

    With ``wireless`` (a set of wireless brands and groups), a fourth unit, ``wireless_numbers``, gives
    each brand's share of the unique numbers attributed to wireless brands only: the baselines are
    shares of wireless subscribers, while the report's denominator was all numbers. ``posters``: the
    inferred posters (:func:`frontline.units.infer_posters` of ``ad_numbers``), when already at hand.
    """
    rows = {u: units_mod.unit_rows(attributed, ad_numbers, u, posters) for u in units_mod.UNITS}
    parts = []
    exact = [("numbers", attributed)]
    if wireless is not None:
        exact.append(("wireless_numbers", attributed[attributed["brand"].isin(wireless)]))
    for unit, frame in exact:
        num = brand_shares(frame, confidence)
        if not len(num):
            continue
        parts.append(pd.DataFrame({"unit": unit, "brand": num["brand"], "count": num["numbers"].astype(float),
                                   "total": num["total"].astype(float), "clusters": num["total"],
                                   "share": num["share"], "low": num["cp_low"], "high": num["cp_high"],
                                   "ci_method": "clopper-pearson"}))
    for unit in ("ads", "posters"):
        cs = units_mod.clustered_shares(rows[unit], confidence, replicates, seed, method)
        parts.append(pd.DataFrame({"unit": unit, "brand": cs["brand"], "count": cs["share"] * cs["units"],
                                   "total": cs["units"], "clusters": cs["clusters"], "share": cs["share"],
                                   "low": cs["boot_low"], "high": cs["boot_high"],
                                   "ci_method": f"cluster bootstrap ({method})"}))
    return pd.concat(parts, ignore_index=True), rows


def wide_shares(shares: pd.DataFrame, unit_table: pd.DataFrame) -> pd.DataFrame:
    """shares.csv: the numbers-level table plus the ads and posters share and interval per brand."""
    out = shares.copy()
    for unit in ("ads", "posters"):
        u = unit_table[unit_table["unit"] == unit].set_index("brand")
        out[f"{unit}_share"] = out["brand"].map(u["share"]).fillna(0.0)
        out[f"{unit}_low"] = out["brand"].map(u["low"]).fillna(0.0)
        out[f"{unit}_high"] = out["brand"].map(u["high"]).fillna(0.0)
    return out


def family_tests(unit_table: pd.DataFrame, unit_rows: dict[str, pd.DataFrame], baselines: pd.DataFrame,
                 identifiable: set[str], confidence: float, alpha: float) -> pd.DataFrame:
    """tests.csv: one row per brand x baseline x unit.

    numbers (and wireless_numbers): exact binomial test, ratio interval from the Clopper-Pearson interval; ads and posters:
    cluster-robust Wald test, ratio interval from the cluster bootstrap. A baseline brand that numbering
    data cannot identify (not a brand or group of the carriers table, e.g. Cricket, whose blocks sit
    under another OCN) is listed with identifiable = False and left out of the family. Holm and BH
    adjustments are made within each unit over its identifiable tests.
    """
    wald = _wald_tests(unit_table, unit_rows, baselines, identifiable)
    rows = []
    for unit, grp in unit_table.groupby("unit", sort=False):
        by_brand = grp.set_index("brand")
        total = float(grp["total"].iloc[0]) if len(grp) else 0.0
        for i, b in enumerate(baselines.itertuples()):
            ok = b.brand in identifiable
            if b.brand in by_brand.index:
                r = by_brand.loc[b.brand]
                count, share, low, high = float(r["count"]), float(r["share"]), float(r["low"]), float(r["high"])
            else:
                count, share, low, high = 0.0, 0.0, 0.0, 0.0
            test, stat, p = "", np.nan, np.nan
            if unit in EXACT_UNITS:
                n = int(round(total))
                res = stats.binomtest(int(round(count)), n, b.share)
                ci = res.proportion_ci(confidence_level=confidence, method="exact")
                low, high = float(ci.low), float(ci.high)
                test, stat, p = "exact binomial", count, float(res.pvalue)
            elif ok:
                if 0.0 < share < 1.0:
                    test = "cluster-robust Wald"
                    stat, p = wald[unit, i]
                else:  # no variation: a cluster-robust standard error is zero, no test
                    test = "not testable (no variation)"
            if not ok:
                test, stat, p = "not identifiable", np.nan, np.nan
            rows.append({"unit": unit, "baseline": b.baseline, "brand": b.brand, "identifiable": ok,
                         "count": count, "total": total, "observed": share, "low": low, "high": high,
                         "baseline_share": b.share, "ratio": share / b.share, "ratio_low": low / b.share,
                         "ratio_high": high / b.share, "test": test, "statistic": stat, "p_value": p})
    out = pd.DataFrame(rows)
    out["p_holm"] = np.nan
    out["p_bh"] = np.nan
    for unit, idx in out[out["p_value"].notna()].groupby("unit").groups.items():
        p = out.loc[idx, "p_value"].to_numpy()
        out.loc[idx, "p_holm"] = multipletests(p, alpha=alpha, method="holm")[1]
        out.loc[idx, "p_bh"] = multipletests(p, alpha=alpha, method="fdr_bh")[1]
    out["in_family"] = out["p_value"].notna()
    out["reject_holm"] = out["p_holm"] < alpha
    out["reject_bh"] = out["p_bh"] < alpha
    return out


def _wald_tests(unit_table: pd.DataFrame, unit_rows: dict[str, pd.DataFrame], baselines: pd.DataFrame,
                identifiable: set[str]) -> dict[tuple[str, int], tuple[float, float]]:
    """The cluster-robust Wald tests ``family_tests`` makes, by (unit, position of the baseline row): one
    fit per unit and brand, whichever baselines it is tested against (at a million ads a fit takes most
    of a second)."""
    wanted: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for r in unit_table.itertuples():
        if r.unit in EXACT_UNITS or r.brand not in identifiable or not 0.0 < float(r.share) < 1.0:
            continue
        for i, b in enumerate(baselines.itertuples()):
            if b.brand == r.brand:
                wanted.setdefault((r.unit, r.brand), []).append((i, b.share))
    out, groups = {}, {}
    for (unit, brand), tests in wanted.items():
        if unit not in groups:
            groups[unit] = units_mod.cluster_groups(unit_rows[unit])
        results = units_mod.cluster_wald_tests(unit_rows[unit], brand, [v for _, v in tests], groups[unit])
        out.update({(unit, i): res for (i, _), res in zip(tests, results)})
    return out


def goodness_of_fit(counts: pd.Series, baseline: pd.DataFrame, identifiable: set[str],
                    min_expected: float = 5.0) -> dict:
    """Chi-square (and likelihood-ratio G) goodness of fit of the brand distribution of unique
    numbers against one baseline.

    Cells: each identifiable brand the baseline lists, plus one "rest" cell holding every other
    number against the baseline's remaining share. When the baseline's identifiable brands account for
    all of it (remaining share zero, e.g. a wireless-only baseline), the test is conditional on the
    numbers of those brands and has no rest cell. Cells whose expected count is below ``min_expected``
    are pooled into one cell (with the rest cell when there is one); a pooled cell still below the
    threshold is pooled with the smallest remaining cell.
    """
    counts = counts.astype(float)
    base = baseline[baseline["brand"].isin(identifiable)].set_index("brand")["share"].astype(float)
    rest_share = max(0.0, 1.0 - float(base.sum()))
    obs = {b: float(counts.get(b, 0.0)) for b in base.index}
    exp_share = dict(base)
    if rest_share > 1e-12:
        obs["(rest)"] = float(counts.sum()) - sum(obs.values())
        exp_share["(rest)"] = rest_share
    n = sum(obs.values())
    total_share = sum(exp_share.values())
    cells = pd.DataFrame({"observed": pd.Series(obs), "expected": pd.Series(exp_share) / total_share * n})
    sparse = cells.index[(cells["expected"] < min_expected) & (cells.index != "(rest)")].tolist()
    pooled = list(sparse)
    if sparse:
        target = "(rest)" if "(rest)" in cells.index else "(pooled)"
        merged = cells.loc[sparse].sum()
        cells = cells.drop(index=sparse)
        if target in cells.index:
            cells.loc[target] += merged
        else:
            cells.loc[target] = merged
    while len(cells) > 2 and cells["expected"].min() < min_expected:
        small = cells["expected"].idxmin()
        rest = cells.drop(index=small)
        other = rest["expected"].idxmin()
        cells.loc[other] += cells.loc[small]
        cells = cells.drop(index=small)
        pooled.append(str(small))
    out = {"cells": int(len(cells)), "pooled": sorted(set(pooled)), "numbers": int(round(n)),
           "conditional": bool(rest_share <= 1e-12), "min_expected": float(cells["expected"].min()) if len(cells) else 0.0}
    if len(cells) < 2 or n == 0:
        out.update({"chi2": float("nan"), "df": 0, "p_value": float("nan"), "g": float("nan"), "g_p_value": float("nan")})
        return out
    chi = stats.chisquare(cells["observed"], cells["expected"])
    g = stats.power_divergence(cells["observed"], cells["expected"], lambda_="log-likelihood")
    out.update({"chi2": float(chi.statistic), "df": int(len(cells) - 1), "p_value": float(chi.pvalue),
                "g": float(g.statistic), "g_p_value": float(g.pvalue)})
    return out


def gof_table(shares: pd.DataFrame, baselines: pd.DataFrame, identifiable: set[str], min_expected: float) -> pd.DataFrame:
    counts = shares.set_index("brand")["numbers"] if len(shares) else pd.Series(dtype=float)
    rows = []
    for name, grp in baselines.groupby("baseline", sort=True):
        res = goodness_of_fit(counts, grp, identifiable, min_expected)
        res["pooled"] = "; ".join(res["pooled"])
        rows.append({"baseline": name, **res})
    return pd.DataFrame(rows)


CLAIM_COLUMNS = ["claim_id", "claim", "quantity", "brand", "value", "source", "quote"]


def read_claims(path) -> pd.DataFrame:
    """The published claims (data/reference/claims.csv); every row needs a value and a source."""
    df = pd.read_csv(path, dtype={"claim_id": str, "quantity": str, "brand": str, "source": str})
    missing = set(CLAIM_COLUMNS) - set(df.columns)
    if missing:
        raise ValueError(f"{path}: missing column(s) {sorted(missing)}")
    for i, row in df.iterrows():
        for col in ("claim_id", "quantity", "brand", "value", "source"):
            if pd.isna(row[col]) or not str(row[col]).strip():
                raise ValueError(f"{path}: row {i + 2}, field '{col}' is empty")
        if row["quantity"] not in ("share", "baseline_share", "ratio_min"):
            raise ValueError(f"{path}: row {i + 2}, field 'quantity' = {row['quantity']!r} is not one of "
                             "share, baseline_share, ratio_min")
    return df


def _share_verdict(value: float, low: float, high: float) -> str:
    if low <= value <= high:
        return "consistent: the published share lies inside the interval"
    if value > high:
        return "not reproduced: the published share lies above the interval"
    return "not reproduced: the published share lies below the interval"


def _baseline_verdict(published: float, value: float, kind: str | None) -> str:
    if np.isclose(published, value, rtol=1e-9, atol=0):
        return "as published: this baseline is the report's own figure"
    side = "lower" if value < published else "higher"
    what = {"subscribers": "subscriber counts give", "numbering_proxy": "the numbering proxy gives"}.get(
        kind or "", "this baseline gives")
    return f"differs: {what} a {side} share than the published one"


def _ratio_verdict(multiple: float, low: float, high: float) -> str:
    if low > multiple:
        return "supported: the whole interval lies above the claimed multiple"
    if high < multiple:
        return "contradicted: the whole interval lies below the claimed multiple"
    return "not established: the interval includes the claimed multiple"


def claims_table(claims: pd.DataFrame, shares: pd.DataFrame, baselines: pd.DataFrame,
                 confidence: float) -> pd.DataFrame:
    """Each published claim beside the reproduced value and interval, per baseline, with a verdict.

    share: the reproduced share of unique numbers (Wilson interval) against the published share.
    baseline_share: each baseline's share for the brand against the published baseline.
    ratio_min ("more than X times"): the reproduced ratio with its Clopper-Pearson-based interval per
    baseline, and the exact one-sided binomial test of H0: share <= X * baseline share.
    """
    by_brand = shares.set_index("brand") if len(shares) else pd.DataFrame()
    n = int(shares["total"].iloc[0]) if len(shares) else 0
    rows = []
    for c in claims.itertuples():
        k = int(by_brand.at[c.brand, "numbers"]) if c.brand in by_brand.index else 0
        common = {"claim_id": c.claim_id, "claim": c.claim, "quantity": c.quantity, "brand": c.brand,
                  "published": float(c.value), "source": c.source}
        if c.quantity == "share":
            if n == 0:
                continue
            wl, wh = proportion_confint(k, n, alpha=1 - confidence, method="wilson")
            rows.append({**common, "baseline": "", "reproduced": k / n, "low": wl, "high": wh,
                         "interval": "Wilson", "p_value": stats.binomtest(k, n, float(c.value)).pvalue,
                         "verdict": _share_verdict(float(c.value), wl, wh)})
            continue
        base = baselines[baselines["brand"] == c.brand]
        for b in base.itertuples():
            if c.quantity == "baseline_share":
                rows.append({**common, "baseline": b.baseline, "reproduced": b.share, "low": np.nan,
                             "high": np.nan, "interval": "none (baseline taken as known)", "p_value": np.nan,
                             "verdict": _baseline_verdict(float(c.value), b.share, getattr(b, "kind", None))})
            elif n:
                ci = stats.binomtest(k, n, b.share).proportion_ci(confidence_level=confidence, method="exact")
                null = min(1.0, float(c.value) * b.share)
                p = stats.binomtest(k, n, null, alternative="greater").pvalue
                rows.append({**common, "baseline": b.baseline, "reproduced": (k / n) / b.share,
                             "low": ci.low / b.share, "high": ci.high / b.share, "interval": "Clopper-Pearson",
                             "p_value": p, "verdict": _ratio_verdict(float(c.value), ci.low / b.share,
                                                                     ci.high / b.share)})
    return pd.DataFrame(rows)


def _against(t) -> dict:
    out = {"baseline_share": float(t.baseline_share), "ratio": float(t.ratio), "ratio_low": float(t.ratio_low),
           "ratio_high": float(t.ratio_high), "p_value": float(t.p_value)}
    for extra in ("p_holm", "p_bh", "low", "high"):
        if hasattr(t, extra):
            out[extra] = float(getattr(t, extra))
    return out


def headline(shares: pd.DataFrame, tests: pd.DataFrame, focus: str) -> dict:
    """The numbers the paper quotes about the focus brand (unique numbers)."""
    row = shares.set_index("brand").loc[focus] if focus in set(shares["brand"]) else None
    out = {"focus_brand": focus, "unique_numbers": int(shares["total"].iloc[0]) if len(shares) else 0}
    if row is not None:
        out.update({"numbers": int(row["numbers"]), "share": float(row["share"]),
                    "wilson_low": float(row["wilson_low"]), "wilson_high": float(row["wilson_high"]),
                    "cp_low": float(row["cp_low"]), "cp_high": float(row["cp_high"])})
    unit = tests["unit"] if "unit" in tests else pd.Series("numbers", index=tests.index)
    focus_tests = tests[(tests["brand"] == focus) & (unit == "numbers")]
    out["against"] = {t.baseline: _against(t) for t in focus_tests.itertuples()}
    return out


def round_floats(obj, digits: int = 10):
    """Round floats to ``digits`` significant digits so JSON output is stable across platforms (tiny
    p-values keep their magnitude); NaN becomes None."""
    if isinstance(obj, float):
        return None if np.isnan(obj) else float(f"{obj:.{digits}g}")
    if isinstance(obj, dict):
        return {k: round_floats(v, digits) for k, v in obj.items()}
    if isinstance(obj, list):
        return [round_floats(v, digits) for v in obj]
    return obj


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: (v.item() if hasattr(v, "item") else v) for k, v in r.items()} for r in df.to_dict("records")]


def region_numbers(region: str, label: str, shares: pd.DataFrame, tests: pd.DataFrame, focus: str,
                   coverage: pd.DataFrame, planted: dict | None, confidence: float,
                   unit_table: pd.DataFrame | None = None, gof: pd.DataFrame | None = None,
                   claims: pd.DataFrame | None = None, baselines: pd.DataFrame | None = None,
                   posters: dict | None = None, alpha: float = 0.05, settings: dict | None = None) -> dict:
    """Everything the paper quotes about one region, in one JSON-ready dict."""
    focus_numbers = headline(shares, tests, focus)
    out = {
        "region": region,
        "label": label,
        "confidence": confidence,
        "alpha": alpha,
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
    if unit_table is not None:
        units = {}
        for unit, grp in unit_table.groupby("unit", sort=False):
            entry = {"total": float(grp["total"].iloc[0]), "clusters": int(grp["clusters"].max()),
                     "ci_method": str(grp["ci_method"].iloc[0])}
            f = grp[grp["brand"] == focus]
            if len(f):
                r = f.iloc[0]
                entry.update({"share": float(r["share"]), "low": float(r["low"]), "high": float(r["high"])})
            if "unit" in tests:
                ft = tests[(tests["unit"] == unit) & (tests["brand"] == focus)]
                entry["against"] = {t.baseline: _against(t) for t in ft.itertuples()}
            units[unit] = entry
        out["units"] = units
    if "unit" in tests and "p_holm" in tests:
        fam = tests[tests["in_family"]]
        out["family"] = {unit: {"tests": int(len(g)), "holm_rejected": int(g["reject_holm"].sum()),
                                "bh_rejected": int(g["reject_bh"].sum()),
                                "left_out": int(((tests["unit"] == unit) & ~tests["in_family"]).sum())}
                         for unit, g in fam.groupby("unit", sort=False)}
    if gof is not None:
        out["gof"] = {r["baseline"]: {k: v for k, v in r.items() if k != "baseline"} for r in _records(gof)}
    if claims is not None:
        out["claims"] = _records(claims.drop(columns=["source"], errors="ignore"))
        by = {c: g for c, g in claims.groupby("quantity")}
        if "share" in by and "baseline_share" in by:
            s = float(by["share"]["published"].iloc[0])
            b = float(by["baseline_share"]["published"].iloc[0])
            out["published_ratio"] = s / b
    if baselines is not None:
        fb = baselines[baselines["brand"] == focus]
        out["baselines"] = {r.baseline: {"focus_share": float(r.share), "kind": str(r.kind), "source": str(r.source)}
                            for r in fb.itertuples()}
    if posters is not None:
        out["posters"] = posters
    if settings is not None:
        out["settings"] = settings
    return round_floats(out)
