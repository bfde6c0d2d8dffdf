"""The real `digestbot run` process against the strict fake Bot API, with pages from a local server.

One bot process serves the whole module (startup costs a second or two); each test uses its own
chat ids, so the tests do not see each other's digests. The last tests restart the bot.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest.errors import DamagedPdfError, LockedPdfError
from digest.fetch.guard import REFUSED_PRIVATE
from handlers.commands.help import COMMANDS, help_text
from tests.fakebotapi import BOT_USERNAME, TEST_TOKEN, BotProcess, ChatMessage, FakeBotAPI
from tests.pageserver import ARTICLE_PARAGRAPHS, PageServer
from tests.pdfs import Spec, build_pdf

ROOT = Path(__file__).resolve().parent.parent
RATE_LIMIT = 4
GROUP = -100_777
PARAGRAPHS = ARTICLE_PARAGRAPHS[:4]


def article(title: str, extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + (f"<p>{extra}</p>" if extra else "")
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title>"
            '<meta property="article:published_time" content="2025-03-03T07:30:00+00:00">'
            '<meta property="og:site_name" content="The Harbour Times"></head>'
            f"<body><nav><a href=/>Home</a></nav><article><h1>{title}</h1>{body}</article></body></html>")


@pytest.fixture(scope="module")
def pages() -> Iterator[PageServer]:
    with PageServer() as server:
        yield server


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBotAPI]:
    with FakeBotAPI(TEST_TOKEN) as fake:
        yield fake


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bot")


def bot_env(pages: PageServer) -> dict[str, str]:
    return {"DIGESTBOT_TRUSTED_HOSTS": pages.host_port, "DIGESTBOT_RATE_LIMIT": str(RATE_LIMIT)}


@pytest.fixture(scope="module")
def bot(api: FakeBotAPI, pages: PageServer, workdir: Path) -> Iterator[BotProcess]:
    process = BotProcess(api, workdir, env=bot_env(pages)).start()
    yield process
    if process.process is not None and process.process.poll() is None:
        process.stop()


def digest_reply(api: FakeBotAPI, chat: int, message_id: int) -> ChatMessage:
    return api.wait(lambda: api.final_reply(chat, message_id), what=f"a reply to {message_id} in {chat}")


def test_a_link(api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> None:
    url = pages.add("/link", article("Harbour bridge reopens after two years of repairs"))
    sent = api.send_text(1001, f"look {url}")
    reply = digest_reply(api, 1001, sent)
    assert reply.plain.startswith("Harbour bridge reopens after two years of repairs")
    assert "3 March 2025" in reply.plain and "The Harbour Times" in reply.plain
    assert reply.links[0] == url and reply.text.startswith("<b><a href=")
    assert reply.link_preview and reply.link_preview.get("url") == url
    assert any(call.params.get("action") == "typing" for call in api.calls_of("sendChatAction"))


def test_three_links_and_a_note_for_the_fourth(api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> None:
    urls = [pages.add(f"/three/{n}", article(f"Story number {n} about the bridge")) for n in range(4)]
    sent = api.send_text(1002, "\n".join(urls))
    replies = api.wait(lambda: api.final_replies(1002, sent, count=4))
    titles = sorted(m.plain.split("\n")[0] for m in replies if m.plain.startswith("Story"))
    assert titles == [f"Story number {n} about the bridge" for n in range(3)]
    assert any("up to 3 links" in m.plain for m in replies)
    assert pages.hits["/three/3"] == 0


def test_a_link_behind_text(api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> None:
    url = pages.add("/hidden", article("The hidden link story"))
    text = "read this article please"
    entity = {"type": "text_link", "offset": 5, "length": 4, "url": url}
    sent = api.send_message(1003, text=text, entities=[entity])
    assert digest_reply(api, 1003, sent).plain.startswith("The hidden link story")


def test_a_forwarded_channel_post(api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> None:
    url = pages.add("/forwarded", article("Channel story about the harbour"))
    origin = {"type": "channel", "date": 1700000000, "message_id": 77,
              "chat": {"id": -1001234, "type": "channel", "title": "Harbour News", "username": "harbournews"}}
    sent = api.send_message(1004, text=f"New: {url}", forward_origin=origin, forward_date=1700000000)
    reply = digest_reply(api, 1004, sent)
    assert reply.plain.startswith("Channel story about the harbour")
    assert "via Harbour News" in reply.plain and "https://t.me/harbournews/77" in reply.links
    text_only = api.send_message(1004, text="\n\n".join(PARAGRAPHS), forward_origin=origin, forward_date=1700000000)
    reply = digest_reply(api, 1004, text_only)
    assert "via Harbour News" in reply.plain and "harbour bridge" in reply.plain
    assert "t.me" not in reply.plain.split("\n")[1], "the post's address is not the article's publisher"


def test_the_pasted_rt_page(api: FakeBotAPI, bot: BotProcess, fixtures: Path) -> None:
    text = (fixtures / "rt-pentagon-pasted.txt").read_text(encoding="utf-8")
    sent = api.send_text(1005, text)
    reply = digest_reply(api, 1005, sent)
    assert "Pentagon" in reply.plain.split("\n")[0]
    assert "READ MORE" not in reply.plain


def test_a_paste_split_over_two_messages_is_one_digest(api: FakeBotAPI, bot: BotProcess, fixtures: Path) -> None:
    text = (fixtures / "rt-pentagon-pasted.txt").read_text(encoding="utf-8").strip()
    cut = text.rfind("\n", 0, 4000)
    first, second = text[:cut].strip(), text[cut:].strip()
    assert len(first) >= 3000 and second
    first_id = api.send_text(1006, first)
    second_id = api.send_text(1006, second)
    reply = digest_reply(api, 1006, first_id)
    assert "Pentagon" in reply.plain.split("\n")[0]
    assert api.replies(1006, second_id) == []
    assert len([m for m in api.bot_messages(1006) if not m.plain.startswith("Reading")]) == 1


def test_an_html_file(api: FakeBotAPI, bot: BotProcess) -> None:
    sent = api.send_document(1007, article("Saved page about the bridge").encode(), "saved.html", "text/html")
    assert digest_reply(api, 1007, sent).plain.startswith("Saved page about the bridge")


def test_a_pdf_document_and_a_pdf_link_become_digests(api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> None:
    sent = api.send_document(1012, build_pdf(Spec()), "bulletin.pdf", "application/pdf")
    reply = digest_reply(api, 1012, sent)
    assert reply.plain.startswith("The north quay reopens after the storm season")
    assert "7 April 2022" in reply.plain and "Quarterly Bulletin" not in reply.plain
    pages.add("/bulletin.pdf", build_pdf(Spec(title="The south basin closes for dredging")),
              content_type="application/pdf")
    for _ in range(2):  # the second time from the cache
        sent = api.send_text(1012, pages.url("/bulletin.pdf"))
        assert digest_reply(api, 1012, sent).plain.startswith("The south basin closes for dredging")
    assert pages.hits["/bulletin.pdf"] == 1
    searched = api.send_text(1012, "/search dredging")
    assert "The south basin closes for dredging" in bot_answer(api, 1012, searched).plain


def test_broken_pdfs_and_things_that_are_not_pages(api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> None:
    sent = api.send_text(1008, pages.url("/pdf"))
    assert digest_reply(api, 1008, sent).plain == DamagedPdfError.user_message
    locked = api.send_document(1008, build_pdf(Spec(user_password="secret")), "locked.pdf", "application/pdf")
    assert digest_reply(api, 1008, locked).plain == LockedPdfError.user_message
    others = [
        api.send_document(1008, b"just text", "notes.bin", "application/octet-stream"),
        api.send_message(1008, photo=[{"file_id": "p", "file_unique_id": "p", "width": 9, "height": 9}]),
        api.send_message(1008, sticker={"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 9,
                                        "height": 9, "is_animated": False, "is_video": False}),
        api.send_message(1008, voice={"file_id": "v", "file_unique_id": "v", "duration": 2}),
        api.send_text(1008, "hello there"),
    ]
    unknown = api.send_text(1008, "/frobnicate")
    assert digest_reply(api, 1008, unknown).plain.startswith("I don't know that command")
    for message_id in others:
        assert "I can't make a digest from" in digest_reply(api, 1008, message_id).plain
    assert "that file" in api.replies(1008, others[0])[0].plain


def test_a_slow_page_gets_a_placeholder_then_the_digest(api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> None:
    sent = api.send_text(1009, pages.url("/slow-headers?seconds=2"))
    api.wait(lambda: api.replies(1009, sent), what="the placeholder")
    reply = digest_reply(api, 1009, sent)
    assert reply.edits == 1 and reply.plain.startswith("Harbour bridge")


@pytest.fixture(scope="module")
def group_history(api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> list[str]:
    """Six digests in a group, sent by two members who mention the bot (privacy mode on)."""
    titles = [f"Bridge chronicle part {n}" for n in range(6)]
    urls = [pages.add(f"/group/{n}", article(title)) for n, title in enumerate(titles)]
    sent = [api.send_text(GROUP, f"@{BOT_USERNAME} " + " ".join(urls[i:i + 3]), user_id=2000 + i, chat_type="supergroup")
            for i in (0, 3)]
    for message_id in sent:
        api.wait(lambda: api.final_replies(GROUP, message_id, count=3))
    replied = api.send_text(GROUP, pages.url("/group/0"), user_id=2002, chat_type="supergroup",
                            reply_to_message_id=api.replies(GROUP, sent[0])[0].message_id)
    assert digest_reply(api, GROUP, replied).plain.startswith(titles[0])  # a reply to the bot is for the bot
    ignored = api.send_text(GROUP, pages.url("/group/ignored"), user_id=2001, chat_type="supergroup")
    marker = api.send_text(GROUP, "/help", user_id=2001, chat_type="supergroup")
    api.wait(lambda: api.replies(GROUP, marker) or [m for m in api.bot_messages(GROUP) if "Commands:" in m.plain])
    assert api.replies(GROUP, ignored) == []  # not addressed to the bot: no answer in a group
    return titles


def test_search_with_paging_buttons(api: FakeBotAPI, bot: BotProcess, group_history: list[str]) -> None:
    sent = api.send_text(GROUP, "/search chronicle", user_id=2000, chat_type="supergroup")
    page = api.wait(lambda: api.replies(GROUP, sent) or next(
        (m for m in api.bot_messages(GROUP) if m.plain.startswith("“chronicle”")), None))
    page = page[0] if isinstance(page, list) else page
    assert "1–5 of 6" in page.plain and len(re.findall(r"(?m)^\d\. Bridge chronicle part", page.plain)) == 5
    [next_button] = page.buttons()
    assert next_button["text"] == "Next »"
    api.press(GROUP, page.message_id, next_button["callback_data"], user_id=2000)
    api.wait(lambda: "6–6 of 6" in (api.message(GROUP, page.message_id).plain or ""), what="page 2")
    [previous] = api.message(GROUP, page.message_id).buttons()
    assert previous["text"] == "« Previous"
    assert api.calls_of("answerCallbackQuery")
    long_query = "chronicle harbour bridge reopened traffic Monday morning repairs"  # too long for callback data
    sent = api.send_text(GROUP, f"/search {long_query}", user_id=2000, chat_type="supergroup")
    page = bot_answer(api, GROUP, sent)
    assert "1–5 of 6" in page.plain
    [next_button] = page.buttons()
    api.press(GROUP, page.message_id, next_button["callback_data"], user_id=2000)
    api.wait(lambda: "6–6 of 6" in (api.message(GROUP, page.message_id).plain or ""), what="page 2 of a long query")


def bot_answer(api: FakeBotAPI, chat: int, after: int) -> ChatMessage:
    """The first bot message in `chat` after message id `after`."""
    return api.wait(lambda: next((m for m in api.bot_messages(chat) if m.message_id > after), None))


def test_recent(api: FakeBotAPI, bot: BotProcess, group_history: list[str]) -> None:
    sent = api.send_text(GROUP, "/recent", user_id=2001, chat_type="supergroup")
    answer = bot_answer(api, GROUP, sent)
    assert answer.plain.startswith("Recent digests in this chat")
    assert all(title in answer.plain for title in group_history)


def test_export_json_and_markdown(api: FakeBotAPI, bot: BotProcess, group_history: list[str]) -> None:
    sent = api.send_text(GROUP, "/export", user_id=2001, chat_type="supergroup")
    document = api.wait(lambda: next((m for m in api.bot_messages(GROUP) if m.document and m.message_id > sent), None))
    name, data = document.document  # type: ignore[misc]
    assert name.endswith(".json")
    exported = json.loads(data)
    assert all(title in json.dumps(exported) for title in group_history)
    sent = api.send_text(GROUP, "/export md", user_id=2001, chat_type="supergroup")
    document = api.wait(lambda: next((m for m in api.bot_messages(GROUP) if m.document and m.message_id > sent), None))
    assert document.document[0].endswith(".md") and b"Bridge chronicle part 5" in document.document[1]  # type: ignore[index]


def test_inline_query_finds_only_the_users_own_digests(api: FakeBotAPI, bot: BotProcess) -> None:
    mine = api.inline_query(1001, "harbour")
    results = api.wait(lambda: api.inline_answer(mine))
    assert results[0]["title"].startswith("Harbour bridge reopens")
    assert results[0]["input_message_content"]["parse_mode"] == "HTML"
    theirs = api.inline_query(1003, "harbour bridge reopens")
    api.wait(lambda: api.inline_answer(theirs) is not None)
    assert api.inline_answer(theirs) == []


def test_two_chats_see_only_their_own_digests(api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> None:
    url = pages.add("/secret", article("Zanzibar secret report"))
    digest_reply(api, 1010, api.send_text(1010, url))
    asked = api.send_text(1011, "/search zanzibar")
    assert bot_answer(api, 1011, asked).plain.startswith("Nothing in this chat's digests matches")
    asked = api.send_text(1010, "/search zanzibar")
    assert "Zanzibar secret report" in bot_answer(api, 1010, asked).plain


def test_the_same_link_twice_is_fetched_once(api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> None:
    url = pages.add("/once", article("Only fetched once"))
    first = digest_reply(api, 1012, api.send_text(1012, url))
    second = digest_reply(api, 1013, api.send_text(1013, url))
    assert first.plain == second.plain and second.edits == 0
    assert pages.hits["/once"] == 1


def test_a_link_sent_by_several_chats_at_once_is_fetched_once(api: FakeBotAPI, pages: PageServer,
                                                              bot: BotProcess) -> None:
    before = pages.hits["/slow-headers"]
    url = pages.url("/slow-headers?seconds=1.5&link=viral")
    sent = [(chat, api.send_text(chat, url)) for chat in (1020, 1021, 1022)]
    replies = [digest_reply(api, chat, message_id) for chat, message_id in sent]
    assert all(reply.plain.startswith("Harbour bridge") for reply in replies)
    assert pages.hits["/slow-headers"] - before == 1


def test_a_private_address_is_refused_without_a_request(api: FakeBotAPI, bot: BotProcess) -> None:
    with PageServer() as other:  # also 127.0.0.1, but not a trusted host:port
        sent = api.send_text(1014, other.url("/page"))
        refusal = digest_reply(api, 1014, sent).plain
        assert other.connections == 0 and "Source:" not in refusal
    sent = api.send_text(1014, "http://10.1.2.3/page")  # a private address on a usual port
    assert digest_reply(api, 1014, sent).plain == REFUSED_PRIVATE


def test_the_rate_limit_answers_kindly(api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> None:
    url = pages.add("/limit", article("Rate limited story"))
    sent = [api.send_text(1015, url) for _ in range(RATE_LIMIT + 1)]
    replies = [digest_reply(api, 1015, message_id) for message_id in sent]
    refused = [m for m in replies if "my limit per person" in m.plain]
    assert len(refused) == 1 and re.search(r"again in \d+ seconds", refused[0].plain)


def test_flood_control_retry_after_is_honoured(api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> None:
    url = pages.add("/flood", article("Flood control story"))
    api.fail_next("sendMessage", "Too Many Requests: retry after 1", code=429, retry_after=1)
    sent = api.send_text(1019, url)
    assert digest_reply(api, 1019, sent).plain.startswith("Flood control story")
    refused = [call for call in api.calls_of("sendMessage") if call.error and call.params.get("chat_id") == 1019]
    assert len(refused) == 1  # refused once, then sent again after the wait


def test_forget_asks_first(api: FakeBotAPI, bot: BotProcess, group_history: list[str]) -> None:
    sent = api.send_text(GROUP, "/forget", user_id=2000, chat_type="supergroup")
    question = bot_answer(api, GROUP, sent)
    yes, cancel = question.buttons()
    answered = len(api.calls_of("answerCallbackQuery"))
    api.press(GROUP, question.message_id, yes["callback_data"], user_id=2001)
    api.wait(lambda: len(api.calls_of("answerCallbackQuery")) > answered)
    assert api.message(GROUP, question.message_id).edits == 0  # only the asker may answer
    api.press(GROUP, question.message_id, yes["callback_data"], user_id=2000)
    api.wait(lambda: api.message(GROUP, question.message_id).plain.startswith("Forgotten: 6 digests"))
    asked = api.send_text(GROUP, "/recent", user_id=2000, chat_type="supergroup")
    assert bot_answer(api, GROUP, asked).plain.startswith("No digests in this chat yet")


def test_help_menu_and_readme_list_the_same_commands(api: FakeBotAPI, bot: BotProcess) -> None:
    sent = api.send_text(1016, "/help")
    shown = bot_answer(api, 1016, sent).plain
    assert shown == help_text()
    assert api.commands == [{"command": c.name, "description": c.description} for c in COMMANDS]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Commands", 1)[1].split("\n## ", 1)[0]
    block = section.split("```text\n", 1)[1].split("\n```", 1)[0]
    assert block == help_text()


def test_no_call_was_refused_and_the_token_never_logged(api: FakeBotAPI, bot: BotProcess) -> None:
    refused = [(call.method, call.error) for call in api.errors() if call.error and not call.error.startswith("Too Many")]
    assert refused == []
    log = bot.log()
    assert "sendMessage" in log  # DEBUG logging did run
    assert TEST_TOKEN not in log and TEST_TOKEN.split(":")[1] not in log


def test_sigterm_finishes_work_then_a_restart_keeps_history(api: FakeBotAPI, pages: PageServer, bot: BotProcess,
                                                          workdir: Path) -> None:
    sent = api.send_text(1017, pages.url("/slow-headers?seconds=2"))
    api.wait(lambda: api.replies(1017, sent), what="the placeholder")
    assert bot.stop() == 0
    assert digest_reply(api, 1017, sent).plain.startswith("Harbour bridge")  # finished before exiting
    assert "database closed" in bot.log()
    again = BotProcess(api, workdir, env={**bot_env(pages), "DIGESTBOT_ALLOWED_CHATS": "1001,1017"}).start()
    try:
        asked = api.send_text(1001, "/recent")
        assert "Harbour bridge reopens" in bot_answer(api, 1001, asked).plain
        stranger = api.send_text(1018, "/recent")
        assert bot_answer(api, 1018, stranger).plain == "Sorry, this bot is private."
    finally:
        assert again.stop() == 0
