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

from tests.conftest import RunningServer
from tests.security.test_attack_markdown import ANA, accounts, get, guarded  # noqa: F401


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "finding: a hard link of Pier's config/users.toml named README.md in a shared folder is "
    "rendered under that folder's listing and on ?view (and downloaded): own files inside the "
    "protected config folder are matched by the folder's identity on the way, not by their "
    "own inode, unlike the access log"))
@pytest.mark.parametrize("path", ["/docs/", "/docs/README.md?view", "/docs/README.md"])
def test_a_hard_link_of_the_users_file_is_not_served(guarded: RunningServer,  # noqa: F811
                                                     share: Path, path: str):
    os.link(share / "config" / "users.toml", share / "docs" / "README.md")
    status, _ = get(guarded, path, ANA)  # get() fails on the canary in users.toml
    assert status in (200, 404)
