"""The five PDF layouts of unseen29 (reportlab, invariant mode)."""

from __future__ import annotations

import datetime as dt
import io
import random

from reportlab.lib.colors import Color, HexColor, white, black
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

from u29_common import MONTHS, WEEKDAYS, snake
from u29_model import Form

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
_REG = False


def register_fonts() -> None:
    global _REG
    if _REG:
        return
    for name, fn in [("DV", "DejaVuSans.ttf"), ("DV-B", "DejaVuSans-Bold.ttf"), ("DV-I", "DejaVuSans-Oblique.ttf"),
                     ("DVM", "DejaVuSansMono.ttf"), ("DVM-B", "DejaVuSansMono-Bold.ttf"), ("DVS", "DejaVuSerif.ttf"),
                     ("DVS-B", "DejaVuSerif-Bold.ttf"), ("DVC", "DejaVuSansCondensed.ttf"), ("DVC-B", "DejaVuSansCondensed-Bold.ttf")]:
        pdfmetrics.registerFont(TTFont(name, FONT_DIR + fn))
    _REG = True


A4 = (595.28, 841.89)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    out = []
    for para in text.split("\n"):
        words = para.split(" ")
        line = ""
        for w in words:
            cand = (line + " " + w) if line else w
            if pdfmetrics.stringWidth(cand, font, size) <= width:
                line = cand
            else:
                if line:
                    out.append(line)
                while pdfmetrics.stringWidth(w, font, size) > width:
                    k = len(w)
                    while k > 1 and pdfmetrics.stringWidth(w[:k], font, size) > width:
                        k -= 1
                    out.append(w[:k])
                    w = w[k:]
                line = w
        out.append(line)
    return out


def make_canvas(buf, f: Form, producer: str, creator: str, title: str, when: dt.datetime, pagesize=A4):
    c = rl_canvas.Canvas(buf, pagesize=pagesize, invariant=1, pageCompression=1)
    c.setProducer(producer)
    c.setCreator(creator)
    c.setTitle(title)
    c.setAuthor(f.ref_person["name"])
    c.setSubject("")
    stamp = when.strftime("D:%Y%m%d%H%M%S") + "+00'00'"
    c._doc.info._dateFormatter = lambda *a: stamp
    return c


def two_pass(render, f: Form, path, seed_key: str) -> dict:
    """Render twice: the first pass counts the pages, the second knows the total."""
    buf = io.BytesIO()
    notes = render(buf, f, random.Random(seed_key), None)
    total = notes.pop("_pages")
    buf = io.BytesIO()
    notes = render(buf, f, random.Random(seed_key), total)
    notes.pop("_pages")
    with open(path, "wb") as fh:
        fh.write(buf.getvalue())
    return notes


def _child_title(s: dict) -> str:
    t = s["title"]
    if s["count"] > 1:
        t += f" - child {s['index'] + 1} of {s['count']}"
    return t


def _value_text(it: dict) -> str | None:
    if it.get("text") is None:
        return None
    if it["kind"] == "address" and not it.get("filler"):
        return "\n".join(it["lines"])
    if it["kind"] == "para" and not it.get("filler"):
        return "\n\n".join(it["lines"])
    return it["text"]


def _when(f: Form, h: int, m: int, days: int = 0) -> dt.datetime:
    d = f.meta["ref_date"] + dt.timedelta(days=days)
    return dt.datetime(d.year, d.month, d.day, h, m, 0)


# =========================================================================== P-APPSETTINGS

TOGGLE_KEYS = {"lead_discussed", "i_police", "c_cp", "c_csc", "c_lac", "p_notified"}


def render_appsettings(buf, f: Form, rng: random.Random, total) -> dict:
    register_fonts()
    S = f.sender
    W, H = A4
    app = rng.choice([f"{S['pshort']} Refer", f"{S['org'].split(' - ')[0]} Safeguarding", f"Safeguard {S['pshort']}"])
    c = make_canvas(buf, f, rng.choice(["iOS Version 17.5.1 (Build 21F90) Quartz PDFContext",
                                        "iOS Version 18.1 (Build 22B83) Quartz PDFContext",
                                        "iPadOS Version 17.6 (Build 21G80) Quartz PDFContext"]),
                    app, f"Referral - {S['pshort']}", _when(f, 15, 2))
    BG, SEP, GREY, BLUE, GREEN = HexColor("#F2F2F7"), HexColor("#C6C6C8"), HexColor("#8E8E93"), HexColor("#007AFF"), HexColor("#34C759")
    LF, LS = "DV", 10.5
    X0, X1 = 16, W - 16
    st = {"y": 0, "page": 0, "toggles": 0, "checks": 0, "rows": 0}

    def new_page():
        if st["page"]:
            c.showPage()
        st["page"] += 1
        c.setFillColor(BG)
        c.rect(0, 0, W, H, stroke=0, fill=1)
        st["y"] = H - 36

    def need(h):
        if st["y"] - h < 36:
            new_page()

    def header(text):
        need(40)
        st["y"] -= 24
        c.setFillColor(HexColor("#6D6D72"))
        c.setFont("DV", 8.5)
        for ln in wrap(text, "DV", 8.5, X1 - X0 - 16):
            c.drawString(X0 + 16, st["y"], ln)
            st["y"] -= 11
        st["y"] -= 2

    def row_bg(h, first, last):
        c.setFillColor(white)
        c.rect(X0, st["y"] - h, X1 - X0, h, stroke=0, fill=1)
        if not first:
            c.setStrokeColor(SEP)
            c.setLineWidth(0.5)
            c.line(X0 + 16, st["y"], X1, st["y"])

    def value_row(label, value, first, last):
        st["rows"] += 1
        lw = pdfmetrics.stringWidth(label, LF, LS)
        if not value:
            value = None
        vw = pdfmetrics.stringWidth(value, LF, LS) if value and "\n" not in value else 10 ** 6
        avail = X1 - X0 - 32
        if value is None or lw + vw + 24 <= avail:
            h = 34
            need(h)
            row_bg(h, first, last)
            c.setFillColor(black)
            c.setFont(LF, LS)
            c.drawString(X0 + 16, st["y"] - 21, label)
            if value:
                c.setFillColor(GREY)
                c.drawRightString(X1 - 16, st["y"] - 21, value)
            st["y"] -= h
            return
        # subtitle style: label over the value, wrapped
        lab_lines = wrap(label, LF, LS, avail)
        val_lines = []
        for pi, p in enumerate(value.split("\n\n")):
            if pi:
                val_lines.append(None)
            val_lines.extend(wrap(p, LF, 10, avail))
        i = 0
        first_chunk = True
        while i < len(val_lines) or first_chunk:
            room = int((st["y"] - 36 - 14 - (len(lab_lines) * 14 if first_chunk else 0)) // 13)
            if room < 2:
                new_page()
                continue
            chunk = val_lines[i:i + room]
            h = 14 + (len(lab_lines) * 14 if first_chunk else 0) + len(chunk) * 13
            row_bg(h, first and first_chunk, last)
            y = st["y"] - 16
            if first_chunk:
                c.setFillColor(black)
                c.setFont(LF, LS)
                for ln in lab_lines:
                    c.drawString(X0 + 16, y, ln)
                    y -= 14
            c.setFillColor(GREY)
            c.setFont(LF, 10)
            for ln in chunk:
                if ln:
                    c.drawString(X0 + 16, y, ln)
                y -= 13
            st["y"] -= h
            i += room
            first_chunk = False
            if i < len(val_lines):
                new_page()

    def toggle_row(label, on, first, last):
        st["rows"] += 1
        st["toggles"] += 1
        lines = wrap(label, LF, LS, X1 - X0 - 100)
        h = max(34, 12 + 14 * len(lines))
        need(h)
        row_bg(h, first, last)
        c.setFillColor(black)
        c.setFont(LF, LS)
        y = st["y"] - (h - 14 * len(lines)) / 2 - 10
        for ln in lines:
            c.drawString(X0 + 16, y, ln)
            y -= 14
        tw, th = 44, 26
        tx, ty = X1 - 16 - tw, st["y"] - h / 2 - th / 2
        c.setFillColor(GREEN if on else HexColor("#E9E9EA"))
        c.roundRect(tx, ty, tw, th, th / 2, stroke=0, fill=1)
        kx = tx + tw - th / 2 if on else tx + th / 2
        c.setFillColor(white)
        c.setStrokeColor(HexColor("#D1D1D6"))
        c.setLineWidth(0.4)
        c.circle(kx, ty + th / 2, th / 2 - 2, stroke=1, fill=1)
        st["y"] -= h

    def check_group(title, opts, chosen):
        header(title)
        for oi, o in enumerate(opts):
            st["rows"] += 1
            h = 32
            need(h)
            row_bg(h, oi == 0, oi == len(opts) - 1)
            c.setFillColor(black)
            c.setFont(LF, LS)
            c.drawString(X0 + 16, st["y"] - 20, o)
            if chosen == oi:
                st["checks"] += 1
                c.setStrokeColor(BLUE)
                c.setLineWidth(2)
                c.setLineCap(1)
                c.setLineJoin(1)
                p = c.beginPath()
                cx, cy = X1 - 30, st["y"] - 17
                p.moveTo(cx - 6, cy)
                p.lineTo(cx - 2, cy - 4.5)
                p.lineTo(cx + 6, cy + 5)
                c.drawPath(p, stroke=1, fill=0)
            st["y"] -= h

    new_page()
    c.setFillColor(GREY)
    c.setFont("DV", 9)
    c.drawString(X0 + 4, st["y"], app)
    st["y"] -= 30
    c.setFillColor(black)
    c.setFont("DV-B", 24)
    c.drawString(X0 + 4, st["y"], "Referral")
    st["y"] -= 16
    c.setFillColor(HexColor("#C00000"))
    c.setFont("DV-B", 8.5)
    c.drawString(X0 + 4, st["y"], S["marking"] + "  \u2022  " + S["partnership"])
    st["y"] -= 6
    c.setFillColor(GREY)
    c.setFont("DV", 8.5)
    for ln in wrap(S["title"], "DV", 8.5, X1 - X0):
        st["y"] -= 11
        c.drawString(X0 + 4, st["y"], ln)

    def items_block(title, items):
        header(title)
        plain = []
        for it in items:
            if it["kind"] == "choice":
                if it["group"] == "yn" and it["key"] in TOGGLE_KEYS:
                    plain.append({"_toggle": True, **it})
                    continue
                flush_toggles(plain)
                check_group(it["label"], it["opts"], it["chosen"])
                header(" ")
                continue
            plain.append(it)
        flush_toggles(plain)

    def flush_toggles(plain):
        for i, it in enumerate(plain):
            if it.get("_toggle"):
                toggle_row(it["label"], it["sem"] is True, i == 0, i == len(plain) - 1)
            else:
                value_row(it["label"], _value_text(it), i == 0, i == len(plain) - 1)
        plain.clear()

    for s in f.sections:
        if s["key"] == "agencies":
            header(s["title"].upper())
            if not s["rows"]:
                value_row(s["label"], "None added", True, True)
            for ai, r in enumerate(s["rows"]):
                header(f"{s['label']} - {ai + 1}")
                for ci, (lbl, fld) in enumerate(s["cols"]):
                    value_row(lbl, r[fld], ci == 0, ci == 2)
            continue
        title = _child_title(s) if s["key"] == "child" else s["title"]
        items_block(title.upper(), s["items"])
        if s["key"] == "ref":
            st["y"] -= 4
            c.setFillColor(GREY)
            c.setFont("DV", 8)
            for ln in wrap(f.guidance, "DV", 8, X1 - X0 - 32):
                need(12)
                st["y"] -= 10
                c.drawString(X0 + 16, st["y"], ln)
    c.showPage()
    c.save()
    return {"_pages": st["page"], "toggles": st["toggles"], "checkmarks": st["checks"], "app": app}


# =========================================================================== P-FORMMAIL

SUFFIX = {"date_ref": "date", "ref_role": "role", "ref_agency": "organisation", "ref_phone": "phone",
          "lead_name": "name", "lead_role": "role", "lead_agency": "organisation", "lead_email": "email",
          "lead_phone": "phone", "lead_discussed": "discussed", "c_first": "first_name", "c_last": "surname",
          "c_name": "full_name", "c_other": "other_names", "c_dob": "dob", "c_age": "age", "c_gender": "gender",
          "c_eth": "ethnicity", "c_addr": "address", "c_school": "school", "c_gp": "gp", "c_legal": "legal_status",
          "c_cp": "cp_plan", "c_csc": "social_care", "c_lac": "looked_after", "c_dis": "needs",
          "c_dod": "date_of_death", "i_date": "incident_date", "i_la": "la_aware_date", "i_loc": "location",
          "i_type": "incident_type", "i_other": "other_details", "i_summary": "summary", "i_police": "police",
          "cr_harm": "crit_died_harmed", "cr_abuse": "crit_abuse_neglect", "cr_local": "crit_local",
          "cr_learn": "crit_learning", "cr_reason": "reason", "p_notified": "panel_notified", "p_date": "panel_date",
          "concerns": "immediate_concerns"}


def _case(prefix: str, suffix: str, case: str) -> str:
    parts = [p for p in suffix.split("_") if p]
    if case == "snake":
        return prefix + suffix
    if case == "camel":
        if prefix:
            return prefix + "".join(p.capitalize() for p in parts)
        return parts[0] + "".join(p.capitalize() for p in parts[1:])
    if case == "title":
        return prefix + "_".join(p.capitalize() for p in parts)
    return prefix + "".join(p.capitalize() for p in parts)  # pascal


def machine_name(S: dict, key: str, ci: int | None = None) -> str:
    mm = S["mm"]
    if key.startswith("ref_"):
        prefix = mm["ref"]
    elif key.startswith("lead_"):
        prefix = mm["lead"]
    elif key.startswith("c_"):
        prefix = mm["child"].format(n=(ci or 0) + 1)
    else:
        prefix = ""
    return _case(prefix, SUFFIX[key], mm["case"])


def choice_value(S: dict, it: dict) -> str | None:
    if it["chosen"] is None:
        return None
    word = it["opts"][it["chosen"]]
    style = S["mm"]["values"]
    if style == "words":
        return word
    if style == "lower":
        return snake(word)
    # codes
    if it["group"] == "yn":
        return ["Y", "N", snake(S["third"])][it["chosen"]]
    if it["group"] == "gender":
        return {"female": "F", "male": "M", "other": "other"}[it["sem"]]
    return snake(word)


def formmail_fields(f: Form, rng: random.Random) -> list[tuple[str, str]]:
    S = f.sender
    out = []
    for s in f.sections:
        if s["key"] == "agencies":
            for ai, r in enumerate(s["rows"]):
                for lbl, fld in s["cols"]:
                    v = r[fld]
                    if v:
                        out.append((_case(f"agency{ai + 1}_" if S["mm"]["case"] in ("snake", "title") else f"agency{ai + 1}",
                                          snake(lbl), S["mm"]["case"]), v))
            continue
        for it in s["items"]:
            if it["key"] in ("ref_name", "ref_email"):
                continue  # FormMail's realname / email fields: they go into the From line
            if it["key"] == "decoy":
                name = _case("", snake(it["label"])[:30].strip("_"), S["mm"]["case"])
                v = it["text"]
            elif it["kind"] == "choice":
                name = machine_name(S, it["key"], it.get("child"))
                v = choice_value(S, it)
            else:
                name = machine_name(S, it["key"], it.get("child"))
                v = _value_text(it)
            if v:
                out.append((name, v))
    return out


def render_formmail(buf, f: Form, rng: random.Random, total) -> dict:
    register_fonts()
    S = f.sender
    W, H = A4
    sort_alpha = f.variant % 2 == 1
    double = (f.variant // 2) % 2 == 1
    sent = _when(f, rng.randint(9, 17), rng.randint(0, 59))
    sent = sent.replace(second=rng.randint(0, 59))
    printed = sent + dt.timedelta(minutes=rng.randint(20, 300))
    host = rng.choice(["webmail", "mail"]) + "." + S["form_domain"]
    realname = f.record["referrer"]["name"] or ""
    ref_email_item = next(it for it in f.sections[0]["items"] if it["key"] == "ref_email")
    email = ref_email_item["text"] if ref_email_item.get("text") and not ref_email_item.get("filler") else ""
    subject = rng.choice(["WWW Form Submission", f"{S['pshort']} referral form", "Referral to the Safeguarding Partnership"])
    fields = formmail_fields(f, rng)
    if sort_alpha:
        fields = sorted(fields, key=lambda kv: kv[0])
    date_str = f"{WEEKDAYS[sent.weekday()]}, {MONTHS[sent.month - 1]} {sent.day:02d}, {sent.year} at {sent:%H:%M:%S}"
    body = ["Below is the result of your feedback form.  It was submitted by", f"{realname} ({email}) on {date_str}",
            "-" * 75, ""]
    for name, v in fields:
        vlines = v.split("\n")
        body.append(f"{name}: {vlines[0]}")
        body.extend(vlines[1:])
        if double:
            body.append("")
    if not double:
        body.append("")
    body.append("-" * 75)
    body.append("")
    body.append(f"REMOTE_HOST: {rng.choice(['cpc', 'host-', 'dyn-'])}{rng.randint(10000, 99999)}-{rng.choice(['leed', 'manc', 'brig', 'sout'])}{rng.randint(1, 30)}-2-0-cust{rng.randint(10, 999)}.example-isp.net")
    body.append(f"REMOTE_ADDR: 203.0.113.{rng.randint(2, 250)}")
    body.append("HTTP_USER_AGENT: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                f"Chrome/{rng.choice([131, 132, 133])}.0.0.0 Safari/537.36")
    c = make_canvas(buf, f, rng.choice(["Skia/PDF m131", "Skia/PDF m132"]),
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36",
                    f"Roundcube Webmail :: {subject}", printed)
    st = {"page": 0, "y": 0}
    url = f"https://{host}/?_task=mail&_uid={rng.randint(1000, 9999)}&_mbox=INBOX&_action=print&_extwin=1"
    title = f"Roundcube Webmail :: {subject}"

    def furniture():
        c.setFont("DV", 7.5)
        c.setFillColor(black)
        c.drawString(28, H - 20, printed.strftime("%d/%m/%Y, %H:%M"))
        c.drawCentredString(W / 2, H - 20, title)
        c.drawString(28, 16, url)
        c.drawRightString(W - 28, 16, f"{st['page']}/{total or 9}")

    def new_page():
        if st["page"]:
            c.showPage()
        st["page"] += 1
        furniture()
        st["y"] = H - 48

    new_page()
    c.setFont("DV-B", 13)
    c.drawString(48, st["y"], subject)
    st["y"] -= 22
    for lbl, val in [("From", f"{email} ({realname})" if email else realname), ("To", f"{S['form_inbox']}@{S['form_domain']}"),
                     ("Date", f"{sent:%Y-%m-%d %H:%M}"), ("Priority", "Normal")]:
        c.setFont("DV", 9)
        c.setFillColor(HexColor("#666666"))
        c.drawRightString(100, st["y"], lbl)
        c.setFillColor(black)
        c.drawString(108, st["y"], val)
        st["y"] -= 13
    c.setStrokeColor(HexColor("#BBBBBB"))
    c.line(48, st["y"] + 2, W - 48, st["y"] + 2)
    st["y"] -= 16
    size, lh, maxw = 8.5, 10.8, W - 96
    for ln in body:
        pieces = wrap(ln, "DVM", size, maxw) if ln else [""]
        for p in pieces:
            if st["y"] < 40:
                new_page()
            c.setFont("DVM", size)
            c.setFillColor(black)
            c.drawString(48, st["y"], p)
            st["y"] -= lh
    c.showPage()
    c.save()
    return {"_pages": st["page"], "sort": "alphabetic" if sort_alpha else "form order", "double_spacing": double,
            "fields": len(fields), "subject": subject}


# =========================================================================== P-FADEDOPTIONS

def render_fadedoptions(buf, f: Form, rng: random.Random, total) -> dict:
    register_fonts()
    S = f.sender
    W, H = A4
    printed = _when(f, rng.randint(10, 17), rng.randint(0, 59), rng.choice([0, 1, 2]))
    alpha = [0.25, 0.3, 0.35, 0.4][f.variant % 4]
    accent = HexColor(rng.choice(["#1D4ED8", "#0F766E", "#7C3AED", "#B45309"]))
    refno = f"{S['pshort']}-{f.meta['ref_date']:%y}{rng.randint(1000, 9999)}"
    host = f"referrals.{S['mailbox'].split('@')[1]}"
    url = f"https://{host}/submissions/{refno.lower()}/view"
    c = make_canvas(buf, f, rng.choice(["Skia/PDF m130", "Skia/PDF m131", "Skia/PDF m132"]),
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                    f"Referral {refno} - {S['pshort']} referrals", printed)
    st = {"page": 0, "y": 0, "pills": 0, "faded": 0}
    X0, X1 = 40, W - 40

    def furniture():
        c.setFont("DV", 7.5)
        c.setFillColor(black)
        c.drawString(24, H - 18, printed.strftime("%d/%m/%Y, %H:%M"))
        c.drawCentredString(W / 2, H - 18, f"Referral {refno} - {S['pshort']} referrals")
        c.drawString(24, 14, url)
        c.drawRightString(W - 24, 14, f"{st['page']}/{total or 9}")

    def new_page():
        if st["page"]:
            c.showPage()
        st["page"] += 1
        furniture()
        st["y"] = H - 40

    def need(h):
        if st["y"] - h < 36:
            new_page()

    new_page()
    c.setFillColor(HexColor("#111827"))
    c.rect(0, st["y"] - 30, W, 38, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("DV-B", 11)
    c.drawString(X0, st["y"] - 16, S["partnership"])
    c.setFont("DV", 8)
    c.drawRightString(X1, st["y"] - 16, "Referral portal")
    st["y"] -= 56
    c.setFillColor(black)
    c.setFont("DV-B", 16)
    c.drawString(X0, st["y"], f"Referral {refno}")
    st["y"] -= 16
    c.setFont("DV", 8.5)
    c.setFillColor(HexColor("#4B5563"))
    c.drawString(X0, st["y"], f"{S['title']}  \u2022  {S['marking']}")
    st["y"] -= 12
    c.drawString(X0, st["y"], "Submitted - this referral is read only. Options you did not choose are shown faded.")
    st["y"] -= 10
    for ln in wrap(f.guidance, "DV", 7.5, X1 - X0):
        st["y"] -= 9.5
        c.setFont("DV", 7.5)
        c.drawString(X0, st["y"], ln)
    st["y"] -= 8

    def card_title(t):
        need(40)
        st["y"] -= 20
        c.setFillColor(HexColor("#111827"))
        c.setFont("DV-B", 11.5)
        c.drawString(X0, st["y"], t)
        c.setStrokeColor(HexColor("#E5E7EB"))
        c.setLineWidth(1)
        c.line(X0, st["y"] - 5, X1, st["y"] - 5)
        st["y"] -= 14

    def field(x, w, label, value):
        lab = wrap(label, "DV-B", 8, w)
        lines = []
        if value:
            for pi, p in enumerate(value.split("\n\n")):
                if pi:
                    lines.append("")
                lines.extend(wrap(p, "DV", 9, w - 12))
        h = len(lab) * 10 + max(1, len(lines)) * 11.5 + 12
        return lab, lines, h

    def draw_field(x, w, lab, lines, y):
        c.setFillColor(HexColor("#374151"))
        c.setFont("DV-B", 8)
        for ln in lab:
            c.drawString(x, y - 8, ln)
            y -= 10
        bh = max(1, len(lines)) * 11.5 + 6
        c.setFillColor(HexColor("#F3F4F6"))
        c.setStrokeColor(HexColor("#D1D5DB"))
        c.setLineWidth(0.6)
        c.roundRect(x, y - bh - 2, w, bh, 3, stroke=1, fill=1)
        c.setFillColor(HexColor("#111827"))
        c.setFont("DV", 9)
        yy = y - 12
        for ln in lines:
            c.drawString(x + 6, yy, ln)
            yy -= 11.5

    def text_fields(items):
        i = 0
        half = (X1 - X0 - 14) / 2
        while i < len(items):
            a = items[i]
            va = _value_text(a)
            short = lambda it, v: it["kind"] not in ("address", "para", "para1") and (v is None or len(v) < 38) and len(it["label"]) < 48
            if i + 1 < len(items) and short(a, va) and short(items[i + 1], _value_text(items[i + 1])):
                b = items[i + 1]
                la, lna, ha = field(X0, half, a["label"], va)
                lb, lnb, hb = field(X0 + half + 14, half, b["label"], _value_text(b))
                h = max(ha, hb) + 4
                need(h)
                draw_field(X0, half, la, lna, st["y"])
                draw_field(X0 + half + 14, half, lb, lnb, st["y"])
                st["y"] -= h
                i += 2
                continue
            lab, lines, h = field(X0, X1 - X0, a["label"], va)
            if h + 4 > st["y"] - 36:
                # long value: split it over pages
                per = int((st["y"] - 36 - len(lab) * 10 - 12) // 11.5)
                if per < 3:
                    new_page()
                    per = int((st["y"] - 36 - len(lab) * 10 - 12) // 11.5)
                draw_field(X0, X1 - X0, lab, lines[:per], st["y"])
                rest = lines[per:]
                new_page()
                while rest:
                    per = int((st["y"] - 36 - 12) // 11.5)
                    draw_field(X0, X1 - X0, [], rest[:per], st["y"])
                    st["y"] -= len(rest[:per]) * 11.5 + 14
                    rest = rest[per:]
                    if rest:
                        new_page()
                i += 1
                continue
            need(h + 4)
            draw_field(X0, X1 - X0, lab, lines, st["y"])
            st["y"] -= h + 4
            i += 1

    def pills(it):
        lab = wrap(it["label"], "DV-B", 8, X1 - X0)
        sizes = [pdfmetrics.stringWidth(o, "DV", 8.5) + 20 for o in it["opts"]]
        rows, cur, cw = [], [], 0
        for oi, wdt in enumerate(sizes):
            if cur and cw + wdt > X1 - X0:
                rows.append(cur)
                cur, cw = [], 0
            cur.append(oi)
            cw += wdt + 6
        rows.append(cur)
        h = len(lab) * 10 + len(rows) * 24 + 8
        need(h)
        c.setFillColor(HexColor("#374151"))
        c.setFont("DV-B", 8)
        y = st["y"]
        for ln in lab:
            c.drawString(X0, y - 8, ln)
            y -= 10
        y -= 4
        for r in rows:
            x = X0
            for oi in r:
                st["pills"] += 1
                faded = it["chosen"] != oi
                c.saveState()
                a = alpha if faded else 1
                if faded:
                    st["faded"] += 1
                acc = Color(accent.red, accent.green, accent.blue, alpha=a)
                c.setStrokeColor(acc)
                c.setFillColor(Color(1, 1, 1, alpha=a))
                c.setLineWidth(1)
                c.roundRect(x, y - 18, sizes[oi], 18, 9, stroke=1, fill=1)
                c.setFillColor(acc)
                c.setFont("DV", 8.5)
                c.drawString(x + 10, y - 12.5, it["opts"][oi])
                c.restoreState()
                x += sizes[oi] + 6
            y -= 24
        st["y"] -= h

    for s in f.sections:
        card_title(_child_title(s) if s["key"] == "child" else s["title"])
        if s["key"] == "agencies":
            need(30)
            c.setFont("DV-B", 8.5)
            c.setFillColor(HexColor("#374151"))
            c.drawString(X0, st["y"] - 8, s["label"])
            st["y"] -= 14
            w = (X1 - X0) / 3
            rows = [[lbl for lbl, _f in s["cols"]]] + [[r[fld] or "" for _l, fld in s["cols"]] for r in s["rows"]]
            if not s["rows"]:
                rows.append(["No agencies added", "", ""])
            for ri, r in enumerate(rows):
                cells = [wrap(v, "DV-B" if ri == 0 else "DV", 8.5, w - 8) for v in r]
                h = max(len(x) for x in cells) * 11 + 8
                need(h)
                if ri == 0:
                    c.setFillColor(HexColor("#F3F4F6"))
                    c.rect(X0, st["y"] - h, X1 - X0, h, stroke=0, fill=1)
                c.setStrokeColor(HexColor("#E5E7EB"))
                c.line(X0, st["y"] - h, X1, st["y"] - h)
                for ci, lines in enumerate(cells):
                    c.setFillColor(black)
                    c.setFont("DV-B" if ri == 0 else "DV", 8.5)
                    yy = st["y"] - 11
                    for ln in lines:
                        c.drawString(X0 + ci * w + 4, yy, ln)
                        yy -= 11
                st["y"] -= h
            continue
        buf_items = []
        for it in s["items"]:
            if it["kind"] == "choice":
                text_fields(buf_items)
                buf_items = []
                pills(it)
            else:
                buf_items.append(it)
        text_fields(buf_items)
    c.showPage()
    c.save()
    return {"_pages": st["page"], "alpha": alpha, "pills": st["pills"], "faded": st["faded"]}


# =========================================================================== P-FOOTNOTED

def _footnote_text(f: Form, it: dict, rng: random.Random) -> str:
    k = it["key"]
    d0 = f.meta["ref_date"]
    other_date = (d0 - dt.timedelta(days=rng.randint(1, 40)))
    od = f"{other_date.day} {MONTHS[other_date.month - 1]} {other_date.year}"
    fn, ln = rng.choice(["Karen", "Joel", "Bridget", "Owen", "Mina"]), rng.choice(["Ashby", "Trent", "Colley", "Marwood"])
    choices = {
        "date": [f"Date given by the family; the hospital record says {od}.", f"Confirmed with children's social care on {od}.",
                 "Date taken from the police log; not yet confirmed."],
        "phone": [f"Mobile used on weekdays only; out of hours ring the duty line, 0113 496 0{rng.randint(100, 999)}.",
                  "Please leave a voicemail if there is no answer."],
        "email": [f"Please copy in {fn.lower()}.{ln.lower()}@{f.sender['domain']} when replying.", "Checked and working."],
        "name": [f"On leave until {od}; contact {fn} {ln} in the meantime.", "Part-time (Monday to Wednesday)."],
        "text": [f"As recorded on {od}.", "Information from the school's records.", f"Told to {fn} {ln} by the mother.",
                 "To be confirmed."],
        "choice": [f"Reference {rng.randint(10, 99)}/{rng.randint(10000, 99999)}/{other_date:%y}.", f"Confirmed on {od}.",
                   "As far as we know."],
        "address": [f"Temporary address since {od}.", "The family may move to a refuge this week."],
    }
    kind = it["kind"]
    if (it.get("field") or "").startswith("children") and kind in ("name", "text"):
        return rng.choice(["As recorded by the school.", "Spelling checked with the family.", f"As given by the mother on {od}."])
    if kind in ("date",):
        return rng.choice(choices["date"])
    if kind in ("phone", "email", "address", "choice"):
        return rng.choice(choices[kind])
    if kind == "name":
        return rng.choice(choices["name"])
    return rng.choice(choices["text"])


def render_footnoted(buf, f: Form, rng: random.Random, total) -> dict:
    register_fonts()
    S = f.sender
    W, H = A4
    c = make_canvas(buf, f, "Microsoft\u00ae Word for Microsoft 365", "Microsoft\u00ae Word for Microsoft 365",
                    f"{S['form_ref']} referral", _when(f, 12, 40))
    symbols = f.variant % 3 == 2
    SYM = ["*", "\u2020", "\u2021", "\u00a7", "**", "\u2020\u2020", "\u2021\u2021", "\u00a7\u00a7", "***", "\u2020\u2020\u2020"]
    X0, X1 = 56, W - 56
    LW = rng.choice([0.34, 0.37, 0.4]) * (X1 - X0)
    dark = HexColor(rng.choice(["#1F3864", "#385623", "#3A3A3A", "#7B2C2C"]))
    shade = HexColor(rng.choice(["#F2F2F2", "#E7E6E6", "#DEEAF6"]))
    eligible = []
    for s in f.sections:
        for it in s.get("items", []):
            if it.get("text") and not it.get("filler") and it["kind"] in ("date", "phone", "email", "name", "text", "address", "choice"):
                if it["kind"] == "choice" and it["chosen"] is None:
                    continue
                eligible.append(id(it))
    nnotes = min(len(eligible), rng.randint(4, 9))
    marked = set(rng.sample(eligible, nnotes))
    st = {"page": 0, "y": 0, "notes": [], "count": 0}
    BOTTOM = 60

    version = rng.randint(2, 5)

    def furniture():
        c.setFont("DV", 7.5)
        c.setFillColor(HexColor("#C00000"))
        c.drawString(X0, H - 34, S["marking"])
        c.setFillColor(black)
        c.drawRightString(X1, H - 34, S["partnership"])
        c.drawString(X0, 30, f"{S['form_ref']} (v{version}) referral form")
        c.drawRightString(X1, 30, f"Page {st['page']} of {total or 9}")

    def notes_height(notes):
        if not notes:
            return 0
        h = 10
        for _m, t in notes:
            h += len(wrap(t, "DV", 7.5, X1 - X0 - 14)) * 9.5 + 1
        return h

    def flush_notes():
        if not st["notes"]:
            return
        h = notes_height(st["notes"])
        y = BOTTOM + h
        c.setStrokeColor(black)
        c.setLineWidth(0.5)
        c.line(X0, y, X0 + 110, y)
        y -= 9
        for m, t in st["notes"]:
            c.setFont("DV", 5.5)
            c.drawString(X0, y + 3, m)
            c.setFont("DV", 7.5)
            for ln in wrap(t, "DV", 7.5, X1 - X0 - 14):
                c.drawString(X0 + 12, y, ln)
                y -= 9.5
            y -= 1
        st["notes"] = []

    def new_page():
        if st["page"]:
            flush_notes()
            c.showPage()
        st["page"] += 1
        furniture()
        st["y"] = H - 56

    def room(h, extra_notes=()):
        return st["y"] - h >= BOTTOM + notes_height(st["notes"] + list(extra_notes)) + 6

    new_page()
    c.setFont("DV-B", 14)
    c.setFillColor(dark)
    c.drawString(X0, st["y"], S["partnership"])
    st["y"] -= 18
    c.setFont("DV-B", 11)
    c.setFillColor(black)
    c.drawString(X0, st["y"], S["title"])
    st["y"] -= 14
    c.setFont("DV", 8.5)
    c.drawString(X0, st["y"], f"From: {S['org']}")
    st["y"] -= 6
    for ln in wrap(f.guidance, "DV", 8, X1 - X0):
        st["y"] -= 10
        c.drawString(X0, st["y"], ln)
    st["y"] -= 8

    def bar(t):
        if not room(40):
            new_page()
        st["y"] -= 6
        c.setFillColor(dark)
        c.rect(X0, st["y"] - 16, X1 - X0, 16, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("DV-B", 9.5)
        c.drawString(X0 + 5, st["y"] - 11.5, t)
        st["y"] -= 16

    def answer_lines(it):
        if it["kind"] == "choice":
            v = it["opts"][it["chosen"]] if it["chosen"] is not None else ""
        else:
            v = _value_text(it) or ""
        lines = []
        for pi, p in enumerate(v.split("\n\n")):
            if pi:
                lines.append("")
            lines.extend(wrap(p, "DV", 9, X1 - X0 - LW - 14))
        return lines

    def row(label, lines, marker=None, note=None):
        lab = wrap(label, "DV-B", 8.5, LW - 8)
        extra = [(marker, note)] if marker else []
        i = 0
        first = True
        while True:
            avail_lines = max(0, int((st["y"] - BOTTOM - notes_height(st["notes"] + extra) - 10) // 11.5))
            need_lines = max(len(lab) if first else 0, len(lines) - i, 1)
            if avail_lines < min(need_lines, 3):
                new_page()
                continue
            take = min(len(lines) - i, avail_lines) if len(lines) - i > avail_lines else len(lines) - i
            h = max(len(lab) * 11.5 if first else 0, take * 11.5, 11.5) + 8
            c.setFillColor(shade)
            c.rect(X0, st["y"] - h, LW, h, stroke=0, fill=1)
            c.setStrokeColor(HexColor("#808080"))
            c.setLineWidth(0.5)
            c.rect(X0, st["y"] - h, X1 - X0, h, stroke=1, fill=0)
            c.line(X0 + LW, st["y"], X0 + LW, st["y"] - h)
            c.setFillColor(black)
            if first:
                c.setFont("DV-B", 8.5)
                yy = st["y"] - 12
                for ln in lab:
                    c.drawString(X0 + 4, yy, ln)
                    yy -= 11.5
            c.setFont("DV", 9)
            yy = st["y"] - 12
            chunk = lines[i:i + take]
            for j, ln in enumerate(chunk):
                c.drawString(X0 + LW + 5, yy, ln)
                last = (i + j == len(lines) - 1)
                if last and marker:
                    wln = pdfmetrics.stringWidth(ln, "DV", 9)
                    c.setFont("DV", 6)
                    c.drawString(X0 + LW + 5 + wln + 0.6, yy + 3.6, marker)
                    c.setFont("DV", 9)
                    st["notes"].append((marker, note))
                    extra = []
                yy -= 11.5
            st["y"] -= h
            i += take
            first = False
            if i >= len(lines):
                break
            new_page()

    for s in f.sections:
        bar(_child_title(s) if s["key"] == "child" else s["title"])
        if s["key"] == "agencies":
            w = (X1 - X0) / 3
            if not room(20):
                new_page()
            st["y"] -= 4
            c.setFillColor(black)
            c.setFont("DV-B", 8.5)
            c.drawString(X0, st["y"] - 8, s["label"])
            st["y"] -= 12
            rows = [[lbl for lbl, _f in s["cols"]]] + [[(r[fld] if r[fld] is not None else ("-" if s["dash_for_none"] else "")) for _l, fld in s["cols"]] for r in s["rows"]] + [["", "", ""]] * s["spare"]
            for ri, r in enumerate(rows):
                cells = [wrap(v, "DV-B" if ri == 0 else "DV", 8.5, w - 8) for v in r]
                h = max(len(x) for x in cells) * 11 + 7
                if not room(h):
                    new_page()
                if ri == 0:
                    c.setFillColor(shade)
                    c.rect(X0, st["y"] - h, X1 - X0, h, stroke=0, fill=1)
                c.setStrokeColor(HexColor("#808080"))
                c.rect(X0, st["y"] - h, X1 - X0, h, stroke=1, fill=0)
                for ci, lines in enumerate(cells):
                    if ci:
                        c.line(X0 + ci * w, st["y"], X0 + ci * w, st["y"] - h)
                    c.setFillColor(black)
                    c.setFont("DV-B" if ri == 0 else "DV", 8.5)
                    yy = st["y"] - 11
                    for ln in lines:
                        c.drawString(X0 + ci * w + 4, yy, ln)
                        yy -= 11
                st["y"] -= h
            continue
        for it in s["items"]:
            lines = answer_lines(it)
            if id(it) in marked:
                st["count"] += 1
                st.setdefault("labels", []).append(it["label"])
                marker = SYM[st["count"] - 1] if symbols else str(st["count"])
                row(it["label"], lines, marker, _footnote_text(f, it, rng))
                it.setdefault("_fn", marker)
            else:
                row(it["label"], lines)
    flush_notes()
    c.showPage()
    c.save()
    return {"_pages": st["page"], "footnotes": st["count"], "markers": "symbols" if symbols else "numbers",
            "footnoted": st.get("labels", [])}


# =========================================================================== P-OVERFLOW

BOX_LINES = {"i_summary": 5, "cr_reason": 3, "concerns": 3}


def render_overflow(buf, f: Form, rng: random.Random, total) -> dict:
    register_fonts()
    S = f.sender
    W, H = A4
    c = make_canvas(buf, f, "Microsoft\u00ae Word 2019", "Microsoft\u00ae Word 2019", f"{S['form_ref']} - referral form",
                    _when(f, 16, 5))
    X0, X1 = 50, W - 50
    LW = 0.36 * (X1 - X0)
    AW = X1 - X0 - LW - 12
    dark = HexColor(rng.choice(["#002060", "#1E4620", "#4A1942", "#303030"]))
    shade = HexColor(rng.choice(["#EFEFEF", "#E2EFDA", "#DDEBF7"]))
    marker_style = ["(continued on the continuation sheet)", "[continued on continuation sheet - box {n}]",
                    "... see continuation sheet, box {n}", "(cont. - see continuation sheet)"][f.variant % 4]
    FS, LH = 9, 11.5
    st = {"page": 0, "y": 0, "splits": 0}
    continuation = []  # (box number, label, list of lines)

    def furniture():
        c.setFont("DV", 7.5)
        c.setFillColor(HexColor("#C00000"))
        c.drawCentredString(W / 2, H - 30, S["marking"])
        c.setFillColor(black)
        c.drawString(X0, 26, f"{S['form_ref']}  {S['partnership']}")
        c.drawRightString(X1, 26, f"Page {st['page']} of {total or 9}")

    def new_page():
        if st["page"]:
            c.showPage()
        st["page"] += 1
        furniture()
        st["y"] = H - 50

    def need(h):
        if st["y"] - h < 46:
            new_page()

    new_page()
    c.setFont("DV-B", 13)
    c.setFillColor(dark)
    c.drawString(X0, st["y"], S["partnership"])
    st["y"] -= 16
    c.setFont("DV-B", 10.5)
    c.setFillColor(black)
    c.drawString(X0, st["y"], S["title"])
    st["y"] -= 6
    for ln in wrap(f.guidance + " If an answer does not fit in its box, continue it on the continuation sheet at the end of the form and give the box number.", "DV", 8, X1 - X0):
        st["y"] -= 10
        c.setFont("DV", 8)
        c.drawString(X0, st["y"], ln)
    st["y"] -= 6

    def bar(t, num):
        need(44)
        st["y"] -= 8
        c.setFillColor(dark)
        c.rect(X0, st["y"] - 16, X1 - X0, 16, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("DV-B", 9.5)
        c.drawString(X0 + 5, st["y"] - 11.5, f"{num}  {t}")
        st["y"] -= 16

    def draw_row(label, lines, fixed_lines=None, italic_last=False):
        lab = wrap(label, "DV-B", 8.5, LW - 8)
        n = fixed_lines if fixed_lines else max(len(lines), 1)
        h = max(len(lab), n) * LH + 8
        need(h)
        c.setFillColor(shade)
        c.rect(X0, st["y"] - h, LW, h, stroke=0, fill=1)
        c.setStrokeColor(HexColor("#7F7F7F"))
        c.setLineWidth(0.5)
        c.rect(X0, st["y"] - h, X1 - X0, h, stroke=1, fill=0)
        c.line(X0 + LW, st["y"], X0 + LW, st["y"] - h)
        c.setFillColor(black)
        c.setFont("DV-B", 8.5)
        yy = st["y"] - 12
        for ln in lab:
            c.drawString(X0 + 4, yy, ln)
            yy -= LH
        yy = st["y"] - 12
        for j, ln in enumerate(lines):
            c.setFont("DV-I" if italic_last and j == len(lines) - 1 else "DV", FS)
            c.drawString(X0 + LW + 6, yy, ln)
            yy -= LH
        st["y"] -= h

    def choice_line(it):
        parts = []
        for oi, o in enumerate(it["opts"]):
            parts.append(("\u2612 " if it["chosen"] == oi else "\u2610 ") + o)
        if it["group"] == "itype":
            return parts
        return wrap("    ".join(parts), "DV", FS, AW)

    def split_para(it, nlines, boxno):
        """Fit the answer into nlines - 1 lines plus a marker line; return (box lines, rest lines) or (lines, None)."""
        paras = it["lines"]
        laid = []
        for pi, p in enumerate(paras):
            if pi:
                laid.append(("", None))
            words = p.split(" ")
            line = []
            for wi, w in enumerate(words):
                cand = " ".join(line + [w])
                if pdfmetrics.stringWidth(cand, "DV", FS) <= AW:
                    line.append(w)
                else:
                    laid.append((" ".join(line), (pi, wi)))
                    line = [w]
            laid.append((" ".join(line), (pi, len(words))))
        if len(laid) <= nlines:
            return [t for t, _ in laid], None
        # words that fit in nlines - 1 lines
        keep = nlines - 1
        while keep > 0 and laid[keep - 1][1] is None:
            keep -= 1
        pi, wi = laid[keep - 1][1]
        if wi >= len(paras[pi].split(" ")):
            # never split exactly at the end of a paragraph: the continuation starts inside it, mid-sentence
            wi = max(1, wi - 3)
        words = paras[pi].split(" ")
        while wi > 1 and words[wi - 1][-1:] in ".!?:;":
            wi -= 1  # cut mid-sentence, so the continuation plainly carries on the same sentence
        head_words = words[:wi]
        rest_first = " ".join(words[wi:])
        head_paras = paras[:pi] + [" ".join(head_words)]
        rest_paras = [rest_first] + paras[pi + 1:]
        box = []
        for hi, p in enumerate(head_paras):
            if hi:
                box.append("")
            box.extend(wrap(p, "DV", FS, AW))
        box = box[:nlines - 1]
        box.append(marker_style.format(n=boxno))
        rest = []
        for ri, p in enumerate(rest_paras):
            if ri:
                rest.append("")
            rest.extend(wrap(p, "DV", FS, X1 - X0 - 70))
        st["splits"] += 1
        it["_split"] = {"head": " ".join(head_words[-4:]), "tail": " ".join(rest_first.split(" ")[:4])}
        return box, rest

    secno = 0
    for s in f.sections:
        secno += 1
        bar(_child_title(s) if s["key"] == "child" else s["title"], f"{secno}.")
        if s["key"] == "agencies":
            w = (X1 - X0) / 3
            need(16)
            c.setFillColor(black)
            c.setFont("DV-B", 8.5)
            st["y"] -= 2
            c.drawString(X0, st["y"] - 9, f"{secno}.1  {s['label']}")
            st["y"] -= 13
            rows_all = [[(r[fld] if r[fld] is not None else ("-" if s["dash_for_none"] else "")) for _l, fld in s["cols"]] for r in s["rows"]]
            shown = rows_all[:3]
            extra = rows_all[3:]
            rows = [[lbl for lbl, _f in s["cols"]]] + shown + [["", "", ""]] * (3 - len(shown))
            for ri, r in enumerate(rows):
                cells = [wrap(v, "DV-B" if ri == 0 else "DV", 8.5, w - 8) for v in r]
                h = max(1, max(len(x) for x in cells)) * 11 + 7
                need(h)
                if ri == 0:
                    c.setFillColor(shade)
                    c.rect(X0, st["y"] - h, X1 - X0, h, stroke=0, fill=1)
                c.setStrokeColor(HexColor("#7F7F7F"))
                c.rect(X0, st["y"] - h, X1 - X0, h, stroke=1, fill=0)
                for ci, lines in enumerate(cells):
                    if ci:
                        c.line(X0 + ci * w, st["y"], X0 + ci * w, st["y"] - h)
                    c.setFillColor(black)
                    c.setFont("DV-B" if ri == 0 else "DV", 8.5)
                    yy = st["y"] - 11
                    for ln in lines:
                        c.drawString(X0 + ci * w + 4, yy, ln)
                        yy -= 11
                st["y"] -= h
            if extra:
                need(14)
                c.setFont("DV-I", 8.5)
                c.drawString(X0, st["y"] - 10, f"Further agencies are listed on the continuation sheet (box {secno}.1).")
                st["y"] -= 14
                continuation.append((f"{secno}.1", f"{s['label']} (continued)", extra))
            continue
        qn = 0
        for it in s["items"]:
            qn += 1
            boxno = f"{secno}.{qn}"
            label = f"{boxno}  {it['label']}"
            if it["kind"] == "choice":
                draw_row(label, choice_line(it))
                continue
            if it["key"] in BOX_LINES and it.get("text") and not it.get("filler"):
                nl = BOX_LINES[it["key"]]
                box, rest = split_para(it, nl, boxno)
                draw_row(label, box, fixed_lines=nl, italic_last=rest is not None)
                if rest:
                    continuation.append((boxno, it["label"], rest))
                    st.setdefault("split_boxes", []).append(f"{boxno} {it['label']}")
                continue
            v = _value_text(it) or ""
            lines = []
            for pi, p in enumerate(v.split("\n\n")):
                if pi:
                    lines.append("")
                lines.extend(wrap(p, "DV", FS, AW))
            draw_row(label, lines, fixed_lines=BOX_LINES.get(it["key"]))
    # ---- the continuation sheet
    new_page()
    c.setFont("DV-B", 12)
    c.setFillColor(dark)
    c.drawString(X0, st["y"], "CONTINUATION SHEET")
    st["y"] -= 14
    c.setFont("DV", 8)
    c.setFillColor(black)
    c.drawString(X0, st["y"], "Use this sheet if you need more space for any answer. Give the box number in the left-hand column.")
    st["y"] -= 10
    for boxno, label, rest in continuation:
        if rest and isinstance(rest[0], list):
            need(30)
            st["y"] -= 6
            c.setFont("DV-B", 8.5)
            c.drawString(X0, st["y"] - 9, f"Box {boxno} - {label}")
            st["y"] -= 14
            w = (X1 - X0) / 3
            for r in rest:
                cells = [wrap(v, "DV", 8.5, w - 8) for v in r]
                h = max(1, max(len(x) for x in cells)) * 11 + 7
                need(h)
                c.setStrokeColor(HexColor("#7F7F7F"))
                c.rect(X0, st["y"] - h, X1 - X0, h, stroke=1, fill=0)
                for ci, lines in enumerate(cells):
                    if ci:
                        c.line(X0 + ci * w, st["y"], X0 + ci * w, st["y"] - h)
                    yy = st["y"] - 11
                    c.setFont("DV", 8.5)
                    for ln in lines:
                        c.drawString(X0 + ci * w + 4, yy, ln)
                        yy -= 11
                st["y"] -= h
            continue
        need(40)
        st["y"] -= 8
        c.setFont("DV-B", 9)
        c.drawString(X0, st["y"] - 10, boxno)
        c.setFont("DV-I", 8.5)
        c.drawString(X0 + 36, st["y"] - 10, f"{label} (continued)")
        st["y"] -= 14
        for ln in rest:
            need(LH + 2)
            c.setFont("DV", FS)
            c.drawString(X0 + 36, st["y"] - 10, ln)
            st["y"] -= LH
        st["y"] -= 4
        c.setStrokeColor(HexColor("#BFBFBF"))
        c.line(X0, st["y"], X1, st["y"])
    for _ in range(rng.choice([3, 5])):
        need(18)
        st["y"] -= 16
        c.setStrokeColor(HexColor("#BFBFBF"))
        c.line(X0, st["y"], X1, st["y"])
    c.showPage()
    c.save()
    return {"_pages": st["page"], "splits": st["splits"], "split_boxes": st.get("split_boxes", []), "continued_agencies": sum(1 for x in continuation if x[2] and isinstance(x[2][0], list)),
            "marker": marker_style}


PDF_LAYOUTS = {
    "P-APPSETTINGS": render_appsettings,
    "P-FORMMAIL": render_formmail,
    "P-FADEDOPTIONS": render_fadedoptions,
    "P-FOOTNOTED": render_footnoted,
    "P-OVERFLOW": render_overflow,
}
