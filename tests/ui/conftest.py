"""Fixtures for tests/ui: private config dir, private qasync loop, recorded dialogs, the window."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.settings import SettingsStore
from ui import dialogs
from ui.main_window import MainWindow

# The offscreen platform cannot pass size hints to a window manager; that is not a defect of Pier.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def ui_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "pier-config"
    monkeypatch.setenv("PIER_CONFIG_DIR", str(path))
    return path


@dataclass
class DialogRecorder:
    """Stands in for ui.dialogs: records every dialog and answers as told."""

    errors: list[tuple[str, str]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)
    questions: list[tuple[str, str]] = field(default_factory=list)
    opened: list[str] = field(default_factory=list)
    answer_yes: bool = True
    export_path: Path | None = None
    folder: str | None = None

    def show_error(self, _parent: object, title: str, text: str) -> None:
        self.errors.append((title, text))

    def show_info(self, _parent: object, title: str, text: str) -> None:
        self.infos.append((title, text))

    def ask_yes_no(self, _parent: object, title: str, text: str, yes_label: str = "Yes") -> bool:
        self.questions.append((title, text))
        return self.answer_yes

    def ask_folder(self, _parent: object, _start: str) -> str | None:
        return self.folder

    def ask_export_path(self, _parent: object, _suggested: Path) -> Path | None:
        return self.export_path

    def open_in_browser(self, url: str) -> bool:
        self.opened.append(url)
        return True


@pytest.fixture(autouse=True)
def dialog_recorder(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    recorder = DialogRecorder()
    for name in ("show_error", "show_info", "ask_yes_no", "ask_folder", "ask_export_path",
                 "open_in_browser"):
        monkeypatch.setattr(dialogs, name, getattr(recorder, name))
    return recorder


@pytest.fixture
def aloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    qapp.setQuitOnLastWindowClosed(False)  # as app.main does: closing a window never ends the loop
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)


def make_window(qtbot: QtBot) -> MainWindow:
    store = SettingsStore()
    window = MainWindow(store, store.load(), use_tray=False)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, aloop: qasync.QEventLoop) -> Iterator[MainWindow]:
    win = make_window(qtbot)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.shutdown_blocking()
