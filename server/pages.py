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
# bidi embeddings/overrides/isolates (which can disguise "gpj.exe" as "exe.jpg") and lone
# surrogates (undecodable bytes in a file name). Shown as U+FFFD on pages.
UNSAFE_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def display_text(text: str) -> str:
    """`text` made safe to put in HTML: unsafe characters replaced, then HTML-escaped."""
    return html.escape(UNSAFE_CHARS.sub("\ufffd", text), quote=True)


TEMPLATES = ("error.html", "link_pin.html", "listing.html", "markdown.html", "trust.html")


@lru_cache(maxsize=8)
def template(name: str) -> Template:
    """The page template resources/<name>, read once."""
    return Template((files("resources") / name).read_text(encoding="utf-8"))


def preload() -> None:
    """Read every template and asset now (ServerEngine.start) rather than on first use: the
    first error page of a process was read from the disk while answering, and when the error
    was running out of descriptors (EMFILE), so was the error page."""
    for name in TEMPLATES:
        template(name)
    _all_assets()


def render_error(status: int, reason: str, detail: str = "", server_name: str = "Pier") -> bytes:
    """An HTML error page (UTF-8) for a 4xx/5xx answer; every text is escaped."""
    code = str(int(status))
    reason_html = display_text(reason)
    detail_html = f'<p class="detail">{display_text(detail)}</p>' if detail else ""
    page = template("error.html").substitute(
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
    return _all_assets().get(name)


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


def _loaded(name: str, data: bytes) -> tuple[bytes, str, str]:
    return data, _content_type(name), hashlib.blake2b(data, digest_size=6).hexdigest()


def _content_type(name: str) -> str:
    dot = name.rfind(".")
    suffix = name[dot:].lower() if dot > 0 else ""
    return _ASSET_TYPES.get(suffix, "application/octet-stream")


def asset_version(name: str) -> str:
    """A short hash of the asset's content, "" for an unknown name."""
    found = _all_assets().get(name)
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
