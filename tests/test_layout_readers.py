"""Readers give layout, not just text: each block carries how it looks (issue 9).

Fictional documents written at test time: a PDF with a larger bold title and an indented
paragraph, a DOCX with heading, list and bold-run paragraphs, an HTML page with headings and
whole-block <strong>. Each test states the layout the reader must report.
"""

from __future__ import annotations

import io
from typing import Any

import pytest

from minutes_parser.model import Block, BlockKind, Layout, ReadDocument
from minutes_parser.readers import ReadOptions
from minutes_parser.readers.html import read as read_html_bytes
from minutes_parser.readers.text import read as read_text_bytes
from test_reader_pdf import Text, find, make_pdf, read_pdf


def block_with(document: ReadDocument, words: str) -> Block:
    matches = [b for b in document.blocks if words in b.text]
    assert matches, f"no block contains {words!r}: {[b.text for b in document.blocks]}"
    return matches[0]


def layout_of(document: ReadDocument, words: str) -> Layout:
    layout = block_with(document, words).layout
    assert layout is not None, f"block {words!r} has no layout"
    return layout


# --- PDF ----------------------------------------------------------------------------------------


def test_pdf_blocks_carry_size_against_body_bold_indent_and_page() -> None:
    body = [
        "The clerk reported that the footpath along Wrenbeck Lane had been resurfaced",
        "and that the contractor would return to clear the verges before the autumn.",
    ]
    page = [
        Text(72, 780, "Minutes of Thornwick Parish Council", size=16, bold=True),
        Text(72, 740, "1. Footpaths", bold=True),
        *[Text(72, 720 - 14 * i, t) for i, t in enumerate(body)],
        Text(108, 670, "Councillors asked for the verge work to be finished by the end of September."),
        Text(72, 640, "2. Allotments", bold=True),
        *[Text(72, 620 - 14 * i, t) for i, t in enumerate(body)],
    ]
    document = read_pdf(make_pdf([page, [Text(72, 760, "3. Any other business", bold=True), *[Text(72, 740 - 14 * i, t) for i, t in enumerate(body)]]]))

    title = layout_of(document, "Thornwick Parish Council")
    assert title.size_ratio is not None and title.size_ratio > 1.3
    assert title.bold and title.indent == 0

    heading = layout_of(document, "Footpaths")
    assert heading.bold and heading.size_ratio == pytest.approx(1.0, abs=0.05)

    paragraph = layout_of(document, "resurfaced")
    assert not paragraph.bold and paragraph.indent == 0
    assert paragraph.size_ratio == pytest.approx(1.0, abs=0.05)

    indented = layout_of(document, "verge work")
    assert indented.indent is not None and 30 <= indented.indent <= 40

    assert find(document, "Any other business").page == 2
    assert layout_of(document, "Any other business").bold


# --- DOCX ---------------------------------------------------------------------------------------


def _docx_bytes(populate: Any) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    populate(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _read_docx(data: bytes) -> ReadDocument:
    from minutes_parser.readers.docx import read

    return read(data, options=ReadOptions(name="fixture.docx"))


def test_docx_blocks_carry_style_outline_bold_italic_and_indent() -> None:
    def populate(document: Any) -> None:
        document.add_heading("Minutes of Hollowmere Village Hall Committee", level=1)
        document.add_heading("Roof repairs", level=2)
        document.add_paragraph("The treasurer reported two quotes for the roof and the committee discussed them.")
        bold = document.add_paragraph()
        bold.add_run("Car park lighting").bold = True
        leaning = document.add_paragraph()
        leaning.add_run("Quotes to be circulated before the next meeting.").italic = True
        document.add_paragraph("Order new chairs", style="List Bullet")
        indented = document.add_paragraph("Mrs Pell asked that the hall keys be collected from the shop.")
        indented.paragraph_format.left_indent = 457200  # half an inch, in EMU: 36 points

    document = _read_docx(_docx_bytes(populate))

    top = layout_of(document, "Hollowmere")
    assert (top.style or "").lower() == "heading 1" and top.outline == 1
    second = layout_of(document, "Roof repairs")
    assert (second.style or "").lower() == "heading 2" and second.outline == 2

    body = layout_of(document, "two quotes")
    assert (body.style or "").lower() == "normal" and body.outline is None and not body.bold and not body.italic

    bold = block_with(document, "Car park lighting")
    assert bold.kind is BlockKind.HEADING and bold.layout is not None and bold.layout.bold
    assert (bold.layout.style or "").lower() == "normal"

    assert layout_of(document, "circulated").italic
    assert (layout_of(document, "new chairs").style or "").lower() == "list bullet"
    assert layout_of(document, "hall keys").indent == pytest.approx(36.0)
    # Word keeps built-in style names in lower case ("heading 1"); the name is kept as stored.


def test_docx_table_rows_carry_a_table_layout() -> None:
    def populate(document: Any) -> None:
        document.add_paragraph("Actions agreed at the meeting of the Brackley Fen drainage board.")
        table = document.add_table(rows=3, cols=2)
        for row, (task, owner) in enumerate([("Task", "Owner"), ("Clear the culvert", "Ada Quill"), ("Order signs", "Ben Orrin")]):
            table.cell(row, 0).text = task
            table.cell(row, 1).text = owner

    document = _read_docx(_docx_bytes(populate))
    row = next(b for b in document.blocks if b.kind is BlockKind.TABLE_ROW and "culvert" in b.text)
    assert row.layout is not None and row.layout.style == "table"


# --- HTML ---------------------------------------------------------------------------------------


def _read_html(markup: str) -> ReadDocument:
    return read_html_bytes(markup.encode("utf-8"), options=ReadOptions(name="page.html"))


def test_html_blocks_carry_tag_heading_level_and_whole_block_emphasis() -> None:
    document = _read_html(
        """<html><body>
        <h1>Minutes of Saltmarsh Community Council</h1>
        <h3>5. Harbour wall</h3>
        <p>The secretary said the harbour wall survey was due in <b>March</b>.</p>
        <p><strong>Playing field drainage</strong></p>
        <p><em>Members noted that the report on the harbour lease from the landowner would follow in the spring.</em></p>
        <ul><li>Members thanked the volunteers who cleared the beach.</li></ul>
        <pre>Papers tabled at the meeting were kept on file.</pre>
        </body></html>"""
    )
    top = layout_of(document, "Saltmarsh")
    assert top.style == "h1" and top.outline == 1
    third = layout_of(document, "Harbour wall")
    assert third.style == "h3" and third.outline == 3

    mixed = layout_of(document, "survey")
    assert mixed.style == "p" and not mixed.bold and mixed.outline is None

    strong = block_with(document, "Playing field drainage")
    assert strong.layout is not None and strong.layout.bold and strong.layout.style == "p"

    assert layout_of(document, "landowner").italic
    assert layout_of(document, "volunteers").style == "li"
    assert layout_of(document, "Papers tabled").style == "pre"


def test_plain_text_blocks_have_no_layout() -> None:
    document = read_text_bytes(
        b"1. Apologies\n\nNone were received from the members of Eastfold Parish Council.\n",
        options=ReadOptions(name="notes.txt"),
    )
    assert document.blocks and all(block.layout is None for block in document.blocks)
