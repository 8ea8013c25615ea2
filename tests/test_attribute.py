import pandas as pd

from frontline import attribute, carriers, numbering
from frontline.io import read_parquet  # noqa: F401  (kept for symmetry with scripts)


def _carriers(tmp_path):
    path = tmp_path / "carriers.csv"
    path.write_text("ocn,company,brand,prepaid_only_2012,source\n5562,METROPCS,MetroPCS,true,test\n"
                    "6529,T-MOBILE,T-Mobile,false,test\n6006,VERIZON,Verizon,false,test\n")
    return carriers.load_carriers(path)


def test_block_holder_wins_over_code_holder(tiny_database, tmp_path):
    holders = numbering.load_holders(tiny_database)
    numbers = pd.DataFrame({"number_hash": ["a", "b", "c", "d", "e", "f"],
                            "block": ["2135551", "2135552", "2135553", "3104447", "2135559", "9999999"]})
    out = attribute.attribute_blocks(numbers, holders, _carriers(tmp_path), area_codes=[213, 310]).set_index("number_hash")
    assert out.loc["a", ["brand", "method"]].tolist() == ["MetroPCS", "block"]
    assert out.loc["b", "brand"] == "T-Mobile"
    assert out.loc["c", ["brand", "ocn_type"]].tolist() == ["CLEC/VoIP", "CLEC"]
    assert out.loc["d", ["brand", "method"]].tolist() == ["Verizon", "code"]
    assert out.loc["e", ["brand", "method"]].tolist() == ["Landline", "code"]   # no block row: code holder
    assert out.loc["f", ["brand", "method"]].tolist() == ["Unattributed", "unattributed"]
    assert out.loc["f", "in_region"] == False  # noqa: E712


def test_unknown_ocn_type_is_an_explicit_group(tiny_database, tmp_path):
    holders = numbering.load_holders(tiny_database)
    numbers = pd.DataFrame({"number_hash": ["x"], "block": ["8185550"]})
    out = attribute.attribute_blocks(numbers, holders, _carriers(tmp_path), area_codes=[818])
    assert out["brand"].item() == carriers.UNKNOWN_TYPE_GROUP


def test_coverage_counts_methods(tiny_database, tmp_path):
    holders = numbering.load_holders(tiny_database)
    numbers = pd.DataFrame({"number_hash": ["a", "d", "f"], "block": ["2135551", "3104447", "9999999"]})
    cov = attribute.coverage(attribute.attribute_blocks(numbers, holders, _carriers(tmp_path), [213])).set_index("measure")
    assert cov.loc["method:block", "numbers"] == 1
    assert cov.loc["method:code", "numbers"] == 1
    assert cov.loc["method:unattributed", "numbers"] == 1
    assert cov.loc["out_of_region", "numbers"] == 2


def test_summarise_numbers_counts_ads_and_dates():
    ad_numbers = pd.DataFrame({"ad_id": ["1", "1", "2", "3"], "number_hash": ["h", "h", "h", "k"],
                               "block": ["2135551"] * 3 + ["2135552"],
                               "posted_at": ["2012-05-02", "2012-05-02", "2012-05-01", "2012-06-01"]})
    s = attribute.summarise_numbers(ad_numbers).set_index("number_hash")
    assert s.loc["h", "n_ads"] == 2
    assert s.loc["h", "first_seen"] == "2012-05-01" and s.loc["h", "last_seen"] == "2012-05-02"


def test_carriers_table_rejects_duplicate_ocn(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("ocn,company,brand,prepaid_only_2012,source\n5562,A,MetroPCS,true,s\n5562,B,X,false,s\n")
    import pytest
    with pytest.raises(ValueError, match="5562 is listed more than once"):
        carriers.load_carriers(path)


def test_shipped_carriers_table_maps_metropcs():
    from pathlib import Path
    table = carriers.load_carriers(Path(__file__).resolve().parents[1] / "data/reference/carriers.csv")
    metro = set(table.loc[table.brand == "MetroPCS", "ocn"])
    assert metro == {"5562", "899D"}
    assert table["source"].str.len().min() > 0
