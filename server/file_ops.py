"""Changing what exists in a share (issue 17): delete to the computer's trash, move (rename is
a move within one folder) and copy, for ``FileAccess.delete/move/copy`` (server/
access_writes.py), called by the WebDAV routes (server/routes_dav.py), which the page uses too.

Every item is named by its folder, opened and checked by the policy (``FileAccess.
open_folder``), plus one name looked at with lstat: a link as the last name is the link (moved
or deleted as the link, never followed; never copied), and a folder path that passes through a
link is refused. Checks, for the principal of the ``FileAccess``:

- the source: READ (LIST for a folder) and, to move or delete it, MODIFY; it may not be one of
  Pier's own paths (nor, for a folder, hold one below it: server/own_paths.py ``lie_below``);
- the destination name: MODIFY to move something in, CREATE to copy something in; never a
  reserved name (Pier's own, an upload's temp name, a trash folder); an existing item there is
  replaced only with ``overwrite`` and MODIFY on it, by sending it to the trash first;
- right before an item is renamed or sent to the trash its identity (device, inode) is looked
  at again and must be the one the checks were made on.

Deletes go to the trash with send2trash (the freedesktop trash on Linux, the Recycle Bin,
macOS's Trash), imported on the first delete; where the disk has no trash for us
(send2trash's TrashPermissionError, or no mount point found) the delete is refused unless the
share allows permanent deletes. Copies are bounded (CopyBudget: the share's upload cap, for
each file and the whole copy, under 10,000 items and 64 GiB) and never leave a half-written
file: a file is written under an upload temp name and published without clobbering
(server/uploads.py ``publish_temp``), a folder is built under a temp name and renamed into
place.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from server.access_rules import Action
from server.files import decode_url_path, is_hidden, split_segments, url_quote
from server.http11 import HttpError
from server.page_i18n import N_
from server.portable import is_link
from server.portable_folders import (
    Folder,
    create_file_at,
    folder_path,
    link_between,
    mkdir_at,
    names_in,
    open_file_at,
    open_folder_at,
    rename_between,
    stat_at,
    sync_folder,
    unlink_at,
)
from server.trashing import ItemChanged, trash_item
from server.uploads import (
    TEMP_PREFIX,
    TEMP_SUFFIX,
    UploadRefused,
    check_free_space,
    clean_name,
    publish_temp,
)

if TYPE_CHECKING:
    from server.access_writes import WritingAccess

MAX_COPY_ITEMS = 10_000  # files and folders one copy may make
MAX_COPY_BYTES = 64 * 1024**3
MAX_COPY_DEPTH = 64  # folder levels below the copied folder
COPY_CHUNK = 1024 * 1024
Identity = tuple[int, int]  # device, inode
# link() cannot give the name: rename after checking the name is free instead
_NO_HARD_LINKS = {errno.EPERM, errno.EACCES, errno.EMLINK, getattr(errno, "ENOTSUP", -1),
                  getattr(errno, "EOPNOTSUPP", -1), getattr(errno, "ENOSYS", -1)}


class FileOpRefused(HttpError):
    """A change refused with a 4xx (507 when the disk is full); the connection stays usable."""

    def __init__(self, status: int, reason: str,
                 fields: Mapping[str, object] | None = None) -> None:
        super().__init__(status, reason, close=False, fields=fields)


# Whole sentences for the translators, by what could not go to the trash.
TRASHLESS = {
    "it": N_("It cannot go to the trash (this disk has none), and deleting for good is not "
             "allowed on this share."),
    "replaced": N_("The file it replaces cannot go to the trash (this disk has none), and "
                   "deleting for good is not allowed on this share."),
}


@dataclass(slots=True)
class Item:
    """A name in an opened, checked folder, with its lstat (a link is not followed)."""

    folder: Folder
    folder_url: str  # ends with "/"
    name: str
    st: os.stat_result

    @property
    def is_dir(self) -> bool:
        return stat.S_ISDIR(self.st.st_mode)

    @property
    def url(self) -> str:
        return self.folder_url + self.name + ("/" if self.is_dir else "")


@dataclass(slots=True)
class CopyBudget:
    """What one copy may still make; ``capped``: its bytes are the share's upload cap."""

    items: int = field(default_factory=lambda: MAX_COPY_ITEMS)
    bytes: int = field(default_factory=lambda: MAX_COPY_BYTES)
    capped: bool = False

    @classmethod
    def within(cls, upload_cap: int | None) -> CopyBudget:
        """A copy adds to the disk as an upload does: held to the share's upload cap (each
        file and the whole copy, as one upload request), under the copy ceiling."""
        if upload_cap is None or upload_cap >= MAX_COPY_BYTES:
            return cls()
        return cls(bytes=upload_cap, capped=True)

    def take(self, size: int) -> None:
        self.items -= 1
        self.bytes -= size
        if self.bytes < 0 and self.capped:
            raise FileOpRefused(413, N_("That is larger than uploads to this share may be."))
        if self.items < 0 or self.bytes < 0:
            raise FileOpRefused(413, N_("That is too much to copy at once."))


class FileOps:
    """The changes one principal makes, checked by its FileAccess's policy."""

    def __init__(self, access: WritingAccess) -> None:
        self._access = access
        self._rules = access.rules
        self._own = access.own

    # -- the operations ------------------------------------------------------------------------

    def delete(self, raw_path: str, *, expected: os.stat_result | None = None) -> None:
        folder, url, name = self._parent_of(raw_path)
        with folder:
            item = self._source(folder, url, name, change=True)
            if expected is not None and not _same(item.st, expected):
                raise FileOpRefused(412, N_("The item changed since it was looked at."))
            self._discard(item)

    def move(self, raw_source: str, raw_folder: str, new_name: str, *, overwrite: bool) -> str:
        folder, url, name = self._parent_of(raw_source)
        with folder:
            new_name = self._new_name(new_name, name)
            item = self._source(folder, url, name, change=True)
            target, target_url = self._open_folder(raw_folder)
            with target:
                if target.identity == folder.identity and new_name == name:
                    return item.url  # nothing to do
                same = self._make_room(target, target_url, new_name, item, overwrite,
                                       Action.MODIFY)
                self._check_unchanged(item)
                try:
                    self._rename(item, target, new_name, same=same)
                except OSError as err:
                    if err.errno != errno.EXDEV:
                        raise _refusal(err) from None
                    self._copy_into(item, target, new_name, CopyBudget())  # another disk
                    self._discard(item)  # then the trash
                sync_folder(target)
                sync_folder(folder)
                return target_url + new_name + ("/" if item.is_dir else "")

    def copy(self, raw_source: str, raw_folder: str, new_name: str, *, overwrite: bool) -> str:
        folder, url, name = self._parent_of(raw_source)
        with folder:
            new_name = self._new_name(new_name, name)
            item = self._source(folder, url, name, change=False)
            if is_link(item.st):
                raise FileOpRefused(409, N_("Links are not copied."))
            target, target_url = self._open_folder(raw_folder)
            with target:
                if self._make_room(target, target_url, new_name, item, overwrite,
                                   Action.CREATE):
                    raise FileOpRefused(409, N_("An item cannot be copied onto itself."))
                self._copy_into(item, target, new_name,
                                CopyBudget.within(self._rules.max_upload))
                sync_folder(target)
                return target_url + new_name + ("/" if item.is_dir else "")

    def trash_replaced(self, folder: Folder, url: str, name: str) -> None:
        """Before an upload replaces ``name`` in the open ``folder`` (at ``url``; REPLACE was
        checked): its old content goes to the trash as a delete's would. An empty file goes
        for good (Windows writes one first, then the real one), and so does a link (no
        content of its own)."""
        try:
            st = stat_at(folder, name)
        except FileNotFoundError:
            return
        except OSError as err:
            raise _refusal(err) from None
        if stat.S_ISREG(st.st_mode) and st.st_size > 0:
            self._discard(Item(folder, url, name, st), what="replaced")

    # -- finding and checking ------------------------------------------------------------------

    def _parent_of(self, raw_path: str) -> tuple[Folder, str, str]:
        """The opened folder holding what ``raw_path`` names, its URL path and the name."""
        if not raw_path.startswith("/"):
            raise FileOpRefused(400, N_("The path must start with '/'."))
        segments = split_segments(decode_url_path(raw_path),
                                  show_hidden=self._rules.show_hidden)
        if not segments:
            raise FileOpRefused(403, N_("The shared folder itself cannot be changed."))
        parent = url_quote("/" + "".join(segment + "/" for segment in segments[:-1]))
        folder, url = self._open_folder(parent)
        return folder, url, segments[-1]

    def _open_folder(self, raw_path: str) -> tuple[Folder, str]:
        """An opened folder of the share the principal may list, reached without links."""
        found = self._access.locate(raw_path)
        if not found.is_dir:
            raise FileOpRefused(409, N_("That is a file, not a folder."))
        if not found.steps and found.url_path != "/":
            raise FileOpRefused(409, N_("The path goes through a link."))
        if not self._access.may(Action.LIST, found.url_path):
            raise FileOpRefused(404, N_("Not found."))
        return self._access.open_folder(found.fs_path), found.url_path

    def _source(self, folder: Folder, url: str, name: str, *, change: bool) -> Item:
        try:
            st = stat_at(folder, name)
        except OSError:
            raise FileOpRefused(404, N_("Not found.")) from None
        return self._checked(Item(folder, url, name, st), change=change)

    def _checked(self, item: Item, *, change: bool) -> Item:
        """``item`` if the principal may see it and (``change``) change it."""
        st = item.st
        if self._own.holds(item.folder.stat(), item.name, st) or \
                (is_hidden(item.name) and not self._rules.show_hidden) or \
                not (is_link(st) or stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode)):
            raise FileOpRefused(404, N_("Not found."))
        if not self._access.may(Action.LIST if item.is_dir else Action.READ, item.url):
            raise FileOpRefused(404, N_("Not found."))
        if change and not self._access.may(Action.MODIFY, item.url):
            raise FileOpRefused(403, N_("Your account may not change this."))
        if change and item.is_dir and self._own.lie_below(st):
            raise FileOpRefused(403, N_("This folder holds Pier's own files."))
        return item

    def _new_name(self, name: str, source_name: str) -> str:
        """The name a move or copy gives; the source's own may stay even where it is not UTF-8
        (POSIX bytes), which no other name may be."""
        if "/" in name or "\\" in name:
            raise FileOpRefused(400, N_("A name cannot contain / or \\."))
        try:
            return clean_name(name, allow_hidden=self._rules.show_hidden,
                              kept=name == source_name)
        except UploadRefused as err:
            raise FileOpRefused(400, err.reason) from None

    def _make_room(self, target: Folder, target_url: str, name: str, source: Item,
                   overwrite: bool, right: Action) -> bool:
        """Check that ``name`` may be given in ``target`` (``right`` there); an item of that
        name goes to the trash when ``overwrite`` allows. True when that item is ``source``
        itself (a case-insensitive disk: "a.txt" and "A.txt" are one name)."""
        try:
            existing: os.stat_result | None = stat_at(target, name)
        except FileNotFoundError:
            existing = None
        except OSError as err:
            raise _refusal(err) from None
        if self._own.holds(target.stat(), name, existing):
            raise FileOpRefused(403, N_("That name is reserved."))
        if not self._access.may(right, target_url + name):
            raise FileOpRefused(403, N_("Your account may not change that folder."))
        if existing is None:
            return False
        if _same(existing, source.st):
            return True
        if not overwrite:
            raise FileOpRefused(412, N_("Something with that name already exists."))
        self._discard(self._checked(Item(target, target_url, name, existing), change=True))
        return False

    def _check_unchanged(self, item: Item) -> None:
        try:
            now = stat_at(item.folder, item.name)
        except OSError:
            now = None
        if now is None or not _same(now, item.st):
            raise FileOpRefused(412, N_("The item changed since it was checked."))

    # -- renaming, trashing ----------------------------------------------------------------------

    def _rename(self, item: Item, target: Folder, name: str, *, same: bool) -> None:
        """Rename without replacing anything: a file (or link) gets its new name as a second
        name first (link() refuses a taken name), then loses the old one."""
        if item.is_dir or same:
            _rename_if_free(item, target, name, same=same)
            return
        try:
            link_between(item.folder, item.name, target, name)
        except FileExistsError:
            raise FileOpRefused(412, N_("Something with that name already exists.")) from None
        except OSError as err:
            if err.errno not in _NO_HARD_LINKS:
                raise
            _rename_if_free(item, target, name, same=False)
            return
        try:
            unlink_at(item.folder, item.name)
        except OSError as err:
            with contextlib.suppress(OSError):
                unlink_at(target, name)
            raise _refusal(err) from None

    def _discard(self, item: Item, *, what: str = "it") -> None:
        """To the trash, if ``item`` is still there and still itself (server/trashing.py); for
        good only where the disk has no trash and the share allows it (``what`` cannot go to
        the trash, the refusal says)."""
        try:
            trash_item(item.folder, item.name, item.st, _send_to_trash)
        except ItemChanged:
            raise FileOpRefused(412, N_("The item changed since it was checked.")) from None
        except OSError as err:
            if not _no_trash(err):
                raise _refusal(err) from None
            if not self._rules.permanent_deletes:
                raise FileOpRefused(409, TRASHLESS[what]) from None
            self._remove(item)

    def _remove(self, item: Item) -> None:
        self._check_unchanged(item)
        try:
            if item.is_dir:
                _remove_tree(item.folder, item.name)
            else:
                unlink_at(item.folder, item.name)
        except OSError as err:
            raise _refusal(err) from None

    # -- copying -----------------------------------------------------------------------------

    def _copy_into(self, item: Item, target: Folder, name: str, budget: CopyBudget) -> None:
        """A copy of ``item`` named ``name`` in ``target``, complete or not at all."""
        temp = f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}"
        try:
            if item.is_dir:
                mkdir_at(target, temp)
                with open_folder_at(item.folder, item.name, expected=_identity(item.st)) as src, \
                        open_folder_at(target, temp) as dst:
                    self._copy_tree(src, item.url, dst, budget, 0)
                _rename_if_free(Item(target, "", temp, stat_at(target, temp)), target, name,
                                same=False)
            else:
                budget.take(item.st.st_size)
                _copy_file(item.folder, item.name, item.st, target, temp, budget)
                try:
                    publish_temp(target, temp, name, overwrite=False, rename=False)
                except UploadRefused as refused:  # the name was taken meanwhile
                    raise FileOpRefused(412 if refused.status == 409 else refused.status,
                                        refused.reason) from None
        except BaseException as err:
            with contextlib.suppress(OSError):
                _remove_tree(target, temp) if item.is_dir else unlink_at(target, temp)
            if isinstance(err, OSError):
                raise _refusal(err) from None
            raise

    def _copy_tree(self, source: Folder, url: str, target: Folder, budget: CopyBudget,
                   depth: int) -> None:
        """What the principal may see of ``source`` (no links, no hidden or own names),
        into the new folder ``target``."""
        source_st = source.stat()
        for name in names_in(source):
            try:
                st = stat_at(source, name)
            except OSError:
                continue
            is_dir = stat.S_ISDIR(st.st_mode)
            if is_link(st) or not (is_dir or stat.S_ISREG(st.st_mode)) or \
                    (is_hidden(name) and not self._rules.show_hidden) or \
                    self._own.holds(source_st, name, st):
                continue
            child_url = url + name + ("/" if is_dir else "")
            if not self._access.may(Action.LIST if is_dir else Action.READ, child_url):
                continue
            budget.take(0 if is_dir else st.st_size)
            if not is_dir:
                _copy_file(source, name, st, target, name, budget)
                continue
            if depth >= MAX_COPY_DEPTH:
                raise FileOpRefused(413, N_("The folder is too deep to copy."))
            mkdir_at(target, name)
            with open_folder_at(source, name, expected=_identity(st)) as sub_source, \
                    open_folder_at(target, name) as sub_target:
                self._copy_tree(sub_source, child_url, sub_target, budget, depth + 1)


def _copy_file(source: Folder, name: str, st: os.stat_result, target: Folder, new_name: str,
               budget: CopyBudget) -> None:
    """Copy the regular file ``name`` (still the one lstat-ed as ``st``) as the new file
    ``new_name``, fsynced, with its modification time."""
    try:
        check_free_space(target, st.st_size)
    except UploadRefused as err:
        raise FileOpRefused(err.status, N_("There is not enough free disk space for the copy.")) \
            from None
    fd_in = open_file_at(source, name, expected=_identity(st))
    try:
        with open(create_file_at(target, new_name), "wb") as out:
            copied = 0
            while chunk := os.read(fd_in, COPY_CHUNK):
                copied += len(chunk)
                if copied > st.st_size:  # growing while copied: counts against the budget
                    budget.take(len(chunk))
                    budget.items += 1
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
            os.utime(out.fileno(), ns=(st.st_atime_ns, st.st_mtime_ns))
    finally:
        os.close(fd_in)


def _rename_if_free(item: Item, target: Folder, name: str, *, same: bool) -> None:
    """Rename ``item`` to ``name`` in ``target`` unless the name is taken (by another item
    than ``item`` itself, when ``same``). A folder has no link() to claim a name: a name taken
    between the look and the rename may be replaced if it is an empty folder (POSIX rename)."""
    if not same:
        try:
            stat_at(target, name)
        except FileNotFoundError:
            pass
        else:
            raise FileOpRefused(412, N_("Something with that name already exists."))
    rename_between(item.folder, item.name, target, name)


def _remove_tree(folder: Folder, name: str) -> None:
    """Remove the folder ``name`` and everything below it, following no link."""
    if folder.fd is not None and shutil.rmtree.avoids_symlink_attacks:
        shutil.rmtree(name, dir_fd=folder.fd)
        return
    where = folder_path(folder)
    if where is None:
        raise FileNotFoundError(errno.ENOENT, "the folder moved", name)
    shutil.rmtree(os.path.join(where, name))


def _send_to_trash(path: str) -> None:
    from send2trash import send2trash  # imported by the first delete, not by every share

    send2trash(path)


def _no_trash(err: OSError) -> bool:
    """Whether send2trash found no trash it may use for the item (not: the item cannot go)."""
    from send2trash import TrashPermissionError

    return isinstance(err, TrashPermissionError) or err.errno is None


def _identity(st: os.stat_result) -> Identity:
    return st.st_dev, st.st_ino


def _same(one: os.stat_result, other: os.stat_result) -> bool:
    """The same item: device and inode, and the kind (a freed inode may come back at once as
    something else, a link where a file was)."""
    return _identity(one) == _identity(other) and \
        stat.S_IFMT(one.st_mode) == stat.S_IFMT(other.st_mode)


def _refusal(err: OSError) -> HttpError:
    if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return FileOpRefused(507, N_("The disk is full."))
    if isinstance(err, FileNotFoundError):
        return FileOpRefused(404, N_("Not found."))
    if isinstance(err, PermissionError) or err.errno == errno.EROFS:
        return FileOpRefused(403, N_("The computer does not allow this change."))
    if err.errno == errno.EINVAL:
        return FileOpRefused(409, N_("A folder cannot go inside itself."))
    if err.errno in (errno.EEXIST, errno.ENOTEMPTY):
        return FileOpRefused(412, N_("Something with that name already exists."))
    return FileOpRefused(409, N_("Could not change it: %(reason)s."),
                         fields={"reason": err.strerror or err})
