"""From server threads to the Qt loop: an O(1) thread-safe sink, drained in batches by a QTimer."""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal

from server.records import RequestRecord

DRAIN_INTERVAL_MS = 100  # about 10 batches per second, whatever the request rate


class RecordBridge(QObject):
    """Collects RequestRecords from any thread; emits them in the GUI thread as one list per tick.

    ``sink`` is ``deque.append`` itself: atomic under the GIL, O(1), never blocks. Nothing is lost
    as long as fewer than ``capacity`` records arrive between two ticks; beyond that the oldest are
    dropped, exactly as the log's ring would drop them anyway.
    """

    records_arrived = Signal(object)  # list[RequestRecord], never empty

    def __init__(self, capacity: int, interval_ms: int = DRAIN_INTERVAL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
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
        if not count:
            return []
        popleft = pending.popleft
        batch = [popleft() for _ in range(count)]
        self.records_arrived.emit(batch)
        return batch

    def stop(self) -> None:
        self._timer.stop()
