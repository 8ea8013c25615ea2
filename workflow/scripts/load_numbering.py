"""Adapter: read the numbering database (code and block holders) into a Parquet table."""
from frontline import io, numbering, runlog

log = runlog.to_file(snakemake.log[0], "frontline.numbering")
db = snakemake.input.get("database") or numbering.default_database()
holders = numbering.load_holders(db)
io.write_parquet(holders, snakemake.output.holders)
io.write_json(numbering.database_version(db), snakemake.output.version)
log.info("loaded %d holder rows from %s", len(holders), db)
