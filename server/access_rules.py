"""What the access policy (server/access.py) decides with: the actions it is asked about, the
share's switches, and who may change what.

Rights, from the least: READ/LIST (everyone the login layer lets in, within an account's
folders), CREATE (the share's ``upload`` switch and the principal's upload right), MODIFY (the
share's ``modify`` switch and the principal's modify right: rename, move away, move into,
delete an existing item), REPLACE (an upload over an existing name: CREATE there plus MODIFY,
where the share's ``modify`` or its older ``overwrite`` switch is on). The principal's right is
an account's ``can_upload``/``can_modify``; a visitor without an account has the share's
switches where no login is required, else ``anonymous_upload``/``anonymous_modify``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from server.users import User

MAX_NEW_FOLDERS = 1000  # folders one request may create
ANY_NAME = "*"  # "may something be created in this folder": CREATE of a name not yet known


class Action(Enum):
    READ = "read"  # download a file
    LIST = "list"  # see a folder's listing (filtered to what the principal may see)
    CREATE = "create"  # a new file or folder at this path
    REPLACE = "replace"  # replace an existing file's content (an upload over its name)
    # rename, move out of or into, delete (to the trash) the item at this path; for a folder
    # everything below it goes along
    MODIFY = "modify"


@dataclass(frozen=True, slots=True)
class ShareRules:
    """The share's switches, as far as access goes."""

    root: str  # real path
    login_required: bool
    upload: bool
    overwrite: bool
    show_hidden: bool
    modify: bool = False
    anonymous_upload: bool = False  # with login_required: visitors without an account
    anonymous_modify: bool = False
    permanent_deletes: bool = False  # where no trash exists, delete for good
    max_upload: int | None = None  # bytes one upload (and one copy) may add; None: no cap

    def allow_change(self, user: User | None, action: Action, url_path: str) -> bool:
        """CREATE, REPLACE or MODIFY by ``user`` at ``url_path`` (decoded, normalised; a
        folder's path may end in "/"). Pier's own paths are the policy's business, not this."""
        if action is Action.CREATE:
            return self.upload and self._principal(user, url_path, upload=True)
        if action is Action.REPLACE:
            return self.upload and (self.modify or self.overwrite) and \
                self._principal(user, url_path, upload=True) and \
                self._principal(user, url_path, upload=False)
        if action is Action.MODIFY:
            return self.modify and self._principal(user, url_path, upload=False)
        return False

    def _principal(self, user: User | None, url_path: str, *, upload: bool) -> bool:
        """The principal's own right: an account's, within its folders (the folder holding the
        item must be wholly its own: an account limited to /alice may not delete /alice)."""
        if not self.login_required:
            return True
        if user is None:
            return self.anonymous_upload if upload else self.anonymous_modify
        if not (user.can_upload if upload else user.can_modify):
            return False
        folder = url_path.rstrip("/").rpartition("/")[0] + "/"
        return user.sees_everything_below(folder)


@dataclass(slots=True)
class FolderBudget:
    """How many more folders one request may create."""

    left: int = field(default_factory=lambda: MAX_NEW_FOLDERS)
