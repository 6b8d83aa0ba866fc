"""The write side of ``FileAccess`` (server/access.py): new folders, uploads, resumable
uploads' partial files, and the changes of issue 17 (delete to the trash, move, copy), whose
work is server/file_ops.py. ``FileAccess`` inherits these methods; the policy's answers come
from its ``may`` and its own-path checks, as for reads.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
from typing import TYPE_CHECKING

from server.access_rules import Action, FolderBudget
from server.file_ops import FileOps
from server.page_i18n import N_
from server.portable import is_link
from server.portable_folders import Folder, mkdir_at, open_folder_at, stat_at, unlink_at
from server.tus_partial import PartialFile, create_partial, discard_partial, publish_partial
from server.uploads import UploadFile, UploadRefused, sweep_stale_temp_files

if TYPE_CHECKING:
    from server.access_rules import ShareRules
    from server.files import Resolved
    from server.own_paths import OwnPaths


class WritingAccess:
    """Mixed into FileAccess, which provides what is declared below."""

    __slots__ = ()

    if TYPE_CHECKING:
        @property
        def rules(self) -> ShareRules: ...
        @property
        def own(self) -> OwnPaths: ...
        def may(self, action: Action, url_path: str) -> bool: ...
        def open_folder(self, fs_path: str) -> Folder: ...
        def locate(self, raw_path: str) -> Resolved: ...
        def write_folder(self, raw_path: str) -> Resolved: ...
        def sees_link(self, folder: Folder, name: str) -> bool: ...
        def as_routed(self) -> WritingAccess: ...

    # -- changing what exists (issue 17: WebDAV and the page) -----------------------------

    def delete(self, raw_path: str, *, expected: os.stat_result | None = None) -> None:
        """Move the item at ``raw_path`` (a URL path, percent-encoded) to the computer's
        trash; ``expected``: the lstat the caller saw, refused (412) if another item (device,
        inode, kind) has the name now. See server/file_ops.py for every check."""
        FileOps(self).delete(raw_path, expected=expected)

    def move(self, raw_source: str, raw_folder: str, new_name: str, *,
             overwrite: bool = False) -> str:
        """Move (or, within one folder, rename) the item at ``raw_source`` into the folder
        ``raw_folder`` as ``new_name`` (decoded); returns the URL path it now has."""
        return FileOps(self).move(raw_source, raw_folder, new_name, overwrite=overwrite)

    def copy(self, raw_source: str, raw_folder: str, new_name: str, *,
             overwrite: bool = False) -> str:
        """Copy the file or folder at ``raw_source`` into ``raw_folder`` as ``new_name``;
        returns the new URL path."""
        return FileOps(self).copy(raw_source, raw_folder, new_name, overwrite=overwrite)

    # -- creating ------------------------------------------------------------------------------

    def make_folders(self, folder: Resolved, names: list[str],
                     budget: FolderBudget | None = None) -> tuple[Folder, str]:
        """Enter (creating where missing) ``names`` below ``folder``; returns the last folder,
        opened, and its URL path. Each step is checked: creating needs the right to create
        there, and no step may be (or become) one of Pier's own paths or a link."""
        budget = budget or FolderBudget()  # one request's: writes.store_multipart shares it
        opened = self.open_folder(folder.fs_path)
        url = folder.url_path
        try:
            for name in names:
                child = self._enter_or_create(opened, url, name, budget)
                opened.close()
                opened, url = child, url + name + "/"
        except BaseException:
            opened.close()
            raise
        return opened, url

    def _enter_or_create(self, folder: Folder, url: str, name: str,
                         budget: FolderBudget) -> Folder:
        folder_st = folder.stat()
        try:
            existing: os.stat_result | None = stat_at(folder, name)
        except FileNotFoundError:
            existing = None
        except OSError as err:
            raise UploadRefused(403, N_("Cannot use the folder: %(reason)s."),
                fields={"reason": err.strerror},
                                close=False) from None
        if self.own.holds(folder_st, name, existing):
            raise UploadRefused(403, N_("Your account may not upload here."), close=False)
        if existing is None:
            if not self.may(Action.CREATE, url + name):
                raise UploadRefused(403, N_("Your account may not create folders here."),
                                    close=False)
            if budget.left <= 0:  # a tiny body must not eat the inodes
                raise UploadRefused(413, N_("The upload creates too many folders at once."))
            budget.left -= 1
            try:
                mkdir_at(folder, name)
            except FileExistsError:
                pass  # made meanwhile by a parallel upload: opened and checked below
            except OSError as err:
                raise UploadRefused(403, N_("Cannot create the folder: %(reason)s."),
                fields={"reason": err.strerror},
                                    close=False) from None
        elif is_link(existing):
            raise UploadRefused(409, N_("A link with that folder name exists."), close=False)
        elif not stat.S_ISDIR(existing.st_mode):
            raise UploadRefused(409, N_("A file with that folder name exists."), close=False)
        elif not self.may(Action.LIST, url + name + "/"):
            raise UploadRefused(403, N_("Your account may not upload here."), close=False)
        try:
            child = open_folder_at(folder, name)
        except OSError:
            raise UploadRefused(409, N_("A file or link with that folder name exists."),
                                close=False) from None
        if self.own.holds(folder_st, name, child.stat()):
            child.close()
            raise UploadRefused(403, N_("Your account may not upload here."), close=False)
        return child

    def new_folder(self, folder: Resolved, name: str) -> None:
        """Create the folder ``name`` in ``folder`` (409 when the name is taken)."""
        with self.open_folder(folder.fs_path) as opened:
            self._check_create(opened, folder.url_path, name)
            try:
                mkdir_at(opened, name)
            except FileExistsError:
                raise UploadRefused(409, N_("Something with that name already exists."),
                                    close=False) from None
            except OSError as err:
                raise UploadRefused(403, N_("Cannot create the folder: %(reason)s."),
                fields={"reason": err.strerror},
                                    close=False) from None

    def upload(self, folder: Folder, url: str, name: str, *, max_size: int | None,
               expected_size: int | None = None, rename: bool = True,
               replace: bool = True, existing_only: bool = False) -> UploadFile:
        """An UploadFile for ``name`` in the open ``folder`` (at ``url``). It replaces an
        existing file only when asked (``replace``: a PUT, or a form upload on a share with
        --overwrite) and where the policy allows REPLACE; otherwise a free name is taken
        (``rename``, a multipart POST) or the upload is refused with 409 (a PUT). What it
        replaces goes to the trash on commit, before the new file takes the name
        (``FileOps.trash_replaced``: not an empty file; refused where no trash is usable).
        ``existing_only``: a name that is not UTF-8, which only replaces the file that has it
        and is never made."""
        self._check_create(folder, url, name)
        try:
            exists: os.stat_result | None = stat_at(folder, name)
        except FileNotFoundError:
            exists = None
        if existing_only and (exists is None or not replace):
            raise UploadRefused(400, N_("The file name is not valid Unicode."), close=False)
        if exists is not None and stat.S_ISDIR(exists.st_mode):
            raise UploadRefused(409, N_("A folder with that name exists."), close=False)
        replace = replace and exists is not None and self._may_replace(folder, url, name, exists)
        upload = UploadFile(folder, name, overwrite=replace, max_size=max_size,
                            expected_size=expected_size, rename=rename, kept=existing_only)
        upload.replaces = replace
        upload.before_commit = functools.partial(self._check_still, folder, url, name, replace)
        if replace:
            ops = FileOps(self)
            upload.before_replace = functools.partial(ops.trash_replaced, folder, url, name)
        return upload

    def withdraw_upload(self, raw_folder: str, name: str, identity: tuple[int, int]) -> None:
        """Remove the file an upload of this request just made as ``name`` in ``raw_folder``
        (a URL path) when a later part of the request is refused: the form is saved whole or
        not at all. Only that very file goes (device and inode); anything else under the name
        now, or a folder the request's policy does not let this principal create in, is
        left (the rules in force since do not matter: this request's own file goes)."""
        routed = self.as_routed()
        folder = routed.write_folder(raw_folder)
        with routed.open_folder(folder.fs_path) as opened:
            try:
                now = stat_at(opened, name)
            except OSError:
                return
            if stat.S_ISREG(now.st_mode) and (now.st_dev, now.st_ino) == identity and \
                    routed.may(Action.CREATE, folder.url_path + name):
                with contextlib.suppress(OSError):
                    unlink_at(opened, name)

    def sweep_stale_uploads(self, folder: Resolved) -> None:
        """Remove what uploads cut short by a crash or a kill left in ``folder``."""
        with self.open_folder(folder.fs_path) as opened:
            sweep_stale_temp_files(opened)

    # -- resumable uploads (tus): the partial file in the target folder, checked each time ------

    def new_partial(self, folder: Folder, url: str, name: str) -> str:
        """An empty partial file in the open ``folder`` (at ``url``) for an upload of ``name``;
        returns the partial file's name (one of Pier's own)."""
        self._check_create(folder, url, name)
        return create_partial(folder)

    def open_partial(self, folder: Folder, url: str, name: str, partial: str, *,
                     disk_margin: int) -> PartialFile:
        """The partial file, to append to; 403 unless ``name`` may still be created there."""
        self._check_create(folder, url, name)
        return PartialFile(folder, partial, disk_margin=disk_margin)

    def finish_partial(self, folder: Folder, url: str, name: str, partial: str, *,
                       replace: bool) -> str:
        """Publish the complete partial file under ``name``, with the collision rules of
        upload() (a form upload's: a free name unless ``replace``, the replaced file to the
        trash first); returns the final name."""
        self._check_create(folder, url, name)
        try:
            exists: os.stat_result | None = stat_at(folder, name)
        except OSError:
            exists = None
        replace = replace and exists is not None and \
            self._may_replace(folder, url, name, exists)
        if replace:
            FileOps(self).trash_replaced(folder, url, name)
        return publish_partial(folder, partial, name, overwrite=replace)

    def discard_partial(self, folder: Folder, url: str, name: str, partial: str) -> None:
        self._check_create(folder, url, name)
        discard_partial(folder, partial)

    def _may_replace(self, folder: Folder, url: str, name: str, exists: os.stat_result) -> bool:
        """Whether an upload may take the place of ``exists``: REPLACE there, and never a link
        this principal cannot see (out of the share, dangling, to what it may not read): that
        name is taken like any other (a free name, or 409)."""
        return self.may(Action.REPLACE, url + name) and \
            (not is_link(exists) or self.sees_link(folder, name))

    def _check_still(self, folder: Folder, url: str, name: str, replace: bool) -> None:
        """An upload about to take its name: still allowed by the rules in force now (they
        may have changed while the body came)?"""
        self._check_create(folder, url, name)
        if replace and not self.may(Action.REPLACE, url + name):
            raise UploadRefused(403, "Your account may not replace this file.", close=False)

    def _check_create(self, folder: Folder, url: str, name: str) -> None:
        try:
            existing: os.stat_result | None = stat_at(folder, name)
        except OSError:
            existing = None
        if self.own.holds(folder.stat(), name, existing):
            raise UploadRefused(403, N_("That name is reserved."), close=False)
        if not self.may(Action.CREATE, url + name):
            raise UploadRefused(403, N_("Your account may not upload here."), close=False)

