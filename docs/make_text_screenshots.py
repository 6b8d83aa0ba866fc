"""Take docs/text-window.png (the window after a phone sent a text: the banner with Copy, and
the bar with the text the page shows) and docs/text-card.png (the page's card with that shared
text, in headless Chromium).

Run under a display, e.g.:
    xvfb-run -a -s "-screen 0 1280x800x24" python docs/make_text_screenshots.py
Uses a throw-away config dir, so your own settings are untouched. Needs chromium and
chromium-driver (as the browser tests do).
"""

from __future__ import annotations

import asyncio
import http.client
import os
import sys
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent
WINDOW_OUT = DOCS / "text-window.png"
CARD_OUT = DOCS / "text-card.png"
FILES = {"beach.jpg": 240_000, "notes.txt": 2_000, "slides.pdf": 80_000}
SENT = ("Door code for Saturday: 4711#\nParking is behind the bakery, spot 12.\n"
        "Bring the charger!")
SHARED = "Wi-Fi: PierGuest\nPassword: blue-whale-piano-42\nThe slides are in the folder below."
PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1"


def send_text(port: int) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("POST", "/", body=urlencode({"text": SENT}).encode(),
                     headers={"Content-Type": "application/x-www-form-urlencoded",
                              "User-Agent": PHONE})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def shoot_card(url: str) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1100,700",
                 "--force-device-scale-factor=1"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(url)
        driver.save_screenshot(str(CARD_OUT))
    finally:
        driver.quit()
    print(f"saved {CARD_OUT}")


async def scenario(window, share: Path) -> None:
    window.show()
    window.share_panel.set_folder(str(share))
    window.share_panel.port_spin.setValue(0)
    window.share_panel.upload_check.setChecked(True)
    await window.request_start()
    port = urlsplit(window.controller.urls[0]).port
    window.controller.share_control.texts.share(SHARED)
    received = asyncio.get_running_loop().create_future()
    window.controller.share_control.texts.received.connect(
        lambda event: received.done() or received.set_result(event))
    assert await asyncio.to_thread(send_text, port) == 201
    await received
    await asyncio.sleep(1.2)  # a few drain and stats ticks for the log
    window.grab().save(str(WINDOW_OUT))
    print(f"saved {WINDOW_OUT}")
    await asyncio.to_thread(shoot_card, f"http://127.0.0.1:{port}/")
    await window.request_quit()


def main() -> int:
    with throwaway_config() as tmp:
        share = tmp / "Shared"
        share.mkdir()
        for name, size in FILES.items():
            (share / name).write_bytes(os.urandom(size))
        run_in_window(lambda window: scenario(window, share), size=(1280, 780))
    return 0


if __name__ == "__main__":
    sys.exit(main())
