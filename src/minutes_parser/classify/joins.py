"""Which paragraphs belong to the motion paragraph before them.

GOLD counts a motion with its outcome as one decision, and a bare outcome or tally as nothing of
its own. The segmenter asks :func:`closes_previous` before it starts a new paragraph, so that
"Agreed unanimously.", "Seconded by Cllr Ward; carried." or a roll call printed on a paragraph of
its own is joined to the motion it closes.
"""

from __future__ import annotations

import re

from ..extract.motion_words import (
    AGAINST,
    ASSENTED,
    MOTION_OUTCOMES,
    UNANIMOUS,
    VOTE_ENDED,
    VOTERS,
    words,
)
from .paragraphs import bare_vote, outcome_phrase

# A tally must name a vote or its outcome, so a line of bare names ("Cllr Ward") is not one; a
# side named alone counts too ("Two against.").
_VOTE_OR_OUTCOME = re.compile(r"\b" + words(VOTERS, VOTE_ENDED, AGAINST) + r"\b", re.I)

# A paragraph that puts a motion: "That the precept be set ...", "Motion to approve ...",
# "A motion was made to ...", "Moved by Trustee Ames to ...", "It was proposed that ...".
_STATES_A_MOTION = re.compile(
    r"^\W{0,3}(?:that\b|motion\b|an?\s+motion\b|moved\b|it\s+was\s+(?:moved|proposed)\b|proposal\b|resolved\b|(?:I|we)\s+(?:will|shall)\s+move\b|"
    r"to\s+(?:approve|adopt|accept|agree|authori[sz]e|appoint|award|ratify|receive|note)\b)"
    r"|\b(?:motion|moved)\s+to\s+[a-z]+|\b(?:makes|made)\s+(?:a|the)\s+motion\b",
    re.I,
)
_COMPLETE = re.compile(r"[.;:!?)\]”\"']\s*$")
# What ``_COMPLETE`` looks for at the end of a stripped text, without scanning every punctuation mark in it.
_COMPLETE_ENDS = (".", ";", ":", "!", "?", ")", "]", "”", '"', "'")


def states_a_motion(text: str) -> bool:
    """A whole paragraph putting a motion, not the wrapped tail of one ("... at 9 Main Street.")."""
    stripped = text.strip()
    # (the ending first: a C call that rules out most paragraphs before the pattern runs)
    return stripped.endswith(_COMPLETE_ENDS) and _states_a_motion(stripped[:200])


def _states_a_motion(text: str) -> bool:
    """``_STATES_A_MOTION.search``, cheaper: past the start only its "motion"/"moved" forms can
    match, so the search along the text is run only when "mo" occurs."""
    return _STATES_A_MOTION.match(text) is not None or ("mo" in text.lower() and _STATES_A_MOTION.search(text) is not None)


# A form's stem for the vote between the motion and its tally: "Vote on the Motion:", "Result:".
_VOTE_STEM = re.compile(r"(?:vote\s+on\s+the\s+motion|vote|result|outcome)\s*:", re.I)


def closes_previous(previous: str, text: str) -> bool:
    """A paragraph that is only an outcome or a tally ("Agreed unanimously.", "Unanimous.",
    "Proposed Cllr Hart, seconded Cllr Ward, all in favour.", "Roll call: Trustee Ames - yes")
    right after a paragraph putting a motion: it closes that motion."""
    stripped = text.strip()
    if not stripped or len(stripped) > 400 or not states_a_motion(previous):
        return False
    if _VOTE_STEM.fullmatch(stripped):
        return True  # "Vote on the Motion:" then the tally, which joins after it
    return outcome_phrase(stripped) or (_VOTE_OR_OUTCOME.search(stripped) is not None and bare_vote(stripped))


# --- motions split over wrapped lines ----------------------------------------------------------

# A motion still being put at the end of a line: "... Moved by", "Moved by Cllr Hale to adop",
# a notice of motion ("I will move at the next meeting that ..."),
# "Proposed by Councillor Ryan, seconded by Councillor", "... Moved that this ordinance".
# A PDF whose right margin clips its lines may cut the word itself: "... to adopt. Mot" / "Carried 6-1.".
_CLIPPED_MOTION_WORD = r"\bMo(?:ve?|t(?:io?)?)?$"
_MOTION_WORD = re.compile(r"\b(?:[Mm]oved|MOVED|[Mm]otion|MOTION|[Pp]roposed|[Ss]econded|(?:I|we)\s+(?:will|shall)\s+move)\b|" + _CLIPPED_MOTION_WORD)
# The clipped words ``_MOTION_WORD`` finds at the end of a line ("Move" holds "ove").
_CLIPPED_MOTION_ENDS = ("Mo", "Mov", "Mot", "Moti", "Motio")


def _has_motion_word_piece(text: str) -> bool:
    """Substring tests (C calls) that every ``_MOTION_WORD`` match passes ("moved", "move",
    "MOVED" hold "ove"/"OVE"): a paragraph failing them has no motion word in its last sentence,
    found without splitting it into sentences."""
    return (
        "ove" in text or "OVE" in text or "otion" in text or "OTION" in text or "roposed" in text or "econded" in text or text.endswith(_CLIPPED_MOTION_ENDS)
    )


_SENTENCE_END = re.compile(r"[.!?;]\s+(?=\S)")
# How the rest of it starts on the next line: mid-sentence (lower case), with the outcome
# ("Hale to adopt. Motion carried 6-1.", "agreed.") or a tally's tail cut off ("1.", "6-1.").
_OUTCOME_SOON = re.compile(r"^.{0,160}?\b" + words(MOTION_OUTCOMES, ASSENTED, ("resolved",), UNANIMOUS) + r"\b", re.I)
# A line that stops on a word no sentence ends with: "... made the motion to move into".
_OPEN_END = re.compile(r"(?:\b(?:to|into|of|the|a|an|and|or|for|with|on|at|from|that|be|in)|,)$", re.I)
# A line that stops on the motion's own word or its "by": whatever comes next completes it.
_DANGLING = re.compile(r"\b(?:[Mm]oved|MOVED|[Mm]otion|[Pp]roposed|[Ss]econded)(?:\s+by)?$|" + _CLIPPED_MOTION_WORD)
_TALLY_TAIL = re.compile(r"^\(?\d{1,2}(?:\s*[-–]\s*\d{1,2}){0,2}\)?\.?$")
# A resolution quoted over several lines: its opening quote is not yet closed.
_QUOTED_RESOLUTION = re.compile(r"[“\"]\s*That\b")
_JOINED_MAX = 2500  # a "motion" longer than this is run-on text: never joined further
WRAPPED_WIDTH = (55, 90)  # characters on a line of hard-wrapped text (the segmenter's join uses it too)


def continues_motion(previous: str, text: str, last_line: int = 0) -> bool:
    """``text`` is the next wrapped line of a motion that ``previous`` left unfinished: a quoted
    resolution whose closing quote is still to come, or a line that stops inside "Moved by ..."
    and goes on with the mover, the rest of the motion or its outcome, or a motion's sentence not
    yet ended on a line of a wrapped width (``last_line``, the previous line's length). A hard-wrapped PDF or
    Markdown copy prints each line as a paragraph; the motion and its outcome are one decision."""
    before, after = previous.rstrip(), text.strip()
    if not before or not after or len(before) + len(after) > _JOINED_MAX:
        return False
    quote = _QUOTED_RESOLUTION.search(before) if "That" in before else None  # (the pattern's literal word first)
    if quote is not None and before.count("”") < before.count("“") and not before.endswith(":"):
        return True  # "“That, under section 12 of the Parks Act," then "1998, the lease of ..."
    if before.endswith(_COMPLETE_ENDS):  # (``_COMPLETE``: ``before`` is stripped)
        return False
    if _states_a_motion(before[:200]) and (after[:1].islower() or WRAPPED_WIDTH[0] <= last_line <= WRAPPED_WIDTH[1]):
        return True  # "That the precept be set at" / "£12,000.": a motion's sentence runs on at a wrapped width
    if not _has_motion_word_piece(before):
        return False  # (the last sentence is a tail of ``before``: no motion word in it either)
    last_sentence = _SENTENCE_END.split(before)[-1]
    if _MOTION_WORD.search(last_sentence) is None:
        return False
    if _DANGLING.search(last_sentence) or _OPEN_END.search(last_sentence):
        return not after.endswith(":")  # "... seconded the motion that" + "This Council believes that:": its list follows
    return after[:1].islower() or _OUTCOME_SOON.match(after) is not None or _TALLY_TAIL.match(after) is not None
