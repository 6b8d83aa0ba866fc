"""Issue 16's thumbnail cells: 200 phone photos thumbnailed cold by Pier and by copyparty with
the same number of thumbnail threads, a cached thumbnail at c10, and 1 MiB downloads while
Pier's one thumbnail thread is busy.

    python bench/run.py --cells thumbs [--rounds 3] [--seconds 6]

- **Cold thumbnails**: every round and thread count starts each server afresh with an empty
  thumbnail cache (Pier: a new ``PIER_CONFIG_DIR``, whose ``cache/`` holds them; copyparty: a
  new ``--hist``), makes one warm-up thumbnail of a photo outside the measured set (imports,
  first-use costs), then asks for all 200 thumbnails over ``CONNECTIONS`` keep-alive
  connections, each taking the next photo when its answer is complete. The time is from the
  first request to the last answer. The photos are read once before, so both servers find them
  in the page cache. Who goes first alternates by round.
- **Cached**: then ``IMG_0001.jpg``'s thumbnail, already made, at 10 connections (wrk, else
  bench/loadgen.py) on the same servers.
- **Downloads while thumbnailing**: Pier with one thumbnail thread; the 1 MiB file at 10
  connections idle, and while two connections keep asking for thumbnails of the 2,000-photo
  folder (each a new photo, so each is made), which keeps the thumbnail thread busy for the
  whole window. Idle and busy alternate which goes first.

A thumbnail counts as made when the answer is 200 image/jpeg and Pillow reads it as a JPEG;
anything else is counted as a placeholder (copyparty's SVG icon, an error).
"""

from __future__ import annotations

import http.client
import io
import os
import statistics
import subprocess
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import copyparty_peer
import media_data
import run

CONNECTIONS = 4  # the client's connections while thumbnails are made cold
THREADS = (1, 2)  # thumbnail threads: Pier's default, and one per core here
CACHED_CONNECTIONS = 10
BUSY_CONNECTIONS = 2  # connections asking for cold thumbnails while downloads are measured
TIMEOUT = 120.0
TARGET_COLD_RATIO, TARGET_CACHED_RPS, TARGET_BUSY_RATIO = 1.0, 5000.0, 0.6
PIER, COPYPARTY = "pier", "copyparty"


def pier_has_thumbnails() -> str:
    """Why Pier cannot be measured here ("" when it can): `--thumb-threads` is the sign."""
    done = subprocess.run([*run.PIER, "serve", "--help"], cwd=run.REPO, capture_output=True,
                          text=True, timeout=60)
    if "--thumb-threads" not in done.stdout:
        return "this Pier has no thumbnails yet (no --thumb-threads in `pier serve --help`)"
    return ""


def thumb_query(server: str) -> str:
    return "?thumb" if server == PIER else "?th=j"


# ---- fetching thumbnails --------------------------------------------------------------------

@dataclass
class Fetched:
    seconds: float
    made: int = 0
    placeholders: int = 0
    retries: int = 0
    statuses: Counter = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    jpeg_bytes: list[int] = field(default_factory=list)
    long_sides: list[int] = field(default_factory=list)


def is_jpeg(body: bytes) -> tuple[int, int] | None:
    """The picture's size when ``body`` is a JPEG Pillow can open, else None."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(body)) as image:
            return image.size if image.format == "JPEG" else None
    except (UnidentifiedImageError, OSError):
        return None


class Fetcher:
    """GETs of ``paths`` over ``connections`` keep-alive connections, each taking the next path
    when its answer is complete; until the paths run out or ``stop`` is set."""

    def __init__(self, base_url: str, paths: list[str], connections: int) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.paths, self.connections = paths, connections
        self.next, self.lock = 0, threading.Lock()
        self.stop = threading.Event()
        self.first_answer = threading.Event()
        self.answers: list[tuple[int, str, bytes, float]] = []
        self.errors: list[str] = []
        self.retries = 0  # 503 answers (with Retry-After) asked again after the wait

    def _take(self) -> str | None:
        with self.lock:
            if self.stop.is_set() or self.next >= len(self.paths):
                return None
            self.next += 1
            return self.paths[self.next - 1]

    def _loop(self) -> None:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        try:
            while (path := self._take()) is not None:
                began = time.perf_counter()
                while True:
                    conn.request("GET", path)
                    response = conn.getresponse()
                    body = response.read()
                    if response.status != 503 or self.stop.is_set():
                        break
                    with self.lock:  # "too many are being made": as a client would, wait
                        self.retries += 1
                    time.sleep(float(response.getheader("Retry-After") or 1))
                took = time.perf_counter() - began
                with self.lock:
                    self.answers.append((response.status,
                                         response.getheader("Content-Type", ""), body, took))
                self.first_answer.set()
        except (OSError, http.client.HTTPException) as err:
            self.errors.append(f"{type(err).__name__}: {err}")
        finally:
            conn.close()

    def start(self) -> list[threading.Thread]:
        threads = [threading.Thread(target=self._loop, daemon=True)
                   for _ in range(self.connections)]
        for thread in threads:
            thread.start()
        return threads

    def run(self) -> Fetched:
        began = time.perf_counter()
        for thread in self.start():
            thread.join()
        return self.summary(time.perf_counter() - began)

    def summary(self, seconds: float) -> Fetched:
        out = Fetched(seconds, retries=self.retries)
        for status, ctype, body, took in self.answers:
            out.statuses[f"{status} {ctype.split(';')[0]}"] += 1
            out.latencies.append(took)
            size = is_jpeg(body) if status == 200 and ctype.startswith("image/jpeg") else None
            if size is None:
                out.placeholders += 1
                continue
            out.made += 1
            out.jpeg_bytes.append(len(body))
            out.long_sides.append(max(size))
        if self.errors:
            out.statuses[f"connection errors: {self.errors[0]}"] += len(self.errors)
        return out


# ---- the servers ------------------------------------------------------------------------------

def start_server(name: str, data: media_data.Dataset, tmp: Path, threads: int) -> run.Server:
    """``name`` sharing the data sets with ``threads`` thumbnail threads and a cold cache."""
    state = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=tmp))
    if name == PIER:
        env = dict(os.environ, PIER_CONFIG_DIR=str(state))
        return run.pier_server(PIER, data.root, env, "--thumb-threads", str(threads))
    return copyparty_peer.start(COPYPARTY, data.root, state, "--th-mt", str(threads))


def warm_up(server: run.Server, data: media_data.Dataset) -> None:
    """One thumbnail of a photo outside the measured 200, so first-use costs stay out."""
    path = data.url_path(data.grid[-1]) + thumb_query(server.name)
    fetched = Fetcher(server.url, [path], 1).run()
    if fetched.made != 1:
        raise RuntimeError(f"{server.name} made no warm-up thumbnail: {dict(fetched.statuses)}")


def read_photos(paths: list[Path]) -> None:
    """Read every photo once, so both servers find them in the page cache."""
    for path in paths:
        with open(path, "rb") as f:
            while f.read(4 * 2**20):
                pass


# ---- the cells --------------------------------------------------------------------------------

@dataclass
class ColdRun:
    server: str
    threads: int
    round: int
    seconds: float
    made: int
    placeholders: int
    retries: int
    statuses: dict[str, int]
    p50_ms: float
    max_ms: float
    mean_kb: float
    long_side: int
    peak_rss_mib: float | None
    cached_rps: float | None = None
    cached_p99_ms: float | None = None
    cached_non_2xx: int = 0


def cold_run(name: str, data: media_data.Dataset, tmp: Path, threads: int, rnd: int,
             seconds: int, generator: str) -> ColdRun:
    server = start_server(name, data, tmp, threads)
    try:
        warm_up(server, data)
        paths = [data.url_path(p) + thumb_query(name) for p in data.photos]
        with run.RssSampler(server.pids()) as rss:
            fetched = Fetcher(server.url, paths, CONNECTIONS).run()
        ordered = sorted(fetched.latencies) or [0.0]
        out = ColdRun(name, threads, rnd, fetched.seconds, fetched.made, fetched.placeholders,
                      fetched.retries, dict(fetched.statuses), ordered[len(ordered) // 2] * 1000,
                      ordered[-1] * 1000,
                      statistics.mean(fetched.jpeg_bytes) / 1000 if fetched.jpeg_bytes else 0,
                      max(fetched.long_sides, default=0), rss.peak_mib)
        if threads == THREADS[0]:  # the cached rate once per round: thread count is moot
            cached = run.drive(server, paths[0], CACHED_CONNECTIONS, seconds, generator)
            out.cached_rps, out.cached_p99_ms = cached.ok_per_s, cached.p99_ms
            out.cached_non_2xx = cached.non_2xx + cached.errors
        return out
    finally:
        run.stop(server)


@dataclass
class BusyRun:
    round: int
    first: str
    idle_mb_s: float
    busy_mb_s: float
    ratio: float
    idle_p99_ms: float
    busy_p99_ms: float
    thumbs_made: int  # during the busy window
    thumbs_per_s: float
    thumb_statuses: dict[str, int]
    thumb_retries: int


def download_rate(server: run.Server, path: str, seconds: int, generator: str
                  ) -> tuple[float, float]:
    result = run.drive(server, path, CACHED_CONNECTIONS, seconds, generator)
    return result.ok_per_s * 2**20 / 1e6, result.p99_ms


def busy_run(data: media_data.Dataset, tmp: Path, rnd: int, seconds: int, generator: str
             ) -> BusyRun:
    server = start_server(PIER, data, tmp, 1)
    download = data.url_path(data.download)
    try:
        warm_up(server, data)
        run.warm_up(server, [download])
        measured: dict[str, tuple[float, float]] = {}
        order = ("idle", "busy") if rnd % 2 == 0 else ("busy", "idle")
        stream = Fetcher(server.url, [data.url_path(p) + "?thumb" for p in data.grid[:-1]],
                         BUSY_CONNECTIONS)
        made = 0
        thumbs = Fetched(0.0)
        for kind in order:
            if kind == "idle":
                measured[kind] = download_rate(server, download, seconds, generator)
                continue
            threads = stream.start()
            if not stream.first_answer.wait(TIMEOUT):
                raise RuntimeError("no thumbnail came back within the timeout")
            before, began = len(stream.answers), time.perf_counter()
            measured[kind] = download_rate(server, download, seconds, generator)
            took = time.perf_counter() - began
            made = len(stream.answers) - before
            stream.stop.set()
            for thread in threads:
                thread.join(TIMEOUT)
            thumbs = stream.summary(took)
        (idle, idle_p99), (busy, busy_p99) = measured["idle"], measured["busy"]
        return BusyRun(rnd, order[0], idle, busy, busy / idle if idle else 0.0, idle_p99,
                       busy_p99, made, made / thumbs.seconds if thumbs.seconds else 0.0,
                       dict(thumbs.statuses), thumbs.retries)
    finally:
        run.stop(server)


def run_cells(rounds: int, seconds: int, generator: str, progress: Callable[[str], None]
              ) -> dict:
    data = media_data.prepare(progress, tree=False)
    notes: list[str] = []
    servers = [PIER, COPYPARTY]
    for name, why in ((PIER, pier_has_thumbnails()), (COPYPARTY, copyparty_peer.missing())):
        if why:
            notes.append(f"{name} skipped: {why}")
            servers.remove(name)
            progress(f"thumbs: {notes[-1]}")
    read_photos(data.photos)
    cold: list[ColdRun] = []
    busy: list[BusyRun] = []
    with tempfile.TemporaryDirectory(prefix="pier-bench-thumbs-") as tmp_name:
        tmp = Path(tmp_name)
        for rnd in range(rounds):
            progress(f"thumbs round {rnd + 1}/{rounds} (load average {os.getloadavg()[0]:.2f})")
            for threads in THREADS:
                shift = rnd % max(1, len(servers))
                for name in servers[shift:] + servers[:shift]:
                    one = cold_run(name, data, tmp, threads, rnd, seconds, generator)
                    cold.append(one)
                    progress(f"  {name}, {threads} thread(s): 200 thumbnails in "
                             f"{one.seconds:.2f} s ({one.made} made)"
                             + (f"; cached {one.cached_rps:,.0f} req/s" if one.cached_rps
                                else ""))
            if PIER in servers:
                busy.append(busy_run(data, tmp, rnd, seconds, generator))
                b = busy[-1]
                progress(f"  1 MiB downloads: idle {b.idle_mb_s:,.0f} MB/s, while thumbnailing "
                         f"{b.busy_mb_s:,.0f} MB/s ({b.ratio:.2f}x; {b.thumbs_made} made)")
    return {"photos": len(data.photos), "connections": CONNECTIONS, "notes": notes,
            "copyparty": copyparty_peer.version() if COPYPARTY in servers else None,
            "photo_mean_mb": sum(p.stat().st_size for p in data.photos) / len(data.photos) / 1e6,
            "cold": [asdict(c) for c in cold], "busy": [asdict(b) for b in busy]}


# ---- what run.py prints -------------------------------------------------------------------------

def _stats(values: list[float]) -> tuple[float, float, float] | None:
    return (statistics.median(values), min(values), max(values)) if values else None


def _ratio(result: dict, threads: int, key: str) -> tuple[float, float, float] | None:
    """Pier ÷ copyparty of ``key``, taken inside each round; median, min, max."""
    by_round: dict[int, dict[str, float]] = {}
    for c in result["cold"]:
        if c["threads"] == threads and c[key]:
            by_round.setdefault(c["round"], {})[c["server"]] = c[key]
    return _stats([r[PIER] / r[COPYPARTY] for r in by_round.values()
                   if PIER in r and COPYPARTY in r])


def _range(s: tuple[float, float, float] | None, fmt: str, unit: str = "") -> tuple[str, str]:
    if s is None:
        return "-", ""
    return f"{s[0]:{fmt}}{unit}", f"{s[1]:{fmt}}-{s[2]:{fmt}}"


def cold_rows(result: dict) -> list[list[str]]:
    rows = []
    for threads in THREADS:
        for name in (PIER, COPYPARTY):
            runs = [c for c in result["cold"] if (c["server"], c["threads"]) == (name, threads)]
            if not runs:
                continue
            seconds, spread = _range(_stats([c["seconds"] for c in runs]), ".2f", " s")
            rss = [c["peak_rss_mib"] for c in runs if c["peak_rss_mib"]]
            ratio = _ratio(result, threads, "seconds") if name == COPYPARTY else None
            rows.append([name, str(threads), seconds, spread,
                         f"{result['photos'] / statistics.median(c['seconds'] for c in runs):.1f}",
                         f"{min(c['made'] for c in runs)}/{result['photos']}",
                         str(sum(c["placeholders"] for c in runs)),
                         str(sum(c["retries"] for c in runs)),
                         f"{statistics.median(c['mean_kb'] for c in runs):.1f}",
                         str(max(c["long_side"] for c in runs)),
                         f"{max(rss):.0f}" if rss else "-",
                         f"{ratio[0]:.2f}x ({ratio[1]:.2f}-{ratio[2]:.2f})" if ratio else ""])
    return rows


def cached_rows(result: dict) -> list[list[str]]:
    rows = []
    for name in (PIER, COPYPARTY):
        runs = [c for c in result["cold"] if c["server"] == name and c["cached_rps"]]
        if not runs:
            continue
        rate, spread = _range(_stats([c["cached_rps"] for c in runs]), ",.0f", " req/s")
        ratio = _ratio(result, THREADS[0], "cached_rps") if name == COPYPARTY else None
        rows.append([name, rate, spread,
                     f"{statistics.median(c['cached_p99_ms'] for c in runs):.2f}",
                     str(sum(c["cached_non_2xx"] for c in runs)),
                     f"{ratio[0]:.2f}x ({ratio[1]:.2f}-{ratio[2]:.2f})" if ratio else ""])
    return rows


def busy_rows(result: dict) -> list[list[str]]:
    runs = result["busy"]
    if not runs:
        return []

    def row(label: str, key: str, fmt: str, unit: str = "") -> list[str]:
        median, spread = _range(_stats([b[key] for b in runs]), fmt, unit)
        return [label, median, spread, ", ".join(f"{b[key]:{fmt}}" for b in runs)]

    return [row("1 MiB downloads, idle", "idle_mb_s", ",.0f", " MB/s"),
            row("1 MiB downloads, while thumbnailing", "busy_mb_s", ",.0f", " MB/s"),
            row("while thumbnailing / idle", "ratio", ".2f", "x"),
            row("p99 ms, idle", "idle_p99_ms", ".1f"),
            row("p99 ms, while thumbnailing", "busy_p99_ms", ".1f"),
            row("thumbnails made per second meanwhile", "thumbs_per_s", ".1f")]


def text_table(head: list[str], body: list[list[str]], markdown: bool, left: int = 1) -> list[str]:
    """A table: the first ``left`` columns left-aligned, the rest right-aligned."""
    if markdown:
        return (["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
                + ["| " + " | ".join(cells) + " |" for cells in body])
    widths = [max(len(x[i]) for x in [head, *body]) for i in range(len(head))]
    return ["  ".join(c.ljust(w) if i < left else c.rjust(w)
                      for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
            for cells in [head, *body]]


def table_lines(result: dict, markdown: bool = False) -> list[str]:
    lines = [f"note: {note}" for note in result["notes"]]
    photos, conns = result["photos"], result["connections"]
    if cold := cold_rows(result):
        lines += [f"{photos} phone photos (4000x3000, {result['photo_mean_mb']:.1f} MB on "
                  f"average), thumbnails made cold over {conns} connections"
                  + (f"; copyparty {result['copyparty']}" if result["copyparty"] else "") + ":"]
        lines += text_table(["server", "threads", "time", "range", "thumbs/s", "made",
                             "placeholders", "503 retries", "mean KB", "long side", "peak RSS MiB",
                             "pier ÷ this (time)"], cold, markdown)
    if cached := cached_rows(result):
        lines += ["", f"a cached thumbnail at c{CACHED_CONNECTIONS}:"]
        lines += text_table(["server", "rate", "range", "p99 ms", "errors", "pier ÷ this"], cached,
                      markdown)
    if busy := busy_rows(result):
        lines += ["", f"Pier, one thumbnail thread; 1 MiB file at c{CACHED_CONNECTIONS} while "
                      f"{BUSY_CONNECTIONS} connections ask for new thumbnails:"]
        lines += text_table(["", "median", "range", "each round"], busy, markdown)
    return lines


def check_targets(result: dict) -> list[run.Verdict]:
    verdicts = []
    for threads in THREADS:
        ratio = _ratio(result, threads, "seconds")
        verdicts.append(run.Verdict(
            f"200 thumbnails, {threads} thread(s)", "Pier's time <= copyparty's",
            f"{ratio[0]:.2f}x copyparty's time (rounds {ratio[1]:.2f}-{ratio[2]:.2f})"
            if ratio else "not both measured",
            ratio[0] <= TARGET_COLD_RATIO if ratio else None))
    cached = _stats([c["cached_rps"] for c in result["cold"]
                     if c["server"] == PIER and c["cached_rps"]])
    verdicts.append(run.Verdict(
        f"cached thumbnail, c{CACHED_CONNECTIONS}", f">= {TARGET_CACHED_RPS:,.0f} req/s",
        f"{cached[0]:,.0f} req/s (rounds {cached[1]:,.0f}-{cached[2]:,.0f})" if cached
        else "Pier not measured", cached[0] >= TARGET_CACHED_RPS if cached else None))
    busy = _stats([b["ratio"] for b in result["busy"]])
    verdicts.append(run.Verdict(
        "1 MiB downloads while thumbnailing", f">= {TARGET_BUSY_RATIO}x their idle rate",
        f"{busy[0]:.2f}x (rounds {busy[1]:.2f}-{busy[2]:.2f})" if busy else "not measured",
        busy[0] >= TARGET_BUSY_RATIO if busy else None))
    return verdicts
