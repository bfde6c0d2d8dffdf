"""The message catalogues: complete in every language, in step with the code, compiled, with
plurals and dates as each language writes them; and how a chat's settings change a digest's look."""

from __future__ import annotations

import gettext
import pickle
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from digest.errors import BlockedAddressError, DigestError, FetchError
from digest.fetch.guard import REFUSED_PRIVATE, refused_port
from digest.model import Digest, Quote
from digest.pdf.reader import PAGES_NOTE
from handlers.commands.help import bot_commands, help_text
from handlers.i18n import DEFAULT_LANGUAGE, DOMAIN, LANGUAGES, LOCALE_DIR, language_of, words_for
from handlers.look import LONG_SUMMARY, styled
from storage.chat_settings import ChatSettings

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
PLACEHOLDER = re.compile(r"\{(\w*)\}")
# babel.cfg's map, read the way `pybabel extract -F babel.cfg` reads it.
METHOD_MAP = [(line.strip("[]").split(": ", 1)[1], "python")
              for line in (ROOT / "babel.cfg").read_text().splitlines() if line.startswith("[python: ")]


def catalogue(language: str) -> Catalog:
    with (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
        return read_po(po, locale=language)


def msgids(catalog: Catalog) -> set[str | tuple[str, ...]]:
    return {message.id for message in catalog if message.id}


def test_the_template_holds_every_marked_sentence_of_the_code() -> None:
    """A sentence marked in the code but not extracted would never be translated: run `make messages`."""
    in_code = {messages if isinstance(messages, str) else tuple(messages)
               for _, _, messages, _, _ in extract_from_dir(str(ROOT), METHOD_MAP)}
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("rb") as pot:
        template = msgids(read_po(pot))
    assert in_code == template
    assert len(template) > 80


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_catalogue_has_every_message_translated(language: str) -> None:
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("rb") as pot:
        template = msgids(read_po(pot))
    po = catalogue(language)
    assert msgids(po) == template
    for message in po:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(forms) and not message.fuzzy, f"{language}: {message.id!r} is not translated"
        wanted = set(PLACEHOLDER.findall(message.id if isinstance(message.id, str) else message.id[1]))
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) <= wanted | {"count"}, f"{language}: {form!r}"
            if isinstance(message.id, str):
                assert set(PLACEHOLDER.findall(form)) == wanted, f"{language}: {form!r} lost a value"
        assert len(forms) == (po.num_plurals if message.pluralizable else 1)


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_shipped_mo_files_are_compiled_from_the_po_files(language: str) -> None:
    with (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    po = catalogue(language)
    plural_form = gettext.c2py(po.plural_expr)  # the .po header's rule, read as gettext reads it
    for message in po:
        if not message.id:
            continue
        if message.pluralizable:
            singular, plural = message.id
            for n in (0, 1, 2, 5, 21, 1_000_000):
                assert compiled.ngettext(singular, plural, n) == message.string[plural_form(n)]
        else:
            assert compiled.gettext(message.id) == message.string, f"{language}: recompile ({message.id!r})"


def test_language_codes_fall_back_to_english() -> None:
    assert language_of("ru") == "ru" and language_of("pt-br") == "pt" and language_of("de_AT") == "de"
    assert language_of("zh-hans") == "en" and language_of(None) == "en" and language_of("") == "en"


def test_plurals_follow_each_language() -> None:
    ru = words_for("ru")
    forgotten = [ru.ngettext("Forgotten: {count} digest deleted from this chat.",
                             "Forgotten: {count} digests deleted from this chat.", n) for n in (1, 2, 5, 11, 21, 22)]
    assert forgotten == [f"Готово: из этого чата {verb} {n} {noun}." for verb, n, noun in (
        ("удалён", 1, "дайджест"), ("удалены", 2, "дайджеста"), ("удалено", 5, "дайджестов"),
        ("удалено", 11, "дайджестов"), ("удалён", 21, "дайджест"), ("удалены", 22, "дайджеста"))]
    assert [words_for("en").ngettext("{count} quote", "{count} quotes", n) for n in (0, 1, 2)] == [
        "0 quotes", "1 quote", "2 quotes"]
    assert [words_for("uk").ngettext("{count} quote", "{count} quotes", n) for n in (1, 3, 5)] == [
        "1 цитата", "3 цитати", "5 цитат"]
    assert words_for("fr").ngettext("{count} quote", "{count} quotes", 0) == "0 citation"  # French: 0 is singular


def test_datelines_follow_the_language() -> None:
    stamp = datetime(2022, 4, 7, 7, 2)
    assert words_for("ru").dateline("KYIV", stamp) == "KYIV, 7 апреля 2022, 07:02"
    assert words_for("en").dateline("KYIV", stamp) == "KYIV, 7 April 2022, 07:02"
    assert words_for("de").when(stamp) == "7. April 2022, 07:02"
    assert words_for("fr").when(stamp) == "7 avril 2022 à 07:02"
    assert words_for("es").when(date(2022, 4, 7)) == "7 de abril de 2022"
    assert words_for("uk").when(date(2022, 4, 7)) == "7 квітня 2022"
    assert words_for("it").dateline(None, None) is None
    kyiv = datetime(2022, 4, 7, 7, 2, tzinfo=timezone(timedelta(hours=3)))  # a time the page gave with its zone
    assert words_for("ru").when(kyiv) == "7 апреля 2022, 07:02 UTC+3"
    assert words_for("en").when(kyiv.astimezone(timezone.utc)) == "7 April 2022, 04:02 UTC"


def test_help_and_menu_in_every_language() -> None:
    english = help_text()
    for language in TRANSLATED:
        words = words_for(language)
        text = help_text(words)
        assert text != english and text.count("\n/") == english.count("\n/")
        menu = bot_commands(words)
        assert [c.command for c in menu] == [c.command for c in bot_commands()]
        assert all(1 <= len(c.description) <= 256 for c in menu)  # Telegram's limits for a menu entry
    assert help_text(words_for("ru")).startswith("Пришлите мне ссылку")


def test_refusals_keep_their_values_in_every_language() -> None:
    error = refused_port(frozenset({80, 443}))
    assert error.user_message == "I only open web pages on the usual ports (80, 443), and that link uses another one."
    assert "(80, 443)" in words_for("de").error(error)
    assert words_for("ru").error(BlockedAddressError(REFUSED_PRIVATE)).startswith("Эта ссылка ведёт")
    assert words_for("pt").error(FetchError()).startswith("Não consegui baixar")
    assert words_for("it").error(DigestError("a sentence the catalogue does not hold")) == (
        "a sentence the catalogue does not hold")


def test_errors_keep_their_catalogue_key_across_processes() -> None:
    error = pickle.loads(pickle.dumps(FetchError("The site answered with error {status}. Check the link and try again.",
                                                 status=404)))
    assert isinstance(error, FetchError) and error.params == {"status": 404}
    assert error.user_message == "The site answered with error 404. Check the link and try again."
    assert words_for("es").error(error) == "El sitio respondió con el error 404. Revisa el enlace y vuelve a intentarlo."


# ---- a chat's look -------------------------------------------------------------------------------

BODY = ("The harbour bridge reopened on Monday after two years of repairs. The mayor cut the ribbon at seven. "
        "Hundreds of residents walked across first.\n\n"
        "Engineers replaced every cable of the bridge. The city expects thousands of cyclists each day. "
        "A protected lane was added on the eastern side.\n\n"
        "Traffic on the detour is expected to fall by half over the coming weeks.")
DIGEST = Digest(
    title="Harbour bridge reopens", body=BODY, language="en",
    summary="The harbour bridge reopened on Monday after two years of repairs. The mayor cut the ribbon at seven.",
    quotes=(Quote(text="We tested every cable twice", speaker="Marco Silva"), Quote(text="A great day", speaker="Ana")),
)


def test_the_default_look_is_the_digest_itself() -> None:
    assert styled(DIGEST, ChatSettings()) is DIGEST


def test_short_long_and_quotes_change_only_the_copy_shown() -> None:
    short = styled(DIGEST, ChatSettings(summary="short", quotes=1))
    assert short.summary == "The harbour bridge reopened on Monday after two years of repairs."
    assert short.quotes == DIGEST.quotes[:1]
    long = styled(DIGEST, ChatSettings(summary="long", quotes=0))
    assert long.summary.startswith(DIGEST.summary) and len(long.summary) > len(DIGEST.summary)
    assert "Hundreds of residents walked across first." in long.summary
    assert len(long.summary) <= LONG_SUMMARY.summary_max_chars and long.quotes == ()
    assert DIGEST.summary.endswith("at seven.") and len(DIGEST.quotes) == 2  # the stored digest is untouched


def test_a_long_summary_stays_as_it_is_when_the_body_does_not_continue_it() -> None:
    other = Digest(title="T", body="Nothing here matches the summary at all, really.", summary="A summary of its own.")
    assert styled(other, ChatSettings(summary="long")).summary == "A summary of its own."


def test_settings_refuse_values_no_button_sends() -> None:
    with pytest.raises(ValueError):
        ChatSettings(summary="huge")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ChatSettings(quotes=9)


def test_a_pdf_digests_note_is_shown_in_the_language() -> None:
    note = PAGES_NOTE.format(count=62, read=50)  # as the reader stores it in the digest
    assert words_for("ru").note(note) == "В этом PDF 62 страницы; дайджест сделан по первым 50."
    assert words_for("en").note(note) == note
    assert words_for("de").note("A note no catalogue knows.") == "A note no catalogue knows."
