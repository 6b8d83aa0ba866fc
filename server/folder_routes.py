"""Folders: the listing (HTML or JSON, cached), the website index, and a folder as a .zip."""

from __future__ import annotations

import logging

from server import listing, writes
from server.access import ANY_NAME, Action, FileAccess
from server.cache import ListingCache
from server.control import Transfer
from server.exchange import PAGE_CSP, Exchange
from server.file_routes import FileRoutes
from server.files import (
    PathRefused,
    Resolved,
    content_disposition,
    url_quote,
)
from server.http11 import HttpError
from server.sending import (
    delivered,
    send_all,
    wait_until_delivered,
)
from server.zipstream import ZipStream

log = logging.getLogger("pier.server")


class FolderRoutes(FileRoutes):
    _listings: ListingCache
    _root_text: str

    def _send_folder(self, ex: Exchange, target: Resolved) -> None:
        if not ex.path.endswith("/"):
            self._redirect_to_folder(ex, target)
            return
        assert ex.access is not None
        if self._config.website_mode:
            index = ex.access.website_index(target)
            if index is not None:
                self._send_file(ex, index.fs_path, index.stat)
                return
        if ex.query.get("format", [""])[0] == "zip":
            self._send_zip(ex, target)
            return
        as_json = ex.wants_json()
        sort = ex.query.get("sort", ["name"])[0]
        order = ex.query.get("order", ["asc"])[0]
        body = self._listing_body(ex, target, "json" if as_json else "html", sort, order)
        if as_json:
            headers = b"Content-Type: application/json; charset=utf-8\r\n"
        else:
            headers = b"Content-Type: text/html; charset=utf-8\r\n" + PAGE_CSP
        headers += b"Cache-Control: no-cache\r\nVary: Accept\r\nX-Content-Type-Options: nosniff\r\n"
        self._send(ex, 200, headers, body)

    def _send_zip(self, ex: Exchange, folder: Resolved) -> None:
        """The folder as a .zip, built while it is sent: chunked on HTTP/1.1, and
        close-delimited on HTTP/1.0 (the length is only known at the end)."""
        name = writes.zip_file_name(folder, self._config.server_name)
        headers = (b"Content-Type: application/zip\r\nX-Content-Type-Options: nosniff\r\n"
                   + f"Content-Disposition: {content_disposition(name, attachment=True)}\r\n"
                   .encode() + b"Cache-Control: no-store\r\n")
        if ex.head_only:
            self._send(ex, 200, headers, b"", length=None)
            return
        self._need_worker(ex)
        chunked = ex.request is not None and ex.request.version == "HTTP/1.1"
        if chunked:
            headers += b"Transfer-Encoding: chunked\r\n"
        else:
            ex.keep_alive = False
        transfer = self._control.begin(ex.conn.client, ex.user.name if ex.user else "",
                                       ex.path, "down", None, ex.conn.abort)
        try:
            self._on_long_transfer()
            self._send_head(ex, 200, headers, None)
            self._stream_zip(ex, folder, chunked, transfer)
        finally:
            self._control.end(transfer)

    def _stream_zip(self, ex: Exchange, folder: Resolved, chunked: bool,
                    transfer: Transfer) -> None:
        assert ex.access is not None
        items = ex.access.zip_items(folder)
        conn = ex.conn
        ex.cut_short = True  # until the last byte is known to have arrived
        handed = 0
        try:
            for chunk in ZipStream(items, root=self._root_text):
                self._respect_limits(conn, len(chunk))
                send_all(conn.sock, b"%x\r\n%b\r\n" % (len(chunk), chunk) if chunked else chunk,
                         conn.io_timeout)
                handed += len(chunk)
                transfer.done = handed
            if chunked:
                send_all(conn.sock, b"0\r\n\r\n", conn.io_timeout)
            if wait_until_delivered(conn.sock, conn.io_timeout):
                ex.cut_short = False
            else:
                ex.keep_alive = False
        finally:  # the queue also holds chunk framing: an interrupted zip errs a little low
            ex.sent = delivered(conn.sock, handed) if ex.cut_short else handed

    def _redirect_to_folder(self, ex: Exchange, target: Resolved) -> None:
        location = url_quote(target.url_path)
        query = ex.request.target.partition("?")[2] if ex.request else ""
        if query:
            location += "?" + query
        headers = f"Location: {location}\r\n".encode("ascii")
        self._send(ex, 301, headers + b"Content-Type: text/plain; charset=utf-8\r\n",
                   b"Moved to " + location.encode("ascii") + b"\n")

    def _listing_body(self, ex: Exchange, target: Resolved, fmt: str, sort: str,
                      order: str) -> bytes:
        """A folder's page or JSON; cached unless the user may see only part of it."""
        user = ex.user
        partial = user is not None and not user.sees_everything_below(target.url_path)
        mtime_ns = target.stat.st_mtime_ns
        page = self._page_context(ex.access, target)
        key = (target.url_path, fmt, sort, order, page)
        body = None if partial else self._listings.get(key, mtime_ns)
        if body is not None:
            return body
        self._need_worker(ex)  # a big folder takes a while to read
        assert ex.access is not None
        try:
            entries = ex.access.list_folder(target)
        except PermissionError:
            raise HttpError(403, "This folder cannot be read.", close=False) from None
        except OSError:
            raise PathRefused(404, "Not found.") from None
        if fmt == "json":
            body = listing.render_json(target.url_path, entries, sort=sort, order=order)
        else:
            body = listing.render_html(target.url_path, entries, sort=sort, order=order,
                                       server_name=self._config.server_name, page=page)
        if not partial:
            self._listings.put(key, mtime_ns, body)
        return body

    def _page_context(self, access: FileAccess | None, folder: Resolved) -> listing.PageContext:
        config = self._config
        assert access is not None
        user = access.user
        can_upload = config.upload and access.may(Action.CREATE, folder.url_path + ANY_NAME)
        return listing.PageContext(
            can_upload=can_upload, user=user.name if user else "", login=config.auth is not None,
            offer_ca=config.tls is not None and config.tls.ca_pem is not None)

