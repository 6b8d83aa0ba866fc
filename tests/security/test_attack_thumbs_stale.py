"""Attack: a file replaced by another of the same size with the same modification time (``touch
-r``, ``cp -p``, ``rsync -t``, or two uploads within one tick of a coarse clock: 2 s on FAT/exFAT
USB drives) keeps the first file's thumbnail and ETag, in memory and in the disk cache across
restarts: the key is (path, size, mtime_ns) only, not the inode or st_ctime (which no one can
set back). Seen live: a red BMP swapped for a blue one kept its red thumbnail and its ETag
while a download already gave blue."""

from __future__ import annotations

import io
import os
from pathlib import Path

from PIL import Image

from tests.conftest import RunningServer, http_request


def bmp(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (100, 100), colour).save(out, "BMP")
    return out.getvalue()


def centre(jpeg: bytes) -> tuple[int, ...]:
    with Image.open(io.BytesIO(jpeg)) as image:
        return image.convert("RGB").getpixel((50, 50))


def test_a_swapped_file_with_the_same_size_and_mtime_gets_a_new_thumbnail(
        server_factory, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    path = share / "s.bmp"
    path.write_bytes(bmp("red"))
    running: RunningServer = server_factory(share, thumb_cache=tmp_path / "cache")
    status, first = http_request(running.port, "GET", "/s.bmp?thumb")
    assert status == 200 and centre(first)[0] > 200  # red
    before = os.stat(path)
    fresh = share / "s.bmp.new"
    fresh.write_bytes(bmp("blue"))
    assert fresh.stat().st_size == before.st_size
    os.replace(fresh, path)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    status, body = http_request(running.port, "GET", "/s.bmp")
    assert status == 200 and body == bmp("blue")  # a download gives the new file
    status, second = http_request(running.port, "GET", "/s.bmp?thumb")
    assert status == 200
    assert centre(second)[2] > 200, "the thumbnail is still the replaced file's (red)"
