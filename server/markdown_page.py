"""The HTML around rendered Markdown: a file's own page (``?view``, resources/markdown.html) and
the README section under a folder's listing. Pure functions of what server/routes_markdown.py
hands over; every name is escaped here, the rendered text is already safe
(server/markdown_render.py)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from server.page_i18n import PageLanguage
from server.pages import (
    AS_WRITTEN_END,
    AS_WRITTEN_START,
    FAVICON_URL,
    STYLESHEET_URL,
    asset_url,
    display_text,
    template,
)

MARKDOWN_STYLESHEET_URL = asset_url("markdown.css")
README_STYLE = f'<link rel="stylesheet" href="{MARKDOWN_STYLESHEET_URL}">'
BEING_PREPARED = "being prepared"  # a README whose turn to be rendered has not come yet


@dataclass(frozen=True, slots=True)
class Document:
    """A Markdown file as it is shown: its HTML, or why it is not shown."""

    html: str | None  # None: not shown, see ``problem``
    problem: str = ""  # "too large", "too complex", "unreadable" or BEING_PREPARED
    size: int = 0  # of the file, in bytes

    def note(self, name: str, lang: PageLanguage) -> str:
        """The sentence shown instead of the text (escaped HTML)."""
        values = {"name": display_text(name), "size": lang.size(self.size)}
        if self.problem == "too large":
            return lang.gettext("%(name)s is too large to show here (%(size)s).") % values
        if self.problem == "too complex":
            return lang.gettext("%(name)s has too much markup to show here.") % values
        if self.problem == BEING_PREPARED:
            return lang.gettext("%(name)s is being prepared — reload to see it.") % values
        return lang.gettext("%(name)s cannot be shown here.") % values


def readme_section(folder_url: str, name: str, document: Document, lang: PageLanguage) -> str:
    """The README below a listing: its name as a small heading linking to the file, then the
    rendered text (or a note and a link to the file)."""
    href = path_href(folder_url + name)
    shown = display_text(name)
    return (
        '<section class="readme" id="readme" aria-labelledby="readme-name">'
        f'<h2 class="readme-name" id="readme-name"><a href="{href}">{shown}</a></h2>\n'
        f"{_body(document, name, href, lang)}</section>"
    )


def view_page(url_path: str, document: Document, server_name: str, lang: PageLanguage) -> bytes:
    """The page of the Markdown file ``url_path`` (decoded), UTF-8, in ``lang``."""
    name = url_path.rpartition("/")[2]
    href = path_href(url_path)
    text = template("markdown.html", lang.code).substitute(
        title=f"{display_text(name)} — {display_text(server_name)}",
        stylesheet=STYLESHEET_URL,
        markdown_stylesheet=MARKDOWN_STYLESHEET_URL,
        favicon=FAVICON_URL,
        crumbs=_crumbs(url_path, server_name),
        raw=href,
        download=href + "?download",
        document=_body(document, name, href, lang),
        server_name=display_text(server_name),
    )
    return text.encode("utf-8")


def path_href(url_path: str) -> str:
    """A decoded path percent-encoded for an href (as server/listing.py does)."""
    return quote(url_path, safe="/", errors="surrogateescape")


def _body(document: Document, name: str, href: str, lang: PageLanguage) -> str:
    if document.html is not None:
        # the user's own text: a base path's rewrite leaves it as written (server/base_path.py)
        return (f'<div class="markdown-body">\n{AS_WRITTEN_START}{document.html}'
                f'{AS_WRITTEN_END}</div>')
    opening = lang.gettext("Open %(name)s") % {"name": display_text(name)}
    return (f'<p class="markdown-note">{document.note(name, lang)} '
            f'<a href="{href}">{opening}</a></p>')


def _crumbs(url_path: str, server_name: str) -> str:
    """The way to the file: the share, its folders, then the file itself (this page)."""
    parts = [f'<a class="home" href="/">{display_text(server_name)}</a>']
    segments = [s for s in url_path.split("/") if s]
    prefix = "/"
    for position, segment in enumerate(segments, start=1):
        last = position == len(segments)
        prefix += segment if last else segment + "/"
        link = path_href(prefix) + ("?view" if last else "")
        current = ' aria-current="page"' if last else ""
        parts.append(f'<span class="sep" aria-hidden="true">/</span>'
                     f'<a href="{link}"{current}>{display_text(segment)}</a>')
    return "".join(parts)
