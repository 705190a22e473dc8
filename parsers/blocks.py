"""The format-neutral shape every document reader produces: paragraphs and tables in order.

Checkbox states are rendered as glyphs (☒ checked, ☐ unchecked) so that one
yes/no reader serves Word controls, legacy fields, Wingdings and PDF boxes.
Content-control placeholders and unfilled fields are rendered as empty text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CHECKED, UNCHECKED = "☒", "☐"


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
