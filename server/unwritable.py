"""Folders of the share that no principal ever changes through Pier, although they may be read:
the owner's error pages folder (``--error-pages``) when it lies in the share. A drop box of a
share link, an account's upload, WebDAV's PUT and MOVE, a resumable upload or a hand-in that
put ``404.de.html`` there would make it every visitor's error page.

The access policy (server/access.py ``Policy.writable``) asks this module about every change
(CREATE, REPLACE, MODIFY) with the URL path it judges, which is where the item really is. The
folders are known by identity, as Pier's own paths are (server/own_paths.py): another spelling
(case, Unicode composition), a bind mount or a link to them is the same folder, and while one is
missing its name is reserved, so nobody can make it first. A folder holding one of them cannot
be renamed, moved or deleted either (that would take it along).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from server.own_paths import OwnPaths


class UnwritableFolders:
    """``folders``: real paths; ``root``: the share's real path."""

    def __init__(self, folders: Iterable[Path | str], root: str) -> None:
        paths = [os.fspath(f) for f in folders]
        self._folders = tuple(paths)
        self._root = root
        self._paths = OwnPaths(paths, share=root, volatile=paths)

    def covers(self, url_path: str, *, with_parents: bool) -> bool:
        """Whether ``url_path`` (decoded, normalised; a folder's may end in "/") is one of the
        folders or below one, or (``with_parents``: a rename, move or delete) a folder holding
        one. Each step is looked at through links: a link to the folder is the folder."""
        paths = self._paths
        if not all(map(os.path.isdir, self._folders)):
            paths.look_again()  # gone just now: its name is reserved from this write on
        path = self._root
        try:
            parent = os.stat(path)
        except OSError:
            return True
        if any(_same(parent, folder) for folder in self._folders):
            return True  # the share's root itself (a folder above it is no business of writes:
            # only files directly in it are read, which nothing in the share is)
        for name in (n for n in url_path.split("/") if n):
            path = os.path.join(path, name)
            try:
                st: os.stat_result | None = os.stat(path)
            except (OSError, ValueError):
                st = None
            if paths.holds(parent, name, st):
                return True
            if st is None:
                return False  # nothing is below a name that does not exist
            parent = st
        return with_parents and stat.S_ISDIR(parent.st_mode) and paths.lie_below(parent)


def _same(st: os.stat_result, path: str) -> bool:
    try:
        other = os.stat(path)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) == (other.st_dev, other.st_ino)

