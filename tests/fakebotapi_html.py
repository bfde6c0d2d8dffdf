"""Telegram's HTML parse mode, as strictly as the Bot API applies it, for the fake server.

`parse_telegram_html(text)` returns the plain text and links a chat would show, or raises
`EntityParseError` with Telegram's own wording for what the real API rejects: unknown tags,
unbalanced tags, a `<` that opens no tag, an `&` that starts no known entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_MESSAGE_UTF16 = 4096
MAX_CAPTION_UTF16 = 1024

SIMPLE_TAGS = frozenset({"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "tg-spoiler"})
ATTRIBUTE_TAGS = frozenset({"a", "blockquote", "span", "tg-emoji"})
ALLOWED_TAGS = SIMPLE_TAGS | ATTRIBUTE_TAGS
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
TAG_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
ATTRIBUTE = re.compile(r"""\s+([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


class EntityParseError(ValueError):
    """What Telegram answers with `400 Bad Request: can't parse entities: ...`."""


@dataclass
class ParsedText:
    """What the recipient sees: the text without tags, and the links in it."""

    plain: str
    links: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def utf16_length(text: str) -> int:
    """Telegram counts message length in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _decode_entities(raw: str, whole: str, start: int) -> str:
    """Decode the entities of a text run or attribute value; an `&` outside one is an error."""
    out: list[str] = []
    i = 0
    while i < len(raw):
        char = raw[i]
        if char == "&":
            match = ENTITY.match(raw, i)
            if match is None:
                raise EntityParseError(
                    f'Character "&" is reserved and must be escaped at byte offset {_byte_offset(whole, start + i)}'
                )
            name, decimal, hexadecimal = match.groups()
            if name:
                out.append(NAMED_ENTITIES[name])
            else:
                code = int(decimal) if decimal else int(hexadecimal, 16)
                if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                    raise EntityParseError(f"Invalid character code at byte offset {_byte_offset(whole, start + i)}")
                out.append(chr(code))
            i = match.end()
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _check_attributes(name: str, attributes: dict[str, str], offset: int) -> None:
    if name == "a" and not attributes.get("href"):
        raise EntityParseError(f'Tag "a" must have attribute "href" at byte offset {offset}')
    if name == "span" and attributes.get("class") != "tg-spoiler":
        raise EntityParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
    if name == "tg-emoji" and not attributes.get("emoji-id"):
        raise EntityParseError(f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {offset}')
    if name == "blockquote" and set(attributes) - {"expandable"}:
        raise EntityParseError(f'Unsupported attribute of tag "blockquote" at byte offset {offset}')


def parse_telegram_html(text: str) -> ParsedText:
    """Parse like the Bot API: tags become entities, entities become characters."""
    plain: list[str] = []
    links: list[str] = []
    tags: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        if text[i] != "<":
            end = text.find("<", i)
            end = len(text) if end == -1 else end
            plain.append(_decode_entities(text[i:end], text, i))
            i = end
            continue
        offset = _byte_offset(text, i)
        if not text.startswith("</", i) and TAG_NAME.match(text, i + 1) is None:
            raise EntityParseError(f'Unsupported start tag "" at byte offset {offset}')
        close = text.find(">", i)
        if close == -1:
            raise EntityParseError(f"Unclosed start tag at byte offset {offset}")
        if text.startswith("</", i):
            name = text[i + 2:close].strip().lower()
            if not stack:
                raise EntityParseError(f'Unexpected end tag at byte offset {offset}')
            if stack[-1] != name:
                raise EntityParseError(
                    f'Unmatched end tag at byte offset {offset}, expected "</{stack[-1]}>", found "</{name}>"'
                )
            stack.pop()
            i = close + 1
            continue
        match = TAG_NAME.match(text, i + 1)
        if match is None:
            raise EntityParseError(f'Unsupported start tag "" at byte offset {offset}')
        name = match.group(0).lower()
        if name not in ALLOWED_TAGS:
            raise EntityParseError(f'Unsupported start tag "{name}" at byte offset {offset}')
        rest = text[match.end():close]
        attributes: dict[str, str] = {}
        position = 0
        while position < len(rest.rstrip()):
            attribute = ATTRIBUTE.match(rest, position)
            if attribute is None:
                raise EntityParseError(f'Can\'t parse attributes of tag "{name}" at byte offset {offset}')
            key = attribute.group(1).lower()
            value = next((v for v in attribute.groups()[1:] if v is not None), "")
            attributes[key] = _decode_entities(value, text, i)
            position = attribute.end()
        if name in SIMPLE_TAGS and attributes and name != "pre" and name != "code":
            raise EntityParseError(f'Tag "{name}" must have no attributes at byte offset {offset}')
        _check_attributes(name, attributes, offset)
        if stack and stack[-1] == "code" or (stack and stack[-1] == "pre" and name != "code"):
            raise EntityParseError(f'Tag "{name}" can\'t be nested in "{stack[-1]}" at byte offset {offset}')
        if name == "blockquote" and "blockquote" in stack:
            raise EntityParseError(f"Nested blockquotes are not supported at byte offset {offset}")
        if name == "a":
            links.append(attributes["href"])
        tags.append(name)
        stack.append(name)
        i = close + 1
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return ParsedText(plain="".join(plain), links=links, tags=tags)
