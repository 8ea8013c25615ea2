"""Adapter: power curve and smallest sample sizes for the claimed share against each baseline."""
import pandas as pd

from frontline import baselines, compare, io, power, runlog

log = runlog.to_file(snakemake.log[0], "frontline.power")
p = snakemake.params
inp = snakemake.input
base = baselines.focus_shares(
    baselines.load_selected(inp.baselines, inp.regional, list(inp.user_tables), p.baselines, p.region), p.focus)
claims = compare.read_claims(inp.claims).set_index("quantity")
claimed, multiple = float(claims.at["share", "value"]), float(claims.at["ratio_min", "value"])
shares = pd.read_csv(inp.shares)
observed_n = int(shares["total"].iloc[0]) if len(shares) else None
grid = power.n_grid(p.settings["n_max"], p.settings["grid_points"], observed_n)
curve = power.power_curve(claimed, base, grid, p.alpha, multiple)
sizes = power.sample_sizes(claimed, base, p.alpha, p.settings["target"], multiple, p.settings["n_max"], observed_n)
io.write_csv(curve, snakemake.output.csv)
io.write_json(compare.round_floats({"claimed_share": claimed, "multiple": multiple, "alpha": p.alpha,
                                    "target_power": p.settings["target"], "observed_n": observed_n,
                                    "n_max": p.settings["n_max"], "baselines": sizes}), snakemake.output.json)
log.info("power: %s", sizes)
