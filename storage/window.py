"""Which matches a search ranks: those among the chat's RANK_WINDOW newest digests; older ones follow.

Ranking needs each match's words with their columns. SQLite's FTS5 reads them from its index, but
PostgreSQL reads one table page per match (2,844 pages for one word in the big chat of the 300,000-digest
benchmark, p95 81 ms; README, Benchmarks). So on both backends, and with the same results: the matches
among the chat's RANK_WINDOW newest digests (by id, the order they were first stored; WINDOW_START_SQL
finds the oldest of them) are ranked (title words first, then the most recently
saved), and every older match follows, newest first. A chat holding at most RANK_WINDOW digests,
like every chat of the tests, is ranked whole, as before. A query without words or sites (only
dates or exclusions) is not ranked: all its matches come most recently saved first, as before.
"""

from __future__ import annotations

RANK_WINDOW = 1_000
# The history primary key, backwards. `digest_id > 0` (ids start at 1) is a range only that key can serve: with
# chat_id alone, SQLite took the narrower history_dated index (chat_id, dated) and sorted the chat's whole history
# (10 ms for the chat holding 10% of 1,000,000 digests, against 0.1 ms).
WINDOW_START_SQL = ("SELECT digest_id FROM history WHERE chat_id = {chat} AND digest_id > 0"
                    " ORDER BY digest_id DESC LIMIT 1 OFFSET {offset}")
