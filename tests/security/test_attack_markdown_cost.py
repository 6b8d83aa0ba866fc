"""Cost attacks on Markdown rendering: one text is rendered at a time (MarkdownRoutes._rendering).
The attack found that a request waiting for that lock waited on a pool worker: somebody who can
put Markdown files in the share (any account with uploads) and asks for ``?view`` of distinct
ones from a few connections kept every worker waiting, so listings of other folders and
downloads waited seconds for everyone (measured on a live server: 10 clients asking for ?view
of 60 uploaded 450 KiB ``![xxxxxxxx`` texts, about 3 s each to render, made a listing of a
folder without a README and a 1 MB download take 14-25 s instead of 0.02 s). Now a view that
must wait leaves the pool first (a bounded line), and a listing never waits for a render.

The render in progress is stood in for by holding the render lock from the test (a real render
that long would need a timing); each request is given a generous timeout as a hang detector."""

from __future__ import annotations

import contextlib
import http.client
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.routes_markdown import RENDERS_WAITING_MAX
from tests.conftest import RunningServer

HANG = 10.0  # seconds: an answer not there by then is not coming while the render runs


class HeldRenderLock:
    """Stands in for MarkdownRoutes._rendering while another text is being rendered: held by
    the test, and counting the requests that came to wait for it."""

    def __init__(self) -> None:
        self._inner = threading.Lock()
        self._inner.acquire()
        self._arrived = threading.Condition()
        self.waiting = 0
        self.finished = False

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        with self._arrived:
            self.waiting += 1
            self._arrived.notify_all()
        return self._inner.acquire(blocking, timeout)

    def release(self) -> None:
        self._inner.release()

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *_: object) -> None:
        self.release()

    def wait_for_waiters(self, count: int) -> bool:
        with self._arrived:
            return self._arrived.wait_for(lambda: self.waiting >= count, timeout=HANG)

    def finish_render(self) -> None:
        if not self.finished:
            self.finished = True
            self._inner.release()


@pytest.fixture
def held(server: RunningServer) -> Iterator[HeldRenderLock]:
    routes = server.engine._loop._handler._markdown  # type: ignore[union-attr]
    lock = HeldRenderLock()
    routes._rendering = lock
    yield lock
    lock.finish_render()  # before the server stops: no worker may stay waiting on it


def get_status(server: RunningServer, path: str, timeout: float = HANG) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def in_background(server: RunningServer, paths: list[str]) -> list[threading.Thread]:
    """Requests that wait for the render lock; answered once the test lets go of it."""

    def ask(path: str) -> None:
        with contextlib.suppress(OSError):  # the test itself says what went wrong
            get_status(server, path, timeout=3 * HANG)

    threads = [threading.Thread(target=ask, args=(path,), daemon=True) for path in paths]
    for thread in threads:
        thread.start()
    return threads


def test_waiting_renders_leave_workers_for_other_requests(server, share: Path, held):
    workers = 4  # Limits().workers
    for number in range(workers):
        (share / f"page{number}.md").write_text(f"# page {number}\n", encoding="utf-8")
    waiting = in_background(server, [f"/page{n}.md?view" for n in range(workers)])
    try:
        assert held.wait_for_waiters(workers)
        assert not (share / "docs" / "README.md").exists()
        assert get_status(server, "/docs/") == 200  # hangs: every worker waits on the lock
    finally:
        held.finish_render()
        for thread in waiting:
            thread.join(HANG)


def test_a_listing_does_not_hang_behind_another_render(server, share: Path, held):
    (share / "docs" / "README.md").write_text("# docs\n", encoding="utf-8")
    assert get_status(server, "/hello.txt") == 200
    assert get_status(server, "/docs/") == 200  # hangs: its README waits for the render lock


class BlockedCount(HeldRenderLock):
    """Counts only the requests that came to wait: a try without blocking is not a wait."""

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        if not blocking:
            return self._inner.acquire(False)
        return super().acquire(blocking, timeout)


def test_no_more_than_a_few_views_wait_for_their_turn(server, share: Path):
    """Waiting views are detached threads, one per connection: past RENDERS_WAITING_MAX the
    next one is told to come back (503 with Retry-After) instead of adding a thread; the ones
    that waited are answered once the render before them is done."""
    lock = BlockedCount()
    server.engine._loop._handler._markdown._rendering = lock  # type: ignore[union-attr]
    line = RENDERS_WAITING_MAX
    for number in range(line + 1):
        (share / f"page{number}.md").write_text(f"# page {number}\n", encoding="utf-8")
    statuses: list[int] = []

    def ask(path: str) -> None:
        statuses.append(get_status(server, path, timeout=3 * HANG))

    waiting = [threading.Thread(target=ask, args=(f"/page{n}.md?view",), daemon=True)
               for n in range(line)]
    try:
        for thread in waiting:
            thread.start()
        assert lock.wait_for_waiters(line)
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=HANG)
        try:
            conn.request("GET", f"/page{line}.md?view")
            response = conn.getresponse()
            response.read()
            assert response.status == 503 and response.getheader("Retry-After") == "2"
        finally:
            conn.close()
    finally:
        lock.finish_render()
        for thread in waiting:
            thread.join(HANG)
    assert statuses == [200] * line
    assert get_status(server, f"/page{line}.md?view") == 200
