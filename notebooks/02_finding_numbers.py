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
# # 2. Finding numbers in ads
#
# Posters disguise phone numbers so that filters miss them: "three1zero", "2l3", fullwidth ２１３, emoji
# between digits, numbers split by words. An extractor that misses disguised numbers under-counts the
# carriers whose users disguise more, so extraction recall bounds everything downstream.
#
# `frontline.extract.find_numbers` normalises text (with a map back to the original offsets), reads
# number words and lookalike letters only where digits are already present, checks the structure of a
# North American number, and filters prices, ages, dates and other distractors. We compare it with the
# general-purpose matcher of the `phonenumbers` library. (The examples below use numbers reserved for
# fiction, 555-01xx.)

# %%
from frontline import extract

examples = [
    "Call 213-555-0147 anytime",
    "text me two one three five five five zero one four seven",
    "２１３.５５５.０１４７ new in town",
    "2l3 555 O147",
    "213 📞 555 📞 0147",
    "rates 150/250, 24/7, 5'6\", call 213 five five five 0147",
]
for text in examples:
    ours = [f.number for f in extract.find_numbers(text)]
    base = [f.number for f in extract.matcher_numbers(text)]
    print(f"{text!r}\n   frontline: {ours}\n   phonenumbers: {base}")

# %% [markdown]
# ## Offsets point into the original text
#
# Every number found carries the start and end of its span in the *original* text, and the kinds of
# disguise it needed, so a reviewer can see exactly what was read.

# %%
text = "New here. Call two1three-555-O147 or 310.555.0199"
for f in extract.find_numbers(text):
    print(f.number, repr(text[f.start:f.end]), f.kinds)

# %% [markdown]
# ## Measured on a simulated sample
#
# On simulated ads we know every planted number, so we can measure recall for each way of disguising a
# number. The full evaluation runs in the workflow (rule `evaluate_extraction`, file
# `results/los_angeles/extraction_eval.csv`); here we compute a small version directly.

# %%
from pathlib import Path

import pandas as pd
import yaml

from frontline import carriers, numbering, simulate

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
config = yaml.safe_load((ROOT / "config" / "config.yaml").read_text())
la = config["regions"]["los_angeles"]
holders = numbering.load_holders(numbering.default_database())
table = carriers.load_carriers(ROOT / "data" / "reference" / "carriers.csv")
blocks = simulate.candidate_blocks(numbering.effective_blocks(holders), table)
region_blocks, elsewhere = simulate.split_blocks(blocks, la["area_codes"])
spec = simulate.spec_from_config("los_angeles", dict(la["ads"]["simulate"], n_ads=600), seed=1)
ads, truth = simulate.simulate_ads(spec, region_blocks, elsewhere)

found = extract.extract_ads(ads)
# Toll-free and international numbers are planted as noise (target False): the extractor reports them
# but does not count them, so recall is measured on the target numbers only.
targets = truth[truth["target"]]
hit = targets.merge(found[["ad_id", "number"]].drop_duplicates(), on=["ad_id", "number"], how="left", indicator=True)
hit["found"] = hit["_merge"] == "both"
hit.groupby("pattern")["found"].agg(["size", "mean"]).rename(columns={"size": "occurrences", "mean": "recall"}) \
    .sort_values("recall")

# %% [markdown]
# **Where it fails.** Look at the occurrences the extractor missed: they show which disguises remain hard.

# %%
missed = hit[~hit["found"]]
bodies = ads.set_index("ad_id")
for row in missed.head(5).itertuples():
    field_text = bodies.at[row.ad_id, row.field]
    print(row.pattern, repr(field_text[max(0, row.start - 20):row.end + 20]))

# %% [markdown]
# **Next:** notebook 3 asks who holds each number.
