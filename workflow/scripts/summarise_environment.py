"""Adapter: the configuration hash and software versions the paper quotes."""
from frontline import io, manifest, numbering, runlog

log = runlog.to_file(snakemake.log[0], "frontline.manifest")
db = numbering.default_database()
database = manifest.numbering_database(db, io.read_json(snakemake.input.version))
summary = manifest.summary(dict(snakemake.params.config), database)
io.write_json(summary, snakemake.output.summary)
log.info("configuration sha256 %s", summary["config_sha256"])
