"""A bundled keep-alive HTTP(S) load generator, used by bench/run.py when wrk is not installed.

    python bench/loadgen.py URL [-c 10] [-d 5] [-H "Name: value"] [--cafile CA.pem]

``connections`` keep-alive connections are spread over several processes (one per core by
default, so the generator is not held back by one GIL), each connection a thread with a blocking
socket and a small hand-written response reader. All connections are opened first; the clock
starts together in every process (CLOCK_MONOTONIC is shared) and stops after ``seconds``. A
response that closes the connection (HTTP/1.0, ``Connection: close``) is followed by a new one.
Reports requests/s, latency percentiles and errors in the shape wrk reports them.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import socket
import ssl
import sys
import threading
import time
from array import array
from dataclasses import dataclass
from urllib.parse import urlsplit

READ_CHUNK = 256 * 1024
START_DELAY = 0.5  # seconds between "all processes started" and the common start instant
SOCKET_TIMEOUT = 10.0


@dataclass
class LoadResult:
    requests: int
    seconds: float
    errors: int  # connect/read/write failures and timeouts
    non_2xx: int  # responses with a status of 400 or more
    p50_ms: float
    p99_ms: float
    max_ms: float
    bytes_read: int

    @property
    def requests_per_s(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def ok_per_s(self) -> float:
        """Responses below 400 per second: refusals (503, 401) do not count as served."""
        return (self.requests - self.non_2xx) / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Target:
    host: str
    port: int
    tls: bool
    request: bytes
    cafile: str | None


class ConnectionClosed(OSError):
    """The server closed the connection before a complete response."""


def make_target(url: str, headers: list[str] | None = None, cafile: str | None = None,
                method: str = "GET", body: bytes = b"") -> Target:
    """The request sent again and again: ``method`` (PROPFIND for bench/dav_bench.py) with
    ``body``, if any, and its Content-Length."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url}")
    tls = parts.scheme == "https"
    port = parts.port or (443 if tls else 80)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    lines = [f"{method} {path} HTTP/1.1", f"Host: {parts.hostname}:{port}", *(headers or [])]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
    return Target(parts.hostname, port, tls, request, cafile)


def _tls_context(cafile: str | None) -> ssl.SSLContext:
    if cafile:
        return ssl.create_default_context(cafile=cafile)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


class Connection:
    """One keep-alive connection: send the prepared request, read one response."""

    def __init__(self, target: Target, context: ssl.SSLContext | None) -> None:
        sock = socket.create_connection((target.host, target.port), timeout=SOCKET_TIMEOUT)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if context is not None:
            sock = context.wrap_socket(sock, server_hostname=target.host)
        self.sock = sock
        self.reader = sock.makefile("rb", buffering=READ_CHUNK)
        self.scratch = bytearray(READ_CHUNK)

    def close(self) -> None:
        self.reader.close()
        self.sock.close()

    def exchange(self, request: bytes) -> tuple[int, int, bool]:
        """Send ``request``; return (status, body bytes, connection still usable)."""
        self.sock.sendall(request)
        status_line = self.reader.readline(65536)
        if not status_line:
            raise ConnectionClosed("closed before the status line")
        version, status = status_line[:8], int(status_line[9:12])
        length, chunked, close = -1, False, version == b"HTTP/1.0"
        while True:
            line = self.reader.readline(65536)
            if line in (b"\r\n", b"\n"):
                break
            if not line:
                raise ConnectionClosed("closed inside the head")
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding":
                chunked = b"chunked" in value.lower()
            elif name == b"connection":
                token = value.strip().lower()
                close = token == b"close" or (version == b"HTTP/1.0" and token != b"keep-alive")
        if chunked:
            return status, self._read_chunked(), not close
        if length >= 0:
            self._read_exactly(length)
            return status, length, not close
        return status, self._read_to_end(), False

    def _read_exactly(self, count: int) -> None:
        view = memoryview(self.scratch)
        while count > 0:
            got = self.reader.readinto(view[:min(count, READ_CHUNK)])
            if not got:
                raise ConnectionClosed("closed inside the body")
            count -= got

    def _read_chunked(self) -> int:
        total = 0
        while True:
            size = int(self.reader.readline(1024).split(b";")[0], 16)
            if size == 0:
                while self.reader.readline(65536) not in (b"\r\n", b"\n", b""):
                    pass
                return total
            self._read_exactly(size + 2)
            total += size

    def _read_to_end(self) -> int:
        total = 0
        while got := self.reader.readinto(self.scratch):
            total += got
        return total


class Worker(threading.Thread):
    """One connection's loop; counts only responses completed inside the window."""

    def __init__(self, target: Target, context: ssl.SSLContext | None) -> None:
        super().__init__(daemon=True)
        self.target, self.context = target, context
        self.latencies = array("d")
        self.errors = self.non_2xx = self.bytes_read = 0
        self.connection: Connection | None = None
        self.start_at = self.stop_at = 0.0

    def connect(self) -> None:
        try:
            self.connection = Connection(self.target, self.context)
        except OSError:
            self.errors += 1
            self.connection = None

    def run(self) -> None:
        self.connect()  # all threads connect at once: a small listen backlog delays, not serialises
        _wait_until(self.start_at)
        request, clock = self.target.request, time.monotonic
        while (began := clock()) < self.stop_at:
            try:
                if self.connection is None:
                    self.connection = Connection(self.target, self.context)
                status, size, keep = self.connection.exchange(request)
            except (OSError, ValueError):
                self.errors += 1
                self._drop()
                continue
            done = clock()
            if done <= self.stop_at:
                self.latencies.append(done - began)
                self.bytes_read += size
                self.non_2xx += status >= 400
            if not keep:
                self._drop()
        self._drop()

    def _drop(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def _wait_until(moment: float) -> None:
    while (left := moment - time.monotonic()) > 0:
        time.sleep(min(left, 0.05))  # a clock deadline, not synchronisation with a server


def _process_main(target: Target, connections: int, start_at: float, seconds: float,
                  out: multiprocessing.Queue) -> None:
    context = _tls_context(target.cafile) if target.tls else None
    workers = [Worker(target, context) for _ in range(connections)]
    for worker in workers:
        worker.start_at, worker.stop_at = start_at, start_at + seconds
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(seconds + START_DELAY + SOCKET_TIMEOUT * 2)
    latencies = array("d")
    for worker in workers:
        latencies.extend(worker.latencies)
    out.put((latencies.tobytes(), sum(w.errors for w in workers),
             sum(w.non_2xx for w in workers), sum(w.bytes_read for w in workers)))


def run_load(url: str, connections: int, seconds: float, headers: list[str] | None = None,
             cafile: str | None = None, processes: int | None = None, method: str = "GET",
             body: bytes = b"") -> LoadResult:
    """Drive ``url`` with ``connections`` keep-alive connections for ``seconds``."""
    target = make_target(url, headers, cafile, method, body)
    processes = max(1, min(processes or os.cpu_count() or 1, connections))
    shares = [connections // processes + (i < connections % processes) for i in range(processes)]
    context = multiprocessing.get_context("spawn")
    out: multiprocessing.Queue = context.Queue()
    # every process opens its connections before this instant (spawn takes about 0.1 s each)
    start_at = time.monotonic() + START_DELAY + 0.15 * processes
    children = [context.Process(target=_process_main, args=(target, n, start_at, seconds, out),
                                daemon=True) for n in shares]
    for child in children:
        child.start()
    deadline = start_at + seconds + SOCKET_TIMEOUT * 3
    parts = [out.get(timeout=max(1.0, deadline - time.monotonic())) for _ in children]
    for child in children:
        child.join(timeout=5)
        if child.is_alive():
            child.kill()
    latencies = array("d")
    for raw, *_ in parts:
        latencies.frombytes(raw)
    ordered = sorted(latencies)
    return LoadResult(
        requests=len(ordered), seconds=seconds,
        errors=sum(p[1] for p in parts), non_2xx=sum(p[2] for p in parts),
        p50_ms=_percentile(ordered, 0.50) * 1000, p99_ms=_percentile(ordered, 0.99) * 1000,
        max_ms=(ordered[-1] * 1000) if ordered else 0.0, bytes_read=sum(p[3] for p in parts))


def _percentile(ordered: list[float], fraction: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("-c", "--connections", type=int, default=10)
    parser.add_argument("-d", "--seconds", type=float, default=5.0)
    parser.add_argument("-p", "--processes", type=int, help="default: one per core")
    parser.add_argument("-H", "--header", action="append", default=[],
                        help="an extra request header, e.g. 'Authorization: Basic ...'")
    parser.add_argument("--cafile", help="verify HTTPS against this CA (default: no check)")
    args = parser.parse_args()
    result = run_load(args.url, args.connections, args.seconds, args.header, args.cafile,
                      args.processes)
    print(f"{result.requests_per_s:,.0f} req/s  p50 {result.p50_ms:.2f} ms  "
          f"p99 {result.p99_ms:.2f} ms  max {result.max_ms:.1f} ms  errors {result.errors}  "
          f"non-2xx {result.non_2xx}  ({result.requests:,} requests, "
          f"{result.bytes_read / 2**20:,.1f} MiB in {result.seconds:g} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
