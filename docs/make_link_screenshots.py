"""Take the screenshots of a share link's page (issue 18) with the real server and headless
Chromium at a phone's size (375x812): docs/link-page-phone.png (a folder link's grid of photos,
as the person the link was sent to sees it) and docs/link-pin-phone.png (a link with a PIN
asking for it).

    python docs/make_link_screenshots.py

Needs chromium and chromium-driver (as the browser tests do); no display.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from docs.page_screenshots import chromium, make_share, shoot, thumbnails_shown
from server.config import ServerConfig
from server.engine import ServerEngine
from server.links import LinkStore

LINK = "/.well-known/pier/l/"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root, config = Path(tmp, "Family photos"), Path(tmp, "config")
        root.mkdir()
        config.mkdir()
        make_share(root)
        store = LinkStore(config / "links.toml")
        week = time.time() + 7 * 86400
        folder = store.create(root / "Holidays 2025", "folder", expires=week)
        guarded = store.create(root / "Documents" / "Ferry tickets.pdf", "file", expires=week,
                               pin="4821-beach")
        store.close()
        engine = ServerEngine()
        engine.start(ServerConfig(root=root, port=0, server_name="Mia's laptop",
                                  links_file=config / "links.toml"))
        base = f"http://127.0.0.1:{engine.port}"
        try:
            driver = chromium(375, 812, phone=True)
            try:
                driver.get(base + LINK + folder.token + "/")
                driver.execute_script("localStorage.setItem('pier-view', 'grid')")
                driver.get(base + LINK + folder.token + "/")
                thumbnails_shown(driver)
                shoot(driver, "link-page-phone.png")
                driver.get(base + LINK + guarded.token)
                shoot(driver, "link-pin-phone.png")
            finally:
                driver.quit()
        finally:
            engine.stop()


if __name__ == "__main__":
    main()
