"""The words of motions and votes, declared once: what became of a motion, how it was voted, who
moved it.

Several rules read these words: the tally that closes a motion (classify/joins.py), a bare outcome
line and a bare vote (classify/paragraphs.py), an outcome tagged on after what it decides
(classify/decisions.py), a motion's outcome and counts (extract/motions.py) and a verdict in a
table's outcome column (extract/table_rows.py). Each builds its pattern from these groups, so a
word added here reaches all of them; where one rule takes a group more or less, it says why there.

Every group is a tuple of whole words in lower case (a space stands for any run of white space),
so one list serves a regex alternation (:func:`words`), a set of words and a rule's literal guard
(RuleSet ``needs``). This module imports nothing of the package: every layer may use it.
"""

from __future__ import annotations

# --- what became of a motion -------------------------------------------------------------------

# A motion put to the vote: "Motion carried.", "The amendment fell.", "The motion fails."
MOTION_CARRIED = ("carried", "carries", "passed", "passes")
MOTION_LOST = ("lost", "defeated", "failed", "fails", "fell")
MOTION_OUTCOMES = MOTION_CARRIED + MOTION_LOST
# The meeting's yes or no to what was put, a motion or a request: "Approved.", "Refused.".
ASSENTED = ("agreed", "approved", "adopted", "ratified")
REFUSED = ("rejected", "refused", "declined")
# Put off to a later meeting: "Deferred.", "Postponed to June", "Held over", "Carried forward".
DEFERRED = ("deferred", "postponed", "held over", "carried forward")
WITHDRAWN = ("withdrawn",)
# Every outcome a line can state alone ("Carried.", "Approved.", "Deferred."): a decision's close.
OUTCOMES = MOTION_OUTCOMES + ASSENTED + REFUSED + DEFERRED

# --- how it was voted --------------------------------------------------------------------------

UNANIMOUS = ("unanimous", "unanimously")
IN_FAVOUR = ("favour", "favor")
AGAINST = ("against", "opposed")
NEM_CON = ("nem",)  # "nem con", "nem. con.": the "con" follows, in any spelling
# Words that say how a vote ended, not only that it was held: "All in favour.", "Agreed nem con."
VOTE_ENDED = (*MOTION_OUTCOMES, "agreed", *UNANIMOUS, *IN_FAVOUR, *NEM_CON)
# A voter's answer in a roll call or the heading of its list ("Ayes: Ames, Boyd").
AYES = ("aye", "ayes", "yea", "yeas")
NAYS = ("nay", "nays", "noes")
ABSTAINED = (
    "abstain",
    "abstained",
    "abstains",
    "abstaining",
    "abstainer",
    "abstainers",
    "abstention",
    "abstentions",
)

# --- who moved it and the vote itself ----------------------------------------------------------

MOVED = ("moved", "proposed", "second", "seconded")  # "Proposed Cllr Hale, seconded Cllr Ward"
MOVER_ROLES = ("mover", "proposer", "seconder")  # "Mover: Cllr Hale", also a form's empty label
VOTE_HELD = ("vote", "votes", "voted", "roll call")
# Words that record a vote being taken (its mover, its roll call, its voters' answers).
VOTERS = MOVED + MOVER_ROLES + VOTE_HELD + AYES + NAYS + ABSTAINED


def words(*groups: tuple[str, ...]) -> str:
    """A regex alternation ``(?:w1|w2|...)`` of the groups' words, a space as any run of white
    space. The caller puts it between word boundaries (``\\b``) and chooses the flags."""
    return "(?:" + "|".join(w.replace(" ", r"\s+") for group in groups for w in group) + ")"


__all__ = [
    "ABSTAINED",
    "AGAINST",
    "ASSENTED",
    "AYES",
    "DEFERRED",
    "IN_FAVOUR",
    "MOTION_CARRIED",
    "MOTION_LOST",
    "MOTION_OUTCOMES",
    "MOVED",
    "MOVER_ROLES",
    "NAYS",
    "NEM_CON",
    "OUTCOMES",
    "REFUSED",
    "UNANIMOUS",
    "VOTERS",
    "VOTE_ENDED",
    "VOTE_HELD",
    "WITHDRAWN",
    "words",
]
