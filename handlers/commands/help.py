"""The command list and help texts: one source for /help, the command menu and the README.

tests/test_bot_commands.py checks that README.md's "Commands" section holds `help_text()`
verbatim and that the bot sends `COMMANDS` to set_my_commands at start.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import BotCommand, Message

from handlers.i18n import ENGLISH, N_, Words


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    arguments: str
    description: str

    def usage(self, words: Words = ENGLISH) -> str:
        arguments = words.gettext(self.arguments) if self.arguments else ""
        return f"/{self.name} {arguments}".rstrip()


COMMANDS = (
    Command("start", "", N_("what this bot does")),
    Command("help", "", N_("how to use it, and these commands")),
    Command("search", N_("<words>"), N_("find digests in this chat's history (buttons turn the pages)")),
    Command("recent", "", N_("the latest digests in this chat")),
    Command("forget", "", N_("delete this chat's history (asks first)")),
    Command("export", "[json|md]", N_("this chat's digests as a JSON or Markdown file")),
    Command("settings", "", N_("this chat's language and how its digests look")),
)

INTRO = N_(
    "Send me a link, forward a channel post, paste an article's text or send a saved .html page or a PDF, "
    "and I answer with a digest: title, dateline, a short summary in the article's own words, "
    "the key quotes with who said them, and the source."
)
SEARCH_NOTE = N_(
    "Search with words, \"a phrase\", -word, site:rt.com, after:2022-04-01 and before:2022-05-01; "
    "dates go by the day an article was published, or the day I read it when it gives no date."
)
USAGE_NOTES = (
    N_("Up to 3 links per message. In groups, mention me or reply to me."),
    SEARCH_NOTE,
    N_("Inline: type @ and my name, then words, in any chat to share one of your digests."),
)
COMMANDS_HEADING = N_("Commands:")
# What the bot cannot read, each as a whole sentence (a sentence built from parts would not translate).
CANNOT_READ = N_("I can't make a digest from that: send me a link, a forwarded post, an article's text, "
                 "a saved .html page or a PDF (/help explains more).")
CANNOT_READ_FILE = N_("I can't make a digest from that file: send me a link, a forwarded post, an article's text, "
                      "a saved .html page or a PDF (/help explains more).")
CANNOT_READ_PHOTO = N_("I can't make a digest from photos: send me a link, a forwarded post, an article's text, "
                       "a saved .html page or a PDF (/help explains more).")
CANNOT_READ_STICKER = N_("I can't make a digest from stickers: send me a link, a forwarded post, an article's text, "
                         "a saved .html page or a PDF (/help explains more).")
CANNOT_READ_VOICE = N_("I can't make a digest from voice or audio: send me a link, a forwarded post, an article's "
                       "text, a saved .html page or a PDF (/help explains more).")
CANNOT_READ_VIDEO = N_("I can't make a digest from videos: send me a link, a forwarded post, an article's text, "
                       "a saved .html page or a PDF (/help explains more).")
CANNOT_READ_SHORT = N_("I can't make a digest from a short text: send me a link, a forwarded post, an article's "
                       "text, a saved .html page or a PDF (/help explains more).")


def help_text(words: Words = ENGLISH) -> str:
    """The plain text of /help (escaped by the handler); README.md shows it (in English) verbatim."""
    lines = [words.gettext(INTRO), "", *(words.gettext(note) for note in USAGE_NOTES), "",
             words.gettext(COMMANDS_HEADING)]
    lines += [f"{command.usage(words)} — {words.gettext(command.description)}" for command in COMMANDS]
    return "\n".join(lines)


def bot_commands(words: Words = ENGLISH) -> list[BotCommand]:
    """The command menu sent with set_my_commands at start (once per language)."""
    return [BotCommand(command.name, words.gettext(command.description)) for command in COMMANDS]


def help_line(message: Message, words: Words = ENGLISH) -> str:
    """One line for anything the bot cannot read, saying what it can."""
    line = CANNOT_READ
    if message.document is not None:
        line = CANNOT_READ_FILE
    elif message.photo:
        line = CANNOT_READ_PHOTO
    elif message.sticker is not None:
        line = CANNOT_READ_STICKER
    elif message.voice is not None or message.audio is not None:
        line = CANNOT_READ_VOICE
    elif message.video is not None or message.video_note is not None or message.animation is not None:
        line = CANNOT_READ_VIDEO
    elif message.text:
        line = CANNOT_READ_SHORT
    return words.gettext(line)
