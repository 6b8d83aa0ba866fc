from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.errors_hook import ErrorReporter, setup_logging


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    before = list(root.handlers)
    path = setup_logging(tmp_path / "logs")
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def raise_and_report(reporter: ErrorReporter, message: str) -> None:
    try:
        raise ValueError(message)
    except ValueError as err:
        reporter.handle(type(err), err, err.__traceback__)


def test_an_unexpected_error_is_logged_and_shown_once(qtbot: QtBot, log_file: Path) -> None:
    shown: list[tuple[str, str, threading.Thread]] = []
    reporter = ErrorReporter(lambda t, x: shown.append((t, x, threading.current_thread())),
                             log_file)
    raise_and_report(reporter, "boom")
    raise_and_report(reporter, "boom")
    qtbot.waitUntil(lambda: len(shown) == 1)
    raise_and_report(reporter, "another")
    qtbot.waitUntil(lambda: len(shown) == 2)
    QApplication.processEvents()  # a (wrong) third dialog would be delivered now
    assert len(shown) == 2
    assert "ValueError: boom" in shown[0][1] and str(log_file) in shown[0][1]
    assert "Traceback" in log_file.read_text(encoding="utf-8")


def test_errors_in_other_threads_reach_the_gui_thread(qtbot: QtBot, log_file: Path) -> None:
    shown: list[threading.Thread] = []
    reporter = ErrorReporter(lambda _t, _x: shown.append(threading.current_thread()), log_file)
    reporter.install()
    try:
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(shown) == 1)
    finally:
        reporter.uninstall()
    assert shown[0] is threading.main_thread()
    assert "ZeroDivisionError" in log_file.read_text(encoding="utf-8")
