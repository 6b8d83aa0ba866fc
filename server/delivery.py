"""Sending a route's Response: the head (framing headers added here), then its body: bytes
from memory, a file span (sendfile, held back at its tail until the file is seen unchanged),
or a zip or a stream built while it is sent. Bandwidth limits, progress and cancel act here, between
pieces. The only module that writes an answer to a client's socket; see docs/ARCHITECTURE.md."""

from __future__ import annotations

import itertools
import logging
import os
import socket
import time
from collections.abc import Callable, Generator, Iterable, Iterator

from server.cache import file_key, sent_unchanged
from server.connection import Connection
from server.control import TrafficControl, Transfer
from server.exchange import Exchange
from server.files import ServerShort, is_short_of_room
from server.http11 import DateCache, HttpError, status_line
from server.page_i18n import N_
from server.portable import features
from server.response import FileSpan, Response, StreamBody, ZipBody
from server.sending import (
    copy_chunks,
    delivered,
    send_all,
    send_file,
    send_parts,
    wait_until_delivered,
)
from server.zipstream import ZipStream

log = logging.getLogger("pier.server")

SERVER_HEADER = b"Server: Pier\r\n"
KEEP_ALIVE = b"Connection: keep-alive\r\n"
CLOSE = b"Connection: close\r\n"
CHUNKED = b"Transfer-Encoding: chunked\r\n"
QUICK_SEND = 0.05  # seconds a download may wait for the client before it counts as slow
PIECE = 1024 * 1024  # long transfers go in pieces: progress and cancel act between them
LIMITED_PIECE = 64 * 1024  # smaller pieces when a bandwidth limit applies, for a smooth rate
TAIL = 64 * 1024  # held back until the file is seen unchanged
MSG_MORE = getattr(socket, "MSG_MORE", 0)  # Linux: hold the head back until the body joins it


class Delivery:
    def __init__(self, dates: DateCache, control: TrafficControl,
                 on_long_transfer: Callable[[], None]) -> None:
        self._dates = dates
        self._control = control
        self._on_long_transfer = on_long_transfer  # the transfer gets its worker to itself

    # -- framing -------------------------------------------------------------------------------

    def head(self, ex: Exchange, response: Response, *, chunked: bool = False) -> bytes:
        if response.close:
            ex.keep_alive = False
        parts = [status_line(response.status), self._dates.header(), SERVER_HEADER,
                 response.headers]
        body = response.body
        length = len(body) if type(body) is bytes and response.status not in (204, 304) \
            else response.length
        if chunked:
            parts.append(CHUNKED)
        elif length is not None:
            parts.append(b"Content-Length: %d\r\n" % length)
        if ex.request is not None and ex.request.version == "HTTP/1.0" and ex.keep_alive:
            parts.append(KEEP_ALIVE)
        elif not ex.keep_alive:
            parts.append(CLOSE)
        parts.append(b"\r\n")
        ex.status = response.status
        return b"".join(parts)

    @staticmethod
    def needs_worker(ex: Exchange, response: Response) -> bool:
        """A body that waits on the disk or the client; a HEAD answer never does."""
        return not response.from_memory and not ex.head_only

    def frame(self, ex: Exchange, response: Response) -> list[bytes]:
        """The whole answer as bytes, for the serve thread to send (no limit applies)."""
        head = self.head(ex, response)
        body = response.body
        if type(body) is not bytes or not body or ex.head_only or response.status in (204, 304):
            return [head]
        ex.sent = len(body)
        return [head, body]

    # -- sending -------------------------------------------------------------------------------

    def send(self, ex: Exchange, response: Response) -> None:
        body = response.body
        if ex.head_only or isinstance(body, bytes):
            self._send_from_memory(ex, response)
        elif isinstance(body, FileSpan):
            self._send_file(ex, response, body)
        elif isinstance(body, StreamBody):
            self._send_stream(ex, response, body)
        else:
            self._send_zip(ex, response, body)

    def _send_from_memory(self, ex: Exchange, response: Response) -> None:
        """A worker's answer from memory: the worker is given up to the pool as soon as the
        client cannot take it at once (a stalled reader must not hold one)."""
        parts = self.frame(ex, response)
        if len(parts) == 1:
            send_all(ex.conn.sock, parts[0], ex.conn.io_timeout, self._on_long_transfer)
            return
        self.respect_limits(ex.client, len(parts[1]))
        send_parts(ex.conn, parts[0], parts[1], self._on_long_transfer)

    def respect_limits(self, client: str, amount: int) -> None:
        """Under a bandwidth limit, wait for our share of it; a long wait gives up the worker."""
        if not self._control.limited or not amount:
            return
        wait = self._control.wait_for(client, amount)
        if wait > QUICK_SEND:
            self._on_long_transfer()
        if wait:
            time.sleep(wait)

    def _begin(self, ex: Exchange, count: int | None) -> Transfer:
        user = ex.user.name if ex.user else ""
        path = ex.call.path if ex.call else ""
        link = ex.call.link.token if ex.call and ex.call.link else None
        return self._control.begin(ex.client, user, path, "down", count, ex.conn.abort,
                                   link)

    # -- a file --------------------------------------------------------------------------------

    def _send_file(self, ex: Exchange, response: Response, span: FileSpan) -> None:
        facts = span.facts
        fd = span.access.open_file(facts.fs_path)
        try:
            if file_key(os.fstat(fd)) != facts.key:  # replaced since it was looked up
                raise HttpError(503, N_("The file is changing; try again."), close=False,
                                headers=b"Retry-After: 1\r\n")
            transfer = self._begin(ex, span.count)
            try:
                head = self.head(ex, response)
                flags = MSG_MORE if features.msg_more and not ex.conn.tls else 0  # one packet
                ex.expected = span.count
                try:
                    ex.conn.sock.sendall(head, flags)
                    self._stream_file(ex, fd, span, transfer)
                finally:  # what the client got, also when it went away meanwhile
                    ex.sent = delivered(ex.conn.sock, transfer.done)
                    ex.cut_short = ex.sent < span.count
            finally:
                self._control.end(transfer)
        finally:
            os.close(fd)

    def _stream_file(self, ex: Exchange, fd: int, span: FileSpan, transfer: Transfer) -> None:
        conn = ex.conn
        sent = self._stream(conn, fd, span, transfer)
        if sent < span.count:  # the file changed while we sent it: a short body, closed
            log.debug("%s changed during download; closing", span.facts.fs_path)
            ex.keep_alive = False
        elif not wait_until_delivered(conn.sock, conn.io_timeout, self._on_long_transfer):
            ex.keep_alive = False  # stalled at the very end, or gone

    def _stream(self, conn: Connection, fd: int, span: FileSpan, transfer: Transfer) -> int:
        """Send the span of file ``fd``; fewer bytes if the file changed meanwhile.

        The last TAIL bytes are held back until the file is seen unchanged (fstat against the
        facts the headers were made from): a file rewritten during the download then ends in
        a short body and a closed connection, never in a complete-looking mix of versions.

        A client that cannot take the data at once (a slow phone, a stalled reader) would hold
        a pool worker for the whole transfer, so such a transfer gets the worker to itself and
        the pool a fresh one (ServeLoop._detach_current_worker). With sendfile the first
        attempt runs under a short timeout that tells fast clients from slow ones; the file
        position then says how much was sent. Later waits give up only when the client takes
        no bytes at all for the I/O timeout (server.sending)."""
        offset, count = span.offset, span.count
        if count <= 0:
            return 0
        body = count - min(TAIL, count)
        zero_copy = features.sendfile and not conn.tls
        if zero_copy and body and not self._control.limited:  # sendfile's count 0 means "all"
            send_file(conn.sock, fd, offset, body, QUICK_SEND, transfer, give_up=True)
        if transfer.done < body:
            self._on_long_transfer()
            self._send_pieces(conn, fd, offset, body, transfer, zero_copy)
        if transfer.done < body or not sent_unchanged(os.fstat(fd), span.facts.key):
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
            wait = self._control.wait_for(transfer.client, piece)
            if wait:
                time.sleep(wait)
            position = offset + transfer.done
            sent = (send_file(conn.sock, fd, position, piece, conn.io_timeout, transfer)
                    if zero_copy else copy_chunks(conn, fd, position, piece, transfer))
            if sent < piece:
                break

    # -- a zip ---------------------------------------------------------------------------------

    def _send_zip(self, ex: Exchange, response: Response, body: ZipBody) -> None:
        """The first chunk (the folder opened, the first 256 KiB of the archive: all of a small
        one) is made before the head, so a refusal up to there is still a clean error answer;
        the process running short of room later ends the body unfinished (no last chunk)."""
        chunks = _busy_when_short(lambda: iter(ZipStream(body.items(), root=body.root)))
        try:
            first = next(chunks, b"")
            self._send_chunks(ex, response, itertools.chain([first], chunks))
        finally:
            chunks.close()  # a walk left unfinished closes its folders now

    # -- a stream ------------------------------------------------------------------------------

    def _send_stream(self, ex: Exchange, response: Response, body: StreamBody) -> None:
        chunks = body.chunks()
        try:
            first = next(chunks, b"")  # a refusal up to here is still a clean error answer
            self._send_chunks(ex, response, itertools.chain([first], chunks),
                              body.quick_chunks)
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()  # a walk left unfinished closes its folders now

    def _send_chunks(self, ex: Exchange, response: Response, chunks: Iterable[bytes],
                     quick: int = 0) -> None:
        """Chunked on HTTP/1.1, close-delimited on HTTP/1.0 (the length is known at the end).
        The worker is given up to the pool before the head, or after ``quick`` chunks."""
        chunked = ex.request is not None and ex.request.version == "HTTP/1.1"
        if not chunked:
            ex.keep_alive = False
        transfer = self._begin(ex, None)
        try:
            if not quick:
                self._on_long_transfer()
            send_all(ex.conn.sock, self.head(ex, response, chunked=chunked), ex.conn.io_timeout,
                     self._on_long_transfer)
            self._stream_chunks(ex, chunks, chunked, transfer, quick)
        finally:
            self._control.end(transfer)

    def _stream_chunks(self, ex: Exchange, chunks: Iterable[bytes], chunked: bool,
                       transfer: Transfer, quick: int = 0) -> None:
        conn = ex.conn
        ex.cut_short = True  # until the last byte is known to have arrived
        handed = 0
        try:
            for chunk in chunks:
                if not chunk:
                    continue  # an empty chunk would end a chunked body
                self.respect_limits(ex.client, len(chunk))
                send_all(conn.sock, b"%x\r\n%b\r\n" % (len(chunk), chunk) if chunked else chunk,
                         conn.io_timeout, self._on_long_transfer if quick else None)
                handed += len(chunk)
                transfer.done = handed
                if quick and not (quick := quick - 1):  # the quick ones are out
                    self._on_long_transfer()
            if chunked:
                send_all(conn.sock, b"0\r\n\r\n", conn.io_timeout, self._on_long_transfer)
            if wait_until_delivered(conn.sock, conn.io_timeout, self._on_long_transfer):
                ex.cut_short = False
            else:
                ex.keep_alive = False
        finally:  # the queue also holds chunk framing: an interrupted zip errs a little low
            ex.sent = delivered(conn.sock, handed) if ex.cut_short else handed


def _busy_when_short(make: Callable[[], Iterator[bytes]]) -> Generator[bytes, None, None]:
    """The chunks of ``make()``; the process running short of descriptors or memory while they
    are made is ServerShort (503 before the head; after it, a body cut short), not a 500."""
    try:
        yield from make()
    except (OSError, MemoryError) as err:
        if not is_short_of_room(err):
            raise
        raise ServerShort() from None
