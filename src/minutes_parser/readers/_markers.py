"""List-marker arithmetic shared by the readers that rebuild numbering (DOCX, HTML)."""

from __future__ import annotations

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(value: int) -> str:
    """Lower-case roman numeral: 4 -> "iv"; numbers below 1 are written as digits."""
    if value <= 0:
        return str(value)
    out: list[str] = []
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        out.append(letters * count)
    return "".join(out)
