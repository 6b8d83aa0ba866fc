"""Take the screenshots of the page's selection (issue 17) with the real server and headless
Chromium: docs/page-selection.png (three rows selected, the selection toolbar) and
docs/page-move-dialog.png (Move to…, browsing into a folder).

    python docs/make_select_screenshots.py

The share is made up in a throw-away folder; needs chromium and chromium-driver.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from docs.page_screenshots import chromium, shoot, wait
from server.config import ServerConfig
from server.engine import ServerEngine

FILES = {
    "Budget 2026.ods": 48_000, "Invoice 0141.pdf": 120_000, "Invoice 0142.pdf": 118_000,
    "Invoice 0143.pdf": 131_000, "Meeting notes.md": 3_400, "Office photo.jpg": 2_400_000,
    "Price list.xlsx": 64_000,
}
FOLDERS = ("Archive/2024", "Archive/2025", "Clients/Acme", "Clients/Northwind", "Invoices",
           "Templates")


def make_share(root: Path) -> None:
    for folder in FOLDERS:
        (root / folder).mkdir(parents=True)
    for name, size in FILES.items():
        (root / name).write_bytes(b"x" * size)


def take(base: str) -> None:
    driver = chromium(1100, 620)
    try:
        driver.get(base + "/")
        wait(driver, "return document.querySelectorAll('input.pick').length > 0")
        for name in ("Invoice 0141.pdf", "Invoice 0142.pdf", "Invoice 0143.pdf"):
            driver.execute_script(
                "document.querySelector(`input.pick[aria-label=\"Select ${arguments[0]}\"]`)"
                ".click()", name)
        shoot(driver, "page-selection.png")
        driver.find_element("id", "select-move").click()
        wait(driver, "return document.querySelectorAll('#picker .picker-folder').length > 0")
        driver.execute_script(
            "Array.from(document.querySelectorAll('#picker .picker-folder'))"
            ".find(b => b.textContent === 'Clients/').click()")
        wait(driver, "return document.getElementById('picker-path').textContent === '/Clients/'")
        shoot(driver, "page-move-dialog.png")
    finally:
        driver.quit()


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
