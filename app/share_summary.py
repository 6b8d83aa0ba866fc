"""The line under Start that says who may do what: for the form (what Start would share) and
for the running share (what is in force); and what the status bar says when settings change
while sharing."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from app.collect_service import collect_summary
from server.config import ServerConfig

if TYPE_CHECKING:
    from app.controller import ShareRequest

CHANGES = "rename, move and delete"


@dataclass(frozen=True, slots=True)
class Rights:
    """What a share lets people do, as far as the line under Start tells it."""

    login: bool
    anonymous_read: bool
    upload: bool
    modify: bool
    anonymous_upload: bool = False
    anonymous_modify: bool = False
    permanent_deletes: bool = False

    def who(self) -> str:
        if not self.login:
            return "No login: anyone who connects may download"
        if not self.anonymous_read:
            return "Login required"
        verbs = ["look", "download"]
        if self.upload and self.anonymous_upload:
            verbs.append("upload")
        if self.modify and self.anonymous_modify:
            verbs.append(CHANGES)
        return "Login for accounts · visitors may " + ", ".join(verbs[:-1]) + " and " + verbs[-1]

    def what(self) -> str:
        if not (self.upload or self.modify):
            return "download only"
        if not self.login:
            if self.upload and self.modify:
                what = f"anyone may upload, {CHANGES}"
            else:
                what = "uploads allowed" if self.upload else f"anyone may {CHANGES}"
        else:
            parts = []
            if self.upload:
                parts.append("accounts with “upload” may add files")
            if self.modify:
                parts.append(f"accounts with “change” may {CHANGES}")
            what = "; ".join(parts)
        if self.modify:
            what += (" (deleted items go to the trash, or for good where there is none)"
                     if self.permanent_deletes else " (deleted items go to the trash)")
        return what


def access_summary(rights: Rights, *, https: bool, website: bool = False,
                   collect: str | None = None) -> str:
    """One line saying who can do what, e.g. "Login required · accounts with “upload” may add
    files · HTTPS"."""
    parts = [rights.who(), rights.what(), "HTTPS" if https else "plain HTTP (not encrypted)"]
    if website:  # the owner's choice: pages are not sandboxed then
        parts.append("website mode: pages in the share run as the share"
                     + (", uploaded ones too" if rights.upload else ""))
    if collect:
        parts.append(collect)
    return " · ".join(parts)


def summary_of_config(config: ServerConfig) -> str:
    auth = config.auth
    rights = Rights(login=auth is not None, anonymous_read=auth is not None and auth.anonymous_read,
                    upload=config.upload, modify=config.modify,
                    anonymous_upload=config.anonymous_upload,
                    anonymous_modify=config.anonymous_modify,
                    permanent_deletes=config.permanent_deletes)
    collect = config.collect
    return access_summary(rights, https=config.tls is not None, website=config.website_mode,
                          collect=collect_summary(collect.name, collect.until) if collect
                          else None)


def summary_of_request(share: ShareRequest) -> str:
    rights = Rights(login=share.require_login, anonymous_read=share.anonymous_read,
                    upload=share.upload, modify=share.modify,
                    anonymous_upload=share.anonymous_upload,
                    anonymous_modify=share.anonymous_modify,
                    permanent_deletes=share.permanent_deletes)
    collect = share.collect_name and collect_summary(share.collect_name, share.collect_until)
    return access_summary(rights, https=share.https, website=share.website_mode,
                          collect=collect or None)


def change_message(before: ServerConfig | None, after: ServerConfig, before_urls: list[str],
                   urls: list[str]) -> str:
    """What the status bar says once new settings are in force (``urls``: the share's, the
    bound host's first): where it is now, or that the rules apply from the next request."""
    lan = [url for url in urls if not is_loopback(url)]
    shown = lan[0] if lan and not after.is_local_only else urls[0] if urls else ""
    where = f" at {shown}" if shown else ""
    if before is None:
        return f"Sharing{where}"
    if before.is_local_only != after.is_local_only:
        scope = "on this computer only" if after.is_local_only else "on the local network"
        return f"Now sharing {scope}{where}"
    if os.path.realpath(before.root) != os.path.realpath(after.root):
        return f"Now sharing {after.root.name or after.root}{where}"
    if (before.tls is None) != (after.tls is None):
        return f"Now sharing with HTTPS{where}" if after.tls is not None else \
            f"Now sharing without HTTPS (not encrypted){where}"
    if before_urls != urls:
        return f"Now sharing{where}"
    return "New settings apply now, from the next request"


def is_loopback(url: str) -> bool:
    return (urlsplit(url).hostname or "") in ("127.0.0.1", "::1", "localhost")
