"""Porting sensitivity: the served share, where conclusions flip."""
import pytest

from frontline import porting


def test_no_porting_leaves_the_share_unchanged():
    assert porting.served_share(0.19, 0.0, 0.0) == pytest.approx(0.19)


def test_served_share_mixes_ported_numbers():
    # 19% block share, 20% of them ported away, 1% of the others ported in: 0.152 + 0.0081.
    assert porting.served_share(0.19, 0.2, 0.01) == pytest.approx(0.19 * 0.8 + 0.81 * 0.01)


def test_impossible_rates_are_rejected():
    with pytest.raises(ValueError, match="porting rates"):
        porting.served_share(0.19, 0.6, 0.5)


def test_break_even_rate_brings_the_lower_bound_to_the_multiple():
    out = porting.break_even_out(0.18, 0.0275, 5.0, in_=0.01)
    assert porting.served_share(0.18, out, 0.01) == pytest.approx(5 * 0.0275)
    assert porting.break_even_out(0.10, 0.034, 5.0) == 0.0  # already below


def test_grid_marks_where_the_claim_is_lost():
    table = porting.porting_grid(0.19, 0.18, 0.20, {"published": 0.034}, [0.0, 0.1, 0.2], 5.0)
    flips = porting.flips(table).set_index("porting_in")
    # 0.18 / 0.034 = 5.29 > 5 with no porting; 0.162 / 0.034 = 4.76 < 5 at 10% porting out.
    assert flips.at[0.0, "exceeds_multiple_lost_at_out"] == pytest.approx(0.1)
    assert table["over_represented"].all()
    assert (table["served_low"] <= table["served_share"]).all()
