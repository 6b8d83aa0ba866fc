"""Listing a folder in name order without a stat before the first row (issue 21): mixed into
FileAccess (server/access.py), which provides what is declared below. The names come from the
folder itself, are sorted, and each row is stat-ed and judged as list_folder would judge it
only when it is reached, in a second, re-checked opening of the folder."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from server.files import HOUSEKEEPING_PLAIN, Resolved
from server.http11 import HttpError
from server.listing import Entry, sort_entries
from server.page_i18n import N_
from server.portable import is_link
from server.portable_folders import Folder, FolderChanged, entries_in, stats_at

if TYPE_CHECKING:
    from server.access import Policy
    from server.access_rules import ShareRules

UNSEEN = -1  # the size of a planned entry not stat-ed yet (list_folder_by_name)
STATS_PER_BATCH = 250  # rows stat-ed together, after the first FIRST_STATS (a screenful)
FIRST_STATS = 50
_KIND, _FILE, _FOLDER = 0o170000, stat.S_IFREG, stat.S_IFDIR  # st_mode's kind bits
_new_entry = tuple.__new__  # Entry's own __new__ is Python: a third of a plain row's cost
_HOUSEKEEPING_LONGEST = max(map(len, HOUSEKEEPING_PLAIN))


class NameOrderListing:
    """FileAccess.list_folder_by_name and its helpers."""

    __slots__ = ()

    if TYPE_CHECKING:
        _rules: ShareRules
        _policy: Policy
        def open_folder(self, fs_path: str) -> Folder: ...
        def judged_url(self, found: Resolved) -> str: ...
        def sees(self, url_path: str) -> bool: ...
        def sees_everything_below(self, url_path: str) -> bool: ...
        def _checked_children(self, folder: Folder, folder_st: os.stat_result,
                              names: Iterable[str], *, housekeeping: bool = False
                              ) -> Iterator[tuple[str, os.stat_result, str | None]]: ...

    def list_folder_by_name(self, folder: Resolved, order: str = "asc"
                            ) -> tuple[list[Entry], Iterator[Entry]]:
        """list_folder's entries in name order, folders first, without a stat before the
        first: (the planned entries, sorted, their kind from the folder itself; links already
        followed and judged), and an iterator that stats and judges each planned entry as
        list_folder would when it is reached, in a second opening of the folder (checked
        again), leaving out what is no longer there, changed kind, or is Pier's own."""
        with self.open_folder(folder.fs_path) as opened:
            folder_st = opened.stat()
            folder_url = self.judged_url(folder)
            judge_each = not self.sees_everything_below(folder_url)
            show_hidden = self._rules.show_hidden
            planned: list[Entry] = []
            keep = planned.append
            for item in entries_in(opened):  # what runs per entry is kept to a few C calls
                name = item.name
                if not show_hidden and (name[:1] == "." or (
                        len(name) <= _HOUSEKEEPING_LONGEST
                        and name.lower() in HOUSEKEEPING_PLAIN)):
                    continue
                if item.is_symlink():
                    planned += self._linked_entry(opened, folder_st, name)
                elif not judge_each or self.sees(folder_url + name):
                    keep(_new_entry(Entry, (name, item.is_dir(follow_symlinks=False), UNSEEN,
                                            0.0, 0)))
        ordered = sort_entries(planned, "name", order)
        return ordered, self._judged_in_order(folder, ordered, _identity(folder_st))

    def _linked_entry(self, opened: Folder, folder_st: os.stat_result, name: str
                      ) -> list[Entry]:
        """The entry of the link ``name`` as list_folder shows it, or none."""
        for _, st, link_url in self._checked_children(opened, folder_st, (name,)):
            if link_url is not None and self.sees(link_url):
                is_dir = st.st_mode & 0o170000 == stat.S_IFDIR
                return [Entry(name, is_dir, 0 if is_dir else st.st_size, st.st_mtime,
                              st.st_mtime_ns)]
        return []

    def _judged_in_order(self, folder: Resolved, ordered: list[Entry],
                         scanned: tuple[int, int]) -> Iterator[Entry]:
        """The rows, from a second opening that must be the folder scanned: another folder
        swapped in between is a refusal (before the head: a 503; after it: the stream ends
        without its last chunk, and nothing is cached)."""
        with self.open_folder(folder.fs_path) as opened:
            folder_st = opened.stat()
            if _identity(folder_st) != scanned:
                raise _changed()
            start, size = 0, FIRST_STATS
            while start < len(ordered):  # a screenful first, then bigger batches
                yield from self._judged_batch(opened, folder_st, ordered[start:start + size])
                start, size = start + size, STATS_PER_BATCH

    def _judged_batch(self, opened: Folder, folder_st: os.stat_result, batch: list[Entry]
                      ) -> list[Entry]:
        """The rows of ``batch`` (planned entries), stat-ed together."""
        names = [entry.name for entry in batch]
        try:
            stats = stats_at(opened, names)
        except FolderChanged:  # (no descriptor) its path names another folder now
            raise _changed() from None
        held = self._policy.own.held_among(folder_st, names, stats)
        rows: list[Entry] = []
        keep, new, made = rows.append, _new_entry, Entry
        for entry, st in zip(batch, stats, strict=True):
            if entry[2] != UNSEEN:  # a link, judged already
                keep(entry)
                continue
            if st is None:
                continue  # no longer there
            name, is_dir = entry[0], entry[1]
            kind = st.st_mode & _KIND
            if kind == _FILE and not is_dir:
                if name not in held:
                    keep(new(made, (name, False, st.st_size, st.st_mtime, st.st_mtime_ns)))
            elif is_link(st):  # a link since the folder was read, or a junction
                rows += self._linked_entry(opened, folder_st, name)
            elif kind == _FOLDER and is_dir and name not in held:
                keep(new(made, (name, True, 0, st.st_mtime, st.st_mtime_ns)))
            # else: another kind since the folder was read, or Pier's own
        return rows


def _changed() -> HttpError:
    return HttpError(503, N_("The item changed since it was checked."), close=False,
                     headers=b"Retry-After: 1\r\n")


def _identity(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino
