"""Live properties of a file or folder (RFC 4918 §15, quotas from RFC 4331), as a pure
function of a ``DavEntry`` the route fills from its stat, and one PROPFIND ``D:response``.

Which property a resource has: a folder has no getcontentlength nor getcontenttype (Finder
counts a folder with a length as a file), and a getetag only when the route gives one;
quota-* only when the route gave numbers,
and never in allprop (RFC 4331 §3). A property asked for and not held is 404 in its own
propstat. Dates: getlastmodified in RFC 1123 form, creationdate in RFC 3339 (UTC).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

from server.dav_locks import Lock
from server.dav_render import (
    SUPPORTED_LOCK,
    href_of,
    lock_discovery,
    prop_element,
    propstat_response,
    status_line,
    xml_text,
)
from server.dav_xml import DAV, PropfindRequest, PropName, PropUpdate

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
           "Dec")
_LAST_SECOND = 253_402_300_799.0  # 9999-12-31T23:59:59Z


class DavEntry(NamedTuple):
    """What the live properties are made of, taken from one stat by the route (a tuple: a
    1,000-entry listing makes a thousand of them)."""

    url_path: str  # decoded; a folder's ends with "/" (the href keeps it)
    name: str  # displayname: the last name, "" for the share's root
    is_dir: bool
    size: int
    mtime: float
    created: float  # birth time where the platform has one, else ctime
    etag: str = ""  # with its quotes, as the GET answer sends it; "": no getetag
    content_type: str = "application/octet-stream"
    quota_used: int | None = None
    quota_available: int | None = None


@lru_cache(maxsize=4096)
def _day(days: int) -> tuple[str, str]:
    """A UTC day's ``Tue, 14 Nov 2023`` and ``2023-11-14`` (a listing's files share few days;
    gmtime and formatting were half the cost of rendering an entry)."""
    t = time.gmtime(days * 86_400)
    return (f"{_DAYS[t.tm_wday]}, {t.tm_mday:02d} {_MONTHS[t.tm_mon]} {t.tm_year}",
            f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}")


_DATES: dict[int, tuple[str, str]] = {}
_DATES_REMEMBERED = 65_536


def _dates(timestamp: float) -> tuple[str, str]:
    """(RFC 1123, RFC 3339) text of a file's timestamp, held within years 1970-9999: a date
    before the epoch or absurdly far ahead (FAT disks, copied archives) must not fail the
    listing (Windows' gmtime refuses negative times) nor print a five-digit year. Remembered
    by the second: a listing asks for two dates per entry, and again at every PROPFIND."""
    if 0.0 <= timestamp <= _LAST_SECOND:
        second = int(timestamp)
    else:
        second = int(min(max(timestamp, 0.0), _LAST_SECOND))
    found = _DATES.get(second)
    if found is None:
        days, seconds = divmod(second, 86_400)
        hours, seconds = divmod(seconds, 3600)
        minutes, seconds = divmod(seconds, 60)
        day, clock = _day(days), f"{hours:02d}:{minutes:02d}:{seconds:02d}"
        if len(_DATES) >= _DATES_REMEMBERED:
            _DATES.clear()
        found = _DATES[second] = (f"{day[0]} {clock} GMT", f"{day[1]}T{clock}Z")
    return found


def http_date(timestamp: float) -> str:
    """RFC 1123 date (``Sun, 06 Nov 1994 08:49:37 GMT``), without locale or email.utils."""
    return _dates(timestamp)[0]


def rfc3339(timestamp: float) -> str:
    return _dates(timestamp)[1]


def _length(entry: DavEntry) -> str | None:
    return None if entry.is_dir else str(entry.size)


def _content_type(entry: DavEntry) -> str | None:
    return None if entry.is_dir else xml_text(entry.content_type)


def _etag(entry: DavEntry) -> str | None:
    return xml_text(entry.etag) if entry.etag else None


def _resource_type(entry: DavEntry) -> str:
    return "<D:collection/>" if entry.is_dir else ""


def _quota_used(entry: DavEntry) -> str | None:
    return None if entry.quota_used is None else str(entry.quota_used)


def _quota_available(entry: DavEntry) -> str | None:
    return None if entry.quota_available is None else str(entry.quota_available)


# The value of each live property other than the lock ones, None when the resource has none.
_LIVE: dict[PropName, Callable[[DavEntry], str | None]] = {
    (DAV, "displayname"): lambda e: xml_text(e.name),
    (DAV, "getcontentlength"): _length,
    (DAV, "getcontenttype"): _content_type,
    (DAV, "getetag"): _etag,
    (DAV, "getlastmodified"): lambda e: http_date(e.mtime),
    (DAV, "creationdate"): lambda e: rfc3339(e.created),
    (DAV, "resourcetype"): _resource_type,
    (DAV, "quota-available-bytes"): _quota_available,
    (DAV, "quota-used-bytes"): _quota_used,
}
_LOCK_PROPS = ((DAV, "supportedlock"), (DAV, "lockdiscovery"))
LIVE_NAMES: tuple[PropName, ...] = (*_LIVE, *_LOCK_PROPS)
_NOT_IN_ALLPROP = frozenset({(DAV, "quota-available-bytes"), (DAV, "quota-used-bytes")})


def live_value(name: PropName, entry: DavEntry, locks: Sequence[Lock], now: float
               ) -> str | None:
    """The element for one live property, or None when ``entry`` does not have it."""
    if name == (DAV, "supportedlock"):
        return SUPPORTED_LOCK
    if name == (DAV, "lockdiscovery"):
        return lock_discovery(locks, now)
    value_of = _LIVE.get(name)
    if value_of is None:
        return None
    value = value_of(entry)
    return None if value is None else prop_element(name, value)


def propfind_response(entry: DavEntry, request: PropfindRequest,
                      locks: Sequence[Lock] = (), now: float = 0.0) -> str:
    """The ``D:response`` of one resource: ``locks`` are those covering it (the lock
    manager's ``locks_on``) and ``now`` the clock's monotonic reading, for timeouts left."""
    href = href_of(entry.url_path)
    if request.kind == "allprop":
        return _allprop_response(href, entry, locks, now, request.names)
    if request.kind == "propname":
        names = [prop_element(n) for n in LIVE_NAMES if live_value(n, entry, locks, now)]
        return propstat_response(href, {200: names})
    found: list[str] = []
    missing: list[str] = []
    for kind, value_of, opened, closed, empty, name in _plan(request.names):
        if kind is _LIVE_VALUE:
            value = value_of(entry)  # type: ignore[misc]
            if value is None:
                missing.append(empty)
            else:
                found.append(f"{opened}{value}{closed}" if value else empty)
        elif kind is _NEVER_HELD:
            missing.append(empty)
        else:  # a lock property: every resource has it
            found.append(live_value(name, entry, locks, now) or empty)
    if found:
        held = (f"<D:propstat><D:prop>{''.join(found)}</D:prop><D:status>{_OK}</D:status>"
                "</D:propstat>")
    else:  # a response needs a propstat: an empty 200 one when nothing else is there
        held = "" if missing else f"<D:propstat><D:prop/><D:status>{_OK}</D:status></D:propstat>"
    absent = (f"<D:propstat><D:prop>{''.join(missing)}</D:prop><D:status>{_NOT_FOUND}"
              "</D:status></D:propstat>") if missing else ""
    return f"<D:response><D:href>{href}</D:href>{held}{absent}</D:response>"


# One step of a ``prop`` request, worked out once per request's names rather than once per
# entry of a listing: (kind, value function, open tag, close tag, empty element, name).
_LIVE_VALUE, _LOCK_VALUE, _NEVER_HELD = "live", "lock", "never"
_Step = tuple[str, Callable[[DavEntry], "str | None"] | None, str, str, str, PropName]


@lru_cache(maxsize=64)
def _plan(names: tuple[PropName, ...]) -> tuple[_Step, ...]:
    steps = []
    for name in names:
        opened, _, closed = prop_element(name, "\0").partition("\0")
        value_of = _LIVE.get(name)
        kind = _LIVE_VALUE if value_of else _LOCK_VALUE if name in _LOCK_PROPS else _NEVER_HELD
        steps.append((kind, value_of, opened, closed, prop_element(name), name))
    return tuple(steps)


_OK = status_line(200)
_NOT_FOUND = status_line(404)


def _allprop_response(href: str, entry: DavEntry, locks: Sequence[Lock], now: float,
                      include: Sequence[PropName]) -> str:
    """Every live property the entry has, in one string (the hot path of a 1,000-entry
    Depth 1 listing), plus those named by ``include`` (quotas)."""
    modified = _dates(entry.mtime)[0]
    created = _dates(entry.created)[1]
    if entry.is_dir:
        file_props = ""
        resource_type = "<D:resourcetype><D:collection/></D:resourcetype>"
    else:
        file_props = (f"<D:getcontentlength>{entry.size}</D:getcontentlength>"
                      f"<D:getcontenttype>{xml_text(entry.content_type)}</D:getcontenttype>")
        resource_type = "<D:resourcetype/>"
    etag = f"<D:getetag>{xml_text(entry.etag)}</D:getetag>" if entry.etag else ""
    included = "".join(value for name in include if name in _NOT_IN_ALLPROP
                       and (value := live_value(name, entry, locks, now))) if include else ""
    return (f"<D:response><D:href>{href}</D:href><D:propstat><D:prop>"
            f"<D:displayname>{xml_text(entry.name)}</D:displayname>{file_props}{etag}"
            f"<D:getlastmodified>{modified}</D:getlastmodified>"
            f"<D:creationdate>{created}</D:creationdate>{resource_type}{SUPPORTED_LOCK}"
            f"{lock_discovery(locks, now) if locks else '<D:lockdiscovery/>'}{included}"
            f"</D:prop><D:status>{_OK}</D:status></D:propstat></D:response>")


def proppatch_statuses(updates: Sequence[PropUpdate],
                       verdict: Callable[[PropUpdate], int]) -> dict[PropName, int]:
    """The status of each property of a PROPPATCH, all or nothing (RFC 4918 §9.2): ``verdict``
    says what one instruction alone would get (200 done, 403 refused, 409...); when any
    fails, the ones that would have succeeded become 424 Failed Dependency (and the route
    must not apply them). The last instruction on a name decides its status."""
    statuses = {update.name: verdict(update) for update in updates}
    if any(status >= 300 for status in statuses.values()):
        statuses = {name: 424 if status < 300 else status for name, status in statuses.items()}
    return statuses


def proppatch_response(url_path: str, statuses: dict[PropName, int]) -> str:
    """The ``D:response`` of a PROPPATCH: one propstat per status, empty property elements."""
    by_status: dict[int, list[str]] = {}
    for name, status in statuses.items():
        by_status.setdefault(status, []).append(prop_element(name))
    return propstat_response(href_of(url_path), by_status)
