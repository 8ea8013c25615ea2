"""Adapter: brand shares, baseline tests and the numbers the paper quotes."""
import pandas as pd

from frontline import compare, io, runlog

log = runlog.to_file(snakemake.log[0], "frontline.compare")
p = snakemake.params
attributed = io.read_parquet(snakemake.input.attributed)
baselines = compare.baseline_shares(pd.read_csv(snakemake.input.baselines))
baselines = baselines[baselines["baseline"].isin(p.baselines)]
shares = compare.brand_shares(attributed, p.confidence)
tests = compare.binomial_tests(shares, baselines, p.confidence)
planted = io.read_json(snakemake.input.planted) if "planted" in snakemake.input.keys() else None
numbers = compare.region_numbers(
    region=p.region, label=p.label, shares=shares, tests=tests, focus=p.focus,
    coverage=pd.read_csv(snakemake.input.coverage),
    planted=planted, confidence=p.confidence,
)
io.write_csv(shares, snakemake.output.shares)
io.write_csv(tests, snakemake.output.tests)
io.write_json(numbers, snakemake.output.numbers)
log.info("%s: %s share %.4f of %d unique numbers", p.region, p.focus, numbers["focus"].get("share", float("nan")),
         numbers["focus"]["unique_numbers"])
