"""Follow-ups: a report, item or update that is to come back, to which body, on what topic."""

from __future__ import annotations

import re

from ..model import FollowUp, FollowUpKind

# (each led by a lookahead for the first letters its matches start with: one class test where none can start)
_FOLLOW_UP = re.compile(
    r"(?=[atfwpruib])\b(?:(?:a|an|the|further|full|written|progress)\s+)?(?P<kind>report|update|paper|item|briefing|presentation)"
    r"(?:\s+(?:on|about|regarding|concerning)\s+(?P<topic>[^,.;]{2,60}?))?"
    r"\s+(?:(?:be|is to be|are to be|would be|will be|should be)\s+)?(?:brought|bring|come|coming|presented|submitted|taken|reported|tabled)"
    r"(?:\s+back)?\s+(?:to|at|before)\s+(?P<to>(?:the\s+)?(?:next\s+|a\s+future\s+|future\s+|following\s+|[A-Z][a-z]+\s+)?[^,.;]{0,60}?)(?=\s+(?:on|in|by|for|meeting)\b|[,.;]|$)",
    re.I,
)
_BRING_BACK = re.compile(
    r"(?=[brc])\b(?:bring|brings|brought|report|reports|come|comes)\s+(?:(?:a|an)\s+(?P<kind>report|update|paper)\s+)?(?:(?:on|about)\s+(?P<topic>[^,.;]{2,60}?)\s+)?back\s+to\s+"
    r"(?P<to>(?:the\s+)?[^,.;]{1,60}?)(?=\s+(?:on|in|by|for|with)\b|[,.;]|$)",
    re.I,
)
_AGENDA = re.compile(r"(?=[otf])\b(?:on|to|for)\s+(?:the\s+)?(?P<when>next|[A-Z][a-z]+|future)\s+(?:meeting'?s?\s+)?agenda\b", re.I)
_BODY_WORDS = re.compile(r"\b(Board|Committee|Council|Cabinet|Panel|Group|Forum|Commission|Trustees|Members|meeting)\b", re.I)


def _body(phrase: str | None) -> str | None:
    if not phrase:
        return None
    phrase = re.sub(r"^(?:the\s+)?", "", phrase.strip(), flags=re.I)
    m = re.search(r"meeting of (?:the\s+)?(.+)$", phrase, re.I)
    if m:
        phrase = m.group(1)
    phrase = re.sub(r"\b(?:next|following|future)\s+", "", phrase, flags=re.I).strip()
    phrase = re.sub(r"\s+meeting$", "", phrase, flags=re.I).strip()
    if not phrase or phrase.lower() in ("meeting", "a", "the"):
        return "next meeting" if phrase.lower() == "meeting" else None
    return phrase if _BODY_WORDS.search(phrase) or phrase[:1].isupper() else None


def find_follow_up(text: str) -> FollowUp | None:
    m = _FOLLOW_UP.search(text)
    if m:
        kind = m.group("kind").lower()
        follow_kind = FollowUpKind.UPDATE if kind in ("update", "briefing", "presentation") else (
            FollowUpKind.ITEM if kind == "item" else FollowUpKind.REPORT
        )
        topic = m.group("topic").strip() if m.group("topic") else None
        return FollowUp(follow_kind, to=_body(m.group("to")), topic=topic, cue="follow-up:" + kind)
    m = _BRING_BACK.search(text)
    if m:
        kind = (m.group("kind") or "report").lower()
        follow_kind = FollowUpKind.UPDATE if kind == "update" else FollowUpKind.REPORT
        topic = m.group("topic").strip() if m.group("topic") else None
        return FollowUp(follow_kind, to=_body(m.group("to")), topic=topic, cue="follow-up:back to")
    m = _AGENDA.search(text)
    if m:
        return FollowUp(FollowUpKind.ITEM, to=None, topic=None, cue="follow-up:agenda")
    return None
