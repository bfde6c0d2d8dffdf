"""Crash safety: a writer process killed with SIGKILL at random moments loses no save that returned.

The child saves digests in a loop (new articles, and refreshes of earlier ones) and prints a
line only after `save` returns. After each kill the parent opens the file (SQLite replays the
WAL), and every acknowledged save must be there, in its acknowledged version or a later one,
findable in the index; `PRAGMA integrity_check` and FTS5's 'integrity-check' must pass.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from storage import Store
from tests.test_storage_support import integrity

KILLS = 25
ARTICLES = 25  # links the child cycles through, so later saves refresh earlier rows
MAX_RUN_SECONDS = 0.08
ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import asyncio, sys
from digest.model import Digest
from storage import Store

async def main(path, start):
    store = await Store.open(path)
    seq = start
    while True:
        article = seq % {articles}
        marker = f"crashmark{{seq}}end"
        digest = Digest(title=f"Article {{article}} {{marker}}", summary=f"Version {{marker}}.",
                        body=f"Body of {{marker}}. " * (1 + seq % 40), url=f"https://crash.example/{{article}}")
        await store.save(digest, chat_id=seq % 3, source_url=digest.url, message_id=seq)
        print(article, seq, flush=True)
        seq += 1

asyncio.run(main(sys.argv[1], int(sys.argv[2])))
""".format(articles=ARTICLES)


def run_and_kill(path: Path, start: int, rng: random.Random) -> list[tuple[int, int]]:
    """Start a writer, let it run a random while, SIGKILL it; the (article, seq) saves it acknowledged."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(start)], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert child.stdout is not None
    first = child.stdout.readline()  # opened, migrated, one save done: from here on it is all writing
    assert first, child.stderr.read() if child.stderr else ""
    time.sleep(rng.uniform(0, MAX_RUN_SECONDS))
    child.send_signal(signal.SIGKILL)
    rest, _ = child.communicate()
    assert child.returncode == -signal.SIGKILL
    lines = [first, *rest.splitlines(keepends=True)]
    return [(int(a), int(s)) for a, s in (line.split() for line in lines if line.endswith(b"\n"))]


async def latest_versions(path: Path) -> dict[int, int]:
    """Per article, the seq of the version the database holds now."""
    store = await Store.open(path)
    try:
        found = {}
        for article in range(ARTICLES):
            digest = await store.cached(f"https://crash.example/{article}")
            if digest is not None:
                found[article] = int(digest.title.rsplit("crashmark", 1)[1].removesuffix("end"))
                # "end" closes the marker: search reads its last word as a prefix, and crashmark10 would
                # also find crashmark100 once the writer got that far
                hits = await store.search(found[article] % 3, f"crashmark{found[article]}end")
                assert [hit.digest for hit in hits.hits] == [digest]
        return found
    finally:
        await store.close()


def test_saves_that_returned_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    rng = random.Random(5)
    acknowledged: dict[int, int] = {}
    start = 0
    for _ in range(KILLS):
        for article, seq in run_and_kill(path, start, rng):
            acknowledged[article] = max(acknowledged.get(article, -1), seq)
            start = max(start, seq + 1)
        start += 1  # the save in flight at the kill may have committed; never reuse its number
        assert integrity(path) == ("ok", "ok")
        held = asyncio.run(latest_versions(path))
        for article, seq in acknowledged.items():
            assert held.get(article, -1) >= seq, f"article {article}: saved version {seq} lost"
    assert start > KILLS * 2, "the writer should have saved a good number of digests"
