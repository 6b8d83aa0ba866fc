"""The addresses other devices can use to reach a running share."""

from __future__ import annotations

import ipaddress
import socket

from server.interface_kinds import interface_kind, ipv4_interface_addresses

WILDCARDS = ("0.0.0.0", "::", "")


def lan_ipv4_addresses() -> list[str]:
    """IPv4 addresses of this machine's interfaces that are up, loopback excluded, sorted:
    ordinary interfaces first (a VPN's, Docker's or a virtual machine's last:
    server/interface_kinds.py), private before public, then by address."""
    rank: dict[str, tuple[bool, bool]] = {}
    for found in ipv4_interface_addresses():
        key = (interface_kind(found.interface) is not None,
               not ipaddress.ip_address(found.address).is_private)
        rank[found.address] = min(rank.get(found.address, key), key)
    return sorted(rank, key=lambda a: (*rank[a], a))


def host_names() -> list[str]:
    """The machine's host name and its mDNS form (NAME.local)."""
    name = socket.gethostname().split(".")[0]
    if not name or name == "localhost":
        return []
    return [name, f"{name}.local"]


def make_url(host: str, port: int, tls: bool = False) -> str:
    scheme = "https" if tls else "http"
    if ":" in host:
        host = f"[{host}]"
    default = 443 if tls else 80
    return f"{scheme}://{host}/" if port == default else f"{scheme}://{host}:{port}/"


def share_urls(host: str, port: int, tls: bool = False) -> list[str]:
    """Every URL a client can use. The first is the one for ``host`` (127.0.0.1 for a wildcard)."""
    if host not in WILDCARDS:
        return [make_url(host, port, tls)]
    hosts = ["127.0.0.1", *lan_ipv4_addresses(), *host_names()]
    return [make_url(h, port, tls) for h in dict.fromkeys(hosts)]
