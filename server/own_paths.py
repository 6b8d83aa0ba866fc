"""Pier's own files inside (or above) a share, recognised by identity (device + inode of every
folder on the way), not by spelling: on a case-insensitive file system ``/appdata/local/pier``
is ``AppData/Local/Pier``, and a bind mount or a second name of the same folder is the same
folder. The access policy (server/access.py) asks this module; nothing else should.

A file inside an own folder is Pier's own through that folder, but a hard link gives it a
second name anywhere on the same file system: ``share/README.md`` may be ``config/users.toml``.
So the regular files under the own folders are also known by their own identity, and a file
with more than one name (``st_nlink > 1``: only those pay for the look-up) is compared with
them. Their identities are looked for again when a second name is asked about and the last
look is older than REFRESH_S, or the file's ctime (set by the kernel when a link is made, never
set back) is not older than that look (at most every FRESH_LOOK_S; in between, such a file is
compared with the files near the top of the own folders, lstat-ed again: the ones Pier replaces
atomically): a file made or linked since then is never missed. The thumbnail cache
(``unwalked``) is known through its folder (thousands of files, none secret), its key file by
its own identity.

The trash folders systems keep inside a disk (``.Trash``/``.Trash-UID`` of freedesktop,
``.Trashes`` of macOS, ``$RECYCLE.BIN`` of Windows) are Pier's own too, wherever they are in
the share: deleted items go there (server/file_ops.py) and must not come back as downloads,
nor be a place to move things into or out of. So is the user's home trash
(``$XDG_DATA_HOME/Trash``, ``~/.Trash``), which has no such name: the entry points find it
(``ServerConfig.trash_folders``) and server/access.py ``policy_for`` gives it here as a path
(``unwalked``: its files are not looked at one by one).
"""

from __future__ import annotations

import os
import re
import stat
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from server.uploads import OWN_PREFIX, is_temp_name

Identity = tuple[int, int]  # (st_dev, st_ino)
LStat = Callable[[str], os.stat_result]
_ROTATION = re.compile(r"\.[0-9]{1,3}$")  # access.log.1 ... (RotatingFileHandler)
_TRASH = re.compile(r"(?:\.trash(?:-[0-9]+)?|\.trashes|\$recycle\.bin)", re.IGNORECASE)
REFRESH_S = 1.0  # how often identities of own paths that did not exist yet are looked for again
CTIME_SLACK_NS = 1_000_000_000  # file ctimes come from a coarse clock: they may lag a little
FILES_MAX = 10_000  # own files known by identity (accounts, keys, upload records, logs)
DEPTH_MAX = 32  # folder levels looked into below an own folder (config/tus/...)
# a file linked since the last look makes a new look, at most this often: a local account that
# keeps touching many hard links (or files whose ctimes run ahead) must not make every one of
# them cost a walk of the config folder; a link made within this time of a look to an own file
# created within it too is found by the next look
FRESH_LOOK_S = 0.25
SHALLOW_MAX = 64  # own files (at most one folder down) lstat-ed again for a link made meanwhile
ROTATIONS_LOOKED_AT = 9  # access.log.1 ... .9 beside an access log kept outside the own folders


def identity(st: os.stat_result) -> Identity:
    return st.st_dev, st.st_ino


class OwnPaths:
    """Pier's own files and folders, by identity.

    ``paths`` are protected with everything below them; ``logs`` are files protected together
    with their rotations (``access.log.1``...). A path that does not exist yet is remembered as
    (identity of its nearest existing folder, the next name, compared case-insensitively), so
    that nobody can create it first; its own identity is looked up again at most once a second."""

    def __init__(self, paths: Iterable[Path | str], logs: Iterable[Path | str] = (), *,
                 share: Path | str | None = None, unwalked: Iterable[Path | str] = (),
                 volatile: Iterable[Path | str] = (),
                 lstat: LStat = os.lstat, clock: Callable[[], float] = time.monotonic,
                 wall_ns: Callable[[], int] = time.time_ns) -> None:
        """``unwalked``: own folders whose files need not be known one by one (the thumbnail
        cache); ``volatile``: own folders that may be removed and made again while Pier runs
        (collect mode's folder: its identity is looked for again, never taken as settled);
        ``wall_ns`` is compared with files' ctimes."""
        self._paths = tuple(os.path.abspath(p) for p in paths)
        self._logs = tuple(os.path.abspath(p) for p in logs)
        self._unwalked = tuple(os.path.abspath(p) for p in unwalked)
        self._volatile = tuple(os.path.abspath(p) for p in volatile)
        self._lstat = lstat
        self._wall_ns = wall_ns
        self._share = None if share is None else self._identity(os.fspath(share))
        self._in_share = True  # some own path is (or would be) below the share's folder
        self._clock = clock
        self._ids: frozenset[Identity] = frozenset()
        self._reserved: dict[Identity, frozenset[str]] = {}  # folder -> names (casefolded)
        self._families: dict[Identity, frozenset[str]] = {}  # folder -> log names (casefolded)
        self._watched: frozenset[Identity] = frozenset()  # keys of both
        self._complete = False
        self._looked_at = 0.0
        self._refresh()
        self._files: frozenset[Identity] = frozenset()  # regular files under the own paths
        self._shallow: tuple[str, ...] = ()  # own files near the top: checked between looks
        self._files_looked_at = 0.0  # on ``clock``
        self._files_since_ns = 0  # on ``wall_ns``: when that look began
        self._look_at_files()

    def _refresh(self) -> None:
        ids: set[Identity] = set()
        reserved: dict[Identity, set[str]] = {}
        families: dict[Identity, set[str]] = {}
        complete = True
        for path in self._paths + self._logs:
            found = self._identity(path)
            if found is not None:
                ids.add(found)
                continue
            complete = False
            folder, name = self._nearest_existing(path)
            if folder is not None:
                reserved.setdefault(folder, set()).add(name)
        for path in self._logs:
            folder_id = self._identity(os.path.dirname(path))
            if folder_id is not None:
                families.setdefault(folder_id, set()).add(_fold(os.path.basename(path)))
        self._ids = frozenset(ids)
        self._reserved = {k: frozenset(v) for k, v in reserved.items()}
        self._families = {k: frozenset(v) for k, v in families.items()}
        self._watched = frozenset(self._reserved) | frozenset(self._families)
        self._in_share = self._share is None or any(
            self._share in self._ancestors(p) for p in self._paths + self._logs)
        # a protected file replaced atomically (a renewed key) or a rotated log gets a new
        # inode, and a freed one may come back as an uploaded file: keep looking
        self._complete = complete and not self._logs and not self._volatile and \
            not any(map(os.path.isfile, self._paths))
        self._looked_at = self._clock()

    def look_again(self) -> None:
        """Look up the own paths' identities now (one of them was just made)."""
        self._refresh()

    def _identity(self, path: str) -> Identity | None:
        try:
            return identity(self._lstat(path))
        except OSError:
            return None

    def _ancestors(self, path: str) -> set[Identity]:
        """Identities of ``path`` (where it exists) and of every folder above it."""
        found: set[Identity] = set()
        while True:
            step = self._identity(path)
            if step is not None:
                found.add(step)
            parent = os.path.dirname(path)
            if parent == path:
                return found
            path = parent

    def _nearest_existing(self, path: str) -> tuple[Identity | None, str]:
        child = path
        parent = os.path.dirname(path)
        while parent != child:
            found = self._identity(parent)
            if found is not None:
                return found, _fold(os.path.basename(child))
            child, parent = parent, os.path.dirname(parent)
        return None, ""

    def _fresh(self) -> None:
        if self._clock() - self._looked_at > REFRESH_S:
            self._refresh()

    @property
    def in_share(self) -> bool:
        """Whether some own path is (or would be) below the shared folder."""
        if not self._complete:
            self._fresh()
        return self._in_share

    def second_name(self, st: os.stat_result) -> bool:
        """Whether ``st`` is a file with more than one name, one of them one of Pier's own
        files (a hard link of users.toml placed in the share)."""
        if st.st_nlink < 2 or not stat.S_ISREG(st.st_mode):
            return False
        since_look = self._clock() - self._files_looked_at
        made = since_look <= REFRESH_S and self._made_since_look(st)
        if since_look > REFRESH_S or (made and since_look > FRESH_LOOK_S):
            self._look_at_files()
        elif made and self._is_a_shallow_file(st):
            return True  # users.toml, a key... replaced and linked since the last look
        return (st.st_dev, st.st_ino) in self._files

    def _is_a_shallow_file(self, st: os.stat_result) -> bool:
        """``st`` is what one of the files Pier keeps near the top of its folders (settings,
        accounts, keys: the ones replaced atomically) is now: a few lstats, no listing."""
        wanted = (st.st_dev, st.st_ino)
        for path in self._shallow:
            try:
                if identity(self._lstat(path)) == wanted:
                    return True
            except OSError:
                continue
        return False

    def _made_since_look(self, st: os.stat_result) -> bool:
        """The file got a name (or a change) since the last look, by this machine's clock: a
        ctime ahead of it was set elsewhere (a disk from another computer) and proves nothing."""
        ctime = st.st_ctime_ns
        return self._files_since_ns - CTIME_SLACK_NS <= ctime <= self._wall_ns() + CTIME_SLACK_NS

    def _look_at_files(self) -> None:
        since = self._wall_ns()
        skipped = {found for found in map(self._identity, self._unwalked) if found is not None}
        files: set[Identity] = set()
        shallow: list[str] = []
        for path in self._paths + self._logs:
            self._add_files(path, files, skipped, DEPTH_MAX, shallow)
        for log in self._logs:
            for number in range(1, ROTATIONS_LOOKED_AT + 1):
                self._add_files(f"{log}.{number}", files, skipped, 0)
        self._files = frozenset(files)
        self._shallow = tuple(shallow)
        self._files_looked_at = self._clock()
        self._files_since_ns = since

    def _add_files(self, path: str, files: set[Identity], skipped: set[Identity],
                   depth: int, shallow: list[str] | None = None) -> None:
        """The identities of ``path`` if it is a regular file, else of the files below it;
        the paths of those at most one folder down go to ``shallow`` (the first SHALLOW_MAX)."""
        if len(files) >= FILES_MAX:
            return
        try:
            st = self._lstat(path)
        except OSError:
            return
        if stat.S_ISREG(st.st_mode):
            files.add(identity(st))
            if shallow is not None and depth >= DEPTH_MAX - 2 and len(shallow) < SHALLOW_MAX:
                shallow.append(path)
            return
        if not stat.S_ISDIR(st.st_mode) or depth < 0 or identity(st) in skipped:
            return
        try:
            names = os.listdir(path)
        except OSError:
            return
        for name in names:
            self._add_files(os.path.join(path, name), files, skipped, depth - 1, shallow)

    def holds(self, folder: os.stat_result, name: str, st: os.stat_result | None) -> bool:
        """Whether ``name`` in the folder whose stat is ``folder`` is (or, when ``st`` is None
        because it does not exist yet, would become) one of Pier's own paths."""
        if not self._complete:
            self._fresh()
        if st is not None:
            if (st.st_dev, st.st_ino) in self._ids:
                return True
            if st.st_nlink > 1 and self.second_name(st):
                return True
        if name.startswith(OWN_PREFIX) and is_temp_name(name):
            return True
        if is_trash_name(name):
            return True
        return self._holds_in((folder.st_dev, folder.st_ino), name, st)

    def held_among(self, folder: os.stat_result, names: Sequence[str],
                   stats: Sequence[os.stat_result | None]) -> set[str]:
        """The names in the folder whose stat is ``folder`` that holds() calls Pier's own
        (``stats``: their lstats, None for one that is gone), with holds()' checks only for
        those that can be: a known identity, more than one name (every folder), a name
        beginning with "." or "$", or any name in a folder that holds reserved names. A
        listing's rows, without a call per row."""
        if not self._complete:
            self._fresh()
        ids, holds = self._ids, self.holds
        if (folder.st_dev, folder.st_ino) in self._watched:
            return {name for name, st in zip(names, stats, strict=True)
                    if st is not None and holds(folder, name, st)}
        return {name for name, st in zip(names, stats, strict=True)
                if st is not None and ((st.st_dev, st.st_ino) in ids or st.st_nlink > 1
                                       or name[:1] in ".$") and holds(folder, name, st)}

    def _holds_in(self, folder_id: Identity, name: str, st: os.stat_result | None) -> bool:
        """The name checks of holds(): a reserved name or a log (or rotation) in that folder."""
        if folder_id not in self._watched:  # most folders hold no own names: no casefold
            return False
        folded = _fold(name)
        if folded in self._reserved.get(folder_id, ()):
            return True
        family = self._families.get(folder_id)
        return family is not None and (folded in family or _ROTATION.sub("", folded) in family)

    def holds_steps(self, root: os.stat_result, names: tuple[str, ...],
                    steps: tuple[os.stat_result, ...]) -> bool:
        """holds_chain() with no call per step, for the paths resolve() walks on every
        request; a step in a folder that holds reserved names takes the full check."""
        if not self._complete:
            self._fresh()
        last = steps[-1] if steps else None
        if last is not None and last.st_nlink > 1 and self.second_name(last):
            return True
        if not self._in_share:  # all of Pier's own paths lie elsewhere: only temp files here
            return any(name[:1] in ".$" and (is_temp_name(name) or is_trash_name(name))
                       for name in names)
        ids, watched = self._ids, self._watched
        parent = (root.st_dev, root.st_ino)
        for name, st in zip(names, steps, strict=True):
            if parent in watched and self._holds_in(parent, name, st):
                return True
            key = (st.st_dev, st.st_ino)
            if key in ids or (name[:1] in ".$" and (is_temp_name(name) or is_trash_name(name))):
                return True
            parent = key
        return False

    def holds_chain(self, root: os.stat_result, names: Iterable[str],
                    stats: Iterable[os.stat_result]) -> bool:
        """Whether any step of a path below the root is one of Pier's own paths."""
        parent = root
        for name, st in zip(names, stats, strict=True):
            if self.holds(parent, name, st):
                return True
            parent = st
        return False

    def lie_below(self, folder: os.stat_result) -> bool:
        """Whether one of Pier's own paths (existing or reserved) lies below the folder whose
        stat is ``folder``: moving or deleting that folder would take it along."""
        if not self._complete:
            self._fresh()
        wanted = (folder.st_dev, folder.st_ino)
        if wanted in self._ids:
            return True
        return any(wanted in self._ancestors(path) for path in self._paths + self._logs)

    def contains_root(self, root: str) -> bool:
        """Whether the shared folder itself is, or lies inside, one of Pier's own folders."""
        if not self._complete:
            self._fresh()
        path = root
        while True:
            found = self._identity(path)
            if found is not None and found in self._ids:
                return True
            parent = os.path.dirname(path)
            if parent == path:
                return False
            path = parent


def is_trash_name(name: str) -> bool:
    """A system's trash folder inside a disk: .Trash, .Trash-1000, .Trashes, $RECYCLE.BIN."""
    return name[:1] in ".$" and _TRASH.fullmatch(name) is not None


def _fold(name: str) -> str:
    """How names are compared where a file system may not tell them apart: case and Unicode
    composition (macOS stores decomposed names, Windows ignores case)."""
    return unicodedata.normalize("NFC", name).casefold()
