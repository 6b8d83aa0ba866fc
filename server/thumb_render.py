"""Making one thumbnail or preview: a picture decoded with Pillow (HEIC/HEIF through pi-heif,
decode only; a still WebP by libwebp's scaler, server/thumb_webp.py), a video's first frame
through ffmpeg (server/thumb_video.py); out comes a JPEG with no metadata at all. The files are
the share's, so they are treated as hostile: a format allow-list, pixel limits and a memory
budget checked from the header before anything is decoded (server/thumb_budget.py: what each
format and mode costs, JPEG scans counted), a DecompressionBombWarning is an error, JPEGs
decoded at a reduced scale (``Image.draft``), full-size pictures converted and reduced a band
at a time, no truncated images, a cap on the file size. A file that does not give a picture
gives None: the caller answers an icon. See docs/SECURITY.md, "Image parsing"."""

from __future__ import annotations

import io
import logging
import os
import threading
import warnings
from pathlib import Path

import pi_heif
from PIL import Image, ImageCms

from server.files import is_short_of_room
from server.portable import read_at
from server.thumb_budget import (
    BAND_PIXELS,
    DECODE_BUDGET,
    DECODER_BYTES,
    OVERHEAD,
    JpegLayout,
    Refused,
    decode_cost,
    jpeg_layout,
    reduce_factor,
)
from server.thumb_kinds import IMAGE, VIDEO, RenderJob
from server.thumb_video import FrameGrabber
from server.thumb_webp import LIBWEBP, scaled_webp, webp_facts, webp_metadata

log = logging.getLogger("pier.server")

# What Pillow may try on a file: the formats phones and cameras write, nothing that runs a
# program (EPS runs Ghostscript) or is rarely seen and poorly tested. (JPEG includes MPO, the
# multi-picture JPEG some cameras write.)
FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "BMP", "TIFF", "HEIF", "AVIF")
# Pillow refuses more pixels than this when it opens a file, before decoding a byte. A
# single-scan JPEG is decoded at 1/8 of its size when that is enough, so a 200-megapixel photo
# costs ~10 MB.
MAX_PIXELS = 250_000_000
# Formats decoded at full size (PNG, HEIC...), and progressive JPEGs (libjpeg keeps every
# coefficient of the full size, whatever the scale) stop here, and at the memory budget
# (thumb_budget.DECODE_BUDGET) before that for most modes.
MAX_FULL_DECODE_PIXELS = 50_000_000
MAX_IMAGE_FILE = 200 * 1024 * 1024  # pi-heif and libwebp read a whole file into memory
BMP_RLE = (1, 2)  # BMP compressions RLE8 and RLE4, which Pillow decodes in Python
MAX_RLE_FILE = 4 * 1024 * 1024  # two bytes a turn of a Python loop: ~2 s at most
HEIF_HDR_BYTES = 9.0  # libheif's 10- and 12-bit planes, and RGB at 16 bits before 8
ORIENTATION = 0x0112  # EXIF
_TRANSPOSE = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
              4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
              6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
              8: Image.Transpose.ROTATE_90}
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
        file_size = os.fstat(fd).st_size
        if file_size > MAX_IMAGE_FILE:
            return None
        head = read_at(fd, 12, 0)
        if head[:4] == b"RIFF" and head[8:] == b"WEBP" and LIBWEBP is not None:
            made = _scaled_webp(_whole(fd, file_size), long_side)
            if made is not None:
                return _encoded(made, long_side)
        layout = jpeg_layout(fd, file_size) if head[:2] == b"\xff\xd8" else None
        with os.fdopen(fd, "rb", closefd=False) as file, \
                Image.open(file, formats=FORMATS) as image:
            return _encoded(_shrunk(image, long_side, layout, file_size), long_side)
    except Exception as err:  # any decoder may choke on a hostile file in its own way
        _raise_if_short(err)
        log.debug("no picture from a shared file: %r", err)
        return None


def _frame_jpeg(ppm: bytes, long_side: int) -> bytes | None:
    """ffmpeg's frame (a PPM, already small) as our JPEG."""
    try:
        with Image.open(io.BytesIO(ppm), formats=("PPM",)) as image:
            return _encoded(_shrunk(image, long_side, None, len(ppm)), long_side)
    except Exception as err:
        _raise_if_short(err)
        log.debug("no picture from a video frame: %r", err)
        return None


def _raise_if_short(err: Exception) -> None:
    """A process short of descriptors or memory says nothing of the file: raised, never
    taken (and remembered until the file changes) for "no picture"."""
    if is_short_of_room(err):
        raise err


def _shrunk(image: Image.Image, long_side: int, layout: JpegLayout | None,
            file_size: int) -> Image.Image:
    """Decoded at the smallest scale that still gives ``long_side`` (JPEG), reduced a band at
    a time, resized, turned upright, in sRGB; Refused when that would cost more than the
    budget (server/thumb_budget.py)."""
    width, height = image.size
    jpeg = image.format in ("JPEG", "MPO")
    cheap = jpeg and layout is not None and not layout.buffered
    limit = MAX_PIXELS if cheap else MAX_FULL_DECODE_PIXELS
    if width < 1 or height < 1 or width * height > limit:
        raise Refused(f"{width}x{height} is beyond the pixel limit")
    target = _fitted(width, height, long_side)
    if jpeg:
        image.draft("RGB", target)
    cost = decode_cost(size=image.size, mode=image.mode, target=target,
                       decoder_bytes=_decoder_bytes(image, layout, width * height, file_size))
    if cost > DECODE_BUDGET:
        raise Refused(f"{width}x{height} {image.format} {image.mode} would take {cost} bytes")
    orientation = image.getexif().get(ORIENTATION, 1)
    icc = image.info.get("icc_profile")
    image.load()
    small = _reduced(image, target)
    image.close()  # the full-size pixels go before the resize
    if small.size != target:
        small = small.resize(target, Image.Resampling.BICUBIC)
    return _in_srgb(_upright(small, orientation), icc)


def _decoder_bytes(image: Image.Image, layout: JpegLayout | None, pixels: int,
                   file_size: int) -> int:
    """What the format's decoder keeps besides Pillow's image, from the header."""
    if layout is not None:
        return layout.coefficient_bytes() if layout.buffered else 0
    if image.format == "BMP" and image.info.get("compression") in BMP_RLE:
        if file_size > MAX_RLE_FILE:  # Pillow decodes RLE in Python, a pair of bytes a turn
            raise Refused("a run-length BMP too large to decode in Python")
        return pixels * 2  # its bytearray and bytes
    per_pixel = DECODER_BYTES.get(image.format or "", 0.0)
    if image.format == "HEIF" and int(image.info.get("bit_depth") or 8) > 8:
        per_pixel = HEIF_HDR_BYTES
    whole_file = file_size * (2 if image.format in ("WEBP", "HEIF", "AVIF") else 0)
    return int(pixels * per_pixel) + whole_file


def _scaled_webp(data: bytes, long_side: int) -> Image.Image | None:
    """A still WebP made by libwebp's scaler (server/thumb_webp.py); None when it must go
    through Pillow (animated)."""
    facts = webp_facts(data)
    if facts is None or facts.animated:
        return None
    if facts.width * facts.height > MAX_FULL_DECODE_PIXELS:
        raise Refused(f"{facts.width}x{facts.height} is beyond the pixel limit")
    target = _fitted(facts.width, facts.height, long_side)
    inside = 4 if facts.lossless else 1 if facts.alpha else 0  # libwebp's full-size buffers
    cost = (OVERHEAD + len(data) + facts.width * facts.height * inside
            + target[0] * target[1] * 16)  # libwebp's output, the flattened, sRGB, the JPEG
    if cost > DECODE_BUDGET:
        raise Refused(f"{facts.width}x{facts.height} WebP would take {cost} bytes")
    small = scaled_webp(data, target)
    if small is None:
        return None
    icc, exif = webp_metadata(data)
    orientation = 1
    if exif:
        found = Image.Exif()
        found.load(exif)
        orientation = found.get(ORIENTATION, 1)
    return _in_srgb(_upright(_working(small), orientation), icc)


def _whole(fd: int, size: int) -> bytes:
    data = read_at(fd, size, 0)
    if len(data) != size:
        raise ValueError("the file changed while it was read")
    return data


def _fitted(width: int, height: int, long_side: int) -> tuple[int, int]:
    """The size of the answer: at most ``long_side`` on the long side, never enlarged."""
    if max(width, height) <= long_side:
        return width, height
    scale = long_side / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _reduced(image: Image.Image, target: tuple[int, int]) -> Image.Image:
    """``image`` in a working mode (RGB, CMYK or L; transparency on white) and reduced by the
    whole factor that keeps it at least ``target``, a band of rows at a time: converting the
    whole picture at once would cost another full-size copy or two (P to RGBA, RGBA to
    premultiplied RGBa for the resize)."""
    width, height = image.size
    factor = reduce_factor(image.size, target)
    rows = max(factor, (max(1, BAND_PIXELS // width) // factor) * factor)
    out: Image.Image | None = None
    for top in range(0, height, rows):
        band = _working(image.crop((0, top, width, min(height, top + rows))))
        if factor > 1:
            band = band.reduce(factor)
        if out is None:
            out = Image.new(band.mode, (-(-width // factor), -(-height // factor)))
        out.paste(band, (0, top // factor))
    assert out is not None
    return out


def _working(image: Image.Image) -> Image.Image:
    """RGB, CMYK (which the colour profile turns into RGB later) or L; transparency on
    white, 16-bit samples to 8."""
    mode = image.mode
    if mode in ("RGB", "CMYK", "L"):
        return image
    if mode in ("RGBA", "LA", "PA", "La", "RGBa") or (
            mode == "P" and "transparency" in image.info):
        rgba = image if mode == "RGBA" else image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, BACKGROUND)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if mode in ("I", "F") or mode.startswith("I;16"):
        return image.convert("I").point(lambda value: value / 256).convert("L")
    return image.convert("L" if mode == "1" else "RGB")


def _upright(image: Image.Image, orientation: object) -> Image.Image:
    """Turned as the EXIF orientation says (read before the full-size picture went)."""
    method = _TRANSPOSE.get(orientation) if isinstance(orientation, int) else None
    return image.transpose(method) if method is not None else image


def _in_srgb(image: Image.Image, icc: object) -> Image.Image:
    """Colours as the profile meant them, in sRGB (the profile itself is not kept): a phone's
    Display P3 photo would otherwise look dull."""
    if isinstance(icc, bytes) and icc and image.mode in ("RGB", "CMYK"):
        try:
            return ImageCms.applyTransform(image, _transform(icc, image.mode)) or image
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken or mismatched profile: the colours as they are
    return image if image.mode == "RGB" else image.convert("RGB")  # L, or CMYK unprofiled


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
