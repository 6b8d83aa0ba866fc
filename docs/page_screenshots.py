"""Take the page's screenshots of issue 16 with the real server and headless Chromium:
docs/page-grid.png (desktop), docs/page-grid-phone.png (375x812), docs/page-gallery.png,
docs/page-search.png and docs/page-readme.png.

    python docs/page_screenshots.py

The share is made up in a throw-away folder: landscape-like photos drawn with Pillow, a short
video made with ffmpeg (when it is on PATH), sounds, documents and READMEs. Needs chromium and
chromium-driver (as the browser tests do); no display.
"""

from __future__ import annotations

import math
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from server.config import ServerConfig
from server.engine import ServerEngine

DOCS = Path(__file__).resolve().parent
PHOTO_SIZE = (1600, 1200)
# sky top, sky at the horizon, sun, land (far to near), water or None
PALETTES = [
    ((38, 84, 160), (150, 200, 235), (255, 248, 220), [(96, 120, 150), (58, 92, 84), (34, 64, 44)],
     (60, 120, 170)),
    ((40, 30, 90), (250, 140, 90), (255, 210, 120), [(110, 70, 110), (70, 40, 80), (40, 24, 50)],
     (120, 70, 110)),
    ((20, 110, 190), (170, 225, 245), (255, 255, 235), [(140, 170, 190), (90, 140, 110),
                                                       (200, 180, 120)], (30, 150, 180)),
    ((10, 16, 40), (40, 60, 110), (235, 235, 250), [(40, 50, 80), (24, 32, 56), (12, 18, 32)],
     None),
    ((250, 170, 90), (255, 225, 170), (255, 250, 230), [(190, 120, 90), (140, 80, 60),
                                                        (90, 50, 40)], None),
    ((70, 140, 200), (210, 230, 240), (255, 255, 245), [(230, 235, 245), (120, 140, 160),
                                                        (60, 90, 70)], (90, 140, 170)),
]
ROOT_README = """# Family share

Photos, videos and music from this year, shared from Ana's laptop.

- **Holidays 2025**: the summer by the sea (open a photo, then use the arrow keys)
- **Music**: the playlist from the road trip
- **Documents**: tickets and the packing list

Anything you upload goes to *Uploads*. Questions: ask Ana.
"""


def lerp(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, ...]:
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def ridge(rng: random.Random, width: int, base: int, height: int) -> list[tuple[int, int]]:
    """A mountain ridge: the sum of a few sine waves, closed down to the picture's bottom."""
    waves = [(rng.uniform(0.5, 3.5), rng.uniform(0, 6.3), rng.uniform(0.2, 1.0))
             for _ in range(4)]
    points = []
    for x in range(0, width + 20, 20):
        y = sum(a * math.sin(f * x / width * 6.3 + p) for f, p, a in waves)
        points.append((x, int(base - height * (0.5 + y / 4))))
    return [*points, (width, 10_000), (0, 10_000)]


def photo(seed: int) -> Image.Image:
    rng = random.Random(seed)
    sky_top, horizon, sun, lands, water = PALETTES[seed % len(PALETTES)]
    width, height = PHOTO_SIZE
    image = Image.new("RGB", PHOTO_SIZE)
    draw = ImageDraw.Draw(image)
    sea_level = int(height * rng.uniform(0.58, 0.7))
    for y in range(sea_level):
        draw.line([(0, y), (width, y)], fill=lerp(sky_top, horizon, (y / sea_level) ** 1.4))
    sx, sy, radius = rng.randrange(200, width - 200), rng.randrange(150, sea_level - 150), 70
    glow = Image.new("RGB", PHOTO_SIZE, sun)
    mask = Image.new("L", PHOTO_SIZE, 0)
    ImageDraw.Draw(mask).ellipse([sx - 3 * radius, sy - 3 * radius, sx + 3 * radius,
                                  sy + 3 * radius], fill=110)
    image.paste(glow, mask=mask.filter(ImageFilter.GaussianBlur(90)))
    draw.ellipse([sx - radius, sy - radius, sx + radius, sy + radius], fill=sun)
    for index, land in enumerate(lands):
        base = sea_level - 60 + index * 70 if water is None or index < 2 else sea_level + 200
        if water is not None and index == 2:
            continue
        draw.polygon(ridge(rng, width, base, 260 - 60 * index), fill=land)
    if water is not None:
        for y in range(sea_level, height):
            t = (y - sea_level) / (height - sea_level)
            draw.line([(0, y), (width, y)], fill=lerp(lerp(horizon, water, 0.6), water, t))
        for _ in range(120):  # the sun's glitter on the water
            y = rng.randrange(sea_level + 5, height)
            half = rng.randrange(10, 60)
            x = sx + int(rng.gauss(0, 40 + (y - sea_level) / 4))
            draw.line([(x - half, y), (x + half, y)], fill=lerp(water, sun, 0.7), width=3)
    return image.filter(ImageFilter.SMOOTH)


def tone(path: Path, seconds: float, pitch: float) -> None:
    rate = 8000
    frames = b"".join(struct.pack("<h", int(6000 * math.sin(2 * math.pi * pitch * i / rate)))
                      for i in range(int(seconds * rate)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)


def make_share(root: Path) -> None:
    holidays = root / "Holidays 2025"
    for folder in ("Beach", "Boat trip", "Market"):
        (holidays / folder).mkdir(parents=True)
    for index in range(30):
        photo(index).save(holidays / f"IMG_{2041 + index}.jpg", quality=88)
    for index, name in enumerate(("beach-morning", "beach-picnic", "beach-sunset")):
        photo(40 + index).save(holidays / "Beach" / f"{name}.jpg", quality=88)
    photo(50).save(holidays / "Boat trip" / "beach-from-the-boat.jpg", quality=88)
    if shutil.which("ffmpeg"):
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-loop", "1", "-i",
                        str(holidays / "IMG_2043.jpg"), "-t", "2", "-vf",
                        "scale=640:480,zoompan=z='1+0.002*on':d=50:s=640x480", "-r", "25",
                        "-c:v", "libvpx", "-b:v", "800k", str(holidays / "Arriving by boat.webm")],
                       check=True)
    music = root / "Music"
    music.mkdir()
    for index, name in enumerate(("01 Morning.wav", "02 Road.wav", "03 Beach bonfire.wav")):
        tone(music / name, 2.0, 330 + 110 * index)
    documents = root / "Documents"
    documents.mkdir()
    (documents / "Packing list.txt").write_text("sun cream\nhats\nthe beach umbrella\n")
    (documents / "Ferry tickets.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 48_000)
    (root / "README.md").write_text(ROOT_README, encoding="utf-8")
    (root / "Beach house.txt").write_text("Key under the blue pot.\n")


def chromium(width: int, height: int, phone: bool = False):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 f"--window-size={width},{height}", "--force-device-scale-factor=1",
                 "--autoplay-policy=no-user-gesture-required"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {  # the page, without the
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": phone})  # window
    return driver


def wait(driver, script: str) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30, poll_frequency=0.1).until(lambda d: d.execute_script(script))


def thumbnails_shown(driver) -> None:
    """Every thumbnail in sight has arrived (or given up)."""
    in_sight = ("Array.from(document.querySelectorAll('#grid img'))"
                ".filter(i => i.getBoundingClientRect().top < innerHeight)")
    wait(driver, f"return {in_sight}.every(i => i.closest('.has-thumb, .no-thumb'))")
    driver.execute_async_script(  # decoded and painted (decoding=async: after the load event)
        f"const done = arguments[arguments.length - 1];"
        f"Promise.allSettled({in_sight}.map(i => i.decode())).then(() => "
        f"requestAnimationFrame(() => requestAnimationFrame(done)));")


def shoot(driver, name: str) -> None:
    driver.save_screenshot(str(DOCS / name))
    print(f"saved {DOCS / name}")


def grid_view(driver, base: str, path: str) -> None:
    driver.get(base + "/")
    driver.execute_script("localStorage.setItem('pier-view', 'grid')")
    driver.get(base + path)
    thumbnails_shown(driver)


def take(base: str) -> None:
    desktop = chromium(1280, 800)
    try:
        grid_view(desktop, base, "/Holidays%202025/")
        shoot(desktop, "page-grid.png")
        desktop.find_element("css selector", "#grid a[href$='IMG_2046.jpg']").click()
        wait(desktop, "const i = document.querySelector('#gallery img');"
                      "return i && i.complete && i.naturalWidth > 0")
        shoot(desktop, "page-gallery.png")
        desktop.execute_script("localStorage.setItem('pier-view', 'list')")
        desktop.get(base + "/?q=beach")
        if desktop.find_elements("css selector", "#listing.search-results"):
            wait(desktop, "return document.querySelector('#listing.sorted')")
            shoot(desktop, "page-search.png")
        else:
            print("no search results page (search not in this build): skipped")
        desktop.get(base + "/")
        if desktop.find_elements("id", "readme"):
            desktop.execute_script("document.getElementById('readme').scrollIntoView("
                                   "{block: 'end'})")
            shoot(desktop, "page-readme.png")
        else:
            print("no README section on the page (markdown not in this build): skipped")
    finally:
        desktop.quit()
    phone = chromium(375, 812, phone=True)
    try:
        grid_view(phone, base, "/Holidays%202025/")
        shoot(phone, "page-grid-phone.png")
    finally:
        phone.quit()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="pier-shots-") as tmp:
        root = Path(tmp) / "Family share"
        make_share(root)
        engine = ServerEngine()
        ffmpeg = shutil.which("ffmpeg")  # video posters; the entry points pass it the same way
        engine.start(ServerConfig(root=root, port=0, server_name="Family share",
                                  ffmpeg=Path(ffmpeg) if ffmpeg else None))
        try:
            take(f"http://127.0.0.1:{engine.port}")
        finally:
            engine.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
