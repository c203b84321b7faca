"""The review document's page layout: margins and colours, paragraph styles, grid tables, the
bookmark of an answer's start and the page footer (reportlab's platypus, built-in Helvetica).
What the document says is in bot/content/review_pdf.py."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
GRID = colors.HexColor("#b0b0b0")
HEAD_BG = colors.HexColor("#e6e9ef")
WARN = colors.HexColor("#a40000")
WARN_BG = colors.HexColor("#fde4e4")


def paragraph_styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName="Helvetica", fontSize=11, leading=14
    )  # text at least 10 pt
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=10, leading=12.5),
        "small_warn": ParagraphStyle(
            "small_warn", base, fontName="Helvetica-Bold", fontSize=10, leading=12.5, textColor=WARN
        ),
        "cell_head": ParagraphStyle(
            "cell_head", base, fontName="Helvetica-Bold", fontSize=10, leading=12.5
        ),
        "key": ParagraphStyle(
            "key",
            base,
            fontName="Helvetica-Bold",
            fontSize=10,
            leading=12.5,
            textColor=colors.HexColor("#444444"),
        ),
        "title": ParagraphStyle(
            "title", base, fontName="Helvetica-Bold", fontSize=18, leading=22, spaceAfter=4 * mm
        ),
        "h1": ParagraphStyle(
            "h1",
            base,
            fontName="Helvetica-Bold",
            fontSize=13,
            leading=16,
            spaceBefore=4 * mm,
            spaceAfter=2 * mm,
        ),
        "h2": ParagraphStyle(
            "h2",
            base,
            fontName="Helvetica-Bold",
            fontSize=12,
            leading=15,
            spaceBefore=2 * mm,
            spaceAfter=1.5 * mm,
            textColor=colors.HexColor("#1f3a68"),
        ),
        "warn": ParagraphStyle(
            "warn",
            base,
            fontName="Helvetica-Bold",
            textColor=WARN,
            backColor=WARN_BG,
            borderPadding=(2, 4, 3, 4),
            spaceBefore=1 * mm,
            spaceAfter=2.5 * mm,
        ),
        "note": ParagraphStyle(
            "note", base, fontName="Helvetica-Oblique", textColor=colors.HexColor("#8a4b00")
        ),
    }


def as_markup(text: str) -> str:
    """Plain text as reportlab mini-markup: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def grid_table(
    rows: list[list[Any]], widths: list[float], header: bool = True, split_in_row: bool = False
) -> Table:
    """A grid table with a shaded header row that repeats on every page it spans."""
    table = Table(
        rows,
        colWidths=widths,
        repeatRows=1 if header else 0,
        splitInRow=1 if split_in_row else 0,
        hAlign="LEFT",
    )
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
    table.setStyle(TableStyle(style))
    return table


class Anchor(Flowable):
    """Zero-size flowable marking an answer's start: a PDF bookmark and outline entry."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key, self.title = key, title

    def wrap(self, *_: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0)


def page_footer(title: str, page: str, today: dt.date) -> Callable[[Canvas, Any], None]:
    """The footer drawn on every page: the document's title and date, and `page` with the page
    number in place of its `{number}`."""

    def draw(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 10)
        canvas.setFillColor(colors.HexColor("#666666"))
        y = 10 * mm
        canvas.drawString(MARGIN, y, f"{title} · {today.isoformat()}")
        canvas.drawRightString(A4[0] - MARGIN, y, page.format(number=doc.page))
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, y + 3.5 * mm, A4[0] - MARGIN, y + 3.5 * mm)
        canvas.restoreState()

    return draw
