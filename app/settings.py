"""User settings as TOML under the platform's config dir, written atomically.

A damaged file is never fatal: it is moved aside as ``settings.toml.bad-<timestamp>`` and the
defaults are used; the caller gets the problem as a sentence to show the user.
"""

from __future__ import annotations

import logging
import os
import re
import time
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

import tomli_w

from app.collect_service import MAX_ROSTER
from app.i18n import translate
from server.atomic import write_atomic
from server.config import normalise_host_name
from server.errors import ConfigError
from server.paths import ensure_private_dir

log = logging.getLogger(__name__)

SCOPE_LOCAL = "local"  # this computer only (127.0.0.1)
SCOPE_LAN = "lan"  # every interface (0.0.0.0)
SCOPES = (SCOPE_LOCAL, SCOPE_LAN)
DEFAULT_RING_SIZE = 100_000
MIN_RING_SIZE = 100
MAX_RING_SIZE = 5_000_000
MAX_UPLOAD_MIB = 16 * 1024 * 1024  # 16 TiB: a cap, not a goal
PORT_MAX = 65535
# The port field takes more digits than a port has, so that a typo such as 99999 reaches the
# Start check and is refused with a message instead of being cut short without a word.
PORT_FIELD_MAX = 999_999
DEFAULT_COLLECT_NAME = "Hand-ins"
# the window's languages (resources/translations/pier_<code>.qm); "" = the system's language
LANGUAGES = ("", "en", "zh_CN", "es", "de", "fr")


@dataclass(frozen=True, slots=True)
class Settings:
    folder: str = ""
    scope: str = SCOPE_LOCAL
    port: int = 8000
    show_hidden: bool = False
    website_mode: bool = False
    require_login: bool = False
    anonymous_read: bool = False  # with require_login: visitors without an account may download
    anonymous_upload: bool = False  # ... and upload (with anonymous_read and allow_upload)
    anonymous_modify: bool = False  # ... and change (with anonymous_upload and allow_changes)
    allow_upload: bool = False
    # rename, move, delete and replace files (issue 17); a file saved with the old
    # ``overwrite = true`` loads with this on (see settings_from_toml)
    allow_changes: bool = False
    permanent_deletes: bool = False  # where no trash exists, delete for good instead of refusing
    max_upload_mib: int = 0  # 0 = no limit
    https: bool = False
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    splitter_state: str = ""  # base64 of QSplitter.saveState()
    log_header_state: str = ""  # base64 of QHeaderView.saveState() (column widths and order)
    log_ring_size: int = DEFAULT_RING_SIZE
    tray_notice_shown: bool = False
    total_rate_kib: int = 0  # download speed limit for everyone together, KiB/s; 0 = none
    client_rate_kib: int = 0  # download speed limit per device, KiB/s; 0 = none
    downloads_per_client: int = 0  # large downloads at once per device; 0 = no limit
    allow_list_on: bool = False  # only the addresses/networks in allow_list may connect
    allow_list: str = ""  # e.g. "192.168.1.0/24, 10.0.0.7"
    announce: bool = False  # announce the share over mDNS while sharing on the LAN
    # other names devices use for this computer (pc.fritz.box, a VPN name); requests for any
    # name that is neither these nor the share's own are refused (DNS rebinding)
    allowed_hosts: tuple[str, ...] = ()
    # the first-run question ("Who should be able to open this?") has been answered; a file
    # written before the question existed counts as answered (see settings_from_toml)
    scope_asked: bool = False
    # the port "Any free port" got last time, asked for again at the next start so that
    # bookmarks and printed QR codes keep working; 0 = none yet
    free_port: int = 0
    # collect mode (issue 18): hand-ins go to <folder>/collect_name/<person>/; a file saved
    # before it existed loads with it off
    collect_files: bool = False
    collect_name: str = DEFAULT_COLLECT_NAME
    collect_until_on: bool = False
    collect_until: str = ""  # local "YYYY-MM-DDTHH:MM" (server.collect.UNTIL_FORMAT)
    collect_roster: tuple[str, ...] = ()  # the names expected to hand in
    # "Start Pier when I log in" and "Start hidden in the tray and share the last folder"
    # (issue 19): the platform's login record (app.autostart) is the truth, read at start
    start_at_login: bool = False
    start_hidden: bool = False
    language: str = ""  # one of LANGUAGES; "" follows the system (applies at the next start)
    # the owner's error pages (pier serve --error-pages): 404.html, 403.html, ...; "" = Pier's
    error_pages: str = ""

    def normalized(self) -> Settings:
        """Clamp values read from disk into their valid ranges."""
        scope = self.scope if self.scope in SCOPES else SCOPE_LOCAL
        # an out-of-range port is kept as typed: Start refuses it with a message
        port = self.port if 0 <= self.port <= PORT_FIELD_MAX else 8000
        free_port = self.free_port if 0 <= self.free_port <= PORT_MAX else 0
        ring = min(max(self.log_ring_size, MIN_RING_SIZE), MAX_RING_SIZE)
        max_upload = min(max(self.max_upload_mib, 0), MAX_UPLOAD_MIB)
        hosts = valid_host_names(self.allowed_hosts)
        # each visitor level includes the ones before it (pier serve --anonymous)
        anonymous_upload = self.anonymous_read and self.anonymous_upload
        anonymous_modify = anonymous_upload and self.anonymous_modify
        return replace(self, scope=scope, port=port, free_port=free_port, log_ring_size=ring,
                       max_upload_mib=max_upload, allowed_hosts=hosts,
                       anonymous_upload=anonymous_upload, anonymous_modify=anonymous_modify,
                       collect_name=self.collect_name.strip() or DEFAULT_COLLECT_NAME,
                       collect_roster=self.collect_roster[:MAX_ROSTER],
                       language=self.language if self.language in LANGUAGES else "")


@dataclass(frozen=True, slots=True)
class LoadResult:
    settings: Settings
    problem: str | None = None  # a user-facing sentence when the file could not be used
    backup: Path | None = None  # where the damaged file was moved


class SettingsStore:
    """Reads and writes one settings file."""

    def __init__(self, path: Path) -> None:
        """``path`` is the settings file (``PierPaths.settings_file``)."""
        self.path = path

    def load(self) -> LoadResult:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return LoadResult(Settings())
        except OSError as err:
            return LoadResult(Settings(), translate(
                "Settings", "Pier could not read its settings ({reason}).").format(
                reason=err.strerror))
        try:
            return LoadResult(settings_from_toml(data))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, ValueError, TypeError) as err:
            return self._set_aside(str(err))

    def save(self, settings: Settings) -> None:
        ensure_private_dir(self.path.parent)
        payload = tomli_w.dumps(asdict(settings)).encode("utf-8")
        write_atomic(self.path, payload)

    def _set_aside(self, reason: str) -> LoadResult:
        aside = self.path.with_name(f"{self.path.name}.bad-{time.strftime('%Y%m%d-%H%M%S')}")
        backup: Path | None = aside
        try:
            os.replace(self.path, aside)
        except OSError:
            log.exception("could not move the damaged settings file aside")
            backup = None
        log.warning("settings file %s is damaged (%s); using defaults", self.path, reason)
        problem = translate("Settings", "The settings file {file} was damaged ({reason}). "
                            "Defaults are used.").format(file=self.path, reason=reason)
        if backup:
            problem += translate("Settings", " A copy was kept as {file}.").format(file=backup)
        return LoadResult(Settings(), problem, backup)


def saved_language(path: Path) -> str:
    """The language saved in the settings file ``path``, read before the window exists (the
    translator must be installed before any text is made); "" when there is none or the file
    cannot be read. Never moves a damaged file aside: ``SettingsStore.load`` does that."""
    try:
        raw = tomllib.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):  # TOMLDecodeError and UnicodeDecodeError are ValueErrors
        return ""
    language = raw.get("language")
    return language if isinstance(language, str) and language in LANGUAGES else ""


def settings_from_toml(data: bytes) -> Settings:
    """Parse TOML bytes; unknown keys are ignored, a key of the wrong type raises ValueError."""
    raw = tomllib.loads(data.decode("utf-8"))
    defaults = Settings()
    values: dict[str, Any] = {}  # each checked by _typed against the default's type
    for f in fields(Settings):
        if f.name in raw:
            values[f.name] = _typed(f.name, raw[f.name], type(getattr(defaults, f.name)))
    if "scope_asked" not in raw:  # saved by a Pier that never asked: not a first run
        values["scope_asked"] = True
    if "allow_changes" not in raw and raw.get("overwrite") is True:
        # before issue 17 "Replace same names" let uploads replace files; that is part of the
        # modify right now, so whoever had it keeps it as "Allow changes"
        values["allow_changes"] = True
    return Settings(**values).normalized()


def _typed(name: str, value: object, expected: type) -> object:
    """``value`` if it has the default's type; a TOML array of strings for a tuple field."""
    if expected is tuple and isinstance(value, list):
        if all(isinstance(item, str) for item in value):
            return tuple(value)
        raise ValueError(f"'{name}' should be a list of strings")
    if type(value) is not expected:
        raise ValueError(f"'{name}' should be {expected.__name__}")
    return value


def split_host_names(text: str) -> list[str]:
    """The entries of a names field: separated by commas, semicolons, spaces or new lines."""
    return [entry for entry in re.split(r"[\s,;]+", text) if entry]


def checked_host_names(text: str) -> tuple[str, ...]:
    """The names typed in ``text``, normalised (lower case, IDNA) and without repeats;
    ConfigError naming the first entry that is not a plain host name (a wildcard, a port, a
    scheme...). An empty text is an empty tuple: no names besides the share's own."""
    names = (normalise_host_name(entry) for entry in split_host_names(text))
    return tuple(dict.fromkeys(names))


def valid_host_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """``names`` normalised, without repeats; entries that are not host names (a hand-edited
    file) are dropped with a warning rather than refusing the whole file."""
    kept: list[str] = []
    for name in names:
        try:
            kept.append(normalise_host_name(name))
        except ConfigError as err:
            log.warning("ignoring allowed host name from the settings: %s", err)
    return tuple(dict.fromkeys(kept))


