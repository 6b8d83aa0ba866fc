"""What the selection's browser tests share (select.js, changes.js): a small share, and ways
to pick entries, read the toolbar and press keys as a visitor does."""

from __future__ import annotations

from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.browser.conftest import wait_until


def make_share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "Photos" / "2025").mkdir(parents=True)
    (root / "Photos" / "beach.jpg").write_bytes(b"\xff\xd8" + b"j" * 500)
    (root / "notes.txt").write_text("remember the milk\n", encoding="utf-8")
    (root / "plan.md").write_text("# plan\n", encoding="utf-8")
    (root / "song.mp3").write_bytes(b"m" * 8000)
    return root


def names_shown(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#listing tbody tr[data-mtime]'))"
        ".map(r => r.querySelector('a').textContent)")


def pick(driver, name: str, *, shift: bool = False, where: str = "#listing") -> None:
    box = driver.find_element(By.CSS_SELECTOR, f'{where} input.pick[aria-label="Select {name}"]')
    if shift:
        ActionChains(driver).key_down(Keys.SHIFT).click(box).key_up(Keys.SHIFT).perform()
    else:
        box.click()


def selection_count(driver) -> str:
    return driver.find_element(By.CLASS_NAME, "selection-count").text


def press(driver, *keys: str) -> None:
    ActionChains(driver).send_keys(*keys).perform()


def ctrl_a(driver) -> None:
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).perform()


def open_page(driver, running, path: str = "/") -> None:
    driver.get(f"http://127.0.0.1:{running.port}{path}")
    driver.execute_script("localStorage.removeItem('pier-view')")  # the list, whatever came before
    driver.get(f"http://127.0.0.1:{running.port}{path}")
    wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "input.pick"))


def open_folder_in_picker(driver, button_id: str, folder: str) -> None:
    """Move to… or Copy to…, then into `folder` (a child of the page's folder)."""
    driver.find_element(By.ID, button_id).click()
    wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#picker .picker-folder"))
    choices = driver.find_elements(By.CSS_SELECTOR, "#picker .picker-folder")
    next(choice for choice in choices if choice.text == folder + "/").click()
    wait_until(driver, lambda d: d.find_element(By.ID, "picker-path").text.endswith(
        "/" + folder + "/"))
