"""The generated PDF, DOCX and HTML minutes of corpora/generated/.

corpora/generated/generate.py writes them from fixed fictional text. These tests regenerate
them into a temporary folder and check the bytes equal the committed files (so the committed
documents are exactly what the script makes), and check the hand-written gold files beside
them the way tests/test_corpora_gold.py checks the text corpora: well-formed, item references
that exist, valid due shapes, and texts that really occur in the document's visible text.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

GENERATED_DIR = Path(__file__).resolve().parents[1] / "corpora" / "generated"
GOLD_PATHS = sorted(GENERATED_DIR.glob("*.gold.json"))
# Where the right-hand Action column starts, for PDFs that have one (points from the left).
ACTION_COLUMN_X = {"ashcombe_wick_parish_2024-09-10.pdf": 480.0}


def load_module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


GENERATOR = load_module(GENERATED_DIR / "generate.py", "corpora_generate")
GOLD_CHECKS = load_module(Path(__file__).with_name("test_corpora_gold.py"), "corpora_gold_checks")


def load_gold(path: Path) -> dict[str, Any]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(gold, dict)
    return gold


def visible_text(path: Path) -> str:
    """The text a reader sees in a generated document, whitespace collapsed."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        import pdfplumber

        # The right-hand Action column is not part of the sentences beside it (GOLD.md).
        right = ACTION_COLUMN_X.get(path.name)
        with pdfplumber.open(path) as pdf:
            pages = [
                page.within_bbox((0, 0, right, page.height)) if right else page
                for page in pdf.pages
            ]
            text = "\n".join(page.extract_text() or "" for page in pages)
    elif suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        parts += [
            cell.text for table in document.tables for row in table.rows for cell in row.cells
        ]
        text = "\n".join(parts)
    elif suffix == ".html":
        import lxml.html

        text = lxml.html.fromstring(path.read_bytes()).text_content()
    else:
        raise AssertionError(f"unexpected document {path.name}")
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def test_generator_writes_the_committed_bytes(tmp_path: Path) -> None:
    pytest.importorskip("reportlab", reason="reportlab (dev extra) is needed to write the PDFs")
    written = GENERATOR.generate(tmp_path)
    assert sorted(p.name for p in written) == sorted(GENERATOR.DOCUMENTS)
    differ = [p.name for p in written if p.read_bytes() != (GENERATED_DIR / p.name).read_bytes()]
    assert differ == [], (
        f"{differ} differ from the committed files: run corpora/generated/generate.py "
        "and commit the result (and check the gold files still fit)"
    )


def test_every_generated_document_has_gold_and_the_formats_are_covered() -> None:
    names = sorted(GENERATOR.DOCUMENTS)
    assert sorted(p.name.removesuffix(".gold.json") for p in GOLD_PATHS) == names
    suffixes = [Path(n).suffix for n in names]
    assert suffixes.count(".pdf") >= 2 and suffixes.count(".docx") >= 2 and ".html" in suffixes
    assert all((GENERATED_DIR / n).is_file() for n in names)


def test_documents_hold_no_creation_time() -> None:
    # Fixed dates: reportlab's invariant mode, fixed DOCX core properties and zip times.
    for name in GENERATOR.DOCUMENTS:
        data = (GENERATED_DIR / name).read_bytes()
        if name.endswith(".pdf"):
            assert b"/CreationDate (D:20000101000000" in data, name
        elif name.endswith(".docx"):
            import zipfile

            with zipfile.ZipFile(GENERATED_DIR / name) as archive:
                assert {i.date_time for i in archive.infolist()} == {GENERATOR.FIXED_ZIP_TIME}


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda p: p.name)
def test_generated_gold_is_well_formed(path: Path) -> None:
    GOLD_CHECKS.test_gold_is_well_formed(path)
    GOLD_CHECKS.test_item_references_exist(path)
    GOLD_CHECKS.test_due_values_have_timex_shapes(path)
    gold = load_gold(path)
    assert gold["kind"] == "minutes"
    dt.date.fromisoformat(gold["meeting"]["date"])
    assert gold["items"], "generated minutes have agenda items"


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda p: p.name)
def test_generated_gold_texts_occur_in_the_document(path: Path) -> None:
    gold = load_gold(path)
    document = visible_text(GENERATED_DIR / gold["document"])
    texts = [e["text"] for e in gold["decisions"] + gold["actions"]]
    texts += [i["title"] for i in gold["items"]] + [i["number"] for i in gold["items"]]
    missing = [t for t in texts if re.sub(r"\s+", " ", t) not in document]
    assert missing == []
