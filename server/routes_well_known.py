"""Pier's own endpoints under /.well-known/pier/: the page's assets, the local CA's
certificate and trust page (server/routes_trust.py), logging out, live statistics for
monitoring scripts, and the text the window shares (server/text_board.py)."""

from __future__ import annotations

from collections.abc import Callable

from server import pages
from server.access import Action
from server.auth import Authenticator
from server.call import Call
from server.config import ServerConfig
from server.http11 import HttpError
from server.page_i18n import N_
from server.response import (
    HTML,
    JSON,
    NO_STORE,
    NOSNIFF,
    PAGE_CSP,
    VARY_LANGUAGE,
    Response,
    json_bytes,
)
from server.routes_trust import TRUST_PATHS, TrustRoutes
from server.text_board import TextBoard

PREFIX = "/.well-known/pier/"
ASSET_PREFIX = PREFIX + "assets/"
LOGOUT_PATH = PREFIX + "logout"
STATS_PATH = PREFIX + "stats"
TEXT_PATH = PREFIX + "text"
WITHOUT_LOGIN = frozenset((LOGOUT_PATH, *TRUST_PATHS))  # besides the assets: all public
IMMUTABLE = b"Cache-Control: public, max-age=31536000, immutable\r\n"
REVALIDATE = b"Cache-Control: no-cache\r\n"


def is_own_page(path: str) -> bool:
    """Answered while the shared folder is gone: nothing here touches it."""
    return path.startswith(ASSET_PREFIX) or path in TRUST_PATHS or path in (LOGOUT_PATH, STATS_PATH)


def needs_login(path: str) -> bool:
    return not path.startswith(ASSET_PREFIX) and path not in WITHOUT_LOGIN


def challenge_headers(auth: Authenticator, stale: bool = False) -> bytes:
    return b"".join(f"WWW-Authenticate: {value}\r\n".encode()
                    for value in auth.challenge(stale=stale))


class WellKnownRoutes:
    def __init__(self, config: ServerConfig, stats: Callable[[], dict[str, object]],
                 texts: TextBoard | None = None) -> None:
        self._config = config
        self._stats = stats
        self._texts = texts or TextBoard()
        self.trust = TrustRoutes(config)  # also answers plain HTTP on the HTTPS port

    def route(self, call: Call) -> Response | None:
        """The answer for one of Pier's own paths; None for any other path."""
        path = call.path
        if path.startswith(ASSET_PREFIX):
            return _asset(path[len(ASSET_PREFIX):], call.first("v"))
        if path in TRUST_PATHS:
            return self.trust.route(call)
        if path == LOGOUT_PATH:
            return self._log_out(call)
        if path == STATS_PATH:
            return self._statistics(call)
        if path == TEXT_PATH:
            return self._shared_text(call)
        return None

    def _shared_text(self, call: Call) -> Response:
        """The text the window shares, for whoever may read the share (the card's text)."""
        if not call.files.may(Action.LIST, "/"):
            raise HttpError(403, N_("Your account may not read this share."), close=False)
        shared = self._texts.shared
        doc = {"text": shared.text if shared else None,
               "updated": shared.updated_iso if shared else None}
        return Response(200, JSON + NO_STORE + NOSNIFF, json_bytes(doc))

    def _log_out(self, call: Call) -> Response:
        """Browsers forget Basic/Digest credentials when a request to the realm is refused."""
        auth = self._config.auth
        if auth is None:
            raise HttpError(404, N_("This share has no login."), close=False)
        body = pages.render_error(401, N_("Logged out"), N_("You are logged out. Open the share "
                                  "again to log in."), self._config.server_name, call.language)
        return Response(401, challenge_headers(auth) + HTML + PAGE_CSP + NO_STORE
                        + VARY_LANGUAGE, body)

    def _statistics(self, call: Call) -> Response:
        """Live statistics; admins only when the share has logins."""
        if self._config.auth is not None and (call.user is None or not call.user.admin):
            raise HttpError(403, N_("Statistics are for admin accounts."), close=False)
        return Response(200, JSON + NO_STORE + NOSNIFF, json_bytes(self._stats()))


def _asset(name: str, version: str) -> Response:
    """An asset; kept for good by the browser under the URL pages give (its content's hash in
    ``?v=``: a new version is a new URL), looked at again every time under any other."""
    found = pages.asset(name)
    if found is None:
        raise HttpError(404, N_("Not found."), close=False)
    data, ctype, current = found
    caching = IMMUTABLE if version == current else REVALIDATE
    return Response(200, f"Content-Type: {ctype}\r\n".encode("ascii") + caching + NOSNIFF, data)
