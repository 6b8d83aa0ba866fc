"""Downloads: a file (conditional requests, one byte range, sendfile), held back at its tail
until the file is seen unchanged."""

from __future__ import annotations

import logging
import os
import time

from server.cache import FileCache, FileFacts, file_key
from server.connection import Connection
from server.control import Transfer
from server.exchange import QUICK_SEND, Exchange, NeedsWorker
from server.files import (
    if_range_matches,
    not_modified,
    parse_range,
)
from server.http11 import HttpError, Request
from server.responder import Responder
from server.sending import (
    copy_chunks,
    delivered,
    send_file,
    wait_until_delivered,
)

log = logging.getLogger("pier.server")

SENDFILE_OK = hasattr(os, "sendfile")
PIECE = 1024 * 1024  # long transfers go in pieces: progress and cancel act between them
LIMITED_PIECE = 64 * 1024  # smaller pieces when a bandwidth limit applies, for a smooth rate
TAIL = 64 * 1024  # held back until the file is seen unchanged


class FileRoutes(Responder):
    _files: FileCache

    def _send_file(self, ex: Exchange, fs_path: str, st: os.stat_result) -> None:
        facts = self._files.facts(fs_path, st)
        headers = facts.download_headers if "download" in ex.query else facts.headers
        request = ex.request
        assert request is not None
        if not_modified(request.headers, facts.etag, facts.mtime):
            self._send(ex, 304, headers, b"", length=None)
            return
        span = self._requested_span(request, facts)
        if span is None:
            self._send_file_body(ex, 200, headers, facts, 0, facts.size)
            return
        start, end = span
        headers += f"Content-Range: bytes {start}-{end}/{facts.size}\r\n".encode("ascii")
        self._send_file_body(ex, 206, headers, facts, start, end - start + 1)

    def _requested_span(self, request: Request, facts: FileFacts) -> tuple[int, int] | None:
        value = request.headers.get("range")
        if value is None:
            return None
        if_range = request.headers.get("if-range")
        if if_range is not None and not if_range_matches(if_range, facts.etag, facts.mtime):
            return None
        try:
            return parse_range(value, facts.size)
        except HttpError:
            raise _unsatisfiable(facts.size) from None

    def _send_file_body(self, ex: Exchange, status: int, headers: bytes, facts: FileFacts,
                        offset: int, count: int) -> None:
        if ex.head_only:
            self._send(ex, status, headers, b"", length=count)
            return
        if ex.quick and facts.body is None:
            raise NeedsWorker  # reading the file, even a small one, may wait on the disk
        assert ex.access is not None
        body = self._files.body(facts, ex.access.open_file)
        if body is not None:
            self._send(ex, status, headers, body[offset:offset + count])
            return
        fd = ex.access.open_file(facts.fs_path)
        try:
            if file_key(os.fstat(fd)) != facts.key:  # replaced since it was looked up
                raise HttpError(503, "The file is changing; try again.", close=False,
                                headers=b"Retry-After: 1\r\n")
            transfer = self._control.begin(ex.conn.client, ex.user.name if ex.user else "",
                                           ex.path, "down", count, ex.conn.abort)
            try:
                self._send_head(ex, status, headers, count, body_follows=True)
                ex.expected = count
                try:
                    sent = self._stream(ex.conn, fd, offset, count, transfer, facts)
                    if sent < count:  # the file changed while we sent it: a short body, closed
                        log.debug("%s changed during download; closing", facts.fs_path)
                        ex.keep_alive = False
                    elif not wait_until_delivered(ex.conn.sock, ex.conn.io_timeout,
                                                  self._on_long_transfer):
                        ex.keep_alive = False  # stalled at the very end, or gone
                finally:  # what the client got, also when it went away meanwhile
                    ex.sent = delivered(ex.conn.sock, transfer.done)
                    ex.cut_short = ex.sent < count
            finally:
                self._control.end(transfer)
        finally:
            os.close(fd)

    def _stream(self, conn: Connection, fd: int, offset: int, count: int, transfer: Transfer,
                facts: FileFacts) -> int:
        """Send ``count`` bytes of file ``fd`` from ``offset``; fewer if the file changed meanwhile.

        The last TAIL bytes are held back until the file is seen unchanged (fstat against the
        facts the headers were made from): a file rewritten during the download then ends in
        a short body and a closed connection, never in a complete-looking mix of versions.

        A client that cannot take the data at once (a slow phone, a stalled reader) would hold
        a pool worker for the whole transfer, so such a transfer gets the worker to itself and
        the pool a fresh one (ServerEngine._detach_current_worker). With sendfile the first
        attempt runs under a short timeout that tells fast clients from slow ones; the file
        position then says how much was sent. Later waits give up only when the client takes
        no bytes at all for the I/O timeout (server.sending)."""
        if count <= 0:
            return 0
        body = count - min(TAIL, count)
        zero_copy = SENDFILE_OK and not conn.tls
        if zero_copy and body and not self._control.limited:  # sendfile's count 0 means "all"
            send_file(conn.sock, fd, offset, body, QUICK_SEND, transfer, give_up=True)
        if transfer.done < body:
            self._on_long_transfer()
            self._send_pieces(conn, fd, offset, body, transfer, zero_copy)
        if transfer.done < body or file_key(os.fstat(fd)) != facts.key:
            return transfer.done
        self._send_pieces(conn, fd, offset, count, transfer, zero_copy)
        return transfer.done

    def _send_pieces(self, conn: Connection, fd: int, offset: int, count: int, transfer: Transfer,
                     zero_copy: bool) -> None:
        """Send from ``offset + transfer.done`` up to ``count``, in pieces between which
        limits, progress and cancel take effect."""
        piece_size = LIMITED_PIECE if self._control.limited else PIECE
        while transfer.done < count:
            piece = min(piece_size, count - transfer.done)
            wait = self._control.wait_for(conn.client, piece)
            if wait:
                time.sleep(wait)
            position = offset + transfer.done
            sent = (send_file(conn.sock, fd, position, piece, conn.io_timeout, transfer)
                    if zero_copy else copy_chunks(conn, fd, position, piece, transfer))
            if sent < piece:
                break



def _unsatisfiable(size: int) -> HttpError:
    return HttpError(416, "The requested range is not satisfiable.", close=False,
                     headers=f"Content-Range: bytes */{size}\r\n".encode("ascii"))
