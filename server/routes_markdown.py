"""Markdown: a file's own page (``GET /path/file.md?view``) and a folder's README under its
listing (server/routes_folders.py asks ``readme``).

The text is read through ``call.files`` (a descriptor the access policy opened and checked), at
most MAX_MARKDOWN_BYTES of it, and rendered by server/markdown_render.py once per version of the
file (real path, mtime, size, inode, device, ctime): the results stay in a small cache bounded in bytes,
so a folder with a README answers from memory like any other. One text is rendered at a time:
rendering is pure Python (the GIL runs one anyway), and a crowd asking for the same new README
waits for one rendering instead of making one each.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from server.access import FileAccess
from server.cache import FileKey, FileStamp, file_key
from server.call import Call
from server.files import Resolved, url_quote
from server.http11 import HttpError
from server.listing import Entry
from server.markdown_page import Document, readme_section, view_page
from server.markdown_render import TooComplex, render_markdown
from server.response import Response, html_page

log = logging.getLogger("pier.server")

MARKDOWN_SUFFIXES = (".md", ".markdown")
README_NAMES = ("readme.md", "readme.markdown")  # any case: README.md, readme.md, Readme.md...
MAX_MARKDOWN_BYTES = 512 * 1024
DOCUMENTS_BYTES = 16 * 1024 * 1024  # rendered HTML kept (markdown_render bounds each to 4 MiB)
DOCUMENTS_ENTRIES = 128
READ_PIECE = 64 * 1024
NO_CACHE = b"Cache-Control: no-cache\r\n"

DocumentKey = tuple[str, FileKey]  # (real path, file_key)


def is_markdown(url_path: str) -> bool:
    return url_path.lower().endswith(MARKDOWN_SUFFIXES)


def readme_name(entries: Iterable[Entry]) -> str | None:
    """The folder's README among its entries: README.md first, then other spellings of
    readme.md, then readme.markdown, each in name order."""
    names = [e.name for e in entries if not e.is_dir and e.name.casefold() in README_NAMES]
    if not names:
        return None
    return min(names, key=lambda n: (n != "README.md", not n.lower().endswith(".md"), n))


@dataclass(frozen=True, slots=True)
class Readme:
    html: str  # the section under the listing
    stamp: FileStamp  # the version shown: a cached listing is dropped once it changes


class MarkdownRoutes:
    def __init__(self, server_name: str) -> None:
        self._server_name = server_name
        self._documents = _Documents()
        self._rendering = threading.Lock()

    def view(self, call: Call, target: Resolved) -> Response:
        """The page of a Markdown file the router has checked this principal may read."""
        document = self._document(call, target)
        return html_page(200, view_page(target.url_path, document, self._server_name), NO_CACHE)

    def readme(self, call: Call, folder: Resolved, entries: Iterable[Entry]) -> Readme | None:
        """The README section of ``folder`` (whose listing ``entries`` are), when it has a
        README this principal may read: the policy judges it as it would judge its download
        (a link is followed only within the share, to what this principal may read)."""
        name = readme_name(entries)
        if name is None:
            return None
        try:
            found = call.files.target(url_quote(folder.url_path + name))
        except HttpError:
            return None
        if found.is_dir:
            return None
        try:
            document = self._document(call, found)
        except HttpError:  # gone or swapped since it was listed
            return None
        stamp = FileStamp(found.fs_path, file_key(found.stat))
        return Readme(readme_section(folder.url_path, name, document), stamp)

    def _document(self, call: Call, found: Resolved) -> Document:
        key = (found.fs_path, file_key(found.stat))
        document = self._documents.get(key)
        if document is not None:
            return document
        if found.stat.st_size > MAX_MARKDOWN_BYTES:
            return Document(None, "too large", found.stat.st_size)
        call.may_wait()  # reading and rendering: a worker's
        with self._rendering:
            document = self._documents.get(key)
            if document is None:
                document, read_key = _render(call.files, found)
                if read_key == key[1]:  # what was read is the version the key names
                    self._documents.put(key, document)
        return document


def _render(access: FileAccess, found: Resolved
            ) -> tuple[Document, FileKey | None]:
    """The document and the identity of the file it was read from (None when unread)."""
    size = found.stat.st_size
    try:
        data, read_key = _read_capped(access, found.fs_path)
    except OSError:
        return Document(None, "unreadable", size), None
    if len(data) > MAX_MARKDOWN_BYTES:  # it grew since it was looked at
        return Document(None, "too large", len(data)), read_key
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    try:
        return Document(render_markdown(text), size=len(data)), read_key
    except TooComplex:
        return Document(None, "too complex", len(data)), read_key
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


class _Documents:
    """Rendered documents by file version, least recently used out first, bounded in bytes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict[DocumentKey, Document] = OrderedDict()
        self._bytes = 0

    def get(self, key: DocumentKey) -> Document | None:
        with self._lock:
            document = self._items.get(key)
            if document is not None:
                self._items.move_to_end(key)
            return document

    def put(self, key: DocumentKey, document: Document) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= _weight(old)
            self._items[key] = document
            self._bytes += _weight(document)
            while len(self._items) > DOCUMENTS_ENTRIES or self._bytes > DOCUMENTS_BYTES:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= _weight(dropped)


def _weight(document: Document) -> int:
    return 64 + len(document.html or "")  # characters: close enough to bytes for a bound
