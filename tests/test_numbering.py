import sqlite3

import pytest

from frontline import numbering


def test_load_holders_splits_codes_and_blocks(tiny_database):
    h = numbering.load_holders(tiny_database)
    assert set(h.loc[h.prefix == 2135551, "level"]) == {"block"}
    assert set(h.loc[h.prefix == 213555, "level"]) == {"code"}
    assert h.loc[h.prefix == 2135551, "ocn"].item() == "5562"


def test_load_holders_filters_area_codes(tiny_database):
    h = numbering.load_holders(tiny_database, area_codes=[310])
    assert h["prefix"].tolist() == [310444]


def test_effective_blocks_expands_only_whole_codes(tiny_database):
    eff = numbering.effective_blocks(numbering.load_holders(tiny_database))
    prefixes = set(eff["prefix"])
    assert {3104440 + x for x in range(10)} <= prefixes          # whole code expanded to ten blocks
    assert 2135554 not in prefixes                               # pooled code: unassigned block left out
    assert eff.loc[eff.prefix == 3104447, "ocn"].item() == "6006"


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(numbering.NumberingError, match="does not exist"):
        numbering.load_holders(tmp_path / "nope.sqlite")


def test_corrupt_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(numbering.NumberingError, match="not a readable SQLite"):
        numbering.load_holders(bad)


def test_database_without_expected_columns(tmp_path):
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE numbers (npanxxy int, company text)")
    con.commit()
    con.close()
    with pytest.raises(numbering.NumberingError, match="lacks column"):
        numbering.load_holders(path)


def test_shipped_database_has_metropcs_blocks_in_los_angeles():
    h = numbering.load_holders(numbering.default_database(), area_codes=[213])
    metro = h[(h.level == "block") & h.ocn.isin(["5562", "899D"])]
    assert len(metro) > 10


def test_resolve_holders_prefers_the_block_holder(tiny_database):
    from frontline import attribute

    res = attribute.resolve_holders([2135551, 2135554, 3104447, 9999999], numbering.load_holders(tiny_database))
    assert res["method"].tolist() == ["block", "code", "code", "unattributed"]
    assert res["ocn"].tolist() == ["5562", "9740", "6006", ""]


def test_user_database_path_is_read_like_the_shipped_one(tiny_database):
    version = numbering.database_version(tiny_database)
    assert version["rows"] == 6 and version["bytes"] == tiny_database.stat().st_size
