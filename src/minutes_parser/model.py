"""The data model shared by every pipeline stage.

Everything here is a frozen dataclass or a ``str`` enum, so values can be hashed, compared and
passed between processes safely. Every extracted fact carries a :class:`Provenance`: which agenda
item and paragraph it came from, and the character span inside that paragraph's text.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import Enum

SCHEMA_VERSION = "1.1"


class SourceFormat(str, Enum):
    """What was read (``source.format`` in the JSON)."""

    TEXT = "text"
    MODERNGOV = "moderngov"
    DOCX = "docx"
    PDF = "pdf"
    HTML = "html"


class DocumentKind(str, Enum):
    MINUTES = "minutes"
    REPORT = "report"
    AGENDA = "agenda"  # schema 1.1: an agenda with no minutes
    UNKNOWN = "unknown"


class ParagraphKind(str, Enum):
    DISCUSSION = "discussion"
    DECISION = "decision"
    ACTION = "action"


class AttendanceStatus(str, Enum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    IN_ATTENDANCE = "in_attendance"
    ABSENT = "absent"


class FollowUpKind(str, Enum):
    REPORT = "report"
    ITEM = "item"
    UPDATE = "update"


class BlockKind(str, Enum):
    """Structural units a reader emits; segmentation works on these alone."""

    HEADING = "heading"  # a title line: markdown heading, bold caps line, DOCX heading style
    PARAGRAPH = "paragraph"  # running text (may still hold hard line breaks as "\n")
    LIST_ITEM = "list_item"  # a bullet or numbered/lettered sub-paragraph
    TABLE_ROW = "table_row"  # one row of a table, cells in ``cells``
    ITEM_BOUNDARY = "item_boundary"  # a source marker that opens an agenda item (ModernGov <AIn>)
    SECTION_BREAK = "section_break"  # end of the minutes proper (ModernGov <TRAILER_SECTION>)


@dataclass(frozen=True)
class Layout:
    """How a block looks, beyond its words: what a human reader uses to see structure.

    A field the format does not carry stays None (or False). Readers fill what they know:
    PDF size, weight and indentation; DOCX paragraph style, outline level and run weight; HTML
    tag and ``<b>``/``<strong>``/``<i>``/``<em>``.
    """

    size_ratio: float | None = None  # font size / the body text's size (PDF), to 2 decimals
    bold: bool = False  # every visible character bold (font weight or name, runs, <b>/<strong>)
    italic: bool = False  # every visible character italic (DOCX runs, <i>/<em>)
    indent: float | None = None  # points right of the page's usual left edge (PDF)
    style: str | None = None  # DOCX paragraph style name; HTML tag holding the block ("h2", "li")
    outline: int | None = None  # DOCX outline / heading level, HTML h1-h6 (1 = top)


@dataclass(frozen=True)
class Block:
    """One structural unit of a document, as a reader found it.

    ``start``/``end`` are character offsets into the reader's decoded text (for binary formats,
    into the text the reader rebuilt), so every later fact can point back into the source.
    """

    kind: BlockKind
    text: str
    start: int = 0
    end: int = 0
    level: int = 0  # heading level (1 = top) or list nesting depth
    marker: str | None = None  # list bullet / number as printed: "•", "5.1", "(a)"
    cells: tuple[str, ...] = ()  # table cells, merged cells counted once
    key: str | None = None  # source marker for ITEM_BOUNDARY blocks, e.g. "AI7"
    page: int | None = None  # 1-based page for paged formats
    margin: str | None = None  # text set apart at the margin, level with this block (action column)
    header_row: bool = False  # a table row that names its columns
    layout: Layout | None = None  # how the block looks, where the reader can tell


@dataclass(frozen=True)
class ReadDocument:
    """What a reader returns: the blocks, the text they index into, and what it noticed."""

    format: SourceFormat
    blocks: tuple[Block, ...]
    text: str
    dialect: str | None = None  # "markdown", "rst", "plain" for text formats
    warnings: tuple[str, ...] = ()
    pages: int | None = None
    # Document properties the format carries apart from the text (front matter, PDF/DOCX core
    # properties): ("date", "2018-07-29"), ("title", ...). Never the meeting date by themselves.
    metadata: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Provenance:
    """Where a fact came from: agenda item, paragraph within it, character span in its text."""

    item_index: int  # position in Minutes.items (0-based)
    paragraph: int  # position in that item's paragraphs (0-based)
    start: int  # character span within the paragraph's text
    end: int
    item: str | None = None  # the item's number, else key, as printed


@dataclass(frozen=True)
class Source:
    path: str
    format: SourceFormat
    sha256: str
    dialect: str | None = None
    pages: int | None = None


@dataclass(frozen=True)
class Attendee:
    name: str
    status: AttendanceStatus
    role: str | None = None
    organisation: str | None = None
    initials: str | None = None  # as the document defines them: "Mia Shelton (MS)" -> "MS"


@dataclass(frozen=True)
class Meeting:
    body: str | None = None
    title: str | None = None
    date: _dt.date | None = None
    time: str | None = None
    venue: str | None = None
    attendees: tuple[Attendee, ...] = ()
    next_meeting: _dt.date | None = None
    date_source: str | None = None  # "text", "filename", "override" or None


@dataclass(frozen=True)
class Paragraph:
    kind: ParagraphKind
    text: str
    cues: tuple[str, ...] = ()
    label: str | None = None  # "Decision", "Action", "RESOLVED" applied to this paragraph
    list_marker: str | None = None
    margin: str | None = None  # action-column text level with this paragraph


@dataclass(frozen=True)
class AgendaItem:
    title: str
    number: str | None = None
    key: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    appendix: bool = False  # supporting documents / appendices after the minutes
    preamble: bool = False  # text before the first agenda item (a report, an untitled note)
    cues: tuple[str, ...] = ()  # what opened the item: "rule:numbered title", "model:0.93 (...)"

    @property
    def ref(self) -> str | None:
        """How decisions and actions refer to this item: its number, else its key."""
        return self.number or self.key


@dataclass(frozen=True)
class Owner:
    """Who is to do an action, as written, with the name the document defines for it."""

    name: str  # resolved: "Mia Shelton" for "MS" where the document defines the initials
    written: str  # as the minutes have it: "MS"
    cue: str  # why: "pattern:OWNER to VERB", "margin:action-column", ...
    start: int = 0  # span within the paragraph text (0, 0 when it came from outside it)
    end: int = 0


@dataclass(frozen=True)
class DueDate:
    text: str  # the words in the document
    value: str  # TIMEX3-style: "2018-12-15", "2018-11", "2018-W44", "NEXT_MEETING"
    date: _dt.date | None  # last day the value allows, if known
    cue: str = ""
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class FollowUp:
    kind: FollowUpKind
    to: str | None = None
    topic: str | None = None
    cue: str = ""


class Outcome(str, Enum):
    """What became of a motion or resolution (``decisions[].outcome``, schema 1.1)."""

    CARRIED = "carried"
    LOST = "lost"
    DEFERRED = "deferred"
    WITHDRAWN = "withdrawn"
    NOTED = "noted"


@dataclass(frozen=True)
class NamedVotes:
    """Who voted which way, as a roll call or a "VOTING IN FAVOUR: ..." list names them."""

    in_favour: tuple[str, ...] = ()  # "for" in the JSON
    against: tuple[str, ...] = ()
    abstain: tuple[str, ...] = ()


@dataclass(frozen=True)
class Votes:
    """A recorded vote. Every field is None (or empty) unless the minutes state it."""

    in_favour: int | None = None  # "for" in the JSON: as stated, or counted from ``named``
    against: int | None = None
    abstain: int | None = None
    named: NamedVotes | None = None
    mover: str | None = None
    seconder: str | None = None


@dataclass(frozen=True)
class Decision:
    text: str
    provenance: Provenance
    cues: tuple[str, ...] = ()
    outcome: Outcome | None = None
    votes: Votes | None = None

    @property
    def item(self) -> str | None:
        return self.provenance.item


@dataclass(frozen=True)
class Action:
    text: str
    provenance: Provenance
    owners: tuple[Owner, ...] = ()
    due: DueDate | None = None
    follow_up: FollowUp | None = None
    cues: tuple[str, ...] = ()

    @property
    def item(self) -> str | None:
        return self.provenance.item


@dataclass(frozen=True)
class Minutes:
    """The result of parsing one document."""

    source: Source
    kind: DocumentKind
    meeting: Meeting
    items: tuple[AgendaItem, ...] = ()
    decisions: tuple[Decision, ...] = ()
    actions: tuple[Action, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    schema_version: str = SCHEMA_VERSION
