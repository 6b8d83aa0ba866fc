"""Hostile WebDAV (issue 17): a folder-limited account cannot MOVE, COPY or DELETE outside its
folders, nor into or out of Pier's own paths; a Destination on another host or climbing out
with ``..`` is refused; XML bombs are a 400; another principal's lock token is not its."""

from __future__ import annotations

import base64
import http.client
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.clock import ManualClock
from server.users import UserStore
from tests.server.file_ops_helpers import temporary_trash, trashed

LOCKINFO = (b'<?xml version="1.0"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/>'
            b"</D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>")


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


@pytest.fixture
def tree(share: Path) -> Path:
    for name in ("alice", "bob"):
        (share / name).mkdir()
        (share / name / f"{name}.txt").write_text(f"{name} only")
    (share / "pier-config").mkdir()
    (share / "pier-config" / "users.toml").write_text("secret")
    return share


@pytest.fixture
def limited(server_factory, tree: Path, private_config_dir: Path):
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    auth = Authenticator(store, "Pier", clock=ManualClock())
    store.add("alice", "alice-pw", can_upload=True, can_modify=True, folders=("/alice",))
    store.add("root", "root-pw", can_upload=True, can_modify=True)
    return server_factory(tree, auth=auth, upload=True, modify=True,
                          protected_paths=(tree / "pier-config",))


def call(port: int, method: str, path: str, user: str = "alice", body: bytes = b"",
         headers: dict[str, str] | None = None) -> int:
    token = base64.b64encode(f"{user}:{user}-pw".encode()).decode()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body,
                     headers={"Authorization": f"Basic {token}", **(headers or {})})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


@pytest.mark.parametrize("method", ["MOVE", "COPY"])
def test_no_way_out_of_the_account_folders(limited, tree: Path, method: str) -> None:
    port = limited.port
    assert call(port, method, "/alice/alice.txt", headers={"Destination": "/bob/x.txt"}) \
        in (403, 404)
    assert call(port, method, "/alice/alice.txt", headers={"Destination": "/x.txt"}) \
        in (403, 404)
    assert call(port, method, "/bob/bob.txt", headers={"Destination": "/alice/b.txt"}) == 404
    assert not (tree / "bob" / "x.txt").exists() and not (tree / "x.txt").exists()
    assert not (tree / "alice" / "b.txt").exists()
    assert (tree / "alice" / "alice.txt").exists() and (tree / "bob" / "bob.txt").exists()


def test_no_delete_outside_the_account_folders(limited, tree: Path, trash: Path) -> None:
    assert call(limited.port, "DELETE", "/bob/bob.txt") == 404
    assert call(limited.port, "DELETE", "/alice") in (403, 404)  # its folder itself
    assert call(limited.port, "DELETE", "/alice/") in (403, 404)
    assert (tree / "bob" / "bob.txt").exists() and (tree / "alice").is_dir()
    assert trashed(trash) == []
    assert call(limited.port, "DELETE", "/alice/alice.txt") == 204
    assert trashed(trash) == ["alice.txt"]


def test_no_mkcol_or_put_outside(limited, tree: Path) -> None:
    assert call(limited.port, "MKCOL", "/bob/new") in (403, 404, 409)
    assert call(limited.port, "PUT", "/bob/new.txt", body=b"x") in (403, 404)
    assert not (tree / "bob" / "new").exists() and not (tree / "bob" / "new.txt").exists()


@pytest.mark.parametrize("method", ["MOVE", "COPY"])
def test_nothing_into_or_out_of_pier_own_paths(limited, tree: Path, method: str) -> None:
    port = limited.port
    assert call(port, method, "/pier-config/users.toml", "root",
                headers={"Destination": "/stolen.toml"}) == 404
    assert call(port, method, "/hello.txt", "root",
                headers={"Destination": "/pier-config/users.toml"}) in (403, 404)
    assert call(port, method, "/hello.txt", "root",
                headers={"Destination": "/pier-config/new.txt"}) in (403, 404)
    assert not (tree / "stolen.toml").exists()
    assert (tree / "pier-config" / "users.toml").read_text() == "secret"
    assert not (tree / "pier-config" / "new.txt").exists()


def test_own_paths_cannot_be_deleted_or_listed(limited, tree: Path, trash: Path) -> None:
    assert call(limited.port, "DELETE", "/pier-config", "root") == 404
    assert call(limited.port, "PROPFIND", "/pier-config/", "root",
                headers={"Depth": "1"}) == 404
    assert (tree / "pier-config" / "users.toml").exists()


@pytest.mark.parametrize("destination", [
    "http://evil.example/x.txt",
    "http://127.0.0.2:1/x.txt",
    "/alice/../bob/x.txt",
    "/alice/%2e%2e/bob/x.txt",
    "/alice/..%2fbob/x.txt",
    "/alice/x.txt?q=1",
    "x.txt",
])
def test_foreign_or_climbing_destinations(limited, tree: Path, destination: str) -> None:
    status = call(limited.port, "COPY", "/alice/alice.txt",
                  headers={"Destination": destination})
    assert 400 <= status < 600 and status not in (201, 204)
    assert not (tree / "bob" / "x.txt").exists() and not (tree / "x.txt").exists()
    assert not (tree / "alice" / "x.txt").exists()


@pytest.mark.parametrize("body", [
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    b'<D:propfind xmlns:D="DAV:"><D:prop><D:x>&b;</D:x></D:prop></D:propfind>',
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    b'<D:propfind xmlns:D="DAV:"><D:prop><D:x>&e;</D:x></D:prop></D:propfind>',
    b"<D:propfind xmlns:D='DAV:'>" + b"<a>" * 5000 + b"</a>" * 5000 + b"</D:propfind>",
    b"<D:propfind xmlns:D='DAV:'><D:prop>",
])
def test_xml_bombs_are_refused(limited, body: bytes) -> None:
    assert call(limited.port, "PROPFIND", "/alice/", body=body, headers={"Depth": "0"}) == 400
    assert call(limited.port, "LOCK", "/alice/alice.txt", body=body) == 400


def test_large_bodies_are_refused(limited) -> None:
    body = b"<D:propfind xmlns:D='DAV:'>" + b" " * (128 * 1024) + b"</D:propfind>"
    assert call(limited.port, "PROPFIND", "/alice/", body=body, headers={"Depth": "0"}) == 413


def test_another_principals_token_is_not_submitted(limited, tree: Path) -> None:
    port = limited.port
    token = base64.b64encode(b"root:root-pw").decode()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("LOCK", "/alice/alice.txt", body=LOCKINFO,
                 headers={"Authorization": f"Basic {token}"})
    response = conn.getresponse()
    response.read()
    conn.close()
    assert response.status == 200
    lock = response.getheader("Lock-Token") or ""
    assert call(port, "PUT", "/alice/alice.txt", body=b"x", headers={"If": f"({lock})"}) == 423
    assert call(port, "UNLOCK", "/alice/alice.txt", headers={"Lock-Token": lock}) == 403
    assert (tree / "alice" / "alice.txt").read_text() == "alice only"


def test_read_only_principals_take_no_locks(server_factory, tree: Path) -> None:
    running = server_factory(tree)  # no uploads, no changes
    conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
    conn.request("LOCK", "/hello.txt", body=LOCKINFO)
    response = conn.getresponse()
    response.read()
    conn.close()
    assert response.status == 403
