"""RTF into blocks: the rich-text parts a Word document embeds as alternative content (``w:altChunk`` of type
``application/rtf``), which Word imports in place as the document's own paragraphs and tables (a case system that
assembles a referral may write its long answers and its tables that way).

Paragraphs (``\\par``) become Paras, table rows (``\\intbl`` … ``\\cell`` … ``\\row``) Tables, a cell's own
paragraphs its lines. Text comes from ``\\'hh`` escapes in the document's code page, ``\\uN`` (its fallback characters
skipped) and plain characters; the font, colour and style tables, document information, pictures, objects, field
instructions and every ``{\\* …}`` group are skipped. Standard library only.
"""

from __future__ import annotations

import re

from parsers.blocks import Para, Table

MAX_RTF = 2_000_000   # characters of one embedded part; a referral's answer is a few thousand

_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+", re.S)
_SKIPPED = {b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"header", b"footer", b"headerl",
            b"headerr", b"headerf", b"footerl", b"footerr", b"footerf", b"listtable", b"listoverridetable",
            b"rsidtbl", b"generator", b"themedata", b"colorschememapping", b"datastore", b"latentstyles",
            b"xmlnstbl", b"fldinst", b"filetbl", b"revtbl", b"pgdsctbl", b"mmathPr", b"bkmkstart", b"bkmkend"}
_CHARACTERS = {b"emdash": "\u2014", b"endash": "\u2013", b"lquote": "\u2018", b"rquote": "\u2019",
               b"ldblquote": "\u201c", b"rdblquote": "\u201d", b"bullet": "\u2022", b"tab": "\t", b"line": "\n",
               b"emspace": " ", b"enspace": " ", b"qmspace": " "}


class _Reader:
    def __init__(self, codepage: str):
        self.codepage = codepage
        self.blocks: list = []
        self.text: list[str] = []          # the paragraph or cell being read
        self.cell_lines: list[str] = []    # a cell's finished paragraphs
        self.row: list[str] = []
        self.rows: list[list[str]] = []
        self.in_table = False              # \intbl since the last \pard: this paragraph is in a cell

    def _line(self) -> str:
        return "".join(self.text).replace("\xa0", " ").strip()

    def _close_table(self) -> None:
        if self.rows:
            self.blocks.append(Table(rows=self.rows))
        self.rows = []

    def par(self) -> None:
        line = self._line()
        self.text = []
        if self.in_table:
            self.cell_lines.append(line)
            return
        self._close_table()
        if line.strip():
            self.blocks.append(Para(line))

    def cell(self) -> None:
        self.cell_lines.append(self._line())
        self.text = []
        self.row.append("\n".join(x for x in self.cell_lines if x.strip()))
        self.cell_lines = []

    def end_row(self) -> None:
        if self.text or self.cell_lines:
            self.cell()
        if any(c.strip() for c in self.row):
            self.rows.append(self.row)
        self.row = []

    def finish(self) -> list:
        if self.row or self.cell_lines:
            self.end_row()
        if "".join(self.text).strip():
            self.in_table = False
            self.par()
        self._close_table()
        return self.blocks


def rtf_blocks(data: bytes) -> list:
    """The paragraphs and tables of an RTF document, in order; [] for anything that is not RTF."""
    if not data.lstrip().startswith(b"{\\rtf"):
        return []
    data = data[:MAX_RTF]
    m = re.search(rb"\\ansicpg(\d+)", data[:4096])
    codepage = f"cp{int(m.group(1))}" if m else "cp1252"
    try:
        "".encode(codepage)
    except LookupError:
        codepage = "cp1252"
    r = _Reader(codepage)
    stack: list[tuple[bool, int]] = []
    skip, uc, pending_skip = False, 1, 0
    for tok in _TOKEN.finditer(data):
        word, arg, hexbyte, symbol, brace, text = tok.groups()
        if brace == b"{":
            stack.append((skip, uc))
            continue
        if brace == b"}":
            skip, uc = stack.pop() if stack else (False, 1)
            continue
        if pending_skip and (text or hexbyte or symbol):   # a \uN's fallback characters
            if text:
                drop = min(pending_skip, len(text))
                pending_skip -= drop
                text = text[drop:]
                if not text:
                    continue
            else:
                pending_skip -= 1
                continue
        if symbol is not None:
            if symbol == b"*":
                skip = True
                continue
            if skip:
                continue
            if symbol in (b"\\", b"{", b"}"):
                r.text.append(symbol.decode())
            elif symbol == b"~":
                r.text.append(" ")
            elif symbol in (b"\n", b"\r"):
                r.par()
            continue
        if word is not None:
            if word in _SKIPPED:
                skip = True
                continue
            if word == b"uc" and arg is not None:
                uc = int(arg)
                continue
            if skip:
                continue
            if word == b"u" and arg is not None:
                code = int(arg)
                r.text.append(chr(code + 65536 if code < 0 else code))
                pending_skip = uc
            elif word == b"par":
                r.par()
            elif word == b"pard":
                r.in_table = False
            elif word == b"intbl":
                r.in_table = True
            elif word in (b"cell", b"nestcell"):
                r.cell()
            elif word in (b"row", b"nestrow"):
                r.end_row()
            elif word in _CHARACTERS:
                r.text.append(_CHARACTERS[word])
            continue
        if skip:
            continue
        if hexbyte is not None:
            r.text.append(bytes([int(hexbyte, 16)]).decode(codepage, "replace"))
        elif text:
            r.text.append(text.decode(codepage, "replace"))
    return r.finish()
