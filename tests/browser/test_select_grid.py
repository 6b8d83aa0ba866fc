"""Selecting in the grid view (select.js on grid.js's tiles) in headless Chromium: a checkbox per
tile (out of sight until hover, focus or a selection, always on touch screens), Ctrl-click and
Shift-click on tiles, the same toolbar, the selection kept across the list and the grid, and a
move of what the grid selected."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import browser_missing, wait_until

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

from tests.browser.selecting import (  # noqa: E402
    make_share,
    names_shown,
    open_folder_in_picker,
    open_page,
    pick,
    selection_count,
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_share(tmp_path)


def tile(driver, name: str):
    return driver.find_element(By.CSS_SELECTOR, f'#grid .tile-link[title="{name}"]')


def tile_box(driver, name: str):
    return driver.find_element(By.CSS_SELECTOR, f'#grid input.pick[aria-label="Select {name}"]')


def opacity(element) -> str:
    return element.value_of_css_property("opacity")


def selected_tiles(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#grid .tile.selected'))"
        ".map(t => t.querySelector('.tile-name').textContent)")


def modified_click(driver, element, key: str) -> None:
    ActionChains(driver).key_down(key).click(element).key_up(key).perform()


def grid_view(driver, running) -> None:
    open_page(driver, running)
    driver.find_element(By.ID, "viewToggle").click()
    wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#grid .tile input.pick"))


def test_grid_selection_by_clicks_and_a_move(page, server_factory, folder):
    running = server_factory(folder, upload=True, modify=True)
    grid_view(page, running)
    page.find_element(By.TAG_NAME, "h1").click()  # the pointer away from the tiles
    assert opacity(tile_box(page, "notes.txt")) == "0"  # out of sight at rest
    ActionChains(page).move_to_element(tile(page, "notes.txt")).perform()
    assert opacity(tile_box(page, "notes.txt")) == "1"  # shown on hover
    modified_click(page, tile(page, "notes.txt"), Keys.CONTROL)  # picks it, opens nothing
    assert len(page.window_handles) == 1 and page.current_url.endswith(f"{running.port}/")
    assert selected_tiles(page) == ["notes.txt"] and selection_count(page) == "1 selected"
    page.find_element(By.TAG_NAME, "h1").click()
    assert opacity(tile_box(page, "song.mp3")) == "1"  # every box shows once one is picked
    modified_click(page, tile(page, "song.mp3"), Keys.SHIFT)  # the range notes.txt..song.mp3
    assert selected_tiles(page) == ["notes.txt", "plan.md", "song.mp3"]
    tile_box(page, "plan.md").click()  # a box leaves one out again
    assert selected_tiles(page) == ["notes.txt", "song.mp3"]
    assert page.find_element(By.ID, "selection-bar").is_displayed()
    assert selection_count(page) == "2 selected"
    # the list shows the same selection, and back in the grid it is still there
    page.find_element(By.ID, "viewToggle").click()
    assert page.execute_script(
        "return Array.from(document.querySelectorAll('#listing tr.selected a'))"
        ".map(a => a.textContent)") == ["notes.txt", "song.mp3"]
    pick(page, "Photos")
    page.find_element(By.ID, "viewToggle").click()
    assert selected_tiles(page) == ["Photos", "notes.txt", "song.mp3"]
    tile_box(page, "Photos").click()
    open_folder_in_picker(page, "select-move", "Photos")
    page.find_element(By.ID, "dialog-ok").click()
    wait_until(page, lambda d: names_shown(d) == ["Photos/", "plan.md"], "the moved tiles gone")
    wait_until(page, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#grid .tile")) == 2)
    assert (folder / "Photos" / "notes.txt").read_text(encoding="utf-8") == "remember the milk\n"
    assert (folder / "Photos" / "song.mp3").exists() and not (folder / "song.mp3").exists()
    assert selected_tiles(page) == [] and not page.find_element(By.ID, "selection-bar") \
        .is_displayed()
    assert opacity(tile_box(page, "plan.md")) == "0"  # nothing selected: back out of sight


def test_keyboard_picks_tiles_and_touch_screens_show_the_boxes(page, server_factory, folder):
    running = server_factory(folder)  # a visitor who may only read: the .zip alone
    grid_view(page, running)
    page.find_element(By.TAG_NAME, "body").send_keys("j")  # grid.js: focus on the first tile
    focused = page.switch_to.active_element
    assert focused.get_attribute("title") == "Photos/"
    assert opacity(tile_box(page, "Photos")) == "1"  # the focused tile shows its box
    focused.send_keys(Keys.SPACE)
    assert selected_tiles(page) == ["Photos"]
    assert page.execute_script(
        "return document.getElementById('selection-status').textContent") == "1 selected"
    assert [e.get_attribute("id") for e in page.find_elements(
        By.CSS_SELECTOR, "#selection-bar button, #selection-bar a")] == [
        "select-zip", "select-clear"]
    page.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    assert selected_tiles(page) == []
    page.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True,
                                                                 "maxTouchPoints": 5})
    try:
        page.refresh()
        wait_until(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#grid .tile input.pick"))
        assert page.execute_script("return matchMedia('(pointer: coarse)').matches")
        assert opacity(tile_box(page, "notes.txt")) == "1"
    finally:
        page.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
