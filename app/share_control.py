"""What the window may do to the share, and what it may read of it, as one Qt service.

The widgets never hold the engine: they call ``ShareControl`` (disconnect, ban, unban, cancel a
transfer or an unfinished resumable upload, limits and the allow-list) and listen to its
signals; live data arrives through its ``feed`` (``MonitorFeed``), the folder's health
through its ``health`` (``ShareHealthFeed``) and thumbnails of the share's files through its
``thumbnails`` (``ThumbnailFeed``).

Banning and unbanning may write ``bans.json`` with fsync, and disconnecting aborts sockets, so
those run in one worker thread, one after another in the order asked; the result comes back as
a signal in the GUI thread. Bad input is refused at once, before anything is queued.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance

from app.i18n import QT_TRANSLATE_NOOP, translate
from app.monitor_feed import MonitorFeed, ShareHealthFeed
from app.text_share import TextShare
from app.thumbnail_feed import ThumbnailFeed
from app.traffic_settings import TrafficChoices, apply_allow_list, apply_limits
from server.control import TrafficLimits, parse_network
from server.engine import EngineStats, ServerEngine
from server.errors import PierError
from server.tus_store import UploadBusy

log = logging.getLogger(__name__)

THREAD_NAME = "pier-control"
# the titles of the ``failed`` signal, in English: the window translates them (ClientsView)
BAN_FAILED = QT_TRANSLATE_NOOP("ClientsView", "Cannot ban")
UNBAN_FAILED = QT_TRANSLATE_NOOP("ClientsView", "Cannot unban")
DISCONNECT_FAILED = QT_TRANSLATE_NOOP("ClientsView", "Cannot disconnect")
CANCEL_UPLOAD_FAILED = QT_TRANSLATE_NOOP("ClientsView", "Cannot cancel the upload")


class SerialWorker:
    """Runs jobs one after another in one thread, started when a job comes and ended when none
    is left, so no thread idles for the life of the window."""

    def __init__(self, name: str = THREAD_NAME) -> None:
        self._name = name
        self._lock = threading.Lock()
        self._jobs: deque[Callable[[], None]] = deque()
        self._thread: threading.Thread | None = None

    def submit(self, job: Callable[[], None]) -> None:
        with self._lock:
            self._jobs.append(job)
            if self._thread is None:
                # not a daemon: a permanent ban asked for just before quitting is still saved
                self._thread = threading.Thread(target=self._run, name=self._name)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._jobs:
                    self._thread = None
                    return
                job = self._jobs.popleft()
            try:
                job()
            except Exception:  # a job reports its own failures; this one is a bug
                log.exception("a share control job failed")

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._thread is not None

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every job submitted so far has run; False when ``timeout`` passed."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                thread = self._thread
            if thread is None:
                return True
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            thread.join(remaining)
            if thread.is_alive():
                return False


class ShareControl(QObject):
    """The running share as the window sees it. Lives as long as the controller: limits, bans
    and the allow-list are kept across stop and start, so they may be set while stopped too."""

    banned = Signal(str, bool)  # network as "192.0.2.7/32", permanent: in force (and saved)
    unbanned = Signal(str)  # network: may connect again
    disconnected = Signal(str, int)  # client address, connections closed
    cancelled = Signal(int)  # transfer id: stopped
    upload_cancelled = Signal(str, bool)  # upload key, True: removed (False: it was gone)
    allow_list_changed = Signal(list)  # list[str] of networks in force; [] = anyone may connect
    failed = Signal(str, str)  # title, message: an action in the worker could not be done
    changed = Signal()  # something the live data shows changed: ``feed`` refreshes soon

    def __init__(self, engine: ServerEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._worker = SerialWorker()
        self.feed = MonitorFeed(engine, parent=self)
        self.health = ShareHealthFeed(engine, parent=self)
        self.texts = TextShare(engine, parent=self)  # the shared text, texts received
        self.thumbnails = ThumbnailFeed(engine, clock=engine.clock, parent=self)
        self.changed.connect(self.feed.refresh)

    # ---- actions ----------------------------------------------------------------------------

    def disconnect_client(self, client: str) -> None:
        """Close every connection of ``client`` (an IP address); ``disconnected`` tells how
        many. ConfigError at once when ``client`` is not an address."""
        parse_network(client)
        self._worker.submit(lambda: self._disconnect(client))

    def ban(self, target: str, *, permanent: bool = False) -> str:
        """Refuse an address or network (and drop its connections); permanent bans are saved
        and hold after a restart. Returns the network as it will be listed; ``banned`` says
        when it is in force. ConfigError at once for a bad address."""
        network = str(parse_network(target))
        self._worker.submit(lambda: self._ban(network, permanent))
        return network

    def unban(self, network: str) -> None:
        """Let ``network`` connect again; ``unbanned`` says when. ConfigError at once for a bad
        network."""
        parse_network(network)
        self._worker.submit(lambda: self._unban(network))

    def cancel(self, transfer_id: int) -> bool:
        """Stop a running download or upload now (it only sets a flag). False when it is no
        longer running."""
        done = self._engine.control.cancel(transfer_id)
        if done:
            self.cancelled.emit(transfer_id)
        self.changed.emit()
        return done

    def cancel_upload(self, key: str) -> None:
        """End an unfinished resumable upload (UnfinishedUpload.key): its partial file and
        record are removed in the worker thread (a chunk arriving stops first), and
        ``upload_cancelled`` tells when; the uploader's next request gets 404."""
        self._worker.submit(lambda: self._cancel_upload(key))

    def set_limits(self, choices: TrafficChoices) -> TrafficLimits:
        """Put the bandwidth limits of ``choices`` in force at once, also for running
        downloads."""
        apply_limits(self._engine, choices)
        return self._engine.control.limits

    def set_allow_list(self, choices: TrafficChoices) -> list[str]:
        """Allow-list mode on with the checked entries, or off. Returns the networks in force,
        [] when anyone may connect; ConfigError (and the rules left as they were) when the
        list is not valid."""
        apply_allow_list(self._engine, choices)
        allowed = self.allow_list()
        self.allow_list_changed.emit(allowed)
        return allowed

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the actions asked for so far (tests, and quitting); False on timeout."""
        return self._worker.wait(timeout)

    # ---- reading ----------------------------------------------------------------------------

    def bans(self) -> list[tuple[str, bool]]:
        """(network, permanent) pairs, sorted."""
        return self._engine.policy.bans()

    def allow_list(self) -> list[str]:
        """The networks allow-list mode lets in; [] when it is off (anyone may connect)."""
        return self._engine.policy.allow_list or []

    def limits(self) -> TrafficLimits:
        return self._engine.control.limits

    def stats(self) -> EngineStats:
        """Connections and totals now (cheap: counters under a lock)."""
        return self._engine.stats()

    @property
    def announced_name(self) -> str | None:
        return self._engine.announced_name

    # ---- worker thread ----------------------------------------------------------------------

    def _disconnect(self, client: str) -> None:
        try:
            closed = self._engine.disconnect(client)
        except (PierError, OSError, ValueError) as err:
            self._emit(self.failed, DISCONNECT_FAILED, str(err))
            return
        self._emit(self.disconnected, client, closed)

    def _ban(self, network: str, permanent: bool) -> None:
        try:
            self._engine.ban(network, permanent=permanent)
        except (PierError, OSError) as err:
            self._emit(self.failed, BAN_FAILED, str(err))
            return
        self._emit(self.banned, network, permanent)

    def _unban(self, network: str) -> None:
        try:
            self._engine.policy.unban(network)
        except (PierError, OSError) as err:
            self._emit(self.failed, UNBAN_FAILED, str(err))
            return
        self._emit(self.unbanned, network)

    def _cancel_upload(self, key: str) -> None:
        try:
            removed = self._engine.cancel_upload(key)
        except UploadBusy:
            self._emit(self.failed, CANCEL_UPLOAD_FAILED,
                       translate("ClientsView", "The upload is still receiving a chunk that "
                                 "would not stop; try again in a moment."))
            return
        except OSError as err:
            self._emit(self.failed, CANCEL_UPLOAD_FAILED, str(err))
            return
        self._emit(self.upload_cancelled, key, removed)

    def _emit(self, signal: SignalInstance, *args: object) -> None:
        """Emit from the worker thread: Qt queues it to the GUI thread's receivers. Then ask
        the live data again, which shows the result."""
        with contextlib.suppress(RuntimeError):  # this object was deleted meanwhile (quit)
            signal.emit(*args)
            self.changed.emit()
