"""A listing sent while it is rendered: the page's head at once, then its rows in pieces.

The same bytes as listing.render_html and listing.render_json, cut into chunks for a
StreamBody (tests/server/test_listing_stream.py parses and compares both). The rows' HTML is
made only as it is sent, so a 100,000-entry page is never held whole; the caller keeps the
pieces only when the cache will take them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from itertools import islice

from server import listing
from server.listing import NO_EXTRAS, Entry, PageContext
from server.page_i18n import language

ROWS_PER_CHUNK = 500  # about 60 KiB of HTML: a few TCP segments, few syscalls
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
    shown: list[Entry] = []
    rows = listing.row_parts(url_path, _noting(ordered, shown), listing.row_query(sort, order),
                             base, lang)
    piece: list[str] = []
    for row in rows:
        piece.append(row)
        if len(piece) >= ROWS_PER_CHUNK:
            yield "".join(piece).encode("utf-8")
            piece.clear()
    tail = tail.replace(_SUMMARY_MARK, listing._summary(shown, lang), 1)
    yield ("".join(piece) + tail).encode("utf-8")


def _noting(entries: Iterator[Entry], shown: list[Entry]) -> Iterator[Entry]:
    for entry in entries:
        shown.append(entry)
        yield entry


def json_chunks(url_path: str, entries: Sequence[Entry], *, sort: str = "name",
                order: str = "asc", base: str = "") -> Iterator[bytes]:
    """listing.render_json's document: its fields, then the entries by ROWS_PER_CHUNK."""
    sort, order = listing.normalized_sort(sort, order)
    return sorted_json_chunks(url_path, iter(listing.sort_entries(entries, sort, order)),
                              sort=sort, order=order, base=base)


def sorted_json_chunks(url_path: str, ordered: Iterator[Entry], *, sort: str, order: str,
                       base: str = "") -> Iterator[bytes]:
    """json_chunks of entries already in order, taken as they are written."""
    base_href = listing.path_href(base + url_path)
    document: dict[str, object] = {"path": url_path, "parent": listing.parent_path(url_path),
                                   "sort": sort, "order": order, "entries": []}
    head = _safe(json.dumps(document, ensure_ascii=False, separators=(",", ":")))
    opening, closing = head[:-2], head[-2:]  # '..."entries":[' and ']}'
    yield opening.encode("utf-8")
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    comma = ""
    while part := [listing.json_entry(entry, base_href)
                   for entry in islice(ordered, ROWS_PER_CHUNK)]:
        yield _safe(comma + dumps(part)[1:-1]).encode("utf-8")  # the entries without [ ]
        comma = ","
    yield closing.encode("utf-8")


def _safe(text: str) -> str:
    return listing.JSON_UNSAFE.sub(listing.json_escape, text)
