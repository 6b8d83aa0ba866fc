"""A folder's README and a Markdown page (``?view``) in headless Chromium: the text is rendered,
and what a hostile README tries (a script, an ``onerror`` handler, a ``javascript:`` link) stays
inert text; an image of the share loads under the page's CSP."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from tests.browser.conftest import browser_missing, wait_until

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402

README = """# Holiday photos

<script>document.title = "script ran"; document.body.dataset.script = "ran";</script>

<img src="missing.png" onerror="document.body.dataset.handler = 'ran'">

| Day | Place |
|-----|-------|
| 1   | Beach |

[click me](javascript:document.body.dataset.clicked='ran') and [the notes](notes.md).

![a red dot](dot.png)
"""

# What a script that got in would have left behind, read from inside the page.
TRACES = """
return {title: document.title, script: document.body.dataset.script || "",
        handler: document.body.dataset.handler || "", clicked: document.body.dataset.clicked || "",
        scripts: [...document.querySelectorAll("script")].map(s => s.src)};
"""


def png_dot() -> bytes:
    """A valid 1x1 red PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


@pytest.fixture
def holiday(server_factory, tmp_path: Path):
    share = tmp_path / "share"
    (share / "holiday").mkdir(parents=True)
    (share / "holiday" / "README.md").write_text(README, encoding="utf-8")
    (share / "holiday" / "dot.png").write_bytes(png_dot())
    (share / "holiday" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    return server_factory(share)


def check_inert(page, root) -> None:
    """The text is there; nothing it carried ran; the share's image loaded."""
    assert root.find_element(By.CSS_SELECTOR, "h1").text == "Holiday photos"
    assert root.find_element(By.CSS_SELECTOR, "td").text == "1"
    assert "<script>document.title" in root.text and 'onerror="document' in root.text
    assert not root.find_elements(By.CSS_SELECTOR, "a[href^='javascript']")
    assert "[click me](javascript:" in root.text
    image = root.find_element(By.CSS_SELECTOR, "img[alt='a red dot']")
    wait_until(page, lambda d: d.execute_script(
        "return arguments[0].complete && arguments[0].naturalWidth", image) == 1,
        "the share's own image should load under the page's CSP")
    traces = page.execute_script(TRACES)
    assert traces["script"] == "" and traces["handler"] == "" and traces["clicked"] == ""
    assert "script ran" not in traces["title"]
    assert all("/.well-known/pier/assets/" in src for src in traces["scripts"])


def test_a_readme_under_the_listing_is_rendered_and_inert(page, holiday):
    page.get(f"http://127.0.0.1:{holiday.port}/holiday/")
    readme = page.find_element(By.ID, "readme")
    check_inert(page, readme)
    heading = readme.find_element(By.CSS_SELECTOR, ".readme-name a")
    assert heading.text == "README.md" and heading.get_attribute("href").endswith(
        "/holiday/README.md")
    readme.find_element(By.LINK_TEXT, "the notes").click()  # relative: in the README's folder
    wait_until(page, lambda d: d.current_url.endswith("/holiday/notes.md"))


def test_a_markdown_page_is_rendered_and_inert(page, holiday):
    page.get(f"http://127.0.0.1:{holiday.port}/holiday/README.md?view")
    check_inert(page, page.find_element(By.ID, "document"))
    assert page.title == "README.md — Pier"
    raw = page.find_element(By.ID, "raw-link")
    assert raw.get_attribute("href").endswith("/holiday/README.md")
