"""The real bot process with documents that are not pages, documents over the cap, and a page
readability-lxml cannot read: one sentence each, nothing saved, and no traceback in the log."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from digest.errors import NotTextError
from handlers.commands.history import NO_HISTORY
from tests.fakebotapi import TEST_TOKEN, BotProcess, FakeBotAPI
from tests.pageserver import ARTICLE_PARAGRAPHS, PageServer

DOCUMENT_CAP = 20_000
CHAT = 2001


Bot = tuple[FakeBotAPI, PageServer, BotProcess]


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    """One bot process with a small document cap, its fake Bot API and a page server."""
    with PageServer() as pages, FakeBotAPI(TEST_TOKEN) as api:
        env = {"DIGESTBOT_TRUSTED_HOSTS": pages.host_port, "DIGESTBOT_MAX_PAGE_BYTES": str(DOCUMENT_CAP),
               "DIGESTBOT_RATE_LIMIT": "100"}
        process = BotProcess(api, tmp_path_factory.mktemp("bot-inputs"), env=env).start()
        try:
            yield api, pages, process
        finally:
            if process.process is not None and process.process.poll() is None:
                process.stop()


def reply_to(api: FakeBotAPI, message_id: int) -> str:
    return api.wait(lambda: api.final_reply(CHAT, message_id), what=f"a reply to {message_id}").plain


def test_documents_that_are_not_pages_or_too_large_get_one_sentence(bot: Bot) -> None:
    api, _, _ = bot
    rng = random.Random(5)
    binary = [
        api.send_document(CHAT, b"\x7fELF\x02\x01\x01\x00" + rng.randbytes(5_000), "ls.html", "text/html"),
        api.send_document(CHAT, rng.randbytes(5_000), "noise.htm", "application/octet-stream"),
        api.send_document(CHAT, b"PK\x03\x04" + rng.randbytes(5_000), "archive.html", "text/html"),
    ]
    for message_id in binary:
        assert reply_to(api, message_id) == NotTextError.user_message
    big = "<html><body>" + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS) * 40 + "</body></html>"
    assert len(big.encode()) > DOCUMENT_CAP
    large = api.send_document(CHAT, big.encode(), "big.html", "text/html")
    assert reply_to(api, large) == "That page is too large: I read web pages up to 20 KB."
    recent = api.send_text(CHAT, "/recent")
    assert reply_to(api, recent) == NO_HISTORY


def test_a_page_readability_cannot_read_is_one_sentence_and_one_log_line(bot: Bot) -> None:
    api, pages, process = bot
    body = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    url = pages.add("/unreadable", f"<html><body><p>\x01<?>x</p>{body}</body></html>")
    sent = api.send_text(CHAT + 1, url)
    said = api.wait(lambda: api.final_reply(CHAT + 1, sent), what="the reply").plain
    assert said.startswith("I found no article in that page")
    log = process.log()
    assert "Traceback" not in log
    complaints = [line for line in log.splitlines() if "readability.readability" in line]
    assert len(complaints) == 1 and "error getting summary: ValueError" in complaints[0]

