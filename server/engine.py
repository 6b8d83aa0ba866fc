"""ServerEngine: binds, serves from background threads, and stops within a bound.

The engine is the share's public face (start, stop, statistics, bans, the folder's health);
server/serve_loop.py holds the serve thread and the worker pool behind it (its docstring
describes their shape), server/health.py the watch over the shared folder.
"""

from __future__ import annotations

import errno
import logging
import os
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from server import pages
from server.admission import client_address, client_group
from server.cache_budget import BudgetUse
from server.clock import SYSTEM_CLOCK, Clock
from server.config import ServerConfig, TlsSettings
from server.control import AccessPolicy, TrafficControl
from server.errors import (
    AddressUnavailableError,
    BindError,
    EngineStateError,
    PortInUseError,
    PortPermissionError,
)
from server.health import ShareHealth
from server.lasting import Lasting
from server.link_keeper import LinkKeeper, link_keeper_for
from server.monitor import Monitor
from server.reconfigure import (
    keep_login_state,
    keep_port,
    needs_new_loop,
    same_address,
    tls_stamp,
)
from server.records import RequestRecord, UnfinishedUpload
from server.serve_loop import Sink, tiny_answer
from server.share_loop import ShareLoop
from server.text_board import TextBoard
from server.thumb_kinds import Renderer
from server.thumbnails import Thumbnailer, ThumbStats
from server.urls import share_urls

if TYPE_CHECKING:
    from server.discovery import Announcement

__all__ = ["EngineStats", "ServerEngine", "bind_listener", "client_address", "client_group",
           "tiny_answer"]

log = logging.getLogger("pier.server")

LISTEN_BACKLOG = 128
DRAIN_S = 30.0  # how long requests in flight may go on after the listener changed
DRAIN_JOIN_S = 2.0  # stop(): how long a draining loop is waited for once its clients are cut


@dataclass(frozen=True, slots=True)
class EngineStats:
    active_connections: int
    total_requests: int
    bytes_sent: int
    bytes_received: int
    clients: int
    started_at: float  # the engine clock's monotonic reading at start()


class ServerEngine:
    """Start and stop a share. Thread-safe; one share at a time per engine."""

    def __init__(self, sink: Sink | None = None, *, bans_file: Path | None = None,
                 clock: Clock = SYSTEM_CLOCK, thumb_renderer: Renderer | None = None) -> None:
        """``sink`` receives every RequestRecord from worker threads (keep it O(1)).
        ``bans_file`` keeps permanent bans (``PierPaths.bans_file``); None keeps them in
        memory only. ``clock`` times the uptime, the statistics, bandwidth limits and
        transfers. ``thumb_renderer`` replaces Pillow and ffmpeg for thumbnails (tests)."""
        self._user_sink: Sink = sink or _discard
        self.clock = clock
        self._thumb_renderer = thumb_renderer
        self._lock = threading.Lock()
        self._loop: ShareLoop | None = None
        self._lasting = Lasting(clock)  # what outlives a change of rules (server/lasting.py)
        self._context: ssl.SSLContext | None = None
        self._tls_stamp: tuple[tuple[int, int, int], ...] = ()
        self._announced: tuple[object, ...] = ()  # what the announcement says, () = none
        self._draining: list[tuple[ShareLoop, threading.Thread]] = []  # old loops finishing
        self._draining_lock = threading.Lock()  # the list: the drain threads remove themselves
        self._thumbnails: Thumbnailer | None = None
        self._started_at = 0.0
        self._announcement: Announcement | None = None
        self._links: LinkKeeper | None = None
        self.monitor = Monitor(clock)
        self.control = TrafficControl(clock)
        self.policy = AccessPolicy(bans_file)
        self.texts = TextBoard(clock)  # the shared text, and who hears of texts sent
        self._health_listeners: list[Callable[[bool], None]] = []

    def _sink(self, record: RequestRecord) -> None:
        self.monitor.add(record)
        self._user_sink(record)

    @property
    def running(self) -> bool:
        return self._loop is not None

    @property
    def port(self) -> int:
        loop = self._loop
        return loop.port if loop else 0

    @property
    def config(self) -> ServerConfig | None:
        loop = self._loop
        return loop.config if loop else None

    def start(self, config: ServerConfig) -> list[str]:
        """Validate, bind and start serving. Returns the share's URLs.

        Raises PierError subclasses (str() of each is a sentence for the user)."""
        with self._lock:
            if self._loop is not None:
                raise EngineStateError("The server is already running.")
            cfg = config.validated()
            pages.preload()  # error pages must not need the disk when none is left to open
            context = _tls_context(cfg)
            health = ShareHealth.of(str(cfg.root), on_change=self._share_changed)
            listener = bind_listener(cfg.host, cfg.port)
            self.monitor.reset()
            thumbnails = Thumbnailer(cfg, renderer=self._thumb_renderer)
            thumbnails.start()  # makes the cache folder before the policy looks for it
            links = link_keeper_for(cfg.links_file, self.clock, self.control)
            self._links, self._lasting = links, Lasting(self.clock)
            cfg = self._lasting.keep_throttle(cfg)
            try:
                loop = self._new_loop(listener, cfg, context, health, thumbnails)
            except BaseException:
                thumbnails.stop()
                self._links = None
                raise
            if links is not None:
                links.start()
            self._started_at = self.clock.monotonic()
            self._loop, self._thumbnails = loop, thumbnails
            self._context, self._tls_stamp = context, tls_stamp(cfg)
            self._announce(cfg, loop.port)
            return share_urls(cfg.host, loop.port, tls=context is not None)

    def _new_loop(self, listener: socket.socket, cfg: ServerConfig,
                  context: ssl.SSLContext | None, health: ShareHealth,
                  thumbnails: Thumbnailer | None) -> ShareLoop:
        links = self._links
        loop = ShareLoop(listener, cfg, self._sink, context, self.control, self.policy,
                         self.live_stats, health, clock=self.clock, texts=self.texts,
                         thumbnails=thumbnails, links=links.store if links else None,
                         lasting=self._lasting)
        loop.start()
        return loop

    def reconfigure(self, config: ServerConfig, *, drain_s: float = DRAIN_S) -> list[str]:
        """Take ``config`` while sharing; returns the share's URLs. The rules (server/
        reconfigure.py) apply to the next request, with the same listener and connections; a
        request in flight ends under the rules it began with. A new address, port, HTTPS
        certificate or folder: a new serve loop takes over (``_hand_over``) and the old one's
        requests in flight may finish within ``drain_s``. Raises PierError with nothing
        changed (a BindError: the new port is taken; the share goes on as it was)."""
        with self._lock:
            loop = self._loop
            if loop is None:
                raise EngineStateError("The server is not running.")
            cfg = keep_login_state(loop.config, keep_port(loop.port, config.validated()))
            cfg = self._lasting.keep_throttle(cfg)
            links_before = loop.config.links_file
            if needs_new_loop(loop.config, loop.port, cfg, self._tls_stamp):
                self._hand_over(loop, cfg, drain_s)
            else:
                loop.take_rules(cfg)
            now = self._loop
            assert now is not None
            if now.config.links_file != links_before:
                self._take_links(now, cfg)
            if self._thumbnails is not None:  # what the window's thumbnails may show
                self._thumbnails.take_rules(now.config)
            self._announce(now.config, now.port)
            return share_urls(now.config.host, now.port, tls=now.config.tls is not None)

    def _hand_over(self, old: ShareLoop, cfg: ServerConfig, drain_s: float) -> None:
        """A new serve loop for ``cfg``. Its listener opens first where it can (another
        port: a clash raises before anything stops); on the running one's port the old
        listener is closed first, and when the new one cannot open the old address is
        opened again, served under the old settings, and the error raised."""
        context = _tls_context(cfg)
        health = self._health_of(old, cfg)
        clash = same_address(old.config.host, old.port, cfg)
        listener = None if clash else bind_listener(cfg.host, cfg.port)
        old_listener = old.wind_down()  # no more accepting; idle connections closed
        error: BindError | None = None
        if listener is None and old.config.host == cfg.host:
            listener = old_listener  # the same address: the same socket, nothing refused
        else:
            old_listener.close()
        if listener is None:
            try:
                listener = bind_listener(cfg.host, cfg.port)
            except BindError as err:
                error, cfg, context = err, old.config, self._context
                listener = bind_listener(cfg.host, old.port)  # back where it was
                health = self._health_of(old, cfg)
        old_thumbnails = self._thumbnails
        if cfg.root != old.config.root:  # another folder: its own thumbnails and DAV locks
            self._lasting = self._lasting.for_new_folder()
            self._thumbnails = Thumbnailer(cfg, renderer=self._thumb_renderer)
            self._thumbnails.start()
        self._loop = self._new_loop(listener, cfg, context, health, self._thumbnails)
        self._context, self._tls_stamp = context, tls_stamp(cfg)
        retired = old_thumbnails if old_thumbnails is not self._thumbnails else None
        self._finish_later(old, retired, drain_s)
        if error is not None:
            raise error

    def _take_links(self, loop: ShareLoop, cfg: ServerConfig) -> None:
        """Another links file, or links switched on or off: a new keeper (or none) and the
        running loop's handler with it; the old keeper stops (its links are served no more,
        a draining loop's transfers through them end within the drain)."""
        old, self._links = self._links, link_keeper_for(cfg.links_file, self.clock, self.control)
        loop.take_links(self._links.store if self._links is not None else None)
        if self._links is not None:
            self._links.start()
        if old is not None:
            old.stop()

    def _health_of(self, old: ShareLoop, cfg: ServerConfig) -> ShareHealth:
        """The folder's watch for a new loop: the same folder keeps the identity it had (a
        folder put in its place meanwhile is still not the share)."""
        if str(cfg.root) == old.health.root:
            return ShareHealth(old.health.root, old.health.identity, on_change=self._share_changed)
        return ShareHealth.of(str(cfg.root), on_change=self._share_changed)

    def _loops(self) -> list[ShareLoop]:
        """The running loop and those still finishing requests after a new listener."""
        loop = self._loop
        return [old for old, _thread in self._finishing()] + ([loop] if loop else [])

    def _finishing(self) -> list[tuple[ShareLoop, threading.Thread]]:
        with self._draining_lock:
            return list(self._draining)

    def _finish_later(self, old: ShareLoop, thumbnails: Thumbnailer | None,
                      drain_s: float) -> None:
        """Let ``old``'s requests in flight finish (at most ``drain_s``) in a thread, then stop
        it and the thumbnails it alone used."""
        def finish() -> None:
            old.finish(drain_s)
            if old.config.auth is not None:
                old.config.auth.store.flush()
            if thumbnails is not None:
                thumbnails.stop()
            with self._draining_lock:
                self._draining[:] = [d for d in self._draining if d[0] is not old]

        thread = threading.Thread(target=finish, name="pier-drain", daemon=True)
        with self._draining_lock:
            self._draining.append((old, thread))
        thread.start()

    def _announce(self, cfg: ServerConfig, port: int) -> None:
        """Start, stop or renew the LAN announcement to match ``cfg``."""
        wanted: tuple[object, ...] = (cfg.share_name, port, cfg.tls is not None, cfg.host) \
            if cfg.announce and not cfg.is_local_only else ()
        if wanted == self._announced:
            return
        if self._announcement is not None:
            self._announcement.stop()
            self._announcement = None
        self._announced = wanted
        if wanted:
            from server.discovery import Announcement  # zeroconf loads only when used

            self._announcement = Announcement(cfg.share_name, port, tls=cfg.tls is not None,
                                              host=cfg.host)
            self._announcement.start()  # returns at once; probing runs in its thread

    @property
    def links(self) -> LinkKeeper | None:
        """The running share's links (its store, and revoke that cuts transfers); None when
        not sharing or links are off."""
        return self._links

    def use_certificate(self, tls: TlsSettings) -> None:
        """Serve a reloaded certificate chain and key from the next TLS handshake on; open
        connections keep theirs (server/reload.py). CertificateError when the pair cannot be
        used (the one served stays); EngineStateError when the share is not HTTPS."""
        with self._lock:
            loop = self._loop
            if loop is None or loop.config.tls is None:
                raise EngineStateError("The share is not served over HTTPS.")
            context = _tls_context(replace(loop.config, tls=tls))
            assert context is not None
            loop.use_certificate(context, tls)

    def urls(self) -> list[str]:
        loop = self._loop
        if loop is None:
            return []
        return share_urls(loop.config.host, loop.port, tls=loop.config.tls is not None)

    def stop(self) -> None:
        """Stop serving; returns within about a second, leaving no thread behind."""
        with self._lock:
            loop, self._loop = self._loop, None
            thumbnails, self._thumbnails = self._thumbnails, None
            announcement, self._announcement = self._announcement, None
            links, self._links = self._links, None
            self._announced = ()
            if announcement is not None:
                announcement.stop()  # goodbye packets: browsers drop the share at once
            draining = self._finishing()
            for old, _thread in draining:
                old.disconnect_matching(lambda _ip: True)  # its finish() then stops it
            self.texts.clear()  # a shared text lasts as long as the share
            if thumbnails is not None:  # first: requests waiting on it are told to retry
                thumbnails.stop()
            if loop is not None:
                loop.stop()
                if loop.config.auth is not None:
                    loop.config.auth.store.flush()  # last-login times are batched
                    loop.config.auth.close()  # the directory's threads, if any
            for _old, thread in draining:
                thread.join(DRAIN_JOIN_S)
            if links is not None:
                links.stop()  # after the loop: the last downloads are counted, then written

    def stats(self) -> EngineStats:
        loop = self._loop
        if loop is None:
            return EngineStats(0, 0, 0, 0, 0, 0.0)
        active, clients = loop.connection_counts()
        for old, _thread in self._finishing():  # downloads going on after a new listener
            active += old.connection_counts()[0]
        requests, sent, received = self.monitor.totals()
        return EngineStats(active, requests, sent, received, clients, self._started_at)

    def cache_use(self) -> BudgetUse | None:
        """What the running share keeps in memory (server/cache_budget.py); None when off."""
        loop = self._loop
        return loop.cache_use() if loop is not None else None

    def uptime(self) -> float:
        """Seconds since the running share started, 0 when not sharing."""
        return self.clock.monotonic() - self._started_at if self.running else 0.0

    @property
    def share_available(self) -> bool:
        """False while the running share's folder is gone (deleted, renamed, its disk
        unplugged, another folder in its place): visitors then get 503 "This share is
        unavailable". True again when the same folder is back; True when not sharing."""
        loop = self._loop
        return loop.health.available if loop else True

    def add_health_listener(self, listener: Callable[[bool], None]) -> None:
        """``listener(available)`` hears every change of ``share_available``, at once and from
        the engine's health thread (keep it short; e.g. post to a GUI thread)."""
        self._health_listeners.append(listener)

    def remove_health_listener(self, listener: Callable[[bool], None]) -> None:
        if listener in self._health_listeners:
            self._health_listeners.remove(listener)

    def _share_changed(self, available: bool) -> None:
        for listener in list(self._health_listeners):
            try:
                listener(available)
            except Exception:
                log.exception("a share health listener failed")

    @property
    def announced_name(self) -> str | None:
        """The name the share got on the LAN (mDNS may add "-2" on a clash), if announced."""
        announcement = self._announcement
        return announcement.registered_name if announcement else None

    def disconnect(self, client: str) -> int:
        """Close every connection of ``client`` now (its transfers end); returns how many.
        Under the engine's lock: a listener change hands over whole, before or after."""
        with self._lock:
            return sum(loop.disconnect(client) for loop in self._loops())

    def ban(self, target: str, *, permanent: bool = False) -> None:
        """Refuse ``target`` (an address or network) from now on and drop its connections
        (of the running loop and of those draining, as ``disconnect``)."""
        network = self.policy.ban(target, permanent=permanent)
        with self._lock:
            for loop in self._loops():
                loop.disconnect_matching(lambda ip: ip in network)

    def thumbnail_for(self, url_path: str) -> bytes | None:
        """The running share's thumbnail (JPEG) of ``url_path`` as a visitor without an
        account may see it (Thumbnailer.thumbnail_for); None when there is none. Blocks while
        it is made: call it off the GUI thread."""
        thumbnails = self._thumbnails
        return thumbnails.thumbnail_for(url_path) if thumbnails is not None else None

    def thumbnail_stats(self) -> ThumbStats | None:
        """What the thumbnail threads do; None when not sharing."""
        thumbnails = self._thumbnails
        return thumbnails.stats() if thumbnails is not None else None

    def unfinished_uploads(self) -> list[UnfinishedUpload]:
        """The running share's resumable uploads that still wait for bytes (plain copies)."""
        loop = self._loop
        store = loop.tus_store if loop else None
        return store.unfinished_now() if store is not None else []

    def cancel_upload(self, key: str) -> bool:
        """End the unfinished resumable upload ``key`` (UnfinishedUpload.key): its partial
        file and record go, the uploader's next request gets 404. False when it is no longer
        there; UploadBusy when a request sending to it did not stop in time. May wait up to
        10 s for that request: call it off the GUI thread."""
        loop = self._loop
        store = loop.tus_store if loop else None
        return store.cancel(key) if store is not None else False

    def live_stats(self) -> dict[str, object]:
        """Everything a monitor shows, as JSON-ready data (also served at
        /.well-known/pier/stats)."""
        engine = self.stats()
        now = self.clock.monotonic()
        data = self.monitor.snapshot().as_dict()
        data["active_connections"] = engine.active_connections
        data["connected_clients"] = engine.clients
        data["uptime_s"] = round(now - engine.started_at, 1) if self.running else 0
        data["share_available"] = self.share_available
        data["transfers"] = [
            {"id": t.id, "client": t.client, "user": t.user, "path": t.path,
             "direction": t.direction, "total": t.total, "done": t.done,
             "bytes_per_s": round(t.speed(now))} for t in self.control.transfers()]
        thumbnails = self.thumbnail_stats()
        data["thumbnails"] = asdict(thumbnails) if thumbnails is not None else None
        return data


def _discard(_record: RequestRecord) -> None:
    pass


def _tls_context(config: ServerConfig) -> ssl.SSLContext | None:
    if config.tls is None:
        return None
    from server.tls import make_server_context  # only HTTPS shares pay for loading it

    return make_server_context(config.tls.chain_path, config.tls.key_path)


def bind_listener(host: str, port: int) -> socket.socket:
    """Open the listening socket, turning OS errors into typed, user-facing ones."""
    address = "127.0.0.1" if host == "localhost" else host
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if os.name != "nt":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        sock.bind((address, port))
        sock.listen(LISTEN_BACKLOG)
        sock.setblocking(False)
    except OSError as err:
        sock.close()
        raise _bind_error(err, host, port) from None
    return sock


def _bind_error(err: OSError, host: str, port: int) -> BindError:
    if err.errno == errno.EADDRINUSE:
        return PortInUseError(f"Port {port} is already in use on {host}.", host, port)
    if err.errno in (errno.EACCES, errno.EPERM):
        return PortPermissionError(
            f"Port {port} needs administrator rights; choose a port above 1023.", host, port
        )
    if err.errno == errno.EADDRNOTAVAIL:
        return AddressUnavailableError(
            f"The address {host} does not belong to this computer.", host, port
        )
    return BindError(f"Cannot listen on {host}:{port}: {err.strerror}.", host, port)
