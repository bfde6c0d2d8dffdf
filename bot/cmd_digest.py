"""Digest links, saved HTML pages (.html/.htm), pasted page text (.txt), PDFs or `-` (standard input).

With --json: JSON Lines, one object per SOURCE in order; a source that failed gives
{"input", "error"} and the exit status is 1. Needs no token and no configuration.
The plain output and its errors are in the language of LANG (LANGUAGE, LC_ALL, LC_MESSAGES), if
the bot speaks it; --json stays English, for programs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from bot.cmd_store import remember
from bot.resources import open_fetcher, open_pool, open_store
from bot.settings import Settings
from digest.errors import N_, DigestError, TooLargeError
from digest.fetch import decode_body, looks_like_pdf
from digest.model import Digest
from digest.pipeline import Page, sniff_page
from digest.service import Digester
from handlers.i18n import ENGLISH, Words, words_from_environment

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
NO_SUCH_SOURCE = N_("{source} is neither a link nor a file I can find.")
UNREADABLE_SOURCE = N_("I could not read {source}: {reason}.")
SOURCE_LABEL = N_("Source: ")
PDF_TOO_LARGE = N_("That PDF is too large: I read PDFs up to {megabytes} MB.")


class SourceError(DigestError):
    """A SOURCE that is neither a link, nor a readable file, nor `-`."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="http(s) link, .html/.htm/.txt/.pdf file, or - for stdin")
    parser.add_argument("--url", help="the original address of a saved page (files and stdin)")
    parser.add_argument("--json", action="store_true", help="JSON Lines, one object per SOURCE")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    results = asyncio.run(digest_sources(args.sources, url=args.url, settings=settings))
    words = words_from_environment()
    failed = False
    for source, result in zip(args.sources, results):
        if isinstance(result, DigestError):
            failed = True
            if args.json:
                print(json.dumps({"input": source, "error": result.user_message}, ensure_ascii=False))
            else:
                print(f"{source}: {words.error(result)}", file=sys.stderr)
        elif args.json:
            print(json.dumps(result.to_json(source), ensure_ascii=False))
        else:
            print(format_plain(result, source, words))
    return 1 if failed else 0


async def digest_sources(sources: list[str], *, url: str | None, settings: Settings) -> list[Digest | DigestError]:
    """Read every source, then clean them all in parallel in the worker pool; order is kept."""
    fetcher = open_fetcher(settings)
    pool = open_pool(settings)
    store = await open_store(settings)
    digester = Digester(fetcher=fetcher, pool=pool, options=settings.digest_options, cache=store)
    try:
        async def one(source: str) -> Digest | DigestError:
            try:
                if is_link(source):
                    digest = await digester.from_url(source)
                    await remember(store, digest, source_url=source, source_text=None)
                    return digest
                page = read_source(source, url=url, max_pdf_bytes=settings.max_pdf_bytes)
                digest = await digester.from_page(page)
                text = page.content if isinstance(page.content, str) else None
                await remember(store, digest, source_url=page.url, source_text=text)
                return digest
            except DigestError as error:
                return error

        return list(await asyncio.gather(*(one(source) for source in sources)))
    finally:
        await fetcher.aclose()
        await pool.aclose()
        await store.close()


def is_link(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def read_source(source: str, *, url: str | None, max_pdf_bytes: int) -> Page:
    """A file or standard input as a Page."""
    if source == "-":
        data = sys.stdin.buffer.read()
        return pdf_page(data, url, max_pdf_bytes) if looks_like_pdf(data) else sniff_page(decode_body(data), url=url)
    path = Path(source)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(NO_SUCH_SOURCE, source=source) from None
    except OSError as exc:
        raise SourceError(UNREADABLE_SOURCE, source=source, reason=exc.strerror) from exc
    suffix = path.suffix.lower()
    if suffix == ".pdf" or looks_like_pdf(data):
        return pdf_page(data, url, max_pdf_bytes)
    text = decode_body(data)
    if suffix in HTML_SUFFIXES:
        return Page(content=text, kind="html", url=url)
    if suffix in TEXT_SUFFIXES:
        return Page(content=text, kind="text", url=url)
    return sniff_page(text, url=url)


def pdf_page(data: bytes, url: str | None, max_bytes: int) -> Page:
    """A PDF file as a Page, within the size limit for PDFs."""
    if len(data) > max_bytes:
        raise TooLargeError(PDF_TOO_LARGE, megabytes=max(1, max_bytes // 1_000_000))
    return Page(content=data, kind="pdf", url=url)


def format_plain(digest: Digest, source: str, words: Words = ENGLISH) -> str:
    """The digest as a person reads it in a terminal (the program's own words in `words`' language)."""
    lines = [digest.title]
    meta = " · ".join(part for part in (words.dateline(digest.place, digest.published), digest.site) if part)
    if meta:
        lines.append(meta)
    lines += ["", digest.summary]
    if digest.quotes:
        lines.append("")
        for quote in digest.quotes:
            lines.append(f"“{quote.text}”" + (f" — {quote.speaker}" if quote.speaker else ""))
    lines += ["", f"{words.gettext(SOURCE_LABEL)}{digest.url or source}"]
    if digest.note:
        lines.append(words.note(digest.note))
    lines.append("")
    return "\n".join(lines)
