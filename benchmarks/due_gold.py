"""Due-date rules against the gold annotations of ../shared (seeds and corpus).

Runs ``find_due`` on every gold action's text with its document's meeting date (and the
next-meeting date found in the document), then prints precision and recall of ``due.value``
over the gold values. This isolates the date rules from action finding: the end-to-end score
(shared/tools/score.py) also depends on which actions the pipeline matches.

    .venv/bin/python benchmarks/due_gold.py [--show]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from minutes_parser.extract.dates import DateContext, find_due, find_next_meeting

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def document_text(path: Path) -> str:
    """Plain text of a gold document, good enough to find its next-meeting line."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    if suffix == ".docx":
        import docx

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    raw = path.read_text(encoding="utf-8", errors="replace")
    if suffix in (".html", ".htm"):
        from selectolax.lexbor import LexborHTMLParser

        return str(LexborHTMLParser(raw).text(separator="\n"))
    return raw


def main(argv: list[str]) -> int:
    show = "--show" in argv
    gold_files = sorted(SHARED.glob("seeds/*.gold.json")) + sorted(SHARED.glob("corpus/*.gold.json"))
    if not gold_files:
        print(f"no gold files under {SHARED}", file=sys.stderr)
        return 1
    predicted = correct = gold_values = found = 0
    for gold_path in gold_files:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        date_text = (gold.get("meeting") or {}).get("date")
        meeting = dt.date.fromisoformat(date_text) if date_text else None
        document = gold_path.with_name(gold_path.name[: -len(".gold.json")])
        next_meeting = find_next_meeting(document_text(document), meeting) if document.exists() else None
        context = DateContext(meeting, next_meeting)
        for action in gold.get("actions", []):
            want = action.get("due")
            due = find_due(action["text"], context)
            got = due.value if due else None
            gold_values += want is not None
            predicted += got is not None
            correct += got is not None and got == want
            found += want is not None and got == want
            if show and (want or got):
                mark = "ok " if got == want else "BAD"
                print(f"{mark} {gold_path.name[:28]:28} gold={want!s:13} got={got!s:13} {due.cue if due else ''}")
    precision = correct / predicted if predicted else 1.0
    recall = found / gold_values if gold_values else 1.0
    print(f"due on gold action texts: predicted {predicted}, right {correct}, gold values {gold_values}")
    print(f"precision {precision:.3f}  recall {recall:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
