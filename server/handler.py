"""The request handler: routing and HTTP framing of one exchange, from head to last byte.

Everything about paths and files is asked of server.files / server.cache; this module only
decides which answer to send and sends it.
"""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from server import listing, pages, writes
from server.access import ANY_NAME, Action, FileAccess, policy_for
from server.accesslog import AccessLog
from server.auth import Authenticator
from server.cache import FileCache, FileFacts, ListingCache, file_key
from server.config import ServerConfig
from server.connection import PLAIN_ON_TLS, BodyReader, Connection
from server.control import TrafficControl, Transfer
from server.files import (
    PathRefused,
    Resolved,
    content_disposition,
    decode_url_path,
    if_range_matches,
    not_modified,
    parse_range,
    url_quote,
)
from server.health import Availability, ShareUnavailable
from server.hosts import HostNames, share_names
from server.http11 import DateCache, HttpError, Request, parse_head, phrase, status_line
from server.records import RequestRecord
from server.sending import (
    copy_chunks,
    delivered,
    send_all,
    send_file,
    send_parts,
    wait_until_delivered,
)
from server.users import User
from server.zipstream import ZipStream

log = logging.getLogger("pier.server")

ASSET_PREFIX = "/.well-known/pier/assets/"
LOGOUT_PATH = "/.well-known/pier/logout"
STATS_PATH = "/.well-known/pier/stats"
CA_PATHS = ("/.well-known/pier/ca.pem", "/.well-known/pier/ca.crt")
_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")
PAGE_CSP = (b"Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self' data:;"
            b" script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none';"
            b" frame-ancestors 'none'\r\n")
SERVER_HEADER = b"Server: Pier\r\n"
KEEP_ALIVE = b"Connection: keep-alive\r\n"
CLOSE = b"Connection: close\r\n"
MAX_DRAINED_BODY = 64 * 1024
SENDFILE_OK = hasattr(os, "sendfile")
MSG_MORE = getattr(socket, "MSG_MORE", 0)  # Linux: hold a head back until the body joins it
PIECE = 1024 * 1024  # long transfers go in pieces: progress and cancel act between them
LIMITED_PIECE = 64 * 1024  # smaller pieces when a bandwidth limit applies, for a smooth rate
TAIL = 64 * 1024  # held back until the file is seen unchanged
QUICK_SEND = 0.05  # seconds a download may wait for the client before it counts as slow
READ_METHODS = ("GET", "HEAD")
WRITE_METHODS = ("PUT", "POST")
ALLOW_READ = b"Allow: GET, HEAD, OPTIONS\r\n"
ALLOW_WRITE = b"Allow: GET, HEAD, OPTIONS, PUT, POST\r\n"
KNOWN_METHODS = frozenset({"POST", "PUT", "DELETE", "PATCH", "CONNECT", "TRACE", "PROPFIND",
                           "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "PROPPATCH"})


@dataclass(slots=True)
class Exchange:
    """One request and what has been answered so far."""

    conn: Connection
    started: float  # monotonic
    arrived: float  # wall clock
    request: Request | None = None
    path: str = ""
    query: dict[str, list[str]] = field(default_factory=dict)
    status: int = 0
    user: User | None = None  # the logged-in user; None when anonymous
    access: FileAccess | None = None  # the share as this user may reach it (after login)
    sent: int = 0
    expected: int | None = None  # the body size announced (Content-Length), if any
    cut_short: bool = False  # the body did not arrive whole
    received: int = 0
    keep_alive: bool = False
    body_read: bool = False  # the request's body (if any) has been consumed
    out: list[bytes] | None = None  # quick mode: the answer is collected here, not sent
    head: bytes = b""

    @property
    def quick(self) -> bool:
        return self.out is not None

    @property
    def body_pending(self) -> bool:
        request = self.request
        return (request is not None and (request.content_length > 0 or request.chunked)
                and not self.body_read)

    @property
    def head_only(self) -> bool:
        return self.request is not None and self.request.method == "HEAD"

    def wants_json(self) -> bool:
        if self.query.get("format", [""])[0] == "json":
            return True
        accept = self.request.header("accept") if self.request else ""
        return "application/json" in accept and "text/html" not in accept


class NeedsWorker(Exception):
    """Raised in quick mode when the answer would have to wait: a worker answers instead."""


QuickAnswer = tuple[bool, list[bytes]]  # (keep the connection open, the bytes to send)


class RequestHandler:
    """Shared by the serve thread and the workers; keeps no per-request state on itself."""

    def __init__(self, config: ServerConfig, sink: Callable[[RequestRecord], None],
                 access_log: AccessLog | None, *,
                 control: TrafficControl | None = None,
                 stats: Callable[[], dict[str, object]] = dict,
                 on_long_transfer: Callable[[], None] = lambda: None,
                 share: Availability | None = None) -> None:
        self._config = config
        self._share = share or Availability()  # False while the shared folder is gone
        self._root_text = str(config.root)
        self._policy = policy_for(config)
        self._hosts = HostNames(share_names(
            extra=config.allowed_hosts, certificate=config.tls.chain_path if config.tls else None))
        self._sink = sink
        self._access_log = access_log
        self._on_long_transfer = on_long_transfer
        self._control = control or TrafficControl()
        self._stats = stats
        self._dates = DateCache()
        self._files = FileCache(website_mode=config.website_mode)
        self._listings = ListingCache()
        self._swept: set[str] = set()  # folders cleared of stale upload temp files

    # -- entry points --------------------------------------------------------------------------

    def handle(self, conn: Connection, head: bytes) -> bool:
        """Answer one request whose head is ``head``. True if the connection may stay open."""
        ex = Exchange(conn, time.monotonic(), time.time())
        self._answer(ex, head)
        self._record(ex)
        return ex.keep_alive

    def answer_quickly(self, conn: Connection, head: bytes) -> QuickAnswer | None:
        """The whole answer, when it can be made from memory without waiting: cached small
        files, cached listings, redirects, errors, 304s. The serve thread sends it itself,
        which spares the hand-off to a worker and back that otherwise costs more than the
        request. None when the request needs a worker (a body to read, a large file, a folder
        to scan, a password to verify, a bandwidth limit): nothing has been sent or recorded
        then, and the worker answers the same head from the start."""
        if self._control.limited:
            return None
        ex = Exchange(conn, time.monotonic(), time.time(), out=[])
        try:
            self._answer(ex, head)
        except NeedsWorker:
            if ex.user is not None:  # checking twice would replay a Digest nonce count
                conn.checked_login = (head, ex.user)
            return None
        self._record(ex)
        return ex.keep_alive, ex.out  # type: ignore[return-value]

    def _answer(self, ex: Exchange, head: bytes) -> None:
        ex.head = head
        try:
            ex.request = parse_head(head, self._config.limits)
            ex.keep_alive = ex.request.keep_alive
            if ex.quick and (ex.request.content_length or ex.request.chunked):
                raise NeedsWorker
            self._route(ex)
        except NeedsWorker:
            raise
        except HttpError as err:
            self._answer_error(ex, err)
        except (ConnectionError, TimeoutError) as err:
            log.debug("client %s went away: %s", ex.conn.client, err)
            ex.keep_alive = False
            ex.status = ex.status or 499
        except Exception:
            log.exception("unexpected error while answering %s", ex.conn.client)
            self._answer_error(ex, HttpError(500, "The server hit an unexpected error."))

    def record_refusal(self, conn: Connection, err: HttpError) -> None:
        """Record a request refused before it reached a worker (head too long or too slow)."""
        ex = Exchange(conn, time.monotonic(), time.time(), status=err.status)
        self._record(ex)

    # -- routing -------------------------------------------------------------------------------

    def _split_target(self, ex: Exchange, request: Request) -> tuple[str, str]:
        """(path, query) of the target, once the names it was sent to are known to be ours:
        a foreign Host (DNS rebinding) or absolute-form authority is answered 421."""
        host = request.headers.get("host")
        if host is not None and not self._hosts.accepts(host, ex.conn.sock):
            raise HttpError(421, "This server does not answer to that host name.", close=False)
        target = request.target
        if target.startswith(("http://", "https://")):
            authority = urlsplit(target).netloc.rpartition("@")[2]
            if not self._hosts.accepts(authority, ex.conn.sock):
                raise HttpError(421, "This server does not answer to that host name.",
                                close=False)
        return _split_target(target, request.method)

    def _route(self, ex: Exchange) -> None:
        request = ex.request
        assert request is not None
        path, query = self._split_target(ex, request)
        ex.path = path
        ex.query = parse_qs(query, keep_blank_values=True) if query else {}
        if ex.conn.tls_state == PLAIN_ON_TLS:
            self._redirect_to_https(ex, request)
            return
        if not self._share.available:
            self._refuse_while_share_gone(request, path)
        if request.method in WRITE_METHODS and self._config.upload:
            self._need_worker(ex)
            self._log_in(ex, request)
            ex.access = self._policy.bind(ex.user)
            self._route_write(ex, request)
            return
        if request.method not in READ_METHODS:
            self._not_allowed(ex, request)
            return
        self._skip_body(ex, request)
        if path.startswith(ASSET_PREFIX):
            self._send_asset(ex, path[len(ASSET_PREFIX):])
            return
        if path in CA_PATHS:
            self._send_ca_certificate(ex, path)
            return
        if path == LOGOUT_PATH:
            self._log_out(ex)
            return
        self._log_in(ex, request)
        if path == STATS_PATH:
            self._send_stats(ex)
            return
        ex.access = self._policy.bind(ex.user)
        target = ex.access.target(path)
        if target.is_dir:
            self._send_folder(ex, target)
        else:
            self._send_file(ex, target.fs_path, target.stat)

    @staticmethod
    def _refuse_while_share_gone(request: Request, path: str) -> None:
        """503 for everything that would touch the shared folder while it is gone (server/
        health.py); Pier's own pages (assets, the CA, logout, stats) still answer."""
        if request.method not in READ_METHODS or not (
                path.startswith(ASSET_PREFIX) or path in CA_PATHS
                or path in (LOGOUT_PATH, STATS_PATH)):
            raise ShareUnavailable()

    # -- login ---------------------------------------------------------------------------------

    def _log_in(self, ex: Exchange, request: Request) -> None:
        """Who is asking: sets ex.user, or answers 401 / 429. Without auth everyone may read."""
        auth = self._config.auth
        if auth is None:
            return
        conn = ex.conn
        if conn.checked_login is not None:  # this very request, checked on the serve thread
            head, user = conn.checked_login
            conn.checked_login = None
            if head == ex.head:
                ex.user = user
                return
        header = request.headers.get("authorization")
        login = conn.login
        if login is not None and login.header == header and auth.still_valid(login, conn.client):
            ex.user = login.user
            return
        result = auth.check(header, request.method, request.target, conn.client,
                            may_hash=not ex.quick)
        if result.outcome == "ok":
            ex.user = result.user
            conn.login = auth.connection_login(header, result.user) if result.user else None
        elif result.outcome == "deferred":  # a password to hash: not on the serve thread
            raise NeedsWorker
        elif result.outcome == "throttled":
            raise HttpError(429, "Too many failed logins; try again later.", close=False,
                            headers=f"Retry-After: {result.retry_after}\r\n".encode("ascii"))
        elif result.outcome == "challenge":
            raise HttpError(401, "Please log in.", close=False,
                            headers=self._challenge_headers(auth, result.stale))

    @staticmethod
    def _challenge_headers(auth: Authenticator, stale: bool = False) -> bytes:
        return b"".join(f"WWW-Authenticate: {value}\r\n".encode()
                        for value in auth.challenge(stale=stale))

    def _log_out(self, ex: Exchange) -> None:
        """Browsers forget Basic/Digest credentials when a request to the realm is refused."""
        auth = self._config.auth
        if auth is None:
            raise HttpError(404, "This share has no login.", close=False)
        body = pages.render_error(401, "Logged out", "You are logged out. Open the share again "
                                  "to log in.", self._config.server_name)
        headers = (self._challenge_headers(auth) + b"Content-Type: text/html; charset=utf-8\r\n"
                   + PAGE_CSP + b"Cache-Control: no-store\r\n")
        self._send(ex, 401, headers, body)

    def _send_stats(self, ex: Exchange) -> None:
        """Live statistics for monitoring scripts; admins only when the share has logins."""
        if self._config.auth is not None and (ex.user is None or not ex.user.admin):
            raise HttpError(403, "Statistics are for admin accounts.", close=False)
        body = json.dumps(self._stats(), ensure_ascii=False).encode("utf-8")
        self._send(ex, 200, b"Content-Type: application/json; charset=utf-8\r\n"
                   b"Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n", body)

    def _allow_header(self) -> bytes:
        return ALLOW_WRITE if self._config.upload else ALLOW_READ

    def _not_allowed(self, ex: Exchange, request: Request) -> None:
        if request.method == "OPTIONS":
            self._skip_body(ex, request)
            self._send(ex, 204, self._allow_header(), b"")
            return
        if request.content_length or request.chunked:
            ex.keep_alive = False  # the body is not read: the connection cannot be reused
        if request.method in KNOWN_METHODS:
            reason = f"{request.method} is not allowed here."
            if request.method in WRITE_METHODS:  # reached only while uploads are off
                reason = "Uploads are turned off in Pier for this share."
            raise HttpError(405, reason, close=not ex.keep_alive, headers=self._allow_header())
        raise HttpError(501, f"The method {request.method} is not supported.", close=True)

    def _skip_body(self, ex: Exchange, request: Request) -> None:
        """Bodies on GET/HEAD/OPTIONS mean nothing to us, but must be consumed to keep framing."""
        if request.content_length > MAX_DRAINED_BODY:
            raise HttpError(413, "The request body is too large.")
        if request.content_length or request.chunked:
            writes.expect_continue(ex.conn, request)  # a waiting client sends nothing without it
            if request.chunked or len(ex.conn.buffer) < request.content_length:
                self._on_long_transfer()  # a slow sender must not hold a pool worker
            body = BodyReader(ex.conn, request.content_length, request.chunked)
            try:
                body.drain(MAX_DRAINED_BODY)
                ex.body_read = True
            finally:
                ex.received = body.received

    # -- changes -------------------------------------------------------------------------------

    def _route_write(self, ex: Exchange, request: Request) -> None:
        """PUT /folder/name, POST /folder/ (multipart), POST /folder/?mkdir=NAME.
        Any refusal closes the connection when a body may still be on its way."""
        try:
            writes.check_same_origin(request, tls=ex.conn.tls)
            writes.check_declared_size(request, self._config.max_upload_bytes)
            if request.method == "PUT":
                self._put(ex, request)
            elif "mkdir" in ex.query:
                self._mkdir(ex, request)
            else:
                self._post_files(ex, request)
        except HttpError as err:
            if request.content_length or request.chunked:
                err.close = True
            raise

    def _write_folder(self, ex: Exchange, raw_path: str) -> Resolved:
        assert ex.access is not None
        folder = ex.access.write_folder(raw_path)
        if folder.fs_path not in self._swept:  # once per folder and share: leftovers of uploads
            self._swept.add(folder.fs_path)    # cut short by a crash or a kill
            ex.access.sweep_stale_uploads(folder)
        return folder

    def _put(self, ex: Exchange, request: Request) -> None:
        parent, _, raw_name = ex.path.rpartition("/")
        name = decode_url_path(raw_name)
        if not name or "/" in name:  # an encoded slash would name another folder
            raise HttpError(400, "PUT needs a file name: PUT /folder/name.", close=False)
        folder = self._write_folder(ex, parent + "/")
        self._on_long_transfer()
        assert ex.access is not None
        stored, ex.received = writes.store_put(
            ex.conn, request, ex.access, folder, name, limit=self._config.max_upload_bytes)
        ex.body_read = True
        self._send_created(ex, [stored], folder.url_path)

    def _post_files(self, ex: Exchange, request: Request) -> None:
        if not request.header("content-type").lower().startswith("multipart/form-data"):
            raise HttpError(415, "Send files as multipart/form-data (or use PUT).")
        folder = self._write_folder(ex, ex.path)
        self._on_long_transfer()
        assert ex.access is not None
        stored, ex.received = writes.store_multipart(
            ex.conn, request, ex.access, folder, limit=self._config.max_upload_bytes,
            show_hidden=self._config.show_hidden)
        ex.body_read = True
        if not stored:
            raise HttpError(400, "No file was sent (form field 'file').", close=False)
        self._send_created(ex, stored, folder.url_path)

    def _mkdir(self, ex: Exchange, request: Request) -> None:
        folder = self._write_folder(ex, ex.path)
        self._skip_body(ex, request)
        assert ex.access is not None
        stored = writes.make_folder(ex.access, folder, ex.query["mkdir"][0])
        self._send_created(ex, [stored], folder.url_path)

    def _send_created(self, ex: Exchange, stored: list[writes.Stored], folder_url: str) -> None:
        ctype, body = writes.created_body(stored, folder_url, ex.wants_json())
        location = b"Location: " + stored[0].url.encode("ascii") + b"\r\n"
        self._send(ex, 201, location + ctype + b"X-Content-Type-Options: nosniff\r\n", body)

    # -- folders -------------------------------------------------------------------------------

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

    def _redirect_to_https(self, ex: Exchange, request: Request) -> None:
        """Plain HTTP on the HTTPS port: point the browser at the right scheme, then close."""
        ex.keep_alive = False
        host = request.header("host")
        if not _HOST.match(host):
            raise HttpError(400, "This port speaks HTTPS; use an https:// address.")
        path, query = _split_target(request.target, request.method)  # absolute form: its path
        location = f"https://{host}{path}{'?' + query if query else ''}".encode("ascii")
        self._send(ex, 301, b"Location: " + location + b"\r\nContent-Type: text/plain\r\n",
                   b"This server speaks HTTPS: " + location + b"\n")

    def _send_ca_certificate(self, ex: Exchange, path: str) -> None:
        """The local CA that signed this server's certificate, so a device can trust it once."""
        tls = self._config.tls
        if tls is None or tls.ca_pem is None:
            raise HttpError(404, "This server has no local certificate authority to offer.",
                            close=False)
        if path.endswith(".pem"):
            body, ctype = tls.ca_pem, b"application/x-pem-file"
        else:
            body, ctype = ssl.PEM_cert_to_DER_cert(tls.ca_pem.decode("ascii")), \
                b"application/x-x509-ca-cert"
        headers = (b"Content-Type: " + ctype + b"\r\nX-Content-Type-Options: nosniff\r\n"
                   b"Cache-Control: no-cache\r\n"
                   b'Content-Disposition: attachment; filename="' + path.rsplit("/", 1)[1].encode()
                   + b'"\r\n')
        self._send(ex, 200, headers, body)

    def _send_asset(self, ex: Exchange, name: str) -> None:
        found = pages.asset(name)
        if found is None:
            raise HttpError(404, "Not found.", close=False)
        data, ctype = found
        headers = (f"Content-Type: {ctype}\r\n".encode("ascii")
                   + b"Cache-Control: max-age=3600\r\nX-Content-Type-Options: nosniff\r\n")
        self._send(ex, 200, headers, data)

    # -- files ---------------------------------------------------------------------------------

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

    # -- sending -------------------------------------------------------------------------------

    def _head(self, ex: Exchange, status: int, headers: bytes, length: int | None) -> bytes:
        parts = [status_line(status), self._dates.header(), SERVER_HEADER, headers]
        if length is not None:
            parts.append(b"Content-Length: %d\r\n" % length)
        if ex.request is not None and ex.request.version == "HTTP/1.0" and ex.keep_alive:
            parts.append(KEEP_ALIVE)
        elif not ex.keep_alive:
            parts.append(CLOSE)
        parts.append(b"\r\n")
        return b"".join(parts)

    def _send_head(self, ex: Exchange, status: int, headers: bytes, length: int | None, *,
                   body_follows: bool = False) -> None:
        """The head alone; with ``body_follows`` (plain HTTP, file data next) it waits in the
        kernel for the first bytes of the body, so that both leave in the same packets."""
        self._need_worker(ex)  # a body streamed after this head can wait on the client
        ex.status = status
        flags = MSG_MORE if body_follows and not ex.conn.tls else 0
        ex.conn.sock.sendall(self._head(ex, status, headers, length), flags)

    def _send(self, ex: Exchange, status: int, headers: bytes, body: bytes,
              length: int | None = -1) -> None:
        """Head and body in one sendall. ``length=None`` omits Content-Length (304)."""
        if length == -1:
            length = len(body)
        head = self._head(ex, status, headers, length)
        ex.status = status
        if ex.head_only or status in (204, 304):
            body = b""
        if ex.out is not None:  # quick mode decided up front that no limit applies
            ex.out += (head, body) if body else (head,)
        elif body:
            self._respect_limits(ex.conn, len(body))
            send_parts(ex.conn, head, body)
        else:
            ex.conn.sock.sendall(head)
        ex.sent = len(body)

    @staticmethod
    def _need_worker(ex: Exchange) -> None:
        if ex.out is not None:
            raise NeedsWorker

    def _respect_limits(self, conn: Connection, amount: int) -> None:
        """Under a bandwidth limit, wait for our share of it; a long wait gives up the worker."""
        if not self._control.limited or not amount:
            return
        wait = self._control.wait_for(conn.client, amount)
        if wait > QUICK_SEND:
            self._on_long_transfer()
        if wait:
            time.sleep(wait)

    def _answer_error(self, ex: Exchange, err: HttpError) -> None:
        if ex.status:  # the head already went out; the only honest signal left is closing
            ex.keep_alive = False
            return
        if err.close or ex.body_pending:
            ex.keep_alive = False  # unread body bytes would be taken for the next request
        reason = getattr(err, "title", "") or phrase(err.status)
        if ex.request is not None and ex.wants_json():
            body = json.dumps({"status": err.status, "error": err.reason}).encode("utf-8")
            headers = b"Content-Type: application/json; charset=utf-8\r\n"
        else:
            body = pages.render_error(err.status, reason, getattr(err, "detail", err.reason),
                                      self._config.server_name)
            headers = b"Content-Type: text/html; charset=utf-8\r\n" + PAGE_CSP
        headers += b"X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n"
        headers += err.headers
        try:
            self._send(ex, err.status, headers, body)
        except (ConnectionError, TimeoutError, OSError):
            ex.keep_alive = False

    # -- records -------------------------------------------------------------------------------

    def _record(self, ex: Exchange) -> None:
        request = ex.request
        headers = request.headers if request else {}
        record = RequestRecord(
            time=ex.arrived,
            client=ex.conn.client,
            user=ex.user.name if ex.user else "",
            method=request.method if request else "",
            path=request.target if request else "",
            status=ex.status,
            bytes_sent=ex.sent,
            duration=time.monotonic() - ex.started,
            user_agent=headers.get("user-agent", ""),
            referer=headers.get("referer", ""),
            tls=ex.conn.tls,
            bytes_received=ex.received,
            protocol=request.version if request else "",
            bytes_expected=ex.expected,
            complete=not ex.cut_short,
        )
        self._sink(record)
        if self._access_log is not None:
            self._access_log.write(record)


def _split_target(target: str, method: str) -> tuple[str, str]:
    """(path, query) of a request target in origin or absolute form."""
    if target == "*" and method == "OPTIONS":
        return "*", ""
    if target.startswith(("http://", "https://")):
        parts = urlsplit(target)
        return parts.path or "/", parts.query
    if not target.startswith("/"):
        raise HttpError(400, "The request target must start with '/'.")
    if "#" in target:
        raise HttpError(400, "Fragments are not allowed in request targets.")
    path, _, query = target.partition("?")
    return path, query


def _unsatisfiable(size: int) -> HttpError:
    return HttpError(416, "The requested range is not satisfiable.", close=False,
                     headers=f"Content-Range: bytes */{size}\r\n".encode("ascii"))
