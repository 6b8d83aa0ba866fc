"""The partial file of a resumable (tus) upload: ``.pier-tus-<32 hex>.part`` in the target
folder itself, so that the final rename stays on one file system and is atomic. Such names are
Pier's own (server/uploads.is_temp_name, server/own_paths.py): no route lists, serves, zips or
writes them, and an upload may not be named so. Reached only through an opened Folder (the
access policy's FileAccess opens and checks it); the tus store's expiry sweep removes a partial
file by its folder's path (remove_partial_in), only ever a name of that form."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from typing import BinaryIO

from server.page_i18n import N_
from server.portable_folders import (
    Folder,
    create_file_at,
    open_folder,
    open_for_writing_at,
    sync_folder,
    unlink_at,
)
from server.uploads import (
    DISK_MARGIN,
    PARTIAL_PREFIX,
    SPACE_CHECK_EVERY,
    TEMP_SUFFIX,
    UploadRefused,
    check_free_space,
    is_partial_name,
    publish_temp,
    refusal_for,
)

_NOT_OURS = {errno.ELOOP, getattr(errno, "ESTALE", errno.ENOENT), errno.EISDIR, errno.ENOTDIR}


class PartialGone(UploadRefused):
    """The partial file is missing (removed behind Pier's back): the upload cannot go on."""

    def __init__(self) -> None:
        super().__init__(404, "The upload's data is gone; start the upload again.", close=False)


def create_partial(folder: Folder) -> str:
    """A new, empty partial file in ``folder``; returns its name."""
    for _ in range(8):
        name = f"{PARTIAL_PREFIX}{secrets.token_hex(16)}{TEMP_SUFFIX}"
        try:
            fd = create_file_at(folder, name, 0o644)  # the umask applies
        except FileExistsError:
            continue
        except OSError as err:
            raise refusal_for(err, "create") from None
        os.close(fd)
        return name
    raise UploadRefused(500, N_("Could not create a file for the upload."))


def discard_partial(folder: Folder, name: str) -> None:
    """Remove the partial file ``name`` from ``folder`` (gone already is fine)."""
    if not is_partial_name(name):
        raise ValueError("not a partial file's name")
    with contextlib.suppress(FileNotFoundError):
        unlink_at(folder, name)


def publish_partial(folder: Folder, name: str, final: str, *, overwrite: bool) -> str:
    """The complete (synced) partial file ``name`` appears as ``final``, or under a free name
    as plain uploads do (server/uploads.publish_temp); returns the name it got."""
    if not is_partial_name(name):
        raise ValueError("not a partial file's name")
    try:
        published = publish_temp(folder, name, final, overwrite=overwrite)
    except FileNotFoundError:
        raise PartialGone() from None
    except OSError as err:
        raise refusal_for(err, "save") from None
    sync_folder(folder)
    return published


def remove_partial_in(folder_path: str, name: str) -> None:
    """For the expiry sweep: remove ``name`` from the folder at ``folder_path`` if both are
    still there (the last step of the path is not followed if it became a link)."""
    if not is_partial_name(name):
        return
    with contextlib.suppress(OSError), open_folder(folder_path) as folder:
        discard_partial(folder, name)


class PartialFile:
    """An existing partial file, opened for appending at the upload's offset. Bytes are
    written, then made durable (sync) or cut back to where the request started (cut)."""

    def __init__(self, folder: Folder, name: str, *, disk_margin: int = DISK_MARGIN) -> None:
        if not is_partial_name(name):
            raise ValueError("not a partial file's name")
        self._folder = folder
        self._margin = disk_margin
        try:
            fd = open_for_writing_at(folder, name)
        except OSError as err:
            if isinstance(err, FileNotFoundError) or err.errno in _NOT_OURS:
                raise PartialGone() from None  # gone, or a link or another file put there
            raise refusal_for(err, "open") from None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise PartialGone()
        except BaseException:
            os.close(fd)
            raise
        self._file: BinaryIO = open(fd, "r+b", buffering=0)  # noqa: SIM115 - closed by close()
        self._written_since_check = 0

    @property
    def size(self) -> int:
        return os.fstat(self._file.fileno()).st_size

    def resume_at(self, offset: int) -> int:
        """Position at ``offset``, dropping anything past it (bytes of a request that never
        counted). Returns the size when the file is shorter than ``offset`` (data lost), else
        ``offset``."""
        size = self.size
        if size < offset:
            return size
        try:
            if size > offset:
                self._file.truncate(offset)
            self._file.seek(offset)
        except OSError as err:
            raise refusal_for(err, "write") from None
        return offset

    def write(self, data: bytes) -> None:
        try:
            self._written_since_check += len(data)
            if self._written_since_check >= SPACE_CHECK_EVERY:  # a long chunk: keep room free
                self._written_since_check = 0
                check_free_space(self._folder, 0, self._margin)
            view = memoryview(data)
            while view:
                done = self._file.write(view)
                view = view[done or 0:]
        except OSError as err:
            raise refusal_for(err, "write") from None

    def sync(self) -> None:
        try:
            os.fsync(self._file.fileno())
        except OSError as err:
            raise refusal_for(err, "save") from None

    def cut(self, offset: int) -> None:
        """Drop everything written past ``offset`` (a chunk refused or cut short)."""
        with contextlib.suppress(OSError):
            self._file.truncate(offset)
            os.fsync(self._file.fileno())

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()

    def __enter__(self) -> PartialFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
