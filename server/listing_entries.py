"""What a listing is made of: the entry, its kind, its href, and the text rules the page and
the JSON share (server/listing.py, server/listing_rows.py, server/listing_search.py)."""

from __future__ import annotations

import re
import time
from typing import NamedTuple
from urllib.parse import quote


class Entry(NamedTuple):
    """A listed file or folder (a tuple: a 1,000-entry folder makes a thousand at every
    listing and WebDAV PROPFIND, and a frozen dataclass's __init__ cost a third of the stats')."""

    name: str  # the real file name
    is_dir: bool
    size: int  # bytes; 0 for folders
    mtime: float  # epoch seconds
    mtime_ns: int = 0  # st_mtime_ns where the maker read it (a file's ETag: files.make_etag)


PLAIN_NAME = re.compile(r"[A-Za-z0-9_.~-]*")  # what quote() and display_text() leave as it is

_KINDS = {
    "image": "jpg jpeg png gif webp avif heic heif bmp tif tiff svg ico raw cr2 nef dng",
    "audio": "mp3 flac ogg oga opus wav m4a aac wma aiff alac mid midi",
    "video": "mp4 m4v mkv webm mov avi wmv mpg mpeg ogv 3gp flv",
    "text": "txt md rst csv tsv json xml html htm css js ts py c h cpp rs go java kt sh log "
    "yaml yml toml ini cfg conf pdf doc docx odt rtf tex srt vtt",
    "archive": "zip tar gz tgz bz2 xz zst 7z rar iso dmg deb rpm apk jar cab lz lzma",
}
KIND_BY_SUFFIX = {ext: kind for kind, exts in _KINDS.items() for ext in exts.split()}


def file_kind(name: str) -> str:
    """ "image", "audio", "video", "text", "archive" or "other", from the name's extension."""
    dot = name.rfind(".")
    return KIND_BY_SUFFIX.get(name[dot + 1 :].lower(), "other") if dot > 0 else "other"


def utc_iso(mtime: float) -> str | None:
    """ "2025-11-25T09:45:49Z", or None when the time cannot be represented."""
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(mtime))
    except (OverflowError, OSError, ValueError):
        return None


def path_href(url_path: str) -> str:
    """A decoded path ("/a b/é/") percent-encoded for an href; "/" kept as separator."""
    return quote(url_path, safe="/", errors="surrogateescape")


def parent_path(url_path: str) -> str | None:
    """ "/a/b/" -> "/a/"; None at "/"."""
    if url_path == "/":
        return None
    return url_path.rstrip("/").rpartition("/")[0] + "/"


# Left raw by json.dumps(ensure_ascii=False) but unsafe in a terminal or invalid in UTF-8 (or,
# U+2028/U+2029, line breaks to a JavaScript source and many log readers): written as \\uXXXX
# escapes instead, so names still round-trip exactly through a JSON parser. The same bidi
# characters as pages.UNSAFE_CHARS. (json.dumps already escapes U+0000-U+001F.)
JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_safe(text: str) -> str:
    """JSON text with what JSON_UNSAFE matches written as escapes."""
    return JSON_UNSAFE.sub(json_escape, text)
