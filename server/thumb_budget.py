"""What decoding a picture will cost, told from its header before a pixel is decoded, so that a
picture over the budget gets an icon instead of the memory (docs/SECURITY.md, "Image
parsing"). The numbers are bytes per pixel of the size decoded, per format and mode, measured
on Pillow 13, libjpeg-turbo 3, libwebp 1.6, libheif and libavif (peak RSS while one thumbnail
is made; see tests/security/test_attack_thumbs_memory.py), rounded up.

JPEGs are read here first, marker by marker, to the end of the first picture: the frame type,
the components' sampling, and the number of scans. libjpeg decodes every scan over the whole
picture (a repeated scan is only a warning), so a few kB of repeated scans cost minutes: more
than ``MAX_SCANS`` is refused. A progressive or multi-scan JPEG keeps every DCT coefficient of
the full size in memory (2 bytes a sample) whatever the scale it is decoded at; a single-scan
one is decoded a few rows at a time at the reduced scale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from server.portable import read_at

MAX_SCANS = 100  # a progressive JPEG from a camera or an editor has about ten
MAX_SEGMENTS = 2000  # markers before the end of the picture; a photo has a few dozen
DECODE_BUDGET = 200 * 1024 * 1024  # bytes one picture may cost while it is made
BAND_PIXELS = 1 << 18  # pixels converted at a time when a full-size picture is shrunk
OVERHEAD = 8 * 1024 * 1024  # colour transform, encoder, Python's own
CHUNK = 1 << 20

# Frame types Pier decodes: sequential and progressive, Huffman or arithmetic coded. Not the
# lossless (no reduced-scale decoding: a declared giant is decoded whole) or hierarchical ones,
# which no camera writes.
SEQUENTIAL = frozenset({0xC0, 0xC1, 0xC9})
PROGRESSIVE = frozenset({0xC2, 0xCA})
_OTHER_FRAMES = frozenset({0xC3, 0xC5, 0xC6, 0xC7, 0xCB, 0xCD, 0xCE, 0xCF})
SOS, EOI = 0xDA, 0xD9
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})  # TEM, RST0-7: no length
# The end of entropy-coded data: 0xFF followed by neither a stuffed 0x00, a restart marker nor
# another 0xFF (fill).
_MARKER_AHEAD = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")

# Bytes a pixel takes in Pillow's image of each mode (RGB is stored in four).
_PIXEL_BYTES = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16L": 2, "I;16B": 2, "I;16N": 2}
# What decoders keep besides Pillow's image, per pixel of the full size: libheif's planes and
# its RGB copy, libavif's planes and RGB copy, Pillow's WebP way (two canvases, bytes and a
# copy), libtiff's RGBA raster for the photometrics it cannot hand over as they are.
DECODER_BYTES = {"HEIF": 3.5, "AVIF": 6.0, "WEBP": 12.0, "TIFF": 4.0}


class Refused(ValueError):
    """The picture would cost more than it may: an icon."""


@dataclass(frozen=True, slots=True)
class JpegLayout:
    frame: int  # the SOF marker
    width: int
    height: int
    sampling: tuple[tuple[int, int], ...]  # (horizontal, vertical) of each component
    scans: int

    @property
    def buffered(self) -> bool:
        """libjpeg keeps every coefficient of the full size (progressive, or several scans)."""
        return self.frame in PROGRESSIVE or self.scans > 1

    def coefficient_bytes(self) -> int:
        """What libjpeg's whole-picture coefficient buffer takes: 64 coefficients of 2 bytes
        per block of each component, padded to whole MCUs."""
        most_h = max(h for h, _ in self.sampling)
        most_v = max(v for _, v in self.sampling)
        mcus_across = -(-self.width // (8 * most_h))
        mcus_down = -(-self.height // (8 * most_v))
        blocks = sum(mcus_across * h * mcus_down * v for h, v in self.sampling)
        return blocks * 64 * 2


def jpeg_layout(fd: int, file_size: int) -> JpegLayout:
    """The layout of the JPEG in ``fd`` (it starts with FF D8), reading to the end of its
    first picture; Refused when it is not one Pier decodes (a frame type off the list, more
    than MAX_SCANS scans, no frame before a scan)."""
    reader = _Reader(fd, file_size)
    at, frame, scans, segments = 2, None, 0, 0
    while True:
        marker, at = reader.marker(at)
        if marker is None or marker == EOI:
            break
        segments += 1
        if segments > MAX_SEGMENTS:  # each is a turn of this loop (and of Pillow's)
            raise Refused(f"a JPEG with more than {MAX_SEGMENTS} segments")
        if marker in _STANDALONE:
            continue
        length = reader.u16(at)
        if length < 2:
            raise Refused("a JPEG segment with a bad length")
        if marker in SEQUENTIAL or marker in PROGRESSIVE:
            frame = frame or _frame(marker, reader.read(at + 2, length - 2))
        elif marker in _OTHER_FRAMES:
            raise Refused(f"JPEG frame type {marker:#x} is not decoded here")
        at += length
        if marker == SOS:
            if frame is None:
                raise Refused("a JPEG scan before its frame")
            scans += 1
            if scans > MAX_SCANS:
                raise Refused(f"a JPEG with more than {MAX_SCANS} scans")
            at = reader.after_entropy_data(at)
    if frame is None:
        raise Refused("a JPEG without a frame")
    return JpegLayout(frame.frame, frame.width, frame.height, frame.sampling, scans)


def _frame(marker: int, body: bytes) -> JpegLayout:
    if len(body) < 6 or len(body) < 6 + 3 * body[5] or body[5] == 0:
        raise Refused("a JPEG frame header cut short")
    height, width = int.from_bytes(body[1:3], "big"), int.from_bytes(body[3:5], "big")
    sampling = tuple((body[7 + 3 * n] >> 4, body[7 + 3 * n] & 15) for n in range(body[5]))
    if not all(1 <= h <= 4 and 1 <= v <= 4 for h, v in sampling):
        raise Refused("a JPEG with bad sampling factors")
    return JpegLayout(marker, width, height, sampling, 0)


class _Reader:
    """The file's bytes by offset, in chunks (a 200 MB file is never read whole)."""

    def __init__(self, fd: int, size: int) -> None:
        self._fd, self._size = fd, size

    def read(self, at: int, count: int) -> bytes:
        return read_at(self._fd, count, at) if at < self._size else b""

    def u16(self, at: int) -> int:
        two = self.read(at, 2)
        if len(two) < 2:
            raise Refused("a JPEG cut short")
        return int.from_bytes(two, "big")

    def marker(self, at: int) -> tuple[int | None, int]:
        """The marker at ``at`` (after any fill bytes) and where its segment starts."""
        while True:
            two = self.read(at, 2)
            if len(two) < 2:
                return None, at
            if two[0] != 0xFF:
                raise Refused("a JPEG with something else where a marker belongs")
            if two[1] != 0xFF:
                return two[1], at + 2
            at += 1

    def after_entropy_data(self, at: int) -> int:
        """Where the marker after a scan's entropy-coded data starts."""
        while at < self._size:
            chunk = self.read(at, CHUNK)
            found = _MARKER_AHEAD.search(chunk)
            if found is not None:
                return at + found.start()
            at += max(1, len(chunk) - 1)  # a 0xFF at the end may start the next marker
        return at


def pixel_bytes(mode: str) -> int:
    return _PIXEL_BYTES.get(mode, 4)


def decode_cost(*, size: tuple[int, int], mode: str, decoder_bytes: int,
                target: tuple[int, int]) -> int:
    """The peak bytes of making a ``target``-sized picture from one decoded at ``size`` in
    ``mode`` (server/thumb_render.py's way): while decoding, the decoder's own
    ``decoder_bytes`` and the image; then the image, a band being converted and the picture
    reduced by a whole factor; then, the image gone, the reduced one resized."""
    width, height = size
    decoded = width * height * pixel_bytes(mode)
    factor = reduce_factor(size, target)
    reduced = -(-width // factor) * -(-height // factor) * 4
    band = BAND_PIXELS * (pixel_bytes(mode) + 3 * 4)
    resized = target[0] * -(-height // factor) * 4 + target[0] * target[1] * 4
    return OVERHEAD + max(decoder_bytes + decoded, decoded + band + reduced, reduced + resized)


def reduce_factor(size: tuple[int, int], target: tuple[int, int]) -> int:
    """The whole factor a picture is reduced by (averaging boxes of pixels) before it is
    resized: as large as leaves it no smaller than ``target``."""
    return max(1, min(size[0] // max(1, target[0]), size[1] // max(1, target[1])))
