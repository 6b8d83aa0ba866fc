"""Who is asking: HTTP Basic (RFC 7617) and Digest (RFC 7616) checks, a verified-credential
cache, and the throttling of failed logins (policy in server.throttle). Accounts live in
server.users.

``Authenticator.check`` is called from several worker threads at once. Password verification
(Argon2id, ~30 ms) runs without any lock held; the locks here guard only dictionaries.

Answers never tell whether a user exists: an unknown name is verified against a dummy hash of
the same cost, and a disabled or expired account gets the same answer as a wrong password.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import copy
import hashlib
import hmac
import math
import re
import secrets
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote

from server.clock import SYSTEM_CLOCK, Clock
from server.digest_nonces import Nonces
from server.directory_source import fold_name
from server.errors import UserStoreError
from server.throttle import Lockout, LoginThrottle
from server.users import (
    DIGEST_ALGORITHMS,
    NAME_MAX,
    PASSWORD_MAX,
    User,
    UserStore,
)

if TYPE_CHECKING:  # ldap3 is imported only where a directory is set up
    from server.directory_source import DirectorySource

__all__ = ["AuthResult", "Authenticator", "Lockout", "User", "UserStore"]

MAX_HEADER = 4096  # longer Authorization values are refused unread
CACHE_ENTRIES = 4096
LOGIN_RECORD_INTERVAL = 60.0  # a cached login updates last_login at most this often
RELOAD_INTERVAL = 1.0  # how often the user file is checked for changes by other processes

REASON_REQUIRED = "login required"
REASON_INVALID = "invalid credentials"
REASON_MALFORMED = "malformed Authorization header"
REASON_SCHEME = "unsupported authentication scheme"
REASON_STALE = "nonce expired"
REASON_THROTTLED = "too many failed logins"
REASON_DIGEST_DIRECTORY = "directory accounts cannot use Digest"


# "deferred": check(may_hash=False) stopped before a password hash; nothing was counted.
# "unavailable": the office directory cannot be asked now (503 + Retry-After).
Outcome = Literal["ok", "anonymous", "challenge", "throttled", "deferred", "unavailable"]


@dataclass(slots=True)  # not frozen: that costs ~1 us on every request; treat as read-only
class AuthResult:
    outcome: Outcome
    user: User | None = None
    retry_after: int = 0  # seconds, for 429 (or 503) + Retry-After
    stale: bool = False  # for the Digest challenge
    reason: str = ""  # short, for the log; never tells whether the user exists


@dataclass(frozen=True, slots=True)
class ConnectionLogin:
    """A Basic login verified on one connection. The same header on the same connection is let
    in again by ``still_valid`` without a hash or a cache lookup while the accounts are
    unchanged. Never for Digest: its headers change with each request, and a repeated one is a
    replay. Kept by the connection only, so it ends with it."""

    header: str
    store: UserStore  # which accounts let it in: another file (a change of settings) does not
    version: int
    user: User


def _nothing() -> None:
    return None


# ---------------------------------------------------------------------------------------------
# Header parsing

_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_PARAM = re.compile(rf'\s*({_TOKEN})\s*=\s*(?:"((?:[^"\\]|\\.)*)"|({_TOKEN}))\s*(,|$)')
_NC = re.compile(r"^[0-9a-fA-F]{8}$")


def parse_auth_params(text: str) -> dict[str, str] | None:
    """``name=value, name="quoted"`` pairs (RFC 7235 auth-param), names lower-cased; None if the
    text is not well-formed or repeats a name."""
    params: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        match = _PARAM.match(text, pos)
        if match is None:
            return None
        name = match.group(1).lower()
        quoted = match.group(2)
        value = re.sub(r"\\(.)", r"\1", quoted) if quoted is not None else match.group(3)
        if name in params:
            return None
        params[name] = value
        pos = match.end()
        if match.group(4) == "" and pos < len(text):
            return None
    return params


def _basic_credentials(token: str) -> tuple[str, str] | None:
    """(name, password) from a Basic token, strictly decoded; None if malformed.

    We advertise charset="UTF-8" (RFC 7617) and browsers follow it, but older clients and
    some libraries (python-requests among them) still send ISO-8859-1: bytes that are not
    valid UTF-8 are read as Latin-1, which maps every byte, so such a password still works."""
    try:
        raw = base64.b64decode(token.strip().encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeError):
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    name, colon, password = text.partition(":")
    if not colon:
        return None
    return name, password


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _header_text(value: str) -> str:
    """Header values arrive decoded as Latin-1; UTF-8 sent by a client is recovered here."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------------------------
# The authenticator


class Authenticator:
    """Decides for each request: ok (a user), anonymous, challenge (401) or throttled (429)."""

    def __init__(self, store: UserStore, realm: str, *, anonymous_read: bool = False,
                 clock: Clock = SYSTEM_CLOCK, directory: DirectorySource | None = None) -> None:
        """``clock`` times lock-outs, caches, Digest nonces' age and accounts' expiry (tests
        pass a ManualClock to skip ahead). ``directory``: Basic logins of names that are no
        local account are checked by the office directory (a local account always wins)."""
        self.store = store
        self.directory = directory
        self._clock = clock
        self._monotonic = clock.monotonic  # bound once: read on every request
        self.realm = realm
        self.anonymous_read = anonymous_read
        self._cache_key = secrets.token_bytes(32)
        self._cache: OrderedDict[bytes, tuple[str, int]] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._throttle = LoginThrottle()
        self._nonces = Nonces(realm)
        self._opaque = secrets.token_hex(16)
        self._recorded: dict[str, float] = {}  # name -> monotonic time of the last record_login
        self._next_reload = 0.0
        self.verify_count = 0  # slow password verifications done (approximate under threads)
        store.remember_realm(realm)

    def _now_ns(self) -> int:
        return int(self._monotonic() * 1e9)

    def with_anonymous_read(self, anonymous_read: bool) -> Authenticator:
        """This authenticator with another visitors' right, sharing its lock-outs, nonces
        and caches (a running share's rules changing); this one is left as it is."""
        twin = copy.copy(self)
        twin.anonymous_read = anonymous_read
        return twin

    @property
    def throttle(self) -> LoginThrottle:
        """The failed logins and lock-outs, per address and name (not per realm or file)."""
        return self._throttle

    def with_throttle(self, throttle: LoginThrottle) -> Authenticator:
        """This authenticator counting failed logins in ``throttle`` (a running share's,
        server/lasting.py): another accounts file or realm lifts no lock-out."""
        twin = copy.copy(self)
        twin._throttle = throttle
        return twin

    # -- public ----------------------------------------------------------------------------

    def check(self, authorization: str | None, method: str, uri: str,
              client_ip: str, *, may_hash: bool = True,
              leave_pool: Callable[[], None] = _nothing) -> AuthResult:
        """Who sent this Authorization header. With ``may_hash=False`` Basic credentials that
        are not in the cache of verified logins give "deferred" instead of being hashed (tens
        of milliseconds): the caller asks again where waiting is fine. ``leave_pool`` is called
        before a wait on the office directory (``Call.leave_pool``)."""
        now = self._monotonic()
        self._reload_now_and_then(now)
        if not authorization or not authorization.strip():
            if self.anonymous_read:
                return AuthResult("anonymous")
            return AuthResult("challenge", reason=REASON_REQUIRED)
        ip_wait = self._throttle.retry_after(client_ip, None, now)
        if ip_wait:
            return _throttled(ip_wait)
        if len(authorization) > MAX_HEADER:
            return self._fail(client_ip, None, now, REASON_MALFORMED)
        scheme, _, rest = authorization.strip().partition(" ")
        scheme = scheme.lower()
        if scheme == "basic":
            return self._check_basic(rest, client_ip, now, may_hash, leave_pool)
        if scheme == "digest":
            return self._check_digest(rest, method, uri, client_ip, now)
        return AuthResult("challenge", reason=REASON_SCHEME)

    def connection_login(self, authorization: str | None, user: User) -> ConnectionLogin | None:
        """What a connection may keep after check() let ``authorization`` in (Basic only)."""
        if authorization is None or authorization.lstrip()[:6].lower() != "basic " \
                or user.directory:  # asked again each time: its cache entry expires
            return None
        return ConnectionLogin(authorization, self.store, self.store.version, user)

    def still_valid(self, login: ConnectionLogin, client_ip: str) -> bool:
        """Whether a login kept by a connection still stands: no account changed since, the
        user is active, and neither the address nor the user at this address is locked out
        (check() then answers, with its 429)."""
        now = self._monotonic()  # every request of a logged-in browser passes here: kept lean
        if now >= self._next_reload:
            self._reload_now_and_then(now)
        user = login.user
        if login.store is not self.store or login.version != self.store.version or \
                not self._active(user):
            return False
        if self._throttle.entries and self._throttle.retry_after(client_ip, user.name, now):
            return False
        if now - self._recorded.get(user.name, -LOGIN_RECORD_INTERVAL) >= LOGIN_RECORD_INTERVAL:
            self._record_login(user.name, now)
        return True

    def challenge(self, *, stale: bool = False) -> list[str]:
        """WWW-Authenticate values, Basic first. Digest is offered only while some account has
        it enabled, because browsers prefer Digest when offered, and an account without a
        stored HA1 could then not log in from them."""
        realm = _quote(self.realm)
        values = [f'Basic realm={realm}, charset="UTF-8"']
        if not self.store.any_digest():
            return values
        algorithms = ["SHA-256", "MD5"] if self.store.any_digest_md5() else ["SHA-256"]
        for algorithm in algorithms:
            nonce = self._nonces.make(self._now_ns())
            value = (f'Digest realm={realm}, qop="auth", algorithm={algorithm}, '
                     f'nonce="{nonce}", opaque="{self._opaque}", charset=UTF-8')
            values.append(value + (", stale=true" if stale else ""))
        return values

    def lockouts(self) -> list[Lockout]:
        """Addresses, and accounts at an address, that must wait now (sorted by key)."""
        return self._throttle.lockouts(self._monotonic(), self._clock.time())

    def release(self, key: str) -> None:
        """Forget the failures under a Lockout's key: an address (with the accounts locked at
        it) or an account at an address; "user:NAME" releases NAME at every address."""
        self._throttle.release(key)

    # -- Basic -----------------------------------------------------------------------------

    def _check_basic(self, token: str, client_ip: str, now: float, may_hash: bool,
                     leave_pool: Callable[[], None]) -> AuthResult:
        # The cache is keyed by a keyed hash of the token as sent, so a repeat login costs one
        # BLAKE2 call and a dict lookup: no base64, no normalisation, no plaintext kept.
        cache_key = hashlib.blake2b(token.strip().encode("latin-1", "replace"),
                                    key=self._cache_key, digest_size=32).digest()
        user = self._cached_user(cache_key, now) or self._cached_directory_user(cache_key, now)
        if user is not None:
            counted = fold_name(user.name) if user.directory else user.name
            user_wait = self._throttle.retry_after(client_ip, counted, now)
            return _throttled(user_wait) if user_wait else AuthResult("ok", user)
        if not may_hash:
            return DEFERRED
        credentials = _basic_credentials(token)
        if credentials is None:
            return self._fail(client_ip, None, now, REASON_MALFORMED)
        name, password = _nfc(credentials[0]), _nfc(credentials[1])
        if not 0 < len(name) <= NAME_MAX or not 0 < len(password) <= PASSWORD_MAX:
            return self._fail(client_ip, name, now, REASON_INVALID)
        user_wait = self._throttle.retry_after(client_ip, name, now)
        if user_wait:
            return _throttled(user_wait)
        if self.directory is not None:
            local = self.directory.local_twin(name, self.store)  # "Admin" for "admin" too
            if local is None:
                return self._verify_directory(name, password, cache_key, client_ip, now,
                                              leave_pool)
            self.directory.note_local(local)  # logs a clash with a directory user, once
        return self._verify_basic(name, password, cache_key, client_ip, now)

    def _verify_basic(self, name: str, password: str, cache_key: bytes, client_ip: str,
                      now: float) -> AuthResult:
        version = self.store.version
        user = self.store.get(name)
        stored = self.store.password_hash(name)
        self.verify_count += 1
        matches = self.store.hasher.verify(password, stored or self.store.hasher.dummy_hash())
        if not (matches and user is not None and stored is not None and self._active(user)):
            return self._fail(client_ip, name, now, REASON_INVALID)
        self._throttle.success(client_ip, name)
        self._upgrade(name, password, stored)
        if self.store.version == version:
            self._remember(cache_key, name, version)
        self._record_login(name, now)
        return AuthResult("ok", self.store.get(name) or user)

    def _cached_user(self, cache_key: bytes, now: float) -> User | None:
        hit = self._cache.get(cache_key)  # one C call, atomic; changes are made under the lock
        if hit is None:
            return None
        name, version = hit
        user = self.store.get(name)
        if version != self.store.version or user is None or not self._active(user):
            with self._cache_lock:
                self._cache.pop(cache_key, None)
            return None
        self._record_login(name, now)
        return user

    def _remember(self, cache_key: bytes, name: str, version: int) -> None:
        with self._cache_lock:
            stale = [k for k, (_n, v) in self._cache.items() if v != version]
            for key in stale:
                del self._cache[key]
            self._cache[cache_key] = (name, version)
            while len(self._cache) > CACHE_ENTRIES:
                self._cache.popitem(last=False)

    def _verify_directory(self, name: str, password: str, cache_key: bytes, client_ip: str,
                          now: float, leave_pool: Callable[[], None]) -> AuthResult:
        assert self.directory is not None
        counted = fold_name(name)  # every form of the name the directory takes as this one
        user_wait = self._throttle.retry_after(client_ip, counted, now)
        if user_wait:
            return _throttled(user_wait)
        answer = self.directory.log_in(cache_key, name, password, before_wait=leave_pool)
        if answer.outcome == "unavailable":
            return AuthResult("unavailable", retry_after=answer.retry_after, reason=answer.reason)
        user = answer.user
        # no such user, wrong password, no mapped group, or an entry named as a Pier account
        # (the directory's matching is wider than fold_name): all alike
        if user is None or self.directory.local_twin(user.name, self.store) is not None:
            return self._fail(client_ip, counted, now, REASON_INVALID)
        self._throttle.success(client_ip, fold_name(user.name))
        return AuthResult("ok", user)

    def _cached_directory_user(self, cache_key: bytes, now: float) -> User | None:
        """A directory login verified moments ago, unless a local account took the name."""
        if self.directory is None:
            return None
        user = self.directory.cached(cache_key, now)
        if user is None or self.directory.local_twin(user.name, self.store) is not None:
            return None
        return user

    def close(self) -> None:
        """The share stopped: the directory's threads end (they start again when needed)."""
        if self.directory is not None:
            self.directory.close()

    def _upgrade(self, name: str, password: str, stored: str) -> None:
        # The login stands even if the upgrade cannot be written; it is retried next time.
        with contextlib.suppress(UserStoreError):
            self.store.rehash(name, password, stored)

    # -- Digest ----------------------------------------------------------------------------

    def _check_digest(self, text: str, method: str, uri: str, client_ip: str,
                      now: float) -> AuthResult:
        params = parse_auth_params(text)
        if params is None or not _digest_params_complete(params):
            return self._fail(client_ip, None, now, REASON_MALFORMED)
        name = _digest_user_name(params)
        if name is None:
            return self._fail(client_ip, None, now, REASON_MALFORMED)
        user_wait = self._throttle.retry_after(client_ip, name, now)
        if user_wait:
            return _throttled(user_wait)
        if self.directory is not None and self.store.get(name) is None:
            return AuthResult("challenge", reason=REASON_DIGEST_DIRECTORY)  # no password to hash
        algorithm = params.get("algorithm", "MD5").upper()
        issued = self._nonces.issued(params["nonce"])
        if (_header_text(params["realm"]) != self.realm or params["qop"] != "auth" or issued is None
                or params["uri"] != uri or algorithm not in DIGEST_ALGORITHMS):
            return self._fail(client_ip, name, now, REASON_INVALID)
        user = self.store.get(name)
        ha1 = self.store.digest_secret(name, self.realm, algorithm)
        expected = _digest_response(ha1 or "0" * 64, params, method, algorithm)
        matches = hmac.compare_digest(expected, params["response"].lower().encode("ascii",
                                                                                   "replace"))
        if not (matches and ha1 is not None and user is not None and self._active(user)):
            return self._fail(client_ip, name, now, REASON_INVALID)
        now_ns = self._now_ns()
        if self._nonces.is_stale(issued, now_ns):
            return AuthResult("challenge", stale=True, reason=REASON_STALE)
        if not self._nonces.accept_count(params["nonce"], issued, int(params["nc"], 16), now_ns):
            return self._fail(client_ip, name, now, "replayed nonce count")
        self._throttle.success(client_ip, name)
        self._record_login(name, now)
        return AuthResult("ok", user)

    # -- shared ----------------------------------------------------------------------------

    def _active(self, user: User) -> bool:
        """Enabled and not expired by this authenticator's clock; an account without an expiry
        date (the usual case) reads no clock."""
        return user.enabled and (user.expires is None or user.is_active(self._clock.time()))

    def _fail(self, client_ip: str, name: str | None, now: float, reason: str) -> AuthResult:
        self._throttle.failure(client_ip, name, now)
        return AuthResult("challenge", reason=reason)

    def _record_login(self, name: str, now: float) -> None:
        last = self._recorded.get(name)
        if last is not None and now - last < LOGIN_RECORD_INTERVAL:
            return
        self._recorded[name] = now
        # A last-login time is not worth failing a request for.
        with contextlib.suppress(UserStoreError):  # may run on the serve thread: no disk here
            self.store.record_login(name, wait=False)

    def _reload_now_and_then(self, now: float) -> None:
        if now < self._next_reload:
            return
        self._next_reload = now + RELOAD_INTERVAL
        # Logged by the store; the accounts read before stay in force.
        with contextlib.suppress(UserStoreError):
            self.store.reload_if_changed(wait=False)  # may run on the serve thread


DEFERRED = AuthResult("deferred")


def _throttled(wait: float) -> AuthResult:
    return AuthResult("throttled", retry_after=max(1, math.ceil(wait)), reason=REASON_THROTTLED)


def _digest_params_complete(params: dict[str, str]) -> bool:
    needed = ("realm", "nonce", "uri", "response", "qop", "nc", "cnonce")
    if not all(key in params for key in needed):
        return False
    if ("username" in params) == ("username*" in params):
        return False
    return bool(_NC.match(params["nc"])) and int(params["nc"], 16) > 0 \
        and params.get("userhash", "false").lower() == "false"


def _digest_user_name(params: dict[str, str]) -> str | None:
    """The user name from ``username`` or RFC 8187 ``username*`` (UTF-8''%xx...), NFC."""
    if "username" in params:
        name = _header_text(params["username"])
    else:
        charset, _, rest = params["username*"].partition("'")
        _language, quote, encoded = rest.partition("'")
        if charset.lower() != "utf-8" or not quote:
            return None
        try:
            name = unquote(encoded, encoding="utf-8", errors="strict")
        except UnicodeDecodeError:
            return None
    name = _nfc(name)
    return name if 0 < len(name) <= NAME_MAX else None


def _digest_response(ha1: str, params: dict[str, str], method: str, algorithm: str) -> bytes:
    """KD(H(A1), nonce:nc:cnonce:qop:H(A2)) with A2 = method:uri (RFC 7616 section 3.4.1)."""
    digest = DIGEST_ALGORITHMS[algorithm]
    ha2 = digest(f"{method}:{params['uri']}".encode()).hexdigest()
    data = f"{ha1}:{params['nonce']}:{params['nc']}:{params['cnonce']}:{params['qop']}:{ha2}"
    return digest(data.encode("utf-8")).hexdigest().encode("ascii")

