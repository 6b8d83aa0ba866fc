"""Live statistics of a running share, from the same request records the log shows.

``add`` costs one deque append (it runs on every request); the aggregation happens in
``snapshot``, which the window and the CLI call a few times a second at most.

Two kinds of requests are counted apart so the figures mean what a reader expects: a
``?thumb`` request is counted in ``thumbnail_requests``, not under its file in the busiest
paths (a grid view asks one per photo, which would bury the files people open; a ``?preview``
is a photo opened in the gallery, so it counts as its file), and latencies leave out
``background_s``, the time a request waited on the thumbnail thread (background work, not a
slow answer)."""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict, deque
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from server.clock import SYSTEM_CLOCK, Clock
from server.records import RequestRecord

SERIES_SECONDS = 300  # charts show the last five minutes
LATENCY_SAMPLES = 2000
MAX_CLIENTS = 4096
MAX_PATHS = 20000
TOP = 10
ABSORB_EVERY = 1_000  # records waiting before add() folds them in itself


@dataclass(slots=True)
class ClientStats:
    address: str
    user: str = ""
    requests: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    errors: int = 0
    last_seen: float = 0.0  # epoch


@dataclass(frozen=True, slots=True)
class Second:
    """What happened during one wall-clock second."""

    time: int  # epoch second
    requests: int
    bytes_out: int
    bytes_in: int
    errors: int  # answers with status >= 400


@dataclass(frozen=True, slots=True)
class Snapshot:
    since: float  # epoch of the first record counted
    requests: int
    bytes_sent: int
    bytes_received: int
    errors: int
    series: tuple[Second, ...]  # oldest first, one per second, gaps filled with zeros
    latency_ms: dict[str, float]  # p50, p95, p99 of the last LATENCY_SAMPLES requests
    clients: tuple[ClientStats, ...]  # most recently seen first
    top_by_requests: tuple[tuple[str, int], ...]
    top_by_bytes: tuple[tuple[str, int], ...]
    thumbnail_requests: int = 0  # ?thumb requests: counted here, not in the busiest paths

    def as_dict(self) -> dict[str, object]:
        return {
            "since": self.since, "requests": self.requests, "bytes_sent": self.bytes_sent,
            "bytes_received": self.bytes_received, "errors": self.errors,
            "latency_ms": self.latency_ms,
            "last_seconds": [[s.time, s.requests, s.bytes_out, s.bytes_in, s.errors]
                             for s in self.series[-60:]],
            "clients": [{"address": c.address, "user": c.user, "requests": c.requests,
                         "bytes_sent": c.bytes_sent, "bytes_received": c.bytes_received,
                         "errors": c.errors, "last_seen": c.last_seen} for c in self.clients],
            "top_paths_by_requests": [list(p) for p in self.top_by_requests],
            "top_paths_by_bytes": [list(p) for p in self.top_by_bytes],
            "thumbnail_requests": self.thumbnail_requests,
        }


@dataclass(slots=True)
class _Totals:
    since: float = 0.0
    requests: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    errors: int = 0
    thumbnail_requests: int = 0
    seconds: dict[int, list[int]] = field(default_factory=dict)
    latencies: deque[float] = field(default_factory=lambda: deque(maxlen=LATENCY_SAMPLES))
    clients: OrderedDict[str, ClientStats] = field(default_factory=OrderedDict)
    path_requests: Counter[str] = field(default_factory=Counter)
    path_bytes: Counter[str] = field(default_factory=Counter)


class Monitor:
    """``clock`` gives the wall-clock second the series ends at and older seconds are dropped
    before (records carry their own time)."""

    def __init__(self, clock: Clock = SYSTEM_CLOCK) -> None:
        self._clock = clock
        self._pending: deque[RequestRecord] = deque()
        self._lock = threading.Lock()
        self._totals = _Totals()

    def add(self, record: RequestRecord) -> None:
        pending = self._pending
        pending.append(record)
        if len(pending) >= ABSORB_EVERY and self._lock.acquire(blocking=False):
            # Nobody may be asking for snapshots (a headless share): fold the records in now
            # and then, so memory stays bounded. One request in ABSORB_EVERY pays ~1 ms; at
            # 10,000 it was ~10 ms on the serve thread, the whole p99 at 10 connections.
            try:
                self._absorb()
            finally:
                self._lock.release()

    def reset(self) -> None:
        with self._lock:
            self._pending.clear()
            self._totals = _Totals()

    def totals(self) -> tuple[int, int, int]:
        """(requests, body bytes sent, body bytes received) since the share started."""
        with self._lock:
            self._absorb()
            t = self._totals
            return t.requests, t.bytes_sent, t.bytes_received

    def snapshot(self, now: float | None = None) -> Snapshot:
        with self._lock:
            self._absorb()
            return self._summarise(int(now if now is not None else self._clock.time()))

    def _absorb(self) -> None:
        pending = self._pending
        if pending:
            _count(self._totals, pending)
        totals = self._totals
        cutoff = int(self._clock.time()) - SERIES_SECONDS
        for second in [s for s in totals.seconds if s < cutoff]:
            del totals.seconds[second]
        _bound(totals)

    def _summarise(self, now: int) -> Snapshot:
        t = self._totals
        first = now - SERIES_SECONDS + 1
        series = tuple(Second(s, *t.seconds.get(s, (0, 0, 0, 0))) for s in range(first, now + 1))
        clients = tuple(ClientStats(**{k: getattr(c, k) for k in c.__slots__})
                        for c in reversed(t.clients.values()))
        return Snapshot(t.since, t.requests, t.bytes_sent, t.bytes_received, t.errors, series,
                        _percentiles(t.latencies), clients,
                        tuple(t.path_requests.most_common(TOP)),
                        tuple(t.path_bytes.most_common(TOP)), t.thumbnail_requests)


def _count(t: _Totals, pending: deque[RequestRecord]) -> None:
    """Fold the pending records into the totals (every request passes here: kept lean)."""
    seconds, latencies, clients = t.seconds, t.latencies, t.clients
    path_requests, path_bytes = t.path_requests, t.path_bytes
    requests = sent = received = errors = thumbnails = 0
    while pending:
        r = pending.popleft()
        error = r.status >= 400
        requests += 1
        sent += r.bytes_sent
        received += r.bytes_received
        errors += error
        if not t.since:
            t.since = r.time
        bucket = seconds.get(int(r.time))
        if bucket is None:
            bucket = seconds[int(r.time)] = [0, 0, 0, 0]
        bucket[0] += 1
        bucket[1] += r.bytes_sent
        bucket[2] += r.bytes_received
        bucket[3] += error
        latencies.append(r.duration - r.background_s if r.background_s else r.duration)
        client = clients.get(r.client)
        if client is None:
            client = clients[r.client] = ClientStats(r.client)
        else:
            clients.move_to_end(r.client)
        client.requests += 1
        client.bytes_sent += r.bytes_sent
        client.bytes_received += r.bytes_received
        client.errors += error
        client.last_seen = r.time
        if r.user:
            client.user = r.user
        if r.path:
            path, _, query = r.path.partition("?")
            if query and asks_thumbnail(query):
                thumbnails += 1
            else:
                path_requests[path] += 1
                path_bytes[path] += r.bytes_sent
    t.thumbnail_requests += thumbnails
    t.requests += requests
    t.bytes_sent += sent
    t.bytes_received += received
    t.errors += errors


def asks_thumbnail(query: str) -> bool:
    """Whether a request's query asks for a thumbnail, read as the router reads it
    (server/routes_media.py: a ``thumb`` parameter, with or without a value)."""
    if "thumb" not in query and "%" not in query:  # most queries: no parsing
        return False
    return "thumb" in parse_qs(query, keep_blank_values=True)


def _bound(t: _Totals) -> None:
    while len(t.clients) > MAX_CLIENTS:
        t.clients.popitem(last=False)
    for counter in (t.path_requests, t.path_bytes):
        if len(counter) > MAX_PATHS:
            kept = counter.most_common(MAX_PATHS // 2)
            counter.clear()
            counter.update(dict(kept))


def _percentiles(latencies: deque[float]) -> dict[str, float]:
    if not latencies:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0}
    ordered = sorted(latencies)
    last = len(ordered) - 1
    return {name: round(ordered[min(last, int(q * len(ordered)))] * 1000, 3)
            for name, q in (("p50", 0.50), ("p95", 0.95), ("p99", 0.99))}
