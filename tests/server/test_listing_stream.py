"""A big folder's listing is sent while it is rendered (server/listing_stream.py, chunked over
HTTP past routes_folders.STREAMED_OVER entries): the same page and the same JSON as rendered
whole, a change between two listings is seen, and what is kept stays within the byte budget."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from server import listing, listing_stream
from server.clock import ManualClock
from server.config import ServerConfig
from server.engine import ServerEngine
from server.listing import Entry, PageContext
from server.routes_folders import KEPT_WHOLE_UP_TO, STREAMED_OVER
from server.text_board import SharedText
from tests.conftest import RunningServer
from tests.server.test_listing import body_rows, entry_links, parse

MANY = STREAMED_OVER + 700  # more than one chunk of rows, and over the streaming threshold


def entries(count: int) -> list[Entry]:
    names = [f"photo {n}.jpg" for n in range(count)] + ["<b>&amp;\u202e.txt", "é ü.md"]
    return [Entry(name, n % 50 == 0, n * 7, 1_700_000_000.5 + n, 0)
            for n, name in enumerate(names)]


@pytest.mark.parametrize("sort", ["name", "size", "date"])
@pytest.mark.parametrize("order", ["asc", "desc"])
def test_the_streamed_page_is_the_page_rendered_whole(sort, order):
    folder = entries(1234)
    page = PageContext(can_upload=True, can_modify=True, user="ana", login=True,
                       shared_text=SharedText("hi", 1.0), language="fr")
    options = dict(sort=sort, order=order, server_name="Pier <x>", page=page,
                   readme="<section>read me</section>", base="/.well-known/pier/l/T")
    whole = listing.render_html("/a b/", folder, **options)
    chunks = list(listing_stream.html_chunks("/a b/", folder, **options))
    assert len(chunks) > 3 and b"".join(chunks) == whole
    assert b"data-mtime" not in chunks[0] and chunks[0].endswith(b"<tbody>\n")  # head at once


@pytest.mark.parametrize("count", [0, 1, 499, 500, 1001])
def test_the_streamed_json_is_the_json_rendered_whole(count):
    folder = entries(count)
    for url in ("/", "/deep/er/"):
        whole = listing.render_json(url, folder, sort="size", order="desc", base="/p")
        streamed = b"".join(listing_stream.json_chunks(url, folder, sort="size", order="desc",
                                                       base="/p"))
        assert streamed == whole
        assert json.loads(streamed)["entries"][-1:] == json.loads(whole)["entries"][-1:]


def test_an_empty_folder_streams_its_empty_row():
    streamed = b"".join(listing_stream.html_chunks("/x/", []))
    assert streamed == listing.render_html("/x/", [])
    assert b'class="empty"' in streamed


@pytest.fixture
def big(share: Path) -> Path:
    folder = share / "big"
    folder.mkdir()
    for n in range(MANY):
        (folder / f"file {n:05d}.txt").touch()
    (folder / "sub").mkdir()
    return folder


def get(running, target: str, headers: dict[str, str] | None = None):
    response, body = running.get(target, headers=headers)
    assert response.status == 200, body[:200]
    return response, body


def test_a_big_folder_is_sent_chunked_and_parses_as_the_whole_page(server, big):
    response, body = get(server, "/big/")
    assert response.getheader("Transfer-Encoding") == "chunked"
    assert response.getheader("Content-Length") is None
    page = parse(body)
    links = entry_links(page)
    assert len(links) == MANY + 1 and links[0] == ("/big/sub/", "sub/", "dir")
    assert links[1][1] == "file 00000.txt" and links[-1][1] == f"file {MANY - 1:05d}.txt"
    assert len(body_rows(page)) == MANY + 1
    response, raw = get(server, "/big/?format=json")
    assert response.getheader("Transfer-Encoding") == "chunked"
    document = json.loads(raw)
    assert [e["name"] for e in document["entries"]] == [
        "sub", *(f"file {n:05d}.txt" for n in range(MANY))]
    assert document["path"] == "/big/" and document["parent"] == "/"


def test_a_small_folder_is_sent_whole_with_its_etag(server, share):
    response, body = get(server, "/")
    assert response.getheader("Content-Length") == str(len(body))
    assert response.getheader("ETag")


def test_a_big_folder_changed_between_two_listings_shows_the_change(server, big):
    first = json.loads(get(server, "/big/?format=json")[1])
    get(server, "/big/")  # the page, kept while it is young and the folder unchanged
    (big / "file 00003.txt").unlink()
    (big / "a new one.txt").write_bytes(b"12345")
    for target in ("/big/?format=json", "/big/"):
        _, body = get(server, target)
        text = body.decode()
        assert "a new one.txt" in text and "file 00003.txt" not in text
    names = [e["name"] for e in json.loads(get(server, "/big/?format=json")[1])["entries"]]
    assert len(names) == len(first["entries"]) and "a new one.txt" in names


def test_listings_kept_stay_within_the_byte_budget(server_factory, share):
    budget = 256 * 1024
    for n in range(40):
        folder = share / f"f{n}"
        folder.mkdir()
        for m in range(60):
            (folder / f"a rather long file name number {m}.txt").touch()
    running = server_factory(share, cache_bytes=budget)
    for n in range(40):
        for target in (f"/f{n}/", f"/f{n}/?format=json", f"/f{n}/?sort=size"):
            get(running, target)
            use = running.engine.cache_use()
            assert use is not None and use.used <= use.limit == budget
    use = running.engine.cache_use()
    assert use.items >= 8 and set(use.by_kind) <= {"listing", "file"}


def test_a_big_page_served_again_has_an_etag_that_never_crosses_languages(big):
    engine = ServerEngine(clock=ManualClock())  # a stopped clock: the kept page stays young
    engine.start(ServerConfig(root=big.parent, port=0))
    running = RunningServer(engine, [])
    try:
        first, body = get(running, "/big/")
        assert first.getheader("ETag") is None  # sent while rendered: its hash came later
        again, same = get(running, "/big/")
        etag = again.getheader("ETag")
        assert same == body and etag  # from the cache, with the hash of the kept bytes
        response, _ = running.get("/big/", headers={"If-None-Match": etag})
        assert response.status == 304
        french, page = get(running, "/big/", {"If-None-Match": etag, "Accept-Language": "fr"})
        assert french.status == 200 and b'lang="fr"' in page
    finally:
        engine.stop()


def test_a_streamed_page_kept_small_is_answered_whole_and_a_big_one_in_pieces(share: Path):
    """Once sent, a page up to KEPT_WHOLE_UP_TO is kept as one body (answered whole, with its
    length, from memory by the serve thread, as a small folder's is); a bigger one stays in
    pieces, sent chunked again."""
    for name, count in (("mid", MANY), ("huge", 6_000)):
        folder = share / name
        folder.mkdir()
        for n in range(count):
            (folder / f"{n:05d} {'x' * 60}.txt").touch()
    engine = ServerEngine(clock=ManualClock())  # a stopped clock: kept pages stay young
    engine.start(ServerConfig(root=share, port=0))
    running = RunningServer(engine, [])
    try:
        for name, whole in (("mid", True), ("huge", False)):
            first, body = get(running, f"/{name}/")
            assert first.getheader("Transfer-Encoding") == "chunked"
            again, same = get(running, f"/{name}/")
            assert same == body and again.getheader("ETag")
            assert (again.getheader("Content-Length") == str(len(body))) is whole, name
            assert (len(body) <= KEPT_WHOLE_UP_TO) is whole, (name, len(body))
    finally:
        engine.stop()
