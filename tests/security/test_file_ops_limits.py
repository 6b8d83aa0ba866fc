"""Issue 17, hostile: a folder-limited account, Pier's own paths and the trash folders a disk
keeps, against delete, move and copy (FileAccess, real folders, no sockets)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.access_rules import Action
from tests.server.file_ops_helpers import (
    access_for,
    account,
    login,
    status_of,
    temporary_trash,
    trashed,
)

REFUSED = (403, 404)


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    for folder in ("alice/sub", "alice2", "bob", "public"):
        (root / folder).mkdir(parents=True)
    (root / "alice" / "mine.txt").write_bytes(b"alice's")
    (root / "bob" / "theirs.txt").write_bytes(b"bob's")
    (root / "top.txt").write_bytes(b"top")
    return root


def alice_in(tree: Path):
    return access_for(tree, account("alice", folders=("/alice",)), upload=True, modify=True,
                      auth=login(tree.parent))


# -- a folder-limited account ------------------------------------------------------------------


def test_a_limited_account_changes_only_inside_its_folders(tree, trash):
    alice = alice_in(tree)
    assert alice.move("/alice/mine.txt", "/alice/sub", "moved.txt") == "/alice/sub/moved.txt"
    assert alice.copy("/alice/sub/moved.txt", "/alice", "copy.txt") == "/alice/copy.txt"
    alice.delete("/alice/copy.txt")
    assert trashed(trash) == ["copy.txt"]


def test_a_limited_account_cannot_move_out_of_its_folders(tree):
    alice = alice_in(tree)
    for folder in ("/", "/bob", "/public", "/alice2"):  # /alice2 shares /alice's prefix
        assert status_of(alice.move, "/alice/mine.txt", folder, "out.txt") in REFUSED, folder
        assert status_of(alice.copy, "/alice/mine.txt", folder, "out.txt") in REFUSED, folder
    assert (tree / "alice" / "mine.txt").exists()
    assert sorted(os.listdir(tree / "bob")) == ["theirs.txt"] and os.listdir(tree / "alice2") == []


def test_a_limited_account_cannot_take_others_files_in(tree):
    alice = alice_in(tree)
    assert status_of(alice.move, "/bob/theirs.txt", "/alice", "taken.txt") in REFUSED
    assert status_of(alice.copy, "/bob/theirs.txt", "/alice", "taken.txt") in REFUSED
    assert status_of(alice.move, "/top.txt", "/alice", "top.txt") in REFUSED
    assert (tree / "bob" / "theirs.txt").exists() and (tree / "top.txt").exists()
    assert not (tree / "alice" / "taken.txt").exists()


def test_a_limited_account_cannot_delete_outside_nor_its_folder_itself(tree, trash):
    alice = alice_in(tree)
    for path in ("/bob/theirs.txt", "/bob", "/top.txt", "/alice", "/alice/", "/alice2"):
        assert status_of(alice.delete, path) in REFUSED, path
    assert status_of(alice.move, "/alice", "/", "renamed") in REFUSED
    assert trashed(trash) == [] and (tree / "alice" / "mine.txt").exists()


def test_a_limited_account_copying_a_shared_parent_gets_only_its_own(tree):
    """Copying "/" would gather everyone's files: the copy keeps what the account may see, and
    it may not create at the top anyway."""
    alice = alice_in(tree)
    assert status_of(alice.copy, "/alice", "/", "alice-copy") in REFUSED
    assert not (tree / "alice-copy").exists()


# -- Pier's own paths --------------------------------------------------------------------------


@pytest.fixture
def with_config(tree: Path) -> Path:
    """Pier's config folder inside the share, with an account file."""
    config = tree / "public" / "pier-config"
    config.mkdir()
    (config / "users.toml").write_text("secret")
    return config


def test_own_paths_are_never_a_source(tree, with_config, trash):
    files = access_for(tree, protected=[with_config], upload=True, modify=True)
    sources = ("/public/pier-config", "/public/pier-config/users.toml",
               "/public/PIER-CONFIG/users.toml", "/public/pier-config/%75sers.toml")
    for source in sources:
        assert status_of(files.delete, source) in REFUSED, source
        assert status_of(files.move, source, "/", "got") in REFUSED, source
        assert status_of(files.copy, source, "/", "got") in REFUSED, source
    assert (with_config / "users.toml").read_text() == "secret"
    assert trashed(trash) == [] and not (tree / "got").exists()


def test_a_folder_holding_own_paths_is_not_moved_or_deleted(tree, with_config, trash):
    files = access_for(tree, protected=[with_config], upload=True, modify=True)
    assert status_of(files.delete, "/public") == 403
    assert status_of(files.move, "/public", "/bob", "public") == 403
    assert (with_config / "users.toml").exists() and trashed(trash) == []
    files.copy("/public", "/bob", "public")  # the copy leaves Pier's files out
    assert os.listdir(tree / "bob" / "public") == []


def test_own_paths_are_never_a_destination(tree, with_config):
    logs = tree / "Logs"  # protected, not made yet: its name is reserved, in any case
    files = access_for(tree, protected=[with_config, logs], upload=True, modify=True)
    assert status_of(files.move, "/top.txt", "/public/pier-config", "x.txt") in REFUSED
    assert status_of(files.copy, "/top.txt", "/public/pier-config/", "users.toml",
                     overwrite=True) in REFUSED
    assert status_of(files.move, "/top.txt", "/public", "pier-config", overwrite=True) \
        in REFUSED
    for name in ("Logs", "logs", "LOGS"):
        assert status_of(files.move, "/top.txt", "/", name) == 403, name
        assert status_of(files.copy, "/top.txt", "/", name) == 403, name
    assert (with_config / "users.toml").read_text() == "secret"
    assert sorted(os.listdir(with_config)) == ["users.toml"] and not logs.exists()


def test_the_share_inside_an_own_folder_changes_nothing(tree):
    files = access_for(tree / "public", protected=[tree], upload=True, modify=True)
    (tree / "public" / "f.txt").write_bytes(b"f")
    assert not files.may(Action.MODIFY, "/f.txt")
    assert status_of(files.delete, "/f.txt") in REFUSED


# -- trash folders inside the share ------------------------------------------------------------


@pytest.mark.parametrize("name", [".Trash-1000", ".Trash", ".Trashes", "$RECYCLE.BIN",
                                  "$Recycle.Bin"])
def test_trash_folders_are_invisible_and_untouchable(tree, trash, name):
    bin_folder = tree / name
    (bin_folder / "files").mkdir(parents=True)
    (bin_folder / "files" / "old.txt").write_bytes(b"deleted once")
    files = access_for(tree, upload=True, modify=True, show_hidden=True)
    quoted = name.replace("$", "%24")
    assert status_of(files.delete, f"/{quoted}") == 404
    assert status_of(files.move, f"/{quoted}/files/old.txt", "/", "back.txt") == 404
    assert status_of(files.copy, f"/{quoted}/files/old.txt", "/", "back.txt") == 404
    assert status_of(files.move, "/top.txt", f"/{quoted}/files", "top.txt") == 404
    assert status_of(files.move, "/top.txt", "/", name) == 403
    assert name not in [entry.name for entry in files.list_folder(files.target("/"))]
    assert status_of(files.target, f"/{quoted}/files/old.txt") == 404
    assert trashed(trash) == [] and (bin_folder / "files" / "old.txt").exists()


def test_the_users_home_trash_in_the_share_is_pier_s_own(tree, trash):
    """Sharing the home folder: the trash the entry points found ($XDG_DATA_HOME/Trash) is
    treated like a disk's .Trash-UID, before it exists and once it holds deleted files."""
    home_trash = tree / "data" / "Trash"
    (tree / "data").mkdir()
    files = access_for(tree, upload=True, modify=True, show_hidden=True,
                       trash_folders=(home_trash,))
    assert status_of(files.move, "/top.txt", "/data", "Trash") == 403  # not made by a visitor
    (home_trash / "files").mkdir(parents=True)
    (home_trash / "files" / "old.txt").write_bytes(b"deleted once")
    assert status_of(files.target, "/data/Trash/files/old.txt") == 404
    assert status_of(files.move, "/data/Trash/files/old.txt", "/", "back.txt") == 404
    assert status_of(files.copy, "/data/Trash/files/old.txt", "/", "back.txt") == 404
    assert status_of(files.move, "/top.txt", "/data/Trash/files", "top.txt") == 404
    assert status_of(files.delete, "/data/Trash") == 404
    assert status_of(files.delete, "/data") == 403  # it holds the trash
    assert "Trash" not in [entry.name for entry in files.list_folder(files.target("/data/"))]
    assert trashed(trash) == [] and (home_trash / "files" / "old.txt").exists()
