"""The paper's sources and the rendering library (no workflow run needed)."""
import re
from pathlib import Path

import pytest

from frontline import paper

ROOT = Path(__file__).resolve().parents[1]
PAPER = ROOT / "paper"
#: Every paper source a number could be typed into: the frame, every section, and any other Markdown.
SOURCES = sorted(PAPER.rglob("*.md"))


def test_the_paper_sources_are_all_found():
    names = {p.relative_to(PAPER).as_posix() for p in SOURCES}
    assert {"paper.md", "sections/abstract.md", "sections/introduction.md", "sections/data.md",
            "sections/methods.md", "sections/results.md", "sections/robustness.md",
            "sections/limitations.md", "sections/reproducibility.md"} <= names


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.relative_to(PAPER).as_posix())
def test_paper_source_has_no_hand_typed_results(source):
    assert paper.hand_typed_numbers(source.read_text(encoding="utf-8")) == []


def test_every_section_file_is_included_exactly_once():
    included = []
    for source in SOURCES:
        included += re.findall(r'\{%-?\s*include\s+"([^"]+)"', source.read_text(encoding="utf-8"))
    for name in included:
        assert (PAPER / name).is_file(), f"{name} is included but missing"
    sections = sorted(p.relative_to(PAPER).as_posix() for p in (PAPER / "sections").glob("*.md"))
    assert sorted(included) == sections, "a section file is never included, or included twice"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.relative_to(PAPER).as_posix())
def test_paper_source_cites_only_known_works(source):
    known = paper.bibliography_keys(PAPER / "references.bib")
    assert [k for k in paper.cited_keys(source.read_text(encoding="utf-8")) if k not in known] == []


def test_the_title_holds_for_the_claim_it_names():
    # The claim: about one in five numbers (19% as the press reported it) were MetroPCS.
    line = re.search(r"^title:.*$", (PAPER / "paper.md").read_text(encoding="utf-8"), flags=re.M).group(0)
    title = paper.front_matter(f"---\n{line}\n---\n")["title"]
    assert paper.check_title(title, 0.19, "MetroPCS") == ["one in five"]


def test_hand_typed_numbers_are_caught():
    assert paper.hand_typed_numbers("MetroPCS had 19% of numbers in 2012.") == ["19%"]
    assert paper.hand_typed_numbers("a ratio of {{ x | ratio }} and 5.6 times") == ["5.6"]
    assert paper.hand_typed_numbers("see [@latonero2012] and {{ n | num }} ads in 2012") == []
    assert paper.hand_typed_numbers("an interval of 95% and 3,412 numbers") == ["95%", "3,412"]
    assert paper.hand_typed_numbers("---\ntitle: One in 5\n---\ntext") == ["5"]


def test_fill_fails_on_a_missing_value(tmp_path):
    (tmp_path / "t.md").write_text("share {{ primary.focus.share | pct }}")
    with pytest.raises(Exception, match="focus"):
        paper.fill(tmp_path / "t.md", {"primary": {}})


def test_fill_fails_on_an_unrendered_placeholder(tmp_path):
    (tmp_path / "t.md").write_text("share {% raw %}{{ primary.share }}{% endraw %} of numbers")
    with pytest.raises(ValueError, match="unrendered placeholder"):
        paper.fill(tmp_path / "t.md", {})


def test_fill_keeps_pandoc_attributes(tmp_path):
    (tmp_path / "t.md").write_text("![cap](f.png){#fig:x width=90%} {{ v | pct }}")
    assert paper.fill(tmp_path / "t.md", {"v": 0.19}) == "![cap](f.png){#fig:x width=90%} 19.0%"


def test_fill_includes_sections_and_indents_the_abstract(tmp_path):
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "a.md").write_text("share {{ v | pct }}\nsecond line\n")
    (tmp_path / "t.md").write_text('---\nabstract: |\n{% filter indent(2, first=True) %}'
                                   '{% include "sections/a.md" %}{% endfilter %}\n---\n')
    text = paper.fill(tmp_path / "t.md", {"v": 0.2})
    assert paper.front_matter(text)["abstract"] == "share 20.0%\nsecond line\n"


def test_formatters():
    assert paper.pct(0.1903) == "19.0%"
    assert paper.num(12345) == "12,345"
    assert paper.ratio(5.588) == "5.59×"
    assert paper.pval(0.0123) == "0.0123"
    assert paper.pval(1e-9).startswith("< 10^")


@pytest.mark.parametrize("share", [0.19, 0.2, 0.21])
def test_title_one_in_five_holds_near_a_fifth(share):
    assert paper.check_title("One in five? A test", share, "MetroPCS") == ["one in five"]


@pytest.mark.parametrize("share", [0.1, 0.15, 0.3, 0.0])
def test_title_one_in_five_fails_when_the_share_is_not_a_fifth(share):
    with pytest.raises(ValueError, match="one in five"):
        paper.check_title("Is one in five a MetroPCS number?", share, "MetroPCS")


def test_title_one_in_five_holds_when_a_fifth_is_inside_the_interval():
    assert paper.check_title("One in five?", 0.17, "MetroPCS", interval=(0.15, 0.21)) == ["one in five"]
    with pytest.raises(ValueError, match="interval"):
        paper.check_title("One in five?", 0.17, "MetroPCS", interval=(0.16, 0.18))


def test_title_without_a_fraction_checks_nothing():
    assert paper.check_title("A replication", 0.5, "MetroPCS") == []


def test_title_with_an_unknown_fraction_word_fails():
    with pytest.raises(ValueError, match="cannot check"):
        paper.check_title("one in many", 0.2, "MetroPCS")


def test_front_matter():
    assert paper.front_matter("---\ntitle: T\n---\nbody") == {"title": "T"}
    assert paper.front_matter("no front matter") == {}


def test_crossrefs_are_numbered_in_order_of_their_labels():
    text = ("See @fig:b and [@tbl:t], then @fig:a.\n\n![B](b.png){#fig:b}\n\n![A](a.png){#fig:a width=50%}\n\n"
            ": T {#tbl:t}\n")
    out = paper.resolve_crossrefs(text)
    assert out.startswith("See [Figure 1](#fig:b) and [Table 1](#tbl:t), then [Figure 2](#fig:a).")


def test_a_crossref_to_a_missing_label_fails():
    with pytest.raises(ValueError, match="fig:nope"):
        paper.resolve_crossrefs("see @fig:nope")


def test_cited_keys_skip_crossrefs_mail_and_code():
    text = "mail a@b.org, @fig:x, [@tbl:y; @wilson1927, p. x] and @holm1979. `@code` [@wilson1927]"
    assert paper.cited_keys(text) == ["wilson1927", "holm1979"]


def test_check_citations_names_the_missing_key(tmp_path):
    bib = tmp_path / "r.bib"
    bib.write_text("@article{known,\n title={T}}\n")
    assert paper.check_citations("[@known]", bib) == ["known"]
    with pytest.raises(ValueError, match="unknown"):
        paper.check_citations("[@known; @unknown]", bib)


def test_formatters_print_na_for_values_that_could_not_be_computed():
    for fmt in (paper.pct, paper.num, paper.pval, paper.ratio):
        assert fmt(None) == paper.MISSING
        assert fmt(float("nan")) == paper.MISSING
    assert paper.num(3.0) == "3"
