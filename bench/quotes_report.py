"""Print each chosen quote and speaker (and the summary) of dev pages, for a person to judge.

    python -m bench.quotes_report                      # every dev page that yields quotes
    python -m bench.quotes_report --pages 15 --all-quotes
    python -m bench.quotes_report --only bbc-1 cnn --summary
    python -m bench.quotes_report --unsound            # pages whose summary fails the evaluation's check
    python -m bench.quotes_report --pasted --unsound   # the same, reading the pages as pasted text
    python -m bench.quotes_report --speed              # ms per page of summary + quotes beside bare readability

Speaker accuracy cannot be scored without references, so this lists them: the quote's opening
words, the speaker chosen, and the sentence around it, so the judge sees what the text says.
"""

from __future__ import annotations

import argparse
import statistics
import time

import lxml.html
from readability import Document

from bench.evaluate import OPTIONS, squash, summary_is_sound
from bench.sets.datasets import FAKEHOST_URL, dev_pages
from digest.errors import DigestError
from digest.model import DigestOptions
from digest.html import read_html
from digest.pipeline import Page, digest_page
from digest.quotes import find_quotes
from digest.summary import summarize

CONTEXT_CHARS = 90


def context_of(body: str, quote: str) -> str:
    """The text just before and after the quote in the body, squashed."""
    flat, needle = squash(body), squash(quote)
    at = flat.find(needle)
    if at < 0:
        return "(not verbatim!)"
    before = flat[max(0, at - CONTEXT_CHARS) : at]
    after = flat[at + len(needle) : at + len(needle) + CONTEXT_CHARS]
    return f"...{before}[QUOTE]{after}..."


def speed(rounds: int = 3) -> None:
    """Median ms per page: bare readability-lxml, and our summary + quotes on the same page (best of rounds)."""
    bare, ours = [], []
    for page in dev_pages():
        start = time.perf_counter()
        Document(page.html, url=FAKEHOST_URL).summary()
        bare.append((time.perf_counter() - start) * 1000)
        try:
            article = read_html(page.html, url=FAKEHOST_URL)
        except DigestError:
            continue
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            summarize(article, options=OPTIONS, language=article.language)
            find_quotes(article.paragraphs, language=article.language, max_quotes=OPTIONS.max_quotes)
            best = min(best, (time.perf_counter() - start) * 1000)
        ours.append(best)
    ours.sort()
    print(f"bare readability: median {statistics.median(bare):.1f} ms/page; summary + quotes: median "
          f"{statistics.median(ours):.2f} ms, p90 {ours[int(0.9 * len(ours))]:.2f} ms, max {ours[-1]:.1f} ms "
          f"({len(ours)} pages)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=0, help="stop after this many pages with quotes (0: all)")
    parser.add_argument("--only", nargs="*", help="these dev page names")
    parser.add_argument("--all-quotes", action="store_true", help="every candidate, not just the top 3")
    parser.add_argument("--summary", action="store_true", help="print the summary too")
    parser.add_argument("--unsound", action="store_true", help="only pages whose summary fails the check")
    parser.add_argument("--pasted", action="store_true", help="read the pasted-text version of each page")
    parser.add_argument("--speed", action="store_true", help="time summary + quotes beside bare readability")
    args = parser.parse_args(argv)
    if args.speed:
        speed()
        return 0
    options = DigestOptions(max_quotes=50) if args.all_quotes else OPTIONS

    shown = quotes = named = 0
    for page in dev_pages():
        if args.only and page.name not in args.only:
            continue
        if args.pasted and page.pasted is None:
            continue
        source_page = Page(content=page.pasted, kind="text") if args.pasted else Page(page.html, "html", FAKEHOST_URL)
        try:
            digest = digest_page(source_page, options)
        except DigestError as error:
            print(f"== {page.name}: {type(error).__name__}")
            continue
        if args.unsound:
            source = digest.body + "\n" + page.pasted if args.pasted else lxml.html.fromstring(page.html).text_content()
            if summary_is_sound(digest, source):
                continue
            print(f"== {page.name} (unsound summary)\n   {digest.summary!r}")
            continue
        if not digest.quotes and not args.summary:
            continue
        shown += 1
        print(f"== {page.name} [{digest.language}]")
        if args.summary:
            print(f"   summary: {digest.summary}")
        for quote in digest.quotes:
            quotes += 1
            named += quote.speaker is not None
            print(f"   - {quote.speaker!r}: {squash(quote.text)[:100]!r}")
            print(f"       {context_of(digest.body, quote.text)}")
        if args.pages and shown >= args.pages:
            break
    if not args.unsound:
        print(f"\n{shown} pages, {quotes} quotes, {named} with a speaker")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
