"""``minutes-parse serve``: the register in Datasette (the command lives in ``serve.py``)."""

from __future__ import annotations

from ..serve import serve_main

__all__ = ["serve_main"]
