"""Stage 3: decide, sentence by sentence, what is a decision and what is an action.

The classifier is two ordered lists of small named rules (``ACTION_RULES``, ``DECISION_RULES``).
Each rule looks at one clause with its context and returns a :class:`Finding` or None; the first
rule that fires in each list wins, and its name becomes the cue recorded on the output
("pattern:OWNER to VERB", "label:Decision"). A clause can be both: "RESOLVED that the Clerk write
to Highways" is a decision and an action for the Clerk.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .extract.owners import ROLE_NOUNS, PeopleIndex, clean_subject, owner_part, owner_phrase

# Words that follow "to" without being verbs: "agreed to an added paragraph", "to the Board".
_NOT_VERBS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "all", "any", "each", "every", "his", "her", "their", "its", "our", "your", "my", "members", "officers", "council", "councils", "board", "committee", "date", "be", "been", "being", "it", "them", "him", "us", "me", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some", "no", "more", "most", "other", "another", "further", "following", "previous", "next", "last", "first", "which", "what", "whom", "where", "when", "how", "why", "a.", "mr", "mrs", "ms", "dr", "cllr", "councillor", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "of", "for", "in", "on", "at", "to", "with", "from", "by", "and", "or", "as", "into", "onto", "about"]
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|did|does|said|says|stated|advised|reported|noted|explained|"
    r"asked|thanked|welcomed|introduced|highlighted|confirmed|felt|queried|suggested|informed|"
    r"discussed|presented|received|made|took|gave|went|came|seemed|appeared|could|might|should|can|"
    r"must|need|needs|would|will|shall)\b"
)


@dataclass(frozen=True)
class Clause:
    """One sentence or clause with what the classifier may need to know about its context."""

    text: str
    label: str | None  # label governing the paragraph: "Decision", "Action", "RESOLVED", "Agreed"
    people: PeopleIndex
    last_subject: str | None = None  # antecedent for he / she / they
    margin: str | None = None  # action-column text level with the paragraph
    speaker: str | None = None  # "Ryan" in "Ryan: Figure out ..."


@dataclass(frozen=True)
class Finding:
    cue: str
    owners: tuple[str, ...] = ()
    owner_span: tuple[int, int] | None = None  # where the owner phrase sits in the clause


Rule = Callable[[Clause], "Finding | None"]


@dataclass
class RuleSet:
    rules: list[tuple[str, Rule]] = field(default_factory=list)

    def add(self, cue: str) -> Callable[[Rule], Rule]:
        def register(fn: Rule) -> Rule:
            self.rules.append((cue, fn))
            return fn

        return register

    def first(self, clause: Clause) -> Finding | None:
        for _, rule in self.rules:
            found = rule(clause)
            if found is not None:
                return found
        return None


ACTION_RULES = RuleSet()
DECISION_RULES = RuleSet()


_BOUNDARY = re.compile(r"(?:,|;|\band\b|\bthat\b|\bbut\b|\bso\b|\bwhile\b|\bwhereas\b)\s+")


_REPORTER = re.compile(
    r"^(.{2,80}?)\s+(?:said|stated|advised|confirmed|reported|explained|indicated|added|agreed|undertook|informed\s+\w+|told\s+\w+)\b"
)
_TIGHT_BOUNDARY = re.compile(r"[,;]\s+")


def _owners_before(
    clause: Clause, end: int, *, allow_unknown: bool = True, tight: bool = False
) -> tuple[list[str], tuple[int, int]] | None:
    """Owners named by the words before a cue: the whole lead-in, else its longest tail after a
    clause boundary ("There was a list ..., the Clerk agreed to" -> "the Clerk")."""
    raw = clause.text[:end]
    if re.search(r"[-–—:]\s*$", raw):
        return None  # "Trello - agreed to continue": a topic label, not an owner
    starts = [0]
    for boundary in (_TIGHT_BOUNDARY if tight else _BOUNDARY).finditer(raw):
        named = _ENDS_WITH_NAME.search(raw[: boundary.start()].rstrip())
        if boundary.group(0).startswith(",") and named and owner_phrase(named.group(0), clause.people):
            continue  # "for Cllr Sue Lintern, Cllr Trudy Mann and ...": a list of names, not a new subject
        starts.append(boundary.end())
    for start in starts:
        subject = clean_subject(raw[start:])
        if not subject:
            continue
        if subject.lower() in ("he", "she", "they"):
            reporter = _REPORTER.match(raw)
            if reporter:
                owners = owner_phrase(reporter.group(1), clause.people)
                if owners:
                    return owners, (reporter.start(1), reporter.end(1))
            if clause.last_subject:
                at = raw.rfind(subject)
                return [clause.last_subject], (at, at + len(subject))
            return None
        owners = owner_phrase(subject, clause.people, allow_unknown_names=allow_unknown)
        if owners is not None:
            at = raw.rfind(subject)
            return owners, (at, at + len(subject))
    return None


def _verb_ok(word: str) -> bool:
    lowered = word.lower()
    return bool(lowered) and lowered.isalpha() and lowered not in _NOT_VERBS and not lowered.endswith("ly")


# --- action rules, in order ---------------------------------------------------------------------

# "asked to consider and approve", "Members to note": what the meeting itself is to decide.
_DELIBERATIVE = frozenset(["note", "consider", "approve", "agree", "endorse", "comment", "discuss", "decide", "ratify", "adopt"])
_TO_VERB = re.compile(r"\s+to\s+(?:be\s+)?([A-Za-z]+)\b")


@ACTION_RULES.add("pattern:OWNER to VERB")
def owner_to_verb(clause: Clause) -> Finding | None:
    """"Officers to provide a breakdown", "MS to circulate", "Action: Greg to get the form"."""
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
    r"\s+(?:has\s+|have\s+|had\s+)?(agreed|undertook|offered|volunteered|promised|was asked|were asked|"
    r"has been asked|have been asked|is asked|are asked|was tasked|were tasked|was requested|were requested|"
    r"was invited|were invited|plans|planned|intends|intended|hopes|hoped|is going|are going|"
    r"will be required|will be asked|would be asked|will be expected|is due|are due|needs|need)\s+to\s+([A-Za-z]+)\b"
)


@ACTION_RULES.add("pattern:OWNER agreed to VERB")
def owner_agreed_to(clause: Clause) -> Finding | None:
    """"The Clerk agreed to contact", "NAO representatives agreed to explore", "was asked to"."""
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
    r"\s+(?:will|would|shall|is going to|are going to)\s+(?:now\s+|also\s+|again\s+|then\s+|further\s+|still\s+|shortly\s+|personally\s+)?"
    r"(?!be\s+(?:able|happy|pleased|helpful|useful|good|nice|best|better|worth|fine|possible|necessary)\b)(be\s+[a-z]+ing|[a-z]+)\b"
)
_WEAK_FUTURE = frozenset(["like", "prefer", "expect", "hope", "think", "want", "wish", "need", "have", "like"])


@ACTION_RULES.add("pattern:OWNER will VERB")
def owner_will_verb(clause: Clause) -> Finding | None:
    """"Frank will check status with Daniele", "The Board ... will look into", "He would again seek"."""
    for m in _WILL.finditer(clause.text):
        verb = m.group(1).split()[-1]
        if verb in _WEAK_FUTURE or not _verb_ok(verb.replace("ing", "") if verb.endswith("ing") else verb):
            continue
        found = _owners_before(clause, m.start(), allow_unknown=True)
        if found is None:
            # "The Board has read the thread, and will look into it": the main subject.
            before = clause.text[: m.start()]
            if re.search(r",?\s+and\s*$|,\s*$", before) or re.search(r"\band\s+", before[-25:]):
                found = _main_subject(clause, m.start())
        if found:
            return Finding("pattern:OWNER will VERB", tuple(found[0]), found[1])
    return None


_REPORTED = re.compile(
    r"\s+(?:stated|said|says|advised|confirmed|reported|explained|indicated|added|undertook|informed\s+\w+|told\s+\w+)\s+(?:that\s+)?(?:[^.;]{0,160}?\band\s+that\s+)?"
    r"(he|she|they)\s+(?:(?:(?!\bthat\b)[^.;]){0,140}?\s)?(?:would|will|was going to|were going to|plans? to|planned to|hoped to|hopes to|intends? to|intended to)\s+(?!be\s+(?:able|happy|pleased)\b)([a-z]+)"
)


_OWNS = re.compile(r"\s+(?:owns|will own|takes|has taken|took)\s+(?:the\s+|this\s+|that\s+)?action\b")


@ACTION_RULES.add("pattern:OWNER owns the action")
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


@ACTION_RULES.add("pattern:will be done by OWNER")
def passive_future(clause: Clause) -> Finding | None:
    """"Syncing will be worked on by Darren and Dan", "JUnit tests will be created"."""
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


@ACTION_RULES.add("pattern:Will VERB")
def subjectless_will(clause: Clause) -> Finding | None:
    """Note-style "Will be pushing to get consensus on this within 1 week": the subject is implied."""
    return Finding("pattern:Will VERB") if _SUBJECTLESS_WILL.match(clause.text) else None


@ACTION_RULES.add("pattern:OWNER said they would VERB")
def reported_commitment(clause: Clause) -> Finding | None:
    """"The Chairman stated he would circulate an email", "Reinhild reported that she ... hoped to"."""
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


@ACTION_RULES.add("pattern:RESOLVED that OWNER VERB")
def resolution_directs(clause: Clause) -> Finding | None:
    """"RESOLVED that the Clerk write to Highways", "(c) the Director report the outturn to Cabinet",
    "It was agreed ... and that the Head of Community Services report on take-up"."""
    starts = [0] if clause.label in ("RESOLVED", "Decision", "Agreed") else []
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


_AUXILIARIES = frozenset("be is are was were has have had may can could would should will shall must might do does did".split())


_TO_BE_DONE = re.compile(
    r"^(?:[A-Z][\w’'\-]*|[a-z][\w’'\-]*)(?:\s+[\w’'\-]+){0,6}?\s+to\s+be\s+(?:sent|circulated|drafted|prepared|arranged|published|updated|"
    r"ordered|booked|given|made|taken|written|submitted|returned|posted|placed|installed|fitted|repaired|replaced|"
    r"chased|checked|reviewed|confirmed|obtained|collected|issued|shared|provided|delivered|organised|organized|"
    r"signed|completed|forwarded|displayed|erected|cleared|cut|painted|cleaned|investigated|costed|inspected|emailed|contacted)\b"
)


@ACTION_RULES.add("pattern:to be done")
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


@ACTION_RULES.add("pattern:report back")
def report_back(clause: Clause) -> Finding | None:
    """"that a report be brought back to the next meeting", "would be available for the June meeting"."""
    if _REPORT_BACK.search(clause.text) or _AVAILABLE_FOR.search(clause.text):
        return Finding("pattern:report back")
    return None


_SHOULD_BE = re.compile(r"\bshould\s+be\s+(?:prepared|sent|circulated|drafted|written|arranged|organised|organized|updated|shared|ordered|purchased|reported|chased)\b")


@ACTION_RULES.add("pattern:should be done")
def should_be_done(clause: Clause) -> Finding | None:
    """"Newsletters should be prepared for issue in March": a task with no stated owner."""
    if _SHOULD_BE.search(clause.text):
        return Finding("pattern:should be done")
    return None


_IMPERSONAL_AGREED = re.compile(
    r"\b(?:it was|it is|was)\s+(?:unanimously\s+)?(?:agreed|AGREED|resolved|RESOLVED|decided)\s+to\s+"
    r"(write|invite|contact|ask|send|circulate|arrange|request|inform|respond|reply|forward|seek|obtain|purchase|order|"
    r"chase|book|notify|report|publish|prepare|draft|organise|organize|investigate|pursue)\b"
)


@ACTION_RULES.add("pattern:agreed to VERB")
def impersonal_agreed(clause: Clause) -> Finding | None:
    """"It was AGREED to write to the Scottish government": agreed work with no named owner."""
    if _IMPERSONAL_AGREED.search(clause.text):
        return Finding("pattern:agreed to VERB")
    return None


@ACTION_RULES.add("label:Action")
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


@ACTION_RULES.add("pattern:checklist")
def checklist(clause: Clause) -> Finding | None:
    if _CHECKLIST.match(clause.text):
        return Finding("pattern:checklist")
    return None


_IMPERSONAL_BEFORE = re.compile(
    r"(?:\bit\s+(?:was|is|has\s+been)|\bthere\s+(?:was|is)|\b(?:which|who|someone|anyone)(?:\s+(?:was|were|is|are))?|\b(?:was|were|is|are|been|be)|[-–—:])\s*$",
    re.I,
)
_PERSON_MENTION = re.compile(
    r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2}|\b[Tt]he\s+(?:Clerk|Chair(?:man|person)?|Secretary|Treasurer|Board|Committee)\b"
)


def _main_subject(clause: Clause, cue_start: int, *, coordinated: bool = False) -> tuple[list[str], tuple[int, int]] | None:
    """The person a commitment cue belongs to when no subject stands right before it: the last
    person named before the cue, provided no reported clause ("advised that ...") or impersonal
    subject ("it was", "someone") intervenes. With ``coordinated`` ("... and offered to"), the
    sentence's own subject, whatever clause came between."""
    before = clause.text[:cue_start]
    if _IMPERSONAL_BEFORE.search(before.rstrip(" ,")) or re.search(r"\b(?:what|how|whether|why|where|which)\b", before, re.I):
        return None
    coordinated = coordinated and re.search(r"\band\s*$", before) is not None
    if coordinated:
        lead = _leading_person(clause)
        if lead:
            return lead
    elif re.search(r"\bthat\b|\bif\b|\bwhen\b", before, re.I):
        return None
    for m in reversed(list(_PERSON_MENTION.finditer(before))):
        owners = owner_phrase(m.group(0), clause.people)
        if owners:
            return owners, (m.start(), m.end())
    return None


_LEAD = re.compile(r"^((?:[A-Z][\w’'\-.]*|@[\w-]+)(?:\s+(?:[A-Z][\w’'\-.]*|of|and|&)){0,5})\s+(?=[a-z(])")


def _name_shaped(word: str, people: PeopleIndex) -> bool:
    return re.fullmatch(r"[A-Z][a-z'’\-]{1,30}|[A-Z]{2,4}", word) is not None and word.lower() not in people.lower_words


def _leading_person(clause: Clause) -> tuple[list[str], tuple[int, int]] | None:
    text = clause.text
    m = re.match(r"^\(\s*(?:possibly|probably|maybe)\s+([A-Z][\w'’-]+)", clause.text)
    if m:
        return [m.group(1)], (m.start(1), m.end(1))
    m = _LEAD.match(text)
    if not m:
        return None
    owners = owner_phrase(m.group(1), clause.people)
    if owners:
        return owners, (m.start(1), m.end(1))
    if m.group(1).lower() in ("he", "she", "they") and clause.last_subject:
        return [clause.last_subject], (m.start(1), m.end(1))
    return None


# --- decision rules, in order -------------------------------------------------------------------

_RESOLVED = re.compile(r"\bRESOLVED\b|\b[Rr]esolved\s+(?:that|to|:)|\bRESOLUTION\b")
_PASSIVE = re.compile(
    r"\b(?:was|were)\s+(?:unanimously\s+|formally\s+|duly\s+|therefore\s+|then\s+|all\s+)?"
    r"(agreed|approved|resolved|adopted|ratified|endorsed|accepted|carried|passed|confirmed|elected|re-elected|"
    r"appointed|co-opted|moved as correct|signed as a (?:true|correct) record|rejected|refused|defeated|declined|deferred|noted)\b"
    r"(?!\s+that\b|\s+out\b)",
    re.I,
)
_BODY = (
    r"(?:members|board|committee|council|panel|cabinet|trustees|meeting|group|forum|commission|sub-committee|"
    r"councillors|directors|tsc|everyone|executive|assembly|we)"
)
_BODY_VERB = re.compile(
    r"^(?:the\s+)?(?:[\w&’'\-]+\s+){0,6}?" + _BODY + r"\s+(?:also\s+|formally\s+|unanimously\s+|then\s+|further\s+|therefore\s+)?"
    r"(agreed|approved|resolved|endorsed|adopted|accepted|ratified|supported|decided|voted|appointed|elected|confirmed|noted|"
    r"objected|opposed|recommended|AGREED|NOTED|RESOLVED)\b",
    re.I,
)
_NOTED_OBJECT = re.compile(
    r"\bnoted\s+(?:the\s+|its\s+)?(?:[\w’'\-]+\s+){0,3}?(report|update|progress|minutes|work|findings|activities|"
    r"membership|contents?|position|information|comments|accounts|recommendations?|decision|paper|presentation|"
    r"statement|briefing|outcome|feedback|summary|plan|review|budget|figures|correspondence)\b",
    re.I,
)
_LEADING_DECISION = re.compile(
    r"^(?:[A-Z][a-z]+:\s+)?(Agreed|Approved|Resolved|Noted|Decided|Endorsed|Adopted|Ratified|Consented|Agreement|Decision(?=\s*[-:–—])|Unanimously)\b(?!\s+(?:with|by)\b)"
)
_VOTE = re.compile(
    r"\b(?:[Ss]econded\s+(?:by\s+)?(?-i:Cllr|Councillor|Mr|Mrs|Ms|Dr|[A-Z])|(?-i:SECONDED)|all (?:were )?in favour|all agreed|unanimously|motion (?:was )?(?:carried|lost|fell|defeated)|"
    r"\d{1,2}\s+(?:votes?\s+)?(?:in favour|agreed|against|abstained|abstentions?)\b|(?:\d{1,2}|\w+)\s+votes?\s+(?:for|against)|"
    r"(?:members|councillors|all|everyone|trustees|board)\s+voted\b|show of hands|no objections?,?\s+agreed|carried unanimously|nem\.?\s*con)\b",
    re.I,
)
_AGREED_THAT = re.compile(
    r"(?<!\bhad )(?<!\bhas )(?<!\bhave )\b(?:agreed|AGREED|decided)\s+(?:that|we|to|it|on|in principle)\b"
    r"|\b(?:it was|was)\s+(?:concluded|resolved|determined)\s+that\b"
    r"|\b(?:agreed|approved|accepted|signed)\s+as\s+(?:a\s+)?(?:true|correct|accurate)\b"
)
_ANSWERED = re.compile(r"\?\s*(?:Yes|Agreed|Approved|Carried)\.?\s*$")


@DECISION_RULES.add("label:Decision")
def decision_label(clause: Clause) -> Finding | None:
    if clause.label in ("Decision", "RESOLVED", "Agreed") and not clause.text.rstrip().endswith(":"):
        return Finding(f"label:{clause.label}")
    return None


@DECISION_RULES.add("pattern:RESOLVED")
def resolved(clause: Clause) -> Finding | None:
    return Finding("pattern:RESOLVED") if _RESOLVED.search(clause.text) else None


@DECISION_RULES.add("pattern:BODY agreed")
def body_agreed(clause: Clause) -> Finding | None:
    """"Members noted the report", "The Board agreed, in principle, to ...", "Council approved"."""
    m = _BODY_VERB.match(clause.text)
    if not m:
        return None
    if m.group(1).lower() == "noted" and not _NOTED_OBJECT.search(clause.text):
        return None
    return Finding(f"pattern:BODY {m.group(1).lower()}")


@DECISION_RULES.add("pattern:Agreed ...")
def leading_decision_word(clause: Clause) -> Finding | None:
    """"Agreed the Board Priorities", "Noted the findings", "Ryan: Decision - next 4 weeks"."""
    m = _LEADING_DECISION.match(clause.text)
    if not m:
        return None
    if m.group(1) == "Noted" and not _NOTED_OBJECT.search(clause.text):
        return None
    return Finding(f"pattern:{m.group(1)} ...")


@DECISION_RULES.add("pattern:vote")
def vote(clause: Clause) -> Finding | None:
    """Proposed / seconded / all in favour, vote counts, motions carried or lost."""
    return Finding("pattern:vote") if _VOTE.search(clause.text) else None


@DECISION_RULES.add("pattern:was agreed")
def passive_decision(clause: Clause) -> Finding | None:
    """"The minutes ... were approved as a true record", "This was noted"."""
    m = _PASSIVE.search(clause.text)
    if not m:
        return None
    if re.search(r"\b(?:until|when|once|if|after|before|whether|unless|since|because|as)\b(?:(?![,;]).){0,60}$", clause.text[: m.start()], re.I):
        return None  # "... until their status was confirmed": a circumstance, not a decision
    if m.group(1).lower() == "noted" and re.search(r"\b(?:it|which)\s+(?:was|were)\s+(?:\w+\s+)?noted\b", clause.text, re.I):
        return None  # "It was noted (that) ...": a record of discussion, not a decision
    return Finding(f"pattern:was {m.group(1).lower()}")


@DECISION_RULES.add("pattern:agreed that")
def agreed_that(clause: Clause) -> Finding | None:
    """"it was AGREED to write ...", "agreed that the first version would include ..."."""
    m = _AGREED_THAT.search(clause.text)
    if not m:
        return None
    before = clause.text[: m.start()].strip()
    if before and not re.search(r"(?:\bit\b|\bwas\b|\bwere\b|\ball\b|\bwe\b|\bthey\b|" + _BODY + r"|[:\-–—])\s*$", before, re.I):
        # "The Clerk agreed to contact" is a person's undertaking, not the meeting's decision.
        tail = _BOUNDARY.split(before)[-1].strip()
        owners = owner_phrase(tail, clause.people) if tail else None
        named = _ENDS_WITH_NAME.search(before)
        if owners is None and named:
            owners = owner_phrase(named.group(0), clause.people)
        if owners is None and re.search(r"\band\s*$", before):
            subject = _main_subject(clause, m.start())
            owners = subject[0] if subject else None
        if owners and not any(_is_body(o) for o in owners):
            return None
    return Finding("pattern:agreed that")


def _is_meeting_body(owner: str) -> bool:
    last = owner.lower().split()[-1] if owner.split() else ""
    return last in ("board", "committee", "council", "cabinet", "panel", "commission", "forum", "meeting", "group", "trustees", "assembly", "members")


def _is_body(owner: str) -> bool:
    last = owner.lower().split()[-1] if owner.split() else ""
    return re.fullmatch(_BODY, last) is not None


@DECISION_RULES.add("pattern:OWNER to be appointed")
def to_be_appointed(clause: Clause) -> Finding | None:
    """"Ross, Mike and Ellen to be appointed to companies house as Directors"."""
    m = re.search(r"\s+to\s+be\s+(appointed|elected|co-opted|nominated|approved|adopted|reappointed|re-elected)\b", clause.text)
    if m and owner_phrase(clause.text[: m.start()], clause.people) is not None:
        return Finding("pattern:OWNER to be appointed")
    return None


_RECORDED = re.compile(
    r"(?:\bNoted|\bNOTED|\bAGREED|\bAPPROVED|\bCARRIED)\.?\s*$|\bNO\s+(?:OBJECTIONS?|OBSERVATIONS?|COMMENTS?)\b|"
    r"\bAPPROVED\b|\b[Aa]pproved\s*[–—\-:]|\((?:motion|second|seconded|moved)\)"
)


@DECISION_RULES.add("pattern:recorded outcome")
def recorded_outcome(clause: Clause) -> Finding | None:
    """Outcomes written as a tag: "... Balance of £6,564.21 Noted", "NO OBJECTIONS", "APPROVED – 2018 budget"."""
    return Finding("pattern:recorded outcome") if _RECORDED.search(clause.text) else None


@DECISION_RULES.add("pattern:question answered")
def question_answered(clause: Clause) -> Finding | None:
    """"Should we build an application for minutes? Yes." """
    return Finding("pattern:question answered") if _ANSWERED.search(clause.text) else None


def classify_clause(clause: Clause) -> tuple[Finding | None, Finding | None]:
    """(decision finding, action finding) for one clause."""
    if _FINITE.search(clause.text) is None and clause.label is None and not clause.margin and len(clause.text) < 4:
        return None, None
    return DECISION_RULES.first(clause), ACTION_RULES.first(clause)


# --- paragraphs ---------------------------------------------------------------------------------

_SPEAKER = re.compile(r"^([A-Z][\w'’\-]{1,30}(?:\s[A-Z][\w'’\-]{1,30}){0,2}|@[\w-]{1,40}):\s+(?=\S)")
_CLAUSE_BREAK = re.compile(r"[,;]\s+(?=\S)")
_LEADING_LABEL = re.compile(r"^(?:ACTION|Action|Actions|RESOLVED|Resolved|Decision|DECISION|AGREED)\b\s*(?:[:\-–—]\s*)?", re.UNICODE)
_OWNER_ONLY = re.compile(r"^[\s\-–—:]*\(?\s*(?:possibly\s+|probably\s+)?([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})\s*\)?\s*\??\s*$")


_ENDS_WITH_NAME = re.compile(r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2}$")
_TITLES = frozenset(["Cllr", "Councillor", "Mr", "Mrs", "Ms", "Dr", "Cllr.", "Mr.", "Mrs.", "Dr."])
_ANSWER = re.compile(r"(?:Yes|No|Agreed|Approved|Carried|Noted|NOTED|AGREED)\.?")


@dataclass(frozen=True)
class ClauseResult:
    text: str
    start: int  # span in the paragraph text
    end: int
    decision: Finding | None
    action: Finding | None
    anchor: int = -1  # where the clause the rules saw starts, when context was prepended

    @property
    def rule_start(self) -> int:
        """Offset of the text the rules matched in: owner spans are relative to it."""
        return self.anchor if self.anchor >= 0 else self.start


@dataclass(frozen=True)
class ClassifiedParagraph:
    kind: str  # "discussion" | "decision" | "action"
    cues: tuple[str, ...]
    clauses: tuple[ClauseResult, ...]


def _strip_label(text: str, start: int) -> tuple[str, int]:
    m = _LEADING_LABEL.match(text)
    if m and m.end() < len(text):
        return text[m.end() :], start + m.end()
    return text, start


def _clauses(sentence: str, start: int, label: str | None, people: PeopleIndex, last_subject: str | None, margin: str | None) -> list[tuple[str, int]]:
    """Split a sentence where a second owner takes a separate task ("Ross to set up X, Social team to do Y")."""
    pieces: list[tuple[str, int]] = []
    cursor = 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        tail = sentence[m.end() :]
        probe = Clause(tail, None, people, last_subject, None)
        if owner_to_verb(probe) or owner_will_verb(probe) or owner_agreed_to(probe):
            head = sentence[cursor : m.start() + 1]
            named = _ENDS_WITH_NAME.search(head.rstrip(",; "))
            if named and (named.group(0).split()[0] in _TITLES or owner_phrase(named.group(0), people, allow_unknown_names=False)):
                continue  # "... for Cllr Sue Lintern, Cllr Trudy Mann and Cllr Jim McNeill to attend": one list
            probe_head = Clause(head, label, people, last_subject, margin)
            if ACTION_RULES.first(probe_head) is not None:
                pieces.append((head, start + cursor))
                cursor = m.end()
    pieces.append((sentence[cursor:], start + cursor))
    return pieces


def classify_paragraph(
    text: str,
    sentences: list[tuple[int, int]],
    *,
    label: str | None,
    people: PeopleIndex,
    margin: str | None = None,
    last_subject: str | None = None,
) -> tuple[ClassifiedParagraph, str | None]:
    """Classify one paragraph; returns the result and the subject to carry to the next paragraph."""
    results: list[ClauseResult] = []
    speaker_match = _SPEAKER.match(text)
    speaker = speaker_match.group(1) if speaker_match else None
    for s_start, s_end in sentences:
        raw = text[s_start:s_end]
        stripped = raw.strip()
        if not stripped:
            continue
        offset = s_start + (len(raw) - len(raw.lstrip()))
        body, offset = _strip_label(stripped, offset)
        sentence_label = label
        if body is not stripped and label is None:
            sentence_label = "Action" if stripped[:1] in "Aa" else ("RESOLVED" if stripped[:1] in "Rr" else "Decision")
        if _ANSWER.fullmatch(stripped) and results:
            prev = results[-1]
            merged = text[prev.start : s_end].strip()
            clause = Clause(merged, label, people, last_subject, margin, speaker)
            results[-1] = ClauseResult(merged, prev.start, s_end, classify_clause(clause)[0], prev.action)
            continue
        # "... for the Lathe Action - Greg?": an owner alone belongs to the previous clause.
        only = _OWNER_ONLY.match(body)
        if only and results and sentence_label == "Action" and owner_part(only.group(1), people):
            prev = results[-1]
            merged = text[prev.start : s_end].strip()
            results[-1] = ClauseResult(merged, prev.start, s_end, prev.decision, Finding("label:Action", (only.group(1),)))
            continue
        if speaker and body.startswith(speaker + ":"):
            body_no_speaker = body[len(speaker) + 1 :].lstrip()
        else:
            body_no_speaker = body
        for clause_text, clause_start in _clauses(body, offset, sentence_label, people, last_subject, margin):
            clause_text = clause_text.strip()
            if not clause_text:
                continue
            use_text = body_no_speaker if clause_text == body and body_no_speaker is not body else clause_text
            clause = Clause(use_text, sentence_label, people, last_subject, margin, speaker)
            decision, action = classify_clause(clause)
            if decision and decision.cue == "pattern:vote" and action is None and _vote_only(use_text) and _last_decision_near(results):
                # "Proposed Cllr A, seconded Cllr B, all in favour" records the vote on the decision just made.
                results.append(ClauseResult(clause_text, clause_start, clause_start + len(clause_text), None, None))
                continue
            results.append(ClauseResult(clause_text, clause_start, clause_start + len(clause_text), decision, action))
            subject = _subject_of(use_text, people)
            if action and action.owners:
                last_subject = action.owners[0]
            elif subject:
                last_subject = subject
    if margin:
        results = _apply_margin(results, margin)
    results = [_with_context(text, r, results[i - 1] if i else None) for i, r in enumerate(results)]
    cues: list[str] = []
    kind = "discussion"
    for result in results:
        for finding in (result.action, result.decision):
            if finding and finding.cue not in cues:
                cues.append(finding.cue)
        if result.action:
            kind = "action"
        elif result.decision and kind == "discussion":
            kind = "decision"
    return ClassifiedParagraph(kind, tuple(cues), tuple(results)), last_subject


def _apply_margin(results: list[ClauseResult], margin: str) -> list[ClauseResult]:
    """Owners in an action column belong to the paragraph's action: the clauses that name them
    ("... IL offered to cut the paths" beside "IL"), else the clauses that state an action, else
    the last clause that is not a bare record of a decision."""
    from .extract.owners import margin_owners

    owners = tuple(margin_owners(margin))
    if not owners or not results:
        return results
    out = list(results)
    naming = [i for i, r in enumerate(out) if any(re.search(rf"(?<![\w.]){re.escape(o)}(?![\w])", r.text) for o in owners)]
    acting = [i for i, r in enumerate(out) if r.action]
    targets = naming or acting
    if not targets:
        targets = [next((i for i in range(len(out) - 1, -1, -1) if out[i].decision is None), len(out) - 1)]
    for i in targets:
        r = out[i]
        named = tuple(o for o in owners if re.search(rf"(?<![\w.]){re.escape(o)}(?![\w])", r.text)) or owners
        if r.action and r.action.owners and not set(r.action.owners) & set(named):
            continue  # a clause that names someone else keeps its own owner
        cue = f"{r.action.cue}+margin" if r.action else "margin:action-column"
        out[i] = ClauseResult(r.text, r.start, r.end, r.decision, Finding(cue, named), r.anchor)
    return out


_VOTE_WORDS = frozenset(
    ["proposed", "seconded", "by", "and", "all", "in", "favour", "were", "was", "agreed", "abstained", "abstention", "abstentions", "against", "it", "the", "unanimously", "carried", "with", "votes", "vote", "for", "motion", "cllr", "councillor", "mr", "mrs", "ms", "dr", "of", "members"]
)


def _vote_only(text: str) -> bool:
    """"Proposed Cllr A, seconded Cllr B, all in favour": a tally with no content of its own."""
    words = re.findall(r"[A-Za-z][a-z'’\-]*", text)
    content = [w for w in words if not w[:1].isupper() and w.lower() not in _VOTE_WORDS]
    return not content


def _last_decision_near(results: list[ClauseResult]) -> bool:
    for previous in reversed(results[-3:]):
        if previous.decision:
            return True
        if len(previous.text.split()) > 3:
            return False
    return False


_SHORT_CLAUSE_WORDS = 7


_ANAPHOR = re.compile(r"\b(?:this|it|that|them|these|those|so)\b|\b(?:to|will|would)\s+[a-z]+\.?$", re.I)


def _with_context(text: str, result: ClauseResult, previous: ClauseResult | None) -> ClauseResult:
    """"DN and NR to organise this." or "This was agreed by the CC." says little alone: a clause this
    short that points back takes the sentence before it."""
    if previous is None or (result.action is None and result.decision is None):
        return result
    if previous.action is not None or (previous.decision is not None and result.decision is not None):
        return result
    if len(result.text.split()) > _SHORT_CLAUSE_WORDS or not _ANAPHOR.search(result.text):
        return result
    return ClauseResult(text[previous.start : result.end].strip(), previous.start, result.end, result.decision, result.action, result.start)


_SUBJECT = re.compile(r"^((?:The\s+|Our\s+)?(?:[A-Z][\w'’\-.]*|[a-z]+\s+team)(?:\s+[A-Z][\w'’\-.]*){0,3})\s+(?:had|has|have|was|were|is|are|said|says|reported|advised|noted|stated|explained|confirmed|agreed|asked|felt|contacted|[a-z]+ed)\b")


def _subject_of(text: str, people: PeopleIndex) -> str | None:
    m = _SUBJECT.match(text)
    if not m:
        return None
    owners = owner_phrase(m.group(1), people)
    return owners[0] if owners and len(owners) == 1 else None
