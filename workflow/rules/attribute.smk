# Stage 4: which carrier holds each number's block (else its code), and which brand that is.


rule load_numbering:
    output:
        holders="results/numbering/holders.parquet",
        version="results/numbering/version.json",
    resources:
        mem_mb=1000,
        runtime=15,
        cpus_per_task=1,
    conda:
        CONDA_ENV
    log:
        "logs/numbering/load_numbering.log",
    benchmark:
        "benchmarks/out/numbering/load_numbering.tsv"
    script:
        "../scripts/load_numbering.py"


rule attribute_carriers:
    input:
        numbers="results/{region}/ad_numbers.parquet",
        holders="results/numbering/holders.parquet",
        carriers=config["reference"]["carriers"],
    output:
        attributed="results/{region}/numbers_attributed.parquet",
        coverage="results/{region}/coverage.csv",
    params:
        area_codes=lambda w: config["regions"][w.region]["area_codes"],
    resources:
        mem_mb=2000,
        runtime=30,
        cpus_per_task=1,
    conda:
        CONDA_ENV
    log:
        "logs/{region}/attribute_carriers.log",
    benchmark:
        "benchmarks/out/{region}/attribute_carriers.tsv"
    script:
        "../scripts/attribute_carriers.py"
