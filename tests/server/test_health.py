"""server/health.py (ShareHealth): the shared folder goes away while shared (issue 22 §3):
visitors get 503 "This share is unavailable" until the *same* folder (device and inode) is back;
an empty folder in its place, such as the mount point of an unplugged disk, is not the share."""

from __future__ import annotations

import http.client
import json
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from server.config import ServerConfig
from server.engine import ServerEngine
from server.errors import FolderError
from server.health import (
    RETRY_AFTER,
    UNAVAILABLE_DETAIL,
    UNAVAILABLE_TITLE,
    ShareHealth,
)
from tests.conftest import RunningServer

WAIT = 10.0  # seconds: a bound on waiting for the watch, never a duration the test relies on


def wait_for(condition: Callable[[], bool], timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


def looks(engine: ServerEngine) -> int:
    loop = engine._loop
    assert loop is not None
    return loop.health.looks


def wait_for_fresh_looks(engine: ServerEngine) -> None:
    """Until the watch has looked at the folder at least once after now (two looks: one may
    have been under way already)."""
    seen = looks(engine)
    wait_for(lambda: looks(engine) >= seen + 2)


def remove(share: Path) -> Path:
    away = share.with_name(share.name + "-away")
    share.rename(away)
    return away


def test_gone_then_impostor_then_back(server: RunningServer, share: Path) -> None:
    engine = server.engine
    heard: list[bool] = []
    engine.add_health_listener(heard.append)
    assert server.get("/hello.txt")[0].status == 200
    assert engine.share_available

    away = remove(share)
    wait_for(lambda: not engine.share_available)
    response, body = server.get("/hello.txt")
    assert response.status == 503
    assert response.getheader("Retry-After") == str(RETRY_AFTER)
    page = body.decode("utf-8")
    assert UNAVAILABLE_TITLE in page and "its disk was unplugged" in page
    assert response.getheader("Content-Type").startswith("text/html")
    assert server.get("/")[0].status == 503

    share.mkdir()  # an empty folder at the same path: the mount point of an unplugged disk
    (share / "hello.txt").write_text("someone else's\n", encoding="utf-8")
    wait_for_fresh_looks(engine)
    assert not engine.share_available
    response, body = server.get("/hello.txt")
    assert response.status == 503 and b"someone else" not in body

    (share / "hello.txt").unlink()
    share.rmdir()
    away.rename(share)
    wait_for(lambda: engine.share_available)
    response, body = server.get("/hello.txt")
    assert response.status == 200 and body == b"hello, world\n"
    assert heard == [False, True]
    statuses = [r.status for r in server.wait_for_records(5)]
    assert statuses == [200, 503, 503, 503, 200]


def test_json_clients_get_a_json_503(server: RunningServer, share: Path) -> None:
    remove(share)
    wait_for(lambda: not server.engine.share_available)
    response, body = server.get("/docs/?format=json")
    assert response.status == 503
    data = json.loads(body)
    assert data["status"] == 503
    assert UNAVAILABLE_TITLE in data["error"] and UNAVAILABLE_DETAIL in data["error"]
    response, body = server.get("/hello.txt", headers={"Accept": "application/json"})
    assert response.status == 503 and json.loads(body)["status"] == 503


def test_pier_own_pages_still_answer(server: RunningServer, share: Path) -> None:
    remove(share)
    wait_for(lambda: not server.engine.share_available)
    response, _ = server.get("/.well-known/pier/assets/style.css")
    assert response.status == 200
    response, body = server.get("/.well-known/pier/stats")
    assert response.status == 200 and json.loads(body)["share_available"] is False
    assert server.engine.live_stats()["share_available"] is False


def test_answers_from_memory_stop_too(server: RunningServer, share: Path) -> None:
    """A cached file on a kept-alive connection is answered by the serve thread itself: that
    path reads the flag as well."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        for _ in range(3):
            conn.request("GET", "/hello.txt")
            response = conn.getresponse()
            assert response.status == 200 and response.read() == b"hello, world\n"
        remove(share)
        wait_for(lambda: not server.engine.share_available)
        conn.request("GET", "/hello.txt")
        response = conn.getresponse()
        assert response.status == 503 and UNAVAILABLE_TITLE.encode() in response.read()
        assert not response.will_close  # a refusal like any other: the connection stays
        conn.request("GET", "/hello.txt")
        assert conn.getresponse().status == 503
    finally:
        conn.close()


def test_no_upload_lands_in_a_folder_that_took_the_share_s_place(server_factory,
                                                                 share: Path) -> None:
    server = server_factory(share, upload=True)
    remove(share)
    wait_for(lambda: not server.engine.share_available)
    share.mkdir()
    wait_for_fresh_looks(server.engine)
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        conn.request("PUT", "/new.txt", body=b"data")
        response = conn.getresponse()
        assert response.status == 503
        response.read()
    finally:
        conn.close()
    assert list(share.iterdir()) == []


def test_stopping_while_the_folder_is_gone_leaves_no_thread(share: Path) -> None:
    engine = ServerEngine()
    engine.start(ServerConfig(root=share, port=0))
    try:
        remove(share)
        wait_for(lambda: not engine.share_available)
    finally:
        engine.stop()
    assert engine.share_available  # nothing is wrong with a share that is not running


# -- the watch on its own, with a stand-in for the file system ----------------------------------

class FakeFolder:
    def __init__(self) -> None:
        self.result: os.stat_result | None = fake_stat(1, 100)

    def __call__(self, _path: str) -> os.stat_result:
        if self.result is None:
            raise FileNotFoundError(2, "No such file or directory")
        return self.result


def fake_stat(dev: int, ino: int, mode: int = stat.S_IFDIR | 0o755) -> os.stat_result:
    return os.stat_result((mode, ino, dev, 1, 0, 0, 0, 0, 0, 0))


def test_the_identity_decides() -> None:
    folder = FakeFolder()
    heard: list[bool] = []
    health = ShareHealth.of("/media/usb", on_change=heard.append, stat_path=folder)
    assert health.check() and heard == []
    folder.result = None
    assert not health.check() and heard == [False]
    folder.result = fake_stat(2, 2)  # the empty mount point
    assert not health.check()
    folder.result = fake_stat(1, 100, stat.S_IFLNK | 0o777)  # a link in its place
    assert not health.check()
    folder.result = fake_stat(1, 100)
    assert health.check() and heard == [False, True]
    assert health.looks == 5


def test_a_failing_listener_does_not_end_the_watch(caplog: pytest.LogCaptureFixture) -> None:
    folder = FakeFolder()

    def broken(_available: bool) -> None:
        raise RuntimeError("a bug")

    health = ShareHealth.of("/srv/share", on_change=broken, stat_path=folder)
    folder.result = None
    assert not health.check()
    assert "listener failed" in caplog.text
    folder.result = fake_stat(1, 100)
    assert health.check()


def test_a_missing_or_odd_root_is_refused_at_start() -> None:
    folder = FakeFolder()
    folder.result = None
    with pytest.raises(FolderError):
        ShareHealth.of("/gone", stat_path=folder)
    folder.result = fake_stat(1, 1, stat.S_IFREG | 0o644)
    with pytest.raises(FolderError):
        ShareHealth.of("/a-file", stat_path=folder)
