"""Units of analysis: unique numbers (the report's), ads, and posters.

Posters are not observed in real ads. We infer them as the connected components of the graph that
joins two numbers whenever they appear in the same ad (scipy.sparse.csgraph). A poster who never
lists two numbers together stays split into several inferred posters; two posters who share a number
are merged: the inferred count is a bound, not a census, and the simulation checks it.

Ads and posters are not independent draws of numbers: one number appears in many ads, one poster
uses several numbers. Their shares are ratio estimators over clusters (numbers for ads, posters for
posters), with intervals from a cluster bootstrap (resampling clusters) and tests
from a cluster-robust Wald test (statsmodels WLS with cluster covariance).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import sparse, stats
from scipy.sparse.csgraph import connected_components

from .carriers import UNATTRIBUTED

UNITS = ("numbers", "ads", "posters")


def infer_posters(ad_numbers: pd.DataFrame) -> pd.DataFrame:
    """One row per number_hash with its inferred ``poster`` (component id, ordered by first hash)."""
    pairs = ad_numbers[["ad_id", "number_hash"]].drop_duplicates()
    ads, ad_idx = np.unique(pairs["ad_id"].to_numpy(dtype=str), return_inverse=True)
    nums, num_idx = np.unique(pairs["number_hash"].to_numpy(dtype=str), return_inverse=True)
    # bipartite graph: ads are nodes 0..A-1, numbers A..A+N-1
    a = len(ads)
    graph = sparse.coo_matrix((np.ones(len(pairs)), (ad_idx, a + num_idx)), shape=(a + len(nums),) * 2)
    _, labels = connected_components(graph, directed=False)
    comp = labels[a:]
    # renumber components in order of their first number so ids are deterministic
    _, first = np.unique(comp, return_index=True)
    order = {c: i for i, c in enumerate(comp[np.sort(first)])}
    return pd.DataFrame({"number_hash": nums, "poster": [order[c] for c in comp]})


def unit_rows(attributed: pd.DataFrame, ad_numbers: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Rows (cluster, brand, weight) whose weighted brand shares are the unit's shares.

    - numbers: one row per attributed unique number, weight 1, each its own cluster.
    - ads: one row per (ad, attributed number) pair, weight 1/k for an ad listing k attributed numbers
      (each ad counts once), clustered by number.
    - posters: one row per attributed number, weight 1/k for an inferred poster with k attributed
      numbers (each poster counts once), clustered by poster.
    """
    pool = attributed.loc[attributed["brand"] != UNATTRIBUTED, ["number_hash", "brand"]]
    if unit == "numbers":
        return pd.DataFrame({"cluster": pool["number_hash"].to_numpy(), "brand": pool["brand"].to_numpy(),
                             "weight": 1.0})
    if unit == "ads":
        pairs = ad_numbers[["ad_id", "number_hash"]].drop_duplicates().merge(pool, on="number_hash", how="inner")
        k = pairs.groupby("ad_id")["number_hash"].transform("size")
        return pd.DataFrame({"cluster": pairs["number_hash"].to_numpy(), "brand": pairs["brand"].to_numpy(),
                             "weight": 1.0 / k.to_numpy()})
    if unit == "posters":
        posters = infer_posters(ad_numbers).merge(pool, on="number_hash", how="inner")
        k = posters.groupby("poster")["number_hash"].transform("size")
        return pd.DataFrame({"cluster": posters["poster"].to_numpy(), "brand": posters["brand"].to_numpy(),
                             "weight": 1.0 / k.to_numpy()})
    raise ValueError(f"unknown unit of analysis {unit!r}; expected one of {UNITS}")


def cluster_totals(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Per cluster: weight of each brand (clusters x brands) and total weight."""
    by_brand = rows.pivot_table(index="cluster", columns="brand", values="weight", aggfunc="sum", fill_value=0.0)
    by_brand = by_brand.sort_index(axis=0).sort_index(axis=1)
    return by_brand, by_brand.sum(axis=1)


def _ratio(a, b, axis=-1):
    return np.sum(a, axis=axis) / np.sum(b, axis=axis)


def cluster_bootstrap_replicates(by_brand: np.ndarray, total: np.ndarray, replicates: int,
                                 rng: np.random.Generator, batch: int = 64) -> np.ndarray:
    """Brand shares in ``replicates`` cluster-bootstrap resamples, shape (replicates, brands).

    A resample draws n clusters with replacement (uniform indices, counted per cluster); each
    brand's share in it is ``counts @ by_brand / counts @ total``. All brands share the same resamples
    (paired). Memory is bounded by ``batch`` resamples at a time.
    """
    n = len(total)
    out = np.empty((replicates, by_brand.shape[1]))
    for start in range(0, replicates, batch):
        m = min(batch, replicates - start)
        # m resamples of n cluster indices, counted per resample with one bincount
        idx = rng.integers(0, n, size=(m, n)) + (np.arange(m) * n)[:, None]
        counts = np.bincount(idx.ravel(), minlength=m * n).reshape(m, n).astype(np.float64)
        out[start:start + m] = (counts @ by_brand) / (counts @ total)[:, None]
    return out


def clustered_shares(rows: pd.DataFrame, confidence: float, replicates: int, seed: int,
                     method: str = "percentile") -> pd.DataFrame:
    """Weighted share of each brand with a cluster-bootstrap interval (clusters resampled with
    replacement). Returns brand, units (total weight), clusters, share, boot_low, boot_high, boot_se.

    Percentile and basic intervals come from one set of resamples shared by all brands, drawn as
    cluster counts (:func:`cluster_bootstrap_replicates`): at a million ads this takes
    seconds and bounded memory, where ``scipy.stats.bootstrap`` (paired, vectorised) materialises every
    resample of every cluster per brand — minutes and gigabytes. BCa, which needs the jackknife, uses
    ``scipy.stats.bootstrap`` per brand.
    """
    by_brand, total = cluster_totals(rows)
    brands = list(by_brand.columns)
    a_all, t = by_brand.to_numpy(), total.to_numpy()
    shares = a_all.sum(axis=0) / t.sum()
    alpha = 1 - confidence
    boot = None
    if method != "BCa" and len(t) >= 2:
        boot = cluster_bootstrap_replicates(a_all, t, replicates, np.random.default_rng(seed))
    out = []
    for i, brand in enumerate(brands):
        share = float(shares[i])
        if len(t) < 2 or share in (0.0, 1.0):
            low = high = share
            se = 0.0
        elif boot is not None:
            q_low, q_high = np.quantile(boot[:, i], [alpha / 2, 1 - alpha / 2])
            low, high = (q_low, q_high) if method == "percentile" else (2 * share - q_high, 2 * share - q_low)
            se = float(np.std(boot[:, i], ddof=1))
        else:
            res = stats.bootstrap((a_all[:, i], t), _ratio, paired=True, vectorized=True,
                                  n_resamples=replicates, confidence_level=confidence, method=method,
                                  random_state=np.random.default_rng([seed, i]))
            low, high, se = res.confidence_interval.low, res.confidence_interval.high, res.standard_error
        out.append({"brand": brand, "units": float(t.sum()), "clusters": len(t), "share": share,
                    "boot_low": float(low), "boot_high": float(high), "boot_se": float(se)})
    return pd.DataFrame(out)


def cluster_wald_test(rows: pd.DataFrame, brand: str, value: float) -> tuple[float, float]:
    """Cluster-robust Wald test of H0: weighted share of ``brand`` = ``value`` (two-sided, normal
    reference). Intercept-only WLS of the brand indicator; returns (z statistic, p-value)."""
    y = (rows["brand"] == brand).to_numpy(dtype=float)
    if y.min() == y.max():  # no variation: the share is 0 or 1 exactly
        return (np.inf if y[0] != value else 0.0), (0.0 if y[0] != value else 1.0)
    groups = pd.factorize(rows["cluster"])[0]
    fit = sm.WLS(y, np.ones((len(y), 1)), weights=rows["weight"].to_numpy()).fit(
        cov_type="cluster", cov_kwds={"groups": groups}, use_t=False)
    test = fit.t_test((np.array([[1.0]]), np.array([value])))
    return float(np.asarray(test.statistic).ravel()[0]), float(np.asarray(test.pvalue).ravel()[0])
