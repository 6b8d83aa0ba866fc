"""Folders on every system: ``Folder`` and the operations on the names in one.

With ``features.dir_fd`` a Folder holds an open descriptor and every name is reached relative to
it without following links (O_NOFOLLOW), so a folder on the way swapped for a link leads
nowhere. Without it (Windows) a Folder holds the folder's path and identity (device, inode):
each use first checks that the path still names that very folder (and creating calls check it
again afterwards), a name is lstat-ed before it is opened, links are refused, and what was
opened must be what was lstat-ed (or what the caller listed). That narrows but cannot close the
window in which a folder on the path is swapped for a link and back between two calls.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from collections.abc import Callable, Generator, Sequence
from types import TracebackType

from server.portable import can_name_opened, features, is_link, no_follow_flag, opened_path

Identity = tuple[int, int]  # (st_dev, st_ino)
_COMMON = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _COMMON  # a FIFO must not block the open
_FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _COMMON
MAX_LINKS = 40  # links one path may pass through when followed (Linux's own limit)
MAX_LOOKUPS = 4096  # names looked up to follow one path by name: what one link may cost
# Errors that say nothing about where a path leads, only that the process is short of room:
# they are raised, never taken for a broken link.
NO_ROOM = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOMEM, errno.ENOBUFS})


class FolderChanged(FileNotFoundError):
    """The folder's path no longer names the folder that was opened (moved, or replaced by
    another folder or a link)."""

    def __init__(self, path: str) -> None:
        super().__init__(getattr(errno, "ESTALE", errno.ENOENT),
                         "the folder was moved or replaced", path)


class Folder(int):
    """An opened folder. ``fd`` is its descriptor where names can be reached relative to one,
    else None and ``path`` plus ``identity`` are checked on every use.

    The int value is a descriptor that ``os.close`` releases (the folder's own, or a stand-in
    on os.devnull) only so that callers written for descriptors keep working; use close()."""

    fd: int | None
    path: str
    identity: Identity

    @staticmethod
    def make(fd: int | None, path: str, st: os.stat_result) -> Folder:
        value = fd if fd is not None else os.open(os.devnull, os.O_RDONLY | _COMMON)
        folder = Folder(value)
        folder.fd, folder.path, folder.identity = fd, path, (st.st_dev, st.st_ino)
        return folder

    def stat(self) -> os.stat_result:
        return os.fstat(self.fd) if self.fd is not None else _checked(self)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(int(self))

    def __enter__(self) -> Folder:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def _checked(folder: Folder) -> os.stat_result:
    """The folder's lstat, if its path still names it."""
    try:
        st = os.lstat(folder.path)
    except FileNotFoundError:
        raise FolderChanged(folder.path) from None
    if not stat.S_ISDIR(st.st_mode) or is_link(st) or (st.st_dev, st.st_ino) != folder.identity:
        raise FolderChanged(folder.path)
    return st


def _path_in(folder: Folder, name: str) -> str:
    _checked(folder)
    return os.path.join(folder.path, name)


def open_folder(path: str, *, follow_links: bool = False) -> Folder:
    """The folder at ``path``; a link as its last name is refused unless ``follow_links``."""
    if features.dir_fd:
        flags = _FOLDER | (0 if follow_links else no_follow_flag())
        fd = os.open(path, flags)
        return Folder.make(fd, path, os.fstat(fd))
    if follow_links:
        path = os.path.realpath(path)
    st = os.lstat(path)
    if not stat.S_ISDIR(st.st_mode) or is_link(st):
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", path)
    return Folder.make(None, path, st)


def stat_at(folder: Folder, name: str) -> os.stat_result:
    """lstat of ``name`` in ``folder`` (a link is not followed)."""
    if folder.fd is not None:
        return os.stat(name, dir_fd=folder.fd, follow_symlinks=False)
    return os.lstat(_path_in(folder, name))


def stats_at(folder: Folder, names: Sequence[str]) -> list[os.stat_result | None]:
    """stat_at of each name, None for one that cannot be stat-ed (removed meanwhile): a
    listing's rows, without a Python call per name where the folder has a descriptor.
    FolderChanged when the folder's path no longer names it (no descriptor): that is not a
    name gone, and the rest of the listing would be another folder's."""
    fd = folder.fd
    if fd is not None:
        try:
            return [os.stat(name, dir_fd=fd, follow_symlinks=False) for name in names]
        except OSError:
            pass  # one of them is gone: each on its own
    found: list[os.stat_result | None] = []
    for name in names:
        try:
            found.append(stat_at(folder, name))
        except FolderChanged:
            raise
        except OSError:
            found.append(None)
    return found


def _open_at(folder: Folder, name: str, flags: int, expected: Identity | None) -> int:
    """Open ``name`` in ``folder`` without following a link; OSError unless it is (still)
    ``expected``."""
    return _open_stat_at(folder, name, flags, expected)[0]


def _open_stat_at(folder: Folder, name: str, flags: int, expected: Identity | None
                  ) -> tuple[int, os.stat_result]:
    """_open_at(), and the opened item's stat."""
    if folder.fd is not None and features.no_follow:
        fd = os.open(name, flags | os.O_NOFOLLOW, dir_fd=folder.fd)
    else:
        before = stat_at(folder, name)
        if is_link(before):
            raise OSError(errno.ELOOP, "a link", name)
        if folder.fd is not None:
            fd = os.open(name, flags, dir_fd=folder.fd)
        else:
            fd = os.open(os.path.join(folder.path, name), flags)
        expected = expected or (before.st_dev, before.st_ino)
    try:
        st = os.fstat(fd)
        if expected is not None and (st.st_dev, st.st_ino) != expected:
            raise OSError(errno.ESTALE, "not what was listed", name)
        if folder.fd is None:
            _checked(folder)
    except BaseException:
        os.close(fd)
        raise
    return fd, st


def open_regular_at(folder: Folder, name: str) -> tuple[int, os.stat_result]:
    """A descriptor for reading the regular file ``name`` in ``folder``, and its stat: a link
    is refused, and so is anything else that is not a regular file (a FIFO opens without
    waiting and is closed again)."""
    fd, st = _open_stat_at(folder, name, _READ, None)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, "not a regular file", name)
    return fd, st


def open_file_at(folder: Folder, name: str, *, expected: Identity | None = None) -> int:
    """A descriptor for reading ``name`` in ``folder``; a link is refused."""
    return _open_at(folder, name, _READ, expected)


def open_for_writing_at(folder: Folder, name: str) -> int:
    """A descriptor for reading and writing the existing ``name`` in ``folder``; a link is
    refused."""
    return _open_at(folder, name, os.O_RDWR | _COMMON, None)


def open_folder_at(folder: Folder, name: str, *, expected: Identity | None = None) -> Folder:
    """The folder ``name`` in ``folder``; a link is refused."""
    if folder.fd is not None:
        fd = _open_at(folder, name, _FOLDER, expected)
        return Folder.make(fd, os.path.join(folder.path, name), os.fstat(fd))
    st = stat_at(folder, name)
    if not stat.S_ISDIR(st.st_mode) or is_link(st):
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", name)
    if expected is not None and (st.st_dev, st.st_ino) != expected:
        raise OSError(errno.ESTALE, "not the folder that was listed", name)
    return Folder.make(None, os.path.join(folder.path, name), st)


def open_no_link(path: str) -> int:
    """A descriptor for reading ``path``; a link as its last name is refused."""
    if features.no_follow:
        return os.open(path, _READ | os.O_NOFOLLOW)
    before = os.lstat(path)
    if is_link(before):
        raise OSError(errno.ELOOP, "a link", path)
    fd = os.open(path, _READ)
    st = os.fstat(fd)
    if (st.st_dev, st.st_ino) != (before.st_dev, before.st_ino):
        os.close(fd)
        raise OSError(errno.ESTALE, "replaced while it was opened", path)
    return fd


def create_file_at(folder: Folder, name: str, mode: int = 0o644) -> int:
    """A new file ``name`` in ``folder``, for writing; FileExistsError if the name is taken
    (by anything, a dangling link included). The umask applies to ``mode``."""
    if folder.fd is not None:
        return os.open(name, _CREATE | no_follow_flag(), mode, dir_fd=folder.fd)
    fd = os.open(_path_in(folder, name), _CREATE, mode)
    try:
        _checked(folder)
    except BaseException:
        os.close(fd)
        raise
    return fd


def mkdir_at(folder: Folder, name: str, mode: int = 0o777) -> None:
    if folder.fd is not None:
        os.mkdir(name, mode, dir_fd=folder.fd)
        return
    os.mkdir(_path_in(folder, name), mode)
    _checked(folder)


def rmdir_at(folder: Folder, name: str) -> None:
    """Remove the empty folder ``name`` in ``folder``."""
    if folder.fd is not None:
        os.rmdir(name, dir_fd=folder.fd)
    else:
        os.rmdir(_path_in(folder, name))


def unlink_at(folder: Folder, name: str) -> None:
    if folder.fd is not None:
        os.unlink(name, dir_fd=folder.fd)
    else:
        os.unlink(_path_in(folder, name))


def replace_at(folder: Folder, source: str, target: str) -> None:
    """Rename ``source`` to ``target`` in ``folder``, replacing a file of that name."""
    if folder.fd is not None:
        os.replace(source, target, src_dir_fd=folder.fd, dst_dir_fd=folder.fd)
    else:
        os.replace(_path_in(folder, source), _path_in(folder, target))


def rename_at(folder: Folder, source: str, target: str) -> None:
    """Rename; on Windows FileExistsError when ``target`` exists (POSIX replaces it)."""
    if folder.fd is not None:
        os.rename(source, target, src_dir_fd=folder.fd, dst_dir_fd=folder.fd)
    else:
        os.rename(_path_in(folder, source), _path_in(folder, target))


def link_at(folder: Folder, source: str, target: str) -> None:
    """A second name ``target`` for the file ``source``; FileExistsError if it is taken."""
    if folder.fd is not None:
        os.link(source, target, src_dir_fd=folder.fd, dst_dir_fd=folder.fd,
                follow_symlinks=False)
    else:
        os.link(_path_in(folder, source), _path_in(folder, target))


def rename_between(source: Folder, name: str, target: Folder, new_name: str) -> None:
    """Rename ``name`` in ``source`` to ``new_name`` in ``target`` (a link is moved as the
    link). POSIX replaces an existing file (or empty folder) ``new_name``: callers check first."""
    if source.fd is not None and target.fd is not None:
        os.rename(name, new_name, src_dir_fd=source.fd, dst_dir_fd=target.fd)
    else:
        os.rename(_path_in(source, name), _path_in(target, new_name))
        _checked(target)


def link_between(source: Folder, name: str, target: Folder, new_name: str) -> None:
    """A second name ``new_name`` in ``target`` for ``name`` in ``source`` (a link is linked
    as the link); FileExistsError if ``new_name`` is taken."""
    if source.fd is not None and target.fd is not None:
        os.link(name, new_name, src_dir_fd=source.fd, dst_dir_fd=target.fd,
                follow_symlinks=False)
    else:
        os.link(_path_in(source, name), _path_in(target, new_name))


def names_in(folder: Folder) -> list[str]:
    if folder.fd is not None:
        with os.scandir(folder.fd) as entries:
            return [entry.name for entry in entries]
    with os.scandir(_path_in(folder, "")) as entries:
        names = [entry.name for entry in entries]
    _checked(folder)
    return names


def entries_in(folder: Folder) -> Generator[os.DirEntry[str], None, None]:
    """The entries of ``folder``, read lazily, as os.scandir gives them: their kind (folder,
    link, file) comes from the folder itself where the system says it, without a stat. Without
    dir_fd the folder is checked once all are read (FolderChanged if its path was swapped)."""
    if folder.fd is not None:
        with os.scandir(folder.fd) as entries:
            yield from entries
        return
    with os.scandir(_path_in(folder, "")) as entries:
        yield from entries
    _checked(folder)


def sync_folder(folder: Folder) -> None:
    """Make the folder's new names durable where the system allows (never on Windows)."""
    with contextlib.suppress(OSError):
        if folder.fd is not None:
            os.fsync(folder.fd)
        elif os.name == "posix":
            fd = os.open(_path_in(folder, ""), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def free_bytes(folder: Folder | str) -> int:
    """Bytes an unprivileged writer may still use on the folder's disk."""
    if isinstance(folder, Folder) and folder.fd is not None:
        info = os.statvfs(folder.fd)
        return info.f_bavail * info.f_frsize
    path = _path_in(folder, "") if isinstance(folder, Folder) else folder
    return shutil.disk_usage(path).free


def disk_usage(folder: Folder) -> tuple[int, int]:
    """(bytes used, bytes an unprivileged writer may still use) on the folder's disk."""
    if folder.fd is not None:
        info = os.statvfs(folder.fd)
        return (info.f_blocks - info.f_bfree) * info.f_frsize, info.f_bavail * info.f_frsize
    usage = shutil.disk_usage(_path_in(folder, ""))
    return usage.used, usage.free


def folder_path(folder: Folder) -> str | None:
    """Where the folder is: the system's word for an opened folder, else its checked path."""
    if folder.fd is not None:
        return opened_path(folder.fd)
    return os.path.normpath(_path_in(folder, ""))


# -- following links: where a link leads, at a bounded cost -------------------------------------

Destination = tuple[str, os.stat_result]  # the real path (no link in it) and its stat


def link_destination(folder: Folder, name: str) -> Destination | None:
    """Where the link ``name`` in ``folder`` leads once every link on the way is followed, with
    the stat of what is there; None when it leads nowhere (a name missing, a loop, too many
    links). OSError only when the process is short of room (NO_ROOM)."""
    if folder.fd is not None and _kernel_follows():
        return _bounded(lambda: _opened_place(name, folder.fd))
    base = folder_path(folder)
    return None if base is None else _bounded(lambda: _follow_by_name(base, (name,)))


def real_path_of(base: str, names: Sequence[str]) -> Destination | None:
    """link_destination() for the path ``names`` below the real folder path ``base``."""
    if _kernel_follows():
        return _bounded(lambda: _opened_place(os.path.join(base, *names), None))
    return _bounded(lambda: _follow_by_name(base, names))


def _kernel_follows() -> bool:
    """The kernel follows the links (within its own bound) and says where it landed: O_PATH
    opens the place without opening the file (no FIFO waits, no device acts)."""
    return features.open_path and can_name_opened()


def _bounded(follow: Callable[[], Destination | None]) -> Destination | None:
    try:
        return follow()
    except OSError as err:
        if err.errno in NO_ROOM:
            raise
        return None
    except ValueError:  # a NUL in a link's text
        return None


def _opened_place(path: str, dir_fd: int | None) -> Destination | None:
    fd = os.open(path, os.O_PATH | getattr(os, "O_CLOEXEC", 0), dir_fd=dir_fd)
    try:
        real = opened_path(fd)
        return None if real is None else (real, os.fstat(fd))
    finally:
        os.close(fd)


def _follow_by_name(base: str, names: Sequence[str]) -> Destination | None:
    """Follow ``names`` from the real folder ``base`` one name at a time, as the kernel would
    (".." after a link is the parent of where the link led), within MAX_LINKS links and
    MAX_LOOKUPS names; os.path.realpath has neither bound (nor, before 3.13, a bounded
    recursion)."""
    path, st = base, None
    pending = list(reversed(names))  # a stack: the next name last
    links = lookups = 0
    while pending:
        name = pending.pop()
        if name in ("", "."):
            continue
        if st is not None and not stat.S_ISDIR(st.st_mode):
            return None  # a name below a file
        if name == "..":
            path, st = os.path.dirname(path), None
            continue
        lookups += 1
        if lookups > MAX_LOOKUPS:
            return None
        candidate = os.path.join(path, name)
        st = os.lstat(candidate)
        if not is_link(st):
            path = candidate
            continue
        links += 1
        if links > MAX_LINKS:
            return None
        start, parts = _link_text(candidate, path)
        path, st = start, None
        pending.extend(reversed(parts))
    return path, (st if st is not None else os.stat(path))


def _link_text(link: str, folder: str) -> tuple[str, list[str]]:
    """Where following ``link`` (in ``folder``) starts from, and the names to follow from
    there."""
    text = os.readlink(link)
    if text.startswith("\\\\?\\"):  # Windows' verbatim prefix (junctions give it)
        text = "\\\\" + text[8:] if text[4:8].upper() == "UNC\\" else text[4:]
    if os.altsep:
        text = text.replace(os.altsep, os.sep)
    drive, rest = os.path.splitdrive(text)
    start = folder
    if os.path.isabs(text):
        start = (drive or os.path.splitdrive(folder)[0]) + os.sep
    elif drive:  # "C:name": relative to a drive's current folder, which a server has not
        raise FileNotFoundError(errno.ENOENT, "a drive-relative link", link)
    return start, rest.split(os.sep)
