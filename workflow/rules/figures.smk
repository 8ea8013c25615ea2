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
    conda:
        CONDA_ENV
    log:
        "logs/{region}/plot_brand_shares.log",
    script:
        "../scripts/plot_brand_shares.py"


rule plot_extraction_recall:
    input:
        table="results/{region}/extraction_eval.csv",
    output:
        png=report(
            "results/{region}/figures/extraction_recall.png",
            caption="../report/extraction_recall.rst",
            category="Figures",
            subcategory="{region}",
        ),
        svg="results/{region}/figures/extraction_recall.svg",
    params:
        label=lambda w: config["regions"][w.region]["label"],
    conda:
        CONDA_ENV
    log:
        "logs/{region}/plot_extraction_recall.log",
    script:
        "../scripts/plot_extraction_recall.py"
