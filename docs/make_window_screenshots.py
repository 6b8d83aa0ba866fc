"""Take the first-run screenshots of issue 22: the real window on a screen of a given size.

    python docs/make_window_screenshots.py first-run        -> docs/first-run.png
    python docs/make_window_screenshots.py sharing          -> docs/sharing-WxH.png
    python docs/make_window_screenshots.py close-question   -> docs/close-question.png

Run each under a display of the size wanted, e.g. (trayer gives a system tray):
    xvfb-run -a -s "-screen 0 1280x720x24" python docs/make_window_screenshots.py sharing
Uses a throw-away config dir, so your own settings are untouched. Each run starts from a first
run: the window opens at its default size, fitted to the screen, and is grabbed with what
covers it (a question box).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import sys
import urllib.request
from pathlib import Path
from typing import Any

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent
FILES = ("Holiday photos/beach.jpg", "Holiday photos/sunset.jpg", "Documents/report.pdf",
         "Music/song.mp3", "notes.txt")


def make_share(root: Path) -> Path:
    for name in FILES:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(20_000))
    return root


def grab(window: Any, out: Path) -> None:
    """The window's area of the screen, with any box shown over it."""
    from PySide6.QtGui import QGuiApplication

    frame = window.frameGeometry()
    screen = window.screen() or QGuiApplication.primaryScreen()
    shot = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    shot.save(str(out))
    print(f"saved {out} ({shot.width()}x{shot.height()}, screen "
          f"{screen.geometry().width()}x{screen.geometry().height()})")


async def settle(seconds: float = 0.6) -> None:
    await asyncio.sleep(seconds)  # paint and a few stats ticks (a script, not a test)


async def share_on_lan(window: Any, share: Path) -> None:
    from PySide6.QtWidgets import QPushButton

    window.findChild(QPushButton, "firstRunLanButton").click()
    window.share_panel.set_folder(str(share))
    window.share_panel.port_spin.setValue(0)
    task = window.request_start()
    await task
    base = window.controller.urls[0]
    for path in ("", "notes.txt", "Holiday%20photos/", "Holiday%20photos/beach.jpg", "missing"):
        await asyncio.to_thread(fetch, base + path)


def fetch(url: str) -> None:
    with contextlib.suppress(OSError):
        urllib.request.urlopen(url, timeout=5).read()


async def scenario(window: Any, mode: str, share: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    window.show()
    await settle()
    if mode == "first-run":
        grab(window, DOCS / "first-run.png")
    elif mode == "sharing":
        await share_on_lan(window, share)
        await settle(1.2)
        screen = window.screen().geometry()
        grab(window, DOCS / f"sharing-{screen.width()}x{screen.height()}.png")
    elif mode == "close-question":
        await share_on_lan(window, share)
        port = window.controller.port
        with socket.create_connection(("127.0.0.1", port)):
            while not window.controller.activity().busy:
                await asyncio.sleep(0.05)

            def answer() -> None:
                box = QApplication.activeModalWidget()
                if not isinstance(box, QMessageBox):
                    QTimer.singleShot(100, answer)
                    return
                grab(window, DOCS / "close-question.png")
                box.findChild(object, "closeCancelButton").click()

            QTimer.singleShot(800, answer)
            window.close()  # asks; the timer grabs the box and answers Cancel
            await settle(0.2)
    await window.request_quit()


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else "sharing"
    with throwaway_config() as tmp:
        share = make_share(tmp / "Shared")
        run_in_window(lambda window: scenario(window, mode, share), use_tray=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
