# Config validation and helpers shared by every stage.
import glob
from pathlib import Path

from snakemake.utils import validate


validate(config, schema="../schemas/config.schema.yaml")

REGIONS = sorted(config["regions"])

# One pinned environment for every rule (the same versions as requirements.lock).
CONDA_ENV = "../../environment.yml"


wildcard_constraints:
    region="|".join(REGIONS),


def region_config(wildcards):
    return config["regions"][wildcards.region]


def is_simulated(region):
    return "simulate" in config["regions"][region]["ads"]


def raw_ads(wildcards):
    """The region's raw ad input: the simulated corpus, or the user's file."""
    ads = config["regions"][wildcards.region]["ads"]
    if "simulate" in ads:
        return f"data/simulated/{wildcards.region}/ads.parquet"
    return ads["path"]


def ad_source(wildcards):
    """The region's ad source as configured: the simulated corpus, or the user's file or folder."""
    ads = config["regions"][wildcards.region]["ads"]
    return raw_ads(wildcards) if "simulate" in ads else ads["path"]


def ad_source_files(wildcards):
    """Input files of the source, so that editing, adding or removing one of a folder's files reruns ingestion."""
    source = ad_source(wildcards)
    if Path(source).is_dir():
        suffixes = (".csv", ".jsonl", ".ndjson", ".parquet")
        files = sorted(
            str(p)
            for p in Path(source).rglob("*")
            if p.is_file()
            and p.suffix.lower() in suffixes
            and not any(part.startswith(".") for part in p.relative_to(source).parts)
        )
        return files or [source]
    return [source]


def planted_input(wildcards):
    """Planted truth summary for simulated regions (empty list for real data)."""
    if is_simulated(wildcards.region):
        return {"planted": f"results/{wildcards.region}/planted.json"}
    return {}


def region_facts(region):
    """JSON files whose values the paper quotes, by the name the paper template uses."""
    facts = {
        "numbers": f"results/{region}/numbers.json",
        "ingest": f"results/{region}/ingest.json",
        "coverage": f"results/{region}/coverage.json",
    }
    if is_simulated(region):
        facts["planted"] = f"results/{region}/planted.json"
    return facts


def region_figures(region):
    """Figures the paper shows for a region, by the name the paper template uses."""
    figures = {
        "brand_shares": f"results/{region}/figures/brand_shares.png",
        "ads_per_number": f"results/{region}/figures/ads_per_number.png",
        "posting_over_time": f"results/{region}/figures/posting_over_time.png",
    }
    if len(REGIONS) > 1 and region == config["paper"]["primary_region"]:
        # the cross-region figure, once (listed with the primary region)
        figures["region_comparison"] = "results/regions/figures/region_comparison.png"
    return figures


def final_outputs():
    return [
        *expand("results/{region}/numbers.json", region=REGIONS),
        "results/paper/paper.html",
        "results/paper/paper.pdf",
    ]
