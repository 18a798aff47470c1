"""A text document with a few stray NUL bytes parses, saying how many were dropped; a file that
is mostly NULs, or binary, is still refused."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from minutes_parser import parse_bytes
from minutes_parser.cli import main
from minutes_parser.errors import UnsupportedFormatError

MINUTES = b"""ASHCOMBE PARISH COUNCIL
Minutes of the meeting held on 9 October 2024 in the Village Hall

Present: Cllr Martha Penhallow (Chair), Cllr Idris Vaughan, Cllr Sunita Rao
In attendance: Graham Tull (Clerk)

1. Apologies
None.

2. Allotments
RESOLVED to renew the allotment lease for five years.
GT to send the signed lease to the landowner by 31 October.

3. Bus shelter
Cllr Rao reported that the shelter glass was cracked. The Clerk to obtain two quotes for the next meeting.
"""


def _with_nuls(data: bytes, *offsets: int) -> bytes:
    for offset in sorted(offsets, reverse=True):
        data = data[:offset] + b"\x00" + data[offset:]
    return data


def test_a_few_nul_bytes_are_dropped_with_a_warning_saying_how_many(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ashcombe.txt"
    path.write_bytes(_with_nuls(MINUTES, 30, 31, 400))
    assert main(["--format", "json", str(path)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert "3 NUL bytes dropped (text holds none)" in document["warnings"]
    assert document["meeting"]["date"] == "2024-10-09"
    texts = [a["text"] for a in document["actions"]]
    assert any(t.startswith("GT to send the signed lease") for t in texts)
    assert all("\x00" not in t for t in texts)


def test_stray_nuls_in_cp1252_text_keep_both_warnings() -> None:
    data = _with_nuls(MINUTES.replace(b"five years", "five years at \u00a3120".encode("cp1252")), 50)
    minutes = parse_bytes(data, name="ashcombe.txt")
    assert minutes.warnings[0].startswith("1 NUL byte dropped; ") or any(
        "1 NUL byte dropped" in w and "cp1252" in w for w in minutes.warnings
    )


@pytest.mark.parametrize(
    "data",
    [
        b"\x00" * 4096,  # all NULs
        MINUTES[:40] + b"\x00" * 200 + MINUTES[40:],  # a run of NULs: more than stray ones
        random.Random(7).randbytes(8192),  # random bytes
        b"\x89PNG\r\n\x1a\n" + random.Random(8).randbytes(600),
    ],
    ids=["all-nul", "nul-run", "random", "png"],
)
def test_mostly_nul_or_binary_is_still_refused(data: bytes) -> None:
    with pytest.raises(UnsupportedFormatError, match="binary data"):
        parse_bytes(data, name="not-minutes.txt")
