"""Adapter: extract numbers from one shard of ads, batch by batch, then pseudonymise them
(keyed hash + block prefix)."""
from frontline import io, privacy, runlog, shards

log = runlog.to_file(snakemake.log[0], "frontline.extract")
key = privacy.load_key(snakemake.params.key_env, snakemake.params.key_file)
numbers = shards.extract_shard(snakemake.input.ads, key, batch_rows=snakemake.params.batch_rows, logger=log)
io.write_parquet(numbers, snakemake.output.numbers)
log.info("extracted %d number occurrences (%d unique) from shard %s",
         len(numbers), numbers["number_hash"].nunique(), snakemake.wildcards.shard)
