"""Issue 17 re-attacked over real HTTP: a lock-null LOCK as a way to hold the owner back.

Taking a lock is a write, so an upload-only account or a visitor with ``--anonymous upload``
may LOCK only a new name (CREATE), which makes an empty file of its own. That lock, though,
sits inside a folder: a folder's DELETE or MOVE asks for every lock below it (deep), so one
empty new file locked by the uploader stops the owner from deleting or moving the folder (and
every folder above it) for an hour, renewable by locking another new name each hour. The owner
cannot UNLOCK it either (403: not the lock's owner). docs/SECURITY.md: "A reader, an
upload-only account or a visitor with --anonymous upload therefore cannot hold anyone's writes
back." """

from __future__ import annotations

import base64
import http.client
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.clock import ManualClock
from server.users import UserStore
from tests.server.file_ops_helpers import temporary_trash

LOCKINFO = (b'<?xml version="1.0"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/>'
            b"</D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>")
PASSWORDS = {"owner": "owner-pw", "uploader": "uploader-pw"}


@pytest.fixture(autouse=True)
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


@pytest.fixture
def tree(share: Path) -> Path:
    (share / "work" / "inner").mkdir(parents=True)
    (share / "work" / "report.txt").write_text("the owner's report")
    return share


def accounts(folder: Path, *, anonymous_read: bool = False) -> Authenticator:
    store = UserStore(folder / "users.toml")
    store.load()
    auth = Authenticator(store, "Pier", clock=ManualClock(), anonymous_read=anonymous_read)
    store.add("owner", PASSWORDS["owner"], can_upload=True, can_modify=True)
    store.add("uploader", PASSWORDS["uploader"], can_upload=True, can_modify=False)
    return auth


def send(port: int, method: str, path: str, user: str | None, body: bytes = b"",
         headers: dict[str, str] | None = None) -> int:
    sent = dict(headers or {})
    if user is not None:
        token = base64.b64encode(f"{user}:{PASSWORDS[user]}".encode()).decode()
        sent["Authorization"] = f"Basic {token}"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_an_upload_only_accounts_new_locked_file_does_not_stop_moving_its_folder(
        server_factory, tree: Path, private_config_dir: Path) -> None:
    running = server_factory(tree, auth=accounts(private_config_dir), upload=True, modify=True)
    port = running.port
    # refused (403: it could not write the file anyway), or taken without holding the owner
    assert send(port, "LOCK", "/work/inner/new.txt", "uploader", LOCKINFO) in (200, 201, 403)
    assert send(port, "MOVE", "/work", "owner", headers={"Destination": "/archive"}) == 201
    assert (tree / "archive" / "report.txt").read_text() == "the owner's report"


def test_an_anonymous_uploaders_new_locked_file_does_not_stop_deleting_its_folder(
        server_factory, tree: Path, private_config_dir: Path) -> None:
    running = server_factory(tree, auth=accounts(private_config_dir, anonymous_read=True),
                             upload=True, modify=True, anonymous_upload=True)
    port = running.port
    assert send(port, "LOCK", "/work/inner/new.txt", None, LOCKINFO) in (200, 201, 403)
    assert send(port, "DELETE", "/work", "owner") == 204
    assert not (tree / "work").exists()
