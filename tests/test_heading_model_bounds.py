"""The heading model settles most paragraphs from part of their features (refine_items).

A paragraph opens an item only at a high cut-off; the features left out at first (the title's
shape, the look, the neighbours) come from small fixed sets of names, so the most they can add
is known. These tests check that the left-out features are exactly those families, and that the
items rebuilt are the ones asking the model about every unit with all its features would give.
Fictional documents.
"""

from __future__ import annotations

from minutes_parser.learn.bundle import default_models
from minutes_parser.learn.linear import HashedLinearModel, _column
from minutes_parser.model import ReadDocument
from minutes_parser.readers import ReadOptions
from minutes_parser.readers.html import read as read_html
from minutes_parser.readers.text import read as read_text
from minutes_parser.segment import item_units, refine_items, segment_document
from minutes_parser.segment.heading_model import (
    _BOUNDED_FAMILIES,
    _context,
    _features,
    _paragraphs_that_may_open,
)

MINUTES = """\
MINUTES OF THE HOLLOWAY FEN PARISH COUNCIL MEETING HELD ON 4 MARCH 2025

Present: Cllr Ada Pell (Chair), Cllr Rufus Tey, Cllr Mina Oakes

1. Apologies for absence
Apologies were received from Cllr Dev Lorne.

2. Hedgerow survey
The clerk reported that the hedgerow along Mill Lane had been surveyed by volunteers.

Hedgerow Planting Scheme

Members agreed to plant 200 metres of new hedgerow in the autumn.

the hedgerow by the school was cut back too far.

3. Village Green Bench
Cllr Tey said the bench was repaired. It was agreed to thank the volunteers.

Footpath Signs

a) The signs on footpath 7 are missing.
b) The clerk will write to the county council.

4. Date of next meeting
The next meeting will be held on 1 April 2025 at 7.30pm.
"""

PAGE = """<html><body>
<h1>Minutes of Brackwater Town Council</h1>
<p>Present: Cllr Ivo Brent (Chair), Cllr Nessa Fyfe.</p>
<p><strong>1. Apologies</strong></p>
<p>Apologies were received from Cllr Tam Rook.</p>
<p><strong>2. Hedgerow Planting</strong></p>
<p>Members discussed the hedgerow planting scheme and its cost.</p>
<p>Allotment Rents</p>
<p>The rents will rise by 3% from October.</p>
</body></html>"""


def _documents() -> list[ReadDocument]:
    return [
        read_text(MINUTES.encode(), options=ReadOptions(name="holloway.txt")),
        read_html(PAGE.encode(), options=ReadOptions(name="brackwater.html")),
    ]


def _model(weights: dict[str, float], intercept: float) -> HashedLinearModel:
    return HashedLinearModel(
        {_column(name): weight for name, weight in weights.items()},
        intercept,
        {"keep": 0.15, "open": 0.95},
    )


# Opens a title-like paragraph naming a hedgerow (3 + 2 - 2 = 3: p 0.953), not one that only
# names it (1) nor a title-like one without it (0). "title-like" is a bounded feature: the
# hedgerow paragraphs are left unsettled by the partial features and take the full path.
HEDGEROW = _model({"w=hedgerow": 3.0, "title-like": 2.0}, -2.0)
# Every bounded family weighted: the ceiling is large and few paragraphs are settled early.
EVERY_FAMILY = _model({family[0]: 0.4 for family in _BOUNDED_FAMILIES} | {"src=para": 1.0}, -1.0)


def _reference_openings(document: ReadDocument, model: HashedLinearModel) -> list[str]:
    """Titles of the items opened when every unit is asked with all its features."""
    opened = []
    for unit in item_units(segment_document(document), document.blocks):
        if unit.fixed:
            opened.append(unit.title)
            continue
        if not unit.title:
            continue
        probability = model.probabilities([unit.features])[0]
        cut_off = model.thresholds["keep"] if unit.source == "title" else model.thresholds["open"]
        if probability >= cut_off:
            opened.append(unit.title if unit.source == "title" else unit.title.strip())
    return opened


def test_left_out_features_are_the_bounded_families_one_each() -> None:
    families = {name: index for index, family in enumerate(_BOUNDED_FAMILIES) for name in family}
    checked = 0
    for document in _documents():
        units = item_units(segment_document(document), document.blocks)
        context = _context(units)
        for index, unit in enumerate(units):
            if not unit.title:
                continue
            partial = _features(context, index, bounded=False)
            assert partial.items() <= unit.features.items()
            left_out = [name for name in unit.features if name not in partial]
            assert all(name in families for name in left_out), left_out
            assert len({families[name] for name in left_out}) == len(left_out)
            checked += 1
    assert checked > 10


def test_partial_features_keep_no_bounded_name() -> None:
    families = {name for family in _BOUNDED_FAMILIES for name in family}
    document = _documents()[1]  # with layout: the look feature too
    units = item_units(segment_document(document), document.blocks)
    assert any(name.startswith("look&") for u in units for name in u.features)
    context = _context(units)
    for index, unit in enumerate(units):
        if unit.title:
            assert not families & set(_features(context, index, bounded=False))


def test_items_are_those_of_asking_every_unit() -> None:
    opened_paragraph = False
    for model in (default_models().items, HEDGEROW, EVERY_FAMILY):
        assert model is not None
        for document in _documents():
            titles = [item.title for item in refine_items(segment_document(document), model, document.blocks).items]
            assert titles == _reference_openings(document, model)
            opened_paragraph |= model is HEDGEROW and "Hedgerow Planting Scheme" in titles
    assert opened_paragraph


def test_hedgerow_model_opens_as_reckoned() -> None:
    document = _documents()[0]
    titles = [item.title for item in refine_items(segment_document(document), HEDGEROW).items]
    assert "Hedgerow Planting Scheme" in titles  # title-like, names a hedgerow
    assert "Footpath Signs" not in titles  # title-like, no hedgerow: stays a paragraph
    assert not any(t.startswith("the hedgerow") for t in titles)  # not title-like


def test_most_paragraphs_are_settled_without_their_bounded_features() -> None:
    model = default_models().items
    assert model is not None
    document = _documents()[0]
    context = _context(item_units(segment_document(document)))
    titled = [i for i, u in enumerate(context.units) if u.source == "para" and u.title]
    assert len(titled) > 5
    assert len(_paragraphs_that_may_open(context, model)) < len(titled) / 2
    # a paragraph the hedgerow model could open is not settled early
    may_open = _paragraphs_that_may_open(context, HEDGEROW)
    assert any(context.units[i].title == "Hedgerow Planting Scheme" for i in may_open)


def test_cut_off_outside_zero_one_leaves_every_paragraph_to_the_full_features() -> None:
    model = _model({"w=hedgerow": 3.0}, -2.0)
    model.thresholds["open"] = 1.0
    document = _documents()[0]
    context = _context(item_units(segment_document(document)))
    titled = {i for i, u in enumerate(context.units) if u.source == "para" and u.title}
    assert _paragraphs_that_may_open(context, model) == titled
