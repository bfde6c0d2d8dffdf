"""`digestbot digest` and `search` speak LANG's language, with the bot's catalogues; English otherwise."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.commands.search import NO_MATCH
from handlers.i18n import ENGLISH, words_for, words_from_environment

FIXTURES = Path(__file__).parent / "fixtures"
PASTED = FIXTURES / "rt-pentagon-pasted.txt"  # dated 7 April 2022, 07:02


def digestbot(*args: str, **locale: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "DIGESTBOT_DB": ":memory:", **locale})


def test_the_locale_variables_pick_the_language_as_gettext_does() -> None:
    assert words_from_environment({}) is ENGLISH
    assert words_from_environment({"LANG": "ru_RU.UTF-8"}).language == "ru"
    assert words_from_environment({"LANG": "C.UTF-8"}) is ENGLISH
    assert words_from_environment({"LANG": "ja_JP.UTF-8"}) is ENGLISH
    assert words_from_environment({"LANGUAGE": "ja:uk:ru", "LANG": "de_DE.UTF-8"}).language == "uk"
    assert words_from_environment({"LC_ALL": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}).language == "fr"
    assert words_from_environment({"LC_MESSAGES": "pt_BR@latin", "LANG": "C"}).language == "pt"


def test_the_cli_speaks_russian_when_lang_says_so() -> None:
    result = digestbot("digest", str(PASTED), "missing-file.html", LANG="ru_RU.UTF-8")
    assert result.returncode == 1
    assert "7 апреля 2022, 07:02" in result.stdout and "\nИсточник: " in result.stdout
    assert "missing-file.html: missing-file.html — это не ссылка и не файл, который я могу найти." in result.stderr


def test_the_cli_stays_english_without_lang_and_json_always() -> None:
    plain = digestbot("digest", str(PASTED), "missing-file.html")
    assert "7 April 2022, 07:02" in plain.stdout and "\nSource: " in plain.stdout
    assert "neither a link nor a file I can find" in plain.stderr
    lines = [json.loads(line) for line in digestbot("digest", "--json", str(PASTED), "missing-file.html",
                                                     LANG="de_DE.UTF-8").stdout.splitlines()]
    assert lines[0]["dateline"].endswith("7 April 2022, 07:02")
    assert lines[1]["error"] == "missing-file.html is neither a link nor a file I can find."


def test_search_reports_its_count_in_the_language() -> None:
    result = digestbot("search", "pentagon", LANG="uk_UA.UTF-8")
    assert result.returncode == 0
    assert result.stderr.strip() == words_for("uk").gettext(NO_MATCH, query="pentagon")
    assert result.stderr.strip() == "Жоден дайджест не відповідає запиту «pentagon»."
    refused = digestbot("search", "after:yesterday", LANG="es_ES.UTF-8")
    assert refused.returncode == 2 and refused.stderr.strip() == "Las fechas en after: y before: se escriben así: 2022-04-01."
