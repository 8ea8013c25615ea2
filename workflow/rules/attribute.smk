# Stage 4: which carrier each number belongs to, and how we know: a porting-aware lookup cache, the
# official NANPA reports as of a date, or the nanpa-lookup database (block holder, else code holder),
# in the precedence order config["attribution"] gives per region.


include: "attribute_common.smk"


rule load_numbering:
    input:
        unpack(numbering_database_input),
    output:
        holders="results/numbering/holders.parquet",
        version="results/numbering/version.json",
    conda:
        CONDA_ENV
    resources:
        mem_mb=1000,
        runtime=15,
        cpus_per_task=1,
    log:
        "logs/numbering/load_numbering.log",
    benchmark:
        "benchmarks/out/numbering/load_numbering.tsv"
    script:
        "../scripts/load_numbering.py"


rule load_nanpa_reports:
    input:
        unpack(nanpa_reports_input),
    output:
        holders="results/{region}/numbering/report_holders.parquet",
        rejected="results/{region}/numbering/report_rejected.csv",
        summary="results/{region}/numbering/reports.json",
    params:
        as_of=lambda w: attribution_settings(w.region)["nanpa_reports"]["as_of"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/load_nanpa_reports.log",
    benchmark:
        "benchmarks/out/{region}/load_nanpa_reports.tsv"
    script:
        "../scripts/load_nanpa_reports.py"


rule load_lookup_cache:
    input:
        unpack(lookup_cache_input),
    output:
        cache="results/{region}/lookup_cache.parquet",
        rejected="results/{region}/cache_rejected.csv",
        summary="results/{region}/lookup_cache.json",
    params:
        key_env=config["privacy"]["key_env"],
        key_file=config["privacy"]["key_file"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/load_lookup_cache.log",
    script:
        "../scripts/load_lookup_cache.py"


rule attribute_carriers:
    input:
        unpack(attribution_inputs),
    output:
        attributed="results/{region}/numbers_attributed.parquet",
        coverage="results/{region}/coverage.csv",
        facts="results/{region}/coverage.json",
    params:
        area_codes=lambda w: config["regions"][w.region]["area_codes"],
        backends=lambda w: attribution_settings(w.region)["backends"],
    conda:
        CONDA_ENV
    resources:
        mem_mb=2000,
        runtime=30,
        cpus_per_task=1,
    log:
        "logs/{region}/attribute_carriers.log",
    benchmark:
        "benchmarks/out/{region}/attribute_carriers.tsv"
    script:
        "../scripts/attribute_carriers.py"
