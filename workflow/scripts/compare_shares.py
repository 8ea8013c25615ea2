"""Adapter: brand shares per unit, the family of tests, goodness of fit, claims and numbers.json."""
import pandas as pd

from frontline import baselines, carriers, compare, io, runlog, units

log = runlog.to_file(snakemake.log[0], "frontline.compare")
p = snakemake.params
inp = snakemake.input
attributed = io.read_parquet(inp.attributed, columns=["number_hash", "brand"])  # all the comparison uses
ad_numbers = io.read_parquet(inp.ad_numbers, columns=["ad_id", "number_hash"])
base = baselines.load_selected(inp.baselines, inp.regional, list(inp.user_tables), p.baselines, p.region)
carrier_table = carriers.load_carriers(inp.carriers)
identifiable = set(carrier_table["brand"]) | set(carriers.TYPE_GROUPS.values()) | {carriers.UNKNOWN_TYPE_GROUP}

inferred_posters = units.infer_posters(ad_numbers)
shares = compare.brand_shares(attributed, p.confidence)
unit_table, unit_rows = compare.unit_shares(attributed, ad_numbers, p.confidence, p.bootstrap["replicates"],
                                            p.seed, p.bootstrap["method"], compare.wireless_groups(carrier_table),
                                            posters=inferred_posters)
tests = compare.family_tests(unit_table, unit_rows, base, identifiable, p.confidence, p.alpha)
gof = compare.gof_table(shares, base, identifiable, p.gof_min_expected)
claims = compare.claims_table(compare.read_claims(inp.claims), shares, base, p.confidence)
planted = io.read_json(inp.planted) if "planted" in inp.keys() else None
posters = {"inferred": int(inferred_posters["poster"].nunique())}
if planted is not None:
    posters["planted"] = int(planted["posters"])
numbers = compare.region_numbers(
    region=p.region, label=p.label, shares=shares, tests=tests, focus=p.focus,
    coverage=pd.read_csv(inp.coverage), planted=planted, confidence=p.confidence,
    unit_table=unit_table, gof=gof, claims=claims, baselines=base, posters=posters, alpha=p.alpha,
    settings={"seed": p.seed, "bootstrap_replicates": p.bootstrap["replicates"],
              "bootstrap_method": p.bootstrap["method"], "gof_min_expected": p.gof_min_expected},
)
io.write_csv(compare.wide_shares(shares, unit_table), snakemake.output.shares)
io.write_csv(unit_table, snakemake.output.units)
io.write_csv(tests, snakemake.output.tests)
io.write_csv(gof, snakemake.output.gof)
io.write_csv(claims, snakemake.output.claims)
io.write_json(numbers, snakemake.output.numbers)
log.info("%s: %s share %.4f of %d unique numbers; %d tests, %d rejected (Holm)", p.region, p.focus,
         numbers["focus"].get("share", float("nan")), numbers["focus"]["unique_numbers"],
         int(tests["in_family"].sum()), int(tests["reject_holm"].sum()))
