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


def evaluation_input(wildcards):
    """Ads, extracted numbers and the planted truth (plus planted distractors once the simulator writes them)."""
    files = {
        "ads": f"data/interim/{wildcards.region}/ads.parquet",
        "numbers": f"results/{wildcards.region}/ad_numbers.parquet",
        "truth": f"data/simulated/{wildcards.region}/truth.parquet",
    }
    if hasattr(rules.simulate_ads.output, "distractors"):
        files["distractors"] = f"data/simulated/{wildcards.region}/distractors.parquet"
    return files


def region_facts(region):
    """JSON files whose values the paper quotes, by the name the paper template uses."""
    facts = {
        "numbers": f"results/{region}/numbers.json",
        "ingest": f"results/{region}/ingest.json",
    }
    if is_simulated(region):
        facts["planted"] = f"results/{region}/planted.json"
        facts["extraction"] = f"results/{region}/extraction_eval.json"
    return facts


def region_figures(region):
    """Figures the paper shows for a region, by the name the paper template uses."""
    figures = {
        "brand_shares": f"results/{region}/figures/brand_shares.png",
    }
    if is_simulated(region):
        figures["extraction_recall"] = f"results/{region}/figures/extraction_recall.png"
    return figures


def final_outputs():
    return [
        *expand("results/{region}/numbers.json", region=REGIONS),
        "results/paper/paper.html",
        "results/paper/paper.pdf",
    ]
