"""The way to the trash (server/trashing.py): the item waits in a hidden folder of its own
folder, reached through the folder's descriptor, and its .trashinfo names where it was."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

from server.portable_folders import open_folder
from server.trashing import ItemChanged, trash_item
from tests.server.file_ops_helpers import access_for, temporary_trash, trashed

ASIDE = pytest.mark.fast_path_only("the hidden folder is reached by its descriptor")


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


def path_in(info: Path) -> str:
    line = next(x for x in info.read_text().splitlines() if x.startswith("Path="))
    return unquote(line[len("Path="):])


@ASIDE
def test_each_trashed_item_keeps_its_name_and_place(tmp_path: Path, trash: Path) -> None:
    share = tmp_path / "share"
    (share / "one").mkdir(parents=True)
    (share / "two").mkdir()
    (share / "one" / "r é.txt").write_text("first")
    (share / "two" / "r é.txt").write_text("second")
    files = access_for(share, modify=True)
    files.delete("/one/r%20%C3%A9.txt")
    files.delete("/two/r%20%C3%A9.txt")
    assert trashed(trash) == ["r é 1.txt", "r é.txt"]
    info = trash.parent / "info"
    assert path_in(info / "r é.txt.trashinfo") == str(share / "one" / "r é.txt")
    assert path_in(info / "r é 1.txt.trashinfo") == str(share / "two" / "r é.txt")
    assert sorted(os.listdir(share / "one")) == [] == sorted(os.listdir(share / "two"))
    assert sorted(os.listdir(info)) == ["r é 1.txt.trashinfo", "r é.txt.trashinfo"]


@ASIDE
def test_a_share_inside_the_data_folder_gets_a_relative_path(tmp_path: Path,
                                                            trash: Path) -> None:
    """send2trash writes Path= relative to $XDG_DATA_HOME for what lies below it."""
    share = trash.parent.parent / "share"
    share.mkdir()
    (share / "a.txt").write_text("alpha")
    access_for(share, modify=True).delete("/a.txt")
    assert path_in(trash.parent / "info" / "a.txt.trashinfo") == "share/a.txt"


@ASIDE
def test_a_refused_send_puts_the_item_back(tmp_path: Path, trash: Path) -> None:
    (tmp_path / "a.txt").write_text("alpha")
    st = os.lstat(tmp_path / "a.txt")
    seen: list[str] = []

    def refuse(path: str) -> None:
        seen.append(path)
        assert os.path.basename(path) == "a.txt" and os.path.exists(path)
        raise OSError(errno.EACCES, "no")

    with open_folder(str(tmp_path)) as folder, pytest.raises(PermissionError):
        trash_item(folder, "a.txt", st, refuse)
    assert (tmp_path / "a.txt").read_text() == "alpha"
    assert os.path.basename(os.path.dirname(seen[0])).startswith(".pier-trashing-")
    assert not any(name.startswith(".pier-") for name in os.listdir(tmp_path))


def test_another_item_under_the_name_is_not_sent(tmp_path: Path, trash: Path) -> None:
    (tmp_path / "a.txt").write_text("alpha")
    st = os.lstat(tmp_path / "a.txt")
    os.rename(tmp_path / "a.txt", tmp_path / "kept.txt")
    (tmp_path / "a.txt").write_text("someone else's")
    with open_folder(str(tmp_path)) as folder, pytest.raises(ItemChanged):
        trash_item(folder, "a.txt", st, lambda path: pytest.fail(path))
    assert (tmp_path / "a.txt").read_text() == "someone else's" and trashed(trash) == []
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "kept.txt", "xdg-data"]


def test_the_hidden_folder_is_pier_s_own(tmp_path: Path) -> None:
    from server.uploads import clean_name, is_temp_name

    name = ".pier-trashing-" + "0" * 32
    assert is_temp_name(name)
    with pytest.raises(Exception, match="reserved"):
        clean_name(name, allow_hidden=True)
