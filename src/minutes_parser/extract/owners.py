"""Owners: who is to do an action, as written, resolved to the people the document defines.

``PeopleIndex`` holds what the document says about its people: attendees, initials defined as
"Mia Shelton (MS)", first names and surnames that point to one person only. ``owner_phrase``
decides whether the words before a commitment cue ("Officers and Lead Members", "MS", "The
Grants Committee", "Cllr Nia Thornton") name owners, and splits them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Attendee

_DEFINED_INITIALS = re.compile(
    r"\b((?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s)?[A-Z][a-z'’\-]{1,20}(?:\s[A-Z][a-z'’\-]{1,20}){1,3})\s?\(([A-Z]{2,4})\)"
)
_INITIALS_MARK = re.compile(r"\([A-Z]{2,4}\)")
_LONGEST_DEFINITION = 160  # characters: a title and four words of 21 letters fit with room to spare


def _initials_definitions(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_DEFINED_INITIALS`` in ``text``, in order, found by searching only the few
    characters before each "(XX)": the same matches as ``finditer``, without trying the name
    pattern at every position of the document (most of the index's build time on long PDFs)."""
    last_end = 0
    for mark in _INITIALS_MARK.finditer(text):
        found = _DEFINED_INITIALS.search(text, max(last_end, mark.start() - _LONGEST_DEFINITION), mark.end())
        if found is not None:
            last_end = found.end()
            yield found

# Nouns that name roles and groups: an owner phrase ends in one of these.
ROLE_NOUNS = frozenset(
    ["officer", "officers", "member", "members", "clerk", "chair", "chairman", "chairwoman", "chairperson", "chairs", "vice-chair", "vice-chairman", "secretary", "treasurer", "board", "committee", "council", "councils", "councillor", "councillors", "cllr", "trustee", "trustees", "director", "directors", "manager", "managers", "head", "lead", "leads", "leader", "leaders", "team", "teams", "group", "groups", "panel", "staff", "representative", "representatives", "rep", "reps", "everyone", "everybody", "all", "volunteers", "volunteer", "executive", "executives", "cabinet", "mayor", "warden", "wardens", "governors", "governor", "partners", "administrator", "coordinator", "co-ordinator", "convener", "convenor", "president", "vice-president", "editor", "organisers", "organizers", "organiser", "organizer", "chief", "adviser", "advisor", "advisers", "advisors", "lawyer", "solicitor", "counsel", "auditor", "accountant", "moderators", "moderator", "editors", "maintainers", "maintainer", "owners", "owner", "webmaster", "steward", "stewards", "subcommittee", "sub-committee", "working-group", "tsc", "core", "contractor", "clerks", "minute-taker", "parish", "town", "community", "foundation", "society", "association", "authority", "department", "service", "resident", "residents", "parishioner", "parishioners"]
)
_DETERMINERS = frozenset(["the", "a", "an", "our", "all", "both", "each", "every", "any", "those", "their", "his", "her", "this"])
_NOT_OWNERS = frozenset(
    [*["it", "this", "that", "there", "these", "those", "which", "what", "who", "when", "where", "if", "as", "while", "although", "though", "because", "some", "many", "most", "several", "councils", "funding", "work", "government", "report", "reports", "paper", "item", "items", "minutes", "meeting", "meetings", "document", "documents", "letter", "matter", "issue", "issues", "question", "questions", "proposal", "proposals", "discussion", "discussions", "progress", "time", "people", "residents", "nothing", "none", "one", "no", "you", "i"],
     # Months, days and sentence-opening prepositions: "In February ... would" names no owner.
     *"""january february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday today tomorrow yesterday christmas easter
    in on at by for from with after before during following since until under over""".split(),
     # Note-taking words in capitals that look like initials: "OK to close it", "TBC to ...".
     *"ok tbc tbd fyi aob nb".split(),
     # A company's legal suffix alone: "a contract with Brightwater Mentoring, Inc. to run ...".
     *"inc ltd llc plc".split(),
     # "St." before a place or a saint's name ("the St. Anne's Building ... will"): no one.
     "st",
     # First-person contractions: "I'll do two phases ... this will touch ...".
     *"i'll i’ll we'll we’ll i'm i’m we're we’re".split()]
)
_PRONOUNS = frozenset(["he", "she", "they", "we"])
NOT_OWNER_WORDS = _NOT_OWNERS  # words that never name an owner (pronouns aside), for the classifier
_TITLE = re.compile(r"(?:Cllrs?|Councillor|Mayor|Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Rev(?:d)?|PCSO|PC|Sgt|Insp|Inspector)\.?$")
_NAME_WORD = re.compile(r"(?:[A-Z][a-zà-ÿ'’\-]{1,30}|[A-Z]{2,5}|[A-Z]\.|@[\w-]{1,40}|Mc[A-Z][a-z]{1,20}|O['’][A-Z][a-z]{1,20})$")
# (led by the literal space, checked behind it, so the search skips to spaces instead of trying the
# lookbehind at every character)
_MID_SENTENCE_NAME = re.compile(r" (?<=[a-z,;\-–] )([A-Z][a-zà-ÿ'’\-]{1,30})\b")
_SPEAKER_NAME = re.compile(r"(?m)^[ \t*\-•]{0,8}([A-Z][a-zà-ÿ'’\-]{1,30})(?: [A-Z][a-zà-ÿ'’\-]{1,30})?:\s")
# The same after the text's first line, led by its newline: "^" is tried at every position, a
# literal lets the search skip to the next line. It stops before the white space that ends a
# match, so a newline there still leads the next line's match.
_LATER_SPEAKER_NAME = re.compile(r"\n[ \t*\-•]{0,8}([A-Z][a-zà-ÿ'’\-]{1,30})(?: [A-Z][a-zà-ÿ'’\-]{1,30})?:(?=\s)")


def _speaker_names(text: str) -> list[str]:
    """``_SPEAKER_NAME.findall(text)``, several times faster on a long document."""
    first = _SPEAKER_NAME.match(text)
    later: list[str] = _LATER_SPEAKER_NAME.findall(text)
    return later if first is None else [first.group(1), *later]


# Line openers shaped like a speaker that are labels: "Action: ...", "Present: ...".
_NOT_SPEAKER_WORDS = frozenset(
    """action actions agreed agenda answer apologies attendees attendance comment comments conclusion decision
    decisions discussion issue issues item items minutes next note notes present proposal question reply response
    resolved result status summary todo topic update updates absent chair venue date time location""".split()
)
# A lower-case word, "\b[a-z][a-z'’\-]{1,30}\b" written to lead with its first letter (the search
# skips to candidate letters) and to look behind it for the boundary: twice as fast over a document.
_LOWER_WORD = re.compile(r"[a-z](?<!\w[a-z])[a-z'’\-]{1,30}\b")
# Words that end a capitalised phrase naming a thing or place, not a person: "Lark Road".
_THING_WORDS = re.compile(
    r"\b(?:Road|Street|Lane|Avenue|Drive|Close|Way|Hall|Centre|Center|Park|Field|House|Square|Court|Place|Farm|"
    r"Church|School|Library|Office|Plan|Process|Policy|Report|Scheme|Area|Account|Accounts|Budget|Fund|Grant|"
    r"Strategy|Programme|Program|Project|Update|Review|Meeting|Minutes|Agenda|Item|Issue|Form|List|Document|"
    r"Committee|Board|Council|Group|Foundation|Association|Society|Steering|Services?|Department|System|Server|Stream|Creation)\b"
)
_NON_NAME_SUFFIX = re.compile(r"(?:ed|ly|ing|tion|sion|ment|ness|ity|ance|ence|ive|ous|ful|less|able|ible|ise|ize|ism|ist|ship)$")
# Where a list of owners splits. Every form starts with a space, ",", "&" or "/": the lookahead for these
# fails at once inside words, where the lookbehind and then each form were tried in turn.
_SPLIT = re.compile(r"(?=[\s,&/])(?<!\s)(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*|\s+plus\s+|\s+\+\s+|\s+or\s+)")
_AS_ROLE = re.compile(r"\s+as\s+(?:the\s+)?(?:[A-Z][\w\-]*\s+){0,2}([A-Za-z][\w\-]*)$")
_LISTED_NAME = re.compile(r"[A-Z][a-z'’\-]{1,20}")
_LEADING_NOISE = re.compile(
    r"^(?:(?:action|actions|action point|todo)\b\s*[:\-–—]?\s*|(?:and|but|so|then|also|that|which|both|either)\s+|[•·\-*]\s*)",
    re.I,
)


@dataclass
class PeopleIndex:
    """Names the document defines, for recognising and resolving owners."""

    full_names: dict[str, str] = field(default_factory=dict)  # lower-cased alias -> full name
    initials: dict[str, str] = field(default_factory=dict)  # "MS" -> "Mia Shelton"
    known_acronyms: set[str] = field(default_factory=set)  # roles/groups the document uses: "TSC"
    # Capitalised words the document uses as names: after a lower-case word mid-sentence, or as a
    # speaker ("Ryan: ..."). A word seen only at sentence starts ("Reported", "Reluctant") is not.
    attested: set[str] = field(default_factory=set)
    lower_words: set[str] = field(default_factory=set)
    speakers: set[str] = field(default_factory=set)  # words that open a line as its speaker ("Mike: ...")
    # The acronyms the meeting's own body may go by, from the body named in the opening lines
    # ("Minutes of Westmere Parish Council" -> "WPC", "PC"): the body's own tasks, not an outsider's.
    own_acronyms: set[str] = field(default_factory=set)
    # Those of them the document also writes as a title before a surname ("PC Hale" a police
    # constable, "CC Hale" a county councillor): "the PC will ..." may then be that person.
    titled_acronyms: set[str] = field(default_factory=set)
    # owner_phrase's answers, by (text, allow_unknown_names): the index does not change once built,
    # and the rules ask about the same lead-ins again and again (each probe, each rule list)
    phrase_memo: dict[tuple[str, bool], tuple[str, ...] | None] = field(default_factory=dict, compare=False, repr=False)
    known_memo: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)  # is_known's answers, alike

    @classmethod
    def build(cls, attendees: Iterable[Attendee], text: str) -> PeopleIndex:
        index = cls()
        first_names: dict[str, set[str]] = {}
        surnames: dict[str, set[str]] = {}
        for person in attendees:
            name = _strip_title(person.name)
            words = name.split()
            if not words:
                continue
            index.full_names[name.lower()] = name
            index.full_names[person.name.lower()] = name
            if person.initials:
                index.initials[person.initials] = name
            if len(words) >= 2:
                first_names.setdefault(words[0].lower(), set()).add(name)
                surnames.setdefault(words[-1].lower(), set()).add(name)
            if person.role:
                for token in re.findall(r"\b[A-Z]{2,6}\b", person.role):
                    index.known_acronyms.add(token)
        for m in _initials_definitions(text[:500_000]):
            name = _strip_title(m.group(1))
            if not _initials_fit(m.group(2), name) or _THING_WORDS.search(name):
                continue
            index.initials.setdefault(m.group(2), name)
            index.full_names.setdefault(name.lower(), name)
            words = name.split()
            first_names.setdefault(words[0].lower(), set()).add(name)
            surnames.setdefault(words[-1].lower(), set()).add(name)
        index.own_acronyms.update(_own_body_acronyms(text[:_OPENING]))
        sample = text[:2_000_000]
        index.attested.update(_MID_SENTENCE_NAME.findall(sample))
        speakers = _speaker_names(sample)
        index.speakers.update(word for word in speakers if word.lower() not in _NOT_SPEAKER_WORDS)
        index.attested.update(speakers)
        index.lower_words.update(_LOWER_WORD.findall(sample))
        index.titled_acronyms.update(_titled_acronyms(index.own_acronyms, sample, index.lower_words))
        for alias, names in list(first_names.items()) + list(surnames.items()):
            if len(names) == 1:
                index.full_names.setdefault(alias, next(iter(names)))
        return index

    def resolve(self, written: str) -> str:
        """The document's name for ``written``: initials it defines ("MS" -> "Mia Shelton"), a first
        name or surname that points to one person ("Cllr Moss" -> "Cllr Cara Moss"), else as written."""
        bare = written.strip()
        if bare in self.initials:
            return self.initials[bare]
        words = bare.split()
        titles = [w for w in words if _TITLE.match(w)]
        rest = " ".join(w for w in words if not _TITLE.match(w))
        full = self.full_names.get(rest.lower())
        if full and full.lower() != rest.lower() and all(w.lower() in full.lower().split() for w in rest.split()):
            keeps_title = titles and not any(t in full.split() for t in titles)
            return " ".join([*titles, full]) if keeps_title else full
        return bare

    def is_known(self, word_or_name: str) -> bool:
        known = self.known_memo.get(word_or_name)
        if known is None:
            bare = _strip_title(word_or_name).lower()
            known = bare in self.full_names or word_or_name in self.initials or word_or_name in self.known_acronyms
            self.known_memo[word_or_name] = known
        return known


_OPENING = 600  # the characters where minutes name their body
_BODY_NAME = re.compile(
    r"\b((?:[A-Z][\w'’-]*[ \t]+){0,5}(?:Council|Committee|Board|Trust|Group|Panel|Forum|Association|Society|Authority|Cabinet|Partnership|District|Commission|Foundation|Club|Federation|Alliance|Network))\b"
)


def own_body_words(header: Sequence[str]) -> frozenset[str]:
    """Lower-cased words of the body the meeting is of, as named in the first lines of the header
    ("Minutes of the Finance Committee" gives "finance", "committee"); later lines may name other
    bodies. A committee's or cabinet's minutes also name the council above it ("Ashgrove Town
    Council / Minutes of the Amenities Committee"): that council is not the meeting's own body."""
    opening = "\n".join(header[:_OWN_NAME_LINES])[:_OPENING]
    names = [m.group(1).split() for m in _BODY_NAME.finditer(opening)]
    below_council = [words for words in names if words[-1] != "Council"]
    return frozenset(w.lower() for words in (below_council or names) for w in words)


_OWN_NAME_LINES = 3


def _own_body_acronyms(opening: str) -> set[str]:
    """Initials of each body named in the opening and of its tails: "Westmere Town Council" gives
    "WTC" and "TC" (minutes write both)."""
    found: set[str] = set()
    for m in _BODY_NAME.finditer(opening):
        letters = [w[0] for w in m.group(1).split()]
        found.update("".join(letters[i:]) for i in range(len(letters) - 1))
    return found


_MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _titled_acronyms(acronyms: set[str], sample: str, lower_words: set[str]) -> set[str]:
    """The acronyms written before a capitalised word the document never writes in lower case
    (a surname: "PC Hale"; not "PC Minutes", "PC meeting" seen elsewhere, a month or "CC Chairman")."""
    found: set[str] = set()
    for acronym in acronyms:
        for m in _titled_acronym_pattern(acronym).finditer(sample):
            word = m.group(1).lower()
            if word not in lower_words and word not in _MONTHS_AND_DAYS and word not in ROLE_NOUNS:
                found.add(acronym)
                break
    return found


@lru_cache(maxsize=256)
def _titled_acronym_pattern(acronym: str) -> re.Pattern[str]:
    """The acronym as a title before a capitalised word, not inside a longer word. Written led by
    the acronym, checked behind it ("(?<![\\w'’]PC)"), so the search jumps between its occurrences
    in the document; led by the lookbehind it was tried at every position."""
    return re.compile(acronym + r"(?<![\w'’]" + acronym + r")[ \t]+(?:[A-Z]\.?[ \t]+)?([A-Z][a-z]+)\b")


def _initials_fit(initials: str, name: str) -> bool:
    """"MS" fits "Mia Shelton"; "TSC" does not fit "Anna Henningsen"."""
    letters = [w[0].upper() for w in name.replace("-", " ").split() if w[:1].isalpha()]
    return len(initials) >= 2 and initials[0] == letters[0] and initials[-1] == letters[-1] and len(initials) <= len(letters) + 1


def _strip_title(name: str) -> str:
    words = name.split()
    while words and _TITLE.match(words[0]):
        words = words[1:]
    return " ".join(words) or name


def clean_subject(text: str) -> str:
    previous = None
    text = text.strip(" ,;:-–—")
    while previous != text:
        previous = text
        text = _LEADING_NOISE.sub("", text).strip(" ,;:-–—(")
    return text


# A name followed by the person's account handle, as chat-style minutes write speakers.
_WITH_HANDLE = re.compile(r"[A-Za-z][a-z'’\-]{1,30}(?:\s+[A-Z][a-z'’\-]{0,30}\.?)?\s*\(@[\w.\-]{1,40}\)")


_LOGIN_HANDLE = re.compile(r"[a-z]{2,4}\d{1,3}")  # "dkm2", "abc12"
_INITIALS = re.compile(r"[A-Z]{2,5}")

# Lower-case sub-groups that minutes set up and then give tasks to: "the working group", "the steering group".
_SUB_GROUP_KINDS = frozenset(["working", "steering", "task"])


def owner_part(part: str, people: PeopleIndex, *, allow_unknown_names: bool = True) -> bool:
    """Does ``part`` (one conjunct) name a person, initials, role or group?"""
    words = part.split()
    if not words or len(words) > 7:
        return False
    if people.is_known(part):
        return True
    if "(@" in part and _WITH_HANDLE.fullmatch(part):  # (the pattern needs its "(@": most parts have none)
        return True  # "Martin (@mtk)", "ana (@ana-r)": a name with its account handle is a person
    first = words[0].lower()
    this_body = first == "this" and len(words) > 1 and words[-1].lower() in ROLE_NOUNS and words[1][:1].isupper()
    if (first in _NOT_OWNERS and not this_body) or first in _PRONOUNS:
        return False  # "this", "it"; but "this Council" in a motion is the council itself
    if len(words) == 1 and _LOGIN_HANDLE.fullmatch(part):
        return allow_unknown_names  # a login handle as teams write them: "dkm2", "abc12"
    if len(words) == 1 and _INITIALS.fullmatch(part):
        return allow_unknown_names or part in people.initials or part in people.known_acronyms
    core = words[1:] if first in _DETERMINERS else words
    if not core:
        return False
    # "Director of Public Health", "Head of Legal Services", "Cabinet Member for Communities".
    for position, word in enumerate(core[:-1]):
        if word.lower() in ROLE_NOUNS and core[position + 1].lower() in ("of", "for") and position + 2 < len(core):
            qualifiers_ok = all(w[:1].isupper() or w.lower() in ROLE_NOUNS for w in core[:position])
            object_ok = all(w[:1].isupper() or w.lower() in ("and", "&", "the", "of") for w in core[position + 2 :])
            if qualifiers_ok and object_ok:
                return True
    last = core[-1].lower().strip(".,")
    if any(w.lower() in ("of", "for") and (i == 0 or core[i - 1].lower() not in ROLE_NOUNS) for i, w in enumerate(core[:-1])):
        return False  # "Induction for staff": a thing for a group, not a role ("Head of Legal" returned above)
    if len(core) == 2 and core[0].lower() in _SUB_GROUP_KINDS and last in ("group", "party"):
        return True  # "the working group will report back": a kind of sub-group, unlike "the employment committee"
    if last in ROLE_NOUNS or (core[0].lower() in ("everyone", "those", "anyone", "all") and len(core) <= 5):
        # "Officers", "Lead Members", "the Grants Committee", "Audit representatives", "Kitchen team"
        return all(w[:1].isupper() or w.lower() in ROLE_NOUNS or w.lower() in ("of", "for", "and") or w[:1].isdigit() for w in core[:-1]) or core[0].lower() in ("everyone", "those", "anyone", "all")
    if first in _DETERMINERS:
        return False
    # A personal name: optional title, then one to four capitalised words.
    name_words = words[1:] if _TITLE.match(words[0]) else words
    if not name_words or len(name_words) > 4:
        return False
    if not all(_NAME_WORD.match(w) for w in name_words):
        return False
    if any(people.is_known(w) for w in name_words) or people.is_known(" ".join(name_words)):
        return True
    if not allow_unknown_names:
        return False
    return _plausible_name(name_words, titled=name_words is not words, people=people)


def _plausible_name(words: list[str], *, titled: bool, people: PeopleIndex) -> bool:
    """An unknown capitalised phrase read as a personal name only with some evidence."""
    if _THING_WORDS.search(" ".join(words)):
        return False
    if titled:
        return True
    if len(words) == 1:
        word = words[0]
        if _INITIALS.fullmatch(word):
            return True
        lowered = word.lower()
        if word in people.speakers and not _NON_NAME_SUFFIX.search(lowered):
            return True  # "Mike: ..." speaks in the minutes: a name even where chat logs write "mike"
        if lowered in people.lower_words or _NON_NAME_SUFFIX.search(lowered):
            return False
        return word in people.attested
    return all(w.lower() not in people.lower_words for w in words)


# Where a list of role titles ("X for A and B") goes on with the next title: "and" before a role
# noun with "of"/"for" ("... and Cabinet Member for Y", "... and the Director of Z").
_NEXT_ROLE_TITLE = re.compile(r"\s+and\s+(?=(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*\s+(?:of|for)\s+[A-Z])")


def role_titles(subject: str, people: PeopleIndex) -> list[str] | None:
    """Role titles whose own names hold "and" ("Cabinet Member for Adult Care and Health"), one
    or several joined by "and": each part a role noun with "of"/"for" and a capitalised remit,
    no part naming a second role ("Director of Finance and the Clerk" is two owners)."""
    if " and " not in subject or not _OF_OR_FOR.search(subject):
        return None
    parts = _NEXT_ROLE_TITLE.split(subject)
    for part in parts:
        m = _ROLE_TITLE.fullmatch(part)
        if m is None or m.group("role").lower() not in ROLE_NOUNS:
            return None
        if any(w.lower() in _PERSON_ROLES for w in re.findall(r"\band\s+(?:the\s+)?([\w'’-]+)", m.group("remit"))):
            return None  # "Director of Finance and the Clerk": a second owner after "and"
    return parts


_OF_OR_FOR = re.compile(r"\s(?:of|for)\s")
_PERSON_ROLES = frozenset("clerk chair chairman treasurer secretary director manager officer officers mayor leader head members councillors".split())
# "the Cabinet Member for Adult Care and Health": capitalised qualifiers, a role noun, "of"/"for",
# and a capitalised remit that may hold "and".
_ROLE_TITLE = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?P<role>[A-Z][\w'’-]*)\s+(?:of|for)\s+"
    r"(?P<remit>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|&|the|of))*)"
)


def owner_phrase(text: str, people: PeopleIndex, *, allow_unknown_names: bool = True) -> list[str] | None:
    """Owners named by a subject phrase, or None when it does not name owners."""
    key = (text, allow_unknown_names)
    memo = people.phrase_memo
    if key in memo:
        found = memo[key]
    else:
        owners = _owner_phrase(text, people, allow_unknown_names)
        found = memo[key] = None if owners is None else tuple(owners)
    return None if found is None else list(found)


def _owner_phrase(text: str, people: PeopleIndex, allow_unknown_names: bool) -> list[str] | None:
    subject = clean_subject(text)
    if not subject or len(subject) > 200:
        return None  # a whole lead-in, not a subject: too long even for a list of role titles
    titles = role_titles(subject, people)
    if titles:
        return titles  # "the Cabinet Member for Parks and Open Spaces and the Director of Finance"
    if len(subject) > 90:
        return None
    if subject in ("All", "ALL", "Everyone", "Everybody", "All members"):
        return [subject]  # "All to read the terms of reference"
    if is_titled_officer(subject, people):
        return [subject]  # "the Senior Engineer, Roads and Transport": one officer, not a list
    acting = _AS_ROLE.search(subject)
    if acting and acting.group(1).lower() in ROLE_NOUNS:
        subject = subject[: acting.start()]  # "Cllr Ames as Chair": the person, acting in a role
    parts = [p.strip(" .") for p in _SPLIT.split(subject) if p.strip(" .")]
    if not parts or len(parts) > 6:
        return None
    accepted = [owner_part(part, people, allow_unknown_names=allow_unknown_names) for part in parts]
    if all(accepted):
        return parts
    # "Sandy and Tim will ...": in a list beside a recognised owner, a lone capitalised word that
    # the document never writes in lower case is a name too.
    if len(parts) > 1 and any(accepted) and allow_unknown_names:
        for part, ok in zip(parts, accepted, strict=True):
            if ok:
                continue
            lowered = part.lower()
            if not _LISTED_NAME.fullmatch(part) or lowered in people.lower_words or lowered in _NOT_OWNERS or _NON_NAME_SUFFIX.search(lowered):
                return None
        return parts
    return None


# A job title with its section after a comma names one officer: "the Senior Engineer, Travel and
# Transport Strategy", "the Administrative Officer, Housing Department" (Irish and UK councils).
_TITLED_OFFICER = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w\-]*\s+){0,3}(?:Officer|Engineer|Manager|Director|Head|Planner|Surveyor|Inspector|Architect|Administrator|Executive|Coordinator|Co-ordinator|Adviser|Advisor)"
    r",\s+(?P<section>[A-Z][\w'’\-]*(?:(?:\s*,\s*|\s+and\s+|\s+&\s+|\s+)[A-Z][\w'’\-]*){0,6})"
)
_SECTION_WORDS = frozenset("department directorate division section unit service services team office".split())


def is_titled_officer(subject: str, people: PeopleIndex) -> bool:
    """A job title then its section ("Officer, Community Department"), not a title then a name
    ("the Finance Officer, Sara Lund"): the section has a word the document also writes in lower
    case ("roads", "community") or a word naming a section."""
    found = _TITLED_OFFICER.fullmatch(subject.strip()) if "," in subject else None  # (the pattern needs a comma)
    if found is None:
        return False
    words = re.findall(r"[A-Za-z'’\-]+", found.group("section"))
    if any(_TITLE.match(w) for w in words):
        return False
    return any(w.lower() in _SECTION_WORDS or w.lower() in people.lower_words for w in words if w.lower() != "and")


def margin_owners(margin: str) -> list[str]:
    """Owners written in an action column: "JS", "JS/MC", "RC AC", "All", "Clerk", "Cllr. O. Williams"."""
    parts = [p.strip(" .;:") for p in re.split(r"\s*[/,&+;]\s*|\s+and\s+", margin.strip()) if p.strip(" .;:")]
    out: list[str] = []
    for part in parts:
        tokens = part.split()
        if len(tokens) > 1 and all(re.fullmatch(r"[A-Z]{2,4}", t) for t in tokens):
            out.extend(tokens)  # "RC AC": initials side by side
        elif part and part.lower() not in _COLUMN_WORDS:
            out.append(part)
    return out


# Words an action column holds that name no one: its header and status marks.
_COLUMN_WORDS = frozenset(["status", "action", "actions", "owner", "who", "due", "date", "by", "complete", "completed", "done", "ongoing", "n/a", "na", "tbc", "open", "closed", "note", "notes", "none"])
