"""Attack: pictures within the 50-megapixel full-decode limit that cost far more than the
"~200 MB at most while decoding" docs/SECURITY.md promises. Measured in a child process (peak
RSS growth while ``picture_jpeg`` makes one thumbnail), 7000x7000 files of a few kB:
a lossless WebP ~750 MB (libwebp's own buffers, then Pillow's copy), a palette PNG with a
transparent colour ~420 MB (converted to RGBA at full size before it is shrunk), a CMYK
progressive JPEG ~380 MB (four components of coefficients). The live server's peak went from
93 MB to 860 MB on one WebP thumbnail and its RSS stayed at 520 MB afterwards; with
``--thumb-threads`` up to 16, that is per thread.

Fixed by a budget checked from the header (server/thumb_budget.py) and by decoding less: WebP
through libwebp's scaler, full-size pictures converted a band at a time. A progressive CMYK
JPEG cannot be made cheaper: libjpeg keeps every DCT coefficient of the full size (8 bytes a
pixel with four components, ~390 MB here) whatever the scale it decodes at, so it is refused
from its header (an icon) and must cost nothing; a progressive YCbCr JPEG of the same size (3
bytes a pixel) is made."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

SIDE = 7000  # 49 megapixels: under MAX_FULL_DECODE_PIXELS
DOCUMENTED_MB = 200
SLACK_MB = 50

# VmHWM, not ru_maxrss: a child's ru_maxrss starts at its parent's (fork copies the memory
# map), and the parent has just made a 200 MB picture.
CHILD = """
import os, sys
from server.thumb_render import picture_jpeg

def peak_kb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

fd = os.open(sys.argv[1], os.O_RDONLY)
before = peak_kb()
made = picture_jpeg(fd, 320)
print(int(made is not None), (peak_kb() - before) // 1024)
"""


def lossless_webp(path: Path) -> None:
    Image.new("RGBA", (SIDE, SIDE), (1, 2, 3, 4)).save(path, "WEBP", lossless=True)


def palette_png(path: Path) -> None:
    Image.new("P", (SIDE, SIDE), 0).save(path, "PNG", transparency=0)


def cmyk_progressive_jpeg(path: Path) -> None:
    Image.new("CMYK", (SIDE, SIDE), (0, 0, 0, 0)).save(path, "JPEG", progressive=True,
                                                       quality=10)


def ycc_progressive_jpeg(path: Path) -> None:
    Image.new("RGB", (SIDE, SIDE), (1, 2, 3)).save(path, "JPEG", progressive=True, quality=10)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM (Linux)")
@pytest.mark.parametrize(("name", "make", "made_expected"), [
    ("a.webp", lossless_webp, 1), ("a.png", palette_png, 1),
    ("a.jpg", cmyk_progressive_jpeg, 0), ("b.jpg", ycc_progressive_jpeg, 1)])
def test_a_picture_under_the_pixel_limit_decodes_within_the_documented_memory(
        tmp_path: Path, name: str, make: Callable[[Path], None], made_expected: int) -> None:
    path = tmp_path / name
    make(path)
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                          text=True, check=True, cwd=Path(__file__).parents[2])
    made, grew_mb = map(int, done.stdout.split())
    assert made == made_expected
    assert grew_mb <= DOCUMENTED_MB + SLACK_MB, f"{name}: peak RSS grew by {grew_mb} MB"
