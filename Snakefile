# frontline: replication of the 2012 USC Annenberg MetroPCS claim, from raw ads to a rendered paper.
# Method, in rule order: simulate_ads -> ingest_ads -> extract_numbers -> attribute_carriers
#   -> compare_shares -> plot_brand_shares -> render_paper -> write_manifest. See README.md.
import sys

from snakemake.utils import min_version

min_version("9.0")

# Config validation imports jsonschema, which imports the optional rfc3987-syntax package when it is
# installed (it is, for jupyter-events); that compiles ~40 grammars, ~3 s of CPU at every Snakemake start:
# every no-op rerun and, on a cluster, twice per job. The config schema checks no IRI format: skip it.
sys.modules.setdefault("rfc3987_syntax", None)


# The default configuration, unless config files are given on the command line: those are then the whole
# configuration (as --replace-workflow-config says). Snakemake does not hand --replace-workflow-config on
# to cluster jobs, so without this guard every SLURM job would merge config/config.yaml under the user's
# configuration and compute something else than the run it belongs to.
if not workflow.overwrite_configfiles:

    configfile: "config/config.yaml"


include: "workflow/rules/common.smk"
include: "workflow/rules/simulate.smk"
include: "workflow/rules/ingest.smk"
include: "workflow/rules/extract.smk"
include: "workflow/rules/attribute.smk"
include: "workflow/rules/compare.smk"
include: "workflow/rules/evaluate.smk"
include: "workflow/rules/figures.smk"
include: "workflow/rules/paper.smk"
include: "workflow/rules/manifest.smk"


rule all:
    default_target: True
    input:
        final_outputs(),
