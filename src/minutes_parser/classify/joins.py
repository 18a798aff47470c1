"""Which paragraphs belong to the motion paragraph before them.

GOLD counts a motion with its outcome as one decision, and a bare outcome or tally as nothing of
its own. The segmenter asks :func:`closes_previous` before it starts a new paragraph, so that
"Agreed unanimously.", "Seconded by Cllr Ward; carried." or a roll call printed on a paragraph of
its own is joined to the motion it closes.
"""

from __future__ import annotations

import re

from .paragraphs import bare_vote, outcome_phrase

# A tally must name a vote or its outcome, so a line of bare names ("Cllr Ward") is not one.
_VOTE_OR_OUTCOME = re.compile(
    r"\b(?:second(?:ed|er)?|propos(?:ed|er)|moved|roll\s+call|votes?|voted|ayes?|yeas?|nays?|noes|abstain\w*|"
    r"carried|carries|passe[sd]|lost|defeated|fail(?:s|ed)|agreed|unanimous(?:ly)?|favou?r|against|nem)\b",
    re.I,
)

# A paragraph that puts a motion: "That the precept be set ...", "Motion to approve ...",
# "A motion was made to ...", "Moved by Trustee Ames to ...", "It was proposed that ...".
_STATES_A_MOTION = re.compile(
    r"^\W{0,3}(?:that\b|motion\b|an?\s+motion\b|moved\b|it\s+was\s+(?:moved|proposed)\b|proposal\b|resolved\b|"
    r"to\s+(?:approve|adopt|accept|agree|authori[sz]e|appoint|award|ratify|receive|note)\b)"
    r"|\b(?:motion|moved)\s+to\s+[a-z]+|\b(?:makes|made)\s+a\s+motion\b",
    re.I,
)
_COMPLETE = re.compile(r"[.;:!?)\]”\"']\s*$")


def states_a_motion(text: str) -> bool:
    """A whole paragraph putting a motion, not the wrapped tail of one ("... at 9 Main Street.")."""
    stripped = text.strip()
    return _STATES_A_MOTION.search(stripped[:200]) is not None and _COMPLETE.search(stripped) is not None


def closes_previous(previous: str, text: str) -> bool:
    """A paragraph that is only an outcome or a tally ("Agreed unanimously.", "Unanimous.",
    "Proposed Cllr Hart, seconded Cllr Ward, all in favour.", "Roll call: Trustee Ames - yes")
    right after a paragraph putting a motion: it closes that motion."""
    stripped = text.strip()
    if not stripped or len(stripped) > 400 or not states_a_motion(previous):
        return False
    return outcome_phrase(stripped) or (_VOTE_OR_OUTCOME.search(stripped) is not None and bare_vote(stripped))
