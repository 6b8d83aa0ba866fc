"""Take docs/clients-uploads.png: the Clients tab with unfinished resumable uploads, one paused
and one receiving a chunk.

Run under a display, e.g.:
    xvfb-run -a -s "-screen 0 1280x800x24" python docs/make_upload_screenshot.py

Uses a throw-away config dir. The uploads are real tus requests on loopback from two source
addresses; the receiving one is a PATCH whose body is only partly sent while the shot is taken.
"""

from __future__ import annotations

import asyncio
import base64
import http.client
import os
import socket
import sys
from pathlib import Path

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent
OUT = DOCS / "clients-uploads.png"
TUS = "/.well-known/pier/tus/"
MIB = 1024 * 1024


def _tus(port: int, source: str, method: str, path: str, body: bytes = b"",
         **headers: str) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    fields = {"Tus-Resumable": "1.0.0", "Content-Length": str(len(body)),
              **{k.replace("_", "-"): v for k, v in headers.items()}}
    conn.request(method, path, body=body or None, headers=fields)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def _create(port: int, source: str, name: str, folder: str, length: int) -> str:
    meta = ",".join(f"{key} {base64.b64encode(value.encode()).decode()}"
                    for key, value in (("filename", name), ("folder", folder)))
    answer = _tus(port, source, "POST", TUS, Upload_Length=str(length), Upload_Metadata=meta)
    location = answer.getheader("Location")
    assert answer.status == 201 and location, answer.status
    return location


def _patch(port: int, source: str, url: str, offset: int, data: bytes) -> None:
    answer = _tus(port, source, "PATCH", url, data, Upload_Offset=str(offset),
                  Content_Type="application/offset+octet-stream")
    assert answer.status == 204, answer.status


def make_uploads(port: int) -> socket.socket:
    """A paused upload (two chunks, then nothing) and one receiving its second chunk."""
    paused = _create(port, "127.0.0.21", "beach-day.mov", "/videos/", 48 * MIB)
    for offset in range(0, 20 * MIB, 10 * MIB):
        _patch(port, "127.0.0.21", paused, offset, os.urandom(10 * MIB))
    _tus(port, "127.0.0.21", "HEAD", paused)
    receiving = _create(port, "127.0.0.22", "scan-2024.pdf", "/docs/", 12 * MIB)
    _patch(port, "127.0.0.22", receiving, 0, os.urandom(4 * MIB))
    sock = socket.create_connection(("127.0.0.1", port), source_address=("127.0.0.22", 0))
    sock.sendall((f"PATCH {receiving} HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
                  "Content-Type: application/offset+octet-stream\r\n"
                  f"Upload-Offset: {4 * MIB}\r\nContent-Length: {8 * MIB}\r\n\r\n").encode()
                 + os.urandom(3 * MIB))
    return sock


async def scenario(window, share: Path) -> None:
    from app.controller import ServerState
    from ui.clients_view import select_key
    from ui.traffic_models import KEY_ROLE

    window.show()
    panel = window.share_panel
    panel.set_folder(str(share))
    panel.port_spin.setValue(0)
    panel.upload_check.setChecked(True)
    await window.request_start()
    assert window.controller.state is ServerState.RUNNING
    sock = await asyncio.to_thread(make_uploads, window.controller.port)
    tabs = window.monitor_tabs
    view = tabs.clients_view
    tabs.setCurrentWidget(view)
    while view.uploads_model.rowCount() < 2:
        await asyncio.sleep(0.2)
    await asyncio.sleep(1.5)
    for row in range(view.uploads_model.rowCount()):
        key = view.uploads_model.index(row, 0).data(KEY_ROLE)
        if view.uploads_model.row_of(key).texts[3] == "paused":
            select_key(view.uploads_table, key)
    await asyncio.sleep(0.5)
    window.grab().save(str(OUT))
    print(f"saved {OUT}")
    sock.close()
    await window.request_quit()


def main() -> int:
    with throwaway_config() as tmp:
        share = tmp / "Shared"
        for folder in ("videos", "docs"):
            (share / folder).mkdir(parents=True)
        run_in_window(lambda window: scenario(window, share), size=(1280, 800))
    return 0


if __name__ == "__main__":
    sys.exit(main())
