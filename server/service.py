"""What ``pier serve`` needs to run as a service: its signals as flags that wake its main loop,
and systemd's readiness notification. The CLI entry point (server/cli.py) wires both; the
reload a SIGHUP asks for is server/reload.py.

A signal handler does no work: it sets a flag, and ``signal.set_wakeup_fd`` writes a byte to a
socket the main loop waits on, so the loop wakes at once and does the work itself (a reload
reads files and may make a certificate; none of that belongs in a handler). Windows has no
SIGHUP: there a reload is a restart.
"""

from __future__ import annotations

import contextlib
import logging
import select
import signal
import socket
from types import FrameType

log = logging.getLogger("pier.service")

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
RELOAD_SIGNAL: signal.Signals | None = getattr(signal, "SIGHUP", None)  # None on Windows


class SignalInbox:
    """SIGINT/SIGTERM set ``stop``, SIGHUP sets a reload request; ``wait`` returns when one
    arrives (or after ``timeout``). Install it on the main thread, before the share's URL is
    printed: a script may signal right after reading it."""

    def __init__(self) -> None:
        self.stop = False
        self._reload = False
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._previous_fd = -1

    def install(self) -> None:
        self._previous_fd = signal.set_wakeup_fd(self._wake_w.fileno(),
                                                 warn_on_full_buffer=False)
        for number in STOP_SIGNALS:
            signal.signal(number, self._on_stop)
        if RELOAD_SIGNAL is not None:
            signal.signal(RELOAD_SIGNAL, self._on_reload)

    def _on_stop(self, _signum: int, _frame: FrameType | None) -> None:
        self.stop = True

    def _on_reload(self, _signum: int, _frame: FrameType | None) -> None:
        self._reload = True

    def wait(self, timeout: float | None) -> None:
        """Until a signal arrives (its handler has run by then) or ``timeout`` seconds."""
        if self.stop or self._reload:
            return
        select.select([self._wake_r], [], [], timeout)
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while self._wake_r.recv(512):
                pass

    def take_reload(self) -> bool:
        """Whether a reload was asked for since the last call (several SIGHUPs: one reload)."""
        asked, self._reload = self._reload, False
        return asked

    def close(self) -> None:
        signal.set_wakeup_fd(self._previous_fd)
        self._wake_r.close()
        self._wake_w.close()


def notify_systemd(address: str | None, *states: str) -> bool:
    """Send ``states`` (``READY=1``, ``RELOADING=1``, ``STOPPING=1``...) to the service
    manager at ``address`` (the NOTIFY_SOCKET the entry point read: a path, or ``@name`` for
    an abstract socket). False when there is none; a failure is logged, never raised: the
    share serves either way."""
    if not address or not hasattr(socket, "AF_UNIX") or address[0] not in "/@":
        return False
    target = "\0" + address[1:] if address.startswith("@") else address
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(target)
            sock.sendall("\n".join(states).encode())
    except OSError as err:
        log.warning("cannot notify the service manager at %s: %s", address, err)
        return False
    return True
