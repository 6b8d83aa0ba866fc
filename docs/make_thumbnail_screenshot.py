"""Take docs/traffic-thumbnails.png: the Traffic tab while visitors browse a folder of photos in
grid view (a thumbnail of every photo) and open some of them: pictures beside the busiest
paths, and the line saying what the thumbnail thread does.

Run under a display, e.g.:
    xvfb-run -a -s "-screen 0 1400x1000x24" python docs/make_thumbnail_screenshot.py
Uses a throw-away config dir. The photos are drawn with Pillow on the spot; a short video gets
a poster when ffmpeg is on PATH.
"""

from __future__ import annotations

import asyncio
import http.client
import math
import shutil
import sys
import threading
from pathlib import Path
from urllib.parse import quote

from PIL import Image, ImageDraw, ImageFilter
from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent
OUT = DOCS / "traffic-thumbnails.png"
VIDEO = DOCS.parent / "tests" / "browser" / "data" / "blue-160x120.webm"
# name: (sky top, sky bottom, ground, sun) colours of a drawn landscape
PHOTOS = {
    "Holiday/sunset.jpg": ((255, 94, 58), (255, 200, 87), (60, 30, 60), (255, 240, 180)),
    "Holiday/beach.jpg": ((40, 150, 230), (170, 225, 250), (240, 215, 150), (255, 250, 210)),
    "Holiday/forest.png": ((120, 200, 240), (210, 240, 250), (30, 110, 50), (255, 255, 220)),
    "Holiday/lake.webp": ((70, 90, 200), (180, 160, 230), (20, 70, 120), (250, 220, 240)),
    "Holiday/desert.jpg": ((250, 170, 80), (250, 225, 160), (200, 120, 50), (255, 255, 230)),
    "Garden/tulips.jpg": ((150, 210, 250), (230, 245, 255), (220, 40, 90), (255, 250, 200)),
    "Garden/night.jpg": ((10, 15, 50), (50, 40, 110), (15, 25, 30), (240, 240, 255)),
    "Garden/meadow.gif": ((100, 180, 255), (200, 230, 255), (120, 190, 40), (255, 230, 120)),
}
GRID = [f"Holiday/grid/{n:02d}.jpg" for n in range(24)]
OPENED = {"Holiday/sunset.jpg": 9, "Holiday/beach.jpg": 7, "Holiday/forest.png": 6,
          "Garden/tulips.jpg": 5, "Holiday/lake.webp": 4, "Garden/night.jpg": 3,
          "Holiday/clip.webm": 3, "Garden/meadow.gif": 2, "Holiday/desert.jpg": 2,
          "notes.txt": 4, "Holiday/itinerary.pdf": 3}


def landscape(colours: tuple[tuple[int, int, int], ...], size: tuple[int, int],
              seed: int) -> Image.Image:
    top, bottom, ground, sun = colours
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    horizon = int(height * (0.55 + 0.1 * math.sin(seed)))
    for y in range(horizon):
        t = y / horizon
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t)
                                                   for a, b in zip(top, bottom, strict=True)))
    radius = height // 9
    cx, cy = int(width * (0.25 + 0.5 * ((seed * 0.37) % 1))), horizon - radius - height // 10
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=sun)
    points = [(0, height)]
    for x in range(0, width + 40, 40):
        points.append((x, horizon + int(height * 0.06 * math.sin(x / 90 + seed))))
    points.append((width, height))
    draw.polygon(points, fill=ground)
    return image.filter(ImageFilter.GaussianBlur(2))


def make_share(root: Path) -> Path:
    for n, (name, colours) in enumerate(PHOTOS.items()):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        landscape(colours, (2400, 1600), n).save(path)
    palette = list(PHOTOS.values())
    for n, name in enumerate(GRID):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        landscape(palette[n % len(palette)], (3000, 2000), n + 3).save(path, quality=90)
    shutil.copyfile(VIDEO, root / "Holiday" / "clip.webm")
    (root / "notes.txt").write_text("Pack the charger.\n" * 200, encoding="utf-8")
    (root / "Holiday" / "itinerary.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 90_000)
    return root


def fetch(port: int, paths: list[str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        for path in paths:
            conn.request("GET", path)
            conn.getresponse().read()
    finally:
        conn.close()


def quoted(name: str) -> str:
    return "/" + quote(name)


def browse(port: int) -> None:
    """Open the photos (downloads), then a grid view of every photo on a few connections."""
    opened = [quoted(name) for name, count in OPENED.items() for _ in range(count)]
    fetch(port, opened)
    thumbs = [quoted(name) + "?thumb" for name in (*PHOTOS, *GRID)]
    threads = [threading.Thread(target=fetch, args=(port, thumbs[n::4])) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


async def scenario(window, share: Path) -> None:
    from app.controller import ServerState

    window.show()
    window.share_panel.set_folder(str(share))
    window.share_panel.port_spin.setValue(0)
    await window.request_start()
    assert window.controller.state is ServerState.RUNNING
    port = window.controller.port
    tabs = window.monitor_tabs
    tabs.setCurrentWidget(tabs.traffic_view)
    await asyncio.to_thread(browse, port)
    # a second visitor scrolls the grid while the shot is taken: thumbnails still being made
    more = [quoted(name) + "?preview" for name in GRID[:12]]
    later = threading.Thread(target=fetch, args=(port, more))
    later.start()
    view = tabs.traffic_view
    for _ in range(100):
        await asyncio.sleep(0.1)
        if "being made" in view.thumbnail_work.text() and _all_icons(view):
            break
    window.grab().save(str(OUT))
    print(f"saved {OUT}: {view.thumbnail_work.text()}")
    later.join()
    await window.request_quit()


def _all_icons(view) -> bool:
    from app.thumbnail_feed import may_have_picture

    paths = list(map(str, view.top_requests_model.keys()))
    return all(view.path_thumbnails.picture(path) is not None
               for path in paths if may_have_picture(path))


def main() -> int:
    with throwaway_config() as tmp:
        share = make_share(tmp / "Photos")
        run_in_window(lambda window: scenario(window, share), size=(1360, 900))
    return 0


if __name__ == "__main__":
    sys.exit(main())
