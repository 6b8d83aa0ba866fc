"""HTTP/1.1 framing: a strict hand-written request-head parser and response-head helpers.

The stdlib's email-based header parser costs about half of a small request's time and accepts
ambiguous framing (obs-fold, duplicate Content-Length); this parser is both faster and stricter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import formatdate
from http import HTTPStatus

from server.clock import SYSTEM_CLOCK, Clock
from server.config import Limits

_TOKEN = re.compile(rb"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+\Z")
_OUTSIDE_VISIBLE_ASCII = re.compile(rb"[^\x21-\x7e]")
_DIGITS = re.compile(rb"^[0-9]{1,18}\Z")
# A whole field line in one match: token name, colon, value without control characters (tabs
# and obs-text allowed), surrounding blanks left out. Failures are sorted out in _bad_field.
# The blanks after the colon are taken possessively (*+): with a plain * a value of blanks
# ended by a control character is tried every way before it fails (quadratic, on the serve
# thread).
_FIELD = re.compile(rb"([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*+([^\x00-\x08\x0a-\x1f\x7f]*)")
SUPPORTED_VERSIONS = {b"HTTP/1.1": "HTTP/1.1", b"HTTP/1.0": "HTTP/1.0"}
_NO_DUPLICATES = frozenset(
    {"content-length", "host", "transfer-encoding", "authorization", "range"}
)


class HttpError(Exception):
    """A request the server answers with ``status`` and a short reason, then maybe closes.

    ``reason`` is English (the JSON answers and scripts read it). With ``fields`` it is a
    ``%(name)s`` template filled with them, kept apart so that the page can translate the
    template (the message in the catalogue) and fill it the same way (``localize``)."""

    def __init__(self, status: int, reason: str, *, close: bool = True,
                 headers: bytes = b"", fields: Mapping[str, object] | None = None) -> None:
        self.template = reason
        self.fields = dict(fields) if fields else {}
        self.reason = reason % self.fields if self.fields else reason
        super().__init__(self.reason)
        self.status = status
        self.close = close
        self.headers = headers  # extra header lines for the answer, e.g. Content-Range

    def localize(self, gettext: Callable[[str], str]) -> str:
        """The reason in the language of ``gettext``; English when a translation does not fit
        the fields (the catalogue test forbids that, this only keeps an answer whole)."""
        text = gettext(self.template)
        if not self.fields:
            return text
        try:
            return text % self.fields
        except (KeyError, ValueError, TypeError):
            return self.reason


@dataclass(slots=True)
class Request:
    method: str
    target: str
    version: str
    headers: dict[str, str]
    keep_alive: bool
    content_length: int
    chunked: bool

    def header(self, name: str, default: str = "") -> str:
        return self.headers.get(name, default)


_DEFAULT_LIMITS = Limits()
# The longest head parse_head accepts under the default Limits: the request line, max_headers
# field lines, a CRLF after each, the blank line (827,660 bytes). No head end is looked for
# further than this, and the serve loop refuses a buffer this long holding none (431).
HEAD_MAX = (_DEFAULT_LIMITS.max_uri + 64 + 2
            + _DEFAULT_LIMITS.max_headers * (_DEFAULT_LIMITS.max_header_line + 2) + 2)


def find_head_end(buf: bytes | bytearray) -> int:
    """Index just past the blank line ending the head, or -1. A bare-LF blank line counts
    too, so that the parser can refuse it with a clear 400 instead of waiting forever.

    Costs in proportion to the head, not to what a pipelining client sent behind it: the bare-LF
    blank line is looked for only before the CRLF one found, and neither past HEAD_MAX."""
    crlf = buf.find(b"\r\n\r\n", 0, HEAD_MAX)
    lf = buf.find(b"\n\n", 0, HEAD_MAX if crlf == -1 else crlf)
    if lf != -1:
        return lf + 2
    return crlf + 4 if crlf != -1 else -1


def check_partial_head(buf: bytes | bytearray, limits: Limits) -> None:
    """Raise if an incomplete head already breaks a limit (so nobody waits for the rest of it)."""
    first_end = buf.find(b"\n")
    if first_end == -1:
        if len(buf) > limits.max_uri + 64:
            raise HttpError(414, "The request line is too long.")
        return
    last_line_start = buf.rfind(b"\n") + 1
    if len(buf) - last_line_start > limits.max_header_line:
        raise HttpError(431, "A header line is too long.")
    if buf.count(b"\n") > limits.max_headers + 1:
        raise HttpError(431, "Too many header fields.")


def parse_head(head: bytes, limits: Limits) -> Request:
    """Parse a request head (request line + header fields + blank line) or raise HttpError."""
    if b"\r\n\r\n" not in head[-4:] and head.endswith(b"\n\n"):
        raise HttpError(400, "Lines must end with CRLF.")
    lines = head[:-4].split(b"\r\n")
    method, target, version = _parse_request_line(lines[0], limits)
    headers = _parse_fields(lines[1:], limits)
    return _frame(method, target, version, headers)


def _parse_request_line(line: bytes, limits: Limits) -> tuple[str, str, str]:
    if len(line) > limits.max_uri + 64:
        raise HttpError(414, "The request line is too long.")
    parts = line.split(b" ")
    if len(parts) != 3:
        raise HttpError(400, "Malformed request line.")
    method, target, version = parts
    if not _TOKEN.match(method):
        raise HttpError(400, "Malformed request method.")
    if version not in SUPPORTED_VERSIONS:
        if version.startswith(b"HTTP/") and re.fullmatch(rb"HTTP/[0-9]\.[0-9]", version):
            raise HttpError(505, "Only HTTP/1.0 and HTTP/1.1 are supported.")
        raise HttpError(400, "Malformed HTTP version.")
    if not target or len(target) > limits.max_uri:
        raise HttpError(414 if target else 400, "The request target is too long or empty.")
    if _OUTSIDE_VISIBLE_ASCII.search(target):
        raise HttpError(400, "The request target contains invalid characters.")
    return method.decode("ascii"), target.decode("ascii"), SUPPORTED_VERSIONS[version]


def _parse_fields(lines: list[bytes], limits: Limits) -> dict[str, str]:
    if len(lines) > limits.max_headers:
        raise HttpError(431, "Too many header fields.")
    headers: dict[str, str] = {}
    max_line = limits.max_header_line
    for line in lines:
        if len(line) > max_line:
            raise HttpError(431, "A header line is too long.")
        field = _FIELD.fullmatch(line)
        if field is None:
            raise _bad_field(line)
        key = field[1].decode("ascii").lower()
        text = field[2].rstrip(b" \t").decode("latin-1")
        if key in headers:
            if key in _NO_DUPLICATES:
                raise HttpError(400, f"Duplicate {key} header.")
            text = f"{headers[key]}, {text}"
        headers[key] = text
    return headers


def _bad_field(line: bytes) -> HttpError:
    if line[:1] in (b" ", b"\t"):
        return HttpError(400, "Folded header lines (obs-fold) are not accepted.")
    name, sep, _value = line.partition(b":")
    if not sep or not _TOKEN.match(name):
        return HttpError(400, "Malformed header field.")
    return HttpError(400, "A header value contains control characters.")


def _frame(method: str, target: str, version: str, headers: dict[str, str]) -> Request:
    if version == "HTTP/1.1" and "host" not in headers:
        raise HttpError(400, "HTTP/1.1 requests need a Host header.")
    chunked = False
    if "transfer-encoding" in headers:
        if "content-length" in headers:
            raise HttpError(400, "Transfer-Encoding and Content-Length together are ambiguous.")
        if version == "HTTP/1.0":
            raise HttpError(400, "Transfer-Encoding is not allowed in HTTP/1.0.")
        codings = [c.strip().lower() for c in headers["transfer-encoding"].split(",")]
        if codings != ["chunked"]:
            raise HttpError(501, "Only the chunked transfer coding is supported.")
        chunked = True
    length = 0
    if "content-length" in headers:
        raw = headers["content-length"].encode("latin-1")
        if not _DIGITS.match(raw):
            raise HttpError(400, "Invalid Content-Length.")
        length = int(raw)
    connection = headers.get("connection", "").lower()
    keep_alive = "close" not in connection if version == "HTTP/1.1" else "keep-alive" in connection
    return Request(method, target, version, headers, keep_alive, length, chunked)


_STATUS_LINES: dict[int, bytes] = {
    s.value: f"HTTP/1.1 {s.value} {s.phrase}\r\n".encode("ascii") for s in HTTPStatus
}


def status_line(status: int) -> bytes:
    line = _STATUS_LINES.get(status)
    return line if line is not None else f"HTTP/1.1 {status} Unknown\r\n".encode("ascii")


_OTHER_PHRASES = {460: "Checksum Mismatch"}  # tus 1.0.0's checksum extension


def phrase(status: int) -> str:
    if status in _OTHER_PHRASES:
        return _OTHER_PHRASES[status]
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class DateCache:
    """The Date header value, formatted at most once per second of ``clock``'s wall time."""

    __slots__ = ("_clock", "_second", "_value")

    def __init__(self, clock: Clock = SYSTEM_CLOCK) -> None:
        self._clock = clock
        self._second = -1
        self._value = b""

    def header(self) -> bytes:
        now = int(self._clock.time())
        if now != self._second:
            self._value = b"Date: " + formatdate(now, usegmt=True).encode("ascii") + b"\r\n"
            self._second = now
        return self._value


def http_date(timestamp: float) -> str:
    return formatdate(timestamp, usegmt=True)
