"""Texts between the window and the page (issue 15, "Text and clipboard").

The window shares one text with everyone allowed to read the share: a card on top of every
listing and ``GET /.well-known/pier/text``, until it is cleared or the share stops. Visitors
send texts with ``POST /folder/`` (a ``text`` field, server/writes.py); each saved text is told
to the listeners as a ``TextReceived``, from the worker that saved it. Thread-safe and free of
Qt: the app bridges the events to its GUI thread (app/text_share.py)."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from server.clock import SYSTEM_CLOCK, Clock
from server.errors import ConfigError

TEXT_LIMIT = 1024 * 1024  # bytes of UTF-8, for a text shared or sent


@dataclass(frozen=True, slots=True)
class SharedText:
    text: str
    updated: float  # wall-clock seconds since the epoch
    serial: int = 0  # counts the texts an engine shared: tells two texts of one second apart

    @property
    def key(self) -> str:
        """Names this text among all shared ones (the page remembers a dismissed card by it)."""
        return f"{self.updated:.6f}-{self.serial}"

    @property
    def updated_iso(self) -> str:
        return datetime.fromtimestamp(self.updated, UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class TextReceived:
    """A text a visitor sent, as saved in the share."""

    time: float  # wall-clock seconds since the epoch
    client: str  # the sender's IP address
    user: str  # account name, "" when anonymous
    name: str  # the file name it was saved under
    url: str  # the file's URL path (percent-encoded)
    text: str


TextListener = Callable[[TextReceived], None]


class TextBoard:
    """The shared text and the listeners to received texts of one engine."""

    def __init__(self, clock: Clock = SYSTEM_CLOCK) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._shared: SharedText | None = None
        self._listeners: list[TextListener] = []
        self._serials = itertools.count(1)

    @property
    def shared(self) -> SharedText | None:
        return self._shared  # one reference read: atomic

    def share(self, text: str) -> SharedText | None:
        """Show ``text`` to every reader (an empty text clears). ConfigError when too long."""
        try:
            size = len(text.encode("utf-8"))
        except UnicodeEncodeError:
            raise ConfigError("The text holds characters that cannot be sent.") from None
        if size > TEXT_LIMIT:
            raise ConfigError(f"The text is too long to share (at most {TEXT_LIMIT // 1024} KiB).")
        shared = SharedText(text, self._clock.time(), next(self._serials)) if text else None
        self._shared = shared
        return shared

    def clear(self) -> None:
        self._shared = None

    def add_listener(self, listener: TextListener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: TextListener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def received(self, event: TextReceived) -> None:
        """Tell every listener (on the calling thread; listeners must not block)."""
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(event)
