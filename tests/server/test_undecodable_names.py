"""Names that are not UTF-8 (POSIX keeps names as bytes: an old archive's Latin-1 or Shift-JIS
names): the listing links them by their exact bytes, and those links, WebDAV's hrefs and the
file routes reach them; new names are created valid only."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.server.file_ops_helpers import temporary_trash
from tests.server.test_dav_http import LOCKINFO, propfind, request
from tests.server.test_writes import multipart

pytestmark = pytest.mark.skipif(os.name != "posix", reason="only POSIX names can be bytes")

FILE = b"caf\xe9.txt"  # Latin-1 "café.txt"
FOLDER = b"dossier \xe9t\xe9"
INNER = b"r\xe9sum\xe9.md"
FILE_URL = "/" + quote(FILE)
FOLDER_URL = "/" + quote(FOLDER) + "/"


@pytest.fixture
def bytes_share(share: Path) -> Path:
    root = os.fsencode(share)
    try:
        with open(os.path.join(root, FILE), "wb") as f:
            f.write(b"latin-1 named\n")
    except OSError as err:  # a file system that insists on UTF-8 names (ZFS utf8only)
        pytest.skip(f"this file system refuses names that are not UTF-8: {err}")
    os.mkdir(os.path.join(root, FOLDER))
    with open(os.path.join(root, FOLDER, INNER), "wb") as f:
        f.write(b"# CV\n\nin a folder named in Latin-1\n")
    with open(os.path.join(root, FOLDER, b"plain.txt"), "wb") as f:
        f.write(b"plain\n")
    return share


@pytest.fixture
def running(server_factory, bytes_share: Path):
    return server_factory(bytes_share, upload=True, modify=True)


def hrefs(page: bytes) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', page.decode("utf-8")))


def test_the_listing_links_reach_the_file_and_the_folder(running) -> None:
    response, page = running.get("/")
    assert response.status == 200
    links = hrefs(page)
    assert "/caf%E9.txt" in links and "/dossier%20%E9t%E9/" in links
    response, body = running.get(FILE_URL)
    assert (response.status, body) == (200, b"latin-1 named\n")
    response, folder_page = running.get(FOLDER_URL)
    assert response.status == 200
    assert "r%E9sum%E9.md" in {href.rpartition("/")[2] for href in hrefs(folder_page)}
    response, body = running.get(FOLDER_URL + quote(INNER))
    assert response.status == 200 and body.startswith(b"# CV")


def test_the_json_listing_gives_urls_that_answer(running) -> None:
    response, body = running.get(FOLDER_URL + "?format=json")
    assert response.status == 200
    document = json.loads(body)
    # a path and a name in JSON are text: the bytes that are not UTF-8 as \udcXX escapes
    assert document["path"] == "/" + os.fsdecode(FOLDER) + "/"
    for entry in document["entries"]:
        got, _ = running.get(entry["url"])
        assert got.status == 200, entry


def test_downloads_ranges_and_conditionals_of_such_a_file(running) -> None:
    response, _ = running.get(FILE_URL + "?download")
    assert response.status == 200
    disposition = response.getheader("Content-Disposition")
    assert disposition.startswith("attachment") and "\ufffd" not in disposition
    response, body = running.get(FILE_URL, {"Range": "bytes=0-5"})
    assert (response.status, body) == (206, b"latin-")
    etag = running.get(FILE_URL, method="HEAD")[0].getheader("ETag")
    assert running.get(FILE_URL, {"If-None-Match": etag})[0].status == 304


def test_view_thumb_zip_and_search_answer(running) -> None:
    response, page = running.get(FOLDER_URL + quote(INNER) + "?view")
    assert response.status == 200 and b"in a folder named in Latin-1" in page
    assert running.get(FILE_URL + "?thumb")[0].status == 200
    response, body = running.get(FOLDER_URL + "?format=zip")
    assert response.status == 200
    names = zipfile.ZipFile(io.BytesIO(body)).namelist()
    assert any(name.endswith("plain.txt") for name in names)
    response, found = running.get("/?q=plain&format=json")
    assert response.status == 200
    urls = [entry["url"] for entry in json.loads(found)["entries"]]
    assert FOLDER_URL + "plain.txt" in urls
    assert running.get(FOLDER_URL + "plain.txt")[0].status == 200


def test_webdav_reaches_and_renames_such_names(running, bytes_share: Path) -> None:
    found = propfind(running.port, FOLDER_URL)
    assert len(found) == 3
    status, _, body = request(running.port, "GET", FOLDER_URL + quote(INNER))
    assert status == 200 and body.startswith(b"# CV")
    status, _, _ = request(running.port, "MOVE", FILE_URL,
                           headers={"Destination": "/caf%C3%A9.txt"})
    assert status == 201
    assert (bytes_share / "café.txt").read_bytes() == b"latin-1 named\n"
    assert not os.path.exists(os.path.join(os.fsencode(bytes_share), FILE))


@pytest.mark.parametrize("method", ["MOVE", "COPY"])
def test_an_item_keeps_its_own_name_when_moved_or_copied(running, bytes_share: Path,
                                                        method: str) -> None:
    root = os.fsencode(bytes_share)
    status, _, body = request(running.port, method, FILE_URL,
                              headers={"Destination": "/docs/" + quote(FILE)})
    assert status == 201, body
    assert (bytes_share / "docs" / os.fsdecode(FILE)).read_bytes() == b"latin-1 named\n"
    assert os.path.exists(os.path.join(root, FILE)) == (method == "COPY")
    status, _, body = request(running.port, method, FOLDER_URL,
                              headers={"Destination": "/docs/" + quote(FOLDER) + "/"})
    assert status == 201, body
    assert sorted(os.listdir(os.path.join(root, b"docs", FOLDER))) == [b"plain.txt", INNER]


def test_uploads_into_such_a_folder_are_made(running, bytes_share: Path) -> None:
    status, _, _ = request(running.port, "PUT", FOLDER_URL + "new.txt", b"new\n")
    assert status == 201
    assert (bytes_share / os.fsdecode(FOLDER) / "new.txt").read_bytes() == b"new\n"


@pytest.mark.parametrize("method, path, headers", [
    ("PUT", "/new-%E9.txt", {}),
    ("MKCOL", "/new-%E9/", {}),
    ("MOVE", "/hello.txt", {"Destination": "/hello-%E9.txt"}),
    ("COPY", "/hello.txt", {"Destination": "/hello-%E9.txt"}),
])
def test_names_that_are_not_utf8_are_never_made(running, bytes_share: Path, method: str,
                                                 path: str, headers: dict[str, str]) -> None:
    before = sorted(os.listdir(os.fsencode(bytes_share)))
    status, _, body = request(running.port, method, path, b"x" if method == "PUT" else b"",
                              headers)
    assert status == 400, body
    assert sorted(os.listdir(os.fsencode(bytes_share))) == before


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


def test_deletes_put_such_items_in_the_trash(running, bytes_share: Path, trash: Path) -> None:
    assert request(running.port, "DELETE", FILE_URL)[0] == 204
    assert request(running.port, "DELETE", FOLDER_URL)[0] == 204
    assert sorted(os.listdir(os.fsencode(trash))) == sorted([FILE, FOLDER])
    info = trash.parent / "info" / (os.fsdecode(FILE) + ".trashinfo")
    assert b"caf%E9.txt" in info.read_bytes()  # Path=, its bytes percent-encoded
    assert not os.path.exists(os.path.join(os.fsencode(bytes_share), FILE))


def test_a_folder_url_without_its_slash_is_sent_to_it(running) -> None:
    response, _ = running.get(FOLDER_URL.rstrip("/"))
    assert response.status == 301
    assert response.getheader("Location").endswith(FOLDER_URL)


def test_forms_post_files_and_texts_into_such_a_folder(running, bytes_share: Path) -> None:
    body, ctype = multipart([("form.txt", b"by the form\n")])
    status, _, page = request(running.port, "POST", FOLDER_URL, body, {"Content-Type": ctype})
    assert status == 201 and FOLDER_URL.encode() + b"form.txt" in page
    status, _, page = request(running.port, "POST", FOLDER_URL, b"text=hello&name=note",
                              {"Content-Type": "application/x-www-form-urlencoded",
                               "Accept": "application/json"})
    assert status == 201, page
    assert sorted(os.listdir(os.path.join(os.fsencode(bytes_share), FOLDER))) == \
        sorted([b"form.txt", b"note.txt", b"plain.txt", INNER])


def test_locks_and_properties_of_such_a_file(running) -> None:
    status, headers, body = request(running.port, "LOCK", FILE_URL, LOCKINFO,
                                    {"Content-Type": "application/xml", "Timeout": "Second-60"})
    assert status == 200, body
    token = headers["lock-token"]
    status, _, body = request(running.port, "PROPFIND", FILE_URL, headers={"Depth": "0"})
    assert status == 207 and b"lockdiscovery" in body
    assert request(running.port, "PUT", FILE_URL, b"changed")[0] == 423
    assert request(running.port, "UNLOCK", FILE_URL, headers={"Lock-Token": token})[0] == 204
    status, _, body = request(running.port, "PROPPATCH", FILE_URL, (
        b'<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:"><D:set><D:prop>'
        b'<D:displayname>x</D:displayname></D:prop></D:set></D:propertyupdate>'),
        {"Content-Type": "application/xml"})
    assert status in (207, 403), body
    assert running.get(FILE_URL + "?preview")[0].status == 200


def test_a_search_for_such_bytes_finds_such_names(running) -> None:
    response, body = running.get("/?q=%E9&format=json")
    assert response.status == 200
    document = json.loads(body)
    assert document["query"] == os.fsdecode(b"\xe9")
    urls = {entry["url"] for entry in document["entries"]}
    assert {FILE_URL, FOLDER_URL, FOLDER_URL + quote(INNER)} <= urls
    response, page = running.get("/?q=%E9")
    assert response.status == 200
    assert FILE_URL in hrefs(page) and "?q=%E9&amp;sort=name&amp;order=asc" in hrefs(page)


def test_a_put_saves_over_such_a_file_but_never_makes_one(running, bytes_share: Path,
                                                          trash: Path) -> None:
    """A WebDAV editor saves a file it opened under its own name: over one whose name is not
    UTF-8 that is a replace (the old version to the trash); a new such name stays a 400."""
    status, _, body = request(running.port, "PUT", FILE_URL, b"saved by an editor\n")
    assert status == 204, body
    assert (bytes_share / os.fsdecode(FILE)).read_bytes() == b"saved by an editor\n"
    assert os.listdir(os.fsencode(trash)) == [FILE]
    status, _, body = request(running.port, "PUT", FOLDER_URL + "new-%E9.txt", b"x")
    assert status == 400, body
    status, _, body = request(running.port, "PUT", FOLDER_URL, b"x")
    assert status in (400, 405, 409), body
    assert sorted(os.listdir(os.path.join(os.fsencode(bytes_share), FOLDER))) == \
        sorted([b"plain.txt", INNER])
