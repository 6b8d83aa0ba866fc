"""Served under a path prefix (``--base-path /files``): a reverse proxy passes the full path
(``/files/a.txt``); Pier answers only inside the prefix (anything else is a 404), strips it
before routing, so every route works on the share's own paths, and puts it back on every URL
it makes.

Putting it back happens here, on the Response, in one place rather than in each of the forty
places that write a URL: header lines (``Location``, ``Pier-File-URL``, ``Content-Location``,
a cookie's ``Path``) and the attributes, JSON ``url`` values and WebDAV hrefs of the pages and
documents Pier itself renders. Every URL Pier writes is an absolute path, and every name a
visitor chose is escaped in those documents (HTML attributes and JSON strings quote ``"``,
WebDAV hrefs are percent-encoded), so the patterns below can only meet Pier's own URLs. The
share's own files (``Response.verbatim``: downloads, a website's pages, its and the owner's
error pages) are never touched, nor is the user's own text inside one of Pier's pages (rendered
Markdown, between ``AS_WRITTEN_START`` and ``AS_WRITTEN_END``: a code sample's
``<img src=/logo.png>`` is text, not a URL of Pier's). The page's scripts find the prefix from
their own URL (resources/assets/transfer.js), which carries it like every asset's.

Requests name the prefix in ``Destination`` (COPY, MOVE) and in the resource tags of an ``If``
header too: both are stripped before the routes read them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from server.errors import ConfigError
from server.http11 import HttpError, Request
from server.pages import AS_WRITTEN_END, AS_WRITTEN_START
from server.response import Response, StreamBody

_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")
_HEADER_URL = re.compile(rb"^((?:Location|Content-Location|Pier-File-URL): )/(?!/)",
                         re.IGNORECASE | re.MULTILINE)
_COOKIE_PATH = re.compile(rb"^(Set-Cookie: [^\r\n]*; Path=)/", re.IGNORECASE | re.MULTILINE)
_HTML_URL = re.compile(rb"""(\s(?:href|src|action)=["']?)/(?![/\\])""", re.IGNORECASE)
_JSON_URL = re.compile(rb'("url": ?")/(?![/\\])')
_DAV_HREF = re.compile(rb"(<D:href>)/(?!/)")
_AS_WRITTEN = re.compile(re.escape(AS_WRITTEN_START.encode()) + rb".*?"
                         + re.escape(AS_WRITTEN_END.encode()), re.DOTALL)
_KINDS = ((b"text/html", _HTML_URL), (b"application/json", _JSON_URL),
          (b"application/xml", _DAV_HREF), (b"text/xml", _DAV_HREF))
FOREIGN_DESTINATION = "The Destination is on another server."


def normalise_base_path(text: str) -> str:
    """``/files`` from "files", "/files/", "/office/files"; "" for "" or "/". ConfigError for
    anything that is not a plain path (a query, dots, characters a URL would escape)."""
    cleaned = text.strip().strip("/")
    if not cleaned:
        return ""
    segments = cleaned.split("/")
    if any(s in ("", ".", "..") or not _SEGMENT.fullmatch(s) for s in segments):
        raise ConfigError(f"'{text}' is not a base path (give a path such as /files, "
                          "without a query, dots or spaces).")
    return "/" + "/".join(segments)


class BasePath:
    """The prefix (``/files``, never "/" or a trailing slash) a proxy serves Pier under."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self._bytes = prefix.encode("ascii")
        self._inserted = rb"\g<1>" + self._bytes.replace(b"\\", b"\\\\") + b"/"

    # -- what comes in -------------------------------------------------------------------------

    def share_path(self, path: str) -> str:
        """The share's path of the request path ``path``; "" for the prefix itself without its
        slash (the router redirects it to the share's root); a 404 outside the prefix."""
        prefix = self.prefix
        if path.startswith(prefix):
            rest = path[len(prefix):]
            if not rest or rest.startswith("/"):
                return rest
        if path == "*":
            return path
        raise HttpError(404, "Nothing is served here.", close=False)

    def strip_request(self, request: Request) -> None:
        """Take the prefix out of the URLs a WebDAV request names besides its target."""
        headers = request.headers
        destination = headers.get("destination")
        if destination is not None:
            headers["destination"] = self._stripped_destination(destination)
        condition = headers.get("if")
        if condition is not None and self.prefix in condition:
            headers["if"] = re.sub(r"<([A-Za-z][A-Za-z0-9+.-]*://[^/>]*)?" + re.escape(self.prefix)
                                   + r"(/[^>]*)>", r"<\1\2>", condition)

    def _stripped_destination(self, value: str) -> str:
        try:
            parts = urlsplit(value.strip())
        except ValueError:
            return value  # the route answers what it cannot read
        path = parts.path
        if not path.startswith(self.prefix + "/"):
            raise HttpError(502, FOREIGN_DESTINATION, close=False)
        return parts._replace(path=path[len(self.prefix):]).geturl()

    # -- what goes out -------------------------------------------------------------------------

    def outbound(self, response: Response) -> Response:
        """``response`` with the prefix on every URL Pier made in it: a new Response, since a
        route may answer with one it keeps (and the next request must find it unchanged)."""
        headers = response.headers
        if headers:
            headers = _COOKIE_PATH.sub(self._inserted, _HEADER_URL.sub(self._inserted, headers))
        body = response.body
        pattern = None if response.verbatim else _pattern_for(headers)
        if pattern is not None and isinstance(body, bytes):
            body = self._rewritten_page(body, pattern)
        elif pattern is not None and isinstance(body, StreamBody):
            body = StreamBody(self._rewritten(body.chunks, pattern), body.quick_chunks)
        return Response(response.status, headers, body, response.close, response.verbatim)

    def _rewritten_page(self, body: bytes, pattern: re.Pattern[bytes]) -> bytes:
        """``body`` rewritten outside its as-written parts (a page without any: all of it)."""
        if pattern is not _HTML_URL or AS_WRITTEN_START.encode() not in body:
            return pattern.sub(self._inserted, body)
        parts: list[bytes] = []
        done = 0
        for kept in _AS_WRITTEN.finditer(body):
            parts += [pattern.sub(self._inserted, body[done:kept.start()]), kept.group()]
            done = kept.end()
        parts.append(pattern.sub(self._inserted, body[done:]))
        return b"".join(parts)

    def _rewritten(self, chunks: Callable[[], Iterator[bytes]],
                   pattern: re.Pattern[bytes]) -> Callable[[], Iterator[bytes]]:
        """A stream's chunks rewritten one by one: they are whole rows (server/routes_search.py),
        never a URL cut in two; an as-written part (a streamed listing's README) is left as a
        page sent whole leaves it, across chunks too."""
        inserted = self._inserted
        markers = pattern is _HTML_URL

        def rewritten() -> Iterator[bytes]:
            source = chunks()
            inside = False
            try:
                for chunk in source:
                    if not markers:
                        yield pattern.sub(inserted, chunk)
                        continue
                    out, inside = _outside_as_written(chunk, inside,
                                                      lambda part: pattern.sub(inserted, part))
                    yield out
            finally:
                close = getattr(source, "close", None)
                if close is not None:
                    close()

        return rewritten


def _pattern_for(headers: bytes) -> re.Pattern[bytes] | None:
    """The pattern of Pier's own URLs in a body of the type ``headers`` name, if it has any."""
    start = headers.lower().find(b"content-type: ")
    if start < 0:
        return None
    content_type = headers[start + 14:headers.find(b"\r\n", start)].lower()
    for kind, pattern in _KINDS:
        if content_type.startswith(kind):
            return pattern
    return None


_START, _END = AS_WRITTEN_START.encode(), AS_WRITTEN_END.encode()


def _outside_as_written(chunk: bytes, inside: bool, rewrite: Callable[[bytes], bytes]
                        ) -> tuple[bytes, bool]:
    """``chunk`` rewritten outside the as-written parts, ``inside`` one when it begins; and
    whether it ends inside one. (The stream's chunks never cut a marker: the README is one.)"""
    parts: list[bytes] = []
    done = 0
    while done < len(chunk):
        if inside:
            end = chunk.find(_END, done)
            if end < 0:
                parts.append(chunk[done:])
                break
            parts.append(chunk[done:end + len(_END)])
            done, inside = end + len(_END), False
        else:
            start = chunk.find(_START, done)
            if start < 0:
                parts.append(rewrite(chunk[done:]))
                break
            parts.append(rewrite(chunk[done:start]))
            done, inside = start, True
    return b"".join(parts), inside
