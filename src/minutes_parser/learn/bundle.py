"""The trained models the pipeline uses, as one JSON file: load, save, and the shipped default.

A bundle holds up to three binary models: ``items`` (does this unit open an agenda item?),
``actions`` and ``decisions`` (is this clause one?). A missing model means the rules decide
alone. The file is plain JSON with sorted keys and rounded weights, so a training run gives the
same bytes each time and a diff shows what changed. The shipped bundle
(``minutes_parser/learn/default-model.json``) is made by ``minutes-parse train`` with the recipe
in ``learn/recipe.py``; it is read on first use, never at import.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .linear import HashedLinearModel

FORMAT = "minutes-parser-model"
VERSION = 1
DEFAULT_PATH = Path(__file__).with_name("default-model.json")
MODEL_NAMES = ("items", "actions", "decisions")


class ModelError(ValueError):
    """A model file that cannot be used; the message names the file and the reason."""


@dataclass
class Models:
    """The trained parts of the pipeline; ``None`` for a part the rules decide alone."""

    items: HashedLinearModel | None = None
    actions: HashedLinearModel | None = None
    decisions: HashedLinearModel | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        payload: dict[str, Any] = {"format": FORMAT, "version": VERSION, "meta": self.meta}
        for name in MODEL_NAMES:
            model = getattr(self, name)
            payload[name] = model.to_dict() if model is not None else None
        return json.dumps(payload, sort_keys=True, separators=(",", ":")) + "\n"

    def save(self, path: str | os.PathLike[str]) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def from_json(cls, text: str, *, name: str = "<model>") -> Models:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ModelError(f"{name}: not a model file (invalid JSON: {exc.msg})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ModelError(f"{name}: not a minutes-parser model file")
        if data.get("version") != VERSION:
            raise ModelError(
                f"{name}: model format version {data.get('version')!r}, this version reads {VERSION}"
            )
        try:
            parts = {
                n: HashedLinearModel.from_dict(data[n]) if data.get(n) else None
                for n in MODEL_NAMES
            }
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{name}: damaged model ({exc})") from None
        return cls(**parts, meta=dict(data.get("meta") or {}))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Models:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ModelError(f"{os.fspath(path)}: not a model file (not UTF-8 JSON)") from None
        except OSError as exc:
            raise ModelError(
                f"{os.fspath(path)}: cannot read model ({exc.strerror or exc})"
            ) from None
        return cls.from_json(text, name=os.fspath(path))


RULES_ONLY = Models(meta={"name": "rules only"})


@cache
def default_models() -> Models:
    """The shipped bundle (rules only if the package was built without one)."""
    if not DEFAULT_PATH.is_file():
        return RULES_ONLY
    return Models.load(DEFAULT_PATH)


@cache
def _loaded(path: str) -> Models:
    return Models.load(path)


RULES_NAME = "rules"  # what --model takes for the rules alone


def resolve_models(model: Models | str | os.PathLike[str] | None) -> Models:
    """A :class:`Models` from what a caller passed: None for the shipped one, ``"rules"`` for
    none at all, or a model file's path."""
    if model is None:
        return default_models()
    if isinstance(model, Models):
        return model
    if model == RULES_NAME:
        return RULES_ONLY
    return _loaded(os.fspath(model))
