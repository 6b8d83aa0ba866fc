"""A real nginx in front of Pier for the reverse-proxy tests: Debian's nginx, started as the
current user on a free port with a configuration of its own in a temporary folder (pid file,
temp folders and logs there, ``daemon off``, errors on stderr), proxying ``/files/`` to a Pier
share with README "Behind a reverse proxy"'s settings, stopped after."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PREFIX = "/files"


@dataclass
class Nginx:
    folder: Path
    port: int
    process: subprocess.Popen[bytes]

    def log(self) -> str:
        return (self.folder / "nginx.log").read_text(encoding="utf-8", errors="replace")


def nginx_missing() -> str | None:
    """Why the nginx tests cannot run here, or None."""
    if not Path(NGINX).exists():
        return "nginx is not installed (./scripts/test installs it as root)"
    return None


def start_nginx(folder: Path, upstream_port: int) -> Nginx:
    folder.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    conf = folder / "nginx.conf"
    conf.write_text(_config(folder, port, upstream_port), encoding="utf-8")
    log = (folder / "nginx.log").open("wb")
    process = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(conf), "-e", "stderr"],
                               stdout=log, stderr=subprocess.STDOUT)
    server = Nginx(folder, port, process)
    try:
        _wait_until_listening(server)
    except BaseException:
        stop_nginx(server)
        raise
    return server


def stop_nginx(server: Nginx) -> None:
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGQUIT)  # finish what is in flight, then exit
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


def _config(folder: Path, port: int, upstream_port: int) -> str:
    temp = {name: folder / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(exist_ok=True)
    return f"""daemon off;
worker_processes 1;
pid {folder / "nginx.pid"};
error_log stderr warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;  # what $host is when a client sends no Host (HTTP/1.0)
        location {PREFIX}/ {{
            proxy_pass http://127.0.0.1:{upstream_port};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-Host $http_host;
            client_max_body_size 0;
            proxy_request_buffering off;
            proxy_buffering off;
            proxy_read_timeout 1h;
            proxy_send_timeout 1h;
        }}
    }}
}}
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_listening(server: Nginx) -> None:
    """Poll the port until nginx accepts (or it exits, its log saying why)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"nginx exited: {server.log()}")
        try:
            with socket.create_connection(("127.0.0.1", server.port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not start listening: {server.log()}")
