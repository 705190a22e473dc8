"""Reading a .docx into blocks with lxml over the body XML.

python-docx's high-level API drops text inside content controls and cells
wrapped in controls, so we walk the XML ourselves: paragraphs, tables (nested
tables after their row; merged cells once; a first column merged down beside groups of rows as their headings),
paragraphs in frames set on the page by where they stand, content controls (placeholder ->
empty, date pickers -> ISO date, checkboxes -> glyph), legacy form fields
(FORMTEXT result, FORMCHECKBOX state, FORMDROPDOWN choice) and Wingdings boxes.
"""

from __future__ import annotations

import copy
import logging
import posixpath
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from lxml import etree

from parsers.blocks import (CHECKED, OPTION, SYMBOL_CHECKED, SYMBOL_UNCHECKED, UNCHECKED, Para, Table, action_links,
                            address_rows, captions_above, cards, comb_cells, is_choice, marked_column,
                            marks_beside_options, plain_readings, repeated_captions, reply_tags, section_column, signature_rows,
                            symbol_boxes, tab_tables, text_report)
from parsers.docx_shown import coloured_choices, drop_hidden, emoji_marks, styled_choices
from parsers.html_reader import html_blocks
from parsers.normalise import CHOOSE, PROMPT, captioned_dates, date_boxes
from parsers.rtf_reader import rtf_blocks
from parsers.safety import UnsafeFile, open_zip, parse_xml, read_member
from parsers.vocabulary import field_strengths

log = logging.getLogger(__name__)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
NS = {"w": W, "w14": W14}


@lru_cache(maxsize=None)
def q(tag: str) -> str:
    """'w:p' -> '{namespace}p' (cached: it is asked for on every element read)."""
    prefix, local = tag.split(":")
    return "{%s}%s" % (NS[prefix], local)


PLACEHOLDERS = re.compile(
    r"^(click or tap (here )?to enter (a )?(text|date)\.?|choose an item\.?|click here to enter (a )?(text|date)\.?|"
    r"enter text here\.?|select (an )?(item|option)\.?)$", re.I)
# Wingdings / Wingdings 2 / Segoe symbol code points used for boxes.
SYM_CHECKED = {f"F0{c:02X}" for c in SYMBOL_CHECKED} | {"2612", "2611"}
SYM_UNCHECKED = {f"F0{c:02X}" for c in SYMBOL_UNCHECKED} | {"2610"}


class _Runs:
    """Collects the visible text of a paragraph, honouring legacy field state."""

    def __init__(self):
        self.parts: list[str] = []
        self.bold: list[bool] = []      # per part: was it written in bold (a label's usual look)
        self.field_stack: list[dict] = []
        self.in_bold = False
        self.boxes: list[str] = []      # the text of text boxes anchored in the paragraph

    def suppressed(self) -> bool:
        return any(f["mode"] in ("instr", "hide") for f in self.field_stack)

    def add(self, text: str) -> None:
        if not self.suppressed():
            self.parts.append(text)
            self.bold.append(self.in_bold)


def _ffdata_value(ff) -> tuple[str, str | None]:
    """(kind, value) of a legacy form field from its w:ffData."""
    cb = ff.find(q("w:checkBox"))
    if cb is not None:
        checked = cb.find(q("w:checked"))
        if checked is None:
            checked = cb.find(q("w:default"))
        on = checked is not None and checked.get(q("w:val"), "1") not in ("0", "false", "off")
        return "checkbox", CHECKED if on else UNCHECKED
    dd = ff.find(q("w:ddList"))
    if dd is not None:
        entries = [e.get(q("w:val"), "") for e in dd.findall(q("w:listEntry"))]
        res = dd.find(q("w:result"))
        idx = int(res.get(q("w:val"), "0")) if res is not None else 0
        if dd.find(q("w:default")) is not None and res is None:
            idx = int(dd.find(q("w:default")).get(q("w:val"), "0"))
        return "dropdown", entries[idx] if 0 <= idx < len(entries) else ""
    default = ff.find(q("w:textInput") + "/" + q("w:default"))
    return "text", None if default is None else default.get(q("w:val"), "")


def _sdt_text(sdt, collect) -> None:
    pr = sdt.find(q("w:sdtPr"))
    content = sdt.find(q("w:sdtContent"))
    if pr is not None:
        if pr.find(q("w:showingPlcHdr")) is not None:
            return  # placeholder shown: the control is unfilled
        box = pr.find(q("w14:checkbox"))
        if box is not None:
            checked = box.find(q("w14:checked"))
            on = checked is not None and checked.get(q("w14:val")) in ("1", "true")
            collect.add(CHECKED if on else UNCHECKED)
            return
        date = pr.find(q("w:date"))
        if date is not None and date.get(q("w:fullDate")) and content is not None:
            shown = "".join(content.itertext()).strip()
            if shown and not PLACEHOLDERS.match(shown):
                collect.add(date.get(q("w:fullDate"))[:10])
            return
    if content is not None:
        _inline(content, collect)


def _inline(el, collect: _Runs) -> None:
    for child in el:
        tag = child.tag
        if tag == q("w:r"):
            _run(child, collect)
        elif tag == q("w:sdt"):
            _sdt_text(child, collect)
        elif tag in (q("w:hyperlink"), q("w:smartTag"), q("w:ins"), q("w:fldSimple"), q("w:customXml"), q("w:sdtContent")):
            _inline(child, collect)
        elif tag == q("w:del"):
            continue


def _struck(r) -> bool:
    """Text struck through: a "Yes / No (delete as appropriate)" answer struck instead of deleted."""
    rpr = r.find(q("w:rPr"))
    if rpr is None:
        return False
    for tag in ("w:strike", "w:dstrike"):
        el = rpr.find(q(tag))
        if el is not None and el.get(q("w:val"), "true") not in ("0", "false", "off"):
            return True
    return False


def _highlighted(r) -> bool:
    rpr = r.find(q("w:rPr"))
    if rpr is None:
        return False
    hl = rpr.find(q("w:highlight"))
    return hl is not None and hl.get(q("w:val"), "none") not in ("none", "white")


def _fill(pr) -> str | None:
    """The colour a cell or run is shaded with; None when it is not shaded (no fill, 'auto' or white)."""
    shd = pr.find(q("w:shd")) if pr is not None else None
    fill = (shd.get(q("w:fill")) or "").upper() if shd is not None else ""
    return None if fill in ("", "AUTO", "FFFFFF") else fill


def shaded_choice(texts: list[str], fills: list[str | None]) -> list[str]:
    """A row printing each option of a choice in its own cell ('Yes | No | Not known'), the chosen one marked only
    by shading its cell ('please shade the box that applies'): that option read as ticked. Only where exactly one
    of two or more option cells is shaded — a shaded header row of options marks nothing. The others get an
    empty box."""
    options = [i for i, t in enumerate(texts) if OPTION.match(t)]
    shaded = [i for i in options if fills[i] is not None]
    if len(shaded) != 1 or not is_choice([texts[i] for i in options]):
        return texts
    out = list(texts)
    for i in options:   # a box before every option, so that the row read whole says which one is marked
        out[i] = (CHECKED if i == shaded[0] else UNCHECKED) + " " + texts[i].strip()
    return out


SYMBOL_FONTS = {"wingdings", "wingdings 2", "wingdings 3", "webdings", "symbol"}


def _symbol_font(r) -> bool:
    """A run typed in a symbol font (its letters print as pictures: Wingdings 2's 'R' is a ticked box)."""
    fonts = r.find(f"{q('w:rPr')}/{q('w:rFonts')}")
    return fonts is not None and any((fonts.get(q(f"w:{a}")) or "").lower() in SYMBOL_FONTS
                                     for a in ("ascii", "hAnsi"))


def _symbol_font_boxes(text: str) -> str:
    """A symbol font's characters as the boxes they print; any other of its characters is no text."""
    return "".join(CHECKED if ord(ch) in SYMBOL_CHECKED or ord(ch) - 0xF000 in SYMBOL_CHECKED
                   else UNCHECKED if ord(ch) in SYMBOL_UNCHECKED or ord(ch) - 0xF000 in SYMBOL_UNCHECKED
                   else " " if ch.isspace() else "" for ch in text)


def _on(rpr, tag: str) -> bool:
    el = rpr.find(q(tag)) if rpr is not None else None
    return el is not None and el.get(q("w:val"), "true") not in ("0", "false", "off")


def _grey(rpr) -> bool:
    """A run coloured grey (equal red, green and blue, between dark and white): a template's hint colour."""
    el = rpr.find(q("w:color")) if rpr is not None else None
    value = (el.get(q("w:val")) or "") if el is not None else ""
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        return False
    red, green, blue = (int(value[k:k + 2], 16) for k in (0, 2, 4))
    return max(red, green, blue) - min(red, green, blue) <= 16 and 0x40 <= red <= 0xE0


def hint_paragraph(p) -> bool:
    """A template's hint at the top of an answer box, set apart from any answer by its look: every run that holds
    text is grey and italic ('e.g. name@organisation.org.uk', 'Include the area code'). It is never the answer."""
    runs = [r for r in p.iter(q("w:r")) if "".join(t.text or "" for t in r.iter(q("w:t"))).strip()]
    return bool(runs) and all(_on(r.find(q("w:rPr")), "w:i") and _grey(r.find(q("w:rPr"))) for r in runs)


def _bold(r) -> bool:
    el = r.find(f"{q('w:rPr')}/{q('w:b')}")
    return el is not None and el.get(q("w:val"), "true") not in ("0", "false", "off")


MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
TXBX = q("w:txbxContent")


def _text_boxes(el, collect: _Runs) -> None:
    """Text boxes drawn in a run (an answer typed in a box beside its label): their text, once. Word stores a box
    twice, as a drawing and as an older VML fallback; the fallback is read only where there is no drawing."""
    if el.tag == "{%s}AlternateContent" % MC:
        choice = el.find("{%s}Choice" % MC)
        el = choice if choice is not None and choice.find(f".//{TXBX}") is not None else el.find("{%s}Fallback" % MC)
        if el is None:
            return
    for box in el.iter(TXBX):
        text = "\n".join(t for t in (paragraph_text(p) for p in box.findall(q("w:p"))) if t.strip())
        if text.strip():
            collect.boxes.append(text.strip())


def block_boxes(p) -> list:
    """The text boxes drawn in a paragraph that hold a table (a section laid out as a label | answer table inside a
    rounded box): each box's content element, outermost boxes only; where Word stored the box twice, the drawing's
    and not its VML fallback's."""
    out = []
    for box in p.iter(TXBX):
        if box.find(f".//{q('w:tbl')}") is None or any(a.tag == TXBX for a in box.iterancestors()):
            continue
        fallback = next((a for a in box.iterancestors() if a.tag == "{%s}Fallback" % MC), None)
        choice = fallback.getparent().find("{%s}Choice" % MC) if fallback is not None else None
        if choice is not None and choice.find(f".//{TXBX}") is not None:
            continue
        out.append(box)
    return out


class _BoxContent:
    """A text box's content (paragraphs and tables) met inside a table cell: read as body blocks where the table's
    nested tables are read."""

    def __init__(self, el):
        self.el = el


def _without_boxes(p):
    """A copy of the paragraph without its drawings that hold a table in a text box: the paragraph's own text."""
    own = copy.deepcopy(p)
    for holder in list(own.iter(q("w:drawing"), q("w:pict"), "{%s}AlternateContent" % MC)):
        if holder.find(f".//{TXBX}") is not None and holder.find(f".//{q('w:tbl')}") is not None \
                and holder.getparent() is not None:
            holder.getparent().remove(holder)
    return own


WPD = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_PICTURE_UNTICKED = re.compile(r"\b(unchecked|unticked|unselected|not (checked|ticked|selected)|no tick|empty|blank)\b"
                               r"|(check|tick)_?box[-_ ]?off\b", re.I)
_PICTURE_TICKED = re.compile(r"\b(checked|ticked|selected)\b|(check|tick)_?box[-_ ]?on\b", re.I)
TICK_PICTURE_EMU = 457200   # half an inch: a picture this small or smaller, described as ticked or not, is a tick box


def picture_box(drawing) -> str | None:
    """A tick box drawn as a small inline picture (a web form's submission pasted into Word): CHECKED or UNCHECKED
    as its description (alt text) or name says; None for any other picture."""
    inline = drawing.find(f"{{{WPD}}}inline")
    extent = inline.find(f"{{{WPD}}}extent") if inline is not None else None
    pr = inline.find(f"{{{WPD}}}docPr") if inline is not None else None
    if extent is None or pr is None or max(int(extent.get("cx", "0")), int(extent.get("cy", "0"))) > TICK_PICTURE_EMU:
        return None
    said = " ".join(pr.get(k) or "" for k in ("descr", "title", "name"))
    return UNCHECKED if _PICTURE_UNTICKED.search(said) else CHECKED if _PICTURE_TICKED.search(said) else None


WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
VML = "urn:schemas-microsoft-com:vml"
_SHAPE_MARKS = set("✓✔✗✘xX☒☑■●")
TICK_SHAPE_PT = 24   # a shape this small or smaller (in points), empty or holding only a mark, is a tick box


def shape_box(el) -> str | None:
    """A tick box drawn as a small shape in the line (a square or circle inserted after an option, ticked by typing
    a mark in it, or by blacking it in): CHECKED where the shape holds only a mark ('✓', 'X') or is filled dark,
    UNCHECKED where it holds nothing; None for any other drawing (a picture, a text box with words, a shape floating
    on the page)."""
    if el.tag == "{%s}AlternateContent" % MC:
        choice = el.find("{%s}Choice" % MC)
        fallback = el.find("{%s}Fallback" % MC)
        el = choice if choice is not None and choice.find(f".//{{{WPD}}}inline") is not None else fallback
        if el is None:
            return None
    inline = el.find(f".//{{{WPD}}}inline")
    if inline is not None:
        extent = inline.find(f"{{{WPD}}}extent")
        if inline.find(f".//{{{WPS}}}wsp") is None or extent is None \
                or max(int(extent.get("cx", "0")), int(extent.get("cy", "0"))) > TICK_SHAPE_PT * 12700:
            return None
    else:
        shape = _vml_shape(el)
        size = re.findall(r"(?:width|height):\s*([\d.]+)pt", shape.get("style", "")) if shape is not None else []
        if shape is None or len(size) != 2 or max(float(v) for v in size) > TICK_SHAPE_PT \
                or "position:absolute" in shape.get("style", "").replace(" ", ""):
            return None
    said = "".join(t.text or "" for t in el.iter(q("w:t"))).strip()
    if not said:
        return CHECKED if _filled_dark(el) else UNCHECKED
    return CHECKED if len(said) == 1 and said in _SHAPE_MARKS else None


def _vml_shape(el):
    """The first VML rectangle, oval or rounded rectangle drawn in ``el`` (an older Word's copy of a shape), or None."""
    return next(el.iter(f"{{{VML}}}rect", f"{{{VML}}}oval", f"{{{VML}}}roundrect"), None)


def _filled_dark(el) -> bool:
    """Whether a drawn shape is filled in a dark colour (the chosen box blacked in): its own fill (DrawingML's
    solidFill beside its outline, or VML's fillcolor where filled), not its outline's."""
    pr = el.find(f".//{{{WPS}}}spPr")
    fills = [f.find(f"{{{A}}}srgbClr") for f in pr.findall(f"{{{A}}}solidFill")] if pr is not None else []
    colours = [c.get("val", "") for c in fills if c is not None]
    if pr is None:
        shape = _vml_shape(el)
        if shape is not None and shape.get("filled", "t").lower() in ("t", "true"):
            colours = [shape.get("fillcolor", "white")]
    return any(_dark(c) for c in colours)


_NAMED_DARK = {"black": "000000", "gray": "808080", "grey": "808080", "navy": "000080"}


def _dark(colour: str) -> bool:
    hexa = _NAMED_DARK.get(colour.strip().lower(), colour.strip().lstrip("#"))
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", hexa):
        return False
    return sum(int(hexa[k:k + 2], 16) for k in (0, 2, 4)) / 3 < 100


_DRAWING = q("w:drawing")
_DRAWN = frozenset({"{%s}AlternateContent" % MC, _DRAWING, q("w:pict")})   # what a run draws: pictures, shapes


def banner_text(p) -> str | None:
    """A heading set as a picture (a banner across the page with the section's name drawn in it): the words of its
    description (alt text), which says what the picture shows. Only for a picture alone in its paragraph, at least
    four times as wide as it is tall, described in a short line (not 'Picture 1' or a file's name)."""
    drawings = list(p.iter(q("w:drawing")))
    if len(drawings) != 1:
        return None
    extent = drawings[0].find(f".//{{{WPD}}}extent")
    pr = drawings[0].find(f".//{{{WPD}}}docPr")
    if extent is None or pr is None or int(extent.get("cx", "0")) < 4 * max(int(extent.get("cy", "0")), 1):
        return None
    said = " ".join((pr.get("descr") or pr.get("title") or "").split())
    if not said or len(said) > 100 or _UNDESCRIBED.match(said):
        return None
    return said


_UNDESCRIBED = re.compile(r"(?i)^(picture|image|graphic|figure|logo|banner)\s*\d*$|.*\.(png|jpe?g|gif|bmp|emf|wmf)$")


def _run(r, collect: _Runs) -> None:
    for el in r:
        if el.tag not in _DRAWN:
            continue
        if el.tag == _DRAWING and (box := picture_box(el)):
            collect.add(box + " ")
        elif box := shape_box(el):
            collect.add(" " + box + " ")
        else:
            _text_boxes(el, collect)
    if _struck(r):
        return
    collect.in_bold = _bold(r)
    if _highlighted(r) and OPTION.match("".join(t.text or "" for t in r.iter(q("w:t")))):
        collect.add(CHECKED + " ")
    for c in r:
        tag = c.tag
        if tag == q("w:fldChar"):
            kind = c.get(q("w:fldCharType"))
            if kind == "begin":
                ff = c.find(q("w:ffData"))
                info = {"mode": "instr", "kind": "plain", "value": None}
                if ff is not None:
                    info["kind"], info["value"] = _ffdata_value(ff)
                collect.field_stack.append(info)
            elif kind == "separate" and collect.field_stack:
                f = collect.field_stack[-1]
                f["mode"] = "hide" if f["kind"] in ("checkbox", "dropdown") else "result"
                f["from"] = len(collect.parts)
            elif kind == "end" and collect.field_stack:
                f = collect.field_stack.pop()
                if f["kind"] == "dropdown" and f["value"] is not None and CHOOSE.match(f["value"]):
                    pass   # left on its prompt ('Please select'): no answer (one may be typed after it)
                elif f["kind"] in ("checkbox", "dropdown") and f["value"] is not None:
                    collect.add(f["value"])
                elif f["kind"] == "text" and f["value"] and "from" in f:
                    _unfilled_text_field(collect, f["from"], f["value"])
                elif f["kind"] == "plain" and "from" in f and FIELD_ERROR.match("".join(collect.parts[f["from"]:])):
                    del collect.parts[f["from"]:], collect.bold[f["from"]:]   # no answer: Word could not fill it
                elif f["kind"] == "plain" and "from" not in f and (drawn := overstruck_box(f.get("code", ""))):
                    collect.add(drawn)   # an EQ field stores no result: what it draws is in its code
        elif tag == q("w:instrText"):
            if collect.field_stack:
                collect.field_stack[-1]["code"] = collect.field_stack[-1].get("code", "") + (c.text or "")
            continue
        elif tag == q("w:t"):
            collect.add(_symbol_font_boxes(c.text or "") if _symbol_font(r) else symbol_boxes(c.text or ""))
        elif tag in (q("w:tab"), q("w:ptab")):
            collect.add("\t")   # (an absolute position tab: 'Your name<ptab right, dot leader>Karen Ainsworth')
        elif tag in (q("w:br"), q("w:cr")):
            collect.add("\n")
        elif tag == q("w:sym"):
            code = (c.get(q("w:char")) or "").upper()
            box = CHECKED if code in SYM_CHECKED else UNCHECKED if code in SYM_UNCHECKED else None
            if box and _macro_button(collect):
                collect.parts.append(box)  # an old template's 'CheckIt' box: the symbol is the field's display
                collect.bold.append(False)
            elif box:
                collect.add(box)
        elif tag == q("w:noBreakHyphen"):
            collect.add("-")
    # A legacy checkbox with no separate/end in this run is finished in a later run.


# what Word shows in a field it could not fill ('Error! No document variable supplied.', 'Error! Reference source not
# found.', 'Error! Bookmark not defined.'): a template's variable never set is an answer never given
FIELD_ERROR = re.compile(r"^\s*Error!\s+\S")


def _unfilled_text_field(collect: _Runs, start: int, default: str) -> None:
    """A legacy text field still showing a default that prompts for the answer ('Click here to enter text.',
    'dd/mm/yyyy'): Word shows the default until something is typed, so the field is unfilled and its prompt no
    answer."""
    shown = "".join(collect.parts[start:])
    if shown.strip() and " ".join(shown.split()).casefold() == " ".join(default.split()).casefold() \
            and PROMPT.match(default.strip()):
        del collect.parts[start:], collect.bold[start:]


MACROBUTTON = re.compile(r"^\s*MACROBUTTON\b", re.I)

def _macro_button(collect: _Runs) -> bool:
    """A symbol in the code of a MACROBUTTON field, the innermost one, with no other field around it: what Word
    shows for the field (an old template's tick box, toggled by its 'CheckIt' macro). A MACROBUTTON's words are
    its prompt ('[Click here and type name]'), left there only where nothing was typed: they stay unread."""
    stack = collect.field_stack
    return (len(stack) == 1 and stack[0]["mode"] == "instr"
            and bool(MACROBUTTON.match(stack[0].get("code", ""))))


LABEL_END = re.compile(r"[:?\t]\s*$|[_.…]{3,}\s*$")


def _bold_label_end(collect: _Runs) -> int | None:
    """'**Name of referrer** Jo Bloggs': where a bold label at the start of a line gives way to plain text.
    The look is the separator; None when the paragraph does not open that way."""
    k = 0
    seen_bold = False
    while k < len(collect.parts):
        part = collect.parts[k]
        if "\n" in part:
            return None
        if part.strip():
            if not collect.bold[k]:
                break
            seen_bold = True
        k += 1
    if not seen_bold or k >= len(collect.parts):
        return None
    label = "".join(collect.parts[:k])
    if len(label.split()) > 12 or LABEL_END.search(label):
        return None
    return k


# the gap between fields typed on one line with the space bar: three spaces or more, or two or more spaces one of them
# wide (fields at tab stops are a tabbed table's or the trained reader's own)
_FIELD_GAP = re.compile(r"[ \u00a0]*[\u2000-\u200a\u3000][ \u00a0\u2000-\u200a\u3000]+|[ \u00a0]{3,}")


RUN_IN_GAP = "\u2003\u2003"   # between run-in fields: a wide gap, as ``blocks.inline_pairs`` parts fields at


def run_in_fields(collect: _Runs) -> list[str] | None:
    """'**Child's first name** Jayden  **Surname** Nowicki  **Also known as** Jay': fields run in on one line, each
    a bold label and its answer in plain text, a wide gap between one field and the next. Each field as
    'label: answer' (the look stands for the colon; a label ending in ':' or '?' keeps its own mark), to be set a line
    each (``blocks.inline_pairs``); None unless the line is two fields or more, one answered at least (bold words a
    wide gap apart with nothing after any of them are a row of headings)."""
    if any("\n" in part for part in collect.parts):
        return None
    if any("\t" in part for part in collect.parts):
        return _tabbed_run_in(collect)
    text = "".join(collect.parts)
    bold = [b for part, b in zip(collect.parts, collect.bold) for _ in part]
    fields, start = [], 0
    for m in [*_FIELD_GAP.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = range(start, end)
        marked = [k for k in chunk if not text[k].isspace()]
        if marked:
            n_bold = next((i for i, k in enumerate(marked) if not bold[k]), len(marked))
            if n_bold == 0 or any(bold[k] for k in marked[n_bold:]):
                return None   # a piece that does not open with its bold label, or more bold after its answer
            cut = marked[n_bold - 1] + 1
            label, answer = text[start:cut].strip(), text[cut:end].strip()
            if len(label.split()) > 12 or re.search(r"[_.…]{3,}$", label):
                return None
            fields.append((label, answer))
        start = m.end() if m else end
    if len(fields) < 2 or not any(answer for _, answer in fields):
        return None
    return [label + ("" if label.endswith((":", "?")) else ":") + (" " + answer if answer else "")
            for label, answer in fields]


def _tabbed_run_in(collect: _Runs) -> list[str] | None:
    """'**Date of referral**<tab>14/11/2026<tab>**Referrer's name**<tab>Alice Mendes': fields at tab stops, each a bold
    label with no colon and its answer in plain text at the next stop, two fields or more, one answered at least and
    two labels naming fields. Each field as 'label: answer'; None for any other line - a row of bold column names,
    options at tab stops, a label and its answer in one stop ('**Name** Jo Lee<tab>**Role** Nurse'), labels with their
    own colons (``blocks.tab_pairs``)."""
    text = "".join(collect.parts)
    bold = [b for part, b in zip(collect.parts, collect.bold) for _ in part]
    fields: list[list[str]] = []
    start = 0
    for m in [*re.finditer(r"\t+", text), None]:
        end = m.start() if m else len(text)
        marked = {bold[k] for k in range(start, end) if not text[k].isspace()}
        piece = text[start:end].strip()
        start = m.end() if m else end
        if not marked:
            continue
        if len(marked) > 1:
            return None
        if marked.pop():
            fields.append([piece, ""])
        elif fields and not fields[-1][1]:
            fields[-1][1] = piece
        else:
            return None   # words in the text's own weight before any label, or after an answer
    if len(fields) < 2 or not any(answer for _, answer in fields) \
            or any(label.endswith((":", "?")) or len(label.split()) > RUN_IN_LABEL_WORDS for label, _ in fields) \
            or sum(1 for label, _ in fields if field_strengths(label, None)) < 2:
        return None
    return [f"{label}:" + (f" {answer}" if answer else "") for label, answer in fields]


RUN_IN_LABEL_WORDS = 12


_PAIRED_CHOICE = re.compile(r"(?i)(yes|no|y|n|male|female|m|f|boy|girl)$")


def _ringed(r) -> bool:
    """A run shown as ringed: a border drawn round its characters, or a double or thick underline."""
    pr = r.find(q("w:rPr"))
    if pr is None:
        return False
    bdr, u = pr.find(q("w:bdr")), pr.find(q("w:u"))
    return (bdr is not None and bdr.get(q("w:val")) not in ("nil", "none")) or (
        u is not None and u.get(q("w:val")) in ("double", "thick", "wavyDouble"))


def _underlined(r) -> bool:
    """A run underlined in any style (the mark of an option chosen where the form says 'underline one')."""
    pr = r.find(q("w:rPr"))
    u = pr.find(q("w:u")) if pr is not None else None
    return u is not None and u.get(q("w:val"), "single") not in ("none", "0", "false")


_OPTION_GAP = re.compile(r"(\s{3,}| / | \| )")   # options typed apart in a line: wide spaces, a slash or a bar


def ringed_options(p) -> str | None:
    """Options set out a tab apart, one of them ringed ('Yes<tab>No<tab>Don't know', 'No' with a border round it, as
    a form that says 'ring one' is answered in Word), or a choice's options (a tab, wide spaces, ' / ' or ' | '
    apart) with one underlined ('Yes / No / Not known', 'underline the answer that applies'): the options as tick
    boxes, the marked one ticked; None for any other paragraph."""
    tabbed = _options(p, None)
    if tabbed is not None and sum(1 for o in tabbed if o[1]) == 1:
        options, marked = tabbed, [o[1] for o in tabbed]
        if len(options) == 2 and not all(_PAIRED_CHOICE.match(text.strip()) for text, _, _ in options):
            return None   # 'Name<tab>Ann Lee' with the answer underlined twice: a label and its answer, not two options
    else:
        # (set apart by wide spaces, a slash or a bar too, only where every part is one choice's option word; a
        # paragraph with nothing underlined has no such answer, and is not split again)
        if not any(_underlined(r) for r in p.iter(q("w:r"))):
            return None
        options = _options(p, _OPTION_GAP)
        if options is None or any(o[1] for o in options) or sum(1 for o in options if o[2]) != 1 \
                or not is_choice([text.strip() for text, _, _ in options]):
            return None
        marked = [o[2] for o in options]
    return "   ".join(f"{CHECKED if mark else UNCHECKED} {o[0].strip()}" for o, mark in zip(options, marked))


def _options(p, gap: re.Pattern | None) -> list[list] | None:
    """A paragraph's parts between tabs (and `gap`s) as [text, ringed, underlined]; None unless two or more short
    parts."""
    options: list[list] = [["", False, False]]
    for r in p.iter(q("w:r")):
        for el in r:
            if el.tag == q("w:tab"):
                options.append(["", False, False])
            elif el.tag == q("w:t") and el.text:
                for k, piece in enumerate(gap.split(el.text) if gap is not None else [el.text]):
                    if k % 2:
                        options.append(["", False, False])
                        continue
                    options[-1][0] += piece
                    options[-1][1] = options[-1][1] or (bool(piece.strip()) and _ringed(r))
                    options[-1][2] = options[-1][2] or (bool(piece.strip()) and _underlined(r))
    options = [o for o in options if o[0].strip()]
    if len(options) < 2 or any(len(text.split()) > 4 or ":" in text for text, _, _ in options):
        return None
    return options


# Word's EQ field (Insert > Field > Eq, or Home > Enclose Characters), which Word draws from its code and stores no
# result for: '\o(□,√)' a tick struck over a box; '\o\ac(○,Y)' a letter with a ring round it
_EQ_OVERSTRIKE = re.compile(r"^\s*eq\s+\\o\s*(?:\\a[lrc]\s*)?\(\s*(.)\s*,\s*(.)\s*\)\s*$", re.I)
_EQ_ENCLOSED = re.compile(r"^\s*eq\s+\\o\s*(?:\\a[lrc]\s*)?\(\s*[○◯〇Oo]\s*,\s*([^,()]{1,12}?)\s*\)\s*$", re.I)
_EMPTY_BOXES = {"□": "■", "◻": "◼", "☐": CHECKED, "⬜": "⬛"}
_STRUCK_MARKS = set("√✓✔xX×✗✘")


def overstruck_box(code: str) -> str | None:
    """An EQ field that strikes a tick or a cross over an empty box ('EQ \\o(□,√)'): the box ticked, in the kind of
    the form's empty boxes ('□' becomes '■', as a questionnaire prints the chosen one); None for any other field."""
    m = _EQ_OVERSTRIKE.match(code)
    if not m:
        return None
    a, b = m.groups()
    box, mark = (a, b) if a in _EMPTY_BOXES else (b, a)
    return _EMPTY_BOXES[box] if box in _EMPTY_BOXES and mark in _STRUCK_MARKS else None


def enclosed_choice(p) -> str | None:
    """Options typed apart in a line ('Y     N     ?'), the chosen one enclosed in a circle by an EQ field ('eq
    \\o\\ac(○,Y)': Word's Enclose Characters, 'circle one'), its letter only in the field's code: the options as
    tick boxes, the circled one ticked. None unless exactly one option is circled among two or more."""
    pieces: list[tuple[str, bool]] = []
    stack: list[str] = []
    for r in p.iter(q("w:r")):
        for c in r:
            if c.tag == q("w:fldChar"):
                kind = c.get(q("w:fldCharType"))
                if kind == "begin":
                    stack.append("")
                elif kind == "end" and stack:
                    m = _EQ_ENCLOSED.match(stack.pop())
                    if m and not stack:
                        pieces.append((m.group(1).strip(), True))
            elif c.tag == q("w:instrText") and stack:
                stack[-1] += c.text or ""
            elif not stack and c.tag == q("w:t"):
                pieces.append((c.text or "", False))
            elif not stack and c.tag in (q("w:tab"), q("w:ptab")):
                pieces.append(("\t", False))
    if sum(1 for _, ringed in pieces if ringed) != 1:
        return None
    options: list[list] = []
    for text, ringed in pieces:
        if ringed:
            options.append([text, True])
            options.append(None)
            continue
        for k, part in enumerate(re.split(r"\t|\s{2,}", text)):
            if k and options and options[-1] is not None:
                options.append(None)   # a gap: the next option
            if part.strip():
                if not options or options[-1] is None:
                    options.append([part.strip(), False])
                else:
                    options[-1][0] += part
    options = [o for o in options if o is not None and o[0].strip()]
    if len(options) < 2 or any(len(o[0].split()) > 3 for o in options):
        return None
    return "\t".join((CHECKED if ringed else UNCHECKED) + " " + text.strip() for text, ringed in options)


def paragraph_text(p) -> str:
    ringed = enclosed_choice(p) or ringed_options(p)
    if ringed is not None:
        return ringed
    collect = _Runs()
    _inline(p, collect)
    run_in = run_in_fields(collect)
    cut = _bold_label_end(collect) if run_in is None else None
    if run_in is not None:
        text = RUN_IN_GAP.join(run_in)
    elif cut is not None:
        text = "".join(collect.parts[:cut]).rstrip() + "\t" + "".join(collect.parts[cut:]).lstrip()
    else:
        text = "".join(collect.parts)
    text = text.replace("\u2002" * 5, "")  # unfilled legacy text field
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = "" if PLACEHOLDERS.match(text.strip()) else text
    if collect.boxes:  # a box anchored beside the label's words is that label's answer: after it, as after a tab
        text = "\t".join(([text.strip()] if text.strip() else []) + collect.boxes)
    return text


def _leading_tabs(p) -> int:
    """How many tabs the paragraph begins with, before its first letter (dropped from its text): the empty
    columns of a table set out with tab stops."""
    n = 0
    for r in p.iter(q("w:r")):
        for el in r:
            if el.tag == q("w:tab"):
                n += 1
            elif el.tag == q("w:t") and (el.text or "").strip():
                return n
    return 0


def _indent(p) -> int:
    """How many spaces the paragraph's text begins with (dropped from its text)."""
    typed = "".join(t.text or "" for t in p.iter(q("w:t")))
    return len(typed) - len(typed.lstrip(" "))


def _is_heading(p) -> bool:
    style = p.find(f"{q('w:pPr')}/{q('w:pStyle')}")
    if style is not None and re.match(r"(heading|title|subtitle)", style.get(q("w:val"), ""), re.I):
        return True
    runs = p.findall(q("w:r"))
    texts = [r for r in runs if (r.findtext(q("w:t")) or "").strip()]
    # (a run with bold turned off, w:b w:val="0", counts as bold here, as the trained reader learnt it)
    return bool(texts) and all(r.find(f"{q('w:rPr')}/{q('w:b')}") is not None for r in texts)


def _type_size(p) -> int | None:
    """The largest type size (half-points) set on a paragraph's runs with text; None when none is set."""
    sizes = [int(sz.get(q("w:val"), "0")) for r in p.iter(q("w:r")) if r.find(q("w:t")) is not None
             for sz in r.iter(q("w:sz")) if sz.get(q("w:val"), "").isdigit()]
    return max(sizes) if sizes else None


def _caption_under(line, p) -> bool:
    """A small caption printed under an answer line ('Kai' on a ruled line, 'Pupil forename' in smaller type under it,
    as a form printing each label under its answer does): the line has a rule under it and the caption is set smaller
    than the line's text."""
    pr = line.find(q("w:pPr")) if line is not None else None
    border = pr.find(q("w:pBdr")) if pr is not None else None
    bottom = border.find(q("w:bottom")) if border is not None else None
    if bottom is None or bottom.get(q("w:val")) in ("nil", "none"):
        return False
    above, below = _type_size(line), _type_size(p)
    return below is not None and (above is None or below < above) and bool(paragraph_text(p).strip())


def stacked_labels(paragraphs: list) -> list[str] | None:
    """A card's labels printed in small type over their answers, several to a cell ('Pupil surname' over 'Holroyd',
    'Pupil forename' over 'Leah', under the card's heading): each label and its answer as one line, a tab apart, as
    a labelled line reads; the answer's later paragraphs stay lines of their own. None where the cell is not such a
    card: fewer than two labels (one, under a bold heading), or labels not set smaller than every other paragraph,
    or most with no answer."""
    if len(paragraphs) < 3 or len({_type_size(p) for p in paragraphs}) < 2:
        return None   # (most cells: too few paragraphs, or all in one size, read no further)
    texts = [(p, paragraph_text(p).strip()) for p in paragraphs]
    texts = [(p, t) for p, t in texts if t]
    sizes = [_type_size(p) for p, _ in texts]
    if len(texts) < 3 or not any(sizes):
        return None
    small = min(z for z in sizes if z)
    labels = [i for i, z in enumerate(sizes) if z == small]
    answered = [i for i in labels if i + 1 < len(texts) and sizes[i + 1] != small]
    headed = labels[:1] == [1] and _is_heading(texts[0][0])   # a card of one label needs its heading above it
    if len(labels) < (1 if headed else 2) or len(answered) * 2 < len(labels) or labels[0] > 1 \
            or any(len(texts[i][1]) > 80 or "\t" in texts[i][1] for i in labels):
        return None
    lines: list[str] = [t for _, t in texts[:labels[0]]]
    for i, (_, t) in enumerate(texts[labels[0]:], labels[0]):
        if sizes[i] == small:
            lines.append(t.rstrip(":") + "\t")
        elif sizes[i - 1] == small:
            lines[-1] += t
        else:
            lines.append(t)
    return lines


def _cell_text(tc, out_blocks: list, answer_box: bool = True) -> str:
    """A cell's text, its paragraphs a line each. ``answer_box``: a cell after the first in its row, where a
    template's hint may sit at the top (a row's first cell is its label, never a hint)."""
    stacked = stacked_labels([c for c in tc if c.tag == q("w:p")]) if tc.find(q("w:tbl")) is None else None
    if stacked is not None:
        return "\n".join(stacked)
    lines = []
    last_p = None
    for child in tc:
        if child.tag == q("w:p") and (boxed := block_boxes(child)):
            out_blocks.extend(_BoxContent(box) for box in boxed)   # read as blocks of their own, after the table
            own = paragraph_text(_without_boxes(child))
            if own.strip():
                lines.append(own)
            continue
        if child.tag == q("w:p"):
            if answer_box and not lines and last_p is None and hint_paragraph(child):
                continue  # (a grey italic line under an answer is its caption, not a hint: read below)
            if lines and _caption_under(last_p, child):
                lines.insert(len(lines) - 1, paragraph_text(child))   # the caption is the line's label: read it first
                last_p = None
                continue
            lines.append(paragraph_text(child))
            last_p = child
            continue
        last_p = None
        if child.tag == q("w:tbl"):
            nested = _table(child, out_blocks)
            boxes = date_boxes(nested.rows)
            if boxes is not None:
                lines.append(boxes)  # 'DD | MM | YYYY' boxes inside the answer cell: the cell's date
            elif _marked_options(nested.rows):   # one choice's options, a cell each
                lines.append(("\t" if len(nested.rows) == 1 else "\n").join(c.strip() for r in nested.rows for c in r))
            elif (crossed := _crossed_options(getattr(nested, "crossed", None))) is not None:
                lines.append(crossed)
            else:
                out_blocks.append(nested)
        elif child.tag == q("w:sdt"):
            content = child.find(q("w:sdtContent"))
            pr = child.find(q("w:sdtPr"))
            if pr is not None and pr.find(q("w:showingPlcHdr")) is not None:
                continue
            if content is not None:
                lines.append(_cell_text(content, out_blocks, answer_box))
        elif child.tag == q("w:customXml"):   # a schema's element around the cell's paragraphs: they are its text
            lines.append(_cell_text(child, out_blocks, answer_box))
    return "\n".join(lines).strip("\n")


def _merged_across(pr) -> bool:
    """A cell that carries on the cell before it (``w:hMerge`` without ``w:val="restart"``)."""
    hmerge = pr.find(q("w:hMerge")) if pr is not None else None
    return hmerge is not None and hmerge.get(q("w:val"), "continue") == "continue"


def _table(tbl, out_blocks: list) -> Table:
    table = Table()
    nested: list = []
    prev_combed = False
    ringed_rows: list[bool] = []
    crossed: set[tuple[int, int]] = set()   # (row, cell) of empty cells crossed by their diagonal borders
    for tr in _rows(tbl):
        row, fills, widths, rings = [], [], [], []
        for tc in _cells(tr):
            pr = tc.find(q("w:tcPr"))
            vmerge = pr.find(q("w:vMerge")) if pr is not None else None
            if _merged_across(pr) and row:
                # a legacy horizontal merge (w:hMerge, as Word 97 forms converted keep them): the cells carried on
                # are one cell with the first, as a w:gridSpan is
                more = _cell_text(tc, nested, answer_box=True)
                if more.strip() and " ".join(more.split()) not in " ".join(row[-1].split()):
                    row[-1] = (row[-1] + "\n" + more).strip("\n")   # (the first's words again add nothing)
                continue
            rings.append(tc.get(_RING) is not None)
            fills.append(_fill(pr))
            widths.append(_width(pr))
            if vmerge is not None and vmerge.get(q("w:val"), "continue") == "continue":
                row.append("")  # continuation of a vertically merged cell: no repeated value
                continue
            text = _cell_text(tc, nested, answer_box=bool(row))
            if not text.strip() and _crossed(pr):
                crossed.add((len(table.rows), len(row)))
            row.append(text)
        if sum(rings) == 1:   # the option ringed with Word's oval tool ('please circle'), marked as a shaded one is
            row = _ticked_box(row, rings) or shaded_choice(row, ["ring" if ringed else None for ringed in rings])
        ringed_rows.append(len(row) == 1 and rings[0])
        cells = comb_cells(shaded_choice(row, fills), widths)
        combed = len(cells) != len(row)
        cells = captioned_dates(cells)
        if combed and prev_combed and _continues_letterboxes(table.rows[-1], cells):
            table.rows[-1][1] = (table.rows[-1][1] + "\n" + cells[1]).strip("\n")
            continue
        prev_combed = combed
        table.rows.append(cells)
    if crossed:   # read as marks only where the table is one choice's options (``_crossed_options``)
        table.crossed = [[CHECKED if (r, c) in crossed else cell for c, cell in enumerate(row)]
                         for r, row in enumerate(table.rows)]
    table.rows = action_links(section_column(address_rows(ringed_row(table.rows, ringed_rows))))
    out_blocks.extend(nested)
    return table


def _crossed(pr) -> bool:
    """An empty cell crossed out by its own diagonal borders (Word's Diagonal Down and Diagonal Up borders, both): a
    box ticked with a cross, as a form that says 'put a cross in the box' may mark it."""
    borders = pr.find(q("w:tcBorders")) if pr is not None else None
    if borders is None:
        return False
    drawn = [b for b in (borders.find(q("w:tl2br")), borders.find(q("w:tr2bl")))
             if b is not None and (b.get(q("w:val")) or "nil") not in ("nil", "none")]
    return len(drawn) == 2


def _crossed_options(rows: list[list[str]] | None) -> str | None:
    """One choice laid out in a borderless table inside its answer cell, each option's words in a cell and its box an
    empty cell beside it, the chosen box crossed (``_crossed``: read as '☒'): 'Yes | ☒ | No | | Not sure | ' on one
    row, or a row per option, box first ('☒ | Death of a child'). -> the options as ticked boxes ('☒ Yes\t☐ No\t☐
    Not sure'), exactly one crossed; None for any other table (an X typed in a cell is read as it was before, and a
    crossed cell anywhere else - an answer cell struck through as not applicable - stays empty). ``rows``: the
    table's rows with its crossed cells as '☒' (``_table``), None where none is crossed."""
    if not rows:
        return None
    if len(rows) == 1 and len(rows[0]) >= 4 and len(rows[0]) % 2 == 0:
        pairs = [(rows[0][k].strip(), rows[0][k + 1].strip()) for k in range(0, len(rows[0]), 2)]
        sep = "\t"
    elif len(rows) >= 2 and all(len(r) == 2 for r in rows):
        pairs = [(r[1].strip(), r[0].strip()) for r in rows]
        sep = "\n"
    else:
        return None
    marks = [mark for _, mark in pairs]
    if any(not words for words, _ in pairs) or any(m not in ("", CHECKED) for m in marks) or marks.count(CHECKED) != 1:
        return None
    return sep.join((CHECKED if mark else UNCHECKED) + " " + words for words, mark in pairs)


def _ticked_box(cells: list[str], marked: list[bool]) -> list[str] | None:
    """Options each printed behind an empty box ('☐ Child death | ☐ Serious harm | ☐ Other', every box alike), two or
    more, the one marked (ringed, or ticked with a pen over its box) ticked: '☒ Serious harm'; None where the marked
    cell is no such option."""
    boxed = [c.strip().startswith(UNCHECKED) and bool(c.strip()[1:].strip()) for c in cells]
    if sum(boxed) < 2 or not any(b and m for b, m in zip(boxed, marked)):
        return None
    return [CHECKED + " " + c.strip()[1:].strip() if b and m else c for c, b, m in zip(cells, boxed, marked)]


def _unboxed(cells: list[str]) -> list[str]:
    """Options each printed behind an empty box ('☐ Yes | ☐ No', every box alike, the choice marked over one of
    them), two or more: the options' words, for the mark to say which is chosen; other cells (the question's) as
    they are."""
    boxed = [c.strip().startswith(UNCHECKED) and bool(c.strip()[1:].strip()) for c in cells]
    if sum(boxed) < 2:
        return cells
    return [c.strip()[1:].strip() if box else c for c, box in zip(cells, boxed)]


def ringed_row(rows: list[list[str]], ringed: list[bool]) -> list[list[str]]:
    """A choice's options a row each ('A child has died', 'A child has been seriously harmed' …), one of them ringed
    with Word's oval tool (or ticked over its empty box with a pen): that one ticked, the others given an empty box."""
    if len(rows) != len(ringed) or sum(ringed) != 1 or not 2 <= len(rows) <= 12 \
            or any(len(r) != 1 or not r[0].strip() or len(r[0].split()) > 10 for r in rows):
        return rows
    options = _unboxed([r[0] for r in rows])
    return [[(CHECKED if ring else UNCHECKED) + " " + option.strip()] for option, ring in zip(options, ringed)]


def _marked_options(rows: list[list[str]]) -> bool:
    """A table of one row, each cell one option behind its box, one of them ticked ('☐ Yes | ☒ No | ☐ Not sure'): a
    choice laid out in a borderless table inside its answer cell."""
    if len(rows) == 1:
        cells = [c.strip() for c in rows[0]]
    elif all(len(r) == 1 for r in rows):
        cells = [r[0].strip() for r in rows]   # (or a column of them, a row each)
    else:
        return False
    return len(cells) >= 2 and all(c[:1] in (CHECKED, UNCHECKED) and c[1:].strip() for c in cells) \
        and sum(c.startswith(CHECKED) for c in cells) == 1


_RING = "ringed"   # set on a cell holding an oval drawn over its option (``mark_rings``)


def mark_rings(root) -> None:
    """Marks each cell holding an oval drawn with no fill and no text (Word's Oval tool ringing the option it is
    drawn over) or a pen's ink stroke (a tick drawn on the option), found once for the whole document."""
    for geom in root.iter(f"{{{A}}}prstGeom"):
        shape = next(geom.iterancestors(f"{{{WPS}}}wsp"), None)
        if geom.get("prst") == "ellipse" and geom.getparent().find(f"{{{A}}}noFill") is not None \
                and (shape is None or not "".join(shape.itertext()).strip()):
            _ring_cell(geom)
    for oval in root.iter(f"{{{VML}}}oval"):
        if (oval.get("filled") or "").lower() in ("f", "false") and not "".join(oval.itertext()).strip():
            _ring_cell(oval)
    for ink in root.iter(f"{{{W14}}}contentPart"):   # a stroke drawn with a pen (Word's Draw tab) over an option
        _ring_cell(ink)


def _ring_cell(el) -> None:
    cell = next(el.iterancestors(q("w:tc")), None)
    if cell is not None:
        cell.set(_RING, "1")


def _continues_letterboxes(above: list[str], row: list[str]) -> bool:
    """A row of letter boxes under a labelled one, its own label cell empty: more lines of the answer above it
    ('Home address' over four rows of boxes). Both rows must be letter boxes (the caller checks)."""
    return len(row) == 2 and not row[0].strip() and len(above) == 2 and bool(above[0].strip())


def _width(pr) -> int | None:
    """A cell's width in twentieths of a point, where the file says so."""
    w = pr.find(q("w:tcW")) if pr is not None else None
    if w is None or w.get(q("w:type"), "dxa") != "dxa":
        return None
    try:
        return int(w.get(q("w:w")))
    except (TypeError, ValueError):
        return None


def _lead_merge(tr) -> str | None:
    """How a row's first cell is merged down: 'restart' (it opens a vertically merged cell), 'continue' (it is
    covered by the one above) or None."""
    tc = next(_cells(tr), None)
    pr = tc.find(q("w:tcPr")) if tc is not None else None
    vmerge = pr.find(q("w:vMerge")) if pr is not None else None
    if vmerge is None:
        return None
    return "restart" if vmerge.get(q("w:val")) == "restart" else "continue"


def row_groups(table: Table, leads: list[str | None]) -> list:
    """A table whose first column is a few cells merged down over groups of rows ('1. About you' beside the rows
    that ask about you) is a run of sections: each merged cell becomes a heading over a table of its rows' other
    cells. Any other table is kept as it is."""
    rows = table.rows
    starts = [i for i, lead in enumerate(leads) if lead == "restart"]
    if (
        len(rows) != len(leads)
        or len(rows) < 3
        or not starts
        or starts[0] != 0
        or any(lead is None for lead in leads)
        or min(len(r) for r in rows) < 3
        or len(rows) < 2 * len(starts)
    ):
        return [table]
    titles = [rows[i][0].strip() for i in starts]
    if any(not t or "\n" in t or len(t) > 90 for t in titles):
        return [table]
    out: list = []
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(rows)
        out.append(Para(titles[k], heading=True))
        out.append(Table([r[1:] for r in rows[i:end]], table.page))
    return out


def _rows(tbl):
    for child in tbl:
        if child.tag == q("w:tr"):
            yield child
        elif child.tag in (q("w:sdt"), q("w:customXml")):
            content = child.find(q("w:sdtContent")) if child.tag == q("w:sdt") else child
            if content is not None:
                yield from _rows(content)


def _cells(tr):
    for child in tr:
        if child.tag == q("w:tc"):
            yield child
        elif child.tag in (q("w:sdt"), q("w:customXml")):
            content = child.find(q("w:sdtContent")) if child.tag == q("w:sdt") else child
            if content is not None:
                yield from _cells(content)


def _continues_answer(p, blocks: list) -> bool:
    """'Home address:<tab>Flat 8' then '<tab>64 Quarry Hill': a paragraph that starts with a tab and holds no
    other goes on with the answer of the 'Label<tab>answer' paragraph just before it (its next line)."""
    runs = (r for r in p.iter(q("w:r")))
    first = next((el for r in runs for el in r if el.tag in (q("w:t"), q("w:tab"))), None)  # (not pPr's tab stops)
    if first is None or first.tag != q("w:tab") or not blocks or not isinstance(blocks[-1], Para):
        return False
    prev = blocks[-1].text
    return "\t" in prev and bool(prev.split("\t", 1)[1].strip()) and paragraph_text(p).count("\t") == 0


@dataclass
class _Framed:
    """A paragraph in a frame set at a place on its page (``w:framePr``): Word shows it there, whatever its order in
    the file."""
    text: str
    page: int
    x: int
    y: int
    key: tuple


def _frame(p) -> tuple | None:
    """(x, y, the frame's whole setting) of a paragraph framed at a fixed place on the page, else None. A frame
    anchored to the text moves with it and is read in order like any paragraph."""
    pr = p.find(q("w:pPr"))
    fp = pr.find(q("w:framePr")) if pr is not None else None
    if fp is None or fp.get(q("w:vAnchor")) == "text":
        return None
    try:
        x, y = int(fp.get(q("w:x"), "0")), int(fp.get(q("w:y")))
    except (TypeError, ValueError):
        return None
    return x, y, tuple(sorted(fp.attrib.items()))


def _breaks_page(p) -> tuple[bool, bool]:
    """(before, after): whether a paragraph starts a new page, or ends its page (a page break in it, or the end of a
    section that starts the next on a new page)."""
    pr = p.find(q("w:pPr"))
    before = pr is not None and pr.find(q("w:pageBreakBefore")) is not None
    after = any(br.get(q("w:type")) == "page" for br in p.iter(q("w:br")))
    sect = pr.find(q("w:sectPr")) if pr is not None else None
    if sect is not None:
        kind = sect.find(q("w:type"))
        after = after or kind is None or kind.get(q("w:val")) in ("nextPage", "evenPage", "oddPage")
    return before, after


_SAME_LINE = 120    # twips: frames whose tops are this close stand on one line
_SAME_COLUMN = 300  # twips: frames whose left edges are this close stand in one column


def place_frames(blocks: list) -> list:
    """Frames set at fixed places on a page, read as the page shows them: the frames of a page become a table at the
    first one's place, a row per line (top to bottom), a column per left edge, so a label framed on the left and its
    answer framed on the right share a row however the file orders them. Paragraphs of one frame are one cell."""
    frames: dict[int, list[_Framed]] = {}
    for b in blocks:
        if isinstance(b, _Framed):
            page = frames.setdefault(b.page, [])
            if page and page[-1].key == b.key:
                page[-1].text += "\n" + b.text
            else:
                page.append(_Framed(b.text, b.page, b.x, b.y, b.key))
    out: list = []
    for b in blocks:
        if not isinstance(b, _Framed):
            out.append(b)
        elif b.page in frames:
            out.extend(_frame_table(frames.pop(b.page)))
    return out


def _frame_table(frames: list[_Framed]) -> list:
    filled = [f for f in frames if f.text.strip()]
    for f in filled:
        f.text = f.text.strip("\n")
    lefts: list[int] = []
    for x in sorted(f.x for f in filled):
        if not lefts or x - lefts[-1] > _SAME_COLUMN:
            lefts.append(x)
    if len(lefts) < 2:
        return [Para(f.text) for f in sorted(filled, key=lambda f: f.y)]
    rows: list[list[_Framed]] = []
    for f in sorted(filled, key=lambda f: (f.y, f.x)):
        if rows and f.y - rows[-1][0].y <= _SAME_LINE:
            rows[-1].append(f)
        else:
            rows.append([f])
    table = Table()
    for row in rows:
        cells = [""] * len(lefts)
        for f in row:
            col = max(i for i, x in enumerate(lefts) if x <= f.x)
            cells[col] = (cells[col] + "\n" + f.text).strip("\n")
        table.rows.append(cells)
    return [table]


WPC = "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"
WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main"
CANVAS_BOXES = 3   # text boxes a drawing canvas or group holds, at least, to be read as the page shows them


@dataclass
class _Placed:
    text: str
    x: float
    y: float
    w: float
    h: float


def _vml_number(style: str, name: str) -> float | None:
    m = re.search(rf"(?:^|;)\s*{name}\s*:\s*(-?[\d.]+)", style)
    return float(m.group(1)) if m else None


def _placed_boxes(drawing) -> list[_Placed]:
    """The text boxes of a drawing canvas or group: each one's text and where it is drawn (DrawingML offsets and
    extents, or a VML group's left / top / width / height)."""
    out = []
    for shape in drawing.iter(f"{{{WPS}}}wsp"):
        off, ext = shape.find(f".//{{{DRAWINGML}}}off"), shape.find(f".//{{{DRAWINGML}}}ext")
        box = shape.find(f".//{TXBX}")
        if off is None or ext is None or box is None:
            continue
        text = "\n".join(t for t in (paragraph_text(p) for p in box.findall(q("w:p"))) if t.strip())
        try:
            out.append(_Placed(text, float(off.get("x")), float(off.get("y")), float(ext.get("cx")), float(ext.get("cy"))))
        except (TypeError, ValueError):
            continue
    if out:
        return out
    for shape in drawing.iter(f"{{{VML}}}shape", f"{{{VML}}}rect"):
        box = shape.find(f".//{TXBX}")
        style = shape.get("style") or ""
        where = [_vml_number(style, k) for k in ("left", "top", "width", "height")]
        if box is None or None in where:
            continue
        text = "\n".join(t for t in (paragraph_text(p) for p in box.findall(q("w:p"))) if t.strip())
        out.append(_Placed(text, *where))
    return out


def canvas_blocks(p) -> list | None:
    """A drawing canvas or group of shapes holding text boxes each at its own place (a Word 2003 'boxes' form: a
    label box beside a bordered answer box, a title bar across), read as the page shows them, not in the order the
    boxes were drawn: a box across the drawing alone on its level is a heading; boxes level with one another (their
    middles within each other's height) are a row, a column per left edge. None for a paragraph with no such drawing.
    Where Word stored the drawing twice, the DrawingML one is read and its VML fallback not."""
    drawings = []
    for alt in p.iter("{%s}AlternateContent" % MC):
        choice = alt.find("{%s}Choice" % MC)
        chosen = choice if choice is not None and (choice.find(f".//{{{WPC}}}wpc") is not None
                                                   or choice.find(f".//{{{WPG}}}wgp") is not None) \
            else alt.find("{%s}Fallback" % MC)
        if chosen is not None:
            drawings.extend(chosen.iter(f"{{{WPC}}}wpc", f"{{{WPG}}}wgp", f"{{{VML}}}group"))
    if not drawings:
        drawings = list(p.iter(f"{{{WPC}}}wpc", f"{{{WPG}}}wgp", f"{{{VML}}}group"))
    drawings = [d for d in drawings if not any(a in drawings for a in d.iterancestors())]   # outermost only
    out: list = []
    for drawing in drawings:
        boxes = [b for b in _placed_boxes(drawing) if b.text.strip()]
        if len(boxes) < CANVAS_BOXES:
            return None
        left, right = min(b.x for b in boxes), max(b.x + b.w for b in boxes)
        rows: list[list[_Placed]] = []
        for b in sorted(boxes, key=lambda b: (b.y, b.x)):
            middle = b.y + b.h / 2
            row = next((r for r in rows if any(o.y <= middle <= o.y + o.h or b.y <= o.y + o.h / 2 <= b.y + b.h
                                               for o in r)), None)
            if row is None:
                rows.append([b])
            else:
                row.append(b)
        lefts: list[float] = []
        for x in sorted(b.x for b in boxes):
            if not lefts or x - lefts[-1] > 190500:   # (a fifth of an inch, in EMU: one column's edge)
                lefts.append(x)
        table = Table()
        for row in rows:
            if len(row) == 1 and row[0].w >= 0.6 * (right - left):
                if table.rows:
                    out.append(table)
                    table = Table()
                out.append(Para(row[0].text.replace("\n", " "), True))
                continue
            cells = [""] * len(lefts)
            for b in sorted(row, key=lambda b: b.x):
                col = max(i for i, x in enumerate(lefts) if x <= b.x + 1)
                cells[col] = (cells[col] + "\n" + b.text).strip("\n")
            table.rows.append(cells)
        if table.rows:
            out.append(table)
    return out or None


def body_blocks(root, chunks: dict | None = None) -> list:
    """The body's paragraphs and tables in order; ``chunks``: the blocks of each embedded part (``w:altChunk``) by
    its relationship id, read where the document places it."""
    body = root.find(q("w:body"))
    blocks: list = []
    chunks = chunks or {}
    page = 0   # the page a paragraph is on, counted by its page and section breaks (for frames set on a page)

    def walk(container):
        nonlocal page
        for child in container:
            if child.tag == q("w:p"):
                drawn = canvas_blocks(child)
                if drawn:   # text boxes drawn at their places in a canvas: the page's order, not the file's
                    blocks.extend(drawn)
                    continue
                boxed = block_boxes(child)
                if boxed:   # a section drawn as a table in a text box: the box's paragraphs and tables, in place
                    own = paragraph_text(_without_boxes(child))
                    if own.strip():
                        blocks.append(Para(own, _is_heading(child), indent=_indent(child)))
                    for box in boxed:
                        walk(box)
                    continue
                text = paragraph_text(child)
                before, after = _breaks_page(child)
                page += before
                framed = _frame(child)
                if framed is not None:
                    blocks.append(_Framed(text, page, *framed))
                elif text.strip() and _continues_answer(child, blocks):
                    blocks[-1].text += "\n" + text.strip()
                elif text.strip():
                    blocks.append(Para(text, _is_heading(child), indent=_indent(child), tabs=_leading_tabs(child),
                                       styled=_title_style(child)))
                elif banner := banner_text(child):
                    blocks.append(Para(banner, True))
                for ole in child.iter(OLE_OBJECT):   # an embedded worksheet shows its cells here (only a picture
                    blocks.extend(chunks.get(ole.get(R_ID), []))   # of them is in the body)
                page += after
            elif child.tag == q("w:tbl"):
                nested: list = []
                table = _table(child, nested)
                for b in row_groups(repeated_captions(table), [_lead_merge(tr) for tr in _rows(child)]):
                    blocks.extend(cards(marks_beside_options(marked_column(b))) if isinstance(b, Table) else [b])
                for b in nested:
                    if isinstance(b, _BoxContent):
                        walk(b.el)   # a boxed section placed in a layout table's cell
                    else:
                        blocks.append(b)
            elif child.tag == q("w:sdt"):
                pr = child.find(q("w:sdtPr"))
                if pr is not None and pr.find(q("w:showingPlcHdr")) is not None:
                    continue
                content = child.find(q("w:sdtContent"))
                if content is not None:
                    walk(content)
            elif child.tag == q("w:customXml"):
                walk(child)
            elif child.tag == q("w:altChunk"):
                blocks.extend(chunks.get(child.get(R_ID), []))

    if body is not None:
        walk(body)
    return title_styles_used(plain_readings(tab_tables(text_report(captions_above(signature_rows(reply_tags(
        place_frames(blocks))))))))


def read_docx(data: bytes, depth: int = 0) -> tuple[list, dict]:
    """Blocks of the main document; info has 'macros' when a VBA project is present. ``depth``: how many documents
    this one is embedded in (``alt_chunks``)."""
    z = open_zip(data)
    names = set(z.namelist())
    info = {"macros": any(n.lower().endswith("vbaproject.bin") for n in names)}
    main = main_part(z, names)
    if main is None:
        raise UnsafeFile("corrupt", "no main document part (word/document.xml) in the package")
    root = word_xml(z, main)
    rels = list(document_rels(z, names, main))
    emoji_marks(root)
    bound_controls(root, custom_parts(z, names))
    titled_controls(root)
    styles = styles_part(z, rels)
    drop_hidden(root, styles)
    coloured_choices(root)
    styled_choices(root, styles)
    if "word/numbering.xml" in names:
        checklists(root, box_bullets(word_xml(z, "word/numbering.xml")))
    nested_answers(root)
    activex_boxes(root, activex_states(z, rels))
    signature_lines(root)
    header_labels(root, z, rels)
    mark_rings(root)
    return body_blocks(root, alt_chunks(z, rels, depth)), info


# ISO/IEC 29500 Strict ('Strict Open XML Document' in Word's Save As) names the same vocabularies under other
# namespaces; read as the transitional ones (the main part's elements are the same)
_STRICT_NS = re.compile(rb"http://purl\.oclc\.org/ooxml/(officeDocument|wordprocessingml|drawingml)/(\w+)")


def _transitional(m: re.Match) -> bytes:
    kind, name = m.group(1), m.group(2)
    return b"http://schemas.openxmlformats.org/" + kind + b"/2006/" + {b"extendedProperties": b"extended-properties"}.get(name, name)


def word_xml(z, name: str):
    """A part of the Word package, parsed; a Strict document's namespaces read as the transitional ones."""
    return word_part(read_member(z, name))


def word_part(data: bytes):
    """``word_xml`` of a part's bytes already read."""
    if b"purl.oclc.org/ooxml/" in data:
        data = _STRICT_NS.sub(_transitional, data)
    return parse_xml(data)


def main_part(z, names: set) -> str | None:
    """The main document part: the package relationship of type officeDocument names it (Word for the web may keep
    it as 'word/document2.xml'); failing that, 'word/document.xml'."""
    if "_rels/.rels" in names:
        try:
            rels = word_xml(z, "_rels/.rels")
        except UnsafeFile:
            rels = None
        for rel in rels.iter(_REL) if rels is not None else ():
            target = (rel.get("Target") or "").lstrip("/")
            if (rel.get("Type") or "").endswith("/officeDocument") and target in names:
                return target
    return "word/document.xml" if "word/document.xml" in names else None


ACTIVEX = "http://schemas.microsoft.com/office/2006/activeX"
# the Forms 2.0 controls that are a choice: check box, option button, toggle button
_ACTIVEX_CHOICES = {"{8BD21D40-EC42-11CE-9E0D-00AA006002F3}", "{8BD21D50-EC42-11CE-9E0D-00AA006002F3}",
                    "{8BD21D60-EC42-11CE-9E0D-00AA006002F3}"}


def activex_states(z, rels: list) -> dict[str, tuple[bool, str]]:
    """The ActiveX check boxes and option buttons of the document (Word's legacy 'Controls' tools, saved as a
    property bag), by relationship id: whether each is ticked (its Value) and its caption. A control saved in binary
    (persistStorage) or of another kind is left out."""
    out = {}
    for rel, target in rels:
        if not (rel.get("Type") or "").endswith("/control"):
            continue
        try:
            ocx = word_xml(z, target)
        except UnsafeFile:
            continue
        if (ocx.get(f"{{{ACTIVEX}}}classid") or "").upper() not in _ACTIVEX_CHOICES:
            continue
        props = {p.get(f"{{{ACTIVEX}}}name"): p.get(f"{{{ACTIVEX}}}value") or "" for p in ocx.iter(f"{{{ACTIVEX}}}ocxPr")}
        out[rel.get("Id")] = (props.get("Value", "").strip().lower() in ("1", "true", "-1"), props.get("Caption", ""))
    return out


def activex_boxes(root, states: dict[str, tuple[bool, str]]) -> None:
    """Each ActiveX choice in the body (an object showing the control's picture, its state only in its own part)
    becomes a box, ticked as the control is, before its caption: '☒ Yes', as a printed tick box reads."""
    if not states:
        return
    for run in root.iter(q("w:r")):
        for i, obj in enumerate(list(run)):
            control = obj.find(q("w:control")) if obj.tag == q("w:object") else None
            state = states.get(control.get(R_ID)) if control is not None else None
            if state is None:
                continue
            t = etree.Element(q("w:t"))
            t.text = f"{CHECKED if state[0] else UNCHECKED} {state[1].strip()} ".replace("  ", " ")
            run.remove(obj)
            run.insert(i, t)


def header_labels(root, z, rels: list) -> None:
    """A section whose own page header holds a child's identification in a table (a hospital form's patient label,
    'Identification details (label)': surname, forename, date of birth, sex, printed at the top of each page of that
    child's section): the header's contents are read at the start of that section, under its heading. Only a header
    whose table asks two or more of a child's identifying details (a letterhead's address and e-mail, a form's
    reference, are furniture), and only where it differs from the section's before (a section without a header of
    its own shows the one before it)."""
    body = root.find(q("w:body"))
    if body is None:
        return
    children = list(body)
    ends = [(i, el if el.tag == q("w:sectPr") else el.find(f"{q('w:pPr')}/{q('w:sectPr')}")) for i, el in enumerate(children)
            if el.tag == q("w:sectPr") or (el.tag == q("w:p") and el.find(f"{q('w:pPr')}/{q('w:sectPr')}") is not None)]
    targets = {rel.get("Id"): target for rel, target in rels if (rel.get("Type") or "").endswith("/header")}
    if not targets:
        return
    start, before, current = 0, None, None
    inserts, spans = [], []
    for i, sect in ends:
        ref = next((h for h in sect.findall(q("w:headerReference")) if h.get(q("w:type"), "default") == "default"), None)
        current = targets.get(ref.get(R_ID)) if ref is not None else current   # (no reference: the one before)
        if current and current != before:
            content = _identifying_header(z, current)
            if content:
                inserts.append((start + _heading_first(children[start:i + 1]), content))
            spans.append((start, current))
        before, start = current, i + 1
    inserts += _header_titles(z, spans)
    inserts.sort(key=lambda x: x[0])
    for at, content in reversed(inserts):
        for n, el in enumerate(content):
            body.insert(at + n, el)


def _header_titles(z, spans: list[tuple[int, str]]) -> list[tuple[int, list]]:
    """Parts of a form each a Word section of its own whose title is printed only in that section's page header
    ('SAFEGUARDING OFFICER', 'YOUNG PERSON - CHILD 2 OF 3', between the partnership's name and the form's title, which
    every header repeats): [(where the section starts, [its title as a heading paragraph])]. A header's one short line
    that no other header has is its part's title (a line two headers share is furniture, and an empty header has
    none); only where three sections or more have headers of their own."""
    if len(spans) < 3:
        return []
    lines = {part: _header_lines(z, part) for _, part in spans}
    seen = Counter(t for v in lines.values() for t in set(v))
    out = []
    for start, part in spans:
        titles = [t for t in lines[part] if seen[t] == 1 and len(t.split()) <= 10]
        if len(titles) == 1:
            heading = etree.Element(q("w:p"))
            style = etree.SubElement(etree.SubElement(heading, q("w:pPr")), q("w:pStyle"))
            style.set(q("w:val"), "Heading2")
            etree.SubElement(etree.SubElement(heading, q("w:r")), q("w:t")).text = titles[0]
            out.append((start, [heading]))
    return out


def _header_lines(z, part: str) -> list[str]:
    """The words of a header part's own paragraphs (not its tables'), a line each."""
    try:
        hdr = word_part(read_member(z, part))
    except (UnsafeFile, KeyError):
        return []
    paras = [el for el in hdr if el.tag == q("w:p")]
    return [t for t in ("".join(x.text or "" for x in el.iter(q("w:t"))).strip() for el in paras) if t]


_IDENTIFYING = {"child.name", "child.forename", "child.surname", "child.dob", "child.gender", "child.age"}


def _heading_first(section: list) -> int:
    """1 where the section opens with a heading (a heading style, or words all in bold): the header's answers are
    read under it, as part of that section; else 0."""
    first = next((el for el in section if el.tag != q("w:p") or "".join(t.text or "" for t in el.iter(q("w:t"))).strip()),
                 None)
    if first is None or first.tag != q("w:p"):
        return 0
    style = first.find(f"{q('w:pPr')}/{q('w:pStyle')}")
    runs = [r for r in first.iter(q("w:r")) if "".join(t.text or "" for t in r.iter(q("w:t"))).strip()]
    bold = bool(runs) and all(_on(r.find(q("w:rPr")), "w:b") for r in runs)
    if (style is not None and re.match(r"(?i)heading|title", style.get(q("w:val")) or "")) or bold:
        return section.index(first) + 1
    return 0


def _identifying_header(z, part: str) -> list:
    """A header part's paragraphs and tables, where a table in it asks two or more of a child's identifying details
    (name, date of birth, sex, age) beside answers; else nothing."""
    try:
        data = read_member(z, part)
        if b"tbl" not in data:
            return []   # (most headers: no table at all, not parsed)
        hdr = word_part(data)
    except (UnsafeFile, KeyError):
        return []
    asked = 0
    for tr in hdr.iter(q("w:tr")):
        cells = ["".join(t.text or "" for t in tc.iter(q("w:t"))).strip() for tc in tr.iter(q("w:tc"))]
        for label, answer in zip(cells[::2], cells[1::2]):
            best = field_strengths(label, None)[:1] if label and answer else ()
            asked += bool(best) and best[0][0] in _IDENTIFYING and best[0][1] >= 0.3
    return [copy.deepcopy(el) for el in hdr if el.tag in (q("w:p"), q("w:tbl"))] if asked >= 2 else []


_SIGNATURE_LINE = "{urn:schemas-microsoft-com:office:office}signatureline"
_O = "{urn:schemas-microsoft-com:office:office}"


def signature_lines(root) -> None:
    """An Office signature line (Insert > Signature Line) shows its suggested signer and their title under the line:
    each becomes a labelled paragraph in its place ('Name:<tab>Graham Mistry', 'Job title:<tab>…'), read in the
    section the signature sits in ('Referrer's signature'). The signer's e-mail is not shown, so not read."""
    for line in list(root.iter(_SIGNATURE_LINE)):
        signer = (line.get(f"{_O}suggestedsigner") or "").strip()
        title = (line.get(f"{_O}suggestedsigner2") or "").strip()
        para = next((a for a in line.iterancestors(q("w:p"))), None)
        if not signer or para is None or para.getparent() is None:
            continue
        at = para.getparent().index(para)
        for k, (label, value) in enumerate((("Name", signer), ("Job title", title))):
            if value:
                new = etree.Element(q("w:p"))
                etree.SubElement(etree.SubElement(new, q("w:r")), q("w:t")).text = f"{label}:\t{value}"
                para.getparent().insert(at + 1 + k, new)


CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


def custom_parts(z, names: set[str]) -> dict[str, object]:
    """The package's custom XML parts by their store item id (from each part's itemProps): the data a content
    control may be bound to. A part that is not well formed is left out."""
    out = {}
    for name in sorted(names):
        m = re.fullmatch(r"customXml/item(\d+)\.xml", name)
        if not m:
            continue
        try:
            part = parse_xml(read_member(z, name))
            props = f"customXml/itemProps{m.group(1)}.xml"
            ident = parse_xml(read_member(z, props)).get(f"{{{CUSTOM_XML}}}itemID") if props in names else None
        except UnsafeFile:
            continue
        if ident:
            out[ident.strip().upper()] = part
    return out


# '/ns0:properties[1]/documentManagement[1]/ns3:Officer_x0020_name[1]': element steps, each with an optional index
BOUND_PATH = re.compile(r"(?:/(?:[A-Za-z_][\w.\-]*:)?[A-Za-z_][\w.\-]*(?:\[[0-9]{1,6}\])?){1,20}")


def _bound_value(binding, parts: dict) -> str | None:
    """The text of the node a control's w:dataBinding points at ('' for an empty or nil node); None where the
    part or the node cannot be found (the control then shows what the body holds)."""
    part = parts.get((binding.get(q("w:storeItemID")) or "").strip().upper())
    if part is None:
        return None
    spaces = dict(re.findall(r"xmlns:(\w+)=['\"]([^'\"]+)['\"]", binding.get(q("w:prefixMappings")) or ""))
    path = (binding.get(q("w:xpath")) or "").strip()
    if not BOUND_PATH.fullmatch(path):
        return None   # only a plain path of elements, as Word writes one: no functions from the file are evaluated
    try:
        found = part.xpath(path, namespaces=spaces)
    except (etree.XPathError, TypeError, ValueError):
        return None
    if not isinstance(found, list) or not found:
        return None
    node = found[0]
    if isinstance(node, str):
        return node.strip()
    if not isinstance(node.tag, str):
        return None
    return "" if node.get(XSI_NIL) == "true" else "".join(node.itertext()).strip()


def _show(content, text: str) -> None:
    """Write ``text`` as the control's content: its first text run holds it (lines apart as line breaks), the rest of
    its text is emptied; a placeholder's style goes with the placeholder."""
    ts = list(content.iter(q("w:t")))
    if not ts:
        p = content.find(q("w:p"))
        host = p if p is not None else content
        r = etree.SubElement(host, q("w:r"))
        ts = [etree.SubElement(r, q("w:t"))]
    for t in ts[1:]:
        t.text = ""
    first = ts[0]
    lines = text.split("\n")
    first.text = lines[0]
    run = first.getparent()
    rpr = run.find(q("w:rPr"))
    if rpr is not None:
        for tag in ("w:rStyle", "w:color"):
            for el in rpr.findall(q(tag)):
                rpr.remove(el)
    at = run.index(first)
    for line in lines[1:]:
        at += 1
        run.insert(at, etree.Element(q("w:br")))
        at += 1
        t = etree.Element(q("w:t"))
        t.text = line
        run.insert(at, t)


def bound_controls(root, parts: dict) -> None:
    """Content controls bound to a custom XML part (a SharePoint library's columns, a template's document
    properties): Word shows the bound node's value when it opens the file, whatever the body last showed - a body
    saved before the values were edited in the library still shows each control's '[Column name]' placeholder. So
    the bound value is the control's answer; an empty or nil node leaves the control unanswered. A drop-down shows
    the display text of the item whose value is bound; a date control the date."""
    if not parts:
        return
    for sdt in list(root.iter(q("w:sdt"))):
        pr = sdt.find(q("w:sdtPr"))
        content = sdt.find(q("w:sdtContent"))
        binding = pr.find(q("w:dataBinding")) if pr is not None else None
        if binding is None or content is None:
            continue
        value = _bound_value(binding, parts)
        if value is None:
            continue
        placeholder = pr.find(q("w:showingPlcHdr"))
        if not value:
            if placeholder is None:
                etree.SubElement(pr, q("w:showingPlcHdr"))
            continue
        if placeholder is not None:
            pr.remove(placeholder)
        for item in pr.iter(q("w:listItem")):
            if item.get(q("w:value")) == value and item.get(q("w:displayText")):
                value = item.get(q("w:displayText"))
                break
        date = pr.find(q("w:date"))
        if date is not None and re.match(r"\d{4}-\d\d-\d\d", value):
            value = value[:10]
            date.set(q("w:fullDate"), value + "T00:00:00Z")
        _show(content, value)


def titled_controls(root) -> None:
    """Content controls whose form prints no label: the author named each control instead (its title, ``w:alias``,
    which Word shows on the control's tab as it is filled in). A form of them is a run of paragraphs that hold
    nothing but such controls (the form's other lines of fields may stand among them), at least two lines and two
    titles, that starts at the top of the document or after a section's heading (a heading style of the first two
    levels, or a numbered section in capitals): there each title is printed before its control as its label
    ('Officer name: Vicky Quigley', controls on one line a tab apart). A control-only line under a printed label is that label's answer and is left as it is. Never in a table
    or a text box (a label sits beside or around them), never for a title a person would not read as a label (a
    developer's name, 'Text1', 'ReferrerName'; Word's default 'Plain Text Content Control'), a tick box, a group, or
    a control that wraps printed text or other controls; a title the line before already printed is not printed
    again (one answer typed a line per control, the control copied down)."""
    runs: list[tuple] = []   # (what comes before the run, [(line, its controls with their titles)])
    run_of: dict = {}
    for p in root.iter(q("w:p")):
        controls = _control_line(p)
        if controls is None:
            continue
        back = _line_before(p)   # past the form's other lines of fields ('Police informed? [x] Yes [ ] No')
        while back is not None and back not in run_of and back.tag == q("w:p") and back.find(".//" + q("w:sdt")) is not None:
            back = _line_before(back)
        if back not in run_of:
            runs.append((back, []))
        run_of[p] = run_of[back] if back in run_of else len(runs) - 1
        runs[run_of[p]][1].append((p, [(c, _title(c)) for c in controls]))
    for opener, titled in runs:
        if len(titled) < 2 or not all(t for _, pairs in titled for _, t in pairs):
            continue
        if len({tuple(t for _, t in pairs) for _, pairs in titled}) < 2:
            continue   # one control copied down: one answer a line at a time
        if opener is not None and not (opener.tag == q("w:p") and _heads_a_section(opener)):
            continue
        last = None
        for p, pairs in titled:
            titles = [t for _, t in pairs]
            if titles != last:
                for n, (control, title) in enumerate(pairs):
                    run = etree.Element(q("w:r"))
                    if n:
                        etree.SubElement(run, q("w:tab"))
                    t = etree.SubElement(run, q("w:t"))
                    t.text = title + ": "
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                    control.addprevious(run)
            last = titles


def _line_before(p):
    """The body's element before a paragraph, past empty paragraphs and out of the wrappers it may open (a block
    content control, a custom XML element); None at the top of the document."""
    el = p
    while True:
        before = el.getprevious()
        while before is not None and (before.tag in (q("w:sdtPr"), q("w:sdtEndPr"), q("w:customXmlPr"))
                                      or before.tag == q("w:p") and not "".join(before.itertext()).strip()):
            before = before.getprevious()   # (a wrapper's own properties are not a line of it)
        if before is not None:
            return before
        parent = el.getparent()
        if parent is None or parent.tag == q("w:body"):
            return None
        el = parent


def _control_line(p) -> list | None:
    """A body paragraph's content controls where it holds nothing else (no printed text beside them, none inside
    them but their answers); None for any other paragraph."""
    if p is None or p.tag != q("w:p"):
        return None
    if any(a.tag in (q("w:tc"), q("w:txbxContent")) or a.tag.endswith("}textbox") for a in p.iterancestors()):
        return None
    controls = [c for c in p if c.tag == q("w:sdt")]
    if not controls or "".join(t.text or "" for c in p if c.tag != q("w:sdt") for t in c.iter(q("w:t"))).strip():
        return None
    for c in controls:
        pr = c.find(q("w:sdtPr"))
        content = c.find(q("w:sdtContent"))
        if pr is None or pr.find(q("w:group")) is not None or content is None or content.find(".//" + q("w:sdt")) is not None:
            return None
    return controls


def _heads_a_section(p) -> bool:
    """A section's heading, not a label: a title or first- or second-level heading style, or a numbered or lettered
    section in capitals ('2. SERVICE SAFEGUARDING LEAD', 'PART B - THE CHILD'); a label in capitals ('NAME OF
    REFERRER') or a third-level heading over a question is not."""
    style = p.find(f"{q('w:pPr')}/{q('w:pStyle')}")
    if style is not None and re.fullmatch(r"(title|heading ?[12])", style.get(q("w:val"), ""), re.I):
        return True
    text = " ".join("".join(t.text or "" for t in p.iter(q("w:t"))).split())
    numbered = re.match(r"(?:(?:section|part)\s+)?(?:\d{1,2}|[A-Z])[.):]?\s", text, re.I)
    return bool(numbered) and sum(ch.isalpha() for ch in text) >= 3 and not any(ch.islower() for ch in text)


def _title(control) -> str | None:
    """A content control's title where a person would read it as a label: words, not a developer's name ('Text1',
    'ReferrerName', 'child_dob') nor Word's default name for the kind of control; not a tick box's."""
    pr = control.find(q("w:sdtPr"))
    if pr is None or pr.find(q("w14:checkbox")) is not None:
        return None
    alias = pr.find(q("w:alias"))
    title = " ".join((alias.get(q("w:val")) or "").split()).rstrip(":").strip() if alias is not None else ""
    if not title or re.fullmatch(r"\S*(?:[a-z][A-Z]|\d|_)\S*", title) or re.search(r"content control$", title, re.I):
        return None
    return title


def box_bullets(numbering) -> dict[tuple[str, str], str]:
    """(numId, level) -> CHECKED or UNCHECKED, for the lists whose bullet is a tick box (a checklist, as Google Docs
    writes one: an empty box for each item, a ticked box for a ticked one, the box only in the list's definition)."""
    abstract = {}
    for a in numbering.findall(q("w:abstractNum")):
        for lvl in a.findall(q("w:lvl")):
            text = lvl.find(q("w:lvlText"))
            glyph = symbol_boxes(text.get(q("w:val")) or "") if text is not None else ""
            if glyph in (CHECKED, "☑", UNCHECKED):
                box = UNCHECKED if glyph == UNCHECKED else CHECKED
                abstract[(a.get(q("w:abstractNumId")), lvl.get(q("w:ilvl")))] = box
    out = {}
    for num in numbering.findall(q("w:num")):
        ref = num.find(q("w:abstractNumId"))
        if ref is None:
            continue
        for (aid, level), box in abstract.items():
            if aid == ref.get(q("w:val")):
                out[(num.get(q("w:numId")), level)] = box
    return out


def checklists(root, boxes: dict[tuple[str, str], str]) -> None:
    """Each checklist item gets its box written before its words; a ticked item's words are kept though struck
    through (Google Docs strikes a completed item), where elsewhere struck words are deleted ones."""
    if not boxes:
        return
    for p in root.iter(q("w:p")):
        num = p.find(f"{q('w:pPr')}/{q('w:numPr')}")
        if num is None:
            continue
        nid, lvl = num.find(q("w:numId")), num.find(q("w:ilvl"))
        level = lvl.get(q("w:val")) if lvl is not None else "0"
        box = boxes.get((nid.get(q("w:val")) if nid is not None else None, level))
        if box is None:
            continue
        if box == CHECKED:
            for rpr in p.iter(q("w:rPr")):
                for struck in rpr.findall(q("w:strike")) + rpr.findall(q("w:dstrike")):
                    rpr.remove(struck)
        mark = etree.Element(q("w:r"))
        etree.SubElement(mark, q("w:t")).text = box + " "
        ppr = p.find(q("w:pPr"))
        p.insert(0 if ppr is None else list(p).index(ppr) + 1, mark)


NESTED_QUESTIONS = 3   # questions answered in sub-items before a list is read as questions and answers
_ASKS = re.compile(r"^[^:]{1,80}:(\s|$)|\?\s*$")   # 'Name of referrer: Graham Hussain', 'Police involved?'


def _list_level(p) -> int | None:
    """A list item's level (0 the outermost), or None for a paragraph outside a list."""
    num = p.find(f"{q('w:pPr')}/{q('w:numPr')}")
    if num is None:
        return None
    lvl = num.find(q("w:ilvl"))
    return int(lvl.get(q("w:val"), "0")) if lvl is not None else 0


def _plain_text(p) -> str:
    """A paragraph's typed words, without the reader's marks (for telling what kind of line it is)."""
    return "".join(t.text or "" for t in p.iter(q("w:t"))).strip()


_TITLE_STYLE = re.compile(r"(?i)^(heading ?[12]|title|subtitle)$")
TITLE_STYLE_USES = 12   # paragraphs in one heading style, at most, for it to set parts' titles, not questions


def _title_style(p) -> str:
    """The paragraph's style where it is one that sets a part's title - 'Heading 1', 'Heading 2', 'Title' - else ''.
    (A house style that sets every question in a heading style is cleared after, ``title_styles_used``.)"""
    style = p.find(f"{q('w:pPr')}/{q('w:pStyle')}")
    val = style.get(q("w:val"), "") if style is not None else ""
    return val if _TITLE_STYLE.match(val) else ""


def title_styles_used(blocks: list) -> list:
    """A heading style that a house style sets its questions in is no part's title: one set on more paragraphs than
    a form has parts (``TITLE_STYLE_USES``), or whose paragraphs are mostly answered straight under them by a plain
    paragraph (a part's title stands over its questions or their table). Those paragraphs are not set apart as
    titles (``Para.styled``)."""
    uses: Counter = Counter()
    answered: Counter = Counter()
    for b, after in zip(blocks, blocks[1:] + [None]):
        if isinstance(b, Para) and b.styled:
            uses[b.styled] += 1
            answered[b.styled] += isinstance(after, Para) and not after.heading and not after.styled
    crowded = {sid for sid, k in uses.items() if k > TITLE_STYLE_USES or 2 * answered[sid] > k}
    for b in blocks:
        if isinstance(b, Para) and b.styled in crowded:
            b.styled = ""
    return blocks


def nested_answers(root) -> None:
    """A form written as a multilevel list: each question an item, its answer the items one level in under it
    (an address or a summary an item per line or paragraph). Each stretch of the list becomes a table of question |
    answer rows, so each answer is read whole beside its question; only where three or more questions are answered
    so. A stretch whose inner items ask or answer questions themselves ('1.1 Name of referrer: Graham Hussain' under
    '1. Referrer details': an outline of sections and their questions) is left as it is, and so is one whose outer
    items are mostly parts' titles in a heading style ('Heading 1' "Child details" over its questions)."""
    body = root.find(q("w:body"))
    if body is None:
        return
    runs: list[list] = [[]]   # stretches of list items one after another: [(question, [its answer items])]
    for child in body:
        level = _list_level(child) if child.tag == q("w:p") else None
        if level == 0:
            runs[-1].append((child, []))
        elif level is not None and level >= 1 and runs[-1]:
            runs[-1][-1][1].append(child)
        elif runs[-1]:
            runs.append([])
    runs = [run for run in runs if any(items for _, items in run)
            and not any(_ASKS.search(_plain_text(item)) for _, items in run for item in items)
            and 2 * sum(1 for question, _ in run if _title_style(question)) <= len(run)]
    if sum(1 for run in runs for _, items in run if items) < NESTED_QUESTIONS:
        return
    for run in runs:
        tbl = etree.Element(q("w:tbl"))
        body.insert(list(body).index(run[0][0]), tbl)
        for question, items in run:
            tr = etree.SubElement(tbl, q("w:tr"))
            for paragraphs in ([question], items):
                tc = etree.SubElement(tr, q("w:tc"))
                for para in paragraphs:
                    tc.append(para)   # (moved out of the body into the cell)
                if not paragraphs:
                    etree.SubElement(tc, q("w:p"))


R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def styles_part(z, rels: list):
    """The document's styles part, parsed; None where it has none."""
    for rel, target in rels:
        if (rel.get("Type") or "").endswith("/styles"):
            return word_xml(z, target)
    return None


def document_rels(z, names: set, main: str = "word/document.xml"):
    """(relationship, its target's name in the package) for each of the main document's relationships whose
    target is in the package."""
    folder, _, part = main.rpartition("/")
    rels = f"{folder}/_rels/{part}.rels" if folder else f"_rels/{part}.rels"
    if rels not in names:
        return
    for rel in word_xml(z, rels).iter(_REL):
        given = rel.get("Target") or ""
        target = given.lstrip("/") if given.startswith("/") else posixpath.normpath(f"{folder}/{given}").lstrip("/")
        if target not in names and given.lstrip("/") in names:
            target = given.lstrip("/")   # (a writer that names the target from the package's root)
        if target in names:
            yield rel, target


MAX_CHUNK_DEPTH = 2   # Word documents embedded in embedded documents, this deep; deeper ones are left out


def alt_chunks(z, rels: list, depth: int = 0) -> dict:
    """The HTML parts and whole Word documents the document embeds (``w:altChunk``, relationship type aFChunk, as
    document assembly services build a document a section at a time) and the Excel workbooks it embeds as objects
    (``o:OLEObject`` of an ``Excel.Sheet``: relationship type package) as blocks, by relationship id. Word shows them
    in place as the document's own text or cells (RTF parts too, ``parsers/rtf_reader.py``); other kinds of part
    are left out, and so is an embedded Word document that cannot be read (the rest of the form is read)."""
    out = {}
    for rel, target in rels:
        kind = rel.get("Type") or ""
        if kind.endswith("/aFChunk"):
            data = read_member(z, target)
            if target.lower().endswith((".htm", ".html", ".xhtml")) or b"<html" in data[:2048].lower():
                out[rel.get("Id")] = html_blocks(data.decode("utf-8", "replace"))
            elif target.lower().endswith(".rtf") or data.lstrip()[:5] == b"{\\rtf":
                out[rel.get("Id")] = rtf_blocks(data)
            elif data[:4] == b"PK\x03\x04" and depth < MAX_CHUNK_DEPTH:
                try:
                    out[rel.get("Id")] = read_docx(data, depth + 1)[0]
                except (UnsafeFile, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
                    log.warning("an embedded Word document could not be read (%s): left out", exc.__class__.__name__)
        elif kind.endswith("/package") and target.lower().endswith((".xlsx", ".xlsm")):
            table = worksheet_table(read_member(z, target))
            if table is not None:
                out[rel.get("Id")] = [table]
    return out


OLE_OBJECT = "{urn:schemas-microsoft-com:office:office}OLEObject"
SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CELL_REF = re.compile(r"([A-Z]+)(\d+)$")
_DATE_FORMATS = {14, 15, 16, 17, 22, 27, 30, 36, 50, 57}   # Excel's built-in date formats (not times or durations)
MAX_SHEET_CELLS = 5000   # an embedded sheet of a form holds a few dozen answers; more is not a form's table
_DIGITS = re.compile(r"[0-9]+")


def _sx(tag: str) -> str:
    return f"{{{SHEET}}}{tag}"


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _number(text: str | None) -> int:
    """A non-negative integer attribute ('12'); -1 for anything else."""
    return int(text) if text is not None and _DIGITS.fullmatch(text) else -1


def _is_date_format(code: str) -> bool:
    """A custom number format that shows a date: a year, or a day and a month ('dd/mm/yyyy', 'mmm yyyy', 'd mmm');
    quoted text and [colour] / [h] parts aside."""
    bare = re.sub(r'"[^"]*"|\[[^]]*]', "", code).lower()
    return "y" in bare or ("d" in bare and "m" in bare)


def _date_styles(z, names: set) -> set[int]:
    """The indexes of the workbook's cell styles that show a number as a date (built-in or custom)."""
    if "xl/styles.xml" not in names:
        return set()
    styles = parse_xml(read_member(z, "xl/styles.xml"))
    custom = {_number(f.get("numFmtId")) for f in styles.iter(_sx("numFmt")) if _is_date_format(f.get("formatCode") or "")}
    xfs = styles.find(_sx("cellXfs"))
    return {i for i, xf in enumerate(xfs if xfs is not None else [])
            if _number(xf.get("numFmtId") or "0") in _DATE_FORMATS | custom}


def _serial_date(value: str, base: date) -> str | None:
    """An Excel date serial (days since the workbook's base date) as dd/mm/yyyy; None where it is no plausible date."""
    try:
        days = float(value)
    except ValueError:
        return None
    if not 1 <= days < 2958466:
        return None
    return (base + timedelta(days=int(days))).strftime("%d/%m/%Y")


def _date_base(z, names: set) -> date:
    """Day 0 of the workbook's date serials: 30 December 1899, or 1 January 1904 for a workbook set to the 1904 date
    system (older Mac Excel)."""
    if "xl/workbook.xml" in names:
        pr = parse_xml(read_member(z, "xl/workbook.xml")).find(_sx("workbookPr"))
        if pr is not None and (pr.get("date1904") or "").lower() in ("1", "true"):
            return date(1904, 1, 1)
    return date(1899, 12, 30)


def worksheet_table(data: bytes) -> Table | None:
    """The first worksheet of an embedded workbook as a table of its cells' shown values (shared and inline strings,
    numbers, dates kept as serials under a date format shown as dates, TRUE / FALSE): its rows and columns that
    hold something, in order. None where the workbook cannot be read or holds more than MAX_SHEET_CELLS values."""
    try:
        z = open_zip(data)
        names = set(z.namelist())
        sheets = sorted((n for n in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)),
                        key=lambda n: int(re.search(r"(\d+)\.xml$", n).group(1)))
        if not sheets:
            return None
        strings = []
        if "xl/sharedStrings.xml" in names:
            strings = ["".join(si.itertext()) for si in parse_xml(read_member(z, "xl/sharedStrings.xml")).iter(_sx("si"))]
        dates = _date_styles(z, names)
        base = _date_base(z, names)
        sheet = parse_xml(read_member(z, sheets[0]))
        grid: dict[tuple[int, int], str] = {}
        for c in sheet.iter(_sx("c")):
            m = _CELL_REF.match(c.get("r") or "")
            if not m:
                continue
            kind, v = c.get("t"), c.find(_sx("v"))
            raw = v.text if v is not None and v.text is not None else ""
            if kind == "s":
                k = _number(raw.strip())
                text = strings[k] if 0 <= k < len(strings) else ""
            elif kind == "inlineStr":
                text = "".join(c.find(_sx("is")).itertext()) if c.find(_sx("is")) is not None else ""
            elif kind == "b":
                text = "TRUE" if raw == "1" else "FALSE"
            elif raw and _number(c.get("s") or "0") in dates:
                text = _serial_date(raw, base) or raw
            else:
                text = raw
            if text.strip():
                grid[(_number(m.group(2)) - 1, _column(m.group(1)))] = text.strip()
                if len(grid) > MAX_SHEET_CELLS:
                    return None
    except (UnsafeFile, zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError, OverflowError):
        return None
    if not grid:
        return None
    rows = sorted({r for r, _ in grid})
    cols = sorted({c for _, c in grid})
    return Table([[grid.get((r, c), "") for c in cols] for r in rows])
