"""Custom error pages (``pier serve --error-pages DIR``): the owner's ``404.html``,
``403.html``, ... (any status ``NNN.html``, optionally ``NNN.<lang>.html``) shown to browsers
instead of Pier's own page. The folder is the owner's, outside any share that accepts changes
(ServerConfig.validated refuses it there) and, inside a read-only one, written by nobody through
Pier (server/unwritable.py); it is read here, never through the access policy.
A template that is missing, unreadable, too large or not UTF-8 text is no page: Pier's own is
shown, never a 5xx. See docs/ARCHITECTURE.md "Custom error pages"."""

from __future__ import annotations

import html
import os
import re
import stat
import threading
from collections.abc import Callable
from pathlib import Path

from server.cache import FileKey, file_key

MAX_TEMPLATE = 256 * 1024  # an error page is a page, not a download
MAX_LANGUAGES = 4  # of Accept-Language's ranges, the first this many (by q) are looked for
_PLACEHOLDER = re.compile(r"\{(status|reason|path)\}")
_TAG = re.compile(r"[a-z]{1,8}(?:-[a-z0-9]{1,8})*")
_QVALUE = re.compile(r"q=(0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)")


class TemplateError(Exception):
    """A template that cannot be used (too large, binary, not UTF-8, not a regular file)."""


def fill(template: str, status: int, reason: str, path: str) -> bytes:
    """``template`` with ``{status}``, ``{reason}`` and ``{path}`` replaced by the escaped
    values; any other brace is left as written (no format string: a stray ``{`` is text)."""
    values = {"status": str(int(status)), "reason": html.escape(reason, quote=True),
              "path": html.escape(path, quote=True)}
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template).encode("utf-8")


def language_tags(accept_language: str) -> list[str]:
    """The language tags the client asks for, best first (lower case; a region's tag is
    followed by its primary language: ``de-ch`` then ``de``), as file-name parts. Malformed
    ranges and ``*`` are skipped; at most MAX_LANGUAGES ranges are used."""
    ranked: list[tuple[float, int, str]] = []
    for index, item in enumerate(accept_language[:2048].split(",")[:32]):
        tag, _, params = item.strip().partition(";")
        tag = tag.strip().lower()
        value = params.strip().replace(" ", "").lower()
        quality = _QVALUE.fullmatch(value) if value else None
        q = 1.0 if not value else float(quality.group(1)) if quality else 0.0
        if q > 0 and _TAG.fullmatch(tag):
            ranked.append((-q, index, tag))
    tags: list[str] = []
    for _, _, tag in sorted(ranked)[:MAX_LANGUAGES]:
        for name in (tag, tag.partition("-")[0]):
            if name not in tags:
                tags.append(name)
    return tags


def template_names(status: int, tags: list[str]) -> list[str]:
    """The file names a page for ``status`` may have, the best first: ``404.de-ch.html``,
    ``404.de.html``, ..., ``404.html``."""
    code = str(int(status))
    return [f"{code}.{tag}.html" for tag in tags] + [f"{code}.html"]


def decoded(data: bytes) -> str:
    """A template's text; TemplateError for what is not a UTF-8 HTML text."""
    if len(data) > MAX_TEMPLATE:
        raise TemplateError("too large")
    if b"\0" in data:
        raise TemplateError("binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TemplateError("not UTF-8") from None


class ErrorPages:
    """The templates of one folder, read on first use and again when a file changes (its
    mtime, size, inode). ``refused_below``: a folder no template may really be in (the share:
    a drop box of a share link may write anywhere in it but in this folder), unless it really is
    in this folder: a template that is a link elsewhere into the share is no page. Thread-safe."""

    def __init__(self, folder: Path, refused_below: Path | None = None) -> None:
        self._folder = str(folder)
        self._refused = str(refused_below) if refused_below is not None else None
        self._real_folder = os.path.realpath(folder)
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[FileKey, str | None]] = {}

    def template(self, status: int, tags: list[str],
                 may_wait: Callable[[], None] = lambda: None) -> str | None:
        """The best template for ``status`` in the client's languages, or None (Pier's own
        page). ``may_wait`` is called before a file is read (the serve thread hands over)."""
        for name in template_names(status, tags):
            path = os.path.join(self._folder, name)
            try:
                st = os.stat(path)
            except (OSError, ValueError):
                continue
            text = self._text(path, st, may_wait)
            if text is not None:
                return text
        return None

    def _text(self, path: str, st: os.stat_result, may_wait: Callable[[], None]) -> str | None:
        key = file_key(st)
        with self._lock:
            cached = self._cache.get(path)
        if cached is not None and cached[0] == key:
            return cached[1]
        may_wait()
        text = self._read(path, st)
        with self._lock:
            self._cache[path] = (key, text)
        return text

    def _read(self, path: str, st: os.stat_result) -> str | None:
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_TEMPLATE or self._is_refused(path):
            return None
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                         | getattr(os, "O_BINARY", 0))
        except OSError:
            return None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            data = read_at_most(fd, MAX_TEMPLATE + 1)
        except OSError:
            return None
        finally:
            os.close(fd)
        try:
            return decoded(data)
        except TemplateError:
            return None

    def _is_refused(self, path: str) -> bool:
        if self._refused is None:
            return False
        real = os.path.realpath(path)
        return _is_below(real, self._refused) and not _is_below(real, self._real_folder)


def _is_below(real: str, folder: str) -> bool:
    return real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)


def read_at_most(fd: int, limit: int) -> bytes:
    """Up to ``limit`` bytes of an open file (a descriptor: routes may call this)."""
    parts: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(fd, min(65536, limit - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)
