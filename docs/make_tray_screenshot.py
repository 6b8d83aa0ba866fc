"""Take docs/tray-menu.png: Pier started as `pier --hidden` would be, sharing a folder on the
local network, with its tray icon's menu opened by a right click.

Needs an X display with a system tray, e.g. Xvfb with trayer (Debian's `trayer` package):
    Xvfb :77 -screen 0 1280x800x24 & export DISPLAY=:77
    trayer --edge top --align right --widthtype pixel --width 460 --height 30 &
    xsetroot -solid "#4a6d8c"   # after trayer: Xvfb resets the root when no client is left
    DISPLAY=:77 python docs/make_tray_screenshot.py

xdotool (if installed) does the right click on the icon; otherwise the menu pops up where the
icon is. ImageMagick's `import` (if installed) takes the picture: the top-right corner of the
screen. Uses a throw-away config dir.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from pathlib import Path

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent
OUT = DOCS / "tray-menu.png"
CROP = (460, 150)  # width, height of the top-right corner kept


async def scenario(window, share: Path) -> None:
    from PySide6.QtGui import QGuiApplication

    from app.controller import ServerState
    from app.main import present
    from app.settings import SCOPE_LAN

    if window.tray is None:
        raise SystemExit("no system tray on this display: start one (see the docstring)")
    panel = window.share_panel
    panel.first_run.answered.emit(SCOPE_LAN)
    panel.set_scope(SCOPE_LAN)
    panel.port_spin.setValue(8000)
    present(window, hidden=True)
    await window.start_sharing(str(share))
    if window.controller.state is not ServerState.RUNNING:  # 8000 taken: any free port
        panel.port_spin.setValue(0)
        await window.start_sharing(str(share))
    await asyncio.sleep(1.0)  # the tray host embeds the icon
    icon = window.tray.icon.geometry()
    centre = icon.center()
    if shutil.which("xdotool") and icon.isValid() and not icon.isEmpty():
        subprocess.run(["xdotool", "mousemove", str(centre.x()), str(centre.y()), "click", "3"],
                       check=True)
    else:
        window.tray.menu.popup(centre)
    await asyncio.sleep(1.0)
    width, height = CROP
    screen = QGuiApplication.primaryScreen().geometry()
    if shutil.which("import"):  # ImageMagick: Qt's grab of the root leaves its colour out
        crop = f"{width}x{height}+{screen.width() - width}+0"
        subprocess.run(["import", "-window", "root", "-crop", crop, "+repage", str(OUT)],
                       check=True)
    else:
        whole = QGuiApplication.primaryScreen().grabWindow(0)
        whole.copy(whole.width() - width, 0, width, height).save(str(OUT))
    print(f"saved {OUT} (icon at {icon.x()},{icon.y()} {icon.width()}x{icon.height()})")
    window.tray.menu.close()
    await window.request_quit()


def main() -> int:
    with throwaway_config() as tmp:
        share = tmp / "Holiday photos"
        share.mkdir()
        (share / "beach.jpg").write_bytes(b"not really a photo")
        run_in_window(lambda window: scenario(window, share), use_tray=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
