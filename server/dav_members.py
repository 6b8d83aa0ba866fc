"""The members of a folder in a ``Depth: 1`` PROPFIND: their ``DavEntry`` from the listing's
one stat each, and their ``D:response`` strings remembered between requests.

Clients list the same folders again and again (rclone before every sync step, Explorer and
Finder whenever a window shows the folder). A member's answer is a pure function of the
folder's URL path, the properties asked, and the member's name, kind, size and st_mtime_ns,
so it is remembered under exactly those: the listing's fresh stat decides, never an age, and
a changed file (new size or mtime) misses and is rendered anew. Answers that depend on more
(locks: lockdiscovery; quotas: the disk's numbers) are not remembered: the route renders
them each time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Protocol

from server.dav_props import DavEntry, propfind_response
from server.dav_xml import PropfindRequest
from server.files import content_type, make_etag

MEMBERS_REMEMBERED = 4096  # answers kept over all folders (0.7 KiB for allprop, ~2.5 KiB at most)

_MemberKey = tuple[str, bool, int, int]  # name, is a folder, size, st_mtime_ns


class Member(Protocol):
    """A listed entry (server.listing.Entry)."""

    @property
    def name(self) -> str: ...
    @property
    def is_dir(self) -> bool: ...
    @property
    def size(self) -> int: ...
    @property
    def mtime(self) -> float: ...
    @property
    def mtime_ns(self) -> int: ...


def member_entry(folder_url: str, member: Member, used: int | None = None,
                 free: int | None = None) -> DavEntry:
    """A member's properties (``folder_url`` ends with "/"): a file's getetag is the ETag a
    GET of it answers (files.make_etag of the same st_mtime_ns and size); a folder has none,
    and the quota numbers when they are asked."""
    if member.is_dir:
        return DavEntry(folder_url + member.name + "/", member.name, True, 0, member.mtime,
                        member.mtime, "", "", used, free)
    return DavEntry(folder_url + member.name, member.name, False, member.size, member.mtime,
                    member.mtime, make_etag(member.mtime_ns, member.size),
                    content_type(member.name))


class RenderedMembers:
    """Each (folder, request)'s member answers from its last listing, the least recently
    listed forgotten first past MEMBERS_REMEMBERED answers in all."""

    def __init__(self, limit: int = MEMBERS_REMEMBERED) -> None:
        self._limit = limit
        self._mutex = threading.Lock()
        self._folders: dict[tuple[str, PropfindRequest], dict[_MemberKey, str]] = {}
        self._held = 0

    def responses(self, folder_url: str, request: PropfindRequest,
                  members: Iterable[Member]) -> list[str]:
        """The ``D:response`` of each member, in the listing's order, without locks or
        quotas."""
        key = (folder_url, request)
        with self._mutex:
            previous = self._folders.get(key, {})
        current: dict[_MemberKey, str] = {}
        out = []
        for member in members:
            member_key = (member.name, member.is_dir, member.size, member.mtime_ns)
            text = previous.get(member_key)
            if text is None:
                text = propfind_response(member_entry(folder_url, member), request)
            current[member_key] = text
            out.append(text)
        self._keep(key, current)
        return out

    def _keep(self, key: tuple[str, PropfindRequest], current: dict[_MemberKey, str]) -> None:
        """Keep the listing's answers as the folder's (those of members gone or changed are
        dropped with the previous ones)."""
        with self._mutex:
            replaced = self._folders.pop(key, None)
            if replaced is not None:
                self._held -= len(replaced)
            if not current or len(current) > self._limit:
                return
            while self._held + len(current) > self._limit:
                oldest = next(iter(self._folders))
                self._held -= len(self._folders.pop(oldest))
            self._folders[key] = current
            self._held += len(current)
