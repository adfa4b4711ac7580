"""An entity's dossier as a file for a report: Word (DOCX, editable), PDF and printable HTML.

Each holds the same sections: the entity with its aliases and key figures, the static figure of
its neighborhood, its typed relations by type (partners ranked by specificity, people and roles,
policies, …) with their evidence sentences and sources, a timeline by month, and the articles
cited. ``dossier_of`` reads them from a store; ``report_bytes`` writes one format."""

from __future__ import annotations

import io
from dataclasses import dataclass

from guanxi.graph.analytics import timeline
from guanxi.viz.figure import figure_bytes
from guanxi.viz.pages import dossier_sections, template

FORMATS = ("docx", "pdf", "html")
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}
EVIDENCE_PER_RELATION = 3  # sentences quoted under each relation; the rest are counted
SAME_AS_ABOVE = "同上 a sentence quoted above"
PDF_FONT = "STSong-Light"  # a CID font every PDF reader provides for Chinese: nothing to embed
DOCX_EAST_ASIAN_FONT = "SimSun"  # Word's own Chinese font; other readers substitute theirs


@dataclass
class Dossier:
    entity: dict
    groups: list[dict]  # typed relations by type, as the dossier page shows them
    together: list[dict]  # entities most often named with it
    timeline: list[dict]  # {month, count, relations} oldest first
    sources: list[dict]  # the articles cited: doc_id, source (title · date), date
    hood: dict  # the one-hop neighborhood the figure draws

    def figure(self, fmt: str) -> bytes:
        return figure_bytes(self.hood, fmt)

    @property
    def figures(self) -> list[tuple[str, str]]:
        """Key figures as (label, value)."""
        e = self.entity
        out = [
            ("mentions", str(e.get("mentions") or 0)),
            ("articles", str(e.get("document_count") or 0)),
            ("first seen", e.get("first_seen") or "–"),
            ("last seen", e.get("last_seen") or "–"),
        ]
        return out + [(g["label"], str(len(g["rows"]))) for g in self.groups]


def dossier_of(store, entity_id: str) -> Dossier:
    """Everything a report on ``entity_id`` shows, read from ``store``."""
    entity, hood = store.dossier(entity_id)
    groups, together = dossier_sections(entity, hood)
    for row in (r for g in groups for r in g["rows"]):
        fresh = [ev for ev in row["evidence"] if not ev["repeated"]]
        row["quoted"] = fresh[:EVIDENCE_PER_RELATION]
        row["above"] = len(fresh) < len(row["evidence"])  # a sentence already quoted for another relation
        row["unquoted"] = row["total"] - len(row["quoted"]) - (len(row["evidence"]) - len(fresh))
    sources = {}
    for ev in (ev for g in groups for r in g["rows"] for ev in r["evidence"]):
        sources.setdefault(ev["doc_id"], {"doc_id": ev["doc_id"], "source": ev["source"], "date": ev.get("date")})
    return Dossier(
        entity=entity,
        groups=groups,
        together=together,
        timeline=timeline(store.dated_relations(entity_id=entity_id)),
        sources=sorted(sources.values(), key=lambda s: (s["date"] or "", s["source"])),
        hood=hood,
    )


def report_bytes(dossier: Dossier, fmt: str) -> bytes:
    if fmt == "html":
        return html_report(dossier).encode("utf-8")
    if fmt == "docx":
        return docx_report(dossier)
    if fmt == "pdf":
        return pdf_report(dossier)
    raise ValueError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")


def inline_svg(svg: bytes) -> str:
    """The figure's ``<svg>`` element without the XML declaration and doctype before it."""
    text = svg.decode("utf-8")
    return text[text.index("<svg") :]


def html_report(d: Dossier) -> str:
    from markupsafe import Markup

    return template("report.html").render(d=d, e=d.entity, figure=Markup(inline_svg(d.figure("svg"))))


# --- Word --------------------------------------------------------------------------------------
def docx_report(d: Dossier) -> bytes:
    from docx import Document
    from docx.shared import Inches, Pt

    doc = Document()
    east_asian(doc.styles["Normal"], Pt(10.5))
    doc.core_properties.title = f"{d.entity['name']} · guanxi dossier"
    doc.core_properties.author = "guanxi"
    doc.add_heading(f"{d.entity['name']}（{d.entity['type']}）", level=0)
    if d.entity.get("aliases"):
        doc.add_paragraph("别名 aliases: " + "、".join(d.entity["aliases"]))
    docx_table(doc, ["", ""], d.figures, header_row=False)
    doc.add_heading("关系图 Graph", level=1)
    doc.add_picture(io.BytesIO(d.figure("png")), width=Inches(6.3))
    for group in d.groups:
        doc.add_heading(group["label"], level=1)
        docx_table(
            doc, ["with", "title", "weight", "specificity", "evidence"], [relation_cells(r) for r in group["rows"]]
        )
    if d.timeline:
        doc.add_heading("时间线 Timeline", level=1)
        docx_table(doc, ["month", "relation", "first seen"], timeline_rows(d.timeline))
    doc.add_heading("来源 Sources", level=1)
    for s in d.sources:
        doc.add_paragraph(s["source"], style="List Bullet")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def east_asian(style, size) -> None:
    """Set the style's size and its font for Chinese characters (Word keeps it apart from Latin)."""
    from docx.oxml.ns import qn

    style.font.size = size
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), DOCX_EAST_ASIAN_FONT)


def docx_table(doc, header: list[str], rows: list, header_row: bool = True) -> None:
    table = doc.add_table(rows=0, cols=len(header))
    table.style = "Light Grid Accent 1" if header_row else "Table Grid"
    if header_row:
        for cell, text in zip(table.add_row().cells, header):
            cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text


def relation_cells(row: dict) -> list[str]:
    other = f"{row['arrow']} {row['other']['name']}（{row['other']['type']}）"
    quoted = [f"{ev['sentence']}〔{ev['source']}〕" for ev in row["quoted"]]
    if row["above"]:
        quoted.append(SAME_AS_ABOVE)
    if row["unquoted"] > 0:
        quoted.append(f"… {row['unquoted']} more")
    specificity = "" if row["specificity"] is None else str(row["specificity"])
    return [other, row["title"] or "", str(row["weight"]), specificity, "\n".join(quoted)]


def timeline_rows(months: list[dict]) -> list[list[str]]:
    return [
        [
            m["month"],
            f"{r['head']} {r['type']}{'（' + r['title'] + '）' if r.get('title') else ''} {r['tail']}",
            r["first_seen"],
        ]
        for m in months
        for r in m["relations"]
    ]


# --- PDF ---------------------------------------------------------------------------------------
def pdf_report(d: Dossier) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer

    styles = pdf_styles()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm, bottomMargin=16 * mm,
        title=f"{d.entity['name']} · guanxi dossier", author="guanxi", creator="guanxi", invariant=True,
    )  # fmt: skip
    width = A4[0] - 36 * mm
    story = [Paragraph(text(f"{d.entity['name']}（{d.entity['type']}）"), styles["title"])]
    if d.entity.get("aliases"):
        story.append(Paragraph(text("别名 aliases: " + "、".join(d.entity["aliases"])), styles["body"]))
    story += [Spacer(1, 3 * mm), pdf_table([list(f) for f in d.figures], styles, [width * 0.3, width * 0.7])]
    picture = Image(io.BytesIO(d.figure("png")))
    picture.drawWidth, picture.drawHeight = width, width * picture.imageHeight / picture.imageWidth
    story += [Paragraph("关系图 Graph", styles["h1"]), picture]
    columns = [width * 0.22, width * 0.1, width * 0.07, width * 0.09, width * 0.52]
    for group in d.groups:
        rows = [["with", "title", "weight", "spec.", "evidence"]] + [relation_cells(r) for r in group["rows"]]
        story += [Paragraph(text(group["label"]), styles["h1"]), pdf_table(rows, styles, columns, header=True)]
    if d.timeline:
        rows = [["month", "relation", "first seen"]] + timeline_rows(d.timeline)
        widths = [width * 0.12, width * 0.7, width * 0.18]
        story += [Paragraph("时间线 Timeline", styles["h1"]), pdf_table(rows, styles, widths, header=True)]
    story.append(Paragraph("来源 Sources", styles["h1"]))
    story += [Paragraph(text("・" + s["source"]), styles["body"]) for s in d.sources]
    doc.build(story)
    return out.getvalue()


# characters the PDF's Chinese font lacks, and what stands in for them
PDF_STAND_INS = str.maketrans({"·": "・", "•": "・"})


def text(value: str) -> str:
    """Plain text for a reportlab Paragraph, which reads a little markup."""
    from xml.sax.saxutils import escape

    return escape(value.translate(PDF_STAND_INS)).replace("\n", "<br/>")


def pdf_styles() -> dict:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    base = {"fontName": PDF_FONT, "wordWrap": "CJK"}
    return {
        "title": ParagraphStyle("title", fontSize=18, leading=24, spaceAfter=4, **base),
        "h1": ParagraphStyle("h1", fontSize=12.5, leading=17, spaceBefore=10, spaceAfter=4, **base),
        "body": ParagraphStyle("body", fontSize=9.5, leading=13.5, **base),
        "cell": ParagraphStyle("cell", fontSize=8, leading=11, **base),
    }


def pdf_table(rows: list[list[str]], styles: dict, widths: list[float], header: bool = False):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    cells = [[Paragraph(text(value), styles["cell"]) for value in row] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1 if header else 0)
    look = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#dddddd")),
    ]
    if header:
        look.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7")))
    table.setStyle(TableStyle(look))
    return table
