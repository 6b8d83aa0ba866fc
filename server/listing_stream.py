"""A listing sent while it is rendered: the page's head at once, then its rows in pieces.

The same bytes as listing.render_html and listing.render_json, cut into chunks for a
StreamBody (tests/server/test_listing_stream.py parses and compares both). The rows' HTML is
made only as it is sent, so a 100,000-entry page is never held whole; the caller keeps the
pieces only when the cache will take them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from server import listing, listing_entries
from server.listing import NO_EXTRAS, Entry, PageContext
from server.listing_rows import HtmlRows, JsonRows
from server.page_i18n import language

ROWS_PER_CHUNK = 500  # about 60 KiB of HTML: a few TCP segments, few syscalls
FIRST_ROWS = 50  # the first chunk's: a screenful, shown while the rest is made
_ROWS_MARK = "\0rows\0"  # what no page part holds (display_text turns NUL into U+FFFD)
_SUMMARY_MARK = "\0summary\0"


def html_chunks(url_path: str, entries: Sequence[Entry], *, sort: str = "name",
                order: str = "asc", server_name: str = "Pier", page: PageContext = NO_EXTRAS,
                readme: str = "", base: str = "") -> Iterator[bytes]:
    """listing.render_html's page: the head (up to the first row), the rows by
    ROWS_PER_CHUNK, then the rest (summary, README, footer)."""
    sort, order = listing.normalized_sort(sort, order)
    return sorted_html_chunks(url_path, iter(listing.sort_entries(entries, sort, order)),
                              sort=sort, order=order, server_name=server_name, page=page,
                              readme=readme, base=base)


def sorted_html_chunks(url_path: str, ordered: Iterator[Entry], *, sort: str, order: str,
                       server_name: str = "Pier", page: PageContext = NO_EXTRAS,
                       readme: str = "", base: str = "") -> Iterator[bytes]:
    """html_chunks of entries already in the page's order, taken only as their rows are made
    (FileAccess.list_folder_by_name judges each as it is reached); the summary after them."""
    lang = language(page.language)
    whole = listing.page_template(url_path, (), sort=sort, order=order,
                                  server_name=server_name, page=page, readme=readme,
                                  base=base, rows=_ROWS_MARK, summary=_SUMMARY_MARK)
    head, _, tail = whole.partition(_ROWS_MARK)
    del whole
    yield head.encode("utf-8")
    rows = HtmlRows(lang, listing.row_query(sort, order))
    for batch in rows.batches(url_path, ordered, base, ROWS_PER_CHUNK, FIRST_ROWS):
        yield batch.encode("utf-8")
    yield tail.replace(_SUMMARY_MARK, listing.summary(*rows.tally, lang), 1).encode("utf-8")


def json_chunks(url_path: str, entries: Sequence[Entry], *, sort: str = "name",
                order: str = "asc", base: str = "") -> Iterator[bytes]:
    """listing.render_json's document: its fields, then the entries by ROWS_PER_CHUNK."""
    sort, order = listing.normalized_sort(sort, order)
    return sorted_json_chunks(url_path, iter(listing.sort_entries(entries, sort, order)),
                              sort=sort, order=order, base=base)


def sorted_json_chunks(url_path: str, ordered: Iterator[Entry], *, sort: str, order: str,
                       base: str = "") -> Iterator[bytes]:
    """json_chunks of entries already in order, taken as they are written."""
    opening, closing = listing.json_around_entries(url_path, sort, order)
    yield opening.encode("utf-8")
    for batch in JsonRows().batches(ordered, listing_entries.path_href(base + url_path),
                                    ROWS_PER_CHUNK, FIRST_ROWS):
        yield listing_entries.json_safe(batch).encode("utf-8")
    yield closing.encode("utf-8")
