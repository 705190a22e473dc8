"""A small WordprocessingML writer and the five Word layouts of unseen16."""
import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape

from model import fmt_date

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def esc(s):
    return escape(s, {'"': "&quot;"})


def run(text, b=False, i=False, u=False, color=None, sz=None, font=None, shd=None, rstyle=None):
    pr = ""
    if rstyle:
        pr += f'<w:rStyle w:val="{rstyle}"/>'
    if font:
        pr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if b:
        pr += "<w:b/>"
    if i:
        pr += "<w:i/>"
    if color:
        pr += f'<w:color w:val="{color}"/>'
    if sz:
        pr += f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
    if u:
        pr += '<w:u w:val="single"/>'
    if shd:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    pr = f"<w:rPr>{pr}</w:rPr>" if pr else ""
    parts = []
    for k, line in enumerate(text.split("\n")):
        if k:
            parts.append("<w:br/>")
        if line:
            parts.append(f'<w:t xml:space="preserve">{esc(line)}</w:t>')
    return f"<w:r>{pr}{''.join(parts)}</w:r>"


def tab_run():
    return "<w:r><w:tab/></w:r>"


def para(content="", style=None, jc=None, num=None, shd=None, keep=False, tabs=None, ind=None, spacing=None, border=None):
    pr = ""
    if style:
        pr += f'<w:pStyle w:val="{style}"/>'
    if keep:
        pr += "<w:keepNext/>"
    if num:
        pr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if border:
        pr += f'<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="{border}"/></w:pBdr>'
    if shd:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    if tabs:
        pr += "<w:tabs>" + "".join(f'<w:tab w:val="left" w:pos="{t}"/>' for t in tabs) + "</w:tabs>"
    if spacing:
        pr += f'<w:spacing w:before="{spacing[0]}" w:after="{spacing[1]}"/>'
    if ind:
        pr += f'<w:ind w:left="{ind}"/>'
    if jc:
        pr += f'<w:jc w:val="{jc}"/>'
    pr = f"<w:pPr>{pr}</w:pPr>" if pr else ""
    return f"<w:p>{pr}{content}</w:p>"


def cell(content, width, shd=None, span=1, borders=None, valign=None, nowrap=False):
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if borders:
        pr += "<w:tcBorders>" + borders + "</w:tcBorders>"
    if shd:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    if nowrap:
        pr += "<w:noWrap/>"
    if valign:
        pr += f'<w:vAlign w:val="{valign}"/>'
    if not content.strip().endswith("</w:p>"):
        content += para()
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{content}</w:tc>"


def table(rows, widths, border="single", color="000000", sz=4, inside=True, style=None, cellmar=None):
    b = ""
    for side in ("top", "left", "bottom", "right") + (("insideH", "insideV") if inside else ()):
        b += f'<w:{side} w:val="{border}" w:sz="{sz}" w:space="0" w:color="{color}"/>'
    st = f'<w:tblStyle w:val="{style}"/>' if style else ""
    mar = ""
    if cellmar:
        mar = f'<w:tblCellMar><w:top w:w="{cellmar}" w:type="dxa"/><w:bottom w:w="{cellmar}" w:type="dxa"/></w:tblCellMar>'
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = "".join(f"<w:tr>{r}</w:tr>" for r in rows)
    return (f'<w:tbl><w:tblPr>{st}<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{b}</w:tblBorders>{mar}'
            f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>')


STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles %s>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="{after}" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/><w:color w:val="{accent}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/><w:szCs w:val="30"/><w:color w:val="{accent}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="40"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="1D70B8"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>""" % W_NS


class Doc:
    def __init__(self, font="Calibri", sz=22, accent="1F3864", after=120):
        self.body = []
        self.rels = []  # (id, type, target, external)
        self.font, self.sz, self.accent, self.after = font, sz, accent, after
        self.numbering = None
        self.settings_extra = ""
        self.header = None
        self.footer = None
        self.landscape = False

    def add(self, xml):
        self.body.append(xml)

    def link(self, url):
        rid = f"rIdL{len(self.rels) + 1}"
        self.rels.append((rid, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", url, True))
        return rid

    def build(self, title, author, when):
        files = {}
        ct = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
              '<Default Extension="xml" ContentType="application/xml"/>',
              '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
              '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
              '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>',
              '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
              '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>']
        rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>']
        sect_refs = ""
        if self.numbering:
            ct.append('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
            rels.append('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>')
            files["word/numbering.xml"] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {W_NS}>{self.numbering}</w:numbering>'
        for kind, content in (("header", self.header), ("footer", self.footer)):
            if content is None:
                continue
            ct.append(f'<Override PartName="/word/{kind}1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>')
            rid = "rIdH" if kind == "header" else "rIdF"
            rels.append(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{kind}1.xml"/>')
            tag = "hdr" if kind == "header" else "ftr"
            files[f"word/{kind}1.xml"] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{tag} {W_NS}>{content}</w:{tag}>'
            sect_refs += f'<w:{kind}Reference w:type="default" r:id="{rid}"/>'
        for rid, typ, target, ext in self.rels:
            mode = ' TargetMode="External"' if ext else ""
            rels.append(f'<Relationship Id="{rid}" Type="{typ}" Target="{esc(target)}"{mode}/>')
        pg = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' if self.landscape else '<w:pgSz w:w="11906" w:h="16838"/>'
        sect = (f'<w:sectPr>{sect_refs}{pg}<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" '
                f'w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
        files["[Content_Types].xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                        + "".join(ct) + "</Types>")
        files["_rels/.rels"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                                '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
                                "</Relationships>")
        files["word/_rels/document.xml.rels"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                                 + "".join(rels) + "</Relationships>")
        files["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>'
                                      + "".join(self.body) + sect + "</w:body></w:document>")
        files["word/styles.xml"] = STYLES.format(font=self.font, sz=self.sz, accent=self.accent, after=self.after)
        files["word/settings.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {W_NS}>{self.settings_extra}'
                                      '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
                                      '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>')
        stamp = when.strftime("%Y-%m-%dT%H:%M:00Z")
        files["docProps/core.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                                      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                                      f'<dc:title>{esc(title)}</dc:title><dc:creator>{esc(author)}</dc:creator><cp:lastModifiedBy>{esc(author)}</cp:lastModifiedBy>'
                                      f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>')
        files["docProps/app.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                                     "<Application>Microsoft Office Word</Application></Properties>")
        order = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
                 "word/settings.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml", "docProps/core.xml", "docProps/app.xml"]
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name in order:
                if name in files:
                    zi = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
                    zi.compress_type = zipfile.ZIP_DEFLATED
                    z.writestr(zi, files[name].encode("utf-8"))
        return buf.getvalue()


# ---------------------------------------------------------------- helpers shared by the layouts

def chosen_word(item):
    if item["sel"] is None:
        return None
    w = item["opts"][item["sel"]]
    if item.get("spec") and item["sel"] == 4:
        w = f"{w}: {item['spec']}" if not w.endswith(")") else f"{w} {item['spec']}"
    return w


def furniture(doc, ctx, rng, hdr=True):
    s = ctx["sender"]
    if hdr:
        doc.header = para(run(f"OFFICIAL-SENSITIVE    {s['partnership']}    {s['ref']}", sz=16, color="595959"), style="Header", jc="right")
        doc.footer = para(run(f"{s['ref']} - version {ctx['version']} - reviewed {ctx['review']}", sz=16, color="595959"), style="Footer")


def guidance_text(ctx):
    s = ctx["sender"]
    return (f"Please complete every section you can and send the form securely to {s['p_email']}. If you need advice before "
            f"sending it, call the partnership business unit on {s['p_phone']}. Enter dates as in this example: {ctx['example_date']}. "
            "Do not delay a referral to children's social care or the police while you complete this form.")


# ---------------------------------------------------------------- W-FFDEFAULT

DEFAULTS_TEXT = ["Click here to enter text.", "Type here", "Enter details", "[Type here]"]


def ff_text(name, result, default, multi=False):
    xml = (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/><w:calcOnExit w:val="0"/>'
           f'<w:textInput><w:default w:val="{esc(default)}"/></w:textInput></w:ffData></w:fldChar></w:r>'
           '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    xml += run(result, color=None) if result else run(default)
    xml += '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    return xml


def ff_check(name, checked, default_on=False):
    st = "<w:checked/>" if checked else ('<w:checked w:val="0"/>' if default_on else "")
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/><w:calcOnExit w:val="0"/>'
            f'<w:checkBox><w:sizeAuto/><w:default w:val="{1 if default_on else 0}"/>{st}</w:checkBox></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def ff_drop(name, entries, sel):
    res = f'<w:result w:val="{sel}"/>' if sel else ""
    ents = "".join(f'<w:listEntry w:val="{esc(e)}"/>' for e in entries)
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/><w:calcOnExit w:val="0"/>'
            f'<w:ddList>{res}{ents}</w:ddList></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def w_ffdefault(case, ctx, rng):
    s = ctx["sender"]
    doc = Doc(font=rng.choice(["Arial", "Calibri", "Verdana"]), sz=20, accent="2E4A7D")
    furniture(doc, ctx, rng)
    doc.settings_extra = '<w:documentProtection w:edit="forms" w:enforcement="1"/>'
    default_text = rng.choice(DEFAULTS_TEXT)
    box_after = rng.random() < 0.5  # option word before or after its box
    details = {"default_text": default_text, "unfilled": []}
    doc.add(para(run(s["org"], b=True, sz=20, color="595959")))
    doc.add(para(run(s["title"]), style="Title"))
    doc.add(para(run(guidance_text(ctx), i=True, sz=18)))
    doc.add(para(run("Click in a grey field and type. Use the Tab key to move to the next field.", sz=18, color="7F7F7F")))
    n = [0]

    def nm(prefix):
        n[0] += 1
        return f"{prefix}{n[0]}"

    for sec in case.sections:
        doc.add(para(run(sec["title"], b=True, color="FFFFFF"), shd="2E4A7D", keep=True, spacing=(200, 0)))
        inner = []
        for it in sec["items"]:
            lab = it["label"] + ("" if it["label"].endswith(("?", ")")) else ":")
            if it["kind"] == "text":
                dflt = "dd/mm/yyyy" if "date" in it["label"].lower() or it["label"] in ("DOB", "Date") else default_text
                if it["disp"] is None:
                    details["unfilled"].append(it["label"])
                if it.get("long"):
                    inner.append(para(run(lab, b=True)))
                    inner.append(para(ff_text(nm("Text"), it["disp"], dflt), ind=284))
                else:
                    inner.append(para(run(lab, b=True) + tab_run() + ff_text(nm("Text"), it["disp"], dflt), tabs=[3400]))
            elif it["kind"] == "multi":
                inner.append(para(run(lab, b=True)))
                sep = "\n\n" if it.get("paras") else "\n"
                inner.append(para(ff_text(nm("Text"), sep.join(it["lines"]) if it["lines"] else None, default_text), ind=284))
            elif it["kind"] == "yn":
                c = run(lab, b=True) + tab_run()
                for k, o in enumerate(it["opts"]):
                    box = ff_check(nm("Check"), it["sel"] == k)
                    c += (run(o + " ") + box + run("    ")) if not box_after else (box + run(" " + o + "    "))
                inner.append(para(c, tabs=[5200]))
            elif it["kind"] == "choice":
                entries = [rng.choice(["Select one", "Choose an option", " "])] + it["opts"]
                c = run(lab, b=True) + tab_run() + ff_drop(nm("Dropdown"), entries, None if it["sel"] is None else it["sel"] + 1)
                inner.append(para(c, tabs=[3400]))
                if it["key"] == "i_type":
                    inner.append(para(run("If other, please specify:", b=True) + tab_run() + ff_text(nm("Text"), it.get("spec") if it["sel"] == 4 else None, default_text), tabs=[3400]))
            elif it["kind"] == "agencies":
                inner.append(para(run(it["label"] + ":", b=True)))
                hdr = "".join(cell(para(run(h, b=True)), w, shd="D9E2F3") for h, w in (("Agency", 3000), ("Name of worker", 2600), ("Contact details", 3200)))
                trs = [hdr]
                rows = it["rows"] + [None] * rng.randrange(1, 3)
                for r in rows:
                    vals = [r["agency"], r["name"], r["contact"]] if r else [None, None, None]
                    trs.append("".join(cell(para(ff_text(nm("Text"), v, default_text)), w) for v, w in zip(vals, (3000, 2600, 3200))))
                inner.append(table(trs, [3000, 2600, 3200], color="8EAADB"))
                inner.append(para())
        doc.add(table([cell("".join(inner), 9600)], [9600], color="2E4A7D", sz=8))
    doc.add(para())
    doc.add(para(run("Signed: ", b=True) + ff_text(nm("Text"), None, default_text) + run("     Date: ", b=True) + ff_text(nm("Text"), None, "dd/mm/yyyy")))
    doc.add(para(run("For partnership use only - Rapid Review decision: ____________   Date received: ____________", sz=16, color="7F7F7F")))
    ctx["details"] = details
    return doc


# ---------------------------------------------------------------- W-XLPASTE

def w_xlpaste(case, ctx, rng):
    s = ctx["sender"]
    doc = Doc(font="Calibri", sz=22, after=0)
    furniture(doc, ctx, rng, hdr=rng.random() < 0.5)
    boolean = rng.random() < 0.5
    details = {"booleans": boolean, "sheet": f"{s['ref'].replace('/', '-')} tracker.xlsx"}
    doc.add(para(run(s["title"], b=True, sz=28)))
    doc.add(para(run(f"{s['org']} - copied from our referral tracker ({details['sheet']}, sheet 'Referral')", sz=20)))
    doc.add(para(run(guidance_text(ctx), sz=18, color="595959")))
    doc.add(para())
    widths = [1900, 3300, 3300, 1700]
    grey = '<w:top w:val="single" w:sz="4" w:color="BFBFBF"/><w:left w:val="single" w:sz="4" w:color="BFBFBF"/><w:bottom w:val="single" w:sz="4" w:color="BFBFBF"/><w:right w:val="single" w:sz="4" w:color="BFBFBF"/>'
    rows = ["".join(cell(para(run(h, b=True)), w, shd="D9D9D9", borders=grey) for h, w in zip(["Section", "Question", "Response", "Notes"], widths))]
    agencies = None
    for sec in case.sections:
        for it in sec["items"]:
            note = ""
            jc = None
            if it["kind"] == "agencies":
                agencies = it
                resp = f"See agencies table below ({len(it['rows'])})" if it["rows"] else "None"
            elif it["kind"] in ("text", "multi"):
                if it["kind"] == "multi":
                    resp = ("\n\n" if it.get("paras") else "\n").join(it["lines"])
                else:
                    resp = it["disp"] or ""
                if any(w in it["label"].lower() for w in ("date", "dob")) and resp and resp[0].isdigit():
                    jc = "right"
            elif it["kind"] == "yn":
                if boolean:
                    resp = {0: "TRUE", 1: "FALSE"}.get(it["sel"], "")
                    jc = "center"
                else:
                    resp = chosen_word(it) or ""
            else:
                resp = chosen_word(it) or ""
                if it.get("spec") and it["sel"] == 4:
                    resp = f"{it['opts'][4]}\n{it['spec']}"
            if it["key"] in ("c_dob", "p_date") and rng.random() < 0.3:
                note = "as stated"
            rows.append(cell(para(run(sec["title"])), widths[0], borders=grey) + cell(para(run(it["label"])), widths[1], borders=grey)
                        + cell(para(run(resp), jc=jc), widths[2], borders=grey) + cell(para(run(note, sz=18)), widths[3], borders=grey))
    doc.add(table(rows, widths, color="BFBFBF"))
    if agencies is not None:
        doc.add(para())
        doc.add(para(run(f"{agencies['label']} (sheet 'Agencies')", b=True)))
        aw = [3600, 2800, 3800]
        trs = ["".join(cell(para(run(h, b=True)), w, shd="D9D9D9") for h, w in zip(["Agency", "Worker", "Contact"], aw))]
        for r in agencies["rows"]:
            trs.append("".join(cell(para(run(v or "")), w) for v, w in zip([r["agency"], r["name"], r["contact"]], aw)))
        trs.append("".join(cell(para(), w) for w in aw))
        doc.add(table(trs, aw, color="BFBFBF"))
    ctx["details"] = details
    return doc


# ---------------------------------------------------------------- W-NESTLIST

def w_nestlist(case, ctx, rng):
    s = ctx["sender"]
    doc = Doc(font=rng.choice(["Calibri", "Arial", "Segoe UI"]), sz=22, accent="7030A0")
    furniture(doc, ctx, rng)
    style = rng.choice(["dash", "arrow", "letter"])
    blank_item = rng.random() < 0.5
    lvl1 = {"dash": '<w:numFmt w:val="bullet"/><w:lvlText w:val="–"/>', "arrow": '<w:numFmt w:val="bullet"/><w:lvlText w:val="➢"/><w:rPr><w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol"/></w:rPr>',
            "letter": '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/>'}[style]
    doc.numbering = ('<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
                     '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="426" w:hanging="426"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl>'
                     f'<w:lvl w:ilvl="1"><w:start w:val="1"/>{lvl1}<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1134" w:hanging="360"/></w:pPr></w:lvl>'
                     '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    details = {"answer_marker": style, "blank_as_empty_item": blank_item}
    doc.add(para(run(s["title"]), style="Title"))
    doc.add(para(run(f"{s['org']} to {s['partnership']}", i=True)))
    doc.add(para(run(guidance_text(ctx), sz=18, color="595959")))
    doc.add(para(run("Answer under each question. Add more lines if you need to.", sz=18, color="595959")))
    Q = lambda text: para(run(text, b=True), style="ListParagraph", num=(1, 0), keep=True)
    A = lambda text: para(run(text) if text else "", style="ListParagraph", num=(1, 1))
    for sec in case.sections:
        doc.add(para(run(sec["title"]), style="Heading1"))
        for it in sec["items"]:
            doc.add(Q(it["label"]))
            if it["kind"] == "text":
                vals = [it["disp"]] if it["disp"] else []
            elif it["kind"] == "multi":
                vals = list(it["lines"])
            elif it["kind"] in ("yn", "choice"):
                w = chosen_word(it)
                vals = [w] if w else []
            else:
                vals = []
                for r in it["rows"]:
                    v = f"Agency: {r['agency']}; "
                    if r["name"]:
                        v += f"Worker: {r['name']}; "
                    v += f"Contact: {r['contact']}"
                    vals.append(v)
                if not vals:
                    vals = ["None known"]
            if vals:
                for v in vals:
                    doc.add(A(v))
            elif blank_item:
                doc.add(A(""))
    doc.add(para())
    doc.add(para(run("Signature: ........................................        Date: ....................", color="595959")))
    ctx["details"] = details
    return doc


# ---------------------------------------------------------------- W-OPTUNDERLINE

def w_optunderline(case, ctx, rng):
    s = ctx["sender"]
    doc = Doc(font=rng.choice(["Arial", "Tahoma", "Calibri"]), sz=20, accent="833C0B")
    furniture(doc, ctx, rng)
    details = {"mark": rng.choice(["bold+underline", "underline"]), "sep": rng.choice([" / ", "   ", " | "])}
    doc.add(para(run(s["partnership"], b=True, sz=20, color="833C0B"), jc="center"))
    doc.add(para(run(s["title"]), style="Title", jc="center"))
    doc.add(para(run(guidance_text(ctx), sz=18)))
    doc.add(para(run("Where a question gives options, please underline the answer that applies" + (" and make it bold." if details["mark"] == "bold+underline" else "."), b=True, sz=18)))
    widths = [3700, 6000]
    rows = []
    for sec in case.sections:
        rows.append(cell(para(run(sec["title"].upper(), b=True, color="FFFFFF")), sum(widths), shd="833C0B", span=2))
        for it in sec["items"]:
            lab = cell(para(run(it["label"], b=True)), widths[0], shd="FBE4D5")
            if it["kind"] == "text":
                val = para(run(it["disp"] or ""))
            elif it["kind"] == "multi":
                if it.get("paras"):
                    val = "".join(para(run(x)) for x in it["lines"]) or para()
                else:
                    val = para(run("\n".join(it["lines"])))
            elif it["kind"] in ("yn", "choice") and not (it["key"] == "i_type"):
                c = ""
                for k, o in enumerate(it["opts"]):
                    if k:
                        c += run(details["sep"])
                    on = it["sel"] == k
                    c += run(o, b=on and details["mark"] == "bold+underline", u=on)
                val = para(c)
            elif it["kind"] == "choice":
                val = ""
                for k, o in enumerate(it["opts"]):
                    on = it["sel"] == k
                    val += para(run(o, b=on and details["mark"] == "bold+underline", u=on) + (run(" - " + it["spec"]) if on and it.get("spec") else ""))
            else:
                aw = [2200, 1900, 1700]
                trs = ["".join(cell(para(run(h, b=True, sz=18)), w, shd="F2F2F2") for h, w in zip(["Agency", "Name", "Contact"], aw))]
                for r in it["rows"]:
                    trs.append("".join(cell(para(run(v or "", sz=18)), w) for v, w in zip([r["agency"], r["name"], r["contact"]], aw)))
                trs.append("".join(cell(para(), w) for w in aw))
                val = table(trs, aw, color="A6A6A6") + para()
            rows.append(lab + cell(val, widths[1]))
    doc.add(table(rows, widths, color="833C0B"))
    doc.add(para())
    doc.add(para(run("Name and signature of person completing: ______________________   Date: __________", sz=18)))
    ctx["details"] = details
    return doc


# ---------------------------------------------------------------- W-CYAPASTE

def w_cyapaste(case, ctx, rng):
    s = ctx["sender"]
    doc = Doc(font=rng.choice(["Arial", "Helvetica", "Times New Roman"]), sz=24, accent="0B0C0C", after=80)
    base = f"https://forms.{s['p_email'].split('@')[1]}/referral"
    details = {"blank": "Not provided", "base_url": base}
    saved = fmt_date(case.ref_date - dt.timedelta(days=rng.randrange(1, 4)), ctx["sender"]["date_style"])
    details["decoy_saved"] = saved
    doc.add(para(run(f"{s['partnership']}  |  Referral service", b=True, color="FFFFFF"), shd="0B0C0C"))
    doc.add(para(run("Back", rstyle="Hyperlink")))
    doc.add(para(run("Check your answers before sending your referral"), style="Heading1"))
    doc.add(para(run(f"Your answers were saved on {saved}. You can change them until you send the referral.")))
    bb = '<w:top w:val="nil"/><w:left w:val="nil"/><w:right w:val="nil"/><w:bottom w:val="single" w:sz="6" w:color="B1B4B6"/>'
    widths = [3300, 4300, 2000]

    def change(label, slug):
        rid = doc.link(f"{base}/{slug}?change=true")
        return f'<w:hyperlink r:id="{rid}">{run("Change", rstyle="Hyperlink")}{run(" " + label.lower(), rstyle="Hyperlink")}</w:hyperlink>'

    for si, sec in enumerate(case.sections):
        doc.add(para(run(sec["title"]), style="Heading2"))
        if sec.get("decoy"):
            doc.add(para(run("These details help us find your file.", color="505A5F")))
        rows = []
        for ii, it in enumerate(sec["items"]):
            if it["kind"] == "agencies":
                continue
            if it["kind"] == "text":
                v = it["disp"] or details["blank"]
            elif it["kind"] == "multi":
                v = ("\n\n" if it.get("paras") else "\n").join(it["lines"]) or details["blank"]
            else:
                v = chosen_word(it) or details["blank"]
                if it.get("spec") and it["sel"] == 4:
                    v = f"{it['opts'][4]}\n{it['spec']}"
            if it.get("paras") and it["lines"]:
                vx = "".join(para(run(x)) for x in it["lines"])
            else:
                vx = para(run(v))
            slug = f"s{si + 1}-q{ii + 1}"
            rows.append(cell(para(run(it["label"], b=True)), widths[0], borders=bb) + cell(vx, widths[1], borders=bb)
                        + cell(para(change(it["label"], slug), jc="right"), widths[2], borders=bb))
        if rows:
            doc.add(table(rows, widths, border="nil", inside=False, cellmar=100))
        for it in sec["items"]:
            if it["kind"] != "agencies":
                continue
            if not it["rows"]:
                doc.add(para(run("No other agencies added.")))
            for k, r in enumerate(it["rows"]):
                doc.add(para(run(f"Agency {k + 1}", b=True) + run("      ") + f'<w:hyperlink r:id="{doc.link(f"{base}/agencies/{k + 1}/remove")}">{run("Remove", rstyle="Hyperlink")}</w:hyperlink>'
                             + run("   ") + f'<w:hyperlink r:id="{doc.link(f"{base}/agencies/{k + 1}")}">{run("Change", rstyle="Hyperlink")}</w:hyperlink>', shd="F3F2F1"))
                trs = []
                for lab, v in (("Agency", r["agency"]), ("Name", r["name"] or details["blank"]), ("Contact", r["contact"])):
                    trs.append(cell(para(run(lab, b=True)), 3300, borders=bb) + cell(para(run(v)), 6300, borders=bb))
                doc.add(table(trs, [3300, 6300], border="nil", inside=False))
            doc.add(para(f'<w:hyperlink r:id="{doc.link(base + "/agencies/add")}">{run("Add another agency", rstyle="Hyperlink")}</w:hyperlink>'))
    doc.add(para(run("Now send your referral"), style="Heading2"))
    doc.add(para(run("By sending this referral you confirm that the information is correct to the best of your knowledge.")))
    doc.add(para(run(" Accept and send ", b=True, color="FFFFFF", shd="00703C")))
    doc.add(para(run(guidance_text(ctx), sz=18, color="505A5F")))
    ctx["details"] = details
    return doc


WORD_LAYOUTS = {"W-FFDEFAULT": w_ffdefault, "W-XLPASTE": w_xlpaste, "W-NESTLIST": w_nestlist,
                "W-OPTUNDERLINE": w_optunderline, "W-CYAPASTE": w_cyapaste}
