"""The grid view in a real browser (headless Chromium): the toggle and its memory, tiles that
follow the listing's sort and filter, thumbnails fetched lazily (counted by the server) in boxes
that do not move, a failed thumbnail tried again, and the list when JavaScript is off."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.conftest import browser_missing, wait_until

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402


def jpeg(color: tuple[int, int, int], size: tuple[int, int] = (48, 32)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "Trip").mkdir(parents=True)
    for index, name in enumerate(("beach.jpg", "dunes.jpg", "sunset.jpg")):
        (root / name).write_bytes(jpeg((60 * index, 120, 200)))
    (root / "clip.webm").write_bytes(b"\x1a\x45\xdf\xa3" + b"v" * 100)
    (root / "notes.txt").write_text("milk\n", encoding="utf-8")
    return root


def url(running, path: str = "/") -> str:
    return f"http://127.0.0.1:{running.port}{path}"


def thumb_requests(running) -> list[str]:
    return [r.path for r in list(running.records) if r.path.endswith("?thumb")]


def tile_names(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#grid .tile'))"
        ".filter(t => !t.hidden).map(t => t.querySelector('.tile-name').textContent)")


def in_grid(driver) -> bool:
    return driver.execute_script(
        "const grid = document.getElementById('grid');"
        "return !!grid && grid.offsetParent !== null && "
        "document.querySelector('#listing tbody tr[data-mtime]').offsetParent === null")


def choose_list(driver, running) -> None:
    """Start from the list, whatever an earlier test left in localStorage."""
    driver.get(url(running))
    driver.execute_script("localStorage.removeItem('pier-view')")
    driver.get(url(running))


# ---------------------------------------------------------------- the toggle


def test_toggle_shows_the_grid_and_is_remembered(page, server_factory, photos):
    running = server_factory(photos)
    choose_list(page, running)
    toggle = page.find_element(By.ID, "viewToggle")
    assert toggle.is_displayed() and toggle.tag_name == "button"
    assert toggle.get_attribute("aria-pressed") == "false"
    assert not in_grid(page) and thumb_requests(running) == []
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert in_grid(page)
    assert tile_names(page) == ["Trip", "beach.jpg", "clip.webm", "dunes.jpg", "notes.txt",
                                "sunset.jpg"]
    # pictures and videos get a thumbnail, in a box of fixed size; the rest keep their icon
    thumbs = page.execute_script(
        "return Array.from(document.querySelectorAll('#grid img')).map(i => "
        "[i.getAttribute('src'), i.loading, i.decoding, i.getAttribute('width'), "
        "i.getAttribute('height')])")
    assert thumbs == [[f"/{name}?thumb", "lazy", "async", "320", "320"]
                      for name in ("beach.jpg", "clip.webm", "dunes.jpg", "sunset.jpg")]
    wait_until(page, lambda d: len(thumb_requests(running)) == 4, "the thumbnails were asked for")
    page.refresh()
    assert in_grid(page)
    assert page.find_element(By.ID, "viewToggle").get_attribute("aria-pressed") == "true"
    page.find_element(By.ID, "viewToggle").click()
    assert not in_grid(page)
    page.refresh()
    assert not in_grid(page)
    assert page.find_element(By.ID, "viewToggle").get_attribute("aria-pressed") == "false"


def test_grid_follows_the_sort_and_the_filter(page, server_factory, photos):
    running = server_factory(photos)
    choose_list(page, running)
    page.find_element(By.ID, "viewToggle").click()
    page.find_element(By.CSS_SELECTOR, "th.name a").click()  # the header stays: Z-A
    assert tile_names(page) == ["Trip", "sunset.jpg", "notes.txt", "dunes.jpg", "clip.webm",
                                "beach.jpg"]
    page.find_element(By.ID, "filter").send_keys("S")
    assert tile_names(page) == ["sunset.jpg", "notes.txt", "dunes.jpg"]
    page.find_element(By.ID, "filter").send_keys("zzz")
    assert tile_names(page) == []
    assert page.find_element(By.CSS_SELECTOR, "tr.no-match").is_displayed()  # the note stays


def test_an_upload_appears_as_a_tile_without_rebuilding_the_others(page, server_factory, photos,
                                                                   tmp_path):
    running = server_factory(photos, upload=True)
    choose_list(page, running)
    page.find_element(By.ID, "viewToggle").click()
    page.execute_script("document.querySelector('#grid .tile.image').dataset.mark = 'old'")
    wait_until(page, lambda d: "/beach.jpg?thumb" in thumb_requests(running),
               "the first thumbnail came")  # counted only once it was asked for
    before = len([p for p in thumb_requests(running) if p == "/beach.jpg?thumb"])
    upload = tmp_path / "coast.jpg"
    upload.write_bytes(jpeg((10, 200, 90)))
    page.find_element(By.ID, "file-input").send_keys(str(upload))
    wait_until(page, lambda d: "coast.jpg" in tile_names(d), "the upload became a tile")
    assert tile_names(page) == ["Trip", "beach.jpg", "clip.webm", "coast.jpg", "dunes.jpg",
                                "notes.txt", "sunset.jpg"]
    assert page.execute_script("return document.querySelector('#grid .tile.image')"
                               ".dataset.mark") == "old"  # the same tile, its thumbnail kept
    wait_until(page, lambda d: "/coast.jpg?thumb" in thumb_requests(running))
    assert len([p for p in thumb_requests(running) if p == "/beach.jpg?thumb"]) == before


def test_arrow_keys_move_between_tiles(page, server_factory, photos):
    running = server_factory(photos)
    choose_list(page, running)
    page.find_element(By.ID, "viewToggle").click()
    page.find_element(By.TAG_NAME, "body").send_keys("j")
    focused = "return document.activeElement.closest('.tile').querySelector('.tile-name')" \
              ".textContent"
    assert page.execute_script(focused) == "Trip"
    page.switch_to.active_element.send_keys("\ue014")  # ArrowRight
    page.switch_to.active_element.send_keys("\ue014")
    assert page.execute_script(focused) == "clip.webm"
    page.switch_to.active_element.send_keys("k")
    assert page.execute_script(focused) == "beach.jpg"


def test_without_javascript_the_page_is_the_list(page, server_factory, photos):
    running = server_factory(photos)
    page.get(url(running))
    page.execute_script("localStorage.setItem('pier-view', 'grid')")
    page.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    page.get(url(running))
    assert page.find_elements(By.ID, "grid") == []
    assert not page.find_element(By.ID, "viewToggle").is_displayed()
    assert page.find_element(By.LINK_TEXT, "beach.jpg").is_displayed()
    assert thumb_requests(running) == []


# ---------------------------------------------------------------- thumbnails


@pytest.fixture
def many_photos(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    data = jpeg((200, 90, 40))
    for index in range(2000):
        (root / f"IMG_{index:04d}.jpg").write_bytes(data)
    return root


def test_thumbnails_are_fetched_only_near_what_is_shown(page, server_factory, many_photos):
    """2,000 photos: the browser asks for the thumbnails of the first screens only (the server
    counts them), and for the last ones once the page is scrolled to them."""
    running = server_factory(many_photos)
    page.get(url(running))
    page.execute_script("localStorage.setItem('pier-view', 'grid')")
    page.get(url(running))
    assert in_grid(page)
    layout = page.execute_script(
        "const tops = Array.from(document.querySelectorAll('#grid .tile'), "
        "  t => t.getBoundingClientRect().top);"
        "return {tiles: tops.length, visible: tops.filter(t => t < innerHeight).length,"
        "        near: tops.filter(t => t < 3 * innerHeight).length}")
    assert layout["tiles"] == 2000 and layout["visible"] >= 6

    def settled(driver) -> bool:  # what was asked for has arrived, and the server saw each one
        loaded = driver.execute_script("return document.querySelectorAll('.has-thumb').length")
        return len(thumb_requests(running)) == loaded >= layout["visible"]

    wait_until(page, settled, "the thumbnails of the first screen arrived")
    first = thumb_requests(running)
    assert layout["visible"] <= len(first) <= layout["near"]  # this screen and two more at most
    assert "/IMG_0000.jpg?thumb" in first and "/IMG_1999.jpg?thumb" not in first
    page.execute_script("window.scrollTo(0, document.documentElement.scrollHeight)")
    wait_until(page, lambda d: "/IMG_1999.jpg?thumb" in thumb_requests(running),
               "the last thumbnails were asked for once shown")
    assert len(thumb_requests(running)) < 2 * layout["near"]  # the middle was skipped over


def test_thumbnails_arriving_move_nothing(page, server_factory, photos):
    running = server_factory(photos)
    choose_list(page, running)
    page.find_element(By.ID, "viewToggle").click()
    page.execute_cdp_cmd("Network.emulateNetworkConditions", {  # thumbnails after the first paint
        "offline": False, "latency": 300, "downloadThroughput": -1, "uploadThroughput": -1})
    page.refresh()  # the grid from the start, thumbnails loading
    wait_until(page, lambda d: d.execute_script(
        "return document.querySelectorAll('.tile.image.has-thumb').length") == 3,
        "the photos' thumbnails shown")
    shifts = page.execute_script(  # every layout shift since the page started, taken at once
        "const observer = new PerformanceObserver(() => {});"
        "observer.observe({type: 'layout-shift', buffered: true});"
        "return observer.takeRecords().map(e => e.value);")
    assert sum(shifts) == 0


def test_a_thumbnail_that_fails_is_tried_again_then_the_icon_stays(page, server_factory,
                                                                     photos):
    running = server_factory(photos)
    choose_list(page, running)
    (photos / "dunes.jpg").unlink()  # still listed on the page: its thumbnail answers 404
    page.find_element(By.ID, "viewToggle").click()
    wait_until(page, lambda d: d.execute_script(
        "return document.querySelector('.tile.image.no-thumb .tile-name')?.textContent")
        == "dunes.jpg", "the tile gave up on its thumbnail")
    tries = [r.status for r in running.records if r.path == "/dunes.jpg?thumb"]
    assert tries == [404, 404, 404]  # the first try and two more
    assert page.execute_script(
        "return getComputedStyle(document.querySelector('.tile.no-thumb img')).display") \
        == "none"
