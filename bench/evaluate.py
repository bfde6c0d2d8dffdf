"""Score digests against the development sets and our golden pages.

    python -m bench.evaluate                      # all sets, a table
    python -m bench.evaluate --set mercury-pasted --show-failures
    python -m bench.evaluate --cv 5               # also cross-validated by site, 5 folds
    python -m bench.evaluate --set golden --cv 5  # each fold's models learn from the other folds of
                                                  # the sets they learn from, chosen or not
    python -m bench.evaluate --save before.jsonl  # per-page results, to diff after a change
    python -m bench.evaluate --cv 5 --save-cv before-cv.jsonl  # each page as its held-out fold scored it

Sets: `html` (readability-test-pages/*/source.html), `pasted` (pasted-pages/*.txt), `mercury-html` and
`mercury-pasted` (mercury-pages/*/source.html and pasted.txt, bench.sets.mercury), `pdf` (the development
articles typeset as PDFs, bench.sets.pdf), `golden` (tests/fixtures/pages). Beside `html` it scores bare readability-lxml on the same pages, as the baseline.
Cross-validation: pages are grouped by site (bench.sets.sites), each site in one of K folds; the
figure of each held-out fold is given beside the whole-set one. Fitted components are refitted on
the other folds first (bench.fit.registry).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from readability import Document

from bench.fit import registry
from bench.scoring.dateline import dateline_time, shows_time, writes_time
from bench.scoring.extraction import precision_recall, same_date, same_site, same_title, title_visible_in
from bench.scoring.mercury import score_mercury_html, score_mercury_pasted
from bench.scoring.page import PageScore, date_visible_in, quotes_are_verbatim, site_visible_in
from bench.scoring.report import cv_report, report, save
from bench.scoring.soundness import allowed_passages, squash, summary_is_sound
from bench.sets.datasets import DEV_PAGES, FAKEHOST_URL, DevPage, GoldenPage, dev_pages, golden_pages, html_to_text
from bench.sets.mercury import mercury_pages
from bench.sets.pdf import pdf_pages, score_pdf
from bench.sets.sites import DEFAULT_FOLDS, fold_of, golden_site, page_site
from digest.errors import DigestError, ExtractionError
from digest.model import DigestOptions
from digest.pipeline import Page, digest_page

OPTIONS = DigestOptions()
SETS = ("html", "pasted", "mercury-html", "mercury-pasted", "pdf", "golden")
# The dataset's README: these pastes are nearly empty (the page shows nothing without JavaScript, or
# is a synthetic markup test), and "no article found" is the right answer for them.
NO_ARTICLE_WHEN_PASTED = frozenset({
    "seattletimes-1", "005-unescape-html-entities", "js-link-replacement", "lazy-image-3", "invalid-attributes", "ol",
})


def dev_passages(page: DevPage) -> list[str]:
    """Readability.js's article, the page's descriptions and standfirsts, and the reference excerpt."""
    reference = (DEV_PAGES / page.name / "expected.html").read_text(encoding="utf-8")
    return allowed_passages(page.html, reference_html=reference, extras=[page.metadata.get("excerpt")])


def score_dev_page(page: DevPage, kind: str) -> PageScore:
    content = page.html if kind == "html" else page.pasted or ""
    try:
        digest = digest_page(Page(content=content, kind=kind, url=FAKEHOST_URL if kind == "html" else None), OPTIONS)
    except ExtractionError as error:
        if kind == "text" and page.name in NO_ARTICLE_WHEN_PASTED:
            return PageScore(page.name, 1.0, 1.0, summary_ok=True, refused_wrongly=False)  # the answer the dataset asks for
        score = unreadable(page, kind, content, error)
        score.refused_wrongly = kind == "text" or None
        return score
    except DigestError as error:
        return unreadable(page, kind, content, error)
    if kind == "text" and page.name in NO_ARTICLE_WHEN_PASTED:
        return PageScore(page.name, 0.0, 0.0, notes=["a digest of a paste that holds no article"])
    precision, recall = precision_recall(page.expected_text, digest.body)
    published = digest.published.isoformat() if digest.published else None
    sound, why = summary_is_sound(digest, dev_passages(page))
    time_zoned, time_matches = dateline_time(page.metadata.get("publishedTime"), digest.published)
    score = PageScore(
        page.name, precision, recall, **visible_figures(page, kind, content),
        title=same_title(page.title, digest.title) if page.title else None,
        date=same_date(page.published, published) if page.published else None,
        time_zoned=time_zoned, time_matches=time_matches,
        time_written=writes_time(page.metadata.get("publishedTime"), content) if kind == "text" else None,
        time_shown=shows_time(page.metadata.get("publishedTime"), digest.published) if kind == "text" else None,
        site=same_site(page.site, digest.site) if page.site else None,
        site_given=digest.site is not None,
        summary_ok=sound,
        quotes_verbatim=quotes_are_verbatim(digest),
        quotes=len(digest.quotes),
        notes=why,
    )
    if score.title is False:
        score.notes.append(f"title {digest.title!r} != {page.title!r}")
    if score.date is False:
        score.notes.append(f"date {published!r} != {page.published!r}")
    if score.site is False:
        score.notes.append(f"site {digest.site!r} != {page.site!r}")
    return score


def visible_figures(page: DevPage, kind: str, content: str) -> dict:
    """Pasted text only: whether each reference value can be read in the text at all."""
    if kind != "text":
        return {}
    return {
        "title_visible": title_visible_in(page.title, content) if page.title else None,
        "site_visible": site_visible_in(page.site, content) if page.site else None,
        "date_visible": date_visible_in(page.published, content) if page.published else None,
    }


def unreadable(page: DevPage, kind: str, content: str, error: DigestError) -> PageScore:
    """A page we refused: nothing extracted, every field it has counts as missed."""
    precision, recall = precision_recall(page.expected_text, "")
    return PageScore(page.name, precision, recall, error=type(error).__name__, **visible_figures(page, kind, content),
                     title=False if page.title else None, date=False if page.published else None,
                     site=False if page.site else None)


def score_html(page: DevPage) -> PageScore:
    return score_dev_page(page, "html")


def score_pasted(page: DevPage) -> PageScore:
    return score_dev_page(page, "text")


def score_bare_readability(page: DevPage) -> PageScore:
    """The baseline: readability-lxml alone, its summary as text."""
    summary = Document(page.html, url=FAKEHOST_URL).summary(html_partial=True)
    precision, recall = precision_recall(page.expected_text, html_to_text(summary))
    return PageScore(page.name, precision, recall, summary_ok=None)


def golden_passages(page: GoldenPage) -> list[str]:
    """HTML: the page without what is never article (bench.scoring.soundness). Text: the paste's lines (no markup
    says what is a caption there, so this is looser)."""
    if page.kind == "html":
        return allowed_passages(page.content)
    return [line for line in map(squash, page.content.splitlines()) if line]


def score_golden(page: GoldenPage) -> PageScore:
    """Exact title, date and site; quotes and speakers; must and must-not strings."""
    expected = page.expected
    try:
        digest = digest_page(Page(content=page.content, kind=page.kind, url=expected.get("url")), OPTIONS)
    except DigestError as error:
        return PageScore(page.slug, None, None, title=False, date=False, site=False, error=type(error).__name__)
    score = PageScore(page.slug, None, None, quotes_verbatim=quotes_are_verbatim(digest), quotes=len(digest.quotes))
    published = digest.published.isoformat() if digest.published else None
    score.title = digest.title == expected["title"]
    score.date = (published or None) == expected.get("published") if "published" in expected else None
    score.site = digest.site == expected.get("site") if "site" in expected else None
    score.summary_ok, why = summary_is_sound(digest, golden_passages(page))
    score.notes.extend(why)
    for name, ok in (("title", score.title), ("date", score.date), ("site", score.site)):
        if ok is False:
            got = {"title": digest.title, "date": published, "site": digest.site}[name]
            want = {"title": expected["title"], "date": expected.get("published"), "site": expected.get("site")}[name]
            score.notes.append(f"{name} {got!r} != {want!r}")
    if "dateline" in expected and digest.dateline != expected["dateline"]:  # place, date, time and zone as shown
        score.notes.append(f"dateline {digest.dateline!r} != {expected['dateline']!r}")
    for wanted in expected.get("quotes", []):
        found = [q for q in digest.quotes if squash(q.text).startswith(squash(wanted["text_starts"]))]
        if not found:
            score.notes.append(f"missing quote {wanted['text_starts'][:50]!r}")
        elif found[0].speaker != wanted.get("speaker"):
            score.notes.append(f"quote {wanted['text_starts'][:30]!r} speaker {found[0].speaker!r} != {wanted.get('speaker')!r}")
    for field_name, text in (("body", digest.body), ("summary", digest.summary)):
        for needle in expected.get(f"{field_name}_must_contain", []):
            if needle not in text:
                score.notes.append(f"{field_name} lacks {needle!r}")
        for needle in expected.get(f"{field_name}_must_not_contain", []):
            if needle in text:
                score.notes.append(f"{field_name} has {needle!r}")
    return score


def set_weights_dir(folder: str | None) -> None:
    """Worker initializer: the fold's fitted weights (bench.fit.registry)."""
    if folder:
        os.environ[registry.WEIGHTS_ENV] = folder


def run(scorer: Callable, pages: list, jobs: int, weights: str | None = None) -> list[PageScore]:
    """Score pages in worker processes; with `weights`, fresh "spawn" workers that load those weights."""
    if jobs <= 1 and weights is None:
        return [scorer(page) for page in pages]
    context = multiprocessing.get_context("spawn") if weights else None
    with ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=context,
                             initializer=set_weights_dir, initargs=(weights,)) as pool:
        return list(pool.map(scorer, pages, chunksize=4))


def load_sets(chosen: str | list[str]) -> dict[str, tuple[Callable, list, Callable[[object], str]]]:
    """Set name -> (scorer, pages, the page's site key). Fitted models learn, per fold, from every chosen set
    they name (bench.fit.registry), chosen or not. "golden html" and "golden text" name one kind of golden page."""
    names = [chosen] if isinstance(chosen, str) else chosen
    wanted = SETS if "all" in names else tuple(names)
    sets: dict[str, tuple[Callable, list, Callable[[object], str]]] = {}
    if {"html", "pasted"} & set(wanted):
        pages = list(dev_pages())
        if "html" in wanted:
            sets["html"] = (score_html, pages, lambda p: page_site(p.name))
        if "pasted" in wanted:
            sets["pasted"] = (score_pasted, [p for p in pages if p.pasted is not None], lambda p: page_site(p.name))
    if {"mercury-html", "mercury-pasted"} & set(wanted):
        pages = list(mercury_pages())
        for name, scorer in (("mercury-html", score_mercury_html), ("mercury-pasted", score_mercury_pasted)):
            if name in wanted:
                sets[name] = (scorer, pages, lambda p: p.site_key)
    if "pdf" in wanted:
        sets["pdf"] = (score_pdf, pdf_pages(), lambda p: page_site(p.name))
    kinds = [kind for kind in ("html", "text") if {"golden", f"golden {kind}"} & set(wanted)]
    if kinds:
        golden = list(golden_pages())
        for kind in kinds:
            sets[f"golden {kind}"] = (score_golden, [g for g in golden if g.kind == kind], lambda p: golden_site(p.slug))
    return sets


def label(scores: list[PageScore], set_name: str, pages: list, site: Callable, folds: int) -> list[PageScore]:
    for score, page in zip(scores, pages, strict=True):
        score.set, score.site_key = set_name, site(page)
        score.fold = fold_of(score.site_key, folds)
    return scores


def training_sets(sets: dict) -> dict:
    """The scored sets plus every set a fitter learns from that was not chosen: a fold's models must learn
    from what the shipped weights learnt from (the other folds of it), whatever set is scored. Without this,
    `--set golden --cv 5` refitted the paste models on no page at all."""
    learnt_from = sorted({name for fitter in registry.FITTERS.values() for name in fitter.sets} - set(sets))
    return {**load_sets(learnt_from), **sets} if learnt_from else dict(sets)


def refitted_folds(sets: dict, folds: int, jobs: int) -> dict[str, list[list[PageScore]]]:
    """Per set, each fold's pages scored with components fitted on the other folds (bench.fit.registry)."""
    result: dict[str, list[list[PageScore]]] = {name: [] for name in sets}
    learning = training_sets(sets)
    with tempfile.TemporaryDirectory(prefix="digestbot-cv-") as tmp:
        for k in range(folds):
            folder = Path(tmp) / f"fold-{k}"
            training = {name: [p for p in pages if fold_of(site(p), folds) != k]
                        for name, (_, pages, site) in learning.items()}
            registry.write_weights(folder, training)
            for name, (scorer, pages, site) in sets.items():
                held_out = [p for p in pages if fold_of(site(p), folds) == k]
                result[name].append(label(run(scorer, held_out, jobs, weights=str(folder)), name, held_out, site, folds))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=[*SETS, "all"], action="append",
                        help="a set to score (repeat for several; default: all)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show-failures", action="store_true", help="list pages that miss, on stderr")
    parser.add_argument("--no-baseline", action="store_true", help="skip bare readability-lxml")
    parser.add_argument("--cv", type=int, nargs="?", const=DEFAULT_FOLDS, default=0, metavar="K",
                        help=f"also cross-validate by site over K folds (default {DEFAULT_FOLDS})")
    parser.add_argument("--save", metavar="FILE", help="write per-page results as JSON Lines")
    parser.add_argument("--save-cv", metavar="FILE",
                        help="with --cv, write each page's held-out result (models refitted without its fold) as JSON Lines")
    args = parser.parse_args(argv)
    if args.save_cv and not args.cv:
        parser.error("--save-cv needs --cv")

    sets = load_sets(args.set or ["all"])
    print("| set                    | pages | body F1                  | title           | date            "
          "| site            | summary sound   | quotes verbatim | quotes | errors |")
    print("|" + "|".join("-" * w for w in (24, 7, 26, 17, 17, 17, 17, 17, 8, 8)) + "|")
    whole: dict[str, list[PageScore]] = {}
    for name, (scorer, pages, site) in sets.items():
        whole[name] = label(run(scorer, pages, args.jobs), name, pages, site, args.cv or DEFAULT_FOLDS)
        report(name if name.startswith("golden") else f"{name}", whole[name], args.show_failures)
        if name == "html" and not args.no_baseline:
            report("html: readability", run(score_bare_readability, pages, args.jobs), False)
    if args.cv:
        if registry.FITTERS:
            per_fold = refitted_folds(sets, args.cv, args.jobs)
        else:
            per_fold = {name: [[s for s in scores if s.fold == k] for k in range(args.cv)] for name, scores in whole.items()}
        for name, scores in whole.items():
            cv_report(name, scores, per_fold[name])
    if args.save:
        save(args.save, [s for scores in whole.values() for s in scores])
    if args.save_cv:
        save(args.save_cv, [s for folds in per_fold.values() for fold in folds for s in fold])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
