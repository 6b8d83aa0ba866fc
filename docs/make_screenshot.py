"""Take docs/screenshot.png (the real window serving a sample folder over HTTPS with a login, real
requests in the log), docs/users-dialog.png and docs/certificate-dialog.png.

Run under a display, e.g.:
    xvfb-run -a -s "-screen 0 1400x1000x24" python docs/make_screenshot.py
Uses a throw-away config dir, so your own settings are untouched. Requests are made with curl.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent
OUT = DOCS / "screenshot.png"
USERS_OUT = DOCS / "users-dialog.png"
CERT_OUT = DOCS / "certificate-dialog.png"
USERS = {"alice": ("sunny beach 2026", {"can_upload": True}),
         "bob": ("blue whale piano", {"folders": ["/Holiday photos"]}),
         "guest": ("tea at five", {"enabled": False})}
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


def curl(url: str, agent: str, cafile: Path, user: str = "") -> None:
    login = ["-u", user] if user else []
    subprocess.run(["curl", "-s", "-o", os.devnull, "--path-as-is", "--cacert", str(cafile),
                    "-A", agent, *login, url], check=False, timeout=10)


async def add_users(window) -> None:
    for name, (password, options) in USERS.items():
        await window.accounts.add(name, password, **options)


async def scenario(window, share: Path, tmp: Path) -> None:
    from app.controller import ServerState

    await add_users(window)
    window.show()
    panel = window.share_panel
    panel.set_folder(str(share))
    panel.scope_combo.setCurrentIndex(1)  # Local network: shows LAN URLs + QR
    panel.port_spin.setValue(8443)
    panel.login_check.setChecked(True)
    panel.upload_check.setChecked(True)
    panel.https_check.setChecked(True)
    await window.request_start()
    if window.controller.state is not ServerState.RUNNING:  # 8443 taken: let Pier pick one
        panel.port_spin.setValue(0)
        await window.request_start()
    cafile = tmp / "ca.pem"
    await window.certificates.export_ca(cafile)
    base = window.controller.urls[0].rstrip("/")
    logins = ["alice:sunny beach 2026", "bob:blue whale piano", "", "alice:sunny beach 2026"]
    for round_ in range(3):
        for index, (path, agent) in enumerate(REQUESTS):
            user = logins[(index + round_) % len(logins)]
            await asyncio.to_thread(curl, base + path, agent, cafile, user)
    await asyncio.to_thread(curl, base + "/Documents/", "curl/8.5.0", cafile, "bob:guess")
    await asyncio.sleep(1.2)  # a few drain and stats ticks
    window.log_panel.table.selectRow(window.log_panel.visible_count() - 4)
    await asyncio.sleep(0.3)
    window.grab().save(str(OUT))
    print(f"saved {OUT}")
    await take_dialogs(window)
    await window.request_quit()


async def take_dialogs(window) -> None:
    users = window.open_users_dialog()
    await window.last_task
    users.select_user("bob")
    await asyncio.sleep(0.3)
    users.grab().save(str(USERS_OUT))
    print(f"saved {USERS_OUT}")
    users.close()
    certificate = window.open_certificate_dialog()
    await certificate.last_task
    await asyncio.sleep(0.3)
    certificate.grab().save(str(CERT_OUT))
    print(f"saved {CERT_OUT}")
    certificate.close()


def main() -> int:
    with throwaway_config() as tmp:
        share = make_share(tmp / "Shared")
        run_in_window(lambda window: scenario(window, share, tmp), size=(1360, 960))
    return 0


if __name__ == "__main__":
    sys.exit(main())
