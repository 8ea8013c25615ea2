# Extraction evaluation (simulated regions): our extractor and phonenumbers' matcher against the truth.


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
