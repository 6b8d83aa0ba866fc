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
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

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

Opener = Callable[..., int]  # (fs_path, directory=False) -> an fd checked to be in the share
FileKey = tuple[int, int, int, int, int]  # see file_key()
SMALL_FILE = 256 * 1024  # bodies up to this size are kept in memory
FILE_CACHE_BYTES = 64 * 1024 * 1024
FILE_CACHE_ENTRIES = 4096
LISTING_CACHE_ENTRIES = 256
LISTING_CACHE_BYTES = 24 * 1024 * 1024  # a huge shared-text card in every page stays bounded
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
    """Facts and small bodies of files, LRU-bounded by count and by bytes.

    ``website_mode`` (the owner's choice to run a site) serves pages, SVG and scripts without
    the sandbox, so they run as the share's origin; off by default."""

    def __init__(self, *, website_mode: bool = False) -> None:
        self._website_mode = website_mode
        self._lock = threading.Lock()
        self._items: OrderedDict[str, FileFacts] = OrderedDict()
        self._body_bytes = 0

    def facts(self, fs_path: str, st: os.stat_result) -> FileFacts:
        key = file_key(st)
        with self._lock:
            cached = self._items.get(fs_path)
            if cached is not None and cached.key == key:
                self._items.move_to_end(fs_path)
                return cached
        fresh = _facts(fs_path, st, website_mode=self._website_mode)
        self._store(fresh)
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
                    self._body_bytes += len(data)
                self._trim()
        return data

    def _store(self, facts: FileFacts) -> None:
        with self._lock:
            old = self._items.pop(facts.fs_path, None)
            if old is not None and old.body is not None:
                self._body_bytes -= len(old.body)
            self._items[facts.fs_path] = facts
            self._trim()

    def _trim(self) -> None:
        while self._items and (len(self._items) > FILE_CACHE_ENTRIES
                               or self._body_bytes > FILE_CACHE_BYTES):
            _, dropped = self._items.popitem(last=False)
            if dropped.body is not None:
                self._body_bytes -= len(dropped.body)


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


@dataclass(slots=True)
class _Rendered:
    dir_mtime_ns: int
    made_at: float
    body: bytes
    shows: FileStamp | None = None
    etag: str = ""


def body_etag(body: bytes) -> str:
    """A strong ETag of a rendered page: its bytes' hash, so the same page in another language
    (or with another README, card or order) never matches it."""
    return '"' + hashlib.blake2b(body, digest_size=9).hexdigest() + '"'


class ListingCache:
    """Rendered listing bodies keyed by (url path, format, sort, order, page context)."""

    def __init__(self, clock: Clock = SYSTEM_CLOCK) -> None:
        """``clock`` tells when a listing is older than LISTING_MAX_AGE."""
        self._clock = clock
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[object, ...], _Rendered] = OrderedDict()
        self._bytes = 0  # of the bodies held

    def get(self, key: tuple[object, ...], dir_mtime_ns: int) -> bytes | None:
        found = self.get_tagged(key, dir_mtime_ns)
        return found[0] if found is not None else None

    def get_tagged(self, key: tuple[object, ...], dir_mtime_ns: int) -> tuple[bytes, str] | None:
        """The body and its ETag (body_etag, made once when it was put)."""
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            too_old = self._clock.monotonic() - item.made_at > LISTING_MAX_AGE
            if item.dir_mtime_ns != dir_mtime_ns or too_old:
                self._drop(key, item)
                return None
            self._items.move_to_end(key)
        if item.shows is not None and not item.shows.unchanged():  # outside the lock: a stat
            with self._lock:
                self._drop(key, item)
            return None
        return item.body, item.etag

    def _drop(self, key: tuple[object, ...], item: _Rendered) -> None:
        if self._items.get(key) is item:
            del self._items[key]
            self._bytes -= len(item.body)

    def put(self, key: tuple[object, ...], dir_mtime_ns: int, body: bytes,
            shows: FileStamp | None = None, etag: str = "") -> None:
        """``shows``: a file whose content is in ``body``; the body is dropped once it changes."""
        if len(body) > LISTING_CACHE_BYTES // 4:
            return  # made again when asked: one page must not push out dozens of others
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._items[key] = _Rendered(dir_mtime_ns, self._clock.monotonic(), body, shows,
                                         etag)
            self._bytes += len(body)
            while len(self._items) > LISTING_CACHE_ENTRIES or self._bytes > LISTING_CACHE_BYTES:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped.body)
