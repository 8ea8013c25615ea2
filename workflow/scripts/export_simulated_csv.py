"""Adapter: CSV copies of a simulated corpus (ads, truth, distractors), written when config asks."""
from frontline import io, runlog

log = runlog.to_file(snakemake.log[0], "frontline.simulate")
for name in ("ads", "truth", "distractors"):
    table = io.read_parquet(snakemake.input[name])
    io.write_csv(table, snakemake.output[name])
    log.info("wrote %d rows to %s", len(table), snakemake.output[name])
