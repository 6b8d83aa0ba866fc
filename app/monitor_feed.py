"""The live monitor's data, gathered about once a second off the GUI thread, and the shared
folder's health, told at once.

``Monitor.snapshot()`` aggregates every record that arrived since the last call (about 22 ms for
20,000 records on the reference machine), so it runs in one worker thread; the GUI receives the
finished ``LiveData`` through a queued signal and never waits for it. ``ShareHealthFeed`` needs no
polling: the engine's health thread reports a change and the GUI thread reads the flag.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from app.polled_feed import PolledFeed
from server.engine import EngineStats, ServerEngine
from server.monitor import SERIES_SECONDS, Snapshot
from server.records import UnfinishedUpload
from server.thumbnails import ThumbStats

log = logging.getLogger(__name__)

REFRESH_MS = 1000
THREAD_NAME = "pier-monitor"


@dataclass(frozen=True, slots=True)
class TransferInfo:
    """A copy of a running transfer, safe to read in the GUI thread."""

    id: int
    client: str
    user: str
    path: str
    direction: str  # "down" or "up"
    total: int | None
    done: int
    bytes_per_s: float

    @property
    def fraction(self) -> float | None:
        return min(1.0, self.done / self.total) if self.total else None


@dataclass(frozen=True, slots=True)
class LiveData:
    time: float  # epoch when gathered
    snapshot: Snapshot
    stats: EngineStats
    transfers: tuple[TransferInfo, ...]
    bans: tuple[tuple[str, bool], ...]  # (network, permanent)
    announced_name: str | None
    share_available: bool = True  # False while the shared folder is gone (server/health.py)
    uploads: tuple[UnfinishedUpload, ...] = ()  # resumable uploads waiting for bytes
    thumbnails: ThumbStats | None = None  # what the thumbnail threads do; None: not sharing


def collect(engine: ServerEngine) -> LiveData:
    """Everything the Traffic and Clients views show, in one consistent-enough read. Times are
    read on the engine's clock, the one its transfers and records are timed by."""
    now = engine.clock.time()
    snapshot = engine.monitor.snapshot(now)
    monotonic = engine.clock.monotonic()
    transfers = tuple(
        TransferInfo(t.id, t.client, t.user, t.path, t.direction, t.total, t.done,
                     t.speed(monotonic))
        for t in engine.control.transfers())
    return LiveData(now, snapshot, engine.stats(), transfers, tuple(engine.policy.bans()),
                    engine.announced_name, engine.share_available,
                    tuple(engine.unfinished_uploads()), engine.thumbnail_stats())


class ConnectionHistory:
    """Active connections sampled once per refresh, one value per epoch second."""

    def __init__(self, seconds: int = SERIES_SECONDS) -> None:
        self._samples: deque[tuple[int, int]] = deque(maxlen=seconds)

    def add(self, when: float, active: int) -> None:
        second = int(when)
        if self._samples and self._samples[-1][0] == second:
            self._samples.pop()
        self._samples.append((second, active))

    def clear(self) -> None:
        self._samples.clear()

    def series(self, last_second: int, count: int) -> list[float]:
        """``count`` values ending at ``last_second``; a gap repeats the previous sample."""
        known = dict(self._samples)
        values: list[float] = []
        current = 0.0
        for second in range(last_second - count + 1, last_second + 1):
            current = float(known.get(second, current))
            values.append(current)
        return values


class MonitorFeed(PolledFeed):
    """While a share runs, gathers ``LiveData`` every ``interval_ms`` in a worker thread and
    emits ``updated`` in the GUI thread. At most one gathering is in flight at a time."""

    updated = Signal(LiveData)

    def __init__(self, engine: ServerEngine, interval_ms: int = REFRESH_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(THREAD_NAME, interval_ms, parent)
        self._engine = engine

    def start(self) -> None:
        self._start_polling()

    def stop(self) -> None:
        """Stop the timer and wait for the gathering in flight (tens of ms at most)."""
        self._stop_polling()

    def _gather(self) -> LiveData:
        return collect(self._engine)

    def _accept(self, result: LiveData) -> None:
        self.updated.emit(result)


class ShareHealthFeed(QObject):
    """Whether the running share's folder is there, for the GUI thread. The engine's health
    thread reports a change (at most about half a second after it happened); ``changed`` is
    then emitted in the GUI thread with the engine's current answer."""

    changed = Signal(bool)  # True: the folder is there (again)
    _heard = Signal()  # emitted from the engine's health thread (queued)

    def __init__(self, engine: ServerEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._available = True
        self._heard.connect(self.refresh)
        engine.add_health_listener(self._on_engine_change)

    @property
    def available(self) -> bool:
        return self._available

    def refresh(self) -> None:
        """Read the engine's flag now; emits ``changed`` when it differs from the last one."""
        available = self._engine.share_available
        if available != self._available:
            self._available = available
            self.changed.emit(available)

    def detach(self) -> None:
        self._engine.remove_health_listener(self._on_engine_change)

    def _on_engine_change(self, _available: bool) -> None:
        # The flag is read again in the GUI thread: a late report of a stopped share says nothing.
        with contextlib.suppress(RuntimeError):  # this object was deleted meanwhile
            self._heard.emit()
