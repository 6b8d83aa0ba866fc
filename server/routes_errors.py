"""Which page a browser's error answer shows: the share's own ``404.html`` in website mode (read
through the access policy, as the request's principal), else the owner's template from
``--error-pages`` (server/error_pages.py), else None: Pier's own page (server/pages.py). JSON
answers never come here. See docs/ARCHITECTURE.md "Custom error pages"."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from urllib.parse import unquote

from server.access import FileAccess
from server.cache import FileKey, file_key
from server.call import Call, NeedsWorker
from server.config import ServerConfig
from server.error_pages import (
    MAX_TEMPLATE,
    ErrorPages,
    TemplateError,
    decoded,
    fill,
    language_tags,
    read_at_most,
    template_names,
)
from server.http11 import HttpError, Request, phrase
from server.link_model import redact_link_tokens
from server.pages import UNSAFE_CHARS
from server.response import HTML, NO_STORE, NOSNIFF, VARY_LANGUAGE, Response
from server.targets import split_target

# The owner's template may style itself and use the share's images, styles and scripts, but
# runs no inline script: the page shows the visitor's path (escaped, and this is one more wall).
CUSTOM_CSP = (b"Content-Security-Policy: default-src 'self' data:; style-src 'self' "
              b"'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'; "
              b"form-action 'self'; frame-ancestors 'none'\r\n")
SITE_NOT_FOUND = 404  # website mode: the share's own NNN.html for this status only
# "//host" and "/\\host" at the start of an href lead to another site
_LEADING_SLASHES = re.compile(r"^[/\\]+")


class ErrorPageChoice:
    """Made with each RequestHandler from its ServerConfig; shared by its threads."""

    def __init__(self, config: ServerConfig) -> None:
        self._owner = ErrorPages(config.error_pages, config.root) \
            if config.error_pages is not None else None
        self._website = config.website_mode
        # a visitor without an account reached the share past the login layer only if this
        auth = config.auth
        self._anonymous_reads = auth is None or auth.anonymous_read
        self._lock = threading.Lock()
        self._site: dict[str, tuple[FileKey, str | None]] = {}

    @property
    def active(self) -> bool:
        return self._owner is not None or self._website

    def page(self, err: HttpError, request: Request | None, call: Call | None,
             on_serve_thread: bool) -> Response | None:
        """The custom page for ``err``, or None for Pier's own. Raises NeedsWorker (through
        ``call.may_wait``) on the serve thread when a template must be read from disk first."""
        if not self.active:
            return None
        tags = language_tags(request.header("accept-language")) if request is not None else []
        may_wait = call.may_wait if call is not None else _may_wait(on_serve_thread)
        template = None
        if self._website and err.status == SITE_NOT_FOUND and call is not None:
            template = self._site_template(call, template_names(err.status, tags))
        if template is None and self._owner is not None:
            template = self._owner.template(err.status, tags, may_wait)
        if template is None:
            return None
        body = fill(template, err.status, phrase(err.status), shown_path(request))
        csp = b"" if self._website and err.status == SITE_NOT_FOUND else CUSTOM_CSP
        # sent as written, like a website's other pages: under --base-path its URLs carry the
        # prefix already, as the visitor's browser sees them (and so does {path})
        return Response(err.status, HTML + csp + NOSNIFF + NO_STORE + VARY_LANGUAGE + err.headers,
                        body, verbatim=True)

    def _site_template(self, call: Call, names: list[str]) -> str | None:
        access = call.access
        if access is None or call.link is not None or \
                (call.user is None and not self._anonymous_reads):
            return None
        for name in names:
            found = access.root_page(name)
            if found is not None and found.stat.st_size <= MAX_TEMPLATE:
                text = self._site_text(call, access, found.fs_path, file_key(found.stat))
                if text is not None:
                    return text
        return None

    def _site_text(self, call: Call, access: FileAccess, fs_path: str,
                   key: FileKey) -> str | None:
        with self._lock:
            cached = self._site.get(fs_path)
        if cached is not None and cached[0] == key:
            return cached[1]
        call.may_wait()
        try:
            fd = access.open_file(fs_path)
        except (HttpError, OSError):
            return None
        try:
            if file_key(os.fstat(fd)) != key:
                return None  # changed since it was looked at: Pier's page this time
            data = read_at_most(fd, MAX_TEMPLATE + 1)
        except OSError:
            return None
        finally:
            os.close(fd)
        try:
            text: str | None = decoded(data)
        except TemplateError:
            text = None
        with self._lock:
            self._site[fs_path] = (key, text)
        return text


def _may_wait(on_serve_thread: bool) -> Callable[[], None]:
    def may_wait() -> None:
        if on_serve_thread:
            raise NeedsWorker

    return may_wait


def shown_path(request: Request | None) -> str:
    """``{path}``: the address the visitor asked for, as they asked it (a share link's URL,
    never the share's folder it leads to; with the base path's prefix), decoded, a link's
    token shortened, control and bidi characters replaced, and always a path of this site: the
    slashes it starts with are one ("//evil.example/x" is "/evil.example/x")."""
    if request is None:
        return ""
    try:
        raw = split_target(request.target, request.method)[0]
    except HttpError:
        raw = request.target.partition("?")[0]
    text = UNSAFE_CHARS.sub("\ufffd", redact_link_tokens(unquote(raw[:2048], errors="replace")))
    return "/" + _LEADING_SLASHES.sub("", text)
