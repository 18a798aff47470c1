"""The cheap pre-checks in front of costly patterns decide exactly what the patterns alone do:
each guard is compared with its plain search over fictional lines, including the edge cases the
guard relies on (closing spaces, a word boundary just before where the search starts)."""

from __future__ import annotations

import re
import time

import pytest

from minutes_parser.casefold import lower_is_case_blind
from minutes_parser.classify import actions, base, decisions, joins, paragraphs
from minutes_parser.classify.base import ACTION_RULES, DECISION_RULES, Clause
from minutes_parser.extract.owners import PeopleIndex
from minutes_parser.segment import rules as segment_rules

LINES = [
    "The Clerk to write to the owners of Brackenfold Farm and",
    "Moved by Cllr Pellow and seconded by Cllr",
    "Cllr Dunmore thanked the Warden for the report on the",
    "Footpath works at Kettle Lane      ",
    "Footpath works at Kettle Lane & \t ",
    "Grant for the bowls club (Y-5; N-1) CONFIRMED.",
    "Grant for the bowls club - APPROVED",
    "Verge cutting Noted  ",
    "There were NO OBJECTIONS from members.",
    "xNO OBJECTIONS",
    "That the precept be set at",
    "A motion was made to adopt the plan.",
    "Members made a motion about parking.",
    "The clerk moved to the next item.",
    "ai: Rowan to book the hall",
    "rain and snow; the map is on the wall",
    "Rowan to chase the quote",
    "tomorrow's meeting",
    "Review of the",
    "Councillors",
    "no objection was raised; snow objection",
    "",
    "   ",
]


@pytest.mark.parametrize("pattern", [segment_rules._LINE_CONTINUES, segment_rules._CONNECTIVE_END])
def test_line_end_search_from_the_closing_spaces(pattern: re.Pattern[str]) -> None:
    long_line = "Footpath works near the old mill " * 8
    for line in [*LINES, long_line + "and", long_line + "and   ", long_line + "Cllr", "x" * 300 + " of"]:
        assert segment_rules._ends_with(pattern, line) == (pattern.search(line) is not None), line


def test_motion_statement_guard() -> None:
    for line in LINES:
        assert joins._states_a_motion(line) == (joins._STATES_A_MOTION.search(line) is not None), line


def test_motion_word_pieces_are_in_every_motion_word() -> None:
    # every line where the pattern finds a motion word holds one of the pieces or a clipped end,
    # and the pieces alone do not make a line match (the guard only rules lines out)
    extra = ["We shall move at the next meeting that", "The MOTION was put", "to adopt. Mot", "to adopt. Motio", "Seconded", "a groove in the lane"]
    for line in [*LINES, *extra]:
        guarded = joins._has_motion_word_piece(line)
        if joins._MOTION_WORD.search(line) is not None:
            assert guarded, line
    assert joins._MOTION_WORD.search("a groove in the lane") is None
    assert not joins.continues_motion("Footpath works near the old mill and the", "bridge")
    assert joins.continues_motion("The plan for the green was moved by", "Cllr Pellow.")


def test_recorded_outcome_hint() -> None:
    for line in LINES:
        found = decisions.recorded_outcome(Clause(line, "Decision", PeopleIndex()))
        assert (found is not None) == (decisions._RECORDED.search(line) is not None), line


def test_literal_led_needs() -> None:
    marker_need = next(n for n in ACTION_RULES.needs["pattern:marker"] if isinstance(n, re.Pattern) and "[ip]" in n.pattern)
    no_need = next(n for n in DECISION_RULES.needs["pattern:recorded outcome"] if isinstance(n, re.Pattern))
    for line in [text.lower() for text in LINES] + ["ap", "map ap.", "aim", " to", "to ", "\tto\n"]:
        assert (actions._TO.search(line) is not None) == (re.search(r"\sto\s", line) is not None), line
        assert (marker_need.search(line) is not None) == (re.search(r"\ba[ip]\b", line) is not None), line
        assert (no_need.search(line) is not None) == (re.search(r"\bno\s+(?:objection|observation|comment)", line) is not None), line


def test_owner_alone_after_a_long_run_of_spaces() -> None:
    assert paragraphs._OWNER_ONLY.match(" (Tamsin Rowe)? ").group(1) == "Tamsin Rowe"  # type: ignore[union-attr]
    start = time.process_time()
    assert paragraphs._OWNER_ONLY.match("Reserve Acct" + "\u00a0" * 400 + " 12/40") is None
    assert time.process_time() - start < 0.5  # tried every way, the closing spaces took seconds


SPACED_LINES = [
    *LINES,
    "Tomas agreed  to draft the letter, and  Ines would   circulate it",
    "Ana has been asked to\tbook the hall; Ben is going to chase",
    "\tto write to the school",
    " will check the lease",
    "Ruth  told the Board that she would\u00a0arrange a visit",
    "Kai owns the action, and\u00a0Lee takes this action",
    "Members agreed, and Mo will   send it",
]


@pytest.mark.parametrize(
    "pattern",
    # (the clause break is led by a character class now: tests/test_pattern_rewrites.py checks it)
    [actions._TO_VERB, actions._COMMIT, actions._WILL, actions._REPORTED, actions._OWNS],
)
def test_space_run_leads_like_its_lookbehind_form(pattern: re.Pattern[str]) -> None:
    # SPACE_RUN (and the first-letter lookahead after it) must find what "(?<!\s)\s+" finds
    plain = re.compile(re.sub(r"\\s\(\?<!\\s\\s\)\\s\*(?:\(\?=\[[a-z]+\]\))?", lambda _: r"(?<!\s)\s+", pattern.pattern))
    assert plain.pattern != pattern.pattern
    for line in SPACED_LINES:
        assert [m.span() + m.groups() for m in pattern.finditer(line)] == [m.span() + m.groups() for m in plain.finditer(line)], line


def test_people_index_word_patterns() -> None:
    from minutes_parser.extract import owners

    text = "Minutes. Cllr Ann Reed said Bob and Cy: well-known x- ok’d Dot; Eve, Fay éa\nGus: yes\n  Hal Ives: no"
    assert owners._LOWER_WORD.findall(text) == re.findall(r"\b[a-z][a-z'’\-]{1,30}\b", text)
    assert owners._MID_SENTENCE_NAME.findall(text) == re.findall(r"(?<=[a-z,;\-–] )([A-Z][a-zà-ÿ'’\-]{1,30})\b", text)
    index = owners.PeopleIndex.build([], text)
    assert {"Gus", "Hal"} <= index.speakers and "ok’d" in index.lower_words and "Eve" in index.attested


def test_options_stem_guard() -> None:
    for line in [*LINES, "Members may:", "Members may: \n", "The options are as follows:  ", "Members may: note"]:
        assert paragraphs.options_stem(line) == (paragraphs._OPTIONS_STEM.search(line[-200:]) is not None), line


def test_date_hint_and_next_meeting_scans() -> None:
    from minutes_parser.extract import dates

    hints = re.compile(dates._DATE_HINTS)
    next_line = re.compile(r"(?i:\bnext\s{1,3}(?:[A-Za-z&]{1,20}\s{1,3}){0,3}?meeting)(?P<rest>[^\n]{0,160})")
    for line in [*LINES, "by ſeptember", "Q3", "XMAS", "no hint here", "9", "Annex meeting", "NEXT MEETING: 4 May", "the\nnext  Parish meeting 3 June", "annext meeting"]:
        assert (dates._MAY_HOLD_A_DATE.search(line) is None) == (hints.search(line) is None), line
        assert [m.span() + m.groups() for m in dates._NEXT_MEETING_LINE.finditer(line)] == [m.span() + m.groups() for m in next_line.finditer(line)], line


def test_minutes_cue_in_parts() -> None:
    from minutes_parser.extract import meeting

    samples = [*LINES, "Present: Cllr Ames", "\n\n  Apologies\nPRESENT\n", "x\n* Regrets -", "Notes\nDraft minutes of the Parish Council meeting", "It was noted.", "İt was agreed", "Carried 5", "pre-resolved that", "The meeting closed at 9", "nothing to see"]
    for text in [*samples, "\n".join(samples), "Agenda\n1. To receive apologies"]:
        assert meeting.has_minutes_cue(text) == (meeting._MINUTES_CUE.search(text) is not None), text


def test_near_deadline_hint() -> None:
    from minutes_parser.extract import findings

    hints = re.compile(findings._NEAR_DEADLINE_HINTS, re.I)
    for line in [*LINES, "by next WEEK", "w/c 3 June", "aw/c", "Fortnight", "in two months", "none"]:
        assert (findings._NEAR_DEADLINE_WORDS.search(line) is None) == (hints.search(line) is None), line


def test_list_hint_and_complete_end() -> None:
    from minutes_parser.extract import motions

    hints = re.compile(motions._LIST_HINTS)
    for line in [*LINES, "3 in favour", "ayes: 4", "sayes", "votes for", "for: ames", "noes", "nothing"]:
        low = line.lower()
        assert (motions._LIST_HINT.search(low) is None) == (hints.search(low) is None), line
        stripped = line.strip()
        assert stripped.endswith(joins._COMPLETE_ENDS) == (joins._COMPLETE.search(stripped) is not None), line


@pytest.mark.parametrize("pattern", [actions._DIRECTED, actions._THAT_CLAUSE, decisions._VOTE, decisions._ASSENT])
def test_word_start_lead_finds_the_same(pattern: re.Pattern[str] | base.Caseless) -> None:
    # starting_at's lookahead must hold wherever the alternatives can match (a Caseless pattern is
    # read with re.I here; its lower-cased search is checked against re.I in test_pattern_rewrites)
    flags = pattern.flags if isinstance(pattern, re.Pattern) else re.I
    _lead, plain = re.fullmatch(r"\(\?=(.*?)\)\(\?:(.*)\)", pattern.pattern, re.S).groups()  # type: ignore[union-attr]
    led, bare = re.compile(pattern.pattern, flags), re.compile(plain, flags)
    lines = [*SPACED_LINES, "(consensus to close)", "consensus reached. General consensus", "Ana asked the Clerk to write", "3 votes for; nem con", "_asked Bo to go", "That the Clerk write", "It was agreed that Ana, and that Bo go"]
    for line in lines:
        assert [m.span() + m.groups() for m in led.finditer(line)] == [m.span() + m.groups() for m in bare.finditer(line)], line
        assert [m.span() for m in pattern.finditer(line)] == [m.span() for m in bare.finditer(line)], line


def test_clause_boundary_like_its_plain_form() -> None:
    # the lead-in boundary with a first-character lookahead finds what the plain alternatives find
    plain = re.compile(r"(?:,|;|\band\b|\bthat\b|\bbut\b|\bso\b|\bwhile\b|\bwhereas\b)\s+")
    lines = [*SPACED_LINES, "Bo, and Cy; but so whereas", "sandy that's thatch, butter so\talso", "bands_and\u00a0that x,\n", "while;  whereas"]
    for line in lines:
        assert [m.span() for m in base._BOUNDARY.finditer(line)] == [m.span() for m in plain.finditer(line)], line
        assert base._BOUNDARY.split(line) == plain.split(line), line


def test_owner_list_split_like_its_plain_form() -> None:
    from minutes_parser.extract import owners

    plain = re.compile(r"(?<!\s)(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*|\s+plus\s+|\s+\+\s+|\s+or\s+)")
    lines = [*SPACED_LINES, "Ana , Bo & Cy / Di plus Ed + Fay or Gus", "Ana,and Bo ,  and Cy", " , x", "Oran&Bo/ Cy  +  Di", "Ana\u00a0and\tBo"]
    for line in lines:
        assert owners._SPLIT.split(line) == plain.split(line), line
        assert [m.span() for m in owners._SPLIT.finditer(line)] == [m.span() for m in plain.finditer(line)], line


VOTE_LINES = [
    *LINES,
    "Moved by Cllr Ames, seconded by Cllr Boyd, that the grant be approved. Carried 6-1.",
    "MOVED/SECONDED: Patel/Moreau. Motion carried unanimously.",
    "Proposed Cllr Hale, seconded Cllr Ward. For: 6 Against: 1 Abstentions: 2",
    "The amendment was LOST by 7 votes to 2; four were in favour and none opposed.",
    "Ayes: Hale, Ward; Nays: Osei. Y-4 N-1 (passed 4-1)",
    "For (9) Against (30) Abstain (3) Motion carried nem con.",
    "Deferred to the June meeting; the item was held over. Withdrawn. Noted the report.",
    "On the proposal of Councillor Ryan, seconded by Councillor Ward, the report was adopted.",
    "passed with 3 in favor (Ames, Boyd and Cato) and 0 against",
    "Director Lind seconded the motion. Director Ames made the motion to approve.",
    "I will move at the next meeting of the Council that the hall be let.",
    "ſeconded by Cllr Hale; carrıed; Kelvin K",
    "A progress report to be brought back to the next Finance Committee; Clerk to report back to Council; on the June agenda",
    "Cllr Ames proposed, and Cllr Boyd seconded the following amendment:",
    "The following motion was moved by Cllr Ames:  ",
]
_LEAD = re.compile(r"\(\?=\[[^\]]*\]\)")  # a first-letter lookahead (names carry one too)


def _led_patterns() -> list[re.Pattern[str]]:
    from minutes_parser.extract import followups, motions

    return [
        *motions._MOVER_PATTERNS, *motions._SECONDER_PATTERNS, motions._LABEL_FIRST, motions._NUMBER_FIRST, motions._SCORE,
        motions._LABEL_PAREN, motions._VOTES_TO, motions._YN, motions._NAMED_LIST, motions._VOTING_LIST, motions._COUNT_THEN_NAMES,
        *(pattern for _, _, pattern in motions._OUTCOME_RULES), *(pattern for pattern, _, _ in motions._VOTER_EDITS),
        followups._FOLLOW_UP, followups._BRING_BACK, followups._AGENDA,
    ]  # fmt: skip


@pytest.mark.parametrize("pattern", _led_patterns())
def test_first_letter_lookaheads_change_no_match(pattern: re.Pattern[str]) -> None:
    plain = re.compile(_LEAD.sub("", pattern.pattern), pattern.flags)
    for line in VOTE_LINES:
        assert [m.span() + m.groups() for m in pattern.finditer(line)] == [m.span() + m.groups() for m in plain.finditer(line)], line


def test_voter_edits_run_where_their_words_are() -> None:
    from minutes_parser.extract import motions

    for line in VOTE_LINES:
        low = line.lower()
        for pattern, _, needs in motions._VOTER_EDITS:
            if pattern.search(line) and lower_is_case_blind(line):
                assert all(any(word in low for word in group) for group in needs), (pattern.pattern[:40], line)
    # a long s is read as "s" by the edit but not by lower(): the edit still runs
    assert motions.without_voters("To buy a new mower by Trustee Elton, ſeconded by Trustee Hodge.") == "To buy a new mower."
    assert motions.without_voters("Moved by Cllr Hale to adopt. Carried.") == "Moved to adopt. Carried."


DATE_LINES = [
    *LINES,
    "Clerk to order the bulbs by 3rd March 2025 – or by the end of Q2, tomorrow, or before Christmas.",
    "Report back next week / this month / by year end / in the new year / next Friday.",
    "By the end of the autumn term; by 15/12; on 2024-06-30; June 4th; by the 20th or 21st Jan.",
    "to the May meeting; MAY 2025; by mid-June; the XMAS fair; 14 days; MONDAY",
    "no date here at all",
]


def test_date_word_guards_are_needed_by_their_patterns() -> None:
    from minutes_parser.extract import _date_patterns as p

    month_patterns = (p._DMY, p._MDY, p._DAY_LIST, p._MONTH_ONLY, p._MONTH_PART, p._MONTH_MEETING)
    digit_patterns = (p._DMY, p._MDY, p._NUMERIC_ISO, p._NUMERIC_DMY, p._NUMERIC_DM, p._END_OF_YEAR_NUMBER, p._BARE_YEAR)
    words = {p._RELATIVE_PERIOD: ("year", "month", "week"), p._YEAR_END: ("year",), p._NEW_YEAR: ("year",), p._TOMORROW: ("tomorrow",),
             p._CHRISTMAS: ("christmas", "xmas"), p._WEEKDAY_ALONE: ("day",), p._QUARTER: ("q",), p._TERM: ("term",)}  # fmt: skip
    found = 0
    for line in DATE_LINES:
        for pattern in month_patterns:
            if pattern.search(line):
                found += 1
                assert p._ANY_MONTH.search(line), line
        for pattern in digit_patterns:
            if pattern.search(line):
                assert p._DIGIT.search(line), line
        for pattern, needed in words.items():
            if pattern.search(line):
                found += 1
                assert any(word in line.lower() for word in needed), (pattern.pattern[:30], line)
    assert found >= 12  # the lines do hold what the guards let through


def test_motion_stem_needs_a_closing_colon() -> None:
    from minutes_parser.extract import motions

    for line in VOTE_LINES:
        if motions._MOTION_STEM.search(line.strip()):
            assert line.strip().endswith(":"), line
    record = motions.MotionRecord()
    assert record.feed("The following motion was moved by Cllr Ames:  ", False, 0) is None and record.awaiting
