"""Collect mode (issue 18): people hand in files for NAME, each into ``<share>/NAME/<person>/``.

This module holds the mode's data, no route and no policy: ``CollectConfig`` (the folder's
name and the deadline), the people who handed in (``CollectPeople``, kept in the state file
``collect.json`` in the config folder, written atomically, mode 0600), and the identity cookie
of a visitor without an account.

A person is an account (id ``account:NAME``) or a browser: a random id in the cookie
``pier-collect``, signed with an HMAC under the state file's secret, so an edited or made-up
cookie is no one (it gets a new identity when its browser gives a name) and never someone
else. The name a visitor types is only a label: the folder is the label (invisible characters
dropped) cleaned like an upload name, numbered when another person has it or the name is in
NAME/ on disk already ("Ana", "Ana (2)"). An account's folder is made from its name
(``account_folder``) and kept in the state file, so it is the same folder at every hand-in.
The window reads the people through ``read_people`` (app layer; the folder sizes it reads
itself).

State file (``format = 1``)::

    {"format": 1, "secret": "<hex>",
     "people": {"<id>": {"label": "Ana", "folder": "Ana", "created": 1764930000.0}}}
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from server.atomic import write_atomic
from server.errors import ConfigError
from server.http11 import HttpError
from server.page_i18n import N_
from server.uploads import MAX_NAME_BYTES, UploadRefused, clean_name

STATE_FILE = "collect.json"
COOKIE = "pier-collect"
COOKIE_MAX_AGE = 90 * 24 * 3600
ACCOUNT_PREFIX = "account:"
MAX_LABEL = 80  # characters of a typed name
MAX_PEOPLE = 10_000  # a flood of new browsers must not grow the file without end
UNTIL_FORMAT = "%Y-%m-%dT%H:%M"
ACCOUNT_FALLBACK = "account"  # the folder of an account whose name leaves nothing usable
MAX_ACCOUNT_FOLDER = 100  # characters of an account's folder name, before its " (n)"
_NOT_IN_FOLDER_NAMES = '<>:"|?*/\\'
HAND_IN_GRACE = 15 * 60.0  # seconds a hand-in begun before the deadline may go on after it
# Default_Ignorable_Code_Point outside category Cf (which is dropped as a whole): combining
# grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian free variation selectors,
# variation selectors, unassigned ranges Unicode reserves as ignorable
_IGNORABLE = frozenset([0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0,
                        *range(0x180B, 0x1810), *range(0x2060, 0x2070), *range(0xFE00, 0xFE10),
                        *range(0xFFF0, 0xFFF9), *range(0xE0000, 0xE1000)])

OnDisk = Callable[[], set[str]]  # the names in NAME/ on disk by folder_key (the route's)


@dataclass(frozen=True, slots=True)
class CollectConfig:
    """``name``: the folder in the share (cleaned like an upload name); ``until``: epoch
    seconds after which hand-ins are refused, None = open; ``state_file``: the people
    (``PierPaths.collect_file``), None = in memory only."""

    name: str
    until: float | None = None
    state_file: Path | None = None

    def validated(self) -> CollectConfig:
        if "/" in self.name or "\\" in self.name:
            raise ConfigError("The collect folder's name must be one folder name, not a path.")
        try:
            name = clean_name(self.name)
        except UploadRefused as err:
            raise ConfigError(f"The collect folder's name is not usable: {err.reason}") from None
        return CollectConfig(name, self.until, self.state_file)


@dataclass(frozen=True, slots=True)
class Person:
    id: str  # "account:NAME" or the cookie's random id
    label: str  # what the person typed (or the account's name)
    folder: str  # the folder's name below NAME/
    created: float


def parse_until(text: str) -> float:
    """``YYYY-MM-DDTHH:MM`` in local time -> epoch seconds; ValueError with a sentence."""
    try:
        return datetime.strptime(text.strip(), UNTIL_FORMAT).timestamp()
    except ValueError:
        raise ValueError(f"'{text}' is not a time like 2026-06-30T18:00") from None


def local_time(epoch: float) -> str:
    """A deadline as people read it: "2026-06-30 18:00" (local time)."""
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(epoch))


def closed_error(until: float, *, close: bool) -> HttpError:
    """403: the hand-ins closed at ``until``."""
    return HttpError(403, N_("Hand-ins closed at %(time)s."), close=close,
                     fields={"time": local_time(until)})


def refuse_if_closed(config: CollectConfig, now: float) -> None:
    """403 with the closing time once ``until`` has passed."""
    if config.until is not None and now >= config.until:
        raise closed_error(config.until, close=False)


def read_people(state_file: Path) -> list[Person]:
    """The people of a state file, for the window (no lock: the file is replaced atomically);
    [] when there is none yet or it cannot be read."""
    try:
        doc = json.loads(state_file.read_bytes())
    except (OSError, ValueError):
        return []
    return _people_of(doc)


def _people_of(doc: object) -> list[Person]:
    people = doc.get("people") if isinstance(doc, dict) else None
    if not isinstance(people, dict):
        return []
    found = []
    for pid, entry in people.items():
        if isinstance(entry, dict) and isinstance(entry.get("label"), str) and \
                isinstance(entry.get("folder"), str) and _is_folder_name(entry["folder"]):
            created = entry.get("created")
            found.append(Person(str(pid), entry["label"], entry["folder"],
                                float(created) if isinstance(created, int | float) else 0.0))
    return found


def folder_key(name: str) -> str:
    """What two folder names are compared by: NFC, casefolded (macOS and Windows disks find
    "Café" composed, decomposed and "CAFÉ" the same folder)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def is_invisible(char: str) -> bool:
    """A default-ignorable character (Unicode's Default_Ignorable_Code_Point: category Cf such
    as zero-width spaces and bidi controls, and the Hangul fillers, CGJ, variation selectors)."""
    return unicodedata.category(char) == "Cf" or ord(char) in _IGNORABLE


def clean_label(text: str) -> str:
    """A typed name as a folder name: invisible characters (``is_invisible``) dropped, so
    "Ana\u200b" and "Ana\u3164" are "Ana", then cleaned like an upload name (400 when nothing
    is left)."""
    text = "".join(c for c in unicodedata.normalize("NFC", text) if not is_invisible(c))
    text = " ".join(unicodedata.normalize("NFC", text).split())[:MAX_LABEL]
    if not text:
        raise HttpError(400, N_("Please type your name."), close=False)
    return clean_name(text)


def account_folder(name: str) -> str:
    """An account's folder name made from its name, whatever the name is ("con", "Jo?", ".ana",
    ".."): characters no file name may hold become "_", leading dots and outer spaces go,
    Windows' reserved names get a "_", the length is bounded; "account" when nothing is left."""
    text = "".join("_" if c in _NOT_IN_FOLDER_NAMES or unicodedata.category(c) in ("Cc", "Cf")
                   else c for c in unicodedata.normalize("NFC", name))
    text = " ".join(text.split()).lstrip(". ").rstrip(". ")[:MAX_ACCOUNT_FOLDER]
    while len(text.encode("utf-8")) > MAX_NAME_BYTES - 12:
        text = text[:-1].rstrip(". ")
    if not text:
        return ACCOUNT_FALLBACK
    head, dot, rest = text.partition(".")
    for candidate in (text, head + "_" + dot + rest):  # "con" -> "con_", "com1.x" -> "com1_.x"
        if _is_folder_name(candidate):
            return candidate
    return ACCOUNT_FALLBACK


class CollectPeople:
    """The people who hand in, and the secret that signs visitors' cookies. Thread-safe; every
    change is written at once (atomically) when there is a state file."""

    def __init__(self, state_file: Path | None,
                 clock_time: Callable[[], float] = time.time) -> None:
        self._path = state_file
        self._time = clock_time
        self._lock = threading.Lock()
        doc = self._load()
        secret = doc.get("secret") if isinstance(doc, dict) else None
        self._secret = bytes.fromhex(secret) if isinstance(secret, str) and \
            len(secret) == 64 and _is_hex(secret) else secrets.token_bytes(32)
        self._people = {p.id: p for p in _people_of(doc)}

    def _load(self) -> object:
        if self._path is None:
            return {}
        try:
            return json.loads(self._path.read_bytes())
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as err:
            raise ConfigError(f"The collect state file {self._path} cannot be read: "
                              f"{err}") from None

    # -- cookies ---------------------------------------------------------------------------------

    def _signature(self, pid: str) -> str:
        return hmac.new(self._secret, pid.encode("ascii"), hashlib.sha256).hexdigest()[:32]

    def cookie_value(self, pid: str) -> str:
        return f"{pid}.{self._signature(pid)}"

    def visitor_of(self, cookie: str) -> Person | None:
        """The person a cookie value names, or None (missing, forged, edited, unknown)."""
        pid, _, signature = cookie.partition(".")
        if not pid or pid.startswith(ACCOUNT_PREFIX) or len(signature) != 32 or \
                not hmac.compare_digest(signature, self._signature(pid)):
            return None
        with self._lock:
            return self._people.get(pid)

    # -- people ----------------------------------------------------------------------------------

    def people(self) -> list[Person]:
        with self._lock:
            return sorted(self._people.values(), key=lambda p: p.created)

    def get(self, pid: str) -> Person | None:
        with self._lock:
            return self._people.get(pid)

    def account(self, name: str, on_disk: OnDisk = set) -> Person:
        """An account's person, made on first use: its label the account's name, its folder
        ``account_folder(name)``, numbered when taken; kept, so the account keeps its folder."""
        pid = ACCOUNT_PREFIX + name
        with self._lock:
            found = self._people.get(pid)
            if found is None:
                found = self._add(pid, name, account_folder(name), on_disk)
            return found

    def new_visitor(self, typed: str, on_disk: OnDisk = set) -> Person:
        """A new browser's person with its typed label (cleaned; numbered when taken)."""
        label = clean_label(typed)
        with self._lock:
            return self._add(secrets.token_urlsafe(16), label, label, on_disk)

    def relabel(self, person: Person, typed: str) -> Person:
        """The person's label changed; the folder stays (files handed in stay together)."""
        label = clean_label(typed)
        with self._lock:
            changed = Person(person.id, label, person.folder, person.created)
            self._people[person.id] = changed
            self._write()
            return changed

    def _add(self, pid: str, label: str, folder_base: str, on_disk: OnDisk) -> Person:
        if len(self._people) >= MAX_PEOPLE:
            raise HttpError(503, N_("Too many people have handed in; ask the owner."), close=False)
        person = Person(pid, label, self._free_folder(folder_base, on_disk()), self._time())
        self._people[pid] = person
        self._write()
        return person

    def _free_folder(self, base: str, on_disk: set[str]) -> str:
        """``base``, or "base (2)"...: never a folder of another person, nor any name already in
        NAME/ on disk (left by an earlier run whose state is gone), compared by ``folder_key``."""
        taken = {folder_key(p.folder) for p in self._people.values()} | on_disk
        if folder_key(base) not in taken:
            return base
        number = 2
        while folder_key(f"{base} ({number})") in taken:
            number += 1
        return f"{base} ({number})"

    def _write(self) -> None:
        if self._path is None:
            return
        doc = {"format": 1, "secret": self._secret.hex(),
               "people": {p.id: {"label": p.label, "folder": p.folder, "created": p.created}
                          for p in self._people.values()}}
        self._path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self._path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"),
                     private=True)


def _is_folder_name(name: str) -> bool:
    """An edited state file's folder is one clean name, never a path (``..``, ``a/b``)."""
    try:
        return clean_name(name) == name and "/" not in name and "\\" not in name
    except UploadRefused:
        return False


def _is_hex(text: str) -> bool:
    try:
        bytes.fromhex(text)
    except ValueError:
        return False
    return True
