"""Paragraphs: sentences split into clauses, every clause run through both rule lists, and the
paragraph-level adjustments (action columns, vote tallies, short clauses that point back)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..extract.motion_words import (
    AGAINST,
    DEFERRED,
    MOVER_ROLES,
    OUTCOMES,
    VOTE_ENDED,
    VOTERS,
    words,
)
from ..extract.motions import bare_motion, without_voters
from ..extract.owners import PeopleIndex, owner_part, owner_phrase
from .actions import owner_agreed_to, owner_only, owner_to_verb, owner_will_verb
from .base import (
    _ENDS_WITH_NAME,
    _FINITE,
    _TITLES,
    ACTION_RULES,
    DECISION_RULES,
    NOT_FIXED,
    Caseless,
    Clause,
    Finding,
)


def classify_clause(clause: Clause) -> tuple[Finding | None, Finding | None]:
    """(decision finding, action finding) for one clause."""
    if len(clause.text) < 4 and clause.label is None and not clause.margin and _FINITE.search(clause.text) is None:
        return None, None
    decision = DECISION_RULES.first(clause)
    if decision is not None and introduces_a_list(clause.text):
        decision = None
    return decision, ACTION_RULES.first(clause)


_LIST_STEM = re.compile(r":\s*$")


def introduces_a_list(text: str) -> bool:
    """"RESOLVED that:", "(12) RESOLVED that:", "Committee resolved to:": the bare stem of a list,
    whose decisions are the entries that follow it. A stem that says what was decided ("The
    following payments were approved:") is kept."""
    return _LIST_STEM.search(text) is not None and len(re.findall(r"[A-Za-z]{2,}", text)) <= 4


# --- paragraphs ---------------------------------------------------------------------------------


_SPEAKER = re.compile(r"^([A-Z][\w'’\-]{1,30}(?:\s[A-Z][\w'’\-]{1,30}){0,2}|@[\w-]{1,40}):\s+(?=\S)")
# Led by one character class (a comma, semicolon or space), which the regex engine skips ahead to;
# the lookbehind then says which form it starts: "[,;]\s+(?=\S)" or SPACE_RUN "and\s+(?=[A-Z])".
_CLAUSE_BREAK = re.compile(r"[,;\s](?:(?<=[,;])\s+(?=\S)|(?<=\s)(?<!\s\s)\s*and\s+(?=[A-Z]))")
# "Resolved 14 tickets", "Resolved a fault with the server": a verb of a work report, not a label;
# "Decision 19/00412 was signed on ...": a decision's reference, not a label.
_LEADING_LABEL = re.compile(r"^(?:ACTION|Action|Actions|RESOLVED|Resolved" + NOT_FIXED + r"|RESOLUTION|Resolution(?=\s*:)|Decision(?!\s+(?:No\.?\s*)?\d+/)|DECISION|AGREED|(?:Conclusion|Outcome)(?=\s*[:\-–—]))\b\s*(?:[:\-–—]\s*)?", re.UNICODE)
# (the closing spaces are written so that each space has one place to go: as three optional runs
# side by side they were split every way, cubic time on a long run of spaces after a word)
_OWNER_ONLY = re.compile(r"^[\s\-–—:]*(?:\(\s*)?(?:possibly\s+|probably\s+)?([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})\s*(?:\)\s*)?(?:\?\s*)?$")
_OWNER_ONLY_ENDS = frozenset("?)'’-_")  # what an owner line may end with besides a letter or digit


def _owner_only_line(body: str) -> re.Match[str] | None:
    """``_OWNER_ONLY`` on a line that can match it: one whose last character (before white space)
    is a name's, ")" or "?". Most sentences end at a full stop and are answered without the pattern,
    which would try every way to read their first capitalised words as a name first."""
    last = body.rstrip()[-1:]
    if not last or not (last.isalnum() or last in _OWNER_ONLY_ENDS):
        return None
    return _OWNER_ONLY.match(body)


# Every rule a probe runs (OWNER to VERB, OWNER will VERB, OWNER agreed to VERB) needs one of these
# words after a space; the lookahead leaves the next word's space for the next match.
_PROBE_CUE = re.compile(r"\s(?:to|will|would|shall)(?=\s)")
_PROBE_CHARS = 400  # how much of the text after a clause break is probed for a new owner's task
_MAX_PROBES = 200  # clause breaks probed per sentence
_CONSULTING = re.compile(r"\b(?:in|after)\s+consultation\s+with\b[^;]{0,200}$", re.I)
_ANSWER_LEAD = re.compile(r"(?:Yes|YES)\s*[,;:\-–—]\s+\S")
_ANSWER = re.compile(
    r"(?:Yes|No|Noted|NOTED)\.?|(?:Closed|CLOSED|None|Silence)[.!]*|[*_](?:Silence|None)[*_]"
    r"|No\s+(?:response|objections?)(?:\s+from\s+the\s+(?:room|floor))?[.!]?"
)


@dataclass(frozen=True, init=False)
class ClauseResult:
    text: str
    start: int  # span in the paragraph text
    end: int
    decision: Finding | None
    action: Finding | None
    anchor: int = -1  # where the clause the rules saw starts, when context was prepended

    def __init__(self, text: str, start: int, end: int, decision: Finding | None, action: Finding | None, anchor: int = -1) -> None:
        # One dict update (as Clause does): a paragraph makes several results per clause.
        self.__dict__.update(text=text, start=start, end=end, decision=decision, action=action, anchor=anchor)

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
    if "," not in sentence and ";" not in sentence and "and" not in sentence:
        return [(sentence, start)]  # no break to split at (the literals every _CLAUSE_BREAK holds)
    pieces: list[tuple[str, int]] = []
    cursor = 0
    # Where the probed rules' auxiliaries stand, found once: a tail without one is not probed.
    cues = [c.start() for c in _PROBE_CUE.finditer(sentence)]
    if not cues:
        return [(sentence, start)]
    # A break after the last cue is never probed: the search ends there (a break is whole before
    # it, the character its lookahead reads included; later ones would only be skipped).
    for probes, m in enumerate(_CLAUSE_BREAK.finditer(sentence, 0, cues[-1] + 1)):
        # The second owner and their verb sit at the start of the tail. Bounded probes (window and
        # count) keep a hostile "sentence" of a million commas linear; prose never reaches them.
        if probes >= _MAX_PROBES:
            break
        next_cue = bisect.bisect_left(cues, m.end())
        if next_cue == len(cues) or cues[next_cue] >= m.end() + _PROBE_CHARS:
            continue  # none of the three rules can fire on the tail: nothing to split off
        tail = sentence[m.end() : m.end() + _PROBE_CHARS]
        probe = Clause(tail, None, people, last_subject, None)
        # (each rule where the tail has what it needs: most tails hold "to" but no "will", or the reverse)
        if ACTION_RULES.run(owner_to_verb, probe) or ACTION_RULES.run(owner_will_verb, probe) or ACTION_RULES.run(owner_agreed_to, probe):
            head = sentence[cursor : m.start() + 1]
            if _CONSULTING.search(head):
                continue  # "delegate to the Director, in consultation with the Chair and the Leader, to ...": one list
            named = _ENDS_WITH_NAME.search(head.rstrip(",; "))
            if named and (named.group(0).split()[0] in _TITLES or owner_phrase(named.group(0), people, allow_unknown_names=False)):
                continue  # "... for Cllr Ann Reed, Cllr Bill Ash and Cllr Cara Moss to attend": one list
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
    list_entry: bool = False,
) -> tuple[ClassifiedParagraph, str | None]:
    """Classify one paragraph (``list_entry``: a bullet or numbered entry of a list); returns the
    result and the subject to carry to the next paragraph."""
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
        if results and (_ANSWER.fullmatch(stripped) or (_ANSWER_LEAD.match(stripped) and results[-1].text.endswith("?"))):
            # "Is this settled? Yes, Ana will record it.": the answer and the question are one clause.
            prev = results[-1]
            merged = text[prev.start : s_end].strip()
            clause = Clause(merged, label, people, last_subject, margin, speaker)
            decision, action = classify_clause(clause)
            results[-1] = ClauseResult(merged, prev.start, s_end, decision, prev.action or (action if _ANSWER_LEAD.match(stripped) else None))
            continue
        # "... for the kiln Action - Tom?": an owner alone belongs to the previous clause.
        only = _owner_only_line(body)
        owners: tuple[str, ...] = (only.group(1),) if only and owner_part(only.group(1), people) else ()
        if not owners and body is not stripped:
            # "... join the chat group. ACTION: all", "ACTION: kq12": handles and "all" after the marker
            owners = tuple(owner_only(body, people) or ())
        if owners and results and sentence_label == "Action":
            if all(r.action is None and r.decision is None for r in results):
                # the owner line closes a point of several sentences that found nothing: the point is the task
                results[:] = [ClauseResult(text[results[0].start : results[-1].end], results[0].start, results[-1].end, None, None)]
            prev = results[-1]
            merged = text[prev.start : s_end].strip()
            results[-1] = ClauseResult(merged, prev.start, s_end, prev.decision, Finding("label:Action", owners))
            continue
        if speaker and body.startswith(speaker + ":"):
            body_no_speaker = body[len(speaker) + 1 :].lstrip()
        else:
            body_no_speaker = body
        for raw_clause, raw_start in _clauses(body, offset, sentence_label, people, last_subject, margin):
            clause_text = raw_clause.strip()
            if not clause_text:
                continue
            clause_start = raw_start + len(raw_clause) - len(raw_clause.lstrip())
            use_text = body_no_speaker if clause_text == body and body_no_speaker is not body else clause_text
            # Rules see the clause without a "Ryan:" speaker prefix; spans they return are relative to that.
            anchor = clause_start + len(clause_text) - len(use_text)
            clause = Clause(use_text, sentence_label, people, last_subject, margin, speaker)
            decision, action = classify_clause(clause)
            if decision is None and action is None and results and _OUTCOME_ONLY.match(use_text):
                # "Rejected." after what was asked for: an outcome that closes the motion before it.
                decision = Finding("pattern:outcome")
            if decision and decision.cue == "pattern:vote" and action is None and _vote_only(use_text) and _last_decision_near(results):
                # "Proposed Cllr A, seconded Cllr B, all in favour" records the vote on the decision just made.
                results.append(ClauseResult(clause_text, clause_start, clause_start + len(clause_text), None, None))
                continue
            results.append(ClauseResult(clause_text, clause_start, clause_start + len(clause_text), decision, action, anchor))
            if action and action.owners:
                last_subject = action.owners[0]
            else:
                last_subject = subject_of(use_text, people) or last_subject
    if margin:
        results = _apply_margin(results, margin)
    results = [_with_context(text, r, results[i - 1] if i else None, list_entry) for i, r in enumerate(results)]
    results = _motions_with_outcomes(text, results)
    results = [_without_bare_vote(r) for r in results]
    return summarise(results), last_subject


def summarise(results: list[ClauseResult]) -> ClassifiedParagraph:
    """The paragraph's kind and cues from its clauses: an action anywhere makes it an action."""
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
    return ClassifiedParagraph(kind, tuple(cues), tuple(results))


def _apply_margin(results: list[ClauseResult], margin: str) -> list[ClauseResult]:
    """Owners in an action column belong to the paragraph's action: the clauses that name them
    ("... IL offered to cut the paths" beside "IL") unless they only report the past or are thanked
    ("IL was thanked"), else the clauses that state an action, else -- when no clause names them --
    the last clause that is not a bare record of a decision."""
    from ..extract.owners import margin_owners

    owners = tuple(margin_owners(margin))
    if not owners or not results:
        return results
    out = list(results)
    naming = [i for i, r in enumerate(out) if _names_any(r.text, owners)]
    acting = [i for i, r in enumerate(out) if r.action]
    targets = [i for i in naming if out[i].action or not _margin_owner_reports(out[i].text, owners)] or acting
    if not targets and naming:
        return out  # the column's owner is only thanked or reporting here: nothing for them to do
    if not targets and all(r.decision is not None or _DEFERRED.search(r.text) for r in out):
        return out  # "Lettings Policy – Agreed", "Lettings Policy – deferred": a record, nothing to do
    if not targets:
        targets = [next((i for i in range(len(out) - 1, -1, -1) if out[i].decision is None), len(out) - 1)]
    for i in targets:
        r = out[i]
        named = tuple(o for o in owners if _names_any(r.text, (o,))) or owners
        if r.action and r.action.owners and not set(r.action.owners) & set(named):
            continue  # a clause that names someone else keeps its own owner
        cue = f"{r.action.cue}+margin" if r.action else "margin:action-column"
        out[i] = ClauseResult(r.text, r.start, r.end, r.decision, Finding(cue, named), r.anchor)
    return out


_DEFERRED = re.compile(r"\b" + words(DEFERRED) + r"\b", re.I)


def _owner_pattern(owner: str) -> str:
    return rf"(?<![\w.]){re.escape(owner)}(?![\w])"


def _names_any(text: str, owners: tuple[str, ...]) -> bool:
    return any(re.search(_owner_pattern(o), text) for o in owners)


# What follows an owner who is only acknowledged or reports what is done: "RB was thanked",
# "MC had contacted the officers", "GD reported that the survey had found ..." -- not leading to a
# task of their own ("was asked to ...", "had agreed to ...").
_PAST_REPORT_AFTER_OWNER = re.compile(
    r"^\s+(?:\w+ly\s+)?"
    r"(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b"
    r"|had\s+(?:\w+ly\s+)?(?!been\b)\w+(?:ed|en|t)\b"
    r"|(?:reported|confirmed|advised|explained|stated|said|informed\s+\w+)\s+that\b"
    # "The Clerk presented the accounts", "RB provided information on ...": a record of the item
    r"|(?:presented|provided|gave|outlined|summari[sz]ed|introduced|tabled)\s+(?:the|a|an|an?\s+\w+|information|details|copies|his|her|their)\b)"
    r"(?!\s+to\s+(?!(?:the|a|an|his|her|their|them|him|us|all|each|every|members?)\b)\w)",  # "asked to write", not "spoke to the"
    re.I,
)
# Something still to happen or under way keeps the clause open: "would be sent", "was awaiting".
_STILL_OPEN = re.compile(r"\b(?:will|would|shall|should|must|is\s+to|are\s+to|to\s+be|(?:was|were|is|are)\s+\w+ing)\b", re.I)


def _margin_owner_reports(text: str, owners: tuple[str, ...]) -> bool:
    """Every mention of a column owner in *text* is a past or passive report of them, with nothing
    still to happen: "RB was thanked", but not "GD confirmed that a newsletter would be sent"."""
    if _STILL_OPEN.search(text):
        return False
    ends = [m.end() for o in owners for m in re.finditer(_owner_pattern(o), text)]
    return bool(ends) and all(_PAST_REPORT_AFTER_OWNER.match(text[e:]) for e in ends)


# The words of a tally (every word of "Roll call taken as follows", "Proposed by Cllr A, seconded by
# Cllr B, all in favour"): a line of these and names records a vote and nothing else. Not a
# mover's role: "MOVER: SECONDER: AYES:" is a form's labels left empty, still to be filled in.
_VOTE_WORDS = frozenset(
    [w for phrase in VOTERS + VOTE_ENDED + AGAINST if phrase not in MOVER_ROLES for w in phrase.split()]
    + ["taken", "as", "follows", "yes", "no", "absent", "substantive", "declared", "accepted", "a", "show", "hands", "or", "comments", "objection", "objections"]
    + ["by", "and", "all", "in", "were", "was", "it", "the", "with", "for", "motion", "cllr", "councillor", "mr", "mrs", "ms", "dr", "of", "members", "on"]
)


_TALLY_WORD = re.compile(r"[A-Za-z][a-z'’\-]*")


def _vote_only(text: str) -> bool:
    """"Proposed Cllr A, seconded Cllr B, all in favour": a tally with no content of its own."""
    # the first content word settles it: most sentences have one early, and the rest is not read
    for m in _TALLY_WORD.finditer(text):
        word = m.group()
        if not word[:1].isupper() and word.lower() not in _VOTE_WORDS:
            return False
    return True


def _last_decision_near(results: list[ClauseResult]) -> bool:
    for previous in reversed(results[-3:]):
        if previous.decision:
            return True
        if len(previous.text.split()) > 3:
            return False
    return False


# A bare outcome or tally: "Motion carried 5-2.", "Carried unanimously.", "Passed without dissent."
_OUTCOME_ONLY = re.compile(
    r"^(?:the\s+)?(?:motion|amendment|resolution|recommendation|proposal|vote)?\s*(?:was\s+)?"
    + words(OUTCOMES) + r"\b[^.;:]{0,40}[.!]?$"
    r"|^(?:(?:rough\s+|general\s+)?consensus|general\s+agreement|no\s+objections?|agreed|approved|unanimous(?:ly)?)(?:[.,;]?\s*(?:no\s+objections?|agreed))?[.!]?$",
    re.I,
)
_MOTION_START = re.compile(r"^(?:[\"“‘']?that\b|moved\b|motion\b|proposed\b|\d|[A-Z])", re.I)


def outcome_only(text: str) -> bool:
    """A line that is only an outcome or a tally ("Motion carried 5-2.", "Consensus.", "Seconded by
    Cllr Ward; carried"): it belongs to the motion before it, never a decision of its own. For the
    assembly, which can join it to the paragraph before when the motion stands there."""
    stripped = text.strip()
    return _OUTCOME_ONLY.match(stripped) is not None or (bool(stripped) and _vote_only(stripped))


def outcome_phrase(text: str) -> bool:
    """Only an outcome in words ("Agreed unanimously.", "Motion carried 5-2.", "Consensus."), with
    no names: :func:`outcome_only` without its all-capitalised tally, which a heading also looks like."""
    return _OUTCOME_ONLY.match(text.strip()) is not None


def _closes_a_motion(result: ClauseResult) -> bool:
    return result.action is None and (_OUTCOME_ONLY.match(result.text) is not None or (result.decision is not None and _vote_only(result.text)))


# Decisions that state what is moved and wait for an outcome: "Motion to ...", "That ...", "Approve the ...".
_MOTION_CUES = frozenset(["pattern:motion to", "label:RESOLVED", "label:Decision", "pattern:Note the ...", "pattern:VERB in capitals"])


def _moves_a_motion(result: ClauseResult) -> bool:
    return result.decision is not None and result.decision.cue in _MOTION_CUES


def _outcome_of(result: ClauseResult) -> bool:
    """After a motion: "Councillors present were content with the proposal.", "On being put to the
    vote the motion was carried, with one abstention." are what became of it."""
    if result.decision is None or result.action is not None:
        return False
    return result.decision.cue == "pattern:assent" or (result.decision.cue == "pattern:vote" and _OUTCOME_WORD.search(result.text) is not None)


def _resolution_that(result: ClauseResult) -> bool:
    """"That the verge be cut twice a year." read as a task: still the motion an outcome closes."""
    return result.action is not None and _THAT_MOTION.match(result.text) is not None


_THAT_MOTION = re.compile(r"^[\"“‘']?That\b|^(?:I|We)\s+(?:will|shall)\s+move\b")  # a resolution, or a notice of motion


def _adopted_by(out: list[ClauseResult], index: int) -> int:
    """Where the motion at ``index`` starts: a bare motion ("Moved by Reed to adopt.") after what
    it adopts ("Approve the revised hire charges.") starts with that."""
    # (what stands before is asked first: two attribute tests, where reading the motion's words is two patterns)
    if index > 0 and (_moves_a_motion(out[index - 1]) or _resolution_that(out[index - 1])) and bare_motion(without_voters(out[index].text)):
        return index - 1
    return index


def _motions_with_outcomes(text: str, results: list[ClauseResult]) -> list[ClauseResult]:
    """"That the precept be set at £12,000. Proposed Cllr Hart, seconded Cllr Ward. Carried." is one
    decision: the motion with its outcome, never the bare outcome line alone. The sentences before
    an outcome that decide nothing themselves are its motion."""
    out: list[ClauseResult] = []
    i = 0
    while i < len(results):
        result = results[i]
        if out and _moves_a_motion(out[-1]) and _tail_outcome(result):
            # "Motion to close made by Trustee Amsel, seconded by Trustee Bright. All in favour. The meeting stands adjourned."
            end = i
            while end + 1 < len(results) and _tail_outcome(results[end + 1]):
                end += 1
            first = _adopted_by(out, len(out) - 1)
            motion = out[first]
            merged = text[motion.start : results[end].end].strip()
            out[first:] = [ClauseResult(merged, motion.start, results[end].end, motion.decision, motion.action)]
            i = end + 1
            continue
        if result.decision is not None and (_closes_a_motion(result) or (bool(out) and _moves_a_motion(out[-1]) and _outcome_of(result))):
            first = len(out)
            while first > 0 and out[first - 1].action is None and (out[first - 1].decision is None or _closes_a_motion(out[first - 1])):
                first -= 1
            if first > 0 and (_moves_a_motion(out[first - 1]) or _resolution_that(out[first - 1])):
                first = _adopted_by(out, first - 1)  # "Stacey makes a motion to adjourn, Charlie Second. Unanimous.": the motion it closes
            end = i
            while end + 1 < len(results) and results[end + 1].decision is None and _closes_a_motion(results[end + 1]):
                end += 1  # "... seconded Cllr Ward. Carried unanimously.": the tally after the vote
            if first < len(out) and _MOTION_START.match(out[first].text):
                start = out[first].start
                merged = text[start : results[end].end].strip()
                directs = next((r.action for r in out[first:] if r.action), None)  # "That the Clerk write ... Carried."
                out[first:] = [ClauseResult(merged, start, results[end].end, result.decision, directs)]
                i = end + 1
                continue
        out.append(result)
        i += 1
    return out


# "The Highway bills stand approved as listed.", "The meeting stands adjourned at 9:10 PM."
_STANDS_OUTCOME = re.compile(r"^[A-Z][\w&'’ ]{0,60}?\bstands?\s+(?:approved|adjourned|adopted|carried|closed)\b")


def _tail_outcome(result: ClauseResult) -> bool:
    """A sentence that decides nothing alone but says how the motion before it ended: "All in
    favour.", "The meeting stands adjourned at 9:10 PM."."""
    if result.decision is not None or result.action is not None:
        return False
    text = result.text.strip()
    return (_vote_only(text) and _OUTCOME_WORD.search(text) is not None) or _STANDS_OUTCOME.match(text) is not None


def _without_bare_vote(result: ClauseResult) -> ClauseResult:
    """"Seconded by Cllr Ward;" or "Roll call: Trustee Ames – yes, ..." left on its own, with no
    motion beside it to close, names who voted and decides nothing."""
    if result.decision is None or result.action is not None or not (_VOTER_WORD.search(result.text) or _OUTCOME_WORD.search(result.text)):
        return result
    if not bare_vote(result.text):
        return result
    return ClauseResult(result.text, result.start, result.end, None, None, result.anchor)


_VOTER_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "cllr", "cllrs", "councillor", "councillors", "councilor", "trustee", "trustees", "supervisor",
     "director", "directors", "commissioner", "commissioners", "alderman", "mayor", "member", "members", "governor", "clerk", "chair", "chairman"]
)
_NAME_LIST_AFTER = frozenset(["favour", "favor", "against", "opposed", "ayes", "aye", "nays", "nay", "noes", "yeas", "abstained", "abstentions"])
_OUTCOME_NOUNS = frozenset(["motion", "notice", "amendment", "substantive", "recommendation", "resolution", "proposal", "the", "result", "outcome"])


def bare_vote(text: str) -> bool:
    """"Mr Ames, Ms Brook Motion carried.", "Seconded by Councillor Doyle;", "Abstain (0) Motion
    lost.", "Roll Call: Trustee Ames – yes, ...": who moved, seconded or voted and the outcome, and
    nothing that was decided. Capitalised words count as names only after a title, so a heading
    ("Board of Health. Motion carried.") is still the motion's subject."""
    names_left = 0
    for word in re.findall(r"[A-Za-z][\w'’]*", text):
        low = word.lower()
        if low in _VOTER_TITLES:
            names_left = 3
        elif low in _NAME_LIST_AFTER:
            names_left = 40  # "15 in favor (Ames, Boyd, Cato, ...)", "Ayes: Ames, Boyd"
        elif low in _VOTE_WORDS or low in _OUTCOME_NOUNS:
            pass  # "(Ames, Boyd, and Cato)": a list of names goes on past its "and"
        elif word[:1].isupper() and names_left:
            names_left -= 1
        elif not re.fullmatch(r"[A-Z]{1,4}", word):  # initials and letters after a name ("MBE")
            return False
    return True


_VOTER_WORD = Caseless(r"\b" + words(VOTERS) + r"\b")
_OUTCOME_WORD = Caseless(r"\b" + words(VOTE_ENDED) + r"\b")
_SHORT_CLAUSE_WORDS = 7


_BRACKETED_ACTION = re.compile(r"\[\s*(?:ACTION|Action|TODO)\b")  # searched just around a clause's start
# A short clause that needs the sentence before it: a pronoun ("KP and LW to sort this out.") or a
# verb left without its object (see _points_back).
_ANAPHOR = re.compile(r"\b(?:this|it|that|them|these|those|so)\b", re.I)
_BARE_VERB_END = re.compile(r"\b(?:to|will|would)\s+[a-z]+\.?$", re.I)


def _with_context(text: str, result: ClauseResult, previous: ClauseResult | None, entry: bool) -> ClauseResult:
    """"KP and LW to sort this out." or "That was agreed by the Board." says little alone: a clause this
    short that points back takes the sentence before it. GOLD's entry is the sentence or the bullet
    that carries the commitment: in running prose "The Treasurer will follow up." stands alone,
    and a decision before it ("Agreed to rent a marquee. Ana will order it.") is an entry of its own."""
    if previous is None or (result.action is None and result.decision is None):
        return result
    if previous.action is not None or previous.decision is not None:
        return result
    # "... in full. [ACTION: AW to ask the agency]": a bracketed action note on the sentence before.
    bracketed = _BRACKETED_ACTION.search(text, max(0, result.start - 12), result.start + 10) is not None
    if not bracketed and (len(result.text.split()) > _SHORT_CLAUSE_WORDS or not _points_back(result, entry)):
        return result
    return ClauseResult(text[previous.start : result.end].strip(), previous.start, result.end, result.decision, result.action, result.rule_start)


def _points_back(result: ClauseResult, entry: bool) -> bool:
    """A pronoun, or a verb left without its object: within a list entry ("- Dog bin: still awaited.
    Clerk to chase.") the entry is its context; in prose an action stands alone ("The Clerk will
    chase.") but a decision does not ("12 Orchard Rise. Members resolved not to object."), unless it
    is a bare motion ("Moved to adopt."), which the motion reading joins to what it adopts."""
    if _ANAPHOR.search(result.text):
        return True
    if not _BARE_VERB_END.search(result.text):
        return False
    return entry or (result.action is None and not _VOTER_WORD.search(result.text))


_SUBJECT = re.compile(r"^((?:The\s+|Our\s+)?(?:[A-Z][\w'’\-.]*|[a-z]+\s+team)(?:\s+[A-Z][\w'’\-.]*){0,3})\s+(?:had|has|have|was|were|is|are|said|says|reported|advised|noted|stated|explained|confirmed|agreed|asked|felt|contacted|[a-z]+ed)\b")


def subject_of(text: str, people: PeopleIndex) -> str | None:
    m = _SUBJECT.match(text)
    if not m:
        return None
    owners = owner_phrase(m.group(1), people)
    return owners[0] if owners and len(owners) == 1 else None


# A report's list of what the meeting may do: "Members may:", "choose one of the following:",
# "The options are:". Its entries ("(a) Approve the lease", "(b) Refuse it") are choices offered,
# not decisions taken.
_OPTIONS_STEM = re.compile(
    r"\b(?:may|might|could|can)(?:\s+either)?\s*:\s*$|\bone\s+of\s+the\s+following(?:\s+\w+)?\s*:\s*$|\boptions?\s+(?:are|were|is|available)\b[^:]{0,40}:\s*$",
    re.I,
)


def options_stem(text: str) -> bool:
    """True for the stem of a list of options ("Having read the report, the Panel may:")."""
    tail = text[-200:]
    # every form ends at a colon (and white space): most paragraphs are answered without the search
    return tail.rstrip().endswith(":") and _OPTIONS_STEM.search(tail) is not None


# An entry that records the choice made ("Agreed: keep rents as they are", "Approved - option B")
# is the outcome, not an option offered: past tense, where options are put as imperatives.
_CHOSEN = re.compile(r"\W{0,3}(?:Agreed|AGREED|Approved|APPROVED|Resolved|RESOLVED|Decided|DECIDED|Decision|DECISION)\b")


def chosen_option(text: str, label: str | None) -> bool:
    """True for an entry under an options stem that records the meeting's choice."""
    return label is not None or _CHOSEN.match(text) is not None


def without_decisions(classified: ClassifiedParagraph) -> ClassifiedParagraph:
    """The paragraph with its decisions dropped (its actions kept)."""
    clauses = [ClauseResult(c.text, c.start, c.end, None, c.action, c.anchor) for c in classified.clauses]
    return summarise(clauses)
