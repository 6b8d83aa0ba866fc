"""PierPaths: where one Pier keeps its settings, users, share links, keys, bans and logs.

Made once by an entry point (``server.appdirs.pier_paths`` reads the config-folder variable
and the platform's folders) and passed down; nothing else in ``server/`` or ``app/`` looks them up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

USERS_FILE = "users.toml"
LINKS_FILE = "links.toml"
DIRECTORY_FILE = "directory.toml"
COLLECT_FILE = "collect.json"
BANS_FILE = "bans.json"
TLS_DIR = "tls"
SETTINGS_FILE = "settings.toml"
LOGS_DIR = "logs"
TUS_DIR = "tus"
CACHE_DIR = "cache"
THUMBS_DIR = "thumbs"


@dataclass(frozen=True, slots=True)
class PierPaths:
    config: Path  # settings, accounts, certificates, bans (mode 0700)
    logs: Path  # the window's log file
    cache: Path | None = None  # what can be made again (thumbnails); None: config/cache

    @classmethod
    def under(cls, folder: Path) -> PierPaths:
        """Everything inside one folder, logs in its ``logs`` subfolder and the cache in its
        ``cache`` subfolder (the layout the config-folder variable gives, and what tests use)."""
        folder = Path(folder)
        return cls(folder, folder / LOGS_DIR, folder / CACHE_DIR)

    @property
    def users_file(self) -> Path:
        return self.config / USERS_FILE

    @property
    def links_file(self) -> Path:
        """Share links (``server.links.LinkStore``), shared by the CLI and a running share."""
        return self.config / LINKS_FILE

    @property
    def collect_file(self) -> Path:
        """Collect mode's people (``server.collect.CollectPeople``; the window reads it with
        ``server.collect.read_people``)."""
        return self.config / COLLECT_FILE

    @property
    def directory_file(self) -> Path:
        """The office directory's settings (``server.directory_config``; mode 0600: the bind
        password); absent = no directory logins."""
        return self.config / DIRECTORY_FILE

    @property
    def bans_file(self) -> Path:
        return self.config / BANS_FILE

    @property
    def tls_dir(self) -> Path:
        return self.config / TLS_DIR

    @property
    def tus_dir(self) -> Path:
        """The state of unfinished resumable uploads (``ServerConfig.tus_state``)."""
        return self.config / TUS_DIR

    @property
    def settings_file(self) -> Path:
        return self.config / SETTINGS_FILE

    @property
    def cache_dir(self) -> Path:
        """The user cache folder (on macOS ~/Library/Caches/Pier: no leading dot, so it is
        protected by identity like the rest, not by being hidden)."""
        return self.cache if self.cache is not None else self.config / CACHE_DIR

    @property
    def thumbs_dir(self) -> Path:
        """Thumbnails and previews made of shared pictures (``ServerConfig.thumb_cache``)."""
        return self.cache_dir / THUMBS_DIR

    @property
    def protected(self) -> tuple[Path, ...]:
        """What a share must never serve, even from inside its folder: the config, log and
        cache folders (``ServerConfig.protected_paths``)."""
        return (self.config, self.logs, self.cache_dir)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (mode 0700) if needed and return it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
