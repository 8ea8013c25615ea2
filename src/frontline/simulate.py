"""A simulated ad corpus with planted truth.

Real ad data is sensitive and the 2012 sample is gone, so the default input of the package is a
simulated corpus. Posters post ads; each poster uses one or more numbers, and agencies share some
numbers between posters; each number is reposted a heavy-tailed number of times (discretised
lognormal) within its own active period inside the date window, on the poster's home site or
cross-posted to another. Each unique number is drawn from an effective numbering block that its planted
carrier holds in the region's area codes (a configured share from other area codes), so carrier
attribution can be validated against the truth. Some ads also list a second number of their poster. Each occurrence is rendered with obfuscation patterns
at configured rates (:mod:`frontline.patterns`), and ads carry distractors (prices, ages, dates, post
IDs, toll-free and international numbers...) at configured rates.

All random draws are vectorised numpy draws from one generator seeded by the config, in a fixed order;
the text of each ad is then assembled in a single pass (:mod:`frontline.simulate_text`), so the same
config and seed give byte-identical files.

The numbers are random and may belong to real people: the files are for analysis, never for dialling.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import phonenumbers

from . import patterns
from . import simulate_text as tx
from .carriers import brand_for

AD_COLUMNS = ["ad_id", "site", "region", "posted_at", "title", "body", "url"]
TRUTH_COLUMNS = ["ad_id", "poster_id", "number", "brand", "in_region", "target", "field", "start", "end",
                 "pattern", "tags", "role"]
DISTRACTOR_COLUMNS = ["ad_id", "field", "start", "end", "kind"]
#: Brand recorded in the truth for noise numbers (``target`` False).
NOISE_BRANDS = {"toll_free": "Toll-free", "international": "International"}

#: Default obfuscation rates (share of occurrences rendered in the title or body that carry each pattern;
#: ``url_slug`` and ``title_only`` are shares of all occurrences). ``plain`` is what remains. These are
#: assumptions of this package, not measurements.
DEFAULT_OBFUSCATION: dict[str, float] = {
    "spelled": 0.04, "spelled_mixed": 0.03, "leet": 0.02, "case_spacing": 0.01, "homophone": 0.02,
    "lookalike": 0.03, "unicode_fullwidth": 0.01, "unicode_math": 0.01, "unicode_circled": 0.01, "keycap": 0.01,
    "superscript": 0.005, "unicode_other": 0.005, "spaced_digits": 0.03,
    "odd_separator": 0.04, "emoji_separator": 0.02, "word_separator": 0.01, "split_words": 0.02, "line_break": 0.02,
    "plus1_prefix": 0.05, "star82_prefix": 0.01, "appended_age": 0.02, "partial_repeat": 0.05,
    "url_slug": 0.02, "title_only": 0.05,
}
#: Default distractor rates (share of ads carrying at least one distractor of each kind).
DEFAULT_DISTRACTORS: dict[str, float] = {
    "price": 0.35, "age": 0.25, "measurement": 0.08, "height_weight": 0.12, "date": 0.08, "time": 0.2,
    "zip": 0.05, "post_id": 0.1, "street_address": 0.05, "slogan": 0.2, "filler": 0.02, "toll_free": 0.02,
    "international": 0.01, "overeager": 0.1,
}
#: Pattern groups: each occurrence gets at most one form, one separator and one placement.
FORM_TAGS = tx.FORMS[1:]
SEPARATOR_TAGS = tx.SEPARATORS[1:]
PLACEMENT_TAGS = tx.PLACEMENTS[1:]
PRIMARY_ORDER = ["url_slug", *FORM_TAGS, *SEPARATOR_TAGS, "title_only", "star82_prefix", "plus1_prefix",
                 "appended_age", "partial_repeat"]
_TAG_RANK = {t: i for i, t in enumerate(patterns.OBFUSCATION_PATTERNS)}
_MASK64 = (1 << 64) - 1


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
    shared_number_share: float = 0.05
    cross_post_share: float = 0.2
    repost_same_text_share: float = 0.3
    second_number_share: float = 0.03
    out_of_region_share: float = 0.05
    obfuscation: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_OBFUSCATION))
    distractors: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_DISTRACTORS))

    def __post_init__(self):
        unknown = set(self.obfuscation) - (set(patterns.OBFUSCATION_PATTERNS) - {"plain"})
        if unknown:
            raise ValueError(f"region {self.region}: unknown obfuscation pattern(s) {sorted(unknown)} "
                             f"('plain' is the remainder and takes no rate)")
        unknown = set(self.distractors) - set(patterns.DISTRACTOR_KINDS)
        if unknown:
            raise ValueError(f"region {self.region}: unknown distractor kind(s) {sorted(unknown)}")
        for group, name in ((FORM_TAGS, "digit forms"), (SEPARATOR_TAGS, "separators"),
                            (PLACEMENT_TAGS, "placements")):
            total = sum(self.obfuscation.get(t, 0.0) for t in group)
            if total > 1 + 1e-9:
                raise ValueError(f"region {self.region}: obfuscation rates of the {name} sum to {total:.3f} > 1")
        if pd.Timestamp(self.end) < pd.Timestamp(self.start):
            raise ValueError(f"region {self.region}: simulate.end {self.end} is before simulate.start {self.start}")

    def rate(self, tag: str) -> float:
        return float(self.obfuscation.get(tag, 0.0))


def candidate_blocks(blocks: pd.DataFrame, carriers: pd.DataFrame) -> pd.DataFrame:
    """Effective 7-digit blocks with the brand (or group) their holder maps to."""
    out = blocks.copy()
    out["brand"] = brand_for(out["ocn"], out["ocn_type"], carriers).to_numpy()
    return out


def us_blocks(blocks: pd.DataFrame) -> pd.Series:
    """Whether each block's area code is a United States one, by phonenumbers' regions of the North
    American Numbering Plan. The numbering data covers the whole plan (Canada, the Caribbean, Puerto
    Rico and the Pacific territories use +1 too), but the study counts US numbers, and the extractor
    reports the others as non-US, not as targets: planted target numbers come from US blocks only."""
    npas = blocks["prefix"] // 10_000
    verdict = {int(npa): phonenumbers.region_code_for_number(phonenumbers.parse(f"+1{npa}2000000")) == "US"
               for npa in npas.unique()}
    return npas.map(verdict).astype(bool)


def split_blocks(blocks: pd.DataFrame, area_codes) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The region's blocks (those of its area codes), and the US blocks elsewhere (``us_blocks``), which
    the numbers of posters from outside the region are drawn from."""
    npas = blocks["prefix"] // 10_000
    in_region = npas.isin([int(a) for a in area_codes])
    return blocks[in_region], blocks[~in_region & us_blocks(blocks)]


def _draw_unique(rng: np.random.Generator, prefixes: np.ndarray, k: int, used: np.ndarray) -> np.ndarray:
    """``k`` distinct 10-digit numbers inside the given 7-digit blocks, none in ``used``."""
    out = np.empty(0, dtype=np.int64)
    while len(out) < k:
        need = k - len(out)
        cand = prefixes[rng.integers(len(prefixes), size=need + 8)] * 1000 + rng.integers(1000, size=need + 8)
        cand = pd.unique(np.concatenate([out, cand]))
        cand = cand[~np.isin(cand, used)]
        out = cand[:k]
    return out


def plant_numbers(spec: SimulationSpec, region_blocks: pd.DataFrame, other_blocks: pd.DataFrame,
                  rng: np.random.Generator) -> pd.DataFrame:
    """Unique numbers with planted brand, region flag, ad count (heavy-tailed) and poster(s)."""
    mix = {b: s for b, s in spec.carrier_mix.items() if s > 0}
    if not mix:
        raise ValueError(f"region {spec.region}: carrier_mix has no positive share")
    total = sum(mix.values())
    brands = sorted(mix)
    probs = np.array([mix[b] / total for b in brands])
    n_numbers = max(len(brands), int(round(spec.n_ads / spec.mean_ads_per_number)))
    counts = rng.multinomial(n_numbers, probs)
    used = np.empty(0, dtype=np.int64)
    parts = []
    for brand, k in zip(brands, counts):
        pool = region_blocks.loc[region_blocks["brand"] == brand, "prefix"].to_numpy(np.int64)
        if len(pool) == 0:
            raise ValueError(f"region {spec.region}: no numbering blocks held by '{brand}' in its area codes")
        out_pool = other_blocks.loc[other_blocks["brand"] == brand, "prefix"].to_numpy(np.int64)
        n_out = int(rng.binomial(k, spec.out_of_region_share)) if len(out_pool) else 0
        inside = _draw_unique(rng, pool, k - n_out, used)
        used = np.concatenate([used, inside])
        outside = _draw_unique(rng, out_pool, n_out, used) if n_out else np.empty(0, dtype=np.int64)
        used = np.concatenate([used, outside])
        parts.append(pd.DataFrame({"national": np.concatenate([inside, outside]), "brand": brand,
                                   "in_region": np.r_[np.ones(len(inside), bool), np.zeros(len(outside), bool)]}))
    numbers = pd.concat(parts, ignore_index=True)
    numbers = numbers.iloc[rng.permutation(len(numbers))].reset_index(drop=True)
    mu = np.log(spec.mean_ads_per_number) - spec.ads_sigma ** 2 / 2
    numbers["n_ads"] = np.maximum(1, np.rint(rng.lognormal(mu, spec.ads_sigma, len(numbers)))).astype(np.int64)
    sizes = 1 + rng.poisson(max(spec.numbers_per_poster - 1, 0), len(numbers))
    poster = np.repeat(np.arange(len(numbers)), sizes)[:len(numbers)]
    n_posters = int(poster.max()) + 1 if len(poster) else 0
    numbers["poster"] = poster
    # agencies: some numbers are shared with a second poster
    shared = rng.random(len(numbers)) < spec.shared_number_share
    second = rng.integers(max(n_posters, 1), size=len(numbers))
    second = np.where(second == poster, (second + 1) % max(n_posters, 1), second)
    numbers["second_poster"] = np.where(shared & (n_posters > 1), second, -1)
    return numbers


def _categorical(rng: np.random.Generator, n: int, tags: list[str], rates: dict[str, float]) -> np.ndarray:
    """Index 0 (the default) or 1 + index of the drawn tag, for ``n`` occurrences."""
    p = np.array([rates.get(t, 0.0) for t in tags], dtype=float)
    cum = np.cumsum(np.r_[max(0.0, 1 - p.sum()), p])
    u = rng.random(n)
    return np.minimum(np.searchsorted(cum / cum[-1], u, side="right"), len(tags)).astype(np.int64)


def _mix_np(x: np.ndarray, salt: np.ndarray) -> np.ndarray:
    """A 64-bit mixing step (splitmix64 finaliser) on uint64 arrays: independent bits from one draw."""
    with np.errstate(over="ignore"):
        x = x + np.uint64(0x9E3779B97F4A7C15) * (salt + np.uint64(1))
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def _noise_pools(rng: np.random.Generator, n_ads: int) -> dict[str, list[tuple[str, str]]]:
    """Toll-free and international numbers reused across ads: (E.164, rendered text)."""
    k = max(5, n_ads // 200)
    tf_npa = np.array([800, 888, 877, 866, 855, 844, 833])[rng.integers(7, size=k)]
    tf_nxx = rng.integers(200, 1000, size=k)
    tf_line = rng.integers(10000, size=k)
    tf_fmt = rng.integers(4, size=k)
    toll = []
    for npa, nxx, line, f in zip(tf_npa.tolist(), tf_nxx.tolist(), tf_line.tolist(), tf_fmt.tolist()):
        text = [f"1-{npa}-{nxx}-{line:04d}", f"({npa}) {nxx}-{line:04d}", f"{npa}.{nxx}.{line:04d}",
                f"{npa}-{nxx}-{line:04d}"][f]
        toll.append((f"+1{npa}{nxx}{line:04d}", text))
    # UK ranges that Ofcom reserves for TV and radio drama (see data/README.md for the source).
    uk_kind = rng.integers(3, size=k)
    uk_line = rng.integers(1000, size=k)
    intl = []
    for kind, line in zip(uk_kind.tolist(), uk_line.tolist()):
        if kind == 0:
            intl.append((f"+442079460{line:03d}", f"+44 20 7946 0{line:03d}"))
        elif kind == 1:
            intl.append((f"+441614960{line:03d}", f"+44 161 496 0{line:03d}"))
        else:
            intl.append((f"+447700900{line:03d}", f"+44 7700 900{line:03d}"))
    return {"toll_free": toll, "international": intl}


def _distractor_value(kind: str, b: int, noise: dict) -> tuple[str, tuple[str, str] | None]:
    """The distractor text of ``kind`` from bits ``b`` (and the noise number it stands for, if any)."""
    if kind == "price":
        b, f = divmod(b, 5)
        b, a = divmod(b, 25)
        b, c = divmod(b, 20)
        lo, hi = 60 + 10 * a, 160 + 10 * a + 10 * c
        text = [f"${lo} hh / {hi} hr", f"{lo}/{hi}/{hi + 150}", f"${lo} special", "2 for 1", f"{lo}hh {hi}h"][f]
        return text, None
    if kind == "age":
        b, f = divmod(b, 3)
        age = 20 + b % 26
        return [f"{age}yo", f"{age} years", f"{age} yrs"][f], None
    if kind == "measurement":
        b, f = divmod(b, 2)
        b, x = divmod(b, 10)
        if f == 0:
            return f"{32 + x}{tx.CUPS[b % 4]}-{22 + b % 8}-{33 + x % 6}", None
        return f"{8 + x}x{10 + b % 8} ft", None
    if kind == "height_weight":
        b, f = divmod(b, 3)
        b, inch = divmod(b, 12)
        lbs = 100 + b % 60
        return [f"5'{inch}\"", f"{lbs} lbs", f"5'{inch}\" {lbs}lbs"][f], None
    if kind == "date":
        b, f = divmod(b, 3)
        b, m = divmod(b, 12)
        d = 1 + b % 28
        return [f"{m + 1:02d}/{d:02d}/2012", f"2012-{m + 1:02d}-{d:02d}", f"{tx.MONTHS[m]} {d}"][f], None
    if kind == "time":
        b, f = divmod(b, 3)
        b, h = divmod(b, 12)
        h2 = 1 + b % 12
        return [f"{h + 1}:{(b % 4) * 15:02d}pm", f"{h + 1}am-{h2}am", f"{h + 1}pm to {h2}am"][f], None
    if kind == "zip":
        b, f = divmod(b, 2)
        b, z = divmod(b, 90000)
        return (f"{10000 + z}" if f == 0 else f"{10000 + z}-{b % 10000:04d}"), None
    if kind == "post_id":
        b, f = divmod(b, 10)
        length = [8, 9, 12, 16, 8, 12, 9, 7, 11, 10][f]
        digits = f"{b % 10 ** length:0{length}d}"
        return (digits if f % 2 else f"{digits[:4]}{'abcdefkx'[b % 8]}{digits[4:]}"), None
    if kind == "street_address":
        b, n = divmod(b, 19900)
        b, s = divmod(b, len(tx.STREETS))
        return f"{100 + n} {tx.STREETS[s]} {tx.STREET_TYPES[b % len(tx.STREET_TYPES)]}", None
    if kind == "slogan":
        return tx.SLOGANS[b % len(tx.SLOGANS)], None
    if kind == "filler":
        b, d = divmod(b, 10)
        return str(d) * (7 + b % 6), None
    if kind == "overeager":
        return tx.OVEREAGER[b % len(tx.OVEREAGER)], None
    pool = noise[kind]
    num, text = pool[b % len(pool)]
    return text, (num, NOISE_BRANDS[kind])


def _split(template: str, slot: str) -> tuple[str, str]:
    before, _, after = template.partition(slot)
    return before, after


_CONTACT = [_split(t, "{N}") for t in tx.CONTACT]
_DISTRACTOR_SPLIT = {k: [_split(t, "{x}") for t in v] for k, v in tx.DISTRACTOR_SENTENCES.items()}
_PARTIAL = [_split(t, "{P}") for t in tx.PARTIAL_REPEAT]
_SECOND = [_split(t, "{N}") for t in tx.SECOND_NUMBER]


def _slug(title: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in title)
    return "-".join(p for p in out.split("-") if p)


_TITLE_SLUGS = {th: [_slug(t.replace("{name}", "").replace("{adj}", "").replace("{place}", "")
                           .replace("{day}", "")) for t in ts] for th, ts in tx.TITLES.items()}


def simulate_corpus(spec: SimulationSpec, region_blocks: pd.DataFrame, other_blocks: pd.DataFrame
                    ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return (ads, truth, distractors) for one region. Deterministic for a given spec and blocks."""
    rng = np.random.default_rng(spec.seed)
    numbers = plant_numbers(spec, region_blocks, other_blocks, rng)
    n_num = len(numbers)
    counts = numbers["n_ads"].to_numpy()
    ad_num = np.repeat(np.arange(n_num), counts)
    n = len(ad_num)

    # --- when: each number is active for part of the window; ads uniform within it
    start = np.datetime64(pd.Timestamp(spec.start).to_datetime64(), "s")
    end = np.datetime64((pd.Timestamp(spec.end) + pd.Timedelta(days=1)).to_datetime64(), "s")
    span = float((end - start) / np.timedelta64(1, "s")) - 1
    dur = span * rng.beta(1.2, 3.0, n_num)
    begin = rng.uniform(0, 1, n_num) * (span - dur)
    secs = (begin[ad_num] + rng.random(n) * dur[ad_num]).astype(np.int64)
    order = np.lexsort((np.arange(n), secs))
    ad_num, secs = ad_num[order], secs[order]
    posted = np.datetime_as_string(start + secs.astype("timedelta64[s]"), unit="s")

    # --- who and where: poster (agencies share numbers), home site or a cross-post
    poster = numbers["poster"].to_numpy()[ad_num]
    second = numbers["second_poster"].to_numpy()[ad_num]
    poster = np.where((second >= 0) & (rng.random(n) < 0.5), second, poster)
    n_posters = int(numbers["poster"].max()) + 1
    home = rng.integers(len(spec.sites), size=n_posters)
    cross = rng.random(n) < spec.cross_post_share
    site_idx = np.where(cross, rng.integers(len(spec.sites), size=n), home[poster])
    theme = rng.integers(len(tx.THEMES), size=n_posters)[poster]
    name = rng.integers(len(tx.NAMES), size=n_posters)[poster]

    # --- what: per-ad random draws (reposts may copy the draws of the number's first ad = same text)
    first = np.full(n_num, -1, dtype=np.int64)
    uniq, first_idx = np.unique(ad_num, return_index=True)
    first[uniq] = first_idx
    reuse = rng.random(n) < spec.repost_same_text_share
    src = np.where(reuse, first[ad_num], np.arange(n))
    theme, name = theme[src], name[src]
    ob = spec.obfuscation
    placement = _categorical(rng, n, PLACEMENT_TAGS, ob)[src]
    form = _categorical(rng, n, FORM_TAGS, ob)[src]
    sep = _categorical(rng, n, SEPARATOR_TAGS, ob)[src]
    mods = np.stack([rng.random(n) < spec.rate(m) for m in tx.MODIFIERS], axis=1)[src]
    mod_code = mods @ (1 << np.arange(len(tx.MODIFIERS)))
    kinds = list(patterns.DISTRACTOR_KINDS)
    dis = np.stack([rng.random(n) < float(spec.distractors.get(k, 0.0)) for k in kinds], axis=1)[src]
    # text choices: an index into each pool (theme-dependent pools by their length in the ad's theme)
    def pick(lengths) -> np.ndarray:
        lengths = np.asarray(lengths)
        high = lengths[theme] if lengths.ndim else lengths
        return (rng.random(n) * high).astype(np.int64)[src]
    choice = {
        "title": pick([len(tx.TITLES[t]) for t in tx.THEMES]),
        "opener": pick([len(tx.OPENERS[t]) for t in tx.THEMES]),
        "d1": pick([len(tx.DETAILS[t]) for t in tx.THEMES]),
        "d2": pick([len(tx.DETAILS[t]) for t in tx.THEMES]),
        "nd": pick(3), "avail": pick(len(tx.AVAILABILITY) + 4), "contact": pick(len(_CONTACT)),
        "closer": pick(len(tx.CLOSERS)), "joiner": pick(len(tx.SENTENCE_JOINERS)), "adj": pick(len(tx.ADJS)),
        "adj2": pick(len(tx.ADJS)), "place": pick(len(tx.PLACES)), "day": pick(len(tx.DAYS)),
        "day2": pick(len(tx.DAYS)), "times": pick(len(tx.TIMES)), "cpos": pick(4),
    }
    ob_bits = rng.integers(0, 2 ** 63 - 1, size=n, dtype=np.int64)[src]
    # each present distractor gets its own 64 bits, derived from the ad's draw (so reposts copy them)
    ad_dbits = rng.integers(0, 2 ** 63 - 1, size=n, dtype=np.int64)[src]
    d_rows, d_cols = np.nonzero(dis)
    d_bits = _mix_np(ad_dbits[d_rows].astype(np.uint64), d_cols.astype(np.uint64)) >> np.uint64(1)
    d_next = np.searchsorted(d_rows, np.arange(n + 1)).tolist()
    d_cols_l, d_bits_l = d_cols.tolist(), d_bits.astype(np.int64).tolist()
    noise = _noise_pools(rng, n)
    # some ads also list another number of the number's poster (the next one in the poster's list)
    group_start = np.searchsorted(numbers["poster"].to_numpy(), numbers["poster"].to_numpy(), side="left")
    group_size = np.bincount(numbers["poster"].to_numpy())[numbers["poster"].to_numpy()]
    other = group_start + (np.arange(n_num) - group_start + 1) % group_size
    other_num = other[ad_num]
    two = (rng.random(n) < spec.second_number_share)[src] & (other_num != ad_num)
    second_num = np.where(two, other_num, -1)

    # --- text, one pass
    national = [str(x) for x in numbers["national"].tolist()]
    e164 = ["+1" + x for x in national]
    brand = numbers["brand"].tolist()
    in_region = numbers["in_region"].tolist()
    sites = list(spec.sites)
    region = spec.region
    titles = [tx.TITLES[t] for t in tx.THEMES]
    openers = [tx.OPENERS[t] for t in tx.THEMES]
    details = [tx.DETAILS[t] for t in tx.THEMES]
    slugs = [_TITLE_SLUGS[t] for t in tx.THEMES]
    n_avail = len(tx.AVAILABILITY)
    names, adjs, places, days, times_ = tx.NAMES, tx.ADJS, tx.PLACES, tx.DAYS, tx.TIMES
    ads_rows, truth_rows, dis_rows = [], [], []
    columns = [ad_num, poster, site_idx, theme, name, placement, form, sep, mod_code, ob_bits, second_num,
               *choice.values()]
    for i, (k, p, s, th, nm, pl, fo, se, mc, obb, k2, ti, oi, d1, d2, nd, av, ci, cl, jo, adj, adj2, pla, day,
            day2, tim, cpos) in enumerate(zip(*(c.tolist() for c in columns))):
        ad_id = f"{region}-{i + 1:08d}"
        poster_id = f"P{p:07d}"
        slots = {"name": names[nm], "adj": adjs[adj], "adj2": adjs[adj2], "place": places[pla],
                 "day": days[day], "day2": days[day2], "times": times_[tim]}
        title = titles[th][ti]
        if "{" in title:
            title = title.format_map(slots)
        dets = details[th]
        sentences = [openers[th][oi].format_map(slots), dets[d1].format_map(slots)]
        if nd and d2 != d1:
            sentences.append(dets[d2].format_map(slots))
        if av < n_avail:
            sentences.append(tx.AVAILABILITY[av].format_map(slots))
        joiner = tx.SENTENCE_JOINERS[jo]
        site = sites[s]
        slug = slugs[th][ti]

        # the planted number occurrence
        digits = national[k]
        place_tag = tx.PLACEMENTS[pl]
        if place_tag == "url_slug" or not (fo or se or mc):
            tag_text = "url_slug" if place_tag == "url_slug" else (
                "plain,title_only" if place_tag == "title_only" else "plain")
            primary = "title_only" if place_tag == "title_only" else tag_text
            form_tag, sep_tag = "plain", "standard"
            plus1 = star82 = age = partial = False
        else:
            form_tag = tx.FORMS[fo]
            sep_tag = tx.SEPARATORS[se]
            plus1, star82, age, partial = mc & 1, mc & 2, mc & 4, mc & 8
            if form_tag in ("homophone", "lookalike") and not tx.can_render(digits, form_tag):
                form_tag = "spelled_mixed"
            tags = []
            if form_tag != "plain":
                tags.append(form_tag)
            if sep_tag != "standard":
                tags.append(sep_tag)
            if not tags:
                tags.append("plain")
            for flag, t in ((plus1, "plus1_prefix"), (star82, "star82_prefix"), (age, "appended_age"),
                            (partial, "partial_repeat")):
                if flag:
                    tags.append(t)
            if place_tag != "body":
                tags.append(place_tag)
            tags.sort(key=_TAG_RANK.__getitem__)
            primary = next((t for t in PRIMARY_ORDER if t in tags), "plain")
            tag_text = ",".join(tags)
        pre = tx.STAR82[obb % 4] if star82 else ""
        post = tx.AGE_SUFFIX[(obb >> 2) % len(tx.AGE_SUFFIX)].format(a=20 + (obb >> 5) % 20) if age else ""
        url_tail = f"/{i + 1}"
        contact_span = None
        if place_tag == "url_slug":
            span = digits if obb % 2 else f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
            url_head = f"https://{site}/{region}/{slug}-"
            url = url_head + span + url_tail
            occ = ("url", len(url_head), len(url_head) + len(span))
            contact = tx.CONTACT_ELSEWHERE[(obb >> 1) % len(tx.CONTACT_ELSEWHERE)]
        else:
            url = f"https://{site}/{region}/{slug}{url_tail}"
            span = tx.render_occurrence(digits, form_tag, sep_tag, plus1, obb)
            if place_tag == "title_only":
                if obb % 3 == 0:
                    title = pre + span + post + " " + title
                    occ = ("title", len(pre), len(pre) + len(span))
                else:
                    title = title + " " + pre
                    occ = ("title", len(title), len(title) + len(span))
                    title = title + span + post
                contact = tx.CONTACT_ELSEWHERE[(obb >> 1) % len(tx.CONTACT_ELSEWHERE)]
            else:
                before, after = _CONTACT[ci]
                if "{" in before:
                    before = before.replace("{name}", slots["name"])
                if "{" in after:
                    after = after.replace("{name}", slots["name"])
                before += pre
                contact = before + span + post + after
                contact_span = (len(before), len(before) + len(span))
        # where the contact sentence goes: first, or after the description
        c_at = 0 if cpos == 0 else len(sentences)
        sentences.insert(c_at, contact)
        if partial:
            pb, pa = _PARTIAL[(obb >> 11) % len(_PARTIAL)]
            part = digits[6:]           # the last four digits (a local seven-digit form reads as a number)
            sentences.insert(c_at + 1, pb + part + pa)
        n2_at = None
        if k2 >= 0:                         # a second number of the poster, in an ordinary format
            d2 = national[k2]
            text2 = (f"({d2[:3]}) {d2[3:6]}-{d2[6:]}", f"{d2[:3]}-{d2[3:6]}-{d2[6:]}", f"{d2[:3]}.{d2[3:6]}.{d2[6:]}",
                     f"{d2[:3]} {d2[3:6]} {d2[6:]}")[(obb >> 40) % 4]
            b2, a2 = _SECOND[(obb >> 42) % len(_SECOND)]
            n2_at = c_at + 1
            sentences.insert(n2_at, b2 + text2 + a2)
            n2_span = (len(b2), len(b2) + len(text2))
        # distractor sentences (recorded with their offsets)
        marks = []  # [sentence position, start, end, kind, noise number]
        for q in range(d_next[i], d_next[i + 1]):
            kind = kinds[d_cols_l[q]]
            kb = d_bits_l[q]
            text, noise_num = _distractor_value(kind, kb >> 8, noise)
            templates = _DISTRACTOR_SPLIT[kind]
            tb, ta = templates[kb % len(templates)]
            if "{" in tb:
                tb = tb.replace("{adj}", slots["adj"])
            if "{" in ta:
                ta = ta.replace("{adj}", slots["adj"]).replace("{x2}", text)
            where = 1 + (kb >> 4) % len(sentences)
            sentences.insert(where, tb + text + ta)
            for m in marks:                 # later insertions shift earlier sentences
                if m[0] >= where:
                    m[0] += 1
            marks.append([where, len(tb), len(tb) + len(text), kind, noise_num])
            if c_at >= where:
                c_at += 1
            if n2_at is not None and n2_at >= where:
                n2_at += 1
        closer = tx.CLOSERS[cl]
        if closer:
            sentences.append(closer)
        body = joiner.join(sentences)
        if contact_span is not None or marks or n2_at is not None:
            offsets = []
            pos = 0
            step = len(joiner)
            for sentence in sentences:
                offsets.append(pos)
                pos += len(sentence) + step
            if contact_span is not None:
                occ = ("body", offsets[c_at] + contact_span[0], offsets[c_at] + contact_span[1])
        truth_rows.append((ad_id, poster_id, e164[k], brand[k], in_region[k], True, occ[0], occ[1], occ[2],
                           primary, tag_text, "main"))
        if n2_at is not None:
            truth_rows.append((ad_id, poster_id, e164[k2], brand[k2], in_region[k2], True, "body",
                               offsets[n2_at] + n2_span[0], offsets[n2_at] + n2_span[1], "plain", "plain", "second"))
        for w, s0, s1, kd, nn in marks:
            dis_rows.append((ad_id, "body", offsets[w] + s0, offsets[w] + s1, kd))
            if nn is not None:
                truth_rows.append((ad_id, poster_id, nn[0], nn[1], False, False, "body", offsets[w] + s0,
                                   offsets[w] + s1, "plain", "plain", "noise"))
        ads_rows.append((ad_id, site, region, posted[i], title, body, url))

    ads = pd.DataFrame(ads_rows, columns=AD_COLUMNS)
    truth = pd.DataFrame(truth_rows, columns=TRUTH_COLUMNS)
    for col in ("start", "end"):
        truth[col] = truth[col].astype(np.int64)
    distractors = pd.DataFrame(dis_rows, columns=DISTRACTOR_COLUMNS).sort_values(
        ["ad_id", "start"], kind="stable").reset_index(drop=True)
    for col in ("start", "end"):
        distractors[col] = distractors[col].astype(np.int64)
    return ads, truth, distractors


def simulate_ads(spec: SimulationSpec, region_blocks: pd.DataFrame, other_blocks: pd.DataFrame
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (ads, truth) for one region (see :func:`simulate_corpus` for the distractors too)."""
    ads, truth, _ = simulate_corpus(spec, region_blocks, other_blocks)
    return ads, truth


def spec_from_config(region: str, cfg: dict, seed: int) -> SimulationSpec:
    """Build a :class:`SimulationSpec` from a region's ``ads.simulate`` config block."""
    known = {f for f in SimulationSpec.__dataclass_fields__} - {"region", "seed"}
    kwargs = {k: v for k, v in cfg.items() if k in known}
    kwargs["start"], kwargs["end"] = str(cfg["start"]), str(cfg["end"])
    if "obfuscation" in cfg:
        kwargs["obfuscation"] = {**DEFAULT_OBFUSCATION, **cfg["obfuscation"]}
    if "distractors" in cfg:
        kwargs["distractors"] = {**DEFAULT_DISTRACTORS, **cfg["distractors"]}
    return SimulationSpec(region=region, seed=int(cfg.get("seed", seed)), **kwargs)


def planted_summary(truth: pd.DataFrame, ads: pd.DataFrame | None = None,
                    distractors: pd.DataFrame | None = None) -> dict:
    """Planted brand shares among unique target numbers, and corpus counts; no raw numbers."""
    target = truth[truth["target"]] if "target" in truth else truth
    numbers = target.drop_duplicates("number")
    n = len(numbers)
    counts = numbers["brand"].value_counts().sort_index()
    tags = target["tags"].str.split(",").explode() if "tags" in target else target["pattern"]
    per_number = target.groupby("number")["ad_id"].nunique()
    posters_per_number = target.groupby("number")["poster_id"].nunique()
    numbers_per_poster = target.groupby("poster_id")["number"].nunique()
    out = {
        "unique_numbers": int(n),
        "ads": int(truth["ad_id"].nunique()),
        "posters": int(target["poster_id"].nunique()),
        "in_region_share": float(numbers["in_region"].mean()) if n else 0.0,
        "brand_shares": {b: int(k) / n for b, k in counts.items()},
        "pattern_counts": {p: int(k) for p, k in target["pattern"].value_counts().sort_index().items()},
        "tag_counts": {p: int(k) for p, k in tags.value_counts().sort_index().items()},
        "occurrences": int(len(target)),
        "obfuscated_share": float((target["pattern"] != "plain").mean()) if len(target) else 0.0,
        "out_of_region_numbers": int((~numbers["in_region"].astype(bool)).sum()),
        "ads_per_number": {"mean": float(per_number.mean()), "median": float(per_number.median()),
                           "max": int(per_number.max())} if n else {},
        "numbers_per_poster": {"mean": float(numbers_per_poster.mean()),
                               "max": int(numbers_per_poster.max())} if n else {},
        "shared_numbers": int((posters_per_number > 1).sum()),
        "second_number_ads": int((target["role"] == "second").sum()) if "role" in target else 0,
    }
    if "target" in truth:
        noise = truth[~truth["target"]]
        out["noise"] = {"occurrences": int(len(noise)), "unique_numbers": int(noise["number"].nunique()),
                        "by_brand": {b: int(k) for b, k in noise.drop_duplicates("number")["brand"]
                                     .value_counts().sort_index().items()}}
    if ads is not None and len(ads):
        posted = pd.to_datetime(ads["posted_at"])
        out["first_posted"] = posted.min().strftime("%Y-%m-%d")
        out["last_posted"] = posted.max().strftime("%Y-%m-%d")
        out["sites"] = int(ads["site"].nunique())
    if distractors is not None:
        out["distractor_counts"] = {k: int(v) for k, v in distractors["kind"].value_counts().sort_index().items()}
        out["ads_with_distractors"] = int(distractors["ad_id"].nunique())
    return out
