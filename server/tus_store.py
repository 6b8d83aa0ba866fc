"""The records of resumable (tus) uploads: who started each, where it goes, how far it got,
when it expires; one lock per upload so that two PATCHes never interleave.

Each record is one JSON file in the state folder (``ServerConfig.tus_state``, under Pier's
config folder: never served), written with server/atomic.py whenever it changes, so uploads
survive a restart. A file is named by a hash of the upload's id: the id is the secret part of
the upload's URL and is never written down. Without a state folder the records live in memory.

Expiry runs on the engine's clock (server/clock.py): an unfinished upload expires a day after
it was created or last received bytes, a finished one (kept so that HEAD still gives the final
file's URL) a day after it finished. Expired uploads are swept at start and then at most every
``SWEEP_EVERY_S`` when a request comes (``maybe_sweep``); their partial files go with them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from server.atomic import write_atomic
from server.clock import SYSTEM_CLOCK, Clock
from server.page_i18n import N_
from server.paths import ensure_private_dir
from server.records import UnfinishedUpload, UploadMark
from server.tus_partial import remove_partial_in
from server.uploads import UploadRefused, clean_name, is_partial_name

log = logging.getLogger("pier.tus")

EXPIRY_S = 24 * 3600
SWEEP_EVERY_S = 600.0
MAX_UNFINISHED_PER_OWNER = 32
MAX_UPLOADS = 4096  # records kept in all: the state folder and the memory stay small
ID_BYTES = 24  # 192 bits of randomness in every upload URL
_ID = re.compile(r"[A-Za-z0-9_-]{32}")  # secrets.token_urlsafe(ID_BYTES)
_KEY = re.compile(r"[0-9a-f]{64}")


class TooManyUploads(Exception):
    """The owner (or the share) has as many unfinished uploads as it may: ``reason`` (English,
    ``%(name)s`` fields) and its ``fields``, for the 429 (HttpError)."""

    def __init__(self, reason: str, **fields: object) -> None:
        super().__init__(reason % fields if fields else reason)
        self.reason = reason
        self.fields = fields


class UploadBusy(Exception):
    """Another request is writing to this upload right now."""


@dataclass(slots=True)
class TusUpload:
    key: str  # sha256 of the id
    owner: str | None  # the account that started it; None: anonymous (a share without login)
    quota: str  # whose cap of unfinished uploads it counts against
    folder_url: str  # the decoded URL path of the target folder, ending in "/"
    folder_path: str  # that folder's real path when the upload began (for the sweep)
    name: str  # the file name asked for
    partial: str  # the partial file's name in that folder
    length: int
    offset: int
    metadata: str  # Upload-Metadata as the client sent it (HEAD gives it back)
    expires: float  # wall-clock seconds on the store's clock
    file_url: str | None = None  # the final file's URL once finished

    @property
    def finished(self) -> bool:
        return self.file_url is not None


@dataclass(slots=True)
class Activity:
    """What the window shows of an upload beyond its record; in memory only (after a restart
    an upload's address is not known until its next request)."""

    client: str = ""  # the address of its last request
    last: float = 0.0  # wall-clock seconds of its last request
    receiving: int = 0  # requests writing to it now (0 or 1: the upload's lock allows one)
    pending: int = 0  # bytes of the running request not counted in the offset yet
    cancelled: bool = False  # the window cancelled it: the running request stops
    abort: Callable[[], None] | None = None  # closes the running request's connection


def mark(upload: TusUpload) -> UploadMark:
    """What the request log is told about ``upload`` after a request."""
    return UploadMark(upload.key, upload.folder_url + upload.name, upload.offset, upload.length)


def upload_key(upload_id: str) -> str:
    return hashlib.sha256(upload_id.encode("ascii")).hexdigest()


class TusStore:
    def __init__(self, folder: Path | None, *, clock: Clock = SYSTEM_CLOCK,
                 remove_partial: Callable[[TusUpload], None] | None = None,
                 expiry: float = EXPIRY_S, per_owner: int = MAX_UNFINISHED_PER_OWNER,
                 total: int = MAX_UPLOADS) -> None:
        self._folder = folder
        self._clock = clock
        self._remove_partial = remove_partial or _remove_partial
        self.expiry = expiry
        self._per_owner = per_owner
        self._total = total
        self._uploads: dict[str, TusUpload] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._activity: dict[str, Activity] = {}
        self._lock = threading.Lock()
        self._next_sweep = clock.monotonic() + SWEEP_EVERY_S
        self._load()
        self.sweep()

    # -- records -------------------------------------------------------------------------------

    def check_room(self, quota: str) -> None:
        """TooManyUploads when ``quota`` may start no further upload."""
        with self._lock:
            self._check_room(quota)

    def _check_room(self, quota: str) -> None:
        if len(self._uploads) >= self._total:
            self._forget_oldest_finished()
        if len(self._uploads) >= self._total:
            raise TooManyUploads(N_("The server holds too many unfinished uploads."))
        unfinished = sum(1 for u in self._uploads.values()
                         if u.quota == quota and not u.finished)
        if unfinished >= self._per_owner:
            raise TooManyUploads(N_("You have %(count)s unfinished uploads; finish or "
                                    "cancel some first."), count=unfinished)

    def add(self, *, owner: str | None, quota: str, folder_url: str, folder_path: str,
            name: str, partial: str, length: int, metadata: str) -> tuple[str, TusUpload]:
        """A new upload at offset 0; returns (its id, its record). The id is in no record."""
        upload_id = secrets.token_urlsafe(ID_BYTES)
        upload = TusUpload(upload_key(upload_id), owner, quota, folder_url, folder_path, name,
                           partial, length, 0, metadata, self._clock.time() + self.expiry)
        with self._lock:
            self._check_room(quota)
            self._uploads[upload.key] = upload
            self._locks[upload.key] = threading.Lock()
        try:
            self._write(upload)
        except OSError:
            self._drop(upload)
            raise
        return upload_id, upload

    def _forget_oldest_finished(self) -> None:
        """Make room by forgetting finished records (kept only so that HEAD still names the
        file), oldest first: finished uploads must not lock anyone out of starting one."""
        finished = sorted((u for u in self._uploads.values() if u.finished),
                          key=lambda u: u.expires)
        for upload in finished[:max(1, len(finished) // 4)]:
            del self._uploads[upload.key]
            self._locks.pop(upload.key, None)
            self._activity.pop(upload.key, None)
            if self._folder is not None:
                with contextlib.suppress(OSError):
                    (self._folder / f"{upload.key}.json").unlink()

    def get(self, upload_id: str) -> TusUpload | None:
        """The live upload with this id; None for an unknown, malformed or expired id."""
        if not _ID.fullmatch(upload_id):
            return None
        with self._lock:
            upload = self._uploads.get(upload_key(upload_id))
        if upload is None or upload.expires <= self._clock.time():
            return None
        return upload

    def save(self, upload: TusUpload, *, touched: bool = True) -> None:
        """Write the record again; ``touched`` (bytes arrived, or it finished) starts its day
        of life afresh."""
        if touched:
            upload.expires = self._clock.time() + self.expiry
        with self._lock:
            if self._uploads.get(upload.key) is not upload:
                return  # forgotten meanwhile (terminated, swept)
        self._write(upload)

    def forget(self, upload: TusUpload) -> None:
        """Drop the record (the caller took care of the partial file)."""
        self._drop(upload)
        if self._folder is not None:
            with contextlib.suppress(FileNotFoundError):
                (self._folder / f"{upload.key}.json").unlink()

    def _drop(self, upload: TusUpload) -> None:
        with self._lock:
            if self._uploads.get(upload.key) is upload:
                del self._uploads[upload.key]
                self._locks.pop(upload.key, None)
                self._activity.pop(upload.key, None)

    @contextlib.contextmanager
    def hold(self, upload: TusUpload) -> Iterator[None]:
        """The upload for this request alone; UploadBusy while another request has it,
        LookupError once it is gone (terminated or swept meanwhile)."""
        with self._lock:
            lock = self._locks.get(upload.key)
        if lock is None:
            raise LookupError(upload.key)
        if not lock.acquire(blocking=False):
            raise UploadBusy()
        try:
            with self._lock:
                if self._uploads.get(upload.key) is not upload:
                    raise LookupError(upload.key)
            yield
        finally:
            lock.release()

    def unfinished(self) -> list[TusUpload]:
        with self._lock:
            return [u for u in self._uploads.values() if not u.finished]

    # -- what the window sees and does -------------------------------------------------------

    def seen(self, upload: TusUpload, client: str) -> Activity:
        """Note a request of ``client`` about ``upload``; its Activity (the same object for as
        long as the upload lives)."""
        with self._lock:
            activity = self._activity.setdefault(upload.key, Activity())
        activity.client = client
        activity.last = self._clock.time()
        return activity

    def unfinished_now(self) -> list[UnfinishedUpload]:
        """Plain copies of the unfinished uploads, for the window (oldest activity first)."""
        found = []
        with self._lock:
            for upload in self._uploads.values():
                if upload.finished:
                    continue
                activity = self._activity.get(upload.key) or Activity()
                receiving = activity.receiving > 0
                last = activity.last or upload.expires - self.expiry
                found.append(UnfinishedUpload(
                    upload.key, upload.owner, activity.client, upload.folder_url + upload.name,
                    upload.length,
                    upload.offset + (activity.pending if receiving else 0),
                    receiving, last))
        return sorted(found, key=lambda u: u.last_activity)

    def cancel(self, key: str, *, timeout: float = 10.0) -> bool:
        """End the unfinished upload ``key``: a request sending to it stops at its next piece,
        then the partial file and the record go; the uploader's next request gets 404. False
        when there is no such unfinished upload (finished or gone meanwhile); UploadBusy when
        the running request did not let go within ``timeout`` seconds."""
        with self._lock:
            upload = self._uploads.get(key)
            lock = self._locks.get(key)
            activity = self._activity.get(key)
        if upload is None or lock is None or upload.finished:
            return False
        if activity is not None:
            activity.cancelled = True
            abort = activity.abort
            if abort is not None:  # a chunk is arriving: cut it off rather than wait for it
                abort()
        if not lock.acquire(timeout=timeout):
            if activity is not None:
                activity.cancelled = False
            raise UploadBusy()
        try:
            with self._lock:
                if self._uploads.get(key) is not upload or upload.finished:
                    return False
            self._remove_partial(upload)
            self.forget(upload)
            log.info("resumable upload of %s cancelled from the window", upload.name)
            return True
        finally:
            lock.release()

    # -- expiry --------------------------------------------------------------------------------

    def maybe_sweep(self) -> None:
        if self._clock.monotonic() >= self._next_sweep:
            self.sweep()

    def sweep(self) -> int:
        """Remove expired uploads (and their partial files) no request holds; how many."""
        self._next_sweep = self._clock.monotonic() + SWEEP_EVERY_S
        now = self._clock.time()
        with self._lock:
            expired = [(u, self._locks[u.key]) for u in self._uploads.values()
                       if u.expires <= now]
        removed = 0
        for upload, lock in expired:
            if not lock.acquire(blocking=False):
                continue  # a request has it: next time
            try:
                if not upload.finished:
                    self._remove_partial(upload)
                self.forget(upload)
                removed += 1
            finally:
                lock.release()
        return removed

    # -- the state folder ----------------------------------------------------------------------

    def _write(self, upload: TusUpload) -> None:
        if self._folder is None:
            return
        # ASCII: a real path may hold bytes that are not UTF-8 (surrogateescape), as escapes
        data = json.dumps(asdict(upload)).encode("ascii")
        write_atomic(self._folder / f"{upload.key}.json", data, private=True)

    def _load(self) -> None:
        if self._folder is None:
            return
        try:
            ensure_private_dir(self._folder)
        except OSError as err:
            log.warning("resumable uploads will not survive a restart: %s: %s",
                        self._folder, err.strerror)
            self._folder = None
            return
        for path in sorted(self._folder.glob("*.json")):
            upload = _read(path)
            if upload is None:
                log.warning("ignoring a damaged resumable-upload record: %s", path.name)
                with contextlib.suppress(OSError):
                    path.replace(path.with_name(path.name + ".bad"))
                continue
            self._uploads[upload.key] = upload
            self._locks[upload.key] = threading.Lock()


_TYPES = {f.name: f.type for f in fields(TusUpload)}


def _read(path: Path) -> TusUpload | None:
    """A record as written by _write, or None when it is damaged or not ours."""
    try:
        raw = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or set(raw) != set(_TYPES):
        return None
    checks = {
        "key": lambda v: isinstance(v, str) and _KEY.fullmatch(v) is not None,
        "owner": lambda v: v is None or isinstance(v, str),
        "file_url": lambda v: v is None or isinstance(v, str),
        "length": lambda v: type(v) is int and v >= 0,
        "offset": lambda v: type(v) is int and v >= 0,
        "expires": lambda v: isinstance(v, int | float),
    }
    for name, value in raw.items():
        check = checks.get(name, lambda v: isinstance(v, str))
        if not check(value):
            return None
    upload = TusUpload(**raw)
    if upload.offset > upload.length or path.stem != upload.key or not _names_hold(upload):
        return None
    return upload


def _names_hold(upload: TusUpload) -> bool:
    """The names a record gives are ones Pier could have written: one clean file name, a
    partial file's name, a folder URL without steps up (an edited record must not lead out)."""
    try:
        clean = clean_name(upload.name, allow_hidden=True)
    except UploadRefused:
        return False
    steps = upload.folder_url.split("/")
    return (clean == upload.name and is_partial_name(upload.partial)
            and upload.folder_url.startswith("/") and upload.folder_url.endswith("/")
            and not any(step in (".", "..") for step in steps)
            and os.path.isabs(upload.folder_path))


def _remove_partial(upload: TusUpload) -> None:
    remove_partial_in(upload.folder_path, upload.partial)
