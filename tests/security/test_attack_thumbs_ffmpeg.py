"""Attacks on video posters (ffmpeg in a child process).

- Pictures stop at 50 megapixels when decoded at full size, but ffmpeg decodes a video's frame
  at whatever size it declares, up to its own ~268 megapixels: a 7 MB .mov holding one
  16000x16000 MJPEG frame made the ffmpeg child peak at ~820 MB (measured with /usr/bin/time),
  per thumbnail thread, from a file any uploader can put there; a 1.2 MB .mkv holding one
  10000x10000 float OpenEXR frame peaked at 1.24 GB (16000x16000 would be ~3.3 GB). ffmpeg's
  ``-max_pixels`` would refuse them.
- The format allow-list keeps Pillow to the formats cameras write, but ffmpeg decodes whatever
  codec the container names: SGI, Targa, OpenEXR, TIFF and PNG frames inside a .mkv all gave
  posters (PCX was refused only because Matroska has no tag for it). No ``-codec_whitelist``
  limits ffmpeg to the video codecs phones and cameras write.
- A video whose first frame takes longer than FFMPEG_TIMEOUT (an H.264 stream with one key
  frame and an edit list that starts 40 s in: ffmpeg decodes every 4K frame before it) is
  killed after 15 s, and nothing is remembered (RenderFailed): every later request for it runs
  ffmpeg again for 15 s on the only thumbnail thread, while every other cold thumbnail waits.
  Live: a 300 MB such .mp4 gave an icon after 15.0 s, again after another 15.0 s, and a cold
  thumbnail of another account asked meanwhile waited 14 s. (The test makes ffmpeg "too slow"
  the way its timer does, without waiting 15 s.)
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image

import server.thumb_video as thumb_video
from server.routes_media import ICONS
from server.thumb_kinds import VIDEO, RenderFailed
from tests.conftest import RunningServer, http_request
from tests.server.thumb_helpers import WEBM, ffmpeg_path

needs_ffmpeg = pytest.mark.skipif(ffmpeg_path() is None, reason="ffmpeg is not on PATH")


def one_frame_mov(folder: Path, side: int) -> Path:
    """A .mov with a single grey MJPEG frame of side x side pixels (a few hundred kB)."""
    still = folder / "frame.jpg"
    Image.new("L", (side, side), 128).save(still, quality=5)
    movie = folder / "big.mov"
    subprocess.run([str(ffmpeg_path()), "-nostdin", "-loglevel", "error", "-y", "-f", "image2",
                    "-i", str(still), "-c", "copy", "-frames:v", "1", str(movie)], check=True)
    still.unlink()
    return movie


@needs_ffmpeg
def test_a_video_frame_beyond_the_pixel_limit_gets_an_icon(server_factory,
                                                           tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    one_frame_mov(share, 10_000)
    running: RunningServer = server_factory(share, ffmpeg=ffmpeg_path())
    status, body = http_request(running.port, "GET", "/big.mov?thumb")
    assert status == 200
    assert body == ICONS[VIDEO], "ffmpeg decoded a frame beyond the pixel limit"


@needs_ffmpeg
def test_a_still_image_codec_inside_a_video_gets_an_icon(server_factory, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    made = subprocess.run([str(ffmpeg_path()), "-nostdin", "-loglevel", "error", "-y", "-f",
                           "lavfi", "-i", "testsrc2=s=320x240:d=0.04", "-frames:v", "1",
                           "-c:v", "sgi", str(share / "still.mkv")], check=False)
    if made.returncode != 0:
        pytest.skip("this ffmpeg has no SGI encoder")
    running: RunningServer = server_factory(share, ffmpeg=ffmpeg_path())
    status, body = http_request(running.port, "GET", "/still.mkv?thumb")
    assert status == 200
    assert body == ICONS[VIDEO], "ffmpeg decoded an SGI picture posing as a video"


@needs_ffmpeg
def test_a_video_that_times_out_is_not_tried_again_on_every_request(
        server_factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "slow.webm").write_bytes(WEBM.read_bytes())
    tried: list[int] = []

    def too_slow(self, fd, fs_path, long_side):  # type: ignore[no-untyped-def]
        tried.append(fd)  # what first_frame does when its timer kills ffmpeg
        raise RenderFailed("ffmpeg took too long")

    monkeypatch.setattr(thumb_video.FrameGrabber, "first_frame", too_slow)
    running: RunningServer = server_factory(share, ffmpeg=ffmpeg_path())
    for _ in range(5):
        status, body = http_request(running.port, "GET", "/slow.webm?thumb")
        assert status == 200 and body == ICONS[VIDEO]
    assert len(tried) == 1, f"ffmpeg ran {len(tried)} times for the same unchanged video"
