"""The access policy's side of collect mode (server/collect.py): one person's hand-in folder.

``<share>/NAME/`` is one of Pier's own paths while collect mode is on (server/access.py
``policy_for``), so no route reaches it through the share: not a listing, a download, a zip,
a search, WebDAV or a thumbnail, for any principal. The collect routes reach exactly one folder
of it, the person's, through ``HandInAccess``: a ``FileAccess`` that may READ and LIST that
folder and, while hand-ins are open, CREATE and REPLACE in it (a person replaces their own
earlier files, whatever --overwrite says; the old file goes for good, it was theirs), and that
finds everything else Pier's own (404). NAME/ and the person's folder are entered (made when
missing) without following links, and the person's folder is known by its identity.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable

from server.access import FileAccess, Policy
from server.access_rules import Action
from server.collect import HAND_IN_GRACE, CollectConfig, closed_error, folder_key
from server.files import Resolved
from server.own_paths import is_trash_name
from server.page_i18n import N_
from server.portable_folders import Folder, mkdir_at, names_in, open_folder_at, stat_at
from server.uploads import UploadFile, UploadRefused, is_temp_name

Identity = tuple[int, int]


def open_hand_in(access: FileAccess, policy: Policy, collect: CollectConfig, folder_name: str,
                 now: Callable[[], float]) -> HandInAccess:
    """The person's folder ``<share>/NAME/folder_name/``, made when missing, as a
    ``HandInAccess``; ``now``: the engine's clock (``time``). 409 when a link or a file has
    one of those names."""
    root, collect_name = policy.rules.root, collect.name
    opened = access.open_folder(root)
    try:
        for name in (collect_name, folder_name):
            child = _enter_or_make(opened, name)
            opened.close()
            opened = child
        identity = (opened.stat().st_dev, opened.stat().st_ino)
    finally:
        opened.close()
    policy.own.look_again()  # NAME/ made just now: known by its identity from now on
    real = os.path.join(root, collect_name, folder_name)
    return HandInAccess(policy, f"/{collect_name}/{folder_name}/", real, identity, collect,
                        now)


def names_in_collect(access: FileAccess, policy: Policy, collect_name: str) -> set[str]:
    """The names already in ``<share>/collect_name/`` by ``folder_key`` (folders left by an
    earlier run, files, links: a new person's folder takes none of them); empty when it is
    missing or not a folder (a hand-in then refuses it, 409). NAME/ is entered without
    following links."""
    with access.open_folder(policy.rules.root) as root:
        try:
            with open_folder_at(root, collect_name) as folder:
                return {folder_key(name) for name in names_in(folder)}
        except OSError:
            return set()


def _enter_or_make(folder: Folder, name: str) -> Folder:
    try:
        existing: os.stat_result | None = stat_at(folder, name)
    except FileNotFoundError:
        existing = None
    except OSError as err:
        raise UploadRefused(403, N_("Cannot use the folder: %(reason)s."),
                fields={"reason": err.strerror}, close=False) from None
    if existing is None:
        try:
            mkdir_at(folder, name)
        except FileExistsError:
            pass  # made meanwhile by a parallel hand-in: opened and checked below
        except OSError as err:
            raise UploadRefused(403, N_("Cannot create the folder: %(reason)s."),
                fields={"reason": err.strerror},
                                close=False) from None
    elif not stat.S_ISDIR(existing.st_mode):
        raise UploadRefused(409, N_("A file or link has the hand-in folder's name."), close=False)
    try:
        return open_folder_at(folder, name)
    except OSError:
        raise UploadRefused(409, N_("A file or link has the hand-in folder's name."),
                            close=False) from None


class HandInAccess(FileAccess):
    """One person's hand-in folder and nothing else (see the module's docstring)."""

    __slots__ = ("_collect", "_folder_identity", "_folder_real", "_folder_url", "_now")

    def __init__(self, policy: Policy, folder_url: str, folder_real: str,
                 identity: Identity, collect: CollectConfig, now: Callable[[], float]) -> None:
        super().__init__(policy, None)  # the person, not an account's folders, decides
        self._folder_url = folder_url
        self._folder_real = folder_real
        self._folder_identity = identity
        self._collect = collect
        self._now = now

    @property
    def folder_url(self) -> str:
        """The decoded URL path of the person's folder ("/NAME/Ana/")."""
        return self._folder_url

    def may(self, action: Action, url_path: str) -> bool:
        if not url_path.startswith(self._folder_url) and \
                url_path != self._folder_url.rstrip("/"):
            return False
        if action is Action.READ or action is Action.LIST:
            return True
        if action is Action.CREATE or action is Action.REPLACE:
            return url_path != self._folder_url and self._still_collecting() and \
                self._policy.writable(action, url_path)
        return False  # MODIFY (rename, move, delete): not through collect mode

    def _still_collecting(self) -> bool:
        """Whether a hand-in may commit now: collect mode still on in the same folder under
        the rules in force (server/rules_in_force.py), and not past its deadline (the one in
        force) by HAND_IN_GRACE (a hand-in is begun only before the deadline)."""
        collect = self._collect_now()
        return collect is not None and (
            collect.until is None or self._now() < collect.until + HAND_IN_GRACE)

    def _collect_now(self) -> CollectConfig | None:
        in_force = self._policy.in_force
        return self._collect if in_force is None else \
            in_force.collect_now(self._policy, self._collect)

    def _check_still(self, folder: Folder, url: str, name: str, replace: bool) -> None:
        """Before a file takes its name: 403 "Hand-ins closed at ..." (the deadline in force,
        or now when collect mode went off or moved) unless hand-ins are still taken."""
        if not self._still_collecting():
            collect = self._collect_now()
            until = collect.until if collect is not None else None
            raise closed_error(until if until is not None else self._now(), close=True)
        super()._check_still(folder, url, name, replace)

    def as_routed(self) -> FileAccess:
        """Taking back what this hand-in saved (server/writes.py ``withdraw``): this folder
        as it was when the hand-in began, whatever changed or closed since."""
        return _HandInAsRouted(self._policy, self._folder_url, self._folder_real,
                               self._folder_identity, self._collect, self._now)

    def may_all_below(self, folder_url: str) -> bool:
        return False  # every entry is judged by may() (nothing zips through a hand-in yet)

    def _is_own(self, found: Resolved) -> bool:
        """Everything outside the person's folder; inside it, what Pier's own names are
        anywhere (temp files, trash folders, a second name of an own file)."""
        real, base = found.fs_path, self._folder_real
        if real != base and not real.startswith(base + os.sep):
            return True
        try:
            now = os.lstat(base)
        except OSError:
            return True
        if (now.st_dev, now.st_ino) != self._folder_identity:
            return True  # swapped since it was entered
        names = real[len(base):].strip(os.sep).split(os.sep) if real != base else []
        if any(is_temp_name(name) or is_trash_name(name) for name in names):
            return True
        st = found.stat
        return st.st_nlink > 1 and stat.S_ISREG(st.st_mode) and self.own.second_name(st)

    def upload(self, folder: Folder, url: str, name: str, *, max_size: int | None,
               expected_size: int | None = None, rename: bool = True,
               replace: bool = True, existing_only: bool = False) -> UploadFile:
        upload = super().upload(folder, url, name, max_size=max_size,
                                expected_size=expected_size, rename=rename, replace=replace,
                                existing_only=existing_only)
        upload.before_replace = None  # the person's own earlier file: replaced for good
        return upload


class _HandInAsRouted(HandInAccess):
    """HandInAccess.as_routed: neither the rules in force nor the deadline asked again."""

    __slots__ = ()

    def _still_collecting(self) -> bool:
        return True
