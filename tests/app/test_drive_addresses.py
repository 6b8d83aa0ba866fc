"""app.drive_addresses: what to type per system to open a share as a drive (issue 17). Pure
cases first (HTTP, HTTPS, default and odd ports, IPv6, login or not), then the rclone command
the dialog shows, run for real against a share with a login, over HTTP and over HTTPS with
Pier's exported CA."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from app.drive_addresses import (
    DAVFS2,
    GNOME,
    KDE,
    MACOS,
    RCLONE,
    SYSTEMS,
    WINDOWS,
    DriveGuide,
    DriveShare,
    drive_guides,
    windows_unc,
)
from server.auth import Authenticator
from server.clock import ManualClock
from server.config import TlsSettings
from server.tls import CertificateStore
from server.users import UserStore

LAN_URLS = ["http://127.0.0.1:8000/", "http://192.168.1.5:8000/", "http://pc:8000/",
            "http://pc.local:8000/"]


def guides(share: DriveShare) -> dict[str, DriveGuide]:
    found = {guide.system: guide for guide in drive_guides(share)}
    assert tuple(found) == SYSTEMS
    return found


def texts(guide: DriveGuide) -> list[str]:
    return [address.text for address in guide.addresses]


def notes(guide: DriveGuide) -> str:
    return " ".join(guide.notes)


def drive(*hosts: str, port: int = 8000, tls: bool = False, login: bool = False,
          **options: bool) -> DriveShare:
    return DriveShare(hosts, port, tls, login, **options)


# ---- from the window's URLs -------------------------------------------------------------------

def test_from_urls_keeps_the_window_order_with_loopback_last() -> None:
    made = DriveShare.from_urls(LAN_URLS, login=False)
    assert made.hosts == ("192.168.1.5", "pc", "pc.local", "127.0.0.1")
    assert (made.port, made.tls, made.login) == (8000, False, False)
    local = guides(made)[MACOS].addresses
    assert [a.local_only for a in local] == [False, False, False, True]


def test_from_urls_reads_https_default_ports_and_ipv6() -> None:
    assert DriveShare.from_urls(["https://pc/"], login=True).port == 443
    assert DriveShare.from_urls(["http://pc/"], login=True).port == 80
    made = DriveShare.from_urls(["https://[::1]:8443/", "https://[fe80::1]:8443/"], login=True)
    assert made.hosts == ("fe80::1", "::1") and made.tls and made.port == 8443
    with pytest.raises(ValueError):
        DriveShare.from_urls([], login=False)


# ---- plain HTTP, HTTPS, ports -----------------------------------------------------------------

def test_plain_http_on_an_odd_port() -> None:
    found = guides(drive("192.168.1.5", "pc"))
    assert texts(found[WINDOWS]) == ["\\\\192.168.1.5@8000\\DavWWWRoot", "\\\\pc@8000\\DavWWWRoot"]
    assert "http://192.168.1.5:8000/" in found[WINDOWS].steps  # Map network drive takes it
    assert texts(found[MACOS]) == ["http://192.168.1.5:8000/", "http://pc:8000/"]
    assert texts(found[GNOME]) == ["dav://192.168.1.5:8000/", "dav://pc:8000/"]
    assert texts(found[KDE]) == ["webdav://192.168.1.5:8000/", "webdav://pc:8000/"]
    assert texts(found[RCLONE])[0] == ("rclone config create pier webdav "
                                       "url=http://192.168.1.5:8000/ vendor=other")
    assert texts(found[DAVFS2])[0] == "sudo mount -t davfs http://192.168.1.5:8000/ /mnt/pier"
    assert "certificate" not in " ".join(notes(g) for g in found.values()).lower()


def test_https_on_an_odd_port_says_to_trust_pier_s_ca_first() -> None:
    found = guides(drive("192.168.1.5", port=8443, tls=True))
    assert texts(found[WINDOWS]) == ["\\\\192.168.1.5@SSL@8443\\DavWWWRoot"]
    assert texts(found[MACOS]) == ["https://192.168.1.5:8443/"]
    assert texts(found[GNOME]) == ["davs://192.168.1.5:8443/"]
    assert texts(found[KDE]) == ["webdavs://192.168.1.5:8443/"]
    assert "url=https://192.168.1.5:8443/" in texts(found[RCLONE])[0]
    assert texts(found[DAVFS2]) == ["sudo mount -t davfs https://192.168.1.5:8443/ /mnt/pier"]
    for guide in found.values():
        assert "certificate" in notes(guide).lower(), guide.system
    assert "Trusted Root Certification Authorities" in notes(found[WINDOWS])
    assert "--ca-cert" in notes(found[RCLONE])
    assert "trust_ca_cert" in notes(found[DAVFS2])
    assert "Export CA certificate" in notes(found[MACOS])


@pytest.mark.parametrize(("port", "tls", "unc", "web", "dav"), [
    (80, False, "\\\\pc\\DavWWWRoot", "http://pc/", "dav://pc/"),
    (443, True, "\\\\pc@SSL\\DavWWWRoot", "https://pc/", "davs://pc/"),
    (443, False, "\\\\pc@443\\DavWWWRoot", "http://pc:443/", "dav://pc:443/"),
    (80, True, "\\\\pc@SSL@80\\DavWWWRoot", "https://pc:80/", "davs://pc:80/"),
    (1, False, "\\\\pc@1\\DavWWWRoot", "http://pc:1/", "dav://pc:1/"),
    (65535, True, "\\\\pc@SSL@65535\\DavWWWRoot", "https://pc:65535/", "davs://pc:65535/"),
])
def test_a_port_is_left_out_only_where_it_is_the_scheme_s_default(
        port: int, tls: bool, unc: str, web: str, dav: str) -> None:
    found = guides(drive("pc", port=port, tls=tls))
    assert texts(found[WINDOWS]) == [unc]
    assert texts(found[MACOS]) == [web]
    assert texts(found[GNOME]) == [dav]


# ---- IPv6 -------------------------------------------------------------------------------------

def test_ipv6_is_bracketed_and_not_offered_for_windows() -> None:
    found = guides(drive("fe80::1", "192.168.1.5", port=8443, tls=True))
    assert windows_unc("fe80::1", 8443, True) is None
    assert texts(found[WINDOWS]) == ["\\\\192.168.1.5@SSL@8443\\DavWWWRoot"]
    assert "IPv6 addresses are not offered for Windows" in notes(found[WINDOWS])
    assert texts(found[MACOS])[0] == "https://[fe80::1]:8443/"
    assert texts(found[GNOME])[0] == "davs://[fe80::1]:8443/"
    assert texts(found[KDE])[0] == "webdavs://[fe80::1]:8443/"
    # quoted for the shell (zsh refuses an unmatched [...] glob); the words come back whole
    assert shlex.split(texts(found[RCLONE])[0])[5] == "url=https://[fe80::1]:8443/"
    assert shlex.split(texts(found[DAVFS2])[0])[4] == "https://[fe80::1]:8443/"


def test_an_ipv6_zone_is_escaped_in_urls_and_an_ipv6_only_share_has_no_windows_address() -> None:
    found = guides(drive("fe80::1%eth0"))
    assert texts(found[MACOS]) == ["http://[fe80::1%25eth0]:8000/"]
    assert texts(found[WINDOWS]) == []
    assert "the web address" in found[WINDOWS].steps
    assert "IPv6" in notes(found[WINDOWS])
    assert "IPv6" not in notes(guides(drive("192.168.1.5"))[WINDOWS])


# ---- login ------------------------------------------------------------------------------------

def test_without_a_login_nothing_asks_for_an_account() -> None:
    found = guides(drive("pc"))
    assert "user=" not in texts(found[RCLONE])[0]
    assert "press Enter" in notes(found[DAVFS2])
    for guide in found.values():
        assert "password" not in notes(guide).replace("user name and password", ""), \
            guide.system


def test_a_login_over_https_uses_the_account_everywhere() -> None:
    found = guides(drive("pc", port=8443, tls=True, login=True))
    assert texts(found[RCLONE])[0].endswith(" user=ACCOUNT")
    assert "rclone config password pier pass PASSWORD" in notes(found[RCLONE])
    assert "Basic, encrypted by HTTPS" in notes(found[WINDOWS])
    assert "Registered User" in notes(found[MACOS])
    assert "type the account's" in notes(found[DAVFS2])


def test_windows_over_plain_http_with_a_login_and_no_md5_digest_is_told_it_cannot_log_in(
        ) -> None:
    windows = guides(drive("pc", login=True))[WINDOWS]
    assert "will not send a password with Basic" in notes(windows)
    assert "no account has Digest with MD5" in notes(windows)
    assert "turn HTTPS on" in notes(windows)
    assert "Visitors" not in notes(windows)
    visitors = guides(drive("pc", login=True, visitors_may_read=True))[WINDOWS]
    assert "Visitors without an account can still look" in notes(visitors)


def test_windows_over_plain_http_with_md5_digest_names_the_accounts_that_can_log_in() -> None:
    windows = guides(drive("pc", login=True, windows_digest=True))[WINDOWS]
    assert "Digest (MD5)" in notes(windows)
    assert "Also MD5, for old clients" in notes(windows)
    assert "no account" not in notes(windows)


def test_windows_always_mentions_the_50_mb_file_size_limit() -> None:
    for options in ({}, {"tls": True}, {"login": True}):
        assert "FileSizeLimitInBytes" in notes(guides(drive("pc", **options))[WINDOWS])


# ---- the rclone command, for real --------------------------------------------------------------

RCLONE_BIN = shutil.which("rclone")


def run_rclone(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert RCLONE_BIN is not None
    env = {**os.environ, "RCLONE_CONFIG": str(config)}
    return subprocess.run([RCLONE_BIN, *args, "--low-level-retries", "1", "--retries", "1"],
                          capture_output=True, text=True, env=env, timeout=120)


def set_up_remote(command: str, config: Path, password: str) -> None:
    """Run the dialog's command with ACCOUNT filled in, then the password note's command."""
    words = shlex.split(command.replace("ACCOUNT", "reader"))
    assert words[0] == "rclone"
    made = run_rclone(config, *words[1:])
    assert made.returncode == 0, made.stderr
    stored = run_rclone(config, "config", "password", "pier", "pass", password)
    assert stored.returncode == 0, stored.stderr


def login_share(server_factory, share_dir: Path, config_dir: Path, **options):
    store = UserStore(config_dir / "users.toml")
    store.load()
    store.add("reader", "reader-pw-1")
    auth = Authenticator(store, "Pier", clock=ManualClock())
    return server_factory(share_dir, auth=auth, **options)


@pytest.mark.skipif(RCLONE_BIN is None, reason="rclone is not installed")
def test_the_rclone_command_lists_a_share_with_a_login(server_factory, share: Path,
                                                       tmp_path: Path,
                                                       private_config_dir: Path) -> None:
    running = login_share(server_factory, share, private_config_dir)
    found = guides(DriveShare(("127.0.0.1",), running.port, False, True))
    config = tmp_path / "rclone.conf"
    set_up_remote(texts(found[RCLONE])[0], config, "reader-pw-1")
    listed = run_rclone(config, "lsf", "pier:")
    assert listed.returncode == 0, listed.stderr
    assert "hello.txt" in listed.stdout.splitlines()
    wrong = tmp_path / "wrong.conf"
    set_up_remote(texts(found[RCLONE])[0], wrong, "not-the-password")
    assert run_rclone(wrong, "lsf", "pier:").returncode != 0  # the login is really checked


@pytest.mark.skipif(RCLONE_BIN is None, reason="rclone is not installed")
def test_the_rclone_command_with_the_ca_note_lists_an_https_share(
        server_factory, share: Path, tmp_path: Path, private_config_dir: Path) -> None:
    store = CertificateStore(tmp_path / "tls")
    chain, key = store.ensure_server_certificate()
    ca = tmp_path / "pier-ca.pem"
    store.export_ca(ca)
    running = login_share(server_factory, share, private_config_dir,
                          tls=TlsSettings(chain, key, store.ca_pem()))
    found = guides(DriveShare(("127.0.0.1",), running.port, True, True))
    config = tmp_path / "rclone.conf"
    set_up_remote(texts(found[RCLONE])[0], config, "reader-pw-1")
    assert "--ca-cert pier-ca.pem" in notes(found[RCLONE])
    listed = run_rclone(config, "lsf", "pier:", "--ca-cert", str(ca))
    assert listed.returncode == 0, listed.stderr
    assert "hello.txt" in listed.stdout.splitlines()
    assert run_rclone(config, "lsf", "pier:").returncode != 0  # without the CA: refused
