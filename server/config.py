"""ServerConfig: everything the engine needs to serve a folder, validated with clear messages."""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from server.errors import ConfigError, FolderError

if TYPE_CHECKING:
    from server.auth import Authenticator
    from server.collect import CollectConfig

_HOST_NAME = re.compile(r"(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)"
                        r"(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*")
LOCALHOST = "127.0.0.1"
ALL_INTERFACES = "0.0.0.0"


MAX_CONNECTIONS = 2048  # 1,000 keep-alive phones and browsers fit below the reserve (admission)
MAX_CONNECTIONS_PER_IP = 128  # browsers open ~6; benchmarks and proxies more
MAX_CONNECTIONS_CEILING = 1_000_000


class ErrorPagesRefused(ConfigError):
    """The error pages folder cannot be used (missing, or inside a share that accepts
    changes); `pier serve` exits 2 with it, as for a wrong option."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps and deadlines that keep one client from starving the others."""

    workers: int = 4  # threads that run requests; idle connections cost no thread
    max_connections: int = MAX_CONNECTIONS  # `pier serve --max-connections`
    max_connections_per_ip: int = MAX_CONNECTIONS_PER_IP
    header_timeout: float = 10.0  # the whole request line + header block must arrive within this
    idle_timeout: float = 15.0  # a keep-alive connection with no new request is closed after this
    io_timeout: float = 30.0  # a send or receive that makes no progress for this long is dropped
    max_header_line: int = 8192
    max_headers: int = 100
    max_uri: int = 8192

    def validate(self) -> None:
        if self.workers < 1 or self.workers > 256:
            raise ConfigError("The number of worker threads must be between 1 and 256.")
        if self.max_connections < 1 or self.max_connections_per_ip < 1:
            raise ConfigError("Connection limits must be at least 1.")
        if self.max_connections > MAX_CONNECTIONS_CEILING:
            raise ConfigError(f"At most {MAX_CONNECTIONS_CEILING:,} connections can be "
                              "allowed.")
        for name in ("header_timeout", "idle_timeout", "io_timeout"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name.replace('_', ' ')} must be positive.")


@dataclass(frozen=True, slots=True)
class TlsSettings:
    """Where the certificate chain and key are; server.tls makes the SSLContext from them."""

    chain_path: Path
    key_path: Path
    ca_pem: bytes | None = None  # offered to clients at /.well-known/pier/ca.pem (and ca.crt)


@dataclass(frozen=True, slots=True)
class ServerConfig:
    root: Path
    host: str = LOCALHOST
    port: int = 8000
    show_hidden: bool = False  # serve and list names starting with "."
    website_mode: bool = False  # serve a folder's index.html instead of its listing
    access_log: Path | None = None  # Combined Log Format, rotated; None = off
    # never served even when inside root: the caller's own folders (PierPaths.protected)
    protected_paths: tuple[Path, ...] = ()
    # the user's own trash (~/.local/share/Trash, ~/.Trash), where deletes of the home disk's
    # files go: Pier's own wherever it lies in the share, like a disk's .Trash-UID; server/
    # reads no environment: the entry points pass server.appdirs.find_trash_folders()
    trash_folders: tuple[Path, ...] = ()
    server_name: str = "Pier"  # shown on generated pages
    tls: TlsSettings | None = None  # None = plain HTTP
    upload: bool = False  # accept uploads (PUT, multipart POST) and new folders
    # an upload may replace a file of the same name: the old spelling of that part of
    # ``modify``; either way the principal needs the modify right (accounts' can_modify)
    overwrite: bool = False
    modify: bool = False  # rename, move, delete, replace (server/file_ops.py; issue 17)
    # where the computer has no trash for a deleted item (some network file systems), delete
    # it for good instead of refusing
    permanent_deletes: bool = False
    max_upload_bytes: int | None = None  # None = no limit beyond the free disk space
    auth: Authenticator | None = None  # None = no login; everyone may read (and upload if on)
    # with ``auth``: what visitors without an account may do beyond reading (which is
    # auth.anonymous_read); still only where the share's switches (upload, modify) allow it
    anonymous_upload: bool = False
    anonymous_modify: bool = False
    announce: bool = False  # announce the share on the LAN over mDNS/DNS-SD (NAME.local)
    # names accepted in Host besides the share's own (router- or VPN-given names); exact names,
    # never wildcards: anything else is answered 421 (DNS rebinding)
    allowed_hosts: tuple[str, ...] = ()
    # where unfinished resumable (tus) uploads are remembered across restarts
    # (PierPaths.tus_dir); None = in memory only
    tus_state: Path | None = None
    # the share links file (PierPaths.links_file, server/links.py); None = links off
    links_file: Path | None = None
    # thumbnails and previews (server/thumbnails.py): the threads that make them (0 = off,
    # every answer is an icon), their disk cache (PierPaths.thumbs_dir; None = memory only)
    # and its size cap, and ffmpeg for video posters (None = an icon for videos); server/
    # reads no PATH: the entry points pass shutil.which("ffmpeg")
    thumb_threads: int = 1
    thumb_cache: Path | None = None
    thumb_cache_bytes: int = 512 * 1024 * 1024
    # what the answers kept in memory (file bodies, listings) may hold together (server/
    # cache_budget.py): one LRU total
    cache_bytes: int = 96 * 1024 * 1024
    ffmpeg: Path | None = None
    # collect mode (server/collect.py): people hand in files into <root>/NAME/<person>/
    collect: CollectConfig | None = None
    # behind a reverse proxy (server/forwarded.py, server/base_path.py): the networks whose
    # X-Forwarded-For/-Host/-Proto are believed, and the path prefix the proxy serves Pier under
    # ("/files"; "" = the root)
    trusted_proxies: tuple[str, ...] = ()
    base_path: str = ""
    # the owner's error pages, 404.html, 403.html, ... (server/error_pages.py); None = Pier's
    error_pages: Path | None = None

    @property
    def share_name(self) -> str:
        """What the share is called on the LAN: the server name, else the folder's name."""
        if self.server_name != "Pier":
            return self.server_name
        return f"Pier - {Path(self.root).name or 'files'}"
    limits: Limits = field(default_factory=Limits)

    def validated(self) -> ServerConfig:
        """Return a copy with the root resolved, or raise ConfigError / FolderError."""
        self.limits.validate()
        if self.max_upload_bytes is not None and self.max_upload_bytes < 1:
            raise ConfigError("The maximum upload size must be at least one byte.")
        if not 0 <= self.port <= 65535:
            raise ConfigError(f"Port {self.port} is out of range (0-65535).")
        _check_host(self.host)
        if (self.anonymous_upload or self.anonymous_modify) and self.auth is not None and \
                not self.auth.anonymous_read:
            raise ConfigError("Visitors without an account can change files only where they "
                              "may also read (--anonymous).")
        _check_thumbnails(self)
        root = _checked_root(self.root)
        protected = tuple(Path(os.path.realpath(p)) for p in self._always_protected())
        trash = tuple(Path(os.path.realpath(p)) for p in self.trash_folders)
        extra = tuple(dict.fromkeys(normalise_host_name(n) for n in self.allowed_hosts))
        collect = self.collect.validated() if self.collect is not None else None
        from server.base_path import normalise_base_path  # they import this module
        from server.control import parse_network
        proxies = tuple(dict.fromkeys(str(parse_network(n)) for n in self.trusted_proxies))
        error_pages = _checked_error_pages(self, root)
        return replace(self, root=root, protected_paths=protected, trash_folders=trash,
                       allowed_hosts=extra, collect=collect, trusted_proxies=proxies,
                       base_path=normalise_base_path(self.base_path), error_pages=error_pages)

    def _always_protected(self) -> tuple[Path, ...]:
        """Pier's own files are never served, even from inside the shared folder: whatever the
        caller protects (its config and log folders), plus the access log and the TLS
        certificate and key."""
        own: list[Path] = list(self.protected_paths)
        if self.access_log is not None:
            own.append(self.access_log)
        if self.tls is not None:
            own += [self.tls.chain_path, self.tls.key_path]
        if self.tus_state is not None:
            own.append(self.tus_state)
        if self.thumb_cache is not None:
            own.append(self.thumb_cache)
        return tuple(own)

    @property
    def is_local_only(self) -> bool:
        return self.host in ("127.0.0.1", "::1", "localhost")


def _check_host(host: str) -> None:
    if host == "localhost":
        return
    try:
        ipaddress.ip_address(host)
    except ValueError:
        raise ConfigError(f"'{host}' is not an IP address (use 127.0.0.1 or 0.0.0.0).") from None


def _check_thumbnails(config: ServerConfig) -> None:
    if not 0 <= config.thumb_threads <= 16:
        raise ConfigError("The number of thumbnail threads must be between 0 and 16.")
    if config.thumb_cache_bytes < 0:
        raise ConfigError("The thumbnail cache size cannot be negative.")


def normalise_host_name(name: str) -> str:
    """A host name as it is compared with Host headers: lower case, no trailing dot, IDNA
    A-labels. ConfigError for wildcards, ports, schemes and anything else that is not a name."""
    cleaned = name.strip().rstrip(".").lower()
    try:
        ascii_name = cleaned.encode("idna").decode("ascii")
    except UnicodeError:
        raise ConfigError(f"'{name}' is not a host name.") from None
    if not _HOST_NAME.fullmatch(ascii_name):
        raise ConfigError(f"'{name}' is not a host name (give a name such as pc.fritz.box, "
                          "without wildcards, scheme or port).")
    return ascii_name


def _checked_root(root: Path) -> Path:
    path = Path(os.path.realpath(Path(root).expanduser()))
    if not path.exists():
        raise FolderError(f"The folder {root} does not exist.")
    if not path.is_dir():
        raise FolderError(f"{root} is not a folder.")
    if not os.access(path, os.R_OK | os.X_OK):
        raise FolderError(f"The folder {root} cannot be read (permission denied).")
    return path


def _checked_error_pages(config: ServerConfig, root: Path) -> Path | None:
    """The error pages folder, resolved; ConfigError when it is missing or inside a share that
    accepts changes (an upload there would become every visitor's error page). Links are
    resolved first: a link to a folder in the share is that folder."""
    if config.error_pages is None:
        return None
    folder = Path(os.path.realpath(Path(config.error_pages).expanduser()))
    if not folder.is_dir():
        raise ErrorPagesRefused(f"The error pages folder {config.error_pages} does not exist or is "
                          "not a folder.")
    writable = config.upload or config.modify or config.collect is not None
    if writable and (folder == root or root in folder.parents):
        raise ErrorPagesRefused(f"The error pages folder {config.error_pages} is inside the shared "
                          "folder, which accepts uploads: an uploaded file would become every "
                          "visitor's error page. Choose a folder outside the share.")
    return folder
