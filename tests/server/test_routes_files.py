"""server/routes_files.py without sockets: FileRoutes.download's Response for a real file of a
real share. 200 from memory or as a FileSpan, 206 and 416 for ranges (If-Range), 304 from
If-None-Match or If-Modified-Since, ?download, the sandbox of active content, HEAD, and when
the serve thread must hand the request to a worker."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from server.cache import SMALL_FILE, FileCache
from server.call import NeedsWorker
from server.clock import ManualClock
from server.config import ServerConfig
from server.http11 import HttpError, http_date
from server.response import FileSpan, Response
from server.routes_files import FileRoutes
from tests.server.conftest import call_for, config_of, field

HELLO = b"hello, world\n"
BIG_SIZE = 3 * 1024 * 1024 + 17  # big.bin of the sample share


class Downloads:
    """FileRoutes of one share, asked as the router asks: the target resolved through the
    access policy, then download()."""

    def __init__(self, config: ServerConfig, *, website_mode: bool = False) -> None:
        self.config = config
        later = ManualClock(wall=4_000_000_000.0)  # every file of the share is older
        self.routes = FileRoutes(FileCache(website_mode=website_mode), later)

    def get(self, target: str, *fields: str, method: str = "GET",
            serve_thread: bool = False) -> Response:
        call = call_for(self.config, method, target, *fields, serve_thread=serve_thread)
        found = call.files.target(call.path)
        return self.routes.download(call, found.fs_path, found.stat)


@pytest.fixture
def downloads(share: Path) -> Downloads:
    return Downloads(config_of(share))


def test_a_small_file_comes_from_memory_with_its_headers(downloads, share):
    response = downloads.get("/hello.txt")
    assert response.status == 200
    assert response.body == HELLO and response.length == len(HELLO)
    headers = response.headers
    assert field(headers, "Content-Type") == "text/plain; charset=utf-8"
    assert field(headers, "Content-Disposition") == 'inline; filename="hello.txt"'
    assert field(headers, "Accept-Ranges") == "bytes"
    assert field(headers, "X-Content-Type-Options") == "nosniff"
    st = os.stat(share / "hello.txt")
    assert field(headers, "Last-Modified") == http_date(st.st_mtime)
    assert field(headers, "ETag") == f'"{st.st_mtime_ns:x}-{st.st_size:x}"'
    assert field(headers, "Content-Security-Policy") is None  # plain text is passive
    assert field(headers, "Content-Length") is None  # framing is the sender's


def test_a_large_file_is_a_span_to_stream(downloads, share):
    response = downloads.get("/big.bin")
    assert response.status == 200
    span = response.body
    assert isinstance(span, FileSpan)
    assert (span.offset, span.count) == (0, BIG_SIZE)
    assert span.facts.fs_path == str(share / "big.bin") and span.facts.size == BIG_SIZE
    assert span.access.user is None  # the policy bound to who asked
    assert response.length == BIG_SIZE


def test_a_range_of_a_large_file_is_a_span_of_it(downloads):
    response = downloads.get("/big.bin", "Range: bytes=100-199")
    assert response.status == 206
    assert field(response.headers, "Content-Range") == f"bytes 100-199/{BIG_SIZE}"
    assert isinstance(response.body, FileSpan)
    assert (response.body.offset, response.body.count) == (100, 100)
    assert response.length == 100


@pytest.mark.parametrize(("value", "start", "end"), [
    ("bytes=-10", BIG_SIZE - 10, BIG_SIZE - 1),  # the last ten bytes
    ("bytes=1000-", 1000, BIG_SIZE - 1),
    (f"bytes=5-{BIG_SIZE * 2}", 5, BIG_SIZE - 1),  # clamped to the end
])
def test_suffix_and_open_ranges(downloads, value, start, end):
    response = downloads.get("/big.bin", f"Range: {value}")
    assert response.status == 206
    assert field(response.headers, "Content-Range") == f"bytes {start}-{end}/{BIG_SIZE}"
    assert isinstance(response.body, FileSpan)
    assert (response.body.offset, response.body.count) == (start, end - start + 1)


def test_a_range_of_a_small_file_is_cut_from_memory(downloads):
    assert downloads.get("/hello.txt", "Range: bytes=0-4").body == b"hello"
    response = downloads.get("/hello.txt", "Range: bytes=7-")  # now from the cached body
    assert response.status == 206 and response.body == b"world\n"
    assert field(response.headers, "Content-Range") == f"bytes 7-12/{len(HELLO)}"


@pytest.mark.parametrize("value", ["bytes=0-1,5-6", "bytes=9-3", "items=0-1", "bytes=x-"])
def test_ranges_we_do_not_serve_get_the_whole_file(downloads, value):
    response = downloads.get("/hello.txt", f"Range: {value}")
    assert response.status == 200 and response.body == HELLO
    assert field(response.headers, "Content-Range") is None


@pytest.mark.parametrize(("path", "value"), [
    ("/hello.txt", "bytes=13-"), ("/hello.txt", "bytes=100-200"), ("/big.bin", "bytes=-0")])
def test_unsatisfiable_range_is_416_with_the_size(downloads, path, value):
    size = len(HELLO) if path == "/hello.txt" else BIG_SIZE
    with pytest.raises(HttpError) as caught:
        downloads.get(path, f"Range: {value}")
    assert caught.value.status == 416
    assert caught.value.headers == f"Content-Range: bytes */{size}\r\n".encode()
    assert not caught.value.close  # the connection stays usable


def test_if_range_serves_the_range_only_for_the_same_version(downloads):
    etag = field(downloads.get("/big.bin", method="HEAD").headers, "ETag")
    modified = field(downloads.get("/big.bin", method="HEAD").headers, "Last-Modified")
    assert downloads.get("/big.bin", "Range: bytes=0-9", f"If-Range: {etag}").status == 206
    assert downloads.get("/big.bin", "Range: bytes=0-9", f"If-Range: {modified}").status == 206
    changed = downloads.get("/big.bin", "Range: bytes=0-9", 'If-Range: "another-version"')
    assert changed.status == 200
    assert isinstance(changed.body, FileSpan) and changed.body.count == BIG_SIZE
    assert field(changed.headers, "Content-Range") is None
    old_date = downloads.get("/big.bin", "Range: bytes=0-9",
                             "If-Range: Mon, 01 Jan 2001 00:00:00 GMT")
    assert old_date.status == 200


def test_if_range_by_date_is_weak_for_a_file_changed_within_the_last_second(downloads, share):
    """A file written twice in one second has one Last-Modified for two versions: its date
    does not prove the client's part is of this version (RFC 9110 8.8.2.2)."""
    modified = field(downloads.get("/big.bin", method="HEAD").headers, "Last-Modified")
    just_after = ManualClock(wall=(share / "big.bin").stat().st_mtime + 0.5)
    downloads.routes = FileRoutes(FileCache(), just_after)
    answer = downloads.get("/big.bin", "Range: bytes=0-9", f"If-Range: {modified}")
    assert answer.status == 200 and field(answer.headers, "Content-Range") is None
    etag = field(answer.headers, "ETag")  # an ETag (nanosecond mtime) still proves it
    assert downloads.get("/big.bin", "Range: bytes=0-9", f"If-Range: {etag}").status == 206


def test_not_modified_by_if_none_match(downloads):
    etag = field(downloads.get("/hello.txt").headers, "ETag")
    for value in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        response = downloads.get("/hello.txt", f"If-None-Match: {value}")
        assert response.status == 304, value
        assert response.body == b"" and response.length is None
        assert field(response.headers, "ETag") == etag  # a 304 names the version it confirms
    assert downloads.get("/hello.txt", 'If-None-Match: "other"').status == 200


def test_not_modified_by_if_modified_since(downloads, share):
    modified = http_date(os.stat(share / "hello.txt").st_mtime)
    assert downloads.get("/hello.txt", f"If-Modified-Since: {modified}").status == 304
    assert downloads.get("/hello.txt", "If-Modified-Since: Mon, 01 Jan 2001 00:00:00 GMT"
                         ).status == 200
    assert downloads.get("/hello.txt", "If-Modified-Since: not a date").status == 200
    # If-None-Match wins: a changed ETag means a new version whatever the date says
    assert downloads.get("/hello.txt", 'If-None-Match: "other"',
                         f"If-Modified-Since: {modified}").status == 200


def test_not_modified_wins_over_a_range(downloads):
    etag = field(downloads.get("/big.bin", method="HEAD").headers, "ETag")
    response = downloads.get("/big.bin", f"If-None-Match: {etag}", "Range: bytes=0-9")
    assert response.status == 304 and response.body == b""


def test_download_query_asks_the_browser_to_save(downloads):
    for path in ("/hello.txt?download", "/hello.txt?download=1"):
        response = downloads.get(path)
        assert field(response.headers, "Content-Disposition") == \
            'attachment; filename="hello.txt"'
        assert response.body == HELLO
    name = "/%C3%A9t%C3%A9%202024.txt?download"
    disposition = field(downloads.get(name).headers, "Content-Disposition")
    assert disposition is not None and disposition.startswith("attachment;")
    assert "filename*=UTF-8''%C3%A9t%C3%A9%202024.txt" in disposition


@pytest.fixture
def active_share(share: Path) -> Path:
    (share / "page.html").write_bytes(b"<!doctype html><script>alert(1)</script>")
    (share / "image.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    (share / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"p" * 64)
    return share


@pytest.mark.parametrize("path", ["/page.html", "/image.svg", "/big.bin"])
def test_active_content_is_sandboxed_on_every_answer(active_share, path):
    downloads = Downloads(config_of(active_share))
    etag = field(downloads.get(path).headers, "ETag")
    answers = [downloads.get(path), downloads.get(path + "?download"),
               downloads.get(path, "Range: bytes=0-3"), downloads.get(path, method="HEAD"),
               downloads.get(path, f"If-None-Match: {etag}")]
    assert [r.status for r in answers] == [200, 200, 206, 200, 304]
    for response in answers:
        assert field(response.headers, "Content-Security-Policy") == "sandbox", response.status
        assert field(response.headers, "X-Content-Type-Options") == "nosniff"


def test_passive_content_and_website_mode_are_not_sandboxed(active_share):
    plain = Downloads(config_of(active_share))
    assert field(plain.get("/photo.png").headers, "Content-Security-Policy") is None
    assert field(plain.get("/photo.png").headers, "Content-Disposition") == \
        'inline; filename="photo.png"'
    site = Downloads(config_of(active_share, website_mode=True), website_mode=True)
    page = site.get("/page.html")
    assert field(page.headers, "Content-Security-Policy") is None
    assert page.body == b"<!doctype html><script>alert(1)</script>"


def test_head_is_a_span_of_the_right_length_and_reads_nothing(downloads):
    small = downloads.get("/hello.txt", method="HEAD", serve_thread=True)  # nothing cached
    assert small.status == 200
    assert isinstance(small.body, FileSpan) and small.body.count == len(HELLO)
    assert small.length == len(HELLO)
    ranged = downloads.get("/big.bin", "Range: bytes=10-19", method="HEAD")
    assert ranged.status == 206 and isinstance(ranged.body, FileSpan)
    assert (ranged.body.offset, ranged.body.count, ranged.length) == (10, 10, 10)
    downloads.get("/hello.txt")  # cached now: HEAD still answers with the span
    assert isinstance(downloads.get("/hello.txt", method="HEAD").body, FileSpan)


def test_the_serve_thread_hands_an_uncached_small_file_to_a_worker(downloads):
    with pytest.raises(NeedsWorker):
        downloads.get("/hello.txt", serve_thread=True)
    with pytest.raises(NeedsWorker):
        downloads.get("/hello.txt", "Range: bytes=0-4", serve_thread=True)
    assert downloads.get("/hello.txt").body == HELLO  # a worker reads it into the cache
    assert downloads.get("/hello.txt", serve_thread=True).body == HELLO  # then from memory
    assert downloads.get("/hello.txt", "Range: bytes=0-4", serve_thread=True).body == b"hello"


def test_the_serve_thread_needs_no_worker_to_route_a_large_file(downloads):
    """The route reads nothing of a large file; the sender decides who streams the span."""
    response = downloads.get("/big.bin", serve_thread=True)
    assert isinstance(response.body, FileSpan) and response.body.count == BIG_SIZE


def test_not_modified_needs_no_worker(downloads):
    etag = field(downloads.get("/hello.txt", method="HEAD").headers, "ETag")
    response = downloads.get("/hello.txt", f"If-None-Match: {etag}", serve_thread=True)
    assert response.status == 304


def test_a_changed_file_is_read_again(downloads, share):
    assert downloads.get("/hello.txt").body == HELLO
    (share / "hello.txt").write_bytes(b"changed, and longer\n")
    with pytest.raises(NeedsWorker):  # the cached body belongs to the old version
        downloads.get("/hello.txt", serve_thread=True)
    assert downloads.get("/hello.txt").body == b"changed, and longer\n"


def test_an_empty_file_and_the_size_limit_of_memory(downloads, share):
    (share / "empty.txt").write_bytes(b"")
    (share / "edge.bin").write_bytes(b"e" * SMALL_FILE)
    (share / "over.bin").write_bytes(b"o" * (SMALL_FILE + 1))
    empty = downloads.get("/empty.txt")
    assert (empty.status, empty.body, empty.length) == (200, b"", 0)
    assert downloads.get("/edge.bin").body == b"e" * SMALL_FILE
    over = downloads.get("/over.bin")
    assert isinstance(over.body, FileSpan) and over.body.count == SMALL_FILE + 1
    with pytest.raises(HttpError) as caught:
        downloads.get("/empty.txt", "Range: bytes=0-")
    assert caught.value.status == 416
