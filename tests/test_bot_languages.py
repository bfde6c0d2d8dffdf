"""The real bot process in every language, and /settings, against the strict fake Bot API.

The strict server refuses any message whose HTML Telegram would refuse, so a translation that
broke a reply would show here as a refused call.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from digest.fetch.guard import REFUSED_PRIVATE
from handlers.commands.help import CANNOT_READ_SHORT, bot_commands, help_text
from handlers.commands.settings import SETTINGS_PREFIX
from handlers.i18n import LANGUAGES, words_for
from tests.fakebotapi import TEST_TOKEN, BotProcess, ChatMessage, FakeBotAPI
from tests.pageserver import PageServer
from tests.test_bot import article  # the same dated page, 3 March 2025, 07:30

TITLE = "Harbour bridge reopens after two years of repairs"
RU = words_for("ru")


@pytest.fixture(scope="module")
def pages() -> Iterator[PageServer]:
    with PageServer() as server:
        server.add("/story", article(TITLE))
        yield server


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBotAPI]:
    with FakeBotAPI(TEST_TOKEN) as fake:
        yield fake


@pytest.fixture(scope="module")
def bot(api: FakeBotAPI, pages: PageServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    process = BotProcess(api, tmp_path_factory.mktemp("languages"),
                         env={"DIGESTBOT_TRUSTED_HOSTS": pages.host_port, "DIGESTBOT_RATE_LIMIT": "100"}).start()
    yield process
    assert process.stop() == 0


def answer(api: FakeBotAPI, chat: int, after: int) -> ChatMessage:
    """The bot's last word on a message: its reply once no placeholder is pending."""
    return api.wait(lambda: api.final_reply(chat, after) or next(
        (m for m in api.bot_messages(chat) if m.message_id > after and m.reply_to is None), None),
        what=f"an answer to {after} in {chat}")


def ask(api: FakeBotAPI, chat: int, text: str, language: str) -> ChatMessage:
    return answer(api, chat, api.send_text(chat, text, language_code=language))


def press(api: FakeBotAPI, chat: int, message: ChatMessage, data: str, language: str) -> ChatMessage:
    """Press a button and wait until the bot has redrawn the message."""
    before = api.message(chat, message.message_id).edits
    api.press(chat, message.message_id, data, language_code=language)
    return api.wait(lambda: (m := api.message(chat, message.message_id)).edits > before and m, what=f"{data} redrawn")


def test_a_russian_user_gets_start_help_menu_refusal_and_dateline_in_russian(
        api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> None:
    chat = 3001
    start = ask(api, chat, "/start", "ru").plain
    assert start.startswith("Здравствуйте! Я делаю из статей дайджесты") and help_text(RU) in start
    assert ask(api, chat, "/help", "ru").plain == help_text(RU)
    assert api.commands_by_language["ru"] == [{"command": c.command, "description": c.description}
                                              for c in bot_commands(RU)]
    assert api.commands_by_language["ru"][0]["description"] == "что умеет этот бот"
    assert api.commands[0]["description"] == "what this bot does"  # every other language: English
    refusal = ask(api, chat, "http://10.1.2.3/page", "ru").plain
    assert refusal == RU.gettext(REFUSED_PRIVATE) and refusal.startswith("Эта ссылка ведёт на адрес")
    assert ask(api, chat, "/frobnicate", "ru").plain == "Такой команды я не знаю; список моих команд — в /help."
    digest = ask(api, chat, pages.url("/story"), "ru").plain
    title, dateline = digest.split("\n\n")[:2]
    assert title == TITLE  # the article's own words stay as they are
    assert "3 марта 2025, 07:30" in dateline and "The Harbour Times" in dateline
    assert "Источник: The Harbour Times" in digest and "Ribeiro" in digest


def test_every_language_passes_the_strict_html_check(api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> None:
    for number, language in enumerate(LANGUAGES):
        chat = 3100 + number
        words = words_for(language)
        assert ask(api, chat, "/help", language).plain == help_text(words)
        assert words.gettext("No digests in this chat yet: send me a link to make the first one.") == ask(
            api, chat, "/recent", language).plain
        assert ask(api, chat, "hello there", language).plain == words.gettext(CANNOT_READ_SHORT)
        ask(api, chat, "/export yaml", language)
        ask(api, chat, "/search", language)
        digest = ask(api, chat, pages.url("/story"), language)
        assert digest.plain.startswith(TITLE)
        assert words.gettext("Source: ").strip() in digest.plain
        found = ask(api, chat, "/search harbour", language)
        assert words.gettext("“{query}”: {first}–{last} of {total}", query="harbour", first=1, last=1, total=1) \
            in found.plain
        assert ask(api, chat, "/search nothingmatcheshere", language).plain == words.gettext(
            "Nothing in this chat's digests matches “{query}”.", query="nothingmatcheshere")
        panel = ask(api, chat, "/settings", language)
        assert panel.plain.startswith(words.gettext("Settings for this chat"))
        press(api, chat, panel, f"{SETTINGS_PREFIX}:quo:1", language)
        question = ask(api, chat, "/forget", language)
        _, cancel = question.buttons()
        assert cancel["text"] == words.gettext("Cancel")
        assert press(api, chat, question, cancel["callback_data"], language).plain == words.gettext(
            "Kept: nothing was forgotten.")
    refused = [(call.method, call.error) for call in api.errors() if call.error]
    assert refused == []


def test_settings_change_the_next_digest_in_that_chat_only(api: FakeBotAPI, pages: PageServer, bot: BotProcess) -> None:
    mine, other = 3201, 3202
    before = ask(api, other, pages.url("/story"), "ru")
    assert "<blockquote" in before.text and not (before.link_preview or {}).get("is_disabled")
    panel = ask(api, mine, "/settings", "ru")
    assert panel.plain.startswith("Настройки этого чата")
    assert "Язык: язык Telegram каждого читателя" in panel.plain
    for data in ("lang:de", "sum:short", "quo:0", "pre:off"):
        panel = press(api, mine, panel, f"{SETTINGS_PREFIX}:{data}", "ru")
    assert panel.plain.startswith("Einstellungen für diesen Chat")  # redrawn in the chat's new language
    assert "✓ Deutsch" in [button["text"] for button in panel.buttons()]
    hits = pages.hits["/story"]
    mine_now = ask(api, mine, pages.url("/story"), "ru")  # from the cache: only its look changes
    assert pages.hits["/story"] == hits
    assert "3. März 2025, 07:30" in mine_now.plain and "Quelle: The Harbour Times" in mine_now.plain
    assert "<blockquote" not in mine_now.text and (mine_now.link_preview or {}).get("is_disabled")
    summary, full = mine_now.plain.split("\n\n")[2], before.plain.split("\n\n")[2]
    assert len(re.findall(r"[.!?](?:\s|$)", summary)) == 1 and full.startswith(summary) and len(full) > len(summary)
    other_now = ask(api, other, pages.url("/story"), "ru")
    assert other_now.text == before.text and "3 марта 2025" in other_now.plain
    assert [(call.method, call.error) for call in api.errors() if call.error] == []


def test_the_chat_language_outranks_the_readers(api: FakeBotAPI, bot: BotProcess) -> None:
    chat = 3301
    panel = ask(api, chat, "/settings", "en")
    press(api, chat, panel, f"{SETTINGS_PREFIX}:lang:uk", "en")
    assert ask(api, chat, "/help", "ru").plain == help_text(words_for("uk"))
    press(api, chat, api.message(chat, panel.message_id), f"{SETTINGS_PREFIX}:lang:auto", "en")
    assert ask(api, chat, "/help", "pt-br").plain == help_text(words_for("pt"))
