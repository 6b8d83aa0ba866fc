"""The record of one request, handed to the engine's sink, and the plain records of resumable
uploads that the window shows (built by server/tus_store.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class UploadMark:
    """Which resumable upload a tus request was about, and where it stood after it, so that
    the request log can show an upload as one row however many chunks it took."""

    key: str  # the upload's record key (a hash of its id; the id itself is never shown)
    file: str  # the target's share path, decoded: folder + name
    offset: int  # bytes received in all after this request
    length: int  # the upload's size

    @property
    def finished(self) -> bool:
        return self.offset >= self.length


@dataclass(frozen=True, slots=True)
class UnfinishedUpload:
    """A resumable upload that has not received its last byte, as the Clients tab lists it."""

    key: str  # its record key (a hash of the id): what ServerEngine.cancel_upload takes
    owner: str | None  # the account that started it; None: a visitor (no login)
    client: str  # the address of its last request; "" when none came since Pier started
    file: str  # the target's share path, decoded: folder + name
    length: int
    received: int  # bytes received so far, those of a chunk still arriving included
    receiving: bool  # a PATCH is sending to it now; False: paused
    last_activity: float  # wall-clock seconds of its last request (or its creation)

    @property
    def fraction(self) -> float:
        return min(1.0, self.received / self.length) if self.length else 0.0


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
    upload: UploadMark | None = None  # a tus request about one upload (server/routes_tus.py)
    # seconds of ``duration`` spent waiting for background work (a thumbnail being made by
    # the thumbnail thread): background work, not a slow request
    background_s: float = 0.0

    @property
    def incomplete(self) -> bool:
        """The answer's body did not arrive whole: fewer bytes than announced, or cut short."""
        return not self.complete or (self.bytes_expected is not None
                                     and self.bytes_sent < self.bytes_expected)
