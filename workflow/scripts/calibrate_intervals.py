"""Adapter: coverage and bias of the intervals, and the tests' size and power, by repeated draws."""
import pandas as pd

from frontline import baselines, calibration, compare, io, runlog

log = runlog.to_file(snakemake.log[0], "frontline.calibration")
p = snakemake.params
inp = snakemake.input
base = baselines.focus_shares(
    baselines.load_selected(inp.baselines, inp.regional, list(inp.user_tables), p.baselines, p.region), p.focus)
shares = pd.read_csv(inp.shares)
n = int(shares["total"].iloc[0])
if "planted" in inp.keys():
    truth, source = io.read_json(inp.planted)["brand_shares"], "planted shares of the simulation"
else:
    truth, source = dict(zip(shares["brand"], shares["share"])), "observed shares (parametric bootstrap)"
truth = {b: float(v) for b, v in truth.items() if v > 0}
cov = calibration.coverage(truth, n, p.replicates, p.seed, p.confidence)
rej = calibration.rejection_rates(truth, p.focus, base, n, p.replicates, p.seed, p.alpha) if p.focus in truth \
    else pd.DataFrame(columns=["baseline", "scenario"])
summary = calibration.summary(cov, rej, p.focus) if len(rej) else {"replicates": p.replicates, "n": n}
summary.update({"truth": source, "confidence": p.confidence})
io.write_csv(cov, snakemake.output.csv)
io.write_csv(rej, snakemake.output.tests)
io.write_json(compare.round_floats(summary), snakemake.output.json)
log.info("calibration over %d replicates at N=%d: %s", p.replicates, n, summary.get("methods"))
