"""Thumbnails over real HTTP: the contract of ?thumb and ?preview (size, headers, ETag/304,
HEAD), video posters, the disk cache in the cache folder (never in the share) across a restart
and under its cap, and downloads that stay served while the thumbnail thread is busy."""

from __future__ import annotations

import http.client
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from server.config import ServerConfig
from server.engine import ServerEngine
from server.records import RequestRecord
from server.routes_media import ICONS
from server.thumb_cache import KEY_FILE
from server.thumb_kinds import IMAGE, VIDEO
from tests.conftest import RunningServer
from tests.security.conftest import wait_until
from tests.server.test_routes_media import in_thread
from tests.server.thumb_helpers import (
    HEIC,
    WEBM,
    Gate,
    assert_bare_jpeg,
    ffmpeg_path,
    near,
    photo_jpeg,
    picture,
)

WAIT = 10.0
MIB = 1024 * 1024


@pytest.fixture
def photos(share: Path) -> Path:
    (share / "photo.jpg").write_bytes(photo_jpeg(4000, 3000, orientation=6))
    (share / "phone.heic").write_bytes(HEIC.read_bytes())
    (share / "clip.webm").write_bytes(WEBM.read_bytes())
    for n in range(5):
        (share / f"p{n}.jpg").write_bytes(photo_jpeg(640 + 16 * n, 480))
    (share / "mib.bin").write_bytes(os.urandom(MIB))
    return share


@pytest.fixture
def serve() -> Iterator[Callable[..., RunningServer]]:
    """serve(root, renderer=None, **config) -> a running share; stopped after the test."""
    running: list[RunningServer] = []

    def start(root: Path, renderer: Any = None, **options: Any) -> RunningServer:
        records: list[RequestRecord] = []
        engine = ServerEngine(sink=records.append, thumb_renderer=renderer)
        engine.start(ServerConfig(root=root, port=0, **options))
        running.append(RunningServer(engine, records))
        return running[-1]

    yield start
    for server in running:
        server.engine.stop()


def get(server: RunningServer, path: str, method: str = "GET",
        headers: dict[str, str] | None = None) -> tuple[http.client.HTTPResponse, bytes]:
    return server.get(path, headers=headers, method=method)


def test_a_photo_thumb_is_small_upright_and_bare(photos, serve):
    server = serve(photos)
    response, body = get(server, "/photo.jpg?thumb")
    assert response.status == 200
    assert response.getheader("Content-Type") == "image/jpeg"
    assert response.getheader("Cache-Control") == "private, no-cache"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert picture(body).size == (240, 320)  # orientation 6: turned upright
    assert_bare_jpeg(body)
    preview_response, preview = get(server, "/photo.jpg?preview")
    assert preview_response.status == 200 and picture(preview).size == (1920, 2560)
    assert_bare_jpeg(preview)


def test_etag_304_and_head(photos, serve):
    server = serve(photos)
    response, body = get(server, "/photo.jpg?thumb")
    etag = response.getheader("ETag")
    assert etag
    again, empty = get(server, "/photo.jpg?thumb", headers={"If-None-Match": etag})
    assert again.status == 304 and empty == b"" and again.getheader("ETag") == etag
    head, nothing = get(server, "/photo.jpg?thumb", method="HEAD")
    assert head.status == 200 and nothing == b""
    assert head.getheader("Content-Length") == str(len(body))
    assert head.getheader("ETag") == etag


def test_heic_and_video_posters(photos, serve):
    server = serve(photos, ffmpeg=ffmpeg_path())
    response, body = get(server, "/phone.heic?preview")
    assert response.status == 200 and response.getheader("Content-Type") == "image/jpeg"
    assert picture(body).size == (64, 48)
    response, body = get(server, "/clip.webm?thumb")
    if ffmpeg_path() is None:
        assert body == ICONS[VIDEO]
    else:
        assert response.getheader("Content-Type") == "image/jpeg"
        assert picture(body).size == (160, 120)


def test_without_ffmpeg_or_threads_the_answer_is_an_icon(photos, serve):
    no_ffmpeg = serve(photos, ffmpeg=None)
    response, body = get(no_ffmpeg, "/clip.webm?thumb")
    assert response.status == 200 and response.getheader("Content-Type") == "image/svg+xml"
    assert body == ICONS[VIDEO]
    off = serve(photos, thumb_threads=0)
    response, body = get(off, "/photo.jpg?thumb")
    assert response.status == 200 and body == ICONS[IMAGE]
    assert off.engine.live_stats()["thumbnails"]["made"] == 0


def test_the_cache_lives_in_the_cache_folder_and_outlives_a_restart(photos, serve,
                                                                     pier_paths):
    before = sorted(p.relative_to(photos) for p in photos.rglob("*"))
    cache = pier_paths.thumbs_dir
    first = serve(photos, thumb_cache=cache)
    response, made = get(first, "/p1.jpg?thumb")
    assert response.status == 200
    stats = first.engine.thumbnail_stats()
    assert stats is not None and stats.made == 1 and stats.cache_files == 1
    assert sorted(p.name for p in cache.iterdir() if p.suffix != ".thumb") == [KEY_FILE]
    assert sorted(p.relative_to(photos) for p in photos.rglob("*")) == before  # nothing added
    first.engine.stop()

    second = serve(photos, thumb_cache=cache)
    response, again = get(second, "/p1.jpg?thumb")
    assert response.status == 200 and again == made
    stats = second.engine.thumbnail_stats()
    assert stats is not None and stats.made == 0 and stats.disk_hits == 1
    response, _ = get(second, "/p1.jpg?thumb")  # now from memory
    assert second.engine.thumbnail_stats().memory_hits == 1  # type: ignore[union-attr]


def test_the_cache_stays_under_its_cap(photos, serve, tmp_path):
    cache = tmp_path / "cache" / "thumbs"
    probe = serve(photos, thumb_cache=tmp_path / "probe")
    key = probe.engine.thumbnail_stats().cache_bytes  # type: ignore[union-attr]
    get(probe, "/p4.jpg?thumb")
    one = probe.engine.thumbnail_stats().cache_bytes - key  # type: ignore[union-attr]
    cap = key + 2 * one + one // 2  # the key and two of these thumbnails, not three
    server = serve(photos, thumb_cache=cache, thumb_cache_bytes=cap)
    for n in range(5):
        assert get(server, f"/p{n}.jpg?thumb")[0].status == 200
    stats = server.engine.thumbnail_stats()
    assert stats is not None and stats.made == 5
    assert 0 < stats.cache_bytes <= cap and stats.cache_files == 2
    assert sum(p.stat().st_size for p in cache.iterdir()) <= cap


def test_downloads_go_on_while_the_thumbnail_thread_is_busy(photos, serve):
    """Five requests wait on a gated thumbnail thread, more than the four workers: they left
    the pool, so a 1 MiB download on another connection is served meanwhile."""
    gate = Gate()
    server = serve(photos, renderer=gate)
    waiting = [in_thread(lambda n=n: get(server, f"/p{n}.jpg?thumb")) for n in range(5)]
    gate.wait_entered()
    assert wait_until(lambda: server.engine.thumbnail_stats().queued == 4, WAIT)  # type: ignore[union-attr]
    response, body = get(server, "/mib.bin")
    assert response.status == 200 and len(body) == MIB
    assert body == (photos / "mib.bin").read_bytes()
    gate.opened.set()
    for thread, out in waiting:
        thread.join(WAIT)
        assert out and out[0][0].status == 200
    records = server.wait_for_records(6)
    thumbs = [r for r in records if r.path.endswith("?thumb")]
    assert len(thumbs) == 5 and all(r.background_s > 0 for r in thumbs)
    assert [r.background_s for r in records if r.path == "/mib.bin"] == [0.0]


def test_live_stats_tell_what_the_threads_do(photos, serve):
    server = serve(photos)
    get(server, "/p0.jpg?thumb")
    get(server, "/hello.txt?thumb")
    stats = server.engine.live_stats()["thumbnails"]
    assert stats["made"] == 1 and stats["queued"] == 0 and stats["working"] == 0
    made = server.engine.thumbnail_for("/p0.jpg")
    assert made is not None and near(picture(made).getpixel((5, 100)), (220, 30, 30))
