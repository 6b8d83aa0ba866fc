"""Issue 17, attacked over real HTTP: what a PUT or a lock-null LOCK replaces.

A symbolic link in the share that points outside it is
invisible to every account (404), yet a PUT or a lock-null LOCK of its name by an account with
the modify right replaces the link itself with a new file: the link is gone for good (not in
the trash, as a replaced item should be), the PUT says 204 "replaced" for an item the account
could not see, and the LOCK, documented as "never over an existing one", answers 201."""

from __future__ import annotations

import http.client
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.file_ops_helpers import temporary_trash, trashed

LOCKINFO = (b'<?xml version="1.0"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/>'
            b"</D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>")


@pytest.fixture(autouse=True)
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


@pytest.fixture
def linked(share: Path, tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "kept.txt").write_text("outside the share")
    (share / "to-outside").symlink_to(outside / "kept.txt")
    (share / "dangling").symlink_to(tmp_path / "nowhere")
    return share


def send(port: int, method: str, path: str, body: bytes = b"") -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


@pytest.mark.parametrize("name", ["to-outside", "dangling"])
def test_put_does_not_replace_an_invisible_link(server_factory, linked: Path, tmp_path: Path,
                                                name: str) -> None:
    running = server_factory(linked, upload=True, modify=True)
    assert send(running.port, "GET", f"/{name}") == 404
    status = send(running.port, "PUT", f"/{name}", b"over the link")
    assert status in (403, 404, 409)
    assert (linked / name).is_symlink()
    assert (tmp_path / "outside" / "kept.txt").read_text() == "outside the share"


@pytest.mark.parametrize("name", ["to-outside", "dangling"])
def test_lock_does_not_replace_an_invisible_link(server_factory, linked: Path, name: str) -> None:
    running = server_factory(linked, upload=True, modify=True)
    status = send(running.port, "LOCK", f"/{name}", LOCKINFO)
    assert status in (403, 404, 409)
    assert (linked / name).is_symlink() and os.readlink(linked / name)


def test_a_replaced_file_goes_to_the_trash(server_factory, share: Path, trash: Path) -> None:
    """The trash is what makes the modify right recoverable; an empty PUT is a delete."""
    running = server_factory(share, upload=True, modify=True)
    assert send(running.port, "PUT", "/hello.txt", b"") == 204
    assert (share / "hello.txt").read_bytes() == b""
    assert trashed(trash) == ["hello.txt"]
    assert (trash / "hello.txt").read_bytes() == b"hello, world\n"
