"""What a picture will cost, told from its header (server/thumb_budget.py): a JPEG's layout read
marker by marker (scans counted through entropy-coded data, stuffed bytes and restart markers,
a thumbnail hidden in EXIF not counted), frame types and scan counts refused, the coefficient
memory of progressive JPEGs, and the estimate's phases."""

from __future__ import annotations

import io
import os
import struct
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

from server.thumb_budget import (
    DECODE_BUDGET,
    MAX_SCANS,
    MAX_SEGMENTS,
    JpegLayout,
    Refused,
    decode_cost,
    jpeg_layout,
    reduce_factor,
)
from tests.security.test_attack_thumbs_jpeg_scans import scan_bomb
from tests.server.thumb_helpers import photo_jpeg

Layout = Callable[[bytes], JpegLayout]


@pytest.fixture
def layout_of(tmp_path: Path) -> Iterator[Layout]:
    fds: list[int] = []

    def read(data: bytes) -> JpegLayout:
        path = tmp_path / f"{len(fds)}.jpg"
        path.write_bytes(data)
        fds.append(os.open(path, os.O_RDONLY))
        return jpeg_layout(fds[-1], len(data))

    yield read
    for fd in fds:
        os.close(fd)


def jpeg(image: Image.Image, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", **options)
    return out.getvalue()


def test_a_baseline_photo_is_one_scan_decoded_a_few_rows_at_a_time(layout_of: Layout):
    found = layout_of(photo_jpeg(640, 480))  # EXIF (with GPS), ICC profile and a comment
    assert (found.width, found.height, found.scans) == (640, 480, 1)
    assert found.sampling == ((2, 2), (1, 1), (1, 1)) and not found.buffered


def test_progressive_scans_are_counted_exactly(layout_of: Layout):
    """Noise makes entropy-coded data full of stuffed 0xFF 0x00; restart markers too."""
    noise = Image.effect_noise((512, 384), 100).convert("RGB")
    found = layout_of(jpeg(noise, progressive=True, quality=95))
    assert found.buffered and found.scans == 10  # libjpeg's progression for YCbCr
    restarts = layout_of(jpeg(noise, quality=95, restart_marker_blocks=1))
    assert restarts.scans == 1 and not restarts.buffered


def test_a_thumbnail_inside_the_exif_block_is_not_counted(layout_of: Layout):
    inner = jpeg(Image.new("RGB", (64, 48), "red"), progressive=True)
    app1 = b"Exif\0\0" + inner  # not a valid EXIF block, but a segment holding FF DA bytes
    outer = photo_jpeg(320, 240)
    data = outer[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + outer[2:]
    assert layout_of(data).scans == 1


def test_too_many_scans_or_segments_are_refused(layout_of: Layout):
    own = layout_of(scan_bomb(64, 0)).scans  # libjpeg's progression for one component
    assert layout_of(scan_bomb(64, MAX_SCANS - own)).scans == MAX_SCANS
    with pytest.raises(Refused, match="scans"):
        layout_of(scan_bomb(64, MAX_SCANS - own + 1))
    plain = photo_jpeg(64, 48)
    comments = b"\xff\xfe\x00\x03x" * MAX_SEGMENTS
    with pytest.raises(Refused, match="segments"):
        layout_of(plain[:2] + comments + plain[2:])


def test_lossless_and_hierarchical_frames_are_refused(layout_of: Layout):
    data = bytearray(photo_jpeg(64, 48))
    at = data.find(b"\xff\xc0")
    for frame in (0xC3, 0xC5, 0xCB):
        data[at + 1] = frame
        with pytest.raises(Refused, match="frame type"):
            layout_of(bytes(data))


def test_broken_layouts_are_refused(layout_of: Layout):
    whole = photo_jpeg(64, 48)
    scan = whole.find(b"\xff\xda")
    with pytest.raises(Refused):
        layout_of(whole[:2] + whole[scan:])  # a scan before any frame
    with pytest.raises(Refused):
        layout_of(whole[:2] + b"\x00\x00" + whole[2:])  # no marker where one belongs


def test_progressive_jpegs_cost_their_coefficients():
    """Two bytes for each of 64 coefficients of every block of every component."""
    ycc = JpegLayout(0xC2, 8000, 6000, ((2, 2), (1, 1), (1, 1)), 10)
    assert ycc.coefficient_bytes() == 8000 * 6000 * 3  # 4:2:0: 1.5 samples a pixel
    cmyk = JpegLayout(0xC2, 7000, 7000, ((1, 1),) * 4, 10)
    assert cmyk.coefficient_bytes() == 875 * 875 * 4 * 128
    assert cmyk.coefficient_bytes() > DECODE_BUDGET  # an icon, from the header


def test_the_estimate_takes_the_costliest_phase():
    small = decode_cost(size=(4000, 3000), mode="RGB", decoder_bytes=0, target=(320, 240))
    assert 4000 * 3000 * 4 < small < DECODE_BUDGET
    grey = decode_cost(size=(4000, 3000), mode="L", decoder_bytes=0, target=(320, 240))
    assert grey < small
    heavy = decode_cost(size=(4000, 3000), mode="RGB", decoder_bytes=10**9, target=(320, 240))
    assert heavy > 10**9
    assert reduce_factor((7000, 7000), (320, 320)) == 21
    assert reduce_factor((700, 500), (320, 229)) == 2 and reduce_factor((50, 40), (50, 40)) == 1
