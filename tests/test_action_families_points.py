"""Numbered points of small-team minutes: a point made a heading by the layout is the task of the
"ACTION: kq12" line under it, and an owner marker at the end of a point gives the whole point."""

from __future__ import annotations

from minutes_parser import parse_text
from minutes_parser.extract.findings import title_as_task

MINUTES = """\
Tern Bay App Team Weekly Meeting 14/03/2024
Author: kq12

Matters arising
1. Several status pages are out of date, please update them
ACTION: kq12, tb7
2. Keep working on the booking page mock-up
ACTION: rp9
3. Finance
ACTION: all

New business
1. All team members should join the chat channel ACTION: all
2. Demo videos are due soon. Each member records a short demo for the team drive. ACTION: all
"""


def _actions() -> dict[str, list[str]]:
    return {a.text: [o.written for o in a.owners] for a in parse_text(MINUTES, model="rules").actions}


def test_a_numbered_title_that_reads_as_a_task_takes_the_owner_line_under_it() -> None:
    actions = _actions()
    assert actions["Keep working on the booking page mock-up"] == ["rp9"]
    assert not any(text.startswith("Finance") for text in actions)  # a topic title is no task


def test_an_owner_marker_after_a_point_gives_the_point_its_owners() -> None:
    actions = _actions()
    assert actions["All team members should join the chat channel ACTION: all"] == ["all"]
    whole = next(text for text in actions if "demo" in text)
    assert whole.startswith("Demo videos are due soon.")
    assert whole.endswith("ACTION: all") and actions[whole] == ["all"]


def test_title_as_task_needs_a_numbered_sentence() -> None:
    assert title_as_task("Keep working on the booking page", "2") is not None
    assert title_as_task("Keep working on the booking page", None) is None
    assert title_as_task("Village hall", "4") is None
    assert title_as_task("Matters arising from the minutes:", "1") is None
