# frontline: replication of the 2012 USC Annenberg MetroPCS claim, from raw ads to a rendered paper.
# Method, in rule order: simulate_ads -> ingest_ads -> extract_numbers -> attribute_carriers
#   -> compare_shares -> plot_brand_shares -> render_paper -> write_manifest. See README.md.
from snakemake.utils import min_version

min_version("9.0")


configfile: "config/config.yaml"


include: "workflow/rules/common.smk"
include: "workflow/rules/simulate.smk"
include: "workflow/rules/ingest.smk"
include: "workflow/rules/extract.smk"
include: "workflow/rules/attribute.smk"
include: "workflow/rules/compare.smk"
include: "workflow/rules/figures.smk"
include: "workflow/rules/paper.smk"
include: "workflow/rules/manifest.smk"


rule all:
    default_target: True
    input:
        final_outputs(),
