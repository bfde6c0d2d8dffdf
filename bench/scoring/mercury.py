"""Score a digest of a Mercury page, as HTML ("html") or as its paste ("text")."""

from __future__ import annotations

from bench.sets.mercury import MercuryPage
from bench.scoring.loose import (
    author_match, date_match, dates_written, dek_match, first_words_match, publisher_spells_brand,
    publisher_visible, site_agrees_with_host, words_after_end,
)
from bench.scoring.dateline import dateline_time, shows_time, writes_time
from bench.scoring.extraction import precision_recall, same_title, title_visible_in
from bench.scoring.page import PageScore, date_visible_in, quotes_are_verbatim
from bench.scoring.soundness import allowed_passages, squash, summary_is_sound
from digest.errors import DigestError, ExtractionError
from digest.model import DigestOptions
from digest.pipeline import Page, digest_page

OPTIONS = DigestOptions()
QUOTE_MARKS = str.maketrans("", "", "'\"‘’“”«»「」")


def title_agrees(expected: str, got: str) -> bool:
    """bench.scoring.extraction.same_title, also with quote marks dropped: Mercury's titles may add or drop them
    (the dataset's README)."""
    return same_title(expected, got) or same_title(expected.translate(QUOTE_MARKS), got.translate(QUOTE_MARKS))


def visible_figures(page: MercuryPage, kind: str) -> dict:
    if kind != "text":
        return {}
    first = page.first_words
    return {
        "title_visible": title_visible_in(page.title, page.pasted) if page.title else None,
        "date_visible": date_visible_in(dates_written(page.published), page.pasted) if page.published else None,
        "site_visible": publisher_visible(page.url, page.pasted),
        "first_words_visible": None if not first else "".join(first.split()) in "".join(page.pasted.split()),
    }


def html_reference(page: MercuryPage) -> str | None:
    """Our HTML reader's article of the page when it opens with Mercury's first words, else None
    (bench.scoring.loose: the reference a paste's body is judged against)."""
    try:
        digest = digest_page(Page(content=page.html, kind="html", url=page.url), OPTIONS)
    except DigestError:
        return None
    return digest.body if first_words_match(page.first_words, page.first_words_n, digest.body) else None


def body_proxy(page: MercuryPage, kind: str, body: str) -> dict:
    """A paste's body against our HTML reader's article: proxy precision, recall and words after its end."""
    reference = html_reference(page) if kind == "text" else None
    if reference is None:
        return {}
    precision, recall = precision_recall(reference, body)
    return {"proxy_precision": precision, "proxy_recall": recall, "words_after_end": words_after_end(reference, body)}


def score_mercury_page(page: MercuryPage, kind: str) -> PageScore:
    content = page.html if kind == "html" else page.pasted
    visible = visible_figures(page, kind)
    try:
        digest = digest_page(Page(content=content, kind=kind, url=page.url if kind == "html" else None), OPTIONS)
    except DigestError as error:
        missed = {key: False if value else None for key, value in (
            ("title", page.title), ("date", page.published), ("first_words", page.first_words),
            ("dek", page.dek), ("author", page.author), ("site_proxy", page.url))}
        if kind == "text":
            missed["site"] = False if publisher_spells_brand(None, page.url) is not None else None
        refused = bool(visible.get("first_words_visible")) if isinstance(error, ExtractionError) else None
        return PageScore(page.name, None, None, error=type(error).__name__, refused_wrongly=refused, **missed, **visible)
    published = digest.published.isoformat() if digest.published else None
    date, lenient = date_match(page.published, digest.published)
    sound, why = summary_is_sound(digest, allowed_passages(page.html, extras=[page.dek]))
    time_zoned, time_matches = dateline_time(page.published, digest.published)
    score = PageScore(
        page.name, None, None,
        title=title_agrees(page.title, digest.title) if page.title else None,
        date=date, date_lenient=lenient, time_zoned=time_zoned, time_matches=time_matches,
        time_written=writes_time(page.published, content) if kind == "text" else None,
        time_shown=shows_time(page.published, digest.published) if kind == "text" else None,
        site_proxy=site_agrees_with_host(digest.site, page.url), site_given=digest.site is not None,
        site=publisher_spells_brand(digest.site, page.url) if kind == "text" else None,
        first_words=first_words_match(page.first_words, page.first_words_n, digest.body),
        dek=dek_match(page.dek, digest.summary),
        author=author_match(page.author, digest.byline),
        summary_ok=sound, quotes_verbatim=quotes_are_verbatim(digest), quotes=len(digest.quotes),
        **visible, **body_proxy(page, kind, digest.body),
    )
    score.notes.extend(why)
    for label, ok, got, want in (
        ("title", score.title, digest.title, page.title),
        ("date", score.date, published, page.published),
        ("first words", score.first_words, squash(digest.body)[:100], page.first_words),
        ("dek", score.dek, digest.summary[:100], page.dek),
        ("author", score.author, digest.byline, page.author),
        ("site (proxy)", score.site_proxy, digest.site, page.url),
        ("site (brand)", score.site, digest.site, page.url),
    ):
        if ok is False:
            score.notes.append(f"{label} {got!r} != {want!r}")
    return score


def score_mercury_html(page: MercuryPage) -> PageScore:
    return score_mercury_page(page, "html")


def score_mercury_pasted(page: MercuryPage) -> PageScore:
    return score_mercury_page(page, "text")
