"""The shared vocabulary of obfuscation patterns and distractors.

The simulator tags every planted number occurrence with the patterns used to render it, and every
distractor it plants with its kind; the extraction evaluation scores recall per pattern and false
positives per distractor with the same names. Add a name here before using it anywhere else.
"""

#: How a number occurrence can be rendered (a rendering may combine several).
OBFUSCATION_PATTERNS: dict[str, str] = {
    "plain": "ordinary formatting: 213-555-0147, (213) 555-0147, 213.555.0147, 2135550147",
    "spelled": "every digit spelled as an English or Spanish word",
    "spelled_mixed": "some digits spelled, some written: 3one0 555 zer0 123",
    "leet": "misspellings and leet in number words: fuor, f1ve, zer0, s3v3n",
    "case_spacing": "case and spacing tricks inside number words: ThReE, T H R E E",
    "homophone": "homophones inside a number: for/4, to/too/2, oh/0, won/1, ate/8",
    "lookalike": "letters that look like digits: 2l3, 2I3, 2!3, O for 0",
    "unicode_fullwidth": "fullwidth digits ２１３",
    "unicode_math": "mathematical alphanumeric digits 𝟐𝟏𝟑",
    "unicode_circled": "circled digits ②①③",
    "keycap": "keycap emoji digits 2️⃣1️⃣3️⃣",
    "superscript": "superscript digits ²¹³",
    "unicode_other": "other scripts' digits or lookalikes (Arabic-Indic, Cyrillic О)",
    "spaced_digits": "a space between every digit",
    "odd_separator": "unusual separators or runs of them: * ~ _ / | : • or .....",
    "emoji_separator": "emoji between digit groups",
    "word_separator": "separator words: dot, dash",
    "split_words": "digit groups split by words: 213 call 555 ask for Amy 0147",
    "line_break": "digit groups split across lines",
    "plus1_prefix": "+1 or 1- before the number",
    "star82_prefix": "*82 caller-ID prefix before the number",
    "appended_age": "an age appended to the number: 213-555-0147-21",
    "url_slug": "the number appears in the URL slug",
    "title_only": "the number appears only in the title",
    "partial_repeat": "a partial repeat of the number (e.g. its last four digits) elsewhere in the ad",
}

#: Text that looks like a number but is not one (false-positive bait).
DISTRACTOR_KINDS: dict[str, str] = {
    "price": "prices and rate lists: $150 hh / 250 hr, 150/250/400, 2 for 1",
    "age": "ages: 23yo, 23 years",
    "measurement": "body measurements: 36D-24-36",
    "height_weight": "height and weight: 5'6\", 120 lbs",
    "date": "dates: 05/04/2012, 2012-05-04",
    "time": "times and hours: 10:30pm, 10am-2am",
    "zip": "zip codes and ZIP+4",
    "post_id": "post IDs and long database keys",
    "street_address": "street addresses",
    "slogan": "24/7, 100% real, 420 friendly",
    "filler": "repeated-digit filler runs: 1111111111",
    "toll_free": "toll-free 8xx numbers (reported, not a target)",
    "international": "non-NANP international numbers (reported, not a target)",
    "overeager": "prose that becomes digits only under global substitution: hello -> he110",
}
