"""unseen9: the five PDF layouts (reportlab, invariant mode)."""
import io

from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas as rl_canvas

from model import flatten, yn_word, choice_word

GREY = Color(0.55, 0.55, 0.55)
LIGHT = Color(0.92, 0.92, 0.92)
NAVY = Color(0.12, 0.22, 0.39)


def new_canvas(case, producer=None, pagesize=A4):
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=pagesize, invariant=1, pageCompression=0)
    c.setTitle(case.S["title"])
    c.setAuthor(case.S["org"])
    if producer:
        c.setProducer(producer)
    return c, buf


def furniture(c, case, page, w=595, h=842):
    c.setFont("Helvetica-Bold", 7.5)
    c.setFillColor(Color(0.75, 0, 0))
    c.drawCentredString(w / 2, h - 22, case.marking)
    c.setFillColor(black)
    c.setFont("Helvetica", 7)
    c.drawRightString(w - 36, h - 22, case.S["ref"])
    c.drawString(36, 20, case.version)
    c.drawRightString(w - 36, 20, f"Page {page}")


def wrap(s, font, size, width):
    return simpleSplit(s, font, size, width) or [""]


def long_lines(it, font, size, width):
    """Display lines for an item's answer; '' marks a paragraph gap."""
    k = it["k"]
    if k == "lines":
        return list(it["lines"] or [])
    if k == "paras":
        out = []
        for i, p in enumerate(it["paras"]):
            if i:
                out.append("")
            out += wrap(p, font, size, width)
        return out
    if k == "yn":
        v = yn_word(it)
    elif k == "choice":
        v = choice_word(it)
    else:
        v = it.get("value") or ""
    return wrap(v, font, size, width) if v else []


# ---------------------------------------------------------------- P-RALIGN
def p_ralign(case):
    rng = case.rng
    c, buf = new_canvas(case)
    radios = rng.random() < 0.5
    case.notes["yn_style"] = "radio dots" if radios else "word"
    LX, BX, BW = 212, 220, 340
    page = [1]
    y = [800]

    def newpage():
        furniture(c, case, page[0])
        c.showPage()
        page[0] += 1
        y[0] = 800

    def need(hh):
        if y[0] - hh < 50:
            newpage()

    c.setFont("Helvetica-Bold", 13)
    c.drawString(36, y[0], case.S["title"][:80])
    y[0] -= 16
    c.setFont("Helvetica", 9)
    c.drawString(36, y[0], case.S["org"] + "  >  " + case.S["partnership"])
    y[0] -= 14
    c.setFont("Helvetica-Oblique", 7.5)
    for ln in wrap(case.guidance, "Helvetica-Oblique", 7.5, 520):
        c.drawString(36, y[0], ln)
        y[0] -= 9
    y[0] -= 6
    for title, items, ci in flatten(case):
        need(40)
        c.setFillColor(NAVY)
        c.rect(36, y[0] - 4, 524, 15, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(40, y[0], title)
        c.setFillColor(black)
        y[0] -= 22
        for it in items:
            k = it["k"]
            lab = wrap(it["label"].strip(), "Helvetica-Bold", 8, 165)
            if k == "agencies":
                need(30 + 14 * (len(it["rows"]) + 1))
                c.setFont("Helvetica-Bold", 8)
                c.drawRightString(LX, y[0], lab[0])
                y[0] -= 6
                xs = [BX - 150, BX + 20, BX + 190, 560]
                xs = [70, 210, 380, 560]
                rows = [it["cols"]] + [[v or "" for v in r] for r in it["rows"]] + [["", "", ""]]
                for ri, r in enumerate(rows):
                    top = y[0]
                    c.setStrokeColor(GREY)
                    c.rect(xs[0], top - 14, xs[3] - xs[0], 14, stroke=1, fill=0)
                    for x in xs[1:3]:
                        c.line(x, top, x, top - 14)
                    c.setFont("Helvetica-Bold" if ri == 0 else "Helvetica", 8)
                    for j, v in enumerate(r):
                        c.drawString(xs[j] + 3, top - 10, v)
                    y[0] -= 14
                y[0] -= 10
                continue
            opts_mode = radios and k in ("yn", "choice")
            if opts_mode:
                ans = []
            else:
                ans = long_lines(it, "Helvetica", 9, BW - 10)
            n = max(len(lab), len(ans), 1)
            if opts_mode and k == "choice" and len(it["opts"]) > 3:
                n = max(n, len(it["opts"]))
            hh = n * 11 + 5
            need(hh + 4)
            top = y[0] + 9
            c.setStrokeColor(GREY)
            c.setFillColor(Color(0.97, 0.97, 1))
            c.rect(BX, top - hh, BW, hh, stroke=1, fill=1)
            c.setFillColor(black)
            c.setFont("Helvetica-Bold", 8)
            for i, ln in enumerate(lab):
                c.drawRightString(LX, y[0] - i * 11, ln)
            c.setFont("Helvetica", 9)
            if opts_mode:
                vertical = k == "choice" and len(it["opts"]) > 3
                x = BX + 8
                for j, o in enumerate(it["opts"]):
                    yy = y[0] - (j * 11 if vertical else 0)
                    xx = BX + 8 if vertical else x
                    c.circle(xx + 3, yy + 3, 3.2, stroke=1, fill=0)
                    if it["sel"] == j:
                        c.circle(xx + 3, yy + 3, 1.8, stroke=0, fill=1)
                    txt = o + (f": {it['spec']}" if it["sel"] == j and it.get("spec") else "")
                    c.drawString(xx + 10, yy, txt)
                    x += c.stringWidth(txt, "Helvetica", 9) + 26
            else:
                for i, ln in enumerate(ans):
                    c.drawString(BX + 5, y[0] - i * 11, ln)
                if not ans and k == "date":
                    c.setFillColor(GREY)
                    c.setFont("Helvetica-Oblique", 8)
                    c.drawString(BX + 5, y[0], "dd/mm/yyyy")
                    c.setFillColor(black)
            y[0] -= hh + 4
    furniture(c, case, page[0])
    c.showPage()
    c.save()
    return buf.getvalue()


# ---------------------------------------------------------------- P-ROT
def p_rot(case):
    """Landscape content on portrait pages carrying /Rotate 90; two panels per page."""
    # reportlab swaps the MediaBox for /Rotate 90, so a landscape pagesize gives a portrait MediaBox
    c, buf = new_canvas(case, pagesize=(A4[1], A4[0]))
    PW, PH = 842, 595
    panels = [30, 428]
    PWID = 384
    st = dict(panel=0, y=PH - 70, page=1)

    def begin():
        c.setPageRotation(90)
        c.saveState()
        c.translate(595, 0)
        c.rotate(90)
        furniture(c, case, st["page"], PW, PH)

    def end():
        c.restoreState()
        c.showPage()

    def advance(hh):
        if st["y"] - hh < 40:
            if st["panel"] == 0:
                st["panel"], st["y"] = 1, PH - 70
            else:
                end()
                st["page"] += 1
                st["panel"], st["y"] = 0, PH - 50
                begin()

    begin()
    c.setFont("Helvetica-Bold", 12)
    c.drawString(30, PH - 42, case.S["title"])
    c.setFont("Helvetica", 7)
    c.drawString(30, PH - 54, case.guidance[:190])
    for title, items, ci in flatten(case):
        advance(36)
        x = panels[st["panel"]]
        c.setFillColor(NAVY)
        c.rect(x, st["y"] - 3, PWID, 13, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(x + 4, st["y"], title)
        c.setFillColor(black)
        st["y"] -= 16
        for it in items:
            x = panels[st["panel"]]
            k = it["k"]
            if k == "agencies":
                rows = [it["cols"]] + [[v or "" for v in r] for r in it["rows"]]
                advance(14 + 12 * len(rows))
                x = panels[st["panel"]]
                c.setFont("Helvetica-Bold", 7.5)
                c.drawString(x + 2, st["y"], it["label"])
                st["y"] -= 12
                cw = [100, 152, 132]
                for ri, r in enumerate(rows):
                    c.setStrokeColor(GREY)
                    c.rect(x, st["y"] - 3, PWID, 12, stroke=1, fill=0)
                    xx = x
                    for j, v in enumerate(r):
                        c.setFont("Helvetica-Bold" if ri == 0 else "Helvetica", 7)
                        c.drawString(xx + 2, st["y"], v)
                        xx += cw[j]
                    st["y"] -= 12
                st["y"] -= 4
                continue
            lab = wrap(it["label"].strip(), "Helvetica-Bold", 7.5, 122)
            ans = long_lines(it, "Helvetica", 8, 246)
            n = max(len(lab), len(ans), 1)
            hh = n * 10 + 3
            advance(hh)
            x = panels[st["panel"]]
            top = st["y"] + 8
            c.setFillColor(LIGHT)
            c.rect(x, top - hh, 128, hh, stroke=0, fill=1)
            c.setFillColor(black)
            c.setStrokeColor(GREY)
            c.rect(x, top - hh, PWID, hh, stroke=1, fill=0)
            c.line(x + 128, top, x + 128, top - hh)
            c.setFont("Helvetica-Bold", 7.5)
            for i, ln in enumerate(lab):
                c.drawString(x + 3, st["y"] - i * 10, ln)
            c.setFont("Helvetica", 8)
            for i, ln in enumerate(ans):
                c.drawString(x + 132, st["y"] - i * 10, ln)
            st["y"] -= hh
    end()
    c.save()
    return buf.getvalue()


# ---------------------------------------------------------------- P-COMB
def p_comb(case):
    rng = case.rng
    c, buf = new_canvas(case, producer="Adobe Acrobat Pro (64-bit) 24.2.20759")
    af = c.acroForm
    names = {}
    counters = {"Group": 0, "Check Box": 0}

    def fname(label):
        base = label.strip().replace(".", "").rstrip("?:")
        names[base] = names.get(base, 0) + 1
        return base if names[base] == 1 else f"{base}_{names[base]}"

    def nxt(kind):
        counters[kind] += 1
        return f"{kind}{counters[kind]}"

    st = dict(y=770, page=1)

    def need(hh):
        if st["y"] - hh < 50:
            furniture(c, case, st["page"])
            c.showPage()
            st["page"] += 1
            st["y"] = 790

    c.setFont("Helvetica-Bold", 13)
    c.drawString(36, 800, case.S["title"][:78])
    c.setFont("Helvetica", 7.5)
    for i, ln in enumerate(wrap(case.guidance, "Helvetica", 7.5, 520)[:3]):
        c.drawString(36, 786 - i * 9, ln)
    st["y"] = 750
    FX, FW = 230, 325
    for title, items, ci in flatten(case):
        need(40)
        c.setFillColor(LIGHT)
        c.rect(36, st["y"] - 4, 524, 15, stroke=0, fill=1)
        c.setFillColor(black)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(40, st["y"], title)
        st["y"] -= 22
        for it in items:
            k = it["k"]
            lab = it["label"].strip()
            c.setFont("Helvetica", 8.5)
            if k == "agencies":
                nrows = max(3, len(it["rows"]) + 1)
                need(20 + 16 * (nrows + 1))
                c.drawString(40, st["y"], lab)
                st["y"] -= 14
                xs, ws = [40, 200, 380], [156, 176, 176]
                c.setFont("Helvetica-Bold", 8)
                for j, col in enumerate(it["cols"]):
                    c.drawString(xs[j], st["y"], col)
                st["y"] -= 16
                for r in range(nrows):
                    vals = it["rows"][r] if r < len(it["rows"]) else [None, None, None]
                    for j, col in enumerate(["Name", "Agency", "Contact"]):
                        af.textfield(name=f"{col}Row{r + 1}", tooltip=f"{col}Row{r + 1}", value=vals[j] or "", x=xs[j], y=st["y"] - 3,
                                     width=ws[j], height=14, fontSize=8, borderWidth=0.5, fontName="Helvetica")
                    st["y"] -= 16
                st["y"] -= 4
                continue
            lab_lines = wrap(lab, "Helvetica", 8.5, 180)
            if k in ("yn",) or (k == "choice" and it["key"] != "inc.type"):
                need(20)
                for i, ln in enumerate(lab_lines):
                    c.drawString(40, st["y"] - i * 10, ln)
                g = nxt("Group")
                x = FX
                for j, o in enumerate(it["opts"]):
                    af.radio(name=g, value=f"Choice{j + 1}", selected=(it["sel"] == j), x=x, y=st["y"] - 2, size=10,
                             buttonStyle="circle", borderWidth=0.8, shape="circle")
                    c.drawString(x + 13, st["y"], o)
                    x += 28 + c.stringWidth(o, "Helvetica", 8.5)
                st["y"] -= max(16, 10 * len(lab_lines) + 6)
            elif k == "choice":
                need(16 * len(it["opts"]) + 24)
                c.drawString(40, st["y"], lab)
                for j, o in enumerate(it["opts"]):
                    af.checkbox(name=nxt("Check Box"), checked=(it["sel"] == j), x=FX, y=st["y"] - 2, size=10, buttonStyle="check", borderWidth=0.8)
                    c.drawString(FX + 14, st["y"], o)
                    st["y"] -= 15
                c.drawString(FX, st["y"], "If other, please specify:")
                af.textfield(name=fname("If other please specify"), value=it.get("spec") or "", x=FX + 100, y=st["y"] - 3, width=FW - 100,
                             height=14, fontSize=8, borderWidth=0.5)
                st["y"] -= 20
            elif k == "date":
                need(22)
                for i, ln in enumerate(lab_lines):
                    c.drawString(40, st["y"] - i * 10, ln)
                v = it["value"] or ""
                if it.get("date") is not None:
                    from model import fmt_date
                    v = fmt_date(it["date"], "comb")
                c.setFont("Helvetica", 6)
                c.setFillColor(GREY)
                c.drawString(FX + 4, st["y"] + 14, "D    D      M    M       Y     Y      Y     Y")
                c.setFillColor(black)
                af.textfield(name=fname(lab), tooltip=lab, value=v if len(v) <= 8 else "", x=FX, y=st["y"] - 4, width=120, height=16,
                             fontSize=10, borderWidth=0.8, maxlen=8, fieldFlags="comb", fontName="Helvetica")
                st["y"] -= max(26, 10 * len(lab_lines) + 8)
            else:
                multi = k in ("lines", "paras") or it.get("kind") == "long"
                if k == "lines":
                    v = "\n".join(it["lines"] or [])
                elif k == "paras":
                    v = "\n\n".join(it["paras"])
                else:
                    v = it.get("value") or ""
                if multi:
                    nl = len(wrap(v.replace("\n", " "), "Helvetica", 8, FW - 8)) + v.count("\n") + 1
                    hh = max(30, 10 * nl + 6)
                else:
                    hh = 15
                need(hh + 8)
                for i, ln in enumerate(lab_lines):
                    c.drawString(40, st["y"] - i * 10, ln)
                comb_phone = it.get("kind") == "phone" and v and len(v) <= 16 and rng.random() < 0.4
                af.textfield(name=fname(lab), tooltip=lab, value=v, x=FX, y=st["y"] + 10 - hh, width=FW if not comb_phone else 16 * 12,
                             height=hh, fontSize=8 if multi else 9, borderWidth=0.8,
                             fieldFlags="multiline" if multi else ("comb" if comb_phone else ""), maxlen=16 if comb_phone else 0,
                             fontName="Helvetica")
                st["y"] -= max(hh + 6, 10 * len(lab_lines) + 6)
    furniture(c, case, st["page"])
    c.showPage()
    c.save()
    return buf.getvalue()


# ---------------------------------------------------------------- P-XLSX
def p_xlsx(case):
    rng = case.rng
    headings = rng.random() < 0.5
    fname = rng.choice(["Referral form v3.2.xlsx", "RR_referral_template.xlsx", "SCP referral (2).xlsx"])
    case.notes["print_headings"] = headings
    case.notes["workbook"] = fname
    c, buf = new_canvas(case, producer="Microsoft\u00ae Excel\u00ae for Microsoft 365")
    X0 = 60 if headings else 40
    CW = [170, 90, 90, 90, 90]
    xs = [X0]
    for w in CW:
        xs.append(xs[-1] + w)
    RH = 14
    st = dict(page=0, row=0, y=0)

    def page(sheet):
        if st["page"]:
            c.showPage()
        st["page"] += 1
        st["row"], st["y"] = 0, 790
        c.setFont("Helvetica", 8)
        c.drawString(40, 815, fname)
        c.drawCentredString(297, 815, sheet)
        c.drawCentredString(297, 22, f"Page {st['page']}")
        if headings:
            c.setFont("Helvetica", 7)
            for j in range(len(CW)):
                c.setFillColor(LIGHT)
                c.rect(xs[j], st["y"], CW[j], 11, stroke=1, fill=1)
                c.setFillColor(black)
                c.drawCentredString(xs[j] + CW[j] / 2, st["y"] + 3, "ABCDE"[j])

    def row(label, lines, bold=False, fill=None, span=True, right=False, cells=None):
        n = max(1, len(lines))
        hh = RH if n == 1 else 11 * n + 4
        if st["y"] - hh < 40:
            page(cur_sheet[0] + " (cont.)")
        st["row"] += 1
        top = st["y"]
        c.setStrokeColor(Color(0.8, 0.8, 0.8))
        c.setLineWidth(0.4)
        if fill:
            c.setFillColor(fill)
            c.rect(xs[0], top - hh, xs[-1] - xs[0], hh, stroke=0, fill=1)
            c.setFillColor(black)
        if cells is not None:  # agencies: A | B:C merged | D:E merged
            for x1, x2 in ((xs[0], xs[1]), (xs[1], xs[3]), (xs[3], xs[5])):
                c.rect(x1, top - hh, x2 - x1, hh, stroke=1, fill=0)
        else:
            c.rect(xs[0], top - hh, CW[0], hh, stroke=1, fill=0)
            c.rect(xs[1], top - hh, xs[-1] - xs[1], hh, stroke=1, fill=0)
        if headings:
            c.setFont("Helvetica", 7)
            c.setFillColor(LIGHT)
            c.rect(X0 - 20, top - hh, 20, hh, stroke=1, fill=1)
            c.setFillColor(black)
            c.drawCentredString(X0 - 10, top - 10, str(st["row"]))
        if cells is not None:
            for j, v in enumerate(cells):
                c.setFont("Helvetica-Bold" if bold else "Helvetica", 8)
                c.drawString((xs[0], xs[1], xs[3])[j] + 2, top - 10, v)
        else:
            c.setFont("Helvetica-Bold", 8.5)
            for i, ln in enumerate(wrap(label, "Helvetica-Bold", 8.5, CW[0] - 4)[:max(1, n)]):
                c.drawString(xs[0] + 2, top - 10 - i * 11, ln)
            c.setFont("Helvetica", 8.5)
            for i, ln in enumerate(lines):
                if right:
                    c.drawRightString(xs[-1] - 3, top - 10 - i * 11, ln)
                else:
                    c.drawString(xs[1] + 2, top - 10 - i * 11, ln)
        st["y"] -= hh

    cur_sheet = [""]
    secs = flatten(case)
    for si, (title, items, ci) in enumerate(secs):
        sheet = title.split(" - ")[0] if ci is None else f"Child {ci + 1}"
        if si == 0 or ci is not None or len(items) > 4 or rng.random() < 0.5:
            cur_sheet[0] = sheet
            page(sheet)
            if si == 0:
                c.setFont("Helvetica-Bold", 12)
                st["y"] -= 4
                c.drawString(xs[0] + 2, st["y"] - 12, case.S["title"])
                st["y"] -= 20
                st["row"] += 1
        row(title, [], bold=True, fill=Color(0.85, 0.89, 0.95))
        for it in items:
            k = it["k"]
            if k == "agencies":
                row(it["label"], ["(rows below)"] if it["rows"] else ["None"])
                if it["rows"]:
                    row("", [], cells=list(it["cols"]), bold=True)
                    for r in it["rows"]:
                        row("", [], cells=[v or "" for v in r])
                continue
            lines = long_lines(it, "Helvetica", 8.5, xs[-1] - xs[1] - 6)
            row(it["label"].strip(), lines, right=(k == "date" and it.get("date") is not None))
    c.showPage()
    c.save()
    return buf.getvalue()


# ---------------------------------------------------------------- P-CRYSTAL
def p_crystal(case):
    rng = case.rng
    boolean = rng.random() < 0.5
    dt_time = rng.random() < 0.5
    case.notes["yn_style"] = "True/False" if boolean else "Y/N"
    case.notes["datetime_fields"] = dt_time
    c, buf = new_canvas(case, producer="Crystal Reports")
    printed = f"{rng.randrange(1, 28):02d}/{rng.randrange(1, 13):02d}/2026 {rng.randrange(8, 18):02d}:{rng.randrange(0, 60):02d}"
    case.notes["decoys"].append("Printed date")
    ops = {"line": [], "label": [], "field": [], "furn": []}
    pages = []
    st = dict(y=735)

    def flush():
        pages.append({k: list(v) for k, v in ops.items()})
        for k in ops:
            ops[k] = []
        st["y"] = 770

    def need(hh):
        if st["y"] - hh < 50:
            flush()

    def T(kind, font, size, x, y, s):
        ops[kind].append((font, size, x, y, s))

    def disp(it):
        k = it["k"]
        if k == "yn":
            if it["sel"] is None:
                return ""
            if boolean:
                return ["True", "False", ""][it["sel"]]
            return ["Y", "N", it["opts"][2]][it["sel"]]
        if k == "date" and it.get("date") is not None and dt_time:
            from model import fmt_date
            return fmt_date(it["date"], "crystal")
        return None

    for title, items, ci in flatten(case):
        need(40)
        T("label", "Helvetica-Bold", 10, 40, st["y"], title)
        ops["line"].append((40, st["y"] - 3, 555, st["y"] - 3))
        st["y"] -= 18
        for it in items:
            k = it["k"]
            if k == "agencies":
                need(30 + 11 * len(it["rows"]))
                T("label", "Helvetica-Bold", 8, 40, st["y"], it["label"])
                st["y"] -= 12
                for j, col in enumerate(it["cols"]):
                    T("label", "Helvetica-BoldOblique", 8, [60, 210, 390][j], st["y"], col)
                st["y"] -= 11
                for r in it["rows"]:
                    for j, v in enumerate(r):
                        if v:
                            T("field", "Helvetica", 8, [60, 210, 390][j], st["y"], v)
                    st["y"] -= 11
                st["y"] -= 6
                continue
            d = disp(it)
            ans = [d] if d is not None else long_lines(it, "Helvetica", 8.5, 340)
            lab = wrap(it["label"].strip(), "Helvetica-Bold", 8, 160)
            n = max(len(lab), len(ans), 1)
            need(n * 11 + 2)
            for i, ln in enumerate(lab):
                T("label", "Helvetica-Bold", 8, 40, st["y"] - i * 11, ln)
            for i, ln in enumerate(ans):
                if ln:
                    T("field", "Helvetica", 8.5, 210, st["y"] - i * 11, ln)
            st["y"] -= n * 11 + 3
    flush()
    N = len(pages)
    for pi, p in enumerate(pages):
        # design order: boxes and lines, then database fields (in the report's field order, not reading order),
        # then the static labels, then page header and footer
        c.setLineWidth(0.5)
        for (x1, y1, x2, y2) in p["line"]:
            c.line(x1, y1, x2, y2)
        fields = list(p["field"])
        rng.shuffle(fields)
        for grp in (fields, p["label"]):
            for font, size, x, y, s in grp:
                c.setFont(font, size)
                c.drawString(x, y, s)
        c.setFont("Helvetica-Bold", 12)
        c.drawString(40, 805, case.S["title"][:80])
        c.setFont("Helvetica", 7.5)
        c.drawString(40, 792, case.S["org"])
        c.drawRightString(555, 792, f"Printed: {printed}")
        if pi == 0:
            for i, ln in enumerate(wrap(case.guidance, "Helvetica-Oblique", 7, 515)):
                c.setFont("Helvetica-Oblique", 7)
                c.drawString(40, 780 - i * 8, ln)
        c.setFont("Helvetica", 7)
        c.drawString(40, 22, "RR_Referral.rpt   " + case.marking)
        c.drawRightString(555, 22, f"Page {pi + 1} of {N}")
        c.showPage()
    c.save()
    return buf.getvalue()


LAYOUTS = {"P-RALIGN": p_ralign, "P-ROT": p_rot, "P-COMB": p_comb, "P-XLSX": p_xlsx, "P-CRYSTAL": p_crystal}
