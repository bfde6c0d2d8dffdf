"""Load benchmark (not a test): the real bot process, the strict fake Bot API, a local page server.

    .venv/bin/python -m bench.load [--chats 50] [--workers 2] [--help-probes 10]
    .venv/bin/python -m bench.load --render-pages     # only step 4
    .venv/bin/python -m bench.load --render-pages --summary-sentences 200 --summary-chars 20000 --quotes 20
    .venv/bin/python -m bench.load --render-pages --language ru --summary-length long   # a chat's language and /settings


1. Burst: N chats each send a different link at the same moment; every chat must get its digest.
   Latency per chat = the fake server's clock from the user's message to the digest's final form
   (the reply, or the placeholder once edited into the digest). Prints p50, p95 and max.
2. The same N links again (cached): answered without fetching.
3. Fairness: one chat sends a page that keeps a cleaning worker busy for the whole clean time
   limit (10 s by default); while it is in progress, other chats send /help, one at a time;
   prints each /help's answer time.
4. Rendering: every development page (HTML and pasted) and golden page is digested, rendered by
   handlers/render.py and sent to the strict fake server; prints how many messages it refused.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import httpx

from bench.sets.datasets import FAKEHOST_URL, dev_pages, golden_pages, require_dev_pages
from digest.errors import DigestError
from digest.model import DigestOptions
from digest.pipeline import Page, digest_page
from handlers.i18n import LANGUAGES, words_for
from handlers.look import styled
from handlers.render import Via, render_digest
from storage.chat_settings import SUMMARY_LENGTHS, ChatSettings

from tests.fakebotapi import TEST_TOKEN, BotProcess, ChatMessage, FakeBotAPI
from tests.pageserver import PageServer

FIRST_CHAT = 100_000
HEAVY_CHAT = 99_999
HELP_CHAT = 99_998
# ~4.8 MB of real-looking markup: readability needs well over 10 s of CPU for it, so the page
# holds a worker until the clean time limit ends it (the body stays under the 5 MB page cap).
HEAVY_BLOCKS = 50_000
HEAVY_BLOCK = "<div class=x><p>Some words in a paragraph that is long enough, with a comma, to count.</p></div>"
HELP_PAUSE_SECONDS = 0.5
WAIT_SECONDS = 300.0
PARAGRAPHS = (
    "The city council voted on Tuesday evening to extend the tram line by four kilometres to the new hospital, "
    "ending a debate that had lasted more than three years and split the governing coalition.",
    '"This is the most important decision we have taken for the east of the city," said the mayor, Helena Costa, '
    "after the vote, which passed by 31 votes to 18 with two abstentions.",
    "Construction is expected to begin next spring and to take two years, at a cost of about 120 million euros, "
    "two thirds of which will come from national and European funds.",
    "Opponents argued that buses would have served the same neighbourhoods at a fraction of the price, and said "
    "they would ask the regional court to review the way the contracts were awarded.",
)


def article(n: int) -> str:
    title = f"Tram line extension approved, report number {n}"
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title>"
            '<meta property="article:published_time" content="2025-05-06T18:00:00+00:00"></head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def final_reply(api: FakeBotAPI, chat: int, message_id: int) -> ChatMessage | None:
    return api.final_reply(chat, message_id)


def burst(api: FakeBotAPI, urls: list[str], label: str, *, first_chat: int = FIRST_CHAT,
          after_send: Callable[[], None] | None = None) -> list[float]:
    """Every chat sends its link at once; returns each chat's seconds to its digest. `after_send`
    delivers the updates where the bots do not poll for them (bench.load_instances' webhooks)."""
    sent = [(first_chat + n, api.send_text(first_chat + n, url)) for n, url in enumerate(urls)]
    if after_send is not None:
        after_send()
    api.wait(lambda: all(final_reply(api, chat, mid) for chat, mid in sent), timeout=WAIT_SECONDS, what=label)
    latencies = []
    for chat, message_id in sent:
        reply = final_reply(api, chat, message_id)
        assert reply is not None and reply.plain and reply.plain.startswith("Tram line"), (chat, reply)
        latencies.append(reply.updated_at - api.message(chat, message_id).created_at)
    return latencies


def report(label: str, latencies: list[float], total: int) -> None:
    print(f"{label}: {len(latencies)}/{total} answered; p50 {percentile(latencies, 0.5):.2f} s, "
          f"p95 {percentile(latencies, 0.95):.2f} s, max {max(latencies):.2f} s")


def help_while_heavy(api: FakeBotAPI, pages: PageServer, probes: int) -> tuple[list[float], float]:
    """/help answer times while the heavy page is being cleaned; and how long that page took."""
    heavy_url = pages.add("/heavy", "<html><body>" + HEAVY_BLOCK * HEAVY_BLOCKS + "</body></html>")
    heavy = api.send_text(HEAVY_CHAT, heavy_url)
    api.wait(lambda: api.replies(HEAVY_CHAT, heavy), timeout=WAIT_SECONDS, what="the heavy page's placeholder")
    times = []
    for _ in range(probes):
        if final_reply(api, HEAVY_CHAT, heavy) is not None:
            break  # the heavy page is over: later probes would not measure fairness
        asked = api.send_text(HELP_CHAT, "/help")
        answer = api.wait(lambda: next((m for m in api.bot_messages(HELP_CHAT) if m.message_id > asked), None),
                          timeout=WAIT_SECONDS, what="/help")
        times.append(answer.created_at - api.message(HELP_CHAT, asked).created_at)
        time.sleep(HELP_PAUSE_SECONDS)
    done = api.wait(lambda: final_reply(api, HEAVY_CHAT, heavy), timeout=WAIT_SECONDS, what="the heavy page")
    return times, done.updated_at - api.message(HEAVY_CHAT, heavy).created_at


RENDER_CHAT = 4242
RENDER_VIA = Via("A <channel> & co", "https://t.me/some_channel/1")


def all_pages() -> list[tuple[str, Page]]:
    """Development pages as HTML and as pasted text, then the golden pages."""
    pages: list[tuple[str, Page]] = []
    for dev in dev_pages():
        pages.append((f"html:{dev.name}", Page(content=dev.html, kind="html", url=FAKEHOST_URL)))
        if dev.pasted:
            pages.append((f"text:{dev.name}", Page(content=dev.pasted, kind="text")))
    for golden in golden_pages():
        pages.append((f"golden-{golden.kind}:{golden.slug}",
                      Page(content=golden.content, kind=golden.kind, url=golden.expected.get("url"))))  # type: ignore[arg-type]
    return pages


def rendered(page: Page, options: DigestOptions, language: str = "en",
             look: ChatSettings = ChatSettings()) -> list[str] | str:
    """The reply's messages, or the refusal's class name (runs in a worker process)."""
    try:
        return render_digest(styled(digest_page(page, options), look), via=RENDER_VIA, words=words_for(language))
    except DigestError as error:
        return type(error).__name__


def render_check(workers: int, options: DigestOptions, language: str = "en", look: ChatSettings = ChatSettings()) -> None:
    pages = all_pages()
    with ProcessPoolExecutor(workers) as executor:
        results = list(executor.map(rendered, [page for _, page in pages], [options] * len(pages),
                                    [language] * len(pages), [look] * len(pages), chunksize=4))
    refusals: Counter[str] = Counter()
    sent = split = 0
    with FakeBotAPI(TEST_TOKEN) as api, httpx.Client(base_url=f"{api.base_url}{api.token}/") as client:
        api.send_text(RENDER_CHAT, "the chat exists")
        for (name, _), result in zip(pages, results):
            if isinstance(result, str):
                refusals[result] += 1
                continue
            split += len(result) > 1
            for text in result:
                answer = client.post("sendMessage", data={"chat_id": str(RENDER_CHAT), "text": text,
                                                          "parse_mode": "HTML"}).json()
                sent += 1
                if not answer["ok"]:
                    print(f"  refused {name}: {answer['description']}")
        errors = api.errors()
    print(f"rendering in {language}, {look.summary} summaries (up to {options.summary_max_sentences} sentences, "
          f"{options.summary_max_chars} "
          f"characters, {options.max_quotes} quotes): {len(pages)} pages, {len(pages) - sum(refusals.values())} digests, {sent} messages "
          f"({split} digests over one message), {len(errors)} refused by the strict server; "
          f"no digest: {dict(refusals) or 'none'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chats", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2, help="cleaning worker processes (DIGESTBOT_WORKERS)")
    parser.add_argument("--help-probes", type=int, default=10)
    parser.add_argument("--render-pages", action="store_true", help="only the rendering check (step 4)")
    parser.add_argument("--summary-sentences", type=int, default=DigestOptions().summary_max_sentences,
                        help="rendering check: longer summaries exercise the split into several messages")
    parser.add_argument("--summary-chars", type=int, default=DigestOptions().summary_max_chars)
    parser.add_argument("--quotes", type=int, default=DigestOptions().max_quotes)
    parser.add_argument("--language", choices=LANGUAGES, default="en", help="rendering check: the chat's language")
    parser.add_argument("--summary-length", choices=SUMMARY_LENGTHS, default="normal",
                        help="rendering check: the chat's /settings summary length")
    args = parser.parse_args()
    require_dev_pages()  # the rendering check at the end reads them: say so before the long part
    look = ChatSettings(summary=args.summary_length)
    options = DigestOptions(summary_max_sentences=args.summary_sentences, summary_max_chars=args.summary_chars,
                            max_quotes=args.quotes)
    if args.render_pages:
        render_check(args.workers, options, args.language, look)
        return
    with tempfile.TemporaryDirectory() as workdir, PageServer() as pages, FakeBotAPI(TEST_TOKEN) as api:
        urls = [pages.add(f"/burst/{n}", article(n)) for n in range(args.chats)]
        bot = BotProcess(api, Path(workdir), env={
            "DIGESTBOT_TRUSTED_HOSTS": pages.host_port, "DIGESTBOT_WORKERS": str(args.workers),
            "DIGESTBOT_LOG_LEVEL": "WARNING",
        }).start()
        try:
            report(f"burst of {args.chats} new links", burst(api, urls, "the burst"), args.chats)
            fetched = sum(pages.hits[f"/burst/{n}"] for n in range(args.chats))
            report(f"same {args.chats} links again (cached)", burst(api, urls, "the cached burst"), args.chats)
            print(f"page fetches for {2 * args.chats} digests: {sum(pages.hits[f'/burst/{n}'] for n in range(args.chats))}"
                  f" (after the first burst: {fetched})")
            times, heavy_seconds = help_while_heavy(api, pages, args.help_probes)
            print(f"/help while a heavy page was cleaned ({heavy_seconds:.1f} s until its answer): "
                  f"{len(times)} probes, median {statistics.median(times) * 1000:.0f} ms, "
                  f"max {max(times) * 1000:.0f} ms")
            refused = [call for call in api.errors() if call.error and not call.error.startswith("Too Many")]
            print(f"Bot API calls refused by the strict server: {len(refused)}")
        finally:
            bot.stop()
    render_check(args.workers, options, args.language, look)


if __name__ == "__main__":
    main()
