"""Interfaces told apart by name, and the share's addresses with VPN, container and
virtual-machine networks last."""

from __future__ import annotations

import ipaddress

import pytest

from server import urls
from server.interface_kinds import (
    CONTAINERS,
    VIRTUAL_MACHINE,
    VPN,
    InterfaceAddress,
    all_own_addresses,
    interface_kind,
    ipv4_interface_addresses,
)


@pytest.mark.parametrize(("name", "kind"), [
    ("eth0", None), ("enp3s0", None), ("wlan0", None), ("wlp2s0", None), ("en0", None),
    ("Wi-Fi", None), ("Ethernet 2", None), ("bridge100", VIRTUAL_MACHINE),
    ("docker0", CONTAINERS), ("br-3f2a9c1d", CONTAINERS), ("veth12ab", CONTAINERS),
    ("cni0", CONTAINERS), ("vEthernet (WSL)", CONTAINERS), ("virbr0", VIRTUAL_MACHINE),
    ("vmnet8", VIRTUAL_MACHINE), ("vboxnet0", VIRTUAL_MACHINE),
    ("VirtualBox Host-Only Network", VIRTUAL_MACHINE), ("tun0", VPN), ("tap1", VPN),
    ("wg0", VPN), ("tailscale0", VPN), ("ztabcdef12", VPN), ("utun3", VPN), ("ppp0", VPN),
    ("ZeroTier One [8056c2e21c000001]", VPN),
])
def test_interface_kinds_by_name(name, kind):
    assert interface_kind(name) == kind


def test_virtual_networks_come_after_ordinary_ones(monkeypatch):
    found = [InterfaceAddress("docker0", "172.17.0.1"), InterfaceAddress("tun0", "10.8.0.2"),
             InterfaceAddress("wlp2s0", "192.168.1.20"), InterfaceAddress("eth1", "203.0.113.5")]
    monkeypatch.setattr(urls, "ipv4_interface_addresses", lambda: found)
    assert urls.lan_ipv4_addresses() == ["192.168.1.20", "203.0.113.5", "10.8.0.2",
                                         "172.17.0.1"]
    assert urls.share_urls("0.0.0.0", 8000)[1] == "http://192.168.1.20:8000/"


def test_the_real_interfaces_and_own_addresses():
    found = ipv4_interface_addresses()
    assert all(ipaddress.ip_address(a.address).version == 4 for a in found)
    own = all_own_addresses()
    assert {"127.0.0.1", "::1"} <= own
    assert {a.address for a in found} <= own
