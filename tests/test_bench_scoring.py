"""The evaluation's own yardsticks: site keys and folds, the loose Mercury checks, summary soundness,
and the hook that hands fitted weights to the workers scoring a held-out fold."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from bench.evaluate import refitted_folds
from bench.fit import registry
from bench.sets.datasets import GoldenPage, golden_pages
from bench.scoring.dateline import dateline_time, shows_time, writes_time
from bench.scoring.loose import (
    author_match, date_match, dek_match, first_words_match, publisher_spells_brand, publisher_visible,
    site_agrees_with_host, words_after_end,
)
from bench.scoring.page import PageScore
from bench.scoring.soundness import allowed_passages, summary_is_sound
from bench.sets.sites import brand, fold_of, golden_site, page_site, registered_domain
from digest.model import Digest


def test_site_keys_and_folds_group_a_publisher_across_sets() -> None:
    assert registered_domain("http://www.nytimes.com/2016/a.html") == "nytimes.com"
    assert registered_domain("https://www.bbc.co.uk/news/x") == "bbc.co.uk"
    assert registered_domain("http://abcnews.go.com/US/story") == "go.com"
    assert page_site("nytimes-3") == "nytimes" and page_site("bbc-1") == "bbc" and page_site("ars-1") == "ars"
    assert golden_site("html-bbc-1") == golden_site("pasted-bbc") == "bbc"  # a golden paste shares its site's fold
    assert brand("bbc.co.uk") == "bbc" and brand("nytimes.com") == "nytimes"
    assert fold_of("nytimes.com") == fold_of("nytimes") == 0  # sha1, stable across runs and machines
    assert {fold_of(f"site{i}.com", 5) for i in range(50)} == set(range(5))


def test_dates_match_on_the_utc_day_or_the_page_zone_day_with_one_day_slack_only_without_an_offset() -> None:
    reference = "2016-11-29T03:39:35.000Z"
    eastern = timezone(timedelta(hours=-5))
    assert date_match(reference, datetime(2016, 11, 28, 22, 39, tzinfo=eastern)) == (True, False)
    # Mercury shifts a page's local time with a zone of its own: the same day in the page's zone counts, leniently
    assert date_match(reference, datetime(2016, 11, 28, 12, 0, tzinfo=eastern)) == (True, True)
    assert date_match(reference, datetime(2016, 11, 27, 23, 0, tzinfo=eastern)) == (False, False)
    assert date_match("2019-02-12T15:00:00.000Z", datetime(2019, 2, 13, 12, 0, tzinfo=timezone(timedelta(hours=9)))) == (True, True)
    assert date_match(reference, date(2016, 11, 28)) == (True, True)
    assert date_match(reference, date(2016, 11, 26)) == (False, False)
    assert date_match(reference, None) == (False, False)
    assert date_match(None, date(2016, 11, 28)) == (None, False)


def test_first_words_dek_author_and_the_site_proxy_compare_loosely() -> None:
    body = "Menu Share\nT he Smithsonian’s National Museum of African American History opens on Saturday."
    assert first_words_match("T he Smithsonian’s National Museum of African American History", 9, body)
    assert not first_words_match("Smithsonian’s National Museum", 3, "word " * 40 + body)
    assert first_words_match("186 cmAvailable in", 3, "186 cm Available in blue")
    assert first_words_match("", 13, body) is None
    dek = "Turning your rented space into a smart home can be tricky. We have some advice."
    assert dek_match(dek, "Turning your rented space into a smart home can be tricky.\nMore text.")
    assert not dek_match(dek, "Name a home appliance and there's a smart version of it.")
    assert author_match("Lisa de Moraes", "By LISA DE MORAES") and not author_match("Lisa de Moraes", "Deadline")
    assert site_agrees_with_host("The New York Times", "http://www.nytimes.com/a")  # acronym in the brand
    assert site_agrees_with_host("ABC News", "http://abcnews.go.com/US/a")
    assert not site_agrees_with_host("Condé Nast", "https://arstechnica.com/a")
    assert site_agrees_with_host(None, "https://arstechnica.com/a") is False


def test_words_after_the_articles_end_are_those_after_its_last_shared_paragraph() -> None:
    article = "The council voted to close the bridge for repairs.\n\nWork starts in March and lasts a year."
    related = "Five other bridges that need repairs now, in pictures from our readers"
    assert words_after_end(article, article) == 0
    assert words_after_end(article, f"{article}\n\nShare\n\n{related}") == 1 + len(related.split())
    assert words_after_end(article, related) == len(related.split())


def test_mercury_publisher_is_visible_as_capitalised_words_spelling_the_brand_or_as_the_domain() -> None:
    verge = "https://www.theverge.com/2016/a"
    assert publisher_visible(verge, "Menu\nThe Verge homepage\nTech")
    assert publisher_visible(verge, "Contact us at tips@example.org or visit THEVERGE.COM today")
    assert not publisher_visible(verge, "teetering on the verge of collapse")  # lower case: a phrase, no name
    assert not publisher_visible(verge, "The Vergeworld")  # the letters must end where a word ends
    assert publisher_visible("https://arstechnica.com/x", "© 2019 Condé Nast. Ars Technica may earn")
    assert publisher_visible("http://abcnews.go.com/US/a", "ABC News") is None  # "go": no brand to look for
    assert publisher_spells_brand("The Verge", verge) and publisher_spells_brand("Theverge.com", verge)
    assert publisher_spells_brand("BuzzFeed News", "https://www.buzzfeed.com/a")  # the brand and one more word
    assert publisher_spells_brand("The Motley Fool", "https://www.fool.com/a")
    assert publisher_spells_brand("Los Angeles Times", "http://www.latimes.com/a")  # initials and the last word
    assert publisher_spells_brand("New York Daily News", "http://www.nydailynews.com/a")  # initials and the rest
    assert not publisher_spells_brand("Bloomberg L.P.", "https://www.bloomberg.com/a")  # a company word
    assert not publisher_spells_brand("Yahoo News Photo", "https://www.yahoo.com/a")  # two more words
    assert publisher_spells_brand("The Wall Street Journal", "https://www.wsj.com/a")  # initials
    assert not publisher_spells_brand("Miami", "https://www.miamiherald.com/a")  # a part of the brand is not it
    assert not publisher_spells_brand("Vox Media", verge) and publisher_spells_brand(None, verge) is False


def test_a_summary_sentence_must_stand_in_one_article_block_not_a_caption() -> None:
    page = """<html><head><meta name="description" content="A short description."></head><body>
        <h1>Title</h1><figure><img src="x.jpg"><figcaption>A man walks by the harbour.</figcaption></figure>
        <p>The harbour opened on Monday.<br>It cost two million.</p><p>Kristi Noem<span>Kristi Lynn Noem</span> spoke.</p>
        <div class="wp-caption-text">Photo: the quay.</div><div id="evolve-shared-history"><p>Kept text.</p></div>
        </body></html>"""
    passages = allowed_passages(page)

    def sound(summary: str) -> bool:
        return summary_is_sound(Digest(title="T", summary=summary, body=""), passages)[0]

    assert sound("The harbour opened on Monday. It cost two million. A short description. Kept text.")
    assert not sound("A man walks by the harbour.") and not sound("Photo: the quay.")
    assert not sound("The harbour opened on Monday. It cost two million. Kept text")  # no full stop at the end
    assert sound("Kristi NoemKristi Lynn Noem spoke.")  # glued inside one paragraph: the page shows it so
    assert not sound("Kept text. Title")


def test_descriptions_and_declared_standfirsts_are_read_from_content_or_value() -> None:
    page = """<html><head><meta property="og:description" value="Saved with value, as Mercury pages are.">
        <meta name="dek" content="But only some will like it."><meta name="keywords" content="Not a standfirst.">
        </head><body><p>The harbour opened on Monday.</p></body></html>"""
    passages = allowed_passages(page)

    def sound(summary: str) -> bool:
        return summary_is_sound(Digest(title="T", summary=summary, body=""), passages)[0]

    assert sound("Saved with value, as Mercury pages are.") and sound("But only some will like it.")
    assert not sound("Not a standfirst.")


def report_weights(page: GoldenPage) -> PageScore:
    """A scorer for the fold's workers: the training pages its weights were fitted on, as notes."""
    folder = Path(os.environ[registry.WEIGHTS_ENV])
    return PageScore(page.slug, None, None, notes=json.loads((folder / "names.json").read_text(encoding="utf-8")))


def test_cross_validation_refits_on_the_other_folds_and_hands_the_weights_to_fresh_workers(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pages = [g for g in golden_pages() if g.kind == "text"]
    fitter = registry.Fitter(sets=("golden text",), fit=lambda training: sorted(p.slug for p in training["golden text"]))
    monkeypatch.setattr(registry, "FITTERS", {"names": fitter})
    folds = refitted_folds({"golden text": (report_weights, pages, lambda p: page_site(p.slug))}, 3, jobs=1)
    assert sorted(s.name for fold in folds["golden text"] for s in fold) == sorted(p.slug for p in pages)
    for k, fold in enumerate(folds["golden text"]):
        trained_on = sorted(p.slug for p in pages if fold_of(page_site(p.slug), 3) != k)
        assert fold and all(s.fold == k and s.notes == trained_on and s.name not in s.notes for s in fold)
    assert registry.WEIGHTS_ENV not in os.environ  # only the workers were told


def test_a_fold_refits_on_the_sets_its_models_learn_from_even_when_only_another_set_is_scored(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # `--set golden --cv 5` once refitted the paste models on no page: the golden text CV read 6.7% beside 100%
    learnt = [g for g in golden_pages() if g.kind == "text"]
    scored = [g for g in golden_pages() if g.kind == "html"][:6]
    fitter = registry.Fitter(sets=("golden text",), fit=lambda training: sorted(p.slug for p in training["golden text"]))
    monkeypatch.setattr(registry, "FITTERS", {"names": fitter})
    folds = refitted_folds({"golden html": (report_weights, scored, lambda p: golden_site(p.slug))}, 3, jobs=1)
    assert set(folds) == {"golden html"}  # the set learnt from is not scored
    for k, fold in enumerate(folds["golden html"]):
        trained_on = sorted(p.slug for p in learnt if fold_of(golden_site(p.slug), 3) != k)
        assert trained_on and all(s.notes == trained_on for s in fold)


def test_a_dateline_time_counts_with_its_zone_and_at_the_reference_instant() -> None:
    est = timezone(timedelta(hours=-5))
    shown = datetime(2019, 11, 19, 23, 26, tzinfo=est)
    assert dateline_time("2019-11-20T04:26:00.000Z", shown) == (True, True)  # the same instant in the page's zone
    assert dateline_time("2019-11-20T04:26:00Z", shown.replace(tzinfo=timezone.utc)) == (True, False)  # relabelled, not converted
    assert dateline_time("2019-11-20T04:26:00Z", datetime(2019, 11, 19, 23, 26)) == (False, None)  # no zone shown
    assert dateline_time("2019-11-20T04:26:00Z", date(2019, 11, 20)) == (False, None)
    assert dateline_time("2019-04-28 06:01:07", datetime(2019, 4, 28, 6, 1, tzinfo=est)) == (True, True)  # no offset: the clock
    assert dateline_time("2021-11-01T10:52:50+0100", datetime(2021, 11, 1, 9, 52, tzinfo=timezone.utc)) == (True, True)
    assert dateline_time("2019-11-20", shown) == (None, None)  # a day only: nothing to score
    assert dateline_time("2019-11-20T00:00:00", shown) == (None, None)  # midnight: a day written as a time
    assert dateline_time("2019-03-04T15:00:00.000Z", date(2019, 3, 5)) == (None, None)  # midnight in Japan: a day
    assert dateline_time("2019-03-04T15:13:00.000Z", date(2019, 3, 5)) == (False, None)


def test_a_paste_writes_the_references_time_in_its_own_zone_or_as_its_clock() -> None:
    assert writes_time("2016-12-16T21:19:00.000Z", "December 16, 2016, 4:19 PM") is True  # UTC-5
    assert writes_time("2019-10-09T05:35:00Z", "Oct 9, 2019, 11:05 IST") is True  # UTC+5:30
    assert writes_time("2018-04-05T06:00", "April 5, 2018 | 6:00 PM") is False  # no offset: its own clock only
    assert writes_time("2016-12-16T21:19:00Z", "December 16, 2016") is False
    assert writes_time("2016-12-16T21:19:00Z", "December 16, 2016 for $11.19\n\nA line\n\n4:19 PM far from its day") is False
    assert writes_time("2016-12-16T21:19:00Z", "December 16, 2016\n4:19 PM") is True  # the time on the next line
    assert writes_time("2016-12-16", "December 16, 2016, 4:19 PM") is None  # the reference states no time


def test_a_dateline_shows_the_references_time_zoned_or_as_the_pastes_clock() -> None:
    assert shows_time("2016-12-16T21:19:00Z", datetime(2016, 12, 16, 16, 19)) is True  # as written, UTC-5
    assert shows_time("2016-12-16T21:19:00Z", datetime(2016, 12, 16, 16, 19, tzinfo=timezone(timedelta(hours=-5))))
    assert shows_time("2016-12-16T21:19:00Z", datetime(2016, 12, 16, 16, 19, tzinfo=timezone.utc)) is False
    assert shows_time("2016-12-16T21:19:00Z", datetime(2016, 12, 16, 16, 20)) is False
    assert shows_time("2016-12-16T21:19:00Z", date(2016, 12, 16)) is False
