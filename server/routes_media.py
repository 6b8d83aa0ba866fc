"""``?thumb`` and ``?preview`` of a file: a JPEG made by the Thumbnailer (server/thumbnails.py),
or a generic SVG icon (one per kind: image, video, audio, other) when the file gives no
picture. The router has checked the target exactly as for a download; the file itself is
opened only through ``call.files``. A cached picture and every 304 are answered by the serve
thread; the rest waits on a worker that has left the pool (``Call.leave_pool``)."""

from __future__ import annotations

from server.call import Call
from server.clock import SYSTEM_CLOCK, Clock
from server.files import Resolved
from server.response import Response
from server.thumb_kinds import AUDIO, IMAGE, OTHER, VIDEO, media_kind
from server.thumbnails import PREVIEW, THUMB, ThumbKey, Thumbnailer

COMMON = b"Cache-Control: private, no-cache\r\nX-Content-Type-Options: nosniff\r\n"
JPEG = b"Content-Type: image/jpeg\r\n" + COMMON
SVG = (b"Content-Type: image/svg+xml\r\n" + COMMON
       + b"Content-Security-Policy: default-src 'none'; sandbox\r\n")
ICON_VERSION = "1"

_FRAME = ('<rect x="6" y="10" width="52" height="44" rx="5" fill="#eceff1" stroke="#90a4ae" '
          'stroke-width="2"/>')
_GLYPHS = {
    IMAGE: '<circle cx="22" cy="25" r="5" fill="#90a4ae"/>'
           '<path d="M10 50l15-15 9 9 8-8 12 14z" fill="#90a4ae"/>',
    VIDEO: '<path d="M26 22v20l17-10z" fill="#90a4ae"/>',
    AUDIO: '<path d="M27 44V20l16-4v24" fill="none" stroke="#90a4ae" stroke-width="3"/>'
           '<circle cx="23" cy="44" r="5" fill="#90a4ae"/><circle cx="39" cy="40" r="5" '
           'fill="#90a4ae"/>',
    OTHER: '<path d="M22 18h14l8 8v20H22z" fill="none" stroke="#90a4ae" stroke-width="3"/>',
}
ICONS = {kind: ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" '
                f'height="64">{_FRAME}{glyph}</svg>').encode("ascii")
         for kind, glyph in _GLYPHS.items()}


def media_kind_asked(call: Call) -> str | None:
    """THUMB or PREVIEW when the query asks for one (``?thumb`` wins), else None."""
    query = call.query
    if THUMB in query:
        return THUMB
    return PREVIEW if PREVIEW in query else None


class MediaRoutes:
    def __init__(self, thumbnails: Thumbnailer | None, clock: Clock = SYSTEM_CLOCK) -> None:
        """``thumbnails`` None: every answer is an icon (a handler built without an engine)."""
        self._thumbnails = thumbnails
        self._clock = clock

    def media(self, call: Call, target: Resolved, kind: str) -> Response:
        thumbnails = self._thumbnails
        key = thumbnails.key_for(target.fs_path, target.stat, kind) if thumbnails else None
        if thumbnails is None or key is None:
            media = media_kind(target.fs_path)
            return _icon(call, media, f'"icon-{media}-{ICON_VERSION}"')
        if _matches(call, key.etag):  # the same key always gives the same picture
            return Response(304, _etag(key.etag) + JPEG)
        found = thumbnails.cached(key)
        if found is None:
            call.may_wait()  # the disk cache, or a thumbnail thread
            found = self._find_or_make(call, thumbnails, key)
        if not found:
            return _icon(call, key.media, key.icon_etag)
        return Response(200, _etag(key.etag) + JPEG, found)

    def _find_or_make(self, call: Call, thumbnails: Thumbnailer, key: ThumbKey) -> bytes:
        """The entry; the time spent waiting for a thumbnail thread is the call's
        ``background_s`` (the request log tells it from slowness)."""
        waited_from: list[float] = []

        def leave_pool() -> None:
            call.leave_pool()
            waited_from.append(self._clock.monotonic())

        try:
            return thumbnails.find_or_make(key, call.files.open_file, before_wait=leave_pool)
        finally:
            if waited_from:
                call.background_s += self._clock.monotonic() - waited_from[0]


def _icon(call: Call, media: str, etag: str) -> Response:
    if _matches(call, etag):
        return Response(304, _etag(etag) + SVG)
    return Response(200, _etag(etag) + SVG, ICONS.get(media, ICONS[OTHER]))


def _etag(etag: str) -> bytes:
    return b"ETag: " + etag.encode("ascii") + b"\r\n"


def _matches(call: Call, etag: str) -> bool:
    """If-None-Match names ``etag`` (weakly compared, as RFC 9110 wants for GET) or is "*"."""
    value = call.request.headers.get("if-none-match")
    if value is None:
        return False
    if value.strip() == "*":
        return True
    return etag in {tag.strip().removeprefix("W/") for tag in value.split(",")}
