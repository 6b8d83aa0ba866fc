"""Rendered Markdown documents by file version, for server/routes_markdown.py.

Kept in three size classes, each its own least-recently-used list bounded in bytes (what the
HTML takes in memory) and entries: README-sized documents (most render to a few KiB), medium
ones (a long manual) and large ones (up to markdown_render's 4 MiB). A page evicts only pages
of its own class, so somebody who uploads Markdown files and views them one after the other
churns their class and leaves the folders' READMEs cached; flushing the small class takes
hundreds of distinct renders of README-sized texts, each one waiting its turn.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict

from server.cache import FileKey
from server.markdown_page import Document

DocumentKey = tuple[str, FileKey]  # (real path, file_key)
SMALL_HTML = 16 * 1024  # bytes the HTML takes: up to this a document is README-sized
SMALL_BYTES = 4 * 1024 * 1024
SMALL_ENTRIES = 512
MEDIUM_HTML = 256 * 1024
MEDIUM_BYTES = 6 * 1024 * 1024
MEDIUM_ENTRIES = 128
LARGE_BYTES = 10 * 1024 * 1024  # two of the largest (4 MiB of one-byte characters) fit
LARGE_ENTRIES = 32
ENTRY_OVERHEAD = 64  # what an entry costs besides its HTML (key, note, links)


class _SizeClass:
    """One least-recently-used list; the caller holds the cache's lock."""

    __slots__ = ("items", "max_bytes", "max_entries", "weight")

    def __init__(self, max_bytes: int, max_entries: int) -> None:
        self.items: OrderedDict[DocumentKey, Document] = OrderedDict()
        self.weight = 0
        self.max_bytes = max_bytes
        self.max_entries = max_entries

    def pop(self, key: DocumentKey) -> None:
        old = self.items.pop(key, None)
        if old is not None:
            self.weight -= weight(old)

    def add(self, key: DocumentKey, document: Document) -> None:
        self.items[key] = document
        self.weight += weight(document)
        while len(self.items) > self.max_entries or self.weight > self.max_bytes:
            _, dropped = self.items.popitem(last=False)
            self.weight -= weight(dropped)


class DocumentCache:
    """Thread-safe; get() is what the serve thread asks."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._small = _SizeClass(SMALL_BYTES, SMALL_ENTRIES)
        self._medium = _SizeClass(MEDIUM_BYTES, MEDIUM_ENTRIES)
        self._large = _SizeClass(LARGE_BYTES, LARGE_ENTRIES)
        self._classes = (self._small, self._medium, self._large)

    def get(self, key: DocumentKey) -> Document | None:
        with self._lock:
            for size_class in self._classes:
                document = size_class.items.get(key)
                if document is not None:
                    size_class.items.move_to_end(key)
                    return document
            return None

    def put(self, key: DocumentKey, document: Document) -> None:
        with self._lock:
            for size_class in self._classes:
                size_class.pop(key)
            self._class_of(weight(document)).add(key, document)

    def _class_of(self, taken: int) -> _SizeClass:
        if taken <= SMALL_HTML + ENTRY_OVERHEAD:
            return self._small
        return self._medium if taken <= MEDIUM_HTML + ENTRY_OVERHEAD else self._large

    def __len__(self) -> int:
        with self._lock:
            return sum(len(size_class.items) for size_class in self._classes)


def weight(document: Document) -> int:
    """What the document takes in memory: a str stores 1, 2 or 4 bytes a character, as its
    widest character needs."""
    html = document.html
    return ENTRY_OVERHEAD + (sys.getsizeof(html) if html else 0)
