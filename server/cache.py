"""Bounded caches that keep the hot path fast without ever serving stale content.

A file's facts are keyed by (path, mtime_ns, size, inode, device, ctime_ns): any change on disk
is seen at the next request's stat. The ctime is there because user space cannot set it back: a
file edited in place to the same size with its old mtime restored (``touch -r``, a tool that
keeps times, two writes within one tick of a coarse clock) still changes it. A folder listing is
keyed by the folder's mtime_ns and also re-read at most a second later, because a file growing
inside a folder does not change the folder's mtime. A listing that shows a file's content (its
README) is also checked against that file's identity, since editing a file in place does not
change its folder's mtime either.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass

from server.cache_budget import ITEM_OVERHEAD, ByteBudget
from server.clock import SYSTEM_CLOCK, Clock
from server.files import (
    ACTIVE_CONTENT_CSP,
    content_disposition,
    content_type,
    is_inline_type,
    is_passive_type,
    make_etag,
)
from server.http11 import http_date
from server.listing_holds import ListingHolds

Opener = Callable[..., int]  # (fs_path, directory=False) -> an fd checked to be in the share
FileKey = tuple[int, int, int, int, int]  # see file_key()
SMALL_FILE = 256 * 1024  # bodies up to this size are kept in memory
LISTING_MAX_AGE = 1.0


@dataclass(slots=True)
class FileFacts:
    fs_path: str
    key: FileKey  # file_key() of the version described
    size: int
    mtime: float
    etag: str
    last_modified: str
    ctype: str
    headers: bytes  # prebuilt header lines shared by 200/206/304 answers (no length, no status)
    download_headers: bytes  # the same, forcing a download
    body: bytes | None = None


def _facts(fs_path: str, st: os.stat_result, *, website_mode: bool = False) -> FileFacts:
    """The prebuilt headers of a file. Unless the owner chose website mode, a type not known to
    be passive is sandboxed on every answer (200, 206, 304, HEAD, ?download): it never runs as
    the share's origin."""
    name = os.path.basename(fs_path)
    ctype = content_type(name)
    etag = make_etag(st.st_mtime_ns, st.st_size)
    modified = http_date(st.st_mtime)
    common = (f"Content-Type: {ctype}\r\nETag: {etag}\r\nLast-Modified: {modified}\r\n"
              "Accept-Ranges: bytes\r\nX-Content-Type-Options: nosniff\r\n")
    if not website_mode and not is_passive_type(ctype):
        common += ACTIVE_CONTENT_CSP
    inline = is_inline_type(ctype)
    view = common + f"Content-Disposition: {content_disposition(name, attachment=not inline)}\r\n"
    save = common + f"Content-Disposition: {content_disposition(name, attachment=True)}\r\n"
    return FileFacts(fs_path, file_key(st), st.st_size, st.st_mtime,
                     etag, modified, ctype, view.encode("utf-8"), save.encode("utf-8"))


class FileCache:
    """Facts and small bodies of files, kept in the share's one ByteBudget (LRU by bytes).

    ``website_mode`` (the owner's choice to run a site) serves pages, SVG and scripts without
    the sandbox, so they run as the share's origin; off by default."""

    def __init__(self, *, website_mode: bool = False, budget: ByteBudget | None = None) -> None:
        self._website_mode = website_mode
        self._budget = budget or ByteBudget()
        self._lock = threading.Lock()

    def facts(self, fs_path: str, st: os.stat_result) -> FileFacts:
        key = file_key(st)
        cached = self._budget.get(("file", fs_path))
        if isinstance(cached, FileFacts) and cached.key == key:
            return cached
        fresh = _facts(fs_path, st, website_mode=self._website_mode)
        self._budget.put(("file", fs_path), fresh, _held(fresh))
        return fresh

    def body(self, facts: FileFacts, opener: Opener) -> bytes | None:
        """The whole body of a small file, read once through ``opener`` (which checks what it
        opened); None for large files or a file that changed while being read (the caller
        then streams it from disk)."""
        if facts.body is not None or facts.size > SMALL_FILE:
            return facts.body
        data = _read_if_unchanged(facts, opener)
        if data is not None:
            with self._lock:
                if facts.body is None:
                    facts.body = data
            self._budget.resize(("file", facts.fs_path), facts, _held(facts))
        return data


def _held(facts: FileFacts) -> int:
    """The bytes one file's facts keep: its path, its prebuilt headers and its body."""
    return (len(facts.fs_path) + len(facts.headers) + len(facts.download_headers)
            + (len(facts.body) if facts.body is not None else 0))


def file_key(st: os.stat_result) -> FileKey:
    """What identifies one version of one file: any change on disk changes it. (On Windows
    st_ctime_ns is the creation time: there a same-size edit with its mtime put back is not
    seen.)"""
    return st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev, st.st_ctime_ns


def sent_unchanged(st: os.stat_result, key: FileKey) -> bool:
    """For a descriptor whose bytes were just sent: still the version ``key`` names, as far as
    its stat tells. The ctime is left out here: replacing the file's name atomically unlinks
    this inode, which changes its ctime and not one byte of what is being sent."""
    return (st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev) == key[:4]


def _read_if_unchanged(facts: FileFacts, opener: Opener) -> bytes | None:
    fd = opener(facts.fs_path)
    try:
        with os.fdopen(fd, "rb") as f:
            data = f.read(facts.size + 1)
            st = os.fstat(f.fileno())
    except OSError:
        return None
    if len(data) != facts.size or file_key(st) != facts.key:
        return None
    return data


@dataclass(frozen=True, slots=True)
class FileStamp:
    """One version of one file whose content a cached page shows (a folder's README)."""

    fs_path: str  # the real path the access policy resolved for it
    key: FileKey  # file_key() of the version shown

    def unchanged(self) -> bool:
        """One lstat: the file is still that version (not edited, replaced or removed)."""
        try:
            return file_key(os.lstat(self.fs_path)) == self.key
        except OSError:
            return False


ListingBody = bytes | tuple[bytes, ...]  # a page as one string, or as the chunks it was sent in


@dataclass(slots=True)
class _Rendered:
    dir_mtime_ns: int
    made_at: float
    body: ListingBody
    shows: FileStamp | None = None
    etag: str = ""


def body_etag(body: ListingBody) -> str:
    """A strong ETag of a rendered page: its bytes' hash, so the same page in another language
    (or with another README, card or order) never matches it."""
    digest = hashlib.blake2b(digest_size=9)
    for chunk in (body,) if isinstance(body, bytes) else body:
        digest.update(chunk)
    return '"' + digest.hexdigest() + '"'


class ListingCache:
    """Rendered listing bodies keyed by (url path, format, sort, order, page context), kept in
    the share's one ByteBudget."""

    def __init__(self, clock: Clock = SYSTEM_CLOCK, budget: ByteBudget | None = None) -> None:
        """``clock`` tells when a listing is older than LISTING_MAX_AGE."""
        self._clock = clock
        self._budget = budget or ByteBudget()
        self.holds = ListingHolds(self._budget)  # what big listings hold while they are sent

    def largest(self) -> int:
        """The longest body put() may keep."""
        return self._budget.largest() - ITEM_OVERHEAD

    def now(self) -> float:
        """The cache's clock: what a body's rows-read time (put's ``made_at``) is taken on."""
        return self._clock.monotonic()

    def reserve(self, size: int) -> bool:
        """Count ``size`` bytes of a body being kept while it is sent (ByteBudget.reserve)."""
        return self._budget.reserve(size)

    def release(self, size: int) -> None:
        self._budget.release(size)

    def get(self, key: tuple[object, ...], dir_mtime_ns: int) -> ListingBody | None:
        found = self.get_tagged(key, dir_mtime_ns)
        return found[0] if found is not None else None

    def get_tagged(self, key: tuple[object, ...], dir_mtime_ns: int
                   ) -> tuple[ListingBody, str] | None:
        """The body and its ETag (body_etag, made once when it was put)."""
        item = self._budget.get(("listing", key))
        if not isinstance(item, _Rendered):
            return None
        too_old = self._clock.monotonic() - item.made_at > LISTING_MAX_AGE
        if item.dir_mtime_ns != dir_mtime_ns or too_old or (
                item.shows is not None and not item.shows.unchanged()):  # a stat
            self._budget.drop(("listing", key), item)
            return None
        return item.body, item.etag

    def put(self, key: tuple[object, ...], dir_mtime_ns: int, body: ListingBody,
            shows: FileStamp | None = None, etag: str = "", made_at: float | None = None
            ) -> None:
        """``shows``: a file whose content is in ``body``; the body is dropped once it changes.
        ``made_at`` (now()): when its rows were read, if earlier than now (a body sent while it
        was rendered); it is too old LISTING_MAX_AGE after that.
        A body over the budget's largest item is not kept (made again when asked)."""
        size = len(body) if isinstance(body, bytes) else sum(len(c) for c in body) + 64 * len(body)
        made = self._clock.monotonic() if made_at is None else made_at
        rendered = _Rendered(dir_mtime_ns, made, body, shows, etag)
        self._budget.put(("listing", key), rendered, size)
