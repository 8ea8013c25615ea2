# Extraction evaluation (simulated regions): our extractor and phonenumbers' matcher against the truth.


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


rule evaluate_extraction:
    input:
        unpack(evaluation_input),
    output:
        table="results/{region}/extraction_eval.csv",
        summary="results/{region}/extraction_eval.json",
    params:
        key_env=config["privacy"]["key_env"],
        key_file=config["privacy"]["key_file"],
        baseline_sample=config["evaluation"]["baseline_sample_ads"],
        seed=config["evaluation"].get("seed", config["seed"]),
    conda:
        CONDA_ENV
    log:
        "logs/{region}/evaluate_extraction.log",
    benchmark:
        "benchmarks/out/{region}/evaluate_extraction.tsv"
    script:
        "../scripts/evaluate_extraction.py"
