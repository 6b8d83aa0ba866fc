"""How a listing's cost grows with the folder (issue 21): folders of 1,000 / 10,000 / 100,000
empty files (and 50 folders), listed by Pier, nginx (autoindex) and copyparty in the same run.

Per server and size, the best of ``rounds`` requests (Connection: close, read raw), each
after the folder's mtime was moved on, so no listing cache may answer:
first byte, first entry row (the bytes read until the first row's marker: Pier's
``data-mtime=``, nginx's first link after "../", copyparty's first ``<tr>`` of the body),
complete; the same folder asked again unchanged (Pier answers from its cache); the re-list
after one change (a file added: the folder's mtime changes) and the
server's RSS rise from its start to after listing every size twice as HTML and as JSON
(nginx: HTML only). Ratios are Pier's time over nginx's complete answer, as the targets are
stated: first row <= 2x, complete <= 3x, re-list <= the first listing, RSS rise <= 64 MiB.

Used by bench/scale.py (the driver); run alone with ``python bench/scale_listing.py``.
"""

from __future__ import annotations

import os
import re
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import copyparty_peer  # noqa: E402  (bench/ is not a package)
import run  # noqa: E402

SIZES = (1_000, 10_000, 100_000)
FOLDERS = 50  # of each size's entries, folders (listed first)
FIRST_ROW = {
    "pier": re.compile(rb"data-mtime="),
    "nginx": re.compile(rb'<a href="(?!\.\./)'),
    "copyparty": re.compile(rb"<tbody>\s*<tr>"),
}
JSON_QUERY = {"pier": "?format=json", "copyparty": "?ls"}
TARGETS = {"first row": 2.0, "complete": 3.0}
RSS_TARGET_MIB = 64


@dataclass
class Fetch:
    first_byte: float
    first_row: float | None
    complete: float
    size: int


def make_folders(root: Path, sizes: tuple[int, ...] = SIZES) -> dict[int, Path]:
    """One folder per size, of empty files and FOLDERS folders, readable by nginx's workers."""
    made = {}
    root.chmod(0o755)
    for size in sizes:
        folder = root / f"n{size}"
        folder.mkdir()
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            for n in range(size - FOLDERS):
                os.close(os.open(f"IMG_{n:06d}.jpg", os.O_CREAT | os.O_WRONLY, 0o644,
                                 dir_fd=fd))
            for n in range(FOLDERS):
                os.mkdir(f"album {n:02d}", 0o755, dir_fd=fd)
        finally:
            os.close(fd)
        folder.chmod(0o755)
        made[size] = folder
    return made


def fetch(url: str, marker: re.Pattern[bytes] | None, timeout: float = 300.0) -> Fetch:
    """GET ``url`` on a new connection, timed from before connecting to the end of the body."""
    parts = urlsplit(url)
    target = parts.path + ("?" + parts.query if parts.query else "")
    began = time.perf_counter()
    first_byte = first_row = None
    seen, received = bytearray(), 0
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                     "Connection: close\r\n\r\n".encode())
        while chunk := sock.recv(1 << 18):
            now = time.perf_counter() - began
            first_byte = now if first_byte is None else first_byte
            if first_row is None and marker is not None:
                seen += chunk
                if marker.search(seen):
                    first_row = now
                else:
                    del seen[:-64]  # a marker split across two reads is still found
            received += len(chunk)
    complete = time.perf_counter() - began
    if not seen.startswith(b"HTTP/1.1 200") and first_row is None and marker is not None:
        raise RuntimeError(f"{url}: no entry row in the answer")
    return Fetch(first_byte or complete, first_row, complete, received)


def fetch_changed(url: str, folder: Path, marker: re.Pattern[bytes] | None) -> Fetch:
    """The listing of a folder whose mtime just changed: what no listing cache may answer."""
    stamp = time.time_ns()
    os.utime(folder, ns=(stamp, stamp))
    return fetch(url, marker)


def fetch_added(url: str, folder: Path, marker: re.Pattern[bytes] | None) -> Fetch:
    """The listing again after one file was added to the folder (and then removed)."""
    added = folder / "added after the first listing.txt"
    added.touch()
    try:
        return fetch(url, marker)
    finally:
        added.unlink()


def best(rounds: int, measure: Callable[[], Fetch]) -> Fetch:
    runs = [measure() for _ in range(rounds)]
    return Fetch(min(r.first_byte for r in runs),
                 min((r.first_row for r in runs if r.first_row is not None), default=None),
                 min(r.complete for r in runs), max(r.size for r in runs))


def rss_mib(server: run.Server) -> float | None:
    try:
        import psutil
        return sum(psutil.Process(pid).memory_info().rss for pid in server.pids()) / 2**20
    except Exception:
        return None


def measure_server(name: str, server: run.Server, folders: dict[int, Path], share: Path,
                   rounds: int, progress: Callable[[str], None]) -> dict:
    """This server's cells at every size."""
    kind = name.split()[0]
    result: dict = {"sizes": {}}
    start_rss = rss_mib(server)
    for size, folder in folders.items():
        url = server.url + folder.relative_to(share).as_posix() + "/"
        cell = best(rounds, lambda: fetch_changed(url, folder, FIRST_ROW[kind]))  # noqa: B023
        cached = fetch(url, FIRST_ROW[kind])  # the same folder again, unchanged
        progress(f"{name} {size:,}: first row {cell.first_row}, complete {cell.complete:.3f}")
        for _ in range(2):
            fetch(url, None)
            if kind in JSON_QUERY:
                fetch(url + JSON_QUERY[kind], None)
        relist = best(rounds, lambda: fetch_added(url, folder, FIRST_ROW[kind]))  # noqa: B023
        result["sizes"][size] = {"bytes": cell.size, "unchanged_again": cached.complete,
                                 "first_byte": cell.first_byte, "first_row": cell.first_row,
                                 "complete": cell.complete, "relist": relist.complete,
                                 "rss_mib": rss_mib(server)}
    end_rss = rss_mib(server)
    result["rss_start_mib"], result["rss_end_mib"] = start_rss, end_rss
    result["rss_rise_mib"] = None if None in (start_rss, end_rss) else end_rss - start_rss
    return result


def start_servers(share: Path, tmp: Path, pier_tree: Path | None = None
                  ) -> dict[str, run.Server]:
    """Pier (this tree's, or the checkout at ``pier_tree``: an older commit to compare), nginx
    and copyparty where they are installed."""
    env = dict(os.environ, PIER_CONFIG_DIR=str(tmp / "config"))
    servers = {"pier": run.pier_server("pier", share, env, cwd=pier_tree or run.REPO)}
    if run.shutil.which("nginx"):
        (tmp / "nginx").mkdir()
        servers["nginx"] = run.nginx_servers(share, tmp / "nginx", "1", None, "")[0]
    if not copyparty_peer.missing():
        (tmp / "hist").mkdir()
        servers["copyparty"] = copyparty_peer.start("copyparty", share, tmp / "hist")
    return servers


def run_cells(rounds: int, progress: Callable[[str], None],
              sizes: tuple[int, ...] = SIZES, pier_tree: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="pier-scale-listing-") as name:
        tmp = Path(name)
        tmp.chmod(0o755)  # nginx's workers walk through it
        share = tmp / "share"
        share.mkdir()
        began = time.perf_counter()
        folders = make_folders(share, sizes)
        progress(f"made {sum(sizes):,} entries in {time.perf_counter() - began:.1f} s")
        servers = start_servers(share, tmp, pier_tree)
        try:
            results = {name: measure_server(name, server, folders, share, rounds, progress)
                       for name, server in servers.items()}
        finally:
            for server in servers.values():
                run.stop(server)
    return {"rounds": rounds, "sizes": list(sizes), "servers": results}


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f} s"


def _x(value: float | None, peer: float | None) -> str:
    return "-" if value is None or not peer else f"{value / peer:.2f}x"


def table_lines(result: dict, markdown: bool = False) -> list[str]:
    servers = result["servers"]
    nginx = servers.get("nginx", {}).get("sizes", {})
    head = ["entries", "server", "first byte", "first row", "complete", "again", "re-list",
            "first row / nginx complete", "complete / nginx complete"]
    rows = []
    for size in result["sizes"]:
        peer = nginx.get(size, {}).get("complete")
        for name, measured in servers.items():
            cell = measured["sizes"][size]
            rows.append([f"{size:,}", name, _s(cell["first_byte"]), _s(cell["first_row"]),
                         _s(cell["complete"]), _s(cell["unchanged_again"]),
                         _s(cell["relist"]),
                         _x(cell["first_row"], peer), _x(cell["complete"], peer)])
    rss = [[name, f"{m['rss_rise_mib']:.0f} MiB" if m["rss_rise_mib"] is not None else "-"]
           for name, m in servers.items()]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        lines += ["", "| server | RSS rise, every size listed twice (HTML + JSON) |", "|---|---|"]
        return lines + [f"| {name} | {rise} |" for name, rise in rss]
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True))
             for r in [head, *rows]]
    return lines + [f"RSS rise ({name}, every size twice, HTML + JSON): {rise}"
                    for name, rise in rss]


def check_targets(result: dict) -> list[run.Verdict]:
    servers = result["servers"]
    pier, nginx = servers.get("pier"), servers.get("nginx")
    verdicts = []
    if pier and nginx:
        for size in result["sizes"]:
            mine, peer = pier["sizes"][size], nginx["sizes"][size]["complete"]
            for key, goal in (("first_row", TARGETS["first row"]),
                              ("complete", TARGETS["complete"])):
                value = mine[key]
                ratio = value / peer if value and peer else None
                verdicts.append(run.Verdict(
                    f"{size:,}-entry listing {key.replace('_', ' ')}", f"<= {goal}x nginx",
                    "-" if ratio is None else f"{ratio:.2f}x",
                    ratio is not None and ratio <= goal))
            verdicts.append(run.Verdict(
                f"{size:,}-entry re-list after a change", "<= first listing",
                f"{mine['relist']:.3f} s vs {mine['complete']:.3f} s",
                mine["relist"] <= mine["complete"] * 1.1))  # 10 %: the noise of a busy machine
    if pier and pier["rss_rise_mib"] is not None:
        verdicts.append(run.Verdict("RSS rise after listing every size twice (HTML + JSON)",
                                    f"<= {RSS_TARGET_MIB} MiB",
                                    f"{pier['rss_rise_mib']:.0f} MiB",
                                    pier["rss_rise_mib"] <= RSS_TARGET_MIB))
    return verdicts


if __name__ == "__main__":
    found = run_cells(3, print)
    print("\n".join(table_lines(found)))
