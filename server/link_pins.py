"""PINs of share links: how they are hashed and checked, and how wrong guesses are held back.

A PIN is kept only as a salted scrypt hash (a random salt per link): ``$scrypt$ln=14,r=8,p=1$
SALT$HASH``. Checking compares the derived bytes with ``hmac.compare_digest``.

A PIN is short, so guessing is what must be stopped. ``PinGuard`` counts wrong PINs twice:

- per link: LINK_LIMIT wrong PINs within LINK_WINDOW, from anywhere, lock the link for
  LOCK_SECONDS (the store writes the lock to the file, so ``pier link list`` shows it); many
  addresses together get no more guesses than one;
- per client: the failed-login throttle (server.throttle, per address group: an IPv4 address,
  or the /64 of an IPv6 one) holds back one client guessing at several links.

Counts are kept in memory by the process serving the links (a restart forgets them; a lock
already written stays). All durations are on the injected clock's ``monotonic``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import math
import re
import secrets
import threading
import unicodedata
from collections import deque
from dataclasses import dataclass
from typing import Literal

from server.errors import InvalidLinkError
from server.throttle import LoginThrottle

__all__ = ["LINK_LIMIT", "LOCK_SECONDS", "PinGuard", "PinVerdict", "hash_pin", "is_pin_hash",
           "normalize_pin", "pin_matches"]

PIN_MIN = 4
PIN_MAX = 64
LINK_LIMIT = 10  # wrong PINs for one link within LINK_WINDOW that lock it
LINK_WINDOW = 15 * 60.0
LOCK_SECONDS = 15 * 60.0
SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P = 14, 8, 1  # ~16 MiB and a few tens of ms per check
SALT_BYTES = 16
_MAX_MEMORY = 64 * 1024 * 1024
_HASH = re.compile(r"\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d)\$([A-Za-z0-9_=-]{16,64})"
                   r"\$([A-Za-z0-9_=-]{32,128})")

Outcome = Literal["ok", "wrong", "locked", "throttled"]


@dataclass(frozen=True, slots=True)
class PinVerdict:
    outcome: Outcome
    retry_after: int = 0  # seconds, for "locked" and "throttled"
    locks_link: bool = False  # this wrong PIN was the one that locked the link


def normalize_pin(pin: str) -> str:
    """The PIN as it is hashed (NFC); InvalidLinkError when it is too short or too long."""
    pin = unicodedata.normalize("NFC", pin)
    if not PIN_MIN <= len(pin) <= PIN_MAX:
        raise InvalidLinkError(f"A PIN has {PIN_MIN} to {PIN_MAX} characters.")
    if any(ord(c) < 32 or ord(c) == 127 for c in pin):
        raise InvalidLinkError("A PIN cannot contain control characters.")
    return pin


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of ``pin`` (normalised first)."""
    salt = secrets.token_bytes(SALT_BYTES)
    derived = _derive(normalize_pin(pin), salt, SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P)
    return (f"$scrypt$ln={SCRYPT_LOG_N},r={SCRYPT_R},p={SCRYPT_P}"
            f"${_b64(salt)}${_b64(derived)}")


def is_pin_hash(text: str) -> bool:
    """Whether ``text`` is a hash ``hash_pin`` could have made (with bounded costs)."""
    match = _HASH.fullmatch(text)
    return match is not None and 10 <= int(match[1]) <= 20 and 1 <= int(match[2]) <= 16 \
        and 1 <= int(match[3]) <= 4


def pin_matches(pin: str, pin_hash: str) -> bool:
    """Whether ``pin`` is the one hashed (slow on purpose: call where waiting is fine)."""
    match = _HASH.fullmatch(pin_hash)
    if match is None or not is_pin_hash(pin_hash):
        return False
    try:
        pin = normalize_pin(pin)
        salt, expected = _unb64(match[4]), _unb64(match[5])
    except (InvalidLinkError, ValueError):
        return False
    derived = _derive(pin, salt, int(match[1]), int(match[2]), int(match[3]), len(expected))
    return hmac.compare_digest(derived, expected)


def _derive(pin: str, salt: bytes, log_n: int, r: int, p: int, length: int = 32) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=1 << log_n, r=r, p=p,
                          maxmem=_MAX_MEMORY, dklen=length)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except binascii.Error as err:
        raise ValueError(str(err)) from None


class PinGuard:
    """Wrong-PIN counts per link and per client. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._per_link: dict[str, deque[float]] = {}  # link id -> times of wrong PINs
        self._clients = LoginThrottle()

    def client_wait(self, address: str, now: float) -> int:
        """Seconds the client at ``address`` must wait before its next PIN (0: go ahead)."""
        wait = self._clients.retry_after(address, None, now)
        return math.ceil(wait) if wait else 0

    def wrong(self, link_id: str, address: str, now: float) -> bool:
        """Count a wrong PIN; True when it is the one that must lock the link (the count then
        starts again, for after the lock)."""
        self._clients.failure(address, None, now)
        with self._lock:
            times = self._per_link.setdefault(link_id, deque())
            while times and now - times[0] > LINK_WINDOW:
                times.popleft()
            times.append(now)
            if len(times) < LINK_LIMIT:
                return False
            del self._per_link[link_id]
            return True

    def wrong_count(self, link_id: str, now: float) -> int:
        """Wrong PINs for ``link_id`` within the window (for the window's Links tab)."""
        with self._lock:
            return sum(1 for when in self._per_link.get(link_id, ()) if now - when <= LINK_WINDOW)

    def forget(self, link_id: str) -> None:
        """The link was unlocked by hand or removed."""
        with self._lock:
            self._per_link.pop(link_id, None)
