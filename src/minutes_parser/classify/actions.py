"""The action rules, in order: each names the cue it records ("pattern:OWNER to VERB")."""

from __future__ import annotations

import re

from ..extract.owners import ROLE_NOUNS, owner_part, owner_phrase
from .base import (
    _DELIBERATIVE,
    _FINITE,
    ACTION_RULES,
    BE_SPACE,
    Clause,
    Finding,
    _is_meeting_body,
    _leading_person,
    _main_subject,
    _name_shaped,
    _owners_before,
    _verb_ok,
)

_TO = re.compile(r"\sto\s")  # what "OWNER to VERB" and "OWNER agreed to VERB" need
_TO_VERB = re.compile(r"(?<!\s)\s+to\s+(?:be\s+)?([A-Za-z]+)\b")


@ACTION_RULES.add("pattern:OWNER to VERB", needs=(_TO,))
def owner_to_verb(clause: Clause) -> Finding | None:
    """"Officers to provide a breakdown", "MS to circulate", "Action: Tom to get the form"."""
    for m in _TO_VERB.finditer(clause.text[:160]):
        if " to be " in m.group(0):
            return None
        if not _verb_ok(m.group(1)):
            continue
        if m.group(1).lower() in _DELIBERATIVE:
            return None  # "Members to note the report": a recommendation to the meeting
        found = _owners_before(clause, m.start(), tight=True)
        if found:
            return Finding("pattern:OWNER to VERB", tuple(found[0]), found[1])
        return None
    return None


_COMMIT = re.compile(
    r"(?<!\s)\s+(?:has\s+|have\s+|had\s+)?(agreed|undertook|offered|volunteered|promised|was asked|were asked|"
    r"has been asked|have been asked|is asked|are asked|was tasked|were tasked|was requested|were requested|"
    r"was invited|were invited|plans|planned|intends|intended|hopes|hoped|is going|are going|"
    r"will be required|will be asked|would be asked|will be expected|is due|are due|needs|need)\s+to\s+([A-Za-z]+)\b"
)


@ACTION_RULES.add("pattern:OWNER agreed to VERB", needs=(_TO,))
def owner_agreed_to(clause: Clause) -> Finding | None:
    """"The Clerk agreed to contact", "Audit representatives agreed to explore", "was asked to"."""
    for m in _COMMIT.finditer(clause.text):
        if not _verb_ok(m.group(2)) or (m.group(2).lower() in _DELIBERATIVE and "asked" in m.group(1)):
            continue
        need = m.group(1) in ("need", "needs")
        found = _owners_before(clause, m.start(), tight=need)
        if need and found and any(o.lower().split()[-1] in ROLE_NOUNS for o in found[0]):
            continue  # "Council leaders need to understand ...": a general need, not a named person's task
        if found is None and m.group(1) not in ("need", "needs"):
            # "James says work ... died down, plans to pick up this month": the sentence's subject.
            found = _main_subject(clause, m.start(), coordinated=m.group(1) in ("agreed", "offered", "undertook", "volunteered", "promised"))
        if found and m.group(1) == "agreed" and all(_is_meeting_body(o) for o in found[0]):
            return None  # "The Parish Council ... agreed to make a return": the meeting's decision
        if found:
            return Finding(f"pattern:OWNER {m.group(1)} to VERB", tuple(found[0]), found[1])
    return None


_WILL = re.compile(
    r"(?<!\s)\s+(?:will|would|shall|is going to|are going to)\s+(?:now\s+|also\s+|again\s+|then\s+|further\s+|still\s+|shortly\s+|personally\s+)?"
    r"(?!be\s+(?:able|happy|pleased|helpful|useful|good|nice|best|better|worth|fine|possible|necessary)\b)(be\s+[a-z]+ing|[a-z]+)\b"
)
_WEAK_FUTURE = frozenset(["like", "prefer", "expect", "hope", "think", "want", "wish", "need", "have", "like"])


@ACTION_RULES.add("pattern:OWNER will VERB", needs=("will", "would", "shall", "going"))
def owner_will_verb(clause: Clause) -> Finding | None:
    """"Owen will check progress with Ilaria", "The Board ... will look into", "He would again seek"."""
    for m in _WILL.finditer(clause.text):
        verb = m.group(1).split()[-1]
        if verb in _WEAK_FUTURE or not _verb_ok(verb.replace("ing", "") if verb.endswith("ing") else verb):
            continue
        found = _owners_before(clause, m.start(), allow_unknown=True)
        if found is None:
            # "The Board has read the thread, and will look into it": the main subject.
            before = clause.text[: m.start()]
            # "The Chair said the litter picks had resumed and would continue": the reported clause's
            # subject, not the speaker, is what "would" belongs to.
            reported = _REPORTING_VERB.search(before) is not None
            if not reported and (re.search(r",?\s+and\s*$|,\s*$", before) or re.search(r"\band\s+", before[-25:])):
                found = _main_subject(clause, m.start())
        if found and found[1][0] > 0 and all(_is_meeting_body(o) for o in found[0]) and _REPORTING_VERB.search(clause.text[: found[1][0]]):
            continue  # "Cllr Brack advised that ... the Planning Committee would be visiting": a third party's plans
        if found:
            return Finding("pattern:OWNER will VERB", tuple(found[0]), found[1])
    return None


_REPORTING_VERB = re.compile(r"\b(?:advised|said|says|reported|stated|explained|informed|told|confirmed|noted)\b")
# Reporting verbs, and those that take the listener as object ("informed the Board"). One list
# serves the pattern and the rule's cheap pre-check, so the two cannot drift apart.
_REPORTING_VERBS = ("stated", "said", "says", "advised", "confirmed", "reported", "explained", "indicated", "added", "undertook")
_REPORTING_TO = ("informed", "told")
_REPORTING_WORDS = _REPORTING_VERBS + _REPORTING_TO
_REPORTED = re.compile(
    r"(?<!\s)\s+(?:" + "|".join(_REPORTING_VERBS) + "|" + "|".join(rf"{verb}\s+\w+" for verb in _REPORTING_TO) + r")\s+(?:that\s+)?(?:[^.;]{0,160}?\band\s+that\s+)?"
    r"(he|she|they)\s+(?:(?:(?!\bthat\b)[^.;]){0,140}?\s)?(?:would|will|was going to|were going to|plans? to|planned to|hoped to|hopes to|intends? to|intended to)\s+(?!be\s+(?:able|happy|pleased)\b)([a-z]+)"
)


_OWNS = re.compile(r"(?<!\s)\s+(?:owns|will own|takes|has taken|took)\s+(?:the\s+|this\s+|that\s+)?action\b")


@ACTION_RULES.add("pattern:OWNER owns the action", needs=("action",))
def owner_owns_action(clause: Clause) -> Finding | None:
    """"Mara owns the action item." """
    m = _OWNS.search(clause.text)
    if not m:
        return None
    found = _owners_before(clause, m.start())
    return Finding("pattern:OWNER owns the action", tuple(found[0]), found[1]) if found else None


_PASSIVE_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to)\s+(?:now\s+|also\s+|then\s+)?be\s+([a-z]+(?:ed|en|t))\b(?:\s+(?:on|up|out|off|forward))?"
    r"(?:[^.;]{0,60}?\s+by\s+((?:the\s+)?[A-Z@][^.;,]{0,60}?|(?:members|officers|the\s+\w+)[^.;,]{0,40}?))?(?=[.;,]|\s+(?:by|before|in|on|at|for|to|once|when)\b|$)"
)
_NOT_TASKS = frozenset(
    ["held", "needed", "required", "based", "expected", "involved", "affected", "closed", "located", "aimed", "used", "delayed", "given", "seen", "known", "shown", "kept", "left", "met", "found", "told", "felt", "meant", "paid", "spent", "sent"]
)


@ACTION_RULES.add("pattern:will be done by OWNER", needs=(BE_SPACE,))
def passive_future(clause: Clause) -> Finding | None:
    """"The booking form will be worked on by Callum and Rhys", "Unit tests will be created"."""
    m = _PASSIVE_FUTURE.search(clause.text)
    if not m or m.group(1) in _NOT_TASKS:
        return None
    agent = m.group(2)
    if agent:
        owners = owner_phrase(agent.strip(), clause.people)
        if owners:
            return Finding("pattern:will be done by OWNER", tuple(owners), (m.start(2), m.end(2)))
        if not re.match(r"(?:members|officers|staff|volunteers)\b", agent.strip(), re.I):
            return None
        return Finding("pattern:will be done by OWNER", (agent.strip(),), (m.start(2), m.end(2)))
    if m.group(1) not in _DELIVERABLE_VERBS:
        return None
    return Finding("pattern:will be done")


_DELIVERABLE_VERBS = frozenset(
    ["created", "written", "drafted", "prepared", "circulated", "submitted", "updated", "fixed", "posted", "published", "arranged", "organised", "organized", "booked", "ordered", "installed", "repaired", "distributed", "emailed", "uploaded", "completed", "finalised", "finalized", "replaced", "tested", "reviewed", "investigated", "costed"]
)


_DASH_OWNER = re.compile(r"^((?:[A-Z][\w'’.\-]+|[A-Z]{2,4})(?:\s*/\s*(?:[A-Z][\w'’.\-]+|[A-Z]{2,4})){0,4})\s*[–—\-:]\s+(?=[A-Z])")


_SUBJECTLESS_WILL = re.compile(r"^(?:Will|Going to|Plan to|Plans to)\s+(?:be\s+[a-z]+ing|[a-z]+)\b")


@ACTION_RULES.add("pattern:Will VERB", needs=("will", "going", "plan"))
def subjectless_will(clause: Clause) -> Finding | None:
    """Note-style "Will be pushing to get consensus on this within 1 week": the subject is implied."""
    return Finding("pattern:Will VERB") if _SUBJECTLESS_WILL.match(clause.text) else None


@ACTION_RULES.add("pattern:OWNER said they would VERB", needs=_REPORTING_WORDS)
def reported_commitment(clause: Clause) -> Finding | None:
    """"The Chairman stated he would circulate an email", "Rina reported that she ... hoped to"."""
    m = _REPORTED.search(clause.text)
    if not m:
        return None
    found = _owners_before(clause, m.start())
    if found is None and clause.text[: m.start()].strip().lower() in ("he", "she", "they") and clause.last_subject:
        found = ([clause.last_subject], (0, m.start()))
    if found:
        return Finding("pattern:OWNER said they would VERB", tuple(found[0]), found[1])
    return None




_THAT_CLAUSE = re.compile(r"\b(?:agreed|AGREED|resolved|RESOLVED|decided|recommended)\s*:?\s+that\s+(?=\S)|(?:,|;)\s+and\s+that\s+(?=\S)")


@ACTION_RULES.add("pattern:RESOLVED that OWNER VERB", needs=("that",))
def resolution_directs(clause: Clause) -> Finding | None:
    """"RESOLVED that the Clerk write to Highways", "(c) the Director report the outturn to Cabinet",
    "It was agreed ... and that the Head of Community Services report on take-up"."""
    starts = [0] if clause.label in ("RESOLVED", "Decision", "Agreed") else []
    if "that" in clause.lowered:  # the costly pattern needs the word
        starts += [m.end() for m in _THAT_CLAUSE.finditer(clause.text)]
    for start in starts:
        found = _subject_and_base_verb(clause, start)
        if found:
            return found
    return None


_WORD = re.compile(r"\S+")


def _subject_and_base_verb(clause: Clause, start: int) -> Finding | None:
    """"[that] the Corporate Director of Finance report ...": the shortest owner phrase followed by a
    verb in its base form (or "be asked to VERB")."""
    text = clause.text
    words = list(_WORD.finditer(text, start))
    if words and words[0].group(0).lower() == "that":
        words = words[1:]
    for count in range(1, min(8, len(words))):
        verb = words[count].group(0)
        if not verb.isalpha() or not verb.islower():
            continue
        tail = text[words[count].end() :]
        if verb == "be" and re.match(r"\s+(?:asked|requested|instructed|authorised|authorized|delegated)\s+to\s+[a-z]", tail):
            pass  # "the Director of Public Health be asked to bring a revised plan"
        elif verb.endswith(("ed", "s")) or not _verb_ok(verb) or verb in _DELIBERATIVE or verb in _AUXILIARIES:
            continue
        subject_start, subject_end = words[0].start(), words[count - 1].end()
        owners = owner_phrase(text[subject_start:subject_end], clause.people)
        if owners:
            return Finding("pattern:RESOLVED that OWNER VERB", tuple(owners), (subject_start, subject_end))
        return None  # the first lower-case word is the verb slot; a longer subject would swallow it
    return None


_AUXILIARIES = frozenset(["be", "is", "are", "was", "were", "has", "have", "had", "may", "can", "could", "would", "should", "will", "shall", "must", "might", "do", "does", "did"])


_TO_BE_DONE = re.compile(
    r"^(?:[A-Z][\w’'\-]*|[a-z][\w’'\-]*)(?:\s+[\w’'\-]+){0,6}?\s+to\s+be\s+(?:sent|circulated|drafted|prepared|arranged|published|updated|"
    r"ordered|booked|given|made|taken|written|submitted|returned|posted|placed|installed|fitted|repaired|replaced|"
    r"chased|checked|reviewed|confirmed|obtained|collected|issued|shared|provided|delivered|organised|organized|"
    r"signed|completed|forwarded|displayed|erected|cleared|cut|painted|cleaned|investigated|costed|inspected|emailed|contacted)\b"
)


@ACTION_RULES.add("pattern:to be done", needs=(BE_SPACE,))
def to_be_done(clause: Clause) -> Finding | None:
    """"Nominations to be sent to the Secretary by 31 October": a task stated without its owner."""
    m = _TO_BE_DONE.match(clause.text)
    if not m:
        return None
    subject = clause.text[: clause.text.find(" to be ")]
    if _FINITE.search(subject) or "n't" in subject or "wish" in subject:
        return None  # "The Council wouldn't wish for trees to be cut down": not a task
    return Finding("pattern:to be done")


_REPORT_BACK = re.compile(
    r"\b(?:report|update|paper|item|proposal|options?|recommendations?|briefing)\b[^.;]{0,80}?\b(?:be|is to be|are to be|would be|will be|should be)\s+"
    r"(?:brought|presented|submitted|provided|circulated|taken|tabled|reported|sent|made available|considered)\b"
    r"|\b(?:bring|brings|report)\s+(?:a\s+report\s+|an\s+update\s+|it\s+|this\s+|them\s+)?back\s+to\b"
)
_AVAILABLE_FOR = re.compile(
    r"\b(?:would|will)\s+be\s+(?:available|on the [A-Za-z]+ agenda|brought|circulated|presented|tabled|added to the agenda|considered|discussed|reviewed)\b[^.;]{0,60}?\b(?:meeting|agenda)\b"
    r"|\bwould be (?:on|an item on) the [A-Za-z]+ (?:meeting'?s? )?agenda\b"
)


@ACTION_RULES.add("pattern:report back", needs=("back", BE_SPACE))
def report_back(clause: Clause) -> Finding | None:
    """"that a report be brought back to the next meeting", "would be available for the June meeting"."""
    if _REPORT_BACK.search(clause.text) or _AVAILABLE_FOR.search(clause.text):
        return Finding("pattern:report back")
    return None


_SHOULD_BE = re.compile(r"\bshould\s+be\s+(?:prepared|sent|circulated|drafted|written|arranged|organised|organized|updated|shared|ordered|purchased|reported|chased)\b")


@ACTION_RULES.add("pattern:should be done", needs=("should",))
def should_be_done(clause: Clause) -> Finding | None:
    """"Newsletters should be prepared for issue in March": a task with no stated owner."""
    if _SHOULD_BE.search(clause.text):
        return Finding("pattern:should be done")
    return None


_IMPERSONAL_AGREED = re.compile(
    r"\b(?:it was|it is|was)\s+(?:unanimously\s+)?(?:agreed|AGREED|resolved|RESOLVED|decided)\s+to\s+"
    r"(write|invite|contact|ask|send|circulate|arrange|request|inform|respond|reply|forward|seek|obtain|purchase|order|"
    r"chase|book|notify|report|publish|prepare|draft|organise|organize|investigate|pursue)\b"
    r"|\b(?:agreed|AGREED|resolved|RESOLVED|decided)\s+(?:that\s+)?(?:a|an|the)\s+(?:[\w’'\-]+\s+){0,3}?(?:be|would\s+be|should\s+be|is\s+to\s+be|will\s+be)\s+"
    r"(sent|written|drafted|circulated|prepared|arranged|ordered|obtained|published|requested|placed|put|booked|made)\b"
)


@ACTION_RULES.add("pattern:agreed to VERB", needs=("agreed", "resolved", "decided"))
def impersonal_agreed(clause: Clause) -> Finding | None:
    """"It was AGREED to write to the Scottish government": agreed work with no named owner."""
    if _IMPERSONAL_AGREED.search(clause.text):
        return Finding("pattern:agreed to VERB")
    return None


@ACTION_RULES.add("label:Action", needs=())
def action_label(clause: Clause) -> Finding | None:
    """A paragraph under "Action:" / "Action items": an action even without a verb pattern."""
    if clause.label != "Action" or clause.text.rstrip().endswith(":"):
        return None
    if clause.speaker and (owner_part(clause.speaker, clause.people) or re.fullmatch(r"[A-Z][a-z'’\-]{1,30}(?: [A-Z][a-z'’\-]{1,30})?", clause.speaker)):
        return Finding("label:Action", (clause.speaker,))  # "Ryan: figure out ..." names its owner
    dash = _DASH_OWNER.match(clause.text)
    if dash:
        names = [n.strip() for n in dash.group(1).split("/")]
        # "Sam – Organise the meeting" under an Action label: the layout itself names the owner.
        if all(owner_part(n, clause.people) or _name_shaped(n, clause.people) for n in names):
            return Finding("label:Action", tuple(names), (dash.start(1), dash.end(1)))
    lead = _leading_person(clause)
    if lead:
        return Finding("label:Action", tuple(lead[0]), lead[1])
    return Finding("label:Action")


_CHECKLIST = re.compile(r"^\[[ xX]\]\s+")


@ACTION_RULES.add("pattern:checklist", needs=("[",))
def checklist(clause: Clause) -> Finding | None:
    if _CHECKLIST.match(clause.text):
        return Finding("pattern:checklist")
    return None
