"""Bandwidth-limit accuracy and the live monitor's cost, against the real engine on loopback.

    python bench/bench_limits.py [--seconds 10] [--rounds 6] [--round-seconds 5] [--skip-limits]
                                 [--skip-monitor]

(a) Limits: a global limit (default 5 MiB/s) and a per-device limit (1 MiB/s); clients download
    a sparse 1 GiB file for ``--seconds`` each, from distinct loopback source addresses
    (127.0.0.x, so each is a device of its own) and, once, four connections from one address.
    Prints the achieved rate against the rate the limits allow (target: within 10%).
(b) Monitor: requests per second for a 1 KiB file with the engine's Monitor as it is (records
    appended, aggregated by a 1 Hz snapshot as the window does) against Monitor.add replaced by
    a no-op, alternating in the same run for ``--rounds`` rounds. Load: wrk when /usr/bin/wrk
    exists, else http.client threads in another process. Prints each round and the ratio
    (target: the monitor costs < 5%).
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server.config import ServerConfig
from server.control import TrafficLimits
from server.engine import ServerEngine

MIB = 1024 * 1024
BIG = "/big.bin"
SMALL = "/one-kib.bin"


def make_share(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    with open(root / BIG.lstrip("/"), "wb") as handle:
        handle.truncate(1024 * MIB)  # sparse: costs no disk
    (root / SMALL.lstrip("/")).write_bytes(os.urandom(1024))
    return root


# ---- (a) bandwidth limits -------------------------------------------------------------------

def _download(port: int, source: str, seconds: float, out: list[tuple[int, float]]) -> None:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0))
    sock.sendall(f"GET {BIG} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
    received, started = 0, time.monotonic()
    deadline = started + seconds
    try:
        while (now := time.monotonic()) < deadline:
            sock.settimeout(max(0.01, deadline - now))
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += len(chunk)
    except TimeoutError:
        pass
    finally:
        sock.close()
    out.append((received, time.monotonic() - started))


def measure_rate(port: int, sources: list[str], seconds: float) -> float:
    """Bytes per second received by all ``sources`` together."""
    out: list[tuple[int, float]] = []
    threads = [threading.Thread(target=_download, args=(port, source, seconds, out))
               for source in sources]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = sum(received for received, _ in out)
    return total / max(elapsed for _, elapsed in out)


def bench_limits(root: Path, seconds: float, total_mib: float, client_mib: float) -> None:
    engine = ServerEngine(bans_file=root.parent / "bans.json")
    engine.start(ServerConfig(root=root, port=0))
    engine.control.set_limits(TrafficLimits(total_rate=int(total_mib * MIB),
                                     client_rate=int(client_mib * MIB)))
    cases = (("1 client", ["127.0.0.10"]),
             ("4 clients", [f"127.0.0.{20 + i}" for i in range(4)]),
             ("8 clients", [f"127.0.0.{30 + i}" for i in range(8)]),
             ("4 connections, 1 address", ["127.0.0.40"] * 4))
    print(f"(a) limits: {total_mib:g} MiB/s in total, {client_mib:g} MiB/s per device, "
          f"{seconds:g} s per case")
    try:
        for name, sources in cases:
            devices = len(set(sources))
            allowed = min(total_mib, client_mib * devices) * MIB
            rate = measure_rate(engine.port, sources, seconds)
            error = (rate - allowed) / allowed
            verdict = "ok" if abs(error) <= 0.10 else "OUT OF 10%"
            print(f"    {name:<26} {rate / MIB:6.3f} MiB/s  allowed {allowed / MIB:6.3f}"
                  f"  {error:+6.1%}  {verdict}", flush=True)
    finally:
        engine.stop()


# ---- (b) the monitor's cost -----------------------------------------------------------------

def _client(port: int, deadline: float, out: list[int]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    done = 0
    while time.monotonic() < deadline:
        conn.request("GET", SMALL)
        conn.getresponse().read()
        done += 1
    conn.close()
    out.append(done)


def _load_process(port: int, seconds: float, connections: int,
                  results: multiprocessing.Queue) -> None:
    deadline = time.monotonic() + seconds
    out: list[int] = []
    threads = [threading.Thread(target=_client, args=(port, deadline, out))
               for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(sum(out))


def load(port: int, seconds: float, connections: int) -> float:
    """Requests per second served during ``seconds`` of keep-alive load."""
    wrk = shutil.which("wrk")
    if wrk:
        result = subprocess.run([wrk, "-t2", f"-c{connections}", f"-d{seconds:g}s",
                                 f"http://127.0.0.1:{port}{SMALL}"],
                                capture_output=True, text=True, check=True,
                                timeout=seconds + 30)
        match = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
        if not match:
            raise RuntimeError(f"unexpected wrk output:\n{result.stdout}")
        return float(match.group(1))
    results: multiprocessing.Queue = multiprocessing.Queue()
    process = multiprocessing.get_context("spawn").Process(
        target=_load_process, args=(port, seconds, connections, results))
    started = time.monotonic()
    process.start()
    done = results.get(timeout=seconds + 30)
    process.join()
    return done / (time.monotonic() - started)


class SnapshotTicker:
    """Calls Monitor.snapshot() once a second, as the window's feed does."""

    def __init__(self, engine: ServerEngine) -> None:
        self._engine = engine
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-snapshot")
        self.costs: list[float] = []

    def _run(self) -> None:
        while not self._stop.wait(1.0):
            started = time.perf_counter()
            self._engine.monitor.snapshot()
            self.costs.append(time.perf_counter() - started)

    def __enter__(self) -> SnapshotTicker:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def _discard(_record: object) -> None:
    pass


def bench_monitor(root: Path, rounds: int, seconds: float, connections: int) -> None:
    engine = ServerEngine(bans_file=root.parent / "bans.json")
    engine.start(ServerConfig(root=root, port=0))
    monitor = engine.monitor
    tool = "wrk" if shutil.which("wrk") else "http.client threads"
    print(f"(b) monitor cost: 1 KiB file, {connections} keep-alive connections ({tool}), "
          f"{rounds} rounds x {seconds:g} s per variant, alternating")
    with_monitor: list[float] = []
    without: list[float] = []
    try:
        load(engine.port, 2, connections)  # warm-up: caches, thread pool
        with SnapshotTicker(engine) as ticker:
            for index in range(rounds):
                order = ("on", "off") if index % 2 == 0 else ("off", "on")
                for variant in order:
                    if variant == "off":
                        monitor.add = _discard  # type: ignore[method-assign]
                    rate = load(engine.port, seconds, connections)
                    if variant == "off":
                        del monitor.add
                        without.append(rate)
                    else:
                        with_monitor.append(rate)
                    monitor.snapshot()  # nothing carried over into the next round
                print(f"    round {index + 1}: monitor on {with_monitor[-1]:9,.0f} req/s, "
                      f"off {without[-1]:9,.0f} req/s, ratio {with_monitor[-1] / without[-1]:.3f}",
                      flush=True)
        ratios = [on / off for on, off in zip(with_monitor, without, strict=True)]
        on_median, off_median = statistics.median(with_monitor), statistics.median(without)
        print(f"    median on {on_median:,.0f} req/s, off {off_median:,.0f} req/s; "
              f"cost {1 - on_median / off_median:+.1%} "
              f"(per-round ratios {min(ratios):.3f}..{max(ratios):.3f}); "
              f"snapshot at 1 Hz took {1000 * statistics.median(ticker.costs):.1f} ms median, "
              f"{1000 * max(ticker.costs):.1f} ms max")
    finally:
        engine.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="per limits case")
    parser.add_argument("--total-mib", type=float, default=5.0)
    parser.add_argument("--client-mib", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--round-seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--skip-limits", action="store_true")
    parser.add_argument("--skip-monitor", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("PIER_CONFIG_DIR", str(Path(tmp) / "config"))
        root = make_share(Path(tmp) / "share")
        if not args.skip_limits:
            bench_limits(root, args.seconds, args.total_mib, args.client_mib)
        if not args.skip_monitor:
            bench_monitor(root, args.rounds, args.round_seconds, args.connections)
    return 0


if __name__ == "__main__":
    sys.exit(main())
