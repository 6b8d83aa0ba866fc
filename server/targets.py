"""Request targets: the (path, query) of a target in origin or absolute form, and the answer
to plain HTTP on the HTTPS port (a redirect to the same path over https)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from server.http11 import HttpError, Request
from server.page_i18n import N_
from server.response import Response

_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")


def redirect_to_https(request: Request) -> Response:
    """Plain HTTP on the HTTPS port: point the browser at the right scheme, then close."""
    host = request.header("host")
    if not _HOST.match(host):
        raise HttpError(400, N_("This port speaks HTTPS; use an https:// address."))
    path, query = split_target(request.target, request.method)  # absolute form: its path
    location = f"https://{host}{path}{'?' + query if query else ''}".encode("ascii")
    return Response(301, b"Location: " + location + b"\r\nContent-Type: text/plain\r\n",
                    b"This server speaks HTTPS: " + location + b"\n", close=True)


def split_target(target: str, method: str) -> tuple[str, str]:
    """(path, query) of a request target in origin or absolute form."""
    if target == "*" and method == "OPTIONS":
        return "*", ""
    if target.startswith(("http://", "https://")):
        parts = urlsplit(target)
        return parts.path or "/", parts.query
    if not target.startswith("/"):
        raise HttpError(400, N_("The request target must start with '/'."))
    if "#" in target:
        raise HttpError(400, N_("Fragments are not allowed in request targets."))
    path, _, query = target.partition("?")
    return path, query
