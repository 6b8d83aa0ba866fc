"""Whether an address is this computer only (a phone could not open it): one answer for the
window's QR codes, the tray, the share links' addresses and the connection doctor."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_loopback_url(url: str) -> bool:
    """Only this computer can open ``url``."""
    return is_loopback_host(urlsplit(url).hostname or "")
