"""Adapter: gather the shards' pseudonymised numbers into the region's ad_numbers table."""
from frontline import io, runlog, shards

log = runlog.to_file(snakemake.log[0], "frontline.shards")
numbers = shards.gather_numbers(list(snakemake.input.numbers), logger=log)
io.write_parquet(numbers, snakemake.output.numbers)
log.info("gathered %d number occurrences (%d unique) in %d ads from %d shards",
         len(numbers), numbers["number_hash"].nunique(), numbers["ad_id"].nunique(), len(snakemake.input.numbers))
