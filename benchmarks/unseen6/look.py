"""Per-form presentation choices: date styles, blank fillers, yes/no words, tick glyphs."""

from __future__ import annotations

from case import fmt_date
from spec import F, type_label
from vocab import VOCABS

GLYPHS = [("☒", "☐"), ("☑", "☐"), ("■", "□"), ("●", "○"), ("✔", "☐")]
DATE_PAIRS = [("dmy", "ordinal"), ("dmy2", "dmy"), ("dot", "long"), ("ordinal", "dmy"), ("us_long", "dmy"),
              ("d_m_yy", "d_mon_yy"), ("dash_mon", "dmy"), ("weekday", "dot2"), ("long", "dmy2"), ("dmy", "dot"),
              ("ordinal_of", "dmy"), ("dot2", "ordinal")]


class Look:
    def __init__(self, rng, vname, layout, cms=False):
        self.rng, self.vname, self.v, self.layout = rng, vname, VOCABS[vname], layout
        self.date1, self.date2 = rng.choice(DATE_PAIRS) if not cms else rng.choice([("iso", "iso"), ("dash_mon", "dash_mon"), ("dmy", "dmy")])
        self.fillers = rng.random() < 0.5
        self.glyph_on, self.glyph_off = rng.choice(GLYPHS)
        self.yes, self.no, self.unknown = self.v["yn"]
        self.version = f"v{rng.randint(1, 6)}.{rng.randint(0, 9)}"
        self.issued = fmt_date(__import__("datetime").date(2024, rng.randint(1, 12), rng.randint(1, 28)), rng.choice(["dmy", "long", "dot2"]))
        self.form_ref = f"{''.join(w[0] for w in self.v['org'].split()[:3]).upper()}/SG/{rng.randint(1, 40):02d}"

    def date(self, f: F) -> str | None:
        return fmt_date(f.value, self.date2 if f.extra.get("second") else self.date1)

    def blank(self) -> str:
        """What an unanswered text box holds: usually nothing, sometimes a filler token."""
        if self.fillers and self.rng.random() < 0.35:
            return self.rng.choice(["N/A", "n/a", "-", "Not applicable"])
        return ""

    def yn_word(self, value) -> str | None:
        if value is True:
            return self.yes
        if value is False:
            return self.no
        if self.unknown and self.rng.random() < 0.5:
            return self.unknown
        return None

    def yn_options(self):
        return [o for o in (self.yes, self.no, self.unknown) if o]

    def yn_chosen(self, value):
        """Which option is ticked for a tri-state (None: nothing, or the 'unknown' option)."""
        w = self.yn_word(value)
        return w

    def gender_word(self, g):
        f, m, o = self.v["gender"]
        return {"female": f, "male": m, "other": o}.get(g)

    def type_text(self, f: F) -> str | None:
        if f.value is None:
            return None
        lab = type_label(self.vname, f.value)
        if f.value == "other" and self.rng.random() < 0.7:
            return f"{lab.split(' (')[0]} - {f.extra['detail']}"
        return lab

    def text(self, f: F) -> str:
        """Single-line display of any non-tick field ('' when blank)."""
        if f.kind == "date":
            s = self.date(f)
        elif f.kind == "lines":
            s = ", ".join(f.value) if f.value else None
        elif f.kind == "paras":
            s = " ".join(f.value) if f.value else None
        elif f.kind == "yn":
            s = self.yn_word(f.value)
        elif f.kind == "gender":
            s = self.gender_word(f.value)
        elif f.kind == "type":
            s = self.type_text(f)
        else:
            s = f.value
        return s if s else self.blank()
