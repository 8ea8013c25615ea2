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
    return {
        "brand_shares": f"results/{region}/figures/brand_shares.png",
    }


def final_outputs():
    return [
        *expand("results/{region}/numbers.json", region=REGIONS),
        "results/paper/paper.html",
        "results/paper/paper.pdf",
    ]
