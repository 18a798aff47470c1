"""The action rules, in order: each names the cue it records ("pattern:OWNER to VERB")."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice

from ..casefold import lower_is_case_blind
from ..extract.owners import NOT_OWNER_WORDS, ROLE_NOUNS, PeopleIndex, owner_part, owner_phrase
from .base import (
    _DELIBERATIVE,
    _FINITE,
    _IN_MEETING,
    _MARKER_WORDS,
    ACTION_RULES,
    BE_SPACE,
    SPACE_RUN,
    Caseless,
    Clause,
    Finding,
    _is_body,
    _is_meeting_body,
    _leading_person,
    _main_subject,
    _name_shaped,
    _owners_before,
    _verb_ok,
    has_speaker,
    is_question,
    led_by,
    starting_at,
    trie,
)

# What "OWNER to VERB" and "OWNER agreed to VERB" need: " to " (only tested, never located); led by
# its literal so the search is a fast scan, the space before checked behind it.
_TO = re.compile(r"to(?<=\sto)\s")
_TO_VERB = re.compile(SPACE_RUN + r"to\s+(?:be\s+)?([A-Za-z]+)\b")


@ACTION_RULES.add("pattern:OWNER to VERB", needs=(_TO,))
def owner_to_verb(clause: Clause) -> Finding | None:
    """"Officers to provide a breakdown", "MS to circulate", "Action: Tom to get the form"."""
    head = clause.text[:160]
    if _TO.search(head) is None or is_question(clause):
        return None  # the pattern needs a lower-case "to" in the first 160 characters
    for m in _TO_VERB.finditer(head):
        if " to be " in m.group(0):
            return None
        if not _verb_ok(m.group(1)) or not m.group(1)[0].islower() or _plural_noun(m.group(1)):
            continue  # "The village to Oakfield ...", "Parkway, to Ruth Penrose", "loans to borrowers": no verb
        if m.group(1).lower() in _DELIBERATIVE:
            return None  # "Members to note the report": a recommendation to the meeting
        found = _owners_before(clause, m.start(), tight=True) or _owner_after_dash(clause, m.start())
        if found and m.group(1).lower() == "recommend" and all(_recommends_as_the_meeting(o) for o in found[0]):
            return None  # "The Committee to recommend that Full Council ...": the meeting's recommendation, a decision
        if found and _MOVER_BEFORE.search(clause.text[: found[1][0]]):
            return None  # "..., seconded by Cllr Dunn, to amend the plan": the mover of a motion
        if found and _PARTNER_BEFORE.search(clause.text, max(0, found[1][0] - 120), found[1][0]):
            return None  # "Liaise with the school, parents and youth groups to promote the walk": partners
        if found:
            return Finding("pattern:OWNER to VERB", tuple(found[0]), found[1])
        if not _AFTER_COMMA_OWNER.search(clause.text, m.end(), min(len(clause.text), 160)):
            return None
        # "Insurer gave a quote, fell through due to postcode, BC to follow up": a later owner
    return None


# The last of a "with A, B and C" list: the partners of whoever works with them, not owners.
_PARTNER_BEFORE = re.compile(r"\bwith\s+[^.;:]*\band\s+$", re.I)
_MOVER_BEFORE = re.compile(r"\b(?:seconded|proposed|moved)\s+by\s*$", re.I)


def _plural_noun(word: str) -> bool:
    """After "to" a verb is in its base form: "borrowers", "members" are nouns ("address",
    "discuss", "focus" end in s and are verbs)."""
    return len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


_TOPIC_DASH = re.compile(r"\s[-–—]\s+")
# A dash between spaces, led by the dash: a search for it skips to that rare character, where one led
# by "\s" stops at every space. Whether a text has one is whether it has a _TOPIC_DASH.
_DASH = re.compile(r"[-–—](?<=\s[-–—])\s")


def _owner_after_dash(clause: Clause, end: int) -> tuple[list[str], tuple[int, int]] | None:
    """"Leaflets - BC to talk to the printer": a topic, a dash, then the owner: initials or a
    name or role the document knows (an unknown capitalised word after a dash is a topic word)."""
    if _DASH.search(clause.text, 0, end) is None:
        return None  # (no dash: most clauses)
    dashes = list(_TOPIC_DASH.finditer(clause.text, 0, end))
    if not dashes or clause.text.rstrip().endswith(":"):
        return None
    start = dashes[-1].end()
    phrase = clause.text[start:end].strip()
    if not phrase or len(phrase.split()) > 4:
        return None
    if re.fullmatch(r"[A-Z]{2,4}(?:\s*[/&]\s*[A-Z]{2,4}){0,3}", phrase):
        owners: list[str] | None = re.split(r"\s*[/&]\s*", phrase)
    else:
        owners = owner_phrase(phrase, clause.people, allow_unknown_names=False)
    return (owners, (start, start + len(phrase))) if owners else None


# Where a later "OWNER to VERB" may stand: after a comma, a short capitalised lead-in and "to".
_AFTER_COMMA_OWNER = re.compile(r"[,;]\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}\s+to\s+[a-z]")


# What commits someone before "to VERB" (tried in this order at each place).
_COMMIT_CUES = (
    "agreed", "undertook", "offered", "volunteered", "promised", "agrees", "undertakes", "offers",
    "volunteers", "promises", "was asked", "were asked", "has been asked", "have been asked", "is asked",
    "are asked", "was tasked", "were tasked", "was requested", "were requested", "was invited",
    "were invited", "plans", "planned", "intends", "intended", "hopes", "hoped", "is going", "are going",
    "will be required", "will be asked", "would be asked", "will be expected", "is due", "are due", "needs",
    "need", "is", "are", "was directed", "were directed", "was instructed", "were instructed",
    "was authorised", "were authorised", "was authorized", "were authorized",
    "stated (?:his|her|their) intention", "expressed (?:his|her|their) intention",
)
# The cues as a trie ("a(?:grees?|re(?:\ (?:asked|due|going))?)|..."): at each space one branch per
# first letter is tried instead of every cue in turn. The matches are those of the cues in order:
# a cue must be followed by "to", so of two that start alike (" is", " is going") only one can match.
_PLAIN_CUES = [cue for cue in _COMMIT_CUES if "(" not in cue]
_COMMIT = re.compile(
    SPACE_RUN + led_by(("has", "have", "had", *_COMMIT_CUES)) + r"(?:has\s+|have\s+|had\s+)?("
    + "|".join([trie(_PLAIN_CUES), *(cue for cue in _COMMIT_CUES if cue not in _PLAIN_CUES)]) + r")\s+to\s+([A-Za-z]+)\b"
)


# Taking up or keeping an office: "agreed to serve on / become / stand as / act as"; not "stand in
# for the Chair at the fete", which covers a duty.
_TAKES_OFFICE = re.compile(
    r"(?:serve|become|remain)\b|stand\s+(?:as|down|again|for\s+(?:re-?)?election)\b|(?:act|take\s+over)\b[^.;]{0,40}?\bas\b"
)
# "needs to have the form signed": a thing to get done, unlike "needs to have a permit" (a requirement).
_HAVE_DONE = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}?(?:\w+ed|done|ready|written|sent|seen|taken|drawn\s+up|in\s+place)\b")
_NEGATED = re.compile(r"\b(?:not|never)\s$")
# Minutes written in the present tense: "JB volunteers to set up the account".
_PRESENT_COMMITS = frozenset(["agrees", "offers", "undertakes", "volunteers", "promises"])
# "The aim is to ...", "one option is to ...": a plan or choice stated, not a person's task.
_PLAN_NOUNS = (
    "aim", "plan", "intention", "purpose", "idea", "hope", "objective", "proposal", "need",
    "option", "alternative", "goal", "solution", "approach", "suggestion", "priority", "step",
    # "our mission is to support ...", "the Panel's role is to ...": a standing purpose, not a task
    "mission", "vision", "ambition", "role", "remit", "function", "intent",
)


# A plan stated for a whole body ("the Council plans to raise the tax") is policy, not a task.
_BODY_PLANS = frozenset(["plans", "planned", "intends", "intended", "hopes", "hoped"])


# Formalities done at the meeting itself, not tasks after it: "the clerk was asked to leave the
# room" (for a confidential item), "the chairman was authorised to sign the minutes".
_AT_MEETING_FORMALITY = re.compile(
    r"(?:leave|withdraw(?:\s+from)?|step\s+out\s+of)(?:\s+the\s+(?:room|meeting|chamber|hall))?\s*(?:[.;]|$|\s+(?:for|during|while)\b)"
    r"|sign(?:\s+(?:them|it|the\s+minutes))?\s*(?:[.;]|$)",
    re.I,
)


@ACTION_RULES.add("pattern:OWNER agreed to VERB", needs=(_TO,))
def owner_agreed_to(clause: Clause) -> Finding | None:
    """"The Clerk agreed to contact", "Audit representatives agreed to explore", "was asked to"."""
    if is_question(clause):
        return None
    for m in _COMMIT.finditer(clause.text):
        if m.group(1) in ("is", "are") and (m.group(2).lower() in _DELIBERATIVE or clause.text[: m.start()].rstrip().lower().endswith(_PLAN_NOUNS)):
            continue  # "The aim is to ...": not a person's task
        if not _verb_ok(m.group(2)) or (m.group(2).lower() in _DELIBERATIVE and "asked" in m.group(1)):
            continue
        if _NEGATED.search(clause.text, max(0, m.start() - 8), m.start() + 1):
            continue  # "is not intended to", "had not agreed to": no commitment
        need = m.group(1) in ("need", "needs")
        if need and (m.group(2).lower() == "be" or (m.group(2).lower() == "have" and not _HAVE_DONE.match(clause.text, m.end()))):
            continue  # "Ines needs to have a permit": a requirement, not a task
        if _AT_MEETING_FORMALITY.match(clause.text, m.start(2)) and (not m.group(2).lower().startswith("sign") or "minute" in clause.text.lower()):
            continue  # "was asked to leave the room", "was authorised to sign the minutes": done at the meeting
        if _TAKES_OFFICE.match(m.group(2).lower() + clause.text[m.end() : m.end() + 60]):
            continue  # "agreed to serve as / take over as the nominee": an appointment, not a task
        found = _owners_before(clause, m.start(), tight=need)
        if need and found and any(o.lower().split()[-1] in ROLE_NOUNS or _organisation_acronym(o, clause.people) for o in found[0]):
            continue  # "Council leaders need to understand ...", "NCC needs to save £4m": a general need, not a named person's task
        if found is None and m.group(1) not in ("need", "needs"):
            # "James says work ... died down, plans to pick up this month": the sentence's subject.
            found = _main_subject(clause, m.start(), coordinated=m.group(1) in ("agreed", "offered", "undertook", "volunteered", "promised", "agrees", "offers", "undertakes", "volunteers", "promises"))
        if m.group(1) in _PRESENT_COMMITS and re.search(r"\b(?:for|the|no|any|some|more|of|with)\s*$", clause.text[: m.start()], re.I):
            continue  # "asked for volunteers to ...", "the offers to buy": nouns, not commitments
        if found and m.group(1) in ("agreed", "agrees") and all(_is_meeting_body(o) for o in found[0]):
            return None  # "The Parish Council ... agreed to make a return": the meeting's decision
        if found and m.group(1) in _BODY_PLANS and all(_is_meeting_body(o) for o in found[0]):
            continue  # "the Council intends to resurface the car park": a body's standing plan, nobody's task
        if found:
            cue_word = re.sub(r"^(?:stated|expressed) \w+ intention$", "stated an intention", m.group(1))
            return Finding(f"pattern:OWNER {cue_word} to VERB", tuple(found[0]), found[1])
    return None


_WILL_WORDS = ("will", "would", "shall", "is going to", "are going to")
_WILL = re.compile(
    SPACE_RUN + led_by(_WILL_WORDS) + r"(?:will|would|shall|is going to|are going to)\s+(?:now\s+|also\s+|again\s+|then\s+|further\s+|still\s+|shortly\s+|personally\s+)?"
    r"(?!be\s+(?:able|happy|pleased|helpful|useful|good|nice|best|better|worth|fine|possible|necessary)\b)(be\s+[a-z]+ing|be\s+in\s+charge|be\s+responsible|take\s+the\s+lead|[a-z]+)\b"
)
# What a person "will have" that makes the next step theirs: "Ana will have the pen on the rewrite",
# "will have the action" (the group's turn passed to one member).
_HOLDS_TASK = re.compile(r"\s+the\s+(?:pen|action|ball)\b")
_WEAK_FUTURE = frozenset(["try", "like", "love", "prefer", "expect", "hope", "think", "want", "wish", "need", "have", "not", "never", "welcome", "appreciate", "imagine", "suggest"])


_DIRECTING_VERBS = (
    "asked|asks|ask|requested|requests|request|instructed|instructs|instruct|directed|directs|direct|invited|invites|"
    "invite|tasked|tasks|urged|urges|urge|authorised|authorises|authorise|authorized|authorizes|authorize|reminded|"
    "reminds|remind|encouraged|encourages|encourage|mandated|mandates|mandate|charged|charges|charge|agreed\\s+for|arranged\\s+for|"
    "authorising|authorizing|instructing|directing|requesting|asking|inviting"
)
_DIRECTED = Caseless(  # (behind a word-start lookahead: see base.starting_at; its groups are read by span)
    starting_at(r"\b\w", r"\b(?:" + _DIRECTING_VERBS + r")\s+((?:the\s+)?[\w@][\w'’\-.&]*(?:\s+[\w'’\-.&]+){0,7}?)\s+to\s+([a-z]+)\b")
)
_BASE_DIRECTING = frozenset(
    "ask request instruct direct invite task urge authorise authorize remind encourage mandate charge agreed arranged".split()
)
_DIRECTED_NEEDS = ("agreed", "arranged", "ask", "request", "instruct", "direct", "invit", "task", "urg", "authori", "remind", "encourag", "mandat", "charg")


@ACTION_RULES.add("pattern:asked OWNER to VERB", needs=_DIRECTED_NEEDS)
def directed_owner(clause: Clause) -> Finding | None:
    """"Cllr Reed asked the Clerk to write to the bus company", "To authorise the Town Clerk to
    order the benches", "invited staff to cost the options": the one asked is the owner."""
    if _TO.search(clause.lowered) is None or is_question(clause):
        return None  # the pattern needs "to" after the one asked
    for m in _DIRECTED.finditer(clause.text, clause.lowered):
        if re.search(r"\b(?:could|might|may|would)\s+$|\w\s+to\s+$", clause.text[: m.start()], re.I):
            continue  # "the developer could ask the Councillor to ...", "to encourage residents to ...": no request made
        directing = clause.text[m.start() : m.start() + 12].split()[0]
        arranged_for = directing in ("agreed", "arranged") and re.match(r"\w+\s+for\b", clause.text[m.start() :]) is not None
        if directing.islower() and directing in _BASE_DIRECTING and not arranged_for and not re.search(r"(?:^|[;:]\s*)(?:to\s+)?$", clause.text[: m.start()], re.I):
            continue  # "The Clerk will ask Tarmac to ...", "that the Clerk invite X to ...": the asker acts
        verb = m.group(2).lower()
        if verb == "be":
            # "requested a notice to be added to the website": the task, with no owner named
            participle = re.match(r"\s+([a-z]+)\b", clause.text[m.end() :])
            reported = re.search(r"\b(?:has|have|had)\s+$", clause.text[: m.start()]) is not None  # "a resident has requested ..."
            if participle and participle.group(1) in _TASK_PARTICIPLES and directing.lower().startswith(("request", "direct", "instruct")) and not reported:
                return Finding("pattern:asked OWNER to VERB")
            continue
        if verb in _IN_MEETING or not _verb_ok(verb):
            continue  # "asked Members to note", "invited Ana to introduce the report": the meeting's own business
        asked = clause.text[m.start(1) : m.end(1)]
        if re.match(r"(?i)(?:him|her|them|us|me|you|it|if|whether|for|about|that)\b", asked):
            continue
        owners = owner_phrase(asked, clause.people)
        if owners:
            return Finding("pattern:asked OWNER to VERB", tuple(owners), (m.start(1), m.end(1)))
    return None


_NOTING = re.compile(r"^(?:to\s+)?(?:NOTE|NOTED|[Nn]ote|[Nn]oted)\b")
_DELEGATE = re.compile(r"\b(?:delegat(?:e|es|ed|ing)|refers?)\b", re.I)
_DELEGATE_TO = re.compile(r"\bto\s+((?:the\s+)?[A-Z][\w'’\-.&]*(?:\s+(?:[A-Z][\w'’\-.&]*|of|for|and|&)){0,8})")


@ACTION_RULES.add("pattern:delegated to OWNER", needs=("delegat", "refer"))
def delegated_to(clause: Clause) -> Finding | None:
    """"Delegate authority to the Director of Public Health, in consultation with ..., to finalise",
    "refer to the City Manager for review": the officer delegated or referred to acts."""
    if _NOTING.match(clause.text):
        return None  # "NOTE the Panel's comments on the referral to Cabinet": noted, not delegated
    for m in _DELEGATE.finditer(clause.text):
        if m.group(0).lower().startswith("refer") and re.match(r"\s+to\s+(?:the\s+)?(?:report|minutes?|item|paper|appendix|document|above|below|letter|email|previous)\b", clause.text[m.end() :], re.I):
            continue  # "referred to the report": a reference, not a referral
        for target in _DELEGATE_TO.finditer(clause.text, m.end(), min(len(clause.text), m.end() + 220)):
            phrase = re.sub(r"\s+(?:and|&|of|for)$", "", target.group(1))
            # "the Director of Highways and Transport" is one role before it is two owners
            whole = re.search(r"\b(?:of|for)\b", phrase) is not None and owner_part(phrase, clause.people, allow_unknown_names=False)
            owners = [phrase] if whole else owner_phrase(phrase, clause.people, allow_unknown_names=False)
            if owners and all(o.lower().split()[-1] in ROLE_NOUNS or re.search(r"\b(?:of|for)\b", o) or clause.people.is_known(o) for o in owners):
                return Finding("pattern:delegated to OWNER", tuple(owners), (target.start(1), target.start(1) + len(phrase)))
    return None


# Issue-tracker minutes hand a task over: "Assigned to editors to describe it", "... and assigned
# to Dana." The words after "to" must name someone: a person, a role, or a speaker of the minutes.
_ASSIGNED_TO = re.compile(r"\b(?:assigned|allocated|re-assigned|reassigned)\s+to\s+(?P<owner>(?:the\s+)?[A-Za-z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)\s*(?=to\s+[a-z]+\b|[.;!]?\s*$)", re.I)


@ACTION_RULES.add("pattern:assigned to OWNER", needs=("assigned", "allocated"))
def assigned_to(clause: Clause) -> Finding | None:
    """"Assigned to editors to describe the attack", "this is editorial and assigned to Dana"."""
    m = _ASSIGNED_TO.search(clause.text)
    if m is None or is_question(clause):
        return None
    owner = m.group("owner")
    named = owner_phrase(owner, clause.people, allow_unknown_names=False)
    speaker = owner.capitalize() in clause.people.speakers or owner.upper() in clause.people.speakers
    if not named and not speaker:
        return None
    if not re.match(r"\s*to\s+[a-z]", clause.text[m.end() :]) and not (speaker or clause.people.is_known(owner)):
        return None  # "the land was assigned to the Parish.": without a task, only a person is handed one
    return Finding("pattern:assigned to OWNER", tuple(named or [owner]), (m.start("owner"), m.end("owner")))


_TOPIC_PREFIX = re.compile(r"^[^.;:–—]{1,60}?\s[–—-]\s+(?=[A-Z])")
_OPENING_WORDS = re.compile(r"(?:(?:Cllr|Mr|Mrs|Ms|Dr|Trustee|Supervisor)\.?\s+)?[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}")


def _opening_owner(clause: Clause) -> tuple[list[str], tuple[int, int]] | None:
    """The owner who opens the sentence, after a "Topic – " lead-in, taking the longest run of
    capitalised words that names one ("SW Has not yet ..." -> "SW")."""
    topic = _TOPIC_PREFIX.match(clause.text)
    start = topic.end() if topic else 0
    m = _OPENING_WORDS.match(clause.text, start)
    if not m:
        return None
    words = m.group(0).split()
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size])
        owners = owner_phrase(phrase, clause.people)
        if owners:
            return owners, (start, start + len(phrase))
    return None


# "will keep us posted / members informed / the council updated": always the speaker's promise.
_KEEP_POSTED = re.compile(r"\s+(?:\w+\s+){1,3}?(?:posted|informed|updated|up\s+to\s+date|in\s+the\s+loop)\b")
# What a future tense says will happen or hold rather than what someone will do: "KCC will dip
# under the limit", "this would require more land", "they will feel good", "it will benefit them".
_OUTCOME_VERBS = frozenset(
    "feel require requires benefit dip understand cost mean depend result allow enable affect impact "
    "increase decrease fall rise exceed become happen involve mature expire lose suffer see know".split()
)


_LEAVES_THE_ROOM = re.compile(r"\s*(?:from\s+)?(?:the\s+)?(?:(?:chamber|room|meeting|hall|debate|discussion|vote|voting|item)\b(?!\s+keys?\b)|$|[.,;])", re.I)


def is_outcome_future(verb: str, after: str) -> bool:
    """A "will/would" that states an outcome or a state: an outcome verb, or an adverb before
    "be" ("would therefore be contrary", "would both be on the board")."""
    if verb.lower() in _OUTCOME_VERBS:
        return True
    if (verb.lower() == "end" and re.match(r"\s+up\b", after)) or (verb.lower() == "lead" and re.match(r"\s+to\b", after)):
        return True  # "groups would end up with ...", "this would lead to cuts": an outcome
    if verb.lower() in ("leave", "withdraw", "abstain") and _LEAVES_THE_ROOM.match(after):
        return True  # "declared an interest and would leave the Chamber during the item": conduct, not a task
    return re.match(r"\s+(?:be|have)\b", after) is not None and verb.lower() not in ("be", "have") and not verb.endswith("ing")


# A row of an action table read as text: its header and reference cells before the owner
# ("Ref Action 1 RB will send the map", "No. 4 TD will chase").
_ROW_REFERENCE = re.compile(r"^(?:(?:Ref|Ref\.|No\.?|#)\s+)?(?:Actions?\s+)?\d{1,3}[.):]?\s+(?=[A-Z]{2,4}\s)")


_STAYS_AT_MEETING = re.compile(r"(?:remain|stay|leave|withdraw\s+from)\s+(?:in\s+)?the\s+(?:room|meeting|chamber)\b")


@ACTION_RULES.add("pattern:OWNER will VERB", needs=("will", "would", "shall", "going"))
def owner_will_verb(clause: Clause) -> Finding | None:
    """"Owen will check progress with Ilaria", "The Board ... will look into", "He would again seek"."""
    if is_question(clause):
        return None
    row = _ROW_REFERENCE.match(clause.text)
    if row is not None:  # the owner's initials after the row's reference: read from them on
        inner = owner_will_verb(replace(clause, text=clause.text[row.end() :]))
        if inner is None or inner.owner_span is None:
            return inner
        return Finding(inner.cue, inner.owners, (inner.owner_span[0] + row.end(), inner.owner_span[1] + row.end()))
    for m in _WILL.finditer(clause.text):
        verb = m.group(1).split()[-1]
        if (verb in _WEAK_FUTURE and not (verb == "have" and _HOLDS_TASK.match(clause.text, m.end()))) or not _verb_ok(verb.replace("ing", "") if verb.endswith("ing") else verb):
            continue
        if is_outcome_future(verb, clause.text[m.end() :]):
            continue
        if _STAYS_AT_MEETING.match(clause.text, m.start(1)):
            continue  # "declared an interest and would remain in the room": done at the meeting itself
        if _HOPED_FOR.search(clause.text, max(0, m.start() - 60), m.start()):
            continue  # "I hope you will keep the library open": a hope for someone else's act
        found = _owners_before(clause, m.start(), allow_unknown=True)
        if found is None:
            # "The Board has read the thread, and will look into it": the main subject.
            before = clause.text[: m.start()]
            # "The Chair said the litter picks had resumed and would continue": the reported clause's
            # subject, not the speaker, is what "would" belongs to.
            reported = _REPORTING_VERB.search(before) is not None
            if not reported and (re.search(r",?\s+and\s*$|,\s*$", before) or re.search(r"\band\s+", before[-25:])):
                # "Cllr Ames attended a workshop on the Grants Fund and will update members": the sentence's subject.
                found = _main_subject(clause, m.start(), coordinated=re.search(r"\band\s*$", before) is not None)
            if found is None and re.search(r"\bbut\s*$", before) and (not reported or _KEEP_POSTED.match(clause.text, m.end(1))):
                # "Ana has not yet met them but would endeavour to", "Tom says it is on hold but will
                # keep us posted": the contrast keeps the sentence's own subject.
                found = _opening_owner(clause)
        if found and found[1][0] > 0 and all(_is_meeting_body(o) for o in found[0]) and _REPORTING_VERB.search(clause.text[: found[1][0]]):
            continue  # "Cllr Brack advised that ... the Planning Committee would be visiting": a third party's plans
        if found and _plural_pronoun_for_one(clause.text[found[1][0] : found[1][1]], found[0]):
            continue  # "The Clerk spoke to the builders. They will fix the roof": not the Clerk
        if found and (all(_outside_body(o) for o in found[0]) or _outside_body(found[0][0])):
            continue  # "The Housing Department will fund ...", "the Department of Health, Care and Housing will": a third party's plan
        if found and all(_outside_acronym(o, clause.people) for o in found[0]):
            continue  # "GRA will cap the grants": an outside body's plan
        if found and found[1][0] > 0 and all(_organisation_acronym(o, clause.people) for o in found[0]) and _REPORTED_BY.search(clause.text[: found[1][0]]):
            continue  # "Ana said that WPC would cap the grants": a body's plan reported, even the meeting's own
        if found:
            return Finding("pattern:OWNER will VERB", tuple(found[0]), found[1])
    return None


# A hope or wish that someone will act: "I hope you will ...", "trusts that the developer would ...".
# Lower-case only: "the Village Hall Trust Secretary will" names an owner.
_HOPED_FOR = re.compile(r"\b(?:hope|hopes|hoped|hoping|wish|wishes|trust|trusts|trusted)\s+(?:that\s+)?(?:[\w'’-]+\s+){0,3}[\w'’-]+$")


# Organisations outside the meeting whose plans minutes report: "the Department ... will fund".
_OUTSIDE_BODY_WORDS = frozenset("department foundation agency government ministry authority company ltd limited plc".split())


def _outside_body(owner: str) -> bool:
    """An owner that is an outside organisation, by the word its name ends in ("the Housing
    Department", "the Lifeboat Trust") or opens with before "of"/"for" ("the Department for
    Transport", "the Ministry of Defence"). Acronyms are left alone: initials look the same."""
    words = [w for w in owner.split() if w.lower() != "the"]
    if not words:
        return False
    return words[-1].lower() in _OUTSIDE_BODY_WORDS or (len(words) > 2 and words[0].lower() in _OUTSIDE_BODY_WORDS and words[1].lower() in ("of", "for"))


_REPORTED_BY = re.compile(r"\b(?:advised|said|says|reported|stated|explained|informed|told|confirmed|noted|pointed\s+out|added|mentioned|indicated|replied|announced)\b")


def _organisation_acronym(owner: str, people: PeopleIndex) -> bool:
    """An acronym of three or more capitals that the document neither defines as someone's
    initials nor writes as a speaker ("NTA", "DVLA"); "MT" or "EKR: ..." are people."""
    return bool(re.fullmatch(r"[A-Z]{3,6}", owner)) and owner not in people.initials and owner not in people.speakers


def _outside_acronym(owner: str, people: PeopleIndex) -> bool:
    """An organisation's acronym as the subject of "will": "NRWA will support families", "the
    EU will adopt it" -- not the meeting's own body ("TSC", "WPC") nor a speaker's initials ("Ots: ...")."""
    if not _organisation_acronym(owner, people) or owner.lower() in ROLE_NOUNS or owner in people.own_acronyms:
        return False
    return not any(speaker.upper() == owner for speaker in people.speakers)


# Role nouns that name one person: "they" cannot stand for them.
_ONE_PERSON_ROLES = frozenset(
    "clerk chair chairman chairwoman chairperson mayor treasurer secretary president supervisor trustee "
    "councillor director manager officer engineer leader governor".split()
)
_PERSON_TITLE = re.compile(r"^(?:the\s+)?(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof|Supervisor|Trustee|Director)\.?\s", re.I)


def _plural_pronoun_for_one(written: str, owners: list[str]) -> bool:
    """"They" read as one person (a titled name, a first-and-last name, "the Clerk"): the minutes
    mean someone else, a contractor or a body they mentioned."""
    if written.strip().lower() != "they" or len(owners) != 1:
        return False
    owner = owners[0].strip()
    words = owner.split()
    if _PERSON_TITLE.match(owner) or words[-1].lower() in _ONE_PERSON_ROLES:
        return True
    if re.fullmatch(r"[A-Z]{2,6}", owner):
        return True  # "... handled by BSI. They will adopt it": an outside body, or one person's initials
    return len(words) in (1, 2) and all(re.fullmatch(r"[A-Z][a-z'’\-]+", w) for w in words) and words[-1].lower() not in ROLE_NOUNS


_REPORTING_VERB = re.compile(r"\b(?:advised|said|says|reported|stated|explained|informed|told|confirmed|noted)\b")
# Reporting verbs, and those that take the listener as object ("informed the Board"). One list
# serves the pattern and the rule's cheap pre-check, so the two cannot drift apart.
_REPORTING_VERBS = ("stated", "said", "says", "advised", "confirmed", "reported", "explained", "indicated", "added", "undertook", "mentioned", "replied", "reiterated")
_REPORTING_TO = ("informed", "told")
_REPORTING_WORDS = _REPORTING_VERBS + _REPORTING_TO
_REPORTED = re.compile(
    SPACE_RUN + led_by(_REPORTING_WORDS) + r"(?:" + "|".join(_REPORTING_VERBS) + "|" + "|".join(rf"{verb}\s+\w+" for verb in _REPORTING_TO) + r")\s+(?:that\s+)?(?:[^.;]{0,160}?\band\s+that\s+)?"
    r"(he|she|they)\s+(?:(?:(?!\bthat\b)[^.;]){0,140}?\s)?(?:would|will|was going to|were going to|plans? to|planned to|hoped to|hopes to|intends? to|intended to)\s+(?!be\s+(?:able|happy|pleased|interested|keen|grateful|glad)\b)([a-z]+)"
)


_OWNS = re.compile(SPACE_RUN + r"(?:owns|will own|takes|has taken|took)\s+(?:the\s+|this\s+|that\s+)?action\b")


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
    r"(?:[^.;]{0,60}?\s+by\s+((?:the\s+)?[A-Z@][^.;,]{0,60}?|(?:members|officers|the\s+\w+)[^.;,]{0,40}?))?(?:\s+(?:again|soon|shortly|later|too|as\s+well))?(?=[.;,]|\s+(?:by|before|in|on|at|for|to|once|when)\b|$)"
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
    if _HOPED_OR_ASKED.search(clause.text[: m.start()]):
        return None  # "a report which we hope will be completed soon", "what works will be completed": not set
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


# Before a passive future: a hope or expectation, or an indirect question: "which we hope will be
# completed", "asked what works will be completed".
_HOPED_OR_ASKED = re.compile(r"\b(?:hope|hopes|hoped|expect|expects|expected|anticipate|anticipated|believe|believes)\b[^.;]*$|^\s*(?:what|which|whether|how)\b", re.I)


_DELIVERABLE_VERBS = frozenset(
    ["created", "written", "drafted", "prepared", "circulated", "submitted", "updated", "fixed", "posted", "published", "arranged", "organised", "organized", "booked", "ordered", "installed", "repaired", "distributed", "emailed", "uploaded", "completed", "finalised", "finalized", "replaced", "tested", "reviewed", "investigated", "costed",
     # people asked, told or invited, and events moved: "Greenwoods will be asked to clear the leaves"
     "invited", "asked", "contacted", "informed", "notified", "chased", "rescheduled", "publicised", "publicized", "advertised"]
)



_TASK_VERBS = frozenset(
    """request remind send follow work find pursue discuss bring add create update check write draft contact ask arrange
    circulate review investigate look prepare provide set email e-mail chase organise organize book get make submit fix
    clarify confirm talk reach share post file open close raise put ensure schedule research order collect produce
    compile finalise finalize complete publish upload invite inform notify respond reply liaise call test implement build
    merge rename track monitor coordinate co-ordinate help sort source obtain buy purchase clean repair replace remove
    install keep start continue finish do go take lead draw explore figure assign mark circle ping poll propose identify
    verify download connect design plan run tidy print deliver distribute cost quote agree""".split()
)
_ENTRY_VERB = re.compile(r"([A-Z][a-z]+)\s+(?=\S)")


def opens_with_task_verb(text: str) -> bool:
    """A list entry in sentence case that opens with a task verb ("Write to the Minister ...",
    "Publish the map"). Under an "OWNER to:" intro even "Discuss ... with the county" is the
    owner's task, so deliberative verbs are not set apart here as capital_imperative does."""
    m = _ENTRY_VERB.match(text)
    return m is not None and m.group(1).lower() in _TASK_VERBS


_FIRST_PERSON = re.compile(
    r"\b(?:I\s+will|I\s+shall|I['’]ll|I\s+can|I\s+am\s+going\s+to|I['’]m\s+going\s+to|I\s+am\s+happy\s+to|I['’]m\s+happy\s+to|"
    r"I\s+volunteer\s+to|I\s+(?:can|will)\s+commit\s+to|I['’]m\s+ready\s+to|I\s+am\s+ready\s+to)\s+(?:also\s+|then\s+)?(?:take\s+|go\s+)?([a-z]+)"
)
_NOT_FIRST_PERSON_TASKS = frozenset(["concur", "see", "understand", "imagine", "think", "say", "tell", "live", "accept", "agree", "hear", "believe", "guess", "try"])
_STATUS_FIELD = re.compile(r"\bStatus\s*:", re.I)
_DONE_STATUS = re.compile(r"(?-i:\b(?:COMPLETED?|DONE|CLOSED)\b)|\bstatus\s*:\s*(?:complete|completed|done|closed)\b", re.I)
_SPEAKER_SHAPED = re.compile(r"[A-Z][a-z'’\-]{1,30}(?: [A-Z][a-z'’\-]{1,30})?")
_NOT_SPEAKERS = frozenset("status note notes update updates action actions agenda present apologies minutes item items decision summary question answer reply response comment comments".split())


def _speaker_is_person(speaker: str, people: PeopleIndex) -> bool:
    """"@dana", "Rowan", "Cllr Ames": a line's speaker who can own a task ("Status:", "March:" cannot)."""
    if speaker.startswith("@"):
        return True
    if owner_part(speaker, people):
        return True
    return _SPEAKER_SHAPED.fullmatch(speaker) is not None and not (set(speaker.lower().split()) & (_NOT_SPEAKERS | NOT_OWNER_WORDS))


def _speaker_owner(speaker: str) -> str:
    return speaker[1:] if speaker.startswith("@") else speaker


_FIRST_WORD = re.compile(r"(to\s+)?([A-Za-z][a-z\-]+)\b")
_FIRST_PERSON_CORE = re.compile(r"\bI(?:\s|['’])")  # the literal core of _FIRST_PERSON


def _may_address_speaker(text: str, speaker: str) -> bool:
    """A cheap test that one of speaker_task's shapes may hold: a handle before a capital, a task
    verb first, or a first-person "I ..." somewhere (the costly pattern's literal core)."""
    if speaker.startswith("@") and text[:1].isupper():
        return True
    first = _FIRST_WORD.match(text)
    if first is not None and first.group(2).lower() in _TASK_VERBS:
        return True
    return _FIRST_PERSON_CORE.search(text) is not None


@ACTION_RULES.add("pattern:SPEAKER: task", needs=(has_speaker,))
def speaker_task(clause: Clause) -> Finding | None:
    """A task addressed to the speaker of a line: "@Dana: chase the venue", "Rowan: send the draft
    round", "Rowan: to book the hall", "Rowan: I will write the summary"; not once marked done."""
    speaker = clause.speaker
    if not speaker or not _may_address_speaker(clause.text, speaker):
        return None  # none of the three shapes below can match: skip the costlier checks
    if _DONE_STATUS.search(clause.text) or not _speaker_is_person(speaker, clause.people):
        return None  # "Status: COMPLETE", "March: deliver the budget": no open task for a person
    owner = (_speaker_owner(speaker),)
    if speaker.startswith("@") and clause.text[:1].isupper():
        return Finding("pattern:SPEAKER: task", owner)  # "@Dana: Is the report ready?": addressed to Dana
    # "Rowan: send the draft round  Status: in hand" (an action log), "Rowan: to book the hall".
    first = _FIRST_WORD.match(clause.text)
    tracked = _STATUS_FIELD.search(clause.text) is not None or (first is not None and first.group(1) is not None)
    if first and tracked and first.group(2).lower() in _TASK_VERBS:
        return Finding("pattern:SPEAKER: task", owner)
    m = _FIRST_PERSON.search(clause.text)
    if m and m.group(1) not in _NOT_FIRST_PERSON_TASKS and m.group(1) not in _WEAK_FUTURE and not is_question(clause):
        return Finding("pattern:SPEAKER: task", owner)
    return None


_DASH_OWNER = re.compile(r"^((?:[A-Z][\w'’.\-]+|[A-Z]{2,4})(?:\s*/\s*(?:[A-Z][\w'’.\-]+|[A-Z]{2,4})){0,4})\s*[–—\-:]\s+(?=[A-Z])")


_SUBJECTLESS_WILL = re.compile(r"^(?:Will|Going to|Plan to|Plans to)\s+(?:be\s+[a-z]+ing|[a-z]+)\b(?!\s*[.!]?\s*$)")


_DONE_WORDS = re.compile(r"\b(?:created|done|completed|finished|sorted|sent|received|set\s+up|started)\b", re.I)
_LEADING_DASH_OWNER = re.compile(r"^((?:(?:Cllr|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)?(?:\s*[/&+]\s*[A-Z][\w'’.\-]*){0,3})\s+[-–—]\s+(?:to\s+)?([A-Za-z][a-z\-]+)\b")
_TRAILING_DASH_OWNER = re.compile(r"^(?:to\s+)?([A-Za-z][a-z\-]+)\b.{3,200}?\s[-–—]\s+([A-Z]{2,4}(?:\s*[/&+,]\s*[A-Z]{2,4}){0,3})\s*\.?$")


@ACTION_RULES.add("pattern:OWNER - task", needs=(_DASH,))
def dash_owner_task(clause: Clause) -> Finding | None:
    """A task line that names its owner beside a dash: "Sam – order two quotes for the bench",
    "Look at funding opportunities - TK"."""
    lead = _LEADING_DASH_OWNER.match(clause.text)
    if lead and lead.group(2).lower() in _TASK_VERBS and clause.text[lead.end(2) : lead.end(2) + 1] != ":":
        names = [n.strip() for n in re.split(r"\s*[/&+]\s*", lead.group(1))]
        if all(owner_part(n, clause.people) or re.fullmatch(r"[A-Z]{2,4}", n) for n in names):
            return Finding("pattern:OWNER - task", tuple(names), (lead.start(1), lead.end(1)))
    trail = _TRAILING_DASH_OWNER.match(clause.text)
    if trail and trail.group(1).lower() in _TASK_VERBS and not _DONE_WORDS.search(clause.text, 0, trail.start(2)):
        names = [n.strip() for n in re.split(r"\s*[/&+,]\s*", trail.group(2))]
        return Finding("pattern:OWNER - task", tuple(names), (trail.start(2), trail.end(2)))
    return None


# What a note says the meeting will talk about or come back to: discussion, not a task.
_TALK_VERBS = frozenset(["talk", "discuss", "come", "continue", "revisit", "return"])


@ACTION_RULES.add("pattern:Will VERB", needs=("will", "going", "plan"))
def subjectless_will(clause: Clause) -> Finding | None:
    """Note-style "Will be pushing to get consensus on this within 1 week": the subject is implied."""
    m = _SUBJECTLESS_WILL.match(clause.text)
    if is_question(clause) or not m:
        return None  # "Will that be compatible?" asks; "Will do." only answers the line before
    verb = re.match(r"\S+\s+(?:to\s+)?(\S+)(?:\s+(\S+))?", clause.text)
    if verb and (verb.group(1).lower() in _WEAK_FUTURE | _TALK_VERBS or (verb.group(1) == "be" and not (verb.group(2) or "").endswith("ing"))):
        return None  # "Will try to ...", "Will talk more about ...", "Will be held on ...": no task
    return Finding("pattern:Will VERB", (_speaker_owner(clause.speaker),) if clause.speaker else ())


@ACTION_RULES.add("pattern:OWNER said they would VERB", needs=_REPORTING_WORDS)
def reported_commitment(clause: Clause) -> Finding | None:
    """"The Chairman stated he would circulate an email", "Rina reported that she ... hoped to"."""
    m = _REPORTED.search(clause.text)
    if not m or m.group(2) in _WEAK_FUTURE or is_question(clause):
        return None  # "she would like to meet the council": a wish, not a commitment
    if _STAYS_AT_MEETING.match(clause.text, m.start(2)):
        return None  # "stated he would remain in the room": done at the meeting itself
    found = _owners_before(clause, m.start())
    if found is None and clause.text[: m.start()].strip().lower() in ("he", "she", "they") and clause.last_subject:
        found = ([clause.last_subject], (0, m.start()))
    if found:
        return Finding("pattern:OWNER said they would VERB", tuple(found[0]), found[1])
    return None



# "DM said the insurer had not phoned back, but he would ring them again this week":
# after a contrast, what the one reporting will still do (the pronoun is the sentence's subject,
# who reported). The reporting verb must follow the subject, so the pronoun cannot be a third party.
_CONTRAST_WILL = re.compile(r"(?:[,;]\s*|\s)(?:however|but)\s*,?\s+(he|she|they)\s+(?:would|will)\s+(?:still\s+|now\s+|also\s+)?([a-z]+)\b")
# A person other than the one reporting as the subject of what was reported: the pronoun after the
# contrast may be that person.
_OTHER_PERSON_REPORTED = re.compile(
    r"\s+(?:that\s+)?(?:(?:the|a|his|her|their|our)\s+(?:[\w\-]+\s+)?(?:contractor|builder|landowner|owner|tenant|resident|"
    r"agent|developer|farmer|engineer|officer|inspector|surveyor|solicitor|auditor|warden|vicar|headteacher|head|"
    r"councillor|manager|caretaker|gardener|supplier|consultant|person|man|woman|neighbour|applicant|architect)s?\b"
    r"|(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|PC)\.?\s+[A-Z])"
)
_REPORTS = re.compile(r"\s+(?:had\s+|has\s+)?(?:stated|said|advised|confirmed|reported|explained|indicated|added|mentioned|replied|informed|told)\b")


@ACTION_RULES.add("pattern:however they would VERB", needs=("however", "but"))
def contrast_commitment(clause: Clause) -> Finding | None:
    """"The Clerk reported that the quote had not come, however she would chase it this week"."""
    m = _CONTRAST_WILL.search(clause.text)
    if m is None or m.group(2) in _WEAK_FUTURE or not _verb_ok(m.group(2)) or is_question(clause):
        return None  # "but she would like to ...", "however they would be away": no task
    lead = _leading_person(clause)
    reported = _REPORTS.match(clause.text, lead[1][1]) if lead else None
    if lead is None or reported is None or _REPORTS.search(clause.text, reported.end(), m.start()):
        return None  # "The Clerk advised that the Association had confirmed ..., however they would": another's word
    if (m.group(1) == "they") != (len(lead[0]) > 1):
        return None  # the pronoun does not agree with the subject: someone else
    if _OTHER_PERSON_REPORTED.match(clause.text, reported.end()):
        return None  # "The Clerk reported that the contractor had not come, however he would ...": him
    return Finding("pattern:however they would VERB", tuple(lead[0]), lead[1])


_LOCAL_TIER = re.compile(r"^(?:Borough|County|District|Town|Parish|City|Ward)\s+(?=Cllr|Councillor)")  # "District Cllr Hale"


# Titles that name anyone, a resident or an outside officer as well as a member: such a name must be
# one the document lists ("Mr Brown's offer to sell the land", "Dr Rao is investigating the outbreak").
_ANYONE_TITLE = re.compile(r"^(?:the\s+)?(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s", re.I)


def _a_person(owner: str, people: PeopleIndex) -> bool:
    words = owner.split()
    if re.fullmatch(r"[A-Z]{2}", owner) or owner in people.initials or people.is_known(owner):
        return True
    if _ANYONE_TITLE.match(owner) or " of " in owner:
        return False  # "The Director of Public Health": another body's officer
    return bool(_PERSON_TITLE.match(_LOCAL_TIER.sub("", owner))) or (words[-1].lower() in _ONE_PERSON_ROLES and words[0].lower() == "the" and len(words) == 2)


# An offer the meeting took up, named by whose it was: "Members accepted the Treasurer's offer to
# prepare a forecast", "the Council welcomed Cllr Pike's kind offer to repaint the bench". The
# possessive mark may be left off only after a title ("accepted Cllr Ann Pike offer to ...").
_ACCEPTED_OFFER = re.compile(
    r"\b(?:accepted|accepts|welcomed|welcomes|took\s+up|agreed\s+to|approved)\s+(?P<owner>(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}?)"
    r"(?P<mark>['’]s|(?<=s)['’])?\s+(?:kind\s+|generous\s+)?offer\s+to\s+(?P<verb>[a-z]+)\b"
)


_OFFER_TO_SERVE = frozenset("act serve be become stand step resign retire remain continue join chair".split())


@ACTION_RULES.add("pattern:accepted OWNER's offer to VERB", needs=("offer to",))
def accepted_offer(clause: Clause) -> Finding | None:
    """"The Council accepted the Chair's offer to draft a reply to the consultation"."""
    m = _ACCEPTED_OFFER.search(clause.text)
    if m is None or not _verb_ok(m.group("verb")) or m.group("verb") in _OFFER_TO_SERVE or is_question(clause):
        return None  # "accepted Cllr Dale's offer to act as Treasurer / to stand down": an appointment or resignation
    if m.group("mark") is None and not _PERSON_TITLE.match(m.group("owner")):
        return None  # "accepted Cllr Pike offer": the mark left off after a title only
    owners = owner_phrase(m.group("owner"), clause.people)
    if not owners or not all(_a_person(o, clause.people) for o in owners):
        return None  # "accepted Harwood Builders' offer to ...": a firm's quotation, not a member's task
    return Finding("pattern:accepted OWNER's offer to VERB", tuple(owners), m.span("owner"))


# The meeting's own body by its initials, given a task: "the PC will write to the landowner", "it
# was agreed that the CC would organise a drop-in session" (the initials of the body named in the
# opening lines). Only doing verbs: "the CC would support / oppose / meet the cost" is the
# meeting's stance or spending, a decision.
_OWN_INITIALS_WILL = re.compile(r"\b[Tt]he\s+([A-Z]{2,5})\s+(?:will|would|should|shall)\s+(?:now\s+|then\s+|also\s+|first\s+)?([a-z]+)\b")
_BODY_TASK_VERBS = frozenset(
    "write contact organise organize arrange send investigate look put ask invite seek obtain apply make enter register "
    "forward ensure pursue chase respond reply prepare draft publish purchase buy order approach notify inform request "
    "submit host erect install display advertise circulate check explore research".split()
)
_ASKED_WHETHER = re.compile(r"\b(?:if|whether)\s*$")
# One person's proposal or view ("DS proposed that the PC should buy ...", "the county councillor
# advised the PC should write ..."), often turned down after; "it was suggested that ..." is the meeting's.
_SOMEONE_PROPOSED = re.compile(r"(?<!\bwas\s)\b(?:proposed|suggested|recommended|advised|felt|thought|requested)\s+(?:that\s+)?$")


@ACTION_RULES.add("pattern:the BODY INITIALS will VERB", needs=("will", "would", "should", "shall"))
def own_body_initials_task(clause: Clause) -> Finding | None:
    """"It was agreed that the TC would apply to the lottery for a new bus shelter"."""
    if not clause.people.own_acronyms or is_question(clause):
        return None
    for m in _OWN_INITIALS_WILL.finditer(clause.text):
        people = clause.people
        if (
            m.group(1) in people.own_acronyms
            and m.group(1) not in people.titled_acronyms
            and m.group(2) in _BODY_TASK_VERBS
            and not _ASKED_WHETHER.search(clause.text, 0, m.start())
            and not _SOMEONE_PROPOSED.search(clause.text, 0, m.start())
        ):
            if clause.margin:
                return Finding("pattern:the BODY INITIALS will VERB")  # the action column names who does it
            return Finding("pattern:the BODY INITIALS will VERB", (clause.text[m.start() : m.end(1)],), (m.start(), m.end(1)))
    return None


# A meeting someone has set up and is still to hold: "JF has arranged to meet the drainage
# officer on 3rd May", "Cllr Hale has arranged a site visit with the agent". (Not "has
# arranged for the contractor to ...": that is done, the rest is the contractor's.)
_ARRANGED_MEETING = re.compile(SPACE_RUN + r"ha(?:s|ve)\s+(?:now\s+|also\s+|since\s+)?arranged\s+(?:to\s+meet|a\s+(?:site\s+)?(?:meeting|visit))\b")


_BODY_WORDS = frozenset("council councils committee board authority highways police trust association company school agency department".split())


def _a_body(owner: str) -> bool:
    """An organisation as owner, by its name ("the County Council", "Highways"). Acronyms are left
    alone: "JFO" may be a member whose initials the document gives in a form not recognised."""
    return owner.split()[-1].lower() in _BODY_WORDS or _outside_body(owner)


_ALREADY_HELD = re.compile(r",\s*held\s+on\b|\b(?:took\s+place|(?:was|has\s+been|had\s+been)\s+held)\b")


@ACTION_RULES.add("pattern:OWNER has arranged to meet", needs=("arranged",))
def arranged_meeting(clause: Clause) -> Finding | None:
    """"RW has arranged a meeting with the area engineer to ask for a crossing"."""
    m = _ARRANGED_MEETING.search(clause.text)
    if m is None or is_question(clause):
        return None
    if _ALREADY_HELD.search(clause.text, m.end()):
        return None  # "has arranged a meeting with the police, held on 3 April, which was useful": done
    found = _owners_before(clause, m.start(), tight=True)
    if found is None or any(_a_body(o) for o in found[0]):
        return None  # "The County Council has arranged a meeting for clerks": another body's event
    return Finding("pattern:OWNER has arranged to meet", tuple(found[0]), found[1])



_THAT_CLAUSE = re.compile(  # (behind a lookahead for where a form can start: see base.starting_at)
    starting_at(
        r"\b\w|[,;]|^",
        r"\b(?:agreed|AGREED|resolved|RESOLVED|decided|recommended|recommends?|(?<=was )suggested|(?<=was )proposed|requested|requests?|asked|"
        r"directed|direct|instructed|urged|urges|ordered)\s*:?\s+that\s+(?=\S)|(?:,|;)\s+and\s+that\s+(?=\S)|^[\"“‘']?[Tt]hat\s+(?=\S)",
    )
)


# What every form of _THAT_CLAUSE ends with: "that" or "That", white space and the character after it.
_THAT_AND_SPACE = re.compile(r"\s*\S?")


def _end_of_that_forms(text: str) -> int:
    """Where the last form of _THAT_CLAUSE can end (with the character its lookahead reads): after
    the last "that" in ``text``. The search stops there instead of trying each place after it."""
    last = max(text.rfind("that"), text.rfind("That"))
    if last < 0:
        return 0
    after = _THAT_AND_SPACE.match(text, last + 4)  # (it matches anywhere, if only the empty string)
    return after.end() if after else len(text)


_EARLIER_DECISION = re.compile(r"\bhad\s+(?:been\s+|previously\s+|already\s+)*(?:agreed|resolved|decided)\s*:?\s+that\s+$", re.I)


@ACTION_RULES.add("pattern:RESOLVED that OWNER VERB", needs=("that",))
def resolution_directs(clause: Clause) -> Finding | None:
    """"RESOLVED that the Clerk write to Highways", "(c) the Director report the outturn to Cabinet",
    "It was agreed ... and that the Head of Community Services report on take-up"."""
    starts = [0] if clause.label in ("RESOLVED", "Decision", "Agreed") else []
    if "that" in clause.lowered:  # the costly pattern needs the word
        text = clause.text
        # "It had been agreed that ...": an earlier decision recalled, not one that sets a task now
        # (the recall's pattern needs "had": a clause without it is not searched, see casefold)
        recalls = "had" in clause.lowered or not lower_is_case_blind(text)
        forms = _THAT_CLAUSE.finditer(text, 0, _end_of_that_forms(text))
        starts += [m.end() for m in forms if not (recalls and _EARLIER_DECISION.search(text, 0, m.end()))]
    for start in starts:
        found = _owner_and_base_verb(clause, start)
        if found:
            return found
    for start in starts:
        found = _task_without_owner(clause, start)
        if found:
            return found
    return None


_WORD = re.compile(r"\S+")


def _task_without_owner(clause: Clause, start: int) -> Finding | None:
    """"[that] the verge be cut", "that a briefing would be arranged": a task with no owner named."""
    at = start + len(clause.text[start:]) - len(clause.text[start:].lstrip())
    if re.search(r"\basked\s+that\s*$", clause.text[max(0, at - 12) : at]):
        return None  # "Ewan asked that the policy be reviewed yearly": a member's wish in debate
    passive = _THAT_PASSIVE.match(clause.text, at)
    if passive and passive.group(1) in _TASK_PARTICIPLES:
        return Finding("pattern:that X be done")
    return None


_NOUN_ENDING = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ship)$")
# Putting a motion to the meeting: "put the (amended) motion", "put it to the vote / a show of hands".
_PUT_TO_VOTE = re.compile(
    r"\s+(?:the\s+(?:[\w-]+\s+){0,2}(?:motion|amendment|question|recommendations?|proposals?)\b|[^.;]{0,60}?\bto\s+(?:a|the)\s+(?:vote|show\s+of\s+hands|meeting)\b)"
)


def _owner_and_base_verb(clause: Clause, start: int) -> Finding | None:
    """"[that] the Corporate Director of Finance report ...": the shortest owner phrase followed by a
    verb in its base form (or "be asked to VERB")."""
    text = clause.text
    words = list(islice(_WORD.finditer(text, start), 9))  # what is read of them: a subject of up to 7 words, the verb
    if words and words[0].group(0).lower() == "that":
        words = words[1:]
    for count in range(1, min(8, len(words))):
        verb = words[count].group(0)
        if not verb.isalpha() or not verb.islower():
            continue
        tail = text[words[count].end() :]
        modal = re.match(r"\s+(?:to\s+)?([a-z]+)\b", tail) if verb in _MODAL_SLOTS else None
        if verb == "be" and re.match(r"\s+(?:asked|requested|instructed|authorised|authorized|delegated)\s+to\s+[a-z]", tail):
            pass  # "the Director of Public Health be asked to bring a revised plan"
        elif verb in _OFFICE_VERBS:
            return None  # "that Cllr Ames continue as Chair": an appointment, a decision
        elif verb == "put" and _PUT_TO_VOTE.match(tail):
            return None  # "The Mayor put the amendment to the vote", "put it to a show of hands": procedure
        elif modal is not None:
            # "that the Clerk should obtain quotes", "that the Club would send a representative"
            if not _verb_ok(modal.group(1)) or modal.group(1) in _ASSENTING or modal.group(1) in _AUXILIARIES or modal.group(1) in _WEAK_FUTURE:
                return None
        elif _third_person(verb):
            pass  # "requested that the Clerk writes to the landowner"
        elif verb.endswith(("ed", "s")) or not _verb_ok(verb) or verb in _DELIBERATIVE or verb in _AUXILIARIES:
            continue
        if _NOUN_ENDING.search(verb):
            return None  # "Scrutiny Committee consideration of ...": a noun where the verb would be
        subject_start, subject_end = words[0].start(), words[count - 1].end()
        # Under a bare label (no "that"), a row of a decision table opens with its topic
        # ("Site map Simple layout -> two pages"): only someone the document knows is an owner there.
        unknown_ok = start > 0 or clause.text[start:].lstrip()[:5].lower().startswith("that")
        owners = owner_phrase(text[subject_start:subject_end], clause.people, allow_unknown_names=unknown_ok)
        if owners:
            return Finding("pattern:RESOLVED that OWNER VERB", tuple(owners), (subject_start, subject_end))
        return None  # the first lower-case word is the verb slot; a longer subject would swallow it
    return None


_THAT_PASSIVE = re.compile(
    r"(?:that\s+)?(?i:a|an|the|this|these|those|all|any|further|new|its|their)\s+(?:(?!(?i:how|what|whether|which|that|if|when|why|make|makes)\b)[\w'’-]+\s+){0,6}?"
    r"(?:(?:should|would|will|shall|must|is\s+to|are\s+to)\s+)?be\s+(?:also\s+|now\s+)?([a-z]+)\b"
)
# Participles of work to be done ("that the verge be cut"), not of deciding ("be noted", "be approved").
_TASK_PARTICIPLES = frozenset(
    """sent circulated drafted prepared arranged published updated ordered booked made taken written submitted returned
    posted placed installed fitted repaired replaced chased checked reviewed obtained collected issued shared provided
    delivered organised organized completed forwarded displayed erected cleared cut painted cleaned investigated costed
    inspected emailed contacted identified brought added put removed progressed explored sought invited informed notified
    produced implemented introduced undertaken commissioned purchased fixed trimmed mended tidied publicised publicized
    advertised uploaded distributed scheduled researched pursued presented""".split()
)
_OFFICE_VERBS = frozenset(["continue", "remain", "serve", "stand", "become", "act"])
_MODAL_SLOTS = frozenset(["should", "would", "will", "shall", "must", "is", "are"])


def _third_person(verb: str) -> bool:
    """"writes", "carries", "confirms": a present-tense verb in a that-clause (not "is", "has", "notes")."""
    if not verb.endswith("s") or verb.endswith(("ss", "us", "is")) or verb in _AUXILIARIES:
        return False
    stem = verb[:-3] + "y" if verb.endswith("ies") else verb[:-1]
    return _verb_ok(stem) and stem not in _ASSENTING and verb[:-2] not in _ASSENTING


# A working group, task group or sub-committee "to recommend" goes away and comes back: a task.
_SUB_BODY = re.compile(r"\b(?:group|party|sub-?committee|sub-?group|task|team|working)\b", re.I)


def _recommends_as_the_meeting(owner: str) -> bool:
    """"Members", "the Committee", "Trustees": a body whose recommendation the meeting itself makes."""
    return _is_body(owner) and _SUB_BODY.search(owner) is None


# What a body does in deciding, not as a task: "that the Council accepts the quote".
_ASSENTING = _DELIBERATIVE | frozenset(
    "accept support receive welcome thank express acknowledge recognise recognize reaffirm commend congratulate record oppose object reject refuse defer note".split()
)


_AUXILIARIES = frozenset(["be", "is", "are", "was", "were", "has", "have", "had", "may", "can", "could", "would", "should", "will", "shall", "must", "might", "do", "does", "did"])


_TO_BE_DONE = re.compile(
    r"^(?:[A-Z][\w’'\-]*|[a-z][\w’'\-]*)(?:\s+(?:[\w’'\-]+|&)){0,6}?\s+to\s+be\s+(?:sent|put|added|circulated|drafted|prepared|arranged|published|updated|"
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
    if subject.endswith(" to continue"):
        return None  # "Plot rents to continue to be set each spring": a standing practice
    if _FINITE.search(subject) or _FINITE.match(subject[:1].lower() + subject[1:]) or "n't" in subject or "wish" in subject:
        return None  # "The Board would not wish for hedges to be removed", "Discussed talks to be given": not a task
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
    m = _REPORT_BACK.search(clause.text) or _AVAILABLE_FOR.search(clause.text)
    if m is None:
        return None
    if _UNSURE_BE.search(clause.text[: m.end()]) or _ONCE_DONE.search(clause.text, m.end()) or _MAY_BRING.search(clause.text, 0, m.start()):
        return None  # "could be submitted", "would need to be considered", "... once this is completed"
    if _WISHED.search(clause.text, max(0, m.start() - 100), m.end()):
        return None  # "I would like the figures to be presented each quarter": a speaker's wish
    if _on_a_condition(clause.text, m.start()):
        return None  # "... unless a member asks for an item to be taken on its own": a rule of procedure
    return Finding("pattern:report back")


# A condition the report sits in: "unless a member asks for ... to be considered", "if a report is
# brought ...". Not "asked if ..." (a question the task asks), not "if necessary" (a task that
# merely hedges), and not a condition closed by a comma before the report ("if the grant is
# approved, the Clerk will bring a report back": a commitment on a condition is still one).
_SUPPOSED = re.compile(r"\b(?:unless|if|in\s+case|in\s+the\s+event\s+that)\b(?P<condition>[^.;]*)$", re.I)
_ASKED_IF = re.compile(r"\b(?:ask|asks|asked|asking|enquire[sd]?|inquire[sd]?|quer(?:y|ied)|check|see|find\s+out|know|wonder(?:ed)?)\s+$", re.I)
_HEDGE = re.compile(r"\s*(?:necessary|appropriate|required|needed|possible|practicable|feasible|so|desired|applicable)\b", re.I)
_ASKING = re.compile(r"\b(?:asks?|requests?|wish(?:es)?|calls?\s+for|demands?)\b", re.I)


def _on_a_condition(text: str, start: int) -> bool:
    supposed = _SUPPOSED.search(text, max(0, start - 80), start)
    if supposed is None or _ASKED_IF.search(text, max(0, supposed.start() - 20), supposed.start()):
        return False
    condition = supposed["condition"]
    if _HEDGE.match(condition):
        return False
    return "," not in condition or _ASKING.search(condition) is not None


# "a guide we could bring back to the trustees": a possibility, not a report someone will bring.
_MAY_BRING = re.compile(r"\b(?:can|could|might|may)\s+$")
# "I would like the figures to be presented": the wish's own object "to be" reported; not a wish
# elsewhere in the sentence ("Residents who want a crossing were told the Clerk will report back").
_WISHED = re.compile(r"\b(?:would\s+like|wish|wishes|want|wants|hope|hopes)\s+(?:for\s+)?(?:[\w'’-]+\s+){1,6}?to\s+be\s+\w+$", re.I)
# A report that may or might come back, or comes back after something else is done: no task yet.
_UNSURE_BE = re.compile(r"\b(?:could|might|may|need\s+to|needs\s+to|would\s+need\s+to|is\s+expected|are\s+expected|it\s+is\s+expected\s+that\b[^.;]*)\s+be\s+\w+$")
_ONCE_DONE = re.compile(r"\s+once\s+[^.;]{0,80}\b(?:is|are|has\s+been|have\s+been)\s+(?:completed|finished|done|confirmed|agreed)\b")


_SHOULD_BE = re.compile(  # "should be written in/into the deal": included in it, not a writing task
    r"\bshould\s+be\s+(?:prepared|sent|circulated|drafted|written(?!\s+in(?:to)?\b)|arranged|organised|organized|updated|shared|ordered|purchased|reported|chased|"
    r"added|presented|placed|put|brought|obtained|contacted|informed|invited)\b"
)


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
    if clause.label != "Action" or clause.text.rstrip().endswith(":") or owner_only(clause.text, clause.people):
        return None  # "ACTION: JS" alone gives the task above it an owner; it is not a task itself
    if is_label_fragment(clause.text):
        return None
    listed = labelled_owners(clause)
    if listed:
        return Finding("label:Action", tuple(listed[0]), listed[1])
    if clause.speaker and clause.speaker.upper() not in _MARKER_WORDS and (owner_part(clause.speaker, clause.people) or re.fullmatch(r"[A-Z][a-z'’\-]{1,30}(?: [A-Z][a-z'’\-]{1,30})?", clause.speaker)):
        return Finding("label:Action", (clause.speaker,))  # "Ryan: figure out ..." names its owner
    dash = _DASH_OWNER.match(clause.text)
    if dash:
        names = [n.strip() for n in dash.group(1).split("/")]
        # "Sam – Organise the meeting" under an Action label: the layout itself names the owner.
        if all((owner_part(n, clause.people) or _name_shaped(n, clause.people)) and n.upper() not in _MARKER_WORDS for n in names):
            return Finding("label:Action", tuple(names), (dash.start(1), dash.end(1)))
    lead = _leading_person(clause)
    if lead:
        return Finding("label:Action", tuple(lead[0]), lead[1])
    return Finding("label:Action")


# Under an Action label the line's opening names its owners: "Ana and Tom: book the hall",
# "LeoK to add a test", "Ivan to open an issue" (a name the document may not use elsewhere).
_LABEL_OWNER_LIST = re.compile(r"^((?:[A-Z][\w'’\-]+)(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)[A-Z][\w'’\-]+){1,5})\s*:\s+(?=\S)")
_LABEL_OWNER_TO = re.compile(r"^([A-Z][\w'’\-]{1,30})\s+to\s+(?=[a-z])")


def labelled_owners(clause: Clause) -> tuple[list[str], tuple[int, int]] | None:
    """Owners that open a line under an "Action" label: a list before a colon, or one name-shaped
    word before "to VERB" (marker words such as "TODO" name no one)."""
    for pattern in (_LABEL_OWNER_LIST, _LABEL_OWNER_TO):
        m = pattern.match(clause.text)
        if not m:
            continue
        names = [n for n in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", m.group(1)) if n]
        if any(n.upper() in _MARKER_WORDS or n.lower() in NOT_OWNER_WORDS or n.lower() in ROLE_NOUNS for n in names):
            continue
        return names, (m.start(1), m.end(1))
    return None


_CUT_OFF_END = re.compile(r"\b(?:be|the|a|an|to|of|and|or|for|with|by)\s*$", re.I)


def is_label_fragment(text: str) -> bool:
    """What an "Action" label cannot make a task: one word ("STARTED", "this") or a line that a
    wrapped layout cut mid-sentence ("once the scheme ...", "plan 2025"), lower case with no "to VERB"."""
    words = text.split()
    if len(words) <= 1:
        return True
    if len(words) <= 4 and (_CUT_OFF_END.search(text) or all(re.fullmatch(r"[\d\-–/.,]+", w) for w in words[1:])):
        return True  # "Strategy 2025-2030.", "Plan 2025-2030 be": a title's tail or a line cut mid-sentence
    return bool(re.match(r"(?:and|or|of|the|a|once|when|which|that|this|plan)\b", text)) and not _TO_VERB.search(text)


_CHECKLIST = re.compile(r"^\[[ xX]\]\s+(?:\(([A-Za-z]{1,5}(?:\s*[/,&+]\s*[A-Za-z]{1,5}){0,5})\)\s+)?")


@ACTION_RULES.add("pattern:checklist", needs=("[",))
def checklist(clause: Clause) -> Finding | None:
    """"[ ] Update the website calendar", "- [ ] (AB) book the hall": the initials own it."""
    m = _CHECKLIST.match(clause.text)
    if not m:
        return None
    if m.group(1):
        return Finding("pattern:checklist", tuple(re.split(r"\s*[/,&+]\s*", m.group(1))), (m.start(1), m.end(1)))
    return Finding("pattern:checklist")


# Markers that make a line a task whatever its wording: "TODO: ...", "AI: Sam to ...", "AP: ...",
# "Next steps: ...", "#todo kim: ...", "... (TODO)", "[ACTION: Sam to ...]".
_MARKER = re.compile(
    r"^(?:[-*•]\s*)?(?:TODO|To-?do|AI|AP|Next\s+steps?|Action\s+points?|#todo)\b\s*[:\-–—]?\s*|"
    r"\((?:TODO|todo|ACTION|Action)\)|\[\s*(?:ACTION|Action|TODO)\s*[:\-–—]?\s*|#todo\b"
)
_MARKER_OWNER = re.compile(r"\s*(?:owner\s*:\s*)?([A-Za-z][\w.\-]{0,30}(?:\s*[/,&+]\s*[A-Za-z][\w.\-]{0,30}){0,4})\s*:\s+")


@ACTION_RULES.add("pattern:marker", needs=("todo", "to-do", re.compile(r"a(?<!\wa)[ip]\b"), re.compile(r"next\s+step"), "action"))
def marker(clause: Clause) -> Finding | None:
    """A line marked as a task: the owner is who the rest names ("AI: Sam to book"), a handle after
    the marker ("#todo kim: chase"), or the line's speaker."""
    m = _MARKER.search(clause.text)
    if not m or (m.start() > 0 and clause.text[m.start()] not in "([#"):
        return None
    if m.start() == 0 and not re.match(r"(?:[-*•]\s*)?(?:TODO|To-?do|#todo)", clause.text) and not re.search(r"[:\-–—]\s*$", m.group(0)):
        return None  # "AI" / "AP" / "Next step" as ordinary words need their colon
    rest_start = m.end() if m.start() == 0 or clause.text[m.start()] in "[#" else 0
    rest = clause.text[rest_start:]
    probe = Clause(rest, None, clause.people, clause.last_subject, None, clause.speaker)
    for rule in (owner_to_verb, owner_agreed_to, owner_will_verb):
        found = rule(probe)
        if found is not None and found.owners:
            span = (found.owner_span[0] + rest_start, found.owner_span[1] + rest_start) if found.owner_span else None
            return Finding("pattern:marker", found.owners, span)
    handle = _MARKER_OWNER.match(rest)
    if handle and all(owner_part(h, clause.people) or re.fullmatch(r"[a-z]{1,4}\d{0,3}", h) for h in re.split(r"\s*[/,&+]\s*", handle.group(1))):
        names = tuple(re.split(r"\s*[/,&+]\s*", handle.group(1)))
        return Finding("pattern:marker", names, (rest_start + handle.start(1), rest_start + handle.end(1)))
    if clause.speaker and owner_part(clause.speaker.lstrip("@"), clause.people):
        return Finding("pattern:marker", (clause.speaker.lstrip("@"),))
    lead = _leading_person(probe)
    if lead:
        return Finding("pattern:marker", tuple(lead[0]), (lead[1][0] + rest_start, lead[1][1] + rest_start))
    return Finding("pattern:marker")


def _capital_imperative(clause: Clause) -> bool:
    return clause.text[:2].isupper()


_CAPITAL_TASK = re.compile(r"^(?:To\s+)?([A-Z]{3,}(?:-[A-Z]+)?)\s+(?=[a-zA-Z(])")


@ACTION_RULES.add("pattern:VERB in capitals", needs=(_capital_imperative, re.compile(r"^to\s")))
def capital_imperative(clause: Clause) -> Finding | None:
    """Decision records that set tasks as capitalised verbs: "CREATE a working group", "ASK the
    Head of Legal to review ...", "PROVIDE a report to the Committee"."""
    m = _CAPITAL_TASK.match(clause.text)
    if not m:
        return None
    verb = m.group(1).lower()
    if verb not in _TASK_VERBS or verb in _DELIBERATIVE or verb in ("agree", "note"):
        return None
    letters = [ch for ch in clause.text[:80] if ch.isalpha()]  # (counted last: the verb tests are cheaper)
    if sum(ch.isupper() for ch in letters) > len(letters) / 2:
        return None  # "DRAFT MINUTES OF THE ...": a heading in capitals, not a task
    if verb == "confirm" and re.match(r"\s*(?:that\b|the\s+(?:decision|recommendations?|resolution|appointment)\b)", clause.text[m.end() :], re.I):
        return None  # "CONFIRM the decision stands": a decision confirmed
    asked = _DIRECTED.match(clause.text, m.start(1), clause.lowered)
    if asked:
        owners = owner_phrase(clause.text[asked.start(1) : asked.end(1)], clause.people)
        if owners:
            return Finding("pattern:VERB in capitals", tuple(owners), (asked.start(1), asked.end(1)))
    return Finding("pattern:VERB in capitals")


def owner_only(text: str, people: PeopleIndex) -> list[str] | None:
    """The owners of a line that holds nothing but owners ("ACTION: dkm2", "Action – JS/MC", "All"):
    it gives the task before it an owner rather than being a task itself."""
    # "jb12 (not up to date), kq3 (check dates)": notes on each owner are left out
    bare = re.sub(r"\s*\([^()]{0,60}\)", "", text.strip()).strip()
    bare = re.sub(r"^(?:ACTION|Action|Actions?)\s*[:\-–—]?\s*", "", bare).strip(" .()")
    if not bare or len(bare) > 60:
        return None
    parts = [p for p in re.split(r"\s*(?:[/,&+]|\band\b)\s*", bare) if p]
    if parts and all(owner_part(p, people) or re.fullmatch(r"[A-Za-z]{1,4}\d{1,3}|[A-Z]{2,5}|[Aa]ll", p) for p in parts):
        return parts
    return None
