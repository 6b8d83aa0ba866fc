"""Issue 17, attacked over real HTTP: a WebDAV lock holds back PUT, DELETE, COPY, MOVE and
PROPPATCH, and the share's other ways to replace a file must ask the lock manager too. With
the modify right and --overwrite, the page's multipart upload and a tus upload replaced a file
another account held an exclusive lock on (Word or LibreOffice over WebDAV then saved over it,
or the replacement was lost): now 423. More in test_dav_lock_uploads.py."""

from __future__ import annotations

import base64
import http.client
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.clock import ManualClock
from server.users import UserStore

LOCKINFO = (b'<?xml version="1.0"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/>'
            b"</D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>")
PASSWORDS = {"owner": "owner-pw", "other": "other-pw"}
BOUNDARY = "----pier-attack"


@pytest.fixture
def locked(server_factory, share: Path, private_config_dir: Path):
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    auth = Authenticator(store, "Pier", clock=ManualClock())
    for name, password in PASSWORDS.items():
        store.add(name, password, can_upload=True, can_modify=True)
    (share / "docs" / "draft.txt").write_text("the owner's draft")
    running = server_factory(share, auth=auth, upload=True, modify=True, overwrite=True)
    status, _ = send(running.port, "LOCK", "/docs/draft.txt", "owner", LOCKINFO)
    assert status == 200
    return running


def send(port: int, method: str, path: str, user: str, body: bytes = b"",
         headers: dict[str, str] | None = None) -> tuple[int, dict[str, str]]:
    token = base64.b64encode(f"{user}:{PASSWORDS[user]}".encode()).decode()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body,
                     headers={"Authorization": f"Basic {token}", **(headers or {})})
        response = conn.getresponse()
        response.read()
        return response.status, dict(response.getheaders())
    finally:
        conn.close()


def multipart(name: str, content: bytes) -> bytes:
    return (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"{name}\"\r\nContent-Type: text/plain\r\n\r\n").encode() + content + \
        f"\r\n--{BOUNDARY}--\r\n".encode()


def test_put_is_held_back(locked, share: Path) -> None:
    """The baseline: the lock holds for WebDAV's own PUT."""
    assert send(locked.port, "PUT", "/docs/draft.txt", "other", b"replaced")[0] == 423
    assert (share / "docs" / "draft.txt").read_text() == "the owner's draft"


def test_the_pages_upload_does_not_replace_a_locked_file(locked, share: Path) -> None:
    origin = f"http://127.0.0.1:{locked.port}"
    status, _ = send(locked.port, "POST", "/docs/", "other", multipart("draft.txt", b"replaced"),
                     {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
                      "Origin": origin})
    assert status == 423
    assert (share / "docs" / "draft.txt").read_text() == "the owner's draft"


def test_a_tus_upload_does_not_replace_a_locked_file(locked, share: Path) -> None:
    meta = "filename " + base64.b64encode(b"draft.txt").decode() + ",folder " + \
        base64.b64encode(b"/docs/").decode()
    status, _ = send(locked.port, "POST", "/.well-known/pier/tus/", "other", b"replaced",
                     {"Tus-Resumable": "1.0.0", "Upload-Length": "8", "Upload-Metadata": meta,
                      "Content-Type": "application/offset+octet-stream",
                      "Origin": f"http://127.0.0.1:{locked.port}"})
    assert status == 423
    assert (share / "docs" / "draft.txt").read_text() == "the owner's draft"
