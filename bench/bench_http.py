"""Side-by-side benchmark: Pier (headless) vs `python -m http.server` on the same files.

    python bench/bench_http.py [--seconds 5] [--rounds 3] [--connections 10] [--json out.json]

Both servers serve one generated tree on loopback; each cell is driven with the same keep-alive
load (wrk when installed, else the bundled Python load generator), the peers alternating within a
round. Prints req/s, p99 latency and the ratio Pier / http.server measured in the same round.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CELLS = {"1 KiB file": "/small.bin", "1 MiB file": "/medium.bin", "1,000-entry listing": "/many/"}


@dataclass
class Result:
    server: str
    cell: str
    round: int
    requests_per_s: float
    p99_ms: float
    errors: int


def make_tree(root: Path) -> None:
    (root / "small.bin").write_bytes(os.urandom(1024))
    (root / "medium.bin").write_bytes(os.urandom(1024 * 1024))
    many = root / "many"
    many.mkdir()
    for i in range(1000):
        (many / f"file-{i:04d}.txt").write_bytes(b"x" * (i % 97))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_pier(root: Path) -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen([sys.executable, "-m", "server.cli", "serve", str(root), "--port", "0"],
                            cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    port = int(re.search(r":(\d+)/$", line.strip()).group(1))
    return proc, port


def start_stdlib(root: Path) -> tuple[subprocess.Popen[str], int]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "-b", "127.0.0.1",
                             "-d", str(root)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            text=True)
    wait_until_listening(port)
    return proc, port


def wait_until_listening(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"server on port {port} did not start")


def run_wrk(url: str, connections: int, seconds: float) -> tuple[float, float, int]:
    duration = f"-d{max(1, round(seconds))}s"
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", duration, "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = _wrk_ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, p99, errors + (int(non2xx.group(1)) if non2xx else 0)


def _wrk_ms(text: str) -> float:
    value, unit = float(re.match(r"[\d.]+", text).group()), re.sub(r"[\d.]+", "", text)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_python_load(port: int, path: str, connections: int, seconds: float
                    ) -> tuple[float, float, int]:
    """A bounded keep-alive load: `connections` threads, each one connection, for `seconds`."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client() -> None:
        local: list[float] = []
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < stop_at:
            began = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    raise OSError(response.status)
            except (OSError, http.client.HTTPException):
                errors[0] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            local.append(time.perf_counter() - began)
        conn.close()
        with lock:
            latencies.extend(local)

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99)] * 1000 if latencies else 0.0
    return len(latencies) / seconds, p99, errors[0]


def measure(port: int, path: str, connections: int, seconds: float) -> tuple[float, float, int]:
    if shutil.which("wrk"):
        return run_wrk(f"http://127.0.0.1:{port}{path}", connections, seconds)
    return run_python_load(port, path, connections, seconds)


def stop(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_tree(root)
        servers = {"pier": start_pier(root), "http.server": start_stdlib(root)}
        try:
            for rnd in range(args.rounds):
                order = list(servers) if rnd % 2 == 0 else list(reversed(servers))
                for cell, path in CELLS.items():
                    for name in order:
                        rate, p99, errors = measure(servers[name][1], path, args.connections,
                                                    args.seconds)
                        results.append(Result(name, cell, rnd, rate, p99, errors))
        finally:
            for proc, _ in servers.values():
                stop(proc)
    print_table(results, args)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1))
    return 0


def print_table(results: list[Result], args: argparse.Namespace) -> None:
    tool = "wrk" if shutil.which("wrk") else "python load generator"
    print(f"\n{args.connections} keep-alive connections, {args.seconds:g} s x {args.rounds} "
          f"rounds, {tool}, {os.cpu_count()} cores")
    print(f"{'cell':<22}{'pier req/s':>12}{'p99 ms':>9}{'stdlib req/s':>14}{'p99 ms':>9}"
          f"{'ratio (median of rounds)':>27}")
    for cell in CELLS:
        mine = [r for r in results if r.cell == cell and r.server == "pier"]
        base = [r for r in results if r.cell == cell and r.server == "http.server"]
        ratios = [m.requests_per_s / b.requests_per_s for m, b in zip(mine, base, strict=True)
                  if b.requests_per_s]
        errors = sum(r.errors for r in mine)
        print(f"{cell:<22}{_median(mine, 'requests_per_s'):>12,.0f}{_median(mine, 'p99_ms'):>9.1f}"
              f"{_median(base, 'requests_per_s'):>14,.0f}{_median(base, 'p99_ms'):>9.1f}"
              f"{statistics.median(ratios) if ratios else 0:>26.1f}x"
              + (f"  ({errors} pier errors)" if errors else ""))


def _median(rows: list[Result], field: str) -> float:
    return statistics.median(getattr(r, field) for r in rows) if rows else 0.0


if __name__ == "__main__":
    sys.exit(main())
