"""Settings: one frozen object built from the environment (and `.env`), passed everywhere.

`Settings.from_env(mapping)` takes any mapping, so tests pass a plain dict. Every variable is
listed, with its meaning and default, in `.env.example`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from digest.fetch import AddressPolicy, FetchLimits
from digest.intake import DEFAULT_PAGE_BYTES, DEFAULT_PDF_BYTES, DEFAULT_TEXT_BYTES, InputLimits
from digest.model import DigestOptions
from storage.location import Location, LocationError, parse_location

TELEGRAM_API_BASE_URL = "https://api.telegram.org/bot"


class SettingsError(ValueError):
    """A setting that cannot be used; the message is one sentence for the operator."""


def _bool(value: str | None, default: bool = False) -> bool:
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}.") from None


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, not {raw!r}.") from None


def _chat_ids(raw: str) -> frozenset[int]:
    try:
        return frozenset(int(part) for part in raw.replace(",", " ").split())
    except ValueError:
        raise SettingsError("DIGESTBOT_ALLOWED_CHATS must be chat ids separated by commas.") from None


def _ports(raw: str) -> frozenset[int]:
    try:
        return frozenset(int(part) for part in raw.replace(",", " ").split())
    except ValueError:
        raise SettingsError("DIGESTBOT_ALLOWED_PORTS must be port numbers separated by commas.") from None


def _host_ports(raw: str) -> frozenset[str]:
    pairs = frozenset(part.lower() for part in raw.replace(",", " ").split())
    if not all(re.fullmatch(r"(?:\[[0-9a-f:.]+\]|[a-z0-9_.-]+):\d{1,5}", pair) for pair in pairs):
        raise SettingsError("DIGESTBOT_TRUSTED_HOSTS must be host:port pairs separated by commas, e.g. 127.0.0.1:8080.")
    return pairs


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything the bot and the CLI can be told; defaults are safe for a public bot."""

    telegram_bot_token: str | None = None
    telegram_api_base_url: str = TELEGRAM_API_BASE_URL
    db_path: Path = Path("digestbot.sqlite3")  # the SQLite file, when DIGESTBOT_DB is not a PostgreSQL URL
    db_url: str | None = None  # postgresql://... when the store is PostgreSQL
    db_pool_size: int = 10  # PostgreSQL connections per instance
    db_timeout_seconds: float = 10.0  # PostgreSQL connect and statement timeout
    db_synchronous_full: bool = False
    cache_max_age_days: int = 30
    allow_private_urls: bool = False
    allowed_ports: frozenset[int] = frozenset({80, 443, 8080, 8443})
    trusted_hosts: frozenset[str] = field(default_factory=frozenset)  # tests only: host:port pairs the guard lets by
    allowed_chats: frozenset[int] = field(default_factory=frozenset)
    rate_limit_per_minute: int = 10
    summary_max_sentences: int = 3
    summary_max_chars: int = 500
    max_page_bytes: int = DEFAULT_PAGE_BYTES
    max_text_bytes: int = DEFAULT_TEXT_BYTES  # plain text (files, standard input) costs more to clean per byte
    max_pdf_bytes: int = DEFAULT_PDF_BYTES  # Telegram lets a bot download files up to 20 MB
    pdf_max_pages: int = 50
    fetch_deadline_seconds: float = 15.0
    clean_timeout_seconds: float = 10.0
    worker_memory_mb: int = 1024
    workers: int = max(1, os.cpu_count() or 1)
    log_level: str = "INFO"
    webhook_url: str | None = None  # public https URL Telegram posts updates to (`digestbot run --webhook`)
    webhook_listen: str = "0.0.0.0:8443"  # address:port the webhook server listens on
    webhook_secret: str | None = None  # X-Telegram-Bot-Api-Secret-Token; random per start when unset

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read settings from a mapping; by default the process environment after loading `.env`."""
        if env is None:
            from dotenv import load_dotenv

            load_dotenv()
            env = os.environ
        defaults = cls()
        try:
            location = parse_location(env.get("DIGESTBOT_DB", "").strip() or str(defaults.db_path))
        except LocationError as error:
            raise SettingsError(str(error)) from None
        return cls(
            telegram_bot_token=env.get("TELEGRAM_BOT_TOKEN", "").strip() or None,
            telegram_api_base_url=env.get("TELEGRAM_API_BASE_URL", "").strip() or TELEGRAM_API_BASE_URL,
            db_path=location.path or defaults.db_path,
            db_url=location.dsn,
            db_pool_size=_int(env, "DIGESTBOT_DB_POOL_SIZE", defaults.db_pool_size),
            db_timeout_seconds=_float(env, "DIGESTBOT_DB_TIMEOUT", defaults.db_timeout_seconds),
            db_synchronous_full=env.get("DIGESTBOT_DB_SYNCHRONOUS", "").strip().upper() == "FULL",
            cache_max_age_days=_int(env, "DIGESTBOT_CACHE_DAYS", defaults.cache_max_age_days),
            allow_private_urls=_bool(env.get("DIGESTBOT_ALLOW_PRIVATE_URLS")),
            allowed_ports=_ports(env["DIGESTBOT_ALLOWED_PORTS"]) if env.get("DIGESTBOT_ALLOWED_PORTS", "").strip()
            else defaults.allowed_ports,
            trusted_hosts=_host_ports(env.get("DIGESTBOT_TRUSTED_HOSTS", "")),
            allowed_chats=_chat_ids(env.get("DIGESTBOT_ALLOWED_CHATS", "")),
            rate_limit_per_minute=_int(env, "DIGESTBOT_RATE_LIMIT", defaults.rate_limit_per_minute),
            summary_max_sentences=_int(env, "DIGESTBOT_SUMMARY_SENTENCES", defaults.summary_max_sentences),
            summary_max_chars=_int(env, "DIGESTBOT_SUMMARY_CHARS", defaults.summary_max_chars),
            max_page_bytes=_int(env, "DIGESTBOT_MAX_PAGE_BYTES", defaults.max_page_bytes),
            max_text_bytes=_int(env, "DIGESTBOT_MAX_TEXT_BYTES", defaults.max_text_bytes),
            max_pdf_bytes=_int(env, "DIGESTBOT_MAX_PDF_BYTES", defaults.max_pdf_bytes),
            pdf_max_pages=_int(env, "DIGESTBOT_PDF_MAX_PAGES", defaults.pdf_max_pages),
            fetch_deadline_seconds=_float(env, "DIGESTBOT_FETCH_DEADLINE", defaults.fetch_deadline_seconds),
            clean_timeout_seconds=_float(env, "DIGESTBOT_CLEAN_TIMEOUT", defaults.clean_timeout_seconds),
            worker_memory_mb=_int(env, "DIGESTBOT_WORKER_MEMORY_MB", defaults.worker_memory_mb),
            workers=_int(env, "DIGESTBOT_WORKERS", defaults.workers),
            log_level=(env.get("DIGESTBOT_LOG_LEVEL", "").strip() or defaults.log_level).upper(),
            webhook_url=env.get("DIGESTBOT_WEBHOOK_URL", "").strip() or None,
            webhook_listen=env.get("DIGESTBOT_WEBHOOK_LISTEN", "").strip() or defaults.webhook_listen,
            webhook_secret=env.get("DIGESTBOT_WEBHOOK_SECRET", "").strip() or None,
        )

    @property
    def db_location(self) -> Location:
        """Where the store lives: the PostgreSQL URL when there is one, else the SQLite file."""
        if self.db_url:
            return Location("postgresql", dsn=self.db_url)
        return Location("sqlite", path=self.db_path)

    @property
    def address_policy(self) -> AddressPolicy:
        """What the fetcher's address guard lets through."""
        return AddressPolicy(allow_private=self.allow_private_urls, allowed_ports=self.allowed_ports,
                             trusted_hosts=self.trusted_hosts)

    @property
    def fetch_limits(self) -> FetchLimits:
        """How much one fetch may take: `Fetcher(settings.fetch_limits, settings.address_policy)`."""
        return FetchLimits(max_bytes=self.max_page_bytes, max_pdf_bytes=self.max_pdf_bytes,
                           deadline_seconds=self.fetch_deadline_seconds)

    @property
    def input_limits(self) -> InputLimits:
        """How large a file, standard input or a document sent to the bot may be."""
        return InputLimits(page_bytes=self.max_page_bytes, text_bytes=self.max_text_bytes, pdf_bytes=self.max_pdf_bytes)

    @property
    def digest_options(self) -> DigestOptions:
        return DigestOptions(
            summary_max_sentences=self.summary_max_sentences,
            summary_max_chars=self.summary_max_chars,
            pdf_max_pages=self.pdf_max_pages,
        )
