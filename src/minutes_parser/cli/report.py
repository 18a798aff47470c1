"""``minutes-parse report``: the action tracker page (the command lives in ``export/html.py``)."""

from __future__ import annotations

from ..export.html import report_main

__all__ = ["report_main"]
