"""Take docs/window-zh_CN.png: the real window in Simplified Chinese, sharing a sample folder on
the local network with a login, uploads and real requests in the log.

Run under a display with a CJK font (Debian: fonts-noto-cjk), e.g.:
    xvfb-run -a -s "-screen 0 1400x1000x24" python docs/make_language_screenshot.py [LANGUAGE]
LANGUAGE is one of app.settings.LANGUAGES (zh_CN by default; the file is window-LANGUAGE.png).
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
FILES = {"假期照片/海滩.jpg": 240_000, "假期照片/日落.jpg": 310_000, "文档/报告-2026.pdf": 120_000,
         "音乐/歌曲.mp3": 900_000, "notes.txt": 2_000}
REQUESTS = [
    ("/", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1", ""),
    ("/%E5%81%87%E6%9C%9F%E7%85%A7%E7%89%87/", "Mozilla/5.0 (iPhone) Safari/604.1", ""),
    ("/notes.txt", "curl/8.5.0", "lin:blue whale piano"),
    ("/%E6%96%87%E6%A1%A3/", "Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0", "lin:wrong"),
    ("/%E6%96%87%E6%A1%A3/", "Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0",
     "lin:blue whale piano"),
    ("/missing.txt", "curl/8.5.0", ""),
]


def make_share(root: Path) -> Path:
    for name, size in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(size))
    return root


def curl(url: str, agent: str, user: str) -> None:
    login = ["-u", user] if user else []
    subprocess.run(["curl", "-s", "-o", os.devnull, "-A", agent, *login, url], check=False,
                   timeout=10)


async def scenario(window, share: Path, out: Path) -> None:
    from app.controller import ServerState

    await window.accounts.add("lin", "blue whale piano", can_upload=True)
    window.show()
    panel = window.share_panel
    panel.set_folder(str(share))
    panel.scope_combo.setCurrentIndex(1)  # Local network: LAN addresses and the QR code
    panel.port_spin.setValue(8080)
    panel.login_check.setChecked(True)
    panel.anonymous_combo.setCurrentIndex(1)  # visitors may look and download
    panel.upload_check.setChecked(True)
    await window.request_start()
    if window.controller.state is not ServerState.RUNNING:  # 8080 taken: let Pier pick one
        panel.port_spin.setValue(0)
        await window.request_start()
    base = window.controller.urls[0].rstrip("/")
    for path, agent, user in REQUESTS * 2:
        await asyncio.to_thread(curl, base + path, agent, user)
    await asyncio.sleep(1.2)  # a few drain and stats ticks
    window.log_panel.table.selectRow(window.log_panel.visible_count() - 3)
    await asyncio.sleep(0.3)
    window.grab().save(str(out))
    print(f"saved {out}")
    await window.request_quit()


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    out = DOCS / f"window-{language}.png"
    with throwaway_config() as tmp:
        share = make_share(tmp / "共享")
        run_in_window(lambda window: scenario(window, share, out), size=(1360, 960),
                      language=language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
