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

#: Line type implied by a holder's OCN category (numbering data says nothing finer). CLECs may serve
#: landlines or VoIP, so they stay "clec"; IPES (interconnected VoIP providers) are "voip".
OCN_TYPE_LINE_TYPES = {
    "PCS": "mobile", "WIRELESS": "mobile", "W RESELLER": "mobile",
    "RBOC": "landline", "ICO": "landline", "L RESELLER": "landline",
    "IPES": "voip",
    "CLEC": "clec", "ULEC": "clec", "CAP": "clec",
}
UNKNOWN_LINE_TYPE = "unknown"

#: Group of a cache answer whose carrier name matches no brand, by the line type the service gave.
CACHE_LINE_TYPE_GROUPS = {"mobile": "Other wireless", "voip": "CLEC/VoIP", "landline": "Landline"}

CARRIER_NAME_COLUMNS = ["pattern", "brand", "source"]

CARRIER_COLUMNS = ["ocn", "company", "brand", "prepaid_only_2012", "source"]


def _read_reference_csv(path: str | os.PathLike, columns: list[str], non_empty) -> pd.DataFrame:
    """Read a reference CSV as text; fail naming the file, row and field on a missing column or an
    empty required field."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = set(columns) - set(df.columns)
    if missing:
        raise ValueError(f"{path}: missing column(s) {sorted(missing)}")
    for i, row in df.iterrows():
        for col in non_empty:
            if not row[col].strip():
                raise ValueError(f"{path}: row {i + 2}, field '{col}' is empty")
    return df


def load_carriers(path: str | os.PathLike) -> pd.DataFrame:
    """Read and check the OCN → brand table."""
    df = _read_reference_csv(path, CARRIER_COLUMNS, non_empty=("ocn", "brand", "source"))
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


def line_type_for(ocn_type: pd.Series) -> pd.Series:
    """Line type implied by each OCN category (``mobile``, ``landline``, ``voip``, ``clec``, ``unknown``)."""
    return ocn_type.map(OCN_TYPE_LINE_TYPES).fillna(UNKNOWN_LINE_TYPE)


def load_carrier_names(path: str | os.PathLike) -> pd.DataFrame:
    """Read the table of carrier-name patterns (case-insensitive regular expressions) → brand."""
    import re

    df = _read_reference_csv(path, CARRIER_NAME_COLUMNS, non_empty=CARRIER_NAME_COLUMNS)
    for i, row in df.iterrows():
        try:
            re.compile(row["pattern"])
        except re.error as exc:
            raise ValueError(f"{path}: row {i + 2}, field 'pattern' is not a regular expression: {exc}") from exc
    return df


def brand_for_carrier_name(carrier: pd.Series, line_type: pd.Series, cache_ocn: pd.Series,
                           carriers: pd.DataFrame, names: pd.DataFrame) -> pd.Series:
    """Brand of each lookup-cache answer.

    1. an OCN the service gave that is in the carriers table → that OCN's brand;
    2. else the first pattern in the carrier-name table that matches the name (case-insensitive);
    3. else the group of the line type (mobile → Other wireless, voip → CLEC/VoIP, landline → Landline).
    """
    brand = cache_ocn.map(dict(zip(carriers["ocn"], carriers["brand"]))).astype(object)
    for row in names.itertuples():
        hit = brand.isna() & carrier.str.contains(row.pattern, case=False, regex=True)
        brand[hit] = row.brand
    return brand.fillna(line_type.map(CACHE_LINE_TYPE_GROUPS)).fillna(UNKNOWN_TYPE_GROUP)


def wireless_brands(carriers: pd.DataFrame) -> list[str]:
    """Named brands in the carriers table, in table order."""
    return list(dict.fromkeys(carriers["brand"]))
