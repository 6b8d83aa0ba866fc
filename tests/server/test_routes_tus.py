"""The tus 1.0.0 endpoint (server/routes_tus.py) over real HTTP to a server on port 0: every
status it answers, its headers, uploads in chunks, creation-with-upload, checksums, collisions,
a restart in the middle, expiry on a ManualClock, a cut connection, two PATCHes at once; and a
stock client (tuspy) resuming with a new uploader after an interruption."""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
from pathlib import Path

import pytest

from server.clock import ManualClock
from server.config import ServerConfig
from server.engine import ServerEngine
from server.handler import CLIENT_GONE
from server.routes_tus import TusRoutes
from server.tus_store import EXPIRY_S, MAX_UNFINISHED_PER_OWNER, SWEEP_EVERY_S, TusStore
from server.uploads import DISK_MARGIN, HttpError
from tests.conftest import RunningServer
from tests.security.conftest import wait_until
from tests.server.conftest import MemoryBody, call_for, config_of
from tests.server.tus_http import (
    OFFSET_TYPE,
    TUS,
    create,
    delete,
    head,
    metadata,
    patch,
    send,
    sha1_of,
    started,
)


@pytest.fixture
def tus_state(tmp_path: Path) -> Path:
    return tmp_path / "tus-state"


@pytest.fixture
def uploads(server_factory, share: Path, tus_state: Path) -> RunningServer:
    return server_factory(share, upload=True, tus_state=tus_state)


def _partials(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(".pier-tus-*.part")]


def _listing(running: RunningServer, path: str = "/") -> list[str]:
    response, body = running.get(path + "?format=json")
    assert response.status == 200
    return [entry["name"] for entry in json.loads(body)["entries"]]


# -- OPTIONS ---------------------------------------------------------------------------------


def test_options_says_what_the_server_speaks(server_factory, share, tus_state):
    running = server_factory(share, upload=True, tus_state=tus_state,
                             max_upload_bytes=5 * 1024 * 1024)
    answer = send(running.port, "OPTIONS", TUS, tus=False)
    assert answer.status == 204
    assert answer["Tus-Resumable"] == answer["Tus-Version"] == "1.0.0"
    assert set(answer["Tus-Extension"].split(",")) == {
        "creation", "creation-with-upload", "termination", "expiration", "checksum"}
    assert "sha1" in answer["Tus-Checksum-Algorithm"].split(",")
    assert answer["Tus-Max-Size"] == str(5 * 1024 * 1024)
    assert {"PATCH", "DELETE", "POST"} <= set(answer["Allow"].replace(" ", "").split(","))
    elsewhere = send(running.port, "OPTIONS", "/", tus=False)  # WebDAV's methods, not tus's
    assert "PATCH" not in elsewhere["Allow"].replace(" ", "").split(",")
    assert elsewhere.get("Tus-Version") is None


def test_without_a_size_limit_no_max_size_is_announced(uploads):
    assert send(uploads.port, "OPTIONS", TUS, tus=False).get("Tus-Max-Size") is None


def test_with_uploads_off_there_is_no_tus(server_factory, share):
    running = server_factory(share)
    options = send(running.port, "OPTIONS", TUS, tus=False)
    assert options.get("Tus-Version") is None
    assert "PATCH" not in options["Allow"].replace(" ", "").split(",")
    assert create(running.port, "a.txt", 3).status == 405
    assert patch(running.port, TUS + "x" * 32, 0, b"abc").status == 405


def test_other_methods_on_the_endpoint_are_405(uploads):
    answer = send(uploads.port, "GET", TUS)
    assert answer.status == 405 and "PATCH" in answer["Allow"]
    assert answer["Tus-Resumable"] == "1.0.0"


# -- a whole upload --------------------------------------------------------------------------


def test_an_upload_in_chunks_appears_only_when_complete(uploads, share):
    data = os.urandom(300_000)
    created = create(uploads.port, "video.bin", len(data))
    assert created.status == 201 and created["Tus-Resumable"] == "1.0.0"
    url = created["Location"]
    assert re.fullmatch(re.escape(TUS) + r"[A-Za-z0-9_-]{32}", url)
    assert created["Upload-Offset"] == "0" and "GMT" in created["Upload-Expires"]
    assert created.get("Pier-File-URL") is None
    for offset in range(0, len(data), 100_000):
        state = head(uploads.port, url)
        assert (state.status, state["Upload-Offset"], state["Upload-Length"]) == \
            (200, str(offset), str(len(data)))
        assert state["Cache-Control"] == "no-store" and state.get("Pier-File-URL") is None
        assert not (share / "video.bin").exists()
        assert "video.bin" not in _listing(uploads)
        assert uploads.get("/video.bin")[0].status == 404
        answer = patch(uploads.port, url, offset, data[offset:offset + 100_000])
        assert answer.status == 204 and answer["Upload-Offset"] == str(offset + 100_000)
        assert answer["Tus-Resumable"] == "1.0.0"
    assert answer["Pier-File-URL"] == "/video.bin"
    assert (share / "video.bin").read_bytes() == data
    assert _partials(share) == []
    finished = head(uploads.port, url)
    assert finished["Pier-File-URL"] == "/video.bin" and finished["Upload-Offset"] == str(len(data))
    assert finished["Cache-Control"] == "no-store"
    assert finished["Upload-Metadata"] == metadata(filename="video.bin")
    again = patch(uploads.port, url, len(data), b"")  # a client asking again after a lost answer
    assert again.status == 204 and again["Pier-File-URL"] == "/video.bin"


def test_creation_with_upload_and_a_whole_file_in_the_post(uploads, share):
    part = create(uploads.port, "a.txt", 10, body=b"hello")
    assert part.status == 201 and part["Upload-Offset"] == "5"
    assert not (share / "a.txt").exists()
    assert patch(uploads.port, part["Location"], 5, b"world")["Pier-File-URL"] == "/a.txt"
    whole = create(uploads.port, "b.txt", 5, body=b"whole")
    assert whole.status == 201 and whole["Pier-File-URL"] == "/b.txt"
    assert (share / "a.txt").read_bytes() == b"helloworld"
    assert (share / "b.txt").read_bytes() == b"whole"
    wrong_type = create(uploads.port, "c.txt", 5, body=b"whole", Content_Type="text/plain")
    assert wrong_type.status == 415 and not (share / "c.txt").exists()


def test_an_empty_file_appears_at_creation(uploads, share):
    answer = create(uploads.port, "empty.txt", 0)
    assert answer.status == 201 and answer["Pier-File-URL"] == "/empty.txt"
    assert (share / "empty.txt").read_bytes() == b""


def test_folders_and_relative_paths(uploads, share):
    url = started(uploads.port, "trip/day 1/photo.jpg", 3, folder="/docs")
    assert (share / "docs" / "trip" / "day 1").is_dir()  # made at creation, through the policy
    answer = patch(uploads.port, url, 0, b"jpg")
    assert answer["Pier-File-URL"] == "/docs/trip/day%201/photo.jpg"
    assert (share / "docs" / "trip" / "day 1" / "photo.jpg").read_bytes() == b"jpg"
    assert create(uploads.port, "x.txt", 1, folder="/missing/").status == 404
    assert create(uploads.port, "x.txt", 1, folder="/hello.txt").status == 409
    assert create(uploads.port, "x.txt", 1, folder="docs").status == 400


def test_collisions_follow_the_rules_of_every_upload(server_factory, share, tus_state):
    running = server_factory(share, upload=True, tus_state=tus_state)
    first = started(running.port, "hello.txt", 3)
    second = started(running.port, "hello.txt", 3)
    assert patch(running.port, second, 0, b"two")["Pier-File-URL"] == "/hello%20%281%29.txt"
    assert patch(running.port, first, 0, b"one")["Pier-File-URL"] == "/hello%20%282%29.txt"
    assert (share / "hello.txt").read_text() == "hello, world\n"
    assert (share / "hello (1).txt").read_bytes() == b"two"
    (share / "taken").mkdir()
    folder_named = started(running.port, "taken", 1)
    assert patch(running.port, folder_named, 0, b"x")["Pier-File-URL"] == "/taken%20%281%29"
    changing = server_factory(share, upload=True, modify=True, tus_state=tus_state / "3")
    url = started(changing.port, "hello.txt", 3)  # the modify right alone: a page's upload
    assert patch(changing.port, url, 0, b"new")["Pier-File-URL"] == "/hello%20%283%29.txt"
    replacing = server_factory(share, upload=True, overwrite=True, tus_state=tus_state / "2")
    url = started(replacing.port, "hello.txt", 3)
    assert patch(replacing.port, url, 0, b"new")["Pier-File-URL"] == "/hello.txt"
    assert (share / "hello.txt").read_bytes() == b"new"


def test_termination(uploads, share):
    url = started(uploads.port, "gone.bin", 10)
    assert patch(uploads.port, url, 0, b"12345").status == 204
    assert len(_partials(share)) == 1
    answer = delete(uploads.port, url)
    assert answer.status == 204 and answer["Tus-Resumable"] == "1.0.0"
    assert _partials(share) == [] and not (share / "gone.bin").exists()
    for method in ("HEAD", "DELETE"):
        assert send(uploads.port, method, url).status == 404
    assert patch(uploads.port, url, 5, b"67890").status == 404


# -- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize("version", [None, "0.2.2", "1.0", ""])
def test_an_unsupported_tus_version_is_412(uploads, version):
    url = started(uploads.port, "a.bin", 3)
    headers = {} if version is None else {"Tus_Resumable": version}
    for answer in (send(uploads.port, "HEAD", url, tus=version is not None, **headers),
                   send(uploads.port, "POST", TUS, tus=version is not None, Upload_Length="3",
                        Upload_Metadata=metadata(filename="b.bin"), **headers)):
        assert answer.status == 412 and answer["Tus-Version"] == "1.0.0"


def test_patch_needs_the_offset_content_type(uploads):
    url = started(uploads.port, "a.bin", 3)
    for ctype in ("application/octet-stream", "text/plain", ""):
        assert patch(uploads.port, url, 0, b"abc", Content_Type=ctype).status == 415
    assert head(uploads.port, url)["Upload-Offset"] == "0"


def test_a_wrong_offset_is_409(uploads):
    url = started(uploads.port, "a.bin", 6)
    assert patch(uploads.port, url, 0, b"abc").status == 204
    for offset in (0, 2, 4, 6):
        answer = patch(uploads.port, url, offset, b"def"[: 6 - offset] or b"x")
        assert answer.status == 409 and answer["Upload-Offset"] == "3"
    assert head(uploads.port, url)["Upload-Offset"] == "3"


def test_checksums(uploads, share):
    url = started(uploads.port, "sum.bin", 8)
    assert patch(uploads.port, url, 0, b"abcd", checksum=sha1_of(b"abcd")).status == 204
    bad = patch(uploads.port, url, 4, b"efgh", checksum=sha1_of(b"EFGH"))
    assert bad.status == 460 and bad["Tus-Resumable"] == "1.0.0"
    assert head(uploads.port, url)["Upload-Offset"] == "4"  # the chunk was dropped
    assert patch(uploads.port, url, 4, b"efgh", checksum="crc32 AAAA").status == 400
    assert patch(uploads.port, url, 4, b"efgh", checksum="sha1 not-base64!").status == 400
    assert patch(uploads.port, url, 4, b"efgh", checksum=sha1_of(b"efgh")).status == 204
    assert (share / "sum.bin").read_bytes() == b"abcdefgh"


@pytest.mark.parametrize("length", ["", "abc", "-1", "1.5", "+3", "3 3", "0x10", "9" * 20,
                                    str(2**63)])
def test_bad_upload_lengths_are_400(uploads, length):
    answer = create(uploads.port, "a.bin", 0, Upload_Length=length)
    assert answer.status == 400 and answer["Tus-Resumable"] == "1.0.0"


@pytest.mark.parametrize("value", [
    "filename", "filename !!!", "filename YS5iaW4=,filename Yi5iaW4=", "bad key YQ==",
    "filename YS5iaW4", metadata(filename=b"\xff\xfe"), metadata(folder="/"),
    metadata(filename=".hidden"), metadata(filename="../up.txt"), metadata(filename="CON"),
    metadata(filename="a\x00b"), metadata(filename=""),
])
def test_bad_metadata_is_400(uploads, share, value):
    answer = create(uploads.port, None, 3, Upload_Metadata=value)
    assert answer.status == 400, value
    assert _partials(share) == []


def test_deferred_length_is_refused(uploads):
    answer = create(uploads.port, "a.bin", 0, Upload_Defer_Length="1")
    assert answer.status == 400


def test_sizes_over_the_limit_are_413(server_factory, share, tus_state):
    running = server_factory(share, upload=True, tus_state=tus_state, max_upload_bytes=100)
    assert create(running.port, "big.bin", 101).status == 413
    url = started(running.port, "ok.bin", 100)
    assert patch(running.port, url, 0, b"x" * 101).status == 413
    assert create(running.port, "small.bin", 5, body=b"123456").status == 413
    assert head(running.port, url)["Upload-Offset"] == "0"


def test_a_file_larger_than_the_disk_is_507(uploads, share):
    answer = create(uploads.port, "huge.bin", 2**62)
    assert answer.status == 507 and _partials(share) == []


def test_unfinished_uploads_are_capped(uploads):
    urls = [started(uploads.port, f"f{number}.bin", 1)
            for number in range(MAX_UNFINISHED_PER_OWNER)]
    refused = create(uploads.port, "one-more.bin", 1)
    assert refused.status == 429 and b"unfinished" in refused.body
    assert patch(uploads.port, urls[0], 0, b"x").status == 204  # finished ones do not count
    assert delete(uploads.port, urls[1]).status == 204
    assert create(uploads.port, "one-more.bin", 1).status == 201
    assert create(uploads.port, "two-more.bin", 1).status == 201
    assert create(uploads.port, "three-more.bin", 1).status == 429


def test_the_request_log_keeps_only_the_start_of_an_upload_id(server_factory, share, tus_state,
                                                              tmp_path):
    # a visitor's upload is guarded by its id alone: the window's log, the access log (and
    # the JSON log, tests/security/test_attack20_service.py) keep what they keep of a link token
    access_log = tmp_path / "logs" / "access.log"
    running = server_factory(share, upload=True, tus_state=tus_state, access_log=access_log)
    url = started(running.port, "logged.bin", 3)
    upload_id = url.rsplit("/", 1)[1]
    assert head(running.port, url).status == 200
    assert patch(running.port, url, 0, b"abc", Referer="http://x" + url).status == 204
    records = running.wait_for_records(3)
    assert [r.path for r in records[-2:]] == [TUS + upload_id[:6] + "…"] * 2
    assert not any(upload_id in r.path + r.referer for r in records)
    running.engine.stop()
    logged = access_log.read_text(encoding="utf-8")
    assert logged.count(TUS + upload_id[:6] + "…") == 3 and upload_id not in logged  # + referer


def wait_for_cut_patch(running: RunningServer, timeout: float = 10.0) -> bool:
    """Whether the server has finished (and recorded) a PATCH whose client went away."""
    return wait_until(lambda: any(r.method == "PATCH" and r.status == CLIENT_GONE
                                  for r in list(running.records)), timeout)


# -- a restart, a cut, expiry, two at once ---------------------------------------------------


def test_an_upload_survives_a_restart(server_factory, share, tus_state):
    data = os.urandom(50_000)
    first = server_factory(share, upload=True, tus_state=tus_state)
    url = started(first.port, "restart.bin", len(data))
    assert patch(first.port, url, 0, data[:20_000]).status == 204
    first.engine.stop()
    second = server_factory(share, upload=True, tus_state=tus_state)
    assert head(second.port, url)["Upload-Offset"] == "20000"
    answer = patch(second.port, url, 20_000, data[20_000:])
    assert answer.status == 204 and answer["Pier-File-URL"] == "/restart.bin"
    assert (share / "restart.bin").read_bytes() == data


@pytest.mark.parametrize("with_checksum", [False, True])
def test_a_cut_connection_keeps_what_arrived_unless_a_checksum_vouches(uploads, share,
                                                                       with_checksum):
    url = started(uploads.port, "cut.bin", 1000)
    checksum = f"Upload-Checksum: {sha1_of(b'z' * 1000)}\r\n" if with_checksum else ""
    with socket.create_connection(("127.0.0.1", uploads.port), timeout=10) as sock:
        sock.sendall((f"PATCH {url} HTTP/1.1\r\nHost: localhost\r\nTus-Resumable: 1.0.0\r\n"
                      f"Content-Type: {OFFSET_TYPE}\r\nUpload-Offset: 0\r\n{checksum}"
                      "Content-Length: 1000\r\n\r\n").encode() + b"z" * 400)
    assert wait_for_cut_patch(uploads)
    assert head(uploads.port, url)["Upload-Offset"] == ("0" if with_checksum else "400")
    assert not (share / "cut.bin").exists()


def test_two_patches_at_once_never_interleave(uploads, share):
    url = started(uploads.port, "both.bin", 10)
    with socket.create_connection(("127.0.0.1", uploads.port), timeout=10) as sock:
        sock.sendall((f"PATCH {url} HTTP/1.1\r\nHost: localhost\r\nTus-Resumable: 1.0.0\r\n"
                      f"Content-Type: {OFFSET_TYPE}\r\nUpload-Offset: 0\r\n"
                      "Expect: 100-continue\r\nContent-Length: 10\r\n\r\n").encode())
        assert sock.recv(100).startswith(b"HTTP/1.1 100")  # the first one holds the upload
        second = patch(uploads.port, url, 0, b"BBBBBBBBBB")
        assert second.status == 423 and second["Retry-After"] == "1"  # try again
        sock.sendall(b"A" * 10)
        assert sock.recv(1000).startswith(b"HTTP/1.1 204")
    assert (share / "both.bin").read_bytes() == b"A" * 10


def test_uploads_expire_after_a_day(share, tus_state):
    clock = ManualClock()
    engine = ServerEngine(sink=lambda record: None, clock=clock)
    engine.start(ServerConfig(root=share, port=0, upload=True, tus_state=tus_state))
    try:
        quiet = started(engine.port, "quiet.bin", 10)
        busy = started(engine.port, "busy.bin", 10)
        assert len(_partials(share)) == 2
        clock.advance(EXPIRY_S - 100)
        assert patch(engine.port, busy, 0, b"12345").status == 204  # a new day for it
        clock.advance(200)
        assert head(engine.port, quiet).status == 404  # expired: gone at once for clients
        assert len(_partials(share)) == 2
        clock.advance(SWEEP_EVERY_S)
        assert head(engine.port, busy)["Upload-Offset"] == "5"  # and swept with a request
        assert len(_partials(share)) == 1 and len(list(tus_state.iterdir())) == 1
    finally:
        engine.stop()


# -- without sockets: the free-space check of each chunk -------------------------------------


def test_each_chunk_needs_room_on_the_disk(share):
    config = config_of(share, upload=True)
    store = TusStore(None)
    roomy = TusRoutes(config, store=store, disk_margin=0)
    created = roomy.route(call_for(config, "POST", TUS, "Tus-Resumable: 1.0.0",
                                   "Upload-Length: 10",
                                   "Upload-Metadata: " + metadata(filename="a.bin")))
    url = created.headers.decode().split("Location: ")[1].split("\r\n")[0]
    full = TusRoutes(config, store=store, disk_margin=2**62)
    chunk = call_for(config, "PATCH", url, "Tus-Resumable: 1.0.0", "Upload-Offset: 0",
                     "Content-Length: 5", f"Content-Type: {OFFSET_TYPE}",
                     body=MemoryBody(b"12345"))
    with pytest.raises(HttpError) as refused:
        full.route(chunk)
    assert refused.value.status == 507 and store.unfinished()[0].offset == 0
    assert DISK_MARGIN > 0


# -- a stock client ----------------------------------------------------------------------------


def test_tuspy_resumes_after_an_interruption_to_a_byte_exact_file(uploads, share, tmp_path):
    """tuspy (the Python tus client) uploads 4 MiB in 256 KiB chunks with checksums; it stops
    in the middle, the network then drops a chunk half-way, and a NEW uploader finds the upload
    by its stored URL, asks the offset and finishes it."""
    from tusclient.client import TusClient
    from tusclient.storage.filestorage import FileStorage

    data = os.urandom(4 * 1024 * 1024 + 123)
    source = tmp_path / "phone video.mp4"
    source.write_bytes(data)
    endpoint = TusClient(f"http://127.0.0.1:{uploads.port}{TUS}")
    storage = FileStorage(str(tmp_path / "tus-urls.json"))
    options = dict(chunk_size=256 * 1024, metadata={"filename": source.name, "folder": "/docs"},
                   upload_checksum=True, store_url=True, url_storage=storage)
    try:
        first = endpoint.uploader(str(source), **options)
        first.upload(stop_at=2 * 1024 * 1024 + 1000)
        assert first.offset == 2 * 1024 * 1024 + 1000
        url = first.url.split(str(uploads.port), 1)[1]
        with socket.create_connection(("127.0.0.1", uploads.port), timeout=10) as sock:
            sock.sendall((f"PATCH {url} HTTP/1.1\r\nHost: localhost\r\nTus-Resumable: 1.0.0\r\n"
                          f"Content-Type: {OFFSET_TYPE}\r\nUpload-Offset: {first.offset}\r\n"
                          "Content-Length: 262144\r\n\r\n").encode()
                         + data[first.offset:first.offset + 100_000])
        assert wait_for_cut_patch(uploads)
        assert not (share / "docs" / source.name).exists()
        second = endpoint.uploader(str(source), **options)
        assert second.url == first.url and second.offset == first.offset + 100_000
        second.upload()
    finally:
        storage.close()
    final = share / "docs" / source.name
    assert hashlib.sha256(final.read_bytes()).hexdigest() == hashlib.sha256(data).hexdigest()
    assert _partials(share) == []
