"""The request handler: parsing, the Host check, login and routing of one exchange.

The routes live beside it, one concern each: server/file_routes.py (downloads),
server/folder_routes.py (listings, website index, zip), server/write_routes.py (uploads, new
folders), on top of server/responder.py (heads, bodies, errors). Every path they touch comes
from the access policy's FileAccess (server/access.py). See docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import json
import logging
import re
import ssl
import time
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

from server import pages
from server.access import policy_for
from server.accesslog import AccessLog
from server.auth import Authenticator
from server.cache import FileCache, ListingCache
from server.config import ServerConfig
from server.connection import PLAIN_ON_TLS, Connection
from server.control import TrafficControl
from server.exchange import PAGE_CSP, Exchange, NeedsWorker, QuickAnswer
from server.folder_routes import FolderRoutes
from server.health import Availability, ShareUnavailable
from server.hosts import HostNames, share_names
from server.http11 import DateCache, HttpError, Request, parse_head
from server.records import RequestRecord
from server.write_routes import WriteRoutes

log = logging.getLogger("pier.server")

ASSET_PREFIX = "/.well-known/pier/assets/"
LOGOUT_PATH = "/.well-known/pier/logout"
STATS_PATH = "/.well-known/pier/stats"
CA_PATHS = ("/.well-known/pier/ca.pem", "/.well-known/pier/ca.crt")
_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")
READ_METHODS = ("GET", "HEAD")
WRITE_METHODS = ("PUT", "POST")
ALLOW_READ = b"Allow: GET, HEAD, OPTIONS\r\n"
ALLOW_WRITE = b"Allow: GET, HEAD, OPTIONS, PUT, POST\r\n"
KNOWN_METHODS = frozenset({"POST", "PUT", "DELETE", "PATCH", "CONNECT", "TRACE", "PROPFIND",
                           "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "PROPPATCH"})



class RequestHandler(FolderRoutes, WriteRoutes):
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
