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
