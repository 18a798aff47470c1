"""Stage 2: blocks -> meeting header, attendance, agenda items and rebuilt paragraphs.

Item starts are recognised from several conventions, each a small function: ModernGov ``<AIn>``
boundaries, headings, numbered or lettered titles ("5.", "5a", "12.3", "a)"), minute numbers
("26/16 Title ..."), "Agenda item" lines, top-level bullets of an "Agenda" section. Paragraphs are
rebuilt: hard-wrapped lines joined, sentences broken by blank lines rejoined, inline bullets split,
and labels ("Decision:", "Action:", "RESOLVED:") attached to what they govern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from ..casefold import lower_is_case_blind
from ..classify.decisions import decision_heading, numbered_resolution_intro, resolution_run_step
from ..classify.joins import WRAPPED_WIDTH, closes_previous, continues_motion
from ..model import Attendee, Block, BlockKind
from .attendance import AttendanceBuilder, attendance_heading

# --- labels -----------------------------------------------------------------------------------

_LABEL_WORDS = {
    "decision": "Decision",
    "decisions": "Decision",
    "decision made": "Decision",
    "decisions made": "Decision",
    "resolved": "RESOLVED",
    "resolution": "RESOLVED",
    "resolutions": "RESOLVED",
    "agreed": "Agreed",
    "consented decisions": "Decision",
    "action": "Action",
    "actions": "Action",
    "action items": "Action",
    "action item": "Action",
    "action points": "Action",
    "action point": "Action",
    "actions agreed": "Action",
    "actions arising": "Action",
    "next steps": "Action",
    "to do": "Action",
    "and resolved": "RESOLVED",
    "it was resolved": "RESOLVED",
    "it was agreed": "Agreed",
    "todo": "Action",
}
_PURE_LABEL = re.compile(r"\s*\(?([A-Za-z][A-Za-z ]{1,22}?)\)?\s*(?:[:\-–—.]\s*)?")
_INLINE_LABEL = re.compile(
    r"(RESOLVED|Resolved|DECISION|Decision|AGREED|ACTION|Action|Agreed|Actions?\s+agreed)\s*(?:[:\-–—]\s*|\s+(?=(?:[Tt]hat|\d\)|\([a-z0-9]\))))"
)

_ITEM_TITLE_MAX = 160
_PLAIN_NUMBER = re.compile(r"\d{1,3}")


def pure_label(text: str) -> str | None:
    """The label a paragraph consists of, e.g. "Decision:" -> "Decision"; None otherwise."""
    if len(text) > 30:
        return None
    m = _PURE_LABEL.fullmatch(text)
    if not m:
        return None
    return _LABEL_WORDS.get(m.group(1).strip().lower())


def inline_label(text: str) -> tuple[str, str] | None:
    """("RESOLVED", rest) for "RESOLVED: That ..."; None when the paragraph has no leading label."""
    m = _INLINE_LABEL.match(text)
    if not m:
        return None
    rest = text[m.end() :].strip()
    if not rest:
        return None
    word = m.group(1).lower()
    if word == "agreed" and not re.match(r"Agreed\s*[:\-–—]|AGREED\b", text):
        return None  # "Agreed to take it back to GitHub" is a sentence, not a label
    return _LABEL_WORDS.get(word, m.group(1)), rest


# --- item titles --------------------------------------------------------------------------------

_MINUTE_NUMBER = re.compile(r"\d{1,4}/\d{2,4}")
_ITEM_NUMBER = re.compile(r"(?:Item\s+)?(\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?|[A-Z])[.)]?", re.I)
_UPPER_MARKER = re.compile(r"([IVX]{1,6}|[A-Z]{1,2})\.")  # "XIV." / "B." / "AB." (readers keep them in sequence)
_NUMBERED_TITLE = re.compile(
    r"(?:(?:Agenda\s+)?Item\s+)?(\d{1,4}/\d{2,4}|\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)(?:[.):]?[ \t\u00a0]{1,8}(?=\S)|\.(?=[A-Z][a-z]))(.{2,400})",
    re.I | re.S,
)
# "Item 6 – Title", "Item 7.A - Title", "Item 12.3: Title" (US boards letter their sub-items).
_ITEM_LINE_TITLE = re.compile(r"(?:Agenda\s+)?Item\s+(\d{1,3}(?:[a-z]|\.[A-Za-z]|\.\d{1,2})?)\s*[–—:-]\s*([A-Z][^\n]{2,150})")
_ITEM_LINE = re.compile(r"\(?\s*(?:Agenda\s+)?Item\s+(\d{1,3}[a-z]?(?:\.\d{1,2})?)\s*\)?", re.I)
# Words that start a sentence of minute text after a title run on the same line ("52/21 Welcome
# and Apologies There were none ..."): the title ends where such a sentence begins.
_SENTENCE_STARTERS = frozenset(
    ["the", "there", "it", "this", "these", "those", "cllr", "cllrs", "councillor", "councillors", "members", "member", "mr", "mrs", "ms", "dr", "he", "she", "they", "we", "no", "following", "both", "our", "all", "an", "as", "in", "a", "following", "apologies", "nothing", "none", "councils", "following", "clerk", "chair", "chairman", "resolved", "agreed", "proposed", "minutes"]
)
_TITLE_SMALL_WORDS = frozenset(["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "vs", "via", "de"])
_TERMINAL = re.compile(r"[.!?;:)\]\"'”’]\s*$")
_LOWER_START = re.compile(r"[a-z(\[]")
_HEADER_HINT = re.compile(
    r"\b(minutes|meeting|agenda|notes|held|present|venue|date|time)\b|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}|\d{4}-\d{2}-\d{2}",
    re.I,
)
_DATE_LIKE = re.compile(
    r"\b(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY\b|\b(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\b|\b\d{1,2}[.:]\d{2}\s*(?:AM|PM)?\b|\b\d{1,2}\s?(?:AM|PM)\b",
    re.I,
)
_BODY_HINT = re.compile(r"\b(council|board|committee|cabinet|panel|commission|trustees|forum|assembly)\b", re.I)
# Headings that group items rather than being one: never an item title themselves.
_CONTAINER_HEADINGS = frozenset(
    """agenda minutes links resources references notes summary attendees attendance contents actions
    decisions""".split()
) | {"action items", "consented decisions", "meeting minutes", "meeting notes", "table of contents", "agenda items"} | {
    # the access-to-information parts a council's business is split into, not business themselves
    # ("open items" is left out: in team minutes it is the business of pending issues)
    "unrestricted items", "restricted items", "exempt items", "confidential items",
}
_AGENDA_HEADING = re.compile(r"(?:agenda|agenda items|items? for discussion)\s*:?", re.I)
_APPENDIX_START = re.compile(r"(supporting documents|appendix\b|annex\b|appendices)", re.I)


@dataclass
class ParagraphDraft:
    text: str
    label: str | None = None
    list_marker: str | None = None
    margin: str | None = None
    cells: tuple[str, ...] = ()
    header_row: bool = False
    level: int = 0
    title_like: bool = False
    last_line: int = 0  # length of the paragraph's last source line: a wrapped width invites a join


@dataclass
class ItemDraft:
    title: str
    number: str | None = None
    key: str | None = None
    paragraphs: list[ParagraphDraft] = field(default_factory=list)
    appendix: bool = False
    heading_level: int = 0
    label: str | None = None  # a label that governs the whole item ("Action items" heading)
    preamble: bool = False  # text before the first item (reports, single-item notes)
    cue: str = ""  # the rule that opened the item: "rule:heading", "rule:numbered title", ...
    model_cue: str = ""  # the heading model's verdict, when a model decided: "model:0.93 (...)"


@dataclass
class Segmented:
    header: list[str]
    preamble: ItemDraft
    items: list[ItemDraft]
    appendices: list[ItemDraft]
    attendees: list[Attendee]
    title: str | None = None


def split_title(text: str, *, at_colon: bool = False) -> tuple[str, str]:
    """Split "Welcome and Apologies There were none ..." into (title, rest)."""
    bullet = _INLINE_BULLET.search(text) if _has_bullet(text) else None
    if bullet and bullet.start() <= _ITEM_TITLE_MAX:
        title, rest = split_title(text[: bullet.start()], at_colon=at_colon)
        return title, (rest + text[bullet.start() :]).strip()
    first_line, _, remainder = text.partition("\n")
    if remainder and len(first_line) <= _ITEM_TITLE_MAX and not first_line.rstrip().endswith((",", "-")):
        if not _LOWER_START.match(remainder.lstrip()):
            title, rest = _split_run_on_title(first_line, at_colon)
            return title, (rest + " " + remainder).strip() if rest else remainder.strip()
    return _split_run_on_title(text.replace("\n", " "), at_colon)


def _split_run_on_title(text: str, at_colon: bool = False) -> tuple[str, str]:
    if at_colon:
        head, sep, tail = text.partition(": ")
        if sep and len(head.split()) <= 6 and len(tail) > 10:
            return head.strip(), text

    dash = _TITLE_DASH.search(text) if "-" in text or "–" in text or "—" in text else None
    if dash and _title_before_dash(text[: dash.start()], text[dash.end() :]):
        return text[: dash.start()].strip(), text[dash.end() :].strip()

    # The words read are those starting within _ITEM_TITLE_MAX characters: the text is split as
    # far as the word after the last of them (the rest stays one piece, which the joins of
    # _split_before give back). A split needs a capitalised word or a full stop: other words are
    # passed over at once.
    last = text.count(" ", 0, _ITEM_TITLE_MAX)  # the index of the last word read
    words = text.split(" ", last + 2)
    for index in range(1, min(last + 1, len(words))):
        word = words[index]
        if (word[:1].isupper() or word.endswith(".")) and (split := _split_before(words, index)) is not None:
            return split

    if len(text) <= _ITEM_TITLE_MAX:
        return text.strip(), ""
    return "", text


def _split_before(words: list[str], index: int) -> tuple[str, str] | None:
    """(title, rest) when the title of a run-on line ends at ``words[index]``: before initials
    that report ("... JT asked ..."), before a sentence's first word, or after a word with a
    full stop before a capital."""
    word = words[index]
    # (cheap tests first: initials are 2-3 letters, a sentence starter is capitalised)
    if index >= 2 and 2 <= len(word) <= 3 and _INITIALS.fullmatch(word) and index + 1 < len(words) and _REPORTING_VERB.fullmatch(words[index + 1]):
        return " ".join(words[:index]).strip(" -–:"), " ".join(words[index:]).strip()  # "... reports JT asked ..."
    if index >= 2 and word[:1].isupper() and (bare := word.strip("“\"'(").lower()) in _SENTENCE_STARTERS:
        nxt = words[index + 1] if index + 1 < len(words) else ""
        previous = words[index - 1].lower()
        if previous not in _TITLE_SMALL_WORDS and previous not in ("–", "-") and (nxt[:1].islower() or bare in ("the", "there", "it", "this", "cllr", "councillor")):
            return " ".join(words[:index]).strip(" -–:"), " ".join(words[index:]).strip()
    if word.endswith(".") and index >= 1 and index + 1 < len(words) and words[index + 1][:1].isupper():
        candidate = " ".join(words[: index + 1]).rstrip(".:")
        tail = " ".join(words[index + 1 :])
        if len(tail) > 20 and not _MINUTE_NUMBER.fullmatch(word.rstrip(".:")) and len(word) > 3:
            return candidate, tail
    return None


# "Footpaths Report – JT reported that ...": a short title, a dash, then the minute's sentences.
_TITLE_DASH = re.compile(r"\s[–—-]\s")
# Members written by their initials as the subject of a minute ("JT asked", "RB reported").
_INITIALS = re.compile(r"[A-Z]{2,3}")
_REPORTING_VERB = re.compile(r"[a-z]{2,}ed|said|says|asks|notes|reports|confirms|advises|explains")


def _title_before_dash(head: str, tail: str) -> bool:
    """Is ``head`` a title and ``tail`` the minute's text? The head is a few capitalised words
    without a verb; the tail is sentences (not a name, "H. Marsh", or a subtitle)."""
    head = head.strip()
    words = head.split()
    if not 1 <= len(words) <= 8 or not head[:1].isalpha() or not is_title_like(head) or _FINITE_IN_TITLE.search(head) or head.endswith((".", ",")):
        return False
    tail_words = tail.split()
    return len(tail_words) >= 6 and re.search(r"[.!?](?:\s|$)", tail) is not None and _FINITE_VERB_ANY.search(tail) is not None


_FINITE_VERB_ANY = re.compile(
    r"\b(?:[a-z]{2,}ed|is|are|was|were|has|have|had|will|would|should|could|can|did|does|said|"
    r"makes|moves|seconds|reports|notes|asks|says|states|explains|advises|confirms|agrees|presents|points)\b"
)


def is_title_like(text: str) -> bool:
    """A short line that reads as a title: no sentence end, few words, mostly capitalised."""
    stripped = text.strip()
    if not stripped or len(stripped) > 120 or "\n" in stripped:
        return False
    if stripped.endswith((".", ",", ";")) and not stripped.isupper():
        return False
    words = stripped.split()  # str.split and the regex's \s agree on what whitespace is
    if len(words) > 16:
        return False
    # at least 60% of the words capitalised (or numbers, or small words): stop at the first word
    # past the share that may be lower case
    lower_case_allowed = len(words) - max(1, int(len(words) * 0.6))
    for word in words:
        if not (word[0].isupper() or word[0].isdigit() or word.lower() in _TITLE_SMALL_WORDS):
            lower_case_allowed -= 1
            if lower_case_allowed < 0:
                return stripped.isupper()
    return True


def _motion_goes_on(previous: ParagraphDraft, para: ParagraphDraft) -> bool:
    """``para`` is the next wrapped line of a motion ``previous`` left unfinished (see
    :func:`continues_motion`): joined whatever the format, since PDF and Markdown copies print
    each line of a motion as a paragraph."""
    if previous.cells or para.cells or not previous.text or previous.title_like:
        return False
    if para.list_marker and not (para.list_marker.isalpha() and para.list_marker == previous.list_marker):
        return False  # a list's next entry; a style read as a marker ("bold") runs on over the lines
    # A heading after a resolution printed without its full stop ("RESOLVED that the minutes be
    # approved" / "Planning Applications") is not the rest of a line cut at the page's width.
    # (A line length outside the wrapped width counts as none: the title test only matters inside.)
    last_line = previous.last_line
    wrapped = WRAPPED_WIDTH[0] <= last_line <= WRAPPED_WIDTH[1] and not is_title_like(para.text)
    return continues_motion(previous.text, para.text, last_line if wrapped else 0)


def _joinable(previous: ParagraphDraft, text: str) -> bool:
    """Does ``text`` continue ``previous`` (a sentence broken by a blank line)?"""
    prev = previous.text
    if (previous.label and not prev) or previous.cells or previous.title_like:
        return False
    if _TERMINAL.search(prev) or pure_label(text) or inline_label(text):
        return False
    if _LOWER_START.match(text):
        return True
    # A blank line inside a sentence of hard-wrapped text: the previous line has a wrapped width.
    return WRAPPED_WIDTH[0] <= previous.last_line <= WRAPPED_WIDTH[1] and len(text) >= 25 and not is_title_like(text)


_INLINE_BULLET = re.compile(r"(?<!\s)\s+[•·●▪]\s+")


def _has_bullet(text: str) -> bool:
    """A cheap pre-check for ``_INLINE_BULLET`` (a scan per bullet character, no regex)."""
    return "•" in text or "·" in text or "●" in text or "▪" in text
_CLAUSE_NUMBER = re.compile(r"(\d\)|\([a-z0-9]\))\s+")
_RESOLVED_CLAUSES = re.compile(r"\s(?=\d\)\s+That\b|\([a-z0-9]\)\s+That\b)")


def rebuild_paragraph(text: str) -> str:
    """Hard-wrapped lines joined into one line of text."""
    if "\n" not in text:
        return " ".join(text.split()) if "  " in text or "\t" in text else text
    lines = [line.strip() for line in text.split("\n")]
    out = lines[0]
    for line in lines[1:]:
        if not line:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out += line  # a word split at the line end keeps its hyphen: "drop-\nin" -> "drop-in"
        else:
            out += " " + line
    return " ".join(out.split())


def split_inline_bullets(text: str) -> list[tuple[str | None, str]]:
    """A paragraph with bullets run into it ("... raised: • A • B") as (marker, text) pieces."""
    pieces: list[tuple[str | None, str]] = []
    parts = _INLINE_BULLET.split(text) if _has_bullet(text) else [text]
    for index, part in enumerate(parts):
        part = part.strip()
        if part:
            pieces.append(("•" if index else None, part))
    return pieces


def _same_business(listed: str, minuted: str) -> bool:
    """Does a minuted item's title ("Premises b. Roof repairs update", "To note those who") open
    with the same word as the title its agenda listing gave ("Premises", "To note those attending
    ...")? Both carry the same minute number, so one word confirms it."""
    first_listed = re.match(r"\W*(\w+)", listed.lower())
    first_minuted = re.match(r"\W*(\w+)", minuted.lower())
    return first_listed is not None and first_minuted is not None and first_listed.group(1) == first_minuted.group(1)


class _Builder:
    def __init__(self) -> None:
        self.header: list[str] = []
        self.items: list[ItemDraft] = []
        self.appendices: list[ItemDraft] = []
        self.attendance = AttendanceBuilder()
        self.current: ItemDraft | None = None
        self.scope_label: str | None = None
        self.in_trailer = False
        self.title: str | None = None
        self.pending_boundary: ItemDraft | None = None
        self.agenda_level: int | None = None  # heading level of an open "Agenda" section
        self.agenda_direct = False  # bullets directly under the "Agenda" heading are its items
        self.last_number_parent: str | None = None
        self.expect_title_after_agenda_line = False
        self.preamble = ItemDraft(title="", preamble=True)
        self.join_wrapped = True
        self.items_from_headings = False  # once real headings open items, numbered sentences do not
        self.table_items: tuple[int, int, int | None] | None = None  # (number col, text col, action col)
        self.scope_level: int | None = None  # list level a label's scope applies to
        self.scope_lists_only = False  # an intro line ("The following were raised:") governs its list only
        self.scope_spent = False  # the label's paragraph has been seen; the next plain paragraph ends it
        self.scope_runs_on = False  # "(27) RESOLVED that:" governs every plain paragraph up to the next one
        self.scope_that = False  # a "... that:" stem governs the plain "That ..." paragraphs after it
        self.repeated_titles: frozenset[str] = frozenset()  # unnumbered title lines printed 3+ times
        self.header_runs: frozenset[int] = frozenset()  # indices of bold lines printed as a table's column headers
        self.index = 0  # the index of the block being read
        self.last_roman: str | None = None  # the last "ii." sub-item opened from a paragraph
        self.minute_codes: frozenset[str] = frozenset()  # body codes of the document's coded minute numbers
        self.blocks: tuple[Block, ...] = ()  # the document's blocks, for a look ahead
        self._wrap_width: int | None = None
        self._heads: list[str] | None = None

    @property
    def heads(self) -> list[str]:
        """The words of each block's first line ("" for a contents entry), worked out when asked:
        what a contents entry looks for further on (_comes_again)."""
        if self._heads is None:
            self._heads = [_head_words(block.text) for block in self.blocks]
        return self._heads

    @property
    def wrap_width(self) -> int:
        """The width the document's prose is hard-wrapped at (0: none), worked out when asked."""
        if self._wrap_width is None:
            self._wrap_width = _wrap_width(self.blocks)
        return self._wrap_width

    # item management
    def open_item(
        self, title: str, number: str | None = None, key: str | None = None, level: int = 0, *, cue: str
    ) -> ItemDraft:
        item = ItemDraft(title=title.strip(), number=number, key=key, heading_level=level, cue=cue)
        if number and (_MINUTE_NUMBER.fullmatch(number) or _CODED_NUMBER.fullmatch(number)):
            # An agenda listed first with the minute numbers, then minuted under the same numbers:
            # the minuted item replaces the bare listing, under the listing's title when both
            # name the same business (the minuted line runs its text or a column into the title).
            listed = [i for i in self.items if i.number == number and not i.paragraphs]
            if listed and _same_business(listed[-1].title, item.title):
                item.title = listed[-1].title
            self.items = [i for i in self.items if i.number != number or i.paragraphs]
        if self.in_trailer:
            item.appendix = True
            self.appendices.append(item)
        else:
            self.items.append(item)
        self.current = item
        self._open_scope(None)
        if number and _PLAIN_NUMBER.fullmatch(number):
            self.last_number_parent = number
        return item

    def add_paragraph(self, para: ParagraphDraft) -> None:
        if self.current is None:
            self.header.append(para.text)
            target = self.preamble
        else:
            target = self.current
        paragraphs = target.paragraphs
        if paragraphs and _motion_goes_on(paragraphs[-1], para):
            paragraphs[-1].text = paragraphs[-1].text.rstrip() + " " + para.text.strip()  # a motion's wrapped line, in any format
            paragraphs[-1].last_line = para.last_line
            if self.scope_spent:
                self._open_scope(None)  # the labelled paragraph is whole: the label governs nothing after it
            return
        # "(27) RESOLVED that:" alone, its number in the text or read off as the paragraph's marker.
        if not para.cells and numbered_resolution_intro(f"{para.list_marker or ''} {para.text}"):
            self._open_scope("RESOLVED")
            self.scope_runs_on = True
            paragraphs.append(ParagraphDraft(text="", label="RESOLVED"))
            return
        if self.scope_runs_on and self.scope_label and not para.list_marker and not para.cells:
            step = resolution_run_step(para.text)
            if step == "end":
                self._open_scope(None)
            else:
                para.label = None if para.title_like or step == "heading" else self.scope_label
                paragraphs.append(para)
                return
        label = pure_label(para.text)
        if label and not para.cells:
            self._open_scope(label)
            paragraphs.append(ParagraphDraft(text="", label=label))
            return
        if self.scope_that and self.scope_label and not para.list_marker and not para.cells and _THAT_ENTRY.match(para.text):
            para.label = self.scope_label  # "RESOLVED that:" then "That the precept be ...;" as plain paragraphs
            paragraphs.append(para)
            return
        if self.scope_label and not para.list_marker and (self.scope_lists_only or self.scope_spent or para.cells or para.title_like):
            self._open_scope(None)  # a label governs its next paragraph, or the list it introduces
        inline = inline_label(para.text) if not para.cells else None
        if inline and re.fullmatch(r"(?:that|THAT)?\s*:?", inline[1].strip()):
            self._open_scope(inline[0], lists_only=True)  # "RESOLVED that:" then (a), (b), (c)
            self.scope_that = True
            paragraphs.append(ParagraphDraft(text="", label=inline[0]))
            return
        if inline:
            para.label, para.text = inline[0], inline[1]
            if para.text.rstrip().endswith(":"):
                self._open_scope(para.label, lists_only=True)  # "RESOLVED that:" then (a), (b), (c)
        elif self.scope_label and self._in_scope(para):
            para.label = self.scope_label
            if not para.list_marker and not para.text.rstrip().endswith(":"):
                self.scope_spent = True
        elif target.label and self._in_scope(para):
            para.label = target.label
        if paragraphs and (_BARE_OUTCOME.fullmatch(para.text) or closes_previous(paragraphs[-1].text, para.text)) and paragraphs[-1].text:
            paragraphs[-1].text = paragraphs[-1].text.rstrip() + " " + para.text.strip()  # "... £6,564.21" then "Noted"
            return
        if paragraphs and not para.list_marker and not para.cells and not para.label:
            previous = paragraphs[-1]
            if self.join_wrapped and not previous.list_marker and _joinable(previous, para.text):
                previous.text = previous.text + " " + para.text
                previous.last_line = para.last_line
                return
        paragraphs.append(para)
        if not para.list_marker and para.text.rstrip().endswith(":") and _TASK_LIST_INTRO.search(para.text):  # the pattern ends at a colon
            self._open_scope("Action", lists_only=True)
        elif para.label in ("Decision", "RESOLVED", "Agreed") and para.text.rstrip().endswith(":") and not inline:
            self._open_scope(para.label, lists_only=True)  # "The Harbour Liaison Group:" then bullets
        elif not para.label and _RESOLVED_STEM.match(para.text) and para.text.rstrip().endswith(":"):
            self._open_scope("RESOLVED", lists_only=True)  # "RESOLVED to recommend to Full Council:" then 1., 2.
            self.scope_that = True
        elif not para.label and not para.list_marker and para.text.rstrip().endswith(":") and _THAT_STEM.search(para.text[-200:]):
            self._open_scope("RESOLVED", lists_only=True)  # "The working group passed a motion recommending that:"
            self.scope_that = True

    def _open_scope(self, label: str | None, *, lists_only: bool = False) -> None:
        self.scope_label = label
        self.scope_level = None
        self.scope_lists_only = lists_only
        self.scope_spent = False
        self.scope_runs_on = False
        self.scope_that = False  # plain "That ..." paragraphs are the stem's entries too

    def _in_scope(self, para: ParagraphDraft) -> bool:
        """A label governs the list it introduces, not the notes nested under its entries."""
        if not para.list_marker:
            return True
        if self.scope_level is None:
            self.scope_level = para.level
        return para.level <= self.scope_level


# An outcome line alone ("Noted", "Motion Carried 5-2.") closes the motion before it (GOLD: a bare
# outcome is not an entry of its own).
_BARE_OUTCOME = re.compile(
    r"\s*(?:(?:The\s+)?(?:Motion|Amendment|Resolution)\s+(?:was\s+)?(?:carried|lost|passed|failed)(?:\s+(?:unanimously|\d{1,3}\s*[-–]\s*\d{1,3}))?|"
    r"Noted|NOTED|(?:Agreed|AGREED|Approved|APPROVED)(?:,?\s+(?:and\s+)?signed)?|Carried|CARRIED|"
    # the room's assent as a line of its own: "Consensus.", "Rough consensus on this.", "No objections."
    r"[*_]?(?:(?:rough|general|broad)\s+)?consensus(?:\s+on\s+(?:that|this)(?:\s+(?:decision|proposal))?)?[*_]?|[*_]?no\s+objections?[*_]?)\.?\s*",
    re.I,
)
# A resolution's stem that reads on ("RESOLVED to recommend to Full Council:", "AGREED to:"): its
# list entries are the resolutions.
_RESOLVED_STEM = re.compile(r"\s*(?:RESOLVED|AGREED|DECIDED|It\s+was\s+(?:resolved|agreed|RESOLVED|AGREED))\b")
# A stem that puts resolutions ("The panel passed a motion recommending that:", "It was agreed
# that:") and the entries it governs ("That the hall be repainted;", "And, that the Clerk ...").
# ("The auditor recommended that:" is someone else's advice, not a stem of resolutions.)
_THAT_STEM = re.compile(r"\b(?:resolved|agreed|decided|motion|moved|proposing)\b[^:]{0,80}\bthat\s*:\s*$", re.I)
# "That" as a conjunction before a subject ("That the hall be ...", "That Council notes ..."), not
# as a pronoun before a verb ("That concluded the item.").
_THAT_ENTRY = re.compile(r"\W{0,2}(?:(?:and|further|also),?\s+)?that\s+(?:(?:the|this|these|those|a|an|all|any|each|no|it|we)\b|(?-i:[A-Z0-9]))", re.I)
_TASK_LIST_INTRO = re.compile(
    r"\b(?:need(?:s)?\s+to\s+be|to\s+be\s+(?:done|corrected|fixed|updated|actioned|completed)|should\s+be\s+(?:done|corrected|fixed|updated)|"
    r"actions?\s+(?:are|were|agreed|arising)|following\s+actions?)\b[^.]{0,60}:\s*$",
    re.I,
)


_ENCLOSED_LETTER = re.compile(r"\(([a-z])\)")


def _number_of(marker: str | None) -> str | None:
    if not marker:
        return None
    upper = _UPPER_MARKER.fullmatch(marker.strip())
    if upper:
        return upper.group(1)
    enclosed = _ENCLOSED_LETTER.fullmatch(marker.strip())
    if enclosed:
        return enclosed.group(1)  # "(a)" printed alone before a sub-item's title, as "a)" or "a."
    m = _ITEM_NUMBER.fullmatch(marker.strip().rstrip(".)"))
    if _MINUTE_NUMBER.fullmatch(marker.strip()):
        return marker.strip()
    return m.group(1) if m else None


# An agenda pack: the agenda announces the meeting, then the minutes of the previous meeting follow
# under their own heading ("MINUTES OF THE MEETING OF ... HELD ON 9 MARCH 2022").
_PACK_AGENDA = re.compile(
    r"^\W{0,6}agenda\b|\bsummoned\s+to\b|\bnotice\s+is\s+(?:hereby\s+)?given\b|\bto\s+transact\s+the\s+(?:following\s+)?business\b", re.I
)
_PACK_MINUTES_HEADING = re.compile(
    r"\W{0,6}(?:(?:draft|unconfirmed|approved|signed)\s+)?minutes\s+of\s+(?:an?\s+|the\s+)?[^\n]{0,150}?\b(?:meeting|held)\b", re.I
)
_PACK_MINUTES_CUE = re.compile(
    r"^\W{0,6}(?:present|in attendance|attendees|apologies)\b|\bRESOLVED\b|\b(?:it\s+was\s+(?:agreed|resolved)|resolved\s+(?:that|to))\b",
    re.I,
)
# The two patterns in parts, for lower-cased text (see casefold.lower_is_case_blind): the part anchored at
# the start is tried there only, and the rest is searched for only
# in a text holding one of the words it cannot match without. A search for "agenda" or "agreed"
# along every paragraph that merely mentions them was most of the look for an agenda pack.
_PACK_AGENDA_AT_START = re.compile(r"\W{0,6}agenda\b")
_PACK_AGENDA_LATER = re.compile(r"\bsummoned\s+to\b|\bnotice\s+is\s+(?:hereby\s+)?given\b|\bto\s+transact\s+the\s+(?:following\s+)?business\b")
_PACK_MINUTES_CUE_AT_START = re.compile(r"\W{0,6}(?:present|in attendance|attendees|apologies)\b")
# ("it was resolved", "resolved that/to": a match of \bresolved\b too)
_PACK_MINUTES_CUE_LATER = re.compile(r"\bresolved\b|\bit\s+was\s+agreed\b")


@dataclass(frozen=True)
class _SplitCue:
    """A case-blind pattern's ``search(text) is not None``, cheaper on lower-cased text (see
    :func:`~minutes_parser.casefold.lower_is_case_blind`): its part anchored at the start is tried there only, and the
    rest is searched for only where one of the words it cannot match without occurs."""

    full: re.Pattern[str]
    at_start: re.Pattern[str]
    words: tuple[str, ...]
    later: re.Pattern[str]

    def __call__(self, text: str) -> bool:
        if not lower_is_case_blind(text):
            return self.full.search(text) is not None
        lowered = text.lower()
        if self.at_start.match(lowered) is not None:
            return True
        for word in self.words:
            if word in lowered:
                return self.later.search(lowered) is not None
        return False


_agenda_cue = _SplitCue(_PACK_AGENDA, _PACK_AGENDA_AT_START, ("summoned", "notice", "transact"), _PACK_AGENDA_LATER)
_minutes_cue = _SplitCue(_PACK_MINUTES_CUE, _PACK_MINUTES_CUE_AT_START, ("resolved", "agreed"), _PACK_MINUTES_CUE_LATER)


def _minutes_after_agenda(blocks: tuple[Block, ...]) -> int | None:
    """Where the minutes start in an agenda pack (an agenda, then the minutes of a previous meeting
    under a "Minutes of the meeting ... held" heading); None when the document is not one."""
    agenda_seen = False
    for index, block in enumerate(blocks):
        text = block.text.strip()
        if not text or block.kind in (BlockKind.TABLE_ROW, BlockKind.LIST_ITEM):
            continue
        if agenda_seen and index > 0 and len(text) <= 250 and _PACK_MINUTES_HEADING.match(text):
            following = blocks[index + 1 : index + 60]
            if any(_minutes_cue(other.text) for other in following):
                return index
            return None
        if _minutes_cue(text) and not text.lower().startswith("apologies"):
            return None  # minutes already: a "Minutes of ..." heading further on is something else
        if _agenda_cue(text[:300]):
            agenda_seen = True
    return None


def segment(blocks: tuple[Block, ...], *, join_wrapped: bool = True) -> Segmented:
    """Segment ``blocks``. ``join_wrapped`` rejoins sentences a blank line broke; it suits plain
    text, where line breaks are the writer's, and not DOCX, HTML or PDF, whose paragraphs are real.

    In an agenda pack the header, title and attendance are the minuted meeting's; the agenda's
    items come first, then the minutes' items."""
    split = _minutes_after_agenda(blocks)
    if split is not None:
        agenda = _segment(blocks[:split], join_wrapped)
        minutes = _segment(blocks[split:], join_wrapped)
        return Segmented(
            header=minutes.header,
            preamble=minutes.preamble,
            items=agenda.items + minutes.items,
            appendices=agenda.appendices + minutes.appendices,
            attendees=minutes.attendees,
            title=minutes.title,
        )
    return _segment(blocks, join_wrapped)


def _segment(blocks: tuple[Block, ...], join_wrapped: bool) -> Segmented:
    b = _Builder()
    b.join_wrapped = join_wrapped
    b.repeated_titles = _repeated_titles(blocks)
    b.header_runs = _column_header_runs(blocks)
    b.minute_codes = _coded_minute_runs(blocks)
    b.blocks = blocks
    index = 0
    count = len(blocks)
    while index < count:
        block = blocks[index]
        b.index = index
        index += 1
        kind = block.kind
        if kind is BlockKind.SECTION_BREAK:
            b.in_trailer = True
            b.open_item("Appendix", cue="rule:section break")  # what follows the minutes proper (attendance tables, annexes)
            continue
        if kind is BlockKind.ITEM_BOUNDARY:
            b.pending_boundary = b.open_item("", key=block.key, cue="rule:item boundary")
            continue
        text = block.text.strip()
        if not text and kind is not BlockKind.TABLE_ROW:
            continue

        # ModernGov: the cells after <AIn> give the number, then the title.
        pending = b.pending_boundary
        if pending is not None and kind in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            number_cell = _ITEM_NUMBER.fullmatch(text) if pending.number is None and not pending.title else None
            if number_cell:
                pending.number = number_cell.group(1)
                continue
            if not pending.title and len(text) <= 200 and "\n" not in text:
                pending.title = text
                b.pending_boundary = None
                continue
            b.pending_boundary = None

        # Attendance sections, anywhere before the first item or in the trailer.
        if b.current is None or b.in_trailer or b.attendance.active:
            attendance_item = _attendance_item(b)
            if _leads_coded_minute(b, text) or (text.startswith(("Min", "MIN")) and _WORDED_MINUTE.match(text)):
                b.attendance.active = False  # a list of names does not run on into a minute
            elif b.attendance.feed(block, in_header=b.current is None or attendance_item, groups=attendance_item):
                continue
        elif _attendance_item(b) and b.attendance.feed(block, in_header=True, groups=True):
            continue  # "2. ROLL CALL" / "RECORD OF ATTENDANCE": its "Present:" lists are the attendance

        if _on_contents_line(b, text):
            continue
        if kind is BlockKind.HEADING:
            _on_heading(b, block, text)
            continue
        if kind is BlockKind.TABLE_ROW:
            if b.in_trailer and b.attendance.feed_table(block):
                continue
            if _on_table_item_row(b, block):
                continue
            b.add_paragraph(ParagraphDraft(text=" | ".join(c for c in block.cells if c), cells=block.cells, header_row=block.header_row, margin=block.margin))
            continue
        if kind is BlockKind.LIST_ITEM:
            if _on_list_item(b, block, text, blocks, index):
                continue
            b.add_paragraph(ParagraphDraft(text=rebuild_paragraph(text), list_marker=block.marker, margin=block.margin, level=block.level))
            continue
        # PARAGRAPH
        if _on_prefixed_minutes(b, block, text) or _on_coded_minute(b, block, text) or _on_worded_minute(b, block, text):
            continue
        if _on_flattened_listing(b, block, text):
            continue
        used = _on_reference_entry(b, block, text, blocks, index)
        if used is not None:
            index += used
            continue
        if _on_paragraph_title(b, block, text):
            continue
        if _on_list_section(b, block, text, blocks, index):
            continue
        _add_running_text(b, block, text)
    return Segmented(
        header=b.header,
        preamble=b.preamble,
        items=[item for item in b.items if item.title or item.paragraphs],
        appendices=b.appendices,
        attendees=b.attendance.attendees(),
        title=b.title,
    )


# A table of contents before the minutes: its title, and entries that end in dot leaders and a
# page number ("6.  REPORTS OF OFFICERS ........ 3"). They list the items; they are not items.
_CONTENTS_TITLE = frozenset(["contents", "table of contents", "index", "contents page"])
_CONTENTS_ENTRY = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){4,})\s*\d{1,4}\s*$")
_CONTENTS_TAIL = 80  # the end of a line searched for a leader and page number


def _on_contents_line(b: _Builder, text: str) -> bool:
    """A contents title or entry before any item: header, never an item. An entry is contents
    only if its title comes again as a heading further on; an agenda that gives each item its
    page in the report pack ("4. Taxi licensing fees ........ 9") lists the items themselves."""
    if b.items:
        return False
    if len(text) <= 20 and text.lower().strip(" :") in _CONTENTS_TITLE:
        b.header.append(text)
        return True
    if ("...." in text or "…" in text or ". . . ." in text) and "\n" not in text:
        # the leader and page number end the line: only its tail is searched (a line of nothing
        # but dots made the search quadratic), the words before the leader are the same
        entry = _CONTENTS_ENTRY.search(text, max(0, len(text) - _CONTENTS_TAIL))
        if entry and _comes_again(_words(text[: entry.start()]), b.heads[b.index + 1 :]):
            b.header.append(text)
            return True
    return False


def _words(text: str) -> str:
    """``text``'s words in lower case, without a leading item number ("6.1", "3.")."""
    return " ".join(re.findall(r"[^\W_]+", re.sub(r"^\s*\d{1,3}(?:[./]\d{1,3})*[.)]?\s+", "", text).lower()))


def _head_words(text: str) -> str:
    """The words of ``text``'s first line, "" when it holds a dot leader (another contents entry)."""
    first = text.lstrip()[:200].partition("\n")[0]
    return "" if "...." in first or "…" in first else _words(first)


def _comes_again(title: str, heads: list[str]) -> bool:
    """Does a later block (its first line's words, see _head_words) start with ``title``?"""
    return len(title) >= 3 and any(head.startswith(title) for head in heads)


# An item that records who attended: its "Present:", "Members:", "Staff:" lists are the
# meeting's attendance, as they would be above the first item.
_ATTENDANCE_ITEM = re.compile(r"\b(?:attendance|roll\s+call|present|attendees)\b", re.I)


def _attendance_item(b: _Builder) -> bool:
    """Is the open item the one recording attendance?"""
    current = b.current
    if current is None or len(current.title) > 80:
        return False
    return _ATTENDANCE_ITEM.search(current.title) is not None


def _open_with_text(b: _Builder, block: Block, title: str, text: str, *, number: str | None = None, cue: str) -> None:
    """Open an item whose title ran on into its first text on the same line; the text follows."""
    b.open_item(title, number=number, cue=cue)
    if text.strip():
        _add_running_text(b, block, text.strip())


def _title_or_lead(entry: str) -> tuple[str, str]:
    """(title, text) of an entry that opens an item whatever it holds: split where the title
    ends, or, where no title stands apart, its first characters serve as one."""
    title, text = split_title(entry)
    return (title, text) if title else (entry[:_ITEM_TITLE_MAX], entry[_ITEM_TITLE_MAX:])


def _with_ends(matches: list[re.Match[str]], end: int) -> list[tuple[re.Match[str], int]]:
    """Each entry start of a run with where its entry ends: at the next start, the last at ``end``."""
    return [(m, following.start() if following else end) for m, following in zip(matches, [*matches[1:], None], strict=True)]


def _add_running_text(b: _Builder, block: Block, text: str) -> None:
    # A label alone on one line of a wrapped paragraph splits it ("... made.\nAction:\n...").
    lines = text.split("\n")
    if len(lines) > 1 and _entry_per_line(lines, b.wrap_width):
        for line in lines:
            if line.strip():
                _add_text_pieces(b, line.strip(), block, entry=True)
        return
    chunk: list[str] = []
    for line in lines:
        if pure_label(line.strip()):
            if chunk:
                _add_text_pieces(b, "\n".join(chunk), block)
                chunk = []
            _add_text_pieces(b, line.strip(), block)
        else:
            chunk.append(line)
    if chunk:
        _add_text_pieces(b, "\n".join(chunk), block)


# A line that cannot end an entry: it stops on a word that needs the next line ("the", "and",
# "by", a title such as "Cllr"), a comma or an opening bracket.
_LINE_CONTINUES = re.compile(
    r"(?:\b(?:and|or|of|the|to|for|in|with|by|on|a|an|at|from|be|is|are|was|were|that|this|their|his|her|its|our|"
    r"Mr|Mrs|Ms|Miss|Dr|Cllr|Cllrs|Councillor|Councillors|St|Rev|Prof|Sir|Lady|Lord)|[,&=(/+\-–—:])\s*$",
    re.I,
)
_ENTRY_START = re.compile(r"[A-Z0-9£$€@\[]")
_END_SPAN = 40  # longer than any word of _LINE_CONTINUES / _CONNECTIVE_END


def _ends_with(pattern: re.Pattern[str], text: str) -> bool:
    r"""``pattern.search(text)`` for a pattern of short words before ``\s*$``: a match ends where
    the text's closing spaces begin, so the search starts just before there instead of trying
    every position of a long line (``\b`` still sees the character before the start)."""
    return pattern.search(text, max(0, len(text.rstrip()) - _END_SPAN)) is not None


def _entry_per_line(lines: list[str], wrap_width: int = 0) -> bool:
    """Unpunctuated text written one entry per line ("Clerk to order bins" / "JS to mend the gate"
    / "Grass - AP to get quotes"): every line break comes after a line that can end an entry and
    before one that starts like an entry, and the lines are not prose wrapped at a fixed width."""
    filled = [line.strip() for line in lines if line.strip()]
    if len(filled) < 2:
        return False
    for line, following in pairwise(filled):
        if len(line) > 100 or _ends_with(_LINE_CONTINUES, line) or not _ENTRY_START.match(following):
            return False
    if all(_TERMINAL.search(line) for line in filled[:-1]):
        return False  # sentences, split by the sentence splitter
    if _wrapped_sentence(filled, wrap_width):
        return False
    widths = [len(line) for line in filled[:-1]]
    return not (len(widths) >= 2 and min(widths) >= 50 and max(widths) - min(widths) <= 12)


_WRAP_WIDTH_MIN = 60  # a line this long that stops without punctuation ran on to the next one
# A line stopping on one of these words has more to say ("... for the period ending" / "30
# September 2024."); the commoner ones ("of", "the", "to") stop _entry_per_line already.
_RUNS_ON = re.compile(r"\b(?:ending|dated|until|between|than|into|per)$", re.I)


def _wrapped_sentence(filled: list[str], wrap_width: int) -> bool:
    """Prose hard-wrapped at a fixed width inside a block of short lines: a long line stops
    without punctuation and the next line ends the sentence, where the line stops on a word
    that cannot end one, or where it reaches the document's wrap width and the next word would
    not have fitted ("... a member of the Bowling" / "Club committee."). Entries written one per
    line ("Secretary to write ... by the school gate" / "Treasurer to pay the invoice.") stop
    short of any wrap width, or reach past it."""
    for line, following in pairwise(filled):
        if len(line) < _WRAP_WIDTH_MIN or _TERMINAL.search(line) or not following.rstrip().endswith("."):
            continue
        if _RUNS_ON.search(line.rstrip()):
            return True
        next_word = following.split(maxsplit=1)[0]
        if wrap_width and wrap_width - 12 <= len(line) <= wrap_width + 2 and len(line) + 1 + len(next_word) > wrap_width:
            return True
    return False


def _wrap_width(blocks: tuple[Block, ...]) -> int:
    """The width a document's prose is hard-wrapped at: the fifth-longest line of its paragraphs
    that run over several lines (columns spaced out with runs of spaces aside); 0 when fewer
    than five lines reach _WRAP_WIDTH_MIN, as in text that is not hard-wrapped."""
    lengths = sorted(
        (
            len(line.strip())
            for block in blocks
            if block.kind is BlockKind.PARAGRAPH and "\n" in block.text
            for line in block.text.split("\n")
            if "   " not in line.strip()
        ),
        reverse=True,
    )
    return lengths[4] if len(lengths) >= 5 and lengths[4] >= _WRAP_WIDTH_MIN else 0


def _add_text_pieces(b: _Builder, text: str, block: Block, *, entry: bool = False) -> None:
    joined = rebuild_paragraph(text)
    if b.current is not None and _APPENDIX_START.match(joined) and len(joined) < 80 and not b.in_trailer:
        if joined.lower().startswith("supporting documents"):
            b.in_trailer = True
            b.open_item(joined.rstrip(":"), cue="rule:supporting documents")
            return
    for marker, piece in split_inline_bullets(joined):
        for clause in _RESOLVED_CLAUSES.split(piece) if piece.startswith(("RESOLVED", "Resolved")) else [piece]:
            numbered = _CLAUSE_NUMBER.match(clause.strip())
            clause_marker = numbered.group(1) if numbered else None
            if numbered:
                clause = clause.strip()[numbered.end() :]
            b.add_paragraph(
                ParagraphDraft(
                    text=clause.strip(),
                    list_marker=clause_marker or marker or (block.marker if block.marker != "cell" else None),
                    margin=block.margin,
                    title_like=block.marker == "cell" and is_title_like(clause) and len(clause) < 60 and "," not in clause,
                    last_line=0 if entry else len(text.rsplit("\n", 1)[-1].strip()),
                )
            )


_NUMBER_HEADER = re.compile(r"(?:no\.?|number|#|item\s+no\.?|minute(?:\s+no\.?)?|ref\.?)", re.I)
_ITEM_HEADER = re.compile(r"(?:item|items|subject|business|minutes?|details|discussion|matter|agenda item)", re.I)
_ACTION_HEADER = re.compile(r"(?:action|actions|action by|by whom|who|owner|responsible)", re.I)


def _on_table_item_row(b: _Builder, block: Block) -> bool:
    """Minutes laid out as a table: | No. | Item | Action |. Each row is an item; the short last
    column names who acts (an action column)."""
    cells = block.cells
    if block.header_row:
        number_col = next((i for i, c in enumerate(cells) if _NUMBER_HEADER.fullmatch(c.strip())), None)
        text_col = next((i for i, c in enumerate(cells) if _ITEM_HEADER.fullmatch(c.strip())), None)
        if number_col is not None and text_col is not None:
            action_col = next((i for i, c in enumerate(cells) if _ACTION_HEADER.fullmatch(c.strip())), None)
            b.table_items = (number_col, text_col, action_col)
            return True
        b.table_items = None
        return False
    if b.table_items is None:
        return False
    number_col, text_col, action_col = b.table_items
    if max(number_col, text_col) >= len(cells):
        return False
    number = cells[number_col].strip().rstrip(".") or None
    body = cells[text_col].strip()
    margin = cells[action_col].strip() if action_col is not None and action_col < len(cells) else ""
    head, sep, rest = body.partition(". ")
    if sep and len(head.split()) <= 10:
        title, body = head, rest
    else:
        title, body = split_title(body, at_colon=True)
    b.open_item(title or body[:60], number=number, cue="rule:table row")
    if body:
        margin_block = Block(BlockKind.PARAGRAPH, body, block.start, block.end, margin=margin or None)
        _add_running_text(b, margin_block, body)
    return True


_TRAILER_HEADING = re.compile(
    r"(?:attachments?|appendix|appendices|annex(?:es)?|supporting documents|reports? (?:attached|received))\b[^.]{0,60}", re.I
)


def _starts_trailer(b: _Builder, text: str) -> bool:
    """An "Attachments" / "Appendices" heading after the items: what follows is material the
    minutes attach (reports, papers), kept apart as appendices, never agenda items."""
    if b.in_trailer or not b.items or b.current is None or len(text) > 80:
        return False
    if not _TRAILER_HEADING.fullmatch(text.strip(" :=-")):
        return False
    b.in_trailer = True
    b.open_item(text.strip(" :=-"), cue="rule:attachments heading")
    return True


_NOT_WORD_OR_SPACE = re.compile(r"[^\w\s]")


def _title_key(text: str) -> str:
    return " ".join(_NOT_WORD_OR_SPACE.sub(" ", text.lower()).split())


def _repeated_titles(blocks: tuple[Block, ...]) -> frozenset[str]:
    """Unnumbered title lines printed three times or more ("REPLY:", "Recommendation", a table's
    column headers on every page, a running header): a label or furniture, never an agenda item."""
    counts: dict[str, int] = {}
    for block in blocks:
        text = block.text.strip()
        if not text or "\n" in text or len(text) > 100:
            continue
        if block.kind is BlockKind.HEADING or (block.kind is BlockKind.PARAGRAPH and text.isupper()):
            if _NUMBERED_TITLE.fullmatch(text):
                continue
            key = _title_key(text)
            counts[key] = counts.get(key, 0) + 1
    return frozenset(key for key, count in counts.items() if count >= 3 and key)


_HEADER_RUN_MIN = 3
_HEADER_CELL_MAX = 40


def _header_cell(block: Block, text: str) -> bool:
    """A short bold line that could be a column header: not a numbered title, not a label."""
    if block.kind is not BlockKind.HEADING or block.marker != "bold" or not text or len(text) > _HEADER_CELL_MAX or "\n" in text:
        return False
    return _NUMBERED_TITLE.fullmatch(text) is None and re.match(r"\d{1,3}\.\S", text) is None and pure_label(text) is None and not text.endswith(":")


def _column_header_runs(blocks: tuple[Block, ...]) -> frozenset[int]:
    """Short bold lines printed one after another with no text between ("Quarter" / "Running
    Total" / "Change", "Name of Applicant and" / "Sponsoring Group"): the column headers of a
    table a PDF converter flattened into lines, never agenda items."""
    runs: set[int] = set()
    run: list[int] = []
    for index, block in enumerate([*blocks, Block(BlockKind.PARAGRAPH, "", 0, 0)]):
        text = block.text.strip()
        if _header_cell(block, text):
            run.append(index)
            continue
        if len(run) >= _HEADER_RUN_MIN:
            runs.update(run)
        run = []
    return frozenset(runs)


_CONNECTIVE_END = re.compile(r"(?:\b(?:and|or|of|the|to|for|in|with|by|on|a|an|at|from|be)|[&=])\s*$", re.I)


_THREE_LETTERS = re.compile(r"[A-Za-z]{3}")


def _weak_title_ok(text: str) -> bool:
    """A bold or capitals line that could be a title: not a fragment of a wrapped sentence or of
    a table (a year, a letter, a line ending on "and", a quotation)."""
    stripped = text.strip().strip("*_").strip()
    if not _THREE_LETTERS.search(stripped):
        return False
    if stripped[:1] in "\"“‘'(" or stripped[:1].islower():
        return False
    return not _ends_with(_CONNECTIVE_END, stripped)


# Lines set like headings that are never an item's title: a sentence run on past a full stop
# ("... 2023. The working group now ..."), the end of a quotation ('the Board."'), a motion
# or question in the first person ("I will move ..."), a vote group ("AGAINST THE MOTION:",
# "ABSTAINED:") or a signature line ("Signed: ........").
_MID_SENTENCE = re.compile(r"(?:[a-z]{3,}|\d{4})\. (?:The|This|It|There|These|In|A|An|We|He|She|They)\s")
_QUOTE_END = re.compile(r"[.!?][”\"’']\W*$")
_FIRST_PERSON = re.compile(r"\W{0,3}(?:I|We)\s+(?:will|would|wish|ask|move|propose|am|have)\b")
_VOTE_GROUP = re.compile(
    r"\W{0,3}(?:(?:FOR|AGAINST|IN FAVOU?R OF)(?:\s+THE\s+(?:AMENDMENT|MOTION|PROPOSAL|RESOLUTION))?|ABSTENTIONS?|ABSTAINED|ABSTAINING)\W{0,3}",
    re.I,
)
_SIGNATURE_LINE = re.compile(
    r"\W{0,3}(?:signed|dated|date|signature)\b\W{0,3}[\\._…\-_\s]{4,}.*|[\\._…\-_\s]{6,}|"
    r"\W{0,3}(?:signed|approved|agreed)\s+as\s+an?\s+(?:true|correct|accurate)\s+record\W{0,3}",
    re.I,
)


def _not_a_heading(text: str, *, weak: bool) -> bool:
    """A line set like a heading that is never a title (see above); quotations and first-person
    lines only when the heading is weak (seen from bold or type size alone, not from a style)."""
    stripped = text.strip().strip("*_").strip()
    if _SIGNATURE_LINE.fullmatch(stripped) or _VOTE_GROUP.fullmatch(stripped):
        return True
    if _MID_SENTENCE.search(stripped) and len(stripped.split()) >= 5 and not re.search(r"[.!?]$", stripped):
        return True  # a sentence run on into one that breaks off or opens a list: wrapped text
    return weak and (_QUOTE_END.search(stripped) is not None or _FIRST_PERSON.match(stripped) is not None)


_FINITE_VERB = re.compile(r"\b(?:resolved|agreed|noted|approved|was|were|is|are|will|had|has|have)\b", re.I)


_REFUSAL = re.compile(r"(?:Rejected|Refused|Deferred|Withdrawn)\.?", re.I)
_ABBREVIATION_END = re.compile(r"\b[A-Z][a-z]{0,3}\.$")  # "... Cllr Hart and Mr." is no sentence end


def _sentence_heading(text: str) -> bool:
    """A line set like a heading that is a sentence or an outcome ("Approved.", "The committee
    resolved to note the report."): running text, not a title."""
    stripped = text.strip()
    if _BARE_OUTCOME.fullmatch(stripped) or _REFUSAL.fullmatch(stripped):
        return True
    words = stripped.split()
    if stripped.endswith(".") and len(words) >= 3 and not stripped.isupper() and not _ABBREVIATION_END.search(stripped):
        return True
    return stripped.endswith(":") and len(words) >= 3 and _FINITE_VERB.search(stripped) is not None


# The captions of a finance item's statements, in the receipts-and-payments terms of small bodies'
# accounts ("Receipts", "Payments for approval:", "Income and Expenditure", a US treasurer's
# "Disbursements"): parts of the finance item, not business of their own.
_LEDGER_WORD = r"(?:receipts|payments|income|expenditure|disbursements)"
_LEDGER_CAPTION = re.compile(
    rf"(?:(?:other|cheque|bacs|card|online)\s+)?{_LEDGER_WORD}(?:\s+(?:and|&)\s+{_LEDGER_WORD})?"
    r"(?:\s+(?:made|received|due|to\s+be\s+made|for\s+(?:approval|authorisation|authorization)))?\s*:?",
    re.I,
)
_FINANCE_TITLE = re.compile(r"\b(?:financ\w*|accounts?|payments?|budget|treasurer'?s?)\b", re.I)


_MONEY = re.compile(r"\d[\d,]*\.\d{2}\b|[£$€]\s?\d")


def _ledger_caption(b: _Builder, current: ItemDraft, block: Block, text: str) -> bool:
    """A statement's caption inside the finance item. At the finance item's own heading level and
    followed by a sentence with no sums ("## Income" then "A grant was received."), it is
    business of its own."""
    if len(text) > 40 or _LEDGER_CAPTION.fullmatch(text.strip(" *_")) is None or _FINANCE_TITLE.search(current.title) is None:
        return False
    return block.level > current.heading_level or not _prose_follows(b)


def _prose_follows(b: _Builder) -> bool:
    """Is the next block a sentence of minute text, without sums in it?"""
    following = b.blocks[b.index + 1] if b.index + 1 < len(b.blocks) else None
    if following is None or following.kind is not BlockKind.PARAGRAPH:
        return False
    text = following.text.strip()
    return text.endswith(".") and len(text.split()) >= 5 and _MONEY.search(text) is None


def _business_after_attendance(b: _Builder, block: Block, text: str) -> bool:
    """A sub-heading after the attendance lists, with no date in it, is the first business
    ("## Minutes of the previous meeting", "## Parish Council Website" after "## Present" and
    "## Apologies"), however much it reads like a title of the meeting."""
    return block.level > 1 and b.attendance.has_people and _DATE_LIKE.search(text) is None


_DATE_OR_YEAR_LEAD = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}|\d{4}\b")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _on_heading(b: _Builder, block: Block, text: str) -> None:
    lowered = text.lower().strip(" :")
    if _starts_trailer(b, text):
        return
    weak = block.marker in ("bold", "layout")  # a heading seen from type alone, not from a style or markup
    if (block.marker == "bold" and not is_title_like(text)) or (weak and (not _weak_title_ok(text) or _sentence_heading(text))):
        _add_running_text(b, block, text)
        return
    if _not_a_heading(text, weak=weak):
        _add_running_text(b, block, text)
        return
    if b.current is not None and (b.index in b.header_runs or _ledger_caption(b, b.current, block, text)):
        b.add_paragraph(ParagraphDraft(text=text, title_like=True))
        return
    if b.current is not None and _title_key(text) in b.repeated_titles and not pure_label(text):
        b.add_paragraph(ParagraphDraft(text=text, title_like=True))
        return
    if block.marker == "front-matter":
        b.title = b.title or text
        b.header.append(text)
        return
    numbered = _NUMBERED_TITLE.fullmatch(text) is not None and not _DATE_OR_YEAR_LEAD.match(text)
    if b.current is None and not b.items and not numbered and (_HEADER_HINT.search(text) or _BODY_HINT.search(text) or (block.level == 1 and not b.header)) and not _business_after_attendance(b, block, text):
        if not _AGENDA_HEADING.fullmatch(text) and lowered not in _CONTAINER_HEADINGS:
            b.title = b.title or text
            b.header.append(text)
            return
    label = pure_label(text)
    if _AGENDA_HEADING.fullmatch(text):
        b.agenda_level = block.level
        b.agenda_direct = True
        return
    b.agenda_direct = False
    if b.agenda_level is not None and block.level <= b.agenda_level:
        b.agenda_level = None
    if lowered in _CONTAINER_HEADINGS or (label and block.marker != "bold"):
        if label and b.current is not None:
            b._open_scope(label)
            b.current.paragraphs.append(ParagraphDraft(text="", label=label))
        elif label:
            # A label heading with no item open ("## Action items" first): its own untitled holder.
            holder = b.open_item(text, cue="rule:label heading")
            holder.label = label
            b._open_scope(label)
        return
    if attendance_heading(text):
        b.attendance.open(text)
        return
    m = _NUMBERED_TITLE.fullmatch(text)
    number = None
    title = text
    if m and not _ISO_DATE.fullmatch(text):
        number, title = m.group(1), m.group(2)
    elif text.startswith(("Item", "Agenda")) and (titled := _ITEM_LINE_TITLE.fullmatch(text)):
        number, title = titled.group(1), titled.group(2).strip()  # "Item 7.A - Surplus Property"
    coded = _CODED_REFERENCE.fullmatch(text.strip())
    if coded:
        number, title = coded.group(1), coded.group(2)  # "FGP/24/47 Staffing": the minute's reference, then its title
    elif (lead := _leads_coded_minute(b, text)) is not None:
        number, title = lead.group(0).strip().rstrip(".:"), text[lead.end() :].strip()  # "P&R 23/14 Grants", "FC.24.07 Allotments"
    item = b.open_item(title, number=number, level=block.level, cue="rule:bold line" if block.marker == "bold" else "rule:heading")
    if block.marker != "bold":
        b.items_from_headings = True
    if label:
        item.label = label
        b._open_scope(label)
    if decision_heading(title) and not label:
        item.label = "Decision"


_ITEM_UNDER_TITLE = re.compile(r"\n\s*\(\s*(?:Agenda\s+)?Item\s+\d{1,3}[a-z]?\s*\)\s*(?=\n|$)", re.I)  # "(Item 5)"
_ROMAN_MARKER = re.compile(r"\(?[ivx]{2,4}[.)]")
_LETTER = re.compile(r"[a-z]")


def _on_list_item(b: _Builder, block: Block, text: str, blocks: tuple[Block, ...], index: int) -> bool:
    """Open an item for a numbered/lettered title or an agenda bullet; True when consumed."""
    marker = (block.marker or "").strip()
    number = _number_of(marker)
    item_line = _ITEM_UNDER_TITLE.search(text) if "\n" in text else None
    if item_line:
        text = (text[: item_line.start()] + text[item_line.end() :]).strip()  # "(Item 5)" under the title
    first, _, rest = text.partition("\n")
    if b.agenda_level is not None and block.level == 0 and marker in ("-", "*", "+", "•"):
        has_children = index < len(blocks) and blocks[index].kind is BlockKind.LIST_ITEM and blocks[index].level > block.level
        if b.agenda_direct or has_children or "#" in text:
            b.open_item(rebuild_paragraph(text), cue="rule:agenda bullet")
            return True
        return False
    outline = _UPPER_MARKER.fullmatch(marker) is not None
    if number is None and _ROMAN_MARKER.fullmatch(marker) and "\n" not in text:
        if _follows_lead_in(blocks, index):
            return False  # "(ii) To review ..." in a run of clauses after "It was resolved:"
        return _on_roman_sub_item(b, f"{marker} {text}")  # "ii)" or "(ii)" after "i)": the next sub-item, as "i)" is
    if number is None or (block.level > 1 and not outline):
        return False
    is_letter = bool(_LETTER.fullmatch(number))
    if _numbered_point_in_minute(b, number) or (number.isdigit() and _follows_motion_stem(blocks, index, int(number))):
        return False
    if b.items_from_headings and not _MINUTE_NUMBER.fullmatch(marker) and (len(text) > 80 or "\n" in text or not is_title_like(text)):
        return False  # items are headings here: "2. The Chair offered to ring ..." is a numbered paragraph
    if _MINUTE_NUMBER.fullmatch(marker):
        if _other_year_reference(b, marker):
            return False
        entries = _run_in_minutes(marker, text)
        if not split_title(entries[0][1])[0]:
            return False
        for minute, entry in entries:
            title, body = _title_or_lead(entry)
            _open_with_text(b, block, title, body, number=minute, cue="rule:minute number")
        return True
    if rest and _LOWER_START.match(rest.lstrip()) and not first.rstrip().endswith((".", ":")):
        first, rest = first + " " + rest.replace("\n", " "), ""  # a title wrapped onto a second line
    title, body = (first, rest) if rest else split_title(text.replace("\n", " ") if not rest else text, at_colon=is_letter)
    if not title or not (_title_ok(title) or _next_in_sequence(b, number, text)):
        return False
    if _decision_or_list_intro(title):
        return False  # "3. RESOLVED that the Panel:" / "2. The main issues raised were as follows:"
    if not body and _wrapped_on(title, blocks, index):
        return False  # "(b) Considered, a report of the Treasurer dated ..., which" / "sets out options ..."
    if is_letter:
        parent = b.last_number_parent
        if parent is None or _follows_lead_in(blocks, index):
            return False  # "It was resolved:" then "(a) To accept ...": the clauses of a decision
        number = parent + number
    elif outline and b.last_number_parent is not None and not _is_roman_step(b, number):
        number = b.last_number_parent + number  # "A. Title" under item 3 is item 3A
    elif "." in number and b.current is not None and b.current.number and number.startswith(b.current.number.split(".")[0] + ".") and not _sibling_number(b.current.number, number):
        # "24.3  Mrs Kowalczyk asked ..." under item 24: a numbered paragraph unless it is a bare title.
        if "\n" in text or len(text) > 80 or not is_title_like(text) or inline_label(title) or title.rstrip().endswith(":"):
            return False
    b.open_item(title, number=number, cue="rule:lettered title" if is_letter else "rule:numbered title")
    if is_letter and b.last_number_parent is None:
        return False
    if body:
        _add_running_text(b, block, body)
    return True


def _numbered_point_in_minute(b: _Builder, number: str) -> bool:
    """Under a minute numbered "120/24", entries "1.", "2." are the minute's numbered points (the
    letters received, the applications): minutes numbered serial/year number their items so. The
    points count from 1 inside the minute; a "5." that does not follow a "4." there is no point."""
    current = b.current
    if current is None or not current.number or not _MINUTE_NUMBER.fullmatch(current.number) or not number.isdigit():
        return False
    if number == "1":
        return True
    before = str(int(number) - 1)
    return any(_number_of(p.list_marker) == before for p in current.paragraphs)


def _other_year_reference(b: _Builder, marker: str) -> bool:
    """Inside a minute numbered "118/24", an entry led by "24/0871" or "23/01234" is a reference
    (a planning application, a minute of another year), not the next minute: a meeting's minutes
    share their year, after the slash ("118/24", "119/24") or before it ("24/101", "24/102")."""
    current = b.current.number if b.current is not None else None
    if not current or not _MINUTE_NUMBER.fullmatch(current):
        return False
    before, _, after = marker.partition("/")
    serial, _, year = current.partition("/")
    return before != serial and after != year


def _follows_motion_stem(blocks: tuple[Block, ...], index: int, number: int) -> bool:
    """Do the numbered entries ending at ``blocks[index - 1]`` follow a motion's stem on its own
    line ("That Council:", "That the Board:")? They are the parts of the motion, not items, as
    long as they count on from 1 ("5. CLOSURE" after parts 1 and 2 is the next item)."""
    at = index - 2
    while at >= 0 and blocks[at].kind is BlockKind.LIST_ITEM:
        at -= 1
    if at < 0 or index - 1 - at != number or blocks[at].kind is not BlockKind.PARAGRAPH or not blocks[at].text.rstrip().endswith(":"):
        return False
    if number > 1 and blocks[index - 2].text.rstrip().endswith(".") and is_title_like(blocks[index - 1].text):
        return False  # "2. Asks the Treasurer to pay." then "3. Any other business": the motion ended
    return _MOTION_STEM.fullmatch(blocks[at].text.rstrip().rpartition("\n")[2].strip()) is not None


def _follows_lead_in(blocks: tuple[Block, ...], index: int) -> bool:
    """Does the run of list entries ending at ``blocks[index - 1]`` follow a decision's lead-in
    ("It was resolved:", "Members AGREED that:")? Its entries are the decision's clauses, not
    sub-items; a plain lead-in ("Reports were received from:") may well list sub-items."""
    at = index - 2
    while at >= 0 and blocks[at].kind is BlockKind.LIST_ITEM:
        at -= 1
    if at < 0 or blocks[at].kind is not BlockKind.PARAGRAPH:
        return False
    lead = blocks[at].text.rstrip()
    if lead.endswith(":") and _MOTION_STEM.fullmatch(lead.rpartition("\n")[2].strip()):
        return True  # "That Council:" / "That the Board:" then "1. Approves ...": the motion's parts
    return lead.endswith(":") and len(lead) <= 120 and _DECISION_WORD.search(lead) is not None


# The stem of a motion or resolution whose parts are listed below it, on a line of its own.
_MOTION_STEM = re.compile(r"That\s+(?:the\s+)?(?:[A-Z][\w&'’-]*\s*){1,4}:")


_DECISION_WORD = re.compile(r"\b(?:resolved|agreed|decided|recommended)\b", re.I)


def _sibling_number(current: str, number: str) -> bool:
    """"03.24.05" after "03.24.04": the next item of a dotted numbering (month.year.item), not a
    paragraph numbered under it ("24.3" under "24")."""
    mine, theirs = number.split("."), current.split(".")
    return len(mine) == len(theirs) and len(mine) > 1 and mine[:-1] == theirs[:-1] and mine[-1] != theirs[-1]


_DECISION_LEAD = re.compile(r"(?:RESOLVED|AGREED|DECIDED|RECOMMENDED)\b")


def _decision_or_list_intro(title: str) -> bool:
    """A numbered line that records a decision ("RESOLVED that the Panel:") or introduces a list
    with a sentence ("The main issues raised were as follows:"): minute text, not a title."""
    stripped = title.strip()
    if _DECISION_LEAD.match(stripped):
        return True
    return stripped.endswith(":") and _FINITE_IN_TITLE.search(stripped) is not None


def _run_in_minutes(marker: str, text: str) -> list[tuple[str, str]]:
    """A minute's text with the next minutes run into it ("40/19 Apologies ... noted. 41/19
    Declaration of Interest ... 72/17 ..."): (number, text) per minute, each number the next of
    the same year."""
    number, _, year = marker.partition("/")
    entries: list[tuple[str, str]] = []
    current, start = marker, 0
    expected = int(number) + 1
    for m in re.finditer(r"(?<=[.!?”\"')\s])\s*(\d{1,4})/(\d{2,4})\s+(?=[A-Z])", text):
        if int(m.group(1)) != expected or m.group(2) != year:
            continue
        entries.append((current, text[start : m.start()].strip()))
        current, start = f"{m.group(1)}/{year}", m.end()
        expected += 1
    entries.append((current, text[start:].strip()))
    return entries


def _wrapped_on(line: str, blocks: tuple[Block, ...], index: int) -> bool:
    """Is ``line`` the first line of a wrapped sentence: it stops on a connective ("of", "and",
    "the") or the next block carries on in lower case ("setting" / "out proposals for ...")?"""
    if _ends_with(_CONNECTIVE_END, line):
        return True
    if index >= len(blocks) or blocks[index].kind is not BlockKind.PARAGRAPH or _TERMINAL.search(line):
        return False
    return re.match(r"[a-z]+\b(?![.)])", blocks[index].text.strip()) is not None  # not "i." / "b)", a sub-entry


def _next_in_sequence(b: _Builder, number: str, text: str) -> bool:
    """A short one-line entry numbered next after the open item ("6. The Clerk to report on the
    playground." after item 5) is the next item of a list of business, full stop or not."""
    if b.current is None or not b.current.number or not b.current.number.isdigit() or not number.isdigit():
        return False
    if int(number) != int(b.current.number) + 1 or "\n" in text.strip() or len(text.split()) > 16:
        return False
    return not b.current.paragraphs and text.strip()[:1].isupper() and text.rstrip().endswith(".") and text.count(". ") == 0


def _is_roman_step(b: _Builder, number: str) -> bool:
    """Is an upper-case "I"/"V"/"X"-only marker a roman item number rather than a letter? A
    letter when it follows the previous letter ("I" after item "6H"), roman otherwise."""
    if not re.fullmatch(r"[IVX]+", number):
        return False
    previous = b.current.number if b.current is not None and b.current.number else ""
    tail = re.search(r"([A-Z]{1,2})$", previous)
    if tail and len(number) <= 2 and not re.fullmatch(r"[IVX]+", tail.group(1)):
        value = 0
        for ch in tail.group(1):
            value = value * 26 + ord(ch) - 64
        mine = 0
        for ch in number:
            mine = mine * 26 + ord(ch) - 64
        return mine != value + 1
    return True


# An agenda's item is the business to be done: "To receive ...", "To consider and agree ...".
_AGENDA_BUSINESS = re.compile(
    r"To\s+(?:receive|consider|approve|note|agree|discuss|review|resolve|elect|adopt|confirm|appoint|authorise|authorize|ratify|accept|sign)\b(?![^.]*\.\s+\S)"
)
_FINITE_IN_TITLE = re.compile(r"\b(?:was|were|is|are|had|has|have|will|would|should|could|did)\b")


def _title_ok(title: str) -> bool:
    """A numbered or lettered line that reads as an item title rather than a numbered sentence."""
    stripped = title.strip()
    if _AGENDA_BUSINESS.match(stripped) and len(stripped.split()) <= 30:
        return True  # "To receive apologies for absence." names the business of an agenda item
    if not stripped or (stripped.endswith((".", ";", ",")) and not stripped.isupper()):
        return False
    if not (stripped[:1].isupper() or stripped[:1].isdigit() or stripped[:1] in "\"'“‘("):
        return False
    if len(stripped.split()) > 18:
        return False
    return is_title_like(stripped) or stripped.isupper() or _FINITE_IN_TITLE.search(stripped) is None


# A minute number behind the committee's code ("FGB14/2223 Title", "BM 8/2324 Title", "PC 12/24
# Title"): the code names the body, the number is the minute's; an agenda often lists several on
# one line when a PDF run them together.
_PREFIXED_MINUTE = re.compile(r"(?:(?<=\s)|^)([A-Z]{1,5}) ?(\d{1,4}[a-z]?/\d{2,4})\s+(?=[A-Z0-9“\"'])")


# A council's agenda listing flattened into running text: the item number, its title, then the
# kind of paper in brackets, a few capitalised words perhaps with a number ("17 Renew the lease of
# the boathouse  (Report)  ADOPTED  *18 Accept a gift of $3,000  (Ordinance)  (Y-4) ...",
# "(Consent Agenda 4)", "(Ordinance; as amended)"). Several in one block make it a listing.
_PAPER_KIND = r"\([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,3}(?:\s\d{1,3})?(?:[;,][^()]{0,60})?\)"
_LISTING_ENTRY = re.compile(
    r"(?:(?<=\s\s)|(?<=\n)|^|(?<=\s)(?=\*))(\*?(?:[A-Z]-)?\d{1,3})\s+([A-Z][^()]{8,400}?)\s*" + _PAPER_KIND,
    re.S,
)
_LISTING_MIN = 3


def _on_flattened_listing(b: _Builder, block: Block, text: str) -> bool:
    """One item per entry of a flattened agenda listing; what lies between entries (the vote, the
    outcome, the department's name) is the entry's text."""
    if text.count("(") < _LISTING_MIN:
        return False  # each entry holds its own "(" (the paper's kind): no need to run the pattern
    entries = list(_LISTING_ENTRY.finditer(text))
    if len(entries) < _LISTING_MIN:
        return False
    lead = text[: entries[0].start()].strip()
    if lead:
        _add_running_text(b, block, lead)
    for entry, end in _with_ends(entries, len(text)):
        # The entry whole (title, paper, vote, outcome) is what the meeting acted on: the item's text.
        acted_on = rebuild_paragraph(text[entry.start(2) : end].strip())
        _open_with_text(b, block, rebuild_paragraph(entry.group(2)), acted_on, number=entry.group(1), cue="rule:agenda listing")
    return True


# A minute reference in the committee's code, year and number: "FGP/24/47 Staffing".
_CODED_REFERENCE = re.compile(r"([A-Z]{1,5}/\d{2,4}/\d{1,4}[a-z]?)[.:]?\s+([A-Z].{1,200})", re.S)


def _on_prefixed_minutes(b: _Builder, block: Block, text: str) -> bool:
    """Paragraphs led by a coded minute number: one item per number, titled by what follows it."""
    first = _PREFIXED_MINUTE.match(text)
    if not first:
        return False
    code = first.group(1)
    starts = [m for m in _PREFIXED_MINUTE.finditer(text) if m.group(1) == code]
    for m, end in _with_ends(starts, len(text)):
        title, body = _title_or_lead(rebuild_paragraph(text[m.end() : end]))
        _open_with_text(b, block, title.rstrip(" .:"), body, number=m.group(2), cue="rule:coded minute number")
    return True


# A minute number behind the word "Minute" ("Minute 112/24  Apologies", "Min. 45/23 Finance",
# "Minute No. 12 - Planning"), as many parish and community councils print their headings. The
# number's shape is a minute's (serial/year) or a bare serial; the title starts with a capital.
_WORDED_MINUTE = re.compile(
    r"(?:Minute|MINUTE|Min\.?|MIN\.?)(?:\s+(?:No|NO)\.?)?\s*(\d{1,4}[a-z]?/\d{2,4}|\d{1,3}[a-z]?)[.:]?"
    r"(?:[ \t\u00a0]*[–—-])?[ \t\u00a0]+(?=[A-Z“\"'‘])"
)


def _on_worded_minute(b: _Builder, block: Block, text: str) -> bool:
    """A paragraph led by "Minute <number>": an item titled by the rest of its first line (or by
    the title that line starts with), whose text is what follows."""
    if not text.startswith(("Min", "MIN")):
        return False  # literal guard: the pattern runs only on paragraphs that can hold it
    m = _WORDED_MINUTE.match(text)
    if not m:
        return False
    first, _, rest = text[m.end() :].partition("\n")
    if rest:
        title, body = first.strip(), rest
    else:
        title, body = _title_or_lead(rebuild_paragraph(first))
    if not title or not _title_ok(title.rstrip(" .:")):
        return False  # "Minute 12 Members asked whether ... was right." is a sentence, not a heading
    if not _worded_minute_follows(b, m.group(1)):
        return False  # "Minute 93/24 Speed watch – ..." under "Matters arising" refers back to it
    _open_with_text(b, block, title.rstrip(" .:"), body, number=m.group(1), cue="rule:worded minute number")
    return True


def _worded_minute_follows(b: _Builder, number: str) -> bool:
    """Does "Minute <number>" head the next minute? Minutes headed so number on from the one
    before; a matters-arising line "Minute 93/24 Speed watch – ..." under minute 102/24 (or under
    an item "2.") names an earlier minute."""
    current = b.current
    if current is None or current.number is None:
        return True
    if current.cue != "rule:worded minute number" and not _MINUTE_NUMBER.fullmatch(current.number):
        return False
    return _number_after(current.number, number)


def _number_after(earlier: str, later: str) -> bool:
    """Is minute number ``later`` after ``earlier`` in one meeting ("119/24" after "118/24",
    "24/102" after "24/101", "12" after "11")?"""
    a, b = earlier.partition("/"), later.partition("/")
    if bool(a[1]) != bool(b[1]):
        return False
    if not a[1]:
        return _serial(b[0]) > _serial(a[0])
    if a[2] == b[2]:
        return _serial(b[0]) > _serial(a[0])
    return a[0] == b[0] and _serial(b[2]) > _serial(a[2])


def _serial(number: str) -> int:
    digits = re.match(r"\d+", number)
    return int(digits.group(0)) if digits else -1


# A minute number written as the body's code, the year and the minute's serial: "AC/25/01 Title",
# "P&R 23/14 Title", "FC.24.07 Title", "C/23/45 Title". Planning references share the shape
# ("DC/24/0123", "24/01234/FUL"): their serials run to four or more digits, and they stand alone,
# where a meeting's minutes run in sequence under one code (see _coded_minute_runs).
_CODED_MINUTE = re.compile(r"([A-Z][A-Z&]{0,4})[/. ](\d{2}|\d{4})[/.](\d{1,3})[.:]?[ \t\u00a0]+(?=[A-Z“\"'‘])")


_CODED_NUMBER = re.compile(r"[A-Z][A-Z&]{0,4}[/. ](?:\d{2}|\d{4})[/.]\d{1,3}")  # such a number alone


def _coded_minute_runs(blocks: tuple[Block, ...]) -> frozenset[str]:
    """Codes that lead two paragraphs whose minute serials follow on (01 then 02) in the same
    year: the document's minute numbering, not a reference quoted once."""
    seen: dict[tuple[str, str], set[int]] = {}
    for block in blocks:
        text = block.text
        if not text[:1].isupper():  # cheap test first: a code starts with a capital
            if not text[:1].isspace():
                continue
            text = text.lstrip()
            if not text[:1].isupper():
                continue
        second = text[1:2]  # a capital, or the separator after a one-letter code ("C/23/45")
        if not (second.isupper() or second in "/. &"):
            continue
        m = _CODED_MINUTE.match(text) if block.kind is BlockKind.PARAGRAPH or block.kind is BlockKind.HEADING else None
        if m:
            seen.setdefault((m.group(1), m.group(2)), set()).add(int(m.group(3)))
    return frozenset(code for (code, _), serials in seen.items() if any(n + 1 in serials for n in serials))


def _leads_coded_minute(b: _Builder, text: str) -> re.Match[str] | None:
    """The coded minute number of the document's run that ``text`` begins with, if any."""
    if not b.minute_codes or not text[:1].isupper():
        return None
    m = _CODED_MINUTE.match(text)
    if m is None or m.group(1) not in b.minute_codes or _numbered_otherwise(b):
        return None
    return m


def _numbered_otherwise(b: _Builder) -> bool:
    """Items already numbered "1.", "2." and none by code: the coded lines are references listed
    in an item (planning applications "P/25/101", "P/25/102" under "2. Planning"), not minutes."""
    numbers = [item.number for item in b.items if item.number]
    return any(n[:1].isdigit() for n in numbers) and not any(_CODED_NUMBER.fullmatch(n) for n in numbers)


def _on_coded_minute(b: _Builder, block: Block, text: str) -> bool:
    """A paragraph led by a minute number of the document's run of coded minutes: an item, titled
    by the line after the number when it reads as a title."""
    m = _leads_coded_minute(b, text)
    if m is None:
        return False
    title, body = split_title(text[m.end() :])
    if not title or not _title_ok(title.rstrip(" .:")):
        return False
    _open_with_text(b, block, title.rstrip(" .:"), body, number=m.group(0).strip().rstrip(".:"), cue="rule:coded minute number")
    return True


# A register or roll-call reference printed in a column before the item number ("11-2047 5. Title",
# "11-2050 (A) Title", "C/23/45 7. Title"), perhaps behind a stamp run into it ("DEFERRED11-2051").
_REFERENCE_ENTRY = re.compile(
    r"(?:[A-Z]{4,}\s*)?(?:[A-Z]{1,3}[ /])?\d{2,4}[-/]\d{2,5}(?:/\d{2,4})?\s+(\d{1,3}[a-z]?\.|\([A-Z]{1,2}\)|[IVX]{1,5}\.)\s+(?=\S)"
)
_MOTION_START = re.compile(r"\s(?=(?:Moved|Motion|Seconded|Proposed|Carried|Approved|Adopted)\b)")


def _on_reference_entry(b: _Builder, block: Block, text: str, blocks: tuple[Block, ...], index: int) -> int | None:
    """An entry led by a reference number and an item number: an item, whose title is the entry's
    first sentence (before "Moved by ...", the vote, the text). A PDF may print the entry over
    several line blocks: they are read together. Returns how many following blocks were used,
    None when ``text`` is no such entry."""
    m = _REFERENCE_ENTRY.match(text)
    caps = None if m else _REFERENCE_CAPS.match(text)
    if not m and not caps:
        return None
    used = 0
    while _entry_continues(text, blocks, index + used):
        text = text + "\n" + blocks[index + used].text.strip()
        used += 1
    if caps:
        # "11-2060 MOTION TO RECESS. Moved by ...": an unnumbered entry titled in capitals.
        body = rebuild_paragraph(text[caps.end() :])
        title = caps.group(1)
        _open_with_text(b, block, title, body[len(title) :].lstrip(" .:"), cue="rule:reference number")
        return used
    assert m is not None
    marker = m.group(1)
    body = rebuild_paragraph(text[m.end() :])
    cut = _MOTION_START.search(body)
    title, rest = (body[: cut.start()], body[cut.end() :]) if cut else split_title(body)
    lead = _CAPITALS_LEAD.match(title)
    if lead:
        title, rest = lead.group(1), (title[lead.end() :] + " " + rest).strip()  # "ROLL CALL: Alder, Birch ..."
    if not title:
        title, rest = body[:_ITEM_TITLE_MAX], body[_ITEM_TITLE_MAX:]
    number = marker.rstrip(".")
    if number.startswith("("):
        letter = number.strip("()")
        number = (b.last_number_parent or "") + letter
    b.open_item(title.strip().rstrip(":"), number=number, cue="rule:reference number")
    # A title that is a sentence ("City Manager to renew the lease.") or a whole resolution printed
    # over several lines is also what the meeting acted on: it stays the item's text.
    acted_on = title.rstrip().endswith(".") or (used > 0 and len(title.split()) > 10)
    text_after = (title.strip() + " " + rest.strip()) if acted_on else rest.strip()
    if text_after.strip():
        _add_running_text(b, block, text_after.strip())
    return used


# An unnumbered register entry titled in capitals: "11-2060 MOTION TO RECESS. Moved by ...".
_REFERENCE_CAPS = re.compile(r"(?:[A-Z]{1,3}[ /])?\d{2,4}[-/]\d{2,5}\s+(?=[A-Z]{2,}\s+[A-Z]{2,})((?:[A-Z][A-Z&'’/-]*\b[ ,]*){2,12})(?=[.:]|$)")
# A title in capitals before a colon, the entry's text after it: "ROLL CALL: Alder, Birch ...".
_CAPITALS_LEAD = re.compile(r"([A-Z][A-Z ,&'’/-]{3,80}[A-Z]):\s+(?=\S)")
_ENTRY_CONTINUATION_MAX = 6


def _entry_continues(text: str, blocks: tuple[Block, ...], index: int) -> bool:
    """Does the register entry ``text`` go on in ``blocks[index]``, the next line a PDF printed
    as its own block? Not once the motion or vote has begun, after a line ending in a colon (a list
    follows), nor into another entry, a list or a line in capitals (a section heading)."""
    if index >= len(blocks) or text.count("\n") >= _ENTRY_CONTINUATION_MAX:
        return False
    following = blocks[index]
    nxt = following.text.strip()
    if following.kind is not BlockKind.PARAGRAPH or not nxt or "\n" in nxt:
        return False
    flat = rebuild_paragraph(text)
    if _MOTION_START.search(flat) or flat.endswith(":"):
        return False
    if _REFERENCE_ENTRY.match(nxt) or _REFERENCE_CAPS.match(nxt) or nxt.isupper():
        return False
    return len(nxt.split()) >= 3 or not is_title_like(nxt)


# A business heading in capitals closed by a colon or a dash, alone or before its text:
# "APPROVAL OF MINUTES:", "REPORTS:", "CORRESPONDENCE – A donation was agreed ...".
_CAPITALS_SECTION = re.compile(r"([A-Z][A-Z’'&/ ]{2,60}[A-Z])\s*(?::|\s[–—-])\s*(.*)", re.S)
# Header fields written the same way ("DATE:", "VENUE:"): the meeting's particulars, not business.
_HEADER_FIELD = re.compile(r"(?:date|time|venue|location|place|held|chair|chairman|chairperson|clerk|secretary|minutes|meeting|note|nb|ps)", re.I)


# "1 Opening by the President", "6 Allotments:", "7 Parking: We were told ...": a title numbered
# without a full stop, which readers leave a paragraph.
_BARE_NUMBER_TITLE = re.compile(r"(\d{1,2})[ \t\u00a0]+([A-Z][^\n]{2,600})")


def _bare_number_in_sequence(b: _Builder, number: int) -> bool:
    """Only a run counts: the first such title is 1, each next one the last item's number + 1
    (a paragraph "2 members were absent" or "14 Mill Row" is text)."""
    numbered = [item.number for item in b.items if item.number and item.number.isdigit()]
    if not numbered:
        return number == 1
    return number == int(numbered[-1]) + 1


def _bare_title_ok(title: str) -> bool:
    """A bare-numbered line's head reads as a title: a few words, no verb, no sentence."""
    stripped = title.strip()
    if len(stripped.split()) > 10 or re.search(r"[.,;:]$|[:;]\s", stripped) or _FINITE_VERB_ANY.search(stripped):
        return False
    return is_title_like(stripped) and not _ends_with(_CONNECTIVE_END, stripped)


def _sentence_line(text: str) -> bool:
    """A line of running minute text: a sentence of several words ("The meeting was called to
    order at 7:00 P.M.")."""
    return len(text.split()) >= 8 and text.rstrip().endswith(".") and _FINITE_VERB_ANY.search(text) is not None


def _capitals_section(b: _Builder, text: str) -> tuple[str, str] | None:
    """(heading, text) for a capitals business heading that ends in a colon or a dash."""
    m = _CAPITALS_SECTION.fullmatch(text.strip())
    if not m:
        return None
    head, rest = m.group(1).strip(), m.group(2).strip()
    words = head.split()
    if len(words) > 6 or (len(words) == 1 and len(head) < 6) or _HEADER_FIELD.fullmatch(head):
        return None
    if rest and not re.search(r"[a-z]", rest):
        return None  # "PUBLIC HEARINGS - CONTINUED", "... - 6:40 P.M.": the whole line is the heading
    if len(words) == 1 and rest and text.strip()[len(head) :].lstrip().startswith(":"):
        return None  # "PROPOSED: ...", "STATUS: ...", "PRAYER: Rev. ...": a label and its text
    if b.current is None and not any(_sentence_line(line) for line in b.header):
        return None  # still the title block ("PANEL: VENUE:"): no minute has been written yet
    if pure_label(head) or attendance_heading(head) or _BARE_OUTCOME.fullmatch(head) or inline_label(text):
        return None
    if rest and (rest[:1].islower() or len(rest) < 3):
        return None
    return head, rest


_SECTION_WORDS_MAX = 6


_FIRST_MARKER = re.compile(r"\(?1[.)]")


def _opens_outline(b: _Builder, blocks: tuple[Block, ...], index: int) -> bool:
    """Does the list at ``blocks[index]`` start fresh under a section line of outline minutes? A
    numbered list starting at 1, or bullets in an item that so far holds lists only; not a list
    that goes on from before the line ("(h)" ... line ... "(i)")."""
    marker = (blocks[index].marker or "").strip()
    if _FIRST_MARKER.fullmatch(marker):
        return True
    previous = blocks[index - 2] if index >= 2 else None
    if previous is not None and previous.kind is BlockKind.LIST_ITEM and (previous.marker or "").strip() not in _BULLETS:
        return False
    if marker in _BULLETS and b.current is not None and b.current.cue in ("rule:heading", "rule:list section"):
        return all(p.list_marker for p in b.current.paragraphs if p.text)
    return False


_BULLETS = frozenset(["-", "*", "+", "•", "·", "●", "▪", "o", "–"])


def _on_list_section(b: _Builder, block: Block, text: str, blocks: tuple[Block, ...], index: int) -> bool:
    """Outline minutes: a short title line set as a plain paragraph ("Matters arising:", "Open
    questions") with the list it heads straight after it is a section of business, an item. Not a
    sentence, a label, an attendance heading or a title-block line."""
    stripped = text.strip()
    if (b.current is None and not b.header) or block.marker == "cell" or "\n" in stripped:
        return False
    if index >= len(blocks) or blocks[index].kind is not BlockKind.LIST_ITEM or not _opens_outline(b, blocks, index):
        return False
    if re.match(r"(?:see|in|for|as|at|on|by)\b", stripped, re.I):
        return False  # "See Appendix C", "In addition": a pointer or a connective
    head = stripped.rstrip(":").strip()
    words = head.split()
    if not 1 <= len(words) <= _SECTION_WORDS_MAX or not head[:1].isupper() or len(head) < 3:
        return False
    if re.search(r"[.,;:!?]$|[:;,]\s|\d{1,2}[:.]\d{2}|\d{4}", head) or _FINITE_VERB_ANY.search(head) or _ends_with(_CONNECTIVE_END, head):
        return False
    bullets = (blocks[index].marker or "").strip() in _BULLETS  # an outline of bullets: any short line heads a section
    if not (is_title_like(head) or bullets) or pure_label(stripped) or attendance_heading(stripped) or (_HEADER_HINT.search(head) and b.current is None):
        return False
    if _TASK_LIST_INTRO.search(stripped) or re.match(r"(?:the\s+)?following\b", head, re.I):
        return False
    if _DECISION_LEAD.match(head) or inline_label(stripped):
        return False  # "RESOLVED to recommend to Full Council:" introduces the resolution's list
    b.open_item(head, cue="rule:list section")
    return True


# "ii. Footpaths – R. Tully": a sub-item numbered in lower-case roman, left a paragraph by readers.
_ROMAN_SUB_TITLE = re.compile(r"\(?([ivx]{1,4})[.)][ \t\u00a0]+([A-Z][^\n]{2,120})")  # "ii. Title", "(ii) Title"
_ROMAN_VALUES = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def _roman_in_sequence(b: _Builder, roman: str) -> bool:
    """"i" starts a run of sub-items; each next one follows the last ("ii" after "i")."""
    if roman == "i":
        return True
    previous = b.last_roman
    suffix = re.fullmatch(r"\d+([ivx]+)", b.current.number or "") if b.current is not None else None
    if suffix:
        previous = suffix.group(1)  # the open item is the run's last ("5i", read from a list item)
    if roman not in _ROMAN_VALUES or previous not in _ROMAN_VALUES:
        return False
    return _ROMAN_VALUES.index(roman) == _ROMAN_VALUES.index(previous) + 1


# Members' initials signing off an entry: "JKT/ARB".
_INITIALS_SIGN_OFF = re.compile(r"[A-Z]{2,4}(?:/[A-Z]{2,4})+")
_BARE_TITLE_MIN = 5  # letters: shorter is a fragment ("1 Prop"), not a title


def _on_bare_number_title(b: _Builder, block: Block, text: str) -> bool:
    """A title numbered without a full stop, in sequence ("7 Parking: We were told ..."): an item,
    with any text after its colon."""
    bare = _BARE_NUMBER_TITLE.fullmatch(text.strip())
    if not bare or not _bare_number_in_sequence(b, int(bare.group(1))):
        return False
    head, colon, rest = bare.group(2).partition(":")
    if len(head.strip()) < _BARE_TITLE_MIN or not _bare_title_ok(head) or (colon and rest.strip() and not rest[:1].isspace()):
        return False  # "3 Reports:Minutes" or a fragment
    _open_with_text(b, block, head.strip(), rest, number=bare.group(1), cue="rule:bare number title")
    return True


def _on_roman_sub_item(b: _Builder, text: str) -> bool:
    """A lower-case roman sub-item set as a paragraph ("ii. Footpaths – R. Tully"), in its run."""
    roman = _ROMAN_SUB_TITLE.fullmatch(text.strip())
    if not roman or not _roman_in_sequence(b, roman.group(1)) or not _title_ok(roman.group(2)):
        return False
    parent = b.last_number_parent or ""
    b.open_item(roman.group(2).strip(), number=parent + roman.group(1), cue="rule:roman sub-item")
    b.last_roman = roman.group(1)
    return True


def _on_paragraph_title(b: _Builder, block: Block, text: str) -> bool:
    """Plain-text item titles: "Agenda item" + title lines, "(Item 4)", numbered title lines."""
    if text.lower().strip(" :") in ("agenda item", "agenda item:"):
        b.expect_title_after_agenda_line = True
        return True
    if b.expect_title_after_agenda_line:
        b.expect_title_after_agenda_line = False
        if len(text) <= 200:
            b.open_item(rebuild_paragraph(text), cue="rule:agenda item line")
            return True
    titled = _ITEM_LINE_TITLE.fullmatch(text.strip())
    if titled and _title_ok(titled.group(2)):
        # "Item 6 – Governance Review": the agenda's item; numbered paragraphs under it are its text.
        b.open_item(titled.group(2).strip(), number=titled.group(1), cue="rule:item line title")
        b.items_from_headings = True
        return True
    item_line = _ITEM_LINE.fullmatch(text)
    if item_line and b.current is not None:
        if b.current.number is None and not b.current.paragraphs:
            b.current.number = item_line.group(1)
        return True
    if block.marker == "cell" or "\n" in text:
        return False
    if text.rstrip(":").isupper() and _starts_trailer(b, text):
        return True
    if _on_bare_number_title(b, block, text):
        return True
    section = _capitals_section(b, text)
    if section is not None:
        head, rest = section
        _open_with_text(b, block, head, rest, cue="rule:capitals section")
        return True
    if _on_roman_sub_item(b, text):
        return True
    if _INITIALS_SIGN_OFF.fullmatch(text.strip()):
        return False  # members' initials signing off an entry are no capitals title
    if text.isupper() and 3 < len(text) <= 100 and len(re.findall(r"[A-Z]{2,}", text)) >= 2 and not pure_label(text):
        in_header_zone = b.current is None
        if not in_header_zone and (_title_key(text) in b.repeated_titles or not _weak_title_ok(text)):
            return False
        if in_header_zone and (not b.header or len(b.header) < 2 or _HEADER_HINT.search(text) or _BODY_HINT.search(text) or _DATE_LIKE.search(text)):
            b.header.append(text)
            return True
        b.open_item(text, cue="rule:capitals line")
        return True
    return False
