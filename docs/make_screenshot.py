"""Take docs/screenshot.png: the real window serving a sample folder, with real requests in the log.

Run under a display, e.g.:
    xvfb-run -a -s "-screen 0 1400x900x24" python docs/make_screenshot.py
Uses a throw-away config dir, so your own settings are untouched. Requests are made with curl.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshot.png"
FILES = {
    "Holiday photos/beach.jpg": 240_000, "Holiday photos/sunset.jpg": 310_000,
    "Documents/report-2026.pdf": 120_000, "Documents/budget.xlsx": 40_000,
    "Music/song.mp3": 900_000, "notes.txt": 2_000, "slides.pdf": 80_000,
}
REQUESTS = [
    ("/", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1"),
    ("/Holiday%20photos/", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1"),
    ("/Holiday%20photos/beach.jpg", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/604.1"),
    ("/Holiday%20photos/sunset.jpg", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/604.1"),
    ("/Documents/", "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0"),
    ("/Documents/report-2026.pdf", "Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0"),
    ("/favicon.ico", "Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0"),
    ("/Music/song.mp3", "VLC/3.0.21 LibVLC/3.0.21"),
    ("/notes.txt", "curl/8.5.0"),
    ("/secret/../../etc/passwd", "curl/8.5.0"),
    ("/slides.pdf", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/130.0"),
    ("/Documents/budget.xlsx", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/130.0"),
]


def make_share(root: Path) -> Path:
    for name, size in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(size))
    return root


def curl(url: str, agent: str) -> None:
    subprocess.run(["curl", "-s", "-o", os.devnull, "--path-as-is", "-A", agent, url],
                   check=False, timeout=10)


async def scenario(window, share: Path) -> None:
    from app.controller import ServerState

    window.show()
    window.share_panel.set_folder(str(share))
    window.share_panel.scope_combo.setCurrentIndex(1)  # Local network: shows LAN URLs + QR
    window.share_panel.port_spin.setValue(8000)
    await window.request_start()
    if window.controller.state is not ServerState.RUNNING:  # 8000 taken: let Pier pick one
        window.share_panel.port_spin.setValue(0)
        await window.request_start()
    base = window.controller.urls[0].rstrip("/")
    for _ in range(3):
        for path, agent in REQUESTS:
            await asyncio.to_thread(curl, base + path, agent)
    await asyncio.sleep(1.2)  # a few drain and stats ticks
    window.log_panel.table.selectRow(window.log_panel.visible_count() - 4)
    await asyncio.sleep(0.3)
    window.grab().save(str(OUT))
    print(f"saved {OUT}")
    await window.request_quit()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PIER_CONFIG_DIR"] = str(Path(tmp) / "config")
        import qasync

        from app.main import make_application
        from app.settings import SettingsStore
        from ui.main_window import MainWindow

        app = make_application()
        store = SettingsStore()
        window = MainWindow(store, store.load(), use_tray=False)
        window.resize(1360, 820)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(scenario(window, make_share(Path(tmp) / "Shared")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
