"""Throughput of the text pipeline, and its cost against a bare spaCy baseline.

Prints, for the text-like documents (.md/.rst/.txt) of ../shared/corpus and ../shared/seeds (or
any files given on the command line; falls back to corpora/ when ../shared is absent):

- in-process parsing throughput in MB/s (pipeline warm, spaCy loaded once);
- wall time of one ``minutes-parse --format jsonl`` process over all the files, and its CPU time
  (user + sys of the child process: the stable figure when other work shares the machine);
- wall time of one process that imports spaCy and runs ``spacy.blank("en")`` over the same files,
  and the ratio of the two (issue target: at most 3x);
- wall time of ``minutes-parse --help`` (target: at most 0.3 s).

Times are the minimum of ``--repeat`` runs (the least disturbed by other work on the machine).
``--model`` picks the classifier as the command's option does: the shipped models by default,
``rules`` for the rules alone, or a model file.

Usage: python benchmarks/bench_text.py [FILE ...] [--repeat N] [--model rules|PATH] [--in-process]

``--in-process`` prints the in-process figures only (wall and CPU time of the parse loop). The CPU
time of the parse loop is the figure to compare versions by on a shared machine.
"""

from __future__ import annotations

import argparse
import inspect
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TEXT_SUFFIXES = {".md", ".rst", ".txt"}

BASELINE = """
import sys, spacy
nlp = spacy.blank("en")
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        nlp(handle.read().decode("utf-8", errors="replace"))
"""


def default_files() -> list[Path]:
    found: list[Path] = []
    for folder in (SHARED / "corpus", SHARED / "seeds"):
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if p.suffix in TEXT_SUFFIXES and p.is_file())
    if not found:
        found = sorted(p for p in (ROOT / "corpora").rglob("*") if p.suffix in TEXT_SUFFIXES and p.is_file())
    return found


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_cpu(command: list[str], repeat: int) -> tuple[float, float]:
    """Wall time and CPU time (user + sys of the child), each the minimum of ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        cpu = child_cpu()
        start = time.perf_counter()
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        cpus.append(child_cpu() - cpu)
    return min(walls), min(cpus)


def timed(command: list[str], repeat: int) -> float:
    return timed_cpu(command, repeat)[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", default=None, help="'rules' for the rules alone, or a model file")
    parser.add_argument("--in-process", action="store_true", help="time the in-process parse only")
    args = parser.parse_args()
    files = args.files or default_files()
    if not files:
        print("no text documents found", file=sys.stderr)
        return 1
    size = sum(p.stat().st_size for p in files)
    from minutes_parser.core import parse_file

    # Older versions (before the trained models) take no model option: they are the rules alone.
    has_models = "model" in inspect.signature(parse_file).parameters
    model = args.model if has_models else None
    if not has_models:
        print("this version has no models: timing the rules alone")
    cli = [sys.executable, "-m", "minutes_parser", *(["--model", model] if model else [])]
    kwargs: dict[str, str | None] = {"model": model} if has_models else {}
    parse_file(files[0], **kwargs)  # load spaCy, the readers and the models once
    runs, cpu_runs = [], []
    for _ in range(args.repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        for path in files:
            parse_file(path, **kwargs)
        runs.append(time.perf_counter() - start)
        cpu_runs.append(time.process_time() - cpu_start)
    in_process = min(runs)
    if args.in_process:
        print(f"in-process parse     {in_process:.2f} s, CPU {min(cpu_runs):.3f} s (min of {args.repeat}), models: {args.model or 'shipped'}")
        return 0

    names = [str(p) for p in files]
    ours, ours_cpu = timed_cpu([*cli, "--format", "jsonl", *names], args.repeat)
    baseline = timed([sys.executable, "-c", BASELINE, *names], args.repeat)
    help_time = timed([*cli, "--help"], args.repeat)
    print(f"documents            {len(files)} ({size / 1e6:.2f} MB), models: {args.model or 'shipped'}")
    print(f"in-process parse     {in_process:.2f} s = {size / 1e6 / in_process:.2f} MB/s (min of {args.repeat})")
    print(f"in-process CPU       {min(cpu_runs):.3f} s (min of {args.repeat})")
    print(f"minutes-parse jsonl  {ours:.2f} s (one process, min of {args.repeat})")
    print(f"minutes-parse CPU    {ours_cpu:.3f} s (user + sys of that process, min of {args.repeat})")
    print(f"spaCy blank baseline {baseline:.2f} s (import spacy + spacy.blank('en') over the same files)")
    print(f"ratio                {ours / baseline:.2f}x (target <= 3x)")
    print(f"minutes-parse --help {help_time:.3f} s (target <= 0.3 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
