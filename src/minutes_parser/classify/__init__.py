"""Stage 3: decide, sentence by sentence, what is a decision and what is an action.

The classifier is two ordered lists of small named rules (``ACTION_RULES``, ``DECISION_RULES``).
Each rule looks at one clause with its context and returns a :class:`Finding` or None; the first
rule that fires in each list wins, and its name becomes the cue recorded on the output
("pattern:OWNER to VERB", "label:Decision"). A clause can be both: "RESOLVED that the Clerk write
to Highways" is a decision and an action for the Clerk.
"""

from __future__ import annotations

from .actions import (
    action_label,
    capital_imperative,
    checklist,
    dash_owner_task,
    delegated_to,
    directed_owner,
    impersonal_agreed,
    marker,
    owner_agreed_to,
    owner_only,
    owner_owns_action,
    owner_to_verb,
    owner_will_verb,
    passive_future,
    report_back,
    reported_commitment,
    resolution_directs,
    should_be_done,
    speaker_task,
    subjectless_will,
    to_be_done,
)
from .base import ACTION_RULES, DECISION_RULES, Clause, Finding, Needs, NeedsError, Rule, RuleSet
from .decisions import (
    agreed_that,
    assent,
    body_agreed,
    decision_label,
    leading_decision_word,
    passive_decision,
    question_answered,
    recorded_outcome,
    resolved,
    to_be_appointed,
    vote,
)
from .paragraphs import (
    ClassifiedParagraph,
    ClauseResult,
    chosen_option,
    classify_clause,
    classify_paragraph,
    options_stem,
    outcome_only,
    without_decisions,
)

__all__ = [
    "ACTION_RULES",
    "DECISION_RULES",
    "ClassifiedParagraph",
    "Clause",
    "ClauseResult",
    "Finding",
    "Needs",
    "NeedsError",
    "Rule",
    "RuleSet",
    "action_label",
    "agreed_that",
    "assent",
    "body_agreed",
    "capital_imperative",
    "checklist",
    "chosen_option",
    "classify_clause",
    "classify_paragraph",
    "dash_owner_task",
    "decision_label",
    "delegated_to",
    "directed_owner",
    "impersonal_agreed",
    "leading_decision_word",
    "marker",
    "options_stem",
    "outcome_only",
    "owner_agreed_to",
    "owner_only",
    "owner_owns_action",
    "owner_to_verb",
    "owner_will_verb",
    "passive_decision",
    "passive_future",
    "question_answered",
    "recorded_outcome",
    "report_back",
    "reported_commitment",
    "resolution_directs",
    "resolved",
    "should_be_done",
    "speaker_task",
    "subjectless_will",
    "to_be_appointed",
    "to_be_done",
    "vote",
    "without_decisions",
]
