"""Hostile use of a big folder's listing, the one sent while it is rendered (server/
listing_stream.py, past routes_folders.STREAMED_OVER entries): hidden names, Pier's own files
inside the share, links out of the share and another account's folder never appear in it,
as HTML or JSON, first asked or served again from the cache; a folder-limited account is
never answered from a listing made for someone who sees more."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.http11 import HttpError
from server.portable import features
from server.routes_folders import STREAMED_OVER
from server.users import UserStore
from tests.conftest import RunningServer
from tests.server.conftest import call_for, config_of

PASSWORD = "correct horse battery"
MANY = STREAMED_OVER + 100
NEVER_LISTED = (".hidden-secret", "users.toml", "outside-link", "desktop.ini")


def basic(name: str) -> dict[str, str]:
    token = base64.b64encode(f"{name}:{PASSWORD}".encode()).decode()
    return {"Authorization": "Basic " + token}


@pytest.fixture
def accounts(private_config_dir: Path) -> UserStore:
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    store.add("ana", PASSWORD)
    store.add("lim", PASSWORD, folders=("/big/open",))
    return store


@pytest.fixture
def guarded(server_factory, share: Path, tmp_path: Path, accounts: UserStore) -> RunningServer:
    """/big holds MANY files, a hidden one, Pier's config folder with its users.toml (both
    protected), a link out of the share, a desktop.ini and a folder only ana may see."""
    big = share / "big"
    big.mkdir()
    for n in range(MANY):
        (big / f"plain {n:05d}.txt").touch()
    (big / ".hidden-secret").write_text("no\n", encoding="utf-8")
    (big / "desktop.ini").write_text("no\n", encoding="utf-8")
    (big / "users.toml").write_text("secret\n", encoding="utf-8")
    (big / "bob-only").mkdir()
    (big / "open").mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, big / "outside-link")
    return server_factory(share, auth=Authenticator(accounts, "Pier - share"),
                          protected_paths=(big / "users.toml",))


def listed(running: RunningServer, target: str, who: str) -> bytes:
    response, body = running.get(target, headers=basic(who))
    assert response.status == 200, body[:200]
    return body


@pytest.mark.parametrize("target", ["/big/", "/big/?format=json", "/big/?sort=size&order=desc"])
def test_hidden_own_and_outside_names_never_appear_in_a_streamed_listing(guarded, target):
    for _ in range(2):  # made while sent, then served from the cache
        body = listed(guarded, target, "ana")
        assert body.count(b"plain 0") == MANY and b"bob-only" in body
        for name in NEVER_LISTED:
            assert name.encode() not in body, name


def test_a_folder_limited_account_sees_only_its_way_in(guarded):
    listed(guarded, "/big/", "ana")  # a full listing made (and kept) for ana first
    listed(guarded, "/big/?format=json", "ana")
    for target in ("/big/", "/big/?format=json"):
        body = listed(guarded, target, "lim")
        assert b"plain 0" not in body and b"bob-only" not in body
    names = [e["name"] for e in json.loads(listed(guarded, "/big/?format=json", "lim"))[
        "entries"]]
    assert names == ["open"]
    response, _ = guarded.get("/big/")
    assert response.status == 401


def test_what_changes_between_the_read_and_the_rows_is_judged_when_reached(share, tmp_path):
    """A big folder's entries by name are planned from the folder's own list and stat-ed as
    their rows are made: a file swapped for a link out of the share, a file swapped for a
    folder, a removed file and a hard link to Pier's protected file made in that gap are all
    left out; a link inside the share is followed as list_folder follows it."""
    folder = share / "gap"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt"):
        (folder / name).write_text(name, encoding="utf-8")
    (share / "users.toml").write_text("secret\n", encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text("outside\n", encoding="utf-8")
    config = config_of(share, protected_paths=(share / "users.toml",))
    access = call_for(config, "GET", "/gap/").files
    found = access.target("/gap/")
    planned, ordered = access.list_folder_by_name(found)
    assert [e.name for e in planned] == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]
    (folder / "a.txt").unlink()
    os.symlink(outside, folder / "a.txt")  # now leads out of the share
    (folder / "b.txt").unlink()
    (folder / "b.txt").mkdir()  # another kind than planned
    (folder / "c.txt").unlink()
    (folder / "d.txt").unlink()
    os.link(share / "users.toml", folder / "d.txt")  # a second name of Pier's own file
    shown = [e.name for e in ordered]
    assert shown == ["e.txt"]
    assert sorted(e.name for e in access.list_folder(found)) == ["b.txt", "e.txt"]  # read whole


def test_a_folder_replaced_while_its_rows_are_made_never_lends_them(share, tmp_path):
    """The rows come from the folder that was read: with a descriptor (dir_fd) the moved
    folder's own, to the end; without one (--portable, Windows) its path names another folder
    now, and the listing stops with a 503 (after the head: a body cut short) instead of
    leaving out, as if removed, every row the other folder lacks."""
    folder = share / "swap"
    folder.mkdir()
    names = [f"file {n:04d}.txt" for n in range(600)]  # more than the first batch of stats
    for name in names:
        (folder / name).touch()
    access = call_for(config_of(share), "GET", "/swap/").files
    _, ordered = access.list_folder_by_name(access.target("/swap/"))
    first = next(ordered)
    folder.rename(tmp_path / "moved away")
    folder.mkdir()
    (folder / names[-1]).touch()  # the other folder holds one of the names
    try:
        rest = [entry.name for entry in ordered]
    except HttpError as err:
        assert not features.dir_fd and err.status == 503
    else:
        assert features.dir_fd and [first.name, *rest] == names


def test_links_are_judged_before_the_plan(share, tmp_path):
    folder = share / "links"
    folder.mkdir()
    (share / "inside.txt").write_text("in\n", encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text("out\n", encoding="utf-8")
    os.symlink(share / "inside.txt", folder / "to inside.txt")
    os.symlink(outside, folder / "to outside.txt")
    os.symlink(folder / "nowhere", folder / "broken")
    access = call_for(config_of(share), "GET", "/links/").files
    found = access.target("/links/")
    planned, ordered = access.list_folder_by_name(found)
    assert [e.name for e in planned] == ["to inside.txt"]
    assert list(ordered) == access.list_folder(found)
