"""Delete (to the trash), move, rename and copy through the policy-bound FileAccess (issue 17),
against real folders, for every kind of principal; hostile cases are in
tests/security/test_file_ops_*.py."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import send2trash

from server.access_rules import Action
from tests.server.file_ops_helpers import (
    access_for,
    account,
    login,
    status_of,
    temporary_trash,
    trashed,
)


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "docs" / "deep").mkdir(parents=True)
    (root / "photos").mkdir()
    (root / "a.txt").write_bytes(b"alpha")
    (root / "docs" / "b.txt").write_bytes(b"bravo")
    (root / "docs" / "deep" / "c.txt").write_bytes(b"charlie")
    (root / "docs" / ".hidden").write_bytes(b"dot")
    return root


# -- delete ------------------------------------------------------------------------------------


def test_delete_puts_a_file_in_the_trash(tree, trash):
    access_for(tree, modify=True).delete("/a.txt")
    assert not (tree / "a.txt").exists()
    assert trashed(trash) == ["a.txt"]
    assert (trash / "a.txt").read_bytes() == b"alpha"
    info = (trash.parent / "info" / "a.txt.trashinfo").read_text()
    assert f"Path={tree / 'a.txt'}" in info  # the desktop can put it back


def test_delete_puts_a_folder_in_the_trash_with_everything_in_it(tree, trash):
    access_for(tree, modify=True).delete("/docs")
    assert not (tree / "docs").exists()
    assert (trash / "docs" / "deep" / "c.txt").read_bytes() == b"charlie"
    assert (trash / "docs" / ".hidden").exists()


def test_delete_of_an_encoded_name(tree, trash):
    (tree / "été 2024.txt").write_bytes(b"summer")
    access_for(tree, modify=True).delete("/%C3%A9t%C3%A9%202024.txt")
    assert trashed(trash) == ["été 2024.txt"]


def test_nothing_is_deleted_without_the_share_switch(tree, trash):
    assert status_of(access_for(tree, upload=True).delete, "/a.txt") == 403
    assert (tree / "a.txt").exists() and trashed(trash) == []


def test_a_missing_item_or_the_share_itself_is_refused(tree, trash):
    files = access_for(tree, modify=True)
    assert status_of(files.delete, "/nothing.txt") == 404
    assert status_of(files.delete, "/") == 403
    assert status_of(files.delete, "docs") == 400


def test_no_trash_refuses_unless_permanent_deletes_are_allowed(tree, trash, monkeypatch):
    """Stated exception to "no mocks": a disk without a usable trash is simulated by making
    send2trash raise what it raises there (TrashPermissionError)."""
    def no_trash(path: str) -> None:
        raise send2trash.TrashPermissionError(path)

    monkeypatch.setattr(send2trash, "send2trash", no_trash)
    assert status_of(access_for(tree, modify=True).delete, "/a.txt") == 409
    assert status_of(access_for(tree, modify=True).delete, "/docs") == 409
    assert (tree / "a.txt").exists() and (tree / "docs" / "deep" / "c.txt").exists()
    access_for(tree, modify=True, permanent_deletes=True).delete("/a.txt")
    access_for(tree, modify=True, permanent_deletes=True).delete("/docs")
    assert not (tree / "a.txt").exists() and not (tree / "docs").exists()


def test_an_item_swapped_since_it_was_looked_at_is_not_deleted(tree, trash):
    st = os.lstat(tree / "a.txt")
    os.replace(tree / "docs" / "b.txt", tree / "a.txt")  # another file under the same name
    files = access_for(tree, modify=True)
    assert status_of(files.delete, "/a.txt", expected=st) == 412
    assert (tree / "a.txt").read_bytes() == b"bravo" and trashed(trash) == []
    now = os.lstat(tree / "a.txt")
    files.delete("/a.txt", expected=now)
    assert trashed(trash) == ["a.txt"]


# -- move and rename ---------------------------------------------------------------------------


def test_rename_within_a_folder(tree):
    inode = os.lstat(tree / "a.txt").st_ino
    assert access_for(tree, modify=True).move("/a.txt", "/", "renamed.txt") == "/renamed.txt"
    assert not (tree / "a.txt").exists()
    assert os.lstat(tree / "renamed.txt").st_ino == inode  # renamed, not copied


def test_move_a_file_and_a_folder_to_another_folder(tree):
    files = access_for(tree, modify=True)
    assert files.move("/a.txt", "/photos/", "a.txt") == "/photos/a.txt"
    assert files.move("/docs/deep", "/photos", "deeper") == "/photos/deeper/"
    assert (tree / "photos" / "a.txt").read_bytes() == b"alpha"
    assert (tree / "photos" / "deeper" / "c.txt").read_bytes() == b"charlie"
    assert not (tree / "docs" / "deep").exists()


def test_move_onto_an_existing_name_needs_overwrite_and_trashes_the_old_one(tree, trash):
    files = access_for(tree, modify=True)
    assert status_of(files.move, "/a.txt", "/docs/", "b.txt") == 412
    assert (tree / "docs" / "b.txt").read_bytes() == b"bravo"
    files.move("/a.txt", "/docs/", "b.txt", overwrite=True)
    assert (tree / "docs" / "b.txt").read_bytes() == b"alpha"
    assert (trash / "b.txt").read_bytes() == b"bravo"  # the replaced file can come back


def test_a_folder_cannot_go_inside_itself(tree):
    files = access_for(tree, modify=True)
    assert status_of(files.move, "/docs", "/docs/deep/", "docs") == 409
    assert (tree / "docs" / "deep" / "c.txt").exists()


def test_moving_onto_itself_changes_nothing(tree):
    assert access_for(tree, modify=True).move("/a.txt", "/", "a.txt") == "/a.txt"
    assert (tree / "a.txt").read_bytes() == b"alpha"


def test_bad_new_names_are_refused(tree):
    files = access_for(tree, modify=True)
    for name in ("x/y.txt", "..", "a\\b", "", "CON.txt", "x\x00y", ".hidden"):
        assert status_of(files.move, "/a.txt", "/", name) == 400, name
    assert (tree / "a.txt").exists()


# -- copy --------------------------------------------------------------------------------------


def test_copy_a_file(tree):
    files = access_for(tree, upload=True)  # copying creates: the upload right
    assert files.copy("/a.txt", "/photos/", "copy.txt") == "/photos/copy.txt"
    assert (tree / "photos" / "copy.txt").read_bytes() == b"alpha"
    assert (tree / "a.txt").read_bytes() == b"alpha"
    assert os.stat(tree / "photos" / "copy.txt").st_mtime == os.stat(tree / "a.txt").st_mtime


def test_copy_a_folder_leaves_hidden_names_and_no_temp_files(tree):
    access_for(tree, upload=True).copy("/docs", "/photos", "docs2")
    copied = tree / "photos" / "docs2"
    assert sorted(p.relative_to(copied).as_posix() for p in copied.rglob("*")) == \
        ["b.txt", "deep", "deep/c.txt"]
    assert sorted(os.listdir(tree / "photos")) == ["docs2"]


def test_copy_needs_the_upload_right_and_overwrite_for_a_taken_name(tree, trash):
    assert status_of(access_for(tree, modify=True).copy, "/a.txt", "/docs", "x.txt") == 403
    files = access_for(tree, upload=True, modify=True)
    assert status_of(files.copy, "/a.txt", "/docs", "b.txt") == 412
    files.copy("/a.txt", "/docs", "b.txt", overwrite=True)
    assert (tree / "docs" / "b.txt").read_bytes() == b"alpha"
    assert status_of(files.copy, "/a.txt", "/", "a.txt", overwrite=True) == 409


def test_copy_budget_bounds_a_big_tree(tree, monkeypatch):
    import server.file_ops

    monkeypatch.setattr(server.file_ops, "MAX_COPY_ITEMS", 2)
    assert status_of(access_for(tree, upload=True).copy, "/docs", "/photos", "d") == 413
    assert os.listdir(tree / "photos") == []  # nothing half-made is left


def test_copy_is_held_to_the_upload_cap(tree):
    """docs holds b.txt (5 bytes) and deep/c.txt (7); .hidden is left out: 12 copied."""
    capped = access_for(tree, upload=True, max_upload_bytes=11)
    assert status_of(capped.copy, "/docs", "/photos", "d") == 413  # the whole copy
    assert status_of(capped.copy, "/a.txt", "/photos", "a.txt") == 0  # a file of 5 bytes
    assert status_of(access_for(tree, upload=True, max_upload_bytes=4).copy, "/a.txt",
                     "/photos", "b.txt") == 413  # one file over it
    assert access_for(tree, upload=True, max_upload_bytes=12).copy("/docs", "/photos", "d")
    assert sorted(os.listdir(tree / "photos")) == ["a.txt", "d"]  # nothing half-made is left

# -- who may: accounts, visitors, the share's switches -----------------------------------------


def test_an_account_needs_the_modify_right(tree, trash):
    auth = login(tree.parent)
    without = access_for(tree, account(can_modify=False), modify=True, upload=True, auth=auth)
    assert status_of(without.delete, "/a.txt") == 403
    assert status_of(without.move, "/a.txt", "/", "b.txt") == 403
    assert without.copy("/a.txt", "/", "b.txt") == "/b.txt"  # creating is the upload right
    with_modify = access_for(tree, account(), modify=True, upload=True, auth=auth)
    with_modify.move("/a.txt", "/photos", "a.txt")
    with_modify.delete("/photos/a.txt")
    assert trashed(trash) == ["a.txt"]


def test_an_account_may_not_modify_where_the_share_does_not(tree):
    files = access_for(tree, account(), upload=True, auth=login(tree.parent))
    assert status_of(files.delete, "/a.txt") == 403
    assert status_of(files.move, "/a.txt", "/", "z.txt") == 403


@pytest.mark.parametrize(("level", "create", "modify"), [
    ("read", False, False), ("upload", True, False), ("modify", True, True)])
def test_visitors_without_an_account_get_what_anonymous_allows(tree, level, create, modify):
    files = access_for(tree, None, upload=True, modify=True,
                       auth=login(tree.parent, anonymous_read=True),
                       anonymous_upload=level in ("upload", "modify"),
                       anonymous_modify=level == "modify")
    assert files.may(Action.READ, "/a.txt")
    assert files.may(Action.CREATE, "/new.txt") is create
    assert files.may(Action.MODIFY, "/a.txt") is modify
    assert files.may(Action.REPLACE, "/a.txt") is modify
    assert (status_of(files.move, "/a.txt", "/", "b.txt") == 0) is modify


def test_without_a_login_everyone_has_the_shares_switches(tree):
    files = access_for(tree, None, modify=True)
    assert files.may(Action.MODIFY, "/a.txt") and not files.may(Action.CREATE, "/x")


def test_overwrite_is_replace_only_and_needs_the_modify_right(tree):
    """--overwrite keeps meaning "an upload over a name replaces it", and nothing more."""
    shared = access_for(tree, None, upload=True, overwrite=True)
    assert shared.may(Action.REPLACE, "/a.txt") and not shared.may(Action.MODIFY, "/a.txt")
    auth = login(tree.parent)
    kept = access_for(tree, account(can_modify=False), upload=True, overwrite=True, auth=auth)
    assert not kept.may(Action.REPLACE, "/a.txt")
    assert access_for(tree, account(), upload=True, overwrite=True, auth=auth) \
        .may(Action.REPLACE, "/a.txt")
