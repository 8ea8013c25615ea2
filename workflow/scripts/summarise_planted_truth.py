"""Adapter: planted brand shares among unique numbers (no raw numbers leave data/simulated)."""
from frontline import io, runlog, simulate

log = runlog.to_file(snakemake.log[0], "frontline.simulate")
truth = io.read_parquet(snakemake.input.truth)
summary = simulate.planted_summary(truth)
io.write_json(summary, snakemake.output.planted)
log.info("planted truth: %d unique numbers", summary["unique_numbers"])
