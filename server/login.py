"""Who is asking, for the router (server/handler.py): the connection's kept login, else the
Authenticator's answer turned into the user or an HTTP refusal (401, 429, 503)."""

from __future__ import annotations

from collections.abc import Callable

from server.auth import REASON_DIGEST_DIRECTORY, Authenticator
from server.call import NeedsWorker
from server.connection import Connection
from server.http11 import HttpError, Request
from server.page_i18n import N_
from server.routes_well_known import challenge_headers
from server.users import User


def user_of(conn: Connection, auth: Authenticator, request: Request, *, may_hash: bool,
            leave_pool: Callable[[], None], client: str | None = None) -> User | None:
    """The logged-in user, None for an anonymous visitor who may read; raises NeedsWorker
    (a password to verify on the serve thread) or the HttpError to answer. ``client``: whose
    failures count (a trusted proxy's client), the connection's peer by default."""
    client = client or conn.client
    header = request.headers.get("authorization")
    login = conn.login
    if login is not None and login.header == header and auth.still_valid(login, client):
        return login.user
    result = auth.check(header, request.method, request.target, client,
                        may_hash=may_hash, leave_pool=leave_pool)
    if result.outcome == "ok":
        conn.login = auth.connection_login(header, result.user) if result.user else None
        return result.user
    if result.outcome == "anonymous":
        return None
    if result.outcome == "deferred":  # a password to hash: not on the serve thread
        raise NeedsWorker
    retry = f"Retry-After: {result.retry_after}\r\n".encode("ascii")
    if result.outcome == "throttled":
        raise HttpError(429, N_("Too many failed logins; try again later."), close=False,
                        headers=retry)
    if result.outcome == "unavailable":
        raise HttpError(503, N_("The office directory cannot check logins right now; try "
                                   "again shortly."), close=False, headers=retry)
    message = N_("Please log in.")
    if result.reason == REASON_DIGEST_DIRECTORY:
        message = N_("Directory accounts cannot log in with Digest; log in with Basic "
                     "(HTTPS).")
    raise HttpError(401, message, close=False, headers=challenge_headers(auth, result.stale))
