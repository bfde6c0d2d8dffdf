"""Every golden page (tests/fixtures/pages/*) and the pasted RT page, digested and rendered, is
accepted by the strict fake Bot API over HTTP: no 400 for HTML, no message over 4096 units."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bench.sets.datasets import golden_pages
from digest.errors import DigestError
from digest.pipeline import Page, digest_page
from handlers.render import Via, render_digest
from tests.fakebotapi import TEST_TOKEN, FakeBotAPI

FIXTURES = Path(__file__).parent / "fixtures"
CHAT = 4242


def pages() -> list[tuple[str, Page]]:
    found = [(f"{g.kind}:{g.slug}", Page(content=g.content, kind=g.kind, url=g.expected.get("url")))  # type: ignore[arg-type]
             for g in golden_pages()]
    rt = (FIXTURES / "rt-pentagon-pasted.txt").read_text(encoding="utf-8")
    return [*found, ("text:rt-pentagon-pasted", Page(content=rt, kind="text"))]


PAGES = pages()


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBotAPI]:
    with FakeBotAPI(TEST_TOKEN) as fake:
        fake.send_text(CHAT, "the chat exists")
        yield fake


@pytest.mark.parametrize("page", [page for _, page in PAGES], ids=[name for name, _ in PAGES])
def test_the_rendered_digest_is_accepted_by_the_strict_server(api: FakeBotAPI, page: Page) -> None:
    try:
        digest = digest_page(page)
    except DigestError as error:
        pytest.fail(f"the pipeline refused a golden page: {error.user_message}")
    messages = render_digest(digest, via=Via("Some <Channel> & Co", "https://t.me/some_channel/1"))
    with httpx.Client(base_url=f"{api.base_url}{api.token}/") as client:
        for text in messages:
            answer = client.post("sendMessage", data={"chat_id": str(CHAT), "text": text, "parse_mode": "HTML"}).json()
            assert answer["ok"], answer["description"]
