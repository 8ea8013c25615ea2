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
    """One row per number_hash with its inferred ``poster`` (component id, ordered by first hash).

    Ads and numbers are integer codes (pandas factorize; numbers in sorted order), so a million ads take
    about a second: repeated (ad, number) pairs only repeat an edge, which does not change the components.
    """
    ad_idx, _ = pd.factorize(ad_numbers["ad_id"], use_na_sentinel=False)
    num_idx, nums = pd.factorize(ad_numbers["number_hash"], sort=True, use_na_sentinel=False)
    # bipartite graph: ads are nodes 0..A-1, numbers A..A+N-1
    a = int(ad_idx.max(initial=-1)) + 1
    graph = sparse.coo_matrix((np.ones(len(ad_idx)), (ad_idx, a + num_idx)), shape=(a + len(nums),) * 2)
    _, labels = connected_components(graph, directed=False)
    comp = labels[a:]
    # renumber components in order of their first number so ids are deterministic
    _, first = np.unique(comp, return_index=True)
    rank = np.empty(int(comp.max(initial=-1)) + 1, dtype=np.int64)
    rank[comp[np.sort(first)]] = np.arange(len(first))
    return pd.DataFrame({"number_hash": nums, "poster": rank[comp]})


def unit_rows(attributed: pd.DataFrame, ad_numbers: pd.DataFrame, unit: str,
              posters: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rows (cluster, brand, weight) whose weighted brand shares are the unit's shares.

    - numbers: one row per attributed unique number, weight 1, each its own cluster.
    - ads: one row per (ad, attributed number) pair, weight 1/k for an ad listing k attributed numbers
      (each ad counts once), clustered by number.
    - posters: one row per attributed number, weight 1/k for an inferred poster with k attributed
      numbers (each poster counts once), clustered by poster (``posters``: :func:`infer_posters` of
      ``ad_numbers``, when already at hand).
    """
    pool = attributed.loc[attributed["brand"] != UNATTRIBUTED, ["number_hash", "brand"]]
    if unit == "numbers":
        return pd.DataFrame({"cluster": pool["number_hash"].to_numpy(), "brand": pool["brand"].to_numpy(),
                             "weight": 1.0})
    if unit == "ads":
        if pool["number_hash"].is_unique:
            return _ad_rows(pool, ad_numbers)
        pairs = ad_numbers[["ad_id", "number_hash"]].drop_duplicates().merge(pool, on="number_hash", how="inner")
        k = pairs.groupby("ad_id")["number_hash"].transform("size")
        return pd.DataFrame({"cluster": pairs["number_hash"].to_numpy(), "brand": pairs["brand"].to_numpy(),
                             "weight": 1.0 / k.to_numpy()})
    if unit == "posters":
        if posters is None:
            posters = infer_posters(ad_numbers)
        posters = posters.merge(pool, on="number_hash", how="inner")
        k = posters.groupby("poster")["number_hash"].transform("size")
        return pd.DataFrame({"cluster": posters["poster"].to_numpy(), "brand": posters["brand"].to_numpy(),
                             "weight": 1.0 / k.to_numpy()})
    raise ValueError(f"unknown unit of analysis {unit!r}; expected one of {UNITS}")


def _ad_rows(pool: pd.DataFrame, ad_numbers: pd.DataFrame) -> pd.DataFrame:
    """The ads unit's rows when each attributed number has one row in ``pool``: the distinct (ad, number)
    pairs in order of first appearance, as integer codes (the rows a drop_duplicates and merge on the text
    columns would give, without hashing a million pairs of strings twice)."""
    # factorised after the pool's distinct numbers, an ad's number has code < len(pool) iff attributed
    codes, _ = pd.factorize(pd.concat([pool["number_hash"], ad_numbers["number_hash"]], ignore_index=True),
                            use_na_sentinel=False)
    pos = codes[len(pool):]
    ad, _ = pd.factorize(ad_numbers["ad_id"], use_na_sentinel=False)
    rows = np.flatnonzero(pos < len(pool))
    first = ~pd.Series(ad[rows] * len(pool) + pos[rows]).duplicated().to_numpy()
    rows = rows[first]
    k = np.bincount(ad[rows])[ad[rows]]  # attributed numbers of each row's ad
    return pd.DataFrame({"cluster": pool["number_hash"].array.take(pos[rows]),
                         "brand": pool["brand"].array.take(pos[rows]), "weight": 1.0 / k})


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
    counts = np.empty((min(batch, replicates), n))
    for start in range(0, replicates, batch):
        m = min(batch, replicates - start)
        # m resamples of n cluster indices, drawn and counted one resample at a time (the same draws, in
        # the same order, as one (m, n) draw; a resample's indices stay in cache)
        for r in range(m):
            counts[r] = np.bincount(rng.integers(0, n, size=n), minlength=n)
        out[start:start + m] = (counts[:m] @ by_brand) / (counts[:m] @ total)[:, None]
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
    return cluster_wald_tests(rows, brand, [value])[0]


def cluster_groups(rows: pd.DataFrame) -> np.ndarray:
    """The integer cluster codes (order of first appearance) the cluster-robust covariance groups by."""
    return pd.factorize(rows["cluster"])[0]


def cluster_wald_tests(rows: pd.DataFrame, brand: str, values, groups: np.ndarray | None = None
                       ) -> list[tuple[float, float]]:
    """:func:`cluster_wald_test` of ``brand`` against each of ``values`` from one fit (the fit does not
    depend on the null value). ``groups``: :func:`cluster_groups` of ``rows``, when already at hand."""
    y = (rows["brand"] == brand).to_numpy(dtype=float)
    if y.min() == y.max():  # no variation: the share is 0 or 1 exactly
        return [((np.inf if y[0] != v else 0.0), (0.0 if y[0] != v else 1.0)) for v in values]
    if groups is None:
        groups = cluster_groups(rows)
    fit = sm.WLS(y, np.ones((len(y), 1)), weights=rows["weight"].to_numpy()).fit(
        cov_type="cluster", cov_kwds={"groups": groups}, use_t=False)
    out = []
    for value in values:
        test = fit.t_test((np.array([[1.0]]), np.array([value])))
        out.append((float(np.asarray(test.statistic).ravel()[0]), float(np.asarray(test.pvalue).ravel()[0])))
    return out
