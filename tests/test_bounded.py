"""Capped decompression, fed the way a network feeds it: in chunks of every size."""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Callable

import brotli
import pytest

from digest.errors import FetchError, TooLargeError
from digest.fetch.bounded import OUTPUT_CHUNK, BrotliDecoder, Decoder, ZlibDecoder, read_body
from tests.pageserver import brotli_bomb, deflate_bomb, gzip_bomb

TEXT = b"<p>The bridge reopened on Monday after two years of repairs.</p>\n" * 2000
CHUNK_SIZES = (1, 2, 3, 7, 1000, 65536)


def _deflate(data: bytes, wbits: int) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    return compressor.compress(data) + compressor.flush()


GZIP = _deflate(TEXT, 16 + zlib.MAX_WBITS)
ZLIB = _deflate(TEXT, zlib.MAX_WBITS)
RAW = _deflate(TEXT, -zlib.MAX_WBITS)
BROTLI = brotli.compress(TEXT)


async def chunks(data: bytes, size: int) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start:start + size]


@pytest.mark.parametrize("size", CHUNK_SIZES)
@pytest.mark.parametrize(("encoding", "data", "expected"), [
    ("gzip", GZIP, TEXT),
    ("x-gzip", GZIP, TEXT),
    ("gzip", GZIP + GZIP, TEXT + TEXT),  # several members, as some servers send
    ("gzip", GZIP + b"\x00\x00 junk", TEXT),  # trailing junk ignored, as browsers do
    ("gzip", GZIP + b"\x1f", TEXT),
    ("deflate", ZLIB, TEXT),
    ("deflate", RAW, TEXT),  # raw deflate, which some servers send as "deflate"
    ("deflate", ZLIB + b"junk", TEXT),
    ("br", BROTLI, TEXT),
    ("identity", TEXT, TEXT),
    (None, TEXT, TEXT),
])
async def test_every_encoding_decodes_whatever_the_chunking(encoding: str | None, data: bytes, expected: bytes,
                                                            size: int) -> None:
    assert await read_body(chunks(data, size), content_encoding=encoding, max_bytes=len(expected)) == expected


@pytest.mark.parametrize("size", CHUNK_SIZES)
async def test_a_truncated_stream_gives_what_arrived(size: int) -> None:
    body = await read_body(chunks(GZIP[: len(GZIP) // 2], size), content_encoding="gzip", max_bytes=len(TEXT))
    assert body and TEXT.startswith(body)


@pytest.mark.parametrize(("encoding", "data"), [("gzip", GZIP), ("deflate", ZLIB), ("br", BROTLI), (None, TEXT)])
async def test_one_byte_over_the_cap_is_too_large(encoding: str | None, data: bytes) -> None:
    with pytest.raises(TooLargeError):
        await read_body(chunks(data, 4096), content_encoding=encoding, max_bytes=len(TEXT) - 1)


@pytest.mark.parametrize(("decoder", "bomb"), [
    (ZlibDecoder(gzip=True), gzip_bomb), (ZlibDecoder(gzip=False), deflate_bomb), (BrotliDecoder(), brotli_bomb)])
def test_a_whole_bomb_fed_at_once_comes_out_in_small_pieces(decoder: Decoder, bomb: Callable[[], bytes]) -> None:
    """1 GiB of zeros in one feed: every piece the decoder hands out stays near OUTPUT_CHUNK."""
    pieces = decoder.feed(bomb())
    sizes = [len(next(pieces)) for _ in range(50)]
    assert max(sizes) <= 2 * OUTPUT_CHUNK


@pytest.mark.parametrize("encoding", ["compress", "zstd", "gzip, br", "br, gzip"])
async def test_unknown_or_stacked_encodings_are_refused(encoding: str) -> None:
    with pytest.raises(FetchError, match="packed its page"):
        await read_body(chunks(GZIP, 1000), content_encoding=encoding, max_bytes=len(TEXT))


@pytest.mark.parametrize(("encoding", "data"), [("gzip", b"\x1f\x8b\x08\x00" + b"\xff" * 100), ("br", b"\xff" * 100)])
async def test_damaged_data_is_a_fetch_error(encoding: str, data: bytes) -> None:
    with pytest.raises(FetchError, match="damaged"):
        await read_body(chunks(data, 10), content_encoding=encoding, max_bytes=len(TEXT))


async def test_the_start_check_sees_the_first_bytes_once() -> None:
    seen: list[bytes] = []
    await read_body(chunks(GZIP, 7), content_encoding="gzip", max_bytes=len(TEXT), check_start=seen.append)
    assert len(seen) == 1 and TEXT.startswith(seen[0]) and len(seen[0]) == 1024
