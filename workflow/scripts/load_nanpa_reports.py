"""Adapter: holders as of a date from the official NANPA code and thousands-block reports."""
from pathlib import Path

from frontline import attribute, io, nanpa_reports, runlog

log = runlog.to_file(snakemake.log[0], "frontline.nanpa_reports")
types = attribute.ocn_types(io.read_parquet(snakemake.input.types))
code, block = snakemake.input.get("code_report"), snakemake.input.get("block_report")
holders, rejected = nanpa_reports.load_reports(code, block, as_of=snakemake.params.as_of, ocn_types=types)
holders["assigned"] = holders["assigned"].dt.strftime("%Y-%m-%d")
rejected["file"] = rejected["file"].map(lambda f: Path(f).name)
io.write_parquet(holders, snakemake.output.holders)
io.write_csv(rejected, snakemake.output.rejected)
io.write_json({"as_of": snakemake.params.as_of,
               "code_report": Path(code).name if code else None,
               "block_report": Path(block).name if block else None,
               "codes": int((holders["level"] == "code").sum()),
               "blocks": int((holders["level"] == "block").sum()),
               "rejected_rows": int(len(rejected))}, snakemake.output.summary)
log.info("%d codes and %d blocks held as of %s; %d report rows quarantined",
         (holders["level"] == "code").sum(), (holders["level"] == "block").sum(), snakemake.params.as_of,
         len(rejected))
