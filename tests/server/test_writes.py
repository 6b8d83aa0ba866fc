"""Uploads (PUT, multipart POST), new folders and folder zips over real HTTP."""

from __future__ import annotations

import io
import json
import os
import socket
import uuid
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest


def multipart(files: list[tuple[str, bytes]], boundary: str = "") -> tuple[bytes, str]:
    boundary = boundary or uuid.uuid4().hex
    out = io.BytesIO()
    for name, data in files:
        out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
                  f"filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                  .encode())
        out.write(data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


@pytest.fixture
def writable(server_factory, share):
    return server_factory(share, upload=True, max_upload_bytes=5 * 1024 * 1024)


def test_put_stores_the_body_and_answers_201(writable, share):
    conn = writable.connection()
    conn.request("PUT", "/docs/new.txt", body=b"fresh data", headers={"Accept": "application/json"})
    response = conn.getresponse()
    doc = json.loads(response.read())
    assert response.status == 201
    assert response.getheader("Location") == "/docs/new.txt"
    assert doc == {"files": [{"name": "new.txt", "url": "/docs/new.txt"}]}
    assert (share / "docs" / "new.txt").read_bytes() == b"fresh data"
    conn.request("PUT", "/docs/new.txt", body=b"second")  # same connection, same name
    response = conn.getresponse()
    response.read()
    assert response.status == 409  # no modify right: RFC 4918's PUT never picks a new name
    assert (share / "docs" / "new.txt").read_bytes() == b"fresh data"
    assert not (share / "docs" / "new (1).txt").exists()
    conn.close()
    records = writable.wait_for_records(2)
    assert records[0].method == "PUT" and records[0].bytes_received == len(b"fresh data")


def test_put_with_chunked_body_and_expect_continue(writable, share):
    with socket.create_connection(("127.0.0.1", writable.port), timeout=5) as sock:
        sock.sendall(b"PUT /chunked.bin HTTP/1.1\r\nHost: [::1]\r\nTransfer-Encoding: chunked\r\n"
                     b"Expect: 100-continue\r\nConnection: close\r\n\r\n")
        assert sock.recv(100) == b"HTTP/1.1 100 Continue\r\n\r\n"
        sock.sendall(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
        data = b""
        while chunk := sock.recv(4096):
            data += chunk
    assert data.startswith(b"HTTP/1.1 201")
    assert (share / "chunked.bin").read_bytes() == b"hello world"


def test_overwrite_when_allowed(server_factory, share):
    running = server_factory(share, upload=True, overwrite=True)
    conn = running.connection()
    conn.request("PUT", "/hello.txt", body=b"replaced")
    assert conn.getresponse().status == 204
    assert (share / "hello.txt").read_bytes() == b"replaced"


def test_oversized_upload_is_413_before_the_body(writable, share):
    with socket.create_connection(("127.0.0.1", writable.port), timeout=5) as sock:
        sock.sendall(b"PUT /huge.bin HTTP/1.1\r\nHost: localhost\r\nContent-Length: 999999999\r\n"
                     b"Expect: 100-continue\r\n\r\n")
        data = sock.recv(4096)
    assert data.startswith(b"HTTP/1.1 413")
    assert not list(share.glob("huge*"))


def test_body_that_stops_half_way_leaves_nothing(writable, share):
    with socket.create_connection(("127.0.0.1", writable.port), timeout=5) as sock:
        sock.sendall(b"PUT /half.bin HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n"
                     + b"x" * 10)
    writable.wait_for_records(1)
    assert sorted(p.name for p in share.iterdir()) == sorted(
        ["docs", "hello.txt", "été 2024.txt", ".secret", "big.bin"])


def test_multipart_upload_of_several_files_and_a_folder(writable, share):
    body, ctype = multipart([("a.txt", b"A" * 1000), ("b.txt", b"B\r\n--not-a-boundary"),
                             ("trip/day1/c.txt", b"C")])
    conn = writable.connection()
    conn.request("POST", "/docs/", body=body, headers={"Content-Type": ctype,
                                                       "Accept": "application/json"})
    response = conn.getresponse()
    doc = json.loads(response.read())
    assert response.status == 201
    assert [f["name"] for f in doc["files"]] == ["a.txt", "b.txt", "trip/day1/c.txt"]
    assert (share / "docs" / "b.txt").read_bytes() == b"B\r\n--not-a-boundary"
    assert (share / "docs" / "trip" / "day1" / "c.txt").read_bytes() == b"C"


@pytest.mark.parametrize("name", ["../escape.txt", "..", "con.txt", "a\x01b.txt", ".hidden"])
def test_bad_upload_names_are_refused(writable, share, name):
    body, ctype = multipart([(name, b"x")])
    conn = writable.connection()
    conn.request("POST", "/", body=body, headers={"Content-Type": ctype})
    response = conn.getresponse()
    response.read()
    assert response.status == 400
    assert not (share.parent / "escape.txt").exists()
    assert not (share / "escape.txt").exists()


def test_cross_site_upload_is_refused(writable, share):
    conn = writable.connection()
    conn.request("PUT", "/evil.txt", body=b"x",
                 headers={"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"})
    response = conn.getresponse()
    response.read()
    assert response.status == 403
    assert not (share / "evil.txt").exists()
    conn = writable.connection()
    conn.request("PUT", "/ok.txt", body=b"x",
                 headers={"Origin": f"http://127.0.0.1:{writable.port}",
                          "Sec-Fetch-Site": "same-origin"})
    assert conn.getresponse().status == 201


def test_uploads_are_off_unless_enabled(server, share):
    conn = server.connection()
    conn.request("PUT", "/nope.txt", body=b"x")
    assert conn.getresponse().status == 405
    assert not (share / "nope.txt").exists()


def test_mkdir(writable, share):
    response, _body = writable.get("/docs/?mkdir=" + quote("New folder"), method="POST")
    assert response.status == 201
    assert response.getheader("Location") == "/docs/New%20folder/"
    assert (share / "docs" / "New folder").is_dir()
    response, _ = writable.get("/docs/?mkdir=" + quote("New folder"), method="POST")
    assert response.status == 409
    response, _ = writable.get("/?mkdir=" + quote("../x"), method="POST")
    assert response.status in (201, 400)
    assert not (share.parent / "x").exists()


def test_folder_as_zip(server, share):
    (share / "docs" / "empty").mkdir()
    (share / "docs" / ".hidden").write_text("no")
    response, body = server.get("/docs/?format=zip")
    assert response.status == 200
    assert response.getheader("Content-Type") == "application/zip"
    assert 'filename="docs.zip"' in response.getheader("Content-Disposition")
    archive = zipfile.ZipFile(io.BytesIO(body))
    assert archive.testzip() is None
    assert sorted(archive.namelist()) == ["empty/", "notes.md"]
    assert archive.read("notes.md") == b"# notes\n"


def test_zip_of_the_root_over_http10(server, share):
    data = server.raw(b"GET /?format=zip HTTP/1.0\r\n\r\n", timeout=10)
    head, _, body = data.partition(b"\r\n\r\n")
    assert b"Transfer-Encoding" not in head
    archive = zipfile.ZipFile(io.BytesIO(body))
    assert "big.bin" in archive.namelist() and ".secret" not in archive.namelist()
    assert archive.read("big.bin") == (share / "big.bin").read_bytes()


def test_zip_leaves_out_links_that_escape(server, share, tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "canary.txt").write_text("CANARY")
    (share / "docs" / "out").symlink_to(outside)
    (share / "docs" / "canary-link.txt").symlink_to(outside / "canary.txt")
    _, body = server.get("/?format=zip")
    assert b"CANARY" not in body


def test_leftovers_of_a_crashed_upload_are_swept_at_the_next_upload(writable, share):
    stale = share / "docs" / ".pier-upload-0123456789abcdef.part"
    stale.write_bytes(b"half an upload")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    conn = writable.connection()
    conn.request("PUT", "/docs/next.txt", body=b"x")
    assert conn.getresponse().status == 201
    assert not stale.exists()


@pytest.mark.parametrize("method", ["PUT", "POST"])
def test_a_refused_upload_says_uploads_are_off(server, share, method):
    conn = server.connection()
    conn.request(method, "/nope.txt", body=b"x", headers={"Accept": "application/json"})
    response = conn.getresponse()
    assert response.status == 405 and response.getheader("Allow") == "GET, HEAD, OPTIONS, PROPFIND"
    assert json.loads(response.read())["error"] == "Uploads are turned off in Pier for this share."
    assert not (share / "nope.txt").exists()


def test_other_methods_keep_the_plain_405(server):
    conn = server.connection()
    conn.request("PATCH", "/a.txt", headers={"Accept": "application/json"})
    response = conn.getresponse()
    assert response.status == 405
    assert json.loads(response.read())["error"] == "PATCH is not allowed here."
