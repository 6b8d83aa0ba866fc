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
    bytes_sent: int  # body bytes the client received (on Linux: acknowledged)
    duration: float  # seconds from the request's arrival to the last byte sent
    user_agent: str
    referer: str
    tls: bool
    bytes_received: int = 0  # body bytes received (uploads)
    protocol: str = "HTTP/1.1"
    bytes_expected: int | None = None  # the body size the answer announced; None: not known
    complete: bool = True  # False when the body was cut short (client gone, file changed)

    @property
    def incomplete(self) -> bool:
        """The answer's body did not arrive whole: fewer bytes than announced, or cut short."""
        return not self.complete or (self.bytes_expected is not None
                                     and self.bytes_sent < self.bytes_expected)
