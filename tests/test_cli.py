"""`digestbot digest` as a user runs it: a real process, real files, JSON Lines out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from digest.errors import LockedPdfError
from tests.pdfs import Spec, build_pdf

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = """<!doctype html><html lang="en"><head><title>Harbour reopens after storm | Coast News</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Tuesday after a week of repairs to the sea wall, the port authority said in a statement.</p>
<p>Fishing boats returned to their moorings by noon, and the ferry to the islands resumed its regular timetable.</p>
<p>“We expect the harbour to be fully back to normal operations by the end of the month,” said Maria Lopez, the harbour master.</p>
<p>Repairs cost about two million euros and were paid for by the regional government, officials told reporters.</p>
</article><footer>© Coast News</footer></body></html>"""


def digestbot(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "DIGESTBOT_DB": ":memory:"},
    )


def test_json_lines_keep_order_fields_and_report_failures(tmp_path: Path) -> None:
    page = tmp_path / "harbour.html"
    page.write_text(PAGE, encoding="utf-8")
    result = digestbot("digest", "--json", str(page), "missing-file.html", str(FIXTURES / "rt-pentagon-pasted.txt"))
    assert result.returncode == 1, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["input"] for line in lines] == [str(page), "missing-file.html", str(FIXTURES / "rt-pentagon-pasted.txt")]
    assert list(lines[0]) == ["input", "title", "published", "dateline", "site", "url", "summary", "quotes", "body", "language", "note"]
    assert lines[0]["title"] == "Harbour reopens after storm"
    assert lines[0]["language"] == "en"
    assert "Home" not in lines[0]["body"]
    assert set(lines[1]) == {"input", "error"} and "missing-file.html" in lines[1]["error"]
    assert "Pentagon" in lines[2]["body"]


def test_stdin_is_sniffed_as_html_and_url_is_kept() -> None:
    result = digestbot("digest", "--json", "--url", "https://coast.example/harbour", "-", stdin=PAGE)
    assert result.returncode == 0, result.stderr
    digest = json.loads(result.stdout)
    assert digest["title"] == "Harbour reopens after storm"
    assert digest["summary"].startswith("The harbour reopened on Tuesday")


def test_plain_output_is_readable_without_json(tmp_path: Path) -> None:
    page = tmp_path / "harbour.htm"
    page.write_text(PAGE, encoding="utf-8")
    result = digestbot("digest", str(page))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Harbour reopens after storm\n")
    assert "{" not in result.stdout


def test_a_pdf_file_and_a_pdf_on_stdin(tmp_path: Path) -> None:
    paper = tmp_path / "bulletin.pdf"
    paper.write_bytes(build_pdf(Spec()))
    result = digestbot("digest", "--json", str(paper))
    assert result.returncode == 0, result.stderr
    digest = json.loads(result.stdout)
    assert digest["title"] == "The north quay reopens after the storm season"
    assert digest["published"] == "2022-04-07" and "Quarterly Bulletin" not in digest["body"]
    piped = subprocess.run([sys.executable, "-m", "bot", "digest", "--json", "-"], input=paper.read_bytes(),
                           capture_output=True, timeout=120, env={"PATH": "/usr/bin:/bin", "DIGESTBOT_DB": ":memory:"})
    assert json.loads(piped.stdout)["title"] == digest["title"], piped.stderr


def test_a_locked_pdf_gets_one_sentence(tmp_path: Path) -> None:
    paper = tmp_path / "locked.pdf"
    paper.write_bytes(build_pdf(Spec(user_password="secret")))
    result = digestbot("digest", str(paper))
    assert result.returncode == 1
    assert result.stderr.strip() == f"{paper}: {LockedPdfError.user_message}"
