"""A simulated ad corpus with planted truth.

Real ad data is sensitive and the 2012 sample is gone, so the default input of the package is a
simulated corpus. Posters post ads; each poster uses one or more numbers; numbers are reposted a
heavy-tailed number of times. Each unique number is drawn from a numbering block that its planted
carrier holds in the region's area codes, so carrier attribution can be validated against the truth.

The numbers are random and may belong to real people: the files are for analysis, never for dialling.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .carriers import brand_for

AD_COLUMNS = ["ad_id", "site", "region", "posted_at", "title", "body", "url"]
TRUTH_COLUMNS = ["ad_id", "poster_id", "number", "brand", "in_region", "field", "start", "end", "pattern"]

TITLES = [
    "New in town this week", "Relaxing massage and spa visit", "Friendly companion for dinner",
    "Weekend availability", "Quiet studio near downtown", "Evening appointments open",
    "Calm and discreet company", "Spa day specials", "Ask about availability", "Visiting for a few days",
]
BODIES = [
    "Hi, I am {name}. Available most evenings. Call or text {number}.",
    "Professional and friendly. Appointments only. Reach me at {number} anytime.",
    "New in the area, {name} here. Text {number} for details.",
    "Clean, quiet place. Serious inquiries only: {number}.",
    "{name} welcomes you. Message {number} to set a time.",
]
NAMES = ["Amy", "Bella", "Cara", "Dana", "Eve", "Fay", "Gina", "Hana", "Iris", "Jade", "Kim", "Lola"]
FORMATS = {
    "dashed": "{a}-{b}-{c}",
    "dotted": "{a}.{b}.{c}",
    "parens": "({a}) {b}-{c}",
    "plain": "{a}{b}{c}",
    "spaced": "{a} {b} {c}",
}


@dataclass(frozen=True)
class SimulationSpec:
    """What to simulate for one region (all values come from config)."""

    region: str
    n_ads: int
    carrier_mix: dict[str, float]
    start: str
    end: str
    sites: list[str]
    seed: int
    mean_ads_per_number: float = 6.0
    ads_sigma: float = 1.0
    numbers_per_poster: float = 1.3
    out_of_region_share: float = 0.05
    format_weights: dict[str, float] = field(default_factory=lambda: {k: 1.0 for k in FORMATS})


def candidate_blocks(blocks: pd.DataFrame, carriers: pd.DataFrame) -> pd.DataFrame:
    """Effective 7-digit blocks with the brand (or group) their holder maps to."""
    out = blocks.copy()
    out["brand"] = brand_for(out["ocn"], out["ocn_type"], carriers).to_numpy()
    return out


def _draw_numbers(rng: np.random.Generator, pool: pd.DataFrame, k: int, used: set[str]) -> list[str]:
    prefixes = pool["prefix"].to_numpy()
    out: list[str] = []
    while len(out) < k:
        pre = int(prefixes[rng.integers(len(prefixes))])
        num = f"+1{pre:07d}{int(rng.integers(1000)):03d}"
        if num in used:
            continue
        used.add(num)
        out.append(num)
    return out


def plant_numbers(spec: SimulationSpec, region_blocks: pd.DataFrame, other_blocks: pd.DataFrame,
                  rng: np.random.Generator) -> pd.DataFrame:
    """Unique numbers with planted brands and ad counts (heavy-tailed, discretised lognormal)."""
    mix = {b: s for b, s in spec.carrier_mix.items() if s > 0}
    total = sum(mix.values())
    brands = sorted(mix)
    probs = np.array([mix[b] / total for b in brands])
    n_numbers = max(len(brands), int(round(spec.n_ads / spec.mean_ads_per_number)))
    counts = rng.multinomial(n_numbers, probs)
    used: set[str] = set()
    rows = []
    for brand, k in zip(brands, counts):
        pool = region_blocks[region_blocks["brand"] == brand]
        if pool.empty:
            raise ValueError(f"region {spec.region}: no numbering blocks held by '{brand}' in its area codes")
        n_out = int(rng.binomial(k, spec.out_of_region_share))
        out_pool = other_blocks[other_blocks["brand"] == brand]
        if out_pool.empty:
            n_out = 0
        for num in _draw_numbers(rng, pool, k - n_out, used):
            rows.append((num, brand, True))
        for num in _draw_numbers(rng, out_pool, n_out, used) if n_out else []:
            rows.append((num, brand, False))
    numbers = pd.DataFrame(rows, columns=["number", "brand", "in_region"])
    numbers = numbers.iloc[rng.permutation(len(numbers))].reset_index(drop=True)
    mu = np.log(spec.mean_ads_per_number) - spec.ads_sigma ** 2 / 2
    numbers["n_ads"] = np.maximum(1, np.floor(rng.lognormal(mu, spec.ads_sigma, len(numbers)))).astype(int)
    numbers["poster_id"] = _assign_posters(rng, len(numbers), spec.numbers_per_poster)
    return numbers


def _assign_posters(rng: np.random.Generator, n_numbers: int, numbers_per_poster: float) -> np.ndarray:
    """Group numbers into posters: each poster holds 1 + Poisson(numbers_per_poster - 1) numbers."""
    sizes = 1 + rng.poisson(max(numbers_per_poster - 1, 0), n_numbers)
    poster = np.repeat(np.arange(n_numbers), sizes)[:n_numbers]
    return np.array([f"P{p:06d}" for p in poster])


def render_number(number: str, fmt: str) -> str:
    d = number[2:]
    return FORMATS[fmt].format(a=d[:3], b=d[3:6], c=d[6:])


def simulate_ads(spec: SimulationSpec, region_blocks: pd.DataFrame, other_blocks: pd.DataFrame
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (ads, truth) for one region. Deterministic for a given spec and blocks."""
    rng = np.random.default_rng(spec.seed)
    numbers = plant_numbers(spec, region_blocks, other_blocks, rng)
    ad_number = np.repeat(np.arange(len(numbers)), numbers["n_ads"].to_numpy())
    ad_number = ad_number[rng.permutation(len(ad_number))]
    start = pd.Timestamp(spec.start)
    span = (pd.Timestamp(spec.end) - start).total_seconds()
    times = start + pd.to_timedelta(np.sort(rng.uniform(0, span, len(ad_number))).astype("int64"), unit="s")
    fmts = sorted(spec.format_weights)
    fw = np.array([spec.format_weights[f] for f in fmts], dtype=float)
    fmt_idx = rng.choice(len(fmts), size=len(ad_number), p=fw / fw.sum())
    ads, truth = [], []
    for i, (k, ts, fi) in enumerate(zip(ad_number, times, fmt_idx)):
        ad_id = f"{spec.region}-{i + 1:08d}"
        num = numbers.iloc[k]
        site = spec.sites[int(rng.integers(len(spec.sites)))]
        rendered = render_number(num["number"], fmts[fi])
        template = BODIES[int(rng.integers(len(BODIES)))]
        name = NAMES[int(rng.integers(len(NAMES)))]
        before = template.split("{number}")[0].format(name=name)
        body = template.format(name=name, number=rendered)
        title = TITLES[int(rng.integers(len(TITLES)))]
        url = f"https://{site}/{spec.region}/ad/{i + 1}"
        ads.append((ad_id, site, spec.region, ts.strftime("%Y-%m-%dT%H:%M:%S"), title, body, url))
        truth.append((ad_id, num["poster_id"], num["number"], num["brand"], bool(num["in_region"]),
                      "body", len(before), len(before) + len(rendered), fmts[fi]))
    return pd.DataFrame(ads, columns=AD_COLUMNS), pd.DataFrame(truth, columns=TRUTH_COLUMNS)


def spec_from_config(region: str, cfg: dict, seed: int) -> SimulationSpec:
    """Build a :class:`SimulationSpec` from a region's ``ads.simulate`` config block."""
    known = {f for f in SimulationSpec.__dataclass_fields__} - {"region", "seed"}
    kwargs = {k: v for k, v in cfg.items() if k in known}
    kwargs["start"], kwargs["end"] = str(cfg["start"]), str(cfg["end"])
    return SimulationSpec(region=region, seed=int(cfg.get("seed", seed)), **kwargs)


def planted_summary(truth: pd.DataFrame) -> dict:
    """Planted brand shares among unique numbers, and corpus counts; no raw numbers."""
    numbers = truth.drop_duplicates("number")
    n = len(numbers)
    counts = numbers["brand"].value_counts().sort_index()
    return {
        "unique_numbers": int(n),
        "ads": int(truth["ad_id"].nunique()),
        "posters": int(truth["poster_id"].nunique()),
        "in_region_share": float(numbers["in_region"].mean()) if n else 0.0,
        "brand_shares": {b: int(k) / n for b, k in counts.items()},
        "pattern_counts": {p: int(k) for p, k in truth["pattern"].value_counts().sort_index().items()},
    }
