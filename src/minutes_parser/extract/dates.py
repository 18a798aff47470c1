"""Dates and deadlines in minutes text, resolved against the meeting date, never today's date.

``find_due`` returns the deadline an action states as a TIMEX3-style ``due.value``
(``docs``/OUTPUT.md): "2018-12-15", "2018-11", "2018-Q4", "2019-SU", "2018-W44", "2018",
"NEXT_MEETING", or "XXXX-12-15" when the meeting date is unknown. It is conservative: a date
counts only when a deadline cue ties it to the action ("by", "before", "deadline", "on",
"within", "end of", "next meeting", ...), because a wrong deadline is worse than none.

Choices the contract leaves open (documented here and in the tests):

- A year-less date resolves to the first such date on or after the meeting date.
- "the June meeting" / "the June agenda": ``MONTH_MEETING_USES_NEXT_MEETING_DATE`` decides
  whether a known next-meeting date in that month is used or the month ("2018-06") is kept.
  Months 1-7 ahead only (a month-named meeting further out is usually a past one).
- Financial years are UK ones (1 April - 31 March): financial Q1 = April-June, so "Q3 2024/25"
  is calendar "2024-Q4"; "the end of the financial year" is "YYYY-03" ending 31 March.
- School terms (UK): autumn ends "YYYY-12", spring "YYYY-04" (Easter falls in late March or
  April, so April is the bound that always holds), summer "YYYY-07".
- Seasons (meteorological): SP Mar-May, SU Jun-Aug, FA Sep-Nov, WI Dec-Feb; the first
  season not over at the meeting date.
- "in the new year" is January of the year after the meeting.
- Durations ("within two weeks", "in 14 days") need a known meeting date; working days skip
  weekends only. A quarter without a year ("end of Q2") is not resolved (calendar or financial?).
- "next Friday" and "by Friday" both mean the first Friday after the meeting.

Everything is a pure function of its arguments. ``find_due`` uses its own exact rules only
(dateparser's search finds dates in "may", "march", "now" and minute numbers such as "18/45");
dateparser, imported lazily, reads short odd date strings in ``parse_full_date``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from typing import Any, TypeVar

from minutes_parser.model import DueDate

from ..casefold import lower_is_case_blind
from ._date_patterns import (
    _AFTER_NEXT_MEETING,
    _ANY_MONTH,
    _AS_AT_BEFORE,
    _BARE_YEAR,
    _CHRISTMAS,
    _CUE_BEFORE,
    _DAY_CUES,
    _DAY_LIST,
    _DEADLINE_BEFORE,
    _DIGIT,
    _DMY,
    _DURATION,
    _DURATION_ANCHOR,
    _END_OF_CUES,
    _END_OF_YEAR_NUMBER,
    _FINANCIAL_YEAR,
    _FUTURE_MARKER,
    _HABITUAL,
    _MDY,
    _MONTH_CUES,
    _MONTH_MEETING,
    _MONTH_NUMBERS,
    _MONTH_ONLY,
    _MONTH_PART,
    _NEW_YEAR,
    _NEXT_MEETING,
    _NEXT_MEETING_HEADER_BEFORE,
    _NUMBER_AFTER,
    _NUMBER_WORDS,
    _NUMERIC_DM,
    _NUMERIC_DMY,
    _NUMERIC_ISO,
    _PAST_MARKER,
    _PERIOD_CUES,
    _QUARTER,
    _RANGE_DMY,
    _RANGE_MDY,
    _RELATIVE_PERIOD,
    _SEASON,
    _SENTENCE_AFTER,
    _SENTENCE_BEFORE,
    _TERM,
    _TOMORROW,
    _WEEK_COMMENCING_BEFORE,
    _WEEKDAY_ALONE,
    _WEEKDAY_NUMBERS,
    _YEAR_END,
)

__all__ = [
    "MONTH_MEETING_USES_NEXT_MEETING_DATE",
    "DateContext",
    "date_from_filename",
    "find_due",
    "find_explicit_dates",
    "find_meeting_dates",
    "find_next_meeting",
    "first_day_date",
    "parse_full_date",
]

# "the June meeting" when the next meeting is known to be on 6 June: "2018-06-06" (True) or
# "2018-06" (False, the precision the words state). True: a meeting-relative deadline takes the
# meeting's date when the minutes state it (issue 10; the grown development gold agrees 8:0).
MONTH_MEETING_USES_NEXT_MEETING_DATE = True


@dataclass(frozen=True)
class DateContext:
    """What relative dates resolve against."""

    meeting_date: dt.date | None
    next_meeting: dt.date | None = None  # "Date of next meeting: ..." found elsewhere
    # The text directs someone to do something ("the Clerk report the outturn in June 2025"):
    # its month names look forward even without a future-tense verb.
    directive: bool = False
    # Lower-cased words of the bodies the minutes name in their opening ("Finance Committee"):
    # "the next Finance Committee meeting" is then the meeting's own next one.
    own_body_words: frozenset[str] = frozenset()


_T = TypeVar("_T")


def _may_mention(text: str, words: tuple[str, ...]) -> bool:
    """May a case-blind pattern that needs one of ``words`` (lower case) match ``text``? Tested on
    the lower-cased text, far cheaper than trying the pattern where none of them occurs."""
    low = text.lower()
    return any(map(low.__contains__, words)) or not lower_is_case_blind(text)


# --------------------------------------------------------------------------------------------
# Calendar arithmetic.


def _month_number(word: str) -> int:
    return _MONTH_NUMBERS[word[:3].lower()]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _two_digit_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _day_on_or_after(month: int, day: int, reference: dt.date) -> dt.date | None:
    for year in range(reference.year, reference.year + 9):  # 29 February may need 8 years
        found = _safe_date(year, month, day)
        if found is not None and found >= reference:
            return found
    return None


def _month_on_or_after(month: int, reference: dt.date, *, strictly_after: bool = False) -> int:
    """The year of the first ``month`` whose end is not before ``reference``."""
    if month > reference.month or (month == reference.month and not strictly_after):
        return reference.year
    return reference.year + 1


def _iso_week(day: dt.date) -> tuple[str, dt.date]:
    year, week, weekday = day.isocalendar()
    return f"{year}-W{week:02d}", day + dt.timedelta(days=7 - weekday)


def _add_working_days(day: dt.date, count: int) -> dt.date:
    while count > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _full(day: dt.date) -> tuple[str, dt.date]:
    return day.isoformat(), day


def _month_value(year: int | None, month: int) -> tuple[str, dt.date | None]:
    if year is None:
        return f"XXXX-{month:02d}", None
    return f"{year}-{month:02d}", _month_end(year, month)


# --------------------------------------------------------------------------------------------
# Explicit dates (with a year): meeting dates, next-meeting dates, file names.


def _dmy_match_date(match: re.Match[str], year: int | None) -> dt.date | None:
    if year is None:
        return None
    return _safe_date(year, _month_number(match["month"]), int(match["day"]))


def _numeric_date(match: re.Match[str]) -> dt.date | None:
    """DD/MM/YYYY (UK order), falling back to MM/DD/YYYY only when DMY cannot be a date."""
    first, second, year = match["a"], match["b"], match["year"]
    if match["sep"] == "." and len(year) == 2 and len(first) == len(second) == 1:
        return None  # "Struts 2.3.20": a version number more often than a date
    day, month, full_year = int(first), int(second), _two_digit_year(year)
    return _safe_date(full_year, month, day) or _safe_date(full_year, day, month)


def find_explicit_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Full dates written with a year: spans and values, in text order, not overlapping."""
    found: list[tuple[int, int, dt.date]] = []
    for pattern in (_DMY, _MDY):
        for match in pattern.finditer(text):
            if match["year"]:
                value = _dmy_match_date(match, int(match["year"]))
                if value is not None:
                    found.append((match.start(), match.end(), value))
    for match in _NUMERIC_ISO.finditer(text):
        value = _safe_date(int(match["year"]), int(match["m"]), int(match["d"]))
        if value is not None:
            found.append((match.start(), match.end(), value))
    for match in _NUMERIC_DMY.finditer(text):
        value = _numeric_date(match)
        if value is not None:
            found.append((match.start(), match.end(), value))
    return _without_overlaps(found, lambda item: (item[0], item[1], False))


def _range_start(match: re.Match[str]) -> dt.date | None:
    """The first day of a day range, or None when the two ends do not make a short range."""
    # "30 - 31 January" names the month once, at the end; "January 30 - 31" once, at the start.
    month_1 = _month_number(match["m1"] or match["m2"])
    month_2 = _month_number(match["m2"] or match["m1"])
    year_2 = int(match["y2"])
    year_1 = int(match["y1"]) if match["y1"] else year_2 - (1 if month_1 > month_2 else 0)
    first, last = _safe_date(year_1, month_1, int(match["d1"])), _safe_date(year_2, month_2, int(match["d2"]))
    if first is None or last is None or not 0 < (last - first).days <= 14:
        return None  # "15/3 January", "1 - 30 June": not the days of one meeting
    return first


def find_meeting_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Like ``find_explicit_dates``, but a day range ("30–31 January 2024", "January 30 – February
    1, 2024", "Monday 30 and Tuesday 31 January 2024") is one date: its first day, when the
    meeting began."""
    found = find_explicit_dates(text)
    ranges: list[tuple[int, int, dt.date]] = []
    for pattern in (_RANGE_DMY, _RANGE_MDY):
        for match in pattern.finditer(text):
            first = _range_start(match)
            if first is not None:
                ranges.append((match.start(), match.end(), first))
    if not ranges:
        return found
    # A range starts no later than the date at its end, and is longer: it wins the overlap.
    return _without_overlaps(ranges + found, lambda item: (item[0], item[1], False))


def parse_full_date(text: str) -> dt.date | None:
    """The first explicit date (with a year) in ``text``; dateparser reads short odd forms."""
    dates = find_explicit_dates(text)
    if dates:
        return dates[0][2]
    if len(text) > 60 or not re.search(r"\d{4}", text) or not re.search(r"[A-Za-z]", text):
        return None
    parsed = _dateparser_parse(text.strip(), None, ("day", "month", "year"))
    return parsed


_FILENAME_YMD = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<s>[-_.]?)(?P<m>0[1-9]|1[0-2])(?P=s)(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)
_FILENAME_DMY = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})(?P<s>[-_.])(?P<m>\d{1,2})(?P=s)(?P<y>(?:19|20)\d{2})(?!\d)"
)


def date_from_filename(name: str) -> dt.date | None:
    """A date written in a file name: "x_2015-10-15.docx", "minutes_20150115.pdf", "15.10.2015"."""
    base = PurePath(name.replace("\\", "/")).name
    for match in _FILENAME_YMD.finditer(base):
        value = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
        if value is not None:
            return value
    for match in _FILENAME_DMY.finditer(base):
        value = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
        if value is not None:
            return value
    dates = find_explicit_dates(re.sub(r"[_+]", " ", base))
    return dates[0][2] if dates else None


_NEXT_MEETING_LINE = re.compile(
    # "\bnext" led by its first letter (the boundary checked behind it): a fast scan of the document
    r"[nN](?<!\w[nN])(?i:ext\s{1,3}(?:[A-Za-z&]{1,20}\s{1,3}){0,3}?meeting)(?P<rest>[^\n]{0,160})"
)


def find_next_meeting(text: str, meeting_date: dt.date | None) -> dt.date | None:
    """The date a "Date of next meeting: ..." style line gives, after ``meeting_date``.

    A year-less date ("NEXT MEETING MONDAY 5 FEBRUARY") resolves to the first such date after
    the meeting; without a meeting date only dates with a year count.
    """
    for match in _NEXT_MEETING_LINE.finditer(text):
        rest = match["rest"]
        found = _first_day_date(rest, meeting_date)
        if found is None:
            continue
        start, value = found
        # "approval at the next Meeting  Annual Meeting of the Council 2 May 2018": a title.
        if start < 80 and not _ANOTHER_MEETING.search(rest[:start]) and not _SENTENCE_END.search(rest[:start]):
            return value
    return None


_ANOTHER_MEETING = re.compile(r"(?i:meeting\s{1,3}of|minutes)")
_SENTENCE_END = re.compile(r"[.;!?]\s")


def first_day_date(text: str, after: dt.date | None) -> dt.date | None:
    """The day date written first in ``text`` that is later than ``after`` (year-less ones need ``after``)."""
    found = _first_day_date(text, after)
    return found[1] if found else None


def _first_day_date(text: str, after: dt.date | None) -> tuple[int, dt.date] | None:
    """The first day date in ``text`` later than ``after``; year-less ones need ``after``."""
    found: list[tuple[int, dt.date]] = [
        (start, value) for start, _end, value in find_explicit_dates(text) if after is None or value > after
    ]
    if after is not None:
        for pattern in (_DMY, _MDY):
            for day_match in pattern.finditer(text):
                if not day_match["year"]:
                    month = _month_number(day_match["month"])
                    resolved = _day_on_or_after(month, int(day_match["day"]), after)
                    if resolved is not None and resolved > after:
                        found.append((day_match.start(), resolved))
    return min(found, default=None, key=lambda item: item[0])


# --------------------------------------------------------------------------------------------
# Deadlines.


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    value: str  # "" for a blocker: a date expression that is not a deadline here
    date: dt.date | None
    rule: str
    strong: bool  # tied to "by", "before", "deadline", ... : preferred over other candidates


def _blocked(match: re.Match[str]) -> _Candidate:
    """Keeps the parts of a rejected expression ("the December meeting") from being read alone."""
    return _Candidate(match.start(), match.end(), "", None, "", False)


def _make(match: re.Match[str], value: tuple[str, dt.date | None], rule: str, strong: bool) -> _Candidate:
    return _Candidate(match.start(), match.end(), value[0], value[1], rule, strong)


@dataclass(frozen=True)
class _Cue:
    kind: str  # "strong", a weak cue word ("on", "in", ...), "punct", "as-at", or "" for none
    deadline: bool  # "deadline ... is/of" earlier in the sentence

    @property
    def strong(self) -> bool:
        return self.kind == "strong" or self.deadline

    def accepts(self, weak: frozenset[str]) -> bool:
        return self.strong or self.kind in weak


def _cue_before(text: str, start: int) -> _Cue:
    window = text[max(0, start - 60) : start]
    deadline = _DEADLINE_BEFORE.search(window) is not None
    if _AS_AT_BEFORE.search(window):
        return _Cue("as-at", deadline)
    match = _CUE_BEFORE.search(window)
    if match is None or (match["punct"] == "" and start > 60):
        return _Cue("", deadline)
    if match["strong"]:
        return _Cue("strong", deadline)
    if match["weak"]:
        return _Cue(match["weak"].lower(), deadline)
    return _Cue("punct", deadline)


def _end_of_cue(text: str, match: re.Match[str]) -> _Cue | None:
    """The cue of an "end of ..." expression, or None when it is not a deadline.

    "by the end of May", "at the end of May" and a bare "end of May" are deadlines; the
    adjective "end-of-year" without a cue ("work died down end-of-year") is not.
    """
    cue = _cue_before(text, match.start())
    if cue.accepts(_END_OF_CUES) or (cue.kind == "" and "-" not in match["endof"]):
        return cue
    return None


def _tense(text: str, match: re.Match[str]) -> str:
    """ "future" if the sentence around ``match`` speaks of what will be, "past" if only of what
    was ("the payments for May were presented"), "habitual" for what recurs, else ""."""
    window = text[max(0, match.start() - 160) : match.start()]
    boundary = _SENTENCE_BEFORE.search(window)
    after = _SENTENCE_AFTER.match(text, match.end())
    sentence = (window[boundary.start() + 1 :] if boundary else window) + " " + (after[0] if after else "")
    if _HABITUAL.search(sentence):
        return "habitual"  # "dealt with in December each year"
    if _FUTURE_MARKER.search(sentence):
        return "future"
    return "past" if _PAST_MARKER.search(sentence) else ""


def _sounds_past(text: str, match: re.Match[str]) -> bool:
    return _tense(text, match) == "past"


_RECENT_DAYS = 92  # a year-less date this close before the meeting is a past one, not next year's


def _day_candidate(
    text: str, match: re.Match[str], day: dt.date | None, month: int, day_number: int,
    meeting: dt.date | None, *, weekday: str | None = None,
) -> _Candidate | None:  # fmt: skip
    """A day date (``day`` set when the year is written) if a cue makes it a deadline."""
    cue = _cue_before(text, match.start())
    if _WEEK_COMMENCING_BEFORE.search(text[max(0, match.start() - 20) : match.start()]):
        if day is None and meeting is not None and _recently_past(month, day_number, meeting):
            return _blocked(match)  # "week starting 3rd March" a week before the meeting: that week, not next year's
        resolved = day or (_day_on_or_after(month, day_number, meeting) if meeting else None)
        return _make(match, _iso_week(resolved), "due:week-commencing", cue.strong) if resolved else None
    if not cue.accepts(_DAY_CUES):
        return _blocked(match)
    if day is not None:  # the year is written: past dates count only after "by"/"before"
        if meeting is not None and day < meeting and not cue.strong:
            return _blocked(match)
        return _make(match, _full(day), "due:date", cue.strong)
    if meeting is None:
        if not cue.strong and _sounds_past(text, match):
            return _blocked(match)
        return _make(match, (f"XXXX-{month:02d}-{day_number:02d}", None), "due:date", cue.strong)
    resolved = _day_on_or_after(month, day_number, meeting)
    if resolved is None:
        if day_number > _month_end(meeting.year, month).day and not _sounds_past(text, match):
            # "31/04", "31 June": a day the month does not have means its end, the month itself
            return _make(match, _month_value(_month_on_or_after(month, meeting), month), "due:month", cue.strong)
        return None
    if weekday is not None and not cue.strong:
        wanted = _WEEKDAY_NUMBERS[weekday[:3].lower()]
        if resolved.weekday() == wanted:  # the weekday confirms the year: a future event
            return _make(match, _full(resolved), "due:date", cue.strong)
        earlier = _safe_date(resolved.year - 1, month, day_number)
        if earlier is not None and earlier.weekday() == wanted:
            return _blocked(match)  # "on Tuesday 1 October" that fell before the meeting
    if not cue.strong and _sounds_past(text, match):
        return _blocked(match)
    if _recently_past(month, day_number, meeting):
        return _blocked(match)  # "on 10th September" two days before, even "by 2 May": past, not next year
    return _make(match, _full(resolved), "due:date", cue.strong)


def _recently_past(month: int, day_number: int, meeting: dt.date) -> bool:
    """A year-less day that fell in the weeks before the meeting: a past day, never next year's."""
    same_year = _safe_date(meeting.year, month, day_number)
    return same_year is not None and 0 < (meeting - same_year).days <= _RECENT_DAYS


def _date_candidates(text: str, meeting: dt.date | None) -> list[_Candidate]:
    found: list[_Candidate | None] = []
    if _DIGIT.search(text) is None:
        return []  # each pattern reads a day or a year in figures
    for pattern in (_DMY, _MDY) if _ANY_MONTH.search(text) else ():
        for match in pattern.finditer(text):
            day_number, month = int(match["day"]), _month_number(match["month"])
            year = int(match["year"]) if match["year"] else None
            day = _safe_date(year, month, day_number) if year else None
            if not 1 <= day_number <= 31 or (year and day is None) or _NUMBER_AFTER.match(text, match.end()):
                continue
            found.append(_day_candidate(text, match, day, month, day_number, meeting, weekday=match["wd"]))
    for match in _NUMERIC_ISO.finditer(text):
        day = _safe_date(int(match["year"]), int(match["m"]), int(match["d"]))
        if day is not None:
            found.append(_day_candidate(text, match, day, day.month, day.day, meeting))
    for match in _NUMERIC_DMY.finditer(text):
        day = _numeric_date(match)
        if day is not None:
            found.append(_day_candidate(text, match, day, day.month, day.day, meeting))
    for match in _NUMERIC_DM.finditer(text):
        # "by 15/12" only after a strong cue: a bare "18/10" is a minute number.
        day_number, month = int(match["a"]), int(match["b"])
        if 1 <= month <= 12 and 1 <= day_number <= 31 and _cue_before(text, match.start()).strong:
            found.append(_day_candidate(text, match, None, month, day_number, meeting))
    return [candidate for candidate in found if candidate is not None]


# A month set after a dash at the end of an action ("Clerk to order the bulbs – October."), as
# action lists add the when; the dash must be the cue right before the month.
_DASHED_TAIL = re.compile(r"\s[-–—]\s{0,3}(?:(?:early|late)\s{1,3})?$", re.I)
_TAIL_END = re.compile(r"\s*[.;)]?\s*$")
# A dashed month further ahead than this names what the task is about, not its when: "Treasurer
# to circulate the bank reconciliation - December." at a January meeting is last December's.
_DASHED_MONTHS_AHEAD = 6


def _dashed_when(text: str, match: re.Match[str], month: int, meeting: dt.date | None) -> bool:
    if not (_DASHED_TAIL.search(text, 0, match.start()) and _TAIL_END.match(text, match.end())):
        return False
    return meeting is None or match["year"] is not None or (month - meeting.month) % 12 <= _DASHED_MONTHS_AHEAD


def _month_candidates(text: str, context: DateContext) -> list[_Candidate]:
    """Months: "November 2018", "by the end of November", "mid-December", "20th or 21st Jan"."""
    meeting = context.meeting_date
    found: list[_Candidate] = []
    if _ANY_MONTH.search(text) is None:
        return found  # each pattern reads a month's name
    patterns = ((_DAY_LIST, "due:day-list"), (_MONTH_ONLY, "due:month"), (_MONTH_PART, "due:part-of-month"))
    for pattern, rule in patterns:
        for match in pattern.finditer(text):
            month = _month_number(match["month"])
            groups = match.groupdict()
            cue: _Cue | None = _cue_before(text, match.start())
            assert cue is not None
            if rule == "due:part-of-month" and match["part"].lower() == "mid":
                rule_name = "due:mid-month"
            elif groups.get("endof"):
                rule_name, cue = "due:end-of-month", _end_of_cue(text, match)
            else:
                weak = _DAY_CUES | _MONTH_CUES if rule == "due:day-list" else _MONTH_CUES
                if cue.kind == "punct" and _dashed_when(text, match, month, meeting):
                    weak = weak | {"punct"}  # "KB to ring the bank - early January.": the when, after a dash
                rule_name = rule
                # "in March" is a deadline in "to be prepared for issue in March", not in
                # "In December, 57 forms were received" or "357 emails in December".
                if not cue.accepts(weak) or (not cue.strong and not context.directive and _tense(text, match) != "future"):
                    cue = None
            if cue is None:
                if rule != "due:month":
                    found.append(_blocked(match))
                continue
            year: int | None = int(match["year"]) if match["year"] else None
            if year is not None:
                past = meeting is not None and _month_end(year, month) < meeting
            else:
                past = not cue.strong and _sounds_past(text, match)
                year = _month_on_or_after(month, meeting) if meeting else None
            if past and not cue.strong:
                found.append(_blocked(match))
                continue
            found.append(_make(match, _month_value(year, month), rule_name, cue.strong))
    return found


def _meeting_candidates(text: str, context: DateContext) -> list[_Candidate]:
    """ "the next meeting", "next Board meeting on 15 December", "the June meeting/agenda"."""
    meeting, next_meeting = context.meeting_date, context.next_meeting
    if meeting is not None and next_meeting is not None and next_meeting <= meeting:
        next_meeting = None
    found: list[_Candidate] = []
    for match in _NEXT_MEETING.finditer(text) if _may_mention(text, ("next",)) else ():
        if _NEXT_MEETING_HEADER_BEFORE.search(text[max(0, match.start() - 30) : match.start()]) or _names_another_body(match.group(0), context.own_body_words):
            found.append(_blocked(match))
            continue
        strong = _cue_before(text, match.start()).strong
        stated = _stated_after_next_meeting(text, match.end(), context)
        if stated is not None:
            end, value, date = stated
            found.append(_Candidate(match.start(), end, value, date, "due:next-meeting-stated", strong))
        elif next_meeting is not None:
            found.append(_make(match, _full(next_meeting), "due:next-meeting", strong))
        else:
            found.append(_make(match, ("NEXT_MEETING", None), "due:next-meeting", strong))
    for match in _MONTH_MEETING.finditer(text) if _ANY_MONTH.search(text) else ():
        month = _month_number(match["month"])
        year = int(match["year"]) if match["year"] else None
        if meeting is not None:
            year = year or _month_on_or_after(month, meeting, strictly_after=True)
            ahead = (year - meeting.year) * 12 + month - meeting.month
            # This meeting's own month, a past meeting, or too far off to be a deadline; a
            # meeting months ahead must be spoken of in the future ("was at the April meeting").
            if not 1 <= ahead <= 7 or (ahead > 3 and _sounds_past(text, match)):
                found.append(_blocked(match))
                continue
        elif _sounds_past(text, match):
            found.append(_blocked(match))
            continue
        strong = _cue_before(text, match.start()).strong
        if (
            MONTH_MEETING_USES_NEXT_MEETING_DATE
            and next_meeting is not None
            and next_meeting.month == month
            and next_meeting.year == (year or next_meeting.year)
        ):
            found.append(_make(match, _full(next_meeting), "due:month-meeting", strong))
        else:
            found.append(_make(match, _month_value(year, month), "due:month-meeting", strong))
    return found


# Words a "next ... meeting" may hold and still mean this body's own next meeting.
_OWN_MEETING_WORDS = frozenset(
    """next scheduled ordinary full formal regular monthly quarterly public board committee council parish panel
    cabinet group team town community annual general extraordinary special district county city borough village
    trustees members steering executive management meeting meetings agenda meeting's""".split()
)


def _names_another_body(words: str, own: frozenset[str] = frozenset()) -> bool:
    """"the next Transport Forum meeting": a capitalised name that is no body word, nor a word of
    the body's own name, is another body's meeting, whose date the minutes do not give. In the
    minutes of a committee, "the next Council meeting" is the council's, not the committee's."""
    named = words.split()[1:]
    if own and "council" not in own and any(w.lower() == "council" for w in named):
        return True
    return any(w[:1].isupper() and w.lower() not in _OWN_MEETING_WORDS and w.lower() not in own and not w.isupper() for w in named)


def _stated_after_next_meeting(
    text: str, position: int, context: DateContext
) -> tuple[int, str, dt.date | None] | None:
    """ "the next meeting (of the Board) on 15 December" / "... in December": the stated date."""
    lead = _AFTER_NEXT_MEETING.match(text, position, min(len(text), position + 90))
    if lead is None:
        return None
    at, meeting = lead.end(), context.meeting_date
    for pattern in (_DMY, _MDY):
        match = pattern.match(text, at)
        if match is None:
            continue
        day_number, month = int(match["day"]), _month_number(match["month"])
        if match["year"]:
            day = _safe_date(int(match["year"]), month, day_number)
            return (match.end(), *_full(day)) if day else None
        if meeting is None:
            return match.end(), f"XXXX-{month:02d}-{day_number:02d}", None
        resolved = _day_on_or_after(month, day_number, meeting)
        return (match.end(), *_full(resolved)) if resolved else None
    match = _MONTH_ONLY.match(text, at)
    if match is None or match["endof"]:
        return None
    month = _month_number(match["month"])
    year = int(match["year"]) if match["year"] else None
    if year is None and meeting is not None:
        year = _month_on_or_after(month, meeting)
    known = context.next_meeting
    if known is not None and known.month == month and known.year == (year or known.year):
        return (match.end(), *_full(known))
    return (match.end(), *_month_value(year, month))


_DURATION_UNITS = ("day", "week", "fortnight", "month", "year")  # one of which _DURATION needs


def _duration_candidates(text: str, meeting: dt.date | None) -> list[_Candidate]:
    """ "within two weeks", "in 14 days", "within the next ten days": the meeting plus that."""
    found: list[_Candidate] = []
    for match in _DURATION.finditer(text) if _may_mention(text, _DURATION_UNITS) else ():
        cue_word, unit = match["cue"].lower(), match["unit"].lower()
        count_text = re.sub(r"\s+", " ", (match["n"] or "").lower())
        count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS.get(count_text)
        if count is None and cue_word == "within" and match["next"]:
            count = 1  # "within the next month"
        anchor = _DURATION_ANCHOR.match(text, match.end())
        if (
            count is None  # "in days", "within weeks"
            or (cue_word == "in" and (match["next"] or unit.startswith("year")))  # "in the next 4 weeks"
            or (anchor and not re.fullmatch(r"(?i:(?:this|the)\s+meeting|today|now)", anchor["what"] or ""))
            or meeting is None  # "within 28 days of receipt": counted from something else
            or not 0 < count <= 1000
        ):
            found.append(_blocked(match))
            continue
        if "working" in unit or "business" in unit:
            day = _add_working_days(meeting, count)
        elif "day" in unit:
            day = meeting + dt.timedelta(days=count)
        elif unit.startswith("week"):
            day = meeting + dt.timedelta(weeks=count)
        elif unit.startswith("fortnight"):
            day = meeting + dt.timedelta(weeks=2 * count)
        else:
            day = _add_months(meeting, count * (1 if unit.startswith("month") else 12))
        found.append(_make(match, _full(day), "due:within", True))
    return found


def _relative_candidates(text: str, context: DateContext) -> list[_Candidate]:
    """This/next week, month and year; year ends; weekdays; "tomorrow"; "in the new year"."""
    meeting = context.meeting_date
    found: list[_Candidate] = []
    # Each pattern needs a word, tested on the lower-cased text first (none of these words has a
    # letter that case-blind matching reads otherwise than lower() does).
    low = text.lower()
    periods = "year" in low or "month" in low or "week" in low
    for match in _RELATIVE_PERIOD.finditer(text) if periods else ():
        which = re.sub(r"\s+", " ", (match["which"] or "").lower())
        unit, modifier = match["unit"].lower(), (match["mod"] or "").lower()
        if which in ("the", "") and not match["endof"]:
            continue  # "the week", "month": no period named
        cue = _end_of_cue(text, match) if match["endof"] else _cue_before(text, match.start())
        step = 1 if which in ("next", "the coming") else 0
        if (
            cue is None
            or modifier == "earlier"
            or meeting is None
            # "this month" in "joined us this month" is a report, in "to finish this month" a plan
            or (not step and not modifier and not match["endof"] and not cue.strong and _sounds_past(text, match))
        ):
            found.append(_blocked(match))
            continue
        if unit == "week":
            value, sunday = _iso_week(meeting + dt.timedelta(weeks=step))
            found.append(_make(match, (value, sunday), "due:week", cue.strong))
        elif unit == "month":
            first = _add_months(meeting.replace(day=1), step)
            found.append(_make(match, _month_value(first.year, first.month), "due:month-relative", cue.strong))
        elif match["endof"] or modifier == "later" or (step and (cue.strong or modifier in ("early", "late"))):
            year = meeting.year + step  # "this year" alone ("published this year") is no deadline
            found.append(_make(match, (str(year), dt.date(year, 12, 31)), "due:year", cue.strong))
        else:
            found.append(_blocked(match))
    for match in _YEAR_END.finditer(text) if "year" in low else ():
        if meeting is None or not _cue_before(text, match.start()).strong:
            continue
        if match["fin"]:
            year = meeting.year if meeting <= dt.date(meeting.year, 3, 31) else meeting.year + 1
            found.append(_make(match, _month_value(year, 3), "due:financial-year-end", True))
        else:
            found.append(_make(match, (str(meeting.year), dt.date(meeting.year, 12, 31)), "due:year", True))
    for pattern in (_END_OF_YEAR_NUMBER, _BARE_YEAR) if _DIGIT.search(text) else ():  # a year in figures
        for match in pattern.finditer(text):
            end_cue = _end_of_cue(text, match) if pattern is _END_OF_YEAR_NUMBER else None
            cue = end_cue or _cue_before(text, match.start())
            year = int(match["year"])
            past = meeting is not None and year < meeting.year and not cue.strong
            if (end_cue is not None or cue.strong) and not past:  # "by 2025", "end of 2024"; not "in 2025"
                found.append(_make(match, (str(year), dt.date(year, 12, 31)), "due:year", cue.strong))
            else:
                found.append(_blocked(match))
    for match in _NEW_YEAR.finditer(text) if "year" in low else ():
        found.append(_make(match, _month_value(meeting.year + 1 if meeting else None, 1), "due:new-year", False))
    if meeting is None:
        return found
    for match in _TOMORROW.finditer(text) if "tomorrow" in low else ():
        tomorrow = _full(meeting + dt.timedelta(days=1))
        found.append(_make(match, tomorrow, "due:tomorrow", _cue_before(text, match.start()).strong))
    for match in _CHRISTMAS.finditer(text) if "christmas" in low or "xmas" in low else ():
        christmas = _day_on_or_after(12, 25, meeting)
        if christmas is not None and _cue_before(text, match.start()).strong:
            found.append(_make(match, _full(christmas), "due:christmas", True))
    for match in _WEEKDAY_ALONE.finditer(text) if "day" in low else ():
        cue = _cue_before(text, match.start())
        if not (cue.strong or match["rel"] or cue.kind == "on") or (
            cue.kind == "on" and not match["rel"] and _sounds_past(text, match)
        ):
            found.append(_blocked(match))  # "the previous Friday", "met on Friday"
            continue
        wanted = _WEEKDAY_NUMBERS[match["wd"][:3].lower()]
        day = meeting + dt.timedelta(days=(wanted - meeting.weekday() - 1) % 7 + 1)
        found.append(_make(match, _full(day), "due:weekday", cue.strong))
    return found


_SEASONS = {"spring": ("SP", 5), "summer": ("SU", 8), "autumn": ("FA", 11), "fall": ("FA", 11), "winter": ("WI", 2)}
_TERM_END_MONTHS = {"autumn": 12, "christmas": 12, "michaelmas": 12, "spring": 4, "lent": 4, "summer": 7, "trinity": 7}
_ORDINAL_QUARTERS = {"one": 1, "two": 2, "three": 3, "four": 4, "first": 1, "second": 2, "third": 3, "fourth": 4}


def _period_candidates(text: str, context: DateContext) -> list[_Candidate]:
    """Financial years, quarters, seasons and school terms."""
    meeting = context.meeting_date
    found: list[_Candidate] = []
    for match in _FINANCIAL_YEAR.finditer(text) if _may_mention(text, ("end", "close")) else ():  # (its "end of")
        cue = _end_of_cue(text, match)
        if cue is None:
            continue
        if match["fy1"] or match["fy3"]:
            year = int(match["fy1"] or match["fy3"]) + 1
        elif meeting is None:
            continue
        else:  # the financial year running at the meeting ends on the next 31 March
            year = meeting.year + (0 if meeting.month <= 3 else 1) + (1 if match["next"] else 0)
        found.append(_make(match, _month_value(year, 3), "due:financial-year-end", cue.strong))

    for match in _QUARTER.finditer(text) if "q" in text.lower() else ():  # "Q3", "quarter"
        cue = _end_of_cue(text, match) if match["endof"] else _cue_before(text, match.start())
        if not match["y1"] or cue is None or not (match["endof"] or cue.accepts(_PERIOD_CUES)):
            found.append(_blocked(match))  # "the end of Q2": calendar or financial? unresolved
            continue
        raw = (match["q"] or match["qn"] or match["qo"]).lower()
        quarter, year, rule = int(raw) if raw.isdigit() else _ORDINAL_QUARTERS[raw], int(match["y1"]), "due:quarter"
        if match["y2"]:  # "Q3 2024/25": a financial quarter, April-June being Q1
            rule = "due:financial-quarter"
            quarter, year = (quarter + 1, year) if quarter < 4 else (1, year + 1)
        found.append(_make(match, (f"{year}-Q{quarter}", _month_end(year, quarter * 3)), rule, cue.strong))

    for match in _SEASON.finditer(text) if _may_mention(text, tuple(_SEASONS)) else ():
        name = match["season"].lower()
        cue = _end_of_cue(text, match) if match["endof"] else _cue_before(text, match.start())
        if cue is None or not (cue.strong or match["endof"]) or (name == "fall" and not (match["the"] or match["endof"])):
            continue  # "in the summer" (past or vague) is no deadline; "fall behind" no season
        code, last_month = _SEASONS[name]
        if match["year"] or meeting is not None:
            year = int(match["year"]) if match["year"] else meeting.year - 1  # type: ignore[union-attr]
            while meeting is not None and not match["year"] and _season_end(year, code, last_month) < meeting:
                year += 1
            found.append(_make(match, (f"{year}-{code}", _season_end(year, code, last_month)), "due:season", cue.strong))
        else:
            found.append(_make(match, (f"XXXX-{code}", None), "due:season", cue.strong))

    for match in _TERM.finditer(text) if "term" in text.lower() else ():
        cue = _end_of_cue(text, match)
        if meeting is None or cue is None:
            continue
        if match["term"]:
            month = _TERM_END_MONTHS[match["term"].lower()]
        else:  # "the end of term": the term the meeting falls in
            month = 12 if meeting.month >= 8 else 4 if meeting.month <= 3 else 7
        year = _month_on_or_after(month, meeting)
        found.append(_make(match, _month_value(year, month), "due:end-of-term", cue.strong))
    return found


def _season_end(year: int, code: str, last_month: int) -> dt.date:
    # Winter YYYY runs December YYYY - February YYYY+1.
    return _month_end(year + 1 if code == "WI" else year, last_month)


@lru_cache(maxsize=1)
def _dateparser_module() -> Any:
    import dateparser  # slow import: only when a rule falls through

    return dateparser


def _dateparser_parse(text: str, reference: dt.date | None, parts: tuple[str, ...]) -> dt.date | None:
    settings: dict[str, Any] = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "future",
        "REQUIRE_PARTS": list(parts),
        "RETURN_AS_TIMEZONE_AWARE": False,
        # Never the clock: without a meeting date a fixed base keeps results reproducible.
        "RELATIVE_BASE": dt.datetime.combine(reference or dt.date(2000, 1, 1), dt.time()),
    }
    try:
        parsed = _dateparser_module().parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed is not None else None


def _without_overlaps(items: list[_T], span: Callable[[_T], tuple[int, int, bool]]) -> list[_T]:
    """Earliest first, the longest of those starting together; whatever overlaps it is dropped.

    ``span`` gives (start, end, weaker): of two equal spans the weaker (a blocker) loses.
    """
    kept: list[_T] = []
    last_end = -1
    for item in sorted(items, key=lambda it: (span(it)[0], -span(it)[1], span(it)[2])):
        start, end, _weaker = span(item)
        if start >= last_end:
            kept.append(item)
            last_end = end
    return kept


_DATE_HINT_WORDS = (
    *"jan feb mar apr may jun jul aug sep oct nov dec day week month year next end mid".split(),
    *"summer spring autumn winter fall term quarter christmas xmas tomorrow".split(),
)
_DATE_HINTS = r"\d|(?i:" + "|".join(_DATE_HINT_WORDS) + r"|q[1-4])"
# The hints as one pattern, for a text where a word test on lower() may miss one (see casefold).
_MAY_HOLD_A_DATE = re.compile(r"(?i:[\djfmasondwyeqcxt])(?<=(?=" + _DATE_HINTS + r").)")


def _may_hold_a_date(text: str) -> bool:
    """``_MAY_HOLD_A_DATE.search(text) is not None``, a few times cheaper: a digit (which "q3"
    holds too), else a hint word in the lower-cased text. Most letters start a hint word, so the
    pattern tried the hints at most positions of a text without a date."""
    if _DIGIT.search(text) is not None:
        return True
    if not lower_is_case_blind(text):
        return _MAY_HOLD_A_DATE.search(text) is not None
    low = text.lower()
    return any(map(low.__contains__, _DATE_HINT_WORDS))


def find_due(text: str, context: DateContext) -> DueDate | None:
    """The deadline an action's text states, resolved against the meeting date; None if none.

    Every date expression is read with its cue; of those that are deadlines, the first one
    tied to a strong cue ("by", "before", "deadline", "within", ...) wins, else the first.
    """
    if not _may_hold_a_date(text):
        return None
    meeting = context.meeting_date
    candidates = (
        _date_candidates(text, meeting)
        + _month_candidates(text, context)
        + _meeting_candidates(text, context)
        + _duration_candidates(text, meeting)
        + _relative_candidates(text, context)
        + _period_candidates(text, context)
    )
    kept = _without_overlaps(candidates, lambda c: (c.start, c.end, not c.value))
    deadlines = [c for c in kept if c.value]
    if not deadlines:
        return None
    best = next((c for c in deadlines if c.strong), deadlines[0])
    words = text[best.start : best.end]
    due = DueDate(text=words, value=best.value, date=best.date, cue=best.rule, start=best.start, end=best.end)
    return _event_date_or_deadline(due, text)


# A bare attendance that stands after the sentence dating its event ("The rail users' group
# meets on 12 March. KT will attend."): going to the event is the task, its day the deadline. The task
# names no event of its own (nothing but "if free", "on behalf of ..." may follow the verb).
_BARE_ATTENDANCE = re.compile(
    r"\b(?:to|will|would|shall|can|could)\s+(?:also\s+|both\s+)?(?:attend|go|be\s+there|represent\s+(?:the|us)\b[^.;]{0,40}?)"
    r"\s*(?:(?:if|when|where|on\s+behalf|for\s+the\s+(?:council|committee|group)|as\s+(?:our|the)\b)[^.;]{0,40})?[.;]?\s*$",
    re.I,
)
_BARE_ATTENDANCE_WORDS = 12  # a longer sentence says more than "X to attend"
# The sentence before must name something to go to ("the forum is held on ...", "a presentation on
# ...", "the next one on ..." after "attend"), and its day must not be a deadline ("comments by
# 30 April", "the closing date is 2 May").
_AN_EVENT = re.compile(
    r"\b(?:held|hold|holding|meet|meets|meeting|forum|event|presentation|hearing|attend|conference|session|workshop|"
    r"seminar|training|briefing|ceremony|service|fayre|fair|show|festival|visit|exhibition|commence|surgery|take\s+place|AGM)\b",
    re.I,
)
_DAY_IS_A_DEADLINE = re.compile(r"\b(?:by|before|until|till|later\s+than|deadline|closing|close|closes|expires?)\b[^.;]{0,25}$", re.I)


def event_date_for_attendance(task: str, sentence_before: str, context: DateContext) -> DueDate | None:
    """The day of the event named in ``sentence_before`` when ``task`` is only to attend it (see
    _BARE_ATTENDANCE); None otherwise, or when that sentence dates more than one day."""
    if len(task.split()) > _BARE_ATTENDANCE_WORDS or not _BARE_ATTENDANCE.search(task) or not _may_hold_a_date(sentence_before):
        return None
    if not _AN_EVENT.search(sentence_before):
        return None
    days = [c for c in _date_candidates(sentence_before, context.meeting_date) if c.value and c.rule == "due:date"]
    if len(days) != 1 or _DAY_IS_A_DEADLINE.search(sentence_before, 0, days[0].start):
        return None
    day = days[0]
    return DueDate(sentence_before[day.start : day.end], day.value, day.date, "due:event before", 0, 0)


_EVENT_BEFORE = re.compile(
    r"\b(?:committee|meeting|panel|board|conference|event|session|hearing|inquiry|fayre|fair|show|festival|visit|"
    r"course|workshop|training|seminar|webinar|ceremony|service|walk|party|briefing|"
    # a named day ("the gala day on Saturday", "Remembrance Day on 10 November"); not a day that
    # is itself a deadline or a count ("the closing day on 15 May", "the next working day of")
    r"(?!(?:the|a|any|closing|deadline|last|final|due|payment|submission|return|working|business|same|next|that|this|each|every|one|first|second)\s)[a-z][\w'’-]*\s+day)"
    r"(?:\s+(?:with|at|in|for)\s+(?:the\s+)?[\w'’&-]+(?:\s+[A-Z][\w'’&-]*){0,2})?\s+(?:on|of)\s+(?:the\s+)?$"
    r"|\b(?:minutes|notes)\s+(?:of|for|from)\s+(?:the\s+)?(?:meeting\s+)?(?:\w+\s+){0,3}?(?:on\s+)?(?:the\s+)?$",
    re.I,
)
# A date inside a "when / once / after / until ..." clause dates the condition, not the task.
_CONDITION_BEFORE = re.compile(r"\b(?:when|once|after|until|whenever)\s[^.;,:()]{0,80}$", re.I)
_MEETING_CUES = frozenset({"due:next-meeting", "due:month-meeting", "due:next-meeting-stated"})
_GUEST_AT = re.compile(r"\battend(?:s|ing)?\s+(?:the\s+|a\s+|our\s+)?$", re.I)
# "if she could attend the Town Council meeting in May": the date of the event attended, not a deadline.
_ATTENDED_EVENT = re.compile(
    r"\battend(?:s|ing)?\s+(?:the\s+|a\s+|an\s+|our\s+|their\s+)?(?:[\w'’&-]+\s+){0,4}?"
    r"(?:meeting|event|conference|session|workshop|seminar|training|course|ceremony|fayre|fair|show|festival|day)\s+(?:in|on)\s+(?:the\s+)?$",
    re.I,
)
# Cues of a day or month whose event noun before it ("the sports day on Friday") names when the event is.
_EVENT_DATE_CUES = frozenset({"due:date", "due:weekday"})
_AT_THE_EVENT = re.compile(r"\b(?:attend|attending|present|presenting|speak|speaking|man|host|hold|run|report|bring|take|table)\b|\bhave\s+(?:a|an|another)\s", re.I)


def _event_date_or_deadline(due: DueDate, text: str) -> DueDate | None:
    """A date that names when an event happens ("the Planning Committee on 4th June") is the
    deadline only for what is done at that event (attend, present, report to it). A meeting someone
    is to attend ("to see if he will attend the May meeting") is the event itself, not a deadline."""
    if due.cue in _MEETING_CUES and _GUEST_AT.search(text[max(0, due.start - 60) : due.start]):
        return None
    if _ATTENDED_EVENT.search(text[max(0, due.start - 90) : due.start]):
        return None
    if _CONDITION_BEFORE.search(text[max(0, due.start - 90) : due.start]) and not _cue_before(text, due.start).strong:
        return None  # "when the contracts end on 31 March": when a condition holds, not a deadline
    if due.cue not in _EVENT_DATE_CUES:
        return due
    if _EVENT_BEFORE.search(text[max(0, due.start - 60) : due.start]) and not _AT_THE_EVENT.search(text[: due.start]):
        return None
    return due

