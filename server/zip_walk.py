"""The walk behind a folder's zip: part of the accessor, reached only through
``FileAccess.zip_items``, which opens and checks the zipped folder and brings the policy
(``ZipRules``: hidden names, Pier's own paths, may this principal list or read that URL).

The per-entry work is done once per folder where it can be. A folder is read once, when it is
entered, with ``os.scandir`` on its descriptor: names and kinds only (the kind comes from the
folder itself; links, FIFOs, devices and sockets are left out there), no stat per entry. The
policy is asked once per folder whether everything below it may be read and listed; only where
it may not (a folder-limited account zipping a parent) is each entry's URL judged. A file is
then opened relative to its opened folder without following links (O_NOFOLLOW with dir_fd),
and the descriptor's own fstat is what is checked (a regular file, not one of Pier's own) and
what is stored (size, mtime): one open and one fstat per file, and what is checked is what is
read, whatever was swapped in since the folder was listed.

The walk is iterative (an explicit stack, no recursion), so a tree of any depth neither hits
Python's recursion limit nor keeps one descriptor per level: a folder's visible names are read
in full when it is entered, so its descriptor is needed only to open its children. The zipped
folder stays open, and so do at most ``KEEP_OPEN`` of the deepest folders of the current path;
an ancestor whose descriptor was closed is re-opened, when the walk comes back to it with
entries left, by name from its nearest open ancestor, each step without following links and
checked against the (device, inode) recorded when it was first entered. A step that fails or
finds another folder means that subtree changed: what is left of it is left out, as a folder
that vanished is. A step that fails only because the process is short of room (NO_ROOM: no
descriptor or memory left) says nothing about the tree: it is raised, so the zip fails visibly
rather than leaving that subtree out of a complete-looking archive.

Memory: the names of the folders on the current path (a list of str per level) and, in the
stream, the packed central directory; nothing per entry besides.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from server.files import is_housekeeping
from server.portable_folders import (
    NO_ROOM,
    Folder,
    Identity,
    entries_in,
    open_folder_at,
    open_regular_at,
)
from server.zipstream import Opened, ZipItem

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

MayAccess = Callable[[str], bool]  # given a URL path ("/a/b" for a file, "/a/b/" for a folder)
IsOwn = Callable[[os.stat_result, str, os.stat_result], bool]  # (folder, name, item): Pier's?


@dataclass(frozen=True, slots=True)
class ZipRules:
    """What the access policy tells the walk (built by ``FileAccess.zip_items``)."""

    show_hidden: bool  # dot-names and desktop housekeeping files are zipped too
    is_own: IsOwn  # the item's stat is the opened descriptor's
    may_list: MayAccess
    may_read: MayAccess
    # whether every entry below this folder may be read and listed: then none is asked about
    may_all_below: MayAccess
    selected: frozenset[str] | None = None  # only these names of the zipped folder


@dataclass(slots=True, eq=False)
class _Level:
    """A folder of the walk's current path."""

    name: str  # in its parent ("" for the zipped folder)
    st: os.stat_result  # when it was entered: its identity, for its entries' own-path checks
    prefix: str  # its arcname ("" for the zipped folder, else ending in "/")
    url: str  # its URL path, ending in "/"
    names: list[str]  # what it holds that a zip may take, sorted
    folders: set[str]  # which of those are folders
    folder: Folder | None  # None while closed
    all_allowed: bool  # the policy allows everything below it
    next: int = 0  # the next name to visit

    @property
    def identity(self) -> Identity:
        return self.st.st_dev, self.st.st_ino


def walk_zip(root: Folder, url: str, rules: ZipRules) -> Iterator[ZipItem]:
    """The items of the zip of the opened, checked folder ``root`` at URL path ``url`` (ending
    in "/"), in order: each folder's entries sorted by name, a folder's content right after its
    name, an empty folder as an entry of its own. Takes ``root`` over: every folder it opened is
    closed when the walk ends or is abandoned."""
    walk = _Walk(rules)
    try:
        yield from walk.items(root, url)
    finally:
        walk.close_all()


class _Walk:
    __slots__ = ("_rules", "stack")

    def __init__(self, rules: ZipRules) -> None:
        self._rules = rules
        self.stack: list[_Level] = []

    def items(self, root: Folder, url: str) -> Iterator[ZipItem]:
        stack, rules = self.stack, self._rules
        top = self._enter(root, "", "", url, rules.may_all_below(url), rules.selected)
        if top is None:
            return
        stack.append(top)
        while stack:
            level = stack[-1]
            if level.next >= len(level.names):
                _close(stack.pop())
                continue
            name = level.names[level.next]
            level.next += 1
            arcname = level.prefix + name
            if name in level.folders:
                child = self._child_folder(level, name, arcname + "/")
                if child is not None:
                    stack.append(child)
                    self._evict()
                    if not child.names:
                        yield ZipItem(child.prefix, None, 0, child.st.st_mtime)
            elif _fits(arcname) and (level.all_allowed or rules.may_read(level.url + name)):
                if self._reopened() is None:
                    continue
                yield ZipItem(arcname, None, -1, 0.0, _file_opener(level, name, rules.is_own))

    def _child_folder(self, level: _Level, name: str, prefix: str) -> _Level | None:
        """The level of the folder ``name`` of the deepest level, entered; None when it is left
        out (too deep, a name a zip cannot hold, the policy, Pier's own, changed, gone)."""
        rules = self._rules
        url = level.url + name + "/"
        if (len(self.stack) > MAX_DEPTH or not _fits(prefix)
                or not (level.all_allowed or rules.may_list(url))):
            return None
        folder = self._reopened()
        if folder is None:
            return None  # that subtree changed: nothing more of it
        try:
            opened = open_folder_at(folder, name)
        except OSError as err:
            _raise_if_short(err)
            return None
        all_allowed = level.all_allowed or rules.may_all_below(url)
        return self._enter(opened, name, prefix, url, all_allowed, None, parent=level)

    def _enter(self, folder: Folder, name: str, prefix: str, url: str, all_allowed: bool,
               selected: frozenset[str] | None, parent: _Level | None = None
               ) -> _Level | None:
        """The level of a folder just opened, with its names read; None (and the folder
        closed) if it is one of Pier's own, gone or replaced since it was opened, or cannot be
        read."""
        try:
            st = folder.stat()
            if parent is not None and self._rules.is_own(parent.st, name, st):
                folder.close()
                return None
            names, folders = self._names(folder, selected)
        except OSError as err:
            folder.close()
            _raise_if_short(err)
            return None
        return _Level(name, st, prefix, url, names, folders, folder, all_allowed)

    def _names(self, folder: Folder, selected: frozenset[str] | None
               ) -> tuple[list[str], set[str]]:
        """The names a zip may take from the open ``folder`` (sorted), and which are folders:
        by name (no hidden ones unless shown) and by the kind the folder gives, without a stat
        (where the system gives no kind, os.scandir asks for it)."""
        hide = not self._rules.show_hidden
        names: list[str] = []
        folders: set[str] = set()
        for entry in entries_in(folder):
            name = entry.name
            if ((hide and (name[:1] == "." or is_housekeeping(name)))
                    or (selected is not None and name not in selected)):
                continue
            if entry.is_dir(follow_symlinks=False):
                folders.add(name)
            elif not entry.is_file(follow_symlinks=False):
                continue  # a link, FIFO, device or socket: never in a zip
            names.append(name)
        names.sort()
        return names, folders

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
                    changed.next = len(changed.names)
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
    be) within the 16-bit name field, no backslash (a separator to Windows' tools) and no colon
    in its first name (a drive on Windows)."""
    if "\\" in arcname or ":" in arcname.partition("/")[0]:
        return False
    try:
        return len(arcname.encode()) <= MAX_NAME
    except UnicodeEncodeError:
        return False


def _close(level: _Level) -> None:
    if level.folder is not None:
        level.folder.close()
        level.folder = None


def _file_opener(level: _Level, name: str, is_own: IsOwn) -> Callable[[], Opened | None]:
    """Opens ``name`` in its folder (open while the walk is at that folder: the zip opens a file
    right when its item comes), without following links, if it is a regular file and not one
    of Pier's own, judged by the opened descriptor's fstat. None once the walk has left and
    closed the folder."""
    def open_it() -> Opened | None:
        folder = level.folder
        if folder is None:
            return None
        try:
            fd, st = open_regular_at(folder, name)
        except OSError as err:
            _raise_if_short(err)
            return None
        if is_own(level.st, name, st):
            os.close(fd)
            return None
        return Opened(fd, st.st_size, st.st_mtime)
    return open_it
