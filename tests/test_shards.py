"""Sharded, streaming extraction: any number of shards and any batch size give the one-shot table."""
import logging

import pandas as pd
import pyarrow.parquet as pq
import pytest

from frontline import extract, io, privacy, shards

KEY = b"frontline-test-key-not-secret-0123456789"
NUMBERS = ["+12135550143", "+13105550199", "+18185550123", "+13235550111"]


def _ads(n: int = 23) -> pd.DataFrame:
    """Ads as ingestion writes them (string columns); some have no number, some several."""
    rows = []
    for i in range(n):
        num = NUMBERS[i % len(NUMBERS)]
        local = f"({num[2:5]}) {num[5:8]}-{num[8:]}"
        body = "Quiet place, ask for details." if i % 5 == 0 else f"Call {local} or text {NUMBERS[(i + 1) % 4][2:]}"
        rows.append({"ad_id": f"ad{i:04d}", "site": "classifieds-a.example", "region": "los_angeles",
                     "posted_at": f"2012-05-{1 + i % 28:02d}T10:00:00", "title": f"New {i}" if i % 3 else local,
                     "body": body, "url": f"https://classifieds-a.example/{i}"})
    return pd.DataFrame(rows).astype("string")


def _run_sharded(tmp_path, ads, n_shards, batch_rows):
    src = tmp_path / "ads.parquet"
    io.write_parquet(ads, src)
    ad_shards = shards.shard_paths(str(tmp_path / "{shard}.ads.parquet"), n_shards)
    shards.split_ads(src, ad_shards, batch_rows=batch_rows)
    number_shards = []
    for path in ad_shards:
        out = path.replace(".ads.", ".numbers.")
        io.write_parquet(shards.extract_shard(path, KEY, batch_rows=batch_rows), out)
        number_shards.append(out)
    gathered = tmp_path / "ad_numbers.parquet"
    io.write_parquet(shards.gather_numbers(number_shards), gathered)
    return ad_shards, number_shards, io.read_parquet(gathered)


def _one_shot(tmp_path, ads):
    ads = io.read_parquet(_write(tmp_path / "one.ads.parquet", ads))
    io.write_parquet(privacy.pseudonymise(extract.extract_ads(ads), KEY, ads), tmp_path / "one.parquet")
    return io.read_parquet(tmp_path / "one.parquet")


def _write(path, df):
    io.write_parquet(df, path)
    return path


@pytest.mark.parametrize(("n_shards", "batch_rows"), [(1, 1000), (3, 4), (7, 1), (40, 5)])
def test_sharded_extraction_equals_one_shot_extraction(tmp_path, n_shards, batch_rows):
    ads = _ads()
    _, _, gathered = _run_sharded(tmp_path, ads, n_shards, batch_rows)
    expected = _one_shot(tmp_path, ads)
    assert len(expected) > len(ads) // 2  # the fixture really has numbers to find
    assert list(gathered.columns) == privacy.PSEUDONYMISED_COLUMNS
    pd.testing.assert_frame_equal(gathered, expected)


def test_split_keeps_every_ad_once_in_order_with_its_types(tmp_path):
    ads = _ads(17)
    ad_shards, _, _ = _run_sharded(tmp_path, ads, 4, 3)
    parts = [io.read_parquet(p) for p in ad_shards]
    assert [len(p) for p in parts] == [4, 4, 4, 5]
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), io.read_parquet(tmp_path / "ads.parquet"))


def test_more_shards_than_ads_gives_empty_shards_with_the_contract_columns(tmp_path):
    ads = _ads(2)
    ad_shards, number_shards, gathered = _run_sharded(tmp_path, ads, 5, 10)
    sizes = [pq.ParquetFile(p).metadata.num_rows for p in ad_shards]
    assert sorted(sizes) == [0, 0, 0, 1, 1]
    empty = io.read_parquet(number_shards[0])
    assert len(empty) == 0 and list(empty.columns) == privacy.PSEUDONYMISED_COLUMNS
    pd.testing.assert_frame_equal(gathered, _one_shot(tmp_path, ads))


def test_gathering_only_empty_shards_gives_an_empty_table(tmp_path):
    paths = [_write(tmp_path / f"{i}.parquet", shards.empty_numbers()) for i in range(2)]
    out = shards.gather_numbers(paths)
    assert len(out) == 0 and list(out.columns) == privacy.PSEUDONYMISED_COLUMNS


def test_gather_names_the_shards_when_a_contract_column_is_missing(tmp_path):
    bad = _write(tmp_path / "bad.parquet", pd.DataFrame({"ad_id": ["a"], "number_hash": ["h"]}))
    with pytest.raises(ValueError, match=r"bad\.parquet.*'site'"):
        shards.gather_numbers([bad])


def test_no_raw_number_survives_a_shard(tmp_path):
    _, number_shards, gathered = _run_sharded(tmp_path, _ads(), 3, 4)
    for path in number_shards:
        text = io.read_parquet(path).to_csv()
        for num in NUMBERS:
            assert num not in text and num[2:] not in text
    assert set(gathered["block"]) <= {n[2:9] for n in NUMBERS}


def test_extract_shard_reads_record_batches_of_the_configured_size(tmp_path, monkeypatch):
    src = _write(tmp_path / "ads.parquet", _ads(10))
    seen = []
    real = extract.extract_ads

    def spy(ads, *args, **kwargs):
        seen.append(len(ads))
        return real(ads, *args, **kwargs)

    monkeypatch.setattr(extract, "extract_ads", spy)
    shards.extract_shard(src, KEY, batch_rows=4)
    assert seen == [4, 4, 2]


@pytest.mark.parametrize(("total", "n"), [(0, 3), (1, 1), (10, 3), (1000, 7), (5, 9)])
def test_shard_bounds_cover_all_rows_with_sizes_within_one(total, n):
    bounds = shards.shard_bounds(total, n)
    assert len(bounds) == n and bounds[0][0] == 0 and bounds[-1][1] == total
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    sizes = [b - a for a, b in bounds]
    assert max(sizes) - min(sizes) <= 1


def test_zero_shards_is_an_error():
    with pytest.raises(ValueError, match="at least 1"):
        shards.shard_bounds(10, 0)


def test_shard_names_sort_as_numbers():
    assert shards.shard_names(3) == ["000", "001", "002"]
    names = shards.shard_names(1200)
    assert names == sorted(names) and names[-1] == "1199"


def test_progress_logs_counts_share_and_rate(caplog):
    now = [0.0]
    logger = logging.getLogger("frontline.test_progress")
    progress = shards.Progress(logger, total=300, what="ads", every=5.0, clock=lambda: now[0])
    with caplog.at_level(logging.INFO, logger="frontline.test_progress"):
        now[0] = 1.0
        progress.update(100)  # within the interval: quiet
        now[0] = 10.0
        progress.update(100)
        now[0] = 12.0
        progress.update(100)  # the end is always logged
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2
    assert messages[0].startswith("200/300 ads (66.7%), 20 ads/s")
    assert messages[1].startswith("300/300 ads (100.0%), 25 ads/s")
