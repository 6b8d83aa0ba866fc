"""A feed that gathers something every so often in one worker thread and hands the result to
the GUI thread: the Traffic tab's live data (app/monitor_feed.py) and collect mode's checklist
(app/collect_feed.py). At most one gathering is in flight; a failing one is logged and the feed
goes on; a result that arrives after the feed stopped is dropped."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)


class PolledFeed(QObject):
    """Subclasses give ``_gather()`` (run in the worker thread) and ``_accept(result)`` (run
    in the GUI thread while the feed runs); ``_start_polling``/``_stop_polling`` bracket it."""

    _delivered = Signal(object)  # from the worker thread (queued)

    def __init__(self, thread_name: str, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread_name = thread_name
        self._executor: ThreadPoolExecutor | None = None
        self._busy = threading.Event()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh)
        self._delivered.connect(self._on_delivered)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def refresh(self) -> None:
        """Gather now, unless a gathering is already running (or the feed is stopped)."""
        executor = self._executor
        if executor is None or self._busy.is_set() or not self._ready():
            return
        self._busy.set()
        future = executor.submit(self._gather)
        future.add_done_callback(self._on_done)

    def _start_polling(self) -> None:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix=self._thread_name)
        self._timer.start()
        self.refresh()

    def _stop_polling(self) -> None:
        """Stop the timer and wait for the gathering in flight (bounded by the gathering)."""
        self._timer.stop()
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)
        self._busy.clear()

    def _ready(self) -> bool:
        return True

    def _gather(self) -> Any:
        raise NotImplementedError

    def _accept(self, result: Any) -> None:
        raise NotImplementedError

    def _on_done(self, future: Future[Any]) -> None:
        self._busy.clear()
        if future.cancelled():
            return
        try:
            result = future.result()
        except Exception:  # a failing gathering must not end the feed
            log.exception("%s: gathering failed", self._thread_name)
            return
        self._delivered.emit(result)

    def _on_delivered(self, result: Any) -> None:
        if self._executor is not None:  # a late delivery after the stop is dropped
            self._accept(result)
