"""Digest nonces (RFC 7616) for server.auth: made and checked without state, with the highest
nonce-count seen per nonce kept against replays."""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets
import threading
from collections import OrderedDict

NONCE_LIFETIME = 300.0  # seconds; an older nonce earns a stale=true challenge
MAX_TRACKED = 10_000  # live nonces kept at most


class Nonces:
    """Server nonces: base64url(monotonic ns | random | HMAC), checkable without state, plus the
    highest nonce-count seen per nonce (replay protection). When that table is full, the oldest
    entries are forgotten and every nonce issued up to then counts as expired."""

    def __init__(self, realm: str) -> None:
        self._key = secrets.token_bytes(32)
        self._realm = realm.encode("utf-8")
        self._lock = threading.Lock()
        self._counts: OrderedDict[str, tuple[int, int]] = OrderedDict()  # nonce -> (issued, nc)
        self._floor = -1  # nonces issued at or before this (ns) are treated as expired

    def make(self, now_ns: int) -> str:
        """A new nonce issued at ``now_ns`` (monotonic nanoseconds)."""
        body = now_ns.to_bytes(8, "big") + secrets.token_bytes(8)
        return base64.urlsafe_b64encode(body + self._mac(body)).decode("ascii")

    def issued(self, nonce: str) -> int | None:
        """The issue time (monotonic ns) of a nonce this process made, else None."""
        if len(nonce) != 44:
            return None
        try:
            raw = base64.urlsafe_b64decode(nonce.encode("ascii"))
        except (binascii.Error, ValueError, UnicodeEncodeError):
            return None
        body, mac = raw[:16], raw[16:]
        if not hmac.compare_digest(mac, self._mac(body)):
            return None
        return int.from_bytes(body[:8], "big")

    def is_stale(self, issued: int, now_ns: int) -> bool:
        return issued <= self._floor or now_ns - issued > NONCE_LIFETIME * 1e9

    def accept_count(self, nonce: str, issued: int, nc: int, now_ns: int) -> bool:
        """Record ``nc`` for ``nonce`` if it is higher than any seen; False for a replay."""
        with self._lock:
            seen = self._counts.get(nonce)
            if seen is not None and nc <= seen[1]:
                return False
            if seen is None:
                self._make_room(now_ns)
            self._counts[nonce] = (issued, nc)
            return True

    def _make_room(self, now_ns: int) -> None:
        limit = now_ns - int(NONCE_LIFETIME * 1e9)
        while self._counts:
            _nonce, (first_issued, _nc) = next(iter(self._counts.items()))
            if first_issued >= limit and len(self._counts) < MAX_TRACKED:
                break
            self._counts.popitem(last=False)
            self._floor = max(self._floor, first_issued)

    def _mac(self, body: bytes) -> bytes:
        return hmac.digest(self._key, body + self._realm, "sha256")[:16]
