"""Motions and votes (extract/motions.py): each phrasing family as a small fictional case.

Every name and sentence here is invented. What the text does not state stays None.
"""

from __future__ import annotations

import json

import pytest

from minutes_parser.core import parse_text
from minutes_parser.export.json import minutes_to_dict, schema
from minutes_parser.export.markdown import decision_note, minutes_to_markdown
from minutes_parser.extract.motions import (
    final_vote_start,
    find_counts,
    find_mover,
    find_named_votes,
    find_outcome,
    find_seconder,
    find_votes,
    read_motion,
    split_names,
)
from minutes_parser.model import NamedVotes, Outcome, Votes

# --- mover and seconder ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mover", "seconder"),
    [
        ("Proposed Cllr Hale, seconded Cllr Ward, carried.", "Cllr Hale", "Cllr Ward"),
        ("Motion by Trustee Okafor, seconded by Trustee Lind, to buy two laptops.", "Trustee Okafor", "Trustee Lind"),
        ("MOVED: Patel SECONDED: Moreau THAT the plough contract be renewed.", "Patel", "Moreau"),
        ("MOVED/SECONDED: Patel/Moreau that the report be received.", "Patel", "Moreau"),
        ("M/S/C Patel/Moreau to accept the treasurer's report.", "Patel", "Moreau"),
        ("Proposed by JB and Seconded by RT, the minutes were approved.", "JB", "RT"),
        ("On the proposal of Councillor Reyes, seconded by Councillor Sato (M), it was agreed.", "Councillor Reyes", "Councillor Sato (M)"),
        ("Gwen was elected secretary (Arlo, seconded by Bette) nem con.", "Arlo", "Bette"),
        ("Director Quist moved that the policy be adopted; Director Ruiz seconded the motion.", "Director Quist", "Director Ruiz"),
        ("Mover: Cllr Ames. Seconder: Cllr Birch.", "Cllr Ames", "Cllr Birch"),
    ],
)
def test_mover_and_seconder(text: str, mover: str, seconder: str) -> None:
    assert find_mover(text) == mover
    assert find_seconder(text) == seconder


@pytest.mark.parametrize(
    "text",
    [
        "The Proposed Budget 2025 was presented by the Treasurer.",
        "It was proposed that the fence be painted green.",
        "The Board moved into closed session at 8pm.",
        "The archive is to be moved to the new server.",
    ],
)
def test_no_mover_where_none_is_named(text: str) -> None:
    assert find_mover(text) is None
    assert find_seconder(text) is None


# --- counts ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Yes – 5, No – 0", (5, 0, None)),
        ("For: 6 Against: 1 Abstentions: 2", (6, 1, 2)),
        ("Ayes 7, Noes 3", (7, 3, None)),
        ("Motion carried 5-0.", (5, 0, None)),
        ("Carried 6–2–1.", (6, 2, 1)),
        ("The motion passed (4-1).", (4, 1, None)),
        ("The amendment was defeated by 3 votes to 7.", (3, 7, None)),
        ("Four were in favour, two against and one abstained.", (4, 2, 1)),
        ("8 votes for, none opposed, no abstentions.", (8, 0, 0)),
        ("Moved by Director Quist. (Y-5)", (5, None, None)),
        ("The motion failed 2-3.", (2, 3, None)),
    ],
)
def test_counts(text: str, counts: tuple[int | None, int | None, int | None]) -> None:
    assert find_counts(text) == counts


@pytest.mark.parametrize(
    "text",
    [
        "The work will be carried out in 2024-25 by the contractor.",
        "The lease runs for 5 years from April.",
        "Item No. 4 was taken first.",
        "The motion was defeated 5-2.",  # which side had five is not said
        "Voting will open at 9-10 am.",
        "Yes 2024 was a good year.",
    ],
)
def test_no_counts_where_none_are_stated(text: str) -> None:
    assert find_counts(text) == (None, None, None)


# --- named votes -------------------------------------------------------------------------------


def test_roll_call_with_yay_and_dashes() -> None:
    named = find_named_votes("Roll call: Trustee Fischer, yay; Trustee Elton – yes; Trustee Grau, nay; Trustee Hoy, abstain.")
    assert named == NamedVotes(("Trustee Fischer", "Trustee Elton"), ("Trustee Grau",), ("Trustee Hoy",))


def test_one_name_answered_is_not_a_roll_call() -> None:
    assert find_named_votes("Quorum present: yes.") is None
    assert find_named_votes("Clerk: yes, the hall is booked.") is None


def test_voting_in_favour_lists() -> None:
    named = find_named_votes("VOTING IN FAVOUR: Cllrs Abbot, Baird and Cole. VOTING AGAINST: Cllr Dunn. CARRIED")
    assert named == NamedVotes(("Abbot", "Baird", "Cole"), ("Cllr Dunn",), ())


def test_ayes_and_nays_lists() -> None:
    named = find_named_votes("Ayes: Pruitt, Vance, Oduya. Nays: Kerr. Abstaining: Lomax.")
    assert named == NamedVotes(("Pruitt", "Vance", "Oduya"), ("Kerr",), ("Lomax",))


def test_initials_before_in_favour_and_names_after_a_count() -> None:
    assert find_named_votes("RD, KW, JLM in favour, none opposed") == NamedVotes(("RD", "KW", "JLM"), (), ())
    assert find_named_votes("The motion passed with 3 in favor (Ambler, Boyce, Crane).") == NamedVotes(("Ambler", "Boyce", "Crane"), (), ())


def test_names_before_a_label_with_a_long_roll_after_the_last_label() -> None:
    """A list before its label is read wherever the last label stands; the roll of names after
    it ends in no label, so it gives nothing (it is no longer tried name by name)."""
    roll = ", ".join(f"Mr {first}{second}" for first in "BCDFGHKLMN" for second in ("ale", "orne", "ent", "ury"))
    text = f"Ms Ashby, Mr Brook and Ms Corran voted in favour. Against (40)\n{roll},\nAbstain (0) Amendment lost."
    assert find_named_votes(text) == NamedVotes(("Ms Ashby", "Mr Brook", "Ms Corran"), (), ())
    assert find_named_votes(f"{roll} against") == NamedVotes((), tuple(roll.split(", ")), ())


def test_split_names_drops_a_plural_title() -> None:
    assert split_names("Cllrs Hale, Ward and Osei") == ("Hale", "Ward", "Osei")
    assert split_names("Trustee Lind & Trustee Okafor") == ("Trustee Lind", "Trustee Okafor")


def test_counts_come_from_the_roll_call_when_no_number_is_stated() -> None:
    votes = find_votes("Trustee Fischer, yay; Trustee Elton, yay; Trustee Grau, nay.")
    assert votes is not None
    assert (votes.in_favour, votes.against, votes.abstain) == (2, 1, None)


def test_stated_counts_win_over_names() -> None:
    votes = find_votes("The motion passed with 6 in favor (Ambler, Boyce, Crane), 1 against.")
    assert votes is not None
    assert (votes.in_favour, votes.against) == (6, 1)


def test_no_votes_in_a_plain_decision() -> None:
    assert find_votes("The Council agreed to buy a new bench for the green.") is None


# --- outcome -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Proposed Cllr Hale, seconded Cllr Ward, carried.", Outcome.CARRIED),
        ("The grant to the scout group was passed without dissent.", Outcome.CARRIED),
        ("Passed unanimously.", Outcome.CARRIED),
        ("RESULT: ADOPTED", Outcome.CARRIED),
        ("Gwen was elected secretary and this was carried nem con.", Outcome.CARRIED),
        ("It was unanimously agreed to move the archive to the new server.", Outcome.CARRIED),
        ("All were in favour.", Outcome.CARRIED),
        ("Amendment lost.", Outcome.LOST),
        ("The motion was defeated.", Outcome.LOST),
        ("The motion to close the car park fell for want of a seconder.", Outcome.LOST),
        ("Motion not carried.", Outcome.LOST),
        ("Cllr Quinn withdrew the motion.", Outcome.WITHDRAWN),
        ("The item was deferred to the next meeting.", Outcome.DEFERRED),
        ("Carried forward to the June meeting.", Outcome.DEFERRED),
        ("Noted the findings of the cyber security review.", Outcome.NOTED),
        ("RESOLVED that the report be noted. Carried.", Outcome.CARRIED),
        ("The amendment was lost 3-7; the substantive motion was carried 8-2.", Outcome.CARRIED),
    ],
)
def test_outcome(text: str, outcome: Outcome) -> None:
    found = find_outcome(text)
    assert found is not None and found[0] is outcome


@pytest.mark.parametrize(
    "text",
    [
        "The resurfacing will be carried out in May.",
        "Cllr Quinn declared an interest and withdrew from the meeting.",
        "The Council agreed to buy a new bench.",
        "Motion by Trustee Okafor, seconded by Trustee Lind. Yes – 5, No – 0.",  # no outcome word
    ],
)
def test_no_outcome_where_none_is_stated(text: str) -> None:
    assert find_outcome(text) is None


def test_assent_with_a_vote_on_record_is_carried() -> None:
    text = "Proposed by JB and Seconded by RT, the minutes were approved."
    assert find_outcome(text, find_votes(text)) == (Outcome.CARRIED, "assent with a vote")
    # the motion's own words are not its outcome
    text = "Director Quist moved that the policy be adopted; Director Ruiz seconded the motion."
    assert find_outcome(text, find_votes(text)) is None


def test_final_vote_start_skips_the_amendment() -> None:
    text = "The amendment was lost 3-7. The substantive motion was carried 8-2."
    assert text[final_vote_start(text) :] == "The substantive motion was carried 8-2."
    assert final_vote_start("Motion carried 5-0.") == 0


# --- a decision with its context ---------------------------------------------------------------


def test_read_motion_takes_what_the_clause_lacks_from_its_paragraph() -> None:
    paragraph = "RESOLVED that the hall hire fee be raised to £15. Proposed Cllr Hale, seconded Cllr Ward. Carried 5-1."
    motion = read_motion("RESOLVED that the hall hire fee be raised to £15.", paragraph)
    assert motion.outcome is Outcome.CARRIED
    assert motion.votes == Votes(5, 1, None, None, "Cllr Hale", "Cllr Ward")
    assert motion.cues == ("outcome:carried", "votes")


def test_read_motion_ignores_a_paragraph_with_two_motions() -> None:
    paragraph = (
        "That the bins be emptied weekly. Proposed Cllr Hale, seconded Cllr Ward, carried. "
        "That the car park be closed. Proposed Cllr Osei, seconded Cllr Byrne, lost."
    )
    motion = read_motion("That the bins be emptied weekly.", paragraph)
    assert motion.votes is None and motion.outcome is None


def test_read_motion_states_nothing_for_a_plain_decision() -> None:
    motion = read_motion("The Council agreed to buy a new bench.", "The Council agreed to buy a new bench.")
    assert motion == type(motion)(None, None, ())


# --- through the pipeline and the exports ------------------------------------------------------

FICTIONAL_MINUTES = """\
Minutes of the Meeting of Larkspur Vale Parish Council held on 4 June 2024

Present: Cllr Hester Hale (Chair), Cllr Owen Ward, Cllr Ada Osei

1. Hall hire charges

RESOLVED that the hall hire fee be raised to £15 an hour from September. Proposed Cllr Hale, seconded Cllr Ward. Carried 2-1.

2. Car park

It was proposed by Cllr Osei that the car park be closed overnight. The motion was lost.
"""


def test_parsed_motion_validates_against_the_shipped_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = minutes_to_dict(parse_text(FICTIONAL_MINUTES, name="larkspur.txt"))
    jsonschema.Draft202012Validator(schema()).validate(document)
    assert document["schema_version"] == "1.1"
    carried = [d for d in document["decisions"] if "hall hire" in d["text"]]
    assert carried, document["decisions"]
    assert carried[0]["outcome"] == "carried"
    assert carried[0]["votes"] == {
        "for": 2, "against": 1, "abstain": None, "named": None, "mover": "Cllr Hale", "seconder": "Cllr Ward",
    }  # fmt: skip
    assert json.loads(json.dumps(document)) == document


def test_a_roll_call_validates_against_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = minutes_to_dict(parse_text(FICTIONAL_MINUTES, name="larkspur.txt"))
    document["decisions"][0]["votes"] = {
        "for": 2, "against": 0, "abstain": 1, "mover": None, "seconder": None,
        "named": {"for": ["Trustee Fischer", "Trustee Elton"], "against": [], "abstain": ["Trustee Hoy"]},
    }  # fmt: skip
    jsonschema.Draft202012Validator(schema()).validate(document)


def test_markdown_shows_outcome_and_votes() -> None:
    minutes = parse_text(FICTIONAL_MINUTES, name="larkspur.txt")
    text = minutes_to_markdown(minutes)
    assert "carried, 2-1, moved Cllr Hale, seconded Cllr Ward" in text
    assert all(decision_note(d) == "" or d.outcome or d.votes for d in minutes.decisions)


def test_csv_still_renders() -> None:
    from minutes_parser.export.csv import actions_to_csv

    assert actions_to_csv([parse_text(FICTIONAL_MINUTES, name="larkspur.txt")]).startswith("source,")


def test_read_motion_borrows_one_outcome_stated_twice_in_a_sentence() -> None:
    paragraph = "That the verge be cut monthly. Proposed Cllr Hale, seconded Cllr Ward, carried nem con."
    motion = read_motion("That the verge be cut monthly.", paragraph)
    assert motion.outcome is Outcome.CARRIED
    assert motion.votes is not None and motion.votes.mover == "Cllr Hale"


def test_a_title_alone_is_not_a_name() -> None:
    assert find_seconder("It was proposed by Councillor Quill and seconded by Councillor") is None
    assert find_mover("Moved by Chairman, seconded by Cllr Ward.") == "Chairman"


def test_someone_on_two_sides_is_several_votes_not_one() -> None:
    assert find_named_votes("Vance: Aye. Pruitt: Aye. Then on the next item Vance: No. Pruitt: Aye.") is None


def test_a_transcript_is_not_read_for_votes() -> None:
    assert find_votes("Proposed Cllr Hale, seconded Cllr Ward. " * 100) is None
    assert find_named_votes("For-Hire Transportation Regulations") is None


def test_word_pre_checks_cover_their_patterns() -> None:
    """Each outcome rule's pattern can only match where one of its pre-check words occurs."""
    from minutes_parser.extract.motions import _OUTCOME_RULES, _OUTCOME_WORDS

    samples = [
        "Amendment lost.", "The motion was defeated.", "It fell for want of a seconder.", "Motion not carried.",
        "The motion failed.", "LOST", "withdrawn", "Cllr Quinn withdrew it.", "deferred", "postponed", "held over",
        "carried forward", "adjourned to May", "laid on the table", "carried", "nem con", "without dissent",
        "The motion was adopted.", "passed unanimously", "RESULT: ADOPTED", "all in favour", "unanimously",
        "M/S/C", "noted", "for information",
    ]  # fmt: skip
    assert set(_OUTCOME_WORDS) == {name for name, _, _ in _OUTCOME_RULES}
    for text in samples:
        for name, _, pattern in _OUTCOME_RULES:
            if pattern.search(text):
                assert any(word in text.lower() for word in _OUTCOME_WORDS[name]), (name, text)
