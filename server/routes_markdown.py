"""Markdown: a file's own page (``GET /path/file.md?view``) and a folder's README under its
listing (server/routes_folders.py asks ``readme``).

The text is read through ``call.files`` (a descriptor the access policy opened and checked), at
most MAX_MARKDOWN_BYTES of it, and rendered by server/markdown_render.py once per version of the
file (real path and server.cache.file_key): the results stay in a cache bounded in bytes
(server/markdown_documents.py), so a folder with a README answers from memory like any other.

One text is rendered at a time (``_rendering``): rendering is pure Python (the GIL runs one
anyway), a render may hold tens of MiB of parser tokens, and a crowd asking for the same new
README waits for one rendering instead of making one each. Nobody waits for someone else's
render on a pool worker:

- ``?view`` renders at once when the renderer is free; else the request leaves the pool
  (``Call.leave_pool``, as thumbnails do) and waits its turn, at most RENDERS_WAITING_MAX of
  them (more get a 503 with Retry-After), each at most RENDER_WAIT_MAX seconds.
- A listing never waits: when its README is not rendered yet and the renderer is busy, the
  listing is served at once with a note that the README is being prepared, and is not cached,
  so the next visit shows the README once it could be rendered.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from server.access import FileAccess
from server.cache import FileKey, FileStamp, file_key
from server.call import Call
from server.clock import SYSTEM_CLOCK, Clock
from server.files import Resolved, ServerShort, is_short_of_room, url_quote
from server.http11 import HttpError
from server.listing import Entry
from server.markdown_documents import DocumentCache, DocumentKey
from server.markdown_page import BEING_PREPARED, Document, readme_section, view_page
from server.page_i18n import N_
from server.response import VARY_LANGUAGE, Response, html_page

log = logging.getLogger("pier.server")

MARKDOWN_SUFFIXES = (".md", ".markdown")
README_NAMES = ("readme.md", "readme.markdown")  # any case: README.md, readme.md, Readme.md...
MAX_MARKDOWN_BYTES = 512 * 1024
READ_PIECE = 64 * 1024
NO_CACHE = b"Cache-Control: no-cache\r\n"
RENDERS_WAITING_MAX = 8  # ?view requests waiting for their turn (a worst case render: ~3 s)
RENDER_WAIT_MAX = 60.0  # seconds one of them waits before it gets a 503


class RendersBusy(HttpError):
    def __init__(self) -> None:
        super().__init__(503, N_("Too many Markdown pages are being prepared; try again."),
                         close=False, headers=b"Retry-After: 2\r\n")


def is_markdown(url_path: str) -> bool:
    return url_path.lower().endswith(MARKDOWN_SUFFIXES)


def readme_name(entries: Iterable[Entry]) -> str | None:
    """The folder's README among its entries: README.md first, then other spellings of
    readme.md, then readme.markdown, each in name order."""
    # (only "r" and "R" casefold to a leading "r": the first letter spares 100,000 casefolds)
    names = [e.name for e in entries
             if e.name[:1] in "rR" and not e.is_dir and e.name.casefold() in README_NAMES]
    if not names:
        return None
    return min(names, key=lambda n: (n != "README.md", not n.lower().endswith(".md"), n))


@dataclass(frozen=True, slots=True)
class Readme:
    html: str  # the section under the listing
    stamp: FileStamp  # the version shown: a cached listing is dropped once it changes
    pending: bool = False  # the renderer was busy: a note instead, the listing is not cached


class MarkdownRoutes:
    def __init__(self, server_name: str, clock: Clock = SYSTEM_CLOCK) -> None:
        """``clock`` times a ?view's wait for its turn (``Call.background_s``)."""
        self._server_name = server_name
        self._clock = clock
        self._documents = DocumentCache()
        self._rendering = threading.Lock()
        self._waiting_lock = threading.Lock()
        self._waiting = 0  # ?view requests waiting for _rendering

    def view(self, call: Call, target: Resolved) -> Response:
        """The page of a Markdown file the router has checked this principal may read."""
        document = self._known(target)
        if document is None:
            call.may_wait()  # reading and rendering: a worker's
            document = self._render_now(call.files, target)
        if document is None:
            document = self._render_in_turn(call, target)
        page = view_page(target.url_path, document, self._server_name, call.language)
        return html_page(200, page, NO_CACHE + VARY_LANGUAGE)

    def readme(self, call: Call, folder: Resolved, entries: Iterable[Entry]) -> Readme | None:
        """The README section of ``folder`` (whose listing ``entries`` are), when it has a
        README this principal may read: the policy judges it as it would judge its download
        (a link is followed only within the share, to what this principal may read)."""
        name = readme_name(entries)
        if name is None:
            return None
        try:
            found = call.files.target(url_quote(folder.url_path + name))
        except ServerShort:
            raise  # not "no README": the listing must not be kept without it
        except HttpError:
            return None
        if found.is_dir:
            return None
        stamp = FileStamp(found.fs_path, file_key(found.stat))
        try:
            document = self._known(found)
            if document is None:
                call.may_wait()
                document = self._render_now(call.files, found)
        except ServerShort:
            raise
        except HttpError:  # gone or swapped since it was listed
            return None
        if document is None:  # somebody else's text is being rendered: never wait for it
            busy = Document(None, BEING_PREPARED, found.stat.st_size)
            return Readme(readme_section(folder.url_path, name, busy, call.language), stamp,
                          pending=True)
        return Readme(readme_section(folder.url_path, name, document, call.language), stamp)

    def _known(self, found: Resolved) -> Document | None:
        """What is known without reading the file: its rendered document, or that it is too
        large to read."""
        document = self._documents.get(_key_of(found))
        if document is None and found.stat.st_size > MAX_MARKDOWN_BYTES:
            return Document(None, "too large", found.stat.st_size)
        return document

    def _render_now(self, access: FileAccess, found: Resolved) -> Document | None:
        """The document, rendered on this thread if the renderer is free; else None."""
        if not self._rendering.acquire(blocking=False):
            return None
        try:
            return self._render_and_keep(access, found)
        finally:
            self._rendering.release()

    def _render_in_turn(self, call: Call, found: Resolved) -> Document:
        """The document, once the render before it is done; this thread leaves the worker pool
        to wait. RendersBusy when too many wait already or the turn does not come."""
        with self._place_in_line():
            call.leave_pool()
            started = self._clock.monotonic()
            try:
                got_turn = self._rendering.acquire(timeout=RENDER_WAIT_MAX)
            finally:
                call.background_s += self._clock.monotonic() - started
        if not got_turn:
            raise RendersBusy
        try:
            return self._render_and_keep(call.files, found)
        finally:
            self._rendering.release()

    @contextlib.contextmanager
    def _place_in_line(self) -> Iterator[None]:
        with self._waiting_lock:
            if self._waiting >= RENDERS_WAITING_MAX:
                raise RendersBusy
            self._waiting += 1
        try:
            yield
        finally:
            with self._waiting_lock:
                self._waiting -= 1

    def _render_and_keep(self, access: FileAccess, found: Resolved) -> Document:
        """Called holding _rendering: the document (maybe rendered while this one waited)."""
        key = _key_of(found)
        document = self._documents.get(key)
        if document is None:
            document, read_key = _render(access, found)
            if read_key == key[1]:  # what was read is the version the key names
                self._documents.put(key, document)
        return document


def _key_of(found: Resolved) -> DocumentKey:
    return found.fs_path, file_key(found.stat)


def _render(access: FileAccess, found: Resolved
            ) -> tuple[Document, FileKey | None]:
    """The document and the identity of the file it was read from (None when unread)."""
    size = found.stat.st_size
    try:
        data, read_key = _read_capped(access, found.fs_path)
    except OSError as err:
        if is_short_of_room(err):  # not the file's fault: 503, and no "unreadable" note kept
            raise ServerShort() from None
        return Document(None, "unreadable", size), None
    if len(data) > MAX_MARKDOWN_BYTES:  # it grew since it was looked at
        return Document(None, "too large", len(data)), read_key
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    # imported on the first render, not at start: a share that never shows Markdown does not
    # carry markdown-it-py's ~1.5 MiB
    from server.markdown_render import TooComplex, render_markdown
    try:
        return Document(render_markdown(text), size=len(data)), read_key
    except TooComplex:
        return Document(None, "too complex", len(data)), read_key
    except MemoryError:
        raise ServerShort() from None
    except Exception:  # markdown-it-py on a text nobody foresaw: a note, never a 500
        log.exception("could not render %s", found.url_path)
        return Document(None, "unreadable", len(data)), None


def _read_capped(access: FileAccess, fs_path: str) -> tuple[bytes, FileKey]:
    """Up to MAX_MARKDOWN_BYTES + 1 bytes of the file, read through a descriptor the policy
    opened (and checked), and the identity of what was read."""
    fd = access.open_file(fs_path)
    try:
        pieces: list[bytes] = []
        left = MAX_MARKDOWN_BYTES + 1
        while left > 0:
            piece = os.read(fd, min(READ_PIECE, left))
            if not piece:
                break
            pieces.append(piece)
            left -= len(piece)
        return b"".join(pieces), file_key(os.fstat(fd))
    finally:
        os.close(fd)
