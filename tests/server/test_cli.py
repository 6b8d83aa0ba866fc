"""The headless CLI contract: `pier serve DIR --port 0` prints `Serving <DIR> at <URL>`,
serves, and exits 0 on SIGINT/SIGTERM; errors are one line on stderr and a non-zero exit.

These tests run the real command in a subprocess, because the contract is about a process:
its stdout line, its signals and its exit code."""

from __future__ import annotations

import base64
import http.client
import os
import pty
import re
import select
import signal
import ssl
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from server.engine import bind_listener

SERVING = re.compile(r"^Serving (?P<dir>.+) at (?P<url>https?://\S+/)$")


def pier(*args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, "-m", "server.cli", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        cwd=Path(__file__).resolve().parents[2],
    )


def first_line(proc: subprocess.Popen[str]) -> re.Match[str]:
    assert proc.stdout is not None
    line = proc.stdout.readline().rstrip("\n")
    match = SERVING.match(line)
    if not match:
        err = proc.stderr.read() if proc.stderr else ""
        pytest.fail(f"unexpected first line {line!r}; stderr: {err}")
    return match


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_serve_prints_url_serves_and_stops_cleanly(share, stop_signal):
    proc = pier("serve", str(share), "--port", "0")
    try:
        match = first_line(proc)
        assert match["dir"] == str(share.resolve())
        url = urlsplit(match["url"])
        assert url.hostname == "127.0.0.1" and url.port
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        conn.request("GET", "/hello.txt")
        assert conn.getresponse().read() == b"hello, world\n"
        conn.close()
        proc.send_signal(stop_signal)
        assert proc.wait(timeout=30) == 0
        assert proc.stderr is not None and proc.stderr.read() == ""
    finally:
        proc.kill()
        proc.wait()


def test_all_interfaces_prints_loopback_first_then_lan(share):
    proc = pier("serve", str(share), "--host", "0.0.0.0", "--port", "0")
    try:
        match = first_line(proc)
        assert urlsplit(match["url"]).hostname == "127.0.0.1"
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=30)  # a hang guard; a loaded CI machine is slow
        for line in out.splitlines():
            assert SERVING.match(line)
        assert proc.returncode == 0
    finally:
        proc.kill()
        proc.wait()


def test_missing_folder_is_one_line_on_stderr(tmp_path):
    proc = pier("serve", str(tmp_path / "nope"), "--port", "0")
    out, err = proc.communicate(timeout=30)
    assert proc.returncode != 0
    assert out == ""
    assert err.strip().count("\n") == 0 and "does not exist" in err
    assert "Traceback" not in err


def test_port_in_use_is_one_line_on_stderr(share):
    holder = bind_listener("127.0.0.1", 0)
    try:
        port = holder.getsockname()[1]
        proc = pier("serve", str(share), "--port", str(port))
        _, err = proc.communicate(timeout=30)
    finally:
        holder.close()
    assert proc.returncode != 0
    assert f"Port {port} is already in use" in err
    assert "Traceback" not in err


def test_auth_without_accounts_says_what_to_do(share):
    proc = pier("serve", str(share), "--port", "0", "--auth")
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 1
    assert "pier users add" in err and "Traceback" not in err


def test_tls_upload_and_auth_together(share, tmp_path):
    add = subprocess.run([sys.executable, "-m", "server.cli", "users", "add", "ana", "--upload",
                          "--password-stdin"], input="s3cret:pass\n", text=True,
                         capture_output=True, cwd=Path(__file__).resolve().parents[2],
                         env=dict(os.environ), timeout=60)
    assert add.returncode == 0, add.stderr
    proc = pier("serve", str(share), "--port", "0", "--tls", "--auth", "--upload",
                "--max-upload", "1M")
    try:
        url = urlsplit(first_line(proc)["url"])
        assert url.scheme == "https"
        ca = tmp_path / "ca.pem"
        export = subprocess.run([sys.executable, "-m", "server.cli", "cert", "export-ca", str(ca)],
                                cwd=Path(__file__).resolve().parents[2], capture_output=True,
                                text=True, env=dict(os.environ), timeout=60)
        assert export.returncode == 0, export.stderr
        context = ssl.create_default_context(cafile=str(ca))
        conn = http.client.HTTPSConnection(url.hostname, url.port, context=context, timeout=10)
        token = base64.b64encode(b"ana:s3cret:pass").decode()
        conn.request("PUT", "/up.txt", body=b"over tls",
                     headers={"Authorization": f"Basic {token}"})
        response = conn.getresponse()
        response.read()
        assert response.status == 201
        assert (share / "up.txt").read_bytes() == b"over tls"
        conn.request("GET", "/up.txt")
        assert conn.getresponse().status == 401
        conn.close()
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0


def test_read_only_wins_over_upload(share):
    proc = pier("serve", str(share), "--port", "0", "--upload", "--read-only")
    try:
        url = urlsplit(first_line(proc)["url"])
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        conn.request("PUT", "/x.txt", body=b"x")
        assert conn.getresponse().status == 405
        conn.close()
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0


def test_thumbnails_are_made_and_cached_in_the_cache_folder(share, private_config_dir):
    (share / "pixel.png").write_bytes(bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478"
        "9c63f8cfc0000003010100c9fe92ef0000000049454e44ae426082"))  # one red pixel
    proc = pier("serve", str(share), "--port", "0", "--thumb-threads", "2")
    try:
        url = urlsplit(first_line(proc)["url"])
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        conn.request("GET", "/pixel.png?thumb")
        response = conn.getresponse()
        assert response.status == 200 and response.getheader("Content-Type") == "image/jpeg"
        response.read()
        conn.close()
        thumbs = private_config_dir / "cache" / "thumbs"  # PierPaths.thumbs_dir
        assert sorted(p.suffix for p in thumbs.iterdir()) == [".key", ".thumb"]  # the secret
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    bad = pier("serve", str(share), "--port", "0", "--thumb-threads", "-1")
    _, err = bad.communicate(timeout=30)
    assert bad.returncode == 1 and "thumbnail threads" in err


def test_bad_size_is_a_usage_error(share):
    proc = pier("serve", str(share), "--port", "0", "--max-upload", "lots")
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 2 and "500M" in err


def read_pty_until(fd: int, pattern: bytes, seen: bytes = b"", timeout: float = 20) -> bytes:
    deadline = time.monotonic() + timeout
    while not re.search(pattern, seen) and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            seen += os.read(fd, 4096)
    return seen


def test_a_terminal_gets_a_live_status_line(share):
    """On a terminal, a status line follows the Serving line and is rewritten in place."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "server.cli", "serve", str(share),
                             "--port", "0"], stdout=follower, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=dict(os.environ),
                            cwd=Path(__file__).resolve().parents[2])
    os.close(follower)
    try:
        output = read_pty_until(leader, rb"Serving .* at http://\S+/\r\n")
        url = urlsplit(re.search(rb"at (http://\S+/)", output).group(1).decode())
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        conn.request("GET", "/hello.txt")
        conn.getresponse().read()
        conn.close()
        output = read_pty_until(leader, rb"\r1 request \xc2\xb7", output)
        assert re.search(rb"\r1 request \xc2\xb7 \d+/s \xc2\xb7 \S+ \w?B sent", output), output
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
        os.close(leader)


def test_max_connections_caps_the_open_connections(share):
    proc = pier("serve", str(share), "--port", "0", "--max-connections", "2")
    held = []
    try:
        url = urlsplit(first_line(proc)["url"])
        for _ in range(2):
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
            conn.request("GET", "/")
            assert conn.getresponse().read() and conn.sock is not None  # kept alive
            held.append(conn)
        third = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        third.request("GET", "/")
        assert third.getresponse().status == 503
        third.close()
    finally:
        for conn in held:
            conn.close()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    bad = pier("serve", str(share), "--port", "0", "--max-connections", "0")
    _, err = bad.communicate(timeout=30)
    assert bad.returncode == 2 and "--max-connections" in err
