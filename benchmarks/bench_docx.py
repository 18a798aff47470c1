"""Time the DOCX reader on a generated 500-paragraph document.

    python benchmarks/bench_docx.py [--paragraphs 500] [--repeat 5]

Prints the reader's best and median time, and for comparison python-docx's own pass over the
same paragraphs reading ``paragraph.style`` and ``paragraph.text`` (uncached style lookups).
"""

from __future__ import annotations

import argparse
import io
import statistics
import time

import docx

from minutes_parser.readers import ReadOptions
from minutes_parser.readers.docx import read


def build_document(paragraph_count: int) -> bytes:
    document = docx.Document()
    document.add_heading("Minutes of the Parish Council", level=1)
    written = 1
    item = 0
    while written < paragraph_count:
        item += 1
        document.add_heading(f"{item}. Agenda item {item}", level=2)
        document.add_paragraph(
            "The Clerk reported on correspondence received since the last meeting, including "
            "a letter from the County Council about the verge cutting schedule.",
        )
        for point in range(3):
            document.add_paragraph(
                f"Point {point + 1} was discussed and noted.", style="List Number"
            )
        paragraph = document.add_paragraph()
        paragraph.add_run("Resolved: ").bold = True
        paragraph.add_run("that the Clerk writes to the County Council.\t\tClerk")
        document.add_paragraph("Members agreed the proposal unanimously.", style="List Bullet")
        written += 7
        if item % 10 == 0:
            table = document.add_table(rows=3, cols=3)
            for row, values in enumerate(
                (
                    ("Action", "Owner", "Due"),
                    ("Order bench", "Clerk", "March"),
                    ("Cut hedge", "RC", "May"),
                )
            ):
                for column, value in enumerate(values):
                    table.cell(row, column).text = value
            written += 3
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def time_reader(data: bytes, repeat: int) -> list[float]:
    options = ReadOptions(name="bench.docx")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read(data, options=options)
        times.append(time.perf_counter() - start)
    return times


def time_python_docx_styles(data: bytes) -> float:
    start = time.perf_counter()
    document = docx.Document(io.BytesIO(data))
    for paragraph in document.paragraphs:
        _ = (paragraph.style.name if paragraph.style is not None else None, paragraph.text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    data = build_document(arguments.paragraphs)
    times = time_reader(data, arguments.repeat)
    blocks = len(read(data, options=ReadOptions(name="bench.docx")).blocks)
    baseline = time_python_docx_styles(data)
    print(
        f"document: ~{arguments.paragraphs} paragraphs, {len(data) / 1024:.0f} KB, {blocks} blocks read"
    )
    print(
        f"minutes_parser DOCX reader: best {min(times) * 1000:.1f} ms, median {statistics.median(times) * 1000:.1f} ms"
    )
    print(f"python-docx paragraph.style + text pass (reference): {baseline * 1000:.1f} ms")


if __name__ == "__main__":
    main()
