"""Sharded, streaming extraction: split a region's ads into shards, extract each shard, gather.

Large ad collections (millions of ads) do not fit comfortably in one process's memory as text, and a
single extraction job uses one core. The workflow therefore

1. splits ``data/interim/{region}/ads.parquet`` into N shards of contiguous rows (``split_ads``),
   reading and writing Parquet record batches, so the ad text is never held in memory at once;
2. extracts and pseudonymises each shard in its own job (``extract_shard``), one record batch at a
   time, with the library calls the one-shot extraction uses (``extract.extract_ads`` then
   ``privacy.pseudonymise``), so raw numbers never leave the job;
3. gathers the shards' pseudonymised rows into ``results/{region}/ad_numbers.parquet``
   (``gather_numbers``), sorted exactly as ``privacy.pseudonymise`` sorts them, so the gathered file
   is the same table, whatever the number of shards or the batch size.

Long steps log progress (rows done, share, rate) through :class:`Progress`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import extract, io, privacy

#: Columns a shard's extraction needs from the ads (text fields are optional in ingested ads).
SHARD_AD_COLUMNS = ["ad_id", "site", "posted_at", "title", "body", "url"]
#: The sort order of ``privacy.pseudonymise`` (and so of the gathered table).
SORT_KEYS = ["ad_id", "field", "start"]

log = logging.getLogger("frontline.shards")


class Progress:
    """Log ``done/total`` rows, share and rate, at most every ``every`` seconds (and at the end)."""

    def __init__(self, logger: logging.Logger, total: int, what: str = "ads", every: float = 5.0,
                 clock: Callable[[], float] = time.monotonic):
        self.logger, self.total, self.what, self.every, self.clock = logger, total, what, every, clock
        self.done = 0
        self.started = self.last = clock()

    def rate(self) -> float:
        elapsed = self.clock() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def update(self, n: int) -> None:
        self.done += n
        now = self.clock()
        if now - self.last >= self.every or self.done >= self.total:
            self.last = now
            self.report()

    def report(self, prefix: str = "") -> None:
        share = 100.0 * self.done / self.total if self.total else 100.0
        self.logger.info("%s%d/%d %s (%.1f%%), %.0f %s/s, %.1f s elapsed", prefix, self.done, self.total,
                         self.what, share, self.rate(), self.what, self.clock() - self.started)


def shard_bounds(total: int, n_shards: int) -> list[tuple[int, int]]:
    """Contiguous row ranges ``[start, stop)`` of ``n_shards`` shards covering ``total`` rows, sizes
    differing by at most one (shards may be empty when there are fewer rows than shards)."""
    if n_shards < 1:
        raise ValueError(f"the number of shards must be at least 1, not {n_shards}")
    cuts = [total * i // n_shards for i in range(n_shards + 1)]
    return list(zip(cuts[:-1], cuts[1:]))


@contextlib.contextmanager
def _writers(paths: Sequence[str | os.PathLike], schema: pa.Schema) -> Iterator[list[pq.ParquetWriter]]:
    """Parquet writers onto temporary files that replace ``paths`` only if everything succeeds."""
    with contextlib.ExitStack() as stack:
        tmps = [stack.enter_context(io.atomic_path(p)) for p in paths]
        writers = [pq.ParquetWriter(t, schema, compression="zstd") for t in tmps]
        try:
            yield writers
        finally:
            for w in writers:
                w.close()


def split_ads(src: str | os.PathLike, dests: Sequence[str | os.PathLike], batch_rows: int = 50_000,
              logger: logging.Logger = log) -> list[int]:
    """Split the ads in ``src`` into ``len(dests)`` shards of contiguous rows, streaming record batches.

    Returns the number of ads written to each shard. The shards keep ``src``'s schema (and so its
    pandas column types)."""
    pf = pq.ParquetFile(src)
    total = pf.metadata.num_rows
    bounds = shard_bounds(total, len(dests))
    counts = [0] * len(dests)
    progress = Progress(logger, total, "ads")
    logger.info("splitting %d ads from %s into %d shards", total, src, len(dests))
    with _writers(dests, pf.schema_arrow) as writers:
        offset = 0
        for batch in pf.iter_batches(batch_size=batch_rows):
            lo, hi = offset, offset + batch.num_rows
            for i, (start, stop) in enumerate(bounds):
                a, b = max(lo, start), min(hi, stop)
                if a < b:
                    writers[i].write_batch(batch.slice(a - lo, b - a))
                    counts[i] += b - a
            offset = hi
            progress.update(batch.num_rows)
    if sum(counts) != total:  # pragma: no cover - guards the arithmetic above
        raise RuntimeError(f"{src}: split wrote {sum(counts)} of {total} ads")
    logger.info("shard sizes: %s", counts)
    return counts


def iter_ad_batches(path: str | os.PathLike, batch_rows: int = 50_000) -> Iterator[pd.DataFrame]:
    """The ads in ``path`` as DataFrames of at most ``batch_rows`` rows (pandas types restored)."""
    pf = pq.ParquetFile(path)
    columns = [c for c in SHARD_AD_COLUMNS if c in pf.schema_arrow.names]
    for batch in pf.iter_batches(batch_size=batch_rows, columns=columns):
        yield pa.Table.from_batches([batch]).to_pandas()


def empty_numbers() -> pd.DataFrame:
    """A pseudonymised table with no rows (what an ad-less shard yields)."""
    ads = pd.DataFrame({c: pd.Series([], dtype="string") for c in ("ad_id", "site", "posted_at")})
    found = pd.DataFrame(columns=extract.EXTRACT_COLUMNS).astype({"start": "int64", "end": "int64"})
    return privacy.pseudonymise(found, b"no-key-needed-for-no-rows", ads)


def extract_shard(src: str | os.PathLike, key: bytes, batch_rows: int = 50_000,
                  logger: logging.Logger = log) -> pd.DataFrame:
    """Extract and pseudonymise the numbers in the ads of one shard, one record batch at a time.

    Only one batch of ad text is in memory at a time; the result holds hashes and block prefixes,
    never raw numbers."""
    total = pq.ParquetFile(src).metadata.num_rows
    progress = Progress(logger, total, "ads")
    parts = []
    for ads in iter_ad_batches(src, batch_rows):
        found = extract.extract_ads(ads)
        if len(found):
            parts.append(privacy.pseudonymise(found, key, ads))
        progress.update(len(ads))
    numbers = pd.concat(parts, ignore_index=True) if parts else empty_numbers()
    logger.info("shard %s: %d number occurrences in %d ads", src, len(numbers), total)
    return numbers


def gather_numbers(paths: Sequence[str | os.PathLike], logger: logging.Logger = log) -> pd.DataFrame:
    """Concatenate the shards' pseudonymised numbers and sort them as ``privacy.pseudonymise`` does."""
    parts = []
    for p in paths:
        part = io.read_parquet(p)
        if len(part):
            parts.append(part)
        logger.info("gathered %s: %d rows", p, len(part))
    if not parts:
        return empty_numbers()
    numbers = pd.concat(parts, ignore_index=True)
    missing = [c for c in privacy.PSEUDONYMISED_COLUMNS if c not in numbers.columns]
    if missing:
        raise ValueError(f"shard outputs {list(map(str, paths))} lack column(s) {missing}")
    return numbers.sort_values(SORT_KEYS, kind="stable").reset_index(drop=True)


def shard_names(n_shards: int) -> list[str]:
    """Zero-padded shard names ``000``, ``001``, ... (sortable file names)."""
    width = max(3, len(str(n_shards - 1)))
    return [f"{i:0{width}d}" for i in range(n_shards)]


def shard_paths(pattern: str, n_shards: int) -> list[str]:
    """``pattern`` (with a ``{shard}`` field) filled for each shard name."""
    return [pattern.format(shard=s) for s in shard_names(n_shards)]


__all__ = ["Progress", "shard_bounds", "split_ads", "iter_ad_batches", "extract_shard", "gather_numbers",
           "empty_numbers", "shard_names", "shard_paths"]
