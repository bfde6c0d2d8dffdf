"""A throwaway PostgreSQL 15 cluster for the tests: initdb and pg_ctl on a temporary folder.

PostgreSQL refuses to run as root, so when the tests run as root the cluster belongs to the
`postgres` OS user (the folder is chowned to it and the server started through runuser). It
listens on a free port of 127.0.0.1 and on a unix socket inside its folder, trusts local
connections, skips fsync (a crash loses a throwaway cluster, nothing else), and is stopped and
removed afterwards. Each test gets a database of its own (`fresh_database`: a schema).
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

PG_BIN = Path(os.environ.get("DIGESTBOT_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
PG_USER = "postgres"
PLAIN_ROLE = "digestbot_plain"  # a role that may not create extensions (tests of the store without rum)
RUM_CONTROL = Path(os.environ.get("DIGESTBOT_TEST_PG_SHARE", "/usr/share/postgresql/15")) / "extension" / "rum.control"
RUM_MISSING = (f"The rum extension is not installed ({RUM_CONTROL} not found): the PostgreSQL store was NOT tested with"
               " its RUM index. Install it with `apt-get install postgresql-15-rum` (.ci/run does).")
START_SECONDS = 60
MISSING = (f"PostgreSQL 15 is not installed ({PG_BIN / 'initdb'} not found): the PostgreSQL store tests did NOT run. "
           "Install it with `apt-get install postgresql` (.ci/run does).")


def available() -> bool:
    return (PG_BIN / "initdb").exists() and (PG_BIN / "pg_ctl").exists()


def has_rum() -> bool:
    return RUM_CONTROL.exists()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PgCluster:
    """A running cluster: `dsn(name)` is the URL of one of its databases."""

    folder: Path
    port: int
    _names = itertools.count(1)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def dsn(self, database: str = "postgres") -> str:
        return f"postgresql://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def socket_dsn(self, database: str = "postgres") -> str:
        return f"postgresql://{PG_USER}@/{database}?host={self.folder}&port={self.port}"

    def psql(self, sql: str, database: str = "postgres") -> str:
        done = subprocess.run([str(PG_BIN / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                               "-h", str(self.folder), "-p", str(self.port), "-U", PG_USER, "-d", database,
                               "-c", sql], capture_output=True, text=True, timeout=60, check=True)
        return done.stdout.strip()

    def fresh_database(self) -> str:
        """The URL of a new, empty schema of its own (a schema is made in milliseconds, a database
        in half a second); asyncpg passes `search_path` on to the server."""
        name = f"t{os.getpid()}_{next(self._names)}"
        self.psql(f"CREATE SCHEMA {name}")
        return f"{self.dsn()}?search_path={name}"

    def drop(self, dsn: str) -> None:
        self.psql(f"DROP SCHEMA IF EXISTS {dsn.rsplit('=', 1)[1]} CASCADE")

    def fresh_database_without_rum(self) -> tuple[str, str]:
        """A new database owned by a role that is no superuser, so the store cannot create the rum extension
        there and keeps GIN (schema step 6): (the superuser's URL, for looking inside; the role's, for the store)."""
        name = f"g{os.getpid()}_{next(self._names)}"
        self.psql(f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{PLAIN_ROLE}') THEN"
                  f" CREATE ROLE {PLAIN_ROLE} LOGIN; END IF; END $$")
        self.psql(f"CREATE DATABASE {name} OWNER {PLAIN_ROLE}")
        return self.dsn(name), f"postgresql://{PLAIN_ROLE}@127.0.0.1:{self.port}/{name}"

    def drop_database(self, dsn: str) -> None:
        self.psql(f"DROP DATABASE IF EXISTS {dsn.rsplit('/', 1)[1]} WITH (FORCE)")

    def pg_ctl(self, *args: str) -> None:
        _as_owner([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w", "-t", str(START_SECONDS), *args])

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
                   " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self.pg_ctl("-o", options, "-l", str(self.folder / "server.log"), "start")

    def stop(self, mode: str = "fast") -> None:
        self.pg_ctl("-m", mode, "stop")


def _running_as_root() -> bool:
    return os.geteuid() == 0


def _as_owner(command: list[str]) -> None:
    if _running_as_root():
        command = ["runuser", "-u", PG_USER, "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=START_SECONDS + 30)


def start_cluster() -> PgCluster:
    folder = Path(tempfile.mkdtemp(prefix="digestbot-pg-"))
    if _running_as_root():
        owner = pwd.getpwnam(PG_USER)
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    cluster = PgCluster(folder=folder, port=free_port())
    _as_owner([str(PG_BIN / "initdb"), "-D", str(cluster.data), "-U", PG_USER, "-A", "trust", "-E", "UTF8",
               "--locale=C.UTF-8", "--no-sync"])
    cluster.start()
    return cluster


def remove_cluster(cluster: PgCluster) -> None:
    try:
        cluster.stop("immediate")
    finally:
        shutil.rmtree(cluster.folder, ignore_errors=True)
