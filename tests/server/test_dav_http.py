"""WebDAV over real HTTP (issue 17): PROPFIND parsed back, MKCOL, PUT 201/204/409, COPY and
MOVE with Overwrite, DELETE to a temporary XDG trash, and a lock's round trip."""

from __future__ import annotations

import http.client
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from tests.server.file_ops_helpers import temporary_trash, trashed

D = "{DAV:}"
LOCKINFO = (b'<?xml version="1.0" encoding="utf-8"?><D:lockinfo xmlns:D="DAV:">'
            b"<D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype>"
            b"<D:owner>tester</D:owner></D:lockinfo>")


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


@pytest.fixture
def dav(server_factory, share: Path):
    return server_factory(share, upload=True, modify=True)


def request(port: int, method: str, path: str, body: bytes = b"",
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, \
            response.read()
    finally:
        conn.close()


def propfind(port: int, path: str, depth: str = "1") -> dict[str, ET.Element]:
    status, headers, body = request(port, "PROPFIND", path, headers={"Depth": depth})
    assert status == 207, body
    assert headers["content-type"].startswith("application/xml")
    root = ET.fromstring(body)
    return {unquote(r.findtext(f"{D}href") or ""): r for r in root.findall(f"{D}response")}


def test_options_says_dav_class_2(dav) -> None:
    status, headers, _ = request(dav.port, "OPTIONS", "/")
    assert status == 200
    assert headers["dav"] == "1, 2"
    assert "PROPFIND" in headers["allow"] and "LOCK" in headers["allow"]


def test_propfind_depth_1_lists_the_visible_entries(dav, share: Path) -> None:
    found = propfind(dav.port, "/")
    assert "/" in found and "/hello.txt" in found and "/docs/" in found
    assert "/été 2024.txt" in found
    assert "/.secret" not in found  # hidden names stay hidden
    hello = found["/hello.txt"]
    assert hello.findtext(f".//{D}getcontentlength") == str(len("hello, world\n"))
    assert hello.find(f".//{D}resourcetype/{D}collection") is None
    assert found["/docs/"].find(f".//{D}resourcetype/{D}collection") is not None
    alone = propfind(dav.port, "/hello.txt", depth="0")["/hello.txt"]
    assert alone.findtext(f".//{D}getetag") == request(dav.port, "HEAD", "/hello.txt")[1]["etag"]


def test_depth_1_children_carry_the_etag_a_get_answers(dav, share: Path) -> None:
    """rclone and Windows notice a change by a child's getetag: it must be the ETag the file's
    GET answers, and change with the file."""
    found = propfind(dav.port, "/")
    files = {href: r for href, r in found.items() if href != "/" and not href.endswith("/")}
    assert "/hello.txt" in files and "/été 2024.txt" in files
    for href, response in files.items():
        status, headers, _ = request(dav.port, "GET", quote(href))
        assert status == 200
        assert response.findtext(f".//{D}getetag") == headers["etag"], href
    assert found["/docs/"].find(f".//{D}getetag") is None  # a folder has none, as at Depth 0
    before = files["/hello.txt"].findtext(f".//{D}getetag")
    (share / "hello.txt").write_bytes(b"a longer hello, world\n")
    after = propfind(dav.port, "/")["/hello.txt"].findtext(f".//{D}getetag")
    assert after != before
    assert after == request(dav.port, "GET", "/hello.txt")[1]["etag"]


def test_propfind_depth_0_and_infinity(dav) -> None:
    assert list(propfind(dav.port, "/docs/", depth="0")) == ["/docs/"]
    status, _, body = request(dav.port, "PROPFIND", "/", headers={"Depth": "infinity"})
    assert status == 403 and b"propfind-finite-depth" in body
    status, _, _ = request(dav.port, "PROPFIND", "/nothing-here", headers={"Depth": "0"})
    assert status == 404


def test_mkcol_then_again(dav, share: Path) -> None:
    assert request(dav.port, "MKCOL", "/new%20folder")[0] == 201
    assert (share / "new folder").is_dir()
    assert request(dav.port, "MKCOL", "/new%20folder")[0] == 405
    assert request(dav.port, "MKCOL", "/missing/child")[0] == 409


def test_put_creates_replaces_and_refuses(server_factory, share: Path) -> None:
    dav = server_factory(share, upload=True, modify=True)
    status, headers, _ = request(dav.port, "PUT", "/new.txt", b"one")
    assert status == 201 and headers["location"] == "/new.txt"
    assert request(dav.port, "PUT", "/new.txt", b"two")[0] == 204
    assert (share / "new.txt").read_bytes() == b"two"
    dav.engine.stop()
    uploader = server_factory(share, upload=True)  # no modify: nothing is replaced
    assert request(uploader.port, "PUT", "/new.txt", b"three")[0] == 409
    assert (share / "new.txt").read_bytes() == b"two"
    assert not any(p.name.startswith("new (") for p in share.iterdir())


def test_copy_and_move_with_overwrite(dav, share: Path, trash: Path) -> None:
    base = f"http://127.0.0.1:{dav.port}"
    status, headers, _ = request(dav.port, "COPY", "/hello.txt",
                                 headers={"Destination": base + "/docs/copy.txt"})
    assert status == 201 and headers["location"] == "/docs/copy.txt"
    assert (share / "docs" / "copy.txt").read_bytes() == (share / "hello.txt").read_bytes()
    status, _, _ = request(dav.port, "COPY", "/hello.txt",
                           headers={"Destination": "/docs/copy.txt", "Overwrite": "F"})
    assert status == 412
    (share / "other.txt").write_text("other")
    status, _, _ = request(dav.port, "MOVE", "/other.txt",
                           headers={"Destination": base + "/docs/copy.txt", "Overwrite": "T"})
    assert status == 204
    assert (share / "docs" / "copy.txt").read_text() == "other"
    assert not (share / "other.txt").exists()
    assert trashed(trash) == ["copy.txt"]  # what was overwritten went to the trash
    status, _, _ = request(dav.port, "MOVE", "/docs/", headers={"Destination": "/papers/"})
    assert status == 201 and (share / "papers" / "notes.md").is_file()


def test_delete_goes_to_the_trash(dav, share: Path, trash: Path) -> None:
    assert request(dav.port, "DELETE", "/hello.txt")[0] == 204
    assert not (share / "hello.txt").exists()
    assert trashed(trash) == ["hello.txt"]
    assert request(dav.port, "DELETE", "/hello.txt")[0] == 404


def test_lock_put_unlock(dav, share: Path) -> None:
    status, headers, body = request(dav.port, "LOCK", "/hello.txt", LOCKINFO,
                                    {"Content-Type": "application/xml", "Timeout": "Second-60"})
    assert status == 200
    token = headers["lock-token"].strip("<>")
    assert token in body.decode()
    assert request(dav.port, "PUT", "/hello.txt", b"x")[0] == 423
    assert request(dav.port, "DELETE", "/hello.txt")[0] == 423
    assert request(dav.port, "PUT", "/hello.txt", b"mine", {"If": f"(<{token}>)"})[0] == 204
    assert (share / "hello.txt").read_bytes() == b"mine"
    found = propfind(dav.port, "/hello.txt", depth="0")
    assert token in ET.tostring(found["/hello.txt"]).decode()
    assert request(dav.port, "UNLOCK", "/hello.txt", headers={"Lock-Token": f"<{token}>"})[0] \
        == 204
    assert request(dav.port, "PUT", "/hello.txt", b"free")[0] == 204


def test_lock_of_a_new_name_creates_an_empty_file(dav, share: Path) -> None:
    status, headers, _ = request(dav.port, "LOCK", "/draft.odt", LOCKINFO)
    assert status == 201 and headers["lock-token"]
    assert (share / "draft.odt").read_bytes() == b""


def test_proppatch_accepts_windows_times_only(dav) -> None:
    body = (b'<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:" '
            b'xmlns:Z="urn:schemas-microsoft-com:"><D:set><D:prop>'
            b"<Z:Win32LastModifiedTime>Wed, 01 Jan 2025 00:00:00 GMT</Z:Win32LastModifiedTime>"
            b"</D:prop></D:set></D:propertyupdate>")
    status, _, answer = request(dav.port, "PROPPATCH", "/hello.txt", body)
    assert status == 207 and b"200" in answer
    other = body.replace(b"urn:schemas-microsoft-com:", b"urn:x")
    status, _, answer = request(dav.port, "PROPPATCH", "/hello.txt", other)
    assert status == 207 and b"403" in answer


def test_xml_bomb_is_400(dav) -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><D:propfind xmlns:D="DAV:">'
            b"<D:prop><D:x>&b;</D:x></D:prop></D:propfind>")
    status, _, _ = request(dav.port, "PROPFIND", "/", bomb, {"Depth": "0"})
    assert status == 400


def test_dav_methods_are_recorded(dav) -> None:
    request(dav.port, "PROPFIND", "/", headers={"Depth": "0"})
    records = dav.wait_for_records(1)
    assert any(r.method == "PROPFIND" and r.status == 207 for r in records)


HOUSEKEEPING = ["._hello.txt", ".DS_Store", ".~lock.report.odt#", "desktop.ini", "Thumbs.db"]


@pytest.mark.parametrize("show_hidden", [False, True])
def test_housekeeping_files_are_accepted_and_kept_off_the_page(server_factory, share: Path,
                                                              show_hidden: bool) -> None:
    dav = server_factory(share, upload=True, modify=True, show_hidden=show_hidden)
    for name in HOUSEKEEPING:
        path = "/docs/" + quote(name)
        assert request(dav.port, "PUT", path, b"meta")[0] == 201, name
        assert request(dav.port, "GET", path)[2] == b"meta"
    assert sorted(propfind(dav.port, "/docs/")) == sorted(
        ["/docs/", "/docs/notes.md"] + ["/docs/" + name for name in HOUSEKEEPING])
    page = json.loads(request(dav.port, "GET", "/docs/?format=json")[2])
    listed = {entry["name"] for entry in page["entries"]}
    assert listed == ({"notes.md", *HOUSEKEEPING} if show_hidden else {"notes.md"})


def test_other_dot_names_keep_todays_rules(dav, share: Path) -> None:
    assert request(dav.port, "PUT", "/.profile", b"x")[0] in (400, 404)
    assert request(dav.port, "PUT", "/._", b"x")[0] in (400, 404)
    assert request(dav.port, "MKCOL", "/.config")[0] in (400, 404)
    assert not (share / ".profile").exists() and not (share / ".config").exists()
    assert "/.secret" not in propfind(dav.port, "/")


def test_quotas_when_named(dav) -> None:
    body = (b'<D:propfind xmlns:D="DAV:"><D:prop><D:quota-available-bytes/>'
            b"<D:quota-used-bytes/></D:prop></D:propfind>")
    status, _, answer = request(dav.port, "PROPFIND", "/", body, {"Depth": "0"})
    assert status == 207
    root = ET.fromstring(answer)
    assert int(root.findtext(f".//{D}quota-available-bytes") or "-1") > 0
    assert int(root.findtext(f".//{D}quota-used-bytes") or "-1") >= 0
    assert propfind(dav.port, "/", depth="0")["/"].find(f".//{D}quota-used-bytes") is None


def test_delete_of_a_link_takes_the_link(dav, share: Path, trash: Path) -> None:
    (share / "link.txt").symlink_to(share / "hello.txt")
    assert request(dav.port, "DELETE", "/link.txt")[0] == 204
    assert not (share / "link.txt").is_symlink() and (share / "hello.txt").exists()
