"""Adapter: planted brand shares and corpus facts (no raw numbers leave data/simulated)."""
from frontline import io, runlog, simulate

log = runlog.to_file(snakemake.log[0], "frontline.simulate")
truth = io.read_parquet(snakemake.input.truth)
ads = io.read_parquet(snakemake.input.ads, columns=["ad_id", "site", "posted_at"])
distractors = io.read_parquet(snakemake.input.distractors)
summary = simulate.planted_summary(truth, ads, distractors)
io.write_json(summary, snakemake.output.planted)
log.info("planted truth: %d unique numbers in %d ads", summary["unique_numbers"], summary["ads"])
