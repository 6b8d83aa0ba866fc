"""Search in subfolders: ``GET /folder/?q=TEXT`` (a page, or JSON as listings give it), the
names below the folder that contain TEXT, case and accents aside. The walk
(``FileAccess.search``, server/search_walk.py) runs on a worker while the answer is sent: each
folder's hits go out as soon as it is read (a StreamBody, chunked), the count and whether a
limit stopped the walk once it ends. Never cached: the results are the tree as it is now.
Through a folder link the walk is the link holder's (server/access_link.py: what lies inside
the linked folder) and the results' URLs are under the link's prefix."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing

from server.access import FileAccess
from server.call import Call
from server.clock import SYSTEM_CLOCK, Clock
from server.config import ServerConfig
from server.files import Resolved, refusal_for
from server.http11 import HttpError
from server.listing import PageContext
from server.listing_search import HtmlResults, JsonResults, Results
from server.page_i18n import N_
from server.response import HTML, JSON, NOSNIFF, PAGE_CSP, Response, StreamBody
from server.routes_trust import ca_offered
from server.search_walk import SearchLimits, SearchWalk, fold

MAX_QUERY = 200  # characters of ?q=
SEARCH_HEADERS = b"Cache-Control: no-store\r\nVary: Accept, Accept-Language\r\n" + NOSNIFF


def search_text(call: Call) -> str | None:
    """What ?q= asks for, without surrounding spaces; None when it asks for nothing (then the
    folder's ordinary listing answers). 400 when it is too long."""
    text = call.first("q")
    if len(text) > MAX_QUERY:
        raise HttpError(400, N_("The search text is too long (at most %(limit)s characters)."),
                        fields={"limit": MAX_QUERY},
                        close=False)
    text = text.strip()
    return text if fold(text).strip() else None


class SearchRoutes:
    def __init__(self, config: ServerConfig, clock: Clock = SYSTEM_CLOCK,
                 limits: SearchLimits | None = None) -> None:
        self._config = config
        self._clock = clock
        self._limits = limits or SearchLimits()

    def search(self, call: Call, target: Resolved, text: str) -> Response:
        """The results of searching ``target`` (a folder the router let this principal list)
        for ``text`` (from search_text)."""
        call.may_wait()  # the walk reads folders: never on the serve thread
        access = call.files
        if call.head_only:  # HEAD answers as GET would: 403/404 when the folder cannot be read
            self._open(access, target, text).close()
        link = call.link  # through a folder link: the results' URLs are under its prefix
        base, shown = ("", target.url_path) if link is None else \
            (link.base, link.shown(target.url_path))
        results: Results
        if call.wants_json():
            results, headers = JsonResults(shown, text, base=base), JSON
        else:
            name = self._config.server_name if link is None else link.name
            page = PageContext(can_upload=False, language=call.language.code) \
                if link is not None else self._page(access, target, call.language.code)
            results = HtmlResults(shown, text, server_name=name, page=page, base=base)
            headers = HTML + PAGE_CSP
        return Response(200, headers + SEARCH_HEADERS,
                        StreamBody(lambda: self._stream(access, target, text, results)))

    def _open(self, access: FileAccess, target: Resolved, text: str) -> SearchWalk:
        try:
            return access.search(target, text, self._limits, self._clock)
        except PermissionError:
            raise HttpError(403, N_("This folder cannot be read."), close=False) from None
        except OSError as err:
            raise refusal_for(err) from None

    def _stream(self, access: FileAccess, target: Resolved, text: str,
                results: Results) -> Iterator[bytes]:
        walk = self._open(access, target, text)
        with closing(walk):
            yield results.head()
            for hits in walk.batches():
                yield results.rows(hits)
            yield results.tail(walk.found, walk.truncated)

    def _page(self, access: FileAccess, folder: Resolved, code: str) -> PageContext:
        """The listing page's extras that make sense on results: who is logged in, the way to
        trust the server; no upload form (uploads go to a folder, not to results)."""
        config = self._config
        user = access.user
        return PageContext(can_upload=False, user=user.name if user else "",
                           login=config.auth is not None,
                           offer_ca=ca_offered(config.tls), language=code)

