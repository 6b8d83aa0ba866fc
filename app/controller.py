"""ServerController: starts and stops the engine off the GUI thread and reports its state."""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.accounts import reload_store
from app.collect_feed import CollectFeed
from app.collect_service import collect_config
from app.drive_addresses import DriveShare
from app.i18n import translate
from app.settings import PORT_MAX, SCOPE_LAN
from app.share_control import ShareControl

# the summaries live in app.summaries (translated); importers of app.controller keep working
from app.summaries import (  # noqa: F401
    Activity,
    Rights,
    access_summary,
    change_message,
    summary_of_config,
    summary_of_request,
)
from server.appdirs import find_ffmpeg, find_trash_folders
from server.auth import Authenticator
from server.clock import SYSTEM_CLOCK, Clock
from server.config import ALL_INTERFACES, LOCALHOST, ServerConfig
from server.engine import EngineStats, ServerEngine
from server.errors import (
    BindError,
    ConfigError,
    FolderError,
    PierError,
    UserStoreError,
)
from server.paths import PierPaths
from server.records import RequestRecord
from server.sharing import authenticator_for, tls_settings
from server.tls import CertificateStore
from server.users import UserStore

log = logging.getLogger(__name__)

STATS_INTERVAL_MS = 500
SHUTDOWN_WAIT_S = 5.0  # for the share control's worker (a ban's fsync) when quitting


class ServerState(enum.Enum):
    STOPPED = "stopped"
    STARTING = "starting"
    RUNNING = "running"
    STOPPING = "stopping"


@dataclass(frozen=True, slots=True)
class ShareRequest:
    """What the user asked for in the share panel."""

    folder: str
    scope: str
    port: int
    show_hidden: bool = False
    website_mode: bool = False
    require_login: bool = False
    anonymous_read: bool = False  # with require_login: visitors may look and download
    anonymous_upload: bool = False  # ... and upload, where ``upload`` allows it
    anonymous_modify: bool = False  # ... and change, where ``modify`` allows it
    upload: bool = False
    modify: bool = False  # "Allow changes": rename, move, delete, replace (issue 17)
    permanent_deletes: bool = False  # where no trash exists, delete for good
    max_upload_bytes: int | None = None
    https: bool = False
    announce: bool = False  # mDNS/DNS-SD announcement (LAN scope only)
    allowed_hosts: tuple[str, ...] = ()  # other names for this computer, e.g. pc.fritz.box
    # with port 0 ("Any free port"): ask for this port first (the one it got last time), and
    # take any free one only when it is taken; 0 = no preference
    preferred_port: int = 0
    collect_name: str | None = None  # collect mode's folder (issue 18); None = off
    collect_until: float | None = None  # its deadline, epoch seconds; None = open
    error_pages: str = ""  # the owner's error pages folder (--error-pages); "" = Pier's own


class NoAccountsError(UserStoreError):
    """A login is required but no account exists yet: nobody could log in."""


class InvalidPortError(ConfigError):
    """The port field holds a number that is not a port (e.g. 99999)."""

    def __init__(self, port: int) -> None:
        super().__init__(translate("Controller", "{port} is not a port number. Choose a port "
                                   "from 1 to {max}, or “Any free port”.").format(
            port=port, max=PORT_MAX))
        self.port = port


def check_port(share: ShareRequest) -> int:
    """The requested port; InvalidPortError when it is out of range. Never changes it."""
    if not 0 <= share.port <= PORT_MAX:
        raise InvalidPortError(share.port)
    return share.port


def check_folder(share: ShareRequest) -> Path:
    """The folder to share; FolderError when none is set. Cheap: no file-system access."""
    if not share.folder.strip():
        raise FolderError(translate("Controller", "Choose a folder to share first."))
    return Path(share.folder.strip()).expanduser()


def make_config(share: ShareRequest, paths: PierPaths,
                users: UserStore | None = None) -> ServerConfig:
    """Turn the panel's choices into an engine config, the way ``pier serve`` does: the
    accounts (``users``, else the file in ``paths``) and certificates come from ``paths``.

    With HTTPS on this makes (or re-issues) the certificate and with a login it reads the
    accounts: both do file I/O and crypto, so the window calls it via ``asyncio.to_thread``.
    Raises FolderError, CertificateError, UserStoreError or NoAccountsError (all PierErrors)
    with a clear message.
    """
    check_port(share)
    root = check_folder(share)
    auth = None
    if share.require_login:
        store = users if users is not None else UserStore(paths.users_file)
        reload_store(store)
        auth = authenticator_for(root, store, anonymous_read=share.anonymous_read,
                                 directory_file=paths.directory_file)
        if not store.users() and auth.directory is None:
            raise NoAccountsError(translate("Controller", "“Require login” is on, but there are "
                                            "no accounts yet, so nobody could log in."))
    return ServerConfig(
        root=root,
        host=ALL_INTERFACES if share.scope == SCOPE_LAN else LOCALHOST,
        port=share.port,
        show_hidden=share.show_hidden,
        website_mode=share.website_mode,
        protected_paths=paths.protected,
        trash_folders=find_trash_folders(),
        upload=share.upload,
        modify=share.modify,
        permanent_deletes=share.modify and share.permanent_deletes,
        anonymous_upload=auth is not None and share.anonymous_read and share.anonymous_upload,
        anonymous_modify=auth is not None and share.anonymous_read and share.anonymous_upload
        and share.anonymous_modify,
        max_upload_bytes=share.max_upload_bytes if share.upload else None,
        tls=tls_settings(CertificateStore(paths.tls_dir)) if share.https else None,
        auth=auth,
        announce=share.announce,
        allowed_hosts=share.allowed_hosts,
        tus_state=paths.tus_dir,
        links_file=paths.links_file,
        thumb_cache=paths.thumbs_dir,
        ffmpeg=find_ffmpeg(),
        collect=collect_config(share.collect_name, share.collect_until, paths.collect_file,
                               SYSTEM_CLOCK.time()),
        error_pages=Path(share.error_pages.strip()).expanduser()
        if share.error_pages.strip() else None,
    )


class ServerController(QObject):
    """Owns one ServerEngine; the window never gets it.

    ``start``/``stop`` are coroutines: the engine's blocking calls run in a worker thread via
    ``asyncio.to_thread``. ``start_blocking``/``stop_blocking`` are the same steps without a loop
    (for shutdown paths and tests). What the window may do to the share (disconnect, ban,
    limits, live data) is ``share_control``, an app service.
    """

    state_changed = Signal(ServerState)
    started = Signal(list)  # list[str] of URLs, the first for the bound host
    stopped = Signal()
    failed = Signal(PierError)  # what prevented starting
    # the running share took new settings: its URLs (maybe new), and what changed, a sentence
    reconfigured = Signal(list, str)
    change_failed = Signal(PierError)  # new settings not taken: the share goes on as it was
    stats_updated = Signal(EngineStats)

    def __init__(self, sink: Callable[[RequestRecord], None], paths: PierPaths,
                 parent: QObject | None = None, *, clock: Clock = SYSTEM_CLOCK) -> None:
        """``paths`` says where the accounts, certificates and bans are; ``clock`` is the
        engine's (uptime, statistics, limits)."""
        super().__init__(parent)
        self.paths = paths
        self._engine = ServerEngine(sink=sink, bans_file=paths.bans_file, clock=clock)
        self.share_control = ShareControl(self._engine, parent=self)
        self.collect = CollectFeed(clock, parent=self)  # collect mode's checklist data
        self._state = ServerState.STOPPED
        self._urls: list[str] = []
        self._config: ServerConfig | None = None
        self._remembered_port = 0  # the port "Any free port" asked for first, 0 = none
        self._changing = asyncio.Lock()  # settings or certificate, one change at a time
        self._stats_timer = QTimer(self)
        self._stats_timer.setInterval(STATS_INTERVAL_MS)
        self._stats_timer.timeout.connect(self._poll_stats)

    @property
    def state(self) -> ServerState:
        return self._state

    @property
    def urls(self) -> list[str]:
        return list(self._urls)

    @property
    def config(self) -> ServerConfig | None:
        return self._config

    @property
    def port(self) -> int | None:
        return self._engine.port if self._state is ServerState.RUNNING else None

    @property
    def port_notice(self) -> str | None:
        """Why the running share is not on the port it got last time, else None."""
        wanted = self._remembered_port
        if not wanted or self.port in (None, wanted):
            return None
        return translate("Controller", "Port {wanted}, used last time, is taken now, so Pier "
                         "picked port {port}. Bookmarks and printed QR codes of the old address "
                         "will not work.").format(wanted=wanted, port=self.port)

    def activity(self) -> Activity:
        """Open connections, connected devices and running transfers (all 0 when stopped)."""
        if self._state is not ServerState.RUNNING:
            return Activity()
        stats = self._engine.stats()
        return Activity(stats.active_connections, stats.clients,
                        len(self._engine.control.transfers()))

    def elapsed(self) -> float:
        """Seconds since the share started, 0 when stopped."""
        if self._state is not ServerState.RUNNING:
            return 0.0
        return self._engine.uptime()

    @property
    def authenticator(self) -> Authenticator | None:
        """The running share's Authenticator (lockouts live there), None without a login."""
        if self._state is not ServerState.RUNNING or self._config is None:
            return None
        return self._config.auth

    def drive_share(self) -> DriveShare | None:
        """The running share as "Connect as a drive" needs it (app.drive_addresses); None
        while stopped. Reads memory only."""
        config = self._config
        if self._state is not ServerState.RUNNING or config is None or not self._urls:
            return None
        auth = config.auth
        return DriveShare.from_urls(
            self._urls, login=auth is not None,
            visitors_may_read=auth is not None and auth.anonymous_read,
            windows_digest=auth is not None and auth.store.any_digest_md5())

    async def start_share(self, share: ShareRequest, users: UserStore | None = None) -> bool:
        """Build the config off the GUI thread (certificate, accounts), then bind and serve it.
        False (and ``failed`` emitted) on a PierError."""
        if not self._begin_start():
            return False
        try:
            config = await asyncio.to_thread(make_config, share, self.paths, users)
        except PierError as err:
            self._fail_start(err)
            return False
        except BaseException:
            self._set_state(ServerState.STOPPED)
            raise
        if share.port == 0 and 0 < share.preferred_port <= PORT_MAX:
            return await self._start_on_preferred_port(config, share.preferred_port)
        return await self._start_engine(config)

    async def apply_share(self, share: ShareRequest, users: UserStore | None = None) -> bool:
        """While sharing: give the running share the panel's settings without stopping it
        (``ServerEngine.reconfigure``: rules at once, a new listener for another address, port,
        HTTPS or folder; "Any free port" keeps the port it has). The config is built and
        handed over off the GUI thread. False, and ``change_failed`` emitted, on a PierError:
        the share then goes on as it was."""
        return await self._reconfigure(lambda _running: make_config(share, self.paths, users))

    async def take_certificate(self) -> bool:
        """While sharing with HTTPS: serve the certificate and CA now in the store (one made,
        imported or replaced in the Certificate dialog), so the trust page's code never leads
        to a CA other than the one the dialog shows. New certificate files move the share to
        a new listener on the same address and port by itself. False when not sharing with
        HTTPS; False and ``change_failed`` on a PierError (the old certificate stays)."""
        if self._config is None or self._config.tls is None:
            return False

        def renewed(running: ServerConfig) -> ServerConfig:
            if running.tls is None:  # HTTPS turned off meanwhile
                return running
            return replace(running, tls=tls_settings(CertificateStore(self.paths.tls_dir)))
        return await self._reconfigure(renewed)

    async def _reconfigure(self, build: Callable[[ServerConfig], ServerConfig]) -> bool:
        """Build a config from the one in force (off the GUI thread) and hand it to the
        engine; one change at a time, so a config built before another change cannot undo
        it."""
        async with self._changing:
            old, old_urls = self._config, self._urls
            if self._state is not ServerState.RUNNING or old is None:
                return False
            try:
                config = await asyncio.to_thread(build, old)
                urls = await asyncio.to_thread(self._engine.reconfigure, config)
            except PierError as err:
                if self._state is ServerState.RUNNING:  # else stopped meanwhile: nothing to say
                    log.info("could not change the running share: %s", err)
                    self.change_failed.emit(err)
                return False
            self._config = self._engine.config or config
            if list(urls) != self._urls:
                self._remembered_port = 0  # the port notice was about the old address
            self._urls = list(urls)
        if (old.root, old.collect) != (self._config.root, self._config.collect):
            self.collect.follow(self._config)
        log.info("sharing %s at %s with new settings", self._config.root, ", ".join(urls))
        self.reconfigured.emit(self.urls, change_message(old, self._config, old_urls, self.urls))
        return True

    async def _start_on_preferred_port(self, config: ServerConfig, port: int) -> bool:
        """"Any free port" asks for the port it got last time; when that one is taken (or
        refused), any free port, and ``port_notice`` says so."""
        self._remembered_port = port
        try:
            urls = await asyncio.to_thread(self._engine.start, replace(config, port=port))
        except BindError as err:
            log.info("port %d is not available (%s); taking any free port", port, err)
        except BaseException as err:
            return self._start_failed(err)
        else:
            self._finish_start(config, urls)
            return True
        return await self._start_engine(config)

    async def start(self, config: ServerConfig) -> bool:
        """Bind and serve ``config``. False (and ``failed`` emitted) on a PierError."""
        if not self._begin_start():
            return False
        return await self._start_engine(config)

    async def _start_engine(self, config: ServerConfig) -> bool:
        try:
            urls = await asyncio.to_thread(self._engine.start, config)
        except BaseException as err:
            return self._start_failed(err)
        self._finish_start(config, urls)
        return True

    def _start_failed(self, err: BaseException) -> bool:
        """A PierError becomes the failed signal (a dialog); anything else propagates."""
        if isinstance(err, PierError):
            self._fail_start(err)
            return False
        self._set_state(ServerState.STOPPED)
        raise err

    async def stop(self) -> None:
        if not self._begin_stop():
            return
        try:
            if _loop_running():
                await asyncio.to_thread(self._engine.stop)
            else:  # stepped outside a running loop (closing at exit): stop on this thread
                self._engine.stop()
        finally:
            self._finish_stop()

    def start_blocking(self, config: ServerConfig) -> bool:
        if not self._begin_start():
            return False
        try:
            urls = self._engine.start(config)
        except BaseException as err:
            return self._start_failed(err)
        self._finish_start(config, urls)
        return True

    def stop_blocking(self) -> None:
        """Stop now (quitting): also waits, briefly, for a ban being saved."""
        self.share_control.wait(SHUTDOWN_WAIT_S)
        if not self._begin_stop():
            return
        try:
            self._engine.stop()
        finally:
            self._finish_stop()

    def _begin_start(self) -> bool:
        if self._state is not ServerState.STOPPED:
            log.warning("start ignored: the share is %s", self._state.value)
            return False
        self._remembered_port = 0
        self._set_state(ServerState.STARTING)
        return True

    def _fail_start(self, err: PierError) -> None:
        log.info("could not start: %s", err)
        self._set_state(ServerState.STOPPED)
        self.failed.emit(err)

    def _finish_start(self, config: ServerConfig, urls: list[str]) -> None:
        self._config = config
        self._urls = list(urls)
        self._set_state(ServerState.RUNNING)
        self._stats_timer.start()
        self.collect.follow(config)
        log.info("serving %s at %s", config.root, ", ".join(urls))
        self.started.emit(self.urls)
        self._poll_stats()

    def _begin_stop(self) -> bool:
        if self._state is not ServerState.RUNNING:
            return False
        self._stats_timer.stop()
        self._set_state(ServerState.STOPPING)
        return True

    def _finish_stop(self) -> None:
        self._urls = []
        self.share_control.texts.forget_on_stop()  # the engine drops a shared text on stop
        self.share_control.thumbnails.forget()  # the next share may hold other files
        self.collect.pause()
        self._set_state(ServerState.STOPPED)
        log.info("stopped")
        self.stopped.emit()

    def _set_state(self, state: ServerState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    def reset_counters(self) -> None:
        """Start the counters (and the statistics behind the charts) again from zero, as the
        window does when its log is cleared, so that both cover the same span."""
        self._engine.monitor.reset()
        self._poll_stats()

    def _poll_stats(self) -> None:
        if self._state is ServerState.RUNNING:
            stats: EngineStats = self._engine.stats()
            self.stats_updated.emit(stats)


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True
