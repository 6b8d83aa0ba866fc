"""server/monitor.py and thumbnails: a ``?thumb`` request is counted apart from the busiest
paths, and the time a request waited on the thumbnail thread (``background_s``) is not part of
the latency percentiles. Records made by hand, then one real share over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from server.clock import ManualClock
from server.config import ServerConfig
from server.engine import ServerEngine
from server.monitor import Monitor, asks_thumbnail
from server.records import RequestRecord
from tests.conftest import RunningServer
from tests.server.test_routes_media import in_thread
from tests.server.thumb_helpers import Gate, photo_jpeg

WAIT = 10.0


def record(when: float, path: str, *, sent: int = 100, duration: float = 0.01,
           background_s: float = 0.0) -> RequestRecord:
    return RequestRecord(when, "10.0.0.1", "", "GET", path, 200, sent, duration, "", "",
                         False, background_s=background_s)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def test_thumbnail_requests_are_counted_apart_from_the_busiest_paths(clock):
    monitor = Monitor(clock)
    now = clock.time()
    for n in range(50):  # a grid view: one thumbnail per photo, some photos twice
        monitor.add(record(now, f"/photos/p{n % 30}.jpg?thumb", sent=9_000))
    for _ in range(2):
        monitor.add(record(now, "/photos/p1.jpg", sent=3_000_000))
    for _ in range(3):
        monitor.add(record(now, "/report.pdf", sent=1_000))
    snap = monitor.snapshot()
    assert snap.top_by_requests == (("/report.pdf", 3), ("/photos/p1.jpg", 2))
    assert snap.top_by_bytes == (("/photos/p1.jpg", 6_000_000), ("/report.pdf", 3_000))
    assert snap.thumbnail_requests == 50
    # still real traffic: in the totals and the series
    assert snap.requests == 55 and snap.bytes_sent == 50 * 9_000 + 6_000_000 + 3_000
    assert snap.series[-1].requests == 55
    assert snap.as_dict()["thumbnail_requests"] == 50


def test_a_preview_is_a_photo_opened_and_counts_as_its_file(clock):
    monitor = Monitor(clock)
    monitor.add(record(clock.time(), "/phone.heic?preview", sent=400_000))
    snap = monitor.snapshot()
    assert snap.top_by_requests == (("/phone.heic", 1),)
    assert snap.thumbnail_requests == 0


@pytest.mark.parametrize(("query", "thumbnail"), [
    ("thumb", True), ("thumb=1", True), ("x=1&thumb", True), ("th%75mb", True),
    ("thumb&preview", True),  # the router answers ?thumb first
    ("preview", False), ("v=thumb", False), ("thumbnail", False), ("v=3", False), ("", False),
])
def test_the_query_is_read_as_the_router_reads_it(query, thumbnail):
    assert asks_thumbnail(query) is thumbnail


def test_latency_leaves_out_the_wait_for_the_thumbnail_thread(clock):
    monitor = Monitor(clock)
    now = clock.time()
    for _ in range(100):
        monitor.add(record(now, "/p.jpg?thumb", duration=2.004, background_s=2.0))
    latency = monitor.snapshot().latency_ms
    assert latency == {"p50": 4.0, "p95": 4.0, "p99": 4.0}  # not 2004 ms


def test_requests_without_background_work_keep_their_whole_duration(clock):
    monitor = Monitor(clock)
    monitor.add(record(clock.time(), "/big.iso", duration=2.5))
    assert monitor.snapshot().latency_ms["p99"] == 2500.0


# ---- a real share ------------------------------------------------------------------------------

@pytest.fixture
def gated(tmp_path: Path) -> Iterator[tuple[RunningServer, Gate]]:
    root = tmp_path / "share"
    root.mkdir()
    (root / "photo.jpg").write_bytes(photo_jpeg(640, 480))
    records: list[RequestRecord] = []
    gate = Gate()
    engine = ServerEngine(sink=records.append, thumb_renderer=gate)
    engine.start(ServerConfig(root=root, port=0))
    yield RunningServer(engine, records), gate
    engine.stop()


def test_a_thumbnail_that_waited_is_neither_slow_nor_a_busiest_path(gated):
    server, gate = gated
    thread, out = in_thread(lambda: server.get("/photo.jpg?thumb"))
    gate.wait_entered()  # the request now waits on the thumbnail thread
    gate.opened.set()
    thread.join(WAIT)
    assert out and out[0][0].status == 200
    [thumb] = server.wait_for_records(1)
    assert 0 < thumb.background_s <= thumb.duration
    stats = server.engine.live_stats()
    own_ms = round((thumb.duration - thumb.background_s) * 1000, 3)
    assert stats["latency_ms"] == {"p50": own_ms, "p95": own_ms, "p99": own_ms}
    assert stats["top_paths_by_requests"] == [] and stats["thumbnail_requests"] == 1
