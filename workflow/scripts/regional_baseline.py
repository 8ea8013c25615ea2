"""Adapter: the regional numbering baseline (each brand's share of wireless blocks in the region)."""
from frontline import baselines, carriers, io, runlog

log = runlog.to_file(snakemake.log[0], "frontline.baselines")
holders = io.read_parquet(snakemake.input.holders)
table = baselines.numbering_baseline(holders, carriers.load_carriers(snakemake.input.carriers),
                                     snakemake.params.area_codes)
io.write_csv(table, snakemake.output.baseline)
log.info("%s: %d wireless blocks over %d brands", snakemake.wildcards.region, table["blocks"].sum(), len(table))
