"""server/own_paths.py: Pier's own files recognised by identity (device + inode), by a reserved
name while they do not exist yet, and with their log rotations; refreshed on a clock the test
moves. Real files under tmp_path; the policy on top of it: tests/security/test_access_policy.py."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from server.clock import ManualClock
from server.own_paths import REFRESH_S, OwnPaths

TEMP = ".pier-upload-0123456789abcdef.part"


@pytest.fixture
def share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    return root


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def held(own: OwnPaths, path: Path) -> bool:
    """Whether ``path`` (existing or not) is one of Pier's own, asked as the policy asks."""
    try:
        st: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        st = None
    return own.holds(os.stat(path.parent), path.name, st)


def test_an_own_folder_and_everything_below_it_are_held(share):
    config = share / "config"
    (config / "tls").mkdir(parents=True)
    (share / "photos").mkdir()
    own = OwnPaths([config], share=share)
    assert held(own, config)
    names, steps = ("config", "tls"), (os.lstat(config), os.lstat(config / "tls"))
    assert own.holds_chain(os.stat(share), names, steps)
    assert own.holds_steps(os.stat(share), names, steps)
    assert not held(own, share / "photos")
    assert not own.holds_steps(os.stat(share), ("photos",), (os.lstat(share / "photos"),))


def test_a_second_name_of_an_own_file_is_the_same_file(share, tmp_path):
    key = tmp_path / "key.pem"
    key.write_text("secret")
    os.link(key, share / "innocent.txt")
    own = OwnPaths([key], share=share)
    assert held(own, share / "innocent.txt")


def test_a_missing_own_path_reserves_its_name_in_any_case(share):
    own = OwnPaths([share / "Pier Config" / "users.toml"], share=share)
    assert held(own, share / "Pier Config")
    assert held(own, share / "pier config") and held(own, share / "PIER CONFIG")
    assert not held(own, share / "Pier Configs")


def test_an_access_log_is_held_with_its_rotations(share):
    log = share / "access.log"
    log.write_text("")
    own = OwnPaths([], [log], share=share)
    for name in ("access.log", "access.log.1", "ACCESS.LOG.3"):
        assert held(own, share / name), name
    for name in ("access.log.bak", "access.log.1234", "other.log"):
        assert not held(own, share / name), name


def test_upload_temp_files_are_always_held(share, tmp_path):
    elsewhere = OwnPaths([tmp_path / "config"], share=share)
    assert not elsewhere.in_share
    assert held(elsewhere, share / TEMP)
    assert not held(elsewhere, share / ".pier-upload-notes.txt")
    (share / TEMP).write_text("")
    assert elsewhere.holds_steps(os.stat(share), (TEMP,), (os.lstat(share / TEMP),))


def test_the_share_inside_an_own_folder_is_recognised(tmp_path):
    config = tmp_path / "config"
    (config / "inner").mkdir(parents=True)
    own = OwnPaths([config])
    assert own.contains_root(str(config / "inner"))
    assert own.contains_root(str(config))
    assert not own.contains_root(str(tmp_path))


def links_look_old() -> int:
    """A wall clock far ahead of the files' ctimes: every link looks made long before the last
    look at Pier's files, so only the refresh interval makes OwnPaths look again."""
    return time.time_ns() + 3600 * 10**9


def test_a_replaced_own_file_is_found_again_after_the_refresh_interval(share, tmp_path, clock):
    key = tmp_path / "key.pem"
    key.write_text("old key")
    os.link(key, share / "old-alias")
    own = OwnPaths([key], share=share, clock=clock.monotonic, wall_ns=links_look_old)
    renewed = tmp_path / "key.pem.new"
    renewed.write_text("new key")
    os.replace(renewed, key)  # a renewed key is written atomically: a new inode
    os.link(key, share / "new-alias")
    assert held(own, share / "old-alias") and not held(own, share / "new-alias")  # not yet
    clock.advance(REFRESH_S + 0.01)
    assert held(own, share / "new-alias")
    assert not held(own, share / "old-alias")  # only a stale copy of the old key now


def test_an_own_file_made_later_is_known_by_identity_after_a_refresh(share, tmp_path, clock):
    users = tmp_path / "users.toml"
    own = OwnPaths([users], share=share, clock=clock.monotonic, wall_ns=links_look_old)
    users.write_text("[users]")
    os.link(users, share / "alias")
    assert not held(own, share / "alias")  # its identity is not known yet
    clock.advance(REFRESH_S + 0.01)
    assert held(own, share / "alias")


# -- second names (hard links) of files inside Pier's folders ----------------------------------


def config_with_files(folder: Path) -> Path:
    (folder / "tls").mkdir(parents=True)
    (folder / "users.toml").write_text("[users]")
    (folder / "tls" / "key.pem").write_text("key")
    return folder


@pytest.mark.parametrize("inside", [True, False])
def test_a_hard_link_of_a_file_in_an_own_folder_is_held(share, tmp_path, inside: bool):
    config = config_with_files(share / "config" if inside else tmp_path / "config")
    own = OwnPaths([config], share=share)
    assert own.in_share is inside
    for number, original in enumerate((config / "users.toml", config / "tls" / "key.pem")):
        alias = share / f"alias{number}.md"
        os.link(original, alias)
        assert held(own, alias)
        assert own.second_name(os.lstat(alias))
        assert own.holds_steps(os.stat(share), (alias.name,), (os.lstat(alias),))
    (share / "mine.txt").write_text("mine")
    os.link(share / "mine.txt", share / "mine-too.txt")  # two names, neither of them Pier's
    assert not held(own, share / "mine-too.txt")
    assert not own.second_name(os.lstat(config / "tls"))  # a folder has nlink > 1 too


def test_a_file_replaced_since_the_last_look_is_known_at_once(share, tmp_path, clock):
    """users.toml is rewritten atomically (a new inode) on every change; a link made to the new
    one right away has a ctime after the last look, which makes OwnPaths look again."""
    config = config_with_files(tmp_path / "config")
    own = OwnPaths([config], share=share, clock=clock.monotonic)
    fresh = config / "users.toml.tmp"
    fresh.write_text("[users] new")
    os.replace(fresh, config / "users.toml")
    os.link(config / "users.toml", share / "alias")
    assert held(own, share / "alias")  # the clock did not move


def test_old_hard_links_in_the_share_cost_no_look_within_the_interval(share, tmp_path, clock):
    config = config_with_files(tmp_path / "config")
    (share / "a.txt").write_text("a")
    os.link(share / "a.txt", share / "b.txt")
    looked: list[str] = []

    def lstat(path: str) -> os.stat_result:
        looked.append(path)
        return os.lstat(path)

    own = OwnPaths([config], share=share, lstat=lstat, clock=clock.monotonic,
                   wall_ns=links_look_old)
    looked.clear()
    st = os.lstat(share / "b.txt")
    assert not own.second_name(st) and not own.second_name(st)
    assert looked == []
    clock.advance(REFRESH_S + 0.01)
    assert not own.second_name(st)
    assert str(config / "users.toml") in looked


def test_the_thumbnail_cache_is_not_looked_into(share, tmp_path):
    """Thousands of files, none of them secret: left out (docs/SECURITY.md)."""
    config = config_with_files(tmp_path / "config")
    thumbs = config / "cache" / "thumbs"
    thumbs.mkdir(parents=True)
    (thumbs / "ab.thumb").write_bytes(b"jpeg")
    looked: list[str] = []

    def lstat(path: str) -> os.stat_result:
        looked.append(path)
        return os.lstat(path)

    own = OwnPaths([config, thumbs], share=share, unwalked=[thumbs], lstat=lstat)
    os.link(thumbs / "ab.thumb", share / "picture.jpg")
    assert not held(own, share / "picture.jpg")
    assert str(thumbs / "ab.thumb") not in looked
    os.link(config / "users.toml", share / "users.txt")
    assert held(own, share / "users.txt")


def test_rotations_of_an_access_log_kept_elsewhere_are_known(share, tmp_path):
    logs = tmp_path / "var"
    logs.mkdir()
    (logs / "access.log").write_text("now")
    (logs / "access.log.3").write_text("before")
    (logs / "other.txt").write_text("not Pier's")
    own = OwnPaths([], [logs / "access.log"], share=share)
    os.link(logs / "access.log.3", share / "old.txt")
    os.link(logs / "other.txt", share / "other.txt")
    assert held(own, share / "old.txt")
    assert not held(own, share / "other.txt")
