"""A throwaway PostgreSQL cluster for the store tests: a real server, no mocks.

Why a cluster of our own rather than a configured one: the tests must run on a fresh machine
and in CI with nothing set up but the Debian ``postgresql`` package (``make system`` installs
it), and must never touch a database someone cares about. The cluster lives in a temporary
folder, listens on a free loopback port with ``trust`` authentication, runs with ``fsync``
off (it is thrown away), and is removed at the end of the session.

PostgreSQL refuses to run as root, so when the tests run as root the server runs as the
``postgres`` user (``runuser``), which owns the temporary folder.

One cluster per test session however many modules use it: the fixture below may be imported
into several test modules (pytest then keeps one fixture definition per module), so the
cluster itself is a module-level singleton with a reference count.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsrecon.store.base import Store, open_store

# Where the contract tests run: SQLite in memory, SQLite in a file, a PostgreSQL database.
BACKENDS = ("memory", "file", "postgres")
BIN_ROOT = Path("/usr/lib/postgresql")
SERVER_USER = "postgres"
START_TIMEOUT_S = 60

_cluster: Cluster | None = None
_users = 0
_failure: str | None = None
_names = itertools.count(1)


def find_bin() -> Path | None:
    """The newest installed server's binaries (``$NEWSRECON_PG_BIN`` wins)."""
    if os.environ.get("NEWSRECON_PG_BIN"):
        return Path(os.environ["NEWSRECON_PG_BIN"])
    found = sorted(
        (p.parent for p in BIN_ROOT.glob("*/bin/initdb")),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if found:
        return found[-1]
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """``initdb`` + ``pg_ctl start`` in a temporary folder; :meth:`stop` removes it all."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="newsrecon-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = _free_port()
        self._prefix: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam(SERVER_USER)  # KeyError: no such user
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._prefix = ["runuser", "-u", SERVER_USER, "--"]

    @property
    def url(self) -> str:
        return f"postgresql://{SERVER_USER}@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        subprocess.run(
            [*self._prefix, *args],
            check=True,
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT_S,
            cwd=self.root,
        )

    def start(self) -> None:
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            SERVER_USER,
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=40"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "-t",
            str(START_TIMEOUT_S),
            "start",
        )

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            if self.data.exists():
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self) -> str:
        try:
            return " | ".join(self.log.read_text("utf-8", "replace").strip().splitlines()[-3:])
        except OSError:
            return "no server log"


def _start() -> Cluster:
    global _cluster, _failure
    if _cluster is not None:
        return _cluster
    if _failure is not None:
        pytest.skip(_failure)
    bin_dir = find_bin()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        _failure = "PostgreSQL server binaries are not installed (make system installs postgresql)"
        pytest.skip(_failure)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _failure = "psycopg is not installed (pip install 'newsrecon[postgres]')"
        pytest.skip(_failure)
    try:
        cluster = Cluster(bin_dir)
    except (KeyError, OSError) as exc:
        _failure = f"cannot prepare a PostgreSQL cluster: {exc}"
        pytest.skip(_failure)
    try:
        cluster.start()
    except (subprocess.SubprocessError, OSError) as exc:
        detail = getattr(exc, "stderr", None) or cluster.log_tail()
        cluster.stop()
        _failure = f"cannot start PostgreSQL: {str(detail).strip()[:300]}"
        pytest.skip(_failure)
    _cluster = cluster
    atexit.register(cluster.stop)  # an interrupted session must not leave a server running
    return cluster


def _release() -> None:
    global _cluster, _users
    _users -= 1
    if _users == 0 and _cluster is not None:
        _shared.clear()
        _cluster.stop()
        _cluster = None


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL of the session's throwaway server (maintenance database ``postgres``)."""
    global _users
    cluster = _start()
    _users += 1
    try:
        yield cluster.url
    finally:
        _release()


def fresh_database(server_url: str) -> str:
    """A new, empty database on the server; its URL."""
    import psycopg

    name = f"t{os.getpid()}_{next(_names)}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name


def drop_database(server_url: str, url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_shared: dict[str, str] = {}


def _emptied_store_database(server_url: str) -> str:
    """The session's migrated database with every newsrecon table emptied.

    Truncating is a few milliseconds where creating and migrating a database per test takes
    most of a second; tests of migrating itself use :func:`fresh_database` instead.
    """
    import psycopg

    if server_url not in _shared:
        url = fresh_database(server_url)
        open_store(url).close()  # migrates
        _shared[server_url] = url
    url = _shared[server_url]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET lock_timeout = '10s'")  # a store left open by a test: fail, not hang
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename <> 'newsrecon_schema'"
            )
        ]
        conn.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
    return url


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """URL of a migrated database with no rows, for one test."""
    return _emptied_store_database(pg_server)


@pytest.fixture
def pg_empty_url(pg_server: str) -> Iterator[str]:
    """URL of a new, empty database (never migrated) for one test, dropped afterwards."""
    url = fresh_database(pg_server)
    try:
        yield url
    finally:
        drop_database(pg_server, url)


def open_backend(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    """A store of one of :data:`BACKENDS`; the same location every call within a test (so a
    test can close and reopen it). Needs ``pg_url`` visible to the test module."""
    if kind == "memory":
        return open_store(":memory:")
    if kind == "file":
        return open_store(tmp_path / "news.db")
    return open_store(request.getfixturevalue("pg_url"))
