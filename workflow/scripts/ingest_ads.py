"""Adapter: validate raw ads (a file or a folder of files), quarantine bad rows."""
import sys

from frontline import ingest, io, runlog

log = runlog.to_file(snakemake.log[0], "frontline.ingest")
p = snakemake.params
try:
    ads, rejected, summary = ingest.ingest_ads(p.source, region=p.region)
except ingest.AdFileError as exc:  # the source is unusable: one line, in the log and on stderr
    log.error("%s", exc)
    sys.exit(f"ingest_ads: {exc}")
io.write_parquet(ads, snakemake.output.ads)
io.write_csv(rejected, snakemake.output.rejected)
io.write_json(summary, snakemake.output.summary)
log.info("%s: %d rows from %d file(s): %d ads, %d rejected, %d exact duplicates dropped; ignored columns %s",
         p.region, summary["source_rows"], summary["files"], summary["ads"], summary["rejected"],
         summary["exact_duplicates"], summary["ignored_columns"] or "none")
for reason, n in summary["reject_reasons"].items():
    log.info("rejected for %s: %d", reason, n)
