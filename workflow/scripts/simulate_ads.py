"""Adapter: simulate a region's ad corpus with planted truth and distractors."""
from frontline import carriers, io, numbering, runlog, simulate

log = runlog.to_file(snakemake.log[0], "frontline.simulate")
p = snakemake.params
holders = io.read_parquet(snakemake.input.holders)
table = carriers.load_carriers(snakemake.input.carriers)
blocks = simulate.candidate_blocks(numbering.effective_blocks(holders), table)
in_region = (blocks["prefix"] // 10_000).isin([int(a) for a in p.area_codes])
spec = simulate.spec_from_config(p.region, p.simulate, seed=p.seed)
ads, truth, distractors = simulate.simulate_corpus(spec, blocks[in_region], blocks[~in_region])
io.write_parquet(ads, snakemake.output.ads)
io.write_parquet(truth, snakemake.output.truth)
io.write_parquet(distractors, snakemake.output.distractors)
log.info("simulated %d ads with %d planted occurrences of %d unique numbers and %d distractors",
         len(ads), len(truth), truth["number"].nunique(), len(distractors))
