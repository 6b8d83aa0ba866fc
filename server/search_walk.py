"""The walk behind a search in subfolders: part of the accessor, reached only through
``FileAccess.search``, which opens and checks the searched folder and brings the policy (hidden
names, Pier's own paths, may this principal list or read that URL, where a link leads).

Breadth-first, so shallow hits come first, and iterative (a queue, no recursion). A folder's
entries are read lazily with os.scandir: the kind of each comes from the folder itself, so only
subfolders and matching names are stat-ed. Links are never entered; a matching link is shown as
a listing shows it (its target's kind, size and date, when that target lies in the share and
this principal may reach it there).

Descriptors stay bounded: the searched folder stays open, and so do at most ``KEEP_OPEN`` other
folders, the most recently used; a queued folder whose parent was closed is reached again by
name from its nearest open ancestor, each step without following links and checked against the
(device, inode) recorded when it was listed. A folder that changed meanwhile (a step fails:
moved, replaced, removed) is left out; one that cannot be opened or read for another reason (no
permission, no descriptor left) is left out too, and ``truncated`` says the answer is not
complete. A folder seen before under another name (a bind mount of an ancestor) is not entered
twice.

Bounded: at most ``results`` hits, ``folders`` folders (entered or queued), ``depth`` levels
and ``seconds`` on the given clock, looked at between folders, every ``CHECK_EVERY`` entries
and before each matching link is followed (what that costs, the share's content decides, within
the bounds of portable_folders.link_destination); when a limit stops the walk, ``truncated``
says so.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from collections import OrderedDict, deque
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass

from server.clock import Clock
from server.files import is_housekeeping
from server.listing import Entry, natural_key
from server.portable import is_link
from server.portable_folders import Folder, Identity, entries_in, open_folder_at, stat_at

# Folders kept open besides the searched one: what a search stalled by its client holds (plus
# its socket) until the I/O timeout. Measured on /usr/lib (11,240 folders): 16 open cost
# 18,062 opens, 4 cost 19,301 (the same time), 2 cost 39,578; a stalled search used to hold 17.
KEEP_OPEN = 4
CHECK_EVERY = 1024  # entries of one folder between two looks at the clock

# How a folder that cannot be reached or read says it changed since it was listed (moved,
# removed, replaced by a file or a link, another folder under its name): it is not there now.
CHANGED = frozenset({errno.ENOENT, errno.ENOTDIR, errno.ELOOP,
                     getattr(errno, "ESTALE", errno.ENOENT)})
MayAccess = Callable[[str], bool]  # given a URL path ("/a/b" for a file, "/a/b/" for a folder)


@dataclass(frozen=True, slots=True)
class SearchLimits:
    results: int = 1000
    folders: int = 50_000  # entered or waiting in the queue: bounds time and memory
    seconds: float = 10.0
    depth: int = 1024  # levels below the searched folder (as for a zip: server/zip_walk.py)


@dataclass(frozen=True, slots=True)
class SearchRules:
    """What the policy says, in the terms of the walk (built by FileAccess.search)."""

    show_hidden: bool
    is_own: Callable[[os.stat_result, str, os.stat_result], bool]  # (folder, name, entry)
    may_list: MayAccess | None  # None: everything below may be listed and read
    may_read: MayAccess | None
    link_target: Callable[[Folder, str], os.stat_result | None]  # where a visible link leads


@dataclass(frozen=True, slots=True)
class Hit:
    folder: str  # where it is, relative to the searched folder: "" or "a/b/"
    entry: Entry

    @property
    def path(self) -> str:
        """Relative to the searched folder; a folder's ends in "/"."""
        return self.folder + self.entry.name + ("/" if self.entry.is_dir else "")


def fold(text: str) -> str:
    """``text`` as names are compared: compatibility-decomposed, accents (combining marks)
    dropped, case-folded; "Café" and "CAFE" both give "cafe"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(slots=True, eq=False)
class _Node:
    """A folder of the walk, entered or waiting in the queue."""

    parent: _Node | None
    name: str  # in its parent
    identity: Identity  # (device, inode) when it was listed
    depth: int

    def relative(self) -> str:
        """Its path below the searched folder ("" for that folder, else ending in "/")."""
        names = []
        node: _Node | None = self
        while node is not None and node.parent is not None:
            names.append(node.name)
            node = node.parent
        return "".join(name + "/" for name in reversed(names))


class SearchWalk:
    """One search: ``batches()`` yields the hits of each folder as it is read. Takes the opened,
    checked folder ``root`` (at URL path ``url``, ending in "/") over: every folder it opened is
    closed when the walk ends, is abandoned, or close() is called."""

    def __init__(self, root: Folder, url: str, text: str, rules: SearchRules,
                 limits: SearchLimits, clock: Clock) -> None:
        self._root = root
        self._url = url
        self._needle = fold(text)
        self._rules = rules
        self._limits = limits
        self._clock = clock
        self._deadline = 0.0
        self._open: OrderedDict[_Node, Folder] = OrderedDict()  # least recently used first
        self._queue: deque[_Node] = deque()
        self._seen: set[Identity] = set()
        self._closed = False
        self._stopped = False  # out of time or of room for results: the walk ends
        self.found = 0
        self.truncated = False  # a limit left something out

    def batches(self) -> Iterator[list[Hit]]:
        try:
            yield from self._walk()
        finally:
            self.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for folder in self._open.values():
            folder.close()
        self._open.clear()
        self._root.close()

    def _walk(self) -> Iterator[list[Hit]]:
        self._deadline = self._clock.monotonic() + self._limits.seconds
        try:
            st = self._root.stat()
        except OSError:
            return
        top = _Node(None, "", (st.st_dev, st.st_ino), 0)
        self._seen.add(top.identity)
        self._queue.append(top)
        while self._queue:
            if self._out_of_time():
                return
            node = self._queue.popleft()
            try:
                hits = self._read(self._reach(node), node)
            except OSError as err:
                self._left_out(err)
                continue
            if hits:
                self.found += len(hits)
                yield hits
            if self._stopped:
                return

    def _left_out(self, err: OSError) -> None:
        """A folder that could not be reached or read is left out: silently when it changed
        meanwhile (moved, replaced, removed: the tree as it is now has no such folder), else
        (no permission, no descriptor left) the answer says it is not complete."""
        if err.errno not in CHANGED:
            self.truncated = True

    def _out_of_time(self) -> bool:
        if self._clock.monotonic() >= self._deadline:
            self._stopped = self.truncated = True
        return self._stopped

    def _read(self, folder: Folder, node: _Node) -> list[Hit]:
        """The hits among ``folder``'s entries; its subfolders join the queue."""
        rules, needle = self._rules, self._needle
        folder_st = folder.stat()
        relative = node.relative()
        url = self._url + relative
        room = self._limits.results - self.found
        hits: list[Hit] = []
        children: list[tuple[str, Identity]] = []
        with closing(entries_in(folder)) as entries:
            for count, entry in enumerate(entries, 1):
                if count % CHECK_EVERY == 0 and self._out_of_time():
                    break
                name = entry.name
                if not rules.show_hidden and (name[:1] == "." or (
                        name[:1] in "dDtT" and is_housekeeping(name))):  # desktop.ini, Thumbs.db
                    continue
                hit = needle in (name.lower() if name.isascii() else fold(name))
                if not hit and not _is_folder(entry):
                    continue
                found = self._entry(folder, folder_st, name, url, hit, children)
                if self._stopped:
                    break
                if found is not None:
                    if len(hits) == room:
                        self._stopped = self.truncated = True
                        break
                    hits.append(Hit(relative, found))
        children.sort(key=lambda child: natural_key(child[0]))
        for name, identity in children:
            self._queue_folder(node, name, identity)
        hits.sort(key=lambda found: natural_key(found.entry.name))
        return hits

    def _entry(self, folder: Folder, folder_st: os.stat_result, name: str, url: str,
               hit: bool, children: list[tuple[str, Identity]]) -> Entry | None:
        """The listing entry of a matching ``name`` (None when it is not shown); a subfolder
        that may be listed joins ``children`` (to be queued) whether it matches or not."""
        rules = self._rules
        try:
            st = stat_at(folder, name)
        except OSError:
            return None
        if is_link(st):  # never entered; shown as its listing shows it
            return self._link_entry(folder, name) if hit else None
        if not (stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode)):
            return None
        if rules.is_own(folder_st, name, st):
            return None
        if stat.S_ISDIR(st.st_mode):
            if rules.may_list is not None and not rules.may_list(url + name + "/"):
                return None
            if len(children) < self._limits.folders:  # bounds what one folder costs
                children.append((name, (st.st_dev, st.st_ino)))
            else:
                self.truncated = True
        elif not hit or (rules.may_read is not None and not rules.may_read(url + name)):
            return None
        return _entry_of(name, st) if hit else None

    def _link_entry(self, folder: Folder, name: str) -> Entry | None:
        """A matching link as its listing shows it. Following a link costs what the share's
        content decides (within portable_folders' bounds), so the clock is looked at first."""
        if self._out_of_time():
            return None
        try:
            target = self._rules.link_target(folder, name)
        except OSError as err:  # short of descriptors or memory: not a broken link
            self._left_out(err)
            return None
        return None if target is None else _entry_of(name, target)

    def _queue_folder(self, parent: _Node, name: str, identity: Identity) -> None:
        if identity in self._seen:
            return  # a second name of a folder already on the walk
        if parent.depth >= self._limits.depth or len(self._seen) >= self._limits.folders:
            self.truncated = True
            return
        self._seen.add(identity)
        self._queue.append(_Node(parent, name, identity, parent.depth + 1))

    def _reach(self, node: _Node) -> Folder:
        """The folder of ``node``, opened: kept open, or re-opened name by name from its
        nearest open ancestor, which becomes most recently used with its open ancestors (the
        next folders of a breadth-first walk are mostly their other children). OSError if a
        step fails (moved, replaced, removed; or no descriptor left)."""
        if node.parent is None:
            return self._root
        way = []
        step: _Node | None = node
        while step is not None and step.parent is not None and step not in self._open:
            way.append(step)
            step = step.parent
        assert step is not None
        self._touch_ancestors(step)
        folder = self._root if step.parent is None else self._open[step]
        for child in reversed(way):
            folder = open_folder_at(folder, child.name, expected=child.identity)
            self._keep(child, folder)
        return folder

    def _touch_ancestors(self, node: _Node) -> None:
        """``node`` (open) and its open ancestors above it, up to KEEP_OPEN of them, become
        the most recently used, the deepest last: the walk's next folders are below them."""
        chain = []
        step: _Node | None = node
        for _ in range(KEEP_OPEN):
            if step is None or step not in self._open:
                break
            chain.append(step)
            step = step.parent
        for step in reversed(chain):
            self._open.move_to_end(step)

    def _keep(self, node: _Node, folder: Folder) -> None:
        self._open[node] = folder
        if len(self._open) > KEEP_OPEN:
            _, oldest = self._open.popitem(last=False)
            oldest.close()


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """From the folder's own word where it gives one (d_type): no stat for most entries."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _entry_of(name: str, st: os.stat_result) -> Entry | None:
    if stat.S_ISDIR(st.st_mode):
        return Entry(name, True, 0, st.st_mtime)
    if stat.S_ISREG(st.st_mode):
        return Entry(name, False, st.st_size, st.st_mtime)
    return None
