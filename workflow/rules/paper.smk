# Stage 7: the paper, every number injected from generated files.


rule render_paper:
    input:
        template="paper/paper.md",
        sections=sorted(glob.glob("paper/sections/*.md")),
        bibliography="paper/references.bib",
        css="paper/paper.css",
        typst_header="paper/paper-header.typ",
        facts=[path for r in REGIONS for path in region_facts(r).values()],
        figures=[path for r in REGIONS for path in region_figures(r).values()],
    output:
        markdown="results/paper/paper.md",
        html="results/paper/paper.html",
        pdf="results/paper/paper.pdf",
        typst="results/paper/paper.typ",
    params:
        primary=config["paper"]["primary_region"],
        regions=REGIONS,
        facts={r: region_facts(r) for r in REGIONS},
        figures={r: region_figures(r) for r in REGIONS},
    conda:
        CONDA_ENV
    log:
        "logs/paper/render_paper.log",
    benchmark:
        "benchmarks/out/paper/render_paper.tsv"
    script:
        "../scripts/render_paper.py"
