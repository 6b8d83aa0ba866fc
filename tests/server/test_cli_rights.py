"""`pier serve`'s change switches (issue 17): --modify, --overwrite, --permanent-deletes,
--anonymous none|read|upload|modify and --read-only over all of them, as the config and the
policy the share would run with (no server started: tests/server/test_cli.py runs the process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.access import Action, policy_for
from server.cli import _config_from, build_parser
from server.config import ConfigError, ServerConfig
from server.paths import PierPaths
from server.users import HashParams, PasswordHasher, User, UserStore

FAST = HashParams(argon2_memory_kib=64, argon2_iterations=1, scrypt_log2_n=10)


@pytest.fixture
def paths(tmp_path: Path) -> PierPaths:
    paths = PierPaths.under(tmp_path / "pier")
    store = UserStore(paths.users_file, hasher=PasswordHasher(FAST))
    store.load()
    store.add("ann", "meadow-kettle-orbit")
    return paths


def config(share: Path, paths: PierPaths, *flags: str) -> ServerConfig:
    args = build_parser().parse_args(["serve", str(share), *flags])
    return _config_from(args, paths).validated()


def test_modify_and_permanent_deletes_reach_the_config(share, paths):
    plain = config(share, paths)
    assert not (plain.modify or plain.overwrite or plain.permanent_deletes)
    on = config(share, paths, "--modify", "--permanent-deletes", "--overwrite")
    assert on.modify and on.permanent_deletes and on.overwrite


def test_read_only_wins_over_every_change(share, paths):
    locked = config(share, paths, "--upload", "--modify", "--overwrite", "--auth",
                    "--anonymous", "modify", "--read-only")
    assert not (locked.upload or locked.modify or locked.overwrite)
    assert not (locked.anonymous_upload or locked.anonymous_modify)
    files = policy_for(locked).bind(None)
    for action in (Action.CREATE, Action.REPLACE, Action.MODIFY):
        assert not files.may(action, "/hello.txt"), action


@pytest.mark.parametrize(("level", "reads", "creates", "modifies"), [
    ("none", False, False, False), ("read", True, False, False),
    ("upload", True, True, False), ("modify", True, True, True)])
def test_anonymous_levels(share, paths, level, reads, creates, modifies):
    made = config(share, paths, "--auth", "--upload", "--modify", "--anonymous", level)
    assert made.auth is not None and made.auth.anonymous_read is reads
    visitor = policy_for(made).bind(None)
    assert visitor.may(Action.CREATE, "/new.txt") is creates
    assert visitor.may(Action.MODIFY, "/hello.txt") is modifies
    account = policy_for(made).bind(User("ann"))  # an account without rights gets none
    assert not account.may(Action.CREATE, "/new.txt")
    assert not account.may(Action.MODIFY, "/hello.txt")


def test_anonymous_changes_need_the_shares_switches(share, paths):
    made = config(share, paths, "--auth", "--anonymous", "modify")
    visitor = policy_for(made).bind(None)
    assert not visitor.may(Action.CREATE, "/new.txt")
    assert not visitor.may(Action.MODIFY, "/hello.txt")


def test_anonymous_level_without_a_login_changes_nothing(share, paths):
    made = config(share, paths, "--anonymous", "modify")
    assert made.auth is None and not (made.anonymous_upload or made.anonymous_modify)


def test_visitors_may_not_change_what_they_may_not_read(share, paths):
    store = UserStore(paths.users_file)
    store.load()
    from server.sharing import authenticator_for

    with pytest.raises(ConfigError):
        ServerConfig(root=share, modify=True, anonymous_modify=True,
                     auth=authenticator_for(share, store, anonymous_read=False)).validated()


def test_unknown_anonymous_level_is_a_usage_error(share, paths, capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve", str(share), "--anonymous", "delete"])
    assert "invalid choice" in capsys.readouterr().err


def test_the_users_trash_reaches_the_config(share, paths, monkeypatch, tmp_path):
    """server/ reads no environment: `pier serve` finds the home trash and passes it on."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert config(share, paths).trash_folders == (tmp_path / "data" / "Trash",)


def test_serve_serves_the_share_links_of_the_config_folder(share, paths):
    assert config(share, paths).links_file == paths.links_file
