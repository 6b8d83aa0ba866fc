"""The zip walk (server/zip_walk.py, through FileAccess.zip_items): the order and content of a
plain recursive walk, with at most a few folders open however deep the tree is, ancestors
re-opened by name and identity, and the cuts (depth, name length, undecodable names) that keep
the archive a valid zip."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from server import zip_walk
from server.access import FileAccess, OwnPaths, Policy, ShareRules
from server.portable import features
from server.zipstream import ZipItem, ZipStream


def access_to(root: Path) -> FileAccess:
    rules = ShareRules(root=os.path.realpath(root), login_required=False, upload=False,
                       overwrite=False, show_hidden=False)
    return Policy(rules, OwnPaths([]), ()).bind(None)


def items_of(root: Path, url: str = "/") -> Iterator[ZipItem]:
    access = access_to(root)
    return access.zip_items(access.target(url))


def expected(folder: Path, prefix: str = "") -> list[tuple[str, bytes | None]]:
    """(arcname, content) of a plain recursive walk: each folder's entries sorted by name, an
    empty folder as an entry of its own (shallow trees only)."""
    out: list[tuple[str, bytes | None]] = []
    names = sorted(os.listdir(folder))
    if prefix and not names:
        out.append((prefix, None))
    for name in names:
        path = folder / name
        if path.is_dir():
            out += expected(path, prefix + name + "/")
        else:
            out.append((prefix + name, path.read_bytes()))
    return out


def open_descriptors() -> int:
    for where in ("/proc/self/fd", "/dev/fd"):
        if os.path.isdir(where):
            return len(os.listdir(where))
    pytest.skip("no way to count this process's descriptors")


def read(item: ZipItem) -> bytes | None:
    """What the zip would store for the item, opened the way ZipStream opens it."""
    if item.opener is None:
        return None
    opened = item.opener()
    assert opened is not None, item.arcname
    with io.FileIO(opened.fd, "rb", closefd=True) as handle:
        return handle.read()


def branching_chain(root: Path, levels: int) -> None:
    """At every level: a file before the way down, the way down ("d"), an empty folder and a
    file after it, so the walk comes back to every level with entries left."""
    folder = root
    for level in range(levels):
        (folder / "a.txt").write_bytes(b"a%d" % level)
        (folder / "d").mkdir()
        (folder / "e").mkdir()
        (folder / "z.txt").write_bytes(b"z%d" % level)
        folder = folder / "d"
    (folder / "bottom.txt").write_bytes(b"bottom")


@pytest.mark.parametrize("keep", [1, 3, zip_walk.KEEP_OPEN])
def test_a_deep_tree_is_walked_in_order_with_few_folders_open(tmp_path, monkeypatch, keep):
    monkeypatch.setattr(zip_walk, "KEEP_OPEN", keep)
    branching_chain(tmp_path, 40)
    before = open_descriptors()
    got, most = [], 0
    for item in items_of(tmp_path):
        got.append((item.arcname, read(item)))
        most = max(most, open_descriptors() - before)
    assert got == expected(tmp_path)
    assert most <= keep + 2  # the zipped folder, the deepest few, one being entered
    assert open_descriptors() == before


def test_the_streamed_archive_holds_the_tree(tmp_path, monkeypatch):
    monkeypatch.setattr(zip_walk, "KEEP_OPEN", 2)
    branching_chain(tmp_path, 12)
    archive = zipfile.ZipFile(io.BytesIO(b"".join(ZipStream(items_of(tmp_path)))))
    assert archive.testzip() is None
    assert [(info.filename, None if info.is_dir() else archive.read(info))
            for info in archive.infolist()] == expected(tmp_path)


def test_an_abandoned_walk_closes_its_folders(tmp_path):
    branching_chain(tmp_path, 30)
    before = open_descriptors()
    items = items_of(tmp_path)
    for item in items:
        if item.arcname.endswith("bottom.txt"):
            break
    assert open_descriptors() > before
    items.close()  # what the delivery does when the client goes away
    assert open_descriptors() == before


def nested(root: Path) -> Path:
    (root / "a" / "b" / "c").mkdir(parents=True)
    (root / "a" / "b" / "c" / "deep.txt").write_bytes(b"deep")
    (root / "a" / "z.txt").write_bytes(b"listed")
    (root / "zz.txt").write_bytes(b"after")
    return root / "a"


def swap_for_folder(folder: Path) -> None:
    folder.rename(folder.with_name(folder.name + "-away"))
    folder.mkdir()
    (folder / "z.txt").write_bytes(b"decoy")


def swap_for_link(folder: Path) -> None:
    away = folder.with_name(folder.name + "-away")
    folder.rename(away)
    folder.symlink_to(away, target_is_directory=True)


@pytest.mark.parametrize("swap", [swap_for_folder, swap_for_link])
def test_an_ancestor_swapped_while_closed_is_left_out(tmp_path, monkeypatch, swap):
    """"a" is closed while the walk is below it; when the walk comes back for a/z.txt, the name
    leads to another folder (or a link to the very same one): what is left of "a" is left
    out, and the walk goes on with the rest of the share."""
    monkeypatch.setattr(zip_walk, "KEEP_OPEN", 1)
    folder = nested(tmp_path)
    items = items_of(tmp_path)
    first = next(items)
    assert (first.arcname, read(first)) == ("a/b/c/deep.txt", b"deep")
    swap(folder)
    assert [(item.arcname, read(item)) for item in items] == [("zz.txt", b"after")]


def test_an_ancestor_kept_open_is_the_folder_that_was_entered(tmp_path):
    """With "a" still open, its listed file comes from the folder that was entered, or (where
    a Folder is a path, checked on use) it is skipped: never the decoy."""
    folder = nested(tmp_path)

    def swapped_after_the_first() -> Iterator[ZipItem]:
        items = items_of(tmp_path)
        yield next(items)  # "a/b/c/deep.txt", stored before the walk goes on
        swap_for_folder(folder)
        yield from items

    stream = ZipStream(swapped_after_the_first())
    archive = zipfile.ZipFile(io.BytesIO(b"".join(stream)))
    stored = {name: archive.read(name) for name in archive.namelist()}
    if features.dir_fd:
        assert stored == {"a/b/c/deep.txt": b"deep", "a/z.txt": b"listed", "zz.txt": b"after"}
    else:
        assert stored == {"a/b/c/deep.txt": b"deep", "zz.txt": b"after"}
        assert stream.skipped == ["a/z.txt"]


def test_folders_below_the_depth_limit_are_left_out(tmp_path, monkeypatch):
    monkeypatch.setattr(zip_walk, "MAX_DEPTH", 3)
    branching_chain(tmp_path, 6)
    names = [item.arcname for item in items_of(tmp_path)]
    assert names == ["a.txt", "d/a.txt", "d/d/a.txt", "d/d/d/a.txt", "d/d/d/z.txt",
                     "d/d/e/", "d/d/z.txt", "d/e/", "d/z.txt", "e/", "z.txt"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(ZipStream(items_of(tmp_path)))))
    assert archive.testzip() is None and archive.namelist() == names


def test_names_too_long_for_a_zip_are_left_out(tmp_path, monkeypatch):
    monkeypatch.setattr(zip_walk, "MAX_NAME", len("long-name/x.txt"))
    (tmp_path / "long-name").mkdir()
    (tmp_path / "long-name" / "x.txt").write_bytes(b"fits")
    (tmp_path / "long-name" / "xy.txt").write_bytes(b"too long")
    (tmp_path / "long-name-folder").mkdir()
    (tmp_path / "long-name-folder" / "x").write_bytes(b"below a name too long")
    assert [item.arcname for item in items_of(tmp_path)] == ["long-name/x.txt"]


@pytest.mark.skipif(os.name != "posix", reason="names as bytes")
def test_undecodable_names_are_left_out_and_the_zip_stays_valid(tmp_path):
    try:
        os.mkdir(os.path.join(os.fsencode(tmp_path), b"bad\xff"))
        with open(os.path.join(os.fsencode(tmp_path), b"bad\xff.txt"), "wb") as f:
            f.write(b"x")
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    (tmp_path / "good.txt").write_bytes(b"good")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(ZipStream(items_of(tmp_path)))))
    assert archive.namelist() == ["good.txt"]
