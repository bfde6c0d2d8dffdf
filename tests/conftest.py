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
SEARCH_BACKENDS = (*BACKENDS, "postgresql-gin")  # PostgreSQL without rum too: its words index stays GIN
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


@pytest.fixture
def pg_gin_dsns(pg_cluster: pgserver.PgCluster) -> Iterator[tuple[str, str]]:
    """A database of this test's own where the store may not create the rum extension, so its words index stays
    GIN (schema step 6): (the superuser's URL, the store's)."""
    dsns = pg_cluster.fresh_database_without_rum()
    yield dsns
    pg_cluster.drop_database(dsns[0])


@pytest.fixture
def rum_installed(pg_cluster: pgserver.PgCluster) -> None:
    """The rum extension is on the test server. Missing fails under CI, never skips."""
    if not pgserver.has_rum():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(pgserver.RUM_MISSING)
        _pg_missing.append(pgserver.RUM_MISSING)
        pytest.skip(pgserver.RUM_MISSING)


def make_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """"sqlite" (a file in tmp_path), "postgresql" (RUM where the server has it) or "postgresql-gin"."""
    if request.param == "postgresql":
        return PgBackend(request.getfixturevalue("pg_dsn"))
    if request.param == "postgresql-gin":
        admin, store = request.getfixturevalue("pg_gin_dsns")
        return PgBackend(admin, store_dsn=store)
    return SqliteBackend(tmp_path / "digests.sqlite3")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """The store's tests run once on SQLite and once on PostgreSQL (search's own also on PostgreSQL with GIN:
    tests/test_storage.py, tests/test_storage_properties.py)."""
    return make_backend(request, tmp_path)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _pg_missing:
        terminalreporter.section("PostgreSQL tests SKIPPED", sep="!", red=True, bold=True)
        for missing in dict.fromkeys(_pg_missing):
            terminalreporter.write_line(missing, red=True, bold=True)
