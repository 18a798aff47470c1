"""Ruled tables in PDFs: rows and cells read from the borders, and what the pipeline makes of them.

The PDFs are written at test time with reportlab (a GRID style draws every cell edge as a thin
line, as word processors do), with fictional councils, groups and amounts.
"""

from __future__ import annotations

import io

import pytest

from minutes_parser import parse_bytes
from minutes_parser.model import Block, BlockKind, Outcome
from minutes_parser.readers import ReadOptions, read_bytes
from minutes_parser.readers._pdf_grid import join_split_rows, looks_like_header
from minutes_parser.readers._pdf_layout import Line, Segment

reportlab = pytest.importorskip("reportlab")

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import getSampleStyleSheet  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: E402

_STYLES = getSampleStyleSheet()
_GRID = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])


def _p(text: str) -> Paragraph:
    return Paragraph(text, _STYLES["BodyText"])


def _pdf(flow: list[object]) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(flow)  # type: ignore[arg-type]
    return buffer.getvalue()


def _grant_table(rows: list[tuple[str, str, str, str]], repeat: bool = True) -> Table:
    header = [_p(name) for name in ("Organisation", "Project summary", "Amount requested", "Decision")]
    data = [header] + [[_p(cell) for cell in row] for row in rows]
    table = Table(data, colWidths=[100, 200, 80, 120], repeatRows=1 if repeat else 0)
    table.setStyle(_GRID)
    return table


_GRANTS = [
    ("Friends of Harlow Meadow", "New benches along the riverside path. The group will look after them for five years.", "£1,200", "Approved. Funded from the open spaces budget."),
    ("Oakfield Youth Band", "Replacement instruments for the junior section, which rehearses every week in the village hall.", "£4,500", "Rejected. Does not meet the criteria as the band charges fees."),
    ("Brookside Allotment Society", "A water butt for each plot and guttering on the tool shed roof.", "£640", "Deferred to the March meeting for a second quotation."),
]


def _minutes(table: Table) -> bytes:
    return _pdf([
        _p("Minutes of the Grants Committee of Wrenfield Town Council"),
        _p("4. Community grants"),
        _p("The committee considered the applications below."),
        table,
        _p("5. Date of next meeting"),
        _p("The next meeting will be held on 12 March."),
    ])


def _blocks(data: bytes) -> list[Block]:
    return list(read_bytes(data, ReadOptions(name="grants.pdf")).blocks)


def test_a_ruled_table_gives_one_row_per_ruled_row_with_multi_line_cells_joined() -> None:
    blocks = _blocks(_minutes(_grant_table(_GRANTS)))
    rows = [b for b in blocks if b.kind is BlockKind.TABLE_ROW]
    assert [r.header_row for r in rows] == [True, False, False, False]
    assert rows[0].cells == ("Organisation", "Project summary", "Amount requested", "Decision")
    assert rows[1].cells[0] == "Friends of Harlow Meadow"
    # The summary wraps over two lines in its cell; it reads as one text, not as short paragraphs.
    assert rows[1].cells[1] == _GRANTS[0][1]
    assert rows[2].cells[3] == _GRANTS[1][3]
    assert not any(b.kind is BlockKind.PARAGRAPH and "rehearses" in b.text for b in blocks)


def test_the_header_row_repeated_on_the_next_page_is_a_header_not_a_heading() -> None:
    many = [(f"Group number {n}", f"Project {n}: a small grant towards the running costs of the group this year.", "£100", "Approved.") for n in range(40)]
    blocks = _blocks(_minutes(_grant_table(many)))
    headers = [b for b in blocks if b.kind is BlockKind.TABLE_ROW and b.header_row]
    assert len(headers) >= 2 and len({b.page for b in headers}) == len(headers)
    assert not any(b.kind is BlockKind.HEADING and "Organisation" in b.text for b in blocks)
    assert sum(1 for b in blocks if b.kind is BlockKind.TABLE_ROW and not b.header_row) == 40


def test_column_names_printed_above_the_rules_become_the_header() -> None:
    table = Table(
        [[_p("12/24"), _p("Send the signed minutes to the head of the school"), _p("Clerk"), _p("asap")],
         [_p("13/24"), _p("Ask two suppliers for a quotation for the boiler"), _p("Dana Pike"), _p("01/04/2025")]],
        colWidths=[60, 260, 100, 80],
    )
    table.setStyle(_GRID)
    heading = Table([["ITEM", "", "BY WHOM", "BY WHEN"]], colWidths=[60, 260, 100, 80])
    blocks = _blocks(_pdf([_p("ACTIONS TO BE TAKEN"), heading, table]))
    rows = [b for b in blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows[0].header_row and rows[0].cells == ("ITEM", "", "BY WHOM", "BY WHEN")
    assert rows[2].cells == ("13/24", "Ask two suppliers for a quotation for the boiler", "Dana Pike", "01/04/2025")


def test_header_cells_are_short_capitalised_names() -> None:
    assert looks_like_header(("Organisation", "Project summary", "Amount requested", "Decision"))
    assert looks_like_header(("Ref", "Action", "Status"))
    assert not looks_like_header(("Friends of the Park", "£1,200", "Approved."))
    assert not looks_like_header(("Hill Road Residents", "Planters for the green,", "Approved."))
    assert not looks_like_header(("Item", ""))


def _row(page: int, top: float, cells: tuple[str, ...]) -> Line:
    segment = Segment(" | ".join(cells), 40, 500, top - 10, top, 10, False)
    return Line([segment], page, cells=cells)


def test_a_row_broken_over_a_page_break_is_joined_to_the_row_before_the_break() -> None:
    header = ("Organisation", "Summary", "Decision")
    lines = [
        _row(1, 700, header),
        _row(1, 600, ("Hill Road Residents", "Planters for the green,", "Approved.")),
        _row(2, 780, header),
        _row(2, 700, ("", "to be watered by members.", "")),
        _row(2, 600, ("Canal Trust", "A towpath sign.", "Rejected.")),
    ]
    joined = join_split_rows(lines)
    data = [ln.cells for ln in joined if ln.cells != header]
    assert data == [
        ("Hill Road Residents", "Planters for the green,\nto be watered by members.", "Approved."),
        ("Canal Trust", "A towpath sign.", "Rejected."),
    ]


def test_rows_of_an_application_table_with_an_outcome_column_are_decisions() -> None:
    minutes = parse_bytes(_minutes(_grant_table(_GRANTS)), name="grants.pdf", model="rules")
    texts = {d.text: d.outcome for d in minutes.decisions}
    assert texts.get("Friends of Harlow Meadow – New benches along the riverside path. Approved. Funded from the open spaces budget.") is Outcome.CARRIED
    assert texts.get("Oakfield Youth Band – Replacement instruments for the junior section, which rehearses every week in the village hall. Rejected. Does not meet the criteria as the band charges fees.") is Outcome.LOST
    deferred = [d for d in minutes.decisions if d.text.startswith("Brookside Allotment Society")]
    assert len(deferred) == 1 and deferred[0].outcome is Outcome.DEFERRED


def test_a_table_without_an_outcome_column_gives_no_row_decisions() -> None:
    table = Table(
        [[_p("Organisation"), _p("Project summary"), _p("Amount requested")]]
        + [[_p(g[0]), _p(g[1]), _p(g[2])] for g in _GRANTS],
        colWidths=[120, 260, 100],
    )
    table.setStyle(_GRID)
    minutes = parse_bytes(_minutes(table), name="grants.pdf", model="rules")
    assert not any(d.text.startswith(("Friends of Harlow", "Oakfield", "Brookside")) for d in minutes.decisions)


def test_the_task_cell_of_an_action_log_without_an_owner_column_reads_as_an_action() -> None:
    table = Table(
        [[_p("Ref"), _p("Action"), _p("Status")],
         [_p("1"), _p("MT will send the revised budget figures to all members."), _p("Complete")]],
        colWidths=[40, 360, 80],
    )
    table.setStyle(_GRID)
    data = _pdf([_p("Note of the Investment Panel"), _p("1. Action points"), table, _p("2. Other business"), _p("None.")])
    minutes = parse_bytes(data, name="panel.pdf", model="rules")
    actions = [a for a in minutes.actions if "revised budget" in a.text]
    assert len(actions) == 1 and actions[0].text.startswith("MT will send")


def test_an_action_column_beside_a_longer_minute_is_not_read_alone() -> None:
    from minutes_parser.extract.table_rows import task_cell

    header = ("Item", "Notes", "Action")
    assert task_cell(header, ("7", "The accounts were agreed and signed. A copy goes to the bank.", "Clerk to send")) is None
    assert task_cell(("Ref", "Action", "Status"), ("2", "PK will book the hall for the autumn fair.", "Open")) == "PK will book the hall for the autumn fair."
