"""Adapter: attribute each unique number with the region's backends in precedence order."""
from frontline import attribute, carriers, io, runlog

log = runlog.to_file(snakemake.log[0], "frontline.attribute")
inp, p = snakemake.input, snakemake.params
numbers = attribute.summarise_numbers(io.read_parquet(inp.numbers))
holders = {"nanpa_lookup": io.read_parquet(inp.holders)}
if "report_holders" in inp.keys():
    holders["nanpa_reports"] = io.read_parquet(inp.report_holders)
cache = io.read_parquet(inp.cache) if "cache" in inp.keys() else None
attributed = attribute.attribute(numbers, p.backends, carriers.load_carriers(inp.carriers), p.area_codes,
                                 holders=holders, cache=cache,
                                 carrier_names=carriers.load_carrier_names(inp.carrier_names))
cov = attribute.coverage(attributed, p.backends)
details = {"numbering_database": io.read_json(inp.version)}
if "reports_summary" in inp.keys():
    details["nanpa_reports"] = io.read_json(inp.reports_summary)
if "cache_summary" in inp.keys():
    details["cache"] = io.read_json(inp.cache_summary)
io.write_parquet(attributed, snakemake.output.attributed)
io.write_csv(cov, snakemake.output.coverage)
io.write_json(attribute.coverage_facts(cov, p.backends, details), snakemake.output.facts)
log.info("attributed %d unique numbers with %s: %s", len(attributed), p.backends,
         attributed["method"].value_counts().to_dict())
