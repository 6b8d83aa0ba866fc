"""Serving files and folders: types, validators, ranges, listings, and the path rules."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from server.conditional import parse_range
from server.files import (
    PathRefused,
    content_disposition,
    content_type,
    is_passive_type,
    resolve,
)
from server.http11 import HttpError
from server.paths import PierPaths


def test_content_types_are_pinned_with_charset(server_factory, tmp_path: Path):
    root = tmp_path / "types"
    root.mkdir()
    expected = {
        "a.html": "text/html; charset=utf-8",
        "a.js": "text/javascript; charset=utf-8",
        "a.css": "text/css; charset=utf-8",
        "a.svg": "image/svg+xml; charset=utf-8",
        "a.wasm": "application/wasm",
        "a.txt": "text/plain; charset=utf-8",
        "a.png": "image/png",
        "a.unknownext": "application/octet-stream",
    }
    for name in expected:
        (root / name).write_bytes(b"x")
    running = server_factory(root)
    for name, ctype in expected.items():
        response, _ = running.get(f"/{name}")
        assert response.getheader("Content-Type") == ctype, name
        assert response.getheader("X-Content-Type-Options") == "nosniff"



@pytest.mark.parametrize("name", [
    "a.png", "a.JPG", "a.jpeg", "a.gif", "a.webp", "a.avif", "a.bmp", "a.ico", "a.mp4",
    "a.webm", "a.ogv", "a.mov", "a.mp3", "a.ogg", "a.wav", "a.flac", "a.m4a", "a.pdf", "a.txt",
    "a.log", "a.py",
])
def test_passive_types_are_images_audio_video_pdf_and_plain_text(name: str):
    assert is_passive_type(content_type(name)), (name, content_type(name))


@pytest.mark.parametrize("name", [
    "a.html", "a.HTM", "a.shtml", "a.xhtml", "a.xht", "a.svg", "a.svgz", "a.svg.gz", "a.xml",
    "a.xsl", "a.rss", "a.atom", "a.mml", "a.json", "a.js", "a.mjs", "a.css", "a.md", "a.csv",
    "a.wasm", "a.mht", "a.swf", "a.zzunknown", "no-extension", "a.html.txt.html",
])
def test_every_other_type_is_active(name: str):
    """Finding 3 of issue 13: anything that may run script, or whose type is not known, is
    not passive, so it is served under a sandbox CSP."""
    assert not is_passive_type(content_type(name)), (name, content_type(name))


@pytest.mark.parametrize("ctype", [
    "image/svg+xml", "IMAGE/SVG+XML; charset=utf-8", "image/svg", "video/x-foo+xml",
    "audio/x-smil+xml", "text/plain-but-not", "text/html", "application/pdfx", "", ";",
])
def test_passive_check_reads_the_type_strictly(ctype: str):
    assert not is_passive_type(ctype)
    assert is_passive_type(" Text/Plain ; charset=utf-8")


def test_etag_and_last_modified_give_304(server):
    response, _ = server.get("/hello.txt")
    etag = response.getheader("ETag")
    modified = response.getheader("Last-Modified")
    assert etag and modified
    again, body = server.get("/hello.txt", headers={"If-None-Match": etag})
    assert again.status == 304 and body == b""
    again, _ = server.get("/hello.txt", headers={"If-None-Match": f'"other", W/{etag}'})
    assert again.status == 304
    again, _ = server.get("/hello.txt", headers={"If-Modified-Since": modified})
    assert again.status == 304
    old = "Thu, 01 Jan 1998 00:00:00 GMT"
    again, _ = server.get("/hello.txt", headers={"If-Modified-Since": old})
    assert again.status == 200
    again, _ = server.get("/hello.txt", headers={"If-Modified-Since": "not a date"})
    assert again.status == 200


def test_changed_file_is_never_served_stale(server, share):
    _, first = server.get("/hello.txt")
    assert first == b"hello, world\n"
    (share / "hello.txt").write_text("changed, and longer\n", encoding="utf-8")
    _, second = server.get("/hello.txt")
    assert second == b"changed, and longer\n"
    replacement = share / "tmp"
    replacement.write_text("short\n", encoding="utf-8")
    os.replace(replacement, share / "hello.txt")
    _, third = server.get("/hello.txt")
    assert third == b"short\n"
    (share / "hello.txt").unlink()
    response, _ = server.get("/hello.txt")
    assert response.status == 404


def test_range_requests(server, share):
    data = (share / "big.bin").read_bytes()
    response, body = server.get("/big.bin", headers={"Range": "bytes=100-199"})
    assert response.status == 206
    assert body == data[100:200]
    assert response.getheader("Content-Range") == f"bytes 100-199/{len(data)}"
    response, body = server.get("/big.bin", headers={"Range": "bytes=-10"})
    assert response.status == 206 and body == data[-10:]
    response, body = server.get("/big.bin", headers={"Range": f"bytes={len(data) - 5}-"})
    assert body == data[-5:]
    response, body = server.get("/hello.txt", headers={"Range": "bytes=0-4"})
    assert response.status == 206 and body == b"hello"


def test_resume_a_download_like_curl_does(server, share):
    data = (share / "big.bin").read_bytes()
    first, part = server.get("/big.bin", headers={"Range": "bytes=0-999999"})
    etag = first.getheader("ETag")
    rest, tail = server.get("/big.bin", headers={"Range": "bytes=1000000-", "If-Range": etag})
    assert rest.status == 206
    assert part + tail == data


def test_unsatisfiable_and_ignored_ranges(server, share):
    size = (share / "big.bin").stat().st_size
    response, _ = server.get("/big.bin", headers={"Range": f"bytes={size}-"})
    assert response.status == 416
    assert response.getheader("Content-Range") == f"bytes */{size}"
    for value in ("bytes=0-1,5-6", "items=0-1", "bytes=5-1", "bytes=x-y"):
        response, body = server.get("/hello.txt", headers={"Range": value})
        assert response.status == 200 and body == b"hello, world\n", value


def test_if_range_mismatch_sends_whole_file(server):
    response, body = server.get("/hello.txt", headers={"Range": "bytes=0-1", "If-Range": '"old"'})
    assert response.status == 200 and body == b"hello, world\n"


def test_download_switch_and_non_ascii_names(server):
    response, body = server.get("/" + quote("été 2024.txt"))
    assert body == b"summer\n"
    assert response.getheader("Content-Disposition").startswith("inline")
    response, _ = server.get("/" + quote("été 2024.txt") + "?download")
    value = response.getheader("Content-Disposition")
    assert value.startswith("attachment;")
    assert "filename*=UTF-8''%C3%A9t%C3%A9%202024.txt" in value


def test_content_disposition_quotes_are_safe():
    value = content_disposition('a"b\\c.txt', attachment=True)
    assert value == 'attachment; filename="a_b_c.txt"; filename*=UTF-8\'\'a%22b%5Cc.txt'


def test_listing_html_and_json(server):
    response, body = server.get("/")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert "default-src 'none'" in response.getheader("Content-Security-Policy")
    page = body.decode("utf-8")
    assert "hello.txt" in page and "docs/" in page
    assert ".secret" not in page
    for path, headers in (("/?format=json", {}), ("/", {"Accept": "application/json"})):
        response, body = server.get(path, headers=headers)
        assert response.getheader("Content-Type") == "application/json; charset=utf-8"
        doc = json.loads(body)
        names = [e["name"] for e in doc["entries"]]
        assert names[0] == "docs"  # folders first
        assert set(names) == {"docs", "hello.txt", "été 2024.txt", "big.bin"}


def test_listing_sort_query(server):
    _, body = server.get("/?format=json&sort=size&order=desc")
    files = [e for e in json.loads(body)["entries"] if e["type"] == "file"]
    assert [e["size"] for e in files] == sorted((e["size"] for e in files), reverse=True)


def test_listing_sees_new_files(server, share):
    _, before = server.get("/?format=json")
    (share / "new.txt").write_text("new")
    _, after = server.get("/?format=json")
    assert "new.txt" not in before.decode() and "new.txt" in after.decode()


def test_folder_without_slash_redirects(server):
    response, _ = server.get("/docs?sort=name")
    assert response.status == 301
    assert response.getheader("Location") == "/docs/?sort=name"


def test_website_mode_serves_index(server_factory, share):
    (share / "index.html").write_text("<h1>site</h1>")
    plain = server_factory(share)
    _, body = plain.get("/")
    assert b"<h1>site</h1>" not in body
    website = server_factory(share, website_mode=True)
    _, body = website.get("/")
    assert body == b"<h1>site</h1>"


def test_error_pages_are_html_or_json(server):
    response, body = server.get("/missing.txt")
    assert response.status == 404
    assert b"<!doctype html>" in body.lower()
    response, body = server.get("/missing.txt?format=json")
    assert json.loads(body) == {"status": 404, "error": "Not found."}


def test_stylesheet_is_served_by_pier(server):
    response, body = server.get("/.well-known/pier/assets/style.css")
    assert response.status == 200 and body
    assert response.getheader("Content-Type").startswith("text/css")
    response, _ = server.get("/.well-known/pier/assets/..%2f..%2fhello.txt")
    assert response.status == 404


def test_hidden_files_are_refused_unless_enabled(server_factory, share):
    hidden = server_factory(share)
    response, _ = hidden.get("/.secret")
    assert response.status == 404
    shown = server_factory(share, show_hidden=True)
    response, body = shown.get("/.secret")
    assert response.status == 200 and body == b"hidden\n"


@pytest.fixture
def canary(tmp_path: Path) -> Path:
    secret = tmp_path / "canary.txt"
    secret.write_text("CANARY-OUTSIDE-THE-SHARE")
    return secret


TRAVERSALS = [
    "/../canary.txt",
    "/%2e%2e/canary.txt",
    "/%2E%2E/canary.txt",
    "/%252e%252e/canary.txt",
    "/..%2fcanary.txt",
    "/..%5ccanary.txt",
    "/..\\canary.txt",
    "/docs/../../canary.txt",
    "/docs/%2e%2e/%2e%2e/canary.txt",
    "/%c0%ae%c0%ae/canary.txt",
    "/%e0%80%ae%e0%80%ae/canary.txt",
    "//../canary.txt",
    "/./../canary.txt",
    "/%00/../canary.txt",
    "/hello.txt%00.png",
    "/C:/canary.txt",
    "/c:%5ccanary.txt",
    "/hello.txt::$DATA",
    "/link-out/canary.txt",
    "/link-out",
    "/share-sibling/secret.txt",
    "/%2fetc%2fpasswd",
    "/..;/canary.txt",
]


def test_traversal_never_leaves_the_share(server_factory, share, canary):
    (share / "link-out").symlink_to(canary.parent)
    sibling = share.parent / "share-sibling"
    sibling.mkdir()
    (sibling / "secret.txt").write_text("CANARY-OUTSIDE-THE-SHARE")
    running = server_factory(share)
    for path in TRAVERSALS:
        request = (f"GET {path} HTTP/1.1\r\nHost: [::1]\r\nConnection: close\r\n\r\n"
                   .encode("latin-1"))
        data = running.raw(request)
        assert data.startswith((b"HTTP/1.1 400", b"HTTP/1.1 404")), path
        assert b"CANARY" not in data, path
    _, listing = running.get("/")
    assert b"link-out" not in listing


def test_symlink_inside_the_share_is_served(server, share):
    (share / "alias.txt").symlink_to(share / "hello.txt")
    _response, body = server.get("/alias.txt")
    assert body == b"hello, world\n"


def test_protected_config_dir_is_never_served(server_factory, share):
    config = share / "config"
    config.mkdir()
    (config / "users.toml").write_text("secret")
    running = server_factory(share, protected_paths=(config,))
    response, _ = running.get("/config/users.toml")
    assert response.status == 404
    _, listing = running.get("/?format=json")
    assert "config" not in [e["name"] for e in json.loads(listing)["entries"]]


def test_resolve_unit(share):
    root = share.resolve()
    target = resolve(root, "/docs/notes.md")
    assert target.fs_path == str(root / "docs" / "notes.md") and not target.is_dir
    assert resolve(root, "/docs").url_path == "/docs/"
    assert resolve(root, "//docs//./notes.md").url_path == "/docs/notes.md"
    with pytest.raises(PathRefused):
        resolve(root, "/../x")


def test_parse_range_unit():
    assert parse_range("bytes=0-0", 10) == (0, 0)
    assert parse_range("bytes=5-100", 10) == (5, 9)
    assert parse_range("bytes=-3", 10) == (7, 9)
    assert parse_range("bytes=-30", 10) == (0, 9)
    assert parse_range("bytes=0-1,2-3", 10) is None
    with pytest.raises(HttpError):
        parse_range("bytes=10-", 10)
    with pytest.raises(HttpError):
        parse_range("bytes=-0", 10)


@pytest.mark.skipif(shutil.which("wget") is None, reason="wget is not installed")
def test_wget_can_mirror_the_share(server, share, tmp_path: Path):
    """Mirroring tools follow the listing's links (no robots "nofollow" on the page)."""
    out = tmp_path / "mirror"
    out.mkdir()
    subprocess.run(["wget", "-q", "-r", "-np", "-nH", "-R", "index.html*",
                    f"http://127.0.0.1:{server.port}/"], cwd=out, check=True, timeout=60)
    for name in ("hello.txt", "big.bin", "docs/notes.md", "été 2024.txt"):
        assert (out / name).read_bytes() == (share / name).read_bytes(), name
    assert not (out / ".secret").exists()


def test_own_files_inside_the_share_are_never_served(server_factory, share, tmp_path):
    """The access log and the log dir are protected like the config dir."""
    logs = share / "config" / "logs"
    logs.mkdir(parents=True)
    (logs / "pier.log").write_text("private")
    paths = PierPaths(config=tmp_path / "elsewhere", logs=logs)
    running = server_factory(share, access_log=share / "access.log",
                             protected_paths=paths.protected)
    running.get("/hello.txt")
    running.wait_for_records(1)
    assert (share / "access.log").exists()
    for path in ("/access.log", "/config/logs/", "/config/logs/pier.log"):
        response, _ = running.get(path)
        assert response.status == 404, path
    _, listing = running.get("/?format=json")
    assert "access.log" not in [e["name"] for e in json.loads(listing)["entries"]]
    _, listing = running.get("/config/?format=json")
    assert json.loads(listing)["entries"] == []
