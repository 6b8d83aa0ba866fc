"""Closing the window or Ctrl+Q while devices are connected asks first (issue 22 §3). The
question is answered by patching ui.dialogs.ask_close, never by clicking a real modal box."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from pytestqt.qtbot import QtBot

from app.controller import Activity, ServerState
from tests.app.conftest import run
from tests.ui.test_main_window import start
from ui import dialogs
from ui.close_policy import Leave, decide
from ui.main_window import MainWindow


class Answers:
    def __init__(self) -> None:
        self.answer = dialogs.CLOSE_CANCEL
        self.asked: list[tuple[str, str, bool]] = []

    def __call__(self, _parent: object, title: str, text: str, can_background: bool) -> str:
        self.asked.append((title, text, can_background))
        return self.answer


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    recorder = Answers()
    monkeypatch.setattr(dialogs, "ask_close", recorder)
    return recorder


class FakeTray:
    """Stands in for ui.tray.Tray (the offscreen platform has no system tray)."""

    def __init__(self) -> None:
        self.notes: list[tuple[str, str]] = []

    def notify(self, title: str, text: str) -> None:
        self.notes.append((title, text))

    def set_state(self, _state: ServerState) -> None:
        pass

    def hide(self) -> None:
        pass


@pytest.fixture
def connected(window: MainWindow, aloop: qasync.QEventLoop, folder: Path,
              qtbot: QtBot) -> Iterator[socket.socket]:
    """A share with one device connected (an open connection)."""
    start(window, aloop, folder)
    port = window.controller.port
    assert port is not None
    with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
        qtbot.waitUntil(lambda: window.controller.activity().busy)
        yield client


BUSY = Activity(connections=2, clients=2, transfers=1)


@pytest.mark.parametrize(("answer", "tray", "action"), [
    (dialogs.CLOSE_BACKGROUND, True, Leave.HIDE), (dialogs.CLOSE_QUIT, True, Leave.QUIT),
    (dialogs.CLOSE_CANCEL, True, Leave.STAY), (dialogs.CLOSE_QUIT, False, Leave.QUIT),
    (dialogs.CLOSE_CANCEL, False, Leave.STAY)])
def test_busy_share_asks(answers: Answers, answer: str, tray: bool, action: Leave) -> None:
    answers.answer = answer
    for closing in (True, False):
        decision = decide(closing=closing, running=True, activity=BUSY, has_tray=tray)
        assert decision.action is action
    title, text, can_background = answers.asked[0]
    assert title == "Quit while sharing?" and can_background is tray
    assert text.startswith("2 devices are connected and 1 transfer is running.")
    if not tray:
        assert "no system tray" in text


def test_idle_share_does_not_ask(answers: Answers) -> None:
    idle = Activity()
    assert decide(closing=True, running=True, activity=idle, has_tray=True).action is Leave.HIDE
    assert decide(closing=True, running=True, activity=idle, has_tray=False).action is Leave.QUIT
    assert decide(closing=False, running=True, activity=idle, has_tray=True).action is Leave.QUIT
    assert decide(closing=True, running=False, activity=idle, has_tray=True).action is Leave.QUIT
    assert answers.asked == []


def test_closing_while_connected_can_be_cancelled(window: MainWindow, answers: Answers,
                                                 connected: socket.socket) -> None:
    answers.answer = dialogs.CLOSE_CANCEL
    window.close()
    assert len(answers.asked) == 1 and answers.asked[0][2] is False, "no tray: no background"
    assert window.isVisible() and window.controller.state is ServerState.RUNNING


def test_ctrl_q_while_connected_asks_then_stops_and_quits(
        window: MainWindow, aloop: qasync.QEventLoop, answers: Answers,
        connected: socket.socket, qtbot: QtBot) -> None:
    answers.answer = dialogs.CLOSE_QUIT
    quit_action = next(a for a in window.findChildren(type(window.start_stop_action))
                       if a.text() == "&Quit")
    with qtbot.waitSignal(window.shutdown_finished, timeout=10_000):
        quit_action.trigger()
        assert window.last_task is not None
        run(aloop, window.last_task)
    assert len(answers.asked) == 1
    assert window.controller.state is ServerState.STOPPED


def test_keep_sharing_in_the_background_hides_to_the_tray_and_says_so(
        window: MainWindow, answers: Answers, connected: socket.socket) -> None:
    tray = FakeTray()
    window.tray = tray  # type: ignore[assignment]
    answers.answer = dialogs.CLOSE_BACKGROUND
    for _ in range(2):  # said every time, not only the first
        window.show()
        window.close()
        assert not window.isVisible()
        assert window.controller.state is ServerState.RUNNING
    assert [title for title, _text in tray.notes] == ["Pier is still sharing"] * 2
    assert all(can_background for _t, _x, can_background in answers.asked)
    window.tray = None


def test_second_pier_brings_a_hidden_window_back(window: MainWindow) -> None:
    window.hide()
    window.bring_to_front()
    assert window.isVisible()
