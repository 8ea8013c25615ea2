# Stage 2: validate raw ads (simulated or the user's); quarantine bad rows with reasons.


rule ingest_ads:
    input:
        ads=ad_source_files,
    output:
        ads="data/interim/{region}/ads.parquet",
        rejected="results/{region}/rejected.csv",
        summary="results/{region}/ingest.json",
    params:
        region=lambda w: w.region,
        source=ad_source,
    conda:
        CONDA_ENV
    log:
        "logs/{region}/ingest_ads.log",
    benchmark:
        "benchmarks/out/{region}/ingest_ads.tsv"
    script:
        "../scripts/ingest_ads.py"
