"""A share link as Pier keeps it: ``Link`` (what is linked, until when, how often, with which
PIN), its state at a given time, how ids and tokens are made, and how a token is shortened for
logs. The store is server.links; the TOML format server.link_file; PINs server.link_pins.

A link is reached at ``/.well-known/pier/l/TOKEN``. The token is 256 random bits from
``secrets`` and is the only secret: the id is a separate short random name for people (``pier
link revoke ID``), never derived from the token nor the token from it, so knowing one link's id
or token tells nothing about any other link.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from server.errors import InvalidLinkError, UnknownLinkError

__all__ = [
    "ID_ALPHABET", "LINK_PREFIX", "TOKEN_BYTES", "Link", "LinkKind", "LinkState",
    "item_kind", "link_reference", "link_state", "new_id", "new_token", "redact_link_tokens",
    "shorten_token", "storable_path",
]

LINK_PREFIX = "/.well-known/pier/l/"
TOKEN_BYTES = 32  # 256 bits; token_urlsafe makes 43 characters of them
MIN_TOKEN_CHARS = 22  # 132 bits: the least a token read from the file may have
ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: read aloud, typed by hand
ID_LENGTH = 6
LOG_TOKEN_CHARS = 6  # what the access log keeps of a token (36 of its 256 bits)

TOKEN_PATTERN = re.compile(rf"[A-Za-z0-9_-]{{{MIN_TOKEN_CHARS},128}}")
ID_PATTERN = re.compile(r"[a-z0-9]{4,16}")
# a share link's token, or a resumable (tus) upload's id: for a visitor's upload the id is all
# that guards it (server/routes_tus.py), so a log keeps no more of it than of a token
_LOGGED_TOKEN = re.compile(
    # "%6c" and doubled slashes too: such a path reaches no link (the router matches the
    # prefix as sent), but the token in it may be a real one, mistyped
    rf"(/\.well-known/pier/+(?:l|%6c|tus)/+)([A-Za-z0-9_%-]{{0,{LOG_TOKEN_CHARS}}})[A-Za-z0-9_%-]*",
    re.IGNORECASE)

LinkKind = Literal["file", "folder"]
LinkState = Literal["active", "expired", "revoked", "used up", "locked"]
KINDS: tuple[LinkKind, ...] = ("file", "folder")


@dataclass(frozen=True, slots=True)
class Link:
    """One share link. Times are epoch seconds (``Clock.time()``): they are shared with other
    processes through the file. ``downloads`` includes counts not yet written back. The token
    and the PIN hash stay out of ``repr`` so that a logged link gives neither away."""

    id: str
    token: str = field(repr=False)
    path: str  # the linked file or folder, an absolute file-system path as given
    kind: LinkKind
    created: float
    expires: float | None = None  # None: never
    downloads_allowed: int | None = None  # None: unlimited
    downloads: int = 0
    upload: bool = False  # a folder link that takes uploads (a drop box)
    pin_hash: str | None = field(default=None, repr=False)  # server.link_pins; never the PIN
    revoked: bool = False
    locked_until: float | None = None  # wrong PINs: no PIN is tried before then
    last_used_by: str | None = None  # the client's address
    last_used_at: float | None = None

    @property
    def url_path(self) -> str:
        """``/.well-known/pier/l/TOKEN``: where the link is served (percent-encoding-free)."""
        return LINK_PREFIX + self.token

    @property
    def has_pin(self) -> bool:
        return self.pin_hash is not None

    def state(self, now: float) -> LinkState:
        return link_state(self, now)


def link_state(link: Link, now: float) -> LinkState:
    """What ``link`` is at epoch time ``now``. An ended link (revoked, expired, used up) stays
    ended whatever else holds; "locked" is a pause of a link that would otherwise work."""
    if link.revoked:
        return "revoked"
    if link.expires is not None and now >= link.expires:
        return "expired"
    if link.downloads_allowed is not None and link.downloads >= link.downloads_allowed:
        return "used up"
    if link.locked_until is not None and now < link.locked_until:
        return "locked"
    return "active"


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_id(taken: set[str] | frozenset[str]) -> str:
    """A short random id not in ``taken`` (about 887 million to choose from)."""
    while True:
        candidate = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
        if candidate not in taken:
            return candidate


def shorten_token(token: str) -> str:
    """The form a token may take in a log: its first characters and "…" (enough to tell links
    apart in a log, far too little to use one)."""
    return token[:LOG_TOKEN_CHARS] + "…"


def redact_link_tokens(text: str) -> str:
    """``text`` (a request path, a Referer) with every link token after ``/.well-known/pier/l/``
    shortened as ``shorten_token`` does, percent-encoded tokens included, and every resumable
    upload's id after ``/.well-known/pier/tus/``."""
    if "/l/" not in text and "/L/" not in text and "%6" not in text \
            and "/tus/" not in text.lower():
        return text
    return _LOGGED_TOKEN.sub(_shortened, text)


def _shortened(match: re.Match[str]) -> str:
    kept = match.group(1) + match.group(2)
    return kept + "…" if len(match.group(0)) > len(kept) else kept  # "…": something was cut


def item_kind(path: Path | str) -> LinkKind:
    """"file" or "folder" for an existing item; InvalidLinkError for anything else."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InvalidLinkError(f"There is no file or folder {path}.") from None
    except OSError as err:
        raise InvalidLinkError(f"Cannot look at {path}: {err.strerror or err}.") from None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    raise InvalidLinkError(f"{path} is neither a file nor a folder.")


def link_reference(text: str) -> str:
    """An id, a token, or a link's URL or path -> the id or token in it."""
    text = text.strip()
    if "/l/" in text:
        text = text.split("/l/", 1)[1].split("/", 1)[0].split("?", 1)[0]
    if not text:
        raise UnknownLinkError("Name a link by its id or its token.")
    return text


def storable_path(path: Path | str) -> str:
    text = os.fspath(path)
    if not os.path.isabs(text):
        raise InvalidLinkError(f"The path {text} is not absolute.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidLinkError(f"The name {text!r} cannot be stored in the links file "
                               "(it is not valid text).") from None
    return text
