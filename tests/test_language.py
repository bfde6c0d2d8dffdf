"""The article's language: declared by the page, overruled only by clear text in another (digest.language)."""

from __future__ import annotations

from digest.language import choose_language
from digest.model import Article, Page
from digest.pipeline import compose, digest_page

GERMAN = (
    "Die Bundesregierung hat am Dienstag beschlossen, die Hilfen für Unternehmen bis zum Ende des Jahres zu "
    "verlängern. Das teilte ein Sprecher in Berlin mit. Die Opposition kritisierte den Schritt als zu spät und "
    "zu zögerlich, die Wirtschaftsverbände begrüßten ihn dagegen ausdrücklich."
)
AUTHORS = (
    "Havell Markus, Jun Zhao, Tania Contente-Cuomo, Elizabeth Raupach, Ahuva Odenheimer-Bergman, Sydney Connor, "
    "Bradon R. McDonald, Elizabeth Hutchins, Marissa McGilvery, Michelina C. de la Maza, Kendall Van Keuren-Jensen, "
    "Patrick Pirrotte, Ajay Goel, Carlos Becerra, Daniel D. Von Hoff"
)


def test_a_german_article_on_a_page_declared_english_is_german() -> None:
    html = f'<html lang="en"><head><title>Hilfen verlängert</title></head><body><article><p>{GERMAN}</p>' \
           f"<p>{GERMAN}</p></article></body></html>"
    assert digest_page(Page(content=html, kind="html")).language == "de"


def test_the_declared_language_stands_when_the_text_agrees_or_is_no_prose() -> None:
    assert choose_language("de", GERMAN) == "de"
    assert choose_language("en", AUTHORS) == "en"  # a list of names is no evidence against the page


def test_too_little_text_cannot_overrule_the_page() -> None:
    assert choose_language("en", "Die Regierung hat beschlossen.") == "en"


def test_without_a_declaration_the_text_decides() -> None:
    assert choose_language(None, GERMAN) == "de"


def test_short_english_lines_around_a_german_article_do_not_decide() -> None:
    boilerplate = "\n".join(["Advertisement", "Photo: Getty Images", "Share this article", "By Anna Schmidt",
                             "Sign up for our newsletter", "Read more", "Most popular"] * 12)
    assert choose_language("en", f"{boilerplate}\n{GERMAN}\n{GERMAN}") == "de"


def test_names_and_a_date_alone_are_no_language() -> None:
    assert choose_language(None, "by April Glaser@aprilaser Dec 15, 2016, 1:55pm EST") is None
    assert choose_language(None, AUTHORS) is None


def test_a_declared_language_is_checked_and_a_detected_one_is_taken_as_read() -> None:
    declared = Article(title="Hilfen verlängert", paragraphs=(GERMAN, GERMAN), language="en")
    # a reader that detected the language in these paragraphs has had its say: compose does not ask again
    detected = Article(title="Hilfen verlängert", paragraphs=(GERMAN, GERMAN), language="nl", language_detected=True)
    assert compose(declared).language == "de"  # a template's "en" is overruled by the text
    assert compose(detected).language == "nl"
    paste = "Hilfen verlängert\n\n" + GERMAN + "\n\n" + GERMAN
    assert digest_page(Page(content=paste, kind="text")).language == "de"  # the pasted reader's detection stands
