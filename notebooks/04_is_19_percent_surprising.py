# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 4. Is 19% surprising?
#
# A share means little without its sample size and without the baseline it is compared with. The report
# gives neither the number of phone numbers nor a test. Here we compute, for a share like the report's,
# the interval, the test against each baseline, and the power a study of a given size would have had.
#
# ## Baselines
#
# * **published** — MetroPCS's 3.4% national share, as the report states it (the same figure as MetroPCS's
#   2012 average monthly churn);
# * **national subscribers** — Q2 2012 subscriber counts of the largest carriers (Strategy Analytics via
#   FierceWireless), giving MetroPCS under 3%.

# %%
from pathlib import Path

import pandas as pd

from frontline import compare

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
baselines = compare.baseline_shares(pd.read_csv(ROOT / "data" / "reference" / "baselines.csv"))
baselines[baselines["brand"] == "MetroPCS"]

# %% [markdown]
# ## One share, several sample sizes
#
# Suppose 19% of the numbers were MetroPCS numbers. How sure can we be, and how does that depend on how
# many numbers were seen? We build the attributed table for a few sample sizes and let the library
# compute Wilson intervals and exact binomial tests.

# %%
rows = []
for n in (50, 100, 300, 1000, 3000):
    k = round(0.19 * n)
    attributed = pd.DataFrame({"number_hash": range(n), "brand": ["MetroPCS"] * k + ["Other"] * (n - k)})
    shares = compare.brand_shares(attributed)
    tests = compare.binomial_tests(shares, baselines[baselines["brand"] == "MetroPCS"])
    for t in tests.itertuples():
        rows.append({"numbers": n, "baseline": t.baseline, "share": t.observed, "ratio": t.ratio,
                     "ratio_low": t.ratio_low, "ratio_high": t.ratio_high, "p_value": t.p_value})
pd.DataFrame(rows)

# %% [markdown]
# With a few dozen numbers the interval on the ratio is wide; "more than five times" is only meaningful
# once the interval on the ratio excludes five — which needs far more numbers than the interval that
# merely excludes one.
#
# ## Why the baseline changes the ratio
#
# The same observed share gives a different ratio against each baseline:

# %%
for t in baselines[baselines["brand"] == "MetroPCS"].itertuples():
    print(f"{t.baseline:>22}: baseline {t.share:.1%}, ratio {0.19 / t.share:.2f}")

# %% [markdown]
# A national baseline may also be the wrong comparison for a regional carrier like MetroPCS, whose
# customers were concentrated in a few metros such as Los Angeles: the paper adds a regional numbering
# baseline (MetroPCS's share of the wireless blocks in the region's area codes), labelled as a proxy.
#
# The full analysis — every brand, every baseline, three units of analysis, power curves, porting and
# calibration — runs in the workflow (rule `compare_shares`; `results/los_angeles/tests.csv`).
#
# **Next:** notebook 5 reruns the study yourself with a changed configuration.
