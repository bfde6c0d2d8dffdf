"""The real bot process on a real PostgreSQL server: it answers, and when the server goes away users
get one sentence, and the bot carries on by itself once the server is back (no restart)."""

from __future__ import annotations

from pathlib import Path

from storage.base import StoreUnavailableError
from tests.fakebotapi import TEST_TOKEN, BotProcess, ChatMessage, FakeBotAPI
from tests.pageserver import PageServer
from tests.pgserver import PgCluster
from tests.test_bot import article, digest_reply

CHAT = 5_001
UNAVAILABLE = StoreUnavailableError.user_message


def answer_after(api: FakeBotAPI, chat: int, after: int) -> ChatMessage:
    return api.wait(lambda: next((m for m in api.bot_messages(chat) if m.message_id > after and m.plain), None))


def test_the_bot_on_postgresql_rides_out_a_server_restart(pg_cluster: PgCluster, pg_dsn: str, tmp_path: Path) -> None:
    with PageServer() as pages, FakeBotAPI(TEST_TOKEN) as api:
        first = pages.add("/pg/first", article("Harbour bridge reopens after repairs"))
        second = pages.add("/pg/second", article("Ferry timetable changes for winter"))
        bot = BotProcess(api, tmp_path, env={"DIGESTBOT_DB": pg_dsn, "DIGESTBOT_TRUSTED_HOSTS": pages.host_port,
                                             "DIGESTBOT_DB_TIMEOUT": "3"}).start()
        try:
            sent = api.send_text(CHAT, first)
            assert digest_reply(api, CHAT, sent).plain.startswith("Harbour bridge reopens")
            pg_cluster.stop("fast")
            try:
                sent = api.send_text(CHAT, "/search harbour")
                assert answer_after(api, CHAT, sent).plain == UNAVAILABLE
                sent = api.send_text(CHAT, second)
                assert digest_reply(api, CHAT, sent).plain == UNAVAILABLE
            finally:
                pg_cluster.start()
            sent = api.send_text(CHAT, "/search harbour")
            assert "“harbour”: 1–1 of 1" in answer_after(api, CHAT, sent).plain
            sent = api.send_text(CHAT, second)
            assert digest_reply(api, CHAT, sent).plain.startswith("Ferry timetable changes")
            assert bot.process is not None and bot.process.poll() is None, "the same process throughout"
        finally:
            assert bot.stop() == 0, bot.log()[-3000:]
