"""`digestbot search`, `export` and every subcommand's --help, as a user runs them, on one DIGESTBOT_DB file:
words a reader understands, a summary's deck kept on its own line, dates as /help describes them."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from digest.model import Digest
from handlers.commands.help import help_text
from storage import COUNT_CAP, Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
UNDATED = """<!doctype html><html lang=en><head><title>Harbour reopens</title></head><body><article>
<p>The harbour reopened on Tuesday after a week of repairs to the sea wall, the port authority said in a statement.</p>
<p>Fishing boats returned to their moorings by noon, and the ferry to the islands resumed its timetable.</p>
</article></body></html>"""
DECK_END = "in what Moscow called a “good faith” measure"  # the RT page's standfirst has no full stop
LEAD_START = "Russian soldiers have “completely” vacated"
RT_TITLE = "Pentagon confirms ‘complete withdrawal’ of Russian troops"


def digestbot(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "DIGESTBOT_DB": str(db),
                               "DIGESTBOT_WORKERS": "1"})


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("search")
    (folder / "undated.html").write_text(UNDATED)
    made = digestbot(folder / "db.sqlite3", "digest", str(FIXTURES / "rt-pentagon-pasted.txt"),
                     str(folder / "undated.html"))
    assert made.returncode == 0, made.stderr
    yield folder / "db.sqlite3"


def titles(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [line.split("] ", 1)[1].split("  (")[0] for line in result.stdout.splitlines() if line.startswith("[")]


def test_no_hit_is_a_sentence(db: Path) -> None:
    none = digestbot(db, "search", "zebra")
    assert none.returncode == 0 and none.stdout == ""
    assert none.stderr == "No digests match “zebra”.\n"
    beyond = digestbot(db, "search", "--offset", "5", "harbour")
    assert beyond.stderr == "No more digests match “harbour”: there are 1, and --offset 5 skips them all.\n"


async def test_a_capped_count_reads_as_the_chat_shows_it(tmp_path: Path) -> None:
    """Search counts up to COUNT_CAP: the command line says "1000+" as the chat does, never the sentinel 1001."""
    store = await Store.open(tmp_path / "many.sqlite3")
    try:
        for i in range(COUNT_CAP + 2):
            await store.save(Digest(title=f"Tide table {i}", summary="High water.", body="High water."), chat_id=0,
                             source_text=f"tide {i}")
    finally:
        await store.close()
    found = digestbot(tmp_path / "many.sqlite3", "search", "--limit", "2", "tide")
    assert len(titles(found)) == 2 and found.stderr == f"1-2 of {COUNT_CAP}+ digests found.\n"
    beyond = digestbot(tmp_path / "many.sqlite3", "search", "--offset", "5000", "tide")
    assert beyond.stderr == f"No more digests match “tide”: there are {COUNT_CAP}+, and --offset 5000 skips them all.\n"
    as_json = digestbot(tmp_path / "many.sqlite3", "search", "--json", "tide")
    assert as_json.stdout.splitlines()[-1] == f'{{"total": {COUNT_CAP}, "capped": true, "offset": 0, "limit": 10}}'


def test_a_snippet_keeps_its_indentation_and_the_deck_its_line(db: Path) -> None:
    found = digestbot(db, "search", "after:2022-04-07 before:2022-04-08")  # no words: the summary's start
    assert titles(found) == [RT_TITLE]
    snippet = found.stdout.splitlines()[1:]
    assert snippet and all(line.startswith("    ") for line in snippet)
    assert snippet[0].endswith(DECK_END) and snippet[1].startswith(f"    {LEAD_START}")


def test_export_markdown_keeps_the_deck_apart_from_the_first_sentence(db: Path) -> None:
    markdown = digestbot(db, "export", "--format", "md")
    assert markdown.returncode == 0, markdown.stderr
    assert f"{DECK_END}\n\n{LEAD_START}" in markdown.stdout.replace("\\", "")


def test_after_and_before_go_by_publication_else_the_day_fetched_as_help_says(db: Path) -> None:
    today = datetime.now(timezone.utc).date()
    tomorrow = today + timedelta(days=1)
    assert titles(digestbot(db, "search", f"after:{today}")) == ["Harbour reopens"]  # undated: fetched today
    assert titles(digestbot(db, "search", f"before:{today}")) == [RT_TITLE]  # published 7 April 2022
    assert titles(digestbot(db, "search", f"after:{tomorrow}")) == []
    assert sorted(titles(digestbot(db, "search", "after:2022-04-07"))) == sorted([RT_TITLE, "Harbour reopens"])
    assert "dates go by the day an article was published, or the day I read it when it gives no date" in help_text()
    assert "published,\nor the day it was fetched when the page gives no date" in digestbot(db, "search", "--help").stdout


def test_each_subcommand_has_its_own_help_with_examples(tmp_path: Path) -> None:
    helps = {name: digestbot(tmp_path / "db.sqlite3", name, "--help").stdout
             for name in ("digest", "run", "search", "export")}
    assert len(set(helps.values())) == 4
    for name, text in helps.items():
        assert f"usage: digestbot {name}" in text and "examples:\n" in text
        assert text.split("examples:\n")[1].startswith(f"  digestbot {name} ")
    assert "QUERY" in helps["search"] and "QUERY" not in helps["export"]
    assert "  digestbot export --format md > digests.md" in helps["export"]
    assert "| digestbot digest" in helps["digest"]
