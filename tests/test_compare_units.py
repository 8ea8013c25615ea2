"""Units of analysis: inferred posters, cluster bootstrap and the cluster-robust test."""
import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from frontline import units


def test_posters_are_connected_components_of_co_listed_numbers():
    ad_numbers = pd.DataFrame({"ad_id": ["a1", "a1", "a2", "a2", "a3", "a4"],
                               "number_hash": ["n1", "n2", "n2", "n3", "n4", "n4"]})
    posters = units.infer_posters(ad_numbers).set_index("number_hash")["poster"]
    assert posters["n1"] == posters["n2"] == posters["n3"]
    assert posters["n4"] != posters["n1"]
    assert posters.nunique() == 2


def _attributed(brands):
    return pd.DataFrame({"number_hash": [f"n{i}" for i in range(len(brands))], "brand": brands})


def test_ad_rows_weight_each_ad_once_and_cluster_by_number():
    att = _attributed(["MetroPCS", "AT&T", "Unattributed"])
    ads = pd.DataFrame({"ad_id": ["a1", "a1", "a2", "a3"], "number_hash": ["n0", "n1", "n0", "n2"]})
    rows = units.unit_rows(att, ads, "ads")
    assert rows["weight"].sum() == pytest.approx(2.0)  # a1 (two numbers) and a2; a3's number is unattributed
    assert set(rows["cluster"]) == {"n0", "n1"}
    by_brand, total = units.cluster_totals(rows)
    assert by_brand.loc["n0", "MetroPCS"] == pytest.approx(1.5)


def test_unknown_unit_is_an_error():
    with pytest.raises(ValueError, match="unit of analysis"):
        units.unit_rows(_attributed(["A"]), pd.DataFrame({"ad_id": ["a"], "number_hash": ["n0"]}), "emails")


def test_bootstrap_of_independent_numbers_agrees_with_wilson():
    rows = pd.DataFrame({"cluster": range(1000), "brand": ["M"] * 300 + ["O"] * 700, "weight": 1.0})
    out = units.clustered_shares(rows, 0.95, replicates=2000, seed=3).set_index("brand")
    lo, hi = proportion_confint(300, 1000, method="wilson")
    assert out.at["M", "share"] == pytest.approx(0.3)
    assert out.at["M", "boot_low"] == pytest.approx(lo, abs=0.006)
    assert out.at["M", "boot_high"] == pytest.approx(hi, abs=0.006)


def test_bootstrap_is_seeded():
    rows = pd.DataFrame({"cluster": range(200), "brand": ["M"] * 50 + ["O"] * 150, "weight": 1.0})
    a = units.clustered_shares(rows, 0.95, 200, seed=5)
    b = units.clustered_shares(rows, 0.95, 200, seed=5)
    pd.testing.assert_frame_equal(a, b)


def test_cluster_wald_test_with_singleton_clusters_is_the_wald_test():
    # One row per cluster: the cluster-robust variance is p(1-p)/n times the small-sample factor n/(n-1).
    rows = pd.DataFrame({"cluster": range(1000), "brand": ["M"] * 300 + ["O"] * 700, "weight": 1.0})
    z, p = units.cluster_wald_test(rows, "M", 0.25)
    ref = (0.3 - 0.25) / np.sqrt(0.3 * 0.7 / 999)
    assert z == pytest.approx(ref, rel=1e-6)
    assert p == pytest.approx(2 * stats.norm.sf(ref), rel=1e-6)


def test_repeating_ads_of_a_number_does_not_shrink_the_cluster_robust_error():
    base = pd.DataFrame({"cluster": range(400), "brand": ["M"] * 100 + ["O"] * 300, "weight": 1.0})
    repeated = base.loc[base.index.repeat(5)].reset_index(drop=True)
    z1, _ = units.cluster_wald_test(base, "M", 0.2)
    z5, _ = units.cluster_wald_test(repeated, "M", 0.2)
    assert z5 == pytest.approx(z1, rel=0.01)  # a naive test on the ad rows would give sqrt(5) times z1


def test_basic_and_bca_intervals_bracket_the_share():
    rows = pd.DataFrame({"cluster": range(400), "brand": ["M"] * 100 + ["O"] * 300, "weight": 1.0})
    for method in ("basic", "BCa"):
        out = units.clustered_shares(rows, 0.95, 400, seed=1, method=method).set_index("brand")
        assert out.at["M", "boot_low"] < 0.25 < out.at["M", "boot_high"]


def test_clustering_widens_the_interval():
    # 50 clusters of 10 identical rows: far less information than 500 independent rows.
    clustered = pd.DataFrame({"cluster": np.repeat(range(50), 10), "brand": ["M"] * 100 + ["O"] * 400,
                              "weight": 1.0})
    independent = clustered.assign(cluster=range(500))
    wide = units.clustered_shares(clustered, 0.95, 1000, seed=2).set_index("brand")
    narrow = units.clustered_shares(independent, 0.95, 1000, seed=2).set_index("brand")
    assert (wide.at["M", "boot_high"] - wide.at["M", "boot_low"]) > 2 * (narrow.at["M", "boot_high"] - narrow.at["M", "boot_low"])


def test_replicates_are_shares_of_resampled_clusters():
    by_brand = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    total = by_brand.sum(axis=1)
    reps = units.cluster_bootstrap_replicates(by_brand, total, 50, np.random.default_rng(0), batch=7)
    assert reps.shape == (50, 2)
    assert np.allclose(reps.sum(axis=1), 1.0)
    assert ((reps >= 0) & (reps <= 1)).all()


# The fast paths give exactly what the direct definitions give -----------------------------------------

def _posters_by_definition(ad_numbers):
    """Components of the ad-number graph over the distinct pairs, numbered in order of their first
    (sorted) number: the definition ``infer_posters`` implements on integer codes."""
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    pairs = ad_numbers[["ad_id", "number_hash"]].drop_duplicates()
    ads, ad_idx = np.unique(pairs["ad_id"].to_numpy(dtype=str), return_inverse=True)
    nums, num_idx = np.unique(pairs["number_hash"].to_numpy(dtype=str), return_inverse=True)
    a = len(ads)
    graph = sparse.coo_matrix((np.ones(len(pairs)), (ad_idx, a + num_idx)), shape=(a + len(nums),) * 2)
    comp = connected_components(graph, directed=False)[1][a:]
    _, first = np.unique(comp, return_index=True)
    order = {c: i for i, c in enumerate(comp[np.sort(first)])}
    return pd.DataFrame({"number_hash": nums, "poster": [order[c] for c in comp]})


def _ad_rows_by_definition(attributed, ad_numbers):
    pool = attributed.loc[attributed["brand"] != "Unattributed", ["number_hash", "brand"]]
    pairs = ad_numbers[["ad_id", "number_hash"]].drop_duplicates().merge(pool, on="number_hash", how="inner")
    k = pairs.groupby("ad_id")["number_hash"].transform("size")
    return pd.DataFrame({"cluster": pairs["number_hash"].to_numpy(), "brand": pairs["brand"].to_numpy(),
                         "weight": 1.0 / k.to_numpy()})


@pytest.mark.parametrize("seed", range(6))
def test_posters_and_ad_rows_on_codes_equal_their_definitions(seed):
    rng = np.random.default_rng(seed)
    n = 400
    ad_numbers = pd.DataFrame({"ad_id": [f"a{i}" for i in rng.integers(0, 150, n)],
                               "number_hash": [f"{i:03x}" for i in rng.integers(0, 120, n)]})
    numbers = sorted(set(ad_numbers["number_hash"])) + ["fff"]  # one number no ad lists
    attributed = pd.DataFrame({"number_hash": numbers,
                               "brand": rng.choice(["MetroPCS", "AT&T", "Unattributed"], len(numbers))})
    pd.testing.assert_frame_equal(units.infer_posters(ad_numbers), _posters_by_definition(ad_numbers))
    pd.testing.assert_frame_equal(units.unit_rows(attributed, ad_numbers, "ads"),
                                  _ad_rows_by_definition(attributed, ad_numbers))
    # a number attributed twice (not one row per number) takes the merge's path, with the same meaning
    doubled = pd.concat([attributed, attributed.head(3)], ignore_index=True)
    pd.testing.assert_frame_equal(units.unit_rows(doubled, ad_numbers, "ads"),
                                  _ad_rows_by_definition(doubled, ad_numbers))
    # the posters unit from posters already inferred is the posters unit
    posters = units.infer_posters(ad_numbers)
    pd.testing.assert_frame_equal(units.unit_rows(attributed, ad_numbers, "posters", posters),
                                  units.unit_rows(attributed, ad_numbers, "posters"))


def _replicates_in_one_draw(by_brand, total, replicates, rng, batch=64):
    """Each batch of resamples drawn as one (m, n) array and counted with one bincount: the definition
    ``cluster_bootstrap_replicates`` draws one resample at a time."""
    n = len(total)
    out = np.empty((replicates, by_brand.shape[1]))
    for start in range(0, replicates, batch):
        m = min(batch, replicates - start)
        idx = rng.integers(0, n, size=(m, n)) + (np.arange(m) * n)[:, None]
        counts = np.bincount(idx.ravel(), minlength=m * n).reshape(m, n).astype(np.float64)
        out[start:start + m] = (counts @ by_brand) / (counts @ total)[:, None]
    return out


@pytest.mark.parametrize("n, replicates, batch", [(1, 5, 64), (7, 50, 7), (101, 130, 64), (1000, 64, 16)])
def test_replicates_drawn_one_resample_at_a_time_are_the_same_numbers(n, replicates, batch):
    rng = np.random.default_rng(n)
    by_brand = rng.random((n, 3)) * (rng.random((n, 3)) < 0.5)
    total = by_brand.sum(axis=1) + 0.5
    got = units.cluster_bootstrap_replicates(by_brand, total, replicates, np.random.default_rng(11), batch=batch)
    want = _replicates_in_one_draw(by_brand, total, replicates, np.random.default_rng(11), batch=batch)
    assert np.array_equal(got, want)


def test_wald_tests_from_one_fit_equal_separate_tests():
    rng = np.random.default_rng(4)
    rows = pd.DataFrame({"cluster": rng.integers(0, 60, 500), "brand": rng.choice(["M", "O", "T"], 500),
                         "weight": rng.random(500) + 0.1})
    values = [0.1, 0.3, 0.3, 0.5]
    assert units.cluster_wald_tests(rows, "M", values) == [units.cluster_wald_test(rows, "M", v) for v in values]
    groups = units.cluster_groups(rows)
    assert groups.tolist() == pd.factorize(rows["cluster"])[0].tolist()
    assert units.cluster_wald_tests(rows, "O", values, groups) == units.cluster_wald_tests(rows, "O", values)
    # no variation: no fit, an infinite statistic unless the null value is the share itself
    constant = rows.assign(brand="M")
    assert units.cluster_wald_tests(constant, "M", [1.0, 0.5]) == [(0.0, 1.0), (np.inf, 0.0)]
