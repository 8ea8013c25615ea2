"""Adapter: score extraction against the simulator's truth (hashes only), ours and the phonenumbers baseline."""
import pyarrow as pa

from frontline import io, privacy, runlog
from frontline.extract import evaluate

log = runlog.to_file(snakemake.log[0], "frontline.extract")
# Arrow's buffers from the system allocator, so memory Arrow frees is reused by numpy instead of being held
# in a separate pool (at a million ads: peak resident memory about 0.75 GiB instead of 0.9)
pa.set_memory_pool(pa.system_memory_pool())
p = snakemake.params
key = privacy.load_key(p.key_env, p.key_file)
# every ad's id, but the text of the baseline's sample only: memory does not grow with the corpus
ad_ids, sample = evaluate.read_sampled_ads(snakemake.input.ads, p.baseline_sample, p.seed)
# only the columns the scores use
found = evaluate.read_found(snakemake.input.numbers)
truth = evaluate.read_truth(snakemake.input.truth)
distractors = evaluate.read_distractors(snakemake.input.distractors) if "distractors" in snakemake.input.keys() else None
table, summary = evaluate.evaluate(ad_ids, found, truth, key, distractors, baseline_sample=p.baseline_sample,
                                   seed=p.seed, sample=sample)
io.write_csv(table, snakemake.output.table)
io.write_json(summary, snakemake.output.summary)
log.info("ours: precision %.4f recall %.4f on %d ads; baseline recall %.4f on %d sampled ads",
         summary["ours"]["precision"], summary["ours"]["recall"], summary["ads"],
         summary["baseline"]["recall"], summary["sample_ads"])
