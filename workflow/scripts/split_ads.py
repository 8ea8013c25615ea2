"""Adapter: split a region's ingested ads into shards of contiguous rows (streaming record batches)."""
from frontline import runlog, shards

log = runlog.to_file(snakemake.log[0], "frontline.shards")
counts = shards.split_ads(snakemake.input.ads, list(snakemake.output.shards),
                          batch_rows=snakemake.params.batch_rows, logger=log)
log.info("split %d ads into %d shards", sum(counts), len(counts))
