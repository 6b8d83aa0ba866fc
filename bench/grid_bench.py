"""Issue 16's grid cell: a folder of 2,000 photos opened in headless Chromium, in Pier's grid
view (and its list view, and copyparty's grid beside them): the page's first paint and first
contentful paint, and how many thumbnails the browser asked for before any scrolling, against
how many tiles lie within the visible part of the page and two more screens below it.

    python bench/run.py --cells grid [--rounds 3]

Chromium and chromedriver as tests/browser use them (Debian's chromium and chromium-driver,
selenium from the project's test extras; PIER_CHROMIUM / PIER_CHROMEDRIVER to point
elsewhere), headless, a fresh profile, the HTTP cache off. Each load: the share's root is
opened first to set the page's remembered view (localStorage ``pier-view``, as the page's
#viewToggle does), then the folder is opened; the paint times are the Performance API's
``paint`` entries, the requests are Chromium's own records (DevTools ``Network`` events from
the performance log) counted until none came for QUIET seconds, and the tiles' positions are
read from the page. "Grid shown" is the first animation frame in which the grid is laid out
with a picture in it (a requestAnimationFrame watcher installed before the page's scripts):
with the grid remembered, the page paints its head first and the grid once grid.js has built
it from the list. LCP is the last largest-contentful-paint candidate once thumbnails came.
Desktop is a 1280x800 window; phone is DevTools' device emulation at
390x844, DPR 3. Layout shift is the sum of the ``layout-shift`` entries (CLS) once the
thumbnails have come.
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import copyparty_peer
import media_data
import run
from media_bench import text_table

CHROMIUM = os.environ.get("PIER_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("PIER_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,800")
VIEW_KEY = "pier-view"  # resources/assets/view.js and grid.js
QUIET = 1.5  # seconds without a new thumbnail request: the page has asked for all it will
SETTLE_TIMEOUT = 30.0
AHEAD_SCREENS = 2
TARGET_PAINT_MS, TARGET_AHEAD_SLACK = 1000.0, 1.1
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True}
PIER, COPYPARTY = "pier", "copyparty"
THUMB_MARKS = {PIER: "?thumb", COPYPARTY: "?th="}

# the tiles' tops and sizes, read from the page (imgs whose URL carries the thumbnail mark)
GEOMETRY_JS = """
const mark = arguments[0];
const imgs = Array.from(document.querySelectorAll('img')).filter(
  i => (i.getAttribute('src') || '').includes(mark) || (i.dataset.src || '').includes(mark));
const tops = imgs.map(i => i.getBoundingClientRect().top + window.scrollY);
return {height: window.innerHeight, tiles: imgs.length, tops: tops,
        grid: !!document.getElementById('viewToggle'),
        rows: document.querySelectorAll('#listing tbody tr').length};
"""
PAINT_JS = """
const nav = performance.getEntriesByType('navigation')[0];
const paint = Object.fromEntries(performance.getEntriesByType('paint')
  .map(e => [e.name, e.startTime]));
return {fp: paint['first-paint'] ?? null, fcp: paint['first-contentful-paint'] ?? null,
        dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
        response_end: nav.responseEnd, html_bytes: nav.encodedBodySize};
"""
# installed before any page script runs: the time of the first frame in which the grid (Pier's
# #grid, copyparty's #ggrid) is laid out with a picture in it (rAF runs just before a paint)
GRID_SHOWN_JS = """
(function () {
  function look() {
    const grid = document.getElementById('grid') || document.getElementById('ggrid');
    if (grid && !grid.hidden && grid.getBoundingClientRect().height > 0
        && grid.querySelector('img')) {
      window.__gridShown = performance.now();
      return;
    }
    requestAnimationFrame(look);
  }
  requestAnimationFrame(look);
})();
"""
LATE_JS = """
const done = arguments[arguments.length - 1];
let cls = 0, lcp = null;
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) cls += e.value;
}).observe({type: 'layout-shift', buffered: true});
new PerformanceObserver(list => {
  for (const e of list.getEntries()) lcp = e.startTime;
}).observe({type: 'largest-contentful-paint', buffered: true});
setTimeout(() => done({cls: cls, lcp: lcp, grid: window.__gridShown ?? null}), 100);
"""


def browser_missing() -> str:
    if importlib.util.find_spec("selenium") is None:
        return "selenium is not installed (pip install -e '.[test]')"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            return f"{path} not found: apt-get install {package}"
    return ""


def chromium_version() -> str:
    done = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=60)
    return done.stdout.strip() or "Chromium"


def launch(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(30)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": GRID_SHOWN_JS})
    return driver


def requested_urls(driver) -> list[str]:
    """The URLs Chromium asked for since the last call (its performance log drains)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


@dataclass
class Load:
    server: str
    view: str  # "grid" or "list"
    device: str  # "desktop" or "phone"
    round: int
    first_paint_ms: float | None
    first_contentful_paint_ms: float | None
    grid_shown_ms: float | None  # the first frame with the grid laid out
    largest_contentful_paint_ms: float | None  # the last LCP candidate, thumbnails in
    dom_content_loaded_ms: float
    load_ms: float
    html_kb: float
    tiles: int
    visible: int
    within_ahead: int  # tiles whose top is above the end of the visible part + AHEAD_SCREENS
    thumbs_requested: int
    settle_s: float
    layout_shift: float
    grid_toggle: bool


def open_folder(driver, server: run.Server, device: str, view: str, rnd: int,
                folder: str) -> Load:
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    if device == "phone":
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    base = server.url.rstrip("/")
    driver.get(base + "/")
    driver.execute_script("localStorage.setItem(arguments[0], arguments[1])", VIEW_KEY, view)
    driver.get("about:blank")
    requested_urls(driver)  # forget what came before
    driver.get(base + folder)  # returns after the load event
    mark = THUMB_MARKS[server.name]
    thumbs: list[str] = []
    began = last_new = time.monotonic()
    while time.monotonic() - last_new < QUIET and time.monotonic() - began < SETTLE_TIMEOUT:
        new = [u for u in requested_urls(driver) if mark in u]
        if new:
            thumbs += new
            last_new = time.monotonic()
        time.sleep(0.1)  # polling Chromium's records until they go quiet
    paint = driver.execute_script(PAINT_JS)  # read late: a paint may come after the load event
    geometry = driver.execute_script(GEOMETRY_JS, mark)
    height = geometry["height"]
    tops = geometry["tops"]
    late = driver.execute_async_script(LATE_JS)
    return Load(server.name, view, device, rnd, paint["fp"], paint["fcp"], late["grid"],
                late["lcp"], paint["dcl"], paint["load"], paint["html_bytes"] / 1000,
                geometry["tiles"], sum(t < height for t in tops),
                sum(t < height * (1 + AHEAD_SCREENS) for t in tops), len(set(thumbs)),
                last_new - began, late["cls"], geometry["grid"])


def start_pier(data: media_data.Dataset, tmp: Path) -> run.Server:
    config = tmp / "pier-config"
    config.mkdir()
    return run.pier_server(PIER, data.root, dict(os.environ, PIER_CONFIG_DIR=str(config)))


def run_cells(rounds: int, seconds: int, generator: str, progress: Callable[[str], None]
              ) -> dict:
    if why := browser_missing():
        raise run.CellSkipped(why)
    data = media_data.prepare(progress, tree=False)
    folder = data.url_path(data.grid[0].parent) + "/"
    notes: list[str] = []
    loads: list[Load] = []
    with tempfile.TemporaryDirectory(prefix="pier-bench-grid-") as tmp_name:
        tmp = Path(tmp_name)
        servers = {PIER: start_pier(data, tmp)}
        driver = None
        try:
            if why := copyparty_peer.missing():
                notes.append(f"copyparty skipped: {why}")
            else:
                servers[COPYPARTY] = copyparty_peer.start(COPYPARTY, data.root, tmp / "hist",
                                                          "--grid")
            driver = launch(tmp / "profile")
            plan = [(PIER, "grid", "desktop"), (PIER, "list", "desktop"),
                    (PIER, "grid", "phone")]
            if COPYPARTY in servers:
                plan += [(COPYPARTY, "grid", "desktop"), (COPYPARTY, "grid", "phone")]
            for rnd in range(rounds):
                progress(f"grid round {rnd + 1}/{rounds} (load average {os.getloadavg()[0]:.2f})")
                shift = rnd % len(plan)
                for name, view, device in plan[shift:] + plan[:shift]:
                    one = open_folder(driver, servers[name], device, view, rnd, folder)
                    loads.append(one)
                    progress(f"  {name} {view} {device}: first paint {_ms(one.first_paint_ms)}, "
                             f"{one.thumbs_requested} thumbnails asked for, "
                             f"{one.within_ahead} tiles within {AHEAD_SCREENS} screens ahead")
                    if name == PIER and view == "grid" and not one.grid_toggle:
                        notes.append("this Pier's page has no #viewToggle: its 'grid' is the list")
        finally:
            if driver is not None:
                driver.quit()
            for server in servers.values():
                run.stop(server)
    return {"photos": len(data.grid), "notes": sorted(set(notes)),
            "chromium": chromium_version(),
            "copyparty": copyparty_peer.version() if COPYPARTY in servers else None,
            "loads": [asdict(one) for one in loads]}


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f} ms"


# ---- what run.py prints -------------------------------------------------------------------------

def _median(values: list) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def table_lines(result: dict, markdown: bool = False) -> list[str]:
    body = []
    seen = []
    for one in result["loads"]:
        key = (one["server"], one["view"], one["device"])
        if key not in seen:
            seen.append(key)
    for server, view, device in seen:
        runs = [x for x in result["loads"] if (x["server"], x["view"], x["device"]) == (
            server, view, device)]

        def med(field: str, runs: list[dict] = runs) -> float | None:
            return _median([x[field] for x in runs])

        body.append([server, view, device, _ms(med("first_paint_ms")),
                     _ms(med("first_contentful_paint_ms")), _ms(med("grid_shown_ms")),
                     _ms(med("largest_contentful_paint_ms")), _ms(med("dom_content_loaded_ms")),
                     _ms(med("load_ms")), f"{med('html_kb'):,.0f}", f"{med('tiles'):.0f}",
                     f"{med('visible'):.0f}", f"{med('within_ahead'):.0f}",
                     f"{med('thumbs_requested'):.0f}",
                     f"{max(x['thumbs_requested'] for x in runs)}",
                     f"{med('layout_shift'):.3f} / {max(x['layout_shift'] for x in runs):.3f}"])
    lines = [f"note: {note}" for note in result["notes"]]
    lines.append(f"a folder of {result['photos']:,} photos in {result['chromium']}"
                 + (f"; copyparty {result['copyparty']} (--grid)" if result["copyparty"]
                    else "") + "; median over rounds:")
    lines += text_table(["server", "view", "device", "first paint", "FCP", "grid shown", "LCP",
                         "DOMContentLoaded",
                         "load", "HTML KB", "tiles", "visible", f"within +{AHEAD_SCREENS} screens",
                         "thumbs asked", "max asked", "CLS median / max"], body, markdown, left=3)
    return lines


def check_targets(result: dict) -> list[run.Verdict]:
    verdicts = []
    for device in ("desktop", "phone"):
        runs = [x for x in result["loads"]
                if (x["server"], x["view"], x["device"]) == (PIER, "grid", device)]
        if not runs:
            continue
        paints = [x["first_paint_ms"] for x in runs]
        toggle = "" if all(x["grid_toggle"] for x in runs) else " (the page has no grid view)"
        worst = None if None in paints else max(paints)
        verdicts.append(run.Verdict(
            f"2,000-photo grid, {device}", f"first paint < {TARGET_PAINT_MS:,.0f} ms",
            f"slowest {_ms(worst)} over {len(runs)} loads (the grid itself: slowest "
            f"{_ms(max((x['grid_shown_ms'] or 0 for x in runs), default=None))})" + toggle,
            None if toggle else worst is not None and worst < TARGET_PAINT_MS))
        over = [x for x in runs if x["thumbs_requested"] > x["within_ahead"] * TARGET_AHEAD_SLACK
                or x["thumbs_requested"] < x["visible"]]
        verdicts.append(run.Verdict(
            f"2,000-photo grid, {device}",
            f"thumbnails asked for: the visible tiles up to those {AHEAD_SCREENS} screens ahead",
            ", ".join(f"{x['thumbs_requested']} of {x['visible']}-{x['within_ahead']}"
                      for x in runs) + toggle, None if toggle else not over))
    return verdicts
