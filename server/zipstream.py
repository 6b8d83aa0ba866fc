"""A ZIP archive streamed while it is built: stored entries (media is already compressed, and it
keeps the CPU free), data descriptors, UTF-8 names, ZIP64 when needed. No temporary archive, no
whole file in memory: only the central directory is kept, as its packed records (46 bytes plus
the name per entry), never as an object per entry.

Written by hand after PKWARE's APPNOTE 6.3 so that the layout is known exactly, which lets
estimate_zip_size() give the exact length in advance (for a Content-Length header).
"""

from __future__ import annotations

import os
import stat
import struct
import time
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

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
_FILE_ATTRIBUTES = 0o100644 << 16
_DIR_ATTRIBUTES = (0o040755 << 16) | 0x10  # the mode, and MS-DOS's directory bit

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_DESCRIPTOR_32 = struct.Struct("<IIII")
_DESCRIPTOR_64 = struct.Struct("<IIQQ")
_END = struct.Struct("<IHHHHIIH")
_END64 = struct.Struct("<IQHHIIQQQQ")
_LOCATOR64 = struct.Struct("<IIQI")
_LOCAL_ZIP64_EXTRA = struct.pack("<HHQQ", 1, 16, 0, 0)  # the sizes follow in the descriptor


class Opened(NamedTuple):
    """A regular file opened for an archive: its descriptor (the archive closes it), and its
    size and mtime as the opened file says."""

    fd: int
    size: int
    mtime: float


class ZipItem(NamedTuple):
    arcname: str  # forward slashes, relative; folders end with "/"
    fs_path: str | None  # None for folders and for items with an opener
    size: int  # bytes to store (a file is never read past it); for an opener's item, unused
    mtime: float
    # opens the file when its turn comes (the access policy's accessor: relative to its opened
    # folder, no links followed, only a regular file), or None to leave it out; the opened
    # file's size and mtime are what is stored. None: opened by fs_path
    opener: Callable[[], Opened | None] | None = None


@dataclass(slots=True)
class ZipStream:
    """Iterate it to get the archive's bytes. Afterwards, ``skipped`` names the files that had
    vanished or could not be opened (left out), ``changed`` those whose size differed from the
    listing (stored as actually read), and ``bytes_out`` the archive's length (meanwhile:
    the bytes handed out so far). A file that
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
        chunk = self.chunk_size
        if chunk < 1:
            raise ValueError("chunk_size must be positive")
        out = bytearray()  # what is not handed out yet: less than one chunk between items
        central = bytearray()  # the central directory's records, packed
        count = 0
        force = self.force_zip64
        self.bytes_out = 0  # handed out so far
        for item in self.items:
            name = _encoded_name(item.arcname)
            offset = self.bytes_out + len(out)
            if name[-1:] == b"/":
                dos = _dos_time(item.mtime)
                out += _local_header(name, dos, force, is_dir=True)
                central += _central_header(name, dos, 0, 0, offset, force, is_dir=True)
            else:
                opened = self._open(item)
                if opened is None:
                    self.skipped.append(item.arcname)
                    continue
                fd, size, mtime = opened
                try:  # closed even when the client goes away mid-file
                    zip64 = force or size >= LIMIT_32
                    dos = _dos_time(mtime)
                    out += _local_header(name, dos, zip64, is_dir=False)
                    crc, done = yield from self._copy(item.arcname, fd, size, out)
                finally:
                    os.close(fd)
                out += (_DESCRIPTOR_64 if zip64 else _DESCRIPTOR_32).pack(0x08074B50, crc, done,
                                                                           done)
                central += _central_header(name, dos, crc, done, offset, zip64, is_dir=False)
            count += 1
            if len(out) >= chunk:
                yield from self._full_chunks(out)
        start = self.bytes_out + len(out)
        out += central
        del central
        out += _end_records(count, start, self.bytes_out + len(out) - start, force)
        yield from self._full_chunks(out)
        if out:
            self.bytes_out += len(out)
            yield bytes(out)

    def _full_chunks(self, out: bytearray) -> Iterator[bytes]:
        """Hand out the whole chunks gathered in ``out``."""
        chunk = self.chunk_size
        while len(out) >= chunk:
            piece = bytes(out[:chunk])
            del out[:chunk]
            self.bytes_out += chunk
            yield piece

    def _open(self, item: ZipItem) -> Opened | None:
        """The item's file opened if it is a regular file (never a symlink, FIFO or device)."""
        if item.opener is not None:
            return item.opener()
        if item.fs_path is None:
            return None
        try:
            if self.root is not None and not is_inside(os.path.realpath(item.fs_path),
                                                       self.root):
                return None
            fd = open_no_link(item.fs_path)
        except OSError as err:
            if err.errno in NO_ROOM:
                raise  # short of room, not vanished: the archive must not look complete
            return None
        try:
            regular = stat.S_ISREG(os.fstat(fd).st_mode)
        except OSError:
            regular = False
        if not regular:
            os.close(fd)
            return None
        return Opened(fd, item.size, item.mtime)  # the listed size and time, as listed

    def _copy(self, arcname: str, fd: int, size: int, out: bytearray
              ) -> Generator[bytes, None, tuple[int, int]]:
        """Append at most ``size`` bytes of the file to ``out``, handing out whole chunks as
        they fill; returns the CRC and length of what was actually read. The last read asks for
        one byte more, so a file that grew is noticed without a read of its own."""
        chunk = self.chunk_size
        crc = done = 0
        grew = False
        while done < size or not done:
            left = size - done
            data = _read(fd, left + 1 if left <= chunk else chunk)
            if len(data) > left:
                grew, data = True, data[:left]
            if not data:
                break
            crc = zlib.crc32(data, crc)
            done += len(data)
            out += data
            if len(out) >= chunk:
                yield from self._full_chunks(out)
            if grew:
                break
        if done != size or grew:
            self.changed.append(arcname)
        return crc, done


def _read(fd: int, count: int) -> bytes:
    try:
        return os.read(fd, count)
    except OSError:
        return b""


def iter_zip(items: Iterable[ZipItem], *, chunk_size: int = CHUNK_SIZE,
             force_zip64: bool = False, root: str | None = None) -> Iterator[bytes]:
    """The archive's bytes, in chunks of at most ``chunk_size`` (all but the last exactly so)."""
    return iter(ZipStream(items, chunk_size=chunk_size, force_zip64=force_zip64, root=root))


def estimate_zip_size(items: Iterable[ZipItem], *, force_zip64: bool = False) -> int | None:
    """The exact length iter_zip will produce if no file changes meanwhile; None if a size is
    unknown (negative, or known only once the file is opened). Lays the archive out with the
    same header builders, without data."""
    total = central = count = 0
    for item in items:
        if item.size < 0 or item.opener is not None:
            return None
        name = _encoded_name(item.arcname)
        is_dir = name[-1:] == b"/"
        size = 0 if is_dir else item.size
        zip64 = force_zip64 or size >= LIMIT_32
        header = len(_local_header(name, (0, 0), zip64, is_dir=is_dir))
        central += len(_central_header(name, (0, 0), 0, size, total, zip64, is_dir=is_dir))
        total += header if is_dir else header + size + (24 if zip64 else 16)
        count += 1
    return total + central + len(_end_records(count, total, central, force_zip64))


# -- the format ----------------------------------------------------------------------------------


def _encoded_name(arcname: str) -> bytes:
    parts = "/" + arcname.rstrip("/") + "/"
    if (not arcname or arcname[0] == "/" or "\\" in arcname or "\x00" in arcname
            or "//" in parts or "/./" in parts or "/../" in parts
            or ":" in arcname.partition("/")[0]):
        raise ValueError(f"not a safe relative archive name: {arcname!r}")
    name = arcname.encode("utf-8")
    if len(name) > LIMIT_16:
        raise ValueError("archive name too long")
    return name


_dos_cache: dict[int, tuple[int, int]] = {}


def _dos_time(mtime: float) -> tuple[int, int]:
    """MS-DOS time and date of a local time (2-second steps, 1980-2107)."""
    key = int(mtime) >> 1
    found = _dos_cache.get(key)
    if found is not None:
        return found
    t = time.localtime(mtime) if 315532800 <= mtime < 4354819200 else time.localtime(315532800)
    year = min(max(t.tm_year, 1980), 2107)
    dos = ((t.tm_hour << 11) | (t.tm_min << 5) | (t.tm_sec // 2),
           ((year - 1980) << 9) | (t.tm_mon << 5) | t.tm_mday)
    if len(_dos_cache) >= 4096:
        _dos_cache.clear()  # a bound, not an LRU: a zip's files mostly share a few times
    _dos_cache[key] = dos
    return dos


def _flags(name: bytes, is_dir: bool) -> int:
    return (0 if is_dir else _FLAG_DESCRIPTOR) | (0 if name.isascii() else _FLAG_UTF8)


def _local_header(name: bytes, dos: tuple[int, int], zip64: bool, *, is_dir: bool) -> bytes:
    extra = _LOCAL_ZIP64_EXTRA if zip64 else b""
    size_field = LIMIT_32 if zip64 else 0
    return _LOCAL.pack(0x04034B50, _VERSION_ZIP64 if zip64 else _VERSION_DEFAULT,
                       _flags(name, is_dir), 0, dos[0], dos[1], 0, size_field, size_field,
                       len(name), len(extra)) + name + extra


def _central_header(name: bytes, dos: tuple[int, int], crc: int, size: int, offset: int,
                    zip64: bool, *, is_dir: bool) -> bytes:
    fields: list[int] = []
    size_field, offset_field = size, offset
    if zip64 or size >= LIMIT_32:
        size_field = LIMIT_32
        fields += [size, size]
    if offset >= LIMIT_32:
        offset_field = LIMIT_32
        fields.append(offset)
    extra = struct.pack(f"<HH{len(fields)}Q", 1, 8 * len(fields), *fields) if fields else b""
    return _CENTRAL.pack(0x02014B50, _MADE_BY_UNIX,
                         _VERSION_ZIP64 if extra else _VERSION_DEFAULT, _flags(name, is_dir), 0,
                         dos[0], dos[1], crc, size_field, size_field, len(name), len(extra),
                         0, 0, 0, _DIR_ATTRIBUTES if is_dir else _FILE_ATTRIBUTES,
                         offset_field) + name + extra


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
