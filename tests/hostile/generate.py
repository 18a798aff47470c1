"""Make hostile and broken inputs at test time: nothing binary is committed.

Each builder returns the bytes of one input; ``CASES`` names them with the file name they are
written under. ``python tests/hostile/generate.py OUT_DIR`` writes every case into ``OUT_DIR``
(for poking at them by hand); the tests call the builders directly.

The PDFs come from the minimal PDF writer of ``tests/test_reader_pdf.py`` (imported, not
copied), which also does RC4 encryption.
"""

from __future__ import annotations

import functools
import io
import random
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_TESTS_DIR = Path(__file__).resolve().parents[1]
if str(_TESTS_DIR) not in sys.path:  # so the PDF writer of test_reader_pdf.py can be imported
    sys.path.insert(0, str(_TESTS_DIR))

from test_reader_pdf import Text, make_pdf  # noqa: E402

PASSWORD = "s3cret"
PASSWD_MARKER = "root:"  # what /etc/passwd starts with; must never reach any output

# ---------------------------------------------------------------------------------------------
# Minutes-like text


_PEOPLE = (
    "Cllr A Smith",
    "Cllr B Jones",
    "Cllr C Patel",
    "Mrs D Brown",
    "Mr E Okafor",
    "the Clerk",
)
_TOPICS = (
    "Village hall roof",
    "Playing field drainage",
    "Planning application 24/00123/FUL",
    "Finance and payments",
    "Speed watch",
    "Allotments",
    "Footpath 12 closure",
    "Grant to the youth club",
)


def minutes_text(items: int = 6, seed: int = 0) -> str:
    """Parish-council minutes with a header, attendance, numbered items, decisions and actions."""
    rng = random.Random(seed)
    lines = [
        "Little Snoring Parish Council",
        "Minutes of the meeting held on Tuesday 9 July 2024 at 7.30pm in the Village Hall",
        "",
        "Present: Cllr A Smith (Chair), Cllr B Jones, Cllr C Patel, Mrs D Brown",
        "Apologies: Cllr F Green",
        "",
    ]
    for number in range(1, items + 1):
        topic = rng.choice(_TOPICS)
        owner = rng.choice(_PEOPLE)
        lines += [
            f"{number}. {topic}",
            f"Members discussed the {topic.lower()} and the quote of £{rng.randint(100, 9000)} received.",
            f"{rng.choice(_PEOPLE)} reported that the contractor had been asked to attend on site.",
            f"RESOLVED: that the council accepts the quote of £500 for the {topic.lower()}.",
            f"Action: {owner} to write to the contractor by 31 July 2024.",
            "",
        ]
    lines.append("The meeting closed at 9.05pm.")
    return "\n".join(lines) + "\n"


def text_of_size(size: int, seed: int = 0) -> str:
    """Minutes text of about ``size`` characters (whole items, repeated with new numbers)."""
    block = minutes_text(items=40, seed=seed)
    head = block.partition("1. ")[0]
    out = [head]
    total = len(head)
    number = 1
    rng = random.Random(seed)
    while total < size:
        topic = rng.choice(_TOPICS)
        item = (
            f"{number}. {topic}\n"
            f"Members discussed the {topic.lower()} at length and noted the report of {rng.choice(_PEOPLE)}.\n"
            f"RESOLVED: that the council accepts the quote of £{rng.randint(100, 9000)}.\n"
            f"Action: {rng.choice(_PEOPLE)} to contact the contractor by 31 July 2024.\n\n"
        )
        out.append(item)
        total += len(item)
        number += 1
    return "".join(out)[:size]


def single_line_of_size(size: int) -> str:
    """Minutes prose with no newline at all (a text file whose line ends were lost)."""
    sentence = (
        "Members discussed the village hall roof and the quote of £500 received. "
        "RESOLVED: that the council accepts the quote. "
        "Cllr Smith to write to the contractor by 31 July 2024. "
    )
    return (sentence * (size // len(sentence) + 1))[:size]


# ---------------------------------------------------------------------------------------------
# Text encodings and damaged text

POUND_TEXT = minutes_text(items=3)  # contains "£500"


def empty() -> bytes:
    return b""


def whitespace_only() -> bytes:
    return b"  \n\t\n \r\n   \n"


def random_binary() -> bytes:
    return random.Random(5).randbytes(64 * 1024)


def nul_scattered() -> bytes:
    """Text with NUL bytes strewn through it (a damaged copy)."""
    raw = POUND_TEXT.encode("utf-8")
    return b"\x00".join(raw[i : i + 40] for i in range(0, len(raw), 40))


def nul_padded() -> bytes:
    """Text followed by a run of NULs (a download or disk copy cut short and zero-filled)."""
    return POUND_TEXT.encode("utf-8") + b"\x00" * 4096


def mixed_line_endings() -> bytes:
    lines = POUND_TEXT.split("\n")
    endings = ("\r\n", "\n", "\r")
    return "".join(line + endings[i % 3] for i, line in enumerate(lines)).encode("utf-8")


def utf8_bom() -> bytes:
    return b"\xef\xbb\xbf" + POUND_TEXT.encode("utf-8")


def utf16_le_bom() -> bytes:
    return POUND_TEXT.encode("utf-16")  # Python writes a BOM, little-endian here


def utf16_be_bom() -> bytes:
    return b"\xfe\xff" + POUND_TEXT.encode("utf-16-be")


def utf16_le_no_bom() -> bytes:
    return POUND_TEXT.encode("utf-16-le")


def utf32_bom() -> bytes:
    return b"\xff\xfe\x00\x00" + POUND_TEXT.encode("utf-32-le")


def cp1252_text() -> bytes:
    return (POUND_TEXT + "The Clerk’s report – “noted”.\n").encode("cp1252")


def latin1_text() -> bytes:
    return (POUND_TEXT + "Café in the Village Hall: £25 and ½ day hire.\n").encode("latin-1")


# ---------------------------------------------------------------------------------------------
# PDFs


def _page(lines: list[str], top: float = 780) -> list[Text]:
    return [Text(72, top - 16 * i, line) for i, line in enumerate(lines)]


def _pdf_pages(count: int = 1) -> list[list[Text]]:
    lines = [line for line in POUND_TEXT.split("\n") if line]
    return [_page(lines) for _ in range(count)]


def good_pdf() -> bytes:
    return make_pdf(_pdf_pages())


def truncated_pdf() -> bytes:
    data = make_pdf(_pdf_pages(3))
    return data[: len(data) // 3]


def pdf_header_on_garbage() -> bytes:
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + random.Random(7).randbytes(32 * 1024)


def encrypted_pdf() -> bytes:
    return make_pdf(_pdf_pages(), user_password=PASSWORD)


def thousands_of_pages_pdf(pages: int = 3000) -> bytes:
    """Tiny pages, each with its own few lines (lines repeated on every page would be furniture)."""
    rng = random.Random(3)
    out = []
    for number in range(1, pages + 1):
        topic = rng.choice(_TOPICS)
        lines = [
            f"{number}. {topic}",
            f"Members discussed the {topic.lower()} with {rng.choice(_PEOPLE)}.",
            f"Action: {rng.choice(_PEOPLE)} to report back by 31 July 2024.",
        ]
        out.append(_page(lines, top=780 - 40 * (number % 7)))
    return make_pdf(out)


def garbled_text_layer_pdf() -> bytes:
    """Text that decodes to consonant soup, as fonts with a shifted encoding do."""
    rng = random.Random(11)
    consonants = "bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ"
    lines = [
        " ".join(
            "".join(rng.choice(consonants) for _ in range(rng.randint(2, 8))) for _ in range(10)
        )
        for _ in range(30)
    ]
    return make_pdf([_page(lines)])


# ---------------------------------------------------------------------------------------------
# DOCX and XML

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def _document_xml(paragraphs: list[str], *, prolog: str = "") -> str:
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + prolog
        + f'<w:document xmlns:w="{_W_NS}"><w:body>{body}</w:body></w:document>'
    )


def _escape_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx_package(document_xml: str | bytes, extra: dict[str, str | bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def good_docx_xml() -> str:
    return _document_xml([_escape_xml(line) for line in POUND_TEXT.split("\n") if line])


def good_docx() -> bytes:
    return docx_package(good_docx_xml())


_XXE_DTD = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
_LAUGHS_DTD = (
    '<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def docx_xxe() -> bytes:
    return docx_package(
        _document_xml(["1. Apologies", "Secret: &xxe;", "Action: Clerk to reply."], prolog=_XXE_DTD)
    )


def docx_xxe_after_padding() -> bytes:
    """The DOCTYPE pushed past the first 4 KB by a long comment, to dodge a prefix check."""
    padding = "<!--" + " " * 8000 + "-->"
    return docx_package(
        _document_xml(
            ["1. Apologies", "Secret: &xxe;", "Action: Clerk to reply."], prolog=padding + _XXE_DTD
        )
    )


def docx_billion_laughs() -> bytes:
    return docx_package(_document_xml(["1. Laughs", "&lol9;"], prolog=_LAUGHS_DTD))


def docx_billion_laughs_after_padding() -> bytes:
    padding = "<!--" + " " * 8000 + "-->"
    return docx_package(_document_xml(["1. Laughs", "&lol9;"], prolog=padding + _LAUGHS_DTD))


def docx_relationship_escape() -> bytes:
    """Relationships pointing outside the package (``../../etc/passwd``) for styles and numbering."""
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
        'Target="../../../../etc/passwd"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
        'Target="file:///etc/passwd" TargetMode="External"/></Relationships>'
    )
    paragraphs = [_escape_xml(line) for line in POUND_TEXT.split("\n") if line]
    return docx_package(_document_xml(paragraphs), {"word/_rels/document.xml.rels": rels})


def docx_member_with_dotdot() -> bytes:
    """A DOCX whose zip also carries a member named ``../../evil.txt``."""
    paragraphs = [_escape_xml(line) for line in POUND_TEXT.split("\n") if line]
    return docx_package(_document_xml(paragraphs), {"../../evil.txt": "x" * 100})


def docx_that_is_html_inside() -> bytes:
    """A zip laid out as a DOCX whose main part is an HTML page, not XML."""
    html = "<html><body><p>Minutes<br>of the meeting</p><p>RESOLVED: agreed &nbsp;</body></html>"
    return docx_package(html)


@functools.cache
def _deflate_zeros(size: int) -> tuple[bytes, int]:
    """Raw-deflate ``size`` zero bytes (a multiple of 1 MiB); returns the stream and its CRC-32.

    Each MiB is compressed with a full flush, which resets the compressor, so every MiB gives
    the same kilobyte of output and gigabytes cost only the repetition.
    """
    chunk = bytes(1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush()
    count = size // len(chunk)
    crc = 0
    block = bytes(64 * len(chunk))
    for _ in range(count // 64):
        crc = zlib.crc32(block, crc)
    for _ in range(count % 64):
        crc = zlib.crc32(chunk, crc)
    return piece * count + tail, crc


def _zip_with_raw_member(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip written by hand: (name, deflated data, crc, declared size, method) per member.

    Hand-written so a member can declare a size other than what it inflates to.
    """
    out = bytearray()
    central = bytearray()
    for name, data, crc, declared, method in members:
        encoded = name.encode("utf-8")
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            0x800,
            method,
            0,
            0x21,
            crc,
            len(data),
            declared,
            len(encoded),
            0,
        )
        out += encoded + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0x800,
            method,
            0,
            0x21,
            crc,
            len(data),
            declared,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    central_at = len(out)
    out += central
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), central_at, 0
    )
    return bytes(out)


def _docx_members_stored() -> list[tuple[str, bytes, int, int, int]]:
    members = []
    for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _PACKAGE_RELS)):
        raw = text.encode("utf-8")
        members.append((name, raw, zlib.crc32(raw), len(raw), 0))
    return members


BOMB_SIZE = 2 * 1024 * 1024 * 1024  # 2 GiB of zeros; deflates to about 2 MB


def docx_zip_bomb(bomb_size: int = BOMB_SIZE) -> bytes:
    """A DOCX whose document part honestly declares (and inflates to) ``bomb_size`` bytes."""
    stream, crc = _deflate_zeros(bomb_size)
    return _zip_with_raw_member(
        [*_docx_members_stored(), ("word/document.xml", stream, crc, bomb_size, 8)]
    )


def docx_zip_bomb_lying(bomb_size: int = BOMB_SIZE) -> bytes:
    """The same bomb declaring a 2 KB document part: only reading it would tell."""
    stream, crc = _deflate_zeros(bomb_size)
    return _zip_with_raw_member(
        [*_docx_members_stored(), ("word/document.xml", stream, crc, 2048, 8)]
    )


def zip_not_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("minutes.txt", POUND_TEXT)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# HTML and XML


def html_page() -> bytes:
    items = "".join(
        f"<h2>{i}. Item {i}</h2><p>Members discussed the quote of £500.</p>"
        f"<p>RESOLVED: that the quote be accepted.</p><p>Action: the Clerk to order the works.</p>"
        for i in range(1, 4)
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Minutes</title></head><body>'
        "<h1>Little Snoring Parish Council</h1><p>Minutes of the meeting held on 9 July 2024</p>"
        f"{items}</body></html>"
    ).encode()


def html_xxe() -> bytes:
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b"<html><body><h1>Parish Council</h1><p>1. Apologies</p><p>Secret: &xxe;</p>"
        b"<p>Action: Clerk to reply by 31 July 2024.</p></body></html>"
    )


def html_billion_laughs() -> bytes:
    return (
        '<?xml version="1.0"?>\n' + _LAUGHS_DTD.replace("w:document", "html") + "\n"
        "<html><body><h1>Parish Council</h1><p>&lol9;</p><p>Action: Clerk to reply.</p></body></html>"
    ).encode("utf-8")


def xml_xxe() -> bytes:
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE minutes [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b"<minutes><item>1. Apologies</item><note>&xxe;</note>"
        b"<action>Clerk to reply by 31 July 2024.</action></minutes>\n"
    )


def deeply_nested_html(depth: int = 100_000) -> bytes:
    return (
        "<html><body><h1>Parish Council</h1>"
        + "<div>" * depth
        + "<p>RESOLVED: that the quote of £500 be accepted.</p>"
        + "</div>" * depth
        + "</body></html>"
    ).encode("utf-8")


# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    filename: str
    build: Callable[[], bytes]


CASES: dict[str, Case] = {
    "empty": Case("empty.txt", empty),
    "whitespace_only": Case("whitespace.txt", whitespace_only),
    "random_binary": Case("random.bin", random_binary),
    "nul_scattered": Case("nul_scattered.txt", nul_scattered),
    "nul_padded": Case("nul_padded.txt", nul_padded),
    "mixed_line_endings": Case("mixed_endings.txt", mixed_line_endings),
    "utf8_bom": Case("utf8_bom.txt", utf8_bom),
    "utf16_le_bom": Case("utf16_le.txt", utf16_le_bom),
    "utf16_be_bom": Case("utf16_be.txt", utf16_be_bom),
    "utf16_le_no_bom": Case("utf16_no_bom.txt", utf16_le_no_bom),
    "utf32_bom": Case("utf32.txt", utf32_bom),
    "cp1252": Case("cp1252.txt", cp1252_text),
    "latin1": Case("latin1.txt", latin1_text),
    "good_pdf": Case("good.pdf", good_pdf),
    "truncated_pdf": Case("truncated.pdf", truncated_pdf),
    "pdf_header_on_garbage": Case("garbage.pdf", pdf_header_on_garbage),
    "encrypted_pdf": Case("encrypted.pdf", encrypted_pdf),
    "thousands_of_pages_pdf": Case("pages3000.pdf", thousands_of_pages_pdf),
    "garbled_text_layer_pdf": Case("garbled.pdf", garbled_text_layer_pdf),
    "good_docx": Case("good.docx", good_docx),
    "docx_xxe": Case("xxe.docx", docx_xxe),
    "docx_xxe_after_padding": Case("xxe_padded.docx", docx_xxe_after_padding),
    "docx_billion_laughs": Case("laughs.docx", docx_billion_laughs),
    "docx_billion_laughs_after_padding": Case(
        "laughs_padded.docx", docx_billion_laughs_after_padding
    ),
    "docx_relationship_escape": Case("rels_escape.docx", docx_relationship_escape),
    "docx_member_with_dotdot": Case("dotdot_member.docx", docx_member_with_dotdot),
    "docx_that_is_html_inside": Case("html_inside.docx", docx_that_is_html_inside),
    "docx_zip_bomb": Case("bomb.docx", docx_zip_bomb),
    "docx_zip_bomb_lying": Case("bomb_lying.docx", docx_zip_bomb_lying),
    "zip_not_docx": Case("not_docx.docx", zip_not_docx),
    "html_named_docx": Case("really_html.docx", html_page),
    "html_xxe": Case("xxe.html", html_xxe),
    "html_billion_laughs": Case("laughs.html", html_billion_laughs),
    "xml_xxe": Case("xxe.xml", xml_xxe),
    "deeply_nested_html": Case("nested.html", deeply_nested_html),
    "text_6mb": Case("big.txt", lambda: text_of_size(6 * 1024 * 1024).encode("utf-8")),
    "single_line_5mb": Case(
        "one_line.txt", lambda: single_line_of_size(5 * 1024 * 1024).encode("utf-8")
    ),
}


def write_case(directory: Path, case_name: str) -> Path:
    case = CASES[case_name]
    path = directory / case.filename
    path.write_bytes(case.build())
    return path


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: generate.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for name in CASES:
        print(write_case(out, name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
