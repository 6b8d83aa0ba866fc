"""The serve loop and its workers when things go wrong: no descriptor left to accept with, an
error escaping a request on a worker, an error page needed while the disk cannot be opened, a
streamed answer failing after its head went out."""

from __future__ import annotations

import errno
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from server import listing_search, pages
from server.accepting import PAUSE
from server.clock import ManualClock
from server.config import Limits, ServerConfig
from server.engine import ServerEngine
from tests.conftest import read_until_closed

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

LINUX = sys.platform.startswith("linux")
BIG = b"GET /big.bin HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"  # sent by a worker


class CountingClock(ManualClock):
    """A clock that stands still unless advanced, and counts how often it was read: the serve
    loop reads it every turn, so the count says how many turns at least went by."""

    def __init__(self) -> None:
        super().__init__()
        self.reads = 0
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            self.reads += 1
        return super().monotonic()

    def wait_for_reads(self, more: int) -> None:
        target = self.reads + more
        deadline = time.monotonic() + 10.0
        while self.reads < target and time.monotonic() < deadline:
            time.sleep(0.01)
        assert self.reads >= target, "the serve loop stopped turning"


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + 10.0
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


@contextmanager
def every_descriptor_taken() -> Iterator[None]:
    """Every descriptor the process may open, taken until the block ends."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    highest = max(int(name) for name in os.listdir("/proc/self/fd"))
    taken: list[int] = []
    resource.setrlimit(resource.RLIMIT_NOFILE, (highest + 16, hard))
    try:
        try:
            while True:
                taken.append(os.open(os.devnull, os.O_RDONLY))
        except OSError as err:
            assert err.errno == errno.EMFILE
        yield
    finally:
        for fd in taken:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


@pytest.mark.skipif(not LINUX or resource is None, reason="lists /proc/self/fd, sets rlimits")
def test_accept_pauses_on_emfile_logs_once_and_resumes_on_the_engine_clock(share, caplog):
    """Without the pause the serve thread tried again every turn, at full CPU, logging each
    time; with it the listening socket is left alone until the engine clock says so."""
    clock = CountingClock()
    engine = ServerEngine(clock=clock)
    engine.start(ServerConfig(root=share, port=0))
    client = socket.socket()  # made now: no descriptor will be left for it
    client.settimeout(10)
    try:
        with caplog.at_level(logging.WARNING, logger="pier.server"):
            with every_descriptor_taken():
                client.connect(("127.0.0.1", engine.port))  # waits in the kernel's queue
                client.sendall(b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n"
                               b"Connection: close\r\n\r\n")
                wait_until(lambda: "accept failed" in caplog.text, "accept never failed")
                clock.wait_for_reads(20)  # ten turns of the serve loop at least
            assert caplog.text.count("accept failed") == 1
            clock.advance(PAUSE)
            answer = read_until_closed(client)
        assert answer.startswith(b"HTTP/1.1 200 "), answer[:80]
        assert "accepting connections again after" in caplog.text
    finally:
        client.close()
        engine.stop()


def test_a_worker_outlives_an_error_escaping_a_request(server_factory, share, caplog):
    """With one worker, a worker that died of it would leave nobody to send the download."""
    running = server_factory(share, limits=Limits(workers=1))
    handler = running.engine._loop._handler
    real = handler.handle

    def failing(conn, head):
        if b"X-Fail: yes" in head:
            raise OSError(errno.EMFILE, "Too many open files")  # as the error page once did
        return real(conn, head)

    handler.handle = failing
    for _ in range(3):
        assert running.raw(BIG + b"X-Fail: yes\r\n\r\n") == b""  # closed, no answer
    answer = running.raw(BIG + b"\r\n")
    assert answer.startswith(b"HTTP/1.1 200 "), answer[:80]
    logged = [r for r in caplog.records if "closing that connection" in r.getMessage()]
    assert len(logged) == 3 and all(r.exc_info for r in logged)


def test_error_pages_and_assets_need_no_disk_once_the_engine_started(server_factory, share,
                                                                     monkeypatch):
    pages.template.cache_clear()
    pages._all_assets.cache_clear()
    running = server_factory(share)

    def no_descriptor_left(*_args: object) -> None:
        raise OSError(errno.EMFILE, "Too many open files")

    monkeypatch.setattr(pages, "files", no_descriptor_left)
    response, body = running.get("/missing.txt")
    assert response.status == 404 and b"<html" in body.lower()
    response, body = running.get("/.well-known/pier/assets/style.css")
    assert response.status == 200 and body


def test_a_stream_failing_after_its_head_went_out_is_closed_and_logged_once(server, caplog,
                                                                             monkeypatch):
    def failing_rows(self, hits):
        raise RuntimeError("a bug while writing results")

    monkeypatch.setattr(listing_search.JsonResults, "rows", failing_rows)
    answer = server.raw(b"GET /?q=hello&format=json HTTP/1.1\r\nHost: localhost\r\n\r\n")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 ") and b"Transfer-Encoding: chunked" in head
    assert body and not body.endswith(b"0\r\n\r\n")  # no last chunk: the client sees it cut
    logged = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(logged) == 1 and logged[0].exc_info
    response, _ = server.get("/hello.txt")  # the share goes on
    assert response.status == 200


@pytest.mark.skipif(resource is None, reason="no descriptor limit on this system")
def test_the_entry_points_raise_the_soft_descriptor_limit(tmp_path: Path):
    """In a child process: the limit is the process's."""
    script = (
        "import resource\n"
        "from server.portable import raise_open_files_limit\n"
        "soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)\n"
        "resource.setrlimit(resource.RLIMIT_NOFILE, (256, hard))\n"
        "wanted = 65536 if hard == resource.RLIM_INFINITY else min(hard, 65536)\n"
        "assert raise_open_files_limit() == wanted == resource.getrlimit("
        "resource.RLIMIT_NOFILE)[0], (wanted, resource.getrlimit(resource.RLIMIT_NOFILE))\n"
        "assert raise_open_files_limit(cap=128) == wanted  # never lowered\n")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_the_collector_runs_young_collections_less_often_but_is_never_turned_on(tmp_path: Path):
    """In a child process: the thresholds are the process's. A collector someone turned off
    (threshold 0) stays off; a larger threshold is never lowered."""
    script = (
        "import gc\n"
        "from server.portable import YOUNG_COLLECTION_EVERY, tune_collector\n"
        "gc.set_threshold(700, 10, 10)\n"
        "tune_collector()\n"
        "assert gc.get_threshold() == (YOUNG_COLLECTION_EVERY, 10, 10), gc.get_threshold()\n"
        "gc.set_threshold(10 * YOUNG_COLLECTION_EVERY, 10, 10)\n"
        "tune_collector()\n"
        "assert gc.get_threshold()[0] == 10 * YOUNG_COLLECTION_EVERY\n"
        "gc.set_threshold(0)\n"
        "tune_collector()\n"
        "assert gc.get_threshold()[0] == 0\n")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
