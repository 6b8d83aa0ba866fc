"""Issue 17, attacked over real HTTP: ``--max-upload`` ("largest accepted upload"; README:
"caps each file and each request") is the owner's bound on what a visitor may add to the disk.
A WebDAV COPY adds a file of any size (up to the copy budget, 64 GiB) without sending a byte,
so an account that may only upload 1 KiB files fills the disk with copies of the share's big
files, one short request each."""

from __future__ import annotations

import base64
import http.client
import os
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.clock import ManualClock
from server.users import UserStore


@pytest.fixture
def uploader(private_config_dir: Path) -> Authenticator:
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    auth = Authenticator(store, "Pier", clock=ManualClock())
    store.add("up", "up-password", can_upload=True, can_modify=False)
    return auth


def send(port: int, method: str, path: str, body: bytes = b"",
         headers: dict[str, str] | None = None) -> int:
    token = base64.b64encode(b"up:up-password").decode()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body,
                     headers={"Authorization": f"Basic {token}", **(headers or {})})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_copy_is_held_to_the_upload_cap(server_factory, share: Path,
                                        uploader: Authenticator) -> None:
    running = server_factory(share, auth=uploader, upload=True, modify=True,
                             max_upload_bytes=1024)
    assert send(running.port, "PUT", "/small.bin", os.urandom(4096)) == 413  # the cap holds
    assert (share / "big.bin").stat().st_size > 1024
    status = send(running.port, "COPY", "/big.bin", headers={"Destination": "/big-copy.bin"})
    assert status == 413
    assert not (share / "big-copy.bin").exists()
