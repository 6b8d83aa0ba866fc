"""Platform seams: the fast paths Linux offers, and what every other system takes instead.

``features`` says which fast paths the running system has. Callers read its fields when they
act, never into constants of their own, so that ``force_fallbacks()`` (what Windows would take:
every field False) reaches all of them; ``pytest --portable`` runs the server tests so. This
module holds the features and the seams of sockets, locks and descriptors; folders and the
names in them are ``server.portable_folders``.
"""

from __future__ import annotations

import contextlib
import gc
import os
import select
import selectors
import socket
import stat
import struct
import sys
import threading
import time
from dataclasses import dataclass, fields
from enum import Enum

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
try:
    import resource
except ImportError:  # Windows: no limit on descriptors to raise
    resource = None  # type: ignore[assignment]

SIOCOUTQ = 0x5411  # Linux, == TIOCOUTQ: bytes in a socket's send queue not yet acknowledged
_INT = struct.Struct("i")
_JUNCTION = 0xA0000003  # Windows' IO_REPARSE_TAG_MOUNT_POINT
_LOCK_WAIT = 10.0  # seconds a lock without a blocking call (Windows) is retried
_SH = "/bin/sh"
# Sets the limit, then becomes the command: nothing of the command runs before the limit holds.
# (preexec_fn would do it in Python between fork and exec, which is unsafe with threads.)
_CAPPED = 'ulimit -v "$1" 2>/dev/null; shift; exec "$@"'


@dataclass(slots=True)
class Features:
    sendfile: bool  # os.sendfile from a file to a socket
    msg_more: bool  # socket.MSG_MORE: hold a short send back until more follows
    sendmsg: bool  # socket.sendmsg: several buffers in one call
    poll: bool  # select.poll (and a selector better than select())
    send_queue: bool  # ioctl SIOCOUTQ: the bytes a client has not acknowledged yet
    proc_fd: bool  # /proc/self/fd names what a descriptor opened
    getpath: bool  # fcntl F_GETPATH (macOS) does the same
    flock: bool  # fcntl.flock between processes
    no_follow: bool  # os.O_NOFOLLOW
    dir_fd: bool  # open/stat/mkdir/unlink/rename/link relative to a folder, scandir(fd)
    pread: bool  # os.pread
    dev_fd: bool  # /dev/fd/N opens a descriptor a child process inherited (pass_fds)
    open_path: bool  # os.O_PATH: a descriptor of where a path leads, the file itself unopened
    child_memory_cap: bool  # /bin/sh's ``ulimit -v`` caps a child's address space (Linux)


def detect() -> Features:
    relative = {os.open, os.stat, os.mkdir, os.unlink, os.rename, os.link}
    by_descriptor = {os.scandir, getattr(os, "statvfs", None)}
    linux = sys.platform.startswith("linux")
    return Features(
        sendfile=hasattr(os, "sendfile"), msg_more=hasattr(socket, "MSG_MORE"),
        sendmsg=hasattr(socket.socket, "sendmsg"), poll=hasattr(select, "poll"),
        send_queue=linux and fcntl is not None, proc_fd=linux and os.path.isdir("/proc/self/fd"),
        getpath=sys.platform == "darwin" and fcntl is not None,
        flock=hasattr(fcntl, "flock"), no_follow=hasattr(os, "O_NOFOLLOW"),
        dir_fd=relative <= os.supports_dir_fd and by_descriptor <= os.supports_fd,
        pread=hasattr(os, "pread"),
        dev_fd=os.name == "posix" and os.path.isdir("/dev/fd"),
        open_path=hasattr(os, "O_PATH"),
        child_memory_cap=linux and os.path.exists(_SH))


features = detect()


def force_fallbacks() -> None:
    """Take every fallback, as on Windows (tests: ``pytest --portable``)."""
    for field in fields(Features):
        setattr(features, field.name, False)


def use_detected() -> None:
    """The running system's fast paths again."""
    detected = detect()
    for field in fields(Features):
        setattr(features, field.name, getattr(detected, field.name))


def msg_more_flag() -> int:
    return socket.MSG_MORE if features.msg_more else 0


def no_follow_flag() -> int:
    return os.O_NOFOLLOW if features.no_follow else 0


def is_link(st: os.stat_result) -> bool:
    """A symbolic link, or on Windows a junction (a folder's mount point: lstat reports it as
    a folder, but it leads elsewhere like a link). Only a folder is asked for its reparse
    tag: a listing calls this for every entry, and the attribute lookup that fails on POSIX
    cost more than the rest."""
    mode = st.st_mode
    return stat.S_ISLNK(mode) or (
        stat.S_ISDIR(mode) and getattr(st, "st_reparse_tag", 0) == _JUNCTION)


def can_name_opened() -> bool:
    """Whether opened_path can answer."""
    return features.proc_fd or features.getpath


def memory_capped(command: list[str], max_bytes: int) -> list[str]:
    """``command`` run with its address space capped at ``max_bytes`` (an allocation beyond it
    fails) where the system can (``features.child_memory_cap``), else as it is. Best effort: a
    lower hard limit already set stays, and the command runs."""
    if not features.child_memory_cap:
        return command
    return [_SH, "-c", _CAPPED, "sh", str(max_bytes // 1024), *command]


def opened_path(fd: int) -> str | None:
    """The path the kernel holds for an open descriptor, or None where it cannot be asked."""
    if features.proc_fd:
        with contextlib.suppress(OSError):
            return os.readlink(f"/proc/self/fd/{fd}")
    if features.getpath:
        try:
            raw = fcntl.fcntl(fd, getattr(fcntl, "F_GETPATH", 50), b"\0" * 1024)
        except OSError:
            return None
        return os.fsdecode(raw.split(b"\0", 1)[0])
    return None


# -- the process ------------------------------------------------------------------------------

OPEN_FILES_CAP = 65_536  # descriptors asked for at most, whatever the hard limit allows
_DARWIN_OPEN_MAX = 10_240  # macOS refuses a soft limit above OPEN_MAX, whatever the hard one


def raise_open_files_limit(cap: int = OPEN_FILES_CAP) -> int | None:
    """Raise this process's soft limit on open descriptors to its hard limit (at most ``cap``),
    as nginx and most servers do; called by the entry points (``pier serve``, the window). The
    usual soft limits (1,024 on Linux, 256 on macOS) are what a few hundred connections with
    a file or a folder walk open each exhaust. Returns the soft limit now in force, None where
    the system has none (Windows)."""
    if resource is None:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = cap if hard == resource.RLIM_INFINITY else min(hard, cap)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        for limit in (wanted, min(wanted, _DARWIN_OPEN_MAX)):
            try:
                resource.setrlimit(resource.RLIMIT_NOFILE, (limit, hard))
                break
            except (ValueError, OSError):
                continue
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


YOUNG_COLLECTION_EVERY = 50_000  # container objects made between two young collections


def tune_collector() -> None:
    """Collect young objects every YOUNG_COLLECTION_EVERY allocations instead of CPython's 700;
    called by the entry points. A 100,000-entry listing makes some 300,000 short-lived tuples
    and stat results: the default ran hundreds of young and several full collections through
    it, 5-8% of the listing's time; what is left for a collection to find is a few MB at most."""
    young, middle, old = gc.get_threshold()
    if 0 < young < YOUNG_COLLECTION_EVERY:
        gc.set_threshold(YOUNG_COLLECTION_EVERY, middle, old)


# -- files, sockets, locks --------------------------------------------------------------------


def read_at(fd: int, size: int, offset: int) -> bytes:
    """``size`` bytes (fewer at the end) of file ``fd`` from ``offset``. Without pread the
    descriptor's position moves: it must be this caller's own."""
    if features.pread:
        return os.pread(fd, size, offset)
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, size)


def unacknowledged_bytes(fd: int) -> int | None:
    """Bytes sent on socket ``fd`` that the peer has not acknowledged yet (including those not
    sent at all); None where the system cannot tell."""
    if not features.send_queue:
        return None
    try:
        return int(_INT.unpack(fcntl.ioctl(fd, SIOCOUTQ, bytes(_INT.size)))[0])
    except OSError:
        return None


def wait_ready(fd: int, seconds: float, *, readable: bool = False) -> bool:
    """Wait until socket ``fd`` is writable (or readable); False after ``seconds`` without.
    Errors and hang-ups count as ready, so that the next call reports them."""
    if features.poll:
        poller = select.poll()
        poller.register(fd, select.POLLIN if readable else select.POLLOUT)
        return bool(poller.poll(seconds * 1000))
    watched = [fd]
    ready = select.select(watched, [], watched, seconds) if readable else \
        select.select([], watched, watched, seconds)
    return any(ready)


class Wake(Enum):
    NOTHING = "nothing"
    READABLE = "readable"
    FAILED = "failed"  # an error or a hang-up


def watch(fd: int, seconds: float, *, readable: bool) -> Wake:
    """Wait up to ``seconds`` for socket ``fd`` to fail or, when ``readable``, to have bytes.
    select() cannot tell a hang-up from bytes to read (READABLE), nor wait for failures
    alone (it sleeps)."""
    if features.poll:
        poller = select.poll()
        poller.register(fd, select.POLLIN if readable else 0)  # failures are always reported
        events = poller.poll(seconds * 1000)
        if not events:
            return Wake.NOTHING
        failed = events[0][1] & (select.POLLERR | select.POLLHUP | select.POLLNVAL)
        return Wake.FAILED if failed else Wake.READABLE
    if not readable:
        time.sleep(seconds)
        return Wake.NOTHING
    return Wake.READABLE if any(select.select([fd], [], [fd], seconds)) else Wake.NOTHING


def new_selector() -> selectors.BaseSelector:
    return selectors.DefaultSelector() if features.poll else selectors.SelectSelector()


SELECT_ROOM = 500  # Windows' select() takes 512 sockets (CPython's FD_SETSIZE); a few are ours


def selector_room() -> int | None:
    """How many connections one of new_selector's selectors can watch; None: no bound but
    the descriptors (epoll, kqueue, poll). select() stops at FD_SETSIZE."""
    return None if features.poll else SELECT_ROOM


def lock_file(fd: int) -> bool:
    """Lock the open file ``fd`` against other processes until it is closed; False where the
    system offers no lock (then nothing is locked). TimeoutError where locking cannot wait
    (Windows) and the lock stays taken for 10 s."""
    if features.flock:
        fcntl.flock(fd, fcntl.LOCK_EX)
        return True
    if sys.platform != "win32":
        return False
    import msvcrt

    deadline = time.monotonic() + _LOCK_WAIT
    while True:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError("the file stays locked by another program") from None
            threading.Event().wait(0.05)
