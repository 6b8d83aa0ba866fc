"""The office directory as a source of logins for server.auth: its own small thread pool, a
short cache of verified logins, and a pause after the directory failed.

Why a pool of its own: a bind may wait seconds on a slow directory. The request that needs it
leaves the engine's worker pool first (``before_wait``: ``Call.leave_pool``, the mechanism long
transfers and thumbnails use), then waits here; the binds themselves run on at most ``threads``
``pier-directory`` threads, so a slow or hung directory holds neither the workers that serve
downloads nor more than a few sockets, and more than ``max_pending`` logins waiting are answered
at once as "unavailable" (503).

The cache is keyed by the Authenticator's keyed hash of the whole Basic credentials (name and
password), never by the name: another password is another key, so a wrong password never meets
a cached success. Entries live ``ttl`` seconds on the injected clock, so a login the directory
would now refuse (a disabled account, a changed password, a group left) stops working within
that time. Refusals are never cached.

Only ``DirectoryDown`` (or no answer in time) pauses the directory logins: any other error is
about the login at hand (what its client sent), and refuses that login alone. Names are
compared as a directory compares them (``fold_name``): a name that is a Pier account's in any
such form is the Pier account's (``local_twin``), never the directory's.
"""

from __future__ import annotations

import contextlib
import logging
import math
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Literal, Protocol

from server.clock import SYSTEM_CLOCK, Clock
from server.user_model import User
from server.users import UserStore

log = logging.getLogger("pier.directory")

CACHE_TTL = 30.0  # seconds; "a disabled directory account is refused within a minute"
CACHE_ENTRIES = 1024
DOWN_PAUSE = 10.0  # after a failure, logins are answered "unavailable" this long without asking
THREADS = 2
MAX_PENDING = 16


# RFC 4518's "mapped to nothing" (soft hyphens, joiners, variation selectors, U+FFFC) and the
# controls it maps to a space; the rest of Cc and Cf go too (see fold_name)
_TO_NOTHING = frozenset("\u00ad\u1806\u034f\u180b\u180c\u180d\ufffc\u200b") | \
    frozenset(map(chr, range(0xFE00, 0xFE10)))
_TO_SPACE = frozenset("\t\n\v\f\r\x85")


def fold_name(name: str) -> str:
    """``name`` as a directory compares user names (LDAP's caseIgnoreMatch, RFC 4518): soft
    hyphens and other invisible characters dropped, every space-like character a space, case
    folded, NFKC ("ａdmin" is "admin"), and the spaces around and doubled inside ignored."""
    kept = []
    for char in name:
        if char in _TO_SPACE or unicodedata.category(char) in ("Zs", "Zl", "Zp"):
            kept.append(" ")
        elif char not in _TO_NOTHING and unicodedata.category(char) not in ("Cc", "Cf"):
            kept.append(char)
    folded = unicodedata.normalize("NFKC", "".join(kept).casefold()).casefold()
    return " ".join(folded.split())


class DirectoryDown(Exception):
    """The directory cannot be asked now (unreachable, TLS refused, Pier's bind refused)."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the directory said about a login: the principal, or why not (for the log and for
    `pier directory test`; a client is only ever told "invalid credentials")."""

    user: User | None
    reason: str = ""
    groups: tuple[str, ...] = ()


class Client(Protocol):
    """server.directory.DirectoryClient, as far as this module uses it."""

    timeout: float

    def log_in(self, name: str, password: str) -> Verdict: ...

    def exists(self, name: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class DirectoryAnswer:
    outcome: Literal["ok", "refused", "unavailable"]
    user: User | None = None
    retry_after: int = 0  # for "unavailable": seconds, for 503 + Retry-After
    reason: str = ""  # for the log


def _nothing() -> None:
    return None


class DirectorySource:
    """Logins checked by the directory, as server.auth.Authenticator asks for them."""

    def __init__(self, client: Client, *, clock: Clock = SYSTEM_CLOCK, ttl: float = CACHE_TTL,
                 threads: int = THREADS, max_pending: int = MAX_PENDING,
                 down_pause: float = DOWN_PAUSE) -> None:
        self.client = client
        self._clock = clock
        self._ttl = ttl
        self._threads = threads
        self._max_pending = max_pending
        self._down_pause = down_pause
        self._lock = threading.Lock()
        self._cache: OrderedDict[bytes, tuple[User, float]] = OrderedDict()
        self._pool: ThreadPoolExecutor | None = None
        self._pending = 0
        self._down_until = -math.inf
        self._clashes_asked: set[str] = set()
        self._background: list[Future[bool]] = []
        self._folded: tuple[UserStore | None, int, dict[str, str]] = (None, -1, {})

    # -- logins ----------------------------------------------------------------------------

    def cached(self, key: bytes, now: float) -> User | None:
        """The principal of a login verified less than ``ttl`` ago under ``key``, else None."""
        hit = self._cache.get(key)
        if hit is None:
            return None
        if now < hit[1]:
            return hit[0]
        with self._lock:
            self._cache.pop(key, None)
        return None

    def log_in(self, key: bytes, name: str, password: str, *,
               before_wait: Callable[[], None] = _nothing) -> DirectoryAnswer:
        """Ask the directory (blocking, but not on an engine worker: ``before_wait`` is called
        first). Remembers a success under ``key``."""
        now = self._clock.monotonic()
        wait = self._down_until - now
        if wait > 0:
            return DirectoryAnswer("unavailable", retry_after=math.ceil(wait),
                                   reason="the directory failed moments ago")
        before_wait()
        with self._lock:
            if self._pending >= self._max_pending:
                return DirectoryAnswer("unavailable", retry_after=1,
                                       reason="too many logins waiting for the directory")
            self._pending += 1
            future = self._executor().submit(self.client.log_in, name, password)
        try:
            verdict = future.result(timeout=self.client.timeout * 4 + 1)
        except (DirectoryDown, FutureTimeout) as err:
            return self._down(str(err) or "the directory did not answer in time")
        except Exception:  # ldap3 raised about this login (its name, its password)
            # Refused, not "down": what one client sends must never pause every login.
            log.exception("unexpected error while asking the directory about %r", name)
            return DirectoryAnswer("refused", reason="an unexpected error")
        finally:
            with self._lock:
                self._pending -= 1
        if verdict.user is None:
            log.info("directory login of %r refused: %s", name, verdict.reason)
            return DirectoryAnswer("refused", reason=verdict.reason)
        self._remember(key, verdict.user)
        return DirectoryAnswer("ok", verdict.user)

    def forget(self) -> None:
        """Drop every cached login (the settings or the local accounts changed)."""
        with self._lock:
            self._cache.clear()

    # -- a local account of the same name ---------------------------------------------------

    def local_twin(self, name: str, store: UserStore) -> str | None:
        """The Pier account ``name`` is a form of, as the directory compares names ("Admin",
        " admin", "ａdmin" are forms of "admin"); None when it is no account's. Such a name is
        never asked of the directory: the Pier account wins, under its exact name only."""
        if store.get(name) is not None:
            return name
        held, version, folded = self._folded
        if held is not store or version != store.version:
            version = store.version
            folded = {fold_name(user.name): user.name for user in store.users()}
            self._folded = (store, version, folded)
        return folded.get(fold_name(name))

    def note_local(self, name: str) -> None:
        """A local account ``name`` logged in or tried to: the local account wins. The first
        time per name, the directory is asked in the background whether it has a user of that
        name too, and if so the clash is logged (no password goes to the directory)."""
        with self._lock:
            if name in self._clashes_asked or len(self._clashes_asked) >= 10_000 \
                    or self._clock.monotonic() < self._down_until:
                return
            self._clashes_asked.add(name)
            future = self._executor().submit(self._log_clash, name)
            self._background = [f for f in self._background if not f.done()] + [future]

    def _log_clash(self, name: str) -> bool:
        try:
            clash = self.client.exists(name)
        except DirectoryDown as err:
            log.info("could not ask the directory about %r: %s", name, err)
            return False
        if clash:
            log.warning("%r is both a Pier account and a directory user: the Pier account "
                        "wins (remove it to let the directory user log in)", name)
        return clash

    def settle(self, timeout: float = 30.0) -> None:
        """Wait for the background clash checks (tests look at the log after it)."""
        for future in list(self._background):
            with contextlib.suppress(Exception):  # a timeout, or an error already logged
                future.result(timeout=timeout)

    # -- the pool --------------------------------------------------------------------------

    def close(self) -> None:
        """Stop the pool's idle threads now (a bind in flight ends within the client's timeout,
        unwaited: the engine's stop must not wait on the directory); the pool starts again at
        the next login."""
        with self._lock:
            pool, self._pool = self._pool, None
            self._background = []
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def _executor(self) -> ThreadPoolExecutor:
        """The pool, started at first use (under self._lock)."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self._threads, thread_name_prefix="pier-directory")
        return self._pool

    def _remember(self, key: bytes, user: User) -> None:
        with self._lock:
            self._cache[key] = (user, self._clock.monotonic() + self._ttl)
            self._cache.move_to_end(key)
            while len(self._cache) > CACHE_ENTRIES:
                self._cache.popitem(last=False)

    def _down(self, reason: str) -> DirectoryAnswer:
        with self._lock:
            self._down_until = self._clock.monotonic() + self._down_pause
        log.warning("the directory cannot be asked: %s", reason)
        return DirectoryAnswer("unavailable", retry_after=math.ceil(self._down_pause),
                               reason=reason)
