"""Take docs/traffic.png and docs/clients.png: the real window serving while a load runs.

Run under a display, e.g.:
    xvfb-run -a -s "-screen 0 1400x1000x24" python docs/make_traffic_screenshots.py [--seconds 90]

Uses a throw-away config dir. The load runs in another process, from several loopback source
addresses (127.0.0.x), so the Clients tab has more than one row: keep-alive page and file
requests in waves, some errors, wrk bursts when /usr/bin/wrk exists, and a few large downloads
held back by a per-device limit so that running transfers show their progress.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import multiprocessing
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent
TRAFFIC_OUT = DOCS / "traffic.png"
CLIENTS_OUT = DOCS / "clients.png"
FILES = {"index.html": 3_000, "photos/beach.jpg": 240_000, "photos/sunset.jpg": 310_000,
         "docs/report.pdf": 120_000, "music/song.mp3": 900_000, "notes.txt": 2_000}
PATHS = ["/", "/photos/", "/photos/beach.jpg", "/photos/sunset.jpg", "/docs/report.pdf",
         "/notes.txt", "/notes.txt", "/index.html", "/favicon.ico"]
BIG = "/videos/holiday.mp4"
BIG_SIZE = 2 * 1024**3


def make_share(root: Path) -> Path:
    for name, size in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(size))
    (root / "videos").mkdir()
    with open(root / BIG.lstrip("/"), "wb") as handle:
        handle.truncate(BIG_SIZE)  # sparse
    return root


# ---- load (another process) -----------------------------------------------------------------

def _browser(port: int, source: str, deadline: float, pause: float) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10,
                                      source_address=(source, 0))
    index = 0
    while time.monotonic() < deadline:
        try:
            conn.request("GET", PATHS[index % len(PATHS)])
            conn.getresponse().read()
        except OSError:
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10,
                                              source_address=(source, 0))
        index += 1
        wave = 0.5 + 0.5 * abs(((time.monotonic() / 20) % 2) - 1)  # slow waves of activity
        time.sleep(pause / wave)
    conn.close()


def _downloader(port: int, source: str, deadline: float) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10,
                                      source_address=(source, 0))
    try:
        conn.request("GET", BIG)
        response = conn.getresponse()
        while time.monotonic() < deadline and response.read(65536):
            pass
    except OSError:
        pass
    conn.close()


def _wrk_bursts(port: int, deadline: float) -> None:
    wrk = shutil.which("wrk")
    if not wrk:
        return
    while time.monotonic() + 14 < deadline:
        time.sleep(8)
        subprocess.run([wrk, "-t1", "-c4", "-d5s", f"http://127.0.0.1:{port}/notes.txt"],
                       capture_output=True, check=False, timeout=30)


def run_load(port: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=_browser, args=(port, f"127.0.0.{10 + i}", deadline,
                                                       0.01 * (i + 1)))
               for i in range(5)]
    threads += [threading.Thread(target=_downloader, args=(port, f"127.0.0.{40 + i}", deadline))
                for i in range(3)]
    threads.append(threading.Thread(target=_wrk_bursts, args=(port, deadline)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


# ---- the window -------------------------------------------------------------------------------

async def scenario(window, share: Path, seconds: float) -> None:
    from app.controller import ServerState
    from ui.clients_view import select_key

    window.show()
    panel = window.share_panel
    panel.set_folder(str(share))
    panel.port_spin.setValue(0)
    limits = window.monitor_tabs.limits_panel
    limits.client_rate.spin.setValue(1)  # 1 MiB/s per device
    limits.total_rate.spin.setValue(20)
    limits.apply_limits()
    await window.request_start()
    assert window.controller.state is ServerState.RUNNING
    load = multiprocessing.get_context("spawn").Process(
        target=run_load, args=(window.controller.port, seconds + 5))
    load.start()
    await asyncio.sleep(seconds)
    tabs = window.monitor_tabs
    tabs.setCurrentWidget(tabs.traffic_view)
    await asyncio.sleep(1.5)
    window.grab().save(str(TRAFFIC_OUT))
    print(f"saved {TRAFFIC_OUT}")
    tabs.setCurrentWidget(tabs.clients_view)
    window.controller.share_control.ban("192.0.2.0/24")  # a documentation network
    select_key(tabs.clients_view.clients_table, "127.0.0.12")
    await asyncio.sleep(1.5)
    window.grab().save(str(CLIENTS_OUT))
    print(f"saved {CLIENTS_OUT}")
    load.terminate()
    load.join()
    await window.request_quit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=90.0)
    args = parser.parse_args()
    with throwaway_config() as tmp:
        share = make_share(tmp / "Shared")
        run_in_window(lambda window: scenario(window, share, args.seconds), size=(1360, 900))
    return 0


if __name__ == "__main__":
    sys.exit(main())
