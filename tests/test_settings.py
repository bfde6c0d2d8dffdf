"""Settings: built from a plain mapping, every variable documented in .env.example and the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.settings import TELEGRAM_API_BASE_URL, Settings, SettingsError

ROOT = Path(__file__).resolve().parent.parent
VARIABLE = re.compile(r"\b((?:TELEGRAM|DIGESTBOT)_[A-Z_]+)\b")


def variables_read_by_settings() -> set[str]:
    return set(VARIABLE.findall((ROOT / "bot" / "settings.py").read_text(encoding="utf-8")))


def test_every_variable_is_in_env_example_and_readme() -> None:
    example = {line.split("=")[0] for line in (ROOT / ".env.example").read_text().splitlines()
               if line and not line.startswith("#")}
    readme_table = set(re.findall(r"^\| `([A-Z_]+)` \|", (ROOT / "README.md").read_text(), re.MULTILINE))
    read = variables_read_by_settings()
    assert read, "settings.py reads no variable?"
    assert read == example, f"code vs .env.example: {sorted(read ^ example)}"
    assert example == readme_table, f".env.example vs README: {sorted(example ^ readme_table)}"


def test_an_empty_environment_gives_safe_defaults() -> None:
    settings = Settings.from_env({})
    assert settings.telegram_bot_token is None
    assert settings.telegram_api_base_url == TELEGRAM_API_BASE_URL
    assert settings.allow_private_urls is False
    assert settings.allowed_chats == frozenset()
    assert settings.allowed_ports == frozenset({80, 443, 8080, 8443})
    assert settings.rate_limit_per_minute == 10
    assert (settings.summary_max_sentences, settings.summary_max_chars) == (3, 500)


def test_values_are_parsed() -> None:
    settings = Settings.from_env({
        "TELEGRAM_BOT_TOKEN": " 123:abc ",
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot",
        "DIGESTBOT_DB": "/tmp/x.sqlite3",
        "DIGESTBOT_DB_SYNCHRONOUS": "full",
        "DIGESTBOT_ALLOW_PRIVATE_URLS": "yes",
        "DIGESTBOT_ALLOWED_CHATS": "1, -100200,3",
        "DIGESTBOT_ALLOWED_PORTS": "80,8000",
        "DIGESTBOT_SUMMARY_CHARS": "300",
        "DIGESTBOT_FETCH_DEADLINE": "2.5",
    })
    assert settings.telegram_bot_token == "123:abc"
    assert settings.telegram_api_base_url == "http://127.0.0.1:8081/bot"
    assert str(settings.db_path) == "/tmp/x.sqlite3" and settings.db_synchronous_full
    assert settings.allow_private_urls
    assert settings.allowed_chats == frozenset({1, -100200, 3})
    assert settings.allowed_ports == frozenset({80, 8000})
    assert settings.digest_options.summary_max_chars == 300
    assert settings.fetch_deadline_seconds == 2.5


@pytest.mark.parametrize(("name", "value"), [
    ("DIGESTBOT_RATE_LIMIT", "ten"),
    ("DIGESTBOT_FETCH_DEADLINE", "soon"),
    ("DIGESTBOT_ALLOWED_CHATS", "me,you"),
    ("DIGESTBOT_ALLOWED_PORTS", "http"),
])
def test_a_malformed_value_is_one_sentence_naming_the_variable(name: str, value: str) -> None:
    with pytest.raises(SettingsError) as error:
        Settings.from_env({name: value})
    assert name in str(error.value) and "\n" not in str(error.value)


@pytest.mark.parametrize(("value", "path", "url"), [
    ("digests.sqlite3", "digests.sqlite3", None),
    ("sqlite:///data/d.sqlite3", "data/d.sqlite3", None),
    ("sqlite:////var/lib/d.sqlite3", "/var/lib/d.sqlite3", None),
    (":memory:", ":memory:", None),
    ("postgresql://bot:pw@db.internal:5432/digests", "digestbot.sqlite3", "postgresql://bot:pw@db.internal:5432/digests"),
    ("postgres://bot@db/digests", "digestbot.sqlite3", "postgres://bot@db/digests"),
])
def test_digestbot_db_chooses_the_backend(value: str, path: str, url: str | None) -> None:
    settings = Settings.from_env({"DIGESTBOT_DB": value})
    assert (str(settings.db_path), settings.db_url) == (path, url)
    assert settings.db_location.kind == ("postgresql" if url else "sqlite")


@pytest.mark.parametrize("value", ["mysql://u@h/db", "postgresq://u@h/db", "sqlite://relative.db", "http://x/"])
def test_another_scheme_is_refused_naming_the_accepted_forms(value: str) -> None:
    with pytest.raises(SettingsError) as raised:
        Settings.from_env({"DIGESTBOT_DB": value})
    message = str(raised.value)
    assert "sqlite:///" in message and "postgresql://" in message and message.count(".") <= 3


def test_a_postgresql_password_never_shows_in_the_location() -> None:
    settings = Settings.from_env({"DIGESTBOT_DB": "postgresql://bot:hunter2@db:5432/digests"})
    assert "hunter2" not in str(settings.db_location)
