import re

import numpy as np
import pandas as pd
import pytest
import yaml

from frontline import carriers, io, numbering, patterns, simulate
from frontline import simulate_text as tx

from .conftest import ROOT

MIX = {"MetroPCS": 0.19, "T-Mobile": 0.41, "CLEC/VoIP": 0.4}


@pytest.fixture(scope="module")
def la_blocks():
    holders = numbering.load_holders(numbering.default_database(), area_codes=[213, 310, 323, 818, 415])
    table = carriers.load_carriers(ROOT / "data/reference/carriers.csv")
    blocks = simulate.candidate_blocks(numbering.effective_blocks(holders), table)
    in_region = (blocks["prefix"] // 10_000).isin([213, 310, 323, 818])
    return blocks[in_region], blocks[~in_region]


def _spec(**kw):
    base = dict(region="la", n_ads=3000, start="2012-05-01", end="2012-06-30", sites=["a.example", "b.example"],
                seed=3, carrier_mix=MIX)
    base.update(kw)
    return simulate.SimulationSpec(**base)


@pytest.fixture(scope="module")
def corpus(la_blocks):
    """A corpus large enough to check rates; reposts draw afresh so occurrences are independent."""
    spec = _spec(n_ads=24000, repost_same_text_share=0.0, seed=11)
    return spec, *simulate.simulate_corpus(spec, *la_blocks)


def _field_text(ads):
    return {f: ads.set_index("ad_id")[f] for f in ("title", "body", "url")}


def test_simulation_is_deterministic_to_the_byte(la_blocks, tmp_path):
    a = simulate.simulate_corpus(_spec(), *la_blocks)
    b = simulate.simulate_corpus(_spec(), *la_blocks)
    for name, x, y in zip(("ads", "truth", "distractors"), a, b):
        io.write_parquet(x, tmp_path / f"a_{name}.parquet")
        io.write_parquet(y, tmp_path / f"b_{name}.parquet")
        assert (tmp_path / f"a_{name}.parquet").read_bytes() == (tmp_path / f"b_{name}.parquet").read_bytes()
    assert not a[0].equals(simulate.simulate_corpus(_spec(seed=4), *la_blocks)[0])


def test_ads_have_the_raw_ad_schema(corpus):
    spec, ads, truth, distractors = corpus
    assert list(ads.columns) == ["ad_id", "site", "region", "posted_at", "title", "body", "url"]
    assert ads["ad_id"].is_unique
    assert list(truth.columns) == simulate.TRUTH_COLUMNS
    assert list(distractors.columns) == ["ad_id", "field", "start", "end", "kind"]
    posted = pd.to_datetime(ads["posted_at"], format="%Y-%m-%dT%H:%M:%S")
    assert posted.min() >= pd.Timestamp(spec.start)
    assert posted.max() < pd.Timestamp(spec.end) + pd.Timedelta(days=1)
    assert posted.is_monotonic_increasing
    assert set(ads["site"]) == set(spec.sites)


def test_every_planted_number_is_recoverable_from_its_span(corpus):
    _, ads, truth, _ = corpus
    text = _field_text(ads)
    failures = []
    for t in truth.itertuples():
        span = text[t.field][t.ad_id][t.start:t.end]
        want = t.number[1:]                      # E.164 digits without '+'
        got = tx.decode_span(span, t.tags)
        if got != {want} and got != {want[1:]}:   # with or without the NANP country code 1
            failures.append((span, t.tags, got, t.number))
    assert not failures, failures[:5]


def test_spans_are_tight_and_distractors_do_not_overlap_numbers(corpus):
    _, ads, truth, distractors = corpus
    text = _field_text(ads)
    for t in truth.head(3000).itertuples():
        span = text[t.field][t.ad_id][t.start:t.end]
        assert span == span.strip(), repr(span)
    spans = truth.groupby(["ad_id", "field"])[["start", "end"]].apply(lambda d: list(zip(d["start"], d["end"])))
    for d in distractors.itertuples():
        value = text[d.field][d.ad_id][d.start:d.end]
        assert value and value == value.strip()
        if d.kind in ("toll_free", "international"):
            assert (d.start, d.end) in spans.get((d.ad_id, d.field), [])
        else:
            assert all(d.end <= s or d.start >= e for s, e in spans.get((d.ad_id, d.field), []))


def test_pattern_rates_match_config(corpus):
    spec, _, truth, _ = corpus
    target = truth[truth["role"] == "main"]
    tags = target["tags"].str.split(",")
    in_url = tags.map(lambda t: "url_slug" in t)
    text_tags = tags[~in_url]
    for tag in patterns.OBFUSCATION_PATTERNS:
        if tag == "plain":
            continue
        rate = spec.rate(tag)
        pool = tags if tag in simulate.PLACEMENT_TAGS else text_tags
        observed = pool.map(lambda t: tag in t).mean()
        se = (rate * (1 - rate) / len(pool)) ** 0.5
        assert abs(observed - rate) < 4 * se + 0.003, (tag, observed, rate)


def test_every_pattern_occurs_and_primary_is_one_of_the_tags(corpus):
    _, _, truth, _ = corpus
    target = truth[truth["target"]]
    seen = set(target["tags"].str.split(",").explode())
    assert seen == set(patterns.OBFUSCATION_PATTERNS)
    assert all(p in t.split(",") for p, t in zip(target["pattern"], target["tags"]))
    assert set(truth["tags"].str.split(",").explode()) <= set(patterns.OBFUSCATION_PATTERNS)


def test_distractor_rates_match_config(corpus):
    spec, ads, _, distractors = corpus
    present = distractors.groupby("kind")["ad_id"].nunique()
    for kind in patterns.DISTRACTOR_KINDS:
        rate = spec.distractors[kind]
        observed = present.get(kind, 0) / len(ads)
        se = (rate * (1 - rate) / len(ads)) ** 0.5
        assert abs(observed - rate) < 4 * se + 0.003, (kind, observed, rate)


def test_noise_numbers_are_not_targets(corpus):
    _, _, truth, distractors = corpus
    noise = truth[~truth["target"]]
    assert set(noise["brand"]) == {"Toll-free", "International"}
    assert not noise["in_region"].any()
    tf = noise[noise["brand"] == "Toll-free"]["number"]
    assert tf.str.match(r"^\+18(00|88|77|66|55|44|33)\d{7}$").all()
    assert noise[noise["brand"] == "International"]["number"].str.startswith("+44").all()
    assert len(noise) == distractors["kind"].isin(["toll_free", "international"]).sum()


def test_planted_shares_match_config_within_sampling_error(corpus):
    _, _, truth, _ = corpus
    summary = simulate.planted_summary(truth)
    n = summary["unique_numbers"]
    for brand, p in MIX.items():
        se = (p * (1 - p) / n) ** 0.5
        assert abs(summary["brand_shares"][brand] - p) < 4 * se, brand
    se = (0.05 * 0.95 / n) ** 0.5
    assert abs((1 - summary["in_region_share"]) - 0.05) < 4 * se


def test_numbers_come_from_blocks_of_their_brand(la_blocks):
    region, other = la_blocks
    _, truth = simulate.simulate_ads(_spec(), *la_blocks)
    brand_of = dict(zip(region["prefix"], region["brand"])) | dict(zip(other["prefix"], other["brand"]))
    numbers = truth[truth["target"]].drop_duplicates("number")
    for t in numbers.itertuples():
        prefix = int(t.number[2:9])
        assert brand_of[prefix] == t.brand
        assert (prefix // 10_000 in {213, 310, 323, 818}) == t.in_region
    assert numbers.groupby("number")["brand"].nunique().max() == 1


def test_posters_repost_heavily_and_agencies_share_numbers(corpus):
    _, _, truth, _ = corpus
    target = truth[truth["target"]]
    per_number = target.groupby("number")["ad_id"].nunique()
    assert per_number.max() > 8 * per_number.median()          # heavy tail
    assert (target.groupby("poster_id")["number"].nunique() > 1).any()
    assert (target.groupby("number")["poster_id"].nunique() > 1).any()


def test_some_ads_list_a_second_number_of_their_poster(la_blocks):
    spec = _spec(n_ads=6000, shared_number_share=0.0, second_number_share=0.2)
    ads, truth, _ = simulate.simulate_corpus(spec, *la_blocks)
    main = truth[truth["role"] == "main"]
    second = truth[truth["role"] == "second"]
    assert len(main) == len(ads) and main["ad_id"].is_unique
    assert 0 < len(second) <= spec.second_number_share * len(ads)
    pairs = second.merge(main[["ad_id", "number"]], on="ad_id", suffixes=("", "_main"))
    assert (pairs["number"] != pairs["number_main"]).all()
    poster_of = main.groupby("number")["poster_id"].first()
    assert (pairs["number"].map(poster_of) == pairs["poster_id"]).all()
    assert set(truth["role"]) == {"main", "second", "noise"}
    assert (truth["role"] == "noise").equals(~truth["target"])


def test_reposts_can_copy_their_text(la_blocks):
    ads, truth = simulate.simulate_ads(_spec(repost_same_text_share=1.0), *la_blocks)
    target = truth[truth["role"] == "main"].merge(ads[["ad_id", "body"]], on="ad_id")
    assert (target.groupby("number")["body"].nunique() == 1).all()


def test_wording_is_varied(corpus):
    _, ads, truth, _ = corpus
    body = truth[truth["target"] & (truth["field"] == "body")].merge(ads[["ad_id", "body"]], on="ad_id")
    left = [b[max(0, s - 12):s] for b, s in zip(body["body"], body["start"])]
    assert len(set(left)) > 200
    assert ads["body"].nunique() > 0.95 * len(ads)


BLOCKLIST = ["sex", "sexy", "nude", "naked", "porn", "xxx", "fetish", "erotic", "orgasm", "happy ending", "bbbj",
             "gfe", "full service", "nsa", "horny", "fuck", "pussy", "dick", "cock", "boobs", "topless", "escort"]


def test_no_explicit_vocabulary(corpus):
    _, ads, _, _ = corpus
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in BLOCKLIST) + r")\b", re.IGNORECASE)
    text = "\n".join(ads["title"]) + "\n".join(ads["body"]) + "\n".join(ads["url"])
    assert not pattern.search(text), pattern.search(text)


def test_planted_summary_describes_the_corpus_without_raw_numbers(corpus):
    _, ads, truth, distractors = corpus
    summary = simulate.planted_summary(truth, ads, distractors)
    for key in ("unique_numbers", "ads", "posters", "in_region_share", "brand_shares", "pattern_counts",
                "first_posted", "last_posted", "sites", "distractor_counts", "tag_counts", "noise"):
        assert key in summary
    assert summary["ads"] == len(ads)
    assert sum(summary["pattern_counts"].values()) == int(truth["target"].sum())
    text = str(summary)
    assert not any(number[-10:] in text for number in truth["number"].unique())


def test_decoder_rejects_a_wrong_reading():
    assert tx.decode_span("two one three 555 0147", "spelled") == {"2135550147"}
    assert tx.decode_span("2l3-555-O147", "lookalike") == {"2135550147"}
    assert tx.decode_span("2l3-555-O147", "plain") == set()


@pytest.mark.parametrize("kw, message", [
    (dict(carrier_mix={"Nobody": 1.0}), "no numbering blocks held by 'Nobody'"),
    (dict(obfuscation={"rot13": 0.1}), "unknown obfuscation pattern"),
    (dict(obfuscation={"plain": 0.1}), "unknown obfuscation pattern"),
    (dict(obfuscation={"spelled": 0.6, "leet": 0.6}), "digit forms sum to"),
    (dict(distractors={"horoscope": 0.1}), "unknown distractor kind"),
    (dict(start="2012-06-30", end="2012-05-01"), "before simulate.start"),
])
def test_bad_specs_are_clear_errors(la_blocks, kw, message):
    with pytest.raises(ValueError, match=message):
        simulate.simulate_ads(_spec(**kw), *la_blocks)


def test_config_schema_and_defaults_cover_the_vocabulary():
    schema = yaml.safe_load((ROOT / "workflow/schemas/config.schema.yaml").read_text())
    sim = schema["properties"]["regions"]["additionalProperties"]["properties"]["ads"]["properties"]["simulate"]
    assert set(sim["properties"]["obfuscation"]["properties"]) == set(patterns.OBFUSCATION_PATTERNS) - {"plain"}
    assert set(sim["properties"]["distractors"]["properties"]) == set(patterns.DISTRACTOR_KINDS)
    assert set(simulate.DEFAULT_OBFUSCATION) == set(patterns.OBFUSCATION_PATTERNS) - {"plain"}
    assert set(simulate.DEFAULT_DISTRACTORS) == set(patterns.DISTRACTOR_KINDS)
    cfg = yaml.safe_load((ROOT / "config/config.yaml").read_text())
    la = cfg["regions"]["los_angeles"]["ads"]["simulate"]
    assert la["carrier_mix"]["MetroPCS"] == 0.19
    assert la["obfuscation"] == simulate.DEFAULT_OBFUSCATION
    assert la["distractors"] == simulate.DEFAULT_DISTRACTORS


def test_spec_from_config_fills_missing_rates_with_defaults():
    spec = simulate.spec_from_config("la", {"n_ads": 10, "start": "2012-05-01", "end": "2012-05-02",
                                            "sites": ["a"], "carrier_mix": MIX, "obfuscation": {"leet": 0.5},
                                            "csv": True}, seed=1)
    assert spec.rate("leet") == 0.5
    assert spec.rate("spelled") == simulate.DEFAULT_OBFUSCATION["spelled"]
    assert spec.seed == 1
    assert np.isclose(sum(spec.distractors.values()), sum(simulate.DEFAULT_DISTRACTORS.values()))


def test_us_blocks_keep_united_states_area_codes_only():
    blocks = pd.DataFrame({"prefix": [2135551, 4155550, 4165550, 6045550, 7875550, 8765550, 6715550, 2505550]})
    # Los Angeles and San Francisco; Toronto, Vancouver, Puerto Rico, Jamaica, Guam, British Columbia
    assert simulate.us_blocks(blocks).tolist() == [True, True, False, False, False, False, False, False]



def test_blocks_split_into_the_region_and_us_blocks_elsewhere():
    blocks = pd.DataFrame({"prefix": [2135551, 3235550, 4155550, 4165550, 7875550, 2505550], "brand": list("abcdef")})
    region, elsewhere = simulate.split_blocks(blocks, [213, 323])
    assert region["prefix"].tolist() == [2135551, 3235550]
    assert elsewhere["prefix"].tolist() == [4155550]  # Toronto, Puerto Rico and British Columbia left out
