"""The ``minutes-parse`` command, a thin layer over the library.

One module per subcommand (``main``: parsing files and the dispatch; ``batch``, ``actions``,
``eval``, ``train``), with the argument helpers they share in ``args``. Subcommand modules are
imported only when they run.
"""

from __future__ import annotations

from .main import main

__all__ = ["main"]
