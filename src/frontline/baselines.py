"""Baselines: what share of numbers each brand would hold if the ads were a random draw of subscribers.

Three kinds, each kept with its source so the analysis can show how the answer depends on the choice:

- ``published``: MetroPCS 3.4%, as the report states it (a figure no public subscriber source gives;
  it equals MetroPCS's 2012 average monthly churn).
- ``national_subscribers``: Q2 2012 subscriber counts of the top carriers, turned into shares.
- ``regional_numbering``: each brand's share of the wireless thousands-blocks held in a region's area
  codes (computed here from the numbering data). Numbering inventory is not subscribers: a *proxy*.

Users can add their own tables (same columns as ``data/reference/baselines.csv``) per region.
"""

from __future__ import annotations

import os

import pandas as pd

from . import carriers as carriers_mod
from .numbering import effective_blocks

#: Columns of a baseline table (``data/reference/baselines.csv`` and user tables).
BASELINE_COLUMNS = ["baseline", "brand", "share", "subscribers_millions", "as_of", "kind", "source", "note"]
#: Name of the baseline the workflow computes from the numbering data.
REGIONAL_NUMBERING = "regional_numbering"
#: OCN categories of wireless holders (NANPA's OCN types).
WIRELESS_TYPES = {"PCS", "WIRELESS", "W RESELLER"}


def read_table(path: str | os.PathLike) -> pd.DataFrame:
    """Read and check a baseline table: every row needs a baseline name, brand, source, and a share in
    [0, 1] or a positive subscriber count. Errors name the file, row and field."""
    df = pd.read_csv(path, dtype={"baseline": str, "brand": str, "source": str}, keep_default_na=True)
    missing = {"baseline", "brand", "source"} - set(df.columns)
    if "share" not in df.columns and "subscribers_millions" not in df.columns:
        missing |= {"share or subscribers_millions"}
    if missing:
        raise ValueError(f"{path}: missing column(s) {sorted(missing)}")
    for col in BASELINE_COLUMNS:
        if col not in df.columns:
            df[col] = pd.NA
    for i, row in df.iterrows():
        where = f"{path}: row {i + 2}"
        for col in ("baseline", "brand", "source"):
            if pd.isna(row[col]) or not str(row[col]).strip():
                raise ValueError(f"{where}, field '{col}' is empty")
        share, subs = row["share"], row["subscribers_millions"]
        if pd.isna(share) and pd.isna(subs):
            raise ValueError(f"{where}, fields 'share' and 'subscribers_millions' are both empty")
        if not pd.isna(share) and not 0 <= float(share) <= 1:
            raise ValueError(f"{where}, field 'share' = {share} is not in [0, 1]")
        if not pd.isna(subs) and not float(subs) > 0:
            raise ValueError(f"{where}, field 'subscribers_millions' = {subs} is not positive")
    dup = df[df.duplicated(["baseline", "brand"], keep=False)]
    if len(dup):
        raise ValueError(f"{path}: baseline {dup['baseline'].iloc[0]!r} lists brand {dup['brand'].iloc[0]!r} "
                         f"more than once (rows {', '.join(str(i + 2) for i in dup.index)})")
    return df[BASELINE_COLUMNS]


def numbering_baseline(holders: pd.DataFrame, carriers: pd.DataFrame, area_codes: list[int],
                       source: str = "nanpa-lookup 1.0.1 database (NANPA 2022 snapshot)") -> pd.DataFrame:
    """Each brand's share of the wireless thousands-blocks held in the given area codes.

    Blocks are the 7-digit prefixes of :func:`frontline.numbering.effective_blocks` (assigned blocks of
    pooled codes, all ten blocks of a code held whole). A block is wireless when its OCN maps to a named
    brand in ``carriers`` or its OCN type is a wireless type; other wireless holders form
    "Other wireless". Returns a baseline table (``BASELINE_COLUMNS`` plus ``blocks``).
    """
    npas = {int(a) for a in area_codes}
    blocks = effective_blocks(holders)
    blocks = blocks[(blocks["prefix"] // 10_000).isin(npas)]
    brand = carriers_mod.brand_for(blocks["ocn"], blocks["ocn_type"], carriers)
    named = set(carriers_mod.wireless_brands(carriers))
    wireless = brand.isin(named) | blocks["ocn_type"].isin(WIRELESS_TYPES)
    counts = brand[wireless].value_counts().sort_index()
    if counts.sum() == 0:
        raise ValueError(f"no wireless blocks in area codes {sorted(npas)}: cannot build a regional baseline")
    area = ", ".join(str(a) for a in sorted(npas))
    return pd.DataFrame({
        "baseline": REGIONAL_NUMBERING,
        "brand": counts.index,
        "share": (counts / counts.sum()).to_numpy(),
        "subscribers_millions": pd.NA,
        "as_of": "2022 snapshot",
        "kind": "numbering_proxy",
        "source": source,
        "note": f"proxy, not subscribers: share of wireless thousands-blocks in area codes {area}",
        "blocks": counts.to_numpy().astype(int),
    })


def select(tables: list[pd.DataFrame], names: list[str], region: str) -> pd.DataFrame:
    """Rows of the named baselines from the given tables; an unknown or doubly defined name is an error."""
    table = pd.concat([t for t in tables if len(t)], ignore_index=True)
    known = set(table["baseline"])
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"region {region!r}: baseline(s) {unknown} are not defined; known: {sorted(known)}")
    out = table[table["baseline"].isin(names)]
    dup = out[out.duplicated(["baseline", "brand"], keep=False)]
    if len(dup):
        raise ValueError(f"region {region!r}: baseline {dup['baseline'].iloc[0]!r} is defined in more than one table")
    return out.reset_index(drop=True)


def load_selected(reference: str | os.PathLike, regional: str | os.PathLike | None, user_tables: list,
                  names: list[str], region: str) -> pd.DataFrame:
    """The region's chosen baselines as (baseline, brand, share, kind, source) from the reference
    table, the computed regional numbering table and the user's tables."""
    from .compare import baseline_shares

    tables = [read_table(reference)]
    if regional is not None:
        tables.append(read_table(regional))
    tables += [read_table(p) for p in user_tables]
    return baseline_shares(select(tables, names, region))


def focus_shares(baselines: pd.DataFrame, focus: str) -> dict[str, float]:
    """{baseline: share of the focus brand} for the baselines that list it."""
    f = baselines[baselines["brand"] == focus]
    return {r.baseline: float(r.share) for r in f.itertuples()}
