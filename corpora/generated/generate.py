"""Write the fictional PDF, DOCX and HTML minutes of corpora/generated/.

Every council, person, place and figure below is made up. The documents imitate the *layouts*
of published minutes that a plain text view gets wrong: a minute number printed in its own left
column, a right-hand Action column, bold headings, running headers and footers with page
numbers, a DRAFT stamp, "Signed ... Chair" lines, Word heading styles and numbered lists, an
Action | Owner | Due table, a two-column attendance table, and part of an HTML page in <pre>.

The output is deterministic: fixed content, fixed creation dates, fixed zip timestamps, so two
runs write the same bytes (tests/test_corpora_generated.py checks this against the committed
files). The gold files beside the documents were written by hand, not by this script.

    python corpora/generated/generate.py [OUTPUT_DIR]     # default: this script's folder

Without OUTPUT_DIR it also writes the short PDF, DOCX and HTML examples of corpora/examples/
(and, in corpora/examples/protected/, the PDF example encrypted with the password "lowmere";
in corpora/examples/scanned/, the same minutes as a page image without a text layer, for --ocr).

Needs python-docx (a core dependency) and reportlab (in the ``dev`` extra).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)

# --------------------------------------------------------------------------------------------
# PDF: a small line layout over reportlab's canvas (two passes, so "Page N of M" is known)
# --------------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 595.27, 841.89  # A4 in points


@dataclass
class Op:
    """One thing drawn on a page: text at (x, y) in a font, or a stamp."""

    kind: str  # "text" | "line" | "stamp"
    x: float
    y: float
    text: str = ""
    font: str = "Helvetica"
    size: float = 10.0
    x2: float = 0.0


class PdfLayout:
    """Flows lines down A4 pages between a top and a bottom margin."""

    def __init__(self, top: float, bottom: float) -> None:
        self.top = top
        self.bottom = bottom
        self.pages: list[list[Op]] = [[]]
        self.y = top

    def need(self, height: float) -> None:
        if self.y - height < self.bottom:
            self.pages.append([])
            self.y = self.top

    def skip(self, height: float) -> None:
        self.y -= height

    def text(self, x: float, text: str, font: str = "Helvetica", size: float = 10.0) -> None:
        self.pages[-1].append(Op("text", x, self.y, text, font, size))

    def centred(self, text: str, font: str, size: float) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        width = stringWidth(text, font, size)
        self.text((PAGE_W - width) / 2, text, font, size)

    def wrapped(
        self,
        x: float,
        width: float,
        text: str,
        font: str = "Helvetica",
        size: float = 10.0,
        leading: float = 13.0,
        first_line: Callable[[], None] | None = None,
    ) -> None:
        """Text wrapped to width; first_line draws extra things level with the first line."""
        from reportlab.lib.utils import simpleSplit

        lines = simpleSplit(text, font, size, width)
        for index, line in enumerate(lines):
            self.need(leading)
            self.text(x, line, font, size)
            if index == 0 and first_line is not None:
                first_line()
            self.skip(leading)


def render_pdf(
    path: Path,
    layout: PdfLayout,
    title: str,
    furniture: Callable[[object, int, int], None],
    password: str | None = None,
) -> None:
    """Draw the laid-out pages with reportlab; invariant mode fixes the dates and the file ID.

    With a password the PDF is encrypted (reportlab's standard 128-bit encryption): a reader
    needs the password to open it.
    """
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(
        str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1, encrypt=password
    )
    pdf.setTitle(title)
    pdf.setAuthor("minutes-parser corpora generator (fictional)")
    pdf.setCreator("corpora/generated/generate.py")
    pdf.setSubject("Fictional minutes for testing")
    total = len(layout.pages)
    for number, ops in enumerate(layout.pages, start=1):
        furniture(pdf, number, total)
        for op in ops:
            if op.kind == "text":
                pdf.setFont(op.font, op.size)
                pdf.drawString(op.x, op.y, op.text)
            elif op.kind == "line":
                pdf.line(op.x, op.y, op.x2, op.y)
        pdf.showPage()
    pdf.save()


# PDF 1: parish council minutes with a left minute-number column and a right Action column.

ASHCOMBE_ITEMS: list[tuple[str, str, list[tuple[str, str]]]] = [
    # (minute number, title, [(paragraph, action column entry)])
    (
        "54/24",
        "Apologies for absence",
        [("Apologies were received and accepted from Cllr Priya Desai (work commitment).", "")],
    ),
    ("55/24", "Declarations of interest", [("None were declared.", "")]),
    (
        "56/24",
        "Minutes of the meeting held on 9 July 2024",
        [
            (
                "RESOLVED that the minutes of the meeting held on 9 July 2024 be approved and "
                "signed by the Chair as a correct record.",
                "",
            )
        ],
    ),
    (
        "57/24",
        "Public forum",
        [
            (
                "Two residents spoke about dog fouling on the recreation ground, which had got "
                "worse since the summer fete. They asked whether a second bin could be placed by "
                "the Orchard Lane gate.",
                "",
            ),
            (
                "The Clerk will ask the District Council to install a second dog bin by the "
                "Orchard Lane gate.",
                "Clerk",
            ),
        ],
    ),
    (
        "58/24",
        "County Councillor's report",
        [
            (
                "Cllr Marsh reported that the resurfacing of the Wick Hill road had been put "
                "back to the spring because of the contractor's workload. The drain at the foot "
                "of Mill Lane had been surveyed and a repair was on the list for this year.",
                "",
            ),
            ("IM agreed to chase the date for the Mill Lane drain repair.", "IM"),
        ],
    ),
    (
        "59/24",
        "Finance",
        [
            ("(a) The schedule of payments totalling £2,146.80 was approved.", ""),
            (
                "(b) RESOLVED to accept the external auditor's report for 2023/24, which raised "
                "no matters.",
                "",
            ),
            (
                "(c) The Clerk to publish the notice of conclusion of the audit on the "
                "noticeboard and the website by 30 September.",
                "Clerk",
            ),
        ],
    ),
    (
        "60/24",
        "Recreation ground and play area",
        [
            (
                "The annual play area inspection had rated the zip wire as a medium risk, "
                "because the seat was cracked and the cable had worn at the far end. Two quotes "
                "had been obtained.",
                "",
            ),
            (
                "RESOLVED to accept the quote of £1,180 from Fenway Play Repairs to replace the "
                "zip wire seat and cable.",
                "",
            ),
            ("RO to arrange the repair with the contractor by 25 October.", "RO"),
            (
                "NP and BL will carry out the monthly visual checks of the play area and keep "
                "the log.",
                "NP/BL",
            ),
        ],
    ),
    (
        "61/24",
        "Planning",
        [
            (
                "(a) P/24/0612 - Single-storey rear extension, 3 Orchard Close. The Council "
                "raised no objection.",
                "",
            ),
            (
                "(b) P/24/0655 - Two dwellings on land behind the Old Forge. The Council "
                "objects to the application because the only access is onto a single-track "
                "lane with no passing places.",
                "",
            ),
            ("The Clerk to submit the objection by 20 September.", "Clerk"),
        ],
    ),
    (
        "62/24",
        "Highways and speeding",
        [
            (
                "Cllr Tranter reported that the speed indicator device had recorded 38 per cent "
                "of vehicles over the limit on Wick Hill in August. It was agreed to apply to "
                "join the Community Speedwatch scheme.",
                "",
            ),
            ("ST to contact the police coordinator within two weeks.", "ST"),
        ],
    ),
    (
        "63/24",
        "Correspondence",
        [("The correspondence list was noted.", "")],
    ),
    (
        "64/24",
        "Date of next meeting",
        [("Tuesday 8 October 2024 at 7.00 pm in the Reading Room.", "")],
    ),
]


def ashcombe_pdf(path: Path) -> None:
    num_x, text_x, text_w, action_x = 56.0, 108.0, 360.0, 490.0
    layout = PdfLayout(top=780.0, bottom=90.0)
    layout.centred("ASHCOMBE WICK PARISH COUNCIL", "Helvetica-Bold", 14)
    layout.skip(20)
    layout.wrapped(
        56,
        483,
        "Minutes of the meeting of Ashcombe Wick Parish Council held on Tuesday 10 September "
        "2024 at 7.00 pm in the Reading Room, Ashcombe Wick.",
    )
    layout.skip(6)
    for label, text in (
        (
            "Present:",
            "Cllr Helen Gatward (HG) (Chair), Cllr Rupert Okafor (RO), Cllr Nadia Pell (NP), "
            "Cllr Simon Tranter (ST), Cllr Beth Larkin (BL).",
        ),
        (
            "In attendance:",
            "Alan Brightwell (Clerk), County Cllr Ivy Marsh (IM), four members of the public.",
        ),
    ):
        layout.need(13)
        layout.text(56, label, "Helvetica-Bold", 10)
        layout.wrapped(140, 399, text)
        layout.skip(4)
    layout.skip(8)
    layout.need(14)
    layout.text(num_x, "Minute", "Helvetica-Bold", 10)
    layout.text(action_x, "Action", "Helvetica-Bold", 10)
    layout.skip(16)
    for number, title, paragraphs in ASHCOMBE_ITEMS:
        layout.need(40)
        layout.text(num_x, number, "Helvetica-Bold", 10)
        layout.text(text_x, title, "Helvetica-Bold", 10)
        layout.skip(15)
        for paragraph, owner in paragraphs:

            def level(owner: str = owner) -> None:
                if owner:
                    layout.text(action_x, owner, "Helvetica-Bold", 10)

            layout.wrapped(text_x, text_w, paragraph, first_line=level)
            layout.skip(5)
        layout.skip(6)
    layout.need(60)
    layout.text(text_x, "The Chair closed the meeting at 8.48 pm.")
    layout.skip(40)
    layout.text(text_x, "Signed ........................................ Chair")
    layout.text(360, "Date ......................")

    def furniture(pdf: object, number: int, total: int) -> None:
        pdf.setFont("Helvetica", 8)  # type: ignore[attr-defined]
        pdf.drawString(56, 40, "Ashcombe Wick Parish Council - 10 September 2024")  # type: ignore[attr-defined]
        pdf.drawRightString(539, 40, f"Page {number} of {total}")  # type: ignore[attr-defined]
        pdf.drawString(56, 56, "Chair's initials ..........")  # type: ignore[attr-defined]

    render_pdf(path, layout, "Ashcombe Wick Parish Council minutes 10 September 2024", furniture)


# PDF 2: committee minutes with bold headings, running header and footer, DRAFT stamp.

HARBOURSIDE_ITEMS: list[tuple[str, list[str]]] = [
    ("1. Apologies for absence", ["Apologies were received from Cllr Owen Pritchard."]),
    (
        "2. Declarations of interest",
        [
            "Cllr Lomax declared a non-pecuniary interest in application 24/0389/FUL as a "
            "neighbour of the site and left the room while it was considered."
        ],
    ),
    (
        "3. Minutes",
        [
            "The minutes of the meeting held on 7 May 2024 were approved as a correct record "
            "and signed by the Chair."
        ],
    ),
    (
        "4. Planning applications",
        [
            "4.1 24/0371/HOU - Loft conversion with a rear dormer, 12 Ropewalk. The Committee "
            "recommended approval.",
            "4.2 24/0389/FUL - Conversion of the former chandlery, Wharf Street, to three flats. "
            "The Committee objected to the application because no parking or cycle storage is "
            "provided. The Deputy Town Clerk to send the Committee's comments to the planning "
            "authority by 11 June.",
            "4.3 24/0402/LBC - Replacement windows, 5 Custom House Row. The Committee raised no "
            "objection, subject to the advice of the conservation officer.",
        ],
    ),
    (
        "5. Tree preservation",
        [
            "The Environment Officer reported that a resident had asked for a tree preservation "
            "order on the two holm oaks at Beacon Green, which are thought to be under threat "
            "from a proposed garage.",
            "Members agreed to ask the District Council to consider making an order. LH will "
            "prepare the supporting photographs and survey notes before the end of June.",
        ],
    ),
    (
        "6. Harbour wall planting scheme",
        [
            "The Committee considered three designs for the planting beds along the harbour "
            "wall, prepared with the help of the Harbourside in Bloom group.",
            "RESOLVED (4 votes to 1) to adopt design B, using drought-tolerant coastal species, "
            "at a cost of no more than £3,400 from the environment budget.",
            "LH to order the plants by the end of August.",
        ],
    ),
    (
        "7. Climate action plan",
        [
            "Cllr Nwosu presented the draft climate action plan, which sets out twelve actions "
            "for the Town Council's own buildings, vehicles and land.",
            "Members noted the draft and agreed to hold a public consultation over the summer.",
            "GN and DF to prepare the consultation questionnaire for the July meeting.",
        ],
    ),
    (
        "8. Street lighting",
        [
            "Members discussed complaints that the new LED lanterns on Chapel Steps were too "
            "bright for the houses opposite. The Chair will write to the County Council asking "
            "for shields to be fitted.",
            "The faulty lantern on Sea Lane had been repaired since the last meeting, so no "
            "further action was needed.",
        ],
    ),
    ("9. Date of next meeting", ["Tuesday 2 July 2024 at 6.30 pm in the Council Chamber."]),
]


def harbourside_pdf(path: Path) -> None:
    layout = PdfLayout(top=760.0, bottom=80.0)
    layout.centred("HARBOURSIDE TOWN COUNCIL", "Helvetica-Bold", 15)
    layout.skip(22)
    layout.wrapped(
        60,
        475,
        "Minutes of the meeting of the Planning and Environment Committee held on Tuesday "
        "4 June 2024 at 6.30 pm in the Council Chamber, Quay House.",
        leading=14,
    )
    layout.skip(8)
    for label, text in (
        (
            "Present:",
            "Cllr Mia Shelton (MS) (Chair), Cllr Tom Aldous (TA), Cllr Grace Nwosu (GN), "
            "Cllr Peter Lomax (PL), Cllr Fiona Reddy (FR).",
        ),
        (
            "In attendance:",
            "Daniel Frome, Deputy Town Clerk (DF); Lucy Hale, Environment Officer (LH).",
        ),
        ("Apologies:", "Cllr Owen Pritchard."),
    ):
        layout.wrapped(60, 475, f"{label} {text}", leading=14)
        layout.skip(4)
    layout.skip(8)
    for heading, paragraphs in HARBOURSIDE_ITEMS:
        layout.need(50)
        layout.text(60, heading, "Helvetica-Bold", 11)
        layout.skip(17)
        for paragraph in paragraphs:
            layout.wrapped(60, 475, paragraph, leading=14)
            layout.skip(6)
        layout.skip(8)
    layout.need(70)
    layout.text(60, "The meeting closed at 8.05 pm.")
    layout.skip(44)
    layout.text(60, "Signed: ....................................... (Chair)")
    layout.text(360, "Date: ....................")

    def furniture(pdf: object, number: int, total: int) -> None:
        c = pdf
        c.saveState()  # type: ignore[attr-defined]
        c.setFillGray(0.85)  # type: ignore[attr-defined]
        c.setFont("Helvetica-Bold", 110)  # type: ignore[attr-defined]
        c.translate(PAGE_W / 2, PAGE_H / 2)  # type: ignore[attr-defined]
        c.rotate(45)  # type: ignore[attr-defined]
        c.drawCentredString(0, -40, "DRAFT")  # type: ignore[attr-defined]
        c.restoreState()  # type: ignore[attr-defined]
        c.setFont("Helvetica", 8)  # type: ignore[attr-defined]
        c.drawString(60, 805, "Harbourside Town Council")  # type: ignore[attr-defined]
        c.drawRightString(535, 805, "Planning and Environment Committee - 4 June 2024")  # type: ignore[attr-defined]
        c.line(60, 800, 535, 800)  # type: ignore[attr-defined]
        c.line(60, 52, 535, 52)  # type: ignore[attr-defined]
        c.drawString(60, 40, "Draft minutes - subject to approval at the next meeting")  # type: ignore[attr-defined]
        c.drawRightString(535, 40, f"Page {number} of {total}")  # type: ignore[attr-defined]

    render_pdf(path, layout, "Harbourside Town Council P&E Committee 4 June 2024", furniture)


# --------------------------------------------------------------------------------------------
# DOCX (python-docx), with fixed core properties and zip timestamps
# --------------------------------------------------------------------------------------------


def _fixed_core_properties(document: object, title: str, created: dt.datetime) -> None:
    props = document.core_properties  # type: ignore[attr-defined]
    props.author = "minutes-parser corpora generator (fictional)"
    props.last_modified_by = "minutes-parser corpora generator (fictional)"
    props.title = title
    props.created = created
    props.modified = created
    props.last_printed = created
    props.revision = 1
    props.comments = "Fictional minutes written for minutes-parser tests."


def _save_docx_deterministic(document: object, path: Path) -> None:
    """Save, then rewrite the zip with sorted-as-written entries and one fixed timestamp."""
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    buffer.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    path.write_bytes(out.getvalue())


def _restart_numbering(document: object, paragraph: object) -> None:
    """Make paragraph (style List Number) start a new list at 1, as Word does on 'Restart'."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    style = paragraph.style  # type: ignore[attr-defined]
    style_num = style.element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    abstract_id = None
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == str(style_num):
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    assert abstract_id is not None
    used = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    new_id = max(used) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    abstract = OxmlElement("w:abstractNumId")
    abstract.set(qn("w:val"), abstract_id)
    num.append(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    p_pr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), str(new_id))
    num_pr.append(ilvl)
    num_pr.append(num_id)
    p_pr.insert(1 if p_pr.find(qn("w:pStyle")) is not None else 0, num_pr)


def _numbered_list(document: object, entries: Sequence[str]) -> None:
    first = True
    for entry in entries:
        paragraph = document.add_paragraph(entry, style="List Number")  # type: ignore[attr-defined]
        if first:
            _restart_numbering(document, paragraph)
            first = False


def _bold_label(document: object, label: str, text: str) -> None:
    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    paragraph.add_run(label).bold = True
    paragraph.add_run(" " + text)


def _table(document: object, rows: Sequence[Sequence[str]], header: bool) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = text
            if header and r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def kestrel_docx(path: Path) -> None:
    """Heading styles, numbered lists (restarted), a closing Action | Owner | Due table."""
    from docx import Document

    document = Document()
    _fixed_core_properties(
        document, "Kestrel Vale Town Council F&GP minutes", dt.datetime(2024, 11, 21, 9, 0, 0)
    )
    document.add_paragraph("Kestrel Vale Town Council", style="Title")
    document.add_paragraph(
        "Minutes of the meeting of the Finance and General Purposes Committee held on Tuesday "
        "19 November 2024 at 7.00 pm in the Council Chamber, Town Hall, Market Place."
    )
    _bold_label(
        document,
        "Present:",
        "Cllr Rhys Bannerman (RB) (Chair), Cllr Amara Osei (AO) (Vice-Chair), "
        "Cllr Colin Threlfall (CT), Cllr Sarah Denholm (SD), Cllr Yusuf Karim (YK).",
    )
    _bold_label(document, "In attendance:", "Joanna Reeve, Town Clerk and RFO (JR).")
    _bold_label(document, "Apologies:", "Cllr Dominic Ashby.")

    def heading(text: str) -> None:
        document.add_heading(text, level=1)

    def para(text: str) -> None:
        document.add_paragraph(text)

    heading("FGP/24/40 Apologies for absence")
    para("Apologies were received and accepted from Cllr Ashby.")
    heading("FGP/24/41 Declarations of interest")
    para("There were none.")
    heading("FGP/24/42 Minutes of the previous meeting")
    para(
        "RESOLVED that the minutes of the meeting held on 17 September 2024 be approved as a "
        "correct record."
    )
    heading("FGP/24/43 Budget and precept 2025/26")
    para("The Town Clerk presented the draft budget for 2025/26. Members considered in particular:")
    _numbered_list(
        document,
        [
            "the cost of the new grounds maintenance contract, which starts in April;",
            "an increase in the annual grant to the Kestrel Vale Youth Hub;",
            "a contribution to the earmarked reserve for the pavilion roof.",
        ],
    )
    para("RESOLVED to recommend to Full Council:")
    _numbered_list(
        document,
        [
            "that the budget for 2025/26 be set at £412,600;",
            "that the precept for 2025/26 be set at £298,000, an increase of 3.9 per cent.",
        ],
    )
    para(
        "The Town Clerk to prepare the precept report for the Full Council meeting on "
        "10 December 2024."
    )
    heading("FGP/24/44 Internal audit")
    para(
        "The interim internal audit report was received. The auditor had made two "
        "recommendations: the asset register should record the new play equipment, and the "
        "financial regulations should be brought up to date."
    )
    para("Members noted the report and accepted both recommendations.")
    para("The RFO to update the asset register and the financial regulations by 31 January 2025.")
    heading("FGP/24/45 Community grants")
    para("Applications had been received from three groups.")
    para(
        "RESOLVED to award grants of £750 to Kestrel Vale Bowls Club and £400 to the Friends "
        "of Linden Park."
    )
    para(
        "The application from the Vale Motor Club was declined, as it falls outside the "
        "grants policy."
    )
    para("The Clerk to write to each applicant with the outcome by 29 November.")
    heading("FGP/24/46 Insurance renewal")
    para(
        "The broker's renewal terms were considered. RESOLVED to enter a three-year "
        "long-term agreement with the current insurer at £6,214 a year."
    )
    para(
        "Cllr Osei to review the fidelity guarantee cover with the broker before the renewal "
        "date of 1 January 2025."
    )
    heading("FGP/24/47 Staffing")
    para(
        "Members noted the appointment of a part-time Facilities Assistant, who starts on "
        "2 December."
    )
    para("The Chair and Vice-Chair will carry out the Town Clerk's annual appraisal in January.")
    heading("FGP/24/48 Date of next meeting")
    para("Tuesday 21 January 2025 at 7.00 pm in the Council Chamber.")
    document.add_heading("Summary of actions", level=2)
    _table(
        document,
        [
            ("Action", "Owner", "Due"),
            ("Prepare the precept report for Full Council", "JR", "10 December 2024"),
            ("Update the asset register and financial regulations", "JR", "31 January 2025"),
            ("Write to the grant applicants with the outcome", "JR", "29 November 2024"),
            ("Review the fidelity guarantee cover with the broker", "AO", "1 January 2025"),
            ("Carry out the Town Clerk's annual appraisal", "RB / AO", "January 2025"),
        ],
        header=True,
    )
    _save_docx_deterministic(document, path)


def brackenfold_docx(path: Path) -> None:
    """Bold-paragraph headings (no heading styles), a two-column attendance table."""
    from docx import Document

    document = Document()
    _fixed_core_properties(
        document, "Brackenfold Parish Council minutes", dt.datetime(2025, 1, 17, 10, 30, 0)
    )
    title = document.add_paragraph()
    title.add_run("BRACKENFOLD PARISH COUNCIL").bold = True
    document.add_paragraph(
        "Minutes of the Parish Council meeting held on Wednesday 15 January 2025 at 7.30 pm in "
        "Brackenfold Village Hall."
    )
    present = document.add_paragraph()
    present.add_run("Present:").bold = True
    _table(
        document,
        [
            ("Cllr Sophie Marchant (SM), Chair", "Cllr Ian Fairweather (IF)"),
            ("Cllr Leon Castell (LC), Vice-Chair", "Cllr Ruth Emberton (RE)"),
            ("Cllr Kamal Haque (KH)", "Cllr Jenny Pollard (JP)"),
        ],
        header=False,
    )
    _bold_label(
        document,
        "In attendance:",
        "Martin Oyelaran, Parish Clerk (MO); three members of the public.",
    )
    _bold_label(document, "Apologies:", "Cllr Bryony Steel.")

    def heading(text: str) -> None:
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = True

    def para(text: str) -> None:
        document.add_paragraph(text)

    heading("1. Welcome and apologies")
    para("The Chair welcomed everyone. Apologies from Cllr Steel were accepted.")
    heading("2. Declarations of interest")
    para("Cllr Haque declared an interest in item 6 as a trustee of the village hall.")
    heading("3. Minutes of the meeting held on 11 December 2024")
    para("The minutes were agreed as a true record and signed by the Chair.")
    heading("4. Matters arising")
    para("The Clerk confirmed that the grit bins on Fell Road and Chapel Brow had been refilled.")
    para(
        "Cllr Pollard asked whether the broken bench at the bus stop had been reported. "
        "The Clerk will report it again this week."
    )
    heading("5. Finance")
    para("The Council approved the payments of £1,874.40 listed in the schedule.")
    para(
        "RESOLVED unanimously to set the precept for 2025/26 at £24,500 (proposed Cllr "
        "Castell, seconded Cllr Emberton)."
    )
    para("The Clerk to notify the District Council of the precept by 31 January.")
    heading("6. Village hall heating")
    para(
        "Cllr Haque left the room. The hall committee had asked for help towards replacing "
        "the hall's failed boiler with air-source heat pumps."
    )
    para("RESOLVED to give £2,000 from reserves towards the new heating system.")
    para("The Clerk to send the payment once an invoice is received. Cllr Haque returned.")
    heading("7. Footpaths and rights of way")
    para(
        "Cllr Fairweather reported a fallen tree across footpath 12 near Gill Bridge. "
        "IF will report it to the County Council's countryside team."
    )
    para(
        "The annual footpath walk will take place in April. LC to organise volunteers and a "
        "route by the March meeting."
    )
    heading("8. Neighbourhood Plan")
    para(
        "Members agreed to set up a Neighbourhood Plan working group of Cllrs Marchant, "
        "Pollard and Castell."
    )
    para("The working group will report to the next meeting with draft terms of reference.")
    heading("9. Date of next meeting")
    para("Wednesday 12 February 2025 at 7.30 pm in Brackenfold Village Hall.")
    para("The meeting closed at 9.10 pm.")
    para("Signed ........................................ Chair      Date ....................")
    _save_docx_deterministic(document, path)


# --------------------------------------------------------------------------------------------
# HTML: headings, <strong> sub-topics, an action table, and two items in a <pre> block
# --------------------------------------------------------------------------------------------

OTTERFORD_PRE = """\
107/24  PLANNING

a) 24/01123/HOU - Rear conservatory, 7 Kiln Lane. The Council
   raised no objection.

b) 24/01140/FUL - Agricultural store, Top Farm, Ford Lane. The
   Council objects to the size of the building in open countryside.
   The Clerk to send the objection by 11 October.

108/24  HIGHWAYS AND FOOTPATHS

The Council noted the County Council's reply about flooding on
Ford Lane. Cllr Vance will meet the highways officer on site next
week.
"""


def otterford_html(path: Path) -> None:
    def p(text: str) -> str:
        return f"<p>{escape(text, quote=False)}</p>"

    def sub(label: str, text: str) -> str:
        return f"<p><strong>{escape(label)}</strong> {escape(text, quote=False)}</p>"

    def h2(text: str) -> str:
        return f"<h2>{escape(text)}</h2>"

    body = [
        "<h1>Otterford Parish Council</h1>",
        p(
            "Minutes of the meeting of Otterford Parish Council held on Wednesday 2 October "
            "2024 at 7.30 pm in Otterford Memorial Hall."
        ),
        sub(
            "Present:",
            "Cllr Edward Abbott (EA) (Chair), Cllr Hannah Vance (HV), Cllr Joseph Yeo (JY), "
            "Cllr Marion Clegg (MC), Cllr Tariq Bashir (TB).",
        ),
        sub(
            "In attendance:",
            "Rosalind Pike, Clerk (RP); District Cllr Nora Bramwell; two members of the public.",
        ),
        h2("101/24 Apologies for absence"),
        p("Apologies were received from Cllr Harriet Quill (holiday) and accepted."),
        h2("102/24 Declarations of interest"),
        p("None."),
        h2("103/24 Minutes of the previous meeting"),
        p(
            "RESOLVED that the minutes of the meeting held on 4 September 2024 be signed as a "
            "correct record."
        ),
        h2("104/24 Reports"),
        sub("Police.", "No report had been received."),
        sub(
            "District Councillor.",
            "Cllr Bramwell reported that the District Council's consultation on garden waste "
            "charges would run until the end of November. She will send the Clerk the "
            "consultation link.",
        ),
        sub(
            "Clerk.",
            "The Clerk reported that the new noticeboard had been installed outside the shop.",
        ),
        h2("105/24 Finance"),
        p("RESOLVED to approve payments totalling £936.20."),
        p("The Council noted the half-year budget report."),
        h2("106/24 Play area"),
        sub(
            "Fence.",
            "The monthly inspection had found rot in two fence posts by the gate. RESOLVED to "
            "accept the quote of £420 from Tor Fencing to replace them.",
        ),
        sub(
            "Litter bin.",
            "The bin by the swings is often full at weekends. JY to ask the District Council "
            "for an extra collection on Mondays.",
        ),
        f"<pre>{escape(OTTERFORD_PRE, quote=False)}</pre>",
        h2("109/24 Remembrance Sunday"),
        p(
            "Cllr Abbott will lay the Council's wreath at the war memorial. The Clerk to order "
            "the wreath by 18 October."
        ),
        h2("110/24 Date of next meeting"),
        p("Wednesday 6 November 2024 at 7.30 pm in Otterford Memorial Hall."),
        h2("Action list"),
        "<table>",
        "<thead><tr><th>Action</th><th>Owner</th><th>Due</th></tr></thead>",
        "<tbody>",
    ]
    for action, owner, due in (
        ("Send the consultation link on garden waste charges", "Cllr Bramwell", ""),
        ("Ask for an extra Monday collection of the play area bin", "JY", ""),
        ("Send the objection to 24/01140/FUL", "RP", "11 October 2024"),
        ("Meet the highways officer about Ford Lane flooding", "HV", "next week"),
        ("Order the Remembrance wreath", "RP", "18 October 2024"),
        ("Lay the wreath at the war memorial", "EA", "10 November 2024"),
    ):
        body.append(
            f"<tr><td>{escape(action)}</td><td>{escape(owner)}</td><td>{escape(due)}</td></tr>"
        )
    body += ["</tbody>", "</table>", "<p>The meeting closed at 9.02 pm.</p>"]
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        "<title>Minutes - 2 October 2024 - Otterford Parish Council</title>\n"
        "</head>\n<body>\n"
        '<nav><a href="index.html">Home</a> | <a href="minutes.html">Minutes</a></nav>\n'
        "<main>\n" + "\n".join(body) + "\n</main>\n"
        "<footer><p>Otterford Parish Council - fictional example</p></footer>\n"
        "</body>\n</html>\n"
    )
    path.write_text(page, encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------------------------

DOCUMENTS: dict[str, Callable[[Path], None]] = {
    "ashcombe_wick_parish_2024-09-10.pdf": ashcombe_pdf,
    "harbourside_planning_2024-06-04.pdf": harbourside_pdf,
    "kestrel_vale_fgp_2024-11-19.docx": kestrel_docx,
    "brackenfold_parish_2025-01-15.docx": brackenfold_docx,
    "otterford_parish_2024-10-02.html": otterford_html,
}


def generate(out_dir: Path) -> list[Path]:
    """Write every document into out_dir; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, write in DOCUMENTS.items():
        target = out_dir / name
        write(target)
        written.append(target)
    return written


# --------------------------------------------------------------------------------------------
# corpora/examples/: one short set of minutes per binary format, for newcomers to try
# --------------------------------------------------------------------------------------------

EXAMPLES_DIR = HERE.parent / "examples"
EXAMPLE_PASSWORD = "lowmere"  # the password of the protected PDF example (fictional)

LOWMERE_HEADER = (
    "Minutes of the meeting of Lowmere Parish Council held on Wednesday 8 May 2024 at 7.30 pm "
    "in Lowmere Village Hall."
)
LOWMERE_PRESENT = "Cllr Ruth Okafor (RO) (Chair), Cllr Ben Thistlewood (BT), Cllr Alys Morgan (AM)."
LOWMERE_ATTENDING = "Helen Darby, Clerk (HD)."
LOWMERE_ITEMS: list[tuple[str, list[str]]] = [
    ("24/41 Apologies for absence", ["Apologies were received from Cllr Sam Pryce."]),
    (
        "24/42 Minutes of the last meeting",
        ["RESOLVED: that the minutes of the meeting held on 10 April 2024 be approved."],
    ),
    (
        "24/43 Village green benches",
        [
            "Two benches on the green have rotten slats. Three quotes had been received.",
            "RESOLVED: to accept the quote of £460 from Marsh Joinery to repair both benches.",
            "HD to place the order by 17 May.",
        ],
    ),
    (
        "24/44 Speedwatch",
        [
            "Volunteers logged 112 vehicles over the limit on Mill Road in April.",
            "BT to ask the police for a mobile speed camera visit before the summer.",
        ],
    ),
    ("24/45 Date of next meeting", ["Wednesday 12 June 2024 at 7.30 pm."]),
]


def _lowmere_layout() -> PdfLayout:
    layout = PdfLayout(top=770.0, bottom=70.0)
    layout.centred("LOWMERE PARISH COUNCIL", "Helvetica-Bold", 15)
    layout.skip(24)
    layout.wrapped(60, 475, LOWMERE_HEADER, leading=14)
    layout.skip(6)
    layout.wrapped(60, 475, f"Present: {LOWMERE_PRESENT}", leading=14)
    layout.wrapped(60, 475, f"In attendance: {LOWMERE_ATTENDING}", leading=14)
    layout.skip(10)
    for heading, paragraphs in LOWMERE_ITEMS:
        layout.need(40)
        layout.text(60, heading, "Helvetica-Bold", 11)
        layout.skip(17)
        for paragraph in paragraphs:
            layout.wrapped(60, 475, paragraph, leading=14)
            layout.skip(12)
        layout.skip(8)
    layout.text(60, "The meeting closed at 8.40 pm.")
    return layout


def _lowmere_furniture(pdf: object, number: int, total: int) -> None:
    pdf.setFont("Helvetica", 8)  # type: ignore[attr-defined]
    pdf.drawRightString(535, 40, f"Page {number} of {total}")  # type: ignore[attr-defined]


def lowmere_pdf(path: Path) -> None:
    render_pdf(path, _lowmere_layout(), "Lowmere Parish Council 8 May 2024", _lowmere_furniture)


def lowmere_protected_pdf(path: Path) -> None:
    """The same minutes, encrypted: open with --password lowmere."""
    render_pdf(
        path,
        _lowmere_layout(),
        "Lowmere Parish Council 8 May 2024",
        _lowmere_furniture,
        password=EXAMPLE_PASSWORD,
    )


def fenwick_docx(path: Path) -> None:
    """A community council's minutes in Word: heading styles, bold labels, an action table."""
    from docx import Document

    document = Document()
    _fixed_core_properties(
        document, "Fenwick Bridge Community Council minutes", dt.datetime(2024, 6, 20, 9, 0, 0)
    )
    document.add_paragraph("Fenwick Bridge Community Council", style="Title")
    document.add_paragraph(
        "Minutes of the meeting held on Tuesday 18 June 2024 at 7.00 pm in the Scout Hut, "
        "Fenwick Bridge."
    )
    _bold_label(
        document,
        "Present:",
        "Cllr Mared Price (MP) (Chair), Cllr Owen Lacey (OL), Cllr Nia Farrant (NF).",
    )
    _bold_label(document, "In attendance:", "Gareth Yale, Clerk (GY).")
    _bold_label(document, "Apologies:", "Cllr Tom Brereton.")
    for heading, paragraphs in (
        (
            "1. Minutes of the previous meeting",
            ["The minutes of the meeting held on 21 May 2024 were approved as a true record."],
        ),
        (
            "2. Footpath 14 stile",
            [
                "The stile at the north end of Footpath 14 is broken.",
                "GY to report the stile to the county rights of way team by 28 June.",
            ],
        ),
        (
            "3. Summer fete",
            [
                "The fete will be held on the playing field on Saturday 20 July.",
                "It was agreed to spend up to £250 on bunting and a first aid tent.",
                "NF will book the bouncy castle by the end of June.",
            ],
        ),
        ("4. Date of next meeting", ["Tuesday 16 July 2024 at 7.00 pm."]),
    ):
        document.add_heading(heading, level=1)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    _save_docx_deterministic(document, path)


def calder_html(path: Path) -> None:
    """A trust's minutes as a web page: headings, paragraphs, a decision in bold."""

    def p(text: str) -> str:
        return f"<p>{escape(text, quote=False)}</p>"

    body = [
        "<h1>Calder Reach Allotment Trust</h1>",
        p(
            "Minutes of the meeting of the Trustees of Calder Reach Allotment Trust held on "
            "Thursday 4 April 2024 at 6.30 pm in the Calder Reach Pavilion."
        ),
        "<p><strong>Present:</strong> Irene Walsh (IW) (Chair), Kofi Mensah (KM), "
        "Polly Ashdown (PA), Declan Roe (DR).</p>",
        "<h2>1. Water supply</h2>",
        p("The standpipe on plot row C leaks at the joint."),
        p("KM to replace the standpipe joint by 30 April."),
        "<h2>2. Plot rents</h2>",
        "<p><strong>Decision:</strong> the trustees agreed to keep plot rents at £38 a year "
        "for 2024/25.</p>",
        "<h2>3. Open day</h2>",
        p("PA will draft a poster for the open day and circulate it to trustees."),
        "<h2>4. Next meeting</h2>",
        p("Thursday 2 May 2024 at 6.30 pm."),
    ]
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        "<title>Minutes - 4 April 2024 - Calder Reach Allotment Trust</title>\n"
        "</head>\n<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )
    path.write_text(page, encoding="utf-8", newline="\n")


def lowmere_scanned_pdf(path: Path) -> None:
    """The same minutes as a scan: one page image, no text layer (try it with --ocr).

    The page is drawn with Pillow's built-in font, so its bytes depend on the Pillow version;
    the other examples are byte-for-byte deterministic.
    """
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader, simpleSplit
    from reportlab.pdfgen import canvas

    scale = 150 / 72  # a 150 dpi scan of an A4 page
    image = Image.new("L", (round(PAGE_W * scale), round(PAGE_H * scale)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=22)
    bold = ImageFont.load_default(size=26)
    y = 110.0

    def line(text: str, face: object = font, gap: float = 34.0) -> None:
        nonlocal y
        draw.text((120, y), text, fill=0, font=face)  # type: ignore[arg-type]
        y += gap

    def paragraph(text: str) -> None:
        for part in simpleSplit(text, "Helvetica", 10, 440):
            line(part)
        line("", gap=10)

    line("LOWMERE PARISH COUNCIL", bold, 50)
    paragraph(LOWMERE_HEADER)
    paragraph(f"Present: {LOWMERE_PRESENT}")
    paragraph(f"In attendance: {LOWMERE_ATTENDING}")
    for heading, paragraphs in LOWMERE_ITEMS:
        line(heading, bold, 40)
        for text in paragraphs:
            paragraph(text)
    line("The meeting closed at 8.40 pm.")
    pdf = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    pdf.setTitle("Lowmere Parish Council 8 May 2024 (scan)")
    pdf.drawImage(ImageReader(image), 0, 0, PAGE_W, PAGE_H)
    pdf.showPage()
    pdf.save()


EXAMPLES: dict[str, Callable[[Path], None]] = {
    "lowmere-parish-council-2024-05.pdf": lowmere_pdf,
    "fenwick-bridge-community-council-2024-06.docx": fenwick_docx,
    "calder-reach-allotment-trust-2024-04.html": calder_html,
    # No gold file beside it (scoring cannot open it without the password): a folder of its own.
    "protected/lowmere-parish-council-2024-05-protected.pdf": lowmere_protected_pdf,
    # A scan (no text layer): reading it needs --ocr and tesseract. No gold file either.
    "scanned/lowmere-parish-council-2024-05-scan.pdf": lowmere_scanned_pdf,
}


def generate_examples(out_dir: Path) -> list[Path]:
    """Write the examples of corpora/examples/ into out_dir; returns their paths."""
    written = []
    for name, write in EXAMPLES.items():
        target = out_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        write(target)
        written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Write corpora/generated/ (or OUTPUT_DIR) and, without OUTPUT_DIR, corpora/examples/ too."""
    args = list(sys.argv[1:] if argv is None else argv)
    out_dir = Path(args[0]) if args else HERE
    paths = generate(out_dir)
    if not args:
        paths += generate_examples(EXAMPLES_DIR)
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
