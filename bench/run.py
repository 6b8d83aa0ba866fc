"""Pier's side-by-side benchmark suite: one command, one table, one JSON file.

    python bench/run.py [--quick] [--seconds 6] [--rounds 4] [--generator auto|wrk|python]

Starts Pier headless (plain, --tls, --auth) and `python -m http.server` -- plus nginx and the
npm `http-server` when installed -- on one generated tree on 127.0.0.1, and drives each with the
same keep-alive load (wrk when present, else bench/loadgen.py), the peers alternating within a
round, for several rounds. Cells: 1 KiB, 1 MiB and a 1,000-entry listing at 10 and 100
connections; a 100 MiB single download; 1 KiB over TLS; 1 KiB with Basic auth; the window
attached (bench/gui_bench.py). Prints req/s, p50/p99, errors, peak server RSS and the ratio of
the first row of each cell to every other row, medians over the rounds with each ratio taken
inside one round; then the issue's targets, met or not. Writes bench/results/<time>.json.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import os
import platform
import re
import selectors
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

import loadgen  # noqa: E402  (bench/ is not a package)

if __name__ == "__main__":  # the cell modules' `import run` is then this module, not a copy
    sys.modules.setdefault("run", sys.modules[__name__])

RESULTS = BENCH / "results"
USER, PASSWORD = "bench", "kestrel-harbor-5829"  # passes `pier users add`'s strength rule
START_TIMEOUT = 30.0
SMALL, MEDIUM, BIG, LISTING = "/small.bin", "/medium.bin", "/big.bin", "/many/"
GUI_FILE = "one-kib.bin"  # the file bench/gui_bench.py requests


# ---- the generated tree -----------------------------------------------------------------------

def make_tree(root: Path) -> None:
    """1 KiB, 1 MiB and 100 MiB files, a 1,000-entry folder; readable by nginx's workers."""
    (root / SMALL.lstrip("/")).write_bytes(os.urandom(1024))
    (root / GUI_FILE).write_bytes(os.urandom(1024))
    (root / MEDIUM.lstrip("/")).write_bytes(os.urandom(1024 * 1024))
    block = os.urandom(1024 * 1024)
    with open(root / BIG.lstrip("/"), "wb") as out:
        for _ in range(100):
            out.write(block)
    many = root / LISTING.strip("/")
    many.mkdir()
    for i in range(1000):
        (many / f"file-{i:04d}.txt").write_bytes(b"x" * (i % 97))
    for path in (root, many):
        path.chmod(0o755)
    for path in [*root.iterdir(), *many.iterdir()]:
        if path.is_file():
            path.chmod(0o644)


# ---- servers under test ------------------------------------------------------------------------

@dataclass
class Server:
    name: str
    url: str  # base URL ending in "/"
    proc: subprocess.Popen
    headers: list[str] = field(default_factory=list)
    cafile: str | None = None

    def pids(self) -> list[int]:
        """The server's process and its children (nginx workers)."""
        try:
            import psutil
            parent = psutil.Process(self.proc.pid)
            return [parent.pid, *(c.pid for c in parent.children(recursive=True))]
        except Exception:  # psutil absent or the process gone: RSS is then not reported
            return [self.proc.pid]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_line(proc: subprocess.Popen, pattern: str, timeout: float = START_TIMEOUT) -> str:
    """The first stdout line matching ``pattern`` (a readiness announcement), within ``timeout``."""
    assert proc.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    deadline, seen = time.monotonic() + timeout, []
    try:
        while (left := deadline - time.monotonic()) > 0:
            if not selector.select(left):
                continue
            line = proc.stdout.readline()
            if not line:
                break
            seen.append(line)
            if match := re.search(pattern, line):
                return match.group(1)
    finally:
        selector.close()
    raise RuntimeError(f"{proc.args[:3]} did not announce itself: {''.join(seen)[-500:]}")


def wait_until_listening(port: int, proc: subprocess.Popen,
                         timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)  # polling a connect with a deadline
    raise RuntimeError(f"nothing listens on port {port} after {timeout:.0f} s")


def local_peer(name: str, port: int, argv: list[str], cwd: Path | None = None) -> Server:
    """A peer server started as ``argv`` (listening on 127.0.0.1:``port``), once it listens;
    stopped again if it never does."""
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        wait_until_listening(port, proc)
    except RuntimeError:
        stop(Server(name, "", proc))
        raise
    return Server(name, f"http://127.0.0.1:{port}/", proc)


# How Pier's CLI is started: this tree's `server.cli`. bench/ab.py passes another command and
# cwd to run a checked-out commit instead.
PIER: tuple[str, ...] = (sys.executable, "-m", "server.cli")


def start_pier(root: Path, env: dict[str, str], *flags: str, command: tuple[str, ...] = PIER,
               cwd: Path = REPO, stderr: int | IO[str] = subprocess.DEVNULL) -> subprocess.Popen:
    return subprocess.Popen(
        [*command, "serve", str(root), "--port", "0", *flags],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True)


def pier_server(name: str, root: Path, env: dict[str, str], *flags: str,
                headers: list[str] | None = None, cafile: str | None = None,
                command: tuple[str, ...] = PIER, cwd: Path = REPO,
                stderr: int | IO[str] = subprocess.DEVNULL) -> Server:
    proc = start_pier(root, env, *flags, command=command, cwd=cwd, stderr=stderr)
    try:
        url = wait_for_line(proc, r"^Serving .* at (\S+/)\s*$")
    except RuntimeError:
        stop(Server(name, "", proc))
        raise
    return Server(name, url, proc, headers or [], cafile)


def auth_header() -> str:
    """The Basic credentials of the benchmark's user (prepare_pier_config adds it)."""
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    return f"Authorization: Basic {token}"


def pier_servers(root: Path, env: dict[str, str], cafile: str,
                 names: tuple[str, ...] = ("pier", "pier tls", "pier auth"),
                 command: tuple[str, ...] = PIER, cwd: Path = REPO,
                 stderr: int | IO[str] = subprocess.DEVNULL) -> list[Server]:
    """Pier headless as run.py measures it: plain, ``--tls`` and ``--auth`` (those in names)."""
    how = {"pier": ((), {}),
           "pier tls": (("--tls",), {"cafile": cafile}),
           "pier auth": (("--auth",), {"headers": [auth_header()]})}
    servers: list[Server] = []
    try:
        for name in names:
            flags, extra = how[name]
            servers.append(pier_server(name, root, env, *flags, command=command, cwd=cwd,
                                       stderr=stderr, **extra))
    except BaseException:
        for server in servers:
            stop(server)
        raise
    return servers


def stdlib_server(root: Path) -> Server:
    proc = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "-b", "127.0.0.1", "-d", str(root)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    port = wait_for_line(proc, r"port (\d+)")
    return Server("http.server", f"http://127.0.0.1:{port}/", proc)


def npm_server(root: Path) -> Server:
    port = free_port()
    return local_peer("http-server (npm)", port, [
        shutil.which("http-server") or "http-server", str(root), "-a", "127.0.0.1",
        "-p", str(port), "-s", "-c-1"])


NGINX_CONF = """\
worker_processes {workers};
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    default_type application/octet-stream;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        autoindex on;
    }}
{tls_block}}}
"""

NGINX_TLS_BLOCK = """\
    server {{
        listen 127.0.0.1:{port} ssl;
        ssl_certificate {cert};
        ssl_certificate_key {key};
        ssl_session_cache shared:SSL:1m;
        root {root};
        autoindex on;
    }}
"""


def nginx_servers(root: Path, tmp: Path, workers: str,
                  tls_pair: tuple[Path, Path] | None, cafile: str) -> list[Server]:
    """One nginx master (``workers`` workers) with a plain and, given a pair, an HTTPS server."""
    port, tls_port = free_port(), free_port()
    tls_block = (NGINX_TLS_BLOCK.format(port=tls_port, cert=tls_pair[0], key=tls_pair[1],
                                        root=root) if tls_pair else "")
    conf = tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(workers=workers, tmp=tmp, port=port, root=root,
                                      tls_block=tls_block))
    proc = subprocess.Popen([shutil.which("nginx") or "nginx", "-p", str(tmp), "-c", str(conf),
                             "-e", str(tmp / "error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_listening(port, proc)
    servers = [Server("nginx", f"http://127.0.0.1:{port}/", proc)]
    if tls_pair:
        wait_until_listening(tls_port, proc)
        servers.append(Server("nginx tls", f"https://127.0.0.1:{tls_port}/", proc,
                              cafile=cafile))
    return servers


def stop(server: Server) -> None:
    if server.proc.poll() is None:
        server.proc.send_signal(signal.SIGTERM)
        try:
            server.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.proc.kill()
            server.proc.wait(timeout=5)


def prepare_pier_config(config: Path, env: dict[str, str], command: tuple[str, ...] = PIER,
                        cwd: Path = REPO) -> tuple[Path, Path, str]:
    """A certificate, its CA file and one user in the benchmark's own PIER_CONFIG_DIR."""
    def pier(*argv: str, stdin: str | None = None) -> None:
        subprocess.run([*command, *argv], cwd=cwd, env=env,
                       input=stdin, text=True, check=True, stdout=subprocess.DEVNULL,
                       timeout=60)

    pier("cert", "generate")
    cafile = config / "ca.pem"
    pier("cert", "export-ca", str(cafile))
    pier("users", "add", USER, "--password-stdin", stdin=PASSWORD + "\n")
    tls = config / "tls"
    state = json.loads((tls / "state.json").read_text()) if (tls / "state.json").exists() else {}
    if state.get("active") == "imported":
        return tls / "imported.pem", tls / "imported.key", str(cafile)
    return tls / "server.pem", tls / "server.key", str(cafile)


# ---- measuring one cell -------------------------------------------------------------------------

@dataclass
class Measurement:
    group: str
    cell: str
    connections: int
    server: str
    round: int
    rate: float  # req/s, or MB/s for the single download
    unit: str
    p50_ms: float
    p99_ms: float
    errors: int
    non_2xx: int
    peak_rss_mib: float | None
    load_avg_1m: float


class RssSampler:
    """Peak resident memory (sum over the server's processes) while a cell runs."""

    def __init__(self, pids: list[int], interval: float = 0.1) -> None:
        self.peak = 0
        self.interval = interval
        self.available = True
        try:
            import psutil
            self.procs = [psutil.Process(pid) for pid in pids]
        except Exception:
            self.available, self.procs = False, []
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        total = 0
        for proc in self.procs:
            try:
                total += proc.memory_info().rss
            except Exception:
                continue
        self.peak = max(self.peak, total)

    def _run(self) -> None:
        while not self.done.wait(self.interval):
            self._sample()

    def __enter__(self) -> RssSampler:
        if self.available:
            self._sample()
            self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.done.set()
        if self.available:
            self.thread.join()
            self._sample()

    @property
    def peak_mib(self) -> float | None:
        return self.peak / 2**20 if self.available and self.peak else None


def run_wrk(url: str, connections: int, seconds: int, headers: list[str]) -> loadgen.LoadResult:
    argv = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency",
            "--timeout", "5s"]
    for header in headers:
        argv += ["-H", header]
    done = subprocess.run([*argv, url], capture_output=True, text=True, timeout=seconds + 60)
    out = done.stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if done.returncode != 0 or rate is None:
        raise RuntimeError(f"wrk failed: {done.stderr.strip() or out.strip()}")
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    # wrk's own clock (e.g. "in 6.10s") over all responses; Requests/sec is requests / that time
    return loadgen.LoadResult(
        requests=requests, seconds=requests / float(rate.group(1)) if requests else seconds,
        errors=errors, non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        p50_ms=_wrk_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        p99_ms=_wrk_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        max_ms=_wrk_ms(re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", out).group(1)),
        bytes_read=0)


def _wrk_ms(text: str) -> float:
    value, unit = float(re.match(r"[\d.]+", text).group()), re.sub(r"[\d.]+", "", text)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def drive(server: Server, path: str, connections: int, seconds: int, generator: str
          ) -> loadgen.LoadResult:
    url = server.url.rstrip("/") + path
    if generator == "wrk":
        return run_wrk(url, connections, seconds, server.headers)
    return loadgen.run_load(url, connections, seconds, server.headers, server.cafile)


def download_once(server: Server, path: str, timeout: float = 120.0) -> tuple[float, int]:
    """One connection, one GET of ``path``: (seconds, bytes). curl when present."""
    url = server.url.rstrip("/") + path
    if shutil.which("curl"):
        argv = ["curl", "-s", "-o", "/dev/null", "--max-time", str(int(timeout)),
                "-w", "%{http_code} %{size_download} %{time_total}"]
        if server.cafile:
            argv += ["--cacert", server.cafile]
        for header in server.headers:
            argv += ["-H", header]
        out = subprocess.run([*argv, url], capture_output=True, text=True,
                             timeout=timeout + 10).stdout.split()
        if len(out) != 3 or out[0] != "200":
            raise RuntimeError(f"download from {server.name} failed: {out}")
        return float(out[2]), int(out[1])
    target = loadgen.make_target(url, server.headers, server.cafile)
    context = loadgen._tls_context(server.cafile) if target.tls else None
    began = time.perf_counter()
    connection = loadgen.Connection(target, context)
    try:
        status, size, _keep = connection.exchange(target.request)
    finally:
        connection.close()
    if status != 200:
        raise RuntimeError(f"download from {server.name} answered {status}")
    return time.perf_counter() - began, size


def warm_up(server: Server, paths: list[str]) -> None:
    """One request per path, so first-use costs (caches, the password hash) stay out."""
    for path in paths:
        target = loadgen.make_target(server.url.rstrip("/") + path, server.headers,
                                     server.cafile)
        context = loadgen._tls_context(server.cafile) if target.tls else None
        connection = loadgen.Connection(target, context)
        try:
            status, _size, _keep = connection.exchange(target.request)
        finally:
            connection.close()
        if status != 200:
            raise RuntimeError(f"{server.name} answered {status} for {path}")


# ---- the plan ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cell:
    group: str  # what the first server is compared with
    name: str
    path: str
    connections: int
    servers: tuple[str, ...]  # the first is the subject of the ratios
    download: bool = False


def plan(available: set[str]) -> list[Cell]:
    peers = tuple(s for s in ("pier", "http.server", "http-server (npm)", "nginx")
                  if s in available)
    tls = tuple(s for s in ("pier tls", "pier", "nginx tls") if s in available)
    cells = []
    for name, path in (("1 KiB file", SMALL), ("1 MiB file", MEDIUM),
                       ("1,000-entry listing", LISTING)):
        for connections in (10, 100):
            cells.append(Cell("peers", name, path, connections, peers))
    cells.append(Cell("peers", "100 MiB download", BIG, 1, peers, download=True))
    for connections in (10, 100):
        cells.append(Cell("tls", "1 KiB over TLS", SMALL, connections, tls))
        cells.append(Cell("auth", "1 KiB, Basic auth", SMALL, connections,
                          ("pier auth", "pier")))
    return cells


def measure_cell(cell: Cell, server: Server, rnd: int, seconds: int, generator: str
                 ) -> Measurement:
    with RssSampler(server.pids()) as rss:
        if cell.download:
            took, size = download_once(server, cell.path)
            result = None
        else:
            result = drive(server, cell.path, cell.connections, seconds, generator)
    load = os.getloadavg()[0]
    if result is None:
        return Measurement(cell.group, cell.name, cell.connections, server.name, rnd,
                           size / took / 1e6, "MB/s", took * 1000, took * 1000, 0, 0,
                           rss.peak_mib, load)
    return Measurement(cell.group, cell.name, cell.connections, server.name, rnd,
                       result.ok_per_s, "req/s", result.p50_ms, result.p99_ms,
                       result.errors, result.non_2xx, rss.peak_mib, load)


def run_rounds(cells: list[Cell], servers: dict[str, Server], rounds: int, seconds: int,
               generator: str, progress: Callable[[str], None]) -> list[Measurement]:
    results = []
    for rnd in range(rounds):
        progress(f"round {rnd + 1}/{rounds} (load average {os.getloadavg()[0]:.2f})")
        for cell in cells:
            shift = rnd % len(cell.servers)  # alternate who goes first, round by round
            order = cell.servers[shift:] + cell.servers[:shift]
            for name in order:
                try:
                    results.append(measure_cell(cell, servers[name], rnd, seconds, generator))
                except (RuntimeError, OSError, subprocess.TimeoutExpired) as err:
                    progress(f"  {cell.name} c{cell.connections} {name}: FAILED ({err})")
                    results.append(Measurement(cell.group, cell.name, cell.connections, name,
                                               rnd, 0.0, "req/s", 0, 0, 1, 0, None,
                                               os.getloadavg()[0]))
            progress(f"  {cell.name} c{cell.connections}: " + ", ".join(
                f"{m.server} {m.rate:,.0f}" for m in results[-len(order):]))
    return results


# ---- the GUI-attached cell (bench/gui_bench.py) -------------------------------------------------

def run_gui_cell(root: Path, seconds: float) -> dict | str:
    """gui_bench's headless and GUI sides back to back; a note (str) when it cannot run."""
    try:
        import gui_bench
        import psutil  # noqa: F401  (gui_bench needs it)
        import PySide6  # noqa: F401
        import qasync  # noqa: F401
    except ImportError as err:
        return f"skipped: {err.name} is not installed"
    args = argparse.Namespace(seconds=seconds, procs=2, threads=4, max_requests=1_000_000)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        headless = gui_bench.run_side("headless", root, args)
        gui = gui_bench.run_side("gui", root, args)
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as err:
        return f"failed: {err}"
    return {"headless": headless, "gui": gui,
            "ratio": gui["rps"] / headless["rps"] if headless["rps"] else 0.0,
            "records_lost": gui["engine_total"] - gui["records_shown"],
            "gui_peak_rss_mib": gui["peak_rss_sampled"] / 2**20,
            "seconds": seconds, "load": "2 processes x 4 keep-alive connections, 1 KiB"}


# ---- summary, targets, table ---------------------------------------------------------------------

@dataclass
class Row:
    group: str
    cell: str
    connections: int
    server: str
    unit: str
    rate: float
    p50_ms: float
    p99_ms: float
    errors: int
    non_2xx: int
    peak_rss_mib: float | None
    ratio: float | None  # first server of the cell / this server, median of per-round ratios
    ratio_range: tuple[float, float] | None


def summarise(cells: list[Cell], results: list[Measurement]) -> list[Row]:
    rows = []
    for cell in cells:
        mine = [m for m in results if (m.cell, m.connections) == (cell.name, cell.connections)]
        subject = {m.round: m.rate for m in mine if m.server == cell.servers[0]}
        for name in cell.servers:
            runs = [m for m in mine if m.server == name]
            if not runs:
                continue
            ratios = [subject[m.round] / m.rate for m in runs
                      if name != cell.servers[0] and m.rate and m.round in subject]
            rss = [m.peak_rss_mib for m in runs if m.peak_rss_mib is not None]
            rows.append(Row(
                cell.group, cell.name, cell.connections, name, runs[0].unit,
                statistics.median(m.rate for m in runs),
                statistics.median(m.p50_ms for m in runs),
                statistics.median(m.p99_ms for m in runs),
                sum(m.errors for m in runs), sum(m.non_2xx for m in runs),
                max(rss) if rss else None,
                statistics.median(ratios) if ratios else None,
                (min(ratios), max(ratios)) if ratios else None))
    return rows


def find(rows: list[Row], cell: str, connections: int, server: str) -> Row | None:
    return next((r for r in rows if (r.cell, r.connections, r.server)
                 == (cell, connections, server)), None)


@dataclass
class Verdict:
    cell: str
    target: str
    measured: str
    met: bool | None  # None: not measured


def check_targets(rows: list[Row], gui: dict | str) -> list[Verdict]:
    verdicts = []

    def ratio(cell: str, conns: int, peer: str, goal: float, label: str) -> None:
        row = find(rows, cell, conns, peer)
        if row is None or row.ratio is None:
            verdicts.append(Verdict(f"{cell}, c{conns}", label, f"{peer} not measured", None))
            return
        low, high = row.ratio_range or (row.ratio, row.ratio)
        verdicts.append(Verdict(f"{cell}, c{conns}", label,
                                f"{row.ratio:.2f}x (rounds {low:.2f}-{high:.2f})",
                                row.ratio >= goal))

    ratio("1 KiB file", 10, "http.server", 5, ">= 5x python -m http.server")
    ratio("1 KiB file", 10, "http-server (npm)", 2.5, ">= 2.5x npm http-server")
    ratio("1 KiB file", 10, "nginx", 0.4, ">= 0.4x nginx")
    ratio("1 MiB file", 10, "nginx", 0.9, ">= 0.9x nginx")
    ratio("1,000-entry listing", 10, "nginx", 5, ">= 5x nginx autoindex")
    ratio("1,000-entry listing", 100, "nginx", 5, ">= 5x nginx autoindex")
    c100 = find(rows, "1 KiB file", 100, "pier")
    if c100:
        verdicts.append(Verdict("1 KiB file, c100", "p99 <= 50 ms, no connection errors",
                                f"p99 {c100.p99_ms:.1f} ms, {c100.errors} errors, "
                                f"{c100.non_2xx} non-2xx",
                                c100.p99_ms <= 50 and c100.errors == 0 and c100.non_2xx == 0))
    ratio("1 KiB over TLS", 10, "pier", 0.5, ">= 0.5x plain Pier")
    ratio("1 KiB over TLS", 100, "pier", 0.5, ">= 0.5x plain Pier")
    ratio("1 KiB, Basic auth", 10, "pier", 0.9, ">= 0.9x anonymous")
    ratio("1 KiB, Basic auth", 100, "pier", 0.9, ">= 0.9x anonymous")
    if isinstance(gui, dict):
        stall = gui["gui"]["stall_p99_ms"]
        verdicts.append(Verdict(
            "GUI attached", ">= 0.9x headless; stall p99 <= 50 ms; no lost records",
            f"{gui['ratio']:.2f}x, stall p99 {stall:.1f} ms, {gui['records_lost']:.0f} lost",
            gui["ratio"] >= 0.9 and stall <= 50 and gui["records_lost"] == 0))
    else:
        verdicts.append(Verdict("GUI attached", ">= 0.9x headless", gui, None))
    pier_rss = [r.peak_rss_mib for r in rows
                if r.server.startswith("pier") and r.peak_rss_mib is not None]
    if pier_rss:
        verdicts.append(Verdict("memory, server", "<= 50 MiB RSS under load",
                                f"peak {max(pier_rss):.1f} MiB over all Pier cells",
                                max(pier_rss) <= 50))
    if isinstance(gui, dict):
        rows_in = gui["gui"]["rows_in_ring"]
        full = rows_in >= gui["gui"]["ring_size"]
        verdicts.append(Verdict(
            "memory, app", "<= 300 MiB with a full 100,000-row log",
            f"peak {gui['gui_peak_rss_mib']:.0f} MiB with {rows_in:,.0f} rows"
            + ("" if full else " (log not full)"),
            gui["gui_peak_rss_mib"] <= 300 if full else None))
    return verdicts


def fmt_rate(row: Row) -> str:
    return f"{row.rate:,.0f} {row.unit}" if row.unit == "req/s" else f"{row.rate:,.0f} MB/s"


def table_lines(rows: list[Row], markdown: bool = False) -> list[str]:
    head = ["cell", "conns", "server", "rate", "p50 ms", "p99 ms", "errors", "peak RSS MiB",
            "first row ÷ this (range)"]
    body = []
    for r in rows:
        ratio = (f"{r.ratio:.2f}x ({r.ratio_range[0]:.2f}-{r.ratio_range[1]:.2f})"
                 if r.ratio is not None and r.ratio_range else "")
        errors = f"{r.errors}" + (f" +{r.non_2xx} non-2xx" if r.non_2xx else "")
        body.append([r.cell, str(r.connections), r.server, fmt_rate(r), f"{r.p50_ms:.2f}",
                     f"{r.p99_ms:.2f}", errors,
                     f"{r.peak_rss_mib:.0f}" if r.peak_rss_mib else "-", ratio])
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        return lines + ["| " + " | ".join(cells) + " |" for cells in body]
    widths = [max(len(x[i]) for x in [head, *body]) for i in range(len(head))]
    lines = ["  ".join(h.ljust(w) if i < 3 else h.rjust(w)
                       for i, (h, w) in enumerate(zip(head, widths, strict=True)))]
    for cells in body:
        lines.append("  ".join(c.ljust(w) if i < 3 else c.rjust(w)
                               for i, (c, w) in enumerate(zip(cells, widths, strict=True))))
    return lines


def gui_lines(gui: dict | str) -> list[str]:
    if not isinstance(gui, dict):
        return [f"GUI attached: {gui}"]
    g, h = gui["gui"], gui["headless"]
    return [f"GUI attached ({gui['load']}, {gui['seconds']:g} s each side): "
            f"headless {h['rps']:,.0f} req/s, GUI {g['rps']:,.0f} req/s = {gui['ratio']:.2f}x; "
            f"stall p50 {g['stall_p50_ms']:.1f} / p99 {g['stall_p99_ms']:.1f} / "
            f"max {g['stall_max_ms']:.1f} ms; records lost {gui['records_lost']:.0f}; "
            f"GUI peak RSS {gui['gui_peak_rss_mib']:.0f} MiB ({g['rows_in_ring']:,.0f} rows)"]


def verdict_lines(verdicts: list[Verdict], markdown: bool = False) -> list[str]:
    word = {True: "met", False: "NOT met", None: "not measured"}
    if markdown:
        lines = ["| cell | target | measured | |", "|---|---|---|---|"]
        return lines + [f"| {v.cell} | {v.target} | {v.measured} | {word[v.met]} |"
                        for v in verdicts]
    return [f"{word[v.met]:>12}  {v.cell}: {v.target} -- {v.measured}" for v in verdicts]


# ---- the machine ---------------------------------------------------------------------------------

def machine() -> dict[str, object]:
    def first(path: str, key: str) -> str:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip() if ":" in line else line.split("=", 1)[1]
        except OSError:
            pass
        return "?"

    def version(*argv: str) -> str:
        if not shutil.which(argv[0]):
            return "not installed"
        done = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        return (done.stdout + done.stderr).strip().splitlines()[0] if (done.stdout
                                                                      + done.stderr) else "?"

    return {
        "nproc": os.cpu_count(), "cpu": first("/proc/cpuinfo", "model name"),
        "memory": first("/proc/meminfo", "MemTotal"),
        "python": platform.python_version(), "os": first("/etc/os-release", "PRETTY_NAME")
        .strip('"'), "kernel": platform.release(),
        "wrk": version("wrk", "-v"), "nginx": version("nginx", "-v"),
        "http-server": version("http-server", "--version"), "node": version("node", "--version"),
        "pier_commit": _git("rev-parse", "--short", "HEAD"),
        "pier_uncommitted": _git("status", "--porcelain", "--", "server", "app", "ui").splitlines(),
    }


def _git(*argv: str) -> str:
    """What was measured: the commit and any uncommitted engine/app changes."""
    try:
        done = subprocess.run(["git", *argv], cwd=REPO, capture_output=True, text=True,
                              timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


# ---- main ----------------------------------------------------------------------------------------

def start_servers(root: Path, tmp: Path, nginx_workers: str, notes: list[str]
                  ) -> dict[str, Server]:
    config = tmp / "config"
    config.mkdir()
    env = dict(os.environ, PIER_CONFIG_DIR=str(config))
    cert, key, cafile = prepare_pier_config(config, env)
    servers = [*pier_servers(root, env, cafile), stdlib_server(root)]
    if shutil.which("http-server"):
        servers.append(npm_server(root))
    else:
        notes.append("npm http-server is not installed: its rows are skipped "
                     "(npm install -g http-server)")
    if shutil.which("nginx"):
        nginx_tmp = tmp / "nginx"
        nginx_tmp.mkdir()
        servers += nginx_servers(root, nginx_tmp, nginx_workers, (cert, key), cafile)
    else:
        notes.append("nginx is not installed: its rows are skipped (apt-get install nginx)")
    return {s.name: s for s in servers}


def run_suite_cells(tmp: Path, args: argparse.Namespace, rounds: int, seconds: int,
                    gui_seconds: float, generator: str, notes: list[str],
                    progress: Callable[[str], None]
                    ) -> tuple[list[Cell], list[Measurement], dict | str]:
    """Issue 9's cells against every server, then the GUI-attached cell."""
    root = tmp / "tree"
    root.mkdir()
    make_tree(root)
    tmp.chmod(0o755)  # nginx's workers run as another user
    servers = start_servers(root, tmp, args.nginx_workers, notes)
    try:
        for server in servers.values():
            warm_up(server, [SMALL, LISTING])
        cells = plan(set(servers))
        results = run_rounds(cells, servers, rounds, seconds, generator, progress)
    finally:
        for server in servers.values():
            stop(server)
    gui: dict | str = "skipped (--no-gui)"
    if not args.no_gui:
        progress(f"GUI attached cell ({gui_seconds:g} s per side)")
        gui = run_gui_cell(root, gui_seconds)
    return cells, results, gui


# Cell groups measured by modules of their own: --cells name -> (module, heading, issue).
# Each module has run_cells(rounds, seconds, generator, progress) -> dict, table_lines(result)
# and check_targets(result) -> list[Verdict].
GROUPS = {
    "tus": ("tus_bench", "resumable uploads (issue 15), Pier headless --upload", "issue 15"),
    "thumbs": ("media_bench", "thumbnails (issue 16)", "issue 16"),
    "search": ("search_bench", "search in subfolders (issue 16)", "issue 16"),
    "grid": ("grid_bench", "grid view in Chromium (issue 16)", "issue 16"),
    "dav": ("dav_bench", "WebDAV (issue 17): PROPFIND vs WsgiDAV and rclone, PUT vs POST",
            "issue 17"),
    "links": ("link_bench", "share links (issue 18): through a link vs direct", "issue 18"),
    "zip": ("zip_bench", "zip of many small files (issue 21), Pier vs copyparty", "issue 21"),
}
ALIASES = {"all": {"suite", *GROUPS}, "media": {"thumbs", "search", "grid"}}


class CellSkipped(RuntimeError):
    """A group's cells cannot run here (a tool is missing): a note, not a failure."""


def run_group(name: str, rounds: int, seconds: int, generator: str,
              progress: Callable[[str], None]) -> dict | str:
    """One group's cells; a note (str) instead of a result when they could not run."""
    import importlib
    module = importlib.import_module(GROUPS[name][0])
    try:
        return module.run_cells(rounds, seconds, generator, progress)
    except CellSkipped as why:
        progress(f"{name} cells: skipped: {why}")
        return f"skipped: {why}"
    except (RuntimeError, OSError, subprocess.SubprocessError) as err:
        progress(f"{name} cells: failed: {err}")
        return f"failed: {err}"


def group_lines(name: str, result: dict | str, rounds: int) -> tuple[list[str], list[Verdict]]:
    import importlib
    module_name, heading, issue = GROUPS[name]
    lines = ["", f"{heading}, {rounds} round(s):"]
    if not isinstance(result, dict):
        return [*lines, result], []
    module = importlib.import_module(module_name)
    verdicts = module.check_targets(result)
    return [*lines, *module.table_lines(result), "", f"targets ({issue}):",
            *verdict_lines(verdicts)], verdicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: 1 round of 2 s cells (under 2 minutes)")
    parser.add_argument("--seconds", type=int, help="length of each load cell (default 6)")
    parser.add_argument("--rounds", type=int, help="rounds (default 4)")
    parser.add_argument("--gui-seconds", type=float, help="each side of the GUI cell (default 20)")
    parser.add_argument("--no-gui", action="store_true", help="skip the GUI-attached cell")
    parser.add_argument("--generator", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--nginx-workers", default="auto",
                        help="nginx worker_processes (default auto: one per core)")
    parser.add_argument("--json", type=Path, help="write the JSON here instead of bench/results/")
    parser.add_argument("--cells", default="all",
                        help="comma-separated: all (default), suite (issue 9's cells and the "
                             "GUI cell), tus (issue 15's resumable uploads, bench/tus_bench.py), "
                             "thumbs, search, grid (issue 16: bench/media_bench.py, "
                             "search_bench.py, grid_bench.py), media (those three), dav "
                             "(issue 17's WebDAV, bench/dav_bench.py), links (issue 18's share "
                             "links, bench/link_bench.py), zip (issue 21's zips, "
                             "bench/zip_bench.py)")
    args = parser.parse_args()
    asked = {c.strip() for c in args.cells.split(",") if c.strip()}
    if not asked or asked - {"suite", *GROUPS, *ALIASES}:
        parser.error(f"--cells takes {', '.join(['all', 'suite', *GROUPS, 'media'])} "
                     "(comma-separated)")
    chosen = set().union(*(ALIASES.get(c, {c}) for c in asked))
    run_suite = "suite" in chosen
    groups = [name for name in GROUPS if name in chosen]
    seconds = args.seconds or (2 if args.quick else 6)
    rounds = args.rounds or (1 if args.quick else 4)
    gui_seconds = args.gui_seconds or (4 if args.quick else 20)
    generator = args.generator
    if generator == "auto":
        generator = "wrk" if shutil.which("wrk") else "python"
    notes: list[str] = []
    if generator == "python":
        notes.append("wrk is not installed: load from bench/loadgen.py "
                     f"({min(os.cpu_count() or 1, 100)} processes)")

    def progress(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    began = dt.datetime.now().astimezone()
    load_before = os.getloadavg()
    measured = machine()  # before the servers start: the commit they run
    cells: list[Cell] = []
    results: list[Measurement] = []
    gui: dict | str = "skipped (--no-gui)" if args.no_gui else "skipped (--cells)"
    with tempfile.TemporaryDirectory(prefix="pier-bench-") as tmp_name:
        if run_suite:
            cells, results, gui = run_suite_cells(Path(tmp_name), args, rounds, seconds,
                                                  gui_seconds, generator, notes, progress)
    grouped = {name: run_group(name, rounds, seconds, generator, progress) for name in groups}
    load_after = os.getloadavg()
    rows = summarise(cells, results)
    verdicts = check_targets(rows, gui) if run_suite else []
    header = (f"{began:%Y-%m-%d %H:%M %Z}; {rounds} round(s) x {seconds} s per load cell; "
              f"load: {generator}"
              + (f"; nginx worker_processes {args.nginx_workers}" if run_suite else "")
              + f"; cells: {', '.join(sorted(chosen))}; {os.cpu_count()} cores; load average "
              f"{load_before[0]:.2f} before, {load_after[0]:.2f} after")
    print("\n" + header)
    for note in notes:
        print(f"note: {note}")
    if run_suite:
        print("\n".join(table_lines(rows)))
        print("\n".join(gui_lines(gui)))
        print("\ntargets (issue 9):")
        print("\n".join(verdict_lines(verdicts)))
    report = {
        "started": began.isoformat(), "finished": dt.datetime.now().astimezone().isoformat(),
        "quick": args.quick, "rounds": rounds, "seconds": seconds, "generator": generator,
        "nginx_worker_processes": args.nginx_workers, "machine": measured,
        "load_average_before": load_before, "load_average_after": load_after, "notes": notes,
        "rows": [asdict(r) for r in rows], "gui": gui,
        "targets": [asdict(v) for v in verdicts], "measurements": [asdict(m) for m in results],
        "cells": sorted(chosen),
    }
    for name, result in grouped.items():
        lines, group_verdicts = group_lines(name, result, rounds)
        print("\n".join(lines))
        report[name] = result
        report[f"{name}_targets"] = [asdict(v) for v in group_verdicts]
    out = args.json or RESULTS / f"{began:%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1))
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
