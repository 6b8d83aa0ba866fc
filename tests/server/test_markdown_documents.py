"""server/markdown_documents.py: rendered documents kept by version in two size classes, so a
stream of big pages never pushes a folder's small README out."""

from __future__ import annotations

from server.markdown_documents import (
    LARGE_BYTES,
    SMALL_ENTRIES,
    SMALL_HTML,
    DocumentCache,
    DocumentKey,
)
from server.markdown_page import Document

BIG = Document("x" * (4 * 1024 * 1024))  # markdown_render's largest


def key(name: str, version: int = 1) -> DocumentKey:
    return f"/share/{name}", (version, 1, 1, 1, 1)


def test_big_pages_do_not_push_small_ones_out():
    cache = DocumentCache()
    readme = Document("<h1>Docs</h1>\n")
    cache.put(key("README.md"), readme)
    for number in range(10 * LARGE_BYTES // len(BIG.html or "")):
        cache.put(key(f"big{number}.md"), BIG)
    assert cache.get(key("README.md")) is readme
    assert cache.get(key("big0.md")) is None  # the big ones push out each other
    assert cache.get(key(f"big{number}.md")) is BIG


def test_each_class_is_bounded():
    cache = DocumentCache()
    for number in range(SMALL_ENTRIES + 10):
        cache.put(key(f"{number}.md"), Document("<p>a</p>"))
    assert len(cache) == SMALL_ENTRIES
    assert cache.get(key("0.md")) is None and cache.get(key("10.md")) is not None


def test_a_document_is_kept_once_in_the_class_of_its_size():
    cache = DocumentCache()
    small, large = Document("s"), Document("l" * (SMALL_HTML + 1))
    cache.put(key("a.md"), small)
    cache.put(key("a.md"), large)
    assert cache.get(key("a.md")) is large and len(cache) == 1
    cache.put(key("a.md"), small)
    assert cache.get(key("a.md")) is small and len(cache) == 1


def test_notes_are_kept_too():
    cache = DocumentCache()
    note = Document(None, "too complex", 300_000)
    cache.put(key("bomb.md"), note)
    assert cache.get(key("bomb.md")) is note
