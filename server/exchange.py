"""One exchange (a request and what has been answered so far) and the header lines and method
sets every route shares. See docs/ARCHITECTURE.md for the request flow."""

from __future__ import annotations

from dataclasses import dataclass, field

from server.access import FileAccess
from server.connection import Connection
from server.http11 import Request
from server.users import User

PAGE_CSP = (b"Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self' data:;"
            b" script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none';"
            b" frame-ancestors 'none'\r\n")
QUICK_SEND = 0.05  # seconds a download may wait for the client before it counts as slow
@dataclass(slots=True)
class Exchange:
    """One request and what has been answered so far."""

    conn: Connection
    started: float  # monotonic
    arrived: float  # wall clock
    request: Request | None = None
    path: str = ""
    query: dict[str, list[str]] = field(default_factory=dict)
    status: int = 0
    user: User | None = None  # the logged-in user; None when anonymous
    access: FileAccess | None = None  # the share as this user may reach it (after login)
    sent: int = 0
    expected: int | None = None  # the body size announced (Content-Length), if any
    cut_short: bool = False  # the body did not arrive whole
    received: int = 0
    keep_alive: bool = False
    body_read: bool = False  # the request's body (if any) has been consumed
    out: list[bytes] | None = None  # quick mode: the answer is collected here, not sent
    head: bytes = b""

    @property
    def quick(self) -> bool:
        return self.out is not None

    @property
    def body_pending(self) -> bool:
        request = self.request
        return (request is not None and (request.content_length > 0 or request.chunked)
                and not self.body_read)

    @property
    def head_only(self) -> bool:
        return self.request is not None and self.request.method == "HEAD"

    def wants_json(self) -> bool:
        if self.query.get("format", [""])[0] == "json":
            return True
        accept = self.request.header("accept") if self.request else ""
        return "application/json" in accept and "text/html" not in accept


class NeedsWorker(Exception):
    """Raised in quick mode when the answer would have to wait: a worker answers instead."""


QuickAnswer = tuple[bool, list[bytes]]  # (keep the connection open, the bytes to send)


