"""DOCX reader: fixtures are built with python-docx at test time (no binaries in the repo)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

from minutes_parser.errors import (  # noqa: E402
    DocumentTooLargeError,
    EmptyDocumentError,
    UnsupportedFormatError,
)
from minutes_parser.model import Block, BlockKind, ReadDocument, SourceFormat  # noqa: E402
from minutes_parser.readers import ReadOptions, detect_format  # noqa: E402
from minutes_parser.readers.docx import read, split_margin  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
W = nsdecls("w")


def build(populate: Callable[[Any], None]) -> bytes:
    document = docx.Document()
    populate(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def read_docx(data: bytes, **options: Any) -> ReadDocument:
    return read(data, options=ReadOptions(name="fixture.docx", **options))


def kinds(document: ReadDocument) -> list[tuple[BlockKind, str]]:
    return [(block.kind, block.text) for block in document.blocks]


def assert_spans(document: ReadDocument) -> None:
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text


def add_numbering(document: Any) -> None:
    """A three-level council list: "5.", "5.1", "(a)" starting at 5, as list numId 90."""
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>'
            '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%4)"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    # A second instance of the same list that restarts level 0 at 1 ("Restart numbering").
    numbering.append(
        parse_xml(
            f'<w:num {W} w:numId="91"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )


def numbered(document: Any, text: str, num_id: int, ilvl: int, *, bold: bool = False) -> Any:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )
    return paragraph


def test_body_order_headings_and_tables_interleaved() -> None:
    def populate(document: Any) -> None:
        document.add_heading("Parish Council Minutes", level=1)
        document.add_paragraph("Present: Cllr A. Jones (Chair), Cllr B. Patel.")
        document.add_heading("Finance", level=2)
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "Payee"
        table.cell(0, 1).text = "Amount"
        table.cell(1, 0).text = "Clerk salary"
        table.cell(1, 1).text = "£450.00"
        document.add_paragraph("The payments were approved.")

    result = read_docx(build(populate))
    assert result.format is SourceFormat.DOCX
    assert [block.kind for block in result.blocks] == [
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.TABLE_ROW,
        BlockKind.TABLE_ROW,
        BlockKind.PARAGRAPH,
    ]
    assert [block.level for block in result.blocks if block.kind is BlockKind.HEADING] == [1, 2]
    assert result.blocks[4].cells == ("Clerk salary", "£450.00")
    assert result.blocks[5].text == "The payments were approved."
    assert_spans(result)


def test_list_numbers_are_recomputed_from_numbering_definitions() -> None:
    def populate(document: Any) -> None:
        add_numbering(document)
        numbered(document, "Minutes of the last meeting", 90, 0)
        numbered(document, "The minutes were approved.", 90, 1)
        numbered(document, "Matters arising were noted.", 90, 1)
        numbered(document, "the footpath at Mill Lane;", 90, 2)
        numbered(document, "the bench on the green.", 90, 2)
        numbered(document, "first point", 90, 3)
        numbered(document, "Finance", 90, 0)
        numbered(document, "Accounts for payment were approved.", 90, 1)
        numbered(document, "A restarted list", 91, 0)

    result = read_docx(build(populate))
    markers = [(block.marker, block.text) for block in result.blocks]
    assert markers == [
        ("5.", "Minutes of the last meeting"),
        ("5.1", "The minutes were approved."),
        ("5.2", "Matters arising were noted."),
        ("(a)", "the footpath at Mill Lane;"),
        ("(b)", "the bench on the green."),
        ("i)", "first point"),
        ("6.", "Finance"),
        ("6.1", "Accounts for payment were approved."),
        ("1.", "A restarted list"),
    ]
    assert all(block.kind is BlockKind.LIST_ITEM for block in result.blocks)
    assert [block.level for block in result.blocks][:4] == [1, 2, 2, 3]
    # The marker is printed in the rebuilt text, but not inside the block's own text.
    assert "5.1 The minutes were approved." in result.text
    assert_spans(result)


def test_list_number_style_and_bullets_from_default_template() -> None:
    def populate(document: Any) -> None:
        for text in ("Apologies were received.", "Declarations: none.", "Planning applications"):
            document.add_paragraph(text, style="List Number")
        document.add_paragraph("A bullet point", style="List Bullet")

    result = read_docx(build(populate))
    assert [block.marker for block in result.blocks] == ["1.", "2.", "3.", "•"]


def test_bold_numbered_title_becomes_numbered_heading() -> None:
    def populate(document: Any) -> None:
        add_numbering(document)
        numbered(document, "Planning Applications", 90, 0, bold=True)
        numbered(document, "No objections were raised to 24/0113/FUL.", 90, 1)
        paragraph = document.add_paragraph()
        paragraph.add_run("Any Other Business").bold = True
        paragraph = document.add_paragraph()
        paragraph.add_run("Resolved:").bold = True
        document.add_paragraph("That the budget be approved.")

    result = read_docx(build(populate))
    assert kinds(result) == [
        (BlockKind.HEADING, "5. Planning Applications"),
        (BlockKind.LIST_ITEM, "No objections were raised to 24/0113/FUL."),
        (BlockKind.HEADING, "Any Other Business"),
        (BlockKind.PARAGRAPH, "Resolved: That the budget be approved."),
    ]
    assert result.blocks[0].marker == "5."
    assert_spans(result)


def test_tracked_changes_are_read_as_accepted() -> None:
    def populate(document: Any) -> None:
        paragraph = document.add_paragraph("The Council ")
        paragraph._p.append(
            parse_xml(f'<w:ins {W} w:id="1" w:author="Clerk"><w:r><w:t>agreed</w:t></w:r></w:ins>')
        )
        paragraph._p.append(
            parse_xml(
                f'<w:del {W} w:id="2" w:author="Clerk"><w:r><w:delText>refused</w:delText></w:r></w:del>'
            )
        )
        paragraph._p.append(
            parse_xml(f'<w:r {W}><w:t xml:space="preserve"> the budget.</w:t></w:r>')
        )
        deleted = document.add_paragraph()
        deleted._p.append(
            parse_xml(
                f'<w:del {W} w:id="3" w:author="Clerk"><w:r><w:delText>A paragraph struck out.</w:delText></w:r></w:del>'
            )
        )

    result = read_docx(build(populate))
    assert kinds(result) == [(BlockKind.PARAGRAPH, "The Council agreed the budget.")]
    assert "refused" not in result.text
    assert any("tracked changes" in warning for warning in result.warnings)


def test_hidden_text_is_not_read() -> None:
    def populate(document: Any) -> None:
        paragraph = document.add_paragraph("The budget was approved.")
        paragraph.add_run(" Internal note: check the VAT.").font.hidden = True

    assert kinds(read_docx(build(populate))) == [(BlockKind.PARAGRAPH, "The budget was approved.")]


def test_headers_footers_comments_and_field_codes_left_out() -> None:
    def populate(document: Any) -> None:
        section = document.sections[0]
        section.header.paragraphs[0].text = "DRAFT - not for circulation"
        section.footer.paragraphs[0].text = "Page 1 of 3"
        paragraph = document.add_paragraph("The Clerk reported on the precept.")
        if hasattr(document, "add_comment"):  # python-docx >= 1.2
            document.add_comment(paragraph.runs, text="Check this figure", author="Chair")
        field = document.add_paragraph("Printed ")
        field._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>'))
        field._p.append(
            parse_xml(
                f'<w:r {W}><w:instrText xml:space="preserve"> DATE \\@ "d MMMM yyyy" </w:instrText></w:r>'
            )
        )
        field._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>'))
        field._p.append(parse_xml(f"<w:r {W}><w:t>4 March 2024</w:t></w:r>"))
        field._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>'))

    result = read_docx(build(populate))
    assert kinds(result) == [
        (BlockKind.PARAGRAPH, "The Clerk reported on the precept."),
        (BlockKind.PARAGRAPH, "Printed 4 March 2024"),
    ]
    for absent in ("DRAFT", "Page 1", "Check this figure", "DATE"):
        assert absent not in result.text


def test_action_table_header_row_and_merged_cells_counted_once() -> None:
    def populate(document: Any) -> None:
        table = document.add_table(rows=4, cols=3)
        for cell, text in zip(table.rows[0].cells, ("Action", "Owner", "Due"), strict=True):
            cell.text = text
        for cell, text in zip(
            table.rows[1].cells, ("Circulate the draft budget", "Clerk", "15 December"), strict=True
        ):
            cell.text = text
        merged = table.cell(2, 0).merge(table.cell(2, 1))
        merged.text = "Members to review the Standing Orders"
        tall = table.cell(2, 2).merge(table.cell(3, 2))
        tall.text = "January"
        table.cell(3, 0).text = "Order a new notice board"
        table.cell(3, 1).text = "Clerk"

    result = read_docx(build(populate))
    rows = [block for block in result.blocks if block.kind is BlockKind.TABLE_ROW]
    assert [row.header_row for row in rows] == [True, False, False, False]
    assert rows[0].cells == ("Action", "Owner", "Due")
    assert rows[1].cells == ("Circulate the draft budget", "Clerk", "15 December")
    assert rows[2].cells == ("Members to review the Standing Orders", "January")
    # The due cell spans two rows: its text is read once, the row below has an empty continuation.
    assert rows[3].cells == ("Order a new notice board", "Clerk", "")
    assert_spans(result)


def test_header_row_flag_from_table_markup() -> None:
    def populate(document: Any) -> None:
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "Councillor"
        table.cell(0, 1).text = "Attendance"
        table.cell(1, 0).text = "Cllr Jones"
        table.cell(1, 1).text = "Present"
        table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W}/>"))

    rows = read_docx(build(populate)).blocks
    assert [row.header_row for row in rows] == [True, False]


def test_layout_table_is_read_as_numbered_minutes_with_action_column() -> None:
    minute = (
        "The Clerk reported that the verge on Mill Lane had been damaged by contractors and that "
        "the County Council had been informed; members asked for a site visit to be arranged. "
    ) * 3

    def populate(document: Any) -> None:
        table = document.add_table(rows=3, cols=3)
        table.cell(0, 0).text = "Minute"
        table.cell(0, 1).text = "Details"
        table.cell(0, 2).text = "Action"
        table.cell(1, 0).text = "14/09/5"
        title = table.cell(1, 1).paragraphs[0]
        title.add_run("Highways Matters").bold = True
        table.cell(1, 1).add_paragraph(minute)
        table.cell(1, 2).text = "Clerk"
        table.cell(2, 0).text = "14/09/6"
        table.cell(2, 1).text = "Correspondence was noted."
        table.cell(2, 2).text = ""

    result = read_docx(build(populate))
    assert kinds(result) == [
        (BlockKind.HEADING, "14/09/5 Highways Matters"),
        (BlockKind.PARAGRAPH, minute.strip()),
        (BlockKind.LIST_ITEM, "Correspondence was noted."),
    ]
    assert result.blocks[1].margin == "Clerk"
    assert result.blocks[2].marker == "14/09/6"
    assert_spans(result)


def test_long_action_table_stays_a_table() -> None:
    def populate(document: Any) -> None:
        table = document.add_table(rows=2, cols=3)
        for cell, text in zip(table.rows[0].cells, ("Action", "Owner", "Due"), strict=True):
            cell.text = text
        table.cell(1, 0).text = "Prepare the budget. " * 30
        table.cell(1, 1).text = "Clerk"
        table.cell(1, 2).text = "March"

    rows = read_docx(build(populate)).blocks
    assert [row.kind for row in rows] == [BlockKind.TABLE_ROW, BlockKind.TABLE_ROW]
    assert rows[0].header_row


def test_one_column_table_is_read_as_body_text() -> None:
    def populate(document: Any) -> None:
        table = document.add_table(rows=1, cols=1)
        cell = table.cell(0, 0)
        cell.paragraphs[0].text = "Note from the Chair"
        cell.add_paragraph("The next meeting will be held on 4 March.")

    result = read_docx(build(populate))
    assert [block.kind for block in result.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert result.blocks[1].text == "The next meeting will be held on 4 March."


def test_owner_at_right_margin_after_tabs() -> None:
    def populate(document: Any) -> None:
        document.add_paragraph(
            "The Clerk would write to the County Council about the verge.\t\tClerk"
        )
        document.add_paragraph("Present:\tCllr Jones")

    result = read_docx(build(populate))
    assert result.blocks[0].text == "The Clerk would write to the County Council about the verge."
    assert result.blocks[0].margin == "Clerk"
    assert result.blocks[1].text == "Present: Cllr Jones"
    assert result.blocks[1].margin is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cllr Smith to contact Highways about the pothole\tCS",
            ("Cllr Smith to contact Highways about the pothole", "CS"),
        ),
        (
            "Precept for the year was agreed at\t£12,000",
            ("Precept for the year was agreed at\t£12,000", None),
        ),
        ("No tabs here", ("No tabs here", None)),
    ],
)
def test_split_margin(text: str, expected: tuple[str, str | None]) -> None:
    assert split_margin(text) == expected


def test_declared_size_over_limit_is_refused_before_inflating() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b" " * (8 * 1024 * 1024) + b"/>")
    data = buffer.getvalue()
    assert len(data) < 64 * 1024  # a small file that inflates 100-fold and more
    with pytest.raises(DocumentTooLargeError, match="zip bomb"):
        read_docx(data, max_unzipped_bytes=1024 * 1024)


def test_corrupt_zip_is_unsupported_with_reason() -> None:
    data = build(lambda document: document.add_paragraph("Some minutes."))
    with pytest.raises(UnsupportedFormatError, match="corrupt DOCX"):
        read_docx(data[: len(data) // 2])
    with pytest.raises(UnsupportedFormatError, match="corrupt DOCX"):
        read_docx(b"PK\x03\x04 this is not really a zip")


def test_zip_without_main_document_part() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/styles.xml", "<w:styles/>")
    with pytest.raises(UnsupportedFormatError, match="no main document part"):
        read_docx(buffer.getvalue())


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    data = build(lambda document: document.add_paragraph("placeholder"))
    document_xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(rebuilt, "w") as target:
        for info in source.infolist():
            payload = (
                document_xml.encode() if info.filename == "word/document.xml" else source.read(info)
            )
            target.writestr(info.filename, payload)
    try:
        result = read_docx(rebuilt.getvalue())
    except UnsupportedFormatError as error:
        assert "DOCTYPE" in str(error)
    else:
        assert "TOP-SECRET" not in result.text


def test_document_without_text_is_empty() -> None:
    with pytest.raises(EmptyDocumentError):
        read_docx(build(lambda document: document.add_paragraph("   ")))


def test_detected_as_docx_whatever_the_name() -> None:
    data = build(lambda document: document.add_paragraph("Minutes"))
    assert detect_format(data, "minutes.txt") == "docx"
    assert detect_format(data, "") == "docx"


def test_large_document_reads_every_paragraph() -> None:
    def populate(document: Any) -> None:
        for index in range(300):
            style = "Heading 2" if index % 25 == 0 else ("List Number" if index % 3 else "Normal")
            document.add_paragraph(f"Paragraph {index} about the parish precept.", style=style)

    result = read_docx(build(populate))
    assert len(result.blocks) == 300
    assert sum(block.kind is BlockKind.HEADING for block in result.blocks) == 12


def _corpus_file(name: str) -> bytes:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} not available beside the checkout")
    return path.read_bytes()


def test_corpus_group_project_minutes() -> None:
    result = read_docx(_corpus_file("aber_group15_2015-12-10.docx"))
    first: Block = result.blocks[0]
    assert first.kind is BlockKind.HEADING
    assert first.text == "Group Project Meeting Thu 10th December 2015"
    items = [block for block in result.blocks if block.kind is BlockKind.LIST_ITEM]
    assert any(block.text == "ACTION Jack – Get hour log up on GitHub" for block in items)
    nested = next(block for block in items if block.text.startswith("Syncing will be worked on"))
    assert nested.level == 2
    assert all(block.text for block in result.blocks)  # numbered-but-empty paragraphs dropped
    assert_spans(result)


def test_corpus_tutorial_minutes_action_list() -> None:
    result = read_docx(_corpus_file("aber_group15_2015-12-03_tutorial.docx"))
    texts = [block.text for block in result.blocks]
    assert "ACTIONS:" in texts
    after = texts[texts.index("ACTIONS:") + 1]
    assert after.startswith("Freddie and Simon: Create presentation")
    marker = result.blocks[texts.index("ACTIONS:") + 1].marker
    assert marker is not None
