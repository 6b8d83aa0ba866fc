"""Take the screenshots of the page's selection (issue 17) with the real server and headless
Chromium: docs/page-selection.png (three rows selected, the selection toolbar),
docs/page-move-dialog.png (Move to…, browsing into a folder), docs/page-replace-dialog.png
("Replace?" after a move onto taken names) and docs/page-grid-selection.png (photos selected in
the grid).

    python docs/make_select_screenshots.py

The share is made up in a throw-away folder; needs chromium and chromium-driver.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from docs.page_screenshots import chromium, photo, shoot, thumbnails_shown, wait
from server.config import ServerConfig
from server.engine import ServerEngine

FILES = {
    "Budget 2026.ods": 48_000, "Invoice 0141.pdf": 120_000, "Invoice 0142.pdf": 118_000,
    "Invoice 0143.pdf": 131_000, "Meeting notes.md": 3_400, "Office photo.jpg": 2_400_000,
    "Price list.xlsx": 64_000,
}
FOLDERS = ("Archive/2024", "Archive/2025", "Clients/Acme", "Clients/Northwind", "Invoices",
           "Templates")


PHOTOS = 12  # Photos/IMG_3101.jpg and on, drawn like the gallery's


def make_share(root: Path) -> None:
    for folder in FOLDERS:
        (root / folder).mkdir(parents=True)
    for name, size in FILES.items():
        (root / name).write_bytes(b"x" * size)
    for name in ("Invoice 0141.pdf", "Invoice 0142.pdf"):  # taken in Invoices/: "Replace?"
        (root / "Invoices" / name).write_bytes(b"x" * 100_000)
    (root / "Photos").mkdir()
    for index in range(PHOTOS):
        photo(index + 3).save(root / "Photos" / f"IMG_{3101 + index}.jpg", quality=85)


def click_box(driver, scope: str, name: str) -> None:
    driver.execute_script(
        f"document.querySelector(`{scope} input.pick[aria-label=\"Select ${{arguments[0]}}\"]`)"
        ".click()", name)


def take(base: str) -> None:
    driver = chromium(1100, 620)
    try:
        driver.get(base + "/")
        driver.execute_script("localStorage.setItem('pier-view', 'list')")
        driver.get(base + "/")
        wait(driver, "return document.querySelectorAll('input.pick').length > 0")
        for name in ("Invoice 0141.pdf", "Invoice 0142.pdf", "Invoice 0143.pdf"):
            click_box(driver, "#listing", name)
        shoot(driver, "page-selection.png")
        driver.find_element("id", "select-move").click()
        wait(driver, "return document.querySelectorAll('#picker .picker-folder').length > 0")
        driver.execute_script(
            "Array.from(document.querySelectorAll('#picker .picker-folder'))"
            ".find(b => b.textContent === 'Clients/').click()")
        wait(driver, "return document.getElementById('picker-path').textContent === '/Clients/'")
        shoot(driver, "page-move-dialog.png")
        driver.execute_script(
            "Array.from(document.querySelectorAll('#picker .picker-folder'))"
            ".find(b => b.textContent.endsWith('..')).click()")
        wait(driver, "return document.getElementById('picker-path').textContent === '/'")
        driver.execute_script(
            "Array.from(document.querySelectorAll('#picker .picker-folder'))"
            ".find(b => b.textContent === 'Invoices/').click()")
        wait(driver, "return document.getElementById('picker-path').textContent === "
                     "'/Invoices/'")
        driver.find_element("id", "dialog-ok").click()
        wait(driver, "return !!document.getElementById('replace-dialog')")
        wait(driver, "return !Array.from(document.querySelectorAll('#listing a'))"
                     ".some(a => a.textContent === 'Invoice 0143.pdf')")  # it went
        shoot(driver, "page-replace-dialog.png")
        driver.find_element("id", "dialog-cancel").click()
    finally:
        driver.quit()
    grid = chromium(1100, 700)
    try:
        grid.get(base + "/")
        grid.execute_script("localStorage.setItem('pier-view', 'grid')")
        grid.get(base + "/Photos/")
        thumbnails_shown(grid)
        for index in (2, 3, 6):
            click_box(grid, "#grid", f"IMG_{3101 + index}.jpg")
        from selenium.webdriver.common.action_chains import ActionChains

        hovered = grid.find_element("css selector", "#grid .tile-link[title='IMG_3109.jpg']")
        ActionChains(grid).move_to_element(hovered).perform()
        shoot(grid, "page-grid-selection.png")
    finally:
        grid.quit()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="pier-shots-") as tmp:
        root = Path(tmp) / "Office"
        make_share(root)
        engine = ServerEngine()
        engine.start(ServerConfig(root=root, port=0, server_name="Office", upload=True,
                                  modify=True))
        try:
            take(f"http://127.0.0.1:{engine.port}")
        finally:
            engine.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
