"""`digestbot digest`, `search` and `export` as a user runs them, on one DIGESTBOT_DB file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = """<!doctype html><html lang="en"><head><title>Harbour reopens after storm</title></head>
<body><article><h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Tuesday after a week of repairs to the sea wall, the port authority said in a statement.</p>
<p>Fishing boats returned to their moorings by noon, and the ferry to the islands resumed its regular timetable.</p>
<p>Repairs cost about two million euros and were paid for by the regional government, officials told reporters.</p>
</article></body></html>"""


def digestbot(db: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "DIGESTBOT_DB": str(db), "DIGESTBOT_WORKERS": "1"})


def test_what_digest_makes_can_be_searched_and_exported(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    page = tmp_path / "harbour.html"
    page.write_text(PAGE, encoding="utf-8")
    pasted = FIXTURES / "rt-pentagon-pasted.txt"
    made = digestbot(db, "digest", "--json", str(page), str(pasted), str(pasted))  # the same text twice: one digest
    assert made.returncode == 0, made.stderr

    found = digestbot(db, "search", "--json", "harbour")
    assert found.returncode == 0, found.stderr
    *hits, summary = [json.loads(line) for line in found.stdout.splitlines()]
    assert [hit["title"] for hit in hits] == ["Harbour reopens after storm"]
    assert "\x02" not in hits[0]["snippet"] and summary["total"] == 1

    plain = digestbot(db, "search", '"complete withdrawal" -harbour')
    assert plain.returncode == 0, plain.stderr
    assert "Pentagon" in plain.stdout and "Harbour" not in plain.stdout

    assert digestbot(db, "search", "harbour", "--chat", "42").stdout == ""
    bad = digestbot(db, "search", "after:someday")
    assert bad.returncode == 2 and "2022-04-01" in bad.stderr

    exported = json.loads(digestbot(db, "export").stdout)
    assert exported["chat_id"] == 0
    assert sorted(d["title"] for d in exported["digests"])[0] == "Harbour reopens after storm"
    assert len(exported["digests"]) == 2
    markdown = digestbot(db, "export", "--format", "md").stdout
    assert markdown.startswith("# Digests of chat 0") and "## Harbour reopens after storm" in markdown


def test_search_on_an_unreachable_postgresql_server_is_one_sentence(tmp_path: Path) -> None:
    found = subprocess.run([sys.executable, "-m", "bot", "search", "harbour"], capture_output=True, text=True,
                           timeout=120, env={"PATH": "/usr/bin:/bin", "DIGESTBOT_DB": "postgresql://bot:pw@127.0.0.1:9/db",
                                             "DIGESTBOT_DB_TIMEOUT": "2"}, cwd=tmp_path)
    assert found.returncode == 1 and "Traceback" not in found.stderr, found.stderr
    assert found.stderr.startswith("digestbot: could not reach the database") and "pw@" not in found.stderr
    assert not any(tmp_path.iterdir()), "no SQLite file or folder made from the URL"


def test_search_and_export_on_postgresql(pg_dsn: str, tmp_path: Path) -> None:
    page = tmp_path / "harbour.html"
    page.write_text(PAGE, encoding="utf-8")
    assert digestbot(pg_dsn, "digest", "--json", str(page)).returncode == 0
    found = digestbot(pg_dsn, "search", "--json", "harbour")
    assert found.returncode == 0, found.stderr
    assert [json.loads(line)["title"] for line in found.stdout.splitlines()[:-1]] == ["Harbour reopens after storm"]
    assert json.loads(digestbot(pg_dsn, "export").stdout)["digests"][0]["title"] == "Harbour reopens after storm"
