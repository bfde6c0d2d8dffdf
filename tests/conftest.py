"""Shared fixtures. Tests use real files, real sockets on 127.0.0.1, real processes and a real
PostgreSQL server (tests/pgserver.py) for the PostgreSQL store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest.pasted import fitted
from tests import pgserver
from tests.test_storage_support import Backend, PgBackend, SqliteBackend

FIXTURES = Path(__file__).parent / "fixtures"
BACKENDS = ("sqlite", "postgresql")
_pg_missing: list[str] = []


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def weights_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fold's weights folder for the pasted reader's fitted models, as bench.evaluate --cv sets it; the
    weights cache forgets both ways."""
    monkeypatch.setenv(fitted.WEIGHTS_ENV, str(tmp_path))
    fitted.weights.cache_clear()
    yield tmp_path
    fitted.weights.cache_clear()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[pgserver.PgCluster]:
    """One throwaway PostgreSQL cluster for the whole run. Missing PostgreSQL fails under CI, never skips."""
    if not pgserver.available():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(pgserver.MISSING)
        _pg_missing.append(pgserver.MISSING)
        pytest.skip(pgserver.MISSING)
    cluster = pgserver.start_cluster()
    try:
        yield cluster
    finally:
        pgserver.remove_cluster(cluster)


@pytest.fixture
def pg_dsn(pg_cluster: pgserver.PgCluster) -> Iterator[str]:
    """The URL of an empty database of this test's own on the test cluster."""
    dsn = pg_cluster.fresh_database()
    yield dsn
    pg_cluster.drop(dsn)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """The store's tests run once on SQLite (a file in tmp_path) and once on PostgreSQL."""
    if request.param == "postgresql":
        return PgBackend(request.getfixturevalue("pg_dsn"))
    return SqliteBackend(tmp_path / "digests.sqlite3")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _pg_missing:
        terminalreporter.section("PostgreSQL tests SKIPPED", sep="!", red=True, bold=True)
        terminalreporter.write_line(_pg_missing[0], red=True, bold=True)
