"""What a route is given: one request, who asks, and the share as that user may reach it.
Routes read nothing else (no socket, no connection); see docs/ARCHITECTURE.md."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from server.access import FileAccess
from server.files import url_quote
from server.http11 import Request
from server.page_i18n import PageLanguage, for_header
from server.records import UploadMark
from server.users import User


class NeedsWorker(Exception):
    """Raised on the serve thread when a route is about to do something that may wait (read a
    file or a folder, hash a password, read a request body): a worker answers instead."""


class RequestBody(Protocol):
    """A request's body, read on demand (server.connection.BodyReader on a real connection).
    The first read tells a client waiting on Expect: 100-continue to send it."""

    received: int

    def read(self, n: int = 262144) -> bytes: ...

    def drain(self, limit: int) -> None: ...

    @property
    def finished(self) -> bool: ...


def _nothing() -> None:
    pass


@dataclass(slots=True)
class LinkUse:
    """A request that came through a share link (server/routes_links.py)."""

    token: str
    base: str  # the link's URL prefix, "/.well-known/pier/l/TOKEN"
    item_url: str  # the linked item's URL path in the share ("/a/f/", "/a/b.txt")
    name: str  # the linked item's name, for page titles
    limited: bool = False  # the link has a download limit
    counts: bool = False  # this answer, delivered to its last byte, is one download
    reserved: bool = False  # it holds one of a limited link's downloads while it is sent

    def shown(self, url_path: str) -> str:
        """A share URL path inside the linked folder as seen under ``base`` ("/", "/sub/")."""
        return "/" + url_path[len(self.item_url):]

    def shown_url(self, url: str) -> str:
        """A percent-encoded share URL inside the linked folder, as a URL under ``base``."""
        return self.base + "/" + url[len(url_quote(self.item_url)):]


@dataclass(slots=True)
class Call:
    """One call of a route. ``access`` is bound to ``user`` by the router, which has already
    checked that ``user`` may reach the request's target."""

    request: Request
    path: str  # the target's path, still URL-encoded
    query: dict[str, list[str]] = field(default_factory=dict)
    user: User | None = None
    access: FileAccess | None = None
    tls: bool = False
    body: RequestBody | None = None  # for routes that change the share
    on_serve_thread: bool = False
    client: str = ""  # the client's address, as the log shows it
    upload: UploadMark | None = None  # set by the tus routes: the upload, for the log
    abort: Callable[[], None] = _nothing  # closes the connection now (from any thread)
    # gives this worker's place in the pool to a fresh one (ServeLoop._detach_current_worker)
    detach: Callable[[], None] = _nothing
    background_s: float = 0.0  # seconds spent waiting for background work (thumbnails)
    link: LinkUse | None = None  # set when the request came through a share link

    @property
    def language(self) -> PageLanguage:
        """The language of the pages answered to this request (Accept-Language); every such
        answer says ``Vary: Accept-Language``."""
        return for_header(self.request.header("accept-language"))

    def may_wait(self) -> None:
        """Say that what comes next may wait on the disk or the client."""
        if self.on_serve_thread:
            raise NeedsWorker

    def leave_pool(self) -> None:
        """Say that what comes next waits long on other threads' work (a thumbnail being
        made): the pool gets a fresh worker now and this one ends with its connection, so
        such waits never hold the workers quick requests and downloads need."""
        self.may_wait()
        self.detach()

    @property
    def files(self) -> FileAccess:
        assert self.access is not None, "the router binds the access policy before routing"
        return self.access

    @property
    def head_only(self) -> bool:
        return self.request.method == "HEAD"

    def wants_json(self) -> bool:
        return wants_json(self.request, self.query)

    def first(self, name: str, default: str = "") -> str:
        """The first value of query parameter ``name``."""
        return self.query.get(name, [default])[0]


def wants_json(request: Request, query: dict[str, list[str]]) -> bool:
    """?format=json, or an Accept header that asks for JSON and not for a page."""
    if query.get("format", [""])[0] == "json":
        return True
    accept = request.header("accept")
    return "application/json" in accept and "text/html" not in accept
