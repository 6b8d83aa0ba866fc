"""Third attack, Markdown: the size-class document cache after the fix.

Held over live HTTP (not repeated here): 20 clients asking ?view of heavy documents whose
versions kept changing got 503 + Retry-After past the 8 waiting, while listings and downloads
of other folders stayed fast; a listing with a README being prepared carries no ETag nor
Last-Modified (Cache-Control: no-cache) and shows the README on the next visit.

What did not hold: the small class is "small" by HTML characters per document (64 Ki), not by
being README-sized, so about 100 renders of documents of 60 K characters (a 30 KiB Markdown file
renders in ~10 ms) push every folder's README out; and the budget counts characters where a
text with one character beyond Latin-1 takes 2 or 4 bytes each, so the classes' "6 MiB" and
"10 MiB" hold up to 24 and 40 MiB."""

from __future__ import annotations

import sys

from server.markdown_documents import SMALL_BYTES, SMALL_ENTRIES, DocumentCache, DocumentKey, weight
from server.markdown_page import Document
from server.markdown_render import render_markdown


def key(name: str) -> DocumentKey:
    return f"/share/{name}", (1, 1, 1, 1, 1)


def medium_text(number: int) -> str:
    """A plain 30 KiB Markdown file whose HTML is just under the small class's bound."""
    line = "lorem ipsum dolor sit amet " * 3
    return "".join(f"para {number} {k} {line}\n\n" for k in range(600))


def test_a_readme_outlives_two_hundred_medium_pages() -> None:
    cache = DocumentCache()
    readme = Document(render_markdown("# Docs\n\nRead me first.\n"))
    cache.put(key("README.md"), readme)
    html = render_markdown(medium_text(0))
    assert len(html) < 64 * 1024  # README-sized by the first size classes (64 Ki characters)
    for number in range(200):  # far fewer than SMALL_ENTRIES (512)
        cache.put(key(f"m{number}.md"), Document(render_markdown(medium_text(number))))
    assert SMALL_ENTRIES > 200
    assert cache.get(key("README.md")) is readme


def test_the_budget_counts_what_a_document_takes_in_memory() -> None:
    html = render_markdown("\U0001f600 " * 20_000)  # emoji: 4 bytes a character in a str
    document = Document(html)
    taken = sys.getsizeof(html)
    assert weight(document) >= taken * 0.9, (weight(document), taken, SMALL_BYTES)
