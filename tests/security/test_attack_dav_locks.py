"""Issue 17, attacked over real HTTP: WebDAV locks as a weapon.

A lock keeps every other principal from writing, so taking one must need the right to change
what it covers (docs/ARCHITECTURE.md "WebDAV": "a reader cannot block writers"), and it must
hold the item it names whatever spelling of the URL a writer uses."""

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
PASSWORDS = {"owner": "owner-pw", "uploader": "uploader-pw", "other": "other-pw"}


@pytest.fixture(autouse=True)
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


@pytest.fixture
def tree(share: Path) -> Path:
    (share / "work").mkdir()
    (share / "work" / "report.txt").write_text("the owner's report")
    (share / "work-link").symlink_to("work", target_is_directory=True)
    return share


def accounts(folder: Path, *, anonymous_read: bool = False) -> Authenticator:
    store = UserStore(folder / "users.toml")
    store.load()
    auth = Authenticator(store, "Pier", clock=ManualClock(), anonymous_read=anonymous_read)
    store.add("owner", PASSWORDS["owner"], can_upload=True, can_modify=True)
    store.add("other", PASSWORDS["other"], can_upload=True, can_modify=True)
    store.add("uploader", PASSWORDS["uploader"], can_upload=True, can_modify=False)
    return auth


def send(port: int, method: str, path: str, user: str | None, body: bytes = b"",
         headers: dict[str, str] | None = None) -> tuple[int, dict[str, str]]:
    sent = dict(headers or {})
    if user is not None:
        token = base64.b64encode(f"{user}:{PASSWORDS[user]}".encode()).decode()
        sent["Authorization"] = f"Basic {token}"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        response.read()
        return response.status, dict(response.getheaders())
    finally:
        conn.close()


def test_an_upload_only_account_cannot_freeze_the_share(server_factory, tree: Path,
                                                         private_config_dir: Path) -> None:
    running = server_factory(tree, auth=accounts(private_config_dir), upload=True, modify=True)
    port = running.port
    send(port, "LOCK", "/", "uploader", LOCKINFO, {"Depth": "infinity", "Timeout": "Infinite"})
    # the owner's own changes, and the other account's new files, must still go through
    assert send(port, "PUT", "/work/report.txt", "owner", b"edited")[0] == 204
    assert send(port, "PUT", "/work/new.txt", "other", b"new")[0] == 201
    assert (tree / "work" / "report.txt").read_text() == "edited"


def test_an_anonymous_uploader_cannot_freeze_the_share(server_factory, tree: Path,
                                                        private_config_dir: Path) -> None:
    running = server_factory(tree, auth=accounts(private_config_dir, anonymous_read=True),
                             upload=True, modify=True, anonymous_upload=True)
    port = running.port
    send(port, "LOCK", "/", None, LOCKINFO, {"Depth": "infinity"})
    assert send(port, "DELETE", "/work/report.txt", "owner")[0] != 423
    assert send(port, "MKCOL", "/work/sub", "owner")[0] == 201


def locked_by_owner(port: int) -> str:
    status, headers = send(port, "LOCK", "/work/report.txt", "owner", LOCKINFO)
    assert status == 200
    return headers["Lock-Token"]


@pytest.mark.parametrize("method", ["PUT", "DELETE", "COPY"])
def test_a_doubled_slash_does_not_pass_another_accounts_lock(
        server_factory, tree: Path, private_config_dir: Path, method: str) -> None:
    running = server_factory(tree, auth=accounts(private_config_dir), upload=True, modify=True)
    port = running.port
    locked_by_owner(port)
    if method == "COPY":
        send(port, "PUT", "/other.txt", "other", b"other's")
        status = send(port, "COPY", "/other.txt", "other",
                      headers={"Destination": "/work//report.txt"})[0]
    else:
        status = send(port, method, "/work//report.txt", "other", b"replaced")[0]
    assert status in (400, 404, 423)
    assert (tree / "work" / "report.txt").read_text() == "the owner's report"


def test_a_folder_link_does_not_pass_another_accounts_lock(
        server_factory, tree: Path, private_config_dir: Path) -> None:
    running = server_factory(tree, auth=accounts(private_config_dir), upload=True, modify=True)
    port = running.port
    locked_by_owner(port)
    status = send(port, "PUT", "/work-link/report.txt", "other", b"replaced")[0]
    assert status in (403, 404, 409, 423)
    assert (tree / "work" / "report.txt").read_text() == "the owner's report"


@pytest.mark.parametrize("spelling", ["report.txt.", "report.txt%20", "report.txt.%20."])
@pytest.mark.parametrize("method", ["PUT", "MOVE"])
def test_a_trailing_dot_or_space_does_not_pass_another_accounts_lock(
        server_factory, tree: Path, private_config_dir: Path, spelling: str,
        method: str) -> None:
    running = server_factory(tree, auth=accounts(private_config_dir), upload=True, modify=True)
    port = running.port
    locked_by_owner(port)
    if method == "MOVE":
        send(port, "PUT", "/other.txt", "other", b"replaced")
        send(port, "MOVE", "/other.txt", "other",
             headers={"Destination": f"/work/{spelling}", "Overwrite": "T"})
    else:
        send(port, "PUT", f"/work/{spelling}", "other", b"replaced")
    assert (tree / "work" / "report.txt").read_text() == "the owner's report"


def test_a_decomposed_spelling_does_not_pass_another_accounts_lock(
        server_factory, tree: Path, private_config_dir: Path) -> None:
    (tree / "work" / "caf\u00e9.txt").write_text("the owner's café")
    running = server_factory(tree, auth=accounts(private_config_dir), upload=True, modify=True)
    port = running.port
    assert send(port, "LOCK", "/work/caf%C3%A9.txt", "owner", LOCKINFO)[0] == 200
    send(port, "PUT", "/work/cafe%CC%81.txt", "other", b"replaced")
    assert (tree / "work" / "caf\u00e9.txt").read_text() == "the owner's café"


def test_a_lock_null_lock_holds_the_file_it_created(server_factory, tree: Path,
                                                    private_config_dir: Path) -> None:
    running = server_factory(tree, auth=accounts(private_config_dir), upload=True, modify=True)
    port = running.port
    status, _ = send(port, "LOCK", "/work/report2.txt.", "owner", LOCKINFO)
    if status in (200, 201):
        assert send(port, "PUT", "/work/report2.txt", "other", b"mine")[0] == 423
    else:
        assert status == 400  # refusing the spelling is fine too


def test_an_upload_only_account_cannot_stop_deletes_in_a_folder(
        server_factory, tree: Path, private_config_dir: Path, trash: Path) -> None:
    running = server_factory(tree, auth=accounts(private_config_dir), upload=True, modify=True)
    port = running.port
    send(port, "LOCK", "/work/", "uploader", LOCKINFO, {"Depth": "0"})
    assert send(port, "DELETE", "/work/report.txt", "owner")[0] == 204
    assert not (tree / "work" / "report.txt").exists()


def test_a_link_to_another_accounts_file_is_neither_replaced_nor_locked(
        server_factory, share: Path, private_config_dir: Path) -> None:
    """The link is invisible to alice (its target is bob's): her PUT or lock-null LOCK of its
    name must not take its place (finding 10, a link inside the share)."""
    (share / "alice").mkdir()
    (share / "bob").mkdir()
    (share / "bob" / "secret.txt").write_text("bob's")
    (share / "alice" / "peek").symlink_to("../bob/secret.txt")
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    auth = Authenticator(store, "Pier", clock=ManualClock())
    store.add("alice", "alice-pw", can_upload=True, can_modify=True, folders=["/alice"])
    running = server_factory(share, auth=auth, upload=True, modify=True)
    token = base64.b64encode(b"alice:alice-pw").decode()
    for method, body in (("PUT", b"over the link"), ("LOCK", LOCKINFO)):
        conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
        conn.request(method, "/alice/peek", body=body, headers={"Authorization": f"Basic {token}"})
        response = conn.getresponse()
        response.read()
        conn.close()
        assert response.status == 409, method
    assert (share / "alice" / "peek").is_symlink()
    assert (share / "bob" / "secret.txt").read_text() == "bob's"
