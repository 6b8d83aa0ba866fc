"""Sending one item of an opened, checked folder to the computer's trash (server/file_ops.py:
deletes, and what a move, a copy or an upload replaces), without handing send2trash a path that
a swap can redirect to an item the checks did not see.

send2trash takes a path, and a folder on that path swapped for a link between the last look
and its move would make it trash whatever the link leads to, outside the share too. Where
folders are descriptors and the trash is the freedesktop one (Linux, the BSDs), the item is
first renamed, through the opened folder's descriptor, into a fresh hidden folder beside it
(``.pier-trashing-`` and 128 random bits, mode 0700, one of Pier's own names), keeping its
name; the path handed on ends in that folder, so behind a swapped folder it names nothing,
and the folder's mode keeps other accounts of the computer from putting anything in it. The
``.trashinfo`` send2trash writes then names that folder: its ``Path=`` is corrected to where
the item was, so the desktop puts it back there under its name. On failure the item is renamed
back (under a free "name (1)" if its name was taken meanwhile).

On macOS (Finder's Put Back would name the hidden folder) and where folders have no
descriptors (Windows, ``--portable``) the item's path is handed on after a last look at the
folder and the item (device, inode, kind): a swap between that look and the move remains
possible there.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import sys
from collections.abc import Callable, Iterator

from server.portable_folders import (
    Folder,
    folder_path,
    mkdir_at,
    open_folder_at,
    rename_between,
    rmdir_at,
    stat_at,
)
from server.uploads import TRASHING_PREFIX, free_name

Send = Callable[[str], None]  # send2trash.send2trash for one path
INFO_MAX = 64 * 1024  # a .trashinfo is a few lines
TRASH_NAMES_MAX = 100_000  # "name N" entries looked at (send2trash itself counts up)
_FREEDESKTOP = sys.platform not in ("win32", "cygwin", "darwin")


class ItemChanged(Exception):
    """The name no longer holds the item the checks were made on (device, inode, kind)."""


def trash_item(folder: Folder, name: str, st: os.stat_result, send: Send) -> None:
    """Send ``name`` in ``folder``, which was checked as ``st`` (an lstat), to the trash with
    ``send``. ItemChanged when something else has the name now; an OSError as ``send`` raises
    it (the item is then where it was)."""
    if folder.fd is None or not _FREEDESKTOP:
        _send_by_path(folder, name, st, send)
    else:
        _send_from_aside(folder, name, st, send)


def _send_by_path(folder: Folder, name: str, st: os.stat_result, send: Send) -> None:
    """The path way: a last look at the folder where the system says it is, and at the item."""
    try:
        where = folder_path(folder)
        same = where is not None and _same(os.lstat(os.path.join(where, name)), st) and \
            _identity(os.lstat(where)) == folder.identity
    except OSError:
        same = False
    if not same or where is None:
        raise ItemChanged()
    send(os.path.join(where, name))


def _send_from_aside(folder: Folder, name: str, st: os.stat_result, send: Send) -> None:
    aside_name = TRASHING_PREFIX + secrets.token_hex(16)
    mkdir_at(folder, aside_name, 0o700)
    try:
        with open_folder_at(folder, aside_name) as aside:
            _move_checked(folder, name, aside, st)
            try:
                path = _checked_path(aside, name, st)
                send(path)
            except BaseException:
                _put_back(aside, folder, name)
                raise
            _correct_trash_info(os.path.dirname(path), aside_name, name)
    finally:
        with contextlib.suppress(OSError):
            rmdir_at(folder, aside_name)


def _move_checked(folder: Folder, name: str, aside: Folder, st: os.stat_result) -> None:
    """``name`` into ``aside`` if it is the checked item, before and after the rename."""
    try:
        same = _same(stat_at(folder, name), st)
    except FileNotFoundError:
        same = False
    if not same:
        raise ItemChanged()
    rename_between(folder, name, aside, name)
    if not _same(stat_at(aside, name), st):  # swapped between the look and the rename
        _put_back(aside, folder, name)
        raise ItemChanged()


def _checked_path(aside: Folder, name: str, st: os.stat_result) -> str:
    """The path of the item in ``aside``, where the system says the folder is, if that path
    leads to them now."""
    where = folder_path(aside)
    try:
        same = where is not None and _identity(os.lstat(where)) == aside.identity and \
            _same(os.lstat(os.path.join(where, name)), st)
    except OSError:
        same = False
    if not same or where is None:
        raise ItemChanged()
    return os.path.join(where, name)


def _put_back(aside: Folder, folder: Folder, name: str) -> None:
    """The item back in its folder: under its name, or a free one if that was taken since."""
    with contextlib.suppress(OSError):
        stat_at(aside, name)
        rename_between(aside, name, folder, free_name(folder, name))


# -- the freedesktop .trashinfo ------------------------------------------------------------------


def _correct_trash_info(aside_path: str, aside_name: str, name: str) -> None:
    """send2trash recorded ``Path=`` .../ASIDE/NAME (relative to the trash's top folder, or
    absolute): drop ASIDE/, so the item goes back where it was. Looked for in the trashes
    send2trash may have used, among the entry names it may have given (best effort)."""
    mark = aside_name + "/"  # plain ASCII: percent-encoding leaves it as it is
    for info in _info_folders(os.fsencode(aside_path)):
        for entry in _newest_first(_named_entries(info, os.fsencode(name))):
            if _drop_from_path(entry, mark):
                return


def _named_entries(info: bytes, name: bytes) -> Iterator[bytes]:
    """The .trashinfo files send2trash may have written for ``name``: "NAME", "BASE 1.EXT",
    "BASE 2.EXT"... up to the first it would still find free (it takes the first free one)."""
    base, ext = os.path.splitext(name)
    for counter in range(TRASH_NAMES_MAX):
        candidate = name if counter == 0 else b"%s %d%s" % (base, counter, ext)
        entry = os.path.join(info, candidate + b".trashinfo")
        if not os.path.lexists(entry):
            return
        yield entry


def _newest_first(entries: Iterator[bytes]) -> list[bytes]:
    """The entries by modification time, newest first: the one just written is read first,
    so a delete reads one entry, not every earlier one of its name."""
    dated = []
    for entry in entries:
        with contextlib.suppress(OSError):
            dated.append((os.lstat(entry).st_mtime_ns, entry))
    return [entry for _, entry in sorted(dated, reverse=True)]


def _info_folders(aside_path: bytes) -> Iterator[bytes]:
    import send2trash.plat_other as freedesktop  # loaded by the delete that came before

    yield os.path.join(freedesktop.HOMETRASH_B, b"info")
    top = freedesktop.find_mount_point(aside_path)
    uid = str(freedesktop.uid).encode("ascii")
    yield os.path.join(top, freedesktop.TOPDIR_TRASH, uid, b"info")
    yield os.path.join(top, freedesktop.TOPDIR_FALLBACK, b"info")


def _drop_from_path(info: bytes, mark: str) -> bool:
    """Rewrite the .trashinfo ``info`` without ``mark`` in its Path= line; False when that
    line does not hold it (another item's entry)."""
    try:
        fd = os.open(info, os.O_RDONLY | os.O_NOFOLLOW)
        with open(fd, "rb") as readable:
            text = readable.read(INFO_MAX).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not line.startswith("Path="):
            continue
        value = line[len("Path="):]
        if value.startswith(mark):
            value = value[len(mark):]
        elif "/" + mark in value:
            value = value.replace("/" + mark, "/", 1)
        else:
            return False
        lines[number] = "Path=" + value
        _replace_file(info, "\n".join(lines).encode("utf-8"))
        return True
    return False


def _replace_file(path: bytes, content: bytes) -> None:
    temp = os.path.join(os.path.dirname(path), f".pier-{secrets.token_hex(8)}.tmp".encode())
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with open(fd, "wb") as out:
            out.write(content)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _identity(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


def _same(one: os.stat_result, other: os.stat_result) -> bool:
    """The same item: device, inode and kind (a freed inode may come back as a link)."""
    return _identity(one) == _identity(other) and \
        stat.S_IFMT(one.st_mode) == stat.S_IFMT(other.st_mode)
