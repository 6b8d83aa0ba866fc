"""Issue 17, hostile: links, encoded and case-changed names, hidden names and swapped items
against delete, move and copy (FileAccess, real folders, no sockets)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.file_ops_helpers import access_for, status_of, temporary_trash, trashed

REFUSED = (403, 404)


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "real").mkdir(parents=True)
    (root / "real" / "inside.txt").write_bytes(b"inside")
    (root / "a.txt").write_bytes(b"alpha")
    (root / "to-a").symlink_to("a.txt")
    (root / "to-real").symlink_to("real", target_is_directory=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious.txt").write_bytes(b"precious")
    (root / "to-outside").symlink_to(outside / "precious.txt")
    return root


def files_of(tree: Path):
    return access_for(tree, upload=True, modify=True)


def test_a_link_is_moved_as_the_link(tree):
    files_of(tree).move("/to-a", "/real", "moved-link")
    moved = tree / "real" / "moved-link"
    assert moved.is_symlink() and os.readlink(moved) == "a.txt"
    assert (tree / "a.txt").read_bytes() == b"alpha"  # what it pointed at did not move


def test_a_link_to_outside_is_deleted_as_the_link(tree, trash):
    files_of(tree).delete("/to-outside")
    assert not os.path.lexists(tree / "to-outside")
    assert (tree.parent / "outside" / "precious.txt").read_bytes() == b"precious"
    assert trashed(trash) == ["to-outside"] and (trash / "to-outside").is_symlink()


def test_a_link_to_a_folder_is_moved_not_its_contents(tree):
    files_of(tree).move("/to-real", "/", "renamed-link")
    assert (tree / "renamed-link").is_symlink()
    assert (tree / "real" / "inside.txt").read_bytes() == b"inside"


def test_a_link_is_never_copied(tree):
    files = files_of(tree)
    assert status_of(files.copy, "/to-a", "/", "copy") == 409
    assert status_of(files.copy, "/to-outside", "/", "copy") == 409
    assert not os.path.lexists(tree / "copy")


def test_a_folder_copy_leaves_links_out(tree):
    (tree / "real" / "link-out").symlink_to(tree.parent / "outside" / "precious.txt")
    files_of(tree).copy("/real", "/", "real2")
    assert sorted(os.listdir(tree / "real2")) == ["inside.txt"]


def test_a_path_through_a_link_is_refused(tree, trash):
    files = files_of(tree)
    assert status_of(files.move, "/a.txt", "/to-real", "a.txt") == 409
    assert status_of(files.copy, "/a.txt", "/to-real/", "a.txt") == 409
    assert status_of(files.delete, "/to-real/inside.txt") == 409
    assert status_of(files.move, "/to-real/inside.txt", "/", "x.txt") == 409
    assert (tree / "real" / "inside.txt").exists() and (tree / "a.txt").exists()
    assert trashed(trash) == []


def test_a_link_to_a_file_is_not_a_destination_folder(tree):
    assert status_of(files_of(tree).move, "/a.txt", "/to-a", "x") == 409


def test_encoded_paths_cannot_climb_out(tree, trash):
    files = files_of(tree)
    for path in ("/%2e%2e/outside/precious.txt", "/real/%2E%2E/%2E%2E/outside",
                 "/real%2f..%2f..%2foutside", "/..%5c..%5coutside", "/a.txt%00.jpg"):
        assert status_of(files.delete, path) in (400, 404), path
        assert status_of(files.move, "/a.txt", path, "x") in (400, 404, 409), path
    assert (tree.parent / "outside" / "precious.txt").exists() and trashed(trash) == []


def test_hidden_names_follow_the_shares_rule(tree, trash):
    (tree / ".env").write_bytes(b"TOKEN=1")
    files = files_of(tree)
    assert status_of(files.delete, "/.env") == 404
    assert status_of(files.move, "/.env", "/real", "env") == 404
    assert status_of(files.copy, "/.env", "/real", "env") == 404
    assert status_of(files.move, "/a.txt", "/", ".profile") == 400
    assert (tree / ".env").exists() and trashed(trash) == []
    shown = access_for(tree, upload=True, modify=True, show_hidden=True)
    shown.move("/.env", "/real", ".env")
    assert (tree / "real" / ".env").exists()


def test_an_upload_temp_name_is_neither_source_nor_destination(tree):
    temp = ".pier-upload-0123456789abcdef.part"
    (tree / temp).write_bytes(b"half")
    files = access_for(tree, upload=True, modify=True, show_hidden=True)
    assert status_of(files.delete, "/" + temp) == 404
    assert status_of(files.move, "/" + temp, "/real", "done.txt") == 404
    assert status_of(files.move, "/a.txt", "/", temp) == 400


def test_a_file_swapped_between_the_look_and_the_delete_stays(tree, trash):
    st = os.lstat(tree / "a.txt")
    (tree / "a.txt").unlink()  # its inode is free: the link below may well get it
    (tree / "a.txt").symlink_to(tree.parent / "outside" / "precious.txt")
    assert status_of(files_of(tree).delete, "/a.txt", expected=st) == 412
    assert (tree / "a.txt").is_symlink() and trashed(trash) == []


def test_a_file_replaced_by_another_file_stays(tree, trash):
    st = os.lstat(tree / "a.txt")
    os.rename(tree / "a.txt", tree / "real" / "kept.txt")  # keeps its inode busy
    (tree / "a.txt").write_bytes(b"someone else's")
    assert status_of(files_of(tree).delete, "/a.txt", expected=st) == 412
    assert (tree / "a.txt").read_bytes() == b"someone else's" and trashed(trash) == []


def test_a_folder_moved_and_replaced_by_a_link_is_not_followed(tree, trash):
    """The folder was opened and checked; if its path is later a link to elsewhere, the delete
    acts on the checked folder where it now is (the kernel's word for the opened folder) or
    is refused; never through the link."""
    from server.file_ops import FileOps, Item

    files = files_of(tree)
    folder = files.open_folder(str(tree / "real"))
    try:
        (tree.parent / "outside" / "inside.txt").write_bytes(b"outside's")
        os.rename(tree / "real", tree / "real-moved")
        (tree / "real").symlink_to(tree.parent / "outside", target_is_directory=True)
        item = Item(folder, "/real/", "inside.txt", os.lstat(tree / "real-moved" / "inside.txt"))
        refused = status_of(FileOps(files)._discard, item)
    finally:
        folder.close()
    assert (tree.parent / "outside" / "inside.txt").read_bytes() == b"outside's"
    if refused:
        assert refused in (409, 412) and (tree / "real-moved" / "inside.txt").exists()
    else:
        assert trashed(trash) == ["inside.txt"] and (trash / "inside.txt").read_bytes() == \
            b"inside"


def test_the_last_look_before_the_trash_catches_a_swap(tree, trash):
    """The window between the policy's checks and send2trash: the item the checks were made on
    (``Item.st``) is compared with a last lstat of the name right before the move. Driven
    through FileOps._discard, the step after the checks, so the swap lands in that window."""
    from server.file_ops import FileOps, Item

    files = files_of(tree)
    with files.open_folder(str(tree)) as folder:
        checked = Item(folder, "/", "a.txt", os.lstat(tree / "a.txt"))
        os.rename(tree / "a.txt", tree / "real" / "kept.txt")
        (tree / "a.txt").write_bytes(b"swapped in")
        assert status_of(FileOps(files)._discard, checked) == 412
    assert (tree / "a.txt").read_bytes() == b"swapped in" and trashed(trash) == []
