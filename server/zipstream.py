"""A ZIP archive streamed while it is built: stored entries (media is already compressed, and it
keeps the CPU free), data descriptors, UTF-8 names, ZIP64 when needed. No temporary archive, no
whole file in memory: only the central directory (about 100 bytes per entry) is kept.

Written by hand after PKWARE's APPNOTE 6.3 so that the layout is known exactly, which lets
estimate_zip_size() give the exact length in advance (for a Content-Length header).
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import struct
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from server.files import is_inside
from server.portable_folders import NO_ROOM, open_no_link

LIMIT_32 = 0xFFFFFFFF  # this value in a 32-bit field means "see the ZIP64 extra field"
LIMIT_16 = 0xFFFF
CHUNK_SIZE = 256 * 1024

_FLAG_DESCRIPTOR = 0x0008
_FLAG_UTF8 = 0x0800
_VERSION_DEFAULT = 20  # 2.0: folders, stored files
_VERSION_ZIP64 = 45
_MADE_BY_UNIX = (3 << 8) | 45
_FILE_MODE = 0o100644
_DIR_MODE = 0o040755
_DOS_DIRECTORY = 0x10

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_DESCRIPTOR_32 = struct.Struct("<IIII")
_DESCRIPTOR_64 = struct.Struct("<IIQQ")
_END = struct.Struct("<IHHHHIIH")
_END64 = struct.Struct("<IQHHIIQQQQ")
_LOCATOR64 = struct.Struct("<IIQI")


@dataclass(frozen=True)
class ZipItem:
    arcname: str  # forward slashes, relative; folders end with "/"
    fs_path: str | None  # None for folders
    size: int  # bytes to store; a file is never read past it
    mtime: float
    # opens the file when its turn comes (the access policy's accessor: relative to its opened
    # folder, no links followed); None: opened by fs_path
    opener: Callable[[], int | None] | None = None


@dataclass(slots=True)
class _Entry:
    name: bytes
    is_dir: bool
    zip64: bool  # ZIP64 sizes in the local header and an 8-byte data descriptor
    offset: int
    dos_time: int = 0
    dos_date: int = 0
    crc: int = 0
    size: int = 0


@dataclass(slots=True)
class ZipStream:
    """Iterate it to get the archive's bytes. Afterwards, ``skipped`` names the files that had
    vanished or could not be opened (left out), ``changed`` those whose size differed from the
    listing (stored as actually read), and ``bytes_out`` the archive's length. A file that
    cannot be opened only because the process is short of room (NO_ROOM) raises its OSError:
    left out, it would make an archive that looks complete."""

    items: Iterable[ZipItem]
    chunk_size: int = CHUNK_SIZE
    force_zip64: bool = False
    root: str | None = None  # when set, a file whose real path leaves it is skipped
    skipped: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    bytes_out: int = 0

    def __iter__(self) -> Iterator[bytes]:
        out = _Output(self.chunk_size)
        entries: list[_Entry] = []
        for item in self.items:
            entry = _Entry(_encoded_name(item.arcname), item.arcname.endswith("/"),
                           _needs_zip64(item, self.force_zip64), out.total)
            entry.dos_time, entry.dos_date = _dos_time(item.mtime)
            if entry.is_dir:
                yield from out.add(_local_header(entry))
            else:
                handle = self._open(item)
                if handle is None:
                    self.skipped.append(item.arcname)
                    continue
                with handle:  # closed even when the client goes away mid-file
                    yield from out.add(_local_header(entry))
                    yield from self._copy(item, handle, entry, out)
                yield from out.add(_descriptor(entry))
            entries.append(entry)
        yield from self._central_directory(entries, out)
        yield from out.flush()
        self.bytes_out = out.total

    def _open(self, item: ZipItem) -> io.FileIO | None:
        """The opened file if it is a regular file (never a symlink, FIFO or device), or None."""
        if item.opener is not None:
            fd = item.opener()
            return None if fd is None else self._regular(io.FileIO(fd, "rb", closefd=True))
        if item.fs_path is None:
            return None
        try:
            if self.root is not None and not is_inside(os.path.realpath(item.fs_path),
                                                       self.root):
                return None
            handle = io.FileIO(open_no_link(item.fs_path), "rb", closefd=True)
        except OSError as err:
            if err.errno in NO_ROOM:
                raise  # short of room, not vanished: the archive must not look complete
            return None
        return self._regular(handle)

    @staticmethod
    def _regular(handle: io.FileIO) -> io.FileIO | None:
        try:
            if stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return handle
        except OSError:
            pass
        handle.close()
        return None

    def _copy(self, item: ZipItem, handle: io.FileIO, entry: _Entry,
              out: _Output) -> Iterator[bytes]:
        """Store at most item.size bytes of the file; CRC and size of what was actually read."""
        crc, done = 0, 0
        while done < item.size:
            try:
                data = handle.read(min(self.chunk_size, item.size - done))
            except OSError:
                break
            if not data:
                break
            crc = zlib.crc32(data, crc)
            done += len(data)
            yield from out.add(data)
        more = b""
        with contextlib.suppress(OSError):
            more = handle.read(1)
        if done != item.size or more:
            self.changed.append(item.arcname)
        entry.crc, entry.size = crc, done

    def _central_directory(self, entries: list[_Entry], out: _Output) -> Iterator[bytes]:
        start = out.total
        for entry in entries:
            yield from out.add(_central_header(entry))
        yield from out.add(_end_records(len(entries), start, out.total - start,
                                        self.force_zip64))


def iter_zip(items: Iterable[ZipItem], *, chunk_size: int = CHUNK_SIZE,
             force_zip64: bool = False, root: str | None = None) -> Iterator[bytes]:
    """The archive's bytes, in chunks of at most ``chunk_size`` (all but the last exactly so)."""
    return iter(ZipStream(items, chunk_size=chunk_size, force_zip64=force_zip64, root=root))


def estimate_zip_size(items: Iterable[ZipItem], *, force_zip64: bool = False) -> int | None:
    """The exact length iter_zip will produce if no file changes meanwhile; None if a size is
    unknown (negative). Lays the archive out with the same header builders, without data."""
    total = 0
    central = 0
    count = 0
    for item in items:
        if item.size < 0:
            return None
        is_dir = item.arcname.endswith("/")
        entry = _Entry(_encoded_name(item.arcname), is_dir, _needs_zip64(item, force_zip64),
                       total)
        entry.size = 0 if is_dir else item.size
        total += len(_local_header(entry))
        if not is_dir:
            total += item.size + len(_descriptor(entry))
        central += len(_central_header(entry))
        count += 1
    return total + central + len(_end_records(count, total, central, force_zip64))


class _Output:
    """Gathers small writes so that the stream is made of chunk_size pieces."""

    __slots__ = ("_pending", "chunk_size", "total")

    def __init__(self, chunk_size: int) -> None:
        if chunk_size < 1:
            raise ValueError("chunk_size must be positive")
        self.chunk_size = chunk_size
        self._pending = bytearray()
        self.total = 0  # bytes handed to add(): the offset of the next byte of the archive

    def add(self, data: bytes) -> Iterator[bytes]:
        self.total += len(data)
        if not self._pending and len(data) == self.chunk_size:
            yield data
            return
        self._pending += data
        while len(self._pending) >= self.chunk_size:
            piece = bytes(self._pending[:self.chunk_size])
            del self._pending[:self.chunk_size]
            yield piece

    def flush(self) -> Iterator[bytes]:
        if self._pending:
            piece = bytes(self._pending)
            self._pending.clear()
            yield piece


# -- the format ----------------------------------------------------------------------------------


def _encoded_name(arcname: str) -> bytes:
    parts = arcname.rstrip("/").split("/")
    if (not arcname or arcname.startswith("/") or "\\" in arcname or "\x00" in arcname
            or any(p in ("", ".", "..") for p in parts) or ":" in parts[0]):
        raise ValueError(f"not a safe relative archive name: {arcname!r}")
    name = arcname.encode("utf-8")
    if len(name) > LIMIT_16:
        raise ValueError("archive name too long")
    return name


def _needs_zip64(item: ZipItem, force: bool) -> bool:
    return force or (not item.arcname.endswith("/") and item.size >= LIMIT_32)


def _dos_time(mtime: float) -> tuple[int, int]:
    t = time.localtime(mtime) if 315532800 <= mtime < 4354819200 else time.localtime(315532800)
    year = min(max(t.tm_year, 1980), 2107)
    dos_time = (t.tm_hour << 11) | (t.tm_min << 5) | (t.tm_sec // 2)
    dos_date = ((year - 1980) << 9) | (t.tm_mon << 5) | t.tm_mday
    return dos_time, dos_date


def _flags(entry: _Entry) -> int:
    flags = 0 if entry.is_dir else _FLAG_DESCRIPTOR
    if any(b >= 0x80 for b in entry.name):
        flags |= _FLAG_UTF8
    return flags


def _local_header(entry: _Entry) -> bytes:
    extra = b""
    size_field = 0
    if entry.zip64:
        extra = struct.pack("<HHQQ", 1, 16, 0, 0)  # sizes follow in the data descriptor
        size_field = LIMIT_32
    version = _VERSION_ZIP64 if entry.zip64 else _VERSION_DEFAULT
    return _LOCAL.pack(0x04034B50, version, _flags(entry), 0, entry.dos_time, entry.dos_date,
                       0, size_field, size_field, len(entry.name), len(extra)) + entry.name + extra


def _descriptor(entry: _Entry) -> bytes:
    if entry.zip64:
        return _DESCRIPTOR_64.pack(0x08074B50, entry.crc, entry.size, entry.size)
    return _DESCRIPTOR_32.pack(0x08074B50, entry.crc, entry.size, entry.size)


def _central_header(entry: _Entry) -> bytes:
    fields: list[int] = []
    size_field = entry.size
    offset_field = entry.offset
    if entry.zip64 or entry.size >= LIMIT_32:
        size_field = LIMIT_32
        fields += [entry.size, entry.size]
    if entry.offset >= LIMIT_32:
        offset_field = LIMIT_32
        fields.append(entry.offset)
    extra = struct.pack(f"<HH{len(fields)}Q", 1, 8 * len(fields), *fields) if fields else b""
    version = _VERSION_ZIP64 if extra else _VERSION_DEFAULT
    mode = _DIR_MODE if entry.is_dir else _FILE_MODE
    attributes = (mode << 16) | (_DOS_DIRECTORY if entry.is_dir else 0)
    return _CENTRAL.pack(0x02014B50, _MADE_BY_UNIX, version, _flags(entry), 0, entry.dos_time,
                         entry.dos_date, entry.crc, size_field, size_field, len(entry.name),
                         len(extra), 0, 0, 0, attributes, offset_field) + entry.name + extra


def _end_records(count: int, cd_offset: int, cd_size: int, force: bool) -> bytes:
    zip64 = force or count > LIMIT_16 - 1 or cd_offset >= LIMIT_32 or cd_size >= LIMIT_32
    head = b""
    if zip64:
        end64_offset = cd_offset + cd_size
        head = _END64.pack(0x06064B50, 44, _MADE_BY_UNIX, _VERSION_ZIP64, 0, 0, count, count,
                           cd_size, cd_offset)
        head += _LOCATOR64.pack(0x07064B50, 0, end64_offset, 1)
    short_count = min(count, LIMIT_16) if not zip64 else LIMIT_16
    return head + _END.pack(0x06054B50, 0, 0, short_count, short_count,
                            LIMIT_32 if zip64 else cd_size, LIMIT_32 if zip64 else cd_offset, 0)
