"""Downloads: a file, with conditional requests and one byte range. Small files come from
memory (server/cache.py); larger ones are a FileSpan that server/delivery.py streams."""

from __future__ import annotations

import os

from server.cache import SMALL_FILE, FileCache, FileFacts
from server.call import Call
from server.clock import SYSTEM_CLOCK, Clock
from server.conditional import if_range_matches, not_modified, parse_range
from server.http11 import HttpError, Request
from server.page_i18n import N_
from server.response import FileSpan, Response


class FileRoutes:
    def __init__(self, files: FileCache, clock: Clock = SYSTEM_CLOCK) -> None:
        self._files = files
        self._clock = clock

    def download(self, call: Call, fs_path: str, st: os.stat_result) -> Response:
        facts = self._files.facts(fs_path, st)
        headers = facts.download_headers if "download" in call.query else facts.headers
        request = call.request
        if not_modified(request.headers, facts.etag, facts.mtime):
            return Response(304, headers)
        span = _requested_span(request, facts, self._clock.time())
        if span is None:
            return Response(200, headers, self._body(call, facts, 0, facts.size), verbatim=True)
        start, end = span
        headers += f"Content-Range: bytes {start}-{end}/{facts.size}\r\n".encode("ascii")
        return Response(206, headers, self._body(call, facts, start, end - start + 1),
                        verbatim=True)

    def _body(self, call: Call, facts: FileFacts, offset: int, count: int) -> bytes | FileSpan:
        """From memory when the file is small enough to keep there; else a span to stream."""
        body = facts.body
        if body is None and not call.head_only and facts.size <= SMALL_FILE:
            call.may_wait()  # reading the file, even a small one, may wait on the disk
            body = self._files.body(facts, call.files.open_file)
        if body is None or call.head_only:  # HEAD sends only the length, which a span knows
            return FileSpan(facts, offset, count, call.files)
        return body if count == len(body) else body[offset:offset + count]


def _requested_span(request: Request, facts: FileFacts, now: float) -> tuple[int, int] | None:
    value = request.headers.get("range")
    if value is None:
        return None
    if_range = request.headers.get("if-range")
    if if_range is not None and not if_range_matches(if_range, facts.etag, facts.mtime, now):
        return None
    try:
        return parse_range(value, facts.size)
    except HttpError:
        raise HttpError(416, N_("The requested range is not satisfiable."), close=False,
                        headers=f"Content-Range: bytes */{facts.size}\r\n".encode("ascii")) \
            from None
