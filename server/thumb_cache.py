"""Where made thumbnails are kept: a small LRU in memory (answered by the serve thread) and a
folder in the user's cache folder (``ServerConfig.thumb_cache``, one of Pier's protected paths,
never inside a share unless the owner shares it, and then it is not served).

An entry is the JPEG's bytes, or ``b""`` for "this file gives no picture" (the icon then),
named by the hex digest of its key (server/thumbnails.py). On disk each file is a checksum
followed by the bytes, written to a temporary name and renamed: a crash leaves the old file,
no file, or one whose checksum fails (read as missing and removed), never half a picture. No
fsync: whatever is lost is made again. The folder is kept under its size cap by removing the
least recently used files first (their modification time says when they were last used). A
file counts for what it takes on disk, at least one block (``BLOCK``), however few its bytes:
a "no picture" entry is 24 bytes but takes a block and an inode, so the cap also bounds the
number of files (cap / BLOCK). The folder is scanned again every ``RESCAN_WRITES`` writes, so
that two Piers sharing it (or files removed by hand) do not leave the count wrong for long.

The folder also holds the install's secret key (``KEY_FILE``, mode 0600), made once: the
entries' names and the ETags are keyed hashes, so they tell nothing about the files.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import secrets
import threading
from collections import OrderedDict
from pathlib import Path

from server.atomic import write_atomic
from server.paths import ensure_private_dir

log = logging.getLogger("pier.server")

MEMORY_BYTES = 16 * 1024 * 1024
MEMORY_ENTRY_MAX = 2 * 1024 * 1024  # one preview must not push out a screenful of thumbnails
ENTRY_OVERHEAD = 128  # what an entry costs besides its bytes (key, links): b"" counts too
MAGIC = b"PIERTHM1"
CHECKSUM = 16
HEADER = len(MAGIC) + CHECKSUM
FILE_MAX = 32 * 1024 * 1024  # nothing we write is larger: a bigger file is not ours
SUFFIX = ".thumb"
TEMP_PREFIX = ".tmp-"
BLOCK = 4096  # the least a file takes on disk (and an inode)
RESCAN_WRITES = 1024  # writes between two scans of the folder
KEY_FILE = "secret.key"
KEY_BYTES = 32
_NAME = re.compile(r"^[0-9a-f]{64}\.thumb$")


class MemoryCache:
    """Recently served entries, bounded by bytes; thread-safe."""

    def __init__(self, capacity: int = MEMORY_BYTES) -> None:
        self._capacity = capacity
        self._lock = threading.Lock()
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._bytes = 0

    def get(self, digest: str) -> bytes | None:
        with self._lock:
            found = self._items.get(digest)
            if found is not None:
                self._items.move_to_end(digest)
            return found

    def put(self, digest: str, data: bytes) -> None:
        if len(data) > MEMORY_ENTRY_MAX:
            return
        with self._lock:
            old = self._items.pop(digest, None)
            if old is not None:
                self._bytes -= len(old) + ENTRY_OVERHEAD
            self._items[digest] = data
            self._bytes += len(data) + ENTRY_OVERHEAD
            while self._bytes > self._capacity and self._items:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped) + ENTRY_OVERHEAD


class DiskCache:
    """Entries as files in one private folder, what they take on disk kept under ``capacity``
    bytes (the key file included)."""

    def __init__(self, folder: Path, capacity: int) -> None:
        self.folder = Path(folder)
        self._capacity = capacity
        self._lock = threading.Lock()
        self._index: OrderedDict[str, int] = OrderedDict()  # name -> bytes on disk, oldest first
        self._bytes = 0
        self._key_bytes = 0  # what the key file takes
        self._writes = 0  # since the last scan

    def open(self) -> None:
        """Create the folder (mode 0700), drop temporary files a crash left, and index what is
        there, least recently used first. A folder that cannot be made: memory only."""
        try:
            ensure_private_dir(self.folder)
            with os.scandir(self.folder) as entries:
                for entry in entries:
                    if entry.name.startswith(TEMP_PREFIX):
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)
        except OSError as err:
            log.warning("thumbnail cache %s unusable, keeping thumbnails in memory: %s",
                        self.folder, err)
            return
        self._scan()

    def secret(self) -> bytes | None:
        """This install's secret key, made the first time (random, mode 0600); None when the
        folder cannot keep one (then the caller's own, for this run only, will do)."""
        path = self.folder / KEY_FILE
        try:
            key = _read_key(path)
            if key is None:
                write_atomic(path, secrets.token_bytes(KEY_BYTES), private=True)
                key = _read_key(path)  # another Pier sharing the folder may have won
            st = os.stat(path)
        except OSError as err:
            log.warning("no secret key in the thumbnail cache %s: %s", self.folder, err)
            return None
        with self._lock:
            self._bytes += _on_disk(st) - self._key_bytes
            self._key_bytes = _on_disk(st)
        self._evict()
        return key

    def usage(self) -> tuple[int, int]:
        """(bytes on disk, entries) in the cache."""
        with self._lock:
            return self._bytes, len(self._index)

    def read(self, digest: str) -> bytes | None:
        """The entry, or None when there is none (or it is damaged: then it goes)."""
        name = digest + SUFFIX
        path = self.folder / name
        try:
            with open(path, "rb") as file:
                data = file.read(FILE_MAX + 1)
        except OSError:
            return None
        payload = data[HEADER:]
        if len(data) > FILE_MAX or data[:len(MAGIC)] != MAGIC \
                or data[len(MAGIC):HEADER] != _checksum(payload):
            self._remove(name)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: the last to be evicted
        with self._lock:
            if name in self._index:
                self._index.move_to_end(name)
        return payload

    def write(self, digest: str, payload: bytes) -> None:
        name = digest + SUFFIX
        data = MAGIC + _checksum(payload) + payload
        temp = self.folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}"
        try:
            with open(temp, "xb") as file:
                file.write(data)
                file.flush()
                taken = _on_disk(os.fstat(file.fileno()))
            os.replace(temp, self.folder / name)
        except OSError as err:
            log.debug("thumbnail not kept on disk: %s", err)
            with contextlib.suppress(OSError):
                os.unlink(temp)
            return
        with self._lock:
            self._bytes += taken - self._index.pop(name, 0)
            self._index[name] = taken
            self._writes += 1
            rescan = self._writes >= RESCAN_WRITES
        if rescan:
            self._scan()
        else:
            self._evict()

    def _scan(self) -> None:
        """Index the folder as it is on disk, least recently used first, and evict."""
        found = []
        try:
            with os.scandir(self.folder) as entries:
                for entry in entries:
                    if _NAME.match(entry.name) and entry.is_file(follow_symlinks=False):
                        st = entry.stat(follow_symlinks=False)
                        found.append((st.st_mtime_ns, entry.name, _on_disk(st)))
        except OSError as err:
            log.debug("thumbnail cache not scanned: %s", err)
            return
        with self._lock:
            self._index = OrderedDict((name, size) for _, name, size in sorted(found))
            self._bytes = self._key_bytes + sum(self._index.values())
            self._writes = 0
        self._evict()

    def _evict(self) -> None:
        while True:
            with self._lock:
                if self._bytes <= self._capacity or not self._index:
                    return
                name, size = self._index.popitem(last=False)
                self._bytes -= size
            with contextlib.suppress(OSError):
                os.unlink(self.folder / name)

    def _remove(self, name: str) -> None:
        with self._lock:
            self._bytes -= self._index.pop(name, 0)
        with contextlib.suppress(OSError):
            os.unlink(self.folder / name)


def _on_disk(st: os.stat_result) -> int:
    """What a file takes on disk: its blocks where the system says (POSIX), and at least its
    size rounded up to whole blocks (a tiny file still takes an inode and usually a block)."""
    rounded = -(-st.st_size // BLOCK) * BLOCK or BLOCK
    return max(rounded, getattr(st, "st_blocks", 0) * 512)


def _read_key(path: Path) -> bytes | None:
    """The key in ``path``; None when there is none or it is not one we wrote."""
    try:
        with open(path, "rb") as file:
            key = file.read(KEY_BYTES + 1)
    except FileNotFoundError:
        return None
    return key if len(key) == KEY_BYTES else None


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=CHECKSUM).digest()
