"""What Word shows of a document's runs: text hidden by its style left out, emoji marks read as the boxes they are.

Hidden text (``w:vanish``) is not printed and not shown unless the writer turns on formatting marks: a template's
guidance and worked examples ("e.g. 01/01/2015") are often kept in the document that way. A run is hidden by its own
properties, or by its paragraph's style or its character style, each through the styles it is based on (ECMA-376
17.7: the nearest style in a chain that says wins; a paragraph style's and a character style's hidden toggle each
other; the run's own setting wins over both).

Word stores an emoji typed into a document as ``mc:AlternateContent``: a ``w16se:symEx`` for Word 2016 and later and a
fallback ``w:t`` holding the character; the fallback is what any reader should read. ✅ (U+2705) is a tick; where a
document marks its choices with ✅, a ❌ (U+274C) beside an option marks one not chosen ("replace ☐ with ✅ for the
answer that applies, ❌ for the others"). An emoji that stands before no option (a summary's "medical ✅;") is left
as written.

"Show your answer by changing the colour of the option that applies": where a paragraph or a cell prints the options
of one choice ("Yes   No   Not known") and exactly one of them is in a colour of its own, that one is read as
ticked and the others as unticked."""

from __future__ import annotations

import re

from parsers.blocks import CHECKED, OPTION, UNCHECKED, is_choice

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W16SE = "http://schemas.microsoft.com/office/word/2015/wordml/symex"
_KEEP = {f"{{{W}}}rPr", f"{{{W}}}fldChar", f"{{{W}}}instrText"}   # a hidden run's field codes keep fields whole
_OFF = {"0", "false", "off"}
TICK, CROSS = "\u2705", "\u274c"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _said(rpr) -> bool | None:
    """True / False where run properties say the text is hidden or shown; None where they do not say."""
    if rpr is None:
        return None
    v = rpr.find(_w("vanish"))
    return None if v is None else (v.get(_w("val")) or "true").lower() not in _OFF


def hidden_styles(styles) -> dict[str, bool]:
    """Style id -> whether its runs are hidden (through the styles it is based on); styles that do not say are
    left out. ``styles``: the parsed styles part, or None."""
    if styles is None:
        return {}
    own, based = {}, {}
    for st in styles.iter(_w("style")):
        sid = st.get(_w("styleId"))
        if not sid:
            continue
        own[sid] = _said(st.find(_w("rPr")))
        base = st.find(_w("basedOn"))
        based[sid] = None if base is None else base.get(_w("val"))
    out = {}
    for sid in own:
        seen, at = set(), sid
        while at is not None and at not in seen and at in own:   # (a loop of basedOn in a broken file ends)
            seen.add(at)
            if own[at] is not None:
                out[sid] = own[at]
                break
            at = based.get(at)
    return out


def _style_of(pr, tag: str) -> str | None:
    el = None if pr is None else pr.find(_w(tag))
    return None if el is None else el.get(_w("val"))


def drop_hidden(root, styles) -> int:
    """Leave out the text of every hidden run of ``root`` (its field codes are kept, so fields stay whole)
    -> how many runs were hidden."""
    by_style = hidden_styles(styles)
    default = None
    if styles is not None:
        dflt = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        default = _said(dflt)
    if not by_style and not default and root.find(f".//{_w('vanish')}") is None:
        return 0
    hidden = 0
    paras: dict = {}
    for r in root.iter(_w("r")):
        p = next(r.iterancestors(_w("p")), None)   # its own paragraph (a text box's paragraphs have their own)
        if p not in paras:
            paras[p] = by_style.get(_style_of(None if p is None else p.find(_w("pPr")), "pStyle"))
        para = paras[p]
        rpr = r.find(_w("rPr"))
        own = _said(rpr)
        if own is None:
            char = by_style.get(_style_of(rpr, "rStyle"))
            own = bool(para) != bool(char) if (para is not None or char is not None) else bool(default)
        if own:
            hidden += 1
            for child in list(r):
                if child.tag not in _KEEP:
                    r.remove(child)
    return hidden


def emoji_marks(root) -> None:
    """Emoji stored for Word 2016 (``w16se:symEx``) read from their fallback text; ✅ as a ticked box and, in a
    document that ticks with ✅, ❌ as an unticked one."""
    for alt in list(root.iter(f"{{{MC}}}AlternateContent")):
        choice = alt.find(f"{{{MC}}}Choice")
        sym = None if choice is None else choice.find(f".//{{{W16SE}}}symEx")
        if sym is None:
            continue
        fallback = alt.find(f"{{{MC}}}Fallback")
        parent = alt.getparent()
        at = parent.index(alt)
        parent.remove(alt)
        kids = list(fallback) if fallback is not None else []
        if not kids:   # no fallback: the character named in the symbol itself
            t = parent.makeelement(_w("t"), {})
            try:
                t.text = chr(int(sym.get(f"{{{W16SE}}}char") or "", 16))
            except ValueError:
                continue
            kids = [t]
        for k, kid in enumerate(kids):
            parent.insert(at + k, kid)
    texts = list(root.iter(_w("t")))
    marks = [t for t in texts if _as_mark(t, texts)]
    if not any(TICK in t.text for t in marks):
        return
    for t in marks:
        if t.text.strip() in (TICK, CROSS):
            t.text = t.text.replace(TICK, CHECKED).replace(CROSS, UNCHECKED)
        else:
            t.text = _MARK_BEFORE.sub(lambda m: (CHECKED if m.group(1) == TICK else UNCHECKED) + m.group(2), t.text)


# an emoji is a mark only where it stands before an option ('✅ Yes', '❌ Not known'), or alone in its text with an
# option in the text after it (Word keeps an emoji in a run of its own): 'medical ✅;' in a summary stays as written
_OPTION_START = r"(?:yes|no|y|n|unknown|not known|not sure|don['’]t know|n/?a|n/?k|not applicable|female|male|girl|boy|" \
                r"non-binary|prefer not to say|other|death|serious harm|child death|died|serious)\b"
_MARK_BEFORE = re.compile(r"([\u2705\u274c])(\s*(?=" + _OPTION_START + r"))", re.I)


def _as_mark(t, texts: list) -> bool:
    text = t.text or ""
    if TICK not in text and CROSS not in text:
        return False
    if _MARK_BEFORE.search(text):
        return True
    if text.strip() not in (TICK, CROSS):
        return False
    at = texts.index(t)
    after = " ".join(x.text or "" for x in texts[at + 1:at + 3]).lstrip()
    return bool(re.match(_OPTION_START, after, re.I))


def _colour(r) -> str | None:
    """A run's colour where it is one of its own (red, blue, green ...); None for automatic, black, grey or white."""
    el = r.find(f"{_w('rPr')}/{_w('color')}")
    value = (el.get(_w("val")) or "") if el is not None else ""
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        return None
    rgb = [int(value[k:k + 2], 16) for k in (0, 2, 4)]
    return value.upper() if max(rgb) - min(rgb) > 48 and max(rgb) >= 0x60 else None


def _text(r) -> str:
    return "".join(t.text or "" for t in r.iter(_w("t")))


def coloured_choices(root) -> None:
    """In each paragraph, and each table cell, printing a choice's options a run each: the one option in a colour of
    its own gets a ticked box before it and the others an unticked one."""
    units = [list(p.iter(_w("r"))) for p in root.iter(_w("p"))] + [list(tc.iter(_w("r"))) for tc in root.iter(_w("tc"))]
    for runs in units:
        options = [r for r in runs if OPTION.match(_text(r)) and _text(r).strip()]
        if len(options) < 2:
            continue
        coloured = [r for r in options if _colour(r)]
        if len(coloured) != 1 or not is_choice([_text(r) for r in options]):
            continue
        if any(CHECKED in _text(r) or UNCHECKED in _text(r) for r in runs):
            continue   # already marked (a cell's paragraph was read first)
        for r in options:
            t = r.find(_w("t"))
            t.text = (CHECKED if r is coloured[0] else UNCHECKED) + " " + (t.text or "").lstrip()


def _marks_of(rpr) -> set[str]:
    """The emphasis a run's (or a style's) properties set: shading with a fill, a border, a highlight colour."""
    out = set()
    if rpr is None:
        return out
    shd = rpr.find(_w("shd"))
    if shd is not None and (shd.get(_w("fill")) or "").upper() not in ("", "AUTO", "FFFFFF"):
        out.add("shd")
    bdr = rpr.find(_w("bdr"))
    if bdr is not None and bdr.get(_w("val")) not in ("nil", "none"):
        out.add("bdr")
    hl = rpr.find(_w("highlight"))
    if hl is not None and hl.get(_w("val"), "none") not in ("none", "white"):
        out.add("highlight")
    return out


def style_marks(styles) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Character style id -> the emphasis it sets (shading, a border, a highlight), through the styles it is based on; and style id ->
    the styles it is based on (itself included)."""
    if styles is None:
        return {}, {}
    own, based = {}, {}
    for st in styles.iter(_w("style")):
        sid = st.get(_w("styleId"))
        if sid and st.get(_w("type")) == "character":
            own[sid] = _marks_of(st.find(_w("rPr")))
            base = st.find(_w("basedOn"))
            based[sid] = None if base is None else base.get(_w("val"))
    marks, family = {}, {}
    for sid in own:
        seen, at, found = [], sid, set()
        while at is not None and at not in seen and at in own:
            seen.append(at)
            found |= own[at]
            at = based.get(at)
        marks[sid], family[sid] = found, set(seen)
    return marks, family


def styled_choices(root, styles) -> None:
    """"Select the option that applies and click 'Selected answer' in the Styles gallery": where a paragraph or a
    table cell prints a choice's options a run each in character styles, exactly one of them in a style that shades,
    borders or highlights it and the others all in one style that does not, that one is read as ticked and the
    others as unticked - where the options are one choice's ('Yes / No / Not known') or the marking style is based
    on the others' ('Selected answer' on 'Answer option'), each eight words at most."""
    marks, family = style_marks(styles)
    if not any(marks.values()):
        return
    units = [list(p.iter(_w("r"))) for p in root.iter(_w("p"))] + [list(tc.iter(_w("r"))) for tc in root.iter(_w("tc"))]
    for runs in units:
        styled = [(r, _style_of(r.find(_w("rPr")), "rStyle")) for r in runs if _text(r).strip()]
        styled = [(r, sid) for r, sid in styled if sid in marks]
        marked = [(r, sid) for r, sid in styled if marks[sid]]
        plain = {sid for _, sid in styled if not marks[sid]}
        if len(styled) < 2 or len(marked) != 1 or len(plain) != 1:
            continue
        texts = [_text(r).strip() for r, _ in styled]
        if any(len(t.split()) > 8 or ":" in t for t in texts):
            continue
        if not (is_choice(texts) or plain <= family.get(marked[0][1], set())):
            continue
        if any(CHECKED in _text(r) or UNCHECKED in _text(r) for r in runs):
            continue   # already marked (a cell's paragraph was read first)
        for r, _ in styled:
            t = r.find(_w("t"))
            t.text = (CHECKED if r is marked[0][0] else UNCHECKED) + " " + (t.text or "").lstrip()
