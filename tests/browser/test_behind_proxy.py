"""The page behind a real nginx under /files (tests/nginx.py) in headless Chromium: its
scripts find the base path, so a resumable upload goes to /files/.well-known/pier/tus/ with the
share's folder in its metadata, arrives byte for byte, and the new row links under the prefix;
a folder opened from the page stays under it."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import browser_missing, wait_until
from tests.nginx import PREFIX, nginx_missing, start_nginx, stop_nginx

_MISSING = browser_missing() or nginx_missing()
if _MISSING:
    pytest.skip(f"browser tests behind nginx skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402

TUS = PREFIX + "/.well-known/pier/tus/"


@pytest.fixture
def behind_nginx(server_factory, share: Path, tmp_path: Path) -> Iterator[tuple[object, int]]:
    pier = server_factory(share, upload=True, trusted_proxies=("127.0.0.1",), base_path=PREFIX)
    nginx = start_nginx(tmp_path / "nginx", pier.port)
    try:
        yield pier, nginx.port
    finally:
        stop_nginx(nginx)


def test_a_resumable_upload_from_the_page_behind_the_proxy(page, behind_nginx, share: Path,
                                                          tmp_path: Path) -> None:
    pier, port = behind_nginx
    sent = tmp_path / "from the page.bin"
    sent.write_bytes(os.urandom(3 * 1024 * 1024 + 7))
    page.get(f"http://127.0.0.1:{port}{PREFIX}/docs/")
    page.find_element(By.ID, "file-input").send_keys(str(sent))
    wait_until(page, lambda d: d.find_elements(By.CSS_SELECTOR, ".transfer.done"),
               "the upload did not finish")
    stored = share / "docs" / sent.name
    assert hashlib.sha256(stored.read_bytes()).digest() == \
        hashlib.sha256(sent.read_bytes()).digest()
    tus = [r for r in pier.records if r.path.startswith(TUS)]
    assert [r.method for r in tus][:1] == ["POST"] and tus[-1].status == 204
    assert all(r.client == "127.0.0.1" for r in tus)  # Chromium's own address, via nginx
    link = wait_until(page, lambda d: d.find_elements(
        By.CSS_SELECTOR, f'#listing a[href="{PREFIX}/docs/from%20the%20page.bin"]'),
        "the new row does not link under the prefix")
    assert link


def test_the_pages_links_stay_under_the_prefix(page, behind_nginx) -> None:
    _pier, port = behind_nginx
    page.get(f"http://127.0.0.1:{port}{PREFIX}/")
    page.find_element(By.CSS_SELECTOR, f'#listing a[href="{PREFIX}/docs/"]').click()
    wait_until(page, lambda d: d.current_url.endswith(f"{PREFIX}/docs/"))
    assert page.execute_script("return getComputedStyle(document.body).display") != ""
    sheets = page.execute_script(
        "return [...document.styleSheets].map(s => s.href).filter(Boolean)")
    assert sheets and all(f":{port}{PREFIX}/.well-known/pier/assets/" in s for s in sheets)
    assert page.execute_script("return Boolean(window.pierListing)")  # the scripts ran
