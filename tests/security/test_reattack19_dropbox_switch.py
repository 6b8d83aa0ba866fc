"""Re-attack of the settings-change fix: a write into a share link's drop box routed before
a change must not land when the change ends the link's reach: LinkAccess.may asks the rules in
force (server/rules_in_force.py) like FileAccess.may, so switching the share links off,
sharing another folder or revoking the link stops it; a change that keeps the link does not."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from server.config import ServerConfig
from server.engine import ServerEngine
from server.links import LinkStore
from server.paths import PierPaths
from tests.conftest import read_until_closed
from tests.security.test_live_settings_commit import _after_continue, _status


@pytest.fixture
def engine() -> Iterator[ServerEngine]:
    running = ServerEngine()
    yield running
    running.stop()


def _drop_box(share: Path, tmp_path: Path) -> tuple[ServerConfig, str, Path]:
    links_file = PierPaths.under(tmp_path / "config").links_file
    owner = LinkStore(links_file)
    owner.load()
    box = share / "box"
    box.mkdir()
    link = owner.create(box, "folder", upload=True)
    config = ServerConfig(root=share, port=0, links_file=links_file)
    return config, link.url_path.rstrip("/") + "/", box


def _put_across(engine: ServerEngine, share: Path, tmp_path: Path, change) -> tuple[int, Path]:
    config, base, box = _drop_box(share, tmp_path)
    engine.start(config)
    head = (f"PUT {base}late.txt HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
            "Content-Length: 4\r\nConnection: close\r\n\r\n").encode()
    answer = _after_continue(engine, head, b"late", change(config, tmp_path))
    return _status(answer), box


def test_a_drop_box_put_begun_before_links_went_off_saves_nothing(
        engine: ServerEngine, share: Path, tmp_path: Path) -> None:
    status, box = _put_across(engine, share, tmp_path,
                              lambda c, _: replace(c, links_file=None))
    assert status == 410, status
    assert not list(box.iterdir()), f"saved ({status}) after links were switched off"


def test_a_drop_box_put_begun_before_the_folder_changed_saves_nothing(
        engine: ServerEngine, share: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    status, box = _put_across(engine, share, tmp_path, lambda c, _: replace(c, root=other))
    assert status == 410, status
    assert not list(box.iterdir()), f"saved ({status}) in the folder no longer shared"


def test_a_drop_box_put_across_a_change_that_keeps_the_link_is_saved(
        engine: ServerEngine, share: Path, tmp_path: Path) -> None:
    """Drop boxes take uploads whatever the share's upload switch says, before and after."""
    status, box = _put_across(engine, share, tmp_path, lambda c, _: replace(c, upload=False))
    assert status == 201 and (box / "late.txt").read_bytes() == b"late"


def test_a_drop_box_put_begun_before_its_link_was_revoked_saves_nothing(
        engine: ServerEngine, share: Path, tmp_path: Path) -> None:
    config, base, box = _drop_box(share, tmp_path)
    engine.start(config)
    head = (f"PUT {base}late.txt HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
            "Content-Length: 4\r\nConnection: close\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", engine.port), timeout=10) as sock:
        sock.sendall(head)
        assert sock.recv(100).startswith(b"HTTP/1.1 100 ")
        keeper = engine.links
        assert keeper is not None
        keeper.store.revoke(keeper.store.list()[0].id)
        sock.sendall(b"late")
        answer = read_until_closed(sock)
    assert _status(answer) == 410, answer.partition(b"\r\n")[0]
    assert sorted(p.name for p in box.iterdir()) == []
