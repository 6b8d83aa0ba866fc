"""One exchange on a connection, as the engine sees it: the request, what was answered, and
the numbers the request log records. Routes never see it (they get a server.call.Call).
See docs/ARCHITECTURE.md for the request flow."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from server.call import Call, wants_json
from server.connection import BodyReader, Connection
from server.http11 import Request
from server.response import Response
from server.users import User


@dataclass(slots=True)
class Exchange:
    conn: Connection
    started: float  # monotonic
    arrived: float  # wall clock
    on_serve_thread: bool = False  # answered from memory by the serve thread, if it can be
    head: bytes = b""
    request: Request | None = None
    call: Call | None = None  # what the route was given, once the request is routed
    body: BodyReader | None = None  # the request's body, if it has one
    status: int = 0  # 0 until the head of the answer is made
    user: User | None = None  # the logged-in user; None when anonymous
    sent: int = 0
    expected: int | None = None  # the body size announced (Content-Length), if any
    cut_short: bool = False  # the body did not arrive whole
    received: int = 0
    keep_alive: bool = False
    forwarded_for: str = ""  # the real client a trusted proxy named (server/forwarded.py)

    @property
    def client(self) -> str:
        """Who is asking: the client a trusted proxy named, else the connection's peer."""
        return self.forwarded_for or self.conn.client

    @property
    def body_pending(self) -> bool:
        """Body bytes not read yet, which would be taken for the next request."""
        if self.body is not None:
            return not self.body.finished
        request = self.request
        return request is not None and (request.content_length > 0 or request.chunked)

    @property
    def head_only(self) -> bool:
        return self.request is not None and self.request.method == "HEAD"

    def wants_json(self) -> bool:
        if self.call is not None:
            return self.call.wants_json()
        if self.request is None:
            return False
        return wants_json(self.request, {})  # by its Accept header


@dataclass(slots=True)
class Prepared:
    """What the serve thread did for a request it then handed to a worker: the login it
    checked (which must not be checked twice: a Digest nonce count is single-use) and, when
    the route answered but its body must wait (a file or a zip to stream), that answer."""

    head: bytes
    user: User | None
    answer: tuple[Exchange, Response] | None = None


_TAKING = threading.Lock()


def take_prepared(conn: Connection) -> Prepared | None:
    """``conn.prepared``, which is then None: taken once, by the worker that answers the
    request or by whoever closes the connection first (the engine stopping, say)."""
    with _TAKING:
        prepared, conn.prepared = conn.prepared, None
    return prepared


QuickAnswer = tuple[bool, list[bytes]]  # (keep the connection open, the bytes to send)
