"""Fixtures shared by every test: a private config dir, a sample share, a running engine,
and a check that no engine thread outlives its test.

``pytest --portable`` takes every platform fallback of server.portable (what Windows would take)
for the whole run; ``@pytest.mark.fast_path_only("reason")`` skips a test then, for the few
guarantees only the fast paths give (say which platform gap in the reason)."""

from __future__ import annotations

import atexit
import http.client
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from server import portable
from server.config import Limits, ServerConfig
from server.engine import ServerEngine
from server.paths import PierPaths
from server.records import RequestRecord

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Deletes and replaced files go to the trash (send2trash reads XDG_DATA_HOME when imported):
# a test that does not make its own trash (tests/server/file_ops_helpers.temporary_trash) uses
# this throwaway one, never the trash of the account running the tests
os.environ["XDG_DATA_HOME"] = _TEST_DATA_HOME = tempfile.mkdtemp(prefix="pier-tests-data-")
atexit.register(shutil.rmtree, _TEST_DATA_HOME, ignore_errors=True)


pytest_plugins = ["tests.slapd"]  # the `slapd` fixture: a real OpenLDAP server


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--portable", action="store_true", default=False,
                     help="take every platform fallback of server.portable, as on Windows")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "fast_path_only(reason): a guarantee only the platform fast paths give; "
                   "skipped under --portable")
    config.addinivalue_line(
        "markers", "slow: starts a real outside server (slapd) or takes seconds; "
                   "-m 'not slow' leaves it out")
    if config.getoption("--portable"):
        portable.force_fallbacks()


def pytest_report_header(config: pytest.Config) -> str | None:
    return "platform fallbacks forced (--portable)" if config.getoption("--portable") else None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--portable"):
        return
    for item in items:
        marker = item.get_closest_marker("fast_path_only")
        if marker is not None:
            reason = marker.args[0] if marker.args else "needs a platform fast path"
            item.add_marker(pytest.mark.skip(reason=f"--portable: {reason}"))


@pytest.fixture(autouse=True)
def private_config_dir(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config folder of the test's own. Code under test is given its paths (``pier_paths``);
    only the entry points read PIER_CONFIG_DIR, so it is set here for them and for the ``pier``
    processes tests start, which inherit it: no test can reach the real ~/.config/Pier."""
    path = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("PIER_CONFIG_DIR", str(path))
    return path


@pytest.fixture
def pier_paths(private_config_dir: Path) -> PierPaths:
    """The test's config folder as the entry points would pass it down."""
    return PierPaths.under(private_config_dir)


@pytest.fixture(autouse=True)
def no_thread_left_behind() -> Iterator[None]:
    yield
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        left = [t.name for t in threading.enumerate() if t.name.startswith("pier-")]
        if not left:
            return
        time.sleep(0.01)
    pytest.fail(f"threads left running: {left}")


@pytest.fixture
def share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "docs").mkdir(parents=True)
    (root / "hello.txt").write_text("hello, world\n", encoding="utf-8")
    (root / "docs" / "notes.md").write_text("# notes\n", encoding="utf-8")
    (root / "été 2024.txt").write_text("summer\n", encoding="utf-8")
    (root / ".secret").write_text("hidden\n", encoding="utf-8")
    (root / "big.bin").write_bytes(os.urandom(3 * 1024 * 1024 + 17))
    return root


HUGE_SIZE = 256 * 1024 * 1024


@pytest.fixture
def huge(share: Path) -> Path:
    """A sparse 256 MiB file: no socket buffer can swallow it, so a client that stops
    reading really stalls the transfer."""
    path = share / "huge.bin"
    with open(path, "wb") as f:
        f.truncate(HUGE_SIZE)
    return path


class RunningServer:
    def __init__(self, engine: ServerEngine, records: list[RequestRecord]) -> None:
        self.engine = engine
        self.records = records

    @property
    def port(self) -> int:
        return self.engine.port

    def connection(self, timeout: float = 10.0) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def get(self, path: str, headers: dict[str, str] | None = None,
            method: str = "GET") -> tuple[http.client.HTTPResponse, bytes]:
        conn = self.connection()
        try:
            conn.request(method, path, headers=headers or {})
            response = conn.getresponse()
            return response, response.read()
        finally:
            conn.close()

    def raw(self, data: bytes, timeout: float = 5.0) -> bytes:
        """Send raw bytes, return everything the server sends until it closes (or times out)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as sock:
            sock.sendall(data)
            return read_until_closed(sock)

    def wait_for_records(self, count: int, timeout: float = 5.0) -> list[RequestRecord]:
        deadline = time.monotonic() + timeout
        while len(self.records) < count and time.monotonic() < deadline:
            time.sleep(0.005)
        return list(self.records)


def non_daemon_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if not t.daemon and t is not threading.main_thread()}


def http_request(port: int, method: str, path: str, body: bytes = b"",
                 headers: dict[str, str] | None = None,
                 host: str = "127.0.0.1") -> tuple[int, bytes]:
    """One request on a fresh connection: (status, body)."""
    conn = http.client.HTTPConnection(host, port, timeout=5)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def fetch_statuses(port: int, paths: list[str], host: str = "127.0.0.1") -> list[int]:
    """GET every path on one keep-alive connection; return the statuses."""
    conn = http.client.HTTPConnection(host, port, timeout=5)
    statuses = []
    try:
        for path in paths:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            statuses.append(response.status)
    finally:
        conn.close()
    return statuses


def read_until_closed(sock: socket.socket) -> bytes:
    chunks = []
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    except (TimeoutError, ConnectionError):
        pass
    return b"".join(chunks)


def start_server(root: Path, **options) -> RunningServer:
    records: list[RequestRecord] = []
    limits = options.pop("limits", Limits())
    port = options.pop("port", 0)  # a restart takes the port the first server had
    engine = ServerEngine(sink=records.append)
    engine.start(ServerConfig(root=root, port=port, limits=limits, **options))
    return RunningServer(engine, records)


@pytest.fixture
def server(share: Path) -> Iterator[RunningServer]:
    running = start_server(share)
    yield running
    running.engine.stop()


@pytest.fixture
def server_factory() -> Iterator:
    started: list[RunningServer] = []

    def make(root: Path, **options) -> RunningServer:
        running = start_server(root, **options)
        started.append(running)
        return running

    yield make
    for running in started:
        running.engine.stop()
