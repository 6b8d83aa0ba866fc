"""Issue 21's zip cells: a folder of 10,000 small files and one of 100,000 zipped by Pier
(``?format=zip``) and by copyparty (``?zip``: stored entries, data descriptors, UTF-8 names,
the same kind of archive), in the same run; npm http-server and nginx have no zip.

    python bench/run.py --cells zip [--rounds 3]
    python bench/scale.py --cells zip

- Data (made once in the bench cache folder, bench/media_data.cache_dir()): ``zip/files-10k/``
  (10,000 files of 100 B to 4 KiB, random bytes) and ``zip/files-100k/`` (100,000 such files
  in one folder: its listing and the central directory are what a zip must hold).
- Each server zips the 10,000 files once before the rounds (not counted: first-use costs stay
  out). Each fetch is one ``curl`` (one connection, the archive written to a temporary file), timed
  from the request to the last byte; then the archive is checked with ``zipfile`` (entry count,
  every CRC: ``testzip``). The order of the servers rotates from round to round; the ratio is
  taken inside a round (copyparty's time ÷ Pier's: above 1 is Pier faster), then the median.
- Server memory: VmRSS (/proc) just before each fetch and its peak sampled every 20 ms during
  it (psutil); the rise is peak minus before. Server CPU: the user + system time the server
  process spent during the fetch (psutil), which a busy machine disturbs far less than the
  wall time; its ratio is shown beside the time's (the target is on time).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import copyparty_peer
import media_data
import run
from media_bench import text_table
from search_bench import vm_rss_mib

SETS = (("1k", 1_000), ("10k", 10_000), ("100k", 100_000))  # how the cost grows
PIER, COPYPARTY = "pier", "copyparty"
TIMEOUT = 600.0
TARGET_RATIO, TARGET_RSS_MIB = 1.0, 32.0
DATA_VERSION = 1


@dataclass
class Fetch:
    server: str
    files: str  # "1k", "10k" or "100k"
    round: int
    seconds: float
    bytes: int
    entries: int  # files in the archive (folders not counted)
    intact: bool  # zipfile found no bad CRC
    rss_before_mib: float | None
    rss_rise_mib: float | None  # peak during the fetch minus before
    cpu_s: float | None  # the server's CPU time (user + system) spent meanwhile


# ---- the data ------------------------------------------------------------------------------------

def prepare(progress: Callable[[str], None], base: Path | None = None) -> Path:
    """The folder holding ``files-1k/``, ``files-10k/`` and ``files-100k/`` (made once)."""
    root = (base or media_data.cache_dir()) / "zip"
    for label, count in SETS:
        make_files(root, f"files-{label}", count, progress)
    return root


def make_files(root: Path, name: str, count: int, progress: Callable[[str], None]) -> Path:
    """``count`` files of 100 B to 4 KiB in ``root/name``, unless a complete set is there. The
    stamp lies beside the folder, so it is in no archive."""
    folder, stamp_file = root / name, root / f".{name}.json"
    stamp = {"count": count, "version": DATA_VERSION}
    try:
        if json.loads(stamp_file.read_text()) == stamp:
            return folder
    except (OSError, ValueError):
        pass
    progress(f"zip: making {count:,} small files in {folder}")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(count)
    for i in range(count):
        (folder / f"file {i:06d}.txt").write_bytes(rng.randbytes(rng.randint(100, 4096)))
    stamp_file.write_text(json.dumps(stamp))
    return folder


# ---- one fetch -----------------------------------------------------------------------------------

def fetch(server: run.Server, url: str, dest: Path) -> tuple[float, int]:
    """(seconds to the last byte, bytes) of one GET written to ``dest``."""
    argv = ["curl", "-s", "-o", str(dest), "--max-time", str(int(TIMEOUT)),
            "-w", "%{http_code} %{size_download} %{time_total}", url]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT + 10).stdout.split()
    if len(out) != 3 or out[0] != "200":
        raise RuntimeError(f"zip from {server.name} failed: {out}")
    return float(out[2]), int(out[1])


def check_archive(path: Path) -> tuple[int, bool]:
    """(files in it, every CRC right)."""
    with zipfile.ZipFile(path) as archive:
        files = sum(1 for info in archive.infolist() if not info.is_dir())
        return files, archive.testzip() is None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of the process so far (psutil), None when it cannot be read."""
    try:
        import psutil
        times = psutil.Process(pid).cpu_times()
    except Exception:  # psutil absent or the process gone
        return None
    return times.user + times.system


def measure(server: run.Server, url: str, label: str, rnd: int, tmp: Path) -> Fetch:
    dest = tmp / f"{server.name}-{label}.zip"
    pid = server.proc.pid
    before = vm_rss_mib(pid)
    cpu_before = cpu_seconds(pid)
    with run.RssSampler([pid], interval=0.02) as rss:
        seconds, size = fetch(server, url, dest)
    cpu_after = cpu_seconds(pid)
    peak = rss.peak_mib
    entries, intact = check_archive(dest)
    dest.unlink()
    return Fetch(server.name, label, rnd, seconds, size, entries, intact, before,
                 peak - before if peak is not None and before is not None else None,
                 None if cpu_before is None or cpu_after is None else cpu_after - cpu_before)


def zip_url(server: run.Server, folder: str) -> str:
    query = "?format=zip" if server.name == PIER else "?zip"
    return f"{server.url}{folder}/{query}"


# ---- the cells -----------------------------------------------------------------------------------

def start_servers(root: Path, tmp: Path, notes: list[str]) -> dict[str, run.Server]:
    (tmp / "config").mkdir()
    env = dict(os.environ, PIER_CONFIG_DIR=str(tmp / "config"))
    servers = {PIER: run.pier_server(PIER, root, env)}
    if why := copyparty_peer.missing():
        notes.append(f"copyparty skipped: {why}")
    else:
        servers[COPYPARTY] = copyparty_peer.start(COPYPARTY, root, tmp / "hist")
    return servers


def run_cells(rounds: int, seconds: int, generator: str, progress: Callable[[str], None]
              ) -> dict:
    if not shutil.which("curl"):
        raise run.CellSkipped("curl is not installed")
    root = prepare(progress)
    notes = ["npm http-server and nginx have no zip: no rows for them"]
    fetches: list[Fetch] = []
    with tempfile.TemporaryDirectory(prefix="pier-bench-zip-") as tmp_name:
        tmp = Path(tmp_name)
        servers = start_servers(root, tmp, notes)
        try:
            for server in servers.values():  # first-use costs (threads, imports) stay out
                fetch(server, zip_url(server, "files-10k"), tmp / "warm-up.zip")
            order = list(servers)
            for rnd in range(rounds):
                progress(f"zip round {rnd + 1}/{rounds} (load average {os.getloadavg()[0]:.2f})")
                shift = rnd % len(order)
                for label, _count in SETS:
                    for name in order[shift:] + order[:shift]:
                        server = servers[name]
                        one = measure(server, zip_url(server, f"files-{label}"), label, rnd, tmp)
                        fetches.append(one)
                        progress(f"  {name} {label}: {one.seconds:.3f} s, {one.entries:,} "
                                 f"files, RSS rise {_mib(one.rss_rise_mib)}")
        finally:
            for server in servers.values():
                run.stop(server)
    return {"notes": notes, "fetches": [asdict(f) for f in fetches],
            "copyparty": copyparty_peer.version() if COPYPARTY in servers else None,
            "files": {label: count for label, count in SETS}, "rounds": rounds,
            "load_avg_1m": os.getloadavg()[0], "when": time.strftime("%Y-%m-%d %H:%M %Z")}


def _mib(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} MiB"


# ---- what is printed -----------------------------------------------------------------------------

def ratios(result: dict, label: str, peer: str = COPYPARTY, key: str = "seconds"
           ) -> list[float]:
    """Per round: the peer's time (or CPU time) ÷ Pier's (above 1: Pier is faster)."""
    by_round: dict[int, dict[str, float]] = {}
    for f in result["fetches"]:
        if f["files"] == label and f.get(key):
            by_round.setdefault(f["round"], {})[f["server"]] = f[key]
    return [r[peer] / r[PIER] for r in by_round.values() if PIER in r and peer in r]


def _ratio_text(values: list[float]) -> str:
    if not values:
        return ""
    return f"{statistics.median(values):.2f}x ({min(values):.2f}-{max(values):.2f})"


def table_lines(result: dict, markdown: bool = False) -> list[str]:
    body = []
    for label, count in SETS:
        for name in (PIER, COPYPARTY):
            runs = [f for f in result["fetches"] if (f["files"], f["server"]) == (label, name)]
            if not runs:
                continue
            rises = [f["rss_rise_mib"] for f in runs if f["rss_rise_mib"] is not None]
            cpus = [f["cpu_s"] for f in runs if f.get("cpu_s") is not None]
            body.append([
                f"{count:,} small files", name,
                f"{statistics.median(f['seconds'] for f in runs):.3f} s",
                f"{min(f['seconds'] for f in runs):.3f} s",
                f"{statistics.median(f['bytes'] for f in runs) / 2**20:.1f} MiB",
                f"{min(f['entries'] for f in runs):,}"
                + ("" if all(f["intact"] for f in runs) else " BAD CRC"),
                f"{max(rises):.1f}" if rises else "",
                f"{statistics.median(cpus):.3f} s" if cpus else "",
                "" if name == PIER else _ratio_text(ratios(result, label, name)),
                "" if name == PIER else _ratio_text(ratios(result, label, name, "cpu_s"))])
    lines = [f"note: {note}" for note in result["notes"]]
    if result.get("copyparty"):
        lines.append(f"copyparty {result['copyparty']}")
    lines += text_table(["zip of", "server", "median", "best", "archive", "files",
                         "RSS rise MiB (max)", "server CPU", "this ÷ pier (time)",
                         "this ÷ pier (CPU)"], body, markdown, left=2)
    return lines


def check_targets(result: dict) -> list[run.Verdict]:
    verdicts = []
    speed = ratios(result, "10k")
    verdicts.append(run.Verdict(
        "zip, 10,000 small files", f">= {TARGET_RATIO:g}x copyparty (its time ÷ Pier's)",
        _ratio_text(speed) or "copyparty not measured",
        statistics.median(speed) >= TARGET_RATIO if speed else None))
    big = [f for f in result["fetches"] if f["server"] == PIER and f["files"] == "100k"]
    rises = [f["rss_rise_mib"] for f in big if f["rss_rise_mib"] is not None]
    complete = all(f["entries"] == 100_000 and f["intact"] for f in big)
    verdicts.append(run.Verdict(
        "zip, 100,000 files", f"server RSS rise <= {TARGET_RSS_MIB:g} MiB, archive complete",
        (f"max {max(rises):.1f} MiB over {len(rises)} zips"
         + ("" if complete else "; INCOMPLETE or bad CRC")) if rises else "not sampled",
        max(rises) <= TARGET_RSS_MIB and complete if rises else None))
    return verdicts
