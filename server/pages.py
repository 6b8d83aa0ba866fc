"""Generated pages: the error page, the page templates and the static assets under resources/.

This module owns how page text is made safe (`display_text`) and where templates and assets come
from; the directory listing (server/listing.py) builds on it.
"""

from __future__ import annotations

import hashlib
import html
import re
from functools import lru_cache
from importlib.resources import files
from string import Template

from server.page_i18n import ENGLISH, LANGUAGES, N_, PageLanguage, language

ASSET_PREFIX = "/.well-known/pier/assets/"
LOGOUT_URL = "/.well-known/pier/logout"

_ASSET_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
}
# Third-party files served as assets, kept apart with their license: asset name -> path under
# resources/ (resources/vendor/*/README.md says where each comes from).
VENDORED = {"tus.min.js": ("vendor", "tus-js-client", "tus.min.js")}
_ASSET_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")

# Characters that a browser or a terminal would act on instead of showing: C0/C1 controls, DEL,
# bidi marks, embeddings, overrides and isolates (which can disguise "gpj.exe" as "exe.jpg";
# the marks LRM, RLM and ALM reorder neutral characters too) and lone surrogates (undecodable
# bytes in a file name). Shown as U+FFFD on pages.
UNSAFE_CHARS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# around a part of one of Pier's pages that is a visitor's or the owner's own text (rendered
# Markdown): a base path's rewrite (server/base_path.py) leaves what lies between them as it is
AS_WRITTEN_START = "<!--pier:as-written-->"
AS_WRITTEN_END = "<!--/pier:as-written-->"


def display_text(text: str) -> str:
    """`text` made safe to put in HTML: unsafe characters replaced, then HTML-escaped."""
    return html.escape(UNSAFE_CHARS.sub("\ufffd", text), quote=True)


TEMPLATES = ("error.html", "link_pin.html", "listing.html", "markdown.html", "trust.html")
# The scripts' texts: the asset i18n-<code>.js sets window.pierI18n for the language, followed
# by resources/i18n.js, which gives the scripts window.pierText (t, tn, size, number).
SCRIPT_TEXTS = "i18n-{}.js"


# A text to translate in a template: {{Back to the shared folder}}; `%(name)s` in it is the
# template's `${name}` (server/i18n_extract.py gives these to the catalogue).
TEMPLATE_TEXT = re.compile(r"\{\{(.+?)\}\}", re.DOTALL)
_FORMAT_FIELD = re.compile(r"%\((\w+)\)s")


@lru_cache(maxsize=len(TEMPLATES) * len(LANGUAGES))
def template(name: str, code: str = ENGLISH) -> Template:
    """The page template resources/<name> in the language `code`, read and translated once;
    `$lang` is filled here (<html lang>)."""
    lang = language(code)
    source = (files("resources") / name).read_text(encoding="utf-8")
    text = TEMPLATE_TEXT.sub(lambda found: _template_text(lang, found.group(1)), source)
    return Template(text.replace("$lang", lang.tag))


def _template_text(lang: PageLanguage, message: str) -> str:
    escaped = html.escape(lang.gettext(message), quote=True).replace("$", "$$")
    return _FORMAT_FIELD.sub(r"${\1}", escaped)  # braced: "%(b)sText" is "${b}Text"


def preload() -> None:
    """Read every template and asset now (ServerEngine.start) rather than on first use: the
    first error page of a process was read from the disk while answering, and when the error
    was running out of descriptors (EMFILE), so was the error page."""
    for name in TEMPLATES:
        for code in LANGUAGES:
            template(name, code)
    _all_assets()
    _script_texts()


# The titles of error pages (server.http11.phrase) in the catalogue, so that they are shown in
# the visitor's language; the details are mostly the JSON answers' English.
ERROR_TITLES = (
    N_("Bad Request"), N_("Unauthorized"), N_("Forbidden"), N_("Not Found"),
    N_("Method Not Allowed"), N_("Request Timeout"), N_("Conflict"), N_("Gone"),
    N_("Length Required"), N_("Precondition Failed"), N_("Request Entity Too Large"),
    N_("Content Too Large"), N_("Request-URI Too Long"), N_("URI Too Long"),
    N_("Unsupported Media Type"), N_("Requested Range Not Satisfiable"),
    N_("Range Not Satisfiable"), N_("Expectation Failed"), N_("Misdirected Request"),
    N_("Locked"), N_("Too Many Requests"), N_("Request Header Fields Too Large"),
    N_("Internal Server Error"), N_("Not Implemented"), N_("Service Unavailable"),
    N_("HTTP Version Not Supported"), N_("Insufficient Storage"),
)


def render_error(status: int, reason: str, detail: str = "", server_name: str = "Pier",
                 lang: PageLanguage | None = None) -> bytes:
    """An HTML error page (UTF-8) for a 4xx/5xx answer; every text is escaped. `reason` and
    `detail` are shown in `lang` where the catalogue has them (status phrases and the page's own
    texts do; most details are the JSON answers' English)."""
    lang = lang or language(ENGLISH)
    code = str(int(status))
    reason_html = display_text(lang.gettext(reason))
    detail = lang.gettext(detail) if detail else ""
    detail_html = f'<p class="detail">{display_text(detail)}</p>' if detail else ""
    page = template("error.html", lang.code).substitute(
        title=f"{code} {reason_html} — {display_text(server_name)}",
        status=code,
        reason=reason_html,
        detail=detail_html,
        server_name=display_text(server_name),
        stylesheet=STYLESHEET_URL,
        favicon=FAVICON_URL,
    )
    return page.encode("utf-8")


def asset(name: str) -> tuple[bytes, str, str] | None:
    """(bytes, content type, version) of resources/assets/<name>, or None for a bad or unknown
    name."""
    if not _ASSET_NAME.fullmatch(name) or ".." in name:
        return None
    return _all_assets().get(name) or _script_texts().get(name)


@lru_cache(maxsize=1)
def _all_assets() -> dict[str, tuple[bytes, str, str]]:
    """Every file under resources/assets/ and the vendored ones, read on first use and kept in
    memory, with the hash of each (asset_url)."""
    found: dict[str, tuple[bytes, str, str]] = {}
    for item in (files("resources") / "assets").iterdir():
        if item.is_file() and not item.name.startswith("."):
            found[item.name] = _loaded(item.name, item.read_bytes())
    for name, parts in VENDORED.items():
        found[name] = _loaded(name, files("resources").joinpath(*parts).read_bytes())
    return found


@lru_cache(maxsize=1)
def _script_texts() -> dict[str, tuple[bytes, str, str]]:
    """The assets i18n-<code>.js, made from the catalogues when a page first needs them (not
    at import: `pier --version` reads no catalogue)."""
    found: dict[str, tuple[bytes, str, str]] = {}
    helper = (files("resources") / "i18n.js").read_text(encoding="utf-8")
    for code in LANGUAGES:
        name = SCRIPT_TEXTS.format(code)
        found[name] = _loaded(name, (language(code).script_table() + helper).encode("utf-8"))
    return found


def _loaded(name: str, data: bytes) -> tuple[bytes, str, str]:
    return data, _content_type(name), hashlib.blake2b(data, digest_size=6).hexdigest()


def _content_type(name: str) -> str:
    dot = name.rfind(".")
    suffix = name[dot:].lower() if dot > 0 else ""
    return _ASSET_TYPES.get(suffix, "application/octet-stream")


def asset_version(name: str) -> str:
    """A short hash of the asset's content, "" for an unknown name."""
    found = _all_assets().get(name) or _script_texts().get(name)
    return found[2] if found is not None else ""


def asset_url(name: str) -> str:
    """The URL pages use for an asset: with its content's hash (``?v=``), so a browser that
    kept an older copy fetches the new one after an upgrade, never pairing old and new
    scripts; the asset route lets a browser keep a versioned URL for good."""
    return f"{ASSET_PREFIX}{name}?v={asset_version(name)}"


STYLESHEET_URL = asset_url("style.css")
FAVICON_URL = asset_url("favicon.svg")
SCRIPT_URL = asset_url("app.js")
# how to trust the local CA, per operating system (server/routes_trust.py): also over plain HTTP
TRUST_URL = "/.well-known/pier/trust"
TUS_SCRIPT_URL = asset_url("tus.min.js")  # the vendored tus-js-client: resumable uploads
VIEW_SCRIPT_URL = asset_url("view.js")  # run before the page shows: list or grid


def texts_script(lang: PageLanguage) -> str:
    """The <script> giving the page's scripts their texts in `lang`; first of the deferred ones."""
    return f'<script src="{asset_url(SCRIPT_TEXTS.format(lang.code))}" defer></script>'

