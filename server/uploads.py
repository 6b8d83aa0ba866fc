"""Uploads, server side: the name rules and the temporary-file-then-publish writer. The
multipart parser that feeds it is server.multipart."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
import unicodedata
from collections.abc import Callable, Mapping
from typing import BinaryIO

from server.files import is_hidden
from server.http11 import HttpError
from server.page_i18n import N_
from server.portable import is_link
from server.portable_folders import (
    Folder,
    create_file_at,
    folder_path,
    free_bytes,
    link_at,
    names_in,
    open_folder,
    rename_at,
    replace_at,
    stat_at,
    sync_folder,
    unlink_at,
)

MAX_NAME_BYTES = 255
MAX_DEPTH = 32
DISK_MARGIN = 64 * 1024 * 1024  # free space an upload must leave behind
OWN_PREFIX = ".pier-"  # every temporary name of Pier's starts so
TEMP_PREFIX = ".pier-upload-"
TEMP_SUFFIX = ".part"
PARTIAL_PREFIX = ".pier-tus-"  # the partial file of a resumable (tus) upload
TRASHING_PREFIX = ".pier-trashing-"  # the folder an item waits in on its way to the trash
_TEMP_NAME = re.compile(r"^\.pier-upload-[0-9a-f]{16}\.part$")
_PARTIAL_NAME = re.compile(r"^\.pier-tus-[0-9a-f]{32}\.part$")
_TRASHING_NAME = re.compile(r"^\.pier-trashing-[0-9a-f]{32}$")
# a resumable upload's partial file lives while the client comes back within a day (tus
# expiry, counted from its last chunk); the stale sweep leaves it alone for twice that, so only
# partial files whose upload record was lost are removed by it
PARTIAL_STALE_S = 2 * 24 * 3600
_SEPARATORS = re.compile(r"[/\\]")
# C0, DEL, C1; the Unicode line/paragraph separators; the bidi embeddings, overrides and
# isolates that make "txt.exe" display as "exe.txt".
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*]')
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"}
    | {f"COM{i}" for i in "123456789¹²³"}
    | {f"LPT{i}" for i in "123456789¹²³"}
)
_DOUBLE_EXTENSIONS = (".tar",)
_NO_HARD_LINKS = {errno.EPERM, errno.EACCES, errno.EMLINK, errno.EXDEV,
                  getattr(errno, "ENOTSUP", -1), getattr(errno, "EOPNOTSUPP", -1),
                  getattr(errno, "ENOSYS", -1)}
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", -1)}
_WINDOWS = os.name == "nt"


class UploadRefused(HttpError):
    """An upload answered with a 4xx/5xx: 400 bad name or malformed body, 403 not writable,
    404 no such folder, 409 the name exists, 413 too large, 415 not multipart, 507 disk full."""

    def __init__(self, status: int, reason: str, *, close: bool = True,
                 headers: bytes = b"", fields: Mapping[str, object] | None = None) -> None:
        super().__init__(status, reason, close=close, headers=headers, fields=fields)


# -- names ---------------------------------------------------------------------------------------


def clean_name(name: str, *, allow_hidden: bool = False, kept: bool = False) -> str:
    """The one path component the user meant, or UploadRefused(400).

    Browsers may send ``C:\\fakepath\\x.txt`` or ``folder/x.txt``: the last component wins.
    ``kept``: the name an item already has (a move or copy keeping it, a PUT saving over it),
    cleaned like any name (as WebDAV's checks and locks spell it); where cleaning leaves it as
    it is, it may hold bytes that are not UTF-8 (POSIX: files.decode_url_path), which a new
    name never may."""
    name = _SEPARATORS.split(name)[-1]
    own = name
    name = unicodedata.normalize("NFC", name)
    if _CONTROL.search(name):
        raise UploadRefused(400, N_("File names may not contain control characters."))
    if name.strip(". ") == "":
        raise UploadRefused(400, N_("The file name is empty or made only of dots and spaces."))
    name = name.rstrip(". ")
    if _WINDOWS_FORBIDDEN.search(name):
        raise UploadRefused(400, N_('File names may not contain any of < > : " | ? *.'))
    if is_hidden(name) and not allow_hidden:
        raise UploadRefused(400, N_("File names may not start with a dot."))
    if is_temp_name(name):
        raise UploadRefused(400, N_("That name is reserved for uploads in progress."))
    if name.split(".", 1)[0].rstrip(" ").upper() in _RESERVED:
        raise UploadRefused(400, N_("That file name is reserved on Windows."))
    try:  # an own name cleaned into another spelling would be a new undecodable name
        encoded = name.encode("utf-8", "surrogateescape" if kept and name == own else "strict")
    except UnicodeEncodeError:
        raise UploadRefused(400, N_("The file name is not valid Unicode.")) from None
    if len(encoded) > MAX_NAME_BYTES:
        raise UploadRefused(400, N_("The file name is too long."))
    return name


def is_utf8(name: str) -> bool:
    """False for a name holding bytes that are not UTF-8 (kept by surrogateescape)."""
    if name.isascii():
        return True
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def clean_relative_path(path: str, *, allow_hidden: bool = False,
                        max_depth: int = MAX_DEPTH) -> list[str]:
    """The components of a folder upload's relative path ("photos/2024/a.jpg"), each checked
    with clean_name. Empty and "." components are dropped; ".." is refused."""
    parts = [p for p in _SEPARATORS.split(path) if p not in ("", ".")]
    if not parts:
        raise UploadRefused(400, N_("The path is empty."))
    if len(parts) > max_depth:
        raise UploadRefused(400, N_("The folder structure is too deep."))
    return [clean_name(p, allow_hidden=allow_hidden) for p in parts]


def is_temp_name(name: str) -> bool:
    """True for the temporary files of uploads in progress, plain or resumable, and the
    folders items wait in on their way to the trash (server/trashing.py): Pier's own, never
    listed, served, zipped or written by a route."""
    return _TEMP_NAME.match(name) is not None or _PARTIAL_NAME.match(name) is not None or \
        _TRASHING_NAME.match(name) is not None


def is_partial_name(name: str) -> bool:
    """True for the partial file of a resumable (tus) upload."""
    return _PARTIAL_NAME.match(name) is not None


def split_extension(name: str) -> tuple[str, str]:
    """("report", ".pdf"); ("backup", ".tar.gz"); (".bashrc", "")."""
    stem, ext = os.path.splitext(name)
    for double in _DOUBLE_EXTENSIONS:
        if ext and stem.lower().endswith(double) and len(stem) > len(double):
            return stem[:-len(double)], stem[-len(double):] + ext
    return stem, ext


def free_name(folder: str | Folder, name: str, *, limit: int = 10000) -> str:
    """``name`` if nothing in ``folder`` (a path or an opened Folder) has it, else
    "stem (1).ext", "stem (2).ext"...: the first that does not exist (a dangling symlink counts
    as existing). Stays within 255 bytes."""
    if not _exists(folder, name):
        return name
    stem, ext = split_extension(name)
    for number in range(1, limit):
        candidate = _numbered(stem, ext, number)
        if not _exists(folder, candidate):
            return candidate
    raise UploadRefused(409, N_("Too many files with that name already exist."))


def _exists(folder: str | Folder, name: str) -> bool:
    try:
        if isinstance(folder, Folder):
            stat_at(folder, name)
        else:
            os.lstat(os.path.join(folder, name))
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell: never pick it
    return True


def _numbered(stem: str, ext: str, number: int) -> str:
    suffix = f" ({number}){ext}"
    budget = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    encoded = stem.encode("utf-8")
    if len(encoded) > budget:
        stem = encoded[:max(budget, 1)].decode("utf-8", "ignore").rstrip(". ") or "file"
    return stem + suffix


# -- writing one upload --------------------------------------------------------------------------


def refusal_for(err: OSError, action: str) -> UploadRefused:
    if err.errno in _DISK_FULL:
        return UploadRefused(507, N_("The disk is full."))
    if err.errno == errno.EFBIG:  # e.g. the 4 GiB limit of FAT32
        return UploadRefused(413, N_("The file is too large for the disk's file system."))
    if isinstance(err, FileNotFoundError | NotADirectoryError):
        return UploadRefused(404, N_("The target folder does not exist."))
    if isinstance(err, PermissionError) or err.errno == errno.EROFS:
        return UploadRefused(403, N_("The target folder is not writable."))
    return UploadRefused(500, f"Could not {action} the uploaded file.")


def check_free_space(folder: str | Folder, needed: int, margin: int = DISK_MARGIN) -> None:
    """UploadRefused(507) unless ``needed`` bytes fit with ``margin`` to spare in ``folder``
    (a path or an opened Folder)."""
    try:
        free = free_bytes(folder)
    except OSError as err:
        raise refusal_for(err, "check space for") from None
    if needed + margin > free:
        raise UploadRefused(507, N_("There is not enough free disk space for this upload."))


SPACE_CHECK_EVERY = 16 * 1024 * 1024  # bytes written between free-space checks


class UploadFile:
    """Streams one upload into a temporary file in the target folder; the final name appears
    only on commit(), complete and fsynced. Never clobbers unless ``overwrite``; when the name
    exists and ``rename`` is on, a free name ("x (1).txt") is chosen, else 409.

    ``folder`` is a path or, from the access policy's file accessor, an opened Folder that was
    checked: every name is then created, linked and replaced in that Folder (relative to its
    descriptor where the system allows), so a folder on the way swapped for a link cannot
    redirect the upload. Free disk space is checked up front when the size is known, and
    while writing in any case. ``kept``: ``name`` is that of the file it replaces, which may
    be bytes that are not UTF-8 (uploads.clean_name)."""

    def __init__(self, folder: str | Folder, name: str, *, overwrite: bool = False,
                 max_size: int | None = None, expected_size: int | None = None,
                 rename: bool = True, disk_margin: int = DISK_MARGIN,
                 kept: bool = False) -> None:
        if name != clean_name(name, allow_hidden=True, kept=kept):
            raise UploadRefused(400, N_("The file name is not acceptable."))
        self.name = name
        self.overwrite = overwrite
        self.rename = rename
        self.replaces = False  # set by the access policy: the name exists and is replaced
        # set by the access policy too: sends the old content to the trash before commit()
        # publishes over it; its refusal is the upload's (the temp file goes)
        self.before_replace: Callable[[], None] | None = None
        # asked last before the name is taken (the rules in force then): raises to refuse
        self.before_commit: Callable[[], None] | None = None
        self.max_size = max_size
        self.size = 0
        self.final_name: str | None = None
        self.identity: tuple[int, int] | None = None  # device, inode of the published file
        self._committed = False
        self._file: BinaryIO | None = None
        self._margin = disk_margin
        self._next_space_check = SPACE_CHECK_EVERY
        self.temp_name = ""
        if max_size is not None and expected_size is not None and expected_size > max_size:
            raise UploadRefused(413, N_("The file is larger than uploads may be."))
        self._folder, self._own_folder = _opened_folder(folder)
        try:
            if not overwrite and not rename and _exists(self._folder, name):
                raise UploadRefused(409, N_("A file with that name already exists."))
            check_free_space(self._folder, expected_size or 0, disk_margin)
            self._open_temp()
        except BaseException:
            self._close_folder()
            raise

    @property
    def temp_path(self) -> str:
        """Where the temporary file is (for messages and tests); "" once it is gone."""
        if not self.temp_name:
            return ""
        try:
            where = folder_path(self._folder)
        except OSError:
            where = None
        return os.path.join(where or "", self.temp_name)

    def _open_temp(self) -> None:
        for _ in range(8):
            name = f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}"
            try:
                fd = create_file_at(self._folder, name, 0o644)  # the umask applies
            except FileExistsError:
                continue
            except OSError as err:
                raise refusal_for(err, "create") from None
            self.temp_name = name
            self._file = open(fd, "wb", buffering=256 * 1024)  # noqa: SIM115 - closed by commit/abort
            return
        raise UploadRefused(500, N_("Could not create a temporary file for the upload."))

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self._file is None:
            raise ValueError("the upload is closed")
        size = self.size + len(data)
        if self.max_size is not None and size > self.max_size:
            self.abort()
            raise UploadRefused(413, N_("The file is larger than uploads may be."))
        try:
            if size >= self._next_space_check:  # a body of unknown length: keep a margin free
                self._next_space_check = size + SPACE_CHECK_EVERY
                check_free_space(self._folder, 0, self._margin)
            self._file.write(data)
        except UploadRefused:
            self.abort()
            raise
        except OSError as err:
            self.abort()
            raise refusal_for(err, "write") from None
        self.size = size

    def commit(self, *, mtime: float | None = None) -> str:
        """Flush, fsync and publish under the final name; returns that name."""
        if self._file is None:
            raise ValueError("the upload is closed")
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            if mtime is not None:
                os.utime(self._file.fileno(), (mtime, mtime))
            written = os.fstat(self._file.fileno())
            self.identity = (written.st_dev, written.st_ino)
            self._file.close()
            self._file = None
            if self.before_commit is not None:
                self.before_commit()
            if self.overwrite and self.before_replace is not None:
                self.before_replace()
            final = self._publish()
        except HttpError:
            self.abort()
            raise
        except OSError as err:
            self.abort()
            raise refusal_for(err, "save") from None
        self._committed = True
        self.final_name = final
        sync_folder(self._folder)
        self._close_folder()
        return final

    def _publish(self) -> str:
        return publish_temp(self._folder, self.temp_name, self.name, overwrite=self.overwrite,
                            rename=self.rename)

    def abort(self) -> None:
        """Close and remove the temporary file; idempotent."""
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
            self._file = None
        if self.temp_name and not self._committed:
            with contextlib.suppress(FileNotFoundError):
                unlink_at(self._folder, self.temp_name)
            self.temp_name = ""
        self._close_folder()

    def _close_folder(self) -> None:
        if self._own_folder:
            self._own_folder = False
            self._folder.close()

    @property
    def committed(self) -> bool:
        return self._committed

    def __enter__(self) -> UploadFile:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self._committed:
            self.abort()
        self._close_folder()


def publish_temp(at: Folder, temp_name: str, name: str, *, overwrite: bool,
                 rename: bool = True) -> str:
    """Give the complete, fsynced file ``temp_name`` in ``at`` its final name and return it:
    ``name`` replaced where ``overwrite``, else ``name`` or, with ``rename``, the first free
    "name (1).ext"; never a folder, never clobbering without ``overwrite``."""
    if overwrite:
        try:
            existing: os.stat_result | None = stat_at(at, name)
        except FileNotFoundError:
            existing = None
        if existing is not None and stat.S_ISDIR(existing.st_mode):
            raise UploadRefused(409, N_("A folder with that name already exists."))
        replace_at(at, temp_name, name)
        return name
    for _ in range(100):
        final = free_name(at, name) if rename else name
        try:
            _publish_no_clobber(at, temp_name, final)
        except FileExistsError:
            if not rename:
                raise UploadRefused(409, N_("A file with that name already exists.")) from None
            continue  # someone took the name between free_name and now: pick again
        return final
    raise UploadRefused(409, N_("Could not find a free name for the file."))


def _publish_no_clobber(at: Folder, temp_name: str, name: str) -> None:
    if _WINDOWS:
        rename_at(at, temp_name, name)  # refuses an existing target there
        return
    try:
        link_at(at, temp_name, name)
    except FileExistsError:
        raise
    except OSError as err:
        if err.errno not in _NO_HARD_LINKS:
            raise
        _claim_then_replace(at, temp_name, name)
        return
    with contextlib.suppress(OSError):
        unlink_at(at, temp_name)


def _opened_folder(folder: str | Folder) -> tuple[Folder, bool]:
    """(the Folder, whether we opened it and must close it)."""
    if isinstance(folder, Folder):
        return folder, False
    try:
        return open_folder(os.fspath(folder), follow_links=True), True
    except OSError as err:
        raise refusal_for(err, "store") from None


def _claim_then_replace(at: Folder, temp: str, final: str) -> None:
    """For file systems without hard links: reserve the name with O_EXCL (an empty file, so a
    concurrent upload cannot take it), then rename the complete file over the reservation."""
    os.close(create_file_at(at, final, 0o644))
    try:
        replace_at(at, temp, final)
    except OSError:
        with contextlib.suppress(OSError):
            unlink_at(at, final)
        raise


def sweep_stale_temp_files(folder: str | Folder, older_than: float = 3600, *,
                           recursive: bool = False) -> int:
    """Remove the temporary files of uploads that crashed more than ``older_than`` seconds ago.
    Never follows symlinks. ``folder`` may be an opened Folder (then only that folder is
    swept). Returns how many were removed."""
    cutoff = time.time() - older_than
    if isinstance(folder, Folder):
        return _sweep_folder(folder, cutoff, time.time() - PARTIAL_STALE_S)
    removed = 0
    pending = [os.fspath(folder)]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if recursive and stat.S_ISDIR(st.st_mode) and not is_link(st):
                pending.append(entry.path)
            elif _stale(entry.name, st, cutoff, time.time() - PARTIAL_STALE_S):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def _sweep_folder(folder: Folder, cutoff: float, partial_cutoff: float) -> int:
    removed = 0
    for name in filter(is_temp_name, names_in(folder)):
        with contextlib.suppress(OSError):
            if _stale(name, stat_at(folder, name), cutoff, partial_cutoff):
                unlink_at(folder, name)
                removed += 1
    return removed


def _stale(name: str, st: os.stat_result, cutoff: float, partial_cutoff: float) -> bool:
    """A temp file left behind: a plain upload's older than ``cutoff``, a resumable upload's
    partial file only when older than ``partial_cutoff`` (its record is kept by the tus store,
    which removes it when the upload expires)."""
    if not stat.S_ISREG(st.st_mode):
        return False
    if is_partial_name(name):
        return st.st_mtime < partial_cutoff
    return is_temp_name(name) and st.st_mtime < cutoff
