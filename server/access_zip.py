"""What a folder's zip holds (server/zip_walk.py), mixed into FileAccess (server/access.py),
which provides what is declared below; and ``url_below``, a real path's URL in the share."""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import TYPE_CHECKING

from server.access_rules import Action
from server.files import PathRefused, Resolved
from server.page_i18n import N_
from server.portable_folders import Folder, folder_path
from server.zip_walk import ZipRules, walk_zip
from server.zipstream import ZipItem

if TYPE_CHECKING:
    from server.access import Policy
    from server.access_rules import ShareRules


class ZipAccess:
    """FileAccess.zip_items and the check of the folder it opened."""

    __slots__ = ()

    if TYPE_CHECKING:
        _rules: ShareRules
        _policy: Policy
        def open_folder(self, fs_path: str) -> Folder: ...
        def may(self, action: Action, url_path: str) -> bool: ...
        def may_all_below(self, folder_url: str) -> bool: ...

    def zip_items(self, folder: Resolved, names: frozenset[str] | None = None
                  ) -> Generator[ZipItem, None, None]:
        """What a folder's zip holds: what its listings would show, recursively, without
        symlinks (server/zip_walk.py). Every entry is opened relative to its already-opened
        folder without following links and judged by the opened descriptor, so a folder or file
        swapped for a link while the archive is built leads nowhere. The policy is asked once
        per folder (``may_all_below``), and about each entry only below a folder where it may
        not allow everything. ``names``: only these entries of the folder (a selection on the
        page), each still judged by the policy like any other entry."""
        opened = self.open_folder(folder.fs_path)
        try:
            url = self._opened_folder_url(opened, folder)
        except BaseException:
            opened.close()
            raise
        rules = ZipRules(self._rules.show_hidden, self._policy.own.holds,
                         lambda path: self.may(Action.LIST, path),
                         lambda path: self.may(Action.READ, path), self.may_all_below, names)
        yield from walk_zip(opened, url, rules)

    def _opened_folder_url(self, opened: Folder, folder: Resolved) -> str:
        """The URL path of the folder that was opened, judged again: where it really is, not
        where ``folder`` was when resolved (it may have been swapped for a link since)."""
        real = folder_path(opened)
        if real is None:  # the kernel cannot name it: the real path, if it is that folder
            real = os.path.realpath(folder.fs_path)
            try:
                st = os.stat(real)
            except OSError:
                raise PathRefused(404, N_("Not found.")) from None
            if (st.st_dev, st.st_ino) != (opened.stat().st_dev, opened.stat().st_ino):
                raise PathRefused(404, N_("Not found."))
        try:
            url = url_below(self._rules.root, real, is_dir=True)
        except ValueError:
            raise PathRefused(404, N_("Not found.")) from None
        if not self.may(Action.LIST, url):
            raise PathRefused(404, N_("Not found."))
        return url


def url_below(root: str, real: str, *, is_dir: bool) -> str:
    """The URL path of a real path inside the share ("/a/b", "/a/b/" for a folder)."""
    if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
        raise ValueError("outside the share")
    url = "/" + real[len(root):].strip(os.sep).replace(os.sep, "/")
    return url + "/" if is_dir and url != "/" else url
