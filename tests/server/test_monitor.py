"""server/monitor.py: live statistics folded from request records, on a clock the test moves."""

from __future__ import annotations

import pytest

from server import monitor as monitor_module
from server.clock import ManualClock
from server.monitor import SERIES_SECONDS, Monitor
from server.records import RequestRecord


def record(when: float, client: str = "10.0.0.1", path: str = "/a", status: int = 200,
           sent: int = 100, received: int = 0, duration: float = 0.01,
           user: str = "") -> RequestRecord:
    return RequestRecord(when, client, user, "GET", path, status, sent, duration, "", "",
                         False, bytes_received=received)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def test_a_fresh_monitor_has_an_empty_series_ending_now(clock):
    snap = Monitor(clock).snapshot()
    assert (snap.requests, snap.bytes_sent, snap.errors, snap.since) == (0, 0, 0, 0.0)
    assert len(snap.series) == SERIES_SECONDS
    assert snap.series[-1].time == int(clock.time())
    assert all(s.requests == 0 for s in snap.series)
    assert snap.latency_ms == {"p50": 0.0, "p95": 0.0, "p99": 0.0}


def test_records_are_counted_per_second_client_and_path(clock):
    monitor = Monitor(clock)
    now = clock.time()
    for i in range(100):
        monitor.add(record(now - 1 if i < 40 else now, client=f"10.0.0.{i % 3}",
                           path=f"/f{i % 2}?v={i}", status=404 if i % 10 == 0 else 200,
                           sent=1000, received=10, duration=0.001 * i))
    snap = monitor.snapshot()
    assert (snap.requests, snap.errors, snap.bytes_sent, snap.bytes_received) == \
        (100, 10, 100_000, 1000)
    assert [s.requests for s in snap.series[-2:]] == [40, 60]
    assert snap.series[-1].bytes_out == 60_000 and snap.series[-1].errors == 6
    assert {c.address for c in snap.clients} == {"10.0.0.0", "10.0.0.1", "10.0.0.2"}
    assert snap.top_by_requests == (("/f0", 50), ("/f1", 50))  # the query is not a path
    assert 40 < snap.latency_ms["p50"] < 60 and snap.latency_ms["p99"] >= 98
    assert snap.since == now - 1


def test_clients_are_listed_most_recent_first_with_their_user(clock):
    monitor = Monitor(clock)
    now = clock.time()
    monitor.add(record(now, client="10.0.0.1", user="alice"))
    monitor.add(record(now, client="10.0.0.2"))
    monitor.add(record(now, client="10.0.0.1"))  # anonymous again: the name is kept
    clients = monitor.snapshot().clients
    assert [(c.address, c.user, c.requests) for c in clients] == [
        ("10.0.0.1", "alice", 2), ("10.0.0.2", "", 1)]


def test_seconds_older_than_the_series_are_dropped_as_the_clock_moves(clock):
    monitor = Monitor(clock)
    monitor.add(record(clock.time()))
    assert monitor.snapshot().series[-1].requests == 1
    clock.advance(SERIES_SECONDS - 1)
    assert monitor.snapshot().series[0].requests == 1  # still the oldest second shown
    clock.advance(2)
    snap = monitor.snapshot()
    assert all(s.requests == 0 for s in snap.series)
    assert snap.requests == 1  # the totals keep counting everything since the start


def test_totals_and_reset(clock):
    monitor = Monitor(clock)
    monitor.add(record(clock.time(), sent=7, received=3))
    assert monitor.totals() == (1, 7, 3)
    monitor.reset()
    assert monitor.totals() == (0, 0, 0)
    assert monitor.snapshot().clients == ()


def test_memory_stays_bounded_without_snapshots(clock):
    """A headless share never asks for snapshots: records must not pile up."""
    monitor = Monitor(clock)
    one = record(clock.time())
    for _ in range(50_000):
        monitor.add(one)
    assert len(monitor._pending) < monitor_module.ABSORB_EVERY
    assert monitor.snapshot().requests == 50_000


def test_known_clients_and_paths_are_bounded(clock, monkeypatch):
    monkeypatch.setattr(monitor_module, "MAX_CLIENTS", 5)
    monkeypatch.setattr(monitor_module, "MAX_PATHS", 10)
    monitor = Monitor(clock)
    for i in range(50):
        monitor.add(record(clock.time(), client=f"10.0.1.{i}", path=f"/p{i}"))
    snap = monitor.snapshot()
    assert [c.address for c in snap.clients] == [f"10.0.1.{i}" for i in range(49, 44, -1)]
    assert len(monitor._totals.path_requests) <= 10


def test_as_dict_is_what_the_stats_page_serves(clock):
    monitor = Monitor(clock)
    monitor.add(record(clock.time(), path="/x", sent=5))
    data = monitor.snapshot().as_dict()
    assert data["requests"] == 1 and data["top_paths_by_bytes"] == [["/x", 5]]
    assert len(data["last_seconds"]) == 60
    assert data["last_seconds"][-1] == [int(clock.time()), 1, 5, 0, 0]
    assert data["clients"][0]["address"] == "10.0.0.1"
