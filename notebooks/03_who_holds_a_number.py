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
# # 3. Who holds a number?
#
# The report says numbers were "registered to MetroPCS" but not how that was decided. There are two honest
# answers:
#
# * the carrier that **holds the number's block** — the company the block was assigned to (offline, free,
#   what this package does by default), and
# * the carrier that **serves the number now** — which needs a porting-aware lookup (online, paid).
#
# They differ whenever a number has been *ported* to another carrier.
#
# ## NANP numbering: codes and blocks
#
# A US number NPA-NXX-XXXX has an area code (NPA), an exchange (NXX) and a line. Numbers are handed to
# carriers as 10,000-number codes (NPA-NXX) and, where pooling applies, as 1,000-number thousands-blocks
# (NPA-NXX-X). Each holder is named by an operating company number (OCN).

# %%
from pathlib import Path

import pandas as pd

from frontline import attribute, carriers, numbering

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
holders = numbering.load_holders(numbering.default_database(), area_codes=[213])
holders.head()

# %% [markdown]
# One code in Los Angeles' 213 area code, with the blocks inside it: the code holder is often a different
# company from the block holders. A lookup that stops at the code would give the wrong carrier for most
# pooled numbers, which is why we look up the **block first** and fall back to the code.

# %%
pooled = holders[holders["level"] == "block"]["prefix"] // 10
code = int(pooled.value_counts().index[0])
holders[(holders["prefix"] == code) | (holders["prefix"] // 10 == code)]

# %% [markdown]
# ## From OCN to brand
#
# `data/reference/carriers.csv` maps OCNs to brands, with a source for each row. OCNs that are not in the
# table fall into explicit groups by their OCN type (other wireless, CLEC/VoIP, landline), never silently
# into "other".

# %%
table = carriers.load_carriers(ROOT / "data" / "reference" / "carriers.csv")
table.groupby("brand")["ocn"].apply(list)

# %% [markdown]
# ## Attributing some numbers
#
# Downstream of extraction only a keyed hash of each number and its 7-digit block prefix travel; the
# block is all attribution needs.

# %%
sample_blocks = holders[holders["level"] == "block"].sample(8, random_state=1)["prefix"].astype(str)
numbers = pd.DataFrame({"number_hash": [f"n{i}" for i in range(len(sample_blocks))], "block": sample_blocks.to_numpy()})
attribute.attribute_blocks(numbers, holders, table, area_codes=[213])

# %% [markdown]
# ## What porting does
#
# When a MetroPCS customer takes the number to another carrier, the number stays in the MetroPCS block:
# block attribution still says MetroPCS. When someone ports *into* MetroPCS, the number stays in the old
# carrier's block. Block attribution therefore measures the *original* carrier. Notebook 4 and the paper's
# robustness section bound how much porting could move the MetroPCS share.
#
# **Next:** notebook 4 asks whether 19% is surprising.
