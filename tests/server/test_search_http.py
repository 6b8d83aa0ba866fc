"""Search in subfolders over real HTTP (server/routes_search.py, a StreamBody sent by
server/delivery.py): chunked on HTTP/1.1 with the connection kept, close-delimited on HTTP/1.0,
no body for HEAD, and the first results on the wire before the walk has ended."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import server.search_walk as search_walk
from server.portable_folders import Folder
from tests.conftest import RunningServer, read_until_closed
from tests.security.conftest import connect, read_head

WAIT = 10.0  # only a broken server makes a test wait this long


@pytest.fixture
def tree(share: Path) -> Path:
    (share / "a" / "b" / "c").mkdir(parents=True)
    (share / "a" / "b" / "c" / "Café report.txt").write_text("deep\n", encoding="utf-8")
    (share / "reports").mkdir()
    return share


@pytest.fixture
def running(server_factory, tree: Path) -> RunningServer:
    return server_factory(tree)


def test_a_file_three_levels_down_is_found_as_json(running):
    response, body = running.get("/?q=CAFE&format=json")
    assert response.status == 200
    assert response.getheader("Content-Type") == "application/json; charset=utf-8"
    assert response.getheader("Transfer-Encoding") == "chunked"
    assert response.getheader("Content-Length") is None
    document = json.loads(body)
    assert [entry["path"] for entry in document["entries"]] == ["a/b/c/Café report.txt"]
    assert document["truncated"] is False


def test_accept_json_gives_json_and_a_page_otherwise(running):
    response, body = running.get("/?q=report", headers={"Accept": "application/json"})
    assert [e["path"] for e in json.loads(body)["entries"]] == ["reports/",
                                                                 "a/b/c/Café report.txt"]
    response, body = running.get("/?q=report")
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    page = body.decode()
    assert '<tbody id="results">' in page and 'data-count="2" data-truncated="false"' in page


def test_the_connection_is_kept_after_a_chunked_search(running):
    conn = running.connection()
    try:
        for _ in range(2):
            conn.request("GET", "/a/?q=report&format=json")
            response = conn.getresponse()
            assert json.loads(response.read())["entries"][0]["path"] == "b/c/Café report.txt"
            assert not response.will_close
        conn.request("GET", "/hello.txt")
        assert conn.getresponse().read() == b"hello, world\n"
    finally:
        conn.close()


def test_head_sends_no_body(running):
    conn = running.connection()
    try:
        conn.request("HEAD", "/?q=report")
        response = conn.getresponse()
        assert response.status == 200 and response.read() == b""
        assert response.getheader("Content-Type") == "text/html; charset=utf-8"
        conn.request("GET", "/hello.txt")  # the connection still frames answers right
        assert conn.getresponse().read() == b"hello, world\n"
    finally:
        conn.close()


def test_http_1_0_gets_a_close_delimited_body(running):
    with connect(running.port) as sock:
        sock.sendall(b"GET /?q=cafe&format=json HTTP/1.0\r\nHost: localhost\r\n\r\n")
        data = read_until_closed(sock)
    head, _, body = data.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    assert b"Transfer-Encoding" not in head and b"Content-Length" not in head
    assert b"Connection: close" in head
    assert [e["path"] for e in json.loads(body)["entries"]] == ["a/b/c/Café report.txt"]


def test_a_text_too_long_is_a_400_with_a_reason(running):
    response, body = running.get("/?q=" + "x" * 201, headers={"Accept": "application/json"})
    assert response.status == 400
    assert "too long" in json.loads(body)["error"]


def test_a_folder_that_cannot_be_read_is_a_clean_error(running, tree):
    locked = tree / "locked"
    locked.mkdir(mode=0o000)
    try:
        if _readable(locked):
            pytest.skip("running as a user who reads any folder")
        response, _ = running.get("/locked/?q=x")
        assert response.status == 403
        response, _ = running.get("/locked/?q=x", method="HEAD")
        assert response.status == 403  # as GET says: the folder is opened for HEAD too
    finally:
        locked.chmod(0o755)


def _readable(path: Path) -> bool:
    try:
        list(path.iterdir())
    except PermissionError:
        return False
    return True


def test_first_results_arrive_before_the_walk_ends(running, tree, monkeypatch):
    """The walk is held in the second folder until the client has read the first folder's
    result: had the server waited for the walk to end, the first result would only come
    after the hold gave up, and ``released`` would say so."""
    (tree / "hit-top.txt").touch()
    (tree / "later").mkdir()
    (tree / "later" / "hit-later.txt").touch()
    gate = threading.Event()
    released: list[bool] = []
    read = search_walk.entries_in

    def held(folder: Folder) -> Iterator:
        if folder.path.endswith("later"):
            released.append(gate.wait(WAIT))
        return read(folder)

    monkeypatch.setattr(search_walk, "entries_in", held)
    with connect(running.port, timeout=3 * WAIT) as sock:
        sock.sendall(b"GET /?q=hit&format=json HTTP/1.1\r\nHost: localhost\r\n"
                     b"Connection: close\r\n\r\n")
        head, seen = read_head(sock)
        assert head.startswith(b"HTTP/1.1 200")
        while b"hit-top.txt" not in seen:
            chunk = sock.recv(65536)
            assert chunk, seen
            seen += chunk
        assert b"hit-later.txt" not in seen and b"truncated" not in seen
        gate.set()
        seen += read_until_closed(sock)
    assert released == [True]
    assert b'"path":"later/hit-later.txt"' in seen and b'"truncated":false}' in seen
