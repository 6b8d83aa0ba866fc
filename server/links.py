"""Share links: ``LinkStore`` keeps them in ``links.toml`` in the config folder, shared by a
running share and ``pier link`` (server.links_cli). The pieces: server.link_model (``Link``,
states, tokens), server.link_file (the TOML format, the lock between processes),
server.link_pins (PIN hashes and the wrong-PIN counts).

The file is mode 0600 and replaced atomically (server.atomic). Every change is a
read-modify-write under the lock file, on what the file holds at that moment, so the CLI and a
running share never lose each other's links, revocations or counts. A file that is not TOML
is never written (a clear ``LinkStoreError``); a damaged entry is kept as it is, not served.

Reading: ``refresh()`` looks at the file (device, inode, size, times) at most once per
REFRESH_INTERVAL on the clock and re-reads it only when it changed, so it is cheap enough to
run on every lookup (``find`` does), and a link made by the CLI is seen within about a second.

Reserving: a download on a link with a limit holds one of the downloads left from the moment
its answer starts (``reserve_download``) until it is counted (``count_download(reserved=
True)``) or ends short (``release_download``), so parallel downloads cannot together take more
than the limit allows. Reservations live in this process only (the one that serves).

Counting: downloads and "last used by" are counted in memory first (the limit holds at once in
this process) and written back at most once per FLUSH_INTERVAL: a count arriving a second or
more after the last write is written at once, the ones in between with the next write that is
due (a later count or use, a lookup, ``flush_if_due``, any change) or at ``close()``. A busy
link thus costs one file write (fsync, lock) per second instead of one per download; a crash
loses at most about a second of counts. Counts are written as increments on the file's own
numbers, so two processes counting the same link add up.
"""

from __future__ import annotations

import builtins
import contextlib
import logging
import math
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from server.clock import SYSTEM_CLOCK, Clock
from server.errors import InvalidLinkError, LinkStoreError, UnknownLinkError
from server.link_file import (
    ParsedLinks,
    Signature,
    file_lock,
    file_signature,
    read_links,
    write_links,
)
from server.link_model import (
    KINDS,
    LINK_PREFIX,
    Link,
    LinkKind,
    LinkState,
    item_kind,
    link_reference,
    link_state,
    new_id,
    new_token,
    redact_link_tokens,
    shorten_token,
    storable_path,
)
from server.link_pins import LOCK_SECONDS, PinGuard, PinVerdict, hash_pin, pin_matches

__all__ = ["FLUSH_INTERVAL", "LINK_PREFIX", "REFRESH_INTERVAL", "Link", "LinkState",
           "LinkStore", "PinVerdict", "item_kind", "redact_link_tokens", "shorten_token"]

log = logging.getLogger("pier.links")

REFRESH_INTERVAL = 1.0  # seconds between looks at the file for other processes' changes
FLUSH_INTERVAL = 1.0  # seconds between writes caused only by counts

Change = Callable[[dict[str, Link], frozenset[str]], dict[str, Link]]


@dataclass(frozen=True, slots=True)
class _View:
    """What lookups read, replaced whole (readers take no lock): the links as the file holds
    them plus the counts not written yet."""

    by_id: Mapping[str, Link]
    by_token: Mapping[str, Link]


class LinkStore:
    """The links file. Lookups read a snapshot without locking; changes are serialised within
    the process (``_write_lock``) and between processes (the lock file)."""

    def __init__(self, path: Path, *, clock: Clock = SYSTEM_CLOCK) -> None:
        """``path`` is ``PierPaths.links_file``; ``clock`` dates links, decides expiry and locks
        (``time()``) and paces the looks at the file and the writes of counts (``monotonic``)."""
        self.path = Path(path)
        self._clock = clock
        self._write_lock = threading.RLock()  # file reads and writes
        self._count_lock = threading.Lock()  # the pending counts and the view
        self._disk: dict[str, Link] = {}  # the links as last read or written
        self._damaged: dict[str, Any] = {}
        self.problems: tuple[str, ...] = ()  # damaged entries, one sentence each
        self._signature: Signature | None = None
        self._view = _View({}, {})
        self._pending_downloads: dict[str, int] = {}
        self._pending_use: dict[str, tuple[str, float]] = {}
        self._reserved: dict[str, int] = {}  # token -> downloads under way
        self._next_look = -math.inf
        self._last_write = -math.inf
        self._flusher: threading.Thread | None = None
        self._pins = PinGuard()

    # -- reading ---------------------------------------------------------------------------

    def load(self) -> None:
        """(Re-)read the file; a missing file holds no links. ``LinkStoreError`` for a file
        that cannot be read or is not a links file (left as it is)."""
        with self._write_lock:
            self._install(*self._read_disk())
        self._next_look = self._clock.monotonic() + REFRESH_INTERVAL

    def refresh(self, *, wait: bool = False) -> bool:
        """Re-read the file if another process changed it, looking at it at most once per
        REFRESH_INTERVAL; returns whether it did. A damaged file is logged and the links read
        before stay. With ``wait=False`` (the serve thread) a store busy writing is left for
        the next call."""
        now = self._clock.monotonic()
        if now < self._next_look:
            return False
        self._next_look = now + REFRESH_INTERVAL
        if self._quiet_signature() == self._signature:
            return False
        if not self._write_lock.acquire(blocking=wait):
            return False
        try:
            try:
                self._install(*self._read_disk())
            except LinkStoreError as err:
                self._signature = self._quiet_signature()  # said once, not once a second
                log.warning("%s The links read before stay in force.", err)
                return False
            return True
        finally:
            self._write_lock.release()

    def list(self) -> builtins.list[Link]:
        """Every readable link, oldest first, ended ones too (they stay until removed by hand)."""
        return sorted(self._view.by_id.values(), key=lambda link: (link.created, link.id))

    def get(self, link_id: str) -> Link | None:
        return self._view.by_id.get(link_id.strip().lower())

    def find(self, token: str) -> Link | None:
        """The link with ``token`` (in whatever state: ``state`` says whether it works), after
        a ``refresh``; also writes counts that are due, on a short-lived thread."""
        self.refresh()
        self.flush_if_due(wait=False)
        return self._view.by_token.get(token)

    def now(self) -> float:
        """The store's clock (epoch seconds): what expiry and locks are measured on."""
        return self._clock.time()

    def state(self, link: Link, now: float | None = None) -> LinkState:
        """active, expired, revoked, used up or locked at ``now`` (epoch; default: the clock)."""
        return link_state(link, self._clock.time() if now is None else now)

    # -- changing --------------------------------------------------------------------------

    def create(self, path: Path | str, kind: LinkKind, *, expires: float | None = None,
               downloads_allowed: int | None = None, pin: str | None = None,
               upload: bool = False) -> Link:
        """A new link to ``path`` (absolute; ``item_kind`` tells ``kind``); ``expires`` in epoch
        seconds, None for never. InvalidLinkError for what cannot be linked as asked."""
        text = storable_path(path)
        if kind not in KINDS:
            raise InvalidLinkError(f"Unknown kind of link {kind!r}.")
        if upload and kind != "folder":
            raise InvalidLinkError("Only a folder link can take uploads.")
        if downloads_allowed is not None and downloads_allowed < 1:
            raise InvalidLinkError("A download limit is a number from 1 up.")
        now = self._clock.time()
        if expires is not None and expires <= now:
            raise InvalidLinkError("That expiry time has already passed.")
        pin_hash = None if pin is None else hash_pin(pin)  # slow: outside the locks
        made: list[Link] = []

        def change(links: dict[str, Link], taken: frozenset[str]) -> dict[str, Link]:
            tokens = {link.token for link in links.values()}
            token = new_token()
            while token in tokens:  # 256 random bits: never, but cheap to be sure
                token = new_token()
            link = Link(id=new_id(taken), token=token, path=text, kind=kind, created=now,
                        expires=expires, downloads_allowed=downloads_allowed, upload=upload,
                        pin_hash=pin_hash)
            made.append(link)
            return {**links, link.id: link}

        self._mutate(change)
        return made[0]

    def revoke(self, reference: str) -> Link:
        """End the link named by its id, its token or its URL, at once and for every process
        (they see it within REFRESH_INTERVAL). Revoking a revoked link changes nothing."""
        key = link_reference(reference)
        done: list[Link] = []

        def change(links: dict[str, Link], _taken: frozenset[str]) -> dict[str, Link]:
            link = self._resolve(links, key, reference)
            done.append(replace(link, revoked=True))
            return {**links, link.id: done[0]}

        self._mutate(change)
        self._pins.forget(done[0].id)
        return done[0]

    def unlock(self, reference: str) -> Link:
        """Lift a lock set by wrong PINs (the owner knows who asked)."""
        key = link_reference(reference)
        done: list[Link] = []

        def change(links: dict[str, Link], _taken: frozenset[str]) -> dict[str, Link]:
            link = self._resolve(links, key, reference)
            done.append(replace(link, locked_until=None))
            return {**links, link.id: done[0]}

        self._mutate(change)
        self._pins.forget(done[0].id)
        return done[0]

    def count_download(self, token: str, address: str, *, wait: bool = True,
                       reserved: bool = False) -> Link | None:
        """One download of the link with ``token`` delivered to ``address``: counted at once
        here, written back as the module says. Returns the link as counted (None: unknown).
        ``reserved``: it held a reservation, which the count replaces in one step. With
        ``wait=False`` (the serve thread) a due write runs on a short-lived thread."""
        return self._note(token, address, download=True, wait=wait, reserved=reserved)

    def reserve_download(self, token: str) -> bool:
        """Hold one of the downloads left of the link with ``token`` for an answer starting
        now; False when its counts and the downloads under way already reach its limit (or it
        is unknown). A link without a limit needs none: True, nothing held."""
        with self._count_lock:
            link = self._view.by_token.get(token)
            if link is None:
                return False
            if link.downloads_allowed is None:
                return True
            held = self._reserved.get(token, 0)
            if link.downloads + held >= link.downloads_allowed:
                return False
            self._reserved[token] = held + 1
            return True

    def release_download(self, token: str) -> None:
        """A reserved download ended without arriving whole: its place is free again."""
        with self._count_lock:
            self._unreserve(token)

    def note_use(self, token: str, address: str, *, wait: bool = True) -> Link | None:
        """``address`` used the link (a listing, a thumbnail): "last used by", no count."""
        return self._note(token, address, download=False, wait=wait)

    def check_pin(self, link: Link, pin: str, address: str) -> PinVerdict:
        """Whether ``pin`` opens ``link`` for ``address``. Slow (a hash): call it where waiting
        is fine. A locked link or a throttled client is answered before any hashing."""
        current = self._view.by_id.get(link.id, link)
        if current.pin_hash is None:
            return PinVerdict("ok")
        now = self._clock.time()
        if current.locked_until is not None and now < current.locked_until:
            return PinVerdict("locked", retry_after=math.ceil(current.locked_until - now))
        monotonic = self._clock.monotonic()
        wait = self._pins.client_wait(address, monotonic)
        if wait:
            return PinVerdict("throttled", retry_after=wait)
        if pin_matches(pin, current.pin_hash):
            return PinVerdict("ok")
        if not self._pins.wrong(current.id, address, monotonic):
            return PinVerdict("wrong")
        log.warning("Too many wrong PINs for the link %s: locked for %d minutes.",
                    current.id, LOCK_SECONDS // 60)
        self._lock_link(current.id, now + LOCK_SECONDS)
        return PinVerdict("wrong", retry_after=math.ceil(LOCK_SECONDS), locks_link=True)

    def wrong_pins(self, link: Link) -> int:
        """Wrong PINs counted for ``link`` in the current window (this process only)."""
        return self._pins.wrong_count(link.id, self._clock.monotonic())

    def flush(self) -> None:
        """Write the counts not written yet (``LinkStoreError`` if the file cannot take them:
        they stay in memory for the next try)."""
        with self._write_lock:
            if self._pending_downloads or self._pending_use:
                self._mutate(lambda links, _taken: links)

    def flush_if_due(self, *, wait: bool = True) -> None:
        """Write pending counts if FLUSH_INTERVAL passed since the last write. For a periodic
        tick, so that the last counts of a burst do not wait for the next request."""
        if not (self._pending_downloads or self._pending_use):
            return
        if self._clock.monotonic() - self._last_write < FLUSH_INTERVAL:
            return
        if wait:
            self.flush()
            return
        with self._count_lock:
            if self._flusher is not None and self._flusher.is_alive():
                return
            self._last_write = self._clock.monotonic()  # one writer, not one per request
            self._flusher = threading.Thread(target=self._flush_quietly, daemon=True,
                                             name="pier-links-flush")
            self._flusher.start()

    def close(self) -> None:
        """Before the share stops: write what is pending (errors are logged)."""
        flusher = self._flusher
        if flusher is not None:
            flusher.join()
        self._flush_quietly()

    # -- internals -------------------------------------------------------------------------

    def _note(self, token: str, address: str, *, download: bool, wait: bool,
              reserved: bool = False) -> Link | None:
        with self._count_lock:
            if reserved:
                self._unreserve(token)
            link = self._view.by_token.get(token)
            if link is None:
                return None
            if download:
                self._pending_downloads[link.id] = self._pending_downloads.get(link.id, 0) + 1
            now = self._clock.time()
            self._pending_use[link.id] = (address, now)
            counted = self._counted(link, now, address, download)
            view = self._view  # one link changes: not the whole view rebuilt per request
            self._view = _View({**view.by_id, link.id: counted},
                               {**view.by_token, token: counted})
        self.flush_if_due(wait=wait)
        return counted

    @staticmethod
    def _counted(link: Link, now: float, address: str, download: bool) -> Link:
        """``link`` as shown (the file's with the pending counts) after one more use: what
        ``_with_pending`` gives with that use added."""
        changes: dict[str, object] = {"downloads": link.downloads + 1} if download else {}
        if link.last_used_at is None or now >= link.last_used_at:
            changes.update(last_used_by=address, last_used_at=now)
        return replace(link, **changes) if changes else link  # type: ignore[arg-type]

    def _unreserve(self, token: str) -> None:
        held = self._reserved.pop(token, 0) - 1
        if held > 0:
            self._reserved[token] = held

    def _flush_quietly(self) -> None:
        try:
            self.flush()
        except LinkStoreError as err:  # kept in memory; a count is not worth more than a line
            log.warning("%s", err)

    def _lock_link(self, link_id: str, until: float) -> None:
        def change(links: dict[str, Link], _taken: frozenset[str]) -> dict[str, Link]:
            link = links.get(link_id)
            if link is None:
                return links
            locked = max(until, link.locked_until or until)
            return {**links, link_id: replace(link, locked_until=locked)}

        try:
            self._mutate(change)
        except LinkStoreError as err:  # the lock holds in this process all the same
            log.warning("%s", err)
            with self._count_lock:
                self._disk = change(dict(self._disk), frozenset())
                self._view = _view_of(self._with_pending(self._disk))

    def _resolve(self, links: dict[str, Link], key: str, reference: str) -> Link:
        link = links.get(key.lower())
        if link is None:
            link = next((item for item in links.values() if item.token == key), None)
        if link is not None:
            return link
        if key.lower() in self._damaged:
            raise LinkStoreError(f"The link '{key}' in {self.path} is damaged: repair the "
                                 "file or remove that entry.")
        raise UnknownLinkError(f"There is no link '{reference.strip()}'.")

    def _mutate(self, change: Change) -> None:
        """Apply ``change`` to what the file holds now (with this process's pending counts),
        under both locks, and write the result."""
        with self._write_lock, file_lock(self.path):
            parsed, signature = self._read_disk()
            self._install(parsed, signature)
            with self._count_lock:
                downloads, uses = self._pending_downloads, self._pending_use
                self._pending_downloads, self._pending_use = {}, {}
                current = self._with_pending(parsed.links, downloads, uses)
            try:
                taken = frozenset(current) | frozenset(parsed.damaged)
                links = change(current, taken)
                self._write(links, parsed.damaged)
            except BaseException:
                with self._count_lock:  # nothing written: the counts wait for the next try
                    _merge_back(self._pending_downloads, downloads)
                    for key, use in uses.items():
                        self._pending_use.setdefault(key, use)
                raise
            self._last_write = self._clock.monotonic()
            self._install(ParsedLinks(links, parsed.damaged, parsed.problems),
                          self._quiet_signature())

    def _install(self, parsed: ParsedLinks, signature: Signature | None) -> None:
        if parsed.problems != self.problems:
            for problem in parsed.problems:
                log.warning("%s", problem)
        with self._count_lock:
            self._disk = dict(parsed.links)
            self._damaged = dict(parsed.damaged)
            self.problems = parsed.problems
            self._signature = signature
            self._view = _view_of(self._with_pending(self._disk))

    def _with_pending(self, links: Mapping[str, Link],
                      downloads: Mapping[str, int] | None = None,
                      uses: Mapping[str, tuple[str, float]] | None = None) -> dict[str, Link]:
        downloads = self._pending_downloads if downloads is None else downloads
        uses = self._pending_use if uses is None else uses
        result = dict(links)
        for link_id in downloads.keys() | uses.keys():
            link = result.get(link_id)
            if link is None:
                continue  # removed from the file meanwhile: nothing to count on
            link = replace(link, downloads=link.downloads + downloads.get(link_id, 0))
            use = uses.get(link_id)
            if use is not None and (link.last_used_at is None or use[1] >= link.last_used_at):
                link = replace(link, last_used_by=use[0], last_used_at=use[1])
            result[link_id] = link
        return result

    def _read_disk(self) -> tuple[ParsedLinks, Signature | None]:
        return read_links(self.path)

    def _write(self, links: Mapping[str, Link], damaged: Mapping[str, Any]) -> None:
        write_links(self.path, links, damaged)

    def _quiet_signature(self) -> Signature | None:
        with contextlib.suppress(LinkStoreError):
            return file_signature(self.path)
        return self._signature


def _view_of(links: Mapping[str, Link]) -> _View:
    return _View(links, {link.token: link for link in links.values()})


def _merge_back(pending: dict[str, int], taken: Mapping[str, int]) -> None:
    for key, count in taken.items():
        pending[key] = pending.get(key, 0) + count
