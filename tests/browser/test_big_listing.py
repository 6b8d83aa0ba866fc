"""A 100,000-entry folder's listing in a real browser (headless Chromium): the page, sent while
it is rendered (server/listing_stream.py), shows its first rows and its filter finds a name
among all of them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.conftest import browser_missing, wait_until

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402

ENTRIES = 100_000
pytestmark = pytest.mark.slow


@pytest.fixture
def huge(tmp_path: Path) -> Path:
    """A folder of ENTRIES empty files, made with one open per file."""
    root = tmp_path / "share"
    folder = root / "roll"
    folder.mkdir(parents=True)
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for n in range(ENTRIES - 1):
            os.close(os.open(f"IMG_{n:06d}.jpg", os.O_CREAT | os.O_WRONLY, 0o644, dir_fd=fd))
        os.close(os.open("needle in the roll.txt", os.O_CREAT | os.O_WRONLY, 0o644, dir_fd=fd))
    finally:
        os.close(fd)
    return root


def test_a_huge_folder_shows_its_rows_and_filters_them(page, server_factory, huge):
    running = server_factory(huge)
    page.set_page_load_timeout(120)
    page.get(f"http://127.0.0.1:{running.port}/roll/")
    first = page.find_element(By.CSS_SELECTOR, "#listing tbody tr[data-mtime] a")
    assert first.text == "IMG_000000.jpg"
    rows = page.execute_script(
        "return document.querySelectorAll('#listing tbody tr[data-mtime]').length")
    assert rows == ENTRIES
    box = page.find_element(By.ID, "filter")
    box.send_keys("needle")
    wait_until(page, lambda d: d.find_element(By.ID, "count").text == "1 of 100,000 shown")
    shown = page.execute_script(
        "return Array.from(document.querySelectorAll('#listing tbody tr[data-mtime]'))"
        ".filter(r => !r.hidden).map(r => r.querySelector('a').textContent)")
    assert shown == ["needle in the roll.txt"]
