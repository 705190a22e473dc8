"""The format-neutral shape every document reader produces: paragraphs and tables in order.

Checkbox states are rendered as glyphs (☒ checked, ☐ unchecked) so that one
yes/no reader serves Word controls, legacy fields, Wingdings and PDF boxes.
Content-control placeholders and unfilled fields are rendered as empty text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CHECKED, UNCHECKED = "☒", "☐"

# Symbol fonts' boxes (Wingdings, Wingdings 2) by their code: Word keeps them in the private use area (U+F0xx) when
# text in such a font is typed or pasted rather than inserted as a symbol, and a PDF without a Unicode map prints
# the font's own byte.
SYMBOL_CHECKED = {0xFE, 0xFD, 0x78, 0xFC, 0x52, 0x54, 0x53, 0x50, 0xD3, 0xD4}
SYMBOL_UNCHECKED = {0xA8, 0x6F, 0xA3, 0x71, 0xA1, 0x2A, 0xA2}
PRIVATE_USE_BOXES = {0xF000 + c: CHECKED for c in SYMBOL_CHECKED} | {0xF000 + c: UNCHECKED for c in SYMBOL_UNCHECKED}


def symbol_boxes(text: str) -> str:
    """Text with the private-use code points of symbol fonts' boxes as the boxes they show ('\uf0fe YES' is
    '☒ YES'); every other character kept."""
    return text.translate(PRIVATE_USE_BOXES)


@dataclass
class Para:
    text: str
    heading: bool = False
    y: float | None = None       # PDF text layout: top of the line as a fraction of the page height
    page: int | None = None


@dataclass
class Table:
    rows: list[list[str]] = field(default_factory=list)
    page: int | None = None      # PDF text layout: the page it was drawn on


@dataclass
class Pair:
    """A label and its value, as a form-field reader found them (AcroForm)."""
    label: str
    value: str
    hint: str = ""        # e.g. the field's internal name, which may name its section
    pos: tuple | None = None   # (page, top, left) of its widget, to read it in the section printed above it


Block = Para | Table | Pair
