"""One Pier window per user (per config dir): a lock file says one runs, a local socket asks it to
come forward. ``pier serve`` and the other headless commands never take part."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from server.paths import ensure_private_dir

log = logging.getLogger(__name__)

LOCK_FILE = "pier.lock"
SHOW = b"show\n"
ACK = b"ok\n"
CONNECT_MS = 3000
ANSWER_MS = 3000


def server_name(directory: Path) -> str:
    """A local-socket name unique to this user and config dir, short enough for any OS."""
    who = f"{os.getuid() if hasattr(os, 'getuid') else os.environ.get('USERNAME', '')}"
    digest = hashlib.sha256(f"{who}\0{directory.resolve()}".encode()).hexdigest()[:16]
    return f"pier-{digest}"


class SingleInstance(QObject):
    """``acquire()`` in the first Pier: True, and ``show_requested`` fires when a second one
    starts. In the second: False, then ``ask_running_to_show()``."""

    show_requested = Signal()

    def __init__(self, directory: Path, parent: QObject | None = None) -> None:
        """``directory`` is the config folder (``PierPaths.config``): one Pier per folder."""
        super().__init__(parent)
        self._dir = directory
        self._name = server_name(self._dir)
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        ensure_private_dir(self._dir)
        lock = QLockFile(str(self._dir / LOCK_FILE))
        lock.setStaleLockTime(0)  # never stale by age; a dead owner's lock is still taken over
        if not lock.tryLock(0):
            return False
        self._lock = lock
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self._name)  # left by a Pier that crashed: we hold the lock
        if not server.listen(self._name):
            log.warning("cannot listen for other Pier starts: %s", server.errorString())
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _on_connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_message(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_message(socket)

    def _on_message(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        if bytes(socket.readLine().data()) == SHOW:
            socket.write(ACK)
            socket.flush()
            self.show_requested.emit()
        socket.disconnectFromServer()

    def ask_running_to_show(self) -> bool:
        """Ask the Pier that holds the lock to bring its window forward; True when it said so."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(CONNECT_MS):
            log.warning("another Pier holds %s but does not answer (%s)",
                        self._dir / LOCK_FILE, socket.errorString())
            return False
        socket.write(SHOW)
        socket.waitForBytesWritten(ANSWER_MS)
        answered = socket.waitForReadyRead(ANSWER_MS) and bytes(socket.readAll().data()) == ACK
        socket.disconnectFromServer()
        return answered
