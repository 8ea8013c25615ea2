"""Adapter: simulate a region's ad corpus with planted truth and distractors."""
from frontline import carriers, io, numbering, runlog, simulate

log = runlog.to_file(snakemake.log[0], "frontline.simulate")
p = snakemake.params
holders = io.read_parquet(snakemake.input.holders)
table = carriers.load_carriers(snakemake.input.carriers)
blocks = simulate.candidate_blocks(numbering.effective_blocks(holders), table)
region_blocks, elsewhere = simulate.split_blocks(blocks, p.area_codes)  # elsewhere: US blocks only
spec = simulate.spec_from_config(p.region, p.simulate, seed=p.seed)
ads, truth, distractors = simulate.simulate_corpus(spec, region_blocks, elsewhere)
io.write_parquet(ads, snakemake.output.ads)
io.write_parquet(truth, snakemake.output.truth)
io.write_parquet(distractors, snakemake.output.distractors)
log.info("simulated %d ads with %d planted occurrences of %d unique numbers and %d distractors",
         len(ads), len(truth), truth["number"].nunique(), len(distractors))
