"""Adapter: score extraction against the simulator's truth (hashes only), ours and the phonenumbers baseline."""
from frontline import io, privacy, runlog
from frontline.extract import evaluate

log = runlog.to_file(snakemake.log[0], "frontline.extract")
p = snakemake.params
key = privacy.load_key(p.key_env, p.key_file)
# every ad's id, but the text of the baseline's sample only: memory does not grow with the corpus
ad_ids, sample = evaluate.read_sampled_ads(snakemake.input.ads, p.baseline_sample, p.seed)
found = io.read_parquet(snakemake.input.numbers)
truth = io.read_parquet(snakemake.input.truth)
distractors = io.read_parquet(snakemake.input.distractors) if "distractors" in snakemake.input.keys() else None
table, summary = evaluate.evaluate(ad_ids, found, truth, key, distractors, baseline_sample=p.baseline_sample,
                                   seed=p.seed, sample=sample)
io.write_csv(table, snakemake.output.table)
io.write_json(summary, snakemake.output.summary)
log.info("ours: precision %.4f recall %.4f on %d ads; baseline recall %.4f on %d sampled ads",
         summary["ours"]["precision"], summary["ours"]["recall"], summary["ads"],
         summary["baseline"]["recall"], summary["sample_ads"])
