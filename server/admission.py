"""Who a client is for the caps, and whether one more connection of theirs gets a slot.

A client is known by its address everywhere it is shown (the log, records, the Clients tab),
but counted by its address *group* wherever a cap or a lock-out applies: an IPv4 address is its
own group, an IPv6 address belongs to its /64. A host on an IPv6 network picks its own interface
identifier (SLAAC, privacy addresses) and can take any address of its /64, so counting per full
IPv6 address would not hold back anyone.

Connection slots are shared out so that a few groups cannot keep everyone else out
(``Slots.take``): past half of ``max_connections`` a group may hold at most its *share*
(``max(8, max_connections // 8)``), and the last eighth of the slots (the *reserve*) go only to
groups holding fewer than ``SMALL_GROUP`` connections, each taking less than half of what is
still free. A group holding nothing therefore gets in whenever any slot is free, and it takes
81 groups holding stalled downloads to fill every slot at the defaults (2,048 slots, 128 per
group; 24 at 512 slots), where four used to do; 6 at 32 slots and 16 per group.
"""

from __future__ import annotations

import ipaddress
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

__all__ = ["SMALL_GROUP", "Slots", "client_address", "client_group"]

IPV6_GROUP_PREFIX = 64
MIN_SHARE = 8  # connections a group may always hold under pressure (a browser opens ~6)
SMALL_GROUP = 4  # groups holding fewer connections than this may use the reserve


def client_address(address: str) -> str:
    """The client's address as everything else sees it (bans, the allow-list, per-address
    caps, lock-outs, the log): an IPv4 client of a dual-stack listener ("::ffff:192.0.2.7",
    as the kernel writes it) becomes plain "192.0.2.7". Done once, at accept()."""
    if address.startswith("::ffff:") and "." in address:
        return address[7:]
    return address


def client_group(address: str) -> str:
    """What caps and lock-outs count ``address`` (as client_address gives it) under: an IPv4
    address itself, an IPv6 address its /64 ("2001:db8:1:2::/64"; a zone such as "%eth0" is
    dropped), the loopback ::1 itself. Anything that is not an IP address stays as it is."""
    if ":" not in address:
        return address  # IPv4 (or a name a test made up): the common case costs one test
    return _ipv6_group(address)


@lru_cache(maxsize=4096)
def _ipv6_group(address: str) -> str:
    try:
        ip = ipaddress.IPv6Address(address.partition("%")[0])
    except ValueError:
        return address
    if ip.is_loopback:
        return str(ip)
    if ip.ipv4_mapped is not None:  # normally made plain at accept(); never a /64 of them
        return str(ip.ipv4_mapped)
    network = ipaddress.IPv6Network((int(ip) >> (128 - IPV6_GROUP_PREFIX)
                                     << (128 - IPV6_GROUP_PREFIX), IPV6_GROUP_PREFIX))
    return str(network)


class Slots:
    """Open connections counted per address group (for the caps) and per address (for the
    number of clients shown). Not thread-safe: the serve loop calls it under its lock."""

    def __init__(self, max_connections: int, max_per_group: int,
                 exempt: Callable[[str], bool] = lambda client: False) -> None:
        """``exempt``: addresses bound only by ``max_connections`` (a trusted reverse proxy
        speaks for many clients; their per-request limits act on the clients it names)."""
        self.max_connections = max_connections
        self._exempt = exempt
        self.max_per_group = max_per_group
        self.share = max(MIN_SHARE, max_connections // 8)
        self.reserve = max_connections // 8
        self.total = 0
        self._groups: Counter[str] = Counter()
        self._addresses: Counter[str] = Counter()

    def may_take(self, group: str) -> bool:
        """Whether ``group`` may open one more connection now."""
        held = self._groups.get(group, 0)
        if self.total >= self.max_connections or held >= self.max_per_group:
            return False
        if self.total >= self.max_connections // 2 and held >= self.share:
            return False  # more than half full: no group takes more than its share
        # the reserve: only for groups holding little, and never half of what is left
        free = self.max_connections - self.total
        return free > self.reserve or (held < SMALL_GROUP and 2 * held < free)

    def take(self, client: str) -> bool:
        """Count a new connection of ``client`` (an address) if it may have one."""
        group = client_group(client)
        if not self.may_take(group) and not (self.total < self.max_connections
                                             and self._exempt(client)):
            return False
        self.total += 1
        self._groups[group] += 1
        self._addresses[client] += 1
        return True

    def give_back(self, client: str) -> None:
        self.total -= 1
        _decrement(self._groups, client_group(client))
        _decrement(self._addresses, client)

    def held(self, client: str) -> int:
        """Connections the group of ``client`` holds now."""
        return self._groups.get(client_group(client), 0)

    @property
    def clients(self) -> int:
        """Distinct addresses connected (an IPv6 /64 may hold several clients)."""
        return len(self._addresses)

    def clear(self) -> None:
        self.total = 0
        self._groups.clear()
        self._addresses.clear()


def _decrement(counter: Counter[str], key: str) -> None:
    left = counter[key] - 1
    if left > 0:
        counter[key] = left
    else:
        counter.pop(key, None)
