"""`digestbot digest` at its edges, as a user runs it: binary files, oversized input, standard input,
a page readability cannot read, and digests printed as they are done. (PDFs have a reader of their
own: tests/test_pdf.py and tests/test_cli.py.)"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import select
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from digest.errors import NotTextError

ROOT = Path(__file__).resolve().parent.parent
NOT_TEXT = NotTextError.user_message
PARAGRAPH = ("<p>The harbour reopened on Tuesday after a week of repairs to the sea wall, the port authority "
             "said in a statement.</p><p>Fishing boats returned to their moorings by noon, and the ferry to the "
             "islands resumed its regular timetable.</p>")
PAGE = f"<!doctype html><html lang=en><head><title>Harbour reopens</title></head><body><article>{PARAGRAPH}</article></body></html>"
TEXT = ("Harbour reopens after storm\n\nThe harbour reopened on Tuesday after a week of repairs to the sea wall, "
        "the port authority said in a statement. Fishing boats returned to their moorings by noon.\n\n"
        "The ferry to the islands resumed its regular timetable, and repairs cost about two million euros.\n")
STREAM_WAIT_SECONDS = 60


def environment(db: Path, **extra: str) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "DIGESTBOT_DB": str(db), "DIGESTBOT_WORKERS": "1",
            **extra}


def digestbot(db: Path, *args: str, stdin: bytes = b"", **extra: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, timeout=120,
                            env=environment(db, **extra))
    return subprocess.CompletedProcess(result.args, result.returncode, result.stdout.decode(), result.stderr.decode())


def saved_digests(db: Path) -> list[dict[str, object]]:
    exported = digestbot(db, "export")
    assert exported.returncode == 0, exported.stderr
    return json.loads(exported.stdout)["digests"]  # type: ignore[no-any-return]


def zipped() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("page.html", PAGE)
    return buffer.getvalue()


def binaries() -> dict[str, bytes]:
    rng = random.Random(12)
    return {
        "program.html": b"\x7fELF\x02\x01\x01\x00" + rng.randbytes(20_000),  # what `cp /bin/ls x.html` sends
        "noise.txt": rng.randbytes(50_000),
        "late-nul.txt": TEXT.encode() * 40 + b"\x00" + TEXT.encode(),  # text, but a NUL byte far from the start
        "high-bytes": bytes(rng.randrange(0x80, 0x100) for _ in range(20_000)),  # no charset decodes these
        "picture.html": b"\x89PNG\r\n\x1a\n" + rng.randbytes(5_000),
        "archive.zip": zipped(),
        "page.html.gz": gzip.compress(PAGE.encode()),
    }


def test_binary_files_and_standard_input_get_one_sentence_and_nothing_is_saved(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    paths = []
    for name, data in binaries().items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    result = digestbot(db, "digest", "--json", *paths)
    assert result.returncode == 1 and result.stderr == ""  # several sources, but no terminal: no progress bar
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == [{"input": path, "error": NOT_TEXT} for path in paths]

    piped = digestbot(db, "digest", stdin=binaries()["program.html"])
    assert piped.returncode == 1 and piped.stdout == ""
    assert piped.stderr == f"-: {NOT_TEXT}\n"
    assert saved_digests(db) == []


def test_a_page_readability_cannot_read_costs_one_log_line(tmp_path: Path) -> None:
    """A stray control character before `<?>` makes readability-lxml log "error getting summary"
    with a traceback; the user gets one sentence and stderr one line from the library."""
    page = tmp_path / "odd.html"
    page.write_text(f"<html><body><p>\x01<?>x</p>{PARAGRAPH * 3}</body></html>", encoding="utf-8")
    result = digestbot(tmp_path / "db.sqlite3", "digest", str(page))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    library, said = result.stderr.splitlines()
    assert library.startswith("WARNING readability.readability: error getting summary: ValueError")
    assert said == f"{page}: I found no article in that page. Try the article's own link, or paste its text."


def test_oversized_files_and_standard_input_are_refused_at_once_naming_the_limit(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    limits = {"DIGESTBOT_MAX_PAGE_BYTES": "5000", "DIGESTBOT_MAX_TEXT_BYTES": "2000"}
    (tmp_path / "long.txt").write_text(TEXT * 10)  # 2.6 KB of text: over the text cap
    (tmp_path / "long.html").write_text(PAGE.replace(PARAGRAPH, PARAGRAPH * 30))  # 8 KB: over the page cap
    (tmp_path / "fits.html").write_text(PAGE.replace(PARAGRAPH, PARAGRAPH * 3))  # 1 KB: a page may be over the text cap
    result = digestbot(db, "digest", "--json", str(tmp_path / "long.txt"), str(tmp_path / "long.html"),
                       str(tmp_path / "fits.html"), **limits)
    said = [json.loads(line).get("error") for line in result.stdout.splitlines()]
    assert said == ["That text is too large: I read texts up to 2 KB.",
                    "That page is too large: I read web pages up to 5 KB.", None]

    huge = b"x" * 20_000_000  # 20 MB on standard input: refused after reading 5 MB, in well under a second of work
    started = time.monotonic()
    piped = digestbot(db, "digest", stdin=b"<!doctype html><html><body><p>" + huge)
    assert piped.stderr == "-: That page is too large: I read web pages up to 5 MB.\n"
    assert time.monotonic() - started < 30 and piped.returncode == 1
    assert [digest["title"] for digest in saved_digests(db)] == ["Harbour reopens"]


def test_standard_input_is_read_when_no_source_is_given(tmp_path: Path) -> None:
    result = digestbot(tmp_path / "db.sqlite3", "digest", "--json", stdin=PAGE.encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Harbour reopens"


def test_no_source_at_a_terminal_is_a_usage_sentence(tmp_path: Path) -> None:
    primary, secondary = os.openpty()
    try:
        result = subprocess.run([sys.executable, "-m", "bot", "digest"], stdin=secondary, capture_output=True,
                                text=True, timeout=60, env=environment(tmp_path / "db.sqlite3"))
    finally:
        os.close(primary)
        os.close(secondary)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("digestbot digest: give a SOURCE")


def read_line(stream: io.BufferedReader, seconds: float) -> bytes:
    ready, _, _ = select.select([stream], [], [], seconds)
    return stream.readline() if ready else b""


def test_each_digest_is_printed_as_soon_as_it_is_done(tmp_path: Path) -> None:
    """The first source's line comes out while the second (standard input) is still being written."""
    page = tmp_path / "first.html"
    page.write_text(PAGE)
    process = subprocess.Popen([sys.executable, "-m", "bot", "digest", "--json", str(page), "-"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=environment(tmp_path / "db.sqlite3"))
    assert process.stdin and process.stdout
    try:
        first = read_line(process.stdout, STREAM_WAIT_SECONDS)
        assert json.loads(first)["input"] == str(page)
        assert process.poll() is None  # still waiting for standard input
        process.stdin.write(TEXT.encode())
        process.stdin.close()
        second = json.loads(read_line(process.stdout, STREAM_WAIT_SECONDS))
        assert second["input"] == "-" and second["title"] == "Harbour reopens after storm"
        assert process.wait(STREAM_WAIT_SECONDS) == 0
    finally:
        process.kill()
        process.wait()
        for stream in (process.stdout, process.stderr):
            stream and stream.close()  # type: ignore[func-returns-value]
    assert len(saved_digests(tmp_path / "db.sqlite3")) == 2


def test_a_progress_bar_on_a_terminal_with_several_sources(tmp_path: Path) -> None:
    sources = 2
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    primary, secondary = os.openpty()
    try:
        process = subprocess.Popen([sys.executable, "-m", "bot", "digest", *[str(page)] * sources],
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=secondary,
                                   env=environment(tmp_path / "db.sqlite3"))
        os.close(secondary)
        terminal = b""
        while chunk := read_terminal(primary):
            terminal += chunk
        out, _ = process.communicate(timeout=60)
    finally:
        os.close(primary)
    assert process.returncode == 0
    assert out.decode().count("Harbour reopens\n") == sources
    assert b"] 1/2 done" in terminal and b"] 2/2 done" in terminal
    assert terminal.endswith(b"\r\x1b[K")  # cleared at the end


def read_terminal(fd: int) -> bytes:
    """What the child wrote to its terminal, until it closes it."""
    try:
        return os.read(fd, 4096)
    except OSError:  # EIO: the child closed the terminal
        return b""


def test_a_run_killed_half_way_leaves_nothing_saved_that_was_not_printed(tmp_path: Path) -> None:
    """Standard input first, held open; the file after it is done (the bar says 1/2) but must wait its turn,
    so it is neither printed nor saved when the run is killed."""
    page = tmp_path / "second.html"
    page.write_text(PAGE)
    primary, secondary = os.openpty()
    process = subprocess.Popen([sys.executable, "-m", "bot", "digest", "-", str(page)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=secondary, env=environment(tmp_path / "db.sqlite3"))
    os.close(secondary)
    terminal = b""
    try:
        deadline = time.monotonic() + STREAM_WAIT_SECONDS
        while b"] 1/2 done" not in terminal and time.monotonic() < deadline:
            if select.select([primary], [], [], 1)[0]:
                terminal += read_terminal(primary)
        assert b"] 1/2 done" in terminal
    finally:
        process.kill()
        out, _ = process.communicate(timeout=60)
        os.close(primary)
    assert out == b""
    assert saved_digests(tmp_path / "db.sqlite3") == []
