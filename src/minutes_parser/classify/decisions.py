"""The decision rules, in order: what the meeting itself resolved, agreed or noted."""

from __future__ import annotations

import re

from ..extract.owners import owner_phrase
from .base import (
    _BODY,
    _BOUNDARY,
    _ENDS_WITH_NAME,
    BE_SPACE,
    DECISION_RULES,
    Clause,
    Finding,
    _is_body,
    _main_subject,
)

_RESOLVED = re.compile(r"\bRESOLVED\b|\b[Rr]esolved\s+(?:that|to|:)|\bRESOLUTION\b")
_PASSIVE = re.compile(
    r"\b(?:was|were)\s+(?:unanimously\s+|formally\s+|duly\s+|therefore\s+|then\s+|all\s+)?"
    r"(agreed|approved|resolved|adopted|ratified|endorsed|accepted|carried|passed|confirmed|elected|re-elected|"
    r"appointed|co-opted|moved as correct|signed as a (?:true|correct) record|rejected|refused|defeated|declined|deferred|noted)\b"
    r"(?!\s+that\b|\s+out\b)",
    re.I,
)
_BODY_VERB = re.compile(
    r"^(?:the\s+)?(?:[\w&’'\-]+\s+){0,6}?" + _BODY + r"\s+(?:(?<![Ww]e\s)(?:has|have)\s+)?(?:also\s+|formally\s+|unanimously\s+|then\s+|further\s+|therefore\s+)?"
    r"(agreed|approved|resolved|endorsed|adopted|accepted|ratified|supported|decided|voted|appointed|elected|confirmed|noted|"
    r"objected|opposed|recommended|AGREED|NOTED|RESOLVED)\b",
    re.I,
)
_NOTED_OBJECT = re.compile(
    r"\bnoted\s+(?:the\s+|its\s+)?(?:[\w’'\-]+\s+){0,3}?(report|update|progress|minutes|work|findings|activities|"
    r"membership|contents?|position|information|comments|accounts|recommendations?|decision|paper|presentation|"
    r"statement|briefing|outcome|feedback|summary|plan|review|budget|figures|correspondence|resignation|retirement|appointment|"
    r"request|response|proposals?|apologies|thanks|letter|concerns?|changes?|schedule|strategy|results?|returns?|statements?)\b",
    re.I,
)
_LEADING_DECISION = re.compile(
    r"^(?:[A-Z][a-z]+:\s+)?(Agreed|Approved|Resolved|Noted|Decided|Endorsed|Adopted|Ratified|Consented|Agreement|Decision(?=\s*[-:–—])|Unanimously|Agree(?=\s+(?:that|to)\b))\b(?!\s+(?:with|by)\b)"
)
_VOTE = re.compile(
    r"\b(?:[Ss]econded\s+(?:by\s+)?(?-i:Cllr|Councillor|Mr|Mrs|Ms|Dr|[A-Z])|(?-i:SECONDED)|all (?:were )?in favou?r|all agreed|unanimously|motion (?:was )?(?:carried|lost|fell|defeated|passe[sd]|carries|fail(?:s|ed))|"
    r"\d{1,2}\s+(?:votes?\s+)?(?:in favour|agreed|against|abstained|abstentions?)\b|(?:\d{1,2}|\w+)\s+votes?\s+(?:for|against)|"
    r"(?:members|councillors|all|everyone|trustees|board)\s+voted\b|show of hands|no objections?,?\s+agreed|carried unanimously|nem\.?\s*con"
    r"|(?:none|no\s*one|nobody)\s+(?:opposed|against)|\ball\s+(?:councillors|members|trustees|directors|governors|present)\s+(?:\w+\s+)?agreed)\b",
    re.I,
)
_AGREED_THAT = re.compile(
    r"(?<!\bhad )(?<!\bhas )(?<!\bhave )\b(?:agreed|AGREED|decided)\s+(?:that|we|to|it|on|in principle|not\s+to)\b"
    r"|\b(?:it was|was)\s+(?:concluded|resolved|determined)\s+that\b"
    r"|\b(?:agreed|approved|accepted|signed)\s+as\s+(?:a\s+)?(?:true|correct|accurate)\b"
)
_VOTE_WORDS = ("second", "favour", "favor", "passe", "fail", "unanim", "motion", "vote", "hands", "objection", "carried", "nem", "abstain", "against", "opposed", "agreed")
_BODY_VERB_WORDS = ("agree", "approv", "resol", "endors", "adopt", "accept", "ratif", "support", "decid", "vote", "appoint", "elect", "confirm", "noted", "object", "oppos", "recommend")
_LEADING_WORDS = ("agree", "approv", "resol", "noted", "decid", "endors", "adopt", "ratif", "consent", "decision", "unanim")
_AGREED_WORDS = ("agreed", "decided", "concluded", "resolved", "determined", "approved", "accepted", "signed")
_ANSWERED = re.compile(r"\?\s*(?:Yes|YES|Agreed|Approved|Carried)[.!]?\s*$")


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


@DECISION_RULES.add("pattern:RESOLVED", needs=("resol",))
def resolved(clause: Clause) -> Finding | None:
    return Finding("pattern:RESOLVED") if _RESOLVED.search(clause.text) else None


@DECISION_RULES.add("pattern:BODY agreed", needs=_BODY_VERB_WORDS)
def body_agreed(clause: Clause) -> Finding | None:
    """"Members noted the report", "The Board agreed, in principle, to ...", "Council approved"."""
    m = _BODY_VERB.match(clause.text)
    if not m:
        return None
    if m.group(1).lower() == "noted" and not _NOTED_OBJECT.search(clause.text):
        return None
    return Finding(f"pattern:BODY {m.group(1).lower()}")


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
    return Finding("pattern:vote") if _VOTE.search(clause.text) else None




@DECISION_RULES.add("pattern:was agreed", needs=("was", "were"))
def passive_decision(clause: Clause) -> Finding | None:
    """"The minutes ... were approved as a true record", "This was noted"."""
    m = _PASSIVE.search(clause.text)
    if not m:
        return None
    if re.search(r"\b(?:until|when|once|if|after|before|whether|unless|since|because|as)\b(?:(?![,;]).){0,60}$", clause.text[: m.start()], re.I):
        return None  # "... until their status was confirmed": a circumstance, not a decision
    if m.group(1).lower() == "noted" and re.search(r"\b(?:it|which)\s+(?:was|were)\s+(?:\w+\s+)?noted\b", clause.text, re.I):
        return None  # "It was noted (that) ...": a record of discussion, not a decision
    if earlier_decision(clause.text, m.end()):
        return None
    return Finding(f"pattern:was {m.group(1).lower()}")


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# After the verb: "... was appointed an Alderman in 2010", "... was adopted in June 2016", "... was
# approved at the previous committee meeting", "... were resolved in the past 3 months".
_PAST_AFTER = re.compile(
    r"^[^.;]{0,80}?\b(?:in|on|since|during)\s+(?:(?:early|late|mid|the)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:" + _MONTH + r"\s+)?(?:19|20)\d\d\b"
    r"|^[^.;]{0,80}?\bat\s+(?:the|its)\s+(?:last|previous|earlier)\b(?:\s+[\w&’'\-]+){0,4}?\s+meeting\b"
    r"|^[^.;]{0,80}?\bin\s+the\s+(?:past|last|previous)\s+(?:\d+|few|two|three|six|twelve)?\s*(?:days?|weeks?|months?|years?|quarter)\b",
    re.I,
)
# Before it: "In February 2016, an initial sum ... was approved".
_PAST_BEFORE = re.compile(r"^(?:In|On|During|Since)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:" + _MONTH + r"\s+)?(?:19|20)\d\d\b")


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


_ASSENT = re.compile(
    r"(?:^|[.;:!?]\s+|\(\s*)consensus\b(?!\s+call)|\b(?:general|rough|broad|clear|full)\s+consensus\b|\bconsensus\s+(?:was|is|has\s+been)\s+(?:reached|that|to)\b"
    r"|\bthere\s+(?:was|is)\s+(?:a\s+)?consensus\b"
    r"|\b(?:general|unanimous|broad|full|overall)\s+(?:agreement|approval|support|consent|adoption|assent)\b"
    r"|\bno\s+(?:further\s+)?objections?\b(?!\s+(?:was|were|had\s+been)\s+(?:raised|received))"
    r"|\b(?:all|members|councillors|cllrs|everyone|everybody|committee|board|council|trustees|governors|present|group|meeting)\s+(?:were|was|are|is)\s+"
    r"(?:all\s+)?(?:content|happy|in\s+agreement|satisfied|supportive|okay|ok|fine|pleased\s+to\s+(?:\w+\s+)?support)\s+(?:with|that|to|for|this|the)\b",
    re.I,
)
_ASSENT_NEGATED = re.compile(r"\b(?:no|not|without|lack\s+of|any|reach|reaching|seek|seeking|build|building|whether|if|sure|ensure|check|see)\s+(?:\w+\s+)?$", re.I)


@DECISION_RULES.add("pattern:assent", needs=("consensus", "agreement", "approval", "support", "consent", "adoption", "assent", "objection", "content", "happy", "satisf", "okay", "ok ", "fine"))
def assent(clause: Clause) -> Finding | None:
    """Assent as a noun or a state: "Consensus to close the issue", "There was general approval",
    "Unanimous adoption of the plan", "Councillors were content with the proposal", "No objections"."""
    for m in _ASSENT.finditer(clause.text):
        if _ASSENT_NEGATED.search(clause.text[max(0, m.start() - 30) : m.start()]) or clause.text.rstrip().endswith("?"):
            continue  # "there was no general agreement", "to reach consensus", a question
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
# characters make a set), and no match starts before the first one found.
_RECORDED_HINT = re.compile(
    r"Noted|NOTED|AGREED|APPROVED|CARRIED|NO|[Aa]pproved|\(|PLACED|CONFIRMED|ADOPTED|PASSED|ACCEPTED|REFERRED|CONTINUED|FAILED|DEFEATED"
)


@DECISION_RULES.add("pattern:recorded outcome", needs=("noted", re.compile(r"no(?<!\wno)\s+(?:objection|observation|comment)"), "agreed", "approved", "carried", "(", "placed", "confirmed", "adopted", "passed", "accepted", "referred", "continued", "failed", "defeated"))
def recorded_outcome(clause: Clause) -> Finding | None:
    """Outcomes written as a tag: "... Balance of £6,564.21 Noted", "NO OBJECTIONS", "APPROVED – 2018 budget"."""
    hint = _RECORDED_HINT.search(clause.text)
    return Finding("pattern:recorded outcome") if hint and _RECORDED.search(clause.text, hint.start()) else None


@DECISION_RULES.add("pattern:question answered", needs=("?",))
def question_answered(clause: Clause) -> Finding | None:
    """"Should we build an application for minutes? Yes." """
    return Finding("pattern:question answered") if _ANSWERED.search(clause.text) else None


# A list entry's own marker, if any, before a resolution: "(a) ", "2. ", "iv) ".
_ENTRY_PREFIX = r"(?:\(?[a-z\d]{1,3}[.)]\s+)?"


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
    r"(?:approved|agreed|carried|rejected|refused|declined|deferred|adopted|lost|defeated|ratified|passed|not\s+approved)"
    r"(?:\s+unanimously|\s+nem\.?\s*con\.?|\s+without\s+dissent)?[.!]?\s*$",
    re.I,
)
_TAGGED_WORDS = ("approved", "agreed", "carried", "rejected", "refused", "declined", "deferred", "adopted", "lost", "defeated", "ratified", "passed")


@DECISION_RULES.add("pattern:tagged outcome", needs=_TAGGED_WORDS)
def tagged_outcome(clause: Clause) -> Finding | None:
    """What was asked for, then the outcome as a sentence of its own: the two are one decision."""
    return Finding("pattern:tagged outcome") if _TAGGED_OUTCOME.search(clause.text) else None


# US boards: "Motion to approve the bills as presented.", "A motion was made to contribute $2,000",
# "Stacey makes a motion to adjourn", "Park bills – Motion to pay the bills ...": what was moved, which its outcome closes.
_MOTION_TO = re.compile(
    r"^(?:[A-Z][\w&'’ ]{0,40}?\s[–—-]\s+)?(?:(?:a|another)\s+)?motion\s+(?:was\s+(?:made|moved|put)\s+)?to\s+[a-z]+"
    r"|^[Ii]t\s+was\s+(?:proposed|moved)\s+(?:by\s+[^,;.]{2,40}?\s+)?(?:that|to)\s+[a-z]+"
    r"|\b(?:proposed|moved),?\s+(?:and\s+)?[^,;.]{2,40}?\s+seconded,?\s+(?:the\s+motion,?\s+)?that\s+[a-z]+"
    r"|\b(?:makes?|made)\s+(?:a|the)\s+motion\s+to\s+[a-z]+"
    # US council records: "Moved by Cllr Hale to adopt.", "Moved Hale that this ordinance ...", "Moved to receive and file."
    r"|(?:^|[.;:)]\s+)(?-i:Moved|MOVED)\s+(?:(?i:by)\s+[^,;.]{2,40}?\s+|[A-Z][\w'’\-]+\s+)?(?:to|that)\s+[a-z]+",
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


_SUBHEADING_WORD = re.compile(r"[A-Z0-9][\w'’\-/&]*|and|of|for|the|to|in|on|&|[-–—]")


def resolution_run_step(text: str) -> str:
    """Where a paragraph stands in a run of resolutions: "end" for the next numbered paragraph
    ("(28) Mr Ames moved ..."), a label or a vote; "heading" for a sub-heading between entries
    ("2026-27 Parish Precept", "Other Policies") or an intro ending in a colon; otherwise "entry"."""
    stripped = text.strip()
    if _RESOLUTION_RUN_END.match(stripped):
        return "end"
    if stripped.endswith(":"):
        return "heading"  # "Members are asked to agree the following:": it introduces the entries
    words = stripped.split()
    if len(words) <= 8 and not stripped.endswith((".", ";", ":", ",")) and all(_SUBHEADING_WORD.fullmatch(w) for w in words):
        return "heading"
    return "entry"
