"""The account record as the rest of Pier sees it (``User``: what it may reach) and the checks
and normal forms of names, passwords, folders and expiry dates. No files, no hashes: those are
server.users (the store) and server.passwords_hash. server.users re-exports everything here, so
``from server.users import User`` is the usual spelling.
"""

from __future__ import annotations

import math
import re
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from server.errors import UserStoreError
from server.uploads import is_utf8

NAME_MAX = 64
PASSWORD_MAX = 1024
FOLDER_MAX = 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class InvalidAccountError(UserStoreError):
    """A name, password, folder or date given for an account is not acceptable."""


class UnknownUserError(UserStoreError):
    """The named account does not exist (only raised to administrators, never to clients)."""


# ---------------------------------------------------------------------------------------------
# Validation and normalisation


def normalize_name(name: str) -> str:
    """Return the NFC form of a user name, or raise InvalidAccountError."""
    if not isinstance(name, str):
        raise InvalidAccountError("A user name must be text.")
    name = unicodedata.normalize("NFC", name)
    if not name or len(name) > NAME_MAX:
        raise InvalidAccountError(f"A user name must have 1 to {NAME_MAX} characters.")
    if _CONTROL.search(name):
        raise InvalidAccountError("A user name cannot contain control characters.")
    if ":" in name:
        raise InvalidAccountError("A user name cannot contain ':'.")
    if name != name.strip():
        raise InvalidAccountError("A user name cannot start or end with a space.")
    return name


def normalize_password(password: str) -> str:
    """Return the NFC form of a password, or raise InvalidAccountError. ':' is allowed."""
    if not isinstance(password, str):
        raise InvalidAccountError("A password must be text.")
    password = unicodedata.normalize("NFC", password)
    if not password or len(password) > PASSWORD_MAX:
        raise InvalidAccountError(f"A password must have 1 to {PASSWORD_MAX} characters.")
    return password


def normalize_folder(folder: str) -> str:
    """Return a folder limit as a clean URL path prefix ("/alice/docs"), "/" for the whole share."""
    if not isinstance(folder, str):
        raise InvalidAccountError("A folder must be text.")
    text = unicodedata.normalize("NFC", folder.strip())
    if not text or len(text) > FOLDER_MAX or _CONTROL.search(text) or "\\" in text:
        raise InvalidAccountError(f"'{folder}' is not a usable folder (use a path like /public).")
    parts = [part for part in text.split("/") if part]
    if any(part in (".", "..") for part in parts):
        raise InvalidAccountError(f"The folder '{folder}' cannot contain '.' or '..'.")
    if not is_utf8(text):  # kept in users.toml: UTF-8 only
        raise InvalidAccountError("That folder's name is not valid UTF-8 (bytes from an old "
                                  "archive?): rename it, or limit the account to a folder "
                                  "above it.")
    return "/" + "/".join(parts)


def normalize_folders(folders: Iterable[str]) -> tuple[str, ...]:
    """Clean folder limits; a limit of "/" means the whole share, which is the empty tuple."""
    if isinstance(folders, str):
        folders = (folders,)
    cleaned = sorted({normalize_folder(folder) for folder in folders})
    return () if "/" in cleaned else tuple(cleaned)


def _split_path(url_path: str) -> list[str] | None:
    """Segments of a decoded URL path, or None for a path that is not in normal form."""
    if not url_path.startswith("/") or "\\" in url_path or "\x00" in url_path:
        return None
    parts = [part for part in url_path.split("/") if part]
    if "." in parts or ".." in parts:
        return None
    return parts


def check_expiry(expires: float | None) -> float | None:
    """Return an expiry date (epoch seconds) as a float, None for never; raise
    InvalidAccountError for anything that is not a finite number."""
    if expires is None:
        return None
    if isinstance(expires, bool) or not isinstance(expires, int | float) or \
            not math.isfinite(expires):
        raise InvalidAccountError("An expiry must be a date.")
    return float(expires)


# ---------------------------------------------------------------------------------------------
# The account as the rest of Pier sees it


@dataclass(frozen=True, slots=True)
class User:
    """One account. Never holds a password or a hash."""

    name: str
    can_read: bool = True  # download and list
    can_upload: bool = False  # create new files and folders
    can_modify: bool = False  # rename, move, delete, replace existing items (issue 17)
    folders: tuple[str, ...] = ()  # URL path prefixes like "/alice"; empty = the whole share
    enabled: bool = True
    created: float = 0.0  # epoch
    last_login: float | None = None  # epoch
    expires: float | None = None  # epoch; None = never
    digest: bool = False  # a SHA-256 HA1 is stored for HTTP Digest
    digest_md5: bool = False  # an MD5 HA1 too, for old clients (explicit opt-in)
    admin: bool = False  # may read the live statistics (/.well-known/pier/stats)
    directory: bool = False  # a login from the office directory (server.directory), not stored

    def is_expired(self, now: float | None = None) -> bool:
        return self.expires is not None and (time.time() if now is None else now) >= self.expires

    def is_active(self, now: float | None = None) -> bool:
        """Enabled and not expired: whether a correct password lets this user in."""
        return self.enabled and not self.is_expired(now)

    def may_access(self, url_path: str) -> bool:
        """Whether the user may fetch ``url_path`` (decoded, normalised): "/" or a path inside
        an allowed folder. "/" is allowed so that the user lands somewhere, but its listing (and
        any archive of it) must be filtered with ``may_see``."""
        if not self.folders:
            return _split_path(url_path) is not None
        parts = _split_path(url_path)
        if parts is None:
            return False
        return not parts or self._inside_allowed(parts)

    def may_list(self, url_path: str) -> bool:
        """Whether a folder listing at ``url_path`` may be shown (filtered with ``may_see``):
        inside an allowed folder, or an ancestor of one, so that the user can navigate to it."""
        parts = _split_path(url_path)
        if parts is None:
            return False
        return not self.folders or self._inside_allowed(parts) or self._ancestor_of_allowed(parts)

    def may_see(self, url_path: str) -> bool:
        """Whether a listing entry at ``url_path`` is visible: inside an allowed folder, or an
        ancestor of one (the way to it)."""
        return self.may_list(url_path)

    def sees_everything_below(self, url_path: str) -> bool:
        """Whether everything under ``url_path`` is allowed (e.g. for a zip of a folder)."""
        parts = _split_path(url_path)
        if parts is None:
            return False
        return not self.folders or self._inside_allowed(parts)

    def _inside_allowed(self, parts: list[str]) -> bool:
        for folder in self.folders:
            prefix = folder.split("/")[1:]
            if parts[: len(prefix)] == prefix:
                return True
        return False

    def _ancestor_of_allowed(self, parts: list[str]) -> bool:
        for folder in self.folders:
            prefix = folder.split("/")[1:]
            if len(parts) < len(prefix) and prefix[: len(parts)] == parts:
                return True
        return False

