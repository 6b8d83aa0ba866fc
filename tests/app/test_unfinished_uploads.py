"""Unfinished resumable uploads as the window sees them: the engine's plain copies, their marks
in the request records, the monitor feed carrying them, and ShareControl's cancel. Real tus
requests to a real engine on port 0."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.monitor_feed import collect
from app.share_control import ShareControl
from server.config import ServerConfig
from server.engine import ServerEngine
from server.records import RequestRecord, UnfinishedUpload
from tests.server.tus_http import OFFSET_TYPE, head, patch, started


@pytest.fixture
def records() -> list[RequestRecord]:
    return []


@pytest.fixture
def engine(tmp_path: Path, records: list[RequestRecord]) -> Iterator[ServerEngine]:
    share = tmp_path / "share"
    share.mkdir()
    engine = ServerEngine(sink=records.append)
    engine.start(ServerConfig(root=share, port=0, host="127.0.0.1", upload=True,
                              tus_state=tmp_path / "tus-state"))
    yield engine
    engine.stop()


def _partials(engine: ServerEngine) -> list[Path]:
    config = engine.config
    assert config is not None
    return list(Path(config.root).rglob(".pier-tus-*.part"))


def _only(engine: ServerEngine) -> UnfinishedUpload:
    uploads = engine.unfinished_uploads()
    assert len(uploads) == 1, uploads
    return uploads[0]


def _start_patch(port: int, url: str, offset: int, length: int, first: bytes) -> socket.socket:
    """A PATCH whose body is only partly sent: the upload is receiving until the rest comes."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall((f"PATCH {url} HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
                  f"Content-Type: {OFFSET_TYPE}\r\nUpload-Offset: {offset}\r\n"
                  f"Content-Length: {length}\r\n\r\n").encode() + first)
    return sock


def test_an_upload_is_listed_paused_with_who_what_and_how_far(engine: ServerEngine,
                                                               records: list[RequestRecord],
                                                               qtbot: QtBot) -> None:
    url = started(engine.port, "clip.mp4", 10, folder="/")
    assert patch(engine.port, url, 0, b"0123").status == 204
    upload = _only(engine)
    assert (upload.owner, upload.client, upload.file) == (None, "127.0.0.1", "/clip.mp4")
    assert (upload.received, upload.length, upload.receiving) == (4, 10, False)
    assert upload.fraction == pytest.approx(0.4)
    assert upload.last_activity <= engine.clock.time()
    assert url.rsplit("/", 1)[1] not in upload.key  # the secret id is not what is shown
    assert collect(engine).uploads == (upload,)  # what the monitor feed carries to the GUI
    qtbot.waitUntil(lambda: len(records) >= 2, timeout=5000)
    marks = [(r.method, r.upload.offset, r.upload.length) for r in records if r.upload]
    assert marks == [("POST", 0, 10), ("PATCH", 4, 10)]
    assert {r.upload.key for r in records if r.upload} == {upload.key}


def test_a_chunk_arriving_shows_as_receiving_then_the_finished_upload_leaves(
        engine: ServerEngine, qtbot: QtBot) -> None:
    url = started(engine.port, "big.bin", 10)
    sock = _start_patch(engine.port, url, 0, 10, b"abc")
    try:
        qtbot.waitUntil(lambda: engine.unfinished_uploads()[0].received == 3, timeout=5000)
        assert engine.unfinished_uploads()[0].receiving
        sock.sendall(b"defghij")
        assert sock.recv(4096).startswith(b"HTTP/1.1 204")
    finally:
        sock.close()
    assert engine.unfinished_uploads() == []
    assert head(engine.port, url).get("Pier-File-URL") == "/big.bin"


def test_cancel_through_share_control_removes_the_partial_file(engine: ServerEngine,
                                                                qtbot: QtBot) -> None:
    control = ShareControl(engine)
    url = started(engine.port, "movie.mkv", 10)
    assert patch(engine.port, url, 0, b"01234").status == 204
    assert len(_partials(engine)) == 1
    key = _only(engine).key
    with qtbot.waitSignal(control.upload_cancelled, timeout=5000) as done:
        control.cancel_upload(key)
    assert done.args == [key, True]
    assert engine.unfinished_uploads() == []
    assert _partials(engine) == []
    assert head(engine.port, url).status == 404
    assert patch(engine.port, url, 5, b"56789").status == 404
    with qtbot.waitSignal(control.upload_cancelled, timeout=5000) as again:
        control.cancel_upload(key)
    assert again.args == [key, False]  # gone already: nothing to remove
    assert control.wait(5)


def test_cancel_cuts_off_a_chunk_that_is_arriving(engine: ServerEngine, qtbot: QtBot) -> None:
    control = ShareControl(engine)
    url = started(engine.port, "phone.mov", 100)
    sock = _start_patch(engine.port, url, 0, 100, b"x" * 10)
    try:
        qtbot.waitUntil(lambda: engine.unfinished_uploads()[0].receiving, timeout=5000)
        with qtbot.waitSignal(control.upload_cancelled, timeout=15000) as done:
            control.cancel_upload(engine.unfinished_uploads()[0].key)
        assert done.args[1] is True
    finally:
        sock.close()
    assert engine.unfinished_uploads() == []
    assert _partials(engine) == []
    assert head(engine.port, url).status == 404
    assert control.wait(5)
