"""'Word saved as PDF' style forms made with reportlab: ruled label|value tables and label paragraphs."""

from __future__ import annotations

import io

SUMMARY = ("The child was taken to hospital by ambulance after being found unresponsive at home in the early "
           "hours of the morning, and was admitted to the intensive care unit for treatment.",
           "Several agencies had been involved with the family over the previous year, and there are questions "
           "about how information was shared between them before the incident.")


def ruled_table_pdf() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]

    def cell(*paras):
        return [Paragraph(p, body) for p in paras]

    rows = [
        ["Referrer name", cell("Tess Table")], ["Job title", cell("Health Visitor")],
        ["Email", cell("TESS.TABLE@NHS.NET")], ["Telephone", cell("0151 496 0123")],
        ["Name of child", cell("Rory Ruled")], ["Date of birth", cell("12/08/2021")],
        ["Home address", cell("4 Grid Lane", "Kirkby", "L32 1AA")],
        ["Date of incident", cell("3rd March 2026")], ["Type of incident",
         # the boxes in ZapfDingbats, as a PDF writer sets them: ❑ (q) is an empty square, ■ (n) a filled one (reportlab would
         # set both ☐ and ☒ as the same n, so the form would show two filled boxes)
         cell('<font name="ZapfDingbats">\u2751</font> Death <font name="ZapfDingbats">\u25a0</font> Serious harm')],
        ["Summary of the incident", cell(*SUMMARY)], ["Police involved?", cell("Yes")],
    ]
    t = Table(rows, colWidths=[160, 330])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=1)
    doc.build([Paragraph("Case Referral Form", styles["Heading1"]), Paragraph("OFFICIAL-SENSITIVE", body),
               Spacer(1, 12), t])
    return out.getvalue()


LONG_SUMMARY = (
    "The child was taken to hospital by ambulance after being found unresponsive at home in the early hours of the "
    "morning, and was admitted to the intensive care unit where she stayed for several days before recovering.",
    "Several agencies had been involved with the family over the previous year, including the health visiting "
    "service, the school nursing team and early help, and there are questions about how information was shared.",
)


def paragraph_form_pdf() -> bytes:
    """'Label: value' paragraphs under headings over two pages, with a running header and footer, a
    three-line address and a summary whose second paragraph starts near the foot of page one."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    body, head = styles["BodyText"], styles["Heading2"]

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 30, "OFFICIAL-SENSITIVE")
        canvas.drawString(72, 28, f"Referral form v2 | Page {doc.page} of 2")
        canvas.restoreState()

    story = [Paragraph("REFERRER DETAILS", head)]
    for line in ["Name of referrer: Paula Para", "Job title: Health Visitor", "Email: paula.para@nhs.net",
                 "Telephone: 0151 496 0777"]:
        story.append(Paragraph(line, body))
    story.append(Paragraph("DETAILS OF THE CHILD", head))
    for line in ["Name of child: Polly Para", "Date of birth: 2 March 2021", "Home address: 9 Page Road",
                 "Bootle", "L20 1AA", "Gender: Girl"]:
        story.append(Paragraph(line, body))
    story.append(Paragraph("THE INCIDENT", head))
    story.append(Paragraph("Date of incident: 14/03/2026", body))
    story.append(Spacer(1, 330))
    story.append(Paragraph("Summary of the incident:", body))
    story += [Paragraph(p, body) for p in LONG_SUMMARY]
    story.append(Paragraph("Are the police involved? Yes", body))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1, topMargin=50, bottomMargin=50).build(
        story, onFirstPage=furniture, onLaterPages=furniture)
    return out.getvalue()
