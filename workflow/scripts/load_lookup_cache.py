"""Adapter: read a porting-aware lookup cache, hash its numbers with the run's key, quarantine bad rows."""
from pathlib import Path

from frontline import io, lookup_cache, privacy, runlog

log = runlog.to_file(snakemake.log[0], "frontline.lookup_cache")
key = privacy.load_key(snakemake.params.key_env, snakemake.params.key_file)
cache, rejected, stats = lookup_cache.read_cache(snakemake.input.cache, key)
rejected["file"] = Path(snakemake.input.cache).name
io.write_parquet(cache, snakemake.output.cache)
io.write_csv(rejected, snakemake.output.rejected)
io.write_json({"file": Path(snakemake.input.cache).name, **stats}, snakemake.output.summary)
log.info("lookup cache: %d numbers kept, %d rows quarantined, %d superseded lookups",
         stats["kept"], stats["quarantined_rows"], stats["superseded"])
