"""The heading model sees layout: bucketed size, weight, indent and style family (issue 9).

Fictional documents; the features are checked on the units ``item_units`` builds, with and
without the reader's blocks.
"""

from __future__ import annotations

import pytest

from minutes_parser.model import Block, BlockKind, Layout, ReadDocument
from minutes_parser.readers import ReadOptions
from minutes_parser.readers.html import read as read_html
from minutes_parser.segment import item_units, segment_document
from minutes_parser.segment.heading_model import (
    Unit,
    attach_layout,
    indent_bucket,
    layout_look,
    size_bucket,
    style_family,
)

PAGE = """<html><body>
<h1>Minutes of Dunmarsh Parish Council</h1>
<p>Present: Cllr Ivo Brent (Chair), Cllr Nessa Fyfe, Cllr Orla Hask.</p>
<p><strong>1. Apologies</strong></p>
<p>Apologies were received from Cllr Tam Rook, who was away on holiday.</p>
<p><strong>2. Village green</strong></p>
<p>The clerk reported that the bench on the village green had been repaired by volunteers.</p>
<p><strong>3. Bus shelter</strong></p>
<p>Members discussed the damaged bus shelter and the quotes obtained for its repair.</p>
</body></html>"""


def _document() -> ReadDocument:
    return read_html(PAGE.encode("utf-8"), options=ReadOptions(name="dunmarsh.html"))


def _unit(units: list[Unit], title: str) -> Unit:
    matches = [u for u in units if u.title.startswith(title)]
    assert matches, [u.title for u in units]
    return matches[0]


def test_units_carry_the_layout_of_their_block_and_its_features() -> None:
    document = _document()
    units = item_units(segment_document(document), document.blocks)
    title = _unit(units, "Village green")
    assert title.layout is not None and title.layout.bold and title.layout.style == "p"
    # Three bold body-text titles: each looks like the rules' titles (itself among them).
    assert title.features["look&rule-titles=3"] == 1.0

    paragraph = next(u for u in units if u.paragraph is not None and "bench" in u.paragraph.text)
    assert paragraph.layout is not None and not paragraph.layout.bold
    if paragraph.title:  # a plain paragraph looks like none of them
        assert paragraph.features["look&rule-titles=0"] == 1.0


def test_without_blocks_no_layout_feature_is_added() -> None:
    document = _document()
    with_layout = item_units(segment_document(document), document.blocks)
    without = item_units(segment_document(document))
    for unit in without:
        assert unit.layout is None
        assert not [k for k in unit.features if k.startswith("look&")]
    assert any(k.startswith("look&") for u in with_layout for k in u.features)
    # Layout adds one feature and changes no other.
    for a, b in zip(with_layout, without, strict=True):
        assert {k: v for k, v in a.features.items() if not k.startswith("look&")} == b.features


@pytest.mark.parametrize(
    ("ratio", "bucket"),
    [(None, "unknown"), (0.8, "smaller"), (1.0, "body"), (1.2, "larger"), (1.6, "much-larger")],
)
def test_size_bucket(ratio: float | None, bucket: str) -> None:
    assert size_bucket(ratio) == bucket


@pytest.mark.parametrize(
    ("indent", "bucket"),
    [(None, "unknown"), (-20.0, "out"), (0.0, "0"), (18.0, "small"), (36.0, "mid"), (144.0, "deep")],
)
def test_indent_bucket(indent: float | None, bucket: str) -> None:
    assert indent_bucket(indent) == bucket


@pytest.mark.parametrize(
    ("style", "family"),
    [
        ("heading 2", "heading"),
        ("Title", "heading"),
        ("h3", "heading"),
        ("List Paragraph", "list"),
        ("li", "list"),
        ("td", "table"),
        ("table", "table"),
        ("Normal", "body"),
        ("Body Text 2", "body"),
        ("p", "body"),
        ("pre", "pre"),
        ("Signature", "other"),
        (None, "none"),
    ],
)
def test_style_family(style: str | None, family: str) -> None:
    assert style_family(style) == family


def test_layout_look_joins_the_buckets() -> None:
    assert layout_look(None) == ""
    assert layout_look(Layout(size_ratio=1.5, bold=True, indent=0.0, style="Heading 1")) == "much-larger/bold/0/heading"


def test_attach_layout_finds_each_unit_in_order_despite_repeated_titles() -> None:
    agenda = Layout(style="li")
    minutes = Layout(bold=True, style="p")
    blocks = [
        Block(BlockKind.LIST_ITEM, "Finance", layout=agenda),
        Block(BlockKind.LIST_ITEM, "Planning", layout=agenda),
        Block(BlockKind.HEADING, "4. Finance", layout=minutes),
        Block(BlockKind.PARAGRAPH, "The accounts of the Copperleigh hall were approved.", layout=Layout(style="p")),
        Block(BlockKind.HEADING, "5. Planning", layout=minutes),
    ]
    units = [
        Unit("Finance", None, "", "title"),
        Unit("Planning", None, "", "title"),
        Unit("Finance", "4", "", "title"),
        Unit("Planning", "5", "", "title"),
    ]
    attach_layout(units, blocks)
    assert [u.layout for u in units] == [agenda, agenda, minutes, minutes]


def test_word_counts_stop_at_their_cap() -> None:
    from minutes_parser.segment.heading_model import _word_count

    assert _word_count("  Bus   shelter\nrepairs ", 5) == 3
    assert _word_count("one two three four five six seven", 3) == 4  # cap + 1: "more than 3"
    assert _word_count("", 3) == 0


def test_text_features_read_accented_and_plain_titles_alike() -> None:
    """Finite verbs and dates are found with or without letters outside ASCII."""
    from minutes_parser.segment.heading_model import _text_features

    plain: dict[str, float] = {}
    accented: dict[str, float] = {}
    _text_features(plain, "Cafe hours WERE set on 3 March", 7)
    _text_features(accented, "Café hours WERE set on 3 March", 7)
    for row in (plain, accented):
        assert row["finite-verb"] == row["date-or-time"] == row["words=8"] == 1.0
    title_only: dict[str, float] = {}
    _text_features(title_only, "Village Green Bench", 3)
    assert "finite-verb" not in title_only and "date-or-time" not in title_only


def test_long_paragraph_units_count_words_as_before() -> None:
    """A paragraph of many words is bucketed past 60 words; its run-in title by its own words."""
    words = "Bench Repairs. The bench " + " ".join(["was mended by the volunteers"] * 12)
    text = f"1. Village green\n\n{words}.\n\n2. Any other business\n\nNone.\n"
    from minutes_parser.readers.text import read as read_text

    units = item_units(segment_document(read_text(text.encode(), options=ReadOptions())))
    long = [u for u in units if u.paragraph is not None and len(u.paragraph.text.split()) > 60]
    assert [u.title for u in long] == ["Bench Repairs"]
    assert {"para-words=>60", "run-in", "words=2"} <= set(long[0].features)
