"""OCN → brand, unmapped OCN groups, line types, and carrier names from a lookup service → brand."""
from pathlib import Path

import pandas as pd
import pytest

from frontline import carriers

ROOT = Path(__file__).resolve().parents[1]




def test_shipped_table_maps_the_big_carriers(table):
    brand = dict(zip(table["ocn"], table["brand"]))
    assert brand["5562"] == brand["899D"] == "MetroPCS"
    assert brand["6529"] == brand["6622"] == "T-Mobile"
    assert brand["6010"] == brand["4036"] == "AT&T"
    assert brand["6006"] == "Verizon" and brand["6664"] == "Sprint" and brand["6349"] == "U.S. Cellular"
    assert table.loc[table.brand == "MetroPCS", "prepaid_only_2012"].all()
    assert not table.loc[table.brand == "Verizon", "prepaid_only_2012"].any()
    assert (table["source"].str.len() > 20).all()


def test_mapped_ocn_wins_and_unmapped_ocns_fall_into_groups_by_type(table):
    ocn = pd.Series(["5562", "9999", "9998", "9997", "9996", "9995", "9994"])
    types = pd.Series(["PCS", "WIRELESS", "CLEC", "IPES", "RBOC", "ICO", "GENERAL"])
    assert carriers.brand_for(ocn, types, table).tolist() == [
        "MetroPCS", "Other wireless", "CLEC/VoIP", "CLEC/VoIP", "Landline", "Landline", "Unknown type"]


def test_line_type_follows_the_ocn_type():
    got = carriers.line_type_for(pd.Series(["PCS", "WIRELESS", "RBOC", "IPES", "CLEC", "", "UNKNOWN"])).tolist()
    assert got == ["mobile", "mobile", "landline", "voip", "clec", "unknown", "unknown"]


@pytest.mark.parametrize("name, line_type, ocn, brand", [
    ("MetroPCS Communications, Inc.", "mobile", "", "MetroPCS"),
    ("T-Mobile USA, Inc. (MetroPCS)", "mobile", "", "MetroPCS"),
    ("T-Mobile USA, Inc.", "mobile", "", "T-Mobile"),
    ("AT&T Wireless", "mobile", "", "AT&T"),
    ("New Cingular Wireless PCS, LLC", "mobile", "", "AT&T"),
    ("Verizon Wireless", "mobile", "", "Verizon"),
    ("Sprint Spectrum, L.P.", "mobile", "", "Sprint"),
    ("Cricket Wireless", "mobile", "", "Cricket"),
    ("US Cellular", "mobile", "", "U.S. Cellular"),
    ("Pat&Terry Rural Wireless", "mobile", "", "Other wireless"),
    ("Somebody's VoIP", "voip", "", "CLEC/VoIP"),
    ("Local Exchange Co", "landline", "", "Landline"),
    ("Unrecognised Name", "mobile", "6664", "Sprint"),     # an OCN the service gave wins over the name
])
def test_carrier_names_from_a_lookup_service_map_to_brands(table, names, name, line_type, ocn, brand):
    got = carriers.brand_for_carrier_name(pd.Series([name]), pd.Series([line_type]), pd.Series([ocn]), table, names)
    assert got.item() == brand


def test_carrier_name_table_rejects_a_bad_pattern(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("pattern,brand,source\n(metro,MetroPCS,s\n")
    with pytest.raises(ValueError, match="row 2, field 'pattern'"):
        carriers.load_carrier_names(path)


def test_carriers_table_names_the_empty_field(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("ocn,company,brand,prepaid_only_2012,source\n5562,M,MetroPCS,true,\n")
    with pytest.raises(ValueError, match="row 2, field 'source' is empty"):
        carriers.load_carriers(path)
