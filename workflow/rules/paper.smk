# Stage 7: the paper, every number injected from generated files.


rule render_paper:
    input:
        template="paper/paper.md",
        bibliography="paper/references.bib",
        css="paper/paper.css",
        numbers=expand("results/{region}/numbers.json", region=REGIONS),
        figures=expand("results/{region}/figures/brand_shares.png", region=REGIONS),
    output:
        markdown="results/paper/paper.md",
        html="results/paper/paper.html",
        pdf="results/paper/paper.pdf",
    params:
        primary=config["paper"]["primary_region"],
        regions=REGIONS,
    conda:
        CONDA_ENV
    log:
        "logs/paper/render_paper.log",
    benchmark:
        "benchmarks/out/paper/render_paper.tsv"
    script:
        "../scripts/render_paper.py"
