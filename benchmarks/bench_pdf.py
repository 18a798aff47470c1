"""PDF throughput: pdfplumber's extract_text against our reader and the whole pipeline, in one run.

Every readable PDF of ../shared/corpus (and, with --archive, ../shared/archive/ayton) is read
``--repeat`` times by each contender, file by file, the contenders taking turns; each file counts
its fastest time for each contender (this machine's load comes in bursts, and a burst only ever
slows a run down, so the fastest of a few runs is the stable figure). Pages per second are total
pages over the sum of those times. PDFs that fail (no text layer) are left out of all three, so
the figures compare like with like.

    .venv/bin/python benchmarks/bench_pdf.py [--repeat 3] [--archive]

Each time is taken twice: wall time, and the CPU time of the process doing the work (its user +
sys time, ``time.process_time``), the stable figure when other work shares the machine. Both
ratios are printed.

Target (issue 3): end-to-end parsing at least 12x faster than pdfplumber's extract_text alone.

The results open with a line saying which build was timed: a standard install compiles the PDF reader with mypyc
(README, "Compiled build"), an editable install or a source tree on PYTHONPATH is pure Python.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
TARGET_RATIO = 12.0


PLUMBER_CHILD = """
import sys, time, pdfplumber
for line in sys.stdin:
    started, cpu = time.perf_counter(), time.process_time()
    with pdfplumber.open(line.strip()) as pdf:
        for page in pdf.pages:
            page.extract_text()
        count = len(pdf.pages)
    print(count, time.perf_counter() - started, time.process_time() - cpu, flush=True)
"""


def corpus_pdfs(archive: bool) -> list[Path]:
    paths = sorted((SHARED / "corpus").glob("*.pdf"))
    if archive:
        paths += sorted((SHARED / "archive" / "ayton").glob("*.pdf"))
    return paths


def build() -> str:
    """Which build the timed modules are: the minutes_parser modules loaded as compiled extensions."""
    from importlib.machinery import EXTENSION_SUFFIXES

    import minutes_parser

    compiled = sorted(
        name
        for name, module in sys.modules.items()
        if name.startswith("minutes_parser.") and str(getattr(module, "__file__", "")).endswith(tuple(EXTENSION_SUFFIXES))
    )
    where = Path(minutes_parser.__file__).parent
    if not compiled:
        return f"build: pure Python ({where})"
    return f"build: compiled with mypyc: {', '.join(compiled)} ({where})"


def report(label: str, pages: int, elapsed: float, cpu: float) -> tuple[float, float]:
    rate = pages / elapsed if elapsed else float("inf")
    cpu_rate = pages / cpu if cpu else float("inf")
    print(f"{label:<34} {pages:>6} pages  {elapsed:8.3f} s  {rate:9.1f} pages/s   CPU {cpu:8.3f} s  {cpu_rate:9.1f} pages/s")
    return rate, cpu_rate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="runs per file and contender; the fastest counts")
    parser.add_argument("--archive", action="store_true", help="also time ../shared/archive/ayton")
    args = parser.parse_args(argv)

    paths = corpus_pdfs(args.archive)
    if not paths:
        print(f"skipped: no PDFs under {SHARED} (the shared corpus is not available)")
        return 0

    from minutes_parser.errors import MinutesParserError
    from minutes_parser.readers import ReadOptions
    from minutes_parser.readers.pdf import read

    datas: list[tuple[Path, bytes]] = []
    for path in paths:
        data = path.read_bytes()
        try:
            read(data, options=ReadOptions(name=path.name))
        except MinutesParserError as exc:
            print(f"left out {path.name}: {exc}")
            continue
        datas.append((path, data))

    # pdfplumber runs in a child process of its own: in one process its garbage (it leaves a great
    # many reference cycles) would be collected during, and charged to, whichever contender runs
    # next. The child times its own work; files still alternate, so machine load hits both alike.
    child = subprocess.Popen(
        [sys.executable, "-c", PLUMBER_CHILD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )

    def plumber(path: Path, data: bytes) -> tuple[int, float, float]:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(str(path) + "\n")
        child.stdin.flush()
        count, elapsed, cpu = child.stdout.readline().split()
        return int(count), float(elapsed), float(cpu)  # the child's own times for its work

    def timed(run: Callable[[Path, bytes], int]) -> Callable[[Path, bytes], tuple[int, float, float]]:
        def contender(path: Path, data: bytes) -> tuple[int, float, float]:
            started, cpu = time.perf_counter(), time.process_time()
            count = run(path, data)
            return count, time.perf_counter() - started, time.process_time() - cpu

        return contender

    def reader(path: Path, data: bytes) -> int:
        return read(data, options=ReadOptions(name=path.name)).pages or 0

    contenders: dict[str, Callable[[Path, bytes], tuple[int, float, float]]] = {
        "pdfplumber extract_text": plumber,
        "minutes_parser.readers.pdf": timed(reader),
    }
    try:
        from minutes_parser.core import parse_bytes
    except ImportError:
        print("end-to-end: minutes_parser.core not available yet")
    else:

        def pipeline(path: Path, data: bytes) -> int:
            return parse_bytes(data, name=path.name).source.pages or 0

        # Imports are start-up costs, outside the timing for every contender (the pdfplumber child
        # imports before its first file): one parse here warms the readers and the models.
        pipeline(*datas[0])
        contenders["end-to-end parse_bytes"] = timed(pipeline)

    # File by file, the contenders taking turns, so a busy spell slows every contender alike. The
    # rounds go over all files before a file comes again: the small per-process memos of the
    # pipeline (recent motion texts, item titles) hold the other files' strings by then, so no
    # run of a file finds its own work remembered from the run before.
    fastest = {(path, label): float("inf") for path, _ in datas for label in contenders}
    fastest_cpu = dict(fastest)
    counts = dict.fromkeys(fastest, 0)
    for _ in range(max(1, args.repeat)):
        for path, data in datas:
            for label, run in contenders.items():
                counts[path, label], elapsed, cpu = run(path, data)
                fastest[path, label] = min(fastest[path, label], elapsed)
                fastest_cpu[path, label] = min(fastest_cpu[path, label], cpu)
    pages = {label: sum(counts[path, label] for path, _ in datas) for label in contenders}
    seconds = {label: sum(fastest[path, label] for path, _ in datas) for label in contenders}
    cpu_seconds = {label: sum(fastest_cpu[path, label] for path, _ in datas) for label in contenders}
    child.communicate("")
    print(build())  # after the runs: every module the pipeline uses is loaded
    print(f"{len(datas)} PDFs from {SHARED.resolve()}")
    rates = {label: report(label, pages[label], seconds[label], cpu_seconds[label]) for label in contenders}
    plumber_rate, plumber_cpu_rate = rates["pdfplumber extract_text"]
    reader_rate, reader_cpu_rate = rates["minutes_parser.readers.pdf"]
    print(f"reader / pdfplumber: {reader_rate / plumber_rate:.1f}x (CPU time: {reader_cpu_rate / plumber_cpu_rate:.1f}x)")
    if "end-to-end parse_bytes" in rates:
        rate, cpu_rate = rates["end-to-end parse_bytes"]
        ratio, cpu_ratio = rate / plumber_rate, cpu_rate / plumber_cpu_rate
        verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
        print(f"end-to-end / pdfplumber: {ratio:.1f}x ({verdict} the {TARGET_RATIO:.0f}x target); CPU time: {cpu_ratio:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
