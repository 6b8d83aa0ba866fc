"""The hand-in page of collect mode (server/routes_collect.py): plain HTML that works without
JavaScript; resources/assets/collect.js only keeps the countdown ("closes in ...") current.
Every name reaches the page escaped (pages.display_text)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from server.collect import closed_reason, local_time
from server.files import url_quote
from server.listing import Entry
from server.pages import FAVICON_URL, STYLESHEET_URL, asset_url, display_text
from server.units import format_size

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


def closes_in(seconds: float) -> str:
    """'3 days 4 h', '2 h 5 min', '12 min', 'less than a minute'."""
    minutes = int(seconds // 60)
    days, hours, mins = minutes // 1440, minutes // 60 % 24, minutes % 60
    if days:
        return f"{days} day{'s' if days != 1 else ''} {hours} h"
    if minutes >= 60:
        return f"{minutes // 60} h {mins} min"
    return f"{mins} min" if mins else "less than a minute"


def _deadline(view: HandInView) -> str:
    if view.until is None:
        return ""
    if view.now >= view.until:
        return f'<p class="deadline closed" role="status">{closed_reason(view.until)}</p>'
    return (f'<p class="deadline" data-until="{int(view.until)}" '
            f'data-closes-at="{local_time(view.until)}" role="status">Closes in '
            f'<span class="left">{closes_in(view.until - view.now)}</span> '
            f'(at {local_time(view.until)}).</p>')


def _name_form(label: str = "") -> str:
    value = f' value="{display_text(label)}"' if label else ""
    return (f'<form class="who-form" method="post" action="{NAME_ACTION}">'
            f'<label for="who-name">Your name</label>'
            f'<input id="who-name" name="name" required maxlength="80" autocomplete="name"'
            f'{value}><button type="submit">{"Change" if label else "Continue"}</button></form>')


def _who(view: HandInView) -> str:
    if view.account is not None:
        return f'<p class="who">Handing in as <strong>{display_text(view.account)}</strong></p>'
    if view.label is None:
        return ('<p class="who">Type your name so that your files can be told apart.</p>'
                + _name_form())
    return (f'<p class="who">Handing in as <strong>{display_text(view.label)}</strong></p>'
            f'<details class="rename"><summary>Change name</summary>'
            f'{_name_form(view.label)}</details>')


def _upload_form(view: HandInView) -> str:
    return (f'<form class="hand-in" method="post" action="{FILES_ACTION}" '
            f'enctype="multipart/form-data"><label for="hand-in-files">Files</label>'
            f'<input id="hand-in-files" type="file" name="file" multiple required>'
            f'<button type="submit">Hand in</button></form>')


def _row(entry: Entry, is_open: bool) -> str:
    name = display_text(entry.name)
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.mtime))
    replace = ""
    if is_open:
        action = f"{FILES_ACTION}?replace={url_quote(entry.name).replace('/', '%2F')}"
        replace = (f'<form class="replace" method="post" action="{display_text(action)}" '
                   f'enctype="multipart/form-data"><label>Replace {name}'
                   f'<input type="file" name="file" required></label>'
                   f'<button type="submit">Replace</button></form>')
    return (f'<tr><td class="name">{name}</td><td class="size">{format_size(entry.size)}</td>'
            f'<td class="time">{when}</td><td class="action">{replace}</td></tr>')


def _files(view: HandInView, is_open: bool) -> str:
    if not view.files:
        return '<p class="empty">You have not handed in any files yet.</p>'
    rows = "".join(_row(entry, is_open) for entry in view.files)
    return ('<table class="handed-in"><caption>Your files</caption><thead><tr>'
            '<th scope="col">Name</th><th scope="col">Size</th><th scope="col">Handed in</th>'
            '<th scope="col"><span class="visually-hidden">Replace</span></th></tr></thead>'
            f'<tbody>{rows}</tbody></table>')


def render_page(view: HandInView) -> bytes:
    is_open = view.until is None or view.now < view.until
    name = display_text(view.collect_name)
    known = view.account is not None or view.label is not None
    parts = [_deadline(view), _who(view)]
    if known:
        if is_open:
            parts.append(_upload_form(view))
        parts.append(_files(view, is_open))
    if view.may_browse:
        parts.append(f'<p class="browse"><a href="{BROWSE_URL}">Browse the shared files</a></p>')
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark"><meta name="robots" content="noindex">'
        f'<title>Hand in files for {name}</title>'
        f'<link rel="stylesheet" href="{STYLESHEET_URL}">'
        f'<link rel="stylesheet" href="{asset_url("collect.css")}">'
        f'<link rel="icon" href="{FAVICON_URL}" type="image/svg+xml">'
        f'<script src="{asset_url("collect.js")}" defer></script></head>'
        f'<body class="collect-page"><main class="collect">'
        f'<h1>Hand in files for <span class="collect-name">{name}</span></h1>'
        + "".join(parts) +
        f'</main><footer class="foot"><span class="by">{display_text(view.server_name)}'
        '</span></footer></body></html>')
    return page.encode("utf-8")
