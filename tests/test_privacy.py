import os

import pandas as pd
import pytest

from frontline import privacy


def test_hash_is_keyed_and_stable():
    a = privacy.hash_number("+12135551234", b"k" * 32)
    assert a == privacy.hash_number("+12135551234", b"k" * 32)
    assert a != privacy.hash_number("+12135551234", b"j" * 32)
    assert len(a) == 64 and "2135551234" not in a


def test_block_of():
    assert privacy.block_of("+12135551234") == "2135551"
    with pytest.raises(ValueError):
        privacy.block_of("2135551234")


def test_key_from_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("FL_KEY", "x" * 20)
    assert privacy.load_key("FL_KEY", tmp_path / "key") == b"x" * 20
    assert not (tmp_path / "key").exists()


def test_short_key_is_refused(monkeypatch, tmp_path):
    monkeypatch.setenv("FL_KEY", "short")
    with pytest.raises(privacy.KeyError_, match="at least"):
        privacy.load_key("FL_KEY", tmp_path / "key")


def test_key_file_is_created_private_and_reused(tmp_path, monkeypatch):
    monkeypatch.delenv("FL_KEY", raising=False)
    path = tmp_path / "secrets" / "key"
    k1 = privacy.load_key("FL_KEY", path)
    assert (path.stat().st_mode & 0o777) == 0o600
    assert privacy.load_key("FL_KEY", path) == k1


def test_key_file_inside_results_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv("FL_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(privacy.KeyError_, match="results"):
        privacy.load_key("FL_KEY", "results/key")


def test_pseudonymise_drops_raw_numbers():
    found = pd.DataFrame({"ad_id": ["a1"], "number": ["+12135551234"], "field": ["body"], "start": [3],
                          "end": [15], "kinds": [""]})
    ads = pd.DataFrame({"ad_id": ["a1"], "site": ["s"], "posted_at": ["2012-05-01T00:00:00"]})
    out = privacy.pseudonymise(found, b"k" * 32, ads)
    assert "number" not in out.columns
    assert out["block"].item() == "2135551"
    assert not out.astype(str).apply(lambda c: c.str.contains("5551234")).any().any()
