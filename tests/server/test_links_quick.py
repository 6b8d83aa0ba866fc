"""A link without a PIN is entered on the serve thread (server/routes_links.py): a small file
through it is answered at once from memory and counted, like a request straight to the share,
while everything that may wait (a PIN, an upload, a large file) still goes to a worker, and
an ended link is refused there as anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

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
def handling(share: Path, tmp_path: Path, sockets) -> LinkHandling:
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
