"""The `pdf` set: the development articles typeset as PDFs, read back by the PDF reader.

Each Readability.js page with a title and at least ARTICLE_MIN_CHARS of reference text becomes a
PDF (tests/pdfs.py, fpdf2): its title in large type, its reference paragraphs in one column or,
every other page, two, under a running header and over page numbers. The reference text is what
went in, so body F1 says how much of it comes back, in order, without the running lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench.scoring.extraction import precision_recall
from bench.scoring.page import PageScore, quotes_are_verbatim
from bench.scoring.soundness import summary_is_sound
from bench.sets.datasets import dev_pages
from digest.errors import DigestError
from digest.model import DigestOptions, Page
from digest.pipeline import digest_page
from tests.pdfs import Spec, build_pdf

ARTICLE_MIN_CHARS = 500
CJK_START = 0x2E80
FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core: text beyond Latin-1


@dataclass(frozen=True, slots=True)
class PdfPage:
    name: str
    title: str
    paragraphs: tuple[str, ...]
    data: bytes


def pdf_pages() -> list[PdfPage]:
    """The development articles as PDFs (built in memory, a few seconds for all)."""
    font = str(FONT_FOLDER) if (FONT_FOLDER / "DejaVuSans.ttf").exists() else None
    pages = []
    for number, page in enumerate(dev_pages()):
        paragraphs = tuple(p for p in page.expected_text.split("\n\n") if p.strip())
        if not page.title or sum(map(len, paragraphs)) < ARTICLE_MIN_CHARS or beyond_font(page.title, *paragraphs):
            continue
        spec = Spec(title=page.title, date_line=None, paragraphs=paragraphs, columns=1 + number % 2,
                    running_header=f"{page.site or page.name} · PDF edition", font_folder=font)
        if font is None:  # Helvetica speaks Latin-1 only
            spec = Spec(**{**spec.__dict__, "title": latin1(spec.title),
                           "paragraphs": tuple(map(latin1, paragraphs)), "running_header": latin1(spec.running_header)})
        try:
            data = build_pdf(spec)
        except Exception:  # noqa: BLE001 - a glyph the font lacks: the page is left out, not the set
            continue
        pages.append(PdfPage(name=page.name, title=spec.title, paragraphs=spec.paragraphs, data=data))
    return pages


def beyond_font(*texts: str) -> bool:
    """Text in scripts DejaVu Sans has no glyphs for (CJK): such a PDF would not hold the text."""
    return any(ord(char) >= CJK_START for text in texts for char in text)


def latin1(text: str | None) -> str:
    return (text or "").encode("latin-1", "replace").decode("latin-1")


def score_pdf(page: PdfPage) -> PageScore:
    """Body F1 against the text typeset, exact title, sound summary."""
    try:
        digest = digest_page(Page(content=page.data, kind="pdf"), DigestOptions())
    except DigestError as error:
        precision, recall = precision_recall("\n\n".join(page.paragraphs), "")
        return PageScore(page.name, precision, recall, title=False, error=type(error).__name__)
    precision, recall = precision_recall("\n\n".join(page.paragraphs), digest.body)
    sound, why = summary_is_sound(digest, list(page.paragraphs))
    score = PageScore(page.name, precision, recall, title=digest.title.split() == page.title.split(), summary_ok=sound,
                      quotes_verbatim=quotes_are_verbatim(digest), quotes=len(digest.quotes), notes=why)
    if not score.title:
        score.notes.append(f"title {digest.title!r} != {page.title!r}")
    return score
