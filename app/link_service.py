"""The window's share links: ``LinkService`` over a ``server.links.LinkStore`` on
``PierPaths.links_file``, the file the running share and ``pier link`` use too. Qt-free: the
Links tab (ui/links_tab.py) calls it and refreshes it on a timer, so links, counts, uses and
locks written by the engine or the CLI show up within about two seconds.

What the tab may not decide itself lives here: whether a path is inside the share (and not
one of Pier's own files), whether it is a file or a folder, the expiry a choice means, and the
URLs of a link for the running share's addresses (the ones the share panel lists).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from app.i18n import QT_TRANSLATE_NOOP, translate
from app.loopback import is_loopback_url
from server.clock import SYSTEM_CLOCK, Clock
from server.errors import InvalidLinkError, LinkStoreError
from server.link_model import Link, LinkKind, LinkState, item_kind
from server.links import LinkStore

__all__ = ["EXPIRY_CHOICES", "ExpiryChoice", "LinkRow", "LinkService", "NewLink"]

ExpiryChoice = Literal["1h", "1d", "7d", "date"]
# the labels in English, translated where shown (context "NewLinkDialog")
EXPIRY_CHOICES: tuple[tuple[ExpiryChoice, str], ...] = (
    ("1h", QT_TRANSLATE_NOOP("NewLinkDialog", "1 hour")),
    ("1d", QT_TRANSLATE_NOOP("NewLinkDialog", "1 day")),
    ("7d", QT_TRANSLATE_NOOP("NewLinkDialog", "7 days")),
    ("date", QT_TRANSLATE_NOOP("NewLinkDialog", "Until a date")))
_SECONDS: dict[str, int] = {"1h": 3600, "1d": 86400, "7d": 7 * 86400}


@dataclass(frozen=True, slots=True)
class NewLink:
    """What the New link dialog asks for."""

    path: str
    expiry: ExpiryChoice = "1d"
    until: dt.date | None = None  # with expiry "date": the link works to the end of that day
    downloads: int | None = None  # None: no limit
    pin: str | None = None
    upload: bool = False


@dataclass(frozen=True, slots=True)
class LinkRow:
    """One link as the tab shows it (compared between refreshes: unchanged rows are not
    redrawn)."""

    id: str
    name: str
    path: str
    kind: LinkKind
    state: LinkState
    url: str  # "" while not sharing
    expires: str
    downloads: str
    last_used: str
    has_pin: bool
    upload: bool


class LinkService:
    def __init__(self, links_file: Path, *, protected: Sequence[Path] = (),
                 clock: Clock = SYSTEM_CLOCK) -> None:
        """``links_file`` is ``PierPaths.links_file``; ``protected`` is ``PierPaths.protected``
        (Pier's own files, never linked)."""
        self.store = LinkStore(links_file, clock=clock)
        self._clock = clock
        self._protected = tuple(Path(os.path.realpath(p)) for p in protected)
        self._share: Path | None = None
        self._addresses: list[str] = []
        self.problem: str | None = None  # why the links file cannot be read, if it cannot

    # -- the share ---------------------------------------------------------------------------

    def set_share(self, folder: str | None) -> None:
        """The folder the window shares (or would share once started); None or "" for none."""
        self._share = Path(os.path.realpath(folder)) if folder and folder.strip() else None

    @property
    def share(self) -> Path | None:
        return self._share

    def share_ready(self) -> bool:
        """Links can be made: a share folder is set and exists."""
        return self._share is not None and self._share.is_dir()

    def set_addresses(self, urls: Sequence[str]) -> None:
        """The running share's addresses as the share panel shows them ([] when stopped)."""
        self._addresses = list(urls)

    @property
    def addresses(self) -> list[str]:
        return list(self._addresses)

    def preferred_address(self) -> str:
        """The address a phone can use (the first that is not loopback), else the first."""
        for url in self._addresses:
            if not is_loopback_url(url):
                return url
        return self._addresses[0] if self._addresses else ""

    def inside_share(self, path: str | Path) -> bool:
        """Whether ``path`` (followed through links) is the share or inside it, and not one of
        Pier's own files."""
        return self.why_not_linkable(path) is None

    def why_not_linkable(self, path: str | Path) -> str | None:
        """A sentence saying why ``path`` cannot be linked, or None when it can."""
        if self._share is None:
            return translate("LinkService", "Choose the folder to share first.")
        text = os.fspath(path).strip()
        if not text:
            return translate("LinkService", "Choose a file or folder inside the share.")
        real = Path(os.path.realpath(text))
        if not real.is_relative_to(self._share):
            return translate("LinkService", "{path} is not inside the shared folder {share}. A "
                             "link can only give out something the share contains.").format(
                path=text, share=self._share)
        if any(real.is_relative_to(own) or own.is_relative_to(real) for own in self._protected):
            return translate("LinkService", "{path} holds Pier's own files (settings, accounts, "
                             "keys): it cannot be linked.").format(path=text)
        try:
            item_kind(real)
        except InvalidLinkError as err:
            return str(err)
        return None

    def kind_of(self, path: str | Path) -> LinkKind | None:
        """"file" or "folder" for a linkable path, else None."""
        if self.why_not_linkable(path) is not None:
            return None
        return item_kind(os.path.realpath(os.fspath(path).strip()))

    # -- links -------------------------------------------------------------------------------

    def load(self) -> bool:
        """Read the links file; False (and ``problem`` says why) when it cannot be read."""
        try:
            self.store.load()
        except LinkStoreError as err:
            self.problem = str(err)
            return False
        self.problem = None
        return True

    def refresh(self) -> None:
        """Pick up what the engine or ``pier link`` wrote (looks at the file at most once a
        second; re-reads it only when it changed)."""
        if self.problem is not None:
            self.load()
            return
        self.store.refresh(wait=True)

    def links(self) -> list[Link]:
        return self.store.list()

    def expires_at(self, expiry: ExpiryChoice, until: dt.date | None) -> float:
        """Epoch seconds a choice means now; "date" is the end of that day, local time."""
        if expiry == "date":
            if until is None:
                raise InvalidLinkError(translate("LinkService", "Choose the date the link ends."))
            end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time()).astimezone()
            return end.timestamp()
        return self._clock.time() + _SECONDS[expiry]

    def create(self, request: NewLink) -> Link:
        """Make the link (InvalidLinkError with a sentence for what cannot be linked as asked;
        LinkStoreError when the file cannot be written)."""
        problem = self.why_not_linkable(request.path)
        if problem is not None:
            raise InvalidLinkError(problem)
        given = os.path.abspath(request.path.strip())  # as pier link stores it; the share
        kind = item_kind(given)  # resolves it when serving
        if request.upload and kind != "folder":
            raise InvalidLinkError(translate("LinkService", "Only a folder link can take uploads."))
        pin = request.pin if request.pin else None
        return self.store.create(given, kind, expires=self.expires_at(request.expiry,
                                                                     request.until),
                                 downloads_allowed=request.downloads or None, pin=pin,
                                 upload=request.upload)

    def revoke(self, link_id: str) -> Link:
        return self.store.revoke(link_id)

    def unlock(self, link_id: str) -> Link:
        return self.store.unlock(link_id)

    def url(self, link: Link, address: str | None = None) -> str:
        """The link's URL on ``address`` (default: ``preferred_address``); "" while not
        sharing. A file link ends in its name, so that downloads get it."""
        base = self.preferred_address() if address is None else address
        if not base:
            return ""
        url = base.rstrip("/") + link.url_path
        if link.kind == "file":
            url += "/" + quote(_name(link.path), safe="")
        return url

    def urls(self, link: Link) -> list[str]:
        """The link's URL on each of the share's addresses."""
        return [self.url(link, address) for address in self._addresses]

    def rows(self, address: str | None = None) -> list[LinkRow]:
        now = self._clock.time()
        return [self._row(link, now, address) for link in self.links()]

    def _row(self, link: Link, now: float, address: str | None) -> LinkRow:
        return LinkRow(id=link.id, name=_name(link.path), path=link.path, kind=link.kind,
                       state=self.store.state(link, now), url=self.url(link, address),
                       expires=_when(link.expires, translate("LinkService", "never")),
                       downloads=_downloads(link),
                       last_used=_last_used(link, now), has_pin=link.has_pin, upload=link.upload)


def _name(path: str) -> str:
    return os.path.basename(path.rstrip("/\\")) or path


def _when(epoch: float | None, default: str) -> str:
    if epoch is None:
        return default
    return dt.datetime.fromtimestamp(epoch).strftime("%Y-%m-%d %H:%M")


def _downloads(link: Link) -> str:
    if link.downloads_allowed is None:
        return str(link.downloads)
    return translate("LinkService", "{count} of {allowed}").format(
        count=link.downloads, allowed=link.downloads_allowed)


def _last_used(link: Link, now: float) -> str:
    """"192.168.1.40 at 14:02" (today) or "192.168.1.40 on 2026-05-04"."""
    if link.last_used_by is None:
        return translate("LinkService", "not yet")
    if link.last_used_at is None:
        return link.last_used_by
    used = dt.datetime.fromtimestamp(link.last_used_at)
    if used.date() == dt.datetime.fromtimestamp(now).date():
        return translate("LinkService", "{who} at {time}").format(
            who=link.last_used_by, time=f"{used:%H:%M}")
    return translate("LinkService", "{who} on {date}").format(
        who=link.last_used_by, date=f"{used:%Y-%m-%d}")
