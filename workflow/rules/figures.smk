# Stage 6: figures (PNG for the paper and report, SVG for print).


rule plot_brand_shares:
    input:
        shares="results/{region}/shares.csv",
        baselines=config["reference"]["baselines"],
    output:
        png=report(
            "results/{region}/figures/brand_shares.png",
            caption="../report/brand_shares.rst",
            category="Figures",
            subcategory="{region}",
        ),
        svg="results/{region}/figures/brand_shares.svg",
    params:
        label=lambda w: config["regions"][w.region]["label"],
        baselines=lambda w: config["regions"][w.region]["baselines"],
        focus=config["compare"]["focus_brand"],
        confidence=config["compare"]["confidence"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/plot_brand_shares.log",
    script:
        "../scripts/plot_brand_shares.py"


rule plot_ads_per_number:
    input:
        attributed="results/{region}/numbers_attributed.parquet",
    output:
        png=report(
            "results/{region}/figures/ads_per_number.png",
            caption="../report/ads_per_number.rst",
            category="Figures",
            subcategory="{region}",
        ),
        svg="results/{region}/figures/ads_per_number.svg",
    params:
        label=lambda w: config["regions"][w.region]["label"],
        focus=config["compare"]["focus_brand"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/plot_ads_per_number.log",
    script:
        "../scripts/plot_ads_per_number.py"


rule plot_posting_over_time:
    input:
        ad_numbers="results/{region}/ad_numbers.parquet",
        attributed="results/{region}/numbers_attributed.parquet",
    output:
        png=report(
            "results/{region}/figures/posting_over_time.png",
            caption="../report/posting_over_time.rst",
            category="Figures",
            subcategory="{region}",
        ),
        svg="results/{region}/figures/posting_over_time.svg",
    params:
        label=lambda w: config["regions"][w.region]["label"],
        focus=config["compare"]["focus_brand"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/plot_posting_over_time.log",
    script:
        "../scripts/plot_posting_over_time.py"


rule plot_region_comparison:
    input:
        # the primary region first, then the others in name order
        numbers=expand(
            "results/{region}/numbers.json",
            region=sorted(REGIONS, key=lambda r: r != config["paper"]["primary_region"]),
        ),
        ingest=expand(
            "results/{region}/ingest.json",
            region=sorted(REGIONS, key=lambda r: r != config["paper"]["primary_region"]),
        ),
        baselines=config["reference"]["baselines"],
    output:
        png=report(
            "results/regions/figures/region_comparison.png",
            caption="../report/region_comparison.rst",
            category="Figures",
            subcategory="regions",
        ),
        svg="results/regions/figures/region_comparison.svg",
        table="results/regions/region_comparison.csv",
    params:
        baselines=sorted({b for r in REGIONS for b in config["regions"][r]["baselines"]}),
        focus=config["compare"]["focus_brand"],
    conda:
        CONDA_ENV
    log:
        "logs/regions/plot_region_comparison.log",
    script:
        "../scripts/plot_region_comparison.py"


rule plot_forest:
    input:
        tests="results/{region}/tests.csv",
        claims=config["compare"]["claims"],
    output:
        png=report(
            "results/{region}/figures/forest.png",
            caption="../report/forest.rst",
            category="Figures",
            subcategory="{region}",
        ),
        svg="results/{region}/figures/forest.svg",
    params:
        label=lambda w: config["regions"][w.region]["label"],
        focus=config["compare"]["focus_brand"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/plot_forest.log",
    script:
        "../scripts/plot_forest.py"


rule plot_power:
    input:
        csv="results/{region}/power.csv",
        json="results/{region}/power.json",
    output:
        png=report(
            "results/{region}/figures/power.png",
            caption="../report/power.rst",
            category="Figures",
            subcategory="{region}",
        ),
        svg="results/{region}/figures/power.svg",
    params:
        label=lambda w: config["regions"][w.region]["label"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/plot_power.log",
    script:
        "../scripts/plot_power.py"


rule plot_porting:
    input:
        csv="results/{region}/porting.csv",
        json="results/{region}/porting.json",
    output:
        png=report(
            "results/{region}/figures/porting.png",
            caption="../report/porting.rst",
            category="Figures",
            subcategory="{region}",
        ),
        svg="results/{region}/figures/porting.svg",
    params:
        label=lambda w: config["regions"][w.region]["label"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/plot_porting.log",
    script:
        "../scripts/plot_porting.py"


rule plot_calibration:
    input:
        csv="results/{region}/calibration.csv",
    output:
        png=report(
            "results/{region}/figures/calibration.png",
            caption="../report/calibration.rst",
            category="Figures",
            subcategory="{region}",
        ),
        svg="results/{region}/figures/calibration.svg",
    params:
        label=lambda w: config["regions"][w.region]["label"],
        confidence=config["compare"]["confidence"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/plot_calibration.log",
    script:
        "../scripts/plot_calibration.py"
