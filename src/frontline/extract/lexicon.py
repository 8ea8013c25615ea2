"""What the extractor knows: a character table and the number words.

The character table is length-preserving (one character in, one character out), so offsets into the
normalised text are offsets into the original text. It maps every character whose Unicode NFKC form or
decimal value is a single digit to that ASCII digit (fullwidth, mathematical, circled, superscript,
Arabic-Indic and other scripts' digits), Cyrillic and Greek letters that look like Latin ones to those
letters, ASCII upper case to lower case, and keycap/variation marks and emoji to a neutral separator.
"""

from __future__ import annotations

import unicodedata

#: The character every emoji, keycap combining mark and variation selector becomes.
NEUTRAL = "\x1a"

#: Letters from other scripts that posters use for Latin letters (and so, inside numbers, for digits).
LOOKALIKE_LETTERS = {
    "\u041e": "o", "\u043e": "o",  # Cyrillic O o
    "\u039f": "o", "\u03bf": "o",  # Greek Omicron omicron
    "\u0406": "i", "\u0456": "i",  # Cyrillic-Ukrainian I i
    "\u0399": "i", "\u03b9": "i",  # Greek Iota iota
    "\u04c0": "l", "\u04cf": "l",  # Cyrillic palochka
    "\u0417": "3", "\u0437": "3",  # Cyrillic Ze, read as 3 only because it is mapped to a digit here
    "\u0405": "s", "\u0455": "s",  # Cyrillic Dze
    "\u0412": "b", "\u0392": "b",  # Cyrillic Ve, Greek Beta (capital)
}

_CHAR_RANGES = [(0x00A0, 0x2BFF), (0x2E80, 0x33FF), (0xFE00, 0xFE0F), (0xFF00, 0xFFEF),
                (0x1D400, 0x1D7FF), (0x1F100, 0x1F1FF), (0x1FBF0, 0x1FBF9)]
_EMOJI_RANGES = [(0x2190, 0x21FF), (0x2300, 0x23FF), (0x2460 + 0x40, 0x24FF), (0x2500, 0x27BF),
                 (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF), (0xFE00, 0xFE0F), (0x200D, 0x200D), (0x20E3, 0x20E3),
                 (0xE0020, 0xE007F)]


def _digit_of(ch: str) -> str | None:
    """The ASCII digit a character stands for, if exactly one."""
    for f in (unicodedata.decimal, unicodedata.digit):
        try:
            return str(f(ch))
        except ValueError:
            pass
    norm = unicodedata.normalize("NFKC", ch)
    digits = [c for c in norm if c.isdigit()]
    if len(digits) == 1 and len(norm) <= 3 and digits[0].isascii():
        return digits[0]
    return None


def build_table() -> dict[int, str]:
    table: dict[int, str] = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    for lo, hi in _EMOJI_RANGES:
        for cp in range(lo, hi + 1):
            table[cp] = NEUTRAL
    for lo, hi in _CHAR_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            d = _digit_of(ch)
            if d is not None:
                table[cp] = d
                continue
            norm = unicodedata.normalize("NFKC", ch)
            if len(norm) == 1 and norm.isascii() and norm.isalpha():
                table[cp] = norm.lower()
            elif len(norm) == 1 and norm in "-.*~_/|:":
                table[cp] = norm
    for cp in range(0x0600, 0x1100):  # Arabic-Indic, Devanagari, Bengali, Thai... digits
        d = _digit_of(chr(cp))
        if d is not None:
            table[cp] = d
    for src, dst in LOOKALIKE_LETTERS.items():
        table[ord(src)] = dst
    table[0x2022] = "*"  # bullet
    table[0x00B7] = "*"  # middle dot
    table[0x2013] = "-"
    table[0x2014] = "-"
    return table


TABLE = build_table()

# Number words --------------------------------------------------------------------------------------
# value -> spellings. "unit" words stand for one digit, "teen"/"tens" for two, "hundred" multiplies.
UNITS = {
    "0": ["zero", "cero", "zer0", "z3ro", "z3r0", "zeroo", "zerro", "xero", "zro", "zilch", "c3ro"],
    "1": ["one", "uno", "una", "0ne", "on3", "0n3", "wun", "un0", "onne", "oen"],
    "2": ["two", "dos", "tw0", "twoo", "tw", "d0s", "tow"],
    "3": ["three", "tres", "thr33", "thre3", "thr3e", "thre", "threee", "3ree", "tr3s", "thee3"],
    "4": ["four", "cuatro", "f0ur", "fuor", "foor", "fourr", "fouur", "cuatr0", "quatro", "4our"],
    "5": ["five", "cinco", "f1ve", "fiv3", "f1v3", "fiv", "fyve", "fivee", "cinc0", "fith", "fife"],
    "6": ["six", "seis", "s1x", "sixx", "sicks", "siks", "s3is", "seys"],
    "7": ["seven", "siete", "s3v3n", "sev3n", "s3ven", "sven", "sevn", "sevin", "sevan", "7even", "si3te"],
    "8": ["eight", "ocho", "e1ght", "eigth", "eihgt", "eigh", "8ight", "0cho", "ocho0", "eigt", "eght"],
    "9": ["nine", "nueve", "n1ne", "nin3", "n1n3", "nien", "nyne", "ninee", "nu3ve", "nuebe"],
}
TEENS = {
    "10": ["ten", "diez", "t3n"], "11": ["eleven", "el3v3n"], "12": ["twelve", "doce", "twelv3"],
    "13": ["thirteen", "trece"], "14": ["fourteen", "catorce"], "15": ["fifteen", "quince"],
    "16": ["sixteen", "dieciseis"], "17": ["seventeen", "diecisiete"], "18": ["eighteen", "dieciocho"],
    "19": ["nineteen", "diecinueve"],
    "21": ["veintiuno", "veintiun"], "22": ["veintidos"], "23": ["veintitres"], "24": ["veinticuatro"],
    "25": ["veinticinco"], "26": ["veintiseis"], "27": ["veintisiete"], "28": ["veintiocho"],
    "29": ["veintinueve"],
}
TENS = {
    "2": ["twenty", "veinte", "tw3nty"], "3": ["thirty", "treinta"], "4": ["forty", "fourty", "cuarenta"],
    "5": ["fifty", "cincuenta"], "6": ["sixty", "sesenta"], "7": ["seventy", "setenta"],
    "8": ["eighty", "ochenta"], "9": ["ninety", "noventa"],
}
HUNDRED = ["hundred", "cien", "ciento"]
#: Words that mean a digit only inside a run that already holds digits or number words.
HOMOPHONES = {
    "4": ["for", "fore", "4or"], "2": ["to", "too", "tu"], "0": ["oh", "o"], "1": ["won", "i", "l"], "8": ["ate"],
    "3": ["tree", "free"],
}
#: Spanish "once" is eleven but also an English word; treated like a homophone.
HOMOPHONE_TEENS = {"11": ["once"]}
#: Separator words ("213 dot 555 dot 0147").
SEPARATOR_WORDS = ["dot", "dash", "punto", "guion", "hyphen", "period"]

#: Spellings that are leet or misspellings (for the "leet" kind).
CANONICAL = {"zero", "cero", "one", "uno", "una", "two", "dos", "three", "tres", "four", "cuatro", "five",
             "cinco", "six", "seis", "seven", "siete", "eight", "ocho", "nine", "nueve"}
for _words in list(TEENS.values()) + list(TENS.values()):
    CANONICAL.add(_words[0])
    if len(_words) > 1:
        CANONICAL.add(_words[1])
CANONICAL.update(HUNDRED)
for _v in ("veintiuno", "veintidos", "veintitres", "veinticuatro", "veinticinco", "veintiseis", "veintisiete",
           "veintiocho", "veintinueve", "diez", "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete",
           "dieciocho", "diecinueve", "fourty"):
    CANONICAL.add(_v)


def word_values() -> dict[str, tuple[str, str]]:
    """spelling -> (kind, digits); kind is unit | teen | tens | hundred."""
    out: dict[str, tuple[str, str]] = {}
    for d, words in UNITS.items():
        for w in words:
            out[w] = ("unit", d)
    for d, words in TEENS.items():
        for w in words:
            out[w] = ("teen", d)
    for d, words in TENS.items():
        for w in words:
            out[w] = ("tens", d)
    for w in HUNDRED:
        out[w] = ("hundred", "")
    return out


def homophone_values() -> dict[str, tuple[str, str]]:
    out = {w: ("homophone", d) for d, words in HOMOPHONES.items() for w in words}
    out.update({w: ("homophone", d) for d, words in HOMOPHONE_TEENS.items() for w in words})
    return out
