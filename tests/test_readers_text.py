"""Text-like readers: encodings, ModernGov exports, Markdown, reStructuredText, format detection.

Every fixture is written here in the shape of real published minutes (parish and district council
text exports, ModernGov "note of last meeting" files, WordPress Markdown, Sphinx-style rST);
none is copied from a real document.
"""

from __future__ import annotations

import pytest

from minutes_parser.core import parse_bytes
from minutes_parser.errors import DecodeError, EmptyDocumentError, UnsupportedFormatError
from minutes_parser.model import BlockKind, ReadDocument, SourceFormat
from minutes_parser.readers import ReadOptions, detect_format, read_bytes
from minutes_parser.readers.decode import decode_text


def read_as(data: bytes, name: str) -> ReadDocument:
    return read_bytes(data, ReadOptions(name=name))


def kinds_and_texts(document: ReadDocument) -> list[tuple[BlockKind, str]]:
    return [(block.kind, block.text) for block in document.blocks]


def squash(text: str) -> str:
    return " ".join(text.split())


# --- encodings ------------------------------------------------------------------------------------

VILLAGE_HALL = (
    "MINUTES OF THE VILLAGE HALL MANAGEMENT COMMITTEE\n"
    "Held on Tuesday 9 January 2024 at 7pm in the Small Hall\n"
    "\n"
    "1. Finance\n"
    "The Treasurer reported a balance of £500 in the deposit account. The “new” boiler\n"
    "cost £1,250 – more than the £1,000 budgeted – and the café’s invoice is unpaid.\n"
    "\n"
    "2. Bookings\n"
    "The Secretary to chase the unpaid invoice by 31 January.\n"
)


@pytest.mark.parametrize(
    ("label", "data", "warns"),
    [
        ("utf-8", VILLAGE_HALL.encode("utf-8"), False),
        ("utf-8 with BOM", b"\xef\xbb\xbf" + VILLAGE_HALL.encode("utf-8"), False),
        ("utf-16 LE with BOM", b"\xff\xfe" + VILLAGE_HALL.encode("utf-16-le"), False),
        ("utf-16 BE with BOM", b"\xfe\xff" + VILLAGE_HALL.encode("utf-16-be"), False),
        ("cp1252", VILLAGE_HALL.encode("cp1252"), True),
    ],
)
def test_encodings_decode_exactly(label: str, data: bytes, warns: bool) -> None:
    assert detect_format(data, "minutes.txt") == "text", label
    document = read_as(data, "minutes.txt")
    assert document.format is SourceFormat.TEXT
    assert document.text == VILLAGE_HALL  # every character, no BOM left at the start
    assert "\ufffd" not in document.text and "\ufeff" not in document.text
    assert bool(document.warnings) is warns
    if warns:
        assert "cp1252" in document.warnings[0]


def test_cp1252_pound_and_curly_quotes_survive_the_whole_pipeline() -> None:
    minutes = parse_bytes(VILLAGE_HALL.encode("cp1252"), name="village_hall.txt")
    paragraphs = [p.text for item in minutes.items for p in item.paragraphs]
    joined = "\n".join(paragraphs)
    assert "£500" in joined
    assert "“new”" in joined and "café’s" in joined and "£1,250 – more" in joined
    assert "\ufffd" not in joined
    assert any("Secretary to chase" in a.text for a in minutes.actions)


def test_latin1_text_decodes_to_the_same_characters() -> None:
    text = "Café committee minutes\n\nThe crèche fee stays at £5; ½ price for members. Señor Núñez thanked all.\n"
    decoded = decode_text(text.encode("latin-1"))
    assert decoded.text == text
    assert decoded.warning is not None  # a guessed single-byte encoding is named


def test_utf16_without_bom_is_recognised_and_named_in_a_warning() -> None:
    decoded = decode_text(VILLAGE_HALL.encode("utf-16-le"))
    assert decoded.text == VILLAGE_HALL
    assert decoded.warning is not None and "utf-16-le" in decoded.warning


def test_mixed_line_endings_give_the_same_blocks_as_unix_ones() -> None:
    unix = read_as(VILLAGE_HALL.encode("utf-8"), "minutes.txt")
    lines = VILLAGE_HALL.split("\n")
    endings = ["\r\n", "\r", "\n"]
    mixed = "".join(line + endings[i % 3] for i, line in enumerate(lines[:-1]))
    document = read_as(mixed.encode("utf-8"), "minutes.txt")
    assert "\r" not in document.text
    assert kinds_and_texts(document) == kinds_and_texts(unix)


def test_plain_text_blocks_point_back_into_the_text() -> None:
    document = read_as(VILLAGE_HALL.encode("utf-8"), "minutes.txt")
    assert [b.kind for b in document.blocks] == [BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM]
    assert [b.marker for b in document.blocks] == [None, "1.", "2."]
    for block in document.blocks:
        assert squash(block.text) in squash(document.text[block.start : block.end])


@pytest.mark.parametrize(
    ("data", "error", "reason"),
    [
        (b"", EmptyDocumentError, "empty"),
        (b" \r\n\t\n   ", EmptyDocumentError, "whitespace"),
        (b"Minutes of the meeting\x00\x00held on\x00 1 May\n" * 3, UnsupportedFormatError, "binary"),
        # Broken UTF-8 sequences mixed with bytes cp1252 leaves undefined.
        (b"Minutes \xc3\x28\xa0\xa1\x81\x8d" * 30, DecodeError, "undecodable"),
    ],
)
def test_unusable_bytes_raise_typed_errors(data: bytes, error: type[Exception], reason: str) -> None:
    with pytest.raises(error, match=reason):
        decode_text(data)


# --- ModernGov ------------------------------------------------------------------------------------

MODERNGOV = (
    " Minutes of the Environment and Transport Committee\n"
    "\tTitle:\n\n\n\tEnvironment and Transport Committee\n\n"
    "\tDate:\n\n\n\tTuesday 12 March 2024\n\n"
    "<AI1>\n\n\t1  \n\tApologies and declarations of interest\n \n"
    "\tApologies were received from Cllr Dana Whitlow.\n\n\n</AI1>\n\n"
    "<AI2>\n\n\t2  \n\tBus service review\n \n"
    "\tMembers discussed the proposed changes to the 42 route, which runs hourly\n"
    "on Sundays.\n\n"
    "Decision:\nMembers agreed the revised timetable.\n\n"
    "Action:\nOfficers to publish the timetable by 30 April 2024.\n\n\n"
    "</AI3>\n\n"  # closes what it did not open, as real exports do
    "<AI3>\n\n\t3  \n\tAny other business\n\t\n\tNo other business was raised.\n\n</AI3>\n\n"
    "<TRAILER_SECTION>\n\n"
    "Appendix A: Attendance\n"
    "\tName\tOrganisation\tRole\n"
    "\tCllr Dana Whitlow\tHartfield Borough Council\tChair\n"
    "\tIan Prosser\tTransport Partnership\tOfficer\n"
    "</TRAILER_SECTION>\n"
)


def test_moderngov_blocks_follow_opening_tags_and_warn_on_a_mismatched_close() -> None:
    document = read_as(MODERNGOV.encode("utf-8"), "export.dat")
    assert document.format is SourceFormat.MODERNGOV
    boundaries = [b.key for b in document.blocks if b.kind is BlockKind.ITEM_BOUNDARY]
    assert boundaries == ["AI1", "AI2", "AI3"]
    assert any("<AI2>" in w and "</AI3>" in w for w in document.warnings)
    # The decision and action written before the stray </AI3> belong to item AI2.
    order = [b.key or b.text for b in document.blocks]
    ai2, ai3 = order.index("AI2"), order.index("AI3")
    between = [b.text for b in document.blocks[ai2:ai3]]
    assert "Decision:\nMembers agreed the revised timetable." in between
    assert "Action:\nOfficers to publish the timetable by 30 April 2024." in between


def test_moderngov_tab_led_cells_trailer_and_table_rows() -> None:
    document = read_as(MODERNGOV.encode("utf-8"), "export.dat")
    cells = [b.text for b in document.blocks if b.marker == "cell"]
    assert cells[:4] == ["Title:", "Environment and Transport Committee", "Date:", "Tuesday 12 March 2024"]
    assert "Apologies were received from Cllr Dana Whitlow." in cells
    breaks = [i for i, b in enumerate(document.blocks) if b.kind is BlockKind.SECTION_BREAK]
    assert len(breaks) == 1
    rows = [b.cells for b in document.blocks[breaks[0] :] if b.kind is BlockKind.TABLE_ROW]
    assert rows == [
        ("Name", "Organisation", "Role"),
        ("Cllr Dana Whitlow", "Hartfield Borough Council", "Chair"),
        ("Ian Prosser", "Transport Partnership", "Officer"),
    ]
    assert not any("<" in b.text for b in document.blocks)  # no tag leaks into the text


def test_moderngov_items_decisions_and_actions_end_to_end() -> None:
    minutes = parse_bytes(MODERNGOV.encode("utf-8"), name="export.dat")
    assert minutes.source.format is SourceFormat.MODERNGOV
    items = [(i.key, i.number, i.title) for i in minutes.items if not i.appendix and not i.preamble]
    assert items == [
        ("AI1", "1", "Apologies and declarations of interest"),
        ("AI2", "2", "Bus service review"),
        ("AI3", "3", "Any other business"),
    ]
    assert [(d.item, d.text) for d in minutes.decisions] == [("2", "Members agreed the revised timetable.")]
    assert [(a.item, a.text) for a in minutes.actions] == [("2", "Officers to publish the timetable by 30 April 2024.")]
    assert minutes.actions[0].due is not None and minutes.actions[0].due.value == "2024-04-30"
    assert minutes.meeting.date is not None and minutes.meeting.date.isoformat() == "2024-03-12"
    assert any("</AI3>" in w for w in minutes.warnings)


# --- Markdown -------------------------------------------------------------------------------------

MARKDOWN = """---
title: "Ashcombe Parish Council – Minutes, 5 February 2024"
layout: page
---

# Ashcombe Parish Council

**Minutes of the meeting held on Monday 5 February 2024 at 7.30pm in the Village Hall**

Present: Cllr Joan Fairley (Chair), Cllr Peter Osei, Cllr Ruth Danvers

## 14/24 Footpaths

The *overgrown* hedge on [Footpath 12](https://example.org/fp12?x=(1)) was reported by a **resident**.

- Cllr Osei will inspect the path.
  - The landowner is to be contacted first.
- The Clerk to write to the landowner.

| Action | Owner | Due |
|--------|-------|-----|
| Order two new dog bins | Clerk | 31 March 2024 |
| Check the __bus shelter__ roof | PO | next meeting |

## 15/24 Planning

Application `24/0113/FUL`, see <https://planning.example.org/24/0113>: no objection.
"""

HTML_TABLE = (
    "\n<table><tr><th>Budget line</th><th>Amount</th></tr>"
    "<tr><td>Grass cutting</td><td>&pound;1,200 &amp; VAT</td></tr></table>\n"
)


def test_markdown_headings_front_matter_and_inline_markup() -> None:
    document = read_as(MARKDOWN.encode("utf-8"), "minutes.md")
    assert document.format is SourceFormat.TEXT and document.dialect == "markdown"
    headings = [(b.level, b.text) for b in document.blocks if b.kind is BlockKind.HEADING]
    assert headings[0] == (1, "Ashcombe Parish Council – Minutes, 5 February 2024")  # front matter title
    assert (1, "Ashcombe Parish Council") in headings
    assert (2, "14/24 Footpaths") in headings and (2, "15/24 Planning") in headings
    texts = [b.text for b in document.blocks]
    # Link reduced to its text, emphasis markers dropped, code and autolinks unwrapped.
    assert "The overgrown hedge on Footpath 12 was reported by a resident." in texts
    assert "Application 24/0113/FUL, see https://planning.example.org/24/0113: no objection." in texts
    assert not any(ch in text for text in texts for ch in "*_`[]")
    assert not any("layout:" in text for text in texts)


def test_markdown_nested_bullets_and_pipe_tables() -> None:
    document = read_as(MARKDOWN.encode("utf-8"), "minutes.md")
    bullets = [(b.level, b.marker, b.text) for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert bullets == [
        (0, "-", "Cllr Osei will inspect the path."),
        (1, "-", "The landowner is to be contacted first."),
        (0, "-", "The Clerk to write to the landowner."),
    ]
    rows = [(b.cells, b.header_row) for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows == [
        (("Action", "Owner", "Due"), True),
        (("Order two new dog bins", "Clerk", "31 March 2024"), False),
        (("Check the bus shelter roof", "PO", "next meeting"), False),
    ]


def test_markdown_inline_html_table_becomes_rows_with_entities_decoded() -> None:
    data = MARKDOWN.replace("## 15/24", HTML_TABLE + "\n## 15/24").encode("utf-8")
    document = read_as(data, "minutes.md")
    rows = [b for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    html_rows = [b for b in rows if b.cells and b.cells[0] in ("Budget line", "Grass cutting")]
    assert [(b.cells, b.header_row) for b in html_rows] == [
        (("Budget line", "Amount"), True),
        (("Grass cutting", "£1,200 & VAT"), False),
    ]
    for row in html_rows:
        assert document.text[row.start : row.end].startswith("<tr")  # offsets point at the row
    # The table sits between the two items, in document order.
    order = [b.text for b in document.blocks]
    assert order.index("14/24 Footpaths") < order.index("Budget line | Amount") < order.index("15/24 Planning")


def test_markdown_table_of_actions_yields_actions_with_owners_and_dues() -> None:
    minutes = parse_bytes(MARKDOWN.encode("utf-8"), name="ashcombe_2024-02-05.md")
    by_text = {a.text: a for a in minutes.actions}
    bins = by_text["Order two new dog bins"]
    assert [o.name for o in bins.owners] == ["Clerk"]
    assert bins.due is not None and bins.due.value == "2024-03-31"
    assert "The Clerk to write to the landowner." in by_text


# --- reStructuredText -----------------------------------------------------------------------------

RST = """==========================================
Riverside Rowing Club Trustees' Meeting
==========================================

:Date: 14 September 2024
:Venue: Boathouse committee room

Present
-------

* Helen Marsh (Chair)
* Tom Adeyemi (Treasurer)

1. Accounts
-----------

The Treasurer presented the accounts, see :doc:`accounts-2024` and
`the bank statement <https://example.org/statement.pdf>`_.

* The **reserves** policy was approved.
* Tom Adeyemi to send the *signed* accounts to the Charity Commission by 31 October.

   - The cheque for the boat repair is still to be banked.

2. Safeguarding
---------------

.. note:: This item was taken in private.

Agreed: the safeguarding policy is to be reviewed annually, see :ref:`policy <safeguarding-policy>`.
"""


def test_rst_titles_bullets_and_roles() -> None:
    document = read_as(RST.encode("utf-8"), "trustees.txt")
    assert document.dialect == "rst"
    headings = [(b.level, b.text) for b in document.blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        (1, "Riverside Rowing Club Trustees' Meeting"),
        (2, "Present"),
        (2, "1. Accounts"),
        (2, "2. Safeguarding"),
    ]
    bullets = [(b.level, b.text) for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert bullets == [
        (0, "Helen Marsh (Chair)"),
        (0, "Tom Adeyemi (Treasurer)"),
        (0, "The reserves policy was approved."),
        (0, "Tom Adeyemi to send the signed accounts to the Charity Commission by 31 October."),
        (1, "The cheque for the boat repair is still to be banked."),
    ]
    texts = [b.text for b in document.blocks]
    assert "The Treasurer presented the accounts, see accounts-2024 and\nthe bank statement." in texts
    assert "Agreed: the safeguarding policy is to be reviewed annually, see policy." in texts
    assert not any("note::" in t or "`" in t for t in texts)  # directives and role markup gone


def test_rst_end_to_end_attendance_and_action() -> None:
    minutes = parse_bytes(RST.encode("utf-8"), name="trustees.rst")
    assert [(a.name, a.role) for a in minutes.meeting.attendees] == [("Helen Marsh", "Chair"), ("Tom Adeyemi", "Treasurer")]
    assert minutes.meeting.date is not None and minutes.meeting.date.isoformat() == "2024-09-14"
    action = minutes.actions[0]
    assert [o.name for o in action.owners] == ["Tom Adeyemi"]
    assert action.due is not None and action.due.value == "2024-10-31"
    # Whether "Agreed: the policy is to be reviewed annually" is an owner-less task is the
    # classifier's call (tests/test_classify_rules.py); here only the reading matters.
    assert all(not a.owners for a in minutes.actions[1:])


# --- detection by content -------------------------------------------------------------------------

HTML_FRAGMENT = (
    b'<div class="mgContent">\n<h2>Minutes</h2>\n<p>Present: Cllr A Smith (Chair), Cllr B Jones</p>\n'
    b"<p>RESOLVED: that the minutes of the last meeting be approved.</p>\n</div>\n"
)


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (MARKDOWN.encode("utf-8"), "minutes.txt", "markdown"),
        (MODERNGOV.encode("utf-8"), "export.dat", "moderngov"),
        (MODERNGOV.encode("utf-16"), "export.txt", "moderngov"),
        (HTML_FRAGMENT, "mgIssueHistoryHome.php", "html"),
        (b"<p>The Clerk to write to Highways.</p>\n<p>Cllr Osei will inspect the stile.</p>\n", "view.php", "html"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "minutes.txt", "pdf"),
        (RST.encode("utf-8"), "trustees.txt", "rst"),
        (VILLAGE_HALL.encode("utf-8"), "minutes.md.bak", "text"),
    ],
)
def test_detection_by_content_not_extension(data: bytes, name: str, expected: str) -> None:
    assert detect_format(data, name) == expected


def test_markdown_with_an_inline_html_table_named_txt_is_markdown() -> None:
    data = MARKDOWN.replace("## 15/24", HTML_TABLE + "\n## 15/24").encode("utf-8")
    assert detect_format(data, "minutes.txt") == "markdown"


def test_markdown_html_layout_table_is_read_like_the_html_page() -> None:
    # A WordPress export: the whole minutes sit in a two-column HTML table (item numbers | text),
    # and a payments table is nested inside one cell.
    layout = (
        "---\ntitle: \"Minutes of Ashby Moor Parish Council\"\n---\n\n"
        "**Present:** Cllr P Rowe (Chair), Cllr D Kaye\n\n"
        '<table width="900"><tbody><tr><td width="90"><strong>Item</strong><div></div><strong>25/01</strong></td>'
        '<td width="800"><strong>Apologies</strong><div></div>Cllr M Doyle sent apologies.</td></tr>'
        '<tr><td><strong>25/02</strong></td><td><strong>Finance</strong><div></div>Payments were approved.'
        '<table><tbody><tr><td><strong>Payee</strong></td><td><strong>Gross</strong></td></tr>'
        "<tr><td>Hedge Co</td><td>£80.00</td></tr></tbody></table>"
        "It was agreed that the Clerk would renew the insurance.</td></tr>"
        "<tr><td><strong>25/03</strong></td><td><strong>Village green</strong><div></div>"
        "The Clerk to order a new bench by 30 April.</td></tr></tbody></table>\n"
    )
    document = read_as(layout.encode("utf-8"), "minutes.md")
    texts = [b.text for b in document.blocks]
    assert texts.count("It was agreed that the Clerk would renew the insurance.") == 1
    assert any(b.kind is BlockKind.TABLE_ROW and b.cells == ("Hedge Co", "£80.00") for b in document.blocks)
    starts = [b.start for b in document.blocks]
    assert starts == sorted(starts)
    for block in document.blocks:
        if block.kind is not BlockKind.TABLE_ROW and block.start >= layout.index("<table"):
            assert squash(block.text) in squash(document.text[block.start : block.end])
    assert len(document.text) == len(layout)
    minutes = parse_bytes(layout.encode("utf-8"), name="minutes.md")
    titles = [(i.number, i.title) for i in minutes.items if not i.preamble and not i.appendix]
    assert titles == [("25/01", "Apologies"), ("25/02", "Finance"), ("25/03", "Village green")]
    assert [a.text for a in minutes.actions] == [
        "It was agreed that the Clerk would renew the insurance.",
        "The Clerk to order a new bench by 30 April.",
    ]


FRONT_MATTER_BODY = """---
layout: minutes
title: "Minutes of the Hollin Green Residents Group"
content: |
  ## Present

  Ada Fenwick (AF), Bram Stokes (BS), Cora Lind (CL)

  ## 1. Apologies

  None received.

  ## 2. Footpath by the brook

  The footpath is flooded after rain. AF to write to the county footpaths officer by 1 June.

  ## 3. Summer fair

  It was agreed to hold the fair on 15 July 2023. BS will book the marquee.
---
"""


def test_markdown_minutes_kept_in_a_front_matter_field_are_the_body() -> None:
    minutes = parse_bytes(FRONT_MATTER_BODY.encode("utf-8"), name="page.md")
    titles = [(i.number, i.title) for i in minutes.items if not i.preamble and not i.appendix]
    assert titles == [("1", "Apologies"), ("2", "Footpath by the brook"), ("3", "Summer fair")]
    assert [a.text for a in minutes.actions] == ["AF to write to the county footpaths officer by 1 June.", "BS will book the marquee."]
    assert {a.name for a in minutes.meeting.attendees} == {"Ada Fenwick", "Bram Stokes", "Cora Lind"}


def test_markdown_front_matter_quoted_field_body_and_short_fields_ignored() -> None:
    quoted = (
        '---\ntitle: "Notes"\nsummary: "A short summary that is not the minutes."\n'
        'text: "## 1. Allotments\\n\\nThe water trough leaks. The secretary will ask the plumber to call by Friday.'
        ' The rent for next year stays at the same level as this year, as agreed by those present.'
        ' The committee thanked the volunteers who cleared the paths in the spring and the summer.'
        '\\n\\n## 2. Any other business\\n\\nNone."\n---\n'
    )
    minutes = parse_bytes(quoted.encode("utf-8"), name="page.md")
    assert [i.title for i in minutes.items if not i.preamble] == ["Allotments", "Any other business"]
    # A page whose Markdown body is the minutes keeps it, whatever the front matter holds.
    ordinary = '---\ntitle: "Minutes"\ndescription: "' + "word " * 80 + '"\n---\n\n## 1. Apologies\n\n' + "Text of the minutes here. " * 30
    kept = parse_bytes(ordinary.encode("utf-8"), name="page.md")
    assert [i.title for i in kept.items if not i.preamble] == ["Apologies"]
