"""A search of a share holding a very deep tree (2,000 levels, as anyone who may upload or any
local user of the folder can build): the walk neither recurses (a recursive walk dies past
~1,000 levels, answering 500 for everyone) nor keeps a descriptor per level (a search held at
the bottom would then hold 2,000, enough to leave the share unable to accept connections).
Folders more than 1,024 levels down are left out, and the answer says it was cut short."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import server.search_walk as search_walk
from server.portable_folders import Folder
from tests.security.test_attack_deep_tree_zip import deep_tree, remove_tree

LEVELS = 2000


@pytest.fixture
def deep_root(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "deep"
    root.mkdir()
    deep_tree(root, LEVELS, 1)
    fd = os.open(root, os.O_RDONLY)  # a file halfway down, within the depth searched
    try:
        for _ in range(1000):
            child = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = child
        os.close(os.open("halfway.txt", os.O_CREAT | os.O_WRONLY, dir_fd=fd))
    finally:
        os.close(fd)
    yield root
    remove_tree(root)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts /proc/self/fd")
def test_a_search_of_a_very_deep_tree_ends_and_holds_few_descriptors(deep_root, server_factory,
                                                                    monkeypatch):
    running = server_factory(deep_root)
    before = len(os.listdir("/proc/self/fd"))  # the server runs in this process
    held: list[int] = []
    read = search_walk.entries_in

    def counting(folder: Folder) -> Iterator:
        held.append(len(os.listdir("/proc/self/fd")) - before)
        return read(folder)

    monkeypatch.setattr(search_walk, "entries_in", counting)
    response, body = running.get("/?q=.txt&format=json", headers={"Connection": "close"})
    assert response.status == 200
    document = json.loads(body)
    assert [entry["name"] for entry in document["entries"]] == ["halfway.txt"]
    assert document["entries"][0]["path"] == "d/" * 1000 + "halfway.txt"
    assert document["truncated"] is True  # the deepest levels were left out
    assert len(held) == 1025  # the searched folder and 1,024 levels below it
    assert max(held) < 40, f"{max(held)} descriptors held by one search of {LEVELS} levels"
