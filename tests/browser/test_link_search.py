"""Search through a folder link in Chromium: the filter box's offer to search the subfolders
opens results under the link's URL, of the linked folder only, and a result opens through the
link."""

from __future__ import annotations

import pytest

from server.links import LinkStore
from tests.browser.conftest import browser_missing, wait_until

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402


def test_a_folder_link_page_searches_its_subfolders(page, server_factory, tmp_path,
                                                     private_config_dir):
    root = tmp_path / "share"
    (root / "photos" / "2024" / "summer").mkdir(parents=True)
    (root / "photos" / "2024" / "summer" / "boat-trip.txt").write_text("sail\n")
    (root / "photos" / "notes.txt").write_text("notes\n")
    (root / "private").mkdir()
    (root / "private" / "boat-secret.txt").write_text("no\n")
    links = LinkStore(private_config_dir / "links.toml")
    links.load()
    link = links.create(root / "photos", "folder")
    running = server_factory(root, links_file=private_config_dir / "links.toml")
    base = f"http://127.0.0.1:{running.port}{link.url_path}"
    page.get(base + "/")
    box = page.find_element(By.ID, "filter")
    box.send_keys("boat")
    offer = page.find_element(By.CSS_SELECTOR, "tr.no-match .search-offer")
    assert offer.get_attribute("href") == base + "/?q=boat"
    box.send_keys(Keys.ENTER)
    wait_until(page, lambda d: d.find_elements(By.ID, "search-done"),
               "the results page did not complete")
    assert page.current_url == base + "/?q=boat"
    hrefs = page.execute_script(
        "return Array.from(document.querySelectorAll('#listing tbody tr[data-mtime] a'),"
        " a => a.href)")
    assert hrefs and all(href.startswith(base + "/") for href in hrefs)
    assert base + "/2024/summer/boat-trip.txt" in hrefs
    assert "boat-secret" not in page.page_source
    page.get(base + "/2024/summer/boat-trip.txt")
    assert "sail" in page.find_element(By.TAG_NAME, "body").text
