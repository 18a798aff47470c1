"""Wall time of ``minutes-parse batch`` on one and on two documents, each run a fresh process.

Compares ``--engine auto`` (the default: a small batch is parsed in-process) with ``--engine
local`` (always the worker pool) and with a plain ``minutes-parse FILE``. Prints the median of
``--repeat`` runs per case. The goal (issue 11): a batch of one or two documents under 3 s.

    .venv/bin/python benchmarks/bench_small_batch.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "corpora" / "examples" / "parish-council-2024-03.md", ROOT / "corpora" / "trustees_2024-06-01.rst"]
CLI = [sys.executable, "-m", "minutes_parser"]


def timed(argv: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(argv, check=False, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "out.jsonl")
        rows = [("minutes-parse FILE (1 document)", [*CLI, "-f", "jsonl", str(DOCS[0])])]
        for count in (1, 2):
            docs = [str(d) for d in DOCS[:count]]
            for engine in ("auto", "local"):
                rows.append(
                    (
                        f"batch of {count}, --engine {engine}",
                        [*CLI, "batch", *docs, "--out", out, "--quiet", "--engine", engine],
                    )
                )
        print(f"median of {args.repeat} runs, each a fresh process")
        for label, argv in rows:
            print(f"{label:40s} {timed(argv, args.repeat):6.2f} s")


if __name__ == "__main__":
    main()
