"""phonenumbers' verdict on every NANP area code and exchange, precomputed once at install.

A ten-digit NANP number is valid - and a target or not (toll-free, premium rate, shared cost) - by
phonenumbers' metadata patterns, which nearly always constrain only its first six digits, the area code
and the exchange. Not always: expanding the patterns (``line_dependent_keys``) finds the few exchanges
whose patterns also constrain the line digits (with phonenumbers 9.0.43: Barbados 246-521 and 246-522 and
Jamaica 876-606, where only some numbers are valid). So the verdict of every number is one of 1,000,000
verdicts, one per six-digit key (the area code and exchange read as a number), but for those few keys,
whose numbers are classified one by one. ``python -m frontline.extract.exchanges`` computes them all
with the extractor's own ``core._classify_number`` - by construction phonenumbers' verdict - and writes
them beside the core as ``exchange_verdicts.bin``; ``make`` does it after installing the package (a few
seconds). The extractor's core reads the table at its first number and then looks each verdict up (one
byte read) instead of matching the metadata patterns of each new exchange (about 5 µs each: a third of a
second on a megabyte of random digits).

The file: a text header, then one byte per key (``INVALID``, ``TARGET``, ``OTHER`` or ``BY_LINE``; keys
whose structure the core rejects before it asks - area code or exchange starting 0 or 1, an N11 area
code - hold ``INVALID``). The header names the format, phonenumbers' version, a digest of the NANP regions'
metadata files, the classifier's signature (number types and which are not targets) and a checksum of
the body; a table whose header differs from the one the installed phonenumbers and core would write (an
upgrade, another format, a truncated or damaged file) is ignored, and the core keeps memoising the
verdicts it computes, with the same answers. Standard library and phonenumbers only: no numpy, no
compiled code.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import sys
import time
import zlib
from pathlib import Path
from re import _constants as C, _parser

import phonenumbers

#: Version of the file layout; raise it when the layout or the meaning of a byte changes.
FORMAT = 1
#: One key per area code and exchange: the first six digits read as a number.
KEYS = 1_000_000
#: The verdict bytes: not a valid number; valid and a target; valid, not a target; it depends on the line
#: digits (classify the whole number).
INVALID, TARGET, OTHER, BY_LINE = 0, 1, 2, 3
#: The table's file name, beside the extractor's core.
FILENAME = "exchange_verdicts.bin"
DEFAULT_PATH = Path(__file__).resolve().parent / FILENAME
_MAGIC = b"frontline exchange verdicts\n"
#: The line digits of the number each key is classified with (any four: but for the keys of
#: line_dependent_keys(), the verdict does not depend on them).
LINE = "0000"


def nanp_metadata_digest() -> str:
    """SHA-256 of phonenumbers' metadata files for the NANP regions (calling code 1), in their order:
    the very patterns the core matches. Reads the files (about 25 small ones); loads no metadata."""
    import phonenumbers.data as data

    base = os.path.dirname(data.__file__)
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE[1]
    h = hashlib.sha256(",".join(regions).encode())
    for region in regions:
        with open(os.path.join(base, f"region_{region}.py"), "rb") as f:
            h.update(b"\0" + f.read())
    return h.hexdigest()


def header(signature: str, body: bytes | None = None) -> bytes:
    """The header a table written now would carry: format, phonenumbers' version, the NANP metadata's
    digest, the classifier's ``signature`` and, given the ``body``, its CRC-32 (else without that line)."""
    lines = [f"format {FORMAT}", f"phonenumbers {phonenumbers.__version__}",
             f"metadata {nanp_metadata_digest()}",
             f"classifier {hashlib.sha256(signature.encode()).hexdigest()}"]
    if body is not None:
        lines.append(f"body {zlib.crc32(body):08x}")
    return _MAGIC + "".join(line + "\n" for line in lines).encode() + b"\n"


def structure_rejected(key: int) -> bool:
    """True when the core rejects every number of this area code and exchange before asking the table:
    area code or exchange starting 0 or 1, or an N11 area code."""
    npa, nxx = divmod(key, 1000)
    return npa < 200 or nxx < 200 or npa % 100 == 11


#: The metadata fields the core matches, besides each region's general pattern (full matches) and leading
#: digits (a prefix match): the patterns of the number types.
_TYPE_FIELDS = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan",
                "voicemail", "fixed_line", "mobile")
_DIGITS = frozenset("0123456789")


def _sequences(tokens, cap: int = 10) -> list[tuple]:
    """The strings of at most ``cap`` digits a parsed regex matches, as sequences of per-position digit
    sets (a union of products). Handles what phonenumbers' patterns use - literals, classes, ``\\d``,
    groups, alternation, bounded repetition; anything else raises ValueError."""
    out = [()]
    for op, av in tokens:
        alternatives = _item(op, av, cap)
        out = [s + a for s in out for a in alternatives if len(s) + len(a) <= cap]
    return out


def _item(op, av, cap: int) -> list[tuple]:
    if op is C.LITERAL:
        return [(frozenset(chr(av)) & _DIGITS,)]
    if op is C.IN:
        chars: set = set()
        negate = False
        for o, a in av:
            if o is C.LITERAL:
                chars.add(chr(a))
            elif o is C.RANGE:
                chars.update(chr(c) for c in range(a[0], a[1] + 1))
            elif o is C.CATEGORY and a is C.CATEGORY_DIGIT:
                chars |= _DIGITS
            elif o is C.NEGATE:
                negate = True
            else:
                raise ValueError(f"pattern element {o} {a}")
        digits = frozenset(chars) & _DIGITS
        return [(_DIGITS - digits if negate else digits,)]
    if op is C.CATEGORY and av is C.CATEGORY_DIGIT or op is C.ANY:
        return [(_DIGITS,)]
    if op is C.SUBPATTERN:
        return _sequences(av[-1], cap)
    if op is C.BRANCH:
        return [s for branch in av[1] for s in _sequences(branch, cap)]
    if op is C.MAX_REPEAT or op is C.MIN_REPEAT:
        low, high, sub = av
        inner = _sequences(sub, cap)
        out = []
        for n in range(low, min(high, cap) + 1):
            run = [()]
            for _ in range(n):
                run = [s + a for s in run for a in inner if len(s) + len(a) <= cap]
            out += run
        return out
    raise ValueError(f"pattern element {op} {av}")


def line_dependent_keys() -> frozenset:
    """The keys (area code and exchange) of the numbers whose verdict may depend on their four line digits:
    those where a NANP region's general or type pattern (matched whole, on ten digits) or leading digits
    (matched at the start) restricts a digit after the sixth. Every other key's numbers all match, or all
    fail, each pattern - so they share one verdict. Found by expanding the patterns into sequences of digit
    sets (a few hundredths of a second); ValueError if a pattern holds what the expansion does not handle."""
    from phonenumbers.phonemetadata import PhoneMetadata

    keys: set = set()
    for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[1]:
        m = PhoneMetadata.metadata_for_region(region)
        patterns = [(m.general_desc.national_number_pattern, True), (m.leading_digits, False)]
        patterns += [(getattr(getattr(m, name, None), "national_number_pattern", None), True)
                     for name in _TYPE_FIELDS]
        for pattern, whole in patterns:
            if not pattern:
                continue
            for seq in _sequences(_parser.parse(pattern)):
                if (whole and len(seq) != 10) or all(s == _DIGITS for s in seq[6:]):
                    continue
                keys.update(int("".join(k)) for k in itertools.product(*[sorted(s) for s in seq[:6]]))
    return frozenset(keys)


def build(classify, keys=range(KEYS)) -> bytes:
    """The verdict byte of each key in ``keys`` (all of them: the table's body), ``classify`` being
    ``core._classify_number`` (ten digits -> None, (True, True) or (True, False))."""
    by_line = line_dependent_keys()
    out = bytearray(len(keys))
    for i, key in enumerate(keys):
        if structure_rejected(key):
            continue  # INVALID
        if key in by_line:
            out[i] = BY_LINE
            continue
        verdict = classify(f"{key:06d}{LINE}")
        if verdict is not None:
            out[i] = TARGET if verdict[1] else OTHER
    return bytes(out)


def write(path: Path, classify, signature: str) -> Path:
    """Compute the whole table and write it to ``path`` atomically (temporary file, then rename)."""
    body = build(classify)
    path = Path(path)
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    tmp.write_bytes(header(signature, body) + body)
    os.replace(tmp, path)
    return path


def read(path: Path, signature: str) -> bytes | None:
    """The table's body (``KEYS`` verdict bytes) if the file at ``path`` is a complete table written for
    the installed phonenumbers and this classifier, else None (missing, stale, truncated or damaged)."""
    try:
        with open(path, "rb") as f:
            head = f.readline(len(_MAGIC))
            if head != _MAGIC:
                return None
            for _ in range(8):  # the header's lines, up to the blank line that ends it
                line = f.readline(200)
                head += line
                if line == b"\n":
                    break
            body = f.read(KEYS + 1)
    except OSError:
        return None
    if len(body) != KEYS or head != header(signature, body):
        return None
    return body


def main(argv: list[str] | None = None) -> int:
    """``python -m frontline.extract.exchanges [PATH]``: write the table (default: beside the core)."""
    from frontline.extract import core

    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else DEFAULT_PATH
    start = time.perf_counter()
    write(path, core._classify_number, core.VERDICT_SIGNATURE)
    print(f"wrote {path} ({path.stat().st_size:,} bytes) in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
