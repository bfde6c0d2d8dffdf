"""`digestbot run` refuses bad configuration with one sentence, and serves webhooks when asked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.logs import REDACTED, RedactingFilter
from tests.fakebotapi import ROOT, TEST_TOKEN, BotProcess, FakeBotAPI

RUN_TIMEOUT_SECONDS = 60
WEBHOOK_SECRET = "s3cret_for_tests"
CONNECT_ATTEMPTS = 50


def run_bot(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    base = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), "DIGESTBOT_DB": str(tmp_path / "db.sqlite3")}
    return subprocess.run([sys.executable, "-m", "bot", "run", *args], env={**base, **env}, cwd=tmp_path,
                          capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS)


@pytest.mark.parametrize(("token", "says"), [
    ("", "TELEGRAM_BOT_TOKEN is not set"),
    ("not-a-token", "does not look like a bot token"),
])
def test_a_missing_or_malformed_token_is_one_sentence(tmp_path: Path, token: str, says: str) -> None:
    result = run_bot(tmp_path, {"TELEGRAM_BOT_TOKEN": token})
    assert result.returncode != 0
    assert says in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_token_telegram_refuses_is_one_sentence(tmp_path: Path) -> None:
    with FakeBotAPI(TEST_TOKEN) as api:
        other = "987654321:AAE-another_token_the_server_does_not_know"
        result = run_bot(tmp_path, {"TELEGRAM_BOT_TOKEN": other, "TELEGRAM_API_BASE_URL": api.base_url})
    assert result.returncode != 0
    assert "Telegram refused TELEGRAM_BOT_TOKEN" in result.stderr and "Traceback" not in result.stderr
    assert other not in result.stderr and other not in result.stdout
    assert list(tmp_path.iterdir()) == [], "a failed start leaves no database behind"


def test_an_unreachable_bot_api_is_one_sentence(tmp_path: Path) -> None:
    import socket

    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    result = run_bot(tmp_path, {"TELEGRAM_BOT_TOKEN": TEST_TOKEN, "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{port}/bot"})
    assert result.returncode != 0
    assert "could not reach the Bot API" in result.stderr and "Traceback" not in result.stderr
    assert TEST_TOKEN.split(":")[1] not in result.stderr
    assert list(tmp_path.iterdir()) == [], "a failed start leaves no database behind"


def test_a_failed_start_keeps_a_database_that_was_there(tmp_path: Path) -> None:
    (tmp_path / "db.sqlite3").write_bytes(b"")  # what an older failed start left, or the operator made
    with FakeBotAPI(TEST_TOKEN) as api:
        result = run_bot(tmp_path, {"TELEGRAM_BOT_TOKEN": "987654321:AAE-another_token_the_server_does_not_know",
                                    "TELEGRAM_API_BASE_URL": api.base_url})
    assert result.returncode != 0 and (tmp_path / "db.sqlite3").exists()


def test_a_database_that_cannot_be_opened_is_one_sentence(tmp_path: Path) -> None:
    with FakeBotAPI(TEST_TOKEN) as api:
        result = run_bot(tmp_path, {"TELEGRAM_BOT_TOKEN": TEST_TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
                                    "DIGESTBOT_DB": str(tmp_path)})  # a directory, not a file
    assert result.returncode != 0
    assert "could not open the database" in result.stderr.splitlines()[-1]
    assert "Traceback" not in result.stderr


def test_webhook_needs_a_public_https_url(tmp_path: Path) -> None:
    result = run_bot(tmp_path, {"TELEGRAM_BOT_TOKEN": TEST_TOKEN}, "--webhook", "--url", "http://insecure.example")
    assert result.returncode != 0 and "public https URL" in result.stderr and "Traceback" not in result.stderr


def test_the_redacting_filter_hides_secrets_in_messages_and_tracebacks() -> None:
    import logging

    secret_filter = RedactingFilter([TEST_TOKEN])
    try:
        raise RuntimeError(f"GET https://api.telegram.org/bot{TEST_TOKEN}/getMe failed")
    except RuntimeError:
        record = logging.LogRecord("httpx", logging.ERROR, __file__, 1, "url %s", (f"/bot{TEST_TOKEN}/x",),
                                   sys.exc_info())
    assert secret_filter.filter(record)
    text = logging.Formatter().format(record)
    assert TEST_TOKEN not in text and text.count(REDACTED) == 2


@pytest.fixture(scope="module")
def webhook_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeBotAPI, int]]:
    with FakeBotAPI(TEST_TOKEN) as api:
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        process = BotProcess(api, tmp_path_factory.mktemp("webhook"), args=(
            "--webhook", "--listen", f"127.0.0.1:{port}", "--url", "https://bot.example/hook/path",
            "--secret-token", WEBHOOK_SECRET), env={"DIGESTBOT_ALLOW_PRIVATE_URLS": "1"})
        process.start()
        api.wait(lambda: api.webhook.get("url"), what="setWebhook")
        try:
            yield api, port
            assert "WARNING bot.app: DIGESTBOT_ALLOW_PRIVATE_URLS is on" in process.log()
        finally:
            assert process.stop() == 0


def post_update(port: int, update: dict[str, object], secret: str) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/hook/path", data=json.dumps(update).encode(), method="POST",
        headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret})
    for _ in range(CONNECT_ATTEMPTS):  # the webhook server may still be starting
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except urllib.error.URLError:
            time.sleep(0.2)
    raise AssertionError("the webhook server never accepted a connection")


def test_webhook_mode_sets_the_webhook_and_answers_updates(webhook_bot: tuple[FakeBotAPI, int]) -> None:
    api, port = webhook_bot
    assert api.webhook["url"] == "https://bot.example/hook/path"
    assert api.webhook["secret_token"] == WEBHOOK_SECRET
    chat = 5001
    api.send_text(chat, "/help")
    [update] = api.take_updates()
    assert post_update(port, update, "wrong") == 403
    assert post_update(port, update, WEBHOOK_SECRET) == 200
    answer = api.wait(lambda: next((m for m in api.bot_messages(chat) if "Commands:" in (m.plain or "")), None))
    assert answer.plain.count("/search") == 1


def test_an_unreachable_postgresql_server_is_one_sentence(tmp_path: Path) -> None:
    import socket

    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with FakeBotAPI(TEST_TOKEN) as api:
        result = run_bot(tmp_path, {"TELEGRAM_BOT_TOKEN": TEST_TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
                                    "DIGESTBOT_DB": f"postgresql://bot:hunter2@127.0.0.1:{port}/digests",
                                    "DIGESTBOT_DB_TIMEOUT": "3"})
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "could not reach the PostgreSQL server" in result.stderr and "Traceback" not in result.stderr
    assert "hunter2" not in result.stderr
    assert not (tmp_path / "postgresql:").exists(), "never taken for a file path"


def test_an_unknown_database_scheme_is_one_sentence(tmp_path: Path) -> None:
    result = run_bot(tmp_path, {"TELEGRAM_BOT_TOKEN": TEST_TOKEN, "DIGESTBOT_DB": "mysql://bot@db/digests"})
    assert result.returncode != 0 and "postgresql://" in result.stderr and "Traceback" not in result.stderr
    assert not any(tmp_path.iterdir()), "nothing created"


def test_webhook_on_postgresql_needs_one_shared_secret(tmp_path: Path) -> None:
    result = run_bot(tmp_path, {"TELEGRAM_BOT_TOKEN": TEST_TOKEN, "DIGESTBOT_DB": "postgresql://bot@127.0.0.1:9/db"},
                     "--webhook", "--url", "https://bot.example/telegram")
    assert result.returncode != 0 and "DIGESTBOT_WEBHOOK_SECRET" in result.stderr and "Traceback" not in result.stderr
