"""The five Word layouts of unseen24."""

from __future__ import annotations

import io
import zlib

from PIL import Image, ImageDraw

import wml
from wml import esc, p, r, tbl, tc, tr

GLYPH_ON, GLYPH_OFF = "\u2612", "\u2610"
DATE_KEYS = ("date_of_referral", "inc_date", "la_aware", "panel_date")


def head_foot(spec, color="595959"):
    head = p([r(spec["marking"], bold=True, size=9, color="C00000"), r("\t" + spec["partnership"], size=8, color=color)],
             ppr_extra='<w:tabs><w:tab w:val="right" w:pos="9900"/></w:tabs>')
    foot = p([r(spec["footer"] + "\tPage ", size=8, color=color), wml.page_field()],
             ppr_extra='<w:tabs><w:tab w:val="right" w:pos="9900"/></w:tabs>')
    return head, foot


def value_paras(row, size=None):
    if row["t"] == "paras":
        return "".join(p(r(x, size=size)) for x in row["paras"]) or p()
    v = row.get("value")
    if v is None:
        return p()
    return "".join(p(r(line, size=size)) for line in v.split("\n"))


def choice_word(row):
    if row["chosen"] is None:
        return ""
    w = row["options"][row["chosen"]]
    if row.get("details") and row["chosen"] == len(row["options"]) - 1:
        w += f" - {row['details']}"
    return w


def glyph_line(row):
    parts = []
    for i, o in enumerate(row["options"]):
        parts.append(r(GLYPH_ON if i == row["chosen"] else GLYPH_OFF, font="MS Gothic"))
        parts.append(r(f" {o}   "))
    if row.get("details") and row["chosen"] == len(row["options"]) - 1:
        parts.append(r(f"Details: {row['details']}"))
    return p(parts)


def agencies_table(row, widths=(3300, 3000, 3600), shade="D9E2F3"):
    rows = [tr([tc(p(r(c, bold=True)), w, shade=shade) for c, w in zip(row["cols"], widths)], header=True)]
    for a in row["rows"]:
        rows.append(tr([tc(p(r(x)) if x else p(), w) for x, w in zip(a, widths)]))
    rows.append(tr([tc(p(), w) for w in widths]))
    return tbl(rows, list(widths))


def section_table(sec, choice_fn, lw=3900, vw=6000, shade_label="F2F2F2", title_shade="1F3864", title=True):
    rows = []
    if title:
        rows.append(tr([tc(p(r(sec["title"], bold=True, color="FFFFFF")), lw + vw, shade=title_shade, span=2)]))
    out = []
    for row in sec["rows"]:
        if row["t"] == "agencies":
            out.append(row)
            continue
        if row["t"] == "choice":
            val = choice_fn(row)
            if not val.startswith("<"):
                val = p(r(val)) if val else p()
        else:
            val = value_paras(row)
        rows.append(tr([tc(p(r(row["label"], bold=True)), lw, shade=shade_label), tc(val, vw)]))
    return tbl(rows, [lw, vw]), out


# --------------------------------------------------------------------------- W-SMARTART

def _guid(rng):
    h = "%032X" % rng.getrandbits(128)
    return "{%s-%s-%s-%s-%s}" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


DGM_NS = ('xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def smartart_parts(rng, nodes, layout_id, horizontal, fill):
    """nodes: list of (list of (text, bold)). Returns data, layout, style, colors, drawing xml and (cx, cy)."""
    doc = _guid(rng)
    pts = [f'<dgm:pt modelId="{doc}" type="doc"><dgm:prSet loTypeId="{layout_id}" loCatId="process" '
           f'qsTypeId="urn:microsoft.com/office/officeart/2005/8/quickstyle/simple1" qsCatId="simple" '
           f'csTypeId="urn:microsoft.com/office/officeart/2005/8/colors/accent1_2" csCatId="accent1" phldr="0"/>'
           f'<dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB"/></a:p></dgm:t></dgm:pt>']
    cxns = []
    ids = []
    for i, lines in enumerate(nodes):
        nid, par, sib, cx = _guid(rng), _guid(rng), _guid(rng), _guid(rng)
        ids.append(nid)
        paras = "".join(f'<a:p><a:r><a:rPr lang="en-GB"{" b=" + chr(34) + "1" + chr(34) if b else ""} dirty="0"/><a:t>{esc(t)}</a:t></a:r></a:p>'
                        for t, b in lines)
        pts.append(f'<dgm:pt modelId="{nid}"><dgm:prSet phldrT="[Text]"/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/>{paras}</dgm:t></dgm:pt>')
        pts.append(f'<dgm:pt modelId="{par}" type="parTrans" cxnId="{cx}"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB"/></a:p></dgm:t></dgm:pt>')
        pts.append(f'<dgm:pt modelId="{sib}" type="sibTrans" cxnId="{cx}"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB"/></a:p></dgm:t></dgm:pt>')
        cxns.append(f'<dgm:cxn modelId="{cx}" srcId="{doc}" destId="{nid}" srcOrd="{i}" destOrd="0" parTransId="{par}" sibTransId="{sib}"/>')
    data = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<dgm:dataModel {DGM_NS}><dgm:ptLst>{"".join(pts)}</dgm:ptLst>'
            f'<dgm:cxnLst>{"".join(cxns)}</dgm:cxnLst><dgm:bg/><dgm:whole/>'
            f'<dgm:extLst><a:ext uri="http://schemas.microsoft.com/office/drawing/2008/diagram">'
            f'<dsp:dataModelExt xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram" relId="RELID" '
            f'minVer="http://schemas.openxmlformats.org/drawingml/2006/diagram"/></a:ext></dgm:extLst></dgm:dataModel>')
    n = max(len(nodes), 1)
    if horizontal:
        W, gap = 6120000, 90000
        w = (W - gap * (n - 1)) // n
        h = 1150000
        boxes = [(i * (w + gap), 300000, w, h) for i in range(n)]
        cx, cy = W, h + 600000
    else:
        w, h, gap = 5900000, 620000, 70000
        boxes = [(0, i * (h + gap), w, h) for i in range(n)]
        cx, cy = w, n * (h + gap)
    shapes = []
    for (x, y, bw, bh), nid, lines in zip(boxes, ids, nodes):
        paras = "".join(f'<a:p><a:pPr algn="{"ctr" if horizontal else "l"}"/><a:r><a:rPr lang="en-GB" sz="{900 if horizontal else 1000}"'
                        f'{" b=" + chr(34) + "1" + chr(34) if b else ""}><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:rPr><a:t>{esc(t)}</a:t></a:r></a:p>'
                        for t, b in lines)
        shapes.append(f'<dsp:sp modelId="{nid}"><dsp:nvSpPr><dsp:cNvPr id="0" name=""/><dsp:cNvSpPr/></dsp:nvSpPr>'
                      f'<dsp:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{bw}" cy="{bh}"/></a:xfrm>'
                      f'<a:prstGeom prst="{"homePlate" if horizontal else "roundRect"}"><a:avLst/></a:prstGeom>'
                      f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill><a:ln w="12700"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></dsp:spPr>'
                      f'<dsp:style><a:lnRef idx="2"><a:scrgbClr r="0" g="0" b="0"/></a:lnRef><a:fillRef idx="1"><a:scrgbClr r="0" g="0" b="0"/></a:fillRef>'
                      f'<a:effectRef idx="0"><a:scrgbClr r="0" g="0" b="0"/></a:effectRef><a:fontRef idx="minor"><a:srgbClr val="FFFFFF"/></a:fontRef></dsp:style>'
                      f'<dsp:txBody><a:bodyPr spcFirstLastPara="0" vert="horz" wrap="square" lIns="45720" tIns="45720" rIns="45720" bIns="45720" '
                      f'numCol="1" spcCol="1270" anchor="ctr" anchorCtr="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>{paras}</dsp:txBody>'
                      f'<dsp:txXfrm><a:off x="{x}" y="{y}"/><a:ext cx="{bw}" cy="{bh}"/></dsp:txXfrm></dsp:sp>')
    drawing = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<dsp:drawing xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
               f'xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
               f'<dsp:spTree><dsp:nvGrpSpPr><dsp:cNvPr id="0" name=""/><dsp:cNvGrpSpPr/></dsp:nvGrpSpPr><dsp:grpSpPr/>{"".join(shapes)}</dsp:spTree></dsp:drawing>')
    layout = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<dgm:layoutDef {DGM_NS} uniqueId="{layout_id}">'
              f'<dgm:title val=""/><dgm:desc val=""/><dgm:catLst><dgm:cat type="{"process" if horizontal else "list"}" pri="1000"/></dgm:catLst>'
              f'<dgm:layoutNode name="diagram"><dgm:alg type="lin"><dgm:param type="linDir" val="{"fromL" if horizontal else "fromT"}"/></dgm:alg>'
              f'<dgm:shape r:blip=""><dgm:adjLst/></dgm:shape><dgm:presOf/>'
              f'<dgm:forEach name="Name0" axis="ch" ptType="node"><dgm:layoutNode name="node"><dgm:alg type="tx"/>'
              f'<dgm:shape type="{"homePlate" if horizontal else "roundRect"}" r:blip=""><dgm:adjLst/></dgm:shape>'
              f'<dgm:presOf axis="desOrSelf" ptType="node"/></dgm:layoutNode></dgm:forEach></dgm:layoutNode></dgm:layoutDef>')
    style = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<dgm:styleDef {DGM_NS} uniqueId="urn:microsoft.com/office/officeart/2005/8/quickstyle/simple1">'
             f'<dgm:title val=""/><dgm:desc val=""/><dgm:catLst><dgm:cat type="simple" pri="10100"/></dgm:catLst>'
             f'<dgm:scene3d><a:camera prst="orthographicFront"/><a:lightRig rig="threePt" dir="t"/></dgm:scene3d>'
             f'<dgm:styleLbl name="node1"><dgm:scene3d><a:camera prst="orthographicFront"/><a:lightRig rig="threePt" dir="t"/></dgm:scene3d><dgm:sp3d/><dgm:txPr/>'
             f'<dgm:style><a:lnRef idx="2"><a:scrgbClr r="0" g="0" b="0"/></a:lnRef><a:fillRef idx="1"><a:scrgbClr r="0" g="0" b="0"/></a:fillRef>'
             f'<a:effectRef idx="0"><a:scrgbClr r="0" g="0" b="0"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></dgm:style></dgm:styleLbl></dgm:styleDef>')
    colors = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<dgm:colorsDef {DGM_NS} uniqueId="urn:microsoft.com/office/officeart/2005/8/colors/accent1_2">'
              f'<dgm:title val=""/><dgm:desc val=""/><dgm:catLst><dgm:cat type="accent1" pri="11200"/></dgm:catLst>'
              f'<dgm:styleLbl name="node1"><dgm:fillClrLst meth="repeat"><a:schemeClr val="accent1"/></dgm:fillClrLst>'
              f'<dgm:linClrLst meth="repeat"><a:schemeClr val="lt1"/></dgm:linClrLst><dgm:effectClrLst/><dgm:txLinClrLst/>'
              f'<dgm:txFillClrLst meth="repeat"><a:schemeClr val="lt1"/></dgm:txFillClrLst><dgm:txEffectClrLst/></dgm:styleLbl></dgm:colorsDef>')
    return data, layout, style, colors, drawing, (cx, cy)


def add_smartart(pk, rng, k, nodes, layout_id, horizontal, fill, docpr_id):
    data, layout, style, colors, drawing, (cx, cy) = smartart_parts(rng, nodes, layout_id, horizontal, fill)
    src = "word/document.xml"
    dm = pk.rel(src, "diagramData", f"diagrams/data{k}.xml")
    lo = pk.rel(src, "diagramLayout", f"diagrams/layout{k}.xml")
    qs = pk.rel(src, "diagramQuickStyle", f"diagrams/quickStyle{k}.xml")
    cs = pk.rel(src, "diagramColors", f"diagrams/colors{k}.xml")
    dr = pk.rel(src, "http://schemas.microsoft.com/office/2007/relationships/diagramDrawing", f"diagrams/drawing{k}.xml")
    data = data.replace("RELID", dr)
    V = "application/vnd.openxmlformats-officedocument.drawingml."
    pk.add(f"word/diagrams/data{k}.xml", data, V + "diagramData+xml")
    pk.add(f"word/diagrams/layout{k}.xml", layout, V + "diagramLayout+xml")
    pk.add(f"word/diagrams/quickStyle{k}.xml", style, V + "diagramStyle+xml")
    pk.add(f"word/diagrams/colors{k}.xml", colors, V + "diagramColors+xml")
    pk.add(f"word/diagrams/drawing{k}.xml", drawing, "application/vnd.ms-office.drawingml.diagramDrawing+xml")
    return (f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{docpr_id}" name="Diagram {docpr_id}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
            f'<dgm:relIds r:dm="{dm}" r:lo="{lo}" r:qs="{qs}" r:cs="{cs}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


def w_smartart(spec, rng, ctx):
    """Key dates as a SmartArt timeline, agencies as a SmartArt box list; the rest label | answer tables."""
    head, foot = head_foot(spec)
    pk = wml.basic_package("", head, foot, spec["title"], creator=ctx["creator"], company=spec["org"])
    L = ctx["labels"]
    body = [p(r(spec["title"]), style="Title"), p(r(spec["org"], italic=True, color="595959")),
            p(r(spec["guidance"], size=9, color="595959", italic=True))]
    dates = []
    for sec in spec["sections"]:
        for row in sec["rows"]:
            if row.get("key") in DATE_KEYS and row.get("value") and row.get("date"):
                dates.append((row["date"], row["value"], row["label"]))
    for lab, val, d in ctx["decoy_dates"]:
        dates.append((d, val, lab))
    dates.sort(key=lambda x: x[0])
    k = 0
    first_after = spec["sections"][0]["title"]
    for sec in spec["sections"]:
        sec2 = dict(sec, rows=[x for x in sec["rows"] if x.get("key") not in DATE_KEYS
                               and not (sec.get("decoys") and x.get("label") in ctx["decoy_date_labels"])])
        if sec["title"] == spec["sections"][3]["title"]:
            body.append(p(r("Key dates", bold=True, size=12, color="2F5496"), keep=True))
            body.append(p(r("(shown as a timeline - the earliest on the left)", size=8, italic=True, color="7F7F7F")))
            k += 1
            body.append(p(add_smartart(pk, rng, k, [[(v, True), (lab, False)] for _, v, lab in dates],
                                       "urn:microsoft.com/office/officeart/2005/8/layout/hProcess9", True, "2F5496", 10 + k)))
        if not sec2["rows"]:
            continue
        t, extra = section_table(sec2, choice_word)
        body.append(p(r(""), space_after=0))
        body.append(t)
        for row in extra:
            body.append(p(r(row["label"], bold=True), keep=True))
            if row["rows"]:
                nodes = []
                for a in row["rows"]:
                    lines = [(a[0], True)] + ([(a[1], False)] if a[1] and a[1] != "-" else []) + [(a[2], False)]
                    nodes.append(lines)
                k += 1
                body.append(p(add_smartart(pk, rng, k, nodes, "urn:microsoft.com/office/officeart/2005/8/layout/vList2",
                                           False, "4472C4", 10 + k)))
            else:
                body.append(p(r("No other agencies known.")))
    pk.body = "".join(body)
    return wml.finish(pk)


# --------------------------------------------------------------------------- W-CHUNKS

def w_chunks(spec, rng, ctx):
    """A document-assembly output: the main part holds only the title, guidance and w:altChunk elements;
    every section is an embedded .docx package (afchunkN.docx) that Word imports on open."""
    head, foot = head_foot(spec)
    pk = wml.basic_package("", head, foot, spec["title"], creator="svc-docgen", app="DocGen Assembly Service 3.2",
                           company=spec["org"])
    pk.defaults["docx"] = wml.CT_MAIN
    body = [p(r(spec["title"]), style="Title"), p(r(spec["guidance"], size=9, italic=True))]
    groups = []
    secs = spec["sections"]
    i = 0
    while i < len(secs):
        if secs[i].get("child") is not None:
            j = i
            while j < len(secs) and secs[j].get("child") is not None:
                j += 1
            groups.append(secs[i:j])
            i = j
        else:
            n = 2 if i + 1 < len(secs) and secs[i + 1].get("child") is None and rng.random() < 0.5 else 1
            groups.append(secs[i:i + n])
            i += n
    for gi, group in enumerate(groups, 1):
        inner = []
        for sec in group:
            inner.append(p(r(sec["title"]), style="Heading1"))
            t, extra = section_table(sec, glyph_line, lw=3600, vw=6300, title=False, shade_label="EDEDED")
            if any(x["t"] != "agencies" for x in sec["rows"]):
                inner.append(t)
            for row in extra:
                inner.append(p(r(row["label"], bold=True)))
                inner.append(agencies_table(row))
        cpk = wml.basic_package("".join(inner), p(), p(), sec["title"], creator="svc-docgen", app="DocGen Assembly Service 3.2")
        cpk.body = "".join(inner)
        chunk = wml.finish(cpk)
        rid = pk.rel("word/document.xml", "aFChunk", f"afchunk{gi}.docx")
        pk.add(f"word/afchunk{gi}.docx", chunk)
        body.append(f'<w:altChunk r:id="{rid}"/>')
    body.append(p(r("Generated by DocGen Assembly Service. Do not edit the sections above; re-run the referral export instead.",
                    size=8, color="7F7F7F")))
    pk.body = "".join(body)
    return wml.finish(pk)


# --------------------------------------------------------------------------- W-INKTICKS

def ink_png(color):
    im = Image.new("RGBA", (40, 32), (255, 255, 255, 0))
    d = ImageDraw.Draw(im)
    d.line([(4, 16), (14, 27), (36, 4)], fill=color, width=4)
    buf = io.BytesIO()
    im.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def inkml(rng, color):
    pts = []
    x, y = 100.0, 600.0
    for i in range(8):
        pts.append(f"{x:.0f} {y:.0f}")
        x += 60 + rng.randint(0, 20)
        y += 80 + rng.randint(-10, 10)
    for i in range(12):
        pts.append(f"{x:.0f} {y:.0f}")
        x += 90 + rng.randint(0, 20)
        y -= 120 + rng.randint(-15, 15)
    return ('<inkml:ink xmlns:inkml="http://www.w3.org/2003/InkML"><inkml:definitions><inkml:context xml:id="ctx0">'
            '<inkml:inkSource xml:id="inkSrc0"><inkml:traceFormat><inkml:channel name="X" type="integer" max="32767" units="cm"/>'
            '<inkml:channel name="Y" type="integer" max="32767" units="cm"/></inkml:traceFormat></inkml:inkSource>'
            '<inkml:timestamp xml:id="ts0" timeString="2024-03-01T09:00:00.000"/></inkml:context>'
            f'<inkml:brush xml:id="br0"><inkml:brushProperty name="width" value="0.05" units="cm"/>'
            f'<inkml:brushProperty name="height" value="0.05" units="cm"/><inkml:brushProperty name="color" value="#{color}"/></inkml:brush>'
            f'</inkml:definitions><inkml:trace contextRef="#ctx0" brushRef="#br0">{", ".join(pts)}</inkml:trace></inkml:ink>')


def w_inkticks(spec, rng, ctx):
    """Options printed with empty boxes; the chosen box is ticked with a pen (Word Draw tab): an ink content part
    (w14:contentPart -> word/ink/inkN.xml, InkML) anchored in the chosen option's cell, a PNG as the fallback."""
    head, foot = head_foot(spec)
    pk = wml.basic_package("", head, foot, spec["title"], creator=ctx["creator"], company=spec["org"])
    pk.defaults["png"] = "image/png"
    color = rng.choice(["0000FF", "000000", "1F3864", "C00000"])
    png = ink_png("#" + color)
    counter = [100]

    def ink_run():
        counter[0] += 1
        n = counter[0]
        rid = pk.rel("word/document.xml", "customXml", f"ink/ink{n}.xml")
        pk.add(f"word/ink/ink{n}.xml", inkml(rng, color), "application/inkml+xml")
        prid = pk.rel("word/document.xml", "image", f"media/image{n}.png")
        pk.add(f"word/media/image{n}.png", png)
        ox, oy = rng.randint(-30000, 15000), rng.randint(-40000, 10000)
        anchor = (f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{251658240 + n}" '
                  f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
                  f'<wp:positionH relativeFrom="character"><wp:posOffset>{ox}</wp:posOffset></wp:positionH>'
                  f'<wp:positionV relativeFrom="line"><wp:posOffset>{oy}</wp:posOffset></wp:positionV>'
                  f'<wp:extent cx="190500" cy="152400"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
                  f'<wp:docPr id="{n}" name="Ink {n}"/><wp:cNvGraphicFramePr/>')
        return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wpi"><w:drawing>{anchor}'
                f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingInk">'
                f'<w14:contentPart bwMode="auto" r:id="{rid}"><w14:nvContentPartPr><w14:cNvContentPartPr/></w14:nvContentPartPr>'
                f'<w14:xfrm><a:off x="0" y="0"/><a:ext cx="190500" cy="152400"/></w14:xfrm></w14:contentPart>'
                f'</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:drawing>{anchor}'
                f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
                f'<pic:nvPicPr><pic:cNvPr id="{n}" name="Ink {n}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{prid}"/>'
                f'<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="190500" cy="152400"/></a:xfrm>'
                f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing>'
                f'</mc:Fallback></mc:AlternateContent></w:r>')

    def options(row):
        opts = row["options"]
        vertical = row.get("list")
        cells = []
        for i, o in enumerate(opts):
            runs = (ink_run() if i == row["chosen"] else "") + r(GLYPH_OFF, font="Segoe UI Symbol") + r(" " + o)
            cells.append(p(runs))
        if vertical:
            t = tbl([tr([tc(c, 5600)]) for c in cells], [5600], borders=False)
            out = t
            if row.get("details") is not None:
                det = row["details"] if row["chosen"] == len(opts) - 1 else ""
                out += p([r("If other, please give details: ", size=9, italic=True), r(det)])
            else:
                out += p([r("If other, please give details: ", size=9, italic=True)])
            return out
        w = 5600 // len(opts)
        return tbl([tr([tc(c, w) for c in cells])], [w] * len(opts), borders=False) + p(r(""), space_after=0)

    body = [p(r(spec["title"]), style="Title"),
            p(r("Tick the box that applies. This form can be completed on a tablet or printed.", size=9, italic=True)),
            p(r(spec["guidance"], size=9, italic=True, color="595959"))]
    for sec in spec["sections"]:
        t, extra = section_table(sec, options, lw=3700, vw=6200, title_shade="385623", shade_label="E2EFD9")
        if any(x["t"] != "agencies" for x in sec["rows"]):
            body.append(t)
        else:
            body.append(tbl([tr([tc(p(r(sec["title"], bold=True, color="FFFFFF")), 9900, shade="385623")])], [9900]))
        for row in extra:
            body.append(p(r(row["label"], bold=True)))
            body.append(agencies_table(row, shade="E2EFD9"))
        body.append(p(r(""), space_after=0))
    pk.body = "".join(body)
    return wml.finish(pk)


# --------------------------------------------------------------------------- W-HMERGE

def w_hmerge(spec, rng, ctx):
    """A Word 97-2003 form converted to .docx: one 4-column grid where merged cells are written the legacy way,
    with w:hMerge restart / continue cells (each continue cell present and empty) instead of w:gridSpan."""
    head, foot = head_foot(spec)
    pk = wml.basic_package("", head, foot, spec["title"], creator=ctx["creator"], app="Microsoft Office Word",
                           font="Arial", size=10, company=spec["org"],
                           settings_extra='<w:doNotUseHTMLParagraphAutoSpacing/>')
    pk.parts["word/settings.xml"] = pk.parts["word/settings.xml"].replace('w:val="15"', 'w:val="11"')
    W = [2500, 2450, 2500, 2450]

    def cell(content, w, merge=None, shade=None):
        extra = f'<w:hMerge w:val="{merge}"/>' if merge == "restart" else ("<w:hMerge/>" if merge == "continue" else "")
        return tc(content, w, shade=shade, extra=extra)

    def merged(content, first, n, shade=None):
        out = [cell(content, W[first], "restart", shade)]
        for k in range(1, n):
            out.append(cell(p(), W[first + k], "continue", shade))
        return out

    rows = [tr(merged(p(r(spec["title"], bold=True, size=13)), 0, 4, shade="D9D9D9")),
            tr(merged(p(r(spec["guidance"], size=8, italic=True)), 0, 4))]
    for sec in spec["sections"]:
        rows.append(tr(merged(p(r(sec["title"], bold=True, color="FFFFFF")), 0, 4, shade="404040")))
        short = []

        def flush():
            while short:
                a = short.pop(0)
                if short:
                    b = short.pop(0)
                    rows.append(tr([cell(p(r(a[0], bold=True)), W[0], shade="F2F2F2"), cell(a[1], W[1]),
                                    cell(p(r(b[0], bold=True)), W[2], shade="F2F2F2"), cell(b[1], W[3])]))
                else:
                    rows.append(tr([cell(p(r(a[0], bold=True)), W[0], shade="F2F2F2")] + merged(a[1], 1, 3)))
        for row in sec["rows"]:
            if row["t"] == "agencies":
                flush()
                rows.append(tr(merged(p(r(row["label"], bold=True)), 0, 4, shade="F2F2F2")))
                rows.append(tr([cell(p(r(row["cols"][0], bold=True)), W[0])] + merged(p(r(row["cols"][1], bold=True)), 1, 2)
                               + [cell(p(r(row["cols"][2], bold=True)), W[3])]))
                for a in row["rows"] + [["", "", ""]]:
                    rows.append(tr([cell(p(r(a[0])) if a[0] else p(), W[0])] + merged(p(r(a[1])) if a[1] else p(), 1, 2)
                                   + [cell(p(r(a[2])) if a[2] else p(), W[3])]))
                continue
            val = p(r(choice_word(row))) if row["t"] == "choice" else value_paras(row)
            long = row["t"] == "paras" or len(row["label"]) > 38 or row.get("lines") or row.get("list") or \
                (row.get("value") and len(row["value"]) > 26)
            if long:
                flush()
                if row["t"] == "paras" or len(row["label"]) > 38:
                    rows.append(tr(merged(p(r(row["label"], bold=True)), 0, 2, shade="F2F2F2") + merged(val, 2, 2)))
                else:
                    rows.append(tr([cell(p(r(row["label"], bold=True)), W[0], shade="F2F2F2")] + merged(val, 1, 3)))
            else:
                short.append((row["label"], val))
        flush()
    body = tbl(rows, W)
    pk.body = body + p()
    return wml.finish(pk)


# --------------------------------------------------------------------------- W-AUTOFORMAT

def w_autoformat(spec, rng, ctx):
    """Typed in Word with AutoFormat / AutoCorrect on: ordinal suffixes of dates are superscript runs, e-mail addresses
    became hyperlinks (w:hyperlink elements, or HYPERLINK fields in pasted parts), double-barrelled names carry Word's
    non-breaking hyphen (w:noBreakHyphen), phone numbers and dates carry non-breaking spaces, and long words in the
    summary carry optional hyphens (w:softHyphen) from manual hyphenation."""
    head, foot = head_foot(spec)
    pk = wml.basic_package("", head, foot, spec["title"], creator=ctx["creator"], company=spec["org"],
                           settings_extra='<w:autoHyphenation w:val="false"/>')
    import re

    def runs_for(text, key=None):
        out = []
        if key == "email" or re.fullmatch(r"[^@\s]+@[^@\s]+", text or ""):
            if rng.random() < 0.7:
                rid = pk.rel("word/document.xml", "hyperlink", "mailto:" + text.lower(), external=True)
                return f'<w:hyperlink r:id="{rid}" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>{esc(text)}</w:t></w:r></w:hyperlink>'
            return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:{esc(text.lower())}" </w:instrText></w:r>'
                    f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>{esc(text)}</w:t></w:r>'
                    f'<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        # tokens: ordinal suffix after a day number, hyphen inside a name, long words (soft hyphens)
        pos = 0
        pat = re.compile(r"(?<=\b\d)(st|nd|rd|th)(?= [A-Z])|(?<=\b\d\d)(st|nd|rd|th)(?= [A-Z])|(?<=[a-z])-(?=[A-Z])")
        for m in pat.finditer(text):
            if m.start() > pos:
                out.append(plain(text[pos:m.start()], key))
            if m.group(0) == "-":
                out.append("<w:r><w:noBreakHyphen/></w:r>")
            else:
                out.append(f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{m.group(0)}</w:t></w:r>')
            pos = m.end()
        if pos < len(text):
            out.append(plain(text[pos:], key))
        return "".join(out)

    def plain(s, key):
        if key == "phone" or key == "date":
            s = re.sub(r"(?<=\d) (?=\d)|(?<=\d) (?=[A-Z])|(?<=[a-z]) (?=\d)", "\u00a0", s)
        if key == "summary":
            parts = []
            for word in re.split(r"( )", s):
                if len(word) >= 11 and word.isalpha():
                    cut = len(word) // 2
                    parts.append(f'<w:r><w:t>{esc(word[:cut])}</w:t></w:r><w:r><w:softHyphen/></w:r><w:r><w:t>{esc(word[cut:])}</w:t></w:r>')
                else:
                    parts.append(f'<w:r><w:t xml:space="preserve">{esc(word)}</w:t></w:r>')
            return "".join(parts)
        return f'<w:r><w:t xml:space="preserve">{esc(s)}</w:t></w:r>'

    def val(row):
        k = row.get("key", "")
        if row["t"] == "choice":
            return p(r(choice_word(row)))
        if row["t"] == "paras":
            return "".join(p(runs_for(x, "summary")) for x in row["paras"]) or p()
        v = row.get("value")
        if v is None:
            return p()
        kind = "email" if k.endswith("email") else "phone" if k.endswith("phone") else "date" if row.get("date") else None
        return "".join(p(runs_for(line, kind)) for line in v.split("\n"))

    body = [p(r(spec["title"]), style="Title"), p(r(spec["guidance"], size=9, italic=True))]
    for sec in spec["sections"]:
        body.append(p(r(sec["title"]), style="Heading1"))
        rows = []
        agencies = []
        for row in sec["rows"]:
            if row["t"] == "agencies":
                agencies.append(row)
                continue
            rows.append(tr([tc(p(r(row["label"])), 3800, shade="FBE4D5"), tc(val(row), 6100)]))
        if rows:
            body.append(tbl(rows, [3800, 6100]))
        for row in agencies:
            body.append(p(r(row["label"], bold=True)))
            trs = [tr([tc(p(r(c, bold=True)), w, shade="FBE4D5") for c, w in zip(row["cols"], (3300, 3000, 3600))], header=True)]
            for a in row["rows"]:
                trs.append(tr([tc(p(runs_for(x, "email" if "@" in x else "phone" if x[:1] in "0+" else None)) if x else p(), w)
                               for x, w in zip(a, (3300, 3000, 3600))]))
            body.append(tbl(trs, [3300, 3000, 3600]))
    pk.body = "".join(body)
    return wml.finish(pk)


LAYOUTS = {"W-SMARTART": w_smartart, "W-CHUNKS": w_chunks, "W-INKTICKS": w_inkticks, "W-HMERGE": w_hmerge,
           "W-AUTOFORMAT": w_autoformat}
