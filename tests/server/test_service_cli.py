"""`pier serve` as a service, run as a real process: the TOML file, the JSON log on stderr
(stdout only "Serving ... at ..."), SIGHUP reloading accounts, links and the certificate
without dropping a connection, and READY=1 to $NOTIFY_SOCKET. Every wait is on a real event:
a line read from the process, a datagram received, a response."""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import os
import pty
import re
import signal
import socket
import ssl
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import tomli_w

from server.engine import bind_listener
from tests.server.test_cli import SERVING, first_line, pier, read_pty_until

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on Windows")

ROOT = Path(__file__).resolve().parents[2]


def pier_cli(*args: str, stdin: str = "") -> str:
    done = subprocess.run([sys.executable, "-m", "server.cli", *args], input=stdin, text=True,
                          capture_output=True, cwd=ROOT, env=dict(os.environ), timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def write_config(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "pier.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    path.chmod(0o600)  # whatever the umask: a file others may change is refused
    return path


def basic(name: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()}


def get(conn: http.client.HTTPConnection, path: str,
        headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    response.read()
    return response


def next_event(proc: subprocess.Popen[str], event: str) -> dict[str, Any]:
    """The next JSON log line of ``event`` on the process's stderr (each line must parse)."""
    assert proc.stderr is not None
    while line := proc.stderr.readline():
        entry = json.loads(line)
        assert {"time", "level", "event"} <= set(entry), line
        if entry["event"] == event:
            return entry
    pytest.fail(f"stderr ended before a {event!r} line; exit {proc.wait(timeout=30)}")


def stop(proc: subprocess.Popen[str]) -> tuple[str, str]:
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    return out, err


def test_the_config_file_is_applied_and_flags_win(share, tmp_path):
    holder = bind_listener("127.0.0.1", 0)  # the file's port is taken: only --port 0 can serve
    try:
        config = write_config(tmp_path, {"dir": str(share), "port": holder.getsockname()[1],
                                         "upload": True, "allow-host": ["from-file.lan"]})
        proc = pier("serve", "--config", str(config), "--port", "0")
        try:
            match = first_line(proc)
            assert match["dir"] == str(share.resolve())  # `dir` from the file
            url = urlsplit(match["url"])
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
            conn.request("PUT", "/new.txt", body=b"from the file's upload = true")
            created = conn.getresponse()
            created.read()
            assert created.status == 201
            assert get(conn, "/hello.txt", {"Host": "from-file.lan"}).status == 200
            assert get(conn, "/hello.txt", {"Host": "elsewhere.lan"}).status == 421
            conn.close()
        finally:
            stop(proc)
        taken = pier("serve", "--config", str(config))  # no flag: the file's port
        _, err = taken.communicate(timeout=30)
        assert taken.returncode == 3 and "already in use" in err
    finally:
        holder.close()


def test_read_only_in_the_file_refuses_uploads(share, tmp_path):
    config = write_config(tmp_path, {"dir": str(share), "port": 0, "upload": True,
                                     "read-only": True})
    proc = pier("serve", "--config", str(config))
    try:
        url = urlsplit(first_line(proc)["url"])
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        conn.request("PUT", "/new.txt", body=b"x")
        assert conn.getresponse().status == 405
        conn.close()
        assert not (share / "new.txt").exists()
    finally:
        stop(proc)


@pytest.mark.parametrize(("data", "said"), [
    ({"prot": 8000}, "unknown key 'prot'"),
    ({"port": "8000"}, "'port' must be a whole number"),
    ({"anonymous": "all"}, "'anonymous' must be one of"),
])
def test_a_wrong_key_or_value_exits_2_naming_it(share, tmp_path, data, said):
    config = write_config(tmp_path, {"dir": str(share), **data})
    proc = pier("serve", "--config", str(config), "--port", "0")
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 2 and out == ""
    assert f"pier serve: error: config {config}: {said}" in err
    assert "Traceback" not in err


def test_json_log_has_each_request_and_stdout_only_the_serving_lines(share, tmp_path):
    pier_cli("users", "add", "ana", "--password-stdin", stdin="quiet-harbour-17\n")
    token = pier_cli("link", "create", str(share / "hello.txt")).split("/l/")[1].strip()
    proc = pier("serve", str(share), "--host", "0.0.0.0", "--port", "0", "--auth",
                "--log-format", "json")
    try:
        first = first_line(proc)
        url = urlsplit(first["url"])
        serving = next_event(proc, "serving")
        assert serving["url"] == f"http://127.0.0.1:{url.port}/" and serving["level"] == "info"
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        assert get(conn, "/hello.txt", basic("ana", "quiet-harbour-17")).status == 200
        entry = next_event(proc, "request")
        assert entry["method"] == "GET" and entry["path"] == "/hello.txt"
        assert entry["status"] == 200 and entry["bytes"] == len(b"hello, world\n")
        assert entry["user"] == "ana" and entry["client"] == "127.0.0.1"
        assert entry["duration"] >= 0 and entry["tls"] is False
        assert get(conn, f"/.well-known/pier/l/{token}").status == 200
        link_entry = next_event(proc, "request")
        assert link_entry["path"].startswith("/.well-known/pier/l/") and link_entry["user"] is None
        assert token not in link_entry["path"]  # redacted as in the access log
        conn.close()
    finally:
        out, err = stop(proc)
    assert all(SERVING.match(line) for line in [first[0], *out.splitlines()])
    events = [json.loads(line)["event"] for line in err.splitlines()]
    assert events[-1] == "stopped"
    assert token not in err and "quiet-harbour-17" not in err


def test_sighup_reloads_accounts_and_links_keeping_connections(share):
    pier_cli("users", "add", "ana", "--password-stdin", stdin="quiet-harbour-17\n")
    proc = pier("serve", str(share), "--port", "0", "--auth", "--log-format", "json")
    try:
        url = urlsplit(first_line(proc)["url"])
        before = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        assert get(before, "/hello.txt", basic("ana", "quiet-harbour-17")).status == 200
        kept = before.sock
        pier_cli("users", "add", "bea", "--password-stdin", stdin="amber-lantern-42\n")
        pier_cli("link", "create", str(share / "hello.txt"))
        proc.send_signal(signal.SIGHUP)
        reloaded = next_event(proc, "reloaded")
        assert (reloaded["accounts"], reloaded["links"]) == (2, 1)
        after = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        assert get(after, "/hello.txt", basic("bea", "amber-lantern-42")).status == 200
        again = get(before, "/docs/notes.md", basic("ana", "quiet-harbour-17"))
        assert again.status == 200 and again.getheader("Connection") != "close"
        assert before.sock is kept  # the same connection, opened before the reload
        after.close()
        before.close()
    finally:
        stop(proc)


def served_certificate(port: int, context: ssl.SSLContext) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw, \
            context.wrap_socket(raw, server_hostname="localhost") as tls:
        der = tls.getpeercert(binary_form=True)
    assert der is not None
    return der


def test_sighup_serves_a_new_certificate_to_new_handshakes_only(share, tmp_path):
    proc = pier("serve", str(share), "--port", "0", "--tls")
    try:
        port = urlsplit(first_line(proc)["url"]).port
        assert port is not None
        ca = tmp_path / "ca.pem"
        pier_cli("cert", "export-ca", str(ca))
        context = ssl.create_default_context(cafile=str(ca))
        old = served_certificate(port, context)
        open_conn = http.client.HTTPSConnection("localhost", port, context=context, timeout=10)
        assert get(open_conn, "/hello.txt").status == 200
        pier_cli("cert", "generate")  # a new server certificate from the same local CA
        assert served_certificate(port, context) == old  # nothing changes before the signal
        proc.send_signal(signal.SIGHUP)
        assert proc.stderr is not None
        line = proc.stderr.readline()  # the text log: one line per reload
        found = re.fullmatch(r"pier: reloaded: 0 links, certificate sha256 ([0-9a-f]{64})\n", line)
        assert found, line
        new = served_certificate(port, context)
        assert new != old and hashlib.sha256(new).hexdigest() == found[1]
        assert get(open_conn, "/docs/notes.md").status == 200  # the open TLS connection goes on
        sock = open_conn.sock
        assert isinstance(sock, ssl.SSLSocket) and sock.getpeercert(binary_form=True) == old
        open_conn.close()
    finally:
        stop(proc)


def test_ready_and_reloading_go_to_the_notify_socket(share, tmp_path):
    address = str(tmp_path / "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as manager:
        manager.bind(address)
        manager.settimeout(30)  # a hang guard: each message is a real event the test waits on
        proc = pier_with_env(dict(os.environ, NOTIFY_SOCKET=address),
                             "serve", str(share), "--port", "0")
        try:
            first_line(proc)
            ready = manager.recv(4096).decode().split("\n")
            assert ready[0] == "READY=1" and ready[1].startswith("STATUS=Serving ")
            proc.send_signal(signal.SIGHUP)
            reloading = manager.recv(4096).decode().split("\n")
            assert reloading[0] == "RELOADING=1"
            assert re.fullmatch(r"MONOTONIC_USEC=\d+", reloading[1])
            assert manager.recv(4096) == b"READY=1"
        finally:
            stop(proc)
        assert manager.recv(4096) == b"STOPPING=1"


def pier_with_env(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "server.cli", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(env, PYTHONUNBUFFERED="1"), cwd=ROOT)


def test_a_closed_terminal_stops_pier_after_the_hang_up(share):
    """SIGHUP reloads, but when it came because the terminal showing the status line was
    closed, Pier stops (as a hang-up used to) instead of serving on unseen."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "server.cli", "serve", str(share),
                             "--port", "0"], stdout=follower, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=dict(os.environ), cwd=ROOT, text=True)
    os.close(follower)
    try:
        read_pty_until(leader, rb"Serving .* at http://\S+/\r\n")
    finally:
        os.close(leader)  # the terminal goes away: writing to it fails from now on
    proc.send_signal(signal.SIGHUP)
    assert proc.wait(timeout=30) == 0
    assert proc.stderr is not None and "reloaded" in proc.stderr.read()


def test_a_trusted_proxy_range_with_other_machines_is_warned_of(share):
    """--trusted-proxy should be the proxy's own address: a range that holds other machines
    lets each of them name any client, so `pier serve` says so at start (JSON log and text)."""
    proc = pier("serve", str(share), "--port", "0", "--log-format", "json",
                "--trusted-proxy", "127.0.0.1", "--trusted-proxy", "10.1.0.0/16",
                "--trusted-proxy", "0.0.0.0/0")
    try:
        warned = [next_event(proc, "trusted_proxy_range") for _ in range(2)]
        first_line(proc)
    finally:
        stop(proc)
    assert [w["network"] for w in warned] == ["10.1.0.0/16", "0.0.0.0/0"]
    assert all(w["level"] == "warning" and "proxy's own address" in w["message"] for w in warned)
    proc = pier("serve", str(share), "--port", "0", "--trusted-proxy", "192.168.1.0/24")
    try:
        first_line(proc)
    finally:
        _, err = stop(proc)
    assert "pier: warning: --trusted-proxy 192.168.1.0/24 holds other machines" in err
    proc = pier("serve", str(share), "--port", "0", "--trusted-proxy", "127.0.0.1")
    try:
        first_line(proc)
    finally:
        _, err = stop(proc)
    assert "trusted-proxy" not in err
