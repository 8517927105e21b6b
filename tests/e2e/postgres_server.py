"""A real, throw-away PostgreSQL server for the tests: initdb into a fresh folder, postgres on a free localhost port.

PostgreSQL refuses to run as root, so when the tests run as root the server runs as ``nobody``, in a folder
outside pytest's (root-only) tmp_path that is handed over to that user. The server is started directly (not
through pg_ctl) in a process group of its own, so that stopping it can be checked to leave no process behind.
"""

import glob
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg2

from tests.e2e.local_servers import free_port, group_alive

SERVER_PROGRAMS = ("initdb", "postgres")
INSTALL_HINT = (
    "PostgreSQL server binaries (initdb, postgres) were not found on PATH or in /usr/lib/postgresql/*/bin: "
    "install them (Debian/Ubuntu: apt-get install postgresql; .ci/run does this) to run the PostgreSQL-backed tests"
)
STARTUP_SECONDS = 30
SHUTDOWN_SECONDS = 30
UNPRIVILEGED_USER = "nobody"


def find_server_binaries() -> Path | None:
    """The folder holding initdb and postgres: from PATH first, else the newest Debian-packaged version.

    Debian installs the server programs only under /usr/lib/postgresql/<version>/bin, off PATH.
    """
    on_path = [shutil.which(program) for program in SERVER_PROGRAMS]
    if all(on_path):
        folder = Path(os.path.realpath(on_path[0])).parent
        if all((folder / program).is_file() for program in SERVER_PROGRAMS):
            return folder
    candidates = sorted(
        (Path(folder) for folder in glob.glob("/usr/lib/postgresql/*/bin")),
        key=lambda folder: [int(part) for part in folder.parent.name.split(".") if part.isdigit()],
    )
    for folder in reversed(candidates):
        if all(os.access(folder / program, os.X_OK) for program in SERVER_PROGRAMS):
            return folder
    return None


@dataclass(frozen=True)
class PostgresServer:
    """Where the running server answers, and the superuser it was initialised with."""

    host: str
    port: int
    username: str
    password: str
    database: str
    pid: int
    log: Path

    def connect(self, database: str | None = None) -> "psycopg2.extensions.connection":
        """A new psycopg2 connection over TCP with password authentication, as Dagster connects."""
        return psycopg2.connect(
            host=self.host,
            port=self.port,
            user=self.username,
            password=self.password,
            dbname=database or self.database,
            connect_timeout=5,
        )


class _Identity:
    """Who the server runs as: the current user, or ``nobody`` when the current user is root."""

    def __init__(self) -> None:
        self.switch = os.geteuid() == 0
        entry = pwd.getpwnam(UNPRIVILEGED_USER) if self.switch else pwd.getpwuid(os.geteuid())
        self.uid, self.gid = entry.pw_uid, entry.pw_gid

    def hand_over(self, path: Path) -> None:
        """Give a file or folder created here to the server's user (nothing to do unless switching)."""
        if self.switch:
            os.chown(path, self.uid, self.gid)

    def popen_arguments(self) -> dict[str, object]:
        """subprocess arguments that drop root for the server's programs, supplementary groups included."""
        return {"user": self.uid, "group": self.gid, "extra_groups": []} if self.switch else {}


def _wait_until_accepting(server: PostgresServer, process: subprocess.Popen) -> bool:
    """True once a password-authenticated connection succeeds; False if the server exited first."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            server.connect("postgres").close()
            return True
        except psycopg2.OperationalError:
            time.sleep(0.2)
    return False


def _stop(process: subprocess.Popen) -> bool:
    """Fast shutdown (SIGINT: clients disconnected, data flushed); True when the whole group is gone in time.

    The postmaster waits for its own children before exiting, so the group being empty means
    every backend and auxiliary process has ended.
    """
    if process.poll() is None:
        os.kill(process.pid, signal.SIGINT)
    deadline = time.monotonic() + SHUTDOWN_SECONDS
    while time.monotonic() < deadline:
        process.poll()  # reap the postmaster, or its zombie would keep the group alive
        if not group_alive(process.pid):
            return True
        time.sleep(0.2)
    leftover = group_alive(process.pid)
    if leftover:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    return not leftover


@contextmanager
def running_postgres(
    binaries: Path, database: str = "cnbudget", username: str = "cnbudget"
) -> Iterator[PostgresServer]:
    """A fresh cluster with ``database`` created, owned by ``username`` with a random password; stopped on exit.

    Raises AssertionError (with the server log) when the server does not start, and when stopping it
    leaves a process behind.
    """
    identity = _Identity()
    root = Path(tempfile.mkdtemp(prefix="cnbudget-postgres-"))
    identity.hand_over(root)
    password = secrets.token_urlsafe(16)
    password_file = root / "password"
    password_file.write_text(password + "\n", encoding="utf-8")
    identity.hand_over(password_file)
    data, sockets, log = root / "data", root / "sockets", root / "server.log"
    sockets.mkdir()
    identity.hand_over(sockets)
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "HOME": str(root)}
    common = {"cwd": root, "env": environment, **identity.popen_arguments()}
    try:
        initialised = subprocess.run(
            [
                str(binaries / "initdb"),
                "--pgdata",
                str(data),
                "--username",
                username,
                f"--pwfile={password_file}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            **common,
        )
        assert initialised.returncode == 0, f"initdb failed: {initialised.stdout}\n{initialised.stderr}"
        process, server = None, None
        for _attempt in range(3):  # another process may take the free port between probe and bind
            port = free_port()
            with log.open("ab") as log_handle:
                process = subprocess.Popen(
                    [
                        str(binaries / "postgres"),
                        "-D",
                        str(data),
                        "-h",
                        "127.0.0.1",
                        "-p",
                        str(port),
                        "-k",
                        str(sockets),
                        "-c",
                        "fsync=off",  # a throw-away cluster: durability is not what is tested
                        "-c",
                        "full_page_writes=off",
                    ],
                    stdin=subprocess.DEVNULL,
                    stdout=log_handle,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                    **common,
                )
            server = PostgresServer("127.0.0.1", port, username, password, database, process.pid, log)
            if _wait_until_accepting(server, process):
                break
            _stop(process)
            process, server = None, None
        assert process is not None and server is not None, f"postgres did not start: {log.read_text()[-3000:]}"
        try:
            connection = server.connect("postgres")
            connection.autocommit = True  # CREATE DATABASE cannot run inside a transaction
            with connection.cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{database}"')
            connection.close()
            yield server
        finally:
            stopped = _stop(process)
            assert stopped, f"postgres left processes behind after a fast shutdown: {log.read_text()[-3000:]}"
            assert not (data / "postmaster.pid").exists(), "postgres did not remove postmaster.pid on shutdown"
    finally:
        shutil.rmtree(root, ignore_errors=True)
