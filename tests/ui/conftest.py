"""Fixtures for tests/ui: a private config dir (passed to the window), a private qasync loop,
recorded dialogs, the window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.services import AppServices
from server.paths import PierPaths
from tests.app.conftest import (
    aloop,  # noqa: F401 - the same loop fixture for UI tests
    english_catalogue,  # noqa: F401 - English plurals, as in the app
)
from ui import dialogs
from ui.main_window import MainWindow

# The offscreen platform cannot pass size hints to a window manager, and has no system tray
# (Qt says so when a tray icon is made, tests/ui/test_tray.py); not defects of Pier.
OFFSCREEN_NOISE = (r"This plugin does not support (propagateSizeHints|raise)\(\)"
                   r"|No such signal QPlatformNativeInterface::systemTrayWindowChanged")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A small folder to share (tests that need more content define their own)."""
    root = tmp_path / "share"
    root.mkdir()
    (root / "a.txt").write_text("alpha\n", encoding="utf-8")
    return root


@pytest.fixture
def ui_config_dir(tmp_path: Path) -> Path:
    """The window's config folder (not made yet, as on a first start)."""
    return tmp_path / "pier-config"


@pytest.fixture
def ui_paths(ui_config_dir: Path) -> PierPaths:
    """Where the window under test keeps its files, passed in as app.main does."""
    return PierPaths.under(ui_config_dir)


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
    subfolder: str | None = None
    save_path: Path | None = None
    open_paths: list[Path] = field(default_factory=list)  # answers to ask_open_path, in order
    passwords: list[str | None] = field(default_factory=list)  # answers to ask_password
    password_prompts: list[str] = field(default_factory=list)
    modal: Callable[[QDialog], bool] | None = None  # fills in and confirms run_modal's dialog
    modals: list[QDialog] = field(default_factory=list)
    close_answer: str = "quit"  # ui.dialogs.CLOSE_QUIT: closing with devices connected quits
    close_questions: list[str] = field(default_factory=list)

    def show_error(self, _parent: object, title: str, text: str) -> None:
        self.errors.append((title, text))

    def show_info(self, _parent: object, title: str, text: str) -> None:
        self.infos.append((title, text))

    def ask_yes_no(self, _parent: object, title: str, text: str, yes_label: str = "Yes") -> bool:
        self.questions.append((title, text))
        return self.answer_yes

    def ask_folder(self, _parent: object, _start: str) -> str | None:
        return self.folder

    def ask_close(self, _parent: object, _title: str, text: str, _can_background: bool) -> str:
        self.close_questions.append(text)
        return self.close_answer

    def ask_export_path(self, _parent: object, _suggested: Path) -> Path | None:
        return self.export_path

    def open_in_browser(self, url: str) -> bool:
        self.opened.append(url)
        return True

    def run_modal(self, dialog: QDialog) -> bool:
        self.modals.append(dialog)
        if self.modal is None:
            return False
        return self.modal(dialog)

    def ask_password(self, _parent: object, _title: str, label: str) -> str | None:
        self.password_prompts.append(label)
        return self.passwords.pop(0) if self.passwords else None

    def ask_subfolder(self, _parent: object, _start: str) -> str | None:
        return self.subfolder

    def ask_open_path(self, _parent: object, _title: str, _start: str,
                      _filters: str) -> Path | None:
        return self.open_paths.pop(0) if self.open_paths else None

    def ask_save_path(self, _parent: object, _title: str, _suggested: Path,
                      _filters: str) -> Path | None:
        return self.save_path


def confirm(fill: Callable[[Any], None]) -> Callable[[QDialog], bool]:
    """A stand-in for the user: ``fill`` sets the real dialog's widgets, then OK is pressed
    (the dialog's own ``accept`` runs, with its checks)."""

    def answer(dialog: QDialog) -> bool:
        fill(dialog)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    return answer


@pytest.fixture(autouse=True)
def dialog_recorder(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    recorder = DialogRecorder()
    for name in ("show_error", "show_info", "ask_yes_no", "ask_folder", "ask_export_path",
                 "open_in_browser", "run_modal", "ask_password", "ask_subfolder",
                 "ask_open_path", "ask_save_path", "ask_close"):
        monkeypatch.setattr(dialogs, name, getattr(recorder, name))
    return recorder




def make_window(qtbot: QtBot, paths: PierPaths) -> MainWindow:
    window = MainWindow(AppServices.create(paths), use_tray=False)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, aloop: qasync.QEventLoop,  # noqa: F811 - the imported fixture
           ui_paths: PierPaths) -> Iterator[MainWindow]:
    win = make_window(qtbot, ui_paths)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.shutdown_blocking()
