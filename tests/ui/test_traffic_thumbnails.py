"""Thumbnails in the Traffic tab: pictures beside the busiest paths (the real window, a real
share, real HTTP), and the line that tells what the thumbnail thread is doing."""

from __future__ import annotations

from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from app.monitor_feed import LiveData
from app.thumbnail_feed import ThumbnailFeed
from server.config import ServerConfig
from server.engine import EngineStats, ServerEngine
from server.monitor import Snapshot
from server.thumbnails import ThumbStats
from tests.conftest import fetch_statuses
from tests.server.thumb_helpers import photo_jpeg
from tests.ui.test_traffic import start, stop
from ui.main_window import MainWindow
from ui.path_thumbnails import PathThumbnails
from ui.traffic_models import KeyedTableModel, Row
from ui.traffic_view import TrafficView, thumbnail_work_text

WAIT_MS = 10_000


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    (root / "a.txt").write_text("alpha\n", encoding="utf-8")
    (root / "photo.jpg").write_bytes(photo_jpeg(800, 600))
    for n in range(4):
        (root / f"p{n}.jpg").write_bytes(photo_jpeg(320 + 16 * n, 240))
    return root


def decoration(model: KeyedTableModel, key: str) -> object:
    row = model.keys().index(key)
    return model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)


def test_busiest_paths_show_a_thumbnail_beside_a_photo(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot,
        qtmodeltester) -> None:
    port = start(window, aloop, folder)
    assert fetch_statuses(port, ["/photo.jpg"] * 3 + ["/a.txt"] * 2) == [200] * 5
    view = window.monitor_tabs.traffic_view
    top = view.top_requests_model
    thumbnails = view.path_thumbnails
    assert thumbnails is not None
    qtbot.waitUntil(lambda: thumbnails.picture("/photo.jpg") is not None, timeout=WAIT_MS)
    icon = decoration(top, "/photo.jpg")
    assert isinstance(icon, QIcon) and icon is thumbnails.picture("/photo.jpg")
    assert icon.actualSize(QSize(32, 32)) == QSize(32, 24)  # the photo's shape, 4:3
    assert decoration(view.top_bytes_model, "/photo.jpg") is icon
    generic = decoration(top, "/a.txt")  # the style's file icon: every path lines up
    assert isinstance(generic, QIcon) and not generic.isNull()
    assert thumbnails.picture("/a.txt") is None
    table = view.top_requests_table  # through the sorting proxy, as the table paints it
    shown = [table.model().index(r, 0) for r in range(table.model().rowCount())]
    keys = [i.data(Qt.ItemDataRole.DecorationRole).cacheKey() for i in shown]
    assert keys.count(icon.cacheKey()) == 1 and keys.count(generic.cacheKey()) == 1
    assert table.iconSize() == QSize(32, 32)
    qtmodeltester.check(top)
    stop(window, aloop)


def test_thumbnail_requests_are_counted_apart_from_the_busiest_paths(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot) -> None:
    port = start(window, aloop, folder)
    grid = [f"/p{n}.jpg?thumb" for n in range(4)] * 2  # a grid view, shown twice
    assert fetch_statuses(port, [*grid, "/a.txt"]) == [200] * 9
    view = window.monitor_tabs.traffic_view
    label = view.thumbnail_work
    qtbot.waitUntil(lambda: "8 served" in label.text(), timeout=WAIT_MS)
    assert not label.isHidden() and label.text() == "Thumbnails: 4 made · 8 served"
    assert view.top_requests_model.keys() == ["/a.txt"]
    assert view.total_labels["requests"].text() == "9"  # still requests: in the totals
    stop(window, aloop)


def stats(queued: int = 0, working: int = 0, made: int = 0, failed: int = 0) -> ThumbStats:
    return ThumbStats(queued, working, made, failed, memory_hits=5, disk_hits=2,
                      cache_bytes=120_000, cache_files=made)


def test_the_thumbnail_line_says_what_the_thread_is_doing() -> None:
    assert thumbnail_work_text(None, 0) == ""  # not sharing: hidden
    assert thumbnail_work_text(stats(), 0) == "Thumbnails: none made yet"
    assert thumbnail_work_text(stats(queued=12, working=1, made=340, failed=2), 1204) == (
        "Thumbnails: 12 waiting · 1 being made · 340 made · 2 failed · 1,204 served")
    assert thumbnail_work_text(stats(made=3), 3) == "Thumbnails: 3 made · 3 served"
    assert thumbnail_work_text(stats(), 7) == "Thumbnails: 7 served"  # all icons
    assert thumbnail_work_text(stats(failed=2), 0) == "Thumbnails: 2 failed"


def live(thumbnails: ThumbStats | None, served: int) -> LiveData:
    snapshot = Snapshot(0.0, served, 0, 0, 0, (), {}, (), (), (), thumbnail_requests=served)
    return LiveData(1000.0, snapshot, EngineStats(0, 0, 0, 0, 0, 0.0), (), (), None,
                    thumbnails=thumbnails)


def test_the_traffic_tab_shows_the_line_while_sharing(qtbot: QtBot) -> None:
    view = TrafficView()  # without a thumbnail feed: no pictures, the line still shows
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    label = view.thumbnail_work
    assert label.objectName() == "thumbnailWork" and label.isHidden()
    view.show_data(live(stats(queued=3, working=1, made=10), 14))
    assert label.isVisible()
    assert label.text() == "Thumbnails: 3 waiting · 1 being made · 10 made · 14 served"
    assert "120 kB in 10 files" in label.toolTip()
    view.show_data(live(None, 0))
    assert label.isHidden()


class CountingFeed(ThumbnailFeed):
    def __init__(self, engine: ServerEngine) -> None:
        super().__init__(engine)
        self.asked: list[str] = []

    def picture(self, path: str) -> bytes | None:
        self.asked.append(path)
        return super().picture(path)


def rows(*paths: str) -> list[Row]:
    return [Row(path, (path, "1"), (path, 1)) for path in paths]


def test_paths_are_asked_about_when_the_rows_change_not_on_every_refresh(
        folder: Path, qtbot: QtBot) -> None:
    engine = ServerEngine()
    engine.start(ServerConfig(root=folder, port=0))
    feed = CountingFeed(engine)
    by_requests, by_bytes = KeyedTableModel(("Path", "N")), KeyedTableModel(("Path", "N"))
    thumbnails = PathThumbnails(feed, (by_requests, by_bytes))
    try:
        by_requests.set_rows(rows("/photo.jpg", "/a.txt"))
        by_bytes.set_rows(rows("/photo.jpg"))
        with qtbot.waitSignal(feed.ready, timeout=WAIT_MS):
            thumbnails.show(["/photo.jpg", "/a.txt"])
        picture = thumbnails.picture("/photo.jpg")
        assert picture is not None and feed.asked == ["/photo.jpg"]  # a text file: never
        assert by_requests.icon("/photo.jpg") is picture is by_bytes.icon("/photo.jpg")
        for _ in range(3):  # refreshes with the same paths: nothing asked
            thumbnails.show(["/photo.jpg", "/a.txt"])
        assert feed.asked == ["/photo.jpg"]
        by_bytes.set_rows(rows("/a.txt"))  # the photo leaves one table...
        thumbnails.show(["/photo.jpg", "/a.txt"])
        by_bytes.set_rows(rows("/a.txt", "/photo.jpg"))  # ...and comes back: same picture
        thumbnails.show(["/photo.jpg", "/a.txt"])
        assert by_bytes.icon("/photo.jpg") is picture and feed.asked == ["/photo.jpg"]
        by_requests.set_rows(rows("/a.txt"))
        by_bytes.set_rows(rows("/a.txt"))
        thumbnails.show(["/a.txt"])
        assert thumbnails.picture("/photo.jpg") is None  # no longer shown: not kept
    finally:
        feed.forget()
        engine.stop()
