"""HTML reader: fixtures are strings shaped like the council, ModernGov and W3C pages met in practice."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("selectolax")

from minutes_parser.errors import EmptyDocumentError
from minutes_parser.model import BlockKind, ReadDocument, SourceFormat
from minutes_parser.readers import ReadOptions, detect_format
from minutes_parser.readers._html_guard import limit_nesting, repair_list_end_tags
from minutes_parser.readers.html import decode_html, read

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def read_html(markup: str | bytes) -> ReadDocument:
    data = markup.encode("utf-8") if isinstance(markup, str) else markup
    return read(data, options=ReadOptions(name="page.html"))


def kinds(document: ReadDocument) -> list[tuple[BlockKind, str]]:
    return [(block.kind, block.text) for block in document.blocks]


def assert_spans(document: ReadDocument) -> None:
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text


def test_fragment_headings_paragraphs_breaks_and_entities() -> None:
    result = read_html(
        "<h2>Minutes &ndash; 4 March 2024</h2>"
        "<p>Cost of &pound;1,200&nbsp;was  agreed by   Smith &amp; Co.<br>To be signed by the Chair</p>"
        "<script>var tracking = 'not text';</script><style>p { color: red }</style>"
        "<h3>Planning</h3><div>No objections.</div>"
    )
    assert result.format is SourceFormat.HTML
    assert kinds(result) == [
        (BlockKind.HEADING, "Minutes – 4 March 2024"),
        (
            BlockKind.PARAGRAPH,
            "Cost of £1,200 was agreed by Smith & Co.\nTo be signed by the Chair",
        ),
        (BlockKind.HEADING, "Planning"),
        (BlockKind.PARAGRAPH, "No objections."),
    ]
    assert [block.level for block in result.blocks if block.kind is BlockKind.HEADING] == [2, 3]
    assert "tracking" not in result.text and "color" not in result.text
    assert_spans(result)


def test_ordered_list_numbers_honour_start_type_value_and_nesting() -> None:
    result = read_html(
        '<ol start="5"><li>Apologies were received.</li>'
        '<li>Declarations of interest: none.<ol type="a"><li>first sub-point</li><li>second sub-point</li></ol></li>'
        '<li value="9">Jumped item</li><li>Next item</li></ol>'
        "<ul><li>A bullet</li></ul>"
        "<ol reversed><li>three</li><li>two</li><li>one</li></ol>"
        '<ol type="i"><li>roman one</li><li>roman two</li></ol>'
    )
    items = [(block.marker, block.text, block.level) for block in result.blocks]
    assert items == [
        ("5.", "Apologies were received.", 1),
        ("6.", "Declarations of interest: none.", 1),
        ("a.", "first sub-point", 2),
        ("b.", "second sub-point", 2),
        ("9.", "Jumped item", 1),
        ("10.", "Next item", 1),
        ("•", "A bullet", 1),
        ("3.", "three", 1),
        ("2.", "two", 1),
        ("1.", "one", 1),
        ("i.", "roman one", 1),
        ("ii.", "roman two", 1),
    ]
    assert all(block.kind is BlockKind.LIST_ITEM for block in result.blocks)
    assert "6. Declarations of interest: none." in result.text
    assert_spans(result)


def test_list_item_heading_takes_the_item_number() -> None:
    result = read_html(
        '<ol class="minute-matters"><li><h4>WELCOME AND APOLOGIES</h4><p>The Chair welcomed everyone.</p>'
        "<p>Apologies were received from Cllr Jones.</p></li>"
        "<li><h4>RISK ASSESSMENT</h4><p>The risk assessment was approved.</p></li></ol>"
    )
    assert kinds(result) == [
        (BlockKind.HEADING, "1. WELCOME AND APOLOGIES"),
        (BlockKind.PARAGRAPH, "The Chair welcomed everyone."),
        (BlockKind.PARAGRAPH, "Apologies were received from Cllr Jones."),
        (BlockKind.HEADING, "2. RISK ASSESSMENT"),
        (BlockKind.PARAGRAPH, "The risk assessment was approved."),
    ]
    assert result.blocks[3].marker == "2."


def test_mismatched_list_end_tag_does_not_renumber_later_items() -> None:
    markup = (
        "<ol><li><h4>ACCOUNTS</h4><ol class=roman><li>Payee one</li><li>Payee two</li></ul>"
        "<p>Total</p></li><li><h4>ANY OTHER BUSINESS</h4><p>None.</p></li></ol>"
    )
    repaired, fixes = repair_list_end_tags(markup)
    assert fixes == 1 and "</ul>" not in repaired
    headings = [block.text for block in read_html(markup).blocks if block.kind is BlockKind.HEADING]
    assert headings == ["1. ACCOUNTS", "2. ANY OTHER BUSINESS"]


def test_data_table_rows_with_header_and_colspan() -> None:
    result = read_html(
        "<table><thead><tr><th>Action</th><th>Owner</th><th>Due</th></tr></thead>"
        "<tbody><tr><td>Circulate the draft budget</td><td>Clerk</td><td>15 December</td></tr>"
        '<tr><td colspan="2">Review standing orders</td><td>January</td></tr></tbody></table>'
    )
    rows = [block for block in result.blocks if block.kind is BlockKind.TABLE_ROW]
    assert [row.cells for row in rows] == [
        ("Action", "Owner", "Due"),
        ("Circulate the draft budget", "Clerk", "15 December"),
        ("Review standing orders", "January"),
    ]
    assert [row.header_row for row in rows] == [True, False, False]
    assert_spans(result)


def test_header_row_recognised_without_th() -> None:
    result = read_html(
        "<table><tr><td><b>Item</b></td><td><b>Action</b></td><td><b>By whom</b></td></tr>"
        "<tr><td>4</td><td>Write to Highways</td><td>RC</td></tr></table>"
    )
    assert [block.header_row for block in result.blocks] == [True, False]


def test_moderngov_item_table_minutes_and_decision_labels() -> None:
    result = read_html(
        '<table class="mgItemTable"><tr><td class="mgItemNumberCell"><h2 class="mgAiTitleTxt">5.</h2></td>'
        '<td><h2 class="mgAiTitleTxt"><a href="#">Community Infrastructure Levy</a></h2>'
        '<h3 class="mgSubItemTitleTxt">Minutes:</h3><div class="mgWordPara"><p>The Board considered the report of the '
        "Director of Planning on the levy and its spending priorities for the year.</p></div>"
        '<h3 class="mgSubItemTitleTxt">Decision:</h3><div class="mgWordPara"><p>To approve the spending priorities.</p>'
        "</div></td></tr></table>"
    )
    assert kinds(result) == [
        (BlockKind.HEADING, "5. Community Infrastructure Levy"),
        (
            BlockKind.PARAGRAPH,
            "The Board considered the report of the Director of Planning on the levy and its spending priorities for the year.",
        ),
        (BlockKind.PARAGRAPH, "Decision: To approve the spending priorities."),
    ]


def test_layout_table_with_action_column_sets_margin() -> None:
    long_text = "The Clerk would contact the Highways team about the flooding on Mill Lane. " * 5
    result = read_html(
        f"<table><tr><td>14/09/5</td><td><strong>Highways Matters:</strong><div></div>{long_text}</td><td>Clerk</td></tr></table>"
    )
    assert [block.kind for block in result.blocks] == [BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert result.blocks[0].text == "14/09/5 Highways Matters:"
    assert result.blocks[1].margin == "Clerk"


def test_italic_owner_after_gap_is_margin_but_status_word_stays() -> None:
    result = read_html(
        "<ul><li>Lloyds Bank statement dated 1st April, balance of £6,564.21\t\t\t<em>Noted</em></li></ul>"
        "<p>Cllr. H. Gwynne would look into the damaged fencing at the field.\t\t\t<em>Cllr. H. Gwynne</em></p>"
        "<p>Councillors were asked to consider other ways to support residents. <em>ALL</em></p>"
        "<p>The report was written by <em>Smith Associates</em></p>"
        "<ul><li>Cllr. Williams and the Clerk to review the Standing Orders.</li></ul><em>Cllr. O. Williams/Clerk</em>"
    )
    blocks = result.blocks
    assert blocks[0].text.endswith("Noted") and blocks[0].margin is None
    assert blocks[1].text == "Cllr. H. Gwynne would look into the damaged fencing at the field."
    assert blocks[1].margin == "Cllr. H. Gwynne"
    assert blocks[2].margin == "ALL"
    assert (
        blocks[3].text == "The report was written by Smith Associates" and blocks[3].margin is None
    )
    assert blocks[4].margin == "Cllr. O. Williams/Clerk"
    assert len(blocks) == 5
    assert_spans(result)


def test_page_chrome_dropped_but_header_title_kept() -> None:
    result = read_html(
        "<!DOCTYPE html><html><head><title>Site</title></head><body>"
        "<header><h1>Publishing Community Group</h1><h2>15 February 2024</h2>"
        '<nav id="links"><a href="/agenda">Agenda</a></nav></header>'
        '<div class="navbar"><a href="/">Home</a></div>'
        "<main><section><h3>Webtoons</h3><p class=action><strong>ACTION:</strong> Ivan to open an issue</p></section></main>"
        "<div id=ActionSummary><h2>Summary of action items</h2><ol><li>Ivan to open an issue</li></ol></div>"
        '<p hidden>hidden text</p><p style="display: none">invisible</p>'
        "<footer>Copyright 2024</footer><address>formatted by scribe.perl</address></body></html>"
    )
    assert kinds(result) == [
        (BlockKind.HEADING, "Publishing Community Group"),
        (BlockKind.HEADING, "15 February 2024"),
        (BlockKind.HEADING, "Webtoons"),
        (BlockKind.PARAGRAPH, "ACTION: Ivan to open an issue"),
    ]


def test_definition_list_groups_term_with_details() -> None:
    result = read_html(
        "<dl><dt>Present</dt><dd>ashley, George, ivan</dd><dt>Chair</dt><dd>wolfgang</dd></dl>"
        "<ul><li><dl><dt>E/40480</dt><dd>Agricultural Storage Building</dd><dd><strong>NO OBJECTIONS</strong></dd></dl></li></ul>"
    )
    assert kinds(result) == [
        (BlockKind.PARAGRAPH, "Present: ashley, George, ivan"),
        (BlockKind.PARAGRAPH, "Chair: wolfgang"),
        (BlockKind.LIST_ITEM, "E/40480: Agricultural Storage Building\nNO OBJECTIONS"),
    ]


def test_bold_titles_become_headings_but_not_labels_or_sentences() -> None:
    result = read_html(
        "<p><strong>Parking Normandy Close</strong></p><p>The Clerk confirmed a date.</p>"
        "<p><strong>Resolved 14/09/6.01</strong></p><p>The minutes were adopted.</p>"
        "<p><strong>TOTAL £600.00</strong></p>"
        "<p><b>This whole paragraph is bold and is a sentence.</b></p>"
    )
    assert kinds(result) == [
        (BlockKind.HEADING, "Parking Normandy Close"),
        (BlockKind.PARAGRAPH, "The Clerk confirmed a date."),
        (BlockKind.PARAGRAPH, "Resolved 14/09/6.01 The minutes were adopted."),
        (BlockKind.PARAGRAPH, "TOTAL £600.00"),
        (BlockKind.PARAGRAPH, "This whole paragraph is bold and is a sentence."),
    ]
    assert result.blocks[0].level == 3


@pytest.mark.parametrize(
    ("data", "expected", "warned"),
    [
        (
            b'<meta charset="windows-1252"><p>Cost \xa3450 \x96 agreed</p>',
            "Cost £450 – agreed",
            False,
        ),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>\x93Quoted\x94</p>',
            "“Quoted”",
            False,
        ),
        (b"<p>No declaration \xa3450</p>", "No declaration £450", True),
        ('<meta charset="utf-8"><p>Caf\u00e9 £5</p>'.encode(), "Café £5", False),
        (b"\xff\xfe" + "<p>UTF-16 page £5</p>".encode("utf-16-le"), "UTF-16 page £5", False),
        ('<meta charset="windows-1252"><p>Mislabelled £5</p>'.encode(), "Mislabelled £5", True),
    ],
)
def test_charset_from_bom_meta_else_utf8_else_cp1252(
    data: bytes, expected: str, warned: bool
) -> None:
    text, warning = decode_html(data)
    assert expected in text
    assert (warning is not None) is warned
    assert expected in read_html(data).text


def test_deep_nesting_is_capped_not_recursed() -> None:
    depth = 50_000
    markup = "<div>" * depth + "<p>Deep minute text.</p>" + "</div>" * depth + "<p>After.</p>"
    limited, removed = limit_nesting(markup, 256)
    assert removed > 0 and "Deep minute text." in limited
    result = read_html(markup)
    assert [block.text for block in result.blocks] == ["Deep minute text.", "After."]
    assert any("nested deeper" in warning for warning in result.warnings)


def test_shallow_html_is_left_untouched_by_the_nesting_guard() -> None:
    markup = "<p>one<p>two<ul><li>a<li>b</ul>" * 400
    assert limit_nesting(markup, 256) == (markup, 0)


@pytest.mark.parametrize(
    "markup",
    ["", "   ", "<html><head><title>x</title></head><body><script>1</script></body></html>"],
)
def test_page_without_text_is_empty(markup: str) -> None:
    with pytest.raises(EmptyDocumentError):
        read_html(markup)


def _corpus(name: str) -> bytes:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} not available beside the checkout")
    return path.read_bytes()


def test_corpus_community_council_fragment() -> None:
    data = _corpus("mscc_2020-06-10_en.html")
    assert detect_format(data, "minutes_20-06-10.php") == "html"
    result = read_html(data)
    numbered = [
        block.text for block in result.blocks if block.kind is BlockKind.HEADING and block.marker
    ]
    assert [title.split(".", 1)[0] for title in numbered] == [str(n) for n in range(1, 14)]
    assert numbered[0] == "1. WELCOME AND APOLOGIES"
    margins = {block.margin for block in result.blocks if block.margin}
    assert {"Clerk", "Cllr. H. Gwynne", "ALL", "Cllr. O. Williams/Clerk"} <= margins
    assert "×" not in result.text  # the close button is chrome
    assert_spans(result)


def test_corpus_welsh_fragment_parses() -> None:
    result = read_html(_corpus("mscc_2020-06-10_cy.html"))
    assert (
        sum(1 for block in result.blocks if block.kind is BlockKind.HEADING and block.marker) == 13
    )


def test_corpus_w3c_minutes() -> None:
    result = read_html(_corpus("w3c_publishingcg_2024-02-15.html"))
    topics = [
        block.text
        for block in result.blocks
        if block.kind is BlockKind.HEADING and block.level == 3
    ]
    assert topics == [
        "Accessibility task force",
        "Anti counterfeit Task Force",
        "Fixed Layout Accessibility TF",
        "Generate reflowable fixed layout books",
        "Extracting textual content",
        "Webtoons",
    ]
    assert result.blocks[1].text == "15 February 2024"
    assert "Contents" not in [block.text for block in result.blocks]


def test_corpus_w3c_summaries_not_duplicated() -> None:
    result = read_html(_corpus("w3c_pmwg_2025-11-10_f2f.html"))
    actions = [
        block.text for block in result.blocks if "images-with-fallbacks stress test" in block.text
    ]
    assert len(actions) == 1 and actions[0].startswith("ACTION:")


def test_corpus_site_page_drops_navigation() -> None:
    result = read_html(_corpus("northwold_pc_2014-09-02.html"))
    texts = [block.text for block in result.blocks]
    assert texts[0] == "Northwold Parish Council Minutes TUESDAY 2nd September 2014 at 7:30pm"
    assert "Wretton" not in texts  # a navigation dropdown entry
    assert "Item" not in texts and "Action" not in texts  # the layout table's column titles
    first_minute = next(block for block in result.blocks if block.marker == "14/09/1")
    assert first_minute.text == "Cllr. Crisp welcomed all to the meeting."


def test_pre_block_is_read_as_fixed_width_text() -> None:
    markup = (
        "<html><body><h2>12/25 Lighting</h2><p>The lamp on Mill Row is out.</p>"
        "<pre>13/25  ALLOTMENTS\n\nThe waiting list has six names. The\nsecretary will write to them.\n\n"
        "14/25  BENCHES\n\na) The bench by the pond is\n   loose.\n\nb) A new bench was offered.\n</pre>"
        "<h2>15/25 Close</h2></body></html>"
    )
    document = read_html(markup)
    assert_spans(document)
    blocks = [(block.kind, block.marker, block.text) for block in document.blocks]
    assert (BlockKind.LIST_ITEM, "13/25", "ALLOTMENTS") in blocks
    assert (BlockKind.PARAGRAPH, None, "The waiting list has six names. The\nsecretary will write to them.") in blocks
    assert (BlockKind.LIST_ITEM, "14/25", "BENCHES") in blocks
    assert (BlockKind.LIST_ITEM, "a)", "The bench by the pond is\nloose.") in blocks

    from minutes_parser import parse_bytes

    minutes = parse_bytes(markup.encode(), name="pre.html")
    numbers = [item.number for item in minutes.items if not item.preamble and not item.appendix]
    assert numbers == ["12/25", "13/25", "14/25", "15/25"]


def test_pre_inside_a_table_cell_stays_cell_text() -> None:
    document = read_html("<table><tr><td>Item</td><td><pre>a\nb</pre></td></tr><tr><td>x</td><td>y</td></tr></table>")
    assert all(block.kind is BlockKind.TABLE_ROW for block in document.blocks)
