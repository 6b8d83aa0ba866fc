"""An upload never takes the place of a link its principal cannot see (attack finding 10):
with --overwrite a form's or a tus upload of a link's name gets a free name, and the link (to
outside the share, or dangling) stays as it was."""

from __future__ import annotations

import base64
import http.client
from pathlib import Path

import pytest

BOUNDARY = "----pier-links"


@pytest.fixture
def linked(share: Path, tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "kept.txt").write_text("outside the share")
    (share / "to-outside").symlink_to(outside / "kept.txt")
    (share / "dangling").symlink_to(tmp_path / "nowhere")
    return share


def post(port: int, path: str, body: bytes, headers: dict[str, str]) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("POST", path, body=body,
                     headers={"Origin": f"http://127.0.0.1:{port}", **headers})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def form_upload(port: int, name: str) -> int:
    body = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"{name}\"\r\nContent-Type: text/plain\r\n\r\nreplaced\r\n"
            f"--{BOUNDARY}--\r\n").encode()
    return post(port, "/", body, {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})


def tus_upload(port: int, name: str) -> int:
    meta = "filename " + base64.b64encode(name.encode()).decode() + ",folder " + \
        base64.b64encode(b"/").decode()
    return post(port, "/.well-known/pier/tus/", b"replaced",
                {"Tus-Resumable": "1.0.0", "Upload-Length": "8", "Upload-Metadata": meta,
                 "Content-Type": "application/offset+octet-stream"})


@pytest.mark.parametrize("send", [form_upload, tus_upload])
@pytest.mark.parametrize("name", ["to-outside", "dangling"])
def test_an_overwriting_upload_takes_a_free_name_beside_an_invisible_link(
        server_factory, linked: Path, tmp_path: Path, send, name: str) -> None:
    running = server_factory(linked, upload=True, modify=True, overwrite=True)
    assert send(running.port, name) == 201
    assert (linked / name).is_symlink()
    assert (tmp_path / "outside" / "kept.txt").read_text() == "outside the share"
    assert (linked / f"{name} (1)").read_text() == "replaced"
