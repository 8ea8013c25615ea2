# Stage 3: find phone numbers in ads; from here on only a keyed hash and the block prefix travel.
# Sharded: the region's ingested ads are split into `scale.shards` shards of contiguous rows, each shard
# is extracted (and pseudonymised) in its own job, reading record batches of `scale.batch_rows` ads,
# and the shards are gathered into results/{region}/ad_numbers.parquet (the same table whatever the
# number of shards). Shard files are temporary: Snakemake deletes them once gathered.

# Zero-padded shard names (see frontline.shards.shard_names); plain arithmetic, no file access.
SHARDS = [f"{i:0{max(3, len(str(config['scale']['shards'] - 1)))}d}" for i in range(config["scale"]["shards"])]


wildcard_constraints:
    shard=r"\d+",


rule split_ads:
    input:
        ads="data/interim/{region}/ads.parquet",
    output:
        shards=temp(expand("data/interim/{{region}}/shards/{shard}.ads.parquet", shard=SHARDS)),
    params:
        batch_rows=config["scale"]["batch_rows"],
    resources:
        mem_mb=1000,
        runtime=30,
        cpus_per_task=1,
    conda:
        CONDA_ENV
    log:
        "logs/{region}/split_ads.log",
    benchmark:
        "benchmarks/out/{region}/split_ads.tsv"
    script:
        "../scripts/split_ads.py"


rule extract_numbers:
    input:
        ads="data/interim/{region}/shards/{shard}.ads.parquet",
    output:
        numbers=temp("data/interim/{region}/shards/{shard}.numbers.parquet"),
    params:
        key_env=config["privacy"]["key_env"],
        key_file=config["privacy"]["key_file"],
        batch_rows=config["scale"]["batch_rows"],
    resources:
        mem_mb=1500,
        runtime=120,
        cpus_per_task=1,
    conda:
        CONDA_ENV
    log:
        "logs/{region}/extract_numbers/{shard}.log",
    benchmark:
        "benchmarks/out/{region}/extract_numbers/{shard}.tsv"
    script:
        "../scripts/extract_numbers.py"


rule gather_numbers:
    input:
        numbers=expand("data/interim/{{region}}/shards/{shard}.numbers.parquet", shard=SHARDS),
    output:
        numbers="results/{region}/ad_numbers.parquet",
    resources:
        mem_mb=2000,
        runtime=30,
        cpus_per_task=1,
    conda:
        CONDA_ENV
    log:
        "logs/{region}/gather_numbers.log",
    benchmark:
        "benchmarks/out/{region}/gather_numbers.tsv"
    script:
        "../scripts/gather_numbers.py"
