"""Search results as a page or JSON, written piece by piece while the walk finds them
(server/search_walk.py): ``head()`` first, ``rows()`` for each folder's hits, ``tail()`` once the
walk ends, with the count and whether a limit stopped it.

The page is the listing page (resources/listing.html and server/listing_rows.py's rows, so rows
carry the listing's classes, data-size and data-mtime) with a heading, a path cell in each row, the
table marked ``class="listing search-results"`` and ``<tbody id="results">``, and in the footer
``<span id="search-done" data-count=... data-truncated=...>``: the page's script runs once the
page is complete (deferred), the marker says the results are all there.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import Protocol
from urllib.parse import quote

from server import listing
from server.listing import PageContext
from server.listing_entries import json_safe, path_href
from server.listing_rows import HtmlRows, JsonRows
from server.page_i18n import language
from server.pages import FAVICON_URL, STYLESHEET_URL, display_text, template
from server.search_walk import Hit

_ROWS = "\x00rows\x00"  # where the template is cut: rows stream in between
_SUMMARY = "\x00summary\x00"
_TABLE = '<table class="listing" id="listing">'


class Results(Protocol):
    def head(self) -> bytes: ...

    def rows(self, hits: Sequence[Hit]) -> bytes: ...

    def tail(self, count: int, truncated: bool) -> bytes: ...


class HtmlResults:
    """The results page of a search for ``text`` below the folder ``url_path``."""

    def __init__(self, url_path: str, text: str, *, server_name: str,
                 page: PageContext, base: str = "") -> None:
        self._url_path = url_path
        self._base = base  # as listing.render_html's: a share link's prefix, or ""
        self._text = text
        self._server_name = server_name
        self._page = page
        self._after_rows = ""
        self._lang = language(page.language)
        self._rows = HtmlRows(self._lang)

    def head(self) -> bytes:
        folder = display_text(self._url_path)
        quoted = display_text(self._text)
        lang = self._lang
        page_template = template("listing.html", lang.code)
        values = dict.fromkeys(page_template.get_identifiers(), "")
        folder_link = f'<a href="{path_href(self._base + self._url_path)}">{folder}</a>'
        heading = lang.gettext("Results for “%(text)s” in %(folder)s")
        values.update(
            title=heading % {"text": quoted, "folder": folder} + " — "
            + display_text(self._server_name),
            stylesheet=STYLESHEET_URL,
            scripts=listing._scripts(self._page, lang),
            favicon=FAVICON_URL,
            crumbs=listing._breadcrumbs(self._url_path, self._server_name, "", self._base),
            account=listing._account(self._page, lang),
            actions=listing._actions(self._page, lang),
            upload='<h2 class="search-heading" id="search-heading">'
                   + heading % {"text": quoted, "folder": folder_link} + "</h2>",
            headers=self._column_headers(),
            rows=_ROWS,
            summary=_SUMMARY,
            server_name=display_text(self._server_name),
        )
        page = page_template.substitute(values)
        page = page.replace(_TABLE, '<table class="listing search-results" id="listing">', 1)
        before, _, after = page.partition(_ROWS)
        self._after_rows = after
        return before.replace("<tbody>", '<tbody id="results">', 1).encode("utf-8")

    def _column_headers(self) -> str:
        """The listing's columns and "Folder"; a click sorts the results in the page (app.js),
        the links keep the search for a page without script."""
        query = "?q=" + quote(self._text, safe="", errors="surrogateescape")
        cells = [f'<th class="{key}" scope="col"><a href="{query}&amp;sort={key}&amp;order='
                 f'{listing._FIRST_ORDER[key]}">{title}</a></th>'
                 for key, title in listing.column_titles(self._lang).items()]
        cells.append(f'<th class="path" scope="col">{self._lang.gettext("Folder")}</th>')
        return "".join(cells)

    def rows(self, hits: Sequence[Hit]) -> bytes:
        lines = []
        for hit in hits:
            href = path_href(self._base + self._url_path + hit.folder)
            row = self._rows.row(hit.entry, href)
            shown = display_text(hit.folder or "./")
            lines.append(f'{row}<td class="path"><a href="{href}">{shown}</a>\n')
        return "".join(lines).encode("utf-8")

    def tail(self, count: int, truncated: bool) -> bytes:
        empty = ""
        lang = self._lang
        if not count:
            nothing = lang.gettext("Nothing below this folder matches “%(text)s”.") % {
                "text": display_text(self._text)}
            empty = f'<tr class="empty"><td colspan="4">{nothing}\n'
        results = lang.ngettext("%(n)s result", "%(n)s results", count) % {
            "n": lang.number(count)}
        if truncated:
            results += lang.gettext(" (the search stopped early; try more specific words)")
        done = (f'<span id="search-done" data-count="{count}" '
                f'data-truncated="{"true" if truncated else "false"}">{results}</span>')
        return (empty + self._after_rows.replace(_SUMMARY, done, 1)).encode("utf-8")


class JsonResults:
    """``{"path", "query", "entries": [...], "truncated"}``: each entry the listing's JSON
    entry plus "path" (relative to the searched folder), "truncated" last."""

    def __init__(self, url_path: str, text: str, base: str = "") -> None:
        self._url_path = url_path
        self._base = base
        self._text = text
        self._first = True
        self._rows = JsonRows()

    def head(self) -> bytes:
        start = json.dumps({"path": self._url_path, "query": self._text},
                           ensure_ascii=False, separators=(",", ":"))
        return _json_bytes(start[:-1] + ',"entries":[')

    def rows(self, hits: Sequence[Hit]) -> bytes:
        parts = []
        for hit in hits:
            entry = self._rows.entry(hit.entry,
                                     path_href(self._base + self._url_path + hit.folder))
            parts.append(("\n" if self._first else ",\n") + entry + ',"path":'
                         + encode_basestring(hit.path) + "}")
            self._first = False
        return _json_bytes("".join(parts))

    def tail(self, count: int, truncated: bool) -> bytes:
        return _json_bytes('\n],"truncated":' + ("true" if truncated else "false") + "}")


def _json_bytes(text: str) -> bytes:
    return json_safe(text).encode("utf-8")
