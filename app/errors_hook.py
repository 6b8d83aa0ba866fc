"""Unexpected exceptions: logged to a rotating file, shown once in a dialog from the GUI thread."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QtMsgType, Signal, qInstallMessageHandler

from app.i18n import translate
from server.paths import ensure_private_dir

log = logging.getLogger("pier")
LOG_FILE = "pier.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3

ShowError = Callable[[str, str], None]  # (title, text), called in the GUI thread


def setup_logging(directory: Path) -> Path:
    """Send Pier's logging to a rotating file in ``directory`` (``PierPaths.logs``); return
    its path."""
    directory = ensure_private_dir(directory)
    path = directory / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


class ErrorReporter(QObject):
    """Installed as sys.excepthook and threading.excepthook.

    Every exception is logged with its traceback; the GUI thread shows one dialog per distinct
    error (type and message), never several at once.
    """

    _report = Signal(str, str)

    def __init__(self, show: ShowError, log_path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show = show
        self._log_path = log_path
        self._seen: set[str] = set()
        self._showing = False
        self._previous = (sys.excepthook, threading.excepthook)
        self._report.connect(self._on_report, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def handle(self, kind: type[BaseException], value: BaseException,
               tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, value, tb)
            return
        log.error("unexpected error", exc_info=(kind, value, tb))
        summary = "".join(traceback.format_exception_only(kind, value)).strip()
        self._report.emit(summary, "".join(traceback.format_exception(kind, value, tb)))

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _on_report(self, summary: str, details: str) -> None:
        if self._showing or summary in self._seen:
            return
        self._seen.add(summary)
        text = translate("ErrorReporter", "{problem}\n\nPier keeps running; please report this "
                         "if it repeats.").format(problem=summary)
        if self._log_path:
            text += translate("ErrorReporter", "\n\nDetails were written to {file}.").format(
                file=self._log_path)
        self._showing = True
        try:
            self._show(translate("ErrorReporter", "Pier hit an unexpected problem"), text)
        finally:
            self._showing = False


def route_qt_messages() -> None:
    """Send Qt's own warnings into logging instead of stderr."""
    qt_log = logging.getLogger("pier.qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(mode: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(levels.get(mode, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)
