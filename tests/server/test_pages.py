"""Error pages and the static assets served under /.well-known/pier/assets/."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from server.pages import STYLESHEET_URL, asset, display_text, render_error

ASSETS = Path(__file__).resolve().parents[2] / "resources" / "assets"


class ErrorPageParser(HTMLParser):
    """Text per element class, the tags seen, links and stylesheets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.by_class: dict[str, str] = {}
        self.links: list[str | None] = []
        self.stylesheets: list[str | None] = []
        self.title = ""
        self._open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append(tag)
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.stylesheets.append(attributes.get("href"))
        if tag == "a":
            self.links.append(attributes.get("href"))
        if tag not in ("meta", "link"):
            self._open.append((tag, attributes.get("class")))

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for tag, cls in self._open:
            if tag == "title":
                self.title += data
            if cls:
                self.by_class[cls] = self.by_class.get(cls, "") + data


def parse(page: bytes) -> ErrorPageParser:
    parser = ErrorPageParser()
    parser.feed(page.decode("utf-8"))
    parser.close()
    return parser


def test_error_page_shows_status_reason_detail_and_a_way_home() -> None:
    body = render_error(404, "Not Found", "There is no file at this address.")
    assert body.decode("utf-8").lower().startswith("<!doctype html>")
    page = parse(body)
    assert page.by_class["status"] == "404"
    assert page.by_class["reason"] == "Not Found"
    assert page.by_class["detail"] == "There is no file at this address."
    assert "/" in page.links
    assert page.stylesheets == [STYLESHEET_URL] and STYLESHEET_URL.startswith(
        "/.well-known/pier/assets/style.css?v=")
    assert page.title == "404 Not Found — Pier"
    assert "script" not in page.tags and "style" not in page.tags


def test_error_page_without_detail_has_no_empty_paragraph() -> None:
    page = parse(render_error(503, "Service Unavailable"))
    assert "detail" not in page.by_class
    assert page.by_class["status"] == "503"


@pytest.mark.parametrize(
    "hostile",
    ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "${status}", "\x1b[2J"],
)
def test_error_page_escapes_every_text(hostile: str) -> None:
    body = render_error(400, hostile, f"Bad path {hostile}", server_name=hostile)
    text = body.decode("utf-8")
    page = parse(body)
    assert set(page.tags) <= {
        "html", "head", "meta", "title", "link", "body", "main", "p", "h1", "a", "footer", "span",
    }  # fmt: skip
    assert "<script>" not in text and "<img" not in text and "\x1b" not in text
    shown = hostile.replace("\x1b", "\ufffd")
    assert page.by_class["reason"] == shown
    assert page.by_class["detail"] == f"Bad path {shown}"
    assert page.by_class["by"] == shown


def test_error_status_must_be_a_number() -> None:
    with pytest.raises(ValueError):
        render_error("<b>", "x")  # type: ignore[arg-type]


def test_display_text_escapes_quotes_and_replaces_controls() -> None:
    assert display_text("a\"b'c<d>&") == "a&quot;b&#x27;c&lt;d&gt;&amp;"
    assert display_text("x\u202ey\x00z\x9b") == "x\ufffdy\ufffdz\ufffd"
    assert display_text("été 東京") == "été 東京"


def test_stylesheet_asset() -> None:
    found = asset("style.css")
    assert found is not None
    data, content_type, _ = found
    assert content_type == "text/css; charset=utf-8"
    assert b"prefers-color-scheme: dark" in data
    assert b"http://" not in data.replace(b"http://www.w3.org/2000/svg", b"")  # no CDN, no fonts
    assert b"@import" not in data and b"@font-face" not in data
    assert asset("style.css") is found  # served from memory after the first read


def test_svg_asset_type() -> None:
    found = asset("favicon.svg")
    assert found is not None and found[1] == "image/svg+xml"
    assert found[0].startswith(b"<svg")


OWN_SCRIPTS = sorted(path.name for path in ASSETS.glob("*.js"))


def test_every_page_script_is_found() -> None:
    assert {"app.js", "uploads.js", "transfer.js", "drop.js", "forms.js",
            "text-card.js"} <= set(OWN_SCRIPTS)


@pytest.mark.parametrize("name", OWN_SCRIPTS)
def test_script_asset(name: str) -> None:
    found = asset(name)
    assert found is not None
    data, content_type, _ = found
    assert content_type == "text/javascript; charset=utf-8"
    assert b"innerHTML" not in data and b"insertAdjacentHTML" not in data  # names: textContent
    assert b"eval(" not in data and b"http://" not in data and b"https://" not in data


def test_vendored_tus_client_is_served_as_an_asset() -> None:
    """tus-js-client comes from resources/vendor/ (byte for byte the npm package's browser
    bundle, with its license), served as an asset so the page's CSP ('self') holds."""
    import hashlib
    from importlib.resources import files

    found = asset("tus.min.js")
    assert found is not None
    data, content_type, _ = found
    assert content_type == "text/javascript; charset=utf-8"
    vendor = files("resources") / "vendor" / "tus-js-client"
    readme = (vendor / "README.md").read_text(encoding="utf-8")
    assert hashlib.sha256(data).hexdigest() in readme  # the recorded version is what is served
    assert "MIT License" in (vendor / "LICENSE").read_text(encoding="utf-8")
    assert asset("LICENSE") is None and asset("README.md") is None


@pytest.mark.parametrize(
    "name",
    [
        "",
        ".",
        "..",
        "../style.css",
        "..\\style.css",
        "assets/style.css",
        "/style.css",
        "style.css/",
        "\\style.css",
        ".hidden",
        "style..css",
        "style.css\x00",
        "style.css ",
        "__init__.py",
        "missing.css",
        "STYLE.CSS",
        "%2e%2e",
    ],
)
def test_asset_refuses_bad_or_unknown_names(name: str) -> None:
    assert asset(name) is None
