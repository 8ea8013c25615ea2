import pandas as pd
import pytest

from frontline import carriers, numbering, simulate

from .conftest import ROOT


@pytest.fixture(scope="module")
def la_blocks():
    holders = numbering.load_holders(numbering.default_database(), area_codes=[213, 310, 323, 818, 415])
    table = carriers.load_carriers(ROOT / "data/reference/carriers.csv")
    blocks = simulate.candidate_blocks(numbering.effective_blocks(holders), table)
    in_region = (blocks["prefix"] // 10_000).isin([213, 310, 323, 818])
    return blocks[in_region], blocks[~in_region]


def _spec(**kw):
    base = dict(region="la", n_ads=3000, start="2012-05-01", end="2012-06-30", sites=["a.example"], seed=3,
                carrier_mix={"MetroPCS": 0.19, "T-Mobile": 0.41, "CLEC/VoIP": 0.4})
    base.update(kw)
    return simulate.SimulationSpec(**base)


def test_simulation_is_deterministic(la_blocks):
    a = simulate.simulate_ads(_spec(), *la_blocks)
    b = simulate.simulate_ads(_spec(), *la_blocks)
    pd.testing.assert_frame_equal(a[0], b[0])
    pd.testing.assert_frame_equal(a[1], b[1])
    assert not a[0].equals(simulate.simulate_ads(_spec(seed=4), *la_blocks)[0])


def test_planted_numbers_sit_at_their_offsets(la_blocks):
    ads, truth = simulate.simulate_ads(_spec(), *la_blocks)
    bodies = ads.set_index("ad_id")["body"]
    for t in truth.head(300).itertuples():
        text = bodies[t.ad_id][t.start:t.end]
        assert "".join(ch for ch in text if ch.isdigit()) == t.number[2:]


def test_planted_shares_match_config_within_sampling_error(la_blocks):
    _, truth = simulate.simulate_ads(_spec(n_ads=12000), *la_blocks)
    shares = simulate.planted_summary(truth)["brand_shares"]
    n = truth["number"].nunique()
    se = (0.19 * 0.81 / n) ** 0.5
    assert abs(shares["MetroPCS"] - 0.19) < 4 * se


def test_numbers_come_from_blocks_of_their_brand(la_blocks):
    region, _ = la_blocks
    _, truth = simulate.simulate_ads(_spec(out_of_region_share=0.0), *la_blocks)
    brand_of = dict(zip(region["prefix"], region["brand"]))
    for t in truth.drop_duplicates("number").itertuples():
        assert brand_of[int(t.number[2:9])] == t.brand


def test_a_brand_without_blocks_is_a_clear_error(la_blocks):
    with pytest.raises(ValueError, match="no numbering blocks held by 'Nobody'"):
        simulate.simulate_ads(_spec(carrier_mix={"Nobody": 1.0}), *la_blocks)
