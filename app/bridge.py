"""From server threads to the Qt loop: an O(1) thread-safe sink, drained in batches by a QTimer."""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal

from server.records import RequestRecord

DRAIN_INTERVAL_MS = 100  # about 10 batches per second while traffic is light
BUSY_INTERVAL_MS = 500  # twice a second under heavy traffic (nobody reads 400+ rows a second)
BUSY_BATCH = 200  # records per batch above which traffic counts as heavy


class RecordBridge(QObject):
    """Collects RequestRecords from any thread; emits them in the GUI thread as one list per tick.

    ``sink`` is ``deque.append`` itself: atomic under the GIL, O(1), never blocks. Nothing is lost
    as long as fewer than ``capacity`` records arrive between two ticks; beyond that the oldest are
    dropped, exactly as the log's ring would drop them anyway.
    """

    records_arrived = Signal(list)  # list[RequestRecord], never empty

    def __init__(self, capacity: int, interval_ms: int = DRAIN_INTERVAL_MS,
                 parent: QObject | None = None, busy_interval_ms: int = BUSY_INTERVAL_MS) -> None:
        super().__init__(parent)
        # Each batch repaints the log, and a repaint holds the GIL for ~25 ms offscreen (see
        # ui.log_view.LogTable): under heavy traffic fewer, larger batches leave the engine
        # its share of the interpreter. GUI/headless throughput measured with bench/gui_bench.py:
        # 0.84x at 10 Hz, 0.88-0.96x at 4 Hz, 0.94x at 2 Hz.
        self._intervals = (interval_ms, max(interval_ms, busy_interval_ms))
        self._pending: deque[RequestRecord] = deque(maxlen=capacity)
        self.sink = self._pending.append
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.drain)
        self._timer.start()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def drain(self) -> list[RequestRecord]:
        """Move everything queued so far into one batch and emit it (GUI thread only)."""
        pending = self._pending
        count = len(pending)
        interval = self._intervals[count > BUSY_BATCH]
        if self._timer.interval() != interval:
            self._timer.setInterval(interval)
        if not count:
            return []
        popleft = pending.popleft
        batch = [popleft() for _ in range(count)]
        self.records_arrived.emit(batch)
        return batch

    def stop(self) -> None:
        self._timer.stop()
