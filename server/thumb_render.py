"""Making one thumbnail or preview: a picture decoded with Pillow (HEIC/HEIF through pi-heif,
decode only), a video's first frame through ffmpeg (server/thumb_video.py); out comes a JPEG
with no metadata at all. The files are the share's, so they are treated as hostile: a format
allow-list, pixel limits checked before anything is decoded (a DecompressionBombWarning is an
error), JPEGs decoded at a reduced scale (``Image.draft``), no truncated images, a cap on the
file size. A file that does not give a picture gives None: the caller answers an icon.
See docs/SECURITY.md, "Image parsing"."""

from __future__ import annotations

import io
import logging
import os
import threading
import warnings
from pathlib import Path

import pi_heif
from PIL import Image, ImageCms, ImageOps

from server.thumb_kinds import IMAGE, VIDEO, RenderJob
from server.thumb_video import FrameGrabber

log = logging.getLogger("pier.server")

# What Pillow may try on a file: the formats phones and cameras write, nothing that runs a
# program (EPS runs Ghostscript) or is rarely seen and poorly tested. (JPEG includes MPO, the
# multi-picture JPEG some cameras write.)
FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "BMP", "TIFF", "HEIF", "AVIF")
# Pillow refuses more pixels than this when it opens a file, before decoding a byte. A JPEG is
# decoded at 1/8 of its size when that is enough, so a 200-megapixel photo costs ~10 MB.
MAX_PIXELS = 250_000_000
# Formats decoded at full size (PNG, HEIC...), and progressive JPEGs (libjpeg keeps every
# coefficient of the full size, whatever the scale) stop here: a 48-megapixel phone HEIC
# (~150 MB decoded) passes, a crafted giant does not.
MAX_FULL_DECODE_PIXELS = 50_000_000
MAX_IMAGE_FILE = 200 * 1024 * 1024  # pi-heif reads a whole HEIC into memory before decoding
QUALITY = {320: 80}  # JPEG quality by long side; previews get PREVIEW_QUALITY
PREVIEW_QUALITY = 85
BACKGROUND = (255, 255, 255)  # what transparent parts become: JPEG has no alpha
TRANSFORMS_KEPT = 8  # colour profiles whose transform a thread keeps (a camera has one or two)

Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # process-wide: Pier decodes no other pictures
warnings.simplefilter("error", Image.DecompressionBombWarning)
pi_heif.register_heif_opener()
Image.init()  # every format of FORMATS registered before the first open
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
_transforms = threading.local()


class MediaRenderer:
    """Pillow for pictures, ffmpeg (when given) for videos' posters (a thumb_kinds.Renderer)."""

    def __init__(self, ffmpeg: Path | None) -> None:
        self._frames = FrameGrabber(ffmpeg) if ffmpeg is not None else None

    def makes(self, media: str) -> bool:
        return media == IMAGE or (media == VIDEO and self._frames is not None)

    def render(self, job: RenderJob) -> bytes | None:
        if job.media == IMAGE:
            return picture_jpeg(job.fd, job.long_side)
        if job.media == VIDEO and self._frames is not None:
            frame = self._frames.first_frame(job.fd, job.fs_path, job.long_side)
            return None if frame is None else _frame_jpeg(frame, job.long_side)
        return None

    def close(self) -> None:
        if self._frames is not None:
            self._frames.close()


def picture_jpeg(fd: int, long_side: int) -> bytes | None:
    """The picture in the open file ``fd``, at most ``long_side`` pixels on its long side, as
    a JPEG without metadata; None when it is not a picture Pillow may decode within limits."""
    try:
        if os.fstat(fd).st_size > MAX_IMAGE_FILE:
            return None
        with os.fdopen(fd, "rb", closefd=False) as file, \
                Image.open(file, formats=FORMATS) as image:
            return _encoded(_shrunk(image, long_side), long_side)
    except Exception as err:  # any decoder may choke on a hostile file in its own way
        log.debug("no picture from a shared file: %r", err)
        return None


def _frame_jpeg(ppm: bytes, long_side: int) -> bytes | None:
    """ffmpeg's frame (a PPM, already small) as our JPEG."""
    try:
        with Image.open(io.BytesIO(ppm), formats=("PPM",)) as image:
            return _encoded(_shrunk(image, long_side), long_side)
    except Exception as err:
        log.debug("no picture from a video frame: %r", err)
        return None


def _shrunk(image: Image.Image, long_side: int) -> Image.Image:
    """Decoded at the smallest scale that still gives ``long_side``, resized, turned upright."""
    width, height = image.size
    jpeg = image.format in ("JPEG", "MPO")
    limit = MAX_PIXELS if jpeg and not _progressive(image) else MAX_FULL_DECODE_PIXELS
    if width < 1 or height < 1 or width * height > limit:
        raise ValueError(f"{width}x{height} is beyond the pixel limit")
    if jpeg:
        image.draft("RGB", _fitted(width, height, long_side))
    icc = image.info.get("icc_profile")
    if image.mode in ("P", "1"):  # resized as they are, they would get no smoothing at all
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    image.thumbnail((long_side, long_side), Image.Resampling.BICUBIC, reducing_gap=2.0)
    upright = ImageOps.exif_transpose(image)  # a copy, small by now
    return _in_srgb(_opaque(upright), icc)


def _progressive(image: Image.Image) -> bool:
    return bool(image.info.get("progressive") or image.info.get("progression"))


def _fitted(width: int, height: int, long_side: int) -> tuple[int, int]:
    scale = long_side / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _opaque(image: Image.Image) -> Image.Image:
    """RGB (or CMYK, which the colour profile turns into RGB), transparency on white."""
    if image.mode in ("RGB", "CMYK"):
        return image
    if image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or (
            image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, BACKGROUND)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode in ("I", "F") or image.mode.startswith("I;16"):
        image = image.point(lambda value: value / 256)  # 16-bit samples to 8
    return image.convert("RGB")


def _in_srgb(image: Image.Image, icc: object) -> Image.Image:
    """Colours as the profile meant them, in sRGB (the profile itself is not kept): a phone's
    Display P3 photo would otherwise look dull."""
    if isinstance(icc, bytes) and icc and image.mode in ("RGB", "CMYK"):
        try:
            return ImageCms.applyTransform(image, _transform(icc, image.mode)) or image
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken or mismatched profile: the colours as they are
    return image if image.mode == "RGB" else image.convert("RGB")


def _transform(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform:
    """A profile's transform to sRGB, built once per thumbnail thread (building one costs more
    than applying it to a thumbnail; a transform must not be shared between threads)."""
    made: dict[tuple[bytes, str], ImageCms.ImageCmsTransform] = \
        _transforms.__dict__.setdefault("made", {})
    key = (icc, mode)
    if key not in made:
        if len(made) >= TRANSFORMS_KEPT:
            made.clear()
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        made[key] = ImageCms.buildTransform(source, _SRGB, mode, "RGB")
    return made[key]


def _encoded(image: Image.Image, long_side: int) -> bytes:
    """JPEG with nothing but pixels: no EXIF, GPS, XMP, ICC profile or comment."""
    image.info = {}  # Pillow carries a JPEG comment over from info
    out = io.BytesIO()
    image.save(out, "JPEG", quality=QUALITY.get(long_side, PREVIEW_QUALITY))
    return out.getvalue()
