"""The statistical figures draw what they claim and save PNG and SVG."""
import pandas as pd

from frontline import figures, figures_stats, porting, power


def _tests():
    return pd.DataFrame({"unit": "numbers", "baseline": ["a", "a", "b"], "brand": ["MetroPCS", "AT&T", "MetroPCS"],
                         "identifiable": True, "ratio": [6.0, 0.5, 2.0], "ratio_low": [5.0, 0.4, 1.6],
                         "ratio_high": [7.0, 0.6, 2.4]})


def test_forest_marks_parity_and_the_claimed_multiple(tmp_path):
    fig = figures_stats.plot_forest(_tests(), "MetroPCS", 5.0, "Test", published_ratio=5.59)
    xs = sorted(line.get_xdata()[0] for line in fig.axes[0].lines if len(set(line.get_xdata())) == 1
                and line.get_linestyle() in ("-", "--"))
    assert 1.0 in xs and 5.0 in xs
    figures.save(fig, tmp_path / "f.png", tmp_path / "f.svg")
    assert (tmp_path / "f.png").stat().st_size > 0 and (tmp_path / "f.svg").stat().st_size > 0


def test_power_porting_and_calibration_figures_render(tmp_path):
    curve = power.power_curve(0.19, {"a": 0.034}, [10, 100, 1000], 0.05, 5.0)
    figures.save(figures_stats.plot_power(curve, 100, 0.8, "T"), tmp_path / "p.png")
    grid = porting.porting_grid(0.19, 0.17, 0.21, {"a": 0.034}, [0.0, 0.1, 0.2, 0.3], 5.0)
    figures.save(figures_stats.plot_porting(grid, 5.0, "T"), tmp_path / "g.png")
    cov = pd.DataFrame({"brand": ["A", "A"], "method": ["wilson", "clopper-pearson"], "coverage": [0.95, 0.97],
                        "coverage_mcse": [0.01, 0.01]})
    figures.save(figures_stats.plot_calibration(cov, 0.95, "T"), tmp_path / "c.png")
    assert all((tmp_path / n).stat().st_size > 0 for n in ("p.png", "g.png", "c.png"))
