"""What a route returns: a status, header lines and a body. Routes never touch sockets; the
engine (server/delivery.py) sends a Response, and the kind of its body tells it whether the
serve thread may send it at once (bytes, from memory) or a worker must (a file span, a zip or
a stream, which wait on the disk and the client). See docs/ARCHITECTURE.md, "Request flow"."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from server import pages
from server.access import FileAccess
from server.cache import FileFacts
from server.http11 import HttpError, Request, phrase
from server.listing_entries import json_safe
from server.page_i18n import ENGLISH, for_header
from server.zipstream import ZipItem

PAGE_CSP = (b"Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self' data:;"
            b" media-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self';"
            b" base-uri 'none'; frame-ancestors 'none'\r\n")
HTML = b"Content-Type: text/html; charset=utf-8\r\n"
JSON = b"Content-Type: application/json; charset=utf-8\r\n"
TEXT = b"Content-Type: text/plain; charset=utf-8\r\n"
NOSNIFF = b"X-Content-Type-Options: nosniff\r\n"
NO_STORE = b"Cache-Control: no-store\r\n"


@dataclass(frozen=True, slots=True)
class FileSpan:
    """``count`` bytes of a file from ``offset``, opened through ``access`` (the access policy
    bound to the user) when its turn comes; the opened file must still be the one ``facts``
    describe, or the answer is a 503."""

    facts: FileFacts
    offset: int
    count: int
    access: FileAccess


@dataclass(frozen=True, slots=True)
class ZipBody:
    """A folder as a .zip, built while it is sent (its length is known only at the end)."""

    items: Callable[[], Iterable[ZipItem]]
    root: str  # the shared folder, for messages about skipped files


@dataclass(frozen=True, slots=True)
class StreamBody:
    """A body made while it is sent, chunk by chunk (search results as they are found); its
    length is known only at the end. ``chunks`` is called when the body's turn comes (never for
    HEAD); the sender takes the first chunk before the head, so an error raised up to there is
    still a clean error answer, and closes the iterator however the sending ends."""

    chunks: Callable[[], Iterator[bytes]]
    # how many first chunks are made at once from memory (a listing's head and first rows): the
    # worker is given up to the pool only after them, so they wait for no thread's start
    quick_chunks: int = 0


Body = bytes | FileSpan | ZipBody | StreamBody


@dataclass(slots=True)  # not frozen: made for every request, and frozen costs 3x to make
class Response:
    """``headers`` are whole header lines (each ending in CRLF) without the framing ones
    (Content-Length, Transfer-Encoding, Connection, Date, Server): the sender adds those."""

    status: int
    headers: bytes = b""
    body: Body = b""
    close: bool = False  # close the connection after this answer
    # the share's own bytes (a download, a website's page): never rewritten (server/base_path.py)
    verbatim: bool = False

    @property
    def length(self) -> int | None:
        """Content-Length to announce: also for HEAD, which sends no body; None when unknown
        in advance (a zip) or not allowed (204, 304)."""
        if self.status in (204, 304):
            return None
        body = self.body
        if isinstance(body, bytes):
            return len(body)
        if isinstance(body, FileSpan):
            return body.count
        return None

    @property
    def from_memory(self) -> bool:
        return isinstance(self.body, bytes)


def redirect(location: str, status: int = 301, *, close: bool = False) -> Response:
    """``location`` must already be URL-quoted (ASCII)."""
    encoded = location.encode("ascii")
    return Response(status, b"Location: " + encoded + b"\r\n" + TEXT,
                    b"Moved to " + encoded + b"\n", close=close)


def html_page(status: int, body: bytes, extra: bytes = b"") -> Response:
    return Response(status, HTML + PAGE_CSP + NOSNIFF + extra, body)


def json_bytes(document: object) -> bytes:
    """``document`` as UTF-8 JSON; what JSON text may not carry raw (a lone surrogate, from a
    name that is not UTF-8) and what is unsafe to show (bidi marks, U+2028) as escapes."""
    return json_safe(json.dumps(document, ensure_ascii=False)).encode("utf-8")


def json_document(status: int, document: object, extra: bytes = b"") -> Response:
    return Response(status, JSON + NOSNIFF + extra, json_bytes(document))


VARY_LANGUAGE = b"Vary: Accept-Language\r\n"


def error_response(err: HttpError, *, as_json: bool, server_name: str,
                   request: Request | None = None) -> Response:
    """The page (or JSON) telling a client what went wrong, with the error's own headers; the
    page in the request's language. JSON's "error" is always the English reason (scripts
    read it); a request in another language also gets "message", the reason in its language."""
    lang = for_header(request.header("accept-language") if request is not None else "")
    if as_json:
        document: dict[str, object] = {"status": err.status, "error": err.reason}
        if lang.code != ENGLISH:  # for the page's scripts; "error" stays the English text
            document["message"] = err.localize(lang.gettext)
        return json_document(err.status, document, NO_STORE + VARY_LANGUAGE + err.headers)
    title = getattr(err, "title", "") or phrase(err.status)
    detail = getattr(err, "detail", "")
    body = pages.render_error(err.status, title, lang.gettext(detail) if detail
                              else err.localize(lang.gettext), server_name, lang)
    return html_page(err.status, body, NO_STORE + VARY_LANGUAGE + err.headers)
