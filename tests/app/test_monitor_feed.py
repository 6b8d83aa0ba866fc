"""app/monitor_feed.py: live data gathered from a real engine (timed by its ManualClock), the
connection history, the feed's worker thread and the share-health signal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.monitor_feed import ConnectionHistory, LiveData, MonitorFeed, ShareHealthFeed, collect
from server.clock import ManualClock
from server.config import ServerConfig
from server.engine import ServerEngine
from server.records import RequestRecord


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def engine(clock: ManualClock) -> Iterator[ServerEngine]:
    engine = ServerEngine(clock=clock)
    yield engine
    engine.stop()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    return root


def test_collect_reads_everything_on_the_engine_clock(engine: ServerEngine,
                                                      clock: ManualClock) -> None:
    engine.monitor.add(RequestRecord(clock.time(), "192.0.2.7", "", "GET", "/a", 200, 500,
                                     0.01, "", "", False))
    transfer = engine.control.begin("192.0.2.7", "alice", "/big.iso", "down", 4000,
                                    cancel=lambda: None)
    transfer.done = 1000
    clock.advance(2.0)
    engine.ban("198.51.100.0/24")
    data = collect(engine)
    assert data.time == clock.time()
    assert data.snapshot.series[-1].time == int(clock.time())
    assert data.snapshot.requests == 1 and data.stats.total_requests == 0  # not sharing
    [info] = data.transfers
    assert (info.client, info.user, info.path, info.done) == ("192.0.2.7", "alice", "/big.iso",
                                                              1000)
    assert info.bytes_per_s == 500.0 and info.fraction == 0.25
    assert data.bans == (("198.51.100.0/24", False),)
    assert data.share_available and data.announced_name is None


def test_a_transfer_of_unknown_size_has_no_fraction(engine: ServerEngine) -> None:
    engine.control.begin("192.0.2.7", "", "/folder.zip", "down", None, cancel=lambda: None)
    [info] = collect(engine).transfers
    assert info.fraction is None and info.bytes_per_s == 0.0


def test_connection_history_fills_gaps_with_the_last_sample() -> None:
    history = ConnectionHistory()
    history.add(100.2, 3)
    history.add(102.9, 5)
    assert history.series(103, 5) == [0.0, 3.0, 3.0, 5.0, 5.0]


def test_connection_history_keeps_the_last_sample_of_a_second_and_is_bounded() -> None:
    history = ConnectionHistory(seconds=3)
    history.add(10.1, 1)
    history.add(10.9, 7)  # the same second: replaces
    for second in (11, 12, 13):
        history.add(second, second)
    assert history.series(13, 4) == [0.0, 11.0, 12.0, 13.0]  # second 10 was dropped
    history.clear()
    assert history.series(13, 2) == [0.0, 0.0]


def test_the_feed_delivers_live_data_in_the_gui_thread(qtbot: QtBot, engine: ServerEngine,
                                                       folder: Path) -> None:
    engine.start(ServerConfig(root=folder, port=0))
    feed = MonitorFeed(engine, interval_ms=50)
    received: list[LiveData] = []
    feed.updated.connect(received.append)
    feed.start()
    try:
        assert feed.running
        qtbot.waitUntil(lambda: len(received) >= 2, timeout=5000)
    finally:
        feed.stop()
    assert not feed.running
    assert all(data.stats.started_at == engine.stats().started_at for data in received)
    count = len(received)
    feed.refresh()  # stopped: asks for nothing
    qtbot.wait(100)
    assert len(received) == count


def test_the_health_feed_tells_when_the_shared_folder_goes_and_comes_back(
        qtbot: QtBot, engine: ServerEngine, folder: Path) -> None:
    health = ShareHealthFeed(engine)
    engine.start(ServerConfig(root=folder, port=0))
    try:
        assert health.available
        moved = folder.with_name("moved")
        with qtbot.waitSignal(health.changed, timeout=5000) as gone:
            folder.rename(moved)
        assert gone.args == [False] and not health.available
        with qtbot.waitSignal(health.changed, timeout=5000) as back:
            moved.rename(folder)
        assert back.args == [True] and health.available
    finally:
        health.detach()


def test_collect_tells_what_the_thumbnail_threads_do(engine: ServerEngine, folder: Path) -> None:
    assert collect(engine).thumbnails is None  # not sharing
    engine.start(ServerConfig(root=folder, port=0))
    stats = collect(engine).thumbnails
    assert stats is not None and (stats.queued, stats.working, stats.made) == (0, 0, 0)
