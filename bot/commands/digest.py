"""Digest links, saved pages (.html/.htm), texts (.txt), PDFs or standard input, printing each as it is done.

examples:
  digestbot digest https://example.com/article             the digest as a person reads it
  digestbot digest --json page.html notes.txt paper.pdf     JSON Lines, one object per SOURCE
  digestbot digest --url https://example.com/a saved.html   a saved page and its original address
  curl -s https://example.com/a | digestbot digest          no SOURCE: standard input (or name it -)

Digests come out in the order of the SOURCEs, each one as soon as it is done (a progress bar on
a terminal's stderr counts them). With --json a source that failed gives {"input", "error"}; any
failure makes the exit status 1. Files and standard input are read up to DIGESTBOT_MAX_PAGE_BYTES
(web pages), DIGESTBOT_MAX_TEXT_BYTES (texts) and DIGESTBOT_MAX_PDF_BYTES (PDFs); what is none of
these is refused with one sentence. Needs no token and no configuration. The plain output and its
errors are in the language of LANG (LANGUAGE, LC_ALL, LC_MESSAGES), if the bot speaks it; --json
stays English, for programs.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from bot.commands.history import remember
from bot.progress import ProgressBar, progress_bar
from bot.resources import open_fetcher, open_pool, open_store
from bot.settings import Settings
from digest.errors import N_, DigestError
from digest.intake import InputLimits, check_size, page_from_bytes
from digest.model import Digest, Page, PageKind
from digest.service import Digester
from handlers.i18n import ENGLISH, Words, words_from_environment
from storage import Store

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
PDF_SUFFIX = ".pdf"
STDIN = "-"
EXIT_USAGE = 2
NO_SOURCE = "digestbot digest: give a SOURCE (a link, a file, or - for standard input), or pipe a page in."
NO_SUCH_SOURCE = N_("{source} is neither a link nor a file I can find.")
UNREADABLE_SOURCE = N_("I could not read {source}: {reason}.")
UNREADABLE_STDIN = N_("I could not read standard input: {reason}.")
SOURCE_LABEL = N_("Source: ")


class SourceError(DigestError):
    """A SOURCE that is neither a link, nor a readable file, nor `-`."""


@dataclass(frozen=True, slots=True)
class Done:
    """One source's digest and what the history keeps beside it."""

    digest: Digest
    source_url: str | None
    source_text: str | None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="*", metavar="SOURCE",
                        help="http(s) link, .html/.htm/.txt/.pdf file, or - for standard input (the default when it is piped)")
    parser.add_argument("--url", help="the original address of a saved page (files and standard input)")
    parser.add_argument("--json", action="store_true", help="JSON Lines, one object per SOURCE")


def run(args: argparse.Namespace) -> int:
    sources = args.sources or ([STDIN] if sys.stdin is not None and not sys.stdin.isatty() else [])
    if not sources:
        print(NO_SOURCE, file=sys.stderr)
        return EXIT_USAGE
    settings = Settings.from_env()
    printer = Printer(as_json=args.json, bar=progress_bar(len(sources), sys.stderr), words=words_from_environment())
    asyncio.run(digest_sources(sources, url=args.url, settings=settings, printer=printer))
    return 1 if printer.failed else 0


class Printer:
    """Writes each source's result, flushed, keeping the progress bar off the lines it writes."""

    def __init__(self, *, as_json: bool, bar: ProgressBar | None, words: Words = ENGLISH) -> None:
        self.as_json = as_json
        self.bar = bar
        self.words = words
        self.failed = False

    def finished(self) -> None:
        """A source finished (in any order): the bar counts it."""
        if self.bar is not None:
            self.bar.advance()

    def show(self, source: str, result: Digest | DigestError) -> None:
        if self.bar is not None:
            self.bar.clear()
        if isinstance(result, DigestError):
            self.failed = True
            if self.as_json:
                print(json.dumps({"input": source, "error": result.user_message}, ensure_ascii=False), flush=True)
            else:
                print(f"{source}: {self.words.error(result)}", file=sys.stderr, flush=True)
        elif self.as_json:
            print(json.dumps(result.to_json(source), ensure_ascii=False), flush=True)
        else:
            print(format_plain(result, source, self.words), flush=True)
        if self.bar is not None:
            self.bar.draw()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.clear()


async def digest_sources(sources: list[str], *, url: str | None, settings: Settings, printer: Printer) -> None:
    """Work on every source at once (the worker pool bounds the CPU), show them in the given order.

    A digest is saved to the history just before it is shown, so a run stopped half-way leaves
    nothing saved that was not printed.
    """
    fetcher = open_fetcher(settings)
    pool = open_pool(settings)
    store = await open_store(settings)
    digester = Digester(fetcher=fetcher, pool=pool, options=settings.digest_options, cache=store)

    async def one(source: str) -> Done | DigestError:
        try:
            if is_link(source):
                return Done(await digester.from_url(source), source, None)
            page = await read_source(source, url=url, limits=settings.input_limits)
            text = page.content if isinstance(page.content, str) else None  # the history keeps texts, not PDFs
            return Done(await digester.from_page(page), page.url, text)
        except DigestError as error:
            return error
        finally:
            printer.finished()

    tasks = [asyncio.create_task(one(source)) for source in sources]
    try:
        for source, task in zip(sources, tasks):
            printer.show(source, await save(store, await task))
    finally:
        printer.close()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await fetcher.aclose()
        await pool.aclose()
        await store.close()


async def save(store: Store, result: Done | DigestError) -> Digest | DigestError:
    if isinstance(result, DigestError):
        return result
    await remember(store, result.digest, source_url=result.source_url, source_text=result.source_text)
    return result.digest


def is_link(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def kind_of(path: Path) -> PageKind | None:
    """What a file's name says it holds; None lets the content decide."""
    suffix = path.suffix.lower()
    if suffix == PDF_SUFFIX:
        return "pdf"
    return "html" if suffix in HTML_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else None


async def read_source(source: str, *, url: str | None, limits: InputLimits) -> Page:
    """A file or standard input as a Page (read and decoded off the event loop)."""
    if source == STDIN:
        data = await read_stdin(limits.largest + 1)  # one byte over the cap is enough to refuse
        return await asyncio.to_thread(page_from_bytes, data, url=url, limits=limits)
    return await asyncio.to_thread(read_file, source, url=url, limits=limits)


def read_file(source: str, *, url: str | None, limits: InputLimits) -> Page:
    """A file, refused by its size before it is read."""
    path = Path(source)
    kind = kind_of(path)
    try:
        check_size(path.stat().st_size, kind, limits)
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(NO_SUCH_SOURCE, source=source) from None
    except OSError as exc:
        raise SourceError(UNREADABLE_SOURCE, source=source, reason=exc.strerror) from exc
    return page_from_bytes(data, kind=kind, url=url, limits=limits)


async def read_stdin(size: int) -> bytes:
    """Up to `size` bytes of standard input, read in a daemon thread: a pipe that stays open
    neither holds up the other sources nor keeps Ctrl-C from ending the program."""
    loop = asyncio.get_running_loop()
    result: asyncio.Future[bytes] = loop.create_future()

    def settle(data: bytes | None, error: OSError | None) -> None:
        if result.done():
            return
        if error is not None:
            result.set_exception(SourceError(UNREADABLE_STDIN, reason=error.strerror))
        else:
            result.set_result(data or b"")

    def read() -> None:
        data, error = None, None
        try:
            data = sys.stdin.buffer.read(size)
        except OSError as exc:
            error = exc
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is waiting any more
            loop.call_soon_threadsafe(settle, data, error)

    threading.Thread(target=read, name="stdin", daemon=True).start()
    return await result


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
