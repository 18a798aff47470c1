"""Attendance: who was present, sent apologies, or attended, with roles, organisations, initials.

Fed block by block by segmentation. Recognises "Present:" style paragraphs, "Present" headings
followed by lists, the "Apologies" / "Also present" / "In attendance" variants, and attendance
tables (role | name | organisation) such as the appendix of a ModernGov note.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import AttendanceStatus, Attendee, Block, BlockKind

# A bilingual council prints the label in both languages, the other language first ("Yn
# bresennol / Present:", "Hefyd yn bresennol / Also present:"): the English label after the slash.
_SECTION = re.compile(
    r"\s*(?:[^\W\d_][^\n/:]{1,30}?\s/\s*)?(?P<label>(?:board |trustees? |members? |councillors? |committee )?(?:members )?"
    r"(?:present|attendance|attendees|in attendance|also present|also,? in attendance|also attending|"
    r"apologies(?: for absence)?(?: received(?: and accepted)?)?(?: from)?|absent|not present|did not attend|unable to attend|"
    r"invited,? but (?:didn[’']t|did not) (?:show|attend)|"
    r"officers(?: present| in attendance)?|officials(?: present| in attendance)?|(?:board |committee )?members in attendance(?: were)?)"
    r"(?: were)?)\s*(?:[:\-–—]|\s(?=(?-i:[A-Z]))|$)(?P<rest>.*)",
    re.I | re.S,
)
_STATUS_WORDS = (
    ("apolog", AttendanceStatus.APOLOGIES),
    ("absent", AttendanceStatus.ABSENT),
    ("not present", AttendanceStatus.ABSENT),
    ("did not attend", AttendanceStatus.ABSENT),
    ("unable to attend", AttendanceStatus.ABSENT),
    ("invited", AttendanceStatus.ABSENT),
    ("also", AttendanceStatus.IN_ATTENDANCE),
    ("in attendance", AttendanceStatus.IN_ATTENDANCE),
    ("officer", AttendanceStatus.IN_ATTENDANCE),
    ("official", AttendanceStatus.IN_ATTENDANCE),
    ("staff", AttendanceStatus.IN_ATTENDANCE),
)
_TITLES = r"(?:Cyng\.?/Cllr|Cyng\.?|Cllrs?\.?|Cr|Councillor|Mayor|Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Baroness|Rev(?:d)?\.?|Cllr\.)"
_TITLE_WORD = re.compile(_TITLES)  # a title alone ("Cllr", "Mrs")
# "Cllr Ann Reed Cllr Bill Ash": titles start new names, but not after a qualifier
# ("District Cllr Frances Tilney", "County Councillor ...").
_CLLR_SPLIT = re.compile(
    r"(?<!District)(?<!County)(?<!Borough)(?<!Parish)(?<!Town)(?<!City)(?<!Ward)(?<!\s)\s+(?=(?:Cllr|Councillor)\s+[A-Z])"
)
_ROLE_ONLY = re.compile(
    r"(?:(?:[A-Z][a-z]+\s+){0,3}(?:Clerk|Chair|Chairman|Chairperson|Secretary|Treasurer|Officer|Manager|Director|Warden|Adviser|Advisor)|[A-Z]{2,5})"
)
_PAREN = re.compile(r"\(([^()]{1,120})\)")
_HANDLE = re.compile(r"\s@[\w-]{1,40}")
_INITIALS = re.compile(r"(?<!\s)\s+\(?([A-Z]{2,4})\)?$")
_ORG_WORDS = re.compile(r"\b(Council|Borough|County|District|Authority|Association|University|NHS|Trust|Police|Ltd|Limited|Society|Foundation|Group|Office|Department|MP)\b")
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’\-]{0,30}\.?|[A-Z]\.?|(?:de|van|von|der|da|di|le|la|du|del|O'|Mc|Mac)")
_NOT_NAMES = frozenset(["none", "nil", "apologies", "present", "also", "minutes", "members", "of", "the", "public"])


def _initials_fit(initials: str, name: str) -> bool:
    letters = [w[0].upper() for w in re.sub(r"@[\w-]+", "", name).replace("-", " ").split() if w[:1].isalpha()]
    return bool(letters) and initials[0] == letters[0] and initials[-1] == letters[-1]


def attendance_heading(text: str) -> bool:
    """A heading or label line that opens an attendance list."""
    m = _SECTION.fullmatch(text.strip())
    return m is not None and not m.group("rest").strip()


# The groups of a role-labelled attendance table ("Members:   Cr Ann Reed (President)" /
# "Staff:   Mr Jo Bell, Chief Executive Officer"): a label only with its colon.
_GROUP_LABEL = re.compile(r"\s*(?P<label>members|councillors|elected members|staff)\s*:\s*(?P<rest>.*)", re.I | re.S)


def attendance_start(text: str, groups: bool = True) -> tuple[AttendanceStatus, str] | None:
    """The status and names of a paragraph that opens an attendance list. ``groups``: whether a
    group label ("Members:", "Staff:") opens one; on its own, above an agenda, it lists who sits
    on the committee, not who came."""
    m = _SECTION.match(text) or (_GROUP_LABEL.match(text) if groups else None)
    if not m:
        return None
    return _status_of(m.group("label")), m.group("rest").strip()


def _status_of(label: str) -> AttendanceStatus:
    lowered = label.lower()
    for word, status in _STATUS_WORDS:
        if word in lowered:
            return status
    return AttendanceStatus.PRESENT


def parse_person(raw: str, status: AttendanceStatus) -> Attendee | None:
    """"Owen Pryce (Director of Finance)", "Hilda Vane HV", "Rosa Lind @rlind (TSC)"."""
    text = " ".join(raw.replace("\u00a0", " ").split()).strip(" .;,-–")
    if not text or len(text) > 160:
        return None
    role = organisation = initials = None
    labelled = _ROLE_LABEL.match(text)
    if labelled and not _SECTION.fullmatch(labelled.group(1) + ":"):  # "Minute taker: Jo Bell", "In the Chair: Cllr Ann Reed"
        role, text = labelled.group(1).strip(), labelled.group(2).strip()
        if status in (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT):
            status = AttendanceStatus.PRESENT  # a role at the meeting (taking the minutes) is no absence
    paren = _PAREN.search(text)
    if paren:
        inside = paren.group(1).strip()
        if inside[:1].islower():
            inside = ""  # "(family commitment)": a reason for absence, not a role
        if not inside:
            pass
        elif re.fullmatch(r"[A-Z]{2,4}", inside) and _initials_fit(inside, re.sub(_TITLES + r"\s+", "", text[: paren.start()])):
            initials = inside
        elif (
            (pair := re.fullmatch(r"([A-Z]{2,4})\s*[-–—,:]\s*(\S.*)", inside))
            and _initials_fit(pair.group(1), re.sub(_TITLES + r"\s+", "", text[: paren.start()]))
        ):  # "(AA - chair)": initials, then a role
            initials, role = pair.group(1), f"{role}; {pair.group(2)}" if role else pair.group(2)
        elif _ORG_WORDS.search(inside) and not re.search(r"\b(Director|Head|Officer|Manager|Chair|Clerk)\b", inside):
            organisation = inside
        else:
            role = f"{role}; {inside}" if role else inside
        text = (text[: paren.start()] + text[paren.end() :]).strip()
    text = _HANDLE.sub("", " " + text).strip()
    if " / " in text:
        left, _, right = text.rpartition(" / ")
        if _QUALIFIED_TITLE.match(right):
            text = right  # "Cyng. Sir / County Cllr Alun Pennant": the name is on the English side
        elif _role_like(right):
            text, role = left, role or right  # "Jane Tolley / Treasurer": the name, then the role
    dash = re.search(r"\s[–—-]\s+(.+)$", text)
    if dash:
        role = role or dash.group(1).strip()  # "Cllr Margaret Ellison (ME) – Chair"
        text = text[: dash.start()].strip()
    if "," in text:
        name_part, _, rest = text.partition(",")
        text = name_part.strip()
        rest = rest.strip()
        if rest:
            if _ORG_WORDS.search(rest) and role is None:
                organisation = organisation or rest
            else:
                role = role or rest
    m = _INITIALS.search(text)
    if m and len(text.split()) >= 3:
        initials = initials or m.group(1)
        text = text[: m.start()].strip()
    words = text.split()
    name_words: list[str] = []
    for word in words:
        if (_NAME_WORD.fullmatch(word) or _TITLE_WORD.fullmatch(word)) and len(name_words) < 6:
            name_words.append(word)
        else:
            break
    if not name_words:
        return None
    tail = " ".join(words[len(name_words) :]).strip()
    if tail and role is None:
        role = tail
    name = " ".join(name_words)
    if name.lower() in _NOT_NAMES or len(name) < 2 or not _plausible_name(name_words):
        return None
    return Attendee(name=name, status=status, role=role, organisation=organisation, initials=initials)


_PLURAL_TITLE = re.compile(r"^(?P<title>Councillors|Cllrs\.?)\s+(?=[A-Z])")
_COUPLE = re.compile(r"\b(?P<t1>Mr|Mrs|Ms|Miss|Dr)\.?\s*(?:&|and)\s*(?P<t2>Mr|Mrs|Ms|Miss|Dr)\.?\s+(?P<rest>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)")
# "D Richardson R Healey": initials-and-surname people run together after a plural title.
_INITIAL_NAME = r"(?:[A-Z]\.?\s+){1,3}(?:(?:de|van|von|Mc|Mac|O')\s*)?[A-Z][a-z'’\-]+(?:-[A-Z][a-z'’\-]+)?"
_INITIAL_NAMES = re.compile(rf"{_INITIAL_NAME}(?:\s+{_INITIAL_NAME})+")
_INITIAL_NAME_RE = re.compile(_INITIAL_NAME)
_SENTENCE_JOIN = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z][a-z])")  # "Nora Quill. Ted Ambler"


def _join_sentences(text: str) -> str:
    """Names run together with full stops ("Nora Quill. Ted Ambler"), not after a title ("Cllr. Ann Hope")."""

    def cut(m: re.Match[str]) -> str:
        word = re.search(r"\S+$", text[: m.start()])
        return m.group(0) if word and _TITLE_WORD.fullmatch(word.group(0)) else ", "

    return _SENTENCE_JOIN.sub(cut, text)


_ANY_SEPARATOR = re.compile(r"[()]|\s*[;,]\s*|\s+and\s+|\s+&\s+")


def _split_outside_brackets(text: str) -> list[str]:
    """Split on commas, semicolons, "and" and "&", but not inside brackets: "Mrs S Okafor
    (Director of Housing, Parks and Leisure)" is one person. A list that separates people with
    semicolons keeps each one's commas: "Jo Bell, Clerk; Ann Reed, Treasurer"."""
    if ";" not in re.sub(r"\([^()]*\)", "", text):
        return _split_at(text, _ANY_SEPARATOR)
    out: list[str] = []
    for part in _split_at(text, _SEMICOLON_AND):
        pieces = _split_at(part, _COMMA)
        # "Jo Bell, Assistant Clerk": the commas hold a role; "Ann Reed, Jo Bell" are two people.
        out.extend([part] if len(pieces) > 1 and all(_role_like(p.strip()) for p in pieces[1:]) else pieces)
    return out


_SEMICOLON_AND = re.compile(r"[()]|\s*;\s*|\s+and\s+|\s+&\s+")
_COMMA = re.compile(r"[()]|\s*,\s*")
_ROLE_WORD = re.compile(
    r"\b(?:Clerk|Chair\w*|Secretary|Treasurer|Officer|Manager|Director|Warden|Advis[eo]r|Superintendent|"
    r"Representative|Attorney|Engineer|Coordinator|Administrator|Principal|President|Assistant|Head|Executive|Consultant|"
    r"Mayor|Solicitor|Auditor|Accountant|Planner|Architect|Surveyor|Inspector|Counsel|Minister|Vicar|Rector|Ranger|Deputy)\b"
)


def _role_like(piece: str) -> bool:
    """A role after a name ("Superintendent", "Head of Planning", "Student Board Representative"),
    not another person or a remark ("several electors")."""
    piece = re.sub(r"\([^()]*\)", "", piece).strip()  # "Ray Thompson (Deputy Chairman)": a person with a role
    if not piece[:1].isupper() or _TITLE_LEAD.match(piece):
        return False
    # A lone word is a role only if it names one: "Okafor, Strand, Ferrante" are surnames.
    return _ROLE_WORD.search(piece) is not None or re.search(r"\s(?:of|for|and)\s", piece) is not None


def _split_at(text: str, separators: re.Pattern[str]) -> list[str]:
    """``text`` split where ``separators`` match outside brackets."""
    parts: list[str] = []
    depth = 0
    start = 0
    for m in separators.finditer(text):
        token = m.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return parts


_ROLE_LABEL = re.compile(r"([A-Za-z][A-Za-z \-]{1,30}):\s*(\S.*)$")
# Words no name holds: a fragment of a sentence or of a table read across ("IN THE", "AS
# PRESENTED", "Present Present Present").
_NOT_NAME_WORDS = frozenset(
    "in the as and or of to for by with at on from is was were be been present absent apologies also "
    "others minute minutes motion moved seconded carried presented amended attendance officials".split()
)
_PARTICLES = frozenset(["de", "van", "von", "der", "da", "di", "le", "la", "du", "del", "o'", "mc", "mac"])


def _plausible_name(words: list[str]) -> bool:
    """A person's name, or a role: no sentence words, and at most three full name words (more
    are two people run together: "Colin Marsh Petra Lindqvist"; fewer attendees, not invented ones)."""
    if any(w.lower().strip(".") in _NOT_NAME_WORDS for w in words):
        return False
    full = [w for w in words if len(w.strip(".")) > 1 and not _TITLE_WORD.fullmatch(w) and w.lower() not in _PARTICLES]
    return len(full) <= 3


_TITLE_LEAD = re.compile(_TITLES + r"\s+[A-Z]")
_QUALIFIED_TITLE = re.compile(r"(?:(?:County|District|Borough|Town|City|Parish|Community)\s+)?" + _TITLES + r"\s+[A-Z]")
_TITLE_AFTER = re.compile(r"[,;&]\s*" + _TITLES + r"\s+[A-Z]|\sand\s+" + _TITLES + r"\s+[A-Z]")


def split_names(text: str) -> list[str]:
    """A run of names: separated by commas, semicolons, "and", newlines, or "Cllr" prefixes.

    "Mr & Mrs Godfrey" is two people; a plural title ("Councillors D Richardson R Healey",
    "Cllrs Amin, Bell") gives each name the singular title.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and all(_TITLE_LEAD.match(line) for line in lines):
        # One titled person a line ("Ms Tessa Ngata, Manager Corporate Services"): the commas
        # hold the role; a line naming several titled people is split as usual.
        return [name for line in lines for name in (split_names(line) if _TITLE_AFTER.search(line) else [line])]
    text = re.sub(r"\s+", " ", text).strip()
    text = _COUPLE.sub(lambda m: f"{m['t1']} {m['rest']}, {m['t2']} {m['rest']}", text)
    text = _join_sentences(text)
    plural = _PLURAL_TITLE.match(text)
    title = None
    if plural:
        title = "Councillor" if plural["title"].startswith("Councillors") else "Cllr"
        text = text[plural.end() :]
    out: list[str] = []
    for part in _split_outside_brackets(text):
        part = part.strip()
        if not part:
            continue
        pieces = [p for p in _CLLR_SPLIT.split(part) if p]
        if len(pieces) == 1 and _INITIAL_NAMES.fullmatch(part):
            pieces = [m.group(0) for m in _INITIAL_NAME_RE.finditer(part)]
        for piece in pieces:
            if piece.endswith(":"):
                continue  # "Staff Present:": a label run into the list, not a person
            if title and not re.search(r"\b(?:Cllr|Councillor)\b|^" + _TITLES + r"\s", piece) and piece[:1].isupper():
                piece = f"{title} {piece}"
            out.append(piece)
    return out


# "Appendix A - Attendance": a role | name | organisation table follows
_ATTENDANCE_APPENDIX = re.compile(r"(?:appendix\s+[a-z0-9]{1,3}\s*[-–:]?\s*)?attendance(?:\s+list)?\s*:?\s*", re.I)


class AttendanceBuilder:
    def __init__(self) -> None:
        self._people: list[Attendee] = []
        self._status: AttendanceStatus | None = None
        self.active = False
        self._table_role: str | None = None
        self._table_status = AttendanceStatus.PRESENT
        self._table_mode = False

    def open(self, label: str) -> None:
        self._status = _status_of(label)
        self.active = True

    @property
    def has_people(self) -> bool:
        """Has any attendance list been read yet?"""
        return bool(self._people)

    def attendees(self) -> list[Attendee]:
        seen: set[tuple[str, str]] = set()
        out = []
        for person in self._people:
            key = (person.name, person.status.value)
            if key not in seen:
                seen.add(key)
                out.append(person)
        return out

    def _add_names(self, text: str, status: AttendanceStatus) -> None:
        # Inline status changes: "... Alan Shore In attendance: Greta Munro."
        for segment_text, segment_status in _split_inline_sections(text, status):
            added: Attendee | None = None
            for raw in split_names(segment_text):
                if added is not None and _ROLE_ONLY.fullmatch(raw.strip(" .")):
                    # "Karen Whitfield, Parish Clerk and RFO": roles of the person just named.
                    role = f"{added.role} and {raw.strip(' .')}" if added.role else raw.strip(" .")
                    added = Attendee(added.name, added.status, role, added.organisation, added.initials)
                    self._people[-1] = added
                    continue
                person = parse_person(raw, segment_status)
                if person:
                    self._people.append(person)
                    added = person

    def feed(self, block: Block, in_header: bool, groups: bool = False) -> bool:
        """Take ``block`` if it belongs to an attendance list; True when consumed. ``groups``: group
        labels ("Members:", "Staff:") open lists here (an attendance item), as they do inside an
        attendance section already open."""
        text = block.text.strip()
        groups = groups or self.active
        if in_header and block.kind is BlockKind.PARAGRAPH and "\n" in text:
            chunks = _label_chunks(text, groups)
            if len(chunks) > 1:
                # "Members: Cr A\nCr B\nStaff: Mr C, CEO" in one block: each label opens its list.
                for chunk in chunks:
                    self.feed(replace(block, text=chunk), in_header, groups)
                return True
        if self.active and block.kind is BlockKind.LIST_ITEM and block.marker in ("-", "*", "+", "•", "·"):
            person = parse_person(text, self._status or AttendanceStatus.PRESENT)
            if person:
                self._people.append(person)
                return True
        next_list = attendance_start(text, groups) is not None  # "Absent: ..." after "Present: ...": a new list, not more names
        if self.active and block.kind is BlockKind.PARAGRAPH and self._status is not None and not next_list and _looks_like_names(text):
            self._add_names(text, self._status)
            return True
        self.active = False
        if block.kind is BlockKind.HEADING and attendance_heading(text):
            self.open(text)
            return True
        if block.kind is BlockKind.PARAGRAPH and _ATTENDANCE_APPENDIX.fullmatch(text) and not in_header:
            self._table_mode = True  # "Appendix A - Attendance": a role | name | organisation table follows
            return True
        if block.kind is not BlockKind.PARAGRAPH or not in_header:
            if block.kind is BlockKind.PARAGRAPH and self._table_mode:
                return self._feed_cell(text)
            return False
        start = attendance_start(text, groups)
        if start is None:
            return False
        status, rest = start
        self._status = status
        if rest.lower().startswith(("list is attached", "an attendance list", "is attached")) or "attached as appendix" in rest.lower():
            return True
        if rest:
            self._add_names(rest, status)
        self.active = True
        return True

    def feed_table(self, block: Block) -> bool:
        cells = [c for c in block.cells if c]
        if len(cells) >= 2 and not block.header_row:
            person = parse_person(cells[1] if len(cells) > 2 else cells[0], AttendanceStatus.PRESENT)
            if person:
                org = cells[2] if len(cells) > 2 else None
                self._people.append(Attendee(person.name, person.status, cells[0] if len(cells) > 2 else person.role, org, person.initials))
                return True
        return bool(block.header_row)

    def _feed_cell(self, text: str) -> bool:
        lowered = text.lower().strip(" :")
        if lowered in ("position/role", "councillor", "authority", "name", "organisation", "role"):
            return True
        if lowered.startswith(("apologies", "substitutes")):
            self._table_status = AttendanceStatus.APOLOGIES
            return True
        if lowered.startswith(("in attendance", "officers", "lga officers", "also present")):
            self._table_status = AttendanceStatus.IN_ATTENDANCE
            return True
        if re.match(_TITLES + r"\s", text) or (len(text.split()) in (2, 3, 4) and not _ORG_WORDS.search(text) and all(w[:1].isupper() for w in text.split())):
            if re.match(_TITLES + r"\s", text) or True:
                person = parse_person(text, self._table_status)
                if person:
                    self._people.append(Attendee(person.name, self._table_status, self._table_role or person.role, None, person.initials))
                    self._table_role = None
                    return True
        if _ORG_WORDS.search(text) and self._people:
            last = self._people[-1]
            if last.organisation is None:
                self._people[-1] = Attendee(last.name, last.status, last.role, text, last.initials)
            return True
        if len(text) < 40:
            self._table_role = text
            return True
        return False


def _label_chunks(text: str, groups: bool) -> list[str]:
    """``text`` cut before each line that opens an attendance list, when its first line does."""
    lines = text.split("\n")
    if attendance_start(lines[0], groups) is None:
        return [text]
    chunks: list[list[str]] = [[lines[0]]]
    for line in lines[1:]:
        if attendance_start(line.strip(), groups) is not None:
            chunks.append([])
        chunks[-1].append(line)
    return ["\n".join(chunk).strip() for chunk in chunks]


def _looks_like_names(text: str) -> bool:
    if len(text) > 1200 or (text.endswith(".") and len(text) > 200):
        return False
    words = text.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised >= len(words) * 0.5


_INLINE_SECTION = re.compile(r"\b(In attendance|Also present|Also in attendance|Apologies(?: received)?(?: from)?)\s*:?\s", re.I)


def _split_inline_sections(text: str, status: AttendanceStatus) -> list[tuple[str, AttendanceStatus]]:
    out: list[tuple[str, AttendanceStatus]] = []
    pos = 0
    current = status
    for m in _INLINE_SECTION.finditer(text):
        out.append((text[pos : m.start()], current))
        current = _status_of(m.group(1))
        pos = m.end()
    out.append((text[pos:], current))
    return [(t, s) for t, s in out if t.strip()]
