"""The shared figure style and the figures made in frontline.figures."""
import matplotlib
import pandas as pd
import pytest

from frontline import figures


def _attributed():
    return pd.DataFrame({
        "number_hash": ["a", "b", "c", "d"],
        "brand": ["MetroPCS", "T-Mobile", "MetroPCS", "Verizon"],
        "n_ads": [1, 40, 3, 2],
    })


def _ad_numbers():
    # Two ads in the week of Monday 30 April 2012 (one with a MetroPCS number), one ad with two numbers the
    # week after (one of them MetroPCS), one the week after that.
    return pd.DataFrame({
        "ad_id": ["x1", "x2", "x3", "x3", "x4"],
        "posted_at": ["2012-05-01T10:00:00", "2012-05-06T23:00:00", "2012-05-07T00:30:00",
                      "2012-05-07T00:30:00", "2012-05-15T12:00:00"],
        "number_hash": ["a", "b", "b", "c", "d"],
    })


def test_palette_is_okabe_ito_and_focus_is_distinct():
    assert figures.PALETTE[:4] == ["#0072B2", "#E69F00", "#009E73", "#D55E00"]
    assert figures.FOCUS != figures.OTHER


def test_weekly_ads_counts_each_ad_once_in_its_monday_week():
    weeks = figures.weekly_ads(_ad_numbers(), _attributed(), "MetroPCS")
    assert [str(w.date()) for w in weeks["week"]] == ["2012-04-30", "2012-05-07", "2012-05-14"]
    assert weeks["ads"].tolist() == [2, 1, 1]
    assert weeks["focus_ads"].tolist() == [1, 1, 0]
    # observed from Tuesday 1 May to Tuesday 15 May: six days of the first week, all seven, then two
    assert weeks["days"].tolist() == [6, 7, 2]


def test_ads_per_number_uses_a_log_axis_and_shares(tmp_path):
    fig = figures.plot_ads_per_number(_attributed(), "MetroPCS", "Testville")
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    assert "log scale" in ax.get_xlabel()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["other brands (2 numbers)", "MetroPCS (2 numbers)"]
    figures.save(fig, tmp_path / "a.png", tmp_path / "a.svg")
    assert (tmp_path / "a.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in (tmp_path / "a.svg").read_bytes()


def test_posting_over_time_has_counts_and_share_panels():
    fig = figures.plot_posting_over_time(_ad_numbers(), _attributed(), "MetroPCS", "Testville")
    top, bottom = fig.axes
    assert top.get_ylabel().startswith("ads per day")
    assert "share" in bottom.get_ylabel()
    # the share panel's last step is closed at the end of the last week, so it has one more point
    assert len(bottom.lines[0].get_xdata()) == 4
    matplotlib.pyplot.close(fig)


def test_brand_shares_marks_the_focus_brand_and_the_confidence():
    shares = pd.DataFrame({"brand": ["MetroPCS", "T-Mobile"], "share": [0.2, 0.8], "wilson_low": [0.1, 0.7],
                           "wilson_high": [0.3, 0.9]})
    baselines = pd.DataFrame({"baseline": ["published"], "brand": ["MetroPCS"], "share": [0.034]})
    fig = figures.plot_brand_shares(shares, baselines, "MetroPCS", "Testville", confidence=0.9)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "observed share, 90% interval" in labels and "baseline: published" in labels
    bold = [t.get_text() for t in ax.get_yticklabels() if t.get_fontweight() == "bold"]
    assert bold == ["MetroPCS"]
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize("name", ["brand_shares", "ads_per_number", "posting_over_time"])
def test_same_input_gives_identical_bytes(tmp_path, name):
    def draw():
        if name == "ads_per_number":
            return figures.plot_ads_per_number(_attributed(), "MetroPCS", "T")
        if name == "posting_over_time":
            return figures.plot_posting_over_time(_ad_numbers(), _attributed(), "MetroPCS", "T")
        shares = pd.DataFrame({"brand": ["MetroPCS"], "share": [0.2], "wilson_low": [0.1], "wilson_high": [0.3]})
        return figures.plot_brand_shares(shares, pd.DataFrame(columns=["baseline", "brand", "share"]), "MetroPCS", "T")

    figures.save(draw(), tmp_path / "1.png")
    figures.save(draw(), tmp_path / "2.png")
    assert (tmp_path / "1.png").read_bytes() == (tmp_path / "2.png").read_bytes()
