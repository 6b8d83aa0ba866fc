"""Directory listings: sorting, the HTML page (resources/listing.html) and the JSON variant.

Pure functions: the caller reads the folder and passes `Entry` values; nothing here touches disk
except the one-time template read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from server.listing_entries import Entry, json_safe, parent_path, path_href
from server.listing_rows import HtmlRows, JsonRows
from server.listing_text import send_text_form, shared_card
from server.markdown_page import README_STYLE
from server.page_i18n import ENGLISH, PageLanguage, language
from server.pages import (
    FAVICON_URL,
    LOGOUT_URL,
    SCRIPT_URL,
    STYLESHEET_URL,
    TRUST_URL,
    TUS_SCRIPT_URL,
    VIEW_SCRIPT_URL,
    asset_url,
    display_text,
    template,
    texts_script,
)
from server.text_board import SharedText
from server.units import format_size


@dataclass(frozen=True, slots=True)
class PageContext:
    """What the page offers besides the listing; part of the listing cache key."""

    can_upload: bool = False  # show the upload button, drop zone and "New folder"
    can_modify: bool = False  # offer rename, move, copy and delete of a selection (changes.js)
    user: str = ""  # the logged-in user's name; "" when anonymous
    login: bool = False  # the share has logins: show who is logged in and a logout link
    offer_ca: bool = False  # show "Trust this server" (the local CA download)
    shared_text: SharedText | None = None  # the window's text, as a card on top
    resumable: bool = True  # uploads by tus (a share link's drop box posts forms instead)
    language: str = ENGLISH  # the page's language (server/page_i18n.py): cached per language


NO_EXTRAS = PageContext()

SORT_KEYS = ("name", "size", "date")
ORDERS = ("asc", "desc")
# The order a column sorts in when its header is first clicked: A-Z, largest first, newest first.
_FIRST_ORDER = {"name": "asc", "size": "desc", "date": "desc"}


def column_titles(lang: PageLanguage) -> dict[str, str]:
    return {"name": lang.gettext("Name"), "size": lang.gettext("Size"),
            "date": lang.gettext("Modified")}


_DIGITS = re.compile(r"(\d+)")
# The page's uploads, in their load order: one file's transfer (tus, else multipart), the panel
# and its queue, drag and drop, then New folder and Send text (pasted files join the queue).
UPLOAD_SCRIPTS = ("transfer.js", "uploads.js", "drop.js", "forms.js")


# ---------------------------------------------------------------- sorting


def normalized_sort(sort: str, order: str) -> tuple[str, str]:
    """(sort, order) with unknown values replaced by name/asc."""
    return (sort if sort in SORT_KEYS else "name", order if order in ORDERS else "asc")


def natural_key(name: str) -> tuple[object, ...]:
    """Case-insensitive natural order: "file2" < "File10"; digit runs compare by value."""
    parts: list[object] = []
    for index, part in enumerate(_DIGITS.split(name.casefold())):
        if index % 2:  # a run of digits; compared by length then text, so no int() size limit
            digits = part.lstrip("0")
            parts.append((len(digits), digits))
        else:
            parts.append(part)
    return tuple(parts)


def _digit_run(match: re.Match[str]) -> str:
    digits = match.group().lstrip("0")
    return f"\0{chr(len(digits) + 1)}{digits}"


def _name_key(entry: Entry) -> str:
    """natural_key's order as one string, compared in C: a digit run becomes NUL (before any
    character a name may hold, as a shorter text part comes first), its length, its digits."""
    return _DIGITS.sub(_digit_run, entry.name.casefold())


# Entry's fields by position, as sort keys called in C
_by_name, _by_size, _by_date = itemgetter(0), itemgetter(2), itemgetter(3)


def sort_entries(entries: Iterable[Entry], sort: str = "name", order: str = "asc") -> list[Entry]:
    """Folders first, then files, each group ordered by `sort` ("name"/"size"/"date") and `order`.

    Ties on size or date are broken by name, always ascending.
    """
    sort, order = normalized_sort(sort, order)
    by_name_reversed = order == "desc" and sort == "name"
    # sorted by the name itself, then (stable) by its natural order: names in the same natural
    # place ("a1" and "A01") stay in name order, and the natural key is a string, not a tuple
    ordered = sorted(entries, key=_by_name, reverse=by_name_reversed)
    ordered.sort(key=_name_key, reverse=by_name_reversed)
    if sort != "name":  # a stable sort keeps the name order among equal sizes/dates
        ordered.sort(key=_by_size if sort == "size" else _by_date, reverse=order == "desc")
    return [e for e in ordered if e.is_dir] + [e for e in ordered if not e.is_dir]


# ---------------------------------------------------------------- formatting


human_size = format_size  # "532 B", "1.2 MB", "14.0 GB": Pier's one size convention


# ---------------------------------------------------------------- HTML


def render_html(
    url_path: str,
    entries: Sequence[Entry],
    *,
    sort: str = "name",
    order: str = "asc",
    server_name: str = "Pier",
    page: PageContext = NO_EXTRAS,
    readme: str = "",
    base: str = "",
) -> bytes:
    """The listing page of the folder `url_path` (decoded, "/"-terminated), UTF-8. `readme`: the
    folder's README section (server/markdown_page.py), safe HTML, shown under the listing.
    `base`: the URL prefix `url_path` lives under ("" for the share; a share link's
    "/.well-known/pier/l/TOKEN", whose root the breadcrumbs' first link then names).
    (server/listing_stream.py sends the same page in pieces.)"""
    sort, order = normalized_sort(sort, order)
    ordered = sort_entries(entries, sort, order)
    lang = language(page.language)
    rows = _rows(url_path, ordered, row_query(sort, order), base, lang)
    return page_template(url_path, ordered, sort=sort, order=order, server_name=server_name,
                         page=page, readme=readme, base=base, rows=rows).encode("utf-8")


def page_template(url_path: str, ordered: Sequence[Entry], *, sort: str, order: str,
                  server_name: str, page: PageContext, readme: str, base: str,
                  rows: str, summary: str | None = None) -> str:
    """The page around its rows (`rows`: the rows' HTML, or a marker to split at; so may be
    `summary`, else made from `ordered`)."""
    query = row_query(sort, order)
    lang = language(page.language)
    title = lang.gettext("Index of %(path)s — %(server_name)s") % {
        "path": display_text(url_path), "server_name": display_text(server_name)}
    return template("listing.html", lang.code).substitute(
        title=title,
        stylesheet=STYLESHEET_URL,
        scripts=_scripts(page, lang),
        favicon=FAVICON_URL,
        crumbs=_breadcrumbs(url_path, server_name, query, base),
        account=_account(page, lang),
        actions=_actions(page, lang),
        shared_text=shared_card(page.shared_text, lang),
        upload=_upload_forms(base + url_path, page, lang),
        headers=_column_headers(sort, order, lang),
        rows=rows,
        listing_data=' data-can-modify="true"' if page.can_modify else "",
        summary=_summary(ordered, lang) if summary is None else summary,
        server_name=display_text(server_name),
        readme=readme,
        readme_style=README_STYLE if readme else "",
    )


def _scripts(page: PageContext, lang: PageLanguage) -> str:
    """view.js first and not deferred (it only hides the list until the grid is built, when the
    visitor chose the grid); then, deferred and so run in this order once the page is parsed:
    the texts in the page's language (i18n-<lang>.js: window.pierText), app.js (the listing;
    it hands the others window.pierListing), the shared text's card where
    the page shows one, where the page uploads the vendored tus-js-client and the upload
    scripts (each needs the ones before it), the grid, viewer and search scripts that build on
    app.js's listing, the selection (a .zip of it, for anyone who may read) and, where the
    principal may modify, the changes to it. (A search's results page is given a PageContext
    without uploads or card: server/routes_search.py.)"""
    urls = [SCRIPT_URL]
    if page.shared_text is not None:
        urls.append(asset_url("text-card.js"))
    if page.can_upload:
        urls += [TUS_SCRIPT_URL] if page.resumable else []
        urls += [asset_url(name) for name in UPLOAD_SCRIPTS]
    urls += [asset_url(name) for name in ("grid.js", "gallery.js", "search.js", "select.js")]
    if page.can_modify:
        urls.append(asset_url("changes.js"))
    return f'<script src="{VIEW_SCRIPT_URL}"></script>' + texts_script(lang) + "".join(
        f'<script src="{url}" defer></script>' for url in urls
    )


def _account(page: PageContext, lang: PageLanguage) -> str:
    """ "Logged in as NAME" and a logout link, on shares with logins."""
    if not (page.login and page.user):
        return ""
    who = lang.gettext("Logged in as %(user)s") % {
        "user": f"<strong>{display_text(page.user)}</strong>"}
    return (
        f'<p class="account"><span class="who">{who}</span><a class="logout" '
        f'href="{LOGOUT_URL}">{lang.gettext("Log out")}</a></p>'
    )


def _actions(page: PageContext, lang: PageLanguage) -> str:
    """The toolbar: the filter box (shown by app.js), the Upload and New folder buttons (shown
    by uploads.js and forms.js), the grid view's toggle (shown by grid.js), the folder's zip
    and, over HTTPS with a local CA, the way to trust this server."""
    t = lang.gettext
    filter_text = t("Filter this folder")
    parts = [
        f'<div class="filter-box" hidden><input type="search" id="filter" class="filter" '
        f'placeholder="{filter_text}" aria-label="{filter_text}" autocomplete="off" '
        'spellcheck="false"><kbd class="key" aria-hidden="true">/</kbd></div>',
        '<div class="actions">',
    ]
    if page.can_upload:
        parts.append(
            '<button type="button" class="button primary" id="upload-button" hidden>'
            f'<span class="glyph glyph-upload" aria-hidden="true"></span>{t("Upload")}</button>'
            '<button type="button" class="button" id="mkdir-button" hidden>'
            '<span class="glyph glyph-folder" aria-hidden="true"></span>'
            f'{t("New folder")}</button>'
        )
    parts.append(
        '<button type="button" class="button" id="viewToggle" aria-pressed="false" hidden '
        f'title="{t("Show pictures and videos as thumbnails")}"><span class="glyph glyph-grid" '
        f'aria-hidden="true"></span>{t("Grid")}</button>'
    )
    zip_title = t("Download this folder and everything in it as one .zip file")
    parts.append(
        f'<a class="button" id="zip-link" href="?format=zip" title="{zip_title}"><span '
        'class="glyph glyph-download" aria-hidden="true"></span><span class="wide">'
        f'{t("Download folder as .zip")}</span><span class="narrow">{t("Download .zip")}'
        '</span></a>'
    )
    if page.offer_ca:
        parts.append(
            f'<a class="button subtle" id="trust-link" href="{TRUST_URL}"><span class="glyph '
            f'glyph-lock" aria-hidden="true"></span>{t("Trust this server")}</a>'
        )
    parts.append("</div>")
    return "".join(parts)


def _upload_forms(url_path: str, page: PageContext, lang: PageLanguage) -> str:
    """The plain upload form (works without JavaScript), the "New folder" form and the
    places where uploads.js shows uploads in progress and drop.js the drop target."""
    if not page.can_upload:
        return ""
    action = path_href(url_path)
    t = lang.gettext
    return (
        f'<form class="upload-form" id="upload-form" method="post" action="{action}" '
        f'enctype="multipart/form-data"><label for="file-input">{t("Upload files here:")}'
        f'</label><input type="file" name="file" id="file-input" multiple>'
        f'<button type="submit" class="button primary">{t("Upload")}</button></form>\n'
        f'<form class="mkdir-form" id="mkdir-form" hidden><label for="mkdir-name">'
        f'{t("New folder:")}</label><input type="text" id="mkdir-name" maxlength="255" '
        f'required placeholder="{t("Folder name")}" autocomplete="off"><button type="submit" '
        f'class="button primary">{t("Create")}</button><button type="button" class="button" '
        f'id="mkdir-cancel">{t("Cancel")}</button><span class="form-error" id="mkdir-error" '
        f'role="alert"></span></form>\n'
        f'<section class="transfers" id="transfers" hidden aria-label="{t("Uploads")}">'
        f'</section>\n<div class="drop-zone" id="drop-zone" hidden><p>'
        f'{t("Drop files or folders to upload them here")}</p></div>\n'
        + send_text_form(action, lang)
    )


def row_query(sort: str, order: str) -> str:
    """The query string that folder links carry so the chosen order survives navigation."""
    if (sort, order) == ("name", "asc"):
        return ""
    return f"?sort={sort}&amp;order={order}"


def _breadcrumbs(url_path: str, server_name: str, query: str, base: str = "") -> str:
    current = ' aria-current="page"' if url_path == "/" else ""
    home = path_href(base + "/")
    parts = [f'<a class="home" href="{home}{query}"{current}>{display_text(server_name)}</a>']
    segments = [s for s in url_path.split("/") if s]
    prefix = base + "/"
    for position, segment in enumerate(segments, start=1):
        prefix += segment + "/"
        current = ' aria-current="page"' if position == len(segments) else ""
        parts.append(
            f'<span class="sep" aria-hidden="true">/</span>'
            f'<a href="{path_href(prefix)}{query}"{current}>{display_text(segment)}</a>'
        )
    return "".join(parts)


def _column_headers(sort: str, order: str, lang: PageLanguage) -> str:
    titles = column_titles(lang)
    cells = []
    for key in SORT_KEYS:
        if key == sort:
            next_order = "desc" if order == "asc" else "asc"
            state = "ascending" if order == "asc" else "descending"
            arrow = "▲" if order == "asc" else "▼"
            cells.append(
                f'<th class="{key} active" aria-sort="{state}" scope="col">'
                f'<a href="?sort={key}&amp;order={next_order}">{titles[key]}'
                f'<span class="arrow" aria-hidden="true">{arrow}</span></a></th>'
            )
        else:
            cells.append(
                f'<th class="{key}" scope="col"><a href="?sort={key}&amp;order='
                f'{_FIRST_ORDER[key]}">{titles[key]}</a></th>'
            )
    return "".join(cells)


def _rows(url_path: str, ordered: Sequence[Entry], query: str, base: str,
          lang: PageLanguage) -> str:
    return "\n".join(HtmlRows(lang, query).batches(url_path, ordered, base, len(ordered) + 2))


def _summary(ordered: Sequence[Entry], lang: PageLanguage) -> str:
    folders = sum(1 for e in ordered if e.is_dir)
    return summary(folders, len(ordered) - folders, sum(e.size for e in ordered if not e.is_dir),
                   lang)


def summary(folders: int, files: int, total: int, lang: PageLanguage) -> str:
    """ "3 items: 1 folder, 2 files (1.2 MB)" in the page's language (``total``: the files'
    bytes)."""
    if not folders + files:
        return lang.gettext("Empty folder")
    text = lang.gettext("%(items)s: %(folders)s, %(files)s") % {
        "items": lang.ngettext("%(n)s item", "%(n)s items", folders + files) % {
            "n": lang.number(folders + files)},
        "folders": lang.ngettext("%(n)s folder", "%(n)s folders", folders) % {
            "n": lang.number(folders)},
        "files": lang.ngettext("%(n)s file", "%(n)s files", files) % {"n": lang.number(files)},
    }
    return text + (lang.gettext(" (%(size)s)") % {"size": lang.size(total)} if files else "")


# ---------------------------------------------------------------- JSON


def render_json(
    url_path: str, entries: Sequence[Entry], *, sort: str = "name", order: str = "asc",
    base: str = "",
) -> bytes:
    """The listing as JSON for scripts (same order as the HTML page), UTF-8; `base` as for
    render_html (entries' URLs under it, "path" and "parent" below it).
    (server/listing_stream.py sends the same document in pieces.)"""
    sort, order = normalized_sort(sort, order)
    opening, closing = json_around_entries(url_path, sort, order)
    rows = JsonRows().batches(sort_entries(entries, sort, order), path_href(base + url_path),
                              len(entries) + 1)
    return (opening + json_safe("".join(rows)) + closing).encode("utf-8")


def json_around_entries(url_path: str, sort: str, order: str) -> tuple[str, str]:
    """The JSON document's text before its entries (path, parent, sort, order, up to
    '"entries":[') and after them."""
    document: dict[str, object] = {"path": url_path, "parent": parent_path(url_path),
                                   "sort": sort, "order": order, "entries": []}
    text = json_safe(json.dumps(document, ensure_ascii=False, separators=(",", ":")))
    return text[:-2], text[-2:]
