"""The WebDAV routes without sockets (server/routes_dav.py, routes_dav_locks.py): a Call in,
a Response out, on a ManualClock so lock timeouts are the test's to run out."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from server.call import Call, NeedsWorker
from server.clock import ManualClock
from server.config import ServerConfig
from server.dav_xml import MAX_BODY
from server.http11 import HttpError
from server.response import Response
from server.routes_dav import DavRoutes
from tests.server.conftest import MemoryBody, call_for, config_of

LOCKINFO = (b'<D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope>'
            b"<D:locktype><D:write/></D:locktype></D:lockinfo>")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def config(share: Path) -> ServerConfig:
    return config_of(share, upload=True, modify=True)


@pytest.fixture
def dav(clock: ManualClock) -> DavRoutes:
    return DavRoutes(clock)


def send(dav: DavRoutes, config: ServerConfig, method: str, target: str, *fields: str,
         body: bytes = b"") -> Response:
    if body:
        fields = (*fields, f"Content-Length: {len(body)}")
    call = call_for(config, method, target, *fields, body=MemoryBody(body))
    call.client = "192.0.2.7"
    return dav.route(call)


def status(dav: DavRoutes, config: ServerConfig, method: str, target: str, *fields: str,
           body: bytes = b"") -> int:
    try:
        return send(dav, config, method, target, *fields, body=body).status
    except HttpError as err:
        return err.status


def lock(dav: DavRoutes, config: ServerConfig, target: str, *fields: str) -> str:
    response = send(dav, config, "LOCK", target, *fields, body=LOCKINFO)
    assert response.status in (200, 201)
    header = response.headers.decode().split("Lock-Token: <", 1)[1]
    return header.split(">", 1)[0]


def put_check(dav: DavRoutes, config: ServerConfig, target: str, *fields: str) -> int:
    """The router's lock check before a PUT: 0 when the PUT may go on."""
    call = call_for(config, "PUT", target, *fields)
    call.client = "192.0.2.7"
    try:
        dav.locks.check_put(call, target)
    except HttpError as err:
        return err.status
    return 0


def test_the_serve_thread_hands_dav_over(dav: DavRoutes, config: ServerConfig) -> None:
    call: Call = call_for(config, "PROPFIND", "/", "Depth: 1", serve_thread=True)
    with pytest.raises(NeedsWorker):
        dav.route(call)


def test_propfind_of_a_file_at_depth_1_is_the_file(dav: DavRoutes, config: ServerConfig
                                                   ) -> None:
    response = send(dav, config, "PROPFIND", "/hello.txt", "Depth: 1")
    assert response.status == 207
    hrefs = [e.text for e in ET.fromstring(bytes(response.body)).iter("{DAV:}href")]
    assert hrefs == ["/hello.txt"]


def test_propfind_without_depth_is_infinity_and_refused(dav: DavRoutes, config: ServerConfig
                                                        ) -> None:
    response = send(dav, config, "PROPFIND", "/")
    assert response.status == 403 and b"propfind-finite-depth" in bytes(response.body)


def test_an_xml_body_over_the_cap_is_413(dav: DavRoutes, config: ServerConfig) -> None:
    body = b"<D:propfind xmlns:D='DAV:'>" + b" " * MAX_BODY + b"</D:propfind>"
    assert status(dav, config, "PROPFIND", "/", "Depth: 0", body=body) == 413
    chunked = call_for(config, "PROPFIND", "/", "Depth: 0", "Transfer-Encoding: chunked",
                       body=MemoryBody(body))
    with pytest.raises(HttpError) as refused:
        dav.route(chunked)
    assert refused.value.status == 413


def test_a_lock_times_out_on_the_engine_clock(dav: DavRoutes, config: ServerConfig,
                                              clock: ManualClock) -> None:
    lock(dav, config, "/hello.txt", "Timeout: Second-60")
    assert put_check(dav, config, "/hello.txt") == 423
    clock.advance(59)
    assert put_check(dav, config, "/hello.txt") == 423
    clock.advance(2)
    assert put_check(dav, config, "/hello.txt") == 0


def test_a_refresh_restarts_the_timeout(dav: DavRoutes, config: ServerConfig,
                                        clock: ManualClock) -> None:
    token = lock(dav, config, "/hello.txt", "Timeout: Second-60")
    clock.advance(50)
    refreshed = send(dav, config, "LOCK", "/hello.txt", f"If: (<{token}>)",
                     "Timeout: Second-60")
    assert refreshed.status == 200 and token.encode() in bytes(refreshed.body)
    clock.advance(50)
    assert put_check(dav, config, "/hello.txt") == 423
    assert status(dav, config, "LOCK", "/hello.txt", "If: (<urn:uuid:nope>)") == 412


def test_a_folder_lock_covers_its_members(dav: DavRoutes, config: ServerConfig) -> None:
    token = lock(dav, config, "/docs", "Depth: infinity")
    assert put_check(dav, config, "/docs/notes.md") == 423
    assert put_check(dav, config, "/docs/new.txt") == 423
    assert status(dav, config, "MKCOL", "/docs/sub") == 423
    assert status(dav, config, "DELETE", "/docs") == 423
    assert put_check(dav, config, "/docs/notes.md", f"If: (<{token}>)") == 0
    assert put_check(dav, config, "/hello.txt") == 0


def test_a_depth_0_folder_lock_guards_its_membership_only(dav: DavRoutes,
                                                           config: ServerConfig) -> None:
    lock(dav, config, "/docs", "Depth: 0")
    assert status(dav, config, "MKCOL", "/docs/sub") == 423  # a new member
    assert put_check(dav, config, "/docs/new.txt") == 423
    assert put_check(dav, config, "/docs/notes.md") == 0  # new content, same members


def test_taking_a_lock_needs_the_right_to_change_what_it_holds(share: Path,
                                                             dav: DavRoutes) -> None:
    """An upload-only principal may lock nothing, not even a new name: a lock keeps every
    other principal from writing (a member's lock holds its folders' DELETE and MOVE back),
    and the empty file a lock makes could not be written by it anyway (REPLACE)."""
    uploads_only = config_of(share, upload=True)
    for target, depth in (("/hello.txt", "0"), ("/docs/", "0"), ("/docs/", "infinity"),
                          ("/", "infinity"), ("/docs/new.txt", "0")):
        assert status(dav, uploads_only, "LOCK", target, f"Depth: {depth}",
                      body=LOCKINFO) == 403
    assert not (share / "docs" / "new.txt").exists()
    changing = config_of(share, upload=True, modify=True)
    assert send(dav, changing, "LOCK", "/docs/new.txt", body=LOCKINFO).status == 201
    assert len(dav.locks.manager) == 1


def test_a_refresh_needs_the_right_still(share: Path, dav: DavRoutes,
                                         config: ServerConfig) -> None:
    token = lock(dav, config, "/hello.txt")
    assert status(dav, config_of(share, upload=True), "LOCK", "/hello.txt",
                  f"If: (<{token}>)") == 403
    assert status(dav, config, "LOCK", "/hello.txt", f"If: (<{token}>)") == 200


def test_a_lock_holds_the_item_whatever_the_spelling(share: Path, dav: DavRoutes,
                                                     config: ServerConfig) -> None:
    (share / "docs-link").symlink_to("docs", target_is_directory=True)
    lock(dav, config, "/docs-link/notes.md")  # held where it really is
    for spelling in ("/docs/notes.md", "/docs//notes.md", "/docs/notes.md.",
                     "/docs/notes.md%20", "/docs-link/notes.md", "//docs/./notes.md"):
        assert put_check(dav, config, spelling) == 423, spelling
    assert status(dav, config, "DELETE", "/docs//notes.md") == 423
    assert status(dav, config, "MOVE", "/hello.txt", "Destination: /docs/notes.md.") == 423
    propfind = send(dav, config, "PROPFIND", "/docs/", "Depth: 1")
    assert bytes(propfind.body).count(b"<D:activelock>") == 1  # on notes.md's entry


def test_a_lock_null_lock_holds_the_name_it_stores(share: Path, dav: DavRoutes,
                                                   config: ServerConfig) -> None:
    assert send(dav, config, "LOCK", "/docs/new.txt.%20", body=LOCKINFO).status == 201
    assert (share / "docs" / "new.txt").read_bytes() == b""
    assert put_check(dav, config, "/docs/new.txt") == 423
    # a LOCK of a name whose stored form exists locks that item (200), creates nothing
    assert send(dav, config, "LOCK", "/hello.txt.", body=LOCKINFO).status == 200
    assert sorted(p.name for p in share.iterdir() if p.name.startswith("hello")) == \
        ["hello.txt"]


def test_a_false_if_header_is_412(dav: DavRoutes, config: ServerConfig) -> None:
    assert put_check(dav, config, "/hello.txt", "If: (<urn:uuid:gone>)") == 412
    assert put_check(dav, config, "/hello.txt", "If: (Not <urn:uuid:gone>)") == 0
    assert put_check(dav, config, "/hello.txt", "If: (<urn:uuid:") == 400


def test_anonymous_locks_belong_to_the_address(dav: DavRoutes, config: ServerConfig) -> None:
    token = lock(dav, config, "/hello.txt")
    other = call_for(config, "UNLOCK", "/hello.txt", f"Lock-Token: <{token}>")
    other.client = "192.0.2.8"
    with pytest.raises(HttpError) as refused:
        dav.route(other)
    assert refused.value.status == 403
    assert status(dav, config, "UNLOCK", "/hello.txt", f"Lock-Token: <{token}>") == 204


def test_locks_go_with_a_delete(dav: DavRoutes, config: ServerConfig, share: Path,
                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.server.file_ops_helpers import temporary_trash

    trash = temporary_trash(tmp_path, monkeypatch)
    next(trash)
    token = lock(dav, config, "/hello.txt")
    assert status(dav, config, "DELETE", "/hello.txt", f"If: (<{token}>)") == 204
    assert len(dav.locks.manager) == 0
    assert status(dav, config, "LOCK", "/hello.txt", body=LOCKINFO) == 201  # lock-null again
    assert (share / "hello.txt").read_bytes() == b""
    trash.close()


@pytest.mark.parametrize(("depth", "expected"), [("0", 400), ("1", 400), ("", 201)])
def test_a_folder_moves_whole(dav: DavRoutes, config: ServerConfig, depth: str,
                              expected: int) -> None:
    fields = ("Destination: /moved/",) + ((f"Depth: {depth}",) if depth else ())
    assert status(dav, config, "MOVE", "/docs/", *fields) == expected


def test_copy_onto_itself_is_403(dav: DavRoutes, config: ServerConfig) -> None:
    assert status(dav, config, "COPY", "/hello.txt", "Destination: /hello.txt") == 403
    assert status(dav, config, "COPY", "/hello.txt", "Overwrite: maybe",
                  "Destination: /x.txt") == 400
    assert status(dav, config, "COPY", "/hello.txt") == 400


def test_mkcol_with_a_body_is_415(dav: DavRoutes, config: ServerConfig, share: Path) -> None:
    assert status(dav, config, "MKCOL", "/new", body=b"<x/>") == 415
    assert not (share / "new").exists()


def test_read_only_share_refuses_changes(share: Path, dav: DavRoutes) -> None:
    config = config_of(share)
    assert status(dav, config, "MKCOL", "/new") == 403
    assert status(dav, config, "DELETE", "/hello.txt") == 403
    assert status(dav, config, "MOVE", "/hello.txt", "Destination: /x.txt") == 403
    assert status(dav, config, "PROPFIND", "/", "Depth: 0") == 207
