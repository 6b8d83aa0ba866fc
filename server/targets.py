"""Request targets: the (path, query) of a target in origin or absolute form, and the answer
to plain HTTP on the HTTPS port (a redirect to the same path over https, never cached: the
port may speak plain HTTP again tomorrow)."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

from server.http11 import HttpError, Request
from server.page_i18n import N_
from server.response import NO_STORE, Response

MALFORMED_AUTHORITY = N_("The address in the request target is malformed.")
_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")


def redirect_to_https(request: Request) -> Response:
    """Plain HTTP on the HTTPS port: point the browser at the right scheme, then close."""
    host = request.header("host")
    if not _HOST.match(host):
        raise HttpError(400, N_("This port speaks HTTPS; use an https:// address."))
    path, query = split_target(request.target, request.method)  # absolute form: its path
    if path == "*":  # OPTIONS *: about the server, not a resource to send anyone to
        raise HttpError(400, N_("This port speaks HTTPS; ask OPTIONS * over https://."))
    location = f"https://{host}{path}{'?' + query if query else ''}".encode("ascii")
    return Response(301, b"Location: " + location + b"\r\nContent-Type: text/plain\r\n"
                    + NO_STORE, b"This server speaks HTTPS: " + location + b"\n", close=True)


def authority_of(target: str) -> str:
    """The host[:port] of an absolute-form target (its user info dropped); a malformed one
    (``http://[::1/``, ``http://]/``) is a 400, not the ValueError urlsplit raises."""
    return _split_absolute(target).netloc.rpartition("@")[2]


def split_target(target: str, method: str) -> tuple[str, str]:
    """(path, query) of a request target in origin or absolute form."""
    if target == "*" and method == "OPTIONS":
        return "*", ""
    if target.startswith(("http://", "https://")):
        parts = _split_absolute(target)
        return parts.path or "/", parts.query
    if not target.startswith("/"):
        raise HttpError(400, N_("The request target must start with '/'."))
    if "#" in target:
        raise HttpError(400, N_("Fragments are not allowed in request targets."))
    path, _, query = target.partition("?")
    return path, query


def _split_absolute(target: str) -> SplitResult:
    try:
        return urlsplit(target)
    except ValueError:
        raise HttpError(400, MALFORMED_AUTHORITY) from None
