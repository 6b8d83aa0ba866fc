"""A video's poster frame, decoded by ffmpeg in a child process: the first frame, scaled down
by ffmpeg itself, handed back as a PPM of known largest size.

ffmpeg reads the descriptor the access policy opened, as ``/dev/fd/N`` inherited through
``pass_fds`` (Linux, macOS, the BSDs); where that does not exist (Windows) it is given the path
the policy checked, which a link swapped in between could redirect (documented in
docs/SECURITY.md). It may only read plain files and a list of container formats (no playlists,
which could name other files), decode a list of video codecs (no still-picture codecs, which
Pillow's allow-list keeps out of pictures) and frames of at most ``MAX_FRAME_PIXELS``, on one
thread, with stdin closed, its address space capped at ``MAX_ADDRESS_SPACE`` where the system
allows (Linux), for at most ``FFMPEG_TIMEOUT`` seconds, and no more output than one frame of
the asked size.
"""

from __future__ import annotations

import contextlib
import subprocess
import threading
from pathlib import Path

from server.portable import features, memory_capped
from server.thumb_kinds import RenderFailed

FFMPEG_TIMEOUT = 15.0
# Demuxers ffmpeg may pick (the name of each, as ffmpeg knows it): MP4/MOV/3GP, Matroska/WebM,
# AVI, MPEG-TS (.mts), MPEG-PS, ASF (.wmv), FLV, Ogg. HLS and concat, which read other files
# or URLs named inside the file, are not among them.
DEMUXERS = "mov,matroska,avi,mpegts,mpeg,asf,flv,ogg"
# Decoders ffmpeg may use (by ffmpeg's names): what phones, cameras and screen recorders write
# (H.264, HEVC, VP8/9, AV1, MPEG-4 part 2 and H.263 from older phones, MPEG-1/2 from DVDs and
# camcorders, Theora, Windows Media, Motion JPEG from older cameras, ProRes from iPhones).
# Still-picture codecs (PNG, TIFF, OpenEXR, SGI...) are not: a picture must pass Pillow's list.
CODECS = ("h264,hevc,vp8,vp9,libdav1d,libaom-av1,av1,mpeg4,h263,mpeg1video,mpeg2video,theora,"
          "wmv1,wmv2,wmv3,vc1,mjpeg,prores")
# 8K (DCI) frames, the largest cameras record; a larger one is refused before it is decoded
# (ffmpeg's own limit is ~268 megapixels: a 16000x16000 Motion JPEG frame cost ~820 MB).
MAX_FRAME_PIXELS = 8192 * 4320
# ffmpeg's libraries alone take ~300 MB of address space; an 8K HEVC frame needs ~650 MB.
MAX_ADDRESS_SPACE = 1024 * 1024 * 1024
PPM_HEADER_MAX = 32  # "P6\n2560 1440\n255\n"


class FrameGrabber:
    def __init__(self, ffmpeg: Path) -> None:
        self._ffmpeg = str(ffmpeg)
        self._lock = threading.Lock()
        self._running: set[subprocess.Popen[bytes]] = set()
        self._closed = False

    def first_frame(self, fd: int, fs_path: str, long_side: int) -> bytes | None:
        """The video's first frame as a binary PPM, at most ``long_side`` on its long side;
        None when ffmpeg finds no frame. RenderFailed when it took too long."""
        inherited: tuple[int, ...]
        if features.dev_fd:
            source, inherited = f"/dev/fd/{fd}", (fd,)
        else:
            source, inherited = fs_path, ()
        limit = long_side * long_side * 3 + PPM_HEADER_MAX
        proc = self._spawn(self._command("file:" + source, long_side), inherited)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            proc.kill()

        timer = threading.Timer(FFMPEG_TIMEOUT, kill)
        timer.name, timer.daemon = "pier-ffmpeg-timer", True
        timer.start()
        try:
            assert proc.stdout is not None
            data = proc.stdout.read(limit + 1)
            if len(data) > limit:
                proc.kill()  # never more than one frame of the asked size
            proc.wait()
        finally:
            timer.cancel()
            self._forget(proc)
        if timed_out.is_set() or self._closed:
            raise RenderFailed("ffmpeg took too long" if timed_out.is_set() else "stopping")
        if proc.returncode != 0 or not data or len(data) > limit:
            return None
        return data

    def _command(self, source: str, long_side: int) -> list[str]:
        box = f"min(iw\\,{long_side})"
        tall = f"min(ih\\,{long_side})"
        return [self._ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error",
                "-threads", "1", "-filter_threads", "1",
                "-protocol_whitelist", "file", "-format_whitelist", DEMUXERS,
                "-codec_whitelist", CODECS, "-max_pixels", str(MAX_FRAME_PIXELS),
                "-i", source, "-map", "0:v:0", "-frames:v", "1", "-an", "-sn", "-dn",
                "-vf", f"scale=w={box}:h={tall}:force_original_aspect_ratio=decrease",
                "-pix_fmt", "rgb24", "-f", "image2pipe", "-c:v", "ppm", "-"]

    def _spawn(self, command: list[str], inherited: tuple[int, ...]) -> subprocess.Popen[bytes]:
        with self._lock:
            if self._closed:
                raise RenderFailed("stopping")
            proc = subprocess.Popen(
                memory_capped(command, MAX_ADDRESS_SPACE), stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, pass_fds=inherited,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
            self._running.add(proc)
            return proc

    def _forget(self, proc: subprocess.Popen[bytes]) -> None:
        with self._lock:
            self._running.discard(proc)
        if proc.stdout is not None:
            proc.stdout.close()

    def close(self) -> None:
        """Kill what runs now; nothing starts after this."""
        with self._lock:
            self._closed = True
            running = list(self._running)
        for proc in running:
            with contextlib.suppress(OSError):
                proc.kill()
