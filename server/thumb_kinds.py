"""What a thumbnail thread is asked to make, and by whom: the kinds of files (by extension),
the job, the Renderer protocol (server/thumb_render.py is the real one, Pillow and ffmpeg,
loaded only when a share makes thumbnails; tests put a gate in front of it)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Protocol

IMAGE, VIDEO, AUDIO, OTHER = "image", "video", "audio", "other"
IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".gif", ".webp", ".bmp",
                              ".tif", ".tiff", ".heic", ".heif", ".hif", ".avif"})
VIDEO_EXTENSIONS = frozenset({".mp4", ".m4v", ".mov", ".webm", ".mkv", ".avi", ".3gp", ".3g2",
                              ".mts", ".m2ts", ".ts", ".wmv", ".mpg", ".mpeg", ".ogv", ".flv"})
AUDIO_EXTENSIONS = frozenset({".mp3", ".m4a", ".aac", ".flac", ".ogg", ".oga", ".opus", ".wav",
                              ".wma", ".aif", ".aiff", ".mka"})


def media_kind(name: str) -> str:
    """IMAGE, VIDEO, AUDIO or OTHER, by the name's extension (only pictures and videos are
    ever opened; the kind also picks the icon)."""
    ext = os.path.splitext(name)[1].lower()
    if ext in IMAGE_EXTENSIONS:
        return IMAGE
    if ext in VIDEO_EXTENSIONS:
        return VIDEO
    return AUDIO if ext in AUDIO_EXTENSIONS else OTHER


@dataclass(frozen=True, slots=True)
class RenderJob:
    fd: int  # the file, opened through the access policy; its owner closes it
    fs_path: str  # the path the policy checked (ffmpeg's input where /dev/fd is missing)
    media: str  # IMAGE or VIDEO
    long_side: int  # the answer's longest side, at most


class RenderFailed(Exception):
    """The renderer gave up (ffmpeg was too slow, or the share is stopping). Remembered as "no
    picture" until the file changes, unless the share is stopping."""


class Renderer(Protocol):
    """What a thumbnail thread calls."""

    def makes(self, media: str) -> bool:
        """Whether files of this kind can give a picture at all (videos need ffmpeg)."""
        ...

    def render(self, job: RenderJob) -> bytes | None:
        """A JPEG, or None when the file gives no picture (remembered: the same file gives
        none next time either). RenderFailed when it gave up (too slow, or stopping)."""
        ...

    def close(self) -> None:
        """Stop what is running (the share stops): a child process is killed."""
        ...
