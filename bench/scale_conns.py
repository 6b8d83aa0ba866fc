"""Issue 21's connection cells for bench/scale.py: new TLS connections and a crowd of clients.

- ``tls_new_connections``: one request per HTTPS connection (wrk with 1, 10 and 50
  connections, each request with ``Connection: close``, so every request is a new TCP
  connection and a full TLS handshake: wrk does not resume sessions), Pier ``--tls`` against
  nginx serving the same certificate and key, the servers alternating round by round; the
  ratio is taken inside each round, the best round of each side reported with the median
  ratio (the target is judged at 10 connections).
- ``keepalive_crowd``: 250, 500 and 1,000 keep-alive connections to plain Pier: all but 100
  held by this process from 49 source addresses (127.0.0.2-127.0.0.50, each asking for the
  1 KiB file every few seconds so the idle deadline does not close them) and 100 active ones
  from 127.0.0.1 driven by h2load at a fixed 5,000 req/s (``--h1 -c100 --rps 50``); p50/p99
  from h2load's per-request log, the server's RSS (peak while it runs, and the rise per open
  connection); the target is judged at 1,000.

Each cell is a function of (tmp folder, settings, progress) that returns rows (plain dicts:
cell, size, server, value, unit and what else it measured) for scale.py's table and JSON.
"""

from __future__ import annotations

import os
import selectors
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import run  # bench/run.py: servers, wrk, RSS sampling

Progress = Callable[[str], None]
Row = dict[str, object]

SMALL = "/small.bin"
CROWD_SIZES = (250, 500, 1_000)  # connections held, CROWD_ACTIVE of them active: how cost grows
CROWD_TARGET_SIZE = 1_000  # the size the targets are stated for
CROWD_ACTIVE = 100
CROWD_RATE = 5_000  # req/s over the active connections together
CROWD_ADDRESSES = [f"127.0.0.{n}" for n in range(2, 51)]  # 49 addresses; h2load is the 50th
CROWD_REFRESH = 5.0  # seconds between an idle connection's requests (Pier closes after 15 s idle)
TLS_CONCURRENCY = (1, 10, 50)  # wrk connections, each a new TLS connection per request
TLS_TARGET_CONCURRENCY = 10  # where the ratio is judged
TARGET_TLS_RATIO = 0.5
TARGET_P99_MS = 50.0
TARGET_RSS_MIB = 150.0


@dataclass
class Settings:
    rounds: int = 3
    seconds: int = 5


def _tree(tmp: Path) -> Path:
    tmp.chmod(0o755)  # nginx's workers run as another user
    root = tmp / "tree"
    root.mkdir(mode=0o755, exist_ok=True)
    small = root / SMALL.lstrip("/")
    small.write_bytes(os.urandom(1024))
    small.chmod(0o644)
    return root


def _pier_env(tmp: Path) -> tuple[dict[str, str], tuple[Path, Path, str]]:
    config = tmp / "config"
    config.mkdir(exist_ok=True)
    env = dict(os.environ, PIER_CONFIG_DIR=str(config))
    return env, run.prepare_pier_config(config, env)


# ---- new TLS connection per request ---------------------------------------------------------

def tls_new_connections(tmp: Path, settings: Settings, progress: Progress) -> list[Row]:
    if not shutil.which("wrk"):
        progress("wrk is not installed: the TLS cell is skipped (apt-get install wrk)")
        return []
    root = _tree(tmp)
    env, (cert, key, cafile) = _pier_env(tmp)
    servers = run.pier_servers(root, env, cafile, names=("pier tls",))
    if shutil.which("nginx"):
        servers.append(nginx_tls(root, tmp, cert, key, cafile))
        servers.append(nginx_tls(root, tmp, cert, key, cafile, TLS12_ONLY))
    else:
        progress("nginx is not installed: Pier's TLS rate has no peer (apt-get install nginx)")
    try:
        return [row for connections in TLS_CONCURRENCY
                for row in _tls_rounds(servers, settings, progress, connections)]
    finally:
        for server in servers:
            run.stop(server)


TLS12_ONLY = "TLSv1.2"
NGINX_TLS = """\
    server {{
        listen 127.0.0.1:{port} ssl;
        ssl_certificate {cert};
        ssl_certificate_key {key};
        ssl_protocols {protocols};
        ssl_session_cache shared:SSL:1m;
        root {root};
    }}
"""


def nginx_tls(root: Path, tmp: Path, cert: Path, key: Path, cafile: str,
              protocols: str = "TLSv1.2 TLSv1.3") -> run.Server:
    """nginx (one worker per core) serving HTTPS with Pier's certificate and key: by default
    TLS 1.3 as Pier speaks it (nginx before 1.23.4 offers only up to TLS 1.2 unless told);
    with TLS12_ONLY, as such an nginx does by default (a TLS 1.2 handshake costs the server
    less: no HKDF key schedule)."""
    name = "nginx tls" if "1.3" in protocols else "nginx tls1.2"
    nginx_tmp = tmp / name.replace(" ", "-")
    nginx_tmp.mkdir(exist_ok=True)
    port, tls_port = run.free_port(), run.free_port()
    conf = nginx_tmp / "nginx.conf"
    conf.write_text(run.NGINX_CONF.format(
        workers="auto", tmp=nginx_tmp, port=port, root=root,
        tls_block=NGINX_TLS.format(port=tls_port, cert=cert, key=key, root=root,
                                   protocols=protocols)))
    proc = subprocess.Popen([shutil.which("nginx") or "nginx", "-p", str(nginx_tmp), "-c",
                             str(conf), "-e", str(nginx_tmp / "error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run.wait_until_listening(tls_port, proc)
    return run.Server(name, f"https://127.0.0.1:{tls_port}/", proc, cafile=cafile)


def _tls_rounds(servers: list[run.Server], settings: Settings, progress: Progress,
                connections: int) -> list[Row]:
    rates: dict[str, list[float]] = {s.name: [] for s in servers}
    p99: dict[str, list[float]] = {s.name: [] for s in servers}
    cpu: dict[str, list[float]] = {s.name: [] for s in servers}
    ratios: dict[str, list[float]] = {s.name: [] for s in servers if s.name != "pier tls"}
    for rnd in range(settings.rounds):
        order = servers[rnd % len(servers):] + servers[:rnd % len(servers)]
        this_round: dict[str, float] = {}
        for server in order:
            pids = server.pids()
            before = _cpu_seconds(pids)
            result = run.run_wrk(server.url + SMALL.lstrip("/"), connections,
                                 settings.seconds, ["Connection: close"])
            used = _cpu_seconds(pids) - before
            cpu[server.name].append(used * 1e6 / max(result.requests, 1))
            this_round[server.name] = result.ok_per_s
            rates[server.name].append(result.ok_per_s)
            p99[server.name].append(result.p99_ms)
        progress(f"  TLS new connections c{connections}, round {rnd + 1}: " + ", ".join(
            f"{name} {rate:,.0f}/s" for name, rate in this_round.items()))
        for peer in ratios:
            if this_round.get(peer):
                ratios[peer].append(this_round["pier tls"] / this_round[peer])
    rows: list[Row] = []
    for name in rates:
        row: Row = {"cell": "new TLS connection per request", "size": f"c{connections}",
                    "server": name, "value": max(rates[name]), "unit": "conn/s",
                    "p99_ms": min(p99[name]), "rounds": rates[name],
                    "server_cpu_us_per_conn": min(cpu[name])}
        if name == "pier tls" and ratios.get("nginx tls"):
            ratio = statistics.median(ratios["nginx tls"])
            row.update(ratio=ratio, peer="nginx tls")
            if connections == TLS_TARGET_CONCURRENCY:  # where the issue states its target
                row.update(target=f">= {TARGET_TLS_RATIO}x nginx", met=ratio >= TARGET_TLS_RATIO)
        elif ratios.get(name):  # a peer's row: Pier's rate over its, in the same rounds
            row.update(ratio=statistics.median(ratios[name]), peer="pier/this")
        rows.append(row)
    return rows


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of the server's processes so far (a robust measure of cost
    on a busy machine, where rates swing with the other load)."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


# ---- 1,000 keep-alive connections, 100 active ------------------------------------------------

class Crowd:
    """Keep-alive connections held open from many source addresses, each asking for a small
    file now and then (a phone that keeps its connection); one thread, one selector."""

    def __init__(self, port: int, count: int, addresses: list[str]) -> None:
        self._request = (f"GET {SMALL} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").encode()
        self._selector = selectors.DefaultSelector()
        self.socks: list[socket.socket] = []
        self.answers = 0
        self.lost = 0
        for n in range(count):
            sock = socket.socket()
            sock.bind((addresses[n % len(addresses)], 0))
            sock.connect(("127.0.0.1", port))
            sock.setblocking(False)
            self.socks.append(sock)
            self._selector.register(sock, selectors.EVENT_READ)
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def ask_all(self) -> None:
        for sock in self.socks:
            try:
                sock.send(self._request)
            except OSError:
                self.lost += 1

    def wait_for_answers(self, count: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while self.answers < count and time.monotonic() < deadline:
            self._read_ready(0.1)

    def _read_ready(self, timeout: float) -> None:
        for key, _events in self._selector.select(timeout):
            sock = key.fileobj
            assert isinstance(sock, socket.socket)
            try:
                data = sock.recv(65536)
            except OSError:
                data = b""
            if not data:
                self._selector.unregister(sock)
                self.lost += 1
                continue
            self.answers += data.count(b"HTTP/1.1 200")

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        next_ask = time.monotonic() + CROWD_REFRESH
        while not self._done.is_set():
            self._read_ready(0.1)
            if time.monotonic() >= next_ask:
                self.ask_all()
                next_ask += CROWD_REFRESH

    def close(self) -> None:
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()
        for sock in self.socks:
            sock.close()
        self._selector.close()


def keepalive_crowd(tmp: Path, settings: Settings, progress: Progress) -> list[Row]:
    if not shutil.which("h2load"):
        progress("h2load is not installed: the crowd cell is skipped "
                 "(apt-get install nghttp2-client)")
        return []
    root = _tree(tmp)
    env, _pair = _pier_env(tmp)
    server = run.pier_server("pier", root, env)
    try:
        return [_crowd_row(server, settings, progress, size) for size in CROWD_SIZES]
    finally:
        run.stop(server)


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _crowd_row(server: run.Server, settings: Settings, progress: Progress, size: int) -> Row:
    port = int(server.url.rstrip("/").rsplit(":", 1)[1])
    run.warm_up(server, [SMALL])
    before = _rss_mib(server.proc.pid)
    idle = size - CROWD_ACTIVE
    crowd = Crowd(port, idle, CROWD_ADDRESSES)
    try:
        crowd.ask_all()
        crowd.wait_for_answers(idle, 30.0)
        crowd.start()
        held = _rss_mib(server.proc.pid)
        seconds = max(settings.seconds * settings.rounds, 10)
        with tempfile.TemporaryDirectory() as logs, run.RssSampler(server.pids()) as rss:
            log_file = Path(logs) / "h2load.log"
            done = subprocess.run(
                ["h2load", "--h1", "-t2", f"-c{CROWD_ACTIVE}", "-D", str(seconds),
                 f"--rps={CROWD_RATE // CROWD_ACTIVE}", f"--log-file={log_file}",
                 server.url + SMALL.lstrip("/")],
                capture_output=True, text=True, timeout=seconds + 60)
            durations, failed = _h2load_log(log_file)
        lost = crowd.lost
    finally:
        crowd.close()
    if done.returncode != 0 or not durations:
        raise RuntimeError(f"h2load failed: {done.stderr.strip() or done.stdout[-500:]}")
    durations.sort()
    p99 = durations[int(0.99 * (len(durations) - 1))]
    peak = rss.peak_mib or 0.0
    progress(f"  crowd of {size:,}: {len(durations) / seconds:,.0f} req/s, p99 {p99:.1f} ms, "
             f"peak RSS {peak:.0f} MiB, {(held - before) * 1024 / idle:.1f} KiB/conn")
    row: Row = {"cell": f"keep-alive, {CROWD_ACTIVE} active at 5,000 req/s",
                "size": f"{size:,} conns", "server": "pier",
                "value": len(durations) / seconds, "unit": "req/s",
                "p50_ms": durations[len(durations) // 2], "p99_ms": p99, "rss_mib": peak,
                "rss_before_mib": before, "rss_held_mib": held,
                "kib_per_connection": (held - before) * 1024 / idle,
                "failed": failed, "idle_connections_lost": lost}
    if size == CROWD_TARGET_SIZE:
        row.update(target=f"p99 <= {TARGET_P99_MS:.0f} ms, RSS <= {TARGET_RSS_MIB:.0f} MiB",
                   met=p99 <= TARGET_P99_MS and peak <= TARGET_RSS_MIB and lost == 0)
    return row


def _h2load_log(path: Path) -> tuple[list[float], int]:
    """Milliseconds per answered request, and the failed ones, from h2load's --log-file."""
    durations, failed = [], 0
    for line in path.read_text().splitlines():
        fields = line.split("\t")
        if len(fields) < 3:
            continue
        if fields[1] != "200":
            failed += 1
            continue
        durations.append(int(fields[2]) / 1000)
    return durations, failed


CELLS: dict[str, Callable[[Path, Settings, Progress], list[Row]]] = {
    "tls": tls_new_connections,
    "crowd": keepalive_crowd,
}
