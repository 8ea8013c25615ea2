import pandas as pd

from frontline import extract


def test_finds_plain_formats():
    found = extract.find_numbers("Call (213) 555-0147 today")
    assert [f.number for f in found] == ["+12135550147"]
    assert "Call (213) 555-0147 today"[found[0].start:found[0].end] == "(213) 555-0147"


def test_extract_ads_looks_in_title_body_and_url():
    ads = pd.DataFrame({"ad_id": ["a"], "title": ["213-555-0147"], "body": ["or 310.555.0199"],
                        "url": ["https://x.example/ad"]})
    out = extract.extract_ads(ads)
    assert sorted(out["field"]) == ["body", "title"]
    assert set(out["number"]) == {"+12135550147", "+13105550199"}


def test_no_number_in_prices():
    assert extract.find_numbers("Rates 150/250/400, 24/7, 100% real") == []


def test_seven_digit_matches_are_not_nanp_numbers():
    # phonenumbers' matcher accepts "310/460. 5" as a seven-digit US number; it has no area code
    assert extract.find_numbers("Today only 180/310/460. 5'0\", petite.") == []
