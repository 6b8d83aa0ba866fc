"""Following links at a bounded cost (server.portable_folders.link_destination and
real_path_of), in both modes: the kernel's (O_PATH, then where the descriptor landed) and
name by name (what Windows and --portable take). Both must agree with each other and with the
system on where a link leads, and both must give up, without error, where the system would."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from server import portable
from server.portable_folders import (
    MAX_LINKS,
    link_destination,
    open_folder,
    real_path_of,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="makes POSIX symlinks")


@pytest.fixture(params=["fast", "fallback"])
def mode(request: pytest.FixtureRequest) -> Iterator[str]:
    saved = dataclasses.replace(portable.features)
    if request.param == "fast":
        portable.use_detected()
    else:
        portable.force_fallbacks()
    yield str(request.param)
    for field in dataclasses.fields(portable.Features):
        setattr(portable.features, field.name, getattr(saved, field.name))


@pytest.fixture
def place(tmp_path: Path) -> Path:
    root = tmp_path / "place"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "file.txt").write_bytes(b"12345")
    (root / "links").mkdir()
    return Path(os.path.realpath(root))


def destination(folder: Path, name: str) -> tuple[str, int] | None:
    with open_folder(str(folder)) as opened:
        found = link_destination(opened, name)
    return None if found is None else (found[0], found[1].st_size)


def test_relative_absolute_and_chained_links_lead_where_the_system_says(place, mode):
    links = place / "links"
    (links / "relative").symlink_to("../a/b/file.txt")
    (links / "absolute").symlink_to(place / "a" / "b" / "file.txt")
    (links / "to-link").symlink_to("relative")
    (links / "to-folder").symlink_to("../a/b")
    file = str(place / "a" / "b" / "file.txt")
    for name in ("relative", "absolute", "to-link"):
        assert destination(links, name) == (file, 5) == (os.path.realpath(links / name), 5)
    found = destination(links, "to-folder")
    assert found is not None and found[0] == str(place / "a" / "b")


def test_dot_dot_after_a_link_is_the_parent_of_where_it_led(place, mode):
    (place / "links" / "deep").symlink_to("../a/b")
    (place / "links" / "up").symlink_to("deep/../b/file.txt")  # a/b/.. is a, not links
    assert destination(place / "links", "up") == (str(place / "a" / "b" / "file.txt"), 5)


@pytest.mark.parametrize("target", ["missing", "../a/missing/../b/file.txt",
                                    "../a/b/file.txt/more", "loop-b"])
def test_a_link_that_leads_nowhere_is_none(place, mode, target):
    (place / "links" / "loop-a").symlink_to("loop-b")
    (place / "links" / "loop-b").symlink_to("loop-a")
    (place / "links" / "broken").symlink_to(target)
    assert destination(place / "links", "broken") is None


def test_a_chain_longer_than_the_system_follows_is_none_without_recursing(place, mode):
    links = place / "links"
    length = 1200  # os.path.realpath recursed once per link before 3.13: RecursionError
    for i in range(length):
        (links / f"c{i}").symlink_to(f"c{i + 1}")
    (links / f"c{length}").write_bytes(b"end")
    assert destination(links, f"c{length - MAX_LINKS}") == (str(links / f"c{length}"), 3)
    assert destination(links, f"c{length - MAX_LINKS - 1}") is None
    assert destination(links, "c0") is None


def test_a_link_to_a_fifo_is_followed_without_opening_it(place, mode):
    os.mkfifo(place / "a" / "pipe")  # opening it for reading would wait for a writer
    (place / "links" / "to-pipe").symlink_to("../a/pipe")
    found = destination(place / "links", "to-pipe")
    assert found is not None and found[0] == str(place / "a" / "pipe")


def test_a_path_through_links_is_followed_from_a_real_folder(place, mode):
    (place / "links" / "to-a").symlink_to("../a")
    found = real_path_of(str(place / "links"), ["to-a", "b", "file.txt"])
    assert found is not None and found[0] == str(place / "a" / "b" / "file.txt")
    assert real_path_of(str(place / "links"), ["to-a", "nothing"]) is None
