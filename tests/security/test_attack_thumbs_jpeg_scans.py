"""Attack: a progressive JPEG that repeats one scan thousands of times. libjpeg decodes every
scan over every block (a repeated scan is only a warning), so a 2.4 MB upload of a 7000x7000
grey picture with 30,000 scans kept the only thumbnail thread busy for ~95 s, and every other
cold thumbnail of every account waited behind it (carol's waited 113 s; a bigger file, up to
the 200 MB cap, takes hours and turns everyone's thumbnails into 503s). Nothing bounds the
number of scans or the time Pillow may spend on one picture."""

from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image

from server.routes_media import ICONS
from server.thumb_kinds import IMAGE
from tests.conftest import RunningServer, http_request

SCANS = 1000  # a real progressive JPEG has about ten; this one decodes in about a second


def segments(data: bytes) -> list[tuple[int, bytes]]:
    """(marker, bytes) of each segment, a scan with its entropy-coded data."""
    found, i = [], 2
    while data[i + 1] != 0xD9:
        marker = data[i + 1]
        end = i + 2 + struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker == 0xDA:
            while not (data[end] == 0xFF and data[end + 1] not in (0, *range(0xD0, 0xD8))):
                end += 1
        found.append((marker, data[i:end]))
        i = end
    return found


def scan_bomb(width: int, scans: int) -> bytes:
    """A valid progressive JPEG whose smallest AC scan is repeated ``scans`` times."""
    out = io.BytesIO()
    Image.new("L", (width, width), 128).save(out, "JPEG", progressive=True, quality=50)
    parts = segments(out.getvalue())
    repeated = min((seg for marker, seg in parts[1:] if marker == 0xDA), key=len)
    return b"\xff\xd8" + b"".join(seg for _, seg in parts) + repeated * scans + b"\xff\xd9"


def test_a_jpeg_with_a_thousand_scans_gets_an_icon(server_factory, tmp_path: Path) -> None:
    share = tmp_path / "bombs"
    share.mkdir()
    (share / "scans.jpg").write_bytes(scan_bomb(1024, SCANS))
    running: RunningServer = server_factory(share)
    status, body = http_request(running.port, "GET", "/scans.jpg?thumb")
    assert status == 200
    assert body == ICONS[IMAGE], "the scan bomb was decoded into a thumbnail"
