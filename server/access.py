"""The one access policy: may this principal do this to this path of the share, and is this path
Pier's own?

Routes never decide permissions themselves. The handler asks ``Policy.bind(user)`` for a
``FileAccess`` and reaches the share only through it: the request's target (``target``,
``write_folder``) and every other path a route touches (each folder an upload creates, each entry
of a zip or a listing, a website's index page). Deny is the default.

Pier's own files (the config folder with accounts and keys, logs and their rotations, upload
temp files) are recognised by identity (server/own_paths.py), not by spelling.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from server.access_listing import UNSEEN, NameOrderListing  # noqa: F401  (UNSEEN: callers)
from server.access_rules import ANY_NAME, MAX_NEW_FOLDERS, Action, FolderBudget, ShareRules
from server.access_writes import WritingAccess
from server.access_zip import ZipAccess, url_below
from server.files import (
    PathRefused,
    Resolved,
    is_hidden,
    is_housekeeping,
    open_confined,
    open_confined_folder,
    resolve,
    url_quote,
)
from server.http11 import HttpError
from server.listing import Entry
from server.own_paths import OwnPaths, is_trash_name
from server.page_i18n import N_
from server.portable import is_link, opened_path
from server.portable_folders import (
    NO_ROOM,
    Folder,
    disk_usage,
    folder_path,
    link_destination,
    names_in,
    stat_at,
)
from server.search_walk import SearchLimits, SearchRules, SearchWalk
from server.thumb_cache import KEY_FILE as THUMB_KEY_FILE
from server.unwritable import UnwritableFolders
from server.users import User

if TYPE_CHECKING:
    from server.clock import Clock
    from server.collect import CollectConfig
    from server.config import ServerConfig
    from server.rules_in_force import RulesInForce
# what callers import from here: the policy's vocabulary lives in server/access_rules.py
__all__ = ["ANY_NAME", "MAX_NEW_FOLDERS", "Action", "FileAccess", "FolderBudget", "OwnPaths",
           "Policy", "ShareRules", "policy_for"]


class Policy:
    """Answers "may USER do ACTION at URL_PATH?" and "is this Pier's own?" for one share."""

    def __init__(self, rules: ShareRules, own: OwnPaths, protected: tuple[str, ...],
                 in_force: RulesInForce | None = None,
                 unwritable: UnwritableFolders | None = None) -> None:
        self.rules = rules
        self.unwritable = unwritable  # read, never changed: the error pages folder
        self.in_force = in_force  # a running share's rules now: writes ask it again
        self.own = own
        self.protected = protected  # the same paths as strings: the fast first check
        self.root_is_own = own.contains_root(rules.root)
        self.root_stat = os.stat(rules.root)
        self._anonymous = FileAccess(self, None)

    def allows(self, user: User | None, action: Action, url_path: str) -> bool:
        """``url_path`` is decoded and normalised; for CREATE it names the new item."""
        if self.root_is_own:
            return False
        if action is Action.READ or action is Action.LIST:
            if user is None:
                return True  # the login layer let an anonymous reader through
            if not user.can_read:
                return False
            return user.may_list(url_path) if action is Action.LIST else \
                user.may_access(url_path)
        return self.rules.allow_change(user, action, url_path) and \
            self.writable(action, url_path)

    def writable(self, action: Action, url_path: str) -> bool:
        """Whether a change (``action``) at ``url_path`` leaves the folders nobody writes
        through Pier alone (server/unwritable.py): every principal's ``may`` asks this."""
        unwritable = self.unwritable
        return unwritable is None or \
            not unwritable.covers(url_path, with_parents=action is Action.MODIFY)

    def allows_all_below(self, user: User | None, folder_url: str) -> bool:
        """Whether ``user`` may READ and LIST every path below the folder ``folder_url`` that
        is in normal form: one answer for a whole subtree (a zip's walk)."""
        if self.root_is_own:
            return False
        if user is None:
            return True  # the login layer let an anonymous reader through
        return user.can_read and user.sees_everything_below(folder_url)

    def bind(self, user: User | None) -> FileAccess:
        if user is None:
            return self._anonymous  # FileAccess keeps no state of its own: one will do
        return FileAccess(self, user)


def policy_for(config: ServerConfig, in_force: RulesInForce | None = None) -> Policy:
    """The policy of a validated config: its switches, and Pier's own paths (the access log
    with its rotations, the rest with everything below them). ``in_force``: the share's
    rules now (server/rules_in_force.py), which a write must still pass when it commits."""
    log = os.path.realpath(config.access_log) if config.access_log is not None else None
    paths = [str(p) for p in config.protected_paths if str(p) != log]
    unwalked: list[str] = []
    if config.thumb_cache is not None:  # thousands of thumbnails, known through their folder;
        unwalked.append(str(config.thumb_cache))  # its key file by its own identity too
        paths.append(os.path.join(config.thumb_cache, THUMB_KEY_FILE))
    for trash in map(str, config.trash_folders):  # like a disk's .Trash-UID: none of it
        paths.append(trash)  # served; the deleted files are not Pier's secrets to know one
        unwalked.append(trash)  # by one (a trash may hold thousands)
    # collect mode's folder: Pier's own for every principal (server/collect_access.py), known
    # by identity (not by spelling: it is no protected path), not walked (people's files)
    collect = [os.path.join(config.root, config.collect.name)] if config.collect else []
    own = OwnPaths([*paths, *collect], [log] if log else (), share=config.root,
                   unwalked=[*unwalked, *collect], volatile=collect)
    rules = ShareRules(root=str(config.root), login_required=config.auth is not None,
                       upload=config.upload, overwrite=config.overwrite,
                       show_hidden=config.show_hidden, modify=config.modify,
                       anonymous_upload=config.anonymous_upload,
                       anonymous_modify=config.anonymous_modify,
                       permanent_deletes=config.permanent_deletes,
                       max_upload=config.max_upload_bytes)
    protected = tuple(sorted({*paths, *([log] if log else [])}))
    # the error pages folder: read like any folder, written by nobody (server/unwritable.py)
    unwritable = UnwritableFolders([config.error_pages], str(config.root)) \
        if config.error_pages is not None else None
    return Policy(rules, own, protected, in_force, unwritable)


class FileAccess(NameOrderListing, ZipAccess, WritingAccess):
    """The share as one principal may reach it. Every path a route touches goes through here.
    The methods that create and change things are server/access_writes.py's."""

    __slots__ = ("_policy", "_rules", "user")

    def __init__(self, policy: Policy, user: User | None) -> None:
        self._policy = policy
        self._rules = policy.rules
        self.user = user

    def may(self, action: Action, url_path: str) -> bool:
        policy = self._policy
        if not policy.allows(self.user, action, url_path):
            return False
        if action is Action.READ or action is Action.LIST or policy.in_force is None:
            return True
        return policy.in_force.allows(policy, self.user, action, url_path)

    def as_routed(self) -> FileAccess:
        """This principal under the rules its request was routed with only (taking back
        what this very request wrote, which rules changed since must not keep in place)."""
        return _AsRouted(self._policy, self.user)

    @property
    def rules(self) -> ShareRules:
        return self._rules

    @property
    def own(self) -> OwnPaths:
        return self._policy.own

    def hand_in(self, collect: CollectConfig, folder_name: str,
                now: Callable[[], float]) -> FileAccess:
        """Collect mode: the person's folder ``<share>/NAME/folder_name/`` (made when missing)
        as an access that reaches that folder only (server/collect_access.py). A hand-in
        commits only while collect mode in force (same folder, same NAME) is open by ``now``
        (the engine's clock), with HAND_IN_GRACE after the deadline."""
        from server.collect_access import open_hand_in  # it builds on this module

        return open_hand_in(self, self._policy, collect, folder_name, now)

    def hand_in_names(self, collect_name: str) -> set[str]:
        """Collect mode: the names in ``<share>/collect_name/`` on disk (NFC, casefolded), which
        a new person's folder must not take (server/collect_access.py)."""
        from server.collect_access import names_in_collect

        return names_in_collect(self, self._policy, collect_name)

    def locate(self, raw_path: str) -> Resolved:
        """What ``raw_path`` names as the share resolves it, Pier's own refused (404); the
        caller still asks ``may`` (server/file_ops.py)."""
        return self._resolve(raw_path)

    # -- the request's target ------------------------------------------------------------------

    def target(self, raw_path: str) -> Resolved:
        """The file or folder a read names; 404 for what this principal may not see."""
        found = self._resolve(raw_path)
        if self.user is None and not self._policy.root_is_own:
            return found  # the login layer let an anonymous reader in: the whole share
        action = Action.LIST if found.is_dir else Action.READ
        if not self.may(action, self.judged_url(found)):
            raise PathRefused(404, N_("Not found."))
        return found

    def write_folder(self, raw_path: str) -> Resolved:
        """The folder an upload or a new folder goes into; 403 unless something may be
        created in it (the share accepts uploads, the account may upload there)."""
        found = self._resolve(raw_path)
        if not found.is_dir:
            raise HttpError(409, N_("Uploads go into a folder; this is a file."), close=False)
        real_url = self.judged_url(found)
        if not self.may(Action.CREATE, real_url + ANY_NAME):
            raise HttpError(403, N_("Your account may not upload here."), close=False)
        return replace(found, url_path=real_url)  # what is created is named where it really is

    def judged_url(self, found: Resolved) -> str:
        """The URL path the policy judges: where the item really is. A link inside an account's
        folder may lead elsewhere in the share; the account's rights there are what count."""
        if found.steps or found.url_path == "/":
            return found.url_path
        return url_below(self._rules.root, found.fs_path, is_dir=found.is_dir)

    def sees(self, url_path: str) -> bool:
        """Whether a listing shows the entry at ``url_path`` (it or something below it may be
        reached)."""
        return self.user is None or self.user.may_see(url_path)

    def sees_everything_below(self, url_path: str) -> bool:
        """Whether nothing below the folder ``url_path`` is hidden from this principal (a
        search need not ask about each result)."""
        return self.user is None or self.user.sees_everything_below(url_path)

    def _resolve(self, raw_path: str) -> Resolved:
        rules = self._rules
        found = resolve(rules.root, raw_path, show_hidden=rules.show_hidden,
                        protected=self._policy.protected)
        if self._is_own(found):
            raise PathRefused(404, N_("Not found."))
        return found

    def _is_own(self, found: Resolved) -> bool:
        """The identity check of every step from the root to ``found``."""
        root = self._rules.root
        if found.fs_path == root:
            return self._policy.root_is_own
        if found.steps:  # resolve() walked it without links: the names are its segments
            own = self._policy.own
            if not own.in_share and not self._rules.show_hidden:
                # nothing of Pier's below the share (temp names are hidden) but second names
                # and the trash folders a disk keeps ($RECYCLE.BIN is not a dot-name)
                return (found.stat.st_nlink > 1 and own.second_name(found.stat)) or \
                    any(name[:1] == "$" and is_trash_name(name) for name in found.names)
            return own.holds_steps(self._policy.root_stat, found.names, found.steps)
        names = found.fs_path[len(root):].strip(os.sep).split(os.sep)
        stats = []
        path = root
        root_st = self._policy.root_stat
        try:
            for name in names[:-1]:
                path = os.path.join(path, name)
                stats.append(os.lstat(path))
        except OSError:
            return True
        stats.append(found.stat)
        return self._policy.own.holds_chain(root_st, names, stats)

    def open_file(self, fs_path: str) -> int:
        """A descriptor of a resolved file, checked again after opening (a folder on the way
        may have been swapped for a link since it was resolved)."""
        rules = self._rules
        fd = open_confined(fs_path, rules.root, show_hidden=rules.show_hidden,
                           protected=self._policy.protected)
        try:
            self._check_opened(opened_path(fd) or fs_path, os.fstat(fd))
        except BaseException:
            os.close(fd)
            raise
        return fd

    def open_folder(self, fs_path: str) -> Folder:
        """A resolved folder, opened (portable_folders.Folder) and checked again. Close it
        with close() (or a with block)."""
        rules = self._rules
        folder = open_confined_folder(fs_path, rules.root, show_hidden=rules.show_hidden,
                                      protected=self._policy.protected)
        try:
            self._check_opened(folder_path(folder) or fs_path, folder.stat())
        except BaseException:
            folder.close()
            raise
        return folder

    def _check_opened(self, real: str, st: os.stat_result) -> None:
        """``real``: where the opened item is (the kernel's word, or the path that was checked
        step by step where the kernel cannot be asked)."""
        try:
            own = self._is_own(Resolved(real, "/", False, st))
        except OSError:
            own = True
        if own:
            raise PathRefused(404, N_("Not found."))

    # -- folders: listing, zip, website index --------------------------------------------------

    def list_folder(self, folder: Resolved, *, housekeeping: bool = False) -> list[Entry]:
        """The entries of a folder this principal may see; read through a checked descriptor.
        The files desktop clients keep (``._x``, desktop.ini...) only with ``housekeeping``
        (a WebDAV listing) or where hidden files are shown."""
        with self.open_folder(folder.fs_path) as opened:
            folder_st = opened.stat()
            folder_url = self.judged_url(folder)
            judge_each = not self.sees_everything_below(folder_url)  # else skip 100,000 asks
            entries: list[Entry] = []
            keep = entries.append
            for name, st, link_url in self._children(opened, folder_st,
                                                     housekeeping=housekeeping):
                if (judge_each or link_url) and not self.sees(link_url or folder_url + name):
                    continue
                is_dir = st.st_mode & 0o170000 == stat.S_IFDIR
                keep(Entry(name, is_dir, 0 if is_dir else st.st_size, st.st_mtime,
                           st.st_mtime_ns))
            return entries

    def disk_usage(self, folder: Resolved) -> tuple[int, int]:
        """(bytes used, bytes free) on the disk of a folder ``target`` gave (WebDAV's quota
        properties), read through a checked descriptor."""
        if not folder.is_dir:
            raise PathRefused(404, N_("Not found."))
        with self.open_folder(folder.fs_path) as opened:
            return disk_usage(opened)

    def _children(self, folder: Folder, folder_st: os.stat_result, *,
                  housekeeping: bool = False
                  ) -> Iterator[tuple[str, os.stat_result, str | None]]:
        """(name, stat, where a link leads or None) of the visible entries of an open folder: no
        hidden or temp names, none of Pier's own, symlinks only when they stay in the share,
        then with their target's stat and URL path."""
        yield from self._checked_children(folder, folder_st, names_in(folder),
                                          housekeeping=housekeeping)

    def _checked_children(self, folder: Folder, folder_st: os.stat_result,
                          names: Iterable[str], *, housekeeping: bool = False
                          ) -> Iterator[tuple[str, os.stat_result, str | None]]:
        show_hidden = self._rules.show_hidden  # looked up once: this runs for every entry
        own_holds = self._policy.own.holds
        regular_or_dir = (stat.S_IFDIR, stat.S_IFREG)
        for name in names:
            if not show_hidden and (is_hidden(name) if housekeeping
                                    else name[:1] == "." or is_housekeeping(name)):
                continue
            try:
                st = stat_at(folder, name)
            except OSError:
                continue
            link_url = None
            if is_link(st):
                target = self._link_target(folder, name)
                if target is None:
                    continue
                st, link_url = target.stat, self.judged_url(target)
            if stat.S_IFMT(st.st_mode) not in regular_or_dir:
                continue
            if own_holds(folder_st, name, st):
                continue
            yield name, st, link_url

    def _link_target(self, folder: Folder, name: str) -> Resolved | None:
        """Where the link ``name`` leads, as this share resolves it (inside the share, no
        hidden or own path on the way), or None: it leads nowhere, outside, or cannot be
        followed within the bounds of portable_folders.link_destination (a broken link).
        OSError only when the process is short of descriptors or memory."""
        try:
            found = link_destination(folder, name)
        except OSError as err:
            if err.errno in NO_ROOM:
                raise
            return None  # the folder itself moved (fallback mode)
        if found is None:
            return None
        try:
            return self._resolve(url_quote(url_below(self._rules.root, found[0], is_dir=False)))
        except (HttpError, ValueError):
            return None

    def website_index(self, folder: Resolved) -> Resolved | None:
        """The folder's index.html when this principal may read it."""
        try:
            found = self.target(url_quote(folder.url_path + "index.html"))
        except HttpError:
            return None
        return None if found.is_dir else found

    def root_page(self, name: str) -> Resolved | None:
        """The share root's file ``name`` (website mode's ``404.html``) when this principal may
        read it. None through a share link or a hand-in folder: their "/" is not the share's
        root, and what a visitor handed in must never become a page for others."""
        if type(self) is not FileAccess:
            return None
        try:
            found = self.target(url_quote("/" + name))
        except (HttpError, ValueError):
            return None
        return None if found.is_dir else found

    def may_all_below(self, folder_url: str) -> bool:
        """Whether this principal may READ and LIST everything below the folder ``folder_url``
        (decoded, ending in "/"), so that a walk need not ask about each entry. Names that are
        not in normal form (a backslash) are refused by the walk itself. A subclass that
        narrows ``may`` narrows this too."""
        return self._policy.allows_all_below(self.user, folder_url)

    def search(self, folder: Resolved, text: str, limits: SearchLimits,
               clock: Clock) -> SearchWalk:
        """What lies below ``folder`` whose name contains ``text`` (server/search_walk.py), as
        this principal's listings would show it; no link is entered."""
        url = self.judged_url(folder)
        limited = not self.sees_everything_below(url)
        rules = SearchRules(self._rules.show_hidden, self._policy.own.holds,
                            (lambda path: self.may(Action.LIST, path)) if limited else None,
                            (lambda path: self.may(Action.READ, path)) if limited else None,
                            self._search_link)
        return SearchWalk(self.open_folder(folder.fs_path), url, text, rules, limits, clock)

    def _search_link(self, folder: Folder, name: str) -> os.stat_result | None:
        target = self._link_target(folder, name)
        if target is None or not self.may(Action.LIST if target.is_dir else Action.READ,
                                          self.judged_url(target)):
            return None
        return target.stat

    def sees_link(self, folder: Folder, name: str) -> bool:
        """Whether the link ``name`` in the open ``folder`` leads where this principal may look
        (inside the share, to what it may read or list): an upload may replace only such."""
        return self._search_link(folder, name) is not None


class _AsRouted(FileAccess):
    """FileAccess.as_routed: the policy the request was routed with, not asked again."""

    __slots__ = ()

    def may(self, action: Action, url_path: str) -> bool:
        return self._policy.allows(self.user, action, url_path)

    def may_all_below(self, folder_url: str) -> bool:
        return super().may_all_below(folder_url)  # reading is not what as_routed changes
