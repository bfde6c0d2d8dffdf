"""Two real `digestbot run --webhook` processes on one PostgreSQL, updates delivered to them in turn
(as a load balancer would): one link sent to both at once is fetched once, a paste split across
both is digested once and whole, what one saves the other finds, and /forget on one is seen by
the other (its confirmation button pressed on the other instance); one instance killed with
SIGKILL in the middle of a digest while the other keeps answering (and takes over the link once
the dead one's claim is stale); PostgreSQL restarted while links arrive."""

from __future__ import annotations

import signal
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.base import StoreUnavailableError
from tests.fakebotapi import TEST_TOKEN, BotProcess, ChatMessage, FakeBotAPI
from tests.pageserver import ARTICLE_HTML, PageServer
from tests.pgserver import PgCluster
from tests.test_bot_startup import post_update

SECRET = "one_secret_for_every_instance"
SLOW_PAGE = "/slow-headers?seconds=1.5"  # long enough for both instances to be reading it at once
USER = 7_100
UNAVAILABLE = StoreUnavailableError.user_message


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


Instances = tuple[FakeBotAPI, PageServer, list[int], list[BotProcess]]


@pytest.fixture
def instances(pg_dsn: str, tmp_path: Path) -> Iterator[Instances]:
    with PageServer() as pages, FakeBotAPI(TEST_TOKEN) as api:
        ports = [free_port(), free_port()]
        bots: list[BotProcess] = []
        try:
            for n, port in enumerate(ports):
                folder = tmp_path / f"instance{n}"
                folder.mkdir()
                bots.append(BotProcess(api, folder, args=(
                    "--webhook", "--listen", f"127.0.0.1:{port}", "--url", "https://bot.example/hook/path"),  # the path post_update posts to
                    env={"DIGESTBOT_DB": pg_dsn, "DIGESTBOT_TRUSTED_HOSTS": pages.host_port,
                         "DIGESTBOT_WEBHOOK_SECRET": SECRET, "DIGESTBOT_DB_TIMEOUT": "3",
                         # a claim left by a killed instance goes stale after 4 + 2 + 5 s
                         "DIGESTBOT_FETCH_DEADLINE": "4", "DIGESTBOT_CLEAN_TIMEOUT": "2"}).start())
            yield api, pages, ports, bots
        finally:
            for bot in bots:
                if bot.process is not None and bot.process.poll() is None:
                    assert bot.stop() == 0, bot.log()[-3000:]


def deliver(api: FakeBotAPI, port: int) -> None:
    """Post every queued update to one instance, as Telegram posts to the balancer in front."""
    for update in api.take_updates():
        assert post_update(port, update, SECRET) == 200


def answer_after(api: FakeBotAPI, chat: int, after: int) -> ChatMessage:
    return api.wait(lambda: next((m for m in api.bot_messages(chat) if m.message_id > after and m.plain
                                  and not m.plain.startswith("Reading")), None))


def test_two_instances_share_one_store(instances: Instances, fixtures: Path) -> None:
    api, pages, (a, b), _ = instances
    link = pages.url(SLOW_PAGE)
    # The same link in two chats, one update to each instance, at the same time.
    first = api.send_text(7001, link, user_id=USER)
    one = api.take_updates()
    second = api.send_text(7002, link, user_id=USER + 1)
    other = api.take_updates()
    posts = [threading.Thread(target=post_update, args=(port, update, SECRET))
             for port, [update] in ((a, one), (b, other))]
    for post in posts:
        post.start()
    for post in posts:
        post.join()
    titles = [api.wait(lambda chat=chat, sent=sent: api.final_reply(chat, sent)).plain.split("\n")[0]
              for chat, sent in ((7001, first), (7002, second))]
    assert titles[0] == titles[1] and "bridge" in titles[0].lower()
    assert pages.hits["/slow-headers"] == 1, "fetched once for both instances"

    # A paste Telegram split in two, each part reaching another instance.
    text = (fixtures / "rt-pentagon-pasted.txt").read_text(encoding="utf-8").strip()
    part_one = text[:text.index("\n\nREAD MORE")]  # the article, as long as Telegram's cut
    part_two = ("The spokesman added that a zanzibarine review of the withdrawal would be finished by June, "
                "and that its findings would be shared with the allies first.")
    assert len(part_one) >= 3000
    api.send_text(7003, part_one, user_id=USER)
    deliver(api, a)
    last = api.send_text(7003, part_two, user_id=USER)
    deliver(api, b)
    reply = answer_after(api, 7003, 0)
    assert "Pentagon" in reply.plain.split("\n")[0]
    ending = "zanzibarine"
    sent = api.send_text(7003, f'/search "{ending}" pentagon', user_id=USER)
    deliver(api, a)
    assert "1–1 of 1" in answer_after(api, 7003, sent).plain, "the digest holds the whole paste"
    assert len([m for m in api.bot_messages(7003) if m.message_id < sent and not m.plain.startswith("Reading")]) == 1
    assert api.replies(7003, last) == [] or api.replies(7003, last)[0].plain.split("\n")[0] == reply.plain.split("\n")[0]

    # What A saved, B finds; /forget asked on B, confirmed on A, seen by B.
    sent = api.send_text(7001, "/search bridge", user_id=USER)
    deliver(api, b)
    assert "1–1 of 1" in answer_after(api, 7001, sent).plain
    sent = api.send_text(7001, "/forget", user_id=USER)
    deliver(api, b)
    question = answer_after(api, 7001, sent)
    yes = next(button for button in question.buttons() if "forget" in button["text"].lower())
    api.press(7001, question.message_id, yes["callback_data"], user_id=USER)
    deliver(api, a)
    api.wait(lambda: (api.message(7001, question.message_id).plain or "").startswith("Forgotten: 1"))
    sent = api.send_text(7001, "/search bridge", user_id=USER)
    deliver(api, b)
    assert "Nothing in this chat" in answer_after(api, 7001, sent).plain
    sent = api.send_text(7002, "/search bridge", user_id=USER + 1)
    deliver(api, a)
    assert "1–1 of 1" in answer_after(api, 7002, sent).plain, "the other chat keeps its digest"


def test_one_instance_killed_mid_digest_and_postgresql_restarted_under_load(
        instances: Instances, pg_cluster: PgCluster) -> None:
    api, pages, (a, b), bots = instances
    slow = pages.url("/slow-headers?seconds=3")
    sent = api.send_text(7101, slow, user_id=USER)
    deliver(api, a)
    api.wait(lambda: pages.hits["/slow-headers"] == 1, what="instance A reading the link")
    assert bots[0].process is not None
    bots[0].process.send_signal(signal.SIGKILL)  # in the middle of the digest, its claim on the link left behind
    bots[0].process.wait()
    sent = api.send_text(7102, "/help", user_id=USER)
    deliver(api, b)
    assert "Commands:" in answer_after(api, 7102, sent).plain, "the other instance keeps answering"
    sent = api.send_text(7101, slow, user_id=USER)
    deliver(api, b)
    reply = api.wait(lambda: api.final_reply(7101, sent), timeout=40, what="B, once A's claim went stale")
    assert "bridge" in reply.plain.lower()

    # PostgreSQL restarted while links arrive: every message gets an answer (a digest, or the sentence
    # while the server is away), and afterwards everything works without restarting the bot.
    links = [pages.add(f"/load/{n}", ARTICLE_HTML.replace("harbour bridge", f"harbour bridge {n}")) for n in range(6)]
    sent_ids = []
    for n, link in enumerate(links):
        sent_ids.append(api.send_text(7200 + n, link, user_id=USER + 10 + n))
        deliver(api, b)
        if n == 2:
            pg_cluster.stop("fast")
            pg_cluster.start()
    answers = [api.wait(lambda chat=7200 + n, sent=sent: api.final_reply(chat, sent), timeout=40).plain
               for n, sent in enumerate(sent_ids)]
    assert all(answer == UNAVAILABLE or "bridge" in answer.lower() for answer in answers), answers
    sent = api.send_text(7101, "/search bridge", user_id=USER)
    deliver(api, b)
    assert "1–1 of 1" in answer_after(api, 7101, sent).plain
