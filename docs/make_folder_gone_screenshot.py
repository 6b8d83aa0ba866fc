"""Take docs/folder-gone.png: the window sharing a folder that was then removed (issue 22 §3),
with the red banner, the status, and the 503 answers in the log.

Run under a display, e.g.:
    xvfb-run -a -s "-screen 0 1400x1000x24" python docs/make_folder_gone_screenshot.py
Uses a throw-away config dir, so your own settings are untouched.
"""

from __future__ import annotations

import asyncio
import http.client
import os
import sys
from pathlib import Path

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent
OUT = DOCS / "folder-gone.png"
FILES = {"beach.jpg": 240_000, "sunset.jpg": 310_000, "notes.txt": 2_000}


def get(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path, headers={"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) "
                                           "Firefox/131.0"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


async def scenario(window, share: Path) -> None:
    from urllib.parse import urlsplit

    window.show()
    window.share_panel.set_folder(str(share))
    window.share_panel.port_spin.setValue(0)
    await window.request_start()
    port = urlsplit(window.controller.urls[0]).port
    for name in ["/", *(f"/{name}" for name in FILES)]:
        await asyncio.to_thread(get, port, name)
    share.rename(share.with_name("unplugged"))
    while window.controller.share_control.health.available:
        await asyncio.sleep(0.05)
    for name in ("/", "/beach.jpg"):
        await asyncio.to_thread(get, port, name)
    await asyncio.sleep(1.2)  # a few drain and stats ticks
    window.grab().save(str(OUT))
    print(f"saved {OUT}")
    await window.request_quit()


def main() -> int:
    with throwaway_config() as tmp:
        share = tmp / "media" / "usb" / "Holiday photos"
        share.mkdir(parents=True)
        for name, size in FILES.items():
            (share / name).write_bytes(os.urandom(size))
        run_in_window(lambda window: scenario(window, share), size=(1280, 780))
    return 0


if __name__ == "__main__":
    sys.exit(main())
