"""LAN discovery over real mDNS traffic, kept on the loopback interface.

Every Zeroconf here (the announcer's and the test's browser) is bound to 127.0.0.1 only, so no
packet leaves the machine. mDNS itself fixes port 5353; instance names carry a random tag so
runs that happen to share a machine do not see each other's services.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from zeroconf import IPVersion, ServiceBrowser, ServiceStateChange, Zeroconf

from server.config import ServerConfig
from server.discovery import (
    HTTP_SERVICE,
    HTTPS_SERVICE,
    MAX_INSTANCE_BYTES,
    RENAME_ROOM,
    Announcement,
    announce_addresses,
    browse,
    instance_name,
)
from server.engine import ServerEngine
from server.urls import lan_ipv4_addresses

LOOPBACK = "127.0.0.1"
MDNS_GROUP = "224.0.0.251"
SETTLE = 8.0  # probing + announcing takes ~1.6 s (~3.3 s after a rename); generous for slow CI


def _multicast_reaches_loopback() -> bool:
    """Send one datagram to the mDNS group through lo (ephemeral port) and see if it arrives."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as receiver, \
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
        receiver.bind(("", 0))
        membership = socket.inet_aton(MDNS_GROUP) + socket.inet_aton(LOOPBACK)
        try:
            receiver.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, membership)
            sender.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(LOOPBACK))
            sender.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
            sender.sendto(b"pier-probe", (MDNS_GROUP, receiver.getsockname()[1]))
            receiver.settimeout(1.0)
            return receiver.recv(64) == b"pier-probe"
        except OSError:
            return False


def _enable_loopback_multicast() -> bool:
    """As root only: `ip link set lo multicast on` (some kernels want the flag), then re-probe."""
    ip = shutil.which("ip")
    if os.geteuid() != 0 or ip is None:
        return False
    done = subprocess.run([ip, "link", "set", "lo", "multicast", "on"], check=False,
                          capture_output=True, timeout=5)
    return done.returncode == 0 and _multicast_reaches_loopback()


@pytest.fixture(scope="module")
def loopback_multicast() -> None:
    if not (_multicast_reaches_loopback() or _enable_loopback_multicast()):
        pytest.skip("multicast does not reach the loopback interface here, and it could not be "
                    "enabled (needs root: `ip link set lo multicast on`)")


class Watcher:
    """Collects a ServiceBrowser's events so a test can wait for one without sleeping."""

    def __init__(self) -> None:
        self._seen: list[tuple[str, ServiceStateChange]] = []
        self._changed = threading.Condition()

    def __call__(self, zeroconf: Zeroconf, service_type: str, name: str,
                 state_change: ServiceStateChange) -> None:
        with self._changed:
            self._seen.append((name, state_change))
            self._changed.notify_all()

    def wait_for(self, name: str, state: ServiceStateChange, timeout: float = SETTLE) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: (name, state) in self._seen, timeout)

    def saw(self, name: str) -> bool:
        with self._changed:
            return any(seen == name for seen, _ in self._seen)


@pytest.fixture
def browser(loopback_multicast: None) -> Iterator[Zeroconf]:
    zc = Zeroconf(interfaces=[LOOPBACK], ip_version=IPVersion.V4Only)
    yield zc
    zc.close()


@pytest.fixture
def watch(browser: Zeroconf) -> Iterator:
    browsers: list[ServiceBrowser] = []

    def start(service_type: str) -> Watcher:
        watcher = Watcher()
        browsers.append(ServiceBrowser(browser, service_type, handlers=[watcher]))
        return watcher

    yield start
    for running in browsers:
        running.cancel()


@pytest.fixture
def announce(loopback_multicast: None) -> Iterator:
    made: list[Announcement] = []

    def make(share_name: str, port: int, tls: bool = False) -> Announcement:
        announcement = Announcement(share_name, port, tls=tls, host=LOOPBACK,
                                    interfaces=[LOOPBACK])
        made.append(announcement)
        return announcement

    yield make
    for announcement in made:
        announcement.stop()


def unique(label: str) -> str:
    return f"{label} {uuid.uuid4().hex[:8]}"


def full_name(instance: str, service_type: str = HTTP_SERVICE) -> str:
    return f"{instance}.{service_type}"


def test_announced_share_is_found_with_port_address_and_txt(announce, watch, browser) -> None:
    watcher = watch(HTTP_SERVICE)
    share = unique("Été photos")
    announcement = announce(share, 8123)
    announcement.start()

    assert announcement.wait_registered(SETTLE), announcement.error
    assert announcement.registered_name == share
    assert watcher.wait_for(full_name(share), ServiceStateChange.Added)
    info = browser.get_service_info(HTTP_SERVICE, full_name(share), timeout=3000)
    assert info is not None
    assert info.port == 8123
    assert info.parsed_addresses() == [LOOPBACK]
    assert info.properties == {b"path": b"/", b"app": b"pier"}
    assert info.server is not None and info.server.endswith(".local.")


def test_https_share_is_announced_as_https(announce, watch, browser) -> None:
    plain, secure = watch(HTTP_SERVICE), watch(HTTPS_SERVICE)
    share = unique("Secure")
    announcement = announce(share, 8443, tls=True)
    announcement.start()

    assert secure.wait_for(full_name(share, HTTPS_SERVICE), ServiceStateChange.Added)
    info = browser.get_service_info(HTTPS_SERVICE, full_name(share, HTTPS_SERVICE), timeout=3000)
    assert info is not None and info.port == 8443
    assert not plain.saw(full_name(share, HTTP_SERVICE))


def test_stop_sends_goodbyes_and_leaves_no_thread(announce, watch, browser) -> None:
    watcher = watch(HTTP_SERVICE)
    before = set(threading.enumerate())
    share = unique("Leaving")
    announcement = announce(share, 8124)

    announcement.start()
    assert not announcement.wait_registered(0)  # start() does not wait for probing (~0.75 s)
    assert watcher.wait_for(full_name(share), ServiceStateChange.Added)
    assert announcement.wait_registered(SETTLE), announcement.error
    added = [t.name for t in set(threading.enumerate()) - before]
    assert added == ["pier-mdns"]  # zeroconf runs inside it and starts no thread of its own

    announcement.stop()

    assert announcement.registered_name is None
    assert set(threading.enumerate()) - before == set()
    assert watcher.wait_for(full_name(share), ServiceStateChange.Removed, timeout=3.0)


def test_same_name_twice_gets_two_distinct_names(announce, watch, browser) -> None:
    watcher = watch(HTTP_SERVICE)
    share = unique("Twins")
    first, second = announce(share, 8201), announce(share, 8202)
    first.start()
    assert first.wait_registered(SETTLE), first.error
    second.start()
    assert second.wait_registered(SETTLE), second.error

    assert first.registered_name == share
    assert second.registered_name is not None
    assert second.registered_name != share and second.registered_name.startswith(share)
    assert watcher.wait_for(full_name(second.registered_name), ServiceStateChange.Added)
    info = browser.get_service_info(HTTP_SERVICE, full_name(second.registered_name), timeout=3000)
    assert info is not None and info.port == 8202


def test_stop_during_probing_is_clean(announce, watch) -> None:
    watcher = watch(HTTP_SERVICE)
    before = set(threading.enumerate())
    announcement_name = unique("Hasty")
    announcement = announce(announcement_name, 8126)
    announcement.start()

    announcement.stop()

    assert announcement.registered_name is None
    assert set(threading.enumerate()) - before == set()
    assert not watcher.saw(full_name(announcement_name))


def test_browse_helper_lists_the_share(announce) -> None:
    share = unique("Browsed")
    announcement = announce(share, 8127)
    announcement.start()
    assert announcement.wait_registered(SETTLE), announcement.error

    # a responder waits 1 s after its last announcement before answering again (RFC 6762 §6)
    found = browse(HTTP_SERVICE, timeout=2.0, interfaces=[LOOPBACK])

    ours = [info for info in found if info.name == full_name(share)]
    assert len(ours) == 1
    assert ours[0].port == 8127
    assert ours[0].properties[b"app"] == b"pier"


def test_nothing_to_announce_on_is_a_clear_error() -> None:
    announcement = Announcement("Nowhere", 8128, tls=False, host=LOOPBACK, interfaces=[])
    announcement.start()

    assert not announcement.wait_registered(2.0)
    assert announcement.error is not None and "no network address" in announcement.error
    announcement.stop()


def test_instance_names_fit_dns_sd() -> None:
    assert instance_name("  My   share ") == "My share"
    assert instance_name("Tab\there\x00nul") == "Tab here nul"
    assert instance_name("") == "Pier"
    assert instance_name("\n\t") == "Pier"
    long = instance_name("é" * 40)  # 2 bytes each: cut between characters, not inside one
    assert long == "é" * ((MAX_INSTANCE_BYTES - RENAME_ROOM) // 2)
    assert len(f"{long}-999".encode()) <= MAX_INSTANCE_BYTES


def test_addresses_follow_the_bound_host() -> None:
    assert announce_addresses("127.0.0.1") == ["127.0.0.1"]
    assert announce_addresses("localhost") == ["127.0.0.1"]
    assert announce_addresses("192.168.1.20") == ["192.168.1.20"]
    assert announce_addresses("0.0.0.0") == lan_ipv4_addresses()


def test_engine_announces_a_lan_share_and_withdraws_it(loopback_multicast: None,
                                                       share: Path) -> None:
    # 127.0.0.2 is loopback too, but not "this computer only" for Pier: the engine announces.
    name = unique("Engine share")
    engine = ServerEngine()
    engine.start(ServerConfig(root=share, host="127.0.0.2", port=0, announce=True,
                              server_name=name))
    try:
        deadline = time.monotonic() + SETTLE
        while engine.announced_name is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert engine.announced_name == name
        found = browse(HTTP_SERVICE, 2.0, interfaces=[LOOPBACK])
        assert (full_name(name), engine.port) in {(s.name, s.port) for s in found}
    finally:
        engine.stop()
    assert engine.announced_name is None


def test_local_only_shares_are_never_announced(share: Path) -> None:
    engine = ServerEngine()
    engine.start(ServerConfig(root=share, host="127.0.0.1", port=0, announce=True))
    try:
        assert engine.announced_name is None
    finally:
        engine.stop()
