"""The action tracker page (``minutes-parse report``): built from a register or JSON/JSONL files,
self-contained (nothing loaded), every action listed with its status, and, where Chromium is
installed, rendered in a real headless browser with a screenshot saved for a person to look at."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from minutes_parser.batch.register import Register
from minutes_parser.export.html import owner_key, report_main

AS_OF = "2024-06-01"


def _document(
    sha: str, body: str, date: str, next_meeting: str | None, actions: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "schema_version": "1.1",
        "source": {
            "path": f"minutes/{body.split()[0].lower()}-{date}.txt",
            "format": "text",
            "sha256": sha * 64,
        },
        "kind": "minutes",
        "meeting": {"body": body, "date": date, "next_meeting": next_meeting, "attendees": []},
        "items": [
            {
                "number": "4",
                "key": None,
                "title": "Footpaths and verges",
                "appendix": False,
                "paragraphs": [],
            },
            {
                "number": "5",
                "key": None,
                "title": "Village hall",
                "appendix": False,
                "paragraphs": [],
            },
        ],
        "decisions": [
            {"item": "5", "text": "that the hall hire charges be frozen", "outcome": "carried"}
        ],
        "actions": [
            {
                "item": a.get("item", "4"),
                "text": a["text"],
                "owners": a.get("owners", []),
                "due": a.get("due"),
                "follow_up": a.get("follow_up"),
                "cues": ["pattern:OWNER to VERB"],
                "provenance": {
                    "section": "items",
                    "item_index": 0 if a.get("item", "4") == "4" else 1,
                    "paragraph": 1,
                    "start": 0,
                    "end": len(a["text"]),
                },
            }
            for a in actions
        ],
        "warnings": [],
    }


def _due(date: str, text: str) -> dict[str, str]:
    return {"text": text, "value": date, "date": date}


DOCUMENTS = [
    _document(
        "a",
        "Marlcombe Parish Council",
        "2024-03-12",
        None,
        [
            {
                "text": "The Clerk to write to the highways team about the blocked culvert.",
                "owners": ["The Clerk"],
                "due": _due("2024-04-30", "by the end of April"),
            },
            {
                "text": "Cllr Ferris to obtain three quotes for the bench repair.",
                "owners": ["Cllr Ferris"],
                "due": _due("2024-09-30", "by the end of September"),
            },
            {
                "text": "The Clerk to report back on the verge cutting contract to the next meeting.",
                "owners": ["the Clerk"],
                "due": {"text": "to the next meeting", "value": "NEXT_MEETING", "date": None},
            },
            {
                "text": "Check whether <script>alert('x')</script> tags & ampersands survive.",
                "owners": [],
                "item": "5",
            },
        ],
    ),
    _document(
        "b",
        "Marlcombe Parish Council",
        "2024-05-14",
        "2024-07-09",
        [
            {
                "text": "Cllr Ferris and Cllr Okafor to walk the footpath with the ranger.",
                "owners": ["Cllr Ferris", "Cllr Okafor"],
                "due": _due("2024-05-31", "before the end of May"),
            },
        ],
    ),
    _document(
        "c",
        "Tollbridge Village Hall Committee",
        "2024-04-02",
        None,
        [
            {
                "text": "The Treasurer to renew the hall insurance.",
                "owners": ["The Treasurer"],
                "due": _due("2024-04-20", "by 20 April"),
            },
            {"text": "The Secretary to book the boiler service.", "owners": ["The Secretary"]},
        ],
    ),
]
TEXTS = [a["text"] for d in DOCUMENTS for a in d["actions"]]


@pytest.fixture()
def register_path(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite"
    with Register(path) as register:
        for document in DOCUMENTS:
            register.add(document)
    with Register(path) as register:
        treasurer = next(r for r in register.actions() if r.text.startswith("The Treasurer"))
        register.mark_done(treasurer.id)
    return path


def _rows(page: str) -> dict[str, str]:
    """status of each action row, keyed by the action text (unescaped)."""
    found = {}
    for status, cell in re.findall(
        r'<tr class="action (\w+)".*?<td class="text">(.*?)<span class="prov">', page, re.S
    ):
        text = html.unescape(re.sub(r'<span class="follow">.*?</span>', "", cell))
        found[text] = status
    return found


def test_report_from_register(
    register_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site" / "tracker.html"
    out.parent.mkdir()
    assert report_main(["--db", str(register_path), "--out", str(out), "--as-of", AS_OF]) == 0
    page = out.read_text(encoding="utf-8")
    rows = _rows(page)
    assert set(rows) == set(TEXTS)
    assert rows["The Clerk to write to the highways team about the blocked culvert."] == "overdue"
    assert rows["Cllr Ferris to obtain three quotes for the bench repair."] == "open"
    assert rows["The Treasurer to renew the hall insurance."] == "done"  # overdue, but done
    assert rows["The Secretary to book the boiler service."] == "open"  # no due date
    # Due at the next meeting: tracked against the body's next meeting in the register (2024-05-14).
    assert (
        rows["The Clerk to report back on the verge cutting contract to the next meeting."]
        == "overdue"
    )
    assert "2024-05-14</td>" in page or "2024-05-14<span" in page
    assert (
        f"Overdue means open and due before <strong>{AS_OF}</strong> (the date given with --as-of)"
        in page
    )
    # Grouped by body; owners grouped ignoring case and a leading "the"; item titles; provenance.
    assert page.index("<h2>Marlcombe Parish Council") < page.index(
        "<h2>Tollbridge Village Hall Committee"
    )
    assert '<option value="clerk">' in page and page.count('<option value="clerk">') == 1
    assert "Footpaths and verges" in page
    assert "item 4 · paragraph 2 · characters 0–" in page
    # Escaped, never executed.
    assert (
        "<script>alert" not in page
        and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; tags &amp; ampersands" in page
    )
    # Charts drawn as inline SVG: a stacked bar per meeting and a bar per owner with open actions.
    assert page.count('<g class="bar">') == 3
    assert (
        'class="owner" data-owner="clerk"' in page
        and 'data-owner="treasurer"' not in page.split('id="chart-owners"')[1].split("</figure>")[0]
    )
    err = capsys.readouterr().err
    assert (
        "minutes-parse report: 7 actions from 3 meetings (3 open, 3 overdue as of 2024-06-01, 1 done)"
        in err
    )
    assert str(out) in err


def test_page_is_self_contained(register_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tracker.html"
    assert report_main(["--db", str(register_path), "--out", str(out), "--as-of", AS_OF]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"https?://", page), "the page must not refer to the network"
    assert not re.search(r"url\(", page)
    assert not re.search(r"@import", page)
    # Links back to the sources are relative paths, not URLs.
    assert 'href="minutes/marlcombe-2024-03-12.txt"' in page


def test_source_links_are_relative_to_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "minutes").mkdir()
    document = DOCUMENTS[2]
    (tmp_path / document["source"]["path"]).write_text("fictional minutes\n")
    data = tmp_path / "one.json"
    data.write_text(json.dumps(document))
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    assert report_main(["one.json", "--out", "out/tracker.html", "--as-of", AS_OF]) == 0
    page = (tmp_path / "out" / "tracker.html").read_text(encoding="utf-8")
    assert 'href="../minutes/tollbridge-2024-04-02.txt"' in page


def test_report_from_json_and_jsonl_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    as_list = tmp_path / "two.json"
    as_list.write_text(json.dumps(DOCUMENTS[:2]))
    as_lines = tmp_path / "all.jsonl"
    as_lines.write_text(
        "".join(json.dumps(d) + "\n" for d in DOCUMENTS)
    )  # the same two again: stored once
    out = tmp_path / "tracker.html"
    assert report_main([str(as_list), str(as_lines), "--out", str(out), "--as-of", AS_OF]) == 0
    rows = _rows(out.read_text(encoding="utf-8"))
    assert set(rows) == set(TEXTS)
    assert (
        rows["The Treasurer to renew the hall insurance."] == "overdue"
    )  # nobody marked it done here
    assert "7 actions from 3 meetings" in capsys.readouterr().err


def test_bad_input_file_is_reported_and_the_rest_rendered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(DOCUMENTS[2]))
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"hello": "world"}))
    out = tmp_path / "tracker.html"
    code = report_main(
        [
            str(broken),
            str(good),
            str(other),
            str(tmp_path / "missing.jsonl"),
            "--out",
            str(out),
            "--as-of",
            AS_OF,
        ]
    )
    assert code == 1
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[1] for line in err[:3]] == [
        str(broken),
        str(other),
        str(tmp_path / "missing.jsonl"),
    ]
    assert "not minutes-parser JSON output" in err[1]
    assert "No such file or directory" in err[2]
    assert set(_rows(out.read_text(encoding="utf-8"))) == {
        "The Treasurer to renew the hall insurance.",
        "The Secretary to book the boiler service.",
    }


def test_as_of_defaults_to_today_and_says_so(register_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tracker.html"
    assert report_main(["--db", str(register_path), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert (
        f"<strong>{dt.date.today().isoformat()}</strong> (today, the day the page was made)" in page
    )
    # Everything due in 2024 is overdue by now, except what is done.
    assert _rows(page)["Cllr Ferris to obtain three quotes for the bench repair."] == "overdue"


def test_usage_errors(
    register_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "t.html")
    with pytest.raises(SystemExit) as exit_info:
        report_main(["--out", out])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        report_main(["--db", str(register_path), "x.json", "--out", out])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        report_main(["--db", str(register_path), "--out", out, "--as-of", "June"])
    assert exit_info.value.code == 2
    capsys.readouterr()
    assert report_main(["--db", str(tmp_path / "none.sqlite"), "--out", out]) == 2
    assert capsys.readouterr().err.strip().endswith("none.sqlite: no such register")
    assert not Path(out).exists()


def test_owner_key() -> None:
    assert owner_key("The  Clerk") == owner_key("the clerk") == owner_key("Clerk") == "clerk"
    assert owner_key("Theo Marsh") == "theo marsh"


def test_many_meetings_chart_by_month(tmp_path: Path) -> None:
    documents = [
        _document(
            "0",
            "Sunnyvale Allotment Society",
            (dt.date(2020, 1, 1) + dt.timedelta(days=14 * i)).isoformat(),
            None,
            [{"text": f"The Secretary to chase plot {i}.", "owners": ["The Secretary"]}],
        )
        for i in range(45)
    ]
    for i, document in enumerate(documents):
        document["source"]["sha256"] = f"{i:064x}"  # distinct documents
    data = tmp_path / "many.jsonl"
    data.write_text("".join(json.dumps(d) + "\n" for d in documents))
    out = tmp_path / "tracker.html"
    assert report_main([str(data), "--out", str(out), "--as-of", AS_OF]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Actions per month of meetings" in page
    assert page.count('<g class="bar">') == len({d["meeting"]["date"][:7] for d in documents})
    assert len(_rows(page)) == 45


# -- in a real browser -------------------------------------------------------------------------
def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _run_chromium(binary: str, *args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        return subprocess.run(
            [
                binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
                f"--user-data-dir={profile}", *args,
            ],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip


def _screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("MINUTES_PARSER_SCREENSHOTS")
    if chosen:
        Path(chosen).mkdir(parents=True, exist_ok=True)
        return Path(chosen)
    return tmp_path_factory.mktemp("screenshots")


@pytest.mark.skipif(
    _chromium() is None, reason="Chromium is not installed (apt-get install chromium)"
)
def test_page_in_headless_chromium(
    register_path: Path,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    binary = _chromium()
    assert binary is not None
    out = tmp_path / "tracker.html"
    assert report_main(["--db", str(register_path), "--out", str(out), "--as-of", AS_OF]) == 0
    url = out.resolve().as_uri()

    started = time.perf_counter()
    dumped = _run_chromium(binary, "--dump-dom", url)
    render_seconds = time.perf_counter() - started
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout
    # Every action is in the rendered page, the charts are there, and the script ran.
    for text in TEXTS:
        assert html.escape(text, quote=False) in dom, text
    assert dom.count('<svg class="chart"') == 2
    assert dom.count('<rect class="s-') >= 5
    assert 'id="shown" aria-live="polite">Showing 7 of 7 actions</p>' in dom
    assert '<div id="filters">' in dom  # un-hidden by the script

    # A filter given in the address (shareable links) is applied by the script.
    filtered = _run_chromium(binary, "--dump-dom", url + "#owner=cllr%20ferris&status=open")
    assert filtered.returncode == 0, filtered.stderr[-2000:]
    assert "Showing 2 of 7 actions" in filtered.stdout
    rows = re.findall(r'<tr class="action [^>]*>', filtered.stdout)
    assert len(rows) == 7 and len([r for r in rows if " hidden" not in r]) == 2
    assert (
        '<section class="body" data-body="Tollbridge Village Hall Committee" hidden="">'
        in filtered.stdout
    )

    shot = _screenshot_dir(tmp_path_factory) / "tracker.png"
    taken = _run_chromium(
        binary, "--hide-scrollbars", "--window-size=1280,1600", f"--screenshot={shot}", url
    )
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with capsys.disabled():
        print(
            f"\ntracker page: {out.stat().st_size / 1024:.0f} KB, rendered by Chromium in {render_seconds:.1f} s "
            f"(start-up included); screenshot: {shot}"
        )


def test_minutes_parse_report_dispatches(register_path: Path, tmp_path: Path) -> None:
    from minutes_parser.cli import main

    out = tmp_path / "tracker.html"
    assert main(["report", "--db", str(register_path), "--out", str(out), "--as-of", AS_OF]) == 0
    assert set(_rows(out.read_text(encoding="utf-8"))) == set(TEXTS)
