"""Finding 3 of issue 13, stored XSS through uploads: a file from the share must never run as the
share's origin. Every type not known to be passive is answered with `Content-Security-Policy:
sandbox` (scripts off, an opaque origin) and nosniff, on 200, 206, 304, HEAD and ?download
answers alike; images, audio, video, PDF and plain text open in the browser as before. Website
mode, chosen by the owner, serves pages as they are. Real server, real HTTP."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.users import UserStore

SCRIPT = b"<script>fetch('/private/secret.txt')</script>"
ACTIVE = {  # name: content a browser could run if it were served as it is
    "page.html": b"<!doctype html>" + SCRIPT,
    "page.htm": b"<!doctype html>" + SCRIPT,
    "page.shtml": b"<!doctype html>" + SCRIPT,
    "page.xhtml": b'<html xmlns="http://www.w3.org/1999/xhtml">' + SCRIPT + b"</html>",
    "image.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "data.xml": b'<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml"/>',
    "data.json": b'{"a": "<script>alert(1)</script>"}',
    "code.js": b"alert(document.cookie)",
    "style.css": b"body{}",
    "notes.md": b"# <script>alert(1)</script>",
    "table.csv": b"a,<script>alert(1)</script>",
    "mystery.zzunknown": b"<!doctype html>" + SCRIPT,
    "no-extension": b"<!doctype html>" + SCRIPT,
}
PASSIVE = {  # name: (type, content); all open in the browser, none is sandboxed
    "photo.png": ("image/png", b"\x89PNG\r\n\x1a\n" + b"p" * 64),
    "photo.jpg": ("image/jpeg", b"\xff\xd8\xff" + b"j" * 64),
    "clip.mp4": ("video/mp4", b"\x00\x00\x00\x18ftypmp42" + b"v" * 64),
    "clip.webm": ("video/webm", b"\x1a\x45\xdf\xa3" + b"w" * 64),
    "song.mp3": ("audio/mpeg", b"ID3" + b"m" * 64),
    "paper.pdf": ("application/pdf", b"%PDF-1.4\n" + b"d" * 64),
    "readme.txt": ("text/plain; charset=utf-8", b"<script>alert(1)</script> stays text"),
}


@pytest.fixture
def uploads_folder(tmp_path: Path) -> Path:
    root = tmp_path / "uploads"
    root.mkdir()
    for name, body in ACTIVE.items():
        (root / name).write_bytes(body)
    for name, (_, body) in PASSIVE.items():
        (root / name).write_bytes(body)
    return root


def assert_sandboxed(response, name: str) -> None:
    policies = response.getheaders()
    csp = [value for key, value in policies if key.lower() == "content-security-policy"]
    assert csp == ["sandbox"], (name, csp)  # scripts off, opaque origin: no allow-* at all
    assert response.getheader("X-Content-Type-Options") == "nosniff", name


def assert_not_sandboxed(response, name: str) -> None:
    assert response.getheader("Content-Security-Policy") is None, name
    assert response.getheader("X-Content-Type-Options") == "nosniff", name


@pytest.mark.parametrize("name", sorted(ACTIVE))
def test_finding3_uploaded_active_file_is_served_sandboxed(server_factory, uploads_folder,
                                                             name):
    running = server_factory(uploads_folder)
    response, body = running.get("/" + name)
    assert response.status == 200 and body == ACTIVE[name]
    assert_sandboxed(response, name)
    etag = response.getheader("ETag")
    for headers, status in (({"If-None-Match": etag}, 304), ({"Range": "bytes=0-3"}, 206)):
        again, _ = running.get("/" + name, headers=headers)
        assert again.status == status, (name, headers)
        assert_sandboxed(again, f"{name} {status}")
    for path, method in ((f"/{name}?download", "GET"), (f"/{name}", "HEAD")):
        again, _ = running.get(path, method=method)
        assert again.status == 200, (path, method)
        assert_sandboxed(again, f"{path} {method}")


def test_finding3_pages_still_open_inert_and_unknown_types_download(server_factory,
                                                                   uploads_folder):
    running = server_factory(uploads_folder)
    for name in ("page.html", "image.svg", "data.json", "readme.txt"):
        response, _ = running.get("/" + name)
        assert response.getheader("Content-Disposition").startswith("inline"), name
    for name in ("mystery.zzunknown", "no-extension"):
        response, _ = running.get("/" + name)
        assert response.getheader("Content-Type") == "application/octet-stream", name
        assert response.getheader("Content-Disposition").startswith("attachment"), name


@pytest.mark.parametrize("name", sorted(PASSIVE))
def test_finding3_passive_types_open_inline_without_sandbox(server_factory, uploads_folder,
                                                            name):
    running = server_factory(uploads_folder)
    ctype, content = PASSIVE[name]
    response, body = running.get("/" + name)
    assert response.status == 200 and body == content
    assert response.getheader("Content-Type") == ctype
    assert response.getheader("Content-Disposition").startswith("inline"), name
    assert_not_sandboxed(response, name)
    partial, _ = running.get("/" + name, headers={"Range": "bytes=0-3"})
    assert partial.status == 206
    assert_not_sandboxed(partial, name)


def test_finding3_website_mode_runs_pages_as_the_owner_chose(server_factory, uploads_folder):
    (uploads_folder / "site").mkdir()
    (uploads_folder / "site" / "index.html").write_bytes(b"<!doctype html>" + SCRIPT)
    running = server_factory(uploads_folder, website_mode=True)
    for path in ("/page.html", "/image.svg", "/code.js", "/site/", "/site/index.html"):
        response, body = running.get(path)
        assert response.status == 200, path
        assert response.getheader("Content-Security-Policy") is None, path
        assert response.getheader("X-Content-Type-Options") == "nosniff", path
    assert body == b"<!doctype html>" + SCRIPT


def test_finding3_index_html_outside_website_mode_is_a_listing_and_sandboxed(server_factory,
                                                                             uploads_folder):
    (uploads_folder / "site").mkdir()
    (uploads_folder / "site" / "index.html").write_bytes(b"<!doctype html>" + SCRIPT)
    running = server_factory(uploads_folder)
    listing, _ = running.get("/site/")
    assert "default-src 'none'" in listing.getheader("Content-Security-Policy")
    page, _ = running.get("/site/index.html")
    assert_sandboxed(page, "site/index.html")


def test_finding3_a_page_uploaded_by_one_account_is_sandboxed_for_the_next(
        server_factory, tmp_path: Path, private_config_dir: Path):
    """The attack as reported: one account uploads a page, another opens it."""
    root = tmp_path / "share"
    (root / "private").mkdir(parents=True)
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    store.add("mallory", "mallory's password", can_upload=True)
    store.add("victim", "victim's password", can_upload=True)
    running = server_factory(root, auth=Authenticator(store, "Pier - share"), upload=True)

    def login(name: str, password: str) -> dict[str, str]:
        token = base64.b64encode(f"{name}:{password}".encode()).decode("ascii")
        return {"Authorization": f"Basic {token}"}

    conn = running.connection()
    try:
        conn.request("PUT", "/invite.html", body=b"<!doctype html>" + SCRIPT,
                     headers=login("mallory", "mallory's password"))
        created = conn.getresponse()
        created.read()
    finally:
        conn.close()
    assert created.status == 201
    response, body = running.get("/invite.html", headers=login("victim", "victim's password"))
    assert response.status == 200 and body == b"<!doctype html>" + SCRIPT
    assert_sandboxed(response, "invite.html")
