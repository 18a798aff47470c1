"""Entries in sentence case under a list intro that calls on named roles: "This Council agrees to
call on the Cabinet Member for Parks and Open Spaces and the Director of Highways to:" then
"a) Write to ...": each entry is their task; role titles whose remit holds "and" stay whole."""

from __future__ import annotations

from minutes_parser.core import parse_text
from minutes_parser.extract.owners import PeopleIndex, owner_phrase

PEOPLE = PeopleIndex.build([], "Meeting of the Tollerby Borough Council.")

MINUTES = """Tollerby Borough Council

Minutes of the meeting held on 3 March 2025

1. Motion on verge cutting

The motion was moved and seconded, and carried.

This Council agrees to call on the Cabinet Member for Parks and Open Spaces and the Director of Highways to:

a) Write to the county council asking for a later cutting season.

b) Publish the cutting map on the council website.

c) Wildflower verges are popular with residents.

2. Close

The meeting closed at 8pm.
"""


def test_role_titles_with_and_in_their_remit_stay_whole() -> None:
    titles = owner_phrase("the Cabinet Member for Parks and Open Spaces and the Director of Highways", PEOPLE)
    assert titles == ["the Cabinet Member for Parks and Open Spaces", "the Director of Highways"]
    assert owner_phrase("the Director of Finance and the Clerk", PEOPLE) == ["the Director of Finance", "the Clerk"]


def test_imperative_entries_under_the_intro_are_the_named_roles_tasks() -> None:
    minutes = parse_text(MINUTES, name="tollerby.txt", model="rules")
    owners = {a.text: [o.name for o in a.owners] for a in minutes.actions}
    both = ["the Cabinet Member for Parks and Open Spaces", "the Director of Highways"]
    assert owners.get("Write to the county council asking for a later cutting season.") == both
    assert owners.get("Publish the cutting map on the council website.") == both
    assert not any(text.startswith("Wildflower") for text in owners)  # no verb first: no task
