"""server/config.py: ServerConfig.validated() and Limits.validate(): every refusal is a
ConfigError or FolderError sentence, and what passes comes back in normal form."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from server.config import Limits, ServerConfig, TlsSettings, normalise_host_name
from server.errors import ConfigError, FolderError


@pytest.mark.parametrize(("limits", "message"), [
    (Limits(workers=0), "worker threads"),
    (Limits(workers=257), "worker threads"),
    (Limits(max_connections=0), "Connection limits"),
    (Limits(max_connections_per_ip=0), "Connection limits"),
    (Limits(header_timeout=0), "header timeout must be positive"),
    (Limits(idle_timeout=-1), "idle timeout must be positive"),
    (Limits(io_timeout=0), "io timeout must be positive"),
])
def test_bad_limits_are_refused_with_a_sentence(tmp_path, limits, message):
    with pytest.raises(ConfigError, match=message):
        ServerConfig(root=tmp_path, limits=limits).validated()


def test_the_default_limits_pass():
    Limits().validate()
    Limits(workers=256, max_connections=1, max_connections_per_ip=1).validate()


@pytest.mark.parametrize(("options", "message"), [
    ({"port": -1}, "out of range"),
    ({"port": 65536}, "out of range"),
    ({"host": "my laptop"}, "is not an IP address"),
    ({"host": "example.com"}, "is not an IP address"),
    ({"max_upload_bytes": 0}, "at least one byte"),
])
def test_bad_settings_are_refused(tmp_path, options, message):
    with pytest.raises(ConfigError, match=message):
        ServerConfig(root=tmp_path, **options).validated()


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "0.0.0.0", "::", "::1",
                                  "192.168.1.7"])
def test_addresses_and_localhost_are_accepted(tmp_path, host):
    assert ServerConfig(root=tmp_path, host=host, port=0).validated().host == host


def test_the_root_is_resolved_to_a_real_folder(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    assert ServerConfig(root=tmp_path / "link" / ".." / "link").validated().root == real


def test_a_root_that_is_missing_or_not_a_folder_is_a_folder_error(tmp_path):
    with pytest.raises(FolderError, match="does not exist"):
        ServerConfig(root=tmp_path / "gone").validated()
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(FolderError, match="not a folder"):
        ServerConfig(root=tmp_path / "file.txt").validated()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_an_unreadable_root_is_a_folder_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o000)
    try:
        with pytest.raises(FolderError, match="permission denied"):
            ServerConfig(root=locked).validated()
    finally:
        locked.chmod(0o700)


def test_pier_own_files_are_always_protected(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "alias").symlink_to(tmp_path / "real")
    config = ServerConfig(
        root=tmp_path, protected_paths=(tmp_path / "alias" / "config",),
        access_log=tmp_path / "logs" / "access.log",
        tls=TlsSettings(tmp_path / "tls" / "chain.pem", tmp_path / "tls" / "key.pem"),
        tus_state=tmp_path / "tus", thumb_cache=tmp_path / "cache" / "thumbs")
    protected = config.validated().protected_paths
    assert protected == (tmp_path / "real" / "config", tmp_path / "logs" / "access.log",
                         tmp_path / "tls" / "chain.pem", tmp_path / "tls" / "key.pem",
                         tmp_path / "tus", tmp_path / "cache" / "thumbs")


@pytest.mark.parametrize(("options", "message"), [
    ({"thumb_threads": -1}, "thumbnail threads"), ({"thumb_threads": 17}, "thumbnail threads"),
    ({"thumb_cache_bytes": -1}, "cache size")])
def test_thumbnail_settings_are_checked(tmp_path, options, message):
    with pytest.raises(ConfigError, match=message):
        ServerConfig(root=tmp_path, **options).validated()
    assert ServerConfig(root=tmp_path, thumb_threads=0).validated().thumb_threads == 0


def test_allowed_hosts_are_normalised_and_deduplicated(tmp_path):
    config = ServerConfig(root=tmp_path, allowed_hosts=("PC.Fritz.Box.", "pc.fritz.box",
                                                         "Bücher.example", "nas_1"))
    assert config.validated().allowed_hosts == ("pc.fritz.box", "xn--bcher-kva.example", "nas_1")


@pytest.mark.parametrize("name", ["*.example.com", "pc:8000", "http://pc", "a..b", "-pc", "",
                                  "pc/path", "a" * 64 + ".example"])
def test_things_that_are_not_host_names_are_refused(name):
    with pytest.raises(ConfigError, match="is not a host name"):
        normalise_host_name(name)


def test_share_name_and_local_only():
    config = ServerConfig(root=Path("/srv/Holiday Photos"))
    assert config.share_name == "Pier - Holiday Photos"
    assert ServerConfig(root=Path("/srv/x"), server_name="Family").share_name == "Family"
    assert config.is_local_only
    assert not ServerConfig(root=Path("/"), host="0.0.0.0").is_local_only
