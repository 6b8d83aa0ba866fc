"""Behind a reverse proxy (``--trusted-proxy CIDR``): who the client really is, and which host
and scheme it used, read from ``X-Forwarded-For``, ``X-Forwarded-Host`` and
``X-Forwarded-Proto`` - but only when the TCP peer is one of the trusted proxies. Anyone else's
``X-Forwarded-*`` headers are ignored: they are the client's own words.

The client is the right-most address of ``X-Forwarded-For`` (several such headers are joined in
order, server/http11.py) that is not itself a trusted proxy: each proxy appends the address it
was connected from, so what lies left of the first untrusted address was written by the client
and proves nothing. A malformed entry on the way there, or a list longer than MAX_HOPS, gives the
peer's own address: never a guess, never an error.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass

from server.control import AccessPolicy, Network, parse_network, plain_address
from server.exchange import Exchange
from server.http11 import HttpError, Request

MAX_HOPS = 32  # entries of X-Forwarded-For looked at, from the right
_PORT_SUFFIX = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$")  # "192.0.2.7:51000"
_BRACKETED = re.compile(r"^\[([0-9A-Fa-f:.]+)\](?::\d{1,5})?$")  # "[2001:db8::7]:51000"


@dataclass(frozen=True, slots=True)
class Forwarded:
    """What a trusted proxy said about one request."""

    client: str  # the real client's address, as client_address writes addresses
    host: str | None  # X-Forwarded-Host, the name the client used; None when not sent
    https: bool | None  # X-Forwarded-Proto: True for https, False for http, None when unsaid


class TrustedProxies:
    """The networks whose ``X-Forwarded-*`` headers are believed."""

    def __init__(self, networks: Iterable[str]) -> None:
        self._networks: tuple[Network, ...] = tuple(parse_network(n) for n in networks)

    def __bool__(self) -> bool:
        return bool(self._networks)

    def trusts(self, address: str) -> bool:
        """Whether ``address`` (a connection's client address) is a trusted proxy."""
        ip = _address(address)
        return ip is not None and any(ip in net for net in self._networks)

    def forwarded(self, peer: str, headers: dict[str, str]) -> Forwarded | None:
        """What the proxy ``peer`` said, or None when ``peer`` is not trusted (its headers
        are then ignored whole)."""
        if not self.trusts(peer):
            return None
        return Forwarded(self._client(peer, headers.get("x-forwarded-for", "")),
                         _last(headers.get("x-forwarded-host", "")) or None,
                         _scheme(headers.get("x-forwarded-proto", "")))

    def _client(self, peer: str, chain: str) -> str:
        entries = [e.strip() for e in chain.split(",")] if chain else []
        client = peer
        for entry in reversed(entries[-MAX_HOPS:]):
            ip = _address(entry)
            if ip is None:
                return peer  # malformed: nothing in this chain can be relied on
            client = str(ip)
            if not any(ip in net for net in self._networks):
                return client
        if len(entries) > MAX_HOPS:
            return peer
        return client  # only proxies: the left-most is as near to the client as it gets


def believe_proxy(proxies: TrustedProxies, bans: AccessPolicy | None, ex: Exchange,
                  request: Request) -> bool:
    """The router's use of a trusted proxy's word (server/handler.py): the client it names is
    the one the log, bans, lock-outs and per-address limits see (``ex.forwarded_for``); the
    host it names is the one the Host and same-origin checks see (it replaces ``Host``).
    Returns whether the client used TLS. A peer that is no trusted proxy changes nothing."""
    said = proxies.forwarded(ex.conn.client, request.headers)
    if said is None:
        return ex.conn.tls
    ex.forwarded_for = said.client
    if bans is not None and bans.active and not bans.allows(said.client):
        raise HttpError(403, "This address may not use this share.")
    if said.host is not None:
        request.headers["host"] = said.host
    return ex.conn.tls if said.https is None else said.https


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address as X-Forwarded-For writes it (with or without a port); None if malformed."""
    for pattern in (_PORT_SUFFIX, _BRACKETED):
        found = pattern.match(text)
        if found:
            text = found.group(1)
            break
    try:
        return plain_address(ipaddress.ip_address(text))
    except ValueError:
        return None


def _last(value: str) -> str:
    """The right-most entry of a comma-separated header: the one the nearest proxy wrote."""
    return value.rpartition(",")[2].strip()


def _scheme(value: str) -> bool | None:
    scheme = _last(value).lower()
    return True if scheme == "https" else False if scheme == "http" else None


def shared_proxy_ranges(networks: tuple[str, ...]) -> list[str]:
    """The ``--trusted-proxy`` ranges that hold more than one address (a /24, a /16,
    0.0.0.0/0...): every other machine in one may claim to be any client (X-Forwarded-For) and
    so get past bans, lock-outs and per-address limits. The range should be the proxy's own
    address: ``pier serve`` warns about these at start."""
    return [text for text in networks
            if ipaddress.ip_network(text, strict=False).num_addresses > 1]

