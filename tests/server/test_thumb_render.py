"""Making one thumbnail (server/thumb_render.py, server/thumb_video.py) from files on disk:
sizes, orientation, stripped metadata, transparency, HEIC, and hostile files (bombs, truncated
pictures, a playlist posing as a video) that must give no picture rather than an error or a
heap of memory."""

from __future__ import annotations

import errno
import io
import os
import struct
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from PIL import Image

import server.thumb_video as thumb_video
from server.portable import features
from server.thumb_kinds import AUDIO, IMAGE, OTHER, VIDEO, RenderJob, media_kind
from server.thumb_render import MAX_FULL_DECODE_PIXELS, ORIENTATION, MediaRenderer, picture_jpeg
from server.thumb_webp import LIBWEBP
from tests.server.thumb_helpers import (
    BLUE,
    HEIC,
    RED,
    WEBM,
    assert_bare_jpeg,
    ffmpeg_path,
    jpeg_declaring,
    near,
    photo_jpeg,
    picture,
    png_bytes,
    png_declaring,
)

needs_ffmpeg = pytest.mark.skipif(ffmpeg_path() is None, reason="ffmpeg is not on PATH")


@pytest.fixture
def opened(tmp_path: Path) -> Iterator:
    """open_as(data, name) -> a descriptor of a file holding ``data``; all closed after."""
    fds: list[int] = []

    def open_as(data: bytes, name: str = "f.jpg") -> int:
        path = tmp_path / name
        path.write_bytes(data)
        fds.append(os.open(path, os.O_RDONLY))
        return fds[-1]

    yield open_as
    for fd in fds:
        os.close(fd)


def test_a_phone_photo_becomes_a_small_bare_jpeg(opened):
    made = picture_jpeg(opened(photo_jpeg(4000, 3000)), 320)
    assert made is not None
    image = picture(made)
    assert image.size == (320, 240)
    assert near(image.getpixel((10, 120)), RED) and near(image.getpixel((310, 120)), BLUE)
    assert_bare_jpeg(made)  # no EXIF, GPS, ICC profile or comment left


def test_exif_orientation_is_applied(opened):
    """Orientation 6: the stored picture is shown turned 90 degrees clockwise, so its left
    (red) half ends up on top."""
    made = picture_jpeg(opened(photo_jpeg(4000, 3000, orientation=6)), 320)
    assert made is not None
    image = picture(made)
    assert image.size == (240, 320)
    assert near(image.getpixel((120, 10)), RED) and near(image.getpixel((120, 310)), BLUE)
    assert_bare_jpeg(made)


def test_a_preview_is_at_most_2560_on_its_long_side(opened):
    made = picture_jpeg(opened(photo_jpeg(4000, 3000)), 2560)
    assert made is not None and picture(made).size == (2560, 1920)
    assert_bare_jpeg(made)
    small = picture_jpeg(opened(photo_jpeg(800, 600), "small.jpg"), 2560)
    assert small is not None and picture(small).size == (800, 600)  # never enlarged


def test_transparency_lands_on_white(opened):
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    image.paste((0, 0, 255, 255), (100, 0, 200, 100))
    made = picture_jpeg(opened(png_bytes(image), "alpha.png"), 320)
    assert made is not None
    shown = picture(made)
    assert shown.mode == "RGB" and shown.size == (200, 100)
    assert near(shown.getpixel((20, 50)), (255, 255, 255))
    assert near(shown.getpixel((180, 50)), (0, 0, 255))


def test_palette_and_progressive_pictures(opened, tmp_path):
    image = Image.new("P", (400, 200), 0)
    image.putpalette([255, 255, 255, 0, 0, 255] + [0] * 762)
    image.paste(1, (200, 0, 400, 200))
    image.save(tmp_path / "anim.gif", transparency=0)
    made = picture_jpeg(opened((tmp_path / "anim.gif").read_bytes(), "anim.gif"), 320)
    assert made is not None and picture(made).size == (320, 160)
    assert near(picture(made).getpixel((300, 80)), (0, 0, 255))
    progressive = picture_jpeg(opened(photo_jpeg(1600, 1200, progressive=True), "p.jpg"), 320)
    assert progressive is not None and picture(progressive).size == (320, 240)
    assert_bare_jpeg(progressive)


def test_a_heic_photo_is_decoded_by_pi_heif(opened):
    made = picture_jpeg(opened(HEIC.read_bytes(), "phone.heic"), 320)
    assert made is not None
    image = picture(made)
    assert image.size == (64, 48)
    assert near(image.getpixel((5, 24)), RED) and near(image.getpixel((58, 24)), BLUE)
    assert_bare_jpeg(made)


def test_a_declared_giant_is_refused_before_decoding(opened):
    process = psutil.Process()
    before = process.memory_info().rss
    assert picture_jpeg(opened(png_declaring(100_000, 100_000), "bomb.png"), 320) is None
    assert process.memory_info().rss - before < 64 * 1024 * 1024


@pytest.mark.filterwarnings("error::PIL.Image.DecompressionBombWarning")  # as thumb_render sets
def test_the_pixel_limit_warning_counts_as_an_error(opened):
    """Between MAX_PIXELS and twice that, Pillow only warns; here that is a refusal too
    (pytest resets warning filters per test: the mark puts back what thumb_render sets)."""
    baseline = jpeg_declaring(photo_jpeg(64, 48), 20_000, 15_000)  # 300 megapixels
    assert picture_jpeg(opened(baseline), 320) is None


def test_pictures_decoded_at_full_size_have_a_lower_limit(opened):
    side = int(MAX_FULL_DECODE_PIXELS ** 0.5) + 100
    assert picture_jpeg(opened(png_declaring(side, side), "big.png"), 320) is None
    progressive = jpeg_declaring(photo_jpeg(64, 48, progressive=True), side, side)
    assert picture_jpeg(opened(progressive, "prog.jpg"), 320) is None


def test_broken_pictures_give_no_picture(opened):
    whole = photo_jpeg(800, 600)
    assert picture_jpeg(opened(whole[:len(whole) // 2], "cut.jpg"), 320) is None
    assert picture_jpeg(opened(b"just some text\n", "notes.jpg"), 320) is None
    assert picture_jpeg(opened(b"", "empty.png"), 320) is None


def test_formats_off_the_list_are_not_even_tried(opened):
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"
    assert picture_jpeg(opened(eps, "drawing.jpg"), 320) is None


def test_kinds_come_from_the_extension():
    assert media_kind("/a/IMG_0001.HEIC") == IMAGE
    assert media_kind("clip.webm") == VIDEO
    assert media_kind("song.flac") == AUDIO
    assert media_kind("notes.txt") == OTHER and media_kind("noext") == OTHER


def test_without_ffmpeg_videos_give_nothing():
    renderer = MediaRenderer(None)
    assert renderer.makes(IMAGE) and not renderer.makes(VIDEO) and not renderer.makes(AUDIO)


@needs_ffmpeg
def test_a_video_poster_is_its_first_frame(opened, tmp_path):
    """ffmpeg reads the open descriptor (/dev/fd), or the checked path where that is missing
    (--portable)."""
    renderer = MediaRenderer(ffmpeg_path())
    assert renderer.makes(VIDEO)
    fd = opened(WEBM.read_bytes(), "clip.webm")
    made = renderer.render(RenderJob(fd, str(tmp_path / "clip.webm"), VIDEO, 320))
    assert made is not None
    assert picture(made).size == (160, 120)  # never enlarged
    assert_bare_jpeg(made)
    renderer.close()


@needs_ffmpeg
def test_a_playlist_posing_as_a_video_reads_nothing_else(opened, tmp_path):
    """An HLS playlist would make ffmpeg read the files it names: not a format it may use."""
    (tmp_path / "secret.webm").write_bytes(WEBM.read_bytes())
    playlist = (f"#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:1.0,\n"
                f"file://{tmp_path / 'secret.webm'}\n#EXT-X-ENDLIST\n").encode()
    renderer = MediaRenderer(ffmpeg_path())
    fd = opened(playlist, "evil.mp4")
    assert renderer.render(RenderJob(fd, str(tmp_path / "evil.mp4"), VIDEO, 320)) is None
    renderer.close()


@needs_ffmpeg
def test_a_video_with_sound_gets_its_poster(opened, tmp_path):
    """Only video decoders are allowed (-codec_whitelist): the sound's is refused, quietly."""
    movie = tmp_path / "made.avi"
    subprocess.run([str(ffmpeg_path()), "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi",
                    "-i", "testsrc2=s=320x240:d=0.2", "-f", "lavfi", "-i", "sine=d=0.2",
                    "-c:v", "mpeg4", "-c:a", "mp2", str(movie)], check=True)
    renderer = MediaRenderer(ffmpeg_path())
    fd = opened(movie.read_bytes(), "clip.avi")
    made = renderer.render(RenderJob(fd, str(tmp_path / "clip.avi"), VIDEO, 320))
    renderer.close()
    assert made is not None and picture(made).size == (320, 240)


@needs_ffmpeg
@pytest.mark.skipif(not features.child_memory_cap, reason="no memory cap for a child here")
def test_ffmpeg_runs_under_the_memory_cap(opened, tmp_path, monkeypatch):
    """The cap reaches ffmpeg: with too little address space to even load it, no poster."""
    monkeypatch.setattr(thumb_video, "MAX_ADDRESS_SPACE", 32 * 1024 * 1024)
    renderer = MediaRenderer(ffmpeg_path())
    fd = opened(WEBM.read_bytes(), "clip.webm")
    assert renderer.render(RenderJob(fd, str(tmp_path / "clip.webm"), VIDEO, 320)) is None
    renderer.close()


def test_sixteen_bit_grey_becomes_eight(opened):
    image = Image.new("I;16", (400, 200), 0)
    image.paste(65535, (200, 0, 400, 200))
    made = picture_jpeg(opened(png_bytes(image), "deep.png"), 320)
    assert made is not None
    shown = picture(made)
    assert near(shown.getpixel((20, 80)), (0, 0, 0)) and near(shown.getpixel((300, 80)),
                                                               (255, 255, 255))


@pytest.mark.skipif(LIBWEBP is None, reason="libwebp's scaler is not reachable here")
def test_a_webp_is_scaled_by_libwebp_upright_and_on_white(opened):
    image = Image.new("RGBA", (400, 200), (0, 0, 0, 0))
    image.paste((0, 0, 255, 255), (200, 0, 400, 200))
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # turned 90 degrees clockwise: the left (clear) half on top
    out = io.BytesIO()
    image.save(out, "WEBP", lossless=True, exif=exif)
    made = picture_jpeg(opened(out.getvalue(), "clear.webp"), 320)
    assert made is not None
    shown = picture(made)
    assert shown.size == (160, 320)
    assert near(shown.getpixel((80, 20)), (255, 255, 255))
    assert near(shown.getpixel((80, 300)), (0, 0, 255))
    assert_bare_jpeg(made)


def test_a_picture_over_the_memory_budget_is_refused_from_its_header(opened):
    """A 4:4:4 progressive JPEG declaring 7000x7000: ~290 MB of coefficients in libjpeg."""
    dense = photo_jpeg(64, 48, progressive=True, subsampling=0)
    process = psutil.Process()
    before = process.memory_info().rss
    assert picture_jpeg(opened(jpeg_declaring(dense, 7000, 7000), "dense.jpg"), 320) is None
    assert process.memory_info().rss - before < 64 * 1024 * 1024


def test_a_large_run_length_bmp_is_refused(opened):
    """Pillow decodes RLE in Python, two bytes a turn: a few MB of runs take seconds (this
    one would decode, in about half a second)."""
    width, height = 4000, 600
    runs = (b"\x01\x07" * width + b"\x00\x00") * height + b"\x00\x01"  # one pixel a run
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 8, 1, len(runs), 0, 0, 256, 0)
    palette = b"\x00\x00\x00\x00" * 256
    offset = 14 + len(info) + len(palette)
    header = b"BM" + struct.pack("<IHHI", offset + len(runs), 0, 0, offset)
    assert picture_jpeg(opened(header + info + palette + runs, "runs.bmp"), 320) is None


@pytest.mark.parametrize("short", [MemoryError(), OSError(errno.EMFILE, "Too many open files")])
def test_a_process_short_of_room_is_not_taken_for_no_picture(opened, monkeypatch, short):
    """"No picture" is remembered until the file changes: running out of memory or of
    descriptors while decoding says nothing of the file, so it is raised, never None."""
    import server.thumb_render as thumb_render

    def fail(*args: object) -> None:
        raise short

    monkeypatch.setattr(thumb_render, "_shrunk", fail)
    with pytest.raises(type(short)):
        picture_jpeg(opened(photo_jpeg(640, 480)), 320)
    short = ValueError("a decoder's own complaint")  # the file's fault: no picture
    assert picture_jpeg(opened(photo_jpeg(640, 480)), 320) is None
