"""Reading a response body with a hard size cap, decompressing it ourselves, a bounded chunk at a time.

httpx's own decoders inflate a whole network chunk at once: 1.6 KB of brotli can become gigabytes
before any size check runs. Here every decompress call is told how much it may produce
(`OUTPUT_CHUNK`), and reading stops as soon as the total passes the cap, so a bomb costs at most
one chunk of memory beyond the cap.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Protocol

import brotli

from digest.errors import N_, FetchError, TooLargeError

OUTPUT_CHUNK = 64 * 1024  # the most one decompress call may produce
SNIFF_BYTES = 1024  # how much of the start `read_body` shows its `check_start` callback
GZIP_MAGIC = b"\x1f\x8b"
GZIP_WBITS = 16 + zlib.MAX_WBITS
ZLIB_WBITS = zlib.MAX_WBITS
RAW_DEFLATE_WBITS = -zlib.MAX_WBITS
ZLIB_HEADER_BYTES = 2
ACCEPT_ENCODING = "gzip, deflate, br"  # only what we can decode with a cap

DAMAGED = N_("That site sent a damaged page. Try again later.")
UNKNOWN_ENCODING = N_("That site packed its page in a way I cannot read.")


class Decoder(Protocol):
    """Turns compressed chunks into pieces of at most about OUTPUT_CHUNK bytes each."""

    def feed(self, data: bytes) -> Iterator[bytes]: ...

    def finish(self) -> Iterator[bytes]: ...


class IdentityDecoder:
    def feed(self, data: bytes) -> Iterator[bytes]:
        if data:
            yield data

    def finish(self) -> Iterator[bytes]:
        return iter(())


class ZlibDecoder:
    """gzip (several members allowed) or deflate (zlib-wrapped, or raw as some servers send it)."""

    def __init__(self, *, gzip: bool) -> None:
        self._gzip = gzip
        self._inflater: zlib._Decompress | None = zlib.decompressobj(GZIP_WBITS) if gzip else None
        self._head = b""  # deflate: the first bytes, until there are enough to tell zlib from raw
        self._between = b""  # gzip: bytes after a member, until there are enough to see the next one's magic
        self._ended = False  # the stream is over; anything more is trailing junk, ignored as browsers do

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._inflater is None:
            self._head += data
            if len(self._head) < ZLIB_HEADER_BYTES:
                return
            data, self._head = self._head, b""
            self._inflater = zlib.decompressobj(ZLIB_WBITS if _has_zlib_header(data) else RAW_DEFLATE_WBITS)
        yield from self._drain(data)

    def finish(self) -> Iterator[bytes]:
        if self._inflater is None and self._head:
            self._inflater = zlib.decompressobj(RAW_DEFLATE_WBITS)  # too short for a zlib header
            yield from self._drain(self._head)
        if self._inflater is not None:
            yield from self._drain(b"")

    def _drain(self, data: bytes) -> Iterator[bytes]:
        assert self._inflater is not None
        pending = data
        while not self._ended:
            if self._inflater.eof and not self._next_member(pending):
                return
            if self._inflater.eof:  # _next_member started one: its bytes are waiting
                pending, self._between = self._between, b""
                self._inflater = zlib.decompressobj(GZIP_WBITS)
            try:
                piece = self._inflater.decompress(pending, OUTPUT_CHUNK)
            except zlib.error as exc:
                raise FetchError(DAMAGED) from exc
            if piece:
                yield piece
            if self._inflater.eof:
                pending = self._inflater.unused_data  # the start of the next member, or junk
                continue
            pending = self._inflater.unconsumed_tail
            if not pending and len(piece) < OUTPUT_CHUNK:
                return  # all input used and no output held back

    def _next_member(self, pending: bytes) -> bool:
        """After a stream ends: True when another gzip member starts in the bytes kept so far."""
        self._between += pending
        if not self._gzip or (len(self._between) >= len(GZIP_MAGIC) and not self._between.startswith(GZIP_MAGIC)):
            self._ended = True
            return False
        return len(self._between) >= len(GZIP_MAGIC)


class BrotliDecoder:
    def __init__(self) -> None:
        self._decompressor = brotli.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._decompressor.is_finished():
            return  # trailing bytes after the stream: ignored
        try:
            piece = self._decompressor.process(data, output_buffer_limit=OUTPUT_CHUNK)
            while piece:  # output held back by the limit comes out on calls with no new input
                yield piece
                if self._decompressor.is_finished():
                    return
                piece = self._decompressor.process(b"", output_buffer_limit=OUTPUT_CHUNK)
        except brotli.error as exc:
            raise FetchError(DAMAGED) from exc

    def finish(self) -> Iterator[bytes]:
        return iter(())


def _has_zlib_header(data: bytes) -> bool:
    """RFC 1950: compression method 8 and a header checksum divisible by 31."""
    return len(data) >= ZLIB_HEADER_BYTES and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0


def decoder_for(content_encoding: str | None) -> Decoder:
    """The decoder for a Content-Encoding header; a stack of codings or an unknown one is refused."""
    codings = [part.strip().lower() for part in (content_encoding or "").split(",") if part.strip()]
    codings = [coding for coding in codings if coding != "identity"]
    if not codings:
        return IdentityDecoder()
    if len(codings) == 1:
        if codings[0] in ("gzip", "x-gzip"):
            return ZlibDecoder(gzip=True)
        if codings[0] == "deflate":
            return ZlibDecoder(gzip=False)
        if codings[0] == "br":
            return BrotliDecoder()
    raise FetchError(UNKNOWN_ENCODING)


async def read_body(raw_chunks: AsyncIterator[bytes], *, content_encoding: str | None, max_bytes: int,
                    check_start: Callable[[bytes], None] | None = None) -> bytes:
    """The decoded body, or TooLargeError as soon as it (or its compressed form) passes `max_bytes`.

    `check_start` sees the first SNIFF_BYTES decoded bytes once (or the whole body if shorter),
    so a binary file can be refused before the rest is downloaded.
    """
    decoder = decoder_for(content_encoding)
    body = bytearray()
    received = 0
    checked = check_start is None

    def take(pieces: Iterator[bytes]) -> None:
        nonlocal checked
        for piece in pieces:
            body.extend(piece)
            if len(body) > max_bytes:
                raise TooLargeError()
            if not checked and len(body) >= SNIFF_BYTES:
                checked = True
                check_start(bytes(body[:SNIFF_BYTES]))  # type: ignore[misc]

    async for chunk in raw_chunks:
        received += len(chunk)
        if received > max_bytes:
            raise TooLargeError()
        take(decoder.feed(chunk))
    take(decoder.finish())
    if not checked and check_start is not None:
        check_start(bytes(body))
    return bytes(body)
