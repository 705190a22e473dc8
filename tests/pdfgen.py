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
        ["Date of incident", cell("3rd March 2026")], ["Type of incident", cell("☐ Death ☒ Serious harm")],
        ["Summary of the incident", cell(*SUMMARY)], ["Police involved?", cell("Yes")],
    ]
    t = Table(rows, colWidths=[160, 330])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=1)
    doc.build([Paragraph("Case Referral Form", styles["Heading1"]), Paragraph("OFFICIAL-SENSITIVE", body),
               Spacer(1, 12), t])
    return out.getvalue()
