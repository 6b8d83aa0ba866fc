"""Rendered Markdown documents by file version, for server/routes_markdown.py.

Kept in two size classes, each its own least-recently-used list bounded in bytes and entries:
small documents (most READMEs render to a few KiB) and large ones (up to markdown_render's
4 MiB). A large page evicts only large pages, so somebody who uploads big Markdown files and
views them one after the other churns the large class and leaves the folders' READMEs cached;
flushing the small class takes hundreds of distinct renders, each one waiting its turn.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from server.cache import FileKey
from server.markdown_page import Document

DocumentKey = tuple[str, FileKey]  # (real path, file_key)
SMALL_HTML = 64 * 1024  # characters of HTML: up to this a document is small
SMALL_BYTES = 6 * 1024 * 1024
SMALL_ENTRIES = 512
LARGE_BYTES = 10 * 1024 * 1024  # two of the largest (4 MiB) fit
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
        self._large = _SizeClass(LARGE_BYTES, LARGE_ENTRIES)

    def get(self, key: DocumentKey) -> Document | None:
        with self._lock:
            for size_class in (self._small, self._large):
                document = size_class.items.get(key)
                if document is not None:
                    size_class.items.move_to_end(key)
                    return document
            return None

    def put(self, key: DocumentKey, document: Document) -> None:
        with self._lock:
            self._small.pop(key)
            self._large.pop(key)
            small = weight(document) <= SMALL_HTML + ENTRY_OVERHEAD
            (self._small if small else self._large).add(key, document)

    def __len__(self) -> int:
        with self._lock:
            return len(self._small.items) + len(self._large.items)


def weight(document: Document) -> int:
    return ENTRY_OVERHEAD + len(document.html or "")  # characters: close enough to bytes
