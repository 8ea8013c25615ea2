"""Adapter: hash every input and output of the run into results/manifest.json."""
from frontline import io, manifest, runlog

log = runlog.to_file(snakemake.log[0], "frontline.manifest")
inputs = manifest.hash_files(snakemake.input.sources)
outputs = manifest.hash_files(manifest.scan(snakemake.params.scan, exclude=[snakemake.output.manifest]))
database = io.read_json(snakemake.input.summary)["numbering_database"]
doc = manifest.build(dict(snakemake.params.config), inputs, outputs, database)
io.write_json(doc, snakemake.output.manifest)
log.info("manifest: %d inputs, %d outputs, %d code files", len(inputs), len(outputs), len(doc["code"]))
