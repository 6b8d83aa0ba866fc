"""The connection doctor's one real test: a request from another device reaches the watch,
one from this computer's own address does not. A real server on loopback; "another device" is
a client bound to 127.0.0.2 while the set of own addresses holds only 127.0.0.1."""

from __future__ import annotations

import http.client
import threading
from pathlib import Path

from app.doctor_watch import ARRIVED, NONE_ARRIVED, WAITING, ArrivalWatch
from server.config import ServerConfig
from server.engine import ServerEngine
from server.records import RequestRecord


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def get_from(source: str, port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5, source_address=(source, 0))
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


class RecordedWatch:
    """The engine's sink: the watch first, then a note that lets the test wait for the record
    (an Event, not a sleep)."""

    def __init__(self, watch: ArrivalWatch) -> None:
        self.watch = watch
        self.seen: list[RequestRecord] = []
        self.changed = threading.Condition()

    def sink(self, record: RequestRecord) -> None:
        self.watch.observe(record)
        with self.changed:
            self.seen.append(record)
            self.changed.notify_all()

    def wait_for(self, count: int) -> list[RequestRecord]:
        with self.changed:
            assert self.changed.wait_for(lambda: len(self.seen) >= count, timeout=10)
            return list(self.seen)


def serve(tmp_path: Path, recorded: RecordedWatch) -> ServerEngine:
    (tmp_path / "a.txt").write_text("alpha\n", encoding="utf-8")
    engine = ServerEngine(sink=recorded.sink)
    engine.start(ServerConfig(root=tmp_path, port=0))
    return engine


def test_a_request_from_another_device_arrives_and_one_from_this_computer_does_not(tmp_path):
    clock = FakeClock()
    recorded = RecordedWatch(ArrivalWatch({"127.0.0.1"}, clock, seconds=60))
    engine = serve(tmp_path, recorded)
    try:
        assert get_from("127.0.0.1", engine.port, "/a.txt") == 200
        [own] = recorded.wait_for(1)
        assert own.client == "127.0.0.1"
        clock.now += 10
        state = recorded.watch.state()
        assert state.status == WAITING and state.seconds_left == 50
        assert get_from("127.0.0.2", engine.port, "/") == 200
        recorded.wait_for(2)
        state = recorded.watch.state()
        assert (state.status, state.client, state.path) == (ARRIVED, "127.0.0.2", "/")
        clock.now += 120  # an arrival stays the answer after the minute
        assert recorded.watch.state().status == ARRIVED
    finally:
        engine.stop()


def test_no_request_from_another_device_is_none_arrived_after_the_window(tmp_path):
    clock = FakeClock()
    recorded = RecordedWatch(ArrivalWatch({"127.0.0.1", "::1"}, clock, seconds=5))
    engine = serve(tmp_path, recorded)
    try:
        assert get_from("127.0.0.1", engine.port, "/") == 200
        recorded.wait_for(1)
        assert recorded.watch.state().status == WAITING
        clock.now += 5.5
        assert get_from("127.0.0.2", engine.port, "/") == 200  # too late: the minute is over
        recorded.wait_for(2)
        state = recorded.watch.state()
        assert (state.status, state.seconds_left, state.client) == (NONE_ARRIVED, 0.0, "")
    finally:
        engine.stop()


def record_from(client: str) -> RequestRecord:
    return RequestRecord(time=0.0, client=client, user="", method="GET", path="/", status=200,
                         bytes_sent=0, duration=0.0, user_agent="", referer="", tls=False)


def test_own_addresses_match_whatever_their_spelling():
    clock = FakeClock()
    watch = ArrivalWatch({"192.0.2.2", "fe80::1%eth0", "2001:db8:0:0::5"}, clock)
    for own in ("::ffff:192.0.2.2", "fe80::1", "fe80::1%wlan0", "2001:db8::5"):
        watch.observe(record_from(own))
    assert watch.state().status == WAITING
    watch.observe(record_from("::ffff:192.0.2.9"))
    assert watch.state().client == "192.0.2.9"


def test_the_first_other_device_is_the_one_reported():
    watch = ArrivalWatch(set(), FakeClock())
    watch.observe_all([record_from("192.0.2.7"), record_from("192.0.2.8")])
    assert watch.state().client == "192.0.2.7"
