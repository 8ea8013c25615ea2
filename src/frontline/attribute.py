"""Carrier attribution: the holder of each number's block, else of its code, then its brand."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .carriers import UNATTRIBUTED, brand_for

ATTRIBUTED_COLUMNS = ["number_hash", "block", "npa", "in_region", "ocn", "company", "ocn_type", "brand",
                      "method", "n_ads", "first_seen", "last_seen"]


def summarise_numbers(ad_numbers: pd.DataFrame) -> pd.DataFrame:
    """One row per unique number hash: block, ad count, first and last seen."""
    df = ad_numbers.drop_duplicates(["ad_id", "number_hash"])
    g = df.groupby("number_hash", sort=True)
    out = g.agg(block=("block", "first"), n_ads=("ad_id", "nunique"),
                first_seen=("posted_at", "min"), last_seen=("posted_at", "max")).reset_index()
    return out


def attribute_blocks(numbers: pd.DataFrame, holders: pd.DataFrame, carriers: pd.DataFrame,
                     area_codes: list[int]) -> pd.DataFrame:
    """Attribute each number: block holder (NPA-NXX-X) first, else code holder (NPA-NXX).

    ``numbers`` needs ``number_hash`` and ``block`` (7-digit string). Returns ``ATTRIBUTED_COLUMNS``.
    """
    df = numbers.copy()
    block_int = df["block"].astype("int64")
    blocks = holders[holders["level"] == "block"].set_index("prefix")
    codes = holders[holders["level"] == "code"].set_index("prefix")
    by_block = blocks.reindex(block_int.to_numpy())
    by_code = codes.reindex((block_int // 10).to_numpy())
    has_block = by_block["ocn"].notna().to_numpy()
    has_code = by_code["ocn"].notna().to_numpy()
    for col in ("ocn", "company", "ocn_type"):
        df[col] = np.where(has_block, by_block[col].to_numpy(), by_code[col].to_numpy())
    df["method"] = "unattributed"
    df.loc[has_code & ~has_block, "method"] = "code"
    df.loc[has_block, "method"] = "block"
    df["npa"] = (block_int // 10_000).astype("int64")
    df["in_region"] = df["npa"].isin([int(a) for a in area_codes])
    attributed = df["method"] != "unattributed"
    df["brand"] = UNATTRIBUTED
    df.loc[attributed, "brand"] = brand_for(df.loc[attributed, "ocn"].astype(str),
                                            df.loc[attributed, "ocn_type"].astype(str), carriers)
    for col in ("ocn", "company", "ocn_type"):
        df[col] = df[col].fillna("")
    columns = [c for c in ATTRIBUTED_COLUMNS if c in df.columns]  # ad counts and dates when given
    return df[columns].sort_values("number_hash").reset_index(drop=True)


def coverage(attributed: pd.DataFrame) -> pd.DataFrame:
    """Share of unique numbers decided by each method, and share out of region."""
    n = len(attributed)
    rows = []
    for method in ("cache", "block", "code", "unattributed"):
        k = int((attributed["method"] == method).sum())
        rows.append({"measure": f"method:{method}", "numbers": k, "share": k / n if n else 0.0})
    k = int((~attributed["in_region"]).sum())
    rows.append({"measure": "out_of_region", "numbers": k, "share": k / n if n else 0.0})
    return pd.DataFrame(rows)
