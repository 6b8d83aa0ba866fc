"""Take docs/readme.png: a folder's listing with its README rendered below it, in headless
Chromium, and docs/markdown-view.png: a Markdown file as a page (?view).

Run from the repository, e.g.:
    python docs/make_readme_screenshot.py
No window and no display: the engine runs headless on a throw-away folder. Needs chromium and
chromium-driver (as the browser tests do).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server.config import ServerConfig
from server.engine import ServerEngine

DOCS = Path(__file__).resolve().parent
LISTING_OUT = DOCS / "readme.png"
VIEW_OUT = DOCS / "markdown-view.png"
FILES = {"IMG_2041.jpg": 3_400_000, "IMG_2042.jpg": 2_900_000, "IMG_2057.jpg": 3_100_000,
         "route.gpx": 48_000}
README = """# Hiking week, September

Photos and tracks from the week in the mountains. Take what you like; please
don't re-share the ones with faces outside the family.

## What is where

| Folder | What |
|--------|------|
| `day-1/` | The lake and the first hut |
| `day-2/` | Ridge walk, **the** sunrise |
| `route.gpx` | The whole route, for your phone's map app |

- Full-size originals are here; ask if you want them smaller.
- Videos follow next week.

To fetch everything at once: *Download folder as .zip* above, or

```sh
curl -O http://pier.local:8080/hiking/route.gpx
```

> The sunrise photo is `IMG_2057.jpg`. <script>alert("this stays text")</script>
"""
NOTES = """# Packing list

1. Boots, broken in
2. Rain jacket
3. ~~Tent~~ (we sleep in huts)

See the [README](README.md) for the photos.
"""


def shoot(url: str, out: Path, width: int) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", f"--window-size={width},900",
                 "--force-device-scale-factor=1"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(url)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(height + 140, 1800))  # + the browser's own chrome
        driver.save_screenshot(str(out))
    finally:
        driver.quit()
    print(f"saved {out}")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="pier-readme-") as tmp:
        share = Path(tmp) / "Shared"
        folder = share / "hiking"
        for day in ("day-1", "day-2"):
            (folder / day).mkdir(parents=True)
        for name, size in FILES.items():
            (folder / name).write_bytes(os.urandom(size))
        (folder / "README.md").write_text(README, encoding="utf-8")
        (folder / "packing.md").write_text(NOTES, encoding="utf-8")
        engine = ServerEngine()
        engine.start(ServerConfig(root=share, port=0, server_name="Pier"))
        try:
            base = f"http://127.0.0.1:{engine.port}"
            shoot(f"{base}/hiking/", LISTING_OUT, 1100)
            shoot(f"{base}/hiking/packing.md?view", VIEW_OUT, 900)
        finally:
            engine.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
