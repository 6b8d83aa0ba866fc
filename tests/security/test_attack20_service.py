"""Attack 20 on `pier serve` as a service, as a local user without Pier's account: a config
file that anyone may rewrite."""

from __future__ import annotations

import base64
import http.client
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP") or os.name != "posix",
                                reason="file modes and signals of a POSIX service")


def test_a_world_writable_config_is_refused_or_warned_about(share, tmp_path, private_config_dir):
    config = tmp_path / "pier.toml"
    config.write_text(f'dir = "{share}"\nport = 0\nlog-format = "json"\n', encoding="utf-8")
    config.chmod(0o666)  # what a careless `chmod a+w` or an umask 000 leaves
    proc = subprocess.Popen([sys.executable, "-m", "server.cli", "serve", "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"))
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        if first:  # it started: then it must have said something about the file
            proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if not first:
        assert proc.returncode == 2 and str(config) in err
        return
    warnings = [entry for entry in map(json.loads, err.splitlines())
                if entry["level"] in ("warning", "error")]
    assert any(str(config) in json.dumps(entry) for entry in warnings), err


def test_the_json_log_does_not_hand_out_a_visitors_upload(share, tmp_path, private_config_dir):
    proc = subprocess.Popen([sys.executable, "-m", "server.cli", "serve", str(share), "--port",
                             "0", "--upload", "--log-format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"))
    try:
        assert proc.stdout is not None
        port = urlsplit(proc.stdout.readline().split(" at ")[1].strip()).port
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("POST", "/.well-known/pier/tus/", headers={
            "Tus-Resumable": "1.0.0", "Upload-Length": "10",
            "Upload-Metadata": "filename " + base64.b64encode(b"up.txt").decode()})
        created = conn.getresponse()
        created.read()
        assert created.status == 201
        location = created.getheader("Location") or ""
        conn.request("PATCH", location, body=b"hello", headers={
            "Tus-Resumable": "1.0.0", "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream"})
        patched = conn.getresponse()
        patched.read()
        assert patched.status == 204
        conn.close()
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    upload_id = location.rstrip("/").rsplit("/", 1)[-1]
    assert len(upload_id) == 32
    assert upload_id not in err
