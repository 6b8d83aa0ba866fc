"""The collect checklist's data for the window: ``app.collect_service.scan`` every two seconds
in one worker thread (``pier-collect``) while a share collects, delivered to the GUI thread by
a queued signal. The window never lists the share's folders itself."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.collect_service import CollectScan, scan
from server.clock import SYSTEM_CLOCK, Clock
from server.collect import CollectConfig
from server.config import ServerConfig

log = logging.getLogger(__name__)

REFRESH_MS = 2000
THREAD_NAME = "pier-collect"


class CollectFeed(QObject):
    """Follows the running share's collect mode: ``follow(config)`` when a share starts,
    ``pause()`` when it stops (the last scan stays readable as ``last``). ``clock`` is what the
    countdown is read on (tests set a ``ManualClock``)."""

    updated = Signal(object)  # CollectScan, in the GUI thread
    target_changed = Signal()  # collecting began, ended or changed folder
    _delivered = Signal(object)  # from the worker thread (queued)

    def __init__(self, clock: Clock = SYSTEM_CLOCK, interval_ms: int = REFRESH_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self._root: Path | None = None
        self._config: CollectConfig | None = None
        self._last: CollectScan | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._busy = threading.Event()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh)
        self._delivered.connect(self._on_delivered)

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

    @property
    def running(self) -> bool:
        return self._timer.isActive()

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
        self._executor = ThreadPoolExecutor(1, thread_name_prefix=THREAD_NAME)
        self._timer.start()
        self.refresh()

    def pause(self) -> None:
        """The share stopped: no more scans; waits for the one in flight (bounded)."""
        self._timer.stop()
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)
        self._busy.clear()

    def refresh(self) -> None:
        """Scan now, unless a scan is already running."""
        executor, root, config = self._executor, self._root, self._config
        if executor is None or root is None or config is None or self._busy.is_set():
            return
        self._busy.set()
        future = executor.submit(scan, root, config.name, config.state_file)
        future.add_done_callback(self._on_done)

    def _on_done(self, future: Future[CollectScan]) -> None:
        self._busy.clear()
        if future.cancelled():
            return
        try:
            result = future.result()
        except Exception:  # a failing scan must not end the feed
            log.exception("scanning the collect folder failed")
            return
        self._delivered.emit(result)

    def _on_delivered(self, result: CollectScan) -> None:
        if self._executor is not None and result.folder == self.folder:
            self._last = result
            self.updated.emit(result)
