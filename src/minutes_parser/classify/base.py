"""What every classifier rule shares: the clause it looks at, what it returns, the ordered rule
lists, and the helpers that find who a commitment belongs to."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, overload

from ..casefold import lower_is_case_blind
from ..extract.owners import PeopleIndex, clean_subject, owner_phrase

_NOT_VERBS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "all", "any", "each", "every", "his", "her", "their", "its", "our", "your", "my", "members", "officers", "council", "councils", "board", "committee", "date", "be", "been", "being", "it", "them", "him", "us", "me", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some", "no", "more", "most", "other", "another", "further", "following", "previous", "next", "last", "first", "which", "what", "whom", "where", "when", "how", "why", "a.", "mr", "mrs", "ms", "dr", "cllr", "councillor", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "of", "for", "in", "on", "at", "to", "with", "from", "by", "and", "or", "as", "into", "onto", "about"]
)
# After a leading "Resolved": "Resolved 14 tickets", "Resolved a fault on the print server" use it as
# "fixed", in a work report; neither a RESOLVED label nor a decision word.
NOT_FIXED = r"(?!\s+(?:\d[\d,]*\s+[A-Za-z]|(?:a|an|several|many|some|most|issues?|bugs?|tickets?|problems?|faults?|errors?|queries)\b))"
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|did|does|said|says|stated|advised|reported|noted|explained|"
    r"asked|thanked|welcomed|introduced|highlighted|confirmed|felt|queried|suggested|informed|"
    r"discussed|presented|received|made|took|gave|went|came|seemed|appeared|could|might|should|can|"
    r"must|need|needs|would|will|shall)\b"
)


_T = TypeVar("_T")


class _once(Generic[_T]):  # used as a decorator, like functools.cached_property
    """``functools.cached_property`` without its lock (Python 3.11 takes one on every first read,
    which cost more than the value itself): the value is computed on first read and stored in the
    instance, where later reads find it without calling the descriptor."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _once[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> _once[_T] | _T:
        if instance is None:
            return self
        value = self.compute(instance)
        instance.__dict__[self.name] = value  # a frozen dataclass too: its __setattr__ is bypassed
        return value


@dataclass(frozen=True, init=False)
class Clause:
    """One sentence or clause with what the classifier may need to know about its context."""

    text: str
    label: str | None  # label governing the paragraph: "Decision", "Action", "RESOLVED", "Agreed"
    people: PeopleIndex
    last_subject: str | None = None  # antecedent for he / she / they
    margin: str | None = None  # action-column text level with the paragraph
    speaker: str | None = None  # "Ryan" in "Ryan: Figure out ..."

    def __init__(
        self,
        text: str,
        label: str | None,
        people: PeopleIndex,
        last_subject: str | None = None,
        margin: str | None = None,
        speaker: str | None = None,
    ) -> None:
        # One dict update: the generated __init__ of a frozen dataclass sets each field through
        # object.__setattr__, three times the cost, and a clause (and every probe) makes one.
        self.__dict__.update(text=text, label=label, people=people, last_subject=last_subject, margin=margin, speaker=speaker)

    @_once
    def lowered(self) -> str:
        """The text in lower case, made once for every rule's cheap word pre-checks."""
        return self.text.lower()

    @_once
    def need_words(self) -> frozenset[str]:
        """The words some rule list needs that occur in the lower-cased text (see
        :class:`_WordScanner`)."""
        return _NEED_WORDS.expand(self.need_matches)

    @_once
    def need_matches(self) -> frozenset[str]:
        """The longest needed words found at each place in the lower-cased text, found once for
        both rule lists: each stands for the needed words it contains (:meth:`_WordScanner.expand`)."""
        return _NEED_WORDS.matches_in(self.lowered)


@dataclass(frozen=True)
class Finding:
    cue: str
    owners: tuple[str, ...] = ()
    owner_span: tuple[int, int] | None = None  # where the owner phrase sits in the clause


Rule = Callable[[Clause], "Finding | None"]
# What a rule needs in a clause that has no label: literal words (matched with ``in`` in the
# lower-cased text), patterns (searched there), or a test of the clause's context ("has a speaker").
# An empty tuple: the rule fires only on labelled clauses.
Needs = tuple["str | re.Pattern[str] | Callable[[Clause], bool]", ...]


class NeedsError(AssertionError):
    """A rule fired on a clause that has none of the words it declared it needs."""


class _WordScanner:
    """Which of a set of strings occur in a text (as substrings), in one regex pass instead of
    one ``in`` test per string. The strings make a trie pattern; at each position where one starts
    it reports the longest string starting there, and that string stands for every string it
    contains (each of which occurs too). The result is exactly ``{w for w in words if w in text}``."""

    def __init__(self) -> None:
        self.words: dict[str, None] = {}
        self._pattern: re.Pattern[str] | None = None
        self._within: dict[str, frozenset[str]] = {}
        self._resume: dict[str, int] = {}
        self.version = 0  # counts pattern builds: what was derived from ``within`` is stale after one

    def add(self, words: frozenset[str]) -> None:
        if not words <= self.words.keys():
            self.words.update(dict.fromkeys(sorted(words)))
            self._pattern = None

    @property
    def within(self) -> dict[str, frozenset[str]]:
        """Each word (as a longest match) -> the words it contains, itself included."""
        self._build()
        return self._within

    def _build(self) -> re.Pattern[str]:
        if self._pattern is None:
            words = [w for w in self.words if w]
            self._within = {w: frozenset(v for v in self.words if v in w) for w in words}
            self._resume = _resume_offsets(words)
            self._pattern = re.compile(trie(words)) if words else re.compile(r"(?!)")
            self.version += 1
        return self._pattern

    def matches_in(self, text: str) -> frozenset[str]:
        """The longest word starting at each place where one starts. The trie is searched as a
        consuming pattern, which the regex engine skips ahead to a word's first character for (a
        lookahead finding every overlapping match is tried at every character instead), and after
        each match the search goes on at the first place inside it where a word can start
        (``_resume_offsets``): no place where a word starts is passed over."""
        search = self._build().search
        resume = self._resume
        found: set[str] = set()
        at = 0
        while (match := search(text, at)) is not None:
            word = match.group()
            found.add(word)
            at = match.start() + resume[word]
        return frozenset(found)

    def expand(self, matches: frozenset[str]) -> frozenset[str]:
        """Every word the longest ``matches`` stand for (and "" when it is one of the words)."""
        self._build()
        found: set[str] = set()
        for longest in matches:
            found |= self._within[longest]
        if "" in self.words:
            found.add("")
        return frozenset(found)

    def found_in(self, text: str) -> frozenset[str]:
        return self.expand(self.matches_in(text))


def _resume_offsets(words: list[str]) -> dict[str, int]:
    """Each word -> the first offset inside it where a word could start when the word was found at
    a place (its length when none could): one that fits inside it or runs on past its end (of the
    words "agree", "gree" and "reed", "gree" fits inside "agree" and "reed" starts inside it in
    "agreed"). No word starts before that offset, so the search for the next may skip to it."""
    whole = set(words)
    prefixes = {word[:end] for word in words for end in range(1, len(word) + 1)}
    resume: dict[str, int] = {}
    for word in words:
        resume[word] = next(
            (
                at
                for at in range(1, len(word))
                if word[at:] in prefixes or any(word[at:end] in whole for end in range(at + 1, len(word)))
            ),
            len(word),
        )
    return resume


def trie(words: list[str]) -> str:
    """A regex matching any of ``words``, as a trie ("agree(?:d|ment)?"): at each character only
    one branch can go on, and greedy optional endings make the match the longest word."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]  # a recursive mapping
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        ends = "" in node
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return pattern(root)


_NEED_WORDS = _WordScanner()  # the words of every rule list


@dataclass(frozen=True)
class _NeedIndex:
    """Every need of a rule list with the rules that declared it, as a bit mask over rule
    positions: a clause's words, patterns and tests OR-ed together give the rules worth running
    in one pass, instead of a per-rule check."""

    words: tuple[str, ...] = ()
    word_bits: dict[str, int] = field(default_factory=dict)
    patterns: tuple[tuple[re.Pattern[str], int], ...] = ()
    tests: tuple[tuple[Callable[[Clause], bool], int], ...] = ()
    # each longest match of the shared scanner -> the bits of the words it stands for, and the
    # scanner version they were made for (rebuilt when a rule list adds words)
    _match_bits: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _made_for: list[int] = field(default_factory=lambda: [-1], compare=False, repr=False)

    @classmethod
    def of(cls, declared: list[Needs]) -> _NeedIndex:
        masks: dict[str | re.Pattern[str] | Callable[[Clause], bool], int] = {}
        for position, needs in enumerate(declared):
            for need in needs:
                masks[need] = masks.get(need, 0) | 1 << position
        word_bits = {n: m for n, m in masks.items() if isinstance(n, str)}
        return cls(
            tuple(word_bits),
            word_bits,
            tuple((n, m) for n, m in masks.items() if isinstance(n, re.Pattern)),
            tuple((n, m) for n, m in masks.items() if not isinstance(n, (str, re.Pattern))),
        )

    def rules_for(self, clause: Clause) -> int:
        """The positions of the rules whose needs ``clause`` meets, as a bit mask. A pattern or
        test is tried only when a rule it gates is not already in."""
        matches = clause.need_matches  # (found by the shared scanner, built by now)
        if self._made_for[0] != _NEED_WORDS.version:
            self._bits_by_match()
        match_bits = self._match_bits
        mask = self.word_bits.get("", 0)  # an empty need is met by any text
        for longest in matches:
            mask |= match_bits[longest]
        lowered = clause.lowered
        for pattern, bits in self.patterns:
            if bits & ~mask and pattern.search(lowered):
                mask |= bits
        for test, bits in self.tests:
            if bits & ~mask and test(clause):
                mask |= bits
        return mask

    def _bits_by_match(self) -> dict[str, int]:
        """The bits each longest match of the shared scanner stands for in this list: one lookup
        per match instead of one per word it contains."""
        within = _NEED_WORDS.within
        if self._made_for[0] != _NEED_WORDS.version:
            self._match_bits.clear()
            for longest, contained in within.items():
                bits = 0
                for word in contained:
                    bits |= self.word_bits.get(word, 0)
                self._match_bits[longest] = bits
            self._made_for[0] = _NEED_WORDS.version
        return self._match_bits


@dataclass
class RuleSet:
    """Rules tried in order, each with the words it ``needs``: on a clause without a label, a rule
    whose words are all absent is skipped without running its pattern, and a clause with none of
    any rule's words skips the whole list (most discussion sentences). The declaration is checked
    by the mechanism: inside ``with rules.checking():`` every skipped rule runs anyway and raising
    :class:`NeedsError` when it fires, so a test over many sentences keeps the declarations exact."""

    rules: list[tuple[str, Rule]] = field(default_factory=list)
    needs: dict[str, Needs] = field(default_factory=dict)
    _index: _NeedIndex = field(default_factory=_NeedIndex)
    _needs_by_rule: dict[Rule, Needs] = field(default_factory=dict)
    _checking: int = 0

    def add(self, cue: str, *, needs: Needs) -> Callable[[Rule], Rule]:
        """Register a rule under ``cue``; ``needs`` (lower-case words, patterns or context tests)
        are what it cannot fire without on a clause with no label."""
        for need in needs:
            if isinstance(need, str) and need != need.lower():
                raise ValueError(f"{cue}: needs are matched in lower-cased text, {need!r} is not lower case")

        def register(fn: Rule) -> Rule:
            self.rules.append((cue, fn))
            self.needs[cue] = tuple(needs)
            self._needs_by_rule[fn] = self.needs[cue]
            self._index = _NeedIndex.of([self.needs[c] for c, _ in self.rules])
            _NEED_WORDS.add(frozenset(self._index.words))
            return fn

        return register

    def first(self, clause: Clause) -> Finding | None:
        if clause.label is not None:
            return self.first_unfiltered(clause)
        mask = self._index.rules_for(clause)
        if self._checking:
            return self._first_checked(clause, mask)
        rules = self.rules
        while mask:
            lowest = mask & -mask
            found = rules[lowest.bit_length() - 1][1](clause)
            if found is not None:
                return found
            mask ^= lowest
        return None

    def _first_checked(self, clause: Clause, mask: int) -> Finding | None:
        for position, (cue, rule) in enumerate(self.rules):
            if mask >> position & 1:
                found = rule(clause)
                if found is not None:
                    return found
            elif rule(clause) is not None:
                raise NeedsError(f"rule {cue!r} fired without any of {self.needs[cue]!r}: {clause.text!r}")
        return None

    def first_unfiltered(self, clause: Clause) -> Finding | None:
        for _, rule in self.rules:
            found = rule(clause)
            if found is not None:
                return found
        return None

    def run(self, rule: Rule, clause: Clause) -> Finding | None:
        """One rule of the list on ``clause``, skipped as :meth:`first` skips it where the clause
        lacks what it needs (each need tested alone: for a caller that tries a rule or two on a
        piece of text, where a scan for every list's words would cost more than it saves). Checked
        like :meth:`first` inside :meth:`checking`."""
        if clause.label is not None or self._needs_met(rule, clause):
            return rule(clause)
        if self._checking and rule(clause) is not None:
            cue = next(c for c, r in self.rules if r is rule)
            raise NeedsError(f"rule {cue!r} fired without any of {self.needs[cue]!r}: {clause.text!r}")
        return None

    def _needs_met(self, rule: Rule, clause: Clause) -> bool:
        lowered = clause.lowered
        for need in self._needs_by_rule[rule]:
            if isinstance(need, str):
                if need in lowered:
                    return True
            elif isinstance(need, re.Pattern):
                if need.search(lowered) is not None:
                    return True
            elif need(clause):
                return True
        return False

    @contextmanager
    def checking(self) -> Iterator[None]:
        """Run every rule, and raise :class:`NeedsError` when a rule fires on a clause that lacks
        the words it declared (for tests)."""
        self._checking += 1
        try:
            yield
        finally:
            self._checking -= 1


ACTION_RULES = RuleSet()
DECISION_RULES = RuleSet()


# "(?<!\s)\s+", a run of white space taken from its first character, written to lead with the
# space: the regex engine skips straight to the next space for a pattern led by a character class,
# but tries one led by a lookbehind at every character (half the search time of the rules' cue
# patterns "OWNER to VERB", "OWNER will VERB", "OWNER agreed to VERB").
SPACE_RUN = r"\s(?<!\s\s)\s*"


def led_by(words: tuple[str, ...]) -> str:
    """A lookahead for the first characters of ``words`` (literal-led alternatives): after a
    :data:`SPACE_RUN`, most spaces are rejected by one character test instead of one per word."""
    return "(?=[" + "".join(sorted({re.escape(word[0]) for word in words})) + "])"


def starting_at(lead: str, alternatives: str) -> str:
    """``alternatives`` behind a lookahead for ``lead``, which must hold wherever any of them can
    match (a word start ``\\b\\w`` for "\\b(?:asked|requested|...)"): one test that fails fast
    inside words, where each alternative was tried in turn. Matches are the same."""
    return f"(?={lead})(?:{alternatives})"


_UPPER_CASE = re.compile(r"(?<!\\)[A-Z]")  # an upper-case letter in a pattern, not an escape ("\\S")


class Caseless:
    """A case-insensitive pattern searched the cheap way where that finds the same: the lower-cased
    text with the pattern compiled without re.I, wherever :func:`~minutes_parser.casefold.lower_is_case_blind`
    says that finds what re.I finds, at the same places (lower() keeps every character in place
    there), by plain character tests (re.I tests each letter both ways and keeps the engine from
    skipping ahead to a literal). Other text is searched as written, with re.I. Read what a match covers by its span in the original text: its
    group() strings are lower-cased. The pattern is written in lower case (an upper-case letter in
    it would match nothing in lower-cased text)."""

    def __init__(self, pattern: str) -> None:
        if _UPPER_CASE.search(pattern):
            raise ValueError(f"a Caseless pattern is written in lower case: {pattern[:60]!r}")
        self.pattern = pattern
        self._ignoring_case = re.compile(pattern, re.I)
        self._in_lowered = re.compile(pattern)

    def _compiled(self, text: str, lowered: str | None) -> tuple[re.Pattern[str], str]:
        if lower_is_case_blind(text):
            return self._in_lowered, text.lower() if lowered is None else lowered
        return self._ignoring_case, text

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """``lowered``: ``text.lower()`` when the caller has it (a clause's ``lowered``)."""
        pattern, searched = self._compiled(text, lowered)
        return pattern.search(searched)

    def match(self, text: str, pos: int = 0, lowered: str | None = None) -> re.Match[str] | None:
        pattern, searched = self._compiled(text, lowered)
        return pattern.match(searched, pos)

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
        pattern, searched = self._compiled(text, lowered)
        return pattern.finditer(searched)


# "be" before a space: every passive and "to be" pattern needs it. A literal-led pattern, so the
# search is a fast scan; rules use it as a cheap exact pre-check before their costly pattern.
BE_SPACE = re.compile(r"be\s")

# A clause boundary: ",", ";" or a joining word. The words share one "\b" and the alternatives a lookahead
# for their first characters: tried at every character of each lead-in, it fails there at once.
_BOUNDARY = re.compile(starting_at("[,;abstw]", r"[,;]|\b(?:and|that|but|so|while|whereas)\b") + r"\s+")


_REPORTER = re.compile(
    r"^(.{2,80}?)\s+(?:said|says|stated|states|advised|confirmed|reported|explained|indicated|added|agreed|undertook|mentioned|"
    r"replied|responded|noted|suggested|felt|thought|informed\s+\w+|told\s+\w+)\b"
)
_TIGHT_BOUNDARY = re.compile(r"[,;]\s+")
_TOPIC_ENDS = ("-", "–", "—", ":")  # a lead-in ending at one of these (and white space) is a topic label


def _owners_before(
    clause: Clause, end: int, *, allow_unknown: bool = True, tight: bool = False
) -> tuple[list[str], tuple[int, int]] | None:
    """Owners named by the words before a cue: the whole lead-in, else its longest tail after a
    clause boundary ("There was a list ..., the Clerk agreed to" -> "the Clerk")."""
    raw = clause.text[:end]
    # (str.rstrip strips what the pattern's \s matches: a C call, not a search through the lead-in)
    if raw.rstrip().endswith(_TOPIC_ENDS):
        return None  # "Trello - agreed to continue": a topic label, not an owner
    starts = [0]
    for boundary in (_TIGHT_BOUNDARY if tight else _BOUNDARY).finditer(raw):
        # (the name before the boundary is looked for at a comma only: it matters nowhere else)
        named = _ENDS_WITH_NAME.search(raw[: boundary.start()].rstrip()) if boundary.group(0).startswith(",") else None
        if named and owner_phrase(named.group(0), clause.people):
            continue  # "for Cllr Ann Reed, Cllr Trudy Mann and ...": a list of names, not a new subject
        starts.append(boundary.end())
    for start in starts:
        subject = clean_subject(raw[start:])
        if not subject:
            continue
        if len(subject) > 200:
            continue  # what owner_phrase rejects unread (``subject`` is clean already): a whole lead-in
        if len(subject) <= 4 and subject.lower() in ("he", "she", "they"):
            reporter = _REPORTER.match(raw)
            if reporter:
                owners = owner_phrase(reporter.group(1), clause.people)
                if owners is None and subject.lower() != "they" and _name_shaped(reporter.group(1), clause.people):
                    owners = [reporter.group(1)]  # "Petra says she will ...": "she" makes the one word a person
                if owners:
                    return owners, (reporter.start(1), reporter.end(1))
            if clause.last_subject:
                lead = _leading_person(clause) if subject.lower() != "they" else None
                if lead and lead[1][1] < len(raw) - len(subject) and not any(_is_body(o) or _is_meeting_body(o) for o in lead[0]):
                    # a person named between the opening subject and the pronoun is the nearer antecedent:
                    # "The Chair said X and Cllr Roe added that he would": "he" is Cllr Roe
                    nearer = _nearest_person(clause, lead[1][1], len(raw) - len(subject))
                    return nearer or lead  # "Mr Amis was asked about the lease and answered that he would"
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
    adverb = lowered.endswith("ly") and lowered not in _VERBS_IN_LY
    return bool(lowered) and lowered.isalpha() and lowered not in _NOT_VERBS and not adverb


# Verbs that look like adverbs: "to apply", "to reply", "to supply".
_VERBS_IN_LY = frozenset("apply reply supply rely comply multiply ally rally tally sully bully".split())


# --- action rules, in order ---------------------------------------------------------------------


_DELIBERATIVE = frozenset(["note", "consider", "approve", "agree", "endorse", "comment", "discuss", "decide", "ratify", "adopt", "declare", "resolve", "receive"])
# What people are invited to do at the meeting itself: "The Chair invited Ana to introduce the report".
_IN_MEETING = _DELIBERATIVE | frozenset(
    ["speak", "address", "introduce", "present", "respond", "explain", "outline", "summarise", "summarize", "give", "ask", "raise", "put", "move", "second", "vote", "join", "leave", "sign", "take"]
)


def has_speaker(clause: Clause) -> bool:
    """A need of the rules that read a line's speaker ("Rowan: send the draft round")."""
    return clause.speaker is not None


def is_question(clause: Clause) -> bool:
    """"Anyone wish to testify?", "Will that be compatible?": a question commits nobody."""
    return clause.text.rstrip(" )]\"'’”").endswith("?")

_BODY = (
    r"(?:members|board|committee|council|panel|cabinet|trustees|meeting|group|forum|commission|sub-committee|"
    r"councillors|directors|tsc|everyone|executive|assembly|we)"
)

_ENDS_WITH_NAME = re.compile(r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2}$")
_TITLES = frozenset(["Cllr", "Councillor", "Mr", "Mrs", "Ms", "Dr", "Cllr.", "Mr.", "Mrs.", "Dr."])


_IMPERSONAL_BEFORE = re.compile(
    r"(?:\bit\s+(?:was|is|has\s+been)|\bthere\s+(?:was|is)|\b(?:which|who|someone|anyone)(?:\s+(?:was|were|is|are))?|\b(?:was|were|is|are|been|be)|[-–—:])\s*$",
    re.I,
)
# One-person roles are matched in lower case too: many parish minutes write "the clerk"; not
# "the secretary of state", "the chair of the county board": someone else's office.
_PERSON_MENTION = re.compile(
    r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr|PCSO|PC|Sgt|Inspector)\.?\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2}|\b[Tt]he\s+(?:[Cc]lerk|[Cc]hair(?:man|person)?|[Ss]ecretary|[Tt]reasurer|Board|Committee)\b(?!\s+of\b)"
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


def _nearest_person(clause: Clause, start: int, end: int) -> tuple[list[str], tuple[int, int]] | None:
    """The last one-person mention in ``clause.text[start:end]`` (bodies are not a 'he' or 'she')."""
    for m in reversed(list(_PERSON_MENTION.finditer(clause.text, start, end))):
        # an unknown capitalised word ("the Cemetery") is no one; a title makes it a person ("Cllr Roe")
        titled = m.group(0).split()[0].rstrip(".") in ("Cllr", "Councillor", "Mr", "Mrs", "Ms", "Dr")
        owners = owner_phrase(m.group(0), clause.people, allow_unknown_names=titled)
        if owners and not any(_is_body(o) or _is_meeting_body(o) for o in owners):
            return owners, (m.start(), m.end())
    return None


_LEAD = re.compile(r"^((?:[A-Z][\w’'\-.]*|@[\w-]+)(?:\s+(?:[A-Z][\w’'\-.]*|of|and|&)){0,5})\s+(?=[a-z(])")


_MARKER_WORDS = frozenset(["TODO", "NOTE", "FYI", "TBC", "TBD", "DONE", "WIP", "NB", "ACTION", "STATUS"])


def _name_shaped(word: str, people: PeopleIndex) -> bool:
    return word not in _MARKER_WORDS and re.fullmatch(r"[A-Z][a-z'’\-]{1,30}|[A-Z]{2,4}", word) is not None and word.lower() not in people.lower_words


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


def _is_meeting_body(owner: str) -> bool:
    last = owner.lower().split()[-1] if owner.split() else ""
    return last in ("board", "committee", "council", "cabinet", "panel", "commission", "forum", "meeting", "group", "trustees", "assembly", "members")


def _is_body(owner: str) -> bool:
    last = owner.lower().split()[-1] if owner.split() else ""
    return re.fullmatch(_BODY, last) is not None
