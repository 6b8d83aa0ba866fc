"""`pier link ...` as a process: the real command with PIER_CONFIG_DIR pointing at tmp_path;
errors are one `pier: ` line on stderr and exit code 1 (2 for arguments argparse refuses)."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from server.clock import ManualClock
from server.link_pins import pin_matches
from server.links import REFRESH_INTERVAL, LinkStore

ROOT = Path(__file__).resolve().parents[2]
LINK_LINE = re.compile(r"Link: /\.well-known/pier/l/([A-Za-z0-9_-]{43})")


def pier_link(config: Path, *args: str, stdin: str = "",
              cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PIER_CONFIG_DIR=str(config), PYTHONIOENCODING="utf-8",
               PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "server.cli", "link", *args], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd,
                          timeout=60)


def store_in(config: Path) -> LinkStore:
    store = LinkStore(config / "links.toml")
    store.load()
    return store


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def share(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    (folder / "class").mkdir(parents=True)
    (folder / "notes.txt").write_text("notes", encoding="utf-8")
    return folder


def test_create_list_revoke(config, share):
    made = pier_link(config, "create", str(share / "notes.txt"), "--expires", "2d",
                     "--downloads", "3")
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""
    token = LINK_LINE.fullmatch(made.stdout.strip())[1]  # exactly one line, exactly this form
    assert stat.S_IMODE((config / "links.toml").stat().st_mode) == 0o600
    link = store_in(config).find(token)
    assert link.path == str(share / "notes.txt") and link.kind == "file"
    assert link.downloads_allowed == 3 and link.expires is not None

    listed = pier_link(config, "list")
    assert listed.returncode == 0, listed.stderr
    columns = listed.stdout.strip().split("\t")
    assert columns[:2] == [link.id, str(share / "notes.txt")]
    assert columns[2].startswith("until ") and columns[3] == "0 of 3 downloads"
    assert columns[4] == "active"

    revoked = pier_link(config, "revoke", link.id)
    assert revoked.returncode == 0, revoked.stderr
    assert f"Revoked link {link.id}" in revoked.stdout
    assert pier_link(config, "list").stdout.strip().split("\t")[4] == "revoked"
    assert pier_link(config, "revoke", token).returncode == 0  # by token, again: no harm


def test_a_relative_path_is_taken_from_the_working_folder(config, share):
    made = pier_link(config, "create", "class", "--upload", "--pin-stdin", stdin="8642\n",
                     cwd=share)
    assert made.returncode == 0, made.stderr
    link = store_in(config).find(LINK_LINE.fullmatch(made.stdout.strip())[1])
    assert link.path == str(share / "class") and link.kind == "folder" and link.upload
    assert "8642" not in (config / "links.toml").read_text(encoding="utf-8")
    assert pin_matches("8642", link.pin_hash)
    listed = pier_link(config, "list").stdout.strip().split("\t")
    assert listed[2:] == ["never", "0 downloads, no limit", "active", "pin, upload"]


def test_with_a_port_the_full_urls_follow(config, share):
    made = pier_link(config, "create", str(share), "--port", "8443", "--tls")
    assert made.returncode == 0, made.stderr
    first, *urls = made.stdout.strip().splitlines()
    token = LINK_LINE.fullmatch(first)[1]
    assert urls[0] == f"URL: https://127.0.0.1:8443/.well-known/pier/l/{token}"
    assert all(re.fullmatch(rf"URL: https://\S+:8443/\.well-known/pier/l/{token}", url)
               for url in urls)


def test_behind_a_proxy_the_links_carry_the_base_path(config, share):
    made = pier_link(config, "create", str(share), "--port", "8000", "--base-path", "files/")
    assert made.returncode == 0, made.stderr
    first, *urls = made.stdout.strip().splitlines()
    assert re.fullmatch(r"Link: /files/\.well-known/pier/l/[A-Za-z0-9_-]+", first)
    assert urls[0] == "URL: http://127.0.0.1:8000" + first[len("Link: "):]
    bad = pier_link(config, "create", str(share), "--base-path", "/a/../b")
    assert bad.returncode != 0 and "base path" in bad.stderr
    assert len(store_in(config).list()) == 1  # refused before a link was made


def test_a_running_store_sees_a_cli_link_within_the_refresh_interval(config, share):
    clock = ManualClock()
    server = LinkStore(config / "links.toml", clock=clock)
    server.load()
    made = pier_link(config, "create", str(share))
    token = LINK_LINE.fullmatch(made.stdout.strip())[1]
    clock.advance(REFRESH_INTERVAL)
    assert server.find(token) is not None


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (("create", "missing.txt"), "", "There is no file or folder"),
    (("create", "notes.txt", "--upload"), "", "Only a folder link can take uploads"),
    (("create", "notes.txt", "--pin-stdin"), "\n", "No PIN on standard input"),
    (("create", "notes.txt", "--pin-stdin"), "12\n", "A PIN has 4 to 64 characters"),
    (("create", "notes.txt", "--expires", "2001-01-01"), "", "already passed"),
    (("revoke", "nosuch"), "", "There is no link 'nosuch'"),
])
def test_errors_are_one_line_and_exit_1(config, share, args, stdin, message):
    result = pier_link(config, *args, stdin=stdin, cwd=share)
    assert result.returncode == 1
    assert result.stderr.startswith("pier: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""


@pytest.mark.parametrize("args", [
    ("create", "notes.txt", "--expires", "soon"),
    ("create", "notes.txt", "--downloads", "0"),
    ("create", "notes.txt", "--tls"),
    ("create",),
    ("frobnicate",),
])
def test_arguments_that_make_no_sense_exit_2(config, share, args):
    result = pier_link(config, *args, cwd=share)
    assert result.returncode == 2 and result.stderr.startswith(("usage:", "pier: "))
    assert not (config / "links.toml").exists()


def test_a_damaged_file_is_reported_and_left_alone(config, share):
    config.mkdir()
    (config / "links.toml").write_text("links = 3\n", encoding="utf-8")
    for args in (("list",), ("create", str(share))):
        result = pier_link(config, *args)
        assert result.returncode == 1 and "is damaged" in result.stderr
    assert (config / "links.toml").read_text(encoding="utf-8") == "links = 3\n"


def test_a_running_pier_serve_serves_a_link_the_cli_makes(config, share):
    """`pier link create --port` prints URLs that work against `pier serve` within 2 s."""
    env = dict(os.environ, PIER_CONFIG_DIR=str(config), PYTHONUNBUFFERED="1",
               PYTHONPATH=str(ROOT))
    serving = subprocess.Popen([sys.executable, "-m", "server.cli", "serve", str(share),
                                "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env, cwd=ROOT)
    try:
        assert serving.stdout is not None
        line = serving.stdout.readline()
        port = int(re.search(r"https?://[^/]+:(\d+)/$", line.strip())[1])
        made = pier_link(config, "create", str(share / "notes.txt"), "--port", str(port))
        assert made.returncode == 0, made.stderr
        url = next(text[5:] for text in made.stdout.splitlines()
                   if text.startswith("URL: http://127.0.0.1:"))
        deadline = time.monotonic() + 10  # the contract is 2 s; a loaded machine gets slack
        status, body = 0, b""
        while status != 200 and time.monotonic() < deadline:
            if status:
                time.sleep(0.1)  # polling another process: nothing to wait on but its answer
            try:
                with urllib.request.urlopen(url, timeout=5) as answer:
                    status, body = answer.status, answer.read()
            except urllib.error.HTTPError as err:
                status = err.code
        assert status == 200 and body == b"notes"
    finally:
        serving.terminate()
        assert serving.wait(timeout=10) == 0
