"""What to type, on each system, to open a running share as a network drive (WebDAV).

Pure: no Qt, no sockets, no files. ``DriveShare`` is what the addresses depend on (the hosts the
window shows as URLs, the port, HTTPS or not, login or not); ``drive_guides`` turns it into one
``DriveGuide`` per system, each with an address per host and short notes.

Facts the notes rest on:
- Windows' WebDAV client (the WebClient service) names a WebDAV server in UNC form:
  ``\\\\HOST@SSL@PORT\\DavWWWRoot`` (``@SSL`` for HTTPS, ``@PORT`` unless 80 / 443);
  "Map network drive" also takes the http(s) address. It sends a password with Basic only over
  HTTPS (``BasicAuthLevel`` 1 by default); over plain HTTP it needs Digest, and its Digest is
  MD5. Pier offers Digest only while some account has it on (``Authenticator.challenge``), MD5
  only while some account has "Also MD5" on. It refuses files over ``FileSizeLimitInBytes``,
  50,000,000 bytes by default.
- An IPv6 literal in UNC form (``fe80--1.ipv6-literal.net``) would reach Pier as that host
  name, which Pier's host check refuses (421) and its certificate does not name: IPv6 addresses
  are not offered for Windows.
"""

from __future__ import annotations

import ipaddress
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from app.i18n import translate

WINDOWS = "windows"
MACOS = "macos"
GNOME = "gnome"
KDE = "kde"
RCLONE = "rclone"
DAVFS2 = "davfs2"
SYSTEMS = (WINDOWS, MACOS, GNOME, KDE, RCLONE, DAVFS2)

ACCOUNT = "ACCOUNT"  # stands for the account's name in rclone's command
MOUNT_POINT = "/mnt/pier"
REMOTE = "pier"  # rclone's remote
CA_FILE = "pier-ca.pem"  # what the notes call the exported CA certificate


def get_ca() -> str:
    return translate("DriveAddresses", "Pier's certificate authority is saved by Certificate… > "
                     "Export CA certificate…, or downloaded from /.well-known/pier/ca.crt on the "
                     "share.")


def windows_size_limit() -> str:
    return translate("DriveAddresses", "Windows refuses files over 50 MB by default: raise "
                     "FileSizeLimitInBytes under "
                     "HKLM\\SYSTEM\\CurrentControlSet\\Services\\WebClient\\Parameters (at "
                     "most 4294967295) and restart the WebClient service.")


@dataclass(frozen=True, slots=True)
class DriveShare:
    """What the drive addresses of a running share depend on."""

    hosts: tuple[str, ...]  # IPv4, IPv6 (no brackets) or names, as the window's URLs hold them
    port: int
    tls: bool
    login: bool
    visitors_may_read: bool = False  # with a login: visitors without an account may look
    windows_digest: bool = False  # some account may log in with Digest MD5 (Windows' Digest)

    @classmethod
    def from_urls(cls, urls: list[str], *, login: bool, visitors_may_read: bool = False,
                  windows_digest: bool = False) -> DriveShare:
        """From the share's URLs (``http(s)://HOST:PORT/``, one port and scheme): the hosts
        other devices can use first, loopback ones last. ValueError when there is none."""
        if not urls:
            raise ValueError("a running share has at least one address")
        first = urlsplit(urls[0])
        tls = first.scheme == "https"
        port = first.port or (443 if tls else 80)
        hosts = dict.fromkeys(urlsplit(url).hostname or "" for url in urls)
        ordered = sorted((h for h in hosts if h), key=is_loopback)  # stable: keeps the order
        return cls(tuple(ordered), port, tls, login, visitors_may_read, windows_digest)


@dataclass(frozen=True, slots=True)
class DriveAddress:
    host: str  # which of the share's hosts it uses
    text: str  # what to type or paste

    @property
    def local_only(self) -> bool:
        """Only this computer can use it (a loopback address)."""
        return is_loopback(self.host)


@dataclass(frozen=True, slots=True)
class DriveGuide:
    system: str  # one of SYSTEMS
    title: str  # the tab's name
    steps: str  # where to type the address
    addresses: tuple[DriveAddress, ...]
    notes: tuple[str, ...]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def is_ipv6(host: str) -> bool:
    return ":" in host


def web_address(scheme: str, host: str, port: int, default_port: int) -> str:
    """``scheme://host:port/``, the port left out when it is the scheme's default, an IPv6
    literal in brackets (a zone's ``%`` escaped as URLs want it)."""
    if is_ipv6(host):
        host = "[" + host.replace("%", "%25") + "]"
    return f"{scheme}://{host}/" if port == default_port else f"{scheme}://{host}:{port}/"


def windows_unc(host: str, port: int, tls: bool) -> str | None:
    """``\\\\HOST[@SSL][@PORT]\\DavWWWRoot``; None for an IPv6 literal (see the module's
    docstring)."""
    if is_ipv6(host):
        return None
    ssl = "@SSL" if tls else ""
    at_port = "" if port == (443 if tls else 80) else f"@{port}"
    return f"\\\\{host}{ssl}{at_port}\\DavWWWRoot"


def share_url(share: DriveShare, host: str) -> str:
    return web_address("https" if share.tls else "http", host, share.port,
                       443 if share.tls else 80)


def rclone_command(share: DriveShare, host: str) -> str:
    words = ["rclone", "config", "create", REMOTE, "webdav", f"url={share_url(share, host)}",
             "vendor=other"]
    if share.login:
        words.append(f"user={ACCOUNT}")
    return shlex.join(words)


def davfs2_command(share: DriveShare, host: str) -> str:
    return shlex.join(["sudo", "mount", "-t", "davfs", share_url(share, host), MOUNT_POINT])


def drive_guides(share: DriveShare) -> list[DriveGuide]:
    """One guide per system, in SYSTEMS' order."""
    return [_windows(share), _macos(share), _gnome(share), _kde(share), _rclone(share),
            _davfs2(share)]


def _addresses(share: DriveShare, make: Callable[[str], str | None]
               ) -> tuple[DriveAddress, ...]:
    found = ((host, make(host)) for host in share.hosts)
    return tuple(DriveAddress(host, text) for host, text in found if text)


def _windows(share: DriveShare) -> DriveGuide:
    addresses = _addresses(share, lambda host: windows_unc(host, share.port, share.tls))
    notes = []
    if share.tls:
        notes += [translate("DriveAddresses", "Windows checks the certificate: first add Pier's "
                            "certificate authority to “Trusted Root Certification Authorities” "
                            "of the Local Computer (double-click the file, Install "
                            "Certificate…)."), get_ca()]
    notes.extend(_windows_login(share))
    if any(is_ipv6(host) for host in share.hosts):
        notes.append(translate("DriveAddresses", "IPv6 addresses are not offered for Windows: "
                               "use an IPv4 address or the computer's name."))
    notes.append(windows_size_limit())
    notes.append(translate("DriveAddresses", "The WebClient service does the work; it starts by "
                           "itself unless it was turned off (services.msc)."))
    web = share_url(share, addresses[0].host) if addresses \
        else translate("DriveAddresses", "the web address")
    return DriveGuide(
        WINDOWS, "Windows",
        translate("DriveAddresses", "Paste the address into File Explorer's address bar, or "
                  "choose This PC > Map network drive and use it as the Folder ({web} works "
                  "there too).").format(web=web),
        addresses, tuple(notes))


def _windows_login(share: DriveShare) -> list[str]:
    if not share.login:
        return []
    if share.tls:
        return [translate("DriveAddresses", "Windows asks for the account's name and password "
                          "(sent with Basic, encrypted by HTTPS).")]
    visitors = (translate("DriveAddresses", " Visitors without an account can still look.")
                if share.visitors_may_read else "")
    if share.windows_digest:
        return [translate("DriveAddresses", "Over plain HTTP Windows will not send a password "
                          "with Basic; it logs in with Digest (MD5), which only accounts with "
                          "“Also MD5, for old clients” (Users… > Advanced) can use. HTTPS avoids "
                          "this.") + visitors]
    return [translate("DriveAddresses", "Over plain HTTP Windows will not send a password with "
                      "Basic, and no account has Digest with MD5, the Digest Windows speaks: "
                      "turn HTTPS on, or allow Digest with MD5 for the account (Users… > "
                      "Advanced, then set its password again).") + visitors]


def _macos(share: DriveShare) -> DriveGuide:
    notes = []
    if share.tls:
        notes += [translate("DriveAddresses", "First trust Pier's certificate authority: open "
                            "the file, add it to the System keychain and set it to “Always "
                            "Trust” in Keychain Access."), get_ca()]
    if share.login:
        notes.append(translate("DriveAddresses", "Choose “Registered User” and type the "
                               "account's name and password."))
    return DriveGuide(MACOS, "macOS",
                      translate("DriveAddresses", "In Finder choose Go > Connect to Server… "
                                "(⌘K), type the address and click Connect."),
                      _addresses(share, lambda host: share_url(share, host)), tuple(notes))


def _gnome(share: DriveShare) -> DriveGuide:
    scheme, default = ("davs", 443) if share.tls else ("dav", 80)
    notes = []
    if share.tls:
        notes.append(translate("DriveAddresses", "Files asks whether to trust Pier's "
                               "certificate unless the system trusts Pier's certificate "
                               "authority; compare its fingerprint with the one Pier's "
                               "Certificate… window shows."))
    if share.login:
        notes.append(translate("DriveAddresses", "Files asks for the account's name and "
                               "password."))
    notes.append(translate("DriveAddresses", "From a terminal: gio mount followed by the "
                           "address."))
    return DriveGuide(GNOME, translate("DriveAddresses", "GNOME Files"),
                      translate("DriveAddresses", "In Files choose Other Locations, type the "
                                "address in “Connect to Server” at the bottom and click "
                                "Connect."),
                      _addresses(share, lambda host: web_address(scheme, host, share.port,
                                                                 default)),
                      tuple(notes))


def _kde(share: DriveShare) -> DriveGuide:
    scheme, default = ("webdavs", 443) if share.tls else ("webdav", 80)
    notes = []
    if share.tls:
        notes.append(translate("DriveAddresses", "Dolphin asks whether to trust Pier's "
                               "certificate unless the system trusts Pier's certificate "
                               "authority."))
    if share.login:
        notes.append(translate("DriveAddresses", "Dolphin asks for the account's name and "
                               "password."))
    return DriveGuide(KDE, translate("DriveAddresses", "KDE Dolphin"),
                      translate("DriveAddresses", "In Dolphin press Ctrl+L, type the address "
                                "and press Enter (Network > Add Network Folder keeps it)."),
                      _addresses(share, lambda host: web_address(scheme, host, share.port,
                                                                 default)),
                      tuple(notes))


def _rclone(share: DriveShare) -> DriveGuide:
    notes = []
    if share.login:
        notes.append(translate("DriveAddresses", "Put the account's name for {account}, then "
                               "store its password with “rclone config password {remote} pass "
                               "PASSWORD” (rclone keeps it obscured).").format(
            account=ACCOUNT, remote=REMOTE))
    if share.tls:
        notes += [translate("DriveAddresses", "Add --ca-cert {file} (Pier's certificate "
                            "authority, PEM) to every rclone command.").format(file=CA_FILE),
                  get_ca()]
    notes.append(translate("DriveAddresses", "Then: rclone ls {remote}:, rclone copy "
                           "{remote}:FOLDER ., or rclone mount {remote}: ~/Pier.").format(
        remote=REMOTE))
    return DriveGuide(RCLONE, "rclone",
                      translate("DriveAddresses", "Run this once to make the remote "
                                "“{remote}”:").format(remote=REMOTE),
                      _addresses(share, lambda host: rclone_command(share, host)), tuple(notes))


def _davfs2(share: DriveShare) -> DriveGuide:
    notes = [translate("DriveAddresses", "davfs2 asks for a user name and password: type the "
                       "account's.") if share.login
             else translate("DriveAddresses", "davfs2 asks for a user name and password: press "
                            "Enter at both.")]
    if share.tls:
        notes += [translate("DriveAddresses", "Trust Pier's certificate authority (PEM): add "
                            "“trust_ca_cert /path/to/{file}” to /etc/davfs2/davfs2.conf.").format(
            file=CA_FILE), get_ca()]
    notes.append(translate("DriveAddresses", "Changes reach the share when a file is closed "
                           "(davfs2 keeps a cache); sudo umount {folder} when done.").format(
        folder=MOUNT_POINT))
    notes.append(translate("DriveAddresses", "Folders look empty or “ls” says “Invalid "
                           "argument”? davfs2 before 1.7.2 on Linux 6.16 or later needs "
                           "“buf_size 132” in /etc/davfs2/davfs2.conf."))
    return DriveGuide(DAVFS2, translate("DriveAddresses", "Linux (davfs2)"),
                      translate("DriveAddresses", "Install davfs2 (apt install davfs2), make the "
                                "folder {folder}, then run:").format(folder=MOUNT_POINT),
                      _addresses(share, lambda host: davfs2_command(share, host)), tuple(notes))
