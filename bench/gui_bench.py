"""Load the running GUI app and the same engine headless; compare.

    python bench/gui_bench.py [--seconds 30] [--procs 2] [--threads 4] [--max-requests 400000]

Each side runs in its own process (the window through the real app.main path, on the offscreen
platform unless a display is set). Load: ``procs`` processes x ``threads`` threads, each a
keep-alive http.client connection on loopback fetching a 1 KiB file, bounded by time and count.
Reports: served req/s GUI vs headless, GUI event-loop stall (lateness of a 10 ms QTimer: p50,
p99, max), records shown in the log vs requests made, peak RSS of the GUI process (psutil).
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from pathlib import Path

import psutil

HERE = Path(__file__).resolve()
FILE = "/one-kib.bin"
PROBE_MS = 10


# ---- load generator -------------------------------------------------------------------------

def _client(port: int, deadline: float, budget: int, out: list[int]) -> None:
    done = errors = 0
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    while done < budget and time.monotonic() < deadline:
        try:
            conn.request("GET", FILE)
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                done += 1
            else:
                errors += 1
        except OSError:
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.close()
    out.extend((done, errors))


def _load_process(port: int, seconds: float, threads: int, budget: int,
                  results: multiprocessing.Queue) -> None:
    deadline = time.monotonic() + seconds
    outs: list[list[int]] = [[] for _ in range(threads)]
    workers = [threading.Thread(target=_client, args=(port, deadline, budget, outs[i]))
               for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    results.put((sum(o[0] for o in outs), sum(o[1] for o in outs)))


def drive(port: int, seconds: float, procs: int, threads: int, max_requests: int,
          watch_pid: int | None) -> dict[str, float]:
    budget = max(1, max_requests // (procs * threads))
    results: multiprocessing.Queue = multiprocessing.Queue()
    started = time.monotonic()
    loaders = [multiprocessing.Process(target=_load_process,
                                       args=(port, seconds, threads, budget, results))
               for _ in range(procs)]
    for loader in loaders:
        loader.start()
    peak = _watch_rss(watch_pid, loaders) if watch_pid else 0
    totals = [results.get(timeout=seconds + 60) for _ in loaders]
    for loader in loaders:
        loader.join()
    elapsed = time.monotonic() - started
    ok = sum(t[0] for t in totals)
    return {"requests": ok, "errors": sum(t[1] for t in totals), "seconds": elapsed,
            "rps": ok / elapsed, "peak_rss_sampled": peak}


def _watch_rss(pid: int, loaders: list[multiprocessing.Process]) -> int:
    proc, peak = psutil.Process(pid), 0
    while any(loader.is_alive() for loader in loaders):
        peak = max(peak, proc.memory_info().rss)
        time.sleep(0.2)
    return max(peak, proc.memory_info().rss)


# ---- the two servers under test (child processes) -------------------------------------------

def child_headless(folder: str) -> None:
    from server.config import ServerConfig
    from server.engine import ServerEngine

    records: deque = deque(maxlen=100_000)
    engine = ServerEngine(sink=records.append)
    engine.start(ServerConfig(root=Path(folder), port=0))
    print(f"PORT {engine.port}", flush=True)
    for line in sys.stdin:
        if line.strip() == "report":
            print(json.dumps({"total_requests": engine.stats().total_requests}), flush=True)
            break
    engine.stop()


def child_gui(folder: str) -> None:
    import asyncio

    import qasync
    from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal

    from app.main import make_application, run_window
    from app.services import AppServices
    from server.appdirs import pier_paths
    from ui.main_window import MainWindow

    class Probe(QObject):
        command = Signal(str)

        def __init__(self) -> None:
            super().__init__()
            self.late: list[float] = []
            self.clock = QElapsedTimer()
            self.timer = QTimer(self, interval=PROBE_MS, timerType=Qt.TimerType.PreciseTimer)
            self.timer.timeout.connect(self.tick)

        def start(self) -> None:
            self.late.clear()
            self.clock.start()
            self.timer.start()

        def tick(self) -> None:
            self.late.append(max(0.0, self.clock.restart() - PROBE_MS))

    app = make_application()
    if os.environ.get("BENCH_SWITCH_INTERVAL"):  # experiment knob, not used by the app
        sys.setswitchinterval(float(os.environ["BENCH_SWITCH_INTERVAL"]))
    paths = pier_paths()  # PIER_CONFIG_DIR, as set above or by the caller
    window = MainWindow(AppServices.create(paths), use_tray=False)
    probe = Probe()

    def on_started(_urls: list[str]) -> None:
        print(f"PORT {window.controller.port}", flush=True)

    def on_command(text: str) -> None:
        if text == "go":
            if os.environ.get("BENCH_PAUSE_LOG"):  # experiment knob: baseline without painting
                window.log_panel.set_paused(True)
            probe.start()
        elif text == "report":
            probe.timer.stop()
            window.bridge.drain()
            late = sorted(probe.late) or [0.0]
            print(json.dumps({
                "stall_p50_ms": statistics.median(late),
                "stall_p99_ms": late[int(0.99 * (len(late) - 1))],
                "stall_max_ms": late[-1],
                "ticks": len(late),
                "rows_in_ring": window.model.rowCount(),
                "records_shown": window.model.appended_total,
                "ring_size": window.model.capacity,
                "engine_total": window.controller._engine.stats().total_requests,
                "ru_maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }), flush=True)
            window.request_quit()

    window.controller.started.connect(on_started)
    probe.command.connect(on_command, Qt.ConnectionType.QueuedConnection)
    threading.Thread(target=lambda: [probe.command.emit(line.strip()) for line in sys.stdin],
                     daemon=True).start()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(run_window(window, folder))


# ---- orchestration --------------------------------------------------------------------------

def spawn(kind: str, folder: Path, config: Path) -> tuple[subprocess.Popen[str], int]:
    env = dict(os.environ, PIER_CONFIG_DIR=str(config))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    proc = subprocess.Popen([sys.executable, str(HERE), "--child", kind, str(folder)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
                            cwd=HERE.parent.parent)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("PORT "):
            return proc, int(line.split()[1])
    raise RuntimeError(f"{kind} child did not start")


def ask_report(proc: subprocess.Popen[str]) -> dict[str, float]:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("report\n")
    proc.stdin.flush()
    for line in proc.stdout:
        if line.startswith("{"):
            report = json.loads(line)
            proc.wait(timeout=30)
            return report
    raise RuntimeError("no report")


def run_side(kind: str, folder: Path, args: argparse.Namespace) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as config:
        proc, port = spawn(kind, folder, Path(config))
        try:
            if kind == "gui":
                assert proc.stdin is not None
                proc.stdin.write("go\n")
                proc.stdin.flush()
            load = drive(port, args.seconds, args.procs, args.threads, args.max_requests,
                         proc.pid if kind == "gui" else None)
            time.sleep(0.5)  # let the last drain tick (100 ms) happen before asking
            return {**load, **ask_report(proc)}
        finally:
            if proc.poll() is None:
                proc.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--max-requests", type=int, default=1_000_000)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, folder = args.child
        (child_gui if kind == "gui" else child_headless)(folder)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / FILE.lstrip("/")).write_bytes(os.urandom(1024))
        headless = run_side("headless", folder, args)
        gui = run_side("gui", folder, args)
    print_report(headless, gui, args)
    return 0


def print_report(headless: dict[str, float], gui: dict[str, float],
                 args: argparse.Namespace) -> None:
    ratio = gui["rps"] / headless["rps"] if headless["rps"] else 0.0
    expected = min(gui["requests"], gui["ring_size"])
    print(f"load: {args.procs} processes x {args.threads} keep-alive connections, "
          f"{args.seconds:.0f} s, GET {FILE} on 127.0.0.1 ({os.cpu_count()} CPUs)")
    print(f"headless : {headless['requests']:>9,.0f} requests  {headless['rps']:>8,.0f} req/s  "
          f"errors {headless['errors']:.0f}")
    print(f"GUI      : {gui['requests']:>9,.0f} requests  {gui['rps']:>8,.0f} req/s  "
          f"errors {gui['errors']:.0f}")
    print(f"GUI / headless throughput: {ratio:.2f}   (target >= 0.90)")
    print(f"GUI loop stall (10 ms timer lateness over {gui['ticks']:.0f} ticks): "
          f"p50 {gui['stall_p50_ms']:.1f} ms, p99 {gui['stall_p99_ms']:.1f} ms, "
          f"max {gui['stall_max_ms']:.1f} ms   (target p99 <= 50 ms)")
    print(f"records: made {gui['requests']:,.0f} (engine counted {gui['engine_total']:,.0f}), "
          f"appended to the log {gui['records_shown']:,.0f}, in the ring {gui['rows_in_ring']:,.0f}"
          f" of {gui['ring_size']:,.0f} (expected {expected:,.0f})")
    lost = gui["engine_total"] - gui["records_shown"]
    print(f"records lost: {lost:,.0f}   (target 0 up to the ring size)")
    print(f"GUI peak RSS: {gui['peak_rss_sampled'] / 2**20:.0f} MiB sampled by psutil, "
          f"{gui['ru_maxrss_mib']:.0f} MiB ru_maxrss   (target <= 300 MiB)")


if __name__ == "__main__":
    sys.exit(main())
