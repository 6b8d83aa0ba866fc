"""Folders: the listing (HTML or JSON, cached), the website index, a folder as a .zip, and a
search below it (server/routes_search.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from operator import itemgetter

from server import listing, listing_stream, writes
from server.access import ANY_NAME, Action, FileAccess
from server.cache import FileStamp, ListingCache, body_etag
from server.call import Call
from server.clock import SYSTEM_CLOCK, Clock
from server.conditional import etag_matches
from server.config import ServerConfig
from server.files import Resolved, ServerShort, content_disposition, refusal_for, url_quote
from server.http11 import HttpError
from server.listing import Entry
from server.page_i18n import N_
from server.response import (
    HTML,
    JSON,
    NO_STORE,
    NOSNIFF,
    PAGE_CSP,
    Response,
    StreamBody,
    ZipBody,
    redirect,
)
from server.routes_files import FileRoutes
from server.routes_markdown import MarkdownRoutes
from server.routes_search import SearchRoutes, search_text
from server.routes_trust import ca_offered
from server.text_board import TextBoard

LISTING_HEADERS = b"Cache-Control: no-cache\r\n" + NOSNIFF
# The JSON does not depend on the language; the page does (and is cached per language).
VARY_JSON = b"Vary: Accept\r\n"
VARY_PAGE = b"Vary: Accept, Accept-Language\r\n"
# entries: a bigger listing is sent while it is rendered (chunked), a smaller one whole, with
# its ETag
STREAMED_OVER = 500
QUICK_CHUNKS = 2  # a streamed listing's head and first rows (listing_stream.FIRST_ROWS)
# what one entry of a streamed listing holds besides its name (an Entry tuple with a stat's
# numbers, its list slot, the name's str header): counted in the byte budget while it is sent
PLANNED_ENTRY_BYTES = 200
KEPT_WHOLE_UP_TO = 512 * 1024  # a streamed page the cache keeps as one body (about 4,000 rows)


class FolderRoutes:
    def __init__(self, config: ServerConfig, listings: ListingCache, downloads: FileRoutes,
                 texts: TextBoard | None = None, clock: Clock = SYSTEM_CLOCK,
                 readmes: MarkdownRoutes | None = None) -> None:
        self._config = config
        self._search = SearchRoutes(config, clock)
        self._readmes = readmes  # a folder's README under its HTML listing
        self._texts = texts or TextBoard()
        self._listings = listings
        self._downloads = downloads

    def folder(self, call: Call, target: Resolved) -> Response:
        if not call.path.endswith("/"):
            return self._redirect_to_folder(call, target)
        if self._config.website_mode:
            index = call.files.website_index(target)
            if index is not None:
                return self._downloads.download(call, index.fs_path, index.stat)
        text = search_text(call)
        if text is not None:
            return self._search.search(call, target, text)
        if call.first("format") == "zip":
            return self._zip(call, target)
        as_json = call.wants_json()
        sort, order = listing.normalized_sort(call.first("sort", "name"), call.first("order"))
        body, etag = self._listing_body(call, target, "json" if as_json else "html", sort, order)
        if as_json:
            return Response(200, JSON + VARY_JSON + LISTING_HEADERS, body)
        # the page's ETag is its bytes' hash: another language is another page, never a 304;
        # a page sent while it is rendered has none (its bytes are not known yet)
        tag = b"ETag: " + etag.encode("ascii") + b"\r\n" if etag else b""
        if etag and etag_matches(call.request.headers, etag):
            return Response(304, tag + VARY_PAGE + LISTING_HEADERS)
        return Response(200, HTML + PAGE_CSP + VARY_PAGE + tag + LISTING_HEADERS, body)

    def _zip(self, call: Call, folder: Resolved) -> Response:
        name = writes.zip_file_name(folder, self._config.server_name)
        headers = (b"Content-Type: application/zip\r\n" + NOSNIFF
                   + f"Content-Disposition: {content_disposition(name, attachment=True)}\r\n"
                   .encode() + NO_STORE)
        access = call.files
        names = _selected_names(call)
        if names is not None:
            call.may_wait()  # the folder is read to see that the selection names something
            if not _zips_anything(access, folder, names):
                raise HttpError(404, N_("None of the selected names is in this folder."),
                                close=False)
        return Response(200, headers, ZipBody(lambda: access.zip_items(folder, names),
                                              str(self._config.root)))

    @staticmethod
    def _redirect_to_folder(call: Call, target: Resolved) -> Response:
        link = call.link
        location = url_quote(target.url_path if link is None
                             else link.base + link.shown(target.url_path))
        query = call.request.target.partition("?")[2]
        return redirect(location + "?" + query if query else location)

    def _listing_body(self, call: Call, target: Resolved, fmt: str, sort: str,
                      order: str) -> tuple[bytes | StreamBody, str]:
        """A folder's page or JSON and its ETag ("" for a body sent while it is rendered);
        cached unless the user may see only part of it."""
        user = call.user
        partial = user is not None and not user.sees_everything_below(target.url_path)
        mtime_ns = target.stat.st_mtime_ns
        link = call.link
        code = call.language.code if fmt == "html" else "en"
        page = self._page_context(call.files, target, fmt, code, link is not None)
        base, shown = ("", target.url_path) if link is None else \
            (link.base, link.shown(target.url_path))
        key = (target.url_path, fmt, sort, order, page, base)
        cached = None if partial else self._listings.get_tagged(key, mtime_ns)
        if cached is not None:
            kept_body, etag = cached
            if isinstance(kept_body, bytes):
                return kept_body, etag
            held = sum(map(len, kept_body))  # what a slow reader keeps once the cache lets go
            return StreamBody(lambda: _holding(self._listings, call.client, held,
                                               iter(kept_body)), QUICK_CHUNKS), etag
        call.may_wait()  # a big folder takes a while to read
        rows = _RowsRead(self._listings.now())  # a size or date order's rows are read now
        planned, ordered = _read(call.files, target, sort, order)
        if sort == "name" and len(planned) > STREAMED_OVER:  # its rows: once the head is out
            ordered = rows.timing(ordered, self._listings)
        readme = None
        if fmt == "json":
            chunks = listing_stream.sorted_json_chunks(shown, ordered, sort=sort, order=order,
                                                       base=base)
        else:
            readme = None if self._readmes is None or (link and link.limited) else \
                self._readmes.readme(call, target, planned)  # content counts on such a link
            name = self._config.server_name if link is None else link.name
            chunks = listing_stream.sorted_html_chunks(
                shown, ordered, sort=sort, order=order, server_name=name, page=page,
                base=base, readme=readme.html if readme else "")
        keep = not partial and not (readme and readme.pending)
        stamp = readme.stamp if readme else None
        if len(planned) <= STREAMED_OVER:
            body = b"".join(chunks)
            etag = body_etag(body)
            if keep:
                self._listings.put(key, mtime_ns, body, stamp, etag)
            return body, etag
        rows_bytes = _planned_bytes(planned)
        del planned  # the chunks hold what they need
        kept = _Keeper(self._listings, key, mtime_ns, stamp, rows) if keep else None
        return StreamBody(lambda: _holding(self._listings, call.client, rows_bytes,
                                           chunks if kept is None else kept.passing(chunks)),
                          QUICK_CHUNKS), ""

    def _page_context(self, access: FileAccess, folder: Resolved, fmt: str, code: str,
                      through_link: bool = False) -> listing.PageContext:
        config = self._config
        if through_link:  # the link's holder: its drop box, nothing of the share's own
            return listing.PageContext(
                can_upload=access.may(Action.CREATE, folder.url_path + ANY_NAME),
                resumable=False, language=code)
        user = access.user
        can_upload = config.upload and access.may(Action.CREATE, folder.url_path + ANY_NAME)
        can_modify = config.modify and access.may(Action.MODIFY, folder.url_path + ANY_NAME)
        return listing.PageContext(
            can_upload=can_upload, can_modify=can_modify, user=user.name if user else "",
            login=config.auth is not None,
            offer_ca=ca_offered(config.tls),
            shared_text=self._texts.shared if fmt == "html" else None, language=code)


def _read(access: FileAccess, folder: Resolved, sort: str, order: str
          ) -> tuple[list[Entry], Iterator[Entry]]:
    """The folder's entries as planned (a README is looked for among them) and in the page's
    order: by name, each stat-ed and judged only as its row is made (the first rows of a big
    folder wait for no other stat); by size or date, all read and sorted first. A small
    folder's are all read here, so that what fails is a clean refusal."""
    try:
        if sort == "name":
            planned, ordered = access.list_folder_by_name(folder, order)
        else:
            planned = listing.sort_entries(access.list_folder(folder), sort, order)
            ordered = iter(planned)
        if len(planned) <= STREAMED_OVER:
            ordered = iter(list(ordered))
        return planned, ordered
    except PermissionError:
        raise HttpError(403, N_("This folder cannot be read."), close=False) from None
    except OSError as err:
        raise refusal_for(err) from None


def _planned_bytes(planned: list[Entry]) -> int:
    """About what a streamed listing's entries hold while it is sent: each an Entry tuple, its
    list slot, its name (two bytes a character: most names are ASCII, some CJK)."""
    return len(planned) * PLANNED_ENTRY_BYTES + 2 * sum(map(len, map(itemgetter(0), planned)))


def _holding(listings: ListingCache, address: str, size: int, chunks: Iterator[bytes]
             ) -> Iterator[bytes]:
    """``chunks``, with what they are made from (``size`` bytes) held for ``address`` in the
    one byte budget for as long as they are sent (server/listing_holds.py): a 503 before the
    head when it may not be held now."""
    hold = listings.holds.take(address, size)
    if hold is None:
        raise ServerShort
    try:
        yield from chunks
    finally:
        listings.holds.give_back(hold)


class _RowsRead:
    """When a listing's rows were read: the cache's maximum age counts from there, not from
    when a slow reader took the last piece."""

    def __init__(self, at: float) -> None:
        self.at = at

    def timing(self, ordered: Iterator[Entry], listings: ListingCache) -> Iterator[Entry]:
        """``ordered``, noting the time its first row is asked for (the start of the row
        pass: before the oldest row's stat)."""
        self.at = listings.now()  # a generator: this runs when the first row is asked for
        yield from ordered


class _Keeper:
    """Keeps the pieces of a listing as they are sent, and puts them in the cache once all
    went out, stamped with when its rows were read. The pieces are reserved in the one byte
    budget while they are held; they are let go at once when they grow past what the cache
    would take or the budget will not reserve them (a huge page is never held whole, and
    stalled clients never hold more than the budget)."""

    def __init__(self, listings: ListingCache, key: tuple[object, ...], mtime_ns: int,
                 stamp: FileStamp | None, rows: _RowsRead) -> None:
        self._listings, self._key, self._mtime_ns, self._stamp = listings, key, mtime_ns, stamp
        self._rows = rows

    def passing(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        listings = self._listings
        pieces: list[bytes] | None = []
        held, largest = 0, listings.largest()
        try:
            for chunk in chunks:
                if pieces is not None:
                    size = len(chunk) + 64
                    if held + size > largest or not listings.reserve(size):
                        pieces = None
                        listings.release(held)
                        held = 0
                    else:
                        held += size
                        pieces.append(chunk)
                yield chunk
            if pieces is not None:
                whole = sum(map(len, pieces))
                # a page up to KEPT_WHOLE_UP_TO is kept as one bytes object: the serve thread
                # answers it from memory, with no worker (a copy of its rest per slow reader);
                # a bigger one stays in pieces every reader shares, held while it is sent
                body = b"".join(pieces) if whole <= KEPT_WHOLE_UP_TO else tuple(pieces)
                listings.release(held)
                held = 0
                listings.put(self._key, self._mtime_ns, body, self._stamp, body_etag(body),
                             made_at=self._rows.at)
        finally:  # a stream cut short (or failed) gives its reservation back
            listings.release(held)


MAX_SELECTED = 10_000  # names one zip of a selection may list


def _selected_names(call: Call) -> frozenset[str] | None:
    """The entries ``?format=zip&name=A&name=B`` asks for (the page's selection); None: the
    whole folder. A name is one entry of this folder, never a path."""
    names = call.query.get("name")
    if not names:
        return None
    if len(names) > MAX_SELECTED:
        raise HttpError(400, N_("Too many names in one .zip request."), close=False)
    for name in names:
        if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
            raise HttpError(400, N_("A name is one entry of this folder, not a path."),
                            close=False)
    return frozenset(names)


def _zips_anything(access: FileAccess, folder: Resolved, names: frozenset[str]) -> bool:
    """Whether the zip of a selection holds anything: the first item of the very walk the zip
    takes (what the principal may read, no symlinks) that the zip would store (a file is
    judged when it is opened), so a selection of only what the zip leaves out is refused like
    one naming nothing. An empty zip delivers nothing (and through a link would count as a
    download)."""
    items = access.zip_items(folder, names)
    try:
        for item in items:
            opened = item.opener() if item.opener is not None else None
            if opened is not None:
                os.close(opened.fd)
            if opened is not None or item.opener is None:  # a file, or an empty folder
                return True
        return False
    except PermissionError:
        raise HttpError(403, N_("This folder cannot be read."), close=False) from None
    except OSError as err:
        raise refusal_for(err) from None
    finally:
        items.close()  # the walk's folders, at once
