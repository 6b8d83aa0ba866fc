from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from app.bridge import BUSY_BATCH, RecordBridge
from server.records import RequestRecord


def record(thread: int, i: int) -> RequestRecord:
    return RequestRecord(time=float(i), client=f"10.0.0.{thread}", user="", method="GET",
                         path=f"/{i}", status=200, bytes_sent=0, duration=0.0, user_agent="",
                         referer="", tls=False)


def test_records_from_many_threads_arrive_complete_and_in_order(qtbot: QtBot) -> None:
    bridge = RecordBridge(capacity=100_000, interval_ms=10)
    batches: list[list[RequestRecord]] = []
    bridge.records_arrived.connect(batches.append)
    threads, per_thread = 8, 5_000
    go = threading.Event()

    def produce(n: int) -> None:
        go.wait()
        for i in range(per_thread):
            bridge.sink(record(n, i))

    workers = [threading.Thread(target=produce, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    go.set()
    for worker in workers:
        worker.join()
    qtbot.waitUntil(lambda: sum(map(len, batches)) == threads * per_thread, timeout=5000)
    assert all(batches), "an empty batch was emitted"
    received = [r for batch in batches for r in batch]
    for n in range(threads):
        mine = [r.path for r in received if r.client == f"10.0.0.{n}"]
        assert mine == [f"/{i}" for i in range(per_thread)]
    assert bridge.pending == 0
    bridge.stop()


def test_one_drain_emits_one_batch_with_everything_pending(qtbot: QtBot) -> None:
    bridge = RecordBridge(capacity=1000, interval_ms=60_000)
    for i in range(250):
        bridge.sink(record(0, i))
    with qtbot.waitSignal(bridge.records_arrived) as blocker:
        bridge.drain()
    assert [r.path for r in blocker.args[0]] == [f"/{i}" for i in range(250)]
    with qtbot.assertNotEmitted(bridge.records_arrived):
        assert bridge.drain() == []


def test_beyond_capacity_the_oldest_pending_records_are_dropped(qtbot: QtBot) -> None:
    bridge = RecordBridge(capacity=100, interval_ms=60_000)
    for i in range(150):
        bridge.sink(record(0, i))
    assert [r.path for r in bridge.drain()] == [f"/{i}" for i in range(50, 150)]


def test_heavy_traffic_is_drained_less_often_and_light_traffic_sooner(qtbot: QtBot) -> None:
    """A batch repaints the log with the GIL held: under heavy traffic, fewer and larger ones."""
    bridge = RecordBridge(capacity=10_000, interval_ms=100, busy_interval_ms=250)
    for i in range(BUSY_BATCH + 1):
        bridge.sink(record(0, i))
    with qtbot.waitSignal(bridge.records_arrived) as arrived:
        pass
    assert len(arrived.args[0]) == BUSY_BATCH + 1 and bridge._timer.interval() == 250
    bridge.sink(record(0, 0))
    with qtbot.waitSignal(bridge.records_arrived) as arrived:
        pass
    assert len(arrived.args[0]) == 1 and bridge._timer.interval() == 100
    bridge.stop()
