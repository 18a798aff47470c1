"""Stage 6: render parsed minutes. JSON is the contract (``../spec/OUTPUT.md``); the rest are views."""

from __future__ import annotations

from .json import minutes_to_dict, minutes_to_json

__all__ = ["minutes_to_dict", "minutes_to_json"]
