"""Words and renderings for the simulated ad corpus.

Everything here is neutral classified-ad wording (companionship, massage and spa, new in town, rentals,
services); nothing is explicit. Ads are assembled sentence by sentence from pools with filled slots, so
that no fixed template frames the number. Number renderings follow the obfuscation patterns of
:mod:`frontline.patterns`; :func:`decode_span` reads a rendered span back (used by the tests to prove every
planted number is recoverable from its offsets).

Random choices inside one ad or one rendering are taken from a single 64-bit integer drawn by numpy
(``bits``), sliced with ``divmod``: no per-ad random generator calls, and fully deterministic.
"""

from __future__ import annotations

import re
import unicodedata

# --------------------------------------------------------------------------------------------------
# Vocabulary of ads

NAMES = [
    "Amy", "Bella", "Cara", "Dana", "Eve", "Fay", "Gina", "Hana", "Iris", "Jade", "Kim", "Lola", "Mia", "Nina",
    "Olivia", "Paula", "Rosa", "Sara", "Tina", "Vera", "Wendy", "Yuki", "Zoe", "Luz", "Marisol", "Ana", "Carmen",
    "Lucia", "Sofia", "Valeria", "Jasmine", "Crystal", "Destiny", "Mei", "Lin", "Sunny", "April", "Summer",
    "Grace", "Joy", "Ruby", "Pearl", "Daisy", "Ivy", "Nora", "Elena", "Tess", "Lana", "Maya", "Rita", "Kiki",
]
PLACES = [
    "downtown", "the west side", "the airport area", "Hollywood", "the valley", "midtown", "the beach area",
    "uptown", "the east side", "the freeway area", "the harbor", "the university area", "the hills",
    "the arts district", "Koreatown", "the mall area", "the old town", "the business district",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "weekend", "weekday"]
ADJS = [
    "friendly", "sweet", "classy", "relaxed", "easygoing", "warm", "cheerful", "polite", "calm", "elegant",
    "fun", "down to earth", "upbeat", "caring", "genuine", "laid back", "attentive", "sociable",
]
TIMES = ["mornings", "afternoons", "evenings", "late nights", "lunch hours", "early mornings", "most days"]

THEMES = ["companionship", "massage_spa", "new_in_town", "rentals", "services"]

TITLES = {
    "companionship": [
        "{adj} company for dinner", "Dinner date and conversation", "{name} - {adj} and easy to talk to",
        "Companion for events", "Let's grab a coffee", "Plus one for your work party", "{adj} conversation",
        "Travel companion available", "Good company, good times", "Your {adj} evening friend",
        "Movie night companion", "Walks, talks and dinners", "Someone to show you {place}",
    ],
    "massage_spa": [
        "Relaxing massage in {place}", "Spa day specials", "Deep tissue and Swedish", "Stress relief massage",
        "Foot spa and reflexology", "{name}'s spa studio", "Hot stone therapy", "Calm spa near {place}",
        "Body work for tired muscles", "Aromatherapy sessions", "Table shower and sauna", "Asian spa grand opening",
        "Back and shoulder relief",
    ],
    "new_in_town": [
        "New in town", "Just arrived - {name}", "Visiting {place} this week", "In town for a few days only",
        "Last days in town", "New face in {place}", "Back in town", "First time here", "Passing through - {name}",
        "Only here till {day}", "Fresh arrival near {place}", "New to the area",
    ],
    "rentals": [
        "Room for rent near {place}", "Quiet studio {place}", "Private room, utilities included",
        "Short stay apartment", "Furnished room weekly", "Shared place, {adj} roommates",
        "Studio by the day or week", "Guest room available", "Cozy space in {place}", "Office suite for rent",
    ],
    "services": [
        "House cleaning", "Personal assistant for hire", "Dog walking in {place}", "Nail and lash studio",
        "Hair braiding by {name}", "Errands and shopping help", "Photography sessions", "Makeup artist",
        "Tutoring and conversation practice", "Moving help this {day}", "Event hostess available",
    ],
}

OPENERS = {
    "companionship": [
        "Hi, I'm {name}.", "Hello gentlemen, {name} here.", "Hey there!", "Hi everyone, my name is {name}.",
        "Looking for {adj} company?", "Tired of eating alone?", "Hola, soy {name}.", "Good {day} to you!",
        "Need a date for the wedding?", "Meet {name}, {adj} and fun.",
    ],
    "massage_spa": [
        "Welcome to our spa.", "Treat yourself today.", "Need to unwind?", "Sore back after work?",
        "Hi, {name} here, licensed therapist.", "Grand opening in {place}!", "Relax and recharge with us.",
        "Escape the stress of the week.", "Your muscles will thank you.", "Bienvenidos a nuestro spa.",
    ],
    "new_in_town": [
        "Just got into town.", "Hi, I'm {name}, visiting for a short time.", "New here and looking to meet people.",
        "Only in {place} until {day}.", "Hey, {name} here, new in town.", "First visit to the city!",
        "Back in town for a few days.", "Recien llegada, soy {name}.",
    ],
    "rentals": [
        "Room available now.", "Clean and quiet place.", "Available from {day}.", "Great location in {place}.",
        "Looking for a respectful tenant.", "Short or long stays welcome.", "Newly painted and furnished.",
    ],
    "services": [
        "Hi, my name is {name}.", "Reliable and on time.", "Experienced and {adj}.", "Book your spot this {day}.",
        "Hola, me llamo {name}.", "Serving {place} and nearby.", "Ten years of experience.",
    ],
}

DETAILS = {
    "companionship": [
        "I am {adj}, {adj2} and love good conversation.", "I enjoy museums, live music and long dinners.",
        "Great listener with a good sense of humor.", "I can join you for dinner, a show or a walk.",
        "Respectful gentlemen only.", "Well traveled and easy to talk to.", "Let's make your evening {adj}.",
        "I love {place} and know the best restaurants.", "Mature, {adj} and discreet.",
        "Perfect plus one for business dinners.", "No rush, no pressure, just good company.",
    ],
    "massage_spa": [
        "Swedish, deep tissue and hot stone.", "Clean rooms, soft music and warm towels.",
        "Our staff is {adj} and professional.", "Free parking behind the building.", "Walk-ins welcome.",
        "Shower and sauna on site.", "We use natural oils and aromatherapy.", "Couples welcome.",
        "Experienced therapists, {adj} atmosphere.", "Foot soak included with every visit.",
        "Private rooms, quiet and relaxing.",
    ],
    "new_in_town": [
        "I'm {adj} and would love to see the city.", "Show me around {place}?", "Looking for new friends.",
        "My stay is short so don't wait.", "I love trying new food.", "Let's meet for a drink near {place}.",
        "Outgoing, {adj} and curious.", "Staying at a nice hotel near {place}.",
    ],
    "rentals": [
        "Utilities and wifi included.", "Close to the bus line and shops.", "Private entrance and bathroom.",
        "No smoking, no pets.", "Shared kitchen and laundry.", "Quiet building, {adj} neighbors.",
        "Parking available on request.", "Weekly or monthly rates.",
    ],
    "services": [
        "References available.", "I bring my own supplies.", "Flexible hours.", "Fair prices, honest work.",
        "Available in {place} and surrounding areas.", "Same day service when possible.",
        "Satisfaction guaranteed.", "Bilingual English and Spanish.",
    ],
}

AVAILABILITY = [
    "Available {times}.", "Open {day} to {day2}.", "By appointment only.", "Walk-ins welcome {times}.",
    "Call ahead please.", "Available most {times}.", "Booking now for {day}.", "Same day appointments.",
    "Text first, I reply fast.", "No blocked calls please.", "Serious inquiries only.", "Short notice is fine.",
]

#: Sentences carrying the number; ``{N}`` marks the number.
CONTACT = [
    "Call or text {N}.", "Reach me at {N}.", "Text {N} for details.", "{N} - text only.", "Call {N} anytime.",
    "Appointments: {N}", "Call me: {N}", "My number is {N}.", "Book now {N}", "Info at {N}.", "Txt {N}",
    "{N} call or text", "Questions? {N}", "Llama al {N}.", "Message {N} to set a time.", "Ask for {name} {N}",
    "{N} ask for {name}", "Contact {name} at {N}.", "Phone: {N}", "Call today {N}!", "{N}",
    "Text me {N} no emails.", "Call {name} {N}.", "Whatsapp or text {N}.",
]
#: Contact sentences for ads whose number is only in the title or URL.
CONTACT_ELSEWHERE = [
    "Number in the title.", "See title to call.", "Number is in the link.", "Contact info above.",
    "Call the number up top.", "Reply here or call the number in the title.",
]
CLOSERS = [
    "Thanks!", "See you soon.", "xoxo", "Have a great day.", "Gracias.", "Don't miss out.", "Hope to hear from you.",
    "Bye for now.", "Best wishes.", "Take care.", "Cheers.", "",
]
PARTIAL_REPEAT = ["Again, {P}.", "Or text {P}.", "Ending in {P}.", "Last four {P}.", "({P})", "Remember {P}!", "...{P}",
                  "Mine ends {P}.", "Just {P}."]
#: Sentences giving a second number of the poster; ``{N}`` marks it.
SECOND_NUMBER = ["Or call {N}.", "Second line {N}.", "Backup number {N}.", "If no answer, {N}.", "Work phone {N}.",
                 "Also {N}", "Other phone: {N}"]
SENTENCE_JOINERS = [" ", " ", " ", "\n", " ~ ", "  ", "\n\n", " | "]

# --------------------------------------------------------------------------------------------------
# Distractors: ``{x}`` marks the distractor text whose offsets are recorded.

DISTRACTOR_SENTENCES = {
    "price": ["Rates {x}.", "Specials: {x}", "Prices {x}, no hidden fees.", "Today only {x}.", "Rate {x}."],
    "age": ["I am {x}.", "{x}, {adj} and fun.", "Age {x}.", "Just turned {x}."],
    "measurement": ["Measurements {x}.", "Room is {x}.", "Size {x}.", "Stats {x}."],
    "height_weight": ["I'm {x}.", "Height and weight {x}.", "{x}, petite.", "Tall: {x}."],
    "date": ["Posted {x}.", "Available from {x}.", "Until {x} only.", "Updated {x}."],
    "time": ["Open {x}.", "Hours {x}.", "Best time {x}.", "From {x}."],
    "zip": ["Zip {x}.", "Located in {x}.", "Area {x}.", "Near {x}."],
    "post_id": ["Post ID: {x}", "Ref #{x}", "Listing {x}", "ID {x}"],
    "street_address": ["Located at {x}.", "Find us at {x}.", "Near {x}.", "Parking at {x}."],
    "slogan": ["{x}!", "{x}.", "Always {x}.", "We are {x}."],
    "filler": ["{x}", "..{x}..", "{x} {x2}"],
    "toll_free": ["Hotel desk {x}.", "Customer line {x}.", "Billing questions {x}.", "Front desk {x}."],
    "international": ["Whatsapp abroad {x}.", "When in London {x}.", "Overseas {x}.", "UK line {x}."],
    "overeager": ["{x}!", "Say {x}.", "{x} everyone.", "Call me {x}."],
}
STREETS = ["Sunset", "Main", "Broadway", "Olive", "Hope", "Vermont", "Western", "Figueroa", "Oak", "Maple",
           "Pine", "Cedar", "Lincoln", "Wilshire", "Pico", "Alvarado", "Central", "Mission", "Harbor", "Elm"]
STREET_TYPES = ["St", "Ave", "Blvd", "Street", "Avenue", "Dr", "Way", "Pl"]
SLOGANS = ["24/7", "100% real", "420 friendly", "100% satisfaction", "7 days a week", "24 hrs", "1 hour minimum",
           "2 girls spa", "5 star service", "100% legit"]
OVEREAGER = ["hello", "Hello", "Isabella", "solo", "Lola", "Bella", "Ollie", "Bliss", "lol", "HELLO", "Olivia",
             "Oslo", "Bo", "Billie", "Lilo", "SOLO"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
CUPS = "ABCD"

# --------------------------------------------------------------------------------------------------
# Number renderings

EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
LEET = [
    ["zer0", "z3ro", "zeroo"], ["0ne", "onne", "oen"], ["tw0", "twoo", "tow"], ["thr33", "thre", "tree"],
    ["fuor", "f0ur", "foor"], ["f1ve", "fiv", "fith"], ["s1x", "sixx", "siks"], ["s3v3n", "sven", "sevn"],
    ["e1ght", "eigth", "eght"], ["nin3", "nien", "nyne"],
]
HOMOPHONES = {"0": ["oh"], "1": ["won"], "2": ["to", "too"], "4": ["for", "fore"], "8": ["ate"]}
LOOKALIKES = {"0": ["O", "o"], "1": ["l", "I", "!"], "5": ["S"], "8": ["B"]}


def _table(base: int | list[str]) -> dict[int, str]:
    if isinstance(base, int):
        return {ord(str(d)): chr(base + d) for d in range(10)}
    return {ord(str(d)): base[d] for d in range(10)}


FULLWIDTH = [_table(0xFF10)]
MATH = [_table(0x1D7CE), _table(0x1D7D8), _table(0x1D7E2), _table(0x1D7EC), _table(0x1D7F6)]
CIRCLED = [_table(["\u24ea"] + [chr(0x2460 + d - 1) for d in range(1, 10)]),
           _table(["\u24ff"] + [chr(0x2776 + d - 1) for d in range(1, 10)])]
KEYCAP = [_table([f"{d}\ufe0f\u20e3" for d in range(10)])]
SUPERSCRIPT = [_table(["\u2070", "\u00b9", "\u00b2", "\u00b3"] + [chr(0x2074 + d - 4) for d in range(4, 10)])]
OTHER = [_table(0x0660), _table(0x06F0), _table(0x0966), _table(0x09E6)]
CYRILLIC_O = {ord("0"): "\u041e"}
UNICODE_TABLES = {"unicode_fullwidth": FULLWIDTH, "unicode_math": MATH, "unicode_circled": CIRCLED,
                  "keycap": KEYCAP, "superscript": SUPERSCRIPT, "unicode_other": OTHER}

#: Forms of the digits (layer 1); "plain" is ordinary digits.
FORMS = ["plain", "spelled", "spelled_mixed", "leet", "case_spacing", "homophone", "lookalike", "unicode_fullwidth",
         "unicode_math", "unicode_circled", "keycap", "superscript", "unicode_other", "spaced_digits"]
WORD_FORMS = {"spelled", "leet", "case_spacing"}
#: Separators between digit groups (layer 2); "standard" is - . space or nothing.
SEPARATORS = ["standard", "odd_separator", "emoji_separator", "word_separator", "split_words", "line_break"]
#: Independent modifiers of a text occurrence (layer 3).
MODIFIERS = ["plus1_prefix", "star82_prefix", "appended_age", "partial_repeat"]
#: Where the number sits (layer 4); "body" is the default.
PLACEMENTS = ["body", "title_only", "url_slug"]

ODD_SEPS = ["*", "~", "_", "/", "|", ":", "\u2022", "....", "..", "**", "~~", " * ", " ~ ", "_-_", "///", " : "]
EMOJI_SEPS = ["\U0001f338", "\U0001f33a", "\u2728", "\U0001f4ab", "\U0001f319", "\u2b50", "\U0001f337",
              "\U0001f48e", "\u2600\ufe0f", "\U0001f98b", "\u2764\ufe0f", " \U0001f338 ", "\U0001f33c\U0001f33c"]
WORD_SEPS = [" dot ", " dash ", " DOT ", "dash", " punto ", " guion ", "-dot-", " Dash "]
#: Words between digit groups; none of them reads as a digit or a lookalike.
SPLIT_WORDS = [" call ", " text ", " then ", " and ", " txt ", " ask me ", " hit me up ", " or ", " ok ",
               " call me ", " msg ", " after ", " then text "]
LINE_BREAKS = ["\n", " \n", "\n\n", "\n- "]
STANDARD_DIGIT_SEPS = [("(", ") ", "-"), ("", "-", "-"), ("", ".", "."), ("", " ", " "), ("", "", ""),
                       ("(", ")", "-"), ("", " ", "-")]
STANDARD_WORD_SEPS = [" ", " - ", ", ", "  ", " "]
PLUS1 = ["+1 ", "+1-", "1-", "1 ", "+1", "+1."]
STAR82 = ["*82 ", "*82-", "*82", "*82."]
AGE_SUFFIX = ["-{a}", " {a}", "-{a}yrs", " ({a})", ".{a}"]


def _spell_group(group: str, form: str, bits: int) -> tuple[str, int]:
    """Render one digit group in leet or with case and spacing tricks; returns (text, remaining bits)."""
    if form == "leet":
        out = []
        for c in group:
            bits, k = divmod(bits, 3)
            out.append(LEET[int(c)][k])
        return " ".join(out), bits
    # case_spacing: alternating or random case, or spaced letters
    bits, style = divmod(bits, 3)
    out = []
    for c in group:
        w = EN[int(c)]
        if style == 0:
            w = "".join(ch.upper() if i % 2 == 0 else ch for i, ch in enumerate(w))
        elif style == 1:
            bits, mask = divmod(bits, 32)
            w = "".join(ch.upper() if (mask >> (i % 5)) & 1 else ch for i, ch in enumerate(w))
        else:
            w = " ".join(w.upper())
        out.append(w)
    return ("   " if style == 2 else " ").join(out), bits


def can_render(digits: str, form: str) -> bool:
    """Whether ``form`` can be applied to these national digits (homophones and lookalikes need some digits)."""
    if form == "homophone":
        return any(c in HOMOPHONES for c in digits)
    if form == "lookalike":
        return any(c in LOOKALIKES for c in digits)
    return True


def render_digits(digits: str, form: str, sep: str, bits: int) -> str:
    """Render 10 national digits in ``form`` with ``sep`` between the 3-3-4 groups."""
    groups = [digits[:3], digits[3:6], digits[6:]]
    parens = ("", "")
    if form == "spelled":                      # one language per number: a quarter in Spanish
        bits, lang = divmod(bits, 4)
        words = ES if lang == 0 else EN
        bits, j = divmod(bits, 3)
        joiner = [" ", " ", "-"][j]
        rendered = [joiner.join(words[int(c)] for c in g) for g in groups]
    elif form in WORD_FORMS:
        rendered = []
        for g in groups:
            text, bits = _spell_group(g, form, bits)
            rendered.append(text)
    elif form == "spelled_mixed":
        bits, mask = divmod(bits, 1024)
        bits, flip = divmod(bits, 10)
        if mask == 0 or mask == 1023:               # at least one digit spelled and one written
            mask ^= 1 << flip
        s = [EN[int(c)] if (mask >> i) & 1 else c for i, c in enumerate(digits)]
        rendered = ["".join(s[:3]), "".join(s[3:6]), "".join(s[6:])]
    elif form == "homophone":
        s = list(digits)
        idx = [i for i, c in enumerate(digits) if c in HOMOPHONES]
        bits, mask = divmod(bits, 1024)
        bits, first = divmod(bits, len(idx))
        chosen = {i for k, i in enumerate(idx) if (mask >> k) & 1} | {idx[first]}
        for i in chosen:
            opts = HOMOPHONES[s[i]]
            bits, k = divmod(bits, len(opts))
            s[i] = f" {opts[k]} "
        rendered = ["".join(s[:3]).strip(), "".join(s[3:6]).strip(), "".join(s[6:]).strip()]
        rendered = [re.sub(" +", " ", r) for r in rendered]
    elif form == "lookalike":
        s = list(digits)
        idx = [i for i, c in enumerate(digits) if c in LOOKALIKES]
        bits, mask = divmod(bits, 1024)
        bits, first = divmod(bits, len(idx))
        chosen = {i for k, i in enumerate(idx) if (mask >> k) & 1} | {idx[first]}
        for i in chosen:
            opts = LOOKALIKES[s[i]]
            bits, k = divmod(bits, len(opts))
            s[i] = opts[k]
        rendered = ["".join(s[:3]), "".join(s[3:6]), "".join(s[6:])]
    elif form in UNICODE_TABLES:
        tables = UNICODE_TABLES[form]
        bits, t = divmod(bits, len(tables))
        table = tables[t]
        if form == "unicode_other" and "0" in digits and bits % 3 == 0:
            table = CYRILLIC_O
        bits //= 3
        rendered = [g.translate(table) for g in groups]
    elif form == "spaced_digits":
        rendered = [" ".join(g) for g in groups]
    else:
        rendered = groups
    word_like = form in WORD_FORMS or form == "spaced_digits"
    if sep == "standard":
        if word_like:
            bits, k = divmod(bits, len(STANDARD_WORD_SEPS))
            s1 = s2 = STANDARD_WORD_SEPS[k]
        else:
            bits, k = divmod(bits, len(STANDARD_DIGIT_SEPS))
            p, s1, s2 = STANDARD_DIGIT_SEPS[k]
            if p:
                parens = (p, "")
            if form in ("spelled_mixed", "homophone") and not s1.strip() and not p:
                s1 = s2 = "-" if not s1 else s1
    else:
        pool = {"odd_separator": ODD_SEPS, "emoji_separator": EMOJI_SEPS, "word_separator": WORD_SEPS,
                "split_words": SPLIT_WORDS, "line_break": LINE_BREAKS}[sep]
        bits, k1 = divmod(bits, len(pool))
        bits, same = divmod(bits, 2)
        bits, k2 = divmod(bits, len(pool))
        s1 = pool[k1]
        s2 = s1 if same or sep != "split_words" else pool[k2]
    return parens[0] + rendered[0] + s1 + rendered[1] + s2 + rendered[2]


def render_occurrence(digits: str, form: str, sep: str, plus1: bool, bits: int) -> str:
    """The span text of a number occurrence (with a +1 prefix when asked)."""
    text = render_digits(digits, form, sep, bits >> 20)
    if plus1:
        text = PLUS1[bits % len(PLUS1)] + text
    return text


# --------------------------------------------------------------------------------------------------
# Decoding (for tests): read a rendered span back to its digits, given the occurrence's tags.

_DIGIT_WORDS = {w: str(d) for d, w in enumerate(EN)} | {w: str(d) for d, w in enumerate(ES)}
_LEET_WORDS = {w: str(d) for d, ws in enumerate(LEET) for w in ws}
_HOMO_WORDS = {w: d for d, ws in HOMOPHONES.items() for w in ws}
_LOOK_WORDS = {w.lower(): d for d, ws in LOOKALIKES.items() for w in ws}
_SKIP_WORDS = {w.strip().lower().replace(" ", "") for w in SPLIT_WORDS + WORD_SEPS if w.strip().isalpha()
               or " " in w.strip()} | {"dot", "dash", "punto", "guion"}


def _vocab(tags: set[str]) -> dict[str, str]:
    vocab: dict[str, str] = {w: "" for w in _SKIP_WORDS}
    if tags & {"spelled", "spelled_mixed", "case_spacing"}:
        vocab |= _DIGIT_WORDS
    if "leet" in tags:
        vocab |= _LEET_WORDS
    if "homophone" in tags:
        vocab |= _HOMO_WORDS
    if "lookalike" in tags:
        vocab |= _LOOK_WORDS
    return vocab


def decode_span(text: str, tags: str | set[str]) -> set[str]:
    """Every digit string the span can be read as, given its tags (a single element when unambiguous)."""
    tags = set(tags.split(",")) if isinstance(tags, str) else set(tags)
    norm = []
    for ch in text:
        if ch == "\u041e" and "unicode_other" in tags:
            norm.append("0")
            continue
        try:
            norm.append(str(unicodedata.digit(ch)))
            continue
        except (TypeError, ValueError):
            pass
        if ch.isalpha() or ch == "!":
            norm.append(ch.lower())
    s = "".join(norm)
    vocab = _vocab(tags)
    words = sorted(vocab, key=len, reverse=True)
    memo: dict[int, set[str]] = {}

    def parse(i: int) -> set[str]:
        if i == len(s):
            return {""}
        if i in memo:
            return memo[i]
        out: set[str] = set()
        if s[i].isdigit():
            out |= {s[i] + rest for rest in parse(i + 1)}
        for w in words:
            if s.startswith(w, i):
                out |= {vocab[w] + rest for rest in parse(i + len(w))}
        memo[i] = out
        return out

    return parse(0)
