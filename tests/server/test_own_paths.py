"""server/own_paths.py: Pier's own files recognised by identity (device + inode), by a reserved
name while they do not exist yet, and with their log rotations; refreshed on a clock the test
moves. Real files under tmp_path; the policy on top of it: tests/security/test_access_policy.py."""

from __future__ import annotations

import os
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


def test_a_replaced_own_file_is_found_again_after_the_refresh_interval(share, tmp_path, clock):
    key = tmp_path / "key.pem"
    key.write_text("old key")
    os.link(key, share / "old-alias")
    own = OwnPaths([key], share=share, clock=clock.monotonic)
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
    own = OwnPaths([users], share=share, clock=clock.monotonic)
    users.write_text("[users]")
    os.link(users, share / "alias")
    assert not held(own, share / "alias")  # its identity is not known yet
    clock.advance(REFRESH_S + 0.01)
    assert held(own, share / "alias")
