# Config validation and helpers shared by every stage.
import glob
from pathlib import Path

from snakemake.exceptions import WorkflowError
from snakemake.utils import validate

from frontline import configcheck


validate(config, schema="../schemas/config.schema.yaml")
try:
    configcheck.check(config)
except configcheck.ConfigError as exc:
    raise WorkflowError(str(exc)) from None

REGIONS = sorted(config["regions"])
# The hand-labelled ads both extractors are scored on (None: not scored).
LABELLED_ADS = config["evaluation"].get("labelled_ads")

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


def compare_seed():
    return config["compare"].get("seed", config["seed"])


def baseline_inputs(wildcards):
    """Every baseline table a region's comparison reads: reference, regional numbering proxy, user's."""
    return {
        "baselines": config["reference"]["baselines"],
        "regional": f"results/{wildcards.region}/baseline_numbering.csv",
        "user_tables": config["compare"].get("baseline_tables", {}).get(wildcards.region, []),
        "claims": config["compare"]["claims"],
    }


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
        "power": f"results/{region}/power.json",
        "porting": f"results/{region}/porting.json",
        "calibration": f"results/{region}/calibration.json",
        "coverage": f"results/{region}/coverage.json",
    }
    if is_simulated(region):
        facts["planted"] = f"results/{region}/planted.json"
        facts["extraction"] = f"results/{region}/extraction_eval.json"
    # The same run-wide files for every region: configuration hash and versions (see manifest.smk), and
    # the extractors scored on the hand-labelled ads (see evaluate.smk).
    facts["manifest"] = "results/manifest_summary.json"
    if LABELLED_ADS:
        facts["labelled"] = "results/extraction_labelled.json"
    return facts


def region_figures(region):
    """Figures the paper shows for a region, by the name the paper template uses."""
    figures = {
        "brand_shares": f"results/{region}/figures/brand_shares.png",
        "ads_per_number": f"results/{region}/figures/ads_per_number.png",
        "posting_over_time": f"results/{region}/figures/posting_over_time.png",
        "forest": f"results/{region}/figures/forest.png",
        "power": f"results/{region}/figures/power.png",
        "porting": f"results/{region}/figures/porting.png",
        "calibration": f"results/{region}/figures/calibration.png",
    }
    if is_simulated(region):
        figures["extraction_recall"] = f"results/{region}/figures/extraction_recall.png"
    if len(REGIONS) > 1 and region == config["paper"]["primary_region"]:
        # the cross-region figure, once (listed with the primary region)
        figures["region_comparison"] = "results/regions/figures/region_comparison.png"
    return figures


def final_outputs():
    return [
        *expand("results/{region}/numbers.json", region=REGIONS),
        "results/paper/paper.html",
        "results/paper/paper.pdf",
        "results/manifest.json",
    ]


def manifest_inputs(wildcards):
    """Files the run reads (besides the numbering database and the library), for the manifest."""
    user_ads = [r["ads"]["path"] for r in config["regions"].values() if "path" in r["ads"]]
    code = ["Snakefile", "environment.yml", *sorted(glob.glob("workflow/**/*.*", recursive=True))]
    paper = ["paper/paper.md", *sorted(glob.glob("paper/sections/*.md")), "paper/references.bib", "paper/paper.css"]
    labelled = [LABELLED_ADS] if LABELLED_ADS else []
    sources = [*config["reference"].values(), *user_ads, *labelled, *paper, *code]
    return {"sources": [p for p in dict.fromkeys(sources) if "__pycache__" not in p]}


def manifest_scan_folders():
    """Folders whose every file the manifest hashes: results and the generated data of each region."""
    return ["results", *[f"data/{kind}/{r}" for kind in ("simulated", "interim") for r in REGIONS]]


# Light jobs (a few seconds, little memory) run on the submitting node instead of being queued as
# cluster jobs: each cluster job costs scheduling overhead far above their run time.
localrules:
    summarise_planted_truth,
    power_analysis,
    porting_sensitivity,
    calibrate_intervals,
    plot_brand_shares,
    plot_ads_per_number,
    plot_posting_over_time,
    plot_region_comparison,
    plot_forest,
    plot_power,
    plot_porting,
    plot_calibration,
    plot_extraction_recall,
    summarise_environment,
    write_manifest,
