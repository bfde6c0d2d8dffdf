"""The bot's pure parts: paste assembly and the per-user rate limit (no Telegram, no network)."""

from __future__ import annotations

import httpx
import pytest

from handlers.inputs.paste_buffer import SPLIT_PART_MIN_CHARS, PasteBuffer, join_parts
from handlers.ratelimit import WINDOW_SECONDS, PageRateLimiter, wait_message
from tests.fakebotapi import TEST_TOKEN, FakeBotAPI

KEY = (1, 1)


def test_a_short_text_is_a_whole_paste_at_once() -> None:
    buffer: PasteBuffer[str] = PasteBuffer()
    paste, complete = buffer.add(KEY, "A short page.", "m1")
    assert complete and paste.text == "A short page." and not buffer.pending(KEY)


def test_full_size_parts_wait_for_the_next_part_and_the_short_one_ends_the_paste() -> None:
    buffer: PasteBuffer[str] = PasteBuffer()
    first = "word " * (SPLIT_PART_MIN_CHARS // 5 + 10)
    paste, complete = buffer.add(KEY, first, "m1")
    assert not complete and buffer.pending(KEY)
    paste, complete = buffer.add(KEY, "end of the page.", "m2")
    assert complete and paste.first == "m1" and paste.text.endswith("word end of the page.")


def test_a_lone_full_size_part_is_taken_when_its_wait_is_over_unless_another_came() -> None:
    buffer: PasteBuffer[str] = PasteBuffer()
    long_part = "x" * SPLIT_PART_MIN_CHARS
    paste, _ = buffer.add(KEY, long_part, "m1")
    stale = paste.generation
    buffer.add(KEY, long_part, "m2")
    assert buffer.take_if_unchanged(KEY, stale) is None  # a later part restarted the wait
    taken = buffer.take_if_unchanged(KEY, stale + 1)
    assert taken is not None and taken.text.count("x") == 2 * SPLIT_PART_MIN_CHARS


def test_parts_join_on_a_line_after_a_sentence_and_on_a_space_inside_one() -> None:
    assert join_parts(["It ended.", "New paragraph"]) == "It ended.\nNew paragraph"
    assert join_parts(["in the middle of", "a sentence"]) == "in the middle of a sentence"


def test_the_rate_limit_is_a_sliding_window_per_user() -> None:
    now = [0.0]
    limiter = PageRateLimiter(2, clock=lambda: now[0])
    assert limiter.take(1) is None and limiter.take(1) is None
    assert limiter.take(1) == WINDOW_SECONDS
    assert limiter.take(2) is None  # another user is not affected
    now[0] = 30.0
    assert limiter.take(1) == WINDOW_SECONDS - 30.0
    now[0] = 60.0
    assert limiter.take(1) is None
    assert "again in 5 seconds" in wait_message(10, 4.2)


@pytest.mark.parametrize(("text", "error"), [
    ("\U0001F600" * 2048, None),  # 4096 UTF-16 units: the most Telegram takes
    ("\U0001F600" * 2048 + "x", "Bad Request: message is too long"),
    ("<b>bold</b> &amp; <i>fine</i> &#128512; &lt;3", None),
    ("<p>paragraph</p>", "Bad Request: can't parse entities: Unsupported start tag \"p\" at byte offset 0"),
    ("<b>open", "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\""),
    ("fish & chips", "Bad Request: can't parse entities: Character \"&\" is reserved"),
    ("1 < 2", "Bad Request: can't parse entities: Unsupported start tag \"\" at byte offset 2"),
])
def test_the_fake_server_is_as_strict_as_telegram(text: str, error: str | None) -> None:
    with FakeBotAPI(TEST_TOKEN) as api:
        api.send_text(1, "the chat exists")
        answer = httpx.post(f"{api.base_url}{TEST_TOKEN}/sendMessage",
                            data={"chat_id": "1", "text": text, "parse_mode": "HTML"}).json()
    if error is None:
        assert answer["ok"], answer
    else:
        assert not answer["ok"] and answer["error_code"] == 400 and answer["description"].startswith(error)


async def test_concurrent_calls_for_one_key_share_one_run() -> None:
    import asyncio

    from handlers.singleflight import SingleFlight

    runs = []
    gate = asyncio.Event()

    async def work() -> str:
        runs.append(1)
        await gate.wait()
        return "digest"

    flights: SingleFlight[str] = SingleFlight()
    waiters = [asyncio.ensure_future(flights.run("https://a.example/x", work)) for _ in range(5)]
    await asyncio.sleep(0)
    waiters[0].cancel()  # one chat's update is cancelled: the others still get the result
    gate.set()
    results = await asyncio.gather(*waiters[1:])
    assert results == ["digest"] * 4 and runs == [1] and len(flights) == 0
    assert await flights.run("https://a.example/x", work) == "digest" and runs == [1, 1]
