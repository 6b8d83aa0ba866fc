"""Moves and deletes across disks (issue 17): a tmpfs mounted inside the share. A move there is
a copy then a trash of the original; a delete there goes to that disk's own trash folder
(``.Trash-UID`` at its top), which the share then hides. Needs the right to mount (these test
machines run as root); skipped with the reason where mounting is refused."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.file_ops_helpers import access_for, status_of, temporary_trash, trashed


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


@pytest.fixture
def tree(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "share"
    (root / "folder" / "sub").mkdir(parents=True)
    (root / "a.txt").write_bytes(b"alpha")
    (root / "folder" / "sub" / "b.txt").write_bytes(b"bravo")
    (root / "disk").mkdir()
    # room for the uploads' free-space margin (64 MiB); tmpfs uses only what is written
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256m", "none",
                              str(root / "disk")], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield root
    finally:
        subprocess.run(["umount", "-l", str(root / "disk")], check=False)


def test_a_move_to_another_disk_is_a_copy_then_the_trash(tree, trash):
    assert os.stat(tree / "disk").st_dev != os.stat(tree).st_dev
    files = access_for(tree, modify=True)
    assert files.move("/a.txt", "/disk", "a.txt") == "/disk/a.txt"
    assert files.move("/folder", "/disk/", "folder") == "/disk/folder/"
    assert (tree / "disk" / "a.txt").read_bytes() == b"alpha"
    assert (tree / "disk" / "folder" / "sub" / "b.txt").read_bytes() == b"bravo"
    assert not (tree / "a.txt").exists() and not (tree / "folder").exists()
    assert trashed(trash) == ["a.txt", "folder"]  # the originals can still come back
    assert [name for name in os.listdir(tree / "disk") if name.startswith(".pier-")] == []


def test_a_delete_on_another_disk_goes_to_its_trash_which_the_share_hides(tree, trash):
    (tree / "disk" / "c.txt").write_bytes(b"charlie")
    files = access_for(tree, modify=True, show_hidden=True)
    files.delete("/disk/c.txt")
    disk_trash = [name for name in os.listdir(tree / "disk") if name.startswith(".Trash")]
    assert len(disk_trash) == 1 and trashed(trash) == []
    assert (tree / "disk" / disk_trash[0] / "files" / "c.txt").read_bytes() == b"charlie"
    listed = [entry.name for entry in files.list_folder(files.target("/disk/"))]
    assert listed == []
    assert status_of(files.move, f"/disk/{disk_trash[0]}/files/c.txt", "/", "c.txt") == 404
