"""Adversarial ad text for robustness tests and the extractor's linear-time benchmark.

Pieces that stress a phone-number extractor: long digit runs, digits broken by every separator,
spelled-out digits, nested brackets, and RFC 3966 ``tel:`` URIs with a ``;phone-context=`` parameter
(the input that makes phonenumbers' ``parse()`` backtrack on long inputs). Deterministic for a seed.
"""

from __future__ import annotations

import random

NUMBER_WORDS = ("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "twenty", "hundred", "thousand", "FIVE", "Nine", "to", "for", "ate", "won")
SEPARATORS = (" ", "-", ".", "/", "(", ")", "  ", " - ", "_", "*", ",", "|", "\t", "\n", "\u00a0", "\u2013", "\uff0d")
DIGITS = "0123456789" + "\uff10\uff11\uff12\uff13\uff14" + "\u0660\u0661\u0662"  # ASCII, full-width, Arabic-Indic


def _piece(rng: random.Random) -> str:
    kind = rng.randrange(8)
    if kind == 0:  # a long run of digits
        return "".join(rng.choice("0123456789") for _ in range(rng.randint(20, 400)))
    if kind == 1:  # digits broken by separators
        return "".join(rng.choice(DIGITS) + rng.choice(SEPARATORS) for _ in range(rng.randint(5, 80)))
    if kind == 2:  # spelled-out digits
        return " ".join(rng.choice(NUMBER_WORDS) for _ in range(rng.randint(3, 60)))
    if kind == 3:  # tel: URI with phone-context, repeated and nested
        n = rng.randint(1, 30)
        return "tel:" + "+1-" * n + "213-" * n + ";phone-context=" * n + "+1" + "0" * rng.randint(0, 50)
    if kind == 4:  # brackets and plus signs
        return "(" * rng.randint(1, 40) + "+1 " + ")" * rng.randint(1, 40) + "".join(
            rng.choice("0123456789+()") for _ in range(rng.randint(10, 100)))
    if kind == 5:  # extension markers and the like
        return " ext. " + " x" * rng.randint(1, 30) + "".join(rng.choice("0123456789") for _ in range(12))
    if kind == 6:  # mixed words and digits
        return " ".join(rng.choice(("call", "text", "2", "1", "3", "five", "55", "555", "-", "me", "@"))
                        for _ in range(rng.randint(5, 50)))
    return "".join(rng.choice("0123456789 -.()+") for _ in range(rng.randint(10, 300)))


def adversarial_text(n_chars: int = 1_000_000, seed: int = 0) -> str:
    """About ``n_chars`` characters of adversarial text (exactly ``n_chars``)."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < n_chars:
        piece = _piece(rng) + rng.choice(SEPARATORS)
        parts.append(piece)
        total += len(piece)
    return "".join(parts)[:n_chars]
