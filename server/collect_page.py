"""The hand-in page of collect mode (server/routes_collect.py): plain HTML that works without
JavaScript; resources/assets/collect.js only keeps the countdown ("closes in ...") current.
Every name reaches the page escaped (pages.display_text)."""

from __future__ import annotations

from dataclasses import dataclass, field

from server.files import url_quote
from server.listing import Entry
from server.page_i18n import ENGLISH, PageLanguage, language
from server.pages import FAVICON_URL, STYLESHEET_URL, asset_url, display_text, texts_script

NAME_ACTION = "/.well-known/pier/collect/name"
FILES_ACTION = "/.well-known/pier/collect/files"
BROWSE_URL = "/?browse"


@dataclass(frozen=True, slots=True)
class HandInView:
    collect_name: str
    until: float | None
    now: float
    account: str | None  # the logged-in account's name
    label: str | None  # the visitor's label (None: not given yet)
    files: list[Entry]
    may_browse: bool  # the principal may list the share: link to its listing
    server_name: str
    lang: PageLanguage = field(default_factory=lambda: language(ENGLISH))


def closes_in(seconds: float, lang: PageLanguage) -> str:
    """'3 days 4 h', '2 h 5 min', '12 min', 'less than a minute' (collect.js: closesIn)."""
    minutes = int(seconds // 60)
    days, hours, mins = minutes // 1440, minutes // 60 % 24, minutes % 60
    if days:
        return lang.ngettext("%(days)s day %(hours)s h", "%(days)s days %(hours)s h", days) % {
            "days": days, "hours": hours}
    if minutes >= 60:
        return lang.gettext("%(hours)s h %(minutes)s min") % {"hours": minutes // 60,
                                                             "minutes": mins}
    if mins:
        return lang.gettext("%(minutes)s min") % {"minutes": mins}
    return lang.gettext("less than a minute")


def _deadline(view: HandInView) -> str:
    lang = view.lang
    if view.until is None:
        return ""
    at = lang.time(view.until)
    if view.now >= view.until:
        closed = lang.gettext("Hand-ins closed at %(time)s.") % {"time": at}
        return f'<p class="deadline closed" role="status">{closed}</p>'
    text = lang.gettext("Closes in %(left)s (at %(time)s).") % {
        "left": f'<span class="left">{closes_in(view.until - view.now, lang)}</span>',
        "time": at}
    return (f'<p class="deadline" data-until="{int(view.until)}" '
            f'data-closes-at="{at}" role="status">{text}</p>')


def _name_form(lang: PageLanguage, label: str = "") -> str:
    value = f' value="{display_text(label)}"' if label else ""
    button = lang.gettext("Change") if label else lang.gettext("Continue")
    return (f'<form class="who-form" method="post" action="{NAME_ACTION}">'
            f'<label for="who-name">{lang.gettext("Your name")}</label>'
            f'<input id="who-name" name="name" required maxlength="80" autocomplete="name"'
            f'{value}><button type="submit">{button}</button></form>')


def _handing_in(lang: PageLanguage, name: str) -> str:
    text = lang.gettext("Handing in as %(name)s") % {
        "name": f"<strong>{display_text(name)}</strong>"}
    return f'<p class="who">{text}</p>'


def _who(view: HandInView) -> str:
    lang = view.lang
    if view.account is not None:
        return _handing_in(lang, view.account)
    if view.label is None:
        hint = lang.gettext("Type your name so that your files can be told apart.")
        return f'<p class="who">{hint}</p>' + _name_form(lang)
    return (_handing_in(lang, view.label)
            + f'<details class="rename"><summary>{lang.gettext("Change name")}</summary>'
            f'{_name_form(lang, view.label)}</details>')


def _upload_form(view: HandInView) -> str:
    t = view.lang.gettext
    return (f'<form class="hand-in" method="post" action="{FILES_ACTION}" '
            f'enctype="multipart/form-data"><label for="hand-in-files">{t("Files")}</label>'
            f'<input id="hand-in-files" type="file" name="file" multiple required>'
            f'<button type="submit">{t("Hand in")}</button></form>')


def _row(entry: Entry, is_open: bool, lang: PageLanguage) -> str:
    name = display_text(entry.name)
    replace = ""
    if is_open:
        action = f"{FILES_ACTION}?replace={url_quote(entry.name).replace('/', '%2F')}"
        replace = (f'<form class="replace" method="post" action="{display_text(action)}" '
                   f'enctype="multipart/form-data"><label>'
                   f'{lang.gettext("Replace %(name)s") % {"name": name}}'
                   f'<input type="file" name="file" required></label>'
                   f'<button type="submit">{lang.gettext("Replace")}</button></form>')
    return (f'<tr><td class="name">{name}</td><td class="size">{lang.size(entry.size)}</td>'
            f'<td class="time">{lang.time(entry.mtime)}</td><td class="action">{replace}'
            '</td></tr>')


def _files(view: HandInView, is_open: bool) -> str:
    t = view.lang.gettext
    if not view.files:
        return f'<p class="empty">{t("You have not handed in any files yet.")}</p>'
    rows = "".join(_row(entry, is_open, view.lang) for entry in view.files)
    return (f'<table class="handed-in"><caption>{t("Your files")}</caption><thead><tr>'
            f'<th scope="col">{t("Name")}</th><th scope="col">{t("Size")}</th>'
            f'<th scope="col">{t("Handed in")}</th><th scope="col"><span '
            f'class="visually-hidden">{t("Replace")}</span></th></tr></thead>'
            f'<tbody>{rows}</tbody></table>')


def render_page(view: HandInView) -> bytes:
    """The hand-in page in ``view.lang``."""
    lang = view.lang
    is_open = view.until is None or view.now < view.until
    name = display_text(view.collect_name)
    known = view.account is not None or view.label is not None
    parts = [_deadline(view), _who(view)]
    if known:
        if is_open:
            parts.append(_upload_form(view))
        parts.append(_files(view, is_open))
    if view.may_browse:
        browse = lang.gettext("Browse the shared files")
        parts.append(f'<p class="browse"><a href="{BROWSE_URL}">{browse}</a></p>')
    heading = lang.gettext("Hand in files for %(name)s")
    shown_name = f'<span class="collect-name">{name}</span>'
    page = (
        f'<!doctype html><html lang="{lang.tag}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark"><meta name="robots" content="noindex">'
        f'<title>{heading % {"name": name}}</title>'
        f'<link rel="stylesheet" href="{STYLESHEET_URL}">'
        f'<link rel="stylesheet" href="{asset_url("collect.css")}">'
        f'<link rel="icon" href="{FAVICON_URL}" type="image/svg+xml">'
        f'{texts_script(lang)}<script src="{asset_url("collect.js")}" defer></script></head>'
        f'<body class="collect-page"><main class="collect">'
        f'<h1>{heading % {"name": shown_name}}</h1>'
        + "".join(parts) +
        f'</main><footer class="foot"><span class="by">{display_text(view.server_name)}'
        '</span></footer></body></html>')
    return page.encode("utf-8")
