"""The record of one request, handed to the engine's sink."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)  # not frozen: that costs ~1 us per request; treat it as read-only
class RequestRecord:
    time: float  # wall-clock seconds since the epoch, when the request arrived
    client: str  # client IP address
    user: str  # authenticated user name, "" when anonymous
    method: str
    path: str  # the request target as sent (still percent-encoded); "" if unreadable
    status: int
    bytes_sent: int  # body bytes sent
    duration: float  # seconds from the request's arrival to the last byte sent
    user_agent: str
    referer: str
    tls: bool
    bytes_received: int = 0  # body bytes received (uploads)
    protocol: str = "HTTP/1.1"
