"""From an OCN to a brand.

``data/reference/carriers.csv`` maps each known OCN to its company and brand (MetroPCS, T-Mobile,
AT&T, Verizon, Sprint, U.S. Cellular, ...), with the 2012 prepaid-only flag and a source. OCNs not in
the table fall into explicit groups by their OCN type, never silently into "other".
"""

from __future__ import annotations

import os

import pandas as pd

#: Group for an OCN that is not in carriers.csv, by its NANPA OCN category.
TYPE_GROUPS = {
    "PCS": "Other wireless",
    "WIRELESS": "Other wireless",
    "W RESELLER": "Other wireless",
    "CLEC": "CLEC/VoIP",
    "IPES": "CLEC/VoIP",
    "ULEC": "CLEC/VoIP",
    "CAP": "CLEC/VoIP",
    "RBOC": "Landline",
    "ICO": "Landline",
    "L RESELLER": "Landline",
}
UNKNOWN_TYPE_GROUP = "Unknown type"
UNATTRIBUTED = "Unattributed"

#: The groups a number's OCN type puts it in (for line type reporting).
LINE_TYPES = {"Other wireless": "wireless", "CLEC/VoIP": "clec_voip", "Landline": "landline"}

CARRIER_COLUMNS = ["ocn", "company", "brand", "prepaid_only_2012", "source"]


def load_carriers(path: str | os.PathLike) -> pd.DataFrame:
    """Read and check the OCN → brand table."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = set(CARRIER_COLUMNS) - set(df.columns)
    if missing:
        raise ValueError(f"{path}: missing column(s) {sorted(missing)}")
    for i, row in df.iterrows():
        for col in ("ocn", "brand", "source"):
            if not row[col].strip():
                raise ValueError(f"{path}: row {i + 2}, field '{col}' is empty")
    dup = df[df["ocn"].duplicated(keep=False)]
    if len(dup):
        raise ValueError(f"{path}: OCN {dup['ocn'].iloc[0]} is listed more than once (rows "
                         f"{', '.join(str(i + 2) for i in dup.index)})")
    df["prepaid_only_2012"] = df["prepaid_only_2012"].str.lower().map({"true": True, "false": False})
    return df


def brand_for(ocn: pd.Series, ocn_type: pd.Series, carriers: pd.DataFrame) -> pd.Series:
    """Brand of each (OCN, OCN type): the mapped brand, else the group of the OCN type."""
    mapping = dict(zip(carriers["ocn"], carriers["brand"]))
    brand = ocn.map(mapping)
    group = ocn_type.map(TYPE_GROUPS).fillna(UNKNOWN_TYPE_GROUP)
    return brand.fillna(group)


def wireless_brands(carriers: pd.DataFrame) -> list[str]:
    """Named brands in the carriers table, in table order."""
    return list(dict.fromkeys(carriers["brand"]))
