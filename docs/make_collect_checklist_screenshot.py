"""Take docs/collect-checklist.png: the window collecting files into "Homework" with a
deadline, a roster of three, two of whom handed in over real HTTP (the hand-in routes), the
third still missing, on the Collect tab.

Run under a display, e.g.:
    xvfb-run -a -s "-screen 0 1280x800x24" python docs/make_collect_checklist_screenshot.py

Uses a throw-away config dir and share.
"""

from __future__ import annotations

import asyncio
import http.client
import sys
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent
OUT = DOCS / "collect-checklist.png"
ROSTER = "Ana García\nBo Li\nZoë Martin"
HAND_INS = (("ana garcia", [("essay.pdf", 182_000), ("sources.txt", 2_400)]),
            ("Bo Li", [("Essay - Bo Li.docx", 41_500)]))


def post(port: int, path: str, body: bytes, ctype: str, cookie: str) -> str:
    """One POST as a browser sends it; the hand-in cookie it sets (or the one it had)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Content-Type": ctype}
    if cookie:
        headers["Cookie"] = f"pier-collect={cookie}"
    try:
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        assert response.status == 303, response.status
        found = response.getheader("Set-Cookie")
    finally:
        conn.close()
    if found:
        jar = SimpleCookie()
        jar.load(found)
        return jar["pier-collect"].value
    return cookie


def hand_in(port: int, name: str, files: list[tuple[str, int]]) -> None:
    cookie = post(port, "/.well-known/pier/collect/name", f"name={name}".encode(),
                  "application/x-www-form-urlencoded", "")
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
             f'filename="{file}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
             + b"x" * size + b"\r\n" for file, size in files]
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    post(port, "/.well-known/pier/collect/files", body,
         f"multipart/form-data; boundary={boundary}", cookie)


async def scenario(window, share: Path) -> None:
    from PySide6.QtCore import QDateTime

    from app.controller import ServerState
    from app.settings import SCOPE_LAN

    window.show()
    panel = window.share_panel
    panel.first_run.answered.emit(SCOPE_LAN)
    panel.set_folder(str(share))
    panel.port_spin.setValue(8000)
    options = panel.collect_options
    options.collect_check.setChecked(True)
    options.name_edit.setText("Homework")
    options.until_check.setChecked(True)
    deadline = (int(time.time()) // 900 + 6) * 900  # a quarter past something, 75-90 min away
    options.until_edit.setDateTime(QDateTime.fromSecsSinceEpoch(deadline))
    view = window.monitor_tabs.collect_view
    view.roster_edit.setPlainText(ROSTER)
    await window.request_start()
    if window.controller.state is not ServerState.RUNNING:  # 8000 taken: let Pier pick one
        panel.port_spin.setValue(0)
        await window.request_start()
    port = window.controller.port
    for name, files in HAND_INS:
        await asyncio.to_thread(hand_in, port, name, files)
    window.monitor_tabs.setCurrentWidget(view)
    for _ in range(100):  # the feed rescans every 2 s
        if view.checklist().handed_in == 2:
            break
        await asyncio.sleep(0.1)
    view.refresh()
    await asyncio.sleep(0.5)
    window.grab().save(str(OUT))
    print(f"saved {OUT}")
    await window.request_quit()


def main() -> int:
    with throwaway_config() as tmp:
        share = tmp / "Class 4B"
        share.mkdir()
        (share / "Reading list.pdf").write_bytes(b"%PDF-1.4\n")
        run_in_window(lambda window: scenario(window, share), size=(1280, 800))
    return 0


if __name__ == "__main__":
    sys.exit(main())
