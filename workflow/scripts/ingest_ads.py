"""Adapter: validate raw ads, quarantine bad rows."""
from frontline import ingest, io, runlog

log = runlog.to_file(snakemake.log[0], "frontline.ingest")
ads, rejected, summary = ingest.ingest_ads(snakemake.input.ads, region=snakemake.params.region)
io.write_parquet(ads, snakemake.output.ads)
io.write_csv(rejected, snakemake.output.rejected)
io.write_json(summary, snakemake.output.summary)
log.info("ingested %d ads, rejected %d rows, dropped %d exact duplicates",
         summary["ads"], summary["rejected"], summary["exact_duplicates"])
