"""`pier users ...` as a process: the real command with PIER_CONFIG_DIR pointing at tmp_path and
the password on stdin; errors are one `pier: ` line on stderr and exit code 1."""

from __future__ import annotations

import base64
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.users import UserStore

STRONG = "meadow-kettle-orbit\n"

ROOT = Path(__file__).resolve().parents[2]


def pier_users(config: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PIER_CONFIG_DIR=str(config), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "server.cli", "users", *args], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT,
                          timeout=60)


def store_in(config: Path) -> UserStore:
    store = UserStore(config / "users.toml")
    store.load()
    return store


def login(config: Path, name: str, password: str) -> str:
    header = "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()
    return Authenticator(store_in(config), "Pier").check(header, "GET", "/", "127.0.0.1").outcome


def test_add_list_passwd_disable_enable_remove(tmp_path):
    added = pier_users(tmp_path, "add", "alice", "--upload", "--folder", "/alice",
                       "--folder", "/public", "--expires", "2099-12-31", "--password-stdin",
                       stdin="pa:ss wörd-kettle\n")
    assert added.returncode == 0, added.stderr
    assert "Added user alice" in added.stdout
    assert stat.S_IMODE((tmp_path / "users.toml").stat().st_mode) == 0o600
    alice = store_in(tmp_path).get("alice")
    assert alice.can_upload and alice.folders == ("/alice", "/public") and alice.expires
    assert login(tmp_path, "alice", "pa:ss wörd-kettle") == "ok"  # trailing newline stripped only

    listed = pier_users(tmp_path, "list")
    assert listed.returncode == 0
    assert listed.stdout.startswith("alice\tread, upload, folders /alice /public")
    assert "expires 2099-12-31" in listed.stdout

    changed = pier_users(tmp_path, "passwd", "alice", "--password-stdin",
                         stdin="new-harbour-lamp\n")
    assert changed.returncode == 0, changed.stderr
    assert login(tmp_path, "alice", "new-harbour-lamp") == "ok"
    assert pier_users(tmp_path, "disable", "alice").returncode == 0
    assert login(tmp_path, "alice", "new-harbour-lamp") == "challenge"
    assert "disabled" in pier_users(tmp_path, "list").stdout
    assert pier_users(tmp_path, "enable", "alice").returncode == 0
    assert login(tmp_path, "alice", "new-harbour-lamp") == "ok"
    assert pier_users(tmp_path, "remove", "alice").returncode == 0
    assert store_in(tmp_path).users() == []
    assert "No users yet" in pier_users(tmp_path, "list").stdout


def test_digest_flags(tmp_path):
    pier_users(tmp_path, "add", "old", "--digest-md5", "--password-stdin", stdin=STRONG)
    user = store_in(tmp_path).get("old")
    assert user.digest and user.digest_md5


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (("add", "a:b", "--password-stdin"), STRONG, "cannot contain ':'"),
    (("add", "bob", "--password-stdin"), "\n", "No password"),
    (("add", "bob", "--expires", "31/12/2030", "--password-stdin"), STRONG, "is not a date"),
    (("add", "bob", "--folder", "/../x", "--password-stdin"), STRONG, "'..'"),
    (("remove", "ghost"), "", "no user named 'ghost'"),
    (("passwd", "ghost", "--password-stdin"), STRONG, "no user named 'ghost'"),
    (("disable", "ghost"), "", "no user named 'ghost'"),
])
def test_errors_are_one_line_and_exit_1(tmp_path, args, stdin, message):
    result = pier_users(tmp_path, *args, stdin=stdin)
    assert result.returncode == 1
    assert result.stderr.startswith("pier: ") and result.stderr.count("\n") == 1
    assert message.lower() in result.stderr.lower()
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("args", "stdin", "reason"), [
    (("add", "bob", "--password-stdin"), "pw\n", "at least 10 characters (this one has 2)"),
    (("add", "bob", "--password-stdin"), "Password1!\n", "most common passwords"),
    (("add", "bob", "--password-stdin"), "bob-the-builder\n", "contains the user name"),
    (("add", "bob", "--password-stdin"), "1234567890\n", "simple sequence"),
])
def test_a_weak_password_is_refused_with_the_reason(tmp_path, args, stdin, reason):
    result = pier_users(tmp_path, *args, stdin=stdin)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("pier: The password is too weak. ") and reason in result.stderr
    assert not (tmp_path / "users.toml").exists() or store_in(tmp_path).get("bob") is None


def test_passwd_refuses_a_weak_password_and_keeps_the_old_one(tmp_path):
    assert pier_users(tmp_path, "add", "carol", "--password-stdin", stdin=STRONG).returncode == 0
    weak = pier_users(tmp_path, "passwd", "carol", "--password-stdin", stdin="carol12345\n")
    assert weak.returncode == 1 and "contains the user name" in weak.stderr
    assert login(tmp_path, "carol", STRONG.strip()) == "ok"


def test_duplicate_user_is_refused_before_asking_for_a_password(tmp_path):
    pier_users(tmp_path, "add", "alice", "--password-stdin", stdin=STRONG)
    again = pier_users(tmp_path, "add", "alice")  # no stdin flag: would prompt if it got that far
    assert again.returncode == 1 and "already exists" in again.stderr


def test_corrupt_file_is_reported_and_kept(tmp_path):
    path = tmp_path / "users.toml"
    path.write_text("[users.alice\npassword = ")
    for args in (("list",), ("add", "bob", "--password-stdin")):
        result = pier_users(tmp_path, *args, stdin=STRONG)
        assert result.returncode == 1
        assert result.stderr.startswith("pier: The user file") and "damaged" in result.stderr
    assert path.read_text() == "[users.alice\npassword = "


def test_add_with_the_modify_right(tmp_path):
    added = pier_users(tmp_path, "add", "mo", "--upload", "--modify", "--password-stdin",
                       stdin=STRONG)
    assert added.returncode == 0, added.stderr
    assert "read, upload, modify" in added.stdout
    user = store_in(tmp_path).get("mo")
    assert user.can_upload and user.can_modify
    plain = pier_users(tmp_path, "add", "pat", "--password-stdin", stdin=STRONG)
    assert plain.returncode == 0 and not store_in(tmp_path).get("pat").can_modify
