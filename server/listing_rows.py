"""A listing's rows, as HTML and as JSON: the part of a folder's answer that grows with the
folder, so each row is one format with few calls (issue 21: 100,000 rows must cost less than a
second). Dates are made once per second they show (files copied together share them), and a
name that needs no escaping is written as it is.

The page (server/listing.py), the streamed page and JSON (server/listing_stream.py) and search
results (server/listing_search.py) all make their rows here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from json.encoder import encode_basestring
from math import floor
from urllib.parse import quote

from server.listing_entries import (
    PLAIN_NAME,
    Entry,
    file_kind,
    parent_path,
    path_href,
    utc_iso,
)
from server.page_i18n import ENGLISH, PageLanguage
from server.pages import display_text
from server.units import format_size

_plain = PLAIN_NAME.fullmatch


class _BySecond(dict[object, str | None]):
    """A time's text, made once per whole second (the key: floor of the time, "" for a time
    that is not finite; `missing` where it cannot be written)."""

    def __init__(self, make: Callable[[int], str | None], missing: str | None) -> None:
        super().__init__()
        self._make, self._missing = make, missing

    def __missing__(self, second: object) -> str | None:
        made = self._make(second) if isinstance(second, int) else None
        self[second] = text = self._missing if made is None else made
        return text


def _second(mtime: float) -> int | str:
    """The whole second of a time (rounded down, as localtime() and gmtime() do), or ""."""
    try:
        return floor(mtime)
    except (OverflowError, ValueError):
        return ""


class HtmlRows:
    """Rows of the listing page in one language: `</td>` and `</tr>` are optional in HTML and
    left out, cells are styled by position (name, size, date), and the row's one class says
    what it is: "up", "empty", "dir" or the file's kind (its icon). The exact size and time
    are shown on hover by app.js, from data-size and data-mtime. `query`: what folder links
    carry so the chosen order survives navigation."""

    def __init__(self, lang: PageLanguage, query: str = "") -> None:
        self._lang, self._query = lang, query
        self._when = _BySecond(lang.time, "—")
        self._size = format_size if lang.code == ENGLISH else lang.size
        self.tally = (0, 0, 0)  # folders, files and the files' bytes batches() has made rows of

    def row(self, entry: Entry, base_href: str) -> str:
        """The row of ``entry`` in the folder whose href is ``base_href``."""
        name, is_dir, size, mtime, _ = entry
        if _plain(name) is None:
            href, shown = quote(name, safe="", errors="surrogateescape"), display_text(name)
        else:
            href = shown = name
        try:
            second: int | str = floor(mtime)  # as localtime() rounds; a row's data-mtime
        except (OverflowError, ValueError):
            second = ""  # not finite
        if is_dir:
            return (f'<tr class="dir" data-size="0" data-mtime="{second}"><td><a href="'
                    f'{base_href}{href}/{self._query}">{shown}/</a><td>—<td>'
                    f"{self._when[second]}")
        return (f'<tr class="{file_kind(name)}" data-size="{size}" data-mtime="{second}"><td>'
                f'<a href="{base_href}{href}">{shown}</a><td>{self._size(size)}<td>'
                f"{self._when[second]}")

    def batches(self, url_path: str, ordered: Iterable[Entry], base: str,
                per_batch: int, first_batch: int = 0) -> Iterator[str]:
        """The rows of the folder ``url_path`` (under the prefix ``base``), one line each (a
        newline before all but the first), ``per_batch`` rows to a string (``first_batch`` in
        the first, when given); a link to the parent first, and a line saying so when the
        folder is empty."""
        parent = parent_path(url_path)
        lines: list[str] = []
        if parent is not None:
            lines.append(f'<tr class="up"><td><a href="{path_href(base + parent)}{self._query}"'
                         f' title="{self._lang.gettext("Parent folder")}">..</a><td><td>')
        base_href = path_href(base + url_path)
        row = self.row
        folders = files = total = 0
        entries = iter(ordered)  # a sequence, or entries judged as they are reached
        size, newline = first_batch or per_batch, ""
        while batch := list(islice(entries, size)):
            lines += [row(entry, base_href) for entry in batch]
            folders_here = sum(1 for entry in batch if entry.is_dir)
            folders, files = folders + folders_here, files + len(batch) - folders_here
            total += sum(entry.size for entry in batch if not entry.is_dir)
            self.tally = (folders, files, total)
            yield newline + "\n".join(lines)
            lines.clear()
            size, newline = per_batch, "\n"  # after the last batch's last row
        if not folders + files:
            lines.append(f'<tr class="empty"><td colspan="3">'
                         f'{self._lang.gettext("This folder is empty.")}')
        if lines:
            yield newline + "\n".join(lines)


class JsonRows:
    """Entries of the listing's JSON (``json.dumps`` of name, type, size, mtime, modified, url
    with ``ensure_ascii=False``, compact), before server/listing_entries.json_safe."""

    def __init__(self) -> None:
        self._modified = _BySecond(utc_iso, None)

    def entry(self, entry: Entry, base_href: str) -> str:
        """``entry``'s object, without its closing brace (a search adds its path)."""
        name, is_dir, size, mtime, _ = entry
        if _plain(name) is None:
            href, text = quote(name, safe="", errors="surrogateescape"), encode_basestring(name)
        else:
            href, text = name, f'"{name}"'
        second = _second(mtime)
        if second == "":
            when = "null,\"modified\":null"
        else:
            modified = self._modified[second]
            when = repr(mtime) + (',"modified":null' if modified is None
                                  else f',"modified":"{modified}"')
        if is_dir:
            return f'{{"name":{text},"type":"dir","size":null,"mtime":{when},' \
                   f'"url":"{base_href}{href}/"'
        return f'{{"name":{text},"type":"file","size":{size},"mtime":{when},' \
               f'"url":"{base_href}{href}"'

    def batches(self, ordered: Iterable[Entry], base_href: str, per_batch: int,
                first_batch: int = 0) -> Iterator[str]:
        """The entries, comma-separated, ``per_batch`` to a string (``first_batch`` in the
        first, when given; all but the first starting with a comma)."""
        entry = self.entry
        entries = iter(ordered)
        size, comma = first_batch or per_batch, ""
        while batch := list(islice(entries, size)):
            yield comma + ",".join([entry(item, base_href) + "}" for item in batch])
            size, comma = per_batch, ","  # after the last batch's last entry
