from pathlib import Path

import pytest

from frontline import paper

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("source", sorted((ROOT / "paper").rglob("*.md")), ids=lambda p: p.name)
def test_paper_source_has_no_hand_typed_results(source):
    assert paper.hand_typed_numbers(source.read_text(encoding="utf-8")) == []


def test_hand_typed_numbers_are_caught():
    assert paper.hand_typed_numbers("MetroPCS had 19% of numbers in 2012.") == ["19%"]
    assert paper.hand_typed_numbers("a ratio of {{ x | ratio }} and 5.6 times") == ["5.6"]
    assert paper.hand_typed_numbers("see [@latonero2012] and {{ n | num }} ads in 2012") == []


def test_fill_fails_on_a_missing_value(tmp_path):
    (tmp_path / "t.md").write_text("share {{ primary.focus.share | pct }}")
    with pytest.raises(Exception, match="focus"):
        paper.fill(tmp_path / "t.md", {"primary": {}})


def test_fill_keeps_pandoc_attributes(tmp_path):
    (tmp_path / "t.md").write_text("![cap](f.png){#fig:x width=90%} {{ v | pct }}")
    assert paper.fill(tmp_path / "t.md", {"v": 0.19}) == "![cap](f.png){#fig:x width=90%} 19.0%"


def test_formatters():
    assert paper.pct(0.1903) == "19.0%"
    assert paper.num(12345) == "12,345"
    assert paper.ratio(5.588) == "5.59×"
    assert paper.pval(0.0123) == "0.0123"
    assert paper.pval(1e-9).startswith("< 10^")
