"""The command list and help texts: one source for /help, the command menu and the README.

tests/test_bot_commands.py checks that README.md's "Commands" section holds `help_text()`
verbatim and that the bot sends `COMMANDS` to set_my_commands at start.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import BotCommand, Message


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    arguments: str
    description: str

    def usage(self) -> str:
        return f"/{self.name} {self.arguments}".rstrip()


COMMANDS = (
    Command("start", "", "what this bot does"),
    Command("help", "", "how to use it, and these commands"),
    Command("search", "<words>", "find digests in this chat's history (buttons turn the pages)"),
    Command("recent", "", "the latest digests in this chat"),
    Command("forget", "", "delete this chat's history (asks first)"),
    Command("export", "[json|md]", "this chat's digests as a JSON or Markdown file"),
)

INTRO = (
    "Send me a link, forward a channel post, paste an article's text or send a saved .html page or a PDF, "
    "and I answer with a digest: title, dateline, a short summary in the article's own words, "
    "the key quotes with who said them, and the source."
)
USAGE_NOTES = (
    "Up to 3 links per message. In groups, mention me or reply to me.",
    "Inline: type @ and my name, then words, in any chat to share one of your digests.",
)


def help_text() -> str:
    """The plain text of /help (escaped by the handler); README.md shows it verbatim."""
    lines = [INTRO, "", *USAGE_NOTES, "", "Commands:"]
    lines += [f"{command.usage()} — {command.description}" for command in COMMANDS]
    return "\n".join(lines)


def bot_commands() -> list[BotCommand]:
    """The command menu sent with set_my_commands at start."""
    return [BotCommand(command.name, command.description) for command in COMMANDS]


def help_line(message: Message) -> str:
    """One line for anything the bot cannot read, saying what it can."""
    what = "that"
    if message.document is not None:
        what = "that file"
    elif message.photo:
        what = "photos"
    elif message.sticker is not None:
        what = "stickers"
    elif message.voice is not None or message.audio is not None:
        what = "voice or audio"
    elif message.video is not None or message.video_note is not None or message.animation is not None:
        what = "videos"
    elif message.text:
        what = "a short text"
    return (f"I can't make a digest from {what}: send me a link, a forwarded post, an article's text, "
            "a saved .html page or a PDF (/help explains more).")
