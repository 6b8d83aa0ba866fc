"""Which names a request may give in ``Host``: the share's own, never a stranger's.

DNS rebinding: a web page on ``evil.example`` whose name is later made to point at this
machine would talk to the share as its own origin, and a browser sends ``Host: evil.example``.
Accepting only the names the share really has (its IP literals, localhost, the machine's
host names, the certificate's names and the names the owner added) stops it: anything else
is answered 421 before any routing. Names are compared whole; there are no wildcards.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from pathlib import Path

from cryptography import x509

from server.urls import host_names

MAX_REMEMBERED = 256  # accepted Host values kept (a share has a handful of names and ports)


class HostNames:
    """Answers "is this Host header one of ours?" in a set lookup after the first time."""

    def __init__(self, names: Iterable[str]) -> None:
        self._names = frozenset(_normal(n) for n in names if n)
        self._local_ips: set[str] = set()  # addresses seen as a connection's local address
        self._accepted: set[str] = set()  # Host values already accepted, as sent

    def accepts(self, header: str, sock: socket.socket) -> bool:
        """``sock``: the client's connection (its local address is one of ours)."""
        if header in self._accepted:  # the hot path: the same few values again and again
            return True
        if self._judge(header, sock):
            if len(self._accepted) < MAX_REMEMBERED:
                self._accepted.add(header)
            return True
        return False

    def _judge(self, header: str, sock: socket.socket) -> bool:
        name = _host_part(header)
        if name is None:
            return False
        if name in self._names:
            return True
        ip = _ip_literal(name)
        if ip is None:
            return False
        if ip.is_loopback or str(ip) in self._local_ips:
            return True
        try:  # an address of this machine only if a client reached us through it
            local = _ip_literal(str(sock.getsockname()[0]))
        except OSError:
            return False
        if local is not None and local == ip:
            self._local_ips.add(str(ip))
            return True
        return False


def share_names(*, extra: Iterable[str] = (), certificate: Path | None = None,
                announced: str | None = None) -> list[str]:
    """The names a share answers to: localhost, the machine's host names, the names in its
    certificate, the announced mDNS name and the owner's extra names."""
    names = ["localhost", socket.gethostname(), *host_names(), *extra]
    if announced:
        names.append(announced)
    if certificate is not None:
        names += certificate_names(certificate)
    return names


def certificate_names(chain: Path) -> list[str]:
    """The DNS names of the first certificate in a PEM chain (none if it cannot be read)."""
    try:
        cert = x509.load_pem_x509_certificate(chain.read_bytes())
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (OSError, ValueError, x509.ExtensionNotFound):
        return []
    return [name for name in san.get_values_for_type(x509.DNSName) if not name.startswith("*")]


def _normal(name: str) -> str:
    return name.strip().rstrip(".").lower()


def _host_part(header: str) -> str | None:
    """The host of a Host header (or an absolute-form authority) without port, lower-cased;
    None when it is malformed."""
    text = header.strip().lower()
    if text.startswith("["):
        end = text.find("]")
        if end < 0 or (text[end + 1:] and not _is_port(text[end + 1:])):
            return None
        return text[1:end]
    host, colon, port = text.rpartition(":") if ":" in text else (text, "", "")
    if colon and not port.isdigit():
        return None
    return host.rstrip(".") or None


def _is_port(text: str) -> bool:
    return text.startswith(":") and text[1:].isdigit()


def _ip_literal(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        ip = ipaddress.ip_address(text.partition("%")[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip
