# Stage 5: brand shares of unique numbers against baselines, with intervals and tests.


rule compare_shares:
    input:
        unpack(planted_input),
        attributed="results/{region}/numbers_attributed.parquet",
        coverage="results/{region}/coverage.csv",
        baselines=config["reference"]["baselines"],
    output:
        shares="results/{region}/shares.csv",
        tests="results/{region}/tests.csv",
        numbers="results/{region}/numbers.json",
    params:
        region=lambda w: w.region,
        label=lambda w: config["regions"][w.region]["label"],
        baselines=lambda w: config["regions"][w.region]["baselines"],
        focus=config["compare"]["focus_brand"],
        confidence=config["compare"]["confidence"],
    resources:
        mem_mb=1000,
        runtime=10,
        cpus_per_task=1,
    conda:
        CONDA_ENV
    log:
        "logs/{region}/compare_shares.log",
    script:
        "../scripts/compare_shares.py"
