"""The decision rules, in order: what the meeting itself resolved, agreed or noted."""

from __future__ import annotations

import re

from ..extract.motion_words import MOTION_OUTCOMES, OUTCOMES, words
from ..extract.owners import owner_phrase
from .base import (
    _BODY,
    _BOUNDARY,
    _ENDS_WITH_NAME,
    BE_SPACE,
    DECISION_RULES,
    NOT_FIXED,
    Caseless,
    Clause,
    Finding,
    _is_body,
    _main_subject,
    starting_at,
)

_RESOLVED = re.compile(r"\bRESOLVED\b|\b[Rr]esolved\s+(?:that|to|:)|\bRESOLUTION\b")
_PASSIVE = re.compile(
    r"\b(?:was|were)\s+(?:unanimously\s+|formally\s+|duly\s+|therefore\s+|then\s+|all\s+|also\s+)?"
    r"(agreed|approved|resolved|adopted|ratified|endorsed|accepted|carried|passed|confirmed|elected|re-elected|"
    r"appointed|co-opted|moved as correct|signed as a (?:true|correct) record|rejected|refused|defeated|declined|deferred|noted)\b"
    r"(?!\s+that\b|\s+out\b|\s+for\s+(?:its|their|his|her|being)\b)",  # "was noted for its gardens": renowned
    re.I,
)
_BODY_VERB = re.compile(
    r"^(?:the\s+)?(?:[\w&’'\-]+\s+){0,6}?" + _BODY + r"\s+(?:(?<![Ww]e\s)(?:has|have)\s+)?(?:also\s+|formally\s+|unanimously\s+|then\s+|further\s+|therefore\s+)?"
    r"(agreed|approved|resolved|endorsed|adopted|accepted|ratified|supported|decided|voted|appointed|elected|confirmed|noted|"
    r"objected|opposed|recommended|AGREED|NOTED|RESOLVED)\b",
    re.I,
)
# What a meeting notes as a decision: a paper, an account, a letter ("noted the report").
_NOTED_NOUNS = (
    r"(report|update|progress|minutes|work|findings|activities|"
    r"membership|contents?|position|information|comments|accounts|recommendations?|decision|paper|presentation|"
    r"statement|briefing|outcome|feedback|summary|plan|review|budget|figures|correspondence|resignation|retirement|appointment|"
    r"request|response|proposals?|apologies|thanks|letter|concerns?|changes?|schedule|strategy|results?|returns?|statements?|"
    r"reconciliation|reply|replies|emails?|petition|invitation|quotes?|quotations?|tenders?|estimates?|audit|survey|consultation|"
    r"notice|announcement|programme|timetable|balances?)\b"
)
_NOTED_OBJECT = re.compile(r"\bnoted\s+(?:the\s+|its\s+)?(?:(?!that\b)[\w’'\-]+\s+){0,3}?" + _NOTED_NOUNS, re.I)
# The same as a tag: "Report noted.", "Clerk's update noted.", "The quarterly accounts noted."
_PAPER_NOTED = re.compile(r"^(?:the\s+)?(?:[\w’'\-]+\s+){0,3}?" + _NOTED_NOUNS + r"\s+(?:was\s+|were\s+)?(?:received\s+and\s+)?noted\s*[.!]?\s*$", re.I)
_LEADING_DECISION = re.compile(
    r"^(?:[A-Z][a-z]+:\s+)?(Agreed|Approved|Resolved" + NOT_FIXED + r"|Noted|Decided|Endorsed|Adopted|Ratified|Consented|Agreement|Decision(?=\s*[-:–—])|Conclusion(?=\s*[-:–—]|\s+(?:that|to)\b)|Outcome(?=\s*[-:–—])|Unanimously|Agree(?=\s+(?:that|to)\b))\b(?!\s+(?:with|by)\b)"
)
# (behind a word-start lookahead: every form starts a word; see base.starting_at)
_VOTE = re.compile(
    starting_at(r"\b\w", r"\b(?:[Ss]econded\s+(?:by\s+)?(?-i:Cllr|Councillor|Mr|Mrs|Ms|Dr|[A-Z])|(?-i:SECONDED)|all (?:were )?in favou?r|all agreed|unanimously|motion (?:was )?" + words(MOTION_OUTCOMES) + r"|"
    r"\d{1,2}\s+(?:votes?\s+)?(?:in favour|agreed|against|abstained|abstentions?)\b|(?:\d{1,2}|\w+)\s+votes?\s+(?:for|against)|"
    r"(?:members|councillors|all|everyone|trustees|board)\s+voted\b|show of hands|no objections?,?\s+agreed|carried unanimously|nem\.?\s*con"
    r"|(?:none|no\s*one|nobody)\s+(?:opposed|against)|\ball\s+(?:councillors|members|trustees|directors|governors|present)\s+(?:\w+\s+)?agreed)\b"),
    re.I,
)
_AGREED_THAT = re.compile(
    r"(?<!\bhad )(?<!\bhas )(?<!\bhave )\b(?:agreed|AGREED|decided)\s+(?:that|we|to|it|on|in principle|not\s+to)\b"
    r"|\b(?:it was|was)\s+(?:concluded|resolved|determined)\s+that\b"
    r"|\b(?:agreed|approved|accepted|signed)\s+as\s+(?:a\s+)?(?:true|correct|accurate)\b"
)
_VOTE_WORDS = ("second", "favour", "favor", "passe", "fail", "unanim", "motion", "vote", "hands", "objection", "carried", "nem", "abstain", "against", "opposed", "agreed")
_BODY_VERB_WORDS = ("agree", "approv", "resol", "endors", "adopt", "accept", "ratif", "support", "decid", "vote", "appoint", "elect", "confirm", "noted", "object", "oppos", "recommend")
_LEADING_WORDS = ("agree", "approv", "resol", "noted", "decid", "endors", "adopt", "ratif", "consent", "decision", "unanim", "conclusion", "outcome")
_AGREED_WORDS = ("agreed", "decided", "concluded", "resolved", "determined", "approved", "accepted", "signed")
_ANSWERED = re.compile(
    r"\?\s*(?:Yes|YES|Agreed|Approved|Carried)(?:[.!]?|,[^?]{0,40}\b(?:will|shall|to)\b[^?]{0,40}[.!]?)\s*$"  # "? Yes, Ana will record it."
    # "Any objection to the new date? None.", "Objections to the rota? No response."
    r"|\b(?:objections?|reservations?|concerns?|against|opposed)\b[^?]{0,40}\?\s*[*_]?(?:None|No\s+(?:response|one|objections?)|Silence)\b[^?]{0,30}$"
)


_A_WORD = re.compile(r"[^\W\d_]{3,}")


def wordless(text: str) -> bool:
    """"24", "14/09/10.02", "(b)": a page number or reference with no word decides nothing, even
    under a RESOLVED label that a page break carried onto it."""
    return _A_WORD.search(text) is None


# A resolution under a label reads "that ...", "to ...", "was ..." after "RESOLVED"; a line that
# opens on any other lower-case word is the wrapped middle of a sentence (PDF lines split apart).
_CONTINUATION = re.compile(r"^(?!(?:that|to|was|were|and\s+that|for)\b)[a-z]")


def continuation(text: str) -> bool:
    """"carrying out and queried if funding could be", "the ICO to see what other level of": a
    wrapped line cut mid-sentence, no resolution. A lettered entry of a resolution's list ("(b) the
    minutes are a true record.", "notes the outcome; and") ends as a sentence or a list entry does."""
    return _CONTINUATION.match(text) is not None and _ENTRY_END.search(text) is None


_ENTRY_END = re.compile(r"(?:[.;:!?)”\"']|\b(?:and|or))\s*$")


@DECISION_RULES.add("label:Decision", needs=())
def decision_label(clause: Clause) -> Finding | None:
    text = clause.text
    if clause.label in ("Decision", "RESOLVED", "Agreed") and not text.rstrip().endswith(":") and not wordless(text) and not continuation(text):
        return Finding(f"label:{clause.label}")
    return None


# "80 issues resolved this year", "A fault with the boiler was resolved to the caretaker's relief",
# "40 tickets were logged and 35 were resolved": a problem fixed, not a resolution.
_FIXED_SUBJECT = re.compile(
    r"\b(?:issues?|tickets?|bugs?|problems?|faults?|defects?|errors?|queries|query|complaints?|incidents?|disputes?)\b"
    r"[^.;,:]{0,80}?\b(?:resolved|fixed)\b(?!\s+that\b)",
    re.I,
)


def fixed_problem(text: str) -> bool:
    """A problem, ticket or complaint resolved: work done, not the meeting's decision."""
    return _FIXED_SUBJECT.search(text) is not None


@DECISION_RULES.add("pattern:RESOLVED", needs=("resol",))
def resolved(clause: Clause) -> Finding | None:
    m = _RESOLVED.search(clause.text)
    if m is None or (not m.group(0).isupper() and fixed_problem(clause.text)):
        return None
    return Finding("pattern:RESOLVED")


@DECISION_RULES.add("pattern:BODY agreed", needs=_BODY_VERB_WORDS)
def body_agreed(clause: Clause) -> Finding | None:
    """"Members noted the report", "The Board agreed, in principle, to ...", "Council approved"."""
    m = _BODY_VERB.match(clause.text)
    if not m:
        return None
    if m.group(1).lower() == "noted" and not _NOTED_OBJECT.search(clause.text):
        return None
    if _PAST_BEFORE.search(clause.text):
        return None  # "In May 2021 the Board adopted its plan": history the minutes recount (a date after the verb is its object's)
    return Finding(f"pattern:BODY {m.group(1).lower()}")


# A council's view in the present tense, as planning comments and motions record it: "The Council
# supports the application.", "The Parish Council objects to the size of the extension.", "This
# Council notes the report and agrees to write to the Minister."
_BODY_PRESENT = re.compile(
    r"^(?:The|This)\s+(?:[A-Z][\w&’'\-]*\s+){0,3}(?:Council|Committee|Board|Cabinet|Panel|Trustees|Commission|Meeting)\s+"
    r"(?:therefore\s+|also\s+|formally\s+|strongly\s+|unanimously\s+)?"
    r"(supports|objects\s+to|has\s+no\s+objections?|raises\s+no\s+objections?|agrees|approves|notes|resolves|endorses|adopts|accepts|welcomes)\b"
)


@DECISION_RULES.add("pattern:BODY supports", needs=("supports", "objects to", "objection", "agrees", "approves", "notes", "resolves", "endorses", "adopts", "accepts", "welcomes"))
def body_present(clause: Clause) -> Finding | None:
    m = _BODY_PRESENT.match(clause.text)
    if m is None or clause.text.rstrip().endswith(":"):
        return None  # "This Council agrees to call on the Leader to:": the stem of its list
    if m.group(1) == "notes" and not _NOTED_OBJECT.search(clause.text.replace(" notes ", " noted ", 1)):
        return None  # "The Council notes that ...": what it heard
    if _STANDING_NOTICE.match(clause.text, m.end()):
        return None  # "The Council accepts no liability ...", "The Board welcomes comments from residents": a notice, not a view taken
    return Finding("pattern:BODY supports")


# The present tense of a standing notice: a disclaimer ("accepts no liability") or an invitation
# ("welcomes comments/volunteers").
_STANDING_NOTICE = re.compile(
    r"\s+no\b(?!\s+(?:further\s+)?objections?\b)|\s+(?:any\s+|all\s+|new\s+)?(?:comments|views|feedback|suggestions|questions|enquiries|applications|volunteers|members|contributions)\b",
    re.I,
)


@DECISION_RULES.add("pattern:Agreed ...", needs=_LEADING_WORDS)
def leading_decision_word(clause: Clause) -> Finding | None:
    """"Agreed the Board Priorities", "Noted the findings", "Ryan: Decision - next 4 weeks"."""
    m = _LEADING_DECISION.match(clause.text)
    if not m:
        return None
    if m.group(1) == "Noted" and not _NOTED_OBJECT.search(clause.text):
        return None
    if _ADJECTIVE_USE.match(clause.text, m.end()):
        return None  # "Approved Housing Bodies", "Approved By", "Agreed Actions": a name or a heading
    return Finding(f"pattern:{m.group(1)} ...")


# After a leading participle, a capitalised word that is not an article or "To"/"That" makes the
# participle an adjective in a name or a form's field.
_ADJECTIVE_USE = re.compile(r"\s+(?!(?:The|A|An|All|That|To|Unanimously|Nem)\b)[A-Z][a-z]")


@DECISION_RULES.add("pattern:vote", needs=_VOTE_WORDS)
def vote(clause: Clause) -> Finding | None:
    """Proposed / seconded / all in favour, vote counts, motions carried or lost."""
    m = _VOTE.search(clause.text)
    if m is None:
        return None
    if m.group(0)[:6].lower() == "motion" and (_PAST_AFTER.search(clause.text[m.end() :]) or _AT_A_MONTHS_MEETING.match(clause.text, m.end())):
        return None  # "an update on the motion passed at the March 2024 meeting": history, not this meeting's vote
    return Finding("pattern:vote")


@DECISION_RULES.add("pattern:was agreed", needs=("was", "were"))
def passive_decision(clause: Clause) -> Finding | None:
    """"The minutes ... were approved as a true record", "This was noted"."""
    m = _PASSIVE.search(clause.text)
    if not m:
        return None
    # "since" before a date or a meeting is a preposition ("transactions since the last meeting were approved")
    if re.search(r"\b(?:until|when|once|if|after|before|whether|unless|since(?!\s+(?:the\s+(?:last|previous)\b|the\s+meeting\b|\d))|because|as|how|why)\b(?:(?![,;]).){0,60}$", clause.text[: m.start()], re.I):
        return None  # "... until their status was confirmed", "explain how the fee was agreed": a circumstance or a question
    if m.group(1).lower() == "noted" and re.search(r"\b(?:it|which)\s+(?:was|were)\s+(?:\w+\s+)?noted\b", clause.text, re.I):
        return None  # "It was noted (that) ...": a record of discussion, not a decision
    if m.group(1).lower() == "noted" and clause.text.rstrip().endswith(":"):
        return None  # "The following points were noted:": the points are discussion
    if m.group(1).lower() == "resolved" and fixed_problem(clause.text):
        return None
    if m.group(1).lower() == "confirmed" and re.match(r"\s+(?:as|at)\s+(?:about\s+)?[£$€]?\d|\s+to\s+be\b", clause.text[m.end() :]):
        return None  # "The float was confirmed as £150", "The lift was confirmed to be working": a fact checked
    if m.group(1).lower() in _REPORTABLE and _REPORTED_BEFORE.search(clause.text[: m.start()]):
        return None  # "Ms Gale confirmed that Ann Lee was appointed as the lead": a report of someone else's decision
    if earlier_decision(clause.text, m.end()):
        return None
    return Finding(f"pattern:was {m.group(1).lower()}")


# Reported speech: someone tells the meeting what was decided elsewhere.
_REPORTED_BEFORE = re.compile(r"\b(?:confirmed|reported|explained|advised|said|stated|informed\s+\w+|mentioned|updated\s+\w+)\s+that\b[^;]{0,120}$", re.I)
_REPORTABLE = frozenset({"appointed", "elected", "re-elected", "co-opted", "approved", "adopted", "accepted", "confirmed", "endorsed", "ratified", "rejected", "refused", "declined"})
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# After the verb: "... was appointed an Alderman in 2010", "... was adopted in June 2016", "... was
# approved at the previous committee meeting", "... were resolved in the past 3 months".
_PAST_AFTER = re.compile(
    r"^[^.;]{0,80}?\b(?:in|on|since|during)\s+(?:(?:early|late|mid|the)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:" + _MONTH + r"\s+)?(?:19|20)\d\d\b"
    r"|^[^.;]{0,80}?\bat\s+(?:the|its)\s+(?:last|previous|earlier)\b(?:\s+[\w&’'\-]+){0,4}?\s+meeting\b"
    r"|^[^.;]{0,80}?\bin\s+the\s+(?:past|last|previous)\s+(?:\d+|few|two|three|six|twelve)?\s*(?:days?|weeks?|months?|years?|quarter)\b",
    re.I,
)
# Right after a motion's outcome: "the motion passed at the March 2024 meeting" (further on, "at the
# October meeting" may be a meeting to come: "agreed to discuss it at the October meeting").
_AT_A_MONTHS_MEETING = re.compile(r"\s+(?:unanimously\s+)?at\s+(?:the|its)\s+" + _MONTH + r"(?:\s+(?:19|20)\d\d)?(?:\s+[\w&’'\-]+){0,3}?\s+meeting\b", re.I)
# Before it: "In February 2016, an initial sum ... was approved".
_PAST_BEFORE = re.compile(
    r"^(?:Back\s+in|In|On|During|Since|By)\s+(?:(?:early|late|mid)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:" + _MONTH + r"\s+)?(?:19|20)\d\d\b"
    r"|^(?:Last|The\s+previous)\s+(?:year|month|spring|summer|autumn|winter|term|session)\b"  # "Last year the Board agreed ..."
    r"|^(?:Historically|Originally|Formerly|In\s+the\s+past)\b"
    r"|^At\s+(?:that|its|their|the\s+(?:previous|last|earlier))\s+meeting\b"  # "At its last meeting, the Panel agreed to ..."
)


def earlier_decision(text: str, verb_end: int) -> bool:
    """A decision dated in the past ("was appointed Deputy Lieutenant in 2001", "was approved at the
    previous meeting", "In March 2019, the plan was adopted") is history the minutes recount, not
    what this meeting decided. A date before the verb in the subject ("the minutes of 4 April 2024
    were approved") does not count."""
    return _PAST_AFTER.search(text[verb_end:]) is not None or _PAST_BEFORE.search(text) is not None


# "In response, I agreed to meet ...", "Cllr Ames also agreed to add ...": a person's undertaking.
_PERSON_BEFORE = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but|so|then)\s+)(?:I|he|she|(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)\s+(?:also\s+|kindly\s+|then\s+|further\s+)?$")


@DECISION_RULES.add("pattern:agreed that", needs=_AGREED_WORDS)
def agreed_that(clause: Clause) -> Finding | None:
    """"it was AGREED to write ...", "agreed that the first version would include ..."."""
    m = _AGREED_THAT.search(clause.text)
    if not m:
        return None
    before = clause.text[: m.start()].strip()
    if re.search(r"\b(?:if|whether|unless)\b[^,;.]{0,40}$", before, re.I):
        return None  # "If we decided we wanted that, ...": a supposition
    if re.search(r"\balready\s*$|\b(?:has|have|had)\s+\w+ly\s*$", before, re.I) or _PAST_BEFORE.search(clause.text):
        return None  # "we already agreed to this", "At its last meeting, the Panel agreed to ...": an earlier decision recalled
    if _PERSON_BEFORE.search(clause.text[: m.start()]) and m.group(0).lower().endswith(" to"):
        return None
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


# (behind a lookahead for where a form can start, a word or an opening mark; see base.starting_at)
_ASSENT = Caseless(
    starting_at(r"[.;:!?(]|\b\w", r"(?:^|[.;:!?]\s+|\(\s*)consensus\b(?!\s+call)|\b(?:general|rough|broad|clear|full)\s+consensus\b|\bconsensus\s+(?:was|is|has\s+been)\s+(?:reached|that|to)\b"
    r"|\bthere\s+(?:was|is)\s+(?:a\s+)?consensus\b"
    r"|\b(?:general|unanimous|broad|full|overall)\s+(?:agreement|approval|support|consent|adoption|assent)\b"
    r"|\bno\s+(?:further\s+)?objections?\b(?!\s+(?:was|were|had\s+been)\s+(?:raised|received))"
    r"|\b(?:all|members|councillors|cllrs|everyone|everybody|committee|board|council|trustees|governors|present|group|meeting)\s+(?:were|was|are|is)\s+"
    r"(?:all\s+)?(?:content|happy|in\s+agreement|satisfied|supportive|okay|ok|fine|pleased\s+to\s+(?:\w+\s+)?support)\s+(?:with|that|to|for|this|the)\b"
    # the room speaking for itself: "we're happy with that", "we are fine to ship it"
    r"|\bwe(?:['’]re|\s+are)\s+(?:all\s+)?(?:(?:okay|ok|good|fine)\s+(?:with|doing|to)|(?:happy|content|comfortable)\s+(?:with|doing|to\s+(?:support|approve|accept|adopt|proceed|go\s+ahead)))\b")
)
_ASSENT_NEGATED = re.compile(
    r"\b(?:no|not|without|lack\s+of|any|reach|reaching|seek|seeking|build|building|whether|if|sure|ensure|check|see)\s+(?:\w+\s+)?$"
    r"|\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:declared|reached|found|achieved)\s+$",  # "as we have not yet reached consensus"
    re.I,
)

_HEDGED = re.compile(r"[^.;?]{0,50}?\bin\s+principle\b[^.;?]{0,20}\bbut\b|[^.;?]{0,50}?,\s*but\s+(?:we|they|members|the)\b", re.I)

@DECISION_RULES.add("pattern:assent", needs=("consensus", "agreement", "approval", "support", "consent", "adoption", "assent", "objection", "content", "happy", "satisf", "okay", "ok ", "fine", "good", "comfortable"))
def assent(clause: Clause) -> Finding | None:
    """Assent as a noun or a state: "Consensus to close the issue", "There was general approval",
    "Unanimous adoption of the plan", "Councillors were content with the proposal", "No objections"."""
    for m in _ASSENT.finditer(clause.text, clause.lowered):
        if _ASSENT_NEGATED.search(clause.text[max(0, m.start() - 30) : m.start()]) or clause.text.rstrip().endswith("?"):
            continue  # "there was no general agreement", "to reach consensus", a question
        if _HEDGED.match(clause.text, m.end()):
            continue  # "we're okay with it in principle, but want the costs first": not settled
        return Finding("pattern:assent")
    return None


@DECISION_RULES.add("pattern:OWNER to be appointed", needs=(BE_SPACE,))
def to_be_appointed(clause: Clause) -> Finding | None:
    """"Ross, Mike and Ellen to be appointed to companies house as Directors"."""
    m = re.search(r"\s+to\s+be\s+(appointed|elected|co-opted|nominated|approved|adopted|reappointed|re-elected)\b", clause.text)
    if m and owner_phrase(clause.text[: m.start()], clause.people) is not None:
        return Finding("pattern:OWNER to be appointed")
    return None


_RECORDED = re.compile(
    r"(?:\bNoted|\bNOTED|\bAGREED|\bAPPROVED|\bCARRIED)\.?\s*$|\bNO\s+(?:OBJECTIONS?|OBSERVATIONS?|COMMENTS?)\b|"
    r"\bAPPROVED\b|\b[Aa]pproved\s*[–—\-:]|\((?:motion|second|seconded|moved)\)"
    # US council records: "(Y-5) CONFIRMED", "PLACED ON FILE", "(Y-4; N-1) 184349"
    r"|\bPLACED\s+ON\s+FILE\b|\((?:Y|N)-\d+(?:[;,]\s*(?:Y|N)-\d+)?\)|\b(?:CONFIRMED|ADOPTED|PASSED|ACCEPTED|REFERRED|CONTINUED|FAILED|DEFEATED)\.?\s*$"
)

# Every form above starts with one of these (after its \b): a scan for them is fast (the first
# characters make a set), and a form is tried only where one is found. Those found never overlap a
# place a form starts: a hint is "(" or letters inside a word, where \b fails.
_RECORDED_HINT = re.compile(
    r"Noted|NOTED|AGREED|APPROVED|CARRIED|NO|[Aa]pproved|\(|PLACED|CONFIRMED|ADOPTED|PASSED|ACCEPTED|REFERRED|CONTINUED|FAILED|DEFEATED"
)


@DECISION_RULES.add("pattern:recorded outcome", needs=("noted", re.compile(r"no(?<!\wno)\s+(?:objection|observation|comment)"), "agreed", "approved", "carried", "(", "placed", "confirmed", "adopted", "passed", "accepted", "referred", "continued", "failed", "defeated"))
def recorded_outcome(clause: Clause) -> Finding | None:
    """Outcomes written as a tag: "... Balance of £6,564.21 Noted", "NO OBJECTIONS", "APPROVED – 2018 budget"."""
    text = clause.text
    for hint in _RECORDED_HINT.finditer(text):
        if _RECORDED.match(text, hint.start()) is not None:
            return Finding("pattern:recorded outcome")
    return None


@DECISION_RULES.add("pattern:paper noted", needs=("noted",))
def paper_noted(clause: Clause) -> Finding | None:
    return Finding("pattern:paper noted") if _PAPER_NOTED.match(clause.text) else None


@DECISION_RULES.add("pattern:question answered", needs=("?",))
def question_answered(clause: Clause) -> Finding | None:
    """"Should we build an application for minutes? Yes." """
    return Finding("pattern:question answered") if _ANSWERED.search(clause.text) else None


# Issue-tracker meetings (standards working groups, open-source projects) record what became of
# each issue: "Close; we can revisit it later.", "agreed to close without action", "We are closing the
# issue today", "Out of scope for this draft; close.", "Is the header needed? Closed."
_ISSUE_CLOSED = re.compile(
    r"(?i:\bclos(?:e|ed|ing)\s+(?:it\s+|this\s+|the\s+issue\s+)?with(?:out)?\s+(?:no\s+)?(?:further\s+)?action\b"
    r"|\bclos(?:e|ing)\s+(?:this|the)\s+issue\b)"
    r"|(?:^|;\s+)[Cc]lose(?:\s+it)?(?:\s*[,;.!]|\s*$)|(?i:\b(?:that|this)\s+closes\s+#?\d)"
    r"|[?.!]\s+(?:Closed|CLOSED)\b[.!]*\s*$"
)
# Not closed yet: "we won't close it", "the ticket can be closed", "do we close the ticket then."
_NOT_CLOSED = re.compile(
    r"\b(?:not|n['’]t|never|whether|if|can|could|may|might|should|would|will|shall|['’]ll)\s+(?:\w+\s+)?clos"
    r"|^(?:can|could|shall|should|do|does|did|are|is|will|would|may)\s+(?:we|i|you|they|it)\b",
    re.I,
)


@DECISION_RULES.add("pattern:issue closed", needs=("clos",))
def issue_closed(clause: Clause) -> Finding | None:
    """An issue closed by the meeting (not a question put, not "we won't close it")."""
    text = clause.text.rstrip()
    if text.endswith("?") or _ISSUE_CLOSED.search(text) is None or _NOT_CLOSED.search(text):
        return None
    return Finding("pattern:issue closed")


# Open-source meetings settle a change under review: "Adopt Ana's PR.", "Accept this.", "Land the patch."
_ADOPT_CHANGE = re.compile(
    r"^(?:Adopt|Merge|Accept|Land)\s+(?:it|this|that|the\s+(?:PR|pull\s+request|patch)|[\w.\-]+['’]s\s+(?:PR|pull\s+request|patch|proposal))\s*[.!]*\s*$"
)


@DECISION_RULES.add("pattern:change adopted", needs=("adopt", "merge", "accept", "land"))
def change_adopted(clause: Clause) -> Finding | None:
    return Finding("pattern:change adopted") if _ADOPT_CHANGE.match(clause.text) else None


# A poll of the room: "Hum: drop the legacy field? Yes.", "Straw poll: keep the flag. Yes",
# "Poll: publish now? Yes, clear majority." The question and its answer are the decision.
_POLLS = frozenset({"hum", "poll", "straw poll", "show of hands"})
_POLL_LEAD = re.compile(r"(?:hum|poll|straw\s+poll|show\s+of\s+hands)\s*[:\-–—]", re.I)  # a label: "Hum: ...", not "Poll results showed ..."
_POLL_ANSWER = re.compile(r"\b(?:yes|won|carried|passed|consensus|agreed)\b", re.I)


def _polled(clause: Clause) -> bool:
    return (clause.speaker or "").lower() in _POLLS or _POLL_LEAD.match(clause.text) is not None


@DECISION_RULES.add("pattern:poll answered", needs=(_polled,))
def poll_answered(clause: Clause) -> Finding | None:
    return Finding("pattern:poll answered") if _polled(clause) and _POLL_ANSWER.search(clause.text) else None


# A list entry's own marker, if any, before a resolution: "(a) ", "2. ", "iv) ", "B) ".
_ENTRY_PREFIX = r"(?:\(?(?:[a-z\d]{1,3}|[A-Z])[.)]\s+)?"


# A resolution's list in capitals: "NOTE the report.", "To AGREE the introduction of ...",
# "DELEGATE authority to the Director ...", "To DEBATE AND DECIDE whether ...".
_CAPITAL_VERB = re.compile(
    r"^" + _ENTRY_PREFIX + r"(?:To\s+)?(?:NOTE|AGREE|APPROVE|ENDORSE|ADOPT|AMEND|CREATE|CONSOLIDATE|DEBATE|DECIDE|ASK|"
    r"REQUEST|DELEGATE|AUTHORI[SZ]E|CONFIRM|ESTABLISH|RECEIVE|ACCEPT|REFER|DEFER|APPOINT|RATIFY|REJECT|REFUSE|"
    r"DEVELOP|PROVIDE|REVIEW|SUPPORT|INSTRUCT|COMMENT|CONSIDER|RECOMMEND|GRANT)"
    r"(?:\s+(?:AND|&)\s+[A-Z]{3,})?\s+(?=[a-z“\"'‘(£\d])"
)


@DECISION_RULES.add("pattern:VERB in capitals", needs=(re.compile(r"^" + _ENTRY_PREFIX + r"(?:to\s+)?[a-z]{3,}"),))
def capital_verb(clause: Clause) -> Finding | None:
    """A resolution written as a list of verbs in capitals ("NOTE the report", "To AMEND the
    constitution to ..."): each entry is one of the meeting's decisions."""
    return Finding("pattern:VERB in capitals") if _CAPITAL_VERB.match(clause.text) else None


# An outcome tagged on after what it decides: "Funding for two events. Approved.",
# "... to the Highways capital project. Amendment lost.", "Grant for the bowls club: Rejected."
_TAGGED_OUTCOME = re.compile(
    r"(?<=\w)[)”\"'’]?[.!?;:]\s+(?:the\s+)?(?:(?:substantive\s+)?(?:motion|amendment|proposal|recommendation|application|request)\s+(?:was\s+)?)?"
    r"(?:" + words(OUTCOMES) + r"|not\s+approved)"
    r"(?:\s+unanimously|\s+nem\.?\s*con\.?|\s+without\s+dissent)?[.!]?\s*$",
    re.I,
)
# Informal minutes tag the outcome on after a comma: "Notes of the May meeting, agreed, signed and
# dated by the Chair.", "Request to extend the hire to 10pm, agreed."
_COMMA_OUTCOME = re.compile(r"\w,\s+(?:agreed|approved)(?:\s*[.!]?\s*$|,?\s+(?:and\s+)?signed\b)", re.I)
_TAGGED_WORDS = OUTCOMES  # "not approved" has "approved"


@DECISION_RULES.add("pattern:tagged outcome", needs=_TAGGED_WORDS)
def tagged_outcome(clause: Clause) -> Finding | None:
    """What was asked for, then the outcome as a sentence of its own: the two are one decision."""
    if _TAGGED_OUTCOME.search(clause.text) or _COMMA_OUTCOME.search(clause.text):
        return Finding("pattern:tagged outcome")
    return None


# US boards: "Motion to approve the bills as presented.", "A motion was made to contribute $2,000",
# "Stacey makes a motion to adjourn", "Park bills – Motion to pay the bills ...": what was moved, which its outcome closes.
_MOTION_TO = re.compile(
    r"^(?:[A-Z][\w&'’ ]{0,40}?\s[–—-]\s+)?(?:(?:a|another)\s+)?motion\s+(?:was\s+(?:made|moved|put)\s+)?to\s+[a-z]+"
    r"|^[Ii]t\s+was\s+(?:proposed|moved)\s+(?:by\s+[^,;.]{2,40}?\s+)?(?:that|to)\s+[a-z]+"
    r"|\b(?:proposed|moved),?\s+(?:and\s+)?[^,;.]{2,40}?\s+seconded,?\s+(?:the\s+motion,?\s+)?that\s+[a-z]+"
    r"|\b(?:makes?|made)\s+(?:a|the)\s+motion\s+to\s+[a-z]+"
    # US council records: "Moved by Cllr Hale to adopt.", "Moved Hale that this ordinance ...", "Moved to receive and file";
    # not a note that the meeting went on ("Moved on to the rota.", "Moved to item 3.", "Moved to the next item.")
    r"|(?:^|[.;:)]\s+)(?-i:Moved|MOVED)\s+(?:(?i:by)\s+[^,;.]{2,40}?\s+|(?-i:[A-Z][\w'’\-]+)\s+)?"
    r"(?:that\s+[a-z]+|to\s+(?!(?:the|a|an|this|item|items|agenda|next|another|point|page|section|part)\b)[a-z]+)",
    re.I,
)


@DECISION_RULES.add("pattern:motion to", needs=("motion", "proposed", "moved"))
def motion_to(clause: Clause) -> Finding | None:
    """A motion moved at the meeting, its words with it (its outcome joins it in the paragraph)."""
    return Finding("pattern:motion to") if _MOTION_TO.search(clause.text) else None


# "Teachers Pay Policy - Ratified", "Finance Policy – Agreed", "Meet every two weeks - agreed".
_DASH_OUTCOME = re.compile(r"\w\S*\s+[–—-]\s*(?:agreed?|approved|ratified|adopted|accepted|endorsed|rejected|not\s+approved)\b[^–—]{0,60}$", re.I)
# A planning application's reference ("23/00411/FUL", "E/40480"): the decision recorded beside it is
# the planning authority's, reported to the meeting, not the meeting's own.
_PLANNING_REF = re.compile(r"^\W*(?=\S*\d)[A-Z\d]+(?:/[A-Z\d.]+)+\b")


@DECISION_RULES.add("pattern:dash outcome", needs=("agree", "approved", "ratified", "adopted", "accepted", "endorsed", "rejected"))
def dash_outcome(clause: Clause) -> Finding | None:
    """What was before the meeting, a dash, then what became of it."""
    if _DASH_OUTCOME.search(clause.text) and not _PLANNING_REF.search(clause.text):
        return Finding("pattern:dash outcome")
    return None


# "The financial statement was received and noted.", "Payments ... were scrutinised and approved",
# "The quarterly report was received."
_RECEIVED = re.compile(
    r"\b(?:was|were)\s+(?:(?:received|considered|checked|scrutinised|scrutinized|reviewed|read)\s+and\s+(?:noted|approved|agreed|accepted|adopted)"
    r"|received)\b",
    re.I,
)
_DOCUMENT_SUBJECT = re.compile(r"\b(?:report|statement|accounts|minutes|reconciliation|return|budget|payments|receipts|update|schedule|plan)s?\s*$", re.I)


@DECISION_RULES.add("pattern:received and noted", needs=("received", "and noted", "and approved", "and agreed", "and accepted", "and adopted"))
def received_and_noted(clause: Clause) -> Finding | None:
    """A paper the meeting received (and noted or approved): a report, statement or accounts."""
    m = _RECEIVED.search(clause.text)
    if m is None:
        return None
    if re.search(r"\bapolog", clause.text[: m.start()], re.I):
        return None  # "Apologies were received and accepted": attendance, not a decision
    if m.group(0).lower().endswith("received") and not _DOCUMENT_SUBJECT.search(clause.text[: m.start()].rstrip()):
        return None  # "An email was received from a resident": correspondence, not a decision
    return Finding("pattern:received and noted")


# A resolution's entries in plain case: "Note the progress on the delivery of savings.", "Agree the
# Capital budget changes.", "Adopt the delivery plan on behalf of the Council".
_IMPERATIVE = re.compile(r"^" + _ENTRY_PREFIX + r"(?:Note|Agree|Approve|Adopt|Endorse|Ratify)\s+(?:the|its|their|all|a)\s+\w")


@DECISION_RULES.add("pattern:Note the ...", needs=("note the", "note its", "note their", "note all", "note a ", "agree the", "agree its", "agree their", "agree all", "agree a ", "approve", "adopt", "endorse", "ratify"))
def imperative_entry(clause: Clause) -> Finding | None:
    return Finding("pattern:Note the ...") if _IMPERATIVE.match(clause.text) else None


# A consent agenda's recommended actions, as some US boards and commissions print them under the
# item that adopted them: "For the Trustees to adopt the 2027 fee schedule.", "For the Harbor
# Commission to award the dredging contract to ...". Each is one of the meeting's decisions; a
# verb that only puts the item before the meeting ("to consider", "to discuss") is not, nor a
# purpose clause before the sentence's own subject ("For the Board to approve the plan, staff
# must first ...": what approval needs, not what was approved).
_RECOMMENDED_ACTION = re.compile(
    r"^" + _ENTRY_PREFIX + r"For\s+the\s+(?:[A-Z][\w&’'\-]*\s+){0,3}?(?:Board|Council|Committee|Commission|Cabinet|Panel|Trustees|Directors|Authority)"
    r"(?:\s+of\s+(?:[A-Z][\w&’'\-]*\s+){0,2}?(?:Directors|Trustees|Commissioners|Supervisors|Governors|Aldermen|Selectmen))?"
    r"\s+to\s+(?:(?:approve|adopt|authori[sz]e|grant|award|accept|ratify|appoint|endorse|amend|establish|confirm|designate|execute|renew|extend|reject|deny|allocate|rescind|certify)\b)"
)


@DECISION_RULES.add("pattern:For the Board to ...", needs=("for the",))
def recommended_action(clause: Clause) -> Finding | None:
    if not _RECOMMENDED_ACTION.match(clause.text) or _PURPOSE_THEN_SUBJECT.search(clause.text):
        return None
    return Finding("pattern:For the Board to ...")


# ", the engineer must ...", ", we will need ...", ", two maintainers must ...": after the "For ... to"
# clause, a subject of the sentence's own with its verb.
_PURPOSE_THEN_SUBJECT = re.compile(
    r",\s+(?:[\w’'\-]+\s+){1,3}?(?:must|should|will|would|shall|needs?|needed|requires?|required|has|have|had|is|are|was|were)\b"
)


# A heading that labels what follows as decisions: "Decisions", "Resolutions", "Decisions taken",
# "Topics discussed and decisions made", "Item | Decision", "Bursaries approved" (the outcome after what it is about).
# A title that merely mentions one ("Approved Schemes", "Record of Decision", "Call-in of a
# decision") names a subject, and its paragraphs are discussion.
_DECISION_HEADING = re.compile(
    r"\W{0,6}(?:(?:summary|list)\s+of\s+(?:the\s+)?(?:decisions|resolutions)|"
    r"(?:[A-Za-z][\w'’]*\s+){0,3}and\s+(?:decisions|resolutions)(?:\s+(?:taken|made|reached|agreed|passed))?|"
    r"(?:decisions?|resolutions?|items?\s+agreed|agreed(?:\s+items?)?)(?:\s+(?:taken|made|reached|agreed|passed))?|"
    r"(?:items?|topics?|issues?)\s+(?:and\s+)?decisions?(?:\s*\([^)]{0,30}\))?|"  # an "Item | Decision" table's header
    r"(?!(?:actions?|tasks?)\b)(?:[A-Za-z][\w'’]*\s+){1,3}(?:approved|agreed|adopted|ratified))"
    r"\s*[:.\-–—]?\s*",
    re.I,
)


def decision_heading(title: str) -> bool:
    """True for a heading whose paragraphs are all decisions ("Decisions taken:", "Bursaries approved")."""
    return _DECISION_HEADING.fullmatch(title.strip()) is not None


# "(27) RESOLVED that:" / "27. RESOLVED that:" on a numbered minute paragraph of its own: every
# plain paragraph after it, up to the next numbered paragraph or item, is one of its resolutions.
_NUMBERED_RESOLUTION_INTRO = re.compile(r"\s*(?:\(\d{1,3}\)|\d{1,3}[.)])\s*(?:RESOLVED|Resolved|AGREED|DECIDED)(?:\s+(?:that|to))?\s*:\s*")
# What ends that run: the next numbered paragraph, a new label, or a vote on something else.
_RESOLUTION_RUN_END = re.compile(
    r"\s*(?:\(\d{1,3}\)|(?:RESOLVED|AGREED|DECISION|ACTION)\b|(?:the\s+)?(?:motion|amendment)\b|(?:for|against|abstain)\s*(?:\(\d+\))?\s*$)", re.I
)


def numbered_resolution_intro(text: str) -> bool:
    """"(27) RESOLVED that:" printed alone: the resolutions follow as plain paragraphs."""
    return _NUMBERED_RESOLUTION_INTRO.fullmatch(text) is not None


_CONNECTOR_ONLY = re.compile(r"(?:and|or|and/or)\s*[;,:]?", re.I)
_SUBHEADING_WORD = re.compile(r"[A-Z0-9][\w'’\-/&]*|and|of|for|the|to|in|on|&|[-–—]")


def resolution_run_step(text: str) -> str:
    """Where a paragraph stands in a run of resolutions: "end" for the next numbered paragraph
    ("(28) Mr Ames moved ..."), a label or a vote; "heading" for a sub-heading between entries
    ("2026-27 Parish Precept", "Other Policies") or an intro ending in a colon; otherwise "entry"."""
    stripped = text.strip()
    if _RESOLUTION_RUN_END.match(stripped):
        return "end"
    if stripped.endswith(":") or _CONNECTOR_ONLY.fullmatch(stripped):
        return "heading"  # "Members are asked to agree the following:" introduces the entries; "And;" joins two lists
    words = stripped.split()
    if len(words) <= 8 and not stripped.endswith((".", ";", ":", ",")) and all(_SUBHEADING_WORD.fullmatch(w) for w in words):
        return "heading"
    return "entry"
