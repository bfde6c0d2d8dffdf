"""Each chat's /settings in the store (both backends): defaults, one chat at a time, kept across restarts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from digest.model import Digest
from storage.chat_settings import DEFAULT_CHAT_SETTINGS, ChatSettings
from storage.sqlite.schema import SCHEMA_VERSION
from storage.sqlite.store import Store
from tests.test_storage_support import Backend


async def test_a_chat_that_never_chose_has_the_defaults_and_no_row(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        assert await store.get_chat_settings(42) == DEFAULT_CHAT_SETTINGS
    finally:
        await store.close()
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM chat_settings").fetchone() == (0,)
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


async def test_settings_are_per_chat_replaced_whole_and_kept_across_a_restart(backend: Backend) -> None:
    chosen = ChatSettings(language="ru", summary="short", quotes=0, previews=False)
    store = await backend.open()
    try:
        await store.set_chat_settings(-100_5, chosen)
        await store.set_chat_settings(7, ChatSettings(summary="long"))
        await store.set_chat_settings(7, ChatSettings(summary="long", quotes=1))
        assert await store.get_chat_settings(-100_5) == chosen
        assert await store.get_chat_settings(8) == DEFAULT_CHAT_SETTINGS
    finally:
        await store.close()
    store = await backend.open()
    try:
        assert await store.get_chat_settings(-100_5) == chosen
        assert await store.get_chat_settings(7) == ChatSettings(summary="long", quotes=1)
    finally:
        await store.close()


async def test_forgetting_the_history_keeps_the_settings(backend: Backend) -> None:
    store = await backend.open()
    try:
        await store.save(Digest(title="T", summary="S.", body="B."), chat_id=5)
        await store.set_chat_settings(5, ChatSettings(language="de"))
        assert await store.forget_chat(5) == 1
        assert (await store.get_chat_settings(5)).language == "de"
    finally:
        await store.close()
