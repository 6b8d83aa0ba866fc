"""WebDAV request headers (RFC 4918 §10): ``If``, ``Timeout``, ``Lock-Token``, ``Depth``.

The ``If`` header (§10.4) is read the way real clients write it, not only as the grammar has
it: Windows' Mini-Redirector and Office send untagged lists (``(<urn:uuid:...>)``), davfs2,
cadaver (neon) and macOS tag them with an absolute URL (``<http://host/a.txt> (<token>)``),
some send a relative path as the tag, mix tagged and untagged lists, write ``not`` in lower
case, leave out spaces, or send a bare ``<token>`` with no parentheses (read as an untagged
list holding that token). A header that cannot be read at all is a ``DavBadRequest``.

What a route needs from it: ``submitted_tokens`` (the state tokens the request shows, for the
lock manager's ``blocking``) and ``evaluate`` (whether the header's conditions hold, else 412).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from server.dav_xml import DavBadRequest

MAX_CONDITIONS = 256  # conditions in one If header (a MOVE of a folder lists one per lock)
# A Coded-URL that is a state token rather than a resource tag, for the bare-token case.
_TOKEN_SCHEMES = ("urn:uuid:", "opaquelocktoken:", "dav:no-lock")
_ITEM = re.compile(r"""\s*(?:
      (?P<not>not)(?=[\s<\[])
    | <(?P<url>[^>]*)>
    | \[(?P<etag>[^\]]*)\]
    | (?P<open>\()
    | (?P<close>\))
    )""", re.IGNORECASE | re.VERBOSE)


@dataclass(frozen=True, slots=True)
class Condition:
    negated: bool
    token: str | None = None  # a state token (lock token), or None for an entity tag
    etag: str | None = None  # as sent, quotes included: '"abc"' or 'W/"abc"'


@dataclass(frozen=True, slots=True)
class ConditionList:
    """One parenthesised list: true when every condition is. ``resource`` is the tag the list
    applies to as sent (an absolute URL or a path), or None for the request's own URL."""

    resource: str | None
    conditions: tuple[Condition, ...]


# For evaluate: the state of a resource (None: the request's own URL), as
# (its lock tokens, its current ETag or None).
StateLookup = Callable[[str | None], tuple[frozenset[str], str | None]]


@dataclass(frozen=True, slots=True)
class IfHeader:
    lists: tuple[ConditionList, ...]

    def submitted_tokens(self) -> frozenset[str]:
        """Every state token the header names outside a ``Not``: the lock tokens the request
        submits (RFC 4918 §6.5; whether they are the caller's is the lock manager's check)."""
        return frozenset(c.token for entry in self.lists for c in entry.conditions
                         if c.token is not None and not c.negated)

    def evaluate(self, state_of: StateLookup) -> bool:
        """True when at least one list holds (§10.4.3): a token condition holds when the
        resource has that lock token, an entity tag when it equals the resource's ETag
        (weak comparison: clients copy ETags from PROPFIND and GET alike)."""
        return not self.lists or any(self._holds(entry, state_of) for entry in self.lists)

    @staticmethod
    def _holds(entry: ConditionList, state_of: StateLookup) -> bool:
        tokens, etag = state_of(entry.resource)
        for condition in entry.conditions:
            if condition.token is not None:
                matched = condition.token in tokens
            else:
                matched = etag is not None and _weak(condition.etag or "") == _weak(etag)
            if matched == condition.negated:
                return False
        return True


NO_IF = IfHeader(())


def parse_if(value: str) -> IfHeader:
    """The ``If`` header; ``NO_IF`` when absent or blank."""
    if not value.strip():
        return NO_IF
    lists: list[ConditionList] = []
    resource: str | None = None
    current: list[Condition] | None = None
    negated = False
    dangling = False  # a resource tag not followed by a list yet
    count = 0
    position = 0
    while position < len(value):
        match = _ITEM.match(value, position)
        if match is None:
            if value[position:].strip():
                raise DavBadRequest("unreadable If header")
            break
        position = match.end()
        count += 1
        if count > MAX_CONDITIONS:
            raise DavBadRequest("If header too long")
        if match["open"]:
            if current is not None:
                raise DavBadRequest("unreadable If header")
            current = []
        elif match["close"]:
            if current is None or negated or not current:
                raise DavBadRequest("unreadable If header")
            lists.append(ConditionList(resource, tuple(current)))
            current = None
            dangling = False
        elif match["not"]:
            if current is None or negated:
                raise DavBadRequest("unreadable If header")
            negated = True
        elif current is None:  # a Coded-URL outside a list: a resource tag (or a bare token)
            url = match["url"]
            if url is None:
                raise DavBadRequest("unreadable If header")
            if url.strip().lower().startswith(_TOKEN_SCHEMES) and _no_list_follows(value,
                                                                                  position):
                lists.append(ConditionList(None, (Condition(False, token=url.strip()),)))
            else:
                resource = url.strip()
                dangling = True
        else:
            url = match["url"]
            if url is not None:
                current.append(Condition(negated, token=url.strip()))
            else:
                current.append(Condition(negated, etag=match["etag"].strip()))
            negated = False
    if current is not None or dangling:
        raise DavBadRequest("unreadable If header")
    return IfHeader(tuple(lists))


def tag_path(resource: str) -> str:
    """The path part of an If header's resource tag (``http://host:8000/a%20b`` ->
    ``/a%20b``), still percent-encoded: the route decodes it as it decodes a request target
    and checks that it names this share."""
    return urlsplit(resource).path or "/"


def parse_timeout(value: str, cap: float) -> float:
    """The ``Timeout`` header (§10.7): the first ``Second-N`` or ``Infinite`` in the list,
    capped at ``cap``; ``cap`` when absent or unreadable (a lock's timeout is the server's
    choice, and Windows sends ``Infinite, Second-4100000000``)."""
    for item in value.split(","):
        item = item.strip()
        if item.lower() == "infinite":
            return cap
        if item.lower().startswith("second-"):
            digits = item[7:]
            if digits.isascii() and digits.isdigit() and len(digits) <= 12:
                return float(min(max(int(digits), 1), cap))
    return cap


def parse_lock_token(value: str) -> str:
    """The token of an UNLOCK's ``Lock-Token: <urn:uuid:...>`` (the brackets are lenient)."""
    token = value.strip()
    if token.startswith("<") and token.endswith(">"):
        token = token[1:-1].strip()
    if not token or any(c in token for c in "<> \t"):
        raise DavBadRequest("missing or unreadable Lock-Token header")
    return token


def parse_depth(value: str, default: str) -> str:
    """``0``, ``1`` or ``infinity`` (§10.2); ``default`` when absent."""
    depth = value.strip().lower() or default
    if depth not in ("0", "1", "infinity"):
        raise DavBadRequest("Depth must be 0, 1 or infinity")
    return depth


def _no_list_follows(value: str, position: int) -> bool:
    return not value[position:].lstrip().startswith("(")


def _weak(etag: str) -> str:
    return etag[2:] if etag.startswith(("W/", "w/")) else etag
