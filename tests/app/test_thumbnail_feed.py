"""ThumbnailFeed, the app service behind the thumbnails of the Traffic tab: a real share (through
the controller, as the window starts it, or an engine on a ManualClock), pictures made by the
real thumbnail thread and answered in the GUI thread as a signal."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPixmap
from pytestqt.qtbot import QtBot

from app.controller import ServerController, ShareRequest, make_config
from app.settings import SCOPE_LOCAL
from app.thumbnail_feed import ThumbnailFeed, may_have_picture
from server.clock import ManualClock
from server.config import ServerConfig
from server.engine import ServerEngine
from server.paths import PierPaths
from server.records import RequestRecord
from tests.server.thumb_helpers import Gate, photo_jpeg

WAIT_MS = 10_000


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    (root / "photo.jpg").write_bytes(photo_jpeg(800, 600))
    (root / "Ferien 2024").mkdir()
    (root / "Ferien 2024" / "strand.jpg").write_bytes(photo_jpeg(640, 480))
    (root / "notes.txt").write_text("not a picture\n", encoding="utf-8")
    (root / "fake.jpg").write_text("not a picture either\n", encoding="utf-8")
    return root


@pytest.fixture
def controller(qtbot: QtBot, app_paths: PierPaths, folder: Path) -> Iterator[ServerController]:
    records: deque[RequestRecord] = deque()
    ctrl = ServerController(records.append, app_paths)
    config = make_config(ShareRequest(str(folder), SCOPE_LOCAL, 0), app_paths)
    assert ctrl.start_blocking(config)
    yield ctrl
    ctrl.stop_blocking()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def engine(folder: Path, clock: ManualClock) -> Iterator[ServerEngine]:
    engine = ServerEngine(clock=clock)
    engine.start(ServerConfig(root=folder, port=0))
    yield engine
    engine.stop()


@pytest.fixture
def feed(engine: ServerEngine, clock: ManualClock) -> Iterator[ThumbnailFeed]:
    feed = ThumbnailFeed(engine, clock=clock, max_kept=2, retry_s=30.0)
    yield feed
    feed.forget()


def test_a_photo_of_the_running_share_becomes_a_pixmap(controller: ServerController,
                                                       qtbot: QtBot) -> None:
    feed = controller.share_control.thumbnails
    assert feed.picture("/photo.jpg") is None  # not known yet: asked in the background
    with qtbot.waitSignal(feed.ready, timeout=WAIT_MS) as ready:
        pass
    path, data = ready.args
    assert path == "/photo.jpg" and data[:2] == b"\xff\xd8"
    pixmap = QPixmap()
    assert pixmap.loadFromData(data)
    assert (pixmap.width(), pixmap.height()) == (320, 240)
    assert feed.picture("/photo.jpg?download") == data  # kept; the query is not the file's
    assert feed.asking == 0


def test_an_encoded_path_is_found_as_requests_name_it(controller: ServerController,
                                                      qtbot: QtBot) -> None:
    feed = controller.share_control.thumbnails
    with qtbot.waitSignal(feed.ready, timeout=WAIT_MS) as ready:
        feed.picture("/Ferien%202024/strand.jpg")
    assert ready.args[0] == "/Ferien%202024/strand.jpg"


def test_a_text_file_is_never_asked_about(controller: ServerController) -> None:
    feed = controller.share_control.thumbnails
    assert not may_have_picture("/notes.txt") and may_have_picture("/clip.MP4")
    assert feed.picture("/notes.txt") is None
    assert feed.asking == 0


def test_stopping_the_share_forgets_its_pictures(controller: ServerController,
                                                 qtbot: QtBot) -> None:
    feed = controller.share_control.thumbnails
    with qtbot.waitSignal(feed.ready, timeout=WAIT_MS):
        feed.picture("/photo.jpg")
    config = controller.config
    assert config is not None
    controller.stop_blocking()
    assert feed.picture("/photo.jpg") is None and feed.asking == 0  # nothing to ask now
    assert controller.start_blocking(config)
    with qtbot.waitSignal(feed.ready, timeout=WAIT_MS):  # forgotten: asked again
        assert feed.picture("/photo.jpg") is None


def test_a_file_without_a_picture_is_asked_again_only_after_a_while(
        feed: ThumbnailFeed, clock: ManualClock, qtbot: QtBot) -> None:
    feed.picture("/fake.jpg")
    assert feed.asking == 1
    qtbot.waitUntil(lambda: feed.asking == 0, timeout=WAIT_MS)  # answered: no picture
    assert feed.picture("/fake.jpg") is None and feed.asking == 0  # not asked again yet
    clock.advance(31.0)
    assert feed.picture("/fake.jpg") is None and feed.asking == 1


def test_a_question_in_flight_is_asked_once(folder: Path, qtbot: QtBot) -> None:
    gate = Gate()
    engine = ServerEngine(thumb_renderer=gate)
    engine.start(ServerConfig(root=folder, port=0))
    feed = ThumbnailFeed(engine)
    try:
        assert feed.picture("/photo.jpg") is None
        gate.wait_entered()  # the engine's thumbnail thread is making it
        assert feed.picture("/photo.jpg") is None and feed.asking == 1
        with qtbot.waitSignal(feed.ready, timeout=WAIT_MS):
            gate.opened.set()
        assert gate.calls == 1
    finally:
        feed.forget()
        engine.stop()


def test_kept_pictures_are_bounded(feed: ThumbnailFeed, folder: Path, qtbot: QtBot) -> None:
    (folder / "second.jpg").write_bytes(photo_jpeg(320, 320))
    for path in ("/photo.jpg", "/second.jpg", "/Ferien%202024/strand.jpg"):
        with qtbot.waitSignal(feed.ready, timeout=WAIT_MS):
            feed.picture(path)
    assert feed.picture("/second.jpg") is not None
    assert feed.picture("/Ferien%202024/strand.jpg") is not None
    assert feed.picture("/photo.jpg") is None  # the oldest was dropped: asked again
    assert feed.asking == 1
