"""Second attack on the hard-link fix (server/own_paths.py ``second_name``): a second name of a
file in Pier's folders, placed in the share, must not be served. Two places the fix does not
look: the thumbnail cache (left out of the walk as "none of them secret", yet it holds the
install's secret key that keys every thumbnail ETag), and files deeper than DEPTH_MAX folder
levels below an own folder. Making the link takes a local account that may read the file (or a
sync/backup tool that keeps hard links), as in test_attack_markdown_hardlink.py."""

from __future__ import annotations

import os
from pathlib import Path

from server.paths import PierPaths
from server.thumb_cache import KEY_FILE
from tests.security.conftest import CANARY, exchange, head_and_body, request, status_of


def _refused_everywhere(running, name: str) -> None:
    for path in (f"/docs/{name}", f"/docs/{name}?download"):
        assert status_of(exchange(running, request(path))) == 404, path
    listing = head_and_body(exchange(running, request("/docs/")))[1]
    assert name.encode() not in listing


def test_a_hard_link_of_the_thumbnail_secret_key_is_not_served(
        server_factory, share: Path, private_config_dir: Path):
    paths = PierPaths.under(private_config_dir)
    running = server_factory(share, protected_paths=paths.protected,
                             thumb_cache=paths.thumbs_dir)
    status_of(exchange(running, request("/docs/")))  # the key exists once the share started
    key = paths.thumbs_dir / KEY_FILE
    assert key.is_file()
    os.link(key, share / "docs" / "key.bin")
    _refused_everywhere(running, "key.bin")


def test_a_hard_link_of_a_deep_file_in_the_config_folder_is_not_served(
        server_factory, share: Path, private_config_dir: Path):
    paths = PierPaths.under(private_config_dir)
    deep = private_config_dir / "a" / "b" / "c" / "d" / "e"
    deep.mkdir(parents=True)
    (deep / "token").write_bytes(CANARY + b" deep\n")
    running = server_factory(share, protected_paths=paths.protected)
    assert status_of(exchange(running, request("/docs/"))) == 200
    os.link(deep / "token", share / "docs" / "token.txt")
    _refused_everywhere(running, "token.txt")


def test_a_hard_link_of_a_rewritten_users_file_is_not_served(
        server_factory, share: Path, private_config_dir: Path):
    """Held: users.toml replaced atomically (a new inode) after the start, then linked."""
    paths = PierPaths.under(private_config_dir)
    paths.users_file.write_bytes(CANARY + b" old\n")
    running = server_factory(share, protected_paths=paths.protected)
    assert status_of(exchange(running, request("/docs/"))) == 200
    fresh = private_config_dir / "users.toml.new"
    fresh.write_bytes(CANARY + b" new\n")
    os.replace(fresh, paths.users_file)
    os.link(paths.users_file, share / "docs" / "users.txt")
    _refused_everywhere(running, "users.txt")


def test_a_hard_link_made_before_the_start_is_not_served(
        server_factory, share: Path, private_config_dir: Path):
    """Held: the link already there when the share starts."""
    paths = PierPaths.under(private_config_dir)
    (paths.tls_dir).mkdir(parents=True)
    (paths.tls_dir / "key.pem").write_bytes(CANARY + b" key\n")
    os.link(paths.tls_dir / "key.pem", share / "docs" / "key.pem")
    running = server_factory(share, protected_paths=paths.protected)
    _refused_everywhere(running, "key.pem")
