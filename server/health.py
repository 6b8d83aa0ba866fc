"""Is the shared folder still there? (issue 22 §3)

A share's folder can vanish while it is shared: deleted, renamed, or its USB disk unplugged. An
empty mount point then sits at the same path, and serving it would show visitors an empty share
(and take their uploads onto the wrong disk). So the share remembers the folder's identity at
start (device and inode) and a small thread looks again about twice a second: a path that is
missing, not a folder, or a folder with another identity makes the share *unavailable*; the
same identity again makes it available. Requests only read the ``available`` flag (one
attribute, no system call): while it is down they get 503 "This share is unavailable".
"""

from __future__ import annotations

import logging
import os
import stat
import threading
from collections.abc import Callable

from server.errors import FolderError
from server.http11 import HttpError
from server.page_i18n import N_

log = logging.getLogger("pier.server")

CHECK_INTERVAL = 0.5  # seconds between two looks at the folder
RETRY_AFTER = 5  # seconds a visitor is told to wait
THREAD_NAME = "pier-health"
UNAVAILABLE_TITLE = N_("This share is unavailable")
UNAVAILABLE_DETAIL = N_("The shared folder is not there right now: it was removed or renamed, or "
                      "its disk was unplugged. Try again later.")

Identity = tuple[int, int]  # (st_dev, st_ino)
Stat = Callable[[str], os.stat_result]


class ShareUnavailable(HttpError):
    """The 503 answered while the shared folder is gone: the page has ``title`` as its heading
    and ``detail`` under it; a JSON answer's "error" says both."""

    title = UNAVAILABLE_TITLE
    detail = UNAVAILABLE_DETAIL

    def __init__(self) -> None:
        super().__init__(503, f"{UNAVAILABLE_TITLE}. {UNAVAILABLE_DETAIL}", close=False,
                         headers=f"Retry-After: {RETRY_AFTER}\r\n".encode("ascii"))

    def localize(self, gettext: Callable[[str], str]) -> str:
        return f"{gettext(UNAVAILABLE_TITLE)}. {gettext(UNAVAILABLE_DETAIL)}"


class Availability:
    """The flag every request reads. This base is always available (a handler on its own)."""

    __slots__ = ("available",)

    def __init__(self) -> None:
        self.available = True


def identity_of(st: os.stat_result) -> Identity:
    return st.st_dev, st.st_ino


class ShareHealth(Availability):
    """Watches one share's folder from its own thread; ``on_change(available)`` is called from
    that thread on every change (keep it short)."""

    def __init__(self, root: str, identity: Identity, *,
                 on_change: Callable[[bool], None] = lambda _available: None,
                 interval: float = CHECK_INTERVAL, stat_path: Stat = os.lstat) -> None:
        super().__init__()
        self.root = root
        self.identity = identity
        self.looks = 0  # how many times the folder was looked at (tests wait on it)
        self._on_change = on_change
        self._interval = interval
        self._stat = stat_path
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def of(cls, root: str, *, on_change: Callable[[bool], None] = lambda _available: None,
           interval: float = CHECK_INTERVAL, stat_path: Stat = os.lstat) -> ShareHealth:
        """The health of the folder at ``root`` as it is now; FolderError when it is gone."""
        try:
            st = stat_path(root)
        except OSError as err:
            raise FolderError(f"The folder {root} cannot be read: {err.strerror}.") from None
        if not stat.S_ISDIR(st.st_mode):
            raise FolderError(f"{root} is not a folder.")
        return cls(root, identity_of(st), on_change=on_change, interval=interval,
                   stat_path=stat_path)

    def check(self) -> bool:
        """Look at the folder once and update ``available``; returns it."""
        try:
            st = self._stat(self.root)
            there = stat.S_ISDIR(st.st_mode) and identity_of(st) == self.identity
        except OSError:
            there = False
        self.looks += 1
        if there != self.available:
            self.available = there
            if there:
                log.warning("the shared folder %s is back: sharing again", self.root)
            else:
                log.warning("the shared folder %s is gone: visitors get 503", self.root)
            try:
                self._on_change(there)
            except Exception:  # a listener's bug must not end the watch
                log.exception("a share health listener failed")
        return there

    def start(self) -> None:
        self._thread = threading.Thread(target=self._watch, name=THREAD_NAME, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 1.0) -> None:
        """Stop watching; waits up to ``timeout`` (a stat on a dead network mount may hang)."""
        self._stopping.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)

    def _watch(self) -> None:
        while not self._stopping.wait(self._interval):
            self.check()
