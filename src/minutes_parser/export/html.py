"""The action tracker page: one self-contained, offline HTML file over a register or JSON output.

``minutes-parse report --db REGISTER --out tracker.html`` (or ``report FILE.json|FILE.jsonl ...``)
writes a static page listing every action, grouped by body, with its owners, item, meeting
date, due date, status (open, overdue as of a stated date, done), a link back to the source
document and the action's provenance; a search box and filters (a little inline JavaScript);
and two charts drawn as inline SVG (actions per meeting, open and overdue actions by owner).

The page loads nothing: styles, script and charts are inline and a Content-Security-Policy
forbids every fetch, so it works offline and makes no network request when opened. It is
rendered by Jinja2 from ``templates/tracker.html.j2`` (package data) with autoescaping on.

JSON input goes through an in-memory register, so both inputs share one code path, including
"due at the next meeting" resolved against the next meeting of the same body.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:
    from ..batch.register import ActionRecord, Register

STATUSES = ("overdue", "open", "done")
_MAX_MEETING_BARS = 40  # more meetings than this: one bar per month
_MAX_OWNER_BARS = 15
_NO_OWNER = "(no owner)"


@dataclass(frozen=True)
class TrackerAction:
    """One row of the tracker."""

    id: int
    body: str
    meeting_date: str | None
    item: str | None
    item_title: str | None
    text: str
    owners: tuple[str, ...]
    owner_keys: tuple[str, ...]
    due_text: str | None
    due: str | None  # the date it is tracked against (effective due), else the value as written
    status: str  # overdue | open | done
    path: str
    href: str
    sha256: str
    provenance: str
    follow_up: str | None


@dataclass
class Tracker:
    """Everything the page shows, computed once."""

    actions: list[TrackerAction]
    as_of: dt.date
    as_of_note: str
    title: str
    meetings: int
    sources: list[str] = field(default_factory=list)
    generated: str = ""

    def counts(self) -> dict[str, int]:
        found = Counter(a.status for a in self.actions)
        return {status: found.get(status, 0) for status in STATUSES}

    def bodies(self) -> list[tuple[str, list[TrackerAction]]]:
        """Actions per body (bodies by name), overdue first, then open, then done, by due date."""
        grouped: dict[str, list[TrackerAction]] = {}
        for action in self.actions:
            grouped.setdefault(action.body, []).append(action)
        order = {status: i for i, status in enumerate(STATUSES)}
        return [
            (
                body,
                sorted(
                    grouped[body],
                    key=lambda a: (order[a.status], a.due is None, a.due or "", a.meeting_date or "", a.id),
                ),
            )
            for body in sorted(grouped, key=str.casefold)
        ]

    def owners(self) -> list[dict[str, Any]]:
        """One entry per owner (normalised key), with counts by status, most open first."""
        names: dict[str, str] = {}
        counts: dict[str, Counter[str]] = {}
        for action in self.actions:
            for key, name in zip(action.owner_keys, action.owners or (_NO_OWNER,), strict=True):
                names.setdefault(key, name)
                counts.setdefault(key, Counter())[action.status] += 1
        rows: list[dict[str, Any]] = [
            {"key": key, "name": names[key], **{s: counts[key].get(s, 0) for s in STATUSES}}
            for key in counts
        ]
        rows.sort(key=lambda r: (-(r["overdue"] + r["open"]), -r["overdue"], r["name"].casefold()))
        return rows


def owner_key(name: str) -> str:
    """Owners grouped ignoring case, spacing and a leading "the" ("The Clerk" is "clerk"): the
    register's rule for bodies (``batch.register.body_key``)."""
    from ..batch.register import body_key

    return body_key(name) or ""


def _status(record: ActionRecord, as_of: dt.date) -> str:
    if record.done:
        return "done"
    if record.effective_due and record.effective_due < as_of.isoformat():
        return "overdue"
    return "open"


def _href(path: str, out_dir: Path) -> str:
    """A link to the source document, relative to the page when the file is found."""
    file_part = path.split("!", 1)[0]  # archive.zip!member.md: link to the archive
    candidate = Path(file_part)
    if candidate.exists():
        try:
            relative = os.path.relpath(candidate.resolve(), out_dir.resolve())
        except ValueError:  # another drive (Windows)
            return candidate.resolve().as_uri()
        return quote(Path(relative).as_posix(), safe="/")
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix(), safe="/")


def _provenance(action: dict[str, Any] | None, document: dict[str, Any] | None) -> tuple[str, str | None]:
    """(where the action was read, the title of its item) from the stored document."""
    if not action or not document:
        return "", None
    where = action.get("provenance") or {}
    section = where.get("section") or "items"
    title = None
    index = where.get("item_index")
    items = document.get(section) or []
    if isinstance(index, int) and 0 <= index < len(items):
        title = items[index].get("title")
    parts = []
    if action.get("item"):
        parts.append(f"item {action['item']}" + (" (appendix)" if section == "appendices" else ""))
    elif section == "preamble":
        parts.append("before the first item")
    if isinstance(where.get("paragraph"), int):
        parts.append(f"paragraph {where['paragraph'] + 1}")
    if isinstance(where.get("start"), int) and isinstance(where.get("end"), int):
        parts.append(f"characters {where['start']}–{where['end']}")
    cues = action.get("cues") or []
    if cues:
        parts.append("cue " + ", ".join(str(c) for c in cues))
    return " · ".join(parts), title


def _follow_up(follow: dict[str, str | None] | None) -> str | None:
    if not follow:
        return None
    text = f"{follow.get('kind') or 'report'} to {follow.get('to') or '?'}"
    return text + (f" on {follow['topic']}" if follow.get("topic") else "")


def build_tracker(
    register: Register,
    *,
    as_of: dt.date,
    as_of_note: str,
    out_dir: Path,
    title: str = "Action tracker",
    sources: Sequence[str] = (),
) -> Tracker:
    """The tracker of every action in a register."""
    documents: dict[str, dict[str, Any] | None] = {}
    actions: list[TrackerAction] = []
    for record in register.iter_actions():
        if record.sha256 not in documents:
            documents[record.sha256] = register.document(record.sha256)
        document = documents[record.sha256]
        stored = (document or {}).get("actions") or []
        action = stored[record.position] if record.position < len(stored) else None
        provenance, item_title = _provenance(action, document)
        owners = tuple(record.owners)
        actions.append(
            TrackerAction(
                id=record.id,
                body=record.body or "(body not found)",
                meeting_date=record.meeting_date,
                item=record.item,
                item_title=item_title,
                text=record.text,
                owners=owners,
                owner_keys=tuple(owner_key(o) for o in owners) or (owner_key(_NO_OWNER),),
                due_text=record.due_text,
                due=record.effective_due or record.due_value,
                status=_status(record, as_of),
                path=record.path,
                href=_href(record.path, out_dir),
                sha256=record.sha256,
                provenance=provenance,
                follow_up=_follow_up(record.follow_up),
            )
        )
    meetings = len({a.sha256 for a in actions})
    from .. import __version__

    return Tracker(
        actions=actions,
        as_of=as_of,
        as_of_note=as_of_note,
        title=title,
        meetings=meetings,
        sources=list(sources),
        generated=f"minutes-parser {__version__}, "
        + dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
    )


# -- charts (geometry here, drawing in the template) -----------------------------------------
def meeting_chart(actions: Iterable[TrackerAction]) -> dict[str, Any]:
    """Stacked bars of actions per meeting (per month when there are many meetings)."""
    per: dict[tuple[str, str], Counter[str]] = {}
    for action in actions:
        key = (action.meeting_date or "undated", action.body)
        per.setdefault(key, Counter())[action.status] += 1
    by_month = len(per) > _MAX_MEETING_BARS
    if by_month:
        months: dict[tuple[str, str], Counter[str]] = {}
        for (date, _body), counter in per.items():
            months.setdefault((date[:7], ""), Counter()).update(counter)
        per = months
    keys = sorted(per)
    width, height, left, bottom, top = 600, 240, 56, 70, 12
    peak = max((sum(per[k].values()) for k in keys), default=0) or 1
    slot = (width - left - 10) / max(len(keys), 1)
    bar = max(min(slot * 0.7, 40), 2)
    scale = (height - top - bottom) / peak
    bars = []
    for i, key in enumerate(keys):
        x = left + i * slot + (slot - bar) / 2
        y: float = height - bottom
        segments = []
        for status in ("done", "open", "overdue"):
            n = per[key].get(status, 0)
            if n:
                h = n * scale
                y -= h
                segments.append({"status": status, "y": round(y, 1), "h": round(h, 1), "n": n})
        label = key[0] if by_month else f"{key[0]} {key[1]}"
        bars.append(
            {
                "x": round(x, 1),
                "w": round(bar, 1),
                "cx": round(x + bar / 2, 1),
                "label": key[0],
                "title": f"{label}: " + ", ".join(f"{s['n']} {s['status']}" for s in segments),
                "segments": segments,
            }
        )
    ticks = _ticks(peak)
    return {
        "width": width,
        "height": height,
        "left": left,
        "base": height - bottom,
        "by_month": by_month,
        "bars": bars,
        "ticks": [{"value": t, "y": round(height - bottom - t * scale, 1)} for t in ticks],
        "label_every": max(1, len(bars) // 24),
    }


def owner_chart(owners: list[dict[str, Any]]) -> dict[str, Any]:
    """Horizontal bars: open actions per owner, the overdue part in its own colour."""
    rows = [o for o in owners if o["open"] + o["overdue"]][:_MAX_OWNER_BARS]
    left, width, row_height, top = 190, 600, 22, 8
    peak = max((o["open"] + o["overdue"] for o in rows), default=0) or 1
    scale = (width - left - 110) / peak  # room on the right for "12 (3 overdue)"
    bars = []
    for i, owner in enumerate(rows):
        y = top + i * row_height
        overdue_w = owner["overdue"] * scale
        open_w = owner["open"] * scale
        bars.append(
            {
                "key": owner["key"],
                "name": owner["name"],
                "short": owner["name"] if len(owner["name"]) <= 26 else owner["name"][:25] + "…",
                "y": y,
                "overdue": owner["overdue"],
                "open": owner["open"],
                "overdue_w": round(overdue_w, 1),
                "open_x": round(left + overdue_w, 1),
                "open_w": round(open_w, 1),
                "end": round(left + overdue_w + open_w + 4, 1),
            }
        )
    return {
        "width": width,
        "height": top * 2 + max(len(bars), 1) * row_height,
        "left": left,
        "row_height": row_height,
        "bars": bars,
        "hidden": max(0, len([o for o in owners if o["open"] + o["overdue"]]) - len(rows)),
    }


def _ticks(peak: int) -> list[int]:
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        step = candidate
        if peak / candidate <= 5:
            break
    return list(range(0, peak + 1, step))


# -- rendering ----------------------------------------------------------------------------
def render_tracker(tracker: Tracker) -> str:
    """The page, as a string (Jinja2, autoescaped)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("minutes_parser.export", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    owners = tracker.owners()
    template = env.get_template("tracker.html.j2")
    return template.render(
        tracker=tracker,
        counts=tracker.counts(),
        bodies=tracker.bodies(),
        owners=owners,
        meeting_chart=meeting_chart(tracker.actions),
        owner_chart=owner_chart(owners),
        statuses=STATUSES,
    )


# -- loading JSON / JSONL ------------------------------------------------------------------
def load_documents(path: Path) -> list[dict[str, Any]]:
    """OUTPUT.md objects from a .json file (one object or a list) or a .jsonl file."""
    text = path.read_text(encoding="utf-8-sig")
    documents: list[Any]
    if path.suffix.lower() == ".jsonl":
        documents = [json.loads(line) for line in text.splitlines() if line.strip()]
    else:
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            try:  # JSON lines under another name
                documents = [json.loads(line) for line in text.splitlines() if line.strip()]
            except json.JSONDecodeError:
                raise exc from None
        else:
            documents = loaded if isinstance(loaded, list) else [loaded]
    for document in documents:
        if not isinstance(document, dict) or "actions" not in document or "source" not in document:
            raise ValueError("not minutes-parser JSON output (objects with 'source' and 'actions')")
    return documents


def _with_sha(document: dict[str, Any]) -> dict[str, Any]:
    source = document.get("source") or {}
    if source.get("sha256"):
        return document
    import hashlib

    digest = hashlib.sha256(json.dumps(document, sort_keys=True).encode("utf-8")).hexdigest()
    return {**document, "source": {**source, "sha256": digest, "path": source.get("path") or "?"}}


# -- command -------------------------------------------------------------------------------
def _as_of(value: str) -> dt.date:
    if value.strip().lower() == "today":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD) or 'today': {value!r}") from None


def report_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutes-parse report",
        description="Write an action tracker page: one self-contained HTML file (works offline, loads nothing) "
        "with every action by body and owner, search, filters and charts.",
        epilog="Input: a register (--db, from 'minutes-parse batch --db') or JSON/JSONL files written by "
        "'minutes-parse --format json|jsonl' or 'minutes-parse batch --out'.",
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE", help=".json or .jsonl output of minutes-parse")
    parser.add_argument("--db", type=Path, metavar="REGISTER", help="SQLite register written by 'minutes-parse batch --db'")
    parser.add_argument("--out", "-o", required=True, type=Path, metavar="FILE", help="the HTML file to write")
    parser.add_argument(
        "--as-of", type=_as_of, metavar="DATE", help="overdue means open and due before DATE (default: today)"
    )
    parser.add_argument("--title", default="Action tracker", help="page title (default: 'Action tracker')")
    return parser


def report_main(argv: Sequence[str]) -> int:
    """``minutes-parse report``: 0 written, 1 written but some input file failed, 2 bad usage."""
    parser = report_parser()
    args = parser.parse_args(list(argv))
    if bool(args.db) == bool(args.files):
        parser.error("give either --db REGISTER or JSON/JSONL files, not both" if args.db else "give --db REGISTER or JSON/JSONL files")
    if args.db is not None and not args.db.exists():
        print(f"minutes-parse report: {args.db}: no such register", file=sys.stderr)
        return 2
    as_of: dt.date = args.as_of or dt.date.today()
    note = "the date given with --as-of" if args.as_of else "today, the day the page was made"
    from ..batch.register import Register
    from ..errors import MinutesParserError

    started = time.perf_counter()
    status = 0
    out: Path = args.out
    out_dir = out.parent if str(out.parent) else Path(".")
    try:
        if args.db is not None:
            with Register(args.db) as register:
                tracker = build_tracker(
                    register, as_of=as_of, as_of_note=note, out_dir=out_dir, title=args.title, sources=[str(args.db)]
                )
        else:
            with Register(":memory:") as register:
                for path in args.files:
                    try:
                        documents = load_documents(path)
                    except (OSError, UnicodeDecodeError, ValueError) as exc:
                        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                        print(f"minutes-parse report: {path}: {reason}", file=sys.stderr)
                        status = 1
                        continue
                    for document in documents:
                        register.add(_with_sha(document))
                tracker = build_tracker(
                    register,
                    as_of=as_of,
                    as_of_note=note,
                    out_dir=out_dir,
                    title=args.title,
                    sources=[str(p) for p in args.files],
                )
    except MinutesParserError as exc:
        print(f"minutes-parse report: {exc}", file=sys.stderr)
        return 2
    page = render_tracker(tracker)
    try:
        _write_atomically(out, page)
    except OSError as exc:
        print(f"minutes-parse report: {out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    counts = tracker.counts()
    print(
        f"minutes-parse report: {len(tracker.actions)} actions from {tracker.meetings} meetings "
        f"({counts['open']} open, {counts['overdue']} overdue as of {as_of.isoformat()}, {counts['done']} done) "
        f"-> {out} ({len(page.encode('utf-8')) / 1024:.0f} KB, {time.perf_counter() - started:.1f} s)",
        file=sys.stderr,
    )
    return status


def _write_atomically(path: Path, text: str) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main() -> None:  # python -m minutes_parser.export.html
    raise SystemExit(report_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
