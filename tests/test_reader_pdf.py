"""The PDF reader: layout decisions on PDFs written at test time, and the real corpus by path.

The fixtures come from a minimal PDF writer below (Helvetica text placed at exact positions), so
each test states the geometry it depends on: an owner's initials at the right margin, running
headers on every page, two columns, a hyphen at a line end.
"""

from __future__ import annotations

import hashlib
import os
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

import pytest

from minutes_parser.errors import (
    EncryptedDocumentError,
    MinutesParserError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from minutes_parser.model import Block, BlockKind, ReadDocument, SourceFormat
from minutes_parser.readers import ReadOptions, detect_format, read_bytes
from minutes_parser.readers._pdf_blocks import clean_text, looks_like_owner
from minutes_parser.readers._pdf_ocr import segments_from_tsv
from minutes_parser.readers.pdf import read

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
CORPUS = SHARED / "corpus"

# ---------------------------------------------------------------------------------------------
# A minimal PDF writer: Helvetica (F1) and Helvetica-Bold (F2), text placed at (x, y) in points.


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    size: float = 11
    bold: bool = False


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def make_pdf(pages: list[list[Text]], *, user_password: str | None = None, size: tuple[int, int] = (595, 842)) -> bytes:
    """A text-only PDF; with ``user_password`` it is RC4-40 encrypted (standard handler, R2)."""
    n_pages = len(pages)
    # Objects: 1 catalog, 2 pages, 3 F1, 4 F2, then (page, content) pairs.
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    }
    streams: dict[int, bytes] = {}
    kids = []
    for index, texts in enumerate(pages):
        page_id, content_id = 5 + 2 * index, 6 + 2 * index
        kids.append(f"{page_id} 0 R".encode())
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size[0]} {size[1]}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {content_id} 0 R >>"
        ).encode()
        ops = b"".join(
            b"BT /" + (b"F2" if t.bold else b"F1") + f" {t.size} Tf {t.x} {t.y} Td (".encode() + _escape(t.text) + b") Tj ET\n"
            for t in texts
        )
        streams[content_id] = ops
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + f"] /Count {n_pages} >>".encode()
    file_id = hashlib.md5(b"minutes-parser-test").digest()
    encrypt_id = 5 + 2 * n_pages
    file_key = b""
    if user_password is not None:
        permissions = -4
        owner_key = hashlib.md5((b"owner" + _PAD)[:32]).digest()[:5]
        user_padded = (user_password.encode() + _PAD)[:32]
        o_entry = _rc4(owner_key, user_padded)
        file_key = hashlib.md5(user_padded + o_entry + struct.pack("<i", permissions) + file_id).digest()[:5]
        u_entry = _rc4(file_key, _PAD)
        objects[encrypt_id] = (
            b"<< /Filter /Standard /V 1 /R 2 /O <" + o_entry.hex().encode() + b"> /U <"
            + u_entry.hex().encode() + b"> /P " + str(permissions).encode() + b" >>"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets: dict[int, int] = {}
    for obj_id in sorted(set(objects) | set(streams)):
        offsets[obj_id] = len(out)
        if obj_id in streams:
            data = streams[obj_id]
            if file_key:
                object_key = hashlib.md5(file_key + struct.pack("<i", obj_id)[:3] + b"\x00\x00").digest()[:10]
                data = _rc4(object_key, data)
            body = f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"
        else:
            body = objects[obj_id]
        out += f"{obj_id} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    count = max(offsets) + 1
    out += f"xref\n0 {count}\n0000000000 65535 f \n".encode()
    for obj_id in range(1, count):
        out += f"{offsets.get(obj_id, 0):010d} 00000 n \n".encode()
    trailer = f"<< /Size {count} /Root 1 0 R /ID [<{file_id.hex()}> <{file_id.hex()}>]".encode()
    if file_key:
        trailer += f" /Encrypt {encrypt_id} 0 R".encode()
    out += b"trailer\n" + trailer + b" >>\nstartxref\n" + str(xref_at).encode() + b"\n%%EOF\n"
    return bytes(out)


def read_pdf(data: bytes, **options: object) -> ReadDocument:
    return read(data, options=ReadOptions(name="test.pdf", **options))  # type: ignore[arg-type]


def lines_at(x: float, top: float, texts: list[str], leading: float = 14, **style: object) -> list[Text]:
    return [Text(x, top - i * leading, t, **style) for i, t in enumerate(texts)]  # type: ignore[arg-type]


def find(doc: ReadDocument, words: str) -> Block:
    matches = [b for b in doc.blocks if words in b.text]
    assert matches, f"no block contains {words!r}: {[b.text for b in doc.blocks]}"
    return matches[0]


# ---------------------------------------------------------------------------------------------
# Layout on generated PDFs


def test_action_column_initials_become_the_margin_not_text() -> None:
    page = [
        Text(72, 780, "Matters Arising", bold=True),
        *lines_at(72, 760, [
            "The village website has been updated and the council is keen to have",
            "it handed over so that it can be updated more often.",
        ]),
        Text(520, 746, "JS"),  # level with the paragraph's last line
        *lines_at(72, 716, ["The goalposts in the field will shortly be erected by volunteers."]),
        Text(520, 709, "All"),  # halfway between lines: belongs to the line above
        *lines_at(72, 688, ["Nothing further was reported on the bus shelter at this meeting."]),
    ]
    doc = read_pdf(make_pdf([page]))
    website = find(doc, "village website")
    assert website.margin == "JS"
    assert "JS" not in website.text
    goalposts = find(doc, "goalposts")
    assert goalposts.margin == "All"
    assert find(doc, "bus shelter").margin is None
    assert "All" not in doc.text.split()


def test_attendance_table_keeps_its_initials_as_cells() -> None:
    page = [
        Text(72, 780, "Present", bold=True), Text(160, 780, "Ria Bell"), Text(300, 780, "RB", bold=True),
        Text(360, 780, "Kit Carey"), Text(500, 780, "KC", bold=True),
        Text(160, 766, "Gina Doyle"), Text(300, 766, "GD", bold=True),
        Text(360, 766, "Dora Nash"), Text(500, 766, "DN", bold=True),
        *lines_at(72, 730, ["Two members of the public were in attendance at the meeting tonight."]),
    ]
    doc = read_pdf(make_pdf([page]))
    rows = [b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]
    assert [r.cells for r in rows] == [
        ("Present", "Ria Bell", "RB", "Kit Carey", "KC"),
        ("", "Gina Doyle", "GD", "Dora Nash", "DN"),
    ]
    assert all(r.margin is None for r in rows)


def test_running_headers_footers_and_page_numbers_are_removed() -> None:
    pages = []
    for number in (1, 2, 3):
        pages.append([
            Text(72, 810, "Little Snoring Parish Council - Minutes of 5 March 2024", size=9),
            *lines_at(72, 700, [f"Body text of page {number} that says something about the agenda item."]),
            Text(280, 30, f"Page {number} of 3", size=9),
        ])
    doc = read_pdf(make_pdf(pages))
    assert "Little Snoring" not in doc.text
    assert "Page" not in doc.text
    assert [b.page for b in doc.blocks] == [1, 2, 3]
    assert any("header" in w for w in doc.warnings)


def test_two_columns_are_read_left_column_first() -> None:
    left = [f"Left column line {i} carries the first half of the story." for i in range(12)]
    right = [f"Right column line {i} continues the story afterwards." for i in range(12)]
    page = [
        Text(72, 800, "Newsletter minutes", size=16, bold=True),
        *lines_at(40, 760, left, size=8, leading=11),
        *lines_at(320, 760, right, size=8, leading=11),
    ]
    doc = read_pdf(make_pdf([page]))
    assert doc.text.index("Left column line 11") < doc.text.index("Right column line 0")
    assert doc.blocks[0].kind is BlockKind.HEADING


def test_two_columns_under_a_full_width_line_are_still_found() -> None:
    # One line running across the middle is under the 8% of lines that may cross the gutter:
    # the early "every slot is crossed" exit must not fire for it.
    left = [f"Wexcombe hall line {i} keeps to the left half of the page." for i in range(13)]
    right = [f"Orchard lane line {i} keeps to the right half of the page." for i in range(13)]
    page = [
        Text(40, 800, "The parish newsletter prints the minutes in two columns this quarter to save paper and postage"),
        *lines_at(40, 770, left, size=8, leading=11),
        *lines_at(320, 770, right, size=8, leading=11),
    ]
    doc = read_pdf(make_pdf([page]))
    assert doc.text.index("Wexcombe hall line 12") < doc.text.index("Orchard lane line 0")


def test_prose_across_the_page_is_not_split_into_columns() -> None:
    prose = [f"Line {i} of the treasurer's report runs from margin to margin of the page, as usual." for i in range(14)]
    doc = read_pdf(make_pdf([lines_at(40, 770, prose, size=10)]))
    assert doc.text.index("Line 3 of") < doc.text.index("Line 4 of") < doc.text.index("Line 13 of")


def test_text_layer_of_control_codes_is_not_usable() -> None:
    # A font without a Unicode map can decode to control codes; more than 2% of them: no text.
    garbled = "\x05\x11\x06\x1a\x07\x03 \x12\x14\x16\x18"
    page = lines_at(72, 760, [f"Minutes {garbled} of the meeting {garbled}" for _ in range(4)])
    with pytest.raises(NoTextLayerError):
        read_pdf(make_pdf([page]))


def test_hyphenated_line_end_is_joined_and_wrapped_lines_become_one() -> None:
    page = lines_at(72, 760, [
        "The clerk reported that the consultation on the impor-",
        "tant planning matter would close at the end of the month and",
        "that comments should be sent in writing.",
    ])
    doc = read_pdf(make_pdf([page]))
    (block,) = doc.blocks
    assert "important planning" in block.text
    assert "month and that comments" in block.text
    assert doc.text[block.start : block.end] == block.text


def test_headings_from_size_and_weight_and_list_markers() -> None:
    page = [
        Text(72, 800, "Burnmouth Community Council", size=18, bold=True),
        Text(72, 770, "5  Matters Arising", bold=True),
        Text(90, 750, "\u2022"), Text(108, 750, "Goalposts in field. Shortly to be erected."),
        Text(90, 736, "\u2022"), Text(108, 736, "Village website. The website has been updated and"),
        Text(108, 722, "will be handed over next month."),
        Text(90, 700, "1."), Text(108, 700, "RESOLVED that the minutes be approved."),
    ]
    doc = read_pdf(make_pdf([page]))
    kinds = [(b.kind, b.level, b.marker) for b in doc.blocks]
    assert kinds[0] == (BlockKind.HEADING, 1, "layout")  # seen from type size and weight alone
    assert kinds[1] == (BlockKind.HEADING, 2, "layout")
    assert doc.blocks[1].text == "5 Matters Arising"
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.marker, b.text) for b in items] == [
        ("\u2022", "Goalposts in field. Shortly to be erected."),
        ("\u2022", "Village website. The website has been updated and will be handed over next month."),
        ("1.", "RESOLVED that the minutes be approved."),
    ]


def test_clean_text_repairs_ligatures_and_symbol_bullets() -> None:
    assert clean_text("of\ufb01cer \ufb02oor") == "officer floor"
    assert clean_text("\uf0b7 item") == "\u2022 item"
    assert clean_text("consulta\x02").endswith("\u00ad")


@pytest.mark.parametrize(
    ("text", "owner"),
    [("JS", True), ("PWh", True), ("All", True), ("RB/IL", True), ("Clerk", True), ("JS, RB", True),
     ("Action", False), ("MINUTES", False), ("12", False), ("Page 3", False), ("it was agreed", False)],
)
def test_looks_like_owner(text: str, owner: bool) -> None:
    assert looks_like_owner(text) is owner


# ---------------------------------------------------------------------------------------------
# Failure modes


def test_no_text_layer_says_ocr_is_needed() -> None:
    with pytest.raises(NoTextLayerError, match="no usable text layer; OCR needed"):
        read_pdf(make_pdf([[]]))


def test_ocr_without_tesseract_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(NoTextLayerError, match="apt-get install tesseract-ocr"):
        read_pdf(make_pdf([[]]), ocr=True)


def test_ocr_reads_pages_through_the_tesseract_binary(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    words = [("Apologies", 300, 400), ("were", 600, 400), ("received.", 760, 400), ("JS", 2150, 400)]
    rows = [header] + [f"5\t1\t1\t1\t1\t{i}\t{x}\t{y}\t{40 * len(w)}\t40\t95\t{w}" for i, (w, x, y) in enumerate(words, 1)]
    fake = tmp_path / "tesseract"
    fake.write_text("#!/bin/sh\ncat <<'EOF'\n" + "\n".join(rows) + "\nEOF\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(tmp_path) + os.pathsep + os.environ.get("PATH", ""))
    doc = read_pdf(make_pdf([[]]), ocr=True)
    (block,) = doc.blocks
    assert block.text == "Apologies were received."
    assert block.margin == "JS"
    assert any("OCR" in w for w in doc.warnings)


def test_tsv_words_become_segments_in_pdf_points() -> None:
    tsv = "level\ttext\n5\t1\t1\t1\t1\t1\t300\t100\t150\t40\t96\tHello\n"
    (segment,) = segments_from_tsv(tsv, 842, 72 / 300)
    assert segment.text == "Hello"
    assert segment.x0 == pytest.approx(72)
    assert 800 < segment.top < 820


def test_encrypted_pdf_needs_the_password() -> None:
    data = make_pdf([lines_at(72, 760, ["Confidential item: the clerk will report back."])], user_password="secret")
    with pytest.raises(EncryptedDocumentError, match="password"):
        read_pdf(data)
    with pytest.raises(EncryptedDocumentError, match="does not open"):
        read_pdf(data, password="wrong")
    doc = read_pdf(data, password="secret")
    assert "clerk will report back" in doc.text


@pytest.mark.parametrize("cut", [20, 200, -60])
def test_truncated_or_corrupt_pdf_is_a_clear_error(cut: int) -> None:
    data = make_pdf([lines_at(72, 760, ["Some text on the page for the meeting."])])
    damaged = data[:cut] if cut > 0 else data[:cut].replace(b"/Pages 2 0 R", b"/Pages 9 0 R")
    try:
        doc = read_pdf(damaged)
    except MinutesParserError as exc:
        assert isinstance(exc, (UnsupportedFormatError, NoTextLayerError, MinutesParserError))
        assert "\n" not in str(exc) and str(exc)
    else:  # pdfium rebuilt the cross-reference table: then the text must be intact
        assert "Some text on the page" in doc.text


def test_garbage_bytes_with_pdf_header_fail_cleanly() -> None:
    with pytest.raises(UnsupportedFormatError, match="damaged or truncated PDF"):
        read_pdf(b"%PDF-1.7\n" + bytes(range(256)) * 4)


def test_unchecked_pdfium_calls_answer_as_the_checked_bindings_do() -> None:
    """The reader's hot calls skip ctypes' argument checks: they must still reach the same
    functions with the same arguments (a pypdfium2 upgrade that changed one would show here)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from minutes_parser.readers import _pdfium_calls as calls

    page_texts = [Text(72, 760, "Budget agreed", bold=True), Text(72, 740, "Clerk to write to the bank."), Text(420, 740, "Clerk")]
    document = pdfium.PdfDocument(make_pdf([page_texts]))
    page = document[0]
    textpage = page.get_textpage()
    try:
        handle, checked = calls.handle(textpage.raw), textpage.raw
        rect = pdfium_c.FS_RECTF()
        name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
        count = textpage.count_chars()
        assert count > 30
        names: set[bytes] = set()
        for index in range(count):
            calls.loose_char_box(handle, index, ctypes.byref(rect))
            fast = (rect.left, rect.top, rect.right, rect.bottom)
            pdfium_c.FPDFText_GetLooseCharBox(checked, index, ctypes.byref(rect))
            assert fast == (rect.left, rect.top, rect.right, rect.bottom)
            assert calls.font_weight(handle, index) == pdfium_c.FPDFText_GetFontWeight(checked, index)
            calls.font_info(handle, index, name, ctypes.c_ulong(128), ctypes.byref(flags))
            fast_name = name.value
            pdfium_c.FPDFText_GetFontInfo(checked, index, name, 128, ctypes.byref(flags))
            assert fast_name == name.value
            names.add(fast_name)
        assert any(b"Bold" in n for n in names) and any(b"Bold" not in n for n in names)
        edges = [ctypes.c_double() for _ in range(4)]
        assert calls.count_rects(handle, 0, count) == pdfium_c.FPDFText_CountRects(checked, 0, count) > 0
        calls.get_rect(handle, 0, *(ctypes.byref(e) for e in edges))
        fast_edges = [e.value for e in edges]
        pdfium_c.FPDFText_GetRect(checked, 0, *(ctypes.byref(e) for e in edges))
        assert fast_edges == [e.value for e in edges]
        assert [calls.text_index(handle, i) for i in range(count)] == [
            pdfium_c.FPDFText_GetTextIndexFromCharIndex(checked, i) for i in range(count)
        ]
        fast_units, units = (ctypes.c_ushort * (count + 1))(), (ctypes.c_ushort * (count + 1))()
        assert calls.get_text(handle, 0, count, fast_units) == pdfium_c.FPDFText_GetText(checked, 0, count, units) > 1
        assert list(fast_units) == list(units)
        page_handle = calls.handle(page.raw)
        types = [calls.object_type(calls.page_object(page_handle, i)) for i in range(pdfium_c.FPDFPage_CountObjects(page.raw))]
        assert types == [pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page.raw, i)) for i in range(len(types))]
        assert pdfium_c.FPDF_PAGEOBJ_TEXT in types
    finally:
        textpage.close()
        page.close()
        document.close()


def test_page_text_read_one_character_at_a_time_matches_pypdfium2() -> None:
    """The reader reads a page's text through pdfium's own calls, and one character at a time
    when the lengths disagree: both must give what pypdfium2's text page gives."""
    import pypdfium2 as pdfium

    from minutes_parser.readers.pdf import _text_by_char, _text_range

    page_texts = [Text(72, 760, "Minutes of the Ashcombe Parish Council"), Text(72, 740, "Café grant — £250 agreed."), Text(420, 740, "RT")]
    document = pdfium.PdfDocument(make_pdf([page_texts]))
    page = document[0]
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        assert count > 30
        assert _text_range(textpage.raw, 0, count) == textpage.get_text_range(0, count)
        assert _text_range(textpage.raw, 5, 9) == textpage.get_text_range(5, 9)
        by_char = "".join(textpage.get_text_range(i, 1)[:1] or " " for i in range(count))
        assert _text_by_char(textpage.raw, count) == by_char
        assert "Café grant" in by_char
    finally:
        textpage.close()
        page.close()
        document.close()


def test_page_cap_reads_only_the_first_pages_and_warns() -> None:
    pages = [lines_at(72, 600, [f"Minute {n}: the council noted the report."]) for n in range(1, 4)]
    doc = read_pdf(make_pdf(pages), max_pages=2)
    assert doc.pages == 3
    assert "Minute 3" not in doc.text
    assert any("first 2 of 3 pages" in w for w in doc.warnings)


def test_registry_detects_and_reads_a_pdf_named_txt() -> None:
    data = make_pdf([lines_at(72, 760, ["RESOLVED that the accounts be approved."])])
    assert detect_format(data, "minutes.txt") == "pdf"
    doc = read_bytes(data, ReadOptions(name="minutes.txt"))
    assert doc.format is SourceFormat.PDF
    assert doc.blocks[0].page == 1


# ---------------------------------------------------------------------------------------------
# The shared corpus, by path


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def read_corpus(name: str) -> ReadDocument:
    return read(corpus_file(name).read_bytes(), options=ReadOptions(name=name))


def test_corpus_horsley_has_no_usable_text_layer() -> None:
    with pytest.raises(NoTextLayerError, match="OCR needed"):
        read_corpus("horsley_pc_2014-03-18_draft_minutes.pdf")


@pytest.mark.parametrize("name", ["ayton_cc_2009-11-03.pdf", "ayton_cc_2016-06-07.pdf"])
def test_corpus_ayton_initials_are_margins(name: str) -> None:
    doc = read_corpus(name)
    margins = [b.margin for b in doc.blocks if b.margin]
    assert len(margins) >= 6
    assert all(looks_like_owner(part) for m in margins for part in m.split(", "))
    # Initials at the margin never end a line of block text.
    for block in doc.blocks:
        if block.kind is BlockKind.TABLE_ROW:
            continue
        for line in block.text.split("\n"):
            assert not (line.endswith((" JS", " RB", " DN", " ALL")) and len(line) > 40), line
    rows = [b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows and rows[0].cells[0].lower() == "present"


def test_corpus_ayton_2009_owner_lines() -> None:
    doc = read_corpus("ayton_cc_2009-11-03.pdf")
    assert find(doc, "Goalposts in field").margin == "DN"
    assert find(doc, "Village Website").margin == "PWh"
    assert find(doc, "Remembrance Day").margin == "DN, NR"


def test_corpus_kent_panel_headings_and_no_page_furniture() -> None:
    doc = read_corpus("kent_corporate_parenting_panel_2024-10-29_minutes.pdf")
    headings = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert "Apologies and Substitutes" in headings
    assert "Youth Justice Annual Report" in headings
    assert not any(b.text.strip().isdigit() for b in doc.blocks)
    lettered = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM and b.marker == "a."]
    assert lettered and all(" b. " not in b.text for b in lettered)
    assert "(Item 6)" not in headings and any(h.endswith("Annual Report 2023/2024") for h in headings)


def test_corpus_chi_bullets_nest_and_footer_is_dropped() -> None:
    doc = read_corpus("chi_ssa21_commission_2018-01-29_minutes.pdf")
    assert "2611 W. Lawrence" not in doc.text
    levels = {b.marker: b.level for b in doc.blocks if b.kind is BlockKind.LIST_ITEM}
    assert levels["\u2022"] < levels["o"] < levels["\u25aa"]
    # Bold bullets that head a group of sub-bullets are section titles.
    headings = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert {"Perfunctory Business", "Updates", "New Business", "Announcements"} <= set(headings)
    assert not any("welcomed" in heading for heading in headings)  # a bold line of text, not a title


def test_every_corpus_pdf_parses_or_fails_with_a_one_line_reason() -> None:
    if not CORPUS.exists():
        pytest.skip("shared corpus not available")
    for path in sorted(CORPUS.glob("*.pdf")):
        try:
            doc = read(path.read_bytes(), options=ReadOptions(name=path.name))
        except MinutesParserError as exc:
            assert "\n" not in str(exc), path
            continue
        assert doc.blocks and doc.pages, path
        assert all(doc.text[b.start : b.end] == b.text for b in doc.blocks), path
        assert "\ufb01" not in doc.text and "\uf0b7" not in doc.text, path
