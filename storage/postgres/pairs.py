"""A digest's pairs of adjacent words, as small numbers, for deciding a "phrase" in an index (schema step 6).

chat_search's lexemes carry no positions, so its index finds the digests holding a phrase's words but
not in a row; in a chat holding thousands of digests with three common words, the exact check on each
candidate's wide row was most of a phrase search. `digest_pairs` holds, per digest, every two words
that stand at adjacent positions of its `search` vector, each hashed to one of 2**PAIR_BITS buckets
(a SMALLINT: a key of the GIN index is two bytes, and the index has at most 65,536 of them), and a
phrase of n words asks for its n - 1 pairs' buckets. Pairs are read from the vector's positions, not
the text, so they agree with the exact check (`'a' <-> 'b'` on the vector) even where the vector
clamps positions or keeps only 256 of a word's; two pairs sharing a bucket only add candidates,
which that check turns down.

Building them in SQL from the vector's positions cost about 5 ms a digest, so Python makes them: the
store at save (storage.postgres.tokens.search_vectors), and for the digests already stored, the
migration reads each vector's text back (`backfill_pairs`, in batches, COPY in).
"""

from __future__ import annotations

import re
import time
import zlib
from collections.abc import Iterable, Mapping

import asyncpg

PAIR_BITS = 16
BACKFILL_BATCH = 2_000
BATCH_TIMEOUT_SECONDS = 3_600.0  # a batch's reads and writes, past the pool's command timeout on a busy server
_VECTOR_ENTRY = re.compile(r"'([^']*(?:''[^']*)*)'(?::([0-9A-D,]+))?")
_VECTOR_ESCAPE = re.compile(r"''|\\\\")
_WEIGHTS = str.maketrans("", "", "ABCD")
_MASK, _HALF = (1 << PAIR_BITS) - 1, 1 << (PAIR_BITS - 1)


def pair_bucket(first: str, second: str) -> int:
    """Two words in a row as a SMALLINT: CRC-32 of "first second" folded to PAIR_BITS."""
    return _folded(zlib.crc32(second.encode(), zlib.crc32(f"{first} ".encode())))


def _folded(crc: int) -> int:
    return (crc & _MASK) - _HALF


def pair_buckets(positions: Mapping[str, Iterable[int]]) -> list[int]:
    """The sorted buckets of every two words at adjacent positions (where `'a' <-> 'b'` would match)."""
    at: dict[int, str | list[str]] = {}  # a word per position; several only where positions are clamped
    for word, places in positions.items():
        for place in places:
            held = at.setdefault(place, word)
            if held is not word:
                at[place] = [*held, word] if isinstance(held, list) else [held, word]
    crc32 = zlib.crc32
    heads = {word: crc32(f"{word} ".encode()) for word in positions}  # CRC-32 goes on from a prefix's
    found = set()
    for place, first in at.items():
        second = at.get(place + 1)
        if second is None:
            continue
        if isinstance(first, str) and isinstance(second, str):
            found.add((crc32(second.encode(), heads[first]) & _MASK) - _HALF)
        else:
            found.update((crc32(two.encode(), heads[one]) & _MASK) - _HALF for one in _listed(first)
                         for two in _listed(second))
    return sorted(found)


def _listed(words: str | list[str]) -> list[str]:
    return [words] if isinstance(words, str) else words


def phrase_buckets(lexemes: tuple[str, ...], *, prefix: bool = False) -> list[int]:
    """The buckets a term's words in a row need (none for one word; a prefix's last word is not known whole)."""
    whole = lexemes[:-1] if prefix else lexemes
    return sorted({pair_bucket(first, second) for first, second in zip(whole, whole[1:])})


def vector_positions(text: str) -> dict[str, list[int]]:
    """A tsvector's text output (`'it''s':1A,4 'x'`) back into each lexeme's positions."""
    positions: dict[str, list[int]] = {}
    for lexeme, places in _VECTOR_ENTRY.findall(text):
        if "'" in lexeme or "\\" in lexeme:
            lexeme = _VECTOR_ESCAPE.sub(lambda found: found.group()[0], lexeme)
        positions[lexeme] = list(map(int, places.translate(_WEIGHTS).split(","))) if places else []
    return positions


async def backfill_pairs(db: asyncpg.Connection) -> None:
    """digest_pairs for every stored digest that has none, from its `search` vector, BACKFILL_BATCH at a time by id
    (inside the migration's transaction: a crash leaves step 5 and the next start begins again)."""
    last, done, started = 0, 0, time.perf_counter()
    while True:
        rows = await db.fetch(
            "SELECT d.id, d.search::text FROM digests AS d WHERE d.id > $1"
            " AND NOT EXISTS (SELECT FROM digest_pairs AS p WHERE p.digest_id = d.id) ORDER BY d.id LIMIT $2",
            last, BACKFILL_BATCH, timeout=BATCH_TIMEOUT_SECONDS)
        if not rows:
            break
        await db.copy_records_to_table(
            "digest_pairs", columns=("digest_id", "pairs"),
            records=[(digest_id, pair_buckets(vector_positions(text))) for digest_id, text in rows],
            timeout=BATCH_TIMEOUT_SECONDS)
        last, done = rows[-1][0], done + len(rows)
        if done % 50_000 < BACKFILL_BATCH:
            print(f"  word pairs of {done:,} digests, {done / (time.perf_counter() - started):,.0f}/s", flush=True)
