"""``python -m minutes_parser``: the same as the ``minutes-parse`` command."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
