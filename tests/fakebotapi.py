"""A local Bot API server as strict as Telegram, for tests and benchmarks of the real bot process.

Telegram cannot be reached from tests, so the bot talks to this server through
`TELEGRAM_API_BASE_URL=http://127.0.0.1:PORT/bot`. It serves the methods the bot uses, records
every call, feeds queued updates to `getUpdates`, and rejects what Telegram rejects: bad HTML
(see `fakebotapi_html`), text over 4096 UTF-16 units, replies to unknown messages, edits that
change nothing, callback data over 64 bytes. Tests drive it as a user would:

    with FakeBotAPI(TOKEN) as api:
        sent = api.send_text(CHAT, "https://example.com/a")
        reply = api.wait(lambda: api.final_reply(CHAT, sent))
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, unquote, urlsplit

from handlers.i18n import LANGUAGES, words_for
from handlers.reply import PLACEHOLDER
from tests.fakebotapi_html import (
    MAX_CAPTION_UTF16,
    MAX_MESSAGE_UTF16,
    EntityParseError,
    ParsedText,
    parse_telegram_html,
    utf16_length,
)

T = TypeVar("T")

BOT_ID = 7_000_000_001
BOT_USERNAME = "digest_test_bot"
LONG_POLL_CAP_SECONDS = 1.0
MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_RESULTS = 50
MAX_CALLBACK_ANSWER_CHARS = 200
CHAT_ACTIONS = frozenset({"typing", "upload_document", "upload_photo", "record_voice", "choose_sticker"})
# The bot's "Reading the page…" in every language it speaks: a reply still waiting for its digest.
PLACEHOLDER_PREFIXES = tuple(words_for(language).gettext(PLACEHOLDER) for language in LANGUAGES)

AUTO_COMMAND = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
AUTO_URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]'»”]")
AUTO_MENTION = re.compile(r"(?<!\w)@[A-Za-z0-9_]{5,32}")


class BadRequest(Exception):
    """An error answer: Telegram's status code and description."""

    def __init__(self, description: str, code: int = 400, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


@dataclass
class Call:
    """One request the bot made, decoded; `error` is the description when it was refused."""

    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]]
    at: float
    error: str | None = None


@dataclass
class ChatMessage:
    """A message in a fake chat, as it stands now (after edits)."""

    chat_id: int
    message_id: int
    from_bot: bool
    text: str | None = None
    plain: str | None = None
    links: list[str] = field(default_factory=list)
    reply_to: int | None = None
    reply_markup: dict[str, Any] | None = None
    link_preview: dict[str, Any] | None = None
    document: tuple[str, bytes] | None = None
    caption: str | None = None
    edits: int = 0
    deleted: bool = False
    created_at: float = 0.0
    updated_at: float = 0.0

    def buttons(self) -> list[dict[str, Any]]:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]


def utf16_entities(text: str) -> list[dict[str, Any]]:
    """The entities Telegram adds to a text by itself: commands, URLs, mentions (UTF-16 offsets)."""
    found: list[dict[str, Any]] = []
    for kind, pattern in (("bot_command", AUTO_COMMAND), ("url", AUTO_URL), ("mention", AUTO_MENTION)):
        for match in pattern.finditer(text):
            if kind == "bot_command" and match.start() != 0 and not text[match.start() - 1].isspace():
                continue
            found.append({
                "type": kind,
                "offset": utf16_length(text[:match.start()]),
                "length": utf16_length(match.group(0)),
            })
    return sorted(found, key=lambda entity: entity["offset"])


def _value(raw: str) -> Any:
    """PTB sends every non-string parameter JSON-encoded."""
    if raw[:1] in "[{" or raw in ("true", "false", "null") or re.fullmatch(r"-?\d+(\.\d+)?", raw):
        try:
            return json.loads(raw)
        except ValueError:
            return raw
    return raw


class FakeBotAPI:
    """The fake server and the fake users talking to the bot through it."""

    def __init__(self, token: str, *, bot_username: str = BOT_USERNAME) -> None:
        self.token = token
        self.bot_user = {
            "id": BOT_ID, "is_bot": True, "first_name": "Digest", "username": bot_username,
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True,
        }
        self.calls: list[Call] = []
        self.commands: list[dict[str, str]] = []
        self.commands_by_language: dict[str, list[dict[str, str]]] = {}
        self.webhook: dict[str, Any] = {}
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 1
        self._chats: dict[int, dict[int, ChatMessage]] = {}
        self._next_message_id: dict[int, int] = {}
        self._chat_types: dict[int, str] = {}
        self._open_queries: set[str] = set()
        self._inline_answers: dict[str, list[dict[str, Any]]] = {}
        self._files: dict[str, tuple[str, bytes]] = {}
        self._failures: dict[str, list[BadRequest]] = {}
        self._counter = 0
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ---- lifecycle -------------------------------------------------------------------------

    def start(self) -> FakeBotAPI:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet server
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                api._handle(self)

            def do_POST(self) -> None:  # noqa: N802
                api._handle(self)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                if not isinstance(sys.exc_info()[1], ConnectionError):  # a client hanging up is normal
                    super().handle_error(request, client_address)

        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True, name="fakebotapi")
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "start() the server first"
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        """The value for TELEGRAM_API_BASE_URL."""
        return f"http://127.0.0.1:{self.port}/bot"

    # ---- HTTP ------------------------------------------------------------------------------

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        path = unquote(urlsplit(request.path).path)
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        file_prefix = f"/file/bot{self.token}/"
        if path.startswith(file_prefix):
            self._serve_file(request, path[len(file_prefix):])
            return
        match = re.fullmatch(r"/bot([^/]+)/(\w+)", path)
        if match is None:
            self._answer(request, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        token, method = match.groups()
        if token != self.token:
            self._answer(request, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        params, files = self._decode(request.headers.get("Content-Type", ""), body, urlsplit(request.path).query)
        call = Call(method=method, params=params, files=files, at=time.monotonic())
        handler = getattr(self, f"_api_{method}", None)
        try:
            if handler is None:
                raise BadRequest("Not Found", 404)
            with self._lock:
                self._raise_injected(method)
            result = handler(params, files) if method != "getUpdates" else self._api_getUpdates(params, files)
        except BadRequest as error:
            call.error = error.description
            payload: dict[str, Any] = {"ok": False, "error_code": error.code, "description": error.description}
            if error.retry_after is not None:
                payload["parameters"] = {"retry_after": error.retry_after}
            self._record(call)
            self._answer(request, error.code, payload)
            return
        if method != "getUpdates":
            self._record(call)
        self._answer(request, 200, {"ok": True, "result": result})

    def _record(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    @staticmethod
    def _answer(request: BaseHTTPRequestHandler, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        try:
            request.send_response(status)
            request.send_header("Content-Type", "application/json")
            request.send_header("Content-Length", str(len(data)))
            request.end_headers()
            request.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the bot gave up on a long poll
            request.close_connection = True

    def _serve_file(self, request: BaseHTTPRequestHandler, file_path: str) -> None:
        with self._lock:
            found = next((data for path, data in self._files.values() if path == file_path), None)
        if found is None:
            self._answer(request, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        request.send_response(200)
        request.send_header("Content-Type", "application/octet-stream")
        request.send_header("Content-Length", str(len(found)))
        request.end_headers()
        request.wfile.write(found)

    @staticmethod
    def _decode(content_type: str, body: bytes, query: str) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
        params: dict[str, Any] = {key: _value(values[-1]) for key, values in parse_qs(query).items()}
        files: dict[str, tuple[str, bytes]] = {}
        media = content_type.split(";")[0].strip().lower()
        if media == "application/json" and body:
            params.update(json.loads(body))
        elif media == "application/x-www-form-urlencoded":
            params.update({key: _value(values[-1]) for key, values in parse_qs(body.decode()).items()})
        elif media == "multipart/form-data":
            message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True) or b""
                filename = part.get_filename()
                if filename is not None:
                    files[str(name)] = (filename, payload)
                else:
                    params[str(name)] = _value(payload.decode())
        return params, files

    # ---- test controls ---------------------------------------------------------------------

    def fail_next(self, method: str, description: str, *, code: int = 400, retry_after: int | None = None) -> None:
        """Make the next call of `method` fail as Telegram would (e.g. 429 with retry_after)."""
        with self._lock:
            self._failures.setdefault(method, []).append(BadRequest(description, code, retry_after))

    def _raise_injected(self, method: str) -> None:
        pending = self._failures.get(method)
        if pending:
            raise pending.pop(0)

    def wait(self, predicate: Callable[[], T | None], timeout: float = 30.0, what: str = "") -> T:
        """Block until `predicate()` is truthy (it is re-checked whenever the bot calls the API)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                value = predicate()
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out waiting for {what or predicate}; calls: {self.summary()}")
                self._changed.wait(min(left, 0.5))

    def summary(self) -> str:
        """A short transcript for failure messages."""
        with self._lock:
            return "; ".join(
                f"{call.method}({call.params.get('chat_id', '')}){' ERROR ' + call.error if call.error else ''}"
                for call in self.calls[-40:]
            )

    def errors(self) -> list[Call]:
        """Calls the server refused."""
        with self._lock:
            return [call for call in self.calls if call.error]

    def calls_of(self, method: str) -> list[Call]:
        with self._lock:
            return [call for call in self.calls if call.method == method]

    def messages(self, chat_id: int) -> list[ChatMessage]:
        """The chat as it stands: every message, in order."""
        with self._lock:
            return [m for m in self._chats.get(chat_id, {}).values() if not m.deleted]

    def message(self, chat_id: int, message_id: int) -> ChatMessage:
        """One message as it stands now."""
        with self._lock:
            return self._chats[chat_id][message_id]

    def bot_messages(self, chat_id: int) -> list[ChatMessage]:
        return [m for m in self.messages(chat_id) if m.from_bot]

    def replies(self, chat_id: int, message_id: int) -> list[ChatMessage]:
        """The bot's messages that quote this one."""
        return [m for m in self.bot_messages(chat_id) if m.reply_to == message_id]

    def final_replies(self, chat_id: int, message_id: int, count: int = 1) -> list[ChatMessage] | None:
        """At least `count` replies to the message, none of them a placeholder still; else None."""
        replies = [m for m in self.replies(chat_id, message_id) if m.document is None]
        if len(replies) < count or any(m.text and m.text.startswith(PLACEHOLDER_PREFIXES) for m in replies):
            return None
        return replies

    def final_reply(self, chat_id: int, message_id: int) -> ChatMessage | None:
        replies = self.final_replies(chat_id, message_id)
        return replies[0] if replies else None

    # ---- fake users ------------------------------------------------------------------------

    def _chat(self, chat_id: int, chat_type: str | None = None) -> dict[str, Any]:
        chat_type = chat_type or self._chat_types.get(chat_id, "private")
        if chat_type == "private":
            return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
        return {"id": chat_id, "type": chat_type, "title": f"Group {chat_id}"}

    def _new_message_id(self, chat_id: int) -> int:
        self._chats.setdefault(chat_id, {})
        self._next_message_id[chat_id] = self._next_message_id.get(chat_id, 0) + 1
        return self._next_message_id[chat_id]

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue a raw update for getUpdates; returns its update_id."""
        with self._changed:
            update = {"update_id": self._next_update_id, **update}
            self._next_update_id += 1
            self._updates.append(update)
            self._changed.notify_all()
            return update["update_id"]

    def send_message(self, chat_id: int, *, user_id: int | None = None, chat_type: str = "private",
                     language_code: str = "en", **fields: Any) -> int:
        """A user's message (any Message fields: text, entities, caption, document, forward_origin...),
        from a user whose Telegram app is in `language_code`."""
        user_id = chat_id if user_id is None else user_id
        with self._changed:
            self._chat_types[chat_id] = chat_type
            message_id = self._new_message_id(chat_id)
            text = fields.get("text")
            if text is not None and "entities" not in fields:
                auto = utf16_entities(text)
                if auto:
                    fields["entities"] = auto
            elif text is not None:
                fields["entities"] = sorted(fields["entities"] + utf16_entities(text), key=lambda e: e["offset"])
            if "caption" in fields and "caption_entities" not in fields:
                auto = utf16_entities(fields["caption"])
                if auto:
                    fields["caption_entities"] = auto
            reply_to = fields.pop("reply_to_message_id", None)
            if reply_to is not None:
                replied = self._chats[chat_id][reply_to]
                fields["reply_to_message"] = self._message_json(replied, chat_type)
            self._chats[chat_id][message_id] = ChatMessage(
                chat_id=chat_id, message_id=message_id, from_bot=False, text=text, created_at=time.monotonic(),
            )
            message = {
                "message_id": message_id, "date": int(time.time()), "chat": self._chat(chat_id, chat_type),
                "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}",
                         "language_code": language_code},
                **fields,
            }
            self.push_update({"message": message})
            return message_id

    def take_updates(self) -> list[dict[str, Any]]:
        """Remove and return the queued updates (what Telegram would post to a webhook)."""
        with self._lock:
            updates, self._updates = self._updates, []
            return updates

    def send_text(self, chat_id: int, text: str, **kwargs: Any) -> int:
        return self.send_message(chat_id, text=text, **kwargs)

    def add_file(self, data: bytes, file_name: str) -> dict[str, Any]:
        """Store a file the way Telegram holds an upload; returns the Document object for a message."""
        with self._lock:
            self._counter += 1
            file_id = f"file-{self._counter}"
            self._files[file_id] = (f"documents/{file_id}_{file_name}", data)
            return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": file_name,
                    "file_size": len(data)}

    def send_document(self, chat_id: int, data: bytes, file_name: str, mime_type: str, **kwargs: Any) -> int:
        document = {**self.add_file(data, file_name), "mime_type": mime_type}
        return self.send_message(chat_id, document=document, **kwargs)

    def press(self, chat_id: int, message_id: int, data: str, *, user_id: int | None = None,
              language_code: str = "en") -> str:
        """A user presses an inline button under a bot message; returns the callback query id."""
        user_id = chat_id if user_id is None else user_id
        with self._changed:
            self._counter += 1
            query_id = f"cq{self._counter}"
            self._open_queries.add(query_id)
            message = self._message_json(self._chats[chat_id][message_id])
            self.push_update({"callback_query": {
                "id": query_id, "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}",
                                         "language_code": language_code},
                "chat_instance": str(chat_id), "data": data, "message": message,
            }})
            return query_id

    def inline_query(self, user_id: int, query: str, *, language_code: str = "en") -> str:
        """A user types `@bot query` in any chat; returns the inline query id."""
        with self._changed:
            self._counter += 1
            query_id = f"iq{self._counter}"
            self._open_queries.add(query_id)
            self.push_update({"inline_query": {
                "id": query_id, "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}",
                                         "language_code": language_code},
                "query": query, "offset": "", "chat_type": "sender",
            }})
            return query_id

    def inline_answer(self, query_id: str) -> list[dict[str, Any]] | None:
        with self._lock:
            return self._inline_answers.get(query_id)

    def _message_json(self, message: ChatMessage, chat_type: str | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_id": message.message_id, "date": int(time.time()),
            "chat": self._chat(message.chat_id, chat_type),
        }
        if message.from_bot:
            data["from"] = self.bot_user
        if message.plain is not None or message.text is not None:
            data["text"] = message.plain if message.plain is not None else message.text
        if message.reply_markup:
            data["reply_markup"] = message.reply_markup
        if message.document is not None:
            data["document"] = {"file_id": "sent", "file_unique_id": "sent", "file_name": message.document[0]}
        return data

    # ---- validation ------------------------------------------------------------------------

    def _known_chat(self, params: dict[str, Any]) -> int:
        try:
            chat_id = int(params["chat_id"])
        except (KeyError, TypeError, ValueError):
            raise BadRequest("Bad Request: chat_id is empty") from None
        if chat_id not in self._chats:
            raise BadRequest("Bad Request: chat not found")
        return chat_id

    @staticmethod
    def _parse(text: Any, parse_mode: Any, limit: int, what: str = "message") -> ParsedText:
        if not isinstance(text, str) or not text.strip():
            raise BadRequest(f"Bad Request: {what} text is empty")
        if parse_mode is None:
            parsed = ParsedText(plain=text)
        elif str(parse_mode).upper() == "HTML":
            try:
                parsed = parse_telegram_html(text)
            except EntityParseError as error:
                raise BadRequest(f"Bad Request: can't parse entities: {error}") from None
        else:
            raise BadRequest(f"Bad Request: unsupported parse_mode {parse_mode!r} in this fake")
        parsed.plain = parsed.plain.strip()
        if not parsed.plain:
            raise BadRequest(f"Bad Request: {what} text is empty")
        if utf16_length(parsed.plain) > limit:
            raise BadRequest(f"Bad Request: {what} is too long")
        return parsed

    @staticmethod
    def _check_markup(markup: Any) -> dict[str, Any] | None:
        if markup is None:
            return None
        if not isinstance(markup, dict) or not isinstance(markup.get("inline_keyboard"), list):
            raise BadRequest("Bad Request: can't parse reply keyboard markup JSON object")
        for row in markup["inline_keyboard"]:
            for button in row:
                if not button.get("text"):
                    raise BadRequest("Bad Request: text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA_BYTES:
                    raise BadRequest("Bad Request: BUTTON_DATA_INVALID")
        return markup

    def _reply_to(self, chat_id: int, params: dict[str, Any]) -> int | None:
        reply = params.get("reply_parameters")
        if reply is None and "reply_to_message_id" in params:
            reply = {"message_id": params["reply_to_message_id"]}
        if reply is None:
            return None
        message_id = int(reply["message_id"])
        target = self._chats[chat_id].get(message_id)
        if target is None or target.deleted:
            if reply.get("allow_sending_without_reply"):
                return None
            raise BadRequest("Bad Request: message to be replied not found")
        return message_id

    # ---- API methods -----------------------------------------------------------------------

    def _api_getMe(self, params: dict[str, Any], files: Any) -> dict[str, Any]:  # noqa: N802
        return self.bot_user

    def _api_getUpdates(self, params: dict[str, Any], files: Any) -> list[dict[str, Any]]:  # noqa: N802
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), LONG_POLL_CAP_SECONDS)
        wanted = params.get("allowed_updates")
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                # Telegram forgets updates below the offset: they were confirmed.
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                if wanted:  # like Telegram: update types the bot did not ask for are never delivered
                    self._updates = [u for u in self._updates if set(u) - {"update_id"} <= set(wanted)]
                if self._updates:
                    return list(self._updates[:100])
                left = deadline - time.monotonic()
                if left <= 0:
                    return []
                self._changed.wait(left)

    def _api_deleteWebhook(self, params: dict[str, Any], files: Any) -> bool:  # noqa: N802
        with self._lock:
            self.webhook = {}
        return True

    def _api_setWebhook(self, params: dict[str, Any], files: Any) -> bool:  # noqa: N802
        if not str(params.get("url", "")).startswith("https://"):
            raise BadRequest("Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        with self._lock:
            self.webhook = dict(params)
        return True

    def _api_getWebhookInfo(self, params: dict[str, Any], files: Any) -> dict[str, Any]:  # noqa: N802
        return {"url": self.webhook.get("url", ""), "has_custom_certificate": False, "pending_update_count": 0}

    def _api_setMyCommands(self, params: dict[str, Any], files: Any) -> bool:  # noqa: N802
        commands = params.get("commands")
        if not isinstance(commands, list) or not commands:
            raise BadRequest("Bad Request: commands must be a non-empty list")
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
                raise BadRequest("Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise BadRequest("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        language = params.get("language_code")
        if language is not None and not re.fullmatch(r"[a-z]{2}", str(language)):
            raise BadRequest("Bad Request: LANGUAGE_CODE_INVALID")
        with self._lock:
            if language:
                self.commands_by_language[str(language)] = commands
            else:
                self.commands = commands
        return True

    def _api_getMyCommands(self, params: dict[str, Any], files: Any) -> list[dict[str, str]]:  # noqa: N802
        return self.commands_by_language.get(str(params.get("language_code") or ""), self.commands)

    def default_menus_set(self) -> int:
        """How many times the default menu (no language_code) was set: the bot sets it last at start."""
        return sum(1 for call in self.calls_of("setMyCommands") if not call.params.get("language_code"))

    def _api_sendChatAction(self, params: dict[str, Any], files: Any) -> bool:  # noqa: N802
        with self._lock:
            self._known_chat(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise BadRequest("Bad Request: wrong parameter action in request")
        return True

    def _api_sendMessage(self, params: dict[str, Any], files: Any) -> dict[str, Any]:  # noqa: N802
        with self._changed:
            chat_id = self._known_chat(params)
            parsed = self._parse(params.get("text"), params.get("parse_mode"), MAX_MESSAGE_UTF16)
            markup = self._check_markup(params.get("reply_markup"))
            reply_to = self._reply_to(chat_id, params)
            message_id = self._new_message_id(chat_id)
            now = time.monotonic()
            message = ChatMessage(
                chat_id=chat_id, message_id=message_id, from_bot=True, text=params["text"], plain=parsed.plain,
                links=parsed.links, reply_to=reply_to, reply_markup=markup,
                link_preview=params.get("link_preview_options"), created_at=now, updated_at=now,
            )
            self._chats[chat_id][message_id] = message
            return self._message_json(message)

    def _api_editMessageText(self, params: dict[str, Any], files: Any) -> dict[str, Any]:  # noqa: N802
        with self._changed:
            chat_id = self._known_chat(params)
            message = self._chats[chat_id].get(int(params.get("message_id") or 0))
            if message is None or message.deleted or not message.from_bot:
                raise BadRequest("Bad Request: message to edit not found")
            parsed = self._parse(params.get("text"), params.get("parse_mode"), MAX_MESSAGE_UTF16)
            markup = self._check_markup(params.get("reply_markup"))
            if parsed.plain == message.plain and markup == message.reply_markup and parsed.links == message.links:
                raise BadRequest(
                    "Bad Request: message is not modified: specified new message content and reply markup are "
                    "exactly the same as a current content and reply markup of the message"
                )
            message.text, message.plain, message.links = params["text"], parsed.plain, parsed.links
            message.reply_markup = markup
            message.link_preview = params.get("link_preview_options", message.link_preview)
            message.edits += 1
            message.updated_at = time.monotonic()
            return self._message_json(message)

    def _api_deleteMessage(self, params: dict[str, Any], files: Any) -> bool:  # noqa: N802
        with self._changed:
            chat_id = self._known_chat(params)
            message = self._chats[chat_id].get(int(params.get("message_id") or 0))
            if message is None or message.deleted:
                raise BadRequest("Bad Request: message to delete not found")
            message.deleted = True
            return True

    def _api_sendDocument(self, params: dict[str, Any], files: dict[str, tuple[str, bytes]]) -> dict[str, Any]:  # noqa: N802
        with self._changed:
            chat_id = self._known_chat(params)
            if "document" not in files:
                raise BadRequest("Bad Request: there is no document in the request")
            caption = params.get("caption")
            plain = None
            if caption is not None:
                plain = self._parse(caption, params.get("parse_mode"), MAX_CAPTION_UTF16, "caption").plain
            reply_to = self._reply_to(chat_id, params)
            message_id = self._new_message_id(chat_id)
            now = time.monotonic()
            message = ChatMessage(chat_id=chat_id, message_id=message_id, from_bot=True, document=files["document"],
                                  caption=plain, reply_to=reply_to, created_at=now, updated_at=now)
            self._chats[chat_id][message_id] = message
            return self._message_json(message)

    def _api_answerCallbackQuery(self, params: dict[str, Any], files: Any) -> bool:  # noqa: N802
        with self._changed:
            query_id = str(params.get("callback_query_id"))
            if query_id not in self._open_queries:
                raise BadRequest("Bad Request: query is too old and response timeout expired or query ID is invalid")
            if len(str(params.get("text") or "")) > MAX_CALLBACK_ANSWER_CHARS:
                raise BadRequest("Bad Request: MESSAGE_TOO_LONG")
            self._open_queries.discard(query_id)
            return True

    def _api_answerInlineQuery(self, params: dict[str, Any], files: Any) -> bool:  # noqa: N802
        with self._changed:
            query_id = str(params.get("inline_query_id"))
            if query_id not in self._open_queries:
                raise BadRequest("Bad Request: query is too old and response timeout expired or query ID is invalid")
            results = params.get("results")
            if not isinstance(results, list) or len(results) > MAX_INLINE_RESULTS:
                raise BadRequest("Bad Request: RESULTS_TOO_MUCH")
            ids = [str(result.get("id")) for result in results]
            if len(set(ids)) != len(ids) or any(not 1 <= len(i.encode()) <= 64 for i in ids):
                raise BadRequest("Bad Request: RESULT_ID_INVALID")
            for result in results:
                if not result.get("title"):
                    raise BadRequest("Bad Request: RESULT_TITLE_EMPTY")
                content = result.get("input_message_content") or {}
                self._parse(content.get("message_text"), content.get("parse_mode"), MAX_MESSAGE_UTF16)
                self._check_markup(result.get("reply_markup"))
            self._open_queries.discard(query_id)
            self._inline_answers[query_id] = results
            return True

    def _api_getFile(self, params: dict[str, Any], files: Any) -> dict[str, Any]:  # noqa: N802
        with self._lock:
            file_id = str(params.get("file_id"))
            if file_id not in self._files:
                raise BadRequest("Bad Request: invalid file_id")
            path, data = self._files[file_id]
            return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(data), "file_path": path}

    def _api_close(self, params: dict[str, Any], files: Any) -> bool:
        return True


# ---- the real bot process --------------------------------------------------------------------

TEST_TOKEN = "123456789:AAE-test_token_that_must_never_be_logged_0123"
ROOT = Path(__file__).resolve().parent.parent
STOP_WAIT_SECONDS = 30.0


class BotProcess:
    """`python -m bot run` as a real child process, pointed at a FakeBotAPI; stderr goes to a file."""

    def __init__(self, api: FakeBotAPI, workdir: Path, *, env: dict[str, str] | None = None,
                 args: tuple[str, ...] = ()) -> None:
        self.api = api
        self.workdir = workdir
        self.log_path = workdir / f"bot-{os.getpid()}-{id(self)}.log"
        self.env = {
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": str(ROOT),
            "TELEGRAM_BOT_TOKEN": api.token,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "DIGESTBOT_DB": str(workdir / "digestbot.sqlite3"),
            "DIGESTBOT_LOG_LEVEL": "DEBUG",
            "DIGESTBOT_WORKERS": "1",
            **(env or {}),
        }
        self.args = args
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> BotProcess:
        """Start and wait until the bot has set its default command menu (the last step of post_init)."""
        started = self.api.default_menus_set()
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "bot", "run", *self.args], env=self.env,
                                            cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT)
        self.api.wait(lambda: self.api.default_menus_set() > started or self.process.poll() is not None,
                      timeout=60, what="the bot to start")
        if self.process.poll() is not None:
            raise AssertionError(f"the bot exited at start:\n{self.log()}")
        return self

    def stop(self) -> int:
        """SIGTERM, as a service manager would; returns the exit status."""
        if self.process is None:
            return 0
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(STOP_WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"the bot did not stop on SIGTERM:\n{self.log()[-3000:]}") from None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
