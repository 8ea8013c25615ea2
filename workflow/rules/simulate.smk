# Stage 1: the simulated ad corpus with planted truth (the default data of the package).


rule simulate_ads:
    input:
        holders="results/numbering/holders.parquet",
        carriers=config["reference"]["carriers"],
    output:
        ads="data/simulated/{region}/ads.parquet",
        truth="data/simulated/{region}/truth.parquet",
        distractors="data/simulated/{region}/distractors.parquet",
    params:
        region=lambda w: w.region,
        area_codes=lambda w: config["regions"][w.region]["area_codes"],
        simulate=lambda w: config["regions"][w.region]["ads"]["simulate"],
        seed=lambda w: config["seed"],
    resources:
        mem_mb=4000,
        runtime=120,
        cpus_per_task=1,
    conda:
        CONDA_ENV
    log:
        "logs/{region}/simulate_ads.log",
    benchmark:
        "benchmarks/out/{region}/simulate_ads.tsv"
    script:
        "../scripts/simulate_ads.py"


rule export_simulated_csv:
    input:
        ads="data/simulated/{region}/ads.parquet",
        truth="data/simulated/{region}/truth.parquet",
        distractors="data/simulated/{region}/distractors.parquet",
    output:
        ads="data/simulated/{region}/csv/ads.csv",
        truth="data/simulated/{region}/csv/truth.csv",
        distractors="data/simulated/{region}/csv/distractors.csv",
    conda:
        CONDA_ENV
    log:
        "logs/{region}/export_simulated_csv.log",
    benchmark:
        "benchmarks/out/{region}/export_simulated_csv.tsv"
    script:
        "../scripts/export_simulated_csv.py"


rule summarise_planted_truth:
    input:
        # CSV copies when the region's config asks (`simulate.csv`), so that the default target builds them
        unpack(
            lambda w: (
                {f"{n}_csv": f"data/simulated/{w.region}/csv/{n}.csv" for n in ("ads", "truth", "distractors")}
                if config["regions"][w.region]["ads"]["simulate"].get("csv", False)
                else {}
            )
        ),
        ads="data/simulated/{region}/ads.parquet",
        truth="data/simulated/{region}/truth.parquet",
        distractors="data/simulated/{region}/distractors.parquet",
    output:
        planted="results/{region}/planted.json",
    resources:
        mem_mb=1000,
        runtime=10,
        cpus_per_task=1,
    conda:
        CONDA_ENV
    log:
        "logs/{region}/summarise_planted_truth.log",
    script:
        "../scripts/summarise_planted_truth.py"
