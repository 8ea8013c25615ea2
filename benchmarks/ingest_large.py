"""Measure ingest throughput and peak memory on a large synthetic CSV (reported, never asserted).

    PYTHONPATH=src python benchmarks/ingest_large.py [ROWS]      # default 500,000 ads, 1% with a bad date
"""
import resource
import sys
import tempfile
import time
from pathlib import Path

from frontline import ingest

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 500_000
with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "ads.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("ad_id,site,posted_at,title,body,url\n")
        for i in range(rows):
            date = "2012-05-01T10:00:00" if i % 100 else "not a date"
            fh.write(f"b{i},site.example,{date},Title {i},call two one three five five five zero one four {i % 10} "
                     f"and filler text to give the ad a realistic length {'x' * 150},\n")
    start = time.perf_counter()
    ads, rejected, summary = ingest.ingest_ads(path, region="bench")
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{path.stat().st_size / 1e6:.0f} MB, {summary['source_rows']:,} rows -> {summary['ads']:,} ads, "
          f"{summary['rejected']:,} rejected in {took:.1f} s ({summary['source_rows'] / took:,.0f} rows/s); "
          f"peak RSS {peak:.0f} MiB")
