"""`digestbot db copy`: a SQLite history into PostgreSQL and back, whole, idempotent, with progress."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from digest.model import Digest
from storage import DigestStore
from storage.chat_settings import ChatSettings
from tests.test_storage_support import Clock, PgBackend, SqliteBackend, make_digest

CHATS = (1, -100123, 42)


def digestbot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin"})


async def fill(store: DigestStore, clock: Clock) -> None:
    """Three chats, shared and private digests, messages, a pasted text, a digest reached by two links."""
    for n in range(600):  # more than one copy batch
        clock.advance(days=0.001)
        chat = CHATS[n % 3]
        digest = make_digest(f"Story {n} about walrus {n % 7}", url=f"https://coast.example/{n}")
        await store.save(digest, chat_id=chat, source_url=f"https://t.co/{n}", message_id=n)
        if n % 10 == 0:
            await store.save(digest, chat_id=CHATS[(n + 1) % 3], source_url=digest.url)
    await store.save(Digest(title="Pasted café note", summary="A note.", body="A note about the café."), chat_id=1,
                     source_text="A note about the café.")
    await store.set_chat_settings(-100123, ChatSettings(language="uk", summary="short", quotes=1, previews=False))


async def snapshot(store: DigestStore) -> dict[str, object]:
    """What users can see of a store: every chat's export (ids and times included), some searches, the cache."""
    seen: dict[str, object] = {}
    for chat in CHATS:
        seen[f"export {chat}"] = await store.export_chat(chat, "json")
        for query in ("walrus 3", '"story 10"', "site:coast.example -walrus", "cafe", "stor", "story 1 walrus"):
            page = await store.search(chat, query, limit=50)  # the whole page when it holds every hit
            seen[f"{chat} {query}"] = (page.total, sorted(hit.digest_id for hit in page.hits) if
                                       page.total <= len(page.hits) else None)
    seen["cached link"] = await store.cached("https://t.co/17")
    seen["cached text"] = await store.cached_text("a note about the CAFÉ.")
    seen["message"] = await store.digest_for_message(CHATS[5 % 3], 5)
    seen["settings"] = [await store.get_chat_settings(chat) for chat in CHATS]
    return seen


async def test_a_history_goes_to_postgresql_and_back_whole(tmp_path: Path, pg_dsn: str) -> None:
    clock = Clock()
    sqlite = SqliteBackend(tmp_path / "first.sqlite3")
    store = await sqlite.open(clock=clock)
    try:
        await fill(store, clock)
        before = await snapshot(store)
    finally:
        await store.close()

    copied = digestbot("db", "copy", str(sqlite.path), pg_dsn)
    assert copied.returncode == 0, copied.stderr
    assert "601/601 digests (100%)" in copied.stderr and "500/601" in copied.stderr
    again = digestbot("db", "copy", f"sqlite:///{sqlite.path}", pg_dsn)
    assert again.returncode == 0, again.stderr

    postgres = PgBackend(pg_dsn)
    assert await postgres.count("digests") == 601 and await postgres.count("history") == 601 + 60
    assert await postgres.integrity() == ("ok", "ok")
    store = await postgres.open(clock=clock)
    try:
        assert await snapshot(store) == before, "the same digests, ids, times, searches and cache"
        new_id = await store.save(make_digest("After the move"), chat_id=1)
        assert new_id > 601, "new digests get ids after the copied ones"
        moved = await snapshot(store)
    finally:
        await store.close()

    back = SqliteBackend(tmp_path / "back.sqlite3")
    returned = digestbot("db", "copy", pg_dsn, str(back.path))
    assert returned.returncode == 0, returned.stderr
    store = await back.open(clock=clock)
    try:
        assert await snapshot(store) == moved
        assert await store.get(1, new_id) == make_digest("After the move")
    finally:
        await store.close()
    assert await back.integrity() == ("ok", "ok")


def test_bad_copies_are_one_sentence(tmp_path: Path) -> None:
    same = digestbot("db", "copy", str(tmp_path / "a.sqlite3"), str(tmp_path / "a.sqlite3"))
    assert same.returncode == 2 and "the same store" in same.stderr
    scheme = digestbot("db", "copy", "mysql://x@y/z", str(tmp_path / "a.sqlite3"))
    assert scheme.returncode == 2 and "postgresql://" in scheme.stderr and "Traceback" not in scheme.stderr
    down = digestbot("db", "copy", str(tmp_path / "a.sqlite3"), "postgresql://nobody@127.0.0.1:9/none")
    assert down.returncode == 1 and "could not reach the database" in down.stderr and "Traceback" not in down.stderr
