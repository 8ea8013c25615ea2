# Helpers of stage 4 (carrier attribution): per-region settings and the inputs each backend needs.


def attribution_settings(region):
    """The region's attribution settings: the defaults, with the region's overrides applied."""
    a = config["attribution"]
    out = {"backends": a["backends"], "nanpa_reports": a["nanpa_reports"], "cache": a["cache"]}
    out.update(a.get("regions", {}).get(region, {}))
    return out


def numbering_database_input(wildcards):
    path = config["attribution"]["nanpa_lookup"]["database"]
    return {"database": path} if path else {}


def nanpa_reports_input(wildcards):
    reports = attribution_settings(wildcards.region)["nanpa_reports"]
    files = {k: reports[k] for k in ("code_report", "block_report") if reports.get(k)}
    if not files:
        raise ValueError(f"region {wildcards.region}: backend nanpa_reports needs "
                         "attribution.nanpa_reports.code_report or block_report")
    return {**files, "types": "results/numbering/holders.parquet"}


def lookup_cache_input(wildcards):
    path = attribution_settings(wildcards.region)["cache"]
    if not path:
        raise ValueError(f"region {wildcards.region}: backend cache needs attribution.cache (a CSV path)")
    return {"cache": path}


def attribution_inputs(wildcards):
    """Inputs of attribute_carriers: one holder table or cache per backend the region uses."""
    backends = attribution_settings(wildcards.region)["backends"]
    region = wildcards.region
    inputs = {
        "numbers": f"results/{region}/ad_numbers.parquet",
        "carriers": config["reference"]["carriers"],
        "carrier_names": config["attribution"]["carrier_names"],
        "holders": "results/numbering/holders.parquet",
        "version": "results/numbering/version.json",
    }
    if "nanpa_reports" in backends:
        inputs["report_holders"] = f"results/{region}/numbering/report_holders.parquet"
        inputs["reports_summary"] = f"results/{region}/numbering/reports.json"
    if "cache" in backends:
        inputs["cache"] = f"results/{region}/lookup_cache.parquet"
        inputs["cache_summary"] = f"results/{region}/lookup_cache.json"
    return inputs
