"""Motions and votes: what became of a motion (``outcome``) and how it was voted (``votes``).

Read from a decision's own text and, when that says nothing, from the paragraph around it. Every
fact is read, never inferred: a count of 5-0 without an outcome word leaves ``outcome`` null, a
"unanimous" vote without numbers leaves the counts null.

The phrasings are UK, US and Canadian:

- mover and seconder: "Proposed Cllr Hale, seconded Cllr Ward", "Motion by Trustee Okafor,
  seconded by Trustee Lind", "MOVED: Patel SECONDED: Moreau", "MOVED/SECONDED: Patel/Moreau",
  "M/S/C Patel/Moreau", "on the proposal of Councillor Reyes", "Director Quist seconded the motion";
- counts: "Yes – 5, No – 0", "For: 6 Against: 1 Abstentions: 2", "carried 5-0", "by 7 votes to 2",
  "four were in favour", "none opposed", "(Y-5)";
- roll calls and named votes: "Trustee Fischer, yay", "Trustee Elton – yes", "Ayes: A, B; Nays: C",
  "VOTING IN FAVOUR: Cllrs A, B and C", "AB, CD, EF in favour";
- outcomes: "carried", "carried nem con", "passed without dissent", "unanimously",
  "RESULT: ADOPTED", "Amendment lost", "fell for want of a seconder", "withdrawn", "deferred",
  "noted".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..casefold import lower_is_case_blind
from ..model import NamedVotes, Outcome, Votes
from .motion_words import (
    ABSTAINED,
    AGAINST,
    AYES,
    DEFERRED,
    MOTION_LOST,
    MOTION_OUTCOMES,
    NAYS,
    words,
)


def _starts(letters: str) -> str:
    """A lookahead for the characters a pattern's matches start with, put before the pattern
    (under its flags): where the next character is none of them the engine fails at one class
    test instead of trying each alternative. The matches are the same."""
    return "(?=[" + letters + "])"


# --- names -------------------------------------------------------------------------------------

_TITLE = (
    r"(?:Cllrs?|Councill?ors?|Council\s+Members?|Councilmembers?|Commissioners?|Trustees?|Directors?|"
    r"Deputy\s+Mayor|Mayor|Alderm[ae]n|Alderwom[ae]n|Alderpersons?|Supervisors?|Selectm[ae]n|"
    r"Board\s+Members?|Members?|Governors?|Vice[- ]Chair(?:man|woman|person)?|Chair(?:man|woman|person)?|"
    r"Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Rev|Sir|Dame)\.?"
)
# Capitalised words that are not names, though they may stand where a name would.
_STOP = (
    r"(?i:seconded|second|seconder|carried|motion|moved|mover|proposed|proposer|proposal|that|the|this|it|"
    r"yes|no|noes|ayes?|nays?|yeas?|yays?|abstain\w*|against|for|voting|votes?|voted|result|outcome|passed|"
    r"lost|defeated|unanimous\w*|all|and|none|nil|resolved|agreed|approved|adopted|withdrawn|deferred|"
    r"noted|in|favou?r|opposed|amendment|quorum|minutes?|item|note|answer|response|decision|action|status|"
    r"consensus|objections?|present|absent|roll|call|question|on|by|with|to|of|at)\b"
)
# A title alone is no name ("seconded by Councillor" where the name was cut off); a role may be
# ("Moved by Chairman").
_BARE_TITLE = (
    r"(?:Cllrs?|Councill?ors?|Councilmembers?|Commissioners?|Trustees?|Directors?|Members?|Mrs|Mr|Ms|Miss|Mx|Dr|Prof|"
    r"Rev|Sir|Dame|Alderm[ae]n|Alderwom[ae]n|Supervisors?|Selectm[ae]n|Governors?)\.?(?![\w'’\-])"
)
# Each starts with (?=[A-Z]), which changes nothing it matches (a title or a word starts with a
# capital) but leaves a position where no name can start before the title and stop-word
# alternations are tried: patterns led by a name are tried at every position of the text.
_WORD = r"(?=[A-Z])(?!" + _STOP + r")(?!" + _BARE_TITLE + r")[A-Z][\w'’.\-]*"
NAME = r"(?=[A-Z])(?:" + _TITLE + r"\s+)?" + _WORD + r"(?:\s+" + _WORD + r"){0,3}(?:\s*\([A-Z]{1,3}\))?"
_LIST = NAME + r"(?:\s*(?:,|;|&|\band\b)\s*" + NAME + r")*"
_PLURAL_TITLE = re.compile(
    r"^(?:Cllrs|Councill?ors|Council\s+Members|Councilmembers|Commissioners|Trustees|Directors|Members|Board\s+Members)\.?\s+"
)


def _name(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".,;")


def split_names(text: str) -> tuple[str, ...]:
    """"Cllrs Hale, Ward and Osei" -> ("Hale", "Ward", "Osei"): a plural title is dropped."""
    text = _PLURAL_TITLE.sub("", text.strip())
    parts = re.split(r"\s*(?:,|;|&|\band\b)\s*", text)
    return tuple(n for n in (_name(p) for p in parts) if n)


# --- mover and seconder ------------------------------------------------------------------------

_MOVER_PATTERNS = (
    # "MOVED/SECONDED: Patel/Moreau", "M/S/C Patel/Moreau"
    re.compile(r"(?i:" + _starts("m") + r"(?:\bmoved\s*/\s*seconded|\bM/S(?:/C)?))\b\s*[:\-–—]?\s*(?P<mover>" + NAME + r")\s*/\s*(?P<seconder>" + NAME + r")"),
    # "Moved by Trustee Okafor", "MOVED: Patel", "Motion by X", "Mover: X", "on the proposal of X"
    re.compile(
        r"(?i:" + _starts("pmo") + r"\b(?:(?:proposed|moved|motion(?:\s+made)?)\s+by|(?:proposed|moved|mover|proposer)\s*[:\-–—]|"
        r"on\s+(?:a\s+)?motion\s+(?:of|by)|on\s+the\s+proposal\s+of))\s*(?P<mover>" + NAME + r")"
    ),
    # "Proposed Cllr Hale, seconded ...": a bare "Proposed X" only where a seconder or a comma follows
    re.compile(r"(?i:" + _starts("pm") + r"\b(?:proposed|moved))\s+(?P<mover>" + NAME + r")(?=\s*(?:[,;]|(?i:and\s+)?(?i:seconded)\b))"),
    # "(Andy, seconded by Brian)"
    re.compile(r"\((?P<mover>" + NAME + r"),\s*(?i:seconded)\b"),
    # "Councillor Reyes moved that ...", "Trustee Lind proposed the motion"
    re.compile(
        r"(?P<mover>" + NAME + r")\s+(?i:moved|proposed)\s+(?=(?i:that\b|the\s+(?:motion|resolution|recommendations?|amendment)|"
        r"(?:its\s+)?(?:approval|adoption|acceptance)|to\s+(?:approve|adopt|accept|receive|note|ratify|defer|authori[sz]e)))"
    ),
)
_SECONDER_PATTERNS = (
    re.compile(r"(?i:" + _starts("s") + r"(?:\bseconded(?:\s+by)?|\bseconder|\bsecond(?:ed)?\s+by))\s*[:\-–—]?\s*(?P<seconder>" + NAME + r")"),
    re.compile(r"(?P<seconder>" + NAME + r")\s+(?i:seconded)\b(?!\s+by)"),
)


# Word pre-checks (lower case): the name patterns are tried only where one of their words occurs.
_MOVER_WORDS = ("propos", "moved", "mover", "motion", "seconded", "m/s")
_SECONDER_WORDS = ("second", "m/s")
_ROLL_HINT = re.compile(r"[,:\-–—]\s*(?:yay|yea|yes|aye|nay|no|abst)")  # run on the lower-cased text
_LIST_HINTS = r"favo|against|opposed|abst|\b(?:ayes?|yeas?|nays?|noes)\b|\bfor\s*[:(\-–—]|\bvot\w*\s+for\b"  # lower case
# (led by the class of the hints' first letters, each tried behind it: a scan instead of every position)
_LIST_HINT = re.compile(r"[faoynv](?<=(?=" + _LIST_HINTS + r").)")


def _has(text: str, words: tuple[str, ...]) -> bool:
    return any(map(text.lower().__contains__, words))


def find_mover(text: str) -> str | None:
    """Who moved or proposed the motion, as written."""
    if not _has(text, _MOVER_WORDS):
        return None
    for pattern in _MOVER_PATTERNS:
        m = pattern.search(text)
        if m:
            return _name(m.group("mover"))
    return None


def find_seconder(text: str) -> str | None:
    """Who seconded it, as written."""
    if not _has(text, _SECONDER_WORDS):
        return None
    m = _MOVER_PATTERNS[0].search(text)
    if m:
        return _name(m.group("seconder"))
    for pattern in _SECONDER_PATTERNS:
        m = pattern.search(text)
        if m:
            return _name(m.group("seconder"))
    return None


def _count_seconders(text: str) -> int:
    if not _has(text, _SECONDER_WORDS):
        return 0
    return len(_SECONDER_PATTERNS[0].findall(text)) + len(_MOVER_PATTERNS[0].findall(text))


# --- counts ------------------------------------------------------------------------------------

_NUMBER_WORDS = {
    "no": 0, "none": 0, "nil": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
_NUM = r"(?:\d{1,3}(?!\d)(?![:/.,]\d)|" + "|".join(w for w in _NUMBER_WORDS if w != "no") + r")"
_NUM_STARTS = r"\d" + "".join(sorted({w[0] for w in _NUMBER_WORDS}))  # (with the n of "no")
_FOR = "for"
_AGAINST = "against"
_ABSTAIN = "abstain"


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


_AGAINST_LABEL = re.compile(r"\b" + words(("no",), NAYS, AGAINST) + r"\b")


def _side(label: str) -> str:
    """"Ayes", "voting in favour", "for" -> for; "Nays", "against", "opposed" -> against; ..."""
    label = label.lower()
    if "abst" in label:
        return _ABSTAIN
    if _AGAINST_LABEL.search(label):
        return _AGAINST
    return _FOR


# "Yes – 5", "Ayes 6", "For: 6", "Against: 1", "Abstentions: 2". "for", "no", "against" and
# "opposed" need a colon or dash before the number ("for 5 years" is not a vote).
_LABEL_FIRST = re.compile(
    r"(?i)" + _starts("yanifo") + r"\b(?:(?P<loose>" + words(("yes", "yay", "yays"), AYES, NAYS, ("in favour", "in favor"), ABSTAINED) + r")\s*[:=\-–—]?"
    r"|(?P<strict>for|no|against|opposed)\s*[:=\-–—])\s*(?P<n>" + _NUM + r")\b(?!\s*(?:years?|months?|days?|weeks?|%|per\b|[ap]\.?m\b))"
)
# "4 in favour", "four were in favour", "2 votes against", "none opposed", "no abstentions".
_NUMBER_FIRST = re.compile(
    r"(?i)" + _starts(_NUM_STARTS) + r"\b(?P<n>" + _NUM + r"|no)\s+(?:(?:members?|councill?ors?|trustees?|directors?|votes?|were|was|voted|voting)\s+){0,2}"
    r"(?P<label>in\s+favou?r|against|opposed|abstentions?|abstained|abstaining|for(?=\s*(?:[,;.)]|and\b|$)))"
    r"\b(?!\s*[:=\-–—]?\s*\d)"  # "For: 6 Against: 1": the 6 belongs to "For"
)
# "carried 5-0", "passed 7–2–1", "Motion carried (6-1)", "by a vote of 5 to 2". Not every outcome
# word takes a score: after "fell" and "agreed" two numbers are amounts or years ("income fell from
# 12 to 10", "insurance agreed for 12-13"), and "ratified" is not seen with one.
_SCORED = (*(w for w in MOTION_OUTCOMES if w != "fell"), "adopted", "approved", "vote", "votes", "voted", "voting")
_SCORE = re.compile(
    r"(?i)" + _starts("".join(sorted({w[0] for w in _SCORED}))) + r"\b(?P<word>" + words(_SCORED) + r")\b[^.\d\n]{0,25}?"
    r"\(?(?<![\d/.])(?P<a>\d{1,2})\s*(?:[-–—]|to)\s*(?P<b>\d{1,2})(?:\s*(?:[-–—]|to)\s*(?P<c>\d{1,2}))?"
    r"(?![\d/.\-]*\d)(?!\s*(?:[ap]\.?m\b|%|years?|months?|days?|weeks?))"
)
# A named vote's headings: "For (9)", "Against (30)", "Abstain (3)"
_LABEL_PAREN = re.compile(_starts("FAN") + r"(?:^|(?<=\s))(?P<label>For|Against|Abstain|Abstentions?|Ayes|Noes)\s*\((?P<n>\d{1,3})\)")
# "by 7 votes to 2"
_VOTES_TO = re.compile(r"(?i)" + _starts("b") + r"\bby\s+(?P<a>" + _NUM + r")\s+votes?\s+to\s+(?P<b>" + _NUM + r")\b")
# Tallies written as letters and counts: "(Y-5)", "Y-4 N-1"
_YN = re.compile(_starts("Y") + r"\bY-(?P<a>\d{1,2})\b(?:\s*,?\s*N-(?P<b>\d{1,2})\b)?")


# Words one of which every count pattern needs (lower case): a cheap test before the patterns.
_COUNT_WORDS = (
    "favo", "against", "oppos", "abst", "yes", "aye", "yea ", "yeas", "yay", "nay", "noes", "for:", "for (", "for -", "for –", "for —",
    "vote", "voting", "y-", *_SCORED,
)  # fmt: skip


def find_counts(text: str) -> tuple[int | None, int | None, int | None]:
    """(for, against, abstain) as the text states them; None for what it does not state."""
    if not _has(text, _COUNT_WORDS):
        return None, None, None
    found: dict[str, tuple[int, int]] = {}  # side -> (position, count)

    def put(side: str, position: int, count: int) -> None:
        if side not in found or position < found[side][0]:
            found[side] = (position, count)

    for m in _LABEL_FIRST.finditer(text):
        put(_side(m.group("loose") or m.group("strict")), m.start(), _number(m.group("n")))
    for m in _NUMBER_FIRST.finditer(text):
        put(_side(m.group("label")), m.start(), _number(m.group("n")))
    for m in _SCORE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if m.group("word").lower() in MOTION_LOST and a > b:
            continue  # "defeated 5-2": which side is which is not said
        put(_FOR, m.start("a"), a)
        put(_AGAINST, m.start("b"), b)
        if m.group("c"):
            put(_ABSTAIN, m.start("c"), int(m.group("c")))
    for m in _LABEL_PAREN.finditer(text):
        put(_side(m.group("label")), m.start(), int(m.group("n")))
    for m in _VOTES_TO.finditer(text):
        put(_FOR, m.start("a"), _number(m.group("a")))
        put(_AGAINST, m.start("b"), _number(m.group("b")))
    for m in _YN.finditer(text):
        put(_FOR, m.start("a"), int(m.group("a")))
        if m.group("b"):
            put(_AGAINST, m.start("b"), int(m.group("b")))

    def get(side: str) -> int | None:
        return found[side][1] if side in found else None

    return get(_FOR), get(_AGAINST), get(_ABSTAIN)


# --- named votes -------------------------------------------------------------------------------

# "Trustee Fischer, yay", "Trustee Elton – yes", "Hale: aye", "Ward - abstain"
_ROLL_CALL = re.compile(
    r"(?P<name>" + NAME + r")\s*[,:\-–—]\s*(?P<vote>(?i:yay|yea|yes|aye|nay|no|abstain(?:ed|s)?|abstention))\b(?!\s*[:=\-–—]?\s*\d)"
)
# "Ayes: Hale, Ward", "For: Hale", "Against – Osei", "Abstaining: Lind", "VOTING IN FAVOUR: Cllrs A, B and C"
_NAMED_LIST = re.compile(
    r"(?i:" + _starts("tvaifyno") + r"\b(?P<label>(?:those\s+)?voting\s+(?:in\s+favou?r|for|against)|(?:those\s+)?abstaining|votes?\s+(?:in\s+favou?r|for|against)|"
    r"in\s+favou?r|for|ayes?|yeas?|nays?|noes|against|opposed|abstentions?|abstained))(?:\s*:|\s+[\-–—])\s*(?P<names>" + _LIST + r")"
)
# "VOTING IN FAVOUR Cllrs A, B and C", without a colon: only before a plural title
_VOTING_LIST = re.compile(
    r"(?i:" + _starts("va") + r"\b(?P<label>voting\s+(?:in\s+favou?r|for|against)|abstaining))\s+"
    r"(?P<names>(?:Cllrs|Councill?ors|Trustees|Commissioners|Directors|Members)\.?\s+" + _LIST + r")"
)
# "AB, CD and EF in favour", "14 in favor (Hale, Ward, ...)"
_AFTER_LIST = r"(?i:in\s+favou?r|against|opposed|abstained|abstaining)"
_LIST_BEFORE = re.compile(
    r"(?P<names>" + NAME + r"(?:\s*(?:,|&|\band\b)\s*" + NAME + r")+)\s+(?:(?:were|was|voted|voting)\s+)?"
    r"(?P<label>" + _AFTER_LIST + r")\b"
)
# Every match of _LIST_BEFORE ends with its label: past the last label none can start. A roll of
# names after the last label (a list under "Against (41)") would be tried from each of its names,
# each try running to the list's end: quadratic in the names, 15 ms for one council's vote.
_LAST_LABEL = re.compile(r"[\s\S]*" + _AFTER_LIST + r"\b")
_COUNT_THEN_NAMES = re.compile(
    r"(?i:" + _starts(_NUM_STARTS) + r"\b" + _NUM + r"\s+(?:votes?\s+)?(?P<label>in\s+favou?r|for|against|opposed|abstentions?|abstained))\s*\((?P<names>" + _LIST + r")\)"
)


def _roll_side(vote: str) -> str:
    vote = vote.lower()
    if vote.startswith("abst"):
        return _ABSTAIN
    return _AGAINST if vote in ("no", *NAYS) else _FOR


def find_named_votes(text: str) -> NamedVotes | None:
    """Who voted which way, from roll calls ("Trustee Fischer, yay") or labelled lists."""
    sides: dict[str, list[str]] = {_FOR: [], _AGAINST: [], _ABSTAIN: []}

    def add(side: str, names: tuple[str, ...]) -> None:
        for name in names:
            if name not in sides[side]:
                sides[side].append(name)

    low = text.lower()
    roll = [(m.group("name"), m.group("vote")) for m in _ROLL_CALL.finditer(text)] if _ROLL_HINT.search(low) else []
    if len(roll) >= 2:  # one "Name: yes" alone is as likely a question answered
        for name, vote in roll:
            add(_roll_side(vote), (_name(name),))
    for pattern in (_NAMED_LIST, _VOTING_LIST, _LIST_BEFORE, _COUNT_THEN_NAMES) if _LIST_HINT.search(low) else ():
        end = len(text)
        if pattern is _LIST_BEFORE:
            last = _LAST_LABEL.match(text)
            end = last.end() + 1 if last else 0  # one character more: the label's \b looks at it
        for m in pattern.finditer(text, 0, end):
            add(_side(m.group("label")), split_names(m.group("names")))
    if not any(sides.values()):
        return None
    if len({n for names in sides.values() for n in names}) < sum(len(names) for names in sides.values()):
        return None  # someone on two sides: these are several votes, not one

    return NamedVotes(tuple(sides[_FOR]), tuple(sides[_AGAINST]), tuple(sides[_ABSTAIN]))


def final_vote_start(text: str) -> int:
    """Where the vote on the final outcome begins: after an amendment lost and before the motion
    carried, the counts of the amendment are not the motion's. 0 when the text holds one outcome."""
    moved = [f for f in find_outcomes(text) if f[1] is not Outcome.NOTED]
    if len({f[1] for f in moved}) < 2:
        return 0
    last = moved[-1]
    previous = max((f for f in moved if f[1] is not last[1] and f[0] < last[0]), key=lambda f: f[0], default=None)
    if previous is None:
        return 0
    boundary = [m.end() for m in re.finditer(r"[.;]\s", text[: last[0]]) if m.start() >= previous[0]]
    return boundary[-1] if boundary else 0


# Longer than this, a text is a transcript or a run of items, not one motion: votes are not read.
MAX_VOTE_TEXT = 3000


@lru_cache(maxsize=64)  # the paragraph around several decisions is read once
def find_votes(text: str) -> Votes | None:
    """Everything the text states about a vote, or None when it states nothing. Counts and named
    votes are read from the final motion's part of the text (see :func:`final_vote_start`)."""
    if len(text) > MAX_VOTE_TEXT:
        return None
    mover, seconder = find_mover(text), find_seconder(text)
    tail = text[final_vote_start(text) :]
    in_favour, against, abstain = find_counts(tail)
    named = find_named_votes(tail)
    if named is not None:  # counted from the roll call where no number is stated
        in_favour = in_favour if in_favour is not None or not named.in_favour else len(named.in_favour)
        against = against if against is not None or not named.against else len(named.against)
        abstain = abstain if abstain is not None or not named.abstain else len(named.abstain)
    if in_favour is None and against is None and abstain is None and named is None and mover is None and seconder is None:
        return None  # nothing stated (most texts): no record made to compare with Votes()
    return Votes(in_favour, against, abstain, named, mover, seconder)


# --- outcome -----------------------------------------------------------------------------------

_SUBJECT = r"(?:motion|amendment|resolution|proposal|recommendations?|substantive\s+motion|it|vote)"
# Per rule, words one of which its pattern needs (lower case): the pattern runs only where one occurs.
_OUTCOME_WORDS = {
    "lost": ("lost", "defeat", "fell", "fail", "reject", "not "),
    "withdrawn": ("withdr",),
    "deferred": ("defer", "postpon", "held", "carried", "adjourn", "table"),
    "carried": ("carried", "nem", "dissent", "passed", "adopted", "approved", "favo", "unanim", "m/s/c"),
    "noted": ("note", "information"),
}
# The verbs after a subject are narrower than motion_words' groups on purpose: the subject may be
# "it", and "it fails to meet the criteria", "it was agreed to write" are prose, not a vote's outcome.
# A motion put off in the words of US boards too: "tabled until May", "laid on the table".
_PUT_OFF = ("defer", "deferral", "postpone", "postpones", "carried over", "adjourned to", "adjourned until", "tabled until", "tabled to", "laid on the table")
_OUTCOME_RULES: tuple[tuple[str, Outcome, re.Pattern[str]], ...] = (
    ("lost", Outcome.LOST, re.compile(
        r"(?i)" + _starts("mariopsv.;:,ldfnw") + r"(?:\b" + _SUBJECT + r"\s+(?:was\s+|were\s+|therefore\s+|duly\s+|then\s+|subsequently\s+)*(?:lost|defeated|fell|failed|rejected)\b"
        r"|\b(?:result|outcome)\s*[:\-–—]\s*(?:lost|defeated|failed|rejected)\b|(?:^|[.;:,]\s*)(?:lost|defeated)\b(?=\s*(?:[.;,(]|\d|by\b|on\b|$))"
        r"|\bfell\s+for\s+(?:want|lack)\s+of\s+a\s+second(?:er)?\b|\bnot\s+(?:carried|passed|adopted)\b"
        r"|\bwas\s+not\s+seconded\b|\b(?-i:LOST|DEFEATED|FAILED)\b)")),
    ("withdrawn", Outcome.WITHDRAWN, re.compile(r"(?i)" + _starts("w") + r"\b(?:withdrawn|withdrew)\b(?!\s+from\b)")),
    ("deferred", Outcome.DEFERRED, re.compile(
        r"(?i)" + _starts("".join(sorted({w[0] for w in (*DEFERRED, *_PUT_OFF)}))) + r"\b" + words(DEFERRED, _PUT_OFF) + r"\b")),
    ("carried", Outcome.CARRIED, re.compile(
        r"(?i)" + _starts("cnwmarpsivou") + r"(?:(?<!not\s)\bcarried\b(?!\s+(?:forward|over|out|on)\b)|\bnem\.?\s*con\.?|\bwithout\s+dissent\b"
        r"|\b" + _SUBJECT + r"\s+(?:was\s+|therefore\s+|duly\s+|then\s+)*(?:unanimously\s+)?(?:passed|adopted|approved)\b"
        r"|(?<!not\s)\bpassed\s+(?:unanimously|without|by\b|with\b|\d|\()|\b(?:result|outcome)\s*[:\-–—]\s*(?:adopted|carried|passed|approved)\b"
        r"|\ball\s+(?:were\s+|members\s+|councill?ors\s+|trustees\s+|directors\s+)?in\s+favou?r\b|(?<!not\s)\bunanimous(?:ly)?\b"
        r"|\b(?-i:ADOPTED|PASSED|CARRIED)\b|\bM/S/C\b)")),
    ("noted", Outcome.NOTED, re.compile(r"(?i)" + _starts("nf") + r"\b(?:noted|note[ds]?\s+the|for\s+(?:information|noting))\b")),
)
# With a mover, a seconder or counts on record, these words say the motion carried ("the minutes
# were approved", "RESOLVED that ..."); "moved that the policy be adopted" is the motion itself.
_ASSENT = re.compile(
    r"(?i)\b(?:was|were|been)\s+(?:duly\s+|unanimously\s+|formally\s+)?(?:agreed|approved|adopted|accepted|ratified|resolved)\b"
    r"|(?:^|[.;:]\s*)(?:agreed|approved|resolved|accepted|adopted)\b|\bso\s+ordered\b"
)


@lru_cache(maxsize=64)
def find_outcomes(text: str) -> tuple[tuple[int, Outcome, str], ...]:
    """Every outcome the text states, as (position, outcome, rule name), in order."""
    low = text.lower()
    found = [
        (m.start(), outcome, name)
        for name, outcome, pattern in _OUTCOME_RULES
        if any(map(low.__contains__, _OUTCOME_WORDS[name]))
        for m in pattern.finditer(text)
    ]
    return tuple(sorted(found, key=lambda f: f[0]))


def find_outcome(text: str, votes: Votes | None = None) -> tuple[Outcome, str] | None:
    """The outcome the text states: the last motion outcome (an amendment lost, then the motion
    carried, is carried), else "noted"; with a vote on record, "agreed" / "approved" is carried."""
    found = find_outcomes(text)
    moved = [f for f in found if f[1] is not Outcome.NOTED]
    if moved:
        return moved[-1][1], moved[-1][2]
    if votes is not None and (votes.mover or votes.seconder or votes.in_favour is not None) and _ASSENT.search(text):
        return Outcome.CARRIED, "assent with a vote"
    if found:
        return found[-1][1], found[-1][2]
    return None


# --- the decision ------------------------------------------------------------------------------


def _outcome_sentences(text: str) -> int:
    """How many sentences of ``text`` state a motion's outcome ("carried nem con" is one)."""
    sentences = {len(re.findall(r"[.;]\s", text[: f[0]])) for f in find_outcomes(text) if f[1] is not Outcome.NOTED}
    return len(sentences)


@dataclass(frozen=True)
class Motion:
    outcome: Outcome | None
    votes: Votes | None
    cues: tuple[str, ...] = ()


def read_motion(text: str, context: str = "") -> Motion:
    """Outcome and votes of a decision: from its ``text``; what that does not state, from the
    ``context`` (the paragraph around it) when the context holds only one motion."""
    votes = find_votes(text)
    if len(context) > MAX_VOTE_TEXT:
        context = ""
    if votes is None and context and context != text and _count_seconders(context) <= 1:
        votes = find_votes(context)
    outcome = find_outcome(text)
    if outcome is None and context and context != text:
        if _outcome_sentences(context) <= 1:  # the paragraph closes one motion only
            outcome = find_outcome(context)
    if outcome is None:  # "RESOLVED that ..." with a mover and seconder on record
        outcome = find_outcome(text, votes)
    cues = ((f"outcome:{outcome[1]}",) if outcome else ()) + (("votes",) if votes else ())
    return Motion(outcome[0] if outcome else None, votes, cues)


# --- the decision's words without the voters --------------------------------------------------

# "I will move at the next meeting of the Council that ...": a notice of motion, which names its mover.
_NOTICE_PREAMBLE = r"^\W{0,3}(?:I|We)\s+(?:will|shall)\s+move\s+at\s+the\s+next\s+(?:[\w\-]+\s+){0,3}?[Mm]eeting(?:\s+of\s+[^,.;]{3,80}?)?\s+(?=that\b)"
_NOTICE = re.compile(_NOTICE_PREAMBLE)
# OUTPUT.md: mover, seconder and roll-call names go in ``votes``, not in the decision's text.
_NAMES = NAME + r"(?:\s*[,;&]?\s*(?:and\s+)?" + NAME + r")*"
# Each edit with the words (lower case) it needs, one of each group: an edit runs only where they occur.
_VOTER_EDITS: tuple[tuple[re.Pattern[str], str, tuple[tuple[str, ...], ...]], ...] = (
    # "On the proposal of Councillor Ryan, seconded by Councillor Ward, the report was adopted"
    (re.compile(r"(?i:\bon\s+the\s+proposal\s+of)\s+" + NAME + r",?\s+(?i:(?:and\s+)?seconded\s+by)\s+" + NAME + r",?\s*"), "",
     (("proposal",), ("seconded",))),
    # "... to pay up to $2,500 (made) by Trustee Elton, seconded by Trustee Hodge": the attribution after the motion's words
    (re.compile(_starts(r"\s") + r"(?<!\bmoved)(?<!\bproposed)(?:\s+was)?(?:\s+made)?\s+(?i:by)\s+" + NAME + r",?\s+(?i:and\s+)?(?i:seconded\s+by)\s+" + NAME), "",
     (("by",), ("seconded",))),
    # "Moved by Cllr Hale to adopt", "proposed by Trustee Okafor and seconded by Trustee Lind" ("Mo by ..." from a clipped PDF line)
    (re.compile(r"(?i:" + _starts("mps") + r")(?P<verb>\b(?i:moved|proposed|seconded|made|motion|mo(?:ve?|t(?:io?)?)?))\s+(?i:by)\s+" + NAME), r"\g<verb>",
     (("mo", "proposed", "seconded", "made"), ("by",))),
    # "The notes were proposed as an accurate record by Cllr Hale and Cllr Ward", "moved as correct by ..."
    (re.compile(r"(?P<verb>\b(?i:moved|proposed|seconded)\s+(?i:as\s+(?:an?\s+)?(?:true|correct|accurate)(?:\s+record)?))\s+(?i:by)\s+" + _NAMES), r"\g<verb>",
     (("moved", "proposed", "seconded"), ("by",))),
    # "Moved Hale to adopt" (the "by" left out)
    (re.compile(r"(?P<verb>\b(?i:moved|proposed))\s+" + NAME + r"(?=\s+(?:to|that)\b)"), r"\g<verb>", (("moved", "proposed"),)),
    # "Director Lind seconded the motion.": a sentence naming the seconder only
    (re.compile(r"(?:^|(?<=[.;]\s))" + NAME + r"\s+seconded\s+the\s+motion\.?\s*"), "", (("seconded",),)),
    # "Director Ames made the motion to approve ..." -> "Motion to approve ..."
    (re.compile(r"^" + NAME + r"\s+(?:made|makes)\s+(?:a|the)\s+motion\s+to\b"), "Motion to", (("motion",),)),
    # A notice of motion names its mover too: "I will move at the next meeting of the Council that X" -> "That X"
    (re.compile(_NOTICE_PREAMBLE + r"that\s+"), "That ", (("move",),)),
    # "passed with 15 in favor (Ames, Boyd, ... and Cato) and 0 against": the roll call's names
    (re.compile(r"(?<=\w)(?P<verb>\s+(?i:in\s+favou?r|against|opposed|abstaining|abstained))\s*\(" + _NAMES + r"\)"), r"\g<verb>",
     (("(",), ("favo", "against", "opposed", "abstain"))),
)
_VOTER_TEXT_WORDS = ("by", "second", "moved", "proposed", "motion", "favo", "against", "oppos", "abst", "move ")
_KEEP_VERB = r"\g<verb>"  # the one replacement that is not literal text: the verb the edit matched


def _edit(replacement: str) -> Callable[[re.Match[str]], str]:
    """The replacement, keeping a full stop that a name swallowed ("by Trustee Hodge. All ...")."""

    def apply(m: re.Match[str]) -> str:
        kept = m.group("verb") if replacement == _KEEP_VERB else replacement
        return kept + "." if m.group(0).endswith(".") and not kept.endswith(".") else kept

    return apply


_VOTER_EDITORS = tuple((pattern, _edit(replacement), needs) for pattern, replacement, needs in _VOTER_EDITS)


def without_voters(text: str) -> str:
    """The decision's words without who moved, seconded or voted: "Moved by Cllr Hale to adopt.
    Carried." -> "Moved to adopt. Carried." (the names are read into ``votes``)."""
    if not _has(text, _VOTER_TEXT_WORDS) or len(text) > MAX_VOTE_TEXT:
        return text
    out, low = text, text.lower()
    # (in a text where a word test on lower() may miss a word an edit needs, every edit runs)
    every = not lower_is_case_blind(text)
    for pattern, apply, needs in _VOTER_EDITORS:
        if every or all(any(word in low for word in group) for group in needs):
            edited = pattern.sub(apply, out)
            if edited != out:
                out, low = edited, edited.lower()
    if out == text:
        return text
    out = re.sub(r"\s+([,;.])", r"\1", out)
    out = re.sub(r",\s*,", ",", out)
    out = re.sub(r"\s{2,}", " ", out).strip()
    return out[:1].upper() + out[1:] if text[:1].isupper() else out


# Words of a motion that point at nothing of their own: "to adopt", "to receive and file", "to
# approve as presented", "to accept the recommendation".
_GENERIC_WORD = (
    r"(?i:adopt|approve|accept|receive|file|deny|defer|table|refer|ratify|confirm|endorse|agree|grant|pass|support|concur|"
    r"reject|and|the|same|as|presented|amended|recommended|submitted|read|written|printed|circulated|it|item|"
    r"recommendations?|resolution|report|request)"
)
_MOTION_OPENER = r"(?i:moved|motion(?:\s+(?:was\s+)?made)?|it\s+was\s+moved|a\s+motion\s+was\s+made)"
_OPENS_MOTION = re.compile(r"^\W{0,3}(?:\([^()]{0,60}\)[.\s]*)*" + _MOTION_OPENER + r"\b")


def opens_motion(text: str) -> bool:
    """"Moved to ...", "(Ref. 98-12) Moved by ...", "A motion was made to ...": the text starts with the motion."""
    return _OPENS_MOTION.match(text) is not None


def notice_preamble(text: str) -> int:
    """How long the preamble of a notice of motion is ("I will move at the next Meeting of the
    District that ..." up to "that"): its motion, not a task for "the next meeting", follows. 0 when none."""
    m = _NOTICE.match(text)
    return m.end() if m else 0


# A motion that does not say what it is about: "Moved to adopt.", "Motion to approve as
# presented. Carried.", "Moved that this ordinance be considered ...": its subject is the item's
# title or the words printed before it ("Road closure for the spring fair. Moved to adopt.").
_BARE_MOTION = re.compile(
    r"^\W{0,3}(?:\([^()]{0,60}\)[.\s]*)*" + _MOTION_OPENER + r"\s+"
    # what it moves, in a few words that name no subject, before the sentence or the outcome ends it
    r"(?:(?:to|and)\s+(?:" + _GENERIC_WORD + r",?\s+){0,3}?" + _GENERIC_WORD + r",?(?:[.;]|$|\s+(?=(?i:motion|carried|passed|approved|lost|failed)\b))"
    # or pointing back at the item: "that this ordinance ...", "to adopt the above"
    r"|that\s+(?:this|the\s+(?:above|said|same))\s|to\s+\w+\s+(?:and\s+)?(?:this|the\s+(?:above|same|said))\b)"
)


def bare_motion(text: str) -> bool:
    """"Moved to adopt. Motion carried 6-1." names no subject of its own."""
    return _BARE_MOTION.match(text) is not None


# --- a motion and its vote paragraphs apart ----------------------------------------------------

# "Mr Hale proposed, and Ms Ward seconded the following amendment:", "The following motion was moved:"
_MOTION_STEM = re.compile(
    r"\b(?:proposed|moved)\b[^:]{0,120}?\bthe\s+following\s+(?:amendment|motion)\s*:\s*$|\bthe\s+following\s+(?:amendment|motion)\s+was\s+(?:proposed|moved)\b[^:]{0,80}:\s*$",
    re.I,
)
_FORM_LABEL = re.compile(r"[A-Z][\w ]{0,30}:\s*")  # "Amendment wording:", "Motion:"
# The vote's last paragraph: "... Mr Abel, Ms Nye Amendment lost.", "Abstain (0) Motion carried."
_CLOSING_OUTCOME = re.compile(r"(?:^|(?<=[\s.]))(?:The\s+)?(?:Substantive\s+)?(?:Amendment|Motion)\s+(?:was\s+)?(?:lost|carried|agreed|defeated|fell)\.?\s*$", re.I)
_VOTE_RECORD_MAX = 20  # paragraphs between the motion and its outcome


# A motion put in words of its own may go on into the reasons for it; the decision is what it asks
# for. Measured on the 89 documents: three amendments of 118-166 words are cut to their first
# sentence (25-44 words), and motions of up to 60 words stay whole, a 58-word one whose first
# sentence ends at word 41 included. Any limit from 58 to 117 words and any first-sentence minimum
# up to 25 words gives the same output; 60 and 15 sit inside those ranges, and the minimum skips a
# short opening sentence ("This is an amendment to the budget.") to reach the one that asks.
_LONG_MOTION = 60  # words: a motion longer than this goes on into its reasons
_LEAD_MIN = 15  # words: the first sentence at least this long is what the motion asks for


def _lead(words: str) -> str:
    """A long motion's words up to the end of its first sentence of some length: what it asks
    for, not the reasons that follow ("... to the library repairs fund. Since the budget was set, we have learned ...")."""
    if len(words.split()) <= _LONG_MOTION:
        return words
    for m in re.finditer(r"[.;]\s+(?=[A-Z])", words):
        if len(words[: m.start()].split()) >= _LEAD_MIN:
            return words[: m.start() + 1]
    return words


@dataclass(frozen=True)
class ClosedMotion:
    """A motion on record that its vote has closed."""

    text: str  # the motion's words with the outcome
    vote: str  # the vote's paragraphs, where the counts are read
    paragraph: int  # the item's paragraph holding the motion's words
    length: int  # that paragraph's length: the decision's span


class MotionRecord:
    """A motion put in words of its own paragraph after "X proposed, and Y seconded the following
    amendment:", whose outcome ends a named vote several paragraphs later ("For (9) ... Against
    (30) ... Abstain (3) Mr Abel, Ms Nye Amendment lost."): the motion's words with the outcome
    are the decision. Fed every paragraph of an item in order."""

    def __init__(self) -> None:
        self.awaiting = False
        self.words: str | None = None
        self.where = 0  # the paragraph holding the motion's words
        self.length = 0  # and its length
        self.between: list[str] = []

    def feed(self, text: str, decided: bool, index: int) -> ClosedMotion | None:
        """The closed motion when ``text``, the item's paragraph ``index``, ends the vote on the
        motion on record; ``decided``: the paragraph gave a decision of its own."""
        stripped = text.strip()
        # both forms end with a colon and say "the following"
        if stripped.endswith(":") and "follow" in stripped.lower() and _MOTION_STEM.search(stripped):
            self.awaiting, self.words, self.between = True, None, []
            return None
        if self.awaiting:
            if _FORM_LABEL.fullmatch(stripped):
                return None
            self.awaiting = False
            if stripped.endswith(":") or len(stripped.split()) < 5:
                return None  # a list of resolutions follows: its entries are the decisions
            self.words, self.where, self.length = stripped.strip("“”\""), index, len(text)
            return None
        if self.words is None:
            return None
        self.between.append(stripped)
        if len(self.between) > _VOTE_RECORD_MAX or decided:
            self.words = None  # too far, or the item decided something else meanwhile
            return None
        m = _CLOSING_OUTCOME.search(stripped)
        if m is None:
            return None
        words, self.words = _lead(self.words), None
        return ClosedMotion(f"{words} {m.group(0).strip()}", "\n".join(self.between), self.where, self.length)


__all__ = [
    "NAME",
    "ClosedMotion",
    "Motion",
    "MotionRecord",
    "bare_motion",
    "find_counts",
    "find_mover",
    "find_named_votes",
    "find_outcome",
    "find_outcomes",
    "find_seconder",
    "find_votes",
    "notice_preamble",
    "opens_motion",
    "read_motion",
    "split_names",
    "without_voters",
]
