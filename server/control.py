"""What the user can change while a share runs: bandwidth limits, concurrent downloads per
client, running transfers (to watch or cancel), bans and an allow-list.

Owned by the ServerEngine and kept across stop/start, so a limit or a ban set in the window
holds for the next share too; permanent bans are also written to the config dir."""

from __future__ import annotations

import ipaddress
import itertools
import json
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from server.atomic import write_atomic
from server.clock import SYSTEM_CLOCK, Clock
from server.errors import ConfigError
from server.http11 import HttpError
from server.page_i18n import N_

log = logging.getLogger("pier.server")
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
MIN_BURST = 64 * 1024


class TokenBucket:
    """``rate`` bytes per second on average, with bursts up to a quarter second's worth."""

    def __init__(self, rate: int, clock: Clock = SYSTEM_CLOCK) -> None:
        self.rate = rate
        self._clock = clock
        self._burst = max(MIN_BURST, rate // 4)
        self._tokens = float(self._burst)
        self._last = clock.monotonic()
        self._lock = threading.Lock()

    def reserve(self, amount: int) -> float:
        """Take ``amount`` bytes' worth; return how long to wait before sending them."""
        with self._lock:
            now = self._clock.monotonic()
            self._tokens = min(self._burst, self._tokens + (now - self._last) * self.rate)
            self._last = now
            self._tokens -= amount
            return 0.0 if self._tokens >= 0 else -self._tokens / self.rate


@dataclass(frozen=True, slots=True)
class TrafficLimits:
    """None means unlimited."""

    total_rate: int | None = None  # bytes/s for all downloads together
    client_rate: int | None = None  # bytes/s for each client address
    downloads_per_client: int | None = None  # concurrent large downloads per client address

    def __post_init__(self) -> None:
        for name in ("total_rate", "client_rate", "downloads_per_client"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ConfigError(f"{name.replace('_', ' ')} must be at least 1 (or unlimited).")


@dataclass(slots=True)
class Transfer:
    """A download or upload in progress. ``done`` is updated by the thread sending it."""

    id: int
    client: str
    user: str
    path: str
    direction: str  # "down" or "up"
    total: int | None  # bytes expected; None when unknown (zip, chunked upload)
    started: float  # monotonic, on the clock of the TrafficControl that registered it
    done: int = 0
    cancel: Callable[[], None] = lambda: None  # aborts the connection
    link: str | None = None  # the token of the share link it came through (server/links.py)

    def speed(self, now: float) -> float:
        """Average bytes per second from the start until ``now`` (the same clock's reading)."""
        elapsed = now - self.started
        return self.done / elapsed if elapsed > 0 else 0.0


class TrafficControl:
    """Bandwidth limits and the registry of long transfers. Thread-safe; cheap when unlimited.
    ``clock`` times the token buckets and the transfers' start."""

    def __init__(self, clock: Clock = SYSTEM_CLOCK) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._limits = TrafficLimits()
        self._total: TokenBucket | None = None
        self._per_client: dict[str, TokenBucket] = {}
        self._transfers: dict[int, Transfer] = {}
        self._ids = itertools.count(1)

    @property
    def limits(self) -> TrafficLimits:
        return self._limits

    @property
    def limited(self) -> bool:
        return self._total is not None or self._limits.client_rate is not None

    def set_limits(self, limits: TrafficLimits) -> None:
        """Takes effect at once, also for transfers already running."""
        with self._lock:
            self._limits = limits
            self._total = (TokenBucket(limits.total_rate, self._clock) if limits.total_rate
                           else None)
            self._per_client = {}

    def wait_for(self, client: str, amount: int) -> float:
        """Seconds to wait before sending ``amount`` bytes to ``client`` (0 when unlimited)."""
        total = self._total
        wait = total.reserve(amount) if total is not None else 0.0
        rate = self._limits.client_rate
        if rate is not None:
            with self._lock:
                bucket = self._per_client.get(client)
                if bucket is None or bucket.rate != rate:
                    bucket = self._per_client[client] = TokenBucket(rate, self._clock)
            wait = max(wait, bucket.reserve(amount))
        return wait

    def begin(self, client: str, user: str, path: str, direction: str, total: int | None,
              cancel: Callable[[], None], link: str | None = None) -> Transfer:
        """Register a long transfer; 503 when the client already has its maximum of downloads."""
        with self._lock:
            allowed = self._limits.downloads_per_client
            if direction == "down" and allowed is not None:
                running = sum(1 for t in self._transfers.values()
                              if t.client == client and t.direction == "down")
                if running >= allowed:
                    raise HttpError(503, N_("Too many downloads at once from your device; "
                                    "wait for one to finish."), close=False,
                                    headers=b"Retry-After: 5\r\n")
            transfer = Transfer(next(self._ids), client, user, path, direction, total,
                                self._clock.monotonic(), cancel=cancel, link=link)
            self._transfers[transfer.id] = transfer
            return transfer

    def end(self, transfer: Transfer) -> None:
        with self._lock:
            self._transfers.pop(transfer.id, None)

    def transfers(self) -> list[Transfer]:
        with self._lock:
            return list(self._transfers.values())

    def cancel(self, transfer_id: int) -> bool:
        with self._lock:
            transfer = self._transfers.get(transfer_id)
        if transfer is None:
            return False
        transfer.cancel()
        return True


def parse_network(text: str) -> Network:
    """'192.168.1.7', '192.168.1.0/24' or '::1' -> a network; ConfigError otherwise.
    IPv4-mapped IPv6 ('::ffff:192.168.1.7', '::ffff:192.168.1.0/120') becomes the IPv4
    network, as clients' addresses are written in that form (see plain_address)."""
    try:
        network = ipaddress.ip_network(text.strip(), strict=False)
    except ValueError:
        raise ConfigError(f"'{text}' is not an IP address or network "
                          "(e.g. 192.168.1.7 or 192.168.1.0/24).") from None
    mapped = network.network_address.ipv4_mapped if network.version == 6 else None
    if mapped is not None and network.prefixlen >= 96:
        return ipaddress.IPv4Network((mapped, network.prefixlen - 96))
    return network


def plain_address(address: Address) -> Address:
    """An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as the IPv4 address it stands for."""
    if address.version == 6 and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


class AccessPolicy:
    """Who may connect: nobody banned, and, in allow-list mode, only the listed networks.
    Checked at accept() for every connection, so the common case (no bans, no list) is one
    attribute test."""

    def __init__(self, bans_file: Path | None = None) -> None:
        self._lock = threading.Lock()
        self._bans_file = bans_file
        self._session_bans: set[Network] = set()
        self._permanent_bans: set[Network] = set()
        self._allow: tuple[Network, ...] | None = None
        self.active = False
        self._load()

    def allows(self, address: str) -> bool:
        if not self.active:
            return True
        try:
            ip = plain_address(ipaddress.ip_address(address))
        except ValueError:
            return False
        with self._lock:
            if any(ip in net for net in self._session_bans | self._permanent_bans):
                return False
            return self._allow is None or any(ip in net for net in self._allow)

    def ban(self, target: str, *, permanent: bool = False) -> Network:
        network = parse_network(target)
        with self._lock:
            (self._permanent_bans if permanent else self._session_bans).add(network)
            self._refresh()
        if permanent:
            self._save()
        return network

    def unban(self, target: str) -> None:
        network = parse_network(target)
        with self._lock:
            was_permanent = network in self._permanent_bans
            self._session_bans.discard(network)
            self._permanent_bans.discard(network)
            self._refresh()
        if was_permanent:
            self._save()

    def bans(self) -> list[tuple[str, bool]]:
        """(network, permanent) pairs."""
        with self._lock:
            return sorted([(str(n), False) for n in self._session_bans]
                          + [(str(n), True) for n in self._permanent_bans])

    def set_allow_list(self, networks: Iterable[str] | None) -> None:
        """Only these addresses/networks may connect; None turns allow-list mode off."""
        parsed = None if networks is None else tuple(parse_network(n) for n in networks)
        with self._lock:
            self._allow = parsed
            self._refresh()

    @property
    def allow_list(self) -> list[str] | None:
        allow = self._allow
        return None if allow is None else [str(n) for n in allow]

    def _refresh(self) -> None:
        self.active = bool(self._session_bans or self._permanent_bans or self._allow is not None)

    def _load(self) -> None:
        if self._bans_file is None or not self._bans_file.exists():
            return
        try:
            saved = json.loads(self._bans_file.read_text(encoding="utf-8"))
            self._permanent_bans = {parse_network(n) for n in saved.get("banned", [])}
        except (OSError, ValueError, ConfigError, AttributeError) as err:
            # A damaged ban list must not stop sharing; it is rewritten at the next ban.
            log.warning("ignoring the damaged ban list %s: %s", self._bans_file, err)
            return
        self._refresh()

    def _save(self) -> None:
        if self._bans_file is None:
            return
        with self._lock:
            data = {"banned": sorted(str(n) for n in self._permanent_bans)}
        self._bans_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(self._bans_file, json.dumps(data, indent=1).encode("utf-8"))
