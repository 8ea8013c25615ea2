"""Adapter: attribute each unique number to its block (else code) holder and brand."""
from frontline import attribute, carriers, io, runlog

log = runlog.to_file(snakemake.log[0], "frontline.attribute")
ad_numbers = io.read_parquet(snakemake.input.numbers)
holders = io.read_parquet(snakemake.input.holders)
table = carriers.load_carriers(snakemake.input.carriers)
numbers = attribute.summarise_numbers(ad_numbers)
attributed = attribute.attribute_blocks(numbers, holders, table, snakemake.params.area_codes)
io.write_parquet(attributed, snakemake.output.attributed)
io.write_csv(attribute.coverage(attributed), snakemake.output.coverage)
log.info("attributed %d unique numbers", len(attributed))
