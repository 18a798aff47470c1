"""OCR for PDF pages without a usable text layer: the ``tesseract`` binary on a rendered page image.

Opt-in (``--ocr``). We call the command-line tool rather than a Python binding so nothing extra
needs installing beyond tesseract itself; its TSV output gives word boxes, which become the same
segments the text layer would have given, so layout analysis works unchanged.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ._pdf_layout import SEGMENT_GAP, Segment

OCR_DPI = 300
OCR_TIMEOUT_SECONDS = 120
INSTALL_HINT = "tesseract is not installed (apt-get install tesseract-ocr, or brew install tesseract)"
# Tesseract's word boxes hug the glyphs; pdfium's boxes span ascender to descender.
_BOX_TO_LINE_HEIGHT = 1.3


class OcrUnavailableError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def tesseract_path() -> str | None:
    return shutil.which("tesseract")


def ocr_page_segments(page: object) -> list[Segment]:
    """Render one pypdfium2 page, OCR it, and return its words grouped into segments."""
    binary = tesseract_path()
    if binary is None:
        raise OcrUnavailableError(INSTALL_HINT)
    _width, height = page.get_size()  # type: ignore[attr-defined]
    scale = OCR_DPI / 72
    image = page.render(scale=scale).to_pil()  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory(prefix="minutes-ocr-") as tmp:
        image_path = Path(tmp) / "page.png"
        image.save(image_path)
        try:
            result = subprocess.run(
                [binary, str(image_path), "stdout", "--dpi", str(OCR_DPI), "tsv"],
                capture_output=True,
                timeout=OCR_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise OcrUnavailableError(f"tesseract took over {OCR_TIMEOUT_SECONDS} s on a page") from None
        except OSError as exc:
            raise OcrUnavailableError(f"tesseract could not be run ({exc.strerror or exc})") from None
    if result.returncode != 0:
        first_error = result.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        raise OcrUnavailableError(f"tesseract failed ({first_error[0] if first_error else result.returncode})")
    return segments_from_tsv(result.stdout.decode("utf-8", "replace"), height, 1 / scale)


def segments_from_tsv(tsv: str, page_height: float, points_per_pixel: float) -> list[Segment]:
    """Tesseract TSV (level 5 = word) to segments in PDF points, split at wide gaps like pdfium lines."""
    lines: dict[tuple[str, str, str], list[tuple[float, float, float, float, str]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        try:
            left, top, w, h = (float(v) * points_per_pixel for v in cols[6:10])
        except ValueError:
            continue
        key = (cols[2], cols[3], cols[4])
        lines.setdefault(key, []).append((left, left + w, page_height - top - h, page_height - top, cols[11].strip()))
    segments: list[Segment] = []
    for words in lines.values():
        words.sort()
        height = max(t - b for _, _, b, t in ((w[0], w[1], w[2], w[3]) for w in words)) * _BOX_TO_LINE_HEIGHT
        current: list[tuple[float, float, float, float, str]] = []
        for word in words:
            if current and word[0] - current[-1][1] > SEGMENT_GAP * height:
                segments.append(_segment(current, height))
                current = []
            current.append(word)
        if current:
            segments.append(_segment(current, height))
    return segments


def _segment(words: list[tuple[float, float, float, float, str]], height: float) -> Segment:
    bottom = min(w[2] for w in words)
    top = max(w[3] for w in words)
    middle = (top + bottom) / 2
    return Segment(
        " ".join(w[4] for w in words),
        words[0][0],
        max(w[1] for w in words),
        middle - height / 2,
        middle + height / 2,
        height,
        False,
    )
