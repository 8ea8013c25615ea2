import pandas as pd
import pytest

from frontline import io


def test_csv_escapes_formula_cells(tmp_path):
    df = pd.DataFrame({"a": ["=cmd()", "+1", "-2", "@x", "plain"], "n": [1, 2, 3, 4, 5]})
    io.write_csv(df, tmp_path / "x.csv")
    back = pd.read_csv(tmp_path / "x.csv")
    assert back["a"].tolist() == ["'=cmd()", "'+1", "'-2", "'@x", "plain"]


def test_parquet_is_byte_identical_across_writes(tmp_path):
    df = pd.DataFrame({"a": ["x", "y"], "b": [1.5, 2.5]})
    io.write_parquet(df, tmp_path / "1.parquet")
    io.write_parquet(df, tmp_path / "2.parquet")
    assert (tmp_path / "1.parquet").read_bytes() == (tmp_path / "2.parquet").read_bytes()


def test_atomic_write_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "out.txt"
    with pytest.raises(RuntimeError):
        with io.atomic_path(target) as tmp:
            tmp.write_text("partial")
            raise RuntimeError("killed")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
