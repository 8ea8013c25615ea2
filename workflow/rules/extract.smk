# Stage 3: find phone numbers in ads; from here on only a keyed hash and the block prefix travel.


rule extract_numbers:
    input:
        ads="data/interim/{region}/ads.parquet",
    output:
        numbers="results/{region}/ad_numbers.parquet",
    params:
        key_env=config["privacy"]["key_env"],
        key_file=config["privacy"]["key_file"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/extract_numbers.log",
    benchmark:
        "benchmarks/out/{region}/extract_numbers.tsv"
    script:
        "../scripts/extract_numbers.py"
