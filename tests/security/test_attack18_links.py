"""Third attack on share links (issue 18), against the running server: what a link's holder
can take beyond what the owner allowed. Each test here is a finding, marked strict xfail until
the server is fixed (the views and previews of finding 1 are fixed: they count)."""

from __future__ import annotations

import http.client
import io
from pathlib import Path

import pytest
from PIL import Image

from server.links import LinkStore
from tests.conftest import RunningServer

NOTES = b"# Notes\n\nSECRET-NOTES: the whole text of the file\n"
PICTURE = (640, 480)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "notes.md").write_bytes(NOTES)
    Image.effect_noise(PICTURE, 60).convert("RGB").save(root / "docs" / "photo.jpg",
                                                         quality=92)
    (root / "pierconf").mkdir()
    return root


@pytest.fixture
def links(tree: Path) -> LinkStore:
    store = LinkStore(tree / "pierconf" / "links.toml")
    store.load()
    return store


def serve(server_factory, tree: Path) -> RunningServer:
    return server_factory(tree, links_file=tree / "pierconf" / "links.toml",
                          protected_paths=(tree / "pierconf",))


def ask(running: RunningServer, path: str) -> tuple[int, str, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.getheader("content-type", ""), response.read()
    finally:
        conn.close()


def whole_notes(status: int, kind: str, body: bytes) -> bool:
    return status == 200 and b"SECRET-NOTES: the whole text of the file" in body


def whole_picture(status: int, kind: str, body: bytes) -> bool:
    if status != 200 or not kind.startswith("image/") or kind.startswith("image/svg"):
        return False
    return Image.open(io.BytesIO(body)).size == PICTURE


@pytest.mark.parametrize("name, query, delivers", [
    ("notes.md", "?view", whole_notes),  # the rendered text, all of it
    ("photo.jpg", "?preview", whole_picture),  # the picture at its full size
], ids=["markdown-view", "image-preview"])
def test_a_download_limit_holds_for_views_and_previews(tree, links, server_factory, name,
                                                       query, delivers):
    link = links.create(tree / "docs" / name, "file", downloads_allowed=1)
    running = serve(server_factory, tree)
    base = f"/.well-known/pier/l/{link.token}"
    assert delivers(*ask(running, base + query))  # the view itself works
    running.wait_for_records(1)
    copies = 1
    for count, path in enumerate([base + query, base + query, base], start=2):
        status, kind, body = ask(running, path)
        copies += delivers(status, kind, body) or (path == base and status == 200)
        running.wait_for_records(count)  # each answer counted (or not) before the next
    assert copies <= 1, f"a link allowing 1 download gave the content {copies} times"
