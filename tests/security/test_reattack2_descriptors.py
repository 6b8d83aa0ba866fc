"""Third attack, descriptors: what a listing, a search and a zip answer while the process has
no descriptor left (stalled searches and zips of other clients hold them; live, 4 addresses x
128 stalled searches of a deep tree under a 1,024 limit got `GET /pub/` and `GET /pub/?q=a`
answered 404 Not Found for folders that exist, and a zip built meanwhile leaves files out).

The server recovered once the stallers left and accept's back-off held (no busy loop); these
are what the answers say meanwhile. Each test opens its keep-alive connection first, then takes
every descriptor left in the process (only the already accepted connection is used), asks, and
gives the descriptors back."""

from __future__ import annotations

import http.client
import io
import os
import sys
import zipfile
from pathlib import Path

import pytest

from tests.security.conftest import DESCRIPTOR_LIMIT

LIMIT = DESCRIPTOR_LIMIT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the descriptor limit of a Linux process")



def take_descriptors(leave: int) -> list[int]:
    """Every descriptor of the process but ``leave``."""
    taken: list[int] = []
    try:
        while True:
            taken.append(os.open(os.devnull, os.O_RDONLY))
    except OSError:
        pass
    for _ in range(min(leave, len(taken))):
        os.close(taken.pop())
    return taken


def ask(conn: http.client.HTTPConnection, path: str, leave: int) -> tuple[int, bytes]:
    taken = take_descriptors(leave)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        for fd in taken:
            os.close(fd)


def test_listing_and_search_without_descriptors_are_not_404(
        server_factory, tmp_path: Path, low_descriptor_limit) -> None:
    root = tmp_path / "share"
    (root / "pub").mkdir(parents=True)
    (root / "pub" / "a.txt").write_text("a\n", encoding="utf-8")
    (root / "pub" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    running = server_factory(root)
    conn = running.connection()
    try:
        conn.request("GET", "/pub/a.txt")  # the connection is accepted before the squeeze
        conn.getresponse().read()
        statuses = [ask(conn, path, 0)[0] for path in ("/pub/", "/pub/?format=json", "/pub/?q=a",
                                                "/pub/notes.md?view")]
    finally:
        conn.close()
    assert 404 not in statuses, statuses
    assert all(status in (200, 503) for status in statuses), statuses


def test_zip_without_descriptors_is_complete_or_refused(
        server_factory, tmp_path: Path, low_descriptor_limit) -> None:
    root = tmp_path / "share"
    folder = root / "pack"
    (folder / "sub").mkdir(parents=True)
    for name in ("one.txt", "two.txt", "sub/three.txt"):
        (folder / name).write_text(name, encoding="utf-8")
    expected = {"one.txt", "two.txt", "sub/three.txt"}
    running = server_factory(root)
    broken = []
    for leave in range(0, 4):  # a few descriptors left: the walk starts, its files do not open
        conn = running.connection()
        try:
            conn.request("GET", "/pack/a.txt")
            conn.getresponse().read()
            status, body = ask(conn, "/pack/?format=zip", leave)
        finally:
            conn.close()
        if status != 200:
            continue  # refusing is fine
        names = {n for n in zipfile.ZipFile(io.BytesIO(body)).namelist() if not n.endswith("/")}
        if names != expected:
            broken.append((leave, sorted(names)))
    assert not broken, broken


def test_thumbnail_without_descriptors_is_not_404(
        server_factory, tmp_path: Path, low_descriptor_limit) -> None:
    from PIL import Image

    root = tmp_path / "share"
    root.mkdir()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(root / "red.jpg")
    running = server_factory(root)
    conn = running.connection()
    try:
        conn.request("GET", "/red.jpg")
        conn.getresponse().read()
        status, _ = ask(conn, "/red.jpg?thumb", 0)
    finally:
        conn.close()
    assert status in (200, 503), status
    response, _ = running.get("/red.jpg?thumb")  # and nothing wrong was remembered
    assert response.status == 200 and response.getheader("Content-Type") == "image/jpeg"


def test_busy_answers_say_retry_after(server_factory, tmp_path: Path,
                                      low_descriptor_limit) -> None:
    root = tmp_path / "share"
    (root / "pub").mkdir(parents=True)
    (root / "pub" / "a.txt").write_text("a\n", encoding="utf-8")
    running = server_factory(root)
    conn = running.connection()
    try:
        conn.request("GET", "/pub/a.txt")  # the listing itself is not cached yet
        conn.getresponse().read()
        taken = take_descriptors(0)
        try:
            conn.request("GET", "/pub/")
            response = conn.getresponse()
            body = response.read()
        finally:
            for fd in taken:
                os.close(fd)
    finally:
        conn.close()
    assert response.status == 503 and response.getheader("Retry-After") == "1"
    assert b"busy" in body


def test_a_readme_that_cannot_be_opened_for_want_of_descriptors_is_busy(
        tmp_path: Path, low_descriptor_limit) -> None:
    """Over HTTP the listing takes more descriptors than its README, so this asks the README
    section itself: short of descriptors it is a 503 (the listing is then neither answered nor
    kept without it), not "no README"."""
    from server.files import ServerShort, resolve
    from server.listing import Entry
    from server.routes_markdown import MarkdownRoutes
    from tests.server.conftest import call_for, config_of

    root = tmp_path / "share"
    (root / "pub").mkdir(parents=True)
    (root / "pub" / "README.md").write_text("# Shelf notes\n", encoding="utf-8")
    config = config_of(root)
    call = call_for(config, "GET", "/pub/")
    folder = resolve(str(root.resolve()), "/pub/")
    entries = [Entry("README.md", False, 14, 0.0)]
    routes = MarkdownRoutes("Pier")
    taken = take_descriptors(0)
    try:
        with pytest.raises(ServerShort):
            routes.readme(call, folder, entries)
    finally:
        for fd in taken:
            os.close(fd)
    readme = routes.readme(call, folder, entries)
    assert readme is not None and "Shelf notes" in readme.html


def test_zip_cut_short_for_want_of_descriptors_is_visibly_broken(
        server_factory, tmp_path: Path, low_descriptor_limit) -> None:
    """A first file larger than the part made before the head: what fails after it can only
    end the body unfinished (no last chunk), never make a complete-looking archive."""
    root = tmp_path / "share"
    folder = root / "pack"
    (folder / "sub").mkdir(parents=True)
    (folder / "big.bin").write_bytes(os.urandom(600 * 1024))
    (folder / "sub" / "small.txt").write_text("small", encoding="utf-8")
    expected = {"big.bin", "sub/small.txt"}
    running = server_factory(root)
    outcomes = []
    for leave in range(0, 6):
        conn = running.connection()
        try:
            conn.request("GET", "/pack/big.bin", headers={"Range": "bytes=0-0"})
            conn.getresponse().read()
            try:
                status, body = ask(conn, "/pack/?format=zip", leave)
            except http.client.IncompleteRead:
                outcomes.append("broken")
                continue
        finally:
            conn.close()
        if status != 200:
            outcomes.append(status)
            continue
        names = {n for n in zipfile.ZipFile(io.BytesIO(body)).namelist() if not n.endswith("/")}
        assert names == expected, (leave, sorted(names))
        outcomes.append("complete")
    assert set(outcomes) <= {503, "broken", "complete"}, outcomes


def test_video_thumb_without_descriptors_is_busy_and_not_remembered(
        server_factory, tmp_path: Path, low_descriptor_limit) -> None:
    from server.routes_media import ICONS
    from server.thumb_kinds import VIDEO
    from tests.server.thumb_helpers import WEBM, ffmpeg_path

    if ffmpeg_path() is None:
        pytest.skip("needs ffmpeg")
    root = tmp_path / "share"
    root.mkdir()
    (root / "clip.webm").write_bytes(WEBM.read_bytes())
    running = server_factory(root, ffmpeg=ffmpeg_path())
    for leave in range(0, 4):  # the file opens, ffmpeg's pipes do not
        conn = running.connection()
        try:
            conn.request("GET", "/clip.webm", headers={"Range": "bytes=0-0"})
            conn.getresponse().read()
            status, body = ask(conn, "/clip.webm?thumb", leave)
        finally:
            conn.close()
        assert status in (200, 503), (leave, status)
        assert body != ICONS[VIDEO], leave
    response, _ = running.get("/clip.webm?thumb")
    assert response.status == 200 and response.getheader("Content-Type") == "image/jpeg"
