"""server/search_walk.py through FileAccess.search: names folded on both sides, folders reached
again after their descriptors were closed (more folders than are kept open), a folder swapped
for another between being listed and being entered, and the folder and depth limits."""

from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path

import pytest

from server import search_walk
from server.access import FileAccess, policy_for
from server.clock import ManualClock
from server.search_walk import KEEP_OPEN, SearchLimits, fold
from tests.server.conftest import config_of


def search(access: FileAccess, url: str, text: str, **limits: int) -> tuple[list[str], bool]:
    walk = access.search(access.target(url), text, SearchLimits(**limits), ManualClock())
    paths = [hit.path for hits in walk.batches() for hit in hits]
    return paths, walk.truncated


@pytest.fixture
def access(share: Path) -> FileAccess:
    return policy_for(config_of(share)).bind(None)


@pytest.mark.parametrize(("name", "text"), [
    ("Café", "cafe"), ("cafe", "CAFÉ"), ("Ärger", "arger"), ("STRASSE", "straße"),
    ("ﬁnal", "fin"), ("Ｗｉｄｅ", "wide"), ("İstanbul", "istanbul"), ("ΣΊΣΥΦΟΣ", "σισυφος"),
])
def test_names_and_text_are_folded_alike(name, text):
    assert fold(text) in fold(name)


def test_ascii_names_fold_to_their_lower_case():
    for name in ("README.md", "a-B_c 1.TXT", "~$x!"):
        assert fold(name) == name.lower()


def test_folders_closed_on_the_way_are_reached_again(access, share):
    """More sibling folders than are kept open, each with a subfolder: by the time the walk
    enters a subfolder, its parent's descriptor was closed long ago."""
    wide = share / "wide"
    for number in range(3 * KEEP_OPEN):
        (wide / f"p{number:02}" / "inner" / "core").mkdir(parents=True)
        (wide / f"p{number:02}" / "inner" / "core" / f"hit{number:02}.txt").touch()
    paths, truncated = search(access, "/wide/", "hit")
    assert paths == [f"p{number:02}/inner/core/hit{number:02}.txt"
                     for number in range(3 * KEEP_OPEN)]
    assert not truncated


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts /proc/self/fd")
def test_at_most_keep_open_folders_are_held(access, share):
    for number in range(3 * KEEP_OPEN):
        (share / "wide" / f"p{number:02}" / "x").mkdir(parents=True)
    before = len(os.listdir("/proc/self/fd"))
    walk = access.search(access.target("/wide/"), "x", SearchLimits(), ManualClock())
    held = []
    for _ in walk.batches():
        held.append(len(os.listdir("/proc/self/fd")) - before)
    assert len(held) == 3 * KEEP_OPEN and max(held) == KEEP_OPEN + 1  # and the searched one
    assert len(os.listdir("/proc/self/fd")) == before


def test_a_folder_replaced_before_it_is_entered_is_left_out(access, share):
    (share / "w" / "a" / "b").mkdir(parents=True)
    (share / "w" / "a" / "b" / "old.txt").touch()
    (share / "w" / "z").mkdir()
    walk = access.search(access.target("/w/"), "b", SearchLimits(), ManualClock())
    batches = walk.batches()
    assert [hit.path for hit in next(batches)] == ["a/b/"]  # "b" is queued now
    (share / "w" / "a" / "other").mkdir()  # made while "b" exists: another inode
    (share / "w" / "a" / "other" / "new-b.txt").touch()
    shutil.rmtree(share / "w" / "a" / "b")
    (share / "w" / "a" / "other").rename(share / "w" / "a" / "b")
    assert [hit.path for hits in batches for hit in hits] == []


def test_the_folder_limit_truncates(access, share):
    for number in range(5):
        (share / "many" / f"d{number}" / "hit").mkdir(parents=True)
    paths, truncated = search(access, "/many/", "hit", folders=4)
    assert paths == ["d0/hit/", "d1/hit/", "d2/hit/"] and truncated  # d3, d4 not entered
    paths, truncated = search(access, "/many/", "hit", folders=11)
    assert len(paths) == 5 and not truncated


def test_the_depth_limit_truncates(access, share):
    (share / "t" / "d1" / "d2" / "d3").mkdir(parents=True)
    (share / "t" / "d1" / "d2" / "d3" / "deep.txt").touch()
    assert search(access, "/t/", "d", depth=2) == (["d1/", "d1/d2/", "d1/d2/d3/"], True)
    assert search(access, "/t/", "deep", depth=3) == (["d1/d2/d3/deep.txt"], False)


class TickingClock(ManualClock):
    """A second passes each time the walk looks at the clock."""

    def monotonic(self) -> float:
        self.advance(1.0)
        return super().monotonic()


def test_the_clock_is_looked_at_before_each_matching_link(access, share):
    """Following a link costs what the share's content decides: with one folder of matching
    links and no subfolder, only a look before each link can stop the walk in time."""
    (share / "links").mkdir()
    (share / "links" / "target.txt").touch()
    for number in range(50):
        (share / "links" / f"link {number:02}").symlink_to("target.txt")
    walk = access.search(access.target("/links/"), "link", SearchLimits(seconds=10),
                         TickingClock())
    paths = [hit.path for hits in walk.batches() for hit in hits]
    assert walk.truncated and 0 < len(paths) < 10


def test_a_folder_left_out_for_an_error_makes_the_answer_truncated(access, share,
                                                                    monkeypatch):
    """A folder gone since it was listed is not part of the tree any more: left out quietly.
    One that cannot be opened (no descriptor left, no permission) may hold results: the
    answer must not claim to be complete."""
    for name in ("a", "b"):
        (share / "t" / name / "hit").mkdir(parents=True)
    real_open = search_walk.open_folder_at
    failure = {"errno": errno.ENOENT}

    def failing(folder, name, *, expected=None):
        if name == "b":
            raise OSError(failure["errno"], os.strerror(failure["errno"]), name)
        return real_open(folder, name, expected=expected)

    monkeypatch.setattr(search_walk, "open_folder_at", failing)
    assert search(access, "/t/", "hit") == (["a/hit/"], False)
    for code in (errno.EMFILE, errno.EACCES):
        failure["errno"] = code
        assert search(access, "/t/", "hit") == (["a/hit/"], True)


@pytest.mark.parametrize("show_hidden", [False, True])
def test_housekeeping_files_are_found_only_where_hidden_files_are_shown(share, show_hidden):
    """desktop.ini and Thumbs.db are left out of search as they are of the page's listings."""
    (share / "pics").mkdir()
    for name in ("desktop.ini", "Thumbs.db", "thumbs.db.txt", "desk.txt"):
        (share / "pics" / name).write_bytes(b"x")
    access = policy_for(config_of(share, show_hidden=show_hidden)).bind(None)
    found = {path.rsplit("/", 1)[-1] for path in search(access, "/", "d")[0]}
    housekeeping = {"desktop.ini", "Thumbs.db"}
    assert {"thumbs.db.txt", "desk.txt"} <= found
    assert housekeeping & found == (housekeeping if show_hidden else set())
