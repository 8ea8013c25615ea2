"""Adapter: extract numbers from ads, then pseudonymise them (keyed hash + block prefix)."""
from frontline import extract, io, privacy, runlog

log = runlog.to_file(snakemake.log[0], "frontline.extract")
key = privacy.load_key(snakemake.params.key_env, snakemake.params.key_file)
ads = io.read_parquet(snakemake.input.ads)
found = extract.extract_ads(ads)
numbers = privacy.pseudonymise(found, key, ads)
io.write_parquet(numbers, snakemake.output.numbers)
log.info("extracted %d number occurrences (%d unique) from %d ads",
         len(numbers), numbers["number_hash"].nunique(), len(ads))
