"""The ONE place that maps a URL path to a file, plus the file facts a response needs:
content type, validators (ETag / Last-Modified), conditional requests and byte ranges."""

from __future__ import annotations

import mimetypes
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar, cast
from urllib.parse import parse_qs, quote, unquote_to_bytes

from server.http11 import HttpError
from server.page_i18n import N_
from server.portable import can_name_opened, features, is_link, opened_path
from server.portable_folders import NO_ROOM, Folder, open_folder, real_path_of

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_DRIVE = re.compile(r"^[A-Za-z]:")
_Opened = TypeVar("_Opened", int, Folder)
_UNSAFE_FOR_HEADER = re.compile(r'[\x00-\x1f\x7f"\\?]')
_UNSAFE_IN_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_WINDOWS = os.name == "nt"
# how decode_url_path and decode_query read bytes that are not UTF-8 (POSIX names are bytes)
_UNDECODABLE_BYTES = "surrogateescape" if os.name == "posix" else "strict"

# Types pinned so that the platform's mime database cannot change how a browser treats them.
_PINNED_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".xml": "text/xml",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".pdf": "application/pdf",
    ".py": "text/plain",
    ".log": "text/plain",
    ".csv": "text/csv",
}
_CHARSET_TYPES = ("text/", "application/json", "text/javascript", "image/svg+xml")


class PathRefused(HttpError):
    """The URL path cannot name anything that may be served."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(status, reason, close=False)


class ServerShort(HttpError):
    """The process is short of descriptors or memory (EMFILE, ENFILE, ENOMEM, ENOBUFS): the
    thing asked for may well exist, so this is a 503 to retry, never a 404 (nor anything a
    cache or a "no picture" note may keep)."""

    def __init__(self) -> None:
        super().__init__(503, N_("The server is busy; try again in a moment."), close=False,
                         headers=b"Retry-After: 1\r\n")


def is_short_of_room(err: BaseException) -> bool:
    """Whether ``err`` says only that the process is short of room, not what a path holds."""
    return isinstance(err, MemoryError) or (isinstance(err, OSError) and err.errno in NO_ROOM)


def refusal_for(err: OSError) -> HttpError:
    """What a failed open or read of a share path answers: 503 (ServerShort) when the process
    is short of room, else 404 Not found."""
    return ServerShort() if is_short_of_room(err) else PathRefused(404, N_("Not found."))


@dataclass(frozen=True, slots=True)
class Resolved:
    fs_path: str  # the real path (symlinks resolved), inside the root
    url_path: str  # the decoded URL path, "/"-separated, no dot segments, starting with "/"
    is_dir: bool
    stat: os.stat_result
    # the lstat of every step below the root when the path holds no symlink (the access policy
    # checks their identities); empty when a link was followed
    steps: tuple[os.stat_result, ...] = ()
    names: tuple[str, ...] = ()  # the URL path's segments (the names of those steps)


def decode_url_path(raw: str) -> str:
    """Percent-decode once, as UTF-8; refuse anything that could mean something else on disk.

    On POSIX a name is bytes, and one that is not UTF-8 (an old archive's Latin-1 or Shift-JIS
    names) is listed with its exact bytes percent-encoded: those bytes decode as the system
    does (surrogateescape), so the link reaches that file; names are created valid only
    (uploads.clean_name). Windows names are Unicode: there such a path names nothing."""
    if "\\" in raw:
        raise PathRefused(400, N_("Backslashes are not allowed in paths."))
    try:
        text = unquote_to_bytes(raw).decode("utf-8", errors=_UNDECODABLE_BYTES)
    except UnicodeDecodeError:
        raise PathRefused(400, N_("The path is not valid UTF-8.")) from None
    if _CONTROL.search(text):
        raise PathRefused(400, N_("Control characters are not allowed in paths."))
    if "\\" in text:
        raise PathRefused(400, N_("Backslashes are not allowed in paths."))
    return text


def decode_query(query: str) -> dict[str, list[str]]:
    """A URL's query as parse_qs reads it, each value decoded as decode_url_path decodes a
    path: a name in ``?mkdir=`` or ``?replace=`` that is not UTF-8 meets uploads.clean_name's
    refusal instead of silently becoming U+FFFD, and ``?q=`` finds such names."""
    try:
        return parse_qs(query, keep_blank_values=True, errors=_UNDECODABLE_BYTES)
    except UnicodeDecodeError:
        raise PathRefused(400, N_("The query is not valid UTF-8.")) from None


# What desktop clients write beside files over WebDAV (macOS: ._NAME resource forks and
# .DS_Store; LibreOffice: .~lock.NAME#): accepted although they start with a dot, and kept out
# of the page's listings like desktop.ini and Thumbs.db (Windows) unless hidden files are shown
_HOUSEKEEPING_DOT = re.compile(r"\._.|\.DS_Store\Z|\.~lock\..*#\Z", re.DOTALL)
# (what a name that does not begin with "." must be, lower-cased, to be one of them)
HOUSEKEEPING_PLAIN = frozenset({"desktop.ini", "thumbs.db"})


def is_housekeeping(name: str) -> bool:
    """A file desktop clients keep beside the user's files (see _HOUSEKEEPING_DOT)."""
    return _HOUSEKEEPING_DOT.match(name) is not None or name.lower() in HOUSEKEEPING_PLAIN


def is_hidden(name: str) -> bool:
    """A dot-name served and listed only with show_hidden; the housekeeping ones are not."""
    return name[:1] == "." and _HOUSEKEEPING_DOT.match(name) is None


def split_segments(decoded: str, *, show_hidden: bool) -> list[str]:
    segments = [s for s in decoded.split("/") if s and s != "."]
    for index, segment in enumerate(segments):
        if segment == "..":
            raise PathRefused(400, N_("Parent-folder segments ('..') are not allowed."))
        if (index == 0 and _DRIVE.match(segment)) or "::$" in segment:
            raise PathRefused(400, N_("Drive letters and stream names are not allowed."))
        if _WINDOWS and segment.rstrip(". ") != segment:
            raise PathRefused(404, N_("Not found."))
        if not show_hidden and is_hidden(segment):
            raise PathRefused(404, N_("Not found."))
    return segments


def resolve(
    root: Path | str,
    raw_path: str,
    *,
    show_hidden: bool = False,
    protected: tuple[Path, ...] | tuple[str, ...] = (),
) -> Resolved:
    """Map the path part of a request target to a real file or folder inside ``root``.

    ``root`` must already be a real (resolved) path. Raises PathRefused (400/404)."""
    if not raw_path.startswith("/"):
        raise PathRefused(400, N_("The path must start with '/'."))
    segments = _segments(raw_path, show_hidden)
    root_text = str(root)
    real, st, steps = _real_path_below(root_text, segments)
    # The memo compares strings, as is_servable does; a tuple of strings is passed on unchanged.
    protected_text = (cast("tuple[str, ...]", protected)
                      if not protected or isinstance(protected[0], str)
                      else tuple(map(str, protected)))
    if not _servable(real, root_text, show_hidden, protected_text):
        raise PathRefused(404, N_("Not found."))
    is_dir = stat.S_ISDIR(st.st_mode)
    if not is_dir and not stat.S_ISREG(st.st_mode):
        raise PathRefused(404, N_("Not found."))
    url_path = "/" + "/".join(segments)
    if is_dir and not url_path.endswith("/"):
        url_path += "/"
    return Resolved(real, url_path, is_dir, st, steps, segments)


MEMO_ENTRIES = 2048
MEMO_MAX_PATH = 512  # longer paths are worked out every time, so the memos stay small


def _segments(raw_path: str, show_hidden: bool) -> tuple[str, ...]:
    """split_segments(decode_url_path(raw_path)): pure string work, remembered for the paths
    asked for again and again (refusals raise every time; they are not remembered)."""
    if len(raw_path) > MEMO_MAX_PATH:
        return tuple(split_segments(decode_url_path(raw_path), show_hidden=show_hidden))
    return _memo_segments(raw_path, show_hidden)


@lru_cache(maxsize=MEMO_ENTRIES)
def _memo_segments(raw_path: str, show_hidden: bool) -> tuple[str, ...]:
    return tuple(split_segments(decode_url_path(raw_path), show_hidden=show_hidden))


def _servable(real: str, root: str, show_hidden: bool, protected: tuple[str, ...]) -> bool:
    """is_servable() for a real path string; a function of its arguments only (the disk was
    already asked by _real_path_below), so remembered."""
    if len(real) > MEMO_MAX_PATH:
        return is_servable(real, root, show_hidden=show_hidden, protected=protected)
    return _memo_servable(real, root, show_hidden, protected)


@lru_cache(maxsize=MEMO_ENTRIES)
def _memo_servable(real: str, root: str, show_hidden: bool, protected: tuple[str, ...]) -> bool:
    return is_servable(real, root, show_hidden=show_hidden, protected=protected)


def _real_path_below(root: str, segments: Sequence[str]
                     ) -> tuple[str, os.stat_result, tuple[os.stat_result, ...]]:
    """The real path of root/segments, its stat and the lstat of each step (none when a link
    was followed). Walks down from the (already real) root with one lstat per segment; the
    first symlink met hands over to portable_folders.real_path_of for the rest (bounded: a
    link that cannot be followed within its bounds is Not found, as a broken one is)."""
    path = root
    prefix = root.rstrip(os.sep) + os.sep  # "/" stays "/" (os.path.join, without its cost)
    steps: list[os.stat_result] = []
    try:
        st = os.stat(root) if not segments else None  # the walk below stats every step
        for index, segment in enumerate(segments):
            parent = path
            path = prefix + segment
            prefix = path + os.sep
            st = os.lstat(path)
            if is_link(st):
                found = real_path_of(parent, segments[index:])
                if found is None:
                    raise PathRefused(404, N_("Not found."))
                return found[0], found[1], ()
            steps.append(st)
    except OSError as err:
        raise refusal_for(err) from None
    except ValueError:
        raise PathRefused(404, N_("Not found.")) from None
    assert st is not None
    return path, st, tuple(steps)


def is_inside(path: str, folder: str) -> bool:
    """Component-wise containment of two real, normalised paths (what Path.is_relative_to
    answers, without building Path objects on the hot path). "/srv/data" is not inside
    "/srv/dat": the separator is part of the comparison."""
    if path == folder:
        return True
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    return path.startswith(prefix)


def is_servable(real: str | Path, root: str | Path, *, show_hidden: bool,
                protected: tuple[str | Path, ...]) -> bool:
    """True when a real (symlink-free) path lies inside root and is neither hidden nor protected."""
    real, root = str(real), str(root)
    if not is_inside(real, root):
        return False
    if any(is_inside(real, str(p)) for p in protected):
        return False
    if not show_hidden and real != root:
        relative = real[len(root):].lstrip(os.sep)
        return not any(is_hidden(part) for part in relative.split(os.sep))
    return True


def open_confined(fs_path: str, root: str, *, show_hidden: bool,
                  protected: tuple[str | Path, ...]) -> int:
    """Open a resolved file and check what was actually opened.

    resolve() checks names; between that check and the open, a folder on the way can be
    swapped for a link that leads out of the share. The kernel's own path of the opened
    descriptor cannot be swapped, so it is checked again here; where the kernel cannot be
    asked (Windows), every step is looked at before and after the open (_walk_checked)."""
    if not can_name_opened():
        return _walk_checked(fs_path, root, protected, show_hidden, _open_reading)
    try:
        fd = _open_reading(fs_path)
    except OSError as err:
        raise refusal_for(err) from None
    _check_kernel_path(fd, opened_path(fd), root, show_hidden, protected)
    return fd


def open_confined_folder(fs_path: str, root: str, *, show_hidden: bool,
                         protected: tuple[str | Path, ...]) -> Folder:
    """open_confined() for a folder."""
    if not (can_name_opened() and features.dir_fd):
        return _walk_checked(fs_path, root, protected, show_hidden, open_folder)
    try:
        fd = os.open(fs_path, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise refusal_for(err) from None
    real = opened_path(fd)
    _check_kernel_path(fd, real, root, show_hidden, protected)
    return Folder.make(fd, real or fs_path, os.fstat(fd))


def _open_reading(fs_path: str) -> int:
    return os.open(fs_path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


def _check_kernel_path(fd: int, real: str | None, root: str, show_hidden: bool,
                       protected: tuple[str | Path, ...]) -> None:
    if real is not None and not is_servable(real, root, show_hidden=show_hidden,
                                            protected=protected):
        os.close(fd)
        raise PathRefused(404, N_("Not found."))


def _walk_checked(fs_path: str, root: str, protected: tuple[str | Path, ...],
                  show_hidden: bool, opener: Callable[[str], _Opened]) -> _Opened:
    """Open ``fs_path`` by path where the kernel cannot name what it opened: every step from
    the root is lstat-ed (no links) before and after the open, and the opened item must be the
    last step."""
    if not is_servable(fs_path, root, show_hidden=show_hidden, protected=protected):
        raise PathRefused(404, N_("Not found."))
    try:
        before = _step_identities(root, fs_path)
        opened = opener(fs_path)
    except OSError as err:
        raise refusal_for(err) from None
    try:
        st = opened.stat() if isinstance(opened, Folder) else os.fstat(opened)
        if (st.st_dev, st.st_ino) != before[-1] or _step_identities(root, fs_path) != before:
            raise OSError("a step changed while it was opened")
    except OSError:
        _close(opened)
        raise PathRefused(404, N_("Not found.")) from None
    return opened


def _close(opened: int | Folder) -> None:
    if isinstance(opened, Folder):
        opened.close()
    else:
        os.close(opened)


def _step_identities(root: str, fs_path: str) -> list[tuple[int, int]]:
    """(device, inode) of the root and of each step below it to ``fs_path``; OSError when a
    step is a link (a real path holds none: one was swapped in) or is missing."""
    names = fs_path[len(root):].strip(os.sep)
    paths = [root]
    for name in names.split(os.sep) if names else ():
        paths.append(os.path.join(paths[-1], name))
    identities = []
    for path in paths:
        st = os.lstat(path)
        if is_link(st):
            raise OSError(f"{path} is a link")
        identities.append((st.st_dev, st.st_ino))
    return identities


def url_quote(url_path: str) -> str:
    """Percent-encode a decoded URL path for a Location header or an href (a name that is not
    UTF-8 by its exact bytes, as decode_url_path reads them back)."""
    return quote(url_path, safe="/", errors="surrogateescape")


def content_type(name: str) -> str:
    """The type a file is served with, from its name. Remembered by extension (a 1,000-entry
    WebDAV listing asks for each file's), except after an extension that mimetypes reads
    together with the one before it (``.gz``, ``.tgz``...) and for a name mimetypes reads as a
    ``data:`` URL."""
    ext = _extension(name)
    ctype = _TYPE_OF_EXTENSION.get(ext)
    if ctype is None or name[:5].lower() == "data:":
        ctype = _PINNED_TYPES.get(ext.lower()) or mimetypes.guess_type(name)[0] \
            or "application/octet-stream"
        if ctype.startswith(_CHARSET_TYPES):
            ctype += "; charset=utf-8"
        if ext.lower() not in mimetypes.encodings_map and ext.lower() not in \
                mimetypes.suffix_map and name[:5].lower() != "data:":
            if len(_TYPE_OF_EXTENSION) >= _TYPES_REMEMBERED:
                _TYPE_OF_EXTENSION.clear()
            _TYPE_OF_EXTENSION[ext] = ctype
    return ctype


def _extension(name: str) -> str:
    """os.path.splitext(name)[1] of a name without separators: from the last dot, unless
    only dots come before it (``.bashrc`` has none)."""
    dot = name.rfind(".")
    if dot > 0 and (name[0] != "." or name[:dot].strip(".")):
        return name[dot:]
    return ""


_TYPE_OF_EXTENSION: dict[str, str] = {}  # exact extension (mimetypes is case-sensitive first)
_TYPES_REMEMBERED = 1024


def is_inline_type(ctype: str) -> bool:
    """Whether the browser opens the file rather than saving it. Independent of is_passive_type:
    an HTML page still opens, but inert (see ACTIVE_CONTENT_CSP)."""
    return ctype.startswith(("text/", "image/", "audio/", "video/", "application/pdf",
                             "application/json"))


# Files from the share must never run as the share's origin: an uploaded page would act with
# the visitor's login (read private files, upload where only the visitor may). Only these types
# are known to be displayed and never run; every other type (HTML, XHTML, SVG, XML, JSON,
# JavaScript, anything unknown) gets ACTIVE_CONTENT_CSP. The allow-list is needed as much as the
# sandbox: a video opened directly does not play under it in Chromium (its player page loads the
# file with CORS, from the sandbox's opaque origin), and PDF viewers are plugins, which a sandbox
# may block. nosniff (on every file) keeps text/plain from being sniffed into HTML.
_PASSIVE_PREFIXES = ("image/", "audio/", "video/")
_PASSIVE_EXACT = frozenset({"application/pdf", "text/plain"})
ACTIVE_CONTENT_CSP = "Content-Security-Policy: sandbox\r\n"  # no scripts, an opaque origin


def is_passive_type(ctype: str) -> bool:
    """True for types a browser only displays (images other than SVG, audio, video, PDF, plain
    text); False for anything that may run script or whose type is not known."""
    base = ctype.partition(";")[0].strip().lower()
    if base in _PASSIVE_EXACT:
        return True
    if not base.startswith(_PASSIVE_PREFIXES):
        return False
    subtype = base.partition("/")[2]
    return "svg" not in subtype and "xml" not in subtype  # image/svg+xml runs script


def content_disposition(name: str, *, attachment: bool) -> str:
    """RFC 6266 with an RFC 5987 ``filename*`` for non-ASCII names."""
    kind = "attachment" if attachment else "inline"
    # The real name can hold anything a file system allows, CR and LF included (a link in the
    # share can point at such a file): only printable ASCII goes into the quoted form, and the
    # percent-encoded form drops control and bidi characters, which could disguise a type.
    ascii_name = _UNSAFE_FOR_HEADER.sub("_", name.encode("ascii", "replace").decode("ascii"))
    value = f'{kind}; filename="{ascii_name}"'
    if ascii_name != name:
        shown = _UNSAFE_IN_NAME.sub("_", name)
        value += f"; filename*=UTF-8''{quote(shown, safe='')}"
    return value


def make_etag(mtime_ns: int, size: int) -> str:
    return f'"{mtime_ns:x}-{size:x}"'
