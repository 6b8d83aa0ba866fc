"""Fixtures and helpers for the hostile-input suite: a canary outside the share that must never
leak, raw-socket exchanges that check every answer for it, and deadline-based polling."""

from __future__ import annotations

import os
import re
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import RunningServer

try:
    import resource
except ImportError:  # Windows: no file-descriptor limit to raise
    resource = None  # type: ignore[assignment]

CANARY = b"PIER-CANARY-9d41e7"  # content of every file that lives outside the share
HEADER_LINE = re.compile(rb"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+: [\x20-\x7e\x80-\xff\t]*$")


@pytest.fixture
def canary(share: Path) -> Path:
    """A file next to the share, plus sibling folders whose names start like the share's."""
    outside = share.parent
    secret = outside / "canary.txt"
    secret.write_bytes(CANARY + b" outside the share\n")
    for sibling in ("share-sibling", "share2", "share.bak", "shar"):
        (outside / sibling).mkdir()
        (outside / sibling / "secret.txt").write_bytes(CANARY + b" in a sibling\n")
    return secret


def request(path: str, *extra: str, method: str = "GET", version: str = "HTTP/1.1") -> bytes:
    """One request head with Connection: close, so that the server ends the exchange."""
    lines = [f"{method} {path} {version}", "Host: localhost", *extra, "Connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1")


def exchange(running: RunningServer, data: bytes, timeout: float = 5.0) -> bytes:
    """Send raw bytes; return all the server sent until it closed. Never contains the canary."""
    answer = running.raw(data, timeout=timeout)
    assert CANARY not in answer, data[:200]
    return answer


def status_of(data: bytes) -> int:
    assert data.startswith(b"HTTP/1.1 "), data[:100]
    return int(data.split(b" ", 2)[1])


def answers(data: bytes) -> int:
    """How many responses a byte stream holds (each of Pier's answers names the server)."""
    return len(re.findall(rb"HTTP/1\.1 \d{3} [^\r\n]*\r\n", data))


def head_and_body(data: bytes) -> tuple[dict[str, list[str]], bytes]:
    """Header fields (lower-cased names, every value kept) and the body of ONE response;
    every header line must be well formed."""
    head, _, body = data.partition(b"\r\n\r\n")
    fields: dict[str, list[str]] = {}
    for line in head.split(b"\r\n")[1:]:
        assert HEADER_LINE.match(line), line
        name, _, value = line.partition(b": ")
        fields.setdefault(name.decode("ascii").lower(), []).append(value.decode("latin-1"))
    return fields, body


def wait_until(predicate: Callable[[], bool], timeout: float, step: float = 0.01) -> bool:
    """Poll ``predicate`` until it holds or ``timeout`` seconds pass; returns the last answer."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(step)


def connect(port: int, *, timeout: float = 5.0, rcvbuf: int | None = None,
            source: str | None = None) -> socket.socket:
    """A client socket; ``rcvbuf`` is set before connecting so the TCP window honours it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    if rcvbuf is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    if source is not None:
        sock.bind((source, 0))
    sock.connect(("127.0.0.1", port))
    return sock


def read_head(sock: socket.socket) -> tuple[bytes, bytes]:
    """(response head, the body bytes that arrived with it)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError(f"connection closed before the head ended: {data[:200]!r}")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return head, rest


def read_rest(sock: socket.socket, already: bytes = b"") -> tuple[bytes, bool]:
    """Read until the peer closes. (bytes, True when it closed; False on client timeout)."""
    chunks = [already]
    try:
        while True:
            chunk = sock.recv(1 << 20)
            if not chunk:
                return b"".join(chunks), True
            chunks.append(chunk)
    except ConnectionResetError:
        return b"".join(chunks), True
    except TimeoutError:
        return b"".join(chunks), False


def content_length(head: bytes) -> int:
    match = re.search(rb"\r\nContent-Length: (\d+)", head)
    assert match, head
    return int(match.group(1))


def raise_fd_limit(needed: int) -> None:
    """Raise the soft limit on open files if it is below ``needed``; skip if the hard one is."""
    if resource is None:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= needed:
        return
    if hard != resource.RLIM_INFINITY and hard < needed:
        pytest.skip(f"needs {needed} open files; the hard limit is {hard}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))


DESCRIPTOR_LIMIT = 1024  # what low_descriptor_limit leaves the whole process (server and test)


@pytest.fixture
def low_descriptor_limit() -> Iterator[None]:
    """This process limited to DESCRIPTOR_LIMIT descriptors while the test runs (the tests that
    run a server out of descriptors); skipped where that cannot be set."""
    import resource  # POSIX only

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if len(os.listdir("/proc/self/fd")) > 200 or (
            hard != resource.RLIM_INFINITY and hard < DESCRIPTOR_LIMIT):
        pytest.skip("this process cannot run under a 1,024 descriptor limit")
    resource.setrlimit(resource.RLIMIT_NOFILE, (DESCRIPTOR_LIMIT, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
