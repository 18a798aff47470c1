"""Styles and list numbering of a DOCX, read once per document from styles.xml and numbering.xml.

Word does not store list numbers in the text: "5.1", "(a)" and "1." are computed when the
document is displayed, from the paragraph's ``numPr`` (list id and level, set on the paragraph
or inherited from its style), the list definition's ``lvlText`` ("%1.%2"), ``numFmt`` and
``start``, and running counters. This module recomputes them the way Word does, so a minute's
number survives. Style lookups are resolved once into a dict: python-docx's ``paragraph.style``
walks the styles part on every call, which costs ~1 ms a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ._docx_package import W_NS
from ._markers import roman

_W = f"{{{W_NS}}}"
_HEADING_NAME = re.compile(r"^heading\s?([1-9])$", re.I)
_LEVEL_PLACEHOLDER = re.compile(r"%([1-9])")
_MAX_BASED_ON_DEPTH = 32  # styles chain through basedOn; guard against cycles
_FALSE_VALUES = frozenset({"0", "false", "off", "none"})

# Symbol/Wingdings private-use bullets and plain letters Word uses as bullets, as they look.
_BULLET_LOOKS = {"o": "◦", "§": "▪", "q": "▫", "Ø": "➢", "ü": "✓", "v": "❖", "n": "▪", "l": "●"}


def w(tag: str) -> str:
    """Clark-notation name of a WordprocessingML element or attribute."""
    return _W + tag


def on_off(element: Any | None) -> bool:
    """A toggle property such as ``<w:b/>`` or ``<w:b w:val="0"/>``."""
    if element is None:
        return False
    return str(element.get(w("val"), "true")).lower() not in _FALSE_VALUES


@dataclass(frozen=True)
class StyleInfo:
    name: str
    heading_level: int | None = None  # 1 = top; from a "heading N"/"Title" name or outlineLvl
    num_id: str | None = None  # list numbering attached to the style
    ilvl: int = 0
    bold: bool = False


@dataclass
class _RawStyle:
    name: str
    based_on: str | None
    outline_level: int | None
    num_id: str | None
    ilvl: int | None
    bold: bool | None


class StyleMap:
    """styleId -> resolved :class:`StyleInfo`, built once per document."""

    def __init__(self, styles_root: Any | None) -> None:
        self._raw: dict[str, _RawStyle] = {}
        self._resolved: dict[str, StyleInfo] = {}
        self.default_paragraph_style: str | None = None
        if styles_root is not None:
            self._load(styles_root)

    def _load(self, root: Any) -> None:
        for style in root.iter(w("style")):
            if style.get(w("type")) != "paragraph":
                continue
            style_id = style.get(w("styleId"))
            if not style_id:
                continue
            if style.get(w("default")) in ("1", "true", "on"):
                self.default_paragraph_style = style_id
            name_el = style.find(w("name"))
            based_el = style.find(w("basedOn"))
            ppr = style.find(w("pPr"))
            rpr = style.find(w("rPr"))
            outline_level: int | None = None
            num_id: str | None = None
            ilvl: int | None = None
            if ppr is not None:
                outline_el = ppr.find(w("outlineLvl"))
                if outline_el is not None:
                    outline_level = _int(outline_el.get(w("val")), 9)
                num_pr = ppr.find(w("numPr"))
                if num_pr is not None:
                    num_id_el = num_pr.find(w("numId"))
                    ilvl_el = num_pr.find(w("ilvl"))
                    num_id = num_id_el.get(w("val")) if num_id_el is not None else None
                    ilvl = _int(ilvl_el.get(w("val")), 0) if ilvl_el is not None else None
            bold = (
                on_off(rpr.find(w("b")))
                if rpr is not None and rpr.find(w("b")) is not None
                else None
            )
            self._raw[style_id] = _RawStyle(
                name=name_el.get(w("val"), style_id) if name_el is not None else style_id,
                based_on=based_el.get(w("val")) if based_el is not None else None,
                outline_level=outline_level,
                num_id=num_id,
                ilvl=ilvl,
                bold=bold,
            )

    def get(self, style_id: str | None) -> StyleInfo | None:
        style_id = style_id or self.default_paragraph_style
        if style_id is None:
            return None
        cached = self._resolved.get(style_id)
        if cached is None and style_id in self._raw:
            cached = self._resolve(style_id)
            self._resolved[style_id] = cached
        return cached

    def _resolve(self, style_id: str) -> StyleInfo:
        chain: list[_RawStyle] = []
        current: str | None = style_id
        seen: set[str] = set()
        while (
            current is not None
            and current in self._raw
            and current not in seen
            and len(chain) < _MAX_BASED_ON_DEPTH
        ):
            seen.add(current)
            chain.append(self._raw[current])
            current = self._raw[current].based_on
        own = chain[0]
        heading_level = _heading_level_from_name(own.name)
        outline = next((s.outline_level for s in chain if s.outline_level is not None), None)
        if heading_level is None and outline is not None and outline < 9:
            heading_level = outline + 1
        num_style = next((s for s in chain if s.num_id is not None), None)
        bold = next((s.bold for s in chain if s.bold is not None), False)
        return StyleInfo(
            name=own.name,
            heading_level=heading_level,
            num_id=num_style.num_id if num_style else None,
            ilvl=(num_style.ilvl or 0) if num_style else 0,
            bold=bool(bold),
        )


def _heading_level_from_name(name: str) -> int | None:
    match = _HEADING_NAME.match(name.strip())
    if match:
        return int(match.group(1))
    if name.strip().lower() == "title":
        return 1
    return None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass(frozen=True)
class LevelFormat:
    start: int = 1
    num_fmt: str = "decimal"
    lvl_text: str = "%1."
    is_legal: bool = False  # "legal" numbering shows every level as decimal
    restarts: bool = True  # lvlRestart 0: never restart when a higher level advances


@dataclass
class _ListInstance:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, LevelFormat] = field(default_factory=dict)


class Numbering:
    """List definitions plus the running counters, advanced paragraph by paragraph."""

    def __init__(self, numbering_root: Any | None) -> None:
        self._abstract_levels: dict[str, dict[int, LevelFormat]] = {}
        self._instances: dict[str, _ListInstance] = {}
        # Counters belong to the abstract list: two w:num that share one abstractNum continue each
        # other unless a startOverride restarts them (that is how Word's "Restart at 1" works).
        self._counters: dict[str, dict[int, int]] = {}
        self._overrides_applied: set[tuple[str, int]] = set()
        if numbering_root is not None:
            self._load(numbering_root)

    def _load(self, root: Any) -> None:
        style_links: dict[str, str] = {}
        pending_links: dict[str, str] = {}
        for abstract in root.iter(w("abstractNum")):
            abstract_id = abstract.get(w("abstractNumId"))
            if abstract_id is None:
                continue
            self._abstract_levels[abstract_id] = {
                _int(lvl.get(w("ilvl")), 0): _level_format(lvl)
                for lvl in abstract.findall(w("lvl"))
            }
            link = abstract.find(w("styleLink"))
            if link is not None and link.get(w("val")):
                style_links[link.get(w("val"))] = abstract_id
            num_link = abstract.find(w("numStyleLink"))
            if num_link is not None and num_link.get(w("val")):
                pending_links[abstract_id] = num_link.get(w("val"))
        for abstract_id, link_name in pending_links.items():
            target = style_links.get(link_name)
            if target is not None and not self._abstract_levels.get(abstract_id):
                self._abstract_levels[abstract_id] = self._abstract_levels.get(target, {})
        for num in root.iter(w("num")):
            num_id = num.get(w("numId"))
            abstract_el = num.find(w("abstractNumId"))
            if num_id is None or abstract_el is None:
                continue
            instance = _ListInstance(abstract_id=abstract_el.get(w("val"), ""))
            for override in num.findall(w("lvlOverride")):
                ilvl = _int(override.get(w("ilvl")), 0)
                start_el = override.find(w("startOverride"))
                if start_el is not None:
                    instance.start_overrides[ilvl] = _int(start_el.get(w("val")), 1)
                lvl_el = override.find(w("lvl"))
                if lvl_el is not None:
                    instance.level_overrides[ilvl] = _level_format(lvl_el)
            self._instances[num_id] = instance

    def _level(self, instance: _ListInstance, ilvl: int) -> LevelFormat:
        if ilvl in instance.level_overrides:
            return instance.level_overrides[ilvl]
        levels = self._abstract_levels.get(instance.abstract_id, {})
        return levels.get(ilvl, LevelFormat(lvl_text=f"%{ilvl + 1}."))

    def next_marker(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list ``num_id`` at level ``ilvl`` and return the marker as displayed.

        ``None`` when the paragraph is not numbered (numId 0, an unknown list, a "none" format).
        """
        instance = self._instances.get(num_id)
        if num_id == "0" or instance is None:
            return None
        ilvl = min(max(ilvl, 0), 8)
        level = self._level(instance, ilvl)
        counters = self._counters.setdefault(instance.abstract_id, {})
        override_key = (num_id, ilvl)
        if ilvl in instance.start_overrides and override_key not in self._overrides_applied:
            self._overrides_applied.add(override_key)
            counters[ilvl] = instance.start_overrides[ilvl] - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            if self._level(instance, deeper).restarts:
                del counters[deeper]
        if level.num_fmt == "bullet":
            return _bullet(level.lvl_text)
        if level.num_fmt == "none" and "%" not in level.lvl_text:
            return level.lvl_text.strip() or None

        def render(match: re.Match[str]) -> str:
            placeholder_level = int(match.group(1)) - 1
            placeholder_format = self._level(instance, placeholder_level)
            value = counters.get(placeholder_level, placeholder_format.start)
            fmt = "decimal" if level.is_legal else placeholder_format.num_fmt
            return format_number(value, fmt)

        marker = _LEVEL_PLACEHOLDER.sub(render, level.lvl_text).strip()
        return marker or None


def _level_format(lvl: Any) -> LevelFormat:
    start_el = lvl.find(w("start"))
    fmt_el = lvl.find(w("numFmt"))
    text_el = lvl.find(w("lvlText"))
    restart_el = lvl.find(w("lvlRestart"))
    return LevelFormat(
        start=_int(start_el.get(w("val")), 1) if start_el is not None else 1,
        num_fmt=fmt_el.get(w("val"), "decimal") if fmt_el is not None else "decimal",
        lvl_text=text_el.get(w("val"), "") if text_el is not None else "",
        is_legal=on_off(lvl.find(w("isLgl"))),
        restarts=restart_el is None or restart_el.get(w("val")) != "0",
    )


def _bullet(lvl_text: str) -> str:
    text = lvl_text.strip()
    if not text:
        return "•"
    if len(text) == 1 and 0xF000 <= ord(text) <= 0xF0FF:
        return "•"  # Symbol/Wingdings glyph addressed through the private-use area
    return _BULLET_LOOKS.get(text, text)


def _letters(value: int) -> str:
    # Word repeats the letter past z: a..z, aa..zz, aaa..
    if value <= 0:
        return str(value)
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def _ordinal(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def format_number(value: int, num_fmt: str) -> str:
    """One counter in a list format: decimal, lowerLetter, upperRoman, ..."""
    if num_fmt == "lowerLetter":
        return _letters(value)
    if num_fmt == "upperLetter":
        return _letters(value).upper()
    if num_fmt == "lowerRoman":
        return roman(value)
    if num_fmt == "upperRoman":
        return roman(value).upper()
    if num_fmt == "decimalZero":
        return f"{value:02d}"
    if num_fmt == "ordinal":
        return _ordinal(value)
    if num_fmt == "none":
        return ""
    return str(value)
