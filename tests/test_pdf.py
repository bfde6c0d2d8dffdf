"""PDFs become digests: text in reading order, running lines out, paragraphs reflowed; clear refusals.

Every PDF here is made in the test (tests/pdfs.py) from known text, so what the reader must find
is known exactly.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from digest.errors import DamagedPdfError, DigestError, LockedPdfError, ScannedPdfError
from digest.model import DigestOptions, Page
from digest.pdf import read_pdf
from digest.pdf.layout import Line, PageText, Run, drop_running_lines, join_lines, reflow, split_columns
from digest.pdf.reader import metadata_date, metadata_title
from digest.pipeline import digest_page
from tests.pdfs import (
    HARBOUR_PARAGRAPHS, HYPHENATED_LINE_END, Spec, broken_xref_pdf, build_pdf, circular_pdf, scanned_pdf,
)

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"


def digest_of(spec: Spec, **options: int):  # type: ignore[no-untyped-def]
    return digest_page(Page(content=build_pdf(spec), kind="pdf", url="https://harbour.example.org/bulletin.pdf"),
                       DigestOptions(**options))


@pytest.mark.parametrize("columns", [1, 2])
def test_paragraphs_come_back_whole_and_in_order(columns: int) -> None:
    digest = digest_of(Spec(columns=columns))
    assert digest.title == "The north quay reopens after the storm season"
    assert digest.body.split("\n\n") == ["7 April 2022", *HARBOUR_PARAGRAPHS]
    assert digest.published == date(2022, 4, 7)
    assert digest.dateline == "7 April 2022"
    assert digest.site == "harbour.example.org"
    assert digest.summary.startswith("Ferries will dock at the north quay again.")
    assert digest.language == "en"


def test_running_headers_and_page_numbers_are_not_text() -> None:
    digest = digest_of(Spec(paragraphs=HARBOUR_PARAGRAPHS * 2))
    assert "Quarterly Bulletin" not in digest.body and "Page " not in digest.body


def test_a_word_hyphenated_at_a_line_end_is_whole_again() -> None:
    digest = digest_of(Spec(closing_lines=HYPHENATED_LINE_END))
    assert "remarkable piece of infrastructure that the town" in digest.body


def test_a_hyphen_the_document_writes_elsewhere_stays() -> None:
    lines = ["The well-known quay", "was full of well-", "known faces."]
    assert join_lines(join_lines(lines[0], lines[1], {"well-known"}), lines[2], {"well-known"}).endswith(
        "well-known faces.")
    assert join_lines("a piece of infra-", "structure", set()) == "a piece of infrastructure"
    assert join_lines("Eastern Europe -", "what next", set()) == "Eastern Europe - what next"


def test_a_real_metadata_title_wins_and_a_word_processors_default_does_not() -> None:
    assert digest_of(Spec(metadata_title="Quarterly bulletin: the north quay")).title == (
        "Quarterly bulletin: the north quay")
    assert digest_of(Spec(metadata_title="Microsoft Word - draft3.docx")).title == (
        "The north quay reopens after the storm season")
    for default in ("untitled", "report_final_v2.pdf", "bulletin.indd", "Document1", ""):
        assert metadata_title({"Title": default}) is None


def test_the_date_comes_from_the_text_else_from_the_metadata() -> None:
    assert digest_of(Spec(date_line=None)).published == datetime(2022, 4, 6, 18, 0, tzinfo=timezone.utc)
    assert metadata_date("D:20220407070200+03'00'") == datetime(
        2022, 4, 7, 7, 2, tzinfo=timezone(__import__("datetime").timedelta(hours=3)))
    assert metadata_date("D:2022") == date(2022, 1, 1)
    assert metadata_date("yesterday") is None


def test_a_copyright_line_names_the_publisher() -> None:
    assert digest_of(Spec(copyright="© 2022 Harbour Authority of Porthaven. All rights reserved.")).site == (
        "Harbour Authority of Porthaven")


def test_a_long_document_is_read_up_to_the_limit_and_says_so() -> None:
    digest = digest_of(Spec(), pdf_max_pages=1)
    assert digest.note is not None and "the digest reads the first 1" in digest.note
    assert digest.to_json("x")["note"] == digest.note
    assert digest_of(Spec()).note is None


@pytest.mark.parametrize(("data", "error"), [
    (scanned_pdf(), ScannedPdfError),
    (build_pdf(Spec(user_password="secret")), LockedPdfError),
    (b"%PDF-1.7\n" + bytes(range(256)) * 20, DamagedPdfError),
    (b"%PDF-1.4", DamagedPdfError),
])
def test_what_cannot_be_read_gets_its_own_sentence(data: bytes, error: type[DigestError]) -> None:
    with pytest.raises(error) as caught:
        read_pdf(data)
    assert caught.value.user_message.endswith(".")


def test_a_circular_page_tree_and_a_broken_table_do_not_hang() -> None:
    for data in (circular_pdf(), broken_xref_pdf()):
        try:
            read_pdf(data)
        except DigestError as error:
            assert error.user_message
    assert read_pdf(broken_xref_pdf()).paragraphs == ("A readable page behind a broken table",)


def run(text: str, left: float, top: float, width: float = 200, size: float = 10) -> Run:
    return Run(text=text, left=left, bottom=top - size, right=left + width, top=top, size=size)


def test_two_columns_are_read_one_after_the_other() -> None:
    left = [run(f"left {i}", 50, 700 - 12 * i) for i in range(8)]
    right = [run(f"right {i}", 320, 700 - 12 * i) for i in range(8)]
    title = run("A title across both columns", 50, 760, width=480, size=20)
    flows = split_columns(PageText(runs=(title, *right, *left), width=595, height=842))
    assert [[r.text for r in flow] for flow in flows][0] == ["A title across both columns"]
    assert [r.text for r in flows[1]] == [r.text for r in left] and [r.text for r in flows[2]] == [r.text for r in right]


def test_one_column_with_short_lines_stays_one_flow() -> None:
    runs = tuple(run(f"line {i}", 50 + (i % 2) * 300, 700 - 12 * i, width=150) for i in range(12))
    assert len(split_columns(PageText(runs=runs, width=595, height=842))) == 1


def line(text: str, top: float, page: int, left: float = 50, right: float = 500) -> Line:
    return Line(text=text, left=left, bottom=top - 10, right=right, top=top, size=10, column_left=50,
                column_right=500, page=page)


def test_a_line_repeated_at_the_same_place_on_every_page_is_running() -> None:
    pages = [PageText(runs=(), width=595, height=842)] * 3
    lines = [line("Quarterly Bulletin", 830, p) for p in range(3)] + [line(f"{p + 1}", 20, p) for p in range(3)]
    lines += [line("Body text that stays", 600, p) for p in range(3)]
    assert [item.text for item in drop_running_lines(lines, pages)] == ["Body text that stays"] * 3


def test_paragraphs_end_at_a_gap_and_at_a_short_line_that_ends_a_sentence() -> None:
    lines = [line("First paragraph runs on", 700, 0), line("and ends here.", 688, 0, right=200),
             line("Second one starts", 676, 0), line("and continues", 664, 0),
             line("Third after a gap", 620, 0)]
    assert reflow(lines) == ["First paragraph runs on and ends here.", "Second one starts and continues",
                             "Third after a gap"]


def test_a_press_release_printed_by_chromium() -> None:
    """A PDF from another maker (Chromium's Skia): two justified columns over two pages, curly quotes."""
    data = (FIXTURES / "harbour-press-release.pdf").read_bytes()
    digest = digest_page(Page(content=data, kind="pdf", url="https://porthaven.example/press/north-quay.pdf"))
    assert digest.title == "North quay reopens after storm repairs"
    assert digest.dateline == "PORTHAVEN, 7 April 2022"
    assert digest.site == "Porthaven Harbour Authority"
    paragraphs = digest.body.split("\n\n")
    assert len(paragraphs) == 18 and paragraphs[-1].startswith("© 2022")
    assert paragraphs[6].endswith("stay open to walkers throughout.")  # a paragraph across the column break
    assert digest.summary.startswith("The north quay of Porthaven harbour will take ships again from Monday")
    assert [(q.text[:24], q.speaker) for q in digest.quotes][:2] == [
        ("We worked through every ", "Maria Lopez"), ("The quay is stronger now", "Maria Lopez")]
