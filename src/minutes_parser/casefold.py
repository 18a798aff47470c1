"""When a case-blind pattern may run the cheap way: without re.I, on the lower-cased text.

Searching ``text.lower()`` with a pattern compiled without re.I is about twice as fast as
searching ``text`` with re.I, and a word test on the lower-cased text (``"agreed" in low``) can
spare the pattern altogether. Both find what re.I finds, at the same places, except in a text
holding one of three letters: the dotted capital I (its lower() is two characters), the dotless i
and the long s (which re.I takes for "i" and "s" and lower() leaves as they are). Every other
character lower-cases to one character of its own kind (letter, digit, space or other), and re.I
takes it for an ASCII letter only if it lower-cases to that letter
(tests/test_segment_case_folding.py checks every character of Unicode).
"""

from __future__ import annotations

__all__ = ["UNFOLDED", "lower_is_case_blind"]

UNFOLDED = ("\u0130", "\u0131", "\u017f")  # İ, ı, ſ


def lower_is_case_blind(text: str) -> bool:
    """Does a case-blind pattern of ASCII words, classes and spaces find in ``text`` what it
    finds without re.I in ``text.lower()``? True unless ``text`` holds one of :data:`UNFOLDED`."""
    return text.isascii() or ("\u0130" not in text and "\u0131" not in text and "\u017f" not in text)
