"""?thumb and ?preview without sockets (server/routes_media.py with a real Thumbnailer): who
answers (the serve thread from memory, a worker that leaves the pool otherwise), ETags and
304s, icons, the bounded queue, identical jobs made once, and the owner's thumbnail_for."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from server.call import Call, NeedsWorker
from server.clock import ManualClock
from server.config import ServerConfig
from server.http11 import HttpError
from server.response import Response
from server.routes_media import ICONS, MediaRoutes
from server.thumb_kinds import IMAGE, OTHER, VIDEO, RenderFailed, RenderJob
from server.thumbnails import PREVIEW, THUMB, Thumbnailer
from tests.security.conftest import wait_until
from tests.server.conftest import call_for, config_of, field
from tests.server.thumb_helpers import (
    WEBM,
    Gate,
    assert_bare_jpeg,
    photo_jpeg,
    picture,
)

WAIT = 10.0


@pytest.fixture
def media_share(share: Path) -> Path:
    (share / "photo.jpg").write_bytes(photo_jpeg(1600, 1200))
    (share / "other.jpg").write_bytes(photo_jpeg(800, 600))
    (share / "third.jpg").write_bytes(photo_jpeg(640, 480))
    (share / "broken.jpg").write_bytes(b"\xff\xd8\xff not really")
    (share / "clip.webm").write_bytes(WEBM.read_bytes())
    return share


@pytest.fixture
def started() -> Iterator[Callable[..., Thumbnailer]]:
    made: list[Thumbnailer] = []

    def start(config: ServerConfig, **options: Any) -> Thumbnailer:
        thumbnails = Thumbnailer(config, **options)
        thumbnails.start()
        made.append(thumbnails)
        return thumbnails

    yield start
    for thumbnails in made:
        thumbnails.stop()


class Detaches:
    """Stands in for ServeLoop._detach_current_worker: counts the calls."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def ask(routes: MediaRoutes, config: ServerConfig, target: str, *fields: str,
        serve_thread: bool = False, method: str = "GET",
        detach: Callable[[], None] | None = None) -> tuple[Response, Call]:
    """Route one request as the router does: the target checked by the policy first."""
    call = call_for(config, method, target, *fields, serve_thread=serve_thread)
    if detach is not None:
        call.detach = detach
    found = call.files.target(call.path)
    kind = THUMB if THUMB in call.query else PREVIEW
    return routes.media(call, found, kind), call


def in_thread(run: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    """Run ``run`` in a thread; its result (or exception) lands in the list."""
    out: list[Any] = []

    def target() -> None:
        try:
            out.append(run())
        except Exception as err:
            out.append(err)

    thread = threading.Thread(target=target, name="test-request", daemon=True)
    thread.start()
    return thread, out


def test_a_miss_goes_to_a_worker_and_a_hit_stays_on_the_serve_thread(media_share, started):
    config = config_of(media_share)
    routes = MediaRoutes(started(config))
    with pytest.raises(NeedsWorker):
        ask(routes, config, "/photo.jpg?thumb", serve_thread=True)
    detaches = Detaches()
    made, _ = ask(routes, config, "/photo.jpg?thumb", detach=detaches)
    assert made.status == 200 and detaches.count == 1  # it waited, off the pool
    assert field(made.headers, "content-type") == "image/jpeg"
    assert field(made.headers, "cache-control") == "private, no-cache"
    assert field(made.headers, "x-content-type-options") == "nosniff"
    assert isinstance(made.body, bytes) and max(picture(made.body).size) == 320
    assert_bare_jpeg(made.body)
    again, _ = ask(routes, config, "/photo.jpg?thumb", serve_thread=True)
    assert again.status == 200 and again.body == made.body
    assert field(again.headers, "etag") == field(made.headers, "etag")


def test_a_matching_etag_is_a_304_on_the_serve_thread(media_share, started, tmp_path):
    config = config_of(media_share, thumb_cache=tmp_path / "thumbs")
    routes = MediaRoutes(started(config))
    made, _ = ask(routes, config, "/photo.jpg?thumb")
    etag = field(made.headers, "etag")
    assert etag is not None
    fresh = MediaRoutes(started(config))  # a restart (the same key on disk): a 304 at once
    for value in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        answer, _ = ask(fresh, config, "/photo.jpg?thumb", f"If-None-Match: {value}",
                        serve_thread=True)
        assert answer.status == 304 and field(answer.headers, "etag") == etag
    stale, _ = ask(routes, config, "/photo.jpg?thumb", 'If-None-Match: "stale"',
                   serve_thread=True)
    assert stale.status == 200
    preview, _ = ask(routes, config, "/photo.jpg?preview", f"If-None-Match: {etag}")
    assert preview.status == 200 and field(preview.headers, "etag") != etag
    assert isinstance(preview.body, bytes) and picture(preview.body).size == (1600, 1200)


def test_a_file_that_changes_gets_a_new_etag(media_share, started):
    config = config_of(media_share)
    routes = MediaRoutes(started(config))
    before, _ = ask(routes, config, "/photo.jpg?thumb")
    (media_share / "photo.jpg").write_bytes(photo_jpeg(1200, 1600))
    etag = field(before.headers, "etag")
    after, _ = ask(routes, config, "/photo.jpg?thumb", f"If-None-Match: {etag}")
    assert after.status == 200 and field(after.headers, "etag") != etag
    assert isinstance(after.body, bytes) and picture(after.body).size == (240, 320)


def test_files_that_are_no_pictures_get_an_icon_at_once(media_share, started):
    config = config_of(media_share)
    routes = MediaRoutes(started(config))
    icon, _ = ask(routes, config, "/hello.txt?thumb", serve_thread=True)
    assert icon.status == 200 and icon.body == ICONS[OTHER]
    assert field(icon.headers, "content-type") == "image/svg+xml"
    assert "sandbox" in (field(icon.headers, "content-security-policy") or "")
    etag = field(icon.headers, "etag")
    again, _ = ask(routes, config, "/hello.txt?thumb", f"If-None-Match: {etag}",
                   serve_thread=True)
    assert again.status == 304


def test_a_broken_picture_gets_the_image_icon_remembered(media_share, started):
    config = config_of(media_share)
    thumbnails = started(config)
    routes = MediaRoutes(thumbnails)
    icon, _ = ask(routes, config, "/broken.jpg?thumb")
    assert icon.status == 200 and icon.body == ICONS[IMAGE]
    again, _ = ask(routes, config, "/broken.jpg?thumb", serve_thread=True)  # from memory
    assert again.body == ICONS[IMAGE]
    etag = field(icon.headers, "etag")
    assert etag is not None and etag.endswith('-icon"')
    unchanged, _ = ask(routes, config, "/broken.jpg?thumb", f"If-None-Match: {etag}",
                       serve_thread=True)
    assert unchanged.status == 304
    assert thumbnails.stats().failed == 1 and thumbnails.stats().made == 0


def test_thumbnails_off_means_icons_and_no_thread(media_share, started):
    config = config_of(media_share, thumb_threads=0)
    routes = MediaRoutes(started(config))
    answer, _ = ask(routes, config, "/photo.jpg?thumb", serve_thread=True)
    assert answer.body == ICONS[IMAGE]
    assert not [t for t in threading.enumerate() if t.name == "pier-thumbs"]
    assert MediaRoutes(None).media(*_call_and_target(config, "/photo.jpg?thumb"),
                                   THUMB).body == ICONS[IMAGE]


def _call_and_target(config: ServerConfig, target: str) -> tuple[Call, Any]:
    call = call_for(config, "GET", target)
    return call, call.files.target(call.path)


def test_a_video_without_ffmpeg_gets_the_video_icon(media_share, started):
    config = config_of(media_share, ffmpeg=None)
    routes = MediaRoutes(started(config))
    answer, _ = ask(routes, config, "/clip.webm?thumb", serve_thread=True)
    assert answer.body == ICONS[VIDEO]


def test_head_gets_the_length_of_the_picture(media_share, started):
    config = config_of(media_share)
    routes = MediaRoutes(started(config))
    made, _ = ask(routes, config, "/photo.jpg?thumb")
    head, _ = ask(routes, config, "/photo.jpg?thumb", method="HEAD", serve_thread=True)
    assert head.status == 200 and head.length == made.length


def test_waiting_for_the_thread_is_background_time(media_share, started):
    clock = ManualClock()

    class Slow(Gate):
        def render(self, job: RenderJob) -> bytes | None:
            clock.advance(2.5)  # the thread took that long
            return super().render(job)

    gate = Slow()
    gate.opened.set()
    config = config_of(media_share)
    routes = MediaRoutes(started(config, renderer=gate), clock)
    answer, call = ask(routes, config, "/photo.jpg?thumb")
    assert answer.status == 200 and call.background_s == 2.5
    cached, call = ask(routes, config, "/photo.jpg?thumb")
    assert cached.status == 200 and call.background_s == 0.0


def test_identical_jobs_are_made_once(media_share, started):
    gate = Gate()
    config = config_of(media_share)
    thumbnails = started(config, renderer=gate)
    routes = MediaRoutes(thumbnails)
    detaches = Detaches()
    requests = [in_thread(lambda: ask(routes, config, "/photo.jpg?thumb", detach=detaches)[0])
                for _ in range(3)]
    gate.wait_entered()
    assert wait_until(lambda: detaches.count == 3, WAIT)  # all three wait on the one job
    assert thumbnails.stats().queued == 0 and thumbnails.stats().working == 1
    gate.opened.set()
    bodies = set()
    for thread, out in requests:
        thread.join(WAIT)
        assert out and out[0].status == 200
        bodies.add(out[0].body)
    assert len(bodies) == 1 and gate.calls == 1 and thumbnails.stats().made == 1


def test_a_full_queue_is_a_503_to_retry(media_share, started):
    gate = Gate()
    config = config_of(media_share)
    thumbnails = started(config, renderer=gate, queue_max=1)
    routes = MediaRoutes(thumbnails)
    first = in_thread(lambda: ask(routes, config, "/photo.jpg?thumb")[0])
    gate.wait_entered()  # the one thread is busy with the first
    second = in_thread(lambda: ask(routes, config, "/other.jpg?thumb")[0])
    assert wait_until(lambda: thumbnails.stats().queued == 1, WAIT)
    with pytest.raises(HttpError) as refused:
        ask(routes, config, "/third.jpg?thumb")
    assert refused.value.status == 503 and b"Retry-After: " in refused.value.headers
    assert not refused.value.close
    gate.opened.set()
    for thread, out in (first, second):
        thread.join(WAIT)
        assert out and out[0].status == 200
    answer, _ = ask(routes, config, "/third.jpg?thumb")  # room again
    assert answer.status == 200


def test_a_file_changing_under_the_job_is_a_503(media_share, started):
    config = config_of(media_share)
    routes = MediaRoutes(started(config))
    call, target = _call_and_target(config, "/photo.jpg?thumb")
    (media_share / "photo.jpg").write_bytes(photo_jpeg(320, 240))  # after the router's look
    with pytest.raises(HttpError) as changing:
        routes.media(call, target, THUMB)
    assert changing.value.status == 503


def test_stopping_tells_the_waiting_to_retry(media_share, started):
    gate = Gate()
    config = config_of(media_share)
    thumbnails = started(config, renderer=gate)
    routes = MediaRoutes(thumbnails)
    thread, out = in_thread(lambda: ask(routes, config, "/photo.jpg?thumb")[0])
    gate.wait_entered()
    thumbnails.stop()  # opens the gate too (Gate.close), as killing ffmpeg would
    thread.join(WAIT)
    assert out and isinstance(out[0], HttpError) and out[0].status == 503
    with pytest.raises(HttpError):
        ask(routes, config, "/other.jpg?thumb")


def test_a_job_cut_short_by_stopping_is_not_remembered(media_share, started, tmp_path):
    """ffmpeg killed because the share stops is not the file's fault: the next start tries
    again (a timeout of its own is remembered: tests/security/test_attack_thumbs_ffmpeg.py)."""

    class GivesUp(Gate):
        def render(self, job: RenderJob) -> bytes | None:
            super().render(job)
            raise RenderFailed("stopping")

    config = config_of(media_share, thumb_cache=tmp_path / "thumbs")
    gate = GivesUp()
    first = started(config, renderer=gate)
    thread, out = in_thread(lambda: ask(MediaRoutes(first), config, "/photo.jpg?thumb")[0])
    gate.wait_entered()
    first.stop()
    thread.join(WAIT)
    assert out and first.stats().failed == 0
    again = Gate()
    again.opened.set()
    answer, _ = ask(MediaRoutes(started(config, renderer=again)), config, "/photo.jpg?thumb")
    assert answer.status == 200 and again.calls == 1 and picture(answer.body).size == (320, 240)


def test_the_owner_gets_thumbnails_of_what_a_visitor_may_see(media_share, started):
    (media_share / ".hidden.jpg").write_bytes(photo_jpeg(64, 48))
    config = config_of(media_share)
    thumbnails = started(config)
    made = thumbnails.thumbnail_for("/photo.jpg?thumb")
    assert made is not None and max(picture(made).size) == 320
    assert thumbnails.thumbnail_for("/ph%6fto.jpg") == made  # as a request names it
    for nothing in ("/.hidden.jpg", "/docs/", "/nope.jpg", "/hello.txt", "/broken.jpg",
                    "/../share/photo.jpg", "/%2e%2e/x.jpg"):
        assert thumbnails.thumbnail_for(nothing) is None, nothing
