# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 1. The claim and the data
#
# In November 2012 a USC Annenberg report on technology and trafficking was summarised in the press as:
# *19 percent of all phone numbers used on a Los Angeles adult online classified site were registered to
# MetroPCS ... more than five times MetroPCS's national market share of 3.4 percent.*
#
# The report gives no sample size, no description of how numbers were found or looked up, and no test.
# This notebook series rebuilds that analysis step by step with the `frontline` library. Each notebook
# explains one step, shows the data at that step, and calls the library (it never re-implements it).
#
# **Where the data come from.** The original ads are gone, and real ads are sensitive, so we work on a
# *simulated* corpus: ads written from neutral templates, with phone numbers drawn from real numbering
# blocks that each carrier held, and a *planted truth* we can check every later step against.
#
# This notebook builds a small corpus itself, in a few seconds. The full default corpus is produced by
# `make reproduce` (rule `simulate_ads`, file `data/simulated/los_angeles/ads.parquet`).

# %%
from pathlib import Path

import pandas as pd
import yaml

from frontline import carriers, numbering, simulate

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
config = yaml.safe_load((ROOT / "config" / "config.yaml").read_text())
la = config["regions"]["los_angeles"]
print("area codes:", la["area_codes"])
print("planted carrier mix:", la["ads"]["simulate"]["carrier_mix"])

# %% [markdown]
# ## Numbering blocks: where simulated numbers come from
#
# Every US number belongs to a 10,000-number *code* (NPA-NXX) and, where numbers are pooled, to a
# 1,000-number *thousands-block* (NPA-NXX-X). The numbering database names the company (by its OCN) that
# holds each block. The simulator draws each MetroPCS number from a block that MetroPCS holds in Los
# Angeles' area codes, and so on for every carrier.

# %%
holders = numbering.load_holders(numbering.default_database())
table = carriers.load_carriers(ROOT / "data" / "reference" / "carriers.csv")
blocks = simulate.candidate_blocks(numbering.effective_blocks(holders), table)
region_blocks, elsewhere = simulate.split_blocks(blocks, la["area_codes"])  # elsewhere: US blocks only
region_blocks.groupby("brand").size().sort_values(ascending=False).rename("blocks in LA area codes")

# %% [markdown]
# ## A small simulated corpus
#
# We simulate a small sample with the default Los Angeles settings but fewer ads.

# %%
cfg = dict(la["ads"]["simulate"], n_ads=2000)
spec = simulate.spec_from_config("los_angeles", cfg, seed=config["seed"])
ads, truth = simulate.simulate_ads(spec, region_blocks, elsewhere)
print(len(ads), "ads;", truth["number"].nunique(), "unique numbers;", truth["poster_id"].nunique(), "posters")
ads.head()

# %% [markdown]
# What does one ad look like? (The wording is deliberately neutral. The numbers are random numbers inside
# real carrier blocks: they may belong to real people, so never dial them.)

# %%
print(ads.iloc[0]["title"])
print(ads.iloc[0]["body"])

# %% [markdown]
# ## Posters and reposting
#
# Ads are reposted many times with the same number, so counting *ads* and counting *unique numbers* give
# different shares. The report counted numbers. The distribution of ads per number is heavy-tailed: a few
# numbers account for many ads.

# %%
ads_per_number = truth.groupby("number")["ad_id"].nunique()
ads_per_number.describe()

# %%
ax = ads_per_number.plot.hist(bins=30, log=True)
ax.set_xlabel("ads per number")
ax.set_ylabel("numbers (log scale)");

# %% [markdown]
# ## The planted truth
#
# Because we planted the carrier of every number, we know the answer the pipeline should recover:

# %%
pd.Series(simulate.planted_summary(truth)["brand_shares"]).sort_values(ascending=False).map("{:.1%}".format)

# %% [markdown]
# **Next:** notebook 2 finds the numbers in the ad text, where posters disguise them.
