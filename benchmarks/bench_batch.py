"""Batch throughput, scaling, memory and resume time.

Measures ``minutes-parse batch`` (the same ``run_batch`` the CLI calls, each run in a fresh
Python process so peak-memory figures are per run) over

1. ``../shared/corpus`` (real documents: PDF, DOCX, HTML, Markdown, text), and
2. a generated zip of ``--docs`` documents (default 5,000) written at benchmark time into a
   temporary folder from this repository's ``corpora/`` (dates shifted, a reference number
   added, so every document has different bytes),

and prints documents/s, MB/s, the peak RSS of the parent and of each worker, the speed-up of
``--jobs 2`` over ``--jobs 1``, memory at a quarter of the archive against the whole archive,
and the time of a resumed run (same archive, same register) against the first run.

    .venv/bin/python benchmarks/bench_batch.py              # ~4 minutes on 2 cores
    .venv/bin/python benchmarks/bench_batch.py --docs 1000  # quicker
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"
SHARED_CORPUS = REPO / ".." / "shared" / "corpus"
_YEAR = re.compile(r"\b(20[012]\d)\b")

# Runs in a child process: one batch, then a JSON line with the summary and the parent's peak RSS.
_CHILD = """
import json, resource, sys
from pathlib import Path
from minutes_parser.batch.pipeline import run_batch
args = json.loads(sys.argv[1])
summary = run_batch(args["paths"], Path(args["out"]), db=Path(args["db"]) if args["db"] else None,
                    jobs=args["jobs"], timeout=args["timeout"])
result = summary.to_dict()
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
result["parent_peak_rss"] = own.ru_maxrss * 1024
result["parent_cpu"] = own.ru_utime + own.ru_stime
result["workers_cpu"] = workers.ru_utime + workers.ru_stime
print(json.dumps(result))
"""


def base_documents() -> list[tuple[str, str, str]]:
    """(file stem, suffix, encoding) and text of every corpora/ document."""
    out = []
    for path in sorted(CORPORA.glob("*")) + sorted((CORPORA / "examples").glob("*")):
        if path.suffix not in (".md", ".txt", ".rst") or path.name == "README.md":
            continue
        raw = path.read_bytes()
        # latin-1 round-trips any bytes, so UTF-8 and cp1252 files keep their encoding.
        encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "latin-1"
        out.append((path.stem, path.suffix, encoding, raw.decode(encoding)))
    return [(f"{stem}{suffix}", encoding, text) for stem, suffix, encoding, text in out]


def shift_years(text: str, shift: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)


def write_archive(path: Path, count: int) -> int:
    """A zip of ``count`` distinct documents; returns its uncompressed size in bytes."""
    bases = base_documents()
    total = 0
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for index in range(count):
            name, encoding, text = bases[index % len(bases)]
            # Years moved by -4..+4 keep dates valid and relative dates intact.
            varied = shift_years(text, index % 9 - 4) + f"\n\nReference: BATCH-{index:06d}.\n"
            member = shift_years(name, index % 9 - 4)
            data = varied.encode(encoding)
            total += len(data)
            archive.writestr(f"set{index // 500:03d}/{index:06d}_{member}", data)
    return total


def run(paths: list[str], out: Path, db: Path | None, jobs: int, timeout: float) -> dict[str, Any]:
    args = {
        "paths": paths,
        "out": str(out),
        "db": str(db) if db else None,
        "jobs": jobs,
        "timeout": timeout,
    }
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    wall = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(f"batch run failed:\n{completed.stderr}")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    return result


def mb(value: float) -> str:
    return f"{value / 1e6:.1f} MB"


def report(label: str, result: dict[str, Any]) -> None:
    seconds = result["seconds"]
    workers = result["worker_peak_rss"]
    print(
        f"{label:<34} {result['documents'] + result['failures']:>6} docs  {seconds:7.1f} s  "
        f"{(result['documents'] + result['failures']) / seconds:7.1f} docs/s  {result['bytes'] / 1e6 / seconds:6.2f} MB/s  "
        f"parsed {result['parsed']:>5}  failed {result['failures']:>3}  "
        f"cpu parent {result['parent_cpu']:.1f} s workers {result['workers_cpu']:.1f} s  "
        f"parent peak {mb(result['parent_peak_rss'])}  "
        f"worker peak max {mb(max(workers.values())) if workers else '-'} over {len(workers)} workers"
        f"{' (' + str(result['worker_restarts']) + ' restarts)' if result['worker_restarts'] else ''}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--docs", type=int, default=5000, help="documents in the generated archive (default 5000)"
    )
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument(
        "--skip-jobs1", action="store_true", help="skip the --jobs 1 run (no speed-up figure)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run --jobs 1 and --jobs 2 this many times, alternating, and keep the fastest of each "
        "(other load on the machine only ever slows a run down)",
    )
    args = parser.parse_args()

    load = os.getloadavg()
    print(f"cpus: {os.cpu_count()}, load average at start: {' '.join(f'{x:.2f}' for x in load)}")
    if load[0] > 0.5:
        print(
            "warning: the machine is busy; the --jobs 2 speed-up needs two idle cores (try --repeat 3)"
        )
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        if SHARED_CORPUS.is_dir():
            report(
                "shared corpus, --jobs 2",
                run([str(SHARED_CORPUS)], work / "corpus.jsonl", None, 2, args.timeout),
            )
        else:
            print(f"{SHARED_CORPUS} not found; corpus run skipped")

        archive = work / "archive.zip"
        size = write_archive(archive, args.docs)
        quarter = work / "quarter.zip"
        write_archive(quarter, max(1, args.docs // 4))
        print(
            f"generated archive: {args.docs} documents, {mb(size)} uncompressed, {mb(archive.stat().st_size)} zipped"
        )

        jobs1: dict[str, Any] | None = None
        jobs2: dict[str, Any] | None = None
        for attempt in range(max(1, args.repeat)):
            if not args.skip_jobs1:
                one = run(
                    [str(archive)],
                    work / "j1.jsonl",
                    work / f"j1-{attempt}.sqlite",
                    1,
                    args.timeout,
                )
                report(f"archive, --jobs 1 (run {attempt + 1})", one)
                jobs1 = one if jobs1 is None or one["seconds"] < jobs1["seconds"] else jobs1
            two = run(
                [str(archive)],
                work / f"j2-{attempt}.jsonl",
                work / f"j2-{attempt}.sqlite",
                2,
                args.timeout,
            )
            report(f"archive, --jobs 2 (run {attempt + 1})", two)
            if jobs2 is None or two["seconds"] < jobs2["seconds"]:
                jobs2, best = two, attempt
        assert jobs2 is not None
        small = run([str(quarter)], work / "q.jsonl", work / "q.sqlite", 2, args.timeout)
        report("archive / 4, --jobs 2", small)
        resumed = run([str(archive)], work / "r.jsonl", work / f"j2-{best}.sqlite", 2, args.timeout)
        report("archive, --jobs 2, resumed", resumed)
        same = (work / "r.jsonl").read_bytes() == (work / f"j2-{best}.jsonl").read_bytes()

        print()
        if jobs1 is not None:
            print(
                f"speed-up --jobs 2 over --jobs 1: {jobs1['seconds'] / jobs2['seconds']:.2f}x (target >= 1.7x)"
            )
        worst = max(jobs2["worker_peak_rss"].values()) if jobs2["worker_peak_rss"] else 0
        small_worst = max(small["worker_peak_rss"].values()) if small["worker_peak_rss"] else 0
        print(
            f"peak RSS per worker: {mb(worst)} (target <= 300 MB); at a quarter of the archive: {mb(small_worst)}"
        )
        print(
            f"parent peak RSS: {mb(jobs2['parent_peak_rss'])}; at a quarter of the archive: {mb(small['parent_peak_rss'])}"
        )
        print(
            f"resumed run: {resumed['seconds']:.2f} s = {100 * resumed['seconds'] / jobs2['seconds']:.1f}% of the first run "
            f"(target < 10%); parsed {resumed['parsed']}; output identical: {same}"
        )
        print(
            f"  with process start-up: {resumed['wall']:.2f} s = "
            f"{100 * resumed['wall'] / jobs2['wall']:.1f}% of the first run's {jobs2['wall']:.1f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
