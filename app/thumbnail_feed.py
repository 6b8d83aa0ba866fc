"""Thumbnails of the share's files for the window (the Traffic tab's busiest paths).

``ServerEngine.thumbnail_for`` blocks while the share's thumbnail thread makes a picture (a
few hundred ms for a phone photo, more behind a queue of others), so the feed asks it in one
background thread and the GUI reads only the feed's cache: ``picture`` answers at once, and
``ready`` is emitted in the GUI thread when a picture arrives. Only names that can have a
picture (server/thumb_kinds.py: pictures, and videos when ffmpeg makes posters) are asked
about, each once while its answer is kept. No answer (a file that gives no picture, one a
visitor may not read, a full thumbnail queue) is asked again after ``retry_s`` at the
earliest. ``forget`` (the share stopped) drops everything and ends the thread.
"""

from __future__ import annotations

import contextlib
import logging
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from urllib.parse import unquote

from PySide6.QtCore import QObject, Qt, Signal

from server.clock import SYSTEM_CLOCK, Clock
from server.engine import ServerEngine
from server.thumb_kinds import IMAGE, VIDEO, media_kind

log = logging.getLogger(__name__)

THREAD_NAME = "pier-thumb-feed"
MAX_KEPT = 64  # the window shows 20 paths at most
RETRY_S = 30.0


def may_have_picture(path: str) -> bool:
    """Whether the file at ``path`` (a request's path, percent-encoded) is a kind that can
    have a thumbnail: a picture or a video, by its name."""
    name = unquote(path.partition("?")[0], errors="replace")
    return media_kind(name) in (IMAGE, VIDEO)


class ThumbnailFeed(QObject):
    """Thumbnails (JPEG bytes) by path, as a visitor without an account may see them."""

    ready = Signal(str, object)  # path (without its query), JPEG bytes: in the GUI thread
    _delivered = Signal(int, str, object)  # generation, path, bytes | None: from the thread

    def __init__(self, engine: ServerEngine, *, clock: Clock = SYSTEM_CLOCK,
                 max_kept: int = MAX_KEPT, retry_s: float = RETRY_S,
                 parent: QObject | None = None) -> None:
        """``clock`` times when a missing picture may be asked for again."""
        super().__init__(parent)
        self._engine = engine
        self._clock = clock
        self._max_kept = max_kept
        self._retry_s = retry_s
        self._kept: OrderedDict[str, tuple[bytes | None, float]] = OrderedDict()
        self._asking: set[str] = set()
        self._generation = 0  # answers asked before the last forget() are dropped
        self._executor: ThreadPoolExecutor | None = None
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    def picture(self, path: str) -> bytes | None:
        """The thumbnail of ``path`` (as RequestRecord.path holds it; a query is ignored) when
        it is known. Else None, and it is asked for in the background while the share runs:
        ``ready`` follows when there is one. Never blocks."""
        path = path.partition("?")[0]
        if not may_have_picture(path) or not self._engine.running:
            return None
        kept = self._kept.get(path)
        if kept is not None:
            data, when = kept
            self._kept.move_to_end(path)
            if data is not None or self._clock.monotonic() - when < self._retry_s:
                return data
        self._ask(path)
        return None

    @property
    def asking(self) -> int:
        """Paths asked for whose answer has not come yet."""
        return len(self._asking)

    def forget(self) -> None:
        """Drop every kept picture and every question in flight (the share stopped: the next
        one may share other files under the same names); the thread ends."""
        self._generation += 1
        self._kept.clear()
        self._asking.clear()
        executor, self._executor = self._executor, None
        if executor is not None:
            # A question in flight returns once the engine's thumbnail thread answers or stops.
            executor.shutdown(wait=False, cancel_futures=True)

    def _ask(self, path: str) -> None:
        if path in self._asking:
            return
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix=THREAD_NAME)
        self._asking.add(path)
        generation = self._generation
        future = self._executor.submit(self._engine.thumbnail_for, path)
        future.add_done_callback(lambda done: self._on_done(generation, path, done))

    def _on_done(self, generation: int, path: str, future: Future[bytes | None]) -> None:
        """In the feed's thread (or the GUI thread for a cancelled question)."""
        data = None
        if not future.cancelled():
            try:
                data = future.result()
            except Exception:  # a failing thumbnail must not end the feed
                log.exception("asking the thumbnail of %s failed", path)
        with contextlib.suppress(RuntimeError):  # this object was deleted meanwhile
            self._delivered.emit(generation, path, data)

    def _on_delivered(self, generation: int, path: str, data: bytes | None) -> None:
        if generation != self._generation:
            return
        self._asking.discard(path)
        self._kept[path] = (data or None, self._clock.monotonic())
        self._kept.move_to_end(path)
        while len(self._kept) > self._max_kept:
            self._kept.popitem(last=False)
        if data:
            self.ready.emit(path, data)
