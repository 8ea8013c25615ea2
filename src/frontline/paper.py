"""Render the paper: numbers injected from generated files, never typed.

``paper/paper.md`` is Pandoc Markdown with Jinja2 placeholders. It is filled from the workflow's
``numbers.json`` files (``StrictUndefined``: a missing value stops the render), then turned into
self-contained HTML by pandoc and into PDF by pandoc's Typst writer and the ``typst`` compiler.
No TeX is needed.
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

import jinja2

from .io import atomic_path, write_text

#: Digits allowed in the paper's source outside placeholders: four-digit years only.
ALLOWED_LITERAL = re.compile(r"(?<![\d.])(19|20)\d{2}(?!\d|\.\d|%)")


#: How a value that could not be computed (JSON null, NaN) is printed.
MISSING = "n/a"


def _missing_as_na(fmt):
    """Let a formatter print :data:`MISSING` for a value the workflow could not compute (null or NaN),
    e.g. a goodness-of-fit statistic when every cell was pooled into one."""
    import functools

    @functools.wraps(fmt)
    def wrapper(x, *args, **kwargs):
        if x is None or (isinstance(x, float) and math.isnan(x)):
            return MISSING
        return fmt(x, *args, **kwargs)
    return wrapper


@_missing_as_na
def pct(x: float, digits: int = 1) -> str:
    """0.1903 -> '19.0%'."""
    return f"{100 * float(x):.{digits}f}%"


@_missing_as_na
def num(x: float, digits: int = 0) -> str:
    """1234.5 -> '1,235' (or with ``digits`` decimals)."""
    return f"{float(x):,.{digits}f}"


@_missing_as_na
def pval(p: float) -> str:
    """A p-value as reviewers expect it: '< 0.001' below a thousandth, else three significant digits."""
    p = float(p)
    if p < 0.001:
        exp = math.floor(math.log10(p)) if p > 0 else -300
        return "< 0.001" if p == 0 else f"< 10^{exp + 1}^"
    return f"{p:.3g}"


@_missing_as_na
def ratio(x: float, digits: int = 2) -> str:
    return f"{float(x):.{digits}f}×"


def environment(template_dir: str | os.PathLike) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(template_dir)), undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True, autoescape=False,
                             # Pandoc uses {#id} for attributes, so Jinja comments take another form.
                             comment_start_string="<!--#", comment_end_string="#-->")
    env.filters.update(pct=pct, num=num, pval=pval, ratio=ratio)
    return env


def fill(template: str | os.PathLike, context: dict) -> str:
    """Fill the paper template; fails on any undefined value."""
    template = Path(template)
    text = environment(template.parent).get_template(template.name).render(**context)
    leftover = re.search(r"\{\{|\{%|<!--#", text)
    if leftover:
        raise ValueError(f"{template}: unrendered placeholder near: {text[max(0, leftover.start() - 40):leftover.end() + 40]!r}")
    return text


def hand_typed_numbers(source: str) -> list[str]:
    """Numbers in the paper source outside placeholders and citations (other than four-digit years)."""
    body = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|<!--#.*?#-->", " ", source, flags=re.S)
    body = re.sub(r"\[@[^\]]*\]|@[\w:-]+", " ", body)
    body = re.sub(r"\]\([^)]*\)", "]", body)  # link and image targets
    body = re.sub(r"\{#[^}]*\}|\{[^}]*width=[^}]*\}", " ", body)  # attributes
    body = ALLOWED_LITERAL.sub(" ", body)
    return re.findall(r"\d[\d.,%]*", body)


#: Words the title may use for a fraction ("one in five").
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "twenty": 20}


def front_matter(text: str) -> dict:
    """The YAML front matter of a (filled) Pandoc Markdown document, or {} if there is none."""
    import yaml

    m = re.match(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", text, flags=re.S)
    return yaml.safe_load(m.group(1)) or {} if m else {}


def check_title(title: str, share: float, brand: str, interval: tuple[float, float] | None = None) -> list[str]:
    """Check every "one in N" in the title against the replicated share of the focus brand.

    The title is prose, so it cannot hold a placeholder; instead it is asserted at render time.
    "One in N" holds when the observed share, written as "one in ...", rounds to N, or when 1/N lies
    inside the share's confidence ``interval`` (low, high). Returns the phrases checked; raises
    ``ValueError`` naming the share when one does not hold.
    """
    checked = []
    for word in re.findall(r"\bone in (\w+)\b", title, flags=re.I):
        n = NUMBER_WORDS.get(word.lower())
        if n is None:
            raise ValueError(f"title: cannot check 'one in {word}' (known words: {sorted(NUMBER_WORDS)})")
        rounds = share > 0 and round(1 / share) == n
        inside = interval is not None and interval[0] <= 1 / n <= interval[1]
        if not (rounds or inside):
            where = f"one in {1 / share:.1f} numbers" if share > 0 else "no numbers"
            within = f", interval {pct(interval[0])} to {pct(interval[1])}" if interval is not None else ""
            raise ValueError(f"title says 'one in {word}' but the replicated {brand} share is {pct(share)} "
                             f"({where}{within}): change the title or check the results")
        checked.append(f"one in {word}")
    return checked


def _label_numbers(text: str) -> dict[str, str]:
    """'fig:x' -> 'Figure 1', 'tbl:y' -> 'Table 1', numbered in order of appearance (as Typst does)."""
    names = {"fig": "Figure", "tbl": "Table"}
    counts = {k: 0 for k in names}
    labels = {}
    for kind, rest in re.findall(r"\{#(fig|tbl):([\w-]+)", text):
        counts[kind] += 1
        labels[f"{kind}:{rest}"] = f"{names[kind]} {counts[kind]}"
    return labels


def resolve_crossrefs(text: str) -> str:
    """Turn ``@fig:x`` / ``[@tbl:y]`` references into linked "Figure 1" / "Table 1" text.

    Pandoc has no built-in cross-references, and with citeproc a bare ``@fig:x`` would be read as a
    missing citation. Numbers follow the order of ``{#fig:..}`` / ``{#tbl:..}`` labels, which is the
    order Typst numbers figures and tables and the order the HTML stylesheet's counters use.
    """
    labels = _label_numbers(text)

    def sub(m: re.Match) -> str:
        key = m.group(1)
        if key not in labels:
            raise ValueError(f"cross-reference @{key} has no figure or table labelled {{#{key}}}")
        return f"[{labels[key]}](#{key})"

    text = re.sub(r"\[@((?:fig|tbl):[\w-]+)\]", sub, text)
    return re.sub(r"(?<![\w@\[])@((?:fig|tbl):[\w-]*\w)", sub, text)


def cited_keys(markdown: str) -> list[str]:
    """Citation keys used in Pandoc Markdown (``[@key]``, ``@key``), in order, without cross-references,
    e-mail addresses or code spans."""
    body = re.sub(r"```.*?```|`[^`]*`", " ", markdown, flags=re.S)
    keys = re.findall(r"(?<![\w@])@([A-Za-z0-9_][\w:.#$%&+?<>~/-]*[\w])", body)
    return list(dict.fromkeys(k for k in keys if not k.startswith(("fig:", "tbl:"))))


def bibliography_keys(bib: str | os.PathLike) -> set[str]:
    """Entry keys of a BibTeX file."""
    return set(re.findall(r"^\s*@\w+\s*\{\s*([^,\s]+)\s*,", Path(bib).read_text(encoding="utf-8"), flags=re.M))


def check_citations(markdown: str, bib: str | os.PathLike) -> list[str]:
    """Every cited key must be in the bibliography (citeproc would print '(key?)' in the paper)."""
    keys = cited_keys(markdown)
    missing = [k for k in keys if k not in bibliography_keys(bib)]
    if missing:
        raise ValueError(f"cited but not in {bib}: {', '.join(missing)}")
    return keys


def _common_args(bibliography) -> list[str]:
    # --columns: pipe tables whose rows are longer than this get equal column widths and wrap badly.
    return ["--standalone", "--citeproc", f"--bibliography={bibliography}", "--number-sections",
            "--columns=400", "--metadata=reference-section-title:References"]


def render_html(markdown: str | os.PathLike, html: str | os.PathLike, bibliography: str | os.PathLike,
                resource_path: str | os.PathLike, css: str | os.PathLike | None = None) -> None:
    """Self-contained HTML (figures embedded as data URIs) with a table of contents."""
    import pypandoc

    args = [*_common_args(bibliography), "--embed-resources", f"--resource-path={resource_path}", "--toc",
            "--toc-depth=1"]
    if css:
        args.append(f"--css={css}")
    text = resolve_crossrefs(Path(markdown).read_text(encoding="utf-8"))
    out = pypandoc.convert_text(text, "html5", format="markdown", extra_args=args)
    write_text(out, html)


def pdf_timestamp() -> int:
    """The creation date written into the PDF, as a Unix time.

    Typst stamps the PDF (``CreationDate``, ``ModDate``, XMP ``CreateDate``) with the current time
    unless given one, and typst-py does not read ``SOURCE_DATE_EPOCH`` itself. We follow the
    reproducible-builds convention: ``SOURCE_DATE_EPOCH`` if set, else the epoch (zero), so two renders of
    the same source give the same bytes.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return 0
    if not value.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be a non-negative integer (Unix time), got {value!r}")
    return int(value)


def render_pdf(markdown: str | os.PathLike, pdf: str | os.PathLike, bibliography: str | os.PathLike,
               root: str | os.PathLike, header: str | os.PathLike | None = None,
               timestamp: int | None = None) -> None:
    """Markdown -> Typst (pandoc) -> PDF (typst). ``root`` must contain the figures.

    ``header`` is a Typst file of page, font, figure and table settings included in the preamble.
    ``timestamp`` (Unix time) is the PDF's creation date; default :func:`pdf_timestamp`.
    """
    import pypandoc
    import typst

    typ = Path(pdf).with_suffix(".typ")
    args = [*_common_args(bibliography), f"--resource-path={Path(markdown).parent}",
            "--variable=papersize:a4", "--variable=fontsize:10.5pt", "--variable=page-numbering:1",
            "--variable=section-numbering:1.1"]
    if header:
        args.append(f"--include-in-header={header}")
    text = resolve_crossrefs(Path(markdown).read_text(encoding="utf-8"))
    out = pypandoc.convert_text(text, "typst", format="markdown", extra_args=args)
    write_text(out, typ)
    with atomic_path(pdf) as tmp:
        typst.compile(str(typ), output=str(tmp), root=str(root),
                      timestamp=pdf_timestamp() if timestamp is None else int(timestamp))


def write_filled(text: str, path: str | os.PathLike) -> None:
    write_text(text, path)


def context(facts: dict[str, dict], figures: dict[str, dict[str, str]], primary: str,
            out_dir: str | os.PathLike) -> dict:
    """Template context.

    ``facts`` maps region → name → the parsed JSON the paper quotes (``numbers``, ``ingest``,
    ``planted``, ...); ``figures`` maps region → name → figure path. In the template, ``primary`` is
    the replicated region's facts plus ``label`` and ``figures`` (paths relative to the rendered
    paper's folder), and ``regions`` holds the same for every region, in config order.
    """
    if primary not in facts:
        raise ValueError(f"paper.primary_region '{primary}' is not among the configured regions {sorted(facts)}")
    out_dir = Path(out_dir)
    regions = {}
    for region, named in facts.items():
        entry = dict(named)
        entry["region"] = region
        entry["label"] = named.get("numbers", {}).get("label", region)
        entry["figures"] = {name: os.path.relpath(path, out_dir) for name, path in figures.get(region, {}).items()}
        regions[region] = entry
    return {"primary": regions[primary], "regions": regions}
