"""The collect feed: scans off the GUI thread while a share collects, nothing otherwise."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.collect_feed import THREAD_NAME, CollectFeed
from app.collect_service import CollectScan
from server.collect import CollectConfig, CollectPeople
from server.config import ServerConfig


def collect_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(THREAD_NAME)]


def test_follows_a_collecting_share_and_stops_with_it(qtbot: QtBot, tmp_path: Path) -> None:
    state = tmp_path / "collect.json"
    CollectPeople(state).new_visitor("Ana")
    (tmp_path / "share" / "Homework" / "Ana").mkdir(parents=True)
    (tmp_path / "share" / "Homework" / "Ana" / "a.txt").write_bytes(b"abc")
    feed = CollectFeed(interval_ms=50)
    seen: list[CollectScan] = []
    feed.updated.connect(seen.append)
    with qtbot.waitSignal(feed.target_changed):
        feed.follow(ServerConfig(root=tmp_path / "share", port=0,
                                 collect=CollectConfig("Homework", None, state)))
    qtbot.waitUntil(lambda: bool(seen))
    assert feed.running and feed.folder == tmp_path / "share" / "Homework"
    assert [(h.label, h.files, h.bytes) for h in seen[-1].hand_ins] == [("Ana", 1, 3)]
    (tmp_path / "share" / "Homework" / "Ana" / "b.txt").write_bytes(b"de")
    qtbot.waitUntil(lambda: seen[-1].hand_ins[0].files == 2)  # rescanned on the timer
    feed.pause()
    assert not feed.running and not collect_threads()
    assert feed.last is not None and feed.last.hand_ins[0].bytes == 5  # still readable
    with qtbot.waitSignal(feed.target_changed):
        feed.follow(ServerConfig(root=tmp_path / "share", port=0))  # a share that does not collect
    assert feed.config is None and feed.folder is None and feed.last is None
    assert not feed.running and not collect_threads()
