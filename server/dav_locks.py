"""WebDAV write locks (RFC 4918 §6-7), in memory: exclusive and shared, depth 0 or infinity,
with timeouts on the engine's clock.

Paths are the share's decoded URL paths (``/docs/a.txt``) of where an item really is (the
routes resolve links inside the share first: server/routes_dav_lock_paths.py), folded by
``normalise`` into one spelling per name as the writes store it: empty and ``.`` segments
dropped, every name in NFC without trailing dots or spaces (``/docs//a.txt.`` is ``/docs/a.txt``),
no trailing slash (``/docs/`` and ``/docs`` are one resource), ``/`` the root.

Who may use a lock: a lock belongs to the **principal** that created it, ``principal_of(user,
address)``: the account name for a logged-in account, ``anonymous:ADDRESS`` (the client's IP
address) for a visitor without one. A lock token counts as submitted only by its own
principal; another principal sending the same token is treated as not having it (423), and
cannot refresh or UNLOCK it (403). Tokens are ``urn:uuid:`` + a random UUID, so they cannot
be guessed either.

Bounds: at most ``max_total`` locks and ``max_per_principal`` per principal (then
``TooManyLocks``, a 503 for the route); a requested timeout is capped at ``max_timeout``
(``Infinite`` too). Visitors without an account are counted by address group
(server.admission.client_group: an IPv4 address, an IPv6 /64, whose addresses one device may
all use), at most ``max_per_anonymous_group`` each, and together at most
``anonymous_share`` of ``max_total``: the rest is kept for accounts, so visitors cannot make an
account's LOCK fail. Expired locks are dropped when the earliest expiry has passed, checked at
every call (so a lookup costs a clock reading when nothing expired).

Thread-safe: every public method holds one mutex; the routes run on several workers.
"""

from __future__ import annotations

import threading
import unicodedata
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from server.admission import client_group
from server.clock import Clock

DEFAULT_MAX_TIMEOUT = 3600.0  # an hour: clients refresh well before (Finder every ~5 min)
ANONYMOUS = "anonymous:"


@dataclass(frozen=True, slots=True)
class Lock:
    token: str  # "urn:uuid:..."
    root: str  # the locked path, normalised (see module docstring)
    exclusive: bool
    infinite: bool  # depth infinity: the folder and everything below it
    principal: str
    owner_xml: str  # the client's owner fragment, handed back in lockdiscovery
    timeout_s: float
    expires: float  # on the clock's monotonic reading


class LockError(Exception):
    """A lock operation refused; ``status`` is the HTTP answer, ``condition`` the RFC 4918
    precondition code for a ``D:error`` body ("" when none), ``locks`` the ones in the way."""

    status = 400
    condition = ""

    def __init__(self, reason: str, locks: tuple[Lock, ...] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.locks = locks


class LockConflict(LockError):
    """A new lock collides with existing ones (423, ``no-conflicting-lock``)."""

    status = 423
    condition = "no-conflicting-lock"


class TooManyLocks(LockError):
    status = 503


class LockNotFound(LockError):
    """The token names no live lock on this path (UNLOCK: 409; a refresh: 412)."""

    status = 409
    condition = "lock-token-matches-request-uri"


class RefreshFailed(LockError):
    """A refresh whose token names no live lock on this path (412: the If header failed)."""

    status = 412
    condition = "lock-token-matches-request-uri"


class NotLockOwner(LockError):
    """The token's lock belongs to another principal."""

    status = 403


def principal_of(user: str | None, address: str) -> str:
    """Who owns a lock: the account name, or ``anonymous:ADDRESS`` for a visitor without one.
    The two never collide: an account name cannot hold ``:`` (server/user_model.py)."""
    return user if user else f"{ANONYMOUS}{address}"


def normalise(path: str) -> str:
    """One spelling of a decoded URL path: ``/a//b/`` -> ``/a/b``; ``""`` and ``/`` -> ``/``;
    each name as uploads.clean_name stores it (NFC, no trailing dots or spaces), so every
    spelling a write turns into the same name meets the same locks."""
    names = (_fold(name) for name in path.split("/") if name and name != ".")
    return "/" + "/".join(names)


def _fold(name: str) -> str:
    folded = unicodedata.normalize("NFC", name).rstrip(". ")
    return folded or name  # "..." stays itself (refused as a name anyway)


def _counted_as(principal: str) -> str:
    """What a principal's locks are counted under: an account, or a visitor's address group."""
    if principal.startswith(ANONYMOUS):
        return ANONYMOUS + client_group(principal[len(ANONYMOUS):])
    return principal


def _ancestors(path: str) -> list[str]:
    """``/a/b/c`` -> ``["/a/b", "/a", "/"]``."""
    found: list[str] = []
    while path != "/":
        path = path.rsplit("/", 1)[0] or "/"
        found.append(path)
    return found


def _is_below(path: str, folder: str) -> bool:
    return (folder == "/" and path != "/") or path.startswith(folder + "/")


class LockManager:
    def __init__(self, clock: Clock, *, max_timeout: float = DEFAULT_MAX_TIMEOUT,
                 max_total: int = 10_000, max_per_principal: int = 1_000,
                 max_per_anonymous_group: int = 100, anonymous_share: float = 0.25) -> None:
        self._clock = clock
        self._max_timeout = max_timeout
        self._max_total = max_total
        self._max_per_principal = max_per_principal
        self._max_per_anonymous = min(max_per_anonymous_group, max_per_principal)
        self._max_anonymous = int(max_total * anonymous_share)
        self._anonymous = 0  # live locks of visitors without an account
        self._mutex = threading.Lock()
        self._by_token: dict[str, Lock] = {}
        self._by_root: dict[str, list[str]] = {}
        self._per_principal: dict[str, int] = {}
        self._next_expiry = float("inf")

    @property
    def max_timeout(self) -> float:
        return self._max_timeout

    def lock(self, path: str, principal: str, *, exclusive: bool, infinite: bool,
             owner_xml: str = "", timeout_s: float | None = None) -> Lock:
        """A new lock on ``path``, or ``LockConflict`` naming the locks in its way: any lock
        on the path, on an ancestor with depth infinity, or (for a depth-infinity lock) below
        it, unless both are shared. Even the principal's own exclusive lock conflicts."""
        path = normalise(path)
        with self._mutex:
            now = self._sweep()
            in_way = tuple(held for held in self._related(path, deep=infinite)
                           if held.exclusive or exclusive)
            if in_way:
                raise LockConflict("the resource is locked", in_way)
            self._check_room(principal)
            timeout = self._capped(timeout_s)
            lock = Lock(f"urn:uuid:{uuid.uuid4()}", path, exclusive, infinite, principal,
                        owner_xml, timeout, now + timeout)
            self._add(lock)
            return lock

    def refresh(self, path: str, tokens: Collection[str], principal: str,
                timeout_s: float | None = None) -> Lock:
        """A LOCK with no body: restart the timeout of the lock that the If header's
        ``tokens`` (``IfHeader.submitted_tokens()``) name on ``path``. None of them names a
        lock covering ``path``: ``RefreshFailed``; only other principals' locks:
        ``NotLockOwner``."""
        path = normalise(path)
        with self._mutex:
            now = self._sweep()
            found = [held for token in tokens
                     if (held := self._by_token.get(token)) and self._covers(held, path)]
            if not found:
                raise RefreshFailed("no such lock on this resource")
            own = [held for held in found if held.principal == principal]
            if not own:
                raise NotLockOwner("the lock belongs to someone else")
            timeout = self._capped(timeout_s)
            fresh = replace(own[0], timeout_s=timeout, expires=now + timeout)
            self._by_token[fresh.token] = fresh
            self._next_expiry = min(self._next_expiry, fresh.expires)
            return fresh

    def unlock(self, path: str, token: str, principal: str) -> None:
        """UNLOCK: the token must name a lock covering ``path`` (``LockNotFound``, 409) held
        by ``principal`` (``NotLockOwner``, 403)."""
        path = normalise(path)
        with self._mutex:
            self._sweep()
            held = self._by_token.get(token)
            if held is None or not self._covers(held, path):
                raise LockNotFound("no such lock on this resource")
            if held.principal != principal:
                raise NotLockOwner("the lock belongs to someone else")
            self._remove(held)

    def held(self) -> bool:
        """Whether any lock is held now: a listing asks locks_on for each entry only then."""
        with self._mutex:
            self._sweep()
            return bool(self._by_token)

    def locks_on(self, path: str) -> tuple[Lock, ...]:
        """The locks covering ``path`` (its own and depth-infinity ones above it), for its
        lockdiscovery property."""
        with self._mutex:
            self._sweep()
            if not self._by_token:
                return ()
            return tuple(self._covering(normalise(path)))

    def blocking(self, path: str, principal: str, submitted: Collection[str], *,
                 deep: bool = False) -> tuple[Lock, ...]:
        """The locks that forbid a write to ``path`` for this request: those covering it
        (and, with ``deep``, those anywhere below it: DELETE or MOVE of a folder) whose token
        ``principal`` did not submit. Empty: the write may go on. A write that adds or
        removes a folder's member (PUT of a new file, MKCOL, DELETE, MOVE) asks this for the
        member and for its folder (a depth-0 lock on a folder covers its list of members)."""
        with self._mutex:
            self._sweep()
            if not self._by_token:
                return ()
            found = self._related(normalise(path), deep=deep)
            return tuple(held for held in found
                         if held.token not in submitted or held.principal != principal)

    def drop_locks_at_or_below(self, path: str) -> None:
        """Drop the locks rooted at or below ``path`` (after a DELETE or the source of a
        MOVE: RFC 4918 §7.7, locks do not follow a moved resource)."""
        path = normalise(path)
        with self._mutex:
            for held in list(self._by_token.values()):
                if held.root == path or _is_below(held.root, path):
                    self._remove(held)

    def drop_unless(self, keeps: Callable[[Lock], bool]) -> None:
        """Drop the locks ``keeps`` says no to (their owner lost the right to hold them: the
        share's rules changed). ``keeps`` runs outside the mutex."""
        with self._mutex:
            held = list(self._by_token.values())
        gone = [lock for lock in held if not keeps(lock)]
        with self._mutex:
            for lock in gone:
                if self._by_token.get(lock.token) is lock:
                    self._remove(lock)

    def __len__(self) -> int:
        with self._mutex:
            self._sweep()
            return len(self._by_token)

    # -- under the mutex --

    def _check_room(self, principal: str) -> None:
        if len(self._by_token) >= self._max_total:
            raise TooManyLocks("too many locks on this share")
        counted = _counted_as(principal)
        anonymous = counted.startswith(ANONYMOUS)
        if self._per_principal.get(counted, 0) >= \
                (self._max_per_anonymous if anonymous else self._max_per_principal):
            raise TooManyLocks("too many locks held by this client")
        if anonymous and self._anonymous >= self._max_anonymous:
            raise TooManyLocks("too many locks held by visitors without an account")

    def _capped(self, timeout_s: float | None) -> float:
        if timeout_s is None or timeout_s <= 0:
            return self._max_timeout
        return min(float(timeout_s), self._max_timeout)

    def _covers(self, held: Lock, path: str) -> bool:
        return held.root == path or (held.infinite and _is_below(path, held.root))

    def _covering(self, path: str) -> list[Lock]:
        found = [self._by_token[t] for t in self._by_root.get(path, ())]
        for folder in _ancestors(path):
            found.extend(held for t in self._by_root.get(folder, ())
                         if (held := self._by_token[t]).infinite)
        return found

    def _related(self, path: str, *, deep: bool) -> list[Lock]:
        """Locks covering ``path``, plus with ``deep`` every lock rooted below it."""
        found = self._covering(path)
        if deep:
            for root, tokens in self._by_root.items():
                if _is_below(root, path):
                    found.extend(self._by_token[t] for t in tokens)
        return found

    def _add(self, lock: Lock) -> None:
        self._by_token[lock.token] = lock
        self._by_root.setdefault(lock.root, []).append(lock.token)
        counted = _counted_as(lock.principal)
        self._per_principal[counted] = self._per_principal.get(counted, 0) + 1
        self._anonymous += counted.startswith(ANONYMOUS)
        self._next_expiry = min(self._next_expiry, lock.expires)

    def _remove(self, lock: Lock) -> None:
        del self._by_token[lock.token]
        tokens = self._by_root[lock.root]
        tokens.remove(lock.token)
        if not tokens:
            del self._by_root[lock.root]
        counted = _counted_as(lock.principal)
        self._anonymous -= counted.startswith(ANONYMOUS)
        left = self._per_principal[counted] - 1
        if left:
            self._per_principal[counted] = left
        else:
            del self._per_principal[counted]

    def _sweep(self) -> float:
        """Drop expired locks when the earliest expiry has passed; the current reading."""
        now = self._clock.monotonic()
        if now < self._next_expiry:
            return now
        for held in [h for h in self._by_token.values() if h.expires <= now]:
            self._remove(held)
        self._next_expiry = min((h.expires for h in self._by_token.values()),
                                default=float("inf"))
        return now
