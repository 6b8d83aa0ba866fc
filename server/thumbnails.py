"""Thumbnails (``?thumb``, at most 320 px) and previews (``?preview``, at most 2560 px) of the
share's pictures and videos, made by a few background threads so that downloads stay fast.

``Thumbnailer`` is owned by ``ServerEngine`` and started and stopped with it. A request asks
``key_for`` (what the answer depends on: the share, the file's real path, size, mtime_ns,
inode and ctime_ns, the kind, and ``FORMAT_VERSION``, hashed with this install's secret key so
that neither the ETag nor a cache file's name tells anything about them), then ``cached``
(memory: the serve thread may answer at once) and, on a worker, ``find_or_make``: the disk
cache, else a job on a bounded queue that ``ServerConfig.thumb_threads`` threads work through.
Identical jobs waiting at the same time are one job. A full queue is a 503 with Retry-After.
The request's worker leaves the pool before it waits (``before_wait``: ``Call.leave_pool``),
so a grid of thumbnails never holds the workers that downloads need. A file that gives no
picture, or that ffmpeg took too long on, is remembered as such until it changes. Making is
server/thumb_render.py, keeping is server/thumb_cache.py, answering is
server/routes_media.py; see docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from server.access import policy_for
from server.config import ServerConfig
from server.files import ServerShort, is_short_of_room
from server.http11 import HttpError
from server.page_i18n import N_
from server.thumb_cache import KEY_BYTES, DiskCache, MemoryCache
from server.thumb_kinds import IMAGE, VIDEO, Renderer, RenderFailed, RenderJob, media_kind

log = logging.getLogger("pier.server")

FORMAT_VERSION = "2"  # change it when the output changes: every cached entry is then stale
THUMB, PREVIEW = "thumb", "preview"
LONG_SIDE = {THUMB: 320, PREVIEW: 2560}
QUEUE_MAX = 32  # jobs waiting; a browser asks ~6 at a time, so this is many visitors at once
WAIT_MAX = 120.0  # seconds a request waits for its job before it is told to try again
STOP_WAIT = 1.0
NO_PICTURE = b""  # an entry saying "this file gives no picture": answered with an icon


@dataclass(frozen=True, slots=True)
class ThumbKey:
    digest: str  # hex keyed BLAKE2b of everything the picture depends on
    kind: str  # THUMB or PREVIEW
    media: str  # thumb_render.IMAGE or VIDEO
    fs_path: str
    version: tuple[int, int, int, int]  # the file's (size, mtime_ns, inode, ctime_ns)

    @property
    def long_side(self) -> int:
        return LONG_SIDE[self.kind]

    @property
    def etag(self) -> str:
        """The ETag of the picture: the same key always gives the same picture."""
        return f'"{self.digest[:32]}"'

    @property
    def icon_etag(self) -> str:
        """The ETag of the icon answered when the file gives no picture."""
        return f'"{self.digest[:32]}-icon"'


@dataclass(frozen=True, slots=True)
class ThumbStats:
    """What the thumbnail threads are doing, for the window (ServerEngine.live_stats)."""

    queued: int  # jobs waiting for a thread
    working: int  # jobs being made now
    made: int  # pictures made since the share started
    failed: int  # files that gave no picture (an icon), counted once each until they change
    memory_hits: int  # answers from the memory cache
    disk_hits: int  # answers from the disk cache
    cache_bytes: int  # bytes in the disk cache (0 when it is memory only)
    cache_files: int


class ThumbnailsBusy(HttpError):
    def __init__(self, reason: str = N_("Too many thumbnails are being made; try again.")
                 ) -> None:
        super().__init__(503, reason, close=False, headers=b"Retry-After: 2\r\n")


class _Pending:
    """The answer to one job, waited for by every request that wants it."""

    __slots__ = ("_done", "_error", "_result")

    def __init__(self) -> None:
        self._done = threading.Event()
        self._result = NO_PICTURE
        self._error: HttpError | None = None

    def resolve(self, result: bytes) -> None:
        if not self._done.is_set():
            self._result = result
            self._done.set()

    def fail(self, error: HttpError) -> None:
        if not self._done.is_set():
            self._error = error
            self._done.set()

    def wait(self, timeout: float) -> bytes:
        if not self._done.wait(timeout):
            raise ThumbnailsBusy(N_("The thumbnail is taking long; try again."))
        if self._error is not None:
            raise self._error
        return self._result


@dataclass(slots=True)
class _Job:
    key: ThumbKey
    fd: int  # opened through the access policy; the job closes it
    pending: _Pending


def _nothing() -> None:
    pass


class _LazyMediaRenderer:
    """Pillow and ffmpeg (thumb_render.MediaRenderer), imported by the first thumbnail job on a
    thumbnail thread: a share nobody asks a thumbnail of does not carry Pillow and pi-heif
    (~14 MiB, ~70 ms), and the serve thread never waits on the import."""

    def __init__(self, ffmpeg: Path | None) -> None:
        self._ffmpeg = ffmpeg
        self._loaded: Renderer | None = None
        self._lock = threading.Lock()

    def makes(self, media: str) -> bool:  # thumb_render.MediaRenderer.makes, without Pillow
        return media == IMAGE or (media == VIDEO and self._ffmpeg is not None)

    def render(self, job: RenderJob) -> bytes | None:
        with self._lock:
            if self._loaded is None:
                from server.thumb_render import MediaRenderer

                self._loaded = MediaRenderer(self._ffmpeg)
        return self._loaded.render(job)

    def close(self) -> None:
        if self._loaded is not None:
            self._loaded.close()


class _NoRenderer:
    """Thumbnails are off: every answer is an icon."""

    def makes(self, media: str) -> bool:
        return False

    def render(self, job: RenderJob) -> bytes | None:
        return None

    def close(self) -> None:
        pass


class Thumbnailer:
    def __init__(self, config: ServerConfig, *, renderer: Renderer | None = None,
                 queue_max: int = QUEUE_MAX) -> None:
        """``config`` is validated; ``renderer`` replaces Pillow and ffmpeg (tests)."""
        self._root = str(config.root)
        self._thread_count = config.thumb_threads
        if not self.enabled:
            renderer = _NoRenderer()
        self._renderer: Renderer = renderer or _LazyMediaRenderer(config.ffmpeg)
        self._queue_max = queue_max
        self._memory = MemoryCache()
        self._disk = DiskCache(config.thumb_cache, config.thumb_cache_bytes) \
            if config.thumb_cache is not None and self.enabled else None
        self._anonymous = policy_for(config).bind(None)  # what thumbnail_for may see
        self._lock = threading.Lock()
        self._ready = threading.Condition(self._lock)
        self._queue: deque[_Job] = deque()
        self._pending: dict[str, _Pending] = {}
        self._working = 0
        self._counts = {"made": 0, "failed": 0, "memory_hits": 0, "disk_hits": 0}
        self._stopping = False
        self._threads: list[threading.Thread] = []
        self._secret = secrets.token_bytes(KEY_BYTES)  # the disk cache's own, once started

    @property
    def enabled(self) -> bool:
        return self._thread_count > 0

    def start(self) -> None:
        if self._disk is not None:
            self._disk.open()
            self._secret = self._disk.secret() or self._secret
        for _ in range(self._thread_count):
            thread = threading.Thread(target=self._work, name="pier-thumbs", daemon=True)
            self._threads.append(thread)
            thread.start()

    def take_rules(self, config: ServerConfig) -> None:
        """The running share's new rules (the same folder) for ``thumbnail_for``: a new
        policy swapped in whole, as the handler is (ServerEngine.reconfigure)."""
        self._anonymous = policy_for(config).bind(None)

    def stop(self, timeout: float = STOP_WAIT) -> None:
        """Refuse new jobs, tell everyone waiting to try again, end the threads."""
        with self._lock:
            self._stopping = True
            jobs, self._queue = list(self._queue), deque()
            pending, self._pending = list(self._pending.values()), {}
            self._ready.notify_all()
        for job in jobs:
            os.close(job.fd)
        stopped = ThumbnailsBusy(N_("The share is stopping."))
        for waiting in pending:
            waiting.fail(stopped)
        self._renderer.close()
        deadline = time.monotonic() + timeout  # real time: it bounds how long stop() takes
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    # -- what requests call --------------------------------------------------------------------

    def key_for(self, fs_path: str, st: os.stat_result, kind: str) -> ThumbKey | None:
        """The key of the picture of this version of the file; None when there can be none
        (not a picture or a video, no ffmpeg for a video, thumbnails off): an icon."""
        media = media_kind(fs_path)
        if not self.enabled or not self._renderer.makes(media):
            return None
        version = file_version(st)
        text = "\0".join((FORMAT_VERSION, kind, media, self._root, fs_path, *map(str, version)))
        digest = hashlib.blake2b(text.encode("utf-8", "surrogateescape"), key=self._secret,
                                 digest_size=32).hexdigest()
        return ThumbKey(digest, kind, media, fs_path, version)

    def cached(self, key: ThumbKey) -> bytes | None:
        """From memory only (the serve thread asks): the JPEG, NO_PICTURE, or None."""
        found = self._memory.get(key.digest)
        if found is not None:
            self._count("memory_hits")
        return found

    def find_or_make(self, key: ThumbKey, open_file: Callable[[str], int], *,
                     before_wait: Callable[[], None] = _nothing) -> bytes:
        """The JPEG or NO_PICTURE: from memory, from disk, else made by a thumbnail thread
        from the file ``open_file`` opens (through the access policy); ``before_wait`` is
        called before waiting for that. ThumbnailsBusy (503) when the queue is full."""
        found = self.cached(key)
        if found is None and self._disk is not None:
            found = self._disk.read(key.digest)
            if found is not None:
                self._count("disk_hits")
                self._memory.put(key.digest, found)
        if found is not None:
            return found
        pending = self._submit(key, open_file)
        before_wait()
        return pending.wait(WAIT_MAX)

    def thumbnail_for(self, url_path: str) -> bytes | None:
        """The thumbnail JPEG of a file of the share, for the owner's window (blocking: call
        it off the GUI thread). ``url_path`` as a request names it (percent-encoded, as
        RequestRecord.path holds it; a query is ignored), judged as for a visitor without an
        account. None when there is no picture, the file is not there or may not be read, or
        the threads are busy."""
        access = self._anonymous
        try:
            target = access.target(url_path.partition("?")[0])
            if target.is_dir:
                return None
            key = self.key_for(target.fs_path, target.stat, THUMB)
            if key is None:
                return None
            return self.find_or_make(key, access.open_file) or None
        except (HttpError, OSError):
            return None

    def stats(self) -> ThumbStats:
        cache_bytes, cache_files = self._disk.usage() if self._disk is not None else (0, 0)
        with self._lock:
            return ThumbStats(len(self._queue), self._working, self._counts["made"],
                              self._counts["failed"], self._counts["memory_hits"],
                              self._counts["disk_hits"], cache_bytes, cache_files)

    # -- the queue -----------------------------------------------------------------------------

    def _submit(self, key: ThumbKey, open_file: Callable[[str], int]) -> _Pending:
        with self._lock:
            self._check_room(key)
            joined = self._pending.get(key.digest)
            if joined is not None:
                return joined
        fd = open_file(key.fs_path)  # outside the lock: it may wait on the disk
        with self._lock:
            try:
                self._check_room(key)
            except HttpError:
                os.close(fd)
                raise
            joined = self._pending.get(key.digest)
            if joined is not None:  # queued meanwhile by another request
                os.close(fd)
                return joined
            pending = self._pending[key.digest] = _Pending()
            self._queue.append(_Job(key, fd, pending))
            self._ready.notify()
            return pending

    def _check_room(self, key: ThumbKey) -> None:
        if self._stopping:
            raise ThumbnailsBusy(N_("The share is stopping."))
        if len(self._queue) >= self._queue_max and key.digest not in self._pending:
            raise ThumbnailsBusy()

    def _work(self) -> None:
        while True:
            with self._ready:
                while not self._queue and not self._stopping:
                    self._ready.wait()
                if self._stopping:
                    return
                job = self._queue.popleft()
                self._working += 1
            try:
                self._make(job)
            finally:
                with self._lock:
                    self._working -= 1
                    if self._pending.get(job.key.digest) is job.pending:
                        del self._pending[job.key.digest]

    def _make(self, job: _Job) -> None:
        key = job.key
        try:
            st = os.fstat(job.fd)
            if file_version(st) != key.version:
                job.pending.fail(HttpError(503, N_("The file is changing; try again."),
                                           close=False, headers=b"Retry-After: 1\r\n"))
                return
            made = self._renderer.render(RenderJob(job.fd, key.fs_path, key.media,
                                                   key.long_side))
        except RenderFailed as err:
            if self._stopping:  # cut short by the share stopping: nothing to remember
                job.pending.resolve(NO_PICTURE)
                return
            # Too slow (ffmpeg's timeout): remembered like a broken file, or every request
            # for it would hold a thumbnail thread that long again.
            log.info("no thumbnail of %s: %s", key.fs_path, err)
            made = None
        except Exception as err:
            if is_short_of_room(err):  # says nothing of the file: 503, nothing remembered
                job.pending.fail(ServerShort())
                return
            log.exception("making a thumbnail of %s failed", key.fs_path)
            job.pending.resolve(NO_PICTURE)
            return
        finally:
            os.close(job.fd)
        result = made or NO_PICTURE
        self._count("made" if result else "failed")
        self._memory.put(key.digest, result)  # before the job leaves _pending: no gap
        if self._disk is not None:
            self._disk.write(key.digest, result)
        job.pending.resolve(result)

    def _count(self, name: str) -> None:
        with self._lock:
            self._counts[name] += 1


def file_version(st: os.stat_result) -> tuple[int, int, int, int]:
    """What tells one content of a file from another: size and mtime, which anyone may set
    back (``touch -r``, ``cp -p``, a clock ticking in seconds), the inode a replacement gets,
    and st_ctime, which no program can set back on POSIX (on Windows it is the creation time:
    see docs/SECURITY.md)."""
    return st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns
