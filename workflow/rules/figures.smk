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
    resources:
        mem_mb=1000,
        runtime=10,
        cpus_per_task=1,
    conda:
        CONDA_ENV
    log:
        "logs/{region}/plot_brand_shares.log",
    script:
        "../scripts/plot_brand_shares.py"
