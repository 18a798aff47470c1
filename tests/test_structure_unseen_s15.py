"""Session 15 item rules on styles the development set lacks: each rule must leave alone the
shapes of other bodies' minutes that look like it. All minutes here are invented."""

from __future__ import annotations

import pytest

from helpers import numbered_items
from minutes_parser import parse_text

MODELS = ["rules", None]

# --- coded minute numbers: planning references listed under a plainly numbered item ----------

# Consecutive serials of three digits, as a planning authority hands out in a week, under "2.":
# references of the planning item, not a run of coded minutes.
PLANNING_LIST = (
    "Oakridge Parish Council\n\n"
    "Minutes of the meeting held on 3 April 2025\n\n"
    "1. Apologies\n\nNone.\n\n"
    "2. Planning applications\n\n"
    "P/25/101 Two storey extension at 3 Elm Close. No objection.\n\n"
    "P/25/102 Garage at 5 Elm Close. No objection.\n\n"
    "P/25/103 Fence at 7 Elm Close. Objection on grounds of height.\n\n"
    "3. Any other business\n\nNone.\n"
)


@pytest.mark.parametrize("model", MODELS)
def test_consecutive_planning_references_under_a_numbered_item_stay_its_text(model: str | None) -> None:
    minutes = parse_text(PLANNING_LIST, name="oakridge.txt", model=model)
    assert numbered_items(minutes) == [("1", "Apologies"), ("2", "Planning applications"), ("3", "Any other business")]
    planning = next(item for item in minutes.items if item.number == "2")
    assert any("Elm Close" in p.text for p in planning.paragraphs)
