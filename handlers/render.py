"""The one place a Digest (or a list of them) becomes Telegram HTML.

Everything from a page is escaped here and nowhere else. A reply is built from blocks (title,
dateline, summary, quotes, source), each a list of segments whose tags open and close inside the
segment; messages are packed block by block under Telegram's 4096-character limit (counted, as
Telegram does, in UTF-16 units of the text after tags are removed), so no message is ever cut
inside a tag, and a block too long for one message is cut at a paragraph, sentence or word.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from telegram import LinkPreviewOptions
from telegram.constants import MessageLimit

from digest.model import Digest
from handlers.i18n import ENGLISH, N_, Words
from storage.base import HIGHLIGHT_END, HIGHLIGHT_START

MESSAGE_LIMIT = MessageLimit.MAX_TEXT_LENGTH  # 4096 UTF-16 units, after entity parsing
BLOCK_SEPARATOR = "\n\n"
TITLE_MAX_CHARS = 300
QUOTES_EXPAND_CHARS = 280
SOURCE_LABEL_MAX_CHARS = 60
SNIPPET_MAX_CHARS = 300
UNTITLED = N_("Untitled page")
CUT_PREFERENCES = ("\n\n", "\n", ". ", "! ", "? ", "; ", ", ", " ")


@dataclass(frozen=True, slots=True)
class Via:
    """Where a forwarded post came from: the channel or chat name, and the post's public link."""

    name: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """Plain text with the tags around it; the text is escaped only when rendered."""

    text: str
    open: str = ""
    close: str = ""

    def html(self) -> str:
        return f"{self.open}{html.escape(self.text)}{self.close}"


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph of a reply; `wrap` tags (a blockquote) surround all its segments."""

    segments: tuple[Segment, ...]
    wrap_open: str = ""
    wrap_close: str = ""

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)

    def html(self) -> str:
        return self.wrap_open + "".join(segment.html() for segment in self.segments) + self.wrap_close


@dataclass
class _Message:
    blocks: list[Block] = field(default_factory=list)
    length: int = 0


def utf16_length(text: str) -> int:
    """Telegram's measure of a message: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def is_web_link(url: str | None) -> bool:
    return bool(url) and urlsplit(url).scheme in ("http", "https")  # type: ignore[arg-type]


def link(text: str, url: str | None, *, bold: bool = False) -> Segment:
    """A linked segment when the address is a web link; plain text otherwise."""
    open_tag, close_tag = ("<b>", "</b>") if bold else ("", "")
    if is_web_link(url):
        open_tag += f'<a href="{html.escape(url or "", quote=True)}">'
        close_tag = "</a>" + close_tag
    return Segment(text, open_tag, close_tag)


def shorten(text: str, limit: int) -> str:
    """Cut at a word near the limit and mark the cut; line breaks stay (a summary's deck keeps its line)."""
    text = "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def host_of(url: str | None) -> str | None:
    if not is_web_link(url):
        return None
    host = urlsplit(url).hostname or ""  # type: ignore[arg-type]
    return host.removeprefix("www.") or None


def meta_line(digest: Digest, words: Words = ENGLISH) -> str | None:
    """Place, date and time (in the reader's language), publisher: "KYIV, 7 April 2022, 07:02 · RT"."""
    dateline = words.dateline(digest.place, digest.published)
    parts = [part for part in (dateline, digest.site or host_of(digest.url)) if part]
    return " · ".join(parts) or None


def quotes_block(digest: Digest) -> Block | None:
    """The quotes as one blockquote, one quote a line, each with "— speaker"; expandable when long."""
    if not digest.quotes:
        return None
    segments: list[Segment] = []
    for index, quote in enumerate(digest.quotes):
        if index:
            segments.append(Segment("\n"))
        segments.append(Segment(f"“{quote.text.strip()}”"))
        if quote.speaker:
            segments.append(Segment(" — "))
            segments.append(Segment(quote.speaker.strip(), "<i>", "</i>"))
    total = sum(len(segment.text) for segment in segments)
    opening = "<blockquote expandable>" if total > QUOTES_EXPAND_CHARS else "<blockquote>"
    return Block(tuple(segments), opening, "</blockquote>")


def source_block(digest: Digest, via: Via | None, fallback_source: str | None, words: Words = ENGLISH) -> Block | None:
    """"Source: RT · via Channel", each linked when it has a web address."""
    segments: list[Segment] = []
    url = digest.url or (fallback_source if is_web_link(fallback_source) else None)
    label = digest.site or host_of(url) or (shorten(fallback_source, SOURCE_LABEL_MAX_CHARS) if fallback_source else None)
    if label:
        segments += [Segment(words.gettext("Source: ")), link(label, url)]
    if via is not None:
        if segments:
            segments.append(Segment(" · "))
        segments += [Segment(words.gettext("via ")), link(via.name, via.url)]
    return Block(tuple(segments)) if segments else None


def digest_blocks(digest: Digest, *, via: Via | None = None, source: str | None = None,
                  words: Words = ENGLISH) -> list[Block]:
    """The reply's paragraphs in reading order."""
    title = digest.title or words.gettext(UNTITLED)
    blocks = [Block((link(shorten(title, TITLE_MAX_CHARS), digest.url, bold=True),))]
    meta = meta_line(digest, words)
    if meta:
        blocks.append(Block((Segment(meta, "<i>", "</i>"),)))
    summary = digest.summary.strip()
    if summary:
        blocks.append(Block((Segment(summary),)))
    for block in (quotes_block(digest), source_block(digest, via, source, words)):
        if block is not None:
            blocks.append(block)
    if digest.note:
        blocks.append(Block((Segment(words.note(digest.note), "<i>", "</i>"),)))
    return blocks


def render_digest(digest: Digest, *, via: Via | None = None, source: str | None = None,
                  words: Words = ENGLISH, limit: int = MESSAGE_LIMIT) -> list[str]:
    """The digest as one or more HTML messages, each at most `limit` UTF-16 units once parsed;
    the bot's own words (dateline, "Source:") in `words`' language, the article's as they are."""
    return pack(digest_blocks(digest, via=via, source=source, words=words), limit)


def preview_options(digest: Digest, *, previews: bool = True) -> LinkPreviewOptions:
    """The preview shows the article's picture when it has one, else the source page, else nothing
    (and nothing in a chat that turned previews off)."""
    if not previews:
        return LinkPreviewOptions(is_disabled=True)
    if is_web_link(digest.image):
        return LinkPreviewOptions(url=digest.image, prefer_large_media=True)
    if is_web_link(digest.url):
        return LinkPreviewOptions(url=digest.url)
    return LinkPreviewOptions(is_disabled=True)


# ---- packing -------------------------------------------------------------------------------


def pack(blocks: Iterable[Block], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Greedy: as many whole blocks per message as fit; an oversized block is split first."""
    separator = utf16_length(BLOCK_SEPARATOR)
    messages: list[_Message] = [_Message()]
    for whole in blocks:
        for block in split_block(whole, limit):
            size = utf16_length(block.text)
            current = messages[-1]
            needed = size + (separator if current.blocks else 0)
            if current.blocks and current.length + needed > limit:
                current = _Message()
                messages.append(current)
                needed = size
            current.blocks.append(block)
            current.length += needed
    return [BLOCK_SEPARATOR.join(block.html() for block in message.blocks) for message in messages if message.blocks]


def split_block(block: Block, limit: int) -> list[Block]:
    """A block that fits, or pieces of it that do, each re-wrapped in the block's tags."""
    if utf16_length(block.text) <= limit:
        return [block]
    pieces: list[Block] = []
    current: list[Segment] = []
    room = limit
    queue = list(block.segments)
    while queue:
        segment = queue.pop(0)
        size = utf16_length(segment.text)
        if size <= room:
            current.append(segment)
            room -= size
            continue
        head, tail = cut_text(segment.text, room)
        if head:
            current.append(Segment(head, segment.open, segment.close))
        if current:
            pieces.append(Block(tuple(current), block.wrap_open, block.wrap_close))
        current, room = [], limit
        queue.insert(0, Segment(tail, segment.open, segment.close))
    if current:
        pieces.append(Block(tuple(current), block.wrap_open, block.wrap_close))
    return [piece for piece in pieces if piece.text.strip()]


def cut_text(text: str, room: int) -> tuple[str, str]:
    """Split so the head fits in `room` UTF-16 units, at the best boundary in its second half."""
    fit = 0
    used = 0
    for char in text:
        width = 2 if ord(char) > 0xFFFF else 1
        if used + width > room:
            break
        used += width
        fit += 1
    if fit >= len(text):
        return text, ""
    window = text[:fit]
    for boundary in CUT_PREFERENCES:
        at = window.rfind(boundary)
        if at > fit // 2:
            end = at + len(boundary.rstrip()) if boundary.strip() else at
            return text[:end].rstrip(), text[end:].lstrip()
    return text[:fit], text[fit:]


# ---- lists of digests (search, recent) -------------------------------------------------------


def snippet_segments(snippet: str) -> list[Segment]:
    """Storage marks matched words with \\x02...\\x03: escape the text, bold the marks."""
    segments: list[Segment] = []
    bold = False
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            text = "".join(buffer)
            segments.append(Segment(text, "<b>", "</b>") if bold else Segment(text))
            buffer.clear()

    for char in snippet:
        if char == HIGHLIGHT_START and not bold:
            flush()
            bold = True
        elif char == HIGHLIGHT_END and bold:
            flush()
            bold = False
        elif char not in (HIGHLIGHT_START, HIGHLIGHT_END):
            buffer.append(char)
    flush()
    return segments


def listing_block(number: int, digest: Digest, snippet: str | None = None, words: Words = ENGLISH) -> Block:
    """One result: number and linked title, date and site, and the matching snippet."""
    title = shorten(digest.title or words.gettext(UNTITLED), TITLE_MAX_CHARS)
    segments = [Segment(f"{number}. "), link(title, digest.url, bold=True)]
    meta = " · ".join(part for part in (words.when(digest.published), digest.site or host_of(digest.url)) if part)
    if meta:
        segments += [Segment("\n"), Segment(meta, "<i>", "</i>")]
    if snippet and snippet.strip():
        segments.append(Segment("\n"))
        segments += snippet_segments(shorten(snippet, SNIPPET_MAX_CHARS))
    elif digest.summary:
        segments += [Segment("\n"), Segment(shorten(digest.summary, SNIPPET_MAX_CHARS))]
    return Block(tuple(segments))


def render_listing(heading: str, entries: Sequence[tuple[Digest, str | None]], *, first_number: int = 1,
                   footer: str | None = None, words: Words = ENGLISH, limit: int = MESSAGE_LIMIT) -> str:
    """A numbered list of digests in one message (entries that do not fit are left out)."""
    blocks = [Block((Segment(heading, "<b>", "</b>"),))]
    blocks += [listing_block(first_number + i, digest, snippet, words) for i, (digest, snippet) in enumerate(entries)]
    if footer:
        blocks.append(Block((Segment(footer, "<i>", "</i>"),)))
    return pack(blocks, limit)[0]


def plain(text: str) -> str:
    """A sentence of ours with a user's words in it, escaped for HTML parse mode."""
    return html.escape(text)
