"""Take the screenshots of collect mode's hand-in page (issue 18) with the real server and
headless Chromium: docs/collect-page.png (desktop) and docs/collect-page-phone.png (375x812),
after Ana has handed in three files, with the deadline's countdown.

    python docs/make_collect_screenshots.py

Needs chromium and chromium-driver (as the browser tests do); no display.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from docs.page_screenshots import chromium, shoot, wait
from server.collect import CollectConfig
from server.config import ServerConfig
from server.engine import ServerEngine

FILES = {"Essay - The water cycle.pdf": 284_000, "Lab report.docx": 61_000,
         "Drawing of the experiment.jpg": 1_850_000}


def hand_in(driver, base: str, folder: Path) -> None:
    driver.get(base + "/")
    driver.find_element("id", "who-name").send_keys("Ana Souza")
    driver.find_element("css selector", ".who-form button").click()
    for count, (name, size) in enumerate(FILES.items(), start=1):
        path = folder / name
        path.write_bytes(b"x" * size)
        driver.find_element("id", "hand-in-files").send_keys(str(path))
        driver.find_element("css selector", "form.hand-in button").click()
        wait(driver, f"return document.querySelectorAll('td.name').length === {count}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root, files, config = Path(tmp, "Class 7b"), Path(tmp, "files"), Path(tmp, "config")
        for folder in (root, files, config):
            folder.mkdir()
        (root / "Assignment.pdf").write_bytes(b"x" * 90_000)
        until = time.time() + 2 * 86400 + 5 * 3600 + 600
        engine = ServerEngine()
        engine.start(ServerConfig(root=root, port=0, server_name="Ms. Lee's class",
                                  collect=CollectConfig("Homework week 12", until,
                                                        config / "collect.json")))
        base = f"http://127.0.0.1:{engine.port}"
        try:
            for width, height, phone, name in ((1280, 800, False, "collect-page.png"),
                                               (375, 812, True, "collect-page-phone.png")):
                driver = chromium(width, height, phone)
                try:
                    hand_in(driver, base, files)
                    driver.get(base + "/")
                    shoot(driver, name)
                finally:
                    driver.quit()
        finally:
            engine.stop()


if __name__ == "__main__":
    main()
