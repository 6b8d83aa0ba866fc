"""Conditional and range requests (RFC 9110 §13 and §14): whether a download is answered
304, whether If-Range lets a range through, and the one byte range Pier sends."""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime
from enum import Enum
from typing import Final

from server.http11 import HttpError, http_date
from server.page_i18n import N_

_RANGE_NUMBER = re.compile(r"[0-9]+")
_RANGE_DIGITS_MAX = 19  # longer numbers are past any file: clamped, never given to int()


def not_modified(headers: dict[str, str], etag: str, mtime: float) -> bool:
    """RFC 9110 section 13.2.2: If-None-Match wins over If-Modified-Since."""
    inm = headers.get("if-none-match")
    if inm is not None:
        if inm.strip() == "*":
            return True
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return etag in tags
    ims = headers.get("if-modified-since")
    if ims is None:
        return False
    try:
        since = parsedate_to_datetime(ims).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return False
    return int(mtime) <= since


def etag_matches(headers: dict[str, str], etag: str) -> bool:
    """If-None-Match names ``etag`` (weak comparison, as RFC 9110 13.1.2 wants for GET) or is
    "*": for answers that have an ETag and no Last-Modified."""
    value = headers.get("if-none-match")
    if value is None:
        return False
    return value.strip() == "*" or etag in {t.strip().removeprefix("W/") for t in value.split(",")}


def if_range_matches(value: str, etag: str, mtime: float, now: float) -> bool:
    """Whether a range may be sent for If-Range ``value``. A date is a strong validator only
    when the file is at least a second older than now (RFC 9110 8.8.2.2): a file written
    twice within that second has one Last-Modified for two versions."""
    value = value.strip()
    if value.startswith('"'):
        return value == etag
    return value == http_date(mtime) and now - mtime >= 1


def parse_range(value: str, size: int) -> tuple[int, int] | None:
    """One byte range as (start, end inclusive); None means "ignore Range, send everything".

    Raises HttpError(416) when the range is well-formed but cannot be satisfied. Several ranges
    are answered with the whole file (allowed by RFC 9110), which also defuses
    overlapping-range abuse."""
    unit, sep, spec = value.partition("=")
    if not sep or unit.strip().lower() != "bytes" or "," in spec:
        return None
    first_text, dash, last_text = spec.strip().partition("-")
    first, last = _range_number(first_text), _range_number(last_text)
    if not dash or first is _INVALID or last is _INVALID:
        return None
    if first is None:
        if last is None:
            return None
        if last == 0 or size == 0:
            raise HttpError(416, N_("The requested range is not satisfiable."), close=False)
        return max(0, size - last), size - 1
    start = first
    if last is not None and last < start:
        return None  # syntactically invalid: ignored, as RFC 9110 14.2 says
    end = last if last is not None else size - 1
    if start >= size:
        raise HttpError(416, N_("The requested range is not satisfiable."), close=False)
    return start, min(end, size - 1)


class _Bound(Enum):
    INVALID = "invalid"


_INVALID: Final = _Bound.INVALID


def _range_number(text: str) -> int | _Bound | None:
    """A Range bound: None when empty, _INVALID unless ASCII digits (str.isdigit() also
    accepts '²'), and huge numbers clamped instead of converted digit by digit."""
    if text == "":
        return None
    if not _RANGE_NUMBER.fullmatch(text):
        return _INVALID
    if len(text) > _RANGE_DIGITS_MAX:
        return 2**63
    return int(text)
