"""Following a `pier` process from outside, as a script would: its `Serving <DIR> at <URL>` lines
(README "Headless use"; `pier --start DIR` prints them too) and a download from the address."""

from __future__ import annotations

import http.client
import re
import selectors
import subprocess
import time
from urllib.parse import urlsplit

SERVING = re.compile(r"^Serving (?P<dir>.+) at (?P<url>https?://\S+/)$")


def serving_line(proc: subprocess.Popen[str], timeout: float) -> re.Match[str]:
    """The process's first Serving line, read within ``timeout`` seconds (a deadline, not a
    wait: it returns as soon as the line is there). Fails with its stderr otherwise."""
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    seen: list[str] = []
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        while (left := deadline - time.monotonic()) > 0 and selector.select(left):
            line = proc.stdout.readline()
            if not line:
                break  # the process closed stdout: it ended
            match = SERVING.match(line.rstrip("\n"))
            if match:
                return match
            seen.append(line)
    proc.kill()
    _out, err = proc.communicate(timeout=30)
    raise AssertionError(f"no Serving line within {timeout} s; stdout {seen!r}; stderr {err!r}")


def download(url: str, path: str) -> tuple[int, bytes]:
    """GET ``path`` from the server at ``url`` (a Serving line's address): (status, body)."""
    return request(url, "GET", path)


def request(url: str, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
    """One request to the server at ``url`` on a fresh connection: (status, body)."""
    parts = urlsplit(url)
    assert parts.hostname and parts.port, url
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(method, path, body=body)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()
