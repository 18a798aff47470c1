"""Action tables whose headers name the task and owner columns in other words ("Detail | Resp."),
or whose first column numbers the minute the action comes from ("Item | | By whom | By when")."""

from __future__ import annotations

from helpers import document_actions
from minutes_parser import parse_text
from minutes_parser.extract.findings import is_continuation_row, is_reference_cell, task_column

HEAD = "# Marlow Vale Steering Group\n\nMinutes of the meeting held on 4 March 2024\n\nPresent: Hana Quist (HQ), Dev Ormond (DO)\n\n## 1. Website\n\nThe site was discussed.\n\n"


def test_detail_and_resp_columns_are_task_and_owner() -> None:
    text = HEAD + (
        "Actions:\n\n| No. | Sec. | Detail | Resp. |\n| --- | --- | --- | --- |\n"
        "| 4.1 | 1 | Move the photo archive to the new host | HQ |\n"
        "| 4.2 | 1 | Write a note on membership criteria | DO |\n"
    )
    assert document_actions(text) == [
        ("Move the photo archive to the new host", ["Hana Quist"]),
        ("Write a note on membership criteria", ["Dev Ormond"]),
    ]


def test_a_minute_number_column_is_not_the_task() -> None:
    header = ("ITEM", "", "BY WHOM", "BY WHEN")
    assert task_column(header, ("12/2324", "Send the signed minutes to the website", "Clerk", "asap"), 2) == 1
    # An "Item" column that holds text is still the task.
    assert task_column(("Item", "Who"), ("Order new bins", "Clerk"), 1) == 0


def test_reference_cells() -> None:
    assert is_reference_cell("41b/2122") and is_reference_cell("BM 37/2122") and is_reference_cell("2.10")
    assert not is_reference_cell("Order new bins")


def test_a_wrapped_row_carries_on_the_row_above() -> None:
    header = ("ITEM", "", "BY WHOM", "BY WHEN")
    assert is_continuation_row(header, ("", "the caretaker's induction", "Ormond", ""), 1)
    assert not is_continuation_row(header, ("7/2324", "Order new bins", "Clerk", ""), 1)


def test_a_motion_restated_as_resolved_is_one_action() -> None:
    text = HEAD.replace("## 1. Website\n\nThe site was discussed.\n\n", "") + (
        "## 2. Constitution\n\n"
        "Cllr Quist moved that the Council delegate authority to the Monitoring Officer to make the changes "
        "to the Constitution once Harrowby Council has agreed the same changes.\n\n"
        "RESOLVED that the Council delegates authority to the Monitoring Officer to make the changes "
        "to the Constitution once Harrowby Council has agreed the same changes.\n"
    )
    actions = parse_text(text, model="rules").actions
    assert len(actions) == 1 and [o.name for o in actions[0].owners] == ["the Monitoring Officer"]


def test_short_tasks_said_twice_stay_two_actions() -> None:
    text = HEAD + "Dev to draft the text.\n\nThe wording was debated again.\n\nDev to draft the text.\n"
    assert len(parse_text(text, model="rules").actions) == 2
