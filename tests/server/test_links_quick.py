"""A link without a PIN is entered on the serve thread (server/routes_links.py): a small file
through it is answered at once from memory and counted, like a request straight to the share,
while everything that may wait (a PIN, an upload, a large file) still goes to a worker, and
an ended link is refused there as anywhere."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.access_link import _real_path
from server.clock import ManualClock
from server.handler import RequestHandler
from server.links import LinkStore
from server.records import RequestRecord
from tests.server.conftest import config_of, request_head
from tests.server.test_slow_clients import split

HELLO = b"hello, world\n"


class LinkHandling:
    def __init__(self, share: Path, config_dir: Path, sockets) -> None:
        self.conn, self.client = sockets
        self.records: list[RequestRecord] = []
        self.store = LinkStore(config_dir / "links.toml")
        self.store.load()
        self.handler = RequestHandler(config_of(share), self.records.append, None,
                                      clock=ManualClock(), links=self.store)

    def quick(self, method: str, target: str, *fields: str) -> tuple[int, bytes] | None:
        answer = self.handler.answer_quickly(self.conn, request_head(method, target, *fields))
        if answer is None:
            return None
        status, _headers, body = split(b"".join(answer[1]))
        return status, body

    def warm(self, share: Path) -> None:
        """A worker reads the small file once; from then on it is in memory."""
        head = request_head("GET", "/hello.txt")
        assert self.handler.answer_quickly(self.conn, head) is None
        self.handler.handle(self.conn, head)
        self.client.recv(65536)


@pytest.fixture
def handling(share: Path, tmp_path: Path, sockets) -> Iterator[LinkHandling]:
    (tmp_path / "config").mkdir()
    done = LinkHandling(share, tmp_path / "config", sockets)
    done.warm(share)
    yield done
    done.store.close()


def test_a_small_file_through_a_link_is_answered_by_the_serve_thread_and_counted(handling,
                                                                               share):
    link = handling.store.create(share / "hello.txt", "file")
    assert handling.quick("GET", f"{link.url_path}/hello.txt") == (200, HELLO)
    found = handling.store.get(link.id)
    assert found is not None and found.downloads == 1
    assert handling.records[-1].path.startswith("/.well-known/pier/l/" + link.token[:6] + "…")


def test_a_folder_link_reaches_its_folder_only_on_the_serve_thread_too(handling, share):
    link = handling.store.create(share / "docs", "folder")
    for sibling in ("../hello.txt", "%2e%2e/hello.txt", "%2E%2E%2Fhello.txt"):
        status, body = handling.quick("GET", f"{link.url_path}/{sibling}")
        assert status in (400, 404) and HELLO not in body


def test_an_ended_link_is_refused_on_the_serve_thread(handling, share):
    link = handling.store.create(share / "hello.txt", "file")
    handling.store.revoke(link.id)
    assert handling.quick("GET", link.url_path)[0] == 410
    assert handling.quick("GET", "/.well-known/pier/l/" + "A" * 43)[0] == 404


def test_a_link_with_a_pin_waits_for_a_worker(handling, share):
    link = handling.store.create(share / "hello.txt", "file", pin="2468")
    assert handling.quick("GET", link.url_path, "Pier-Link-Pin: 2468") is None
    assert handling.quick("GET", link.url_path) is None
    found = handling.store.get(link.id)
    assert found is not None and found.downloads == 0


def test_a_large_file_through_a_link_is_streamed_by_a_worker(handling, share):
    link = handling.store.create(share / "big.bin", "file")
    assert handling.quick("GET", link.url_path) is None
    prepared = handling.conn.prepared
    assert prepared is not None and prepared.answer is not None
    assert prepared.answer[0].call.link.token == link.token  # still counted when it ends
    found = handling.store.get(link.id)
    assert found is not None and found.downloads == 0  # not before the last byte


def test_the_linked_item_is_found_where_realpath_finds_it(tmp_path):
    root = tmp_path / "share"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "f.txt").write_text("f")
    (root / "elsewhere").mkdir()
    (root / "a" / "to-b").symlink_to(root / "a" / "b")
    (root / "a" / "b" / "to-f.txt").symlink_to(root / "a" / "b" / "f.txt")
    (root / "a" / "to-elsewhere").symlink_to(root / "elsewhere")
    (root / "a" / "loop").symlink_to(root / "a" / "loop")
    (tmp_path / "outside.txt").write_text("o")
    (root / "a" / "out.txt").symlink_to(tmp_path / "outside.txt")
    real_root = os.path.realpath(root)
    for tail in ("a/b/f.txt", "a/b", "a/to-b/f.txt", "a/b/to-f.txt", "a/to-elsewhere",
                 "a/loop", "a/out.txt", "a/gone/f.txt", "a/b/f.txt/x", "a/b/../b/f.txt", ""):
        path = os.path.join(real_root, tail) if tail else real_root
        assert _real_path(path, real_root) == os.path.realpath(path), tail
    outside = str(tmp_path / "outside.txt")
    assert _real_path(outside, real_root) == os.path.realpath(outside)


def test_a_link_made_through_a_symlinked_folder_serves_the_file_it_leads_to(handling, share):
    (share / "alias").symlink_to(share / "docs")
    link = handling.store.create(share / "alias" / "notes.md", "file")
    head = request_head("GET", link.url_path)
    assert handling.handler.answer_quickly(handling.conn, head) is None  # not in memory yet
    handling.handler.handle(handling.conn, head)
    assert handling.client.recv(65536).endswith(b"# notes\n")
