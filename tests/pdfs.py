"""PDFs made in the tests from known text: columns, running headers, page numbers, hyphenation.

Built with fpdf2, so each test knows exactly what the document says and where. Hostile files
(bombs, loops, broken cross-references) are written byte by byte, as an attacker would.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone

from fpdf import FPDF

HARBOUR_PARAGRAPHS = tuple(
    f"{opening} The harbour authority said on Thursday that the north quay, closed since the January storms, "
    f"will take ships again from Monday, week {number}. Engineers replaced {number + 11} metres of the sea wall "
    f"and rebuilt the crane rails, and the ferry timetable returns to its summer pattern."
    for number, opening in enumerate((
        "Ferries will dock at the north quay again.", "The work cost less than planned.",
        "Fishing boats moved to the south basin during the repairs.", "Traders on the quay welcomed the news.",
        "The storm season left damage along the whole coast.", "Pilots will guide the first ships in.",
        "A second phase of repairs starts in autumn.", "The quay's cafés reopen at Easter.",
    ) * 2, start=1)
)  # sixteen paragraphs: two pages in one column
HYPHENATED_LINE_END = ("The engineers worked through every night, said the harbour master, and the result is a "
                       "remarkable piece of infra-", "structure that the town can be proud of for decades.")


@dataclass
class Spec:
    """What a test PDF holds."""

    title: str = "The north quay reopens after the storm season"
    date_line: str | None = "7 April 2022"
    paragraphs: tuple[str, ...] = HARBOUR_PARAGRAPHS
    columns: int = 1
    running_header: str | None = "Harbour Authority · Quarterly Bulletin"
    page_numbers: bool = True
    metadata_title: str | None = None
    created: datetime = field(default_factory=lambda: datetime(2022, 4, 6, 18, 0, tzinfo=timezone.utc))
    closing_lines: tuple[str, ...] = ()  # a last paragraph, broken into these lines (a hyphenated line end)
    copyright: str | None = None
    user_password: str | None = None
    font_folder: str | None = None  # a folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf, for text beyond Latin-1


def build_pdf(spec: Spec) -> bytes:
    """The PDF the spec describes."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(spec.created)
    if spec.metadata_title:
        pdf.set_title(spec.metadata_title)
    if spec.user_password:
        pdf.set_encryption(owner_password="owner", user_password=spec.user_password)
    family = "Helvetica"
    if spec.font_folder:
        family = "DejaVu"
        pdf.add_font(family, "", f"{spec.font_folder}/DejaVuSans.ttf")
        pdf.add_font(family, "B", f"{spec.font_folder}/DejaVuSans-Bold.ttf")

    def header() -> None:
        if spec.running_header:
            pdf.set_font(family, size=8)
            pdf.cell(0, 5, spec.running_header, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)

    def footer() -> None:
        if spec.page_numbers:
            pdf.set_y(-15)
            pdf.set_font(family, size=8)
            pdf.cell(0, 10, f"Page {pdf.page_no()}", align="C")

    pdf.header = header  # type: ignore[method-assign]
    pdf.footer = footer  # type: ignore[method-assign]
    pdf.add_page()
    pdf.set_font(family, "B", 20)
    pdf.multi_cell(0, 10, spec.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, size=11)
    if spec.date_line:
        pdf.multi_cell(0, 6, spec.date_line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    with pdf.text_columns(ncols=spec.columns, gutter=10) as columns:
        for paragraph in spec.paragraphs:
            columns.write(text=paragraph + "\n\n")
        if spec.closing_lines:  # one paragraph, broken where the spec says
            columns.write(text="\n".join(spec.closing_lines) + "\n\n")
    if spec.copyright:
        pdf.ln(6)
        pdf.cell(0, 6, spec.copyright, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A page that is only a picture of text: no text layer."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 300), "white")
    ImageDraw.Draw(image).text((20, 20), "A scanned letter from the harbour master", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(io.BytesIO(buffer.getvalue()), x=10, y=10, w=180)
    return bytes(pdf.output())


def raw_pdf(objects: list[bytes], *, root: int = 1, xref: bool = True) -> bytes:
    """A PDF written object by object (numbered from 1), with a correct cross-reference table or none."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, start)
    return bytes(out)


def page_objects(content: bytes, *, filters: bytes = b"") -> list[bytes]:
    """Catalog, page tree, one page with Helvetica, and its content stream."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d %s>>\nstream\n" % (len(content), filters) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def inflating_bomb(megabytes: int) -> bytes:
    """A content stream that inflates to `megabytes` MB of spaces inside a few hundred kilobytes."""
    compressor = zlib.compressobj(9)
    chunk = b" " * 1_000_000
    data = b"".join(compressor.compress(chunk) for _ in range(megabytes)) + compressor.flush()
    return raw_pdf(page_objects(data, filters=b"/Filter /FlateDecode "))


def circular_pdf() -> bytes:
    """A page tree whose node lists itself as its own child."""
    objects = page_objects(b"BT /F1 12 Tf 72 720 Td (A page tree that loops back on itself) Tj ET")
    objects[1] = b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"
    return raw_pdf(objects)


def broken_xref_pdf() -> bytes:
    """A readable page behind a cross-reference table that points at the wrong places."""
    good = raw_pdf(page_objects(b"BT /F1 12 Tf 72 720 Td (A readable page behind a broken table) Tj ET"))
    return good.replace(b"0000000009 00000 n", b"0000099999 00000 n")
