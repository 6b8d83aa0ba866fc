"""TextShare, the app service behind "Share text…" and the received-text banner: a real
controller and engine over real HTTP; received texts reach the GUI thread as a signal."""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from pytestqt.qtbot import QtBot

from app.controller import ServerController, ShareRequest, make_config
from app.settings import SCOPE_LOCAL
from app.text_share import TextShare
from server.errors import ConfigError
from server.paths import PierPaths
from server.records import RequestRecord
from server.text_board import TEXT_LIMIT, TextReceived
from tests.conftest import http_request


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    return root


@pytest.fixture
def controller(qtbot: QtBot, app_paths: PierPaths, folder: Path) -> Iterator[ServerController]:
    records: deque[RequestRecord] = deque()
    ctrl = ServerController(records.append, app_paths)
    config = make_config(ShareRequest(str(folder), SCOPE_LOCAL, 0, upload=True), app_paths)
    assert ctrl.start_blocking(config)
    yield ctrl
    ctrl.stop_blocking()


def shared_on_the_page(port: int) -> object:
    status, body = http_request(port, "GET", "/.well-known/pier/text")
    assert status == 200
    return json.loads(body)["text"]


def test_a_shared_text_is_served_until_cleared(controller: ServerController,
                                               qtbot: QtBot) -> None:
    texts: TextShare = controller.share_control.texts
    port = controller.port
    assert port is not None
    assert shared_on_the_page(port) is None
    with qtbot.waitSignal(texts.shared_changed) as changed:
        texts.share("from the window")
    assert changed.args[0].text == "from the window"
    assert shared_on_the_page(port) == "from the window"
    assert texts.shared is not None
    texts.clear()
    assert shared_on_the_page(port) is None and texts.shared is None


def test_the_shared_text_ends_with_the_share(controller: ServerController, qtbot: QtBot) -> None:
    texts = controller.share_control.texts
    texts.share("bye")
    with qtbot.waitSignal(texts.shared_changed) as changed:
        controller.stop_blocking()
    assert changed.args[0] is None and texts.shared is None


def test_too_long_a_text_is_refused_with_a_sentence(controller: ServerController) -> None:
    with pytest.raises(ConfigError, match="too long"):
        controller.share_control.texts.share("x" * (TEXT_LIMIT + 1))


def test_a_posted_text_arrives_in_the_gui_thread(controller: ServerController,
                                                 qtbot: QtBot, folder: Path) -> None:
    texts = controller.share_control.texts
    port = controller.port
    assert port is not None
    threads: list[threading.Thread] = []
    texts.received.connect(lambda _event: threads.append(threading.current_thread()))
    with qtbot.waitSignal(texts.received) as heard:
        status, _ = http_request(port, "POST", "/", urlencode({"text": "hi\nthere", "name": "n"})
                            .encode(), {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 201
    event: TextReceived = heard.args[0]
    assert (event.text, event.name, event.url, event.client) == (
        "hi\nthere", "n.txt", "/n.txt", "127.0.0.1")
    assert (folder / "n.txt").read_text() == "hi\nthere"
    assert threads == [threading.main_thread()]
