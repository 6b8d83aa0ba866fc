"""The router: parsing, the Host check, login, the access policy's check of the target, and
the choice of route; the route returns a Response (server/response.py), which
server/delivery.py sends. The routes, one concern each: server/routes_files.py (downloads),
server/routes_folders.py (listings, website index, zip), server/routes_writes.py (uploads, new
folders), server/routes_tus.py (resumable uploads), server/routes_well_known.py (Pier's own
endpoints), server/routes_media.py (a file's ?thumb and ?preview). See docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from server.access import policy_for
from server.accesslog import AccessLog
from server.base_path import BasePath
from server.cache import FileCache, ListingCache
from server.cache_budget import ByteBudget
from server.call import Call, NeedsWorker
from server.clock import SYSTEM_CLOCK, Clock
from server.config import ServerConfig
from server.connection import PLAIN_ON_TLS, BodyReader, Connection
from server.control import AccessPolicy, TrafficControl
from server.delivery import Delivery
from server.exchange import Exchange, Prepared, QuickAnswer, take_prepared
from server.files import Resolved, decode_query
from server.forwarded import TrustedProxies, believe_proxy
from server.health import Availability, ShareUnavailable
from server.hosts import HostNames, share_names
from server.http11 import DateCache, HttpError, Request, parse_head
from server.lasting import Lasting
from server.link_model import LINK_PREFIX, redact_link_tokens
from server.links import LinkStore
from server.login import user_of
from server.methods import WRITE_METHODS, not_allowed
from server.page_i18n import N_
from server.records import RequestRecord
from server.response import Response, error_response, redirect
from server.routes_collect import PREFIX as COLLECT_PREFIX
from server.routes_collect import CollectRoutes
from server.routes_dav import DAV_METHODS
from server.routes_dav_locks import DavRefused
from server.routes_errors import ErrorPageChoice
from server.routes_files import FileRoutes
from server.routes_folders import FolderRoutes
from server.routes_links import LinkRoutes
from server.routes_markdown import MarkdownRoutes, is_markdown
from server.routes_media import MediaRoutes, media_kind_asked
from server.routes_tus import ALLOW_TUS, RESUMABLE, TUS_METHODS, TUS_PREFIX, TusRoutes
from server.routes_well_known import PREFIX as OWN_PREFIX
from server.routes_well_known import (
    WellKnownRoutes,
    is_own_page,
    needs_login,
)
from server.routes_writes import MAX_DRAINED_BODY, WriteRoutes
from server.targets import authority_of, redirect_to_https, split_target
from server.text_board import TextBoard
from server.thumbnails import Thumbnailer
from server.tus_store import TusStore
from server.users import User

log = logging.getLogger("pier.server")

READ_METHODS = ("GET", "HEAD")
CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
CLIENT_GONE = 499  # recorded (never sent) when the client went away mid-request


class RequestHandler:
    """Shared by the serve thread and the workers; keeps no per-request state on itself."""

    def __init__(self, config: ServerConfig, sink: Callable[[RequestRecord], None],
                 access_log: AccessLog | None, *,
                 control: TrafficControl | None = None,
                 stats: Callable[[], dict[str, object]] = dict,
                 on_long_transfer: Callable[[], None] = lambda: None,
                 share: Availability | None = None,
                 clock: Clock = SYSTEM_CLOCK, texts: TextBoard | None = None,
                 thumbnails: Thumbnailer | None = None, links: LinkStore | None = None,
                 lasting: Lasting | None = None, bans: AccessPolicy | None = None) -> None:
        """``lasting``: what outlives a change of rules (server/lasting.py); a handler is
        built whole for each ServerConfig and never changed after. ``bans``: checked again for
        the client a trusted proxy names (the proxy's own address was checked at accept)."""
        lasting = lasting or Lasting(clock)
        self._config = config
        self.texts = texts or TextBoard(clock)  # the shared text; who hears of texts sent
        self._share = share or Availability()  # False while the shared folder is gone
        self._policy = policy_for(config, lasting.in_force)
        self._lasting = lasting
        self._hosts = HostNames(share_names(
            extra=config.allowed_hosts, certificate=config.tls.chain_path if config.tls else None))
        self._sink = sink
        self._proxies = TrustedProxies(config.trusted_proxies) if config.trusted_proxies \
            else None  # without them no X-Forwarded-* header is even looked at
        self._base = BasePath(config.base_path) if config.base_path else None
        self._bans = bans
        self._access_log = access_log
        self._on_long_transfer = on_long_transfer
        self._control = control or TrafficControl()
        self._clock = clock
        self._monotonic = clock.monotonic  # looked up once: these run for every request
        self._wall = clock.time
        self._delivery = Delivery(DateCache(clock=clock), self._control, on_long_transfer)
        self.cache_budget = ByteBudget(config.cache_bytes)  # file bodies and listings together
        downloads = FileRoutes(FileCache(website_mode=config.website_mode,
                                         budget=self.cache_budget), clock)
        self._downloads = downloads
        self._markdown = MarkdownRoutes(config.server_name, clock)
        self._folders = FolderRoutes(config, ListingCache(clock, self.cache_budget), downloads,
                                     self.texts, clock, self._markdown)
        self._dav = lasting.dav  # WebDAV, with the share's one lock manager
        locks = self._dav.locks  # held by every way to change the share
        self._changes = WriteRoutes(config, self.texts, clock, locks=locks)
        self._tus = TusRoutes(config, clock=clock, locks=locks, store=lasting.tus_store(
            config)) if config.upload else None
        self._own_pages = WellKnownRoutes(config, stats, self.texts)
        self._media = MediaRoutes(thumbnails, clock)  # None: icons only
        self._collect = CollectRoutes(config, lasting.people(config.collect), clock) \
            if config.collect else None
        self._links = LinkRoutes(links, self._policy, config.server_name) if links else None
        self._error_pages = ErrorPageChoice(config)  # --error-pages, a website's 404.html

    def come_into_force(self) -> None:
        """This handler's rules are the share's now (server/lasting.py ``take_rules``)."""
        self._lasting.take_rules(self._policy, self._config.auth, self._config.collect,
                                 self._links.store if self._links is not None else None)

    # -- entry points --------------------------------------------------------------------------

    def handle(self, conn: Connection, head: bytes) -> bool:
        """Answer one request whose head is ``head`` (on a worker). True if the connection may
        stay open."""
        prepared = take_prepared(conn)
        response: Response | None
        if prepared is not None and prepared.head != head:
            self.abandon(prepared)
            prepared = None
        if prepared is not None and prepared.answer is not None:
            ex, response = prepared.answer  # routed on the serve thread; its body must wait
            ex.on_serve_thread = False
            if ex.call is not None:
                ex.call.on_serve_thread = False
        else:
            ex = self._exchange(conn)
            response = self._respond(ex, head, prepared.user if prepared else None)
        if response is not None:
            self._deliver(ex, response)
        self._record(ex)
        return ex.keep_alive

    def answer_quickly(self, conn: Connection, head: bytes) -> QuickAnswer | None:
        """The whole answer, when the serve thread can send it at once from memory: cached
        small files, cached listings, redirects, errors, 304s. That spares the hand-off to a
        worker and back, which otherwise costs more than the request. None when a worker must
        answer (a body to read, a large file or a zip to stream, a folder to scan, a password
        to verify, a bandwidth limit): nothing has been sent or recorded then; what the serve
        thread did already is left on the connection for the worker (Prepared)."""
        if self._control.limited:
            return None
        ex = Exchange(conn, self._monotonic(), self._wall(), on_serve_thread=True)
        try:
            response = self._respond(ex, head)
        except NeedsWorker:
            if ex.user is not None:
                conn.prepared = Prepared(head, ex.user)
            return None
        if response is None or not (type(response.body) is bytes or ex.head_only):
            # a body that waits on the disk or the client: the worker sends it as it is
            conn.prepared = Prepared(head, ex.user, (ex, response) if response else None)
            return None
        parts = self._delivery.frame(ex, response)
        self._record(ex)
        return ex.keep_alive, parts

    def abandon(self, prepared: Prepared | None) -> None:
        """An answer the serve thread prepared that no worker sends (the client went, the engine
        stops): recorded as the client's going, which frees what it held (a link's download)."""
        if prepared is not None and prepared.answer is not None:
            ex = prepared.answer[0]
            ex.keep_alive, ex.status = False, CLIENT_GONE
            self._record(ex)

    def record_refusal(self, conn: Connection, err: HttpError) -> None:
        """Record a request refused before it reached a worker (head too long or too slow)."""
        ex = self._exchange(conn)
        ex.status = err.status
        self._record(ex)

    def _exchange(self, conn: Connection, *, on_serve_thread: bool = False) -> Exchange:
        return Exchange(conn, self._monotonic(), self._wall(),
                        on_serve_thread=on_serve_thread)

    # -- from request to response --------------------------------------------------------------

    def _respond(self, ex: Exchange, head: bytes, login: User | None = None) -> Response | None:
        """The route's answer, or the error's; None when the client went away meanwhile."""
        ex.head = head
        try:
            request = parse_head(head, self._config.limits)
            ex.request = request
            ex.keep_alive = request.keep_alive
            if ex.on_serve_thread and (request.content_length or request.chunked):
                raise NeedsWorker
            response = self._route(ex, request, login)
            return response if self._base is None else self._base.outbound(response)
        except NeedsWorker:
            raise
        except HttpError as err:
            return self._error(ex, err)
        except (ConnectionError, TimeoutError) as err:
            self._client_gone(ex, err)
            return None
        except Exception:
            log.exception("unexpected error while answering %s", ex.conn.client)
            return self._error(ex, HttpError(500, N_("The server hit an unexpected error.")))
        finally:
            if ex.body is not None:
                ex.received = ex.body.received

    def _deliver(self, ex: Exchange, response: Response) -> None:
        if ex.body_pending:
            ex.keep_alive = False  # unread body bytes would be taken for the next request
        try:
            self._delivery.send(ex, response)
        except (ConnectionError, TimeoutError) as err:
            self._client_gone(ex, err)
        except Exception as err:
            if not isinstance(err, HttpError):  # an HttpError here: a file changing, say
                log.exception("unexpected error while answering %s", ex.conn.client)
                err = HttpError(500, N_("The server hit an unexpected error."))
            if ex.status:  # the head already went out; the only honest signal left is closing
                ex.keep_alive = False
            else:
                self._deliver(ex, self._error(ex, err))

    def _error(self, ex: Exchange, err: HttpError) -> Response:
        response = error_response(err, as_json=ex.wants_json(), request=ex.request,
                                  server_name=self._config.server_name)
        if self._error_pages.active and not ex.wants_json():  # the owner's page, if any
            response = self._error_pages.page(err, ex.request, ex.call, ex.on_serve_thread) \
                or response
        plain_on_tls = ex.conn.tls_state == PLAIN_ON_TLS  # nothing more to say on it
        response = Response(response.status, response.headers, response.body,
                            close=err.close or ex.body_pending or plain_on_tls,
                            verbatim=response.verbatim)
        return response if self._base is None else self._base.outbound(response)

    @staticmethod
    def _client_gone(ex: Exchange, err: OSError) -> None:
        log.debug("client %s went away: %s", ex.conn.client, err)
        ex.keep_alive = False
        ex.status = ex.status or CLIENT_GONE

    def _route(self, ex: Exchange, request: Request, login: User | None) -> Response:
        tls = ex.conn.tls if self._proxies is None else \
            believe_proxy(self._proxies, self._bans, ex, request)
        path, query = self._split_target(ex.conn, request)
        call = Call(request, path, decode_query(query) if query else {},
                    tls=tls, on_serve_thread=ex.on_serve_thread, client=ex.client,
                    abort=ex.conn.abort, detach=self._on_long_transfer)
        ex.call = call
        if not path:  # the base path without its slash: the share's root is a folder
            return redirect("/" + ("?" + query if query else ""))
        if ex.conn.tls_state == PLAIN_ON_TLS:  # the CA and its trust page, else a redirect
            return self._own_pages.trust.route(call, close=True) or redirect_to_https(request)
        if not self._share.available and (request.method not in READ_METHODS
                                          or not is_own_page(path)):
            raise ShareUnavailable()
        if self._links is not None and path.startswith(LINK_PREFIX):
            return self._through_link(ex, call, request)
        if self._tus is not None and path.startswith(TUS_PREFIX):
            return self._resumable(ex, call, login)
        if self._collect is not None and path.startswith(COLLECT_PREFIX):
            return self._hand_in(ex, call, login)
        if request.method in WRITE_METHODS and self._config.upload:
            call.may_wait()  # changes to the share are a worker's, even without a body
            call.body = ex.body = self._body_of(ex, request)
            self._log_in(ex, call, login)
            if request.method == "PUT":
                try:
                    self._dav.locks.check_put(self._bound(call), path)
                except DavRefused as refused:
                    return refused.response()  # the body unread: Delivery closes
            return self._changes.change(self._bound(call))
        if request.method == "OPTIONS":
            self._skip_body(ex, request)  # answered before a login: clients probe first
            return self._dav.options()
        if request.method in DAV_METHODS and not path.startswith(OWN_PREFIX):
            call.may_wait()
            call.body = ex.body = self._body_of(ex, request)
            self._log_in(ex, call, login)
            return self._dav.route(self._bound(call))
        if request.method not in READ_METHODS:
            raise not_allowed(self._config, request.method, body_pending=ex.body_pending)
        auth = self._config.auth
        own = path.startswith(OWN_PREFIX)
        if auth is not None and (not own or needs_login(path)):
            self._log_in(ex, call, login)  # before a body is read (or 100 Continue sent)
        if request.content_length or request.chunked:
            self._skip_body(ex, request)
        call.access = self._policy.bind(call.user)
        if own:
            own_page = self._own_pages.route(call)
            if own_page is not None:
                return own_page
        if self._collect is not None and self._collect.wants_page(call):
            return self._collect.page(call)  # the share's listing: /?browse
        return self._read(call, path)

    def _read(self, call: Call, path: str) -> Response:
        """A GET or HEAD of ``path``, once ``call.access`` is bound."""
        return self._answer(call, call.files.target(path))

    def _answer(self, call: Call, target: Resolved) -> Response:
        if target.is_dir:
            return self._folders.folder(call, target)
        media = media_kind_asked(call)  # ?thumb, ?preview
        if media is not None:
            return self._media.media(call, target, media)
        if "view" in call.query and is_markdown(target.url_path):
            return self._markdown.view(call, target)
        return self._downloads.download(call, target.fs_path, target.stat)

    def _through_link(self, ex: Exchange, call: Call, request: Request) -> Response:
        """A request at /.well-known/pier/l/TOKEN...: the link's holder, without a login,
        reaching the linked item only (server/routes_links.py, server/access_link.py)."""
        assert self._links is not None
        method = request.method
        if method in WRITE_METHODS:
            call.may_wait()  # a body to read, a drop box to write
            call.body = ex.body = self._body_of(ex, request)
        else:
            self._skip_body(ex, request)
            if method not in READ_METHODS:
                raise HttpError(405, N_("%(method)s is not allowed on a share link."),
                                fields={"method": method}, close=False,
                                headers=b"Allow: GET, HEAD, POST, PUT\r\n")
        entered = self._links.enter(call)
        if isinstance(entered, Response):
            return entered
        call.path = entered  # the share's path from here on: the routes work as usual
        assert call.link is not None
        if method in WRITE_METHODS:
            if method == "PUT":
                try:
                    self._dav.locks.check_put(call, entered)
                except DavRefused as refused:
                    return refused.response()
            upload = self._control.begin(call.client, "", entered, "up", request.content_length
                                         or None, ex.conn.abort, link=call.link.token)
            try:  # registered so that revoking the link cuts it (server/link_keeper.py)
                return self._changes.change(call)
            finally:
                self._control.end(upload)
        target = call.files.target(entered)
        return self._links.claim(call, target, self._answer(call, target))

    def _resumable(self, ex: Exchange, call: Call, login: User | None) -> Response:
        """A tus request (server/routes_tus.py); every answer says Tus-Resumable."""
        assert self._tus is not None
        request = call.request
        try:
            if request.method not in TUS_METHODS or request.method == "OPTIONS":
                self._skip_body(ex, request)
                if request.method != "OPTIONS":
                    raise HttpError(405, N_("%(method)s is not allowed here."),
                                    fields={"method": request.method},
                                    close=ex.body_pending, headers=ALLOW_TUS)
                return self._tus.options()
            call.may_wait()  # records and partial files: a worker's
            if request.method in WRITE_METHODS or request.method == "PATCH":
                call.body = ex.body = self._body_of(ex, request)
            else:
                self._skip_body(ex, request)
            self._log_in(ex, call, login)
            response = self._tus.route(self._bound(call))
        except HttpError as err:
            err.headers = RESUMABLE + err.headers
            raise
        response.headers = RESUMABLE + response.headers
        return response

    def _hand_in(self, ex: Exchange, call: Call, login: User | None) -> Response:
        """Collect mode's endpoints (server/routes_collect.py), after the login."""
        assert self._collect is not None
        request = call.request
        if request.method == "POST":
            call.may_wait()
            call.body = ex.body = self._body_of(ex, request)
        else:
            self._skip_body(ex, request)
        self._log_in(ex, call, login)
        return self._collect.route(self._bound(call))

    @property
    def tus_store(self) -> TusStore | None:
        """The records of resumable uploads; None when uploads are off."""
        return self._tus.store if self._tus is not None else None

    def _bound(self, call: Call) -> Call:
        call.access = self._policy.bind(call.user)
        return call

    def _split_target(self, conn: Connection, request: Request) -> tuple[str, str]:
        """(path, query) of the target, once the names it was sent to are known to be ours:
        a foreign Host (DNS rebinding) or absolute-form authority is answered 421."""
        host = request.headers.get("host")
        if host is not None and not self._hosts.accepts(host, conn.sock):
            raise HttpError(421, N_("This server does not answer to that host name."), close=False)
        target = request.target
        if target.startswith(("http://", "https://")):
            authority = authority_of(target)
            if not self._hosts.accepts(authority, conn.sock):
                raise HttpError(421, N_("This server does not answer to that host name."),
                                close=False)
        path, query = split_target(target, request.method)
        if self._base is not None:
            path = self._base.share_path(path)
            self._base.strip_request(request)
        return path, query

    # -- request bodies ------------------------------------------------------------------------

    def _body_of(self, ex: Exchange, request: Request) -> BodyReader:
        """The request's body; reading it first tells a client waiting on Expect:
        100-continue to send it, and gives a slow sender a worker of its own."""
        conn = ex.conn

        def before_first_read() -> None:
            if request.version == "HTTP/1.1" and request.header("expect").lower() == \
                    "100-continue":
                conn.sock.sendall(CONTINUE)
            if request.chunked or len(conn.buffer) < request.content_length:
                self._on_long_transfer()  # a slow sender must not hold a pool worker

        return BodyReader(conn, request.content_length, request.chunked,
                          before_first_read=before_first_read)

    def _skip_body(self, ex: Exchange, request: Request) -> None:
        """Bodies on GET/HEAD/OPTIONS mean nothing to us, but must be consumed to keep framing."""
        if request.content_length > MAX_DRAINED_BODY:
            raise HttpError(413, N_("The request body is too large."))
        if request.content_length or request.chunked:
            ex.body = self._body_of(ex, request)
            ex.body.drain(MAX_DRAINED_BODY)

    # -- login ---------------------------------------------------------------------------------

    def _log_in(self, ex: Exchange, call: Call, checked: User | None) -> None:
        """Who is asking (server/login.py): sets the user, or answers 401 / 429 / 503 (the
        office directory down). Without auth everyone may read.
        ``checked`` is the user the serve thread already logged in for this very request."""
        auth = self._config.auth
        if auth is None:
            return
        ex.user = call.user = checked or user_of(ex.conn, auth, call.request,
                                                 may_hash=not ex.on_serve_thread,
                                                 leave_pool=call.leave_pool, client=ex.client)

    # -- records -------------------------------------------------------------------------------

    def _record(self, ex: Exchange) -> None:
        request = ex.request
        headers = request.headers if request else {}
        link = ex.call.link if ex.call is not None else None
        if link is not None and self._links is not None:
            self._links.settle(link, ex.status, not ex.cut_short, ex.client,
                               wait=not ex.on_serve_thread)
        record = RequestRecord(
            time=ex.arrived,
            client=ex.client,
            user=ex.user.name if ex.user else "",
            method=request.method if request else "",
            path=redact_link_tokens(request.target) if request else "",
            status=ex.status,
            bytes_sent=ex.sent,
            duration=self._monotonic() - ex.started,
            user_agent=headers.get("user-agent", ""),
            referer=redact_link_tokens(headers.get("referer", "")),
            tls=ex.conn.tls,
            bytes_received=ex.received,
            protocol=request.version if request else "",
            bytes_expected=ex.expected,
            complete=not ex.cut_short,
            upload=ex.call.upload if ex.call is not None else None,
            background_s=ex.call.background_s if ex.call is not None else 0.0,
        )
        self._sink(record)
        if self._access_log is not None:
            self._access_log.write(record)

