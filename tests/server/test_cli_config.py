"""`pier serve --config FILE.toml`, parsed in-process: every serve option can be set from the
file under its flag's name (found by walking the parser, so a new flag is covered the day it is
added), flags win, and a wrong key, type or value is a usage error naming it."""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from server import cli
from server.cli_config import (
    NOT_FROM_FILE,
    ConfigFileError,
    check_owner_only,
    option_keys,
    parse_with_config,
)

POSIX = pytest.mark.skipif(os.name != "posix", reason="file modes and owners of POSIX")

# The sample written to the file for each kind of option ``type``; a flag with a type not
# listed here fails test_every_serve_option_can_be_set_from_the_file until one is added.
SAMPLE_TEXT: dict[Any, tuple[str, Any]] = {
    None: ("sample-text", "sample-text"),
    Path: ("/srv/sample", Path("/srv/sample")),
    cli.parse_size: ("2G", 2 * 1024**3),
    cli._connection_cap: (4096, 4096),
}


def parse(argv: list[str]) -> argparse.Namespace:
    parser = cli.build_parser()
    return parse_with_config(parser, cli.subcommand(parser, "serve"), argv)


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "pier.toml"
    path.write_bytes(tomli_w.dumps(data).encode())
    path.chmod(0o644)  # whatever the umask: a group-writable file is refused
    return path


def sample(action: argparse.Action) -> tuple[Any, Any]:
    """(TOML value, the value parsing must store) for ``action``, never its default."""
    if isinstance(action, argparse._StoreConstAction):
        return True, action.const
    if action.choices is not None:
        choice = next(c for c in action.choices if c != action.default)
        return choice, choice
    if action.type is int:
        return 7, 7
    assert action.type in SAMPLE_TEXT, f"add a sample for {action.dest}'s type {action.type}"
    text, value = SAMPLE_TEXT[action.type]
    if isinstance(action, argparse._AppendAction):
        return [text], [value]
    return text, value


def serve_actions() -> list[tuple[str, argparse.Action]]:
    return sorted(option_keys(cli.subcommand(cli.build_parser(), "serve")).items())


def test_every_serve_option_has_a_key():
    serve = cli.subcommand(cli.build_parser(), "serve")
    keyed = {action.dest for _, action in serve_actions()}
    every = {action.dest for action in serve._actions} - NOT_FROM_FILE
    assert keyed == every
    keys = dict(serve_actions())
    assert {"dir", "port", "read-only", "anonymous", "allow-host", "log-format"} <= set(keys)


@pytest.mark.parametrize(("key", "action"), serve_actions(), ids=lambda v: str(v)[:20])
def test_every_serve_option_can_be_set_from_the_file(tmp_path, key, action):
    raw, expected = sample(action)
    assert expected != action.default
    args = parse(["serve", "--config", str(write(tmp_path, {key: raw}))])
    assert getattr(args, action.dest) == expected


def test_a_whole_file(tmp_path):
    path = write(tmp_path, {"dir": "/srv/files", "port": 8443, "tls": True, "read-only": True,
                            "anonymous": "read", "allow-host": ["pc.lan", "nas.lan"],
                            "max-upload": "500M", "log-format": "json"})
    args = parse(["serve", "--config", str(path)])
    assert (args.dir, args.port, args.tls, args.read_only) == ("/srv/files", 8443, True, True)
    assert args.anonymous == "read" and args.allow_host == ["pc.lan", "nas.lan"]
    assert args.max_upload == 500 * 1024**2 and args.log_format == "json"
    assert args.upload is False and args.host == "127.0.0.1"  # the rest keeps its defaults


def test_flags_win_over_the_file(tmp_path):
    path = write(tmp_path, {"dir": "/srv/files", "port": 8443, "anonymous": "read",
                            "allow-host": ["pc.lan"], "max-upload": "500M"})
    args = parse(["serve", "/elsewhere", "--config", str(path), "--port", "0",
                  "--anonymous", "upload", "--allow-host", "nas.lan", "--max-upload", "1G"])
    assert (args.dir, args.port, args.anonymous) == ("/elsewhere", 0, "upload")
    assert args.allow_host == ["nas.lan"]  # the command line's list replaces the file's
    assert args.max_upload == 1024**3
    kept = parse(["serve", "--config", str(path), "--port", "0"])
    assert kept.allow_host == ["pc.lan"] and kept.dir == "/srv/files"


def test_false_in_the_file_leaves_a_switch_off(tmp_path):
    args = parse(["serve", "--config", str(write(tmp_path, {"tls": False}))])
    assert args.tls is False


@pytest.mark.parametrize(("data", "said"), [
    ({"prot": 8000}, "unknown key 'prot' (did you mean 'port'?)"),
    ({"read_only": True}, "unknown key 'read_only' (did you mean 'read-only'?)"),
    ({"help": True}, "unknown key 'help'"),
    ({"config": "other.toml"}, "unknown key 'config'"),
    ({"port": "8000"}, "'port' must be a whole number, not a string"),
    ({"port": True}, "'port' must be a whole number, not true/false"),
    ({"tls": "yes"}, "'tls' must be true or false"),
    ({"anonymous": "everyone"}, "'anonymous' must be one of 'none', 'read', 'upload', 'modify'"),
    ({"allow-host": "pc.lan"}, "'allow-host' must be an array"),
    ({"allow-host": [1]}, "'allow-host' must be a string, not a number"),
    ({"max-upload": "lots"}, "bad value for 'max-upload': 'lots' is not a size like 500M"),
    ({"access-log": {"path": "x"}}, "'access-log' must be a string, not a table"),
])
def test_a_wrong_key_or_value_is_a_usage_error_naming_it(tmp_path, capsys, data, said):
    path = write(tmp_path, data)
    with pytest.raises(SystemExit) as exited:
        parse(["serve", "--config", str(path)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"pier serve: error: config {path}: {said}" in err


def test_a_file_that_is_not_toml_or_not_there(tmp_path, capsys):
    broken = tmp_path / "broken.toml"
    broken.write_text("port = \n", encoding="utf-8")
    broken.chmod(0o644)
    for path, said in ((broken, "not valid TOML"), (tmp_path / "none.toml", "No such file")):
        with pytest.raises(SystemExit) as exited:
            parse(["serve", "--config", str(path)])
        assert exited.value.code == 2
        assert f"config {path}: {said}" in capsys.readouterr().err


@POSIX
@pytest.mark.parametrize("mode", [0o666, 0o646, 0o664, 0o620])
def test_a_file_others_may_change_is_refused_naming_why(tmp_path, capsys, mode):
    path = write(tmp_path, {"port": 0})
    path.chmod(mode)
    with pytest.raises(SystemExit) as exited:
        parse(["serve", "--config", str(path)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"config {path}: other users may change it (mode {mode:o})" in err
    assert f"chmod go-w {path}" in err
    path.chmod(mode & ~0o022)
    assert parse(["serve", "--config", str(path)]).port == 0  # that fixes it


@POSIX
def test_a_file_of_another_user_is_refused_and_roots_is_not(tmp_path):
    path = write(tmp_path, {"port": 0})
    mine = os.stat(path)
    other_uid = 4242 if os.geteuid() != 4242 else 4243

    def owned_by(uid: int) -> os.stat_result:
        fields = list(mine)
        fields[stat.ST_UID] = uid
        return os.stat_result(fields)

    with pytest.raises(ConfigFileError, match="belongs to another user \\(uid 4242"):
        check_owner_only(path, owned_by(other_uid))
    check_owner_only(path, owned_by(0))  # /etc/pier/pier.toml, installed by root
    check_owner_only(path, mine)
    if os.geteuid() == 0:  # the real thing, where the test may give the file away
        os.chown(path, other_uid, -1)
        with pytest.raises(SystemExit):
            parse(["serve", "--config", str(path)])


def test_the_example_file_in_docs_is_read_by_the_real_parser(tmp_path):
    # a copy of mode 0644: a checkout made under umask 002 leaves the original group-writable
    example = tmp_path / "pier.toml"
    shutil.copyfile(Path(__file__).resolve().parents[2] / "docs" / "pier.toml", example)
    example.chmod(0o644)
    data = tomllib.loads(example.read_text(encoding="utf-8"))
    assert {"dir", "host", "port", "tls", "auth", "log-format"} <= set(data)
    args = parse(["serve", "--config", str(example)])
    for key, action in option_keys(cli.subcommand(cli.build_parser(), "serve")).items():
        if key in data and not isinstance(action, argparse._StoreConstAction):
            assert getattr(args, action.dest) is not None
    assert args.log_format == "json" and args.tls is True
