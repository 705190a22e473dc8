"""Value normalisers: the schema's descriptions made into code. Each returns None for 'not stated'."""

from __future__ import annotations

import difflib
import re
from datetime import date

from parsers.blocks import CHECKED, UNCHECKED

FILLERS = {"n/a", "na", "n.a.", "n.a", "-", "--", "–", "—", "not applicable", "n / a", ".", "tbc?",
           # what a case system or a form prints where nobody gave the answer
           "not recorded", "none recorded", "not known", "unknown", "not given", "not stated",
           "not provided",   # (a 'check your answers' page's word for an optional question left empty)
           # what a web service's export prints for a question nobody answered
           "not answered", "no answer", "no response", "unanswered", "no answer given", "no response given",
           "empty"}   # (a database page's word for a property left empty: '(Empty)', 'Empty')
MONTHS = {m: i for i, names in enumerate([
    (), ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")]) for m in names}
CHECK_GLYPHS = "☒☑✓✔✗✘xX"


# '[          ]' (a template's space for an answer, not a typed '[ ]' box) and '---': left empty
EMPTY_SPACE = re.compile(r"^(\[\s{3,}\]|[-–—]{3,})$")
# Word's placeholder prompts, as printed in a PDF made from an unfilled form (possibly cut by a wrap).
PLACEHOLDER = re.compile(r"^(click or tap (here )?to( enter( a)?( text| date)?)?|choose an item|click here to enter"
                         r"( a)?( text| date)?|enter text here)\.?$", re.I)


# a field's default that prompts for an answer, not one: 'Click here to enter text.', 'Type here', 'Please enter',
# '[Enter details]', 'Please describe', 'dd/mm/yyyy', 'e.g. 07700 900000' (not 'Type 1 diabetes'); and a drop-down's
# first entry that asks for a choice rather than making one ('-- Select --', 'Please choose'). A default that is an
# answer ('No', an agency's name, a date) is the answer while it stands.
PROMPT = re.compile(r"(?i)^\[?\s*((please\s+)?(click|tap|type|enter|insert|add|select|choose|write)\b(?!\s*\d).*"
                    r"|please\s+(describe|give|state|provide|specify|list|explain)\b.*|e\.\s?g\.?\s.*"
                    r"|[dmy]{1,4}([/.\- ][dmy]{1,4}){2})\s*\]?\.?$")
CHOOSE = re.compile(r"(?i)^\s*[-\[(<]*\s*(please\s+)?(select|choose|pick)(\s+(one|an?\s+(item|option)|from\s+list))?"
                    r"\.?\s*[-\])>]*\s*$")


def beyond_default(value: str, default: str) -> str | None:
    """A fillable field's value read against its designer's default: still the default, and the default a prompt
    ('Type here', 'DD/MM/YYYY', '-- Select --'), it is unfilled (None); an answer typed after the prompt instead of
    over it ('DD/MM/YYYY 03/02/2026') is that answer; any other value is itself."""
    shown, prompt = " ".join(value.split()), " ".join(default.split())
    if not prompt or not (PROMPT.match(prompt) or CHOOSE.match(prompt)):
        return value
    if shown.casefold() == prompt.casefold():
        return None
    typed_after = re.match(r"\s*" + r"\s+".join(re.escape(w) for w in prompt.split()) + r"\s", value, re.I)
    if typed_after:   # the answer as typed, its lines and paragraphs kept
        return value[typed_after.end():].lstrip(" \t:-–").strip() or None
    return value


# what a redacted copy prints over an answer it has taken out ('[Redacted]', 'Redacted - third party', a box's
# overlay text 'Personal data', the Freedom of Information exemption it was taken out under, 's.40(2)'): the answer
# is not on the copy, so it is asked for. Not a Children Act section ('Section 44', an emergency protection order),
# nor an answer that says why it was withheld ('Withheld - refuge address'): those are answers.
REDACTED = re.compile(r"^[\[(]?\s*(redacted(\s*[-–:]\s*[a-z ]+)?|withheld|removed|personal (data|information)"
                      r"|(s\.?|section)\s?4[01]\s?\(\d\))\s*[\])]?$", re.I)


_BRACKETED = re.compile(r"[\[(]\s*([^\[\]()]*?)\s*[\])]")


def blank(text: str | None) -> bool:
    if text is None:
        return True
    t = " ".join(text.split()).strip()
    wrapped = _BRACKETED.fullmatch(t)   # '(no answer)', '[N/A]': the filler in brackets
    return not t or t.lower() in FILLERS or bool(wrapped and wrapped[1].lower() in FILLERS) \
        or set(t) <= {UNCHECKED, " "} or bool(PLACEHOLDER.match(t)) \
        or bool(EMPTY_SPACE.match(text.strip(" "))) or bool(REDACTED.match(t))


def text(value: str | None) -> str | None:
    if blank(value):
        return None
    lines = [" ".join(line.split()) for line in value.split("\n")]
    out = " ".join(line for line in lines if line)
    return out or None


def lines_joined(value: str | None, sep: str = ", ") -> str | None:
    if blank(value):
        return None
    parts = [" ".join(line.split()).strip(" ,") for line in value.split("\n")]
    parts = [p for p in parts if p]
    return sep.join(parts) or None


_GLUED_LINE = re.compile(r"(?<=[a-z])(?<!Mc)(?<!Mac)(?=[A-Z])")


def address(value: str | None) -> str | None:
    """Lines joined with ', '. A PDF printed from Word sometimes loses the line breaks of an address
    ("StreetWest Derby"): a lower-case letter straight before a capital is such a lost break."""
    joined = lines_joined(value)
    if joined is None:
        return None
    return ", ".join(_GLUED_LINE.sub("\n", part).replace("\n", ", ") for part in joined.split(", "))


def paragraphs(value: str | None, blank_line_separated: bool = False) -> str | None:
    if blank(value):
        return None
    chunks = re.split(r"\n\s*\n", value) if blank_line_separated else value.split("\n")
    paras = [" ".join(c.split()) for c in chunks]
    paras = [p for p in paras if p]
    return "\n\n".join(paras) or None


def _year(y: str) -> int:
    n = int(y)
    if len(y) == 2:
        return 2000 + n if n < 70 else 1900 + n
    return n


def parse_date(value: str | None) -> str | None:
    """UK day-first dates in the usual spellings -> 'YYYY-MM-DD'; None when absent or not a date."""
    if blank(value):
        return None
    t = " ".join(value.split()).strip().rstrip(".")
    t = re.sub(r"['’](\d{2})\b", r"\1", t)  # 3rd Feb '26
    t = re.sub(r"\b(\d{1,2}) (st|nd|rd|th)\b", r"\1\2", t, flags=re.I)  # '3 rd March': the letters raised, set apart
    t = re.sub(r"\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.(?=\s)", r"\1", t, flags=re.I)  # '3rd Mar. 2026'
    if re.fullmatch(r"\d(\s?\d){7}", t):  # a comb field's eight boxes: DDMMYYYY, else YYYYMMDD (never both)
        digits = t.replace(" ", "")
        dmy = _iso(int(digits[4:]), int(digits[2:4]), int(digits[:2])) if 1900 <= int(digits[4:]) < 2100 else None
        ymd = _iso(int(digits[:4]), int(digits[4:6]), int(digits[6:])) if 1900 <= int(digits[:4]) < 2100 else None
        return dmy or ymd
    m = re.search(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T[\d:]+Z?)?\b", t)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return _iso(y, mo, d)
    m = re.search(r"\b(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})\b", t)
    if m:
        return _iso(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.,]*([A-Za-z]{3,9})\.?[\s\-/.,]*(\d{4}|\d{2})\b", t)
    if m and _month(m.group(2)):
        return _iso(_year(m.group(3)), _month(m.group(2)), int(m.group(1)))
    m = re.search(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", t)
    if m and _month(m.group(1)):
        return _iso(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
    return None


def _month(word: str) -> int | None:
    """A month's number from its name, abbreviation or a misspelling that keeps its first three letters
    ('Febuary'); None for other words."""
    w = word.lower()
    if w in MONTHS:
        return MONTHS[w]
    if len(w) >= 5 and w[:3] in MONTHS and w[:3] != "may":
        full = next(n for n in MONTHS if len(n) > 3 and MONTHS[n] == MONTHS[w[:3]])
        # most of the full name's letters in order: a misspelling, not another word ('Marching', 'Decided')
        if difflib.SequenceMatcher(None, w, full).ratio() >= 0.8:
            return MONTHS[w[:3]]
    return None


def _iso(y: int, mo: int, d: int) -> str | None:
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def email(value: str | None) -> str | None:
    if blank(value):
        return None
    value = re.sub(r"(?<=\w)\s+@\s*|\s*@\s+(?=\w)", "@", value)  # 'name @nhs.net': a gap a PDF put in
    m = re.search(r"[\w.+'\-]+@[\w\-]+(\.[\w\-]+)+", value)
    return m.group(0).lower() if m else None


PHONE_DIGITS = range(10, 14)          # a UK number: 10 or 11 digits, 12 or 13 with +44 / 0044
_DATE_IN_TEXT = re.compile(r"\b\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*(\d{4}|\d{2})\b")
_PHONE_RUN = re.compile(r"\+?\d[\d \-()]{7,}\d")


def phone(value: str | None) -> str | None:
    """Digits and a leading '+'. A value holding more than one number, or a number run together with
    something else (a date in the next cell), gives its first run of digits that is a whole phone
    number; None when there is none."""
    if blank(value):
        return None
    t = _DATE_IN_TEXT.sub(" ", value.strip()).strip()  # a date run together with the number is not part of it
    digits = re.sub(r"[^\d]", "", t)
    if len(digits) in PHONE_DIGITS and not re.search(r"[A-Za-z]{4,}|@", t):
        return ("+" if t.startswith("+") else "") + digits
    for m in _PHONE_RUN.finditer(t):
        run = re.sub(r"[^\d]", "", m.group())
        if len(run) in PHONE_DIGITS:
            return ("+" if m.group().startswith("+") else "") + run
    return None


GENDER_WORDS = {"female": {"f", "female", "girl", "woman", "fem"}, "male": {"m", "male", "boy", "man"},
                "other": {"other", "non-binary", "non binary", "nonbinary", "nb", "genderqueer", "agender",
                          "gender fluid", "genderfluid", "transgender", "trans", "intersex"}}


def gender(value: str | None) -> str | None:
    """female / male / other from the usual words and ticked boxes; None when not stated or not a gender."""
    if blank(value):
        return None
    chosen = checked_options(value)
    if chosen is not None and len(chosen) != 1:
        return None
    t = " ".join((chosen[0] if chosen else value).split()).strip().lower().rstrip(".")
    t = re.sub(r"\s*\(.*\)$", "", t).strip(" /|")   # ('Girl | |': the other options struck out, their bars left)
    if " / " in t:  # 'Benyw / Female': the same answer in two languages; 'Female / Male' printed both: no answer
        said = {_gender_word(half.strip()) for half in t.split(" / ")} - {None}
        return said.pop() if len(said) == 1 else None
    return _gender_word(t)


def _gender_word(t: str) -> str | None:
    for name, words in GENDER_WORDS.items():
        if t in words or t.split(" ")[0] in words and name == "other":
            return name
    return None


BOXES = "☒☑☐"


def radio_as_boxes(value: str) -> str:
    """'○ Yes ● No' (radio buttons printed from a web form): the filled circle is the chosen option, read as a
    ticked box; only when both kinds of circle are there, so that a lone bullet point is never an answer."""
    if value and re.search(r"[○◯]", value) and re.search(r"[●◉]", value):
        return re.sub(r"[●◉]", CHECKED, re.sub(r"[○◯]", UNCHECKED, value))
    return value


def squares_as_boxes(value: str) -> str:
    """'■ Yes □ No' (a filled square for the chosen option, an empty one for the others, as questionnaires print
    them): read as ticked and empty boxes; only when both kinds are there and no other box, so that a square bullet
    is no answer. Empty squares beside a ticked ballot box ('□ YES ☑ NO') are its empty boxes."""
    for filled, empty in (("■", "□"), ("◼", "◻"), ("⬛", "⬜")):   # (and the medium and large squares alike)
        if value and filled in value and empty in value and not re.search(r"[☒☑☐]", value):
            return value.replace(filled, CHECKED).replace(empty, UNCHECKED)
    if value and "□" in value and re.search(r"[☒☑]", value) and UNCHECKED not in value:
        return value.replace("□", UNCHECKED)   # '□ YES  ☑ NO': a ticked ballot box among empty squares
    return value


# a questionnaire's answer code before an option ('☒ 1 Yes', the options numbered 1, 2, 3 …) and its routing after it
# ('→ Q18', 'GO TO Q40'): not the option's words
_ANSWER_CODE = re.compile(r"^\(?(\d{1,2})[.)]?\s+(?=\S)")
_ROUTING = re.compile(r"\s*(?:[→►▶➔⇒>]+|\b(?:go|skip|continue|proceed)\s+to\b)\s*(?:q(?:uestion)?\.?\s*\d+\w?|section\s+\w+|the\s+next\s+section|end)\s*$", re.I)


_TYPED_TICK = re.compile(r"\[\s*[xX✓✔]\s*\]")
_TYPED_BOX = re.compile(r"\[\s*\]")
_TYPED_RADIO_ON = re.compile(r"\(\s*[xX✓✔•]\s*\)")
_TYPED_RADIO_OFF = re.compile(r"\(\s*\)")


_X_AFTER_BOX = re.compile(r"☐ ?[xX✓✔](?=\s|$)")
_TICK_AFTER_OPTION = re.compile(r"☐(\s?(?:[A-Za-z'’/-]+ ?){1,3}?)\s*[✓✔](?=\s|$)")   # (an option's few words)


def marked_after_boxes(value: str) -> str:
    """Empty boxes marked by typing after them (a form whose check boxes could not be ticked, its protection off):
    an 'x' or a tick typed straight after a box ('☐x SERIOUS HARM'), or a tick typed after the option's words ('☐ YES ✓
    ☐ NO'): that box ticked. Only where the line's boxes are all empty and one is so marked."""
    if CHECKED in value or "☑" in value or UNCHECKED not in value:
        return value
    if len(_X_AFTER_BOX.findall(value)) == 1:
        return _X_AFTER_BOX.sub(CHECKED, value)
    if len(_TICK_AFTER_OPTION.findall(value)) == 1 and value.count("✓") + value.count("✔") == 1:
        return _TICK_AFTER_OPTION.sub(lambda m: CHECKED + m.group(1), value)
    return value


def typed_boxes(value: str) -> str:
    """'[ ] Y [X] N' and '( ) Yes (x) No' (boxes typed as brackets) as the boxes they stand for; round brackets
    only when both an empty and a marked one are there, so that '(x)' in a sentence is never a tick."""
    if _TYPED_TICK.search(value) or _TYPED_BOX.search(value):
        value = _TYPED_BOX.sub(UNCHECKED, _TYPED_TICK.sub(CHECKED, value))
    if _TYPED_RADIO_ON.search(value) and _TYPED_RADIO_OFF.search(value):
        value = _TYPED_RADIO_OFF.sub(UNCHECKED, _TYPED_RADIO_ON.sub(CHECKED, value))
    return value


_LONE_TICK = re.compile(r"(^|\t|\s[/|,]\s*|\s{2,})[✓✔] ?(?=\w)")
_OPTION_GAP = re.compile(r"\t|\s[/|,]\s|\s{2,}")
_LONE_TICK_LINES = re.compile(r"(^|\t|\n|\s[/|,]\s*|\s{2,})[✓✔] ?(?=\w)")   # (options a line each, too)
_OPTION_GAP_LINES = re.compile(r"\t|\n|\s[/|,]\s|\s{2,}")
_CROSS = re.compile(r"(^|\t|\n|\s[/|,]\s*|\s{2,})[✖✗✘] ?(?=\w)")


def option_lines(value: str) -> bool:
    """Options a line each ('Child death', '✔ Serious harm', 'Other'): two lines or more, each a few words, none a
    question or a label ('Was the case discussed?' over 'Y  N')."""
    lines = [line.strip() for line in value.split("\n") if line.strip()]
    return len(lines) >= 2 and all(len(line.split()) <= 8 and not line.endswith(("?", ":")) for line in lines)


def emoji_marks(value: str) -> str:
    """Ticks and crosses typed as emoji ('✔️ Y  ✖️ N  ✖️ Unknown': a heavy tick or cross and the emoji variation
    selector) read as the marks they are; where a tick marks one option and crosses the others, the crosses are the
    unticked boxes."""
    value = value.replace("\ufe0f", "").replace("\ufe0e", "")
    if _CROSS.search(value) and value.count("✓") + value.count("✔") == 1 and _LONE_TICK.search(value):
        value = _CROSS.sub(lambda m: m.group(1) + UNCHECKED + " ", value)
    return value


def lone_tick(value: str) -> str:
    """'Yes<tab>✓ No<tab>Not known' (a web page's chosen chip, a tick typed before one option of several): that
    option as a ticked box; only for one tick among two or more options set apart, so '✓ done' is left alone. An 'X'
    typed before one option ('Yes<tab>X No<tab>Unconfirmed'), or a tick or an 'X' typed after one ('Yes ✓<tab>No'),
    where a form's boxes are pictures that cannot be ticked, likewise."""
    t = value.strip()
    lines = option_lines(t)
    tick, gap = (_LONE_TICK_LINES, _OPTION_GAP_LINES) if lines else (_LONE_TICK, _OPTION_GAP)
    if len(gap.split(t)) >= 2 and t.count("✓") + t.count("✔") == 1 and tick.search(t):
        return re.sub(r" {2,}", "\t", tick.sub(lambda m: m.group(1) + CHECKED + " ", t))   # gaps as tabs: options
    if CHECKED in t or UNCHECKED in t or "☑" in t or len(gap.split(t)) < 2:
        return value
    x_before = _X_BEFORE_LINES if lines else _X_BEFORE   # (a box before an option a line reads as that option's)
    if len(x_before.findall(t)) == 1 and not _MARK_AFTER.search(t) and t.count("✓") + t.count("✔") == 0:
        return _options_apart_by_tabs(x_before.sub(lambda m: m.group(1) + CHECKED + " ", t))
    if len(_MARK_AFTER.findall(t)) == 1 and not x_before.search(t) and t.count("✓") + t.count("✔") <= 1:
        return _options_apart_by_tabs(_MARK_AFTER.sub(lambda m: m.group(1) + CHECKED + " " + m.group(2), t))
    return value


def _options_apart_by_tabs(t: str) -> str:
    """A line of options, one of them now a ticked box, with the gaps between them as tabs: wide gaps of any kind of
    space (no-break, en, em), and slashes or bars with a space either side ('☒ Yes / No', 'Yes  ☒ No')."""
    return re.sub(r"[^\S\n]*(?<=\s)[/|](?=\s)[^\S\n]*|[^\S\n\t]{2,}", "\t", t)


_X_BEFORE = re.compile(r"(^|\t|\s[/|,]\s*|\s{2,})[Xx] (?=[A-Za-z])")
_X_BEFORE_LINES = re.compile(r"(^|\t|\n|\s[/|,]\s*|\s{2,})[Xx] (?=[A-Za-z])")
# a tick or an 'X' typed after an option's words, before the next option or the end ('Yes ✓<tab>No<tab>Unsure')
_MARK_AFTER = re.compile(r"(^|\t|\n|\s[/|,]\s*|\s{2,})([A-Za-z](?:(?!\s{2})[^\t\n/|,✓✔]){0,60}?)(?: ?[✓✔]| [Xx])"
                         r"(?=[ \t]*(?:\t|\n|\s{2,}|\s[/|,]|$))")


def as_boxes(value: str) -> str:
    """Marks written any way ('✔️', '(•)', '[x]', an X typed before one option, a tick after it) as ☒ / ☐ boxes."""
    return squares_as_boxes(radio_as_boxes(typed_boxes(marked_after_boxes(lone_tick(emoji_marks(value))))))


def checked_options(value: str) -> list[str] | None:
    """For '☒ Death ☐ Serious harm' -> ['Death']; None when the value carries no boxes. The option's words
    stand after its box when the text starts with a box ('☒ Yes ☐ No'), else before it ('Yes ☒  No ☐')."""
    value = as_boxes(value)
    if CHECKED not in value and UNCHECKED not in value and "☑" not in value:
        return None
    t = value.strip()
    # one box among options written out ('Yes / ☒ No / Not known', 'YES<tab>☒ NO<tab>UNKNOWN', an option a line):
    # the box marks the option it stands before, the one it is not parted from by a separator
    lone = len(re.findall(r"[☒☑☐]", t)) == 1 and re.search(r"(\s*[/|,]|\t|\n)\s*[☒☑☐]" if option_lines(t)
                                                           else r"(\s*[/|,]|\t)\s*[☒☑☐]", t)
    if t[:1] in BOXES or lone:
        pairs = [(m.group(1), m.group(2)) for m in re.finditer(r"([☒☑☐])\s*([^☒☑☐\n\t/|,]*)", t)] if lone else \
            [(m.group(1), m.group(2)) for m in re.finditer(r"([☒☑☐])\s*([^☒☑☐\n\t]*)", t)]
    else:
        pairs = [(m.group(2), m.group(1)) for m in re.finditer(r"([^☒☑☐\n]*?)\s*([☒☑☐])", t)]
    labels = [(box, _ROUTING.sub("", " ".join(label.split()).strip(" /|,;"))) for box, label in pairs]
    codes = [_ANSWER_CODE.match(label) for _, label in labels]
    if len(labels) > 1 and all(codes) and [int(c.group(1)) for c in codes] == list(range(1, len(labels) + 1)) \
            and all(_ANSWER_CODE.sub("", label)[:1].isalpha() for _, label in labels):
        labels = [(box, _ANSWER_CODE.sub("", label)) for box, label in labels]   # options numbered 1, 2, 3 …
    return [label.strip(" -–:") for box, label in labels if box in "☒☑"]


# a third option that says the answer is not known, in words that open with 'no' ('No information', 'No record')
_NOT_KNOWN_OPTION = re.compile(r"(?i)^no\s+(information|info|record|records|data|details|idea|answer|response|reply|"
                               r"knowledge|evidence)(\s+(available|held|known|given|yet|recorded))?\s*\.?$")
YES = {"yes", "y", "true", "agreed", "ticked", "✓", "✔", "x"}
NO = {"no", "n", "false", "not agreed"}


def tristate(value: str | None) -> bool | None:
    """Yes/No in the usual spellings, boxes and drop-downs -> True/False; None when not stated or both."""
    if blank(value):
        return None
    chosen = checked_options(value)
    if chosen is not None:
        chosen = [c for c in chosen if not _NOT_KNOWN_OPTION.match(c.strip())]   # ('☒ No information': not answered)
        words = {w for c in chosen for w in (c.lower().split()[:1] + c.lower().split()[-1:])}
        yes, no = bool(words & YES), bool(words & NO)
        return True if yes and not no else False if no and not yes else None
    t = " ".join(value.split()).strip().lower().rstrip(".!")
    if re.fullmatch(r"yes\s*/\s*no(\s*\(.*\))?", t) or re.fullmatch(r"y\s*/\s*n", t):
        return None  # nothing deleted: not answered
    t = re.sub(r"\s*\(delete as appropriate\)", "", t).strip(" /|[]")
    if option_hint(t):
        return None  # '(Yes / No / Don't know)': the question's hint, printed under it, not its answer
    if " / " in t:  # 'Ydy / Yes', 'Na / No': the same answer in two languages
        said = {_polarity(half) for half in t.split(" / ")} - {None}
        return said.pop() if len(said) == 1 else None
    if _printed_options(t) or _options_apart(value):
        return None  # 'Yes X No Unsure': the options printed, and no box to say which one a mark is for
    if _NOT_KNOWN_OPTION.match(t):
        return None  # 'No information': not known, not no
    return _polarity(t)


def option_hint(text: str) -> bool:
    """'(Yes / No / Don't know)': a choice's options in brackets, printed under a question to say how to answer."""
    t = " ".join(text.split()).strip().lower()
    return bool(re.fullmatch(r"\([^()]*\)", t)) and _printed_options(t[1:-1])


def _printed_options(t: str) -> bool:
    """Only a yes / no choice's option words ('yes x no unsure'), both a yes and a no among them; or options set
    apart (tabs, wide gaps, slashes, bars) one of them yes and another no, whatever the third says ('Yes<tab>No<tab>Not
    recorded'): the options printed, none marked."""
    words = set(re.split(r"[\s/|,]+", t)) - {""}
    if words <= _OPTION_WORDS and bool(words & {"yes", "y"}) and bool(words & {"no", "n"}):
        return True
    return _options_apart(t)


_BOTH_FIRST = re.compile(r"^(yes|y|no|n)\s*[/|]?\s*(yes|y|no|n)\b")


def opens_with_both(value: str | None) -> bool:
    """'Yes No Not known to us': a short answer opening with a yes and a no side by side is the options printed (the
    one chosen marked only by how it looks, or not at all), never an answer."""
    t = " ".join((value or "").split()).lower()
    m = _BOTH_FIRST.match(t)
    if not m or len(t.split()) > 6 or (m.group(1) in YES) == (m.group(2) in YES):
        return False
    return checked_options(value or "") is None   # ('Yes<tab>No X<tab>Unsure': the options, one of them marked)


def _options_apart(value: str) -> bool:
    """Three options or more set apart (tabs, wide gaps, slashes, bars), one of them yes and another no."""
    parts = {p.strip().lower() for p in re.split(r"\t|\s{2,}|\s*[/|]\s*", value)} - {""}
    return len(parts) >= 3 and {"yes", "no"} <= parts and all(re.fullmatch(r"[a-z'’ ]{1,30}", p) for p in parts)


_OPTION_WORDS = {"yes", "y", "no", "n", "x", "✓", "✔", "*", "unsure", "unknown", "not", "known", "nk", "n/k", "dk",
                 "don't", "know", "n/a", "na", "other", "sure"}
WELSH_YES = {"ie", "ydy", "oes", "ydw", "ydi"}
WELSH_NO = {"na", "nac", "naddo", "nag"}


def _polarity(t: str) -> bool | None:
    first = re.split(r"[\s,;:\-–(]", t.strip(" []"), maxsplit=1)[0]
    if first in YES or first in WELSH_YES:
        return True
    if first in NO or first in WELSH_NO:
        return False
    return None


_BOX_HEADS = (re.compile(r"^d{1,2}$|^day$"), re.compile(r"^m{1,2}$|^month$"), re.compile(r"^y{2,4}$|^year$"))


def date_boxes(rows: list[list[str]]) -> str | None:
    """A small table of day / month / year boxes: its date as 'dd/mm/yyyy' ('' when the boxes are empty);
    None for any other table."""
    if len(rows) == 1 and len(rows[0]) == 3:  # the boxes alone: '27 | 04 | 2023'
        d, m, y = (c.strip() for c in rows[0])
        plausible = d.isdigit() and m.isdigit() and y.isdigit() and 1 <= int(d) <= 31 and 1 <= int(m) <= 12 \
            and len(y) == 4
        return f"{d}/{m}/{y}" if plausible else None
    if len(rows) != 2 or len(rows[0]) != 3 or len(rows[1]) != 3:
        return None
    if not all(p.match(h.strip().lower()) for p, h in zip(_BOX_HEADS, rows[0])):
        return None
    parts = [c.strip() for c in rows[1]]
    if not any(parts):
        return ""
    if not all(c.isdigit() for c in parts):
        return None
    return "/".join(parts)


def captioned_dates(cells: list[str]) -> list[str]:
    """A row whose date is three cells after its label, each captioned DD / MM / YYYY (or Day / Month / Year) over
    its digits ('Date of birth | DD\n16 | MM\n03 | YYYY\n2026'): those cells become one, '16/03/2026' ('' when the
    boxes are empty)."""
    out: list[str] = []
    i = 0
    while i < len(cells):
        three = cells[i:i + 3]
        if len(three) == 3 and i >= 1:  # (after the row's label: a small table of the three boxes is date_boxes')
            split = [c.strip().split("\n", 1) for c in three]
            heads = [parts[0].strip() for parts in split]
            digits = [parts[1].strip() if len(parts) > 1 else "" for parts in split]
            date = date_boxes([heads, digits])
            if date is not None:
                out.append(date)
                i += 3
                continue
        out.append(cells[i])
        i += 1
    return out

