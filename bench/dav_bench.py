"""Issue 17's WebDAV cells: ``PROPFIND Depth: 1`` on a 1,000-entry folder against WsgiDAV and
``rclone serve webdav`` on the same tree, and a 1 GiB ``PUT`` against the page's upload.

    python bench/wsgidav_peer.py install       # once: WsgiDAV (cheroot) in a bench venv
    python bench/run.py --cells dav [--rounds 3] [--seconds 6]

PROPFIND: every server shares one generated folder of 1,000 files (run.py's ``many/``, the
same names and sizes), read-only for Pier. Each is driven by bench/loadgen.py (keep-alive, a
hand-written response reader that takes Content-Length and chunked answers alike) with
CONNECTIONS concurrent connections, the same request again and again: ``Depth: 1`` with an
``allprop`` body, then with the body rclone's webdav backend sends (its seven properties,
two of them ownCloud's that no server here has). Within a round every server runs each cell
once, the order rotating from round to round; the ratios Pier ÷ peer are taken inside the
round, the median over rounds shown with the range. Before the rounds each server's answer
is checked once: 207, 1,001 responses, and how many of them carry a getetag.

PUT: Pier alone, ``--upload``, its own temporary share on the same disk: a 1 GiB random file
(written and fsynced in the temp folder) sent by a plain ``PUT`` (what a WebDAV client sends)
and by a multipart ``POST`` of the same file to the folder (what the page sends), both from
the file with ``socket.sendfile``, who goes first alternating by round; MB/s of each and
PUT ÷ POST inside the round.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

import loadgen
import run
import tus_bench

FOLDER = "/many/"
ENTRIES = 1000
CONNECTIONS = 4
SIZE = 1024**3
TARGETS = {"wsgidav": 5.0, "rclone": 1.0}  # Pier ÷ peer, PROPFIND Depth 1
TARGET_PUT = 0.9  # PUT ÷ multipart POST
WARM_UP = 20  # PROPFINDs per server and body before the rounds
WARM_UP_BYTES = 256 * 2**20  # each upload kind's warm-up

ALLPROP = (b'<?xml version="1.0" encoding="utf-8"?>\n'
           b'<D:propfind xmlns:D="DAV:"><D:allprop/></D:propfind>')
# rclone's webdav backend's listing body (backend/webdav), as tests/server/dav_bodies.py has it
RCLONE_PROPS = b"""<?xml version="1.0"?>
<d:propfind  xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">
 <d:prop>
  <d:displayname />
  <d:getlastmodified />
  <d:getcontentlength />
  <d:resourcetype />
  <d:getcontenttype />
  <oc:checksums />
  <oc:permissions />
 </d:prop>
</d:propfind>
"""
BODIES = {"allprop": ALLPROP, "rclone's props": RCLONE_PROPS}
# Pier remembers a member's answer under its stat and the properties asked
# (server/dav_members.py): this cell asks for one more unknown property, new each time, so
# that nothing is remembered; one connection, one request after the other.
COLD = "rclone's props + a new one each time, c1"
COLD_MAX_REQUESTS = 300
CELLS = (*BODIES, COLD)
HEADERS = ["Depth: 1", "Content-Type: application/xml; charset=utf-8"]
_RESPONSE_END = re.compile(rb"</(?:[\w.-]+:)?response>")
_GETETAG = re.compile(rb"<(?:[\w.-]+:)?getetag[ >]")


# ---- the servers --------------------------------------------------------------------------------

def make_folder(root: Path) -> None:
    """run.py's 1,000-entry folder: the same names and sizes."""
    many = root / FOLDER.strip("/")
    many.mkdir()
    for i in range(ENTRIES):
        (many / f"file-{i:04d}.txt").write_bytes(b"x" * (i % 97))


def rclone_server(root: Path, tmp: Path) -> run.Server:
    """``rclone serve webdav`` on the folder, with its defaults (a VFS without file caching,
    directory listings cached for 5 minutes) and an empty config of its own."""
    port = run.free_port()
    config = tmp / "rclone.conf"
    config.touch()
    proc = subprocess.Popen(
        ["rclone", "serve", "webdav", str(root), "--addr", f"127.0.0.1:{port}",
         "--config", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        run.wait_until_listening(port, proc)
    except RuntimeError:
        run.stop(run.Server("rclone", "", proc))
        raise
    return run.Server("rclone", f"http://127.0.0.1:{port}/", proc)


def rclone_version() -> str:
    done = subprocess.run(["rclone", "version"], capture_output=True, text=True, timeout=60)
    return done.stdout.splitlines()[0] if done.stdout else "?"


def start_servers(root: Path, tmp: Path, env: dict[str, str],
                  progress: Callable[[str], None]) -> tuple[list[run.Server], dict[str, str]]:
    """Pier (plain, read-only), then each peer that is installed; (servers, versions)."""
    import wsgidav_peer

    servers = [run.pier_server("pier", root, env)]
    versions = {"pier": run._git("rev-parse", "--short", "HEAD")}
    if why := wsgidav_peer.missing():
        progress(f"dav cells: no wsgidav rows: {why}")
    else:
        (tmp / "wsgidav-cwd").mkdir()
        servers.append(wsgidav_peer.start("wsgidav", root, tmp / "wsgidav-cwd"))
        versions["wsgidav"] = wsgidav_peer.version()
    if shutil.which("rclone") is None:
        progress("dav cells: no rclone rows: rclone is not installed")
    else:
        servers.append(rclone_server(root, tmp))
        versions["rclone"] = rclone_version()
    return servers, versions


# ---- PROPFIND -----------------------------------------------------------------------------------

def propfind_once(server: run.Server, body: bytes) -> tuple[int, bytes]:
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
    try:
        conn.request("PROPFIND", FOLDER, body, {"Depth": "1",
                                                "Content-Type": "application/xml; charset=utf-8"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def check_answer(server: run.Server, body: bytes) -> dict[str, int]:
    """One PROPFIND looked at: status, responses (the folder and its 1,000 files), how many
    carry a getetag, size of the answer."""
    status, answer = propfind_once(server, body)
    responses = len(_RESPONSE_END.findall(answer))
    if status != 207 or responses != ENTRIES + 1:
        raise RuntimeError(f"{server.name}: PROPFIND answered {status} with {responses} "
                           f"responses, not 207 with {ENTRIES + 1}")
    return {"status": status, "responses": responses, "bytes": len(answer),
            "with_getetag": len(_GETETAG.findall(answer))}


@dataclass
class DavMeasurement:
    cell: str
    server: str
    round: int
    rate: float  # PROPFINDs answered (below 400) per second
    p50_ms: float
    p99_ms: float
    errors: int
    non_2xx: int
    peak_rss_mib: float | None
    load_avg_1m: float
    cpu_ms: float | None = None  # the server's CPU time (all cores) per answer


def cpu_seconds(server: run.Server) -> float | None:
    """User + system time of the server's processes so far (/proc; None elsewhere): less
    moved by other load on the machine than a rate, and it counts every core a server uses."""
    total = 0.0
    try:
        for pid in server.pids():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None
    return total


def cpu_ms_per(server: run.Server, before: float | None, answers: int) -> float | None:
    after = cpu_seconds(server)
    if before is None or after is None or not answers:
        return None
    return (after - before) * 1000 / answers


def cold_body(serial: int) -> bytes:
    return RCLONE_PROPS.replace(
        b" </d:prop>", f'  <n{serial} xmlns="urn:pier-bench:cold"/>\n </d:prop>'.encode())


def measure_cold(server: run.Server, rnd: int, seconds: int) -> DavMeasurement:
    """PROPFINDs one after the other on one keep-alive connection for ``seconds`` (at most
    COLD_MAX_REQUESTS), each naming a property no other request named."""
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
    latencies: list[float] = []
    failed = 0
    cpu_before = cpu_seconds(server)
    with run.RssSampler(server.pids()) as sampler:
        began = time.perf_counter()
        while time.perf_counter() - began < seconds and len(latencies) < COLD_MAX_REQUESTS:
            body = cold_body(rnd * COLD_MAX_REQUESTS + len(latencies) + failed)
            sent = time.perf_counter()
            conn.request("PROPFIND", FOLDER, body, {
                "Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
            response = conn.getresponse()
            response.read()
            if response.status != 207:
                failed += 1
                continue
            latencies.append(time.perf_counter() - sent)
        took = time.perf_counter() - began
    conn.close()
    ordered = sorted(latencies)
    return DavMeasurement(COLD, server.name, rnd, len(ordered) / took,
                          ordered[len(ordered) // 2] * 1000,
                          ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
                          0, failed, sampler.peak_mib, os.getloadavg()[0],
                          cpu_ms_per(server, cpu_before, len(ordered) + failed))


def measure(cell: str, server: run.Server, rnd: int, seconds: int) -> DavMeasurement:
    if cell == COLD:
        return measure_cold(server, rnd, seconds)
    url = server.url.rstrip("/") + FOLDER
    cpu_before = cpu_seconds(server)
    with run.RssSampler(server.pids()) as sampler:
        result = loadgen.run_load(url, CONNECTIONS, seconds, HEADERS, method="PROPFIND",
                                  body=BODIES[cell])
    # (answers after the window closed are not counted: the figure leans a little high)
    return DavMeasurement(cell, server.name, rnd, result.ok_per_s, result.p50_ms,
                          result.p99_ms, result.errors, result.non_2xx, sampler.peak_mib,
                          os.getloadavg()[0], cpu_ms_per(server, cpu_before, result.requests))


def propfind_rounds(servers: list[run.Server], rounds: int, seconds: int,
                    progress: Callable[[str], None]) -> list[DavMeasurement]:
    out = []
    for rnd in range(rounds):
        progress(f"dav round {rnd + 1} (load average {os.getloadavg()[0]:.2f})")
        shift = rnd % len(servers)
        order = servers[shift:] + servers[:shift]
        for cell in CELLS:
            for server in order:
                m = measure(cell, server, rnd, seconds)
                progress(f"  {cell:15} {server.name:8} {m.rate:8,.1f} PROPFIND/s  "
                         f"p50 {m.p50_ms:6.1f} ms  p99 {m.p99_ms:6.1f} ms"
                         + (f"  errors {m.errors} non-2xx {m.non_2xx}"
                            if m.errors or m.non_2xx else ""))
                out.append(m)
    return out


# ---- PUT against the page's multipart POST ------------------------------------------------------

def multipart_upload(url: str, source: IO[bytes], name: str, length: int) -> None:
    """What the page sends: POST to the folder, one ``file`` part (app.js's FormData)."""
    boundary = "----PierBench" + os.urandom(8).hex()
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n').encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    client = tus_bench.Client(url)
    try:
        client.send_head("POST", "/", {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Accept": "application/json", "Content-Length": str(len(head) + length + len(tail))})
        assert client.conn.sock is not None
        client.conn.sock.sendall(head)
        client.send_body(source, 0, length)
        client.conn.sock.sendall(tail)
        response = client.conn.getresponse()
        response.read()
    finally:
        client.close()
    if response.status != 201:
        raise RuntimeError(f"multipart POST answered {response.status}")


@dataclass
class PutRound:
    round: int
    first: str
    put_mb_s: float
    post_mb_s: float
    ratio: float
    load_avg_1m: float


def put_rounds(rounds: int, tmp: Path, env: dict[str, str], size: int,
               progress: Callable[[str], None]) -> list[PutRound]:
    share = tmp / "upload-share"
    share.mkdir()
    source_path = tmp / "source.bin"
    progress(f"dav cells: writing the {size / 2**20:,.0f} MiB source file")
    tus_bench.make_source(source_path, size)
    uploads: dict[str, Callable[[str, IO[bytes], str, int], None]] = {
        "put": tus_bench.put_upload, "post": multipart_upload}
    server = run.pier_server("pier --upload", share, env, "--upload")
    out = []
    try:
        with open(source_path, "rb") as source:
            # warm-up: first-use costs out of the rounds, the source file read into the cache
            for kind, upload in uploads.items():
                upload(server.url, source, f"warm-{kind}.bin", min(size, WARM_UP_BYTES))
            for leftover in share.iterdir():
                leftover.unlink()
            for rnd in range(rounds):
                order = ("put", "post") if rnd % 2 == 0 else ("post", "put")
                rate = {}
                for kind in order:
                    name = f"{kind}-r{rnd}.bin"
                    os.sync()  # no writeback left over from before lands on this upload
                    began = time.perf_counter()
                    uploads[kind](server.url, source, name, size)
                    rate[kind] = size / (time.perf_counter() - began) / 1e6
                    stored = share / name
                    if stored.stat().st_size != size:
                        raise RuntimeError(f"{kind} left {stored.stat().st_size} bytes")
                    stored.unlink()
                progress(f"  upload round {rnd + 1}: PUT {rate['put']:,.0f} MB/s, "
                         f"multipart POST {rate['post']:,.0f} MB/s")
                out.append(PutRound(rnd, order[0], rate["put"], rate["post"],
                                    rate["put"] / rate["post"], os.getloadavg()[0]))
    finally:
        run.stop(server)
        source_path.unlink()
    return out


# ---- the group ----------------------------------------------------------------------------------

def run_cells(rounds: int, seconds: int, generator: str, progress: Callable[[str], None],
              size: int = SIZE) -> dict:
    """(``generator`` does not apply: PROPFIND needs a method and a body, which the bundled
    generator sends; wrk would need a script.)"""
    with tempfile.TemporaryDirectory(prefix="pier-bench-dav-") as tmp_name:
        tmp = Path(tmp_name)
        root, config = tmp / "share", tmp / "config"
        root.mkdir()
        config.mkdir()
        make_folder(root)
        env = dict(os.environ, PIER_CONFIG_DIR=str(config))
        servers, versions = start_servers(root, tmp, env, progress)
        try:
            checks = {f"{s.name} {cell}": check_answer(s, body)
                      for s in servers for cell, body in BODIES.items()}
            for server in servers:
                for body in BODIES.values():
                    for _ in range(WARM_UP):
                        propfind_once(server, body)
            measured = propfind_rounds(servers, rounds, seconds, progress)
        finally:
            for server in servers:
                run.stop(server)
        uploads = put_rounds(rounds, tmp, env, size, progress)
    return summarise(measured, uploads, checks, versions, seconds, size)


def _stats(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def summarise(measured: list[DavMeasurement], uploads: list[PutRound],
              checks: dict[str, dict[str, int]], versions: dict[str, str], seconds: int,
              size: int) -> dict:
    rows = []
    servers = list(dict.fromkeys(m.server for m in measured))
    for cell in CELLS:
        pier = {m.round: m.rate for m in measured if m.cell == cell and m.server == "pier"}
        for server in servers:
            mine = [m for m in measured if m.cell == cell and m.server == server]
            ratios = [pier[m.round] / m.rate for m in mine if m.rate and m.round in pier]
            rss = [m.peak_rss_mib for m in mine if m.peak_rss_mib is not None]
            cpu = [m.cpu_ms for m in mine if m.cpu_ms is not None]
            rows.append({
                "cell": cell, "server": server, "rate": _stats([m.rate for m in mine]),
                "p50_ms": statistics.median(m.p50_ms for m in mine),
                "p99_ms": statistics.median(m.p99_ms for m in mine),
                "errors": sum(m.errors + m.non_2xx for m in mine),
                "peak_rss_mib": max(rss) if rss else None,
                "cpu_ms": statistics.median(cpu) if cpu else None,
                "pier_ratio": _stats(ratios) if server != "pier" and ratios else None,
                "bytes": checks[f"{server} {cell}"]["bytes"] if cell in BODIES else None,
                "with_getetag": checks[f"{server} {cell}"]["with_getetag"]
                if cell in BODIES else None,
            })
    return {
        "folder_entries": ENTRIES, "connections": CONNECTIONS, "seconds": seconds,
        "load_processes": min(os.cpu_count() or 1, CONNECTIONS),
        "versions": versions, "checks": checks, "rows": rows,
        "measurements": [asdict(m) for m in measured],
        "upload_size": size,
        "put_mb_s": _stats([u.put_mb_s for u in uploads]),
        "post_mb_s": _stats([u.post_mb_s for u in uploads]),
        "put_ratio": _stats([u.ratio for u in uploads]),
        "uploads": [asdict(u) for u in uploads],
    }


# ---- what run.py prints -------------------------------------------------------------------------

def table_lines(result: dict, markdown: bool = False) -> list[str]:
    head = ["PROPFIND Depth 1, 1,000 entries", "server", "PROPFIND/s", "p50 ms", "p99 ms",
            "CPU ms/answer", "errors", "RSS MiB", "answer KiB", "getetag", "Pier ÷ this"]
    body = []
    for row in result["rows"]:
        ratio = row["pier_ratio"]
        rss = row["peak_rss_mib"]
        body.append([
            row["cell"] if row["cell"] == COLD else f"{row['cell']}, c{result['connections']}",
            row["server"],
            f"{row['rate']['median']:,.1f}", f"{row['p50_ms']:.1f}", f"{row['p99_ms']:.1f}",
            f"{row['cpu_ms']:.1f}" if row.get("cpu_ms") is not None else "-",
            str(row["errors"]), f"{rss:.0f}" if rss is not None else "-",
            f"{row['bytes'] / 1024:,.0f}" if row["bytes"] is not None else "",
            f"{row['with_getetag']:,}" if row["with_getetag"] is not None else "",
            f"{ratio['median']:.2f}x ({ratio['min']:.2f}-{ratio['max']:.2f})" if ratio else ""])
    put, post, ratio = result["put_mb_s"], result["post_mb_s"], result["put_ratio"]
    gib = f"{result['upload_size'] / 2**30:g} GiB"
    uploads = [
        [f"{gib} PUT (WebDAV)", "pier", f"{put['median']:,.0f} MB/s",
         f"{put['min']:,.0f}-{put['max']:,.0f}"],
        [f"{gib} multipart POST (page)", "pier", f"{post['median']:,.0f} MB/s",
         f"{post['min']:,.0f}-{post['max']:,.0f}"],
        ["PUT ÷ POST", "pier", f"{ratio['median']:.2f}x", f"{ratio['min']:.2f}-{ratio['max']:.2f}"],
    ]
    upload_head = ["upload", "server", "median", "min-max"]
    versions = ", ".join(f"{name}: {v}" for name, v in result["versions"].items())
    note = (f"load: bench/loadgen.py, {result['connections']} keep-alive connections over "
            f"{result['load_processes']} processes, {result['seconds']} s per cell; {versions}")
    return [note, *_table(head, body, markdown), "", *_table(upload_head, uploads, markdown)]


def _table(head: list[str], body: list[list[str]], markdown: bool) -> list[str]:
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        return lines + ["| " + " | ".join(cells) + " |" for cells in body]
    widths = [max(len(x[i]) for x in [head, *body]) for i in range(len(head))]
    return ["  ".join(c.ljust(w) if i < 2 else c.rjust(w)
                      for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
            for cells in [head, *body]]


def check_targets(result: dict) -> list[run.Verdict]:
    verdicts = []
    for peer, goal in TARGETS.items():
        for cell in CELLS:
            row = next((r for r in result["rows"] if r["cell"] == cell and r["server"] == peer),
                       None)
            label = f"PROPFIND Depth 1 ({cell}) vs {peer}"
            if row is None or row["pier_ratio"] is None:
                verdicts.append(run.Verdict(label, f">= {goal:g}x", "peer not measured", None))
                continue
            ratio = row["pier_ratio"]
            verdicts.append(run.Verdict(
                label, f">= {goal:g}x",
                f"{ratio['median']:.2f}x (rounds {ratio['min']:.2f}-{ratio['max']:.2f})",
                ratio["median"] >= goal))
    ratio = result["put_ratio"]
    verdicts.append(run.Verdict(
        "1 GiB PUT vs multipart POST", f">= {TARGET_PUT}x",
        f"{ratio['median']:.2f}x (rounds {ratio['min']:.2f}-{ratio['max']:.2f})",
        ratio["median"] >= TARGET_PUT))
    return verdicts
