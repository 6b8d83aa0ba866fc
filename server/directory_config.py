"""The office directory's settings (LDAP / Active Directory logins): what `pier directory set`
and the window's Directory tab write, what `pier serve` and the window's share read.

Kept in ``directory.toml`` in Pier's config folder, written atomically with mode 0600 because it
holds the bind password. Only TLS connections are accepted (``ldaps://``, or ``ldap://`` with
StartTLS), and the directory's certificate is always verified (against ``ca_pem`` when given,
else the system's trust store). No ldap3 here: server.directory talks to the directory.
"""

from __future__ import annotations

import re
import ssl
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import tomli_w

from server.atomic import write_atomic
from server.errors import ConfigError
from server.paths import ensure_private_dir
from server.user_model import InvalidAccountError, normalize_folder

LEVELS = ("read", "upload", "modify", "admin")  # each includes the ones before
DEFAULT_USER_FILTER = "(uid={name})"  # OpenLDAP; Active Directory: (sAMAccountName={name})
AD_USER_FILTER = "(sAMAccountName={name})"
DEFAULT_GROUP_FILTER = "(&(objectClass=groupOfNames)(member={dn}))"
MEMBER_OF = "memberOf"  # as the group filter: read the user's memberOf attribute instead
TEXT_MAX = 1024
# an equality item of a filter whose value holds {name}: (uid={name}), (mail={name}@corp.example)
_NAME_ITEM = re.compile(r"\(\s*([A-Za-z0-9][A-Za-z0-9.-]*)=([^()*=]*)\{name\}([^()*=]*)\)")


class DirectoryConfigError(ConfigError):
    """A directory setting is not usable; the message is one sentence for the user."""


@dataclass(frozen=True, slots=True)
class GroupMapping:
    """A directory group (by its cn, compared without case) and what its members may do."""

    group: str
    level: str  # one of LEVELS
    folder: str | None = None  # a folder limit like "/team"; None = the whole share

    def __str__(self) -> str:
        return f"{self.group}={self.level}" + (f":{self.folder}" if self.folder else "")

    @property
    def rank(self) -> int:
        return LEVELS.index(self.level)


@dataclass(frozen=True, slots=True)
class DirectorySettings:
    url: str  # ldaps://host[:port], or ldap://host[:port] with starttls
    base_dn: str
    group_map: tuple[GroupMapping, ...]
    bind_dn: str = ""  # empty: search anonymously
    bind_password: str = field(default="", repr=False)
    user_filter: str = DEFAULT_USER_FILTER
    group_filter: str = DEFAULT_GROUP_FILTER
    ca_pem: str = ""  # the CA to trust for the directory's certificate; empty = the system's
    starttls: bool = False

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def port(self) -> int:
        parts = urlsplit(self.url)
        return parts.port or (636 if parts.scheme == "ldaps" else 389)

    @property
    def uses_member_of(self) -> bool:
        return self.group_filter.lower() == MEMBER_OF.lower()

    def validated(self) -> DirectorySettings:
        """These settings, trimmed, or DirectoryConfigError naming what is wrong."""
        cleaned = replace(self, url=self.url.strip(), base_dn=self.base_dn.strip(),
                          bind_dn=self.bind_dn.strip(), user_filter=self.user_filter.strip(),
                          group_filter=self.group_filter.strip() or DEFAULT_GROUP_FILTER)
        cleaned._check_url()
        for label, text in (("base DN", cleaned.base_dn), ("bind DN", cleaned.bind_dn),
                            ("user filter", cleaned.user_filter),
                            ("group filter", cleaned.group_filter)):
            if len(text) > TEXT_MAX or any(ord(c) < 32 for c in text):
                raise DirectoryConfigError(f"The {label} is too long or has control characters.")
        if not cleaned.base_dn:
            raise DirectoryConfigError("The directory needs a base DN (e.g. dc=example,dc=org).")
        if cleaned.bind_dn and not cleaned.bind_password:
            raise DirectoryConfigError("A bind DN needs its password (an empty one would be "
                                       "an unauthenticated bind).")
        _check_filter("user filter", cleaned.user_filter, "{name}")
        if not cleaned.uses_member_of:
            _check_filter("group filter", cleaned.group_filter, "{dn}")
        if not cleaned.group_map:
            raise DirectoryConfigError("Map at least one directory group to rights "
                                       "(--group-map GROUP=read|upload|modify|admin[:FOLDER]).")
        if cleaned.ca_pem:
            check_ca_pem(cleaned.ca_pem)
        return cleaned

    def _check_url(self) -> None:
        parts = urlsplit(self.url)
        try:
            port = parts.port
        except ValueError:
            port = -1
        if parts.scheme not in ("ldap", "ldaps") or not parts.hostname or port == -1 \
                or parts.path not in ("", "/") or parts.query or parts.username:
            raise DirectoryConfigError(f"'{self.url}' is not a directory address like "
                                       "ldaps://dc.example.org or ldap://dc.example.org.")
        if parts.scheme == "ldap" and not self.starttls:
            raise DirectoryConfigError("Passwords never go to the directory in the clear: use "
                                       "ldaps://, or ldap:// with StartTLS.")
        if parts.scheme == "ldaps" and self.starttls:
            raise DirectoryConfigError("StartTLS is for ldap:// addresses; ldaps:// is TLS "
                                       "from the start.")


def _check_filter(label: str, text: str, placeholder: str) -> None:
    if placeholder not in text or not (text.startswith("(") and text.endswith(")")) \
            or text.count("(") != text.count(")"):
        example = DEFAULT_USER_FILTER if placeholder == "{name}" else DEFAULT_GROUP_FILTER
        raise DirectoryConfigError(f"The {label} must be an LDAP filter in parentheses with "
                                   f"{placeholder} in it, e.g. {example}.")
    if placeholder == "{name}" and not name_items(text):
        raise DirectoryConfigError("The user filter must compare an attribute with {name} "
                                   "(e.g. (uid={name}) or (sAMAccountName={name})): Pier names "
                                   "the user as that attribute of the entry.")


def name_items(user_filter: str) -> list[tuple[str, str, str]]:
    """(attribute, text before {name}, text after it) for each ``(attribute=...{name}...)``
    of a user filter, in order: where a directory entry holds the user's name."""
    return [(m.group(1), m.group(2), m.group(3)) for m in _NAME_ITEM.finditer(user_filter)]


def check_ca_pem(pem: str) -> None:
    """DirectoryConfigError unless ``pem`` holds at least one certificate ssl can trust."""
    try:
        ssl.create_default_context(cadata=pem)
    except (ssl.SSLError, ValueError) as err:
        raise DirectoryConfigError(f"The CA file holds no usable PEM certificate ({err}).") \
            from None


def parse_group_map(text: str) -> GroupMapping:
    """``GROUP=read|upload|modify|admin[:FOLDER]`` -> GroupMapping, else DirectoryConfigError."""
    group, equals, rest = text.partition("=")
    level, _colon, folder = rest.partition(":")
    group, level = group.strip(), level.strip().lower()
    if not equals or not group or len(group) > 256 or any(ord(c) < 32 for c in group):
        raise DirectoryConfigError(f"'{text}' is not GROUP=read|upload|modify|admin[:FOLDER].")
    if level not in LEVELS:
        raise DirectoryConfigError(f"'{level}' in '{text}' is none of {', '.join(LEVELS)}.")
    if not folder.strip():
        return GroupMapping(group, level)
    try:
        cleaned = normalize_folder(folder)
    except InvalidAccountError as err:
        raise DirectoryConfigError(str(err)) from None
    return GroupMapping(group, level, None if cleaned == "/" else cleaned)


# ---------------------------------------------------------------------------------------------
# The file


def load_settings(path: Path) -> DirectorySettings | None:
    """The saved settings, None when the directory is off (no file); DirectoryConfigError when
    the file cannot be read or is not valid."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise DirectoryConfigError(f"Cannot read the directory settings {path}: {err}.") \
            from None
    try:
        settings = DirectorySettings(
            url=_text(data, "url"), base_dn=_text(data, "base_dn"),
            bind_dn=_text(data, "bind_dn"), bind_password=_text(data, "bind_password"),
            user_filter=_text(data, "user_filter") or DEFAULT_USER_FILTER,
            group_filter=_text(data, "group_filter") or DEFAULT_GROUP_FILTER,
            ca_pem=_text(data, "ca_pem"), starttls=data.get("starttls") is True,
            group_map=tuple(parse_group_map(item) for item in _texts(data, "group_map")))
        return settings.validated()
    except DirectoryConfigError as err:
        raise DirectoryConfigError(f"{path}: {err}") from None


def save_settings(path: Path, settings: DirectorySettings) -> None:
    """Write the (validated) settings atomically, readable by this user only."""
    settings = settings.validated()
    document: dict[str, Any] = {
        "url": settings.url, "starttls": settings.starttls, "base_dn": settings.base_dn,
        "bind_dn": settings.bind_dn, "bind_password": settings.bind_password,
        "user_filter": settings.user_filter, "group_filter": settings.group_filter,
        "group_map": [str(mapping) for mapping in settings.group_map],
        "ca_pem": settings.ca_pem,
    }
    try:
        ensure_private_dir(path.parent)
        write_atomic(path, tomli_w.dumps(document).encode("utf-8"), private=True)
    except OSError as err:
        raise DirectoryConfigError(f"Cannot write {path}: {err.strerror or err}.") from None


def remove_settings(path: Path) -> bool:
    """Turn the directory off; False when it was not on."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as err:
        raise DirectoryConfigError(f"Cannot remove {path}: {err.strerror or err}.") from None
    return True


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise DirectoryConfigError(f"'{key}' must be text.")
    return value


def _texts(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise DirectoryConfigError(f"'{key}' must be a list of texts.")
    return value
