"""Which methods the share answers, for a 405's Allow (RFC 9110 §15.5.6) and the 405/501 split
of server/handler.py: the methods Pier knows but refuses here, and those it does not know."""

from __future__ import annotations

from server.config import ServerConfig
from server.http11 import HttpError
from server.page_i18n import N_

WRITE_METHODS = ("PUT", "POST")
ALLOW_READ = "GET, HEAD, OPTIONS, PROPFIND"
ALLOW_UPLOAD = ", PUT, POST, MKCOL, COPY"
ALLOW_MODIFY = ", DELETE, MOVE"
ALLOW_LOCKS = ", PROPPATCH, LOCK, UNLOCK"  # where something may be written
KNOWN_METHODS = frozenset({"POST", "PUT", "DELETE", "PATCH", "CONNECT", "TRACE", "PROPFIND",
                           "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "PROPPATCH"})


def allow_header(config: ServerConfig) -> bytes:
    """What this share lets someone do."""
    allowed = ALLOW_READ + (ALLOW_UPLOAD if config.upload else "") + \
        (ALLOW_MODIFY if config.modify else "") + \
        (ALLOW_LOCKS if config.upload or config.modify else "")
    return f"Allow: {allowed}\r\n".encode("ascii")


def not_allowed(config: ServerConfig, method: str, *, body_pending: bool) -> HttpError:
    """405 for a method Pier knows (with Allow), 501 (closing) for one it does not."""
    if method in KNOWN_METHODS:
        reason = N_("%(method)s is not allowed here.")
        if method in WRITE_METHODS:  # reached only while uploads are off
            reason = N_("Uploads are turned off in Pier for this share.")
        return HttpError(405, reason, close=body_pending, headers=allow_header(config),
                         fields={"method": method})
    return HttpError(501, N_("The method %(method)s is not supported."), close=True,
                     fields={"method": method})
