"""Search on the page (headless Chromium): the filter box offers to search the subfolders when
nothing here matches, and the results page, streamed in the server's walk order, is sorted like
a listing once the last result is in; a folder-limited account finds nothing where it may not
read. The folder's README rendered below the listing, with a <script> in it inert."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import basic_auth_header, browser_missing, wait_until

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

LIMITED = ("pat", "blue whale piano")  # may read /public only


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    deep = root / "public" / "2024" / "summer"
    deep.mkdir(parents=True)
    (deep / "alpha-boat.jpg").write_bytes(b"\xff\xd8" + b"a" * 300)  # three folders down
    (root / "public" / "zulu-boat.txt").write_text("top\n", encoding="utf-8")
    (root / "public" / "boat-trips").mkdir()
    (root / "private").mkdir()
    (root / "private" / "boat-secret.txt").write_text("no\n", encoding="utf-8")
    (root / "notes.txt").write_text("milk\n", encoding="utf-8")
    return root


def url(running, path: str = "/") -> str:
    return f"http://127.0.0.1:{running.port}{path}"


def result_names(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#listing tbody tr[data-mtime]'), "
        "r => r.querySelector('a').textContent)")


def test_filter_offers_to_search_the_subfolders(page, server_factory, tree):
    running = server_factory(tree)
    page.get(url(running, "/public/"))
    box = page.find_element(By.ID, "filter")
    box.send_keys("zulu")
    assert page.find_elements(By.CSS_SELECTOR, ".search-offer") == []  # something matches here
    box.send_keys(Keys.BACKSPACE * 4 + "alpha")
    offer = page.find_element(By.CSS_SELECTOR, "tr.no-match .search-offer")
    assert offer.text == "Search subfolders for “alpha”"
    assert offer.get_attribute("href") == url(running, "/public/?q=alpha")
    box.send_keys(Keys.ENTER)  # Enter takes the offer, there being no first match to open
    wait_until(page, lambda d: d.current_url == url(running, "/public/?q=alpha"),
               "the search page opened")


def test_filter_offer_keeps_the_order_and_shows_in_the_grid(page, server_factory, tree):
    running = server_factory(tree)
    page.get(url(running, "/public/?sort=size&order=desc"))
    page.execute_script("localStorage.setItem('pier-view', 'grid')")
    page.refresh()
    page.find_element(By.ID, "filter").send_keys("a b&c")
    offer = page.find_element(By.CSS_SELECTOR, ".search-offer")
    assert offer.is_displayed()
    assert offer.get_attribute("href") == url(
        running, "/public/?q=a+b%26c&sort=size&order=desc")
    page.execute_script("localStorage.removeItem('pier-view')")


def test_results_are_sorted_once_complete_and_keep_the_query(page, server_factory, tree):
    running = server_factory(tree)
    page.get(url(running, "/?q=BOAT"))
    table = page.find_element(By.ID, "listing")
    assert "search-results" in table.get_attribute("class").split()
    assert page.find_elements(By.ID, "search-done")
    # the walk finds zulu-boat.txt (one level down) before alpha-boat.jpg (three levels down);
    # the page shows them like a listing: folders first, then by name
    assert result_names(page) == ["boat-trips/", "alpha-boat.jpg", "boat-secret.txt",
                                  "zulu-boat.txt"]
    page.find_element(By.CSS_SELECTOR, "th.name a").click()  # and sorts them as a listing does
    assert result_names(page) == ["boat-trips/", "zulu-boat.txt", "boat-secret.txt",
                                  "alpha-boat.jpg"]
    assert page.current_url == url(running, "/?q=BOAT&sort=name&order=desc")


def test_a_limited_account_finds_deep_files_but_not_where_it_may_not_read(
        page, server_factory, tree, private_config_dir):
    from server.auth import Authenticator
    from server.users import UserStore

    users = UserStore(private_config_dir / "users.toml")
    users.load()
    users.add(*LIMITED, folders=["/public"])
    running = server_factory(tree, auth=Authenticator(users, "Pier - test"))
    page.execute_cdp_cmd("Network.enable", {})
    page.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": basic_auth_header(*LIMITED)})
    page.get(url(running, "/?q=boat"))
    assert page.find_elements(By.ID, "search-done")
    names = result_names(page)
    assert "alpha-boat.jpg" in names  # /public/2024/summer/: three folders down
    assert "boat-secret.txt" not in names  # /private is not this account's
    page.find_element(By.LINK_TEXT, "alpha-boat.jpg").click()  # and the viewer opens it
    assert page.execute_script("return document.getElementById('gallery').open")


def test_readme_is_rendered_below_the_listing_and_its_script_is_inert(page, server_factory,
                                                                      tree):
    (tree / "README.md").write_text(
        "# Holiday share\n\nPhotos from **2024**.\n\n<script>document.title = 'owned'</script>\n"
        "\n[a link](javascript:document.title='owned')\n", encoding="utf-8")
    running = server_factory(tree)
    page.get(url(running))
    readme = page.find_element(By.ID, "readme")
    assert readme.tag_name == "section" and "readme" in readme.get_attribute("class").split()
    assert readme.find_element(By.TAG_NAME, "h1").text == "Holiday share"
    assert readme.find_element(By.TAG_NAME, "strong").text == "2024"
    assert page.execute_script(
        "const r = document.getElementById('readme');"
        "return r.compareDocumentPosition(document.getElementById('listing')) & "
        "Node.DOCUMENT_POSITION_PRECEDING") != 0  # below the listing
    assert readme.find_elements(By.TAG_NAME, "script") == []
    for link in readme.find_elements(By.TAG_NAME, "a"):
        assert not (link.get_attribute("href") or "").startswith("javascript:")
    assert page.title != "owned"
    page.execute_script("localStorage.setItem('pier-view', 'grid')")
    page.refresh()  # in the grid, it stays below the tiles
    assert page.execute_script(
        "return document.getElementById('grid').compareDocumentPosition("
        "document.getElementById('readme')) & Node.DOCUMENT_POSITION_FOLLOWING") != 0
    assert page.find_element(By.ID, "readme").is_displayed()
    page.execute_script("localStorage.removeItem('pier-view')")
