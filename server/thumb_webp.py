"""A WebP picture decoded straight to thumbnail size by libwebp's own scaler (the library
Pillow's WebP support is built on), instead of Pillow's way: its animation decoder keeps two
full-size canvases, hands the frame over as bytes and copies them again, ~16 bytes a pixel (a
7000x7000 lossless WebP of 2 kB cost ~750 MB). Scaled, a lossy picture is decoded a few rows at
a time; a lossless one still needs its full size once inside libwebp (4 bytes a pixel), an
alpha plane one byte a pixel.

libwebp is reached through the symbols Pillow's ``_webp`` module links (Linux and macOS wheels
load it as a library of their own). Where they are not to be found (Windows wheels link it in
whole) or a file is animated, ``scaled_webp`` says None and the caller takes Pillow's way, with
its own cost in the estimate (server/thumb_budget.py).
"""

from __future__ import annotations

import ctypes
import logging
from dataclasses import dataclass

from PIL import Image

log = logging.getLogger("pier.server")

ABI_VERSION = 0x0209  # WEBP_DECODER_ABI_VERSION: libwebp checks only the major byte (0x02)
MODE_RGBA = 1  # WEBP_CSP_MODE, non-premultiplied
STATUS_OK = 0
LOSSLESS = 2  # WebPBitstreamFeatures.format


class _Features(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int),
                ("has_alpha", ctypes.c_int), ("has_animation", ctypes.c_int),
                ("format", ctypes.c_int), ("pad", ctypes.c_uint32 * 5)]


class _RGBABuffer(ctypes.Structure):
    _fields_ = [("rgba", ctypes.c_void_p), ("stride", ctypes.c_int), ("size", ctypes.c_size_t)]


class _YUVABuffer(ctypes.Structure):  # only for the union's size
    _fields_ = [("y", ctypes.c_void_p), ("u", ctypes.c_void_p), ("v", ctypes.c_void_p),
                ("a", ctypes.c_void_p), ("y_stride", ctypes.c_int), ("u_stride", ctypes.c_int),
                ("v_stride", ctypes.c_int), ("a_stride", ctypes.c_int),
                ("y_size", ctypes.c_size_t), ("u_size", ctypes.c_size_t),
                ("v_size", ctypes.c_size_t), ("a_size", ctypes.c_size_t)]


class _Buffers(ctypes.Union):
    _fields_ = [("RGBA", _RGBABuffer), ("YUVA", _YUVABuffer)]


class _DecBuffer(ctypes.Structure):
    _fields_ = [("colorspace", ctypes.c_int), ("width", ctypes.c_int),
                ("height", ctypes.c_int), ("is_external_memory", ctypes.c_int),
                ("u", _Buffers), ("pad", ctypes.c_uint32 * 4),
                ("private_memory", ctypes.c_void_p)]


class _Options(ctypes.Structure):
    _fields_ = [(name, ctypes.c_int) for name in (
        "bypass_filtering", "no_fancy_upsampling", "use_cropping", "crop_left", "crop_top",
        "crop_width", "crop_height", "use_scaling", "scaled_width", "scaled_height",
        "use_threads", "dither_strength", "flip", "alpha_dithering_strength")] + [
        ("pad", ctypes.c_uint32 * 5)]


class _Config(ctypes.Structure):
    _fields_ = [("input", _Features), ("output", _DecBuffer), ("options", _Options)]


@dataclass(frozen=True, slots=True)
class WebPFacts:
    width: int
    height: int
    lossless: bool
    alpha: bool
    animated: bool


class _LibWebP:
    def __init__(self, lib: ctypes.CDLL) -> None:
        self._features = lib.WebPGetFeaturesInternal
        self._features.argtypes = [ctypes.c_char_p, ctypes.c_size_t,
                                   ctypes.POINTER(_Features), ctypes.c_int]
        self._init = lib.WebPInitDecoderConfigInternal
        self._init.argtypes = [ctypes.POINTER(_Config), ctypes.c_int]
        self._decode = lib.WebPDecode
        self._decode.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(_Config)]

    def facts(self, data: bytes) -> WebPFacts | None:
        found = _Features()
        if self._features(data, len(data), ctypes.byref(found), ABI_VERSION) != STATUS_OK:
            return None
        return WebPFacts(found.width, found.height, found.format == LOSSLESS,
                         bool(found.has_alpha), bool(found.has_animation))

    def decode(self, data: bytes, size: tuple[int, int]) -> Image.Image:
        """The picture scaled to ``size`` (RGBA), into a buffer of ours; ValueError when
        libwebp cannot decode it."""
        width, height = size
        pixels = bytearray(width * height * 4)  # Pillow's image shares it (frombuffer)
        config = _Config()
        if not self._init(ctypes.byref(config), ABI_VERSION):
            raise ValueError("libwebp refused the decoder's version")
        config.options.use_scaling = 1
        config.options.scaled_width, config.options.scaled_height = width, height
        out = config.output
        out.colorspace, out.is_external_memory = MODE_RGBA, 1
        out.u.RGBA.rgba = ctypes.addressof((ctypes.c_char * len(pixels)).from_buffer(pixels))
        out.u.RGBA.stride, out.u.RGBA.size = width * 4, len(pixels)
        status = self._decode(data, len(data), ctypes.byref(config))
        if status != STATUS_OK:
            raise ValueError(f"libwebp could not decode the picture (status {status})")
        return Image.frombuffer("RGBA", size, pixels, "raw", "RGBA", 0, 1)


def _load() -> _LibWebP | None:
    try:
        from PIL import _webp

        return _LibWebP(ctypes.CDLL(_webp.__file__))
    except (ImportError, OSError, AttributeError) as err:
        log.debug("libwebp's scaler is not reachable, WebP goes through Pillow: %r", err)
        return None


LIBWEBP = _load()


def webp_facts(data: bytes) -> WebPFacts | None:
    """What the header says, or None (not a WebP, or libwebp not reachable)."""
    return LIBWEBP.facts(data) if LIBWEBP is not None else None


def scaled_webp(data: bytes, size: tuple[int, int]) -> Image.Image | None:
    """A still WebP decoded at ``size`` by libwebp (RGBA); None when the caller must take
    Pillow's way (animated, libwebp not reachable). ValueError when it is broken."""
    facts = webp_facts(data)
    if LIBWEBP is None or facts is None or facts.animated:
        return None
    return LIBWEBP.decode(data, size)


def webp_metadata(data: bytes) -> tuple[bytes | None, bytes | None]:
    """The ICC profile and the EXIF block of a WebP (RIFF chunks "ICCP" and "EXIF"), each
    None when there is none."""
    icc = exif = None
    at = 12  # "RIFF", size, "WEBP"
    while at + 8 <= len(data):
        kind, size = data[at:at + 4], int.from_bytes(data[at + 4:at + 8], "little")
        body = data[at + 8:at + 8 + size]
        if kind == b"ICCP":
            icc = body
        elif kind == b"EXIF":
            exif = body
        at += 8 + size + (size & 1)
    return icc, exif
