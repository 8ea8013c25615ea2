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


def pct(x: float, digits: int = 1) -> str:
    """0.1903 -> '19.0%'."""
    return f"{100 * float(x):.{digits}f}%"


def num(x: float, digits: int = 0) -> str:
    """1234.5 -> '1,235' (or with ``digits`` decimals)."""
    return f"{float(x):,.{digits}f}"


def pval(p: float) -> str:
    """A p-value as reviewers expect it: '< 0.001' below a thousandth, else three significant digits."""
    p = float(p)
    if p < 0.001:
        exp = math.floor(math.log10(p)) if p > 0 else -300
        return "< 0.001" if p == 0 else f"< 10^{exp + 1}^"
    return f"{p:.3g}"


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


def render_html(markdown: str | os.PathLike, html: str | os.PathLike, bibliography: str | os.PathLike,
                resource_path: str | os.PathLike, css: str | os.PathLike | None = None) -> None:
    import pypandoc

    args = ["--standalone", "--embed-resources", "--citeproc", f"--bibliography={bibliography}",
            f"--resource-path={resource_path}", "--number-sections", "--toc"]
    if css:
        args.append(f"--css={css}")
    with atomic_path(html) as tmp:
        pypandoc.convert_file(str(markdown), "html5", format="markdown", outputfile=str(tmp), extra_args=args)


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
               root: str | os.PathLike, timestamp: int | None = None) -> None:
    """Markdown -> Typst (pandoc) -> PDF (typst). ``root`` must contain the figures.

    ``timestamp`` (Unix time) is the PDF's creation date; default :func:`pdf_timestamp`.
    """
    import pypandoc
    import typst

    typ = Path(pdf).with_suffix(".typ")
    args = ["--standalone", "--citeproc", f"--bibliography={bibliography}", "--number-sections",
            f"--resource-path={Path(markdown).parent}"]
    text = pypandoc.convert_file(str(markdown), "typst", format="markdown", extra_args=args)
    write_text(text, typ)
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
