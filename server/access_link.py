"""The "link" principal of the access policy: someone holding a share link (server/links.py)
reaches the linked file or folder and nothing else, whether or not the share asks for a login.

``LinkAccess`` is a ``FileAccess`` whose world is the linked item: a file link may READ that one
file; a folder link may READ and LIST the folder and what lies below it, and CREATE new names in
it when it is a drop box (``Link.upload``), whatever the share's upload switch says (the owner
made the drop box on purpose). Nothing is ever replaced, renamed, moved or deleted through a
link. Every path is still resolved by the share's rules (Pier's own paths, hidden names, links
that lead out of the share), and then judged where it really is: a symlink inside a linked
folder that leads to a sibling is outside the link and answered 404 like any unknown path.
"""

from __future__ import annotations

import os
import stat

from server.access import Action, FileAccess, Policy
from server.files import PathRefused, Resolved
from server.http11 import HttpError
from server.link_model import Link
from server.page_i18n import N_
from server.portable_folders import Folder


class LinkAccess(FileAccess):
    """The share as the holder of ``link`` reaches it. ``item_url`` is the linked item's URL
    path in the share ("/a/b.txt", or "/a/f/" for a folder)."""

    __slots__ = ("item_url", "link")

    def __init__(self, policy: Policy, link: Link, item_url: str) -> None:
        super().__init__(policy, None)
        self.link = link
        self.item_url = item_url

    @property
    def is_folder(self) -> bool:
        return self.item_url.endswith("/")

    def within(self, url_path: str) -> bool:
        """Whether ``url_path`` (decoded, normalised) is the linked item or below its folder."""
        item = self.item_url
        if not self.is_folder:
            return url_path == item
        return url_path.startswith(item) or url_path == item.rstrip("/")

    def may(self, action: Action, url_path: str) -> bool:
        if self._policy.root_is_own or not self.within(url_path):
            return False
        if action is Action.READ or action is Action.LIST:
            return True
        if action is Action.CREATE:  # a new name inside a drop box, never the box itself
            return self.link.upload and self.is_folder and \
                url_path.rstrip("/") != self.item_url.rstrip("/") and \
                self._policy.writable(action, url_path) and self._still_works()
        return False  # REPLACE, MODIFY: never through a link

    def _still_works(self) -> bool:
        """A drop box's write commits only while the rules in force still serve the link
        (server/rules_in_force.py): the same folder shared, links on, the link active."""
        in_force = self._policy.in_force
        return in_force is None or in_force.link_works(self._policy, self.link)

    def _check_still(self, folder: Folder, url: str, name: str, replace: bool) -> None:
        """Before a drop box's file takes its name: 410 once the link no longer works."""
        if not self._still_works():
            raise HttpError(410, N_("The owner ended this link."), close=True)
        super()._check_still(folder, url, name, replace)

    def as_routed(self) -> FileAccess:
        """Taking back what this request wrote: the link as it was when it was routed."""
        return _LinkAsRouted(self._policy, self.link, self.item_url)

    def target(self, raw_path: str) -> Resolved:
        found = self._resolve(raw_path)
        action = Action.LIST if found.is_dir else Action.READ
        if not self.may(action, self.judged_url(found)):
            raise PathRefused(404, N_("Not found."))
        return found

    def sees(self, url_path: str) -> bool:
        return self.within(url_path)

    def sees_everything_below(self, url_path: str) -> bool:
        return False  # a search asks about each result: links inside may lead out

    def may_all_below(self, folder_url: str) -> bool:
        """A zip's walk (which enters no links) needs not ask inside the linked folder."""
        return not self._policy.root_is_own and self.is_folder and \
            folder_url.startswith(self.item_url)


class _LinkAsRouted(LinkAccess):
    """LinkAccess.as_routed: the rules in force since are not asked."""

    __slots__ = ()

    def _still_works(self) -> bool:
        return True


def link_access(policy: Policy, link: Link) -> LinkAccess | None:
    """The access of ``link``'s holder, or None when the linked item is not (or no longer)
    inside this share or not of the link's kind. The item is looked for where it really is
    (a link's path given through a symlink counts where it leads)."""
    root = policy.rules.root
    real = _real_path(link.path, root)
    if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
        return None
    url = "/" + real[len(root):].strip(os.sep).replace(os.sep, "/")
    if link.kind == "folder":
        url = url if url == "/" else url + "/"
    elif url == "/":
        return None
    return LinkAccess(policy, link, url)


def _real_path(path: str, root: str) -> str:
    """``os.path.realpath(path)``, asking the disk only below ``root`` (itself a real path)
    when ``path`` is spelled inside it: a link's item is looked up on every request, and the
    folders above the share are the same for every request."""
    prefix = root.rstrip(os.sep) + os.sep
    if not path.startswith(prefix) or path != os.path.normpath(path):
        return os.path.realpath(path)
    step = root
    try:
        for name in path[len(prefix):].split(os.sep):
            step = os.path.join(step, name)
            if stat.S_ISLNK(os.lstat(step).st_mode):
                return os.path.realpath(path)
    except OSError:  # gone, or not a folder on the way: realpath's own answer
        return os.path.realpath(path)
    return path
