# Stage 8: the run manifest. summarise_environment writes what the paper quotes (configuration hash,
# versions); write_manifest runs last and hashes every input and output, the paper included.


rule summarise_environment:
    input:
        version="results/numbering/version.json",
    output:
        summary="results/manifest_summary.json",
    params:
        config=config,
    conda:
        CONDA_ENV
    log:
        "logs/manifest/summarise_environment.log",
    script:
        "../scripts/summarise_environment.py"


rule write_manifest:
    input:
        unpack(manifest_inputs),
        summary="results/manifest_summary.json",
        final=[path for path in final_outputs() if path != "results/manifest.json"],
    output:
        manifest="results/manifest.json",
    params:
        config=config,
        scan=manifest_scan_folders(),
    conda:
        CONDA_ENV
    log:
        "logs/manifest/write_manifest.log",
    benchmark:
        "benchmarks/out/manifest/write_manifest.tsv"
    script:
        "../scripts/write_manifest.py"
