"""The one way Pier writes its own files (settings, users, keys, bans): a crash or a kill at
any moment leaves either the previous version or the new one, never a mix."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from server.portable import lock_file


def write_atomic(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder, fsync and rename.

    ``private`` files (keys, the user store) are created with mode 0600 from the start.
    OSError is left to the caller, which knows what the file is for."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600 if private else 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def sidecar_lock(path: Path, error: type[Exception], what: str) -> Iterator[None]:
    """An exclusive lock between processes on ``<path>.lock`` while ``path`` is changed (the
    accounts, the share links). Where the system has no such lock, changes are serialised only
    within one process. Failures raise ``error`` with a sentence naming ``what``, e.g. "the
    links file"."""
    lock_path = path.with_name(path.name + ".lock")
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as err:
        raise error(f"Cannot lock {what} {path}: {err.strerror or err}.") from None
    try:
        try:
            lock_file(fd)
        except TimeoutError:
            raise error(f"{what[:1].upper()}{what[1:]} is locked by another program.") from None
        yield
    finally:
        os.close(fd)  # closing releases the lock
