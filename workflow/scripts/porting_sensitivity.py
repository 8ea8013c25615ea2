"""Adapter: the focus brand's served share under a grid of porting rates, against each baseline."""
import pandas as pd

from frontline import baselines, compare, io, porting, runlog

log = runlog.to_file(snakemake.log[0], "frontline.porting")
p = snakemake.params
inp = snakemake.input
base = baselines.focus_shares(
    baselines.load_selected(inp.baselines, inp.regional, list(inp.user_tables), p.baselines, p.region), p.focus)
multiple = float(compare.read_claims(inp.claims).set_index("quantity").at["ratio_min", "value"])
shares = pd.read_csv(inp.shares).set_index("brand")
row = shares.loc[p.focus] if p.focus in shares.index else None
share, low, high = (0.0, 0.0, 0.0) if row is None else (float(row["share"]), float(row["cp_low"]), float(row["cp_high"]))
table = porting.porting_grid(share, low, high, base, p.rates, multiple)
flips = porting.flips(table)
summary = {"multiple": multiple, "block_share": share, "block_low": low, "block_high": high,
           "rates": list(p.rates), "baselines": {}}
for name, p0 in sorted(base.items()):
    f = flips[flips["baseline"] == name].set_index("porting_in")
    summary["baselines"][name] = {
        "baseline_share": p0,
        "break_even_out_multiple": porting.break_even_out(low, p0, multiple),
        "break_even_out_over": porting.break_even_out(low, p0, 1.0),
        "multiple_lost_at_out_no_in": f["exceeds_multiple_lost_at_out"].get(0.0),
        "over_lost_at_out_no_in": f["over_represented_lost_at_out"].get(0.0),
        "multiple_holds_everywhere": bool(table.loc[table["baseline"] == name, "exceeds_multiple"].all()),
        "over_holds_everywhere": bool(table.loc[table["baseline"] == name, "over_represented"].all()),
    }
io.write_csv(table, snakemake.output.csv)
io.write_csv(flips, snakemake.output.flips)
io.write_json(compare.round_floats(summary), snakemake.output.json)
log.info("porting: %s", summary["baselines"])
