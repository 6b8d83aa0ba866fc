"""Take docs/error-pages.png (the Limits & access tab with an error pages folder, sharing) and
docs/error-pages-page.png (the owner's 404 page as a browser shows it, Chromium headless).

Run from the repository's root under a display:
    xvfb-run -a -s "-screen 0 1280x900x24" python docs/make_error_pages_screenshot.py
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from pathlib import Path

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))  # this checkout's app/, ui/ and server/
OUT = DOCS / "error-pages.png"
PAGE_OUT = DOCS / "error-pages-page.png"
NOT_FOUND = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{status} {reason}</title>
<style>body{font:18px system-ui,sans-serif;margin:4em auto;max-width:32em;color:#234}
h1{font-size:3em;margin:0;color:#b43} code{background:#eef;padding:.1em .3em}</style></head>
<body><h1>{status}</h1><p>Sorry, <code>{path}</code> is not on the office share.</p>
<p>Ask Maria at the front desk, or go back to <a href="/">the start page</a>.</p></body></html>
"""


async def scenario(window, share: Path, pages: Path) -> None:
    window.show()
    panel = window.share_panel
    panel.folder_edit.setText(str(share))
    panel.port_spin.setValue(0)
    panel.start_button.click()
    await window.last_task
    tabs = window.monitor_tabs
    tabs.setCurrentWidget(tabs.limits_panel)
    box = tabs.limits_panel.error_pages
    box.edit.setText(str(pages))
    box.edit.editingFinished.emit()
    task = window.live.apply_now()
    if task is not None:
        await task
    await asyncio.sleep(0.3)
    window.grab().save(str(OUT))
    print(f"saved {OUT}")
    port = window.controller.port
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        await asyncio.to_thread(subprocess.run, [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            f"--screenshot={PAGE_OUT}", "--window-size=900,500",
            f"http://127.0.0.1:{port}/reports/2024/<draft>.pdf"], check=False,
            capture_output=True, timeout=60)
        print(f"saved {PAGE_OUT}")
    await window.request_quit()


def main() -> int:
    with throwaway_config() as tmp:
        share = tmp / "Office share"
        share.mkdir()
        (share / "welcome.txt").write_text("hello\n", encoding="utf-8")
        pages = tmp / "error-pages"
        pages.mkdir()
        (pages / "404.html").write_text(NOT_FOUND, encoding="utf-8")
        run_in_window(lambda window: scenario(window, share, pages), size=(1100, 760))
    return 0


if __name__ == "__main__":
    sys.exit(main())
