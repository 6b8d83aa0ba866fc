"""The walk behind a folder's zip: part of the accessor, reached only through
``FileAccess.zip_items``, which opens and checks the zipped folder and brings the policy (what
an entry's listing shows, may this principal list or read that URL).

The walk is iterative (an explicit stack, no recursion), so a tree of any depth neither hits
Python's recursion limit nor keeps one descriptor per level: a folder's visible entries (names,
stat, kinds) are read in full when it is entered, so its descriptor is needed only to open its
children. The zipped folder stays open, and so do at most ``KEEP_OPEN`` of the deepest folders
of the current path; an ancestor whose descriptor was closed is re-opened, when the walk comes
back to it with entries left, by name from its nearest open ancestor, each step without
following links and checked against the (device, inode) recorded when it was first entered. A
step that fails or finds another folder means that subtree changed: what is left of it is left
out, as a folder that vanished is. A step that fails only because the process is short of
room (NO_ROOM: no descriptor or memory left) says nothing about the tree: it is raised, so the
zip fails visibly rather than leaving that subtree out of a complete-looking archive.

Every entry is opened relative to its opened folder without following links, so a folder
swapped for a link while the archive is built leads nowhere.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from server.portable_folders import NO_ROOM, Folder, Identity, open_file_at, open_folder_at
from server.zipstream import ZipItem

# Folders of the current path kept open besides the zipped folder: what a zip stalled by its
# client holds (with its socket and the file being sent) until the I/O timeout. Reopening costs
# only where the walk comes back up past them: on /usr/share (3,370 folders) 16 open cost 3,370
# opens and 4 cost 3,415; a 1,100-level tree with a file on every level 33,280 opens (1.0 s)
# and 131,584 (1.6 s).
KEEP_OPEN = 4
# Folders more than MAX_DEPTH levels below the zipped one are left out: nothing deeper ever made
# it into a zip before (the recursive walk died at ~985 levels), no common tool extracts such
# paths (Linux's PATH_MAX is 4096 bytes), and the cut bounds what one zip costs: the stack of
# listings and names in memory, and the re-opening of ancestors (at most about
# MAX_DEPTH ** 2 / KEEP_OPEN opens).
MAX_DEPTH = 1024
MAX_NAME = 0xFFFF  # bytes of a zip entry's name (a 16-bit field): longer ones are left out

# (name, stat) of the entries of an open folder (given its stat) that its listing would show
Children = Callable[[Folder, os.stat_result], Iterable[tuple[str, os.stat_result]]]
MayAccess = Callable[[str], bool]  # given a URL path ("/a/b" for a file, "/a/b/" for a folder)


@dataclass(slots=True, eq=False)
class _Level:
    """A folder of the walk's current path."""

    name: str  # in its parent ("" for the zipped folder)
    identity: Identity  # (device, inode) when it was entered
    prefix: str  # its arcname ("" for the zipped folder, else ending in "/")
    children: list[tuple[str, os.stat_result]]  # sorted by name
    folder: Folder | None  # None while closed
    mtime: float
    next: int = 0  # the next child to visit


def walk_zip(root: Folder, url: str, children: Children, may_list: MayAccess,
             may_read: MayAccess) -> Iterator[ZipItem]:
    """The items of the zip of the opened, checked folder ``root`` at URL path ``url`` (ending
    in "/"), in order: each folder's entries sorted by name, a folder's content right after its
    name, an empty folder as an entry of its own. Takes ``root`` over: every folder it opened is
    closed when the walk ends or is abandoned."""
    walk = _Walk(url, children, may_list, may_read)
    try:
        yield from walk.items(root)
    finally:
        walk.close_all()


class _Walk:
    __slots__ = ("_children", "_may_list", "_may_read", "_url", "stack")

    def __init__(self, url: str, children: Children, may_list: MayAccess,
                 may_read: MayAccess) -> None:
        self._url = url
        self._children = children
        self._may_list = may_list
        self._may_read = may_read
        self.stack: list[_Level] = []

    def items(self, root: Folder) -> Iterator[ZipItem]:
        stack = self.stack
        top = self._enter(root, "", "")
        if top is None:
            return
        stack.append(top)
        while stack:
            level = stack[-1]
            if level.next >= len(level.children):
                _close(stack.pop())
                continue
            name, st = level.children[level.next]
            level.next += 1
            arcname = level.prefix + name
            if stat.S_ISDIR(st.st_mode):
                if (len(stack) > MAX_DEPTH or not _fits(arcname + "/")
                        or not self._may_list(self._url + arcname + "/")):
                    continue
                folder = self._reopened()
                if folder is None:
                    continue  # that subtree changed: nothing more of it
                try:
                    opened = open_folder_at(folder, name, expected=(st.st_dev, st.st_ino))
                except OSError as err:
                    _raise_if_short(err)
                    continue
                child = self._enter(opened, name, arcname + "/")
                if child is None:
                    continue
                stack.append(child)
                self._evict()
                if not child.children:
                    yield ZipItem(child.prefix, None, 0, child.mtime)
            elif _fits(arcname) and self._may_read(self._url + arcname):
                if self._reopened() is None:
                    continue
                yield ZipItem(arcname, None, st.st_size, st.st_mtime,
                              opener=_file_opener(level, name, (st.st_dev, st.st_ino)))

    def _enter(self, folder: Folder, name: str, prefix: str) -> _Level | None:
        """The level of a folder just opened, with its entries read; None (and the folder
        closed) if it is gone or replaced since it was opened, or cannot be read."""
        try:
            st = folder.stat()
            children = sorted(self._children(folder, st), key=lambda child: child[0])
        except OSError as err:
            folder.close()
            _raise_if_short(err)
            return None
        return _Level(name, (st.st_dev, st.st_ino), prefix, children, folder, st.st_mtime)

    def _evict(self) -> None:
        """Close the folder that a new deepest level pushed out of the open window. The open
        levels are the zipped folder and a run of levels ending at the deepest one."""
        index = len(self.stack) - KEEP_OPEN - 1
        if index >= 1:
            _close(self.stack[index])

    def _reopened(self) -> Folder | None:
        """The deepest level's folder, re-opened if it was closed: name by name from the nearest
        open ancestor, each step the folder that was entered there. None if a step fails; the
        levels from there down are then done (left out)."""
        stack = self.stack
        if stack[-1].folder is not None:
            return stack[-1].folder
        start = len(stack) - 1
        while stack[start].folder is None:
            start -= 1  # the zipped folder is open until the walk ends
        keep_from = len(stack) - KEEP_OPEN
        for index in range(start + 1, len(stack)):
            level, parent = stack[index], stack[index - 1]
            assert parent.folder is not None
            try:
                level.folder = open_folder_at(parent.folder, level.name,
                                              expected=level.identity)
            except OSError as err:
                _raise_if_short(err)
                for changed in stack[index:]:
                    changed.next = len(changed.children)
                return None
            if start < index - 1 < keep_from:
                _close(parent)  # only a step on the way down
        return stack[-1].folder

    def close_all(self) -> None:
        for level in self.stack:
            _close(level)
        self.stack.clear()


def _raise_if_short(err: OSError) -> None:
    """Raise ``err`` when it says the process is short of room rather than that the tree
    changed."""
    if err.errno in NO_ROOM:
        raise err


def _fits(arcname: str) -> bool:
    """Can a zip entry be named so: UTF-8 (a name the system gave as undecodable bytes cannot
    be) within the 16-bit name field."""
    try:
        return len(arcname.encode()) <= MAX_NAME
    except UnicodeEncodeError:
        return False


def _close(level: _Level) -> None:
    if level.folder is not None:
        level.folder.close()
        level.folder = None


def _file_opener(level: _Level, name: str, expected: Identity) -> Callable[[], int | None]:
    """Opens ``name`` in its folder (open while the walk is at that folder: the zip opens a file
    right when its item comes), without following links, and only if it is still the file that
    was listed. None once the walk has left and closed the folder."""
    def open_it() -> int | None:
        folder = level.folder
        if folder is None:
            return None
        try:
            return open_file_at(folder, name, expected=expected)
        except OSError as err:
            _raise_if_short(err)
            return None
    return open_it
