"""Minutes as the JSON object that OUTPUT.md specifies, plus provenance and cues.

Fields beyond the contract (``provenance``, ``cues``, ``owner_details``, ``appendix`` …) are
additions the contract allows; consumers that do not know them ignore them.
"""

from __future__ import annotations

import json as _json
from typing import Any

from ..model import (
    Action,
    AgendaItem,
    Attendee,
    Decision,
    DueDate,
    Minutes,
    NamedVotes,
    Paragraph,
    Provenance,
    Votes,
)

# Where one model item lands in the JSON: section, index in it, and the JSON index of each model
# paragraph (empty paragraphs, such as a bare "Decision:" label, are not printed).
_Placement = tuple[str, int, list[int]]


def _printed(item: AgendaItem) -> list[Paragraph]:
    return [p for p in item.paragraphs if p.text]


def _sections(minutes: Minutes) -> list[_Placement]:
    """("items", i, …), ("preamble", 0, …) or ("appendices", i, …) for each model item."""
    out: list[_Placement] = []
    counts = {"items": 0, "appendices": 0, "preamble": 0}
    for item in minutes.items:
        section = "preamble" if item.preamble else ("appendices" if item.appendix else "items")
        positions: list[int] = []
        shown = 0
        for paragraph in item.paragraphs:
            positions.append(shown)
            shown += 1 if paragraph.text else 0
        out.append((section, counts[section], positions))
        counts[section] += 1
    return out


def _provenance(p: Provenance, sections: list[_Placement]) -> dict[str, Any]:
    if 0 <= p.item_index < len(sections):
        section, index, positions = sections[p.item_index]
        paragraph = positions[p.paragraph] if 0 <= p.paragraph < len(positions) else p.paragraph
    else:
        section, index, paragraph = "items", p.item_index, p.paragraph
    return {"section": section, "item_index": index, "paragraph": paragraph, "start": p.start, "end": p.end}


def _due(due: DueDate | None) -> dict[str, Any] | None:
    if due is None:
        return None
    return {
        "text": due.text,
        "value": due.value,
        "date": due.date.isoformat() if due.date else None,
        "cue": due.cue,
        "span": [due.start, due.end],
    }


def _attendee(a: Attendee) -> dict[str, Any]:
    return {
        "name": a.name,
        "role": a.role,
        "organisation": a.organisation,
        "status": a.status.value,
        "initials": a.initials,
    }


def _item(item: AgendaItem) -> dict[str, Any]:
    return {
        "number": item.number,
        "key": item.key,
        "title": item.title,
        "appendix": item.appendix,
        "cues": list(item.cues),
        "paragraphs": [
            {"kind": p.kind.value, "text": p.text, "cues": list(p.cues), **({"label": p.label} if p.label else {}),
             **({"margin": p.margin} if p.margin else {})}
            for p in _printed(item)
        ],
    }


def _named(named: NamedVotes | None) -> dict[str, list[str]] | None:
    if named is None:
        return None
    return {"for": list(named.in_favour), "against": list(named.against), "abstain": list(named.abstain)}


def _votes(votes: Votes | None) -> dict[str, Any] | None:
    if votes is None:
        return None
    return {
        "for": votes.in_favour,
        "against": votes.against,
        "abstain": votes.abstain,
        "named": _named(votes.named),
        "mover": votes.mover,
        "seconder": votes.seconder,
    }


def _decision(d: Decision, sections: list[_Placement]) -> dict[str, Any]:
    return {
        "item": d.item,
        "text": d.text,
        "outcome": d.outcome.value if d.outcome else None,
        "votes": _votes(d.votes),
        "cues": list(d.cues),
        "provenance": _provenance(d.provenance, sections),
    }


def _action(a: Action, sections: list[_Placement]) -> dict[str, Any]:
    return {
        "item": a.item,
        "text": a.text,
        "owners": [o.name for o in a.owners],
        "due": _due(a.due),
        "follow_up": (
            {"kind": a.follow_up.kind.value, "to": a.follow_up.to, "topic": a.follow_up.topic}
            if a.follow_up
            else None
        ),
        "cues": list(a.cues),
        "owner_details": [
            {"name": o.name, "written": o.written, "cue": o.cue, "span": [o.start, o.end]} for o in a.owners
        ],
        "provenance": _provenance(a.provenance, sections),
    }


def minutes_to_dict(minutes: Minutes) -> dict[str, Any]:
    """The OUTPUT.md object for one document."""
    m = minutes.meeting
    sections = _sections(minutes)
    preamble = [i for i in minutes.items if i.preamble]
    return {
        "schema_version": minutes.schema_version,
        "source": {
            "path": minutes.source.path,
            "format": minutes.source.format.value,
            "sha256": minutes.source.sha256,
            "dialect": minutes.source.dialect,
            "pages": minutes.source.pages,
        },
        "kind": minutes.kind.value,
        "meeting": {
            "body": m.body,
            "title": m.title,
            "date": m.date.isoformat() if m.date else None,
            "date_source": m.date_source,
            "time": m.time,
            "venue": m.venue,
            "next_meeting": m.next_meeting.isoformat() if m.next_meeting else None,
            "attendees": [_attendee(a) for a in m.attendees],
        },
        "preamble": _item(preamble[0])["paragraphs"] if preamble else [],
        "items": [_item(i) for i in minutes.items if not i.appendix and not i.preamble],
        "appendices": [_item(i) for i in minutes.items if i.appendix],
        "decisions": [_decision(d, sections) for d in minutes.decisions],
        "actions": [_action(a, sections) for a in minutes.actions],
        "warnings": list(minutes.warnings),
    }


def minutes_to_json(minutes: Minutes, *, indent: int | None = 2) -> str:
    return _json.dumps(minutes_to_dict(minutes), ensure_ascii=False, indent=indent)


def schema() -> dict[str, Any]:
    """The published JSON Schema of this output (shipped in the package)."""
    from importlib.resources import files

    text = files("minutes_parser").joinpath("schema/minutes-1.1.schema.json").read_text(encoding="utf-8")
    result: dict[str, Any] = _json.loads(text)
    return result
