"""`pier directory set|show|test|off` and `pier serve --auth` with a directory, as processes
against a real slapd (tests/slapd.py), PIER_CONFIG_DIR pointing at tmp_path."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from requests.auth import HTTPBasicAuth

from server.directory_config import load_settings
from tests.slapd import SUFFIX, USERS

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def pier(config: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PIER_CONFIG_DIR=str(config), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "server.cli", *args], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT,
                          timeout=60)


def set_up(config: Path, slapd, *extra: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    ca = config.parent / "directory-ca.pem"
    ca.write_text(slapd.ca_pem)
    return pier(config, "directory", "set", "--url", slapd.ldaps_url, "--base-dn", SUFFIX,
                "--group-map", "staff=read", "--group-map", "editors=modify:/team",
                "--ca-file", str(ca), *extra, stdin=stdin)


def test_set_show_test_off(tmp_path, slapd):
    config = tmp_path / "config"
    done = set_up(config, slapd, "--bind-dn", f"cn=manager,{SUFFIX}", "--bind-password-stdin",
                  stdin="manager-secret\n")
    assert done.returncode == 0, done.stderr
    assert "Directory logins on" in done.stdout and "editors=modify:/team" in done.stdout
    path = config / "directory.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_settings(path).bind_password == "manager-secret"

    shown = pier(config, "directory", "show")
    assert shown.returncode == 0 and "manager-secret" not in shown.stdout
    assert f"bind DN: cn=manager,{SUFFIX} (password set)" in shown.stdout
    assert "group map: staff=read" in shown.stdout and "user filter: (uid={name})" in shown.stdout

    alice = pier(config, "directory", "test", "alice", "--password-stdin",
                 stdin=USERS["alice"] + "\n")
    assert alice.returncode == 0, alice.stderr
    assert alice.stdout.strip() == "alice: read, upload, modify, folders /team " \
                                   "(groups: staff, editors)"
    wrong = pier(config, "directory", "test", "alice", "--password-stdin", stdin="nope\n")
    assert wrong.returncode == 1 and "alice cannot log in: wrong password" in wrong.stderr
    upper = pier(config, "directory", "test", "ALICE", "--password-stdin",
                 stdin=USERS["alice"] + "\n")
    assert upper.returncode == 0 and "(logs in as 'alice', the entry's name)" in upper.stdout
    carol = pier(config, "directory", "test", "carol", "--password-stdin",
                 stdin=USERS["carol"] + "\n")
    assert carol.returncode == 1 and "in no mapped group" in carol.stderr

    off = pier(config, "directory", "off")
    assert off.returncode == 0 and not path.exists()
    assert "off" in pier(config, "directory", "show").stdout


def test_test_names_a_local_account_and_a_directory_that_is_down(tmp_path, slapd):
    config = tmp_path / "config"
    assert set_up(config, slapd).returncode == 0
    added = pier(config, "users", "add", "bob", "--password-stdin", stdin="meadow-kettle-orbit\n")
    assert added.returncode == 0, added.stderr
    clash = pier(config, "directory", "test", "bob", "--password-stdin", stdin="x\n")
    assert clash.returncode == 1 and "is a Pier account, which wins" in clash.stderr
    other_form = pier(config, "directory", "test", " BOB", "--password-stdin", stdin="x\n")
    assert other_form.returncode == 1 and "(as the directory compares names: 'bob') is a Pier " \
        "account, which wins" in other_form.stderr
    ca = config.parent / "directory-ca.pem"
    moved = pier(config, "directory", "set", "--url", "ldaps://127.0.0.1:1", "--base-dn", SUFFIX,
                 "--group-map", "staff=read", "--ca-file", str(ca))
    assert moved.returncode == 0, moved.stderr
    down = pier(config, "directory", "test", "alice", "--password-stdin", stdin="x\n")
    assert down.returncode == 1 and down.stderr.startswith("pier: The directory cannot be asked")


@pytest.mark.parametrize(("args", "words"), [
    (["--url", "ldap://dc.example.org", "--base-dn", "dc=x", "--group-map", "a=read"],
     "in the clear"),
    (["--url", "ldaps://dc.example.org", "--base-dn", "dc=x", "--group-map", "a=write"],
     "none of read"),
    (["--url", "ldaps://dc.example.org", "--base-dn", "dc=x", "--group-map", "a=read",
      "--ca-file", "/nonexistent.pem"], "Cannot read the CA file"),
])
def test_bad_settings_are_one_line_errors_and_nothing_is_written(tmp_path, args, words):
    done = pier(tmp_path, "directory", "set", *args)
    assert done.returncode == 1 and done.stderr.startswith("pier: ") and words in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "directory.toml").exists()


def test_serve_uses_the_directory_without_any_local_account(tmp_path, share, slapd):
    config = tmp_path / "config"
    assert set_up(config, slapd).returncode == 0
    env = dict(os.environ, PIER_CONFIG_DIR=str(config), PYTHONIOENCODING="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "serve", str(share), "--port", "0", "--auth"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        line = process.stdout.readline()
        assert line.startswith("Serving "), line or process.stderr.read()
        url = line.rsplit(" at ", 1)[1].strip()
        ok = requests.get(url + "hello.txt", auth=HTTPBasicAuth("bob", USERS["bob"]), timeout=30)
        assert ok.status_code == 200 and ok.text == "hello, world\n"
        refused = requests.get(url + "hello.txt", auth=HTTPBasicAuth("bob", "x"), timeout=30)
        assert refused.status_code == 401
    finally:
        process.terminate()
        process.wait(30)
        process.stdout.close()
        process.stderr.close()
