"""A streaming multipart/form-data parser (RFC 7578) with hard limits and constant memory.

Nothing here knows about sockets: the handler gives ``MultipartReader`` a ``read(n)`` callable
(e.g. ``BodyReader.read``) and writes what it yields into an ``UploadFile`` (server.uploads).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import unquote_to_bytes

from server.uploads import UploadRefused

_BCHARS = re.compile(r"^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$")
_HEADER_NAME = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
# An unquoted value runs possessively (*+) to the next ";" and its trailing blanks are
# stripped afterwards: a lazy value followed by \s* tried every split of a long run of blanks
# (quadratic, with up to 1000 parts a request).
_PARAM = re.compile(
    r"""\s*;\s*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;"\s][^;]*+|)\s*(?=;|$)""",
    re.DOTALL,
)
_QUOTED_PAIR = re.compile(r'\\(["\\])')
READ_SIZE = 256 * 1024
MAX_PADDING = 1024  # spaces/tabs allowed after a boundary (RFC 2046 transport padding)


def parse_header_params(value: str) -> tuple[str, dict[str, str]]:
    """'form-data; name="a"; filename="b"' -> ("form-data", {"name": "a", "filename": "b"}).
    Raises UploadRefused(400) on anything it cannot read unambiguously."""
    main, _, rest = value.partition(";")
    params: dict[str, str] = {}
    rest = ";" + rest if _ else ""
    position = 0
    while position < len(rest):
        match = _PARAM.match(rest, position)
        if match is None:
            raise UploadRefused(400, "A multipart header has malformed parameters.")
        key, raw = match.group(1).lower(), match.group(2)
        if key in params:
            raise UploadRefused(400, f"The parameter {key!r} appears twice.")
        quoted = raw.startswith('"')
        raw = _QUOTED_PAIR.sub(r"\1", raw[1:-1]) if quoted else raw.rstrip()
        params[key] = raw
        position = match.end()
    return main.strip().lower(), params


def boundary_from_content_type(content_type: str) -> bytes:
    kind, params = parse_header_params(content_type)
    if kind != "multipart/form-data":
        raise UploadRefused(415, "Uploads must be sent as multipart/form-data.")
    boundary = params.get("boundary", "")
    if not _BCHARS.match(boundary):
        raise UploadRefused(400, "The multipart boundary is missing or invalid.")
    return boundary.encode("ascii")


def _decode_ext_value(value: str) -> str:
    """RFC 5987 / 8187 ext-value: charset'language'percent-encoded."""
    charset, sep1, rest = value.partition("'")
    _language, sep2, encoded = rest.partition("'")
    if not sep1 or not sep2 or charset.lower() not in ("utf-8", "iso-8859-1"):
        raise UploadRefused(400, "The filename* parameter is malformed.")
    try:
        return unquote_to_bytes(encoded).decode(charset.lower())
    except UnicodeDecodeError:
        raise UploadRefused(400, "The filename* parameter is not valid UTF-8.") from None


class Part:
    """One part of a multipart body. Stream it with chunks(); MultipartReader.parts() skips
    whatever is left unread when the next part is asked for."""

    __slots__ = ("_done", "_reader", "_started", "filename", "headers", "name")

    def __init__(self, reader: MultipartReader, headers: dict[str, str]) -> None:
        self._reader = reader
        self._done = False
        self._started = False
        self.headers = headers
        disposition, params = parse_header_params(headers.get("content-disposition", ""))
        if disposition != "form-data" or "name" not in params:
            raise UploadRefused(400, "A part lacks 'Content-Disposition: form-data; name=...'.")
        self.name: str = params["name"]
        self.filename: str | None = None  # "" when a browser sends an empty file input
        if "filename*" in params:
            self.filename = _decode_ext_value(params["filename*"])
        elif "filename" in params:
            self.filename = params["filename"]

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "text/plain")

    def chunks(self) -> Iterator[bytes]:
        """The body of this part, piece by piece, until its closing boundary."""
        if self._started or self._done:
            raise RuntimeError("a part's body can be read only once, before the next part")
        self._started = True
        yield from self._reader._body(self)

    def read_all(self, limit: int = 64 * 1024) -> bytes:
        """The whole body of a small part (a text field); UploadRefused(413) past ``limit``."""
        data = bytearray()
        for chunk in self.chunks():
            data += chunk
            if len(data) > limit:
                raise UploadRefused(413, f"The form field {self.name!r} is too large.")
        return bytes(data)

    def text(self, limit: int = 64 * 1024) -> str:
        try:
            return self.read_all(limit).decode("utf-8")
        except UnicodeDecodeError:
            raise UploadRefused(400, f"The form field {self.name!r} is not UTF-8.") from None


class MultipartReader:
    """A streaming multipart/form-data parser (RFC 7578) with hard limits; constant memory.

    The body is searched with bytes.find over a buffer that keeps only len(delimiter)-1 bytes
    of overlap between reads, so each byte is looked at about once, at C speed."""

    def __init__(self, content_type: str, read: Callable[[int], bytes],
                 content_length: int | None, *, max_preamble: int = 16 * 1024,
                 max_part_headers: int = 16 * 1024, max_parts: int = 1000,
                 read_size: int = READ_SIZE) -> None:
        boundary = boundary_from_content_type(content_type)
        self._delimiter = b"\r\n--" + boundary
        self._read = read
        self._left = content_length
        self._max_preamble = max_preamble
        self._max_part_headers = max_part_headers
        self._max_parts = max_parts
        self._read_size = read_size
        # A leading CRLF lets the first boundary (at the very start of the body) match too.
        self._buf = b"\r\n"
        self._pos = 0
        self._eof = False
        self._started = False
        self._current: Part | None = None
        self.part_count = 0
        self.finished = False  # True once the closing boundary has been seen

    # -- buffer --------------------------------------------------------------------------------

    def _fill(self) -> bool:
        """Append one read to the buffer, dropping consumed bytes. False at the end of body."""
        if self._eof:
            return False
        size = self._read_size if self._left is None else min(self._read_size, self._left)
        data = self._read(size) if size > 0 else b""
        if not data:
            self._eof = True
            return False
        if self._left is not None:
            self._left -= len(data)
        self._buf = self._buf[self._pos:] + data
        self._pos = 0
        return True

    def _need(self, count: int, what: str) -> None:
        while len(self._buf) - self._pos < count:
            if not self._fill():
                raise UploadRefused(400, f"The upload ended early ({what}).")

    # -- structure -----------------------------------------------------------------------------

    def parts(self) -> Iterator[Part]:
        if self._started:
            raise RuntimeError("parts() can be iterated only once")
        self._started = True
        self._skip_preamble()
        current: Part | None = None
        while True:
            if current is not None:
                if not current._done:
                    for _ in self._body(current):
                        pass
                current._done = True
            if self._after_delimiter_is_close():
                self.finished = True
                return
            self.part_count += 1
            if self.part_count > self._max_parts:
                raise UploadRefused(400, "The upload has too many parts.")
            current = Part(self, self._read_part_headers())
            self._current = current
            yield current

    def _skip_preamble(self) -> None:
        delimiter = self._delimiter
        skipped = -2  # the CRLF put in front of the body is not part of the preamble
        while True:
            index = self._buf.find(delimiter, self._pos)
            if index != -1:
                skipped += index - self._pos
                self._pos = index + len(delimiter)
                break
            keep_from = max(self._pos, len(self._buf) - len(delimiter) + 1)
            skipped += keep_from - self._pos
            self._pos = keep_from
            if skipped > self._max_preamble:
                raise UploadRefused(400, "The multipart preamble is too long.")
            if not self._fill():
                raise UploadRefused(400, "The multipart boundary never appears in the body.")
        if skipped > self._max_preamble:
            raise UploadRefused(400, "The multipart preamble is too long.")

    def _after_delimiter_is_close(self) -> bool:
        """Just after a delimiter: "--" closes the body, else padding then CRLF opens a part."""
        self._need(2, "after a boundary")
        if self._buf.startswith(b"--", self._pos):
            self._pos += 2
            return True
        padding = 0
        while True:
            self._need(1, "after a boundary")
            byte = self._buf[self._pos]
            if byte in (0x20, 0x09) and padding < MAX_PADDING:
                padding += 1
                self._pos += 1
                continue
            self._need(2, "after a boundary")
            if self._buf.startswith(b"\r\n", self._pos):
                self._pos += 2
                return False
            raise UploadRefused(400, "Malformed multipart boundary line.")

    def _read_part_headers(self) -> dict[str, str]:
        self._need(2, "in part headers")
        if self._buf.startswith(b"\r\n", self._pos):  # a part with no header at all
            self._pos += 2
            return {}
        searched = 0  # bytes after pos already known not to start the blank line
        while True:
            end = self._buf.find(b"\r\n\r\n", self._pos + searched)
            if end != -1 and end - self._pos <= self._max_part_headers:
                block = self._buf[self._pos:end]
                self._pos = end + 4
                return _parse_part_headers(block)
            if end != -1 or len(self._buf) - self._pos > self._max_part_headers + 3:
                raise UploadRefused(400, "The headers of a multipart part are too long.")
            searched = max(0, len(self._buf) - self._pos - 3)
            if not self._fill():
                raise UploadRefused(400, "The upload ended early (in part headers).")

    def _body(self, part: Part) -> Iterator[bytes]:
        delimiter = self._delimiter
        keep = len(delimiter) - 1
        while not part._done and self._current is part:
            buf, pos = self._buf, self._pos
            index = buf.find(delimiter, pos)
            if index != -1:
                self._pos = index + len(delimiter)
                part._done = True
                if index > pos:
                    yield buf[pos:index]
                return
            safe = len(buf) - keep
            if safe > pos:
                self._pos = safe
                yield buf[pos:safe]
            if not self._fill():
                raise UploadRefused(400, "The upload ended before its closing boundary.")


def _parse_part_headers(block: bytes) -> dict[str, str]:
    try:
        text = block.decode("utf-8")
    except UnicodeDecodeError:
        text = block.decode("latin-1")  # old clients; the name rules still apply afterwards
    headers: dict[str, str] = {}
    for line in text.split("\r\n"):
        if line[:1] in (" ", "\t"):
            raise UploadRefused(400, "Folded multipart header lines are not accepted.")
        name, sep, value = line.partition(":")
        if not sep or not _HEADER_NAME.match(name):
            raise UploadRefused(400, "Malformed multipart part header.")
        key = name.lower()
        if key in headers:
            raise UploadRefused(400, f"The part header {key!r} appears twice.")
        headers[key] = value.strip(" \t")
    return headers
