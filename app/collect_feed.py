"""The collect checklist's data for the window: ``app.collect_service.scan`` every two seconds
in one worker thread (``pier-collect``) while a share collects, delivered to the GUI thread by
a queued signal. The window never lists the share's folders itself."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.collect_service import CollectScan, scan
from app.polled_feed import PolledFeed
from server.clock import SYSTEM_CLOCK, Clock
from server.collect import CollectConfig
from server.config import ServerConfig

log = logging.getLogger(__name__)

REFRESH_MS = 2000
THREAD_NAME = "pier-collect"


class CollectFeed(PolledFeed):
    """Follows the running share's collect mode: ``follow(config)`` when a share starts,
    ``pause()`` when it stops (the last scan stays readable as ``last``). ``clock`` is what the
    countdown is read on (tests set a ``ManualClock``)."""

    updated = Signal(object)  # CollectScan, in the GUI thread
    target_changed = Signal()  # collecting began, ended or changed folder

    def __init__(self, clock: Clock = SYSTEM_CLOCK, interval_ms: int = REFRESH_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(THREAD_NAME, interval_ms, parent)
        self.clock = clock
        self._root: Path | None = None
        self._config: CollectConfig | None = None
        self._last: CollectScan | None = None

    @property
    def config(self) -> CollectConfig | None:
        """The collect mode being (or last) followed; None when the share does not collect."""
        return self._config

    @property
    def folder(self) -> Path | None:
        """``<share>/NAME``, the folder "Open folder" shows."""
        if self._root is None or self._config is None:
            return None
        return self._root / self._config.name

    @property
    def last(self) -> CollectScan | None:
        return self._last

    def follow(self, config: ServerConfig) -> None:
        """A share started: scan its collect folder from now on (nothing if it does not
        collect)."""
        self.pause()
        if config.collect is None:
            if self._config is not None:
                self._root, self._config, self._last = None, None, None
                self.target_changed.emit()
            return
        self._root, self._config, self._last = config.root, config.collect, None
        self.target_changed.emit()
        self._start_polling()

    def pause(self) -> None:
        """The share stopped: no more scans; waits for the one in flight (bounded)."""
        self._stop_polling()

    def _ready(self) -> bool:
        return self._root is not None and self._config is not None

    def _gather(self) -> CollectScan:
        root, config = self._root, self._config
        assert root is not None and config is not None, "asked only when _ready"
        return scan(root, config.name, config.state_file)

    def _accept(self, result: CollectScan) -> None:
        if result.folder == self.folder:
            self._last = result
            self.updated.emit(result)
