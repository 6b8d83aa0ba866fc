"""Take the screenshots of trusting Pier's HTTPS from a phone (issue 19): docs/trust-page-phone.png
(the trust page a phone opens over plain HTTP from the dialog's QR code, at a phone's size,
the whole page), docs/trust-page-zh_CN-phone.png (the same page for a phone set to Chinese)
and docs/certificate-dialog.png (the real window sharing over HTTPS on the local network, its
Certificate dialog with the QR code of that page and the CA's fingerprint).

    xvfb-run -a -s "-screen 0 1400x1000x24" python docs/make_trust_screenshots.py

Needs chromium and chromium-driver (as the browser tests do) and a display for the window.
Uses a throw-away config dir, so your own settings and keys are untouched.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from docs.page_screenshots import DOCS, chromium
from docs.window_session import run_in_window, throwaway_config

PHONE = (390, 844)


def shoot_trust_page(url: str, language: str = "", name: str = "trust-page-phone.png") -> None:
    """The whole page at a phone's width, as Chromium's mobile emulation lays it out;
    ``language``: the Accept-Language of a phone set to that language ("" = Chromium's)."""
    driver = chromium(*PHONE, phone=True)
    try:
        if language:
            agent = driver.execute_script("return navigator.userAgent")
            driver.execute_cdp_cmd("Network.setUserAgentOverride", {
                "userAgent": agent, "acceptLanguage": language})
        driver.get(url)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": PHONE[0], "height": height, "deviceScaleFactor": 1, "mobile": True})
        driver.set_window_size(PHONE[0], height + 140)
        driver.save_screenshot(str(DOCS / name))
        print(f"saved {DOCS / name}")
    finally:
        driver.quit()


async def scenario(window, share: Path) -> None:
    from app.controller import ServerState

    window.show()
    panel = window.share_panel
    panel.set_folder(str(share))
    panel.scope_combo.setCurrentIndex(1)  # Local network: LAN addresses
    panel.https_check.setChecked(True)
    panel.port_spin.setValue(8443)
    await window.request_start()
    if window.controller.state is not ServerState.RUNNING:  # 8443 taken: let Pier pick one
        panel.port_spin.setValue(0)
        await window.request_start()
    certificate = window.open_certificate_dialog()
    await certificate.last_task
    await asyncio.sleep(0.3)
    certificate.grab().save(str(DOCS / "certificate-dialog.png"))
    print(f"saved {DOCS / 'certificate-dialog.png'}")
    url = certificate.trust_url
    assert url is not None, "no trust page address: is the share running with HTTPS?"
    certificate.close()
    await asyncio.to_thread(shoot_trust_page, url)  # the QR code's address, as a phone would
    await asyncio.to_thread(shoot_trust_page, url, "zh-CN,zh", "trust-page-zh_CN-phone.png")
    await window.request_quit()


def main() -> int:
    with throwaway_config() as tmp:
        share = tmp / "Shared"
        share.mkdir()
        (share / "notes.txt").write_text("hello\n")
        run_in_window(lambda window: scenario(window, share), size=(1360, 960))
    return 0


if __name__ == "__main__":
    sys.exit(main())
