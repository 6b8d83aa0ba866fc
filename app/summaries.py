"""The window's one-line summaries of a share, in the user's language: who can do what (the line
under Start), what a running share is doing (asked before quitting), and what the status bar
says when settings change while sharing.

Qt-free: ``app.i18n.translate`` gives English until the window has loaded Qt and a translator.
Every sentence is whole in the catalogue (no English pieces glued together), so a translator can
order it as the language needs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from app.collect_service import collect_summary
from app.i18n import Catalogue, translate

if TYPE_CHECKING:
    from app.controller import ShareRequest
    from server.config import ServerConfig

Summary = Catalogue("Summary")  # named like its context: see app.i18n.Catalogue


@dataclass(frozen=True, slots=True)
class Activity:
    """What a running share is doing right now (for "quit while people are downloading?")."""

    connections: int = 0
    clients: int = 0
    transfers: int = 0

    @property
    def busy(self) -> bool:
        return bool(self.connections or self.clients or self.transfers)

    def describe(self) -> str:
        """E.g. "2 devices are connected and 1 transfer is running"."""
        devices = (self.clients or 1) if self.clients or self.connections else 0
        connected = Summary.tr("%n devices are connected", "", devices)
        running = Summary.tr("%n transfers are running", "", self.transfers)
        if devices and self.transfers:
            return translate("Summary", "{connected} and {running}").format(
                connected=connected, running=running)
        return connected if devices else running if self.transfers else ""


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
            return translate("Summary", "No login: anyone who connects may download")
        if not self.anonymous_read:
            return translate("Summary", "Login required")
        upload = self.upload and self.anonymous_upload
        change = self.modify and self.anonymous_modify
        if upload and change:
            return translate("Summary", "Login for accounts · visitors may look, download, "
                             "upload and rename, move and delete")
        if upload:
            return translate("Summary", "Login for accounts · visitors may look, download and "
                             "upload")
        if change:
            return translate("Summary", "Login for accounts · visitors may look, download and "
                             "rename, move and delete")
        return translate("Summary", "Login for accounts · visitors may look and download")

    def what(self) -> str:
        if not (self.upload or self.modify):
            return translate("Summary", "download only")
        if not self.login:
            if self.upload and self.modify:
                what = translate("Summary", "anyone may upload, rename, move and delete")
            elif self.upload:
                what = translate("Summary", "uploads allowed")
            else:
                what = translate("Summary", "anyone may rename, move and delete")
        else:
            parts = []
            if self.upload:
                parts.append(translate("Summary", "accounts with “upload” may add files"))
            if self.modify:
                parts.append(translate("Summary", "accounts with “change” may rename, move and "
                                       "delete"))
            what = "; ".join(parts)
        if self.modify:
            what += (translate("Summary", " (deleted items go to the trash, or for good where "
                               "there is none)") if self.permanent_deletes
                     else translate("Summary", " (deleted items go to the trash)"))
        return what


def access_summary(rights: Rights, *, https: bool, website: bool = False,
                   collect: str | None = None) -> str:
    """One line saying who can do what, e.g. "Login required · accounts with “upload” may add
    files · HTTPS"."""
    parts = [rights.who(), rights.what(),
             "HTTPS" if https else translate("Summary", "plain HTTP (not encrypted)")]
    if website:  # the owner's choice: pages are not sandboxed then
        parts.append(translate("Summary", "website mode: pages in the share run as the share, "
                               "uploaded ones too") if rights.upload
                     else translate("Summary", "website mode: pages in the share run as the "
                                    "share"))
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
    if before is None:
        return _at(shown, translate("Summary", "Sharing at {address}"),
                   translate("Summary", "Sharing"))
    if before.is_local_only != after.is_local_only:
        if after.is_local_only:
            return _at(shown,
                       translate("Summary", "Now sharing on this computer only at {address}"),
                       translate("Summary", "Now sharing on this computer only"))
        return _at(shown, translate("Summary", "Now sharing on the local network at {address}"),
                   translate("Summary", "Now sharing on the local network"))
    if os.path.realpath(before.root) != os.path.realpath(after.root):
        folder = after.root.name or str(after.root)
        return _at(shown, translate("Summary", "Now sharing {folder} at {address}"),
                   translate("Summary", "Now sharing {folder}"), folder=folder)
    if (before.tls is None) != (after.tls is None):
        if after.tls is not None:
            return _at(shown, translate("Summary", "Now sharing with HTTPS at {address}"),
                       translate("Summary", "Now sharing with HTTPS"))
        return _at(shown,
                   translate("Summary", "Now sharing without HTTPS (not encrypted) at {address}"),
                   translate("Summary", "Now sharing without HTTPS (not encrypted)"))
    if before_urls != urls:
        return _at(shown, translate("Summary", "Now sharing at {address}"),
                   translate("Summary", "Now sharing"))
    return translate("Summary", "New settings apply now, from the next request")


def _at(address: str, with_address: str, without: str, **values: str) -> str:
    """The whole sentence with the address when there is one, else the one without it."""
    return with_address.format(address=address, **values) if address else \
        without.format(**values)


def is_loopback(url: str) -> bool:
    return (urlsplit(url).hostname or "") in ("127.0.0.1", "::1", "localhost")
