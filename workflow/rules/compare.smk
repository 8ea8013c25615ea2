# Stage 5: brand shares against baselines - intervals, tests, power, porting and calibration.


rule regional_baseline:
    input:
        holders="results/numbering/holders.parquet",
        carriers=config["reference"]["carriers"],
    output:
        baseline="results/{region}/baseline_numbering.csv",
    params:
        area_codes=lambda w: config["regions"][w.region]["area_codes"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/regional_baseline.log",
    benchmark:
        "benchmarks/out/{region}/regional_baseline.tsv"
    script:
        "../scripts/regional_baseline.py"


rule compare_shares:
    input:
        unpack(planted_input),
        unpack(baseline_inputs),
        attributed="results/{region}/numbers_attributed.parquet",
        ad_numbers="results/{region}/ad_numbers.parquet",
        coverage="results/{region}/coverage.csv",
        carriers=config["reference"]["carriers"],
    output:
        shares="results/{region}/shares.csv",
        units="results/{region}/shares_units.csv",
        tests="results/{region}/tests.csv",
        gof="results/{region}/gof.csv",
        claims="results/{region}/claims.csv",
        numbers="results/{region}/numbers.json",
    params:
        region=lambda w: w.region,
        label=lambda w: config["regions"][w.region]["label"],
        baselines=lambda w: config["regions"][w.region]["baselines"],
        focus=config["compare"]["focus_brand"],
        confidence=config["compare"]["confidence"],
        alpha=config["compare"]["alpha"],
        seed=compare_seed(),
        bootstrap=config["compare"]["bootstrap"],
        gof_min_expected=config["compare"]["gof_min_expected"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/compare_shares.log",
    benchmark:
        "benchmarks/out/{region}/compare_shares.tsv"
    script:
        "../scripts/compare_shares.py"


rule power_analysis:
    input:
        unpack(baseline_inputs),
        shares="results/{region}/shares.csv",
    output:
        csv="results/{region}/power.csv",
        json="results/{region}/power.json",
    params:
        region=lambda w: w.region,
        baselines=lambda w: config["regions"][w.region]["baselines"],
        focus=config["compare"]["focus_brand"],
        alpha=config["compare"]["alpha"],
        settings=config["compare"]["power"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/power_analysis.log",
    benchmark:
        "benchmarks/out/{region}/power_analysis.tsv"
    script:
        "../scripts/power_analysis.py"


rule porting_sensitivity:
    input:
        unpack(baseline_inputs),
        shares="results/{region}/shares.csv",
    output:
        csv="results/{region}/porting.csv",
        flips="results/{region}/porting_flips.csv",
        json="results/{region}/porting.json",
    params:
        region=lambda w: w.region,
        baselines=lambda w: config["regions"][w.region]["baselines"],
        focus=config["compare"]["focus_brand"],
        rates=config["compare"]["porting"]["rates"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/porting_sensitivity.log",
    script:
        "../scripts/porting_sensitivity.py"


rule calibrate_intervals:
    input:
        unpack(planted_input),
        unpack(baseline_inputs),
        shares="results/{region}/shares.csv",
    output:
        csv="results/{region}/calibration.csv",
        tests="results/{region}/calibration_tests.csv",
        json="results/{region}/calibration.json",
    params:
        region=lambda w: w.region,
        baselines=lambda w: config["regions"][w.region]["baselines"],
        focus=config["compare"]["focus_brand"],
        confidence=config["compare"]["confidence"],
        alpha=config["compare"]["alpha"],
        replicates=config["compare"]["calibration"]["replicates"],
        seed=compare_seed(),
    conda:
        CONDA_ENV
    log:
        "logs/{region}/calibrate_intervals.log",
    benchmark:
        "benchmarks/out/{region}/calibrate_intervals.tsv"
    script:
        "../scripts/calibrate_intervals.py"
