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


# The hand-labelled ads (written independently of the simulator): both extractors on the same texts.
if LABELLED_ADS:

    localrules:
        evaluate_labelled_extraction,

    rule evaluate_labelled_extraction:
        input:
            labelled=LABELLED_ADS,
        output:
            summary="results/extraction_labelled.json",
        conda:
            CONDA_ENV
        log:
            "logs/evaluate_labelled_extraction.log",
        benchmark:
            "benchmarks/out/evaluate_labelled_extraction.tsv"
        script:
            "../scripts/evaluate_labelled_extraction.py"
