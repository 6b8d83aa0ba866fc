"""Pier's own files are recognised by identity (device + inode) of the protected folders and of
the access log, not of each file inside the config folder: a second name (hard link) of
config/users.toml placed in the share is another path into the same inode, and is rendered as a
README (and downloaded), password hashes and all. The access log, protected by its own identity,
is refused the same way (404). Making such a link takes a local account that may read
users.toml, so this matters where the owner (or a sync or backup tool that keeps hard links)
puts one there by mistake; the README makes it show on the folder's page without a click."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from server.paths import PierPaths
from tests.conftest import RunningServer
from tests.security.conftest import CANARY, exchange, head_and_body, request, status_of
from tests.security.test_attack_markdown import ANA, accounts, get, guarded  # noqa: F401


@pytest.mark.parametrize("path", ["/docs/", "/docs/README.md?view", "/docs/README.md"])
def test_a_hard_link_of_the_users_file_is_not_served(guarded: RunningServer,  # noqa: F811
                                                     share: Path, path: str):
    os.link(share / "config" / "users.toml", share / "docs" / "README.md")
    status, _ = get(guarded, path, ANA)  # get() fails on the canary in users.toml
    assert status in (200, 404)


@pytest.mark.parametrize("own_file", ["users.toml", "tls/key.pem", "tus/0a1b.json",
                                      "logs/pier.log", "logs/access.log.2"])
def test_a_hard_link_of_a_file_in_pier_s_folders_elsewhere_is_not_served(
        server_factory, share: Path, private_config_dir: Path, own_file: str):
    """The usual layout: Pier's folders outside the share (nothing of Pier's below it, the
    quick case), a second name of one of their files inside it."""
    paths = PierPaths.under(private_config_dir)
    original = private_config_dir / own_file
    original.parent.mkdir(parents=True, exist_ok=True)
    original.write_bytes(CANARY + b" " + own_file.encode() + b"\n")
    running = server_factory(share, protected_paths=paths.protected,
                             access_log=paths.logs / "access.log")
    os.link(original, share / "docs" / "README.md")
    for path in ("/docs/README.md", "/docs/README.md?view", "/docs/README.md?download"):
        assert status_of(exchange(running, request(path))) == 404, path
    listing = head_and_body(exchange(running, request("/docs/")))[1]
    assert b"README.md" not in listing and b"notes.md" in listing
