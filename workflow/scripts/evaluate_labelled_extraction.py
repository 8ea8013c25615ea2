"""Adapter: score our extractor and phonenumbers' matcher on the hand-labelled ads."""
from frontline import io, runlog
from frontline.extract import evaluate

log = runlog.to_file(snakemake.log[0], "frontline.extract")
summary = evaluate.evaluate_labelled(evaluate.load_labelled(snakemake.input.labelled))
io.write_json(summary, snakemake.output.summary)
log.info("hand-labelled ads: %d; ours precision %.4f recall %.4f; baseline precision %.4f recall %.4f",
         summary["ads"], summary["ours"]["precision"], summary["ours"]["recall"],
         summary["baseline"]["precision"], summary["baseline"]["recall"])
