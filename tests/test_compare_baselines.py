"""Baselines: reading tables, the regional numbering proxy, choosing per region."""
from pathlib import Path

import pandas as pd
import pytest

from frontline import baselines, carriers, numbering

ROOT = Path(__file__).resolve().parents[1]


def test_regional_baseline_counts_wireless_blocks(tiny_database):
    holders = numbering.load_holders(tiny_database)
    table = baselines.numbering_baseline(holders, carriers.load_carriers(ROOT / "data/reference/carriers.csv"),
                                         [213, 310])
    got = table.set_index("brand")["blocks"].to_dict()
    # 310-444 is held whole by Verizon (ten blocks); 213-555 is pooled: MetroPCS and T-Mobile hold one
    # block each, the CLEC block is not wireless and the landline code holder's unassigned blocks don't count.
    assert got == {"MetroPCS": 1, "T-Mobile": 1, "Verizon": 10}
    assert table.set_index("brand").at["MetroPCS", "share"] == pytest.approx(1 / 12)
    assert (table["kind"] == "numbering_proxy").all() and table["note"].str.contains("proxy").all()


def test_regional_baseline_without_wireless_blocks_is_an_error(tiny_database):
    holders = numbering.load_holders(tiny_database)
    with pytest.raises(ValueError, match="no wireless blocks"):
        baselines.numbering_baseline(holders, carriers.load_carriers(ROOT / "data/reference/carriers.csv"), [999])


def test_bad_baseline_row_names_file_row_and_field(tmp_path):
    path = tmp_path / "b.csv"
    pd.DataFrame({"baseline": ["x", "x"], "brand": ["A", "B"], "share": [0.2, 1.4], "source": ["s", "s"]}).to_csv(
        path, index=False)
    with pytest.raises(ValueError, match=r"b.csv: row 3, field 'share'"):
        baselines.read_table(path)


def test_unknown_baseline_name_is_an_error():
    table = baselines.read_table(ROOT / "data/reference/baselines.csv")
    with pytest.raises(ValueError, match="not defined"):
        baselines.select([table], ["published", "nationl"], "los_angeles")


def test_user_table_joins_the_reference(tmp_path):
    path = tmp_path / "mine.csv"
    pd.DataFrame({"baseline": ["mine"], "brand": ["MetroPCS"], "share": [0.05], "source": ["my survey"]}).to_csv(
        path, index=False)
    out = baselines.load_selected(ROOT / "data/reference/baselines.csv", None, [path], ["published", "mine"], "r")
    assert baselines.focus_shares(out, "MetroPCS") == pytest.approx({"published": 0.034, "mine": 0.05})
