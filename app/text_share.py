"""Texts between the window and the page (issue 15): the app service the window talks to.

``share``/``clear`` set the text every reader of the share sees (a card on the page and
``GET /.well-known/pier/text``); the engine keeps it (server/text_board.py) and forgets it when
the share stops. Texts visitors send arrive from the engine's workers and are re-emitted in the
GUI thread as ``received`` (a queued signal, as ShareHealthFeed does)."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Qt, Signal

from server.engine import ServerEngine
from server.text_board import SharedText, TextReceived


class TextShare(QObject):
    received = Signal(object)  # TextReceived, in the GUI thread
    shared_changed = Signal(object)  # SharedText | None: what the page shows now
    _heard = Signal(object)  # from a worker thread; queued to the GUI thread

    def __init__(self, engine: ServerEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._board = engine.texts
        self._heard.connect(self.received.emit, Qt.ConnectionType.QueuedConnection)
        self._board.add_listener(self._on_text)

    @property
    def shared(self) -> SharedText | None:
        return self._board.shared

    def share(self, text: str) -> SharedText | None:
        """Put ``text`` on the page (an empty text clears). ConfigError when too long."""
        shared = self._board.share(text)
        self.shared_changed.emit(shared)
        return shared

    def clear(self) -> None:
        self._board.clear()
        self.shared_changed.emit(None)

    def forget_on_stop(self) -> None:
        """The engine forgot the text with the share: tell the window."""
        self.shared_changed.emit(self._board.shared)

    def detach(self) -> None:
        self._board.remove_listener(self._on_text)

    def _on_text(self, event: TextReceived) -> None:
        with contextlib.suppress(RuntimeError):  # this object was deleted meanwhile
            self._heard.emit(event)
