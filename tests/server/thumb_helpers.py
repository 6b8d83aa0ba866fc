"""Pictures for the thumbnail tests, made on the spot with Pillow (the HEIC fixture is in
tests/server/data/), the markers of a JPEG, and a renderer with a gate that the test opens, so
that "the thumbnail thread is busy" is a state the test sets, not a race it hopes to win."""

from __future__ import annotations

import io
import shutil
import struct
import threading
import zlib
from pathlib import Path

from PIL import Image, ImageCms

from server.thumb_kinds import RenderJob
from server.thumb_render import MediaRenderer

DATA = Path(__file__).parent / "data"
HEIC = DATA / "red-blue-64x48.heic"
WEBM = Path(__file__).parents[1] / "browser" / "data" / "blue-160x120.webm"
FFMPEG = shutil.which("ffmpeg")
ORIENTATION = 0x0112
GPS_IFD = 0x8825
RED, BLUE = (220, 30, 30), (30, 30, 220)
GATE_WAIT = 10.0  # only a hung test waits this long


def two_halves(width: int, height: int) -> Image.Image:
    """Red on the left, blue on the right."""
    image = Image.new("RGB", (width, height), RED)
    image.paste(BLUE, (width // 2, 0, width, height))
    return image


def photo_jpeg(width: int = 4000, height: int = 3000, *, orientation: int = 1,
               progressive: bool = False, subsampling: int = -1) -> bytes:
    """A camera-like JPEG: EXIF with orientation and GPS, an ICC profile and a comment."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 7.0)}
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    two_halves(width, height).save(out, "JPEG", quality=85, exif=exif, icc_profile=icc,
                                   comment=b"where I live", progressive=progressive,
                                   subsampling=subsampling)
    return out.getvalue()


def png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` RGB pixels, with a token of data: what
    a decompression bomb looks like before it is decoded."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\0" * 4096)) + chunk(b"IEND", b""))


def jpeg_declaring(data: bytes, width: int, height: int) -> bytes:
    """``data`` (a JPEG) with its frame header saying ``width`` x ``height``."""
    for marker in (b"\xff\xc0", b"\xff\xc2"):
        at = data.find(marker)
        if at != -1:
            return data[:at + 5] + struct.pack(">HH", height, width) + data[at + 9:]
    raise AssertionError("no frame header")


def jpeg_markers(data: bytes) -> list[int]:
    """The markers of a JPEG's header segments, up to the start of the scan."""
    assert data[:2] == b"\xff\xd8", data[:4]
    markers = []
    at = 2
    while at < len(data):
        assert data[at] == 0xFF, at
        marker = data[at + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            return markers
        length = struct.unpack(">H", data[at + 2:at + 4])[0]
        at += 2 + length
    return markers


def assert_bare_jpeg(data: bytes) -> None:
    """Nothing but pixels: no EXIF/XMP (APP1), ICC (APP2), other APPn, or comment (COM)."""
    markers = jpeg_markers(data)
    extras = [m for m in markers if 0xE1 <= m <= 0xEF or m == 0xFE]
    assert extras == [], [hex(m) for m in extras]
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert "exif" not in image.info and "icc_profile" not in image.info
        assert "comment" not in image.info and not image.getexif()


def picture(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def near(pixel: tuple[int, ...], colour: tuple[int, int, int], slack: int = 40) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(pixel, colour, strict=False))


class Gate:
    """A Renderer that waits, in front of the real one, until the test opens it. ``entered``
    is released once per job that reached it."""

    def __init__(self, ffmpeg: str | None = None) -> None:
        self._inner = MediaRenderer(Path(ffmpeg) if ffmpeg else None)
        self.opened = threading.Event()
        self.entered = threading.Semaphore(0)
        self.calls = 0

    def makes(self, media: str) -> bool:
        return self._inner.makes(media)

    def render(self, job: RenderJob) -> bytes | None:
        self.calls += 1
        self.entered.release()
        assert self.opened.wait(GATE_WAIT), "the test never opened the gate"
        return self._inner.render(job)

    def wait_entered(self) -> None:
        assert self.entered.acquire(timeout=GATE_WAIT), "no job reached the renderer"

    def close(self) -> None:
        self.opened.set()
        self._inner.close()


def ffmpeg_path() -> Path | None:
    return Path(FFMPEG) if FFMPEG else None

